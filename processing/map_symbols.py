"""Symbols of the maps of ``megaregion:rendermaps`` that are not an output's own style: the
national context (China's land, the neighbouring countries, the maritime boundary line), the
background prefectures, the core cities, and the grey hatch of changes that are not clear.

The national layers come from ``resources/data/national/`` (see its SOURCE.md), in WGS84."""
import os

from qgis.core import (
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsSimpleFillSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from qgis.PyQt.QtGui import QColor

from . import compat

NATIONAL_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                            "resources", "data", "national")
CHINA_LAND = "china_land.geojson"
NEIGHBOURS = "neighbours.geojson"
MARITIME_BOUNDARY = "maritime_boundary.geojson"

# Sea pale blue, China's land near-white, other land grey: the light grey of features without a
# value (secondary cities not typed) stays apart from both.
SEA = "#e8f0f6"
CHINA_FILL = "#fbfbf9"
NEIGHBOUR_FILL = "#c0bdb5"
NEIGHBOUR_OUTLINE = "#9f9c94"
NATIONAL_BORDER = "#505050"
MARITIME_LINE = "#505050"
BACKGROUND_FILL = CHINA_FILL
BACKGROUND_OUTLINE = "#a8a8a8"
CORE_OUTLINE = "#000000"
CORE_CASING = "#ffffff"
NOT_CLEAR_FILL = "#bdbdbd"


def _single(symbol):
    return QgsSingleSymbolRenderer(symbol)


def national_layer(name, title):
    """A bundled national layer (``CHINA_LAND``, ``NEIGHBOURS``, ``MARITIME_BOUNDARY``), styled;
    ``None`` when the file is missing."""
    path = os.path.join(NATIONAL_DIR, name)
    if not os.path.isfile(path):
        return None
    layer = QgsVectorLayer(path, title, "ogr")
    if not layer.isValid():
        return None
    if name == NEIGHBOURS:
        layer.setRenderer(_single(QgsFillSymbol.createSimple({
            "color": NEIGHBOUR_FILL, "outline_color": NEIGHBOUR_OUTLINE, "outline_width": "0.15",
            "outline_width_unit": "MM"})))
    elif name == CHINA_LAND:
        layer.setRenderer(_single(QgsFillSymbol.createSimple({
            "color": CHINA_FILL, "outline_color": NATIONAL_BORDER, "outline_width": "0.2",
            "outline_width_unit": "MM"})))
    else:
        layer.setRenderer(_single(QgsLineSymbol.createSimple({
            "color": MARITIME_LINE, "width": "0.45", "width_unit": "MM", "capstyle": "flat"})))
    layer.setLabelsEnabled(False)
    return layer


def china_outline(land):
    """China's border drawn over the mapped layers (no fill), from the land layer."""
    outline = land.clone()
    outline.setRenderer(_single(QgsFillSymbol.createSimple({
        "style": "no", "outline_color": NATIONAL_BORDER, "outline_width": "0.3", "outline_width_unit": "MM"})))
    return outline


def background_renderer():
    return _single(QgsFillSymbol.createSimple({
        "color": BACKGROUND_FILL, "outline_color": BACKGROUND_OUTLINE, "outline_width": "0.12",
        "outline_width_unit": "MM"}))


def core_renderer(geometry_type):
    """Cores stand out over any fill and for colour-blind readers: a black outline on a white
    casing (it stays apart from dark classes and every type colour), no fill; points as black
    stars with a white rim."""
    if geometry_type == compat.GEOMETRY_POLYGON:
        symbol = QgsFillSymbol.createSimple({
            "style": "no", "outline_color": CORE_CASING, "outline_width": "1.0", "outline_width_unit": "MM"})
        symbol.appendSymbolLayer(QgsSimpleFillSymbolLayer.create({
            "style": "no", "outline_color": CORE_OUTLINE, "outline_width": "0.45", "outline_width_unit": "MM"}))
    elif geometry_type == compat.GEOMETRY_LINE:
        symbol = QgsLineSymbol.createSimple({"color": CORE_OUTLINE, "width": "0.6", "width_unit": "MM"})
    else:
        symbol = QgsMarkerSymbol.createSimple({
            "name": "star", "color": CORE_OUTLINE, "outline_color": CORE_CASING, "outline_width": "0.3",
            "size": "3.5", "size_unit": "MM"})
    return _single(symbol)


def not_clear_symbol(geometry_type):
    """Grey with a dark diagonal hatch: a change whose interval includes 0."""
    from qgis.core import QgsLinePatternFillSymbolLayer, QgsSymbol

    symbol = QgsSymbol.defaultSymbol(geometry_type)
    symbol.setColor(QColor(NOT_CLEAR_FILL))
    if geometry_type == compat.GEOMETRY_POLYGON:
        symbol.symbolLayer(0).setStrokeColor(QColor("#ffffff"))
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(45)
        hatch.setDistance(1.6)
        hatch.setDistanceUnit(compat.RENDER_MILLIMETERS)
        hatch.setLineWidth(0.25)
        hatch.setLineWidthUnit(compat.RENDER_MILLIMETERS)
        hatch.setColor(QColor("#6e6e6e"))
        symbol.appendSymbolLayer(hatch)
    return symbol



def is_clear_expression(field):
    """True where ``field`` says the change is clear (a boolean, 1, or 'true'/'yes'/'1')."""
    from qgis.core import QgsExpression

    ref = QgsExpression.quotedColumnRef(field)
    return f"coalesce(lower(to_string({ref})) IN ('true', '1', 'yes', 't'), false)"


def clear_changes_renderer(geometry_type, graduated, clarity_field, clear_label, not_clear_label):
    """A rule-based renderer that draws ``graduated``'s classes only where ``clarity_field``
    says the change is clear, and every other feature grey with a hatch."""
    from qgis.core import QgsRuleBasedRenderer

    converted = QgsRuleBasedRenderer.convertFromRenderer(graduated)
    root = QgsRuleBasedRenderer.Rule(None)
    clear = QgsRuleBasedRenderer.Rule(None, 0, 0, is_clear_expression(clarity_field), clear_label)
    for child in converted.rootRule().children():
        clear.appendChild(child.clone())
    root.appendChild(clear)
    root.appendChild(QgsRuleBasedRenderer.Rule(not_clear_symbol(geometry_type), 0, 0, "ELSE", not_clear_label))
    return QgsRuleBasedRenderer(root)
