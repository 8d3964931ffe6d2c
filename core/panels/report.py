"""The panel parts of the HTML reports, in English or Chinese.

- :func:`trajectory_html`: the paragraphs that open the trend report over three or more years,
  one per indicator, naming the secondary cities that catch up with their cores and fall behind
  most clearly (smallest Mann-Kendall p of the gap, then the steepest gap slope).
- :func:`convergence_html`: the convergence table of the unevenness report, per indicator and
  mega-region: the sigma slope of the headline measure with its interval and verdict, and beta
  with its interval, the half-life and the number of cities.
"""
import math

import pandas as pd

from .. import fields as fv
from .. import report_base as rb
from ..indicators import indicator_name
from ..measures import measure_name
from ..regions import find_region

__all__ = ["trajectory_html", "convergence_html", "text", "TEXTS"]

#: Every text of the panel sections: key -> (English, Chinese).
TEXTS = {
    "trajectories": ("Trajectories of the secondary cities, {first}–{last}", "次级城市的发展轨迹（{first}–{last} 年）"),
    "trajectory intro": (
        "Each city's gap to the mean of its cores is followed over {years} years: its Theil–Sen slope (Sen 1968) "
        "and the Mann–Kendall test (Mann 1945; Kendall 1975) at p &lt; {alpha:g} decide whether it is catching up, "
        "falling behind or shows no clear trend (fields slope_gap_*, mk_p_gap_*, trajectory_*).",
        "按 {years} 个年份追踪每个城市与其核心城市均值之间的差距：以其 Theil–Sen 斜率（Sen 1968）和 Mann–Kendall 检验"
        "（Mann 1945；Kendall 1975，p &lt; {alpha:g}）判断其正在追赶、正在落后或无明确趋势（字段 slope_gap_*、mk_p_gap_*、"
        "trajectory_*）。"),
    "paragraph": ("<b>{indicator}</b>: {up} of {n} cities catch up clearly{up_names}; {down} fall behind clearly"
                  "{down_names}; {flat} show no clear trend.",
                  "<b>{indicator}</b>：{n} 个城市中 {up} 个明显在追赶{up_names}；{down} 个明显在落后{down_names}；"
                  "{flat} 个无明确趋势。"),
    "most clearly": (", most clearly {names}", "，最明显的是 {names}"),
    "name sep": (", ", "、"),
    "convergence": ("Convergence over the years", "历年收敛情况"),
    "convergence intro": (
        "σ-convergence (Friedman 1992; Quah 1993): the slope per year of {measure} over the cities with a value in "
        "every year, with its bootstrap interval (cities resampled within the cores and the secondary cities, the "
        "same cities in every year); it is clear when the interval and the Mann–Kendall test of the yearly values "
        "agree. β-convergence (Barro and Sala-i-Martin 1992): the regression of the secondary cities' average annual "
        "log growth on their initial log gap to the cores; β &lt; 0 means the furthest behind grow fastest, with the "
        "half-life of the gap.",
        "σ收敛（Friedman 1992；Quah 1993）：在每年都有数值的城市上，{measure}每年的斜率及其自助法区间（在核心城市与次级城市"
        "内分别重抽样，各年抽取相同的城市）；当区间与逐年数值的 Mann–Kendall 检验一致时判为明确。β收敛（Barro 和 "
        "Sala-i-Martin 1992）：次级城市年均对数增长率对其与核心城市初始对数差距的回归；β &lt; 0 表示差距越大增长越快，"
        "并给出差距的半衰期。"),
    "header": (["Mega-region", "Years", "σ slope per year", "Interval", "σ verdict", "β", "β interval",
                "Half-life (years)", "Cities (β)"],
               ["城市群", "年份", "σ 每年斜率", "区间", "σ 判断", "β 系数", "β 区间", "半衰期（年）", "城市数（β）"]),
    "converging": ("converging clearly", "明确收敛"),
    "diverging": ("diverging clearly", "明确发散"),
    "unclear": ("unclear", "不明确"),
}


def text(key, lang):
    en, zh = TEXTS[key]
    return zh if str(lang).lower().startswith("zh") else en


def _region(value, lang):
    region = find_region(value)
    if region is None:
        return str(value)
    return region.zh if str(lang).lower().startswith("zh") else "%s (%s)" % (region.en, region.zh)


def trajectory_html(result, names, lang="en", most=3):
    """The opening paragraphs of a trend report over three or more years; ``""`` when
    ``result.extra`` has no trajectories. ``names``: the city name of each secondary row
    (a mapping from the index of the trajectories)."""
    traj = result.extra.get("trajectories") if hasattr(result, "extra") else None
    if traj is None or not len(traj):
        return ""
    years = result.settings.get("years") or []
    alpha = float(result.settings.get("alpha", 0.05))
    out = ["<h2>%s</h2>" % rb.esc(text("trajectories", lang).format(first=years[0], last=years[-1])),
           '<p class="help">%s</p>' % text("trajectory intro", lang).format(years=len(years), alpha=alpha)]
    up_key, down_key, flat_key = fv.TRAJECTORIES
    sep = text("name sep", lang)
    for indicator in result.indicators:
        verdict = traj[fv.trajectory_field("trajectory", indicator)]
        frame = pd.DataFrame({"v": verdict, "p": traj[fv.trajectory_field("mk_p_gap", indicator)],
                              "b": traj[fv.trajectory_field("slope_gap", indicator)]})
        frame = frame[frame["b"].notna()]

        def clearest(key):
            chosen = frame[frame["v"] == key]
            chosen = chosen.assign(size=-chosen["b"].abs()).sort_values(["p", "size"], kind="mergesort")
            shown = [rb.esc(names.get(i, i)) for i in chosen.index[:most]]
            return len(chosen), (text("most clearly", lang).format(names=sep.join(shown)) if shown else "")

        up, up_names = clearest(up_key)
        down, down_names = clearest(down_key)
        out.append("<p>%s</p>" % text("paragraph", lang).format(
            indicator=rb.esc(indicator_name(indicator, lang)), n=len(frame), up=up, up_names=up_names,
            down=down, down_names=down_names, flat=int((frame["v"] == flat_key).sum())))
    return "\n".join(out)


def convergence_html(table, headline, lang="en"):
    """The convergence section of the unevenness report; ``""`` for a table without
    convergence rows (one or two years)."""
    if "row_type" not in table.columns or not table["row_type"].isin([fv.SIGMA, fv.BETA]).any():
        return ""
    sigma = table[(table["row_type"] == fv.SIGMA) & (table["measure"] == headline)]
    beta = table[table["row_type"] == fv.BETA]
    out = ['<h2 id="convergence">%s</h2>' % rb.esc(text("convergence", lang)),
           '<p class="help">%s</p>' % text("convergence intro", lang).format(
               measure=rb.esc(measure_name(headline, lang)))]
    for indicator in pd.unique(table.loc[table["row_type"] == fv.BETA, "indicator"]):
        rows = []
        s = sigma[sigma["indicator"] == indicator].set_index("megaregion")
        b = beta[beta["indicator"] == indicator].set_index("megaregion")
        for region in b.index:
            srow = s.loc[region] if region in s.index else None
            brow = b.loc[region]
            slope = srow["slope"] if srow is not None else math.nan
            decimals = rb.decimals_for([slope]) if rb.is_number(slope) else 3
            verdict = srow["verdict"] if srow is not None and isinstance(srow["verdict"], str) else "unclear"
            rows.append([
                rb.esc(_region(region, lang)), "%s–%s" % (brow["first_year"], brow["last_year"]),
                rb.fmt_fixed(slope, decimals, sign=True),
                rb.fmt_interval(srow["slope_ci_low"], srow["slope_ci_high"], decimals, lang) if srow is not None else "",
                rb.esc(text(verdict, lang)),
                rb.fmt_number(brow["beta"], sign=True),
                rb.fmt_interval(brow["beta_ci_low"], brow["beta_ci_high"], 4, lang),
                rb.fmt_number(brow["half_life_years"]),
                str(brow["n_cities"]) if rb.is_number(brow["n_cities"]) else "",
            ])
        out.append("<h3>%s</h3>" % rb.esc(indicator_name(indicator, lang)))
        out.append(rb.html_table(text("header", lang), rows, numeric=(2, 3, 5, 6, 7, 8)))
    return "\n".join(out)
