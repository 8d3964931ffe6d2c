"""processing/compat.py resolves every moved QGIS name to what this QGIS's API takes: set
through the API and read back, on QGIS 3.22 and 3.44 alike."""
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsLayoutSize,
    QgsPalLayerSettings,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsTextFormat,
    QgsVectorLayer,
)

from megaregion.processing import compat


def test_label_placement_is_the_placement_enum():
    # QGIS 3.44's QgsPalLayerSettings.OverPoint is a predefined point position, which the
    # placement refuses with a TypeError; the compat name is the placement.
    settings = QgsPalLayerSettings()
    settings.placement = compat.LABEL_OVER_POINT
    assert settings.placement == compat.LABEL_OVER_POINT
    assert type(settings.placement) is type(compat.LABEL_OVER_POINT)


def test_field_types_make_fields_that_hold_their_values():
    layer = QgsVectorLayer("None", "types", "memory")
    fields = [QgsField("flag", compat.FIELD_BOOL), QgsField("big", compat.FIELD_LONGLONG),
              QgsField("x", compat.FIELD_DOUBLE), QgsField("name", compat.FIELD_STRING)]
    assert layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    assert [f.type() for f in layer.fields()] == [compat.FIELD_BOOL, compat.FIELD_LONGLONG, compat.FIELD_DOUBLE,
                                                  compat.FIELD_STRING]
    assert [f.isNumeric() for f in layer.fields()] == [False, True, True, False]
    feature = QgsFeature(layer.fields())
    feature.setAttributes([True, 2 ** 40 + 1, 1.25, "北京市"])
    assert layer.dataProvider().addFeature(feature)
    (back,) = layer.getFeatures()
    assert back.attributes() == [True, 2 ** 40 + 1, 1.25, "北京市"]


def test_geometry_and_layer_types():
    polygon = QgsGeometry.fromWkt("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)))")
    assert polygon.type() == compat.GEOMETRY_POLYGON
    assert polygon.wkbType() == compat.WKB_MULTIPOLYGON
    assert QgsGeometry.fromWkt("LINESTRING(0 0, 1 1)").type() == compat.GEOMETRY_LINE
    assert QgsGeometry.fromWkt("LINESTRING(0 0, 1 1)").type() != compat.GEOMETRY_POLYGON
    assert QgsVectorLayer("None", "t", "memory").geometryType() == compat.GEOMETRY_NULL
    assert QgsVectorLayer("None", "t", "memory").wkbType() == compat.WKB_NO_GEOMETRY
    assert QgsVectorLayer("Point", "t", "memory").type() == compat.LAYER_VECTOR
    assert compat.LAYER_VECTOR != compat.LAYER_RASTER


def test_units():
    assert QgsLayoutSize(10, 20, compat.LAYOUT_MILLIMETERS).units() == compat.LAYOUT_MILLIMETERS
    fmt = QgsTextFormat()
    fmt.setSizeUnit(compat.RENDER_POINTS)
    assert fmt.sizeUnit() == compat.RENDER_POINTS
    fmt.setSizeUnit(compat.RENDER_MILLIMETERS)
    assert fmt.sizeUnit() == compat.RENDER_MILLIMETERS


def test_processing_parameter_types_and_flags():
    number = QgsProcessingParameterNumber("N", "n", compat.NUMBER_DOUBLE)
    assert number.dataType() == compat.NUMBER_DOUBLE
    assert QgsProcessingParameterNumber("K", "k", compat.NUMBER_INTEGER).dataType() == compat.NUMBER_INTEGER
    number.setFlags(number.flags() | compat.PARAMETER_ADVANCED)
    assert number.flags() & compat.PARAMETER_ADVANCED
    source = QgsProcessingParameterFeatureSource("INPUT", "input", [compat.SOURCE_VECTOR_POLYGON])
    assert list(source.dataTypes()) == [compat.SOURCE_VECTOR_POLYGON]
    field = QgsProcessingParameterField("F", "f", type=compat.FIELD_PARAMETER_NUMERIC)
    assert field.dataType() == compat.FIELD_PARAMETER_NUMERIC


def test_font_families_lists_the_fonts_of_this_qt():
    from qgis.PyQt.QtGui import QFont

    families = compat.font_families()
    assert families and all(isinstance(f, str) for f in families)
    assert QFont(families[0]).family() == families[0]


def test_null_rectangle_takes_the_first_extent_combined_into_it():
    from qgis.core import QgsRectangle

    extent = compat.null_rectangle()
    assert extent.isEmpty()
    extent.combineExtentWith(QgsRectangle(1, 2, 3, 5))
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == (1, 2, 3, 5)


def test_label_and_legend_fonts():
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemLegend, QgsPrintLayout, QgsProject
    from qgis.PyQt.QtGui import QColor, QFont

    project = QgsProject()
    layout = QgsPrintLayout(project)
    font = QFont(compat.font_families()[0])
    font.setPointSizeF(17.5)
    font.setBold(True)
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    compat.set_label_font(label, font, QColor("#404040"))
    shown = label.textFormat() if hasattr(label, "textFormat") else None
    if shown is not None:  # QGIS >= 3.24
        assert (shown.font().family(), shown.size(), shown.font().bold()) == (font.family(), 17.5, True)
        assert shown.color().name() == "#404040"
    else:
        assert (label.font().family(), label.font().pointSizeF(), label.font().bold()) == (font.family(), 17.5, True)
        assert label.fontColor().name() == "#404040"
    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    compat.set_legend_font(legend, compat.LEGEND_TITLE, font)
    style = legend.rstyle(compat.LEGEND_TITLE)
    legend_font = style.textFormat().toQFont() if hasattr(style, "textFormat") else style.font()
    assert (legend_font.family(), legend_font.bold()) == (font.family(), True)
    assert legend_font.pointSizeF() == 17.5
