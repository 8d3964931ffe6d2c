import os

import pytest

try:
    import qgis.core  # noqa: F401
except ImportError:  # the current-release venv has no QGIS
    if os.environ.get("MEGAREGION_REQUIRE_QGIS") == "1":
        raise
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="session", autouse=True)
def qgis_app():
    from qgis_env import start_qgis

    return start_qgis()


@pytest.fixture
def run_alg():
    """``processing.run`` for a megaregion algorithm, returning its results."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    def _run(alg_id, params, feedback=None):
        context = QgsProcessingContext()
        return processing.run(alg_id, params, context=context, feedback=feedback or QgsProcessingFeedback())

    return _run
