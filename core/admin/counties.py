"""Prefecture-level units from county-level data: which prefecture each county belongs to,
and the sums and weighted means of its numbers.

The parent rule (GB/T 2260 codes: two digits province, two prefecture, two county):

1. With a parent field (Amap's ``ctadcode``, DataV's ``parent`` written as JSON
   ``{"adcode": 320700}``), a unit belongs to the prefecture its parent names. A parent that
   is a province (``xx0000``) means the unit is directly under its province: it is a
   prefecture itself, or a province-direct county-level unit, and the code rule below decides.
2. From the unit's own 6-digit code:

   - municipalities (codes 11…, 12…, 31…, 50…): every district and county, also Chongqing's
     counties 5002xx, belongs to the one municipality, under the code of the bundled names
     table (北京 110100, 天津 120100, 上海 310100, 重庆 500000; ``keys.canonical_code``
     makes ``xx0000`` and ``xx0100`` one unit);
   - ``xxyy00`` (``yy`` not ``00``): a prefecture-level unit; it passes through as itself;
   - ``xx90zz``: a province-direct county-level unit (省直辖县级行政区划: 济源 419001, 仙桃
     429004, Hainan's 4690xx, Xinjiang's 6590xx); it stays a unit of its own, as the plan
     documents list them, or is dropped when the planner chooses so;
   - ``xx0000`` of a province: not a prefecture, left out (Taiwan 710000, Hong Kong 810000
     and Macao 820000 are units of the bundled table and pass through);
   - any other code ``xxyyzz`` belongs to ``xxyy00`` (Hong Kong's districts 8100zz to 810000).

   A table that holds a prefecture's own row and also its counties (yearbooks and web tables
   mix levels) keeps the prefecture's row: its counties are left out, never added to it twice.

The numbers of the units of one prefecture (and year, for a long table):

- sums (counts, totals, areas): :math:`S = \\sum_i x_i` over the units with a value;
- means (rates, shares, per-capita values): :math:`\\bar x = \\sum_i w_i x_i / \\sum_i w_i` over
  the units where both :math:`x_i` and :math:`w_i > 0` are present (:math:`w_i = 1` without a
  weight field, the plain mean);
- a prefecture where no unit has a value gets NULL, never 0; each unit left out of a sum or
  mean is counted in ``null_note`` (``popu 1/5 NULL``: one of five units had no value;
  ``gdp_pc 2/5 NULL or weight NULL/0``).

A numeric field in neither list is left out (named once); no field is summed that was not asked for.
"""
import json
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..fields import list_names
from ..messages import msg
from . import keys
from .tables import NumberFormatError, numeric_fields, parse_number

#: COUNTY_LEVEL_CITIES choices: province-direct county-level units kept as units, or dropped.
KEEP, DROP = 0, 1

# the kind of each unit, from the parent rule
PREFECTURE = "prefecture"          # a prefecture-level unit: passes through as itself
COUNTY = "county"                  # a county-level unit of a prefecture (or of a municipality)
PROVINCE_DIRECT = "province_direct"  # a province-direct county-level unit (xx90zz)
PROVINCE = "province"              # a province's own code: not a prefecture, left out

NAME_FIELDS = ("name", "NAME", "Name", "name_zh", "名称", "名字", "地名")

#: the fields of every output row before the numbers (public API)
OUTPUT_FIELDS = ("adcode", "name", "n_units", "null_note")


@dataclass
class Aggregation:
    """The prefectures (``table``: ``adcode``, ``name``, [year], ``n_units``, ``null_note``, the
    numbers), the input rows of each (``groups``, for the geometries), and what the log says."""

    table: pd.DataFrame
    groups: list
    notes: list = field(default_factory=list)       # msg texts, one per kind of thing left out
    left_out_fields: list = field(default_factory=list)
    names_from_input: list = field(default_factory=list)
    dropped_county_level: list = field(default_factory=list)


# --------------------------------------------------------------------------- codes

def code_value(value):
    """The 6-digit code written in ``value`` (see :func:`keys.parse_code`), also when it is
    DataV's JSON parent ``{"adcode": 500000}`` (a dict or its text). None when missing;
    :class:`keys.CodeFormatError` when not a code."""
    if isinstance(value, dict):
        value = value.get("adcode")
    elif isinstance(value, str) and value.strip().startswith("{"):
        try:
            parsed = json.loads(value)
        except ValueError:
            raise keys.CodeFormatError(value, "not readable JSON") from None
        value = parsed.get("adcode") if isinstance(parsed, dict) else parsed
    return keys.parse_code(value)


def bundled_code(code, units):
    """The code under which the bundled names table lists ``code``'s unit: a municipality's
    ``xx0000``/``xx0100`` becomes the table's one code (110100, 500000); others stay."""
    if code[:2] in keys.MUNICIPALITIES:
        for candidate in (code[:2] + "0100", code[:2] + "0000"):
            if candidate in units:
                return candidate
        return code[:2] + "0100"
    return code


def parent_from_code(code, units):
    """``(prefecture code, kind)`` of the unit with 6-digit ``code`` by the code rule (module
    docstring); ``units`` are the bundled units (adcode -> Unit). The code is None for a
    province's own code (kind ``PROVINCE``)."""
    province = code[:2]
    if province in keys.MUNICIPALITIES:
        own = code[2:] in ("0000", "0100")
        return bundled_code(code, units), PREFECTURE if own else COUNTY
    if code[2:] == "0000":
        return (code, PREFECTURE) if code in units else (None, PROVINCE)
    if code[4:] == "00":
        return code, PREFECTURE
    if code[2:4] == "90":
        return code, PROVINCE_DIRECT
    parent = code[:4] + "00"
    if parent[2:] == "0000" and parent not in units:
        return code, PROVINCE_DIRECT
    return parent, COUNTY


def parent_of(code, parent, units):
    """``(prefecture code, kind)`` of one unit from its own code and its parent's code (either
    may be None): the parent decides unless it is a province (module docstring, rule 1)."""
    if parent is not None:
        if parent[:2] in keys.MUNICIPALITIES:
            target = bundled_code(parent, units)
            own = code is not None and bundled_code(code, units) == target and code[2:] in ("0000", "0100")
            return target, PREFECTURE if own else COUNTY
        if parent[2:] != "0000" or parent in units:
            if code is not None and code == parent:
                return parent, PREFECTURE
            if code is not None and code[:2] != parent[:2]:
                raise ValueError(msg(
                    "unit {code} is given the parent {parent}, which is in another province",
                    "单元 {code} 的上级 {parent} 属于另一个省份", code=code, parent=parent))
            return parent, COUNTY
    if code is None:
        return None, None
    return parent_from_code(code, units)


# --------------------------------------------------------------------------- checks

def _check_fields(frame, code_field, parent_field, sum_fields, mean_fields, weight_field, year_field):
    columns = [str(c) for c in frame.columns]
    shown = list_names(columns, limit=30)
    for parameter, names in (("CODE_FIELD", [code_field]), ("PARENT_FIELD", [parent_field]),
                             ("SUM_FIELDS", sum_fields), ("MEAN_FIELDS", mean_fields),
                             ("WEIGHT_FIELD", [weight_field]), ("YEAR_FIELD", [year_field])):
        missing = [n for n in names if n and n not in columns]
        if missing:
            raise ValueError(msg(
                "{parameter}: {missing} is not a field of the input (fields: {fields}): choose a field of the "
                "input layers.",
                "{parameter}：{missing} 不是输入的字段（字段：{fields}）：请选择输入图层中的字段。",
                parameter=parameter, missing=list_names(missing, quote=True), fields=shown))
    if not code_field and not parent_field:
        raise ValueError(msg(
            "CODE_FIELD is empty: choose the field with the units' 6-digit administrative codes (adcode).",
            "CODE_FIELD 为空：请选择存放单元 6 位行政区划代码（adcode）的字段。"))
    both = [f for f in sum_fields if f in mean_fields]
    if both:
        raise ValueError(msg(
            "{fields} is in both SUM_FIELDS and MEAN_FIELDS: a field is either summed (counts, totals, areas) or "
            "averaged (rates, shares, per-capita values); choose one.",
            "{fields} 同时在 SUM_FIELDS 和 MEAN_FIELDS 中：一个字段要么求和（数量、总量、面积），要么求平均"
            "（比率、比重、人均值），请只选一种。", fields=list_names(both, quote=True)))
    keys_used = {code_field: "CODE_FIELD", parent_field: "PARENT_FIELD", year_field: "YEAR_FIELD"}
    for name in list(sum_fields) + list(mean_fields) + [weight_field]:
        if name and name in keys_used:
            raise ValueError(msg(
                "'{field}' is the {parameter}: it cannot also be summed, averaged or used as weight.",
                "“{field}”是 {parameter}：不能同时用于求和、求平均或作权重。", field=name, parameter=keys_used[name]))
    if weight_field and not mean_fields:
        raise ValueError(msg(
            "WEIGHT_FIELD '{field}' is given but MEAN_FIELDS is empty: the weight only weights means; choose the "
            "fields to average, or leave WEIGHT_FIELD empty.",
            "给出了 WEIGHT_FIELD“{field}”，但 MEAN_FIELDS 为空：权重只用于加权平均；请选择要平均的字段，"
            "或清空 WEIGHT_FIELD。", field=weight_field))
    if weight_field and weight_field in mean_fields:
        raise ValueError(msg(
            "'{field}' is both WEIGHT_FIELD and in MEAN_FIELDS: choose another weight (population, area).",
            "“{field}”既是 WEIGHT_FIELD 又在 MEAN_FIELDS 中：请选择其他权重（人口、面积）。", field=weight_field))


def _numbers(frame, name, parameter):
    values = np.full(len(frame), np.nan)
    bad = []
    for i, value in enumerate(frame[name].tolist()):
        try:
            values[i] = parse_number(value)
        except NumberFormatError:
            bad.append(value)
    if bad:
        raise ValueError(msg(
            "{parameter}: field '{field}' is not numeric: {count} values are not numbers ({values}); choose a field "
            "of numbers (numbers written as text such as \"1,234.5\" are read).",
            "{parameter}：字段“{field}”不是数值字段：{count} 个取值不是数字（{values}）；请选择数值字段"
            "（“1,234.5”这类文本数字可以读取）。",
            parameter=parameter, field=name, count=len(bad), values=list_names([str(b) for b in bad], quote=True)))
    return values


def _years(frame, year_field):
    years = []
    bad = []
    for value in frame[year_field].tolist():
        try:
            number = parse_number(value)
        except NumberFormatError:
            bad.append(value)
            continue
        if math.isnan(number) or number != int(number):
            bad.append(value)
            continue
        years.append(int(number))
    if bad:
        raise ValueError(msg(
            "YEAR_FIELD '{field}' holds {count} values that are not years ({values}): fill or remove those rows, or "
            "leave YEAR_FIELD empty for a table with one row per unit.",
            "YEAR_FIELD“{field}”中有 {count} 个取值不是年份（{values}）：请补齐或删除这些行；每个单元只有一行的表"
            "请清空 YEAR_FIELD。", field=year_field, count=len(bad), values=list_names([str(b) for b in bad], quote=True)))
    return years


def _codes(frame, name):
    """Codes of field ``name`` (None where missing) and the values that are not codes."""
    codes, bad = [], []
    for value in frame[name].tolist():
        try:
            codes.append(code_value(value))
        except keys.CodeFormatError:
            codes.append(None)
            bad.append(value)
    return codes, bad


# --------------------------------------------------------------------------- aggregation

def _name_field(frame, name_field):
    if name_field:
        return name_field
    for candidate in NAME_FIELDS:
        if candidate in frame.columns:
            return candidate
    return None


def aggregate_counties(frame, code_field, parent_field=None, sum_fields=(), mean_fields=(), weight_field=None,
                       year_field=None, county_level=KEEP, name_field=None, reference=None):
    """One row per prefecture-level unit (and year) of the county-level rows of ``frame``.

    ``frame``: one row per unit (merged input layers); ``code_field``: the units' 6-digit
    codes; ``parent_field``: their parents' codes (optional); ``sum_fields``, ``mean_fields``,
    ``weight_field``, ``year_field``: see the module docstring; ``county_level``: ``KEEP`` or
    ``DROP`` province-direct county-level units. Raises ``ValueError`` (bilingual) for fields
    that are not in the frame, not numeric, or chosen twice, for codes that are not codes, and
    for a unit given twice."""
    sum_fields = [f for f in (sum_fields or []) if f]
    mean_fields = [f for f in (mean_fields or []) if f]
    weight_field = weight_field or None
    parent_field = parent_field or None
    year_field = year_field or None
    if county_level not in (KEEP, DROP):
        raise ValueError(msg("COUNTY_LEVEL_CITIES = {value}: choose 0 (keep as units) or 1 (drop).",
                             "COUNTY_LEVEL_CITIES = {value}：请选择 0（保留为单元）或 1（舍去）。", value=county_level))
    _check_fields(frame, code_field, parent_field, sum_fields, mean_fields, weight_field, year_field)
    if frame.empty:
        raise ValueError(msg("The input has no rows: choose the layers or tables of county-level units.",
                             "输入没有任何行：请选择县级单元的图层或表格。"))
    units = (reference or keys.reference()).units
    frame = frame.reset_index(drop=True)
    n = len(frame)
    notes = []

    codes, bad_codes = _codes(frame, code_field) if code_field else ([None] * n, [])
    parents, bad_parents = _codes(frame, parent_field) if parent_field else ([None] * n, [])
    for parameter, name, found, bad in (("CODE_FIELD", code_field, codes, bad_codes),
                                        ("PARENT_FIELD", parent_field, parents, bad_parents)):
        if name and bad and not any(c is not None for c in found):
            raise ValueError(msg(
                "{parameter} '{field}' holds no administrative codes: {values} are not 6-digit GB/T 2260 codes; "
                "choose the field with the codes (adcode, such as 320703).",
                "{parameter}“{field}”中没有行政区划代码：{values} 不是 6 位 GB/T 2260 代码；请选择存放代码的字段"
                "（adcode，如 320703）。", parameter=parameter, field=name,
                values=list_names([str(b) for b in bad], quote=True)))
        if bad:
            notes.append(msg(
                "{count} values of {parameter} '{field}' are not administrative codes ({values}): those units are "
                "left out.",
                "{parameter}“{field}”中有 {count} 个取值不是行政区划代码（{values}）：这些单元未计入。",
                count=len(bad), parameter=parameter, field=name, values=list_names([str(b) for b in bad], quote=True)))
    if code_field and not any(c is not None for c in codes) and not parent_field:
        raise ValueError(msg("CODE_FIELD '{field}' is empty in every row: choose the field with the codes.",
                             "CODE_FIELD“{field}”在所有行中都为空：请选择存放代码的字段。", field=code_field))

    sums = {f: _numbers(frame, f, "SUM_FIELDS") for f in sum_fields}
    means = {f: _numbers(frame, f, "MEAN_FIELDS") for f in mean_fields}
    weights = _numbers(frame, weight_field, "WEIGHT_FIELD") if weight_field else None
    if weights is not None and (weights < 0).any():
        negative = frame[weight_field][weights < 0].tolist()
        raise ValueError(msg(
            "WEIGHT_FIELD '{field}' has negative values ({values}): weights are populations, areas or other amounts "
            "of 0 or more.",
            "WEIGHT_FIELD“{field}”有负值（{values}）：权重应为人口、面积等不小于 0 的量。",
            field=weight_field, values=list_names([str(v) for v in negative], quote=True)))
    years = _years(frame, year_field) if year_field else [None] * n

    used = {code_field, parent_field, weight_field, year_field, *sum_fields, *mean_fields}
    left_out = numeric_fields(frame, exclude=used)

    targets, kinds = [], []
    missing_code, provinces = 0, []
    raw_codes = frame[code_field].tolist() if code_field else [None] * n
    raw_parents = frame[parent_field].tolist() if parent_field else [None] * n
    for code, parent, raw_code, raw_parent in zip(codes, parents, raw_codes, raw_parents):
        target, kind = parent_of(code, parent, units)
        if target is None:
            if kind == PROVINCE:
                provinces.append(code)
            elif keys.is_missing(raw_code) and keys.is_missing(raw_parent):  # not-codes are noted above
                missing_code += 1
        targets.append(target)
        kinds.append(kind)
    if missing_code:
        notes.append(msg("{count} units have no code: left out.", "{count} 个单元没有代码：未计入。",
                         count=missing_code))
    if provinces:
        notes.append(msg(
            "{count} rows are provinces, not prefecture-level units ({codes}): left out.",
            "{count} 行是省级单元，不是地级单元（{codes}）：未计入。",
            count=len(provinces), codes=list_names(sorted(set(provinces)))))

    rows = pd.DataFrame({"target": targets, "kind": kinds, "code": codes, "year": years})
    rows = rows[rows["target"].notna()]
    dropped = []
    if county_level == DROP:
        direct = rows["kind"] == PROVINCE_DIRECT
        dropped = sorted(set(rows.loc[direct, "target"]))
        rows = rows[~direct]
    if rows.empty:
        raise ValueError(msg("No unit of the input belongs to a prefecture-level unit: check CODE_FIELD and "
                             "PARENT_FIELD.", "输入中没有任何单元属于地级单元：请检查 CODE_FIELD 和 PARENT_FIELD。"))

    # a unit given twice (the same file chosen twice; DataV's Taiwan both in china.json and in
    # 710000.json) is counted once when its rows say the same; rows that differ are refused,
    # since either choice could be wrong
    known = rows[rows["code"].notna()]
    repeated = known[known.duplicated(subset=["code", "year"], keep=False)]
    if len(repeated):
        numbers = [sums[f] for f in sum_fields] + [means[f] for f in mean_fields] + (
            [weights] if weights is not None else [])
        differ = []
        for (code, _), group in repeated.groupby(["code", "year"], sort=True, dropna=False):
            first = group.index[0]
            for values in numbers:
                row_values = values[list(group.index)]
                same = np.all((row_values == values[first]) | (np.isnan(row_values) & np.isnan(values[first])))
                if not same:
                    differ.append(code)
                    break
        if differ:
            raise ValueError(msg(
                "{count} units appear more than once in the input with different values ({codes}): a unit would be "
                "counted twice; remove the repeated rows or files.",
                "{count} 个单元在输入中多次出现且取值不同（{codes}）：会被重复计算；请删除重复的行或文件。",
                count=len(set(differ)), codes=list_names(sorted(set(differ)))))
        extra = repeated[repeated.duplicated(subset=["code", "year"], keep="first")]
        notes.append(msg(
            "{count} units appear more than once in the input with the same values ({codes}): counted once.",
            "{count} 个单元在输入中多次出现且取值相同（{codes}）：只计一次。",
            count=extra["code"].nunique(), codes=list_names(sorted(set(extra["code"])))))
        rows = rows.drop(extra.index)

    # a prefecture's own row wins over its counties (mixed-level tables)
    own = rows["kind"] == PREFECTURE
    with_own = set(zip(rows.loc[own, "target"], rows.loc[own, "year"]))
    shadowed = rows[~own & pd.Series([(t, y) in with_own for t, y in zip(rows["target"], rows["year"])],
                                     index=rows.index, dtype=bool)]
    if len(shadowed):
        notes.append(msg(
            "{count} county-level rows belong to prefectures that have their own row in the input ({codes}): the "
            "prefecture's row is used and those rows are left out, so nothing is counted twice.",
            "{count} 个县级行所属的地级单元在输入中已有自己的行（{codes}）：采用地级单元的行，这些县级行未计入，"
            "以免重复计算。", count=len(shadowed), codes=list_names(sorted(set(shadowed["target"])))))
        rows = rows.drop(shadowed.index)

    name_col = _name_field(frame, name_field)
    members = {}
    for position, target, year in zip(rows.index, rows["target"], rows["year"]):
        members.setdefault((target, year), []).append(int(position))
    out, groups, from_input = [], [], []
    for (target, year), positions in sorted(members.items(), key=lambda item: (item[0][0], item[0][1] or 0)):
        record = {"adcode": target}
        unit = units.get(target)
        if unit is not None:
            record["name"] = unit.name_zh
        else:
            own_rows = [p for p in positions if codes[p] == target]
            value = frame[name_col].iloc[own_rows[0]] if (name_col and own_rows) else None
            record["name"] = None if keys.is_missing(value) else str(value).strip()
            from_input.append(target)
        if year_field:
            record[year_field] = year
        record["n_units"] = len(positions)
        note = []
        for f in sum_fields:
            x = sums[f][positions]
            present = ~np.isnan(x)
            record[f] = _fsum(x[present], f, target) if present.any() else None
            if not present.all():
                note.append(f"{f} {int((~present).sum())}/{len(x)} NULL")
        for f in mean_fields:
            x = means[f][positions]
            w = weights[positions] if weights is not None else np.ones(len(x))
            ok = ~np.isnan(x) & ~np.isnan(w) & (w > 0)
            record[f] = _weighted_mean(x[ok], w[ok], f, target) if ok.any() else None
            if not ok.all():
                extra = " or weight NULL/0" if weights is not None else ""
                note.append(f"{f} {int((~ok).sum())}/{len(x)} NULL{extra}")
        record["null_note"] = "; ".join(note) or None
        out.append(record)
        groups.append(positions)
    columns = (list(OUTPUT_FIELDS[:2]) + ([year_field] if year_field else []) + list(OUTPUT_FIELDS[2:])
               + sum_fields + mean_fields)
    table = pd.DataFrame(out, columns=columns)
    for f in sum_fields + mean_fields:
        table[f] = pd.to_numeric(table[f], errors="coerce").astype(float)
    return Aggregation(table, groups, notes, left_out, sorted(set(from_input)), dropped)


def _fsum(values, name, code):
    try:
        total = math.fsum(values.tolist())
    except OverflowError:
        total = math.inf
    if not math.isfinite(total):
        raise ValueError(msg("The sum of '{field}' for {code} is too large for a number: check the values.",
                             "{code} 的“{field}”之和超出数值范围：请检查取值。", field=name, code=code))
    return total


def _weighted_mean(x, w, name, code):
    # scaled by the largest weight so that sum(w*x) stays finite for any float64 input
    scale = float(np.max(w))
    ws = w / scale
    try:
        value = math.fsum((ws * x).tolist()) / math.fsum(ws.tolist())
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        raise ValueError(msg("The mean of '{field}' for {code} is too large for a number: check the values.",
                             "{code} 的“{field}”平均值超出数值范围：请检查取值。", field=name, code=code))
    return value


# --------------------------------------------------------------------------- encodings

def dbf_text_is_utf8(path, max_records=5000):
    """True when the text fields of the dBASE file ``path`` hold non-ASCII bytes that are all
    valid UTF-8 (so a reader that falls back to Latin-1 for a file without ``.cpg`` would show
    mojibake such as ``è¿\\x9eäº\\x91å\\x8cº`` for 连云区); False otherwise (ASCII only, or
    another encoding such as GBK, whose text is rarely valid UTF-8).

    Reads the dBASE header (record count at byte 4, header and record lengths at 8 and 10,
    32-byte field descriptors from byte 32 up to 0x0D) and the character (``C``) fields of
    at most ``max_records`` records."""
    with open(path, "rb") as handle:
        header = handle.read(32)
        if len(header) < 32:
            return False
        records = int.from_bytes(header[4:8], "little")
        header_length = int.from_bytes(header[8:10], "little")
        record_length = int.from_bytes(header[10:12], "little")
        descriptors = handle.read(max(header_length - 32, 0))
        fields, offset = [], 1  # each record starts with its deletion flag
        for start in range(0, len(descriptors) - 31, 32):
            descriptor = descriptors[start:start + 32]
            if descriptor[0] == 0x0D:
                break
            length = descriptor[16]
            if descriptor[11:12] == b"C":
                fields.append((offset, length))
            offset += length
        if not fields or record_length <= 0:
            return False
        handle.seek(header_length)
        non_ascii = False
        for _ in range(min(records, max_records)):
            record = handle.read(record_length)
            if len(record) < record_length:
                break
            for start, length in fields:
                raw = record[start:start + length].rstrip(b" \x00")
                if any(b >= 0x80 for b in raw):
                    try:
                        raw.decode("utf-8")
                    except UnicodeDecodeError:
                        return False
                    non_ascii = True
    return non_ascii
