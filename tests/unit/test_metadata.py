"""metadata.txt as the QGIS Plugin Manager and the plugin repository read it: QGIS 3.22
through 4.x, Qt6, a category the Plugin Manager knows, what each platform needs, and a
changelog entry for every version."""
import configparser
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The categories of the plugin metadata (PyQGIS developer cookbook, "Plugin metadata").
CATEGORIES = {"Raster", "Vector", "Database", "Mesh", "Web"}


@pytest.fixture(scope="module")
def meta():
    parser = configparser.ConfigParser(interpolation=None)
    with open(ROOT / "metadata.txt", encoding="utf-8") as f:
        parser.read_file(f)
    return parser["general"]


def _version(text):
    return tuple(int(p) for p in text.split("."))


def test_mandatory_keys(meta):
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository"):
        assert meta.get(key, "").strip(), key


def test_qgis_3_22_through_4(meta):
    assert _version(meta["qgisMinimumVersion"]) == (3, 22)
    assert meta["qgisMaximumVersion"] == "4.99"
    assert meta.getboolean("supportsQt6") is True
    assert meta["hasProcessingProvider"] == "yes"


def test_category_is_one_the_plugin_manager_knows(meta):
    assert meta["category"] in CATEGORIES


def test_version_is_0_5_0_and_has_a_changelog_entry(meta):
    assert meta["version"] == "0.5.0"
    entries = re.findall(r"^\s*(\d+\.\d+\.\d+) ", meta["changelog"], re.M)
    assert entries[0] == meta["version"], "the newest changelog entry is the current version"
    assert entries == sorted(entries, key=_version, reverse=True), "newest first"
    assert "0.1.0" in entries


def test_changelog_names_what_each_version_added(meta):
    changes = dict(re.findall(r"^\s*(\d+\.\d+\.\d+) (.+)$", meta["changelog"], re.M))
    for alg in ("joinindicators", "assignmegaregions", "gcj02towgs84", "zonalstatistics", "nighttimelight", "ndvi",
                "unevenness", "typology", "trend", "rendermaps", "pipeline"):
        assert f"({alg})" in changes["0.1.0"], alg
    for point in ("QGIS 3.22 through 4.x", "Qt6", "rasterio", "scikit-learn", "missing"):
        assert point in changes["0.2.0"], point
    for point in ("BOOTSTRAP", "PERMUTATIONS", "STABILITY_RESAMPLES", "OUTPUT_FOLDER", "MEMBERSHIP_SET",
                  "South China Sea", "LANGUAGE"):
        assert point in changes["0.3.0"], point
    for point in ("Chinese", "pipeline model", "error message", "HTML reports", "maps", "layer metadata"):
        assert point in changes["0.4.0"], point
    for point in ("(aggregatecounties)", "(spatialrelations)", "(exporttables)", "YEARS", ".tif.gz", "PDF",
                  "convergence", "undefined CRS"):
        assert point in changes["0.5.0"], point


def test_about_says_what_each_platform_needs(meta):
    about = meta["about"]
    assert "<" not in about, "no HTML in about"
    for platform in ("Windows", "OSGeo4W", "macOS", "Debian/Ubuntu"):
        assert platform in about, platform
    debian = about[about.index("Debian/Ubuntu"):]
    for package in ("python3-qgis", "python3-numpy", "python3-pandas", "python3-scipy", "python3-shapely",
                    "python3-pyproj", "python3-gdal"):
        assert package in debian, package
    assert "openpyxl" in about and "XLSX driver" in about
    for gone in ("rasterio", "sklearn", "scikit-learn", "geopandas"):
        assert gone not in about, f"{gone} is no longer needed"


def test_icon_exists(meta):
    assert (ROOT / meta["icon"]).is_file()
