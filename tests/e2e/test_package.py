"""The installable zip: one top-level folder, no development files, and it runs from a
fresh plugin folder through qgis_process."""
import contextlib
import sqlite3
import subprocess
import sys
import zipfile

from _pkg import ROOT
from qgis_process_runner import QgisProcess
from data_paths import BOUNDARIES


def test_zip_installs_and_runs(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(dist)], check=True, capture_output=True)
    (archive,) = dist.glob("megaregion-*.zip")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert {n.split("/", 1)[0] for n in names} == {"megaregion"}
        for banned in ("/tests/", "/bench/", "/.ci/", "__pycache__", ".pyc", "/scripts/", "/.venv/", "/output/"):
            assert not any(banned in n for n in names), banned
        for needed in ("metadata.txt", "__init__.py", "plugin.py", "LICENSE", "processing/provider.py",
                       "resources/data/megaregions/membership.csv", "resources/icons/megaregion.png",
                       "docs/html/algorithms.html", "docs/html/method.html"):
            assert f"megaregion/{needed}" in names, needed
        # the Help buttons' reference: a section per algorithm, the method with its formulas
        reference = zf.read("megaregion/docs/html/algorithms.html").decode("utf-8")
        for alg in ("pipeline", "assignmegaregions", "typology", "trend", "unevenness", "rendermaps"):
            assert f'id="megaregion-{alg}"' in reference, alg
        method = zf.read("megaregion/docs/html/method.html").decode("utf-8")
        assert "<code>G = Gw + Gnb + Gt</code>" in method
        plugins = tmp_path / "plugins"
        zf.extractall(plugins)

    home = tmp_path / "home"
    home.mkdir()
    qp = QgisProcess(home)
    qp.env["QGIS_PLUGINPATH"] = str(plugins)
    qp("plugins", "enable", "megaregion")
    out = tmp_path / "assigned.gpkg"  # the algorithm runs from the installed folder
    qp.run_json("megaregion:assignmegaregions", {"INPUT": BOUNDARIES, "KEY": "adcode", "OUTPUT": out})
    with contextlib.closing(sqlite3.connect(out)) as con:
        assert con.execute("SELECT COUNT(DISTINCT megaregion_id) FROM assigned").fetchone()[0] == 19
