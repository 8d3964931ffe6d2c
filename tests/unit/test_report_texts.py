"""The reports in Chinese (lang="zh"): the unevenness and typology reports of the fixtures of
test_reports.py have every heading, header, sentence, legend, chart label and note in Chinese,
with the Chinese names of the measures, mega-regions and indicators, and no English sentence
left; the English reports are unchanged; the phrase tables are complete."""
import html
import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

from megaregion.core import report_base as rb
from megaregion.core import report_texts as rt
from megaregion.core import typology as ty
from megaregion.core.indicators import indicator_name
from megaregion.core.measures import DEFAULT_HEADLINE, MEASURES as INFO
from megaregion.core.regions import find_region, region_name
from megaregion.core.report_typology import heatmap, typology_report_html, write_typology_report
from megaregion.core.report_unevenness import DEFAULT_MEASURES, unevenness_report_html
from megaregion.core.typology_tables import type_labels
from megaregion.core.unevenness import UnevennessInputError, unevenness_table

from test_reports import REGIONS, cities, gap_result, plain_table, typology_frame, with_uncertainty

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
# words a Chinese report keeps: names of methods and people, symbols, and the data's own names
# ("jh", "nb": subscripts of formulas; PC1, PC2: the principal components)
KEPT = {"Dagum", "Jaccard", "Hennig", "TOPSIS", "ln", "jh", "nb", "km", "PC",
        "Mann", "Kendall", "Barro", "Sala-i-Martin", "Friedman", "Quah", "Sen", "Theil"}  # authors of methods


def visible(page):
    """The text a reader sees: the page without style and tags, plus tooltips and SVG labels."""
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    tips = re.findall(r'(?:title|aria-label)="([^"]*)"', page)
    text = re.sub(r"<title>.*?</title>", "", page, count=1, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text) + " " + " ".join(tips))


def english_words(text, allowed):
    """Words of two or more Latin letters (with the data's names taken out first)."""
    for name in sorted(allowed, key=len, reverse=True):
        text = text.replace(name, " ")
    return set(re.findall(r"[A-Za-z][A-Za-z'\-]+", text)) - KEPT


def cells(page, tag):
    return [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<%s[^>]*>(.*?)</%s>" % (tag, tag), page, re.S)]


def uneven_table_with_problems():
    """The fixture's table, and one with a year whose cores have no value (a problems row)."""
    frame = cities()
    frame.loc[(frame["megaregion_id"] == "CY") & (frame["role"] == "core"), "gdp_2015"] = np.nan
    frame.loc[frame["name"] == "YRD-4", "popu_2020"] = np.nan
    return unevenness_table(frame, ["gdp_2010", "gdp_2015", "gdp_2020", "popu_2010", "popu_2020", "area"],
                            labels_field="name")


DATA_NAMES = {"Own region", "gdp", "area"} | set(cities()["name"])


@pytest.mark.parametrize("make", [lambda: with_uncertainty(plain_table()), plain_table, uneven_table_with_problems])
def test_unevenness_report_in_chinese_has_no_english_left(make):
    table = make()
    en = unevenness_report_html(table, confidence=95)
    zh = unevenness_report_html(table, confidence=95, lang="zh")
    assert zh.startswith('<!DOCTYPE html>\n<html lang="zh-CN">') and en.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert 'body{font-family:"Noto Sans CJK SC"' in zh and rb.CSS_ZH in zh and rb.CSS_ZH not in en
    leftover = english_words(visible(zh), DATA_NAMES)
    assert not leftover, sorted(leftover)
    assert english_words(visible(en), DATA_NAMES) >= {"Summary", "Details", "Mega-region", "wider", "value"}
    # every heading and table header says something in Chinese, unless it is a year or a data name
    for text in cells(zh, "h1") + cells(zh, "h2") + cells(zh, "h3") + cells(zh, "th"):
        assert CJK.search(text) or re.fullmatch(r"[\d\s]*|Own region|gdp|area", text), text
    # the names core has in Chinese: measures, mega-regions, indicators
    for m in DEFAULT_MEASURES:
        assert INFO[m].zh in zh and INFO[m].en not in zh
    for code in REGIONS:
        if find_region(code):
            assert region_name(code, "zh") in zh and find_region(code).en not in zh
    assert indicator_name("popu", "zh") in zh and "Population" not in zh
    assert "<h2 id=\"summary\">概要</h2>" in zh and "<h2 id=\"details\">各测度详情</h2>" in zh


def test_unevenness_summary_sentences_verdicts_and_notes_in_chinese():
    table = with_uncertainty(plain_table())
    zh = unevenness_report_html(table, confidence=95, lang="zh")
    findings = re.search(r'<ul class="findings">(.*?)</ul>', zh, re.S).group(1)
    # the same numbers as the English findings, in Chinese sentences
    assert "<b>gdp</b>，2010&ndash;2020 年：5 个城市群中，核心城市与次级城市的差距扩大的有 3 个，缩小的有 2 个。" in findings
    assert "扩大最多：%s +" % region_name("PRD", "zh") in findings
    assert "缩小最多：%s -" % region_name("BTH", "zh") in findings
    assert "<b>常住人口</b>，2010&ndash;2020 年：5 个城市群中，核心城市与次级城市的差距扩大的有 5 个（其中 4 个明确）" in findings
    assert ">扩大，明确</td>" in zh and ">扩大，不明确</td>" in zh and ">缩小</td>" in zh
    assert "<th class=\"num\">2010–2020 年变化</th>" in zh and "泰尔指数组间贡献率（2020 年）" in zh
    assert "%s：只有一个核心城市：置信区间仅反映次级城市的变动" % region_name("CY", "zh") in zh
    assert "95% 自助法置信区间" in zh and "置换检验" in zh
    assert ">差距缩小<span" in zh and "</span>差距扩大 &nbsp;" in zh and "无数值</div>" in zh
    # a negative interval says 至, never "to"
    assert re.search(r"\(-\d\.\d+ 至 -?\d\.\d+\)", zh) and " to " not in visible(zh)
    # charts: Chinese captions and tooltips
    charts = [ET.fromstring(s) for s in re.findall(r"<svg .*?</svg>", zh, re.S)]
    assert charts[0].get("aria-label") == "%s，gdp" % region_name("BTH", "zh")
    assert charts[0].find("circle/title").text.startswith("2010 年：")


def test_problems_section_in_chinese():
    table = uneven_table_with_problems()
    en = unevenness_report_html(table)
    zh = unevenness_report_html(table, lang="zh")
    assert "Rows without measures" in en and "no valid core value (all NULL)" in en
    problems = zh[zh.index('<h2 id="problems">'):]
    assert "无法计算测度的行" in problems and "核心城市没有有效数值（全部为空）" in problems
    assert [h for h in cells(problems, "th")] == list(rt.text("problems header", "zh"))
    assert "1 个城市数值为空，已剔除（YRD-4）" in zh


def test_typology_report_in_chinese_has_no_english_left():
    from megaregion.core import typology as ty

    frame = typology_frame()
    args = dict(cost_indicators=["PM25"], name_field="name", k=2, n_init=5, stability_resamples=20)
    indicators = ["long_indicator_name_gdp_per_capita", "PM25", "green"]
    en_result = ty.gap_typology(frame, indicators, **args)
    zh_result = ty.gap_typology(frame, indicators, lang="zh", **args)
    zh_result.types.loc["B", "stability"] = 0.41             # one unstable type, said in Chinese
    en = typology_report_html(en_result)
    zh = typology_report_html(zh_result, lang="zh")
    names = set(frame["name"]) | set(indicators) | {"Own region"}
    leftover = english_words(visible(zh), names)
    assert not leftover, sorted(leftover)
    assert english_words(visible(en), names) >= {"Typology", "cities", "closest", "silhouette"}
    for text in cells(zh, "h1") + cells(zh, "h2") + cells(zh, "h3") + cells(zh, "th"):
        assert CJK.search(text) or text in names or re.fullmatch(r"K", text), text
    assert '<html lang="zh-CN">' in zh and "<h1>次级城市类型划分</h1>" in zh
    for _, label in type_labels(zh_result, "zh"):
        assert rb.esc(label) in zh
    assert "0.41 <span class=\"warn\">不稳定</span>" in zh and "不稳定的类型：B。" in zh
    assert region_name("BTH", "zh") in zh and region_name("CY", "zh") in zh and "Beijing" not in zh
    assert all(d in zh for d in zh_result.types["description"]) and "类型 A（" in zh
    # a trend and a gap typology on one page, the trend's title in Chinese
    trend_frame = frame.rename(columns={"green": "green_2010"}).assign(green_2020=lambda f: f["green_2010"] ** 2)
    trend = ty.trend_typology(trend_frame, ["green"], 2010, 2020, name_field="name", k=2, n_init=5, lang="zh")
    both = typology_report_html(zh_result, trend, title="Development trends of secondary cities", lang="zh")
    assert "<h1>次级城市发展趋势</h1>" in both and "<h2>次级城市发展趋势</h2>" in both
    assert "趋势 = 第二年绩效值 &minus; 第一年绩效值" in both and "A — 改善最多" in both
    assert not english_words(visible(both), names)


def test_reasons_and_messages_of_a_typology_in_chinese():
    frame = typology_frame()
    frame.loc[frame["name"] == "BTH-3", "green"] = np.nan
    frame["flat"] = 1.0
    result = ty.gap_typology(frame, ["long_indicator_name_gdp_per_capita", "green", "flat"], name_field="name",
                             k=2, n_init=5, lang="zh")
    zh = typology_report_html(result, lang="zh")
    assert "<td>%s</td><td>BTH-3</td><td>green 为空值</td>" % region_name("BTH", "zh") in zh
    assert "剔除指标：指标 &#x27;flat&#x27; 取值恒定（" in zh and "个有效值均为 1.0，无法极差标准化；城市：" in zh
    assert not english_words(visible(zh), set(frame["name"]) | {"long_indicator_name_gdp_per_capita", "green", "flat",
                                                                "Own region"})
    assert "1 个次级城市未参与分类：BTH-3（green 为空值）" in zh
    assert "设置：比较范围：全部城市；核心城市参照：核心城市均值；K：2；" in zh


def test_english_reports_are_unchanged_by_the_language_keyword():
    table = with_uncertainty(plain_table())
    assert unevenness_report_html(table, confidence=95) == unevenness_report_html(table, confidence=95, lang="en")
    result = gap_result()
    page = typology_report_html(result)
    assert page == typology_report_html(result, lang="en") and '<html lang="en">' in page
    assert rb.CSS_ZH not in page
    # the English words of the existing expectations
    assert "Headline measure: <b>%s</b> <span class=\"zh\">%s</span>" % (
        rb.esc(INFO[DEFAULT_HEADLINE].en), INFO[DEFAULT_HEADLINE].zh) in unevenness_report_html(table)
    assert "A — " in page and "(" in page and "个城市" not in page


def test_a_language_the_reports_are_not_written_in_is_an_error():
    with pytest.raises(UnevennessInputError, match=r"lang = 'fr'.*use 'en' or 'zh'"):
        unevenness_report_html(plain_table(), lang="fr")
    with pytest.raises(ValueError, match=r"lang = 'de'"):
        typology_report_html(gap_result(resamples=0), lang="de")
    with pytest.raises(ValueError, match=r"lang = None"):
        ty.gap_typology(typology_frame(), ["green"], name_field="name", k=2, n_init=2, lang=None)


def test_write_typology_report_in_chinese(tmp_path):
    path = write_typology_report(tmp_path / "t.html", gap_result(resamples=0), lang="zh")
    text = path.read_text(encoding="utf-8")
    assert "<h1>次级城市类型划分</h1>" in text and "各类型在各城市群中的城市" in text


def test_chinese_labels_fit_inside_the_heatmap():
    result = gap_result(resamples=0)
    centres = result.type_centres.rename(columns={"green": "ndvi_mean_2023", "PM25": "ntl_lit_area_km2_2020"})
    svg = heatmap(centres, "中心", lang="zh")
    tree = ET.fromstring(svg)
    width = float(tree.get("width"))
    labels = [t for t in tree.findall("text") if t.get("transform")]
    assert [t.text for t in labels][1:] == ["2020年夜间灯光面积（km²）", "2023年归一化植被指数均值"]
    for t in labels:
        reach = rb.text_width(t.text, 11) * math.sqrt(0.5)
        assert float(t.get("x")) + reach <= width and float(t.get("y")) - reach >= 0, t.text


def test_text_width_counts_chinese_characters_as_wide():
    assert rb.text_width("城市群", 10) == 30.0
    assert rb.text_width("（%）", 10) == pytest.approx(10 + 6.2 + 10)
    assert rb.text_width("abc", 10) == pytest.approx(18.6)


def test_every_phrase_has_both_languages_with_the_same_placeholders():
    conversions = re.compile(r"%[-+ #0]*\d*(?:\.\d+)?[sdgf%]")
    for key, (en, zh) in rt.TEXTS.items():
        if isinstance(en, tuple):
            assert len(en) == len(zh) and all(CJK.search(z) for z in zh), key
            continue
        if key not in ("unstable types", "stable types"):     # filled in each language's own order
            assert conversions.findall(en) == conversions.findall(zh), key
        words = re.sub(r"<[^>]+>|&\w+;|%[^a-z ]*[sdgf]", "", en)
        if re.search(r"[A-Za-z]{3,}", words):
            assert CJK.search(zh), key
    for key, text in rt.MEASURE_EXPLAIN_ZH.items():
        assert key in INFO and CJK.search(text)
    assert set(rt.MEASURE_EXPLAIN_ZH) == set(INFO)


@pytest.mark.parametrize("note,expected", [
    ("no core city in the mega-region", "城市群没有核心城市"),
    ("2010: no valid secondary value (all NULL); 2020: all values are zero: inequality is undefined",
     "2010 年：次级城市没有有效数值（全部为空）；2020 年：数值全部为 0：不均衡程度无定义"),
    ("city sets differ: 2 cities only in 2010, 0 only in 2020", "两年城市集合不同：2 个城市仅在 2010 年有数值，0 个仅在 2020 年有数值"),
    ("no interval for ratio, gini: undefined in some resamples", "核心与次级城市均值比、基尼系数没有置信区间：部分重抽样中无定义"),
    ("the permutation p cannot be below 0.2: only 5 ways to choose 1 core among 5 cities",
     "置换检验 p 值不可能低于 0.2：在 5 个城市中选 1 个核心城市只有 5 种方式"),
    ("year 2010: Indicator 'x' is constant over all cities (all 3 valid values equal 1.0: min-max performance is "
     "undefined; cities a, b, c); dropped",
     "2010 年：指标 'x' 取值恒定（3 个有效值均为 1.0，无法极差标准化；城市：a, b, c），已剔除"),
    ("something the reports do not know", "something the reports do not know"),
])
def test_translate_note(note, expected):
    assert rt.translate_note(note, "zh") == expected
    assert rt.translate_note(note, "en") == note
