"""join_indicators: the acceptance joins on the bundled census and yearbook tables, long
tables, duplicate policies, column-name clashes and every input error."""
import json

import numpy as np
import pandas as pd
import pytest

from data_paths import BOUNDARIES, CENSUS, YEARBOOK
from megaregion.core.admin import join, tables
from megaregion.core.admin.join import DuplicateKeyError, join_indicators
from megaregion.core.messages import in_language


@pytest.fixture(scope="module")
def boundaries():
    """The bundled boundary attributes (geometry left out, as the QGIS adapter does)."""
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    return pd.DataFrame([f["properties"] for f in features])


@pytest.fixture(scope="module")
def census():
    return tables.read_table(CENSUS)


@pytest.fixture(scope="module")
def yearbook():
    return tables.read_table(YEARBOOK)


def row_of(result, column, value):
    hits = result.joined[result.joined[column] == value]
    assert len(hits) == 1, value
    return hits.iloc[0]


def small_boundaries():
    return pd.DataFrame({"adcode": ["110100", "130100", "500000", "370100"],
                         "name": ["北京市", "石家庄市", "重庆市", "济南市"]})


# --------------------------------------------------------------------------- acceptance

def test_census_joins_by_code_to_all_337_prefectures_and_municipalities(boundaries, census):
    result = join_indicators(boundaries, "adcode", census, "city_code", match_by=0)
    core = result.joined[result.joined["unit_type"].isin(["prefecture", "municipality"])]
    assert len(core) == 337
    assert (core["match_status"] == "matched").all()
    # every census row is used; only Taiwan has no census row
    assert result.matched_rows == 369 and result.unmatched_rows == 0
    assert result.joined.loc[result.joined["match_status"] != "matched", "adcode"].tolist() == ["710000"]
    # the values are the census values, Chongqing's coming from its 500100 row
    source = census.set_index("city_code")
    for code, census_code in (("500000", "500100"), ("110100", "110100"), ("422800", "422800")):
        joined = row_of(result, "adcode", code)
        for f in ("popu_2020", "popu_2010", "age_65_2020"):
            assert joined[f] == float(source.loc[census_code, f]), (code, f)
    chongqing = result.matches[result.matches["key"] == "500100"].iloc[0]
    assert chongqing["how"] == "code (500100 = 500000)" and chongqing["boundary"] == "重庆市 (500000)"
    # text columns are not indicators; missing cells are NaN, never 0
    assert result.skipped_fields == {"city": "text, not numbers", "province": "text, not numbers",
                                     "province_code": "administrative codes, not an indicator (name it in FIELDS to join it)"}
    assert result.joined["popu_2020"].isna().sum() == 10 + 1  # 10 missing in the census, plus Taiwan
    assert (result.joined["popu_2020"].dropna() > 0).all()


def test_yearbook_joins_by_name_all_but_laiwu(boundaries, yearbook):
    result = join_indicators(boundaries, "name", yearbook, "city", match_by=1)
    assert result.matched_rows == 278 and result.unmatched_rows == 1
    laiwu = result.unmatched.iloc[0]
    assert (laiwu["row"], laiwu["key"]) == (55, "莱芜市")
    assert laiwu["reason"] == ("merged into 济南市 (370100) in 2019; its values are not added "
                               "(choose DUPLICATES sum to add them to the merged unit)")
    jinan = row_of(result, "name", "济南市")
    assert jinan["GDP10000"] == float(yearbook.set_index("city").loc["济南市", "GDP10000"])
    assert result.indicator_fields == ["GDP10000", "Fiscal10000", "Employment", "light_sum"]
    assert np.isnan(row_of(result, "name", "重庆市")["Employment"])  # missing in the yearbook
    assert result.matched_boundaries == 278


def test_yearbook_sum_adds_laiwu_to_jinan(boundaries, yearbook):
    result = join_indicators(boundaries, "name", yearbook, "city", match_by="name", duplicates="sum")
    assert result.matched_rows == 279 and result.unmatched_rows == 0
    source = yearbook.set_index("city")
    for f in ("GDP10000", "Employment"):
        expected = float(source.loc["济南市", f]) + float(source.loc["莱芜市", f])
        assert row_of(result, "name", "济南市")[f] == expected
    how = result.matches.set_index("key").loc["莱芜市", "how"]
    assert how == "former name: 莱芜市 (371200) merged into 济南市 (370100) in 2019"


# --------------------------------------------------------------------------- wide and long tables

def test_long_table_becomes_one_column_per_field_and_year():
    table = pd.DataFrame({
        "code": ["110100", "110100", "130100", "500100", "130100"],
        "year": ["2010", 2015.0, "2010年", 2015, "2015"],
        "GDP": ["1,000", "2000", "30", "—", "40"],
        "POP": [1, 2, 3, 4, 5],
    })
    result = join_indicators(small_boundaries(), "adcode", table, "code", year_field="year")
    assert result.indicator_fields == ["GDP_2010", "GDP_2015", "POP_2010", "POP_2015"]
    got = result.joined.set_index("adcode")[result.indicator_fields]
    expected = pd.DataFrame(
        [[1000.0, 2000.0, 1.0, 2.0], [30.0, 40.0, 3.0, 5.0], [np.nan, np.nan, np.nan, 4.0],
         [np.nan, np.nan, np.nan, np.nan]],
        index=pd.Index(["110100", "130100", "500000", "370100"], name="adcode"), columns=result.indicator_fields)
    pd.testing.assert_frame_equal(got, expected)
    assert result.joined["match_status"].tolist() == ["matched", "matched", "matched", "no table row"]
    assert result.matches["year"].tolist() == ["2010", "2015", "2010", "2015", "2015"]


def test_long_table_duplicates_are_per_key_and_year():
    table = pd.DataFrame({"code": ["110100", "1101", "110100"], "year": ["2010", "2015", "2015"], "GDP": ["1", "2", "3"]})
    with pytest.raises(DuplicateKeyError) as err:
        join_indicators(small_boundaries(), "adcode", table, "code", year_field="year")
    assert str(err.value) == ("TABLE_KEY 'code' has 1 duplicated keys per year: 北京市 (110100) in 2015 "
                              "(rows 2 '1101', 3 '110100'); choose DUPLICATES first, sum or mean to combine them")
    result = join_indicators(small_boundaries(), "adcode", table, "code", year_field="year", duplicates="mean")
    assert result.joined.loc[0, ["GDP_2010", "GDP_2015"]].tolist() == [1.0, 2.5]


def test_long_table_row_without_year_is_reported():
    table = pd.DataFrame({"code": ["110100", "130100"], "year": ["2010", " "], "GDP": ["1", "2"]})
    result = join_indicators(small_boundaries(), "adcode", table, "code", year_field="year")
    assert result.unmatched[["row", "key", "reason"]].values.tolist() == [[2, "130100", "empty year"]]
    assert result.indicator_fields == ["GDP_2010"]


def test_year_label():
    for value in (2015, 2015.0, np.int64(2015), "2015", " 2015 ", "2015.0", "2015年", "２０１５"):
        assert join.year_label(value) == "2015", value
    assert join.year_label("2015 Q1") == "2015Q1"
    assert join.year_label("") is None and join.year_label(np.nan) is None


# --------------------------------------------------------------------------- duplicates

@pytest.fixture
def spelled_twice():
    return pd.DataFrame({"city": ["北京", "石家庄", "北京市", "Beijing"],
                         "GDP": ["10", "5", "—", "30"], "POP": ["1", "2", "3", ""]})


def test_two_spellings_of_one_unit_are_duplicates(spelled_twice):
    with pytest.raises(DuplicateKeyError) as err:
        join_indicators(small_boundaries(), "name", spelled_twice, "city", match_by=1)
    assert str(err.value) == ("TABLE_KEY 'city' has 1 duplicated keys: 北京市 (110100) "
                              "(rows 1 '北京', 3 '北京市', 4 'Beijing'); choose DUPLICATES first, sum or mean to combine them")


@pytest.mark.parametrize("policy, gdp, pop", [
    ("first", 10.0, 1.0),          # the first row as it is
    ("sum", 40.0, 4.0),            # NaN cells left out of the sum
    ("mean", 20.0, 2.0),           # mean of the non-missing values
    (1, 10.0, 1.0), (2, 40.0, 4.0), (3, 20.0, 2.0),
])
def test_duplicate_policies(spelled_twice, policy, gdp, pop):
    result = join_indicators(small_boundaries(), "name", spelled_twice, "city", match_by=1, duplicates=policy)
    beijing = result.joined.iloc[0]
    assert (beijing["GDP"], beijing["POP"]) == (gdp, pop)
    assert result.joined.iloc[1][["GDP", "POP"]].tolist() == [5.0, 2.0]
    assert result.matched_rows == 4 and result.unmatched_rows == 0


def test_first_policy_marks_rows_not_used(spelled_twice):
    result = join_indicators(small_boundaries(), "name", spelled_twice, "city", match_by=1, duplicates="first")
    assert result.matches.set_index("row").loc[3, "how"] == "name; duplicate of row 1, not used"


def test_sum_and_mean_of_all_missing_is_missing():
    table = pd.DataFrame({"code": ["110100", "110100"], "GDP": ["—", ""], "POP": ["1", "2"]})
    for policy in ("sum", "mean"):
        result = join_indicators(small_boundaries(), "adcode", table, "code", fields=["GDP", "POP"], duplicates=policy)
        assert np.isnan(result.joined.loc[0, "GDP"])


# --------------------------------------------------------------------------- output details

def test_unmatched_rows_carry_reason_and_closest():
    table = pd.DataFrame({"code": ["110100", "12AB", "139900", "130102", "", "371200", "341400"], "GDP": list("1234567")})
    result = join_indicators(small_boundaries(), "adcode", table, "code")
    got = result.unmatched.set_index("row")
    assert got.loc[2, "reason"] == "not an administrative code: codes are digits only"
    assert got.loc[3, "reason"] == "no boundary feature has code 139900"
    assert got.loc[3, "closest"] == "石家庄市 (130100)"
    assert got.loc[4, "reason"] == "130102 is a county-level code inside 石家庄市 (130100); aggregate counties first"
    assert got.loc[5, "reason"] == "empty key"
    assert got.loc[6, "reason"].startswith("merged into 济南市 (370100) in 2019")
    assert got.loc[7, "reason"].startswith("split in 2011 among 合肥市 (340100)")
    assert list(result.unmatched.columns) == ["row", "key", "reason", "closest"]
    assert (result.matched_rows, result.unmatched_rows) == (1, 6)
    assert (result.matched_boundaries, result.unmatched_boundaries) == (1, 3)


def test_name_clashes_get_a_suffix():
    bounds = small_boundaries().assign(GDP=[1, 2, 3, 4], GDP_2=["a", "b", "c", "d"], match_status="old")
    table = pd.DataFrame({"code": ["110100"], "GDP": ["7"], "POP": ["8"]})
    result = join_indicators(bounds, "adcode", table, "code")
    assert result.status_field == "match_status_2"
    assert result.indicator_fields == ["GDP_3", "POP"]
    assert result.renamed_fields == {"match_status": "match_status_2", "GDP": "GDP_3"}
    assert result.joined.loc[0, "GDP_3"] == 7.0 and result.joined.loc[0, "GDP"] == 1
    assert result.joined["match_status"].tolist() == ["old"] * 4


def test_boundary_rows_kept_in_order_with_status():
    bounds = pd.DataFrame({"adcode": ["130100", None, "110100", "1101", "bad"]}, index=[10, 11, 12, 13, 14])
    table = pd.DataFrame({"code": [110100.0], "GDP": [2.5]})
    result = join_indicators(bounds, "adcode", table, "code")
    assert result.joined.index.tolist() == [10, 11, 12, 13, 14]
    assert result.joined["match_status"].tolist() == ["no table row", "no key", "matched", "matched", "invalid key"]
    assert result.joined["GDP"].tolist()[2:4] == [2.5, 2.5]  # two features of one unit both get its values
    assert result.joined["GDP"].dtype == np.float64


def test_inputs_are_not_modified(boundaries, yearbook):
    before_b, before_t = boundaries.copy(), yearbook.copy()
    join_indicators(boundaries, "name", yearbook, "city", match_by=1, duplicates="sum")
    pd.testing.assert_frame_equal(boundaries, before_b)
    pd.testing.assert_frame_equal(yearbook, before_t)


def test_chosen_fields_only():
    table = pd.DataFrame({"code": ["110100"], "GDP": ["1"], "POP": ["2"], "note": ["x"]})
    result = join_indicators(small_boundaries(), "adcode", table, "code", fields=["POP"])
    assert result.indicator_fields == ["POP"] and "GDP" not in result.joined
    assert join_indicators(small_boundaries(), "adcode", table, "code", fields="GDP").indicator_fields == ["GDP"]


def test_default_fields_skip_partly_numeric_columns():
    table = pd.DataFrame({"code": ["110100", "130100"], "GDP": ["1", "2"], "rank": ["1", "n/r"], "empty": ["", ""]})
    result = join_indicators(small_boundaries(), "adcode", table, "code")
    assert result.indicator_fields == ["GDP"]
    assert result.skipped_fields == {"rank": "1 values are not numbers (row 2: 'n/r')", "empty": "no values"}


# --------------------------------------------------------------------------- errors

@pytest.mark.parametrize("kwargs, message", [
    (dict(boundary_key="code"), "INPUT_KEY 'code' is not a field of the boundary layer (fields: adcode, name)"),
    (dict(table_key="adcode"), "TABLE_KEY 'adcode' is not a field of the table (fields: city, code, GDP, year)"),
    (dict(year_field="yr"), "YEAR_FIELD 'yr' is not a field of the table"),
    (dict(year_field="code"), "YEAR_FIELD 'code' is also TABLE_KEY"),
    (dict(fields=["GDP", "POP"]), "FIELDS 'POP' not in the table (fields: city, code, GDP, year)"),
    (dict(fields=["city"]), "FIELDS 'city' has 2 values that are not numbers: row 1: '北京', row 2: '石家庄'"),
    (dict(fields=["code"]), "FIELDS includes 'code', the key or year field"),
    (dict(fields=[]), "FIELDS is empty"),
    (dict(match_by=5), "MATCH_BY 5 is unknown"),
    (dict(duplicates="max"), "DUPLICATES 'max' is unknown: use error, first, sum or mean"),
    (dict(table_key="city"), "TABLE_KEY 'city' holds no administrative codes (e.g. '北京'); "
                             "choose the code field or match by name (MATCH_BY=1)"),
    (dict(boundary_key="name"), "INPUT_KEY 'name' holds no administrative codes (e.g. '北京市')"),
])
def test_input_errors_name_the_input(kwargs, message):
    table = pd.DataFrame({"city": ["北京", "石家庄"], "code": ["110100", "130100"], "GDP": ["1", "2"],
                          "year": ["2015", "2015"]})
    args = dict(boundaries=small_boundaries(), boundary_key="adcode", table=table, table_key="code")
    args.update(kwargs)
    with pytest.raises(ValueError) as err:
        join_indicators(**args)
    assert message in str(err.value)


def test_empty_and_non_numeric_tables():
    empty = pd.DataFrame({"code": [], "GDP": []})
    with pytest.raises(ValueError, match="The table has no rows: nothing to join"):
        join_indicators(small_boundaries(), "adcode", empty, "code")
    text = pd.DataFrame({"code": ["110100"], "province": ["北京"], "GDP": ["12.5万"]})
    with pytest.raises(ValueError) as err:
        join_indicators(small_boundaries(), "adcode", text, "code")
    assert str(err.value) == ("The table has no numeric fields besides the key (fields: code, province, GDP): "
                              "choose FIELDS, or check how the numbers are written "
                              "(province: text, not numbers; GDP: text, not numbers)")
    with pytest.raises(ValueError, match="TABLE_KEY 'code' is empty in every row"):
        join_indicators(small_boundaries(), "adcode", pd.DataFrame({"code": ["", None], "GDP": ["1", "2"]}), "code")


def test_errors_and_skipped_fields_in_chinese():
    text = pd.DataFrame({"code": ["110100"], "province": ["北京"], "GDP": ["12.5万"]})
    with pytest.raises(ValueError) as err:
        join_indicators(small_boundaries(), "adcode", text, "code")
    assert in_language(err.value, "zh") == ("表中除关键字段外没有数值字段（字段：code, province, GDP）：请选择 FIELDS，"
                                            "或检查数字的写法（province：为文本，不是数值；GDP：为文本，不是数值）")
    bad = pd.DataFrame({"code": ["110100"], "GDP": ["x"]})
    with pytest.raises(ValueError) as err:
        join_indicators(small_boundaries(), "adcode", bad, "code", fields=["GDP"])
    assert in_language(err.value, "zh") == "FIELDS“GDP”有 1 个值不是数值：第 1 行：'x'；请更正，或将这些单元格留空"
    with pytest.raises(ValueError) as err:
        join_indicators(small_boundaries(), "adcode", bad, "city")
    assert in_language(err.value, "zh").startswith("TABLE_KEY“city”不是表的字段（字段：code, GDP）")
    mixed = pd.DataFrame({"code": ["110100", "120100"], "GDP": ["1", "2"], "rank": ["1", "n/r"]})
    result = join_indicators(small_boundaries(), "adcode", mixed, "code")
    assert result.skipped_fields["rank"].in_language("zh") == "1 个值不是数值（第 2 行：'n/r'）"


def test_nothing_matched_is_an_error():
    table = pd.DataFrame({"code": ["120100", "310100"], "GDP": ["1", "2"]})
    with pytest.raises(ValueError) as err:
        join_indicators(small_boundaries(), "adcode", table, "code")
    assert str(err.value).startswith("No table row matched a boundary feature by code: TABLE_KEY 'code' holds values "
                                     "like '120100', INPUT_KEY 'adcode' values like '110100'")
    names = pd.DataFrame({"city": ["110100"], "GDP": ["1"]})
    with pytest.raises(ValueError, match="No table row matched a boundary feature by name"):
        join_indicators(small_boundaries(), "name", names, "city", match_by=1)


def test_code_columns_are_keys_not_default_indicators():
    boundaries = pd.DataFrame({"adcode": ["110100", "120100"]})
    table = pd.DataFrame({"city_code": ["110100", "120100"], "province_code": [110000, 120000.0],
                          "gdp": ["1,000", "2"]})
    result = join_indicators(boundaries, "adcode", table, "city_code")
    assert result.indicator_fields == ["gdp"]
    assert "administrative codes" in result.skipped_fields["province_code"]
    named = join_indicators(boundaries, "adcode", table, "city_code", fields=["province_code", "gdp"])
    assert list(named.joined["province_code"]) == [110000.0, 120000.0]
