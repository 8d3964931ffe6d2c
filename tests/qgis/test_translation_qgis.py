"""The Chinese interface in a running QGIS: with the plugin's translation installed, the
algorithms' display names, groups, parameter labels, options and help are Chinese (ids and
parameter names stay English); every text the algorithms ask ``tr`` for has a translation;
``qgis_process help`` follows QGIS's language (the profile's locale override, or the system's
language), and so does the error of a run with a bad input."""
import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingParameterEnum
from qgis.PyQt.QtCore import QCoreApplication, QSettings, QTranslator

from _pkg import ROOT
from data_paths import BOUNDARIES, CENSUS

sys.path.insert(0, str(ROOT / "scripts"))
import make_translations as mt  # noqa: E402

from megaregion.processing import i18n  # noqa: E402
from recording_feedback import RecordingFeedback

CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")  # Chinese characters or full-width punctuation
QGIS_PROCESS = "/usr/bin/qgis_process.bin"
#: Enum options that stay as they are in Chinese: a language's own name, and the statistics,
#: whose options are the names of the output columns (public API).
KEPT_OPTIONS = {"English", "中文 (Chinese)"}
KEPT_ENUMS = {"STATISTICS"}


@pytest.fixture(scope="module")
def qm(tmp_path_factory):
    """The translation compiled from the .ts by Qt's lrelease, in a temporary folder."""
    if mt.lrelease_path() is None:
        pytest.fail("lrelease not found: install qttools5-dev-tools (Debian) to build the translation")
    return mt.compile_qm(mt.TS_PATH, tmp_path_factory.mktemp("i18n") / "megaregion_zh_CN.qm")


@pytest.fixture
def chinese(qm):
    i18n.remove_translator()
    assert i18n.install_translator(path=str(qm))
    yield
    i18n.remove_translator()


def _algorithms(models=False):
    """The provider's algorithms, and with ``models`` its shipped models (the pipeline)."""
    provider = QgsApplication.processingRegistry().providerById("megaregion")
    return [a for a in provider.algorithms() if a.provider() is provider and (models or a.name() != "pipeline")]


def _fresh(alg_id):
    """A new instance, its parameters defined under the translation installed now."""
    return QgsApplication.processingRegistry().algorithmById(f"megaregion:{alg_id}").create()


def test_locale_follows_qgis_settings_then_the_system(tmp_path):
    settings = QSettings(str(tmp_path / "QGIS3.ini"), QSettings.Format.IniFormat)
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    assert i18n.qgis_locale(settings) == "zh_CN"
    assert i18n.qm_path("zh_CN") in (None, os.path.join(i18n.I18N_DIR, "megaregion_zh_CN.qm"))
    assert i18n.qm_path("en_US") is None and i18n.qm_path("de") is None
    settings.setValue("locale/overrideFlag", False)
    from qgis.PyQt.QtCore import QLocale

    assert i18n.qgis_locale(settings) == QLocale.system().name()


def test_chinese_provider_shows_chinese_names_parameters_and_help(chinese):
    alg = _fresh("unevenness")
    assert alg.name() == "unevenness"  # the id stays English
    assert alg.displayName() == "核心—次级城市不均衡"
    assert alg.group() == "2 分析"
    assert alg.groupId() == "analyse"
    help_text = alg.shortHelpString()
    for term in ("城市群", "核心城市", "次级城市", "泰尔指数", "Dagum 基尼系数分解", "自助法", "置换检验"):
        assert term in help_text, term
    assert "<b>" in help_text and "p_between" in help_text  # markup and field names kept
    weight = alg.parameterDefinition("WEIGHT")
    assert weight.name() == "WEIGHT"
    assert weight.description().startswith("权重，例如常住人口")
    assert alg.parameterDefinition("BOOTSTRAP").description().startswith("自助法置信区间")
    assign = _fresh("assignmegaregions")
    assert assign.parameterDefinition("MULTIPLE").options() == ["每个隶属关系一个要素", "仅第一个隶属关系"]
    assert _fresh("nighttimelight").displayName() == "夜间灯光统计"


def test_every_algorithm_is_chinese(chinese):
    """Every algorithm and the pipeline model: name, group, help, every parameter label and
    option, every output (the model's labels and help come from its file through the translation)."""
    english = []
    for alg in _algorithms(models=True):
        fresh = alg.create()
        texts = [("display name", fresh.displayName()), ("group", fresh.group()),
                 ("help", fresh.shortHelpString())]
        for p in fresh.parameterDefinitions():
            texts.append((p.name(), p.description()))
            if isinstance(p, QgsProcessingParameterEnum) and p.name() not in KEPT_ENUMS:
                texts += [(f"{p.name()} option", o) for o in p.options() if o not in KEPT_OPTIONS]
        for o in fresh.outputDefinitions():
            texts.append((f"output {o.name()}", o.description()))
        english += [f"{fresh.name()} {what}: {text}" for what, text in texts
                    if not CJK.search(text) and not (what == "group" and text == "")]  # the pipeline: no group
    assert "pipeline" in {a.name() for a in _algorithms(models=True)}
    assert not english, "English left in the Chinese interface:\n" + "\n".join(english)


class RecordingTranslator(QTranslator):
    """Records every text asked for in the plugin's context, translates nothing."""

    def __init__(self):
        super().__init__()
        self.asked = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 (Qt API)
        if context == mt.CONTEXT:
            self.asked.add(source)
        return None

    def isEmpty(self):  # noqa: N802 (Qt API)
        return False


def test_every_text_the_algorithms_ask_for_is_translated():
    """At run time, beyond what the extractor reads in the code: every text passed to tr()
    while the algorithms are created and shown has a finished translation."""
    recorder = RecordingTranslator()
    QCoreApplication.installTranslator(recorder)
    try:
        for alg in _algorithms():
            fresh = alg.create()
            fresh.displayName(), fresh.group(), fresh.shortHelpString()
    finally:
        QCoreApplication.removeTranslator(recorder)
    ts = mt.read_ts(mt.TS_PATH)
    assert len(recorder.asked) >= 150
    missing = [s for s in recorder.asked if not (s in ts and ts[s][0] and ts[s][1] == "")]
    assert not missing, "\n".join(s[:100] for s in missing)


def test_install_is_idempotent_and_removable(qm):
    i18n.remove_translator()
    assert QCoreApplication.translate("megaregion", "Drop") == "Drop"
    assert i18n.install_translator(path=str(qm))
    assert i18n.install_translator(path=str(qm))  # a second call changes nothing
    assert QCoreApplication.translate("megaregion", "Drop") == "删除"
    assert i18n.remove_translator()
    assert not i18n.remove_translator()
    assert QCoreApplication.translate("megaregion", "Drop") == "Drop"


# ------------------------------------------------------------------ qgis_process
@pytest.fixture(scope="module")
def plugin_with_qm(tmp_path_factory, qm):
    """A plugin folder like the installed one: the checkout's files, with the compiled
    translation in i18n/ (the .qm is a build product, not kept in the checkout)."""
    parent = tmp_path_factory.mktemp("plugins")
    plugin = parent / "megaregion"
    plugin.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in ("i18n", ".git", ".venv"):
            (plugin / entry.name).symlink_to(entry)
    (plugin / "i18n").mkdir()
    shutil.copy(qm, plugin / "i18n" / qm.name)
    return parent


def _qgis_process(plugin_parent, home, lang, *args, locale=None):
    """``qgis_process args`` with the plugin enabled, under system language ``lang`` (and the
    profile's locale override ``locale``)."""
    home.mkdir(exist_ok=True)
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(home / "runtime"), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=str(plugin_parent), LANG=lang, LC_ALL="", LC_MESSAGES="", LANGUAGE="")
    run = lambda *args: subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True,  # noqa: E731
                                       timeout=300)
    assert run("plugins", "enable", "megaregion").returncode == 0
    if locale is not None:
        # the profile qgis_process reads (HOME/.local/share/QGIS/QGIS3/profiles/default), as
        # Settings > Options > General > Override system locale writes it
        ini = home / ".local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
        settings = QSettings(str(ini), QSettings.Format.IniFormat)
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", locale)
        settings.sync()
    return run(*args)


def _qgis_process_help(plugin_parent, home, lang, locale=None):
    proc = _qgis_process(plugin_parent, home, lang, "help", "megaregion:unevenness", locale=locale)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


needs_qgis_process = pytest.mark.skipif(not os.path.exists(QGIS_PROCESS), reason="no qgis_process")


@needs_qgis_process
def test_qgis_process_help_is_chinese_with_the_locale_override(plugin_with_qm, tmp_path):
    out = _qgis_process_help(plugin_with_qm, tmp_path / "home", "C.UTF-8", locale="zh_CN")
    assert "核心—次级城市不均衡 (megaregion:unevenness)" in out
    assert "泰尔指数" in out and "自助法置信区间的重抽样次数" in out
    assert "BOOTSTRAP" in out  # parameter names stay English


@needs_qgis_process
def test_qgis_process_help_is_chinese_with_a_chinese_system(plugin_with_qm, tmp_path):
    out = _qgis_process_help(plugin_with_qm, tmp_path / "home", "zh_CN.UTF-8")
    assert "核心—次级城市不均衡 (megaregion:unevenness)" in out


@needs_qgis_process
def test_qgis_process_help_stays_english_when_the_override_says_english(plugin_with_qm, tmp_path):
    out = _qgis_process_help(plugin_with_qm, tmp_path / "home", "zh_CN.UTF-8", locale="en_US")
    assert "Core-secondary unevenness (megaregion:unevenness)" in out
    assert not CJK.search(out.split("Description", 1)[0])


@needs_qgis_process
def test_qgis_process_run_reports_a_bad_input_in_chinese(plugin_with_qm, tmp_path):
    """A Chinese system: the error of a run whose TABLE_KEY is not a field of the table is the
    Chinese message, naming the parameter, the value and the table's file; nothing is written."""
    out, unmatched = tmp_path / "joined.gpkg", tmp_path / "unmatched.csv"
    proc = _qgis_process(plugin_with_qm, tmp_path / "home", "zh_CN.UTF-8", "run", "megaregion:joinindicators", "--",
                         f"INPUT={BOUNDARIES}", "INPUT_KEY=adcode", f"TABLE={CENSUS}", "TABLE_KEY=citycode",
                         f"OUTPUT={out}", f"UNMATCHED={unmatched}")
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0, text
    message = next((line for line in text.splitlines() if "TABLE_KEY“citycode”" in line), None)
    assert message is not None, text
    assert re.search(f"TABLE_KEY“citycode”不是 TABLE（{re.escape(CENSUS.name)}）\\s*的字段", message), message
    assert "请选择存放行政区划代码或名称的字段" in message and "city_code" in message  # the fix and the fields
    assert "is not a field" not in text
    assert not out.exists() and not unmatched.exists()


def test_a_run_logs_and_styles_in_chinese(chinese, run_alg, tmp_path):
    """Under the Chinese translation the run's summary is Chinese and the output's legend names
    the mega-regions by their Chinese names (the codes kept), as it names the other classes."""
    out = tmp_path / "assigned.gpkg"
    feedback = RecordingFeedback()
    run_alg("megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode", "OUTPUT": str(out)}, feedback)
    summary = [line for line in feedback.lines if "城市群" in line]
    assert summary == ["19 个城市群共有 248 条地级市成员关系（核心城市 35 个，次级城市 213 个）；"
                       "130 个地级市不属于任何城市群。"], feedback.lines
    with contextlib.closing(sqlite3.connect(out)) as con:
        qml = con.execute("SELECT styleQML FROM layer_styles WHERE useAsDefault").fetchone()[0]
    labels = re.findall(r'<rule [^>]*label="([^"]*)"', qml)
    assert len(labels) == 19 + 2
    assert "京津冀城市群（BTH）" in labels and "长三角城市群（YRD）" in labels
    assert labels[-2:] == ["不属于任何城市群", "核心城市"]
    assert not [label for label in labels if not CJK.search(label)]


@pytest.fixture(scope="module")
def census_members():
    """The bundled prefectures with their mega-regions and three census indicators of 2010 and 2020."""
    from qgis import processing

    assigned = processing.run("megaregion:assignmegaregions",
                              {"INPUT": str(BOUNDARIES), "KEY": "adcode", "OUTPUT": "memory:"})["OUTPUT"]
    fields = [f"{name}_{year}" for name in ("popu", "popu_urban", "age_65") for year in (2010, 2020)]
    return processing.run("megaregion:joinindicators", {
        "INPUT": assigned, "INPUT_KEY": "adcode", "TABLE": str(CENSUS), "TABLE_KEY": "city_code",
        "FIELDS": fields, "OUTPUT": "memory:", "UNMATCHED": "memory:"})["OUTPUT"]


def test_a_typology_run_writes_its_types_and_report_in_chinese(chinese, census_members, run_alg, tmp_path):
    """Under the Chinese translation the typology's type labels and descriptions and the HTML
    report are Chinese; field names and type letters stay as they are."""
    report = tmp_path / "typology.html"
    out = run_alg("megaregion:typology", {
        "INPUT": census_members, "INDICATORS": ["popu_2020", "popu_urban_2020", "age_65_2020"],
        "COST_INDICATORS": ["age_65_2020"], "K": 3, "STABILITY_RESAMPLES": 0,
        "OUTPUT": "memory:", "OUTPUT_CORES": "memory:", "OUTPUT_PROFILES": "memory:", "OUTPUT_HTML": str(report)})
    cities = out["OUTPUT"]
    labels = {f["type"]: f["type_label"] for f in cities.getFeatures() if f["type"]}
    assert sorted(labels) == ["A", "B", "C"], labels
    assert labels["A"].startswith("A — 最接近核心城市（") and labels["C"].startswith("C — 落后核心城市最多（"), labels
    descriptions = [f["type_description"] for f in cities.getFeatures() if f["type"]]
    assert all(CJK.search(d) for d in descriptions), descriptions[:3]
    html = report.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html and "次级城市类型划分" in html, html[:400]
    assert "closest to the cores" not in html and "Typology of secondary cities" not in html


def test_an_unevenness_run_writes_its_report_in_chinese(chinese, census_members, run_alg, tmp_path):
    """Under the Chinese translation the unevenness report is Chinese: title, measure, mega-region
    and indicator names."""
    report = tmp_path / "unevenness.html"
    run_alg("megaregion:unevenness", {
        "INPUT": census_members, "INDICATORS": ["popu_2010", "popu_2020"], "BOOTSTRAP": 0, "PERMUTATIONS": 0,
        "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": "memory:", "OUTPUT_HTML": str(report)})
    html = report.read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in html
    for words in ("各城市群核心—次级城市不均衡", "泰尔指数", "京津冀城市群", "常住人口"):
        assert words in html, words
    assert "Core-secondary unevenness by mega-region" not in html and "Beijing-Tianjin-Hebei" not in html


def test_an_error_found_by_core_is_chinese(chinese, census_members, run_alg, tmp_path):
    """A bad input that core finds (not the algorithm's own checks) is reported in Chinese too:
    a membership table without the columns the plugin needs."""
    from qgis.core import QgsProcessingException

    table = tmp_path / "members.csv"
    table.write_text("megaregion_id,megaregion,adcode,role\nXX,Test region,110000,secondary\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        run_alg("megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode",
                                                  "MEMBERSHIP": str(table), "OUTPUT": "memory:"})
    message = str(error.value)
    assert message.startswith("MEMBERSHIP（members.csv）：城市群成员表缺少字段 megaregion_en"), message
    assert "请补上" in message and "resources/data/megaregions/membership.csv" in message, message  # the fix
