"""The HTML report of ``megaregion:spatialrelations``: per indicator the gradient of the gap
with distance to the core, Spearman's rho, their intervals, the verdict and Moran's I per
mega-region; a scatter of the gap against distance (log scale) per mega-region with the fitted
line. English or Chinese (``lang``)."""
import math

import numpy as np

from ..indicators import field_in_words
from ..regions import region_name, region_order
from ..report_base import (
    axes,
    esc,
    fmt_interval,
    fmt_number,
    fmt_p,
    html_table,
    is_number,
    page,
    svg,
)
from ..type_texts import check_lang

PATTERN_WORDS = {
    "en": {"borrowed_size": "gap narrows toward the core (borrowed size)",
           "shadow": "gap widens toward the core (agglomeration shadow)",
           "no_clear_gradient": "no clear gradient", None: "not measured"},
    "zh": {"borrowed_size": "越靠近核心差距越小（借用规模）",
           "shadow": "越靠近核心差距越大（集聚阴影）",
           "no_clear_gradient": "无明显梯度", None: "未测算"},
}
PATTERN_COLOURS = {"borrowed_size": "#0072B2", "shadow": "#D55E00", "no_clear_gradient": "#777777", None: "#bbbbbb"}

TEXTS = {
    "en": dict(
        title="Distance to the core and spatial clusters of the gaps",
        intro=("For each secondary city, the gap to its cores (as the typology defines it: the city's performance "
               "less the core reference, so a gap nearer 0 is a city doing better relative to its cores) against "
               "the geodesic distance to the nearest core. The gradient is the least-squares slope of the gap on "
               "log distance; a slope below 0 with its interval, and Spearman's rho's, below 0 means the gap "
               "narrows toward the core (borrowed size); above 0, it widens toward the core (agglomeration "
               "shadow). The row ALL pools the country with mega-region fixed effects. Moran's I measures whether "
               "neighbouring secondary cities have similar gaps ({weights} weights, {permutations} permutations)."),
        header=["Mega-region", "Cities", "Gradient", "Interval", "Spearman's rho", "Interval", "Pattern",
                "Moran's I", "p", "HH/LL/HL/LH", "Note"],
        indicator="{name} ({indicator})",
        x_label="distance to the nearest core (km, log scale)", y_label="gap",
        scatter="Gap against distance to the nearest core, {region}, {indicator}",
        all="All mega-regions (fixed effects)",
    ),
    "zh": dict(
        title="到核心城市的距离与差距的空间集聚",
        intro=("对每个次级城市，比较其与核心城市的差距（定义同类型划分：城市绩效减去核心参照，差距越接近 0 表示相对核心表现越好）"
               "与到最近核心城市的椭球面距离。梯度是差距对距离对数的最小二乘斜率；斜率及其区间、斯皮尔曼 ρ 的区间均小于 0，"
               "表示越靠近核心差距越小（借用规模）；均大于 0 表示越靠近核心差距越大（集聚阴影）。ALL 行为全国合并并控制城市群固定效应。"
               "莫兰指数衡量相邻次级城市的差距是否相似（{weights} 权重，{permutations} 次置换）。"),
        header=["城市群", "城市数", "梯度", "区间", "斯皮尔曼 ρ", "区间", "格局", "莫兰指数", "p", "HH/LL/HL/LH", "备注"],
        indicator="{name}（{indicator}）",
        x_label="到最近核心城市的距离（公里，对数刻度）", y_label="差距",
        scatter="差距与到最近核心城市的距离：{region}，{indicator}",
        all="全部城市群（固定效应）",
    ),
}
WEIGHT_WORDS = {"en": {"queen": "queen contiguity", "knn": "k-nearest-neighbour", "distance": "distance-band"},
                "zh": {"queen": "后式邻接", "knn": "K 最近邻", "distance": "距离带"}}


def _region_label(region, lang):
    if region == "ALL":
        return TEXTS[lang]["all"]
    return region_name(region, lang) or str(region)


def _km_ticks(low, high):
    out = []
    for power in range(-1, 5):
        for m in (1, 2, 5):
            v = m * 10 ** power
            if low <= v <= high:
                out.append(v)
    return out


def scatter(dist_km, gap, pattern, label, lang, width=300, height=190):
    """Gap against log distance with the least-squares line, coloured by the verdict."""
    t = TEXTS[lang]
    x = np.log(np.asarray(dist_km, dtype=float))
    y = np.asarray(gap, dtype=float)
    if len(x) == 0:
        return ""
    x0, x1 = float(x.min()), float(x.max())
    pad = (x1 - x0) * 0.06 or 0.5
    y0, y1 = float(y.min()), float(y.max())
    ypad = (y1 - y0) * 0.1 or 0.1
    body, sx, sy = axes(width, height, (44, 10, 8, 34), (x0 - pad, x1 + pad), (y0 - ypad, y1 + ypad),
                        x_label=t["x_label"], y_label=t["y_label"], x_ticks=[], font=10, grid=True)
    for km in _km_ticks(math.exp(x0 - pad), math.exp(x1 + pad)):
        px = sx(math.log(km))
        base = height - 34
        body.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#444"/>' % (px, base, px, base + 4))
        body.append('<text x="%.1f" y="%d" font-size="10" text-anchor="middle">%s</text>' % (px, base + 14, km))
    colour = PATTERN_COLOURS.get(pattern, "#777777")
    if len(x) >= 3 and np.ptp(x) > 0:
        slope = float(((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum())
        a, b = x0, x1
        body.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1.6"/>'
                    % (sx(a), sy(y.mean() + slope * (a - x.mean())), sx(b), sy(y.mean() + slope * (b - x.mean())),
                       colour))
    for xi, yi, di in zip(x, y, dist_km):
        body.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s" fill-opacity="0.75"><title>%s km: %s</title></circle>'
                    % (sx(xi), sy(yi), colour, fmt_number(di), fmt_number(yi)))
    return svg(width, height, body, label)


def spatial_report_html(result, lang="en"):
    """The report of a :class:`~megaregion.core.spatial.relations.SpatialResult`."""
    lang = check_lang(lang)
    t = TEXTS[lang]
    s = result.settings
    body = ["<h1>%s</h1>" % esc(t["title"]),
            "<p>%s</p>" % esc(t["intro"].format(weights=WEIGHT_WORDS[lang].get(s.get("weights"), s.get("weights")),
                                               permutations=s.get("permutations")))]
    table = result.table
    for ind in result.indicators:
        rows = table[table["indicator"] == ind]
        regions = [r for r in region_order([r for r in rows["megaregion_id"] if r != "ALL"])] + ["ALL"]
        body.append("<h2>%s</h2>" % esc(t["indicator"].format(name=field_in_words(ind, lang), indicator=ind)))
        cells = []
        for region in regions:
            match = rows[rows["megaregion_id"] == region]
            if match.empty:
                continue
            r = match.iloc[0]
            pattern = r["pattern"] if isinstance(r["pattern"], str) else None
            cells.append([
                esc(_region_label(region, lang)), str(int(r["n_cities"])), fmt_number(r["gradient"]),
                fmt_interval(r["gradient_ci_low"], r["gradient_ci_high"], 3, lang) if is_number(r["gradient_ci_low"]) else "",
                fmt_number(r["rho"]),
                fmt_interval(r["rho_ci_low"], r["rho_ci_high"], 2, lang) if is_number(r["rho_ci_low"]) else "",
                '<span style="color:%s">%s</span>' % (PATTERN_COLOURS.get(pattern), esc(PATTERN_WORDS[lang][pattern])),
                fmt_number(r["moran_i"]), fmt_p(r["moran_p"]) if is_number(r["moran_p"]) else "",
                '<span style="white-space:nowrap">%d/%d/%d/%d</span>' % (r["n_hh"], r["n_ll"], r["n_hl"], r["n_lh"]),
                esc(r["note"]) if isinstance(r["note"], str) else ""])
        body.append(html_table(t["header"], cells, numeric=(1, 2, 3, 4, 5, 7, 8)))
        charts = []
        for region in regions[:-1]:
            dist, gap, pattern = result.scatter.get((region, ind), ((), (), None))
            if len(dist):
                label = t["scatter"].format(region=_region_label(region, lang), indicator=field_in_words(ind, lang))
                charts.append('<figure style="display:inline-block;vertical-align:top;width:300px;margin:4px">'
                              '<figcaption style="font-size:90%%">%s</figcaption>%s</figure>'
                              % (esc(_region_label(region, lang)), scatter(dist, gap, pattern, label, lang)))
        body.append("<div>%s</div>" % "".join(charts))
    return page(t["title"], body, "zh-CN" if lang == "zh" else "en")


__all__ = ["spatial_report_html", "scatter", "PATTERN_WORDS"]
