"""Through qgis_process, with pyproj made unimportable in QGIS's Python (a sitecustomize on
PYTHONPATH refuses it): an algorithm that needs it, and the pipeline whose steps need it, stop
before running, with the message saying how to add it and no traceback. That the other
algorithms keep running without it is shown in process (tests/qgis/test_dependencies.py: with
pyproj hidden, and in a fresh Python without any optional package)."""
import copy
import os
import textwrap

import pytest

from data_paths import BOUNDARIES

SITECUSTOMIZE = textwrap.dedent("""
    import sys

    class _Refuse:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] == "pyproj":
                raise ModuleNotFoundError("No module named " + repr(name))

    sys.meta_path.insert(0, _Refuse())
""")


@pytest.fixture
def qgis_process_without_pyproj(qgis_process, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    qp = copy.copy(qgis_process)
    qp.env = dict(qgis_process.env)
    qp.env["PYTHONPATH"] = os.pathsep.join(p for p in (str(site), qp.env.get("PYTHONPATH")) if p)
    return qp


def test_algorithm_without_its_package_stops_with_how_to_add_it(qgis_process_without_pyproj, tmp_path):
    out = tmp_path / "types.gpkg"
    proc = qgis_process_without_pyproj(
        "run", "megaregion:typology", "--", f"INPUT={BOUNDARIES}", "INDICATORS=adcode", f"OUTPUT={out}", check=False
    )
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "megaregion:typology needs the Python package pyproj" in text
    for hint in ("OSGeo4W Setup", '"python3-pyproj"', "/Applications/QGIS.app/Contents/MacOS/bin/pip3 install pyproj",
                 "sudo apt install python3-pyproj"):
        assert hint in text, hint
    assert "Traceback" not in text and "ModuleNotFoundError" not in text
    assert not out.exists()


def test_pipeline_without_a_package_of_a_step_stops_before_writing(qgis_process_without_pyproj, tmp_path):
    outputs = {"ndvi:PREFECTURES": "prefectures.gpkg", "unevenness:TABLE": "unevenness_table.gpkg",
               "typology:CITIES": "typology.gpkg", "trend:CITIES": "trend.gpkg"}
    args = ["run", "megaregion:pipeline", "--"] + [f"{k}={tmp_path / v}" for k, v in outputs.items()]
    proc = qgis_process_without_pyproj(*args, check=False)
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0
    # the first step that needs pyproj is named, with how to add it
    assert "needs the Python package pyproj" in text and "sudo apt install python3-pyproj" in text
    assert "Traceback" not in text
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "site") == []
