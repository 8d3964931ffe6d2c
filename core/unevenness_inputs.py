"""The inputs of the unevenness table: indicator fields by year, roles, values, weights and
the uncertainty settings, read and checked with errors that name the field, the cities and
the fix (:class:`UnevennessInputError`)."""
import math
from collections import OrderedDict
from typing import Dict, Iterable, Mapping, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import fields as _fields
from .fields import CORE, SECONDARY, list_names, reason_of
from .measures import HEADLINE_MEASURES
from .messages import msg
from .uncertainty import INTERVAL_MEASURES

__all__ = ["UnevennessInputError", "IndicatorSpec", "parse_indicator_fields", "weights_by_year",
           "read_indicators", "read_weights", "check_uncertainty"]

_names = list_names

IndicatorSpec = Union[str, Sequence[str], Mapping[str, Union[str, Mapping[Optional[int], str]]]]


class UnevennessInputError(ValueError):
    """An input table, field or value that the unevenness measures cannot take."""


_names = list_names
#: What a column holds, in the messages about its values.
INDICATOR = msg("Indicator", "指标")
WEIGHT = msg("Weight", "权重")


# --------------------------------------------------------------------------- indicators


def parse_indicator_fields(fields: Iterable[str]) -> "OrderedDict[str, Dict[Optional[int], str]]":
    """Group field names ``<name>_<year>`` into indicators and years (:func:`.fields.parse_indicator_fields`).

    ``pop_2010, pop_2020, area`` -> ``{'pop': {2010: 'pop_2010', 2020: 'pop_2020'},
    'area': {None: 'area'}}``; two fields for one indicator and year raise
    :class:`UnevennessInputError`.

    >>> dict(parse_indicator_fields(["popu_2010", "popu_2020", "GDP_2011", "area"]))
    {'popu': {2010: 'popu_2010', 2020: 'popu_2020'}, 'GDP': {2011: 'GDP_2011'}, 'area': {None: 'area'}}
    """
    try:
        return _fields.parse_indicator_fields(fields)
    except _fields.DuplicateYearError as exc:
        raise UnevennessInputError(reason_of(exc)) from None


def _indicator_spec(indicators: IndicatorSpec) -> "OrderedDict[str, Dict[Optional[int], str]]":
    """Normalise the ``indicators`` argument to ``{indicator: {year: field}}``."""
    if isinstance(indicators, str):
        return parse_indicator_fields([indicators])
    if isinstance(indicators, Mapping):
        out: "OrderedDict[str, Dict[Optional[int], str]]" = OrderedDict()
        for name, value in indicators.items():
            if isinstance(value, str):
                out[str(name)] = {None: value}
            elif isinstance(value, Mapping):
                years = {}
                for year, field in value.items():
                    years[None if year is None else int(year)] = str(field)
                out[str(name)] = dict(sorted(years.items(), key=lambda kv: (kv[0] is not None, kv[0] or 0)))
            else:
                raise UnevennessInputError(msg(
                    "Indicator {name!r} maps to {value!r}: give a field name or a {{year: field}} mapping",
                    "指标 {name!r} 对应 {value!r}：请给出字段名或 {{year: field}}（年份：字段）映射",
                    name=name, value=value))
        return out
    return parse_indicator_fields(list(indicators))


# --------------------------------------------------------------------------- inputs


def _require_columns(df: pd.DataFrame, columns: Sequence[str]):
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise UnevennessInputError(msg(
            "Fields {missing} are not in the input table; its fields are: {fields}",
            "字段 {missing} 不在输入表格中；表格现有字段：{fields}",
            missing=missing, fields=_names(df.columns, 40)))


def _city_names(df: pd.DataFrame, labels_field: Optional[str]) -> np.ndarray:
    if labels_field is None:
        return np.array(["row %d" % i for i in range(len(df))], dtype=object)
    return df[labels_field].astype(str).to_numpy(dtype=object)


def _numeric(df: pd.DataFrame, field: str, names: np.ndarray, what: str) -> np.ndarray:
    """A column as float with NULL -> NaN; text that is not a number is an error."""
    column = df[field]
    if column.dtype.kind in "biuf":
        return column.to_numpy(dtype=float, copy=True)
    converted = pd.to_numeric(column, errors="coerce")
    bad = converted.isna().to_numpy() & column.notna().to_numpy()
    if bad.any():
        shown = ["%s=%r" % (n, v) for n, v in zip(names[bad], column.to_numpy()[bad])]
        raise UnevennessInputError(msg(
            "{what} field {field!r} has values that are not numbers for {count} cities ({cities}): fix or clear them",
            "{what}字段 {field!r} 中有 {count} 个城市的值不是数字（{cities}）：请更正或清空这些值",
            what=what, field=field, count=int(bad.sum()), cities=_names(shown)))
    return converted.to_numpy(dtype=float, copy=True)


def _roles(df: pd.DataFrame, role_field: str, names: np.ndarray) -> np.ndarray:
    """True for core, False for secondary; anything else is an error naming the values."""
    raw = df[role_field]
    norm = raw.astype(str).str.strip().str.lower()
    valid = raw.notna().to_numpy() & norm.isin([CORE, SECONDARY]).to_numpy()
    if not valid.all():
        found: Dict[str, list] = OrderedDict()
        for value, name in zip(raw.to_numpy()[~valid], names[~valid]):
            found.setdefault(msg("NULL", "空值") if pd.isna(value) else repr(value), []).append(name)
        shown = _fields.list_text([msg("{value} for {count} cities ({cities})", "{count} 个城市为 {value}（{cities}）",
                                       value=v, count=len(ns), cities=_names(ns, 3)) for v, ns in found.items()],
                                  None, sep="; ", sep_zh="；")
        raise UnevennessInputError(msg(
            "Role field {field!r} has values other than 'core' and 'secondary': {shown}. "
            "Give every member city its role in the mega-region.",
            "角色字段 {field!r} 中有 'core'（核心城市）和 'secondary'（次级城市）以外的值：{shown}。"
            "请为每个成员城市标明其在城市群中的角色。",
            field=role_field, shown=shown))
    return (norm == CORE).to_numpy()


def _weight_field_for(weight_field, year: Optional[int], df: pd.DataFrame) -> str:
    """The weight column used for ``year``: a mapping {year: field}, a field used for every
    year, or a base name whose ``<name>_<year>`` fields hold per-year weights."""
    if isinstance(weight_field, Mapping):
        if year not in weight_field:
            raise UnevennessInputError(msg(
                "The weight mapping has no field for year {year} (it has {years})",
                "权重映射中没有 {year} 年的字段（现有：{years}）",
                year=year, years=sorted(weight_field, key=str)))
        field = weight_field[year]
    elif weight_field in df.columns:
        field = weight_field
    elif year is not None and _fields.year_field(weight_field, year) in df.columns:
        field = _fields.year_field(weight_field, year)
    else:
        raise UnevennessInputError(msg(
            "Weight field {field!r} is not in the input table (nor {year_field!r} for year {year})",
            "权重字段 {field!r} 不在输入表格中（{year} 年的 {year_field!r} 也不在）",
            field=weight_field, year_field="%s_%s" % (weight_field, year), year=year))
    _require_columns(df, [field])
    return field


def weights_by_year(weight: Optional[str], columns: Iterable[str], indicator_years: Iterable[Optional[int]]):
    """The ``weight_field`` argument of the unevenness table for one chosen weight field.

    A field named ``<base>_<year>`` is matched to each year of the indicators when
    ``columns`` hold ``<base>_<year>`` for every one of those years: the result is the
    mapping ``{year: field}`` (single-year indicators, year ``None``, use the chosen field).
    Otherwise the chosen field weighs every year. ``None`` stays ``None``.

    >>> weights_by_year("pop_2020", ["pop_2010", "pop_2020"], [2010, 2020])
    {2010: 'pop_2010', 2020: 'pop_2020'}
    >>> weights_by_year("pop_2020", ["pop_2020"], [2010, 2020])
    'pop_2020'
    >>> weights_by_year("pop_2020", ["pop_2010", "pop_2020"], [None, 2010])
    {2010: 'pop_2010', None: 'pop_2020'}
    """
    if not weight:
        return None
    base, year = _fields.split_year(weight)
    wanted = set(indicator_years)
    years = sorted(y for y in wanted if y is not None)
    columns = set(map(str, columns))
    if year is None or not years or not all(_fields.year_field(base, y) in columns for y in years):
        return weight
    mapping: Dict[Optional[int], str] = {y: _fields.year_field(base, y) for y in years}
    if None in wanted:
        mapping[None] = weight
    return mapping


def read_indicators(df: pd.DataFrame, spec, names: np.ndarray, regions: pd.Series) -> Dict[str, np.ndarray]:
    """Each indicator field as floats (NULL -> NaN), read and checked once for all
    mega-regions: text, infinite and negative values are errors naming the cities."""
    values: Dict[str, np.ndarray] = {}
    for name, yrs in spec.items():
        for year, field in yrs.items():
            arr = _numeric(df, field, names, INDICATOR)
            infinite = np.isinf(arr)
            if infinite.any():
                shown = ["%s (%s, %r)" % (n, r, float(v)) for n, r, v in
                         zip(names[infinite], regions.to_numpy()[infinite], arr[infinite])]
                raise UnevennessInputError(msg(
                    "Indicator {name!r} (field {field!r}) is infinite for {count} cities ({cities}): no inequality "
                    "measure takes an infinite value; correct the values or clear them (NULLs are excluded "
                    "and counted)",
                    "指标 {name!r}（字段 {field!r}）有 {count} 个城市的值为无穷大（{cities}）：任何不均衡指数都不能"
                    "使用无穷大的值；请更正或清空这些值（空值会被剔除并计数）",
                    name=name, field=field, count=int(infinite.sum()), cities=_names(shown)))
            negative = arr < 0  # NaN compares False
            if negative.any():
                shown = ["%s (%s, %g)" % (n, r, v) for n, r, v in
                         zip(names[negative], regions.to_numpy()[negative], arr[negative])]
                raise UnevennessInputError(msg(
                    "Indicator {name!r} (field {field!r}) has negative values for {count} cities ({cities}): "
                    "Theil and Gini need values >= 0; shift or transform the indicator",
                    "指标 {name!r}（字段 {field!r}）有 {count} 个城市的值为负（{cities}）："
                    "泰尔指数和基尼系数要求数值 >= 0；请平移或变换该指标",
                    name=name, field=field, count=int(negative.sum()), cities=_names(shown)))
            values[field] = arr
    return values


def read_weights(df: pd.DataFrame, spec, weight_field, names: np.ndarray):
    """``({year: weights}, {year: field})`` for every year of ``spec``; a weight that is zero,
    negative or infinite is an error naming the cities (NULL weights exclude the city)."""
    weights: Dict[Optional[int], np.ndarray] = {}
    weight_fields: Dict[Optional[int], str] = {}
    for yrs in spec.values():
        for year in yrs:
            if year in weight_fields:
                continue
            wf = _weight_field_for(weight_field, year, df)
            arr = _numeric(df, wf, names, WEIGHT)
            bad = ~np.isnan(arr) & ((arr <= 0) | np.isinf(arr))
            if bad.any():
                shown = ["%s (%r)" % (n, float(v)) for n, v in zip(names[bad], arr[bad])]
                raise UnevennessInputError(msg(
                    "Weight field {field!r} is zero, negative or infinite for {count} cities ({cities}): weights "
                    "must be finite and > 0",
                    "权重字段 {field!r} 中有 {count} 个城市的值为零、负数或无穷大（{cities}）：权重必须是有限值且 > 0",
                    field=wf, count=int(bad.sum()), cities=_names(shown)))
            weight_fields[year] = wf
            weights[year] = arr
    return weights, weight_fields


def check_uncertainty(bootstrap, confidence, seed, permutations, headline="theil"):
    """The uncertainty arguments as numbers, or an error naming the value and the fix."""
    def whole(name, value, fix):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and number >= 0 and number == int(number)):
            raise UnevennessInputError(msg("{name} = {value} is not a whole number >= 0: {fix}",
                                           "{name} = {value} 不是 >= 0 的整数：{fix}",
                                           name=name, value=_shown(value), fix=fix))
        return int(number)

    bootstrap = whole("BOOTSTRAP", bootstrap, msg("0 turns the intervals off; 999 is the default",
                                                  "0 表示不计算置信区间；默认为 999"))
    permutations = whole("PERMUTATIONS", permutations, msg("0 turns the test off; 999 is the default",
                                                           "0 表示不做置换检验；默认为 999"))
    seed = whole("SEED", seed, msg("any whole number >= 0; the same seed gives the same intervals",
                                   "可为任意 >= 0 的整数；相同的随机种子给出相同的置信区间"))
    try:
        confidence = float(confidence)
    except (TypeError, ValueError):
        confidence = math.nan
    if not 0 < confidence < 100:
        raise UnevennessInputError(msg("CONFIDENCE = {value} is out of range: give a percentage above 0 and "
                                       "below 100, e.g. 95",
                                       "CONFIDENCE = {value} 超出范围：请给出大于 0 且小于 100 的百分数，例如 95",
                                       value=_shown(confidence)))
    tail = (100.0 - confidence) / 2.0
    needed = int(math.ceil(100.0 / tail - 1e-9))
    if 0 < bootstrap < needed:
        raise UnevennessInputError(msg(
            "BOOTSTRAP = {bootstrap} is too few resamples for {confidence:g} % intervals: each {tail:g} % tail needs "
            "at least one resample; give 0 (no intervals) or at least {needed} (999 recommended)",
            "BOOTSTRAP = {bootstrap} 次重抽样不足以计算 {confidence:g} % 置信区间：每侧 {tail:g} % 的尾部至少需要一次"
            "重抽样；请设为 0（不计算置信区间）或至少 {needed}（建议 999）",
            bootstrap=bootstrap, confidence=confidence, tail=tail, needed=needed))
    if headline not in INTERVAL_MEASURES:
        raise UnevennessInputError(msg("Headline measure {headline!r} is not one of {measures}",
                                       "主要指数 {headline!r} 不在 {measures} 之中",
                                       headline=headline, measures=", ".join(HEADLINE_MEASURES)))
    return bootstrap, confidence, seed, permutations


_check_uncertainty = check_uncertainty


def _shown(value) -> str:
    """A parameter value as a reader typed it: 20.0 -> '20', 'abc' -> "'abc'"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "%g" % value if isinstance(value, float) else repr(value) if isinstance(value, str) else str(value)
