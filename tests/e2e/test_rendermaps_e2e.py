"""megaregion:rendermaps through qgis_process on the session's unevenness and gap typology
GeoPackages (tests/e2e/conftest.py): one PNG per GeoPackage, each drawn with the default style
saved in it, over all prefectures with the cores on top; in Chinese, only the clear changes.
A layer without features is refused (tests/e2e/test_bad_input_e2e.py); the help lists the
parameters (tests/e2e/test_qgis_process.py)."""
import os

import numpy as np
import pytest
from qgis.PyQt.QtGui import QColor, QImage

from data_paths import BOUNDARIES

# Okabe & Ito colours of types A, B, C (core.report_typology.PALETTE), as the saved style has them
TYPE_COLOURS = ["#e69f00", "#56b4e9", "#009e73"]


def pixels(path):
    """The PNG as an (height, width, 3) uint8 RGB array."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull(), path
    ptr = image.constBits()
    ptr.setsize(image.sizeInBytes())
    bgra = np.frombuffer(ptr, np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()]
    return bgra[:, :, 2::-1].copy()


def colour_count(rgb, colour, tolerance=2):
    c = QColor(colour)
    target = np.array([c.red(), c.green(), c.blue()], dtype=int)
    return int((np.abs(rgb.astype(int) - target).max(axis=2) <= tolerance).sum())


@pytest.fixture(scope="module")
def maps_input(analysis):
    """The session's unevenness (Gini headline) and gap typology (K = 3) GeoPackages."""
    return {"regions": analysis.regions, "types": analysis.types, "cores": analysis.cores}


def test_maps_of_geopackages_with_their_default_style(qgis_process, maps_input, tmp_path):
    folder = tmp_path / "maps"
    proc, result = qgis_process.run_json(
        "megaregion:rendermaps",
        {"LAYERS": [maps_input["regions"], maps_input["types"]], "BACKGROUND": BOUNDARIES,
         "CORES": maps_input["cores"], "LANGUAGE": 1, "DPI": 100, "WIDTH_MM": 297, "HEIGHT_MM": 210,
         "OUTPUT_FOLDER": folder},
    )
    results = result["results"]
    written = [str(folder / "regions.png"), str(folder / "types.png")]
    assert results["OUTPUT_FILES"].split(";") == written and results["MAP_COUNT"] == 2
    assert sorted(os.listdir(folder)) == ["regions.png", "types.png"]
    info = "\n".join(result["log"]["info"])
    assert "Rendered 'regions': Core–secondary unevenness of population, Gini coefficient, 2020" in info
    assert "did not fit" not in proc.stdout + proc.stderr  # every mega-region and core labelled
    assert "Rendered 'types': Types of secondary cities by gap to the cores" in info
    assert "update access" not in proc.stderr  # GDAL's georeferencing noise is silenced

    types = pixels(folder / "types.png")
    assert types.shape[:2] == (827, 1169)
    assert all(colour_count(types, c) > 800 for c in TYPE_COLOURS), [colour_count(types, c) for c in TYPE_COLOURS]
    assert len(np.unique(types.reshape(-1, 3), axis=0)) > 200
    regions = pixels(folder / "regions.png")
    assert regions.shape[:2] == (827, 1169)
    # graduated in the Reds ramp: the darkest class is on the map and in the legend
    assert colour_count(regions, "#67000d", tolerance=6) > 1000
    # dark text in the legend column (right of the map, from x = 221 mm)
    for rgb in (types, regions):
        legend = rgb[130:700, 870:]
        assert int((legend.max(axis=2) < 90).sum()) > 1000


def test_chinese_map_of_clear_changes(qgis_process, maps_input, tmp_path):
    folder = tmp_path / "maps"
    proc, result = qgis_process.run_json(
        "megaregion:rendermaps",
        {"LAYERS": [maps_input["regions"]], "CORES": maps_input["cores"], "LANGUAGE": 2, "CLEAR_CHANGES_ONLY": True,
         "DPI": 60, "OUTPUT_FOLDER": folder},
    )
    info = "\n".join(result["log"]["info"])
    assert "Rendered 'regions': 2010—2020年常住人口核心—次级城市不均衡的变化：基尼系数" in info
    assert result["results"]["MAP_COUNT"] == 1
    # the regions whose change is not clear are grey (NOT_CLEAR_FILL)
    assert colour_count(pixels(folder / "regions.png"), "#bdbdbd", tolerance=3) > 300
