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
"""
from collections import OrderedDict
from typing import Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .fields import CHANGE, MEGAREGION, MEGAREGION_ID, MEGAREGION_ZH, PHASE, measure_field
from .unevenness import ci_columns

__all__ = ["dissolve_regions", "region_attributes", "region_layer_table", "layer_fields"]


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


def region_layer_table(table: pd.DataFrame, region_ids: Iterable, headline: str,
                       intervals: bool = False, p_values: bool = False) -> Tuple[pd.DataFrame, list]:
    """The unevenness ``table`` as one row per region of ``region_ids`` (in that order):
    ``(frame, columns)`` where ``columns`` lists ``(indicator, "year" or "change", field)``
    for each headline field (the value, not its interval), in the table's order (every year
    row of each indicator and year, then each indicator's change rows; with several change
    rows of one indicator, the last one written wins its field).
    A region without a row for a field gets NULL."""
    region_ids = list(region_ids)
    out = OrderedDict()
    columns = []
    for kind in ("year", CHANGE):
        rows = table[table["row_type"] == kind]
        if rows.empty:
            continue
        year_col = "year" if kind == "year" else "year2"
        keys = list(OrderedDict.fromkeys((ind, _year_key(v)) for ind, v in zip(rows["indicator"], rows[year_col])))
        row_keys = [(ind, _year_key(v)) for ind, v in zip(rows["indicator"], rows[year_col])]
        for indicator, year in keys:
            mask = np.array([k == (indicator, year) for k in row_keys], dtype=bool)
            group = rows[mask].drop_duplicates("megaregion", keep="last").set_index("megaregion")
            suffix = CHANGE if kind == CHANGE else year
            for column, measure in layer_fields(headline, intervals, p_values, kind):
                name = measure_field(measure, str(indicator), suffix)
                values = group[column] if column in group.columns else pd.Series(dtype=float)
                if column == "change_is_clear":
                    out[name] = pd.array([None if r not in values.index or pd.isna(values[r]) else bool(values[r])
                                          for r in region_ids], dtype="boolean")
                else:
                    out[name] = [float(values[r]) if r in values.index and not pd.isna(values[r]) else np.nan
                                 for r in region_ids]
                if column == headline:
                    columns = [c for c in columns if c[2] != name] + [(str(indicator), kind, name)]
    frame = pd.DataFrame(out, index=range(len(region_ids)))
    return frame, columns
