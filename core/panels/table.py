"""The convergence rows of the unevenness table (:func:`megaregion.core.unevenness.unevenness_table`).

For an indicator with three or more years, each mega-region gets, after its year and change
rows (:mod:`.convergence` for the formulas):

- one row with ``row_type = "sigma"`` per measure of
  :data:`megaregion.core.uncertainty.INTERVAL_MEASURES` (``measure``): ``slope`` of the measure
  on the year (units per year) over the cities with a value in every year, its bootstrap
  interval ``slope_ci_low``/``slope_ci_high``, ``verdict`` (``converging``, ``diverging``,
  ``unclear``), ``first_year``, ``last_year``, ``n_core``/``n_secondary`` of that balanced panel;
- one more per other measure of the table (:data:`OTHER_MEASURES`: the components of the Theil
  and Dagum decompositions, the groups' own inequality), computed over the same balanced panel,
  with ``slope`` and no interval (these measures have no bootstrap) and the verdict of
  :func:`.convergence.sigma_verdict_without_interval` (the Mann-Kendall test alone), which the
  row's note says;
  The resamples are those of the year rows (:class:`megaregion.core.uncertainty.RegionResampler`):
  the draws depend only on the region and the set of cities, so the same cities are drawn in
  every year, and when every year has the same cities the year rows' resamples are reused;
- one row with ``row_type = "beta"``: ``beta`` and ``beta_ci_low``/``beta_ci_high`` (OLS, t
  interval at the table's confidence), ``speed``, ``half_life_years``, ``n_cities``,
  ``first_year``, ``last_year``.

The columns exist only in a table with such rows (:data:`CONVERGENCE_COLUMNS`, after the other
columns), so a table of one or two years is the same as before.
"""
import math
from typing import Dict, List, Tuple

import numpy as np

from .. import fields as fv
from ..measures import MEASURES
from ..uncertainty import INTERVAL_MEASURES, resample_measures
from .convergence import beta_convergence, ols_slopes, sigma_results, sigma_verdict_without_interval
from .trends import series_trends

__all__ = ["CONVERGENCE_COLUMNS", "convergence_rows", "column_types", "sigma_verdict_columns", "MIN_YEARS"]

#: Columns of the convergence rows, appended after the table's columns (public API).
CONVERGENCE_COLUMNS = (
    "measure", "slope", "slope_ci_low", "slope_ci_high", "verdict", "first_year", "last_year",
    "beta", "beta_ci_low", "beta_ci_high", "speed", "half_life_years", "n_cities",
)
#: The fewest years that give convergence rows.
MIN_YEARS = 3
#: The measures of the table without a bootstrap interval that get a sigma row too (the
#: groups' means are levels, not unevenness: they get none).
OTHER_MEASURES = tuple(m for m in MEASURES if m not in INTERVAL_MEASURES and m not in ("mean_core", "mean_secondary"))
NO_INTERVAL_NOTE = "no bootstrap interval for this measure: the verdict rests on the Mann-Kendall test of its yearly values"


def convergence_rows(per_year: Dict[int, Tuple[dict, np.ndarray, tuple]], is_core: np.ndarray, resampler,
                     confidence: float, measures_of=None) -> List[dict]:
    """The sigma rows (one per measure) and the beta row of one mega-region and indicator.
    ``per_year`` maps each year to ``(year row, cities used, (field, y, w))`` as the unevenness
    table builds them; ``resampler`` is the region's ``RegionResampler`` (its ``bootstrap`` 0:
    no intervals); ``measures_of(y, w, is_core, index)`` gives every measure of one year's cities
    (``index``: their positions in the region; the table's own function), for the rows of :data:`OTHER_MEASURES` (None: no such rows). Fewer
    than :data:`MIN_YEARS` years: no rows."""
    years = sorted(y for y in per_year if y is not None)
    if len(years) < MIN_YEARS:
        return []
    t = np.asarray(years, dtype=float)
    common = np.logical_and.reduce([per_year[y][1] for y in years])
    core = np.asarray(is_core, dtype=bool)
    n_core, n_sec = int((common & core).sum()), int((common & ~core).sum())
    base = dict(first_year=years[0], last_year=years[-1], status="ok", note=None)
    rows = []
    others = OTHER_MEASURES if measures_of is not None else ()
    if n_core == 0 or n_sec == 0 or any(per_year[y][0]["status"] != "ok" for y in years):
        why = ("no %s city has a value in every year" % ("core" if n_core == 0 else "secondary")
               if n_core == 0 or n_sec == 0 else "a year has no measures (see its status)")
        for m in INTERVAL_MEASURES + others:
            rows.append(dict(base, row_type=fv.SIGMA, measure=m, verdict=fv.CONVERGENCE_VERDICTS[2],
                             n_core=n_core, n_secondary=n_sec, n_cities=n_core + n_sec, status=why))
    else:
        sel = np.flatnonzero(common)
        order = np.concatenate([np.flatnonzero(core[sel]), np.flatnonzero(~core[sel])])[None, :]
        point = {m: np.empty(t.size) for m in INTERVAL_MEASURES}
        sampled = {m: np.empty((resampler.bootstrap, t.size)) for m in INTERVAL_MEASURES} \
            if resampler.bootstrap else None
        for k, year in enumerate(years):
            field, y, w = per_year[year][2]
            here = resample_measures(y[sel], None if w is None else w[sel], int(core[sel].sum()), order)
            again = resampler.samples(field, y, w, common) if resampler.bootstrap else None
            for m in INTERVAL_MEASURES:
                point[m][k] = here[m][0]
                if again is not None:
                    sampled[m][:, k] = again[m]
        note = None
        if not all(np.array_equal(per_year[y][1], common) for y in years):
            note = "over the %d cities with a value in every year" % (n_core + n_sec)
        if not resampler.bootstrap:
            note = "; ".join([n for n in (note, "no interval: BOOTSTRAP = 0") if n])
        for m, r in sigma_results(point, sampled, t, confidence, INTERVAL_MEASURES, n_core + n_sec).items():
            rows.append(dict(base, row_type=fv.SIGMA, measure=m, slope=r.slope, slope_ci_low=r.slope_ci_low,
                             slope_ci_high=r.slope_ci_high, verdict=r.verdict, n_core=n_core, n_secondary=n_sec,
                             n_cities=r.n_cities, note=note,
                             status="ok" if math.isfinite(r.slope) else "undefined in some year"))
        rows.extend(_other_rows(per_year, years, t, sel, core, measures_of, others, confidence, note,
                                dict(base, n_core=n_core, n_secondary=n_sec, n_cities=n_core + n_sec)))
    panel = np.vstack([per_year[y][2][1] for y in years])
    beta = beta_convergence(panel, t, core, confidence)
    rows.append(dict(base, row_type=fv.BETA, beta=beta.beta, beta_ci_low=beta.beta_ci_low,
                     beta_ci_high=beta.beta_ci_high, speed=beta.speed, half_life_years=beta.half_life_years,
                     n_cities=beta.n_cities, status="ok" if beta.note is None else beta.note))
    return rows


def _other_rows(per_year, years, t, sel, core, measures_of, measures, confidence, note, base):
    """The sigma rows of ``measures`` (no interval) over the balanced panel ``sel``."""
    if not measures:
        return []
    values = {m: np.empty(t.size) for m in measures}
    for k, year in enumerate(years):
        _field, y, w = per_year[year][2]
        try:
            every = measures_of(y[sel], None if w is None else w[sel], core[sel], sel)
        except ValueError:  # no measure over these cities in that year (all zero): undefined
            every = {}
        for m in measures:
            v = every.get(m)
            values[m][k] = np.nan if v is None else float(v)
    series = np.vstack([values[m] for m in measures])
    slopes = ols_slopes(series, t)
    finite = np.isfinite(series).all(axis=1)
    p = np.full(len(measures), np.nan)
    if finite.any():
        p[finite] = series_trends(series[finite], t).p
    alpha = (100.0 - float(confidence)) / 100.0
    note = "; ".join(n for n in (note, NO_INTERVAL_NOTE) if n)
    rows = []
    for i, m in enumerate(measures):
        slope = float(slopes[i]) if finite[i] else math.nan
        rows.append(dict(base, row_type=fv.SIGMA, measure=m, slope=slope, note=note,
                         verdict=sigma_verdict_without_interval(m, values[m], slope, float(p[i]), alpha),
                         status="ok" if math.isfinite(slope) else "undefined in some year"))
    return rows


def column_types(table):
    """Give the convergence columns of ``table`` their types (in place): years and counts as
    integers with NULL, the rest as floats, the measure and verdict as text."""
    for col in ("first_year", "last_year", "n_cities"):
        table[col] = table[col].astype("Int64")
    for col in ("slope", "slope_ci_low", "slope_ci_high", "beta", "beta_ci_low", "beta_ci_high", "speed",
                "half_life_years"):
        table[col] = table[col].astype(float)
    for col in ("measure", "verdict"):
        table[col] = table[col].astype(object)
    return table


def sigma_verdict_columns(table, region_ids, headline):
    """``sigma_verdict_<indicator>`` (:func:`megaregion.core.fields.sigma_verdict_field`) of
    the ``headline`` measure for the mega-region layer: one row per region of ``region_ids``
    (in that order), the verdict key or None; no columns for a table without sigma rows."""
    import pandas as pd

    region_ids = list(region_ids)
    out = {}
    if "measure" in table.columns:
        rows = table[(table["row_type"] == fv.SIGMA) & (table["measure"] == headline)]
        for indicator in pd.unique(rows["indicator"]):
            verdict = dict(zip(rows.loc[rows["indicator"] == indicator, "megaregion"],
                               rows.loc[rows["indicator"] == indicator, "verdict"]))
            out[fv.sigma_verdict_field(str(indicator))] = pd.array(
                [verdict.get(r) if isinstance(verdict.get(r), str) else None for r in region_ids], dtype=object)
    return pd.DataFrame(out, index=range(len(region_ids)))
