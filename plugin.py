"""Desktop glue: registers the Processing provider and adds a menu and a toolbar button
that open each algorithm's dialog. ``qgis_process`` only calls :meth:`initProcessing`."""
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QMenu, QToolButton

try:  # Qt6 (QGIS 4), and QGIS's Qt5 shim in later 3.x releases
    from qgis.PyQt.QtGui import QAction
except ImportError:  # QGIS 3.22: Qt5 keeps QAction in QtWidgets
    from qgis.PyQt.QtWidgets import QAction

from .processing.base import ICON_PATH
from .processing.i18n import install_translator
from .processing.provider import MegaregionProvider, algorithm_classes

MENU_TITLE = "&Mega-region unevenness"


def tr(text):
    return QCoreApplication.translate("megaregion", text)


class MegaregionPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.tool_button = None

    def initProcessing(self):  # noqa: N802 (QGIS plugin API)
        install_translator()  # before the provider: its names and help are read through tr()
        if self.provider is None:
            self.provider = MegaregionProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        icon = QIcon(ICON_PATH)
        window = self.iface.mainWindow()
        button_menu = QMenu(window)
        entries = [("megaregion:pipeline", tr("Mega-region analysis (whole pipeline)..."),
                    tr("Run the whole analysis: join, mega-regions, raster statistics, unevenness, typology, trend, "
                       "maps"))]
        for cls in algorithm_classes():
            alg = cls()
            entries.append((f"megaregion:{alg.name()}", alg.displayName() + "...",
                            alg.shortHelpString().split("\n", 1)[0]))
        for alg_id, title, tip in entries:
            action = QAction(icon, title, window)
            action.setToolTip(tip)
            action.triggered.connect(lambda _checked=False, alg_id=alg_id: self.open_dialog(alg_id))
            self.iface.addPluginToMenu(tr(MENU_TITLE), action)
            button_menu.addAction(action)
            self.actions.append(action)
        self.toolbar = self.iface.addToolBar(tr("Mega-region unevenness"))
        self.toolbar.setObjectName("MegaregionToolbar")
        self.tool_button = QToolButton(self.toolbar)
        self.tool_button.setIcon(icon)
        self.tool_button.setToolTip(tr("Mega-region unevenness algorithms"))
        self.tool_button.setMenu(button_menu)
        self.tool_button.setDefaultAction(self.actions[0])  # a click opens the pipeline
        self.tool_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.toolbar.addWidget(self.tool_button)

    def open_dialog(self, alg_id):
        """The algorithm's dialog; when a package it needs is missing, the message saying how
        to add it instead."""
        from qgis import processing

        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        ok, message = alg.canExecute() if alg is not None else (False, f"{alg_id} is not loaded")
        if not ok:
            self.iface.messageBar().pushMessage(
                "Mega-region unevenness", message.replace("\n", " "), level=Qgis.MessageLevel.Critical, duration=0
            )
            return
        processing.execAlgorithmDialog(alg_id, {})

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(tr(MENU_TITLE), action)
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
