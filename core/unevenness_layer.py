"""The mega-region layer of the unevenness algorithm: member cities dissolved into one polygon
per mega-region, and the unevenness table pivoted to one row per mega-region.

Fields of the layer (every name from :func:`.fields.measure_field`, so
:func:`.fields.split_measure_field` reads them back):

- ``megaregion_id`` and, where the input has them, ``megaregion``, ``megaregion_zh``, ``phase``;
- per indicator and year (``<year>`` is the 4-digit year; a single-year indicator has no
  year part), with ``<h>`` the headline measure, e.g. ``theil_between``:

  ``<h>_<indicator>_<year>``              the measure (``theil_between_popu_2020``)
  ``<h>_ci_low_<indicator>_<year>``       lower end of its bootstrap interval
  ``<h>_ci_high_<indicator>_<year>``      upper end
  ``p_between_<indicator>_<year>``        permutation p-value of the core-secondary split

- per indicator with two or more years (the table's last change row of the indicator):

  ``<h>_<indicator>_change``              value(year 2) - value(year 1)
  ``<h>_ci_low_<indicator>_change``       lower end of the interval of the change
  ``<h>_ci_high_<indicator>_change``      upper end
  ``change_is_clear_<indicator>_change``  true when that interval excludes 0

The interval fields are present when the table has intervals (bootstrap on), the p-value
fields when it has p-values (permutations on). Rule: a table column ``c`` of a row of
indicator ``i`` becomes the layer field ``measure_field(c, i, year or "change")``.

Each field is also described in words by :func:`field_metadata` (measure, indicator, year or
the two years of a change, unit, names in English and Chinese): the algorithm stores that
description with the layer, and the maps read it instead of parsing field names. A layer
without it (an older output, a layer made by hand) is described by
:func:`field_metadata_from_names`, the one place that reads the names back.
"""
import json
from collections import OrderedDict
from typing import Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .fields import CHANGE_IS_CLEAR as F_CHANGE_IS_CLEAR
from .fields import CHANGE, MEGAREGION, MEGAREGION_ID, MEGAREGION_ZH, PHASE, measure_field, split_measure_field
from .indicators import indicator_name
from .measures import HEADLINE_MEASURES, MEASURES, measure, measure_name
from .unevenness import ci_columns

__all__ = ["dissolve_regions", "region_attributes", "region_layer_table", "layer_fields", "LayerColumn",
           "layer_columns", "unit_kind", "field_metadata", "field_metadata_from_names", "metadata_json",
           "metadata_from_json", "layer_field_metadata", "measure_words", "P_BETWEEN", "CHANGE_IS_CLEAR", "UNIT_KINDS"]

#: The permutation p-value and the clarity flag of a change: layer measures that are not in MEASURES.
P_BETWEEN = "p_between"
CHANGE_IS_CLEAR = F_CHANGE_IS_CLEAR  # the vocabulary's name (core/fields.py)
#: What a field's values are: an index (0 = no gap), a share (0 to 1), a ratio of means (1 = equal),
#: a signed index (above 0 the cores lead), the indicator's own unit, a probability, a true/false flag.
UNIT_KINDS = ("index", "share", "ratio", "signed", "indicator", "p", "flag")
#: Key of the stored description (:func:`metadata_json`) and its version.
METADATA_KEY = "megaregion_fields"
METADATA_VERSION = 1


def dissolve_regions(shapes: Sequence, regions: Sequence) -> Tuple[list, list]:
    """``(region ids in order of first appearance, one shapely geometry per region)``: the
    union of each region's member shapes (``None`` shapes skipped; an invalid shape is
    repaired with ``buffer(0)`` first). A region without any shape gets ``None``.

    >>> from shapely.geometry import box
    >>> ids, geoms = dissolve_regions([box(0, 0, 1, 1), box(1, 0, 2, 1), box(5, 5, 6, 6)], ["A", "A", "B"])
    >>> ids, [round(g.area, 6) for g in geoms]
    (['A', 'B'], [2.0, 1.0])
    """
    from shapely.ops import unary_union

    parts: "OrderedDict[object, list]" = OrderedDict()
    for shape, region in zip(shapes, regions):
        members = parts.setdefault(region, [])
        if shape is not None and not shape.is_empty:
            members.append(shape if shape.is_valid else shape.buffer(0))
    return list(parts), [unary_union(p) if p else None for p in parts.values()]


def region_attributes(frame: pd.DataFrame, region_field: str, region_ids: Sequence) -> pd.DataFrame:
    """``megaregion_id`` and, where ``frame`` has them, the region's ``megaregion``,
    ``megaregion_zh`` and ``phase`` (from its first member row)."""
    attrs = pd.DataFrame({MEGAREGION_ID: list(region_ids)})
    first = frame.drop_duplicates(region_field).set_index(region_field)
    for extra in (MEGAREGION, MEGAREGION_ZH, PHASE):
        if extra in frame.columns:
            attrs[extra] = [first[extra].get(r) for r in region_ids]
    return attrs


def _year_key(value) -> Optional[int]:
    return None if value is None or pd.isna(value) else int(value)


def layer_fields(headline: str, intervals: bool, p_values: bool, kind: str) -> List[Tuple[str, str]]:
    """``[(table column, layer measure name)]`` carried to the layer for a ``kind`` of row
    (``"year"`` or ``"change"``).

    >>> layer_fields("theil", True, True, "change")
    [('theil', 'theil'), ('theil_ci_low', 'theil_ci_low'), ('theil_ci_high', 'theil_ci_high'), ('change_is_clear', 'change_is_clear')]
    """
    cols = [(headline, headline)]
    if intervals:
        cols += [(c, c) for c in ci_columns(headline)]
    if kind == "year" and p_values:
        cols.append(("p_between", "p_between"))
    if kind == CHANGE and intervals:
        cols.append(("change_is_clear", "change_is_clear"))
    return cols


class LayerColumn(NamedTuple):
    """One field of the mega-region layer as core plans it."""
    field: str                          # the layer field, e.g. "theil_between_ci_low_popu_2020"
    column: str                         # the table column it takes its values from
    measure: str                        # the measure it gives: the headline, "p_between" or "change_is_clear"
    interval: Optional[str]             # "low" or "high" for an end of the measure's interval, else None
    indicator: str
    year: object                        # the year (int), None for a single-year indicator, or "change"
    years: Optional[Tuple[int, int]]    # (year 1, year 2) of a change, else None


def _plan(table: pd.DataFrame, headline: str, intervals: bool, p_values: bool):
    """``[(LayerColumn, rows of the table by mega-region)]`` in the order the fields are written."""
    ends = dict(zip(ci_columns(headline), ("low", "high")))
    plan = []
    for kind in ("year", CHANGE):
        rows = table[table["row_type"] == kind]
        if rows.empty:
            continue
        year_col = "year" if kind == "year" else "year2"
        row_keys = [(ind, _year_key(v)) for ind, v in zip(rows["indicator"], rows[year_col])]
        for indicator, year in OrderedDict.fromkeys(row_keys):
            mask = np.array([k == (indicator, year) for k in row_keys], dtype=bool)
            group = rows[mask].drop_duplicates("megaregion", keep="last")
            years = None
            if kind == CHANGE and year is not None and _year_key(group["year1"].iloc[-1]) is not None:
                years = (_year_key(group["year1"].iloc[-1]), year)
            group = group.set_index("megaregion")
            suffix = CHANGE if kind == CHANGE else year
            for column, layer_measure in layer_fields(headline, intervals, p_values, kind):
                what = headline if column in ends or column == headline else column
                plan.append((LayerColumn(measure_field(layer_measure, str(indicator), suffix), column, what,
                                         ends.get(column), str(indicator), suffix, years), group))
    return plan


def layer_columns(table: pd.DataFrame, headline: str, intervals: bool = False,
                  p_values: bool = False) -> List[LayerColumn]:
    """The fields of the mega-region layer of ``table``, in the layer's order (a field written
    twice, by two change rows of one indicator, keeps its first place and its last rows)."""
    planned: "OrderedDict[str, LayerColumn]" = OrderedDict()
    for column, _group in _plan(table, headline, intervals, p_values):
        planned[column.field] = column
    return list(planned.values())


def region_layer_table(table: pd.DataFrame, region_ids: Iterable, headline: str,
                       intervals: bool = False, p_values: bool = False) -> Tuple[pd.DataFrame, list]:
    """The unevenness ``table`` as one row per region of ``region_ids`` (in that order):
    ``(frame, columns)`` where ``columns`` lists ``(indicator, "year" or "change", field)``
    for each headline field (the value, not its interval), in the table's order (every year
    row of each indicator and year, then each indicator's change rows; with several change
    rows of one indicator, the last one written wins its field). The fields are those of
    :func:`layer_columns`.
    A region without a row for a field gets NULL."""
    region_ids = list(region_ids)
    out = OrderedDict()
    columns = []
    for planned, group in _plan(table, headline, intervals, p_values):
        name, column = planned.field, planned.column
        values = group[column] if column in group.columns else pd.Series(dtype=float)
        if column == CHANGE_IS_CLEAR:
            out[name] = pd.array([None if r not in values.index or pd.isna(values[r]) else bool(values[r])
                                  for r in region_ids], dtype="boolean")
        else:
            out[name] = [float(values[r]) if r in values.index and not pd.isna(values[r]) else np.nan
                         for r in region_ids]
        if column == headline:
            kind = CHANGE if planned.year == CHANGE else "year"
            columns = [c for c in columns if c[2] != name] + [(planned.indicator, kind, name)]
    frame = pd.DataFrame(out, index=range(len(region_ids)))
    return frame, columns


# ------------------------------------------------------------------------------ field descriptions

def unit_kind(key: str) -> str:
    """What the values of measure ``key`` are, one of :data:`UNIT_KINDS`.

    >>> [unit_kind(k) for k in ("theil_between", "share_gnb", "ratio", "gnb_signed", "mean_core", "p_between")]
    ['index', 'share', 'ratio', 'signed', 'indicator', 'p']
    """
    if key == P_BETWEEN:
        return "p"
    if key == CHANGE_IS_CLEAR:
        return "flag"
    m = measure(key)
    if m is None or key in ("mean_core", "mean_secondary"):
        return "indicator"
    if m.neutral == 1.0:
        return "ratio"
    if m.signed:
        return "signed"
    return "share" if "share" in key else "index"


# The names in words of what is not a measure of MEASURES: {key: (English, Chinese)}.
_NAMES = {
    P_BETWEEN: ("p-value of the core–secondary split (permutation test)", "核心—次级城市分组的置换检验p值"),
    CHANGE_IS_CLEAR: ("change clear (its confidence interval excludes 0)", "变化明确（置信区间不含0）"),
    "low": ("{measure}, lower end of its confidence interval", "{measure}置信区间下限"),
    "high": ("{measure}, upper end of its confidence interval", "{measure}置信区间上限"),
}


def _measure_words(key: str, interval: Optional[str], lang: str) -> str:
    zh = lang == "zh"
    name = _NAMES[key][zh] if key in _NAMES else measure_name(key, lang)
    return _NAMES[interval][zh].format(measure=name) if interval in ("low", "high") else name


def measure_words(key: str, interval: Optional[str] = None, lang: str = "en") -> str:
    """Measure ``key`` of the unevenness table or layer in words, or an end of its interval
    (``interval`` "low" or "high"), in ``lang`` ("en" or "zh"): the names the layer's field
    descriptions and the exported workbook's headers use.

    >>> measure_words("theil", "high"), measure_words("p_between", lang="zh")
    ('Theil T, upper end of its confidence interval', '核心—次级城市分组的置换检验p值')
    """
    return _measure_words(key, interval, "zh" if str(lang).lower().startswith("zh") else "en")


def _describe(key: str, indicator: str, year, years=None, interval: Optional[str] = None) -> dict:
    entry = {"measure": key, "indicator": indicator, "year": year}
    if years is not None:
        entry["years"] = [int(years[0]), int(years[1])]
    if interval is not None:
        entry["interval"] = interval
    entry["unit"] = unit_kind(key)
    for lang in ("en", "zh"):
        entry["name_" + lang] = _measure_words(key, interval, lang)
        entry["indicator_" + lang] = indicator_name(indicator, lang)
    return entry


def field_metadata(columns: Iterable[LayerColumn]) -> "OrderedDict[str, dict]":
    """The description of each field of :func:`layer_columns`, JSON-serialisable:
    ``{field: {"measure", "indicator", "year" (int, None or "change"), "years" ([year 1, year 2],
    a change only), "interval" ("low"/"high", an interval end only), "unit" (one of
    UNIT_KINDS), "name_en", "name_zh" (the measure in words), "indicator_en", "indicator_zh"}}``.

    >>> column = LayerColumn("theil_between_ci_low_popu_change", "theil_between_ci_low", "theil_between", "low",
    ...                      "popu", "change", (2010, 2020))
    >>> meta = field_metadata([column])["theil_between_ci_low_popu_change"]
    >>> meta["years"], meta["unit"], meta["name_en"], meta["indicator_zh"]
    ([2010, 2020], 'index', 'Theil T between cores and secondary cities, lower end of its confidence interval', '常住人口')
    """
    return OrderedDict((c.field, _describe(c.measure, c.indicator, c.year, c.years, c.interval)) for c in columns)


def _layer_measures() -> List[str]:
    return list(HEADLINE_MEASURES) + [k for k in MEASURES if k not in HEADLINE_MEASURES] + [P_BETWEEN, CHANGE_IS_CLEAR]


def field_metadata_from_names(names: Iterable[str]) -> "OrderedDict[str, dict]":
    """The description :func:`field_metadata` gives, read back from the field names alone, for
    a layer that carries none: every ``<measure>_<indicator>_<year>`` and
    ``<measure>_<indicator>_change`` field (an interval end ``<measure>_ci_low_...``). The two
    years of a change are the last two years of the indicator among ``names``: the algorithm
    compares consecutive years and the last pair writes the change field. Fields without a
    year, and other fields, are not described.

    >>> meta = field_metadata_from_names(["theil_popu_2010", "theil_popu_2020", "theil_ci_high_popu_change", "name"])
    >>> list(meta), meta["theil_ci_high_popu_change"]["years"], meta["theil_ci_high_popu_change"]["interval"]
    (['theil_popu_2010', 'theil_popu_2020', 'theil_ci_high_popu_change'], [2010, 2020], 'high')
    """
    measures = _layer_measures()
    parsed = []
    for name in names:
        parts = split_measure_field(name, measures)
        if parts is None or parts[2] is None:
            continue
        key, indicator, year = parts
        interval = None
        for end in ("low", "high"):
            if indicator.startswith("ci_%s_" % end):
                indicator, interval = indicator[len("ci_%s_" % end):], end
        parsed.append((str(name), key, indicator, year, interval))
    years: Dict[str, set] = {}
    for _name, _key, indicator, year, _interval in parsed:
        if year != CHANGE:
            years.setdefault(indicator, set()).add(year)
    out: "OrderedDict[str, dict]" = OrderedDict()
    for name, key, indicator, year, interval in parsed:
        seen = sorted(years.get(indicator, ()))
        pair = tuple(seen[-2:]) if year == CHANGE and len(seen) >= 2 else None
        out[name] = _describe(key, indicator, year, pair, interval)
    return out


def metadata_json(metadata: dict) -> str:
    """The text stored with the layer: ``{"megaregion_fields": 1, "fields": metadata}``."""
    return json.dumps({METADATA_KEY: METADATA_VERSION, "fields": metadata}, ensure_ascii=False)


def _checked_entry(entry) -> Optional[dict]:
    """``entry`` completed where it lacks a name or unit, or None when it cannot describe a field."""
    if not isinstance(entry, dict) or not isinstance(entry.get("measure"), str):
        return None
    key, indicator, year = entry["measure"], entry.get("indicator"), entry.get("year")
    if not isinstance(indicator, str) or not (year is None or year == CHANGE or type(year) is int):
        return None
    years = entry.get("years")
    valid_years = (isinstance(years, list) and len(years) == 2 and all(type(y) is int for y in years))
    interval = entry.get("interval") if entry.get("interval") in ("low", "high") else None
    out = _describe(key, indicator, year, years if valid_years and year == CHANGE else None, interval)
    if entry.get("unit") in UNIT_KINDS:
        out["unit"] = entry["unit"]
    for name in ("name_en", "name_zh", "indicator_en", "indicator_zh"):
        if isinstance(entry.get(name), str) and entry[name].strip():
            out[name] = entry[name]
    return out


def metadata_from_json(text) -> Optional["OrderedDict[str, dict]"]:
    """The field descriptions of :func:`metadata_json` ``text``; None when ``text`` is empty or
    not such a description (another program's text, a later version). An entry that cannot
    describe a field is left out; a missing name or unit is filled in as core would write it.

    >>> metadata_from_json(metadata_json({"x_2020_mean": {"measure": "gini", "indicator": "x", "year": 2020}}))[
    ...     "x_2020_mean"]["name_en"]
    'Gini coefficient'
    >>> metadata_from_json("not json") is None, metadata_from_json('{"fields": {}}') is None
    (True, True)
    """
    if not text:
        return None
    try:
        stored = json.loads(text, object_pairs_hook=OrderedDict)
    except (TypeError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get(METADATA_KEY) != METADATA_VERSION:
        return None
    fields = stored.get("fields")
    if not isinstance(fields, dict):
        return None
    out: "OrderedDict[str, dict]" = OrderedDict()
    for name, entry in fields.items():
        checked = _checked_entry(entry)
        if checked is not None:
            out[str(name)] = checked
    return out


def layer_field_metadata(stored, names: Iterable[str]) -> "OrderedDict[str, dict]":
    """The description of a layer's fields: the one stored with it (``stored``, the text of
    :func:`metadata_json`) when it has one, else the one read from its field ``names``."""
    metadata = metadata_from_json(stored)
    return metadata if metadata is not None else field_metadata_from_names(names)
