"""Styles for output layers: applied when the desktop loads a result (a layer
post-processor) so outputs open styled."""
from qgis.core import (
    QgsClassificationJenks,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsStyle,
    QgsSymbol,
)
from qgis.PyQt.QtGui import QColor


def graduated_renderer(layer, field, classes=5, ramp_name="Reds"):
    """A graduated renderer on ``field`` with natural-breaks (Jenks) classes."""
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


class GraduatedStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles a loaded output layer as a graduated map of one field."""

    # Keep the instances alive until QGIS has called them.
    _instances = []

    def __init__(self, field, ramp_name="Reds"):
        super().__init__()
        self.field = field
        self.ramp_name = ramp_name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is None or not layer.isValid() or layer.fields().lookupField(self.field) < 0:
            return
        layer.setRenderer(graduated_renderer(layer, self.field, ramp_name=self.ramp_name))
        layer.triggerRepaint()

    @classmethod
    def attach(cls, context, dest_id, field, ramp_name="Reds"):
        if context.willLoadLayerOnCompletion(dest_id):
            styler = cls(field, ramp_name)
            cls._instances.append(styler)
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)
