"""HTML report of the unevenness table (:func:`.unevenness.unevenness_table`) that leads with
the answer.

1. **Summary**: for every indicator, the headline measure (by default the between-group Theil
   T, :data:`.measures.DEFAULT_HEADLINE`) of every mega-region in each year with its interval,
   its change from the first to the last year, whether the gap between the cores and the
   secondary cities grew wider or narrower and whether that change is clear (its interval
   excludes 0), the share of the inequality between the groups with its permutation p-value,
   the mega-regions where the gap widened and narrowed most, and for three or more years a
   small chart per mega-region of the headline over the years with its interval band.
2. **Details**: one heatmap table per measure (named in words, explained in one line), every
   indicator's years and changes side by side.

Mega-regions carry their full English and Chinese names (:func:`.regions.region_name`; the
Chinese name alone in a Chinese report) and keep one row order in every table
(:func:`.regions.region_order` unless another order is chosen). Intervals (``<measure>_ci_low``/``_ci_high``), ``change_is_clear`` and ``p_between``
are shown where the table has them; a table without them (bootstrap off, older outputs)
gives the same report without intervals.

``lang="zh"`` writes the report in Chinese (the words are in :mod:`.report_texts`).
"""
import math
from typing import Dict, Iterable, List, Mapping, Optional

import numpy as np
import pandas as pd

from . import report_base as rb
from . import report_texts as rt
from .report_texts import FORMULAS
from .indicators import indicator_name
from .measures import DEFAULT_HEADLINE, HEADLINE_MEASURES, measure_name
from .measures import MEASURES as MEASURE_INFO
from .fields import reason_of
from .messages import msg
from .panels import report as panel_report
from .regions import find_region, region_order
from .unevenness import MEASURES, UnevennessInputError

__all__ = ["MEASURE_HELP", "FORMULAS", "DEFAULT_MEASURES", "unevenness_report_html"]

# One line per measure for a reader (from .measures), as HTML.
MEASURE_HELP = {key: rb.esc(m.explain) for key, m in MEASURE_INFO.items()}

DEFAULT_MEASURES = ("theil_between", "theil_between_share", "theil", "dagum_gnb", "share_gnb", "gini", "ratio")
SORTS = ("region", "value", "name", "table")
_CI_LOW, _CI_HIGH = "_ci_low", "_ci_high"
_ALWAYS = frozenset(MEASURES) | {"megaregion", "indicator", "row_type", "year", "year1", "year2", "status", "note"}
_FINDINGS = 3          # regions named as widened / narrowed most
_COLUMNS = 11          # value columns of a detail table at most (it fits a printed page)


def _year(value) -> Optional[int]:
    return int(float(value)) if rb.is_number(value) else None


def _num(row: Optional[Mapping], key: str) -> float:
    if row is None:
        return math.nan
    value = row.get(key)
    return float(value) if rb.is_number(value) else math.nan


class _Regions:
    """Display names and the one row order of every table."""

    def __init__(self, values: List, sort: str, names: Optional[Mapping], ranks: Optional[Dict] = None,
                 lang: str = "en"):
        self.names = dict(names or {})
        self.zh = rt.is_zh(lang)
        if sort == "region":
            self.order = region_order(values)
        elif sort == "name":
            self.order = sorted(values, key=lambda v: self.full(v).casefold())
        elif sort == "value":
            base = region_order(values)
            self.order = sorted(base, key=lambda v: (-(ranks or {}).get(v, -math.inf), base.index(v)))
        else:
            self.order = list(values)

    def parts(self, value):
        region = find_region(value)
        if region is not None:
            return (region.zh, "") if self.zh else (region.en, region.zh)
        return str(self.names.get(value, value)), ""

    def full(self, value) -> str:
        en, zh = self.parts(value)
        return "%s (%s)" % (en, zh) if zh else en

    def th(self, value) -> str:
        en, zh = self.parts(value)
        return '<th class="region"><div>%s%s</div></th>' % (rb.esc(en), ' <span class="zh">%s</span>' % rb.esc(zh) if zh else "")


class _Table:
    """The rows of the unevenness table by (region, indicator, period); a period is a year,
    None for a single-year indicator, or (year1, year2) for a change."""

    def __init__(self, table: pd.DataFrame):
        self.rows: Dict = {}
        self.years: Dict[str, List[int]] = {}
        self.undated: Dict[str, bool] = {}
        self.changes: Dict[str, List] = {}
        for row in table.to_dict("records"):
            if row["row_type"] not in ("year", "change"):
                continue    # the convergence rows have their own section (core.panels.report)
            ind = row["indicator"]
            self.years.setdefault(ind, [])
            self.changes.setdefault(ind, [])
            self.undated.setdefault(ind, False)
            if row["row_type"] == "change":
                period = (_year(row["year1"]), _year(row["year2"]))
                if period not in self.changes[ind]:
                    self.changes[ind].append(period)
            else:
                period = _year(row["year"])
                if period is None:
                    self.undated[ind] = True
                elif period not in self.years[ind]:
                    self.years[ind].append(period)
            self.rows[(row["megaregion"], ind, period)] = row
        self.indicators = list(self.years)
        for ind in self.indicators:
            self.years[ind].sort()
            self.changes[ind].sort(key=lambda p: (p[1], p[0]))
        # a column counts when it holds a value (a table without bootstrap has them empty)
        self.columns = {c for c in table.columns
                        if table[c].dtype == object or table[c].notna().any() or c in _ALWAYS}

    def get(self, region, indicator, period) -> Optional[Mapping]:
        return self.rows.get((region, indicator, period))

    def periods(self, indicator) -> List:
        return ([None] if self.undated[indicator] else []) + self.years[indicator] + self.changes[indicator]

    def has_ci(self, measure) -> bool:
        return measure + _CI_LOW in self.columns and measure + _CI_HIGH in self.columns

    def span(self, indicator):
        """The (first, last) years of a dated indicator with at least two years, else None."""
        years = self.years[indicator]
        return (years[0], years[-1]) if len(years) >= 2 else None


def _period_label(period, lang: str = "en") -> str:
    """Column heading of a period, as HTML."""
    if period is None:
        return rt.text("single year", lang)
    if isinstance(period, tuple):
        return rt.text("change period", lang) % period
    return str(period)


def _value_ranks(t: _Table, regions: List, headline: str) -> Dict:
    """Mean percentile rank of each region's headline over the indicators (latest year)."""
    frame = pd.DataFrame(index=regions, dtype=float)
    for ind in t.indicators:
        period = t.years[ind][-1] if t.years[ind] else None
        frame[ind] = [_num(t.get(r, ind, period), headline) for r in regions]
    ranks = frame.rank(pct=True).mean(axis=1, skipna=True)
    return {r: float(v) for r, v in ranks.items() if rb.is_number(v)}


# --------------------------------------------------------------------------- summary


class _Change:
    """The headline's change of one region and indicator from the first to the last year."""

    def __init__(self, t: _Table, region, indicator, headline: str, neutral: float):
        self.region = region
        first, last = t.span(indicator)
        a, b = t.get(region, indicator, first), t.get(region, indicator, last)
        self.v1, self.v2 = _num(a, headline), _num(b, headline)
        row = t.get(region, indicator, (first, last))
        self.delta = _num(row, headline) if row is not None else self.v2 - self.v1
        self.low, self.high = _num(row, headline + _CI_LOW), _num(row, headline + _CI_HIGH)
        if rb.is_number(self.low) and rb.is_number(self.high):
            self.clear = bool(self.low > 0 or self.high < 0)
        elif row is not None and "change_is_clear" in row and row["change_is_clear"] is not None \
                and not pd.isna(row["change_is_clear"]):
            self.clear = bool(row["change_is_clear"])
        else:
            self.clear = None
        # the gap is the distance from the value of no gap (a signed measure on either side)
        self.gap_delta = abs(self.v2 - neutral) - abs(self.v1 - neutral)
        self.switched = bool((self.v1 - neutral) * (self.v2 - neutral) < 0)

    @property
    def known(self) -> bool:
        return rb.is_number(self.gap_delta)

    def verdict(self, lang: str = "en") -> str:
        if not self.known:
            return ""
        word = rt.text("wider" if self.gap_delta > 0 else "narrower" if self.gap_delta < 0 else "unchanged", lang)
        if self.switched:
            word += rt.text("lead switched", lang)
        if self.clear is True:
            return rt.text("verdict clear", lang) % word
        if self.clear is False:
            return rt.text("verdict unclear", lang) % word
        return word


def _value_with_ci(row, measure: str, decimals: int, lang: str = "en") -> str:
    value = _num(row, measure)
    if not rb.is_number(value):
        return ""
    ci = rb.fmt_interval(_num(row, measure + _CI_LOW), _num(row, measure + _CI_HIGH), decimals, lang)
    return rb.fmt_fixed(value, decimals) + (' <span class="ci">(%s)</span>' % ci if ci else "")


def _indicator_html(indicator, indicator_names, lang: str = "en") -> str:
    """The indicator's name in words (English, Chinese; Chinese alone in a Chinese report) as
    HTML: a name given in ``indicator_names``, else a bundled indicator's (:mod:`.indicators`),
    else as it is."""
    given = (indicator_names or {}).get(indicator)
    if given:
        return rb.esc(given)
    en, zh = indicator_name(indicator), indicator_name(indicator, "zh")
    if en == str(indicator):
        return rb.esc(indicator)
    if rt.is_zh(lang):
        return rb.esc(zh)
    return '%s <span class="zh">%s</span>' % (rb.esc(en[:1].upper() + en[1:]), rb.esc(zh))


def _findings(t: _Table, regions: _Regions, ind: str, changes: List[_Change], decimals: int, title: str,
              lang: str = "en") -> str:
    first, last = t.span(ind)
    known = [c for c in changes if c.known]
    T = rt.TextOf(lang)
    if not known:
        return T("no values both") % (title, first, last)
    wider = sorted((c for c in known if c.gap_delta > 0), key=lambda c: -c.gap_delta)
    narrower = sorted((c for c in known if c.gap_delta < 0), key=lambda c: c.gap_delta)

    def count(group):
        clear = sum(1 for c in group if c.clear)
        tested = any(c.clear is not None for c in group)
        return T("count") % (len(group), T("count clearly") % clear if tested else "")

    def named(group):
        return T("semicolon").join(
            T("named") % (rb.esc(regions.full(c.region)), rb.fmt_signed(c.delta, decimals),
                          "" if c.clear is None else T("named clear") if c.clear else T("named unclear"))
            for c in group[:_FINDINGS])

    same = len(known) - len(wider) - len(narrower)
    text = [T("findings") % (title, first, last, len(known), count(wider), count(narrower),
                             T("did not change") % same if same else "")]
    if wider or narrower:
        text.append(T("widened most") % named(wider) if wider else T("none widened"))
        text.append(T("narrowed most") % named(narrower) if narrower else T("none narrowed"))
    return "<li>" + "".join(text) + "</li>"


def _summary_table(t: _Table, regions: _Regions, ind: str, headline: str, decimals: int,
                   changes: Dict, lang: str = "en") -> str:
    T = rt.TextOf(lang)
    years = t.years[ind] or [None]
    span = t.span(ind)
    share = "theil_between_share" in t.columns
    p_col = "p_between" in t.columns
    header = [T("mega-region")] + [(T("year") % y if y is not None else T("value")) for y in years]
    if span:
        header += [T("change years") % span, T("gap")]
    if share:
        header.append(T("share between") % (T("share between year") % years[-1] if years[-1] is not None else ""))
    reach = max([abs(c.gap_delta) for c in changes.values() if c.known] or [0.0])
    out = ['<table class="summary"><tr>' + "".join(
        '<th%s>%s</th>' % ("" if j == 0 else ' class="num"', rb.esc(h)) for j, h in enumerate(header)) + "</tr>"]
    notes = []
    for region in regions.order:
        rows = [t.get(region, ind, y) for y in years]
        if all(r is None for r in rows):
            continue
        cells = ['<td class="num">%s</td>' % _value_with_ci(r, headline, decimals, lang) for r in rows]
        if span:
            c = changes[region]
            change_text = rb.fmt_signed(c.delta, decimals)
            ci = rb.fmt_interval(c.low, c.high, decimals, lang)
            if ci:
                change_text += ' <span class="ci">(%s)</span>' % ci
            bg, fg = rb.diverging_colour(c.gap_delta, 0.0, reach)
            cells.append('<td class="num" style="background:%s;color:%s">%s</td>' % (bg, fg, change_text))
            cls = "" if not c.known else ("widened" if c.gap_delta > 0 else "narrowed") + (
                " clear" if c.clear else " unclear" if c.clear is False else "")
            cells.append('<td class="verdict %s">%s</td>' % (cls, rb.esc(c.verdict(lang))))
        if share:
            last = rows[-1]
            text = rb.fmt_percent(_num(last, "theil_between_share"))
            if text and p_col and rb.is_number(_num(last, "p_between")):
                text += ' <span class="ci">(%s)</span>' % rb.fmt_p(_num(last, "p_between"))
            cells.append('<td class="num">%s</td>' % text)
        out.append("<tr>%s%s</tr>" % (regions.th(region), "".join(cells)))
        seen = []
        for period in t.periods(ind):
            row = t.get(region, ind, period)
            for note in ([] if row is None else str(row.get("note") or "").split(";")):
                note = note.strip().replace("p_between", "p")
                if note and note not in seen:
                    seen.append(note)
            status = None if row is None else row.get("status")
            if status and status != "ok" and status not in seen:
                seen.append(str(status))
        if seen:
            notes.append(T("region note") % (rb.esc(regions.full(region)),
                                             rb.esc(T("semicolon").join(rt.translate_note(n, lang) for n in seen))))
    out.append("</table>")
    if span:
        out.append(rb.legend("diverging", left=T("gap narrower"), right=T("gap wider"), lang=lang))
    if notes:
        out.append('<ul class="notes">%s</ul>' % "".join(notes))
    return "".join(out)


def _charts(t: _Table, regions: _Regions, ind: str, headline: str, neutral: float, lang: str = "en") -> str:
    years = t.years[ind]
    series = {}
    for region in regions.order:
        rows = [t.get(region, ind, y) for y in years]
        if all(r is None for r in rows):
            continue
        series[region] = ([_num(r, headline) for r in rows], [_num(r, headline + _CI_LOW) for r in rows],
                          [_num(r, headline + _CI_HIGH) for r in rows])
    known = [v for ys, lo, hi in series.values() for v in ys + lo + hi if rb.is_number(v)]
    if not known:
        return ""
    lo, hi = min(known + [neutral]), max(known)
    pad = (hi - lo) * 0.06 or 0.1
    y_range = (lo - pad if lo < neutral or lo - pad >= neutral else neutral, hi + pad)
    figures = []
    for region, (ys, lows, highs) in series.items():
        chart = rb.band_chart(years, ys, lows, highs, y_range=y_range,
                              label=rt.text("chart label", lang) % (regions.full(region), ind),
                              reference=neutral if MEASURE_INFO[headline].signed else None, lang=lang)
        en, zh = regions.parts(region)
        figures.append("<figure>%s<figcaption>%s%s</figcaption></figure>"
                       % (chart, rb.esc(en), '<br><span class="zh">%s</span>' % rb.esc(zh) if zh else ""))
    return '<div class="charts">%s</div>' % "".join(figures)


def _summary(t: _Table, regions: _Regions, headline: str, indicator_names, decimals: Dict,
             lang: str = "en") -> List[str]:
    T = rt.TextOf(lang)
    info = MEASURE_INFO[headline]
    name = measure_name(headline, lang)
    neutral = info.neutral
    out = ['<h2 id="summary">%s</h2>' % T("summary")]
    changes, findings = {}, []
    for ind in t.indicators:
        span = t.span(ind)
        if span:
            changes[ind] = {r: _Change(t, r, ind, headline, neutral) for r in regions.order}
            findings.append(_findings(t, regions, ind, list(changes[ind].values()), decimals[headline, ind],
                                      _indicator_html(ind, indicator_names, lang), lang))
    if findings:
        out.append('<ul class="findings">%s</ul>' % "".join(findings))
    for ind in t.indicators:
        out.append("<h3>%s &mdash; %s</h3>" % (_indicator_html(ind, indicator_names, lang), rb.esc(name)))
        out.append(_summary_table(t, regions, ind, headline, decimals[headline, ind], changes.get(ind, {}), lang))
        if len(t.years[ind]) >= 3:
            out.append('<p class="muted small">%s</p>'
                       % (T("over the years") % (rb.esc(name), T("interval shaded") if t.has_ci(headline) else "")))
            out.append(_charts(t, regions, ind, headline, neutral, lang))
    return out


# --------------------------------------------------------------------------- details


def _detail_table(t: _Table, regions: _Regions, measure: str, indicators: List[str], scale: str,
                  decimals: Dict, indicator_names, lang: str = "en") -> str:
    T = rt.TextOf(lang)
    info = MEASURE_INFO.get(measure)
    signed = bool(info and info.signed)
    neutral = info.neutral if info else 0.0
    has_ci = t.has_ci(measure)
    show_p = measure == "theil_between_share" and "p_between" in t.columns

    def values(ind, kinds):
        return [_num(t.get(r, ind, p), measure) for r in regions.order for p in t.periods(ind)
                if isinstance(p, tuple) == (kinds == "change")]

    ranges = {}
    for ind in indicators:
        level, change = [v for v in values(ind, "year") if rb.is_number(v)], [v for v in values(ind, "change") if rb.is_number(v)]
        ranges[ind] = ((min(level), max(level)) if level else (0.0, 0.0),
                       max([abs(v) for v in change] or [0.0]),
                       max([abs(v - neutral) for v in level] or [0.0]))
    if scale == "table":
        lows, highs = [r[0][0] for r in ranges.values()], [r[0][1] for r in ranges.values()]
        joint = ((min(lows), max(highs)), max(r[1] for r in ranges.values()), max(r[2] for r in ranges.values()))
        ranges = {ind: joint for ind in indicators}
    head1 = ['<tr><th rowspan="2">%s</th>' % T("mega-region")]
    head2 = ["<tr>"]
    for ind in indicators:
        periods = t.periods(ind)
        head1.append('<th colspan="%d">%s</th>' % (len(periods), _indicator_html(ind, indicator_names, lang)))
        head2 += ['<th class="num">%s</th>' % _period_label(p, lang) for p in periods]
    out = ['<table class="heat">', "".join(head1) + "</tr>", "".join(head2) + "</tr>"]
    for region in regions.order:
        cells = []
        for ind in indicators:
            d = decimals[measure, ind]
            (lo, hi), reach_change, reach_level = ranges[ind]
            for p in t.periods(ind):
                row = t.get(region, ind, p)
                v = _num(row, measure)
                change = isinstance(p, tuple)
                if change:
                    bg, fg = rb.diverging_colour(v, 0.0, reach_change)
                elif signed:
                    bg, fg = rb.diverging_colour(v, neutral, reach_level)
                else:
                    bg, fg = rb.sequential_colour(v, lo, hi)
                text = rb.fmt_signed(v, d) if change else rb.fmt_fixed(v, d)
                tip = []
                ci = rb.fmt_interval(_num(row, measure + _CI_LOW), _num(row, measure + _CI_HIGH), d, lang) \
                    if has_ci else ""
                if ci:
                    tip.append(T("interval") + ci)
                if show_p and not change and rb.is_number(_num(row, "p_between")):
                    text += '<span class="p">%s</span>' % rb.fmt_p(_num(row, "p_between"))
                if row is not None and row.get("status") not in (None, "ok") and not pd.isna(row.get("status")):
                    tip.append(rt.translate_note(str(row.get("status")), lang))
                title = ' title="%s"' % rb.esc(T("semicolon").join(tip)) if tip else ""
                cells.append('<td style="background:%s;color:%s"%s>%s</td>' % (bg, fg, title, text))
        out.append("<tr>%s%s</tr>" % (regions.th(region), "".join(cells)))
    out.append("</table>")
    per = T("own scale") if scale == "column" else T("one scale")
    if signed:
        out.append(rb.legend("diverging", left=T("secondary lead"), right=T("cores lead"),
                             note=T("white no gap") % rb.fmt_number(neutral), lang=lang))
    else:
        out.append(rb.legend("sequential", left=T("lower"), right=T("higher"), note=T("years colour") + per, lang=lang))
    if any(t.changes[ind] for ind in indicators):
        out.append(rb.legend("diverging", left=T("decreased"), right=T("increased"), note=T("changes white"),
                             lang=lang))
    return "".join(out)


def _chunks(t: _Table) -> List[List[str]]:
    """The indicators in groups of at most :data:`_COLUMNS` columns, so a table fits the page."""
    out: List[List[str]] = [[]]
    width = 0
    for ind in t.indicators:
        n = len(t.periods(ind))
        if out[-1] and width + n > _COLUMNS:
            out.append([])
            width = 0
        out[-1].append(ind)
        width += n
    return out


def _measure_html(m, lang: str = "en") -> str:
    """A measure's name in words: English with the Chinese beside it, or Chinese alone."""
    info = MEASURE_INFO.get(m)
    if rt.is_zh(lang):
        return rb.esc(info.zh if info else m)
    return '%s <span class="zh">%s</span>' % (rb.esc(info.en if info else m), rb.esc(info.zh if info else ""))


def _help(m, lang: str = "en") -> str:
    info = MEASURE_INFO.get(m)
    return rb.esc(rt.measure_explain(m, info.explain, lang)) if info and rt.is_zh(lang) else MEASURE_HELP.get(m, "")


def _details(t: _Table, regions: _Regions, measures: List[str], scale: str, decimals: Dict,
             indicator_names, lang: str = "en") -> List[str]:
    out = ['<h2 id="details">%s</h2>' % rt.text("details", lang), "<dl>"]
    for m in measures:
        formula = rt.formula(FORMULAS.get(m), lang)
        out.append('<dt>%s</dt><dd>%s%s</dd>' % (
            _measure_html(m, lang), _help(m, lang), '<br><span class="small">%s</span>' % formula if formula else ""))
    out.append("</dl>")
    for m in measures:
        out.append('<h3 id="m-%s">%s</h3><p class="help">%s</p>' % (m, _measure_html(m, lang), _help(m, lang)))
        for chunk in _chunks(t):
            out.append(_detail_table(t, regions, m, chunk, scale, decimals, indicator_names, lang))
    return out


def _problems(table: pd.DataFrame, regions: _Regions, lang: str = "en") -> List[str]:
    years = table[table["row_type"] == "year"]
    bad = years[years["status"] != "ok"]
    if bad.empty:
        return []
    rank = {r: i for i, r in enumerate(regions.order)}
    bad = bad.assign(_r=bad["megaregion"].map(rank)).sort_values("_r", kind="stable")
    rows = []
    for r in bad.itertuples(index=False):
        rows.append([rb.esc(regions.full(r.megaregion)), rb.esc(indicator_name(r.indicator, lang)),
                     rb.esc("" if _year(r.year) is None else _year(r.year)),
                     rb.esc("" if pd.isna(r.n_core) else int(r.n_core)),
                     rb.esc("" if pd.isna(r.n_secondary) else int(r.n_secondary)),
                     rb.esc("" if pd.isna(r.n_null) else int(r.n_null)), rb.esc(rt.translate_note(r.status, lang))])
    return ['<h2 id="problems">%s</h2>' % rt.text("problems", lang),
            rb.html_table(rt.text("problems header", lang), rows, numeric=(3, 4, 5))]


def unevenness_report_html(
    table: pd.DataFrame,
    measures: Iterable[str] = DEFAULT_MEASURES,
    title: str = "Core-secondary unevenness by mega-region",
    sort: str = "region",
    names: Optional[dict] = None,
    scale: str = "column",
    headline: str = DEFAULT_HEADLINE,
    confidence: Optional[float] = None,
    indicator_names: Optional[Mapping[str, str]] = None,
    lang: str = "en",
) -> str:
    """A self-contained HTML page of the table from :func:`.unevenness.unevenness_table`:
    a summary of the ``headline`` measure first, then one heatmap table per measure.

    ``measures``: the measures of the details (the headline is always among them).
    ``sort``: the one row order of every table: ``'region'`` (the national plan's order of
    :func:`.regions.region_order`), ``'value'`` (by the mean percentile rank of the headline in
    each indicator's latest year, highest first), ``'name'`` (alphabetical by full name) or
    ``'table'`` (the table's order). ``names``: display names ``{value: name}`` of mega-regions
    that are not bundled ones (bundled ones always show their full English and Chinese names).
    ``scale``: ``'column'`` (each indicator's years on one scale of their own) or ``'table'``
    (one scale per table). ``confidence``: the intervals' level in percent, for the text.
    ``indicator_names``: display names ``{indicator: name}`` (the bundled indicators have theirs).
    ``lang``: ``"en"`` (default) or ``"zh"``, the language of every text of the page; the
    algorithm's English ``title`` becomes its Chinese one (:func:`.report_texts.title`).

    Changes are coloured on a diverging scale around 0, signed measures around their value of
    no gap; missing values are grey. Raises :class:`.unevenness.UnevennessInputError` for an
    unknown measure, headline, sort or scale.
    """
    measures = list(measures)
    unknown = [m for m in measures if m not in MEASURES]
    if unknown:
        raise UnevennessInputError(msg("Unknown measures {unknown}; choose from {measures}",
                                       "未知的指数 {unknown}；请从 {measures} 中选择",
                                       unknown=unknown, measures=", ".join(MEASURES)))
    if headline not in HEADLINE_MEASURES or headline not in table.columns:
        raise UnevennessInputError(msg("headline {headline!r} is not a headline measure of the table; choose from "
                                       "{measures}",
                                       "headline {headline!r} 不是表格中的主要指数；请从 {measures} 中选择",
                                       headline=headline,
                                       measures=", ".join(h for h in HEADLINE_MEASURES if h in table.columns)))
    if sort not in SORTS:
        raise UnevennessInputError(msg("sort must be one of {sorts}, not {sort!r}",
                                       "sort 必须为 {sorts} 之一，而不是 {sort!r}",
                                       sorts=", ".join(map(repr, SORTS)), sort=sort))
    if scale not in ("column", "table"):
        raise UnevennessInputError(msg("scale must be 'column' or 'table', not {scale!r}",
                                       "scale 必须为 'column' 或 'table'，而不是 {scale!r}", scale=scale))
    try:
        lang = rt.check_lang(lang)
    except ValueError as exc:
        raise UnevennessInputError(reason_of(exc)) from None
    measures = [headline] + [m for m in measures if m != headline]
    t = _Table(table)
    values = list(pd.unique(table["megaregion"]))
    ranks = _value_ranks(t, region_order(values), headline) if sort == "value" else None
    regions = _Regions(values, sort, names, ranks, lang)
    T = rt.TextOf(lang)
    title = rt.title(title, lang)
    decimals = {}
    for m in measures:
        for ind in t.indicators:
            decimals[m, ind] = rb.decimals_for(
                np.asarray([_num(t.get(r, ind, y), m) for r in values for y in (t.years[ind] or [None])]))
    info = MEASURE_INFO[headline]
    weighted = bool(table["weighted"].any()) if len(table) and "weighted" in table.columns else False
    level = (T("level") % float(confidence)) if rb.is_number(confidence) else ""
    if t.has_ci(headline):
        intervals = T("intervals") % (level, level.strip() or T("most"))
    else:
        intervals = T("no intervals")
    zh = rt.is_zh(lang)
    out = [
        "<h1>%s</h1>" % rb.esc(title),
        T("lead") % (rb.esc(info.zh if zh else info.en), "" if zh else ' <span class="zh">%s</span>' % rb.esc(info.zh),
                     rb.esc(rt.measure_explain(headline, info.explain, lang))),
        T("help") % (len(values), len(t.indicators), T("weighted") if weighted else T("unweighted"),
                     rb.fmt_number(info.neutral), intervals),
    ]
    contents = ['<a href="#summary">%s</a>' % T("summary"), '<a href="#details">%s</a>%s' % (T("details short"), T("colon"))
                + T("list sep").join('<a href="#m-%s">%s</a>' % (m, rb.esc(measure_name(m, lang))) for m in measures)]
    if ((table["row_type"] == "year") & (table["status"] != "ok")).any():
        contents.append('<a href="#problems">%s</a>' % T("problems"))
    if table["row_type"].isin(["sigma", "beta"]).any():
        contents.append('<a href="#convergence">%s</a>' % panel_report.text("convergence", lang))
    out.append(T("contents") % T("contents sep").join(contents))
    out += _summary(t, regions, headline, indicator_names, decimals, lang)
    out += _details(t, regions, measures, scale, decimals, indicator_names, lang)
    convergence = panel_report.convergence_html(table, headline, lang)
    if convergence:
        out.append(convergence)
    out += _problems(table, regions, lang)
    return rb.page(title, out, rt.html_lang(lang))
