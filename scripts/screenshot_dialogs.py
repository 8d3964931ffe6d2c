#!/usr/bin/env python3
"""Screenshots of the algorithm dialogs, to look at them as a planner does, in English or Chinese.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/screenshot_dialogs.py OUT_DIR [--lang zh] [ALG ...]

Needs QGIS's Python (Debian: /usr/bin/python3). Writes OUT_DIR/<alg>_<lang>.png for each
algorithm id (default: the pipeline and every algorithm of the provider): the Processing
dialog QGIS opens from the toolbox, with its parameters panel and the help panel beside it.
``--lang zh`` runs QGIS with its interface language set to Chinese (the profile's locale
override, as Settings > Options > General does), so the plugin loads its translation; QGIS's
own words (Run, Close, Advanced) stay in the language of QGIS's installed translations.
The translation is installed once per process: run the script once per language.
"""
import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def start(lang):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-%d" % os.getuid())
    os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    # a profile of its own, so the locale override does not touch the user's QGIS settings
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="megaregion-dialogs-")
    from qgis.core import QgsApplication, QgsSettings

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], True)
    app.initQgis()
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN" if lang == "zh" else "en_US")
    plugins = os.path.join(QgsApplication.prefixPath(), "share", "qgis", "python", "plugins")
    sys.path.insert(0, plugins)
    from processing.core.Processing import Processing  # QGIS's own processing plugin

    Processing.initialize()
    from _pkg import ensure_importable

    ensure_importable()
    from megaregion.processing.i18n import install_translator
    from megaregion.processing.provider import MegaregionProvider

    install_translator()
    provider = MegaregionProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def shoot(alg_id, png, width, height):
    from qgis.core import QgsApplication
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    if alg is None:
        raise SystemExit("no algorithm %s" % alg_id)
    dialog = AlgorithmDialog(alg)
    dialog.resize(width, height)
    dialog.show()
    for _ in range(5):
        QgsApplication.processEvents()
    dialog.grab().save(str(png))
    dialog.close()
    dialog.deleteLater()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("algorithms", nargs="*", help="algorithm ids (default: all of the provider)")
    parser.add_argument("--lang", choices=("en", "zh"), default="en")
    parser.add_argument("--size", default="1100x800", help="dialog size WIDTHxHEIGHT")
    args = parser.parse_intermixed_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    app, provider = start(args.lang)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ids = args.algorithms or [a.id() for a in provider.algorithms()]
    for alg_id in ids:
        png = out / ("%s_%s.png" % (alg_id.split(":")[-1], args.lang))
        shoot(alg_id, png, width, height)
        print(png)
    app.exitQgis()


if __name__ == "__main__":
    main()
