"""The Processing provider ``megaregion`` ("Mega-region unevenness")."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .base import ICON_PATH


def algorithm_classes():
    """Every algorithm class the provider registers, in toolbox order."""
    from .assignmegaregions import AssignMegaregionsAlgorithm
    from .gcj02towgs84 import Gcj02ToWgs84Algorithm
    from .joinindicators import JoinIndicatorsAlgorithm

    return [JoinIndicatorsAlgorithm, AssignMegaregionsAlgorithm, Gcj02ToWgs84Algorithm]


class MegaregionProvider(QgsProcessingProvider):
    def id(self):
        return "megaregion"

    def name(self):
        return "Mega-region unevenness"

    def longName(self):  # noqa: N802
        return "Mega-region unevenness: core and secondary cities of China's mega-regions"

    def icon(self):
        return QIcon(ICON_PATH)

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
