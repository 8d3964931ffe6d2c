"""Start QGIS in this process once (offscreen) with Processing and the megaregion
provider registered, for the tests under tests/qgis."""
import os
import sys

_APP = None


def start_qgis():
    global _APP
    if _APP is not None:
        return _APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-" + str(os.getuid()))
    os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    plugins = os.path.join(QgsApplication.prefixPath(), "share", "qgis", "python", "plugins")
    if plugins not in sys.path:
        sys.path.insert(0, plugins)
    from processing.core.Processing import Processing  # QGIS's own processing plugin

    Processing.initialize()
    from megaregion.processing.provider import MegaregionProvider

    provider = MegaregionProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    _APP = (app, provider)
    return _APP
