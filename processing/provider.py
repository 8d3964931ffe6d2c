"""The Processing provider ``megaregion`` ("Mega-region unevenness")."""
import importlib
import traceback
from importlib.util import find_spec

from qgis.core import QgsApplication, QgsMessageLog, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from . import compat
from .base import ICON_PATH
from .deps import missing_message, missing_packages
from .i18n import install_translator, tr
from .models import shipped_models

# (module, class) of every algorithm, in toolbox order. Each class names the packages it
# needs in REQUIRES; its module imports without them (see .deps).
ALGORITHMS = [
    ("aggregatecounties", "AggregateCountiesAlgorithm"),
    ("joinindicators", "JoinIndicatorsAlgorithm"),
    ("assignmegaregions", "AssignMegaregionsAlgorithm"),
    ("gcj02towgs84", "Gcj02ToWgs84Algorithm"),
    ("zonal", "ZonalStatisticsAlgorithm"),
    ("zonal", "NighttimeLightAlgorithm"),
    ("zonal", "NdviAlgorithm"),
    ("unevenness", "UnevennessAlgorithm"),
    ("typology", "TypologyAlgorithm"),
    ("trend", "TrendAlgorithm"),
    ("spatialrelations", "SpatialRelationsAlgorithm"),
    ("rendermaps", "RenderMapsAlgorithm"),
    ("exporttables", "ExportTablesAlgorithm"),
]
LOG_TAG = "Mega-region unevenness"


def algorithm_classes():
    """The algorithm classes. Their modules import with QGIS and numpy alone; one that fails
    all the same is logged and left out, so it cannot take the others (or QGIS) down with it."""
    classes = []
    for module_name, class_name in ALGORITHMS:
        try:
            module = importlib.import_module(f".{module_name}", __package__)
            classes.append(getattr(module, class_name))
        except Exception:  # noqa: BLE001 (any import failure must not break QGIS)
            QgsMessageLog.logMessage(
                tr("Algorithm megaregion:{module} is unavailable:\n{traceback}").format(
                    module=module_name, traceback=traceback.format_exc()),
                LOG_TAG,
                compat.MESSAGE_CRITICAL,
            )
    return classes


def algorithms():
    """One instance of every algorithm; one whose packages are missing (checked with
    ``find_spec``, without importing them) knows which, refuses to run and says how to add them."""
    out = []
    for cls in algorithm_classes():
        alg = cls()
        alg.missing_packages = tuple(missing_packages(cls.REQUIRES, find=find_spec))
        if alg.missing_packages:
            QgsMessageLog.logMessage(
                missing_message(f"megaregion:{alg.name()}", alg.missing_packages), LOG_TAG, compat.MESSAGE_WARNING
            )
        out.append(alg)
    return out


class MegaregionProvider(QgsProcessingProvider):
    def id(self):
        return "megaregion"

    def name(self):
        return QCoreApplication.translate("megaregion", "Mega-region unevenness")

    def longName(self):  # noqa: N802
        return QCoreApplication.translate(
            "megaregion", "Mega-region unevenness: core and secondary cities of China's mega-regions")

    def icon(self):
        return QIcon(ICON_PATH)

    def load(self):
        # the Chinese interface when QGIS's language is Chinese (also when the provider is
        # registered without the plugin, e.g. by a script); installed once
        install_translator()
        return super().load()

    def loadAlgorithms(self):  # noqa: N802
        for alg in algorithms():
            self.addAlgorithm(alg)
        registry = QgsApplication.processingRegistry()
        if registry.providerById(self.id()) is not None:  # registered: our own algorithms resolve
            for model in shipped_models():
                self.addAlgorithm(model)
        else:
            # The shipped models chain this provider's algorithms, which can be resolved only
            # once the provider is registered: load them then.
            registry.providerAdded.connect(self._load_models_once)

    def _load_models_once(self, provider_id):
        if provider_id != self.id():
            return
        QgsApplication.processingRegistry().providerAdded.disconnect(self._load_models_once)
        self.refreshAlgorithms()
