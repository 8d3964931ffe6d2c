"""The bad-input contract of every algorithm and the pipeline, through processing.run: a
QgsProcessingException (no other exception, no traceback) whose message names the input
(parameter or file) and the offending value, no output file written, and every input file
unchanged (sha256). The table of cases is tests/bad_input_cases.py."""
import os
import shutil

import pytest
from qgis.core import QgsProcessingException

from bad_input_cases import CASES, build_inputs, case_parameters, input_files


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

        def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
            self.errors.append(error)
            super().reportError(error, fatalError)

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
    assert _written(out) == [], f"{message}\nwritten: {_written(out)}"
    assert input_files(params, out) == before


def test_the_table_covers_every_algorithm_with_60_cases():
    algs = {c.alg for c in CASES}
    assert algs == {"joinindicators", "assignmegaregions", "gcj02towgs84", "zonalstatistics", "nighttimelight",
                    "ndvi", "unevenness", "typology", "trend", "rendermaps", "exporttables", "pipeline"}
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)
