"""Output columns of the zonal algorithms (core/zonal/naming.py) and the statistics vocabulary
(core/zonal/statistics.py): years from file names, <prefix>_<stat>_<year> columns that
core.fields reads back, exactextract's operation names."""
import re

import pytest

from megaregion.core import fields
from megaregion.core.zonal import naming, statistics
from megaregion.core.zonal.errors import ZonalStatisticsError

NAMES = [
    "ntl_synthetic_2010.tif", "VNL_v2_npp_2020_global_vcmslcfg_c202102150000.average_masked.tif",
    "F182013.v4c_web.stable_lights.avg_vis.tif", "LongNTL_2000.tif", "ndvi_1969_2001.tif", "12345.tif",
    "a2010b2015c.tif", "x_1970.tif", "x_2099.tif", "x_2100.tif", "x_1969.tif", "year-2015-v2.tiff",
    "/data/2010/ntl.tif", "ntl.tif", "2019_2020.tif", "ntl_２０２０.tif",
]


def previous_rule(name):
    """The rule the algorithms used before it moved to core: the last match of a regular expression."""
    found = re.findall(r"(?<!\d)(19[7-9]\d|20\d\d)(?!\d)", name.rsplit("/", 1)[-1])
    return int(found[-1]) if found else None


@pytest.mark.parametrize("name", NAMES)
def test_year_in_file_name_is_the_rule_the_algorithms_used(name):
    assert naming.year_in_file_name(name) == previous_rule(name)


def test_year_in_file_name_cases():
    assert naming.year_in_file_name("ntl_synthetic_2010.tif") == 2010
    assert naming.year_in_file_name("F182013.v4c_web.stable_lights.avg_vis.tif") is None  # 182013: one number
    assert naming.year_in_file_name("/data/2010/ntl.tif") is None  # only the file name counts
    assert naming.year_in_file_name("2019_2020.tif") == 2020  # the last one


def test_raster_years_need_one_distinct_year_per_raster():
    assert naming.raster_years(["a/ntl_2010.tif", "b/ntl_2020.tif"]) == [2010, 2020]
    assert naming.raster_years(["a/ntl_2010.tif", "b/ntl_2010.tif"]) is None
    assert naming.raster_years(["a/ntl_2010.tif", "b/ntl.tif"]) is None
    assert naming.raster_years([]) == []


def test_columns_with_years_are_indicator_fields():
    tokens = naming.raster_tokens(2)
    columns = [f"{t}_{s}" for t in tokens for s in ("total_light", "lit_area_km2")] + [statistics.STATUS_COLUMN]
    names = naming.column_names(columns, tokens, ["a/x_2010.tif", "a/y_2020.tif"], "ntl", [2010, 2020])
    assert names == {
        "r0x_total_light": "ntl_total_light_2010", "r0x_lit_area_km2": "ntl_lit_area_km2_2010",
        "r1x_total_light": "ntl_total_light_2020", "r1x_lit_area_km2": "ntl_lit_area_km2_2020",
        "zonal_status": "ntl_status",
    }
    parsed = fields.parse_indicator_fields(v for k, v in names.items() if k != "zonal_status")
    assert parsed == {"ntl_total_light": {2010: "ntl_total_light_2010", 2020: "ntl_total_light_2020"},
                      "ntl_lit_area_km2": {2010: "ntl_lit_area_km2_2010", 2020: "ntl_lit_area_km2_2020"}}


def test_columns_without_years_or_prefix():
    tokens = naming.raster_tokens(2)
    cols = ["r0x_mean", "r1x_mean", "zonal_status"]
    paths = ["d/VNL v2.tif", "d/night-2.tif"]
    assert naming.column_names(cols, tokens, paths, "", [2015, 2016]) == {
        "r0x_mean": "VNL_v2_mean_2015", "r1x_mean": "night_2_mean_2016", "zonal_status": "zonal_status"}
    assert naming.column_names(cols, tokens, paths, "lc") == {
        "r0x_mean": "lc_VNL_v2_mean", "r1x_mean": "lc_night_2_mean", "zonal_status": "lc_status"}
    assert naming.column_names(cols[:1] + cols[2:], tokens[:1], paths[:1], "lc") == {
        "r0x_mean": "lc_mean", "zonal_status": "lc_status"}
    # a token is a prefix of the column, never a match inside another token's columns
    many = naming.raster_tokens(12)
    names = naming.column_names(["r1x_mean", "r11x_mean"], many, [f"y_{2000 + i}.tif" for i in range(12)], "v",
                                list(range(2000, 2012)))
    assert names == {"r1x_mean": "v_mean_2001", "r11x_mean": "v_mean_2011"}


def test_statistics_speak_exactextract():
    req = statistics.parse_stats(["count", "stdev", "p90", "median"])
    assert req.stats == ["count", "std", "p90", "median"] and req.need_moments
    assert [statistics.exactextract_operation(s) for s in req.stats] == [
        "count", "stdev", "quantile(q=0.9)", "median"]
    assert statistics.exactextract_operation("p2_5") == "quantile(q=0.025)"
    assert statistics.exactextract_operation("valid_fraction") is None
    with pytest.raises(ZonalStatisticsError, match="'variety' is not a known statistic"):
        statistics.parse_stats(["variety"])
