"""Categorized styles for typology outputs: one fixed colour per type letter.

The colours are those of the HTML report (``core.report_typology.PALETTE``: Okabe & Ito's
colour-blind-safe palette for A-H, then Tableau 10 colours), so the map and the report
agree. Features without a type (secondary cities left out of the typology) are drawn in
light grey. Each legend entry reads ``"A — <short description>"``.

Algorithms register :func:`type_renderer` with ``style_output`` (see :mod:`.styling`), so
the style is set on the output and saved with it (GeoPackage default style or sidecar .qml).
"""
from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory, QgsSymbol
from qgis.PyQt.QtGui import QColor

from . import compat
from ..core.report_typology import type_colour

NOT_TYPED_COLOUR = "#d9d9d9"
NOT_TYPED_LABEL = "not typed (see excluded_reason)"
OUTLINE_COLOUR = "#ffffff"


def type_symbol(geometry_type, colour):
    """A symbol of ``colour`` for ``geometry_type``; polygons get a thin white outline so
    neighbouring cities of the same type stay apart (and a black fill keeps its borders)."""
    symbol = QgsSymbol.defaultSymbol(geometry_type)
    symbol.setColor(QColor(colour))
    if geometry_type == compat.GEOMETRY_POLYGON:
        layer = symbol.symbolLayer(0)
        layer.setStrokeColor(QColor(OUTLINE_COLOUR))
        layer.setStrokeWidth(0.15)
        layer.setStrokeWidthUnit(compat.RENDER_MILLIMETERS)
    return symbol


def type_renderer(geometry_type, field, labels):
    """A categorized renderer on ``field``.

    ``labels``: ``[(type letter, legend label), ...]`` in type order; the i-th type gets
    the i-th palette colour. A last category for NULL (value ``""``, which QGIS matches to
    NULL) is drawn grey."""
    categories = [
        QgsRendererCategory(letter, type_symbol(geometry_type, type_colour(i)), label)
        for i, (letter, label) in enumerate(labels)
    ]
    categories.append(QgsRendererCategory("", type_symbol(geometry_type, NOT_TYPED_COLOUR), NOT_TYPED_LABEL))
    return QgsCategorizedSymbolRenderer(field, categories)
