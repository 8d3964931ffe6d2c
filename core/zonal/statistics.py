"""The statistics vocabulary of zonal statistics: names, what each needs, and exactextract's names.

Names follow exactextract's operations where one exists (:data:`EXACTEXTRACT_OPERATIONS`;
``stdev`` is accepted for ``std``); percentiles are ``p<q>`` (``p90``, ``p2_5``), class shares
``frac_<class>`` (``frac_13``). Output columns are ``<label>_<stat>``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from .errors import ZonalStatisticsError
from ..messages import msg

STATUS_COLUMN = "zonal_status"

#: Statistics with a fixed name. Percentiles are ``p<q>`` (``p10``, ``p2.5``), category
#: fractions ``frac_<class>``; ``percentiles`` / ``categories`` arguments add them too.
STATISTICS = (
    "count",
    "sum",
    "mean",
    "min",
    "max",
    "std",
    "median",
    "valid_fraction",
    "total_light",
    "lit_area_km2",
    "lit_ratio",
    "cnli",
)
#: The night-light statistics that need a lit threshold (and cell areas).
LIT_STATS = ("lit_area_km2", "lit_ratio", "cnli")

#: Our statistic -> exactextract's operation computing the same number with the same weights
#: (exactextract 0.2+: ``count``, ``sum``, ``mean``, ``min``, ``max``, ``stdev``, ``median``,
#: ``quantile(q=...)``, ``frac``). Statistics without an entry have no exactextract operation.
EXACTEXTRACT_OPERATIONS = {
    "count": "count",
    "sum": "sum",
    "mean": "mean",
    "min": "min",
    "max": "max",
    "std": "stdev",
    "median": "median",
    "total_light": "sum",
}

#: exactextract's names accepted as input for ours.
ALIASES = {"stdev": "std"}


@dataclass
class Request:
    """What one run computes: the output statistics in order, and which running sums they need."""

    stats: list  # output stat names in order
    percentiles: dict  # stat name -> q in [0, 1]
    categories: dict  # stat name -> category value
    need_moments: bool = False
    need_minmax: bool = False
    need_lit: bool = False
    need_quantiles: bool = False


def percentile_name(q: float) -> str:
    """Column name of the percentile ``q`` (in percent).

    >>> percentile_name(90), percentile_name(2.5)
    ('p90', 'p2_5')
    """
    text = f"{q:g}"
    return "p" + text.replace(".", "_").replace("-", "m")


def category_name(k) -> str:
    """Column name of the share of class ``k``.

    >>> category_name(13), category_name(-1), category_name(0.5)
    ('frac_13', 'frac_m1', 'frac_0_5')
    """
    text = f"{k:g}" if isinstance(k, (float, np.floating)) else str(int(k))
    return "frac_" + text.replace(".", "_").replace("-", "m")


def exactextract_operation(stat: str):
    """The exactextract operation giving statistic ``stat`` (None when it has none).

    >>> exactextract_operation("std"), exactextract_operation("p90"), exactextract_operation("frac_13")
    ('stdev', 'quantile(q=0.9)', 'frac')
    >>> exactextract_operation("lit_area_km2") is None
    True
    """
    stat = str(stat)
    if stat in EXACTEXTRACT_OPERATIONS:
        return EXACTEXTRACT_OPERATIONS[stat]
    if stat.startswith("frac_"):
        return "frac"
    if stat.startswith("p") and stat[1:].replace("_", "").isdigit():
        return f"quantile(q={float(stat[1:].replace('_', '.')) / 100:g})"
    return None


def parse_stats(stats, percentiles=(), categories=()) -> Request:
    """The :class:`Request` of a list of statistic names, ``percentiles`` (in percent) and
    ``categories`` (class values); a clear :class:`ZonalStatisticsError` for unknown names.

    >>> parse_stats(["mean", "stdev", "p90"], categories=[13]).stats
    ['mean', 'std', 'p90', 'frac_13']
    """
    if isinstance(stats, str):
        stats = [stats]
    stats = list(stats)
    out, pct, cat = [], {}, {}

    def add_percentile(q_raw, origin):
        try:
            q = float(q_raw)
        except (TypeError, ValueError):
            raise ZonalStatisticsError(msg("{origin}: percentile {q!r} is not a number; give values in 0-100",
                                           "{origin}：百分位数 {q!r} 不是数字；请给出 0-100 之间的数值",
                                           origin=origin, q=q_raw)) from None
        if not (0.0 <= q <= 100.0) or math.isnan(q):
            raise ZonalStatisticsError(msg(
                "{origin}: percentile {q!r} is outside 0-100; give percentiles in percent, e.g. 25 or 97.5",
                "{origin}：百分位数 {q!r} 超出 0-100；请以百分数给出，例如 25 或 97.5",
                origin=origin, q=q_raw))
        name = percentile_name(q)
        if name not in pct:
            pct[name] = q / 100.0
            out.append(name)

    def add_category(k):
        try:
            value = float(k)
        except (TypeError, ValueError):
            raise ZonalStatisticsError(msg("categories: class {k!r} is not a number; give raster class values, "
                                           "e.g. [13]",
                                           "categories：类别 {k!r} 不是数字；请给出栅格的类别值，例如 [13]",
                                           k=k)) from None
        value = int(value) if float(value).is_integer() else value
        name = category_name(value)
        if name not in cat:
            cat[name] = value
            out.append(name)

    for s in stats:
        key = str(s).strip().lower()
        key = ALIASES.get(key, key)
        m = re.fullmatch(r"p(\d+(?:[._]\d+)?)", key)
        if key == "median":
            if "median" not in pct:
                pct["median"] = 0.5
                out.append("median")
        elif m:
            add_percentile(m.group(1).replace("_", "."), "stats")
        elif key.startswith("frac_"):
            raw = key[5:].replace("m", "-").replace("_", ".")
            add_category(raw)
        elif key == "percentiles":
            for q in percentiles or ():
                add_percentile(q, "percentiles")
        elif key in ("frac", "categories"):
            for k in categories or ():
                add_category(k)
        elif key in STATISTICS:
            if key not in out:
                out.append(key)
        else:
            raise ZonalStatisticsError(msg(
                "stats: {stat!r} is not a known statistic; use {known}, p<q> (e.g. p90), "
                "frac_<class>, 'percentiles' or 'frac'",
                "stats：{stat!r} 不是已知的统计量；请使用 {known}、p<q>（例如 p90）、"
                "frac_<class>、'percentiles' 或 'frac'",
                stat=s, known=", ".join(STATISTICS)))
    for q in percentiles or ():
        add_percentile(q, "percentiles")
    for k in categories or ():
        add_category(k)
    if not out:
        raise ZonalStatisticsError(msg("stats is empty: ask for at least one statistic, e.g. ['count', 'sum', 'mean']",
                                       "stats 为空：请至少选择一个统计量，例如 ['count', 'sum', 'mean']"))
    req = Request(stats=out, percentiles=pct, categories=cat)
    req.need_moments = "std" in out
    req.need_minmax = "min" in out or "max" in out
    req.need_lit = any(s in out for s in LIT_STATS)
    req.need_quantiles = bool(pct)
    return req

