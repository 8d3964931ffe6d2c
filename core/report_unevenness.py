"""HTML report of the unevenness table: mega-region x indicator heatmap tables, one per
measure and period (each year and each change between years), with a colour scale and a
short explanation of each measure. Pure string generation: no external JS or CSS, so the
file opens offline and in QGIS's own viewer.
"""
import html
import math
from typing import Iterable, List, Optional, Tuple

import numpy as np
import pandas as pd

from .unevenness import MEASURES, UnevennessInputError

__all__ = ["MEASURE_HELP", "DEFAULT_MEASURES", "unevenness_report_html"]

MEASURE_HELP = {
    "mean_core": "Mean of the core cities (weighted mean when weighted).",
    "mean_secondary": "Mean of the secondary cities (weighted mean when weighted).",
    "ratio": "Core mean / secondary mean: above 1 the cores lead, below 1 the secondary cities lead.",
    "gini": "Gini coefficient over all member cities, population form "
            "G = &Sigma;&Sigma;|y<sub>i</sub> &minus; y<sub>r</sub>| / (2n&sup2;&mu;): 0 when all cities are "
            "equal, at most 1 &minus; 1/n.",
    "theil": "Theil T over all member cities, (1/n) &Sigma; (y<sub>i</sub>/&mu;) ln(y<sub>i</sub>/&mu;): "
             "0 when all cities are equal, at most ln n.",
    "theil_between": "Theil T between the core and the secondary group, &Sigma; s<sub>g</sub> "
                     "ln(s<sub>g</sub>/p<sub>g</sub>) (s = share of the indicator total, p = share of the cities).",
    "theil_within": "Theil T within the two groups, &Sigma; s<sub>g</sub> T<sub>g</sub>.",
    "theil_between_share": "Share of Theil T due to the core&ndash;secondary gap (between / total).",
    "theil_core": "Theil T among the core cities.",
    "theil_secondary": "Theil T among the secondary cities.",
    "dagum_g": "Gini coefficient (the G that Dagum's terms add up to).",
    "dagum_gw": "Dagum's within-group term Gw = &Sigma; G<sub>jj</sub> p<sub>j</sub> s<sub>j</sub>.",
    "dagum_gnb": "Dagum's net between-group term Gnb: the part of G due to the gap between the "
                 "core and secondary means; equals p<sub>c</sub> p<sub>s</sub> |&mu;<sub>c</sub> &minus; "
                 "&mu;<sub>s</sub>| / &mu;.",
    "dagum_gt": "Dagum's transvariation term Gt: the part of G due to overlap, secondary cities "
                "above cores of a region whose cores lead (or the reverse). 0 when the groups do not overlap.",
    "share_gw": "Gw / G.",
    "share_gnb": "Gnb / G: share of inequality due to the core&ndash;secondary gap.",
    "share_gt": "Gt / G: share of inequality due to overlap between the groups.",
    "gini_core": "Gini among the core cities (0 with one core).",
    "gini_secondary": "Gini among the secondary cities.",
    "gini_core_secondary": "Dagum's between-group Gini G<sub>jh</sub> of the cores and secondary cities.",
    "dagum_d": "Dagum's relative economic affluence D of the leading group: 1 when every city of "
               "the leading group is ahead of every city of the other group, 0 when they are alike.",
    "gnb_signed": "Gnb with a sign: +Gnb when the cores lead, &minus;Gnb when the secondary cities "
                  "lead (the fixed core-first convention of some studies).",
}

DEFAULT_MEASURES = ("theil", "theil_between_share", "gini", "share_gnb", "gnb_signed", "ratio")

# Signed measures are drawn on a diverging scale around this value.
_CENTRE = {"gnb_signed": 0.0, "ratio": 1.0}

_LOW, _HIGH = (247, 251, 255), (8, 48, 107)
_NEG, _MID, _POS = (33, 102, 172), (247, 247, 247), (178, 24, 43)
_MISSING = "#d9d9d9"

_STYLE = """
body { font-family: sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 1.6em; } h3 { font-size: 1.05em; }
table.heat { border-collapse: collapse; margin: 0.4em 0 1.2em 0; font-size: 0.85em; }
table.heat th, table.heat td { border: 1px solid #fff; padding: 3px 7px; }
table.heat th { background: #f0f0f0; text-align: left; }
table.heat td { text-align: right; font-variant-numeric: tabular-nums; }
table.list { border-collapse: collapse; font-size: 0.85em; }
table.list th, table.list td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; }
.legend { display: inline-block; width: 180px; height: 12px; vertical-align: middle; margin: 0 6px; }
.help { color: #444; max-width: 60em; }
dl dt { font-weight: bold; margin-top: 0.4em; } dl dd { margin-left: 1.5em; }
"""


def _mix(a, b, t: float) -> Tuple[int, int, int]:
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))


def _hex(rgb) -> str:
    return "#%02x%02x%02x" % rgb


def _colour(value: float, lo: float, hi: float, centre: Optional[float]) -> Tuple[str, str]:
    """Background and text colour of a cell."""
    if value is None or not math.isfinite(value):
        return _MISSING, "#222"
    if centre is None:
        # halved first: hi - lo of a change from -1.7e308 to 1.7e308 would overflow
        t = 0.0 if hi <= lo else (value / 2 - lo / 2) / (hi / 2 - lo / 2)
        rgb = _mix(_LOW, _HIGH, min(max(t, 0.0), 1.0))
    else:
        reach = max(hi - centre, centre - lo, 0.0)
        t = 0.0 if reach == 0 else (value - centre) / reach
        t = min(max(t, -1.0), 1.0)
        rgb = _mix(_MID, _POS, t) if t >= 0 else _mix(_MID, _NEG, -t)
    light = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] > 140
    return _hex(rgb), "#222" if light else "#fff"


def _legend(lo: Optional[float], hi: Optional[float], centre: Optional[float]) -> str:
    """Colour bar; without ``lo``/``hi`` each indicator column has its own range."""
    if centre is None:
        gradient = "linear-gradient(to right, %s, %s)" % (_hex(_LOW), _hex(_HIGH))
    else:
        gradient = "linear-gradient(to right, %s, %s, %s)" % (_hex(_NEG), _hex(_MID), _hex(_POS))
    if lo is None:
        if centre is None:
            left, right = "column min", "column max"
        else:
            left, right = "below %s" % _fmt(centre), "above %s" % _fmt(centre)
        note = " (each indicator column scaled on its own)"
    else:
        if centre is None:
            left, right = _fmt(lo), _fmt(hi)
        else:
            reach = max(hi - centre, centre - lo, 0.0)
            left, right = _fmt(centre - reach), _fmt(centre + reach)
        note = ""
    return ('<div>%s<span class="legend" style="background: %s"></span>%s%s &nbsp; '
            '<span style="background:%s">&nbsp;&nbsp;&nbsp;</span> no value</div>'
            % (left, gradient, right, note, _MISSING))


def _fmt(value) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    value = float(value)
    if value != 0 and (abs(value) >= 1e4 or abs(value) < 1e-3):
        return "%.2e" % value
    return "%.3f" % value


def _periods(table: pd.DataFrame) -> List[Tuple[str, np.ndarray]]:
    """(title, row mask) for each year, the single-year indicators, and each change."""
    out = []
    kind = table["row_type"].to_numpy()
    year = table["year"]
    dated = sorted({int(y) for y in year[kind == "year"].dropna()})
    for y in dated:
        out.append((str(y), (kind == "year") & (year == y).fillna(False).to_numpy()))
    undated = (kind == "year") & year.isna().to_numpy()
    if undated.any():
        out.append(("single-year indicators", undated))
    changes = table.loc[kind == "change", ["year1", "year2"]].drop_duplicates()
    for y1, y2 in sorted((int(a), int(b)) for a, b in changes.itertuples(index=False)):
        mask = (kind == "change") & (table["year1"] == y1).fillna(False).to_numpy() & (
            table["year2"] == y2).fillna(False).to_numpy()
        out.append(("change %d&ndash;%d" % (y1, y2), mask))
    return out


def _heat_table(rows: pd.DataFrame, measure: str, centre: Optional[float], sort: str, scale: str) -> str:
    regions = list(pd.unique(rows["megaregion"]))
    indicators = list(pd.unique(rows["indicator"]))
    values = rows.pivot(index="megaregion", columns="indicator", values=measure).reindex(
        index=regions, columns=indicators).astype(float)
    status = rows.pivot(index="megaregion", columns="indicator", values="status").reindex(
        index=regions, columns=indicators)
    if sort == "value":
        # mean percentile rank over the indicators, so no indicator dominates by its scale
        order = values.rank(pct=True).mean(axis=1, skipna=True).sort_values(
            ascending=False, na_position="last").index
        values, status = values.loc[order], status.loc[order]
    elif sort == "name":
        values, status = values.sort_index(), status.sort_index()

    def bounds(frame):
        finite = frame.to_numpy()[np.isfinite(frame.to_numpy())]
        return (float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0)

    if scale == "table":
        lo, hi = bounds(values)
        ranges = {ind: (lo, hi) for ind in indicators}
        parts = [_legend(lo, hi, centre)]
    else:
        ranges = {ind: bounds(values[[ind]]) for ind in indicators}
        parts = [_legend(None, None, centre)]
    parts.append('<table class="heat"><tr><th>mega-region</th>')
    parts += ["<th>%s</th>" % html.escape(str(i)) for i in indicators]
    parts.append("</tr>")
    for region in values.index:
        parts.append("<tr><th>%s</th>" % html.escape(str(region)))
        for ind in indicators:
            v = values.at[region, ind]
            st = status.at[region, ind]
            bg, fg = _colour(v, ranges[ind][0], ranges[ind][1], centre)
            tip = "" if st == "ok" or pd.isna(st) else ' title="%s"' % html.escape(str(st))
            parts.append('<td style="background:%s;color:%s"%s>%s</td>' % (bg, fg, tip, _fmt(v)))
        parts.append("</tr>")
    parts.append("</table>")
    return "".join(parts)


def unevenness_report_html(
    table: pd.DataFrame,
    measures: Iterable[str] = DEFAULT_MEASURES,
    title: str = "Core-secondary unevenness by mega-region",
    sort: str = "value",
    names: Optional[dict] = None,
    scale: str = "column",
) -> str:
    """A self-contained HTML page of the table from :func:`.unevenness.unevenness_table`.

    For every measure: one heatmap table (mega-regions in rows, indicators in columns) per
    year, for single-year indicators, and per change between years. Non-negative measures
    use a sequential scale from minimum to maximum; changes and signed measures
    (``gnb_signed``, ``ratio`` around 1) a diverging scale centred on 0 (or 1). Cells
    without a value are grey, with the row's status as tooltip.

    ``scale``: ``'column'`` (each indicator scaled on its own, since indicators differ in
    spread) or ``'table'`` (one scale per heatmap). ``sort``: ``'value'`` (mega-regions by
    their mean percentile rank over the indicators, highest first), ``'name'``, or
    ``'table'`` (the table's order). ``names``: optional display names of the
    mega-regions, ``{megaregion_id: name}``.
    """
    measures = list(measures)
    unknown = [m for m in measures if m not in MEASURES]
    if unknown:
        raise UnevennessInputError("Unknown measures %s; choose from %s" % (unknown, ", ".join(MEASURES)))
    if sort not in ("value", "name", "table"):
        raise UnevennessInputError("sort must be 'value', 'name' or 'table', not %r" % (sort,))
    if scale not in ("column", "table"):
        raise UnevennessInputError("scale must be 'column' or 'table', not %r" % (scale,))
    if names:
        table = table.assign(megaregion=table["megaregion"].map(lambda r: names.get(r, r)))
    esc = html.escape
    weighted = bool(table["weighted"].any()) if len(table) else False
    years = table[table["row_type"] == "year"]
    n_bad = int((years["status"] != "ok").sum())
    out = [
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title><style>%s</style></head><body>"
        % (esc(title), _STYLE),
        "<h1>%s</h1>" % esc(title),
        '<p class="help">%d mega-regions, %d indicators, %s. Each value is computed over the member '
        "cities with a valid value of that indicator and year; cities with NULL are excluded and "
        "counted in the table's <code>n_null</code>. A change is value(year 2) &minus; value(year 1); "
        "the two years' city sets can differ.</p>"
        % (table["megaregion"].nunique(), table["indicator"].nunique(),
           "population-weighted measures" if weighted else "every city counts once"),
    ]
    out.append("<h2>Measures</h2><dl>")
    for m in measures:
        out.append("<dt>%s</dt><dd>%s</dd>" % (esc(m), MEASURE_HELP.get(m, "")))
    out.append("</dl>")
    periods = _periods(table)
    for m in measures:
        out.append("<h2>%s</h2><p class=\"help\">%s</p>" % (esc(m), MEASURE_HELP.get(m, "")))
        for label, mask in periods:
            rows = table[mask]
            if rows.empty:
                continue
            change = label.startswith("change")
            centre = 0.0 if change else _CENTRE.get(m)
            out.append("<h3>%s &mdash; %s</h3>" % (esc(m), label))
            out.append(_heat_table(rows, m, centre, sort, scale))
    if n_bad:
        out.append("<h2>Rows without measures</h2><table class=\"list\"><tr><th>mega-region</th>"
                   "<th>indicator</th><th>year</th><th>cores</th><th>secondary</th><th>NULL</th><th>reason</th></tr>")
        for r in years[years["status"] != "ok"].itertuples(index=False):
            out.append("<tr>%s</tr>" % "".join(
                "<td>%s</td>" % esc("" if pd.isna(v) else str(v))
                for v in (r.megaregion, r.indicator, r.year, r.n_core, r.n_secondary, r.n_null, r.status)))
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)
