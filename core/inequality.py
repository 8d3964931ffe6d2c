"""Inequality measures over numpy arrays: Gini, Theil T, the Theil decomposition and the
Dagum (1997) Gini decomposition by groups.

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

# How many offending cities an error message names before "...".
_NAMED = 5

# Weights may differ by at most this factor (see the module docstring).
_WEIGHT_SPAN = 1e250


class InequalityInputError(ValueError):
    """Values, weights or groups that an inequality measure cannot take."""


# --------------------------------------------------------------------------- checks


def _describe(mask: np.ndarray, labels: Optional[Sequence[Any]], values: Optional[np.ndarray] = None) -> str:
    """'3 cities (Xingtai, Handan, ...)' for the True positions of ``mask``; with
    ``values``, each name is followed by its value ('Xingtai = inf')."""
    where = np.flatnonzero(mask)
    if labels is not None:
        names = [str(labels[i]) for i in where[:_NAMED]]
    else:
        names = ["position %d" % i for i in where[:_NAMED]]
    if values is not None:
        names = ["%s = %r" % (name, float(values[i])) for name, i in zip(names, where[:_NAMED])]
    more = ", ..." if where.size > _NAMED else ""
    noun = "city" if where.size == 1 else "cities"
    return "%d %s (%s%s)" % (where.size, noun, ", ".join(names), more)


def _check_labels(labels, n: int):
    if labels is None:
        return None
    labels = list(labels)
    if len(labels) != n:
        raise InequalityInputError(
            "labels has %d entries for %d values: give one label per city" % (len(labels), n)
        )
    return labels


def _values(y, labels=None, name: str = "y") -> np.ndarray:
    """``y`` as a 1-D float array, finite and >= 0 with a positive total."""
    try:
        arr = np.asarray(y, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InequalityInputError("%s must be numbers: %s" % (name, exc)) from None
    if arr.ndim != 1:
        raise InequalityInputError("%s must be one-dimensional, got shape %s" % (name, arr.shape))
    if arr.size == 0:
        raise InequalityInputError("%s is empty: inequality needs at least one city" % name)
    labels = _check_labels(labels, arr.size)
    missing = np.isnan(arr)
    if missing.any():
        raise InequalityInputError(
            "%s has NaN values for %s: exclude NULLs before measuring inequality"
            % (name, _describe(missing, labels))
        )
    infinite = np.isinf(arr)
    if infinite.any():
        raise InequalityInputError(
            "%s has infinite values for %s: no inequality measure takes an infinite value; "
            "correct the value or set it NULL (and exclude it)" % (name, _describe(infinite, labels, arr))
        )
    negative = arr < 0
    if negative.any():
        raise InequalityInputError(
            "%s has negative values for %s: Gini and Theil need values >= 0"
            % (name, _describe(negative, labels))
        )
    if not arr.any():
        raise InequalityInputError(
            "%s is zero for all %d cities: inequality is undefined for a zero total" % (name, arr.size)
        )
    return arr


def _weights(weights, n: int, labels=None) -> np.ndarray:
    """Weights as a float array of length ``n``, finite and > 0 (ones when None)."""
    if weights is None:
        return np.ones(n)
    try:
        w = np.asarray(weights, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InequalityInputError("weights must be numbers: %s" % exc) from None
    if w.shape != (n,):
        raise InequalityInputError("weights has shape %s for %d values: give one weight per city" % (w.shape, n))
    labels = _check_labels(labels, n)
    bad = ~np.isfinite(w) | (w <= 0)
    if bad.any():
        raise InequalityInputError(
            "weights are missing, infinite, zero or negative for %s: weights (e.g. population) "
            "must be finite and > 0" % _describe(bad, labels, w)
        )
    low, high = int(np.argmin(w)), int(np.argmax(w))
    if float(w[high]) / _WEIGHT_SPAN > float(w[low]):
        lo_name, hi_name = (("position %d" % i) if labels is None else str(labels[i]) for i in (low, high))
        raise InequalityInputError(
            "weights range from %r (%s) to %r (%s), a factor above %g that float64 cannot "
            "resolve in the weighted sums: check the weight field (units, typing errors)"
            % (float(w[low]), lo_name, float(w[high]), hi_name, _WEIGHT_SPAN)
        )
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
        raise InequalityInputError("y must be numbers: %s" % exc) from None
    if arr.ndim != 1 or arr.size == 0:
        raise InequalityInputError("y must be a non-empty one-dimensional array, got shape %s" % (arr.shape,))
    labels = _check_labels(labels, arr.size)
    bad = ~np.isfinite(arr)
    if bad.any():
        raise InequalityInputError("y has NaN or infinite values for %s" % _describe(bad, labels, arr))
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
        raise InequalityInputError("groups has %d entries for %d values: give one group per city" % (len(g), n))
    missing = np.array([v is None or (isinstance(v, float) and np.isnan(v)) for v in g], dtype=bool)
    if missing.any():
        raise InequalityInputError(
            "groups is missing for %s: every city needs a group" % _describe(missing, _check_labels(labels, n))
        )
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


@dataclass(frozen=True)
class DagumGini:
    """Dagum (1997) decomposition ``G = Gw + Gnb + Gt``.

    Groups are indexed 0..k-1 in ``groups`` order (ascending mean unless an ``order`` was
    given). Matrices are k x k and indexed ``[j, h]``.

    Attributes
    ----------
    G : Gini over all cities (population form).
    Gw : within-group contribution ``sum_j G_jj p_j s_j``.
    Gnb : net between-group contribution ``sum_{j>h} G_jh (p_j s_h + p_h s_j) D_jh``.
    Gt : transvariation (overlap) ``sum_{j>h} G_jh (p_j s_h + p_h s_j) (1 - D_jh)``.
    Gw_share, Gnb_share, Gt_share : each term divided by G (NaN when G is 0).
    groups : group labels in the order used.
    n : cities per group (the weight per group when weighted).
    mu : mean per group (weighted mean when weighted).
    p : ``n_j / n`` (or ``P_j / P``).
    s : ``n_j mu_j / (n mu)``, the group's share of the indicator total.
    G_jj : Gini inside each group (0 for a single city).
    G_jh : ``sum_i sum_r |y_ji - y_hr| / (n_j n_h (mu_j + mu_h))``; its diagonal is ``G_jj``.
    d_jh : mean over pairs of ``max(y_ji - y_hr, 0)`` (Dagum's economic affluence).
    p_jh : mean over pairs of ``max(y_hr - y_ji, 0)`` (first-order transvariation); ``p_jh = d_hj``.
    D_jh : ``(d_jh - p_jh) / (d_jh + p_jh)``, relative economic affluence; 0 where both
        groups hold one and the same value.
    """

    G: float
    Gw: float
    Gnb: float
    Gt: float
    Gw_share: float
    Gnb_share: float
    Gt_share: float
    groups: tuple
    n: np.ndarray
    mu: np.ndarray
    p: np.ndarray
    s: np.ndarray
    G_jj: np.ndarray
    G_jh: np.ndarray
    d_jh: np.ndarray
    p_jh: np.ndarray
    D_jh: np.ndarray

    def index(self, group) -> int:
        """Position of a group label in ``groups``."""
        return self.groups.index(group)


def dagum_gini(y, groups, weights=None, labels=None, order=None) -> DagumGini:
    """Dagum (1997) decomposition of the Gini coefficient by k groups.

    Groups are ordered by ascending mean, so ``mu_j >= mu_h`` for ``j > h``. With
    ``p_j = n_j/n`` and ``s_j = n_j mu_j / (n mu)``:

    - ``G_jj = sum_i sum_r |y_ji - y_jr| / (2 n_j^2 mu_j)``
    - ``G_jh = sum_i sum_r |y_ji - y_hr| / (n_j n_h (mu_j + mu_h))``
    - ``d_jh`` = mean over pairs of ``max(y_ji - y_hr, 0)``, ``p_jh`` = mean of
      ``max(y_hr - y_ji, 0)``, ``D_jh = (d_jh - p_jh) / (d_jh + p_jh)`` in [0, 1]
    - ``Gw = sum_j G_jj p_j s_j``
    - ``Gnb = sum_{j>h} G_jh (p_j s_h + p_h s_j) D_jh``
    - ``Gt = sum_{j>h} G_jh (p_j s_h + p_h s_j) (1 - D_jh)``

    and ``G = Gw + Gnb + Gt``, ``Gnb = sum_{j>h} p_j p_h (mu_j - mu_h) / mu``; ``Gt = 0``
    when the groups do not overlap. All three terms are >= 0.

    Weighted: every sum over pairs is weighted by ``P_i P_r``, counts become weights
    (``n_j -> P_j``) and means weighted means; with integer weights this is the
    unweighted decomposition of the sample in which each city is repeated by its weight.

    ``order`` (optional): the group labels from the one placed lowest to the one placed
    highest, used instead of ascending means. A group placed higher than a group with a
    larger mean gets a negative ``D_jh``, so ``Gnb < 0`` and ``Gt`` grows by as much: this
    is the fixed-order convention some studies report (the identity still holds).

    ``G`` is computed over all cities on its own, so the identity is a check.

    Parameters
    ----------
    y : array-like of n values >= 0 with a positive total.
    groups : array-like of n group labels (any hashable values).
    weights : optional array-like of n weights > 0.
    labels : optional city names used in error messages.
    order : optional sequence of every group label.

    Examples
    --------
    The method's worked example: cores (1, 3), secondary cities (2, 6).

    >>> d = dagum_gini([1, 3, 2, 6], ["core", "core", "secondary", "secondary"])
    >>> d.groups
    ('core', 'secondary')
    >>> [round(v, 12) for v in (d.G, d.Gw, d.Gnb, d.Gt)]
    [0.333333333333, 0.125, 0.166666666667, 0.041666666667]
    >>> round(float(d.D_jh[1, 0]), 12)
    0.8
    """
    arr = _values(y, labels)
    w = _weights(weights, arr.size, labels)
    names, codes = _group_codes(groups, arr.size, labels)
    k = len(names)
    # Each group's mean at the group's own scale, so a group far below the others still
    # gets its exact mean (and its rank among the groups).
    mu_g = np.empty(k)
    for j in range(k):
        yj, ej = _unit(arr[codes == j])
        wj, _ = _unit(w[codes == j])
        mu_g[j] = _restore(_mean(yj, wj), ej, yj.max())

    if order is None:
        rank = np.argsort(mu_g, kind="mergesort")  # ties keep first-appearance order
    else:
        order = list(order)
        if sorted(map(repr, order)) != sorted(map(repr, names)) or len(order) != k:
            raise InequalityInputError(
                "order %r must list each group exactly once; the groups are %r" % (order, list(names))
            )
        rank = np.array([names.index(g) for g in order], dtype=np.intp)
    names = tuple(names[i] for i in rank)
    new_code = np.empty(k, dtype=np.intp)
    new_code[rank] = np.arange(k)
    codes = new_code[codes]
    mu_g = mu_g[rank]

    # Shares and the overall G at the scale of all cities; the weight per group back in
    # the weights' own units, which must fit in float64.
    ys, _ = _unit(arr)
    ws, ew = _unit(w)
    weight_scaled = np.bincount(codes, weights=ws, minlength=k)
    sum_g = np.bincount(codes, weights=ws * ys, minlength=k)
    total_w = weight_scaled.sum()
    total_y = sum_g.sum()
    p = weight_scaled / total_w
    s = sum_g / total_y
    weight_g = np.empty(k)
    for j in range(k):
        try:
            weight_g[j] = math.ldexp(float(weight_scaled[j]), ew)
        except OverflowError:
            raise InequalityInputError(
                "the weights of group %r add up to about %s, more than float64 holds (1.8e308): "
                "rescale the weight field (e.g. population in thousands)"
                % (names[j].item() if isinstance(names[j], np.generic) else names[j],
                   _power_text(float(weight_scaled[j]), ew))
            ) from None

    # Within a group and between two groups the terms are scale invariant (G_jj, G_jh,
    # D_jh) or in the values' units (d_jh, p_jh): each is computed at the scale of the
    # groups involved, so two groups far below a third keep their full precision.
    members = [(arr[codes == j], w[codes == j]) for j in range(k)]
    G_jh = np.zeros((k, k))
    d_jh = np.zeros((k, k))
    p_jh = np.zeros((k, k))
    D_jh = np.zeros((k, k))
    for j in range(k):
        yj, ej = _unit(members[j][0])
        wj, _ = _unit(members[j][1])
        within_pairs = _abs_diff_sum(yj, wj)
        wsum = math.fsum(wj.tolist())
        mean_j = _mean(yj, wj)
        if mean_j > 0:  # a group whose values are all 0 is all equal: G_jj stays 0
            G_jh[j, j] = within_pairs / (2.0 * wsum ** 2 * mean_j)
        # inside a group each ordered pair's positive part is half of |difference|
        d_jh[j, j] = p_jh[j, j] = _restore(within_pairs / (2.0 * wsum ** 2), ej, yj.max())
        for h in range(j):
            both, e = _unit(np.concatenate(members[j][0:1] + members[h][0:1]))
            weights_both, _ = _unit(np.concatenate((members[j][1], members[h][1])))
            nj = members[j][0].size
            yj2, yh2 = both[:nj], both[nj:]
            wj2, wh2 = weights_both[:nj], weights_both[nj:]
            above, below = _transvariation(yj2, wj2, yh2, wh2)
            pairs = math.fsum(wj2.tolist()) * math.fsum(wh2.tolist())
            # d_jh <= max(y_j) and p_jh <= max(y_h): rounding may not carry them past it
            d_jh[j, h] = p_jh[h, j] = _restore(above / pairs, e, yj2.max())
            d_jh[h, j] = p_jh[j, h] = _restore(below / pairs, e, yh2.max())
            if above + below > 0:
                D_jh[j, h] = (above - below) / (above + below)
                D_jh[h, j] = -D_jh[j, h]
            mean_sum = _mean(yj2, wj2) + _mean(yh2, wh2)
            if mean_sum > 0:
                G_jh[j, h] = G_jh[h, j] = (above + below) / (pairs * mean_sum)
    G_jj = np.diag(G_jh).copy()

    Gw = float(np.sum(G_jj * p * s))
    Gnb = 0.0
    Gt = 0.0
    for j in range(k):
        for h in range(j):
            weight = G_jh[j, h] * (p[j] * s[h] + p[h] * s[j])
            Gnb += weight * D_jh[j, h]
            Gt += weight * (1.0 - D_jh[j, h])
    G = float(_abs_diff_sum(ys, ws) / (2.0 * total_w * total_y))
    if G > 0:
        shares = (Gw / G, Gnb / G, Gt / G)
    else:
        shares = (float("nan"),) * 3
    return DagumGini(
        G, Gw, float(Gnb), float(Gt), *(float(v) for v in shares),
        groups=names, n=weight_g, mu=mu_g, p=p, s=s,
        G_jj=G_jj, G_jh=G_jh, d_jh=d_jh, p_jh=p_jh, D_jh=D_jh,
    )
