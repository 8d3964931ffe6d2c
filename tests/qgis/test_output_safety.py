"""The output contract of every algorithm and of the pipeline, through processing.run:
an output naming an input (the same file, or the same layer of a GeoPackage) is refused
naming both parameters and the path, while another layer of the input's GeoPackage is
accepted; a missing or unwritable folder is refused naming the parameter and the path; a
run that fails or is cancelled after writing its first output leaves nothing new on disk;
the input's bytes never change."""
import errno
import hashlib
import os
import re
import shutil

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from _pkg import ROOT
from bad_input_cases import broken_in_the_middle
from data_paths import BOUNDARIES, CENSUS, LANDCOVER, NDVI, PIPELINE_OUTPUTS

NTL_2010 = ROOT / "resources" / "data" / "ntl_sample" / "ntl_synthetic_2010.tif"
IND_2010 = ["popu_2010", "popu_urban_2010", "household_2010"]
IND_2020 = ["popu_2020", "popu_urban_2020", "household_2020"]
SINK_TYPES = ("sink", "vectorDestination")
# the output contract does not depend on the resampling: left out, the runs are quicker
NO_INTERVALS = {"BOOTSTRAP": 0, "PERMUTATIONS": 0}
NO_STABILITY = {"STABILITY_RESAMPLES": 0}


# ------------------------------------------------------------------------------ data
@pytest.fixture(scope="module")
def data(tmp_path_factory, regional_boundaries):
    """Inputs in a folder of their own: the regional prefectures (the contract holds for any
    polygons) as layer 'prefectures' of a GeoPackage that holds a second layer 'other', the
    census CSV, one raster of each kind, and the prefectures joined with the census as layer
    'joined' of another GeoPackage."""
    from osgeo import gdal
    from qgis import processing

    folder = tmp_path_factory.mktemp("inputs")
    prefectures = folder / "prefectures.gpkg"
    gdal.VectorTranslate(str(prefectures), str(regional_boundaries), format="GPKG", layerName="prefectures")
    gdal.VectorTranslate(str(prefectures), str(regional_boundaries), format="GPKG", layerName="other",
                         accessMode="update")
    for source in (CENSUS, LANDCOVER, NDVI, NTL_2010):
        shutil.copy(source, folder / source.name)
    assigned = processing.run("megaregion:assignmegaregions",
                              {"INPUT": f"{prefectures}|layername=prefectures", "KEY": "adcode", "OUTPUT": "memory:"})
    joined = folder / "joined.gpkg"
    processing.run("megaregion:joinindicators",
                   {"INPUT": assigned["OUTPUT"], "INPUT_KEY": "adcode", "TABLE": str(folder / CENSUS.name),
                    "TABLE_KEY": "city_code", "FIELDS": IND_2010 + IND_2020, "OUTPUT": str(joined),
                    "UNMATCHED": "memory:"})
    return folder


def layer_uri(path, layer):
    return f"{path}|layername={layer}"


def ogr_layer(path, layer):
    return f"ogr:dbname='{path}' table=\"{layer}\" (geom)"


# algorithm -> (parameters without outputs given the data folder, the input parameter every
# case points an output at, and that input's GeoPackage file and layer)
def _prefectures(d):
    return d / "prefectures.gpkg", "prefectures"


def _joined(d):
    return d / "joined.gpkg", "joined"


SPECS = {
    "megaregion:aggregatecounties": (lambda d: {"INPUT": [layer_uri(*_prefectures(d))], "CODE_FIELD": "adcode"},
                                     "INPUT", _prefectures),
    "megaregion:joinindicators": (
        lambda d: {"INPUT": layer_uri(*_prefectures(d)), "INPUT_KEY": "adcode", "TABLE": str(d / CENSUS.name),
                   "TABLE_KEY": "city_code", "FIELDS": ["popu_2020"]}, "INPUT", _prefectures),
    "megaregion:assignmegaregions": (lambda d: {"INPUT": layer_uri(*_prefectures(d)), "KEY": "adcode"}, "INPUT",
                                     _prefectures),
    "megaregion:gcj02towgs84": (lambda d: {"INPUT": layer_uri(*_prefectures(d))}, "INPUT", _prefectures),
    "megaregion:zonalstatistics": (
        lambda d: {"INPUT": layer_uri(*_prefectures(d)), "RASTER": [str(d / LANDCOVER.name)], "CATEGORIES": "13",
                   "PREFIX": "lc"}, "INPUT", _prefectures),
    "megaregion:nighttimelight": (
        lambda d: {"INPUT": layer_uri(*_prefectures(d)), "RASTER": [str(d / NTL_2010.name)]}, "INPUT", _prefectures),
    "megaregion:ndvi": (lambda d: {"INPUT": layer_uri(*_prefectures(d)), "RASTER": [str(d / NDVI.name)]}, "INPUT",
                        _prefectures),
    "megaregion:unevenness": (lambda d: {"INPUT": layer_uri(*_joined(d)), "INDICATORS": IND_2010 + IND_2020,
                                         **NO_INTERVALS}, "INPUT", _joined),
    "megaregion:typology": (lambda d: {"INPUT": layer_uri(*_joined(d)), "INDICATORS": IND_2020, "K": 3,
                                       **NO_STABILITY}, "INPUT", _joined),
    "megaregion:trend": (lambda d: {"INPUT": layer_uri(*_joined(d)), "INDICATORS": IND_2010 + IND_2020, "K": 3,
                                    **NO_STABILITY}, "INPUT", _joined),
    "megaregion:rendermaps": (lambda d: {"LAYERS": [layer_uri(*_joined(d))], "DPI": 30, "WIDTH_MM": 120,
                                         "HEIGHT_MM": 90}, "LAYERS", _joined),
    "megaregion:spatialrelations": (lambda d: {"INPUT": layer_uri(*_joined(d)), "INDICATORS": IND_2020,
                                               "PERMUTATIONS": 99, "BOOTSTRAP": 99}, "INPUT", _joined),
    "megaregion:exporttables": (lambda d: {"INPUT": [layer_uri(*_joined(d))]}, "INPUT", _joined),
}
ALGS = sorted(SPECS)


def algorithm(alg_id):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(alg_id)


def destinations(alg_id):
    """``[(name, type)]`` of the algorithm's destination parameters."""
    return [(d.name(), d.type()) for d in algorithm(alg_id).destinationParameterDefinitions()]


def output_name(kind, name):
    return {"fileDestination": f"{name.lower()}.html", "folderDestination": f"{name.lower()}"}.get(
        kind, f"{name.lower()}.gpkg")


def all_outputs(alg_id, folder):
    return {name: str(folder / output_name(kind, name)) for name, kind in destinations(alg_id)}


def quiet_outputs(alg_id):
    """Every output left out or in memory: the run writes no file."""
    out = {}
    for name, kind in destinations(alg_id):
        out[name] = "TEMPORARY_OUTPUT" if kind in SINK_TYPES else None
    return out


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checksums(folder):
    """sha256 of the input files (QGIS 3.22 adds a GDAL .aux.xml next to a raster it opens:
    not an input)."""
    return {p.name: sha256(p) for p in folder.iterdir() if p.is_file() and not p.name.endswith(".aux.xml")}


def tree(folder):
    """Every file and folder under ``folder`` (relative paths), hidden ones included."""
    out = []
    for root, dirs, files in os.walk(folder):
        out += [os.path.relpath(os.path.join(root, n), folder) for n in dirs + files]
    return sorted(out)


def run(alg_id, params, feedback=None):
    from qgis import processing

    return processing.run(alg_id, params, context=QgsProcessingContext(), feedback=feedback or QgsProcessingFeedback())


def cases(kinds=None, algs=ALGS):
    out = []
    for alg_id in algs:
        for name, kind in destinations(alg_id):
            if kinds is None or kind in kinds:
                out.append(pytest.param(alg_id, name, kind, id=f"{alg_id.split(':')[1]}-{name}"))
    return out


# Parametrising needs the registry at collection time.
from qgis_env import start_qgis  # noqa: E402

start_qgis()


# ------------------------------------------------------------------ output = input
@pytest.mark.parametrize("alg_id, name, kind", cases())
def test_output_naming_the_input_file_is_refused(data, tmp_path, alg_id, name, kind):
    params_of, input_name, input_of = SPECS[alg_id]
    gpkg, layer = input_of(data)
    before = checksums(data)
    params = {**params_of(data), **all_outputs(alg_id, tmp_path), name: str(gpkg)}
    with pytest.raises(QgsProcessingException) as caught:
        run(alg_id, params)
    message = str(caught.value)
    assert f"{name} would overwrite {input_name} ({gpkg}" in message
    assert "Traceback" not in message
    assert checksums(data) == before
    assert tree(tmp_path) == []


@pytest.mark.parametrize("alg_id, name, kind", cases(SINK_TYPES))
@pytest.mark.parametrize("form", ["ogr", "layername"])
def test_output_naming_the_input_layer_is_refused(data, tmp_path, alg_id, name, kind, form):
    params_of, input_name, input_of = SPECS[alg_id]
    gpkg, layer = input_of(data)
    before = checksums(data)
    same = ogr_layer(gpkg, layer.upper()) if form == "ogr" else layer_uri(gpkg, layer)  # names ignore case
    params = {**params_of(data), **all_outputs(alg_id, tmp_path), name: same}
    with pytest.raises(QgsProcessingException, match=re.escape(
            f"{name} would overwrite {input_name} ({gpkg}, layer {layer}): choose another file or layer name")):
        run(alg_id, params)
    assert checksums(data) == before
    assert tree(tmp_path) == []


# rendermaps and exporttables write files, no layer
@pytest.mark.parametrize("alg_id", [a for a in ALGS if a not in ("megaregion:rendermaps", "megaregion:exporttables")])
def test_another_layer_of_the_input_geopackage_is_accepted(data, tmp_path, alg_id):
    params_of, input_name, input_of = SPECS[alg_id]
    gpkg, layer = input_of(data)
    copy = tmp_path / gpkg.name
    shutil.copy(gpkg, copy)
    params = params_of(data)
    params = {k: (v.replace(str(gpkg), str(copy)) if isinstance(v, str) else
                  [x.replace(str(gpkg), str(copy)) for x in v] if isinstance(v, list) else v)
              for k, v in params.items()}
    first = destinations(alg_id)[0][0]
    params.update(quiet_outputs(alg_id))
    params[first] = ogr_layer(copy, "result")
    run(alg_id, params)
    source = QgsVectorLayer(layer_uri(copy, layer), "input", "ogr")
    result = QgsVectorLayer(layer_uri(copy, "result"), "result", "ogr")
    original = QgsVectorLayer(layer_uri(gpkg, layer), "original", "ogr")
    assert source.featureCount() == original.featureCount() >= 36
    assert [f.attributes() for f in source.getFeatures()] == [f.attributes() for f in original.getFeatures()]
    assert result.isValid() and result.featureCount() > 0


def test_two_outputs_naming_the_same_file_are_refused(data, tmp_path):
    params_of, _, _ = SPECS["megaregion:typology"]
    params = {**params_of(data), **all_outputs("megaregion:typology", tmp_path)}
    params["OUTPUT_CORES"] = params["OUTPUT"]
    with pytest.raises(QgsProcessingException, match=re.escape(
            f"OUTPUT_CORES and OUTPUT name the same output ({tmp_path / 'output.gpkg'})")):
        run("megaregion:typology", params)
    assert tree(tmp_path) == []


# ------------------------------------------------------------------ folders
@pytest.mark.parametrize("alg_id, name, kind", cases(("sink", "vectorDestination", "fileDestination")))
def test_missing_folder_is_refused(data, tmp_path, alg_id, name, kind):
    params_of, _, _ = SPECS[alg_id]
    before = checksums(data)
    target = tmp_path / "no such folder" / output_name(kind, name)
    params = {**params_of(data), **all_outputs(alg_id, tmp_path), name: str(target)}
    with pytest.raises(QgsProcessingException, match=re.escape(
            f"{name} '{target}' cannot be written: the folder '{target.parent}' does not exist")):
        run(alg_id, params)
    assert checksums(data) == before
    assert tree(tmp_path) == []


@pytest.mark.parametrize("alg_id, name, kind", cases())
def test_folder_that_is_a_file_is_refused(data, tmp_path, alg_id, name, kind):
    """A path under a regular file cannot be written, not even by root (chmod would not stop it)."""
    params_of, _, _ = SPECS[alg_id]
    before = checksums(data)
    blocker = tmp_path / "file.txt"
    blocker.write_text("a file, not a folder")
    target = blocker / output_name(kind, name)
    params = {**params_of(data), **all_outputs(alg_id, tmp_path), name: str(target)}
    with pytest.raises(QgsProcessingException, match=re.escape(f"{name} '{target}' cannot be written")) as caught:
        run(alg_id, params)
    assert "not a folder" in str(caught.value)
    assert checksums(data) == before
    assert tree(tmp_path) == ["file.txt"]
    assert blocker.read_text() == "a file, not a folder"


def test_output_naming_a_folder_is_refused(data, tmp_path):
    params = {**SPECS["megaregion:gcj02towgs84"][0](data), "OUTPUT": str(tmp_path)}
    with pytest.raises(QgsProcessingException, match=re.escape(f"OUTPUT '{tmp_path}' cannot be written: it is a folder")):
        run("megaregion:gcj02towgs84", params)
    assert tree(tmp_path) == []


# ------------------------------------------------------------------ all or nothing
class CancelOnceWritten(QgsProcessingFeedback):
    """Cancels the run at the first progress report after anything appeared in ``folder``."""

    def __init__(self, folder):
        super().__init__()
        self.folder = folder
        self.seen = []
        self.progressChanged.connect(self._check)

    def _check(self, _progress):
        if not self.isCanceled():
            found = tree(self.folder)
            if found:
                self.seen = found
                self.cancel()


# exporttables writes its one file last: there is no first output to cancel after
@pytest.mark.parametrize("alg_id", [a for a in ALGS if a != "megaregion:exporttables"])
def test_cancel_after_the_first_output_leaves_nothing(data, tmp_path, alg_id):
    params_of, _, _ = SPECS[alg_id]
    before = checksums(data)
    params = {**params_of(data), **all_outputs(alg_id, tmp_path)}
    if alg_id == "megaregion:rendermaps":
        params["LAYERS"] = params["LAYERS"] * 2  # the second map is cancelled once the first is on disk
    feedback = CancelOnceWritten(tmp_path)
    with pytest.raises(QgsProcessingException, match="Cancel"):
        run(alg_id, params, feedback)
    assert feedback.seen  # an output was on disk when the run was cancelled
    assert tree(tmp_path) == []
    assert checksums(data) == before


@pytest.mark.parametrize("alg_id", ["megaregion:joinindicators", "megaregion:unevenness", "megaregion:typology",
                                    "megaregion:trend"])
def test_write_error_after_the_first_output_leaves_nothing(data, tmp_path, monkeypatch, alg_id):
    """The second output fails as a full disk would: the message names the file and the
    reason, the first output is removed again."""
    from megaregion.processing import qgis_io

    write_frame = qgis_io.write_frame
    calls = []

    def failing_write(sink, frame, *args, **kwargs):
        calls.append(tree(tmp_path))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "second.gpkg"))
        return write_frame(sink, frame, *args, **kwargs)

    monkeypatch.setattr(qgis_io, "write_frame", failing_write)
    params_of, _, _ = SPECS[alg_id]
    before = checksums(data)
    params = {**params_of(data), **all_outputs(alg_id, tmp_path)}
    with pytest.raises(QgsProcessingException) as caught:
        run(alg_id, params)
    message = str(caught.value)
    assert f"could not read or write {tmp_path / 'second.gpkg'}: No space left on device" in message
    assert "Traceback" not in message
    assert calls[1]  # the first output was on disk when the second failed
    assert tree(tmp_path) == []
    assert checksums(data) == before


def test_report_failure_after_the_layers_leaves_nothing(data, tmp_path, monkeypatch):
    """The HTML report fails last, after both layers were written."""
    from megaregion.processing import unevenness

    def broken_report(*args, **kwargs):
        raise RuntimeError("report template unreadable")

    monkeypatch.setattr(unevenness.report_unevenness, "unevenness_report_html", broken_report)
    params = {**SPECS["megaregion:unevenness"][0](data), **all_outputs("megaregion:unevenness", tmp_path)}
    with pytest.raises(QgsProcessingException, match="report template unreadable") as caught:
        run("megaregion:unevenness", params)
    assert "Traceback" not in str(caught.value)
    assert tree(tmp_path) == []


def test_new_layer_in_an_existing_geopackage_is_dropped_on_cancel(data, tmp_path):
    """Only the layer the run created goes; the GeoPackage and its other layers stay."""
    copy = tmp_path / "prefectures.gpkg"
    shutil.copy(data / "prefectures.gpkg", copy)
    params = {"INPUT": layer_uri(copy, "prefectures"), "KEY": "adcode", "OUTPUT": ogr_layer(copy, "assigned")}
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: p > 40 and feedback.cancel())  # while the features are written
    with pytest.raises(QgsProcessingException, match="Cancel"):
        run("megaregion:assignmegaregions", params, feedback)
    from osgeo import ogr

    dataset = ogr.Open(str(copy))
    assert sorted(dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())) == ["other", "prefectures"]
    assert dataset.GetLayerByName("prefectures").GetFeatureCount() == 36
    dataset = None
    assert tree(tmp_path) == ["prefectures.gpkg"]


def test_existing_report_is_replaced_only_on_success(data, tmp_path):
    """A report of an earlier run stays as it was when the new run fails."""
    report = tmp_path / "output_html.html"
    report.write_text("earlier report")
    params = {**SPECS["megaregion:unevenness"][0](data), "OUTPUT_TABLE": "TEMPORARY_OUTPUT",
              "OUTPUT_REGIONS": "TEMPORARY_OUTPUT", "OUTPUT_HTML": str(report)}
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: p >= 90 and feedback.cancel())  # after the report is made
    with pytest.raises(QgsProcessingException, match="Cancel"):
        run("megaregion:unevenness", params, feedback)
    assert report.read_text() == "earlier report"
    assert tree(tmp_path) == ["output_html.html"]
    result = run("megaregion:unevenness", params)
    assert result["OUTPUT_HTML"] == str(report)
    assert report.read_text().lstrip().lower().startswith("<!doctype html")
    assert tree(tmp_path) == ["output_html.html"]


def test_unexpected_error_reads_as_a_message(data, tmp_path, monkeypatch):
    from megaregion.processing import gcj02towgs84

    def broken(*args, **kwargs):
        raise KeyError("lng")

    monkeypatch.setattr(gcj02towgs84.qgis_io, "shapely_geometries", broken)
    params = {**SPECS["megaregion:gcj02towgs84"][0](data), "OUTPUT": str(tmp_path / "out.gpkg")}
    with pytest.raises(QgsProcessingException) as caught:
        run("megaregion:gcj02towgs84", params)
    assert "failed (KeyError: 'lng')" in str(caught.value)
    assert tree(tmp_path) == []


# ------------------------------------------------------------------ the pipeline
# the input folder holds prefectures.gpkg
PIPELINE_OUTPUTS = {**PIPELINE_OUTPUTS, "ndvi:PREFECTURES": "prefectures_out.gpkg"}


def pipeline_params(data, folder, **changes):
    params = {"BOUNDARIES": layer_uri(data / "prefectures.gpkg", "prefectures"), "TABLE": str(data / CENSUS.name)}
    params.update({k: str(folder / v) for k, v in PIPELINE_OUTPUTS.items()})
    params.update(changes)
    return params


@pytest.mark.parametrize("output, value, input_name, shown", [
    ("ndvi:PREFECTURES", "{prefectures}", "BOUNDARIES", "{prefectures}, layer prefectures"),
    ("unevenness:TABLE", ogr_layer("{prefectures}", "prefectures"), "BOUNDARIES", "{prefectures}, layer prefectures"),
    ("join:UNMATCHED", "{census}", "TABLE", "{census}"),
    ("typology:REPORT", "{census}", "TABLE", "{census}"),
])
def test_pipeline_output_naming_an_input_is_refused(data, tmp_path, output, value, input_name, shown):
    names = {"prefectures": data / "prefectures.gpkg", "census": data / CENSUS.name}
    before = checksums(data)
    params = pipeline_params(data, tmp_path, **{output: value.format(**names)})
    with pytest.raises(QgsProcessingException, match=re.escape(
            f"{output} would overwrite {input_name} ({shown.format(**names)})")):
        run("megaregion:pipeline", params)
    assert checksums(data) == before
    assert tree(tmp_path) == []


def test_pipeline_output_naming_a_default_input_is_refused(tmp_path):
    """Inputs left out take the bundled data; an output naming it is refused too."""
    boundaries = str(BOUNDARIES)
    before = sha256(BOUNDARIES)
    params = {k: str(tmp_path / v) for k, v in PIPELINE_OUTPUTS.items()}
    params["ndvi:PREFECTURES"] = boundaries
    with pytest.raises(QgsProcessingException, match=re.escape("ndvi:PREFECTURES would overwrite BOUNDARIES (")):
        run("megaregion:pipeline", params)
    assert sha256(BOUNDARIES) == before
    assert tree(tmp_path) == []


@pytest.mark.parametrize("output", ["trend:REPORT", "unevenness:REGIONS"])
def test_pipeline_unwritable_folder_is_refused_before_any_step(data, tmp_path, output):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    target = blocker / PIPELINE_OUTPUTS[output]
    with pytest.raises(QgsProcessingException, match=re.escape(f"{output} '{target}' cannot be written")):
        run("megaregion:pipeline", pipeline_params(data, tmp_path, **{output: str(target)}))
    assert tree(tmp_path) == ["file.txt"]


def test_pipeline_two_outputs_naming_the_same_file_are_refused(data, tmp_path):
    same = str(tmp_path / "cities.gpkg")
    with pytest.raises(QgsProcessingException, match=re.escape("name the same output")):
        run("megaregion:pipeline", pipeline_params(data, tmp_path, **{"typology:CITIES": same, "trend:CITIES": same}))
    assert tree(tmp_path) == []


def test_pipeline_corrupt_raster_half_way_leaves_nothing(data, tmp_path):
    """The NDVI raster is damaged in the middle: the step that reads it fails after the join
    step wrote join:UNMATCHED; that output is removed again."""
    broken = broken_in_the_middle(NDVI, tmp_path.parent / f"{tmp_path.name}-broken.tif")
    out = tmp_path / "out"
    out.mkdir()
    feedback = QgsProcessingFeedback()
    written = []
    feedback.progressChanged.connect(lambda _p: written.append(tree(out)))
    params = pipeline_params(data, out, NDVI_RASTERS=[str(broken)])
    before = checksums(data)
    with pytest.raises(QgsProcessingException) as caught:
        run("megaregion:pipeline", params, feedback)
    assert "Traceback" not in str(caught.value)
    assert any("unmatched.gpkg" in seen for seen in written)  # join:UNMATCHED was on disk
    assert tree(out) == []
    assert checksums(data) == before


def test_pipeline_cancel_after_the_first_output_leaves_nothing(data, tmp_path):
    # the national boundaries: on the regional ones the join step is still running when its
    # first output appears, and QGIS 3.22 reports a step cancelled inside as failed
    feedback = CancelOnceWritten(tmp_path)
    before = checksums(data)
    with pytest.raises(QgsProcessingException, match="Cancel"):
        run("megaregion:pipeline", pipeline_params(data, tmp_path, BOUNDARIES=str(BOUNDARIES)), feedback)
    assert feedback.seen
    assert tree(tmp_path) == []
    assert checksums(data) == before


def _folder_of_inputs(folder, boundaries):
    """A folder as a user keeps it: the boundaries as megaregion.gpkg (the name of the pipeline's
    GeoPackage), the census table in maps/ (the pipeline's maps folder)."""
    from osgeo import gdal

    folder.mkdir()
    gdal.VectorTranslate(str(folder / "megaregion.gpkg"), str(boundaries), format="GPKG", layerName="boundaries")
    (folder / "maps").mkdir()
    shutil.copy(CENSUS, folder / "maps" / CENSUS.name)
    return folder


def _all_checksums(folder):
    return {os.path.relpath(p, folder): sha256(p) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("where", ["geopackage", "maps", "workbook"])
def test_pipeline_output_folder_holding_an_input_is_refused(tmp_path, regional_boundaries, where):
    """OUTPUT_FOLDER implies megaregion.gpkg, the reports and maps/: none may be or hold an input.
    With the boundaries as megaregion.gpkg the join step once wrote its unmatched rows into the
    user's file before a damaged raster stopped the run (the layer was dropped again, the bytes
    stayed changed); the run is refused before anything is read."""
    folder = _folder_of_inputs(tmp_path / "work", regional_boundaries)
    broken = broken_in_the_middle(NDVI, tmp_path / "ndvi_damaged.tif")
    params = {"BOUNDARIES": str(folder / "megaregion.gpkg"), "TABLE": str(folder / "maps" / CENSUS.name),
              "NDVI_RASTERS": [str(broken)], "OUTPUT_FOLDER": str(folder)}
    if where == "geopackage":
        params["TABLE"] = str(CENSUS)
        expected = ("OUTPUT_FOLDER would write the layers prefectures, unmatched_table_rows, ",
                    f"into {folder / 'megaregion.gpkg'}, which is BOUNDARIES ({folder / 'megaregion.gpkg'})")
    elif where == "workbook":
        # the indicator table kept as megaregion_tables.xlsx, the name of the pipeline's workbook
        openpyxl = pytest.importorskip("openpyxl")
        import csv

        book = openpyxl.Workbook()
        with open(CENSUS, encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                book.active.append(row)
        book.save(folder / "megaregion_tables.xlsx")
        params["BOUNDARIES"], params["TABLE"] = str(BOUNDARIES), str(folder / "megaregion_tables.xlsx")
        expected = (f"OUTPUT_FOLDER would write the workbook megaregion_tables.xlsx into "
                    f"{folder / 'megaregion_tables.xlsx'}, which is TABLE",)
    else:
        params["BOUNDARIES"] = str(BOUNDARIES)
        expected = (f"OUTPUT_FOLDER would write the maps (PNG, PDF) into {folder / 'maps'}, which holds TABLE "
                    f"({folder / 'maps' / CENSUS.name})",)
    before, listing = _all_checksums(folder), tree(folder)
    with pytest.raises(QgsProcessingException) as caught:
        run("megaregion:pipeline", params)
    for part in expected:
        assert part in str(caught.value)
    assert "choose another OUTPUT_FOLDER" in str(caught.value)
    assert _all_checksums(folder) == before
    assert tree(folder) == listing


def test_pipeline_output_folder_with_named_outputs_implies_only_the_rest(tmp_path, regional_boundaries):
    """Every layer output named elsewhere: megaregion.gpkg is not written, so the boundaries in it
    are no obstacle (the maps folder still is, for an input in it)."""
    folder = _folder_of_inputs(tmp_path / "work", regional_boundaries)
    model = algorithm("megaregion:pipeline")
    elsewhere = {name: str(tmp_path / "out" / file) for name, file in PIPELINE_OUTPUTS.items()}
    implied = [location.path for _what, location in model._implied(elsewhere, str(folder))]
    assert implied == [str(folder / "maps")]
    implied = [location.path for _what, location in model._implied({}, str(folder))]
    assert implied[0] == str(folder / "megaregion.gpkg") and str(folder / "maps") in implied
    assert str(folder / "trend_report.html") in implied
    assert str(folder / "spatial_report.html") in implied and str(folder / "megaregion_tables.xlsx") in implied


@pytest.mark.parametrize("link", [os.symlink, os.link], ids=["symbolic link", "hard link"])
def test_output_naming_the_input_through_a_link_is_refused(data, tmp_path, link):
    source = data / "prefectures.gpkg"
    alias = tmp_path / "alias.gpkg"
    link(source, alias)
    before = checksums(data)
    params = {**SPECS["megaregion:gcj02towgs84"][0](data), "OUTPUT": str(alias)}
    with pytest.raises(QgsProcessingException, match=re.escape(f"OUTPUT would overwrite INPUT ({source}")):
        run("megaregion:gcj02towgs84", params)
    assert checksums(data) == before
    assert tree(tmp_path) == ["alias.gpkg"]


# ------------------------------------------------------------------ the format holds the fields
def test_shapefile_output_that_would_cut_field_names_is_refused(data, tmp_path):
    """The prefectures carry source_file, 11 bytes: a Shapefile would cut it to 10. Refused
    naming the parameter, the file and the field; nothing written."""
    params_of, _, _ = SPECS["megaregion:zonalstatistics"]
    before = checksums(data)
    out = tmp_path / "zonal.shp"
    with pytest.raises(QgsProcessingException) as caught:
        run("megaregion:zonalstatistics", {**params_of(data), "OUTPUT": str(out)})
    message = str(caught.value)
    assert f"OUTPUT is a Shapefile ({out})" in message
    assert "source_file would be cut short" in message and "Choose a GeoPackage (.gpkg)" in message
    assert tree(tmp_path) == []
    assert checksums(data) == before


def test_shapefile_output_with_short_field_names_is_written(data, tmp_path):
    from qgis.core import QgsFeature

    gpkg, layer = _prefectures(data)
    source = QgsVectorLayer(layer_uri(gpkg, layer), "prefectures", "ogr")
    short = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=adcode:string&field=name:string", "short", "memory")
    features = []
    for feature in list(source.getFeatures())[:5]:
        copy = QgsFeature(short.fields())
        copy.setGeometry(feature.geometry())
        copy.setAttributes([feature["adcode"], feature["name"]])
        features.append(copy)
    short.dataProvider().addFeatures(features)
    out = tmp_path / "wgs84.shp"
    run("megaregion:gcj02towgs84", {"INPUT": short, "OUTPUT": str(out)})
    written = QgsVectorLayer(str(out), "wgs84", "ogr")
    assert written.isValid() and written.featureCount() == 5
    assert written.fields().names()[:2] == ["adcode", "name"]
