"""(Re)write the expected outputs of the regression records (tests/regression/records.json)
by running each record's algorithm on the bundled data in this checkout.

A deliberate change of results is then this one command and a reviewable diff of
tests/regression/expected/*.csv; tests/qgis/test_regression.py checks the code against them.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_regression_records.py [RECORD ...]
        [--inputs]   also rebuild tests/regression/inputs/prefectures.gpkg from the pipeline

Without RECORD names every record is written. The fixed input prefectures.gpkg (the
prefectures with every indicator, as the pipeline makes them, boundaries simplified to
0.05 degree) is built when missing or with --inputs; the unevenness, typology, trend and map
records read it, so their numbers do not depend on the zonal statistics.
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "regression"))

SIMPLIFY_DEGREES = 0.05


def start():
    import _pkg

    _pkg.ensure_importable()
    # the repository root on sys.path would shadow QGIS's own `processing` with ours
    sys.path[:] = [p for p in sys.path if Path(os.path.abspath(p or os.curdir)) != ROOT]
    from qgis_env import start_qgis

    start_qgis()


def make_inputs(workdir):
    """tests/regression/inputs/prefectures.gpkg: the pipeline's prefectures, simplified."""
    from qgis import processing
    from qgis.core import QgsVectorLayer

    import regression_records as rr

    full = os.path.join(workdir, "pipeline_prefectures.gpkg")
    processing.run("megaregion:pipeline", rr.fill_destinations("megaregion:pipeline", {"ndvi:PREFECTURES": full}))
    layer = QgsVectorLayer(full, "prefectures", "ogr")
    if not layer.isValid():
        raise SystemExit(f"the pipeline wrote no readable prefectures layer ({full})")
    target = rr.INPUTS_DIR / "prefectures.gpkg"
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(str(target) + suffix):
            os.remove(str(target) + suffix)
    simplified = os.path.join(workdir, "prefectures.gpkg")
    processing.run("native:simplifygeometries",
                   {"INPUT": full, "METHOD": 0, "TOLERANCE": SIMPLIFY_DEGREES, "OUTPUT": simplified})
    # copied without a spatial index (smaller, and the same file every time)
    from osgeo import gdal

    gdal.VectorTranslate(str(target), simplified, format="GPKG", layerName="prefectures",
                         layerCreationOptions=["SPATIAL_INDEX=NO"])
    check = QgsVectorLayer(str(target), "prefectures", "ogr")
    if check.featureCount() != layer.featureCount():
        raise SystemExit(f"{target} has {check.featureCount()} features, the pipeline wrote {layer.featureCount()}")
    print(f"wrote {target.relative_to(ROOT)} ({check.featureCount()} features, {target.stat().st_size} bytes)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", nargs="*", help="names of the records to write (default: all)")
    parser.add_argument("--inputs", action="store_true", help="also rebuild tests/regression/inputs/prefectures.gpkg")
    args = parser.parse_args(argv)

    ntl = ROOT / "resources" / "data" / "ntl_sample" / "ntl_synthetic_2020.tif"
    if not ntl.exists():
        raise SystemExit(f"{ntl.relative_to(ROOT)} is missing: run `make setup` (or scripts/make_sample_ntl.py) first")
    start()
    import regression_records as rr

    records = rr.load_records()
    names = [r["name"] for r in records]
    unknown = [n for n in args.records if n not in names]
    if unknown:
        raise SystemExit(f"no record named {unknown}; records: {', '.join(names)}")
    with tempfile.TemporaryDirectory(prefix="megaregion-regression-") as workdir:
        if args.inputs or not (rr.INPUTS_DIR / "prefectures.gpkg").exists():
            make_inputs(workdir)
        runner = rr.Runner(records, workdir)
        for record in records:
            if args.records and record["name"] not in args.records:
                continue
            started = time.time()
            for out_name, spec in record["outputs"].items():
                columns, rows = runner.output_table(record["name"], out_name)
                path = rr.expected_path(spec)
                rr.write_expected(path, spec, columns, rows)
                print(f"{record['name']} {out_name}: {len(rows)} rows -> {path.relative_to(ROOT)}")
            print(f"  ({time.time() - started:.1f} s)")
    total = sum(p.stat().st_size for p in (rr.HERE / "expected").glob("*.csv"))
    print(f"expected tables: {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
