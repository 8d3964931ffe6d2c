"""Tests of core.panels: Theil-Sen slopes and Mann-Kendall p against pymannkendall (with and
without ties), beta-convergence against an OLS fit by hand, sigma-convergence slopes against
a plain loop over the same resamples, and planted panels whose answer is known (a known
speed of convergence, a diverging region, pure noise)."""
import doctest
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from megaregion.core import fields as fv
from megaregion.core import uncertainty as unc
from megaregion.core.inequality import gini, theil
from megaregion.core.panels import convergence as cv
from megaregion.core.panels import trends
from peers import require

YEARS = np.arange(2000, 2021)


# --------------------------------------------------------------------------- trends

@pytest.mark.parametrize("ties", [False, True])
def test_theil_sen_and_mann_kendall_agree_with_pymannkendall(ties):
    mk = require("pymannkendall")
    rng = np.random.default_rng(7 + ties)
    rows = []
    for n in (3, 5, 10, 21):
        block = rng.normal(size=(40, n)).cumsum(axis=1) + rng.normal(0, 0.3, (40, n)) * np.arange(n)
        if ties:
            block = np.round(block)            # many equal values, within and across years
        rows.append((n, block))
    checked = 0
    for n, block in rows:
        got = trends.series_trends(block, np.arange(n))
        for k in range(block.shape[0]):
            ref = mk.original_test(block[k])
            assert got.slope[k] == pytest.approx(ref.slope, abs=1e-9)
            assert got.p[k] == pytest.approx(ref.p, abs=1e-6)
            assert got.s[k] == ref.s and got.var_s[k] == pytest.approx(ref.var_s, abs=1e-9)
            checked += 1
    assert checked == 160
    if ties:   # the tie correction was exercised
        n, block = rows[-1]
        got = trends.series_trends(block, np.arange(n))
        assert (got.var_s < n * (n - 1) * (2 * n + 5) / 18).all()


def test_series_trends_use_the_years_and_skip_missing_values():
    x = np.array([[1.0, np.nan, 3.0, 7.0], [2.0, 2.0, 2.0, 2.0], [np.nan, 5.0, np.nan, np.nan]])
    got = trends.series_trends(x, [2000, 2002, 2004, 2010])
    # pairs of the first series: (1,3)/4, (1,7)/10, (3,7)/6 -> median 0.6
    assert got.slope[0] == pytest.approx(0.6)
    assert got.s[0] == 3 and got.n.tolist() == [3, 4, 1]
    assert got.var_s[0] == pytest.approx(3 * 2 * 11 / 18)
    assert got.slope_pct[0] == pytest.approx(100 * 0.6 / (11 / 3))
    assert got.slope[1] == 0 and got.var_s[1] == 0 and got.p[1] == 1.0
    assert math.isnan(got.slope[2]) and math.isnan(got.p[2])


def test_series_trends_refuse_bad_years_and_infinite_values():
    with pytest.raises(ValueError, match="not increasing"):
        trends.series_trends(np.ones((1, 3)), [2000, 2000, 2001])
    with pytest.raises(ValueError, match="one year per column"):
        trends.series_trends(np.ones((1, 3)), [2000, 2001])
    with pytest.raises(ValueError, match="Infinite"):
        trends.series_trends(np.array([[1.0, np.inf, 2.0]]), [1, 2, 3])


def test_trajectory_verdicts_and_alpha():
    v = trends.trajectory_verdicts([0.02, -0.01, 0.02, 0.0], [0.01, 0.04, 0.06, 0.0], alpha=0.05)
    assert v.tolist() == ["catching_up", "falling_behind", "no_clear_trend", "no_clear_trend"]
    assert trends.trajectory_verdicts([0.02], [0.06], alpha=0.1).tolist() == ["catching_up"]
    for bad in (0, 1, -0.5, "x", None):
        with pytest.raises(ValueError, match="between 0 and 1"):
            trends.check_alpha(bad)
    assert fv.trajectory_field("mk_p_gap", "popu") == "mk_p_gap_popu"
    with pytest.raises(ValueError, match="Unknown trajectory"):
        fv.trajectory_field("tau", "popu")


# --------------------------------------------------------------------------- beta

def _beta_by_hand(values, years, is_core, confidence=95):
    first, last = values[0], values[-1]
    sec = ~is_core & (first > 0) & (last > 0)
    span = years[-1] - years[0]
    g = (np.log(last[sec]) - np.log(first[sec])) / span
    x = np.log(first[sec] / first[is_core].mean())
    A = np.column_stack([np.ones(sec.sum()), x])
    coef, rss, _, _ = np.linalg.lstsq(A, g, rcond=None)
    n = sec.sum()
    cov = rss[0] / (n - 2) * np.linalg.inv(A.T @ A)
    half = stats.t.ppf(0.5 + confidence / 200, n - 2) * math.sqrt(cov[1, 1])
    return coef[1], coef[1] - half, coef[1] + half, n


def test_beta_and_its_interval_equal_an_ols_fit_by_hand():
    rng = np.random.default_rng(3)
    is_core = np.array([True, True] + [False] * 14)
    values = rng.lognormal(2, 0.7, size=(12, 16))
    values[3, 5] = np.nan                     # a middle year does not matter
    values[-1, 6] = np.nan                    # a city without a last value is left out
    years = np.arange(2009, 2021)
    for confidence in (90, 95, 99):
        got = cv.beta_convergence(values, years, is_core, confidence)
        beta, lo, hi, n = _beta_by_hand(np.nan_to_num(values, nan=-1.0), years, is_core, confidence)
        assert got.n_cities == n == 13
        assert got.beta == pytest.approx(beta, abs=1e-12)
        assert (got.beta_ci_low, got.beta_ci_high) == pytest.approx((lo, hi), abs=1e-12)
    level = cv.beta_convergence(values, years, is_core, regressor="level")
    assert level.beta == pytest.approx(got.beta, abs=1e-12) and level.intercept != got.intercept


def test_planted_convergence_gives_the_right_speed_and_half_life():
    rng = np.random.default_rng(11)
    lam, years = 0.05, np.arange(2000, 2021)
    dt = (years - years[0])[:, None]
    core_level = 100 * np.exp(0.04 * dt)                     # the core grows 4 % a year
    gap0 = -rng.uniform(0.3, 2.5, 25)                        # initial log gaps of 25 secondary cities
    sec = core_level * np.exp(gap0 * np.exp(-lam * dt) + rng.normal(0, 0.01, (21, 25)))
    values = np.column_stack([core_level, sec])
    is_core = np.array([True] + [False] * 25)
    got = cv.beta_convergence(values, years, is_core)
    assert got.beta < 0 and got.beta_ci_high < 0
    assert got.beta == pytest.approx((math.exp(-lam * 20) - 1) / 20, rel=0.03)
    assert got.speed == pytest.approx(lam, rel=0.05)
    assert got.half_life_years == pytest.approx(math.log(2) / lam, rel=0.05)
    # without noise, exactly
    exact = cv.beta_convergence(np.column_stack([core_level, core_level * np.exp(gap0 * np.exp(-lam * dt))]),
                                years, is_core)
    assert exact.speed == pytest.approx(lam, rel=1e-9)


def test_beta_needs_three_secondary_cities_and_a_core():
    years = [2000, 2010]
    few = cv.beta_convergence(np.array([[5.0, 1.0, 2.0], [6.0, 2.0, 3.0]]), years, [True, False, False])
    assert math.isnan(few.beta) and few.n_cities == 2 and "fewer than 3" in few.note
    none = cv.beta_convergence(np.ones((2, 4)) * [0, 1, 2, 3], years, [True, False, False, False])
    assert math.isnan(none.beta) and "no core" in none.note
    diverging = cv.beta_convergence(np.array([[9.0, 1, 2, 4], [9.0, 1, 4, 16]]), years, [True, False, False, False])
    assert diverging.beta > 0 and math.isnan(diverging.speed) and math.isnan(diverging.half_life_years)
    with pytest.raises(ValueError, match="regressor"):
        cv.beta_convergence(np.ones((2, 4)), years, [True, False, False, False], regressor="gdp")


# --------------------------------------------------------------------------- sigma

def test_sigma_slopes_equal_a_plain_loop_over_the_same_resamples():
    rng = np.random.default_rng(5)
    is_core = np.array([True, False, True, False, False, False, False, False])
    values = rng.lognormal(1, 0.6, size=(6, 8))
    years = np.array([2000, 2002, 2004, 2008, 2010, 2011])
    got = cv.sigma_convergence(values, years, is_core, bootstrap=50, rng=unc.generator(1), confidence=90)
    cores, secs = np.flatnonzero(is_core), np.flatnonzero(~is_core)
    draws = unc.stratified_draws([cores, secs], 50, unc.generator(1))

    def slope(series):
        return np.polyfit(years, series, 1)[0]

    point_theil = [theil(values[k]) for k in range(6)]
    point_gini = [gini(values[k]) for k in range(6)]
    assert got["theil"].values == pytest.approx(point_theil, rel=1e-12)
    assert got["theil"].slope == pytest.approx(slope(point_theil), rel=1e-9)
    assert got["gini"].slope == pytest.approx(slope(point_gini), rel=1e-9)
    for measure, fn in (("theil", theil), ("gini", gini)):
        slopes = []
        for d in draws:                         # one resample: the same cities in every year
            slopes.append(slope([fn(values[k, d]) for k in range(6)]))
        lo, hi = np.percentile(slopes, [5, 95])
        assert (got[measure].slope_ci_low, got[measure].slope_ci_high) == pytest.approx((lo, hi), rel=1e-9)
    assert got["theil"].first_year == 2000 and got["theil"].last_year == 2011 and got["theil"].n_cities == 8


def test_sigma_uses_the_balanced_panel_and_refuses_bad_values():
    values = np.array([[1.0, 2.0, 3.0, np.nan], [2.0, 2.0, 3.0, 4.0], [3.0, 2.0, 3.0, 5.0]])
    got = cv.sigma_convergence(values, [1, 2, 3], [True, False, False, False], bootstrap=0)
    assert got["theil"].n_cities == 3 and got["theil"].verdict == "unclear"
    assert got["theil"].values[0] == pytest.approx(theil([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError, match="Negative"):
        cv.sigma_convergence(-values, [1, 2, 3], [True, False, False, False], bootstrap=0)
    with pytest.raises(ValueError, match="at least two different years"):
        cv.sigma_convergence(values, [1, 1, 3], [True, False, False, False], bootstrap=0)
    with pytest.raises(ValueError, match="no convergence slope"):
        cv.sigma_convergence(values, [1, 2, 3], [True, False, False, False], measures=("theil_within",))
    only_cores = cv.sigma_convergence(values, [1, 2, 3], [True] * 4, bootstrap=10)
    assert math.isnan(only_cores["gini"].slope) and only_cores["gini"].verdict == "unclear"


def _panel(seed, trend):
    """2 cores and 12 secondary cities over 21 years; ``trend`` > 0 spreads the secondary
    cities' log values apart year by year (diverging), 0 is pure noise."""
    rng = np.random.default_rng(seed)
    is_core = np.array([True] * 2 + [False] * 12)
    spread = np.linspace(-1, 1, 14) * (0.2 + trend * np.arange(21))[:, None]
    values = np.exp(spread + rng.normal(0, 0.3, (21, 14))) * np.where(is_core, 3.0, 1.0)
    return values, is_core


def test_planted_panels_diverging_and_converging_are_clear():
    values, is_core = _panel(0, 0.05)
    got = cv.sigma_convergence(values, YEARS, is_core, bootstrap=199, seed=0)
    assert got["theil"].verdict == "diverging" and got["gini"].verdict == "diverging"
    assert got["theil"].slope_ci_low > 0
    rev = cv.sigma_convergence(values[::-1], YEARS, is_core, bootstrap=199, seed=0)
    assert rev["theil"].verdict == "converging" and rev["theil"].slope_ci_high < 0


def test_pure_noise_is_unclear_in_at_least_90_percent_of_seeds():
    verdicts = [cv.sigma_convergence(*_panel(seed, 0.0)[:1], YEARS, _panel(seed, 0.0)[1], bootstrap=199,
                                     seed=seed, measures=("theil",))["theil"].verdict for seed in range(50)]
    assert verdicts.count("unclear") >= 45


def test_sigma_verdict_without_an_interval_follows_the_mann_kendall_test():
    """A measure without a bootstrap interval: converging or diverging only where the
    Mann-Kendall test of its yearly values rejects "no trend", on the side of its neutral value."""
    years = np.arange(2000, 2010)
    falling = 0.5 - 0.02 * (years - 2000)
    p = trends.series_trends(falling[None, :], years).p[0]
    assert p < 0.05
    assert cv.sigma_verdict_without_interval("theil_within", falling, -0.02, p) == "converging"
    assert cv.sigma_verdict_without_interval("theil_within", falling[::-1], 0.02, p) == "diverging"
    assert cv.sigma_verdict_without_interval("theil_within", falling, -0.02, 0.3) == "unclear"
    assert cv.sigma_verdict_without_interval("theil_within", falling, math.nan, p) == "unclear"


def test_sigma_verdict_of_signed_measures():
    assert cv.sigma_verdict("ratio", [1.5, 1.4], -0.02, -0.01) == "converging"
    assert cv.sigma_verdict("ratio", [0.5, 0.6], -0.02, -0.01) == "diverging"
    assert cv.sigma_verdict("gnb_signed", [-0.2, -0.1], 0.01, 0.02) == "converging"
    assert cv.sigma_verdict("theil", [0.2, 0.3], 0.01, 0.02) == "diverging"
    assert cv.sigma_verdict("theil", [0.2, 0.3], -0.01, 0.02) == "unclear"
    assert cv.sigma_verdict("theil", [0.2, 0.3], math.nan, math.nan) == "unclear"


def test_doctests_of_the_modules():
    for module in (trends, cv):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0 and result.attempted > 0


# --------------------------------------------------------------------------- trend typology over N years

def _panel_frame(years):
    """Mega-region X: one core and six secondary cities; a, b catch up with the core steadily,
    c, d fall behind, e, f wobble around a constant gap. Mega-region Y (one core, one
    secondary) keeps every year's min-max pool wide."""
    rng = np.random.default_rng(2)
    dt = np.asarray(years, float) - years[0]
    series = {
        "core": 100 + 0 * dt, "a": 20 + 4 * dt, "b": 30 + 3 * dt, "c": 60 - 2 * dt, "d": 50 - 2.5 * dt,
        "e": 40 + rng.normal(0, 3, dt.size), "f": 45 + rng.normal(0, 3, dt.size),
        "ycore": 150 + 0 * dt, "ysec": 1 + 0 * dt,
    }
    rows = []
    for name, values in series.items():
        region = "Y" if name.startswith("y") else "X"
        role = "core" if name in ("core", "ycore") else "secondary"
        rows.append({"name": name, "megaregion_id": region, "role": role,
                     **{f"gdp_{y}": v for y, v in zip(years, values)}})
    return pd.DataFrame(rows)


def test_two_years_give_the_two_year_trend_exactly():
    from megaregion.core import typology as ty
    from megaregion.core.panels.trajectories import panel_trend_typology
    frame = _panel_frame([2010, 2020])
    a = ty.trend_typology(frame, ["gdp"], 2010, 2020, name_field="name", k=2)
    b = panel_trend_typology(frame, ["gdp"], [2010, 2020], name_field="name", k=2)
    pd.testing.assert_frame_equal(a.secondary_table(), b.secondary_table())
    assert "trajectories" not in b.extra


def test_trend_over_n_years_is_the_theil_sen_change_and_gives_trajectories():
    from megaregion.core.panels.trajectories import panel_trend_typology
    years = list(range(2000, 2011))
    frame = _panel_frame(years)
    result = panel_trend_typology(frame, ["gdp"], years, name_field="name", k=2, alpha=0.05)
    values = frame[[f"gdp_{y}" for y in years]].to_numpy(float)
    perf = (values - values.min(axis=0)) / (values.max(axis=0) - values.min(axis=0))   # min-max per year
    by_name = dict(zip(frame["name"], range(len(frame))))
    for name, trend in zip(result.cities["name"], result.profile["gdp"]):
        i = by_name[name]
        pairs = [(perf[i, q] - perf[i, p]) / (q - p) for p in range(11) for q in range(p + 1, 11)]
        assert trend == pytest.approx(np.median(pairs) * 10, abs=1e-12)
    traj = result.extra["trajectories"]
    names = frame.loc[traj.index, "name"].tolist()
    verdict = dict(zip(names, traj["trajectory_gdp"]))
    assert verdict["a"] == verdict["b"] == "catching_up"
    assert verdict["c"] == verdict["d"] == "falling_behind"
    assert dict(zip(names, traj["slope_gdp"]))["a"] == pytest.approx(4.0)
    assert dict(zip(names, traj["slope_pct_gdp"]))["a"] == pytest.approx(100 * 4 / 40)
    core = perf[by_name["core"]]
    gap_d = perf[by_name["d"]] - core
    assert dict(zip(names, traj["slope_gap_gdp"]))["d"] == pytest.approx(
        np.median([(gap_d[q] - gap_d[p]) / (q - p) for p in range(11) for q in range(p + 1, 11)]), abs=1e-12)
    assert list(traj.columns) == [fv.trajectory_field(s, "gdp") for s in fv.TRAJECTORY_STATS]
    assert result.settings["years"] == years
    with pytest.raises(ValueError, match="between 0 and 1"):
        panel_trend_typology(frame, ["gdp"], years, name_field="name", k=2, alpha=5)


# --------------------------------------------------------------------------- the unevenness table

def _table_frame(years, seed=0):
    rng = np.random.default_rng(seed)
    rows = []
    for region in ("A", "B"):
        for i in range(9):
            row = {"megaregion_id": region, "role": "core" if i < 2 else "secondary", "name": f"{region}{i}"}
            for k, y in enumerate(years):
                row[f"x_{y}"] = float(np.exp(rng.normal(0, 0.3) + (1.5 if i < 2 else 0) * (1 - 0.08 * k)))
            rows.append(row)
    frame = pd.DataFrame(rows)
    frame.loc[4, f"x_{years[1]}"] = np.nan          # A4 misses a year: out of A's sigma panel
    return frame


def test_unevenness_table_gains_sigma_and_beta_rows_with_three_or_more_years():
    from megaregion.core.panels.table import CONVERGENCE_COLUMNS, NO_INTERVAL_NOTE, OTHER_MEASURES
    from megaregion.core.unevenness import COLUMNS, unevenness_table
    years = [2000, 2002, 2004, 2006, 2008]
    frame = _table_frame(years)
    fields = [f"x_{y}" for y in years]
    two = unevenness_table(frame, fields[:1] + fields[-1:], labels_field="name", bootstrap=0)
    assert list(two.columns) == list(COLUMNS) and set(two["row_type"]) == {"year", "change"}
    table = unevenness_table(frame, fields, labels_field="name", bootstrap=99, seed=3)
    assert list(table.columns) == list(COLUMNS) + list(CONVERGENCE_COLUMNS)
    sigma = table[(table["row_type"] == "sigma") & (table["megaregion"] == "A")].set_index("measure")
    assert list(sigma.index) == list(unc.INTERVAL_MEASURES) + list(OTHER_MEASURES)
    # the measures without an interval: the identities of the decompositions hold for the slopes
    # (an OLS slope is linear in the yearly values), no interval, the reason in the note
    assert sigma.loc["theil_within", "slope"] == pytest.approx(
        sigma.loc["theil", "slope"] - sigma.loc["theil_between", "slope"], abs=1e-12)
    assert sigma.loc["dagum_g", "slope"] == pytest.approx(sigma.loc["gini", "slope"], abs=1e-12)
    assert sigma.loc[["share_gw", "share_gnb", "share_gt"], "slope"].sum() == pytest.approx(0.0, abs=1e-12)
    assert sigma.loc[list(OTHER_MEASURES), ["slope_ci_low", "slope_ci_high"]].isna().all().all()
    assert all(NO_INTERVAL_NOTE in n for n in sigma.loc[list(OTHER_MEASURES), "note"])
    a = frame[frame["megaregion_id"] == "A"].reset_index(drop=True)
    panel = a[fields].to_numpy().T                  # (years, cities)
    common = ~np.isnan(panel).any(axis=0)
    theils = [theil(panel[k, common]) for k in range(len(years))]
    assert sigma.loc["theil", "slope"] == pytest.approx(np.polyfit(years, theils, 1)[0], rel=1e-9)
    assert sigma.loc["theil", "n_cities"] == 8 and sigma.loc["theil", "first_year"] == 2000
    assert "8 cities with a value in every year" in sigma.loc["theil", "note"]
    # the interval: the year rows' draws over the balanced panel, the same cities in every year
    core = (a["role"] == "core").to_numpy()
    draws = unc.RegionResampler("A", core, 99, 95, 0, 3).draws(common)
    sel = np.flatnonzero(common)
    slopes = [np.polyfit(years, [theil(panel[k, sel][d]) for k in range(len(years))], 1)[0] for d in draws]
    assert (sigma.loc["theil", "slope_ci_low"], sigma.loc["theil", "slope_ci_high"]) == pytest.approx(
        tuple(np.percentile(slopes, [2.5, 97.5])), rel=1e-9)
    assert set(table.loc[table["row_type"] == "sigma", "verdict"]) <= {"converging", "diverging", "unclear"}
    beta = table[(table["row_type"] == "beta") & (table["megaregion"] == "A")].iloc[0]
    by_hand = cv.beta_convergence(panel, years, core, 95)
    assert beta["beta"] == pytest.approx(by_hand.beta) and beta["n_cities"] == by_hand.n_cities == 7
    assert (beta["beta_ci_low"], beta["beta_ci_high"]) == pytest.approx((by_hand.beta_ci_low, by_hand.beta_ci_high))
    assert beta["field"] == "x_2000 ... x_2008" and beta["last_year"] == 2008


def test_reports_read_in_english_and_chinese():
    from megaregion.core.panels.trajectories import panel_trend_typology
    from megaregion.core.report_typology import typology_report_html
    from megaregion.core.report_unevenness import unevenness_report_html
    from megaregion.core.unevenness import unevenness_table
    years = list(range(2000, 2011))
    result = panel_trend_typology(_panel_frame(years), ["gdp"], years, name_field="name", k=2)
    en = typology_report_html(result, title="Development trends of secondary cities")
    zh = typology_report_html(result, title="Development trends of secondary cities", lang="zh")
    assert "Trajectories of the secondary cities, 2000–2010" in en
    assert "2 of 7 cities catch up clearly, most clearly" in en and "2 fall behind clearly" in en
    assert en.index("Trajectories of the secondary cities") < en.index("<table")   # it opens the report
    assert "次级城市的发展轨迹（2000–2010 年）" in zh and "个明显在追赶" in zh
    table = unevenness_table(_table_frame([2000, 2002, 2004, 2006, 2008]), [f"x_{y}" for y in (2000, 2002, 2004, 2006, 2008)],
                             labels_field="name", bootstrap=99)
    en = unevenness_report_html(table, headline="theil", confidence=95)
    zh = unevenness_report_html(table, headline="theil", confidence=95, lang="zh")
    assert '<h2 id="convergence">Convergence over the years</h2>' in en and "σ-convergence" in en
    assert "历年收敛情况" in zh and "β收敛" in zh
    verdict_words = {"converging clearly", "diverging clearly", "unclear"}
    assert sum(en.count("<td>%s</td>" % w) for w in verdict_words) == 2


def test_trend_years_from_years_text_year1_year2_or_the_fields():
    from megaregion.core import trend as tr
    from megaregion.core.messages import in_language
    layer = [f"popu_{y}" for y in (2000, 2005, 2010, 2015, 2020)]
    assert tr.trend_years(layer, [], 0, 0, layer)[2] == [2000, 2005, 2010, 2015, 2020]
    assert tr.trend_years(["popu_2000"], [], 0, 0, layer, years="2020; 2010 2000")[2] == [2000, 2010, 2020]
    assert tr.trend_years(["popu_2000"], [], 2020, 2000, layer)[2] == [2020, 2000]      # as given, as before
    with pytest.raises(ValueError, match="'twenty' is not a year"):
        tr.trend_years(layer, [], 0, 0, layer, years="2000, twenty")
    with pytest.raises(ValueError, match="YEARS gives only 2000"):
        tr.trend_years(layer, [], 0, 0, layer, years="2000, 2000")
    with pytest.raises(ValueError, match="are both set"):
        tr.trend_years(layer, [], 2000, 2020, layer, years="2000, 2020")
    with pytest.raises(ValueError) as excinfo:
        tr.trend_years(["popu_2000"], [], 0, 0, layer, years="2000, 2001, 2020")
    assert "INPUT has no field 'popu_2001'" in str(excinfo.value)
    assert in_language(excinfo.value, "zh").startswith("INPUT 图层没有字段 'popu_2001'")
    with pytest.raises(ValueError, match="exactly two years"):
        tr.trend_indicators(layer, [], 0, 0, layer)


def test_chinese_trajectory_section_has_no_english_but_names_and_fields():
    import html
    import re
    from megaregion.core.panels import report
    from megaregion.core.panels.trajectories import panel_trend_typology
    years = list(range(2000, 2011))
    result = panel_trend_typology(_panel_frame(years), ["gdp"], years, name_field="name", k=2)
    names = {**result.excluded["name"].to_dict(), **result.cities["name"].to_dict()}
    zh = report.trajectory_html(result, names, "zh")
    text = html.unescape(re.sub(r"<[^>]+>", " ", zh))
    text = re.sub(r"\b(slope_gap|mk_p_gap|trajectory)_\*", " ", text)          # field names stay English
    words = set(re.findall(r"[A-Za-z][A-Za-z'\-]+", text)) - {"gdp", "a", "b", "c", "d", "Theil", "Sen", "Mann",
                                                               "Kendall", "p"}
    assert not words, words
