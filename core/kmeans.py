"""K-means: greedy k-means++ seeding (Arthur & Vassilvitskii 2007) and Lloyd's algorithm
(Lloyd 1982) over numpy, with a fixed seed and many initialisations, the lowest inertia kept.
The stopping rule, tolerance and seeding follow scikit-learn's ``KMeans(algorithm="lloyd")``,
which the tests use as the independent check.

The N_INIT Lloyd runs of one K-means advance together (:func:`lloyd_many`), one array
operation per iteration for the runs still moving; every run gives, bit for bit, what it
gives alone (the same differences squared and summed, cluster sums accumulated in the same
row order).
"""
import math
from dataclasses import dataclass

import numpy as np

from .messages import msg

DEFAULT_SEED = 0
DEFAULT_N_INIT = 50


def _squared_distances(x, centres):
    """Squared Euclidean distances (n x k) from the differences themselves, not from the
    expansion ``|x|^2 - 2 x.c + |c|^2``: no cancellation, exact zeros for coincident points.
    Row blocks keep the temporary array near 8 MB."""
    n, p = x.shape
    k = len(centres)
    step = max(1, (1 << 20) // max(1, k * p))
    if n <= step:
        diff = x[:, None, :] - centres[None, :, :]
        return np.einsum("ijk,ijk->ij", diff, diff)
    out = np.empty((n, k))
    for start in range(0, n, step):
        diff = x[start:start + step, None, :] - centres[None, :, :]
        out[start:start + step] = np.einsum("ijk,ijk->ij", diff, diff)
    return out


def _assign(x, centres):
    """E-step: the nearest centre of every row (ties to the lower index) and its squared distance."""
    d = _squared_distances(x, centres)
    labels = np.argmin(d, axis=1)
    return labels, d[np.arange(len(x)), labels]


def _inertia(x, centres, labels):
    """Sum of squared distances to the assigned centres, summed without rounding drift
    (``math.fsum`` over the per-row distances computed from the differences)."""
    diff = x - centres[labels]
    return math.fsum(np.einsum("ij,ij->i", diff, diff).tolist())


def kmeans_plusplus(x, k, rng, n_local_trials=None):
    """Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, the variant of scikit-learn).

    The first centre is a row drawn uniformly (``rng.choice(n, p=1/n)``); each further
    centre is the best of ``n_local_trials`` (default ``2 + int(ln k)``) candidate rows drawn
    with probability proportional to the squared distance to the nearest centre chosen so
    far (inverse-CDF sampling of ``rng.uniform() * potential`` on the cumulative
    distances), "best" meaning the candidate that leaves the smallest potential (sum of
    squared distances to the nearest centre; ties to the candidate drawn first). ``rng`` is
    a ``numpy.random.RandomState``; from the same state scikit-learn 1.3 and later draw the
    same rows. Returns ``(centres k x p, row indices k)``.
    """
    x = np.asarray(x, dtype=float)
    n = len(x)
    k = int(k)
    if n_local_trials is None:
        n_local_trials = 2 + int(np.log(k))
    indices = np.empty(k, dtype=int)
    indices[0] = rng.choice(n, p=np.ones(n) / n)
    closest = _squared_distances(x, x[indices[:1]])[:, 0]
    potential = closest.sum()
    for c in range(1, k):
        draws = rng.uniform(size=n_local_trials) * potential
        candidates = np.searchsorted(np.cumsum(closest), draws)
        np.minimum(candidates, n - 1, out=candidates)      # rounding at the top end
        dist = _squared_distances(x, x[candidates]).T       # trials x n
        np.minimum(closest, dist, out=dist)
        potentials = dist.sum(axis=1)
        best = int(np.argmin(potentials))
        potential = potentials[best]
        closest = dist[best]
        indices[c] = candidates[best]
    return x[indices].copy(), indices


def _tolerance(x, tol):
    """The convergence threshold on the squared centre shift: ``tol`` times the mean of the
    per-column variances (scikit-learn's convention)."""
    return float(np.mean(np.var(x, axis=0))) * tol if tol > 0 else 0.0


def _update_centres(x, labels, old_centres):
    """M-step: the mean of each cluster. An empty cluster takes the row farthest from its
    own (old) centre, which leaves its former cluster (scikit-learn's relocation); with
    several empty clusters the farthest rows go in descending distance, ties to the lower
    row, to the empty clusters in index order."""
    k, p = old_centres.shape
    counts = np.bincount(labels, minlength=k).astype(float)
    # per (cluster, column) sums in row order, in one pass over the flattened matrix
    cells = (labels[:, None] * p + np.arange(p)[None, :]).ravel()
    sums = np.bincount(cells, weights=x.ravel(), minlength=k * p).reshape(k, p)
    empty = np.flatnonzero(counts == 0)
    if len(empty):
        diff = x - old_centres[labels]
        far = np.argsort(-np.einsum("ij,ij->i", diff, diff), kind="stable")[:len(empty)]
        for cluster, row in zip(empty, far):
            old = labels[row]
            sums[old] -= x[row]
            counts[old] -= 1.0
            sums[cluster] = x[row]
            counts[cluster] = 1.0
    nonzero = counts > 0
    sums[nonzero] *= (1.0 / counts[nonzero])[:, None]
    return sums


@dataclass
class KMeansRun:
    labels: np.ndarray      # cluster index per row
    inertia: float          # sum of squared distances to the assigned centres
    centres: np.ndarray     # k x p
    n_iter: int             # Lloyd iterations run


def lloyd(x, centres, max_iter=300, tol=1e-4):
    """Lloyd's algorithm (Lloyd 1982) from the given initial centres.

    Each iteration assigns every row to its nearest centre (ties to the lower index) and
    moves each centre to the mean of its rows (:func:`_update_centres` for empty
    clusters). It stops when the assignment did not change, or when the sum over the
    centres of the squared shift is at most ``tol`` times the mean per-column variance of
    ``x``, or after ``max_iter`` iterations (scikit-learn's ``KMeans(algorithm="lloyd")``
    criteria). Unless the assignment was stable, a final assignment to the returned centres
    makes labels and centres consistent. Returns a :class:`KMeansRun`.
    """
    x = np.asarray(x, dtype=float)
    centres = np.array(centres, dtype=float)
    if centres.ndim != 2 or centres.shape[1] != x.shape[1]:
        raise ValueError(msg("Initial centres of shape {centres} do not fit data of shape {data}",
                             "初始聚类中心的形状 {centres} 与数据的形状 {data} 不符",
                             centres=centres.shape, data=x.shape))
    threshold = _tolerance(x, tol)
    labels_old = np.full(len(x), -1)
    labels = labels_old
    stable = False
    n_iter = 0
    for n_iter in range(1, int(max_iter) + 1):
        labels, _ = _assign(x, centres)
        new = _update_centres(x, labels, centres)
        shift = float(((new - centres) ** 2).sum())
        centres = new
        if np.array_equal(labels, labels_old):
            stable = True
            break
        if shift <= threshold:
            break
        labels_old = labels
    if not stable:
        labels, _ = _assign(x, centres)
    return KMeansRun(labels, _inertia(x, centres, labels), centres, n_iter)


def _nearest_many(x, centres):
    """The nearest centre of every row of ``x`` (n x p) for each of several sets of centres
    (runs x k x p): runs x n labels, ties to the lower index. Each squared distance is
    computed as in :func:`_squared_distances` (the differences, squared and summed over the
    columns), so the labels are those of :func:`_assign`; one centre at a time over blocks
    of runs of about 8 MB."""
    runs, k, p = centres.shape
    n = len(x)
    flat = x.reshape(1, n * p)
    labels = np.zeros((runs, n), dtype=np.intp)
    step = max(1, (1 << 20) // max(1, n * p))
    for start in range(0, runs, step):
        block = centres[start:start + step]
        best = None
        for j in range(k):
            # x - c_j for every run as one long row per run (faster than a broadcast over p)
            diff = (flat - np.tile(block[:, j, :], (1, n))).reshape(len(block), n, p)
            d = np.einsum("aip,aip->ai", diff, diff)
            if best is None:
                best = d
            else:
                closer = d < best          # strict: a tie stays with the lower index, as argmin
                best = np.where(closer, d, best)
                labels[start:start + step][closer] = j
    return labels


def _update_centres_many(x, labels, old_centres):
    """:func:`_update_centres` of several runs at once (labels runs x n, centres runs x k x p):
    the cluster sums are accumulated in the same row order, so every centre is the one the
    single-run update gives."""
    runs, k, p = old_centres.shape
    n = len(x)
    slots = labels + (np.arange(runs) * k)[:, None]                          # run-wise cluster ids
    counts = np.bincount(slots.ravel(), minlength=runs * k).reshape(runs, k).astype(float)
    # cell of (run, cluster, column) for every value of x, in the row order of x within each run
    cells = (np.repeat(slots * p, p, axis=1) + np.tile(np.arange(p), n)[None, :]).ravel()
    weights = np.tile(x.ravel(), runs)
    sums = np.bincount(cells, weights=weights, minlength=runs * k * p).reshape(runs, k, p)
    for r in np.flatnonzero((counts == 0).any(axis=1)):
        empty = np.flatnonzero(counts[r] == 0)
        diff = x - old_centres[r][labels[r]]
        far = np.argsort(-np.einsum("ij,ij->i", diff, diff), kind="stable")[:len(empty)]
        for cluster, row in zip(empty, far):
            old = labels[r, row]
            sums[r, old] -= x[row]
            counts[r, old] -= 1.0
            sums[r, cluster] = x[row]
            counts[r, cluster] = 1.0
    nonzero = counts > 0
    sums[nonzero] *= (1.0 / counts[nonzero])[:, None]
    return sums


def lloyd_many(x, starts, max_iter=300, tol=1e-4):
    """:func:`lloyd` from each of several initial centres (runs x k x p), the runs advanced
    together (one array operation per iteration for all runs still moving): the list of
    :class:`KMeansRun` equals ``[lloyd(x, c, max_iter, tol) for c in starts]``."""
    x = np.asarray(x, dtype=float)
    centres = np.array(starts, dtype=float)
    if centres.ndim != 3 or centres.shape[2] != x.shape[1]:
        raise ValueError(msg("Initial centres of shape {centres} do not fit data of shape {data}",
                             "初始聚类中心的形状 {centres} 与数据的形状 {data} 不符",
                             centres=centres.shape, data=x.shape))
    runs, n = len(centres), len(x)
    threshold = _tolerance(x, tol)
    labels = np.full((runs, n), -1, dtype=np.intp)
    n_iter = np.zeros(runs, dtype=int)
    stable = np.zeros(runs, dtype=bool)
    active = np.arange(runs)
    for it in range(1, int(max_iter) + 1):
        if not len(active):
            break
        current = centres[active]
        new_labels = _nearest_many(x, current)
        new = _update_centres_many(x, new_labels, current)
        # per run, the sum of the k x p squared shifts as one contiguous row, as in lloyd
        shift = ((new - current) ** 2).reshape(len(active), -1).sum(axis=1)
        centres[active] = new
        n_iter[active] = it
        same = (new_labels == labels[active]).all(axis=1)
        stable[active[same]] = True
        labels[active] = new_labels
        active = active[~(same | (shift <= threshold))]
    redo = np.flatnonzero(~stable)
    if len(redo):
        labels[redo] = _nearest_many(x, centres[redo])
    return [KMeansRun(labels[r].copy(), _inertia(x, centres[r], labels[r]), centres[r].copy(), int(n_iter[r]))
            for r in range(runs)]


def _same_partition(a, b):
    """True when two labelings differ only by the names of the clusters."""
    pairs = len(np.unique(np.column_stack([a, b]), axis=0))
    return pairs == len(np.unique(a)) == len(np.unique(b))


def kmeans(x, k, seed=DEFAULT_SEED, n_init=DEFAULT_N_INIT, max_iter=300, tol=1e-4):
    """K-means with ``n_init`` k-means++ starts (:func:`kmeans_plusplus`, one
    ``numpy.random.RandomState(seed)`` drawn from in turn) each refined by :func:`lloyd`;
    the run with the lowest inertia is kept (a later run replaces an earlier one only with
    a strictly lower inertia and a different partition). The columns are centred first, as
    scikit-learn does; the centres are returned in the input's coordinates."""
    x = np.asarray(x, dtype=float)
    k = int(k)
    if not 1 <= k <= len(x):
        raise ValueError(msg("K-means needs 1 <= K <= number of rows; got K = {k} for {rows} rows",
                             "K 均值聚类要求 1 <= K <= 行数；实际 K = {k}，共 {rows} 行", k=k, rows=len(x)))
    mean = x.mean(axis=0)
    xc = x - mean
    rng = np.random.RandomState(int(seed))
    # the seedings draw from rng in turn; the Lloyd runs draw nothing, so they run together
    starts = np.stack([kmeans_plusplus(xc, k, rng)[0] for _ in range(int(n_init))])
    best = None
    for run in lloyd_many(xc, starts, max_iter=max_iter, tol=tol):
        if best is None or (run.inertia < best.inertia and not _same_partition(run.labels, best.labels)):
            best = run
    return KMeansRun(best.labels, best.inertia, best.centres + mean, best.n_iter)
