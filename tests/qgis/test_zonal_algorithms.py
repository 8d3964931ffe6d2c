"""Zonal statistics algorithms through processing.run: bundled rasters, agreement with QGIS's
own zonal statistics in centre mode, column naming, and bad input."""
import contextlib
import numpy as np
import pytest
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

from data_paths import BOUNDARIES, LANDCOVER, NDVI, ROOT

NTL = [ROOT / "resources" / "data" / "ntl_sample" / f"ntl_synthetic_{y}.tif" for y in (2010, 2020)]


def table(layer):
    names = layer.fields().names()
    return {f["adcode"]: dict(zip(names, [None if v == NULL else v for v in f.attributes()])) for f in layer.getFeatures()}


def test_built_up_share_ranks_the_pearl_river_delta_first(run_alg, regional_boundaries):
    # the four most built-up prefectures of the country are in Guangdong (every share is
    # pinned by the regression record zonal_landcover_exact)
    out = run_alg("megaregion:zonalstatistics",
                  {"INPUT": str(regional_boundaries), "RASTER": [str(LANDCOVER)], "CATEGORIES": "13", "PREFIX": "lc",
                   "OUTPUT": "memory:"})["OUTPUT"]
    rows = table(out)
    top = sorted(rows.values(), key=lambda r: -(r["lc_frac_13"] or 0))[:4]
    assert [r["name"] for r in top] == ["东莞市", "深圳市", "佛山市", "中山市"]
    assert top[0]["lc_frac_13"] == pytest.approx(0.77, abs=0.03)
    assert all(r["lc_status"] for r in rows.values())


def test_center_mode_agrees_with_qgis_zonal_statistics(run_alg):
    ours = table(run_alg("megaregion:zonalstatistics",
                         {"INPUT": str(BOUNDARIES), "RASTER": [str(LANDCOVER)], "COVERAGE": 1, "PREFIX": "lc",
                          "STATISTICS": [0, 1, 3, 4], "OUTPUT": "memory:"})["OUTPUT"])
    # QGIS: Count 0, Sum 1, Min 5, Max 6; nodata 255 is honoured by both
    qgis = table(run_alg("native:zonalstatisticsfb",
                         {"INPUT": str(BOUNDARIES), "INPUT_RASTER": str(LANDCOVER), "RASTER_BAND": 1,
                          "COLUMN_PREFIX": "q_", "STATISTICS": [0, 1, 5, 6], "OUTPUT": "memory:"})["OUTPUT"])
    compared = 0
    for code, row in ours.items():
        q = qgis[code]
        if not q["q_count"]:
            continue
        assert row["lc_count"] == q["q_count"], row["name"]
        assert row["lc_sum"] == pytest.approx(q["q_sum"]), row["name"]
        assert row["lc_min"] == q["q_min"] and row["lc_max"] == q["q_max"], row["name"]
        compared += 1
    assert compared > 340


def test_exact_mode_is_area_weighted_and_small_polygons_get_values(run_alg, regional_boundaries):
    rows = table(run_alg("megaregion:ndvi", {"INPUT": str(regional_boundaries), "RASTER": [str(NDVI)],
                                             "OUTPUT": "memory:"})["OUTPUT"])
    # 0.5° pixels: Hong Kong covers a few hundredths of a pixel and no pixel centre, yet gets an
    # area-weighted mean in exact mode; Macao's pixels hold only nodata
    assert rows["810000"]["ndvi_count_2023"] < 0.1 and rows["810000"]["ndvi_mean_2023"] is not None
    assert rows["820000"]["ndvi_count_2023"] < 0.1
    values = [r["ndvi_mean_2023"] for r in rows.values() if r["ndvi_mean_2023"] is not None]
    assert len(values) == 35 and -0.1 <= min(values) and max(values) <= 0.9


def test_two_years_of_night_light_form_year_columns(run_alg, regional_boundaries):
    out = run_alg("megaregion:nighttimelight",
                  {"INPUT": str(regional_boundaries), "RASTER": [str(p) for p in NTL], "OUTPUT": "memory:"})["OUTPUT"]
    names = out.fields().names()
    for year in (2010, 2020):
        for stat in ("total_light", "mean", "lit_area_km2", "lit_ratio"):
            assert f"ntl_{stat}_{year}" in names
    rows = table(out)
    bj = rows["110100"]
    assert bj["ntl_total_light_2020"] > bj["ntl_total_light_2010"] > 0
    # the northern and western mountains are dark; the lit area grew with the city
    assert 0.5 < bj["ntl_lit_ratio_2010"] < bj["ntl_lit_ratio_2020"] < 0.95
    assert bj["ntl_lit_area_km2_2020"] > bj["ntl_lit_area_km2_2010"]
    changed = [r for r in rows.values() if r["ntl_lit_area_km2_2020"] not in (None, r["ntl_lit_area_km2_2010"])]
    assert len(changed) > 30


def test_lit_threshold_defaults_to_the_product_preset(run_alg, tmp_path, regional_boundaries):
    """An empty LIT_THRESHOLD is the preset's (core/raster_presets.py), the one value the engine
    uses: radiance of 0.3 nW/cm2/sr (background noise in VIIRS' unmasked layer) is not lit."""
    from megaregion.core import raster_presets

    radiance = np.full((40, 60), 0.3, np.float32)
    radiance[:, 30:] = 0.8
    path = tmp_path / "viirs_2020.tif"
    _write_gtiff(path, radiance, geotransform=(115.0, 0.05, 0, 41.2, 0, -0.05), epsg=4326)

    def lit(extra):
        params = {"INPUT": str(regional_boundaries), "RASTER": [str(path)], "PRESET": 0, "STATISTICS": [3],
                  "PREFIX": "n", "OUTPUT": "memory:"}
        return table(run_alg("megaregion:nighttimelight", dict(params, **extra))["OUTPUT"])["110100"]["n_lit_ratio_2020"]

    default = lit({})
    assert default == lit({"LIT_THRESHOLD": raster_presets.lit_threshold("viirs_annual")})
    assert 0.2 < default < 0.8  # Beijing spans 115.4-117.5 E: lit east of 116.5 E only
    assert lit({"LIT_THRESHOLD": 0}) == pytest.approx(1.0)


def _write_gtiff(path, data, geotransform=None, epsg=None, nodata=None):
    """A one-band GeoTIFF written with GDAL's bindings (QGIS ships them everywhere; rasterio is
    not in QGIS's Python on every platform)."""
    from osgeo import gdal, gdal_array, osr

    dataset = gdal.GetDriverByName("GTiff").Create(
        str(path), data.shape[1], data.shape[0], 1, gdal_array.NumericTypeCodeToGDALTypeCode(data.dtype))
    if geotransform is not None:
        dataset.SetGeoTransform(geotransform)
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(data)
    dataset = None  # closes and flushes the file


def test_dmsp_cnli_matches_its_definition_on_a_constant_raster(run_alg, tmp_path):
    path = tmp_path / "dmsp_2012.tif"
    data = np.full((40, 60), 31, dtype="uint8")
    data[:, :30] = 0  # west half dark
    _write_gtiff(path, data, geotransform=(115.0, 0.1, 0.0, 41.0, 0.0, -0.1), epsg=4326, nodata=255)
    square = QgsVectorLayer("Polygon?crs=EPSG:4326&field=adcode:string", "sq", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    f = QgsFeature(square.fields())
    f.setAttributes(["1"])
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((116 38, 119 38, 119 40, 116 40, 116 38))"))
    square.dataProvider().addFeature(f)
    row = table(run_alg("megaregion:nighttimelight",
                        {"INPUT": square, "RASTER": [str(path)], "PRESET": 2, "STATISTICS": [1, 3, 4],
                         "OUTPUT": "memory:"})["OUTPUT"])["1"]
    # the square spans 116-119 E; lit (DN 31 > 7) east of 118 E: one third of every row of pixels,
    # so mean = 31/3, S = 1/3 (by ellipsoidal area, equal in both halves row by row), I = 31/63
    assert row["ntl_mean_2012"] == pytest.approx(31 / 3, rel=1e-9)
    assert row["ntl_cnli_2012"] == pytest.approx(31 / 63 * row["ntl_lit_ratio_2012"], rel=1e-9)
    assert row["ntl_lit_ratio_2012"] == pytest.approx(1 / 3, rel=1e-9)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"PERCENTILES": "50,101"}, "outside 0-100"),
        ({"BANDS": "2"}, "(?i)band"),
        ({"PERCENTILES": "ten"}, "not a number"),
        ({"YEARS": "2010,2020"}, "one year per raster"),
    ],
)
def test_bad_parameters(run_alg, tmp_path, params, match, regional_boundaries):
    out = tmp_path / "out.gpkg"
    base = {"INPUT": str(regional_boundaries), "RASTER": [str(NDVI)], "OUTPUT": str(out)}
    base.update(params)
    with pytest.raises(QgsProcessingException, match=match):
        run_alg("megaregion:zonalstatistics", base)
    assert not out.exists()


def test_raster_without_crs_is_an_error(run_alg, tmp_path, regional_boundaries):
    path = tmp_path / "nocrs.tif"
    _write_gtiff(path, np.ones((10, 10), dtype="float32"))
    with pytest.raises(QgsProcessingException, match="(?i)crs|coordinate reference"):
        run_alg("megaregion:zonalstatistics", {"INPUT": str(regional_boundaries), "RASTER": [str(path)], "OUTPUT": "memory:"})


def test_non_polygon_input_is_an_error(run_alg, regional_boundaries):
    points = run_alg("native:centroids", {"INPUT": str(regional_boundaries), "ALL_PARTS": False, "OUTPUT": "memory:"})["OUTPUT"]
    with pytest.raises(QgsProcessingException, match="(?i)polygon"):
        run_alg("megaregion:ndvi", {"INPUT": points, "RASTER": [str(NDVI)], "OUTPUT": "memory:"})


def test_invalid_polygon_is_repaired_and_noted(run_alg):
    from qgis.core import QgsFeature, QgsGeometry

    bowtie = QgsVectorLayer("Polygon?crs=EPSG:4326&field=adcode:string", "bad", "memory")
    f = QgsFeature(bowtie.fields())
    f.setAttributes(["1"])
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((100 30, 110 40, 110 30, 100 40, 100 30))"))
    bowtie.dataProvider().addFeature(f)
    row = table(run_alg("megaregion:ndvi", {"INPUT": bowtie, "RASTER": [str(NDVI)], "OUTPUT": "memory:"})["OUTPUT"])["1"]
    assert row["ndvi_mean_2023"] is not None
    assert "repair" in row["ndvi_status"].lower()


def test_output_opens_as_a_graduated_map_of_the_first_statistic(run_alg, tmp_path, regional_boundaries):
    out = tmp_path / "ndvi.gpkg"
    run_alg("megaregion:ndvi", {"INPUT": str(regional_boundaries), "RASTER": [str(NDVI)], "OUTPUT": str(out)})
    import sqlite3

    with contextlib.closing(sqlite3.connect(out)) as con:
        qml = con.execute("SELECT styleQML FROM layer_styles WHERE f_table_name = 'ndvi' AND useAsDefault").fetchone()[0]
    assert 'type="graduatedSymbol"' in qml and 'attr="ndvi_mean_2023"' in qml
