"""Names of the unevenness measures for readers: one entry per measure of the unevenness table,
used by the algorithm's HEADLINE choices, the reports, the map titles and legends.

Each :class:`Measure` has a name in words (English and Chinese), a one-line explanation and the
value that means "no gap" (0 for the indices, 1 for the ratio of means), around which a change or
a signed measure is drawn on a diverging scale. The formulas are in :mod:`.inequality`.
"""
from typing import NamedTuple, Optional, Tuple

__all__ = ["Measure", "MEASURES", "HEADLINE_MEASURES", "DEFAULT_HEADLINE", "measure", "measure_name"]


class Measure(NamedTuple):
    key: str            # column of the unevenness table, e.g. "theil_between"
    en: str             # name in words
    zh: str             # 中文名称
    explain: str        # one line for a reader
    neutral: float      # the value of "no gap"
    signed: bool        # True when values on both sides of ``neutral`` mean opposite leads


def _m(key, en, zh, explain, neutral=0.0, signed=False):
    return key, Measure(key, en, zh, explain, neutral, signed)


MEASURES = dict([
    _m("mean_core", "Mean of the core cities", "核心城市均值",
       "Mean of the indicator over the core cities (population-weighted when weighted)."),
    _m("mean_secondary", "Mean of the secondary cities", "次级城市均值",
       "Mean of the indicator over the secondary cities (population-weighted when weighted)."),
    _m("ratio", "Core-to-secondary ratio of means", "核心与次级城市均值比",
       "Core mean divided by secondary mean: above 1 the cores lead, below 1 the secondary cities lead.",
       neutral=1.0, signed=True),
    _m("gini", "Gini coefficient", "基尼系数",
       "Inequality among all member cities: 0 when all are equal, at most 1 - 1/n."),
    _m("theil", "Theil T", "泰尔指数",
       "Inequality among all member cities: 0 when all are equal, at most ln n."),
    _m("theil_between", "Theil T between cores and secondary cities", "泰尔指数组间差异",
       "The part of Theil T due to the gap between the core and the secondary cities' means."),
    _m("theil_within", "Theil T within the groups", "泰尔指数组内差异",
       "The part of Theil T due to differences among the cores and among the secondary cities."),
    _m("theil_between_share", "Share of Theil T between the groups", "泰尔指数组间贡献率",
       "Between-group Theil T as a share of the total: how much of the inequality is the core-secondary gap."),
    _m("theil_core", "Theil T among the cores", "核心城市内部泰尔指数",
       "Inequality among the core cities (0 with one core)."),
    _m("theil_secondary", "Theil T among the secondary cities", "次级城市内部泰尔指数",
       "Inequality among the secondary cities."),
    _m("dagum_g", "Gini coefficient (Dagum total)", "Dagum 总体基尼系数",
       "The Gini coefficient that Dagum's three terms add up to (the same number as the Gini coefficient)."),
    _m("dagum_gw", "Dagum within-group Gini", "Dagum 组内基尼系数",
       "The part of the Gini coefficient due to differences within the core and within the secondary group."),
    _m("dagum_gnb", "Dagum net between-group Gini", "Dagum 组间净值差距",
       "The part of the Gini coefficient due to the gap between the core and the secondary cities."),
    _m("dagum_gt", "Dagum transvariation", "Dagum 超变密度",
       "The part of the Gini coefficient due to overlap: secondary cities ahead of cores, or the reverse."),
    _m("share_gw", "Share of the Gini within the groups", "组内差距贡献率",
       "Dagum's within-group term as a share of the Gini coefficient."),
    _m("share_gnb", "Share of the Gini between the groups", "组间净值差距贡献率",
       "Dagum's net between-group term as a share of the Gini coefficient."),
    _m("share_gt", "Share of the Gini from overlap", "超变密度贡献率",
       "Dagum's transvariation as a share of the Gini coefficient."),
    _m("gini_core", "Gini among the cores", "核心城市内部基尼系数",
       "Inequality among the core cities (0 with one core)."),
    _m("gini_secondary", "Gini among the secondary cities", "次级城市内部基尼系数",
       "Inequality among the secondary cities."),
    _m("gini_core_secondary", "Gini between cores and secondary cities", "核心与次级城市组间基尼系数",
       "Dagum's between-group Gini of the cores and the secondary cities."),
    _m("dagum_d", "Dagum relative affluence", "Dagum 相对经济富裕度",
       "1 when every city of the leading group is ahead of every city of the other, 0 when the groups are alike."),
    _m("gnb_signed", "Dagum net between-group Gini, signed", "Dagum 组间净值差距（带符号）",
       "Positive when the cores lead, negative when the secondary cities lead.", signed=True),
])

# The choices of the unevenness algorithm's HEADLINE parameter, in the order of its enum
# (public API: append, never reorder).
HEADLINE_MEASURES: Tuple[str, ...] = (
    "theil", "theil_between_share", "gini", "dagum_gnb", "share_gnb", "gnb_signed", "ratio",
    "theil_between",
)
# The dissertation's measure of core-secondary unevenness (its figures 1.7-1.8).
DEFAULT_HEADLINE = "theil_between"


def measure(key: str) -> Optional[Measure]:
    """The :class:`Measure` of column ``key``, or None.

    >>> measure("theil_between").zh
    '泰尔指数组间差异'
    >>> measure("nope") is None
    True
    """
    return MEASURES.get(str(key))


def measure_name(key: str, lang: str = "en") -> str:
    """The name in words of measure ``key`` (``lang`` "en" or "zh"); the key itself when unknown.

    >>> measure_name("dagum_gnb")
    'Dagum net between-group Gini'
    >>> measure_name("gini", "zh_CN")
    '基尼系数'
    >>> measure_name("x")
    'x'
    """
    m = measure(key)
    if m is None:
        return str(key)
    return m.zh if str(lang).lower().startswith("zh") else m.en
