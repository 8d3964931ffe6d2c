"""The output contract through qgis_process, as a batch user meets it: an output naming an
input, a missing or unwritable folder, a pipeline output naming one of its inputs, and a
pipeline whose raster turns out corrupt half-way all exit non-zero with the message naming
the parameters and the path, no traceback, nothing written and the inputs unchanged."""
import contextlib
import hashlib
import os
import shutil
import sqlite3

import pytest

from _pkg import ROOT
from bad_input_cases import broken_in_the_middle
from data_paths import BOUNDARIES, CENSUS, NDVI, PIPELINE_OUTPUTS

NTL = [ROOT / "resources" / "data" / "ntl_sample" / f"ntl_synthetic_{y}.tif" for y in (2010, 2020)]


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
def inputs(tmp_path_factory, qgis_process):
    """The prefectures as layer 'prefectures' of a GeoPackage (written by the plugin), the
    census CSV and the boundaries GeoJSON, in a folder of their own."""
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copy(BOUNDARIES, folder / BOUNDARIES.name)
    shutil.copy(CENSUS, folder / CENSUS.name)
    gpkg = folder / "prefectures.gpkg"
    qgis_process.run_json("megaregion:assignmegaregions",
                          {"INPUT": folder / BOUNDARIES.name, "KEY": "adcode",
                           "OUTPUT": f"ogr:dbname='{gpkg}' table=\"prefectures\" (geom)"})
    qgis_process.run_json("megaregion:joinindicators",
                          {"INPUT": f"{gpkg}|layername=prefectures", "INPUT_KEY": "adcode",
                           "TABLE": folder / CENSUS.name, "TABLE_KEY": "city_code", "FIELDS": ["popu_2010", "popu_2020"],
                           "OUTPUT": folder / "joined.gpkg", "UNMATCHED": "TEMPORARY_OUTPUT"})
    for written in (gpkg, folder / "joined.gpkg"):
        # QGIS leaves a GeoPackage it wrote marked for write-ahead logging, and the next
        # reader resets that mark in the file header: settle it, so the checksums compare data
        with contextlib.closing(sqlite3.connect(written)) as con:
            con.execute("PRAGMA journal_mode=DELETE")
    return folder


def checksums(folder):
    return {p.name: sha256(p) for p in folder.iterdir() if p.is_file() and not p.name.endswith(".aux.xml")}


def test_output_naming_the_input_file(qgis_process, inputs, tmp_path):
    source = inputs / BOUNDARIES.name
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


def test_missing_report_folder_writes_no_table(qgis_process, inputs, tmp_path):
    """The report's folder does not exist: refused before the table is written."""
    report = tmp_path / "reports" / "unevenness.html"
    proc, _ = qgis_process.run_json(
        "megaregion:unevenness",
        {"INPUT": inputs / "joined.gpkg", "INDICATORS": ["popu_2010", "popu_2020"],
         "OUTPUT_TABLE": tmp_path / "table.gpkg", "OUTPUT_REGIONS": tmp_path / "regions.gpkg", "OUTPUT_HTML": report},
        check=False)
    refused(proc, f"OUTPUT_HTML '{report}' cannot be written: the folder '{report.parent}' does not exist")
    assert tree(tmp_path) == []


def test_output_under_a_file(qgis_process, inputs, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    target = blocker / "ntl.gpkg"
    proc, _ = qgis_process.run_json(
        "megaregion:nighttimelight", {"INPUT": inputs / BOUNDARIES.name, "RASTER": [str(NTL[0])], "OUTPUT": target},
        check=False)
    refused(proc, f"OUTPUT '{target}' cannot be written", "not a folder")
    assert tree(tmp_path) == ["file.txt"]




def test_pipeline_output_naming_its_input(qgis_process, inputs, tmp_path):
    table = inputs / CENSUS.name
    before = checksums(inputs)
    params = {k: tmp_path / v for k, v in PIPELINE_OUTPUTS.items()}
    params.update({"TABLE": table, "join:UNMATCHED": table})
    proc, _ = qgis_process.run_json("megaregion:pipeline", params, check=False)
    refused(proc, f"join:UNMATCHED would overwrite TABLE ({table})")
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
    params.update({"BOUNDARIES": inputs / BOUNDARIES.name, "TABLE": inputs / CENSUS.name, "NDVI_RASTERS": [broken]})
    proc, _ = qgis_process.run_json("megaregion:pipeline", params, check=False)
    refused(proc, "ndvi_damaged.tif")
    assert tree(out) == []
    assert checksums(inputs) == before
