"""The gradient of the gap with distance to the core: borrowed size or agglomeration shadow.

For the secondary cities of one mega-region, ``y_i`` the gap of city ``i`` to its cores (as
the typology defines it: performance of the city less the core reference, so a gap closer to 0
or above it means doing better relative to the core) and ``x_i = ln d_i`` the log geodesic
distance to the nearest core:

- **gradient** ``b``: the ordinary least-squares slope of ``y`` on ``x``,
  ``b = sum (x_i - xbar)(y_i - ybar) / sum (x_i - xbar)^2``; the residual
  ``e_i = y_i - ybar - b (x_i - xbar)``;
- **Spearman's rho** of ``x`` and ``y`` (``scipy.stats.spearmanr``, ties averaged);
- **bootstrap intervals**: ``B`` resamples of the secondary cities with replacement, the
  percentile interval at the confidence level (resamples with a single distinct distance are
  skipped);
- **pooled** over mega-regions with mega-region fixed effects: ``x`` and ``y`` demeaned within
  each mega-region (the within estimator), then the same slope and rho; resamples are drawn
  within each mega-region (stratified).

**Verdict** (Meijers & Burger 2017; Cardoso & Meijers 2021): the gap *narrows toward the
core* — ``y`` rises as ``x`` falls, ``b < 0`` — is the **borrowed-size** pattern (cities near a
strong core do better than their size suggests); the gap *widens toward the core*, ``b > 0``,
is the **agglomeration-shadow** pattern (the core draws people and firms away). A verdict is
given only when the intervals of ``b`` and of ``rho`` both exclude 0 on the same side, and
over at least :data:`MIN_VERDICT_CITIES` cities: with fewer, a resample holds so few distinct
cities that rho is +1 or -1 in most resamples and its interval collapses (4 cities: [-1, -1]),
and no sign can be told from chance (Spearman's smallest exact one-sided p with 4 cities is
1/24); otherwise ``no_clear_gradient``.

References: Meijers, E. J. & Burger, M. J. (2017) Stretching the concept of 'borrowed size'.
*Urban Studies* 54, 269-291. Cardoso, R. V. & Meijers, E. J. (2021) Metropolisation: the
winding road toward the citification of the region. *Urban Geography* 42, 1-20. Efron, B. &
Tibshirani, R. (1993) *An Introduction to the Bootstrap*, ch. 13.
"""
from dataclasses import dataclass

import numpy as np

from ..messages import msg

__all__ = ["Gradient", "gradient", "pooled_gradient", "verdict", "PATTERNS", "MIN_CITIES", "MIN_VERDICT_CITIES"]

BORROWED, SHADOW, UNCLEAR = "borrowed_size", "shadow", "no_clear_gradient"
PATTERNS = (BORROWED, SHADOW, UNCLEAR)
#: Fewest secondary cities for a gradient.
MIN_CITIES = 3
#: Fewest secondary cities for a verdict on the gradient.
MIN_VERDICT_CITIES = 6


@dataclass
class Gradient:
    slope: float
    slope_ci: tuple
    rho: float
    rho_ci: tuple
    pattern: str
    residuals: np.ndarray
    n: int
    resamples: int


def _slope(x, y):
    xc = x - x.mean()
    sxx = float(xc @ xc)
    if sxx == 0:
        return float("nan")
    return float(xc @ (y - y.mean())) / sxx


def _rank(a):
    from scipy.stats import rankdata

    return rankdata(a)


def _rho(x, y):
    """Spearman's rho: Pearson's r of the average ranks (as scipy.stats.spearmanr);
    NaN when either variable is constant."""
    rx, ry = _rank(x), _rank(y)
    rx = rx - rx.mean()
    ry = ry - ry.mean()
    den = np.sqrt(float(rx @ rx) * float(ry @ ry))
    return float(rx @ ry) / den if den > 0 else float("nan")


def _check(x, y, what):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.shape != y.shape or not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise ValueError(msg("The gradient of {what} needs finite gaps and distances, one per city",
                             "{what}的梯度需要每个城市一个有限的差距值和距离", what=what))
    return x, y


def verdict(slope_ci, rho_ci):
    """``borrowed_size`` when both intervals lie below 0, ``shadow`` when both lie above 0,
    else ``no_clear_gradient``."""
    (sl, sh), (rl, rh) = slope_ci, rho_ci
    if sh < 0 and rh < 0:
        return BORROWED
    if sl > 0 and rl > 0:
        return SHADOW
    return UNCLEAR


def _interval(values, confidence):
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if len(values) == 0:
        return (float("nan"), float("nan"))
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return (float(low), float(high))


def _fit(x, y, groups, resamples, confidence, rng, what):
    x, y = _check(x, y, what)
    n = len(x)
    if groups is not None:
        groups = np.asarray(groups, dtype=object)
        x = _demean(x, groups)
        y = _demean(y, groups)
    if n < MIN_CITIES or np.ptp(x) == 0:
        raise ValueError(msg(
            "{what}: {n} secondary cities with {distinct} distinct distances; a gradient needs at least {least} "
            "cities at different distances",
            "{what}：{n} 个次级城市、{distinct} 个不同的距离；梯度至少需要 {least} 个距离不同的城市",
            what=what, n=n, distinct=len(np.unique(np.round(x, 12))), least=MIN_CITIES))
    b = _slope(x, y)
    rho = _rho(x, y)
    residuals = (y - y.mean()) - b * (x - x.mean())
    if groups is None:
        strata = [np.arange(n)]
    else:
        strata = [np.flatnonzero(groups == g) for g in dict.fromkeys(groups)]
    slopes, rhos = _resampled(x, y, strata, resamples, rng, groups is not None)
    slope_ci = _interval(slopes, confidence)
    rho_ci = _interval(rhos, confidence)
    pattern = verdict(slope_ci, rho_ci) if resamples and n >= MIN_VERDICT_CITIES else UNCLEAR
    return Gradient(slope=b, slope_ci=slope_ci, rho=rho, rho_ci=rho_ci, pattern=pattern, residuals=residuals, n=n,
                    resamples=int(resamples))


def _resampled(x, y, strata, resamples, rng, within, chunk=500):
    """Slope and rho of ``resamples`` bootstrap samples, drawn within each stratum, in
    vectorised chunks; with ``within`` each stratum's draw is demeaned on its own."""
    from scipy.stats import rankdata

    slopes, rhos = [], []
    for start in range(0, resamples, chunk):
        size = min(chunk, resamples - start)
        parts = [s[rng.integers(0, len(s), (size, len(s)))] for s in strata]
        xb = np.concatenate([x[p] - (x[p].mean(axis=1, keepdims=True) if within else 0) for p in parts], axis=1)
        yb = np.concatenate([y[p] - (y[p].mean(axis=1, keepdims=True) if within else 0) for p in parts], axis=1)
        xc = xb - xb.mean(axis=1, keepdims=True)
        yc = yb - yb.mean(axis=1, keepdims=True)
        sxx = (xc * xc).sum(axis=1)
        # one distinct distance in a draw: the mean's rounding must not pass for a spread
        ok = np.ptp(xb, axis=1) > 1e-12 * max(float(np.abs(x).max()), 1e-300)
        slopes.append(np.where(ok, (xc * yc).sum(axis=1) / np.where(ok, sxx, 1.0), np.nan))
        rx = rankdata(xb, axis=1)
        ry = rankdata(yb, axis=1)
        rx = rx - rx.mean(axis=1, keepdims=True)
        ry = ry - ry.mean(axis=1, keepdims=True)
        den = np.sqrt((rx * rx).sum(axis=1) * (ry * ry).sum(axis=1))
        good = ok & (den > 0)
        rhos.append(np.where(good, (rx * ry).sum(axis=1) / np.where(good, den, 1.0), np.nan))
    if not slopes:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(slopes), np.concatenate(rhos)


def _demean(v, groups):
    out = np.array(v, dtype=float)
    for g in dict.fromkeys(groups):
        sel = groups == g
        out[sel] = out[sel] - out[sel].mean()
    return out


def _check_settings(resamples, confidence):
    if int(resamples) < 0:
        raise ValueError(msg("Bootstrap resamples {value}: give 0 or more", "自助抽样次数 {value}：请给出 0 或更大的数",
                             value=resamples))
    if not 0 < float(confidence) < 1:
        raise ValueError(msg("Confidence {value!r}: give a level between 0 and 1 (0.95)",
                             "置信水平 {value!r}：请给出 0 到 1 之间的水平（如 0.95）", value=confidence))


def gradient(gap, distance_km, resamples=999, confidence=0.95, rng=None, what="mega-region"):
    """The gradient of ``gap`` on ``ln(distance_km)`` in one mega-region (module docstring)."""
    _check_settings(resamples, confidence)
    distance_km = np.asarray(distance_km, dtype=float)
    if (distance_km <= 0).any():
        raise ValueError(msg("{what}: a distance to the core of 0 km has no logarithm; a secondary city "
                             "cannot sit at its core's point",
                             "{what}：到核心城市的距离为 0 公里，无法取对数；次级城市不应与核心城市位于同一点",
                             what=what))
    return _fit(np.log(distance_km), gap, None, int(resamples), float(confidence), np.random.default_rng(rng), what)


def pooled_gradient(gap, distance_km, megaregion, resamples=999, confidence=0.95, rng=None, what="all"):
    """The gradient over several mega-regions with mega-region fixed effects (within-demeaned
    ``x`` and ``y``; bootstrap stratified by mega-region). Mega-regions with one city add
    nothing to the within estimator."""
    _check_settings(resamples, confidence)
    distance_km = np.asarray(distance_km, dtype=float)
    if (distance_km <= 0).any():
        raise ValueError(msg("{what}: a distance to the core of 0 km has no logarithm; a secondary city "
                             "cannot sit at its core's point",
                             "{what}：到核心城市的距离为 0 公里，无法取对数；次级城市不应与核心城市位于同一点",
                             what=what))
    return _fit(np.log(distance_km), gap, megaregion, int(resamples), float(confidence),
                np.random.default_rng(rng), what)
