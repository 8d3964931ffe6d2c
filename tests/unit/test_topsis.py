"""Per-indicator TOPSIS (= min-max), classical TOPSIS and entropy weights (method.md section 3)."""
import numpy as np
import pandas as pd
import pytest
from peers import require

from megaregion.core import topsis
from megaregion.core.messages import in_language
from megaregion.core.topsis import (ConstantIndicatorError, entropy_weights, indicator_performance,
                                    minmax_performance, topsis_composite, topsis_scores)

# Records copied from tests/data/inequality_test_vectors.json (shared test vectors):
# "pymcdm_topsis_opricovic": kotbaton/pymcdm test/test_mcdm.py TestTOPSIS, matrix from
# Opricovic & Tzeng (2004) EJOR 156:445-455; the vector-normalised values are derived.
OPRICOVIC_X = [[1, 3000], [2, 3750], [5, 4500]]
OPRICOVIC_TYPES = [-1, 1]
OPRICOVIC_VECTOR = [0.76214058, 0.72217783, 0.23785942]
# "pymcdm_entropy_weights": kotbaton/pymcdm test/test_weights.py TestEntropyWeights
# (Elsayed et al. 2017); tolerance 5e-7 (published to 6 decimals).
ELSAYED_X = [[7, 312, 1891, 6613, 163], [72, 88, 728, 941804, 1078], [10, 252, 2594, 3466, 117471],
             [10, 145, 980, 2371, 86329], [65, 54, 350, 501, 29897], [29, 48, 380, 912, 34051],
             [7, 476, 3300, 78470, 2212], [70, 87, 650, 733, 819000], [4, 86, 591, 3015, 103],
             [12, 79, 579, 3240, 96098], [21, 45, 261, 1253, 453], [1, 72, 530, 4333, 0.1048]]
ELSAYED_WEIGHTS = [0.104991, 0.069124, 0.071373, 0.449937, 0.304575]


# ------------------------------------------------------------------ per-indicator performance

def test_minmax_benefit_and_cost_exact():
    x = [1.0, 3.0, 5.0, 9.0, np.nan]
    assert minmax_performance(x)[:4].tolist() == [0.0, 0.25, 0.5, 1.0]
    assert minmax_performance(x, cost=True)[:4].tolist() == [1.0, 0.75, 0.5, 0.0]
    assert np.isnan(minmax_performance(x)[4]) and np.isnan(minmax_performance(x, cost=True)[4])


@pytest.mark.parametrize("cost", [False, True])
def test_single_criterion_topsis_is_minmax(cost):
    """D-/(D+ + D-) with one criterion, from the classical TOPSIS code path, equals min-max."""
    rng = np.random.default_rng(7)
    x = rng.lognormal(3, 1, size=40)
    expected = (x.max() - x) / (x.max() - x.min()) if cost else (x - x.min()) / (x.max() - x.min())
    assert np.array_equal(minmax_performance(x, cost), expected)
    np.testing.assert_allclose(topsis_scores(x[:, None], [0.3], [cost]), expected, rtol=0, atol=1e-14)


@pytest.mark.filterwarnings("ignore:Alternatives with indices:UserWarning")  # one criterion: always dominant
@pytest.mark.parametrize("cost", [False, True])
def test_single_criterion_pymcdm_is_minmax(cost):
    require("pymcdm")
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import minmax_normalization, vector_normalization

    rng = np.random.default_rng(11)
    x = rng.normal(50, 20, size=25)
    ours = minmax_performance(x, cost)
    for norm in (minmax_normalization, vector_normalization):
        theirs = TOPSIS(normalization_function=norm)(x[:, None], np.array([1.0]), np.array([-1 if cost else 1]))
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12)


def test_constant_indicator_is_undefined():
    with pytest.raises(ConstantIndicatorError, match="all 3 valid values equal 2.0"):
        minmax_performance([2.0, np.nan, 2.0, 2.0])
    with pytest.raises(ConstantIndicatorError, match="all 1 valid values"):
        minmax_performance([np.nan, 5.0])
    assert np.isnan(minmax_performance([np.nan, np.nan])).all()


def test_indicator_performance_pools_and_drop():
    frame = pd.DataFrame({"GDP": [1.0, 3.0, 10.0, 20.0, 40.0, np.nan],
                          "PM25": [30.0, 10.0, 50.0, 40.0, 60.0, 45.0],
                          "FLAT": [7.0, 7.0, 7.0, 7.0, 7.0, 7.0]},
                         index=list("abcdef"))
    before = frame.copy()
    perf, dropped = indicator_performance(frame, ["GDP", "PM25", "FLAT"], cost_indicators=["PM25"])
    pd.testing.assert_frame_equal(frame, before)
    assert list(perf.columns) == ["GDP", "PM25"]
    assert "FLAT" in dropped and "constant over all cities" in dropped["FLAT"]
    np.testing.assert_array_equal(perf["GDP"].to_numpy()[:5], np.array([0, 2, 9, 19, 39]) / 39)
    np.testing.assert_array_equal(perf["PM25"].to_numpy(), (60 - frame["PM25"].to_numpy()) / 50)
    assert np.isnan(perf.loc["f", "GDP"])

    # one pool per mega-region; a row without a pool label gets NaN
    pool = ["X", "X", "X", "Y", "Y", None]
    perf, _ = indicator_performance(frame, ["GDP"], pool=pool)
    np.testing.assert_array_equal(perf["GDP"].to_numpy()[:5], [0.0, 2 / 9, 1.0, 0.0, 1.0])
    assert np.isnan(perf["GDP"].iloc[5])

    with pytest.raises(ConstantIndicatorError, match="'FLAT' is constant .*a, b, c, d, e, ..."):
        indicator_performance(frame, ["GDP", "FLAT"], on_constant="error")
    # a pool with one valid value is constant there
    perf, dropped = indicator_performance(frame, ["GDP"], pool=["X", "X", "X", "X", "Z", "Z"])
    assert perf.shape[1] == 0 and "in pool 'Z'" in dropped["GDP"]


def test_indicator_input_errors():
    frame = pd.DataFrame({"GDP": [1, "n/a", 3]}, index=["Xingtai", "Handan", "Hengshui"])
    with pytest.raises(ValueError, match="'GDP' has non-numeric values for 1 cities \\(Handan"):
        indicator_performance(frame, ["GDP"])
    with pytest.raises(ValueError, match="'POP' is not in the table"):
        indicator_performance(frame, ["POP"])
    with pytest.raises(ValueError, match="Cost indicators \\['PM25'\\]"):
        indicator_performance(frame, ["GDP"], cost_indicators=["PM25"])


def test_indicator_errors_and_reasons_in_chinese():
    frame = pd.DataFrame({"GDP": [1, "n/a", 3]}, index=["Xingtai", "Handan", "Hengshui"])
    with pytest.raises(ValueError) as excinfo:
        indicator_performance(frame, ["GDP"])
    assert in_language(excinfo.value, "zh") == ("指标 'GDP' 在 1 个城市上为非数值（Handan：'n/a'）；"
                                                "请将其转换为数值或空值")
    flat = pd.DataFrame({"GDP": [1.0, 2.0, 3.0], "FLAT": [5.0, 5.0, 5.0]}, index=["a", "b", "c"])
    _, dropped = indicator_performance(flat, ["GDP", "FLAT"], pool=["X", "X", "X"])
    assert dropped["FLAT"] == ("Indicator 'FLAT' is constant in pool 'X' (all 3 valid values equal 5.0: "
                               "min-max performance is undefined; cities a, b, c); dropped")
    assert dropped["FLAT"].in_language("zh") == ("指标 'FLAT' 在分组 'X' 中取值恒定（全部 3 个有效值均等于 5.0："
                                                 "极差标准化绩效值无定义；城市：a, b, c）；已剔除")
    with pytest.raises(ValueError) as excinfo:
        topsis_scores([[1.0, float("inf")], [2.0, 3.0]])
    assert in_language(excinfo.value, "zh").startswith("准则中有无穷大的数值（第 1 个准则，第 0 行：inf）")


# ------------------------------------------------------------------ classical TOPSIS

def test_topsis_vector_opricovic():
    scores = topsis_scores(OPRICOVIC_X, [0.5, 0.5], [t == -1 for t in OPRICOVIC_TYPES])
    np.testing.assert_allclose(scores, OPRICOVIC_VECTOR, rtol=0, atol=1e-8)


def test_topsis_agrees_with_pymcdm():
    require("pymcdm")
    from pymcdm.methods import TOPSIS
    from pymcdm.normalizations import vector_normalization

    rng = np.random.default_rng(3)
    for _ in range(5):
        x = rng.uniform(1, 100, size=(15, 6))
        w = rng.uniform(0.1, 1, size=6)
        types = rng.choice([-1, 1], size=6)
        ours = topsis_scores(x, w, types == -1)
        theirs = TOPSIS(normalization_function=vector_normalization)(x, w / w.sum(), types)
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12)


def test_topsis_errors():
    with pytest.raises(ValueError, match="identical"):
        topsis_scores([[1.0, 2.0], [1.0, 2.0]])
    with pytest.raises(ValueError, match="all zero"):
        topsis_scores([[0.0, 2.0], [0.0, 3.0]])
    with pytest.raises(ValueError, match="complete data"):
        topsis_scores([[np.nan, 2.0], [1.0, 3.0]])


# ------------------------------------------------------------------ entropy weights

def test_entropy_weights_published():
    np.testing.assert_allclose(entropy_weights(ELSAYED_X), ELSAYED_WEIGHTS, rtol=0, atol=5e-7)


def test_entropy_weights_agree_with_pymcdm():
    require("pymcdm")
    from pymcdm.weights import entropy_weights as pymcdm_entropy

    rng = np.random.default_rng(5)
    x = rng.lognormal(0, 1, size=(30, 7))
    np.testing.assert_allclose(entropy_weights(x), pymcdm_entropy(x), rtol=0, atol=1e-14)


def test_entropy_zero_value_uses_0ln0():
    # column 0: p = (0, 1/2, 1/2) -> E = ln 2 / ln 3; column 1: p = (1/3, 1/3, 1/3) -> E = 1
    w = entropy_weights([[0.0, 1.0], [1.0, 1.0], [1.0, 1.0]])
    np.testing.assert_allclose(w, [1.0, 0.0], rtol=0, atol=1e-14)
    x = np.array([[0.0, 2.0, 1.0], [1.0, 1.0, 4.0], [3.0, 5.0, 2.0]])
    e = []
    for col in x.T:
        p = col / col.sum()
        e.append(-sum(v * np.log(v) for v in p if v > 0) / np.log(3))
    expected = (1 - np.array(e)) / (1 - np.array(e)).sum()
    np.testing.assert_allclose(entropy_weights(x), expected, rtol=0, atol=1e-15)
    with pytest.raises(ValueError, match="values >= 0; criteria \\[1\\]"):
        entropy_weights([[1.0, -1.0], [2.0, 3.0]])
    with pytest.raises(ValueError, match="at least 2"):
        entropy_weights([[1.0, 2.0]])


# ------------------------------------------------------------------ composite

def test_composite_per_dimension_and_overall():
    rng = np.random.default_rng(9)
    frame = pd.DataFrame(rng.uniform(1, 10, size=(12, 4)), columns=["POP", "GDP", "PM2.5", "NDVI"])
    frame.iloc[4, 1] = np.nan
    dims = {"POP": "urban size", "GDP": "urban size", "PM2.5": "green transformation",
            "NDVI": "green transformation"}
    before = frame.copy()
    for weighting in ("equal", "entropy"):
        scores, weights = topsis_composite(frame, list(frame.columns), ["PM2.5"], dims, weighting)
        pd.testing.assert_frame_equal(frame, before)
        assert list(scores.columns) == ["urban size", "green transformation", "overall"]
        ok = frame[["POP", "GDP"]].notna().all(axis=1).to_numpy()
        x = frame[["POP", "GDP"]].to_numpy()[ok]
        w = entropy_weights(x) if weighting == "entropy" else [0.5, 0.5]
        np.testing.assert_allclose(scores["urban size"].to_numpy()[ok], topsis_scores(x, w), atol=1e-15)
        assert np.isnan(scores["urban size"].iloc[4]) and np.isnan(scores["overall"].iloc[4])
        assert not np.isnan(scores["green transformation"].iloc[4])
        np.testing.assert_allclose(weights.sum(axis=0), 1.0)
    with pytest.raises(ValueError, match="weighting='rank'"):
        topsis_composite(frame, ["POP"], weighting="rank")
    assert topsis.WEIGHTINGS == ("equal", "entropy")
