"""Regression records: every algorithm of the provider and the pipeline model, run in process
on the bundled data, must reproduce the outputs pinned in tests/regression/expected/ field by
field (tests/regression/records.json says which fields, keys and tolerances).

A changed result fails with every mismatch listed (record, output, row key, field, both
values). When a change is deliberate, rewrite the expectations with
``scripts/make_regression_records.py`` and review the diff of the CSVs."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "regression"))
import regression_records as rr  # noqa: E402

RECORDS = rr.load_records()


@pytest.fixture(scope="module")
def runner(tmp_path_factory):
    missing = rr.DATA_DIR / "ntl_sample" / "ntl_synthetic_2020.tif"
    if not missing.exists():
        pytest.fail(f"{missing} is missing: run `make setup` (it generates the sample night-light rasters)")
    return rr.Runner(RECORDS, tmp_path_factory.mktemp("regression"))


@pytest.mark.parametrize("name", [r["name"] for r in RECORDS])
def test_record(runner, name):
    problems = rr.check_record(runner, name)
    shown = problems[:60] + ([f"... and {len(problems) - 60} more"] if len(problems) > 60 else [])
    assert not problems, f"{len(problems)} mismatches with the pinned outputs:\n" + "\n".join(shown)


def test_every_algorithm_of_the_provider_has_a_record():
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("megaregion")
    ids = {a.id() for a in provider.algorithms()}
    recorded = {r["algorithm"] for r in RECORDS}
    assert "megaregion:pipeline" in ids
    assert ids - recorded == set()
    assert recorded - ids == set()


def test_expected_files_exist_and_are_small():
    files = {rr.expected_path(spec) for r in RECORDS for spec in r["outputs"].values()}
    assert all(f.exists() for f in files), sorted(str(f) for f in files if not f.exists())
    assert sum(f.stat().st_size for f in files) < 4e6


# ------------------------------------------------------------------------------ the comparison itself

SPEC = {"key": ["megaregion", "adcode"], "compare": {"note": "skip", "code": "exact", "share": {"tolerance": 1e-3}}}
COLUMNS = ["megaregion", "adcode", "code", "type", "theil", "share", "count", "note"]
EXPECTED = [
    {"megaregion": "BTH", "adcode": "110100", "code": "010100", "type": "A", "theil": "0.123456789012",
     "share": "0.5", "count": "3", "note": "x"},
    {"megaregion": "BTH", "adcode": "130100", "code": "\\N", "type": "B", "theil": None, "share": "0.25",
     "count": "1", "note": "y"},
]


def actual():
    return [
        {"megaregion": "BTH", "adcode": "110100", "code": "010100", "type": "A", "theil": 0.1234567890123,
         "share": 0.5004, "count": 3, "note": "changed notes are skipped"},
        {"megaregion": "BTH", "adcode": "130100", "code": "\\N", "type": "B", "theil": None, "share": 0.25,
         "count": 1, "note": "y"},
    ]


def compare(rows, columns=COLUMNS, spec=SPEC):
    return rr.compare_table("rec OUT", spec, COLUMNS, EXPECTED, columns, rows)


def test_compare_accepts_equal_tables_within_tolerance():
    assert compare(actual()) == []


def test_compare_flags_a_changed_value():
    rows = actual()
    rows[0]["theil"] = 0.1234568
    problems = compare(rows)
    assert problems == ["rec OUT: row (megaregion=BTH, adcode=110100) field 'theil': expected 0.123456789012, "
                        "got 0.1234568 (tolerance 1e-09)"]
    rows = actual()
    rows[0]["type"] = "B"
    rows[1]["count"] = 2
    rows[0]["share"] = 0.502  # beyond this field's own tolerance
    problems = compare(rows)
    assert len(problems) == 3
    assert any("field 'type': expected A, got B" in p for p in problems)
    assert any("(megaregion=BTH, adcode=130100) field 'count': expected 1, got 2" in p for p in problems)
    assert any("field 'share': expected 0.5, got 0.502" in p for p in problems)


def test_compare_flags_a_missing_and_an_extra_row():
    rows = actual()
    rows[1]["adcode"] = "130200"
    problems = compare(rows)
    assert "rec OUT: row (megaregion=BTH, adcode=130100) is missing from the output" in problems
    assert "rec OUT: row (megaregion=BTH, adcode=130200) is new (not in the expected table)" in problems
    assert len(problems) == 2
    assert compare(actual()[:1]) == ["rec OUT: row (megaregion=BTH, adcode=130100) is missing from the output"]


def test_compare_flags_null_number_swaps():
    rows = actual()
    rows[0]["theil"] = None
    rows[1]["theil"] = 0.0
    problems = compare(rows)
    assert problems == [
        "rec OUT: row (megaregion=BTH, adcode=110100) field 'theil': expected 0.123456789012, got NULL",
        "rec OUT: row (megaregion=BTH, adcode=130100) field 'theil': expected NULL, got 0",
    ]


def test_compare_flags_field_changes_and_codes_losing_leading_zeros():
    rows = actual()
    rows[0]["code"] = 10100.0
    for r in rows:
        r["new_measure"] = 1.0
        del r["count"]
    columns = [c for c in COLUMNS if c != "count"] + ["new_measure"]
    problems = compare(rows, columns)
    assert "rec OUT: field 'new_measure' is new (not in the expected table)" in problems
    assert "rec OUT: field 'count' is missing from the output" in problems
    assert any("field 'code': expected 010100, got 10100" in p for p in problems)
    assert len(problems) == 3


def test_compare_of_selected_fields_ignores_the_others():
    spec = dict(SPEC, fields=["type"])
    expected_columns = ["megaregion", "adcode", "type"]
    expected = [{k: r[k] for k in expected_columns} for r in EXPECTED]
    rows = actual()
    rows[0]["theil"] = 99.0
    assert rr.compare_table("rec OUT", spec, expected_columns, expected, COLUMNS, rows) == []
    rows[1]["type"] = "A"
    assert rr.compare_table("rec OUT", spec, expected_columns, expected, COLUMNS, rows) == [
        "rec OUT: row (megaregion=BTH, adcode=130100) field 'type': expected B, got A"]


def test_expected_csv_round_trip(tmp_path):
    """What the generator writes reads back to a table that the comparison accepts, NULL
    and empty text kept apart, keys sorted, skipped fields left out."""
    spec = {"key": ["adcode"], "compare": {"note": "skip"}}
    rows = [{"adcode": "130100", "name": "", "value": None, "ratio": 1 / 3, "n": 7, "note": "a"},
            {"adcode": "110100", "name": "北京市", "value": 2.5e-17, "ratio": -0.0, "n": 0, "note": "b"}]
    columns = ["adcode", "name", "value", "ratio", "n", "note"]
    path = tmp_path / "t.csv"
    rr.write_expected(path, spec, columns, rows)
    exp_columns, exp_rows = rr.read_expected(path)
    assert exp_columns == ["adcode", "name", "value", "ratio", "n"]
    assert [r["adcode"] for r in exp_rows] == ["110100", "130100"]
    assert exp_rows[1]["name"] == "" and exp_rows[1]["value"] is None
    assert exp_rows[1]["ratio"] == "0.333333333333"
    assert rr.compare_table("t", spec, exp_columns, exp_rows, columns, rows) == []
    rows[0]["name"] = None
    assert rr.compare_table("t", spec, exp_columns, exp_rows, columns, rows) == [
        "t: row (adcode=130100) field 'name': expected , got NULL"]
