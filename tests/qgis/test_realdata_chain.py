"""The chain a planner runs on real third-party downloads (shared/data/realdata, test inputs
only, never bundled), from boundaries and tables as they come to unevenness:

- DataV's 34 province files (GCJ-02, municipalities as districts, JSON fields, invalid
  geometries) -> Prefectures from counties -> WGS84 -> the NPP-VIIRS-like night-light panel
  (XLSX, long, 21 years, Chinese headers, its year column found without YEAR_FIELD) -> assign
  -> unevenness over the 21 years;
- Amap's Yangtze River Delta county shapefiles (no .prj, no .cpg) -> Prefectures from counties
  (上海 1, 江苏 13, 浙江 11, 安徽 16) -> WGS84 -> the population table scraped from Wikipedia
  (one year, "11,235,086" strings, counties mixed in, the core cities missing) -> assign ->
  unevenness.

Every step's numbers are checked against the files read independently in the test (openpyxl,
csv) and the Theil index computed plainly from the joined values."""
import csv
import glob
import math

import pytest
from qgis.core import NULL

from data_paths import REALDATA
from recording_feedback import RecordingFeedback

pytestmark = pytest.mark.skipif(
    REALDATA is None,
    reason="the real third-party samples (shared/data/realdata beside the checkout, or $MEGAREGION_REALDATA) are absent")

DATAV = REALDATA / "datav-areas-v3-geomapdata" if REALDATA else None
AMAP = REALDATA / "amap-yrd-county-shp-noprj" if REALDATA else None
PANEL = REALDATA / "npp-viirs-like-city-zonal-xlsx" / "2000~2020年全国各城市夜间灯光数据.xlsx" if REALDATA else None
POPULATION = REALDATA / "wikipedia-census2020-city-csv" / "citystatInfo_20220818174503.csv" if REALDATA else None
YEARS = list(range(2000, 2021))


def run(alg, params, log=None):
    from qgis import processing

    return processing.run("megaregion:" + alg, params, feedback=log or RecordingFeedback())


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, [None if v == NULL else v for v in f.attributes()])) for f in layer.getFeatures()]


def theil_t(values):
    """Theil T of positive values, written out: (1/n) sum (x/mu) ln(x/mu)."""
    mu = sum(values) / len(values)
    return sum((x / mu) * math.log(x / mu) for x in values if x > 0) / len(values)


def plugin_code(code):
    """The panel's municipality codes are the province's (110000); the plugin's are 110100 (500000
    for Chongqing, as the plugin's names table has it)."""
    code = str(code)
    return {"110000": "110100", "120000": "120100", "310000": "310100"}.get(code, code)


@pytest.fixture(scope="module")
def datav_chain(tmp_path_factory):
    logs = {step: RecordingFeedback() for step in ("aggregate", "convert", "join", "assign", "unevenness")}
    folder = tmp_path_factory.mktemp("datav")
    prefectures = run("aggregatecounties", {
        "INPUT": sorted(glob.glob(str(DATAV / "province" / "*.json"))), "CODE_FIELD": "adcode",
        "OUTPUT": "memory:"}, logs["aggregate"])["OUTPUT"]
    wgs84 = run("gcj02towgs84", {"INPUT": prefectures, "OUTPUT": "memory:"}, logs["convert"])["OUTPUT"]
    joined = run("joinindicators", {
        "INPUT": wgs84, "INPUT_KEY": "adcode", "TABLE": str(PANEL), "TABLE_KEY": "市代码",
        "OUTPUT": "memory:", "UNMATCHED": "memory:"}, logs["join"])
    assigned = run("assignmegaregions", {"INPUT": joined["OUTPUT"], "KEY": "adcode", "UNASSIGNED": 1,
                                         "OUTPUT": "memory:"}, logs["assign"])["OUTPUT"]
    html = folder / "unevenness.html"
    unevenness = run("unevenness", {
        "INPUT": assigned, "INDICATORS": [f"均值_{y}" for y in YEARS], "OUTPUT_TABLE": "memory:",
        "OUTPUT_REGIONS": "memory:", "OUTPUT_HTML": str(html)}, logs["unevenness"])
    return dict(prefectures=prefectures, joined=joined, assigned=assigned, unevenness=unevenness, html=html,
                logs=logs)


@pytest.fixture(scope="module")
def panel():
    """The night-light panel read independently: {(plugin code, year): (均值, 总和)}."""
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(PANEL, read_only=True).active
    it = sheet.iter_rows(values_only=True)
    header = list(next(it))
    col = {name: header.index(name) for name in ("年份", "市代码", "均值", "总和")}
    return {(plugin_code(r[col["市代码"]]), int(r[col["年份"]])): (r[col["均值"]], r[col["总和"]]) for r in it}


def test_datav_boundaries_become_one_feature_per_prefecture_and_are_converted(datav_chain):
    prefectures = rows(datav_chain["prefectures"])
    assert len(prefectures) == 370
    beijing = next(p for p in prefectures if p["adcode"] == "110100")
    assert (beijing["name"], beijing["n_units"]) == ("北京市", 16)
    assert "82 invalid geometries repaired" in datav_chain["logs"]["aggregate"].text()
    # every unit keeps its area: a repaired self-intersecting ring (a collection after make_valid)
    # had come out as no geometry for 68 of them, and the spatial step could place none
    for feature in datav_chain["prefectures"].getFeatures():
        geometry = feature.geometry()
        assert not geometry.isEmpty() and geometry.area() > 0 and not geometry.pointOnSurface().isNull()
    assert "GCJ02 to WGS84" in datav_chain["logs"]["convert"].text()


def test_the_long_panel_is_joined_by_its_year_column_without_year_field(datav_chain, panel):
    joined = datav_chain["joined"]
    text = datav_chain["logs"]["join"].text()
    assert "'年份' holds years" in text and "YEAR_FIELD '年份'" in text
    # 371 units x 21 years; the 21 rows of 中朝共有 (156400) match no prefecture, once per key in the log
    assert (joined["MATCHED_COUNT"], joined["UNMATCHED_COUNT"], joined["MATCHED_BOUNDARIES"]) == (7770, 21, 370)
    unmatched = rows(joined["UNMATCHED"])
    assert {r["key"] for r in unmatched} == {"156400"} and {int(r["year"]) for r in unmatched} == set(YEARS)
    assert text.count("'156400' not joined") == 1 and "(21 rows)" in text
    layer = rows(joined["OUTPUT"])
    assert len(layer) == 370
    for feature in layer:
        for year in (2000, 2010, 2020):
            mean, total = panel[(feature["adcode"], year)]
            assert feature[f"均值_{year}"] == pytest.approx(mean, rel=1e-12)
            assert feature[f"总和_{year}"] == pytest.approx(total, rel=1e-12)
    assert next(f for f in layer if f["adcode"] == "110100")["均值_2020"] == pytest.approx(5.1176, abs=1e-4)


def test_unevenness_over_the_21_years_of_the_panel(datav_chain, panel):
    table = rows(datav_chain["unevenness"]["OUTPUT_TABLE"])
    years = [t for t in table if t["row_type"] == "year"]
    assert len(years) == 19 * 21 and {t["year"] for t in years} == set(YEARS)
    assert {t["status"] for t in years} == {"ok"}
    members = rows(datav_chain["assigned"])
    assert len(members) == 248
    for region in ("YRD", "PRD", "BTH", "CY"):
        group = [m for m in members if m["megaregion_id"] == region]
        for year in (2000, 2012, 2020):
            row = next(t for t in years if t["megaregion"] == region and t["year"] == year)
            values = [panel[(m["adcode"], year)][0] for m in group]
            assert row["n_core"] + row["n_secondary"] == len(group)
            assert row["theil"] == pytest.approx(theil_t(values), rel=1e-9)
            assert row["theil"] == pytest.approx(row["theil_between"] + row["theil_within"], abs=1e-12)
    regions = rows(datav_chain["unevenness"]["OUTPUT_REGIONS"])
    assert len(regions) == 19 and all(f"theil_均值_{y}" in regions[0] for y in YEARS)
    report = datav_chain["html"].read_text(encoding="utf-8")
    assert "均值" in report and "2000" in report and "2020" in report


@pytest.fixture(scope="module")
def yrd_chain():
    logs = {step: RecordingFeedback() for step in ("aggregate", "convert", "join", "assign", "unevenness")}
    prefectures = run("aggregatecounties", {
        "INPUT": sorted(glob.glob(str(AMAP / "*.shp"))), "CODE_FIELD": "adcode", "PARENT_FIELD": "ctadcode",
        "OUTPUT": "memory:"}, logs["aggregate"])["OUTPUT"]
    wgs84 = run("gcj02towgs84", {"INPUT": prefectures, "OUTPUT": "memory:"}, logs["convert"])["OUTPUT"]
    joined = run("joinindicators", {
        "INPUT": wgs84, "INPUT_KEY": "adcode", "TABLE": str(POPULATION), "TABLE_KEY": "区域代码",
        "FIELDS": ["人口"], "YEAR": 2020, "OUTPUT": "memory:", "UNMATCHED": "memory:"}, logs["join"])
    assigned = run("assignmegaregions", {"INPUT": joined["OUTPUT"], "KEY": "adcode", "UNASSIGNED": 1,
                                         "OUTPUT": "memory:"}, logs["assign"])["OUTPUT"]
    unevenness = run("unevenness", {
        "INPUT": assigned, "INDICATORS": ["人口_2020"], "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": "memory:"},
        logs["unevenness"])
    return dict(prefectures=prefectures, wgs84=wgs84, joined=joined, assigned=assigned, unevenness=unevenness,
                logs=logs)


@pytest.fixture(scope="module")
def population():
    """The Wikipedia table read independently: {code: population} of its prefecture rows."""
    with open(POPULATION, encoding="utf-8", newline="") as fh:
        return {r["区域代码"].strip(): float(r["人口"].replace(",", "")) for r in csv.DictReader(fh)
                if r["区域代码"].strip().endswith("00")}


def test_yrd_counties_become_41_prefectures_valid_after_the_conversion(yrd_chain):
    prefectures = rows(yrd_chain["prefectures"])
    by_province = {}
    for p in prefectures:
        by_province[p["adcode"][:2]] = by_province.get(p["adcode"][:2], 0) + 1
    assert by_province == {"31": 1, "32": 13, "33": 11, "34": 16}
    text = yrd_chain["logs"]["aggregate"].text()
    for name in ("上海市", "江苏省", "浙江省", "安徽省"):
        assert text.count(f"{name}.shp has no coordinate reference system") == 1
    # converting GCJ-02 moves vertices of the dissolved boundaries across each other in a few
    # prefectures: they are repaired, so the next steps read valid polygons
    converted = list(yrd_chain["wgs84"].getFeatures())
    assert len(converted) == 41 and all(f.geometry().isGeosValid() for f in converted)
    assert "valid before the conversion and not after it" in yrd_chain["logs"]["convert"].text()


def test_the_one_year_population_table_joins_with_year_and_names_its_missing_cores(yrd_chain, population):
    joined = rows(yrd_chain["joined"]["OUTPUT"])
    assert all("人口_2020" in f for f in joined)
    for feature in joined:
        expected = population.get(feature["adcode"])
        assert feature["人口_2020"] == (pytest.approx(expected) if expected is not None else None)
    assert next(f for f in joined if f["adcode"] == "340100")["人口_2020"] == 9369881
    table = rows(yrd_chain["unevenness"]["OUTPUT_TABLE"])
    yrd = next(t for t in table if t["megaregion"] == "YRD" and t["row_type"] == "year")
    assert yrd["status"] == "ok" and yrd["year"] == 2020
    # the scraper never reached the municipalities' and sub-provincial cities' pages: the note names
    # the cores left out, and the measure is over the cities with a value
    for core in ("上海市", "南京市", "杭州市", "宁波市"):
        assert core in yrd["note"]
    members = [m for m in rows(yrd_chain["assigned"]) if m["megaregion_id"] == "YRD"]
    values = [m["人口_2020"] for m in members if m["人口_2020"] is not None]
    assert (yrd["n_core"], yrd["n_core"] + yrd["n_secondary"], yrd["n_null"]) == (1, len(values), len(members) - len(values))
    assert yrd["theil"] == pytest.approx(theil_t(values), rel=1e-9)
