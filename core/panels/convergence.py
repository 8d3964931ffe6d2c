"""Are a mega-region's gaps closing? Sigma- and beta-convergence over a panel of years.

The panel of one mega-region and indicator is a ``(T, n)`` matrix ``y[t, i]`` of its ``n``
member cities over ``T`` increasing years ``t_1 < ... < t_T``, with ``is_core`` marking the cores.

Sigma-convergence (Friedman 1992; Quah 1993)
    The dispersion itself over time: ``m_t`` = an unevenness measure of year ``t`` (Theil T,
    Gini, between-group Theil T, Dagum's Gnb, their shares, signed Gnb, the ratio of means:
    :data:`megaregion.core.uncertainty.INTERVAL_MEASURES`, computed by
    :func:`megaregion.core.uncertainty.resample_measures`, the same measures as
    :mod:`megaregion.core.inequality`), and its ordinary least-squares slope over the years
    ``b = sum_t (t - tbar)(m_t - mbar) / sum_t (t - tbar)^2`` (units of the measure per year).
    Interval: percentile bootstrap (Efron and Tibshirani 1993) resampling the cities within
    the core and the secondary group *jointly across years*: one resample draws ``n_core``
    cores and ``n_secondary`` secondary cities with replacement and keeps the same drawn
    cities in every year, so a city's persistence over the years stays in the resample; the
    slope of each resample's measures gives the ``(100 - c)/2`` and ``(100 + c)/2`` percentiles.
    Only cities with a value in every year enter (a balanced panel; the others are counted).
    Verdict: ``converging`` when the whole interval lies on the side that moves the measure
    toward its neutral value (0, or 1 for the ratio of means; the side is that of the mean of
    ``m_t`` around it) *and* the Mann-Kendall test of the yearly values ``m_t``
    (:mod:`.trends`) rejects "no trend" at ``1 - c``; ``diverging`` likewise on the other
    side; ``unclear`` otherwise (also when the interval is undefined, and always with two
    years). Why both: the bootstrap says whether other cities of the same groups would give
    a slope of the same sign, but it keeps each year's own noise in every resample, and with
    5 to 30 cities it understates the spread of the slope of a measure that only fluctuates
    (in simulated pure noise, 2 cores and 10 secondary cities over 21 years, the 95 %
    interval excluded 0 in 28 of 100 panels); the Mann-Kendall test asks whether the yearly
    values move more steadily than year-to-year noise would. The table's other measures (the
    parts of the decompositions), which have no bootstrap, get the verdict of
    :func:`sigma_verdict_without_interval`: the Mann-Kendall test alone.

Beta-convergence (Barro and Sala-i-Martin 1992)
    Over the secondary cities ``i`` with positive values in the first and last year, with
    ``T* = t_T - t_1``: average annual log growth ``g_i = (ln y_i,T - ln y_i,1) / T*`` and the
    initial log gap to the core ``x_i = ln(y_i,1 / c_1)``, ``c_1`` the mean of the region's
    cores in the first year (or, with ``regressor="level"``, the initial log level
    ``x_i = ln y_i,1``; within one region both give the same ``beta``, since ``ln c_1`` is one
    constant, only the intercept differs). OLS ``g_i = a + beta x_i + e_i``:
    ``beta = Sxg / Sxx``; its interval ``beta +/- t_{(1+c)/2, n-2} se``, with
    ``se = sqrt(s^2 / Sxx)``, ``s^2 = RSS / (n - 2)`` (the classical OLS standard error and the
    t distribution, which assumes independent normal errors of equal variance). With
    ``beta < 0`` (and ``1 + beta T* > 0``) the implied speed of convergence is
    ``lambda = -ln(1 + beta T*) / T*`` per year and the half-life of the gap ``ln 2 / lambda``
    years. A gap that decays exactly as ``x_i(t) = x_i(t_1) e^{-lambda (t - t_1)}`` gives
    ``beta = (e^{-lambda T*} - 1) / T*`` and this lambda back.

References
----------
- Barro, R. J. and Sala-i-Martin, X. (1992). Convergence. Journal of Political Economy 100,
  223-251.
- Friedman, M. (1992). Do old fallacies ever die? Journal of Economic Literature 30, 2129-2132.
- Quah, D. (1993). Galton's fallacy and tests of the convergence hypothesis. Scandinavian
  Journal of Economics 95, 427-443.
- Efron, B. and Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
"""
import math
from typing import Dict, NamedTuple, Optional, Sequence

import numpy as np
from scipy import stats

from .. import fields as fv
from ..measures import MEASURES
from ..messages import msg
from ..uncertainty import INTERVAL_MEASURES, generator, resample_measures, stratified_draws
from .trends import series_trends

__all__ = ["SigmaResult", "BetaResult", "sigma_convergence", "sigma_results", "sigma_verdict",
           "sigma_verdict_without_interval", "ols_slopes",
           "beta_convergence", "REGRESSORS"]

REGRESSORS = ("gap", "level")


class SigmaResult(NamedTuple):
    """One measure's sigma-convergence: ``values`` per year, ``slope`` and its interval,
    ``verdict`` (:data:`~megaregion.core.fields.CONVERGENCE_VERDICTS`), the years and the number
    of cities of the balanced panel."""
    measure: str
    values: np.ndarray
    slope: float
    slope_ci_low: float
    slope_ci_high: float
    verdict: str
    first_year: float
    last_year: float
    n_cities: int


class BetaResult(NamedTuple):
    """Beta-convergence of the secondary cities (see the module docstring); ``note`` says why a
    value is NaN."""
    beta: float
    beta_ci_low: float
    beta_ci_high: float
    intercept: float
    speed: float
    half_life_years: float
    n_cities: int
    first_year: float
    last_year: float
    note: Optional[str]


def _years(years, T):
    t = np.asarray(years, dtype=float)
    if t.shape != (T,) or T < 2 or not np.all(np.isfinite(t)) or np.any(np.diff(t) <= 0):
        raise ValueError(msg("Years {years}: a panel needs at least two different years, in increasing order, "
                             "one per row of values",
                             "年份 {years}：面板数据需要至少两个不同的年份，按递增顺序，每行数值一个年份",
                             years=", ".join("%g" % v for v in np.ravel(t))))
    return t


def ols_slopes(series: np.ndarray, years) -> np.ndarray:
    """The OLS slope on ``years`` of each row of ``series`` (``(..., T)``):
    ``sum_t (t - tbar)(m_t - mbar) / sum_t (t - tbar)^2``; NaN where a row has a NaN.

    >>> ols_slopes(np.array([[1.0, 3.0, 5.0], [2.0, 2.0, 2.0]]), [2000, 2001, 2002]).tolist()
    [2.0, 0.0]
    """
    t = np.asarray(years, dtype=float)
    dt = t - t.mean()
    m = np.asarray(series, dtype=float)
    return (m - m.mean(axis=-1, keepdims=True)) @ dt / float(dt @ dt)


def sigma_verdict_without_interval(measure: str, values, slope: float, p_trend: float, alpha: float = 0.05) -> str:
    """The verdict of a measure that has no bootstrap interval (the components of the
    decompositions beyond :data:`~megaregion.core.uncertainty.INTERVAL_MEASURES`): the
    Mann-Kendall test of its yearly values alone, ``p_trend < alpha``, and the sign of its
    ``slope`` toward or away from the measure's neutral value; ``unclear`` otherwise.

    >>> sigma_verdict_without_interval("theil_within", [0.3, 0.2, 0.1], -0.1, 0.01)
    'converging'
    >>> sigma_verdict_without_interval("theil_within", [0.3, 0.2, 0.1], -0.1, 0.2)
    'unclear'
    """
    converging, diverging, unclear = fv.CONVERGENCE_VERDICTS
    if not (math.isfinite(slope) and p_trend < alpha) or slope == 0:
        return unclear
    neutral = MEASURES[measure].neutral if measure in MEASURES else 0.0
    side = float(np.sign(np.mean(values) - neutral))
    if side == 0:
        return unclear
    return converging if side * slope < 0 else diverging


def sigma_verdict(measure: str, values, low: float, high: float, p_trend: float = 0.0,
                  alpha: float = 0.05) -> str:
    """``converging`` / ``diverging`` / ``unclear`` from the slope interval ``(low, high)``
    of ``measure`` whose yearly values are ``values`` and the Mann-Kendall ``p_trend`` of
    those values (see the module docstring).

    >>> sigma_verdict("theil", [0.3, 0.2], -0.02, -0.001), sigma_verdict("ratio", [0.5, 0.7], 0.01, 0.03)
    ('converging', 'converging')
    >>> sigma_verdict("theil", [0.3, 0.2], -0.02, -0.001, p_trend=0.3)
    'unclear'
    """
    converging, diverging, unclear = fv.CONVERGENCE_VERDICTS
    if math.isnan(low) or math.isnan(high) or not p_trend < alpha:
        return unclear
    neutral = MEASURES[measure].neutral if measure in MEASURES else 0.0
    side = float(np.sign(np.mean(values) - neutral))
    if side == 0:
        return unclear
    if side * high < 0:
        return converging
    if side * low > 0:
        return diverging
    return unclear


def _panel(values, is_core, weights):
    y = np.asarray(values, dtype=float)
    if y.ndim != 2:
        raise ValueError(msg("A panel is a (years, cities) matrix; got shape {shape}",
                             "面板数据应为（年份，城市）矩阵；实际形状为 {shape}", shape=y.shape))
    core = np.asarray(is_core, dtype=bool)
    if core.shape != (y.shape[1],):
        raise ValueError(msg("is_core has {count} values for {n} cities", "is_core 有 {count} 个值，而城市有 {n} 个",
                             count=core.size, n=y.shape[1]))
    if np.isinf(y).any():
        raise ValueError(msg("Infinite values in the panel: replace them by real numbers or NULL",
                             "面板数据含有无穷大值：请替换为实数或空值"))
    if (y < 0).any():
        raise ValueError(msg("Negative values in the panel ({count}): the unevenness measures need values >= 0",
                             "面板数据含有负值（{count} 个）：不均衡指标需要 >= 0 的数值",
                             count=int((y < 0).sum())))
    w = None
    if weights is not None:
        w = np.asarray(weights, dtype=float)
        if w.shape != y.shape:
            raise ValueError(msg("weights have shape {shape}, the values {vshape}: one weight per city and year",
                                 "权重形状为 {shape}，数值为 {vshape}：每个城市每年一个权重",
                                 shape=w.shape, vshape=y.shape))
        if not (np.isfinite(w) | np.isnan(w)).all() or (w <= 0).any():
            raise ValueError(msg("Weights must be positive numbers", "权重必须为正数"))
    return y, core, w


def sigma_convergence(values, years, is_core, weights=None, bootstrap: int = 999, confidence: float = 95.0,
                      rng: Optional[np.random.Generator] = None, seed: int = 0,
                      measures: Sequence[str] = INTERVAL_MEASURES) -> Dict[str, SigmaResult]:
    """Sigma-convergence of one mega-region and indicator for each of ``measures`` (see the
    module docstring). ``values``: ``(T, n)`` values >= 0 of the ``n`` member cities (NaN =
    missing: a city missing in any year is left out); ``weights``: ``(T, n)`` positive weights
    (population) or None; ``bootstrap`` resamples (0: no interval, verdict ``unclear``), drawn
    by ``rng`` (default: :func:`~megaregion.core.uncertainty.generator` of ``seed``).
    Returns ``{measure: SigmaResult}``; an undefined measure (e.g. no secondary city left)
    gives NaN.
    """
    y, core, w = _panel(values, is_core, weights)
    t = _years(years, y.shape[0])
    unknown = [m for m in measures if m not in INTERVAL_MEASURES]
    if unknown:
        raise ValueError(msg("Measures {names} have no convergence slope: choose among {known}",
                             "指标 {names} 没有收敛斜率：请在 {known} 中选择",
                             names=fv.list_names(unknown, quote=True), known=", ".join(INTERVAL_MEASURES)))
    keep = ~np.isnan(y).any(axis=0)
    if w is not None:
        keep &= ~np.isnan(w).any(axis=0)
    y, core = y[:, keep], core[keep]
    w = None if w is None else w[:, keep]
    n = int(keep.sum())
    cores, secondary = np.flatnonzero(core), np.flatnonzero(~core)
    nan = np.full(t.size, np.nan)
    if cores.size == 0 or secondary.size == 0 or n < 2:
        return {m: SigmaResult(m, nan, math.nan, math.nan, math.nan, fv.CONVERGENCE_VERDICTS[2],
                               float(t[0]), float(t[-1]), n) for m in measures}
    order = np.concatenate([cores, secondary])
    n_core = cores.size
    point = {m: np.empty(t.size) for m in measures}
    sampled = {m: np.empty((int(bootstrap), t.size)) for m in measures} if bootstrap else {}
    draws = None
    if bootstrap:
        rng = generator(seed, "sigma") if rng is None else rng
        draws = stratified_draws([cores, secondary], int(bootstrap), rng)
    for k in range(t.size):
        wk = None if w is None else w[k]
        here = resample_measures(y[k], wk, n_core, order[None, :])
        for m in measures:
            point[m][k] = here[m][0]
        if bootstrap:
            again = resample_measures(y[k], wk, n_core, draws)     # the same draws in every year
            for m in measures:
                sampled[m][:, k] = again[m]
    return sigma_results(point, sampled if bootstrap else None, t, confidence, measures, n)


def sigma_results(point: Dict[str, np.ndarray], sampled: Optional[Dict[str, np.ndarray]], years,
                  confidence: float, measures: Sequence[str], n_cities: int) -> Dict[str, SigmaResult]:
    """:class:`SigmaResult` of each measure from its yearly values ``point[m]`` (length ``T``)
    and its resampled yearly values ``sampled[m]`` (``(B, T)``, the same drawn cities in every
    year; None: no interval); the slopes, intervals and verdicts of the module docstring."""
    t = np.asarray(years, dtype=float)
    tail = (100.0 - float(confidence)) / 2.0
    finite = [m for m in measures if np.isfinite(point[m]).all()]
    trend_p = dict(zip(finite, series_trends(np.vstack([point[m] for m in finite]), t).p)) if finite else {}
    out = {}
    for m in measures:
        slope = float(ols_slopes(point[m], t)) if m in trend_p else math.nan
        low = high = math.nan
        if sampled is not None and math.isfinite(slope):
            slopes = ols_slopes(sampled[m], t)
            if np.isfinite(slopes).all():   # leaving undefined resamples out would bias the interval
                low, high = (float(v) for v in np.percentile(slopes, [tail, 100.0 - tail]))
        verdict = sigma_verdict(m, point[m], low, high, trend_p.get(m, math.nan), tail / 50.0)
        out[m] = SigmaResult(m, point[m], slope, low, high, verdict, float(t[0]), float(t[-1]), int(n_cities))
    return out


def beta_convergence(values, years, is_core, confidence: float = 95.0, regressor: str = "gap") -> BetaResult:
    """Beta-convergence of the secondary cities of one mega-region (see the module docstring).
    ``values``: ``(T, n)`` of the member cities (NaN = missing); only the first and last year
    enter. Needs at least 3 secondary cities with positive values in both years and a core
    with a positive first-year value; otherwise NaN with the reason in ``note``.

    >>> years = [2000, 2010]
    >>> y = np.array([[8.0, 1.0, 2.0, 4.0], [16.0, 4.0, 5.0, 8.0]])
    >>> r = beta_convergence(y, years, [True, False, False, False])
    >>> round(r.beta, 4), r.n_cities
    (-0.05, 3)
    """
    if regressor not in REGRESSORS:
        raise ValueError(msg("regressor {value!r}: choose 'gap' or 'level'", "regressor {value!r}：请选择 'gap' 或 'level'",
                             value=regressor))
    y = np.asarray(values, dtype=float)
    core = np.asarray(is_core, dtype=bool)
    t = _years(years, y.shape[0])
    span = float(t[-1] - t[0])
    first, last = y[0], y[-1]
    nan = math.nan

    def empty(n, why):
        return BetaResult(nan, nan, nan, nan, nan, nan, n, float(t[0]), float(t[-1]), why)

    with np.errstate(invalid="ignore"):
        core_first = first[core & (first > 0)]
        ok = ~core & (first > 0) & (last > 0) & np.isfinite(first) & np.isfinite(last)
    n = int(ok.sum())
    if core_first.size == 0 and regressor == "gap":
        return empty(n, "no core city with a positive value in the first year")
    if n < 3:
        return empty(n, "fewer than 3 secondary cities with positive values in the first and last year")
    g = (np.log(last[ok]) - np.log(first[ok])) / span
    x = np.log(first[ok])
    if regressor == "gap":
        x = x - math.log(float(np.sort(core_first).sum() / core_first.size))
    dx = x - x.mean()
    sxx = float(dx @ dx)
    if not sxx > 0:
        return empty(n, "every secondary city has the same initial value")
    beta = float(dx @ (g - g.mean())) / sxx
    intercept = float(g.mean() - beta * x.mean())
    resid = g - intercept - beta * x
    s2 = float(resid @ resid) / (n - 2)
    half = float(stats.t.ppf(0.5 + float(confidence) / 200.0, n - 2)) * math.sqrt(s2 / sxx)
    speed = half_life = nan
    if beta < 0 and 1.0 + beta * span > 0:
        speed = -math.log1p(beta * span) / span
        half_life = math.log(2.0) / speed
    return BetaResult(beta, beta - half, beta + half, intercept, speed, half_life, n, float(t[0]), float(t[-1]),
                      None)
