"""A Python package missing from QGIS's Python never shows a traceback: the provider checks
the packages each algorithm declares (REQUIRES) when it loads; an algorithm whose package is
missing stays listed, refuses to run and says how to add the package on Windows, macOS and
Debian/Ubuntu, and the other algorithms keep working."""
import importlib.util
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException

from _pkg import plugin_parent
from data_paths import BOUNDARIES
from megaregion.processing import deps, provider as provider_module
from megaregion.processing.provider import ALGORITHMS

ALGORITHM_IDS = sorted(["aggregatecounties", "joinindicators", "assignmegaregions", "gcj02towgs84", "zonalstatistics",
                        "nighttimelight", "ndvi", "unevenness", "typology", "trend", "rendermaps", "spatialrelations",
                        "exporttables"])
NEED_PYPROJ = {"zonalstatistics", "nighttimelight", "ndvi", "typology", "trend", "spatialrelations"}
PLATFORM_HINTS = ("Windows", "OSGeo4W Setup", "python3-pyproj", "macOS",
                  "/Applications/QGIS.app/Contents/MacOS/bin/pip3 install pyproj", "Debian/Ubuntu",
                  "sudo apt install python3-pyproj")


def registry():
    return QgsApplication.processingRegistry()


def megaregion_provider():
    return registry().providerById("megaregion")


def listed_ids():
    return sorted(a.name() for a in megaregion_provider().algorithms())


@pytest.fixture
def without(monkeypatch):
    """``without("pyproj", how)`` reloads the provider as if pyproj were not installed: through
    the provider's ``find_spec`` or through a ``None`` entry in ``sys.modules`` (what an
    uninstalled package looks like to the import system). The provider is reloaded with
    everything present afterwards."""
    def _without(name, how="find_spec"):
        if how == "find_spec":
            real = importlib.util.find_spec
            monkeypatch.setattr(provider_module, "find_spec", lambda n, *a: None if n == name else real(n, *a))
        else:
            monkeypatch.setitem(sys.modules, name, None)
        megaregion_provider().refreshAlgorithms()

    yield _without
    monkeypatch.undo()
    megaregion_provider().refreshAlgorithms()


def test_every_algorithm_can_run_here():
    for alg in megaregion_provider().algorithms():
        assert alg.canExecute() == (True, ""), alg.id()
    assert listed_ids() == sorted(ALGORITHM_IDS + ["pipeline"])


def test_every_algorithm_declares_its_packages_by_import_name():
    for module_name, class_name in ALGORITHMS:
        cls = getattr(importlib.import_module(f"megaregion.processing.{module_name}"), class_name)
        assert set(cls.REQUIRES) <= set(deps.PACKAGES), (class_name, cls.REQUIRES)
        assert "sklearn" not in cls.REQUIRES and "rasterio" not in cls.REQUIRES


@pytest.mark.parametrize("how", ["find_spec", "sys.modules"])
def test_missing_package_keeps_the_algorithm_listed_and_refuses_to_run(without, how):
    without("pyproj", how)
    assert listed_ids() == sorted(ALGORITHM_IDS + ["pipeline"])
    for alg_id in ALGORITHM_IDS:
        alg = registry().createAlgorithmById(f"megaregion:{alg_id}")  # a run's own instance
        ok, message = alg.canExecute()
        if alg_id in NEED_PYPROJ:
            assert not ok, alg_id
            assert message.startswith(f"megaregion:{alg_id} needs the Python package pyproj,")
            for hint in PLATFORM_HINTS:
                assert hint in message, (alg_id, hint)
            assert message in alg.shortHelpString().replace("<br>", "\n")
        else:
            assert (ok, message) == (True, ""), alg_id
    ok, message = registry().createAlgorithmById("megaregion:pipeline").canExecute()
    assert not ok and "needs the Python package pyproj" in message


def test_run_of_an_algorithm_without_its_package_stops_with_the_message(without, run_alg, tmp_path):
    without("pyproj")
    out = tmp_path / "types.gpkg"
    with pytest.raises(QgsProcessingException) as caught:
        run_alg("megaregion:typology", {"INPUT": str(BOUNDARIES), "INDICATORS": ["adcode"], "OUTPUT": str(out)})
    text = str(caught.value)
    assert "megaregion:typology needs the Python package pyproj" in text
    assert "sudo apt install python3-pyproj" in text
    assert "Traceback" not in text and "ModuleNotFoundError" not in text
    assert not out.exists()


def test_the_other_algorithms_still_run(without, run_alg):
    without("pyproj")
    result = run_alg("megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode", "OUTPUT": "memory:"})
    out = result["OUTPUT"]
    assert out.featureCount() == 370 + 8
    assert len({f["megaregion_id"] for f in out.getFeatures() if f["megaregion_id"]}) == 19


def test_message_names_every_missing_package_for_each_platform():
    message = deps.missing_message("megaregion:zonalstatistics", ["pandas", "osgeo"])
    assert message.startswith("megaregion:zonalstatistics needs the Python packages pandas and osgeo,")
    assert 'search for "python3-pandas" and "python3-gdal"' in message
    assert "pip3 install pandas GDAL" in message
    assert "sudo apt install python3-pandas python3-gdal" in message


def test_missing_packages_uses_find_spec_and_survives_broken_packages():
    def find(name):
        if name == "broken":
            raise ValueError("broken.__spec__ is None")
        return None if name == "absent" else object()

    assert deps.missing_packages(("numpy", "absent", "broken"), find=find) == ["absent", "broken"]
    assert deps.missing_packages(("numpy", "pandas")) == []


# A fresh Python with QGIS but without the optional packages: the plugin's modules import
# with QGIS and numpy alone, every algorithm is listed, those that need a missing package
# refuse to run, and rendermaps (QGIS alone) draws a map.
BLOCKED_RUN = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {parent!r})
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    BLOCKED = ("pandas", "scipy", "shapely", "pyproj", "osgeo", "openpyxl", "sklearn", "rasterio", "geopandas")

    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ModuleNotFoundError("No module named " + repr(name))

    for name in list(sys.modules):
        if name.split(".")[0] in BLOCKED:
            del sys.modules[name]
    sys.meta_path.insert(0, Blocker())
    from megaregion.processing.provider import MegaregionProvider
    from qgis import processing
    from qgis.core import QgsProcessingException
    provider = MegaregionProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    for alg in sorted(provider.algorithms(), key=lambda a: a.name()):
        print("ALG", alg.name(), alg.canExecute()[0], ",".join(getattr(alg, "missing_packages", ()) or ()))
    try:
        processing.run("megaregion:zonalstatistics", {{"INPUT": {boundaries!r}, "OUTPUT": "memory:"}})
    except QgsProcessingException as exc:
        print("REFUSED", str(exc).replace(chr(10), " | "))
    result = processing.run("megaregion:rendermaps", {{"LAYERS": [{boundaries!r}], "DPI": 30, "WIDTH_MM": 120,
                                                      "HEIGHT_MM": 90, "OUTPUT_FOLDER": {folder!r}}})
    print("MAPS", result["MAP_COUNT"])
    print("LOADED", " ".join(sorted(n for n in sys.modules if n.split(".")[0] in BLOCKED)))
""")


def test_without_optional_packages_the_plugin_loads_and_maps_render(tmp_path):
    script = BLOCKED_RUN.format(parent=str(plugin_parent()), boundaries=str(BOUNDARIES), folder=str(tmp_path / "maps"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    os.chmod(tmp_path, 0o700)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=600,
                          cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr[-4000:]
    lines = proc.stdout.splitlines()
    algs = {parts[1]: (parts[2], parts[3] if len(parts) > 3 else "") for parts in
            (line.split(" ") for line in lines if line.startswith("ALG "))}
    assert sorted(algs) == sorted(ALGORITHM_IDS + ["pipeline"])
    for alg_id, (can, missing) in algs.items():
        if alg_id == "rendermaps":
            assert (can, missing) == ("True", ""), alg_id
        elif alg_id != "pipeline":
            assert can == "False" and "pandas" in missing.split(","), (alg_id, missing)
    assert algs["zonalstatistics"][1] == "pandas,shapely,pyproj,osgeo"
    assert algs["pipeline"][0] == "False"
    refused = next(line for line in lines if line.startswith("REFUSED "))
    assert "megaregion:zonalstatistics needs the Python packages pandas, shapely, pyproj and osgeo" in refused
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "MAPS 1" in lines
    assert (tmp_path / "maps" / "china_prefectures_gcj02.png").is_file()
    assert "LOADED " in lines, "no blocked package was imported: " + next(l for l in lines if l.startswith("LOADED"))


def test_menu_entry_of_an_algorithm_without_its_package_shows_the_message(without):
    from unittest import mock

    import megaregion

    without("pyproj")
    iface = mock.MagicMock()
    plugin = megaregion.classFactory(iface)
    with mock.patch("qgis.processing.execAlgorithmDialog") as dialog:
        plugin.open_dialog("megaregion:typology")
        plugin.open_dialog("megaregion:joinindicators")
    assert [c.args[0] for c in dialog.call_args_list] == ["megaregion:joinindicators"]
    (call,) = iface.messageBar().pushMessage.call_args_list
    assert "megaregion:typology needs the Python package pyproj" in call.args[1]
    assert "sudo apt install python3-pyproj" in call.args[1]
