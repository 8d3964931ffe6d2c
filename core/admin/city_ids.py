"""One feature per city: the check that keeps counties and districts from being measured as
cities.

A layer of counties or districts keyed by their parent city's code (``ctadcode`` of Amap's
county files, ``parent`` of DataV's) repeats that code once per county; joined to the
mega-region membership it would make every county a "city" of its mega-region, and every
measure would be computed over counties. These functions find such layers and refuse them
with a message that names the key, how many features share it, a few of their names, what the
layer says it holds (a ``level`` field saying district or county, or county-level codes) and the
fix: aggregate the counties to prefectures with 'Prefectures from counties'
(``megaregion:aggregatecounties``).

County-level codes (GB/T 2260): the last two digits of a 6-digit code are not ``00``, except
the county-level units directly under a province, which are prefecture-level units of the
analysis: ``4190xx`` (济源), ``4290xx`` (仙桃, 潜江, 天门, 神农架), ``4690xx`` (Hainan) and
``6590xx`` (Xinjiang's corps cities).
"""
import re

import numpy as np
import pandas as pd

from ..fields import list_names
from ..messages import msg

__all__ = ["AGGREGATE_FIX", "is_county_code", "county_evidence", "name_column", "repeated_keys",
           "check_one_feature_per_key", "check_one_row_per_city"]

#: Prefixes of province-direct county-level units: prefecture-level units of the analysis.
PROVINCE_DIRECT = ("4190", "4290", "4690", "6590")
#: Values of a level field that say a feature is a county or a district, not a prefecture.
COUNTY_LEVELS = frozenset({"district", "county", "county-level", "county_level", "countylevel", "区", "县",
                           "县级", "县级市", "区县", "县区", "市辖区", "旗", "自治县", "自治旗", "林区", "特区"})
# Field names that hold the administrative level of a feature (level, adlevel, 级别, 行政级别 ...).
_LEVEL_FIELD = re.compile(r"^(?:ad_?|admin_?)?level$|级别$|层级$", re.IGNORECASE)
# Field names that hold a feature's name, in the order they are preferred.
_NAME_FIELDS = ("name", "name_zh", "名称", "名字", "地名", "county", "district", "区县", "区县名称", "县名")
_SHOWN = 5  # names listed per key

#: The fix for counties keyed by their parent city, in every message that refuses them.
AGGREGATE_FIX = msg("aggregate the counties to prefectures first with 'Prefectures from counties' "
                    "(megaregion:aggregatecounties)",
                    "请先用“县级单元汇总为地级单元”（megaregion:aggregatecounties）将区县汇总为地级市")


def _code_digits(value):
    """The 6 digits of a code written as text, integer or whole float; None otherwise."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (float, np.floating)):
        if not np.isfinite(value) or value != int(value):
            return None
        value = int(value)
    text = re.sub(r"\.0*$", "", str(value).strip())
    return text if len(text) == 6 and text.isdigit() else None


def is_county_code(value):
    """True for a county-level GB/T 2260 code (last two digits not 00), except the
    province-direct units 4190xx, 4290xx, 4690xx and 6590xx.

    >>> is_county_code("320703"), is_county_code(320100), is_county_code("429004"), is_county_code("abc")
    (True, False, False, False)
    """
    digits = _code_digits(value)
    return digits is not None and digits[4:] != "00" and digits[:4] not in PROVINCE_DIRECT


def _blank(value):
    return value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)) or \
        (isinstance(value, str) and value.strip() == "")


def name_column(frame, exclude=()):
    """The column that names the features: the first of the usual name fields (name, name_zh,
    名称 ...) present, else the first text column holding Chinese characters; None without one."""
    lower = {str(c).lower(): c for c in frame.columns if c not in exclude}
    for wanted in _NAME_FIELDS:
        if wanted in lower:
            return lower[wanted]
    for column in frame.columns:
        if column in exclude or not pd.api.types.is_string_dtype(frame[column]):  # object or str columns
            continue
        if any(isinstance(v, str) and re.search(r"[\u3400-\u9fff]", v) for v in frame[column].head(50)):
            return column
    return None


def county_evidence(frame, rows=None, code_fields=()):
    """What says the rows of ``frame`` (positions, default all) are counties or districts, as a
    message, or None: a level field (``level``, ``级别`` ...) whose value is district or county
    for most of them, or county-level codes in one of ``code_fields`` or in a field named
    ``adcode``/``code``."""
    part = frame if rows is None else frame.iloc[list(rows)]
    if part.empty:
        return None
    for column in part.columns:
        if not _LEVEL_FIELD.search(str(column)):
            continue
        values = [str(v).strip().lower() for v in part[column] if not _blank(v)]
        county = [v for v in values if v in COUNTY_LEVELS]
        if values and len(county) * 2 > len(values):
            return msg("field '{field}' says '{value}'", "字段“{field}”为“{value}”",
                       field=column, value=max(set(county), key=county.count))
    fields = list(dict.fromkeys(list(code_fields) + [c for c in part.columns if str(c).lower() in ("adcode", "code")]))
    for column in fields:
        if column not in part.columns:
            continue
        values = [v for v in part[column] if not _blank(v)]
        county = [v for v in values if is_county_code(v)]
        if values and len(county) * 2 > len(values):
            return msg("'{field}' holds county-level codes such as {code}", "“{field}”中为区县级代码，如 {code}",
                       field=column, code=_code_digits(county[0]))
    return None


def repeated_keys(keys, groups=None):
    """``{key: [row positions]}`` for every non-missing key that occurs more than once (within
    the same group when ``groups`` is given; groups that are missing are not compared), in the
    order the keys first appear."""
    seen = {}
    for i, k in enumerate(keys):
        if _blank(k):
            continue
        g = None if groups is None else groups[i]
        if groups is not None and _blank(g):
            continue
        seen.setdefault((g, k), []).append(i)
    return {gk: rows for gk, rows in seen.items() if len(rows) > 1}


def _listed(repeated, names, limit=3):
    """'320100 (11: 玄武区, 秦淮区, 建邺区, ...)' for the first ``limit`` keys."""
    parts = []
    for (group, key), rows in list(repeated.items())[:limit]:
        shown = list_names([names[r] for r in rows], limit=_SHOWN)
        where = "" if group is None else f"{group} "
        parts.append(f"{where}{key} ({len(rows)}: {shown})")
    return "; ".join(parts) + ("; ..." if len(repeated) > limit else "")


def check_one_feature_per_key(frame, key, codes=None, except_rows=None):
    """Refuse a layer in which the key ``key`` repeats (``codes``: the key values as compared,
    default the column itself).

    Features that share a key and a name (or every attribute, without a name field) are one
    city in several parts; they are refused too, with the fix to dissolve them by the key. Keys
    whose features differ otherwise are counties or districts of one parent: refused with
    :data:`AGGREGATE_FIX`. ``except_rows``: a boolean mask of rows not compared (an earlier
    run's one feature per membership). Raises ValueError."""
    values = list(frame[key] if codes is None else codes)
    if except_rows is not None:
        values = [None if skip else v for v, skip in zip(values, except_rows)]
    repeated = repeated_keys(values)
    if not repeated:
        return
    written = list(frame[key])  # the keys as the layer writes them, for the message
    repeated = {(g, written[rows[0]]): rows for (g, _), rows in repeated.items()}
    name_field = name_column(frame, exclude=(key,))
    names = [str(v) for v in (frame[name_field] if name_field is not None else frame[key])]
    parts, counties = {}, {}
    for gk, rows in repeated.items():
        if name_field is not None:
            same = len({names[r] for r in rows}) == 1
        else:
            same = len(frame.iloc[rows].astype(str).drop_duplicates()) == 1
        (parts if same else counties)[gk] = rows
    if counties:
        rows = [r for rs in counties.values() for r in rs]
        evidence = county_evidence(frame, rows, code_fields=[c for c in frame.columns if c != key])
        said = msg(" ({evidence})", "（{evidence}）", evidence=evidence) if evidence is not None else ""
        raise ValueError(msg(
            "KEY '{key}' repeats: {count} key values are shared by {features} features with different names, "
            "e.g. {listed}: these features are counties or districts of one city{said}, not prefectures, and every "
            "measure would count them as cities: {fix}, with PARENT_FIELD '{key}'",
            "KEY“{key}”有重复：{count} 个键值被 {features} 个名称不同的要素共用，如 {listed}：这些要素是同一城市的"
            "区县{said}，不是地级市，各项指数会把它们当作城市计算：{fix}，PARENT_FIELD 设为“{key}”",
            key=key, count=len(counties), features=len(rows), listed=_listed(counties, names), said=said,
            fix=AGGREGATE_FIX))
    rows = [r for rs in parts.values() for r in rs]
    raise ValueError(msg(
        "KEY '{key}' repeats for features of the same name: {count} cities come in several parts ({features} "
        "features), e.g. {listed}: dissolve them into one feature per city first (QGIS 'Dissolve' with "
        "'{key}' as the dissolve field), so each city is counted once",
        "KEY“{key}”在同名要素间重复：{count} 个城市被拆成多个要素（共 {features} 个要素），如 {listed}："
        "请先将其融合为每个城市一个要素（QGIS“融合”，融合字段为“{key}”），使每个城市只计一次",
        key=key, count=len(parts), features=len(rows), listed=_listed(parts, names)))


def check_one_row_per_city(frame, city_field, region_field, names=None, parameter="CITY_FIELD"):
    """Refuse a table in which one city id (``city_field``: the code field the assign step
    copied, or the analyst's city id) appears more than once within a mega-region
    (``region_field``: its name, or the mega-region of every row). A city in two mega-regions (one feature per membership) is fine; rows
    without a mega-region are not compared. Members whose id is a county-level code
    (:func:`is_county_code`) are refused too: a membership joined by a parent city's code.
    ``names``: the city names for the message (default the ids). Nothing is checked when ``city_field`` is None or not a column. Raises ValueError."""
    if city_field is None or city_field not in frame.columns:
        return
    if isinstance(region_field, str):
        if region_field not in frame.columns:
            return
        region_field = frame[region_field]
    ids = [None if _blank(v) else (_code_digits(v) or str(v).strip()) for v in frame[city_field]]
    regions = [None if _blank(v) else str(v).strip() for v in region_field]
    repeated = repeated_keys(ids, regions)
    names = [str(v) for v in (names if names is not None else frame[city_field])]
    if not repeated:
        county = [i for i, (c, r) in enumerate(zip(frame[city_field], regions)) if r is not None and is_county_code(c)]
        if county:
            shown = list_names([f"{ids[i]} {names[i]}" for i in county], limit=_SHOWN)
            raise ValueError(msg(
                "{parameter} '{field}' holds county-level codes for {count} mega-region members ({shown}): they are "
                "counties or districts, not prefectures, and every measure would count them as cities: {fix}, then "
                "assign the mega-regions again",
                "{parameter}“{field}”中有 {count} 个城市群成员为区县级代码（{shown}）：它们是区县，不是地级市，"
                "各项指数会把它们当作城市计算：{fix}，再重新分配城市群",
                parameter=parameter, field=city_field, count=len(county), shown=shown, fix=AGGREGATE_FIX))
        return
    rows = [r for rs in repeated.values() for r in rs]
    evidence = county_evidence(frame, rows, code_fields=[c for c in frame.columns if c != city_field])
    said = msg(" ({evidence})", "（{evidence}）", evidence=evidence) if evidence is not None else ""
    raise ValueError(msg(
        "{parameter} '{field}': {count} city ids appear more than once in the same mega-region ({features} features), "
        "e.g. {listed}: the features are counties or districts, or parts, of one city{said}, and every measure "
        "would count each as a city: {fix}, then assign the mega-regions again (a city in two mega-regions, one "
        "feature per membership, is fine)",
        "{parameter}“{field}”：{count} 个城市编号在同一城市群中出现不止一次（共 {features} 个要素），如 {listed}："
        "这些要素是同一城市的区县或组成部分{said}，各项指数会把每一个都当作城市计算：{fix}，再重新分配城市群"
        "（同属两个城市群的城市每个成员身份一个要素，不受影响）",
        parameter=parameter, field=city_field, count=len(repeated), features=len(rows),
        listed=_listed(repeated, names), said=said, fix=AGGREGATE_FIX))
