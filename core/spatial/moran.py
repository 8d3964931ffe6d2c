"""Global and local Moran's I with permutation inference.

**Global** (Moran 1950), ``z_i = y_i - ybar``, weights ``w_ij``, ``S0 = sum_ij w_ij``::

    I = (n / S0) * sum_ij w_ij z_i z_j / sum_i z_i^2
    E[I] = -1 / (n - 1)

with Cliff & Ord's (1981) variances under normality and under randomisation
(``S1 = 1/2 sum_ij (w_ij + w_ji)^2``, ``S2 = sum_i (w_i. + w_.i)^2``,
``b2 = n sum z^4 / (sum z^2)^2``)::

    V_norm[I] = (n^2 S1 - n S2 + 3 S0^2) / ((n - 1)(n + 1) S0^2) - E[I]^2
    V_rand[I] = [n((n^2 - 3n + 3) S1 - n S2 + 3 S0^2) - b2((n^2 - n) S1 - 2n S2 + 6 S0^2)]
                / ((n - 1)(n - 2)(n - 3) S0^2) - E[I]^2

Permutation p: the values are permuted over the cities ``P`` times; with ``L`` the number
of permuted statistics ``>= I`` (ties within rounding, 1e-12 relative, count), folded to the smaller tail (``L <- P - L`` when
``P - L < L``), ``p = (L + 1) / (P + 1)``: the one-sided pseudo p-value in the direction of
the observed statistic (Hope 1968; as PySAL's ``esda`` and GeoDa define ``p_sim``).

**Local** (Anselin 1995), ``z_i = (y_i - ybar) / s`` with ``s`` the population standard
deviation::

    I_i = (n - 1) z_i sum_j w_ij z_j / sum_k z_k^2

Conditional permutation: for each ``i``, ``z_i`` stays and its ``|N(i)|`` neighbours are
drawn without replacement from the other ``n - 1`` values; ``p_i`` as above per city.
Cluster classes from the quadrant of ``(z_i, lag_i)``: High-High (``z > 0, lag > 0``),
Low-Low, High-Low, Low-High, for the cities significant at ``alpha`` after the chosen
correction for multiple tests (Benjamini & Hochberg 1995 false-discovery rate, Bonferroni,
or none); others ``ns``. Islands (no neighbour) keep ``z`` in the standardisation, get no
local statistic (NaN) and are ``ns``.

References: Moran, P. A. P. (1950) Notes on continuous stochastic phenomena. *Biometrika*
37, 17-23. Cliff, A. D. & Ord, J. K. (1981) *Spatial Processes*. Anselin, L. (1995) Local
indicators of spatial association — LISA. *Geographical Analysis* 27, 93-115.
Benjamini, Y. & Hochberg, Y. (1995) *JRSS B* 57, 289-300.
"""
from dataclasses import dataclass

import numpy as np

from ..messages import msg

__all__ = ["GlobalMoran", "LocalMoran", "global_moran", "local_moran", "significant", "quadrants",
           "Cancelled", "CLUSTERS", "CORRECTIONS"]

CLUSTERS = ("HH", "LL", "HL", "LH", "ns")
CORRECTIONS = ("fdr", "bonferroni", "none")
#: Permutations drawn at once (memory: chunk x n floats).
CHUNK = 1000


class Cancelled(Exception):
    """The caller's monitor asked to stop."""


@dataclass
class GlobalMoran:
    I: float
    EI: float
    VI_norm: float
    VI_rand: float
    z_norm: float
    z_rand: float
    p_sim: float
    EI_sim: float
    permutations: int
    n: int


@dataclass
class LocalMoran:
    Is: np.ndarray
    p_sim: np.ndarray
    quadrant: np.ndarray   # "HH", "LL", "HL", "LH" (NaN-free; islands "ns")
    cluster: np.ndarray    # quadrant where significant, else "ns"
    lag: np.ndarray
    permutations: int


def _check_values(y):
    y = np.asarray(y, dtype=float)
    if y.ndim != 1 or not np.isfinite(y).all():
        raise ValueError(msg("Moran's I needs finite values, one per city",
                             "莫兰指数需要每个城市一个有限数值"))
    return y


def _folded_p(larger, permutations):
    larger = np.asarray(larger, dtype=float)
    larger = np.where(permutations - larger < larger, permutations - larger, larger)
    return (larger + 1.0) / (permutations + 1.0)


def _permutation_rounds(permutations):
    done = 0
    while done < permutations:
        size = min(CHUNK, permutations - done)
        yield done, size
        done += size


def _tie(value):
    """The rounding margin within which a permuted statistic equals the observed one: the same
    arrangement summed in another order differs in the last bits, and must still count."""
    return 1e-12 * max(1.0, abs(float(value)))


def _tick(monitor, fraction):
    if monitor is not None and monitor(fraction) is False:
        raise Cancelled()


def global_moran(y, weights, permutations=999, rng=None, monitor=None):
    """Global Moran's I of ``y`` under ``weights`` (:class:`~.weights.SpatialWeights`);
    ``monitor(fraction)`` is called during the permutations and stops them by returning False."""
    y = _check_values(y)
    n = len(y)
    rng = np.random.default_rng(rng)
    if n < 4:
        raise ValueError(msg("Moran's I needs at least 4 cities, got {n}", "莫兰指数至少需要 4 个城市，实际 {n} 个", n=n))
    z = y - y.mean()
    z2ss = float(z @ z)
    if z2ss == 0:
        raise ValueError(msg("Moran's I of a constant value is undefined", "常数值的莫兰指数无定义"))
    w = weights.matrix()
    s0, s1, s2 = weights.sums()
    if s0 == 0:
        raise ValueError(msg("Moran's I needs at least one pair of neighbours", "莫兰指数至少需要一对相邻城市"))
    # the observed statistic by the same expression as the permuted ones, so that a permutation
    # giving the same arrangement ties with it exactly (and counts as "as extreme")
    stat = float(n / s0 * np.einsum("pi,pi->p", z[None, :], z[None, :] @ w.T)[0] / z2ss)
    tie = _tie(stat)
    ei = -1.0 / (n - 1)
    s02 = s0 * s0
    vi_norm = (n * n * s1 - n * s2 + 3 * s02) / ((n - 1) * (n + 1) * s02) - ei * ei
    b2 = n * float((z ** 4).sum()) / z2ss ** 2
    a = n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s02)
    b = b2 * ((n * n - n) * s1 - 2 * n * s2 + 6 * s02)
    vi_rand = (a - b) / ((n - 1) * (n - 2) * (n - 3) * s02) - ei * ei
    larger = 0
    total = 0.0
    for done, size in _permutation_rounds(permutations):
        _tick(monitor, done / max(permutations, 1))
        order = np.argsort(rng.random((size, n)), axis=1)
        zp = z[order]
        sims = n / s0 * np.einsum("pi,pi->p", zp, zp @ w.T) / z2ss
        larger += int((sims >= stat - tie).sum())
        total += float(sims.sum())
    p_sim = float(_folded_p(larger, permutations)) if permutations else float("nan")
    ei_sim = total / permutations if permutations else float("nan")
    return GlobalMoran(I=stat, EI=ei, VI_norm=vi_norm, VI_rand=vi_rand,
                       z_norm=(stat - ei) / np.sqrt(vi_norm) if vi_norm > 0 else float("nan"),
                       z_rand=(stat - ei) / np.sqrt(vi_rand) if vi_rand > 0 else float("nan"),
                       p_sim=p_sim, EI_sim=ei_sim, permutations=int(permutations), n=n)


def quadrants(z, lag):
    """The quadrant of every city in the Moran scatter plot."""
    high = np.asarray(z) > 0
    high_lag = np.asarray(lag) > 0
    return np.where(high & high_lag, "HH", np.where(~high & ~high_lag, "LL", np.where(high, "HL", "LH")))


def significant(p, alpha=0.05, correction="fdr"):
    """Which p-values are significant at ``alpha`` after the correction for ``m`` tests (the
    finite p-values): ``"fdr"`` Benjamini-Hochberg (reject the ``k`` smallest, ``k`` the largest
    with ``p_(k) <= k alpha / m``), ``"bonferroni"`` (``p <= alpha / m``) or ``"none"``
    (``p <= alpha``). NaN is never significant."""
    if correction not in CORRECTIONS:
        raise ValueError(msg("correction {value!r}: choose one of {choices}", "多重检验校正 {value!r}：请选择 {choices} 之一",
                             value=correction, choices=", ".join(CORRECTIONS)))
    p = np.asarray(p, dtype=float)
    ok = np.isfinite(p)
    m = int(ok.sum())
    out = np.zeros(len(p), dtype=bool)
    if m == 0:
        return out
    if correction == "none":
        out[ok] = p[ok] <= alpha
    elif correction == "bonferroni":
        out[ok] = p[ok] <= alpha / m
    else:
        ranked = np.sort(p[ok])
        below = np.flatnonzero(ranked <= alpha * np.arange(1, m + 1) / m)
        if len(below):
            out[ok] = p[ok] <= ranked[below[-1]]
    return out


def local_moran(y, weights, permutations=999, rng=None, alpha=0.05, correction="fdr", monitor=None):
    """Local Moran ``I_i`` with conditional-permutation p-values and cluster classes (see the
    module docstring). The neighbour draws are shared by all cities in a round (one draw of
    ``max |N(i)|`` positions among ``n - 1``, shifted past ``i``), which keeps them vectorised."""
    y = _check_values(y)
    n = len(y)
    rng = np.random.default_rng(rng)
    if n < 3:
        raise ValueError(msg("Local Moran needs at least 3 cities, got {n}", "局部莫兰指数至少需要 3 个城市，实际 {n} 个",
                             n=n))
    sd = y.std()
    if sd == 0:
        raise ValueError(msg("Moran's I of a constant value is undefined", "常数值的莫兰指数无定义"))
    z = (y - y.mean()) / sd
    den = float(z @ z)
    card = weights.cardinalities
    lag = np.array([float(z[nb] @ wt) for nb, wt in zip(weights.neighbours, weights.weights)])
    stat = (n - 1) * z * lag / den
    has = card > 0
    kmax = int(card.max()) if n else 0
    larger = np.zeros(n)
    if kmax:
        for done, size in _permutation_rounds(permutations):
            _tick(monitor, done / max(permutations, 1))
            draws = np.argsort(rng.random((size, n - 1)), axis=1)[:, :kmax]
            for i in np.flatnonzero(has):
                ids = draws[:, :card[i]]
                ids = ids + (ids >= i)   # positions among the others, past i
                sims = (n - 1) * z[i] * (z[ids] @ weights.weights[i]) / den
                larger[i] += (sims >= stat[i] - _tie(stat[i])).sum()
    p = _folded_p(larger, permutations) if permutations else np.full(n, np.nan)
    p = np.where(has, p, np.nan)
    stat = np.where(has, stat, np.nan)
    quad = np.where(has, quadrants(z, lag), "ns")
    sig = significant(p, alpha, correction)
    cluster = np.where(sig, quad, "ns")
    return LocalMoran(Is=stat, p_sim=p, quadrant=quad, cluster=cluster, lag=lag, permutations=int(permutations))
