"""core.admin.counties: the parent rule for every class of code, sums and weighted means
against hand computation, NULL notes, mixed-level tables, long tables, the DBF encoding check,
and the refusals of bad input."""
import math
import struct

import numpy as np
import pandas as pd
import pytest

from megaregion.core.admin import counties, keys
from megaregion.core.messages import in_language


@pytest.fixture(scope="module")
def units():
    return keys.reference().units


# --------------------------------------------------------------------------- the parent rule

@pytest.mark.parametrize("code, parent, kind", [
    ("320703", "320700", counties.COUNTY),            # a district of 连云港
    ("130111", "130100", counties.COUNTY),            # 栾城区, 石家庄
    ("320700", "320700", counties.PREFECTURE),        # a prefecture passes through
    ("152900", "152900", counties.PREFECTURE),        # 阿拉善盟
    ("110101", "110100", counties.COUNTY),            # 北京 东城区
    ("110000", "110100", counties.PREFECTURE),        # Beijing under its province code
    ("120116", "120100", counties.COUNTY),
    ("310151", "310100", counties.COUNTY),            # 崇明区
    ("310100", "310100", counties.PREFECTURE),        # Amap's 上海城区
    ("500101", "500000", counties.COUNTY),            # 万州区
    ("500229", "500000", counties.COUNTY),            # 城口县: Chongqing's counties are 5002xx
    ("500100", "500000", counties.PREFECTURE),
    ("500000", "500000", counties.PREFECTURE),
    ("419001", "419001", counties.PROVINCE_DIRECT),   # 济源
    ("429004", "429004", counties.PROVINCE_DIRECT),   # 仙桃
    ("429021", "429021", counties.PROVINCE_DIRECT),   # 神农架林区
    ("469001", "469001", counties.PROVINCE_DIRECT),   # 五指山
    ("659001", "659001", counties.PROVINCE_DIRECT),   # 石河子
    ("810001", "810000", counties.COUNTY),            # a district of Hong Kong
    ("820008", "820000", counties.COUNTY),
    ("710000", "710000", counties.PREFECTURE),        # Taiwan, one unit of the bundled table
    ("320000", None, counties.PROVINCE),              # 江苏省 itself is not a prefecture
    ("460000", None, counties.PROVINCE),
])
def test_parent_from_code(code, parent, kind, units):
    assert counties.parent_from_code(code, units) == (parent, kind)


@pytest.mark.parametrize("code, parent, expected", [
    ("310151", "310100", ("310100", counties.COUNTY)),        # Amap: ctadcode 310100 上海城区
    ("310151", "310000", ("310100", counties.COUNTY)),
    ("500229", "500000", ("500000", counties.COUNTY)),        # DataV: parent {"adcode": 500000}
    ("320703", "320700", ("320700", counties.COUNTY)),
    ("320700", "320000", ("320700", counties.PREFECTURE)),    # DataV: a city's parent is its province
    ("469021", "460000", ("469021", counties.PROVINCE_DIRECT)),
    (None, "320700", ("320700", counties.COUNTY)),            # no code: the parent is enough
    ("320703", None, ("320700", counties.COUNTY)),            # no parent: the code decides
])
def test_parent_field_decides_unless_it_is_a_province(code, parent, expected, units):
    assert counties.parent_of(code, parent, units) == expected


def test_a_parent_in_another_province_is_refused(units):
    with pytest.raises(ValueError, match="another province"):
        counties.parent_of("320703", "330100", units)


@pytest.mark.parametrize("value, code", [
    ({"adcode": 500000}, "500000"), ('{ "adcode": 500000 }', "500000"), (320703, "320703"),
    ("320703", "320703"), (320703.0, "320703"), (None, None), ("", None),
])
def test_code_values(value, code):
    assert counties.code_value(value) == code


@pytest.mark.parametrize("value", ["100000_JD", "{not json", "12AB", 990101])
def test_not_codes(value):
    with pytest.raises(keys.CodeFormatError):
        counties.code_value(value)


# --------------------------------------------------------------------------- numbers

def _frame():
    # 连云港 (320700): three districts; 北京 (110100): two districts; 济源 (419001) on its own
    return pd.DataFrame({
        "adcode": ["320703", "320706", "320707", "110101", "110102", "419001"],
        "name": ["连云区", "海州区", "赣榆区", "东城区", "西城区", "济源市"],
        "pop": [10.0, 20.0, None, 5.0, 7.0, 3.0],
        "rate": [0.5, 0.2, 0.9, None, 0.4, 0.1],
        "w": [1.0, 3.0, 0.0, 2.0, 2.0, 4.0],
        "area": ["1,000", "2,000", "3,000", "40", "50", "60"],
    })


def test_sums_and_weighted_means_by_hand():
    result = counties.aggregate_counties(_frame(), "adcode", sum_fields=["pop", "area"], mean_fields=["rate"],
                                         weight_field="w")
    table = result.table.set_index("adcode")
    assert list(table.index) == ["110100", "320700", "419001"]
    assert table.loc["320700", "pop"] == 30.0          # 10 + 20, the NULL left out
    assert table.loc["320700", "area"] == 6000.0       # numbers written as text are read
    # (0.5*1 + 0.2*3) / (1 + 3); 赣榆区 has weight 0
    assert table.loc["320700", "rate"] == pytest.approx((0.5 * 1 + 0.2 * 3) / 4, rel=1e-15)
    assert table.loc["110100", "rate"] == pytest.approx(0.4)   # 东城区 has no rate
    assert table.loc["110100", "pop"] == 12.0
    assert table.loc["419001", "pop"] == 3.0
    assert list(table["n_units"]) == [2, 3, 1]
    assert list(table["name"]) == ["北京市", "连云港市", "济源市"]
    assert table.loc["320700", "null_note"] == "pop 1/3 NULL; rate 1/3 NULL or weight NULL/0"
    assert table.loc["110100", "null_note"] == "rate 1/2 NULL or weight NULL/0"
    assert pd.isna(table.loc["419001", "null_note"])
    assert result.groups == [[3, 4], [0, 1, 2], [5]]


def test_unweighted_mean_is_the_plain_mean():
    table = counties.aggregate_counties(_frame(), "adcode", mean_fields=["rate"]).table.set_index("adcode")
    assert table.loc["320700", "rate"] == pytest.approx((0.5 + 0.2 + 0.9) / 3)
    assert pd.isna(table.loc["320700", "null_note"])


def test_a_prefecture_without_values_gets_null_never_zero():
    frame = _frame()
    frame.loc[frame["adcode"].str.startswith("11"), "pop"] = None
    table = counties.aggregate_counties(frame, "adcode", sum_fields=["pop"]).table.set_index("adcode")
    assert math.isnan(table.loc["110100", "pop"])
    assert table.loc["110100", "null_note"] == "pop 2/2 NULL"


def test_weighted_mean_at_extreme_scales():
    frame = pd.DataFrame({"adcode": ["320703", "320706"], "x": [1.0, 3.0], "w": [1e308, 1e308]})
    table = counties.aggregate_counties(frame, "adcode", mean_fields=["x"], weight_field="w").table
    assert table["x"].tolist() == [2.0]


def test_numeric_fields_not_asked_for_are_left_out_and_named():
    result = counties.aggregate_counties(_frame(), "adcode", sum_fields=["pop"])
    assert result.left_out_fields == ["rate", "w", "area"]
    assert "rate" not in result.table.columns


def test_county_level_units_kept_or_dropped():
    kept = counties.aggregate_counties(_frame(), "adcode")
    dropped = counties.aggregate_counties(_frame(), "adcode", county_level=counties.DROP)
    assert "419001" in set(kept.table["adcode"])
    assert "419001" not in set(dropped.table["adcode"])
    assert dropped.dropped_county_level == ["419001"]


def test_a_prefectures_own_row_wins_over_its_counties():
    frame = pd.DataFrame({"区域代码": ["130100", "130102", "130104", "130200"], "人口": ["11,235,086", "1", "2", "7"]})
    result = counties.aggregate_counties(frame, "区域代码", sum_fields=["人口"])
    assert result.table.set_index("adcode")["人口"].to_dict() == {"130100": 11235086.0, "130200": 7.0}
    assert any("130100" in str(n) for n in result.notes)


def test_long_table_keeps_its_years():
    frame = pd.DataFrame({"code": ["320703", "320706", "320703", "320706"], "year": [2010, 2010, 2020, "2020"],
                          "pop": [1, 2, 3, 4]})
    table = counties.aggregate_counties(frame, "code", sum_fields=["pop"], year_field="year").table
    assert table[["adcode", "year", "pop", "n_units"]].values.tolist() == [["320700", 2010, 3.0, 2],
                                                                          ["320700", 2020, 7.0, 2]]


def test_province_rows_and_not_codes_are_left_out_with_a_note():
    frame = pd.DataFrame({"adcode": ["320703", "320000", "100000_JD", None], "name": ["a", "江苏省", "", "x"]})
    result = counties.aggregate_counties(frame, "adcode")
    assert result.table["adcode"].tolist() == ["320700"]
    text = " ".join(map(str, result.notes))
    assert "100000_JD" in text and "320000" in text and "1 units have no code" in text


def test_a_unit_outside_the_names_table_keeps_its_input_name():
    frame = pd.DataFrame({"adcode": ["139001"], "name": ["定州市"]})  # a former province-direct city
    result = counties.aggregate_counties(frame, "adcode")
    assert result.table["name"].tolist() == ["定州市"]
    assert result.names_from_input == ["139001"]


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("kwargs, words", [
    ({"code_field": "code"}, ["CODE_FIELD", "'code'"]),
    ({"parent_field": "ctadcode"}, ["PARENT_FIELD", "ctadcode"]),
    ({"sum_fields": ["pop", "GDP"]}, ["SUM_FIELDS", "GDP"]),
    ({"mean_fields": ["pop"], "sum_fields": ["pop"]}, ["both SUM_FIELDS and MEAN_FIELDS", "pop"]),
    ({"sum_fields": ["name"]}, ["SUM_FIELDS", "'name' is not numeric", "连云区"]),
    ({"mean_fields": ["name"]}, ["MEAN_FIELDS", "name"]),
    ({"weight_field": "w"}, ["WEIGHT_FIELD 'w'", "MEAN_FIELDS is empty"]),
    ({"weight_field": "name", "mean_fields": ["rate"]}, ["WEIGHT_FIELD", "连云区"]),
    ({"weight_field": "rate", "mean_fields": ["rate"]}, ["both WEIGHT_FIELD", "rate"]),
    ({"year_field": "year"}, ["YEAR_FIELD", "year"]),
    ({"year_field": "name"}, ["YEAR_FIELD 'name'", "not years"]),
    ({"code_field": "name"}, ["CODE_FIELD 'name'", "no administrative codes", "连云区"]),
    ({"sum_fields": ["adcode"]}, ["CODE_FIELD", "adcode"]),
    ({"county_level": 5}, ["COUNTY_LEVEL_CITIES = 5"]),
    ({"code_field": None}, ["CODE_FIELD is empty"]),
])
def test_bad_parameters_are_refused_by_name(kwargs, words):
    args = {"code_field": "adcode"}
    args.update(kwargs)
    with pytest.raises(ValueError) as caught:
        counties.aggregate_counties(_frame(), **args)
    for word in words:
        assert word in str(caught.value)
    assert in_language(caught.value, "zh") != str(caught.value)


def test_negative_weights_and_repeated_units_are_refused():
    frame = _frame()
    frame.loc[0, "w"] = -1
    with pytest.raises(ValueError, match="negative"):
        counties.aggregate_counties(frame, "adcode", mean_fields=["rate"], weight_field="w")
    changed = _frame()
    changed.loc[0, "pop"] = 11.0
    twice = pd.concat([_frame(), changed], ignore_index=True)
    with pytest.raises(ValueError, match="more than once in the input with different values") as caught:
        counties.aggregate_counties(twice, "adcode", sum_fields=["pop"])
    assert "(320703)" in str(caught.value)


def test_a_unit_given_twice_with_the_same_values_is_counted_once():
    twice = pd.concat([_frame(), _frame()], ignore_index=True)
    result = counties.aggregate_counties(twice, "adcode", sum_fields=["pop"], mean_fields=["rate"], weight_field="w")
    once = counties.aggregate_counties(_frame(), "adcode", sum_fields=["pop"], mean_fields=["rate"], weight_field="w")
    pd.testing.assert_frame_equal(result.table, once.table)
    assert result.groups == once.groups
    assert any("6 units appear more than once in the input with the same values" in str(n) for n in result.notes)


def test_infinite_values_are_refused():
    frame = _frame()
    frame["pop"] = frame["pop"].astype(object)
    frame.loc[0, "pop"] = "inf"
    with pytest.raises(ValueError, match="pop"):
        counties.aggregate_counties(frame, "adcode", sum_fields=["pop"])


def test_sums_too_large_are_refused():
    frame = pd.DataFrame({"adcode": ["320703", "320706"], "pop": [1.5e308, 1.5e308]})
    with pytest.raises(ValueError, match="too large"):
        counties.aggregate_counties(frame, "adcode", sum_fields=["pop"])


# --------------------------------------------------------------------------- DBF encoding

def _dbf(path, names):
    """A dBASE III file with one 30-byte character field NAME holding ``names`` (bytes)."""
    records = b"".join(b" " + n.ljust(30, b" ") for n in names)
    header = struct.pack("<BBBBIHH20x", 3, 126, 1, 1, len(names), 32 + 32 + 1, 31)
    field = struct.pack("<11sc4xBB14x", b"NAME", b"C", 30, 0)
    path.write_bytes(header + field + b"\r" + records + b"\x1a")
    return path


def test_dbf_text_in_utf8_is_recognised(tmp_path):
    assert counties.dbf_text_is_utf8(_dbf(tmp_path / "utf8.dbf", ["连云区".encode("utf-8"), b"Lianyun"]))
    assert not counties.dbf_text_is_utf8(_dbf(tmp_path / "gbk.dbf", ["连云区".encode("gbk"), "海州区".encode("gbk")]))
    assert not counties.dbf_text_is_utf8(_dbf(tmp_path / "ascii.dbf", [b"Lianyun"]))
    (tmp_path / "short.dbf").write_bytes(b"\x03")
    assert not counties.dbf_text_is_utf8(tmp_path / "short.dbf")


def test_dbf_reader_agrees_with_gdal(tmp_path):
    gdal = pytest.importorskip("osgeo.ogr")
    path = _dbf(tmp_path / "names.dbf", ["连云区".encode("utf-8"), "海州区".encode("utf-8")])
    ds = gdal.Open(str(path))
    layer = ds.GetLayer(0)
    assert layer.GetFeatureCount() == 2
    assert np.all([len(f.GetFieldAsBinary(0)) > 0 for f in layer])
