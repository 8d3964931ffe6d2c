"""The two years of a trend typology and its composite score (Du 2026, chapter 2).

A trend compares every indicator between two years, so its indicators are fields
``<name>_<year>`` (:mod:`megaregion.core.fields`); the trend itself is computed by
:func:`megaregion.core.typology.trend_typology`. Here: which indicators and years a
selection of fields gives (:func:`trend_indicators`), and the classical TOPSIS composite
of each year (:func:`trend_composite`), the same computation the gap typology makes for
its one year (:func:`megaregion.core.topsis.topsis_composite`).
"""
import pandas as pd

from .fields import base_name, field_year, list_names, year_field, years_of
from .messages import msg
from .topsis import topsis_composite


def trend_indicators(fields, cost_fields, year1, year2, layer_fields, neutral_fields=()):
    """Indicator names and years from ``<name>_<year>`` fields: ``(names, cost names,
    year1, year2, neutral names)``; a trend of two years (:func:`trend_years` with
    ``years=()``, which must give exactly two).

    With ``year1 = year2 = 0`` the years are those of ``fields``;
    otherwise every indicator needs ``<name>_<year1>`` and ``<name>_<year2>`` in the layer,
    selected or not. Cost and neutral indicators are named by field or by name.

    >>> trend_indicators(["popu_2010", "popu_2020", "gdp_2010"], [], 0, 0,
    ...                  ["popu_2010", "popu_2020", "gdp_2010", "gdp_2020"])
    (['popu', 'gdp'], [], 2010, 2020, [])
    >>> trend_indicators(["popu_2010"], [], 2010, 2020, ["popu_2010"])
    Traceback (most recent call last):
    ...
    ValueError: INPUT has no field 'popu_2020': every indicator needs a field for 2010 and for 2020; join that year's table or remove the indicator
    """
    names, cost, years, neutral = trend_years(fields, cost_fields, year1, year2, layer_fields, neutral_fields)
    if len(years) != 2:
        raise ValueError(msg(
            "INDICATORS give the years {years}: select the fields of exactly two years "
            "(e.g. popu_2010 and popu_2020), or set YEAR1 and YEAR2",
            "INDICATORS 字段的年份为 {years}：请选择恰好两个年份的字段（例如 popu_2010 和 popu_2020），"
            "或设置 YEAR1 和 YEAR2",
            years=", ".join(map(str, years))))
    return names, cost, years[0], years[1], neutral


def _years_text(text):
    """Years from ``"2000, 2005 2010"`` (commas, semicolons or spaces), or a bilingual error."""
    if isinstance(text, (list, tuple)):
        parts = [str(p) for p in text]
    else:
        parts = str(text or "").replace(";", ",").replace(" ", ",").split(",")
    parts = [p.strip() for p in parts if p.strip()]
    years = []
    for part in parts:
        try:
            year = int(float(part))
        except ValueError:
            year = None
        if year is None or str(year) != part.split(".")[0] or not 1000 <= year <= 9999:
            raise ValueError(msg("YEARS {value!r}: {part!r} is not a year; write the years as 4-digit numbers "
                                 "separated by commas, e.g. 2000, 2010, 2020, or leave YEARS empty",
                                 "YEARS {value!r}：{part!r} 不是年份；请以逗号分隔的四位数字填写年份，"
                                 "例如 2000, 2010, 2020，或将 YEARS 留空",
                                 value=text, part=part))
        years.append(year)
    return years


def trend_years(fields, cost_fields, year1, year2, layer_fields, neutral_fields=(), years=()):
    """Indicator names and years of a trend over two or more years: ``(names, cost names,
    years, neutral names)``.

    The years are ``years`` (a list or a text such as ``"2000, 2010, 2020"``; sorted, each
    once, at least two), else ``[year1, year2]`` when both are set (in that order), else every
    year of ``fields`` (at least two). Every indicator needs ``<name>_<year>`` in the layer
    for every year, selected or not. ``years`` and ``year1``/``year2`` cannot both be set.

    >>> trend_years(["popu_2000", "popu_2010", "popu_2020"], [], 0, 0,
    ...             ["popu_2000", "popu_2010", "popu_2020"])
    (['popu'], [], [2000, 2010, 2020], [])
    >>> trend_years(["popu_2000"], [], 0, 0, ["popu_2000", "popu_2010", "popu_2020"], years="2020,2000")[2]
    [2000, 2020]
    """
    chosen = _years_text(years)
    if chosen and (year1 or year2):
        raise ValueError(msg("YEARS ({years}) and YEAR1/YEAR2 ({year1}, {year2}) are both set: "
                             "choose the years in one of them and leave the other empty (0)",
                             "YEARS（{years}）与 YEAR1/YEAR2（{year1}，{year2}）同时设置：请只在其中之一选择年份，"
                             "另一个留空（0）",
                             years=", ".join(map(str, chosen)), year1=year1, year2=year2))
    if chosen:
        chosen = sorted(set(chosen))
        if len(chosen) < 2:
            raise ValueError(msg("YEARS gives only {years}: a trend needs at least two different years",
                                 "YEARS 只给出了 {years}：趋势分析需要至少两个不同的年份",
                                 years=", ".join(map(str, chosen))))
    no_year = [f for f in fields if field_year(f) is None]
    if no_year:
        raise ValueError(msg(
            "INDICATORS {fields} have no _<year> suffix: a trend needs "
            "<name>_<year> fields for two years, e.g. popu_2010 and popu_2020",
            "INDICATORS 中的 {fields} 没有 _<year> 年份后缀：趋势分析需要两个年份的 <name>_<year> 字段，"
            "例如 popu_2010 和 popu_2020",
            fields=list_names(no_year, quote=True)))
    names = list(dict.fromkeys(base_name(f) for f in fields))
    years = chosen or years_of(fields)
    if bool(year1) != bool(year2):
        raise ValueError(msg("YEAR1 = {year1} and YEAR2 = {year2}: set both, or leave both 0 to take the two "
                             "years of the INDICATORS fields",
                             "YEAR1 = {year1}，YEAR2 = {year2}：请同时设置两者，或都设为 0 以采用 INDICATORS "
                             "字段的两个年份",
                             year1=year1, year2=year2))
    if year1:
        if year1 == year2:
            raise ValueError(msg("YEAR1 and YEAR2 are both {year}: a trend needs two different years",
                                 "YEAR1 和 YEAR2 均为 {year}：趋势分析需要两个不同的年份", year=year1))
        years = [year1, year2]
    elif len(years) < 2:
        raise ValueError(msg(
            "INDICATORS give the year(s) {years}: select the fields of two or more "
            "years (e.g. popu_2010 and popu_2020), or set YEAR1 and YEAR2",
            "INDICATORS 字段的年份为 {years}：请选择两个或更多年份的字段（例如 popu_2010 和 popu_2020），"
            "或设置 YEAR1 和 YEAR2",
            years=", ".join(map(str, years))))
    years = list(years)
    layer_fields = set(layer_fields)
    missing = [year_field(n, y) for n in names for y in years if year_field(n, y) not in layer_fields]
    if missing and len(years) == 2:
        raise ValueError(msg(
            "INPUT has no field {fields}: every indicator needs a field for "
            "{year1} and for {year2}; join that year's table or remove the indicator",
            "INPUT 图层没有字段 {fields}：每个指标都需要 {year1} 年和 {year2} 年的字段；"
            "请连接该年份的表格或移除该指标",
            fields=", ".join(repr(m) for m in missing), year1=years[0], year2=years[1]))
    if missing:
        raise ValueError(msg(
            "INPUT has no field {fields}: every indicator needs a field for each of the years "
            "{years}; join those years' tables, remove the indicator or choose the YEARS",
            "INPUT 图层没有字段 {fields}：每个指标都需要 {years} 各年的字段；"
            "请连接这些年份的表格、移除该指标或选择 YEARS",
            fields=list_names(missing, limit=8, quote=True), years=", ".join(map(str, years))))
    out = [names]
    for label, given in (("COST_INDICATORS", cost_fields), ("NEUTRAL_INDICATORS", neutral_fields)):
        chosen = list(dict.fromkeys(base_name(c) for c in given))
        stray = [c for c in chosen if c not in names]
        if stray:
            raise ValueError(msg(
                "{label} {stray} not among the INDICATORS ({names}): "
                "add them to INDICATORS or remove them from {label}",
                "{label} 中的 {stray} 不在 INDICATORS（{names}）之中：请将其加入 INDICATORS 或从 {label} 中移除",
                label=label, stray=", ".join(repr(c) for c in stray), names=", ".join(names)))
        out.append(chosen)
    both = set(out[1]) & set(out[2])
    if both:
        raise ValueError(msg("{names} are both cost and neutral indicators: "
                             "remove them from COST_INDICATORS or from NEUTRAL_INDICATORS",
                             "{names} 同时是成本型指标和中性指标：请将其从 COST_INDICATORS 或 NEUTRAL_INDICATORS 中移除",
                             names=list_names(sorted(both), quote=True)))
    return names, out[1], years, out[2]


def trend_composite(frame, indicators, year1, year2, cost_indicators=(), dimensions=None, weighting="equal",
                    names=None):
    """The classical TOPSIS composite of each year (:func:`~megaregion.core.topsis.topsis_composite`
    over the fields ``<indicator>_<year>``), one column ``<score>_<year>`` per score (each
    dimension and ``overall``) and year, indexed like ``frame``; ``weighting`` None gives
    None. ``dimensions`` maps the indicator names (without the year) to dimensions.

    >>> frame = pd.DataFrame({"a_2010": [1.0, 2.0, 3.0], "a_2020": [3.0, 2.0, 1.0],
    ...                       "b_2010": [1.0, 1.0, 2.0], "b_2020": [2.0, 1.0, 1.0]})
    >>> trend_composite(frame, ["a", "b"], 2010, 2020).round(4).to_dict("list")
    {'overall_2010': [0.0, 0.3539, 1.0], 'overall_2020': [1.0, 0.3539, 0.0]}
    """
    if weighting is None:
        return None
    dimensions = dimensions or {}
    columns = {}
    for year in (year1, year2):
        fields = {i: year_field(i, year) for i in indicators}
        scores, _ = topsis_composite(
            frame, list(fields.values()), [fields[c] for c in cost_indicators if c in fields],
            {fields[i]: dimensions[i] for i in indicators if i in dimensions}, weighting, names)
        for col in scores.columns:
            columns[year_field(col, year)] = scores[col]
    return pd.DataFrame(columns, index=frame.index)


def parse_years(text):
    """The years written in ``text`` (commas, semicolons or spaces), sorted, each once; a
    bilingual error names a value that is not a year.

    >>> parse_years("2020, 2000;2010 2010")
    [2000, 2010, 2020]
    """
    return sorted(set(_years_text(text)))


def common_years(indicators, available, sources=()):
    """The years of the whole pipeline when YEARS is left empty: every year in which each of
    ``indicators`` has a field (``available``: {indicator: set of years}, from the table's
    fields and the rasters' years), at least two.

    ``sources`` ({indicator: where its years come from}) only words the error.

    >>> common_years(["popu", "ntl_total_light"], {"popu": {2010, 2015, 2020}, "ntl_total_light": {2010, 2020}})
    [2010, 2020]
    """
    names = [n for n in dict.fromkeys(str(n).strip() for n in indicators) if n]
    if not names:
        raise ValueError(msg("INDICATORS is empty: name the indicators measured every year, e.g. popu",
                             "INDICATORS 为空：请填写每年都有的指标名称，例如 popu"))
    missing = [n for n in names if not available.get(n)]
    if missing:
        raise ValueError(msg(
            "INDICATORS {names}: no field <name>_<year> of them in the table, the boundaries or the rasters' "
            "statistics; check the names (without the year) or give the table or rasters that hold them",
            "INDICATORS {names}：在表格、边界图层或栅格统计中都没有其 <name>_<year> 字段；请检查指标名称"
            "（不含年份），或提供含有这些指标的表格或栅格",
            names=list_names(missing, quote=True)))
    years = sorted(set.intersection(*(set(available[n]) for n in names)))
    if len(years) < 2:
        each = "; ".join("%s: %s%s" % (n, ", ".join(map(str, sorted(available[n]))),
                                       " (%s)" % sources[n] if n in sources else "") for n in names)
        raise ValueError(msg(
            "YEARS is empty and the indicators have {count} year(s) in common ({years}); each has: {each}. "
            "A trend needs two or more years: give the missing years' data, leave out the indicators of other "
            "years, or choose YEARS",
            "YEARS 为空，而各指标共有的年份只有 {count} 个（{years}）；各指标的年份：{each}。"
            "趋势分析需要两个或更多年份：请补充缺少年份的数据、去掉年份不同的指标，或填写 YEARS",
            count=len(years), years=", ".join(map(str, years)) or "-", each=each))
    return years
