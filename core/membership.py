"""Mega-region (城市群) membership: which prefectures belong to which of the 19 urban
agglomerations of China's 14th Five-Year Plan, and whether each is a core or a secondary city.

A **core city** is a municipality (Beijing, Tianjin, Shanghai, Chongqing), a provincial
capital or a sub-provincial city (Dalian, Qingdao, Ningbo, Xiamen, Shenzhen); every other
prefecture-level member is **secondary**. A city can belong to two mega-regions and its
role is per mega-region (method.md, section 1).

The bundled membership table is ``resources/data/megaregions/membership.csv``; its
``SOURCE.md`` gives the plan documents, the decisions taken and the rows flagged as
uncertain (``note`` starting with ``FLAG:``). A user table needs at least the columns
``REQUIRED_COLUMNS``; ``membership`` (full/partial) and ``note`` are optional.

Administrative codes (adcodes, GB/T 2260) are compared as 6-digit strings after
:func:`normalise_adcode`: integers, floats such as ``110100.0`` and strings with spaces are
accepted; Chongqing ``500100`` becomes ``500000`` and the municipalities' province codes
``110000``, ``120000``, ``310000`` become ``110100``, ``120100``, ``310100``, as in the
bundled boundaries; 12-digit statistical codes ending in ``000000`` are cut to 6 digits.
"""
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .fields import (CORE, MEGAREGION, MEGAREGION_ID, MEGAREGION_ZH, PHASE, ROLE, ROLES, SECONDARY, list_names,
                     reason_of)
from .messages import msg
from .admin.tables import read_table
from .admin.city_ids import AGGREGATE_FIX, check_one_feature_per_key, county_evidence, is_county_code

__all__ = [
    "MembershipError",
    "MEMBERSHIP_PATH",
    "REQUIRED_COLUMNS",
    "OUTPUT_COLUMNS",
    "normalise_adcode",
    "load_membership",
    "assign_megaregions",
    "summarise_membership",
    "MEMBER_SETS",
    "member_set",
    "ordinary_cities",
]

MEMBERSHIP_PATH = Path(__file__).resolve().parents[1] / "resources" / "data" / "megaregions" / "membership.csv"

REQUIRED_COLUMNS = (MEGAREGION_ID, "megaregion_en", MEGAREGION_ZH, PHASE, "adcode", "name_zh", ROLE)
MEMBERSHIP_KINDS = ("full", "partial")
FLAG_PREFIX = "FLAG:"
SAR_ADCODES = ("810000", "820000")  # Hong Kong, Macao
#: The member sets :func:`assign_megaregions` offers: every member the plan documents name, or
#: the ordinary prefecture-level cities among them, the sample of Du (2026), chapter 1.
MEMBER_SETS = ("plan", "du2026")
# Names of prefecture-level units that are not cities: autonomous prefectures, leagues and
# prefectures (地区).
_NOT_CITY = re.compile(r"(?:自治州|地区|盟)$")
# Output columns added by assign_megaregions, in this order.
OUTPUT_COLUMNS = (
    MEGAREGION_ID, MEGAREGION, MEGAREGION_ZH, ROLE, PHASE,
    "membership", "uncertain", "membership_note", "source_row",
)

# GB/T 2260 province-level prefixes (two first digits of every valid adcode).
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82",
})
# Codes that name the same prefecture-level unit as the boundaries' code.
_SAME_UNIT = {"500100": "500000", "110000": "110100", "120000": "120100", "310000": "310100"}
_NAMED = 5  # how many offending values a message names before "..."


class MembershipError(ValueError):
    """A membership table or a prefecture key that cannot be used."""


def _names(values, quote=True):
    """'a', 'b', 'c', ... for the first few of ``values``."""
    return list_names(values, limit=_NAMED, quote=quote)


def _digits(value):
    """The digit string of an int, integral float or numeric string; None otherwise."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return None
    if isinstance(value, (int, np.integer)):
        return str(int(value)) if value >= 0 else None
    if isinstance(value, (float, np.floating)):
        if not np.isfinite(value) or value < 0 or value != int(value):
            return None
        return str(int(value))
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        try:
            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
        value = str(value)
    text = re.sub(r"\s+", "", value.replace("\u3000", ""))
    match = re.fullmatch(r"(\d+)(?:\.0*)?", text)
    return match.group(1) if match else None


def normalise_adcode(value):
    """``value`` as a 6-digit GB/T 2260 code string, or None if it is not one.

    Accepts ints, integral floats (``110100.0``), strings with spaces or a trailing ``.0``,
    and 12-digit statistical codes whose last 6 digits are zeros. The first two digits must
    be a province code. Chongqing ``500100`` -> ``500000``; ``110000`` / ``120000`` /
    ``310000`` -> ``110100`` / ``120100`` / ``310100`` (municipalities: the province is the
    prefecture-level unit). 4-digit prefixes are not codes here: :func:`assign_megaregions`
    resolves them against the membership table."""
    digits = _digits(value)
    if digits is None:
        return None
    if len(digits) == 12 and digits.endswith("000000"):
        digits = digits[:6]
    if len(digits) != 6 or digits[:2] not in _PROVINCES:
        return None
    return _SAME_UNIT.get(digits, digits)


def _text(series):
    """Strings with surrounding spaces removed; missing values -> ''."""
    return series.map(lambda v: "" if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA
                      else str(v).strip())


def _read_table(path):
    """A membership file as a DataFrame of raw values, by the rules of :func:`.tables.read_table`
    (UTF-8, UTF-16, GBK or GB18030 text with its delimiter sniffed; Excel workbooks)."""
    path = Path(path)
    if not path.is_file():
        raise MembershipError(msg("Membership table {path!r} does not exist: give the path of a CSV or Excel file.",
                                  "城市群成员表 {path!r} 不存在：请给出 CSV 或 Excel 文件的路径。", path=str(path)))
    try:
        frame = read_table(path)
    except ValueError as exc:
        raise MembershipError(msg("Membership table {path!r}: {why}.", "城市群成员表 {path!r}：{why}。",
                                  path=str(path), why=reason_of(exc))) from exc
    # cells as text: codes keep their digits whatever reader made them
    return frame.apply(lambda column: column.map(lambda v: v if pd.isna(v) else str(v)))


def _rows(table, mask, values):
    """'BTH 北京市: 'x'' for the rows of ``table`` where ``mask`` holds."""
    where = np.flatnonzero(np.asarray(mask, dtype=bool))
    return [f"{table['megaregion_id'].iat[i]} {table['name_zh'].iat[i]}: {values.iat[i]!r}" for i in where]


def load_membership(source=None):
    """The membership table, validated and normalised.

    ``source``: None for the bundled table (``MEMBERSHIP_PATH``), a path to a CSV (UTF-8 or
    GBK) or Excel file, or a DataFrame (not modified). Column names are matched ignoring
    case and surrounding spaces.

    Returns a DataFrame in the table's row order (that order defines "first membership"),
    with ``adcode`` as 6-digit strings (:func:`normalise_adcode`), ``role`` in
    ``core``/``secondary``, ``membership`` in ``full``/``partial`` (``full`` where the column
    is missing or empty), ``note`` ('' where missing) and an added boolean ``uncertain``
    (note starts with ``FLAG:``). Other columns are kept as they are.

    Raises :class:`MembershipError` (a ValueError) for missing columns, invalid adcodes or
    roles, a (megaregion_id, adcode) pair listed twice, or a mega-region whose name or phase
    differs between its rows."""
    label = (msg("The bundled membership table", "插件自带的城市群成员表") if source is None
             else msg("The membership table", "城市群成员表"))
    if source is None:
        source = MEMBERSHIP_PATH
    table = source.copy() if isinstance(source, pd.DataFrame) else _read_table(source)
    table = table.rename(columns=lambda c: str(c).strip().lower() if str(c).strip().lower() in
                         REQUIRED_COLUMNS + ("membership", "note") else c)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        raise MembershipError(msg(
            "{table} lacks the column(s) {missing} (it has: {columns}): add them; the table needs {required} "
            "(optional: membership, note), as in the plugin's resources/data/megaregions/membership.csv.",
            "{table}缺少字段 {missing}（现有字段：{columns}）：请补上；该表需要 {required}"
            "（可选：membership、note），格式同插件的 resources/data/megaregions/membership.csv。",
            table=label, missing=", ".join(missing), columns=", ".join(map(str, table.columns)),
            required=", ".join(REQUIRED_COLUMNS)))
    if table.empty:
        raise MembershipError(msg("{table} has no rows: give a table with one row per (mega-region, prefecture).",
                                  "{table}没有任何行：请给出每个（城市群，地级市）占一行的表。", table=label))
    table = table.reset_index(drop=True)

    raw_codes = table["adcode"]
    table["adcode"] = raw_codes.map(normalise_adcode)
    for column in REQUIRED_COLUMNS:
        if column != "adcode":
            table[column] = _text(table[column])
    bad = table["adcode"].isna()
    if bad.any():
        rows = _rows(table, bad, raw_codes)
        listed = _names(rows, quote=False)
        raise MembershipError(msg(
            "{table} has {count} row(s) without a valid 6-digit adcode ({listed}): "
            "use the GB/T 2260 code of each prefecture, e.g. 130100 for 石家庄市.",
            "{table}有 {count} 行没有有效的 6 位行政区划代码（{listed}）：请使用各地级市的 GB/T 2260 代码，"
            "如石家庄市为 130100。", table=label, count=len(rows), listed=listed))
    empty_id = table[MEGAREGION_ID] == ""
    if empty_id.any():
        raise MembershipError(msg(
            "{table} has {count} row(s) with an empty megaregion_id ({names}): "
            "give every row its mega-region's id, e.g. BTH.",
            "{table}有 {count} 行的 megaregion_id 为空（{names}）：请为每一行填写所属城市群的代码，如 BTH。",
            table=label, count=int(empty_id.sum()), names=_names(table.loc[empty_id, 'name_zh'])))

    table[ROLE] = table[ROLE].str.lower()
    bad = ~table[ROLE].isin(ROLES)
    if bad.any():
        rows = _rows(table, bad, table[ROLE])
        listed = _names(rows, quote=False)
        raise MembershipError(msg(
            "{table} has {count} row(s) whose role is neither 'core' nor 'secondary' ({listed}): "
            "set role to core (municipality, provincial capital, sub-provincial city) or secondary.",
            "{table}有 {count} 行的 role 既不是 'core' 也不是 'secondary'（{listed}）：请将 role 设为 core"
            "（核心城市：直辖市、省会城市、副省级城市）或 secondary（次级城市）。",
            table=label, count=len(rows), listed=listed))

    if "membership" in table.columns:
        kinds = _text(table["membership"]).str.lower()
    else:
        kinds = pd.Series("", index=table.index)
    kinds = kinds.where(kinds != "", "full")
    bad = ~kinds.isin(MEMBERSHIP_KINDS)
    if bad.any():
        rows = _rows(table, bad, kinds)
        listed = _names(rows, quote=False)
        raise MembershipError(msg(
            "{table} has {count} row(s) whose membership is neither 'full' nor 'partial' ({listed}): "
            "use partial where the plan includes only some counties of the prefecture, else full (or leave empty).",
            "{table}有 {count} 行的 membership 既不是 'full' 也不是 'partial'（{listed}）：规划只纳入该地级市部分县区的"
            "填 partial，否则填 full（或留空）。", table=label, count=len(rows), listed=listed))
    table["membership"] = kinds
    table["note"] = _text(table["note"]) if "note" in table.columns else ""
    table["uncertain"] = table["note"].str.upper().str.startswith(FLAG_PREFIX)

    dup = table.duplicated([MEGAREGION_ID, "adcode"], keep=False)
    if dup.any():
        rows = sorted(set(_rows(table, dup, table["adcode"])))
        listed = _names(rows, quote=False)
        raise MembershipError(msg(
            "{table} lists {count} prefecture(s) twice in the same mega-region ({listed}): "
            "keep one row per (megaregion_id, adcode).",
            "{table}在同一城市群中重复列出了 {count} 个地级市（{listed}）：每个（megaregion_id，adcode）只保留一行。",
            table=label, count=len(rows), listed=listed))
    for column in ("megaregion_en", "megaregion_zh", "phase"):
        variants = table.groupby(MEGAREGION_ID, sort=False)[column].nunique()
        if (variants > 1).any():
            ids = list(variants.index[variants > 1])
            raise MembershipError(msg(
                "{table} gives mega-region(s) {ids} more than one {column}: "
                "use the same {column} on every row of a mega-region.",
                "{table}中城市群 {ids} 的 {column} 不止一个：同一城市群的每一行请使用相同的 {column}。",
                table=label, ids=_names(ids), column=column))
    return table


def _is_sar(table):
    sar = table["adcode"].isin(SAR_ADCODES)
    if "unit_type" in table.columns:
        sar |= _text(table["unit_type"]).str.lower().eq("sar")
    return sar


def ordinary_cities(table):
    """Boolean mask of the rows of a membership table that are ordinary prefecture-level cities
    (地级市 and the four municipalities): the sample of Du (2026), chapter 1.

    Left out are county-level units directly under a province (``unit_type``
    ``province_direct_county_level``, or GB/T 2260 codes whose 3rd-4th digits are 90, e.g.
    仙桃市 429004, 济源市 419001, 石河子市 659001), autonomous prefectures, leagues and
    prefectures (names ending in 自治州, 盟, 地区) and Hong Kong and Macao. Partial members (the
    plan includes some of their counties) stay, as in the dissertation: Chengdu-Chongqing has
    2 cores among 16 cities."""
    unit = _text(table["unit_type"]).str.lower() if "unit_type" in table.columns else pd.Series("", index=table.index)
    codes = table["adcode"].map(lambda c: c if isinstance(c, str) else normalise_adcode(c))
    county_level = unit.eq("province_direct_county_level") | codes.map(lambda c: isinstance(c, str) and c[2:4] == "90")
    not_city = _text(table["name_zh"]).str.contains(_NOT_CITY)
    return ~(county_level | not_city | _is_sar(table))


def member_set(membership=None, members="plan", include_sar=False):
    """The membership table restricted to a member set (see :data:`MEMBER_SETS`).

    ``members='plan'``: every member the plan documents name, Hong Kong and Macao only with
    ``include_sar``. ``members='du2026'``: the ordinary prefecture-level cities
    (:func:`ordinary_cities`), e.g. BTH 3 cores / 13 cities, PRD 2 / 9, Chengdu-Chongqing
    2 / 16, Shandong Peninsula 2 / 16, central-southern Liaoning 2 / 9, central Shanxi 1 / 5.
    ``membership`` is anything :func:`load_membership` takes, or its result."""
    if members not in MEMBER_SETS:
        raise MembershipError(msg(
            "members={members!r}: use 'plan' (every member of the plan documents) or 'du2026'.",
            "members={members!r}：请使用 'plan'（规划文件列出的全部成员）或 'du2026'。", members=members))
    if members == "du2026" and include_sar:
        raise MembershipError(msg(
            "Hong Kong and Macao cannot be included in the member set as in Du 2026, which has ordinary "
            "prefecture-level cities only: choose the plan documents' member set, or leave Hong Kong and Macao out.",
            "按 Du 2026 的成员集合不能纳入香港和澳门，该集合只含普通地级市：请选择规划文件的成员集合，"
            "或不纳入香港和澳门。"))
    table = membership if isinstance(membership, pd.DataFrame) and "uncertain" in membership.columns \
        else load_membership(membership)
    if members == "du2026":
        return table[ordinary_cities(table)]
    return table if include_sar else table[~_is_sar(table)]


def summarise_membership(membership=None):
    """One row per mega-region, in table order: ``megaregion_id``, ``megaregion``,
    ``megaregion_zh``, ``phase``, ``units``, ``core``, ``secondary``, ``partial``,
    ``uncertain`` (counts) and ``core_cities`` (Chinese names joined by '、')."""
    table = membership if isinstance(membership, pd.DataFrame) and "uncertain" in membership.columns \
        else load_membership(membership)
    rows = []
    for mid, group in table.groupby(MEGAREGION_ID, sort=False):
        rows.append({
            "megaregion_id": mid,
            "megaregion": group["megaregion_en"].iat[0],
            "megaregion_zh": group["megaregion_zh"].iat[0],
            "phase": group["phase"].iat[0],
            "units": len(group),
            "core": int((group[ROLE] == CORE).sum()),
            "secondary": int((group[ROLE] == SECONDARY).sum()),
            "partial": int((group["membership"] == "partial").sum()),
            "uncertain": int(group["uncertain"].sum()),
            "core_cities": "、".join(group.loc[group[ROLE] == CORE, "name_zh"]),
        })
    return pd.DataFrame(rows)


def _earlier_memberships(prefectures, codes):
    """Rows an earlier run repeated for a city in several mega-regions (one feature per
    membership, each with its own ``megaregion_id``): not a repeated key. None without that
    column."""
    if MEGAREGION_ID not in prefectures.columns:
        return None
    regions = prefectures[MEGAREGION_ID].reset_index(drop=True).map(lambda v: v if isinstance(v, str) else None)
    frame = pd.DataFrame({"code": codes.to_numpy(), "region": regions.to_numpy()})
    distinct = frame.groupby("code", dropna=True)["region"].agg(lambda r: r.notna().all() and r.is_unique)
    return frame["code"].map(distinct).fillna(False).astype(bool).to_numpy()


def _resolve_short_codes(raw, codes, table_codes):
    """Resolve 4-digit prefixes ('1301' -> '130100') where exactly one membership adcode
    (or the prefix followed by '00') fits; returns codes and the ambiguous raw values."""
    ambiguous = []
    known = set(table_codes)
    out = codes.copy()
    for i in np.flatnonzero(codes.isna().to_numpy()):
        digits = _digits(raw.iat[i])
        if digits is None or len(digits) != 4 or digits[:2] not in _PROVINCES:
            continue
        full = normalise_adcode(digits + "00")
        if full in known:
            out.iat[i] = full
            continue
        candidates = sorted(c for c in known if c.startswith(digits))
        if len(candidates) == 1:
            out.iat[i] = candidates[0]
        elif len(candidates) > 1:
            ambiguous.append(raw.iat[i])
        else:
            out.iat[i] = full  # a valid prefecture code in no mega-region
    return out, ambiguous


def assign_megaregions(prefectures, key="adcode", membership=None, multiple="all", unassigned="keep",
                       include_sar=False, members="plan"):
    """Add mega-region, role and phase to each prefecture.

    Parameters
    ----------
    prefectures : DataFrame or GeoDataFrame (not modified), one row per prefecture.
    key : the column holding administrative codes (any form :func:`normalise_adcode` accepts;
        4-digit prefixes such as 1301 are used when exactly one member code fits).
    membership : None (bundled table), a path, or a DataFrame; see :func:`load_membership`.
    multiple : 'all' (default) gives one row per membership of a city in several mega-regions;
        'first' keeps only its first membership **in the row order of the membership table**.
        In the bundled table that is BTH for 邯郸 and 邢台, SDP for 聊城 and 菏泽, CPL for 运城
        and MYR for 上饶, 鹰潭 and 抚州.
    unassigned : 'keep' (default) keeps prefectures in no mega-region, with missing values in
        the added columns; 'drop' leaves them out.
    include_sar : False (default) leaves Hong Kong and Macao out of the membership table
        (``unit_type`` 'sar' or adcode 810000/820000: no prefecture-level yearbook data), so
        PRD has its 9 Guangdong cities; True keeps them as members.
    members : 'plan' (default) for every member the plan documents name; 'du2026' for the
        ordinary prefecture-level cities only, as in Du (2026), chapter 1 (see
        :func:`member_set`); the other prefectures are then in no mega-region.

    Returns
    -------
    DataFrame (GeoDataFrame for a GeoDataFrame input) with a fresh RangeIndex: the
    prefecture's columns, then ``megaregion_id``, ``megaregion`` (English name, e.g.
    'Beijing-Tianjin-Hebei'), ``megaregion_zh``, ``role`` (core/secondary), ``phase``,
    ``membership`` (full/partial), ``uncertain`` (nullable Int64: 1 where the table's note
    starts with 'FLAG:', else 0), ``membership_note`` (the table's note, None when empty)
    and ``source_row`` (the input row position, 0-based, to copy geometries by). Rows follow
    the input order, and a city's memberships follow the table order.
    Input columns named like an added column (e.g. from an earlier run) are replaced;
    ``result.attrs['warnings']`` lists such replacements and key values that are not codes.

    Raises :class:`MembershipError` (a ValueError) if ``key`` is not a column, holds no
    administrative codes at all, repeats (:func:`.admin.city_ids.check_one_feature_per_key`: counties
    keyed by their parent city, or one city in several features; an earlier run's one feature
    per membership is not a repeat), or an option is invalid. Features with county-level codes
    in no mega-region are named in the warnings.
    """
    if multiple not in ("all", "first"):
        raise MembershipError(msg("multiple={value!r}: use 'all' (one row per membership) or 'first'.",
                                  "multiple={value!r}：请使用 'all'（每个成员身份一行）或 'first'。", value=multiple))
    if unassigned not in ("keep", "drop"):
        raise MembershipError(msg("unassigned={value!r}: use 'keep' (missing values) or 'drop'.",
                                  "unassigned={value!r}：请使用 'keep'（保留为空值）或 'drop'。", value=unassigned))
    if key not in prefectures.columns:
        columns = ", ".join(map(str, prefectures.columns))
        raise MembershipError(msg(
            "Key field {key!r} is not a column of the prefectures (columns: {columns}): "
            "choose the field holding the 6-digit administrative codes (adcode).",
            "关键字段 {key!r} 不是地级市图层的字段（字段：{columns}）：请选择存放 6 位行政区划代码（adcode）的字段。",
            key=key, columns=columns))
    table = member_set(membership, members, include_sar)
    if multiple == "first":
        table = table.drop_duplicates("adcode", keep="first")
    table = table.reset_index(drop=True)
    warnings = []

    raw = prefectures[key].reset_index(drop=True)
    codes = raw.map(normalise_adcode)
    codes, ambiguous = _resolve_short_codes(raw, codes, table["adcode"])
    present = raw.map(lambda v: _digits(v) is not None or (isinstance(v, str) and v.strip() != ""))
    if len(raw) and codes.notna().sum() == 0:
        examples = [v for v in raw if v is not None and not (isinstance(v, float) and np.isnan(v))]
        raise MembershipError(msg(
            "Key field {key!r} holds no 6-digit administrative codes (values: {values}): "
            "choose the field with the GB/T 2260 codes of the prefectures, e.g. 'adcode' (130100 for 石家庄市).",
            "关键字段 {key!r} 中没有 6 位行政区划代码（取值：{values}）：请选择存放地级市 GB/T 2260 代码的字段，"
            "如 'adcode'（石家庄市为 130100）。",
            key=key, values=_names(examples) or msg("all empty", "全部为空")))
    try:
        check_one_feature_per_key(prefectures.reset_index(drop=True), key, codes=codes,
                                  except_rows=_earlier_memberships(prefectures, codes))
    except ValueError as exc:
        raise MembershipError(reason_of(exc)) from None
    if ambiguous:
        warnings.append(msg(
            "{count} 4-digit value(s) of {key!r} fit several member codes and were left unassigned "
            "({values}): use 6-digit codes.",
            "{key!r} 中有 {count} 个 4 位取值与多个成员代码相符，未予分配（{values}）：请使用 6 位代码。",
            count=len(ambiguous), key=key, values=_names(ambiguous)))
    not_codes = codes.isna() & present.astype(bool) & ~raw.isin(ambiguous)
    if not_codes.any():
        warnings.append(msg(
            "{count} value(s) of {key!r} are not administrative codes and match no mega-region ({values}).",
            "{key!r} 中有 {count} 个取值不是行政区划代码，未匹配任何城市群（{values}）。",
            count=int(not_codes.sum()), key=key, values=_names(raw[not_codes])))

    county = codes.map(lambda c: is_county_code(c) and c not in set(table["adcode"]))
    if county.any():
        frame = prefectures.reset_index(drop=True)
        evidence = county_evidence(frame, np.flatnonzero(county.to_numpy())) or \
            msg("county-level codes", "区县级代码")
        warnings.append(msg(
            "{count} features are counties or districts ({evidence}), not prefectures, and are in no mega-region "
            "({values}): {fix}.",
            "{count} 个要素是区县（{evidence}），不是地级市，不属于任何城市群（{values}）：{fix}。",
            count=int(county.sum()), evidence=evidence, values=_names(raw[county], quote=False), fix=AGGREGATE_FIX))

    right = pd.DataFrame({
        "_code": table["adcode"],
        "_order": np.arange(len(table)),
        "megaregion_id": table[MEGAREGION_ID],
        "megaregion": table["megaregion_en"],
        "megaregion_zh": table["megaregion_zh"],
        "role": table[ROLE],
        "phase": table["phase"],
        "membership": table["membership"],
        "uncertain": table["uncertain"].astype("int64"),
        "membership_note": table["note"].where(table["note"] != ""),
    })
    left = pd.DataFrame({"source_row": np.arange(len(raw), dtype="int64"), "_code": codes.astype(object)})
    joined = left.merge(right, how="left", on="_code", sort=False)
    joined = joined.sort_values(["source_row", "_order"], kind="mergesort", na_position="last")
    if unassigned == "drop":
        joined = joined[joined[MEGAREGION_ID].notna()]
    joined = joined.reset_index(drop=True)
    joined["uncertain"] = joined["uncertain"].astype("Int64")
    joined["source_row"] = joined["source_row"].astype("int64")
    for column in OUTPUT_COLUMNS:
        if column in ("uncertain", "source_row"):
            continue
        # None, not NaN, for missing text: QGIS NULL, and the same on pandas 1.x and 2.x
        joined[column] = pd.Series([v if isinstance(v, str) else None for v in joined[column]],
                                   index=joined.index, dtype=object)

    clashes = [c for c in OUTPUT_COLUMNS if c in prefectures.columns]
    if clashes:
        warnings.append(msg(
            "The input already has the column(s) {columns} (e.g. from an earlier run): they were "
            "replaced by the assigned values. Rows that an earlier run repeated for cities in two mega-regions "
            "stay repeated; run on the original prefectures to avoid this.",
            "输入图层已有字段 {columns}（例如来自之前的运行）：已用本次分配的值替换。之前的运行为同属两个城市群的"
            "城市重复出的行仍会重复；请在原始地级市图层上运行以避免这种情况。", columns=", ".join(clashes)))
    result = prefectures.iloc[joined["source_row"].to_numpy()].reset_index(drop=True)
    if clashes:
        result = result.drop(columns=clashes)
    for column in OUTPUT_COLUMNS:
        # a Series keeps its dtype (object with None, Int64); a bare array would be re-inferred
        result[column] = joined[column].set_axis(result.index)
    result.attrs["warnings"] = warnings
    return result
