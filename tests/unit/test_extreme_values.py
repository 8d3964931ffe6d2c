"""Numbers at the edges of float64: every scale-invariant measure (Gini, Theil and its
decomposition, Dagum's decomposition, TOPSIS performance and closeness, entropy weights,
the typology) gives for ``c * y`` the value it gives for ``y``, for ``c`` from 1e-300 to
1e300, for values next to the largest float (1.7976931348623157e308) and for subnormal
values; zeros follow the documented rules; infinite inputs are refused naming the input
and the value; a result float64 cannot hold is refused or left NULL with a note, never
written as inf. Every numpy warning is an error in this module: none may reach a user.

The base values are the method's worked example (exact fractions and closed forms),
published test vectors (PySAL ``inequality``, pymcdm) and, where installed, PySAL itself.
"""
import json
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from megaregion.core import typology as ty
from megaregion.core.inequality import (
    InequalityInputError,
    dagum_gini,
    gini,
    theil,
    theil_decomposition,
    weighted_mean,
)
from megaregion.core.report_typology import typology_report_html
from megaregion.core.report_unevenness import unevenness_report_html
from megaregion.core.topsis import (
    entropy_weights,
    indicator_performance,
    minmax_performance,
    numeric_column,
    topsis_composite,
    topsis_scores,
    vector_normalization,
)
from megaregion.core.unevenness import INTERVAL_COLUMNS, UnevennessInputError, unevenness_table
from peers import require

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def approx(expected, **kw):
    """pytest.approx without its default absolute tolerance (1e-12), which would accept
    any value for an expected 1e-300."""
    kw.setdefault("abs", 0)
    return pytest.approx(expected, **kw)


SCALES = (1e-300, 1e-150, 1e150, 1e300)
BIGGEST = float(np.finfo(float).max)          # 1.7976931348623157e308
SMALLEST = float(np.nextafter(0.0, 1.0))      # 5e-324, the smallest subnormal
VECTORS = json.loads((Path(__file__).resolve().parents[1] / "data" / "inequality_test_vectors.json").read_text())

# --------------------------------------------------------------------------- worked example

# method.md: cores (1, 3), secondary cities (2, 6)
Y = np.array([1.0, 3.0, 2.0, 6.0])
GROUPS = ["core", "core", "secondary", "secondary"]


def _t(r):
    """(1/n) sum r ln r for ratios to the mean, 0 ln 0 = 0."""
    return sum(v * math.log(v) for v in r if v > 0) / len(r)


# closed forms of the worked example (mu = 3; each group has ratios 1/2, 3/2 to its mean)
THEIL = _t([1 / 3, 1.0, 2 / 3, 2.0])
THEIL_GROUP = _t([0.5, 1.5])
BETWEEN = 1 / 3 * math.log(2 / 3) + 2 / 3 * math.log(4 / 3)
DAGUM = {"G": 1 / 3, "Gw": 1 / 8, "Gnb": 1 / 6, "Gt": 1 / 24}


def check_worked_example(y, c):
    """All measures of the worked example ``y = c * (1, 3, 2, 6)``."""
    assert gini(y) == approx(1 / 3, rel=1e-14)
    assert theil(y) == approx(THEIL, rel=1e-14)
    td = theil_decomposition(y, GROUPS)
    assert (td.total, td.between, td.within) == approx((THEIL, BETWEEN, THEIL_GROUP), rel=1e-14)
    np.testing.assert_allclose(td.T_g, [THEIL_GROUP, THEIL_GROUP], rtol=1e-14)
    np.testing.assert_allclose(td.s_g, [1 / 3, 2 / 3], rtol=1e-15)
    d = dagum_gini(y, GROUPS)
    assert d.groups == ("core", "secondary")
    for name, value in DAGUM.items():
        assert getattr(d, name) == approx(value, rel=1e-13), name
    assert d.D_jh[1, 0] == approx(0.8, rel=1e-14)
    np.testing.assert_allclose(d.G_jj, [0.25, 0.25], rtol=1e-14)
    assert d.G_jh[0, 1] == approx(5 / 12, rel=1e-14)
    # quantities in the indicator's units scale with it and stay finite
    np.testing.assert_allclose(d.mu, [2 * c, 4 * c], rtol=1e-14)
    assert d.d_jh[1, 0] == approx(2.25 * c, rel=1e-14)
    assert d.p_jh[1, 0] == approx(0.25 * c, rel=1e-14)
    assert np.isfinite(d.d_jh).all() and np.isfinite(d.p_jh).all()


@pytest.mark.parametrize("c", SCALES + (1.7e308 / 6,))
def test_worked_example_at_every_scale(c):
    check_worked_example(c * Y, c)


def test_worked_example_near_the_largest_float():
    # the largest value is the largest float itself
    y = Y / 6 * BIGGEST
    assert y.max() == BIGGEST
    check_worked_example(y, BIGGEST / 6)


@pytest.mark.parametrize("ulps", [1, 2 ** 20, 2 ** 40])
def test_worked_example_in_subnormal_and_tiny_values(ulps):
    # multiples of the smallest subnormal are exact: the measures are the worked example's
    c = SMALLEST * ulps
    y = c * Y
    assert (y / c == Y).all()
    check_worked_example(y, c)


def test_worked_example_weighted_equals_repeated_sample_at_every_scale():
    w = np.array([2.0, 1.0, 1.0, 3.0])
    repeated = np.repeat(Y, w.astype(int))
    groups_rep = np.repeat(GROUPS, w.astype(int))
    t0, g0 = theil(repeated), gini(repeated)
    d0 = dagum_gini(repeated, groups_rep)
    for cy in SCALES + (1.7e308 / 6,):
        for cw in SCALES + (1.7e308 / 8,):  # the weights add up to 7 cw
            assert theil(cy * Y, weights=cw * w) == approx(t0, rel=1e-13), (cy, cw)
            assert gini(cy * Y, weights=cw * w) == approx(g0, rel=1e-13), (cy, cw)
            d = dagum_gini(cy * Y, GROUPS, weights=cw * w)
            for name in ("G", "Gw", "Gnb", "Gt"):
                assert getattr(d, name) == approx(getattr(d0, name), rel=1e-12), (cy, cw, name)
            np.testing.assert_allclose(d.n, cw * np.array([3.0, 4.0]), rtol=1e-14)
            np.testing.assert_allclose(d.mu, cy * np.array([5 / 3, 5.0]), rtol=1e-14)
            td = theil_decomposition(cy * Y, GROUPS, weights=cw * w)
            td0 = theil_decomposition(repeated, groups_rep)
            assert (td.between, td.within) == approx((td0.between, td0.within), rel=1e-13)


# --------------------------------------------------------------------------- published vectors


@pytest.mark.parametrize("c", SCALES)
def test_pysal_mexico_vectors_at_every_scale(c):
    rec = VECTORS["pysal_mexico_theil"]
    y = np.array(rec["pcgdp"], float)
    tol = rec["tolerance_abs"]
    for col in range(y.shape[1]):
        d = theil_decomposition(c * y[:, col], rec["hanson98"], labels=rec["states"])
        assert theil(c * y[:, col]) == approx(rec["expected_theil_T"][col], abs=tol)
        assert d.total == approx(rec["expected_theil_T"][col], abs=tol)
        assert d.between == approx(rec["expected_between_hanson98"][col], abs=tol)
        assert d.within == approx(rec["expected_within_hanson98"][col], abs=tol)
        # and the identity with the unscaled data, to rounding of c * y
        base = theil_decomposition(y[:, col], rec["hanson98"])
        assert (d.total, d.between, d.within) == approx((base.total, base.between, base.within), rel=1e-12)
    g = VECTORS["pysal_mexico_gini_1940"]
    assert gini(c * y[:, 0]) == approx(g["expected_gini"], abs=g["tolerance_abs"])
    assert dagum_gini(c * y[:, 0], rec["hanson98"]).G == approx(g["expected_gini"], abs=g["tolerance_abs"])


def test_pysal_base_values_at_every_scale():
    ineq = require("inequality")
    rng = np.random.default_rng(11)
    for _ in range(20):
        n = int(rng.integers(5, 60))
        y = rng.lognormal(3.0, 1.0, n)
        groups = rng.integers(0, 3, n)
        groups[:3] = [0, 1, 2]
        ref_gini = float(ineq.gini.Gini(y).g)
        ref_theil = float(np.squeeze(ineq.theil.Theil(y).T))
        ref = ineq.theil.TheilD(y, groups)
        for c in SCALES + (1.7e308 / y.max(),):
            assert gini(c * y) == approx(ref_gini, abs=1e-12)
            assert theil(c * y) == approx(ref_theil, abs=1e-12)
            d = theil_decomposition(c * y, groups)
            assert d.between == approx(float(np.squeeze(ref.bg)), abs=1e-12)
            assert d.within == approx(float(np.squeeze(ref.wg)), abs=1e-12)
            assert dagum_gini(c * y, groups).G == approx(ref_gini, abs=1e-12)


# --------------------------------------------------------------------------- mixed magnitudes


def test_values_near_the_float_limit_give_the_rescaled_measures():
    # 1.7e308 twice and a value ~1e308 times smaller: the measures of (1, 1, 0)
    y = [BIGGEST, BIGGEST, 1.0]
    assert theil(y) == approx(math.log(1.5), rel=1e-14)
    assert gini(y) == approx(1 / 3, rel=1e-14)
    assert theil([1e300, 1e-300, 1.0]) == approx(math.log(3), rel=1e-14)
    assert gini([1e300, 1e-300, 1.0]) == approx(2 / 3, rel=1e-14)


def test_a_group_far_below_the_other_keeps_its_own_measures():
    y = [1e-300, 3e-300, 2e300, 6e300]
    d = dagum_gini(y, GROUPS)
    # the measures of (0, 0, 2, 6) ...
    assert (d.G, d.Gw, d.Gnb, d.Gt) == approx((0.625, 0.125, 0.5, 0.0), rel=1e-14)
    # ... while the small group's own Gini and mean are exact
    np.testing.assert_allclose(d.G_jj, [0.25, 0.25], rtol=1e-14)
    np.testing.assert_allclose(d.mu, [2e-300, 4e300], rtol=1e-14)
    td = theil_decomposition(y, GROUPS)
    np.testing.assert_allclose(td.T_g, [THEIL_GROUP, THEIL_GROUP], rtol=1e-14)
    assert td.between == approx(math.log(2), rel=1e-14)
    assert td.total == approx(math.log(2) + THEIL_GROUP, rel=1e-14)
    # three groups, two of them 1e600 below the third: their pair keeps full precision
    d3 = dagum_gini([1e-300, 3e-300, 2e-300, 6e-300, 1e300], ["a", "a", "b", "b", "c"])
    assert d3.G_jh[0, 1] == approx(5 / 12, rel=1e-14)
    assert d3.D_jh[1, 0] == approx(0.8, rel=1e-14)


def test_weighted_mean_at_the_limits():
    assert weighted_mean([1.6e308, 1.7e308, 1.5e308]) == approx(1.6e308, rel=1e-15)
    assert weighted_mean([BIGGEST, BIGGEST]) == BIGGEST
    assert weighted_mean([1.0, 3.0], weights=[3e300, 1e300]) == 1.5
    assert weighted_mean([SMALLEST, 3 * SMALLEST]) == 2 * SMALLEST


# --------------------------------------------------------------------------- documented rules


@pytest.mark.parametrize("c", SCALES)
def test_zeros_follow_0_ln_0_at_every_scale(c):
    y = np.array([0.0, 0.0, 0.0, 10.0, 10.0, 10.0])
    assert theil(c * y) == approx(math.log(2), rel=1e-15)
    assert gini(c * y) == approx(0.5, rel=1e-15)
    td = theil_decomposition(c * y, ["a", "a", "a", "b", "b", "b"])
    assert (td.between, td.within) == approx((math.log(2), 0.0), rel=1e-15, abs=1e-300)
    d = dagum_gini(c * y, ["a", "a", "a", "b", "b", "b"])
    assert (d.Gnb, d.Gt, d.Gw) == (approx(0.5, rel=1e-15), 0.0, 0.0)


def test_negative_and_all_zero_values_are_refused_at_every_scale():
    for c in SCALES:
        with pytest.raises(InequalityInputError, match=r"negative values for 1 city \(B\)"):
            theil(c * np.array([1.0, -1.0, 2.0]), labels=["A", "B", "C"])
    with pytest.raises(InequalityInputError, match="zero for all 3 cities"):
        gini([0.0, 0.0, 0.0])


def test_infinite_values_and_weights_are_refused_with_city_and_value():
    with pytest.raises(InequalityInputError, match=r"infinite values for 1 city \(Handan = inf\)"):
        theil([1.0, np.inf, 2.0], labels=["Xingtai", "Handan", "Baoding"])
    with pytest.raises(InequalityInputError, match=r"1 city \(Baoding = -inf\)"):
        gini([1.0, 2.0, -np.inf], labels=["Xingtai", "Handan", "Baoding"])
    with pytest.raises(InequalityInputError, match=r"weights .*1 city \(Handan = inf\)"):
        dagum_gini([1.0, 2.0, 3.0], ["a", "a", "b"], weights=[1.0, np.inf, 1.0],
                   labels=["Xingtai", "Handan", "Baoding"])
    with pytest.raises(InequalityInputError, match=r"\(Handan = inf\)"):
        weighted_mean([1.0, np.inf], labels=["Xingtai", "Handan"])


def test_results_float64_cannot_hold_are_refused():
    # weights within a factor 1e250 of each other, but a group's total above 1.8e308
    with pytest.raises(InequalityInputError, match=r"group 'a' add up to about 2\.0e\+308.*rescale"):
        dagum_gini([1.0, 2.0, 3.0, 4.0], ["a", "a", "b", "b"], weights=[1e308, 1e308, 1e100, 1e100])
    # the scale-invariant measures of the same input are still the right numbers
    assert gini([1.0, 2.0, 3.0, 4.0], weights=[1e308, 1e308, 1e100, 1e100]) == approx(1 / 6, rel=1e-14)
    with pytest.raises(InequalityInputError, match=r"weights range from 1e-300 \(B\) to 1e\+300 \(A\)"):
        theil([1.0, 2.0], weights=[1e300, 1e-300], labels=["A", "B"])


# --------------------------------------------------------------------------- unevenness table


def frame(values, weights=None):
    df = pd.DataFrame({
        "megaregion_id": ["R1"] * 4, "role": ["core", "core", "secondary", "secondary"],
        "name": ["Xingtai", "Handan", "Baoding", "Hengshui"], "x_2020": values,
    })
    if weights is not None:
        df["pop"] = weights
    return df


@pytest.mark.parametrize("c", SCALES + (1.7e308 / 6,))
def test_unevenness_row_at_every_scale(c):
    r = unevenness_table(frame(c * Y), ["x_2020"], labels_field="name").iloc[0]
    assert r["status"] == "ok" and r["note"] == ""
    assert r["gini"] == approx(1 / 3, rel=1e-14)
    assert r["theil"] == approx(THEIL, rel=1e-14)
    assert (r["theil_between"], r["theil_within"]) == approx((BETWEEN, THEIL_GROUP), rel=1e-14)
    assert (r["dagum_gw"], r["dagum_gnb"], r["dagum_gt"]) == approx((1 / 8, 1 / 6, 1 / 24), rel=1e-13)
    assert (r["mean_core"], r["mean_secondary"]) == approx((2 * c, 4 * c), rel=1e-14)
    assert r["ratio"] == approx(0.5, rel=1e-14)
    assert r["leader"] == "secondary"
    weighted = unevenness_table(frame(c * Y, [2e300, 1e300, 1e300, 3e300]), ["x_2020"],
                                labels_field="name", weight_field="pop").iloc[0]
    reference = unevenness_table(frame(Y, [2, 1, 1, 3]), ["x_2020"], weight_field="pop").iloc[0]
    for measure in ("gini", "theil", "theil_between", "theil_within", "dagum_gnb", "dagum_gt", "ratio"):
        assert weighted[measure] == approx(reference[measure], rel=1e-12), measure


def _uncertain(df, **kw):
    t = unevenness_table(pd.concat([df, df.assign(name=df["name"] + "2")], ignore_index=True), ["x_2020"],
                         labels_field="name", bootstrap=200, permutations=99, seed=3, **kw)
    return t.iloc[0]


@pytest.mark.parametrize("c", SCALES + (1.7e308 / 6, SMALLEST, 2.0 ** -1060))
def test_unevenness_intervals_and_p_at_every_scale(c):
    """Intervals and p-values are those of the same data in ordinary units, without a numpy
    warning, at any scale and with weights of 1e300."""
    reference = _uncertain(frame(Y))
    r = _uncertain(frame(c * Y))
    assert r["note"] == "" and r["p_between"] == reference["p_between"]
    for col in INTERVAL_COLUMNS:
        assert r[col] == approx(reference[col], rel=1e-12, abs=1e-15), col
    weighted = _uncertain(frame(c * Y, [2e300, 1e300, 1e300, 3e300]), weight_field="pop")
    ref_weighted = _uncertain(frame(Y, [2, 1, 1, 3]), weight_field="pop")
    for col in INTERVAL_COLUMNS + ("p_between",):
        assert weighted[col] == approx(ref_weighted[col], rel=1e-12, abs=1e-15), col


def test_unevenness_interval_of_a_ratio_beyond_float64_is_null():
    r = _uncertain(frame([1e300, 3e300, 1e-10, 3e-10]))
    assert math.isnan(r["ratio"]) and math.isnan(r["ratio_ci_low"]) and math.isnan(r["ratio_ci_high"])
    assert r["theil_ci_low"] <= r["theil"] <= r["theil_ci_high"]
    assert r["gini_ci_high"] <= 1


def test_unevenness_ratio_beyond_float64_is_null_with_a_note():
    r = unevenness_table(frame([1e300, 3e300, 1e-10, 3e-10]), ["x_2020"], labels_field="name").iloc[0]
    assert r["status"] == "ok"
    assert math.isnan(r["ratio"])
    assert "exceeds the largest float" in r["note"] and "2e+300" in r["note"]
    # every other measure is the right number: those of (1, 3, 0, 0)
    assert r["gini"] == approx(0.625, rel=1e-14)
    assert r["mean_core"] == approx(2e300, rel=1e-14)
    assert r["mean_secondary"] == approx(2e-10, rel=1e-14)


def test_unevenness_group_mean_without_measures_never_overflows():
    r = unevenness_table(frame([BIGGEST, BIGGEST, None, None]), ["x_2020"], labels_field="name").iloc[0]
    assert r["status"] == "no valid secondary value (all NULL)"
    assert r["mean_core"] == BIGGEST


def test_unevenness_refuses_infinite_values_and_weights_by_name():
    with pytest.raises(UnevennessInputError,
                       match=r"Indicator 'x' \(field 'x_2020'\) is infinite for 1 cities \(Handan \(R1, inf\)\)"):
        unevenness_table(frame([1.0, np.inf, 2.0, 6.0]), ["x_2020"], labels_field="name")
    # a text cell reading "-Infinity" is the same infinite value; "1e999" is read as inf by
    # pandas 2 and as no number by pandas 1.5: refused by name either way
    text = frame([1.0, 3.0, 2.0, 6.0]).astype({"x_2020": object})
    text.loc[3, "x_2020"] = "-Infinity"
    with pytest.raises(UnevennessInputError, match=r"Hengshui \(R1, -inf\)"):
        unevenness_table(text, ["x_2020"], labels_field="name")
    text.loc[3, "x_2020"] = "1e999"
    with pytest.raises(UnevennessInputError, match=r"1 cities \(Hengshui(='1e999'| \(R1, inf\))\)"):
        unevenness_table(text, ["x_2020"], labels_field="name")
    with pytest.raises(UnevennessInputError, match=r"Weight field 'pop' .*infinite .*\(Baoding \(inf\)\)"):
        unevenness_table(frame(Y, [1.0, 1.0, np.inf, 1.0]), ["x_2020"], labels_field="name", weight_field="pop")
    with pytest.raises(UnevennessInputError,
                       match=r"Indicator 'x' \(field 'x_2020', weight field 'pop'\), mega-region 'R1': "
                             r"the weights of group 'core' add up to about 2\.0e\+308"):
        unevenness_table(frame(Y, [1e308, 1e308, 1e300, 1e300]), ["x_2020"], labels_field="name",
                         weight_field="pop")


def test_unevenness_report_of_extreme_values():
    t = unevenness_table(frame(Y / 6 * BIGGEST), ["x_2020"], labels_field="name")
    page = unevenness_report_html(t, measures=["mean_secondary", "theil", "ratio"])
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", page)
    assert "1.20 × 10³⁰⁸" in cells and "0.187" in cells and "0.500" in cells
    assert "inf" not in page and "nan" not in page


# --------------------------------------------------------------------------- TOPSIS


@pytest.mark.parametrize("c", SCALES + (1.7e308 / 9,))
def test_minmax_performance_at_every_scale(c):
    x = np.array([1.0, 3.0, 5.0, 9.0, np.nan])
    np.testing.assert_allclose(minmax_performance(c * x)[:4], [0.0, 0.25, 0.5, 1.0], rtol=0, atol=1e-15)
    np.testing.assert_allclose(minmax_performance(c * x, cost=True)[:4], [1.0, 0.75, 0.5, 0.0], rtol=0, atol=1e-15)
    assert np.isnan(minmax_performance(c * x)[4])
    # a power of two changes no bit
    for e in (-1070, -1000, 1000, 1020):
        np.testing.assert_array_equal(minmax_performance(np.ldexp(x, e)), minmax_performance(x))


def test_minmax_performance_across_the_whole_float_range():
    np.testing.assert_array_equal(minmax_performance([-BIGGEST, 0.0, BIGGEST]), [0.0, 0.5, 1.0])
    np.testing.assert_array_equal(minmax_performance([SMALLEST, 2 * SMALLEST, 5 * SMALLEST]), [0.0, 0.25, 1.0])


# "pymcdm_topsis_opricovic" and "pymcdm_entropy_weights" (see test_topsis.py)
OPRICOVIC_X = np.array([[1, 3000], [2, 3750], [5, 4500]], float)
OPRICOVIC_COST = [True, False]
OPRICOVIC_VECTOR = [0.76214058, 0.72217783, 0.23785942]
ELSAYED_X = np.array([
    [7, 312, 1891, 6613, 163], [72, 88, 728, 941804, 1078], [10, 252, 2594, 3466, 117471],
    [10, 145, 980, 2371, 86329], [65, 54, 350, 501, 29897], [29, 48, 380, 912, 34051],
    [7, 476, 3300, 78470, 2212], [70, 87, 650, 733, 819000], [4, 86, 591, 3015, 103],
    [12, 79, 579, 3240, 96098], [21, 45, 261, 1253, 453], [1, 72, 530, 4333, 0.1048]])
ELSAYED_WEIGHTS = [0.104991, 0.069124, 0.071373, 0.449937, 0.304575]


@pytest.mark.parametrize("c", SCALES)
def test_topsis_closeness_at_every_scale(c):
    base = topsis_scores(OPRICOVIC_X, [0.5, 0.5], OPRICOVIC_COST)
    np.testing.assert_allclose(base, OPRICOVIC_VECTOR, atol=1e-8)
    # one column or both rescaled, near the largest float too
    for scale in ([c, 1.0], [1.0, c], [c, c], [c, 1e300 / 5000]):
        x = OPRICOVIC_X * np.array(scale)
        np.testing.assert_allclose(topsis_scores(x, [0.5, 0.5], OPRICOVIC_COST), base, rtol=1e-13)
        np.testing.assert_allclose(vector_normalization(x), vector_normalization(OPRICOVIC_X), rtol=1e-13)
    # the weights' scale does not matter either
    np.testing.assert_allclose(topsis_scores(OPRICOVIC_X, [c, c], OPRICOVIC_COST), base, rtol=1e-15)
    np.testing.assert_allclose(topsis_scores(OPRICOVIC_X, [BIGGEST, BIGGEST], OPRICOVIC_COST), base, rtol=1e-15)


def test_topsis_closeness_near_the_largest_float():
    x = OPRICOVIC_X / OPRICOVIC_X.max(axis=0) * BIGGEST
    np.testing.assert_allclose(topsis_scores(x, [0.5, 0.5], OPRICOVIC_COST), OPRICOVIC_VECTOR, atol=1e-8)
    assert np.isfinite(vector_normalization(x)).all()


def test_topsis_distance_on_a_tiny_weight_is_not_lost():
    # the last city is at the anti-ideal in the heavy criterion and differs from it only in
    # a criterion of weight 1e-300: its closeness is tiny but not 0 (squares would underflow)
    x = np.array([[1.0, 1.0], [2.0, 1.0], [3.0, 1.0], [1.0, 2.0]])
    scores = topsis_scores(x, [1.0, 1e-300])
    assert 0.0 < scores[3] < 1e-290
    assert scores[0] == 0.0


@pytest.mark.parametrize("c", SCALES)
def test_entropy_weights_at_every_scale(c):
    base = entropy_weights(ELSAYED_X)
    np.testing.assert_allclose(base, ELSAYED_WEIGHTS, atol=5e-7)
    scaled = ELSAYED_X * np.array([c, 1.0, c, 1e300 / 1e6, 1.0])
    np.testing.assert_allclose(entropy_weights(scaled), base, rtol=1e-13)
    np.testing.assert_allclose(entropy_weights(ELSAYED_X * c), base, rtol=1e-13)


def test_entropy_weights_near_the_largest_float():
    x = ELSAYED_X / ELSAYED_X.max(axis=0) * BIGGEST
    np.testing.assert_allclose(entropy_weights(x), ELSAYED_WEIGHTS, atol=5e-7)


def test_composite_and_performance_of_a_frame_at_every_scale():
    rng = np.random.default_rng(9)
    data = pd.DataFrame(rng.uniform(1, 10, size=(12, 3)), columns=["POP", "GDP", "PM2.5"])
    base_perf, _ = indicator_performance(data, list(data.columns), ["PM2.5"])
    base_scores, base_w = topsis_composite(data, list(data.columns), ["PM2.5"], weighting="entropy")
    for c in SCALES + (1.7e308 / 10,):
        scaled = data * c
        perf, _ = indicator_performance(scaled, list(data.columns), ["PM2.5"])
        np.testing.assert_allclose(perf.to_numpy(), base_perf.to_numpy(), rtol=0, atol=1e-15)
        scores, weights = topsis_composite(scaled, list(data.columns), ["PM2.5"], weighting="entropy")
        np.testing.assert_allclose(scores.to_numpy(), base_scores.to_numpy(), rtol=1e-13)
        np.testing.assert_allclose(weights.to_numpy(), base_w.to_numpy(), rtol=1e-13)


def test_topsis_refuses_infinite_values_with_name_and_value():
    df = pd.DataFrame({"GDP": [1.0, np.inf, 3.0, -np.inf]}, index=["Xingtai", "Handan", "Baoding", "Hengshui"])
    with pytest.raises(ValueError, match=r"Indicator 'GDP' is infinite for 2 cities \(Handan = inf, Hengshui = -inf\)"):
        numeric_column(df, "GDP")
    with pytest.raises(ValueError, match=r"criterion 1, row 0: inf"):
        topsis_scores([[1.0, np.inf], [2.0, 3.0], [3.0, 4.0]])
    with pytest.raises(ValueError, match=r"criterion 0, row 2: -inf"):
        vector_normalization([[1.0, 1.0], [2.0, 3.0], [-np.inf, 4.0]])
    with pytest.raises(ValueError, match=r"criterion 1, row 1: inf"):
        entropy_weights([[1.0, 2.0], [2.0, np.inf], [3.0, 4.0]])
    with pytest.raises(ValueError, match=r"position 1 is inf"):
        minmax_performance([1.0, np.inf, 3.0])
    with pytest.raises(ValueError, match=r"finite non-negative"):
        topsis_scores([[1.0, 2.0], [2.0, 3.0]], weights=[1.0, np.inf])


# --------------------------------------------------------------------------- typology


def regions(seed=12):
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(5):
        for i in range(12):
            role = "core" if i < 1 + r % 2 else "secondary"
            rows.append([f"R{r}", role, f"c{r}_{i}"] + rng.uniform(1, 10, 4).tolist() + [110.0 + r, 30 + 0.1 * i])
    return pd.DataFrame(rows, columns=["megaregion_id", "role", "name", "I0", "I1", "I2", "I3", "lon", "lat"])


def test_gap_typology_and_report_at_every_scale():
    df = regions()
    inds = ["I0", "I1", "I2", "I3"]
    kw = dict(cost_indicators=["I3"], name_field="name", k_max=5, n_init=10, composite_weighting="entropy")
    base = ty.gap_typology(df, inds, **kw)
    page = typology_report_html(base)
    for c in SCALES + (1.7e308 / 10,):
        scaled = df.copy()
        scaled[inds] = scaled[inds] * c
        res = ty.gap_typology(scaled, inds, **kw)
        assert res.k == base.k
        pd.testing.assert_series_equal(res.cities["type"], base.cities["type"])
        np.testing.assert_allclose(res.profile.to_numpy(), base.profile.to_numpy(), rtol=0, atol=1e-15)
        np.testing.assert_allclose(res.composite.to_numpy(), base.composite.to_numpy(), rtol=1e-13)
        assert res.mean_silhouette == approx(base.mean_silhouette, abs=1e-14)
        assert typology_report_html(res) == page


def test_nearest_core_refuses_points_outside_the_globe():
    df = regions()
    df.loc[3, "lon"] = np.inf
    with pytest.raises(ValueError, match=r"outside the globe for 1 cities \(c0_3 \(lon inf, lat 30\.3"):
        ty.gap_typology(df, ["I0", "I1"], name_field="name", core_reference_method="nearest",
                        lon=df["lon"], lat=df["lat"])


# --------------------------------------------------------------------------- almost equal values


def _exact(y, groups):
    """Theil T, its between-group part and the Gini of ``y`` in 60-digit decimals."""
    from decimal import Decimal, getcontext

    getcontext().prec = 60
    d = [Decimal(float(v)) for v in y]
    n = Decimal(len(d))
    mu = sum(d) / n
    t = sum((v / mu) * (v / mu).ln() for v in d) / n
    between = Decimal(0)
    for g in sorted(set(groups)):
        part = [v for v, k in zip(d, groups) if k == g]
        s, p = sum(part) / sum(d), Decimal(len(part)) / n
        between += s * (s / p).ln()
    g = sum(abs(a - b) for a in d for b in d) / (2 * n * n * mu)
    return float(t), float(between), float(g)


def test_almost_equal_values_keep_their_precision():
    # a spread of 1e-5 around 1000: Theil ~ 1e-11, the between part ~ 1e-12; a running
    # sum of r ln r cancels to a few digits, the non-negative terms keep ~12
    rng = np.random.default_rng(21)
    for _ in range(5):
        y = 1000.0 + rng.uniform(0, 0.01, 40)
        groups = ["core"] * 15 + ["secondary"] * 25
        t, between, g = _exact(y, groups)
        assert theil(y) == approx(t, rel=1e-10, abs=0)
        assert theil_decomposition(y, groups).between == approx(between, rel=1e-8, abs=0)
        assert gini(y) == approx(g, rel=1e-12, abs=0)
        assert dagum_gini(y, groups).G == approx(g, rel=1e-12, abs=0)
