"""The command-line contract of a bad input, one case of the bad-input table
(tests/bad_input_cases.py) per algorithm and the pipeline through qgis_process, as a batch
user meets it: exit status not 0, the message names the input and the value, no Python
traceback on stdout or stderr, no output written, the inputs unchanged. Every case of the
table runs in process (tests/qgis/test_bad_input.py)."""
import os
import shutil

import pytest

from bad_input_cases import CASES, absent_texts, build_inputs, case_parameters, input_files

SAMPLE = [
    "counties-field-summed-and-averaged",
    "join-table-utf16-no-bom", "assign-membership-corrupt-xlsx", "gcj-projected-input",
    "zonal-raster-missing-in-list", "ntl-raster-no-crs", "ndvi-raster-truncated", "uneven-indicator-not-a-field",
    "typology-k-negative", "trend-wrong-year", "maps-empty-layer", "pipeline-wrong-table-key",
    "spatial-polygons-no-crs", "export-truncated-gpkg",
]
#: refusals of a wrong layer or table that a batch user meets as well, beyond the sample
REFUSALS = ["assign-counties-keyed-by-parent"]

#: the cases of the last bad inputs met through qgis_process (tables QGIS's loader does not open,
#: GeoPackages with an undefined SRS, map options that cannot be honoured), beside the sample
LATER = [
    "join-table-utf16-bom", "join-table-utf16-chinese-no-bom", "join-table-txt-name", "gcj-undefined-srs-metres",
    "zonal-polygons-undefined-srs", "ndvi-polygons-undefined-cartesian", "maps-clear-changes-without-a-measure",
    "maps-clarity-field-not-a-field", "maps-crs-undefined", "pipeline-table-utf16-bom",
]
BY_ID = {c.id: c for c in CASES}


def test_the_sample_has_one_case_per_algorithm():
    algs = [BY_ID[case_id].alg for case_id in SAMPLE]
    assert sorted(algs) == sorted({c.alg for c in CASES})


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, prepared, regional_boundaries):
    """The table's files, the boundaries regional, the pipeline's too (as in process); the
    analysis steps read the prepared prefectures (mega-regions, roles, census indicators) of
    tests/e2e/conftest.py."""
    folder = build_inputs(tmp_path_factory.mktemp("bad-input-e2e"))
    shutil.copy(regional_boundaries, folder / "boundaries.geojson")
    shutil.copy(prepared, folder / "prepared.gpkg")
    return folder


def _written(folder):
    return sorted(os.path.relpath(os.path.join(d, f), folder) for d, _, files in os.walk(folder) for f in files)


@pytest.mark.parametrize("case_id", SAMPLE + REFUSALS + LATER)
def test_bad_input_through_qgis_process(case_id, inputs, qgis_process, tmp_path):
    case = BY_ID[case_id]
    out = tmp_path / "out"
    out.mkdir()
    params = case_parameters(case, inputs, out)
    if case.alg == "pipeline":
        params.setdefault("BOUNDARIES", str(inputs / "boundaries.geojson"))
    before = input_files(params, out)
    proc, _ = qgis_process.run_json(f"megaregion:{case.alg}", params, check=False)
    text = proc.stdout + "\n" + proc.stderr
    assert proc.returncode != 0, text[-3000:]
    assert "Traceback" not in text, text[-3000:]
    assert "Incorrect parameter value" not in text, text[-3000:]
    low = text.lower()
    assert any(w.lower() in low for w in case.who), text[-3000:]
    assert case.what.lower() in low, text[-3000:]
    for absent in absent_texts(case):
        assert absent.lower() not in low, text[-3000:]
    assert _written(out) == []
    assert input_files(params, out) == before
