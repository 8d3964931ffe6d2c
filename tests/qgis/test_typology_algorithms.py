"""megaregion:typology and megaregion:trend through processing.run on the bundled census:
performance, gap and trend recomputed by hand from the input, every secondary city typed or
left out with its reason, styled outputs, repeatability and the bad inputs."""
from string import ascii_uppercase

import contextlib
import numpy as np
import pytest
from qgis.core import (
    NULL,
    QgsCategorizedSymbolRenderer,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from data_paths import BOUNDARIES, CENSUS
from recording_feedback import RecordingFeedback

INDICATORS_2020 = ["popu_2020", "popu_urban_2020", "household_2020", "age_65_2020"]
INDICATORS_2010 = ["popu_2010", "popu_urban_2010", "household_2010", "age_65_2010"]


@pytest.fixture(scope="module")
def census_layer():
    """Every prefecture (non-members kept, a city in two mega-regions once per membership)
    with the census indicators of 2010 and 2020."""
    from qgis import processing

    assigned = processing.run(
        "megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode", "OUTPUT": "memory:"}
    )["OUTPUT"]
    return processing.run(
        "megaregion:joinindicators",
        {"INPUT": assigned, "INPUT_KEY": "adcode", "TABLE": str(CENSUS), "TABLE_KEY": "city_code",
         "FIELDS": INDICATORS_2020 + INDICATORS_2010, "OUTPUT": "memory:", "UNMATCHED": "memory:"},
    )["OUTPUT"]


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, [None if v == NULL else v for v in f.attributes()])) for f in layer.getFeatures()]


def members(layer):
    return [r for r in rows(layer) if r["megaregion_id"]]


def key(row):
    return (row["megaregion_id"], row["adcode"])


def minmax(values, cost=False):
    valid = [v for v in values if v is not None]
    low, high = min(valid), max(valid)
    return [None if v is None else ((high - v) if cost else (v - low)) / (high - low) for v in values]


def typology(run_alg, layer, feedback=None, **params):
    """A typology run; the stability (resampling, slow) only where a test asks for it."""
    base = {"INPUT": layer, "INDICATORS": INDICATORS_2020, "COST_INDICATORS": ["age_65_2020"], "K_MAX": 4,
            "STABILITY_RESAMPLES": 0, "OUTPUT": "memory:", "OUTPUT_CORES": "memory:", "OUTPUT_PROFILES": "memory:", "OUTPUT_HTML": None}
    base.update(params)
    return run_alg("megaregion:typology", base, feedback)


def trend(run_alg, layer, feedback=None, **params):
    base = {"INPUT": layer, "INDICATORS": INDICATORS_2010 + INDICATORS_2020, "COST_INDICATORS": ["age_65_2020"],
            "K_MAX": 4, "STABILITY_RESAMPLES": 0, "OUTPUT": "memory:", "OUTPUT_CORES": "memory:", "OUTPUT_PROFILES": "memory:",
            "OUTPUT_HTML": None}
    base.update(params)
    return run_alg("megaregion:trend", base, feedback)


@pytest.fixture(scope="module")
def gap_run(census_layer, tmp_path_factory):
    from qgis import processing
    from qgis.core import QgsProcessingContext

    html = tmp_path_factory.mktemp("typology") / "typology.html"
    feedback = RecordingFeedback()
    result = processing.run(
        "megaregion:typology",
        {"INPUT": census_layer, "INDICATORS": INDICATORS_2020, "COST_INDICATORS": ["age_65_2020"],
         "DIMENSIONS": "popu=urban size; popu_urban=urban size", "K_MAX": 5, "OUTPUT": "memory:",
         "OUTPUT_CORES": "memory:", "OUTPUT_PROFILES": "memory:", "OUTPUT_HTML": str(html)},
        context=QgsProcessingContext(), feedback=feedback,
    )
    return result, feedback, html


# ------------------------------------------------------------------------------ typology

def test_every_secondary_city_typed_or_left_out_with_reason(census_layer, gap_run):
    result, feedback, _ = gap_run
    secondary = [r for r in members(census_layer) if r["role"] == "secondary"]
    cities = rows(result["OUTPUT"])
    assert len(cities) == len(secondary) == 213
    assert sorted(map(key, cities)) == sorted(map(key, secondary))
    typed = [c for c in cities if c["type"] is not None]
    left_out = [c for c in cities if c["type"] is None]
    assert all(c["excluded_reason"] is None for c in typed)
    assert all(c["excluded_reason"].startswith("NULL in ") for c in left_out) and left_out
    # left out exactly where an indicator is NULL
    by_key = {key(r): r for r in secondary}
    for c in cities:
        has_null = any(by_key[key(c)][i] is None for i in INDICATORS_2020)
        assert (c["type"] is None) == has_null
    assert result["TYPED_COUNT"] == len(typed) and result["EXCLUDED_COUNT"] == len(left_out)
    # a city in two mega-regions is typed once per membership, with its geometry
    handan = [c for c in cities if c["adcode"] == "130400"]
    assert sorted(c["megaregion_id"] for c in handan) == ["BTH", "CPL"]
    assert all(not f.geometry().isNull() for f in result["OUTPUT"].getFeatures())
    assert any("130 features with no mega-region" in m for m in feedback.infos)
    assert any(f"{len(left_out)} secondary cities left out" in m for m in feedback.warnings)


def test_types_are_lettered_and_styled(gap_run):
    from megaregion.core.report_typology import PALETTE

    result, _, _ = gap_run
    cities = rows(result["OUTPUT"])
    profiles = rows(result["OUTPUT_PROFILES"])
    k = result["K_CHOSEN"]
    letters = list(ascii_uppercase[:k])
    assert 2 <= k <= 5
    assert [p["type"] for p in profiles] == letters
    assert sorted({c["type"] for c in cities if c["type"]}) == letters
    assert sum(p["size"] for p in profiles) == result["TYPED_COUNT"]
    means = [p["mean"] for p in profiles]
    assert means == sorted(means, reverse=True)          # A closest to the cores
    renderer = result["OUTPUT"].renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "type"
    categories = renderer.categories()
    assert [c.value() for c in categories] == letters + [""]
    assert [c.symbol().color().name() for c in categories[:-1]] == [p.lower() for p in PALETTE[:k]]
    assert categories[0].label().startswith("A — closest to the cores (")
    assert categories[k - 1].label().startswith(f"{letters[-1]} — furthest behind the cores (")
    assert [c.label() for c in categories[:-1]] == [p["label"] for p in profiles]
    for c in cities:
        if c["type"]:
            assert c["type_label"] == profiles[letters.index(c["type"])]["label"]
            assert c["type_description"].startswith(f"Type {c['type']} (")
            assert -1 <= c["silhouette"] <= 1 and c["pca_x"] is not None


def test_profiles_carry_the_stability_and_name_unstable_types(gap_run):
    """The default run resamples the secondary cities 100 times (the numbers are checked
    against a plain loop in tests/unit/test_stability.py)."""
    result, feedback, _ = gap_run
    profiles = rows(result["OUTPUT_PROFILES"])
    assert all(0 < p["stability"] <= 1 for p in profiles)
    for p in profiles:
        unstable = p["stability"] < 0.6
        assert p["label"].endswith("; unstable)") == unstable
        assert ("Unstable: resampling the secondary cities 100 times" in p["description"]) == unstable
    said = [m for m in feedback.infos if m.startswith("Stability (mean Jaccard similarity over 100 resamples")]
    assert len(said) == 1 and all(f"{p['type']} {p['stability']:.2f}" in said[0] for p in profiles)
    # household size is neither benefit nor cost: the log says so
    assert any(m.startswith("'household_2020' is the average household size") for m in feedback.infos)


def test_stability_off_and_repeatable(run_alg, census_layer):
    off = rows(typology(run_alg, census_layer, K=3)["OUTPUT_PROFILES"])
    assert [p["stability"] for p in off] == [None] * 3
    one, two = (rows(typology(run_alg, census_layer, K=3, STABILITY_RESAMPLES=15)["OUTPUT_PROFILES"]) for _ in range(2))
    assert [p["stability"] for p in one] == [p["stability"] for p in two]
    assert all(0 < p["stability"] <= 1 for p in one)
    trend_profiles = rows(trend(run_alg, census_layer, K=2, STABILITY_RESAMPLES=10)["OUTPUT_PROFILES"])
    assert all(0 < p["stability"] <= 1 for p in trend_profiles)


def test_neutral_indicator_left_out(run_alg, census_layer):
    feedback = RecordingFeedback()
    r = typology(run_alg, census_layer, feedback, NEUTRAL_INDICATORS=["household_2020"], K=2, WEIGHTING=0)
    fields = r["OUTPUT"].fields().names()
    assert "gap_household_2020" not in fields and "perf_household_2020" not in fields
    assert "gap_popu_2020" in fields and "topsis_overall" in fields
    assert any("'household_2020' is declared neutral" in m for m in feedback.warnings)
    assert not any(m.startswith("'household_2020' is the average household size") for m in feedback.infos)
    without = typology(run_alg, census_layer, INDICATORS=[i for i in INDICATORS_2020 if i != "household_2020"], K=2)
    assert [(key(c), c["type"]) for c in rows(r["OUTPUT"])] == [(key(c), c["type"]) for c in rows(without["OUTPUT"])]
    t = trend(run_alg, census_layer, NEUTRAL_INDICATORS=["household_2010"], K=2)
    assert "trend_household" not in t["OUTPUT"].fields().names() and "trend_popu" in t["OUTPUT"].fields().names()


def test_performance_and_gap_by_hand(census_layer, gap_run):
    """Performance = min-max over all members (cost reversed), gap = minus the mean of the cores."""
    result, _, _ = gap_run
    inputs = members(census_layer)
    perf = {}
    for ind in INDICATORS_2020:
        values = minmax([r[ind] for r in inputs], cost=ind == "age_65_2020")
        for r, v in zip(inputs, values):
            perf[(key(r), ind)] = v
    cores = rows(result["OUTPUT_CORES"])
    assert len(cores) == 35
    for c in cores:
        for ind in INDICATORS_2020:
            assert c[f"perf_{ind}"] == pytest.approx(perf[(key(c), ind)], abs=1e-12)
    checked = 0
    for c in rows(result["OUTPUT"]):
        if c["type"] is None:
            continue
        region_cores = [r for r in cores if r["megaregion_id"] == c["megaregion_id"]]
        for ind in INDICATORS_2020:
            assert c[f"perf_{ind}"] == pytest.approx(perf[(key(c), ind)], abs=1e-12)
            reference = sum(r[f"perf_{ind}"] for r in region_cores) / len(region_cores)
            assert c[f"gap_{ind}"] == pytest.approx(c[f"perf_{ind}"] - reference, abs=1e-12)
        # a dimension is the mean of its indicators' gaps
        assert c["dim_urban_size"] == pytest.approx((c["gap_popu_2020"] + c["gap_popu_urban_2020"]) / 2, abs=1e-12)
        assert c["dim_household_2020"] == pytest.approx(c["gap_household_2020"], abs=1e-12)
        checked += 1
    assert checked == result["TYPED_COUNT"]


def test_profiles_are_the_type_means_with_sums_of_squares(gap_run):
    result, _, _ = gap_run
    cities = [c for c in rows(result["OUTPUT"]) if c["type"]]
    columns = [f"gap_{i}" for i in INDICATORS_2020]
    x = np.array([[c[col] for col in columns] for c in cities])
    labels = np.array([c["type"] for c in cities])
    grand = x.mean(axis=0)
    within = between = 0.0
    for p in rows(result["OUTPUT_PROFILES"]):
        block = x[labels == p["type"]]
        centre = block.mean(axis=0)
        assert [p[col] for col in columns] == pytest.approx(centre.tolist(), abs=1e-12)
        assert p["dim_urban_size"] == pytest.approx((centre[0] + centre[1]) / 2, abs=1e-12)
        assert p["within_ss"] == pytest.approx(((block - centre) ** 2).sum(), rel=1e-10)
        assert p["between_ss"] == pytest.approx(len(block) * ((centre - grand) ** 2).sum(), rel=1e-10)
        assert p["mean_silhouette"] == pytest.approx(np.mean([c["silhouette"] for c in cities if c["type"] == p["type"]]))
        within += p["within_ss"]
        between += p["between_ss"]
    assert within + between == pytest.approx(((x - grand) ** 2).sum(), rel=1e-10)
    assert result["MEAN_SILHOUETTE"] == pytest.approx(np.mean([c["silhouette"] for c in cities]))


def test_composite_topsis_columns(gap_run):
    """Classical TOPSIS per dimension and overall; with one indicator it is min-max, so a
    one-indicator dimension's score equals that indicator's performance."""
    result, _, _ = gap_run
    cores = rows(result["OUTPUT_CORES"])
    typed = [c for c in rows(result["OUTPUT"]) if c["type"]]
    for c in cores + typed:
        complete = all(c[f"perf_{i}"] is not None for i in INDICATORS_2020)
        assert (c["topsis_overall"] is not None) == complete
        if complete:
            for col in ("topsis_urban_size", "topsis_household_2020", "topsis_age_65_2020", "topsis_overall"):
                assert 0 <= c[col] <= 1
        for ind in ("household_2020", "age_65_2020"):
            if c[f"perf_{ind}"] is not None:
                assert c[f"topsis_{ind}"] == pytest.approx(c[f"perf_{ind}"], abs=1e-12)
    assert len(typed) > 150 and sum(c["topsis_overall"] is None for c in cores) == 1   # Urumqi lacks two values


def test_entropy_weights_and_no_composite(run_alg, census_layer):
    entropy = rows(typology(run_alg, census_layer, WEIGHTING=1, K=2, DIMENSIONS="popu=s;popu_urban=s")["OUTPUT_CORES"])
    complete = [c for c in entropy if c["topsis_overall"] is not None]
    assert len(complete) == 34 and all(0 <= c["topsis_s"] <= 1 for c in complete)
    # entropy weights differ from equal ones on the census, so the overall score moves
    equal = {key(c): c["topsis_overall"] for c in rows(typology(run_alg, census_layer, K=2)["OUTPUT_CORES"])}
    assert max(abs(c["topsis_overall"] - equal[key(c)]) for c in complete) > 1e-3
    none = typology(run_alg, census_layer, WEIGHTING=2, K=2)
    for layer in (none["OUTPUT"], none["OUTPUT_CORES"]):
        assert not [f for f in layer.fields().names() if f.startswith("topsis_")]


def test_html_report(gap_run):
    result, _, html = gap_run
    assert result["OUTPUT_HTML"] == str(html)
    text = html.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Typology of secondary cities" in text
    for p in rows(result["OUTPUT_PROFILES"]):
        assert p["description"].split(" (")[0] in text


def test_fixed_k_same_types_twice(run_alg, census_layer):
    first = rows(typology(run_alg, census_layer, K=3)["OUTPUT"])
    second = rows(typology(run_alg, census_layer, K=3)["OUTPUT"])
    assert {c["type"] for c in first} - {None} == {"A", "B", "C"}
    assert [(key(c), c["type"], c["silhouette"]) for c in first] == [(key(c), c["type"], c["silhouette"]) for c in second]


def test_cost_indicator_reverses_performance(run_alg, census_layer):
    benefit = rows(typology(run_alg, census_layer, COST_INDICATORS=[], K=2)["OUTPUT_CORES"])
    cost = rows(typology(run_alg, census_layer, K=2)["OUTPUT_CORES"])
    assert [key(c) for c in benefit] == [key(c) for c in cost]
    for b, c in zip(benefit, cost):
        assert c["perf_age_65_2020"] == pytest.approx(1 - b["perf_age_65_2020"], abs=1e-12)
        assert c["perf_popu_2020"] == pytest.approx(b["perf_popu_2020"], abs=1e-12)


def test_nearest_and_best_core(run_alg, census_layer):
    nearest = typology(run_alg, census_layer, CORE_REFERENCE=1, K=2)
    cores = {key(c): c for c in rows(nearest["OUTPUT_CORES"])}
    by_name = {(c["megaregion_id"], c["name"]): c for c in cores.values()}
    cities = [c for c in rows(nearest["OUTPUT"]) if c["type"]]
    for c in cities:
        core = by_name[(c["megaregion_id"], c["reference_core"])]
        for ind in INDICATORS_2020:
            assert c[f"gap_{ind}"] == pytest.approx(c[f"perf_{ind}"] - core[f"perf_{ind}"], abs=1e-12)
    refs = {(c["megaregion_id"], c["name"]): c["reference_core"] for c in cities}
    assert refs[("BTH", "邯郸市")] == "石家庄市" and refs[("BTH", "秦皇岛市")] == "天津市"

    best = typology(run_alg, census_layer, CORE_REFERENCE=2, K=2)
    cores = rows(best["OUTPUT_CORES"])
    for c in (c for c in rows(best["OUTPUT"]) if c["type"]):
        region = [r for r in cores if r["megaregion_id"] == c["megaregion_id"]]
        for ind in INDICATORS_2020:
            top = max(r[f"perf_{ind}"] for r in region)
            assert c[f"gap_{ind}"] == pytest.approx(c[f"perf_{ind}"] - top, abs=1e-12)


def test_pool_per_megaregion_and_every_feature(run_alg, census_layer):
    per_region = typology(run_alg, census_layer, POOL=1, K=2, INDICATORS=["popu_2020"], COST_INDICATORS=[])
    everyone = rows(per_region["OUTPUT"]) + rows(per_region["OUTPUT_CORES"])
    for region in {r["megaregion_id"] for r in everyone}:
        values = [r["perf_popu_2020"] for r in everyone if r["megaregion_id"] == region and r["perf_popu_2020"] is not None]
        assert min(values) == 0 and max(values) == pytest.approx(1)
    # every feature in the pool: the national maximum and minimum set the scale
    national = typology(run_alg, census_layer, POOL=2, K=2, INDICATORS=["popu_2020"], COST_INDICATORS=[])
    values = [r["popu_2020"] for r in rows(census_layer) if r["popu_2020"] is not None]
    low, high = min(values), max(values)
    by_key = {key(r): r for r in members(census_layer)}
    for c in rows(national["OUTPUT_CORES"]):
        assert c["perf_popu_2020"] == pytest.approx((by_key[key(c)]["popu_2020"] - low) / (high - low), abs=1e-12)
    assert len(rows(national["OUTPUT"])) == 213


def test_dissertation_dimensions_by_default(run_alg, census_layer):
    from qgis import processing

    renamed = processing.run(
        "native:renametablefield",
        {"INPUT": census_layer, "FIELD": "popu_2020", "NEW_NAME": "POP_2020", "OUTPUT": "memory:"})["OUTPUT"]
    r = typology(run_alg, renamed, INDICATORS=["POP_2020", "household_2020"], COST_INDICATORS=[], K=2)
    fields = r["OUTPUT_PROFILES"].fields().names()
    assert "dim_urban_size" in fields and "dim_household_2020" in fields


def test_k_too_large_is_an_error_and_leaves_no_output(run_alg, census_layer, tmp_path):
    out, cores, html = tmp_path / "types.gpkg", tmp_path / "cores.gpkg", tmp_path / "report.html"
    with pytest.raises(QgsProcessingException, match=r"K = 500 needs at least 501 secondary cities.*Choose K <= "):
        typology(run_alg, census_layer, K=500, OUTPUT=str(out), OUTPUT_CORES=str(cores), OUTPUT_HTML=str(html))
    assert not out.exists() and not cores.exists() and not html.exists()
    with pytest.raises(QgsProcessingException, match="K = 1: choose a number of types from 2 to the number of secondary cities"):
        typology(run_alg, census_layer, K=1, OUTPUT=str(out))
    assert not out.exists()


@pytest.mark.parametrize(
    "params, match",
    [
        ({"COST_INDICATORS": ["age_65_2010"]}, r"COST_INDICATORS 'age_65_2010' not among INDICATORS"),
        ({"NEUTRAL_INDICATORS": ["household_2010"]}, r"NEUTRAL_INDICATORS 'household_2010' not among INDICATORS"),
        ({"NEUTRAL_INDICATORS": ["age_65_2020"]}, r"'age_65_2020' are both cost and neutral indicators"),
        ({"NEUTRAL_INDICATORS": INDICATORS_2020, "COST_INDICATORS": []}, r"Every indicator is declared neutral"),
        ({"STABILITY_RESAMPLES": -5}, r"STABILITY_RESAMPLES = -5 is out of range: choose a value from 0 to 10000"),
        ({"DIMENSIONS": "GDP=urban size"}, r"DIMENSIONS names 'GDP', which is not one of the indicators"),
        ({"INDICATORS": ["popu_2020", "province"], "COST_INDICATORS": []}, r"Indicator 'province' has non-numeric values"),
        ({"INDICATORS": ["popu_2020", "no_such_field"]}, r"INDICATORS 'no_such_field' not in INPUT"),
        ({"ROLE_FIELD": "phase"}, r"Field 'phase' must be 'core' or 'secondary'"),
        ({"MEGAREGION_FIELD": "no_region"}, r"MEGAREGION_FIELD 'no_region' is not a field of INPUT"),
    ],
)
def test_bad_inputs_name_the_input_and_leave_no_output(run_alg, census_layer, tmp_path, params, match):
    out = tmp_path / "types.gpkg"
    with pytest.raises(QgsProcessingException, match=match):
        typology(run_alg, census_layer, K=2, OUTPUT=str(out), **params)
    assert not out.exists()


def test_no_city_left_out_keeps_a_text_reason_field(run_alg, census_layer):
    from megaregion.processing.compat import FIELD_STRING
    from qgis import processing

    filled = processing.run(
        "native:fieldcalculator",
        {"INPUT": census_layer, "FIELD_NAME": "pop_filled", "FIELD_TYPE": 0, "FIELD_LENGTH": 0, "FIELD_PRECISION": 0,
         "FORMULA": 'coalesce("popu_2020", 1)', "OUTPUT": "memory:"},
    )["OUTPUT"]
    r = typology(run_alg, filled, INDICATORS=["pop_filled"], COST_INDICATORS=[], K=2)
    assert r["EXCLUDED_COUNT"] == 0 and r["TYPED_COUNT"] == 213
    fields = r["OUTPUT"].fields()
    assert fields.field("excluded_reason").type() == FIELD_STRING


def test_layer_without_megaregions(run_alg, tmp_path):
    census = QgsVectorLayer(str(CENSUS), "census", "ogr")
    with pytest.raises(QgsProcessingException, match="MEGAREGION_FIELD 'megaregion_id'.*Assign mega-regions"):
        typology(run_alg, census, INDICATORS=["popu_2020"], COST_INDICATORS=[], OUTPUT=str(tmp_path / "t.gpkg"))


def test_megaregion_without_core_leaves_its_cities_out(run_alg, census_layer):
    from qgis import processing

    no_core = processing.run(
        "native:fieldcalculator",
        {"INPUT": census_layer, "FIELD_NAME": "role", "FIELD_TYPE": 2, "FIELD_LENGTH": 20, "FIELD_PRECISION": 0,
         "FORMULA": "CASE WHEN \"megaregion_id\" = 'PRD' THEN 'secondary' ELSE \"role\" END", "OUTPUT": "memory:"},
    )["OUTPUT"]
    feedback = RecordingFeedback()
    r = typology(run_alg, no_core, feedback, K=2)
    prd = [c for c in rows(r["OUTPUT"]) if c["megaregion_id"] == "PRD"]
    assert prd and all(c["type"] is None and "has no core city" in c["excluded_reason"] for c in prd)
    warned = next(w for w in feedback.warnings if "has no core city" in w)
    assert all(f"{c['name']} (PRD)" in warned for c in prd)


def test_cancelled_run_writes_nothing(run_alg, census_layer, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "types.gpkg"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        typology(run_alg, census_layer, feedback, K=2, OUTPUT=str(out))
    assert not out.exists()


def test_geopackage_output_keeps_the_style(run_alg, census_layer, tmp_path):
    import sqlite3

    out = tmp_path / "types.gpkg"
    r = typology(run_alg, census_layer, K=3, OUTPUT=str(out), OUTPUT_CORES=None, OUTPUT_PROFILES=None)
    with contextlib.closing(sqlite3.connect(out)) as con:
        qml = con.execute("SELECT styleQML FROM layer_styles WHERE useAsDefault").fetchone()[0]
    assert 'attr="type"' in qml and "A — closest to the cores" in qml and "C — furthest behind the cores" in qml
    reopened = QgsVectorLayer(r["OUTPUT"], "types", "ogr")
    assert isinstance(reopened.renderer(), QgsCategorizedSymbolRenderer)
    assert reopened.featureCount() == 213


# ------------------------------------------------------------------------------ trend

def test_trend_by_hand_and_styled(run_alg, census_layer, tmp_path):
    html = tmp_path / "trend.html"
    feedback = RecordingFeedback()
    r = trend(run_alg, census_layer, feedback, DIMENSIONS="popu=urban size;popu_urban_2020=urban size",
              OUTPUT_HTML=str(html))
    inputs = members(census_layer)
    perf = {}
    for year in (2010, 2020):
        for name in ("popu", "popu_urban", "household", "age_65"):
            field = f"{name}_{year}"
            for row, v in zip(inputs, minmax([x[field] for x in inputs], cost=name == "age_65")):
                perf[(key(row), field)] = v
    cities = rows(r["OUTPUT"])
    assert len(cities) == 213
    typed = [c for c in cities if c["type"]]
    assert len(typed) == r["TYPED_COUNT"] and len(cities) - len(typed) == r["EXCLUDED_COUNT"]
    for c in typed:
        for name in ("popu", "popu_urban", "household", "age_65"):
            for year in (2010, 2020):
                assert c[f"perf_{name}_{year}"] == pytest.approx(perf[(key(c), f"{name}_{year}")], abs=1e-12)
            assert c[f"trend_{name}"] == pytest.approx(c[f"perf_{name}_2020"] - c[f"perf_{name}_2010"], abs=1e-12)
        assert c["dim_urban_size"] == pytest.approx((c["trend_popu"] + c["trend_popu_urban"]) / 2, abs=1e-12)
        assert 0 <= c["topsis_overall_2010"] <= 1 and 0 <= c["topsis_overall_2020"] <= 1
    for c in cities:
        if not c["type"]:
            assert c["excluded_reason"].startswith(("2010: NULL", "2020: NULL"))
    for core in rows(r["OUTPUT_CORES"]):
        assert core["trend_popu"] == pytest.approx(core["perf_popu_2020"] - core["perf_popu_2010"], abs=1e-12)
    profiles = rows(r["OUTPUT_PROFILES"])
    letters = [p["type"] for p in profiles]
    assert letters == list(ascii_uppercase[:r["K_CHOSEN"]])
    categories = r["OUTPUT"].renderer().categories()
    assert [c.value() for c in categories] == letters + [""]
    assert categories[0].label().startswith("A — most improved (")
    assert any("Trend 2010 -> 2020" in m for m in feedback.infos)
    assert "Development trends of secondary cities" in html.read_text(encoding="utf-8")


def test_trend_pooled_years_and_explicit_years(run_alg, census_layer):
    pooled = trend(run_alg, census_layer, INDICATORS=["popu_2010", "popu_2020"], COST_INDICATORS=[], YEAR_POOL=1, K=2)
    cores = rows(pooled["OUTPUT_CORES"]) + [c for c in rows(pooled["OUTPUT"]) if c["perf_popu_2010"] is not None]
    values = [r[f] for r in members(census_layer) for f in ("popu_2010", "popu_2020") if r[f] is not None]
    low, high = min(values), max(values)
    by_key = {key(r): r for r in members(census_layer)}
    for c in cores:
        for f in ("popu_2010", "popu_2020"):
            if by_key[key(c)][f] is not None:
                assert c[f"perf_{f}"] == pytest.approx((by_key[key(c)][f] - low) / (high - low), abs=1e-12)
    # one year's fields with YEAR1 and YEAR2 take the other year from the layer
    explicit = trend(run_alg, census_layer, INDICATORS=["popu_2020"], COST_INDICATORS=[], YEAR1=2010, YEAR2=2020, K=2)
    auto = trend(run_alg, census_layer, INDICATORS=["popu_2010", "popu_2020"], COST_INDICATORS=[], K=2)
    assert [(key(c), c["trend_popu"], c["type"]) for c in rows(explicit["OUTPUT"])] == \
        [(key(c), c["trend_popu"], c["type"]) for c in rows(auto["OUTPUT"])]


def _with_year_2015(census_layer):
    """The census layer with popu_2015, the geometric mean of 2010 and 2020 times a wobble that
    differs from city to city, so the three years are a short panel."""
    from qgis.core import QgsFeature, QgsField, QgsVectorLayer

    from megaregion.processing import compat

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "three_years", "memory")
    keep = ["adcode", "name", "megaregion_id", "role", "popu_2010", "popu_2020"]
    source = census_layer.fields()
    layer.dataProvider().addAttributes([source.field(f) for f in keep] + [QgsField("popu_2015", compat.FIELD_DOUBLE)])
    layer.updateFields()
    features = []
    for i, f in enumerate(census_layer.getFeatures()):
        out = QgsFeature(layer.fields())
        out.setGeometry(f.geometry())
        a, b = f["popu_2010"], f["popu_2020"]
        middle = NULL if a == NULL or b == NULL else (a * b) ** 0.5 * (1 + 0.03 * ((i * 7) % 5 - 2))
        out.setAttributes([f[k] for k in keep] + [middle])
        features.append(out)
    layer.dataProvider().addFeatures(features)
    return layer


def test_trend_over_three_years_gives_theil_sen_trends_and_trajectories(run_alg, census_layer):
    layer = _with_year_2015(census_layer)
    feedback = RecordingFeedback()
    r = trend(run_alg, layer, feedback, INDICATORS=["popu_2010", "popu_2015", "popu_2020"], COST_INDICATORS=[],
              K=3, SIGNIFICANCE=0.3)
    assert any("Trend over 3 years (2010, 2015, 2020)" in m for m in feedback.infos)
    cities = rows(r["OUTPUT"])
    inputs = {key(row): row for row in members(layer)}
    verdicts = set()
    for c in cities:
        if c["type"]:
            p = [c[f"perf_popu_{y}"] for y in (2010, 2015, 2020)]
            slope = float(np.median([(p[1] - p[0]) / 5, (p[2] - p[0]) / 10, (p[2] - p[1]) / 5]))
            assert c["trend_popu"] == pytest.approx(slope * 10, abs=1e-12)
        if c["excluded_reason"] is None:
            a, m, b = (inputs[key(c)][f"popu_{y}"] for y in (2010, 2015, 2020))
            assert c["slope_popu"] == pytest.approx(float(np.median([(m - a) / 5, (b - a) / 10, (b - m) / 5])))
            # three years: S = +-3 or +-1, Var(S) = 3 * 2 * 11 / 18; p = 0.296 only when monotone
            assert c["mk_p_popu"] == pytest.approx(0.2962, abs=1e-4) or c["mk_p_popu"] == pytest.approx(1.0)
            verdicts.add(c["trajectory_popu"])
    assert verdicts <= {"catching_up", "falling_behind", "no_clear_trend"} and len(verdicts) >= 2
    assert [n for n in r["OUTPUT"].fields().names() if n.endswith("_popu") and not n.startswith(("perf", "dim"))] \
        == ["trend_popu", "slope_popu", "slope_pct_popu", "mk_p_popu", "slope_gap_popu", "mk_p_gap_popu",
            "trajectory_popu"]
    two = trend(run_alg, layer, INDICATORS=["popu_2010", "popu_2015", "popu_2020"], COST_INDICATORS=[], K=3,
                YEARS="2020, 2010")
    assert not [n for n in two["OUTPUT"].fields().names() if n.startswith(("slope", "mk_p", "trajectory"))]


def test_trend_fixed_k_repeatable_and_too_large(run_alg, census_layer, tmp_path):
    first = rows(trend(run_alg, census_layer, K=3)["OUTPUT"])
    second = rows(trend(run_alg, census_layer, K=3)["OUTPUT"])
    assert {c["type"] for c in first} - {None} == {"A", "B", "C"}
    assert [(key(c), c["type"]) for c in first] == [(key(c), c["type"]) for c in second]
    out = tmp_path / "trend.gpkg"
    with pytest.raises(QgsProcessingException, match="K = 400 needs at least 401"):
        trend(run_alg, census_layer, K=400, OUTPUT=str(out))
    assert not out.exists()


@pytest.mark.parametrize(
    "params, match",
    [
        ({"INDICATORS": INDICATORS_2020}, r"year\(s\) 2020: select the fields of two or more years"),
        ({"YEAR1": 2010, "YEAR2": 2015}, r"INPUT has no field 'popu_2015'"),
        ({"INDICATORS": ["popu_2010", "popu_2020"], "COST_INDICATORS": ["age_65_2020"]},
         r"COST_INDICATORS 'age_65' not among the INDICATORS \(popu\)"),
        ({"NEUTRAL_INDICATORS": ["age_65_2010"]}, r"'age_65' are both cost and neutral indicators"),
    ],
)
def test_trend_bad_inputs(run_alg, census_layer, tmp_path, params, match):
    out = tmp_path / "trend.gpkg"
    with pytest.raises(QgsProcessingException, match=match):
        trend(run_alg, census_layer, K=2, OUTPUT=str(out), **params)
    assert not out.exists()


def test_help_names_the_formulas():
    from qgis.core import QgsApplication

    for alg_id, words in (("megaregion:typology", ["Gap", "min-max", "silhouette", "K = 0", "A, B, C"]),
                          ("megaregion:trend", ["Trend", "min-max", "silhouette", "YEAR_POOL", "A, B, C"])):
        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        text = alg.shortHelpString()
        for word in words + ["STABILITY_RESAMPLES", "NEUTRAL_INDICATORS", "Jaccard",
                             "'Join indicator table to boundaries'", "'Assign mega-regions and core cities'"]:
            assert word in text, (alg_id, word)
        assert "method.md" not in text and "Help button" in text
        names = [p.name() for p in alg.parameterDefinitions()]
        assert {"INPUT", "INDICATORS", "COST_INDICATORS", "NEUTRAL_INDICATORS", "K", "STABILITY_RESAMPLES", "OUTPUT",
                "OUTPUT_CORES", "OUTPUT_PROFILES", "OUTPUT_HTML"} <= set(names)
        assert alg.parameterDefinition("STABILITY_RESAMPLES").defaultValue() == 100
