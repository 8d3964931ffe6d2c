"""One feature per city: counties keyed by their parent city are refused by the assign step and
by unevenness, typology and trend, with the key, the count, their names and the fix."""
import numpy as np
import pandas as pd
import pytest

from megaregion.core.admin import city_ids
from megaregion.core import membership as mm
from megaregion.core import typology as ty
from megaregion.core.messages import in_language
from megaregion.core.unevenness import unevenness_table

FIX = "Prefectures from counties' \\(megaregion:aggregatecounties\\)"


def counties():
    """Nanjing's districts and two of Wuxi's, keyed by their parent city as in Amap's county files."""
    rows = [("320102", "玄武区", "320100"), ("320104", "秦淮区", "320100"), ("320105", "建邺区", "320100"),
            ("320106", "鼓楼区", "320100"), ("320205", "锡山区", "320200"), ("320206", "惠山区", "320200"),
            ("320300", "徐州市", "320300")]
    return pd.DataFrame({"adcode": [r[0] for r in rows], "name": [r[1] for r in rows],
                         "level": ["district"] * 6 + ["city"], "ctadcode": [r[2] for r in rows]})


@pytest.mark.parametrize("value, expected", [
    ("320703", True), (320100, False), ("429004", False), ("469001", False), ("659001", False),
    ("419001", False), (110101.0, True), ("110000", False), ("abc", False), (None, False), (3201, False),
])
def test_is_county_code(value, expected):
    assert city_ids.is_county_code(value) is expected


def test_assign_refuses_counties_keyed_by_their_parent_city():
    with pytest.raises(mm.MembershipError) as err:
        mm.assign_megaregions(counties(), "ctadcode")
    text = str(err.value)
    assert text.startswith("KEY 'ctadcode' repeats: 2 key values are shared by 6 features with different names, "
                           "e.g. 320100 (4: 玄武区, 秦淮区, 建邺区, 鼓楼区); 320200 (2: 锡山区, 惠山区)")
    assert "(field 'level' says 'district')" in text
    assert "'Prefectures from counties' (megaregion:aggregatecounties), with PARENT_FIELD 'ctadcode'" in text
    zh = in_language(err.value.args[0], "zh")
    assert "KEY“ctadcode”有重复" in zh and "县级单元汇总为地级单元" in zh and "字段“level”为“district”" in zh


def test_county_codes_name_the_counties_without_a_level_field():
    frame = counties().drop(columns="level")
    with pytest.raises(ValueError, match="of one city \\('adcode' holds county-level codes such as 320102\\)"):
        mm.assign_megaregions(frame, "ctadcode")


def test_one_city_in_several_parts_is_refused_with_the_dissolve_fix():
    frame = pd.DataFrame({"adcode": ["320100", "320100", "320100", "320200"],
                          "name": ["南京市", "南京市", "南京市", "无锡市"]})
    with pytest.raises(ValueError, match="KEY 'adcode' repeats for features of the same name: 1 cities come in "
                                         "several parts \\(3 features\\), e.g. 320100 \\(3: 南京市, 南京市, 南京市\\): "
                                         ".*'Dissolve' with 'adcode'"):
        mm.assign_megaregions(frame, "adcode")


def test_an_earlier_runs_memberships_are_not_a_repeated_key():
    frame = pd.DataFrame({"adcode": ["130400", "130100"], "name": ["邯郸市", "石家庄市"]})
    once = mm.assign_megaregions(frame, "adcode")
    assert list(once["megaregion_id"]) == ["BTH", "CPL", "BTH"]  # 邯郸 in two mega-regions
    twice = mm.assign_megaregions(once.drop(columns="source_row"), "adcode", multiple="first")
    assert len(twice) == 3


def test_district_codes_in_no_megaregion_are_named_as_counties():
    frame = pd.DataFrame({"adcode": [110101, 110102, 120100], "name": ["东城区", "西城区", "天津市"],
                          "level": ["district", "district", "city"]})
    result = mm.assign_megaregions(frame, "adcode")
    assert list(result["megaregion_id"]) == [None, None, "BTH"]
    assert result.attrs["warnings"] == [
        "2 features are counties or districts (field 'level' says 'district'), not prefectures, and are in no "
        "mega-region (110101, 110102): aggregate the counties to prefectures first with 'Prefectures from counties' "
        "(megaregion:aggregatecounties)."]


def members():
    """Four districts of one city written as four cities of mega-region R, and one city C in
    two mega-regions (one feature per membership, which is fine)."""
    return pd.DataFrame({
        "adcode": ["320102", "320104", "320105", "320200", "320500", "320500", "320600", "320700"],
        "ctadcode": ["320100"] * 3 + ["320200", "320500", "320500", "320600", "320700"],
        "name": ["玄武区", "秦淮区", "建邺区", "无锡市", "苏州市", "苏州市", "南通市", "连云港市"],
        "megaregion_id": ["R", "R", "R", "R", "R", "S", "S", "S"],
        "role": ["core", "core", "core", "secondary", "secondary", "core", "secondary", "secondary"],
        "x_2010": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
        "x_2020": [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0],
    })


def test_unevenness_refuses_a_city_id_repeated_within_a_megaregion():
    frame = members()
    table = unevenness_table(frame, ["x_2010"], labels_field="name", city_field="name")
    assert list(table["n_core"]) == [3, 1]  # 苏州市 in R and in S: one feature per membership passes
    with pytest.raises(ValueError) as err:
        unevenness_table(frame, ["x_2010"], labels_field="name", city_field="ctadcode")
    assert str(err.value).startswith(
        "CITY_FIELD 'ctadcode': 1 city ids appear more than once in the same mega-region (3 features), "
        "e.g. R 320100 (3: 玄武区, 秦淮区, 建邺区): the features are counties or districts, or parts, of one city "
        "('adcode' holds county-level codes such as 320102)")
    assert "'Prefectures from counties' (megaregion:aggregatecounties)" in str(err.value)
    assert "城市编号在同一城市群中出现不止一次" in in_language(err.value.args[0], "zh")


def test_typology_and_trend_refuse_a_city_id_repeated_within_a_megaregion():
    frame = members()
    pattern = "CITY_FIELD 'ctadcode': 1 city ids appear more than once in the same mega-region .*" + FIX
    with pytest.raises(ValueError, match=pattern):
        ty.gap_typology(frame, ["x_2020"], name_field="name", city_field="ctadcode", k=2)
    with pytest.raises(ValueError, match=pattern):
        ty.trend_typology(frame, ["x"], 2010, 2020, name_field="name", city_field="ctadcode", k=2)


def test_members_with_county_codes_are_refused():
    frame = members()
    frame["adcode"] = frame["adcode"].where(frame["megaregion_id"] != "R", frame["ctadcode"])
    frame.loc[0:2, "adcode"] = ["320102", "320104", "320105"]  # one district of each parent: no repeat
    frame.loc[1:2, "ctadcode"] = ["320300", "320400"]
    frame = frame.drop(columns="ctadcode")
    with pytest.raises(ValueError) as err:
        unevenness_table(frame, ["x_2010"], labels_field="name", city_field="adcode")
    assert str(err.value).startswith("CITY_FIELD 'adcode' holds county-level codes for 3 mega-region members "
                                     "(320102 玄武区, 320104 秦淮区, 320105 建邺区): they are counties or districts")
    province_direct = members().assign(adcode=["429004", "429005", "429006", "320200", "320500", "320500",
                                               "320600", "320700"])
    assert len(unevenness_table(province_direct, ["x_2010"], city_field="adcode")) == 2


def test_rows_outside_every_megaregion_are_not_compared():
    frame = pd.DataFrame({"code": ["1", "1", "2"], "megaregion_id": [None, None, "R"]})
    city_ids.check_one_row_per_city(frame, "code", "megaregion_id")
    assert city_ids.repeated_keys(["a", "b", "a", None, None]) == {(None, "a"): [0, 2]}
    assert city_ids.repeated_keys(["a", "a", "a"], ["R", "S", np.nan]) == {}


def test_names_come_from_a_text_column_of_chinese_names_when_there_is_no_name_field():
    frame = pd.DataFrame({"dm": ["320102", "320104"], "mc": ["玄武区", "秦淮区"], "sj": ["320100", "320100"],
                          "n": [1, 2]})
    assert city_ids.name_column(frame, exclude=("sj",)) == "mc"
    with pytest.raises(ValueError, match="e.g. 320100 \\(2: 玄武区, 秦淮区\\)"):
        city_ids.check_one_feature_per_key(frame, "sj")
    assert city_ids.name_column(frame[["sj", "n"]], exclude=("sj",)) is None
