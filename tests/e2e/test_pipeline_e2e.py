"""The whole analysis as one model through qgis_process: megaregion:pipeline with its
bundled-data defaults and OUTPUT_FOLDER, and the .model3 file run by path with explicit inputs
and outputs named the old way (``step:NAME`` keys are public). Both read the regional
boundaries (tests/conftest.py) without the resampling: the pipeline's numbers on its defaults
are pinned in process by its regression record."""
import contextlib
import sqlite3

from _pkg import ROOT
from data_paths import CENSUS, LANDCOVER, NDVI, PIPELINE_OUTPUTS

MODEL = ROOT / "resources" / "models" / "pipeline.model3"
NTL = [ROOT / "resources" / "data" / "ntl_sample" / f"ntl_synthetic_{y}.tif" for y in (2010, 2020)]
OUTPUTS = PIPELINE_OUTPUTS
# intervals, p-values and type stability are checked in process (tests/qgis); here they would
# only make the runs slower
NO_RESAMPLING = {"BOOTSTRAP": 0, "PERMUTATIONS": 0, "STABILITY_RESAMPLES": 0}


def _outputs(folder):
    return {k: folder / v for k, v in OUTPUTS.items()}


def _check(folder):
    """The outputs of a run on the regional boundaries (tests/conftest.py): 36 prefectures, two
    of them in two of the 5 mega-regions there."""
    with contextlib.closing(sqlite3.connect(folder / "prefectures.gpkg")) as con:
        cols = {r[1] for r in con.execute("PRAGMA table_info(prefectures)")}
        n, regions = con.execute(
            "SELECT COUNT(*), COUNT(DISTINCT megaregion_id) FROM prefectures").fetchone()
    assert {"megaregion_id", "role", "popu_2020", "built_frac_13", "ntl_total_light_2010",
            "ntl_total_light_2020", "ndvi_mean_2023", "ntl_status", "ndvi_status"} <= cols
    assert n == 38 and regions == 5
    with contextlib.closing(sqlite3.connect(folder / "unevenness_table.gpkg")) as con:
        rows = con.execute("SELECT COUNT(*), COUNT(DISTINCT indicator) FROM unevenness_table "
                           "WHERE row_type = 'year'").fetchone()
    assert rows == (5 * 12, 7)  # 5 indicators x 2 years + built-up share + NDVI, 5 mega-regions
    with contextlib.closing(sqlite3.connect(folder / "typology.gpkg")) as con:
        typed = con.execute("SELECT COUNT(*), COUNT(DISTINCT type) FROM typology WHERE type IS NOT NULL").fetchone()
        style = con.execute("SELECT styleQML FROM layer_styles WHERE useAsDefault").fetchone()[0]
    assert typed[0] > 10 and typed[1] >= 2
    assert 'type="categorizedSymbol"' in style
    for report in ("unevenness.html", "typology.html", "trend.html"):
        assert (folder / report).stat().st_size > 1000


# what OUTPUT_FOLDER holds: the GeoPackage's layers, the reports and the maps
FOLDER_LAYERS = {"prefectures", "unmatched_table_rows", "unevenness_megaregions", "unevenness_table",
                 "typology_secondary_cities", "typology_core_cities", "typology_profiles",
                 "trend_secondary_cities", "trend_core_cities", "trend_profiles", "spatial_secondary_cities",
                 "spatial_relations_table"}
STYLED = {"prefectures", "unevenness_megaregions", "typology_secondary_cities", "typology_core_cities",
          "trend_secondary_cities", "trend_core_cities", "spatial_secondary_cities"}
REPORTS = ("unevenness_report.html", "typology_report.html", "trend_report.html", "spatial_report.html")
MAP_NAMES = ("unevenness_megaregions", "typology_secondary_cities", "trend_secondary_cities",
             "spatial_secondary_cities")
MAPS = tuple(f"{m}.png" for m in MAP_NAMES)
PDF_MAPS = tuple(f"{m}.pdf" for m in MAP_NAMES)


def test_output_folder_writes_the_geopackage_reports_and_maps(qgis_process, tmp_path, regional_boundaries):
    """OUTPUT_FOLDER and the regional BOUNDARIES given, every other input left out: the provider
    fills in the bundled defaults (QGIS 3.22 does not hand a model input's default on)."""
    folder = tmp_path / "results" / "run 1"  # created by the run, parents included
    _, result = qgis_process.run_json("megaregion:pipeline",
                                      {"OUTPUT_FOLDER": folder, "BOUNDARIES": regional_boundaries, **NO_RESAMPLING})
    results = result["results"]
    assert results["OUTPUT_FOLDER"] == str(folder)
    assert results["typology:CITIES"] == f"{folder / 'megaregion.gpkg'}|layername=typology_secondary_cities"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["maps", "megaregion.gpkg", "megaregion_tables.xlsx", *REPORTS])
    assert results["WORKBOOK"] == str(folder / "megaregion_tables.xlsx")
    assert (folder / "megaregion_tables.xlsx").read_bytes()[:2] == b"PK"  # a zip: the xlsx container
    gpkg = folder / "megaregion.gpkg"
    with contextlib.closing(sqlite3.connect(gpkg)) as con:
        layers = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")} - {"layer_styles"}
        styled = {r[0] for r in con.execute("SELECT f_table_name FROM layer_styles WHERE useAsDefault")}
        cols = {r[1] for r in con.execute("PRAGMA table_info(prefectures)")}
        n, regions = con.execute(
            "SELECT COUNT(*), COUNT(DISTINCT megaregion_id) FROM prefectures").fetchone()
        indicators = {r[0] for r in con.execute(
            "SELECT DISTINCT indicator FROM unevenness_table WHERE row_type = 'year'")}
        rows = con.execute("SELECT COUNT(*) FROM unevenness_table WHERE row_type = 'year'").fetchone()[0]
        typed = con.execute("SELECT COUNT(*), COUNT(DISTINCT type) FROM typology_secondary_cities "
                            "WHERE type IS NOT NULL").fetchone()
    assert layers == FOLDER_LAYERS
    assert styled == STYLED
    assert {"megaregion_id", "role", "popu_2020", "age_65_2020", "built_frac_13", "ntl_total_light_2010",
            "ntl_total_light_2020", "ndvi_mean_2023", "ntl_status", "ndvi_status"} <= cols
    assert n == 38 and regions == 5
    # the default indicators: benefit ones and the declared cost age_65; no household size
    assert indicators == {"popu", "popu_urban", "age_15_59", "age_65", "ntl_total_light", "ntl_lit_area_km2",
                          "built_frac_13", "ndvi_mean"}
    assert rows == 5 * (6 * 2 + 2)  # 6 indicators in 2 years + built-up share + NDVI, 5 mega-regions
    assert typed[0] > 10 and typed[1] >= 2
    for report in REPORTS:
        assert (folder / report).read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    for png in MAPS:
        assert (folder / "maps" / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for pdf in PDF_MAPS:
        assert (folder / "maps" / pdf).read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in (folder / "maps").iterdir()) == sorted(MAPS + PDF_MAPS)


def test_model_file_runs_by_path(qgis_process, tmp_path, regional_boundaries):
    params = {
        "BOUNDARIES": regional_boundaries, "TABLE": CENSUS, "LANDCOVER": LANDCOVER, "NTL_RASTERS": NTL,
        "NDVI_RASTERS": NDVI,
        "BOUNDARY_SYSTEM": 0, "CODE_FIELD": "adcode", "BOUNDARY_KEY": "adcode", "TABLE_KEY": "city_code",
        "MATCH_BY": 0, "BUILT_CLASS": "13", "NTL_PRODUCT": 0,
        "INDICATORS": "popu,popu_urban,age_15_59,ntl_total_light,ntl_lit_area_km2", "YEAR1": 2010, "YEAR2": 2020,
        "EXTRA_INDICATORS": "built_frac_13,ndvi_mean_2023", "K": 0, "COST_INDICATORS": "",
        "MEMBERSHIP_SET": 0, "HEADLINE": 0, "CORE_REFERENCE": 0, "POOL": 0, "WEIGHTING": 0, "YEAR_POOL": 0,
        "K_MAX": 8, "SEED": 0, "N_INIT": 50, **NO_RESAMPLING,
    }
    params.update(_outputs(tmp_path))
    qgis_process.run_json(str(MODEL), params)
    _check(tmp_path)
