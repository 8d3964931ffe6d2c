"""megaregion:rendermaps through qgis_process on the bundled data: assign, join the census,
unevenness and the gap typology into GeoPackages, then one PNG per GeoPackage, each drawn
with the default style saved in it, over all prefectures with the cores on top."""
import os

import numpy as np
import pytest
from qgis.PyQt.QtGui import QColor, QImage

from data_paths import BOUNDARIES, CENSUS

INDICATORS_2020 = ["popu_2020", "popu_urban_2020", "household_2020", "age_65_2020"]
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
def maps_input(qgis_process, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rendermaps-e2e")
    assigned, joined = folder / "assigned.gpkg", folder / "joined.gpkg"
    qgis_process.run_json("megaregion:assignmegaregions", {"INPUT": BOUNDARIES, "KEY": "adcode", "OUTPUT": assigned})
    qgis_process.run_json(
        "megaregion:joinindicators",
        {"INPUT": assigned, "INPUT_KEY": "adcode", "TABLE": CENSUS, "TABLE_KEY": "city_code",
         "OUTPUT": joined, "UNMATCHED": folder / "unmatched.csv"},
    )
    regions, types, cores = folder / "regions.gpkg", folder / "types.gpkg", folder / "cores.gpkg"
    qgis_process.run_json(
        "megaregion:unevenness",
        {"INPUT": joined, "INDICATORS": ["popu_2010", "popu_2020"], "HEADLINE": 2,
         "OUTPUT_TABLE": folder / "table.gpkg", "OUTPUT_REGIONS": regions, "OUTPUT_HTML": folder / "u.html"},
    )
    qgis_process.run_json(
        "megaregion:typology",
        {"INPUT": joined, "INDICATORS": INDICATORS_2020, "COST_INDICATORS": "age_65_2020", "K": 3,
         "OUTPUT": types, "OUTPUT_CORES": cores, "OUTPUT_PROFILES": folder / "profiles.gpkg",
         "OUTPUT_HTML": folder / "t.html"},
    )
    return {"regions": regions, "types": types, "cores": cores}


def test_help_lists_the_parameters(qgis_process):
    out = qgis_process("help", "megaregion:rendermaps").stdout
    for name in ("LAYERS", "BACKGROUND", "CORES", "CORE_LABEL_FIELD", "TITLE", "LANGUAGE", "MAP_EXTENT",
                 "CLEAR_CHANGES_ONLY", "CLARITY_FIELD", "MAP_CRS", "DPI", "WIDTH_MM", "HEIGHT_MM", "OUTPUT_FOLDER",
                 "OUTPUT_FILES", "MAP_COUNT"):
        assert name in out, name


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


def test_layer_without_features_fails_and_writes_nothing(qgis_process, maps_input, tmp_path):
    empty = tmp_path / "empty.geojson"
    empty.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    folder = tmp_path / "maps"
    proc, _ = qgis_process.run_json(
        "megaregion:rendermaps", {"LAYERS": [maps_input["regions"], empty], "OUTPUT_FOLDER": folder}, check=False)
    assert proc.returncode != 0
    assert "has no features" in proc.stdout + proc.stderr
    assert not folder.exists() or os.listdir(folder) == []


def test_chinese_map_of_clear_changes(qgis_process, maps_input, tmp_path):
    folder = tmp_path / "maps"
    proc, result = qgis_process.run_json(
        "megaregion:rendermaps",
        {"LAYERS": [maps_input["regions"]], "CORES": maps_input["cores"], "LANGUAGE": 2, "CLEAR_CHANGES_ONLY": True,
         "DPI": 60, "OUTPUT_FOLDER": folder},
    )
    info = "\n".join(result["log"]["info"])
    assert "Rendered 'regions': 2010—2020年常住人口核心—次级城市差异的变化：基尼系数" in info
    assert result["results"]["MAP_COUNT"] == 1
    # the regions whose change is not clear are grey (NOT_CLEAR_FILL)
    assert colour_count(pixels(folder / "regions.png"), "#bdbdbd", tolerance=3) > 300
