"""The plugin as a batch user meets it: qgis_process.bin in its own process. The list, the
help of every algorithm, and the prepare-data algorithms run from the command line (the
numbers they write are pinned in process by tests/qgis/test_regression.py; the analysis
steps, the maps and the pipeline have files of their own here)."""
import contextlib
import sqlite3

import pytest

from data_paths import CENSUS

ALGORITHMS = {
    "megaregion:aggregatecounties": ["INPUT", "CODE_FIELD", "PARENT_FIELD", "SUM_FIELDS", "MEAN_FIELDS",
                                     "WEIGHT_FIELD", "YEAR_FIELD", "COUNTY_LEVEL_CITIES", "OUTPUT"],
    "megaregion:joinindicators": ["INPUT", "INPUT_KEY", "TABLE", "TABLE_KEY", "MATCH_BY", "OUTPUT", "UNMATCHED"],
    "megaregion:assignmegaregions": ["INPUT", "KEY", "OUTPUT"],
    "megaregion:gcj02towgs84": ["INPUT", "OUTPUT"],
    # the night-light and NDVI algorithms are zonal statistics with a product preset: their help is
    # made as this one's (their parameters are checked in process, tests/qgis/test_docs.py)
    "megaregion:zonalstatistics": ["INPUT", "RASTER", "STATISTICS", "COVERAGE", "OUTPUT"],
    "megaregion:unevenness": ["INPUT", "INDICATORS", "WEIGHT", "OUTPUT_TABLE", "OUTPUT_REGIONS", "OUTPUT_HTML"],
    "megaregion:typology": ["INPUT", "INDICATORS", "COST_INDICATORS", "K", "OUTPUT", "OUTPUT_CORES",
                            "OUTPUT_PROFILES", "OUTPUT_HTML"],
    "megaregion:trend": ["INPUT", "INDICATORS", "COST_INDICATORS", "K", "OUTPUT", "OUTPUT_CORES", "OUTPUT_PROFILES",
                         "OUTPUT_HTML"],
    "megaregion:rendermaps": ["LAYERS", "BACKGROUND", "CORES", "CORE_LABEL_FIELD", "TITLE", "LANGUAGE", "MAP_EXTENT",
                              "CLEAR_CHANGES_ONLY", "CLARITY_FIELD", "MAP_FIELD", "MAP_CRS", "DPI", "WIDTH_MM", "HEIGHT_MM",
                              "FORMAT", "OUTPUT_FOLDER", "OUTPUT_FILES", "MAP_COUNT"],
    "megaregion:exporttables": ["INPUT", "LANGUAGE", "OUTPUT", "SHEET_COUNT"],
}


def test_list_shows_provider_and_algorithms(qgis_process):
    out = qgis_process("list").stdout
    assert "Mega-region unevenness" in out
    for alg_id in [*ALGORITHMS, "megaregion:nighttimelight", "megaregion:ndvi", "megaregion:pipeline"]:
        assert alg_id in out


@pytest.mark.parametrize("alg_id", sorted(ALGORITHMS))
def test_help_describes_every_parameter(qgis_process, alg_id):
    out = qgis_process("help", alg_id).stdout
    for name in ALGORITHMS[alg_id]:
        assert f"{name}:" in out or f"{name} " in out, f"{name} missing from help of {alg_id}"


def _count(gpkg, table):
    with contextlib.closing(sqlite3.connect(gpkg)) as con:
        return con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def test_run_join_by_code_census(qgis_process, tmp_path, regional_boundaries):
    out = tmp_path / "joined.gpkg"
    unmatched = tmp_path / "unmatched.csv"
    _, result = qgis_process.run_json(
        "megaregion:joinindicators",
        {
            "INPUT": regional_boundaries, "INPUT_KEY": "adcode", "TABLE": CENSUS, "TABLE_KEY": "city_code",
            "MATCH_BY": 0, "OUTPUT": out, "UNMATCHED": unmatched,
        },
    )
    results = result["results"]
    assert out.exists()
    # every regional prefecture matches a census row; the national counts are pinned by the
    # regression record join_census
    assert _count(out, "joined") == results["MATCHED_COUNT"] == 36


def test_rerun_into_the_same_geopackage_layer_replaces_it_and_its_style(qgis_process, tmp_path, regional_boundaries):
    """A second run writing the same GeoPackage layer (as a rerun of the pipeline into the same
    OUTPUT_FOLDER does) replaces the layer and its default style; QGIS 3.22 would otherwise ask
    in a dialog before replacing the stored style, and qgis_process would wait forever. The
    layer then converts to WGS84 feature by feature."""
    gpkg = tmp_path / "results.gpkg"
    uri = f"ogr:dbname='{gpkg}' table=\"assigned\" (geom)"
    counts = []
    for _ in range(2):
        qgis_process("run", "megaregion:assignmegaregions", "--", f"INPUT={regional_boundaries}", "KEY=adcode",
                     f"OUTPUT={uri}", timeout=120)
        counts.append(_count(gpkg, "assigned"))
    assert counts == [38, 38]  # 36 regional prefectures, Handan and Xingtai in two mega-regions
    with contextlib.closing(sqlite3.connect(gpkg)) as con:
        styles = con.execute(
            "SELECT styleName, useAsDefault FROM layer_styles WHERE f_table_name = 'assigned'").fetchall()
        regions, cores = con.execute(
            "SELECT COUNT(DISTINCT megaregion_id), SUM(role = 'core') FROM assigned WHERE megaregion_id IS NOT NULL"
        ).fetchone()
    assert styles == [("megaregion", 1)]
    assert (regions, cores) == (5, 5)  # BTH and PRD with their cores; CPL, BBG and WTS reach in
    wgs = tmp_path / "wgs84.gpkg"
    qgis_process.run_json("megaregion:gcj02towgs84", {"INPUT": f"{gpkg}|layername=assigned", "OUTPUT": wgs})
    assert _count(wgs, "wgs84") == 38
