"""megaregion:unevenness through qgis_process (the session's analysis run, tests/e2e/conftest.py):
population 2010 and 2020 of all 19 mega-regions, the three outputs written as files, the
intervals and p-values there by default, the mega-region layer styled on the headline."""
import contextlib
import sqlite3


def test_unevenness_census_population(analysis):
    assert set(analysis.unevenness_results) >= {"OUTPUT_TABLE", "OUTPUT_REGIONS", "OUTPUT_HTML"}
    with contextlib.closing(sqlite3.connect(analysis.unevenness)) as con:
        n_year, n_regions, n_ok = con.execute(
            "SELECT COUNT(*), COUNT(DISTINCT megaregion), SUM(status = 'ok') FROM unevenness WHERE row_type = 'year'"
        ).fetchone()
        worst = con.execute(
            "SELECT MAX(ABS(dagum_g - dagum_gw - dagum_gnb - dagum_gt)) FROM unevenness WHERE row_type = 'year'"
        ).fetchone()[0]
        n_change = con.execute("SELECT COUNT(*) FROM unevenness WHERE row_type = 'change'").fetchone()[0]
        # by default every year row has its intervals and p-value, every change row says whether it is clear
        n_ci, n_p, n_inside = con.execute(
            "SELECT COUNT(theil_ci_low), COUNT(p_between), SUM(theil_ci_low <= theil AND theil <= theil_ci_high) "
            "FROM unevenness WHERE row_type = 'year'").fetchone()
        n_clear = con.execute("SELECT COUNT(change_is_clear) FROM unevenness WHERE row_type = 'change'").fetchone()[0]
    assert (n_year, n_regions, n_ok, n_change) == (38, 19, 38, 19)
    assert worst < 1e-12
    assert (n_ci, n_p, n_clear) == (38, 38, 19) and n_inside >= 36
    with contextlib.closing(sqlite3.connect(analysis.regions)) as con:
        cols = [r[1] for r in con.execute("PRAGMA table_info(regions)")]
        n = con.execute("SELECT COUNT(*) FROM regions WHERE gini_popu_2020 IS NOT NULL").fetchone()[0]
        # the file opens styled: a graduated default style on the headline's latest year, saved in the GeoPackage
        style = con.execute("SELECT styleQML FROM layer_styles WHERE f_table_name = 'regions' AND useAsDefault").fetchone()[0]
    assert 'type="graduatedSymbol"' in style and 'attr="gini_popu_2020"' in style
    assert {"gini_popu_2010", "gini_popu_2020", "gini_popu_change", "gini_ci_low_popu_2020",
            "gini_ci_high_popu_2020", "p_between_popu_2020", "gini_ci_low_popu_change",
            "change_is_clear_popu_change"} <= set(cols)
    assert n == 19
    assert "Theil" in analysis.unevenness_html.read_text(encoding="utf-8")
