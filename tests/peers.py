"""Independent implementations that tests compare against (PySAL inequality, esda and libpysal, exactextract,
pymcdm, rasterstats, scikit-learn, pymannkendall). They are installed in the current-release test
environment (.venv). Where MEGAREGION_REQUIRE_PEERS=1 (set by ``make test`` for that
environment) a missing peer is an error, so an agreement test can never pass by skipping."""
import importlib
import os

import pytest


def require(name: str):
    if os.environ.get("MEGAREGION_REQUIRE_PEERS") == "1":
        return importlib.import_module(name)
    return pytest.importorskip(name)
