"""A table without geometry written as a named layer of a GeoPackage (``ogr:`` destination, as
the pipeline's OUTPUT_FOLDER writes unmatched_table_rows, unevenness_table and the profiles) is
complete and leaves no GDAL error on the console ("ERROR 1: No geometry column", which GDAL
reports when QGIS asks for a spatial index of such a table as the sink closes)."""
import contextlib
import sqlite3

from osgeo import gdal

from data_paths import BOUNDARIES, CENSUS


def test_a_table_into_a_geopackage_layer_is_written_without_a_gdal_error(run_alg, tmp_path):
    gpkg = tmp_path / "out.gpkg"
    errors = []

    def record(error_class, number, message):
        errors.append(message)

    assigned = run_alg("megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode",
                                                        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"prefectures\" (geom)"})
    gdal.PushErrorHandler(record)
    try:
        run_alg("megaregion:joinindicators", {
            "INPUT": assigned["OUTPUT"], "INPUT_KEY": "adcode", "TABLE": str(CENSUS), "TABLE_KEY": "city_code",
            "FIELDS": ["popu_2020"], "OUTPUT": "memory:",
            "UNMATCHED": f"ogr:dbname='{gpkg}' table=\"unmatched_table_rows\" (geom)"})
    finally:
        gdal.PopErrorHandler()
    assert not errors, errors
    with contextlib.closing(sqlite3.connect(gpkg)) as con:
        kinds = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents"))
        columns = [row[1] for row in con.execute("PRAGMA table_info(unmatched_table_rows)")]
    assert kinds["prefectures"] == "features" and kinds["unmatched_table_rows"] == "attributes"
    assert "reason" in columns, columns
