"""The bad-input table shared by tests/qgis/test_bad_input.py (processing.run in process) and
tests/e2e/test_bad_input_e2e.py (a sample through qgis_process), and the files it needs.

Every case is what a planner does by mistake (the wrong table, field, year, raster, folder or K;
an empty layer; points for polygons; a table whose rows match nothing; a damaged file) and names
the parameter (or file) and the value the error message must contain."""
import contextlib
import hashlib
import os
import shutil
from dataclasses import dataclass, field

from _pkg import ROOT
from data_paths import BOUNDARIES, CENSUS, MEMBERSHIP, NDVI, YEARBOOK

NTL_DIR = ROOT / "resources" / "data" / "ntl_sample"
LANDCOVER = ROOT / "resources" / "data" / "landcover" / "MCD12C1.A2019001.006.2020220162300.tif"

# outputs of each algorithm: parameter -> file name (all inside one empty folder per case)
OUTPUTS = {
    "aggregatecounties": {"OUTPUT": "prefectures.gpkg"},
    "joinindicators": {"OUTPUT": "joined.gpkg", "UNMATCHED": "unmatched.gpkg"},
    "assignmegaregions": {"OUTPUT": "assigned.gpkg"},
    "gcj02towgs84": {"OUTPUT": "wgs84.gpkg"},
    "zonalstatistics": {"OUTPUT": "zonal.gpkg"},
    "nighttimelight": {"OUTPUT": "ntl.gpkg"},
    "ndvi": {"OUTPUT": "ndvi.gpkg"},
    "unevenness": {"OUTPUT_TABLE": "table.gpkg", "OUTPUT_REGIONS": "regions.gpkg", "OUTPUT_HTML": "report.html"},
    "typology": {"OUTPUT": "types.gpkg", "OUTPUT_CORES": "cores.gpkg", "OUTPUT_PROFILES": "profiles.gpkg",
                 "OUTPUT_HTML": "typology.html"},
    "trend": {"OUTPUT": "trend.gpkg", "OUTPUT_CORES": "cores.gpkg", "OUTPUT_PROFILES": "profiles.gpkg",
              "OUTPUT_HTML": "trend.html"},
    "rendermaps": {"OUTPUT_FOLDER": "maps"},
    "spatialrelations": {"OUTPUT": "spatial.gpkg", "OUTPUT_TABLE": "spatial_table.gpkg", "OUTPUT_HTML": "spatial.html"},
    "exporttables": {"OUTPUT": "tables.xlsx"},
    "pipeline": {
        "ndvi:PREFECTURES": "prefectures.gpkg", "join:UNMATCHED": "unmatched.gpkg",
        "unevenness:TABLE": "unevenness_table.gpkg", "unevenness:REGIONS": "unevenness_megaregions.gpkg",
        "unevenness:REPORT": "unevenness.html", "typology:CITIES": "typology.gpkg",
        "typology:CORES": "typology_cores.gpkg", "typology:PROFILES": "typology_profiles.gpkg",
        "typology:REPORT": "typology.html", "trend:CITIES": "trend.gpkg", "trend:CORES": "trend_cores.gpkg",
        "trend:PROFILES": "trend_profiles.gpkg", "trend:REPORT": "trend.html",
        "spatial:CITIES": "spatial.gpkg", "spatial:TABLE": "spatial_table.gpkg", "spatial:REPORT": "spatial.html",
    },
}

# the good inputs of each algorithm; a case replaces or adds parameters. "@name" is a file of
# the inputs folder built by :func:`build_inputs`.
BASE = {
    "aggregatecounties": {"INPUT": ["@counties.geojson"], "CODE_FIELD": "adcode", "SUM_FIELDS": ["pop"]},
    "joinindicators": {"INPUT": "@boundaries.geojson", "INPUT_KEY": "adcode", "TABLE": "@census.csv",
                       "TABLE_KEY": "city_code", "MATCH_BY": 0},
    "assignmegaregions": {"INPUT": "@boundaries.geojson", "KEY": "adcode"},
    "gcj02towgs84": {"INPUT": "@boundaries.geojson", "FROM_SYSTEM": 0, "TO_SYSTEM": 2},
    "zonalstatistics": {"INPUT": "@boundaries.geojson", "RASTER": ["@ndvi_2023.tif"]},
    "nighttimelight": {"INPUT": "@boundaries.geojson", "RASTER": ["@ntl_2010.tif", "@ntl_2020.tif"]},
    "ndvi": {"INPUT": "@boundaries.geojson", "RASTER": ["@ndvi_2023.tif"]},
    "unevenness": {"INPUT": "@prepared.gpkg", "INDICATORS": ["popu_2010", "popu_2020"]},
    "typology": {"INPUT": "@prepared.gpkg", "INDICATORS": ["popu_2020", "household_2020", "age_65_2020"]},
    "trend": {"INPUT": "@prepared.gpkg", "INDICATORS": ["popu_2010", "popu_2020", "household_2010",
                                                         "household_2020"]},
    "rendermaps": {"LAYERS": ["@prepared.gpkg"], "DPI": 40},
    "spatialrelations": {"INPUT": "@prepared.gpkg", "INDICATORS": ["popu_2020", "household_2020"],
                         "PERMUTATIONS": 99, "BOOTSTRAP": 99},
    "exporttables": {"INPUT": ["@prepared.gpkg"]},
    "pipeline": {},
}


@dataclass
class Case:
    id: str
    alg: str
    params: dict
    who: tuple  # the message names one of these (parameter or file name) ...
    what: str  # ... and this value
    xfail: str = ""
    extra: dict = field(default_factory=dict)


def C(id, alg, params, who, what, xfail="", absent=()):  # noqa: N802 (a row of the table)
    """``absent``: texts the message must not contain (e.g. QGIS's "not found" for a file that exists)."""
    return Case(id, alg, params, (who,) if isinstance(who, str) else tuple(who), str(what), xfail,
                {"absent": tuple(absent)})


def absent_texts(case):
    return case.extra.get("absent", ())


# the model's own parameter check ends in "Incorrect parameter value for X" until
# ShippedModel.checkParameterValues (processing/models.py) also asks input_checks.generic_problem

CASES = [
    # ---------------------------------------------------------------- aggregatecounties
    C("counties-unknown-code-field", "aggregatecounties", {"CODE_FIELD": "code"}, "CODE_FIELD", "code"),
    C("counties-unknown-parent-field", "aggregatecounties", {"PARENT_FIELD": "ctadcode"}, "PARENT_FIELD",
      "ctadcode"),
    C("counties-codes-not-codes", "aggregatecounties", {"CODE_FIELD": "name"}, "CODE_FIELD", "连云区"),
    C("counties-parents-not-codes", "aggregatecounties", {"PARENT_FIELD": "name"}, "PARENT_FIELD", "连云区"),
    C("counties-sum-field-missing", "aggregatecounties", {"SUM_FIELDS": ["GDP"]}, "SUM_FIELDS", "GDP"),
    C("counties-sum-field-not-numeric", "aggregatecounties", {"SUM_FIELDS": ["name"]}, "SUM_FIELDS", "连云区"),
    C("counties-field-summed-and-averaged", "aggregatecounties", {"MEAN_FIELDS": ["pop"]},
      ("SUM_FIELDS", "MEAN_FIELDS"), "pop"),
    C("counties-mean-field-not-numeric", "aggregatecounties", {"MEAN_FIELDS": ["name"]}, "MEAN_FIELDS", "name"),
    C("counties-weight-without-means", "aggregatecounties", {"WEIGHT_FIELD": "rate"}, "WEIGHT_FIELD", "rate"),
    C("counties-weight-negative", "aggregatecounties", {"MEAN_FIELDS": ["rate"], "WEIGHT_FIELD": "shift"},
      "WEIGHT_FIELD", "-1"),
    C("counties-year-field-missing", "aggregatecounties", {"YEAR_FIELD": "year"}, "YEAR_FIELD", "year"),
    C("counties-year-field-not-years", "aggregatecounties", {"YEAR_FIELD": "name"}, "YEAR_FIELD", "连云区"),
    C("counties-county-level-out-of-range", "aggregatecounties", {"COUNTY_LEVEL_CITIES": 2},
      "COUNTY_LEVEL_CITIES", "COUNTY_LEVEL_CITIES = 2"),
    C("counties-input-missing", "aggregatecounties", {"INPUT": ["@counties.geojson", "@counties_2021.geojson"]},
      "INPUT", "counties_2021.geojson"),
    C("counties-points", "aggregatecounties", {"INPUT": ["@points.gpkg"]}, ("INPUT", "points.gpkg"), "Point"),
    C("counties-empty-layer", "aggregatecounties", {"INPUT": ["@empty.gpkg"]}, "INPUT", "empty.gpkg"),
    C("counties-given-twice-differently", "aggregatecounties",
      {"INPUT": ["@counties.geojson", "@counties_changed.geojson"]}, "INPUT", "320703"),
    # ---------------------------------------------------------------- joinindicators
    C("join-table-missing", "joinindicators", {"TABLE": "@census_2021.csv"}, "TABLE", "census_2021.csv"),
    C("join-table-utf16-no-bom", "joinindicators", {"TABLE": "@census_utf16.csv"}, "TABLE", "census_utf16.csv"),
    C("join-table-corrupt-xlsx", "joinindicators", {"TABLE": "@census.xlsx"}, "TABLE", "census.xlsx"),
    C("join-table-ragged-row", "joinindicators", {"TABLE": "@ragged.csv"}, "ragged.csv", "line 5"),
    C("join-table-truncated-gpkg", "joinindicators", {"TABLE": "@truncated.gpkg"}, "TABLE", "truncated.gpkg"),
    C("join-table-empty-file", "joinindicators", {"TABLE": "@empty.csv"}, "TABLE", "empty.csv"),
    C("join-wrong-table-key", "joinindicators", {"TABLE_KEY": "citycode"}, "TABLE_KEY", "citycode"),
    C("join-wrong-boundary-key", "joinindicators", {"INPUT_KEY": "code"}, "INPUT_KEY", "code"),
    C("join-match-by-out-of-range", "joinindicators", {"MATCH_BY": 5}, "MATCH_BY", "MATCH_BY = 5"),
    C("join-duplicates-out-of-range", "joinindicators", {"DUPLICATES": 9}, "DUPLICATES", "DUPLICATES = 9"),
    C("join-points-for-boundaries", "joinindicators", {"INPUT": "@points.gpkg"}, "INPUT", "Point"),
    C("join-table-as-boundaries", "joinindicators", {"INPUT": "@census.csv", "INPUT_KEY": "city_code"},
      "INPUT", "census.csv"),
    C("join-empty-boundaries", "joinindicators", {"INPUT": "@empty.gpkg"}, "INPUT", "empty.gpkg"),
    C("join-boundaries-missing", "joinindicators", {"INPUT": "@prefectures.shp"}, "INPUT", "prefectures.shp"),
    C("join-no-matching-rows", "joinindicators", {"TABLE": "@nomatch.csv"}, "TABLE_KEY", "990100"),
    C("join-names-matched-as-codes", "joinindicators", {"TABLE": "@yearbook.csv", "TABLE_KEY": "city"},
      "TABLE_KEY", "金昌市"),
    # a table file that exists and QGIS's loader does not open: why it cannot be read, never "not found"
    C("join-table-utf16-bom", "joinindicators", {"TABLE": "@census_utf16_bom.csv"}, "census_utf16_bom.csv",
      "UTF-8 or GBK", absent=("not found",)),
    C("join-table-utf16-chinese-no-bom", "joinindicators", {"TABLE": "@names_utf16.csv", "TABLE_KEY": "城市",
                                                             "MATCH_BY": 1}, "names_utf16.csv", "UTF-16",
      absent=("not found",)),
    C("join-table-txt-name", "joinindicators", {"TABLE": "@census.txt"}, "census.txt", "census.csv",
      absent=("not found",)),
    C("join-field-not-in-table", "joinindicators", {"FIELDS": ["GDP"]}, "FIELDS", "GDP"),
    C("join-year-field-not-in-table", "joinindicators", {"YEAR_FIELD": "year"}, "YEAR_FIELD", "year"),
    C("join-year-not-a-number", "joinindicators", {"YEAR": "2020s"}, "YEAR", "2020s"),
    C("join-year-out-of-range", "joinindicators", {"YEAR": 3000}, "YEAR", "YEAR = 3000"),
    C("join-year-with-year-field", "joinindicators", {"TABLE": "@panel.csv", "TABLE_KEY": "市代码",
                                                       "YEAR_FIELD": "年份", "YEAR": 2020}, "YEAR_FIELD", "YEAR 2020"),
    C("join-two-year-columns", "joinindicators", {"TABLE": "@panel.csv", "TABLE_KEY": "市代码"}, "YEAR_FIELD",
      "统计年度"),
    C("join-panel-year-twice", "joinindicators", {"TABLE": "@panel_twice.csv", "TABLE_KEY": "市代码"}, "TABLE_KEY",
      "'年份' as YEAR_FIELD"),
    # ---------------------------------------------------------------- assignmegaregions
    C("assign-wrong-key", "assignmegaregions", {"KEY": "code"}, "KEY", "code"),
    C("assign-membership-missing", "assignmegaregions", {"MEMBERSHIP": "@membership_2019.csv"},
      "MEMBERSHIP", "membership_2019.csv"),
    C("assign-membership-wrong-table", "assignmegaregions", {"MEMBERSHIP": "@census.csv"}, "MEMBERSHIP",
      "census.csv"),
    C("assign-membership-corrupt-xlsx", "assignmegaregions", {"MEMBERSHIP": "@census.xlsx"}, "MEMBERSHIP",
      "census.xlsx"),
    C("assign-membership-utf16", "assignmegaregions", {"MEMBERSHIP": "@census_utf16.csv"}, "MEMBERSHIP",
      "census_utf16.csv"),
    C("assign-multiple-out-of-range", "assignmegaregions", {"MULTIPLE": 3}, "MULTIPLE", "MULTIPLE = 3"),
    C("assign-du2026-with-sar", "assignmegaregions", {"MEMBERSHIP_SET": 1, "INCLUDE_SAR": True}, "INCLUDE_SAR",
      "Du 2026"),
    C("assign-unassigned-out-of-range", "assignmegaregions", {"UNASSIGNED": -1}, "UNASSIGNED", "UNASSIGNED = -1"),
    C("assign-empty-layer", "assignmegaregions", {"INPUT": "@empty.gpkg"}, "INPUT", "empty.gpkg"),
    C("assign-names-as-codes", "assignmegaregions", {"INPUT": "@yearbook.csv", "KEY": "city"}, "KEY", "city"),
    C("assign-truncated-gpkg", "assignmegaregions", {"INPUT": "@truncated.gpkg"}, "INPUT", "truncated.gpkg"),
    C("assign-counties-keyed-by-parent", "assignmegaregions", {"INPUT": "@counties.gpkg", "KEY": "ctadcode"}, "KEY",
      "Prefectures from counties"),
    C("assign-one-city-in-parts", "assignmegaregions", {"INPUT": "@parts.gpkg"}, "KEY", "Dissolve"),
    # ---------------------------------------------------------------- gcj02towgs84
    C("gcj-projected-input", "gcj02towgs84", {"INPUT": "@projected.gpkg"}, "INPUT", "EPSG:3857"),
    C("gcj-no-crs-metres", "gcj02towgs84", {"INPUT": "@nocrs_metres.shp"}, "INPUT", "nocrs_metres"),
    # GDAL's undefined SRS is named where QGIS reports it (3.22: a valid CRS without authority), else it
    # reads as a missing CRS; either way the CRS is named, never taken for a projected one
    C("gcj-undefined-srs-metres", "gcj02towgs84", {"INPUT": "@undefined_metres.gpkg"}, "undefined_metres.gpkg",
      "coordinate reference system", absent=("projected CRS",)),
    C("gcj-from-out-of-range", "gcj02towgs84", {"FROM_SYSTEM": 3}, "FROM_SYSTEM", "FROM_SYSTEM = 3"),
    C("gcj-to-out-of-range", "gcj02towgs84", {"TO_SYSTEM": 7}, "TO_SYSTEM", "TO_SYSTEM = 7"),
    C("gcj-input-missing", "gcj02towgs84", {"INPUT": "@boundaries_gcj.geojson"}, "INPUT",
      "boundaries_gcj.geojson"),
    C("gcj-empty-layer", "gcj02towgs84", {"INPUT": "@empty.gpkg"}, "INPUT", "empty.gpkg"),
    # ---------------------------------------------------------------- zonalstatistics
    C("zonal-raster-missing-in-list", "zonalstatistics", {"RASTER": ["@ndvi_2023.tif", "@ndvi_2024.tif"]},
      "RASTER", "ndvi_2024.tif"),
    C("zonal-raster-truncated", "zonalstatistics", {"RASTER": ["@truncated_2010.tif"]}, "RASTER",
      "truncated_2010.tif"),
    C("zonal-raster-no-crs", "zonalstatistics", {"RASTER": ["@nocrs_2010.tif"]}, "RASTER", "nocrs_2010.tif"),
    C("zonal-raster-is-text", "zonalstatistics", {"RASTER": ["@notes.txt"]}, "RASTER", "notes.txt"),
    C("zonal-raster-is-folder", "zonalstatistics", {"RASTER": ["@folder"]}, "RASTER", "folder"),
    C("zonal-points", "zonalstatistics", {"INPUT": "@points.gpkg"}, "INPUT", "Point"),
    C("zonal-polygons-no-crs", "zonalstatistics", {"INPUT": "@nocrs_degrees.shp"}, "INPUT", "nocrs_degrees"),
    C("zonal-polygons-undefined-srs", "zonalstatistics", {"INPUT": "@undefined_srs.gpkg"}, "undefined_srs.gpkg",
      "coordinate reference system"),
    C("zonal-empty-layer", "zonalstatistics", {"INPUT": "@empty.gpkg"}, "INPUT", "empty.gpkg"),
    C("zonal-statistic-out-of-range", "zonalstatistics", {"STATISTICS": [99]}, "STATISTICS", "STATISTICS = 99"),
    C("zonal-coverage-out-of-range", "zonalstatistics", {"COVERAGE": 5}, "COVERAGE", "COVERAGE = 5"),
    C("zonal-percentile-150", "zonalstatistics", {"PERCENTILES": "10,150"}, "PERCENTILES", "150 is outside"),
    C("zonal-percentile-text", "zonalstatistics", {"PERCENTILES": "ten"}, "PERCENTILES", "ten"),
    C("zonal-band-0", "zonalstatistics", {"BANDS": "0"}, "BANDS", "got 0"),
    C("zonal-band-beyond-raster", "zonalstatistics", {"BANDS": "4"}, "BANDS", "BANDS 4"),
    C("zonal-years-count", "zonalstatistics", {"RASTER": ["@ntl_2010.tif", "@ntl_2020.tif"], "YEARS": "2010"},
      "YEARS", "2010"),
    C("zonal-valid-range-swapped", "zonalstatistics", {"VALID_MIN": 10, "VALID_MAX": 1}, "VALID_MIN", "VALID_MIN 10"),
    C("zonal-categories-text", "zonalstatistics", {"CATEGORIES": "built"}, "CATEGORIES", "built"),
    C("zonal-preset-out-of-range", "zonalstatistics", {"PRESET": 99}, "PRESET", "PRESET = 99"),
    # ---------------------------------------------------------------- nighttimelight
    C("ntl-cap-negative", "nighttimelight", {"CAP": -5}, "CAP", "CAP -5"),
    C("ntl-product-out-of-range", "nighttimelight", {"PRESET": 9}, "PRESET", "PRESET = 9"),
    C("ntl-cnli-without-cap", "nighttimelight", {"STATISTICS": [4]}, "STATISTICS", "cnli"),
    C("ntl-wrong-year-raster", "nighttimelight", {"RASTER": ["@ntl_2010.tif", "@ntl_2015.tif"]}, "RASTER",
      "ntl_2015.tif"),
    C("ntl-raster-no-crs", "nighttimelight", {"RASTER": ["@nocrs_2010.tif", "@ntl_2020.tif"]}, "RASTER",
      "nocrs_2010.tif"),
    C("ntl-table-for-polygons", "nighttimelight", {"INPUT": "@census.csv"}, "INPUT", "census.csv"),
    # ---------------------------------------------------------------- ndvi
    C("ndvi-raster-truncated", "ndvi", {"RASTER": ["@truncated_2010.tif"]}, "RASTER", "truncated_2010.tif"),
    C("ndvi-bands-with-composite", "ndvi", {"BANDS": "1", "BAND_COMPOSITE": 1}, "BANDS", "BANDS = 1"),
    C("ndvi-product-out-of-range", "ndvi", {"PRESET": -1}, "PRESET", "PRESET = -1"),
    C("ndvi-polygons-undefined-cartesian", "ndvi", {"INPUT": "@undefined_cartesian.gpkg"},
      "undefined_cartesian.gpkg", "coordinate reference system", absent=("Traceback", "Transformer")),
    C("ndvi-raster-is-vector", "ndvi", {"RASTER": ["@boundaries.geojson"]}, "RASTER", "boundaries.geojson"),
    # ---------------------------------------------------------------- unevenness
    C("uneven-indicator-not-a-field", "unevenness", {"INDICATORS": ["gdp_2020"]}, "INDICATORS", "gdp_2020"),
    C("uneven-indicator-text-field", "unevenness", {"INDICATORS": ["name"]}, ("INDICATORS", "Indicator field"), "name"),
    C("uneven-wrong-megaregion-field", "unevenness", {"MEGAREGION_FIELD": "region"}, "MEGAREGION_FIELD",
      "region"),
    C("uneven-wrong-role-field", "unevenness", {"ROLE_FIELD": "type"}, "ROLE_FIELD", "type"),
    C("uneven-not-assigned-yet", "unevenness", {"INPUT": "@joined.gpkg"}, "MEGAREGION_FIELD", "megaregion_id"),
    C("uneven-weight-not-a-field", "unevenness", {"WEIGHT": "pop"}, "WEIGHT", "pop"),
    C("uneven-headline-out-of-range", "unevenness", {"HEADLINE": 12}, "HEADLINE", "HEADLINE = 12"),
    C("uneven-empty-layer", "unevenness", {"INPUT": "@empty.gpkg"}, "INPUT", "empty.gpkg"),
    C("uneven-report-folder-missing", "unevenness", {"OUTPUT_HTML": "@no_such_folder/report.html"},
      "OUTPUT_HTML", "no_such_folder"),
    C("uneven-bootstrap-too-few", "unevenness", {"BOOTSTRAP": 20}, "BOOTSTRAP", "BOOTSTRAP = 20"),
    C("uneven-bootstrap-too-few-for-confidence", "unevenness", {"CONFIDENCE": 99.9}, "BOOTSTRAP", "99.9"),
    C("uneven-bootstrap-negative", "unevenness", {"BOOTSTRAP": -5}, "BOOTSTRAP", "-5"),
    C("uneven-confidence-100", "unevenness", {"CONFIDENCE": 100}, "CONFIDENCE", "CONFIDENCE = 100"),
    C("uneven-permutations-text", "unevenness", {"PERMUTATIONS": "many"}, "PERMUTATIONS", "many"),
    C("uneven-seed-negative", "unevenness", {"SEED": -1}, "SEED", "SEED = -1"),
    C("uneven-city-id-repeats", "unevenness", {"CITY_FIELD": "province"}, "CITY_FIELD", "Prefectures from counties"),
    C("uneven-city-field-not-a-field", "unevenness", {"CITY_FIELD": "code"}, "CITY_FIELD", "code"),
    C("typology-city-id-repeats", "typology", {"CITY_FIELD": "province"}, "CITY_FIELD", "Prefectures from counties"),
    C("typology-city-field-not-a-field", "typology", {"CITY_FIELD": "code"}, "CITY_FIELD", "code"),
    C("trend-city-id-repeats", "trend", {"CITY_FIELD": "province"}, "CITY_FIELD", "Prefectures from counties"),
    # ---------------------------------------------------------------- typology
    C("typology-k-negative", "typology", {"K": -3}, "K", "K = -3"),
    C("typology-k-1", "typology", {"K": 1}, "K", "K = 1"),
    C("typology-k-too-large", "typology", {"K": 500}, "K", "K = 500"),
    C("typology-k-max-1", "typology", {"K_MAX": 1}, "K_MAX", "K_MAX = 1"),
    C("typology-indicator-not-a-field", "typology", {"INDICATORS": ["gdp_2020"]}, "INDICATORS", "gdp_2020"),
    C("typology-cost-not-an-indicator", "typology", {"COST_INDICATORS": ["popu_2010"]}, "COST_INDICATORS",
      "popu_2010"),
    C("typology-core-reference-out-of-range", "typology", {"CORE_REFERENCE": 4}, "CORE_REFERENCE", "CORE_REFERENCE = 4"),
    C("typology-dimension-unknown-indicator", "typology", {"DIMENSIONS": "gdp_2020=economy"}, "DIMENSIONS",
      "gdp_2020"),
    C("typology-n-init-0", "typology", {"N_INIT": 0}, "N_INIT", "N_INIT = 0"),
    C("typology-not-assigned-yet", "typology", {"INPUT": "@joined.gpkg"}, "MEGAREGION_FIELD", "megaregion_id"),
    C("typology-nearest-core-undefined-srs", "typology", {"INPUT": "@prepared_undefined.gpkg", "CORE_REFERENCE": 1},
      "INPUT", "coordinate reference system"),
    C("typology-pool-out-of-range", "typology", {"POOL": 5}, "POOL", "POOL = 5"),
    C("typology-stability-negative", "typology", {"STABILITY_RESAMPLES": -1}, "STABILITY_RESAMPLES",
      "STABILITY_RESAMPLES = -1"),
    C("typology-neutral-not-indicator", "typology", {"NEUTRAL_INDICATORS": ["popu_2010"]}, "NEUTRAL_INDICATORS",
      "popu_2010"),
    # ---------------------------------------------------------------- trend
    C("trend-wrong-year", "trend", {"YEAR1": 2015, "YEAR2": 2020}, "INPUT", "2015"),
    C("trend-same-years", "trend", {"YEAR1": 2020, "YEAR2": 2020}, "YEAR1", "both 2020"),
    C("trend-one-year-only", "trend", {"YEAR1": 2010, "YEAR2": 0}, "YEAR2", "YEAR2 = 0"),
    C("trend-indicators-one-year", "trend", {"INDICATORS": ["popu_2020", "household_2020"]}, "INDICATORS",
      "2020"),
    C("trend-k-negative", "trend", {"K": -1}, "K", "K = -1"),
    C("trend-year-pool-out-of-range", "trend", {"YEAR_POOL": 2}, "YEAR_POOL", "YEAR_POOL = 2"),
    C("trend-stability-negative", "trend", {"STABILITY_RESAMPLES": -1}, "STABILITY_RESAMPLES",
      "STABILITY_RESAMPLES = -1"),
    C("trend-neutral-not-indicator", "trend", {"NEUTRAL_INDICATORS": ["age_65_2010"]}, "NEUTRAL_INDICATORS",
      "age_65"),
    C("trend-years-not-a-year", "trend", {"YEARS": "2010, twenty"}, "YEARS", "twenty"),
    C("trend-years-without-fields", "trend", {"YEARS": "2010, 2015, 2020"}, "INPUT", "popu_2015"),
    C("trend-years-and-year1", "trend", {"YEARS": "2010, 2020", "YEAR1": 2010, "YEAR2": 2020}, "YEARS", "YEAR1"),
    C("trend-significance-out-of-range", "trend", {"SIGNIFICANCE": 1.5}, "SIGNIFICANCE", "SIGNIFICANCE = 1.5"),
    # ---------------------------------------------------------------- rendermaps
    C("maps-dpi-0", "rendermaps", {"DPI": 0}, "DPI", "DPI = 0"),
    C("maps-dpi-5000", "rendermaps", {"DPI": 5000}, "DPI", "DPI = 5000"),
    C("maps-language-9", "rendermaps", {"LANGUAGE": 9}, "LANGUAGE", "LANGUAGE = 9"),
    C("maps-extent-5", "rendermaps", {"MAP_EXTENT": 5}, "MAP_EXTENT", "MAP_EXTENT = 5"),
    C("maps-page-too-narrow", "rendermaps", {"WIDTH_MM": 10}, "WIDTH_MM", "WIDTH_MM = 10"),
    C("maps-empty-layer", "rendermaps", {"LAYERS": ["@empty.gpkg"]}, "LAYERS", "empty"),
    C("maps-table-layer", "rendermaps", {"LAYERS": ["@census.csv"]}, "LAYERS", "census"),
    C("maps-field-missing", "rendermaps", {"MAP_FIELD": "trajectory_gdp"}, "MAP_FIELD", "trajectory_gdp"),
    C("maps-field-text", "rendermaps", {"MAP_FIELD": "name"}, "MAP_FIELD", "neither a verdict nor a number"),
    # ---------------------------------------------------------------- exporttables
    C("export-language-9", "exporttables", {"LANGUAGE": 9}, "LANGUAGE", "LANGUAGE = 9"),
    C("export-truncated-gpkg", "exporttables", {"INPUT": ["@truncated.gpkg"]}, ("INPUT", "truncated.gpkg"),
      "truncated.gpkg"),
    C("maps-layer-missing", "rendermaps", {"LAYERS": ["@regions.gpkg"]}, "LAYERS", "regions.gpkg"),
    C("maps-background-points", "rendermaps", {"BACKGROUND": "@points.gpkg"}, "BACKGROUND", "points"),
    C("maps-cores-missing", "rendermaps", {"CORES": "@cores.gpkg"}, "CORES", "cores.gpkg"),
    C("maps-folder-is-a-file", "rendermaps", {"OUTPUT_FOLDER": "@notes.txt"}, "OUTPUT_FOLDER", "notes.txt"),
    C("maps-clear-changes-without-a-measure", "rendermaps", {"CLEAR_CHANGES_ONLY": True},
      ("'prepared'", "'prefectures'"), "CLEAR_CHANGES_ONLY is on"),
    C("maps-clarity-field-not-a-field", "rendermaps", {"CLEAR_CHANGES_ONLY": True, "CLARITY_FIELD": "is_clear"},
      "CLARITY_FIELD", "is_clear"),
    C("maps-crs-undefined", "rendermaps", {"MAP_CRS": "@undefined_cartesian.gpkg"}, "MAP_CRS",
      "coordinate reference system"),

    # ---------------------------------------------------------------- spatialrelations
    C("spatial-polygons-no-crs", "spatialrelations", {"INPUT": "@nocrs_degrees.shp"}, "INPUT", "nocrs_degrees"),
    C("spatial-points", "spatialrelations", {"INPUT": "@points.gpkg"}, "INPUT", "Point"),
    C("spatial-empty-layer", "spatialrelations", {"INPUT": "@empty.gpkg"}, "INPUT", "empty.gpkg"),
    C("spatial-indicator-not-a-field", "spatialrelations", {"INDICATORS": ["gdp_2020"]}, "INDICATORS", "gdp_2020"),
    C("spatial-not-assigned-yet", "spatialrelations", {"INPUT": "@joined.gpkg"}, "MEGAREGION_FIELD",
      "megaregion_id"),
    C("spatial-weights-out-of-range", "spatialrelations", {"WEIGHTS": 5}, "WEIGHTS", "WEIGHTS = 5"),
    C("spatial-k-0", "spatialrelations", {"WEIGHTS": 1, "K": 0}, "K", "K = 0"),
    C("spatial-correction-out-of-range", "spatialrelations", {"CORRECTION": 7}, "CORRECTION", "CORRECTION = 7"),
    C("spatial-city-field-not-a-field", "spatialrelations", {"CITY_FIELD": "code"}, "CITY_FIELD", "'code'"),
    C("spatial-cores-missing", "spatialrelations", {"CORES": "@cores.gpkg"}, "CORES", "cores.gpkg"),
    # ---------------------------------------------------------------- pipeline
    C("pipeline-table-missing", "pipeline", {"TABLE": "@census_2021.csv"}, "TABLE", "census_2021.csv"),
    C("pipeline-ntl-raster-missing", "pipeline", {"NTL_RASTERS": ["@ntl_2010.tif", "@ntl_2015.tif"]},
      "NTL_RASTERS", "ntl_2015.tif"),
    C("pipeline-k-negative", "pipeline", {"K": -3}, "K", "K = -3"),
    C("pipeline-output-folder-under-a-file", "pipeline", {"OUTPUT_FOLDER": "@census.csv/results"}, "OUTPUT_FOLDER",
      "is a file, not a folder"),
    C("pipeline-wrong-table-key", "pipeline", {"TABLE_KEY": "citycode"}, "TABLE_KEY", "citycode"),
    C("pipeline-points-for-boundaries", "pipeline", {"BOUNDARIES": "@points.gpkg"}, "BOUNDARIES", "points"),
    C("pipeline-table-utf16-bom", "pipeline", {"TABLE": "@census_utf16_bom.csv"}, ("TABLE", "census_utf16_bom.csv"),
      "UTF-8 or GBK", absent=("not found",)),
    C("pipeline-ndvi-truncated", "pipeline", {"NDVI_RASTERS": ["@truncated_2010.tif"]},
      ("NDVI_RASTERS", "truncated_2010.tif"), "truncated_2010.tif"),
    C("pipeline-ntl-folder-missing", "pipeline", {"NTL_FOLDER": "@viirs_downloads"}, "NTL_FOLDER",
      "viirs_downloads"),
    C("pipeline-years-not-a-year", "pipeline", {"YEARS": "2010, 20x0"}, "YEARS", "'20x0' is not a year"),
    C("pipeline-years-one-in-common", "pipeline", {"NTL_RASTERS": ["@ntl_2010.tif"]}, "YEARS",
      "ntl_total_light: 2010 (NTL_RASTERS)"),
]


# ------------------------------------------------------------------------------- input files

# three districts of 连云港 (320700) as squares, with a count, a rate and a negative number
COUNTIES_GEOJSON = """{"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"adcode": "320703", "name": "连云区", "pop": 10, "rate": 0.5, "shift": -1},
 "geometry": {"type": "Polygon", "coordinates": [[[119, 34], [119.1, 34], [119.1, 34.1], [119, 34.1], [119, 34]]]}},
{"type": "Feature", "properties": {"adcode": "320706", "name": "海州区", "pop": 20, "rate": 0.2, "shift": 2},
 "geometry": {"type": "Polygon", "coordinates": [[[119.1, 34], [119.2, 34], [119.2, 34.1], [119.1, 34.1], [119.1, 34]]]}},
{"type": "Feature", "properties": {"adcode": "320707", "name": "赣榆区", "pop": null, "rate": 0.9, "shift": 3},
 "geometry": {"type": "Polygon", "coordinates": [[[119, 34.1], [119.1, 34.1], [119.1, 34.2], [119, 34.2], [119, 34.1]]]}}
]}
"""

def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def resolve(value, folder):
    """'@name' -> folder/name (also in lists)."""
    if isinstance(value, list):
        return [resolve(v, folder) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        return str(folder / value[1:])
    return value


def case_parameters(case, inputs, out):
    params = dict(BASE[case.alg])
    params.update(case.params)
    params = {k: resolve(v, inputs) for k, v in params.items()}
    for name, filename in OUTPUTS[case.alg].items():
        params.setdefault(name, str(out / filename))
    return params


def input_files(params, out):
    """The existing files named by the parameters (not the outputs), with their checksums."""
    files = {}
    for name, value in params.items():
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and os.path.isfile(v) and not v.startswith(str(out)):
                files[v] = sha256(v)
    return files


def _write_vector(path, driver, srs, geometry_type, fields, rows):
    from osgeo import ogr

    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer(path.stem, srs, geometry_type)
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kind))
    for values, wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for (name, _), value in zip(fields, values):
            feature.SetField(name, value)
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None


def build_inputs(folder, run=None):
    """The good and the damaged files of the table, in ``folder``. ``run(alg_id, params)``
    runs an algorithm (for the prepared layer of the analysis steps); without it the prepared
    layer is not built."""
    from osgeo import gdal, ogr, osr

    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(BOUNDARIES, folder / "boundaries.geojson")
    shutil.copy(CENSUS, folder / "census.csv")
    shutil.copy(YEARBOOK, folder / "yearbook.csv")
    shutil.copy(MEMBERSHIP, folder / "membership.csv")
    shutil.copy(NDVI, folder / "ndvi_2023.tif")
    for year in (2010, 2020):
        shutil.copy(NTL_DIR / f"ntl_synthetic_{year}.tif", folder / f"ntl_{year}.tif")
    (folder / "folder").mkdir(exist_ok=True)
    (folder / "notes.txt").write_text("not a raster\n", encoding="utf-8")
    (folder / "empty.csv").write_bytes(b"")
    (folder / "counties.geojson").write_text(COUNTIES_GEOJSON, encoding="utf-8")
    (folder / "counties_changed.geojson").write_text(COUNTIES_GEOJSON.replace('"pop": 10', '"pop": 11'),
                                                      encoding="utf-8")

    census = CENSUS.read_text(encoding="utf-8")
    (folder / "census_utf16.csv").write_bytes(census.encode("utf-16-le"))  # no byte-order mark
    (folder / "census_utf16_bom.csv").write_bytes(census.encode("utf-16"))  # with it: QGIS's loader fails
    (folder / "census.txt").write_text(census, encoding="utf-8")  # QGIS opens delimited text named .csv
    names = "城市,地区\n" + "".join(f"{city},{region}\n" for city, region in [  # no NUL byte in a Chinese character
        ("北京市", "北京"), ("天津市", "天津"), ("石家庄市", "河北"), ("唐山市", "河北")])
    (folder / "names_utf16.csv").write_bytes(names.encode("utf-16-le"))
    (folder / "census.xlsx").write_bytes(b"PK\x03\x04" + os.urandom(2000))  # a damaged workbook
    lines = census.splitlines()
    lines[4] = lines[4] + ",1,2"  # line 5: two cells more than the header
    (folder / "ragged.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    header, *rows = census.splitlines()
    code = header.split(",").index("city_code")
    shifted = []
    for row in rows:
        cells = row.split(",")
        cells[code] = "99" + cells[code][2:]  # no prefecture has such a code
        shifted.append(",".join(cells))
    (folder / "nomatch.csv").write_text("\n".join([header] + shifted) + "\n", encoding="utf-8")

    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    src = ogr.Open(str(folder / "boundaries.geojson"))
    layer = src.GetLayer(0)
    fields = [("adcode", ogr.OFTString), ("name", ogr.OFTString)]
    polygons, points, metres = [], [], []
    mercator = osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    mercator.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_metres = osr.CoordinateTransformation(wgs84, mercator)
    for feature in layer:
        geometry = feature.GetGeometryRef()
        values = (feature.GetField("adcode"), feature.GetField("name"))
        polygons.append((values, geometry.ExportToWkt()))
        points.append((values, geometry.PointOnSurface().ExportToWkt()))
        projected = geometry.Clone()
        projected.Transform(to_metres)
        metres.append((values, projected.ExportToWkt()))
    src = None
    _write_vector(folder / "points.gpkg", "GPKG", wgs84, ogr.wkbPoint, fields, points)
    _write_vector(folder / "empty.gpkg", "GPKG", wgs84, ogr.wkbMultiPolygon, fields, [])
    _write_vector(folder / "projected.gpkg", "GPKG", mercator, ogr.wkbMultiPolygon, fields, metres[:40])
    _write_vector(folder / "nocrs_metres.shp", "ESRI Shapefile", None, ogr.wkbPolygon, fields, metres[:40])
    _write_vector(folder / "nocrs_degrees.shp", "ESRI Shapefile", None, ogr.wkbPolygon, fields, polygons[:40])
    # districts keyed by their parent city, as Amap's county files write them; one city in three parts
    districts = [("320102", "玄武区", "district", "320100"), ("320104", "秦淮区", "district", "320100"),
                 ("320105", "建邺区", "district", "320100"), ("320205", "锡山区", "district", "320200"),
                 ("320206", "惠山区", "district", "320200")]
    county_fields = fields + [("level", ogr.OFTString), ("ctadcode", ogr.OFTString)]
    _write_vector(folder / "counties.gpkg", "GPKG", wgs84, ogr.wkbMultiPolygon, county_fields,
                  [(v, wkt) for v, (_, wkt) in zip(districts, polygons)])
    _write_vector(folder / "parts.gpkg", "GPKG", wgs84, ogr.wkbMultiPolygon, fields,
                  [(("320100", "南京市"), wkt) for _, wkt in polygons[:3]] + polygons[3:6])
    # a long panel with two columns of years (年份 and 统计年度), and one whose city has two rows in 2020
    values = [(code, year, value) for code, value in (("110000", 5.0), ("120100", 4.0), ("130100", 2.0))
              for year in (2019, 2020)]
    panel = ["市代码,年份,统计年度,均值"] + [f"{c},{y},{y}年,{v}" for c, y, v in values]
    (folder / "panel.csv").write_text("\n".join(panel) + "\n", encoding="utf-8")
    twice = ["市代码,年份,均值"] + [f"{c},{y},{v}" for c, y, v in values] + ["130100,2020,2.5"]
    (folder / "panel_twice.csv").write_text("\n".join(twice) + "\n", encoding="utf-8")

    # GeoPackages written without a CRS: GDAL's "Undefined geographic SRS" (srs_id 0), in degrees and in
    # metres, and "Undefined Cartesian SRS" (srs_id -1)
    _write_vector(folder / "undefined_srs.gpkg", "GPKG", None, ogr.wkbMultiPolygon, fields, polygons[:40])
    _write_vector(folder / "undefined_metres.gpkg", "GPKG", None, ogr.wkbMultiPolygon, fields, metres[:40])
    _write_vector(folder / "undefined_cartesian.gpkg", "GPKG", None, ogr.wkbMultiPolygon, fields, polygons[:40])
    _set_srs_id(folder / "undefined_cartesian.gpkg", -1)

    ntl = gdal.Open(str(folder / "ntl_2010.tif"))
    copy = gdal.GetDriverByName("GTiff").CreateCopy(str(folder / "nocrs_2010.tif"), ntl)
    copy.SetProjection("")
    copy = ntl = None
    for aux in folder.glob("*.aux.xml"):
        aux.unlink()
    data = (folder / "ntl_2010.tif").read_bytes()
    (folder / "truncated_2010.tif").write_bytes(data[: len(data) // 2])

    if run is not None:
        joined = run("megaregion:joinindicators", {
            "INPUT": str(folder / "boundaries.geojson"), "INPUT_KEY": "adcode", "TABLE": str(folder / "census.csv"),
            "TABLE_KEY": "city_code", "MATCH_BY": 0, "OUTPUT": str(folder / "joined.gpkg"), "UNMATCHED": "memory:"})
        run("megaregion:assignmegaregions", {
            "INPUT": joined["OUTPUT"], "KEY": "adcode", "OUTPUT": str(folder / "prepared.gpkg")})
        for name in ("joined.gpkg", "prepared.gpkg"):
            _rollback_journal(folder / name)
        shutil.copy(folder / "prepared.gpkg", folder / "prepared_undefined.gpkg")
        _set_srs_id(folder / "prepared_undefined.gpkg", 0)  # as if written without a CRS
        data = (folder / "prepared.gpkg").read_bytes()
        (folder / "truncated.gpkg").write_bytes(data[:8192])
    return folder


def _set_srs_id(path, srs_id):
    """The spatial reference of every layer of the GeoPackage ``path`` set to ``srs_id`` (GDAL
    writes 0 for a layer without one; -1 is the other undefined system of the standard)."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as con:
        con.execute("UPDATE gpkg_geometry_columns SET srs_id = ?", (srs_id,))
        con.execute("UPDATE gpkg_contents SET srs_id = ?", (srs_id,))
        con.commit()


def _rollback_journal(path):
    """A GeoPackage that qgis_process wrote is left in SQLite's WAL mode, and the next program
    that opens it (QGIS opens GeoPackages for update) switches it back to the rollback journal,
    which rewrites 4 bytes of the header, not the data. Switched here once, so the checksums
    compare what the algorithms do, not that."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA journal_mode=DELETE")
    con.close()


def broken_in_the_middle(source, path):
    """A deflate-compressed copy of ``source`` whose strips are garbage but for the first and
    the last: it opens and its last row reads (so the checks before the run accept it), while
    reading any polygon in between fails."""
    from osgeo import gdal

    gdal.Translate(str(path), str(source), creationOptions=["COMPRESS=DEFLATE", "BLOCKYSIZE=16"])
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    strips = -(-ds.RasterYSize // band.GetBlockSize()[1])
    spans = [(int(band.GetMetadataItem(f"BLOCK_OFFSET_0_{i}", "TIFF")),
              int(band.GetMetadataItem(f"BLOCK_SIZE_0_{i}", "TIFF"))) for i in range(1, strips - 1)]
    ds = None
    with open(path, "r+b") as f:
        for offset, size in spans:
            f.seek(offset)
            f.write(b"\xff" * size)
    return path
