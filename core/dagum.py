"""Dagum (1997) decomposition of the Gini coefficient by groups: ``G = Gw + Gnb + Gt``.

The values, weights and groups are checked, scaled and summed by the helpers of
:mod:`.inequality` (see its docstring for the treatment of extreme scales and the weighted
reading "a city of weight P counts as P identical cities").

References
----------
- Dagum, C. (1997). A new approach to the decomposition of the Gini income inequality
  ratio. Empirical Economics 22, 515-531.
"""
import math
from dataclasses import dataclass

import numpy as np

from .inequality import (
    InequalityInputError,
    _abs_diff_sum,
    _group_codes,
    _mean,
    _power_text,
    _restore,
    _transvariation,
    _unit,
    _values,
    _weights,
)
from .messages import msg

__all__ = ["DagumGini", "dagum_gini"]


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
            raise InequalityInputError(msg(
                "order {order!r} must list each group exactly once; the groups are {groups!r}",
                "order {order!r} 必须把每个分组恰好列出一次；分组为 {groups!r}", order=order, groups=list(names)))
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
            raise InequalityInputError(msg(
                "the weights of group {group!r} add up to about {total}, more than float64 holds (1.8e308): "
                "rescale the weight field (e.g. population in thousands)",
                "分组 {group!r} 的权重合计约为 {total}，超出 float64 的上限（1.8e308）："
                "请调整权重字段的单位（如人口以千人计）",
                group=names[j].item() if isinstance(names[j], np.generic) else names[j],
                total=_power_text(float(weight_scaled[j]), ew))) from None

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
