"""The output contract through qgis_process, as a batch user meets it: an output naming an
input (the file, or the layer of a GeoPackage) is refused before anything runs, and a pipeline
whose raster turns out corrupt half-way leaves nothing: exit non-zero with the message naming
the parameters and the path, no traceback, nothing written and the inputs unchanged. Every
other case of the contract (missing or unwritable folders, pipeline outputs naming its inputs,
cancel, write errors) runs in process for every algorithm (tests/qgis/test_output_safety.py)."""
import hashlib
import os
import shutil

import pytest

from bad_input_cases import broken_in_the_middle
from data_paths import CENSUS, NDVI, PIPELINE_OUTPUTS

BOUNDARIES = "boundaries.geojson"

def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(folder):
    out = []
    for root, dirs, files in os.walk(folder):
        out += [os.path.relpath(os.path.join(root, n), folder) for n in dirs + files]
    return sorted(out)


def refused(proc, *parts):
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0, text[-2000:]
    for part in parts:
        assert part in text, text[-2000:]
    assert "Traceback" not in text
    return text


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, regional_boundaries):
    """The regional boundaries (tests/conftest.py) as a GeoJSON and as layer 'prefectures' of a
    GeoPackage, and the census CSV, in a folder of their own."""
    from osgeo import gdal

    folder = tmp_path_factory.mktemp("inputs")
    shutil.copy(regional_boundaries, folder / BOUNDARIES)
    shutil.copy(CENSUS, folder / CENSUS.name)
    gdal.VectorTranslate(str(folder / "prefectures.gpkg"), str(regional_boundaries), format="GPKG",
                         layerName="prefectures")
    return folder


def checksums(folder):
    return {p.name: sha256(p) for p in folder.iterdir() if p.is_file() and not p.name.endswith(".aux.xml")}


def test_output_naming_the_input_file(qgis_process, inputs, tmp_path):
    source = inputs / BOUNDARIES
    before = checksums(inputs)
    proc, _ = qgis_process.run_json("megaregion:gcj02towgs84", {"INPUT": source, "OUTPUT": source}, check=False)
    refused(proc, f"OUTPUT would overwrite INPUT ({source})")
    assert checksums(inputs) == before


def test_output_naming_the_input_geopackage_layer(qgis_process, inputs, tmp_path):
    gpkg = inputs / "prefectures.gpkg"
    before = checksums(inputs)
    proc, _ = qgis_process.run_json(
        "megaregion:joinindicators",
        {"INPUT": f"{gpkg}|layername=prefectures", "INPUT_KEY": "adcode", "TABLE": inputs / CENSUS.name,
         "TABLE_KEY": "city_code", "FIELDS": "popu_2020",
         "OUTPUT": f"ogr:dbname='{gpkg}' table=\"prefectures\" (geom)", "UNMATCHED": tmp_path / "unmatched.gpkg"},
        check=False)
    refused(proc, f"OUTPUT would overwrite INPUT ({gpkg}, layer prefectures): choose another file or layer name")
    assert checksums(inputs) == before
    assert tree(tmp_path) == []


def test_pipeline_with_a_corrupt_raster_leaves_nothing(qgis_process, inputs, tmp_path):
    """The NDVI raster is damaged in the middle (it passes the checks before the run): the
    pipeline stops at the step that reads it, after the join step wrote join:UNMATCHED, which
    is removed again."""
    broken = broken_in_the_middle(NDVI, inputs / "ndvi_damaged.tif")
    before = checksums(inputs)
    out = tmp_path / "out"
    out.mkdir()
    params = {k: out / v for k, v in PIPELINE_OUTPUTS.items()}
    params.update({"BOUNDARIES": inputs / BOUNDARIES, "TABLE": inputs / CENSUS.name, "NDVI_RASTERS": [broken]})
    proc, _ = qgis_process.run_json("megaregion:pipeline", params, check=False)
    refused(proc, "ndvi_damaged.tif")
    assert tree(out) == []
    assert checksums(inputs) == before


def test_pipeline_output_folder_holding_the_boundaries(qgis_process, regional_boundaries, tmp_path):
    """OUTPUT_FOLDER is the folder of the boundaries, and they are named megaregion.gpkg, the name of
    the pipeline's GeoPackage: refused before anything is read (the join step once wrote its
    unmatched rows into the user's file before the damaged raster stopped the run), exit not 0,
    the file byte-identical and nothing new in the folder."""
    from osgeo import gdal

    folder = tmp_path / "work"
    folder.mkdir()
    gpkg = folder / "megaregion.gpkg"
    gdal.VectorTranslate(str(gpkg), str(regional_boundaries), format="GPKG", layerName="boundaries")
    shutil.copy(CENSUS, folder / CENSUS.name)
    broken = broken_in_the_middle(NDVI, tmp_path / "ndvi_damaged.tif")
    before = checksums(folder)
    proc, _ = qgis_process.run_json(
        "megaregion:pipeline",
        {"BOUNDARIES": gpkg, "TABLE": folder / CENSUS.name, "NDVI_RASTERS": [broken], "OUTPUT_FOLDER": folder},
        check=False)
    refused(proc, "OUTPUT_FOLDER would write the layers prefectures", f"into {gpkg}, which is BOUNDARIES ({gpkg})",
            "choose another OUTPUT_FOLDER")
    assert checksums(folder) == before
    assert tree(folder) == ["census_city_2010-2020.csv", "megaregion.gpkg"]
