"""QGIS API names that moved between QGIS 3.22 and QGIS 4, resolved once.

QGIS moved many enums from their classes into ``Qgis`` (``QgsWkbTypes.PolygonGeometry`` ->
``Qgis.GeometryType.Polygon`` in 3.30, ``QgsProcessing.TypeVectorPolygon`` ->
``Qgis.ProcessingSourceType.VectorPolygon`` in 3.36, ...). The old names stay as aliases for
a while, but not all of them and not in every build: on QGIS 3.44 ``QgsPalLayerSettings.OverPoint``
is the predefined point position, no longer the placement, and QGIS 4 (PyQt6) has no
``QVariant`` field types. Every name below is looked up at its newest location first and at
its QGIS 3.22 location (in scoped form, which PyQt5 accepts too) otherwise, so the
algorithms use one spelling on every version and no version checks."""
from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsLayoutExporter,
    QgsLayoutItemPicture,
    QgsLegendStyle,
    QgsPalLayerSettings,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType, QVariant
from qgis.PyQt.QtGui import QFontDatabase


def first(*getters):
    """The value of the first getter that does not raise ``AttributeError``."""
    for get in getters:
        try:
            return get()
        except AttributeError:
            continue
    raise AttributeError("none of the QGIS API locations exists in this QGIS version")


def flags(enum, flags_type, *names):
    """The flags value of ``enum``'s members ``names`` OR-ed together, of the type a setter takes:
    with PyQt5 OR-ing two members of a scoped enum gives an int, which QGIS 3.44's setters refuse,
    so it is wrapped in ``flags_type`` (the QFlags class); with PyQt6 the members of a flag enum
    combine into the enum itself, which ``flags_type`` (absent, or the same class) leaves as it is."""
    value = getattr(enum, names[0])
    for name in names[1:]:
        value = value | getattr(enum, name)
    if flags_type is not None and not isinstance(value, flags_type):
        value = flags_type(value)
    return value


def _qgis_core(name):
    """A name of qgis.core that later versions may no longer have."""
    import qgis.core

    return getattr(qgis.core, name)


# A polygon's label inside it where it fits, else outside (Qgis.LabelPolygonPlacementFlag since
# 3.26, QgsLabeling.PolygonPlacementFlag before), as the QFlags value the setter takes.
LABEL_POLYGON_INSIDE_OR_OUTSIDE = flags(
    # the enum and its flags class themselves, by name: the scan for unscoped members reads
    # Qgis.<Name> as a member
    first(lambda: getattr(Qgis, "LabelPolygonPlacementFlag"), lambda: _qgis_core("QgsLabeling").PolygonPlacementFlag),
    first(lambda: getattr(Qgis, "LabelPolygonPlacementFlags"),
          lambda: _qgis_core("QgsLabeling").PolygonPlacementFlags, lambda: None),
    "AllowPlacementInsideOfPolygon", "AllowPlacementOutsideOfPolygon")

# Geometry types (Qgis.GeometryType since 3.30)
GEOMETRY_POLYGON = first(lambda: Qgis.GeometryType.Polygon, lambda: QgsWkbTypes.GeometryType.PolygonGeometry)
GEOMETRY_LINE = first(lambda: Qgis.GeometryType.Line, lambda: QgsWkbTypes.GeometryType.LineGeometry)
GEOMETRY_NULL = first(lambda: Qgis.GeometryType.Null, lambda: QgsWkbTypes.GeometryType.NullGeometry)
GEOMETRY_UNKNOWN = first(lambda: Qgis.GeometryType.Unknown, lambda: QgsWkbTypes.GeometryType.UnknownGeometry)

# WKB types (Qgis.WkbType since 3.30)
WKB_NO_GEOMETRY = first(lambda: Qgis.WkbType.NoGeometry, lambda: QgsWkbTypes.Type.NoGeometry)
WKB_MULTIPOLYGON = first(lambda: Qgis.WkbType.MultiPolygon, lambda: QgsWkbTypes.Type.MultiPolygon)

# Map layer types (Qgis.LayerType since 3.30)
LAYER_VECTOR = first(lambda: Qgis.LayerType.Vector, lambda: _qgis_core("QgsMapLayerType").VectorLayer)
LAYER_RASTER = first(lambda: Qgis.LayerType.Raster, lambda: _qgis_core("QgsMapLayerType").RasterLayer)

# Message log levels
MESSAGE_CRITICAL = Qgis.MessageLevel.Critical
MESSAGE_WARNING = Qgis.MessageLevel.Warning

# Processing (Qgis.Processing* since 3.36)
SOURCE_VECTOR = first(lambda: Qgis.ProcessingSourceType.Vector, lambda: QgsProcessing.SourceType.TypeVector)
SOURCE_VECTOR_ANY_GEOMETRY = first(
    lambda: Qgis.ProcessingSourceType.VectorAnyGeometry, lambda: QgsProcessing.SourceType.TypeVectorAnyGeometry)
SOURCE_VECTOR_POLYGON = first(
    lambda: Qgis.ProcessingSourceType.VectorPolygon, lambda: QgsProcessing.SourceType.TypeVectorPolygon)
SOURCE_RASTER = first(lambda: Qgis.ProcessingSourceType.Raster, lambda: QgsProcessing.SourceType.TypeRaster)
NUMBER_INTEGER = first(
    lambda: Qgis.ProcessingNumberParameterType.Integer, lambda: QgsProcessingParameterNumber.Type.Integer)
NUMBER_DOUBLE = first(
    lambda: Qgis.ProcessingNumberParameterType.Double, lambda: QgsProcessingParameterNumber.Type.Double)
FIELD_PARAMETER_NUMERIC = first(
    lambda: Qgis.ProcessingFieldParameterDataType.Numeric, lambda: QgsProcessingParameterField.DataType.Numeric)
PARAMETER_ADVANCED = first(
    lambda: Qgis.ProcessingParameterFlag.Advanced, lambda: QgsProcessingParameterDefinition.Flag.FlagAdvanced)
ALGORITHM_NO_THREADING = first(
    lambda: Qgis.ProcessingAlgorithmFlag.NoThreading, lambda: QgsProcessingAlgorithm.Flag.FlagNoThreading)

# Features
SINK_FAST_INSERT = QgsFeatureSink.Flag.FastInsert
REQUEST_NO_GEOMETRY = first(lambda: Qgis.FeatureRequestFlag.NoGeometry, lambda: QgsFeatureRequest.Flag.NoGeometry)

# Units (Qgis.*Unit since 3.30)
LAYOUT_MILLIMETERS = first(lambda: Qgis.LayoutUnit.Millimeters, lambda: QgsUnitTypes.LayoutUnit.LayoutMillimeters)
RENDER_POINTS = first(lambda: Qgis.RenderUnit.Points, lambda: QgsUnitTypes.RenderUnit.RenderPoints)
RENDER_MILLIMETERS = first(lambda: Qgis.RenderUnit.Millimeters, lambda: QgsUnitTypes.RenderUnit.RenderMillimeters)
DISTANCE_KILOMETERS = first(lambda: Qgis.DistanceUnit.Kilometers, lambda: QgsUnitTypes.DistanceUnit.DistanceKilometers)

# Labels (Qgis.LabelPlacement since 3.26; QGIS 3.44's QgsPalLayerSettings.OverPoint is a
# Qgis.LabelPredefinedPointPosition, which the placement refuses)
LABEL_OVER_POINT = first(lambda: Qgis.LabelPlacement.OverPoint, lambda: QgsPalLayerSettings.Placement.OverPoint)

# Layout items
PICTURE_SVG = first(lambda: Qgis.PictureFormat.SVG, lambda: QgsLayoutItemPicture.Format.FormatSVG)
PICTURE_TRUE_NORTH = QgsLayoutItemPicture.NorthMode.TrueNorth
PICTURE_ZOOM = QgsLayoutItemPicture.ResizeMode.Zoom
SCALEBAR_FIT_WIDTH = first(
    lambda: Qgis.ScaleBarSegmentSizeMode.FitWidth,
    lambda: QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
LEGEND_TITLE = first(lambda: Qgis.LegendComponent.Title, lambda: QgsLegendStyle.Style.Title)
LEGEND_GROUP = first(lambda: Qgis.LegendComponent.Group, lambda: QgsLegendStyle.Style.Group)
LEGEND_SUBGROUP = first(lambda: Qgis.LegendComponent.Subgroup, lambda: QgsLegendStyle.Style.Subgroup)
LEGEND_SYMBOL_LABEL = first(lambda: Qgis.LegendComponent.SymbolLabel, lambda: QgsLegendStyle.Style.SymbolLabel)
LEGEND_SIDE_TOP = QgsLegendStyle.Side.Top
EXPORT_SUCCESS = QgsLayoutExporter.ExportResult.Success
# Text in PDF and SVG exports kept as text (selectable, searchable, editable), not outlines.
TEXT_ALWAYS_TEXT = first(lambda: Qgis.TextRenderFormat.AlwaysText,
                         lambda: QgsRenderContext.TextRenderFormat.TextFormatAlwaysText)


# Field types: QgsField takes a QMetaType.Type since QGIS 3.38 (the only choice with Qt6,
# where QVariant has no types) and a QVariant.Type before.
def _field_takes_metatype():
    try:
        QgsField("probe", QMetaType.Type.Double)
    except TypeError:
        return False
    return True


FIELD_TAKES_METATYPE = _field_takes_metatype()


def field_type(meta_type):
    """The type argument of ``QgsField`` for ``meta_type`` (a ``QMetaType.Type``): itself on
    QGIS >= 3.38, the ``QVariant.Type`` of the same number before (Qt5 numbers them alike)."""
    if FIELD_TAKES_METATYPE:
        return meta_type
    return QVariant.Type(int(meta_type))


FIELD_BOOL = field_type(QMetaType.Type.Bool)
FIELD_LONGLONG = field_type(QMetaType.Type.LongLong)
FIELD_DOUBLE = field_type(QMetaType.Type.Double)
FIELD_STRING = field_type(QMetaType.Type.QString)


def font_families():
    """The font families Qt knows: ``QFontDatabase.families()`` is static in Qt6, which has
    no ``QFontDatabase()`` any more; Qt5 needs an instance."""
    try:
        return list(QFontDatabase.families())
    except TypeError:
        return list(QFontDatabase().families())


# Methods QGIS deprecated after 3.22 (QGIS 4 drops deprecated API): the newer one where this
# QGIS has it.
def parameter_as_strings(algorithm, parameters, name, context):
    """Field names of a field parameter (``parameterAsStrings`` since 3.32, ``parameterAsFields`` before)."""
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def null_rectangle():
    """An empty rectangle to combine extents into (``setNull`` since 3.34, ``setMinimal`` before)."""
    rectangle = QgsRectangle()
    if hasattr(rectangle, "setNull"):
        rectangle.setNull()
    else:
        rectangle.setMinimal()
    return rectangle


def set_label_font(item, font, colour):
    """Font and colour of a layout label (a text format since 3.24)."""
    if hasattr(item, "setTextFormat"):
        text_format = QgsTextFormat.fromQFont(font)
        text_format.setColor(colour)
        item.setTextFormat(text_format)
    else:
        item.setFont(font)
        item.setFontColor(colour)


def set_legend_font(legend, component, font):
    """Font of one legend component (a text format since 3.30)."""
    style = legend.rstyle(component)
    if hasattr(style, "setTextFormat"):
        style.setTextFormat(QgsTextFormat.fromQFont(font))
    else:
        style.setFont(font)


def save_default_style(layer, name, description):
    """Save the layer's style into its database as the default style; the error message, or
    an empty string (``saveStyleToDatabaseV2`` where QGIS has it, 3.44 and 4).

    A stored style of the same name is removed first: QGIS 3.22 asks in a dialog before it
    replaces one, and ``qgis_process`` would wait for an answer forever on a rerun."""
    listed = layer.listStylesInDatabase()
    count, ids, names = listed[0], listed[1], listed[2]
    for style_id, style_name in list(zip(ids, names))[:max(count, 0)]:
        if style_name == name:
            layer.deleteStyleFromDatabase(style_id)
    if hasattr(layer, "saveStyleToDatabaseV2"):
        _saved, error = layer.saveStyleToDatabaseV2(name, description, True, "")
        return error
    return layer.saveStyleToDatabase(name, description, True, "")
