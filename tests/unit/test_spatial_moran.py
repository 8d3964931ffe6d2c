"""Global and local Moran of core/spatial/moran.py against PySAL's esda on the same weights
(libpysal queen, KNN and distance-band weights): statistics to 1e-9, permutation p-values
within Monte-Carlo error at 9,999 permutations, cluster classes identical where p is far from
the threshold; the false-discovery-rate rule by hand."""
import warnings

import numpy as np
import pytest
from shapely.geometry import Point, box

from megaregion.core.spatial import moran as mo
from megaregion.core.spatial import weights as sw
from peers import require

PERMS = 9999


def lattice(rows=6, cols=8):
    return [box(c, r, c + 1, r + 1) for r in range(rows) for c in range(cols)]


def values(n, seed, trend=0.35, cols=8):
    rng = np.random.default_rng(seed)
    return rng.normal(size=n) + trend * (np.arange(n) // cols)


def pysal_weights(kind, geoms, xy):
    libpysal = require("libpysal")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if kind == "queen":
            w = libpysal.weights.Queen.from_iterable(geoms)
        elif kind == "knn":
            w = libpysal.weights.KNN(xy, k=5)
        else:
            w = libpysal.weights.DistanceBand(xy, threshold=1.6, binary=True, silence_warnings=True)
    w.transform = "r"
    return w


def our_weights(kind, geoms, xy):
    if kind == "queen":
        return sw.queen_weights(geoms)
    if kind == "knn":
        return sw.knn_weights(xy[:, 0], xy[:, 1], 5, metric="euclidean")
    return sw.distance_band_weights(xy[:, 0], xy[:, 1], 1.6, metric="euclidean")


def scattered(n=50, seed=3):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 8, size=(n, 2))


def mc_tolerance(p, perms=PERMS):
    """Four standard errors of a permutation p-value, plus the grain of the counts."""
    return 4 * np.sqrt(np.clip(p, 1e-4, None) * (1 - np.clip(p, None, 1 - 1e-4)) / perms) + 2.0 / perms


@pytest.mark.parametrize("kind", ["queen", "knn", "distance"])
def test_same_weights_as_libpysal(kind):
    geoms = lattice()
    xy = scattered() if kind != "queen" else None
    ours = our_weights(kind, geoms, xy)
    theirs = pysal_weights(kind, geoms, xy)
    assert ours.n == theirs.n
    for i in range(ours.n):
        assert sorted(ours.neighbours[i]) == sorted(theirs.neighbors[i])
    assert np.allclose(ours.matrix(), theirs.full()[0], atol=1e-15)
    s0, s1, s2 = ours.sums()
    assert (s0, s1, s2) == pytest.approx((theirs.s0, theirs.s1, theirs.s2), abs=1e-9)


@pytest.mark.parametrize("kind", ["queen", "knn", "distance"])
def test_global_moran_equals_esda(kind):
    esda = require("esda")
    geoms = lattice()
    xy = scattered() if kind != "queen" else None
    n = 48 if kind == "queen" else 50
    y = values(n, 11) if kind == "queen" else xy[:, 1] * 0.3 + np.random.default_rng(5).normal(size=n)
    ours = mo.global_moran(y, our_weights(kind, geoms, xy), PERMS, rng=1)
    np.random.seed(2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = esda.Moran(y, pysal_weights(kind, geoms, xy), permutations=PERMS)
    assert ours.I == pytest.approx(theirs.I, abs=1e-9)
    assert ours.EI == pytest.approx(theirs.EI, abs=1e-12)
    assert ours.VI_norm == pytest.approx(theirs.VI_norm, abs=1e-9)
    assert ours.VI_rand == pytest.approx(theirs.VI_rand, abs=1e-9)
    assert ours.z_rand == pytest.approx(theirs.z_rand, abs=1e-9)
    assert abs(ours.p_sim - theirs.p_sim) <= mc_tolerance(theirs.p_sim)
    assert abs(ours.EI_sim - theirs.EI_sim) < 0.01


@pytest.mark.parametrize("kind", ["queen", "knn", "distance"])
def test_local_moran_equals_esda(kind):
    esda = require("esda")
    geoms = lattice()
    xy = scattered() if kind != "queen" else None
    n = 48 if kind == "queen" else 50
    y = values(n, 7) if kind == "queen" else xy[:, 0] * 0.4 + np.random.default_rng(8).normal(size=n)
    ours = mo.local_moran(y, our_weights(kind, geoms, xy), PERMS, rng=4, alpha=0.05, correction="none")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = esda.Moran_Local(y, pysal_weights(kind, geoms, xy), permutations=PERMS, seed=9)
    # islands (a distance band can leave some): esda writes I_i = 0, we leave them without one
    island = ours.quadrant == "ns"
    assert np.isnan(ours.Is[island]).all() and (theirs.Is[island] == 0).all()
    assert island.sum() <= 3
    keep = ~island
    assert np.allclose(ours.Is[keep], theirs.Is[keep], atol=1e-9, rtol=0)
    assert (np.abs(ours.p_sim[keep] - theirs.p_sim[keep]) <= mc_tolerance(theirs.p_sim[keep])).all()
    quad = np.array(["", "HH", "LH", "LL", "HL"])[theirs.q]
    assert (ours.quadrant[keep] == quad[keep]).all()
    # classes where esda's p is clearly on one side of 0.05
    far = keep & (np.abs(theirs.p_sim - 0.05) > mc_tolerance(0.05))
    theirs_cluster = np.where(theirs.p_sim <= 0.05, quad, "ns")
    assert far.sum() >= n - 10
    assert (ours.cluster[far] == theirs_cluster[far]).all()
    assert set(theirs_cluster) - {"ns"}, "the planted trend must give clusters, or the test checks nothing"


def test_islands_are_named_and_get_no_local_statistic():
    geoms = lattice(4, 4) + [box(10, 10, 11, 11)]
    w = sw.queen_weights(geoms)
    assert list(w.islands) == [16]
    y = values(17, 1, cols=4)
    local = mo.local_moran(y, w, 99, rng=0)
    assert np.isnan(local.Is[16]) and np.isnan(local.p_sim[16]) and local.cluster[16] == "ns"
    assert np.isfinite(local.Is[:16]).all()
    esda = require("esda")
    libpysal = require("libpysal")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pw = libpysal.weights.Queen.from_iterable(geoms)
        pw.transform = "r"
        theirs = esda.Moran(y, pw, permutations=0)
    assert mo.global_moran(y, w, 0).I == pytest.approx(theirs.I, abs=1e-9)


def test_vertex_contact_is_queen_but_not_a_gap():
    a, b, c = box(0, 0, 1, 1), box(1, 1, 2, 2), box(3, 0, 4, 1)
    w = sw.queen_weights([a, b, c])
    assert [list(n) for n in w.neighbours] == [[1], [0], []]
    assert [list(n) for n in sw.queen_weights([a, box(1.01, 0, 2, 1)], tolerance=0.02).neighbours] == [[1], [0]]
    assert [list(n) for n in sw.queen_weights([a, box(1.01, 0, 2, 1)]).neighbours] == [[], []]


def test_benjamini_hochberg_by_hand():
    p = np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, np.nan])
    # m = 8; thresholds k * 0.05 / 8: 0.00625, 0.0125, 0.01875, 0.025, 0.03125, 0.0375, 0.04375, 0.05
    assert list(mo.significant(p, 0.05, "fdr")) == [True, True] + [False] * 7
    assert list(mo.significant(p, 0.05, "bonferroni")) == [True] + [False] * 8
    assert list(mo.significant(p, 0.05, "none")) == [True] * 5 + [False] * 4
    p2 = np.array([0.01, 0.02, 0.03, 0.04])
    assert mo.significant(p2, 0.05, "fdr").all()   # p_(4) = 0.04 <= 0.05 rejects all four
    with pytest.raises(ValueError, match="correction"):
        mo.significant(p2, 0.05, "holm")


def test_reproducible_from_the_seed_and_cancellable():
    geoms = lattice()
    w = sw.queen_weights(geoms)
    y = values(48, 2)
    a = mo.local_moran(y, w, 999, rng=5)
    b = mo.local_moran(y, w, 999, rng=5)
    assert np.array_equal(a.p_sim, b.p_sim)
    seen = []
    with pytest.raises(mo.Cancelled):
        mo.local_moran(y, w, 5000, rng=5, monitor=lambda f: seen.append(f) or f < 0.3)
    assert seen and max(seen) >= 0.3


def test_constant_or_tiny_input_is_a_clear_error():
    w = sw.queen_weights(lattice(2, 2))
    with pytest.raises(ValueError, match="constant"):
        mo.global_moran(np.ones(4), w)
    with pytest.raises(ValueError, match="at least 4"):
        mo.global_moran(np.arange(3.0), sw.queen_weights(lattice(1, 3)))
    with pytest.raises(ValueError, match="finite"):
        mo.local_moran(np.array([1.0, np.nan, 2.0, 3.0]), w)


def test_knn_refuses_k_beyond_the_cities():
    pts = [Point(i, 0) for i in range(4)]
    with pytest.raises(ValueError, match="choose K from 1 to 3"):
        sw.knn_weights([p.x for p in pts], [p.y for p in pts], 4, metric="euclidean")


def test_invalid_polygons_are_repaired_for_contiguity():
    from shapely.geometry import Polygon

    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])   # self-intersecting, as web-simplified borders are
    assert not bowtie.is_valid
    fixed, repaired = sw.valid_polygons([bowtie, box(1, 0, 2, 1), None])
    assert repaired == [0] and fixed[0].is_valid and fixed[2] is None
    assert fixed[0].area == pytest.approx(0.5)
    assert [list(n) for n in sw.queen_weights(fixed[:2]).neighbours] == [[1], [0]]


def test_permutation_p_of_four_cities_equals_exact_enumeration():
    """With four cities the 24 arrangements can be listed: the permuted p converges to the
    folded share of arrangements at least as large, ties (the observed arrangement itself and
    its mirror) included."""
    import itertools

    w = sw.queen_weights(lattice(1, 4))
    y = np.array([1.0, 2.0, 3.0, 4.5])
    z = y - y.mean()
    m = w.matrix()
    values = np.array([4 / m.sum() * np.array(p) @ m @ np.array(p) / (z @ z) for p in itertools.permutations(z)])
    ours = mo.global_moran(y, w, PERMS, rng=0)
    at_least = int((values >= ours.I - 1e-12).sum())
    exact = min(at_least, 24 - at_least) / 24
    assert at_least == 2   # the observed order and its reverse
    assert abs(ours.p_sim - exact) <= mc_tolerance(exact)
