"""Fixtures for the qgis_process end-to-end tests.

Every qgis_process call starts QGIS afresh (about two seconds), so the runs these tests read
are made once per session: the analysis steps read the regression records' fixed prepared
layer (what the pipeline writes as ndvi:PREFECTURES) instead of running assign and join again,
and one unevenness and one typology run serve the tests of both algorithms and of the maps
drawn from them. The numbers of every algorithm are pinned in process by
tests/qgis/test_regression.py; these tests check what only a separate qgis_process shows."""
import os
import shutil
from types import SimpleNamespace

import pytest

from _pkg import ROOT
from qgis_process_runner import QGIS_PROCESS, QgisProcess

if not os.path.exists(QGIS_PROCESS):
    if os.environ.get("MEGAREGION_REQUIRE_QGIS") == "1":
        raise RuntimeError(f"{QGIS_PROCESS} not found: run 'make setup'")
    collect_ignore_glob = ["test_*.py"]

#: The fixed input of the regression records (tests/regression/inputs/SOURCE.md).
PREPARED = ROOT / "tests" / "regression" / "inputs" / "prefectures.gpkg"
#: The gap typology of the session's analysis run.
TYPOLOGY_INDICATORS = ["popu_2020", "popu_urban_2020", "household_2020", "age_65_2020"]


@pytest.fixture(scope="session")
def qgis_process(tmp_path_factory):
    home = tmp_path_factory.mktemp("qgis-home")
    qp = QgisProcess(home)
    qp("plugins", "enable", "megaregion")
    yield qp
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def prepared(tmp_path_factory):
    """A copy of the prepared prefectures (mega-regions, roles, census indicators of 2010 and
    2020, the zonal fields), layer 'prefectures': the analysis steps' input."""
    path = tmp_path_factory.mktemp("prepared") / "prefectures.gpkg"
    shutil.copy(PREPARED, path)
    return path


@pytest.fixture(scope="session")
def analysis(qgis_process, prepared, tmp_path_factory):
    """One unevenness run (population 2010 and 2020, Gini as the headline, intervals and
    p-values by default) and one gap typology run (K = 3, nearest core, a dimension of two
    indicators, no stability resampling), each writing every output to a file."""
    folder = tmp_path_factory.mktemp("analysis")
    # the layer in each GeoPackage is named after its file
    paths = {name: folder / f"{name}.gpkg" for name in ("unevenness", "regions", "types", "cores", "profiles")}
    paths.update(unevenness_html=folder / "unevenness.html", typology_html=folder / "typology.html")
    _, unevenness = qgis_process.run_json(
        "megaregion:unevenness",
        {"INPUT": prepared, "INDICATORS": ["popu_2010", "popu_2020"], "HEADLINE": 2,
         "OUTPUT_TABLE": paths["unevenness"], "OUTPUT_REGIONS": paths["regions"],
         "OUTPUT_HTML": paths["unevenness_html"]},
    )
    _, typology = qgis_process.run_json(
        "megaregion:typology",
        {"INPUT": prepared, "INDICATORS": TYPOLOGY_INDICATORS, "COST_INDICATORS": "age_65_2020",
         "DIMENSIONS": "popu=urban size;popu_urban=urban size", "CORE_REFERENCE": 1, "K": 3,
         "STABILITY_RESAMPLES": 0, "OUTPUT": paths["types"], "OUTPUT_CORES": paths["cores"],
         "OUTPUT_PROFILES": paths["profiles"], "OUTPUT_HTML": paths["typology_html"]},
    )
    return SimpleNamespace(unevenness_results=unevenness["results"], typology_results=typology["results"], **paths)
