"""The Chinese interface: installs the plugin's compiled translation (i18n/megaregion_zh_CN.qm,
built from i18n/megaregion_zh_CN.ts by scripts/make_translations.py) when QGIS's language is
Chinese, so that ``self.tr`` (``QCoreApplication.translate("megaregion", ...)``) returns the
Chinese display names, groups, parameter labels, options and help.

QGIS's language is the one QGIS itself follows: the user's choice in Settings > Options >
General ("locale/userLocale" when "locale/overrideFlag" is set), otherwise the system's
(``QLocale.system()``: LC_ALL, LC_MESSAGES/LANG on Linux)."""
import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from ..core.messages import in_language

I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")
#: The compiled translation of each language prefix the plugin has.
QM_FILES = {"zh": "megaregion_zh_CN.qm"}

_installed = {}  # "translator": the installed QTranslator (kept alive here), "path": its file
#: The translation context of every text of the plugin (the algorithms' ``self.tr`` uses it too).
CONTEXT = "megaregion"


def tr(text):
    """``text`` in QGIS's language: for messages built outside an algorithm's methods. A text
    with values is a template with named placeholders, filled after translation
    (``tr("{name} has no features").format(name=...)``), so a translation may reorder them."""
    return QCoreApplication.translate(CONTEXT, text)


def shown(message):
    """A message of core (an error raised with ``core.messages.msg``, or such a text) in the
    language the toolbox is in; any other message as it is."""
    return in_language(message, translated_language())


def _is_true(value):
    return value is True or str(value).strip().lower() in ("true", "1", "yes")


def translated_language():
    """``"zh"`` while the plugin's Chinese translation is installed (what ``tr`` returns is
    Chinese), else ``"en"``: texts built from data (legend labels from the mega-region names)
    follow it so they read in the same language as the translated ones."""
    path = _installed.get("path") if _installed.get("translator") is not None else None
    return "zh" if path and os.path.basename(path) == QM_FILES["zh"] else "en"


def qgis_locale(settings=None):
    """QGIS's interface language as a locale name (``zh_CN``, ``en_US`` ...)."""
    settings = settings if settings is not None else QgsSettings()
    if _is_true(settings.value("locale/overrideFlag", False)):
        name = str(settings.value("locale/userLocale", "") or "").strip()
        if name:
            return name
    return QLocale.system().name()


def qm_path(locale=None):
    """The .qm file for ``locale`` (default: QGIS's), or None when the plugin has no
    translation for it (English needs none) or it has not been compiled."""
    locale = qgis_locale() if locale is None else locale
    name = QM_FILES.get(str(locale).replace("-", "_").split("_", 1)[0].lower())
    if name is None:
        return None
    path = os.path.join(I18N_DIR, name)
    return path if os.path.isfile(path) else None


def install_translator(locale=None, path=None):
    """Install the plugin's translation for ``locale`` (default: QGIS's language) into the
    application; returns True when a translation is installed. Calling it again does nothing
    (the translator installed first stays, once). ``path`` names another .qm file (tests)."""
    if _installed.get("translator") is not None:
        return True
    app = QCoreApplication.instance()
    path = path or qm_path(locale)
    if app is None or path is None:
        return False
    translator = QTranslator()
    if not translator.load(path):
        return False
    if not QCoreApplication.installTranslator(translator):
        return False
    _installed.update(translator=translator, path=path)
    return True


def remove_translator():
    """Remove the translation installed by :func:`install_translator` (plugin unload, tests)."""
    translator = _installed.pop("translator", None)
    _installed.pop("path", None)
    if translator is not None and QCoreApplication.instance() is not None:
        QCoreApplication.removeTranslator(translator)
    return translator is not None
