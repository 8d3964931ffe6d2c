"""K-means typology of profile vectors (method.md section 4), independent of what the
profiles are (gaps to the cores, or trends between two years).

- K-means (:func:`kmeans`, in :mod:`megaregion.core.kmeans`): greedy k-means++ seeding (Arthur & Vassilvitskii 2007) and
  Lloyd's algorithm (Lloyd 1982) over numpy, with a fixed seed and many initialisations,
  the lowest inertia kept; the stopping rule, tolerance and seeding follow scikit-learn's
  ``KMeans(algorithm="lloyd")``, which the tests use as the independent check. The rows
  are put in a canonical order (lexicographic on their values) before clustering, so the
  result does not depend on the input order.
- K is chosen by the mean silhouette over K = 2..K_max (K_max <= n - 1 and <= the number
  of distinct profiles); ties go to the smaller K. A fixed K is allowed.
- Silhouette of city i (Rousseeuw 1987): ``a_i`` = mean Euclidean distance to the other
  members of its cluster, ``b_i`` = smallest mean distance to the members of another
  cluster, ``s_i = (b_i - a_i) / max(a_i, b_i)``; ``s_i = 0`` in a single-member cluster
  (the scikit-learn convention).
- Sums of squares: ``W = sum_i ||x_i - c_l(i)||^2``, ``B = sum_k n_k ||c_k - xbar||^2``,
  ``T = sum_i ||x_i - xbar||^2 = W + B`` with ``c_k`` the cluster means.
- Types are labelled A, B, C ... by descending mean of the centre over the indicators
  (for gaps: closest to, or ahead of, the cores first; for trends: most improved first);
  ties by the centre's values.
- PCA: the centred matrix ``X - xbar = U S V^T``; components are the first two rows of
  ``V^T`` with each sign fixed so that its largest-magnitude coefficient is positive;
  scores ``(X - xbar) V``; explained variance ratio ``S_k^2 / sum S^2``.
"""
from dataclasses import dataclass, field
from string import ascii_uppercase

import numpy as np
import pandas as pd

from .indicators import field_in_words
from .messages import msg
from .type_texts import describe_type_zh, is_zh

from .kmeans import (  # noqa: F401  (K-means itself lives in .kmeans; these names stay public here)
    DEFAULT_N_INIT,
    DEFAULT_SEED,
    KMeansRun,
    _assign,
    _inertia,
    _same_partition,
    _squared_distances,
    _tolerance,
    _update_centres,
    kmeans,
    kmeans_plusplus,
    lloyd,
    lloyd_many,
)

DEFAULT_K_MAX = 8
#: What the rows are, in messages ("at least 3 cities"); a typology names its own rows.
CITIES = msg("cities", "城市")


def type_letters(k):
    """``['A', 'B', ...]``; after Z: AA, AB, ..."""
    letters = []
    for i in range(k):
        name = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            name = ascii_uppercase[r] + name
        letters.append(name)
    return letters


def _distance_sums(x, member, chunk=256):
    """Sum of Euclidean distances from every row to the members of each cluster (n x k),
    computed in row blocks so memory stays O(chunk x n)."""
    out = np.empty((len(x), member.shape[0]))
    weights = member.T.astype(float)
    for start in range(0, len(x), chunk):
        block = x[start:start + chunk]
        d = np.sqrt(((block[:, None, :] - x[None, :, :]) ** 2).sum(axis=2))
        out[start:start + chunk] = d @ weights
    return out


def silhouette_samples(x, labels):
    """Silhouette of every row (Rousseeuw 1987), Euclidean distance. See the module docstring."""
    x = np.asarray(x, dtype=float)
    labels = np.asarray(labels)
    clusters = np.unique(labels)
    if not 2 <= len(clusters) <= len(x) - 1:
        raise ValueError(msg("Silhouette needs 2 <= number of clusters <= n - 1; got {clusters} "
                             "clusters for {n} cities",
                             "轮廓系数要求 2 <= 类别数 <= n - 1；实际为 {clusters} 个类别、{n} 个城市",
                             clusters=len(clusters), n=len(x)))
    member = labels[None, :] == clusters[:, None]          # clusters x n
    sizes = member.sum(axis=1)
    mean_to = _distance_sums(x, member)                    # n x clusters: sum of distances
    own = np.searchsorted(clusters, labels)
    own_size = sizes[own]
    a = mean_to[np.arange(len(x)), own] / np.maximum(own_size - 1, 1)
    others = mean_to / sizes[None, :]
    others[np.arange(len(x)), own] = np.inf
    b = others.min(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = (b - a) / np.maximum(a, b)
    s[own_size == 1] = 0.0
    return np.nan_to_num(s, nan=0.0)


def silhouette_score(x, labels):
    """Mean silhouette over all rows."""
    return float(np.mean(silhouette_samples(x, labels)))


def cluster_means(x, labels, k):
    return np.vstack([x[labels == j].mean(axis=0) for j in range(k)])


def sums_of_squares(x, labels, k):
    """``(within, between, total, within_per_cluster)``; see the module docstring."""
    x = np.asarray(x, dtype=float)
    centres = cluster_means(x, labels, k)
    grand = x.mean(axis=0)
    within_k = np.array([((x[labels == j] - centres[j]) ** 2).sum() for j in range(k)])
    sizes = np.bincount(labels, minlength=k)
    between = float((sizes * ((centres - grand) ** 2).sum(axis=1)).sum())
    total = float(((x - grand) ** 2).sum())
    return float(within_k.sum()), between, total, within_k


def pca_2d(x):
    """Two-component PCA with the sign rule: ``(scores n x 2, components 2 x p, explained 2)``.

    With one indicator the second component is all zero."""
    x = np.asarray(x, dtype=float)
    centred = x - x.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    components = np.zeros((2, x.shape[1]))
    explained = np.zeros(2)
    total = (s ** 2).sum()
    for j in range(min(2, len(s))):
        comp = vt[j].copy()
        if comp[np.argmax(np.abs(comp))] < 0:
            comp = -comp
        components[j] = comp
        explained[j] = s[j] ** 2 / total if total > 0 else 0.0
    return centred @ components.T, components, explained


def _kmeans(x, k, seed, n_init):
    """``(labels, inertia)`` of :func:`kmeans`."""
    run = kmeans(x, k, seed=seed, n_init=n_init)
    return run.labels, run.inertia


@dataclass
class Clustering:
    """Result of :func:`cluster_profiles`; arrays are in the input row order."""
    k: int
    k_chosen_by: str
    labels: np.ndarray                  # type letter per row
    silhouette: np.ndarray              # silhouette per row
    mean_silhouette: float
    centres: np.ndarray                 # k x p, in label order A, B, ...
    sizes: np.ndarray
    within_ss: float
    between_ss: float
    total_ss: float
    within_ss_by_type: np.ndarray
    between_ss_by_type: np.ndarray      # n_k ||c_k - xbar||^2; sums to between_ss
    silhouette_by_k: pd.DataFrame       # columns k, mean_silhouette, within_ss
    pca_scores: np.ndarray              # n x 2
    pca_components: np.ndarray          # 2 x p
    pca_explained: np.ndarray           # 2
    messages: list = field(default_factory=list)

    @property
    def type_names(self):
        return type_letters(self.k)


def candidate_k(n, n_distinct, k_max):
    """The K values a silhouette search may try: 2..min(k_max, n - 1, n_distinct)."""
    return list(range(2, min(int(k_max), n - 1, n_distinct) + 1))


def cluster_profiles(x, k=None, k_max=DEFAULT_K_MAX, seed=DEFAULT_SEED, n_init=DEFAULT_N_INIT,
                     what=CITIES):
    """Cluster the rows of ``x`` (cities x indicators, complete) into labelled types.

    ``k=None`` chooses K by the mean silhouette over 2..K_max (K_max is capped at n - 1 and
    at the number of distinct rows, with a message); an integer fixes K. ``what`` names the
    rows in messages (a :func:`~megaregion.core.messages.msg` for both languages).
    """
    x = np.asarray(x, dtype=float)
    if x.ndim != 2 or x.shape[1] == 0:
        raise ValueError(msg("The profile matrix needs at least one indicator column",
                             "特征矩阵至少需要一个指标列"))
    if np.isnan(x).any():
        raise ValueError(msg("The profile matrix has missing values: exclude incomplete cities first",
                             "特征矩阵含有缺失值：请先剔除数值不完整的城市"))
    n = len(x)
    order = np.lexsort(x.T[::-1])       # canonical order: the result ignores the row order
    xs = x[order]
    n_distinct = len(np.unique(xs, axis=0))
    messages = []
    if k is not None:
        k = int(k)
        if k < 2:
            raise ValueError(msg("K = {k}: a typology needs K >= 2", "K = {k}：类型划分要求 K >= 2", k=k))
        if k > n - 1:
            raise ValueError(msg("K = {k} needs at least {need} {what} with complete values; "
                                 "there are {n}. Choose K <= {most} or add {what}",
                                 "K = {k} 至少需要 {need} 个数值完整的{what}，现有 {n} 个。请选择 K <= {most} 或增加{what}",
                                 k=k, need=k + 1, what=what, n=n, most=n - 1))
        if k > n_distinct:
            raise ValueError(msg("K = {k} but only {distinct} {what} have distinct profiles; "
                                 "choose K <= {distinct}",
                                 "K = {k}，但只有 {distinct} 个{what}的特征互不相同；请选择 K <= {distinct}",
                                 k=k, distinct=n_distinct, what=what))
        ks = [k]
    else:
        if k_max < 2:
            raise ValueError(msg("K_max = {k_max}: the silhouette search needs K_max >= 2",
                                 "K_max = {k_max}：按轮廓系数选择 K 要求 K_max >= 2", k_max=k_max))
        if n < 3:
            raise ValueError(msg("A typology needs at least 3 {what} with complete values; there are {n}",
                                 "类型划分至少需要 3 个数值完整的{what}，现有 {n} 个", what=what, n=n))
        ks = candidate_k(n, n_distinct, k_max)
        if not ks:
            raise ValueError(msg("Only {distinct} distinct profile(s) among {n} {what}: nothing to cluster",
                                 "{n} 个{what}中只有 {distinct} 种不同的特征：无法聚类",
                                 distinct=n_distinct, n=n, what=what))
        if ks[-1] < k_max:
            messages.append(msg("K_max lowered from {k_max} to {k} ({n} {what}, {distinct} distinct "
                                "profiles; the silhouette needs K <= n - 1)",
                                "K_max 由 {k_max} 降为 {k}（{n} 个{what}，{distinct} 种不同特征；轮廓系数要求 K <= n - 1）",
                                k_max=k_max, k=ks[-1], n=n, what=what, distinct=n_distinct))
    rows = []
    fits = {}
    for kk in ks:
        lab, _ = _kmeans(xs, kk, seed, n_init)
        fits[kk] = lab
        within = sums_of_squares(xs, lab, kk)[0]
        rows.append({"k": kk, "mean_silhouette": silhouette_score(xs, lab), "within_ss": within})
    table = pd.DataFrame(rows, columns=["k", "mean_silhouette", "within_ss"])
    best = table["mean_silhouette"].max()
    chosen = int(table.loc[table["mean_silhouette"] >= best - 1e-12, "k"].min())
    raw = fits[chosen]

    # relabel: descending mean of the centre, then the centre's values (descending)
    centres = cluster_means(xs, raw, chosen)
    keys = [(-c.mean(),) + tuple(-c) for c in centres]
    rank = sorted(range(chosen), key=lambda j: keys[j])
    new_of_old = np.empty(chosen, dtype=int)
    new_of_old[rank] = np.arange(chosen)
    lab_sorted = new_of_old[raw]

    labels_num = np.empty(n, dtype=int)
    labels_num[order] = lab_sorted
    centres = cluster_means(x, labels_num, chosen)
    within, between, total, within_k = sums_of_squares(x, labels_num, chosen)
    sil = silhouette_samples(x, labels_num)
    scores, components, explained = pca_2d(x)
    letters = np.array(type_letters(chosen), dtype=object)
    sizes = np.bincount(labels_num, minlength=chosen)
    return Clustering(
        k=chosen, k_chosen_by="fixed" if k is not None else "silhouette",
        labels=letters[labels_num], silhouette=sil, mean_silhouette=float(sil.mean()),
        centres=centres, sizes=sizes,
        within_ss=within, between_ss=between, total_ss=total, within_ss_by_type=within_k,
        between_ss_by_type=sizes * ((centres - x.mean(axis=0)) ** 2).sum(axis=1),
        silhouette_by_k=table, pca_scores=scores, pca_components=components,
        pca_explained=explained, messages=messages)


def _fmt(v):
    return f"{v:+.2f}"


def _join(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def describe_type(label, size, centre_by_dimension, all_mean_by_dimension, all_sd_by_dimension,
                  rank, k, kind="gap", lang="en"):
    """A sentence describing a type from its profile (per dimension, in profile units).

    Names the dimension(s) where the type is closest to / furthest from the cores (gap) or
    gains / loses most (trend), and the dimensions where its centre differs from the mean
    of all clustered cities by at least half a standard deviation. ``lang="zh"`` writes it
    in Chinese (:func:`megaregion.core.type_texts.describe_type_zh`).
    """
    centre = pd.Series(centre_by_dimension, dtype=float)
    mean_all = pd.Series(all_mean_by_dimension, dtype=float)
    sd_all = pd.Series(all_sd_by_dimension, dtype=float)
    overall = float(centre.mean())
    ordered = centre.sort_values(ascending=False, kind="mergesort")
    diff = centre - mean_all
    threshold = 0.5 * sd_all
    better = [d for d in ordered.index if diff[d] > 0 and diff[d] >= threshold[d] and threshold[d] > 0]
    worse = [d for d in ordered.index[::-1] if diff[d] < 0 and -diff[d] >= threshold[d] and threshold[d] > 0]
    if is_zh(lang):
        return describe_type_zh(label, size, centre, mean_all, sd_all, ordered, better, worse, rank, k, kind)
    top_name, top = field_in_words(ordered.index[0]), ordered.iloc[0]
    low_name, low = field_in_words(ordered.index[-1]), ordered.iloc[-1]
    noun = "city" if size == 1 else "cities"
    if kind == "gap":
        position = ("closest to the cores" if rank == 0 else
                    "furthest behind the cores" if rank == k - 1 else f"rank {rank + 1} by closeness to the cores")
        parts = [f"Type {label} ({size} {noun}; mean gap over the dimensions {_fmt(overall)}, {position} of {k} types)."]
        if len(centre) == 1:
            parts.append(f"Gap to the cores in {top_name}: {_fmt(top)}.")
        else:
            if top <= 0:
                parts.append(f"Gap to the cores smallest in {top_name} ({_fmt(top)}), "
                             f"largest in {low_name} ({_fmt(low)}).")
            elif low < 0:
                parts.append(f"Ahead of the cores in {top_name} ({_fmt(top)}); "
                             f"gap largest in {low_name} ({_fmt(low)}).")
            else:
                parts.append(f"Ahead of the cores in every dimension: most in {top_name} ({_fmt(top)}), "
                             f"least in {low_name} ({_fmt(low)}).")
        better_word, worse_word = "smaller gap", "larger gap"
    else:
        position = ("most improved" if rank == 0 else
                    "least improved" if rank == k - 1 else f"rank {rank + 1} by improvement")
        parts = [f"Trend {label} ({size} {noun}; mean change over the dimensions {_fmt(overall)}, {position} of {k} trends)."]
        if len(centre) == 1:
            parts.append(f"Change in {top_name}: {_fmt(top)}.")
        else:
            gain = (f"largest gain in {top_name} ({_fmt(top)})" if top > 0
                    else f"smallest loss in {top_name} ({_fmt(top)})")
            loss = (f"largest loss in {low_name} ({_fmt(low)})" if low < 0
                    else f"smallest gain in {low_name} ({_fmt(low)})")
            parts.append(gain[0].upper() + gain[1:] + "; " + loss + ".")
        better_word, worse_word = "faster gains", "slower gains"
    if better or worse:
        bits = []
        if better:
            bits.append(f"{better_word} in {_join(field_in_words(d) for d in better)}")
        if worse:
            bits.append(f"{worse_word} in {_join(field_in_words(d) for d in worse)}")
        parts.append("Compared with all secondary cities: " + "; ".join(bits) + ".")
    return " ".join(parts)
