"""K-means of the typology (core/kmeans_typology.py): greedy k-means++ seeding and Lloyd's
algorithm over numpy, checked by hand and against scikit-learn's KMeans."""
import contextlib
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from peers import require

from megaregion.core import kmeans_typology as km
from megaregion.core.messages import in_language

import _pkg


def single_thread():
    """scikit-learn's OpenMP threads only wait on a busy machine; one thread gives the same
    result faster."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - shipped with scikit-learn
        return contextlib.nullcontext()
    return threadpool_limits(limits=1)


def sklearn_kmeans():
    return require("sklearn.cluster").KMeans


def same_seed_stream():
    """scikit-learn >= 1.3 draws the first k-means++ centre as ``choice(n, p=w / w.sum())``,
    as :func:`km.kmeans_plusplus` does; 1.2 and older drew ``randint(n)``, so the same seed
    gives other starts there and only comparisons from given centres apply."""
    sklearn = require("sklearn")
    major, minor = (int(v) for v in sklearn.__version__.split(".")[:2])
    if (major, minor) < (1, 3):
        reason = f"scikit-learn {sklearn.__version__} draws the first k-means++ centre with randint"
        if os.environ.get("MEGAREGION_REQUIRE_PEERS") == "1":
            pytest.fail(reason + ": the test environment needs scikit-learn >= 1.3")
        pytest.skip(reason)


def problem(seed):
    """A seeded random problem: n in 20..199, p in 1..6, k in 2..8; every other problem is
    structureless Gaussian noise, the rest Gaussian groups (their number unrelated to k) of
    random spread."""
    rng = np.random.default_rng(1000 + seed)
    n, p, k = int(rng.integers(20, 200)), int(rng.integers(1, 7)), int(rng.integers(2, 9))
    if seed % 2 == 0:
        return rng.normal(size=(n, p)), k
    groups = int(rng.integers(2, 9))
    centres = 3 * rng.normal(size=(groups, p))
    return centres[rng.integers(0, groups, n)] + rng.uniform(0.3, 1.0) * rng.normal(size=(n, p)), k


def planted(seed, k, p, spread=0.05):
    """k groups of 5..24 rows, noise ``spread``, around centres at least 3 apart: the first
    column holds 0, 3, ..., 3(k - 1) in a random order, the others uniform in [-1, 1]."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(5, 25, k)
    centres = rng.uniform(-1, 1, size=(k, p))
    centres[:, 0] = 3.0 * rng.permutation(k)
    x = np.vstack([c + spread * rng.normal(size=(s, p)) for c, s in zip(centres, sizes)])
    truth = np.repeat(np.arange(k), sizes)
    perm = rng.permutation(len(x))
    return x[perm], truth[perm]


# ------------------------------------------------------------------ worked examples

X1 = np.array([[0.0], [1.0], [3.0], [10.0], [11.0], [12.0]])


def test_lloyd_worked_example_one_dimension():
    # start at 0 and 1: step 1 assigns {0} and {1, 3, 10, 11, 12} -> centres 0 and 37/5;
    # step 2 assigns {0, 1, 3} and {10, 11, 12} -> centres 4/3 and 11; step 3 keeps that.
    run = km.lloyd(X1, [[0.0], [1.0]])
    assert run.labels.tolist() == [0, 0, 0, 1, 1, 1]
    assert run.centres.tolist() == [[4 / 3], [11.0]]
    assert run.n_iter == 3
    # (4/3)^2 + (1/3)^2 + (5/3)^2 + 1 + 0 + 1 = 42/9 + 2
    assert run.inertia == pytest.approx(42 / 9 + 2, rel=1e-15)
    best = km.kmeans(X1, 2, seed=0, n_init=5)
    assert best.labels.tolist() in ([0, 0, 0, 1, 1, 1], [1, 1, 1, 0, 0, 0])
    assert best.inertia == pytest.approx(42 / 9 + 2, rel=1e-15)
    assert km._kmeans(X1, 2, 0, 5)[1] == best.inertia


def test_empty_cluster_takes_the_row_farthest_from_its_centre():
    # centres 0, 12, 100: step 1 leaves the third cluster empty; the rows' squared distances
    # to their own centres are 0, 1, 9, 4, 1, 0, so row 2 (x = 3) moves to it and the first
    # cluster keeps {0, 1} (mean 0.5). Step 2 keeps the centres: shift 0, stop.
    run = km.lloyd(X1, [[0.0], [12.0], [100.0]])
    assert run.centres.tolist() == [[0.5], [11.0], [3.0]]
    assert run.labels.tolist() == [0, 0, 2, 1, 1, 1]
    assert run.n_iter == 2
    assert run.inertia == 0.25 + 0.25 + 0 + 1 + 0 + 1
    # two empty clusters (centres 100 and 200) take the two farthest rows in descending
    # distance: x = 3 (9) goes to the third, x = 10 (4) to the fourth; the second keeps
    # {11, 12} (mean 11.5). Step 2 assigns x = 3 and x = 10 to those centres, which stay
    # where they are: shift 0, stop.
    run = km.lloyd(X1, [[0.0], [12.0], [100.0], [200.0]])
    assert run.centres.tolist() == [[0.5], [11.5], [3.0], [10.0]]
    assert run.labels.tolist() == [0, 0, 2, 3, 1, 1]
    assert run.n_iter == 2 and run.inertia == 1.0


class ScriptedDraws:
    """A stand-in for RandomState that returns scripted draws and records the calls."""

    def __init__(self, first, uniforms):
        self.first, self.uniforms, self.calls = first, list(uniforms), []

    def choice(self, n, p):
        self.calls.append(("choice", n, p.tolist()))
        return self.first

    def uniform(self, size):
        self.calls.append(("uniform", size))
        return np.array(self.uniforms.pop(0))


def test_kmeans_plusplus_worked_example():
    # first centre row 0 (x = 0): squared distances 0 1 9 100 121 144, cumulative
    # 0 1 10 110 231 375. k = 2 -> 2 + int(ln 2) = 2 trials; draws 0.5 and 0.01 of 375 =
    # 187.5 and 3.75 pick rows 4 (x = 11) and 2 (x = 3). With 11 the potential is
    # 0+1+9+1+0+1 = 12, with 3 it is 0+1+0+49+64+81 = 195: row 4 wins.
    rng = ScriptedDraws(0, [[0.5, 0.01]])
    centres, indices = km.kmeans_plusplus(X1, 2, rng)
    assert indices.tolist() == [0, 4] and centres.tolist() == [[0.0], [11.0]]
    assert rng.calls == [("choice", 6, [1 / 6] * 6), ("uniform", 2)]
    # k = 3 -> 2 + int(ln 3) = 3 trials per centre. From x = 12: squared distances
    # 144 121 81 4 1 0 (sum 351, cumulative 144 265 346 350 351 351); draws 315.9, 175.5,
    # 35.1 pick rows 2, 1, 0 (x = 3, 1, 0) leaving potentials 18, 10, 15: row 1. Then the
    # distances are 1 0 4 4 1 0 (sum 10, cumulative 1 1 5 9 10 10); draws 9.5, 3, 0.5 pick
    # rows 4, 2, 0 (x = 11, 3, 0) leaving 6, 6, 9: a tie, the first drawn (row 4) wins.
    rng = ScriptedDraws(5, [[0.9, 0.5, 0.1], [0.95, 0.3, 0.05]])
    _, indices = km.kmeans_plusplus(X1, 3, rng)
    assert rng.calls[1:] == [("uniform", 3), ("uniform", 3)]
    assert indices.tolist() == [5, 1, 4]


def test_same_seed_same_result():
    x, k = problem(3)
    a, b = km.kmeans(x, k, seed=7, n_init=5), km.kmeans(x, k, seed=7, n_init=5)
    assert np.array_equal(a.labels, b.labels) and a.inertia == b.inertia
    np.testing.assert_array_equal(a.centres, b.centres)
    # one start is the first start of five: the kept run is never worse
    one = km.kmeans(x, k, seed=7, n_init=1)
    assert a.inertia <= one.inertia
    # well-separated groups: every seed finds the same partition
    x, truth = planted(11, 4, 3)
    for seed in range(5):
        assert km._same_partition(km.kmeans(x, 4, seed=seed, n_init=3).labels, truth)


def test_labels_are_consistent_with_returned_centres():
    for seed in range(20):
        x, k = problem(seed)
        run = km.kmeans(x, k, seed=seed, n_init=2, max_iter=3)   # stopped early on purpose
        d = ((x[:, None, :] - run.centres[None, :, :]) ** 2).sum(axis=2)
        assert np.array_equal(run.labels, d.argmin(axis=1))
        assert run.inertia == pytest.approx(d.min(axis=1).sum(), rel=1e-12)


def test_row_order_does_not_change_the_typology():
    rng = np.random.default_rng(5)
    for x in (rng.normal(size=(60, 3)), planted(6, 5, 2)[0]):
        base = km.cluster_profiles(x, k_max=6)
        for _ in range(3):
            perm = rng.permutation(len(x))
            other = km.cluster_profiles(x[perm], k_max=6)
            assert other.k == base.k and list(other.labels) == list(base.labels[perm])
            np.testing.assert_allclose(other.silhouette_by_k["within_ss"], base.silhouette_by_k["within_ss"],
                                       rtol=1e-12)


def test_runs_advanced_together_equal_single_runs_bit_for_bit():
    """lloyd_many (the runs of kmeans) against lloyd one start at a time: the same labels,
    centres, inertia and iterations, also with duplicate rows, empty clusters (a start with
    centres far from the data) and stops by tolerance or iteration limit."""
    checked = relocated = 0
    for seed in range(60):
        x, k = problem(seed)
        if seed % 3 == 0:
            x = np.round(x)                      # many duplicate rows
        starts = np.stack([km.kmeans_plusplus(x, k, np.random.RandomState(seed + i))[0] for i in range(6)])
        starts[0] = x[0] + 100.0 * np.arange(k)[:, None]     # all but one cluster empty at first
        for max_iter, tol in ((300, 1e-4), (2, 1e-4), (300, 0.0), (300, 0.5)):
            many = km.lloyd_many(x, starts, max_iter=max_iter, tol=tol)
            for start, run in zip(starts, many):
                one = km.lloyd(x, start, max_iter=max_iter, tol=tol)
                assert np.array_equal(run.labels, one.labels) and np.array_equal(run.centres, one.centres)
                assert run.inertia == one.inertia and run.n_iter == one.n_iter
                checked += 1
            relocated += len(np.unique(many[0].labels)) > 1
    assert checked == 60 * 4 * 6 and relocated > 30
    with pytest.raises(ValueError, match="do not fit data"):
        km.lloyd_many(X1, np.zeros((2, 3, 2)))


def test_same_partition():
    assert km._same_partition(np.array([0, 0, 1, 2]), np.array([2, 2, 0, 1]))
    assert not km._same_partition(np.array([0, 0, 1, 2]), np.array([0, 1, 1, 2]))
    assert not km._same_partition(np.array([0, 0, 1, 1]), np.array([0, 0, 1, 2]))


def test_bad_arguments():
    with pytest.raises(ValueError, match="K = 7 for 6 rows"):
        km.kmeans(X1, 7)
    with pytest.raises(ValueError, match="do not fit data"):
        km.lloyd(X1, [[0.0, 1.0]])


def test_bad_arguments_in_chinese():
    with pytest.raises(ValueError) as excinfo:
        km.kmeans(X1, 7)
    assert in_language(excinfo.value, "zh") == "K 均值聚类要求 1 <= K <= 行数；实际 K = 7，共 6 行"
    x = np.array([[0.0], [1.0], [2.0], [3.0], [4.0]])
    with pytest.raises(ValueError) as excinfo:
        km.cluster_profiles(x, k=7)
    assert in_language(excinfo.value, "zh") == "K = 7 至少需要 8 个数值完整的城市，现有 5 个。请选择 K <= 4 或增加城市"
    assert [in_language(m, "zh") for m in km.cluster_profiles(x, k_max=8).messages] == [
        "K_max 由 8 降为 4（5 个城市，5 种不同特征；轮廓系数要求 K <= n - 1）"]


# ------------------------------------------------------------------ agreement with scikit-learn

def test_lloyd_from_given_centres_equals_sklearn():
    KMeans = sklearn_kmeans()
    checked = relocated = 0
    for seed in range(120):
        x, k = problem(seed)
        rng = np.random.default_rng(seed)
        if seed % 3 == 0:
            start = x[rng.choice(len(x), k, replace=False)]              # rows, as k-means++ gives
        elif seed % 3 == 1:
            start = rng.normal(size=(k, x.shape[1]))                     # arbitrary points
        else:
            start = x[rng.choice(len(x), k, replace=False)]
            start[-1] = x.max(axis=0) + 50.0                              # an empty cluster at step 1
            relocated += 1
        ours = km.lloyd(x, start)
        with single_thread():
            ref = KMeans(n_clusters=k, init=start, n_init=1, algorithm="lloyd").fit(x)
        assert np.array_equal(ours.labels, ref.labels_), seed
        assert ours.inertia == pytest.approx(ref.inertia_, rel=1e-9), seed
        np.testing.assert_allclose(ours.centres, ref.cluster_centers_, rtol=1e-9, atol=1e-12)
        assert ours.n_iter == ref.n_iter_, seed
        checked += 1
    assert checked == 120 and relocated == 40
    # the hand-worked relocation too
    with single_thread():
        ref = KMeans(n_clusters=3, init=np.array([[0.0], [12.0], [100.0]]), n_init=1, algorithm="lloyd").fit(X1)
    assert ref.labels_.tolist() == [0, 0, 2, 1, 1, 1] and ref.inertia_ == pytest.approx(2.5, rel=1e-12)


def test_kmeans_plusplus_draws_the_same_rows_as_sklearn():
    same_seed_stream()
    cluster = require("sklearn.cluster")
    for seed in range(60):
        x, k = problem(seed)
        _, ours = km.kmeans_plusplus(x, k, np.random.RandomState(seed))
        _, ref = cluster.kmeans_plusplus(x, k, random_state=seed)
        assert ours.tolist() == ref.tolist(), seed


def test_planted_partitions_identical_to_sklearn():
    KMeans = sklearn_kmeans()
    cases = [(seed, k, p) for seed, (k, p) in enumerate([(2, 1), (3, 2), (3, 4), (4, 3), (5, 2), (6, 5),
                                                         (7, 3), (8, 6), (4, 1), (6, 2)])]
    for seed, k, p in cases:
        x, truth = planted(100 + seed, k, p)
        ours = km.kmeans(x, k, seed=seed, n_init=km.DEFAULT_N_INIT)
        with single_thread():
            ref = KMeans(n_clusters=k, n_init=km.DEFAULT_N_INIT, random_state=seed, algorithm="lloyd").fit(x)
        assert km._same_partition(ours.labels, ref.labels_), (seed, k, p)
        assert km._same_partition(ours.labels, truth), (seed, k, p)
        assert ours.inertia == pytest.approx(ref.inertia_, rel=1e-9)
    # the planted data of the typology tests (three groups)
    x = np.vstack([-0.2 * g + 0.02 * np.random.default_rng(4).normal(size=(n, 4))
                   for g, n in enumerate((9, 6, 12))])
    with single_thread():
        ref = KMeans(n_clusters=3, n_init=km.DEFAULT_N_INIT, random_state=0).fit(x)
    assert km._same_partition(km._kmeans(x, 3, 0, km.DEFAULT_N_INIT)[0], ref.labels_)


def test_best_of_n_init_agrees_with_sklearn_on_200_problems():
    same_seed_stream()
    KMeans = sklearn_kmeans()
    n_init = 10
    gaps = []
    for seed in range(200):
        x, k = problem(seed)
        ours = km.kmeans(x, k, seed=seed, n_init=n_init)
        with single_thread():
            ref = KMeans(n_clusters=k, n_init=n_init, random_state=seed, algorithm="lloyd").fit(x)
        gaps.append((ours.inertia - ref.inertia_) / ref.inertia_)
    gaps = np.abs(gaps)
    assert gaps.max() <= 1e-3
    assert (gaps <= 1e-9).sum() >= 190


# ------------------------------------------------------------------ no scikit-learn at run time

def test_typology_runs_without_sklearn_and_threadpoolctl():
    x, _ = planted(21, 4, 3)
    expected = km.cluster_profiles(x, k_max=6)
    script = textwrap.dedent(f"""
        import sys
        sys.modules["sklearn"] = None
        sys.modules["threadpoolctl"] = None
        sys.path.insert(0, {str(_pkg.plugin_parent())!r})
        import numpy as np
        from megaregion.core import kmeans_typology as km
        from megaregion.core import typology  # noqa: F401
        x = np.array({x.tolist()!r})
        res = km.cluster_profiles(x, k_max=6)
        print(res.k, "".join(res.labels), repr(res.within_ss))
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("sklearn", "threadpoolctl")
                     and sys.modules[m] is not None))
    """)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert first == f"{expected.k} {''.join(expected.labels)} {expected.within_ss!r}"
    assert second == "[]"
    assert expected.k == 4
