"""The zonal statistics algorithms through qgis_process on the bundled rasters: each runs from the
command line and writes its fields (every value is pinned in process by
tests/qgis/test_regression.py; a bad parameter is refused in tests/e2e/test_bad_input_e2e.py)."""
import contextlib
import sqlite3

from data_paths import LANDCOVER, NDVI, ROOT


def test_ndvi_and_land_cover_and_night_light(qgis_process, tmp_path, regional_boundaries):
    """On the regional boundaries (tests/conftest.py): 36 prefectures, Macao without NDVI."""
    boundaries = regional_boundaries
    ndvi = tmp_path / "ndvi.gpkg"
    qgis_process.run_json("megaregion:ndvi", {"INPUT": boundaries, "RASTER": NDVI, "OUTPUT": ndvi})
    with contextlib.closing(sqlite3.connect(ndvi)) as con:
        n, lo, hi = con.execute("SELECT COUNT(ndvi_mean_2023), MIN(ndvi_mean_2023), MAX(ndvi_mean_2023) FROM ndvi").fetchone()
    assert n == 35 and -0.1 <= lo < hi <= 0.9

    lc = tmp_path / "landcover.gpkg"
    qgis_process.run_json(
        "megaregion:zonalstatistics",
        {"INPUT": boundaries, "RASTER": LANDCOVER, "CATEGORIES": "13", "PREFIX": "lc", "STATISTICS": "0,2",
         "PERCENTILES": "50", "COVERAGE": 0, "OUTPUT": lc},
    )
    with contextlib.closing(sqlite3.connect(lc)) as con:
        top = con.execute("SELECT name FROM landcover ORDER BY lc_frac_13 DESC LIMIT 2").fetchall()
    assert [t[0] for t in top] == ["东莞市", "深圳市"]

    ntl = tmp_path / "ntl.gpkg"
    rasters = [ROOT / "resources" / "data" / "ntl_sample" / f"ntl_synthetic_{y}.tif" for y in (2010, 2020)]
    qgis_process.run_json("megaregion:nighttimelight", {"INPUT": boundaries, "RASTER": rasters, "OUTPUT": ntl})
    with contextlib.closing(sqlite3.connect(ntl)) as con:
        cols = {r[1] for r in con.execute("PRAGMA table_info(ntl)")}
    assert {"ntl_total_light_2010", "ntl_total_light_2020", "ntl_lit_area_km2_2020", "ntl_status"} <= cols


def test_downloaded_products_from_the_command_line(qgis_process, tmp_path):
    """A folder of monthly files with their cf_cvg twins and a gzip'd VNL file, as downloaded:
    one set of columns per year; a folder mixing two products is refused and writes nothing."""
    import calendar
    import gzip
    import shutil

    import numpy as np
    from osgeo import gdal, osr

    def tif(path, data, gt):
        ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[1], data.shape[0], 1,
                                                  gdal.GDT_Float32 if data.dtype.kind == "f" else gdal.GDT_UInt16)
        ds.SetGeoTransform(gt)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        ds.SetProjection(srs.ExportToWkt())
        ds.GetRasterBand(1).WriteRaster(0, 0, data.shape[1], data.shape[0], data.tobytes())
        ds = None

    gt = (59.99791666665, 0.0041666667, 0.0, 75.00208333335, 0.0, -0.0041666667)
    folder = tmp_path / "monthly"
    folder.mkdir()
    for m in range(1, 13):
        last = calendar.monthrange(2020, m)[1]
        stem = f"SVDNB_npp_2020{m:02d}01-2020{m:02d}{last:02d}_75N060E_vcmslcfg_v10_c2020{m:02d}151200"
        cov = np.full((30, 40), 2, dtype="uint16")
        rad = np.full((30, 40), float(m), dtype="float32")
        if m % 2:
            cov[:] = 0
            rad[:] = 0
        tif(folder / f"{stem}.avg_rade9h.tif", rad, gt)
        tif(folder / f"{stem}.cf_cvg.tif", cov, gt)
    poly = tmp_path / "poly.geojson"
    x0, y0 = gt[0] + 5 * gt[1], gt[3] + 25 * gt[5]
    x1, y1 = gt[0] + 30 * gt[1], gt[3] + 3 * gt[5]
    poly.write_text('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":1},"geometry":'
                    f'{{"type":"Polygon","coordinates":[[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]]}}}}]}}')
    out = tmp_path / "ntl.gpkg"
    qgis_process.run_json("megaregion:nighttimelight", {"INPUT": poly, "RASTER_FOLDER": folder, "PREFIX": "ntl",
                                                        "STATISTICS": "1", "OUTPUT": out})
    with contextlib.closing(sqlite3.connect(out)) as con:
        cols = [r[1] for r in con.execute("PRAGMA table_info(ntl)")]
        mean = con.execute("SELECT ntl_mean_2020 FROM ntl").fetchone()[0]
    assert [c for c in cols if c.startswith("ntl_")] == ["ntl_mean_2020", "ntl_status"]
    assert abs(mean - 7.0) < 1e-6  # the even months only: the odd ones had no observation

    vnl = tmp_path / "VNL_v21_npp_2021_global_vcmslcfg_c202205302300.average_masked.dat.tif"
    tif(vnl, np.full((30, 40), 3.5, dtype="float32"), gt)
    with open(vnl, "rb") as src, gzip.open(str(vnl) + ".gz", "wb") as dst:
        shutil.copyfileobj(src, dst)
    vnl.unlink()
    out2 = tmp_path / "vnl.gpkg"
    qgis_process.run_json("megaregion:nighttimelight", {"INPUT": poly, "RASTER": str(vnl) + ".gz", "STATISTICS": "1",
                                                        "OUTPUT": out2})
    with contextlib.closing(sqlite3.connect(out2)) as con:
        assert con.execute("SELECT ntl_mean_2021 FROM vnl").fetchone()[0] == 3.5

    shutil.copy(str(vnl) + ".gz", folder)
    out3 = tmp_path / "mixed.gpkg"
    proc, _ = qgis_process.run_json("megaregion:nighttimelight", {"INPUT": poly, "RASTER_FOLDER": folder,
                                                                  "OUTPUT": out3}, check=False)
    assert proc.returncode != 0 and "mix products" in proc.stdout + proc.stderr
    assert not out3.exists()
