"""Theil-Sen slopes and Mann-Kendall tests of many series at once, and trajectory verdicts.

A series is one city's values of one indicator over the years ``t_1 < t_2 < ... < t_n``;
``values`` is an ``(m, n)`` matrix of ``m`` series (cities x indicators flattened), NaN where a
year has no value. Every quantity below is computed over the pairs ``(i, j)``, ``i < j``,
where both values are present, as one set of array operations over all series.

Theil-Sen slope (Sen 1968; Theil 1950)
    ``b = median_{i<j} (x_j - x_i) / (t_j - t_i)``, in units of the indicator per year.
    Relative to the level: ``b% = 100 b / mean(x)`` (NULL when the mean is not positive).

Mann-Kendall test (Mann 1945; Kendall 1975)
    ``S = sum_{i<j} sign(x_j - x_i)`` over the ``n`` present values;
    ``Var(S) = [n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)] / 18``, the sum over the groups of
    ``t_g`` tied values (exactly equal);
    ``Z = (S - 1)/sqrt(Var S)`` for ``S > 0``, ``(S + 1)/sqrt(Var S)`` for ``S < 0``, 0 for
    ``S = 0`` (continuity correction); two-sided ``p = 2 (1 - Phi(|Z|))`` from the standard
    normal. These are the definitions of ``pymannkendall.original_test`` (Hussain and Mahmud
    2019), which the tests compare against. The normal approximation is coarse for
    ``n < 10``; with ``n = 2`` the test can never reject (``p = 1``).

Trajectory of a secondary city (per indicator)
    From the Theil-Sen slope ``b_gap`` of its gap to its core (the performance gap of the
    typology, :func:`megaregion.core.typology.core_reference`; higher = closer to or ahead of
    the core, cost indicators already reversed) and its Mann-Kendall ``p_gap``:
    ``catching_up`` when ``b_gap > 0`` and ``p_gap < alpha``; ``falling_behind`` when
    ``b_gap < 0`` and ``p_gap < alpha``; ``no_clear_trend`` otherwise (also when undefined).

References
----------
- Sen, P. K. (1968). Estimates of the regression coefficient based on Kendall's tau.
  Journal of the American Statistical Association 63, 1379-1389.
- Mann, H. B. (1945). Nonparametric tests against trend. Econometrica 13, 245-259.
- Kendall, M. G. (1975). Rank Correlation Methods, 4th ed. Griffin, London.
- Hussain, M. and Mahmud, I. (2019). pyMannKendall: a python package for non parametric
  Mann Kendall family of trend tests. Journal of Open Source Software 4(39), 1556.
"""
import math
import warnings
from typing import NamedTuple

import numpy as np
from scipy.special import ndtr

from .. import fields as fv
from ..messages import msg

__all__ = ["SeriesTrends", "series_trends", "trajectory_verdicts", "check_alpha"]


class SeriesTrends(NamedTuple):
    """Per series (arrays of length ``m``): Theil-Sen ``slope`` (per year), ``slope_pct``
    (% of the series' mean per year), Mann-Kendall ``s``, ``var_s``, ``z``, ``p`` and the
    number ``n`` of years with a value."""
    slope: np.ndarray
    slope_pct: np.ndarray
    s: np.ndarray
    var_s: np.ndarray
    z: np.ndarray
    p: np.ndarray
    n: np.ndarray


def _times(times, n):
    t = np.asarray(times, dtype=float)
    if t.shape != (n,):
        raise ValueError(msg("{count} years given for series of {n} values: give one year per column",
                             "给出了 {count} 个年份，而序列有 {n} 个值：请为每一列给出一个年份",
                             count=t.size, n=n))
    if not np.all(np.isfinite(t)) or np.any(np.diff(t) <= 0):
        raise ValueError(msg("The years {years} are not increasing: give each year once, in order",
                             "年份 {years} 不是递增的：请按顺序、每个年份只给一次",
                             years=", ".join("%g" % v for v in t)))
    return t


def series_trends(values, times) -> SeriesTrends:
    """Theil-Sen slope and Mann-Kendall test of every row of ``values`` (``(m, n)``, NaN =
    missing) over ``times`` (``n`` increasing years); see the module docstring. A series
    with fewer than 2 values gets NaN everywhere. Infinite values are refused.

    >>> r = series_trends(np.array([[1.0, 2.0, 4.0, 4.0, 5.0]]), [2000, 2001, 2002, 2003, 2004])
    >>> float(r.slope[0]), int(r.s[0]), float(r.var_s[0]), round(float(r.p[0]), 4)
    (1.0, 9, 15.666666666666666, 0.0433)
    """
    x = np.asarray(values, dtype=float)
    if x.ndim == 1:
        x = x[None, :]
    m, n = x.shape
    t = _times(times, n)
    if np.isinf(x).any():
        raise ValueError(msg("Infinite values in {count} series: replace them by real numbers or NULL",
                             "{count} 个序列含有无穷大值：请替换为实数或空值",
                             count=int(np.isinf(x).any(axis=1).sum())))
    present = ~np.isnan(x)
    count = present.sum(axis=1)
    i, j = np.triu_indices(n, k=1)
    pair_ok = present[:, i] & present[:, j]
    diff = x[:, j] - x[:, i]                                   # (m, pairs), NaN where a value is missing
    with np.errstate(invalid="ignore"):
        slopes = np.where(pair_ok, diff / (t[j] - t[i]), np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)       # all-NaN rows: NaN, handled below
        slope = np.nanmedian(slopes, axis=1) if slopes.shape[1] else np.full(m, np.nan)
    s = np.where(pair_ok, np.sign(np.where(pair_ok, diff, 0.0)), 0.0).sum(axis=1)
    # ties: c_k = how many present values equal value k; sum over the groups of t(t-1)(2t+5)
    # is the sum over the values of (c_k - 1)(2 c_k + 5)
    equal = (x[:, :, None] == x[:, None, :])                   # NaN equals nothing
    c = equal.sum(axis=2).astype(float)
    ties = np.where(present, (c - 1.0) * (2.0 * c + 5.0), 0.0).sum(axis=1)
    nf = count.astype(float)
    var_s = (nf * (nf - 1.0) * (2.0 * nf + 5.0) - ties) / 18.0
    root = np.sqrt(np.where(var_s > 0, var_s, 1.0))
    z = np.where(var_s > 0, (s - np.sign(s)) / root, 0.0)
    p = 2.0 * (1.0 - ndtr(np.abs(z)))
    total = np.where(present, x, 0.0).sum(axis=1)
    mean = total / np.maximum(count, 1)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        pct = np.where(mean > 0, 100.0 * slope / np.where(mean > 0, mean, 1.0), np.nan)
    pct = np.where(np.isfinite(pct), pct, np.nan)
    few = count < 2
    if few.any():
        slope, pct, z, p = (np.where(few, np.nan, a) for a in (slope, pct, z, p))
        s = np.where(few, np.nan, s)
        var_s = np.where(few, np.nan, var_s)
    return SeriesTrends(slope, pct, s, var_s, z, p, count)


def check_alpha(alpha):
    """``alpha`` as a float in (0, 1), or a bilingual error naming it."""
    try:
        value = float(alpha)
    except (TypeError, ValueError):
        value = math.nan
    if not 0.0 < value < 1.0:
        raise ValueError(msg("Significance level {alpha!r}: choose a number between 0 and 1, e.g. 0.05",
                             "显著性水平 {alpha!r}：请选择 0 到 1 之间的数，例如 0.05", alpha=alpha))
    return value


def trajectory_verdicts(slope_gap, p_gap, alpha=0.05) -> np.ndarray:
    """The verdict key of each city: :data:`~megaregion.core.fields.TRAJECTORIES`
    (``catching_up`` / ``falling_behind`` / ``no_clear_trend``), see the module docstring.

    >>> trajectory_verdicts([0.01, -0.02, 0.03, np.nan], [0.01, 0.001, 0.2, np.nan]).tolist()
    ['catching_up', 'falling_behind', 'no_clear_trend', 'no_clear_trend']
    """
    alpha = check_alpha(alpha)
    b = np.asarray(slope_gap, dtype=float)
    p = np.asarray(p_gap, dtype=float)
    clear = np.where(np.isnan(p), False, p < alpha)
    up, down, flat = fv.TRAJECTORIES
    out = np.full(b.shape, flat, dtype=object)
    out[clear & (b > 0)] = up
    out[clear & (b < 0)] = down
    return out
