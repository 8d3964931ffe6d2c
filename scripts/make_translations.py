"""Keep the Chinese interface in step with the code: extract every translatable string of
the Processing side (processing/*.py and plugin.py), update i18n/megaregion_zh_CN.ts, and
compile it to i18n/megaregion_zh_CN.qm with Qt's ``lrelease``.

A string is translatable when the code passes it to ``self.tr(...)`` / ``tr(...)`` (the
module-level helper of processing/i18n.py, for messages built outside an algorithm) /
``QCoreApplication.translate("megaregion", ...)``, or when it is one of the class attributes
processing/base.py passes through ``self.tr`` (DISPLAY_NAME, GROUP, HELP). The argument may be
a literal (also implicitly concatenated or joined with ``+``), a module constant, a class
attribute (``self.OUTPUT_LABEL``: the value of every class that sets it), the loop variable of
a ``for`` or a comprehension over such a constant (``self.tr(o) for o in OPTIONS``,
``self.tr(p[0]) for p in POOLS``), a name unpacked from one, or the result of a help function
of a module without imports (processing/typology_help.py). f-strings cannot be looked up and are
reported as such.

A message with values is a template filled after translation, with named placeholders so a
translation may reorder them: ``self.tr("{count} rows of {input}").format(count=n, input=name)``.
``--report`` lists the messages (QgsProcessingException, pushInfo, pushWarning, reportError,
logMessage ...) that still bypass the translation: built with an f-string, or English text joined
around ``tr``.

Updating keeps every translation: a new source text is added as unfinished, one the code no
longer has is marked vanished (kept, revived when it comes back), nothing is ever deleted.

    /usr/bin/python3 scripts/make_translations.py           # update the .ts, compile the .qm
    /usr/bin/python3 scripts/make_translations.py --check   # exit 1 if the .ts is not current
    /usr/bin/python3 scripts/make_translations.py --report  # also list unfinished and f-strings
"""
import argparse
import ast
import os
import shutil
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_PATH = ROOT / "i18n" / "megaregion_zh_CN.ts"
QM_PATH = ROOT / "i18n" / "megaregion_zh_CN.qm"
LANGUAGE = "zh_CN"
#: The context of processing/base.py's tr(): QCoreApplication.translate("megaregion", text).
CONTEXT = "megaregion"
#: Class attributes base.py passes through self.tr (displayName, group, shortHelpString).
TR_ATTRIBUTES = ("DISPLAY_NAME", "GROUP", "HELP")
#: Messages QGIS shows raised from these calls (for the list of f-strings).
MESSAGE_CALLS = ("QgsProcessingException", "pushInfo", "pushWarning", "reportError", "pushDebugInfo",
                 "pushCommandInfo", "pushConsoleInfo", "logMessage", "setProgressText", "ValueError")


class _Unknown:
    """A value the extractor cannot know statically (a name, a call)."""

    def __repr__(self):
        return "<unknown>"


UNKNOWN = _Unknown()


def source_files(root=ROOT):
    files = sorted((root / "processing").glob("*.py"))
    if (root / "plugin.py").exists():
        files.append(root / "plugin.py")
    return files


# ------------------------------------------------------------------ static evaluation
def literal(node):
    """The Python value of a literal expression; UNKNOWN for the parts that are not literal
    (a tuple of names and strings keeps its strings)."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(literal(e) for e in node.elts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = literal(node.left), literal(node.right)
        if isinstance(left, str) and isinstance(right, str):
            return left + right
    if isinstance(node, ast.Dict):
        return {literal(k): literal(v) for k, v in zip(node.keys, node.values) if k is not None}
    return UNKNOWN


class Module:
    def __init__(self, path, root):
        self.path = path
        self.rel = path.relative_to(root).as_posix()
        self.tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        self.constants = {}  # module-level NAME -> ast value node
        self.imports = {}  # name -> (module file stem, original name), relative imports in processing/
        self.core_modules = {}  # name -> module of core/ imported as a whole
        for node in self.tree.body:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.constants[target.id] = node.value
            elif isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.ImportFrom) and node.level == 2 and node.module == "core":
                for alias in node.names:  # from ..core import raster_presets
                    self.core_modules[alias.asname or alias.name] = alias.name
        self.classes = [n for n in self.tree.body if isinstance(n, ast.ClassDef)]


class Extractor:
    def __init__(self, root=ROOT):
        self.root = Path(root)
        self.modules = {p.stem: Module(p, self.root) for p in source_files(self.root)}
        self.messages = {}  # source text -> [(file, line)]
        self.unresolved = []  # (file, line, code) of tr arguments that could not be resolved
        self.fstrings = []  # (file, line, call) of user-facing messages built with f-strings
        self.plain = []  # (file, line, call) of user-facing messages in English text that bypasses tr
        self._pure = {}

    # values ------------------------------------------------------------------------------
    def class_attribute_values(self, name):
        """(module, value node) of attribute ``name`` in every class of every module."""
        out = []
        for module in self.modules.values():
            for cls in module.classes:
                for node in cls.body:
                    if isinstance(node, ast.Assign) and any(
                            isinstance(t, ast.Name) and t.id == name for t in node.targets):
                        out.append((module, cls.name, node.value))
        return out

    def runtime_attribute(self, module, class_name, name):
        """The attribute as the plugin computes it on import (e.g. a help text with the
        products' thresholds in an f-string); needs PyQGIS, UNKNOWN without it."""
        try:
            import importlib

            import qgis.core  # noqa: F401
        except ImportError:
            return UNKNOWN
        package = _importable_package(self.root)
        if package is None:
            return UNKNOWN
        try:
            imported = importlib.import_module(f"{package}.{module.rel[:-3].replace('/', '.')}")
            value = getattr(getattr(imported, class_name), name)
        except Exception:  # noqa: BLE001 (any failure: the string stays unresolved and is reported)
            return UNKNOWN
        return value if isinstance(value, (str, tuple, list)) else UNKNOWN

    def core_module(self, name):
        """Module ``core/<name>.py`` when it imports only the standard library and such modules
        of core (its constants, e.g. the raster products' labels); None otherwise."""
        key = "core." + name
        if key not in self._pure:
            self._pure[key] = None
            path = self.root / "core" / f"{name}.py"
            if path.exists():
                tree = ast.parse(path.read_text(encoding="utf-8"))
                stdlib = getattr(sys, "stdlib_module_names", {"__future__", "types", "collections", "re", "math"})
                imports = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
                namespace = {"__name__": f"_translations_core_{name}"}
                for node in imports:
                    if isinstance(node, ast.Import):
                        if not all(a.name.split(".")[0] in stdlib for a in node.names):
                            return None
                    elif node.level == 0:
                        if node.module.split(".")[0] not in stdlib:
                            return None
                    elif node.level == 1 and node.module and "." not in node.module:
                        sibling = self.core_module(node.module)  # e.g. from .messages import msg
                        if sibling is None:
                            return None
                        namespace.update({a.asname or a.name: getattr(sibling, a.name) for a in node.names})
                    else:
                        return None
                # the sibling imports are bound above: run the module without them
                tree.body = [n for n in tree.body if not (isinstance(n, ast.ImportFrom) and n.level)]
                exec(compile(tree, str(path), "exec"), namespace)  # noqa: S102 (own code, standard library only)
                self._pure[key] = types.SimpleNamespace(**namespace)
        return self._pure[key]

    def pure_call(self, module, call):
        """The value of ``func()`` with ``func`` from a sibling module without imports."""
        if not isinstance(call.func, ast.Name) or call.args or call.keywords:
            return UNKNOWN
        stem, original = module.imports.get(call.func.id, (module.path.stem, call.func.id))
        target = self.modules.get(stem)
        if target is None or any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in ast.walk(target.tree)):
            return UNKNOWN
        if stem not in self._pure:
            namespace = {"__name__": f"_translations_{stem}"}
            exec(compile(target.tree, str(target.path), "exec"), namespace)  # noqa: S102 (own code, no imports)
            self._pure[stem] = namespace
        func = self._pure[stem].get(original)
        return func() if callable(func) else UNKNOWN

    def values(self, module, node, bindings):
        """Every value ``node`` can have: a list of Python values (strings, tuples ...)."""
        value = literal(node)
        if value is not UNKNOWN and not (isinstance(value, tuple) and UNKNOWN in value and False):
            if not isinstance(node, (ast.Name, ast.Attribute)):
                return [value]
        if isinstance(node, ast.Name):
            if node.id in bindings:
                return bindings[node.id]
            if node.id in module.constants:
                return self.values(module, module.constants[node.id], {})
            if node.id in module.imports:
                stem, original = module.imports[node.id]
                other = self.modules.get(stem)
                if other is not None and original in other.constants:
                    return self.values(other, other.constants[original], {})
            return [UNKNOWN]
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            out = []
            for owner, cls, value_node in self.class_attribute_values(node.attr):
                found = self.values(owner, value_node, {})
                if any(v is UNKNOWN for v in found):
                    found = [self.runtime_attribute(owner, cls, node.attr)]
                out.extend(found)
            return out or [UNKNOWN]
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in module.core_modules):
            return [getattr(self.core_module(module.core_modules[node.value.id]), node.attr, UNKNOWN)]
        if isinstance(node, ast.Subscript):
            index = literal(node.slice.value if isinstance(node.slice, ast.Index) else node.slice)  # py3.8 Index
            out = []
            for container in self.values(module, node.value, bindings):
                if index is UNKNOWN and isinstance(container, (Mapping, tuple, list)):
                    out.extend(container.values() if isinstance(container, Mapping) else container)
                    continue  # any of them: DISPLAY_NAMES[self.name()]
                try:
                    out.append(container[index])
                except (TypeError, IndexError, KeyError):
                    out.append(UNKNOWN)
            return out
        if isinstance(node, ast.Call):
            return [self.pure_call(module, node)]
        return [UNKNOWN]

    def bind(self, module, target, iterable_values, bindings, iterate=True):
        """Bind the names of ``target`` to the elements of each value of the iterable."""
        elements = []
        for value in iterable_values:
            if iterate:
                if isinstance(value, (tuple, list)):
                    elements.extend(value)
                else:
                    elements.append(UNKNOWN)
            else:
                elements.append(value)
        if isinstance(target, ast.Name):
            bindings[target.id] = elements
        elif isinstance(target, (ast.Tuple, ast.List)):
            for i, sub in enumerate(target.elts):
                parts = [e[i] if isinstance(e, (tuple, list)) and len(e) > i else UNKNOWN for e in elements]
                self.bind(module, sub, parts, bindings, iterate=False)

    def bare_text(self, node):
        """How a message argument carries text past ``tr``: "f-string", "plain" (a literal
        with words), or None (translated, or a value such as a path or another message). A
        translated template filled by ``.format`` (``self.tr("{n} rows").format(n=...)``) is
        translated whatever its values are."""
        if isinstance(node, ast.JoinedStr):
            return "f-string"
        if isinstance(node, ast.Constant):
            return "plain" if isinstance(node.value, str) and any(c.isalpha() for c in node.value) else None
        if isinstance(node, ast.BinOp):
            kinds = {self.bare_text(node.left), self.bare_text(node.right)}
            return "f-string" if "f-string" in kinds else "plain" if "plain" in kinds else None
        if isinstance(node, ast.IfExp):
            kinds = {self.bare_text(node.body), self.bare_text(node.orelse)}
            return "f-string" if "f-string" in kinds else "plain" if "plain" in kinds else None
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join"
                and isinstance(node.func.value, ast.Constant)):
            return None  # "; ".join(values): a separator, no words
        return None

    # walking -----------------------------------------------------------------------------
    def add(self, text, module, line):
        if isinstance(text, str) and text:
            self.messages.setdefault(text, [])
            if (module.rel, line) not in self.messages[text]:
                self.messages[text].append((module.rel, line))

    def is_tr(self, call):
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "tr" and len(call.args) == 1:
            return call.args[0]
        if isinstance(func, ast.Name) and func.id == "tr" and len(call.args) == 1:
            return call.args[0]
        if (isinstance(func, ast.Attribute) and func.attr == "translate" and len(call.args) >= 2
                and literal(call.args[0]) == CONTEXT):
            return call.args[1]
        return None

    def scan_function(self, module, function):
        if function.name in ("tr", "model_text"):  # the translating helpers themselves
            return
        parents = {}
        for node in ast.walk(function):
            for child in ast.iter_child_nodes(node):
                parents[child] = node
        assigned = {}  # names unpacked from a tuple anywhere in the function
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple):
                self.bind(module, node.targets[0], self.values(module, node.value, assigned), assigned, iterate=False)
        source = None
        for node in ast.walk(function):
            if not isinstance(node, ast.Call):
                continue
            argument = self.is_tr(node)
            if argument is None:
                continue
            if (isinstance(argument, ast.Attribute) and argument.attr in TR_ATTRIBUTES
                    and isinstance(argument.value, ast.Name) and argument.value.id == "self"):
                continue  # the class attributes themselves are extracted by scan()
            if isinstance(argument, ast.JoinedStr):
                source = source or module.path.read_text(encoding="utf-8")
                self.unresolved.append((module.rel, node.lineno, ast.get_source_segment(source, argument) or "f-string"))
                continue
            bindings = dict(assigned)
            # loops and comprehensions around the call, outermost first so the innermost wins
            chain, current = [], node
            while current in parents:
                current = parents[current]
                if isinstance(current, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
                    chain.extend((g.target, g.iter) for g in reversed(current.generators))
                elif isinstance(current, ast.For) and any(node is n for b in current.body for n in ast.walk(b)):
                    chain.append((current.target, current.iter))
            for target, iterable in reversed(chain):
                self.bind(module, target, self.values(module, iterable, bindings), bindings)
            for value in self.values(module, argument, bindings):
                if isinstance(value, str):
                    self.add(value, module, node.lineno)
                else:
                    self.unresolved.append((module.rel, node.lineno, ast.dump(argument)[:80]))

    def scan(self):
        for module in self.modules.values():
            for cls in module.classes:
                for node in cls.body:
                    if isinstance(node, ast.Assign) and any(
                            isinstance(t, ast.Name) and t.id in TR_ATTRIBUTES for t in node.targets):
                        found = self.values(module, node.value, {})
                        if any(v is UNKNOWN for v in found):
                            name = next(t.id for t in node.targets if isinstance(t, ast.Name))
                            found = [self.runtime_attribute(module, cls.name, name)]
                        for value in found:
                            if isinstance(value, str):
                                self.add(value, module, node.lineno)
                            else:
                                self.unresolved.append((module.rel, node.lineno, "class attribute"))
            for node in ast.walk(module.tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    self.scan_function(module, node)
                elif isinstance(node, ast.Call) and _call_name(node) in MESSAGE_CALLS and node.args:
                    kinds = {self.bare_text(a) for a in node.args} - {None}
                    if "f-string" in kinds:
                        self.fstrings.append((module.rel, node.lineno, _call_name(node)))
                    elif self.bare_text(node.args[0]) == "plain":  # later arguments: log tags, levels
                        self.plain.append((module.rel, node.lineno, _call_name(node)))
        # the shipped models' texts, which processing/models.py passes through model_text()
        for path in sorted((self.root / "resources" / "models").glob("*.model3")):
            rel = path.relative_to(self.root).as_posix()
            for text in model_texts(path):
                self.messages.setdefault(text, [])
                if (rel, 1) not in self.messages[text]:
                    self.messages[text].append((rel, 1))
        # tr calls nested in several functions are found once per enclosing function: keep one
        self.unresolved = sorted(set(self.unresolved))
        return self


def _importable_package(root):
    """The import name of the plugin at ``root`` (``megaregion``, made importable by
    tests/_pkg.py whatever the checkout is called); None for another plugin folder."""
    if Path(root).resolve() != ROOT:
        return None
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))
    import _pkg

    _pkg.ensure_importable()
    return "megaregion"


def _call_name(call):
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def model_texts(path):
    """The texts of a shipped model (resources/models/*.model3) a user reads, which
    ``ShippedModel`` passes through ``tr``: the label of every input and output, the options
    of every enum input and the help (``ALG_DESC``), in file order."""
    texts = []
    for option in ET.parse(path).getroot().iter("Option"):
        name = option.get("name")
        if name == "ALG_DESC" or (name == "description" and option.get("value")):
            texts.append(option.get("value"))
        elif name == "parameterDefinitions":
            for enum in option.iter("Option"):
                if enum.get("name") == "options" and enum.get("type") in ("List", "StringList"):
                    texts.extend(item.get("value") for item in enum if item.get("value"))
    return [t for t in dict.fromkeys(texts) if t]


def extract(root=ROOT):
    """``{source text: [(file, line), ...]}`` of every translatable string, in source order:
    the Processing side's code, then the shipped models' labels, options and help."""
    return Extractor(root).scan().messages


# ------------------------------------------------------------------ the .ts file
def read_ts(path=TS_PATH):
    """``{source: (translation, state)}`` of context megaregion; state is '' (finished),
    'unfinished', 'vanished' or 'obsolete'."""
    if not Path(path).exists():
        return {}
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            out[message.findtext("source")] = (
                translation.text or "" if translation is not None else "",
                translation.get("type", "") if translation is not None else "unfinished",
            )
    return out


def updated_ts(messages, existing):
    """The new .ts tree: ``messages`` in source order with their translations, then the
    vanished ones."""
    root = ET.Element("TS", version="2.1", language=LANGUAGE)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT

    def message(source, translation, state, locations):
        element = ET.SubElement(context, "message")
        for filename, line in locations:
            ET.SubElement(element, "location", filename="../" + filename, line=str(line))
        ET.SubElement(element, "source").text = source
        t = ET.SubElement(element, "translation")
        t.text = translation
        if state:
            t.set("type", state)

    for source, locations in messages.items():
        translation, state = existing.get(source, ("", "unfinished"))
        if state in ("vanished", "obsolete"):
            state = "" if translation else "unfinished"
        if not translation:
            state = "unfinished"
        message(source, translation, state, locations)
    for source, (translation, state) in existing.items():
        if source not in messages:
            message(source, translation, "vanished" if state in ("", "unfinished") else state, [])
    return root


def write_ts(root, path=TS_PATH):
    ET.indent(root, "    ") if hasattr(ET, "indent") else None
    text = ET.tostring(root, encoding="unicode")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")


def lrelease_path():
    """Qt's lrelease: on PATH (Debian: qttools5-dev-tools) or in Qt's bin folders."""
    for name in ("lrelease", "lrelease-qt5", "lrelease-qt6"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/lib/qt5/bin/lrelease", "/usr/lib/qt6/bin/lrelease",
                      "/usr/lib/x86_64-linux-gnu/qt5/bin/lrelease"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def compile_qm(ts=TS_PATH, qm=QM_PATH):
    """Compile ``ts`` to ``qm`` (finished translations only); returns the .qm path."""
    tool = lrelease_path()
    if tool is None:
        raise SystemExit("lrelease not found: install Debian's qttools5-dev-tools (apt-get install qttools5-dev-tools)")
    Path(qm).parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return Path(qm)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the .ts misses or keeps strings")
    parser.add_argument("--report", action="store_true", help="list unfinished strings and f-string messages")
    parser.add_argument("--no-qm", action="store_true", help="do not compile the .qm")
    args = parser.parse_args(argv)
    extractor = Extractor(ROOT).scan()
    existing = read_ts()
    root = updated_ts(extractor.messages, existing)
    new = [s for s in extractor.messages if s not in existing]
    vanished = [s for s, (_, state) in existing.items() if s not in extractor.messages and state in ("", "unfinished")]
    revived = [s for s in extractor.messages if s in existing and existing[s][1] in ("vanished", "obsolete")]
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    print(f"{len(extractor.messages)} strings; {len(new)} new, {len(revived)} back, {len(vanished)} vanished, "
          f"{len(unfinished)} unfinished", file=sys.stderr)
    for filename, line, code in extractor.unresolved:
        print(f"  not translatable by lookup: {filename}:{line}: {code}", file=sys.stderr)
    if args.report:
        for source in unfinished:
            print("  unfinished: " + source[:100].replace("\n", " "), file=sys.stderr)
        for filename, line, call in extractor.fstrings:
            print(f"  f-string message: {filename}:{line}: {call}", file=sys.stderr)
        for filename, line, call in extractor.plain:
            print(f"  untranslated message: {filename}:{line}: {call}", file=sys.stderr)
    if args.check:
        return 1 if new or revived or vanished or unfinished else 0
    write_ts(root)
    if not args.no_qm:
        print(compile_qm(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
