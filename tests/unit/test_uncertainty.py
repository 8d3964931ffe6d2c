"""Tests of core.uncertainty and the uncertainty columns of the unevenness table: the
vectorised resamples against a plain loop over the same drawn cities with brute-force
measures written here, intervals that shrink with more cities, the permutation p-value
against exact enumeration and PySAL's TheilDSim, and the notes of small regions."""
import itertools
import math

import numpy as np
import pandas as pd
import pytest

from megaregion.core import uncertainty as unc
from megaregion.core.unevenness import (
    COLUMNS,
    INTERVAL_COLUMNS,
    UNCERTAINTY_COLUMNS,
    UnevennessInputError,
    unevenness_table,
)
from peers import require

# --------------------------------------------------------------------------- brute force


def bf_measures(y, w, core):
    """Every interval measure by its textbook definition, O(n^2), weights as repeated cities."""
    y, w, core = np.asarray(y, float), np.asarray(w, float), np.asarray(core, bool)
    W, Y = w.sum(), (w * y).sum()
    mu = Y / W
    gini = sum(w[i] * w[r] * abs(y[i] - y[r]) for i in range(y.size) for r in range(y.size)) / (2 * W * W * mu)
    share = w * y / Y
    theil = sum(s * math.log(s / (wi / W)) for s, wi in zip(share, w) if s > 0)
    groups = {}
    for name, mask in (("c", core), ("s", ~core)):
        groups[name] = dict(y=y[mask], w=w[mask], W=w[mask].sum(), Y=(w[mask] * y[mask]).sum())
        groups[name]["mu"] = groups[name]["Y"] / groups[name]["W"]
    between = sum(g["Y"] / Y * math.log((g["Y"] / Y) / (g["W"] / W)) for g in groups.values() if g["Y"] > 0)
    hi, lo = (groups["c"], groups["s"]) if groups["c"]["mu"] >= groups["s"]["mu"] else (groups["s"], groups["c"])
    pairs = hi["W"] * lo["W"]
    d = sum(a_w * b_w * max(a - b, 0) for a, a_w in zip(hi["y"], hi["w"]) for b, b_w in zip(lo["y"], lo["w"]))
    p = sum(a_w * b_w * max(b - a, 0) for a, a_w in zip(hi["y"], hi["w"]) for b, b_w in zip(lo["y"], lo["w"]))
    g_jh = (d + p) / (pairs * (hi["mu"] + lo["mu"]))
    D = (d - p) / (d + p) if d + p > 0 else 0.0
    gnb = g_jh * (hi["W"] / W * lo["Y"] / Y + lo["W"] / W * hi["Y"] / Y) * D
    leads = groups["c"]["mu"] > groups["s"]["mu"]
    return {
        "theil": theil, "theil_between": between,
        "theil_between_share": between / theil if theil > 0 else math.nan,
        "gini": gini, "dagum_gnb": gnb, "share_gnb": gnb / gini if gini > 0 else math.nan,
        "gnb_signed": gnb if leads else -gnb,
        "ratio": groups["c"]["mu"] / groups["s"]["mu"],
    }


def bf_between(y, core):
    y, core = np.asarray(y, float), np.asarray(core, bool)
    total = y.sum()
    out = 0.0
    for mask in (core, ~core):
        s, p = y[mask].sum() / total, mask.sum() / y.size
        out += s * math.log(s / p) if s > 0 else 0.0
    return out


def region_frame(values, cores, name="R", years=(2010,), weights=None):
    """One mega-region: ``values`` per year (lists), the first ``cores`` cities are cores."""
    n = len(values[0])
    df = pd.DataFrame({"megaregion_id": name, "name": ["c%02d" % i for i in range(n)],
                       "role": ["core"] * cores + ["secondary"] * (n - cores)})
    for year, vals in zip(years, values):
        df["x_%d" % year] = vals
    if weights is not None:
        df["pop"] = weights
    return df


RNG = np.random.default_rng(7)
Y16 = RNG.lognormal(2, 0.8, 16)
W16 = RNG.lognormal(10, 0.5, 16)
CORE16 = np.array([True] * 3 + [False] * 13)

# --------------------------------------------------------------------------- resamples


@pytest.mark.parametrize("weighted", [False, True])
def test_vectorised_resamples_equal_a_plain_loop_over_the_same_draws(weighted):
    w = W16 if weighted else None
    rng = unc.generator(3, "test")
    draws = unc.stratified_draws([np.flatnonzero(CORE16), np.flatnonzero(~CORE16)], 200, rng)
    assert draws.shape == (200, 16)
    assert CORE16[draws[:, :3]].all() and not CORE16[draws[:, 3:]].any()  # group sizes kept
    fast = unc.resample_measures(Y16, w, 3, draws)
    core_cols = np.arange(16) < 3
    for b in range(200):
        ref = bf_measures(Y16[draws[b]], (W16 if weighted else np.ones(16))[draws[b]], core_cols)
        for m, value in ref.items():
            # the textbook sum s ln(s/p) cancels when the gap is small: 1e-12 absolute
            assert fast[m][b] == pytest.approx(value, rel=1e-10, abs=1e-12), (m, b)
    loop = {m: np.array([bf_measures(Y16[d], (W16 if weighted else np.ones(16))[d], core_cols)[m] for d in draws])
            for m in unc.INTERVAL_MEASURES}
    for m, (lo, hi) in unc.percentile_intervals(fast, 95).items():
        assert (lo, hi) == pytest.approx(tuple(np.percentile(loop[m], [2.5, 97.5])), rel=1e-10)


def test_table_intervals_equal_the_reference_bootstrap_with_the_same_draws():
    """The table's intervals are the percentiles of a plain loop over the cities the
    resampler drew (weights travelling with the city), year by year and for the change."""
    y2 = Y16 * RNG.lognormal(0.1, 0.2, 16)
    df = region_frame([Y16, y2], 3, years=(2010, 2020), weights=W16)
    t = unevenness_table(df, ["x_2010", "x_2020"], weight_field="pop", bootstrap=500, confidence=90, seed=5)
    draws = unc.RegionResampler("R", CORE16, 500, 90, 0, 5).draws(np.ones(16, bool))
    core_cols = np.arange(16) < 3
    ref = {}
    for year, y in ((2010, Y16), (2020, y2)):
        ref[year] = {m: np.array([bf_measures(y[d], W16[d], core_cols)[m] for d in draws]) for m in unc.INTERVAL_MEASURES}
        row = t[(t["row_type"] == "year") & (t["year"] == year)].iloc[0]
        for m in unc.INTERVAL_MEASURES:
            lo, hi = np.percentile(ref[year][m], [5, 95])
            assert row["%s_ci_low" % m] == pytest.approx(lo, rel=1e-10) and row["%s_ci_high" % m] == pytest.approx(hi, rel=1e-10)
    change = t[t["row_type"] == "change"].iloc[0]
    for m in unc.INTERVAL_MEASURES:
        lo, hi = np.percentile(ref[2020][m] - ref[2010][m], [5, 95])
        assert change["%s_ci_low" % m] == pytest.approx(lo, rel=1e-9, abs=1e-14)
        assert change["%s_ci_high" % m] == pytest.approx(hi, rel=1e-9, abs=1e-14)
    assert change["change_is_clear"] == bool(change["theil_ci_low"] > 0 or change["theil_ci_high"] < 0)


def test_seeds_give_intervals_within_monte_carlo_error():
    df = region_frame([Y16], 3)
    ends = []
    for seed in range(4):
        row = unevenness_table(df, ["x_2010"], bootstrap=4000, seed=seed).iloc[0]
        ends.append((row["theil_ci_low"], row["theil_ci_high"]))
    ends = np.array(ends)
    assert len({tuple(e) for e in ends}) == 4  # the seed matters
    width = ends[:, 1].mean() - ends[:, 0].mean()
    # the 2.5 % and 97.5 % percentiles of 4000 resamples move by a few per cent of the width
    assert np.ptp(ends, axis=0).max() < 0.1 * width
    same = unevenness_table(df, ["x_2010"], bootstrap=4000, seed=2).iloc[0]
    assert (same["theil_ci_low"], same["theil_ci_high"]) == tuple(ends[2])


def test_intervals_shrink_as_the_sample_is_replicated():
    base = region_frame([Y16], 3)
    four = pd.concat([base.iloc[:3]] * 4 + [base.iloc[3:]] * 4, ignore_index=True)
    assert (four["role"] == "core").sum() == 12
    widths = []
    for df in (base, four):
        row = unevenness_table(df, ["x_2010"], bootstrap=2000).iloc[0]
        assert row["theil"] == pytest.approx(unevenness_table(base, ["x_2010"]).iloc[0]["theil"], rel=1e-12)
        widths.append({m: row["%s_ci_high" % m] - row["%s_ci_low" % m] for m in ("theil", "gini", "theil_between")})
    for m in ("theil", "gini"):
        # n -> 4n halves the standard error: the width falls to about 0.5
        assert 0.35 < widths[1][m] / widths[0][m] < 0.65, m
    # a small between-group term behaves like a square near 0: it shrinks faster still
    assert widths[1]["theil_between"] / widths[0]["theil_between"] < 0.5


def test_identical_groups_give_p_near_1_and_an_unclear_change():
    rng = np.random.default_rng(11)
    base = rng.lognormal(1, 0.5, 5)
    y1 = np.concatenate([base, base, base])  # cores = 5 cities, secondary = the same values twice
    y2 = y1 * rng.lognormal(0, 0.05, 15)
    df = region_frame([y1, y2], 5, years=(2010, 2020))
    t = unevenness_table(df, ["x_2010", "x_2020"], bootstrap=999, permutations=999, headline="theil_between")
    year = t[(t["row_type"] == "year") & (t["year"] == 2010)].iloc[0]
    assert year["theil_between"] == pytest.approx(0, abs=1e-15)
    assert year["p_between"] == 1.0
    change = t[t["row_type"] == "change"].iloc[0]
    assert change["theil_between_ci_low"] <= 0 <= change["theil_between_ci_high"]
    assert not pd.isna(change["change_is_clear"]) and not change["change_is_clear"]


def test_planted_gaps_give_the_smallest_p_and_clear_changes():
    rng = np.random.default_rng(12)
    sec = rng.lognormal(0, 0.3, 12)
    y1 = np.concatenate([100 * rng.lognormal(0, 0.1, 2), sec])
    y2 = np.concatenate([1000 * rng.lognormal(0, 0.1, 2), sec * rng.lognormal(0, 0.05, 12)])
    df = region_frame([y1, y2], 2, years=(2010, 2020))
    t = unevenness_table(df, ["x_2010", "x_2020"], bootstrap=999, permutations=999)
    for _, year in t[t["row_type"] == "year"].iterrows():
        # C(14, 2) = 91 labellings, enumerated: only the observed one reaches its T_between
        assert year["p_between"] == year["p_between_min"] == pytest.approx(1 / 91)
    change = t[t["row_type"] == "change"].iloc[0]
    for m in ("theil", "theil_between", "gini", "dagum_gnb", "gnb_signed"):
        assert change["%s_ci_low" % m] > 0, m
    assert bool(change["change_is_clear"]) is True


# --------------------------------------------------------------------------- permutations


@pytest.mark.parametrize("n, cores", [(6, 2), (7, 1), (8, 4), (9, 3)])
def test_exact_p_equals_enumeration_by_hand(n, cores):
    rng = np.random.default_rng(n)
    y = rng.lognormal(0, 1, n)
    is_core = np.zeros(n, bool)
    is_core[rng.choice(n, cores, replace=False)] = True
    result = unc.permutation_p(y, None, is_core, 999, unc.generator(0))
    observed = bf_between(y, is_core)
    labellings = list(itertools.combinations(range(n), cores))
    values = [bf_between(y, np.isin(np.arange(n), c)) for c in labellings]
    assert result.exact and result.count == math.comb(n, cores) == len(values)
    assert result.p == sum(v >= observed * (1 - 1e-10) for v in values) / len(values)
    top = max(values)
    assert result.p_min == sum(v >= top * (1 - 1e-10) for v in values) / len(values)
    # random labellings estimate the same p
    ranks = np.argsort(np.random.default_rng(1).random((20000, n)), axis=1)
    labels = np.zeros((20000, n), bool)
    np.put_along_axis(labels, ranks[:, :cores], True, axis=1)
    random = unc.permutation_p(y, None, is_core, 20000, labels=labels)
    assert not random.exact and random.count == 20001 and random.p_min == 1 / 20001
    assert random.p == pytest.approx(result.p, abs=0.02)


def test_one_core_among_five_cannot_reach_p_below_0_2():
    df = region_frame([[100.0, 1, 2, 3, 4]], 1)
    row = unevenness_table(df, ["x_2010"], bootstrap=999, permutations=999).iloc[0]
    assert row["p_between"] == row["p_between_min"] == 0.2
    assert "the permutation p cannot be below 0.2: only 5 ways to choose 1 core among 5 cities" in row["note"]
    assert "one core city: its intervals reflect only the secondary cities' variation" in row["note"]
    # the core is the same city in every resample
    draws = unc.RegionResampler("R", np.array([1, 0, 0, 0, 0], bool), 50).draws(np.ones(5, bool))
    assert (draws[:, 0] == 0).all()


def test_weighted_permutations_move_the_weight_with_the_city():
    y, w = Y16[:7], W16[:7]
    is_core = np.array([1, 1, 0, 0, 0, 0, 0], bool)
    result = unc.permutation_p(y, w, is_core, 999, unc.generator(0))
    from megaregion.core.inequality import theil_decomposition

    def tb(mask):
        return theil_decomposition(y, np.where(mask, "core", "secondary"), weights=w).between

    values = [tb(np.isin(np.arange(7), c)) for c in itertools.combinations(range(7), 2)]
    assert result.p == sum(v >= tb(is_core) * (1 - 1e-10) for v in values) / 21


def test_p_between_agrees_with_pysal_theildsim():
    """PySAL's own example data (Mexican state GDP per capita, 1940-2000) split into the
    hanson98 region 1 and the rest; the same 999 permutations of numpy's legacy generator."""
    libpysal = require("libpysal")
    theil_mod = require("inequality.theil")
    f = libpysal.io.open(libpysal.examples.get_path("mexico.csv"))
    y = np.array([f.by_col["pcgdp%d" % dec] for dec in range(1940, 2010, 10)]).T
    partition = (np.array(f.by_col("hanson98")) == 1).astype(int)
    np.random.seed(10)
    sim = theil_mod.TheilDSim(y, partition, 999)
    np.random.seed(10)
    perms = [np.random.permutation(y.shape[0]) for _ in range(999)]
    labels = np.zeros((999, y.shape[0]), bool)
    for k, perm in enumerate(perms):
        # TheilDSim gives position i the value of city perm[i]: city perm[i] takes i's group
        labels[k, perm] = partition == 1
    for col in range(y.shape[1]):
        ours = unc.permutation_p(y[:, col], None, partition == 1, 999, labels=labels)
        assert ours.p == pytest.approx(float(np.ravel(sim.bg_pvalue)[col]), abs=1e-12)
        assert float(unc.between_theil(y[:, col], None, (partition == 1)[None, :])[0]) == pytest.approx(
            float(np.ravel(sim.bg[0])[col]), rel=1e-12)


# --------------------------------------------------------------------------- table


def test_columns_are_appended_and_off_by_default():
    df = region_frame([Y16], 3)
    t = unevenness_table(df, ["x_2010"])
    assert list(t.columns) == list(COLUMNS) and COLUMNS[-len(UNCERTAINTY_COLUMNS):] == UNCERTAINTY_COLUMNS
    assert {"theil_ci_low", "theil_between_ci_high", "gini_ci_low", "dagum_gnb_ci_high", "gnb_signed_ci_low"} <= set(
        INTERVAL_COLUMNS)
    assert t[list(UNCERTAINTY_COLUMNS)].isna().all().all()
    assert str(t["change_is_clear"].dtype) == "boolean"


def test_cities_missing_in_one_year_resample_the_common_cities():
    y2 = Y16.copy()
    y2[[5, 9]] = np.nan
    df = region_frame([Y16, y2], 3, years=(2010, 2020))
    t = unevenness_table(df, ["x_2010", "x_2020"], bootstrap=300, seed=1)
    change = t[t["row_type"] == "change"].iloc[0]
    assert "change intervals from the 14 cities with a value in both years" in change["note"]
    common = np.ones(16, bool)
    common[[5, 9]] = False
    resampler = unc.RegionResampler("R", CORE16, 300, 95, 0, 1)
    draws = resampler.draws(common)
    sel = np.flatnonzero(common)
    core_cols = np.arange(14) < 3
    diff = np.array([bf_measures(y2[sel][d], np.ones(14), core_cols)["theil"]
                     - bf_measures(Y16[sel][d], np.ones(14), core_cols)["theil"] for d in draws])
    lo, hi = np.percentile(diff, [2.5, 97.5])
    assert change["theil_ci_low"] == pytest.approx(lo, rel=1e-9) and change["theil_ci_high"] == pytest.approx(hi, rel=1e-9)
    # the year rows resample their own cities: 2020 from its 14, 2010 from all 16
    year = t[(t["row_type"] == "year") & (t["year"] == 2020)].iloc[0]
    d20 = resampler.draws(common)
    ref = [bf_measures(y2[sel][d], np.ones(14), core_cols)["gini"] for d in d20]
    assert year["gini_ci_low"] == pytest.approx(np.percentile(ref, 2.5), rel=1e-9)


def test_no_change_interval_when_a_group_has_no_city_in_both_years():
    y1 = [5.0, np.nan, 1, 2, 3]
    y2 = [np.nan, 6.0, 1, 2, 4]
    df = region_frame([y1, y2], 2, years=(2010, 2020))
    t = unevenness_table(df, ["x_2010", "x_2020"], bootstrap=100)
    change = t[t["row_type"] == "change"].iloc[0]
    assert "no change intervals: no core city has a value in both years" in change["note"]
    assert math.isnan(change["theil_ci_low"]) and pd.isna(change["change_is_clear"])
    assert not math.isnan(change["theil"])


def test_undefined_resamples_leave_that_interval_null_with_a_note():
    # secondary values 0 except one: some resamples draw only zeros, the ratio is undefined there
    df = region_frame([[5.0, 4.0, 0, 0, 0, 0, 0, 0, 0, 1.0]], 2)
    row = unevenness_table(df, ["x_2010"], bootstrap=200).iloc[0]
    assert math.isnan(row["ratio_ci_low"]) and not math.isnan(row["ratio"])
    assert "no interval for ratio: undefined in some resamples" in row["note"]
    assert row["theil_ci_low"] <= row["theil"] <= row["theil_ci_high"]


def test_rows_without_measures_get_no_intervals():
    df = region_frame([[1.0, 2, 3]], 0)  # no core city
    row = unevenness_table(df, ["x_2010"], bootstrap=100, permutations=100).iloc[0]
    assert row["status"] != "ok" and row[list(INTERVAL_COLUMNS) + ["p_between"]].isna().all()


@pytest.mark.parametrize("kwargs, message", [
    ({"bootstrap": 20}, "BOOTSTRAP = 20 is too few resamples for 95 % intervals: each 2.5 % tail needs at least "
                        "one resample; give 0 (no intervals) or at least 40"),
    ({"bootstrap": 999, "confidence": 99.9}, "at least 2000"),
    ({"bootstrap": -1}, "BOOTSTRAP = -1 is not a whole number >= 0"),
    ({"bootstrap": 1.5}, "BOOTSTRAP = 1.5 is not a whole number"),
    ({"permutations": "many"}, "PERMUTATIONS = 'many' is not a whole number"),
    ({"seed": -3}, "SEED = -3 is not a whole number >= 0"),
    ({"confidence": 100}, "CONFIDENCE = 100 is out of range"),
    ({"confidence": float("nan")}, "CONFIDENCE = nan is out of range"),
    ({"bootstrap": float("inf")}, "BOOTSTRAP = inf is not a whole number"),
    ({"headline": "mean_core"}, "Headline measure 'mean_core' is not one of theil"),
])
def test_bad_uncertainty_settings_are_named(kwargs, message):
    with pytest.raises(UnevennessInputError, match=None) as err:
        unevenness_table(region_frame([Y16], 3), ["x_2010"], **kwargs)
    assert message in str(err.value)


def test_doctests_of_the_module():
    import doctest

    result = doctest.testmod(unc)
    assert result.attempted >= 8 and result.failed == 0
