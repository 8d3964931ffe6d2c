"""Type stability: Hennig's cluster-wise Jaccard bootstrap (core/stability.py), against a
plain loop over the same resamples with Python sets, on planted types and on noise."""
import numpy as np
import pandas as pd
import pytest

from megaregion.core import kmeans_typology as km
from megaregion.core import stability as st
from megaregion.core import typology as ty
from megaregion.core.messages import in_language
from megaregion.core.typology_tables import profile_table, short_label, type_labels


def planted(seed=4, sizes=(9, 6, 12), p=4, spread=0.02):
    """Three well-separated groups; group g is centred at -0.2 * g in every column."""
    rng = np.random.default_rng(seed)
    x = np.vstack([-0.2 * g + spread * rng.normal(size=(n, p)) for g, n in enumerate(sizes)])
    return x, np.repeat(np.arange(len(sizes)), sizes)


def noise(n=40, p=10, seed=3):
    """Uniform noise in 10 dimensions: no types to find."""
    return np.random.default_rng(seed).uniform(size=(n, p))


def numbers(letters):
    return np.array([km.type_letters(26).index(t) for t in letters])


def reference_stability(x, labels, k, draws, seed, n_init):
    """Hennig (2007) written out: per resample, the distinct cities drawn, the new clusters
    as sets of cities, the best |C & D| / |C | D| per original type, averaged over the
    resamples in which the type had a city."""
    order = np.lexsort(x.T[::-1])
    xs, ls = x[order], np.asarray(labels)[order]
    best = [[] for _ in range(k)]
    for idx in draws:
        new = km.kmeans(xs[idx], k, seed=seed, n_init=n_init).labels
        cluster_of = {}
        for i, label in zip(idx.tolist(), new.tolist()):
            assert cluster_of.setdefault(i, label) == label     # copies of a city stay together
        drawn = set(cluster_of)
        clusters = [{i for i in drawn if cluster_of[i] == c} for c in range(k)]
        for t in range(k):
            c = {i for i in drawn if ls[i] == t}
            if not c:
                continue
            best[t].append(max(len(c & d) / len(c | d) for d in clusters))
    return np.array([sum(b) / len(b) if b else np.nan for b in best]), np.array([len(b) for b in best])


def test_planted_types_are_stable():
    x, truth = planted()
    clustering = km.cluster_profiles(x, k_max=6)
    assert clustering.k == 3
    result = st.cluster_stability(x, numbers(clustering.labels), 3, resamples=40, seed=0, n_init=10)
    assert result.resamples == 40 and result.stability.shape == (3,)
    assert (result.stability > 0.9).all(), result.stability
    assert not result.unstable.any()
    # every type of 6 or more cities is drawn in every resample
    assert result.drawn.tolist() == [40, 40, 40]


def test_noise_forced_into_three_types_is_unstable():
    x = noise()
    clustering = km.cluster_profiles(x, k=3, n_init=10)
    result = st.cluster_stability(x, numbers(clustering.labels), 3, resamples=40, seed=0, n_init=10)
    assert (result.stability < 0.6).all(), result.stability
    assert result.unstable.all()


@pytest.mark.parametrize("data", ["planted", "noise"])
def test_equals_a_plain_loop_over_the_same_draws(data):
    x = planted()[0] if data == "planted" else noise(n=25)
    labels = numbers(km.cluster_profiles(x, k=3, n_init=5).labels)
    draws = st.bootstrap_draws(len(x), 15, seed=11)
    result = st.cluster_stability(x, labels, 3, seed=11, n_init=5, draws=draws)
    expected, drawn = reference_stability(x, labels, 3, draws, seed=11, n_init=5)
    # the same Jaccard values; their mean may differ in the last bit with numpy's summation order
    np.testing.assert_allclose(result.stability, expected, rtol=1e-14, atol=0)
    np.testing.assert_array_equal(result.drawn, drawn)
    # the draws are those of the seed: the same without passing them
    again = st.cluster_stability(x, labels, 3, resamples=15, seed=11, n_init=5)
    np.testing.assert_array_equal(again.stability, result.stability)


def test_seed_gives_the_draws_and_the_result():
    a, b, c = (st.bootstrap_draws(30, 20, seed=s) for s in (5, 5, 6))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    assert a.min() >= 0 and a.max() <= 29
    # the frozen legacy generator: the same draws on every NumPy version
    assert st.bootstrap_draws(10, 1, seed=0).tolist() == \
        [np.random.RandomState([0, 1]).randint(0, 10, size=10).tolist()]
    x = noise(n=30)
    labels = numbers(km.cluster_profiles(x, k=3, n_init=5).labels)
    one = st.cluster_stability(x, labels, 3, resamples=10, seed=5, n_init=5)
    two = st.cluster_stability(x, labels, 3, resamples=10, seed=5, n_init=5)
    other = st.cluster_stability(x, labels, 3, resamples=10, seed=6, n_init=5)
    np.testing.assert_array_equal(one.jaccard, two.jaccard)
    assert not np.array_equal(one.jaccard, other.jaccard)


def test_row_order_does_not_change_the_stability():
    x = noise(n=30)
    labels = numbers(km.cluster_profiles(x, k=3, n_init=5).labels)
    perm = np.random.default_rng(0).permutation(len(x))
    a = st.cluster_stability(x, labels, 3, resamples=10, seed=2, n_init=5)
    b = st.cluster_stability(x[perm], labels[perm], 3, resamples=10, seed=2, n_init=5)
    np.testing.assert_array_equal(a.stability, b.stability)


def test_jaccard_worked_example():
    labels = np.array([0, 0, 0, 1, 1])
    # resample 1: cities 0, 1, 3 drawn; new clusters {0, 1} and {3}: both types recovered
    # resample 2: every city drawn, new clusters {0, 1, 2, 3} and {4}:
    #   type 0 best 3/4 (with the first), type 1 best max(1/5, 1/2) = 1/2
    # resample 3: only type 0 drawn: type 1 has no similarity there
    new = np.array([[1, 1, 0, 0, 0], [0, 0, 0, 0, 1], [1, 0, 1, 0, 0]])
    drawn = np.array([[1, 1, 0, 1, 0], [1, 1, 1, 1, 1], [1, 1, 1, 0, 0]], dtype=bool)
    best = st.jaccard_best_match(labels, new, drawn, 2)
    np.testing.assert_array_equal(best[:2], [[1.0, 1.0], [0.75, 0.5]])
    assert best[2, 0] == 2 / 3 and np.isnan(best[2, 1])


def test_a_type_never_drawn_has_no_stability_and_no_warning():
    x = np.array([[0.0], [0.1], [0.2], [5.0]])
    labels = np.array([0, 0, 0, 1])
    draws = np.array([[0, 1, 2, 0], [1, 1, 2, 0]])            # city 3 never drawn
    with np.errstate(all="raise"):
        result = st.cluster_stability(x, labels, 2, seed=0, n_init=2, draws=draws)
    assert result.drawn.tolist() == [2, 0] and np.isnan(result.stability[1]) and not result.unstable[1]
    assert "not measured" in ty.stability_sentence("gap", result.stability[1], 2)


def test_resamples_checked():
    assert st.check_resamples(0) == 0 and st.check_resamples("25") == 25
    for bad in (-1, 2.5, "many", None, st.MAX_RESAMPLES + 1):
        with pytest.raises(ValueError, match="STABILITY_RESAMPLES = .*whole number from 0"):
            st.check_resamples(bad)
    x, truth = planted()
    with pytest.raises(ValueError, match="labels must give each of the 27 rows a type from 0 to 2"):
        st.cluster_stability(x, truth + 1, 3, resamples=2)
    with pytest.raises(ValueError) as err:
        st.check_resamples(-1)
    assert in_language(err.value, "zh") == "STABILITY_RESAMPLES = -1：请使用 0（关闭）到 10000 之间的整数，如 100"


# ------------------------------------------------------------------ in the typology

def planted_frame():
    x, truth = planted(seed=6, sizes=(10, 14, 8), p=3, spread=0.03)
    values = 10 + 10 * (x - x.min())
    top = values.max() + 1.0
    rows = [[f"M{i % 3}", "secondary", f"s{i}"] + v.tolist() for i, v in enumerate(values)]
    rows += [[f"M{m}", "core", f"core{m}"] + [top] * 3 for m in range(3)]
    return pd.DataFrame(rows, columns=["megaregion_id", "role", "name", "A1", "A2", "A3"])


def test_typology_profiles_carry_the_stability():
    frame = planted_frame()
    plain = ty.gap_typology(frame, ["A1", "A2", "A3"], name_field="name", n_init=5)
    assert plain.types["stability"].isna().all()
    res = ty.gap_typology(frame, ["A1", "A2", "A3"], name_field="name", n_init=5, stability_resamples=12)
    # the same clustering; the stability is that of the profile matrix and its labels
    pd.testing.assert_series_equal(res.cities["type"], plain.cities["type"])
    pd.testing.assert_series_equal(res.types["description"], plain.types["description"])
    expected = st.cluster_stability(res.profile.to_numpy(), numbers(res.cities["type"]), res.k, 12, seed=0, n_init=5)
    np.testing.assert_array_equal(res.types["stability"].to_numpy(), expected.stability)
    assert (res.types["stability"] > 0.9).all() and res.settings["stability_resamples"] == 12
    labels = type_labels(res)
    assert all("unstable" not in label for _, label in labels)
    table = profile_table(res, labels)
    assert list(table.columns[:6]) == ["type", "label", "size", "mean", "mean_silhouette", "stability"]
    np.testing.assert_array_equal(table["stability"].to_numpy(), expected.stability)


def test_unstable_types_are_called_so():
    rows = [["M", "secondary", f"s{i}"] + v.tolist() for i, v in enumerate(noise())]
    rows.append(["M", "core", "core"] + [2.0] * 10)
    frame = pd.DataFrame(rows, columns=["megaregion_id", "role", "name"] + [f"x{j}" for j in range(10)])
    res = ty.gap_typology(frame, [f"x{j}" for j in range(10)], name_field="name", k=3, n_init=5,
                          stability_resamples=20)
    unstable = res.types["stability"] < 0.6
    assert unstable.any(), res.types["stability"]
    for (letter, label), row in zip(type_labels(res), res.types.itertuples()):
        said = "Unstable: resampling the secondary cities 20 times" in row.description
        assert said == bool(unstable[letter]) == label.endswith("; unstable)")
        if said:
            assert f"mean Jaccard similarity of {row.stability:.2f} (under 0.6)" in row.description


def test_trend_typology_carries_the_stability():
    rng = np.random.default_rng(9)
    n = 30
    level = np.repeat([0.0, 5.0, 10.0], n // 3)
    rows = [["M", "secondary", f"s{i}", 10.0, 10.0 + level[i] + rng.normal(0, 0.1)] for i in range(n)]
    rows.append(["M", "core", "c", 20.0, 30.0])
    frame = pd.DataFrame(rows, columns=["megaregion_id", "role", "name", "g_2010", "g_2020"])
    frame["g_2010"] += rng.normal(0, 0.01, size=len(frame))
    res = ty.trend_typology(frame, ["g"], 2010, 2020, name_field="name", k=3, n_init=5, stability_resamples=10)
    assert res.types["size"].tolist() == [10, 10, 10]
    assert (res.types["stability"] > 0.9).all()


def test_short_label_of_an_unstable_type():
    assert short_label("gap", "B", 31, 1, 2, stability=0.59) == "B — furthest behind the cores (31 cities; unstable)"
    assert short_label("gap", "B", 31, 1, 2, stability=0.6) == "B — furthest behind the cores (31 cities)"
    assert short_label("gap", "B", 31, 1, 2) == "B — furthest behind the cores (31 cities)"
