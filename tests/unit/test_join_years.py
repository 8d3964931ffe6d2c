"""Years in joins: the year column of a long panel found when YEAR_FIELD is not given (and refused
when two columns qualify), the duplicate message that never offers sum or mean for rows of
different years, and YEAR for one-year tables (``<field>_<year>``, Chinese field names too)."""
import numpy as np
import pandas as pd
import pytest

from megaregion.core.admin.join import DuplicateKeyError, check_year, join_indicators, year_columns
from megaregion.core.messages import in_language


def boundaries():
    return pd.DataFrame({"adcode": ["110100", "130100", "320100"], "name": ["北京市", "石家庄市", "南京市"]})


def panel():
    """A long panel as the NPP-VIIRS-like table writes it: Chinese headers, the municipality by
    its province code, Taiwan and the China-DPRK area as rows of no prefecture."""
    rows = [  # 年份, 省代码, 市代码, 城市, 类型, 均值, 总和
        (2019, 110000, 110000, "北京市", "直辖市", 5.0, 400.0),
        (2020, 110000, 110000, "北京市", "直辖市", 5.5, 440.0),
        (2019, 130000, 130100, "石家庄市", "地级市", 2.0, 100.0),
        (2020, 130000, 130100, "石家庄市", "地级市", 2.5, 125.0),
        (2019, 710000, 710000, "台湾省", "不统计", 9.0, 900.0),
        (2020, 710000, 156400, "中朝共有", "不统计", 0.1, 1.0),
    ]
    return pd.DataFrame(rows, columns=["年份", "省代码", "市代码", "城市", "类型", "均值", "总和"])


def test_the_year_column_of_a_long_panel_is_found():
    assert year_columns(panel(), "市代码") == ["年份"]
    result = join_indicators(boundaries(), "adcode", panel(), "市代码")
    assert result.detected_year_field == "年份" and result.year_field == "年份"
    assert result.indicator_fields == ["均值_2019", "均值_2020", "总和_2019", "总和_2020"]
    beijing = result.joined.iloc[0]
    assert (beijing["均值_2019"], beijing["均值_2020"], beijing["总和_2020"]) == (5.0, 5.5, 440.0)
    assert np.isnan(result.joined.iloc[2]["均值_2020"])  # 南京 has no row
    # rows of no prefecture land in the unmatched table with the reason, as with YEAR_FIELD given
    unmatched = result.unmatched
    assert list(unmatched["key"]) == ["710000", "156400"]
    assert list(unmatched["year"]) == ["2019", "2020"]
    assert unmatched["reason"].iloc[0].startswith("710000 is the province code of 台湾, not a prefecture")
    assert unmatched["reason"].iloc[1] == "no boundary feature has code 156400"
    given = join_indicators(boundaries(), "adcode", panel(), "市代码", year_field="年份")
    assert given.detected_year_field is None
    pd.testing.assert_frame_equal(given.joined, result.joined)


def test_a_wide_table_or_a_key_twice_in_a_year_has_no_year_column():
    wide = panel().iloc[[0, 2]]
    assert year_columns(wide, "市代码") == []  # the key does not repeat
    assert join_indicators(boundaries(), "adcode", wide, "市代码").detected_year_field is None
    twice = pd.concat([panel(), panel().iloc[[1]]])
    assert year_columns(twice, "市代码") == []


def test_two_year_columns_are_refused_naming_them_and_year_field():
    table = panel().assign(统计年度=lambda t: t["年份"].astype(str) + "年")
    with pytest.raises(ValueError) as err:
        join_indicators(boundaries(), "adcode", table, "市代码")
    assert str(err.value) == ("TABLE_KEY '市代码' repeats and 2 columns hold years, each key once per year: "
                              "'年份', '统计年度'; choose the one that gives each row's year as YEAR_FIELD")
    assert "请将表示每行年份的字段设为 YEAR_FIELD" in in_language(err.value.args[0], "zh")
    result = join_indicators(boundaries(), "adcode", table, "市代码", year_field="统计年度")
    assert result.indicator_fields == ["年份_2019", "年份_2020", "均值_2019", "均值_2020", "总和_2019",
                                       "总和_2020"]


def test_rows_that_differ_by_year_are_never_offered_sum_or_mean():
    # 北京 twice in 2020: no column qualifies, and the duplicates differ by their year
    table = pd.concat([panel(), panel().iloc[[1]]], ignore_index=True)
    with pytest.raises(DuplicateKeyError) as err:
        join_indicators(boundaries(), "adcode", table, "市代码")
    text = str(err.value)
    assert text.startswith("TABLE_KEY '市代码' has 2 duplicated keys: 北京市 (110100) (rows 1 '110000', 2 '110000', "
                           "7 '110000'); 石家庄市 (130100) (rows 3 '130100', 4 '130100'); their rows differ by '年份', "
                           "which holds years")
    assert "Choose '年份' as YEAR_FIELD" in text
    assert "sum" not in text and "mean" not in text and "DUPLICATES" not in text
    assert "first、sum" not in in_language(err.value.args[0], "zh")
    # without a year column the duplicate policies stay the fix
    same_year = pd.DataFrame({"code": [110100, 110100], "x": [1.0, 2.0]})
    with pytest.raises(DuplicateKeyError, match="choose DUPLICATES first, sum or mean"):
        join_indicators(boundaries(), "adcode", same_year, "code")


def test_year_names_the_fields_of_a_one_year_table():
    table = pd.DataFrame({"城市": ["北京", "石家庄市"], "均值": [5.5, 2.5], "人口": [2189, 1123]})
    result = join_indicators(boundaries(), "name", table, "城市", match_by="name", year=2020)
    assert result.indicator_fields == ["均值_2020", "人口_2020"]
    assert list(result.joined["人口_2020"].iloc[:2]) == [2189.0, 1123.0]
    assert join_indicators(boundaries(), "name", table, "城市", match_by="name", year="2020年").indicator_fields \
        == ["均值_2020", "人口_2020"]


@pytest.mark.parametrize("value", ["abc", 20.5, 3000, 1900, True, ""])
def test_a_year_that_is_not_a_year_is_refused(value):
    with pytest.raises(ValueError, match="YEAR .* is not a year: give the table's year as a whole number from 1949 "
                                         "to 2100, e.g. 2020, or leave YEAR empty"):
        check_year(value)


def test_year_with_year_field_is_refused_naming_both():
    with pytest.raises(ValueError) as err:
        join_indicators(boundaries(), "adcode", panel(), "市代码", year_field="年份", year=2020)
    assert str(err.value).startswith("YEAR 2020 and YEAR_FIELD '年份' are both given")
    assert "同时给出了 YEAR 2020 和 YEAR_FIELD“年份”" in in_language(err.value.args[0], "zh")
