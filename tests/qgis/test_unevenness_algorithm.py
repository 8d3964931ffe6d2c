"""megaregion:unevenness through processing.run on the bundled census, checked against the
core computation and the method's identities."""
import math

import pytest
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

from data_paths import BOUNDARIES, CENSUS
from megaregion.core.measures import MEASURES


@pytest.fixture(scope="module")
def census_layer():
    from qgis import processing

    assigned = processing.run(
        "megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode", "UNASSIGNED": 1, "OUTPUT": "memory:"}
    )["OUTPUT"]
    return processing.run(
        "megaregion:joinindicators",
        {"INPUT": assigned, "INPUT_KEY": "adcode", "TABLE": str(CENSUS), "TABLE_KEY": "city_code",
         "FIELDS": ["popu_2010", "popu_2020", "popu_urban_2010", "popu_urban_2020"],
         "OUTPUT": "memory:", "UNMATCHED": "memory:"},
    )["OUTPUT"]


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, [None if v == NULL else v for v in f.attributes()])) for f in layer.getFeatures()]


def test_population_2010_2020_all_megaregions(run_alg, census_layer, tmp_path):
    html = tmp_path / "report.html"
    r = run_alg(
        "megaregion:unevenness",
        {"INPUT": census_layer, "INDICATORS": ["popu_2010", "popu_2020"], "OUTPUT_TABLE": "memory:",
         "OUTPUT_REGIONS": "memory:", "OUTPUT_HTML": str(html)},
    )
    table = rows(r["OUTPUT_TABLE"])
    years = [t for t in table if t["row_type"] == "year"]
    changes = [t for t in table if t["row_type"] == "change"]
    assert len(years) == 38 and len(changes) == 19
    assert {t["megaregion"] for t in years} == {t["megaregion_id"] for t in rows(census_layer)}
    for t in years:
        assert t["status"] == "ok"
        assert t["dagum_g"] == pytest.approx(t["dagum_gw"] + t["dagum_gnb"] + t["dagum_gt"], abs=1e-12)
        assert t["theil"] == pytest.approx(t["theil_between"] + t["theil_within"], abs=1e-12)
        assert t["gnb_signed"] == pytest.approx(t["dagum_gnb"] if t["leader"] == "core" else -t["dagum_gnb"])
    by_key = {(t["megaregion"], t["year"]): t for t in years}
    for c in changes:
        assert c["theil"] == pytest.approx(by_key[(c["megaregion"], 2020)]["theil"] - by_key[(c["megaregion"], 2010)]["theil"])
    regions = rows(r["OUTPUT_REGIONS"])
    assert len(regions) == 19
    bth = next(g for g in regions if g["megaregion_id"] == "BTH")
    assert bth["theil_popu_2020"] == pytest.approx(by_key[("BTH", 2020)]["theil"])
    assert r["OUTPUT_REGIONS"].wkbType() != 100  # polygons, not a table
    # styled as a graduated map of the default headline (Theil T) in the latest year
    renderer = r["OUTPUT_REGIONS"].renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "theil_popu_2020"
    text = html.read_text(encoding="utf-8")
    assert "Beijing-Tianjin-Hebei" in text and "Theil" in text


def test_bth_matches_core_computation(run_alg, census_layer):
    from megaregion.core.inequality import dagum_gini, theil_decomposition

    r = run_alg(
        "megaregion:unevenness",
        {"INPUT": census_layer, "INDICATORS": ["popu_2020"], "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": None,
         "OUTPUT_HTML": None},
    )
    bth = next(t for t in rows(r["OUTPUT_TABLE"]) if t["megaregion"] == "BTH")
    cities = [c for c in rows(census_layer) if c["megaregion_id"] == "BTH"]
    y = [c["popu_2020"] for c in cities]
    groups = [c["role"] for c in cities]
    assert bth["n_core"] == 3 and bth["n_secondary"] == 10
    assert bth["theil"] == pytest.approx(theil_decomposition(y, groups).total, rel=1e-12)
    assert bth["dagum_gnb"] == pytest.approx(dagum_gini(y, groups).Gnb, rel=1e-12)


def test_population_weighted_per_capita(run_alg, census_layer):
    from qgis import processing

    share = processing.run(
        "native:fieldcalculator",
        {"INPUT": census_layer, "FIELD_NAME": "urban_share_2020", "FIELD_TYPE": 0, "FIELD_LENGTH": 0,
         "FIELD_PRECISION": 0, "FORMULA": '"popu_urban_2020" / "popu_2020"', "OUTPUT": "memory:"},
    )["OUTPUT"]
    r = run_alg(
        "megaregion:unevenness",
        {"INPUT": share, "INDICATORS": ["urban_share_2020"], "WEIGHT": "popu_2020", "OUTPUT_TABLE": "memory:",
         "OUTPUT_REGIONS": None, "OUTPUT_HTML": None},
    )
    table = rows(r["OUTPUT_TABLE"])
    assert all(t["weighted"] for t in table)
    ok = [t for t in table if t["status"] == "ok"]
    assert len(ok) >= 17
    for t in ok:
        assert t["theil"] == pytest.approx(t["theil_between"] + t["theil_within"], abs=1e-12)


def test_negative_values_are_an_error_naming_cities(run_alg, census_layer, tmp_path):
    from qgis import processing

    neg = processing.run(
        "native:fieldcalculator",
        {"INPUT": census_layer, "FIELD_NAME": "growth", "FIELD_TYPE": 0, "FIELD_LENGTH": 0, "FIELD_PRECISION": 0,
         "FORMULA": '"popu_2020" - "popu_2010"', "OUTPUT": "memory:"},
    )["OUTPUT"]
    out = tmp_path / "table.csv"
    with pytest.raises(QgsProcessingException, match="negative values"):
        run_alg("megaregion:unevenness", {"INPUT": neg, "INDICATORS": ["growth"], "OUTPUT_TABLE": str(out)})
    assert not out.exists()


def test_missing_role_field_is_a_clear_error(run_alg):
    layer = QgsVectorLayer(str(CENSUS), "census", "ogr")
    with pytest.raises(QgsProcessingException, match="MEGAREGION_FIELD 'megaregion_id'"):
        run_alg("megaregion:unevenness", {"INPUT": layer, "INDICATORS": ["popu_2020"], "OUTPUT_TABLE": "memory:"})


def test_group_without_values_is_reported_not_dropped(run_alg, census_layer):
    from qgis import processing

    # Blank the cores of the Pearl River Delta: its row stays, with the reason.
    blanked = processing.run(
        "native:fieldcalculator",
        {"INPUT": census_layer, "FIELD_NAME": "pop_x", "FIELD_TYPE": 0, "FIELD_LENGTH": 0, "FIELD_PRECISION": 0,
         "FORMULA": "CASE WHEN \"megaregion_id\" = 'PRD' AND \"role\" = 'core' THEN NULL ELSE \"popu_2020\" END",
         "OUTPUT": "memory:"},
    )["OUTPUT"]
    r = run_alg("megaregion:unevenness", {"INPUT": blanked, "INDICATORS": ["pop_x"], "OUTPUT_TABLE": "memory:",
                                          "OUTPUT_REGIONS": None, "OUTPUT_HTML": None})
    prd = next(t for t in rows(r["OUTPUT_TABLE"]) if t["megaregion"] == "PRD")
    assert prd["status"] != "ok" and "core" in prd["status"]
    assert prd["theil"] is None or math.isnan(prd["theil"])
    assert len(rows(r["OUTPUT_TABLE"])) == 19


def test_intervals_and_p_values_by_default_in_table_and_layer(run_alg, census_layer):
    """Defaults: 999 resamples at 95 %, 999 permutations, seed 0. The table carries the
    intervals, p-values and change_is_clear; the mega-region layer carries the headline's
    under the names core/unevenness_layer.py documents, equal to the table's."""
    params = {"INPUT": census_layer, "INDICATORS": ["popu_2010", "popu_2020"], "HEADLINE": 7,
              "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": "memory:", "OUTPUT_HTML": None}
    r = run_alg("megaregion:unevenness", params)
    table = rows(r["OUTPUT_TABLE"])
    for t in table:
        if t["row_type"] == "year":
            assert t["theil_between_ci_low"] <= t["theil_between"] <= t["theil_between_ci_high"]
            assert 0 < t["p_between_min"] <= t["p_between"] <= 1
            assert t["change_is_clear"] is None
        else:
            assert isinstance(t["change_is_clear"], bool)
            assert t["change_is_clear"] == (t["theil_between_ci_low"] > 0 or t["theil_between_ci_high"] < 0)
            assert t["p_between"] is None
    layer = {g["megaregion_id"]: g for g in rows(r["OUTPUT_REGIONS"])}
    by_key = {(t["megaregion"], t["row_type"], t["year"]): t for t in table}
    for region, g in layer.items():
        year = by_key[(region, "year", 2020)]
        change = by_key[(region, "change", None)]
        assert g["theil_between_popu_2020"] == year["theil_between"]
        assert g["theil_between_ci_low_popu_2020"] == year["theil_between_ci_low"]
        assert g["theil_between_ci_high_popu_2020"] == year["theil_between_ci_high"]
        assert g["p_between_popu_2020"] == year["p_between"]
        assert g["theil_between_ci_low_popu_change"] == change["theil_between_ci_low"]
        assert g["theil_between_ci_high_popu_change"] == change["theil_between_ci_high"]
        assert g["change_is_clear_popu_change"] == change["change_is_clear"]
    # the same input and seed give the same intervals
    again = rows(run_alg("megaregion:unevenness", dict(params, OUTPUT_REGIONS=None))["OUTPUT_TABLE"])
    assert [t["theil_between_ci_low"] for t in again] == [t["theil_between_ci_low"] for t in table]


def test_intervals_off(run_alg, census_layer):
    r = run_alg("megaregion:unevenness",
                {"INPUT": census_layer, "INDICATORS": ["popu_2010", "popu_2020"], "BOOTSTRAP": 0, "PERMUTATIONS": 0,
                 "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": "memory:", "OUTPUT_HTML": None})
    table = rows(r["OUTPUT_TABLE"])
    assert all(t["theil_ci_low"] is None and t["p_between"] is None and t["change_is_clear"] is None for t in table)
    names = r["OUTPUT_REGIONS"].fields().names()
    assert "theil_popu_2020" in names and not [n for n in names if "_ci_" in n or "p_between" in n or "clear" in n]


def test_too_few_resamples_is_refused_before_writing(run_alg, census_layer, tmp_path):
    out = tmp_path / "table.gpkg"
    with pytest.raises(QgsProcessingException, match=r"BOOTSTRAP = 20 is too few resamples for 95 % intervals.*at least 40"):
        run_alg("megaregion:unevenness", {"INPUT": census_layer, "INDICATORS": ["popu_2020"], "BOOTSTRAP": 20,
                                          "OUTPUT_TABLE": str(out)})
    assert not out.exists()


def _three_years(census_layer):
    """Members of the census layer with popu_2015 between 2010 and 2020 (a wobble per city)."""
    from qgis.core import QgsFeature, QgsField

    from megaregion.processing import compat

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "three_years", "memory")
    keep = ["adcode", "name", "megaregion_id", "megaregion", "role", "popu_2010", "popu_2020"]
    layer.dataProvider().addAttributes([census_layer.fields().field(f) for f in keep]
                                       + [QgsField("popu_2015", compat.FIELD_DOUBLE)])
    layer.updateFields()
    features = []
    for i, f in enumerate(census_layer.getFeatures()):
        if f["megaregion_id"] == NULL:
            continue
        out = QgsFeature(layer.fields())
        out.setGeometry(f.geometry())
        a, b = f["popu_2010"], f["popu_2020"]
        middle = NULL if a == NULL or b == NULL else (a * b) ** 0.5 * (1 + 0.02 * ((i * 7) % 5 - 2))
        out.setAttributes([f[k] for k in keep] + [middle])
        features.append(out)
    layer.dataProvider().addFeatures(features)
    return layer


def test_three_years_give_sigma_and_beta_rows_and_layer_verdicts(run_alg, census_layer, tmp_path):
    from megaregion.core.panels.convergence import beta_convergence

    layer = _three_years(census_layer)
    html = tmp_path / "report.html"
    r = run_alg("megaregion:unevenness", {
        "INPUT": layer, "INDICATORS": ["popu_2010", "popu_2015", "popu_2020"], "BOOTSTRAP": 99, "PERMUTATIONS": 0,
        "HEADLINE": 0, "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": "memory:", "OUTPUT_HTML": str(html)})
    table = rows(r["OUTPUT_TABLE"])
    sigma = [t for t in table if t["row_type"] == "sigma"]
    beta = {t["megaregion"]: t for t in table if t["row_type"] == "beta"}
    regions = {t["megaregion"] for t in table if t["row_type"] == "year"}
    # one sigma row per measure of the table but the groups' means: 8 with an interval, 12 without
    assert set(beta) == regions and len(sigma) == 20 * len(regions)
    assert {t["measure"] for t in sigma} == set(MEASURES) - {"mean_core", "mean_secondary"}
    for t in sigma:
        assert t["verdict"] in ("converging", "diverging", "unclear") and t["first_year"] == 2010
        if t["slope_ci_low"] is not None:
            assert t["slope_ci_low"] <= t["slope_ci_high"]
    members = [m for m in rows(layer)]
    for region, t in beta.items():
        group = [m for m in members if m["megaregion_id"] == region]
        panel = [[math.nan if m[f"popu_{y}"] is None else m[f"popu_{y}"] for m in group] for y in (2010, 2015, 2020)]
        expected = beta_convergence(panel, [2010, 2015, 2020], [m["role"] == "core" for m in group])
        if expected.note is None:
            assert t["beta"] == pytest.approx(expected.beta, rel=1e-9) and t["n_cities"] == expected.n_cities
    theil_verdict = {t["megaregion"]: t["verdict"] for t in sigma if t["measure"] == "theil"}
    for g in rows(r["OUTPUT_REGIONS"]):
        assert g["sigma_verdict_popu"] == theil_verdict[g["megaregion_id"]]
    page = html.read_text(encoding="utf-8")
    assert 'id="convergence"' in page and "Convergence over the years" in page
