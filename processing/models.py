"""The shipped Processing models (resources/models/*.model3), listed under the provider.

Their inputs default to the bundled data. A model stores such a default as
``megaregion-data:<path>``; loading resolves it to the installed plugin's data folder.
QGIS 3.22 does not hand a model input's default on to the child algorithms when the input
is left out (as ``qgis_process`` and scripts do), so :class:`ShippedModel` fills the
defaults in before running the model."""
import glob
import os

from qgis.core import QgsMessageLog, QgsProcessingModelAlgorithm

from . import compat
from .base import PLUGIN_DIR
from .outputs import checked_destinations, run_guarded

MODELS_DIR = os.path.join(PLUGIN_DIR, "resources", "models")
DATA_DIR = os.path.join(PLUGIN_DIR, "resources", "data")
DATA_PLACEHOLDER = "megaregion-data:"


def resolve_data(value):
    """'megaregion-data:<path>' -> the path inside the plugin's data folder (also in lists)."""
    if isinstance(value, str) and value.startswith(DATA_PLACEHOLDER):
        return os.path.join(DATA_DIR, value[len(DATA_PLACEHOLDER):])
    if isinstance(value, (list, tuple)):
        return [resolve_data(v) for v in value]
    return value


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model of the plugin whose left-out inputs take their defaults."""

    def createInstance(self):  # noqa: N802 (QGIS API)
        clone = ShippedModel()
        clone.loadVariant(self.toVariant())
        clone.setSourceFilePath(self.sourceFilePath())
        _resolve_defaults(clone)
        return clone

    def canExecute(self):  # noqa: N802
        """False, with the message of the first step that cannot run (a package is missing)."""
        for child in self.childAlgorithms().values():
            algorithm = child.algorithm()
            if algorithm is not None:
                ok, message = algorithm.canExecute()
                if not ok:
                    return False, message
        return super().canExecute()

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, message = self.canExecute()
        if not ok:
            return False, message
        from .input_checks import generic_problem

        ok, message = super().checkParameterValues(parameters, context)
        filled = self._filled(parameters)
        if not ok:
            # QGIS's own text ("Incorrect parameter value for X") names neither value nor fix.
            return False, generic_problem(self, filled, context) or message
        # A model output may name a model input that a later step reads: refuse before any
        # step runs (each step also checks its own inputs and outputs).
        problem = checked_destinations(self, filled, context) or generic_problem(self, filled, context)
        return (False, problem) if problem else (True, "")

    def _filled(self, parameters):
        filled = dict(parameters)
        for definition in self.parameterDefinitions():
            if definition.isDestination():
                continue
            if filled.get(definition.name()) in (None, "") and definition.defaultValue() is not None:
                filled[definition.name()] = definition.defaultValue()
        return filled

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """The steps with the defaults filled in, all or nothing: the outputs of the steps
        that succeeded are removed again when a later step fails or the run is cancelled."""
        filled = self._filled(parameters)
        model = super(ShippedModel, self)
        return run_guarded(self, filled, context, feedback,
                           lambda: model.processAlgorithm(filled, context, feedback))


def _resolve_defaults(model):
    for definition in model.parameterDefinitions():
        definition.setDefaultValue(resolve_data(definition.defaultValue()))


def shipped_models():
    out = []
    for path in sorted(glob.glob(os.path.join(MODELS_DIR, "*.model3"))):
        model = ShippedModel()
        if not model.fromFile(path):
            QgsMessageLog.logMessage(
                f"Model {path} could not be read", "Mega-region unevenness", compat.MESSAGE_CRITICAL
            )
            continue
        _resolve_defaults(model)
        out.append(model)
    return out
