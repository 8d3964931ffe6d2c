"""The print layout of a map of ``megaregion:rendermaps``: title and subtitle, the map in an
equal-area projection, a legend, a north arrow, a scale bar, a footer and, on maps of the whole
country, the inset of the South China Sea Islands (南海诸岛) with the maritime boundary line and
a scale bar of its own, in the lower right corner of the map.

Sizes scale with the page (an A4 landscape page is the unit)."""
import contextlib
import math
import os

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsRectangle,
    QgsCoordinateReferenceSystem,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from . import compat
from .i18n import tr
from .map_symbols import SEA
from .map_texts import text

# Albers equal-area conic for China (standard parallels 25°N and 47°N, central meridian
# 105°E): areas are true, so large western prefectures are not inflated as in lon/lat.
ALBERS_CHINA = "+proj=aea +lat_0=0 +lat_1=25 +lat_2=47 +lon_0=105 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
NORTH_ARROW_SVG = "arrows/NorthArrow_02.svg"
PREFERRED_FONTS = ("Noto Sans CJK SC", "Noto Sans", "DejaVu Sans")  # CJK first: Chinese names

# The South China Sea Islands as the standard inset shows them (WGS84 degrees), and the part of
# China the main map of the whole country shows (the islands south of it are in the inset).
INSET_BOX = (105.8, 2.8, 123.2, 24.6)
MAIN_MAP_SOUTH = 17.5
INSET_WIDTH = 0.21  # of the map frame's width; the height follows the box's shape


def layout_frames(width_mm, height_mm):
    """Rectangles ``(x, y, width, height)`` in mm of the parts of a page: title, subtitle,
    map, legend (right of the map) and footer. Sizes scale with the page."""
    s = min(width_mm, height_mm) / 210.0
    margin = 8 * s
    title_h, subtitle_h, footer_h, gap = 11 * s, 7 * s, 9 * s, 4 * s
    legend_w = max(0.23 * width_mm, 45 * s)
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


def inset_frame(map_rect, crs, transform_context):
    """``(x, y, w, h)`` of the inset in the lower right corner of ``map_rect``, shaped like the
    South China Sea box in ``crs``."""
    x, y, w, h = map_rect
    box = inset_extent(crs, transform_context)
    iw = INSET_WIDTH * w
    ih = min(iw * box.height() / box.width(), 0.45 * h) if box is not None and box.width() > 0 else iw * 1.25
    return (x + w - iw, y + h - ih, iw, ih)


def pixel_size(width_mm, height_mm, dpi):
    """The PNG size in pixels: mm / 25.4 × dpi, rounded (A4 landscape at 150 dpi: 1754 × 1240)."""
    return int(round(width_mm / 25.4 * dpi)), int(round(height_mm / 25.4 * dpi))


def font_family():
    families = set(compat.font_families())
    return next((f for f in PREFERRED_FONTS if f in families), QFont().family())


def font(family, points, bold=False):
    f = QFont(family)
    f.setPointSizeF(points)
    f.setBold(bold)
    return f


def _place(item, rect):
    x, y, w, h = rect
    item.attemptMove(QgsLayoutPoint(x, y, compat.LAYOUT_MILLIMETERS))
    item.attemptResize(QgsLayoutSize(w, h, compat.LAYOUT_MILLIMETERS))


def _label(layout, content, rect, qfont, colour="#000000", align=Qt.AlignmentFlag.AlignLeft):
    item = QgsLayoutItemLabel(layout)
    item.setText(content)
    compat.set_label_font(item, qfont, QColor(colour))
    item.setHAlign(align)
    item.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    item.setMarginX(0)
    item.setMarginY(0)
    layout.addLayoutItem(item)
    _place(item, rect)
    return item


def wrap(content, width):
    """``content`` broken into lines of at most ``width`` characters, at spaces (Chinese text,
    without spaces, every ``width`` characters)."""
    lines = []
    for paragraph in content.split("\n"):
        line = ""
        for word in paragraph.split(" ") if " " in paragraph else [paragraph]:
            while len(word) > width and " " not in paragraph:
                lines.append(word[:width])
                word = word[width:]
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return "\n".join(lines)


@contextlib.contextmanager
def quiet_gdal():
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


def north_arrow_path():
    """The path of QGIS's north arrow SVG, or ``None`` when this installation has none."""
    for folder in QgsApplication.svgPaths():
        path = os.path.join(folder, NORTH_ARROW_SVG)
        if os.path.isfile(path):
            return path
    return None


# ------------------------------------------------------------------------------ extents

def _transformed(rect, source_crs, crs, transform_context, name):
    transform = QgsCoordinateTransform(source_crs, crs, transform_context)
    try:
        return transform.transformBoundingBox(rect)
    except QgsCsException as exc:
        raise ValueError(tr(
            "Layer '{layer}' cannot be projected to the map CRS {crs}: {error}; check the layer's CRS or choose "
            "another MAP_CRS").format(layer=name, crs=crs.description() or crs.toProj(), error=exc)) from exc


def _finite(extent):
    return not extent.isEmpty() and all(map(math.isfinite, (extent.xMinimum(), extent.xMaximum(),
                                                           extent.yMinimum(), extent.yMaximum())))


def map_extent(layers, crs, transform_context, margin=0.04):
    """The union of the layers' extents in ``crs``, widened by ``margin`` on each side."""
    extent = compat.null_rectangle()
    for layer in layers:
        extent.combineExtentWith(_transformed(layer.extent(), layer.crs(), crs, transform_context, layer.name()))
    if not _finite(extent):
        return None
    return extent.buffered(margin * max(extent.width(), extent.height()))


def national_extent(land, crs, transform_context, inset_fraction=INSET_WIDTH):
    """The extent in ``crs`` of China's land north of ``MAIN_MAP_SOUTH`` (the islands of the
    South China Sea are in the inset), widened by 2 %, and to the east so that the inset, in the
    lower right corner and ``inset_fraction`` of the map's width, covers no land south of 30°N
    (Taiwan, the coast of Fujian and Guangdong stay in view)."""
    transform = QgsCoordinateTransform(land.crs(), crs, transform_context)
    south = QgsGeometry.fromRect(QgsRectangle(95.0, MAIN_MAP_SOUTH, 140.0, 30.0))
    extent = compat.null_rectangle()
    east = -math.inf
    for feature in land.getFeatures():
        for part in feature.geometry().asGeometryCollection():
            if part.boundingBox().center().y() < MAIN_MAP_SOUTH:
                continue
            coast = part.intersection(south)
            try:
                part.transform(transform)  # the outline itself: a projected lon/lat box would be far larger
                if not coast.isEmpty():
                    coast.transform(transform)
                    east = max(east, coast.boundingBox().xMaximum())
            except QgsCsException:
                continue
            extent.combineExtentWith(part.boundingBox())
    if not _finite(extent):
        return None
    extent = extent.buffered(0.02 * max(extent.width(), extent.height()))
    if math.isfinite(east):
        needed = (east + 0.02 * extent.width() - inset_fraction * extent.xMinimum()) / (1.0 - inset_fraction)
        if needed > extent.xMaximum():
            extent.setXMaximum(needed)
    return extent


def inset_extent(crs, transform_context):
    west, south, east, north = INSET_BOX
    try:
        box = _transformed(QgsRectangle(west, south, east, north), QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                           transform_context, "South China Sea")
    except ValueError:
        return None
    return box if _finite(box) else None


# ------------------------------------------------------------------------------ layout

def _map_item(layout, crs, rect, layers, extent, frame_width=None):
    item = QgsLayoutItemMap(layout)
    item.setCrs(crs)
    x, y, w, h = rect
    item.attemptSetSceneRect(QRectF(x, y, w, h))
    item.setLayers(layers)
    item.setKeepLayerSet(True)
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor("#606060"))
    if frame_width is not None:
        item.setFrameStrokeWidth(QgsLayoutMeasurement(frame_width, compat.LAYOUT_MILLIMETERS))
    item.setBackgroundColor(QColor(SEA))
    layout.addLayoutItem(item)
    item.zoomToExtent(extent)
    return item


def _scale_bar(layout, item, family, points, s, min_width, max_width, height, segments=2, background=True):
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(item)
    bar.setUnits(compat.DISTANCE_KILOMETERS)
    bar.setUnitLabel("km")
    bar.setNumberOfSegments(segments)
    bar.setNumberOfSegmentsLeft(0)
    bar.setSegmentSizeMode(compat.SCALEBAR_FIT_WIDTH)
    bar.setMinimumBarWidth(min_width)
    bar.setMaximumBarWidth(max_width)
    bar.setHeight(height)
    fmt = QgsTextFormat()
    fmt.setFont(font(family, points))
    fmt.setSize(points)
    fmt.setSizeUnit(compat.RENDER_POINTS)
    bar.setTextFormat(fmt)
    bar.setBackgroundEnabled(background)
    bar.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(bar)
    bar.update()
    bar.resizeToMinimumWidth()
    return bar


def build_layout(project, *, name, title, subtitle, legend_names, crs, crs_name, width_mm, height_mm, layers,
                 extent, inset_layers=None, footer_notes=(), lang="en"):
    """The print layout of one map: ``layers`` (top first, all in ``project``) in ``crs`` zoomed
    to ``extent``; ``inset_layers`` (top first) give the South China Sea inset. The legend shows
    the layers of the project's layer tree, named by ``legend_names`` {layer id: name}.
    Returns the layout and its main map item."""
    frames = layout_frames(width_mm, height_mm)
    s = frames["scale"]
    family = font_family()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(width_mm, height_mm, compat.LAYOUT_MILLIMETERS))

    _label(layout, title, frames["title"], font(family, 17 * s, bold=True))
    _label(layout, subtitle, frames["subtitle"], font(family, 10 * s), colour="#404040")

    item = _map_item(layout, crs, frames["map"], layers, extent)
    item.setId("map")
    x, y, w, h = frames["map"]

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
        item.addLabelBlockingItem(picture)

    bar = _scale_bar(layout, item, family, 8 * s, s, 0.18 * w, 0.28 * w, 2.2 * s)
    bar.attemptMove(QgsLayoutPoint(x + 3 * s, y + h - 3 * s - bar.rect().height(), compat.LAYOUT_MILLIMETERS),
                    useReferencePoint=False)
    item.addLabelBlockingItem(bar)

    if inset_layers:
        box = inset_extent(crs, project.transformContext())
        if box is not None:
            rect = inset_frame(frames["map"], crs, project.transformContext())
            inset = _map_item(layout, crs, rect, inset_layers, box, frame_width=0.4 * s)
            inset.setId("south_china_sea_inset")
            item.addLabelBlockingItem(inset)  # the main map's labels stay clear of the inset
            ix, iy, iw, ih = rect
            # the title in the lower right corner (over Borneo, away from the islands), the scale bar in the
            # upper left (over the mainland): neither covers an island or the boundary line
            title_item = _label(layout, text("inset", lang), (ix + 0.35 * iw, iy + ih - 4.6 * s, 0.65 * iw - 1.0 * s,
                                                              3.6 * s),
                                font(family, 6.5 * s, bold=True), align=Qt.AlignmentFlag.AlignRight)
            title_item.setBackgroundEnabled(False)
            small = _scale_bar(layout, inset, family, 5 * s, s, 0.25 * iw, 0.35 * iw, 1.0 * s, segments=1,
                               background=False)
            small.attemptMove(QgsLayoutPoint(ix + 1.5 * s, iy + 1.2 * s, compat.LAYOUT_MILLIMETERS),
                              useReferencePoint=False)

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(text("legend", lang))
    legend.setLinkedMap(item)
    legend.setAutoUpdateModel(True)
    legend.setResizeToContents(True)
    legend.setWrapString("\n")
    compat.set_legend_font(legend, compat.LEGEND_TITLE, font(family, 12 * s, bold=True))
    compat.set_legend_font(legend, compat.LEGEND_GROUP, font(family, 10 * s, bold=True))
    compat.set_legend_font(legend, compat.LEGEND_SUBGROUP, font(family, 10 * s, bold=True))
    compat.set_legend_font(legend, compat.LEGEND_SYMBOL_LABEL, font(family, 9 * s))
    legend.rstyle(compat.LEGEND_SUBGROUP).setMargin(compat.LEGEND_SIDE_TOP, 3 * s)
    legend.setSymbolWidth(7 * s)
    legend.setSymbolHeight(4.5 * s)
    legend.setBoxSpace(2 * s)
    layout.addLayoutItem(legend)
    lx, ly, lw, _ = frames["legend"]
    legend.attemptMove(QgsLayoutPoint(lx, ly, compat.LAYOUT_MILLIMETERS))
    characters = max(20, int(lw / (2.0 * s)))
    for node in project.layerTreeRoot().findLayers():
        if node.layerId() in legend_names:
            node.setName(wrap(legend_names[node.layerId()], characters if lang != "zh" else characters // 2))
    legend.updateLegend()

    notes = [text("crs", lang, crs=crs_name), text("north", lang), *footer_notes]
    if inset_layers:
        notes.append(text("sources", lang))
    footer = _label(layout, text("note_sep", lang).join(notes) + _full_stop(lang), frames["footer"],
                    font(family, 7.5 * s), colour="#606060")
    footer.setId("footer")
    return layout, item


def _full_stop(lang):
    return "。" if lang == "zh" else "."


def add_footer_note(layout, note, lang):
    """Append ``note`` to the footer of a layout made by :func:`build_layout`."""
    footer = layout.itemById("footer")
    if footer is not None:
        stop = _full_stop(lang)
        footer.setText(footer.text()[: -len(stop)] + text("note_sep", lang) + note + stop)

