"""The output tables of ``megaregion:typology`` and ``megaregion:trend`` from a
:class:`~megaregion.core.typology.TypologyResult`: the secondary cities, the cores and the
type profiles, with the legend label of every type.

Output fields (public: saved models and scripts read them)
    cities     ``megaregion_id``, ``name``, [``reference_core``], ``perf_*``, ``gap_*`` or
               ``trend_*``, ``dim_*``, ``type``, ``type_label``, ``type_description``,
               ``silhouette``, ``pca_x``, ``pca_y``, [``topsis_*``], ``excluded_reason``
    cores      ``megaregion_id``, ``name``, ``perf_*`` [, ``trend_*``] [, ``topsis_*``]
    profiles   ``type``, ``label``, ``size``, ``mean``, ``mean_silhouette``, ``stability``,
               ``within_ss``, ``between_ss``, ``description``, ``gap_*``/``trend_*``, ``dim_*``
A city id field given to the algorithm comes first in the city and core tables.
"""
import math
import re

import numpy as np
import pandas as pd

from . import type_texts as tt
from .stability import UNSTABLE_BELOW
from .fields import profile_field
from .typology import is_blank, slug


def short_label(kind, letter, size, rank, k, stability=math.nan, lang="en"):
    """The legend text of a type; the full description with the numbers is in
    ``type_description``. A type with a stability under 0.6 says it is unstable.
    ``lang="zh"`` gives the Chinese label.

    >>> short_label("gap", "A", 12, 0, 3)
    'A — closest to the cores (12 cities)'
    >>> short_label("trend", "C", 1, 2, 3, stability=0.42)
    'C — least improved (1 city; unstable)'
    >>> short_label("gap", "A", 12, 0, 3, lang="zh")
    'A — 最接近核心城市（12 个城市）'
    >>> short_label("trend", "C", 1, 2, 3, stability=0.42, lang="zh")
    'C — 改善最少（1 个城市；不稳定）'
    """
    position = tt.label_position(kind, rank, k, lang)
    return f"{letter} — {position}{tt.label_tail(size, stability < UNSTABLE_BELOW, lang)}"


def type_labels(result, lang="en"):
    """``[(letter, short label), ...]`` in type order, in ``lang``."""
    stability = result.types["stability"] if "stability" in result.types else {}
    return [(t, short_label(result.kind, t, int(row["size"]), rank, result.k,
                            float(stability.get(t, math.nan)) if len(stability) else math.nan, lang=lang))
            for rank, (t, row) in enumerate(result.types.iterrows())]


_LABEL = re.compile(r"^(?P<letter>[A-Z]+) — (?P<position>.+?) \((?P<size>\d+) (?:city|cities)"
                    r"(?P<unstable>; unstable)?\)$")
_RANKED = re.compile(r"^rank (?P<rank>\d+) of (?P<k>\d+) by (?P<by>gap|change)$")
_ENDS = {"closest to the cores": ("gap", True), "furthest behind the cores": ("gap", False),
         "most improved": ("trend", True), "least improved": ("trend", False)}


def translate_type_label(label, lang):
    """A legend label that :func:`short_label` wrote in English, written in ``lang``
    (a layer typed under an English interface, drawn on a Chinese map). Text that is not
    such a label (a label already in Chinese, a user's own text, NULL) is returned unchanged.

    >>> translate_type_label("B — rank 2 of 4 by gap (31 cities; unstable)", "zh")
    'B — 与核心城市差距第 2 小（31 个城市；不稳定）'
    >>> translate_type_label("A — most improved (1 city)", "zh_CN")
    'A — 改善最多（1 个城市）'
    >>> translate_type_label("my own words", "zh"), translate_type_label("A — most improved (1 city)", "en")
    ('my own words', 'A — most improved (1 city)')
    """
    if not isinstance(label, str) or not tt.is_zh(lang):
        return label
    match = _LABEL.match(label.strip())
    if match is None:
        return label
    position = match["position"]
    if position in _ENDS:
        kind, first = _ENDS[position]
        rank, k = (0, 2) if first else (1, 2)
    else:
        ranked = _RANKED.match(position)
        if ranked is None:
            return label
        kind = "gap" if ranked["by"] == "gap" else "trend"
        rank, k = int(ranked["rank"]) - 1, int(ranked["k"])
        if not 0 < rank < k - 1:
            return label
    stability = 0.0 if match["unstable"] else math.nan
    return short_label(kind, match["letter"], int(match["size"]), rank, k, stability, lang=lang)


def member_mask(values):
    """True for every value that names a mega-region (not NULL, NaN or blank text).

    >>> member_mask(["BTH", None, float("nan"), "  ", "YRD"]).tolist()
    [True, False, False, False, True]
    """
    return np.array([not is_blank(v) for v in values], dtype=bool)


def composite_columns(composite):
    """``{topsis_<score>: values}`` of a composite score table (None gives none)."""
    return {} if composite is None else {f"topsis_{slug(c)}": composite[c] for c in composite.columns}


def _with_city_id(table, frame, city_field):
    if city_field and city_field not in table.columns:
        table.insert(0, city_field, frame.loc[table.index, city_field].to_numpy())
    return table


def city_table(result, frame, composite, city_field, labels):
    """Every secondary member row, typed or left out, in input order."""
    index = sorted(set(result.cities.index) | set(result.excluded.index))
    table = result.secondary_table().reindex(index)
    left_out = result.excluded.index
    for col in ("megaregion_id", "name"):
        table.loc[left_out, col] = result.excluded[col]
    for col in result.performance.columns:
        table[f"perf_{col}"] = result.performance.loc[index, col]
    table = table.copy()   # one block again after replacing many columns (a trend over many years)
    label_of = dict(labels)
    table.insert(table.columns.get_loc("type") + 1, "type_label",
                 [label_of.get(t) if isinstance(t, str) else None for t in table["type"]])
    added = {name: values.loc[index] for name, values in composite_columns(composite).items()}
    # a trend over three or more years: each city's trajectory (core.panels.trajectories)
    added.update({name: values.reindex(index) for name, values in result.extra.get("trajectories", {}).items()})
    # object dtype keeps the field a text field even when no city is left out
    added["excluded_reason"] = result.excluded["reason"].reindex(index).astype(object)
    table = pd.concat([table.drop(columns=[c for c in added if c in table.columns]), pd.DataFrame(added, index=index)],
                      axis=1)
    return _with_city_id(table, frame, city_field)


def core_table(result, frame, composite, city_field):
    """The core cities with their performance (and trend) and composite scores."""
    table = result.core_table()
    for name, values in composite_columns(composite).items():
        table[name] = values.loc[table.index]
    return _with_city_id(table, frame, city_field)


def profile_table(result, labels):
    """One row per type: its label, the mean silhouette of its cities and its stability
    (NULL when not measured) beside the type table of the result."""
    table = result.type_table().reset_index()
    table.insert(1, "label", [label for _, label in labels])
    silhouette = result.cities.groupby("type")["silhouette"].mean()
    table.insert(table.columns.get_loc("mean") + 1, "mean_silhouette",
                 [float(silhouette.get(t, math.nan)) for t in table["type"]])
    return table


def core_style_field(cores, kind):
    """The field of the graduated core map: for a gap typology the overall composite, else
    the last performance; for a trend the trend of the first indicator.

    >>> import pandas as pd
    >>> core_style_field(pd.DataFrame(columns=["perf_a", "perf_b", "topsis_overall"]), "gap")
    'topsis_overall'
    >>> core_style_field(pd.DataFrame(columns=["perf_a_2010", "trend_a", "trend_b"]), "trend")
    'trend_a'
    """
    if kind == "trend":
        trend = [c for c in cores.columns if c.startswith(profile_field("trend", ""))]
        return trend[0] if trend else None
    if "topsis_overall" in cores.columns:
        return "topsis_overall"
    perf = [c for c in cores.columns if c.startswith("perf_")]
    return perf[-1] if perf else None
