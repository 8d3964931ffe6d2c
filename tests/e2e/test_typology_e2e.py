"""megaregion:typology and megaregion:trend through qgis_process on the bundled data:
assign, join the census, then both typologies writing GeoPackages and HTML reports."""
import contextlib
import sqlite3

import pytest

from data_paths import BOUNDARIES, CENSUS

PUBLIC = ["INPUT", "INDICATORS", "COST_INDICATORS", "K", "OUTPUT", "OUTPUT_CORES", "OUTPUT_PROFILES", "OUTPUT_HTML"]


@pytest.fixture(scope="module")
def joined(qgis_process, tmp_path_factory):
    folder = tmp_path_factory.mktemp("typology-e2e")
    assigned, joined = folder / "assigned.gpkg", folder / "joined.gpkg"
    qgis_process.run_json("megaregion:assignmegaregions", {"INPUT": BOUNDARIES, "KEY": "adcode", "OUTPUT": assigned})
    qgis_process.run_json(
        "megaregion:joinindicators",
        {"INPUT": assigned, "INPUT_KEY": "adcode", "TABLE": CENSUS, "TABLE_KEY": "city_code",
         "OUTPUT": joined, "UNMATCHED": folder / "unmatched.csv"},
    )
    return joined


def query(gpkg, sql):
    with contextlib.closing(sqlite3.connect(gpkg)) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize("alg_id", ["megaregion:typology", "megaregion:trend"])
def test_help_lists_public_parameters(qgis_process, alg_id):
    out = qgis_process("help", alg_id).stdout
    for name in PUBLIC:
        assert f"{name}:" in out or f"{name} " in out, f"{name} missing from help of {alg_id}"


def test_typology_census(qgis_process, joined, tmp_path):
    out = {name: tmp_path / f"{name}.gpkg" for name in ("types", "cores", "profiles")}
    html = tmp_path / "typology.html"
    _, result = qgis_process.run_json(
        "megaregion:typology",
        {"INPUT": joined, "INDICATORS": ["popu_2020", "popu_urban_2020", "household_2020", "age_65_2020"],
         "COST_INDICATORS": "age_65_2020", "DIMENSIONS": "popu=urban size;popu_urban=urban size",
         "CORE_REFERENCE": 1, "K": 3, "OUTPUT": out["types"], "OUTPUT_CORES": out["cores"],
         "OUTPUT_PROFILES": out["profiles"], "OUTPUT_HTML": html},
    )
    results = result["results"]
    assert results["K_CHOSEN"] == 3
    types = out["types"]
    n, typed, n_types, missing_reason = query(
        types, "SELECT COUNT(*), COUNT(type), COUNT(DISTINCT type), SUM(type IS NULL AND excluded_reason IS NULL) "
               "FROM types")[0]
    assert (n, typed, n_types, missing_reason) == (213, results["TYPED_COUNT"], 3, 0)
    assert n - typed == results["EXCLUDED_COUNT"] > 0
    # gap = performance minus the nearest core's performance, which the cores layer holds
    with contextlib.closing(sqlite3.connect(types)) as con:
        con.execute(f"ATTACH DATABASE '{out['cores']}' AS c")
        worst, joined_rows = con.execute(
            "SELECT MAX(ABS(t.gap_popu_2020 - (t.perf_popu_2020 - k.perf_popu_2020))), COUNT(*) FROM types t "
            "JOIN c.cores k ON k.megaregion_id = t.megaregion_id AND k.name = t.reference_core "
            "WHERE t.type IS NOT NULL").fetchone()
    assert joined_rows == typed and worst < 1e-12
    assert query(types, "SELECT COUNT(*) FROM types WHERE adcode = '130400'")[0][0] == 2     # Handan: BTH and CPL
    # the GeoPackage opens styled by type
    qml = query(types, "SELECT styleQML FROM layer_styles WHERE useAsDefault")[0][0]
    assert 'attr="type"' in qml and "A — closest to the cores" in qml and "C — furthest behind the cores" in qml
    assert query(out["cores"], "SELECT COUNT(*) FROM cores")[0][0] == 35
    profiles = query(out["profiles"], "SELECT type, size, dim_urban_size, gap_popu_2020, gap_popu_urban_2020 "
                                      "FROM profiles ORDER BY type")
    assert [p[0] for p in profiles] == ["A", "B", "C"] and sum(p[1] for p in profiles) == typed
    for _, _, dim, a, b in profiles:
        assert dim == pytest.approx((a + b) / 2, abs=1e-12)
    # the stability of every type from 100 resamples (the default), a type under 0.6 labelled unstable
    stability = query(out["profiles"], "SELECT stability, label FROM profiles ORDER BY type")
    assert all(0 < s <= 1 and label.endswith("; unstable)") == (s < 0.6) for s, label in stability)
    text = html.read_text(encoding="utf-8")
    assert "Typology of secondary cities" in text and "<svg" in text


def test_trend_census(qgis_process, joined, tmp_path):
    types, html = tmp_path / "trends.gpkg", tmp_path / "trend.html"
    _, result = qgis_process.run_json(
        "megaregion:trend",
        {"INPUT": joined,
         "INDICATORS": ["popu_2010", "popu_2020", "household_2010", "household_2020", "age_65_2010", "age_65_2020"],
         "COST_INDICATORS": "age_65_2020", "K_MAX": 4, "OUTPUT": types, "OUTPUT_CORES": tmp_path / "cores.gpkg",
         "OUTPUT_PROFILES": tmp_path / "profiles.gpkg", "OUTPUT_HTML": html},
    )
    results = result["results"]
    assert 2 <= results["K_CHOSEN"] <= 4
    n, typed, worst = query(
        types, "SELECT COUNT(*), COUNT(type), MAX(ABS(trend_popu - (perf_popu_2020 - perf_popu_2010))) FROM trends")[0]
    assert n == 213 and typed == results["TYPED_COUNT"] and worst < 1e-12
    qml = query(types, "SELECT styleQML FROM layer_styles WHERE useAsDefault")[0][0]
    assert "A — most improved" in qml
    assert "Development trends of secondary cities" in html.read_text(encoding="utf-8")


def test_k_too_large_fails_and_leaves_no_output(qgis_process, joined, tmp_path):
    out, html = tmp_path / "types.gpkg", tmp_path / "typology.html"
    proc, _ = qgis_process.run_json(
        "megaregion:typology",
        {"INPUT": joined, "INDICATORS": ["popu_2020", "household_2020"], "K": 999, "OUTPUT": out,
         "OUTPUT_CORES": tmp_path / "cores.gpkg", "OUTPUT_PROFILES": tmp_path / "profiles.gpkg", "OUTPUT_HTML": html},
        check=False,
    )
    assert proc.returncode != 0
    assert "K = 999" in proc.stdout + proc.stderr
    assert not out.exists() and not html.exists() and not (tmp_path / "cores.gpkg").exists()
