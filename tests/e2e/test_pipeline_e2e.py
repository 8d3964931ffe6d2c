"""The whole analysis as one model: megaregion:pipeline with its bundled-data defaults, and
the .model3 file run by path with explicit inputs."""
import contextlib
import sqlite3

from _pkg import ROOT
from data_paths import BOUNDARIES, CENSUS, LANDCOVER, NDVI, PIPELINE_OUTPUTS

MODEL = ROOT / "resources" / "models" / "pipeline.model3"
NTL = [ROOT / "resources" / "data" / "ntl_sample" / f"ntl_synthetic_{y}.tif" for y in (2010, 2020)]
OUTPUTS = PIPELINE_OUTPUTS


def _outputs(folder):
    return {k: folder / v for k, v in OUTPUTS.items()}


def _check(folder):
    with contextlib.closing(sqlite3.connect(folder / "prefectures.gpkg")) as con:
        cols = {r[1] for r in con.execute("PRAGMA table_info(prefectures)")}
        n, regions = con.execute(
            "SELECT COUNT(*), COUNT(DISTINCT megaregion_id) FROM prefectures").fetchone()
    assert {"megaregion_id", "role", "popu_2020", "built_frac_13", "ntl_total_light_2010",
            "ntl_total_light_2020", "ndvi_mean_2023", "ntl_status", "ndvi_status"} <= cols
    assert n == 378 and regions == 19
    with contextlib.closing(sqlite3.connect(folder / "unevenness_table.gpkg")) as con:
        rows = con.execute("SELECT COUNT(*), COUNT(DISTINCT indicator) FROM unevenness_table "
                           "WHERE row_type = 'year'").fetchone()
    assert rows == (19 * 12, 7)  # 5 indicators x 2 years + built-up share + NDVI, 19 mega-regions
    with contextlib.closing(sqlite3.connect(folder / "typology.gpkg")) as con:
        typed = con.execute("SELECT COUNT(*), COUNT(DISTINCT type) FROM typology WHERE type IS NOT NULL").fetchone()
        style = con.execute("SELECT styleQML FROM layer_styles WHERE useAsDefault").fetchone()[0]
    assert typed[0] > 150 and typed[1] >= 2
    assert 'type="categorizedSymbol"' in style
    for report in ("unevenness.html", "typology.html", "trend.html"):
        assert (folder / report).stat().st_size > 1000


def test_pipeline_with_defaults_runs_on_the_bundled_data(qgis_process, tmp_path):
    _, result = qgis_process.run_json("megaregion:pipeline", _outputs(tmp_path))
    assert set(OUTPUTS) <= set(result["results"])
    _check(tmp_path)


def test_model_file_runs_by_path(qgis_process, tmp_path):
    params = {
        "BOUNDARIES": BOUNDARIES, "TABLE": CENSUS, "LANDCOVER": LANDCOVER, "NTL_RASTERS": NTL, "NDVI_RASTERS": NDVI,
        "BOUNDARY_SYSTEM": 0, "CODE_FIELD": "adcode", "BOUNDARY_KEY": "adcode", "TABLE_KEY": "city_code",
        "MATCH_BY": 0, "BUILT_CLASS": "13", "NTL_PRODUCT": 0,
        "INDICATORS": "popu,popu_urban,household,ntl_total_light,ntl_lit_area_km2", "YEAR1": 2010, "YEAR2": 2020,
        "EXTRA_INDICATORS": "built_frac_13,ndvi_mean_2023", "K": 0,
    }
    params.update(_outputs(tmp_path))
    qgis_process.run_json(str(MODEL), params)
    _check(tmp_path)
