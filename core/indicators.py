"""Names in words of the indicators the bundled data and the pipeline write, for reports and maps.

An indicator is stored as ``<indicator>_<year>`` fields (:mod:`.fields`); a reader sees its name
in words instead, in English and Chinese. Any other indicator is shown as it is given.
"""
from typing import Dict, Tuple

from .fields import split_year

__all__ = ["INDICATOR_NAMES", "indicator_name", "field_in_words"]

INDICATOR_NAMES: Dict[str, Tuple[str, str]] = {
    "popu": ("population", "常住人口"),
    "popu_urban": ("urban population", "城镇人口"),
    "popu_rural": ("rural population", "乡村人口"),
    "household": ("average household size", "平均家庭户规模"),
    "male_female": ("sex ratio (men per 100 women)", "性别比（女=100）"),
    "age_0_14": ("share aged 0–14 (%)", "0–14岁人口占比（%）"),
    "age_15_59": ("share aged 15–59 (%)", "15–59岁人口占比（%）"),
    "age_60": ("share aged 60 and over (%)", "60岁及以上人口占比（%）"),
    "age_65": ("share aged 65 and over (%)", "65岁及以上人口占比（%）"),
    "ntl_total_light": ("total night-time light", "夜间灯光总量"),
    "ntl_lit_area_km2": ("lit area (km²)", "夜间灯光面积（km²）"),
    "ntl_mean": ("mean night-time light", "夜间灯光均值"),
    "ndvi_mean": ("mean NDVI", "归一化植被指数均值"),
    "built_frac_13": ("built-up share", "建成区面积占比"),
}


def indicator_name(key, lang: str = "en") -> str:
    """The name in words of indicator ``key`` (``lang`` "en" or "zh"); ``key`` itself when unknown.

    >>> indicator_name("popu_urban"), indicator_name("popu_urban", "zh"), indicator_name("gdp_pc")
    ('urban population', '城镇人口', 'gdp_pc')
    """
    names = INDICATOR_NAMES.get(str(key))
    if names is None:
        return str(key)
    return names[1] if str(lang).lower().startswith("zh") else names[0]


def field_in_words(field, lang: str = "en") -> str:
    """A field ``<indicator>_<year>`` of a known indicator in words: ``"ndvi_mean_2023"`` ->
    ``"mean NDVI 2023"`` (``"2023年归一化植被指数均值"`` in Chinese); any other name as it is.

    >>> field_in_words("popu_urban_2020"), field_in_words("popu_urban_2020", "zh")
    ('urban population 2020', '2020年城镇人口')
    >>> field_in_words("built_frac_13"), field_in_words("gdp_2015")
    ('built-up share', 'gdp_2015')
    """
    base, year = split_year(field)
    if str(base) not in INDICATOR_NAMES:
        return indicator_name(field, lang)
    name = indicator_name(base, lang)
    if year is None:
        return name
    return "%d年%s" % (year, name) if str(lang).lower().startswith("zh") else "%s %d" % (name, year)
