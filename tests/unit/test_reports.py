"""Tests of the HTML reports: the shared base (numbers, colours, charts) and the unevenness
report's content — summary first, full mega-region names, one region order in every table,
plain decimals, measures named in words, intervals, clear/unclear changes and p-values where
the table has them, and the same report without them."""
import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

from megaregion.core import report_base as rb
from megaregion.core.measures import DEFAULT_HEADLINE, MEASURES as INFO
from megaregion.core.messages import in_language
from megaregion.core.regions import find_region, region_name
from megaregion.core.report_unevenness import unevenness_report_html
from megaregion.core.unevenness import MEASURES, UnevennessInputError, unevenness_table

CI_MEASURES = ("theil", "theil_between", "gini", "dagum_gnb", "gnb_signed")
# deliberately not in the plan's order, with one region that is no bundled mega-region
REGIONS = ("PRD", "Own region", "BTH", "CY", "YRD")
YEARS = (2010, 2015, 2020)


def cities():
    """Five mega-regions of 5 cities (1 or 2 cores); indicator gdp in three years, popu in two,
    area in one. The core-secondary gap of gdp grows in PRD, shrinks in BTH, stays in YRD."""
    rng = np.random.default_rng(7)
    rows = []
    growth = {"PRD": 1.6, "Own region": 1.1, "BTH": 0.5, "CY": 1.3, "YRD": 1.0}
    for r in REGIONS:
        for i in range(5):
            core = i < (1 if r == "CY" else 2)
            base = 10.0 + rng.uniform(0, 2)
            row = {"megaregion_id": r, "name": "%s-%d" % (r, i), "role": "core" if core else "secondary"}
            for k, y in enumerate(YEARS):
                gap = 1.0 + (growth[r] ** k if core else 0.0) * (3.0 if core else 1.0)
                row["gdp_%d" % y] = base * gap + rng.uniform(0, 0.5)
            row["popu_2010"], row["popu_2020"] = base * (2.0 if core else 1.0), base * (2.1 if core else 1.0)
            row["area"] = base
            rows.append(row)
    return pd.DataFrame(rows)


def plain_table():
    return unevenness_table(cities(), ["gdp_2010", "gdp_2015", "gdp_2020", "popu_2010", "popu_2020", "area"],
                            labels_field="name")


def with_uncertainty(table):
    """The columns the bootstrap adds: intervals for year and change rows, change_is_clear of
    the headline, p_between on year rows; BTH's change interval straddles 0."""
    t = table.copy()
    for m in CI_MEASURES:
        v = t[m].to_numpy(dtype=float)
        t[m + "_ci_low"] = v - 0.25 * np.abs(v) - 0.001
        t[m + "_ci_high"] = v + 0.25 * np.abs(v) + 0.001
    change = (t["row_type"] == "change").to_numpy()
    bth = change & (t["megaregion"] == "BTH").to_numpy()
    for m in CI_MEASURES:
        v = t.loc[bth, m].to_numpy(dtype=float)
        t.loc[bth, m + "_ci_low"] = v - 2 * np.abs(v) - 0.01
        t.loc[bth, m + "_ci_high"] = v + 2 * np.abs(v) + 0.01
    low, high = t[DEFAULT_HEADLINE + "_ci_low"], t[DEFAULT_HEADLINE + "_ci_high"]
    t["change_is_clear"] = pd.array([bool(lo > 0 or hi < 0) if c else None
                                     for c, lo, hi in zip(change, low, high)], dtype="boolean")
    t["p_between"] = np.where(change, np.nan, 0.0312)
    t.loc[(~change) & (t["megaregion"] == "CY").to_numpy(), "p_between"] = 0.2
    t.loc[(t["megaregion"] == "CY").to_numpy(), "note"] = (
        "one core city: its intervals reflect only the secondary cities' variation")
    return t


def section(page, start, end=None):
    i = page.index(start)
    j = page.index(end, i) if end else len(page)
    return page[i:j]


def region_rows(fragment):
    """The region of every row of every table in ``fragment``, table by table."""
    tables = re.findall(r"<table.*?</table>", fragment, re.S)
    return [re.findall(r'<th class="region"><div>(.*?)(?: <span|</div>)', tb) for tb in tables]


def headings(page):
    """The text of every heading (tags dropped, &mdash; as the character)."""
    return [re.sub(r"<.*?>", "", h).replace("&mdash;", "\u2014")
            for h in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", page, re.S)]


def numbers(page):
    text = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return re.findall(r"[-+]?\d[\d,]*\.?\d*(?:[eE][-+]?\d+)?", re.sub(r"<[^>]*>", " ", text))


# --------------------------------------------------------------------------- base


def test_numbers_are_plain_decimals():
    assert rb.fmt_number(7.73e-4) == "0.000773"
    assert rb.fmt_number(0.04213) == "0.0421"
    assert rb.fmt_number(-0.0070) == "-0.00700"
    assert rb.fmt_number(123456.0) == "123,456"
    assert rb.fmt_number(2.0) == "2.00" and rb.fmt_number(0) == "0"
    assert rb.fmt_fixed(-0.00004, 3) == "0.000"            # never "-0.000"
    assert rb.fmt_signed(0.0123, 3) == "+0.012" and rb.fmt_signed(-0.0123, 3) == "-0.012"
    assert rb.fmt_signed(0.0001, 3) == "0.000"             # no "+0.000" for a change that rounds away
    assert rb.fmt_interval(0.031, 0.0554, 3) == "0.031\u20130.055"
    assert rb.fmt_interval(0.031, None, 3) == "" and rb.fmt_interval(float("nan"), 1, 3) == ""
    assert rb.fmt_p(0.0312) == "p = 0.03" and rb.fmt_p(0.001) == "p = 0.001" and rb.fmt_p(0.0009) == "p < 0.001"
    assert rb.fmt_percent(0.6423) == "64%" and rb.fmt_percent(0.004) == "0.4%"
    for v in (1e-300, 1e-10, 1e308, -1.7e308):
        text = rb.fmt_number(v)
        assert "e" not in text and "\u00d7 10" in text
    for bad in (None, float("nan"), float("inf"), pd.NA, "x"):
        assert rb.fmt_number(bad, missing="-") == "-"


def test_decimals_follow_the_largest_magnitude():
    assert rb.decimals_for([0.05, 0.0003]) == 4
    assert rb.decimals_for([0.9, 0.1]) == 3
    assert rb.decimals_for([1234.5, 2.0]) == 0
    assert rb.decimals_for([1e-9], most=6) == 6
    assert rb.decimals_for([float("nan"), None]) == 3


def test_colour_scales():
    assert rb.sequential_colour(0.0, 0.0, 1.0) == ("#f7fbff", "#222")
    assert rb.sequential_colour(1.0, 0.0, 1.0) == ("#08306b", "#fff")
    assert rb.sequential_colour(None, 0, 1)[0] == rb.MISSING_COLOUR
    # diverging: white at the centre, red above, blue below, symmetric reach
    assert rb.diverging_colour(1.0, 1.0, 0.5)[0] == "#f7f7f7"
    assert rb.diverging_colour(1.5, 1.0, 0.5)[0] == "#b2182b"
    assert rb.diverging_colour(0.5, 1.0, 0.5)[0] == "#2166ac"
    assert rb.diverging_colour(9.0, 0.0, 0.0)[0] == "#f7f7f7"      # no reach: no colour
    half_up, half_down = rb.diverging_colour(0.25, 0.0, 0.5)[0], rb.diverging_colour(-0.25, 0.0, 0.5)[0]
    assert int(half_up[1:3], 16) > int(half_up[5:7], 16) and int(half_down[5:7], 16) > int(half_down[1:3], 16)


def test_band_chart_draws_line_band_and_reference():
    svg = rb.band_chart([2010, 2015, 2020], [0.04, 0.05, 0.03], [0.03, 0.04, 0.01], [0.05, 0.06, 0.05],
                        label="x", reference=0.0)
    tree = ET.fromstring(svg)
    band = tree.find("polygon")
    assert band is not None and len(band.get("points").split()) == 6
    assert len(tree.findall("polyline")) == 1 and len(tree.findall("circle")) == 3
    ticks = [t.text for t in tree.findall("text")]
    assert ticks[:3] == ["2010", "2015", "2020"] and not any("e" in t for t in ticks)
    # without intervals: no band; a missing value breaks the line
    plain = ET.fromstring(rb.band_chart([2010, 2015, 2020], [0.04, None, 0.03], label="y"))
    assert plain.find("polygon") is None and plain.find("polyline") is None
    assert len(plain.findall("circle")) == 2


def test_page_is_self_contained():
    html = rb.page("A <b>", ["<p>x</p>"])
    assert html.startswith("<!DOCTYPE html>") and "<title>A &lt;b&gt;</title>" in html
    assert "http" not in html and "<script" not in html and "<link" not in html
    assert html.count("<style>") == 1


# --------------------------------------------------------------------------- unevenness report


def test_summary_comes_first_with_full_names_and_headline_in_words():
    t = with_uncertainty(plain_table())
    page = unevenness_report_html(t)
    heads = headings(page)
    assert heads[1] == "Summary" and "Details by measure" in heads
    assert page.index('id="summary"') < page.index('id="details"')
    summary = section(page, 'id="summary"', 'id="details"')
    info = INFO[DEFAULT_HEADLINE]
    assert info.en in page.split('id="summary"')[0] and info.zh in page.split('id="summary"')[0]
    for code in REGIONS:
        region = find_region(code)
        if region is not None:
            assert region.en in summary and region.zh in summary
            assert code not in re.sub(r"<[^>]*>", "", summary).split()   # never the bare code
    assert "Own region" in summary
    # every summary table starts with the headline of every year and the change of the whole period
    assert "<th class=\"num\">2010</th><th class=\"num\">2015</th><th class=\"num\">2020</th>" \
           "<th class=\"num\">change 2010\u20132020</th>" in summary


def test_one_region_order_in_every_table():
    t = with_uncertainty(plain_table())
    page = unevenness_report_html(t)
    expected = ["Beijing-Tianjin-Hebei", "Yangtze River Delta",
                "Pearl River Delta / Guangdong-Hong Kong-Macao Greater Bay Area", "Chengdu-Chongqing", "Own region"]
    orders = [rows for rows in region_rows(page) if rows]
    assert len(orders) >= 3 + 7          # 3 summary tables, at least one table per measure
    assert all(rows == expected for rows in orders[:-1] if len(rows) == 5)
    assert sum(1 for rows in orders if rows == expected) >= 10
    # a chosen order is kept across tables too
    by_value = [rows for rows in region_rows(unevenness_report_html(t, sort="value")) if len(rows) == 5]
    assert len({tuple(r) for r in by_value}) == 1 and by_value[0] != expected
    by_name = [rows for rows in region_rows(unevenness_report_html(t, sort="name")) if len(rows) == 5]
    assert by_name[0] == sorted(expected, key=str.casefold) and len({tuple(r) for r in by_name}) == 1


def test_no_code_names_in_headings_and_measures_in_words():
    t = with_uncertainty(plain_table())
    page = unevenness_report_html(t, measures=MEASURES)
    heads = headings(page)
    for h in heads:
        words = set(re.findall(r"[a-z_]+", h))
        assert not words & {m for m in MEASURES if "_" in m}, h
        assert "theil" not in words and "gini" not in words, h     # the names say Theil, Gini
    for m in MEASURES:
        assert rb.esc(INFO[m].en) in page and INFO[m].zh in page and rb.esc(INFO[m].explain) in page


def test_numbers_never_in_exponent_form():
    t = with_uncertainty(plain_table())
    t["mean_core"] = t["mean_core"] * 1e-5           # means of 1e-4: still plain decimals
    page = unevenness_report_html(t, measures=MEASURES)
    assert "e-0" not in page and "e+0" not in page
    assert not [n for n in numbers(page) if re.search(r"\d[eE][-+]?\d", n)]


def test_intervals_clear_changes_and_p_values_are_printed():
    t = with_uncertainty(plain_table())
    page = unevenness_report_html(t, confidence=95)
    summary = section(page, 'id="summary"', 'id="details"')
    gdp = section(summary, "gdp &mdash; ", "</table>")
    rows = dict(re.findall(r'<th class="region"><div>(.*?)(?: <span.*?)?</div></th>(.*?)</tr>', gdp, re.S))

    def year_row(region, year):
        r = t[(t["megaregion"] == region) & (t["indicator"] == "gdp") & (t["year"] == year)].iloc[0]
        return r

    prd = rows["Pearl River Delta / Guangdong-Hong Kong-Macao Greater Bay Area"]
    r2010 = year_row("PRD", 2010)
    d = rb.decimals_for(t.loc[(t["indicator"] == "gdp") & (t["row_type"] == "year"), DEFAULT_HEADLINE])
    expected = "%s <span class=\"ci\">(%s)</span>" % (
        rb.fmt_fixed(r2010[DEFAULT_HEADLINE], d),
        rb.fmt_interval(r2010[DEFAULT_HEADLINE + "_ci_low"], r2010[DEFAULT_HEADLINE + "_ci_high"], d))
    assert expected in prd
    # the whole-period change has no change row here (consecutive pairs only): no interval, not tested
    assert "wider" in prd and "clear" not in prd
    assert "p = 0.03" in prd and "p = 0.20" in rows["Chengdu-Chongqing"]
    # popu has a change row for its whole period: intervals and the verdict in words
    popu = section(summary, "Population <span class=\"zh\">常住人口</span> &mdash; ", "</table>")
    prows = dict(re.findall(r'<th class="region"><div>(.*?)(?: <span.*?)?</div></th>(.*?)</tr>', popu, re.S))
    assert ">wider, clear</td>" in prows["Yangtze River Delta"]
    assert "unclear</td>" in prows["Beijing-Tianjin-Hebei"]
    change = t[(t["megaregion"] == "YRD") & (t["indicator"] == "popu") & (t["row_type"] == "change")].iloc[0]
    dp = rb.decimals_for(t.loc[(t["indicator"] == "popu") & (t["row_type"] == "year"), DEFAULT_HEADLINE])
    assert "%s <span class=\"ci\">(%s)</span>" % (
        rb.fmt_signed(change[DEFAULT_HEADLINE], dp),
        rb.fmt_interval(change[DEFAULT_HEADLINE + "_ci_low"], change[DEFAULT_HEADLINE + "_ci_high"], dp)) \
        in prows["Yangtze River Delta"]
    assert "95% bootstrap intervals" in page
    # the one-core note is shown with the region's full name
    assert "Chengdu-Chongqing (成渝城市群): one core city: its intervals reflect only" in summary
    # findings name the regions where the gap widened and narrowed most, with full names
    findings = section(summary, '<ul class="findings">', "</ul>")
    assert "Widened most: " + rb.esc(region_name("PRD")) in findings
    assert "Narrowed most: " + rb.esc(region_name("BTH")) in findings
    # details: p next to the between-group share
    share = section(page, "<h3 id=\"m-theil_between_share\">", "</table>")
    assert '<span class="p">p = 0.03</span>' in share


def test_charts_of_three_years_with_interval_band():
    t = with_uncertainty(plain_table())
    page = unevenness_report_html(t)
    gdp = section(page, "gdp &mdash; ", "Population <span class=\"zh\">常住人口</span> &mdash; ")
    charts = [ET.fromstring(s) for s in re.findall(r"<svg .*?</svg>", gdp, re.S)]
    assert len(charts) == 5                                  # one per mega-region
    assert all(c.find("polygon") is not None for c in charts)
    assert all(len(c.findall("circle")) == 3 for c in charts)
    labels = [c.get("aria-label") for c in charts]
    assert labels[0] == "%s, gdp" % region_name("BTH")
    # two years: no chart
    assert "<svg" not in section(page, "Population <span class=\"zh\">常住人口</span> &mdash; ", "area &mdash; ")


def test_report_without_uncertainty_columns():
    t = plain_table()
    page = unevenness_report_html(t)
    assert "has no intervals" in page
    summary = section(page, 'id="summary"', 'id="details"')
    assert "(clear)" not in summary and "unclear" not in summary and "p = " not in summary
    assert "\u2013" not in re.sub(r"change 20\d\d\u201320\d\d|\d{4}&ndash;\d{4}", "", summary)  # no interval
    assert ">wider</td>" in summary and ">narrower</td>" in summary
    charts = re.findall(r"<svg .*?</svg>", page, re.S)
    assert len(charts) == 5 and all("<polygon" not in c for c in charts)
    # the same report from a table read back from a file (counts as floats, NaN notes)
    read_back = t.astype({c: float for c in ("year", "year1", "year2", "n_core", "n_secondary", "n_null")})
    read_back["note"] = [None if n == "" else n for n in read_back["note"]]
    assert region_rows(unevenness_report_html(read_back)) == region_rows(page)


def test_change_is_clear_alone_and_gap_of_signed_measures():
    t = plain_table()
    change = (t["row_type"] == "change").to_numpy()
    t["change_is_clear"] = pd.array([True if c else None for c in change], dtype="boolean")
    page = unevenness_report_html(t)
    assert ", clear</td>" in section(page, "Population <span class=\"zh\">常住人口</span> &mdash; ", "</table>")
    # a signed headline: a move away from "no gap" is a wider gap whichever its sign
    t2 = plain_table()
    sel = (t2["indicator"] == "popu") & (t2["megaregion"] == "BTH")
    t2.loc[sel & (t2["year"] == 2010), "gnb_signed"] = -0.10
    t2.loc[sel & (t2["year"] == 2020), "gnb_signed"] = -0.20
    t2.loc[sel & (t2["row_type"] == "change"), "gnb_signed"] = -0.10
    popu = section(unevenness_report_html(t2, headline="gnb_signed"), "Population <span class=\"zh\">常住人口</span> &mdash; ", "</table>")
    bth = re.search(r"Beijing-Tianjin-Hebei.*?</tr>", popu, re.S).group(0)
    assert "-0.100" in bth and ">wider</td>" in bth


def test_errors_name_the_value():
    t = plain_table()
    with pytest.raises(UnevennessInputError, match="Unknown measures"):
        unevenness_report_html(t, measures=["nope"])
    with pytest.raises(UnevennessInputError, match="headline 'mean_core'"):
        unevenness_report_html(t, headline="mean_core")
    with pytest.raises(UnevennessInputError, match="sort"):
        unevenness_report_html(t, sort="random")
    with pytest.raises(UnevennessInputError, match="scale"):
        unevenness_report_html(t, scale="log")
    with pytest.raises(UnevennessInputError) as excinfo:
        unevenness_report_html(t, scale="log")
    assert in_language(excinfo.value, "zh") == "scale 必须为 'column' 或 'table'，而不是 'log'"
    with pytest.raises(UnevennessInputError) as excinfo:
        unevenness_report_html(t, lang="fr")
    assert in_language(excinfo.value, "zh") == "lang = 'fr'：文本只有英文和中文；请使用 'en' 或 'zh'"


def test_unknown_regions_use_given_names_and_markup_is_escaped():
    t = plain_table()
    t.loc[t["megaregion"] == "Own region", "megaregion"] = "<R&>"
    page = unevenness_report_html(t, names={"<R&>": "My <own> region"})
    assert "My &lt;own&gt; region" in page and "<own>" not in page and "<R&>" not in page
    assert "http" not in page and "<script" not in page


# --------------------------------------------------------------------------- typology report


def typology_frame():
    """Three mega-regions (bundled codes, and one of the user's own) of two cores and eight
    secondary cities; two planted groups of secondary cities, one close to the cores."""
    rng = np.random.default_rng(3)
    rows = []
    for region in ("CY", "BTH", "Own region"):
        for i in range(10):
            role = "core" if i < 2 else "secondary"
            level = 0.9 if role == "core" else (0.8 if i % 2 else 0.2)
            rows.append({"megaregion_id": region, "role": role, "name": "%s-%d" % (region, i),
                         "long_indicator_name_gdp_per_capita": level + rng.normal(0, 0.02),
                         "PM25": 1.0 - level + rng.normal(0, 0.02), "green": level + rng.normal(0, 0.02)})
    return pd.DataFrame(rows)


def gap_result(resamples=20):
    from megaregion.core import typology as ty

    return ty.gap_typology(typology_frame(), ["long_indicator_name_gdp_per_capita", "PM25", "green"],
                           cost_indicators=["PM25"], name_field="name", k=2, n_init=5,
                           stability_resamples=resamples)


def test_typology_report_leads_with_types_stability_and_full_names():
    from megaregion.core.report_typology import typology_report_html

    result = gap_result()
    assert result.types["stability"].min() > 0.9                   # planted groups are stable
    page = typology_report_html(result)
    assert page.index(">stability</th>") < page.index("Cities per type and mega-region") \
        < page.index("Profile of every type") < page.index("mean silhouette by K")
    for t, s in result.types["stability"].items():
        assert "%s stable" % rb.fmt_fixed(s, 2) in page
    assert "unstable" not in page.lower()
    # full names, one order (the plan's, then the user's own regions), never the bare code
    per_region = section(page, "Cities per type and mega-region", "<h3>")
    assert region_rows(per_region) == [["Beijing-Tianjin-Hebei", "Chengdu-Chongqing", "Own region"]]
    assert "京津冀城市群" in per_region and ">BTH<" not in page and ">CY<" not in page
    assert "e-0" not in page and not [n for n in numbers(page) if re.search(r"\d[eE][-+]?\d", n)]
    assert "http" not in page.lower() and "href=" not in page and "<script" not in page


def test_typology_report_says_unstable_in_words():
    from megaregion.core.report_typology import typology_report_html

    result = gap_result()
    result.types.loc[result.types.index[1], "stability"] = 0.41
    page = typology_report_html(result)
    row = re.search(r"<tr><td><span class=\"nowrap\">.*?</tr>", section(page, ">stability</th>"), re.S)
    assert row is not None
    assert '0.41 <span class="warn">unstable</span>' in page
    assert "Unstable type: %s." % result.types.index[1] in page
    # a result without stability (an older run, or STABILITY_RESAMPLES = 0) has no such column
    plain = gap_result(resamples=0)
    page = typology_report_html(plain)
    assert ">stability</th>" not in page and "unstable" not in page.lower()


def test_typology_heatmap_labels_fit_inside_the_drawing():
    from megaregion.core.report_typology import heatmap

    result = gap_result(resamples=0)
    svg = heatmap(result.type_centres, "centres")
    tree = ET.fromstring(svg)
    width, height = float(tree.get("width")), float(tree.get("height"))
    labels = [t for t in tree.findall("text") if t.get("transform")]
    assert [t.text for t in labels] == list(result.type_centres.columns)
    for t in labels:
        x, y = float(t.get("x")), float(t.get("y"))
        reach = rb.text_width(t.text, 11) * math.sqrt(0.5)       # a label at 45 degrees
        assert x + reach <= width and y - reach >= 0, t.text
    cells = [t.text for t in tree.findall("text") if t.get("font-size") == "10"]
    assert cells and all(re.fullmatch(r"[-+]?\d+\.\d+", c) for c in cells)
    assert height > 2 * 26


def test_indicators_named_in_words():
    t = plain_table()
    page = unevenness_report_html(t, indicator_names={"gdp": "GDP per capita <yuan>"})
    heads = headings(page)
    assert "Population 常住人口 \u2014 Theil T between cores and secondary cities" in heads
    assert "GDP per capita &lt;yuan&gt; \u2014 Theil T between cores and secondary cities" in heads
    assert "area \u2014 Theil T between cores and secondary cities" in heads     # unknown: as given
    assert not [h for h in heads if "popu" in h]
    details = section(page, 'id="details"')
    assert '<th colspan="3">Population <span class="zh">常住人口</span></th>' in details
