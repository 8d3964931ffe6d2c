"""What an indicator means to a typology: its dimension and its direction.

Direction
    ``benefit`` (more is better; the default), ``cost`` (less is better, e.g. PM2.5: the
    performance is reversed) or ``neutral`` (neither: e.g. the average household size, where
    a larger household is not a better one). A neutral indicator has no performance, so it
    cannot have a gap to the cores or a trend; it is left out of the typology with the
    reason, and out of the composite score.

Dimension
    The dissertation's 18 indicators (Du 2026, table 2.1) in six dimensions; an indicator
    named like one of them (``POP``, ``pm25_2020``, ``PM2.5``) gets its dimension, any other
    is its own dimension unless the DIMENSIONS text names one. A dimension's value is the
    mean over its indicators.

Names are matched by their *key*: the name without its ``_<year>`` suffix
(:func:`megaregion.core.fields.base_name`), without characters other than letters and
digits, in upper case (``pm2.5_2020`` -> ``PM25``).
"""
import re

from .fields import base_name, list_names
from .messages import msg

BENEFIT = "benefit"
COST = "cost"
NEUTRAL = "neutral"
DIRECTIONS = (BENEFIT, COST, NEUTRAL)

# Dissertation table 2.1: 18 indicators in six dimensions (2011 vs 2020).
DIMENSIONS = ("urban size", "social vitality", "innovation", "industrial structure",
              "regional embeddedness", "green transformation")
DISSERTATION_DIMENSIONS = {
    "POP": "urban size", "GDP": "urban size", "BUILT": "urban size",
    "NTL": "social vitality", "LIB": "social vitality", "INSUR": "social vitality",
    "PAT": "innovation", "WOS": "innovation", "EXP": "innovation",
    "PRI": "industrial structure", "SEC": "industrial structure", "TER": "industrial structure",
    "INFRA": "regional embeddedness", "INFOR": "regional embeddedness", "FINA": "regional embeddedness",
    "PM2.5": "green transformation", "NDVI": "green transformation", "CARB": "green transformation",
}
# The dissertation's cost indicators (less is better) among them.
DISSERTATION_COST_INDICATORS = ("PM2.5", "CARB")
# Indicators of the bundled data that are neither benefit nor cost, with why.
NEUTRAL_INDICATORS = {
    "household": msg("the average household size (persons per household): a larger household is neither "
                     "better nor worse",
                     "户均人口（每户人数），户规模大小无所谓优劣"),
}


def indicator_key(name):
    """The key that matches an indicator field with a declared indicator.

    >>> indicator_key("pm2.5_2020"), indicator_key("PM25"), indicator_key("household_2010")
    ('PM25', 'PM25', 'HOUSEHOLD')
    """
    return re.sub(r"[^0-9A-Za-z]", "", base_name(name)).upper()


_DIMENSION_OF = {indicator_key(k): v for k, v in DISSERTATION_DIMENSIONS.items()}
_COST_KEYS = {indicator_key(k) for k in DISSERTATION_COST_INDICATORS}
_NEUTRAL_WHY = {indicator_key(k): why for k, why in NEUTRAL_INDICATORS.items()}


def known_direction(name):
    """The direction declared for an indicator named like ``name``: ``"cost"`` for the
    dissertation's cost indicators, ``"neutral"`` for :data:`NEUTRAL_INDICATORS`, else
    ``"benefit"``.

    >>> [known_direction(n) for n in ("PM2.5", "carb_2020", "household_2020", "popu_2020")]
    ['cost', 'cost', 'neutral', 'benefit']
    """
    key = indicator_key(name)
    if key in _COST_KEYS:
        return COST
    if key in _NEUTRAL_WHY:
        return NEUTRAL
    return BENEFIT


def direction_hints(indicators, cost=(), neutral=()):
    """Messages for indicators whose declared direction was not given: a known cost
    indicator not among ``cost``, a known neutral one not among ``neutral``.

    >>> direction_hints(["pm25_2020", "popu_2020"], cost=[])
    ["'pm25_2020' is a cost indicator (less is better) in the dissertation; add it to COST_INDICATORS if that holds for your data."]
    >>> direction_hints(["household_2020"])[0][:59]
    "'household_2020' is the average household size (persons per"
    """
    cost_keys = {indicator_key(c) for c in cost}
    neutral_keys = {indicator_key(c) for c in neutral}
    hints = []
    for name in indicators:
        key = indicator_key(name)
        direction = known_direction(name)
        if direction == COST and key not in cost_keys:
            hints.append(msg("'{name}' is a cost indicator (less is better) in the dissertation; "
                             "add it to COST_INDICATORS if that holds for your data.",
                             "“{name}”在论文中是成本型指标（越小越好）；如果这也适用于你的数据，请将其加入 COST_INDICATORS。",
                             name=name))
        elif direction == NEUTRAL and key not in neutral_keys:
            hints.append(msg("'{name}' is {why}: it is scored as if more were better; add it to "
                             "NEUTRAL_INDICATORS to leave it out of the typology, or remove it from INDICATORS.",
                             "“{name}”是{why}：目前按越大越好计算；请将其加入 NEUTRAL_INDICATORS 以不参与类型划分，"
                             "或从 INDICATORS 中移除。",
                             name=name, why=_NEUTRAL_WHY[key]))
    return hints


def neutral_split(indicators, neutral=()):
    """``(indicators to score, {neutral indicator: reason})``: the indicators without those
    named in ``neutral`` (by name or by name without the year), in their order.

    >>> neutral_split(["popu_2020", "household_2020"], ["household"])
    (['popu_2020'], {'household_2020': "Indicator 'household_2020' is declared neutral (neither more nor less is better): not scored"})
    >>> neutral_split(["popu_2020"], ["popu_2020"])
    Traceback (most recent call last):
    ...
    ValueError: Every indicator is declared neutral (popu_2020): keep at least one benefit or cost indicator
    """
    indicators = list(indicators)
    if not indicators:
        raise ValueError(msg("Choose at least one indicator", "请至少选择一个指标"))
    wanted = {str(n).casefold() for n in neutral} | {base_name(n).casefold() for n in neutral}
    dropped = {}
    for name in indicators:
        if {name.casefold(), base_name(name).casefold()} & wanted:
            dropped[name] = msg("Indicator {name!r} is declared neutral (neither more nor less is better): "
                                "not scored", "指标 {name!r} 为中性指标（数值高低无优劣之分）：不计算绩效值",
                                name=name)
    kept = [i for i in indicators if i not in dropped]
    if not kept:
        raise ValueError(msg("Every indicator is declared neutral ({names}): keep at least one "
                             "benefit or cost indicator",
                             "所有指标均被声明为中性指标（{names}）：请至少保留一个效益型或成本型指标",
                             names=list_names(indicators)))
    return kept, dropped


def default_dimensions(indicators):
    """The dissertation's dimension of indicators named like its 18 indicators, otherwise
    each indicator its own dimension.

    >>> default_dimensions(["POP", "pm25_2020", "household_2020"])
    {'POP': 'urban size', 'pm25_2020': 'green transformation', 'household_2020': 'household_2020'}
    """
    return {i: _DIMENSION_OF.get(indicator_key(i), i) for i in indicators}


def parse_dimensions(text, indicators):
    """``{indicator: dimension}`` for every indicator, from DIMENSIONS text
    ``"POP=urban size;GDP=urban size"`` (';' or new lines between pairs) over the defaults
    of :func:`default_dimensions`. A name matches an indicator when equal to it or to its
    name without the year suffix (case-insensitive), so ``popu`` names ``popu_2020``.

    >>> parse_dimensions("popu=size; GDP = size", ["popu_2020", "gdp_2020", "ndvi"])
    {'popu_2020': 'size', 'gdp_2020': 'size', 'ndvi': 'green transformation'}
    """
    dims = default_dimensions(indicators)
    if not text or not str(text).strip():
        return dims
    given = {}
    for entry in re.split(r"[;\n]+", str(text)):
        if not entry.strip():
            continue
        if "=" not in entry:
            raise ValueError(msg(
                "DIMENSIONS entry {entry!r} has no '=': write indicator=dimension pairs separated by ';', "
                "e.g. 'POP=urban size;PAT=innovation'",
                "DIMENSIONS 中的条目 {entry!r} 没有“=”：请写成以“;”分隔的 指标=维度 对，"
                "例如 'POP=urban size;PAT=innovation'",
                entry=entry.strip()))
        key, dimension = (part.strip() for part in entry.split("=", 1))
        if not key or not dimension:
            raise ValueError(msg("DIMENSIONS entry {entry!r} needs both an indicator and a dimension",
                                 "DIMENSIONS 中的条目 {entry!r} 需要同时给出指标和维度", entry=entry.strip()))
        wanted = {key.casefold(), base_name(key).casefold()}
        matched = [i for i in indicators if {i.casefold(), base_name(i).casefold()} & wanted]
        if not matched:
            raise ValueError(msg(
                "DIMENSIONS names {key!r}, which is not one of the indicators ({indicators}): "
                "correct the name or add the field to INDICATORS",
                "DIMENSIONS 中的 {key!r} 不是所选指标（{indicators}）之一：请更正名称或将该字段加入 INDICATORS",
                key=key, indicators=", ".join(indicators)))
        for i in matched:
            if i in given and given[i] != dimension:
                raise ValueError(msg("DIMENSIONS gives indicator {indicator!r} two dimensions: "
                                     "{first!r} and {second!r}",
                                     "DIMENSIONS 为指标 {indicator!r} 指定了两个维度：{first!r} 和 {second!r}",
                                     indicator=i, first=given[i], second=dimension))
            given[i] = dimension
    dims.update(given)
    return dims
