"""Chinese field names as a one-year or long table joins them (均值_2010, 均值_2020) pass through
unevenness, typology and trend, and the reports and map titles show them as they are."""
import pandas as pd

from megaregion.core import fields as F
from megaregion.core import report_typology, report_unevenness, unevenness_layer
from megaregion.core import typology as ty
from megaregion.core.trend import trend_indicators
from megaregion.core.unevenness import unevenness_table


def frame():
    rows = [  # name, megaregion, role, 均值_2010, 均值_2020, 人口_2020
        ("A", "R", "core", 10.0, 12.0, 900.0), ("B", "R", "core", 8.0, 11.0, 700.0),
        ("C", "R", "secondary", 2.0, 4.0, 300.0), ("D", "R", "secondary", 3.0, 3.5, 200.0),
        ("E", "R", "secondary", 1.0, 2.5, 150.0), ("F", "R", "secondary", 4.0, 7.0, 400.0),
        ("G", "R", "secondary", 2.5, 2.0, 120.0),
    ]
    return pd.DataFrame(rows, columns=["name", "megaregion_id", "role", "均值_2010", "均值_2020", "人口_2020"])


def test_field_parsing_keeps_chinese_names():
    assert dict(F.parse_indicator_fields(["均值_2010", "均值_2020", "人口_2020"])) == {
        "均值": {2010: "均值_2010", 2020: "均值_2020"}, "人口": {2020: "人口_2020"}}
    assert trend_indicators(["均值_2010", "均值_2020"], [], 0, 0, list(frame().columns)) == (["均值"], [], 2010,
                                                                                            2020, [])


def test_unevenness_table_report_and_map_titles_show_chinese_names():
    table = unevenness_table(frame(), ["均值_2010", "均值_2020"], labels_field="name")
    assert list(table["indicator"]) == ["均值", "均值", "均值"]
    # ratio of means 2020: cores (12 + 11) / 2 = 11.5, secondary (4 + 3.5 + 2.5 + 7 + 2) / 5 = 3.8
    assert table.loc[table["year"] == 2020, "ratio"].iloc[0] == 11.5 / 3.8
    for lang in ("en", "zh"):
        html = report_unevenness.unevenness_report_html(table, lang=lang)
        assert "均值" in html
    meta = unevenness_layer.field_metadata(unevenness_layer.layer_columns(table, "theil"))
    assert meta["theil_均值_2020"]["indicator_en"] == meta["theil_均值_2020"]["indicator_zh"] == "均值"
    assert meta["theil_均值_change"]["years"] == [2010, 2020]
    read_back = unevenness_layer.field_metadata_from_names(["theil_均值_2010", "theil_均值_2020", "theil_均值_change"])
    assert read_back["theil_均值_change"]["indicator_zh"] == "均值"
    assert read_back["theil_均值_2020"]["year"] == 2020


def test_typology_and_trend_keep_chinese_names():
    gap = ty.gap_typology(frame(), ["均值_2020", "人口_2020"], name_field="name", k=2)
    assert list(gap.profile.columns) == ["均值_2020", "人口_2020"]
    assert F.profile_of_fields([F.profile_field("gap", c) for c in gap.profile.columns]) == (
        "gap", ["均值_2020", "人口_2020"])
    trend = ty.trend_typology(frame(), ["均值"], 2010, 2020, name_field="name", k=2)
    assert list(trend.profile.columns) == ["均值"]
    html = report_typology.typology_report_html(gap, trend, lang="zh")
    assert "均值_2020" in html and "人口_2020" in html
