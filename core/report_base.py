"""What the HTML reports share: the page template, one style sheet, number formatting, colour
scales and small SVG charts.

Pure standard library (and numpy for ranges): no JavaScript, no external file or font, so a
report opens offline, in QGIS's own viewer, and can be archived with the results.

Numbers are written as plain decimals a reader can quote (``0.000773``, never ``7.73e-04``):
:func:`fmt_number` keeps a number of significant digits, :func:`decimals_for` chooses one
number of decimals for a column so its values line up, and only magnitudes no decimal can
show in reasonable width (at least 10^15, or below 10^-9 for a lone value) are written as
``1.20 × 10³⁰⁸``.
"""
import html
import math
from typing import Iterable, List, Optional, Sequence, Tuple

__all__ = [
    "CSS", "esc", "page", "fmt_number", "fmt_fixed", "decimals_for", "fmt_signed", "fmt_interval",
    "fmt_p", "fmt_percent", "is_number", "sequential_colour", "diverging_colour", "legend",
    "nice_ticks", "svg", "axes", "band_chart", "text_width", "html_table", "CSS_ZH",
]

CSS = """
body{font-family:"Noto Sans","Noto Sans CJK SC","Microsoft YaHei","PingFang SC",Helvetica,Arial,sans-serif;
 margin:1.5em 2em;color:#222;max-width:1200px;line-height:1.4}
h1{font-size:1.6em;margin-bottom:0.2em}
h2{font-size:1.3em;border-bottom:1px solid #ccc;margin-top:1.8em;padding-bottom:0.15em}
h3{font-size:1.08em;margin:1.4em 0 0.4em 0}
.zh{color:#555;font-weight:normal}
.lead{font-size:1.02em;max-width:60em}
.muted,.help{color:#555;max-width:60em}
.small{font-size:0.85em}
table{border-collapse:collapse;margin:0.4em 0 1em 0;font-size:0.88em}
td,th{border:1px solid #ddd;padding:3px 7px;vertical-align:top}
th{background:#f4f4f4;text-align:left;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.heat td{border:1px solid #fff;text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.heat th{border:1px solid #fff}
th.region{background:#f8f8f8;text-align:left}
th.region div{min-width:11em;max-width:21em;white-space:normal}
.nowrap{white-space:nowrap}
th.region .zh{font-size:0.9em}
td .p{display:block;font-size:0.8em;opacity:0.85}
td .ci{color:inherit;opacity:0.72}
td.verdict{white-space:nowrap}
.clear{font-weight:600}.unclear{color:#666}
.widened{color:#b2182b}.narrowed{color:#2166ac}
.findings li{margin:0.25em 0}
.notes{font-size:0.85em;color:#555}
.legend{display:inline-block;width:160px;height:11px;vertical-align:middle;margin:0 6px;border:1px solid #ccc}
.legendline{font-size:0.85em;color:#444;margin:0.2em 0}
.swatch{display:inline-block;width:0.9em;height:0.9em;margin-right:0.35em;vertical-align:middle;border:1px solid #999}
.charts{display:flex;flex-wrap:wrap;gap:6px 14px}
.charts figure{margin:0;width:230px}
.charts figcaption{font-size:0.8em;word-wrap:break-word;overflow-wrap:break-word}
dl dt{font-weight:600;margin-top:0.5em}dl dd{margin-left:1.5em;color:#444}
svg text{font-family:inherit}
.warn{color:#8a3b00;font-weight:600}
"""

_SUPERSCRIPT = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
_DASH = "\u2013"      # en dash between the ends of an interval
MISSING_COLOUR = "#d9d9d9"
_LOW, _HIGH = (247, 251, 255), (8, 48, 107)                       # ColorBrewer Blues ends
_NEG, _MID, _POS = (33, 102, 172), (247, 247, 247), (178, 24, 43)  # ColorBrewer RdBu ends


def esc(text) -> str:
    """HTML-escaped text (quotes too, so it is safe in attributes)."""
    return html.escape("" if text is None else str(text), quote=True)


# A Chinese page sets Chinese first: the Simplified Chinese faces of Linux, Windows and macOS,
# whose Latin letters and digits are designed to sit with the Chinese ones. A Chinese heading
# has no spaces to break at, so the headings of number columns may wrap (the numbers do not).
CSS_ZH = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","Hiragino Sans GB",
 "WenQuanYi Micro Hei","Noto Sans",Helvetica,Arial,sans-serif}
th.num{white-space:normal;min-width:4em}
th:first-child{white-space:nowrap}
"""


def page(title: str, body: Iterable[str], lang: str = "en") -> str:
    """A complete, self-contained HTML page: ``title`` as window title and first heading is the
    caller's business (``body`` is joined as it is). ``lang`` is the page's language
    attribute (``"zh-CN"`` or ``"zh"`` adds the Chinese font order :data:`CSS_ZH`)."""
    css = CSS + CSS_ZH if str(lang).lower().startswith("zh") else CSS
    return ("<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>%s</title><style>%s</style></head><body>\n%s\n</body></html>\n"
            % (esc(lang), esc(title), css, "\n".join(body)))


# --------------------------------------------------------------------------- numbers


def is_number(value) -> bool:
    """True for a finite real number (not None, NaN, pandas NA or inf)."""
    if value is None or isinstance(value, bool):
        return False
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _power(value: float, sig: int) -> str:
    mantissa, exponent = ("%.*e" % (max(sig - 1, 0), value)).split("e")
    return "%s \u00d7 10%s" % (mantissa, str(int(exponent)).translate(_SUPERSCRIPT))


def fmt_fixed(value, decimals: int, missing: str = "", sign: bool = False) -> str:
    """``value`` with ``decimals`` decimals and thousands separators (``12,345.6``); ``missing``
    for None/NaN/inf; ``+`` before positive values when ``sign``. A magnitude of at least
    10^15 is written ``1.23 × 10¹⁵``.

    >>> fmt_fixed(0.000773, 6), fmt_fixed(-0.00004, 3), fmt_fixed(12345.678, 1), fmt_fixed(0.012, 3, sign=True)
    ('0.000773', '0.000', '12,345.7', '+0.012')
    """
    if not is_number(value):
        return missing
    v = float(value)
    if abs(v) >= 1e15:
        text = _power(v, 3)
    else:
        text = "{:,.{d}f}".format(v, d=max(int(decimals), 0))
        if text.lstrip("-").strip("0.,") == "":
            text = text.lstrip("-")   # no "-0.000"
    if sign and v > 0 and not text.lstrip("+").strip("0.,") == "":
        text = "+" + text
    return text


def fmt_number(value, sig: int = 3, missing: str = "", sign: bool = False) -> str:
    """``value`` as a plain decimal with ``sig`` significant digits: ``0.000773``, ``0.0420``,
    ``1.23``, ``42.1``, ``12,346``; ``missing`` for None/NaN/inf. Only magnitudes from 10^15 up
    or below 10^-9 are written ``1.20 × 10³⁰⁸``.

    >>> [fmt_number(v) for v in (0.000773, 0.042, 1.234, 42.06, 12345.6, 0, -0.5)]
    ['0.000773', '0.0420', '1.23', '42.1', '12,346', '0', '-0.500']
    >>> fmt_number(1.2e308), fmt_number(3e-12), fmt_number(float("nan"), missing="n/a")
    ('1.20 × 10³⁰⁸', '3.00 × 10⁻¹²', 'n/a')
    """
    if not is_number(value):
        return missing
    v = float(value)
    if v == 0:
        return "0"
    exponent = math.floor(math.log10(abs(v)))
    if abs(v) >= 1e15 or exponent < -9:
        text = _power(v, sig)
        return ("+" + text) if sign and v > 0 else text
    return fmt_fixed(v, max(sig - 1 - exponent, 0), missing, sign)


def decimals_for(values: Iterable, sig: int = 3, most: int = 6) -> int:
    """One number of decimals for a column: enough for ``sig`` significant digits of its largest
    magnitude, at most ``most``.

    >>> decimals_for([0.05, 0.0003, float("nan")]), decimals_for([1.5, 120.0]), decimals_for([])
    (4, 0, 3)
    """
    finite = [abs(float(v)) for v in values if is_number(v) and float(v) != 0]
    if not finite:
        return sig
    exponent = math.floor(math.log10(max(finite)))
    return int(min(max(sig - 1 - exponent, 0), most))


def fmt_signed(value, decimals: int, missing: str = "") -> str:
    """A change: ``+0.012``, ``-0.007``, ``0.000``."""
    return fmt_fixed(value, decimals, missing, sign=True)


def fmt_interval(low, high, decimals: int, lang: str = "en") -> str:
    """``0.031–0.055`` (an en dash), ``-0.012 to 0.004`` when an end is negative (a dash next
    to a minus sign misreads; ``-0.012 至 0.004`` in Chinese), or ``""`` when either end is missing.

    >>> fmt_interval(0.0312, 0.0551, 3), fmt_interval(-0.0124, -0.0041, 3), fmt_interval(None, 1, 3)
    ('0.031–0.055', '-0.012 to -0.004', '')
    >>> fmt_interval(-0.0124, 0.0041, 3, lang="zh")
    '-0.012 至 0.004'
    """
    if not (is_number(low) and is_number(high)):
        return ""
    joint = _DASH
    if float(low) < 0 or float(high) < 0:
        joint = " 至 " if str(lang).lower().startswith("zh") else " to "
    return "%s%s%s" % (fmt_fixed(low, decimals), joint, fmt_fixed(high, decimals))


def fmt_p(p) -> str:
    """A p-value for a reader: ``p = 0.03``, ``p = 0.004``, ``p < 0.001``, ``p = 1``.

    >>> fmt_p(0.0312), fmt_p(0.0042), fmt_p(0.0005), fmt_p(1.0), fmt_p(None)
    ('p = 0.03', 'p = 0.004', 'p < 0.001', 'p = 1', '')
    """
    if not is_number(p):
        return ""
    p = float(p)
    if p < 0.001:
        return "p < 0.001"
    if p >= 0.995:
        return "p = 1"
    return "p = %s" % (("%.3f" % p) if p < 0.01 else ("%.2f" % p))


def fmt_percent(share, missing: str = "") -> str:
    """A share 0..1 as ``34%`` (``0.4%`` below 1%)."""
    if not is_number(share):
        return missing
    pct = 100.0 * float(share)
    return ("%.1f%%" if abs(pct) < 1 and pct != 0 else "%.0f%%") % pct


# --------------------------------------------------------------------------- colours


def _mix(a, b, t: float) -> Tuple[int, int, int]:
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))


def _with_text(rgb) -> Tuple[str, str]:
    light = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] > 140
    return "#%02x%02x%02x" % rgb, "#222" if light else "#fff"


def sequential_colour(value, low: float, high: float) -> Tuple[str, str]:
    """(background, text colour) of ``value`` on a light-to-dark blue scale from ``low`` to
    ``high``; grey for a missing value."""
    if not is_number(value):
        return MISSING_COLOUR, "#222"
    # halved first: high - low of values near +-1.7e308 would overflow
    span = high / 2 - low / 2
    t = 0.0 if not span > 0 else (float(value) / 2 - low / 2) / span
    return _with_text(_mix(_LOW, _HIGH, min(max(t, 0.0), 1.0)))


def diverging_colour(value, centre: float, reach: float) -> Tuple[str, str]:
    """(background, text colour) of ``value`` on a blue-white-red scale: white at ``centre``,
    full red at ``centre + reach``, full blue at ``centre - reach``; grey when missing."""
    if not is_number(value):
        return MISSING_COLOUR, "#222"
    t = 0.0 if not reach > 0 else (float(value) - centre) / reach
    t = min(max(t, -1.0), 1.0)
    return _with_text(_mix(_MID, _POS, t) if t >= 0 else _mix(_MID, _NEG, -t))


def legend(kind: str, low=None, high=None, left: str = "", right: str = "", note: str = "",
           lang: str = "en") -> str:
    """A colour bar: ``kind`` 'sequential' or 'diverging', end labels ``left``/``right`` (by
    default the numbers ``low``/``high``), and the grey of missing values (named in ``lang``)."""
    if kind == "diverging":
        gradient = "linear-gradient(to right, #%02x%02x%02x, #%02x%02x%02x, #%02x%02x%02x)" % (_NEG + _MID + _POS)
    else:
        gradient = "linear-gradient(to right, #%02x%02x%02x, #%02x%02x%02x)" % (_LOW + _HIGH)
    left = left or fmt_number(low)
    right = right or fmt_number(high)
    return ('<div class="legendline">%s<span class="legend" style="background:%s"></span>%s%s &nbsp; '
            '<span class="swatch" style="background:%s"></span>%s</div>'
            % (esc(left), gradient, esc(right), (" &nbsp; " + esc(note)) if note else "", MISSING_COLOUR,
               "无数值" if str(lang).lower().startswith("zh") else "no value"))


# --------------------------------------------------------------------------- tables


def html_table(header: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = (),
               cls: str = "") -> str:
    """A table; ``header`` is escaped, cells are HTML as given; columns in ``numeric`` align right."""
    out = ["<table%s><tr>" % (' class="%s"' % cls if cls else "")]
    out += ["<th%s>%s</th>" % (' class="num"' if j in numeric else "", esc(h)) for j, h in enumerate(header)]
    out.append("</tr>")
    for row in rows:
        out.append("<tr>" + "".join("<td%s>%s</td>" % (' class="num"' if j in numeric else "", v)
                                    for j, v in enumerate(row)) + "</tr>")
    out.append("</table>")
    return "".join(out)


# --------------------------------------------------------------------------- SVG


def text_width(text, size: float = 11.0) -> float:
    """Rough width in pixels of ``text`` at font ``size``: wide characters (Chinese) count one
    em, others about 0.6 em, so label space is reserved generously."""
    width = 0.0
    for ch in str(text):
        width += size if ord(ch) > 0x2e80 else 0.62 * size
    return width


def nice_ticks(low: float, high: float, count: int = 5) -> List[float]:
    """Round tick values (1, 2, 5 x 10^k steps) covering ``low``..``high``.

    >>> nice_ticks(0.0, 1.0), nice_ticks(0.031, 0.058, 4)
    ([0.0, 0.2, 0.4, 0.6, 0.8, 1.0], [0.035, 0.04, 0.045, 0.05, 0.055])
    """
    if not (is_number(low) and is_number(high)) or not high > low:
        return [low]
    raw = (high - low) / max(count, 1)
    step = 10 ** math.floor(math.log10(raw))
    step *= min((1, 2, 2.5, 5, 10), key=lambda m: abs(math.log(m * step / raw)))
    out, v = [], math.ceil(low / step - 1e-9) * step
    while v <= high + 1e-9 * step:
        out.append(round(v, 12))
        v += step
    return out


def _tick_label(value: float, ticks: Sequence[float]) -> str:
    if len(ticks) > 1:
        step = abs(ticks[1] - ticks[0])
        decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0
        decimals += 1 if step > 0 and round(step / 10 ** math.floor(math.log10(step)), 6) == 2.5 else 0
        return fmt_fixed(value, decimals)
    return fmt_number(value)


def svg(width: float, height: float, body: Iterable[str], label: str) -> str:
    """An inline SVG element with an accessible label."""
    return ('<svg width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s">%s</svg>'
            % (width, height, width, height, esc(label), "".join(body)))


def axes(width, height, margin, x_range, y_range, x_label="", y_label="", x_ticks=None, y_ticks=None,
         font=11, grid=False):
    """Axis lines, ticks and labels; returns ``(elements, sx, sy)`` with ``sx``/``sy`` mapping data
    to pixels. ``margin`` is (left, right, top, bottom)."""
    left, right, top, bottom = margin
    x0, x1 = x_range
    y0, y1 = y_range
    span_x = (x1 - x0) or 1.0
    span_y = (y1 - y0) or 1.0

    def sx(v):
        return left + (v - x0) / span_x * (width - left - right)

    def sy(v):
        return height - bottom - (v - y0) / span_y * (height - top - bottom)

    base = height - bottom
    el = ['<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>' % (left, base, width - right, base),
          '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444"/>' % (left, top, left, base)]
    xt = list(x_ticks) if x_ticks is not None else nice_ticks(x0, x1)
    for t in xt:
        label = str(t) if isinstance(t, (str, int)) else _tick_label(t, xt)   # years without separators
        el.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#444"/>' % (sx(float(t)), base, sx(float(t)), base + 4))
        el.append('<text x="%.1f" y="%d" font-size="%d" text-anchor="middle">%s</text>'
                  % (sx(float(t)), base + font + 4, font, esc(label)))
    yt = list(y_ticks) if y_ticks is not None else nice_ticks(y0, y1, 4)
    for t in yt:
        if grid:
            el.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#e6e6e6"/>' % (left, sy(t), width - right, sy(t)))
        el.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#444"/>' % (left - 4, sy(t), left, sy(t)))
        el.append('<text x="%d" y="%.1f" font-size="%d" text-anchor="end">%s</text>'
                  % (left - 6, sy(t) + font / 3, font, esc(_tick_label(t, yt))))
    if x_label:
        el.append('<text x="%.1f" y="%d" font-size="%d" text-anchor="middle">%s</text>'
                  % ((left + width - right) / 2, height - 4, font + 1, esc(x_label)))
    if y_label:
        mid = (top + height - bottom) / 2
        el.append('<text x="%d" y="%.1f" font-size="%d" text-anchor="middle" transform="rotate(-90 %d %.1f)">%s</text>'
                  % (font + 2, mid, font + 1, font + 2, mid, esc(y_label)))
    return el, sx, sy


def band_chart(xs: Sequence[float], ys: Sequence[float], lows=None, highs=None, y_range=None,
               width: int = 230, height: int = 130, label: str = "", reference: Optional[float] = None,
               colour: str = "#0072B2", lang: str = "en") -> str:
    """A small line chart of ``ys`` over ``xs`` (years) with the interval band ``lows``..``highs``
    shaded where both ends are known; ``reference`` draws a dashed line (e.g. the value of no gap).
    Missing values break the line. ``lang`` is the language of the points' tooltips."""
    xs = [float(x) for x in xs]
    ys = [float(y) if is_number(y) else math.nan for y in ys]
    lows = [float(v) if is_number(v) else math.nan for v in (lows if lows is not None else [None] * len(xs))]
    highs = [float(v) if is_number(v) else math.nan for v in (highs if highs is not None else [None] * len(xs))]
    if y_range is None:
        known = [v for v in ys + lows + highs if not math.isnan(v)] + ([reference] if reference is not None else [])
        lo, hi = (min(known), max(known)) if known else (0.0, 1.0)
        pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
        y_range = (lo - pad, hi + pad)
    ticks = nice_ticks(y_range[0], y_range[1], 3)
    left = int(max(text_width(_tick_label(t, ticks), 10) for t in ticks) + 12)
    pad_x = (max(xs) - min(xs)) * 0.06 or 0.5
    body, sx, sy = axes(width, height, (left, 10, 8, 20), (min(xs) - pad_x, max(xs) + pad_x), y_range,
                        x_ticks=[int(x) for x in xs], y_ticks=ticks, font=10, grid=True)
    if reference is not None and y_range[0] <= reference <= y_range[1]:
        body.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#999" stroke-dasharray="3,3"/>'
                    % (left, sy(reference), width - 10, sy(reference)))
    band = [i for i in range(len(xs)) if not (math.isnan(lows[i]) or math.isnan(highs[i]))]
    if len(band) >= 2:
        upper = " ".join("%.1f,%.1f" % (sx(xs[i]), sy(highs[i])) for i in band)
        lower = " ".join("%.1f,%.1f" % (sx(xs[i]), sy(lows[i])) for i in reversed(band))
        body.append('<polygon class="band" points="%s %s" fill="%s" fill-opacity="0.18" stroke="none"/>'
                    % (upper, lower, colour))
    for i in band:
        body.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-opacity="0.6"/>'
                    % (sx(xs[i]), sy(lows[i]), sx(xs[i]), sy(highs[i]), colour))
    run: List[str] = []
    for x, y in list(zip(xs, ys)) + [(math.nan, math.nan)]:
        if math.isnan(y):
            if len(run) > 1:
                body.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="1.8"/>' % (" ".join(run), colour))
            run = []
        else:
            run.append("%.1f,%.1f" % (sx(x), sy(y)))
    for i, (x, y) in enumerate(zip(xs, ys)):
        if not math.isnan(y):
            zh = str(lang).lower().startswith("zh")
            tip = ("%d 年：%s" if zh else "%d: %s") % (x, fmt_number(y))
            if i in band:
                tip += ("（%s）" if zh else " (%s)") % fmt_interval(lows[i], highs[i], decimals_for([highs[i], y]), lang)
            body.append('<circle cx="%.1f" cy="%.1f" r="2.8" fill="%s"><title>%s</title></circle>'
                        % (sx(x), sy(y), colour, esc(tip)))
    return svg(width, height, body, label)
