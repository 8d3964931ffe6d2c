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
    "household": "the average household size (persons per household): a larger household is neither "
                 "better nor worse",
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
            hints.append(f"'{name}' is a cost indicator (less is better) in the dissertation; "
                         "add it to COST_INDICATORS if that holds for your data.")
        elif direction == NEUTRAL and key not in neutral_keys:
            hints.append(f"'{name}' is {_NEUTRAL_WHY[key]}: it is scored as if more were better; add it to "
                         "NEUTRAL_INDICATORS to leave it out of the typology, or remove it from INDICATORS.")
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
        raise ValueError("Choose at least one indicator")
    wanted = {str(n).casefold() for n in neutral} | {base_name(n).casefold() for n in neutral}
    dropped = {}
    for name in indicators:
        if {name.casefold(), base_name(name).casefold()} & wanted:
            dropped[name] = (f"Indicator {name!r} is declared neutral (neither more nor less is better): "
                             "not scored")
    kept = [i for i in indicators if i not in dropped]
    if not kept:
        raise ValueError(f"Every indicator is declared neutral ({list_names(indicators)}): keep at least one "
                         "benefit or cost indicator")
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
            raise ValueError(
                f"DIMENSIONS entry {entry.strip()!r} has no '=': write indicator=dimension pairs separated by ';', "
                "e.g. 'POP=urban size;PAT=innovation'"
            )
        key, dimension = (part.strip() for part in entry.split("=", 1))
        if not key or not dimension:
            raise ValueError(f"DIMENSIONS entry {entry.strip()!r} needs both an indicator and a dimension")
        wanted = {key.casefold(), base_name(key).casefold()}
        matched = [i for i in indicators if {i.casefold(), base_name(i).casefold()} & wanted]
        if not matched:
            raise ValueError(
                f"DIMENSIONS names {key!r}, which is not one of the indicators ({', '.join(indicators)}): "
                "correct the name or add the field to INDICATORS"
            )
        for i in matched:
            if i in given and given[i] != dimension:
                raise ValueError(f"DIMENSIONS gives indicator {i!r} two dimensions: {given[i]!r} and {dimension!r}")
            given[i] = dimension
    dims.update(given)
    return dims
