"""megaregion:typology and megaregion:trend through qgis_process on the prepared prefectures:
both typologies writing GeoPackages and HTML reports (the typology is the session's analysis
run, tests/e2e/conftest.py). Their numbers are pinned in process (tests/qgis/test_regression.py,
tests/qgis/test_typology_algorithms.py); here the outputs' layout, counts, identities and styles."""
import contextlib
import sqlite3

import pytest


def query(gpkg, sql):
    with contextlib.closing(sqlite3.connect(gpkg)) as con:
        return con.execute(sql).fetchall()


def test_typology_census(analysis):
    results = analysis.typology_results
    assert results["K_CHOSEN"] == 3
    types = analysis.types
    n, typed, n_types, missing_reason = query(
        types, "SELECT COUNT(*), COUNT(type), COUNT(DISTINCT type), SUM(type IS NULL AND excluded_reason IS NULL) "
               "FROM types")[0]
    assert (n, typed, n_types, missing_reason) == (213, results["TYPED_COUNT"], 3, 0)
    assert n - typed == results["EXCLUDED_COUNT"] > 0
    # gap = performance minus the nearest core's performance, which the cores layer holds
    with contextlib.closing(sqlite3.connect(types)) as con:
        con.execute(f"ATTACH DATABASE '{analysis.cores}' AS c")
        worst, joined_rows = con.execute(
            "SELECT MAX(ABS(t.gap_popu_2020 - (t.perf_popu_2020 - k.perf_popu_2020))), COUNT(*) FROM types t "
            "JOIN c.cores k ON k.megaregion_id = t.megaregion_id AND k.name = t.reference_core "
            "WHERE t.type IS NOT NULL").fetchone()
    assert joined_rows == typed and worst < 1e-12
    assert query(types, "SELECT COUNT(*) FROM types WHERE adcode = '130400'")[0][0] == 2     # Handan: BTH and CPL
    # the GeoPackage opens styled by type
    qml = query(types, "SELECT styleQML FROM layer_styles WHERE useAsDefault")[0][0]
    assert 'attr="type"' in qml and "A — closest to the cores" in qml and "C — furthest behind the cores" in qml
    assert query(analysis.cores, "SELECT COUNT(*) FROM cores")[0][0] == 35
    profiles = query(analysis.profiles, "SELECT type, size, dim_urban_size, gap_popu_2020, gap_popu_urban_2020 "
                                        "FROM profiles ORDER BY type")
    assert [p[0] for p in profiles] == ["A", "B", "C"] and sum(p[1] for p in profiles) == typed
    for _, _, dim, a, b in profiles:
        assert dim == pytest.approx((a + b) / 2, abs=1e-12)
    text = analysis.typology_html.read_text(encoding="utf-8")
    assert "Typology of secondary cities" in text and "<svg" in text


def test_trend_census(qgis_process, prepared, tmp_path):
    types, html = tmp_path / "trends.gpkg", tmp_path / "trend.html"
    _, result = qgis_process.run_json(
        "megaregion:trend",
        {"INPUT": prepared,
         "INDICATORS": ["popu_2010", "popu_2020", "household_2010", "household_2020", "age_65_2010", "age_65_2020"],
         "COST_INDICATORS": "age_65_2020", "K_MAX": 4, "STABILITY_RESAMPLES": 0, "OUTPUT": types,
         "OUTPUT_CORES": tmp_path / "cores.gpkg", "OUTPUT_PROFILES": tmp_path / "profiles.gpkg", "OUTPUT_HTML": html},
    )
    results = result["results"]
    assert 2 <= results["K_CHOSEN"] <= 4
    n, typed, worst = query(
        types, "SELECT COUNT(*), COUNT(type), MAX(ABS(trend_popu - (perf_popu_2020 - perf_popu_2010))) FROM trends")[0]
    assert n == 213 and typed == results["TYPED_COUNT"] and worst < 1e-12
    qml = query(types, "SELECT styleQML FROM layer_styles WHERE useAsDefault")[0][0]
    assert "A — most improved" in qml
    assert "Development trends of secondary cities" in html.read_text(encoding="utf-8")
