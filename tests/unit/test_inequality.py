"""Tests of core.inequality: the method's worked example, published test vectors, the
decomposition identities on random inputs, a brute-force O(n^2) reference, the weighted
= repeated-sample rule, agreement with PySAL ``inequality`` and the edge cases."""
import doctest
import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from megaregion.core import inequality
from megaregion.core.messages import in_language
from megaregion.core.inequality import (
    InequalityInputError,
    dagum_gini,
    gini,
    theil,
    theil_decomposition,
)
from peers import require

VECTORS = json.loads((Path(__file__).resolve().parents[1] / "data" / "inequality_test_vectors.json").read_text())
EXAMPLE_Y = [1, 3, 2, 6]
EXAMPLE_GROUPS = ["core", "core", "secondary", "secondary"]


# --------------------------------------------------------------------------- references


def brute_gini(y, w):
    """sum_i sum_r w_i w_r |y_i - y_r| / (2 W^2 mu), straight from the definition."""
    y = np.asarray(y, float)
    w = np.asarray(w, float)
    diff = np.abs(y[:, None] - y[None, :]) * w[:, None] * w[None, :]
    mu = np.dot(w, y) / w.sum()
    return diff.sum() / (2 * w.sum() ** 2 * mu)


def brute_pairs(a, wa, b, wb):
    """(d, p, G_ab) of two groups from every pair."""
    diff = a[:, None] - b[None, :]
    ww = wa[:, None] * wb[None, :]
    W = ww.sum()
    d = (np.maximum(diff, 0) * ww).sum() / W
    p = (np.maximum(-diff, 0) * ww).sum() / W
    mu_a = np.dot(wa, a) / wa.sum()
    mu_b = np.dot(wb, b) / wb.sum()
    if mu_a + mu_b == 0:  # two all-zero groups are equal: G_ab = 0 by convention
        return d, p, 0.0
    return d, p, (np.abs(diff) * ww).sum() / (W * (mu_a + mu_b))


def method_weighted_theil(y, P):
    """method.md: T = sum_i (Y_i/Y) ln((Y_i/Y)/(P_i/P)), Y_i = y_i P_i, 0 ln 0 = 0."""
    y = np.asarray(y, float)
    P = np.asarray(P, float)
    Y = y * P
    sy = Y / Y.sum()
    sp = P / P.sum()
    return sum(a * math.log(a / b) for a, b in zip(sy, sp) if a > 0)


def random_case(rng, weighted=False, max_groups=4):
    n = int(rng.integers(2, 41))
    k = int(rng.integers(1, min(max_groups, n) + 1))
    groups = np.concatenate([np.arange(k), rng.integers(0, k, n - k)])
    rng.shuffle(groups)
    y = rng.lognormal(mean=2.0, sigma=1.0, size=n)
    y[rng.random(n) < 0.1] = 0.0  # some zeros, as in real indicators
    if not y.any():
        y[0] = 1.0
    w = rng.integers(1, 6, n).astype(float) if weighted else None
    return y, groups, w


# --------------------------------------------------------------------------- worked example


def test_worked_example_dagum_exact():
    d = dagum_gini(EXAMPLE_Y, EXAMPLE_GROUPS)
    assert d.groups == ("core", "secondary")  # ascending mean: 2 then 4
    assert d.G == pytest.approx(1 / 3, abs=1e-15)
    assert d.Gw == pytest.approx(1 / 8, abs=1e-15)
    assert d.Gnb == pytest.approx(1 / 6, abs=1e-15)
    assert d.Gt == pytest.approx(1 / 24, abs=1e-15)
    assert d.D_jh[1, 0] == pytest.approx(0.8, abs=1e-15)
    assert d.D_jh[0, 1] == pytest.approx(-0.8, abs=1e-15)
    np.testing.assert_allclose(d.G_jj, [0.25, 0.25], atol=1e-15)
    assert d.G_jh[1, 0] == pytest.approx(5 / 12, abs=1e-15)
    assert d.d_jh[1, 0] == pytest.approx(2.25, abs=1e-15)
    assert d.p_jh[1, 0] == pytest.approx(0.25, abs=1e-15)
    np.testing.assert_allclose(d.p, [0.5, 0.5], atol=1e-15)
    np.testing.assert_allclose(d.s, [1 / 3, 2 / 3], atol=1e-15)
    np.testing.assert_allclose(d.mu, [2, 4], atol=1e-15)
    assert (d.Gw_share, d.Gnb_share, d.Gt_share) == pytest.approx((3 / 8, 1 / 2, 1 / 8), abs=1e-14)
    assert gini(EXAMPLE_Y) == pytest.approx(1 / 3, abs=1e-15)


def test_worked_example_theil_exact():
    d = theil_decomposition(EXAMPLE_Y, EXAMPLE_GROUPS)
    assert d.total == pytest.approx(0.1874450, abs=5e-8)
    assert d.between == pytest.approx(0.0566330, abs=5e-8)
    assert d.within == pytest.approx(0.1308120, abs=5e-8)
    # closed forms of tests/data derived_theil_two_groups
    t = 0.25 * (1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3) + 2 * math.log(2))
    b = 1 / 3 * math.log(2 / 3) + 2 / 3 * math.log(4 / 3)
    assert d.total == pytest.approx(t, abs=1e-15)
    assert d.between == pytest.approx(b, abs=1e-15)
    assert d.within == pytest.approx(t - b, abs=1e-15)
    assert d.between_share == pytest.approx(b / t, abs=1e-14)
    assert d.groups == ("core", "secondary")
    np.testing.assert_allclose(d.s_g, [1 / 3, 2 / 3], atol=1e-15)
    np.testing.assert_allclose(d.p_g, [0.5, 0.5], atol=1e-15)
    # within each group (1, 3) and (2, 6) have the same relative spread
    t_g = 0.5 * (0.5 * math.log(0.5) + 1.5 * math.log(1.5))
    np.testing.assert_allclose(d.T_g, [t_g, t_g], atol=1e-15)
    assert theil(EXAMPLE_Y) == pytest.approx(t, abs=1e-15)


def test_doctests_of_the_module():
    from megaregion.core import dagum

    result = doctest.testmod(inequality, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 8
    assert result.failed == 0
    result = doctest.testmod(dagum, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 4
    assert result.failed == 0


def test_dagum_is_reachable_from_both_modules():
    from megaregion.core import dagum

    assert inequality.dagum_gini is dagum.dagum_gini and inequality.DagumGini is dagum.DagumGini
    with pytest.raises(AttributeError):
        inequality.no_such_measure


# --------------------------------------------------------------------------- test vectors


def test_vectors_mexico_theil_and_decomposition():
    rec = VECTORS["pysal_mexico_theil"]
    y = np.array(rec["pcgdp"], float)
    regimes = rec["hanson98"]
    tol = rec["tolerance_abs"]
    for col, year in enumerate(rec["years"]):
        d = theil_decomposition(y[:, col], regimes, labels=rec["states"])
        assert theil(y[:, col]) == pytest.approx(rec["expected_theil_T"][col], abs=tol), year
        assert d.total == pytest.approx(rec["expected_theil_T"][col], abs=tol), year
        assert d.between == pytest.approx(rec["expected_between_hanson98"][col], abs=tol), year
        assert d.within == pytest.approx(rec["expected_within_hanson98"][col], abs=tol), year


def test_vectors_mexico_gini_1940():
    rec = VECTORS["pysal_mexico_gini_1940"]
    y = np.array(VECTORS["pysal_mexico_theil"]["pcgdp"], float)[:, 0]
    assert gini(y) == pytest.approx(rec["expected_gini"], abs=rec["tolerance_abs"])
    assert dagum_gini(y, VECTORS["pysal_mexico_theil"]["hanson98"]).G == pytest.approx(
        rec["expected_gini"], abs=rec["tolerance_abs"]
    )


def test_vectors_toy_theild_with_zeros():
    rec = VECTORS["pysal_toy_theild"]
    d = theil_decomposition(rec["y"], rec["groups"])
    tol = rec["tolerance_abs"]
    assert d.total == pytest.approx(rec["expected"]["total"], abs=tol)
    assert d.between == pytest.approx(rec["expected"]["between"], abs=tol)
    assert d.within == pytest.approx(rec["expected"]["within"], abs=tol)
    assert d.between_share == pytest.approx(1.0, abs=1e-12)


def test_vectors_reat_theil_t_is_not_mld():
    rec = VECTORS["reat_theil_is_mld"]
    t = theil(rec["y"])
    assert t == pytest.approx(rec["expected_theil_T_for_contrast"], abs=rec["tolerance_abs"])
    # Theil T differs from the mean log deviation that REAT::theil prints
    assert abs(t - rec["expected_theil_L"]) > 0.01


def test_vectors_derived_dagum_two_groups():
    rec = VECTORS["derived_dagum_two_groups"]
    exp = rec["expected"]
    tol = rec["tolerance_abs"]
    d = dagum_gini(rec["y"], rec["groups"])
    a, b = d.index("A"), d.index("B")
    for name in ("G", "Gw", "Gnb", "Gt"):
        assert getattr(d, name) == pytest.approx(exp[name], abs=tol), name
    assert d.G_jj[a] == pytest.approx(exp["G_AA"], abs=tol)
    assert d.G_jj[b] == pytest.approx(exp["G_BB"], abs=tol)
    assert d.G_jh[a, b] == pytest.approx(exp["G_AB"], abs=tol)
    assert d.d_jh[b, a] == pytest.approx(exp["d_BA"], abs=tol)
    assert d.p_jh[b, a] == pytest.approx(exp["p_BA"], abs=tol)
    assert d.D_jh[b, a] == pytest.approx(exp["D_BA"], abs=tol)
    np.testing.assert_allclose(d.p, exp["p"], atol=tol)
    np.testing.assert_allclose(d.s, exp["s"], atol=tol)
    # the fixed order with B (the higher mean) first gives the negative convention
    fixed = dagum_gini(rec["y"], rec["groups"], order=["B", "A"])
    for name, value in rec["expected_if_order_given_B_first"].items():
        assert getattr(fixed, name) == pytest.approx(value, abs=tol), name
    assert fixed.G == pytest.approx(exp["G"], abs=tol)


def test_vectors_derived_theil_two_groups():
    rec = VECTORS["derived_theil_two_groups"]
    d = theil_decomposition(rec["y"], rec["groups"], weights=rec["population"])
    t = 0.25 * (1 / 3 * math.log(1 / 3) + 2 / 3 * math.log(2 / 3) + 2 * math.log(2))
    b = 1 / 3 * math.log(2 / 3) + 2 / 3 * math.log(4 / 3)
    assert d.total == pytest.approx(t, abs=rec["tolerance_abs"])
    assert d.between == pytest.approx(b, abs=rec["tolerance_abs"])


def test_worked_example_in_exact_fractions():
    """Dagum's terms of the worked example recomputed with rational arithmetic."""
    y = [Fraction(v) for v in EXAMPLE_Y]
    core, sec = y[:2], y[2:]
    mu = sum(y) / 4
    G = sum(abs(a - b) for a in y for b in y) / (2 * 16 * mu)
    G_cc = sum(abs(a - b) for a in core for b in core) / (2 * 4 * (sum(core) / 2))
    G_ss = sum(abs(a - b) for a in sec for b in sec) / (2 * 4 * (sum(sec) / 2))
    G_sc = sum(abs(a - b) for a in sec for b in core) / (4 * (sum(core) / 2 + sum(sec) / 2))
    d = sum(max(a - b, 0) for a in sec for b in core) / 4
    p = sum(max(b - a, 0) for a in sec for b in core) / 4
    D = (d - p) / (d + p)
    s_c, s_s = sum(core) / sum(y), sum(sec) / sum(y)
    Gw = G_cc * Fraction(1, 2) * s_c + G_ss * Fraction(1, 2) * s_s
    Gnb = G_sc * (Fraction(1, 2) * s_c + Fraction(1, 2) * s_s) * D
    Gt = G_sc * (Fraction(1, 2) * s_c + Fraction(1, 2) * s_s) * (1 - D)
    assert (G, Gw, Gnb, Gt, D) == (Fraction(1, 3), Fraction(1, 8), Fraction(1, 6), Fraction(1, 24), Fraction(4, 5))
    res = dagum_gini(EXAMPLE_Y, EXAMPLE_GROUPS)
    assert (res.G, res.Gw, res.Gnb, res.Gt) == pytest.approx(tuple(map(float, (G, Gw, Gnb, Gt))), abs=1e-15)


# --------------------------------------------------------------------------- identities


@pytest.mark.parametrize("weighted", [False, True])
def test_identities_on_random_inputs(weighted):
    rng = np.random.default_rng(20240601 + weighted)
    for _ in range(300):
        y, groups, w = random_case(rng, weighted)
        ww = np.ones(y.size) if w is None else w
        d = dagum_gini(y, groups, weights=w)
        assert d.G == pytest.approx(d.Gw + d.Gnb + d.Gt, abs=1e-12)
        mu = np.dot(ww, y) / ww.sum()
        k = len(d.groups)
        gnb = sum(d.p[j] * d.p[h] * abs(d.mu[j] - d.mu[h]) / mu for j in range(k) for h in range(j))
        assert d.Gnb == pytest.approx(gnb, abs=1e-12)
        assert min(d.Gw, d.Gnb, d.Gt) >= -1e-15
        assert np.all(np.diff(d.mu) >= 0)  # ascending means
        lower = np.tril_indices(k, -1)
        assert np.all(d.D_jh[lower] >= -1e-12) and np.all(d.D_jh[lower] <= 1 + 1e-12)
        np.testing.assert_allclose(d.D_jh, -d.D_jh.T, atol=1e-12)
        np.testing.assert_allclose(d.p_jh, d.d_jh.T, atol=1e-12)
        # d_jh - p_jh is the difference of the means
        np.testing.assert_allclose(d.d_jh - d.p_jh, d.mu[:, None] - d.mu[None, :], atol=1e-9)
        if k > 1:
            assert d.Gw_share + d.Gnb_share + d.Gt_share == pytest.approx(1.0, abs=1e-12)
        t = theil_decomposition(y, groups, weights=w)
        assert t.total == pytest.approx(t.between + t.within, abs=1e-12)
        assert t.between >= -1e-15 and t.within >= -1e-15
        assert t.s_g.sum() == pytest.approx(1.0) and t.p_g.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("weighted", [False, True])
def test_against_brute_force_pairs(weighted):
    rng = np.random.default_rng(7 + weighted)
    for _ in range(150):
        y, groups, w = random_case(rng, weighted)
        ww = np.ones(y.size) if w is None else w
        assert gini(y, weights=w) == pytest.approx(brute_gini(y, ww), abs=1e-12)
        d = dagum_gini(y, groups, weights=w)
        for j, gj in enumerate(d.groups):
            mj = groups == gj
            assert d.G_jj[j] == pytest.approx(brute_gini(y[mj], ww[mj]) if y[mj].any() else 0.0, abs=1e-12)
            for h, gh in enumerate(d.groups):
                if h == j:
                    continue
                mh = groups == gh
                bd, bp, bg = brute_pairs(y[mj], ww[mj], y[mh], ww[mh])
                assert d.d_jh[j, h] == pytest.approx(bd, rel=1e-12, abs=1e-12)
                assert d.p_jh[j, h] == pytest.approx(bp, rel=1e-12, abs=1e-12)
                assert d.G_jh[j, h] == pytest.approx(bg, abs=1e-12)


def test_weighted_theil_is_the_method_formula():
    rng = np.random.default_rng(11)
    for _ in range(100):
        n = int(rng.integers(2, 30))
        y = rng.lognormal(1, 1, n)
        y[0] = 0.0
        P = rng.uniform(0.1, 100.0, n)  # real-valued population weights
        assert theil(y, weights=P) == pytest.approx(method_weighted_theil(y, P), abs=1e-12)


def test_weighted_equals_repeated_sample():
    rng = np.random.default_rng(99)
    for _ in range(150):
        y, groups, w = random_case(rng, weighted=True)
        reps = w.astype(int)
        y_rep = np.repeat(y, reps)
        g_rep = np.repeat(groups, reps)
        assert gini(y, weights=w) == pytest.approx(gini(y_rep), abs=1e-12)
        assert theil(y, weights=w) == pytest.approx(theil(y_rep), abs=1e-12)
        tw, tr = theil_decomposition(y, groups, weights=w), theil_decomposition(y_rep, g_rep)
        for name in ("total", "between", "within"):
            assert getattr(tw, name) == pytest.approx(getattr(tr, name), abs=1e-12), name
        order = [tr.groups.index(g) for g in tw.groups]
        for name in ("T_g", "s_g", "p_g"):
            np.testing.assert_allclose(getattr(tw, name), getattr(tr, name)[order], atol=1e-12)
        dw, dr = dagum_gini(y, groups, weights=w), dagum_gini(y_rep, g_rep)
        assert dw.groups == dr.groups
        for name in ("G", "Gw", "Gnb", "Gt"):
            assert getattr(dw, name) == pytest.approx(getattr(dr, name), abs=1e-12), name
        for name in ("mu", "p", "s", "G_jj", "G_jh", "d_jh", "p_jh", "D_jh"):
            np.testing.assert_allclose(getattr(dw, name), getattr(dr, name), atol=1e-10, err_msg=name)


def test_scale_invariance():
    rng = np.random.default_rng(5)
    y, groups, _ = random_case(rng)
    a, b = dagum_gini(y, groups), dagum_gini(1234.5 * y, groups)
    assert (a.G, a.Gw, a.Gnb, a.Gt) == pytest.approx((b.G, b.Gw, b.Gnb, b.Gt), abs=1e-12)
    assert theil(y) == pytest.approx(theil(1234.5 * y), abs=1e-12)


# --------------------------------------------------------------------------- PySAL


def test_agreement_with_pysal_gini_theil_theild():
    """PySAL Gini is sum_i (2i - n - 1) y_(i) / (n^2 mu) on sorted values, which equals the
    population form sum_i sum_r |y_i - y_r| / (2 n^2 mu): the same number, no n/(n-1)."""
    ineq = require("inequality")
    rng = np.random.default_rng(2024)
    for _ in range(200):
        y, groups, _ = random_case(rng)
        assert gini(y) == pytest.approx(float(ineq.gini.Gini(y).g), abs=1e-9)
        assert theil(y) == pytest.approx(float(np.squeeze(ineq.theil.Theil(y).T)), abs=1e-9)
        pd_ = ineq.theil.TheilD(y, groups)
        d = theil_decomposition(y, groups)
        assert d.total == pytest.approx(float(np.squeeze(pd_.T)), abs=1e-9)
        assert d.between == pytest.approx(float(np.squeeze(pd_.bg)), abs=1e-9)
        assert d.within == pytest.approx(float(np.squeeze(pd_.wg)), abs=1e-9)


def test_agreement_with_pysal_on_mexico():
    ineq = require("inequality")
    rec = VECTORS["pysal_mexico_theil"]
    y = np.array(rec["pcgdp"], float)
    regimes = np.array(rec["hanson98"])
    td = ineq.theil.TheilD(y, regimes)
    for col in range(y.shape[1]):
        assert gini(y[:, col]) == pytest.approx(float(ineq.gini.Gini(y[:, col]).g), abs=1e-12)
        d = theil_decomposition(y[:, col], regimes)
        assert d.between == pytest.approx(float(td.bg[col]), abs=1e-12)
        assert d.within == pytest.approx(float(td.wg[col]), abs=1e-12)


# --------------------------------------------------------------------------- edge cases


def test_non_overlapping_groups_have_zero_transvariation():
    d = dagum_gini([1, 2, 3, 10, 11, 12], ["secondary"] * 3 + ["core"] * 3)
    assert d.groups == ("secondary", "core")
    assert d.Gt == 0.0
    assert d.D_jh[1, 0] == 1.0
    assert d.p_jh[1, 0] == 0.0
    assert d.G == pytest.approx(d.Gw + d.Gnb, abs=1e-15)
    # touching groups (max of one = min of the other) do not overlap either
    touch = dagum_gini([1, 2, 2, 4], ["a", "a", "b", "b"])
    assert touch.Gt == 0.0


def test_one_element_group_has_zero_within_gini():
    d = dagum_gini([8, 1, 2, 3, 5], ["core", "secondary", "secondary", "secondary", "secondary"])
    assert d.G_jj[d.index("core")] == 0.0
    assert d.G == pytest.approx(d.Gw + d.Gnb + d.Gt, abs=1e-15)
    t = theil_decomposition([8, 1, 2, 3, 5], ["core", "secondary", "secondary", "secondary", "secondary"])
    assert t.T_g[t.groups.index("core")] == 0.0


def test_all_equal_values():
    d = dagum_gini([4, 4, 4, 4], ["a", "a", "b", "b"])
    assert (d.G, d.Gw, d.Gnb, d.Gt) == (0.0, 0.0, 0.0, 0.0)
    assert math.isnan(d.Gw_share) and math.isnan(d.Gnb_share) and math.isnan(d.Gt_share)
    assert d.D_jh[1, 0] == 0.0
    t = theil_decomposition([4, 4, 4, 4], ["a", "a", "b", "b"])
    assert abs(t.total) < 1e-15 and abs(t.between) < 1e-15 and abs(t.within) < 1e-15
    assert math.isnan(t.between_share)
    assert gini([7.5]) == 0.0 and theil([7.5]) == 0.0


def test_group_with_only_zeros():
    y, groups = [0, 0, 5, 7], ["secondary", "secondary", "core", "core"]
    d = dagum_gini(y, groups)
    assert d.groups == ("secondary", "core")
    assert d.G_jj[0] == 0.0 and d.s[0] == 0.0
    assert d.G == pytest.approx(d.Gw + d.Gnb + d.Gt, abs=1e-15)
    assert d.Gt == 0.0
    t = theil_decomposition(y, groups)
    assert t.T_g[t.groups.index("secondary")] == 0.0
    assert t.total == pytest.approx(t.between + t.within, abs=1e-15)
    assert t.between == pytest.approx(math.log(2), abs=1e-15)  # all of it in half the cities


def test_single_group_is_all_within():
    y = [1, 2, 3, 9]
    d = dagum_gini(y, ["x"] * 4)
    assert d.Gw == pytest.approx(d.G, abs=1e-15) and d.Gnb == 0.0 and d.Gt == 0.0
    t = theil_decomposition(y, ["x"] * 4)
    assert t.between == 0.0 and t.within == pytest.approx(t.total, abs=1e-15)


def test_three_groups_generic_k():
    y = [1, 2, 5, 6, 3, 12]
    g = ["a", "a", "b", "b", "c", "c"]
    d = dagum_gini(y, g)
    assert d.groups == ("a", "b", "c")  # means 1.5, 5.5, 7.5
    assert d.G == pytest.approx(brute_gini(y, np.ones(6)), abs=1e-15)
    assert d.G == pytest.approx(d.Gw + d.Gnb + d.Gt, abs=1e-15)


def test_negative_values_name_the_cities():
    with pytest.raises(InequalityInputError, match=r"negative values for 2 cities \(Xingtai, Handan\)"):
        gini([1, -2, 3, -1], labels=["Shijiazhuang", "Xingtai", "Baoding", "Handan"])
    with pytest.raises(ValueError, match="negative"):
        theil([1, -2])
    with pytest.raises(ValueError, match="position 1"):
        dagum_gini([1, -2], ["a", "b"])


def test_errors_name_the_cities_and_values_in_chinese():
    with pytest.raises(InequalityInputError) as excinfo:
        gini([1, -2, 3, -1], labels=["Shijiazhuang", "Xingtai", "Baoding", "Handan"])
    assert in_language(excinfo.value, "zh") == "y 在 2 个城市（Xingtai, Handan）上为负值：基尼系数和泰尔指数要求数值 >= 0"
    with pytest.raises(InequalityInputError) as excinfo:
        theil([1.0, float("inf"), 2.0])
    assert str(excinfo.value).startswith("y has infinite values for 1 city (position 1 = inf)")
    assert in_language(excinfo.value, "zh").startswith("y 在 1 个城市（第 1 个位置 = inf）上为无穷大")
    with pytest.raises(InequalityInputError) as excinfo:
        gini([1, 2], weights=[1e-300, 1.0], labels=["Lhasa", "Chongqing"])
    zh = in_language(excinfo.value, "zh")
    assert "1e-300（Lhasa）" in zh and "1.0（Chongqing）" in zh and "权重字段" in zh
    with pytest.raises(InequalityInputError) as excinfo:
        dagum_gini([1, 2, 3], ["a", "b", "b"], order=["a", "c"])
    assert in_language(excinfo.value, "zh") == "order ['a', 'c'] 必须把每个分组恰好列出一次；分组为 ['a', 'b']"


def test_nan_zero_total_and_empty_are_errors():
    with pytest.raises(ValueError, match=r"NaN.*1 city \(B\).*exclude NULLs"):
        theil([1.0, float("nan")], labels=["A", "B"])
    with pytest.raises(ValueError, match="zero for all 3 cities"):
        theil_decomposition([0, 0, 0], ["a", "a", "b"])
    with pytest.raises(ValueError, match="empty"):
        gini([])


def test_bad_weights_groups_and_order():
    with pytest.raises(ValueError, match=r"weights.*1 city \(B = 0\.0\)"):
        gini([1, 2], weights=[1, 0], labels=["A", "B"])
    with pytest.raises(ValueError, match="one weight per city"):
        theil([1, 2], weights=[1, 2, 3])
    with pytest.raises(ValueError, match="one group per city"):
        dagum_gini([1, 2], ["a"])
    with pytest.raises(ValueError, match="every city needs a group"):
        theil_decomposition([1, 2], ["a", None])
    with pytest.raises(ValueError, match="exactly once"):
        dagum_gini([1, 2], ["a", "b"], order=["a", "c"])


def test_inputs_are_not_mutated():
    y = np.array([3.0, 1.0, 2.0, 6.0])
    w = np.array([2.0, 1.0, 1.0, 3.0])
    g = np.array(["b", "a", "a", "b"])
    dagum_gini(y, g, weights=w)
    theil_decomposition(y, g, weights=w)
    np.testing.assert_array_equal(y, [3, 1, 2, 6])
    np.testing.assert_array_equal(w, [2, 1, 1, 3])
    np.testing.assert_array_equal(g, ["b", "a", "a", "b"])
