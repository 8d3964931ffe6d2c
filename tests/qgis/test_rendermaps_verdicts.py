"""megaregion:rendermaps on the categorical verdicts of the outputs over three or more years and
of the spatial relations: the σ-convergence verdict of the unevenness mega-regions
(``sigma_verdict_popu``), the trajectory of the trend's secondary cities (``trajectory_popu``)
and the LISA clusters of 'Spatial relations' (``lisa_popu_2020``), made here from the bundled
data with popu_2015 between the census years. Each map is drawn in English and Chinese: the
title names the kind, indicator and years, the legend names every verdict in words, the colours
are the fixed ones (no clear verdict grey; LISA as GeoDa), read back from the PNG."""
import os

import numpy as np
import pytest
from qgis.core import NULL, QgsFeature, QgsField, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QImage

from _pkg import ROOT
from data_paths import BOUNDARIES, CENSUS

PREFECTURES = ROOT / "tests" / "regression" / "inputs" / "prefectures.gpkg"
YEARS3 = ["popu_2010", "popu_2015", "popu_2020"]


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.infos.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


def run(alg_id, params, feedback=None):
    from qgis import processing
    from qgis.core import QgsProcessingContext

    return processing.run(alg_id, params, context=QgsProcessingContext(), feedback=feedback or RecordingFeedback())


def pixels(path):
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull(), path
    ptr = image.constBits()
    ptr.setsize(image.sizeInBytes())
    bgra = np.frombuffer(ptr, np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()]
    return bgra[:, :, 2::-1].copy()


def colour_count(rgb, colour, tolerance=2):
    c = QColor(colour)
    target = np.array([c.red(), c.green(), c.blue()], dtype=int)
    return int((np.abs(rgb.astype(int) - target).max(axis=2) <= tolerance).sum())


def _three_years(joined):
    """``joined`` with popu_2015: the geometric mean of 2010 and 2020 times a wobble per city."""
    from megaregion.processing import compat

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "three_years", "memory")
    keep = ["adcode", "name", "megaregion_id", "megaregion", "role", "popu_2010", "popu_2020"]
    layer.dataProvider().addAttributes([joined.fields().field(f) for f in keep]
                                       + [QgsField("popu_2015", compat.FIELD_DOUBLE)])
    layer.updateFields()
    features = []
    for i, f in enumerate(joined.getFeatures()):
        out = QgsFeature(layer.fields())
        out.setGeometry(f.geometry())
        a, b = f["popu_2010"], f["popu_2020"]
        middle = NULL if a == NULL or b == NULL else (a * b) ** 0.5 * (1 + 0.03 * ((i * 7) % 5 - 2))
        out.setAttributes([f[k] for k in keep] + [middle])
        features.append(out)
    layer.dataProvider().addFeatures(features)
    return layer


@pytest.fixture(scope="module")
def outputs():
    """The three outputs, each as its algorithm styles it."""
    assigned = run("megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode", "OUTPUT": "memory:"})
    joined = run("megaregion:joinindicators", {
        "INPUT": assigned["OUTPUT"], "INPUT_KEY": "adcode", "TABLE": str(CENSUS), "TABLE_KEY": "city_code",
        "FIELDS": ["popu_2010", "popu_2020"], "OUTPUT": "memory:", "UNMATCHED": "memory:"})["OUTPUT"]
    layer = _three_years(joined)
    regions = run("megaregion:unevenness", {
        "INPUT": layer, "INDICATORS": YEARS3, "BOOTSTRAP": 99, "PERMUTATIONS": 0, "HEADLINE": 0,
        "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": "memory:", "OUTPUT_HTML": None})["OUTPUT_REGIONS"]
    trend_feedback = RecordingFeedback()
    cities = run("megaregion:trend", {
        "INPUT": layer, "INDICATORS": YEARS3, "COST_INDICATORS": [], "K": 3, "SIGNIFICANCE": 0.3,
        "STABILITY_RESAMPLES": 0, "OUTPUT": "memory:", "OUTPUT_CORES": None, "OUTPUT_PROFILES": None,
        "OUTPUT_HTML": None}, trend_feedback)["OUTPUT"]
    clusters = run("megaregion:spatialrelations", {
        "INPUT": str(PREFECTURES), "INDICATORS": ["popu_2020"], "PERMUTATIONS": 199, "BOOTSTRAP": 199,
        "OUTPUT": "memory:", "OUTPUT_TABLE": None, "OUTPUT_HTML": None})["OUTPUT"]
    regions.setName("sigma")
    layer.setName("three_years")
    cities.setName("trajectories")
    clusters.setName("clusters")
    return {"regions": regions, "cities": cities, "clusters": clusters, "trend_log": trend_feedback.infos,
            "three_years": layer}


def counts(layer, field):
    out = {}
    for f in layer.getFeatures():
        value = None if f[field] == NULL else f[field]
        out[value] = out.get(value, 0) + 1
    return out


def _prepared(layer, **overrides):
    from qgis.core import QgsApplication, QgsProcessingContext

    alg = QgsApplication.processingRegistry().createAlgorithmById("megaregion:rendermaps")
    context, feedback = QgsProcessingContext(), RecordingFeedback()
    params = {"LANGUAGE": 1, "DPI": 60, "OUTPUT_FOLDER": "unused"}
    params.update(overrides)
    options = alg._options(params, context, feedback)
    return alg.prepare(layer, context, feedback, **options), feedback


def _legend(prepared):
    main = prepared.project.layerTreeRoot().findLayers()[0]
    return " ".join(main.name().split()), [c.label() for c in main.layer().renderer().categories()]


# ------------------------------------------------------------------------------ texts

def test_the_outputs_carry_the_verdicts(outputs):
    assert set(counts(outputs["regions"], "sigma_verdict_popu")) <= {"converging", "diverging", "unclear", None}
    assert len(counts(outputs["cities"], "trajectory_popu")) >= 2
    assert outputs["cities"].renderer().classAttribute() == "type"  # the trend stays a typology map
    assert any("MAP_FIELD=trajectory_popu draws its map" in m for m in outputs["trend_log"])
    clusters = outputs["clusters"]
    assert clusters.renderer().classAttribute() == "lisa_popu_2020"  # spatialrelations styles its layer
    assert set(counts(clusters, "lisa_popu_2020")) - {None} >= {"ns", "HH"}


def test_unevenness_over_three_years_is_styled_by_its_verdict(outputs):
    """The panel's finding opens styled and is drawn without a choice; the measure through MAP_FIELD."""
    regions = outputs["regions"]
    assert regions.renderer().type() == "categorizedSymbol"
    assert regions.renderer().classAttribute() == "sigma_verdict_popu"
    assert _prepared(regions)[0].title == "σ-convergence of core–secondary unevenness of population, 2010–2020"
    measure, _ = _prepared(regions, MAP_FIELD="theil_popu_2020")
    assert measure.title == "Core–secondary unevenness of population, Theil T, 2020"
    main = measure.project.layerTreeRoot().findLayers()[0].layer()
    assert main.renderer().type() == "graduatedSymbol" and len(main.renderer().ranges()) == 5
    assert regions.renderer().classAttribute() == "sigma_verdict_popu"  # the caller's layer untouched


def test_sigma_map_titles_and_legend_in_both_languages(outputs):
    regions = outputs["regions"]
    n = counts(regions, "sigma_verdict_popu")
    en, _ = _prepared(regions, MAP_FIELD="sigma_verdict_popu")
    assert en.title == "σ-convergence of core–secondary unevenness of population, 2010–2020"
    heading, labels = _legend(en)
    assert heading == "σ-convergence, 2010–2020"
    assert labels[:3] == ["converging clearly", "diverging clearly", "unclear"]
    main = en.project.layerTreeRoot().findLayers()[0].layer()
    assert [c.symbol().color().name() for c in main.renderer().categories()][:3] == ["#2c7bb6", "#d7191c", "#bdbdbd"]
    zh, _ = _prepared(regions, MAP_FIELD="sigma_verdict_popu", LANGUAGE=2)
    assert zh.title == "2010—2020年常住人口核心—次级城市不均衡的σ收敛"
    assert _legend(zh)[1][:3] == ["明确收敛", "明确发散", "不明确"]
    subtitle = [item.text() for item in zh.layout.items() if hasattr(item, "text") and "个城市群：" in item.text()]
    assert len(subtitle) == 1 and subtitle[0].startswith("%d个城市群：" % regions.featureCount())
    assert all(("%s%d个" % (words, n[value])) in subtitle[0]
               for value, words in (("converging", "明确收敛"), ("diverging", "明确发散"), ("unclear", "不明确"))
               if value in n)
    # the regions are labelled by name, the map is of China with the inset
    assert en.national and en.plans


def test_a_layer_styled_by_a_verdict_is_drawn_as_that_map(outputs):
    """Without MAP_FIELD: the style decides; the legend is relabelled in the map's language."""
    from megaregion.processing.styling import verdict_renderer

    cities = outputs["cities"].clone()
    cities.setRenderer(verdict_renderer(cities, "trajectory_popu", "en"))
    zh, _ = _prepared(cities, LANGUAGE=2)
    assert zh.title == "次级城市与核心城市差距的发展轨迹：常住人口，2010—2020年"
    heading, labels = _legend(zh)
    assert heading == "差距的轨迹，2010—2020年"
    assert labels[:3] == ["追赶核心城市", "落后于核心城市", "无明确趋势"]
    en, _ = _prepared(cities)
    assert en.title == "Trajectories of secondary cities' gaps to the cores: population, 2010–2020"
    n = counts(cities, "trajectory_popu")
    texts = [item.text() for item in en.layout.items() if hasattr(item, "text")]
    expected = "%d cities: " % cities.featureCount()
    assert any(t.startswith(expected) and ("%d no clear trend" % n["no_clear_trend"]) in t for t in texts), texts


def test_lisa_map_as_spatialrelations_styles_it(outputs):
    from megaregion.processing.styling import LISA_COLOURS

    clusters = outputs["clusters"]
    en, _ = _prepared(clusters)
    assert en.title == "LISA clusters of secondary cities' gaps to the cores: population in 2020"
    heading, labels = _legend(en)
    assert heading == "LISA cluster"
    assert labels == ["Not significant", "High-High", "Low-Low", "Low-High", "High-Low"]
    main = en.project.layerTreeRoot().findLayers()[0].layer()
    assert {c.value(): c.symbol().color().name() for c in main.renderer().categories()} == LISA_COLOURS
    zh, _ = _prepared(clusters, LANGUAGE=2)
    assert zh.title == "次级城市与核心城市差距的LISA聚类：2020年常住人口"
    assert _legend(zh) == ("LISA聚类", ["不显著", "高-高", "低-低", "低-高", "高-低"])


# ------------------------------------------------------------------------------ files

@pytest.fixture(scope="module")
def rendered(outputs, tmp_path_factory):
    """The sigma and trajectory maps through MAP_FIELD (English), the LISA map as styled (Chinese)."""
    folder = tmp_path_factory.mktemp("verdict-maps")
    feedback = RecordingFeedback()
    run("megaregion:rendermaps", {"LAYERS": [outputs["regions"]], "MAP_FIELD": "sigma_verdict_popu", "LANGUAGE": 1,
                                  "DPI": 80, "FORMAT": [0, 1], "OUTPUT_FOLDER": str(folder)}, feedback)
    run("megaregion:rendermaps", {"LAYERS": [outputs["cities"]], "MAP_FIELD": "trajectory_popu", "LANGUAGE": 2,
                                  "BACKGROUND": str(BOUNDARIES), "DPI": 80, "OUTPUT_FOLDER": str(folder)}, feedback)
    run("megaregion:rendermaps", {"LAYERS": [outputs["clusters"]], "LANGUAGE": 2, "DPI": 80,
                                  "OUTPUT_FOLDER": str(folder)}, feedback)
    return folder, feedback


def test_maps_show_the_verdict_colours(rendered, outputs):
    from megaregion.processing.styling import LISA_COLOURS, VERDICT_COLOURS

    folder, feedback = rendered
    assert sorted(os.listdir(folder)) == ["clusters.png", "sigma.pdf", "sigma.png", "trajectories.png"]
    assert "Rendered 'sigma': σ-convergence of core–secondary unevenness of population, 2010–2020" in feedback.infos
    sigma = pixels(folder / "sigma.png")
    present = counts(outputs["regions"], "sigma_verdict_popu")
    for value, colour in VERDICT_COLOURS["sigma_verdict"].items():
        # a region of the verdict is far larger than its legend swatch (~200 pixels at 80 dpi)
        assert (colour_count(sigma, colour) > 600) == (value in present), value
    trajectories = pixels(folder / "trajectories.png")
    present = counts(outputs["cities"], "trajectory_popu")
    for value, colour in VERDICT_COLOURS["trajectory"].items():
        # every verdict has its legend swatch; the cities of a verdict add far more
        assert colour_count(trajectories, colour) > (2000 if value in present else 150), value
    clusters = pixels(folder / "clusters.png")
    assert colour_count(clusters, LISA_COLOURS["HH"]) > colour_count(clusters, "#ff0000", 0) // 2 > 100
    assert colour_count(clusters, LISA_COLOURS["ns"], 1) > 1000


# ------------------------------------------------------------------------------ bad input

def test_map_field_that_is_no_verdict_nor_number_or_missing(outputs, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"MAP_FIELD 'megaregion' of layer 'sigma' is neither a verdict"):
        run("megaregion:rendermaps", {"LAYERS": [outputs["regions"]], "MAP_FIELD": "megaregion",
                                      "OUTPUT_FOLDER": str(tmp_path / "a")})
    with pytest.raises(QgsProcessingException, match=r"MAP_FIELD 'trajectory_gdp' is not a field of layer 'sigma'"):
        run("megaregion:rendermaps", {"LAYERS": [outputs["regions"]], "MAP_FIELD": "trajectory_gdp",
                                      "OUTPUT_FOLDER": str(tmp_path / "b")})
    assert not (tmp_path / "a").exists() or os.listdir(tmp_path / "a") == []


def test_every_sigma_verdict_in_its_colour(outputs, tmp_path):
    """Mega-regions given each verdict in turn (the bundled panel's are all unclear): every one is
    drawn in its colour, a region without a verdict white, in the order of the legend."""
    from qgis.core import QgsFeatureRequest

    from megaregion.processing.rendermaps import export_map
    from megaregion.processing.styling import NO_VERDICT_COLOUR, VERDICT_COLOURS, verdict_renderer

    regions = outputs["regions"].materialize(QgsFeatureRequest())
    index = regions.fields().indexOf("sigma_verdict_popu")
    cycle = ["converging", "diverging", "unclear", None]
    regions.dataProvider().changeAttributeValues(
        {f.id(): {index: cycle[i % 4]} for i, f in enumerate(regions.getFeatures())})
    regions.setRenderer(verdict_renderer(regions, "sigma_verdict_popu", "zh"))
    prepared, _ = _prepared(regions, LANGUAGE=2)
    assert _legend(prepared)[1] == ["明确收敛", "明确发散", "不明确", "无数值"]
    export_map(prepared, str(tmp_path / "sigma.png"), 60, 297, 210)
    rgb = pixels(tmp_path / "sigma.png")
    for colour in VERDICT_COLOURS["sigma_verdict"].values():
        assert colour_count(rgb, colour) > 500, colour
    assert NO_VERDICT_COLOUR == "#ffffff"


def test_geopackage_opens_styled_by_the_verdict_and_is_mapped_as_such(outputs, tmp_path):
    """What qgis_process users get: the GeoPackage's default style is the verdict map, and
    rendermaps, given the path alone, draws it (in Chinese here) without a choice."""
    gpkg = tmp_path / "unevenness.gpkg"
    run("megaregion:unevenness", {
        "INPUT": outputs["three_years"], "INDICATORS": YEARS3, "BOOTSTRAP": 99, "PERMUTATIONS": 0, "HEADLINE": 0,
        "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": str(gpkg), "OUTPUT_HTML": None})
    reopened = QgsVectorLayer(str(gpkg), "reopened", "ogr")
    assert reopened.renderer().type() == "categorizedSymbol"
    assert reopened.renderer().classAttribute() == "sigma_verdict_popu"
    feedback = RecordingFeedback()
    result = run("megaregion:rendermaps", {"LAYERS": [str(gpkg)], "LANGUAGE": 2, "DPI": 40, "FORMAT": [1],
                                           "OUTPUT_FOLDER": str(tmp_path / "maps")}, feedback)
    assert result["OUTPUT_FILES"].endswith("unevenness.pdf")
    assert any(m.endswith(": 2010—2020年常住人口核心—次级城市不均衡的σ收敛") for m in feedback.infos), feedback.infos
