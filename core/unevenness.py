"""Core-secondary unevenness per mega-region, indicator and year (method section 2).

For every mega-region, every indicator and every year, over the member cities with a
valid value, :func:`unevenness_table` reports the Gini coefficient, Theil's T and its
between/within split by role (core vs secondary), and Dagum's (1997) Gini decomposition
into within-group (Gw), net between-group (Gnb) and transvariation (Gt) terms, together
with the group means and counts. A change row per pair of years gives
``delta = value(year2) - value(year1)`` for every measure.

The formulas are those of :mod:`.inequality`; this module only selects the cities,
checks the inputs and lays out a tidy table (one row per mega-region x indicator x year,
plus the change rows). No row is dropped: a mega-region where a group has no valid value,
or whose values are all zero, gets a row with NaN measures and a ``status`` saying why.

Any scale float64 holds is measured exactly (values near 1e-308 or 1.7e308 give the
measures of the same data in ordinary units; see :mod:`.inequality`). An infinite value
or weight is an error naming the indicator (or weight field), the cities and the value.
The ratio of the group means is the one measure that can exceed float64 (a core mean of
1e300 over a secondary mean of 1e-10); it is then left NULL with a note, like a ratio over
a zero secondary mean, since no rescaling of the indicator changes it.

How sure the measures are (:mod:`.uncertainty`): with ``bootstrap > 0`` every year row gets
percentile intervals ``<measure>_ci_low`` / ``<measure>_ci_high`` of the
:data:`INTERVAL_MEASURES` from resamples stratified by role, and every change row the
interval of the change from paired resamples, with ``change_is_clear`` true when the
interval of the headline measure's change excludes 0; with ``permutations > 0`` every year
row gets ``p_between`` (permutation test of the core-secondary split) and ``p_between_min``
(the smallest p-value the region's number of cities allows).
"""
import math
from collections import OrderedDict
from typing import Iterable, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import uncertainty as _unc
from .admin.city_ids import check_one_row_per_city
from .dagum import dagum_gini
from .fields import CORE, SECONDARY, list_names, reason_of
from .inequality import InequalityInputError, theil_decomposition, weighted_mean
from .messages import msg
from .panels import table as _convergence
from .uncertainty import INTERVAL_MEASURES
from .unevenness_inputs import (  # noqa: F401  (parse_indicator_fields, IndicatorSpec: public here too)
    IndicatorSpec,
    UnevennessInputError,
    _check_uncertainty,
    _city_names,
    _indicator_spec,
    _require_columns,
    _roles,
    parse_indicator_fields,
    read_indicators,
    read_weights,
    weights_by_year,
)

_names = list_names

__all__ = [
    "UnevennessInputError",
    "parse_indicator_fields",
    "weights_by_year",
    "unevenness_table",
    "headline_by_region",
    "MEASURES",
    "INTERVAL_MEASURES",
    "INTERVAL_COLUMNS",
    "UNCERTAINTY_COLUMNS",
    "COLUMNS",
    "ci_columns",
]

OK = "ok"

# Numeric measures of a year row; the change row holds the difference of each.
MEASURES = (
    "mean_core", "mean_secondary", "ratio",
    "gini", "theil", "theil_between", "theil_within", "theil_between_share",
    "theil_core", "theil_secondary",
    "dagum_g", "dagum_gw", "dagum_gnb", "dagum_gt", "share_gw", "share_gnb", "share_gt",
    "gini_core", "gini_secondary", "gini_core_secondary", "dagum_d", "gnb_signed",
)



def ci_columns(measure: str) -> Tuple[str, str]:
    """The interval columns of ``measure``: ``("theil_ci_low", "theil_ci_high")``.

    >>> ci_columns("theil_between")
    ('theil_between_ci_low', 'theil_between_ci_high')
    """
    return "%s_ci_low" % measure, "%s_ci_high" % measure


# Bootstrap interval of each INTERVAL_MEASURE (of the year, or of the change on change rows).
INTERVAL_COLUMNS = tuple(c for m in INTERVAL_MEASURES for c in ci_columns(m))
# Appended after the columns of the first release (public API: append, never reorder).
UNCERTAINTY_COLUMNS = INTERVAL_COLUMNS + ("p_between", "p_between_min", "change_is_clear")

COLUMNS = (
    "megaregion", "indicator", "row_type", "year", "year1", "year2", "field",
    "n_core", "n_secondary", "n_null",
    "n_core_year1", "n_secondary_year1", "n_core_year2", "n_secondary_year2",
    "mean_core", "mean_secondary", "ratio",
    "gini", "theil", "theil_between", "theil_within", "theil_between_share",
    "theil_core", "theil_secondary",
    "dagum_g", "dagum_gw", "dagum_gnb", "dagum_gt", "share_gw", "share_gnb", "share_gt",
    "gini_core", "gini_secondary", "gini_core_secondary", "dagum_d",
    "leader", "gnb_signed", "weighted", "status", "note",
) + UNCERTAINTY_COLUMNS

_COUNT_COLUMNS = (
    "year", "year1", "year2", "n_core", "n_secondary", "n_null",
    "n_core_year1", "n_secondary_year1", "n_core_year2", "n_secondary_year2",
)

# --------------------------------------------------------------------------- measures


def _empty_measures() -> dict:
    row = {m: math.nan for m in MEASURES}
    row["leader"] = None
    return row


def _ratio(mean_core: float, mean_sec: float) -> float:
    """``mean_core / mean_sec``; NaN when the secondary mean is 0 or the ratio exceeds float64."""
    if not mean_sec > 0:
        return math.nan
    ratio = float(mean_core) / float(mean_sec)  # Python floats: an overflow is inf, no warning
    return ratio if math.isfinite(ratio) else math.nan


def _measure(y: np.ndarray, is_core: np.ndarray, w: Optional[np.ndarray], names: np.ndarray) -> dict:
    """All measures of one mega-region, indicator and year (both groups non-empty, total > 0)."""
    groups = np.where(is_core, CORE, SECONDARY)
    dg = dagum_gini(y, groups, weights=w, labels=names)
    td = theil_decomposition(y, groups, weights=w, labels=names)
    c, s = dg.index(CORE), dg.index(SECONDARY)
    tc, ts = td.groups.index(CORE), td.groups.index(SECONDARY)
    mean_core, mean_sec = float(dg.mu[c]), float(dg.mu[s])
    hi, lo = (c, s) if mean_core >= mean_sec else (s, c)
    if mean_core > mean_sec:
        leader = CORE
    elif mean_sec > mean_core:
        leader = SECONDARY
    else:
        leader = "equal"
    return {
        "mean_core": mean_core,
        "mean_secondary": mean_sec,
        "ratio": _ratio(mean_core, mean_sec),
        "gini": dg.G,
        "theil": td.total,
        "theil_between": td.between,
        "theil_within": td.within,
        "theil_between_share": td.between_share,
        "theil_core": float(td.T_g[tc]),
        "theil_secondary": float(td.T_g[ts]),
        "dagum_g": dg.G,
        "dagum_gw": dg.Gw,
        "dagum_gnb": dg.Gnb,
        "dagum_gt": dg.Gt,
        "share_gw": dg.Gw_share,
        "share_gnb": dg.Gnb_share,
        "share_gt": dg.Gt_share,
        "gini_core": float(dg.G_jj[c]),
        "gini_secondary": float(dg.G_jj[s]),
        "gini_core_secondary": float(dg.G_jh[c, s]),
        "dagum_d": float(dg.D_jh[hi, lo]),
        "gnb_signed": dg.Gnb if leader == CORE else -dg.Gnb,
        "leader": leader,
    }


def _year_row(y, w, is_core, names, has_core, has_secondary) -> Tuple[dict, np.ndarray]:
    """One year's counts, measures, status and note for one mega-region; also the mask of
    the cities used."""
    valid = ~np.isnan(y)
    null_value = ~valid
    null_weight = np.zeros_like(valid)
    if w is not None:
        null_weight = valid & np.isnan(w)
        valid &= ~np.isnan(w)
    n_core = int(np.count_nonzero(valid & is_core))
    n_sec = int(np.count_nonzero(valid & ~is_core))
    row = {"n_core": n_core, "n_secondary": n_sec, "n_null": int(np.count_nonzero(~valid))}
    notes = []
    if null_value.any():
        notes.append("%d cities with NULL value excluded (%s)" % (null_value.sum(), _names(names[null_value])))
    if null_weight.any():
        notes.append("%d cities with NULL weight excluded (%s)" % (null_weight.sum(), _names(names[null_weight])))

    status = OK
    if not has_core:
        status = "no core city in the mega-region"
    elif not has_secondary:
        status = "no secondary city in the mega-region"
    elif n_core == 0:
        status = "no valid core value (all NULL)"
    elif n_sec == 0:
        status = "no valid secondary value (all NULL)"
    elif not np.any(y[valid]):
        status = "all values are zero: inequality is undefined"

    if status == OK:
        sel = np.flatnonzero(valid)
        row.update(_measure(y[sel], is_core[sel], None if w is None else w[sel], names[sel]))
        if row["gini"] == 0:
            notes.append("all values equal: shares undefined")
        if row["mean_secondary"] == 0:
            notes.append("secondary mean is 0: ratio undefined")
        elif math.isnan(row["ratio"]):
            notes.append("core mean %r / secondary mean %r exceeds the largest float (1.8e308): "
                         "ratio left NULL" % (row["mean_core"], row["mean_secondary"]))
    else:
        row.update(_empty_measures())
        # the group means are still informative where a group has values
        for key, mask in (("mean_core", valid & is_core), ("mean_secondary", valid & ~is_core)):
            if mask.any():
                row[key] = weighted_mean(y[mask], None if w is None else w[mask], names[mask])
    row["status"] = status
    row["note"] = "; ".join(notes)
    return row, valid


def _change_row(a: dict, b: dict, used_a: np.ndarray, used_b: np.ndarray) -> dict:
    row = {m: b[m] - a[m] for m in MEASURES}
    row.update(
        n_core_year1=a["n_core"], n_secondary_year1=a["n_secondary"],
        n_core_year2=b["n_core"], n_secondary_year2=b["n_secondary"],
    )
    if a["leader"] is None or b["leader"] is None:
        row["leader"] = None
    elif a["leader"] == b["leader"]:
        row["leader"] = a["leader"]
    else:
        row["leader"] = "%s->%s" % (a["leader"], b["leader"])
    bad = ["%s: %s" % (yr, r["status"]) for yr, r in ((a["year"], a), (b["year"], b)) if r["status"] != OK]
    row["status"] = OK if not bad else "; ".join(bad)
    only_a = int(np.count_nonzero(used_a & ~used_b))
    only_b = int(np.count_nonzero(used_b & ~used_a))
    row["note"] = (
        "city sets differ: %d cities only in %s, %d only in %s" % (only_a, a["year"], only_b, b["year"])
        if only_a or only_b else ""
    )
    return row


# --------------------------------------------------------------------------- table


def unevenness_table(
    df: pd.DataFrame,
    indicators: IndicatorSpec,
    region_field: str = "megaregion_id",
    role_field: str = "role",
    weight_field: Union[None, str, Mapping[Optional[int], str]] = None,
    labels_field: Optional[str] = None,
    years: Optional[Iterable[int]] = None,
    change_pairs: Optional[Iterable[Tuple[int, int]]] = None,
    bootstrap: int = 0,
    confidence: float = 95.0,
    seed: int = 0,
    permutations: int = 0,
    headline: str = "theil",
    city_field: Optional[str] = None,
) -> pd.DataFrame:
    """Core-secondary unevenness per mega-region x indicator x year, plus change rows.

    Parameters
    ----------
    df : one row per (mega-region, member city); a city in two mega-regions has two rows.
        It is not modified.
    indicators : field names, parsed by :func:`parse_indicator_fields` (``pop_2010`` and
        ``pop_2020`` -> indicator ``pop`` in 2010 and 2020; a field without a year suffix
        is a single-year indicator with year NULL), or an explicit mapping
        ``{indicator: {year: field}}`` / ``{indicator: field}``.
    region_field : the mega-region of each row; NULL is an error.
    role_field : ``core`` or ``secondary`` (any case, surrounding blanks ignored);
        anything else is an error naming the values.
    weight_field : optional weights (e.g. population) for population-weighted measures of
        per-capita indicators: a field used for every year, a mapping ``{year: field}``,
        or a base name ``w`` whose fields ``w_<year>`` give each year's weights.
        Cities with a NULL weight are excluded like NULL values; weights <= 0 are an error.
    labels_field : optional field naming the cities in errors and notes.
    years : optional years to keep (single-year indicators are always kept).
    change_pairs : ``(year1, year2)`` pairs for the change rows; by default every pair of
        consecutive years of each indicator; ``[]`` for none.
    bootstrap : number of resamples for the intervals (0: none). Resampling is stratified
        by role and a city is drawn with its weight (see :mod:`.uncertainty`); it needs at
        least ``100 / tail`` resamples, ``tail = (100 - confidence) / 2`` (40 at 95 %).
    confidence : interval level in percent, above 0 and below 100.
    seed : an int >= 0; the same seed and input give the same intervals and p-values.
    permutations : random relabellings for ``p_between`` (0: none); when a region's
        cities have at most this many labellings they are all enumerated.
    headline : the measure whose change decides ``change_is_clear`` (one of
        :data:`.measures.HEADLINE_MEASURES`).
    city_field : optional city id (the code field the assign step copied, e.g. ``adcode``);
        an id that appears more than once within a mega-region is an error
        (:func:`.admin.city_ids.check_one_row_per_city`: counties measured as cities).

    Returns
    -------
    DataFrame with the columns :data:`COLUMNS`. ``row_type`` is ``'year'`` (``year`` set,
    NULL for single-year indicators) or ``'change'`` (``year1``, ``year2`` set; each
    measure is ``value(year2) - value(year1)``; counts of each year in
    ``n_core_year1`` ... ``n_secondary_year2``). Measures (see :mod:`.inequality`):
    ``gini`` and ``dagum_g`` are one number (the population-form Gini, computed once; both
    columns are kept for the readers of either name), ``theil`` with ``theil_between``,
    ``theil_within``, ``theil_between_share`` and the group Theils; Dagum's ``dagum_gw``,
    ``dagum_gnb``, ``dagum_gt``, their shares of G, ``gini_core``, ``gini_secondary``
    (G_jj), ``gini_core_secondary`` (G_jh), ``dagum_d`` (D_jh >= 0, higher-mean group
    first); ``leader`` is the group with the higher mean and ``gnb_signed`` is ``+Gnb``
    when the core leads, ``-Gnb`` otherwise. ``status`` is ``'ok'`` or the reason the
    measures are NaN; ``note`` lists excluded NULLs and other remarks.

    Uncertainty (NULL when off, or where the measures are NULL): ``<m>_ci_low`` and
    ``<m>_ci_high`` for each ``m`` of :data:`INTERVAL_MEASURES` (the interval of the year's
    value on year rows, of the change on change rows); ``change_is_clear`` on change rows
    (the headline's change interval excludes 0); ``p_between`` and ``p_between_min`` on
    year rows. A region with one core (or one secondary city) says in ``note`` that its
    intervals reflect only the other group's variation; one whose few cities cannot give
    p < 0.05 says how low ``p_between`` can go.

    Raises
    ------
    UnevennessInputError (a ValueError) for missing fields, unknown roles, NULL
    mega-regions, text in numeric fields, negative indicator values (naming the indicator
    and the cities) and weights <= 0.
    """
    spec = _indicator_spec(indicators)
    if years is not None:
        keep = {int(y) for y in years}
        spec = OrderedDict(
            (name, {y: f for y, f in yrs.items() if y is None or y in keep}) for name, yrs in spec.items()
        )
        spec = OrderedDict((k, v) for k, v in spec.items() if v)
    if not spec:
        raise UnevennessInputError(msg("No indicator field to measure: give at least one field",
                                       "没有可计算的指标字段：请至少选择一个字段"))
    bootstrap, confidence, seed, permutations = _check_uncertainty(bootstrap, confidence, seed, permutations, headline)
    fields = [f for yrs in spec.values() for f in yrs.values()]
    _require_columns(df, [region_field, role_field] + fields + ([labels_field] if labels_field else []))

    names = _city_names(df, labels_field)
    regions = df[region_field]
    if regions.isna().any():
        bad = regions.isna().to_numpy()
        raise UnevennessInputError(msg(
            "Mega-region field {field!r} is NULL for {count} cities ({cities}): keep only member cities",
            "城市群字段 {field!r} 中有 {count} 个城市为空值（{cities}）：请只保留城市群的成员城市",
            field=region_field, count=int(bad.sum()), cities=_names(names[bad])))
    is_core = _roles(df, role_field, names)
    try:
        check_one_row_per_city(df, city_field, region_field, names)
    except ValueError as exc:
        raise UnevennessInputError(reason_of(exc)) from None

    values = read_indicators(df, spec, names, regions)
    weighted = weight_field is not None
    weights, weight_fields = read_weights(df, spec, weight_field, names) if weighted else ({}, {})

    region_rows = OrderedDict()
    for i, region in enumerate(regions.to_numpy()):
        region_rows.setdefault(region, []).append(i)

    rows = []
    for region, idx in region_rows.items():
        idx = np.asarray(idx, dtype=np.intp)
        core = is_core[idx]
        has_core, has_sec = bool(core.any()), bool((~core).any())
        sub_names = names[idx]
        resampler = _unc.RegionResampler(region, core, bootstrap, confidence, permutations, seed)
        for name, yrs in spec.items():
            per_year = {}
            for year, field in yrs.items():
                w = weights[year][idx] if weighted else None
                y = values[field][idx]
                try:
                    row, used = _year_row(y, w, core, sub_names, has_core, has_sec)
                except InequalityInputError as exc:
                    weight = (msg(", weight field {field!r}", "，权重字段 {field!r}", field=weight_fields[year])
                              if weighted else "")
                    raise UnevennessInputError(msg(
                        "Indicator {name!r} (field {field!r}{weight}), mega-region {region!r}: {reason}",
                        "指标 {name!r}（字段 {field!r}{weight}），城市群 {region!r}：{reason}",
                        name=name, field=field, weight=weight, region=region,
                        reason=reason_of(exc))) from None
                if row["status"] == OK and (bootstrap or permutations):
                    _add(row, *resampler.year(field, y, w, used, row))
                row.update(megaregion=region, indicator=name, row_type="year", year=year, field=field,
                           weighted=weighted)
                rows.append(row)
                per_year[year] = (row, used, (field, y, w))
            dated = [y for y in yrs if y is not None]
            if change_pairs is None:
                pairs = list(zip(dated[:-1], dated[1:]))
            else:
                pairs = [(int(a), int(b)) for a, b in change_pairs if a in per_year and b in per_year]
            for y1, y2 in pairs:
                (a, used_a, data_a), (b, used_b, data_b) = per_year[y1], per_year[y2]
                row = _change_row(a, b, used_a, used_b)
                if bootstrap and a["status"] == OK and b["status"] == OK:
                    _add(row, *resampler.change((data_a, data_b), used_a, used_b, headline))
                row.update(megaregion=region, indicator=name, row_type="change", year1=y1, year2=y2,
                           field="%s -> %s" % (yrs[y1], yrs[y2]), weighted=weighted)
                rows.append(row)
            # three or more years: sigma- and beta-convergence rows (core.panels.table)
            def every_measure(y, w, is_core, index, _names=sub_names):
                return _measure(y, is_core, w, _names[index])

            for row in _convergence.convergence_rows(per_year, core, resampler, confidence, every_measure):
                row.update(megaregion=region, indicator=name, weighted=weighted,
                           field="%s ... %s" % (yrs[row["first_year"]], yrs[row["last_year"]]))
                rows.append(row)

    convergence = any(r["row_type"] in (_convergence.fv.SIGMA, _convergence.fv.BETA) for r in rows)
    table = pd.DataFrame(rows, columns=list(COLUMNS) + (list(_convergence.CONVERGENCE_COLUMNS) if convergence else []))
    for col in _COUNT_COLUMNS:
        table[col] = pd.array([None if v is None or (isinstance(v, float) and math.isnan(v)) else int(v)
                               for v in table[col]], dtype="Int64")
    for col in MEASURES + INTERVAL_COLUMNS + ("p_between", "p_between_min"):
        table[col] = table[col].astype(float)
    table["weighted"] = table["weighted"].astype(bool)
    if convergence:
        _convergence.column_types(table)
    table["change_is_clear"] = pd.array([None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))
                                         else bool(v) for v in table["change_is_clear"]], dtype="boolean")
    return table


def _add(row: dict, values: dict, notes: Sequence[str]):
    """Merge the uncertainty columns and notes into a table row."""
    row.update(values)
    if notes:
        row["note"] = "; ".join([n for n in (row.get("note") or "",) if n] + list(notes))


def headline_by_region(table: pd.DataFrame, measure: str = "theil", year=None) -> pd.DataFrame:
    """One measure as a mega-region x indicator grid, for maps and heatmaps.

    ``year``: an int for that year's rows; ``None`` for each indicator's latest year
    (a single-year indicator's only row); ``'change'`` for each indicator's last change
    row; a pair ``(year1, year2)`` for that change. Mega-regions and indicators keep the
    order of the table; a cell with no row is NaN, as are the measures of a row whose
    status is not 'ok'.
    """
    if measure not in table.columns:
        raise UnevennessInputError(msg("Measure {measure!r} is not a column of the table; measures: {measures}",
                                       "指数 {measure!r} 不是表格的列；可用的指数：{measures}",
                                       measure=measure, measures=", ".join(MEASURES)))
    years_rows = table[table["row_type"] == "year"]
    change_rows = table[table["row_type"] == "change"]
    if year is None:
        latest = years_rows.assign(_y=years_rows["year"].astype("float").fillna(-math.inf))
        idx = latest.groupby("indicator", sort=False)["_y"].transform("max") == latest["_y"]
        sel = years_rows[idx.to_numpy()]
    elif isinstance(year, str) and year == "change":
        last = change_rows.assign(_y=change_rows["year2"].astype(float) * 10000 + change_rows["year1"].astype(float))
        idx = last.groupby("indicator", sort=False)["_y"].transform("max") == last["_y"]
        sel = change_rows[idx.to_numpy()]
    elif isinstance(year, (tuple, list)) and len(year) == 2:
        sel = change_rows[(change_rows["year1"] == int(year[0])).fillna(False).to_numpy()
                          & (change_rows["year2"] == int(year[1])).fillna(False).to_numpy()]
    else:
        sel = years_rows[(years_rows["year"] == int(year)).fillna(False).to_numpy()]
    grid = sel.pivot(index="megaregion", columns="indicator", values=measure)
    regions = [r for r in pd.unique(table["megaregion"]) if r in grid.index]
    indicators = [i for i in pd.unique(table["indicator"]) if i in grid.columns]
    grid = grid.reindex(index=regions, columns=indicators).astype(float)
    grid.columns.name = measure
    return grid
