"""Self-contained HTML report of a gap typology and/or a trend typology
(:class:`~megaregion.core.typology.TypologyResult`).

Each section leads with the answer: how many secondary cities fall into how many types, a
table of the types (colour, label, number of cities, stability with "unstable" in words under
0.6, mean silhouette, description) and the cities of every type per mega-region under the
mega-region's full English and Chinese name, in the one region order of every report. Then
the details: the profile heatmap of every type, the mean silhouette by K, the PCA scatter and
loadings, and the cities left out with the reason. Page, styles, numbers and charts come
from :mod:`.report_base`; no JavaScript and no external resources. ``lang="zh"`` writes the
report in Chinese (words in :mod:`.report_texts`, type labels from
:func:`~megaregion.core.typology_tables.type_labels`); the type descriptions are those of the
result (a typology run with ``lang="zh"`` has them in Chinese).
"""
import math
import re

import numpy as np

from . import report_base as rb
from . import report_texts as rt
from .fields import split_year
from .indicators import INDICATOR_NAMES, indicator_name
from .messages import msg
from .regions import find_region, region_order
from .stability import UNSTABLE_BELOW
from .type_texts import dimension_in_words

__all__ = ["PALETTE", "CSS", "type_colour", "column_label", "silhouette_chart", "pca_chart", "heatmap", "typology_section",
           "typology_report_html", "write_typology_report"]

# Okabe & Ito (2008) colour-blind-safe palette, then Tableau 10 for more types
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
           "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7")

CSS = rb.CSS
_e = rb.esc


def type_colour(index):
    return PALETTE[index % len(PALETTE)]


def _region(value, lang="en"):
    """``(English, Chinese)`` of a mega-region code or name ('' for a region not bundled);
    ``(Chinese, '')`` in a Chinese report."""
    region = find_region(value)
    if region is None:
        return str(value), ""
    return (region.zh, "") if rt.is_zh(lang) else (region.en, region.zh)


def _region_full(value, lang="en"):
    en, zh = _region(value, lang)
    return "%s (%s)" % (en, zh) if zh else en


def _region_th(value, lang="en"):
    en, zh = _region(value, lang)
    return '<th class="region"><div>%s%s</div></th>' % (_e(en), ' <span class="zh">%s</span>' % _e(zh) if zh else "")


def column_label(field, lang="en"):
    """A profile column for a reader: ``popu_2020`` -> ``population, 2020`` for a bundled
    indicator (:mod:`.indicators`), any other column as it is; in Chinese (``lang="zh"``)
    also the dissertation's dimensions.

    >>> column_label("popu_2020"), column_label("built_frac_13"), column_label("GDP_2020")
    ('population, 2020', 'built-up share', 'GDP_2020')
    >>> column_label("popu_2020", "zh"), column_label("innovation", "zh"), column_label("GDP_2020", "zh")
    ('2020年常住人口', '创新能力', 'GDP_2020')
    """
    if rt.is_zh(lang):
        return dimension_in_words(field, lang)
    base, year = split_year(field)
    if str(field) in INDICATOR_NAMES:
        return indicator_name(field)
    if base in INDICATOR_NAMES:
        return "%s, %d" % (indicator_name(base), year)
    return str(field)


def _padded(values, pad=0.05):
    low, high = float(np.min(values)), float(np.max(values))
    if not high > low:
        low, high = low - 0.5, high + 0.5
    span = high - low
    return low - pad * span, high + pad * span


def silhouette_chart(result, width=420, height=260, lang="en"):
    """Mean silhouette by K; the chosen K is drawn larger."""
    T = rt.TextOf(lang)
    table = result.silhouette_by_k
    ks = table["k"].to_numpy(dtype=float)
    sil = table["mean_silhouette"].to_numpy(dtype=float)
    body, sx, sy = rb.axes(width, height, (50, 15, 15, 40), (ks.min() - 0.5, ks.max() + 0.5), _padded(np.r_[sil, 0.0]),
                           T("k axis"), T("mean silhouette"), x_ticks=[int(k) for k in ks])
    if len(ks) > 1:
        path = " ".join("%.1f,%.1f" % (sx(k), sy(s)) for k, s in zip(ks, sil))
        body.append('<polyline points="%s" fill="none" stroke="#0072B2" stroke-width="1.5"/>' % path)
    for k, s in zip(ks, sil):
        chosen = int(k) == result.k
        body.append('<circle cx="%.1f" cy="%.1f" r="%s" fill="%s"><title>K = %d: %s</title></circle>'
                    % (sx(k), sy(s), 6 if chosen else 3.5, "#D55E00" if chosen else "#0072B2", int(k),
                       rb.fmt_fixed(s, 4)))
    return rb.svg(width, height, body, T("silhouette by k"))


def pca_chart(result, width=560, height=420, lang="en"):
    """Cities on the first two principal components, coloured by type."""
    T = rt.TextOf(lang)
    cities = result.cities
    x = cities["pca_x"].to_numpy(dtype=float)
    y = cities["pca_y"].to_numpy(dtype=float)
    ex = result.pca_explained
    body, sx, sy = rb.axes(width, height, (55, 15, 15, 42), _padded(x), _padded(y),
                           T("pc1") % (100 * ex[0]), T("pc2") % (100 * ex[1]))
    letters = list(result.types.index)
    for (_, row), xi, yi in zip(cities.iterrows(), x, y):
        colour = type_colour(letters.index(row["type"]))
        tip = T("pca tip") % (row["name"], _region_full(row["megaregion_id"], lang), row["type"],
                              rb.fmt_fixed(row["silhouette"], 3))
        body.append('<circle cx="%.1f" cy="%.1f" r="4" fill="%s" fill-opacity="0.85" stroke="#333" '
                    'stroke-width="0.4"><title>%s</title></circle>' % (sx(xi), sy(yi), colour, _e(tip)))
    return rb.svg(width, height, body, T("pca label"))


def heatmap(centres, title, cell=62, row_height=26, lang="en"):
    """Types x columns heatmap of the type centres with the value in every cell, on a scale
    diverging around 0. Column labels are set at 45 degrees with room for the longest, so no
    label is cut."""
    columns = [column_label(c, lang) for c in centres.columns]
    rows = list(centres.index)
    values = centres.to_numpy(dtype=float)
    finite = np.abs(values[np.isfinite(values)])
    vmax = float(finite.max()) if finite.size else 0.0
    decimals = max(rb.decimals_for(finite, sig=2), 2)
    longest = max([rb.text_width(c, 11) for c in columns] or [0.0])
    diagonal = longest * math.sqrt(0.5)
    label_h = int(diagonal + 18)
    left = 40
    width = int(left + cell * len(columns) + max(diagonal - cell / 2, 0) + 12)
    height = label_h + row_height * len(rows) + 6
    body = []
    for j, col in enumerate(columns):
        cx = left + cell * j + cell / 2
        body.append('<text x="%.1f" y="%d" font-size="11" text-anchor="start" transform="rotate(-45 %.1f %d)">%s</text>'
                    % (cx, label_h - 6, cx, label_h - 6, _e(col)))
    for i, row in enumerate(rows):
        y = label_h + row_height * i
        body.append('<rect x="4" y="%d" width="14" height="%d" fill="%s"/>' % (y + 4, row_height - 8, type_colour(i)))
        body.append('<text x="22" y="%.1f" font-size="12" font-weight="bold">%s</text>' % (y + row_height / 2 + 4, _e(row)))
        for j, col in enumerate(columns):
            v = values[i, j]
            fill, ink = rb.diverging_colour(v, 0.0, vmax)
            body.append('<rect x="%d" y="%d" width="%d" height="%d" fill="%s" stroke="#fff"><title>%s / %s: %s</title></rect>'
                        % (left + cell * j, y, cell, row_height, fill, _e(row), _e(col), rb.fmt_number(v)))
            body.append('<text x="%.1f" y="%.1f" font-size="10" text-anchor="middle" fill="%s">%s</text>'
                        % (left + cell * j + cell / 2, y + row_height / 2 + 4, ink, rb.fmt_signed(v, decimals)))
    return rb.svg(width, height, body, title)


def _stability_text(value, lang="en"):
    T = rt.TextOf(lang)
    if not rb.is_number(value):
        return '<span class="muted">%s</span>' % T("not measured")
    text = rb.fmt_fixed(value, 2)
    return ('%s <span class="warn">%s</span>' % (text, T("unstable"))) if float(value) < UNSTABLE_BELOW \
        else text + T("stable")


def _labels(result, lang="en"):
    try:
        from .typology_tables import type_labels
        return dict(type_labels(result, lang))
    except Exception:  # noqa: BLE001 (a label is a nicety; the letter always works)
        return {t: str(t) for t in result.types.index}


def _type_table(result, noun, lang="en"):
    T = rt.TextOf(lang)
    zh = rt.is_zh(lang)
    types = result.types
    letters = list(types.index)
    labels = _labels(result, lang)
    silhouette = result.cities.groupby("type")["silhouette"].mean()
    has_stability = "stability" in types.columns and types["stability"].notna().any()
    header = [noun if zh else noun.capitalize(), T("cities"), T("mean silhouette")] + \
        ([T("stability")] if has_stability else []) + [T("description")]
    rows = []
    for i, (t, r) in enumerate(types.iterrows()):
        row = ['<span class="nowrap"><span class="swatch" style="background:%s"></span><b>%s</b></span>'
               % (type_colour(i), _e(labels.get(t, t))),
               str(int(r["size"])), rb.fmt_fixed(silhouette.get(t, math.nan), 2)]
        if has_stability:
            row.append(_stability_text(r["stability"], lang))
        row.append(_e(r["description"]))
        rows.append(row)
    out = rb.html_table(header, rows, numeric=(1, 2) + ((3,) if has_stability else ()))
    if has_stability:
        unstable = [t for t in letters if rb.is_number(types.at[t, "stability"])
                    and float(types.at[t, "stability"]) < UNSTABLE_BELOW]
        resamples = result.settings.get("stability_resamples")
        how = (T("resamples how") % resamples) if resamples else T("resamples how plain")
        if zh and unstable:
            out += T("unstable types") % (noun, T("list sep").join(unstable), how, "、".join(unstable),
                                          rb.fmt_number(UNSTABLE_BELOW, 1))
        elif unstable:
            out += T("unstable types") % (noun + ("s" if len(unstable) > 1 else ""), ", ".join(unstable), how,
                                          "they are" if len(unstable) > 1 else "it is", rb.fmt_number(UNSTABLE_BELOW, 1),
                                          "them" if len(unstable) > 1 else "it")
        elif zh:
            out += T("stable types") % (how, noun, noun, rb.fmt_number(UNSTABLE_BELOW, 1))
        else:
            out += T("stable types") % (noun, how, noun, rb.fmt_number(UNSTABLE_BELOW, 1))
    return out


def _per_region(result, letters, lang="en"):
    cities = result.cities
    regions = region_order(list(cities["megaregion_id"].unique()))
    labels = _labels(result, lang)
    header = [rt.text("mega-region", lang)] + [labels.get(t, t) for t in letters]
    out = ['<table><tr>' + "".join("<th>%s</th>" % _e(h) for h in header) + "</tr>"]
    for region in regions:
        in_region = cities[cities["megaregion_id"] == region]
        cells = []
        for t in letters:
            names = sorted(in_region.loc[in_region["type"] == t, "name"].astype(str))
            cells.append("<td>%s</td>" % (("<b>%d</b>%s%s" % (len(names), rt.text("colon", lang),
                                                                _e(rt.text("list sep", lang).join(names))))
                                           if names else ""))
        out.append("<tr>%s%s</tr>" % (_region_th(region, lang), "".join(cells)))
    out.append("</table>")
    return "".join(out)


def typology_section(result, heading=None, lang="en"):
    """HTML of one typology (gap or trend), in ``lang``."""
    T = rt.TextOf(lang)
    kind = result.kind
    noun = T("type") if kind == "gap" else T("trend")
    unit = T("unit gap") if kind == "gap" else T("unit trend")
    heading = heading or (T("heading gap") if kind == "gap" else T("heading trend"))
    letters = list(result.types.index)
    parts = ["<h2>%s</h2>" % _e(heading)]
    summary = T("summary line") % (len(result.cities), result.k, noun)
    if result.total_ss > 0:
        chosen = {"silhouette": T("chosen silhouette"), "fixed": T("chosen fixed")}.get(result.k_chosen_by) \
            if rt.is_zh(lang) else None
        summary += T("summary k") % (_e(chosen or result.k_chosen_by), rb.fmt_fixed(result.mean_silhouette, 2),
                                     noun, rb.fmt_percent(result.between_ss / result.total_ss))
    left_out = T("left out lead") % len(result.excluded) if len(result.excluded) else ""
    parts.append('<p class="lead">%s</p>' % (T("lead end") % (summary, left_out)))
    parts.append(_type_table(result, noun, lang))

    parts.append("<h3>%s</h3>" % (T("per type region") % noun))
    parts.append(_per_region(result, letters, lang))

    parts.append("<h3>%s</h3>" % (T("profile") % (noun, _e(unit))))
    colours = T("colours gap") if kind == "gap" else T("colours trend")
    parts.append(T("per indicator") % colours
                 + heatmap(result.type_centres, T("centres indicator") % noun, lang=lang))
    if list(result.type_centres_by_dimension.columns) != list(result.type_centres.columns):
        parts.append(T("per dimension")
                     + heatmap(result.type_centres_by_dimension, T("centres dimension") % noun, lang=lang))
    parts.append(rb.html_table([noun, T("cities"), T("mean kind " + kind), T("within ss"), T("between ss")],
                               [[_e(t), str(int(r["size"])), rb.fmt_signed(r["mean"], 3), rb.fmt_fixed(r["within_ss"], 4),
                                 rb.fmt_fixed(r["between_ss"], 4)] for t, r in result.types.iterrows()],
                               numeric=(1, 2, 3, 4)))

    parts.append("<h3>%s</h3>" % (T("how many") % noun) + silhouette_chart(result, lang=lang))
    parts.append(rb.html_table(["K", T("mean silhouette"), T("within ss")],
                               [[str(int(r.k)), rb.fmt_fixed(r.mean_silhouette, 4), rb.fmt_fixed(r.within_ss, 4)]
                                for r in result.silhouette_by_k.itertuples()], numeric=(0, 1, 2)))
    legend = " ".join('<span class="swatch" style="background:%s"></span>%s' % (type_colour(i), _e(t))
                      for i, t in enumerate(letters))
    parts.append("<h3>%s</h3><p>%s</p>" % (T("pca heading"), legend) + pca_chart(result, lang=lang))
    loadings = result.pca_components
    parts.append(rb.html_table([T("component")] + [column_label(c, lang) for c in loadings.columns],
                               [[_e(i)] + [rb.fmt_signed(v, 3) for v in row]
                                for i, row in zip(loadings.index, loadings.to_numpy())],
                               numeric=tuple(range(1, loadings.shape[1] + 1))))
    indicators = rt.fields_in_words(", ".join(result.indicators), lang) if rt.is_zh(lang) else ", ".join(result.indicators)
    parts.append(T("settings") % (_e(rt.settings_text(result.settings, lang)), _e(indicators)))
    for m in result.messages:
        parts.append('<p class="muted small">%s</p>' % _e(rt.translate_note(m, lang)))
    if len(result.excluded):
        parts.append("<h3>%s</h3>" % T("left out"))
        excluded = result.excluded
        order = {r: i for i, r in enumerate(region_order(list(excluded["megaregion_id"].unique())))}
        rows = sorted(excluded.itertuples(), key=lambda r: order.get(r.megaregion_id, 0))
        parts.append(rb.html_table(list(T("left out header")),
                                   [[_e(_region_full(r.megaregion_id, lang)), _e(r.name),
                                     _e(rt.translate_note(r.reason, lang))] for r in rows]))
    if result.dropped_indicators:
        parts.append("<h3>%s</h3><ul>" % T("dropped") + "".join(
            "<li>%s</li>" % _e(rt.translate_note(why, lang)) for why in result.dropped_indicators.values()) + "</ul>")
    return "\n".join(parts)


def typology_report_html(*results, title="Typology of secondary cities", lang="en"):
    """A complete HTML page with one section per result (e.g. the gap typology and the trend).
    ``lang``: ``"en"`` (default) or ``"zh"``, the language of every text of the page; the
    algorithms' English titles become their Chinese ones (:func:`.report_texts.title`)."""
    if not results:
        raise ValueError(msg("The report needs at least one typology result", "报告至少需要一个类型划分结果"))
    lang = rt.check_lang(lang)
    T = rt.TextOf(lang)
    title = rt.title(title, lang)
    kinds = {r.kind for r in results}
    intro = [T("intro performance")]
    if "gap" in kinds:
        intro.append(T("intro gap"))
    if "trend" in kinds:
        intro.append(T("intro trend"))
    intro.append(T("intro kmeans"))
    # imported here: the algorithms import this module while the plugin loads, before pandas,
    # which the panel section needs, is known to be there
    from .panels import report as panel_report

    sections = []
    for r in results:
        # a trend over three or more years opens with each indicator's clearest trajectories
        opening = panel_report.trajectory_html(
            r, {**r.excluded["name"].to_dict(), **r.cities["name"].to_dict()}, lang)
        if opening:
            sections.append(opening)
        text = typology_section(r, lang=lang)
        if len(results) == 1:    # the page title already says it
            text = re.sub(r"^<h2>%s</h2>\n" % re.escape(_e(title)), "", text)
        sections.append(text)
    return rb.page(title, ["<h1>%s</h1>" % _e(title), '<p class="help">%s</p>' % T("intro sep").join(intro)] + sections,
                   rt.html_lang(lang))


def write_typology_report(path, *results, title="Typology of secondary cities", lang="en"):
    """Write :func:`typology_report_html` to ``path`` (UTF-8) and return the path."""
    text = typology_report_html(*results, title=title, lang=lang)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
