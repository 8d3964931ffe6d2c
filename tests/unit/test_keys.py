"""Key rules of core.admin.keys: codes, Chinese names and their stems, pinyin and English names,
aliases, renamed, merged and split units, on the bundled boundary names and codes."""
import json
import math

import numpy as np
import pytest

from data_paths import BOUNDARIES
from megaregion.core.admin import keys
from megaregion.core.messages import in_language


@pytest.fixture(scope="module")
def units():
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    return [f["properties"] for f in features]


@pytest.fixture(scope="module")
def by_name(units):
    return keys.NameIndex([u["name"] for u in units])


@pytest.fixture(scope="module")
def by_code(units):
    return keys.CodeIndex([u["adcode"] for u in units])


def matched(index, value):
    res = index.lookup(value)
    assert res.status == "matched", (value, res)
    return index.labels[res.targets[0]]


# --------------------------------------------------------------------------- codes

@pytest.mark.parametrize("value", [
    110100, np.int64(110100), 110100.0, np.float64(110100.0), "110100", " 110100 ", "110100.0",
    "１１０１００", "1101", 1101, "110100000000", "\u200b110100\n",
])
def test_parse_code_reads_every_written_form(value):
    assert keys.parse_code(value) == "110100"


@pytest.mark.parametrize("value", [None, math.nan, "", "   ", "\u3000"])
def test_parse_code_missing_is_none(value):
    assert keys.parse_code(value) is None


@pytest.mark.parametrize("value, reason", [
    ("12AB", "digits only"),
    ("1234567", "7 digits"),
    ("12", "2 digits"),
    ("990100", "'99' is not a GB/T 2260 province code"),
    (110100.5, "not a whole number"),
    (True, "true/false"),
    ("110100000001", "12 digits"),
])
def test_parse_code_rejects_with_reason(value, reason):
    with pytest.raises(keys.CodeFormatError) as err:
        keys.parse_code(value)
    assert reason in err.value.reason
    assert isinstance(err.value, ValueError)


def test_canonical_code_joins_municipality_codes_only():
    assert keys.canonical_code("500000") == keys.canonical_code("500100")
    assert keys.canonical_code("110000") == keys.canonical_code("110100")
    assert keys.canonical_code("310100") == keys.canonical_code("310000")
    assert keys.canonical_code("500200") == "500200"
    assert keys.canonical_code("130100") == "130100"
    assert keys.canonical_code("130000") == "130000"


def test_code_index_chongqing_both_ways(by_code):
    res = by_code.lookup("500100")
    assert res.status == "matched" and res.targets == (keys.canonical_code("500000"),)
    assert res.how == "code (500100 = 500000)"
    assert by_code.labels[res.targets[0]] == "重庆市 (500000)"
    census_style = keys.CodeIndex(["500100", "110100"])
    assert census_style.lookup(500000).status == "matched"


def test_code_index_prefix_and_typed_codes(by_code):
    assert by_code.lookup("1301").how == "4-digit code prefix"
    assert matched(by_code, "1301") == "石家庄市 (130100)"
    assert matched(by_code, 130100.0) == "石家庄市 (130100)"
    assert matched(by_code, "130100.0") == "石家庄市 (130100)"


def test_code_index_former_codes(by_code):
    res = by_code.lookup("522400")
    assert res.status == "matched" and by_code.labels[res.targets[0]] == "毕节市 (520500)"
    assert res.how == "former code: 毕节地区 (522400) renamed 毕节市 (520500) in 2011"
    assert matched(by_code, 469003) == "儋州市 (460400)"
    assert matched(by_code, "152700") == "鄂尔多斯市 (150600)"


def test_code_index_merged_and_split(by_code):
    res = by_code.lookup("371200")
    assert res.status == "merged" and by_code.labels[res.targets[0]] == "济南市 (370100)"
    assert res.reason.startswith("merged into 济南市 (370100) in 2019; its values are not added")
    res = by_code.lookup(341400)
    assert res.status == "split" and res.targets == ()
    assert res.reason == ("split in 2011 among 合肥市 (340100), 芜湖市 (340200), 马鞍山市 (340500); "
                          "no single successor, values not joined")


def test_code_index_unknown_codes_explained(by_code):
    res = by_code.lookup("130102")
    assert res.status == "not found"
    assert res.reason == "130102 is a county-level code inside 石家庄市 (130100); aggregate counties first"
    assert by_code.lookup("130000").reason == "130000 is the province code of 河北, not a prefecture"
    res = by_code.lookup("139900")
    assert res.reason == "no boundary feature has code 139900"
    # nearest codes of the same province: 131100 衡水, 131000 廊坊, 130900 沧州
    assert res.closest == ("衡水市 (131100)", "廊坊市 (131000)", "沧州市 (130900)")
    assert by_code.lookup("12AB").status == "invalid"
    assert by_code.lookup("").status == "empty"


def test_code_index_records_bad_boundary_keys():
    index = keys.CodeIndex(["110100", "", "12AB", None])
    assert index.invalid == {1: "empty key", 2: "codes are digits only", 3: "empty key"}
    assert list(index.rows) == ["110000"]


# --------------------------------------------------------------------------- name rules

@pytest.mark.parametrize("name, stem", [
    ("石家庄市", "石家庄"), ("大兴安岭地区", "大兴安岭"), ("兴安盟", "兴安"), ("神农架林区", "神农架"),
    ("香港特别行政区", "香港"), ("恩施土家族苗族自治州", "恩施"), ("延边朝鲜族自治州", "延边"),
    ("黔东南苗族侗族自治州", "黔东南"), ("海西蒙古族藏族自治州", "海西"), ("博尔塔拉蒙古自治州", "博尔塔拉"),
    ("克孜勒苏柯尔克孜自治州", "克孜勒苏"), ("伊犁哈萨克自治州", "伊犁"), ("白沙黎族自治县", "白沙"),
    ("澄迈县", "澄迈"), ("津市市", "津市"), ("蔚县", "蔚县"), ("吉林省", "吉林省"), ("石家庄　市", "石家庄"),
])
def test_chinese_stem(name, stem):
    assert keys.chinese_stem(name) == stem


def test_clean_name_nfkc_and_all_whitespace():
    assert keys.clean_name(" 北 京\u3000市\u200b\n") == "北京市"
    assert keys.clean_name("Ｘｉ＇ａｎ") == "Xi'an"
    assert keys.clean_name(None) == "" and keys.clean_name(math.nan) == ""


@pytest.mark.parametrize("text", ["Xi'an", "Xian", "xi an", "XI’AN", "Ｘｉ＇ａｎ", "xi-an"])
def test_latin_key_xian(text):
    assert keys.latin_key(text) == "xian"


def test_latin_key_u_umlaut_and_forms():
    assert keys.latin_key("Lüliang") == keys.latin_key("Lvliang") == keys.latin_key("LULIANG") == "luliang"
    assert keys.latin_forms("Shijiazhuang City") == ["shijiazhuangcity", "shijiazhuang"]
    assert keys.latin_forms("Enshi Autonomous Prefecture") == ["enshiautonomousprefecture", "enshi"]
    assert keys.latin_forms("Enshi") == ["enshi"]
    assert keys.latin_forms("Hong Kong SAR") == ["hongkongsar", "hongkong"]


def test_name_forms_keep_province_names_for_the_province():
    assert keys.name_forms("海南藏族自治州") == {"海南州"}
    assert keys.name_forms("恩施土家族苗族自治州") == {"恩施", "恩施州"}
    assert keys.name_forms("吉林市") == {"吉林"}


def test_bundled_name_table_covers_the_boundaries(units):
    ref = keys.reference()
    assert sorted(ref.units) == sorted(u["adcode"] for u in units)
    assert all(ref.units[u["adcode"]].name_zh == u["name"] for u in units)
    hand_checked = {"500000": "Chongqing", "430100": "Changsha", "220100": "Changchun", "350200": "Xiamen",
                    "340300": "Bengbu", "341500": "Lu'an", "331100": "Lishui", "511100": "Leshan",
                    "341600": "Bozhou", "441900": "Dongguan", "610100": "Xi'an", "141100": "Lüliang",
                    "211300": "Chaoyang", "341300": "Suzhou", "331000": "Taizhou", "540300": "Changdu"}
    assert {c: ref.units[c].pinyin for c in hand_checked} == hand_checked


# --------------------------------------------------------------------------- name index

@pytest.mark.parametrize("value, label", [
    ("北京", "北京市 (110100)"), ("北京市", "北京市 (110100)"), (" 北京 市 ", "北京市 (110100)"),
    ("石家庄　市", "石家庄市 (130100)"), ("恩施州", "恩施土家族苗族自治州 (422800)"),
    ("恩施", "恩施土家族苗族自治州 (422800)"), ("延边州", "延边朝鲜族自治州 (222400)"),
    ("黔东南州", "黔东南苗族侗族自治州 (522600)"), ("湘西州", "湘西土家族苗族自治州 (433100)"),
    ("海南州", "海南藏族自治州 (632500)"), ("大兴安岭", "大兴安岭地区 (232700)"), ("香港", "香港特别行政区 (810000)"),
    ("吉林", "吉林市 (220200)"), ("毫州", "亳州市 (341600)"), ("台湾", "台湾省 (710000)"),
])
def test_chinese_names(by_name, value, label):
    assert matched(by_name, value) == label


@pytest.mark.parametrize("value, label", [
    ("Xi'an", "西安市 (610100)"), ("Xian", "西安市 (610100)"), ("xi an", "西安市 (610100)"),
    ("Harbin", "哈尔滨市 (230100)"), ("Hohhot", "呼和浩特市 (150100)"), ("Urumqi", "乌鲁木齐市 (650100)"),
    ("Lhasa", "拉萨市 (540100)"), ("Ordos", "鄂尔多斯市 (150600)"), ("Karamay", "克拉玛依市 (650200)"),
    ("Qiqihar", "齐齐哈尔市 (230200)"), ("Hong Kong", "香港特别行政区 (810000)"), ("Macao", "澳门特别行政区 (820000)"),
    ("Macau", "澳门特别行政区 (820000)"), ("Kashgar", "喀什地区 (653100)"), ("Hotan", "和田地区 (653200)"),
    ("Shijiazhuang", "石家庄市 (130100)"), ("shi jia zhuang", "石家庄市 (130100)"),
    ("Shijiazhuang City", "石家庄市 (130100)"), ("SHIJIAZHUANG", "石家庄市 (130100)"),
    ("Lvliang", "吕梁市 (141100)"), ("Lu'an", "六安市 (341500)"), ("Hainan (Qinghai)", "海南藏族自治州 (632500)"),
    ("Enshi", "恩施土家族苗族自治州 (422800)"), ("Ｓｈｉｊｉａｚｈｕａｎｇ", "石家庄市 (130100)"),
])
def test_pinyin_and_english_names(by_name, value, label):
    assert matched(by_name, value) == label


@pytest.mark.parametrize("value, first, second", [
    ("Suzhou", "苏州市 (320500)", "宿州市 (341300)"),
    ("Taizhou", "泰州市 (321200)", "台州市 (331000)"),
    ("Fuzhou", "福州市 (350100)", "抚州市 (361000)"),
    ("Yulin", "玉林市 (450900)", "榆林市 (610800)"),
    ("Yichun", "伊春市 (230700)", "宜春市 (360900)"),
])
def test_shared_pinyin_is_ambiguous_never_guessed(by_name, value, first, second):
    res = by_name.lookup(value)
    assert res.status == "ambiguous" and res.targets == ()
    assert res.reason == f"ambiguous: {first}, {second}"


def test_chinese_name_wins_over_pinyin(by_name):
    assert matched(by_name, "苏州") == "苏州市 (320500)"
    assert matched(by_name, "宿州") == "宿州市 (341300)"
    # a layer holding a feature literally named "Suzhou" resolves it exactly
    index = keys.NameIndex(["Suzhou", "宿州市"])
    assert matched(index, "Suzhou") == "Suzhou"


def test_bare_province_names_are_not_prefectures(by_name):
    assert by_name.lookup("海南").status == "not found"
    assert by_name.lookup("Hainan").status == "not found"
    assert by_name.lookup("吉林省").status == "not found"
    assert by_name.lookup("河北省").status == "not found"


def test_renamed_units(by_name):
    for value in ("襄樊", "襄樊市"):
        assert matched(by_name, value) == "襄阳市 (420600)"
    assert "襄樊" in by_name.lookup("襄樊").how
    assert matched(by_name, "思茅") == "普洱市 (530800)"
    assert matched(by_name, "思茅市") == "普洱市 (530800)"
    assert matched(by_name, "毕节地区") == "毕节市 (520500)"
    assert by_name.lookup("毕节地区").how == "former name: 毕节地区 (522400) renamed 毕节市 (520500) in 2011"
    assert matched(by_name, "铜仁地区") == "铜仁市 (520600)"
    assert matched(by_name, "伊克昭盟") == "鄂尔多斯市 (150600)"


def test_merged_and_split_units(by_name):
    for value in ("莱芜市", "莱芜"):
        res = by_name.lookup(value)
        assert res.status == "merged", value
        assert by_name.labels[res.targets[0]] == "济南市 (370100)"
        assert res.reason.startswith("merged into 济南市 (370100) in 2019")
    for value in ("巢湖", "巢湖市"):
        res = by_name.lookup(value)
        assert res.status == "split" and res.targets == ()
        assert "合肥市 (340100), 芜湖市 (340200), 马鞍山市 (340500)" in res.reason
    # a merge whose successor is not in the layer is simply not found
    res = keys.NameIndex(["北京市"]).lookup("莱芜市")
    assert res.status == "not found" and "which is not in the boundary layer" in res.reason


def test_closest_names_for_unknown_keys(by_name):
    res = by_name.lookup("石家装")
    assert res.status == "not found" and res.reason == "no boundary feature is named 石家装"
    assert res.closest[0] == "石家庄市 (130100)"
    assert by_name.lookup("Shijiazhuan").closest[0] == "石家庄市 (130100)"


def test_any_boundary_layer(by_name):
    plain = keys.NameIndex(["Alpha City", "Beta", "Gamma"])
    assert matched(plain, "alpha") == "Alpha City"
    assert matched(plain, " BETA ") == "Beta"
    assert plain.lookup("Delta").status == "not found"
    short = keys.NameIndex(["北京", "恩施", "苏州"])
    assert matched(short, "北京市") == "北京 (110100)"
    assert matched(short, "恩施州") == "恩施 (422800)"
    assert matched(short, "Suzhou") == "苏州 (320500)"   # only one Suzhou in this layer
    codes = keys.NameIndex(["110100", "422800"])
    assert matched(codes, "北京市") == "北京市 (110100)"
    assert matched(codes, "恩施州") == "恩施土家族苗族自治州 (422800)"
    assert keys.NameIndex(["北京市", "", None]).invalid == {1: "empty key", 2: "empty key"}


def test_match_mode():
    assert keys.match_mode(0) == keys.match_mode("code") == "code"
    assert keys.match_mode(1) == keys.match_mode("name") == "name"
    with pytest.raises(ValueError, match="MATCH_BY 2 is unknown") as err:
        keys.match_mode(2)
    assert in_language(err.value, "zh") == "MATCH_BY 2 无法识别：请使用 0（行政区划代码）或 1（名称）"


def test_missing_values_of_every_kind():
    import pandas as pd

    for value in (None, math.nan, np.nan, pd.NA, pd.NaT, "", " \u3000"):
        assert keys.is_missing(value), repr(value)
        assert keys.parse_code(value) is None
    for value in (0, "0", "-", "北京"):
        assert not keys.is_missing(value)


def test_closest_names_in_a_code_keyed_layer():
    index = keys.NameIndex(["130100", "130200"])
    res = index.lookup("石家装")
    assert res.status == "not found" and res.closest == ("石家庄市 (130100)",)
