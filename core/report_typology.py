"""Self-contained HTML report of a gap typology and/or a trend typology.

Pure Python: inline SVG charts, inline CSS, no JavaScript and no external resources, so
the file opens offline and can be archived with the results. Sections per typology:
summary, mean silhouette by K, PCA scatter coloured by type, profile heatmaps per type
(per indicator and per dimension), cities per type and mega-region, type descriptions,
and cities left out with the reason.
"""
import html
import math

import numpy as np

# Okabe & Ito (2008) colour-blind-safe palette, then Tableau 10 for more types
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
           "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7")

CSS = """
body{font-family:Helvetica,Arial,sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:2em}h3{font-size:1.05em}
table{border-collapse:collapse;margin:0.5em 0;font-size:0.9em}
td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top}th{background:#f4f4f4}
.num{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#777}
svg text{font-family:Helvetica,Arial,sans-serif}
.swatch{display:inline-block;width:0.9em;height:0.9em;margin-right:0.3em;vertical-align:middle}
"""


def _e(text):
    return html.escape(str(text), quote=True)


def type_colour(index):
    return PALETTE[index % len(PALETTE)]


def _fmt(v, digits=3):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return f"{v:.{digits}f}"


def _ticks(low, high, count=5):
    if not high > low:
        return [low]
    raw = (high - low) / count
    step = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * step:
            step *= m
            break
    start = math.ceil(low / step) * step
    out = []
    v = start
    while v <= high + 1e-12 * step:
        out.append(round(v, 12))
        v += step
    return out


def _axes(width, height, margin, xr, yr, xlabel, ylabel, xticks=None):
    """SVG axis lines, ticks and labels; returns (elements, sx, sy)."""
    left, right, top, bottom = margin
    x0, x1 = xr
    y0, y1 = yr
    span_x = (x1 - x0) or 1.0
    span_y = (y1 - y0) or 1.0

    def sx(v):
        return left + (v - x0) / span_x * (width - left - right)

    def sy(v):
        return height - bottom - (v - y0) / span_y * (height - top - bottom)

    el = [f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#444"/>',
          f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#444"/>']
    for t in (xticks if xticks is not None else _ticks(x0, x1)):
        el.append(f'<line x1="{sx(t):.1f}" y1="{height - bottom}" x2="{sx(t):.1f}" y2="{height - bottom + 4}" stroke="#444"/>')
        el.append(f'<text x="{sx(t):.1f}" y="{height - bottom + 16}" font-size="11" text-anchor="middle">{_e(_tick_label(t))}</text>')
    for t in _ticks(y0, y1):
        el.append(f'<line x1="{left - 4}" y1="{sy(t):.1f}" x2="{left}" y2="{sy(t):.1f}" stroke="#444"/>')
        el.append(f'<text x="{left - 6}" y="{sy(t) + 4:.1f}" font-size="11" text-anchor="end">{_e(_tick_label(t))}</text>')
    el.append(f'<text x="{(left + width - right) / 2:.1f}" y="{height - 6}" font-size="12" text-anchor="middle">{_e(xlabel)}</text>')
    el.append(f'<text x="14" y="{(top + height - bottom) / 2:.1f}" font-size="12" text-anchor="middle" '
              f'transform="rotate(-90 14 {(top + height - bottom) / 2:.1f})">{_e(ylabel)}</text>')
    return el, sx, sy


def _tick_label(t):
    return f"{t:g}"


def _svg(width, height, body, label):
    return (f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{_e(label)}">' + "".join(body) + "</svg>")


def _padded(values, pad=0.05):
    low, high = float(np.min(values)), float(np.max(values))
    if not high > low:
        low, high = low - 0.5, high + 0.5
    span = high - low
    return low - pad * span, high + pad * span


def silhouette_chart(result, width=420, height=260):
    """Mean silhouette by K; the chosen K is drawn larger."""
    table = result.silhouette_by_k
    ks = table["k"].to_numpy(dtype=float)
    sil = table["mean_silhouette"].to_numpy(dtype=float)
    xr = (ks.min() - 0.5, ks.max() + 0.5)
    yr = _padded(np.r_[sil, 0.0])
    body, sx, sy = _axes(width, height, (50, 15, 15, 40), xr, yr, "K (number of types)", "mean silhouette",
                         xticks=[int(k) for k in ks])
    if len(ks) > 1:
        path = " ".join(f"{sx(k):.1f},{sy(s):.1f}" for k, s in zip(ks, sil))
        body.append(f'<polyline points="{path}" fill="none" stroke="#0072B2" stroke-width="1.5"/>')
    for k, s in zip(ks, sil):
        chosen = int(k) == result.k
        body.append(f'<circle cx="{sx(k):.1f}" cy="{sy(s):.1f}" r="{6 if chosen else 3.5}" '
                    f'fill="{"#D55E00" if chosen else "#0072B2"}"><title>K = {int(k)}: {s:.4f}</title></circle>')
    return _svg(width, height, body, "mean silhouette by K")


def pca_chart(result, width=560, height=420):
    """Cities on the first two principal components, coloured by type."""
    cities = result.cities
    x = cities["pca_x"].to_numpy(dtype=float)
    y = cities["pca_y"].to_numpy(dtype=float)
    ex = result.pca_explained
    body, sx, sy = _axes(width, height, (55, 15, 15, 42), _padded(x), _padded(y),
                         f"PC1 ({100 * ex[0]:.1f}% of variance)", f"PC2 ({100 * ex[1]:.1f}%)")
    letters = list(result.types.index)
    for (_, row), xi, yi in zip(cities.iterrows(), x, y):
        colour = type_colour(letters.index(row["type"]))
        tip = f"{row['name']} ({row['megaregion_id']}): type {row['type']}, silhouette {row['silhouette']:.3f}"
        body.append(f'<circle cx="{sx(xi):.1f}" cy="{sy(yi):.1f}" r="4" fill="{colour}" fill-opacity="0.85" '
                    f'stroke="#333" stroke-width="0.4"><title>{_e(tip)}</title></circle>')
    return _svg(width, height, body, "PCA scatter of cities coloured by type")


def _diverging(v, vmax):
    """Blue (negative) - white - orange-red (positive)."""
    if v is None or math.isnan(v) or vmax <= 0:
        return "#ffffff"
    t = max(-1.0, min(1.0, v / vmax))
    if t < 0:
        r, g, b = (int(255 + t * (255 - c)) for c in (33, 102, 172))
    else:
        r, g, b = (int(255 - t * (255 - c)) for c in (178, 24, 43))
    return f"#{r:02x}{g:02x}{b:02x}"


def heatmap(centres, title, cell=58, row_height=26):
    """Types x columns heatmap of centres, value in every cell; symmetric colour scale around 0."""
    columns = list(centres.columns)
    rows = list(centres.index)
    values = centres.to_numpy(dtype=float)
    vmax = float(np.nanmax(np.abs(values))) if values.size else 0.0
    label_h = 110
    left = 40
    width = left + cell * len(columns) + 10
    height = label_h + row_height * len(rows) + 10
    body = []
    for j, col in enumerate(columns):
        cx = left + cell * j + cell / 2
        body.append(f'<text x="{cx:.1f}" y="{label_h - 6}" font-size="11" text-anchor="start" '
                    f'transform="rotate(-45 {cx:.1f} {label_h - 6})">{_e(col)}</text>')
    for i, row in enumerate(rows):
        y = label_h + row_height * i
        body.append(f'<rect x="4" y="{y + 4}" width="14" height="{row_height - 8}" fill="{type_colour(i)}"/>')
        body.append(f'<text x="22" y="{y + row_height / 2 + 4:.1f}" font-size="12" font-weight="bold">{_e(row)}</text>')
        for j, col in enumerate(columns):
            v = values[i, j]
            fill = _diverging(v, vmax)
            dark = not math.isnan(v) and vmax > 0 and abs(v) / vmax > 0.6
            body.append(f'<rect x="{left + cell * j}" y="{y}" width="{cell}" height="{row_height}" fill="{fill}" '
                        f'stroke="#fff"><title>{_e(row)} / {_e(col)}: {_fmt(v)}</title></rect>')
            body.append(f'<text x="{left + cell * j + cell / 2:.1f}" y="{y + row_height / 2 + 4:.1f}" font-size="10" '
                        f'text-anchor="middle" fill="{"#fff" if dark else "#222"}">{_fmt(v, 2)}</text>')
    return _svg(width, height, body, title)


def _table(header, rows, numeric=()):
    out = ["<table><tr>" + "".join(f"<th>{_e(h)}</th>" for h in header) + "</tr>"]
    for row in rows:
        cells = []
        for j, v in enumerate(row):
            cls = ' class="num"' if j in numeric else ""
            cells.append(f"<td{cls}>{v}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "".join(out) + "</table>"


def typology_section(result, heading=None):
    """HTML of one typology (gap or trend)."""
    kind = result.kind
    noun = "type" if kind == "gap" else "trend"
    unit = "gap to the cores (performance units)" if kind == "gap" else "change in performance"
    heading = heading or ("Typology of secondary cities by their gap to the cores" if kind == "gap"
                          else "Development trends of secondary cities")
    letters = list(result.types.index)
    parts = [f"<h2>{_e(heading)}</h2>"]
    settings = ", ".join(f"{k} = {v}" for k, v in result.settings.items() if v not in (None, [], ""))
    parts.append(f"<p>{len(result.cities)} secondary cities in {result.k} {noun}s "
                 f"(K chosen by {_e(result.k_chosen_by)}); mean silhouette {result.mean_silhouette:.3f}. "
                 f"Sums of squares: within {result.within_ss:.4f}, between {result.between_ss:.4f}, "
                 f"total {result.total_ss:.4f} (between/total {result.between_ss / result.total_ss:.1%}).</p>"
                 if result.total_ss > 0 else f"<p>{len(result.cities)} secondary cities in {result.k} {noun}s.</p>")
    parts.append(f'<p class="muted">Settings: {_e(settings)}. Indicators: {_e(", ".join(result.indicators))}.</p>')
    for m in result.messages:
        parts.append(f'<p class="muted">{_e(m)}</p>')

    parts.append(f"<h3>Descriptions of the {noun}s</h3><ul>")
    for i, row in enumerate(result.types.to_dict("records")):
        parts.append(f'<li><span class="swatch" style="background:{type_colour(i)}"></span>{_e(row["description"])}</li>')
    parts.append("</ul>")

    parts.append("<h3>Mean silhouette by K</h3>" + silhouette_chart(result))
    parts.append(_table(["K", "mean silhouette", "within SS"],
                        [[int(r.k), _fmt(r.mean_silhouette, 4), _fmt(r.within_ss, 4)]
                         for r in result.silhouette_by_k.itertuples()], numeric=(0, 1, 2)))

    legend = " ".join(f'<span class="swatch" style="background:{type_colour(i)}"></span>{_e(t)}'
                      for i, t in enumerate(letters))
    parts.append(f"<h3>PCA of the {kind} profiles</h3><p>{legend}</p>" + pca_chart(result))
    loadings = result.pca_components
    parts.append(_table(["component"] + list(loadings.columns),
                        [[_e(i)] + [_fmt(v) for v in row] for i, row in zip(loadings.index, loadings.to_numpy())],
                        numeric=tuple(range(1, loadings.shape[1] + 1))))

    parts.append(f"<h3>Profile of every {noun}: centre in {_e(unit)}</h3>")
    parts.append("<p>Per indicator:</p>" + heatmap(result.type_centres, f"{noun} centres per indicator"))
    if list(result.type_centres_by_dimension.columns) != list(result.type_centres.columns):
        parts.append("<p>Per dimension (mean of its indicators):</p>"
                     + heatmap(result.type_centres_by_dimension, f"{noun} centres per dimension"))
    parts.append(_table([noun, "cities", f"mean {kind}", "within SS", "between SS"],
                        [[_e(t), int(r["size"]), _fmt(r["mean"]), _fmt(r["within_ss"], 4),
                          _fmt(r["between_ss"], 4)] for t, r in result.types.iterrows()], numeric=(1, 2, 3, 4)))

    parts.append(f"<h3>Cities per {noun} and mega-region</h3>")
    cities = result.cities
    regions = sorted(cities["megaregion_id"].astype(str).unique())
    rows = []
    for region in regions:
        in_region = cities[cities["megaregion_id"].astype(str) == region]
        row = [_e(region)]
        for t in letters:
            names = sorted(in_region.loc[in_region["type"] == t, "name"].astype(str))
            row.append(_e(", ".join(names)))
        rows.append(row)
    parts.append(_table(["mega-region"] + letters, rows))

    if len(result.excluded):
        parts.append("<h3>Secondary cities left out</h3>")
        parts.append(_table(["mega-region", "city", "reason"],
                            [[_e(r.megaregion_id), _e(r.name), _e(r.reason)] for r in result.excluded.itertuples()]))
    if result.dropped_indicators:
        parts.append("<h3>Indicators dropped</h3><ul>" + "".join(
            f"<li>{_e(why)}</li>" for why in result.dropped_indicators.values()) + "</ul>")
    return "\n".join(parts)


def typology_report_html(*results, title="Typology of secondary cities"):
    """A complete HTML page with one section per result (e.g. the gap typology and the trend)."""
    if not results:
        raise ValueError("The report needs at least one typology result")
    body = "\n".join(typology_section(r) for r in results)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
            f"<h1>{_e(title)}</h1>\n"
            "<p class=\"muted\">Performance = per-indicator TOPSIS (min-max over the pool, cost indicators "
            "reversed). Gap = performance of the secondary city minus its core reference. Trend = "
            "performance in the second year minus the first. Types from K-means, K by mean silhouette; "
            "labelled A, B, ... from the highest mean gap (closest to the cores) or the highest mean "
            "change (most improved).</p>\n"
            f"{body}\n</body></html>\n")


def write_typology_report(path, *results, title="Typology of secondary cities"):
    """Write :func:`typology_report_html` to ``path`` (UTF-8) and return the path."""
    text = typology_report_html(*results, title=title)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
