"""``megaregion:rendermaps``: one print-ready PNG map per styled layer, for reports.

Each map is a QGIS print layout: title and subtitle, the map in an equal-area projection
for China, a legend with the layer's classes or categories, a north arrow pointing to true
north, a scale bar in kilometres and a footer naming the projection. The layers keep the
style they carry (the GeoPackage default style written by the other algorithms, or the
renderer of a memory layer); an optional background layer sets the mega-regions in China
and an optional core-city layer is outlined and labelled on top."""
import contextlib
import math
import os
import re
import tempfile
import uuid

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont

from . import compat
from .base import MegaregionAlgorithm
from .input_checks import CheckedInputs
from .unevenness import HEADLINES

# Albers equal-area conic for China (standard parallels 25°N and 47°N, central meridian
# 105°E): areas are true, so large western prefectures are not inflated as in lon/lat.
ALBERS_CHINA = "+proj=aea +lat_0=0 +lat_1=25 +lat_2=47 +lon_0=105 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
ALBERS_CHINA_NAME = "Albers equal-area conic for China (25°N, 47°N, 105°E; WGS84)"
NORTH_ARROW_SVG = "arrows/NorthArrow_02.svg"

# Background prefectures near-white on a pale sea, so the light grey of features without a
# value (e.g. secondary cities not typed) stays apart from them.
SEA = "#e8f0f6"
BACKGROUND_FILL = "#fbfbf9"
BACKGROUND_OUTLINE = "#a8a8a8"
CORE_OUTLINE = "#000000"
PREFERRED_FONTS = ("Noto Sans CJK SC", "Noto Sans", "DejaVu Sans")  # CJK first: Chinese city names

_YEAR = re.compile(r"^(?P<base>.+)_(?P<year>\d{4})$")


# ------------------------------------------------------------------------------ texts

def describe_field(field, field_names=()):
    """A reader's description of an unevenness field ``<measure>_<indicator>_<year>`` or
    ``<measure>_<indicator>_change``: ``"Theil T of popu, 2020"``; the years of the change
    are read from the sibling year fields in ``field_names``. ``None`` for other fields."""
    for key, label in sorted(HEADLINES, key=lambda kv: -len(kv[0])):
        if not field.startswith(key + "_"):
            continue
        rest = field[len(key) + 1:]
        if rest.endswith("_change") and len(rest) > len("_change"):
            indicator = rest[: -len("_change")]
            years = sorted(m.group("year") for m in (_YEAR.match(f) for f in field_names)
                           if m and m.group("base") == f"{key}_{indicator}")
            span = f", change {years[0]}–{years[-1]}" if len(years) >= 2 else ", change between the years"
            return f"{label} of {indicator}{span}"
        m = _YEAR.match(rest)
        if m:
            return f"{label} of {m.group('base')}, {m.group('year')}"
        return f"{label} of {rest}"
    return None


def map_texts(layer):
    """``(title, subtitle, legend heading)`` of the map of ``layer``, from its renderer:
    the measure, indicator and year of a graduated unevenness map, the kind of typology
    of a map categorized by type, otherwise the layer name and the styled field."""
    renderer = layer.renderer()
    kind = renderer.type() if renderer is not None else ""
    names = layer.fields().names()
    count = layer.featureCount()
    field = renderer.classAttribute() if kind in ("graduatedSymbol", "categorizedSymbol") else None
    if kind == "graduatedSymbol":
        described = describe_field(field, names)
        method = renderer.classificationMethod()
        classes = f"{len(renderer.ranges())} classes" + (f" by {method.name()}" if method else "")
        unit = "mega-regions" if "megaregion_id" in names else "features"
        if described:
            return (f"Core–secondary unevenness: {described}", f"{count} {unit}; {classes}; field {field}",
                    described)
        return f"{layer.name()}: {field}", f"{count} {unit}; {classes}", field
    if kind == "categorizedSymbol":
        if field == "type":
            typology = ("development trend" if any(n.startswith("trend_") for n in names)
                        else "gap to the cores")
            typed = sum(1 for f in layer.getFeatures() if f["type"] not in (None, "") and str(f["type"]) != "NULL")
            left = count - typed
            subtitle = f"{typed} secondary cities typed" + (f", {left} not typed" if left else "")
            prefix = "trend_" if typology == "development trend" else "gap_"
            indicators = [n[len(prefix):] for n in names if n.startswith(prefix)]
            if indicators:
                # one line under the title: name a few indicators, count the rest
                shown = ", ".join(indicators[:4]) + (f" and {len(indicators) - 4} more" if len(indicators) > 4 else "")
                subtitle += f"; {prefix[:-1]} in {shown}"
            return f"Types of secondary cities by {typology}", subtitle, "Type"
        return f"{layer.name()}: {field}", f"{count} features; {len(renderer.categories())} categories", field
    return layer.name(), f"{count} features", layer.name()


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


def _wrap(text, width):
    """``text`` broken into lines of at most ``width`` characters, at spaces."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


@contextlib.contextmanager
def _quiet_gdal():
    """Silence GDAL while exporting: the exporter opens every image for georeferencing,
    which the PNG driver refuses with a harmless 'does not support update access' error."""
    try:
        from osgeo import gdal
    except ImportError:
        yield
        return
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield
    finally:
        gdal.PopErrorHandler()


# ------------------------------------------------------------------------------ layout

def layout_frames(width_mm, height_mm):
    """Rectangles ``(x, y, width, height)`` in mm of the parts of a page: title, subtitle,
    map, legend (right of the map) and footer. Sizes scale with the page."""
    s = min(width_mm, height_mm) / 210.0
    margin = 8 * s
    title_h, subtitle_h, footer_h, gap = 11 * s, 7 * s, 6 * s, 4 * s
    legend_w = max(0.26 * width_mm, 45 * s)
    top = margin + title_h + subtitle_h
    map_w = width_mm - 2 * margin - legend_w - gap
    map_h = height_mm - top - margin - footer_h
    return {
        "title": (margin, margin, width_mm - 2 * margin, title_h),
        "subtitle": (margin, margin + title_h, width_mm - 2 * margin, subtitle_h),
        "map": (margin, top, map_w, map_h),
        "legend": (margin + map_w + gap, top, legend_w, map_h),
        "footer": (margin, top + map_h + 1.5 * s, width_mm - 2 * margin, footer_h - 1.5 * s),
        "scale": s,
    }


def pixel_size(width_mm, height_mm, dpi):
    """The PNG size in pixels: mm / 25.4 × dpi, rounded (A4 landscape at 150 dpi: 1754 × 1240)."""
    return int(round(width_mm / 25.4 * dpi)), int(round(height_mm / 25.4 * dpi))


def font_family():
    families = set(compat.font_families())
    return next((f for f in PREFERRED_FONTS if f in families), QFont().family())


def _font(family, points, bold=False):
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _place(item, rect):
    x, y, w, h = rect
    item.attemptMove(QgsLayoutPoint(x, y, compat.LAYOUT_MILLIMETERS))
    item.attemptResize(QgsLayoutSize(w, h, compat.LAYOUT_MILLIMETERS))


def _label(layout, text, rect, font, colour="#000000", align=Qt.AlignmentFlag.AlignLeft):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    compat.set_label_font(item, font, QColor(colour))
    item.setHAlign(align)
    item.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    item.setMarginX(0)
    item.setMarginY(0)
    layout.addLayoutItem(item)
    _place(item, rect)
    return item


def north_arrow_path():
    """The path of QGIS's north arrow SVG, or ``None`` when this installation has none."""
    for folder in QgsApplication.svgPaths():
        path = os.path.join(folder, NORTH_ARROW_SVG)
        if os.path.isfile(path):
            return path
    return None


def background_renderer():
    symbol = QgsFillSymbol.createSimple({
        "color": BACKGROUND_FILL, "outline_color": BACKGROUND_OUTLINE, "outline_width": "0.12",
        "outline_width_unit": "MM"})
    return QgsSingleSymbolRenderer(symbol)


def core_renderer(geometry_type):
    """Cores stand out over any fill: a black outline without fill for polygons, a black
    star with a white rim for points."""
    if geometry_type == compat.GEOMETRY_POLYGON:
        symbol = QgsFillSymbol.createSimple({
            "style": "no", "outline_color": CORE_OUTLINE, "outline_width": "0.5", "outline_width_unit": "MM"})
    elif geometry_type == compat.GEOMETRY_LINE:
        symbol = QgsLineSymbol.createSimple({"color": CORE_OUTLINE, "width": "0.6", "width_unit": "MM"})
    else:
        symbol = QgsMarkerSymbol.createSimple({
            "name": "star", "color": CORE_OUTLINE, "outline_color": "#ffffff", "outline_width": "0.3",
            "size": "3.5", "size_unit": "MM"})
    return QgsSingleSymbolRenderer(symbol)


def labeling(field, family, points, bold=False):
    """Labels of ``field`` with a white halo so they read over any fill."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.enabled = True
    fmt = QgsTextFormat()
    fmt.setFont(_font(family, points, bold))
    fmt.setSize(points)
    fmt.setSizeUnit(compat.RENDER_POINTS)
    fmt.setColor(QColor("#000000"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    buffer.setSizeUnit(compat.RENDER_MILLIMETERS)
    buffer.setColor(QColor("#ffffff"))
    fmt.setBuffer(buffer)
    settings.setFormat(fmt)
    settings.placement = compat.LABEL_OVER_POINT  # at the centroid, as a point label
    settings.centroidInside = True
    return QgsVectorLayerSimpleLabeling(settings)


def map_extent(layers, crs, transform_context):
    """The union of the layers' extents in ``crs``, widened by 4 % on each side."""
    extent = compat.null_rectangle()
    for layer in layers:
        transform = QgsCoordinateTransform(layer.crs(), crs, transform_context)
        try:
            box = transform.transformBoundingBox(layer.extent())
        except QgsCsException as exc:
            raise ValueError(
                f"Layer '{layer.name()}' cannot be projected to the map CRS {crs.description() or crs.toProj()}: "
                f"{exc}; check the layer's CRS or choose another MAP_CRS") from exc
        extent.combineExtentWith(box)
    if extent.isEmpty() or not all(map(math.isfinite, (extent.xMinimum(), extent.xMaximum(),
                                                        extent.yMinimum(), extent.yMaximum()))):
        return None
    return extent.buffered(0.04 * max(extent.width(), extent.height()))


def build_layout(project, layer, *, title, subtitle, legend_heading, crs, crs_name, width_mm, height_mm,
                 background=None, cores=None, extent=None, footer_notes=()):
    """The print layout of one map: ``layer`` (with ``cores`` on top and ``background``
    below, all already in ``project``) in ``crs``."""
    frames = layout_frames(width_mm, height_mm)
    s = frames["scale"]
    family = font_family()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(layer.name())
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width_mm, height_mm, compat.LAYOUT_MILLIMETERS))

    _label(layout, title, frames["title"], _font(family, 17 * s, bold=True))
    _label(layout, subtitle, frames["subtitle"], _font(family, 10 * s), colour="#404040")

    item = QgsLayoutItemMap(layout)
    item.setCrs(crs)
    x, y, w, h = frames["map"]
    item.attemptSetSceneRect(QRectF(x, y, w, h))
    map_layers = [m for m in (cores, layer, background) if m is not None]
    item.setLayers(map_layers)
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor("#606060"))
    item.setBackgroundColor(QColor(SEA))
    layout.addLayoutItem(item)
    item.zoomToExtent(extent)

    arrow = north_arrow_path()
    if arrow:
        picture = QgsLayoutItemPicture(layout)
        picture.setPicturePath(arrow, compat.PICTURE_SVG)
        picture.setLinkedMap(item)
        picture.setNorthMode(compat.PICTURE_TRUE_NORTH)
        picture.setResizeMode(compat.PICTURE_ZOOM)
        picture.setSvgFillColor(QColor("#000000"))  # the SVG's default fill is white: the "N" would vanish
        picture.setSvgStrokeColor(QColor("#000000"))
        picture.setBackgroundEnabled(False)
        layout.addLayoutItem(picture)
        size = 13 * s
        _place(picture, (x + w - size - 4 * s, y + 4 * s, size, size * 1.25))

    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(item)
    bar.setUnits(compat.DISTANCE_KILOMETERS)
    bar.setUnitLabel("km")
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setSegmentSizeMode(compat.SCALEBAR_FIT_WIDTH)
    bar.setMinimumBarWidth(0.18 * w)
    bar.setMaximumBarWidth(0.28 * w)
    bar.setHeight(2.2 * s)
    fmt = QgsTextFormat()
    fmt.setFont(_font(family, 8 * s))
    fmt.setSize(8 * s)
    fmt.setSizeUnit(compat.RENDER_POINTS)
    bar.setTextFormat(fmt)
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(bar)
    bar.update()
    bar.resizeToMinimumWidth()
    bar.attemptMove(QgsLayoutPoint(x + 3 * s, y + h - 3 * s - bar.rect().height(), compat.LAYOUT_MILLIMETERS),
                    useReferencePoint=False)

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legend")
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(True)
    legend.setResizeToContents(True)
    legend.setWrapString("\n")
    compat.set_legend_font(legend, compat.LEGEND_TITLE, _font(family, 12 * s, bold=True))
    compat.set_legend_font(legend, compat.LEGEND_GROUP, _font(family, 10 * s, bold=True))
    compat.set_legend_font(legend, compat.LEGEND_SUBGROUP, _font(family, 10 * s, bold=True))
    compat.set_legend_font(legend, compat.LEGEND_SYMBOL_LABEL, _font(family, 9 * s))
    legend.rstyle(compat.LEGEND_SUBGROUP).setMargin(compat.LEGEND_SIDE_TOP, 3 * s)
    legend.setSymbolWidth(7 * s)
    legend.setSymbolHeight(4.5 * s)
    legend.setBoxSpace(2 * s)
    layout.addLayoutItem(legend)
    lx, ly, lw, _ = frames["legend"]
    legend.attemptMove(QgsLayoutPoint(lx, ly, compat.LAYOUT_MILLIMETERS))

    # Legend node names: the heading of the map layer, plain words for cores and background.
    root = project.layerTreeRoot()
    wrap = max(20, int(lw / (2.0 * s)))
    names = {layer.id(): legend_heading}
    if cores is not None:
        names[cores.id()] = "Core cities"
    if background is not None:
        names[background.id()] = f"Background: {map_name(background)}"
    for node in root.findLayers():
        if node.layerId() in names:
            node.setName(_wrap(names[node.layerId()], wrap))
    legend.updateLegend()

    notes = [f"Map CRS: {crs_name}", "north arrow: true north at the map centre", *footer_notes]
    _label(layout, "; ".join(notes) + ".", frames["footer"], _font(family, 7.5 * s), colour="#606060")
    return layout


# ------------------------------------------------------------------------------ algorithm

class RenderMapsAlgorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ()  # QGIS alone; GDAL only quietens the exporter when present
    LAYERS = "LAYERS"
    BACKGROUND = "BACKGROUND"
    CORES = "CORES"
    CORE_LABEL_FIELD = "CORE_LABEL_FIELD"
    TITLE = "TITLE"
    MAP_CRS = "MAP_CRS"
    DPI = "DPI"
    WIDTH_MM = "WIDTH_MM"
    HEIGHT_MM = "HEIGHT_MM"
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
        "or 'Secondary-city typology' opens with its saved default style (graduated by "
        "&lt;measure&gt;_&lt;indicator&gt;_&lt;year&gt;, or categorized by type with one fixed colour per "
        "letter); a layer of the project keeps its current style.\n"
        "<b>Page</b>: title (TITLE, or from the style: the measure, indicator and year of a graduated "
        "unevenness map, the kind of typology of a type map), a subtitle with the counts and classes, the map, "
        "a legend with the style's classes or categories, a north arrow to true north, a scale bar in km and "
        "the projection. WIDTH_MM &times; HEIGHT_MM at DPI gives a PNG of round(mm / 25.4 &times; DPI) "
        "pixels (A4 landscape at 150 dpi: 1754 &times; 1240).\n"
        "<b>Context</b>: BACKGROUND (optional, e.g. all prefectures) is drawn light grey with thin outlines "
        "so the mega-regions sit in China; CORES (optional, e.g. the core cities of the typology) are drawn "
        "on top, outlined in black (points as stars) and labelled with CORE_LABEL_FIELD. A layer with one "
        "feature per mega-region is labelled with its megaregion_id.\n"
        "<b>Projection</b> (MAP_CRS, optional): by default an Albers equal-area conic for China "
        "(+proj=aea +lat_1=25 +lat_2=47 +lon_0=105 +datum=WGS84), so areas compare fairly; the map shows the "
        "extent of the layer (the background is cut to it).\n"
        "Maps are written only when every one has rendered: a failed or cancelled run leaves no PNG."
    )

    def flags(self):
        # Layouts render through the project's layers and Qt painting: run in the main thread.
        return super().flags() | compat.ALGORITHM_NO_THREADING

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.LAYERS, self.tr("Styled layers to map (one PNG each)"), compat.SOURCE_VECTOR_ANY_GEOMETRY))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.BACKGROUND, self.tr("Background layer, e.g. all prefectures (optional)"),
            [compat.SOURCE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.CORES, self.tr("Core cities drawn on top (optional)"), [compat.SOURCE_VECTOR_ANY_GEOMETRY],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CORE_LABEL_FIELD, self.tr("Core city label field"), defaultValue="name",
            parentLayerParameterName=self.CORES, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Title ({layer} = layer name; empty = from the style)"), defaultValue="",
            optional=True))
        crs = QgsProcessingParameterCrs(
            self.MAP_CRS, self.tr("Map CRS (empty = Albers equal-area for China)"), optional=True)
        crs.setFlags(crs.flags() | compat.PARAMETER_ADVANCED)
        self.addParameter(crs)
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, self.tr("Resolution (dots per inch)"), compat.NUMBER_INTEGER,
            defaultValue=150, minValue=30, maxValue=1200))
        self.addParameter(QgsProcessingParameterNumber(
            self.WIDTH_MM, self.tr("Page width (mm)"), compat.NUMBER_DOUBLE,
            defaultValue=297, minValue=80, maxValue=2000))
        self.addParameter(QgsProcessingParameterNumber(
            self.HEIGHT_MM, self.tr("Page height (mm)"), compat.NUMBER_DOUBLE,
            defaultValue=210, minValue=60, maxValue=2000))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER, self.tr("Folder of the PNG maps")))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT_FILES, self.tr("PNG files written")))
        self.addOutput(QgsProcessingOutputNumber(self.MAP_COUNT, self.tr("Number of maps")))

    # ------------------------------------------------------------------ reading
    def _layers(self, parameters, context):
        layers = self.parameterAsLayerList(parameters, self.LAYERS, context) or []
        if not layers:
            raise QgsProcessingException(
                "LAYERS is empty: choose at least one vector layer to map, e.g. the mega-regions of "
                "'Core-secondary unevenness' or the secondary cities of 'Secondary-city typology'.")
        for layer in layers:
            self._check_layer(layer, self.LAYERS)
        return layers

    @staticmethod
    def _check_layer(layer, name):
        if layer.type() != compat.LAYER_VECTOR:
            raise QgsProcessingException(f"{name} layer '{layer.name()}' is not a vector layer: choose vector layers.")
        if layer.featureCount() == 0:
            raise QgsProcessingException(
                f"{name} layer '{layer.name()}' ({layer.source()}) has no features: nothing to map; run the "
                "algorithm that writes it again or choose another layer.")
        if layer.geometryType() in (compat.GEOMETRY_NULL, compat.GEOMETRY_UNKNOWN):
            raise QgsProcessingException(
                f"{name} layer '{layer.name()}' has no geometry (a table): choose a layer with geometries, e.g. the "
                "OUTPUT_REGIONS of 'Core-secondary unevenness' rather than its table.")

    def _folder(self, parameters, context):
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        if not folder:
            raise QgsProcessingException("OUTPUT_FOLDER is empty: choose a folder for the PNG maps.")
        try:
            os.makedirs(folder, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".megaregion-", suffix=".probe"):
                pass
        except OSError as exc:
            raise QgsProcessingException(
                f"OUTPUT_FOLDER '{folder}' cannot be written ({exc.strerror or exc}): choose a folder you may "
                "write to.") from exc
        return folder

    def _styled_copy(self, layer, context):
        """A copy of ``layer`` to draw; a layer loaded from a file by this run (qgis_process,
        or a path given in the toolbox) gets its saved default style, a layer of the project
        keeps the style it has."""
        copy = layer.clone()
        if context.temporaryLayerStore().mapLayer(layer.id()) is not None:
            copy.loadDefaultStyle()
        return copy

    # ------------------------------------------------------------------ computing
    def compute(self, parameters, context, feedback):
        layers = self._layers(parameters, context)
        background = self.parameterAsVectorLayer(parameters, self.BACKGROUND, context)
        cores = self.parameterAsVectorLayer(parameters, self.CORES, context)
        for layer, name in ((background, self.BACKGROUND), (cores, self.CORES)):
            if layer is not None:
                self._check_layer(layer, name)
        if background is not None and background.geometryType() != compat.GEOMETRY_POLYGON:
            raise QgsProcessingException(
                f"BACKGROUND layer '{background.name()}' ({background.source()}) has "
                f"{QgsWkbTypes.displayString(background.wkbType())} geometries: the background is drawn as areas; "
                "choose a polygon layer, e.g. all prefectures.")
        label_field = self.parameterAsString(parameters, self.CORE_LABEL_FIELD, context) or "name"
        if cores is not None and label_field not in cores.fields().names():
            feedback.pushInfo(f"CORE_LABEL_FIELD '{label_field}' is not a field of CORES: cores are not labelled.")
            label_field = None
        title_template = self.parameterAsString(parameters, self.TITLE, context).strip()
        crs = self.parameterAsCrs(parameters, self.MAP_CRS, context)
        crs_name = crs.description() or crs.authid()
        if not crs.isValid():
            crs, crs_name = QgsCoordinateReferenceSystem.fromProj(ALBERS_CHINA), ALBERS_CHINA_NAME
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        width = self.parameterAsDouble(parameters, self.WIDTH_MM, context)
        height = self.parameterAsDouble(parameters, self.HEIGHT_MM, context)
        folder = self._folder(parameters, context)

        written, pending = [], []  # final paths; (temporary path, final path)
        taken = set()
        try:
            for i, layer in enumerate(layers):
                if feedback.isCanceled():
                    raise QgsProcessingException("Cancelled: no map was written.")
                feedback.setProgress(100.0 * i / len(layers))
                final = os.path.join(folder, png_name(map_name(layer), taken))
                # the exporter creates the file (with the usual permissions); renamed when all are done
                temporary = os.path.join(folder, f".megaregion-{uuid.uuid4().hex}.png")
                pending.append((temporary, final))
                self._render(layer, temporary, context, feedback, background=background, cores=cores,
                             label_field=label_field, title_template=title_template, crs=crs, crs_name=crs_name,
                             dpi=dpi, width=width, height=height)
            if feedback.isCanceled():
                raise QgsProcessingException("Cancelled: no map was written.")
            for temporary, final in pending:
                os.replace(temporary, final)
                written.append(final)
        finally:
            for temporary, _ in pending:
                if os.path.exists(temporary):
                    os.remove(temporary)
        for path in written:
            feedback.pushInfo(f"Map written: {path}")
        feedback.setProgress(100)
        return {self.OUTPUT_FOLDER: folder, self.OUTPUT_FILES: ";".join(written), self.MAP_COUNT: len(written)}

    def _render(self, layer, path, context, feedback, *, background, cores, label_field, title_template, crs,
                crs_name, dpi, width, height):
        project = QgsProject()
        project.setCrs(crs)
        project.setTransformContext(context.transformContext())
        main = self._styled_copy(layer, context)
        if main.renderer() is None:
            main.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({})))
        family = font_family()
        s = layout_frames(width, height)["scale"]
        notes = []
        if "megaregion_id" in main.fields().names():
            ids = [f["megaregion_id"] for f in main.getFeatures()]
            if len(ids) == len(set(ids)) <= 60:  # one feature per mega-region: name them
                main.setLabeling(labeling("megaregion_id", family, 8 * s, bold=True))
                main.setLabelsEnabled(True)
                notes.append("mega-regions labelled by id")
        extra_bg = extra_cores = None
        if background is not None:
            extra_bg = background.clone()
            extra_bg.setRenderer(background_renderer())
            extra_bg.setLabelsEnabled(False)
        if cores is not None:
            extra_cores = cores.clone()
            extra_cores.setRenderer(core_renderer(extra_cores.geometryType()))
            extra_cores.setLabelsEnabled(False)
            if label_field:
                extra_cores.setLabeling(labeling(label_field, family, 7 * s))
                extra_cores.setLabelsEnabled(True)
                notes.append(f"core cities labelled by {label_field}")
        for name, copy, original in ((self.LAYERS, main, layer), (self.BACKGROUND, extra_bg, background),
                                     (self.CORES, extra_cores, cores)):
            if copy is not None and not copy.crs().isValid():
                # QGIS would draw it in the map's CRS as if it were longitude/latitude: say so, and do it explicitly
                copy.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
                notes.append(f"{original.name()} has no CRS, drawn as EPSG:4326")
                feedback.pushWarning(
                    f"{name} layer '{original.name()}' ({original.source()}) has no coordinate reference system: it is "
                    "drawn as longitude/latitude (EPSG:4326), as noted on the map. If that is wrong, assign its CRS in "
                    "the layer's properties (Source > Assigned Coordinate Reference System) and run again.")
        ordered = [m for m in (extra_cores, main, extra_bg) if m is not None]
        project.addMapLayers(ordered, False)
        root = project.layerTreeRoot()
        for m in ordered:
            root.addLayer(m)

        extent = map_extent([main] + ([extra_cores] if extra_cores else []), crs, context.transformContext())
        if extent is None:
            raise QgsProcessingException(
                f"LAYERS layer '{layer.name()}' has no geometry to map (every geometry is empty or NULL): choose a "
                "layer with geometries.")
        title, subtitle, heading = map_texts(main)
        if title_template:
            title = title_template.replace("{layer}", layer.name())
        layout = build_layout(project, main, title=title, subtitle=subtitle, legend_heading=heading, crs=crs,
                              crs_name=crs_name, width_mm=width, height_mm=height, background=extra_bg,
                              cores=extra_cores, extent=extent, footer_notes=notes)
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        settings.imageSize = QSize(*pixel_size(width, height, dpi))
        settings.generateWorldFile = False
        settings.exportMetadata = False
        with _quiet_gdal():
            status = QgsLayoutExporter(layout).exportToImage(path, settings)
        if status != compat.EXPORT_SUCCESS:
            raise QgsProcessingException(
                f"The map of '{layer.name()}' could not be written to {path} (export status {status}): check the "
                "free space and permissions of OUTPUT_FOLDER, or lower DPI.")
        feedback.pushInfo(f"Rendered '{layer.name()}': {title}")
