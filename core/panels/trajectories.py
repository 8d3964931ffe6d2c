"""Development trends of secondary cities over two or more years, and each city's trajectory.

With two years this is :func:`megaregion.core.typology.trend_typology` unchanged (the trend is
``Performance(year2) - Performance(year1)``). With ``N >= 3`` years ``t_1 < ... < t_N``:

1. Performance of every indicator in every year, as in the two-year trend: min-max over the
   pool, each year over its own min/max (``year_pool="per_year"``) or over all years together
   (``"pooled"``); cost indicators reversed; an indicator constant in any year (or pool) is
   dropped with the reason.
2. The trend of city i and indicator j is the change over the period that its Theil-Sen line
   gives: ``Trend_ij = b_ij (t_N - t_1)``, ``b_ij`` the Theil-Sen slope of
   ``Performance_ij(t)`` (:func:`megaregion.core.panels.trends.series_trends`), so one noisy
   year at either end does not decide it; K-means on these trends as for two years. A city
   NULL in any year is left out of the types, with the reason.
3. Trajectory of each secondary city (every one with values in at least two years), per kept
   indicator ``<ind>`` (:data:`megaregion.core.fields.TRAJECTORY_STATS`):
   ``slope_<ind>`` and ``slope_pct_<ind>``, the Theil-Sen slope of the city's value (units per
   year, and % of the city's mean value per year) with ``mk_p_<ind>``, its Mann-Kendall p
   (tie-corrected); ``slope_gap_<ind>``, the Theil-Sen slope of its gap to its core
   ``Gap_ij(t) = Performance_ij(t) - R_j(t)`` (the gap of the typology, ``R`` the mean of
   the mega-region's cores' performances in year t) with ``mk_p_gap_<ind>``; and
   ``trajectory_<ind>``, ``catching_up`` / ``falling_behind`` / ``no_clear_trend`` at the
   significance ``alpha`` (:func:`megaregion.core.panels.trends.trajectory_verdicts`).

References: Sen (1968); Mann (1945); Kendall (1975); Du (2026), chapter 2 for the gap.
"""
import numpy as np
import pandas as pd

from .. import fields as fv
from .. import kmeans_typology as km
from .. import stability as st
from .. import typology as ty
from ..data_notes import note
from ..messages import msg
from ..topsis import indicator_performance, numeric_column
from ..type_texts import check_lang
from .trends import check_alpha, series_trends, trajectory_verdicts

__all__ = ["panel_trend_typology", "trajectory_table"]


def _performances(data, years, indicators, cost, pool_labels, names, year_pool, on_constant, index):
    if year_pool == "per_year":
        perf, dropped = {}, {}
        for y in years:
            perf[y], d = indicator_performance(data[y], indicators, cost, pool=pool_labels, names=names,
                                               on_constant=on_constant)
            for ind, why in d.items():
                dropped.setdefault(ind, f"year {y}: {why}")
        kept = [i for i in indicators if i not in dropped]
        return {y: perf[y][kept] for y in years}, kept, dropped
    n = len(index)
    stacked = pd.concat([data[y] for y in years], ignore_index=True)
    labels = None if pool_labels is None else np.concatenate([pool_labels] * len(years))
    stacked_names = [f"{nm} ({y})" for y in years for nm in names]
    both, dropped = indicator_performance(stacked, indicators, cost, pool=labels, names=stacked_names,
                                          on_constant=on_constant)
    kept = list(both.columns)
    return ({y: both.iloc[j * n:(j + 1) * n].set_axis(index, axis=0) for j, y in enumerate(years)},
            kept, dropped)


def trajectory_table(raw, gaps, years, alpha=0.05):
    """The trajectory fields of the secondary cities (see the module docstring).

    ``raw`` and ``gaps``: ``{indicator: (cities, years) array}`` of the cities' values and of
    their gaps to the core; returns ``{field: array}`` in the order of
    :data:`~megaregion.core.fields.TRAJECTORY_STATS` per indicator.
    """
    alpha = check_alpha(alpha)
    out = {}
    for ind in raw:
        value = series_trends(raw[ind], years)
        gap = series_trends(gaps[ind], years)
        columns = {
            "slope": value.slope, "slope_pct": value.slope_pct, "mk_p": value.p,
            "slope_gap": gap.slope, "mk_p_gap": gap.p,
            "trajectory": trajectory_verdicts(gap.slope, gap.p, alpha),
        }
        for stat in fv.TRAJECTORY_STATS:
            out[fv.trajectory_field(stat, ind)] = columns[stat]
    return out


def panel_trend_typology(frame, indicators, years, *, cost_indicators=(), dimensions=None,
                         megaregion_field=ty.MEGAREGION_FIELD, role_field=ty.ROLE_FIELD, name_field=None,
                         city_field=None, pool="all", year_pool="per_year", field_pattern=ty.FIELD_PATTERN,
                         k=None, k_max=km.DEFAULT_K_MAX, seed=km.DEFAULT_SEED, n_init=km.DEFAULT_N_INIT,
                         on_constant="drop", neutral_indicators=(), stability_resamples=0, lang="en",
                         alpha=0.05):
    """Trend typology over ``years`` (two or more) with each secondary city's trajectory
    (module docstring). Two years: :func:`megaregion.core.typology.trend_typology` itself,
    without trajectories. Otherwise the result is a
    :class:`~megaregion.core.typology.TypologyResult` whose ``extra["trajectories"]`` is a
    DataFrame of the trajectory fields indexed by the secondary rows, and
    ``settings["years"]`` lists the years. Arguments as in ``trend_typology``; ``alpha`` is
    the significance of the trajectory verdicts.
    """
    years = list(years)
    if len(years) == 2:
        return ty.trend_typology(
            frame, indicators, years[0], years[1], cost_indicators=cost_indicators, dimensions=dimensions,
            megaregion_field=megaregion_field, role_field=role_field, name_field=name_field,
            city_field=city_field, pool=pool, year_pool=year_pool, field_pattern=field_pattern, k=k,
            k_max=k_max, seed=seed, n_init=n_init, on_constant=on_constant,
            neutral_indicators=neutral_indicators, stability_resamples=stability_resamples, lang=lang)
    ty._check_choice("pool", pool, ty.POOLS)
    ty._check_choice("year_pool", year_pool, ty.YEAR_POOLS)
    alpha = check_alpha(alpha)
    if len(years) < 2 or len(set(map(str, years))) != len(years):
        raise ValueError(msg("Years {years}: a trend needs two or more different years",
                             "年份 {years}：趋势分析需要两个或更多不同的年份",
                             years=", ".join(map(str, years))))
    years = sorted(years)
    t = np.asarray(years, dtype=float)
    lang = check_lang(lang)
    stability_resamples = st.check_resamples(stability_resamples, "stability_resamples")
    indicators, neutral_dropped = ty.neutral_split(indicators, neutral_indicators)
    dims = ty._dimensions(indicators, dimensions)
    names = ty.row_names(frame, name_field)
    mr, role = ty.megaregion_roles(frame, megaregion_field, role_field, names)
    ty._check_unique_pairs(mr, names, city_field, frame)
    cost = [c for c in cost_indicators if c in indicators]
    data = {y: pd.DataFrame({i: numeric_column(frame, field_pattern.format(indicator=i, year=y), names)
                             for i in indicators}, index=frame.index) for y in years}
    pool_labels = None if pool == "all" else mr
    perf, kept, dropped = _performances(data, years, indicators, cost, pool_labels, names, year_pool,
                                        on_constant, frame.index)
    if not kept:
        raise ValueError(msg("Every indicator was dropped: {reasons}", "所有指标均被剔除：{reasons}",
                             reasons=fv.list_text([note(why) for why in dropped.values()], None, sep="; ",
                                                  sep_zh="；")))
    span = float(t[-1] - t[0])
    trend = pd.DataFrame({i: series_trends(np.column_stack([perf[y][i].to_numpy() for y in years]), t).slope * span
                          for i in kept}, index=frame.index)
    performance = pd.concat(
        [perf[y].rename(columns={i: field_pattern.format(indicator=i, year=y) for i in kept}) for y in years],
        axis=1)
    secondary = np.flatnonzero(role == ty.SECONDARY)
    excluded = {}
    for y in years:
        for row, why in ty._null_reasons(perf[y].to_numpy(), secondary, kept, f"{y}: ").items():
            excluded[row] = (excluded[row] + "; " + why) if row in excluded else why
    keep = [frame.index[r] for r in secondary if r not in excluded]
    excluded = dict(sorted(excluded.items()))
    settings = dict(pool=pool, year_pool=year_pool, years=list(years), k=k, k_max=k_max, seed=seed,
                    n_init=n_init, on_constant=on_constant, cost_indicators=list(cost_indicators),
                    trend="theil_sen", alpha=alpha)
    if neutral_dropped:
        settings["neutral_indicators"] = list(neutral_dropped)
    if stability_resamples:
        settings["stability_resamples"] = stability_resamples
    core_trend = trend.rename(columns={i: fv.profile_field("trend", i) for i in kept})
    result = ty._cluster_and_assemble(
        "trend", trend.loc[keep], performance, dims, mr, role, names, frame.index, excluded,
        {**neutral_dropped, **dropped}, [], k, k_max, seed, n_init, settings, core_extra=core_trend,
        stability_resamples=stability_resamples, lang=lang)
    gaps = {}
    for y in years:
        reference, _, _ = ty.core_reference(perf[y], mr, role, "mean", names=names)
        gaps[y] = perf[y].iloc[secondary] - reference
    sec_index = frame.index[secondary]
    raw = {i: np.column_stack([data[y][i].to_numpy()[secondary] for y in years]) for i in kept}
    gap = {i: np.column_stack([gaps[y][i].to_numpy() for y in years]) for i in kept}
    result.extra["trajectories"] = pd.DataFrame(trajectory_table(raw, gap, t, alpha), index=sec_index)
    return result
