"""How sure are the core-secondary measures? Bootstrap intervals and a permutation test.

A mega-region has 5 to 30 member cities; a change of -0.007 in a Theil index may be no more
than what reshuffling one city produces. Two tools answer this for each mega-region,
indicator and year.

Bootstrap percentile intervals (Efron and Tibshirani 1993, ch. 13)
    Resampling is stratified by role: each resample draws ``n_core`` cities with replacement
    from the region's cores and ``n_secondary`` from its secondary cities, so the group sizes
    stay those of the data; a city is drawn with its weight (population). For every resample
    :func:`resample_measures` computes the headline measures; the interval at confidence ``c``
    is the ``(100 - c)/2`` and ``(100 + c)/2`` percentiles of the resampled values (linear
    interpolation between order statistics, numpy's default). All resamples of one region,
    indicator and year are one set of array operations on a ``(resamples, cities)`` matrix.
    A group of one city is the same city in every resample, so the interval then reflects only
    the other group's variation.

    The change between two years is resampled in pairs: the same drawn cities in both years,
    so the interval of ``value(year2) - value(year1)`` keeps the cities' own persistence.

Permutation test of the core-secondary split (PySAL ``TheilDSim``; Rey and Sastre-Gutierrez 2010)
    ``p_between`` is the share of labellings of the region's cities into ``n_core`` cores and
    the rest secondary whose between-group Theil T is at least the observed one, the observed
    labelling counted: from ``P`` random labellings, ``p = (1 + #{T_b* >= T_b}) / (P + 1)``;
    when the number of labellings ``C(n, n_core)`` is at most ``P``, exactly, by enumerating
    them all: ``p = #{T_b* >= T_b} / C(n, n_core)``. Its smallest attainable value is
    ``1 / (P + 1)``, or in the exact case the share of labellings that reach the largest
    ``T_b`` (1 core among 5 cities: 1/5 = 0.2, so such a region can never show p < 0.2).
    Values within 1e-10 (relative) of the observed one count as ties (at least as large), so
    labellings that are the same split up to rounding are not missed.

Every function is deterministic given its ``numpy.random.Generator``; :func:`generator`
derives one from a seed and names (the mega-region, the set of cities), so the same input
gives the same intervals whatever else is in the run.

References
----------
- Efron, B. and Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.
- Rey, S. J. and Sastre-Gutierrez, M. L. (2010). Interregional inequality dynamics in Mexico.
  Spatial Economic Analysis 5, 277-298 (``TheilDSim`` in PySAL ``inequality``).
- Dagum, C. (1997): ``Gnb = p_j p_h (mu_j - mu_h) / mu`` for two groups (see :mod:`.dagum`).
"""
import itertools
import math
import zlib
from typing import Dict, Optional, Sequence, Tuple

import numpy as np

from .inequality import _unit

__all__ = [
    "INTERVAL_MEASURES",
    "generator",
    "stratified_draws",
    "resample_measures",
    "percentile_intervals",
    "labellings",
    "between_theil",
    "permutation_p",
    "PermutationResult",
    "RegionResampler",
]

# The measures that get bootstrap intervals: every headline measure of the mega-region map.
INTERVAL_MEASURES = (
    "theil", "theil_between", "theil_between_share", "gini",
    "dagum_gnb", "share_gnb", "gnb_signed", "ratio",
)

# Observed and permuted between-group Theil within this relative distance are ties.
_TIE = 1e-10


def generator(seed: int, *names) -> np.random.Generator:
    """A generator determined by ``seed`` (an int >= 0) and ``names`` (text or bytes, e.g. the
    mega-region and the positions of its cities): the same names always give the same
    stream, whatever else is computed in the run.

    >>> a = generator(0, "BTH", b"1,2").integers(0, 100, 3)
    >>> b = generator(0, "BTH", b"1,2").integers(0, 100, 3)
    >>> bool((a == b).all())
    True
    """
    words = [int(seed)]
    for name in names:
        data = name if isinstance(name, bytes) else str(name).encode("utf-8")
        words.append(zlib.crc32(data))
    return np.random.default_rng(words)


def stratified_draws(groups: Sequence[np.ndarray], resamples: int, rng: np.random.Generator) -> np.ndarray:
    """``(resamples, n)`` positions drawn with replacement within each group.

    ``groups`` lists each group's positions (e.g. the cores, then the secondary cities); the
    columns of the result are grouped the same way: the first ``len(groups[0])`` columns are
    drawn from ``groups[0]``, and so on, so every resample keeps the group sizes.

    >>> d = stratified_draws([np.array([0, 1]), np.array([2, 3, 4])], 4, generator(0))
    >>> d.shape, bool(np.isin(d[:, :2], [0, 1]).all()), bool(np.isin(d[:, 2:], [2, 3, 4]).all())
    ((4, 5), True, True)
    """
    parts = []
    for positions in groups:
        positions = np.asarray(positions, dtype=np.intp)
        parts.append(positions[rng.integers(0, positions.size, (int(resamples), positions.size))])
    return np.concatenate(parts, axis=1)


def _f(r: np.ndarray) -> np.ndarray:
    """``r ln r - r + 1`` (>= 0; ``f(0) = 1``), the non-negative Theil terms."""
    safe = np.where(r > 0, r, 1.0)
    return np.where(r > 0, r * np.log(safe), 0.0) - r + 1.0


def _divide(a, b):
    """``a / b`` with NaN where ``b`` is 0 or the quotient is not finite (quietly)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        out = np.true_divide(a, b)
    return np.where(np.isfinite(out), out, np.nan)


def resample_measures(y: np.ndarray, weights: Optional[np.ndarray], n_core: int,
                      draws: np.ndarray) -> Dict[str, np.ndarray]:
    """The :data:`INTERVAL_MEASURES` of every resample, as arrays of length ``resamples``.

    ``y`` (values >= 0, finite) and ``weights`` (> 0, or None) are the cities'; ``draws`` is a
    ``(resamples, n)`` matrix of positions whose first ``n_core`` columns are cores (as
    :func:`stratified_draws` lays them out). Per resample, with ``W`` the drawn weights,
    ``mu_g`` the group means, ``p_g`` the weight shares and ``s_g`` the value shares:

    - ``theil = sum W f(y/mu) / sum W`` with ``f(r) = r ln r - r + 1`` (= Theil T);
    - ``theil_between = sum_g p_g f(mu_g/mu)`` (= ``sum_g s_g ln(s_g/p_g)``),
      ``theil_between_share = theil_between / theil``;
    - ``gini = sum_i sum_r W_i W_r |y_i - y_r| / (2 W^2 mu)``, from the sorted values;
    - ``gnb_signed = p_c p_s (mu_c - mu_s) / mu`` (Dagum's Gnb for two groups, + when the
      cores lead), ``dagum_gnb = |gnb_signed|``, ``share_gnb = dagum_gnb / gini``;
    - ``ratio = mu_c / mu_s``.

    A resample where a measure is undefined (all drawn values 0, all equal for a share, a
    secondary mean of 0 for the ratio) gives NaN for that measure, quietly. Values and
    weights are scaled by powers of two first, as in :mod:`.inequality`.
    """
    ys, _ = _unit(np.asarray(y, dtype=float))
    draws = np.asarray(draws, dtype=np.intp)
    Y = ys[draws]
    ws = np.ones(ys.size) if weights is None else _unit(np.asarray(weights, dtype=float))[0]
    W = ws[draws]
    k = int(n_core)
    WY = W * Y
    w_c, w_s = W[:, :k].sum(axis=1), W[:, k:].sum(axis=1)
    t_c, t_s = WY[:, :k].sum(axis=1), WY[:, k:].sum(axis=1)
    w_all, t_all = w_c + w_s, t_c + t_s
    mu_c, mu_s, mu = t_c / w_c, t_s / w_s, t_all / w_all
    p_c, p_s = w_c / w_all, w_s / w_all
    defined = mu > 0
    mu_safe = np.where(defined, mu, 1.0)
    theil = (W * _f(Y / mu_safe[:, None])).sum(axis=1) / w_all
    between = p_c * _f(mu_c / mu_safe) + p_s * _f(mu_s / mu_safe)

    # Sorting each resample = sorting the drawn cities' ranks in the sorted values (integers)
    rank_order = np.argsort(ys, kind="mergesort")
    rank = np.empty(ys.size, dtype=np.intp)
    rank[rank_order] = np.arange(ys.size)
    ranks = np.sort(rank[draws], axis=1)
    y_sorted = ys[rank_order][ranks]
    w_sorted = ws[rank_order][ranks]
    below = np.cumsum(w_sorted, axis=1)[:, :-1]
    above = w_all[:, None] - below
    gini = (np.diff(y_sorted, axis=1) * below * above).sum(axis=1) / (w_all * np.where(defined, t_all, 1.0))

    gnb_signed = p_c * p_s * (mu_c - mu_s) / mu_safe
    out = {
        "theil": theil,
        "theil_between": between,
        "theil_between_share": _divide(between, np.where(theil > 0, theil, 0.0)),
        "gini": gini,
        "dagum_gnb": np.abs(gnb_signed),
        "share_gnb": _divide(np.abs(gnb_signed), np.where(gini > 0, gini, 0.0)),
        "gnb_signed": gnb_signed,
        "ratio": _divide(mu_c, mu_s),
    }
    if not defined.all():
        for key in out:
            out[key] = np.where(defined, out[key], np.nan)
    return out


def percentile_intervals(samples: Dict[str, np.ndarray], confidence: float) -> Dict[str, Tuple[float, float]]:
    """``{measure: (low, high)}``: the ``(100 - confidence)/2`` and ``(100 + confidence)/2``
    percentiles of each measure's resampled values; ``(nan, nan)`` for a measure that is
    undefined (NaN) in any resample, since leaving those out would bias the interval.

    >>> percentile_intervals({"theil": np.arange(101.0)}, 90)
    {'theil': (5.0, 95.0)}
    """
    keys = list(samples)
    if not keys:
        return {}
    stack = np.vstack([samples[k] for k in keys])
    tail = (100.0 - float(confidence)) / 2.0
    ok = ~np.isnan(stack).any(axis=1)
    out = {k: (math.nan, math.nan) for k in keys}
    if ok.any():
        bounds = np.percentile(stack[ok], [tail, 100.0 - tail], axis=1)
        for i, k in zip(np.flatnonzero(ok), bounds.T):
            out[keys[i]] = (float(k[0]), float(k[1]))
    return out


# --------------------------------------------------------------------------- permutations


def labellings(n: int, n_core: int, permutations: int, rng: np.random.Generator) -> Tuple[np.ndarray, bool]:
    """``(labels, exact)``: a boolean ``(L, n)`` matrix, True for the cities labelled core.

    When ``C(n, n_core) <= permutations`` every labelling, the observed one among them, in
    lexicographic order (``exact`` True); otherwise ``permutations`` random labellings, each
    a uniformly drawn set of ``n_core`` cities (``exact`` False).

    >>> labels, exact = labellings(4, 2, 999, generator(0))
    >>> labels.shape, exact
    ((6, 4), True)
    """
    n, n_core, permutations = int(n), int(n_core), int(permutations)
    if math.comb(n, n_core) <= permutations:
        combos = list(itertools.combinations(range(n), n_core))
        labels = np.zeros((len(combos), n), dtype=bool)
        if n_core:
            labels[np.repeat(np.arange(len(combos)), n_core), np.asarray(combos, dtype=np.intp).ravel()] = True
        return labels, True
    ranks = np.argsort(rng.random((permutations, n)), axis=1)
    labels = np.zeros((permutations, n), dtype=bool)
    np.put_along_axis(labels, ranks[:, :n_core], True, axis=1)
    return labels, False


def between_theil(y: np.ndarray, weights: Optional[np.ndarray], labels: np.ndarray) -> np.ndarray:
    """Between-group Theil T of each labelling (rows of ``labels``, True = core):
    ``sum_g p_g f(mu_g / mu)`` with ``f(r) = r ln r - r + 1``, which equals
    ``sum_g s_g ln(s_g / p_g)`` (PySAL ``TheilD.bg`` without weights).

    >>> float(between_theil(np.array([1.0, 3, 2, 6]), None, np.array([[True, True, False, False]]))[0])  # doctest: +ELLIPSIS
    0.05663...
    """
    ys, _ = _unit(np.asarray(y, dtype=float))
    ws = np.ones(ys.size) if weights is None else _unit(np.asarray(weights, dtype=float))[0]
    L = np.asarray(labels, dtype=float)
    w_all, t_all = float(ws.sum()), float((ws * ys).sum())
    w_c, t_c = L @ ws, L @ (ws * ys)
    w_s, t_s = w_all - w_c, t_all - t_c
    mu = t_all / w_all
    with np.errstate(divide="ignore", invalid="ignore"):
        mu_c = np.where(w_c > 0, t_c / np.where(w_c > 0, w_c, 1.0), mu)
        mu_s = np.where(w_s > 0, t_s / np.where(w_s > 0, w_s, 1.0), mu)
    return (w_c / w_all) * _f(mu_c / mu) + (w_s / w_all) * _f(mu_s / mu)


class PermutationResult(tuple):
    """``(p, p_min, exact, count)``: the p-value, the smallest p-value this region can
    attain, whether the labellings were enumerated, and how many were compared."""

    __slots__ = ()

    def __new__(cls, p, p_min, exact, count):
        return super().__new__(cls, (p, p_min, exact, count))

    p = property(lambda self: self[0])
    p_min = property(lambda self: self[1])
    exact = property(lambda self: self[2])
    count = property(lambda self: self[3])


def permutation_p(y: np.ndarray, weights: Optional[np.ndarray], is_core: np.ndarray, permutations: int,
                  rng: Optional[np.random.Generator] = None, labels: Optional[np.ndarray] = None,
                  exact: bool = False) -> PermutationResult:
    """Permutation p-value of the between-group Theil T of the split ``is_core`` (see the
    module docstring). ``labels`` (optional) gives the labellings to use instead of making
    them with :func:`labellings` (rows, True = core): all of them with ``exact=True``, else
    random ones (e.g. another program's draws, or labellings shared by several indicators).

    >>> r = permutation_p(np.array([1.0, 2, 3, 4, 100]), None, np.array([0, 0, 0, 0, 1], bool), 999, generator(0))
    >>> r.p, r.p_min, r.exact, r.count
    (0.2, 0.2, True, 5)
    """
    is_core = np.asarray(is_core, dtype=bool)
    observed = float(between_theil(y, weights, is_core[None, :])[0])
    if labels is None:
        labels, exact = labellings(is_core.size, int(is_core.sum()), permutations, rng)
    values = between_theil(y, weights, labels)
    tie = observed * (1.0 - _TIE)
    at_least = int(np.count_nonzero(values >= tie))
    if exact:
        count = labels.shape[0]
        top = float(values.max())
        return PermutationResult(at_least / count, int(np.count_nonzero(values >= top * (1.0 - _TIE))) / count,
                                 True, count)
    count = labels.shape[0] + 1
    return PermutationResult((1 + at_least) / count, 1.0 / count, False, count)


# --------------------------------------------------------------------------- per mega-region


def _group_note(n_core: int, n_secondary: int) -> Optional[str]:
    if n_core == 1:
        return "one core city: its intervals reflect only the secondary cities' variation"
    if n_secondary == 1:
        return "one secondary city: its intervals reflect only the core cities' variation"
    return None


class RegionResampler:
    """Bootstrap intervals and permutation p-values for the rows of one mega-region.

    ``is_core`` marks the region's member cities. Draws (and labellings) depend only on the
    seed, the region and the set of cities with a valid value: every indicator and year with
    the same valid cities shares them, and two years with the same cities are resampled in
    pairs by construction. A change whose years have different valid cities is resampled
    over the cities valid in both years (the same draws for both years); the cities valid in
    only one year enter the change itself (the difference of the two year rows) but not its
    interval, and the note says so.
    """

    def __init__(self, region, is_core: np.ndarray, bootstrap: int = 0, confidence: float = 95.0,
                 permutations: int = 0, seed: int = 0):
        self.region = str(region)
        self.is_core = np.asarray(is_core, dtype=bool)
        self.bootstrap, self.confidence = int(bootstrap), float(confidence)
        self.permutations, self.seed = int(permutations), int(seed)
        self._draws: Dict[bytes, np.ndarray] = {}
        self._labels: Dict[bytes, Tuple[np.ndarray, bool]] = {}
        self._samples: Dict[Tuple[str, bytes], Dict[str, np.ndarray]] = {}

    def _cities(self, used: np.ndarray) -> Tuple[np.ndarray, bytes, np.ndarray]:
        sel = np.flatnonzero(used)
        return sel, sel.astype("<i8").tobytes(), self.is_core[sel]

    def draws(self, used: np.ndarray) -> np.ndarray:
        """The ``(bootstrap, n)`` draws over the cities ``used`` (positions among them, the
        cores' columns first)."""
        sel, key, core = self._cities(used)
        if key not in self._draws:
            rng = generator(self.seed, "bootstrap", self.region, key)
            self._draws[key] = stratified_draws([np.flatnonzero(core), np.flatnonzero(~core)], self.bootstrap, rng)
        return self._draws[key]

    def samples(self, field: str, y: np.ndarray, w: Optional[np.ndarray], used: np.ndarray) -> Dict[str, np.ndarray]:
        """:func:`resample_measures` of ``field`` (values ``y``, weights ``w`` of all the
        region's cities) over the cities ``used``."""
        sel, key, core = self._cities(used)
        if (field, key) not in self._samples:
            self._samples[(field, key)] = resample_measures(
                y[sel], None if w is None else w[sel], int(core.sum()), self.draws(used))
        return self._samples[(field, key)]

    def year(self, field: str, y: np.ndarray, w: Optional[np.ndarray], used: np.ndarray, point: dict):
        """``(values, notes)`` for a year row whose measures ``point`` are defined: the
        interval columns and ``p_between``, ``p_between_min``."""
        out, notes = {}, []
        sel, key, core = self._cities(used)
        if self.bootstrap:
            bounds = percentile_intervals(self.samples(field, y, w, used), self.confidence)
            for m, (lo, hi) in bounds.items():
                out["%s_ci_low" % m], out["%s_ci_high" % m] = lo, hi
            note = _group_note(int(core.sum()), int((~core).sum()))
            if note:
                notes.append(note)
            lost = [m for m, (lo, _) in bounds.items() if math.isnan(lo) and not math.isnan(point.get(m, math.nan))]
            if lost:
                notes.append("no interval for %s: undefined in some resamples" % ", ".join(lost))
        if self.permutations:
            if key not in self._labels:
                rng = generator(self.seed, "permutation", self.region, key)
                self._labels[key] = labellings(sel.size, int(core.sum()), self.permutations, rng)
            labels, exact = self._labels[key]
            result = permutation_p(y[sel], None if w is None else w[sel], core, self.permutations,
                                   labels=labels, exact=exact)
            out["p_between"], out["p_between_min"] = result.p, result.p_min
            if exact and result.p_min >= 0.05:
                n_core = int(core.sum())
                notes.append("the permutation p cannot be below %.3g: only %d ways to choose %d core%s among %d cities"
                             % (result.p_min, result.count, n_core, "" if n_core == 1 else "s", sel.size))
        return out, notes

    def change(self, years, used_a: np.ndarray, used_b: np.ndarray, headline: str):
        """``(values, notes)`` for a change row: the interval of each measure's change and
        ``change_is_clear`` (the headline's interval excludes 0). ``years`` is
        ``((field, y, w) of year 1, (field, y, w) of year 2)``."""
        (fa, ya, wa), (fb, yb, wb) = years
        notes = []
        common = used_a & used_b
        _, _, core = self._cities(common)
        n_core, n_sec = int(core.sum()), int((~core).sum())
        if not (np.array_equal(used_a, common) and np.array_equal(used_b, common)):
            if n_core == 0 or n_sec == 0:
                notes.append("no change intervals: no %s city has a value in both years"
                             % ("core" if n_core == 0 else "secondary"))
                return {"change_is_clear": None}, notes
            notes.append("change intervals from the %d cities with a value in both years" % common.sum())
        a = self.samples(fa, ya, wa, common)
        b = self.samples(fb, yb, wb, common)
        bounds = percentile_intervals({m: b[m] - a[m] for m in a}, self.confidence)
        out = {}
        for m, (lo, hi) in bounds.items():
            out["%s_ci_low" % m], out["%s_ci_high" % m] = lo, hi
        lo, hi = bounds[headline]
        out["change_is_clear"] = None if math.isnan(lo) else bool(lo > 0 or hi < 0)
        note = _group_note(n_core, n_sec)
        if note:
            notes.append(note)
        return out, notes
