"""What the typology algorithms read and write, without QGIS: indicator directions and
dimensions (core/typology_indicators.py), the two years of a trend and its composite
(core/trend.py), the output tables and labels (core/typology_tables.py)."""
import numpy as np
import pandas as pd
import pytest

from megaregion.core import trend as tr
from megaregion.core import typology as ty
from megaregion.core import typology_indicators as ti
from megaregion.core import typology_tables as tt
from megaregion.core.messages import in_language
from megaregion.core.topsis import topsis_scores

NAN = np.nan


# ------------------------------------------------------------------ directions and dimensions

def test_declared_directions():
    assert ti.known_direction("PM2.5") == ti.known_direction("pm25_2020") == ti.COST
    assert ti.known_direction("household_2020") == ti.known_direction("HOUSEHOLD") == ti.NEUTRAL
    assert ti.known_direction("popu_2020") == ti.BENEFIT
    assert set(ti.DISSERTATION_COST_INDICATORS) <= set(ti.DISSERTATION_DIMENSIONS)
    # the declarations are also where they always were
    assert ty.DISSERTATION_DIMENSIONS is ti.DISSERTATION_DIMENSIONS and ty.NEUTRAL_INDICATORS is ti.NEUTRAL_INDICATORS


def test_direction_hints_name_undeclared_cost_and_neutral_indicators():
    hints = ti.direction_hints(["pm25_2020", "household_2020", "popu_2020"])
    assert len(hints) == 2
    assert hints[0].startswith("'pm25_2020' is a cost indicator") and "COST_INDICATORS" in hints[0]
    assert hints[1].startswith("'household_2020' is the average household size") and "NEUTRAL_INDICATORS" in hints[1]
    assert ti.direction_hints(["pm25_2020", "household_2020"], cost=["PM2.5"], neutral=["household"]) == []


def test_neutral_split():
    kept, dropped = ti.neutral_split(["popu_2020", "household_2020", "gdp"], ["HOUSEHOLD_2020"])
    assert kept == ["popu_2020", "gdp"] and list(dropped) == ["household_2020"]
    assert "declared neutral" in dropped["household_2020"]
    assert ti.neutral_split(["popu_2020"], []) == (["popu_2020"], {})
    with pytest.raises(ValueError, match="Every indicator is declared neutral"):
        ti.neutral_split(["household_2020"], ["household"])
    with pytest.raises(ValueError, match="at least one indicator"):
        ti.neutral_split([], [])


def test_parse_dimensions():
    indicators = ["popu_2020", "gdp_2020", "pm25_2020", "household_2020"]
    assert ti.parse_dimensions("", indicators) == {
        "popu_2020": "popu_2020", "gdp_2020": "urban size", "pm25_2020": "green transformation",
        "household_2020": "household_2020"}
    dims = ti.parse_dimensions("popu=size\nGDP_2020 = size;", indicators)
    assert dims["popu_2020"] == dims["gdp_2020"] == "size"
    for text, match in (("popu", "has no '='"), ("popu=", "needs both"), ("area=size", "not one of the indicators"),
                        ("popu=a;popu_2020=b", "two dimensions")):
        with pytest.raises(ValueError, match=match):
            ti.parse_dimensions(text, indicators)
    with pytest.raises(ValueError) as excinfo:
        ti.parse_dimensions("area=size", indicators)
    assert in_language(excinfo.value, "zh") == (
        "DIMENSIONS 中的 'area' 不是所选指标（popu_2020, gdp_2020, pm25_2020, household_2020）之一："
        "请更正名称或将该字段加入 INDICATORS")


def test_hints_and_neutral_reasons_in_chinese():
    hints = ti.direction_hints(["pm25_2020", "household_2020"])
    assert [in_language(h, "zh").split("；")[0] for h in hints] == [
        "“pm25_2020”在论文中是成本型指标（越小越好）",
        "“household_2020”是户均人口（每户人数），户规模大小无所谓优劣：目前按越大越好计算"]
    _, dropped = ti.neutral_split(["popu_2020", "household_2020"], ["household"])
    assert in_language(dropped["household_2020"], "zh") == "指标 'household_2020' 为中性指标（数值高低无优劣之分）：不计算绩效值"
    with pytest.raises(ValueError) as excinfo:
        ti.neutral_split(["household_2020"], ["household"])
    assert in_language(excinfo.value, "zh") == "所有指标均被声明为中性指标（household_2020）：请至少保留一个效益型或成本型指标"


def gap_frame():
    rows = [  # megaregion, role, name, A, B, household
        ("X", "core", "x0", 10.0, 8.0, 3.1),
        ("X", "secondary", "x1", 2.0, 1.0, 2.8),
        ("X", "secondary", "x2", 3.0, 2.0, 3.5),
        ("X", "secondary", "x3", 8.0, 7.0, 2.9),
        ("X", "secondary", "x4", 9.0, 7.5, 3.3),
        ("Y", "core", "y0", 6.0, 6.0, 3.0),
        ("Y", "secondary", "y1", 1.0, 0.0, 3.6),
        ("Y", "secondary", "y2", 5.5, 6.5, 2.7),
    ]
    return pd.DataFrame(rows, columns=["megaregion_id", "role", "name", "A", "B", "household"])


def test_a_neutral_indicator_is_left_out_of_the_gap_typology():
    frame = gap_frame()
    without = ty.gap_typology(frame, ["A", "B"], name_field="name", k=2, composite_weighting="equal")
    neutral = ty.gap_typology(frame, ["A", "B", "household"], name_field="name", k=2, composite_weighting="equal",
                              neutral_indicators=["household"])
    assert neutral.indicators == ["A", "B"]
    pd.testing.assert_frame_equal(neutral.profile, without.profile)
    pd.testing.assert_frame_equal(neutral.composite, without.composite)
    assert neutral.cities["type"].tolist() == without.cities["type"].tolist()
    assert list(neutral.dropped_indicators) == ["household"]
    assert neutral.settings["neutral_indicators"] == ["household"]
    assert any("declared neutral" in m for m in neutral.messages)
    # scored as a benefit, household size changes the profile
    scored = ty.gap_typology(frame, ["A", "B", "household"], name_field="name", k=2)
    assert "household" in scored.profile.columns


def test_a_neutral_indicator_is_left_out_of_the_trend():
    frame = gap_frame()
    for col in ("A", "B", "household"):
        frame[f"{col}_2010"] = frame[col]
        frame[f"{col}_2020"] = frame[col] * np.linspace(1, 2, len(frame))
    without = ty.trend_typology(frame, ["A", "B"], 2010, 2020, name_field="name", k=2)
    neutral = ty.trend_typology(frame, ["A", "B", "household"], 2010, 2020, name_field="name", k=2,
                                neutral_indicators=["household_2020"])
    pd.testing.assert_frame_equal(neutral.profile, without.profile)
    assert list(neutral.dropped_indicators) == ["household"]


# ------------------------------------------------------------------ the two years of a trend

LAYER = ["popu_2010", "popu_2020", "gdp_2010", "gdp_2020", "pm25_2010", "pm25_2020", "area"]


def test_trend_indicators_from_the_fields():
    assert tr.trend_indicators(["popu_2010", "popu_2020", "gdp_2020"], ["gdp_2010"], 0, 0, LAYER, ["popu"]) == (
        ["popu", "gdp"], ["gdp"], 2010, 2020, ["popu"])
    # explicit years: the fields of other years are not needed among the selected ones
    assert tr.trend_indicators(["popu_2010"], [], 2020, 2010, LAYER)[:4] == (["popu"], [], 2020, 2010)


@pytest.mark.parametrize("args, match", [
    ((["popu_2010", "area"], [], 0, 0), r"INDICATORS 'area' have no _<year> suffix"),
    ((["popu_2010"], [], 0, 0), r"give the year\(s\) 2010: select the fields of two or more years"),
    ((["popu_2010", "gdp_2015", "pm25_2020"], [], 0, 0), r"2010, 2015, 2020"),
    ((["popu_2010"], [], 2010, 0), "YEAR1 = 2010 and YEAR2 = 0: set both"),
    ((["popu_2010"], [], 2010, 2010), "YEAR1 and YEAR2 are both 2010"),
    ((["popu_2010"], [], 2010, 2015), "INPUT has no field 'popu_2015'"),
    ((["popu_2010", "popu_2020"], ["gdp_2010"], 0, 0), "COST_INDICATORS 'gdp' not among the INDICATORS"),
])
def test_trend_indicators_refused(args, match):
    with pytest.raises(ValueError, match=match):
        tr.trend_indicators(*args, LAYER)


def test_trend_indicators_refused_in_chinese():
    with pytest.raises(ValueError) as excinfo:
        tr.trend_indicators(["popu_2010"], [], 2010, 2015, LAYER)
    assert in_language(excinfo.value, "zh") == (
        "INPUT 图层没有字段 'popu_2015'：每个指标都需要 2010 年和 2015 年的字段；请连接该年份的表格或移除该指标")
    with pytest.raises(ValueError) as excinfo:
        tr.trend_indicators(["popu_2010", "popu_2020"], ["popu_2010"], 0, 0, LAYER, ["popu"])
    assert in_language(excinfo.value, "zh").startswith("'popu' 同时是成本型指标和中性指标")


def test_trend_indicators_neutral_refused():
    with pytest.raises(ValueError, match="NEUTRAL_INDICATORS 'gdp' not among the INDICATORS"):
        tr.trend_indicators(["popu_2010", "popu_2020"], [], 0, 0, LAYER, ["gdp"])
    with pytest.raises(ValueError, match="'popu' are both cost and neutral"):
        tr.trend_indicators(["popu_2010", "popu_2020"], ["popu_2010"], 0, 0, LAYER, ["popu"])


def test_trend_composite_is_the_classical_topsis_of_each_year():
    rng = np.random.default_rng(5)
    frame = pd.DataFrame(rng.uniform(1, 10, size=(12, 6)), columns=LAYER[:6])
    frame.loc[3, "gdp_2020"] = NAN
    dims = {"popu": "size", "gdp": "size", "pm25": "green"}
    out = tr.trend_composite(frame, ["popu", "gdp", "pm25"], 2010, 2020, ["pm25"], dims, "equal")
    assert list(out.columns) == ["size_2010", "green_2010", "overall_2010", "size_2020", "green_2020", "overall_2020"]
    for year in (2010, 2020):
        cols = [f"popu_{year}", f"gdp_{year}", f"pm25_{year}"]
        complete = frame[cols].notna().all(axis=1).to_numpy()
        expected = topsis_scores(frame.loc[complete, cols].to_numpy(), cost=[False, False, True])
        np.testing.assert_allclose(out.loc[complete, f"overall_{year}"], expected, rtol=0, atol=1e-15)
        assert out.loc[~complete, f"overall_{year}"].isna().all()
        np.testing.assert_allclose(out[f"green_{year}"], topsis_scores(frame[[f"pm25_{year}"]].to_numpy(), cost=[True]),
                                   atol=1e-15)
    assert tr.trend_composite(frame, ["popu"], 2010, 2020, weighting=None) is None
    entropy = tr.trend_composite(frame, ["popu", "gdp"], 2010, 2020, weighting="entropy")
    assert list(entropy.columns) == ["overall_2010", "overall_2020"]


# ------------------------------------------------------------------ output tables

def test_member_mask_and_core_style_field():
    assert tt.member_mask(["BTH", None, NAN, "", " ", pd.NA, "YRD"]).tolist() == [
        True, False, False, False, False, False, True]
    cores = pd.DataFrame(columns=["name", "perf_a", "perf_b"])
    assert tt.core_style_field(cores, "gap") == "perf_b"
    assert tt.core_style_field(pd.DataFrame(columns=["name"]), "gap") is None
    assert tt.core_style_field(pd.DataFrame(columns=["name", "perf_a_2010"]), "trend") is None


def test_city_core_and_profile_tables():
    frame = gap_frame()
    frame["adcode"] = [f"{i:06d}" for i in range(len(frame))]
    frame.loc[2, "A"] = NAN
    res = ty.gap_typology(frame, ["A", "B"], name_field="name", k=2, composite_weighting="equal")
    composite = res.composite
    labels = tt.type_labels(res)
    cities = tt.city_table(res, frame, composite, "adcode", labels)
    secondary = frame.index[frame["role"] == "secondary"].tolist()
    assert cities.index.tolist() == secondary
    assert cities.columns[0] == "adcode" and cities["adcode"].tolist() == frame.loc[secondary, "adcode"].tolist()
    assert cities.loc[2, "type"] != cities.loc[2, "type"] or cities.loc[2, "type"] is None
    assert cities.loc[2, "excluded_reason"] == "NULL in A" and cities["excluded_reason"].dtype == object
    typed = cities.drop(index=2)
    assert typed["excluded_reason"].isna().all()
    assert typed["type_label"].tolist() == [dict(labels)[t] for t in typed["type"]]
    np.testing.assert_array_equal(typed["topsis_overall"], composite.loc[typed.index, "overall"])
    np.testing.assert_array_equal(cities["perf_A"], res.performance.loc[secondary, "A"])
    cores = tt.core_table(res, frame, composite, "adcode")
    assert cores["name"].tolist() == ["x0", "y0"] and "topsis_overall" in cores.columns
    assert tt.core_style_field(cores, "gap") == "topsis_overall"
    profiles = tt.profile_table(res, labels)
    assert profiles["label"].tolist() == [label for _, label in labels]
    means = res.cities.groupby("type")["silhouette"].mean()
    np.testing.assert_array_equal(profiles["mean_silhouette"], means.loc[profiles["type"]].to_numpy())
    assert profiles["stability"].isna().all()
    assert tt.composite_columns(None) == {}
    assert list(tt.composite_columns(pd.DataFrame({"urban size": [1.0]}))) == ["topsis_urban_size"]
