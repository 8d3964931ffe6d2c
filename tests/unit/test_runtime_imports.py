"""Code that runs inside QGIS imports only what QGIS's installers ship on every platform.

The list (DEVELOPERS' rule and the README's install table): the standard library, qgis and
qgis.PyQt, numpy, osgeo (GDAL's bindings), pyproj, shapely, scipy, pandas, and openpyxl (read
with a fallback to GDAL's XLSX driver). Every import statement counts, also the ones inside
functions: a lazy ``import rasterio`` fails just the same on a planner's machine."""
import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ["__init__.py", "plugin.py", "core", "processing", "ui"]
ALLOWED = {"qgis", "numpy", "osgeo", "pyproj", "shapely", "scipy", "pandas", "openpyxl"}
STDLIB = set(getattr(sys, "stdlib_module_names", ())) | {"__future__"}


def runtime_files():
    for entry in RUNTIME:
        path = ROOT / entry
        yield from ([path] if path.is_file() else sorted(path.rglob("*.py")))


def imported_modules(source):
    """(line, top-level module) of every absolute import in ``source``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("import_module", "lazy_import")
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and not node.args[0].value.startswith(".")):
            yield node.lineno, node.args[0].value.split(".")[0]


def offending(source):
    return [(line, name) for line, name in imported_modules(source) if name not in ALLOWED | STDLIB]


@pytest.mark.skipif(not STDLIB, reason="sys.stdlib_module_names needs Python >= 3.10")
def test_runtime_code_imports_only_what_qgis_ships():
    found = []
    for path in runtime_files():
        for line, name in offending(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(ROOT)}:{line}: import {name}")
    assert not found, "imports outside what QGIS ships:\n" + "\n".join(found)


def test_the_scan_sees_lazy_and_dynamic_imports():
    source = (
        "import os\nfrom . import core\nfrom qgis.core import QgsField\n"
        "def f():\n    import rasterio.windows\n    from sklearn.cluster import KMeans\n"
        "    importlib.import_module('geopandas')\n    importlib.import_module('.zonal', __package__)\n    lazy_import('scipy.spatial')\n    lazy_import('rasterio')\n"
    )
    assert offending(source) == [(5, "rasterio"), (6, "sklearn"), (7, "geopandas"), (10, "rasterio")]
    assert len(list(runtime_files())) > 20
