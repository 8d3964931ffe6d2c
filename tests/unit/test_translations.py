"""The Chinese interface is complete and faithful: every string the Processing side passes
through ``tr`` has a finished translation in i18n/megaregion_zh_CN.ts, no translation drops a
placeholder, an HTML tag or a parameter name of its source, and every message a user reads
(errors, log lines) is a translatable template: none is built with an f-string or passes
English text around ``tr``. The extractor itself (scripts/make_translations.py) is tested on a
small made-up plugin."""
import re
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import make_translations as mt  # noqa: E402

try:
    import qgis.core  # noqa: F401

    HAVE_QGIS = True
except ImportError:
    HAVE_QGIS = False

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}|%\d+|%\([A-Za-z_]+\)[sdfgr]|%[sdfgr]")
#: A named placeholder of a message template: name, conversion, format specification.
TEMPLATE_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(![rsa])?(?::([^{}]*))?\}")
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*\s*/?>")
#: Parameter names (public API) quoted in the help: they must stay as they are.
PARAMETER = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")


def problems(source, translation):
    """What ``translation`` loses or adds of ``source``'s placeholders, tags and parameter names."""
    found = []
    for what, pattern in (("placeholder", PLACEHOLDER), ("tag", TAG), ("parameter name", PARAMETER)):
        want, got = Counter(pattern.findall(source)), Counter(pattern.findall(translation))
        if what == "parameter name":  # a name may be said once more or less, never lost
            want, got = Counter(set(want)), Counter(set(got))
        if want != got:
            found.append(f"{what}s differ: missing {sorted((want - got).elements())}, "
                         f"extra {sorted((got - want).elements())}")
    return found


@pytest.fixture(scope="module")
def extractor():
    return mt.Extractor(mt.ROOT).scan()


@pytest.fixture(scope="module")
def ts():
    return mt.read_ts(mt.TS_PATH)


def _needs_qgis(entry):
    # help texts computed on import (an f-string with the products' thresholds) are read from
    # the imported class, which needs PyQGIS; the Debian run checks them
    return not HAVE_QGIS and entry[2] == "class attribute"


def test_every_tr_argument_can_be_looked_up(extractor):
    unresolved = [u for u in extractor.unresolved if not _needs_qgis(u)]
    assert not unresolved, "tr() of a text the extractor cannot know (f-string or computed):\n" + "\n".join(
        f"{f}:{line}: {code}" for f, line, code in unresolved)


def test_every_string_has_a_finished_translation(extractor, ts):
    messages = extractor.messages
    assert len(messages) >= 150  # display names, groups, parameters, options, help of 10 algorithms
    missing = [s for s in messages if s not in ts or not ts[s][0].strip() or ts[s][1] != ""]
    assert not missing, (f"{len(missing)} strings without a finished zh_CN translation: run "
                         "scripts/make_translations.py and translate them in i18n/megaregion_zh_CN.ts:\n"
                         + "\n".join(s[:120].replace("\n", " ") for s in missing))


def test_the_interface_names_are_translated_in_the_planning_terms(ts):
    expected = {
        "Core-secondary unevenness": "核心—次级城市不均衡",
        "2 Analyse": "2 分析",
        "Nighttime-light statistics": "夜间灯光统计",
        "Weights of the composite TOPSIS score": "逼近理想解排序法（TOPSIS）",
        "Bootstrap resamples for the intervals (0: no intervals)": "自助法置信区间",
        "Permutations for the p-value of the core-secondary split (0: no test)": "置换检验",
        "Resamples of the type stability (0 = off)": "聚类稳定性",
    }
    for source, words in expected.items():
        assert words in ts[source][0], (source, ts[source][0])
    unevenness_help = next(t for s, (t, _) in ts.items() if s.startswith("How large is the gap"))
    for term in ("城市群", "核心城市", "次级城市", "泰尔指数", "基尼系数", "Dagum 基尼系数分解", "常住人口"):
        assert term in unevenness_help, term


def test_translations_keep_placeholders_tags_and_parameter_names(ts):
    bad = {}
    for source, (translation, state) in ts.items():
        if translation:
            found = problems(source, translation)
            if found:
                bad[source[:80]] = found
    assert not bad, bad


def test_translations_are_chinese(ts):
    # Chinese characters, or at least Chinese full-width punctuation (WGS84（GPS，EPSG:4326）)
    for source, (translation, _) in ts.items():
        assert re.search(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]", translation), (source, translation)


def test_no_user_message_is_an_fstring_or_english_around_tr(extractor):
    """QgsProcessingException, pushInfo, pushWarning, reportError, logMessage ... get
    ``self.tr("... {name} ...").format(name=...)`` (or ``tr`` of processing/i18n.py outside an
    algorithm): an f-string cannot be looked up in the translation, and English text joined to a
    translated one stays English."""
    found = [f"{f}:{line}: {call} ({kind})" for kind, entries in (("f-string", extractor.fstrings),
                                                                   ("English text", extractor.plain))
             for f, line, call in entries]
    assert not found, "messages that bypass the translation:\n" + "\n".join(found)


def _sample(spec):
    return 1.5 if spec and spec[-1:] in "eEfFgGn%" else 3 if spec and spec[-1:] in "dxXob" else "x"


def test_translated_templates_fill_in_like_their_source(ts):
    """A translation of a message template takes the same named values as its source (no
    stray or full-width brace breaks ``.format`` at run time)."""
    checked = 0
    for source, (translation, _) in ts.items():
        fields = TEMPLATE_FIELD.findall(source)
        stripped = TEMPLATE_FIELD.sub("", source)
        if not fields or "{" in stripped or "}" in stripped or not translation:
            continue  # not a template (e.g. a help text that shows a brace)
        values = {name: _sample(spec) for name, _, spec in fields}
        source.format(**values)
        try:
            translation.format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise AssertionError(f"{translation!r} cannot be filled like {source!r}: {exc!r}") from exc
        checked += 1
    assert checked >= 100


def test_the_check_finds_a_dropped_placeholder_tag_or_parameter():
    assert problems("Title ({layer} = layer name)", "标题（= 图层名称）")
    assert problems("Mean silhouette {value:.4f}", "平均轮廓系数 {value}")
    assert problems("raster {path!r}", "栅格 {path}")
    assert problems("<b>Input</b>: prefectures", "输入：地级市")
    assert problems("(MAP_EXTENT): a map", "（地图范围）：地图")
    assert problems("%s rows", "行")
    assert not problems("<b>Input</b> (MAP_EXTENT) {layer} %s", "<b>输入</b>（MAP_EXTENT）{layer} %s")


# ------------------------------------------------------------------ the extractor
def _plugin(tmp_path, code, helper=None):
    (tmp_path / "processing").mkdir()
    (tmp_path / "processing" / "algs.py").write_text(textwrap.dedent(code), encoding="utf-8")
    if helper:
        (tmp_path / "processing" / "helptext.py").write_text(textwrap.dedent(helper), encoding="utf-8")
    return tmp_path


def test_extractor_finds_literals_constants_options_and_class_attributes(tmp_path):
    root = _plugin(tmp_path, '''
        from .helptext import long_help
        OPTIONS = ["First option", "Second option"]
        POOLS = [("Pooled", "all"), ("Separately", "each")]

        class Alg:
            DISPLAY_NAME = "My algorithm"
            GROUP = "1 Prepare data"
            HELP = long_help()
            OUTPUT_LABEL = "Output layer"

            def initAlgorithm(self):
                self.tr("Input " "layer")
                self.tr("Concatenated" + " with plus")
                [self.tr(o) for o in OPTIONS]
                [self.tr(p[0]) for p in POOLS]
                [self.tr(c) for c in ("Inline a", "Inline b")]
                self.tr(self.OUTPUT_LABEL)
                for name, label in (("A", "Looped label"),):
                    self.tr(label)
                first, second = ("Unpacked one", "Unpacked two")
                self.tr(second)
                x = 3
                self.tr(f"Count {x}")
                raise QgsProcessingException(f"{x} is wrong")
        ''', helper='''
        def long_help():
            return "Help " + "built by a function"
        ''')
    ex = mt.Extractor(root).scan()
    assert set(ex.messages) == {
        "My algorithm", "1 Prepare data", "Help built by a function",
        "Input layer", "Concatenated with plus", "First option", "Second option", "Pooled", "Separately",
        "Inline a", "Inline b", "Output layer", "Looped label", "Unpacked two",
    }
    assert "Unpacked one" not in ex.messages
    assert [(f, code) for f, _, code in ex.unresolved] == [("processing/algs.py", 'f"Count {x}"')]
    assert [(f, call) for f, _, call in ex.fstrings] == [("processing/algs.py", "QgsProcessingException")]


def test_extractor_finds_message_templates_and_messages_that_bypass_tr(tmp_path):
    root = _plugin(tmp_path, '''
        from .i18n import tr
        LEFT_OUT = {"gap": "{n} left out of the gap typology", "trend": "{n} left out of the trend typology"}

        def problem(path):
            return tr("'{path}' does not exist").format(path=path)

        def summary(kind, n, feedback):
            feedback.pushWarning(tr(LEFT_OUT[kind]).format(n=n))
            feedback.pushInfo("  " + kind + ": " + str(n))  # values only: nothing to translate

        class Alg:
            def compute(self, feedback, n, path):
                feedback.pushInfo(self.tr("Joined {count} rows").format(count=n))
                feedback.pushInfo("Removed: " + path)
                raise QgsProcessingException("Cancelled")
                feedback.pushWarning(f"{n} rows" + " more")
                QgsMessageLog.logMessage(self.tr("{path} could not be read").format(path=path), "Tag", 2)
        ''')
    ex = mt.Extractor(root).scan()
    assert set(ex.messages) == {"'{path}' does not exist", "{n} left out of the gap typology",
                                "{n} left out of the trend typology", "Joined {count} rows",
                                "{path} could not be read"}
    assert not ex.unresolved
    assert [(call, line) for _, line, call in ex.fstrings] == [("pushWarning", 17)]
    assert [(call, line) for _, line, call in ex.plain] == [("pushInfo", 15), ("QgsProcessingException", 16)]


def test_update_keeps_translations_marks_new_unfinished_and_old_vanished(tmp_path):
    ts_path = tmp_path / "x.ts"
    existing = {"Kept": ("保留", ""), "Gone": ("消失", ""), "Half": ("", "unfinished"),
                "Back": ("回来", "vanished")}
    messages = {"Kept": [("processing/a.py", 1)], "New": [("processing/a.py", 2)],
                "Half": [("processing/a.py", 3)], "Back": [("processing/a.py", 4)]}
    mt.write_ts(mt.updated_ts(messages, existing), ts_path)
    assert mt.read_ts(ts_path) == {
        "Kept": ("保留", ""), "New": ("", "unfinished"), "Half": ("", "unfinished"),
        "Back": ("回来", ""), "Gone": ("消失", "vanished"),
    }


def test_sources_with_markup_survive_the_ts_round_trip(tmp_path):
    ts_path = tmp_path / "x.ts"
    source = "<b>Input</b>: &lt;name&gt;_&lt;year&gt; & \"quotes\"\n\nsecond paragraph 城市群"
    mt.write_ts(mt.updated_ts({source: [("processing/a.py", 1)]}, {source: ("<b>输入</b>", "")}), ts_path)
    assert mt.read_ts(ts_path) == {source: ("<b>输入</b>", "")}
