"""The words of the HTML reports in English and Chinese (``lang`` "en" or "zh").

:func:`text` gives one phrase of a report in the reader's language; the English phrases are
those the reports have always printed (a report in English is unchanged), the Chinese ones use
the terms of Chinese planning literature (城市群, 核心城市, 次级城市, 泰尔指数, 基尼系数, Dagum 基尼系数
分解, 逼近理想解排序法（TOPSIS）, 自助法置信区间, 置换检验, 聚类稳定性, 类型). The notes, statuses and
reasons that the computations write in English (a NULL value left out, a mega-region without a
core city, a constant indicator ...) are turned into Chinese by :func:`translate_note`; a text
it does not know is shown as it is. Measure names come from :mod:`.measures`, mega-region
names from :mod:`.regions`, indicator names from :mod:`.indicators`.
"""
import re

from .indicators import field_in_words
from .measures import measure_name
from .type_texts import check_lang, is_zh, spaced  # noqa: F401  (check_lang: for the reports)

__all__ = ["is_zh", "text", "TextOf", "title", "formula", "FORMULAS", "measure_explain", "translate_note", "html_lang", "TEXTS",
           "MEASURE_EXPLAIN_ZH", "TITLES_ZH",
           "settings_text", "fields_in_words"]


def html_lang(lang):
    """The ``lang`` attribute of the page: ``zh-CN`` for Chinese, else ``en``.

    >>> html_lang("zh"), html_lang("en")
    ('zh-CN', 'en')
    """
    return "zh-CN" if is_zh(lang) else "en"


# key: (English, Chinese). A phrase with %-placeholders takes the same ones in both languages.
TEXTS = {
    # ----------------------------------------------------------------- shared
    "no value": ("no value", "无数值"),
    "interval to": (" to ", " 至 "),
    "mega-region": ("Mega-region", "城市群"),
    "list sep": (", ", "、"),
    "semicolon": ("; ", "；"),
    # ----------------------------------------------------------------- unevenness: summary
    "summary": ("Summary", "概要"),
    "single year": ("single<br>year", "单一<br>年份"),
    "change period": ("change<br>%d&ndash;%d", "变化<br>%d&ndash;%d"),
    "wider": ("wider", "扩大"),
    "narrower": ("narrower", "缩小"),
    "unchanged": ("unchanged", "不变"),
    "lead switched": (", lead switched", "，领先方转换"),
    "verdict clear": ("%s, clear", "%s，明确"),
    "verdict unclear": ("%s, unclear", "%s，不明确"),
    "no values both": ("<li><b>%s</b>: no mega-region has a value in both %d and %d.</li>",
                       "<li><b>%s</b>：没有城市群在 %d 年和 %d 年都有数值。</li>"),
    "count": ("%d%s", "%d 个%s"),
    "count clearly": (" (%d clearly)", "（其中 %d 个明确）"),
    "named": ("%s %s%s", "%s %s%s"),
    "named clear": (" (clear)", "（明确）"),
    "named unclear": (" (unclear)", "（不明确）"),
    "findings": ("<b>%s</b>, %d&ndash;%d: of %d mega-regions, the gap grew wider in %s and narrower in %s%s.",
                 "<b>%s</b>，%d&ndash;%d 年：%d 个城市群中，核心城市与次级城市的差距扩大的有 %s，缩小的有 %s%s。"),
    "did not change": ("; it did not change in %d", "；%d 个没有变化"),
    "widened most": (" Widened most: %s.", "扩大最多：%s。"),
    "none widened": (" No mega-region's gap widened.", "没有城市群的差距扩大。"),
    "narrowed most": (" Narrowed most: %s.", "缩小最多：%s。"),
    "none narrowed": (" No mega-region's gap narrowed.", "没有城市群的差距缩小。"),
    "year": ("%d", "%d 年"),
    "value": ("value", "数值"),
    "change years": ("change %d\u2013%d", "%d\u2013%d 年变化"),
    "gap": ("gap", "差距"),
    "share between": ("share of Theil T between the groups%s", "泰尔指数组间贡献率%s"),
    "share between year": (", %d", "（%d 年）"),
    "region note": ("<li>%s: %s</li>", "<li>%s：%s</li>"),
    "gap narrower": ("gap narrower", "差距缩小"),
    "gap wider": ("gap wider", "差距扩大"),
    "chart label": ("%s, %s", "%s，%s"),
    "over the years": ("%s over the years%s:", "%s的历年变化%s："),
    "interval shaded": (", with the interval shaded", "（阴影为置信区间）"),
    # ----------------------------------------------------------------- unevenness: details
    "own scale": ("each indicator on its own scale", "各指标单独配色"),
    "one scale": ("one scale for the table", "全表统一配色"),
    "interval": ("interval ", "置信区间 "),
    "secondary lead": ("secondary cities lead", "次级城市领先"),
    "cores lead": ("cores lead", "核心城市领先"),
    "white no gap": ("white = no gap (%s)", "白色 = 无差距（%s）"),
    "lower": ("lower", "较低"),
    "higher": ("higher", "较高"),
    "years colour": ("years: ", "年份："),
    "decreased": ("decreased", "下降"),
    "increased": ("increased", "上升"),
    "changes white": ("changes: white = no change", "变化：白色 = 无变化"),
    "details": ("Details by measure", "各测度详情"),
    "details short": ("Details", "详情"),
    "problems": ("Rows without measures", "无法计算测度的行"),
    "problems header": (("Mega-region", "indicator", "year", "cores", "secondary cities", "without value", "reason"),
                        ("城市群", "指标", "年份", "核心城市", "次级城市", "无数值", "原因")),
    "intervals": (
        "Numbers in brackets are %sbootstrap intervals: the member cities are resampled "
        "within their group, and the measure falls in this range in %s of the resamples. "
        "A change is <b>clear</b> when its interval excludes 0, <b>unclear</b> otherwise; "
        "p is the share of random core/secondary labellings of the same cities whose "
        "between-group Theil T is at least the observed one.",
        "括号内为%s自助法置信区间：在核心城市组和次级城市组内分别对成员城市重抽样，%s的重抽样结果落在此区间内。"
        "变化的置信区间不包含 0 时为<b>明确</b>，否则为<b>不明确</b>；"
        "p 为置换检验的 p 值：随机重新指定同一批城市中的核心城市与次级城市，其组间泰尔指数不小于实际值的比例。"),
    "most": ("most", "大多数"),
    "level": ("%g%% ", "%g%% "),
    "no intervals": (
        "This table has no intervals (bootstrap turned off, or written by an older version): "
        "whether a change is larger than reshuffling a few cities would give is not tested.",
        "此表没有置信区间（未进行自助法重抽样，或由旧版本生成）：未检验变化是否大于替换少数城市所能造成的变动。"),
    "lead": (
        '<p class="lead">Headline measure: <b>%s</b>%s &mdash; %s '
        "Every mega-region is listed with its full name, in the same order in every table.</p>",
        '<p class="lead">主要测度：<b>%s</b>%s &mdash; %s'
        "每个城市群均以全称列出，各表顺序相同。</p>"),
    "help": (
        '<p class="help">%d mega-regions, %d indicators, %s. Each value is computed over the member '
        "cities with a value of that indicator and year. A change is value(later year) &minus; "
        "value(earlier year); the gap is <i>wider</i> when the measure moved away from %s (no gap). %s</p>",
        '<p class="help">%d 个城市群，%d 个指标，%s。每个数值按该指标该年份有数值的成员城市计算。'
        "变化 = 后一年数值 &minus; 前一年数值；测度偏离 %s（无差距）越远，差距越<i>大</i>。%s</p>"),
    "weighted": ("population-weighted", "按人口加权"),
    "unweighted": ("every city counts once", "每个城市权重相同"),
    "contents": ('<p class="small">Contents: %s.</p>', '<p class="small">目录：%s。</p>'),
    "contents sep": (" &middot; ", " &middot; "),
    "colon": (": ", "："),
    # ----------------------------------------------------------------- typology
    "type": ("type", "类型"),
    "trend": ("trend", "趋势类型"),
    "not measured": ("not measured", "未测度"),
    "unstable": ("unstable", "不稳定"),
    "stable": (" stable", " 稳定"),
    "cities": ("cities", "城市数"),
    "mean silhouette": ("mean silhouette", "平均轮廓系数"),
    "stability": ("stability", "稳定性"),
    "description": ("description", "描述"),
    "resamples how": ("in %d resamples of the secondary cities", "对次级城市重抽样 %d 次"),
    "resamples how plain": ("by resampling the secondary cities", "对次级城市重抽样"),
    "unstable types": (
        '<p class="warn">Unstable %s: %s. Re-clustered %s, %s recovered with a mean Jaccard '
        "similarity under %s: read %s as a feature of this sample rather than of the mega-regions.</p>",
        '<p class="warn">不稳定的%s：%s。%s后重新聚类，%s的平均 Jaccard 相似系数低于 %s：'
        "应视为本样本的特征，而非城市群本身的特征。</p>"),
    "stable types": (
        '<p class="muted">Stability: the mean Jaccard similarity with which each %s is recovered '
        "when the secondary cities are re-clustered %s (Hennig 2007); every %s is at or above %s.</p>",
        '<p class="muted">聚类稳定性：%s重新聚类后每个%s被还原的平均 Jaccard 相似系数（Hennig 2007）；'
        "所有%s均不低于 %s。</p>"),
    "heading gap": ("Typology of secondary cities by their gap to the cores", "次级城市与核心城市差距的类型划分"),
    "heading trend": ("Development trends of secondary cities", "次级城市发展趋势"),
    "unit gap": ("gap to the cores (performance units)", "与核心城市的差距（绩效值）"),
    "unit trend": ("change in performance", "绩效值变化"),
    "summary line": ("%d secondary cities in %d %ss", "%d 个次级城市，分为 %d 个%s"),
    "summary k": (" (K chosen by %s); mean silhouette %s; the %ss explain %s of the variation "
                  "(between / total sum of squares)",
                  "（K 按%s确定）；平均轮廓系数 %s；%s解释了 %s 的变异（组间平方和 / 总平方和）"),
    "chosen silhouette": ("silhouette", "平均轮廓系数"),
    "chosen fixed": ("fixed", "指定值"),
    "left out lead": (" %d secondary cities left out (listed at the end).", "另有 %d 个次级城市未参与分类（列于文末）。"),
    "lead end": ("%s.%s", "%s。%s"),
    "per type region": ("Cities per %s and mega-region", "各%s在各城市群中的城市"),
    "profile": ("Profile of every %s: centre in %s", "各%s的特征：聚类中心，单位为%s"),
    "colours gap": ("red: ahead of the cores, blue: behind them", "红色：领先核心城市，蓝色：落后于核心城市"),
    "colours trend": ("red: improved, blue: declined", "红色：改善，蓝色：下降"),
    "per indicator": ('<p class="muted">Per indicator; %s; white: no difference.</p>',
                      '<p class="muted">按指标；%s；白色：无差异。</p>'),
    "centres indicator": ("%s centres per indicator", "各指标的%s中心"),
    "per dimension": ('<p class="muted">Per dimension (mean of its indicators):</p>',
                      '<p class="muted">按维度（其指标的均值）：</p>'),
    "centres dimension": ("%s centres per dimension", "各维度的%s中心"),
    "mean kind gap": ("mean gap", "平均差距"),
    "mean kind trend": ("mean trend", "平均变化"),
    "within ss": ("within SS", "组内平方和"),
    "between ss": ("between SS", "组间平方和"),
    "how many": ("How many %ss: mean silhouette by K", "%s数量：各 K 值的平均轮廓系数"),
    "pca heading": ("The cities on the first two principal components", "城市在前两个主成分上的分布"),
    "component": ("component", "主成分"),
    "settings": ('<p class="muted small">Settings: %s. Indicators: %s.</p>',
                 '<p class="muted small">设置：%s。指标：%s。</p>'),
    "left out": ("Secondary cities left out", "未参与分类的次级城市"),
    "left out header": (("Mega-region", "city", "reason"), ("城市群", "城市", "原因")),
    "dropped": ("Indicators dropped", "剔除的指标"),
    "k axis": ("K (number of types)", "K（类型数）"),
    "silhouette by k": ("mean silhouette by K", "各 K 值的平均轮廓系数"),
    "pc1": ("PC1 (%.1f%% of variance)", "第一主成分（解释 %.1f%% 的方差）"),
    "pc2": ("PC2 (%.1f%%)", "第二主成分（%.1f%%）"),
    "pca tip": ("%s (%s): type %s, silhouette %s", "%s（%s）：类型 %s，轮廓系数 %s"),
    "pca label": ("PCA scatter of cities coloured by type", "按类型着色的城市主成分散点图"),
    "intro performance": ("Performance = per-indicator TOPSIS (min-max over the pool, cost indicators reversed).",
                          "绩效值 = 逐指标的逼近理想解排序法（TOPSIS）得分（在比较范围内极差标准化，逆向指标取反）。"),
    "intro gap": ("Gap = performance of the secondary city minus its core reference; types labelled A, B, ... "
                  "from the highest mean gap (closest to the cores).",
                  "差距 = 次级城市绩效值 &minus; 其核心城市参照值；类型按平均差距从高到低（最接近核心城市者为先）"
                  "依次记为 A、B……"),
    "intro trend": ("Trend = performance in the second year minus the first; trends labelled A, B, ... from the "
                    "highest mean change (most improved).",
                    "趋势 = 第二年绩效值 &minus; 第一年绩效值；趋势类型按平均变化从高到低（改善最多者为先）依次记为 A、B……"),
    "intro kmeans": ("Groups from K-means, K by mean silhouette.", "分组采用 K 均值聚类，K 按平均轮廓系数确定。"),
    "intro sep": (" ", ""),
}


def text(key, lang="en"):
    """The phrase ``key`` of :data:`TEXTS` in ``lang``.

    >>> text("summary"), text("summary", "zh")
    ('Summary', '概要')
    """
    en, zh = TEXTS[key]
    return zh if is_zh(lang) else en


class TextOf:
    """:func:`text` with the language fixed: ``T = TextOf("zh"); T("summary")``."""

    def __init__(self, lang="en"):
        self.zh = is_zh(lang)

    def __call__(self, key):
        return TEXTS[key][1 if self.zh else 0]


# The reports' titles as the algorithms give them, in Chinese; another title is kept.
TITLES_ZH = {
    "Core-secondary unevenness by mega-region": "各城市群核心—次级城市不均衡",
    "Typology of secondary cities": "次级城市类型划分",
    "Development trends of secondary cities": "次级城市发展趋势",
    "Typology of secondary cities by their gap to the cores": "次级城市与核心城市差距的类型划分",
}


def title(value, lang="en"):
    """A report title in ``lang``: one of the algorithms' titles in Chinese, any other as given.

    >>> title("Typology of secondary cities", "zh"), title("My study", "zh"), title("Typology of secondary cities")
    ('次级城市类型划分', 'My study', 'Typology of secondary cities')
    """
    return TITLES_ZH.get(str(value), value) if is_zh(lang) else value


# One line per measure for a Chinese reader (the English ones are Measure.explain).
MEASURE_EXPLAIN_ZH = {
    "mean_core": "核心城市的指标均值（选择加权时按人口加权）。",
    "mean_secondary": "次级城市的指标均值（选择加权时按人口加权）。",
    "ratio": "核心城市均值除以次级城市均值：大于 1 表示核心城市领先，小于 1 表示次级城市领先。",
    "gini": "全部成员城市之间的不均衡：各城市相等时为 0，最大为 1 - 1/n。",
    "theil": "全部成员城市之间的不均衡：各城市相等时为 0，最大为 ln n。",
    "theil_between": "泰尔指数中由核心城市与次级城市均值差距造成的部分。",
    "theil_within": "泰尔指数中由核心城市内部、次级城市内部差异造成的部分。",
    "theil_between_share": "组间泰尔指数占总体泰尔指数的比例：不均衡中有多少来自核心—次级城市差距。",
    "theil_core": "核心城市之间的不均衡（只有一个核心城市时为 0）。",
    "theil_secondary": "次级城市之间的不均衡。",
    "dagum_g": "Dagum 基尼系数分解中三项之和（与基尼系数相同）。",
    "dagum_gw": "基尼系数中由核心城市组内、次级城市组内差异造成的部分。",
    "dagum_gnb": "基尼系数中由核心城市与次级城市之间差距造成的部分。",
    "dagum_gt": "基尼系数中由组间交叉重叠造成的部分：次级城市高于核心城市，或相反。",
    "share_gw": "Dagum 组内差距占基尼系数的比例。",
    "share_gnb": "Dagum 组间净值差距占基尼系数的比例。",
    "share_gt": "Dagum 超变密度占基尼系数的比例。",
    "gini_core": "核心城市之间的不均衡（只有一个核心城市时为 0）。",
    "gini_secondary": "次级城市之间的不均衡。",
    "gini_core_secondary": "核心城市与次级城市之间的 Dagum 组间基尼系数。",
    "dagum_d": "领先组的每个城市均高于另一组每个城市时为 1，两组无差别时为 0。",
    "gnb_signed": "核心城市领先时为正，次级城市领先时为负。",
}

# The formula behind each measure of the unevenness report, for the analyst (method section 2).
FORMULAS = {
    "ratio": "&mu;<sub>core</sub> / &mu;<sub>secondary</sub>",
    "gini": "G = &Sigma;<sub>i</sub>&Sigma;<sub>r</sub>|y<sub>i</sub> &minus; y<sub>r</sub>| / (2n&sup2;&mu;)",
    "theil": "T = (1/n) &Sigma; (y<sub>i</sub>/&mu;) ln(y<sub>i</sub>/&mu;)",
    "theil_between": "T<sub>b</sub> = &Sigma;<sub>g</sub> s<sub>g</sub> ln(s<sub>g</sub>/p<sub>g</sub>), s = share of "
                     "the indicator total, p = share of the cities",
    "theil_within": "T<sub>w</sub> = &Sigma;<sub>g</sub> s<sub>g</sub> T<sub>g</sub>",
    "theil_between_share": "T<sub>b</sub> / T",
    "dagum_gw": "G<sub>w</sub> = &Sigma;<sub>j</sub> G<sub>jj</sub> p<sub>j</sub> s<sub>j</sub>",
    "dagum_gnb": "G<sub>nb</sub> = G<sub>jh</sub>(p<sub>j</sub>s<sub>h</sub> + p<sub>h</sub>s<sub>j</sub>)D<sub>jh</sub>",
    "dagum_gt": "G<sub>t</sub> = G<sub>jh</sub>(p<sub>j</sub>s<sub>h</sub> + p<sub>h</sub>s<sub>j</sub>)(1 &minus; D<sub>jh</sub>)",
    "share_gw": "G<sub>w</sub> / G", "share_gnb": "G<sub>nb</sub> / G", "share_gt": "G<sub>t</sub> / G",
    "gnb_signed": "+G<sub>nb</sub> when the cores lead, &minus;G<sub>nb</sub> otherwise",
}

# The words inside the formulas, in Chinese.
FORMULA_WORDS_ZH = {
    "&mu;<sub>core</sub> / &mu;<sub>secondary</sub>": "&mu;<sub>核心</sub> / &mu;<sub>次级</sub>",
    "s = share of the indicator total, p = share of the cities": "s = 指标总量占比，p = 城市数占比",
    " when the cores lead, &minus;G<sub>nb</sub> otherwise": "（核心城市领先时），否则为 &minus;G<sub>nb</sub>",
}


# The settings of a typology (TypologyResult.settings) and their values, in Chinese.
SETTING_NAMES_ZH = {
    "pool": "比较范围", "core_reference": "核心城市参照", "k": "K", "k_max": "K 最大值", "seed": "随机种子",
    "n_init": "K 均值初始化次数", "on_constant": "恒定指标处理", "cost_indicators": "逆向指标", "year": "年份",
    "years": "年份", "year_pool": "年份标准化方式", "neutral_indicators": "中性指标",
    "stability_resamples": "聚类稳定性重抽样次数",
}
SETTING_VALUES_ZH = {
    "all": "全部城市", "megaregion": "各城市群", "mean": "核心城市均值", "nearest": "最近的核心城市",
    "best": "最优核心城市", "drop": "剔除", "error": "报错", "per_year": "逐年标准化", "pooled": "两年合并标准化",
}


def fields_in_words(names, lang="zh"):
    """A list of fields written ``"a, b"`` by the computations, each in words.

    >>> fields_in_words("popu_2020, gdp")
    '2020年常住人口、gdp'
    """
    return text("list sep", lang).join(field_in_words(n.strip(), lang) for n in str(names).split(", "))


def settings_text(settings, lang="en"):
    """The settings line of a typology report: ``pool = all, k = 3`` in English, names, values and
    indicators in words in Chinese; empty settings are left out.

    >>> settings_text({"pool": "all", "k": None, "cost_indicators": ["age_65_2020"]})
    "pool = all, cost_indicators = ['age_65_2020']"
    >>> settings_text({"pool": "all", "k": None, "cost_indicators": ["age_65_2020"]}, "zh")
    '比较范围：全部城市；逆向指标：2020年65岁及以上人口占比（%）'
    """
    shown = [(k, v) for k, v in settings.items() if v not in (None, [], "")]
    if not is_zh(lang):
        return ", ".join("%s = %s" % (k, v) for k, v in shown)

    def value(v):
        if isinstance(v, (list, tuple)):
            return "、".join(value(x) for x in v)
        return SETTING_VALUES_ZH.get(v, field_in_words(v, "zh")) if isinstance(v, str) else str(v)
    return "；".join("%s：%s" % (SETTING_NAMES_ZH.get(k, k), value(v)) for k, v in shown)


def measure_explain(key, explain_en, lang="en"):
    """The one-line explanation of measure ``key`` in ``lang`` (``explain_en`` in English)."""
    return MEASURE_EXPLAIN_ZH.get(key, explain_en) if is_zh(lang) else explain_en


def formula(value, lang="en"):
    """A formula of the unevenness report (HTML) with its words in ``lang``."""
    if not (value and is_zh(lang)):
        return value
    for en, zh in FORMULA_WORDS_ZH.items():
        value = value.replace(en, zh)
    return value


# The notes, statuses and reasons the computations write, as (pattern, Chinese): a template
# (\\1 ... the matched parts), or a heading ("%s") before a part translated in turn, or a
# heading before a list of "name (reason)" items. Parts that hold no "; " are matched by [^;]*.
_NOTES = [
    (r"ok", "正常"),
    (r"(\d+) cities with NULL value excluded \(([^;]*)\)",
     lambda m: "%s 个城市数值为空，已剔除（%s）" % (m[1], m[2].replace(", ", "、"))),
    (r"(\d+) cities with NULL weight excluded \(([^;]*)\)",
     lambda m: "%s 个城市权重为空，已剔除（%s）" % (m[1], m[2].replace(", ", "、"))),
    (r"no core city in the mega-region", "城市群没有核心城市"),
    (r"no secondary city in the mega-region", "城市群没有次级城市"),
    (r"no valid core value \(all NULL\)", "核心城市没有有效数值（全部为空）"),
    (r"no valid secondary value \(all NULL\)", "次级城市没有有效数值（全部为空）"),
    (r"all values are zero: inequality is undefined", "数值全部为 0：不均衡程度无定义"),
    (r"all values equal: shares undefined", "数值全部相等：贡献率无定义"),
    (r"secondary mean is 0: ratio undefined", "次级城市均值为 0：均值比无定义"),
    (r"core mean ([^;]*) / secondary mean ([^;]*) exceeds the largest float \(1\.8e308\): ratio left NULL",
     r"核心城市均值 \1 / 次级城市均值 \2 超出浮点数上限（1.8e308）：均值比留空"),
    (r"city sets differ: (\d+) cities only in (\d+), (\d+) only in (\d+)",
     r"两年城市集合不同：\1 个城市仅在 \2 年有数值，\3 个仅在 \4 年有数值"),
    (r"one core city: its intervals reflect only the secondary cities' variation",
     "只有一个核心城市：置信区间仅反映次级城市的变动"),
    (r"one secondary city: its intervals reflect only the core cities' variation",
     "只有一个次级城市：置信区间仅反映核心城市的变动"),
    (r"no interval for ([^;]*): undefined in some resamples",
     lambda m: "%s没有置信区间：部分重抽样中无定义" % "、".join(measure_name(k.strip(), "zh") for k in m[1].split(","))),
    (r"the permutation p(?:_between)? cannot be below (\S+): only (\d+) ways to choose (\d+) cores? among (\d+) cities",
     r"置换检验 p 值不可能低于 \1：在 \4 个城市中选 \3 个核心城市只有 \2 种方式"),
    (r"no change intervals: no core city has a value in both years", "无变化的置信区间：没有核心城市在两年都有数值"),
    (r"no change intervals: no secondary city has a value in both years", "无变化的置信区间：没有次级城市在两年都有数值"),
    (r"change intervals from the (\d+) cities with a value in both years", r"变化的置信区间基于两年都有数值的 \1 个城市"),
    # typology: reasons a city is left out, indicators dropped, messages
    (r"NULL in ([^;]*)", lambda m: "%s为空值" % spaced(fields_in_words(m[1])).lstrip()),
    (r"mega-region ([^;]*) has no core city \(role = core\), so there is no reference; mark its core\(s\) in the "
     r"role field", r"城市群 \1 没有核心城市（role = core），因而没有参照值；请在角色字段中标出核心城市"),
    (r"no representative point \(lon/lat NULL\) for ([^;]*)", r"\1 没有代表点（经纬度为空）"),
    (r"no core value for ([^;]*) in mega-region ([^;]*)", r"城市群 \2 的核心城市在 \1 上没有数值"),
    (r"Indicator (\S*) is constant (?:over all cities|in pool .*?) \(all (\d+) valid values equal ([^:;]*): "
     r"min-max performance is undefined; cities (.*)\); dropped",
     r"指标 \1 取值恒定（\2 个有效值均为 \3，无法极差标准化；城市：\4），已剔除"),
    (r"Indicator (\S*) is declared neutral \(neither more nor less is better\): not scored",
     r"指标 \1 为中性指标（数值高低无优劣之分）：不计算绩效值"),
    (r"K_max lowered from (\d+) to (\d+) \((\d+) secondary cities, (\d+) distinct profiles; the silhouette needs "
     r"K <= n - 1\)", r"K_max 由 \1 降为 \2（\3 个次级城市，\4 种不同特征；轮廓系数要求 K <= n - 1）"),
    (r"Indicator dropped: (.*)", ("剔除指标：%s",)),
    (r"(?:year )?(\d{4}): (.+)", ("%s 年：%s",)),
    (r"(\d+) secondary cities left out of the (?:gap|trend) typology: (.*)", ["%s 个次级城市未参与分类：%s"]),
]
_NOTES = [(re.compile(p + r"\Z", re.S), zh) for p, zh in _NOTES]
_ITEM = re.compile(r"(.*?) \((.*)\)\Z", re.S)


def _chinese(part):
    for pattern, zh in _NOTES:
        match = pattern.match(part)
        if match is None:
            continue
        if isinstance(zh, str):
            return match.expand(zh)
        if callable(zh):
            return zh(match)
        groups = match.groups()
        if isinstance(zh, tuple):        # a heading, then the rest translated in turn
            return zh[0] % (groups[:-1] + (_chinese(groups[-1]),))
        items = []                       # a heading, then "name (reason)" items
        for item in groups[-1].split("; "):
            named = _ITEM.match(item)
            items.append("%s（%s）" % (named[1], _chinese(named[2])) if named else item)
        return zh[0] % (groups[0], "；".join(items))
    if "; " in part:
        return "；".join(_chinese(p) for p in part.split("; "))
    return part


def translate_note(value, lang="en"):
    """A note, status or reason written by the computations, in ``lang``: a known text (or
    each known ``"; "``-separated part of it) in Chinese, any other text as it is.

    >>> translate_note("no core city in the mega-region", "zh")
    '城市群没有核心城市'
    >>> translate_note("2020: no valid core value (all NULL); something new", "zh")
    '2020 年：核心城市没有有效数值（全部为空）；something new'
    >>> translate_note("2010: NULL in popu_2010, gdp; 2020: NULL in gdp", "zh")
    '2010 年：2010年常住人口、gdp 为空值；2020 年：gdp 为空值'
    >>> translate_note("3 cities with NULL value excluded (a, b, c)", "en")
    '3 cities with NULL value excluded (a, b, c)'
    """
    if value is None or not is_zh(lang):
        return value
    return _chinese(str(value).strip())
