"""The plugin runs on QGIS 3.22 (PyQt5) through QGIS 4 (PyQt6) from one code base: its
sources must use no spelling that only PyQt5 accepts.

PyQt6 has only scoped enums (``Qt.AlignmentFlag.AlignLeft``, not ``Qt.AlignLeft``), no
``exec_()``, no ``QRegExp``/``QDesktopWidget``/``QString``, and keeps ``QAction`` in QtGui.
QGIS 4 builds its own enums the same way, so ``QgsFeatureSink.FastInsert`` becomes
``QgsFeatureSink.Flag.FastInsert`` (or a name of ``processing/compat.py``). The scan reads
the code only: strings and comments are blanked first, so help texts may quote anything."""
import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ["plugin.py", "__init__.py", "ui", "processing", "core", "tests"]

# ``Class.Member`` of a Qt class (Q + capital) or a QGIS class with a capitalised member that
# is neither scoped further (``.``) nor called (``(``: a nested class or an enum built from a
# number): a member of an unscoped enum.
UNSCOPED = re.compile(r"\b(?P<cls>Qt|Q[A-Z]\w*|Qgs\w+|Qgis)\.(?P<member>[A-Z]\w*)\b(?!\s*[.(])")
# Qt's global colours are lower case: Qt.red -> Qt.GlobalColor.red
GLOBAL_COLOURS = ("white", "black", "red", "darkRed", "green", "darkGreen", "blue", "darkBlue", "cyan",
                  "darkCyan", "magenta", "darkMagenta", "yellow", "darkYellow", "gray", "darkGray",
                  "lightGray", "transparent", "color0", "color1")
UNSCOPED_COLOUR = re.compile(r"\bQt\.(%s)\b" % "|".join(GLOBAL_COLOURS))
# Names that are types, not enum members, used bare (isinstance, annotations): none so far.
ALLOWED_BARE = set()
QT5_ONLY = [
    (re.compile(r"\.(exec_|print_)\s*\("), "exec_()/print_() are gone in PyQt6: use exec()/print()"),
    (re.compile(r"^\s*(from|import)\s+(PyQt5|PyQt6|sip)\b", re.M), "import Qt through qgis.PyQt"),
    (re.compile(r"\bQRegExp\b"), "QRegExp is gone in Qt6: use QRegularExpression"),
    (re.compile(r"\bQDesktopWidget\b"), "QDesktopWidget is gone in Qt6: use QScreen"),
    (re.compile(r"(?<![.\w])QString(List)?\b"), "QString/QStringList do not exist in PyQt: use str/list"),
    (re.compile(r"\bQMatrix\b"), "QMatrix is gone in Qt6: use QTransform"),
    (re.compile(r"\bQtWebKit(Widgets)?\b"), "QtWebKit is gone in Qt6"),
    (re.compile(r"\bQtWidgets\.(QAction|QActionGroup|QShortcut)\b"), "QAction lives in QtGui in Qt6"),
    (re.compile(r"\bQApplication\.desktop\s*\("), "QApplication.desktop() is gone in Qt6: use QScreen"),
]
# Qt5 spellings allowed only as the fallback of a try that uses the Qt6 one first
# (``except TypeError:`` / ``except ImportError:`` / ``except AttributeError:``).
QT5_FALLBACK_ONLY = [
    (re.compile(r"\bQFontDatabase\(\s*\)"), "QFontDatabase() is gone in Qt6: call its functions statically"),
]
FALLBACK_ERRORS = {"TypeError", "ImportError", "ModuleNotFoundError", "AttributeError"}
QTGUI_IN_QT6 = {"QAction", "QActionGroup", "QShortcut"}


def _code_only(text):
    """``text`` with strings and comments blanked (same lines and columns)."""
    lines = text.splitlines(keepends=True)
    chars = [list(line) for line in lines]
    blanked = {tokenize.STRING, tokenize.COMMENT}
    blanked |= {getattr(tokenize, "FSTRING_MIDDLE", -1), getattr(tokenize, "TSTRING_MIDDLE", -1)}
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type not in blanked:
            continue
        (r0, c0), (r1, c1) = tok.start, tok.end
        for r in range(r0, r1 + 1):
            row = chars[r - 1]
            start = c0 if r == r0 else 0
            end = c1 if r == r1 else len(row)
            for c in range(start, min(end, len(row))):
                if row[c] != "\n":
                    row[c] = " "
    return "".join("".join(row) for row in chars)


def _qtgui_fallback_lines(tree):
    """Lines of ``from ...QtWidgets import QAction`` that are the ImportError fallback of a
    ``try`` importing the same names from QtGui: correct on every Qt."""
    ok = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        tried = {a.name for n in node.body if isinstance(n, ast.ImportFrom) and (n.module or "").endswith("QtGui")
                 for a in n.names}
        for handler in node.handlers:
            for n in handler.body:
                if isinstance(n, ast.ImportFrom) and {a.name for a in n.names} <= tried:
                    ok.add(n.lineno)
    return ok


def _fallback_handler_lines(tree):
    """Lines inside ``except TypeError/ImportError/AttributeError`` handlers."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            caught = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            if {getattr(c, "id", None) for c in caught} & FALLBACK_ERRORS:
                lines.update(range(node.lineno, node.end_lineno + 1))
    return lines


def scan_source(text, name="<snippet>"):
    """``[(file, line, spelling, why)]`` for every Qt5-only spelling in ``text``."""
    findings = []
    code = _code_only(text)
    for number, line in enumerate(code.splitlines(), 1):
        for m in UNSCOPED.finditer(line):
            if f"{m.group('cls')}.{m.group('member')}" in ALLOWED_BARE:
                continue
            findings.append((name, number, m.group(0),
                             "unscoped enum member: write Class.Enum.Member (or use processing/compat.py)"))
        for m in UNSCOPED_COLOUR.finditer(line):
            findings.append((name, number, m.group(0), "unscoped colour: write Qt.GlobalColor." + m.group(1)))
    for pattern, why in QT5_ONLY:
        for m in pattern.finditer(code):
            findings.append((name, code.count("\n", 0, m.start()) + 1, m.group(0).strip().lstrip("."), why))
    tree = ast.parse(text)
    in_fallback = _fallback_handler_lines(tree)
    for pattern, why in QT5_FALLBACK_ONLY:
        for m in pattern.finditer(code):
            line = code.count("\n", 0, m.start()) + 1
            if line not in in_fallback:
                findings.append((name, line, m.group(0), why))
    fallbacks = _qtgui_fallback_lines(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("QtWidgets"):
            moved = QTGUI_IN_QT6 & {a.name for a in node.names}
            if moved and node.lineno not in fallbacks:
                findings.append((name, node.lineno, f"from {node.module} import {', '.join(sorted(moved))}",
                                 "QAction/QShortcut live in QtGui in Qt6: import them from qgis.PyQt.QtGui, "
                                 "falling back to QtWidgets on ImportError"))
    return findings


def plugin_sources():
    files = []
    for entry in SCANNED:
        path = ROOT / entry
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [f for f in files if f.is_file() and "__pycache__" not in f.parts]


def test_the_scan_covers_the_plugin():
    names = {f.relative_to(ROOT).as_posix() for f in plugin_sources()}
    for expected in ("plugin.py", "processing/provider.py", "processing/rendermaps.py", "processing/compat.py",
                     "core/zonal/engine.py", "tests/qgis/test_rendermaps.py", "tests/unit/test_qt6_scan.py"):
        assert expected in names


def test_plugin_sources_use_no_qt5_only_spelling():
    findings = []
    for path in plugin_sources():
        findings += scan_source(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    assert not findings, "Qt5-only spellings:\n" + "\n".join(f"{f}:{n}: {s}  ({why})" for f, n, s, why in findings)


@pytest.mark.parametrize("snippet, spelling", [
    ("item.setHAlign(Qt.AlignLeft)\n", "Qt.AlignLeft"),
    ("label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)\n", "Qt.AlignRight"),
    ("image = image.convertToFormat(QImage.Format_RGB32)\n", "QImage.Format_RGB32"),
    ("button.setPopupMode(QToolButton.MenuButtonPopup)\n", "QToolButton.MenuButtonPopup"),
    ("field = QgsField('x', QVariant.Double)\n", "QVariant.Double"),
    ("layer.setBrushStyle(Qt.NoBrush)\n", "Qt.NoBrush"),
    ("pen = QPen(Qt.red)\n", "Qt.red"),
    ("sink.addFeature(feature, QgsFeatureSink.FastInsert)\n", "QgsFeatureSink.FastInsert"),
    ("if t == QgsWkbTypes.PolygonGeometry:\n    pass\n", "QgsWkbTypes.PolygonGeometry"),
    ("level = Qgis.Critical\n", "Qgis.Critical"),
    ("dialog.exec_()\n", "exec_("),
    ("from PyQt5.QtCore import Qt\n", "from PyQt5"),
    ("import PyQt5.QtCore\n", "import PyQt5"),
    ("from qgis.PyQt.QtWidgets import QAction, QMenu\n", "from qgis.PyQt.QtWidgets import QAction"),
    ("action = QtWidgets.QAction('x')\n", "QtWidgets.QAction"),
    ("pattern = QRegExp('[0-9]+')\n", "QRegExp"),
    ("geometry = QDesktopWidget().screenGeometry()\n", "QDesktopWidget"),
    ("text = QString('x')\n", "QString"),
    ("families = QFontDatabase().families()\n", "QFontDatabase()"),
])
def test_the_scan_flags_qt5_only_spellings(snippet, spelling):
    found = [s for _, _, s, _ in scan_source(snippet)]
    assert found, f"{snippet!r} was not flagged"
    assert any(s.startswith(spelling) or spelling.startswith(s) for s in found), found


def test_the_scan_reports_file_and_line():
    snippet = "x = 1\n\ny = Qt.AlignLeft\n"
    assert scan_source(snippet, "plugin.py") == [
        ("plugin.py", 3, "Qt.AlignLeft", "unscoped enum member: write Class.Enum.Member (or use processing/compat.py)")]


@pytest.mark.parametrize("snippet", [
    "item.setHAlign(Qt.AlignmentFlag.AlignLeft)\n",
    "flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter\n",
    "image = image.convertToFormat(QImage.Format.Format_RGB32)\n",
    "button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)\n",
    "t = QVariant.Type(int(QMetaType.Type.Double))\n",
    "pen = QPen(Qt.GlobalColor.red)\n",
    "sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)\n",
    "settings = QgsLayoutExporter.ImageExportSettings()\n",
    "rule = QgsRuleBasedRenderer.Rule(None)\n",
    "dialog.exec()\n",
    "from qgis.PyQt.QtCore import Qt\n",
    "HELP = 'Qt.AlignLeft, exec_() and QRegExp are quoted, not used'\n",
    "x = 1  # Qt.AlignLeft in a comment, dialog.exec_()\n",
    "y = f'{value} QImage.Format_RGB32'\n",
    "try:\n    from qgis.PyQt.QtGui import QAction\nexcept ImportError:\n"
    "    from qgis.PyQt.QtWidgets import QAction\n",
    "from qgis.PyQt.QtWidgets import QMenu, QToolButton\n",
    "level = Qgis.MessageLevel.Critical\n",
    "QStringListModel = None\n",
    "try:\n    f = QFontDatabase.families()\nexcept TypeError:\n    f = QFontDatabase().families()\n",
])
def test_the_scan_accepts_scoped_and_quoted_forms(snippet):
    assert scan_source(snippet) == []
