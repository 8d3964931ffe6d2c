"""Tests of core.unevenness: indicator parsing, the table on a handmade frame whose values
are the method's worked example, every status reason, input errors, weights, change rows,
the headline grid and the bundled census data of the 19 mega-regions."""
import math

import numpy as np
import pandas as pd
import pytest

from data_paths import CENSUS, MEMBERSHIP
from megaregion.core.inequality import dagum_gini, theil, theil_decomposition
from megaregion.core.messages import in_language
from megaregion.core.unevenness import (
    COLUMNS,
    MEASURES,
    UnevennessInputError,
    headline_by_region,
    parse_indicator_fields,
    unevenness_table,
)
from peers import require


def handmade():
    """R1 holds the worked example in 2010 (cores 1, 3 | secondary 2, 6) and doubles the
    secondary values in 2020; R2 has a NULL in 2020; R3 has no core city."""
    return pd.DataFrame(
        {
            "megaregion_id": ["R1"] * 4 + ["R2"] * 4 + ["R3"] * 2,
            "name": ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
            "role": ["core", "Core ", "secondary", "SECONDARY", "core", "secondary", "secondary", "secondary",
                     "secondary", "secondary"],
            "x_2010": [1.0, 3.0, 2.0, 6.0, 10.0, 1.0, 2.0, 3.0, 4.0, 5.0],
            "x_2020": [1.0, 3.0, 4.0, 12.0, 12.0, None, 2.0, 3.0, 4.0, 5.0],
            "area": [1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0, 3.0, 3.0],
        }
    )


def row(table, region, indicator="x", year=None, change=False):
    t = table[(table["megaregion"] == region) & (table["indicator"] == indicator)]
    if change:
        t = t[t["row_type"] == "change"]
    elif year is None:
        t = t[t["year"].isna()]
    else:
        t = t[(t["year"] == year).fillna(False)]
    assert len(t) == 1
    return t.iloc[0]


# --------------------------------------------------------------------------- indicators


def test_parse_indicator_fields():
    parsed = parse_indicator_fields(["pop_2020", "GDP_2011", "pop_2010", "area", "male_female_2010"])
    assert list(parsed) == ["pop", "GDP", "area", "male_female"]
    assert parsed["pop"] == {2010: "pop_2010", 2020: "pop_2020"}
    assert list(parsed["pop"]) == [2010, 2020]
    assert parsed["area"] == {None: "area"}
    assert parsed["male_female"] == {2010: "male_female_2010"}
    assert parse_indicator_fields(["pm25_20"]) == {"pm25_20": {None: "pm25_20"}}


def test_explicit_pairing_and_year_filter():
    df = handmade().rename(columns={"x_2010": "gdp_a", "x_2020": "gdp_b"})
    t = unevenness_table(df, {"x": {2010: "gdp_a", 2020: "gdp_b"}}, labels_field="name")
    ref = unevenness_table(handmade(), ["x_2010", "x_2020"], labels_field="name")
    pd.testing.assert_frame_equal(t.drop(columns="field"), ref.drop(columns="field"))
    only = unevenness_table(handmade(), ["x_2010", "x_2020", "area"], years=[2020])
    assert set(only["indicator"]) == {"x", "area"}
    assert set(only["row_type"]) == {"year"}
    assert only.loc[only["indicator"] == "x", "year"].tolist() == [2020] * 3


# --------------------------------------------------------------------------- handmade table


def test_worked_example_row_and_layout():
    t = unevenness_table(handmade(), ["x_2010", "x_2020", "area"], labels_field="name")
    assert list(t.columns) == list(COLUMNS)
    # never dropped: 3 regions x (x: 2 years + 1 change, area: 1 row)
    assert len(t) == 12
    r = row(t, "R1", year=2010)
    assert r["status"] == "ok" and r["n_core"] == 2 and r["n_secondary"] == 2 and r["n_null"] == 0
    assert r["gini"] == pytest.approx(1 / 3, abs=1e-15)
    assert r["dagum_g"] == pytest.approx(1 / 3, abs=1e-15)
    assert r["dagum_gw"] == pytest.approx(1 / 8, abs=1e-15)
    assert r["dagum_gnb"] == pytest.approx(1 / 6, abs=1e-15)
    assert r["dagum_gt"] == pytest.approx(1 / 24, abs=1e-15)
    assert r["dagum_d"] == pytest.approx(0.8, abs=1e-15)
    assert (r["share_gw"], r["share_gnb"], r["share_gt"]) == pytest.approx((3 / 8, 1 / 2, 1 / 8), abs=1e-14)
    assert r["theil"] == pytest.approx(0.1874450, abs=5e-8)
    assert r["theil_between"] == pytest.approx(0.0566330, abs=5e-8)
    assert r["theil_within"] == pytest.approx(0.1308120, abs=5e-8)
    assert r["mean_core"] == 2.0 and r["mean_secondary"] == 4.0 and r["ratio"] == 0.5
    assert r["gini_core"] == pytest.approx(0.25) and r["gini_secondary"] == pytest.approx(0.25)
    assert r["gini_core_secondary"] == pytest.approx(5 / 12, abs=1e-15)
    # the secondary cities lead, so the signed term is negative (the dissertation's figure 1.8)
    assert r["leader"] == "secondary"
    assert r["gnb_signed"] == pytest.approx(-1 / 6, abs=1e-15)
    assert not r["weighted"]
    assert r["field"] == "x_2010"


def test_gnb_signed_is_the_core_first_convention():
    t = unevenness_table(handmade(), ["x_2010", "x_2020"], labels_field="name")
    df = handmade()
    for region in ("R1", "R2"):
        for year in (2010, 2020):
            sub = df[(df["megaregion_id"] == region) & df["x_%d" % year].notna()]
            roles = sub["role"].str.strip().str.lower()
            fixed = dagum_gini(sub["x_%d" % year], roles, order=["secondary", "core"])
            assert row(t, region, year=year)["gnb_signed"] == pytest.approx(fixed.Gnb, abs=1e-14)
    assert row(t, "R2", year=2010)["leader"] == "core"
    assert row(t, "R2", year=2010)["gnb_signed"] > 0


def test_change_rows_are_differences_with_counts_of_each_year():
    t = unevenness_table(handmade(), ["x_2010", "x_2020"], labels_field="name")
    for region in ("R1", "R2"):
        a, b, c = row(t, region, year=2010), row(t, region, year=2020), row(t, region, change=True)
        for m in MEASURES:
            if math.isnan(a[m]) or math.isnan(b[m]):
                assert math.isnan(c[m]), m
            else:
                assert c[m] == pytest.approx(b[m] - a[m], abs=1e-15), m
        assert (c["year1"], c["year2"]) == (2010, 2020)
        assert pd.isna(c["year"]) and pd.isna(c["n_core"])
        assert c["field"] == "x_2010 -> x_2020"
    c2 = row(t, "R2", change=True)
    assert (c2["n_core_year1"], c2["n_secondary_year1"], c2["n_core_year2"], c2["n_secondary_year2"]) == (1, 3, 1, 2)
    assert "1 cities only in 2010" in c2["note"]
    r1 = row(t, "R1", change=True)
    assert r1["leader"] == "secondary" and r1["note"] == ""
    # R1 2020: secondary values doubled -> means 2 and 8
    assert row(t, "R1", year=2020)["ratio"] == 0.25
    assert r1["ratio"] == pytest.approx(-0.25)


def test_nulls_are_excluded_and_counted():
    t = unevenness_table(handmade(), ["x_2010", "x_2020"], labels_field="name")
    r = row(t, "R2", year=2020)
    assert r["status"] == "ok" and r["n_null"] == 1 and r["n_secondary"] == 2 and r["n_core"] == 1
    assert "1 cities with NULL value excluded (f)" in r["note"]
    assert r["gini_core"] == 0.0  # one core city
    d = dagum_gini([12.0, 2.0, 3.0], ["core", "secondary", "secondary"])
    assert r["gini"] == pytest.approx(d.G, abs=1e-15) and r["dagum_gnb"] == pytest.approx(d.Gnb, abs=1e-15)


def test_status_reasons_and_rows_kept():
    df = handmade()
    t = unevenness_table(df, ["x_2010", "x_2020"], labels_field="name")
    r3 = row(t, "R3", year=2010)
    assert r3["status"] == "no core city in the mega-region"
    assert math.isnan(r3["gini"]) and math.isnan(r3["theil"]) and math.isnan(r3["mean_core"])
    assert r3["mean_secondary"] == 4.5 and r3["n_secondary"] == 2
    c3 = row(t, "R3", change=True)
    assert c3["status"] == "2010: no core city in the mega-region; 2020: no core city in the mega-region"

    df2 = handmade()
    df2.loc[df2["name"] == "e", "x_2020"] = None  # R2's only core
    df2.loc[df2["megaregion_id"] == "R1", "x_2020"] = 0.0
    t2 = unevenness_table(df2, ["x_2010", "x_2020"], labels_field="name")
    r2 = row(t2, "R2", year=2020)
    assert r2["status"] == "no valid core value (all NULL)" and r2["n_core"] == 0 and r2["n_null"] == 2
    assert math.isnan(r2["dagum_gnb"])
    r1 = row(t2, "R1", year=2020)
    assert r1["status"] == "all values are zero: inequality is undefined"
    assert r1["n_core"] == 2 and r1["mean_core"] == 0.0 and math.isnan(r1["theil"])
    assert row(t2, "R1", change=True)["status"].startswith("2020: all values are zero")

    df3 = handmade()
    df3.loc[df3["role"].str.strip().str.lower() == "secondary", "x_2010"] = None
    r = row(unevenness_table(df3, ["x_2010"]), "R1", year=2010)
    assert r["status"] == "no valid secondary value (all NULL)"


def test_all_equal_values_give_zero_with_undefined_shares():
    df = handmade()
    df["x_2010"] = 5.0
    r = row(unevenness_table(df, ["x_2010"]), "R1", year=2010)
    assert r["status"] == "ok"
    assert r["gini"] == 0.0 and abs(r["theil"]) < 1e-15 and r["dagum_gnb"] == 0.0
    assert math.isnan(r["share_gw"]) and math.isnan(r["theil_between_share"])
    assert r["leader"] == "equal" and "shares undefined" in r["note"]


def test_single_year_indicator():
    t = unevenness_table(handmade(), ["area"])
    assert len(t) == 3 and set(t["row_type"]) == {"year"} and t["year"].isna().all()
    r = row(t, "R2", "area")
    assert r["status"] == "ok" and r["gini"] == 0.0


def test_objects_and_none_as_from_a_qgis_layer():
    df = handmade().astype(object)
    df.loc[5, "x_2020"] = None
    df.loc[0, "x_2010"] = "1"  # numeric text is accepted
    t = unevenness_table(df, ["x_2010", "x_2020"], labels_field="name")
    ref = unevenness_table(handmade(), ["x_2010", "x_2020"], labels_field="name")
    pd.testing.assert_frame_equal(t, ref)


def test_input_frame_is_not_modified():
    df = handmade()
    before = df.copy()
    unevenness_table(df, ["x_2010", "x_2020", "area"], labels_field="name", weight_field="area")
    pd.testing.assert_frame_equal(df, before)


# --------------------------------------------------------------------------- errors


def test_negative_values_are_an_error_naming_indicator_and_cities():
    df = handmade()
    df.loc[df["name"] == "g", "x_2020"] = -1.0
    with pytest.raises(ValueError, match=r"Indicator 'x' \(field 'x_2020'\) has negative values for 1 cities \(g \(R2, -1\)\)"):
        unevenness_table(df, ["x_2010", "x_2020"], labels_field="name")


def test_unknown_roles_are_an_error_naming_values():
    df = handmade()
    df.loc[0, "role"] = "capital"
    df.loc[1, "role"] = None
    with pytest.raises(UnevennessInputError, match=r"'capital' for 1 cities \(a\); NULL for 1 cities \(b\)"):
        unevenness_table(df, ["x_2010"], labels_field="name")


def test_other_input_errors():
    df = handmade()
    with pytest.raises(UnevennessInputError, match=r"\['gdp_2010'\] are not in the input table"):
        unevenness_table(df, ["gdp_2010"])
    bad = handmade().astype(object)
    bad.loc[2, "x_2010"] = "n/a"
    with pytest.raises(UnevennessInputError, match=r"not numbers for 1 cities \(c='n/a'\)"):
        unevenness_table(bad, ["x_2010"], labels_field="name")
    nul = handmade()
    nul.loc[9, "megaregion_id"] = None
    with pytest.raises(UnevennessInputError, match=r"NULL for 1 cities \(j\)"):
        unevenness_table(nul, ["x_2010"], labels_field="name")
    zero_w = handmade()
    zero_w.loc[3, "area"] = 0
    with pytest.raises(UnevennessInputError, match=r"Weight field 'area' is zero, negative or infinite for 1 cities \(d \(0\.0\)\)"):
        unevenness_table(zero_w, ["x_2010"], labels_field="name", weight_field="area")
    with pytest.raises(UnevennessInputError, match="both give indicator"):
        parse_indicator_fields(["x_2010", "x_2010"])
    with pytest.raises(UnevennessInputError, match="Measure 'nope'"):
        headline_by_region(unevenness_table(df, ["x_2010"]), "nope")


def test_input_errors_in_chinese():
    df = handmade()
    df.loc[0, "role"] = "capital"
    df.loc[1, "role"] = None
    with pytest.raises(UnevennessInputError) as excinfo:
        unevenness_table(df, ["x_2010"], labels_field="name")
    assert in_language(excinfo.value, "zh") == (
        "角色字段 'role' 中有 'core'（核心城市）和 'secondary'（次级城市）以外的值：1 个城市为 'capital'（a）；"
        "1 个城市为 空值（b）。请为每个成员城市标明其在城市群中的角色。")
    negative = handmade()
    negative.loc[negative["name"] == "g", "x_2020"] = -1.0
    with pytest.raises(UnevennessInputError) as excinfo:
        unevenness_table(negative, ["x_2010", "x_2020"], labels_field="name")
    assert in_language(excinfo.value, "zh") == (
        "指标 'x'（字段 'x_2020'）有 1 个城市的值为负（g (R2, -1)）：泰尔指数和基尼系数要求数值 >= 0；请平移或变换该指标")
    with pytest.raises(UnevennessInputError) as excinfo:
        unevenness_table(handmade(), ["x_2010"], bootstrap=10)
    assert in_language(excinfo.value, "zh").startswith("BOOTSTRAP = 10 次重抽样不足以计算 95 % 置信区间：每侧 2.5 % 的尾部")


# --------------------------------------------------------------------------- weights


def test_weighted_table_equals_repeated_cities():
    df = handmade()
    df["w"] = [1, 2, 3, 1, 2, 1, 1, 4, 1, 2]
    t = unevenness_table(df, ["x_2010", "x_2020"], labels_field="name", weight_field="w")
    assert t["weighted"].all()
    rep = df.loc[df.index.repeat(df["w"])].reset_index(drop=True)
    ref = unevenness_table(rep, ["x_2010", "x_2020"], labels_field="name")
    ok = (t["status"] == "ok").to_numpy()
    assert ok.sum() == 6
    for m in MEASURES:
        np.testing.assert_allclose(t.loc[ok, m].to_numpy(), ref.loc[ok, m].to_numpy(), atol=1e-12, err_msg=m)
    assert t["leader"].tolist() == ref["leader"].tolist()


def test_weight_per_year_by_base_name_and_null_weight():
    df = handmade()
    df["pop_2010"] = [1.0, 2.0, 1.0, 1.0, 5.0, 1.0, 1.0, 1.0, 1.0, 1.0]
    df["pop_2020"] = [2.0, 1.0, 1.0, 3.0, 1.0, 1.0, None, 1.0, 1.0, 1.0]
    t = unevenness_table(df, ["x_2010", "x_2020"], labels_field="name", weight_field="pop")
    sub = df[df["megaregion_id"] == "R1"]
    groups = sub["role"].str.strip().str.lower()
    for year in (2010, 2020):
        expected = theil_decomposition(sub["x_%d" % year], groups, weights=sub["pop_%d" % year])
        assert row(t, "R1", year=year)["theil"] == pytest.approx(expected.total, abs=1e-14)
        assert row(t, "R1", year=year)["theil_between"] == pytest.approx(expected.between, abs=1e-14)
    r = row(t, "R2", year=2020)  # f has a NULL value, g a NULL weight
    assert r["n_null"] == 2 and r["n_secondary"] == 1
    assert "NULL weight excluded (g)" in r["note"]
    mapped = unevenness_table(df, ["x_2010", "x_2020"], labels_field="name",
                              weight_field={2010: "pop_2010", 2020: "pop_2020"})
    pd.testing.assert_frame_equal(mapped, t)


# --------------------------------------------------------------------------- headline grid


def test_headline_by_region():
    df = handmade()
    df["y_2010"] = df["x_2010"] * 2 + 1
    df["y_2020"] = df["x_2020"] * 3 + 1
    t = unevenness_table(df, ["x_2010", "x_2020", "y_2010", "y_2020", "area"])
    latest = headline_by_region(t, "gini")
    assert list(latest.index) == ["R1", "R2", "R3"] and list(latest.columns) == ["x", "y", "area"]
    assert latest.loc["R1", "x"] == row(t, "R1", year=2020)["gini"]
    assert latest.loc["R2", "area"] == row(t, "R2", "area")["gini"]
    assert math.isnan(latest.loc["R3", "x"])
    y2010 = headline_by_region(t, "theil", 2010)
    assert list(y2010.columns) == ["x", "y"]
    assert y2010.loc["R2", "y"] == row(t, "R2", "y", year=2010)["theil"]
    change = headline_by_region(t, "dagum_gnb", "change")
    assert change.loc["R1", "x"] == pytest.approx(row(t, "R1", year=2020)["dagum_gnb"] - row(t, "R1", year=2010)["dagum_gnb"])
    pd.testing.assert_frame_equal(change, headline_by_region(t, "dagum_gnb", (2010, 2020)))


# --------------------------------------------------------------------------- bundled census


@pytest.fixture(scope="module")
def census_members():
    members = pd.read_csv(MEMBERSHIP)
    census = pd.read_csv(CENSUS)
    # the census codes Chongqing by its city code 500100, the membership by 500000
    census = census.assign(adcode=census["city_code"].replace({500100: 500000}))
    return members.merge(census[["adcode", "popu_2010", "popu_2020"]], on="adcode", how="left")


def test_census_population_19_megaregions(census_members):
    df = census_members
    t = unevenness_table(df, ["popu_2010", "popu_2020"], labels_field="name_en")
    assert t["megaregion"].nunique() == 19
    assert len(t) == 19 * 3
    assert (t["status"] == "ok").all()
    years = t[t["row_type"] == "year"]
    # every member row is either used or counted as NULL
    sizes = df.groupby("megaregion_id").size()
    used = years.assign(total=years["n_core"] + years["n_secondary"] + years["n_null"])
    for _, r in used.iterrows():
        assert r["total"] == sizes[r["megaregion"]]
    cy = row(t, "CY", "popu", year=2020)
    assert cy["n_core"] == 2 and cy["n_null"] == 0  # Chengdu and Chongqing both matched
    assert years["n_null"].sum() == 6  # TSNS's three corps cities (bingtuan), both years
    # identities on every row
    np.testing.assert_allclose(years["gini"], years["dagum_gw"] + years["dagum_gnb"] + years["dagum_gt"], atol=1e-12)
    np.testing.assert_allclose(years["theil"], years["theil_between"] + years["theil_within"], atol=1e-12)
    # every row equals the measures computed directly on that mega-region's cities
    for _, r in years.iterrows():
        sub = df[(df["megaregion_id"] == r["megaregion"]) & df[r["field"]].notna()]
        assert r["theil"] == pytest.approx(theil(sub[r["field"]]), abs=1e-14)
        assert r["gini"] == pytest.approx(dagum_gini(sub[r["field"]], sub["role"]).G, abs=1e-14)
    # the cores lead population everywhere but in Central Guizhou in 2010, where the
    # mean of the five secondary cities (4.34 M) just exceeds Guiyang's 4.32 M
    secondary_led = years[years["leader"] == "secondary"]
    assert secondary_led[["megaregion", "year"]].values.tolist() == [["CGZ", 2010]]
    assert (years["leader"] != "equal").all()
    cgz = row(t, "CGZ", "popu", year=2010)
    assert cgz["mean_secondary"] == pytest.approx(21676524 / 5) and cgz["mean_core"] == 4322611
    assert cgz["gnb_signed"] == -cgz["dagum_gnb"] < 0
    assert row(t, "CGZ", "popu", change=True)["leader"] == "secondary->core"
    core_led = years[years["leader"] == "core"]
    assert (core_led["gnb_signed"] == core_led["dagum_gnb"]).all()


def test_census_agrees_with_pysal(census_members):
    ineq = require("inequality")
    df = census_members
    t = unevenness_table(df, ["popu_2010", "popu_2020"], labels_field="name_en")
    for _, r in t[t["row_type"] == "year"].iterrows():
        sub = df[(df["megaregion_id"] == r["megaregion"]) & df[r["field"]].notna()]
        y = sub[r["field"]].to_numpy(float)
        td = ineq.theil.TheilD(y, sub["role"].to_numpy())
        assert r["gini"] == pytest.approx(float(ineq.gini.Gini(y).g), abs=1e-9)
        assert r["theil"] == pytest.approx(float(np.squeeze(td.T)), abs=1e-9)
        assert r["theil_between"] == pytest.approx(float(np.squeeze(td.bg)), abs=1e-9)
        assert r["theil_within"] == pytest.approx(float(np.squeeze(td.wg)), abs=1e-9)


def test_three_years_consecutive_and_explicit_change_pairs():
    df = handmade()
    df["x_2015"] = df["x_2010"] + df["x_2020"].fillna(0)
    t = unevenness_table(df, ["x_2010", "x_2015", "x_2020"])
    pairs = t.loc[(t["row_type"] == "change") & (t["megaregion"] == "R1"), ["year1", "year2"]].values.tolist()
    assert pairs == [[2010, 2015], [2015, 2020]]
    t2 = unevenness_table(df, ["x_2010", "x_2015", "x_2020"], change_pairs=[(2010, 2020), (2010, 2030)])
    c = t2[t2["row_type"] == "change"]
    assert c[["year1", "year2"]].drop_duplicates().values.tolist() == [[2010, 2020]]
    assert len(unevenness_table(df, ["x_2010", "x_2020"], change_pairs=[])) == 6
    latest = headline_by_region(t, "gini")
    assert latest.loc["R1", "x"] == row(t, "R1", year=2020)["gini"]
    last_change = headline_by_region(t, "gini", "change")
    assert last_change.loc["R1", "x"] == pytest.approx(row(t, "R1", year=2020)["gini"] - row(t, "R1", year=2015)["gini"])


def test_empty_input_gives_empty_table_with_all_columns():
    t = unevenness_table(handmade().iloc[:0], ["x_2010", "x_2020"])
    assert len(t) == 0 and list(t.columns) == list(COLUMNS)


def test_doctests_of_the_module():
    import doctest

    from megaregion.core import unevenness

    result = doctest.testmod(unevenness)
    assert result.attempted >= 1 and result.failed == 0


# --------------------------------------------------------------------------- layer and inputs


def test_weights_by_year_matches_the_chosen_field_to_each_year():
    from megaregion.core.unevenness import weights_by_year

    cols = ["popu_2010", "popu_2020", "area"]
    assert weights_by_year(None, cols, [2010]) is None
    assert weights_by_year("popu_2020", cols, [2010, 2020]) == {2010: "popu_2010", 2020: "popu_2020"}
    assert weights_by_year("popu_2020", cols, [2010, 2015]) == "popu_2020"  # no popu_2015
    assert weights_by_year("area", cols, [2010, 2020]) == "area"
    assert weights_by_year("popu_2020", cols, [None]) == "popu_2020"
    # the table then weighs each year by its own field
    df = handmade().assign(popu_2010=1.0, popu_2020=[1, 1, 1, 1, 2, 2, 2, 2, 3, 3])
    t = unevenness_table(df, ["x_2010", "x_2020"], weight_field=weights_by_year("popu_2020", df.columns, [2010, 2020]))
    assert row(t, "R1", year=2010)["theil"] == pytest.approx(theil([1, 3, 2, 6]), rel=1e-12)


def test_region_layer_table_names_and_values():
    from megaregion.core.fields import split_measure_field
    from megaregion.core.unevenness_layer import region_layer_table

    df = handmade()
    t = unevenness_table(df, ["x_2010", "x_2020", "area"], bootstrap=200, permutations=99)
    frame, cols = region_layer_table(t, ["R1", "R2", "R3", "R4"], "theil_between", intervals=True, p_values=True)
    assert list(frame.columns) == [
        "theil_between_x_2010", "theil_between_ci_low_x_2010", "theil_between_ci_high_x_2010", "p_between_x_2010",
        "theil_between_x_2020", "theil_between_ci_low_x_2020", "theil_between_ci_high_x_2020", "p_between_x_2020",
        "theil_between_area", "theil_between_ci_low_area", "theil_between_ci_high_area", "p_between_area",
        "theil_between_x_change", "theil_between_ci_low_x_change", "theil_between_ci_high_x_change",
        "change_is_clear_x_change",
    ]
    assert cols == [("x", "year", "theil_between_x_2010"), ("x", "year", "theil_between_x_2020"),
                    ("area", "year", "theil_between_area"), ("x", "change", "theil_between_x_change")]
    r1 = row(t, "R1", year=2020)
    assert frame.loc[0, "theil_between_x_2020"] == r1["theil_between"]
    assert frame.loc[0, "theil_between_ci_high_x_2020"] == r1["theil_between_ci_high"]
    assert frame.loc[0, "p_between_x_2020"] == r1["p_between"]
    assert frame.loc[0, "change_is_clear_x_change"] == row(t, "R1", change=True)["change_is_clear"]
    assert str(frame["change_is_clear_x_change"].dtype) == "boolean"
    assert frame.iloc[2].isna().all() and frame.iloc[3].isna().all()  # R3 has no core, R4 no row
    measures = ["theil_between", "theil_between_ci_low", "theil_between_ci_high", "p_between", "change_is_clear"]
    assert split_measure_field("theil_between_ci_low_x_2020", measures) == ("theil_between_ci_low", "x", 2020)
    assert split_measure_field("change_is_clear_x_change", measures) == ("change_is_clear", "x", "change")
    off, _ = region_layer_table(t, ["R1"], "theil")
    assert list(off.columns) == ["theil_x_2010", "theil_x_2020", "theil_area", "theil_x_change"]


def test_dissolve_regions_repairs_and_keeps_regions_without_shapes():
    from shapely.geometry import Polygon, box

    from megaregion.core.unevenness_layer import dissolve_regions, region_attributes

    bowtie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])  # self-intersecting
    ids, geoms = dissolve_regions([box(0, 0, 1, 1), box(1, 0, 2, 1), bowtie, None], ["A", "A", "B", "C"])
    assert ids == ["A", "B", "C"]
    assert geoms[0].area == pytest.approx(2.0) and geoms[0].geom_type == "Polygon"
    assert geoms[1].is_valid and geoms[1].area > 0 and geoms[2] is None
    frame = pd.DataFrame({"megaregion_id": ["A", "A", "B"], "megaregion": ["Aa", "Aa", "Bb"], "x": [1, 2, 3]})
    attrs = region_attributes(frame, "megaregion_id", ["A", "B"])
    assert attrs.to_dict("list") == {"megaregion_id": ["A", "B"], "megaregion": ["Aa", "Bb"]}


def test_doctests_of_the_layer_and_input_modules():
    import doctest

    from megaregion.core import unevenness_inputs, unevenness_layer

    for module, least in ((unevenness_layer, 2), (unevenness_inputs, 3)):
        result = doctest.testmod(module)
        assert result.attempted >= least and result.failed == 0
