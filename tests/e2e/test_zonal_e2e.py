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
