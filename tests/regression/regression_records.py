"""Regression records: run an algorithm of the provider with pinned parameters on the bundled
data and compare its outputs with expected tables kept as data (tests/regression/).

A record (records.json) names an algorithm, its parameters and, per output, the expected
CSV with the fields that identify a row (``key``) and how each field is compared. The same
code writes the expected CSVs (scripts/make_regression_records.py) and checks them
(tests/qgis/test_regression.py), so both always read outputs the same way.

Parameter values understood besides plain JSON:
  ``megaregion-data:<path>``  a file of the bundled data (resources/data/<path>)
  ``inputs:<file>``           a small fixed test input (tests/regression/inputs/<file>)
  ``@<record>.<OUTPUT>``      an output of another record (that record is run first)
Every output listed under ``outputs`` is written to a fresh file (GeoPackage for layers,
a folder for PNG maps); the runner fills those parameters itself.

Output types:
  ``vector``/``table``  a layer: one CSV row per feature, one column per field (the
                        GeoPackage fid left out); ``geometry`` adds measures of the
                        geometry as columns ($area, $centroid_x, $centroid_y, $vertices,
                        $x0, $y0 = the first vertex, $wkb_type).
  ``values``            numbers or strings returned by the algorithm (``names``): one row
                        per output, key ``output``.
  ``png``               a folder of PNG maps: one row per file with width and height in
                        pixels and the share of non-white pixels (``ink``).
``fields`` (optional) limits the comparison to these fields (plus the key); otherwise every
field is pinned and a field that appears or disappears is a mismatch.

Comparison (``compare``: field -> ``"exact"`` | ``"skip"`` | ``{"tolerance": t}``; default
``tolerance`` of the output, else 1e-9): a float matches when |actual - expected| <= t (1 +
|expected|); other values (integers, strings, booleans) must be equal as written; NULL
matches only NULL. Floats are written with 12 significant digits; NULL is written ``\\N``.
"""
import csv
import json
import math
import os
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RECORDS = HERE / "records.json"
DATA_DIR = ROOT / "resources" / "data"
INPUTS_DIR = HERE / "inputs"
NULL_TEXT = "\\N"
DEFAULT_TOLERANCE = 1e-9
SIGNIFICANT = 12
GEOMETRY_MEASURES = ("$area", "$centroid_x", "$centroid_y", "$vertices", "$x0", "$y0", "$wkb_type")


class RecordError(Exception):
    """A record that cannot be run or read as written (not a changed result)."""


# ------------------------------------------------------------------------------ records

def load_records(path=RECORDS):
    with open(path, encoding="utf-8") as f:
        records = json.load(f)
    names = [r["name"] for r in records]
    if len(set(names)) != len(names):
        raise RecordError(f"record names repeat in {path}: {sorted(n for n in names if names.count(n) > 1)}")
    for r in records:
        for key in ("name", "algorithm", "params", "outputs"):
            if key not in r:
                raise RecordError(f"record {r.get('name', '?')!r} has no {key!r}")
        for out_name, spec in r["outputs"].items():
            if spec.get("type") not in ("vector", "table", "values", "png"):
                raise RecordError(f"record {r['name']!r} output {out_name!r}: unknown type {spec.get('type')!r}")
            if "expected" not in spec:
                raise RecordError(f"record {r['name']!r} output {out_name!r} has no 'expected'")
    return records


def by_name(records):
    return {r["name"]: r for r in records}


# ------------------------------------------------------------------------------ values

def is_null(value):
    if value is None:
        return True
    try:
        from qgis.PyQt.QtCore import QVariant
    except ImportError:  # comparison used without QGIS
        return False
    return isinstance(value, QVariant) and value.isNull()


def canonical(value):
    """A value as written in the expected CSV (None for NULL)."""
    if is_null(value):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        text = f"{value:.{SIGNIFICANT}g}"
        return "0" if text == "-0" else text
    if hasattr(value, "toString") and hasattr(value, "isValid"):  # QDate, QDateTime, QTime
        from qgis.PyQt.QtCore import Qt

        return value.toString(Qt.DateFormat.ISODate)
    return str(value)


def _tolerance(spec, field):
    rule = (spec.get("compare") or {}).get(field)
    if rule in ("exact", "skip"):
        return rule
    if isinstance(rule, dict) and "tolerance" in rule:
        return float(rule["tolerance"])
    if rule is not None:
        raise RecordError(f"compare rule {rule!r} of field {field!r} is not 'exact', 'skip' or {{'tolerance': t}}")
    return float(spec.get("tolerance", DEFAULT_TOLERANCE))


_LEADING_ZERO = re.compile(r"^[+-]?0\d")


def values_differ(expected, actual, rule):
    """Whether ``actual`` (a Python value) differs from ``expected`` (CSV text or None)
    under ``rule`` ('exact' or a tolerance)."""
    if is_null(actual) or expected is None:
        return not (is_null(actual) and expected is None)
    if isinstance(actual, float) and not isinstance(actual, bool) and rule != "exact":
        if _LEADING_ZERO.match(expected):  # a code kept as text came back as a number
            return True
        try:
            e = float(expected)
        except ValueError:
            return True
        if math.isnan(e) or math.isnan(actual):
            return not (math.isnan(e) and math.isnan(actual))
        if math.isinf(e) or math.isinf(actual):
            return e != actual
        return abs(actual - e) > rule * (1.0 + abs(e))
    return canonical(actual) != expected


def compare_table(where, spec, expected_columns, expected_rows, actual_columns, actual_rows):
    """Every difference between an expected table (CSV text, None for NULL) and an actual
    one (Python values), as readable lines naming ``where``, the field, the key and both
    values. Returns [] when they agree."""
    key = list(spec["key"])
    problems = []
    rules = {field: _tolerance(spec, field) for field in set(expected_columns) | set(actual_columns)}
    for c in selected_fields(spec, actual_columns):
        if c not in expected_columns and rules[c] != "skip":
            problems.append(f"{where}: field {c!r} is new (not in the expected table)")
    compared = [c for c in expected_columns if rules[c] != "skip"]
    for c in compared:
        if c not in actual_columns:
            problems.append(f"{where}: field {c!r} is missing from the output")
    compared = [c for c in compared if c in actual_columns and c not in key]
    for k in key:
        if k not in actual_columns:
            problems.append(f"{where}: key field {k!r} is missing from the output")
            return problems

    def index(rows, label):
        out = {}
        for row in rows:
            k = tuple(row.get(f) if label == "expected" else canonical(row.get(f)) for f in key)
            if k in out:
                problems.append(f"{where}: key {_show_key(key, k)} appears twice in the {label} rows")
            out[k] = row
        return out

    expected_by_key = index(expected_rows, "expected")
    actual_by_key = index(actual_rows, "actual")
    for k in expected_by_key:
        if k not in actual_by_key:
            problems.append(f"{where}: row {_show_key(key, k)} is missing from the output")
    for k in actual_by_key:
        if k not in expected_by_key:
            problems.append(f"{where}: row {_show_key(key, k)} is new (not in the expected table)")
    for k in sorted(set(expected_by_key) & set(actual_by_key), key=lambda t: tuple("" if v is None else v for v in t)):
        e_row, a_row = expected_by_key[k], actual_by_key[k]
        for field in compared:
            e, a = e_row.get(field), a_row.get(field)
            if values_differ(e, a, rules[field]):
                shown_e = "NULL" if e is None else e
                shown_a = "NULL" if is_null(a) else canonical(a)
                problems.append(
                    f"{where}: row {_show_key(key, k)} field {field!r}: expected {shown_e}, got {shown_a}"
                    + (f" (tolerance {rules[field]:g})"
                       if isinstance(rules[field], float) and isinstance(a, float) and e is not None else ""))
    return problems


def selected_fields(spec, columns):
    """The fields of ``columns`` an output pins: the key, then those named in ``fields`` or
    starting with ``field_prefix``; every field when neither is given."""
    key = list(spec["key"])
    if "fields" not in spec and "field_prefix" not in spec:
        return key + [c for c in columns if c not in key]
    named = set(spec.get("fields", []))
    prefix = spec.get("field_prefix")
    return key + [c for c in columns if c not in key and (c in named or (prefix and c.startswith(prefix)))]


def _show_key(key, values):
    return "(" + ", ".join(f"{k}={'NULL' if v is None else v}" for k, v in zip(key, values)) + ")"


# ------------------------------------------------------------------------------ CSV files

def read_expected(path):
    """(columns, rows) of an expected CSV: rows as dicts of text, None for NULL."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        columns = next(reader)
        rows = [{c: (None if v == NULL_TEXT else v) for c, v in zip(columns, line)} for line in reader]
    return columns, rows


def write_expected(path, spec, columns, rows):
    """Write a table as an expected CSV, rows sorted by the key, skipped fields left out."""
    key = list(spec["key"])
    missing = [c for c in key + list(spec.get("fields", [])) if c not in columns]
    if missing:
        raise RecordError(f"{path.name}: fields {missing} are not in the output (it has {columns})")
    ordered = [c for c in selected_fields(spec, columns) if c in key or _tolerance(spec, c) != "skip"]
    text_rows = [[canonical(row.get(c)) for c in ordered] for row in rows]
    keys = [tuple(r[: len(key)]) for r in text_rows]
    if len(set(keys)) != len(keys):
        dup = sorted({k for k in keys if keys.count(k) > 1}, key=str)[:5]
        raise RecordError(f"{path.name}: key {key} does not identify a row: {dup} repeat")
    text_rows.sort(key=lambda r: tuple(_sort_part(v) for v in r[: len(key)]))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(ordered)
        for r in text_rows:
            writer.writerow([NULL_TEXT if v is None else v for v in r])


def _sort_part(value):
    if value is None:
        return (0, 0.0, "")
    try:
        return (1, float(value), value)
    except ValueError:
        return (2, 0.0, value)


# ------------------------------------------------------------------------------ running

def _safe(name):
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)


class Runner:
    """Runs records with their outputs under ``workdir``, each record at most once."""

    def __init__(self, records, workdir):
        self.records = by_name(records)
        self.workdir = Path(workdir)
        self.results = {}

    def resolve(self, value):
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, str):
            return value
        if value.startswith("megaregion-data:"):
            return str(DATA_DIR / value[len("megaregion-data:"):])
        if value.startswith("inputs:"):
            return str(INPUTS_DIR / value[len("inputs:"):])
        if value.startswith("@"):
            record, _, output = value[1:].partition(".")
            if record not in self.records:
                raise RecordError(f"{value!r} names no record")
            results = self.run(record)
            if output not in results:
                raise RecordError(f"{value!r}: record {record!r} has no output {output!r} (it has {sorted(results)})")
            return results[output]
        return value

    def run(self, name):
        if name in self.results:
            return self.results[name]
        from qgis import processing
        from qgis.core import QgsProcessingContext, QgsProcessingFeedback

        record = self.records[name]
        params = {k: self.resolve(v) for k, v in record["params"].items()}
        folder = self.workdir / _safe(name)
        folder.mkdir(parents=True, exist_ok=True)
        for out_name, spec in record["outputs"].items():
            if spec["type"] in ("vector", "table"):
                params[out_name] = str(folder / f"{_safe(out_name)}.gpkg")
            elif spec["type"] == "png":
                params[out_name] = str(folder / _safe(out_name))
        fill_destinations(record["algorithm"], params)
        context = QgsProcessingContext()
        results = processing.run(record["algorithm"], params, context=context, feedback=QgsProcessingFeedback())
        # outputs written to files outlive the context; keep only what later records can use
        self.results[name] = {k: v for k, v in results.items() if not k.startswith("CHILD_")}
        return self.results[name]

    def output_table(self, name, out_name):
        """(columns, rows) of one output of a record, rows as dicts of Python values."""
        spec = self.records[name]["outputs"][out_name]
        results = self.run(name)
        if spec["type"] == "values":
            rows = []
            for output in spec["names"]:
                if output not in results:
                    raise RecordError(f"record {name!r} returned no {output!r} (it returned {sorted(results)})")
                rows.append({"output": output, "value": results[output]})
            return ["output", "value"], rows
        if out_name not in results:
            raise RecordError(f"record {name!r} returned no {out_name!r} (it returned {sorted(results)})")
        if spec["type"] == "png":
            return png_table(results[out_name])
        return layer_table(results[out_name], spec.get("geometry", []))


def fill_destinations(algorithm_id, params):
    """Give every required output the record leaves out a temporary destination (a model
    such as megaregion:pipeline refuses to run without one)."""
    from qgis.core import Qgis, QgsApplication, QgsProcessingParameterDefinition

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    if algorithm is None:
        raise RecordError(f"no algorithm {algorithm_id!r} is registered")
    try:  # QGIS >= 3.36 (the only spelling left in QGIS 4)
        optional = Qgis.ProcessingParameterFlag.Optional
    except AttributeError:
        optional = QgsProcessingParameterDefinition.Flag.FlagOptional
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() and definition.name() not in params and not definition.flags() & optional:
            params[definition.name()] = "TEMPORARY_OUTPUT"
    return params


def layer_table(source, measures=()):
    from qgis.core import QgsVectorLayer

    layer = source if isinstance(source, QgsVectorLayer) else QgsVectorLayer(str(source), "output", "ogr")
    if not layer.isValid():
        raise RecordError(f"output {source!r} does not open as a layer")
    unknown = [m for m in measures if m not in GEOMETRY_MEASURES]
    if unknown:
        raise RecordError(f"unknown geometry measures {unknown}: use {GEOMETRY_MEASURES}")
    fields = layer.fields()
    primary = set(layer.dataProvider().pkAttributeIndexes()) if layer.providerType() == "ogr" else set()
    names = [f.name() for i, f in enumerate(fields) if i not in primary]
    rows = []
    for feature in layer.getFeatures():
        row = {n: feature[n] for n in names}
        if measures:
            row.update(geometry_measures(feature.geometry(), measures))
        rows.append(row)
    return names + list(measures), rows


def geometry_measures(geometry, measures):
    from qgis.core import QgsWkbTypes

    out = {}
    empty = geometry is None or geometry.isNull() or geometry.isEmpty()
    for m in measures:
        if empty:
            out[m] = None
        elif m == "$area":
            out[m] = float(geometry.area())
        elif m == "$centroid_x":
            out[m] = float(geometry.centroid().asPoint().x())
        elif m == "$centroid_y":
            out[m] = float(geometry.centroid().asPoint().y())
        elif m == "$vertices":
            out[m] = int(geometry.constGet().nCoordinates())
        elif m in ("$x0", "$y0"):
            p = geometry.vertexAt(0)
            out[m] = float(p.x() if m == "$x0" else p.y())
        elif m == "$wkb_type":
            out[m] = QgsWkbTypes.displayString(geometry.wkbType())
    return out


def png_table(folder):
    """One row per PNG in ``folder``: file, width, height, ink (share of non-white pixels,
    sampled every 4th pixel in both directions)."""
    from qgis.PyQt.QtGui import QImage

    rows = []
    for name in sorted(os.listdir(folder)):
        if not name.lower().endswith(".png"):
            continue
        image = QImage(os.path.join(folder, name))
        if image.isNull():
            raise RecordError(f"{name} in {folder} does not open as an image")
        inked = total = 0
        for y in range(0, image.height(), 4):
            for x in range(0, image.width(), 4):
                total += 1
                if image.pixel(x, y) & 0xFFFFFF != 0xFFFFFF:
                    inked += 1
        rows.append({"file": name, "width": image.width(), "height": image.height(), "ink": inked / total})
    return ["file", "width", "height", "ink"], rows


def expected_path(spec):
    return HERE / spec["expected"]


def check_record(runner, name):
    """Every mismatch of one record's outputs with its expected CSVs."""
    record = runner.records[name]
    problems = []
    for out_name, spec in record["outputs"].items():
        columns, rows = runner.output_table(name, out_name)
        exp_columns, exp_rows = read_expected(expected_path(spec))
        problems += compare_table(f"{name} {out_name}", spec, exp_columns, exp_rows, columns, rows)
    return problems
