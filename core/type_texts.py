"""The words of a typology's types in the reader's language (``lang`` "en" or "zh"): the
legend label's position phrase, the description of a type from its profile and the sentence
on its stability, in the terms of Chinese planning literature (核心城市, 次级城市, 类型,
聚类稳定性). The English texts are those :mod:`.typology_tables`, :mod:`.kmeans_typology`
and :mod:`.typology` have always written; this module holds the Chinese ones and the names of
the dimensions.
"""
from .indicators import field_in_words
from .messages import msg

__all__ = ["is_zh", "check_lang", "spaced", "dimension_in_words", "label_position", "label_tail", "describe_type_zh",
           "stability_sentence_zh", "DIMENSION_NAMES_ZH"]

# The dissertation's six dimensions (Du 2026, table 2.1) as Chinese studies name them.
DIMENSION_NAMES_ZH = {
    "urban size": "城市规模",
    "social vitality": "社会活力",
    "innovation": "创新能力",
    "industrial structure": "产业结构",
    "regional embeddedness": "区域嵌入",
    "green transformation": "绿色转型",
}


def is_zh(lang):
    """True for a Chinese ``lang`` ("zh", "zh_CN", "zh-Hans" ...).

    >>> is_zh("zh_CN"), is_zh("en"), is_zh(None)
    (True, False, False)
    """
    return str(lang).lower().startswith("zh")


def check_lang(lang, name="lang"):
    """``"en"`` or ``"zh"`` for a language the texts are written in (``"zh_CN"``, ``"en_US"``
    ... by their first two letters), else a ValueError naming the value and the choices.

    >>> check_lang("zh_CN"), check_lang("EN")
    ('zh', 'en')
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    ValueError: lang = 'fr': the texts are written in English and Chinese; use 'en' or 'zh'
    """
    code = str(lang).strip().lower()[:2] if isinstance(lang, str) else None
    if code not in ("en", "zh"):
        raise ValueError(msg("{name} = {lang!r}: the texts are written in English and Chinese; use 'en' or 'zh'",
                             "{name} = {lang!r}：文本只有英文和中文；请使用 'en' 或 'zh'", name=name, lang=lang))
    return code


def dimension_in_words(name, lang="en"):
    """A dimension or indicator name in words: a dissertation dimension by its Chinese name,
    an indicator of the bundled data by :func:`~megaregion.core.indicators.field_in_words`,
    anything else as it is.

    >>> dimension_in_words("innovation", "zh"), dimension_in_words("popu", "zh"), dimension_in_words("gdp", "zh")
    ('创新能力', '常住人口', 'gdp')
    >>> dimension_in_words("innovation"), dimension_in_words("popu")
    ('innovation', 'population')
    """
    if is_zh(lang) and str(name) in DIMENSION_NAMES_ZH:
        return DIMENSION_NAMES_ZH[str(name)]
    return field_in_words(name, "zh" if is_zh(lang) else "en")


def spaced(name):
    """A name set among Chinese characters: a space on each side that starts or ends with a
    Latin letter or digit, as Chinese typesetting separates Latin words.

    >>> "在" + spaced("green") + "上", "在" + spaced("城市规模") + "上", spaced("2020年常住人口")
    ('在 green 上', '在城市规模上', ' 2020年常住人口')
    """
    name = str(name)
    if not name:
        return name
    return (" " if name[0].isascii() and name[0].isalnum() else "") + name + \
        (" " if name[-1].isascii() and name[-1].isalnum() else "")


def label_position(kind, rank, k, lang="en"):
    """The place of a type among the ``k`` types in its legend label (``rank`` from 0).

    >>> label_position("gap", 0, 3), label_position("gap", 1, 3, "zh"), label_position("trend", 2, 3, "zh")
    ('closest to the cores', '与核心城市差距第 2 小', '改善最少')
    """
    zh = is_zh(lang)
    if kind == "gap":
        if rank == 0:
            return "最接近核心城市" if zh else "closest to the cores"
        if rank == k - 1:
            return "落后核心城市最多" if zh else "furthest behind the cores"
        return f"与核心城市差距第 {rank + 1} 小" if zh else f"rank {rank + 1} of {k} by gap"
    if rank == 0:
        return "改善最多" if zh else "most improved"
    if rank == k - 1:
        return "改善最少" if zh else "least improved"
    return f"改善幅度第 {rank + 1} 大" if zh else f"rank {rank + 1} of {k} by change"


def label_tail(size, unstable, lang="en"):
    """The parenthesis of a legend label: the number of cities and, for an unstable type, so.

    >>> label_tail(1, True), label_tail(12, False, "zh"), label_tail(1, True, "zh")
    (' (1 city; unstable)', '（12 个城市）', '（1 个城市；不稳定）')
    """
    if is_zh(lang):
        return f"（{size} 个城市{'；不稳定' if unstable else ''}）"
    noun = "city" if size == 1 else "cities"
    return f" ({size} {noun}{'; unstable' if unstable else ''})"


def _fmt(v):
    return f"{v:+.2f}"


def describe_type_zh(label, size, centre, mean_all, sd_all, ordered, better, worse, rank, k, kind="gap"):
    """The Chinese text of :func:`~megaregion.core.kmeans_typology.describe_type`, from the
    quantities it has worked out (``ordered``: the centre sorted from the highest value;
    ``better``/``worse``: the dimensions at least half a standard deviation above/below the
    mean of all clustered cities)."""
    overall = float(centre.mean())
    top_name, top = spaced(dimension_in_words(ordered.index[0], "zh")), ordered.iloc[0]
    low_name, low = spaced(dimension_in_words(ordered.index[-1], "zh")), ordered.iloc[-1]
    if kind == "gap":
        position = ("最接近核心城市" if rank == 0 else "落后核心城市最多" if rank == k - 1
                    else f"与核心城市的接近程度排第 {rank + 1} 位")
        parts = [f"类型 {label}（{size} 个城市；各维度平均差距 {_fmt(overall)}，在 {k} 个类型中{position}）。"]
        if len(centre) == 1:
            parts.append(f"与核心城市在{top_name}上的差距：{_fmt(top)}。")
        elif top <= 0:
            parts.append(f"与核心城市的差距在{top_name}上最小（{_fmt(top)}），在{low_name}上最大（{_fmt(low)}）。")
        elif low < 0:
            parts.append(f"在{top_name}上领先核心城市（{_fmt(top)}）；在{low_name}上差距最大（{_fmt(low)}）。")
        else:
            parts.append(f"在所有维度上均领先核心城市：{top_name}领先最多（{_fmt(top)}），"
                         f"{low_name}领先最少（{_fmt(low)}）。")
        better_word, worse_word = "差距较小", "差距较大"
    else:
        position = ("改善最多" if rank == 0 else "改善最少" if rank == k - 1
                    else f"按改善幅度排第 {rank + 1} 位")
        parts = [f"趋势类型 {label}（{size} 个城市；各维度平均变化 {_fmt(overall)}，在 {k} 个趋势类型中{position}）。"]
        if len(centre) == 1:
            parts.append(f"{top_name}的变化：{_fmt(top)}。")
        else:
            gain = (f"{top_name}提升最多（{_fmt(top)}）" if top > 0 else f"{top_name}下降最少（{_fmt(top)}）")
            loss = (f"{low_name}下降最多（{_fmt(low)}）" if low < 0 else f"{low_name}提升最少（{_fmt(low)}）")
            parts.append(f"{gain}；{loss}。")
        better_word, worse_word = "提升较快", "提升较慢"
    bits = []
    if better:
        bits.append(f"在{spaced('、'.join(dimension_in_words(d, 'zh') for d in better))}上{better_word}")
    if worse:
        bits.append(f"在{spaced('、'.join(dimension_in_words(d, 'zh') for d in worse))}上{worse_word}")
    if bits:
        parts.append("与全部次级城市相比：" + "；".join(bits) + "。")
    return "".join(parts)


def stability_sentence_zh(kind, stability, resamples, below):
    """The Chinese text of :func:`~megaregion.core.typology.stability_sentence`.

    >>> stability_sentence_zh("gap", 0.41, 100, 0.6)
    '不稳定：对次级城市重抽样 100 次，该类型的平均 Jaccard 相似系数为 0.41（低于 0.6），可能只是本样本的偶然结果。'
    """
    noun = "类型" if kind == "gap" else "趋势类型"
    if stability != stability:
        return f"稳定性未测度：对次级城市的 {resamples} 次重抽样均未抽中该{noun}的城市。"
    if stability < below:
        return (f"不稳定：对次级城市重抽样 {resamples} 次，该{noun}的平均 Jaccard 相似系数为 "
                f"{stability:.2f}（低于 {below:g}），可能只是本样本的偶然结果。")
    return ""
