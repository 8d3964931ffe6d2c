"""Inequality measures over numpy arrays: Gini, Theil T and the Theil decomposition, with the
input checks, scaling and kernels they share with the Dagum (1997) Gini decomposition
(:mod:`.dagum`, also importable from here as ``dagum_gini`` and ``DagumGini``).

Every function takes the values ``y`` of the cities (one number each, already stripped of
NULLs) and optional positive ``weights`` (e.g. population, for per-capita indicators).
A weight is read as "this city counts as ``weight`` identical cities": with integer
weights every measure equals the unweighted measure on the sample in which each city is
repeated by its weight. With ``weights=None`` every city counts once.

The measures need ``y >= 0`` and a positive total (Theil takes ``ln(y/mu)``; the Gini
and Dagum terms are divided by the mean). Negative values, NaN, infinite values and an
all-zero total are errors that name the offending cities (and their values) when
``labels`` are given.

Every measure is scale invariant, and is computed so at any scale float64 can hold:
values and weights are first multiplied by a power of two that brings their maximum
into [1, 2) (exact), sums of pairwise differences are sums of non-negative terms over
the gaps between sorted values, Theil is the mean of the non-negative terms
``r ln r - r + 1`` (``r = y/mu``; a power series near ``r = 1``), and means and Theil
sums are added with ``math.fsum``; no step cancels, so almost equal values keep their
precision too. Values of 1e-308 or 1.7e308 give the same measures
as the same data in ordinary units; a value more than ~1e308 times smaller than the
largest one counts as 0, which changes no measure by more than that ratio. Weights that
differ by a factor above 1e250 are refused (rescaling does not help there), and so is a
group weight total in :func:`dagum_gini` that float64 cannot hold.

References
----------
- Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality
  ratio. Empirical Economics 22, 515-531.
- Theil, H. (1967). Economics and Information Theory. North-Holland.
- Shorrocks, A. F. (1980). The class of additively decomposable inequality measures.
  Econometrica 48, 613-625.
- Rey, S. J. and others, PySAL ``inequality`` (``Gini``, ``Theil``, ``TheilD``): the same
  population-form Gini and equal-weight Theil T.
"""
import math
from dataclasses import dataclass
from typing import Any, Optional, Sequence, Tuple

import numpy as np

from .fields import list_text
from .messages import msg

__all__ = [
    "InequalityInputError",
    "gini",
    "theil",
    "theil_decomposition",
    "dagum_gini",
    "weighted_mean",
    "TheilDecomposition",
    "DagumGini",
]

# Dagum's decomposition lives in .dagum (it builds on the checks and kernels here); it is
# also reachable from here, as it always was, without importing .dagum at load time.
_FROM_DAGUM = ("dagum_gini", "DagumGini")


def __getattr__(name):
    if name in _FROM_DAGUM:
        from . import dagum

        return getattr(dagum, name)
    raise AttributeError("module %r has no attribute %r" % (__name__, name))

# How many offending cities an error message names before "...".
_NAMED = 5

# Weights may differ by at most this factor (see the module docstring).
_WEIGHT_SPAN = 1e250


class InequalityInputError(ValueError):
    """Values, weights or groups that an inequality measure cannot take."""


# --------------------------------------------------------------------------- checks


def _name(i: int, labels, values=None):
    """City ``i`` by its label, or by its position when there are no labels; with ``values``,
    followed by its value."""
    if labels is not None:
        return str(labels[i]) if values is None else "%s = %r" % (labels[i], float(values[i]))
    if values is None:
        return msg("position {i}", "第 {i} 个位置", i=int(i))
    return msg("position {i} = {value!r}", "第 {i} 个位置 = {value!r}", i=int(i), value=float(values[i]))


def _describe(mask: np.ndarray, labels: Optional[Sequence[Any]], values: Optional[np.ndarray] = None):
    """'3 cities (Xingtai, Handan, ...)' for the True positions of ``mask``; with
    ``values``, each name is followed by its value ('Xingtai = inf'). A message (English
    and Chinese)."""
    where = np.flatnonzero(mask)
    names = list_text([_name(i, labels, values) for i in where[:_NAMED + 1]], limit=_NAMED)
    if where.size == 1:
        return msg("1 city ({names})", "1 个城市（{names}）", names=names)
    return msg("{count} cities ({names})", "{count} 个城市（{names}）", count=int(where.size), names=names)


def _check_labels(labels, n: int):
    if labels is None:
        return None
    labels = list(labels)
    if len(labels) != n:
        raise InequalityInputError(msg(
            "labels has {count} entries for {n} values: give one label per city",
            "labels 有 {count} 项，而数值有 {n} 个：请为每个城市给出一个名称", count=len(labels), n=n))
    return labels


def _values(y, labels=None, name: str = "y") -> np.ndarray:
    """``y`` as a 1-D float array, finite and >= 0 with a positive total."""
    try:
        arr = np.asarray(y, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InequalityInputError(msg("{name} must be numbers: {error}", "{name} 必须是数值：{error}",
                                       name=name, error=str(exc))) from None
    if arr.ndim != 1:
        raise InequalityInputError(msg("{name} must be one-dimensional, got shape {shape}",
                                       "{name} 必须是一维数组，实际形状为 {shape}", name=name, shape=str(arr.shape)))
    if arr.size == 0:
        raise InequalityInputError(msg("{name} is empty: inequality needs at least one city",
                                       "{name} 为空：计算不均衡程度至少需要一个城市", name=name))
    labels = _check_labels(labels, arr.size)
    missing = np.isnan(arr)
    if missing.any():
        raise InequalityInputError(msg(
            "{name} has NaN values for {cities}: exclude NULLs before measuring inequality",
            "{name} 在 {cities}上为 NaN：计算不均衡程度前请先剔除空值",
            name=name, cities=_describe(missing, labels)))
    infinite = np.isinf(arr)
    if infinite.any():
        raise InequalityInputError(msg(
            "{name} has infinite values for {cities}: no inequality measure takes an infinite value; "
            "correct the value or set it NULL (and exclude it)",
            "{name} 在 {cities}上为无穷大：任何不均衡指标都不能取无穷大的数值；"
            "请更正该数值，或将其设为空值（并予以剔除）",
            name=name, cities=_describe(infinite, labels, arr)))
    negative = arr < 0
    if negative.any():
        raise InequalityInputError(msg(
            "{name} has negative values for {cities}: Gini and Theil need values >= 0",
            "{name} 在 {cities}上为负值：基尼系数和泰尔指数要求数值 >= 0",
            name=name, cities=_describe(negative, labels)))
    if not arr.any():
        raise InequalityInputError(msg(
            "{name} is zero for all {n} cities: inequality is undefined for a zero total",
            "{name} 在全部 {n} 个城市上均为 0：总量为 0 时不均衡程度无定义", name=name, n=int(arr.size)))
    return arr


def _weights(weights, n: int, labels=None) -> np.ndarray:
    """Weights as a float array of length ``n``, finite and > 0 (ones when None)."""
    if weights is None:
        return np.ones(n)
    try:
        w = np.asarray(weights, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InequalityInputError(msg("weights must be numbers: {error}", "权重（weights）必须是数值：{error}",
                                       error=str(exc))) from None
    if w.shape != (n,):
        raise InequalityInputError(msg(
            "weights has shape {shape} for {n} values: give one weight per city",
            "权重（weights）的形状为 {shape}，而数值有 {n} 个：请为每个城市给出一个权重", shape=str(w.shape), n=n))
    labels = _check_labels(labels, n)
    bad = ~np.isfinite(w) | (w <= 0)
    if bad.any():
        raise InequalityInputError(msg(
            "weights are missing, infinite, zero or negative for {cities}: weights (e.g. population) "
            "must be finite and > 0",
            "{cities}的权重为空、无穷大、0 或负值：权重（如人口）必须是有限值且 > 0",
            cities=_describe(bad, labels, w)))
    low, high = int(np.argmin(w)), int(np.argmax(w))
    if float(w[high]) / _WEIGHT_SPAN > float(w[low]):
        raise InequalityInputError(msg(
            "weights range from {low!r} ({low_city}) to {high!r} ({high_city}), a factor above {span:g} "
            "that float64 cannot resolve in the weighted sums: check the weight field (units, typing errors)",
            "权重从 {low!r}（{low_city}）到 {high!r}（{high_city}），相差超过 {span:g} 倍，"
            "float64 在加权求和中无法分辨：请检查权重字段（单位、录入错误）",
            low=float(w[low]), low_city=_name(low, labels), high=float(w[high]), high_city=_name(high, labels),
            span=_WEIGHT_SPAN))
    return w


def _exponent(arr: np.ndarray) -> int:
    """``e`` with ``max|arr| * 2**-e`` in [1, 2); 0 for an all-zero (or empty) array."""
    top = float(np.max(np.abs(arr))) if arr.size else 0.0
    if top == 0.0:
        return 0
    return math.frexp(top)[1] - 1


def _unit(arr: np.ndarray) -> Tuple[np.ndarray, int]:
    """``(arr * 2**-e, e)`` with the maximum magnitude scaled into [1, 2). A power of two,
    so the scaled values are exact (apart from values ~1e308 times below the maximum,
    which become subnormal or 0) and every product, sum and ratio of them is the scaled
    result of the same operation in unscaled arithmetic."""
    e = _exponent(arr)
    return (np.ldexp(arr, -e) if e else arr), e


def _restore(value: float, e: int, limit: Optional[float] = None) -> float:
    """``value * 2**e`` for a quantity in the units of the scaled values; ``limit`` (in
    scaled units) is an upper bound that rounding may not pass (a mean stays <= the
    maximum, so a mean of values near the float limit cannot round up to inf)."""
    value = float(value)
    if limit is not None:
        value = min(value, float(limit))
    return math.ldexp(value, e)


def _power_text(value: float, e: int) -> str:
    """``value * 2**e`` written in decimal even where it exceeds float64 ('3.4e+308')."""
    exp10 = math.log10(value) + e * math.log10(2.0)
    whole = math.floor(exp10)
    return "%.1fe+%d" % (10 ** (exp10 - whole), whole)


def weighted_mean(y, weights=None, labels=None) -> float:
    """``sum w_i y_i / sum w_i`` (the plain mean without ``weights``) at any scale float64
    can hold: the mean of values near 1.7e308, of subnormal values or with weights of
    1e300 is the right number, never inf or 0 by overflow or underflow.

    >>> '%.4g' % weighted_mean([1.6e308, 1.7e308, 1.5e308])
    '1.6e+308'
    >>> weighted_mean([1, 3], weights=[3e300, 1e300])
    1.5
    """
    try:
        arr = np.asarray(y, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InequalityInputError(msg("y must be numbers: {error}", "y 必须是数值：{error}",
                                       error=str(exc))) from None
    if arr.ndim != 1 or arr.size == 0:
        raise InequalityInputError(msg("y must be a non-empty one-dimensional array, got shape {shape}",
                                       "y 必须是非空的一维数组，实际形状为 {shape}", shape=str(arr.shape)))
    labels = _check_labels(labels, arr.size)
    bad = ~np.isfinite(arr)
    if bad.any():
        raise InequalityInputError(msg("y has NaN or infinite values for {cities}",
                                       "y 在 {cities}上为 NaN 或无穷大", cities=_describe(bad, labels, arr)))
    w = _weights(weights, arr.size, labels)
    ys, ey = _unit(arr)
    ws, _ = _unit(w)
    return _restore(_mean(ys, ws), ey, ys.max())


def _mean(ys: np.ndarray, ws: np.ndarray) -> float:
    """Weighted mean of scaled arrays (|y| < 2, 0 < w < 2): fsum keeps it exact to rounding."""
    return math.fsum((ws * ys).tolist()) / math.fsum(ws.tolist())


def _group_codes(groups, n: int, labels=None) -> Tuple[tuple, np.ndarray]:
    """Group labels in order of first appearance and each city's group index."""
    g = list(groups)
    if len(g) != n:
        raise InequalityInputError(msg(
            "groups has {count} entries for {n} values: give one group per city",
            "groups 有 {count} 项，而数值有 {n} 个：请为每个城市给出一个分组", count=len(g), n=n))
    missing = np.array([v is None or (isinstance(v, float) and np.isnan(v)) for v in g], dtype=bool)
    if missing.any():
        raise InequalityInputError(msg(
            "groups is missing for {cities}: every city needs a group",
            "{cities}缺少分组（groups）：每个城市都需要一个分组", cities=_describe(missing, _check_labels(labels, n))))
    index = {}
    codes = np.empty(n, dtype=np.intp)
    for i, v in enumerate(g):
        codes[i] = index.setdefault(v, len(index))
    return tuple(index), codes


# --------------------------------------------------------------------------- kernels


def _abs_diff_sum(y: np.ndarray, w: np.ndarray) -> float:
    """``sum_i sum_r w_i w_r |y_i - y_r|`` over ordered pairs, O(n log n).

    ``|y_i - y_r|`` is the length of the interval between the two values, so the double
    sum is ``2 sum_k (v_(k+1) - v_k) W_below(k) W_above(k)`` over the gaps between the
    sorted values ``v``, with the weight at or below and above each gap: a sum of
    non-negative terms, so nearly equal values lose nothing to cancellation. The
    arrays are expected scaled (:func:`_unit`), so no product can overflow.
    """
    if y.size < 2:
        return 0.0
    order = np.argsort(y, kind="mergesort")
    ys = y[order]
    ws = w[order]
    below = np.cumsum(ws)[:-1]
    above = np.cumsum(ws[::-1])[::-1][1:]
    return float(2.0 * np.sum(np.diff(ys) * below * above))


def _transvariation(a: np.ndarray, wa: np.ndarray, b: np.ndarray, wb: np.ndarray) -> Tuple[float, float]:
    """``(sum wa wb max(a - b, 0), sum wa wb max(b - a, 0))`` over all pairs, O((m+n) log(m+n)).

    ``max(a - b, 0)`` is the length of the part of the axis above ``b`` and below ``a``,
    so over the gaps of the merged sorted values the first sum is
    ``sum_k gap_k Wa_above(k) Wb_below(k)`` and the second ``sum_k gap_k Wb_above(k)
    Wa_below(k)``: non-negative terms, no cancellation. The second sum is exactly 0 when
    no b exceeds any a (groups that do not overlap), so Dagum's Gt is exactly 0 there.
    """
    v = np.concatenate((a, b))
    order = np.argsort(v, kind="mergesort")
    vs = v[order]
    in_a = order < a.size
    wv = np.concatenate((wa, wb))[order]
    wa_s = np.where(in_a, wv, 0.0)
    wb_s = np.where(in_a, 0.0, wv)
    gap = np.diff(vs)
    a_below = np.cumsum(wa_s)[:-1]
    b_below = np.cumsum(wb_s)[:-1]
    a_above = np.cumsum(wa_s[::-1])[::-1][1:]
    b_above = np.cumsum(wb_s[::-1])[::-1][1:]
    return float(np.sum(gap * a_above * b_below)), float(np.sum(gap * b_above * a_below))


# f(1 + d) = sum_{k>=2} (-1)^k d^k / (k (k - 1)) for |d| < 1; for |d| <= 1/4 the terms
# from k = 29 on are below 1e-19 of the first.
_SERIES_D = 0.25
_SERIES = tuple((-1.0) ** k / (k * (k - 1)) for k in range(2, 29))


def _entropy_terms(y: np.ndarray, mu: float) -> np.ndarray:
    """``f(r) = r ln r - r + 1`` of ``r = y / mu`` (``f(0) = 1``, i.e. ``0 ln 0 = 0``).

    Theil's ``sum w r ln r`` equals ``sum w f(r)`` because ``sum w (r - 1) = 0``; the
    terms ``f(r) >= 0`` do not cancel and are insensitive (to first order) to the
    rounding of ``mu``. Near ``r = 1`` they are computed from ``d = (y - mu) / mu`` by
    their power series, so almost equal values keep full relative precision.
    """
    d = (y - mu) / mu
    out = np.empty_like(d)
    near = np.abs(d) <= _SERIES_D
    dn = d[near]
    acc = np.zeros_like(dn)
    for c in reversed(_SERIES):
        acc = acc * dn + c
    out[near] = dn * dn * acc
    far = ~near
    r = y[far] / mu
    rlogr = np.zeros_like(r)
    positive = r > 0
    rlogr[positive] = r[positive] * np.log(r[positive])
    out[far] = rlogr - d[far]
    return out


def _theil_t(y: np.ndarray, w: np.ndarray) -> float:
    """Weighted Theil T of checked arrays; 0 ln 0 = 0; a zero-total group counts as equal (0).

    Scale invariant, so each call scales its own arrays (:func:`_unit`): a group's Theil
    is exact even when its values are 1e300 times below another group's. Computed as
    ``sum w f(y/mu) / sum w`` (:func:`_entropy_terms`), non-negative terms added with
    ``math.fsum``.
    """
    y, _ = _unit(y)
    w, _ = _unit(w)
    mu = _mean(y, w)
    if mu == 0:
        return 0.0
    return math.fsum((w * _entropy_terms(y, mu)).tolist()) / math.fsum(w.tolist())


# --------------------------------------------------------------------------- measures


def gini(y, weights=None, labels=None) -> float:
    """Gini coefficient in the population form, as Dagum (1997) and PySAL ``Gini`` use it.

    ``G = sum_i sum_r |y_i - y_r| / (2 n^2 mu)``

    Weighted (``P_i`` = weight, ``P = sum P_i``, ``mu = sum P_i y_i / P``), each city
    counting as ``P_i`` identical cities:

    ``G = sum_i sum_r P_i P_r |y_i - y_r| / (2 P^2 mu)``

    Computed in O(n log n) from the sorted values. There is no ``n/(n-1)`` small-sample
    correction, so the maximum for n cities is ``1 - 1/n``.

    Parameters
    ----------
    y : array-like of n values >= 0 with a positive total.
    weights : optional array-like of n weights > 0.
    labels : optional city names used in error messages.

    Examples
    --------
    The worked example of the method (two groups (1, 3) and (2, 6)):

    >>> round(gini([1, 3, 2, 6]), 12)
    0.333333333333
    >>> gini([5, 5, 5])
    0.0
    >>> round(gini([1, 3], weights=[2, 1]), 12) == round(gini([1, 1, 3]), 12)
    True
    """
    arr = _values(y, labels)
    w = _weights(weights, arr.size, labels)
    ys, _ = _unit(arr)
    ws, _ = _unit(w)
    return _abs_diff_sum(ys, ws) / (2.0 * math.fsum(ws.tolist()) * math.fsum((ws * ys).tolist()))


def theil(y, weights=None, labels=None) -> float:
    """Theil's T (GE(1)) with natural logarithms and ``0 ln 0 = 0``.

    Equal weights (PySAL ``Theil``): ``T = (1/n) sum_i (y_i/mu) ln(y_i/mu)``.

    Population-weighted (weight ``P_i``, ``Y_i = y_i P_i``, ``Y = sum Y_i``, ``P = sum P_i``):
    ``T = sum_i (Y_i/Y) ln((Y_i/Y) / (P_i/P))``, which is the equal-weight formula on
    the sample in which each city is repeated ``P_i`` times. ``P_i = 1`` gives the
    equal-weight form. Ranges from 0 (all equal) to ``ln P``.

    Parameters
    ----------
    y : array-like of n values >= 0 with a positive total.
    weights : optional array-like of n weights > 0.
    labels : optional city names used in error messages.

    Examples
    --------
    >>> round(theil([1, 3, 2, 6]), 7)
    0.187445
    >>> round(theil([0, 0, 0, 10, 10, 10]), 12)  # ln 2
    0.69314718056
    """
    arr = _values(y, labels)
    w = _weights(weights, arr.size, labels)
    return _theil_t(arr, w)


@dataclass(frozen=True)
class TheilDecomposition:
    """Theil T split into between-group and within-group parts.

    Attributes
    ----------
    total : Theil T over all cities.
    between : ``sum_g s_g ln(s_g / p_g)``.
    within : ``sum_g s_g T_g``.
    between_share : ``between / total`` (NaN when total is 0: all values equal).
    groups : group labels, in order of first appearance.
    T_g : Theil T inside each group (0 for a group of one city or all-equal values).
    s_g : each group's share of the indicator total, ``Y_g / Y``.
    p_g : each group's share of the cities (or of the weight), ``n_g / n`` or ``P_g / P``.
    """

    total: float
    between: float
    within: float
    between_share: float
    groups: tuple
    T_g: np.ndarray
    s_g: np.ndarray
    p_g: np.ndarray


def theil_decomposition(y, groups, weights=None, labels=None) -> TheilDecomposition:
    """Decompose Theil T into between-group and within-group inequality.

    With ``s_g = Y_g / Y`` (the group's share of the indicator total; ``Y_i = y_i P_i``)
    and ``p_g = P_g / P`` (its share of the weight; ``n_g / n`` with equal weights):

    ``T_between = sum_g s_g ln(s_g / p_g)``, ``T_within = sum_g s_g T_g``,
    ``T = T_between + T_within`` (Shorrocks 1980; PySAL ``TheilD`` for equal weights).

    ``total`` is computed over all cities and ``within`` from the groups, each on its
    own, so ``total == between + within`` is a check, not a definition. A group whose
    total is 0 has ``s_g = 0`` and adds nothing (``0 ln 0 = 0``).

    Parameters
    ----------
    y : array-like of n values >= 0 with a positive total.
    groups : array-like of n group labels (any hashable values).
    weights : optional array-like of n weights > 0.
    labels : optional city names used in error messages.

    Examples
    --------
    >>> d = theil_decomposition([1, 3, 2, 6], ["core", "core", "secondary", "secondary"])
    >>> round(d.total, 7), round(d.between, 7), round(d.within, 7)
    (0.187445, 0.056633, 0.130812)
    >>> d.groups
    ('core', 'secondary')
    >>> [round(float(s), 6) for s in d.s_g]
    [0.333333, 0.666667]
    """
    arr = _values(y, labels)
    w = _weights(weights, arr.size, labels)
    names, codes = _group_codes(groups, arr.size, labels)
    k = len(names)
    ys, _ = _unit(arr)
    ws, _ = _unit(w)
    total = _theil_t(ys, ws)
    weight_g = np.bincount(codes, weights=ws, minlength=k)
    sum_g = np.bincount(codes, weights=ws * ys, minlength=k)
    s_g = sum_g / sum_g.sum()
    p_g = weight_g / weight_g.sum()
    T_g = np.array([_theil_t(arr[codes == g], w[codes == g]) for g in range(k)])
    # sum_g s_g ln(s_g/p_g) = sum_g p_g f(mu_g/mu) with f(r) = r ln r - r + 1, as
    # sum_g p_g (mu_g/mu - 1) = 0: non-negative terms (see _entropy_terms). The group
    # means are in the scaled units, and p_g >= 1e-250 / n (the weight span is checked).
    # (fsum'd means: with close group means, mu_g - mu is small and must not carry the
    # n-term rounding of a running sum)
    mean_g = np.array([_mean(ys[codes == g], ws[codes == g]) for g in range(k)])
    between = math.fsum((p_g * _entropy_terms(mean_g, _mean(ys, ws))).tolist())
    within = math.fsum((s_g * T_g).tolist())
    share = between / total if total > 0 else float("nan")
    return TheilDecomposition(total, between, within, share, names, T_g, s_g, p_g)
