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

import numpy as np

from .stability import UNSTABLE_BELOW
from .typology import is_blank, slug


def short_label(kind, letter, size, rank, k, stability=math.nan):
    """The legend text of a type; the full description with the numbers is in
    ``type_description``. A type with a stability under 0.6 says it is unstable.

    >>> short_label("gap", "A", 12, 0, 3)
    'A — closest to the cores (12 cities)'
    >>> short_label("trend", "C", 1, 2, 3, stability=0.42)
    'C — least improved (1 city; unstable)'
    """
    noun = "city" if size == 1 else "cities"
    if kind == "gap":
        position = ("closest to the cores" if rank == 0 else "furthest behind the cores" if rank == k - 1
                    else f"rank {rank + 1} of {k} by gap")
    else:
        position = ("most improved" if rank == 0 else "least improved" if rank == k - 1
                    else f"rank {rank + 1} of {k} by change")
    unstable = "; unstable" if stability < UNSTABLE_BELOW else ""
    return f"{letter} — {position} ({size} {noun}{unstable})"


def type_labels(result):
    """``[(letter, short label), ...]`` in type order."""
    stability = result.types["stability"] if "stability" in result.types else {}
    return [(t, short_label(result.kind, t, int(row["size"]), rank, result.k,
                            float(stability.get(t, math.nan)) if len(stability) else math.nan))
            for rank, (t, row) in enumerate(result.types.iterrows())]


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
    label_of = dict(labels)
    table.insert(table.columns.get_loc("type") + 1, "type_label",
                 [label_of.get(t) if isinstance(t, str) else None for t in table["type"]])
    for name, values in composite_columns(composite).items():
        table[name] = values.loc[index]
    # object dtype keeps the field a text field even when no city is left out
    table["excluded_reason"] = result.excluded["reason"].reindex(index).astype(object)
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
        trend = [c for c in cores.columns if c.startswith("trend_")]
        return trend[0] if trend else None
    if "topsis_overall" in cores.columns:
        return "topsis_overall"
    perf = [c for c in cores.columns if c.startswith("perf_")]
    return perf[-1] if perf else None
