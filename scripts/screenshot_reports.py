#!/usr/bin/env python3
"""Screenshots of HTML reports, to look at them as a reader does.

    /usr/bin/python3 scripts/screenshot_reports.py OUT_DIR REPORT.html [REPORT.html ...]

Writes OUT_DIR/<report>.png (the top of the page, 1280 x 1600 by default) and, with
``--full``, OUT_DIR/<report>_full.png (the whole page; long pages are cut into parts of
``--part`` pixels, <report>_full_1.png, ...). Uses headless Chromium when one is installed
(``chromium``, ``chromium-browser``, ``google-chrome``); otherwise QtWebKit through PyQt5, which
Debian's QGIS brings (run with /usr/bin/python3 then).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium():
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def shoot_chromium(browser, html, png, width, height):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                        f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={png}", Path(html).resolve().as_uri()],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


class WebKit:
    """Renders pages with QtWebKit into QImages (one QApplication for all pages)."""

    def __init__(self):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PyQt5.QtWidgets import QApplication
        self.app = QApplication.instance() or QApplication(sys.argv[:1])

    def render(self, html, width):
        from PyQt5.QtCore import QEventLoop, QSize, QUrl
        from PyQt5.QtGui import QImage, QPainter
        from PyQt5.QtWebKitWidgets import QWebPage

        page = QWebPage()
        page.setViewportSize(QSize(width, 800))
        loop = QEventLoop()
        page.mainFrame().loadFinished.connect(lambda ok: loop.quit())
        page.mainFrame().load(QUrl.fromLocalFile(str(Path(html).resolve())))
        loop.exec_()
        size = page.mainFrame().contentsSize()
        page.setViewportSize(QSize(width, size.height()))
        image = QImage(width, size.height(), QImage.Format_ARGB32)
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        page.mainFrame().render(painter)
        painter.end()
        return image


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("reports", nargs="+")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--full", action="store_true", help="also the whole page, in parts")
    parser.add_argument("--part", type=int, default=2400, help="height of one part of the whole page")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    browser = chromium()
    webkit = None if browser else WebKit()
    print("renderer:", browser or "QtWebKit (no Chromium installed)")
    for report in args.reports:
        stem = Path(report).stem
        if browser:
            shoot_chromium(browser, report, out / f"{stem}.png", args.width, args.height)
            print(out / f"{stem}.png")
            continue
        image = webkit.render(report, args.width)
        top = image.copy(0, 0, args.width, min(args.height, image.height()))
        top.save(str(out / f"{stem}.png"))
        print(out / f"{stem}.png", f"(page {image.height()} px high)")
        if args.full:
            for i, y in enumerate(range(0, image.height(), args.part), start=1):
                part = image.copy(0, y, args.width, min(args.part, image.height() - y))
                part.save(str(out / f"{stem}_full_{i}.png"))
                print(out / f"{stem}_full_{i}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
