"""Fixtures for the qgis_process end-to-end tests."""
import os
import shutil

import pytest

from qgis_process_runner import QGIS_PROCESS, QgisProcess

if not os.path.exists(QGIS_PROCESS):
    if os.environ.get("MEGAREGION_REQUIRE_QGIS") == "1":
        raise RuntimeError(f"{QGIS_PROCESS} not found: run 'make setup'")
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="session")
def qgis_process(tmp_path_factory):
    home = tmp_path_factory.mktemp("qgis-home")
    qp = QgisProcess(home)
    qp("plugins", "enable", "megaregion")
    yield qp
    shutil.rmtree(home, ignore_errors=True)
