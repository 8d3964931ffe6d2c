"""The gradient of the gap with distance (core/spatial/gradient.py): slope and residuals
against numpy's least squares, rho against scipy.stats.spearmanr, the fixed-effects slope
against a regression with mega-region dummies, planted borrowed-size and shadow regions, and
pure noise called "no clear gradient" in at least 90 % of seeds."""
import numpy as np
import pytest
from scipy import stats

from megaregion.core.spatial import gradient as gr


def planted(sign, n=20, noise=0.03, seed=0):
    rng = np.random.default_rng(seed)
    dist = rng.uniform(20, 400, n)
    # borrowed size: the gap is closest to 0 near the core (it falls with proximity), so
    # it decreases with log distance (sign -1); shadow: the reverse
    gap = -0.3 + sign * 0.08 * np.log(dist) + rng.normal(0, noise, n)
    return gap, dist


def test_slope_rho_and_residuals_equal_numpy_and_scipy():
    gap, dist = planted(-1, seed=4)
    g = gr.gradient(gap, dist, resamples=0)
    slope, intercept = np.polyfit(np.log(dist), gap, 1)
    assert g.slope == pytest.approx(slope, abs=1e-12)
    assert g.rho == pytest.approx(stats.spearmanr(np.log(dist), gap)[0], abs=1e-12)
    assert np.allclose(g.residuals, gap - (intercept + slope * np.log(dist)), atol=1e-12)
    assert g.pattern == "no_clear_gradient"   # no resamples, no verdict


def test_planted_borrowed_size_and_shadow():
    for seed in range(5):
        gap, dist = planted(-1, seed=seed)
        g = gr.gradient(gap, dist, resamples=499, rng=seed)
        assert g.pattern == "borrowed_size"
        assert g.slope_ci[0] < g.slope < g.slope_ci[1] < 0
        assert g.rho_ci[1] < 0
        gap, dist = planted(+1, seed=seed)
        g = gr.gradient(gap, dist, resamples=499, rng=seed)
        assert g.pattern == "shadow"
        assert 0 < g.slope_ci[0] < g.slope < g.slope_ci[1]


def test_no_verdict_below_the_fewest_cities_for_one():
    """Four or five cities on a clean planted gradient: the slope is computed, the verdict is
    withheld (with four, every resample's rho is -1 and its interval collapses to a point);
    from MIN_VERDICT_CITIES on the same gradient gets its verdict."""
    for n in (4, 5):
        gap, dist = planted(-1, n=n, noise=0.001, seed=1)
        g = gr.gradient(gap, dist, resamples=499, rng=1)
        assert g.slope < 0 and g.n == n
        assert g.pattern == "no_clear_gradient"
    gap, dist = planted(-1, n=gr.MIN_VERDICT_CITIES, noise=0.001, seed=1)
    assert gr.gradient(gap, dist, resamples=499, rng=1).pattern == "borrowed_size"


def test_noise_is_no_clear_gradient_in_nine_seeds_of_ten():
    verdicts = []
    for seed in range(100):
        rng = np.random.default_rng(1000 + seed)
        dist = rng.uniform(20, 400, 15)
        verdicts.append(gr.gradient(rng.normal(-0.2, 0.1, 15), dist, resamples=199, rng=seed).pattern)
    share = verdicts.count("no_clear_gradient") / len(verdicts)
    assert share >= 0.90
    assert set(verdicts) <= set(gr.PATTERNS)


def test_pooled_fixed_effects_equal_dummy_regression():
    rng = np.random.default_rng(2)
    regions = np.repeat(["A", "B", "C"], [8, 12, 6]).astype(object)
    dist = rng.uniform(10, 300, len(regions))
    level = {"A": 0.5, "B": -0.4, "C": 0.0}
    gap = np.array([level[r] for r in regions]) - 0.05 * np.log(dist) + rng.normal(0, 0.02, len(regions))
    g = gr.pooled_gradient(gap, dist, regions, resamples=299, rng=1)
    dummies = np.column_stack([np.log(dist)] + [(regions == r).astype(float) for r in ("A", "B", "C")])
    coef = np.linalg.lstsq(dummies, gap, rcond=None)[0]
    assert g.slope == pytest.approx(coef[0], abs=1e-12)
    assert g.pattern == "borrowed_size"
    # without the fixed effects the region levels would swamp the slope
    assert abs(np.polyfit(np.log(dist), gap, 1)[0] - coef[0]) > 0.01


def test_reproducible_from_the_seed():
    gap, dist = planted(1, seed=3)
    a = gr.gradient(gap, dist, resamples=199, rng=7)
    b = gr.gradient(gap, dist, resamples=199, rng=7)
    assert a.slope_ci == b.slope_ci and a.rho_ci == b.rho_ci


def test_too_few_cities_or_zero_distance_are_clear_errors():
    with pytest.raises(ValueError, match="at least 3"):
        gr.gradient([0.1, 0.2], [10.0, 20.0], resamples=10)
    with pytest.raises(ValueError, match="different distances"):
        gr.gradient([0.1, 0.2, 0.3], [10.0, 10.0, 10.0], resamples=10)
    with pytest.raises(ValueError, match="0 km"):
        gr.gradient([0.1, 0.2, 0.3], [0.0, 10.0, 20.0], resamples=10)
    with pytest.raises(ValueError, match="finite"):
        gr.gradient([0.1, np.nan, 0.3], [5.0, 10.0, 20.0], resamples=10)
    with pytest.raises(ValueError, match="Confidence"):
        gr.gradient([0.1, 0.2, 0.3], [5.0, 10.0, 20.0], confidence=95)
