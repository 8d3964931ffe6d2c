"""The header of every column of the plugin's output tables in words, English or Chinese, and
the number format and kind of its values.

The words come from the plugin's one vocabulary: measures from :mod:`..measures` (and their
interval ends, the permutation p-value and the clarity flag from
:func:`..unevenness_layer.measure_words`), the mega-region layer's fields from
:func:`..unevenness_layer.field_metadata_from_names`, indicators from :mod:`..indicators`,
dimensions from :mod:`..type_texts`, report words from :mod:`..report_texts`. What none of these
names (counts, years, notes, the typology's bookkeeping columns) is named in :data:`COLUMN_WORDS`.
"""
from typing import Optional, Tuple

from .. import report_texts
from ..fields import CHANGE, MEGAREGION, MEGAREGION_ID, MEGAREGION_ZH, PHASE, ROLE
from ..indicators import field_in_words
from ..measures import MEASURES
from ..type_texts import dimension_in_words
from ..unevenness_layer import CHANGE_IS_CLEAR, P_BETWEEN, field_metadata_from_names, measure_words, unit_kind

__all__ = ["COLUMN_WORDS", "PREFIX_WORDS", "header", "number_format", "INTEGER", "TEXT"]


def _rt(key) -> Tuple[str, str]:
    """A word of the reports (:data:`..report_texts.TEXTS`), both languages."""
    return report_texts.TEXTS[key]


#: Columns named by no measure or indicator: {column: (English, Chinese)}.
COLUMN_WORDS = {
    MEGAREGION: _rt("mega-region"),
    MEGAREGION_ID: ("mega-region code", "城市群代码"),
    MEGAREGION_ZH: ("mega-region, Chinese name", "城市群中文名称"),
    PHASE: ("phase", "发展阶段"),
    ROLE: ("role (core or secondary city)", "城市角色（核心或次级城市）"),
    "membership": ("membership", "所属关系"),
    "uncertain": ("membership uncertain", "归属存疑"),
    "membership_note": ("note on the membership", "归属说明"),
    "match_status": ("match status", "匹配状态"),
    "row_type": ("row (year or change)", "行类型（年份或变化）"),
    "field": ("field(s)", "字段"),
    "indicator": ("indicator", "指标"),
    "year": ("year", "年份"),
    "year1": ("first year", "起始年份"),
    "year2": ("second year", "终止年份"),
    "n_core": ("core cities", "核心城市数"),
    "n_secondary": ("secondary cities", "次级城市数"),
    "n_null": ("cities without a value", "无数值城市数"),
    "n_core_year1": ("core cities, first year", "起始年份核心城市数"),
    "n_secondary_year1": ("secondary cities, first year", "起始年份次级城市数"),
    "n_core_year2": ("core cities, second year", "终止年份核心城市数"),
    "n_secondary_year2": ("secondary cities, second year", "终止年份次级城市数"),
    "leader": ("leading group", "领先组"),
    "weighted": _rt("weighted"),
    "status": ("status", "状态"),
    "note": ("note", "备注"),
    "p_between_min": ("smallest p the permutations can give", "置换检验可得的最小p值"),
    "name": ("city", "城市"),
    "adcode": ("administrative code", "行政区划代码"),
    "reference_core": ("reference core city", "参照核心城市"),
    "type": _rt("type"),
    "type_label": ("type label", "类型标签"),
    "type_description": _rt("description"),
    "description": _rt("description"),
    "label": ("label", "标签"),
    "size": _rt("cities"),
    "mean": ("mean over the dimensions", "各维度均值"),
    "silhouette": ("silhouette", "轮廓系数"),
    "mean_silhouette": _rt("mean silhouette"),
    "stability": _rt("stability"),
    "within_ss": _rt("within ss"),
    "between_ss": _rt("between ss"),
    "pca_x": ("first principal component", "第一主成分"),
    "pca_y": ("second principal component", "第二主成分"),
    "excluded_reason": ("reason left out", "未参与分类的原因"),
    "k": ("K (number of types)", "K（类型数）"),
    "row": ("row", "行号"),
    "key": ("key", "关键字"),
    "reason": ("reason", "原因"),
    # convergence rows of the unevenness table (core/panels/table.py)
    "measure": ("measure", "测度"),
    "slope": ("slope per year", "每年斜率"),
    "slope_ci_low": ("slope per year, lower end of its interval", "每年斜率区间下限"),
    "slope_ci_high": ("slope per year, upper end of its interval", "每年斜率区间上限"),
    "verdict": ("verdict", "判断"),
    "first_year": ("first year", "起始年份"),
    "last_year": ("last year", "终止年份"),
    "beta": ("β (growth on initial log gap)", "β（增长率对初始对数差距）"),
    "beta_ci_low": ("β, lower end of its interval", "β 区间下限"),
    "beta_ci_high": ("β, upper end of its interval", "β 区间上限"),
    "speed": ("speed of convergence per year", "每年收敛速度"),
    "half_life_years": ("half-life of the gap (years)", "差距半衰期（年）"),
    "n_cities": ("cities", "城市数"),
    # spatial relations (core/spatial/)
    "nearest_core": ("nearest core city", "最近的核心城市"),
    "dist_core_km": ("distance to the nearest core (km)", "到最近核心城市的距离（千米）"),
    "dist_each_core": ("distance to each core (km)", "到各核心城市的距离（千米）"),
    "borders_core": ("borders a core city", "与核心城市接壤"),
    "n_neighbours": ("neighbours under the weights", "空间权重下的邻居数"),
    "spatial_note": ("note", "备注"),
    "gradient": ("gradient of the gap on log distance", "差距对对数距离的梯度"),
    "gradient_ci_low": ("gradient, lower end of its interval", "梯度区间下限"),
    "gradient_ci_high": ("gradient, upper end of its interval", "梯度区间上限"),
    "rho": ("Spearman's rho of gap and distance", "差距与距离的 Spearman 秩相关系数"),
    "rho_ci_low": ("rho, lower end of its interval", "秩相关系数区间下限"),
    "rho_ci_high": ("rho, upper end of its interval", "秩相关系数区间上限"),
    "pattern": ("pattern (borrowed size, shadow)", "格局（规模借用、集聚阴影）"),
    "moran_i": ("Moran's I", "莫兰指数"),
    "moran_ei": ("Moran's I expected under no autocorrelation", "无自相关时莫兰指数的期望值"),
    "moran_z": ("Moran's I, z-value", "莫兰指数 z 值"),
    "moran_p": ("Moran's I, permutation p", "莫兰指数置换检验 p 值"),
    "n_hh": ("High-High cities", "高—高聚类城市数"),
    "n_ll": ("Low-Low cities", "低—低聚类城市数"),
    "n_hl": ("High-Low cities", "高—低聚类城市数"),
    "n_lh": ("Low-High cities", "低—高聚类城市数"),
    "n_islands": ("cities without a neighbour", "无邻居城市数"),
}

#: Column prefixes of the typology tables: {prefix: (English, Chinese)} around the indicator or
#: dimension in words.
PREFIX_WORDS = {
    # the longer of two prefixes that begin alike first (slope_gap_ before slope_)
    "slope_gap_": ("slope per year of the gap to the cores: {name}", "与核心城市差距的每年斜率：{name}"),
    "slope_pct_": ("slope per year, % of the mean: {name}", "每年斜率占均值的百分比：{name}"),
    "slope_": ("Theil–Sen slope per year: {name}", "Theil–Sen 每年斜率：{name}"),
    "mk_p_gap_": ("Mann–Kendall p of the gap: {name}", "差距的 Mann–Kendall 检验 p 值：{name}"),
    "mk_p_": ("Mann–Kendall p: {name}", "Mann–Kendall 检验 p 值：{name}"),
    "trajectory_": ("trajectory: {name}", "发展轨迹：{name}"),
    "sigma_verdict_": ("σ-convergence verdict: {name}", "σ收敛判断：{name}"),
    "gradient_resid_": ("residual of the gap gradient: {name}", "差距梯度残差：{name}"),
    "local_i_": ("local Moran's I: {name}", "局部莫兰指数：{name}"),
    "lisa_p_": ("LISA p: {name}", "局部空间自相关 p 值：{name}"),
    "lisa_": ("LISA cluster: {name}", "局部空间自相关聚类：{name}"),
    "perf_": ("performance: {name}", "绩效值：{name}"),
    "gap_": ("gap to the cores: {name}", "与核心城市的差距：{name}"),
    "trend_": ("change in performance: {name}", "绩效值变化：{name}"),
    "dim_": ("dimension: {name}", "维度：{name}"),
    "topsis_": ("TOPSIS score: {name}", "TOPSIS 得分：{name}"),
}

#: Number formats (Excel's codes).
INTEGER = "0"
TEXT = "@"
_FORMATS = {"index": "0.0000", "signed": "0.0000", "share": "0.0%", "ratio": "0.000", "p": "0.000",
            "indicator": "#,##0.00"}
_INTEGER_COLUMNS = {"year", "year1", "year2", "size", "k", "adcode", "row", "n_core", "n_secondary", "n_null",
                    "n_core_year1", "n_secondary_year1", "n_core_year2", "n_secondary_year2", "first_year",
                    "last_year", "n_cities", "n_neighbours", "n_hh", "n_ll", "n_hl", "n_lh", "n_islands"}
_THREE_DECIMALS = {"mean", "silhouette", "mean_silhouette", "stability", "within_ss", "between_ss", "pca_x", "pca_y",
                   "p_between_min", "dist_core_km", "moran_i", "moran_ei", "moran_z", "moran_p", "rho", "rho_ci_low",
                   "rho_ci_high", "speed", "half_life_years"}


def _zh(lang) -> bool:
    return str(lang).lower().startswith("zh")


def _table_measure(column: str) -> Optional[Tuple[str, Optional[str]]]:
    """``(measure, interval end)`` of a column of the unevenness table: ``theil``,
    ``theil_ci_low``, ``p_between``, ``change_is_clear``; None for any other column."""
    if column in MEASURES or column in (P_BETWEEN, CHANGE_IS_CLEAR):
        return column, None
    for end in ("low", "high"):
        suffix = "_ci_" + end
        if column.endswith(suffix) and column[: -len(suffix)] in MEASURES:
            return column[: -len(suffix)], end
    return None


def _year_words(year, years, lang) -> str:
    if year == CHANGE:
        if years:
            return ("%d–%d年变化" if _zh(lang) else "change %d–%d") % tuple(years)
        return "变化" if _zh(lang) else "change"
    return ("%d年" if _zh(lang) else "%d") % year


def header(column: str, lang: str = "en") -> str:
    """Column ``column`` of any of the plugin's output tables in words, in ``lang``; the
    column's code itself when the vocabulary does not know it.

    >>> header("theil_between"), header("theil_between", "zh")
    ('Theil T between cores and secondary cities', '泰尔指数组间差异')
    >>> header("gini_ci_low", "zh"), header("n_core")
    ('基尼系数置信区间下限', 'core cities')
    >>> header("theil_popu_2020", "zh"), header("theil_ci_high_popu_change")
    ('泰尔指数 — 常住人口 2020年', 'Theil T, upper end of its confidence interval — population change')
    >>> header("gap_popu_2020"), header("dim_innovation", "zh"), header("popu_urban_2010", "zh")
    ('gap to the cores: population 2020', '维度：创新能力', '2010年城镇人口')
    >>> header("slope_gap_popu"), header("lisa_popu_2020", "zh")
    ('slope per year of the gap to the cores: population', '局部空间自相关聚类：2020年常住人口')
    >>> header("my_own_field")
    'my_own_field'
    """
    column = str(column)
    zh = _zh(lang)
    if column in COLUMN_WORDS:
        return COLUMN_WORDS[column][zh]
    plain = _table_measure(column)
    if plain is not None:
        return measure_words(plain[0], plain[1], lang)
    for prefix, words in PREFIX_WORDS.items():
        if column.startswith(prefix) and len(column) > len(prefix):
            rest = column[len(prefix):]
            name = dimension_in_words(rest, "zh" if zh else "en") if prefix == "dim_" else \
                field_in_words(rest, "zh" if zh else "en")
            if prefix == "topsis_" and rest == "overall":
                name = "总体" if zh else "overall"
            return words[zh].format(name=name)
    described = field_metadata_from_names([column]).get(column)
    if described is not None:
        lang_key = "zh" if zh else "en"
        return "%s — %s %s" % (described["name_" + lang_key], described["indicator_" + lang_key],
                               _year_words(described["year"], described.get("years"), lang))
    return field_in_words(column, "zh" if zh else "en")


def number_format(column: str) -> Optional[str]:
    """The Excel number format of a numeric column (None: Excel's General).

    >>> number_format("year"), number_format("share_gnb"), number_format("theil_ci_low"), number_format("x")
    ('0', '0.0%', '0.0000', None)
    >>> number_format("theil_between_popu_2020"), number_format("mean_core"), number_format("gap_popu_2020")
    ('0.0000', '#,##0.00', '0.000')
    """
    column = str(column)
    if column in _INTEGER_COLUMNS:
        return INTEGER
    if column in _THREE_DECIMALS:
        return "0.000"
    plain = _table_measure(column)
    if plain is None:
        described = field_metadata_from_names([column]).get(column)
        if described is not None:
            plain = described["measure"], described.get("interval")
    if plain is not None:
        return _FORMATS.get(unit_kind(plain[0]))
    if any(column.startswith(p) for p in PREFIX_WORDS):
        return "0.000"
    return None

