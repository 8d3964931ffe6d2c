"""The shipped model megaregion:pipeline as QGIS shows it: valid by QGIS's own validation,
inputs and outputs in the order of the analysis, listed first in the toolbox, outputs named
after what they are, OUTPUT_FOLDER checked like every destination."""
import pytest
from _pkg import ROOT
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingModelAlgorithm,
)

MODEL_FILE = ROOT / "resources" / "models" / "pipeline.model3"
#: A run whose test checks neither intervals, p-values nor type stability leaves the
#: resampling out, and a run whose test checks no national number reads the regional
#: boundaries (tests/conftest.py): the pipeline's numbers on its defaults are pinned by its
#: regression record.
NO_RESAMPLING = {"BOOTSTRAP": 0, "PERMUTATIONS": 0, "STABILITY_RESAMPLES": 0}

PLANNER_INPUTS = [
    "COUNTIES",
    "BOUNDARIES", "BOUNDARY_SYSTEM", "TABLE", "MATCH_BY", "TABLE_KEY", "BOUNDARY_KEY", "MEMBERSHIP_SET",
    "INDICATORS", "COST_INDICATORS", "NEUTRAL_INDICATORS", "YEARS", "EXTRA_INDICATORS", "LANDCOVER", "NTL_RASTERS",
    "NTL_FOLDER", "NTL_PRODUCT", "NDVI_RASTERS", "NDVI_FOLDER", "K",
]
ADVANCED_INPUTS = ["COUNTY_CODE_FIELD", "COUNTY_PARENT_FIELD",
                   "CODE_FIELD", "BUILT_CLASS", "HEADLINE", "CORE_REFERENCE", "POOL", "WEIGHTING", "YEAR_POOL", "YEAR1", "YEAR2",
                   "K_MAX", "N_INIT", "STABILITY_RESAMPLES", "BOOTSTRAP", "CONFIDENCE", "PERMUTATIONS", "SEED",
                   "MAP_LANGUAGE", "MAP_FORMAT"]
OUTPUTS = [
    "OUTPUT_FOLDER", "ndvi:PREFECTURES", "join:UNMATCHED", "unevenness:REGIONS", "unevenness:TABLE",
    "unevenness:REPORT", "typology:CITIES", "typology:CORES", "typology:PROFILES", "typology:REPORT",
    "trend:CITIES", "trend:CORES", "trend:PROFILES", "trend:REPORT", "spatial:CITIES", "spatial:TABLE",
    "spatial:REPORT",
]


def _flags():
    from megaregion.processing import compat, models

    return compat.PARAMETER_ADVANCED, models._OPTIONAL


def pipeline():
    return QgsApplication.processingRegistry().createAlgorithmById("megaregion:pipeline")


@pytest.mark.parametrize("source", ["file", "provider"])
def test_model_passes_qgis_validation(source):
    """What the Model Builder checks before it runs a model (red steps, 'This model is not
    valid'): every required setting of every step is set."""
    if source == "file":
        model = QgsProcessingModelAlgorithm()
        assert model.fromFile(str(MODEL_FILE))
    else:
        model = pipeline()
    assert len(model.childAlgorithms()) == 11
    ok, issues = model.validate()
    assert issues == [] and ok
    for child_id in model.childAlgorithms():
        ok, issues = model.validateChildAlgorithm(child_id)
        assert ok and issues == [], child_id


def test_inputs_and_outputs_in_the_order_of_the_analysis():
    model = pipeline()
    definitions = model.parameterDefinitions()
    inputs = [d.name() for d in definitions if not d.isDestination()]
    advanced_flag, optional_flag = _flags()
    advanced = [d.name() for d in definitions if d.flags() & advanced_flag]
    assert inputs == PLANNER_INPUTS + ADVANCED_INPUTS
    assert advanced == ADVANCED_INPUTS
    assert [d.name() for d in definitions if d.isDestination()] == OUTPUTS
    assert [o.name() for o in model.outputDefinitions()] == OUTPUTS
    # every output may be left out; the descriptions (the names layers load under) differ
    assert all(model.parameterDefinition(n).flags() & optional_flag for n in OUTPUTS)
    descriptions = [model.parameterDefinition(n).description() for n in OUTPUTS]
    assert len(set(descriptions)) == len(descriptions)
    assert descriptions[OUTPUTS.index("typology:CITIES")] == "Secondary cities by type"
    assert descriptions[OUTPUTS.index("trend:CITIES")] == "Secondary cities by trend"
    assert descriptions[OUTPUTS.index("unevenness:REGIONS")] == "Unevenness per mega-region"
    built = model.parameterDefinition("BUILT_CLASS").description()
    assert "13 = urban and built-up" in built and "IGBP" in built
    assert "household" not in model.parameterDefinition("INDICATORS").defaultValue()


def test_listed_first_in_the_toolbox_with_one_group_per_name():
    from qgis.gui import QgsProcessingToolboxProxyModel

    proxy = QgsProcessingToolboxProxyModel(None, QgsApplication.processingRegistry())
    proxy.sort(0)
    provider = next(proxy.index(r, 0) for r in range(proxy.rowCount())
                    if proxy.index(r, 0).data() == "Mega-region unevenness")
    rows = [proxy.index(r, 0, provider).data() for r in range(proxy.rowCount(provider))]
    assert rows == ["Mega-region analysis (whole pipeline)", "1 Prepare data", "2 Analyse", "3 Report"]
    groups = {}
    for alg in QgsApplication.processingRegistry().providerById("megaregion").algorithms():
        groups.setdefault(alg.group(), set()).add(alg.groupId())
    assert all(len(ids) == 1 for ids in groups.values()), groups


def test_output_folder_is_checked_before_any_step(tmp_path):
    model = pipeline()
    a_file = tmp_path / "a file"
    a_file.write_text("x")
    ok, message = model.checkParameterValues({"OUTPUT_FOLDER": str(a_file / "results")}, QgsProcessingContext())
    assert not ok and "OUTPUT_FOLDER" in message and "is a file, not a folder" in message


def test_output_folder_naming_an_input_layer_is_refused(tmp_path):
    """OUTPUT_FOLDER's GeoPackage is checked as an implied output, before the named ones: it may
    not be the GeoPackage a layer input reads (whichever layer: a new layer changes the file)."""
    import shutil

    from data_paths import BOUNDARIES

    from megaregion.processing.models import GEOPACKAGE

    boundaries = tmp_path / GEOPACKAGE
    from osgeo import gdal

    gdal.VectorTranslate(str(boundaries), str(BOUNDARIES), format="GPKG", layerName="prefectures")
    shutil.copy(boundaries, tmp_path / "copy.gpkg")
    ok, message = pipeline().checkParameterValues(
        {"OUTPUT_FOLDER": str(tmp_path), "BOUNDARIES": f"{boundaries}|layername=prefectures"}, QgsProcessingContext())
    assert not ok
    assert message.startswith("OUTPUT_FOLDER would write the layers prefectures, unmatched_table_rows")
    assert f"into {boundaries}, which is BOUNDARIES ({boundaries}, layer prefectures)" in message


LOADED = ["ndvi:PREFECTURES", "unevenness:REGIONS", "typology:CITIES", "typology:CORES", "trend:CITIES",
          "trend:CORES"]


def run_as_the_dialog(params):
    """The pipeline run as the dialog runs it, the LOADED outputs as temporary layers it is
    to open: (results, the names of the layers it opens by layer id)."""
    from qgis.core import QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsProject, QgsProcessingUtils

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    params = dict(params, **{k: QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", QgsProject.instance())
                             for k in LOADED})
    results, ok = pipeline().run(params, context, QgsProcessingFeedback())
    assert ok
    loaded = {}
    for layer_id, details in context.layersToLoadOnCompletion().items():
        layer = QgsProcessingUtils.mapLayerFromString(layer_id, context)
        assert layer is not None and layer.isValid(), layer_id  # nothing the dialog would call 'not generated'
        loaded[layer_id] = details.name
    return results, loaded


@pytest.fixture(scope="module")
def folder_run(tmp_path_factory, regional_boundaries):
    """One dialog run into an OUTPUT_FOLDER with household (average household size) declared
    neutral and COST_INDICATORS given empty, shared by the tests of what such a run writes."""
    folder = tmp_path_factory.mktemp("pipeline") / "results"
    params = {"OUTPUT_FOLDER": str(folder), "BOUNDARIES": str(regional_boundaries), "INDICATORS": "popu,household",
              "COST_INDICATORS": "", "NEUTRAL_INDICATORS": "household", "EXTRA_INDICATORS": "", **NO_RESAMPLING}
    results, loaded = run_as_the_dialog(params)
    return folder, results, loaded


def _check_loaded_names(results, loaded):
    model = pipeline()
    assert sorted(loaded.values()) == sorted(model.parameterDefinition(k).description() for k in LOADED)
    assert loaded[results["typology:CITIES"]] == "Secondary cities by type"
    assert loaded[results["trend:CORES"]] == "Core cities with their performance and trend"


def test_loaded_layers_are_named_after_their_output(regional_boundaries):
    """The dialog loads the outputs it was asked to: each once, under its model output's
    description, not the step's output name (CITIES, CORES twice)."""
    _check_loaded_names(*run_as_the_dialog({"BOUNDARIES": str(regional_boundaries), **NO_RESAMPLING}))


def test_loaded_layers_of_a_run_with_an_output_folder_open_from_its_geopackage(folder_run):
    """With an output folder the dialog's temporary layers are written into its GeoPackage
    and open from there, named as without it; the maps are drawn."""
    folder, results, loaded = folder_run
    _check_loaded_names(results, loaded)
    gpkg = folder / "megaregion.gpkg"
    assert results["typology:CITIES"] == f"{gpkg}|layername=typology_secondary_cities"
    assert (folder / "maps" / "typology_secondary_cities.png").is_file()


def _tree(folder):
    import os

    out = []
    for root, dirs, files in os.walk(folder):
        out += [os.path.relpath(os.path.join(root, n), folder) for n in dirs + files]
    return sorted(out)


def test_output_folder_of_a_run_that_fails_half_way_is_removed(tmp_path, regional_boundaries):
    """The NDVI raster is damaged in the middle: the run stops at the step that reads it,
    after megaregion.gpkg was written in the folder the run created; nothing is left."""
    from bad_input_cases import broken_in_the_middle
    from data_paths import NDVI
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    broken = broken_in_the_middle(NDVI, tmp_path / "broken.tif")
    folder = tmp_path / "results" / "run"
    seen = []
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _p: seen.append(_tree(tmp_path / "results")))
    model = pipeline()
    with pytest.raises(QgsProcessingException) as caught:
        model.run({"OUTPUT_FOLDER": str(folder), "BOUNDARIES": str(regional_boundaries), "NDVI_RASTERS": [str(broken)]},
                  QgsProcessingContext(), feedback, catchExceptions=False)
    assert "Traceback" not in str(caught.value)
    assert any("run/megaregion.gpkg" in s for s in seen)  # written, then removed again
    assert not (tmp_path / "results").exists()


def test_cancel_while_the_maps_are_written_leaves_the_folder_as_it_was(tmp_path, regional_boundaries):
    """Cancelled once the first PNG is on disk (the last step): the GeoPackage, the reports
    and the maps go; what the folder held before stays."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    folder = tmp_path / "results"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    feedback = QgsProcessingFeedback()
    seen = []

    def cancel_once_a_map_is_there(_progress):
        if not feedback.isCanceled() and any(p.endswith(".png") for p in _tree(folder)):
            seen.append(_tree(folder))
            feedback.cancel()

    feedback.progressChanged.connect(cancel_once_a_map_is_there)
    with pytest.raises(QgsProcessingException, match="Cancel|Maps of the results"):
        pipeline().run({"OUTPUT_FOLDER": str(folder), "BOUNDARIES": str(regional_boundaries), **NO_RESAMPLING},
                       QgsProcessingContext(), feedback, catchExceptions=False)
    assert seen and "megaregion.gpkg" in seen[0] and "unevenness_report.html" in seen[0]
    assert _tree(folder) == ["notes.txt"]


def test_the_dialogs_default_output_folder_is_a_new_temporary_folder():
    """The dialog's '[Save to temporary folder]' is a folder of QGIS's temporary directory,
    not a folder named TEMPORARY_OUTPUT wherever QGIS runs."""
    import os

    from qgis.core import QgsProcessingUtils

    folder = pipeline()._folder({"OUTPUT_FOLDER": "TEMPORARY_OUTPUT"}, QgsProcessingContext())
    assert os.path.isabs(folder) and "TEMPORARY_OUTPUT" not in folder
    assert folder.startswith(QgsProcessingUtils.tempFolder())
    assert pipeline()._folder({}, QgsProcessingContext()) is None


def test_neutral_indicator_is_measured_but_not_typed_and_empty_text_is_a_value(folder_run):
    """household (average household size) declared neutral: its unevenness is in the table,
    the typology has no performance or gap for it. COST_INDICATORS given empty means no cost
    indicator (not the default age_65, which is not among these INDICATORS)."""
    import contextlib
    import sqlite3

    folder, _, _ = folder_run
    with contextlib.closing(sqlite3.connect(folder / "megaregion.gpkg")) as con:
        measured = {r[0] for r in con.execute("SELECT DISTINCT indicator FROM unevenness_table")}
        typed = {r[1] for r in con.execute("PRAGMA table_info(typology_secondary_cities)")}
        trend = {r[1] for r in con.execute("PRAGMA table_info(trend_secondary_cities)")}
    assert measured == {"popu", "household"}
    assert {"gap_popu_2020", "perf_popu_2020"} <= typed
    assert not any("household" in c for c in typed | trend)


def test_the_pipeline_starts_from_county_level_boundaries(tmp_path, regional_boundaries):
    """COUNTIES: county-level polygons made into prefecture-level units by
    megaregion:aggregatecounties before the first step. Each regional prefecture given as one
    county (石家庄 as 130101, Beijing as 110101, Hong Kong as 810001) must give the very
    prefectures, and the same numbers, as the run on the prefectures themselves."""
    import json

    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer

    data = json.loads(regional_boundaries.read_text(encoding="utf-8"))
    for feature in data["features"]:
        feature["properties"] = {"adcode": str(int(feature["properties"]["adcode"]) + 1),
                                 "name": feature["properties"]["name"]}
    counties = tmp_path / "counties.geojson"
    counties.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    common = {"INDICATORS": "popu", "COST_INDICATORS": "", "EXTRA_INDICATORS": "", **NO_RESAMPLING}
    rows = {}
    for name, params in (("boundaries", {"BOUNDARIES": str(regional_boundaries)}),
                         ("counties", {"COUNTIES": [str(counties)], "BOUNDARIES": str(tmp_path / "not_read.gpkg")})):
        out = tmp_path / f"{name}.gpkg"
        results, ok = pipeline().run({**common, **params, "ndvi:PREFECTURES": str(out)}, QgsProcessingContext(),
                                     QgsProcessingFeedback())
        assert ok
        layer = QgsVectorLayer(results["ndvi:PREFECTURES"])
        rows[name] = {f["adcode"]: (f["popu_2020"], f["ntl_total_light_2020"], f["role"])
                      for f in layer.getFeatures()}
    assert len(rows["counties"]) == len(rows["boundaries"]) > 30
    assert sorted(rows["counties"]) == sorted(rows["boundaries"])
    for code, (popu, light, role) in rows["boundaries"].items():
        assert rows["counties"][code][0] == popu, code
        assert rows["counties"][code][1] == pytest.approx(light, rel=1e-12), code
        assert rows["counties"][code][2] == role, code


# ------------------------------------------------------------------ years, spatial step, workbook, PDF maps

@pytest.fixture(scope="module")
def three_years(tmp_path_factory, regional_boundaries):
    """One run into an OUTPUT_FOLDER over three years, YEARS left empty: the census table with a
    2015 column of population (its 2010-2020 mean, plus 1 %) and the night-light samples with a
    2015 raster between them (0.4 x 2010 + 0.6 x 2020). Shared by the tests of the years, the
    spatial step, the workbook and the maps."""
    import csv

    from data_paths import CENSUS
    from osgeo import gdal

    from megaregion.processing import models

    base = tmp_path_factory.mktemp("three_years")
    with open(CENSUS, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    table = base / "census_2010_2015_2020.csv"
    with open(table, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) + ["popu_2015"])
        writer.writeheader()
        for row in rows:
            both = [row["popu_2010"], row["popu_2020"]]
            row["popu_2015"] = "" if "" in both else repr((float(both[0]) + float(both[1])) / 2 * 1.01)
            writer.writerow(row)
    rasters = []
    for year in (2010, 2020):
        rasters.append(base / f"ntl_{year}.tif")
        gdal.Translate(str(rasters[-1]), str(models.DATA_DIR + f"/ntl_sample/ntl_synthetic_{year}.tif"))
    first, last = (gdal.Open(str(r)) for r in rasters)
    middle = gdal.GetDriverByName("GTiff").CreateCopy(str(base / "ntl_2015.tif"), first)
    middle.GetRasterBand(1).WriteArray(first.ReadAsArray() * 0.4 + last.ReadAsArray() * 0.6)
    middle = first = last = None
    rasters.insert(1, base / "ntl_2015.tif")
    folder = base / "results"
    messages = []

    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            messages.append(info)
            super().pushInfo(info)

    results, ok = pipeline().run(
        {"OUTPUT_FOLDER": str(folder), "BOUNDARIES": str(regional_boundaries), "TABLE": str(table),
         "NTL_RASTERS": [str(r) for r in rasters], "INDICATORS": "popu,ntl_total_light", "COST_INDICATORS": "",
         "EXTRA_INDICATORS": "", **NO_RESAMPLING}, QgsProcessingContext(), Feedback())
    assert ok
    return folder, results, messages


def _rows(gpkg, sql):
    import contextlib
    import sqlite3

    with contextlib.closing(sqlite3.connect(gpkg)) as con:
        return con.execute(sql).fetchall()


def test_years_left_empty_are_every_year_the_table_and_rasters_have(three_years):
    """Three years in the table (popu) and the rasters (ntl_total_light): the trend runs over all
    three, with each secondary city's trajectory, and the unevenness adds its sigma and beta rows;
    the typology is of the last year."""
    folder, _, messages = three_years
    assert "YEARS left empty: the years every indicator has, 2010, 2015, 2020." in messages
    gpkg = folder / "megaregion.gpkg"
    trend = {r[1] for r in _rows(gpkg, "PRAGMA table_info(trend_secondary_cities)")}
    for name in ("popu", "ntl_total_light"):
        assert {f"slope_{name}", f"mk_p_{name}", f"trajectory_{name}", f"perf_{name}_2015"} <= trend
    verdicts = {r[0] for r in _rows(gpkg, "SELECT DISTINCT trajectory_popu FROM trend_secondary_cities")}
    assert verdicts and verdicts <= {"catching_up", "falling_behind", "no_clear_trend", None}
    kinds = dict(_rows(gpkg, "SELECT row_type, COUNT(*) FROM unevenness_table GROUP BY row_type"))
    assert kinds["year"] == 5 * 2 * 3 and kinds["sigma"] > 0 and kinds["beta"] == 5 * 2
    typed = {r[1] for r in _rows(gpkg, "PRAGMA table_info(typology_secondary_cities)")}
    assert {"gap_popu_2020", "gap_ntl_total_light_2020"} <= typed and not any("2015" in c for c in typed)


def test_output_folder_holds_the_spatial_layers_report_workbook_and_pdf_maps(three_years):
    folder, results, _ = three_years
    gpkg = folder / "megaregion.gpkg"
    layers = {r[0] for r in _rows(gpkg, "SELECT table_name FROM gpkg_contents")}
    assert {"spatial_secondary_cities", "spatial_relations_table"} <= layers
    assert results["spatial:CITIES"] == f"{gpkg}|layername=spatial_secondary_cities"
    cities = {r[1] for r in _rows(gpkg, "PRAGMA table_info(spatial_secondary_cities)")}
    assert {"dist_core_km", "nearest_core", "lisa_popu_2020", "lisa_ntl_total_light_2020"} <= cities
    # the spatial step reads the typology's secondary cities: the same cities
    assert _rows(gpkg, "SELECT COUNT(*) FROM spatial_secondary_cities") == \
        _rows(gpkg, "SELECT COUNT(*) FROM typology_secondary_cities")
    assert (folder / "spatial_report.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    maps = sorted(p.name for p in (folder / "maps").iterdir())
    stems = ("unevenness_megaregions", "typology_secondary_cities", "trend_secondary_cities",
             "spatial_secondary_cities")
    assert maps == sorted(f"{s}.{e}" for s in stems for e in ("png", "pdf"))
    for stem in stems:
        assert (folder / "maps" / f"{stem}.pdf").read_bytes()[:5] == b"%PDF-"
    assert results["WORKBOOK"] == str(folder / "megaregion_tables.xlsx")


def test_workbook_numbers_are_the_geopackages(three_years):
    """megaregion_tables.xlsx opens in openpyxl; its unevenness sheet holds the GeoPackage's
    numbers, row by row, and its first sheet the run's settings (the years found)."""
    openpyxl = pytest.importorskip("openpyxl")
    folder, _, _ = three_years
    book = openpyxl.load_workbook(folder / "megaregion_tables.xlsx", read_only=True)
    contents = [row for row in book[book.sheetnames[0]].iter_rows(values_only=True)]
    assert ("YEARS", "2010,2015,2020") in [tuple(r[:2]) for r in contents]
    assert ("INDICATORS", "popu,ntl_total_light") in [tuple(r[:2]) for r in contents]
    sheet = next(book[n] for n in book.sheetnames
                 if any(r[4] == "unevenness_table" for r in contents if r and len(r) > 4 and r[0] == n))
    rows = list(sheet.iter_rows(values_only=True))
    codes = list(rows[1])
    data = rows[2:]
    gpkg = folder / "megaregion.gpkg"
    expected = _rows(gpkg, "SELECT megaregion, row_type, field, theil, gini FROM unevenness_table ORDER BY fid")
    assert len(data) == len(expected) > 0
    got = [(r[codes.index("megaregion")], r[codes.index("row_type")], r[codes.index("field")],
            r[codes.index("theil")], r[codes.index("gini")]) for r in data]
    assert got == expected
    assert sum(isinstance(r[3], float) for r in got) >= 20  # not a table of NULLs


def test_years_and_a_year_pair_together_are_refused(tmp_path, regional_boundaries):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    with pytest.raises(QgsProcessingException) as caught:
        pipeline().run({"BOUNDARIES": str(regional_boundaries), "YEARS": "2010, 2020", "YEAR1": 2010, "YEAR2": 2020,
                        "ndvi:PREFECTURES": str(tmp_path / "p.gpkg")},
                       QgsProcessingContext(), QgsProcessingFeedback(), catchExceptions=False)
    assert "YEARS (2010, 2020) and YEAR1/YEAR2 (2010, 2020) are both set" in str(caught.value)
    assert not (tmp_path / "p.gpkg").exists()


def test_years_left_empty_need_two_years_every_indicator_has(tmp_path, regional_boundaries):
    """Night lights of 2010 only: popu has 2010 and 2020, ntl_total_light 2010; the message
    names each indicator's years, and nothing is written."""
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from megaregion.processing import models

    with pytest.raises(QgsProcessingException) as caught:
        pipeline().run({"BOUNDARIES": str(regional_boundaries), "INDICATORS": "popu,ntl_total_light",
                        "NTL_RASTERS": [models.DATA_DIR + "/ntl_sample/ntl_synthetic_2010.tif"],
                        "ndvi:PREFECTURES": str(tmp_path / "p.gpkg")},
                       QgsProcessingContext(), QgsProcessingFeedback(), catchExceptions=False)
    message = str(caught.value)
    assert "YEARS is empty and the indicators have 1 year(s) in common (2010)" in message
    assert "popu: 2010, 2020 (TABLE); ntl_total_light: 2010 (NTL_RASTERS)" in message
    assert not (tmp_path / "p.gpkg").exists()


def test_a_folder_of_night_light_files_replaces_the_rasters(tmp_path, regional_boundaries, folder_run):
    """NTL_FOLDER holding the two night-light samples: the rasters left out are not read besides
    it (not the bundled samples twice), its years (2010, 2020, from the names) are the default
    YEARS, and every prefecture's night-light fields equal those of the run on the rasters."""
    import shutil

    from qgis.core import QgsProcessingFeedback

    from megaregion.processing import models

    downloads = tmp_path / "viirs"
    downloads.mkdir()
    for year in (2010, 2020):
        shutil.copy(models.DATA_DIR + f"/ntl_sample/ntl_synthetic_{year}.tif", downloads / f"ntl_{year}.tif")
    out = tmp_path / "prefectures.gpkg"
    results, ok = pipeline().run(
        {"BOUNDARIES": str(regional_boundaries), "NTL_FOLDER": str(downloads), "INDICATORS": "popu,household",
         "COST_INDICATORS": "", "NEUTRAL_INDICATORS": "household", "EXTRA_INDICATORS": "", **NO_RESAMPLING,
         "ndvi:PREFECTURES": str(out)}, QgsProcessingContext(), QgsProcessingFeedback())
    assert ok
    fields = ("ntl_total_light_2010", "ntl_lit_area_km2_2010", "ntl_total_light_2020", "ntl_lit_area_km2_2020")
    sql = "SELECT adcode, megaregion_id, " + ", ".join(fields) + " FROM {} ORDER BY adcode, megaregion_id"
    from_folder = _rows(out, sql.format("prefectures"))
    from_rasters = _rows(folder_run[0] / "megaregion.gpkg", sql.format("prefectures"))
    assert len(from_folder) == 38 and from_folder == from_rasters
    assert sum(r[2] for r in from_folder if r[2] is not None) > 0


def test_year1_and_year2_of_a_saved_model_give_the_run_of_the_years_found(tmp_path, regional_boundaries,
                                                                           folder_run):
    """YEAR1 = 2010 and YEAR2 = 2020, as saved models and scripts give them: the same trend types
    and unevenness rows as the run whose YEARS were found (2010, 2020 in the bundled data)."""
    from qgis.core import QgsProcessingFeedback

    out = {"trend:CITIES": str(tmp_path / "trend.gpkg"), "unevenness:TABLE": str(tmp_path / "unevenness.gpkg")}
    results, ok = pipeline().run(
        {"BOUNDARIES": str(regional_boundaries), "INDICATORS": "popu,household", "COST_INDICATORS": "",
         "NEUTRAL_INDICATORS": "household", "EXTRA_INDICATORS": "", "YEAR1": 2010, "YEAR2": 2020, **NO_RESAMPLING,
         **out}, QgsProcessingContext(), QgsProcessingFeedback())
    assert ok
    gpkg = folder_run[0] / "megaregion.gpkg"
    types = "SELECT adcode, megaregion_id, type, trend_popu FROM {} ORDER BY adcode, megaregion_id"
    assert _rows(tmp_path / "trend.gpkg", types.format("trend")) == _rows(gpkg, types.format("trend_secondary_cities"))
    rows = "SELECT megaregion, row_type, field, theil, gini FROM {} ORDER BY megaregion, row_type, field"
    assert _rows(tmp_path / "unevenness.gpkg", rows.format("unevenness")) == \
        _rows(gpkg, rows.format("unevenness_table"))
    assert len(_rows(gpkg, rows.format("unevenness_table"))) > 20


def test_the_workbook_speaks_the_interfaces_language(tmp_path, regional_boundaries):
    """Under a Chinese interface the pipeline's megaregion_tables.xlsx has Chinese sheet names and
    headers (as 'Export result tables to Excel' writes them) and the run's settings."""
    openpyxl = pytest.importorskip("openpyxl")
    from qgis.core import QgsProcessingFeedback
    from test_translation_qgis import mt

    from megaregion.processing import i18n

    if mt.lrelease_path() is None:
        pytest.fail("lrelease not found: install qttools5-dev-tools (Debian) to build the translation")
    qm = mt.compile_qm(mt.TS_PATH, tmp_path / "megaregion_zh_CN.qm")
    i18n.remove_translator()
    assert i18n.install_translator(path=str(qm))
    try:
        folder = tmp_path / "结果"
        results, ok = pipeline().run(
            {"OUTPUT_FOLDER": str(folder), "BOUNDARIES": str(regional_boundaries), "INDICATORS": "popu",
             "COST_INDICATORS": "", "EXTRA_INDICATORS": "", "MAP_FORMAT": [0], **NO_RESAMPLING},
            QgsProcessingContext(), QgsProcessingFeedback())
    finally:
        i18n.remove_translator()
    assert ok
    book = openpyxl.load_workbook(results["WORKBOOK"], read_only=True)
    assert book.sheetnames[:2] == ["目录", "不均衡测度"]
    heads = dict(zip([c.value for c in next(book["不均衡测度"].iter_rows(min_row=2, max_row=2))],
                     [c.value for c in next(book["不均衡测度"].iter_rows(min_row=1, max_row=1))]))
    assert heads["theil_between"] == "泰尔指数组间差异"
    settings = {r[0]: r[1] for r in book["目录"].iter_rows(values_only=True) if r and r[0]}
    assert settings["YEARS"] == "2010,2020" and settings["语言"] == "中文"
    assert sorted(p.suffix for p in (folder / "maps").iterdir()) == [".png"] * 4  # MAP_FORMAT: PNG only


def test_a_saved_model_that_embeds_the_pipeline_stays_valid():
    """A model saved before YEARS, the raster folders and the map formats existed sets every
    other input of the pipeline (the Model Builder stores them all, YEAR1 and YEAR2 among them):
    it still validates, since every input added since is optional."""
    from qgis.core import QgsProcessingModelChildAlgorithm, QgsProcessingModelChildParameterSource as Src

    added = {"YEARS", "NTL_FOLDER", "NDVI_FOLDER", "MAP_FORMAT"}
    model = QgsProcessingModelAlgorithm("saved", "")
    child = QgsProcessingModelChildAlgorithm("megaregion:pipeline")
    child.setChildId("pipeline")
    old = {"YEAR1": 2010, "YEAR2": 2020}
    current = pipeline()
    for definition in current.parameterDefinitions():
        name = definition.name()
        if definition.isDestination() or name in added:
            continue
        old.setdefault(name, definition.defaultValue())
    for name, value in old.items():
        if value is not None:
            child.addParameterSources(name, [Src.fromStaticValue(value)])
    model.addChildAlgorithm(child)
    ok, issues = model.validateChildAlgorithm("pipeline")
    assert ok and issues == []
    assert all(current.parameterDefinition(n).flags() & _flags()[1] for n in added)


def test_cost_indicators_outside_the_indicators(tmp_path, regional_boundaries):
    """The default cost indicator (age_65) with other INDICATORS is left out with a log line;
    a cost indicator the planner names outside INDICATORS is refused before any step runs."""
    from qgis.core import QgsProcessingException

    from recording_feedback import RecordingFeedback

    model = pipeline()
    filled = {"INDICATORS": "popu,popu_urban", "COST_INDICATORS": "age_65"}
    feedback = RecordingFeedback()
    model._check_roles({"INDICATORS": "popu,popu_urban"}, filled, feedback)
    assert filled["COST_INDICATORS"] == ""
    assert "COST_INDICATORS at its default names age_65, which INDICATORS (popu, popu_urban) does not have" in \
        feedback.text()
    with pytest.raises(QgsProcessingException) as caught:
        model.run({"BOUNDARIES": str(regional_boundaries), "INDICATORS": "popu,popu_urban", "COST_INDICATORS": "pm25",
                   "ndvi:PREFECTURES": str(tmp_path / "p.gpkg")},
                  QgsProcessingContext(), RecordingFeedback(), catchExceptions=False)
    assert "COST_INDICATORS names pm25, which INDICATORS (popu, popu_urban) does not have" in str(caught.value)
    assert not (tmp_path / "p.gpkg").exists()
