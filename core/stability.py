"""How stable is each type? Hennig's cluster-wise Jaccard bootstrap (Hennig 2007).

A typology of a few hundred secondary cities always finds K types; whether a type is a
feature of the data or of this sample is asked by resampling the cities:

1. Draw ``n`` of the ``n`` clustered cities uniformly with replacement (a bootstrap
   resample, :func:`bootstrap_draws`).
2. Cluster the resample again into the same K types with the same K-means settings
   (:func:`megaregion.core.kmeans.kmeans`: k-means++, the same seed and number of
   initialisations).
3. For each original type ``C`` and each new cluster ``D``, the Jaccard similarity on the
   distinct cities of the resample, ``X*`` (the cities of the original data drawn at least
   once; a city drawn twice counts once):

       gamma(C, D) = |C ∩ D| / |C ∪ D|    with C restricted to X*

   and the type's similarity in this resample is the best match, ``max_D gamma(C, D)``.
   A type none of whose cities was drawn has no similarity in that resample.
4. The stability of a type is the mean of its best matches over the resamples in which it
   had at least one city (Hennig 2007, whose R implementation is ``fpc::clusterboot``).

Hennig reads a stability of at most 0.5 as a dissolved type, 0.6 to 0.75 as a pattern
without much trust, above 0.85 as highly stable; a type under :data:`UNSTABLE_BELOW` (0.6)
is described as unstable.

Reproducible: the resamples come from ``numpy.random.RandomState([seed, 1])`` (a stream of
the seed different from K-means's ``RandomState(seed)``), NumPy's frozen legacy generator,
so the same seed gives the same draws on every NumPy version. The rows are put in the
canonical (lexicographic) order of :func:`~megaregion.core.kmeans_typology.cluster_profiles`
before drawing, so the stability does not depend on the input's row order. The Jaccard
similarities of all resamples are one array operation; each resample is re-clustered by one
K-means whose N_INIT runs advance together (:func:`megaregion.core.kmeans.lloyd_many`).

Reference: Hennig, C. (2007). Cluster-wise assessment of cluster stability.
Computational Statistics & Data Analysis 52(1), 258-271.
"""
from dataclasses import dataclass

import numpy as np

from .kmeans import DEFAULT_N_INIT, DEFAULT_SEED, kmeans
from .messages import msg

DEFAULT_RESAMPLES = 100
MAX_RESAMPLES = 10000
UNSTABLE_BELOW = 0.6


@dataclass
class Stability:
    """Result of :func:`cluster_stability`; per type in label order 0..K-1."""
    stability: np.ndarray   # K: mean best Jaccard over the resamples where the type was drawn (NaN if never)
    drawn: np.ndarray       # K: number of resamples in which the type had at least one city
    jaccard: np.ndarray     # resamples x K: best Jaccard per resample (NaN where the type was not drawn)
    resamples: int

    @property
    def unstable(self):
        """True for a type whose stability is under :data:`UNSTABLE_BELOW`."""
        with np.errstate(invalid="ignore"):
            return self.stability < UNSTABLE_BELOW


def check_resamples(resamples, name="STABILITY_RESAMPLES"):
    """``resamples`` as an int in 0..:data:`MAX_RESAMPLES`, else a ValueError naming it.

    >>> check_resamples(100.0)
    100
    >>> check_resamples(-1)
    Traceback (most recent call last):
    ...
    ValueError: STABILITY_RESAMPLES = -1: use a whole number from 0 (off) to 10000, e.g. 100
    """
    try:
        value = float(resamples)
    except (TypeError, ValueError):
        value = float("nan")
    if not (value == value and value == int(value) and 0 <= value <= MAX_RESAMPLES):
        raise ValueError(msg("{name} = {value!r}: use a whole number from 0 (off) to {most}, e.g. {default}",
                             "{name} = {value!r}：请使用 0（关闭）到 {most} 之间的整数，如 {default}",
                             name=name, value=resamples, most=MAX_RESAMPLES, default=DEFAULT_RESAMPLES))
    return int(value)


def bootstrap_draws(n, resamples, seed=DEFAULT_SEED):
    """``resamples x n`` row indices, each row a draw of ``n`` of ``range(n)`` with
    replacement, from ``numpy.random.RandomState([seed, 1])``.

    >>> bootstrap_draws(4, 2, seed=0).shape
    (2, 4)
    >>> bool((bootstrap_draws(5, 3, seed=7) == bootstrap_draws(5, 3, seed=7)).all())
    True
    """
    rng = np.random.RandomState([int(seed), 1])
    return rng.randint(0, int(n), size=(int(resamples), int(n)))


def canonical_order(x):
    """The lexicographic row order of ``x`` that :func:`~megaregion.core.kmeans_typology.
    cluster_profiles` clusters in (first column first).

    >>> canonical_order(np.array([[2.0, 0.0], [1.0, 5.0], [1.0, 3.0]])).tolist()
    [2, 1, 0]
    """
    x = np.asarray(x, dtype=float)
    return np.lexsort(x.T[::-1])


def jaccard_best_match(labels, new_labels, drawn, k):
    """Best Jaccard similarity of every original type in every resample.

    ``labels``: the original type (0..k-1) of the n cities; ``new_labels``: resamples x n,
    the new cluster (0..k-1) of each city in each resample (ignored where not drawn);
    ``drawn``: resamples x n booleans, the city was drawn at least once. Returns
    resamples x k, NaN where the type had no drawn city.

    >>> jaccard_best_match(np.array([0, 0, 1, 1]), np.array([[1, 1, 0, 0], [0, 1, 1, 1]]),
    ...                    np.array([[True, True, True, False], [True, True, True, True]]), 2).tolist()
    [[1.0, 1.0], [0.5, 0.6666666666666666]]
    """
    labels = np.asarray(labels)
    drawn = np.asarray(drawn, dtype=bool)
    original = (labels[:, None] == np.arange(k)[None, :]).astype(float)            # n x k
    new = ((np.asarray(new_labels)[:, :, None] == np.arange(k)[None, None, :])
           & drawn[:, :, None]).astype(float)                                      # B x n x k
    # counts of 0/1 products: exact integers, so the ratios equal those of set sizes
    inter = np.einsum("nk,bnl->bkl", original, new)                                 # B x k x k
    size_c = drawn.astype(float) @ original                                         # B x k
    size_d = new.sum(axis=1)                                                        # B x k
    union = size_c[:, :, None] + size_d[:, None, :] - inter
    jaccard = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
    best = jaccard.max(axis=2)
    best[size_c == 0] = np.nan
    return best


def cluster_stability(x, labels, k, resamples=DEFAULT_RESAMPLES, seed=DEFAULT_SEED,
                      n_init=DEFAULT_N_INIT, draws=None):
    """Hennig's cluster-wise Jaccard bootstrap of a K-means typology (module docstring).

    ``x``: cities x indicators (complete); ``labels``: each city's type 0..k-1 (the
    clustering of ``x`` to assess); ``seed`` and ``n_init``: the K-means settings of that
    clustering, also the seed of the resamples. ``draws`` (resamples x n indices into the
    rows of ``x`` in :func:`canonical_order`) replaces the drawn resamples, for checking
    against an independent implementation. Returns a :class:`Stability`.
    """
    x = np.asarray(x, dtype=float)
    labels = np.asarray(labels, dtype=int)
    n = len(x)
    k = int(k)
    if labels.shape != (n,) or (len(labels) and not 0 <= labels.min() <= labels.max() < k):
        raise ValueError(msg("labels must give each of the {n} rows a type from 0 to {last}",
                             "labels 必须为 {n} 行中的每一行给出 0 到 {last} 之间的类型", n=n, last=k - 1))
    order = canonical_order(x)
    xs, ls = x[order], labels[order]
    if draws is None:
        draws = bootstrap_draws(n, check_resamples(resamples), seed)
    draws = np.asarray(draws, dtype=int)
    count = len(draws)
    drawn = np.zeros((count, n), dtype=bool)
    new_labels = np.zeros((count, n), dtype=int)
    rows = np.arange(count)[:, None]
    drawn[rows, draws] = True
    for b in range(count):
        run = kmeans(xs[draws[b]], k, seed=seed, n_init=n_init)
        # a city drawn twice is the same point twice: both copies get the same cluster
        new_labels[b, draws[b]] = run.labels
    best = jaccard_best_match(ls, new_labels, drawn, k)
    present = ~np.isnan(best)
    times = present.sum(axis=0)
    total = np.where(present, best, 0.0).sum(axis=0)
    stability = np.divide(total, times, out=np.full(k, np.nan), where=times > 0)
    return Stability(stability=stability, drawn=times, jaccard=best, resamples=count)
