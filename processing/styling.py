"""Styles for output layers, so that every output opens styled: in the desktop and also
when it was written by ``qgis_process``.

An algorithm registers ``(output id, renderer factory)`` pairs with
:meth:`MegaregionAlgorithm.style_output`; after the run, :func:`apply_style` sets the
renderer on the output layer and saves it with the data: as the default style inside a
GeoPackage (QGIS applies it whenever the layer is opened), or as a sidecar ``.qml`` next to
other files. Temporary (memory) outputs get the renderer directly."""
import os

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationJenks,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsProcessingUtils,
    QgsRendererCategory,
    QgsStyle,
    QgsSymbol,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from . import compat
from ..core import fields
from ..core.panels.verdicts import class_words
from .i18n import tr

STYLE_NAME = "megaregion"


def graduated_renderer(layer, field, classes=5, ramp_name="Reds"):
    """A graduated renderer on ``field`` with natural-breaks (Jenks) classes and a
    sequential colour ramp that stays readable in print."""
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setSourceSymbol(symbol)
    ramp = QgsStyle.defaultStyle().colorRamp(ramp_name) or QgsGradientColorRamp(
        QColor("#fee5d9"), QColor("#a50f15")
    )
    renderer.setSourceColorRamp(ramp)
    renderer.setClassificationMethod(QgsClassificationJenks())
    renderer.updateClasses(layer, classes)
    return renderer


def categorized_renderer(layer, field, colours, labels=None):
    """A categorized renderer with a fixed colour per value: ``colours`` {value: '#rrggbb'},
    ``labels`` {value: legend text}; values of the layer missing from ``colours`` are grey."""
    labels = labels or {}
    values = sorted({f[field] for f in layer.getFeatures()} - {None}, key=str)
    categories = []
    for value in values:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colours.get(value, "#bdbdbd")))
        categories.append(QgsRendererCategory(value, symbol, str(labels.get(value, value))))
    return QgsCategorizedSymbolRenderer(field, categories)


def apply_style(dest_id, make_renderer, context, feedback=None):
    """Set ``make_renderer(layer)`` on the output ``dest_id`` and save it with the data."""
    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
    if layer is None or not layer.isValid():
        return None
    renderer = make_renderer(layer)
    if renderer is None:
        return None
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    if layer.providerType() != "ogr":
        return layer
    path = layer.source().split("|", 1)[0]
    if path.lower().endswith(".gpkg"):
        error = compat.save_default_style(layer, STYLE_NAME, "megaregion default style")
        if error and feedback is not None:
            feedback.pushWarning(tr("Could not save the style into {path}: {error}").format(path=path, error=error))
    elif os.path.isfile(path):
        layer.saveNamedStyle(os.path.splitext(path)[0] + ".qml")
    return layer


# 20 colours that stay apart on screen and in print (Glasbey-like qualitative palette)
QUALITATIVE = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d",
    "#9edae5", "#393b79",
]


def megaregion_renderer(layer, region_field="megaregion_id", role_field="role", label_field="megaregion",
                        label_field_zh="megaregion_zh"):
    """Prefectures coloured by mega-region (light grey outside), core cities outlined in black;
    the legend names the mega-regions in the interface's language (``label_field_zh`` or the
    bundled Chinese name under the Chinese translation)."""
    from qgis.core import QgsRuleBasedRenderer

    from ..core.regions import region_name
    from .i18n import translated_language

    names = layer.fields().names()
    if region_field not in names:
        return None
    chinese = translated_language() == "zh"
    regions = {}
    for f in layer.getFeatures():
        rid = f[region_field]
        if rid not in (None, "") and str(rid) != "NULL" and rid not in regions:
            if chinese:
                zh = f[label_field_zh] if label_field_zh in names else None
                regions[rid] = zh if zh not in (None, "") and str(zh) != "NULL" else region_name(rid, "zh")
            else:
                regions[rid] = f[label_field] if label_field in names else rid
    root = QgsRuleBasedRenderer.Rule(None)
    for i, (rid, label) in enumerate(sorted(regions.items(), key=lambda kv: str(kv[0]))):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(QUALITATIVE[i % len(QUALITATIVE)]))
        symbol.symbolLayer(0).setStrokeColor(QColor("#ffffff"))
        symbol.symbolLayer(0).setStrokeWidth(0.1)
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, f"\"{region_field}\" = '{rid}'",
                                                   tr("{name} ({code})").format(name=label, code=rid)))
    other = QgsSymbol.defaultSymbol(layer.geometryType())
    other.setColor(QColor("#e8e8e8"))
    other.symbolLayer(0).setStrokeColor(QColor("#ffffff"))
    root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, "ELSE", tr("In no mega-region")))
    if role_field in names:
        core = QgsSymbol.defaultSymbol(layer.geometryType())
        core.symbolLayer(0).setBrushStyle(Qt.BrushStyle.NoBrush)  # outline only, over the fill
        core.symbolLayer(0).setStrokeColor(QColor("#000000"))
        core.symbolLayer(0).setStrokeWidth(0.6)
        root.appendChild(QgsRuleBasedRenderer.Rule(core, 0, 0, f"\"{role_field}\" = 'core'", tr("Core city")))
    return QgsRuleBasedRenderer(root)


# Colour Brewer RdBu, 6 classes: blues below the neutral value, reds above it.
DIVERGING = ["#2166ac", "#67a9cf", "#d1e5f0", "#fddbc7", "#ef8a62", "#b2182b"]


def _short(value):
    return f"{value:.3g}" if value != 0 else "0"


def diverging_renderer(layer, field, neutral=0.0):
    """A graduated renderer on ``field`` with classes symmetric around ``neutral`` (0 for a
    change, 1 for a ratio): three blue classes below it, three red above, each a third of the
    largest distance from ``neutral``; ``None`` when the field has no finite value."""
    from qgis.core import QgsRendererRange

    values = []
    for f in layer.getFeatures():
        v = f[field]
        try:
            v = float(v)
        except (TypeError, ValueError):
            continue
        if v == v and v not in (float("inf"), float("-inf")):
            values.append(v)
    if not values:
        return None
    reach = max(abs(v - neutral) for v in values) or 1.0
    edges = [neutral + reach * k / 3.0 for k in range(-3, 4)]
    ranges = []
    for i, colour in enumerate(DIVERGING):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(colour))
        low, high = edges[i], edges[i + 1]
        ranges.append(QgsRendererRange(low, high, symbol, f"{_short(low)} – {_short(high)}"))
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    return renderer


#: GeoDa's LISA cluster map: red High-High, blue Low-Low, pink High-Low, light blue Low-High,
#: grey not significant (and cities without a value).
LISA_COLOURS = {"HH": "#ff0000", "LL": "#0000ff", "HL": "#f4ada8", "LH": "#a7adf9", "ns": "#eeeeee"}
LISA_LABELS = {lang: {value: class_words(fields.LISA, value, lang) for value in fields.LISA_CLASSES}
               for lang in ("en", "zh")}


def lisa_renderer(layer, field, lang="en"):
    """The LISA cluster map of ``field`` (``lisa_<indicator>``): every class in the legend, in
    GeoDa's order and colours, whether or not a city falls in it."""
    labels = LISA_LABELS["zh" if lang == "zh" else "en"]
    categories = []
    for value in ("ns", "HH", "LL", "LH", "HL"):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(LISA_COLOURS[value]))
        categories.append(QgsRendererCategory(value, symbol, labels[value]))
    return QgsCategorizedSymbolRenderer(field, categories)


#: The verdicts over three or more years: a clear verdict blue (converging, catching up) or red
#: (diverging, falling behind), apart for colour-blind readers too; no clear verdict grey.
VERDICT_COLOURS = {
    fields.SIGMA_VERDICT: {"converging": "#2c7bb6", "diverging": "#d7191c", "unclear": "#bdbdbd"},
    fields.TRAJECTORY: {"catching_up": "#2c7bb6", "falling_behind": "#d7191c", "no_clear_trend": "#bdbdbd"},
}
#: Features without a verdict: white, outlined.
NO_VERDICT_COLOUR = "#ffffff"


def verdict_renderer(layer, field, lang="en"):
    """The categorical map of a verdict field (:func:`..core.fields.split_verdict_field`):
    ``sigma_verdict_<indicator>`` and ``trajectory_<indicator>`` with every verdict in the legend
    (:data:`VERDICT_COLOURS`), the features without one as a last class when there are any;
    ``lisa_<indicator>`` as :func:`lisa_renderer`. ``None`` for another field."""
    split = fields.split_verdict_field(field)
    if split is None or field not in layer.fields().names():
        return None
    kind = split[0]
    if kind == fields.LISA:
        return lisa_renderer(layer, field, lang)
    categories = []
    for value in fields.VERDICT_CLASSES[kind]:
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(VERDICT_COLOURS[kind][value]))
        categories.append(QgsRendererCategory(value, symbol, class_words(kind, value, lang)))
    if any(f[field] in (None, "") or str(f[field]) == "NULL" for f in layer.getFeatures()):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(QColor(NO_VERDICT_COLOUR))
        categories.append(QgsRendererCategory("", symbol, class_words(kind, None, lang)))
    return QgsCategorizedSymbolRenderer(field, categories)
