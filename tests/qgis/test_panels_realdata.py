"""The real 21-year night-light panel (NPP-VIIRS-like prefecture statistics 2000-2020, a
third-party table in the shared test data, never bundled) through megaregion:trend and
megaregion:unevenness with every year: trajectories, sigma and beta rows, and both reports in
English and Chinese. Skipped where the shared data are absent."""
import contextlib
import math
import os
import sys
from pathlib import Path

import pytest
from qgis.core import NULL

from _pkg import ROOT
from data_paths import BOUNDARIES

sys.path.insert(0, str(ROOT / "scripts"))
import make_translations as mt  # noqa: E402

from megaregion.processing import i18n  # noqa: E402

PANEL = Path(os.environ.get("MEGAREGION_SHARED", "/work/shared")) / "data" / "realdata" / \
    "npp-viirs-like-city-zonal-xlsx" / "2000~2020年全国各城市夜间灯光数据.xlsx"
YEARS = list(range(2000, 2021))
pytestmark = pytest.mark.skipif(not PANEL.exists(), reason="the shared real-data panel is not on this machine")


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, [None if v == NULL else v for v in f.attributes()])) for f in layer.getFeatures()]


@pytest.fixture(scope="module")
def qm(tmp_path_factory):
    if mt.lrelease_path() is None:
        pytest.fail("lrelease not found: install qttools5-dev-tools (Debian) to build the translation")
    return mt.compile_qm(mt.TS_PATH, tmp_path_factory.mktemp("i18n") / "megaregion_zh_CN.qm")


@contextlib.contextmanager
def language(lang, qm):
    """The interface in ``lang``: the plugin's Chinese translation installed for "zh"."""
    i18n.remove_translator()
    if lang == "zh":
        assert i18n.install_translator(path=str(qm))
    try:
        yield
    finally:
        i18n.remove_translator()


@pytest.fixture(scope="module")
def panel_layer():
    from qgis import processing

    assigned = processing.run(
        "megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode", "OUTPUT": "memory:"})["OUTPUT"]
    joined = processing.run("megaregion:joinindicators", {
        "INPUT": assigned, "INPUT_KEY": "adcode", "TABLE": str(PANEL), "TABLE_KEY": "市代码", "MATCH_BY": 0,
        "FIELDS": ["总和"], "YEAR_FIELD": "年份", "OUTPUT": "memory:", "UNMATCHED": "memory:"})["OUTPUT"]
    return joined


def test_real_panel_trend_over_21_years(run_alg, panel_layer, tmp_path, qm):
    fields = [f for f in panel_layer.fields().names() if f.startswith("总和_")]
    assert len(fields) == 21
    reports = {}
    for lang in ("en", "zh"):
        html = tmp_path / f"trend_{lang}.html"
        with language(lang, qm):
            result = run_alg("megaregion:trend", {
                "INPUT": panel_layer, "INDICATORS": fields, "K_MAX": 4, "STABILITY_RESAMPLES": 0, "OUTPUT": "memory:",
                "OUTPUT_CORES": None, "OUTPUT_PROFILES": None, "OUTPUT_HTML": str(html)})
        reports[lang] = html.read_text(encoding="utf-8")
    cities = rows(result["OUTPUT"])
    with_trajectory = [c for c in cities if c["trajectory_总和"] is not None]
    assert len(with_trajectory) > 150
    counts = {v: sum(c["trajectory_总和"] == v for c in with_trajectory)
              for v in ("catching_up", "falling_behind", "no_clear_trend")}
    assert sum(counts.values()) == len(with_trajectory) and counts["catching_up"] and counts["falling_behind"]
    for c in with_trajectory:
        assert 0 <= c["mk_p_总和"] <= 1 and 0 <= c["mk_p_gap_总和"] <= 1
        assert c["slope_总和"] is not None and not math.isnan(c["slope_总和"])
    assert "Trajectories of the secondary cities, 2000–2020" in reports["en"]
    assert "次级城市的发展轨迹（2000–2020 年）" in reports["zh"]


def test_real_panel_unevenness_over_21_years(run_alg, panel_layer, tmp_path, qm):
    fields = [f for f in panel_layer.fields().names() if f.startswith("总和_")]
    pages = {}
    for lang in ("en", "zh"):
        html = tmp_path / f"unevenness_{lang}.html"
        with language(lang, qm):
            r = run_alg("megaregion:unevenness", {
                "INPUT": panel_layer, "INDICATORS": fields, "BOOTSTRAP": 199, "PERMUTATIONS": 0, "HEADLINE": 0,
                "OUTPUT_TABLE": "memory:", "OUTPUT_REGIONS": "memory:", "OUTPUT_HTML": str(html)})
        pages[lang] = html.read_text(encoding="utf-8")
    table = rows(r["OUTPUT_TABLE"])
    years = {t["year"] for t in table if t["row_type"] == "year"}
    assert years == set(YEARS)
    sigma = [t for t in table if t["row_type"] == "sigma" and t["measure"] == "theil"]
    beta = [t for t in table if t["row_type"] == "beta"]
    assert len(sigma) == len(beta) == 19
    assert all(t["first_year"] == 2000 and t["last_year"] == 2020 for t in sigma + beta)
    assert any(t["verdict"] != "unclear" for t in sigma)
    assert any(t["half_life_years"] is not None for t in beta)
    verdicts = {g["megaregion_id"]: g["sigma_verdict_总和"] for g in rows(r["OUTPUT_REGIONS"])}
    assert verdicts == {t["megaregion"]: t["verdict"] for t in sigma}
    assert "Convergence over the years" in pages["en"] and "历年收敛情况" in pages["zh"]
