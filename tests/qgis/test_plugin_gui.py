"""The desktop glue: classFactory, menu and toolbar entries for every algorithm, unload."""
from unittest import mock

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMainWindow

import megaregion
from megaregion.processing.provider import ALGORITHMS, MegaregionProvider


_KEEP = []  # a Python provider must outlive its registration


def _restore_provider(registry):
    """Leave one working provider registered for the other tests."""
    if registry.providerById("megaregion") is not None:
        registry.removeProvider(registry.providerById("megaregion"))
    provider = MegaregionProvider()
    _KEEP.append(provider)
    registry.addProvider(provider)


def fake_iface():
    window = QMainWindow()
    iface = mock.MagicMock()
    iface.mainWindow.return_value = window
    iface.addToolBar.side_effect = window.addToolBar
    return iface, window


def test_init_gui_adds_menu_and_toolbar_entries_and_unload_removes_them(qgis_app):
    iface, window = fake_iface()
    plugin = megaregion.classFactory(iface)
    registry = QgsApplication.processingRegistry()
    registry.removeProvider(registry.providerById("megaregion"))  # the plugin registers its own instance
    try:
        plugin.initGui()
        assert registry.providerById("megaregion").id() == "megaregion"
        titles = [a.text() for a in plugin.actions]
        assert len(titles) == len(ALGORITHMS) + 1
        assert titles[0] == "Mega-region analysis (whole pipeline)..." and "Join indicator table to boundaries..." in titles
        # the menu says what the toolbox says
        pipeline = registry.algorithmById("megaregion:pipeline")
        assert titles[0] == pipeline.displayName() + "..."
        menus = {call.args[0] for call in iface.addPluginToMenu.call_args_list}
        assert menus == {"&Mega-region unevenness"}
        assert plugin.tool_button.menu().actions() == plugin.actions
        with mock.patch("qgis.processing.execAlgorithmDialog") as dialog:
            plugin.actions[0].trigger()
            plugin.actions[1].trigger()
        assert [c.args[0] for c in dialog.call_args_list] == ["megaregion:pipeline", "megaregion:aggregatecounties"]
        plugin.unload()
        assert registry.providerById("megaregion") is None
        assert iface.removePluginMenu.call_count == len(ALGORITHMS) + 1
    finally:
        _restore_provider(registry)
        window.deleteLater()


def test_init_processing_alone_registers_the_provider_once(qgis_app):
    iface, window = fake_iface()
    plugin = megaregion.classFactory(iface)
    registry = QgsApplication.processingRegistry()
    registry.removeProvider(registry.providerById("megaregion"))
    try:
        plugin.initProcessing()
        plugin.initProcessing()
        assert registry.providerById("megaregion").id() == plugin.provider.id() == "megaregion"
        algs = {a.id() for a in plugin.provider.algorithms()}
        assert {"megaregion:joinindicators", "megaregion:assignmegaregions", "megaregion:gcj02towgs84"} <= algs
        plugin.unload()
    finally:
        _restore_provider(registry)
        window.deleteLater()
