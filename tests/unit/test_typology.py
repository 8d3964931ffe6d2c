"""Gap and trend typology of secondary cities (method.md sections 3 and 4)."""
import numpy as np
import pandas as pd
import pytest
from data_paths import CENSUS, MEMBERSHIP
from peers import require

from megaregion.core import kmeans_typology as km
from megaregion.core import typology as ty
from megaregion.core.messages import in_language
from megaregion.core.topsis import ConstantIndicatorError, topsis_composite

NAN = np.nan


# ------------------------------------------------------------------ clustering building blocks

def test_silhouette_agrees_with_sklearn():
    metrics = require("sklearn.metrics")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 5))
    for labels in (rng.integers(0, 3, 40), np.r_[np.zeros(39, int), 1], rng.integers(0, 6, 40)):
        np.testing.assert_allclose(km.silhouette_samples(x, labels),
                                   metrics.silhouette_samples(x, labels), rtol=0, atol=1e-12)
        assert km.silhouette_score(x, labels) == pytest.approx(metrics.silhouette_score(x, labels), abs=1e-12)
    # a single-member cluster has silhouette 0
    assert km.silhouette_samples(x, np.r_[np.zeros(39, int), 1])[-1] == 0.0
    with pytest.raises(ValueError, match="2 <= number of clusters <= n - 1"):
        km.silhouette_samples(x[:3], [0, 1, 2])


def test_sums_of_squares_identity_and_kmeans_inertia():
    cluster = require("sklearn.cluster")
    rng = np.random.default_rng(1)
    x = rng.normal(size=(30, 3))
    model = cluster.KMeans(n_clusters=4, n_init=10, random_state=0).fit(x)
    within, between, total, by_cluster = km.sums_of_squares(x, model.labels_, 4)
    assert within + between == pytest.approx(total, rel=1e-12)
    assert within == pytest.approx(model.inertia_, rel=1e-9)
    assert by_cluster.sum() == pytest.approx(within, rel=1e-12)
    assert total == pytest.approx(((x - x.mean(axis=0)) ** 2).sum(), rel=1e-12)


def test_pca_matches_sklearn_up_to_sign_and_fixes_the_sign():
    decomposition = require("sklearn.decomposition")
    rng = np.random.default_rng(2)
    x = rng.normal(size=(25, 4)) @ rng.normal(size=(4, 4))
    scores, components, explained = km.pca_2d(x)
    ref = decomposition.PCA(n_components=2).fit(x)
    ref_scores = ref.transform(x)
    for j in range(2):
        sign = np.sign(components[j] @ ref.components_[j])
        np.testing.assert_allclose(components[j], sign * ref.components_[j], atol=1e-10)
        np.testing.assert_allclose(scores[:, j], sign * ref_scores[:, j], atol=1e-10)
        assert components[j][np.argmax(np.abs(components[j]))] > 0
    np.testing.assert_allclose(explained, ref.explained_variance_ratio_, atol=1e-12)
    # the sign rule makes the result independent of a flip of the data's orientation
    s2, c2, _ = km.pca_2d(-x)
    np.testing.assert_allclose(np.abs(c2), np.abs(components), atol=1e-10)
    assert all(c2[j][np.argmax(np.abs(c2[j]))] > 0 for j in range(2))
    # one indicator: the second component is zero
    scores1, comp1, expl1 = km.pca_2d(x[:, :1])
    assert comp1.tolist() == [[1.0], [0.0]] and expl1.tolist() == [1.0, 0.0]
    np.testing.assert_allclose(scores1[:, 0], x[:, 0] - x[:, 0].mean())


def test_type_letters():
    letters = km.type_letters(28)
    assert letters[:3] == ["A", "B", "C"] and letters[25:] == ["Z", "AA", "AB"]


def planted(seed=4, sizes=(9, 6, 12), p=4, spread=0.02):
    """Three well-separated groups; group g is centred at -0.2 * g in every column."""
    rng = np.random.default_rng(seed)
    x = np.vstack([-0.2 * g + spread * rng.normal(size=(n, p)) for g, n in enumerate(sizes)])
    truth = np.repeat(np.arange(len(sizes)), sizes)
    return x, truth


def test_planted_clusters_recovered_and_planted_k_chosen():
    x, truth = planted()
    res = km.cluster_profiles(x, k_max=8)
    assert res.k == 3 and res.k_chosen_by == "silhouette"
    # labels in documented order: the group with the highest mean (closest to the cores) is A
    assert list(res.labels) == [["A", "B", "C"][t] for t in truth]
    table = res.silhouette_by_k
    assert table["k"].tolist() == list(range(2, 9))
    assert table.loc[table["mean_silhouette"].idxmax(), "k"] == 3
    assert res.mean_silhouette == pytest.approx(table.set_index("k").loc[3, "mean_silhouette"], abs=1e-12)
    assert res.sizes.tolist() == [9, 6, 12]
    np.testing.assert_allclose(res.centres, [x[truth == g].mean(axis=0) for g in range(3)], atol=1e-12)
    assert res.within_ss + res.between_ss == pytest.approx(res.total_ss, rel=1e-12)


def test_same_input_same_types_and_row_order_ignored():
    rng = np.random.default_rng(8)
    x = rng.normal(size=(50, 5))      # no structure: the hardest case for stability
    a = km.cluster_profiles(x, k_max=6)
    b = km.cluster_profiles(x, k_max=6)
    assert a.k == b.k and list(a.labels) == list(b.labels)
    np.testing.assert_array_equal(a.silhouette_by_k.to_numpy(), b.silhouette_by_k.to_numpy())
    perm = rng.permutation(50)
    c = km.cluster_profiles(x[perm], k_max=6)
    assert c.k == a.k and list(c.labels) == list(a.labels[perm])
    np.testing.assert_allclose(c.silhouette, a.silhouette[perm], atol=1e-12)


def test_k_edge_cases():
    x, _ = planted(sizes=(3, 2))
    with pytest.raises(ValueError, match="K = 7 needs at least 8 cities with complete values; there are 5"):
        km.cluster_profiles(x, k=7)
    with pytest.raises(ValueError, match="K >= 2"):
        km.cluster_profiles(x, k=1)
    res = km.cluster_profiles(x, k_max=8)
    assert res.silhouette_by_k["k"].tolist() == [2, 3, 4]
    assert any("K_max lowered from 8 to 4" in m for m in res.messages)
    fixed = km.cluster_profiles(x, k=2)
    assert fixed.k == 2 and fixed.k_chosen_by == "fixed" and len(fixed.silhouette_by_k) == 1
    with pytest.raises(ValueError, match="at least 3 cities"):
        km.cluster_profiles(x[:2])
    dup = np.array([[0.0, 0.0]] * 4 + [[1.0, 1.0]] * 3)
    with pytest.raises(ValueError, match="only 2 cities have distinct profiles"):
        km.cluster_profiles(dup, k=3)
    assert km.cluster_profiles(dup).k == 2
    with pytest.raises(ValueError, match="missing values"):
        km.cluster_profiles(np.array([[0.0], [NAN], [1.0]]))


def test_describe_type_from_profile():
    centre = pd.Series({"urban size": -0.30, "innovation": -0.42, "green transformation": -0.05})
    mean_all = pd.Series({"urban size": -0.30, "innovation": -0.20, "green transformation": -0.25})
    sd_all = pd.Series({"urban size": 0.1, "innovation": 0.1, "green transformation": 0.1})
    text = km.describe_type("B", 7, centre, mean_all, sd_all, rank=1, k=4, kind="gap")
    assert text == ("Type B (7 cities; mean gap over the dimensions -0.26, rank 2 by closeness to the cores of 4 types). "
                    "Gap to the cores smallest in green transformation (-0.05), largest in innovation "
                    "(-0.42). Compared with all secondary cities: smaller gap in green transformation; "
                    "larger gap in innovation.")
    ahead = km.describe_type("A", 1, centre + 0.1, mean_all, sd_all, rank=0, k=4, kind="gap")
    assert ahead.startswith("Type A (1 city; mean gap over the dimensions -0.16, closest to the cores of 4 types). "
                            "Ahead of the cores in green transformation (+0.05); gap largest in innovation (-0.32).")
    trend = km.describe_type("D", 3, centre, mean_all, sd_all, rank=3, k=4, kind="trend")
    assert trend.startswith("Trend D (3 cities; mean change over the dimensions -0.26, least improved of 4 trends). "
                            "Smallest loss in green transformation (-0.05); largest loss in innovation (-0.42).")


# ------------------------------------------------------------------ gap typology on a worked example

def worked_frame():
    """GDP: min 0, max 100 -> perf = GDP/100; PM25 (cost): min 10, max 60 -> perf = (60 - PM25)/50."""
    rows = [  # name, megaregion, role, GDP, PM25, lon, lat
        ("Xc1", "X", "core", 100, 20, 116.4, 39.9),
        ("Xc2", "X", "core", 80, 60, 117.2, 39.1),
        ("Xs1", "X", "secondary", 20, 35, 117.0, 39.0),
        ("Xs2", "X", "secondary", 30, 10, 116.3, 40.0),
        ("Xs3", "X", "secondary", 10, 40, 116.5, 39.8),
        ("Xs4", "X", "secondary", 60, 50, 117.3, 39.2),
        ("Yc", "Y", "Core", 50, 30, 104.0, 30.6),
        ("Ys1", "Y", "secondary", 0, 55, 104.5, 30.0),
        ("Ys2", "Y", "SECONDARY", 40, 35, 103.8, 31.0),
        ("Ys3", "Y", "secondary", NAN, 20, 104.2, 30.2),
        ("Zs1", "Z", "secondary", 70, 25, 120.0, 30.0),
        ("Zs2", "Z", "secondary", 90, 45, 120.5, 30.5),
        ("P", None, None, 55, 30, 110.0, 35.0),
    ]
    return pd.DataFrame(rows, columns=["name", "megaregion_id", "role", "GDP", "PM25", "lon", "lat"],
                        index=[f"r{i}" for i in range(len(rows))])


def gaps_by_name(result):
    return {n: tuple(np.round(v, 12)) for n, v in zip(result.cities["name"], result.profile.to_numpy())}


def test_gap_mean_core_reference_worked_example():
    frame = worked_frame()
    before = frame.copy()
    res = ty.gap_typology(frame, ["GDP", "PM25"], cost_indicators=["PM25"], name_field="name", k=2)
    pd.testing.assert_frame_equal(frame, before)
    perf = res.performance.set_axis(frame["name"], axis=0)
    assert perf.loc["Xc1"].tolist() == [1.0, 0.8] and perf.loc["Xc2"].tolist() == [0.8, 0.0]
    assert perf.loc["P"].tolist() == [0.55, 0.6]              # pool-only row: scaled, not typed
    # X cores' mean (0.9, 0.4); Y core (0.5, 0.6)
    assert gaps_by_name(res) == {"Xs1": (-0.7, 0.1), "Xs2": (-0.6, 0.6), "Xs3": (-0.8, 0.0),
                                 "Xs4": (-0.3, -0.2), "Ys1": (-0.5, -0.5), "Ys2": (-0.1, -0.1)}
    assert set(res.excluded["name"]) == {"Ys3", "Zs1", "Zs2"}
    reasons = dict(zip(res.excluded["name"], res.excluded["reason"]))
    assert reasons["Ys3"] == "NULL in GDP"
    assert reasons["Zs1"].startswith("mega-region 'Z' has no core city")
    assert set(res.cores["name"]) == {"Xc1", "Xc2", "Yc"}
    assert not set(res.cores.index) & set(res.cities.index)
    assert res.cores.set_index("name").loc["Yc", "perf_GDP"] == 0.5
    assert any("3 secondary cities left out of the gap typology" in m for m in res.messages)
    left_out = [in_language(m, "zh") for m in res.messages if "left out" in m]
    assert left_out == ["3 个次级城市未参与差距类型划分：Ys3（GDP 为空值）；Zs1（城市群 'Z' 没有核心城市（role = core），"
                        "因而没有参照值；请在角色字段中标出核心城市）；Zs2（城市群 'Z' 没有核心城市（role = core），"
                        "因而没有参照值；请在角色字段中标出核心城市）"]
    with pytest.raises(ValueError) as excinfo:
        ty.gap_typology(frame.assign(role="boss"), ["GDP"], name_field="name", k=2)
    assert in_language(excinfo.value, "zh").startswith(
        "城市群的每个成员在字段 'role' 中都必须为 'core'（核心城市）或 'secondary'（次级城市）；")
    assert "['boss']" in in_language(excinfo.value, "zh")
    # structure of the outputs the QGIS adapter writes
    table = res.secondary_table()
    assert list(table.columns) == ["megaregion_id", "name", "perf_GDP", "perf_PM25", "gap_GDP", "gap_PM25",
                                   "dim_gdp", "dim_pm25", "type", "type_description", "silhouette",
                                   "pca_x", "pca_y"]
    types = res.type_table()
    assert list(types.index) == ["A", "B"] and types["size"].sum() == 6
    assert types["mean"].is_monotonic_decreasing
    assert res.within_ss + res.between_ss == pytest.approx(res.total_ss)


def test_many_left_out_and_points_outside_the_globe_are_listed_by_the_first_five():
    n = 9
    frame = pd.DataFrame({"megaregion_id": ["X"] * n, "role": ["core", "core"] + ["secondary"] * (n - 2),
                          "name": [f"c{i}" for i in range(n)], "v": [1.0, 2.0, 3.0, 4.0, 5.0] + [np.nan] * 4,
                          "w": [2.0, 1.0, 5.0, 3.0, 4.0] + [np.nan] * 4})
    with pytest.raises(ValueError) as excinfo:
        ty.gap_typology(frame, ["v", "w"], name_field="name", core_reference_method="nearest",
                        lon=np.full(n, 100.0), lat=np.full(n, 95.0))
    assert str(excinfo.value) == (
        "Representative points outside the globe for 9 cities (c0 (lon 100.0, lat 95.0), c1 (lon 100.0, lat 95.0), "
        "c2 (lon 100.0, lat 95.0), c3 (lon 100.0, lat 95.0), c4 (lon 100.0, lat 95.0), ...): longitude and latitude "
        "must be finite degrees with |lat| <= 90; check the layer's CRS or the point fields")
    assert in_language(excinfo.value, "zh").startswith("9 个城市的代表点超出地球范围（c0（经度 100.0，纬度 95.0），c1（")
    frame["v"] = [1.0, 2.0, 3.0, 4.0, 5.0, np.nan, 7.0, np.nan, np.nan]
    frame["w"] = [2.0, 1.0, 5.0, 3.0, 4.0, 8.0, np.nan, np.nan, np.nan]
    frame = pd.concat([frame, frame.assign(name=lambda f: f["name"] + "b", megaregion_id="Y")], ignore_index=True)
    res = ty.gap_typology(frame, ["v", "w"], name_field="name", k=2)
    left_out = [m for m in res.messages if "left out" in m]
    assert left_out == ["8 secondary cities left out of the gap typology: c5 (NULL in v); c6 (NULL in w); "
                        "c7 (NULL in v, w); c8 (NULL in v, w); c5b (NULL in v); ..."]
    assert in_language(left_out[0], "zh") == ("8 个次级城市未参与差距类型划分：c5（v 为空值）；c6（w 为空值）；"
                                              "c7（v、w 为空值）；c8（v、w 为空值）；c5b（v 为空值）; ...")


def test_gap_best_and_nearest_core():
    frame = worked_frame()
    best = ty.gap_typology(frame, ["GDP", "PM25"], cost_indicators=["PM25"], name_field="name",
                           core_reference_method="best", k=2)
    # best X core per indicator: (1.0, 0.8)
    assert gaps_by_name(best)["Xs1"] == (-0.8, -0.3) and gaps_by_name(best)["Ys2"] == (-0.1, -0.1)
    near = ty.gap_typology(frame, ["GDP", "PM25"], cost_indicators=["PM25"], name_field="name",
                           core_reference_method="nearest", lon=frame["lon"], lat=frame["lat"], k=2)
    g = gaps_by_name(near)
    assert g["Xs1"] == (-0.6, 0.5) and g["Xs2"] == (-0.7, 0.2)
    assert g["Xs3"] == (-0.9, -0.4) and g["Xs4"] == (-0.2, 0.2)
    ref = dict(zip(near.cities["name"], near.cities["reference_core"]))
    assert ref == {"Xs1": "Xc2", "Xs2": "Xc1", "Xs3": "Xc1", "Xs4": "Xc2", "Ys1": "Yc", "Ys2": "Yc"}
    assert "reference_core" in near.secondary_table().columns
    with pytest.raises(ValueError, match="needs lon and lat"):
        ty.gap_typology(frame, ["GDP"], core_reference_method="nearest")


def test_geodesic_distance_equator_degree():
    # one degree of longitude on the WGS84 equator is a * pi / 180
    assert ty.geodesic_distance_m([0.0], [0.0], [1.0], [0.0])[0] == pytest.approx(6378137 * np.pi / 180, abs=1e-6)


def test_gap_pool_per_megaregion():
    frame = worked_frame()
    res = ty.gap_typology(frame, ["GDP", "PM25"], cost_indicators=["PM25"], name_field="name",
                          pool="megaregion", k=2)
    perf = res.performance.set_axis(frame["name"], axis=0)
    # pool X: GDP 10..100, PM25 10..60
    np.testing.assert_allclose(perf.loc["Xs1"], [10 / 90, 0.5], atol=1e-15)
    # pool Y: GDP 0..50 (Ys3 NULL), PM25 20..55
    np.testing.assert_allclose(perf.loc["Ys2"], [0.8, 20 / 35], atol=1e-15)
    assert perf.loc["P"].isna().all()                      # no mega-region: in no pool


def test_constant_indicator_treatment():
    frame = worked_frame().assign(FLAT=3.0)
    res = ty.gap_typology(frame, ["GDP", "FLAT"], name_field="name", k=2)
    assert res.indicators == ["GDP"] and "FLAT" in res.dropped_indicators
    assert any(m.startswith("Indicator dropped: Indicator 'FLAT' is constant") for m in res.messages)
    with pytest.raises(ConstantIndicatorError, match="'FLAT' is constant over all cities"):
        ty.gap_typology(frame, ["GDP", "FLAT"], name_field="name", on_constant="error")
    with pytest.raises(ValueError, match="Every indicator was dropped"):
        ty.gap_typology(frame, ["FLAT"], name_field="name")


def test_input_errors():
    frame = worked_frame()
    with pytest.raises(ValueError, match="Field 'role' must be 'core' or 'secondary'.*\\['hub'\\] \\(Xs1\\)"):
        ty.gap_typology(frame.assign(role=frame["role"].where(frame["name"] != "Xs1", "hub")), ["GDP"],
                        name_field="name")
    with pytest.raises(ValueError, match="Field 'megaregion_id' is not in the table"):
        ty.gap_typology(frame.drop(columns="megaregion_id"), ["GDP"])
    with pytest.raises(ValueError, match="K = 7 needs at least 8 secondary cities with complete values; there are 6"):
        ty.gap_typology(frame, ["GDP", "PM25"], k=7)
    with pytest.raises(ValueError, match="CITY_FIELD 'name': 1 city ids appear more than once in the same "
                                         "mega-region \\(2 features\\), e.g. X Xs1 \\(2: Xs1, Xs1\\).*"
                                         "Prefectures from counties"):
        dup = pd.concat([frame, frame.iloc[[2]].set_axis(["dup"], axis=0)])
        ty.gap_typology(dup, ["GDP"], name_field="name", city_field="name")
    with pytest.raises(ValueError, match="Indicators \\['PM25'\\] have no dimension"):
        ty.gap_typology(frame, ["GDP", "PM25"], dimensions={"GDP": "urban size"})
    with pytest.raises(ValueError, match="pool='province'"):
        ty.gap_typology(frame, ["GDP"], pool="province")


def test_gap_composite_is_classical_topsis():
    frame = worked_frame()
    res = ty.gap_typology(frame, ["GDP", "PM25"], cost_indicators=["PM25"], name_field="name", k=2,
                          composite_weighting="equal")
    expected, _ = topsis_composite(frame, ["GDP", "PM25"], ["PM25"], None, "equal")
    pd.testing.assert_frame_equal(res.composite, expected)


def random_regions(seed, n_regions=5, per_region=12, p=4):
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(n_regions):
        for i in range(per_region):
            role = "core" if i < 1 + r % 2 else "secondary"
            rows.append([f"R{r}", role, f"c{r}_{i}"] + rng.lognormal(0, 1, p).tolist())
    return pd.DataFrame(rows, columns=["megaregion_id", "role", "name"] + [f"I{j}" for j in range(p)])


def test_gap_typology_row_order_does_not_matter():
    frame = random_regions(12)
    inds = ["I0", "I1", "I2", "I3"]
    a = ty.gap_typology(frame, inds, cost_indicators=["I3"], name_field="name", k_max=6)
    b = ty.gap_typology(frame.sample(frac=1.0, random_state=3), inds, cost_indicators=["I3"],
                        name_field="name", k_max=6)
    assert a.k == b.k
    pd.testing.assert_series_equal(a.cities["type"], b.cities["type"].loc[a.cities.index])
    np.testing.assert_allclose(b.cities["silhouette"].loc[a.cities.index], a.cities["silhouette"], atol=1e-12)
    pd.testing.assert_frame_equal(a.types, b.types)


def test_gap_typology_planted_types():
    """Cores all at the indicator maximum; secondary cities drawn around three levels."""
    x, truth = planted(seed=6, sizes=(10, 14, 8), p=3, spread=0.03)
    values = 10 + 10 * (x - x.min())                     # raw values, benefit indicators
    top = values.max() + 1.0
    rows = []
    for i, v in enumerate(values):
        rows.append([f"M{i % 3}", "secondary", f"s{i}"] + v.tolist())
    for m in range(3):
        rows.append([f"M{m}", "core", f"core{m}"] + [top] * 3)
    frame = pd.DataFrame(rows, columns=["megaregion_id", "role", "name", "A1", "A2", "A3"])
    dims = {"A1": "innovation", "A2": "innovation", "A3": "green transformation"}
    res = ty.gap_typology(frame, ["A1", "A2", "A3"], dimensions=dims, name_field="name")
    assert res.k == 3
    expected = [["A", "B", "C"][t] for t in truth]
    assert res.cities["type"].tolist() == expected
    assert list(res.type_centres_by_dimension.columns) == ["innovation", "green transformation"]
    np.testing.assert_allclose(res.type_centres_by_dimension["innovation"],
                               res.type_centres[["A1", "A2"]].mean(axis=1), atol=1e-15)
    assert res.cities["type_description"].iloc[0].startswith("Type A (10 cities; mean gap")


# ------------------------------------------------------------------ trend typology

def trend_frame():
    rows = [  # name, megaregion, role, GDP_2011, GDP_2020
        ("c", "X", "core", 10, 20),
        ("s1", "X", "secondary", 0, 0),
        ("s2", "X", "secondary", 5, 15),
        ("s3", "X", "secondary", 2, 10),
        ("s4", "X", "secondary", 4, 5),
        ("s5", "X", "secondary", 3, NAN),
    ]
    return pd.DataFrame(rows, columns=["name", "megaregion_id", "role", "GDP_2011", "GDP_2020"])


def test_trend_per_year_and_pooled():
    frame = trend_frame()
    per_year = ty.trend_typology(frame, ["GDP"], 2011, 2020, name_field="name", k=2)
    t = dict(zip(per_year.cities["name"], per_year.profile["GDP"]))
    # 2011 perf = GDP/10, 2020 perf = GDP/20
    assert t == pytest.approx({"s1": 0.0, "s2": 0.25, "s3": 0.3, "s4": -0.15}, abs=1e-15)
    assert list(per_year.performance.columns) == ["GDP_2011", "GDP_2020"]
    pooled = ty.trend_typology(frame, ["GDP"], 2011, 2020, name_field="name", year_pool="pooled", k=2)
    t = dict(zip(pooled.cities["name"], pooled.profile["GDP"]))
    # min 0, max 20 over both years: perf = GDP/20 in both years
    assert t == pytest.approx({"s1": 0.0, "s2": 0.5, "s3": 0.4, "s4": 0.05}, abs=1e-15)
    assert pooled.cores.loc[0, "trend_GDP"] == pytest.approx(0.5)
    assert dict(zip(pooled.excluded["name"], pooled.excluded["reason"])) == {"s5": "2020: NULL in GDP"}
    assert "c" not in set(pooled.cities["name"])
    # most improved trend first
    assert pooled.types["mean"].is_monotonic_decreasing
    assert pooled.secondary_table().columns[2:6].tolist() == ["perf_GDP_2011", "perf_GDP_2020", "trend_GDP", "dim_gdp"]
    with pytest.raises(ValueError, match="'GDP_2015' is not in the table"):
        ty.trend_typology(frame, ["GDP"], 2011, 2015)
    with pytest.raises(ValueError, match="two different years"):
        ty.trend_typology(frame, ["GDP"], 2011, 2011)


# ------------------------------------------------------------------ bundled census data

@pytest.fixture(scope="module")
def census_members():
    census = pd.read_csv(CENSUS)
    members = pd.read_csv(MEMBERSHIP)
    # the census codes Chongqing as 500100, the membership table as 500000
    census["adcode"] = census["city_code"].replace({500100: 500000})
    return members.merge(census, on="adcode", how="left", validate="many_to_one")


def check_structure(res, frame):
    secondary = set(frame.index[frame["role"] == "secondary"])
    typed, excluded = set(res.cities.index), set(res.excluded.index)
    assert typed | excluded == secondary and not typed & excluded
    assert not typed & set(frame.index[frame["role"] == "core"])
    assert res.excluded["reason"].str.len().min() > 0
    assert res.profile.notna().all().all()
    letters = km.type_letters(res.k)
    assert list(res.types.index) == letters and set(res.cities["type"]) == set(letters)
    assert res.types["mean"].is_monotonic_decreasing
    assert res.types["size"].sum() == len(typed)
    table = res.silhouette_by_k
    assert res.k == table.loc[table["mean_silhouette"].idxmax(), "k"]
    assert res.within_ss + res.between_ss == pytest.approx(res.total_ss, rel=1e-10)
    assert res.types["within_ss"].sum() == pytest.approx(res.within_ss, rel=1e-12)
    assert res.types["between_ss"].sum() == pytest.approx(res.between_ss, rel=1e-12)
    comp = res.pca_components.to_numpy()
    assert all(c[np.argmax(np.abs(c))] > 0 for c in comp)


def test_census_gap_and_trend_typology(census_members):
    frame = census_members
    inds = ["popu", "popu_urban", "household", "age_60"]
    dims = {"popu": "urban size", "popu_urban": "urban size", "household": "social vitality",
            "age_60": "social vitality"}
    res = ty.gap_typology(frame, inds, year=2020, cost_indicators=["age_60"], dimensions=dims,
                          name_field="name_en", city_field="adcode", k_max=6)
    check_structure(res, frame)
    assert len(res.cities) > 150 and len(res.cores) == 35
    assert res.cores.set_index("name").loc["Chongqing"].filter(like="perf_").notna().all()
    assert {"Hong Kong", "Macao"} <= set(res.excluded["name"])
    # 2010 -> 2020 trends, both pool variants
    for year_pool in ty.YEAR_POOLS:
        trend = ty.trend_typology(frame, inds, 2010, 2020, cost_indicators=["age_60"], dimensions=dims,
                                  name_field="name_en", city_field="adcode", k_max=6, year_pool=year_pool)
        check_structure(trend, frame)
        assert trend.type_centres_by_dimension.columns.tolist() == ["urban size", "social vitality"]


# ------------------------------------------------------------------ HTML report

def test_html_report_is_self_contained_and_complete(tmp_path):
    import re
    import xml.etree.ElementTree as ET

    from megaregion.core import report_typology as rep

    frame = worked_frame()
    frame.loc[frame["name"] == "Xs2", "name"] = "X<s&2>"
    gap = ty.gap_typology(frame, ["GDP", "PM25"], cost_indicators=["PM25"], name_field="name", k_max=4)
    trend = ty.trend_typology(trend_frame(), ["GDP"], 2011, 2020, name_field="name", k=2)
    path = rep.write_typology_report(tmp_path / "typology.html", gap, trend, title="Test <report>")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<title>Test &lt;report&gt;</title>" in text
    lowered = text.lower()
    assert "<script" not in lowered and "http" not in lowered and "src=" not in lowered and "href=" not in lowered
    assert "X&lt;s&amp;2&gt;" in text and "X<s&2>" not in text
    svgs = re.findall(r"<svg .*?</svg>", text, flags=re.S)
    assert len(svgs) == 2 * 3          # per section: silhouette, PCA, heatmap per indicator
    trees = [ET.fromstring(s) for s in svgs]
    pca = [t for t in trees if t.get("aria-label") == "PCA scatter of cities coloured by type"]
    assert [len(t.findall("circle")) for t in pca] == [len(gap.cities), len(trend.cities)]
    sil = next(t for t in trees if t.get("aria-label") == "mean silhouette by K")
    assert len(sil.findall("circle")) == len(gap.silhouette_by_k)
    for description in list(gap.types["description"]) + list(trend.types["description"]):
        assert rep._e(description) in text
    for name in ("Ys1", "Ys2", "Xs4", "s1", "s4"):
        assert f">{name}" in text or f", {name}" in text
    assert "Zs1" in text and "has no core city" in text          # excluded cities are listed
    with pytest.raises(ValueError, match="at least one typology result"):
        rep.typology_report_html()


def test_dissertation_indicator_system():
    """Table 2.1: 18 indicators, three in each of the six dimensions; cost indicators among them."""
    counts = pd.Series(ty.DISSERTATION_DIMENSIONS).value_counts()
    assert sorted(counts.index) == sorted(ty.DIMENSIONS) and set(counts) == {3}
    assert set(ty.DISSERTATION_COST_INDICATORS) <= set(ty.DISSERTATION_DIMENSIONS)
    assert ty.slug("green transformation") == "green_transformation" and ty.slug("PM2.5") == "pm2_5"
