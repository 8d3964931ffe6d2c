"""megaregion:aggregatecounties in QGIS: county polygons made here (squares of known area, an
invalid bow-tie, a shapefile without .prj and .cpg holding UTF-8 text), a table without
geometry, and the real third-party samples (YRD shapefiles from Amap, DataV's province files)
when they are present."""
import glob
import json

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from data_paths import REALDATA
from megaregion.core.admin import keys
from recording_feedback import RecordingFeedback


def square(x, y, size=1.0):
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def write_geojson(path, features):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": rings}}
        for props, rings in features]}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def counties_geojson(tmp_path):
    bowtie = [[[20, 0], [21, 1], [21, 0], [20, 1], [20, 0]]]  # self-intersecting: two triangles of 0.25
    return write_geojson(tmp_path / "counties.geojson", [
        ({"adcode": "320703", "name": "连云区", "pop": 10, "rate": 0.5, "w": 1}, square(0, 0)),
        ({"adcode": "320706", "name": "海州区", "pop": 20, "rate": 0.2, "w": 3}, square(1, 0)),
        ({"adcode": "320707", "name": "赣榆区", "pop": None, "rate": 0.9, "w": 0}, square(0, 1)),
        ({"adcode": "110101", "name": "东城区", "pop": 5, "rate": None, "w": 2}, square(10, 0)),
        ({"adcode": "110102", "name": "西城区", "pop": 7, "rate": 0.4, "w": 2}, bowtie),
        ({"adcode": "419001", "name": "济源市", "pop": 3, "rate": 0.1, "w": 4}, square(30, 0)),
    ])


def features(path):
    layer = QgsVectorLayer(str(path))
    assert layer.isValid()
    return {f["adcode"]: f for f in layer.getFeatures()}, layer


def test_polygons_are_dissolved_and_summed(run_alg, counties_geojson, tmp_path):
    log = RecordingFeedback()
    out = tmp_path / "prefectures.gpkg"
    run_alg("megaregion:aggregatecounties", {
        "INPUT": [str(counties_geojson)], "CODE_FIELD": "adcode", "SUM_FIELDS": ["pop"], "MEAN_FIELDS": ["rate"],
        "WEIGHT_FIELD": "w", "OUTPUT": str(out)}, log)
    by_code, layer = features(out)
    assert sorted(by_code) == ["110100", "320700", "419001"]
    assert [f.name() for f in layer.fields()][1:] == ["adcode", "name", "n_units", "null_note", "pop", "rate"]
    lyg = by_code["320700"]
    assert (lyg["name"], lyg["n_units"], lyg["pop"]) == ("连云港市", 3, 30.0)
    assert lyg["rate"] == pytest.approx((0.5 * 1 + 0.2 * 3) / 4)
    assert lyg["null_note"] == "pop 1/3 NULL; rate 1/3 NULL or weight NULL/0"
    assert lyg.geometry().area() == pytest.approx(3.0)
    assert lyg.geometry().isGeosValid()
    beijing = by_code["110100"]
    assert (beijing["name"], beijing["n_units"], beijing["pop"], beijing["rate"]) == ("北京市", 2, 12.0, 0.4)
    assert beijing.geometry().area() == pytest.approx(1.5)  # the square and the repaired bow-tie's two triangles
    assert beijing.geometry().isGeosValid()
    assert by_code["419001"]["n_units"] == 1
    assert layer.crs().authid() == "EPSG:4326"
    text = log.text()
    assert "1 invalid geometries repaired" in text
    assert text.count("Numeric fields left out") == 0  # w is the weight, pop and rate are asked for


def test_left_out_fields_are_named_once_and_county_level_units_dropped(run_alg, counties_geojson, tmp_path):
    log = RecordingFeedback()
    out = tmp_path / "prefectures.gpkg"
    run_alg("megaregion:aggregatecounties", {
        "INPUT": [str(counties_geojson)], "CODE_FIELD": "adcode", "SUM_FIELDS": ["pop"], "COUNTY_LEVEL_CITIES": 1,
        "OUTPUT": str(out)}, log)
    by_code, layer = features(out)
    assert sorted(by_code) == ["110100", "320700"]
    assert [f.name() for f in layer.fields()][1:] == ["adcode", "name", "n_units", "null_note", "pop"]
    lines = [line for line in log.lines if "Numeric fields left out" in line]
    assert len(lines) == 1 and "rate, w" in lines[0]
    assert "419001" in log.text()


def test_the_coordinate_system_is_kept(run_alg, tmp_path):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)  # CGCS2000
    path = tmp_path / "cgcs.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("cgcs", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("adcode", ogr.OFTInteger))
    for code, x in ((320703, 0), (320706, 1)):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("adcode", code)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x} 0,{x + 1} 0,{x + 1} 1,{x} 1,{x} 0))"))
        layer.CreateFeature(feature)
    ds = None
    out = tmp_path / "out.gpkg"
    run_alg("megaregion:aggregatecounties", {"INPUT": [str(path)], "CODE_FIELD": "adcode", "OUTPUT": str(out)})
    by_code, layer = features(out)
    assert layer.crs().authid() == "EPSG:4490"
    assert by_code["320700"].geometry().area() == pytest.approx(2.0)


def _shapefile_without_cpg(folder):
    """Amap's layout: a shapefile without .prj and .cpg whose DBF text is UTF-8."""
    from osgeo import ogr

    path = folder / "counties.shp"
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    layer = ds.CreateLayer("counties", None, ogr.wkbPolygon, options=["ENCODING="])  # no recoding, no .cpg
    for name in ("adcode", "ctadcode", "name"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    rows = [("139001", "", "定州市", 0), ("320703", "320700", "连云区", 2), ("310151", "310100", "崇明区", 4)]
    for code, parent, name, x in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("adcode", code)
        feature.SetField("ctadcode", parent)
        feature.SetField("name", name)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x} 0,{x + 1} 0,{x + 1} 1,{x} 1,{x} 0))"))
        layer.CreateFeature(feature)
    ds = None
    for extra in ("counties.cpg", "counties.prj"):
        (folder / extra).unlink(missing_ok=True)
    assert "连云区".encode("utf-8") in (folder / "counties.dbf").read_bytes()
    return path


def test_a_dbf_without_cpg_holding_utf8_is_read_as_utf8(run_alg, tmp_path):
    path = _shapefile_without_cpg(tmp_path)
    # the layer as QGIS opens a file without encoding information where the system's is Latin-1
    loaded = QgsVectorLayer(str(path), "counties", "ogr")
    loaded.setProviderEncoding("ISO-8859-1")
    assert "连云区".encode("utf-8").decode("latin-1") in [f["name"] for f in loaded.getFeatures()]
    log = RecordingFeedback()
    out = tmp_path / "out.gpkg"
    run_alg("megaregion:aggregatecounties", {
        "INPUT": [loaded], "CODE_FIELD": "adcode", "PARENT_FIELD": "ctadcode", "OUTPUT": str(out)}, log)
    by_code, layer = features(out)
    assert sorted(by_code) == ["139001", "310100", "320700"]
    assert by_code["139001"]["name"] == "定州市"  # not in the names table: from the input, in UTF-8
    assert by_code["310100"]["name"] == "上海市"
    assert layer.crs().authid() == ""
    text = log.text()
    assert text.count("counties.shp has no .cpg file and its text is UTF-8") == 1
    assert text.count("counties.shp has no coordinate reference system") == 1
    assert "139001" in text  # named as taking its name from the input
    assert loaded.dataProvider().encoding() == "ISO-8859-1"  # the user's layer keeps its settings


def test_tables_without_geometry_and_long_tables(run_alg, tmp_path):
    csv = tmp_path / "county_table.csv"
    csv.write_text("区域代码,year,人口\n130102,2010,\"1,000\"\n130104,2010,2000\n130102,2020,1500\n"
                   "130104,2020,\n500229,2020,7\n", encoding="utf-8")
    out = tmp_path / "out.gpkg"
    run_alg("megaregion:aggregatecounties", {
        "INPUT": [str(csv)], "CODE_FIELD": "区域代码", "SUM_FIELDS": ["人口"], "YEAR_FIELD": "year",
        "OUTPUT": str(out)})
    layer = QgsVectorLayer(str(out))
    rows = sorted((f["adcode"], f["year"], f["人口"], f["n_units"], f["null_note"]) for f in layer.getFeatures())
    assert rows == [("130100", 2010, 3000.0, 2, None), ("130100", 2020, 1500.0, 2, "人口 1/2 NULL"),
                    ("500000", 2020, 7.0, 1, None)]
    assert not layer.isSpatial()


def test_bad_inputs_are_refused_and_nothing_written(run_alg, counties_geojson, tmp_path):
    out = tmp_path / "out.gpkg"
    for params, words in (
        ({"CODE_FIELD": "code"}, ["CODE_FIELD", "code"]),
        ({"SUM_FIELDS": ["pop"], "MEAN_FIELDS": ["pop"]}, ["SUM_FIELDS", "pop"]),
        ({"SUM_FIELDS": ["name"]}, ["SUM_FIELDS", "连云区"]),
        ({"WEIGHT_FIELD": "w"}, ["WEIGHT_FIELD", "MEAN_FIELDS"]),
        ({"CODE_FIELD": "name"}, ["CODE_FIELD", "连云区"]),
    ):
        with pytest.raises(QgsProcessingException) as caught:
            run_alg("megaregion:aggregatecounties", {"INPUT": [str(counties_geojson)], "OUTPUT": str(out), **params})
        for word in words:
            assert word in str(caught.value)
        assert not out.exists()


# --------------------------------------------------------------------------- real data

AMAP = REALDATA / "amap-yrd-county-shp-noprj" if REALDATA else None
DATAV = REALDATA / "datav-areas-v3-geomapdata" if REALDATA else None
needs_realdata = pytest.mark.skipif(REALDATA is None, reason="the real third-party samples (shared/data/realdata "
                                                             "beside the checkout, or $MEGAREGION_REALDATA) are absent")


@needs_realdata
def test_yrd_shapefiles_give_41_prefecture_level_units(run_alg, tmp_path):
    log = RecordingFeedback()
    out = tmp_path / "yrd.gpkg"
    run_alg("megaregion:aggregatecounties", {
        "INPUT": sorted(glob.glob(str(AMAP / "*.shp"))), "CODE_FIELD": "adcode", "PARENT_FIELD": "ctadcode",
        "OUTPUT": str(out)}, log)
    by_code, layer = features(out)
    provinces = {}
    for code in by_code:
        provinces[code[:2]] = provinces.get(code[:2], 0) + 1
    assert provinces == {"31": 1, "32": 13, "33": 11, "34": 16}
    assert (by_code["310100"]["name"], by_code["310100"]["n_units"]) == ("上海市", 16)
    assert sum(f["n_units"] for f in by_code.values()) == 308
    assert all(f.geometry().isGeosValid() for f in by_code.values())


@needs_realdata
def test_datav_province_files_give_one_feature_per_prefecture_level_unit(run_alg, tmp_path):
    log = RecordingFeedback()
    out = tmp_path / "datav.gpkg"
    files = sorted(glob.glob(str(DATAV / "province" / "*.json")))
    assert len(files) == 34
    run_alg("megaregion:aggregatecounties", {"INPUT": files, "CODE_FIELD": "adcode", "OUTPUT": str(out)}, log)
    by_code, layer = features(out)
    assert set(by_code) == set(keys.reference().units)  # the 370 units of the plugin's names table
    assert (by_code["110100"]["name"], by_code["110100"]["n_units"]) == ("北京市", 16)
    assert by_code["500000"]["n_units"] == 38  # Chongqing's districts and counties
    assert by_code["469021"]["n_units"] == 1  # 定安县 stays a unit of its own
    assert "82 invalid geometries repaired" in log.text()
    assert all(f.geometry().isGeosValid() for f in by_code.values())


@needs_realdata
def test_datav_china_json_merged_with_the_province_files_does_not_stop_the_chain(run_alg, tmp_path):
    """china.json's adcode mixes numbers and the text 100000_JD (GDAL types it JSON): the string
    is named once and left out, provinces are left out, the municipalities', Hong Kong's and
    Macao's own outlines win over their districts, Taiwan (in both files) is counted once."""
    log = RecordingFeedback()
    out = tmp_path / "datav.gpkg"
    files = [str(DATAV / "china.json")] + sorted(glob.glob(str(DATAV / "province" / "*.json")))
    run_alg("megaregion:aggregatecounties", {"INPUT": files, "CODE_FIELD": "adcode", "OUTPUT": str(out)}, log)
    by_code, layer = features(out)
    assert set(by_code) == set(keys.reference().units)
    assert by_code["110100"]["n_units"] == 1  # china.json's outline of Beijing
    text = log.text()
    assert text.count("100000_JD") == 1
    assert "27 rows are provinces" in text
