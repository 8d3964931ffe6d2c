"""megaregion: a QGIS Processing plugin measuring core-secondary unevenness in China's
mega-regions. QGIS calls :func:`classFactory`; nothing QGIS-specific is imported at package
import time, so ``megaregion.core`` works in plain Python too."""


def classFactory(iface):  # noqa: N802 (QGIS plugin API name)
    from .plugin import MegaregionPlugin

    return MegaregionPlugin(iface)
