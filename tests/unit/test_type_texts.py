"""Type labels, descriptions and stability sentences in Chinese (core/type_texts.py), the
English ones unchanged, and translate_type_label from every English label short_label writes."""
import math
import re

import numpy as np
import pandas as pd
import pytest

from megaregion.core import kmeans_typology as km
from megaregion.core import typology as ty
from megaregion.core.typology_tables import short_label, translate_type_label, type_labels

CJK = re.compile(r"[\u4e00-\u9fff]")

# every form: gap/trend x first/middle/last rank x 1 city/n cities x stable/unstable/unmeasured
FORMS = [(kind, letter, size, rank, k, stab)
         for kind in ("gap", "trend")
         for letter, rank, k in (("A", 0, 2), ("B", 1, 2), ("A", 0, 5), ("C", 2, 5), ("E", 4, 5), ("AB", 27, 30))
         for size in (1, 2, 31)
         for stab in (math.nan, 0.93, 0.6, 0.59, 0.0)]


@pytest.mark.parametrize("kind,letter,size,rank,k,stab", FORMS)
def test_translate_type_label_gives_the_chinese_label_of_every_english_form(kind, letter, size, rank, k, stab):
    english = short_label(kind, letter, size, rank, k, stab)
    chinese = short_label(kind, letter, size, rank, k, stab, lang="zh")
    assert translate_type_label(english, "zh") == chinese
    assert translate_type_label(english, "zh_CN") == chinese
    assert translate_type_label(english, "en") == english
    # a Chinese label is no English label: left as it is
    assert translate_type_label(chinese, "zh") == chinese
    assert chinese.startswith(f"{letter} — ") and chinese.endswith("）")
    assert f"（{size} 个城市" in chinese
    assert ("；不稳定" in chinese) == (stab < 0.6) == english.endswith("; unstable)")
    assert not re.search(r"[a-z]", chinese)


def test_chinese_labels_in_words():
    assert short_label("gap", "A", 12, 0, 3, lang="zh") == "A — 最接近核心城市（12 个城市）"
    assert short_label("gap", "C", 4, 2, 3, lang="zh") == "C — 落后核心城市最多（4 个城市）"
    assert short_label("gap", "B", 4, 1, 3, lang="zh") == "B — 与核心城市差距第 2 小（4 个城市）"
    assert short_label("trend", "A", 2, 0, 4, lang="zh") == "A — 改善最多（2 个城市）"
    assert short_label("trend", "C", 1, 2, 3, stability=0.42, lang="zh") == "C — 改善最少（1 个城市；不稳定）"
    assert short_label("trend", "B", 9, 1, 4, lang="zh") == "B — 改善幅度第 2 大（9 个城市）"


@pytest.mark.parametrize("text", [None, "", "A — closest to the cores", "A — closest to the cores (x cities)",
                                  "A — rank 1 of 3 by gap (2 cities)", "A — rank 3 of 3 by change (2 cities)",
                                  "A — somewhere (2 cities)", "a — most improved (2 cities)", 7])
def test_translate_type_label_leaves_other_text_alone(text):
    # rank 1 and rank k are written 'closest'/'furthest' by short_label, never as 'rank i of k'
    assert translate_type_label(text, "zh") == text


def test_the_english_labels_have_not_changed():
    assert short_label("gap", "A", 12, 0, 3) == "A — closest to the cores (12 cities)"
    assert short_label("gap", "B", 1, 1, 3) == "B — rank 2 of 3 by gap (1 city)"
    assert short_label("trend", "B", 5, 1, 3, 0.2) == "B — rank 2 of 3 by change (5 cities; unstable)"
    assert short_label("trend", "C", 5, 2, 3) == "C — least improved (5 cities)"


CENTRE = pd.Series({"urban size": -0.30, "innovation": -0.42, "green transformation": -0.05})
MEAN_ALL = pd.Series({"urban size": -0.30, "innovation": -0.20, "green transformation": -0.25})
SD_ALL = pd.Series({"urban size": 0.1, "innovation": 0.1, "green transformation": 0.1})


def test_describe_type_in_chinese():
    text = km.describe_type("B", 7, CENTRE, MEAN_ALL, SD_ALL, rank=1, k=4, kind="gap", lang="zh")
    assert text == ("类型 B（7 个城市；各维度平均差距 -0.26，在 4 个类型中与核心城市的接近程度排第 2 位）。"
                    "与核心城市的差距在绿色转型上最小（-0.05），在创新能力上最大（-0.42）。"
                    "与全部次级城市相比：在绿色转型上差距较小；在创新能力上差距较大。")
    ahead = km.describe_type("A", 1, CENTRE + 0.1, MEAN_ALL, SD_ALL, rank=0, k=4, kind="gap", lang="zh")
    assert ahead.startswith("类型 A（1 个城市；各维度平均差距 -0.16，在 4 个类型中最接近核心城市）。"
                            "在绿色转型上领先核心城市（+0.05）；在创新能力上差距最大（-0.32）。")
    every = km.describe_type("A", 2, CENTRE + 0.5, MEAN_ALL, SD_ALL, rank=0, k=4, kind="gap", lang="zh")
    assert "在所有维度上均领先核心城市：绿色转型领先最多（+0.45），创新能力领先最少（+0.08）。" in every
    trend = km.describe_type("D", 3, CENTRE, MEAN_ALL, SD_ALL, rank=3, k=4, kind="trend", lang="zh")
    assert trend == ("趋势类型 D（3 个城市；各维度平均变化 -0.26，在 4 个趋势类型中改善最少）。"
                     "绿色转型下降最少（-0.05）；创新能力下降最多（-0.42）。"
                     "与全部次级城市相比：在绿色转型上提升较快；在创新能力上提升较慢。")
    one = km.describe_type("A", 3, pd.Series({"popu": 0.12}), pd.Series({"popu": 0.0}), pd.Series({"popu": 0.0}),
                           rank=0, k=2, kind="trend", lang="zh")
    assert one == "趋势类型 A（3 个城市；各维度平均变化 +0.12，在 2 个趋势类型中改善最多）。常住人口的变化：+0.12。"
    # the English text is the one it always was
    assert km.describe_type("B", 7, CENTRE, MEAN_ALL, SD_ALL, rank=1, k=4, kind="gap") == km.describe_type(
        "B", 7, CENTRE, MEAN_ALL, SD_ALL, rank=1, k=4, kind="gap", lang="en")


def test_stability_sentence_in_chinese():
    assert ty.stability_sentence("gap", 0.93, 100, lang="zh") == ""
    assert ty.stability_sentence("trend", 0.41, 50, lang="zh") == (
        "不稳定：对次级城市重抽样 50 次，该趋势类型的平均 Jaccard 相似系数为 0.41（低于 0.6），可能只是本样本的偶然结果。")
    assert ty.stability_sentence("gap", math.nan, 20, lang="zh") == "稳定性未测度：对次级城市的 20 次重抽样均未抽中该类型的城市。"


def three_groups():
    rng = np.random.default_rng(5)
    rows = []
    for g, n in enumerate((6, 5, 7)):
        for i in range(n):
            rows.append(["M", "secondary", f"s{g}{i}", 50 - 15 * g + rng.normal(), 40 + 10 * g + rng.normal()])
    rows += [["M", "core", "c1", 100.0, 20.0], ["M", "core", "c2", 90.0, 25.0]]
    return pd.DataFrame(rows, columns=["megaregion_id", "role", "name", "GDP", "PM25"])


def test_a_typology_in_chinese_differs_only_in_its_words():
    frame = three_groups()
    args = dict(cost_indicators=["PM25"], name_field="name", n_init=5, stability_resamples=10)
    en = ty.gap_typology(frame, ["GDP", "PM25"], **args)
    zh = ty.gap_typology(frame, ["GDP", "PM25"], lang="zh", **args)
    assert list(zh.cities.columns) == list(en.cities.columns)
    pd.testing.assert_frame_equal(zh.cities.drop(columns="type_description"), en.cities.drop(columns="type_description"))
    pd.testing.assert_frame_equal(zh.types.drop(columns="description"), en.types.drop(columns="description"))
    assert en.types["description"].str.startswith("Type ").all()
    assert zh.types["description"].str.startswith("类型 ").all()
    assert all(CJK.search(d) for d in zh.cities["type_description"])
    assert [label for _, label in type_labels(zh, "zh")] == [
        translate_type_label(label, "zh") for _, label in type_labels(en)]
    assert type_labels(en) == type_labels(zh)           # labels follow the lang given to type_labels
    trend_frame = frame.rename(columns={"GDP": "GDP_2010", "PM25": "PM25_2010"})
    trend_frame["GDP_2020"] = trend_frame["GDP_2010"] * np.linspace(1, 2, len(frame))
    trend_frame["PM25_2020"] = trend_frame["PM25_2010"]
    trend = ty.trend_typology(trend_frame, ["GDP"], 2010, 2020, name_field="name", n_init=5, lang="zh")
    assert trend.types["description"].str.startswith("趋势类型 ").all()
