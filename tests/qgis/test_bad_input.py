"""The bad-input contract of every algorithm and the pipeline, through processing.run: a
QgsProcessingException (no other exception, no traceback) whose message names the input
(parameter or file) and the offending value, no output file written, and every input file
unchanged (sha256). The table of cases is tests/bad_input_cases.py."""
import os
import shutil

import pytest
from qgis.core import QgsProcessingException

from bad_input_cases import CASES, absent_texts, build_inputs, case_parameters, input_files


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, run_alg, regional_boundaries):
    """The table's files, the boundaries the cases read regional (the pipeline's too, unless a
    case names its own): every case's message and contract hold for any polygons, and the
    national file costs half a second a case to open."""
    folder = build_inputs(tmp_path_factory.mktemp("bad-input"), run=run_alg)
    shutil.copy(regional_boundaries, folder / "boundaries.geojson")
    return folder


@pytest.fixture(scope="module")
def run_alg(qgis_app):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        """Keeps the errors reported to the log: a model step's message is there (QGIS 3.22
        raises 'Error encountered while running <step>' without it)."""

        def __init__(self):
            super().__init__()
            self.errors = []
            self.warnings = []

        def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
            self.errors.append(error)
            super().reportError(error, fatalError)

        def pushWarning(self, warning):  # noqa: N802 (QGIS API)
            self.warnings.append(warning)
            super().pushWarning(warning)

    def _run(alg_id, params, feedback=None):
        return processing.run(alg_id, params, context=QgsProcessingContext(), feedback=feedback or Feedback())

    _run.Feedback = Feedback
    return _run


def _written(folder):
    return sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, files in os.walk(folder) for f in files)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.id, marks=[pytest.mark.xfail(strict=True, reason=c.xfail)] if c.xfail else [])
     for c in CASES],
)
def test_bad_input_is_a_clear_error(case, inputs, run_alg, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    params = case_parameters(case, inputs, out)
    if case.alg == "pipeline":
        params.setdefault("BOUNDARIES", str(inputs / "boundaries.geojson"))
    before = input_files(params, out)
    feedback = run_alg.Feedback()
    with pytest.raises(QgsProcessingException) as caught:
        run_alg(f"megaregion:{case.alg}", params, feedback)
    message = str(caught.value)
    if case.alg == "pipeline":
        # the step's own message: in the exception since QGIS 3.24, in the log before
        message = "\n".join([message] + feedback.errors)
    assert "Traceback" not in "\n".join(feedback.errors)
    assert "Traceback" not in message
    assert "Incorrect parameter value" not in message, message
    low = message.lower()
    assert any(w.lower() in low for w in case.who), f"names none of {case.who}: {message}"
    assert case.what.lower() in low, f"does not name {case.what!r}: {message}"
    for text in absent_texts(case):
        assert text.lower() not in "\n".join([low] + feedback.errors).lower(), f"says {text!r}: {message}"
    assert _written(out) == [], f"{message}\nwritten: {_written(out)}"
    assert input_files(params, out) == before


def test_the_table_covers_every_algorithm_with_60_cases():
    algs = {c.alg for c in CASES}
    assert algs == {"aggregatecounties", "joinindicators", "assignmegaregions", "gcj02towgs84", "zonalstatistics",
                    "nighttimelight", "ndvi", "unevenness", "typology", "trend", "rendermaps", "spatialrelations",
                    "exporttables", "pipeline"}
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("layer, srs", [("undefined_srs.gpkg", "Undefined geographic SRS"),
                                        ("undefined_cartesian.gpkg", "Undefined Cartesian SRS")])
def test_undefined_srs_is_assumed_degrees_with_a_warning(layer, srs, inputs, run_alg, tmp_path):
    """A GeoPackage written without a CRS, in degrees: the conversion and the map take it as
    EPSG:4326, as they do a layer without a CRS, and the log says so, naming the undefined SRS
    and how to assign the right one; the input is unchanged."""
    from qgis.core import QgsVectorLayer

    from megaregion.processing.input_checks import crs_missing

    reported = QgsVectorLayer(str(inputs / layer), "layer", "ogr").crs()
    assert crs_missing(reported)
    # QGIS 3.22 reports GDAL's undefined SRS as a valid CRS without authority, named in the message
    named = (f"has an undefined coordinate reference system ('{srs}'" if reported.isValid()
             else "has no coordinate reference system")
    before = input_files({"INPUT": str(inputs / layer)}, tmp_path)
    feedback = run_alg.Feedback()
    out = run_alg("megaregion:gcj02towgs84", {"INPUT": str(inputs / layer), "OUTPUT": str(tmp_path / "wgs84.gpkg")},
                  feedback)["OUTPUT"]
    converted = QgsVectorLayer(out, "converted", "ogr")
    assert converted.crs().authid() == "EPSG:4326" and converted.featureCount() == 40
    warning = "\n".join(feedback.warnings)
    assert f"INPUT '{layer}' {named}" in warning
    assert "taken as longitude/latitude degrees (EPSG:4326)" in warning and "native:assignprojection" in warning
    assert "projected CRS" not in warning
    feedback = run_alg.Feedback()
    run_alg("megaregion:rendermaps", {"LAYERS": [str(inputs / layer)], "DPI": 30, "WIDTH_MM": 120, "HEIGHT_MM": 90,
                                      "OUTPUT_FOLDER": str(tmp_path / "maps")}, feedback)
    warning = "\n".join(feedback.warnings)
    assert named in warning and "drawn as longitude/latitude" in warning
    assert input_files({"INPUT": str(inputs / layer)}, tmp_path) == before
