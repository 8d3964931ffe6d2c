"""The shared base of every megaregion algorithm: instance creation, translation,
group, icon, help text and the conversion of core errors into Processing errors."""
import os

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from . import compat
from .deps import missing_message

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ICON_PATH = os.path.join(PLUGIN_DIR, "resources", "icons", "megaregion.svg")


class MegaregionAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``ALG_ID``, ``DISPLAY_NAME``, ``GROUP_ID``, ``GROUP`` and ``HELP``
    (the short help: inputs, outputs, formulas) and implement ``initAlgorithm`` and
    ``compute`` (same signature as ``processAlgorithm``)."""

    ALG_ID = ""
    DISPLAY_NAME = ""
    GROUP_ID = "prepare"
    GROUP = "1 Prepare data"
    HELP = ""
    # Python packages beyond QGIS the algorithm imports (import names); the provider checks
    # them when it loads and sets ``missing_packages`` to those it cannot find.
    REQUIRES = ()
    missing_packages = ()

    def tr(self, text):
        return QCoreApplication.translate("megaregion", text)

    def createInstance(self):  # noqa: N802 (QGIS API)
        clone = type(self)()
        clone.missing_packages = self.missing_packages
        return clone

    def missing_message(self):
        return missing_message(f"megaregion:{self.ALG_ID}", self.missing_packages)

    def canExecute(self):  # noqa: N802
        """``(False, how to add the missing packages)`` when a package is missing: the
        toolbox, the menu and the model designer then refuse to open the algorithm."""
        if self.missing_packages:
            return False, self.missing_message()
        return True, ""

    def checkParameterValues(self, parameters, context):  # noqa: N802
        # processing.run, qgis_process and the dialog check the parameters before running
        if self.missing_packages:
            return False, self.missing_message()
        return super().checkParameterValues(parameters, context)

    def name(self):
        return self.ALG_ID

    def displayName(self):  # noqa: N802
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return self.tr(self.GROUP)

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802
        if self.missing_packages:
            return self.missing_message().replace("\n", "<br>") + "<br><br>" + self.tr(self.HELP)
        return self.tr(self.HELP)

    def icon(self):
        return QIcon(ICON_PATH)

    def source(self, parameters, name, context, polygons_for=None):
        """The feature source of parameter ``name``; with ``polygons_for`` (what the polygons
        are needed for) anything but polygons is an error saying so."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        if polygons_for and QgsWkbTypes.geometryType(source.wkbType()) != compat.GEOMETRY_POLYGON:
            raise QgsProcessingException(
                f"{name} has {QgsWkbTypes.displayString(source.wkbType())} geometries: {polygons_for}."
            )
        return source

    def style_output(self, dest_id, make_renderer):
        """Style output ``dest_id`` with ``make_renderer(layer)`` once the run is over
        (see :mod:`.styling`)."""
        self._pending_styles.append((dest_id, make_renderer))

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        from .styling import apply_style

        for dest_id, make_renderer in getattr(self, "_pending_styles", []):
            apply_style(dest_id, make_renderer, context, feedback)
        self._pending_styles = []
        return {}

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._pending_styles = []
        if self.missing_packages:
            raise QgsProcessingException(self.missing_message())
        try:
            return self.compute(parameters, context, feedback)
        except QgsProcessingException:
            raise
        except ValueError as exc:
            # core/ reports bad input as ValueError with a message naming input, value and fix.
            raise QgsProcessingException(str(exc)) from exc

    def compute(self, parameters, context, feedback):
        raise NotImplementedError
