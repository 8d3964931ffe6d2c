"""Map titles and legend headings show a Chinese indicator name (均值, as a one-year table's
YEAR or a long panel's 年份 writes it: 均值_2020) as it is, in both languages."""
from megaregion.processing import map_texts


def test_map_title_and_legend_keep_a_chinese_indicator_name():
    names = ["theil_均值_2010", "theil_均值_2020", "theil_均值_change"]
    title, heading = map_texts.describe_field("theil_均值_2020", names, lang="en")
    assert title == "Core–secondary unevenness of 均值, Theil T, 2020"
    assert heading.startswith("Theil T, 2020")
    assert map_texts.describe_field("theil_均值_2020", names, lang="zh")[0] == "2020年均值的核心—次级城市不均衡：泰尔指数"
    assert map_texts.describe_field("theil_均值_change", names, lang="zh")[0] == \
        "2010—2020年均值核心—次级城市不均衡的变化：泰尔指数"
