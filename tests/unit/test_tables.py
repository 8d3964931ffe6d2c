"""Reading table files (encodings, delimiters, workbooks) and numbers written as text."""
import csv
import io
import math
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data_paths import CENSUS, YEARBOOK
from megaregion.core.admin import tables
from megaregion.core.messages import in_language

HEADER = ["city", "city_code", "GDP"]
ROWS = [["北京市", "110100", "23,014.59"], ["石家庄市", "130100", "—"], ["恩施州", "422800", "67.8"]]


def write_text(path, delimiter=",", encoding="utf-8", rows=ROWS, header=HEADER):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows([header, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


# --------------------------------------------------------------------------- numbers

@pytest.mark.parametrize("text, number", [
    ("1234.5", 1234.5), ("1,234.5", 1234.5), ("1,234,567", 1234567.0), ("1 234 567", 1234567.0),
    ("1\u00a0234", 1234.0), ("１２３", 123.0), ("１，２３４．５", 1234.5), ("12.5%", 12.5), ("１２．５％", 12.5),
    ("-3", -3.0), ("\u22123", -3.0), ("- 3", -3.0), ("+.5", 0.5), ("1.2e3", 1200.0), (" 42 ", 42.0), ("0", 0.0),
    (7, 7.0), (np.int64(7), 7.0), (2.5, 2.5), (np.float32(2.5), 2.5), (Decimal("2.5"), 2.5),
])
def test_parse_number_reads_numbers(text, number):
    assert tables.parse_number(text) == number


@pytest.mark.parametrize("text", [
    "", "  ", "-", "--", "—", "——", "–", "..", "...", "…", "……", "NA", "n/a", "N.A.", "NaN", "null", "NULL",
    "None", "#N/A", "#DIV/0!", "－", None, math.nan, np.nan, pd.NA,
])
def test_parse_number_missing_is_nan_never_zero(text):
    assert math.isnan(tables.parse_number(text))


@pytest.mark.parametrize("text, why", [
    ("1 234,5", "spaces only separate groups of three digits"),
    ("1234,5", "decimal commas are not read"),
    ("1,23", "decimal commas are not read"),
    ("12 34", "spaces only separate groups of three digits"),
    ("12.5万", "not a number"),
    ("123*", "not a number"),
    ("abc", "not a number"),
    ("inf", "not a number"),
    (True, "true/false"),
    (float("inf"), "infinite"),
])
def test_parse_number_rejects_text_that_is_not_a_number(text, why):
    with pytest.raises(tables.NumberFormatError) as err:
        tables.parse_number(text)
    assert why in str(err.value)


def test_errors_in_chinese_name_the_value_and_file(tmp_path):
    with pytest.raises(tables.NumberFormatError) as err:
        tables.parse_number("1 234,5")
    assert in_language(err.value, "zh") == "取值 '1 234,5' 不是数值（空格只能用于分隔每三位数字）"
    with pytest.raises(tables.NumberFormatError) as err:
        tables.parse_number("12.5万")
    assert in_language(err.value, "zh") == "取值 '12.5万' 不是数值" and err.value.reason == "not a number"
    path = tmp_path / "rows.csv"
    path.write_text("a,b\n1,2\n3,4,5\n", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        tables.read_table(path)
    assert in_language(err.value, "zh").startswith("无法读取表格文件“%s”：第 3 行有 3 个单元格，而表头有 2 个" % path)


def test_parse_numbers_and_numeric_fields():
    values, bad = tables.parse_numbers(["1", "x", "", "2,000"])
    np.testing.assert_array_equal(np.isnan(values), [False, True, True, False])
    assert values[0] == 1 and values[3] == 2000 and bad == [(1, "x")]
    frame = pd.DataFrame({"city": ["a", "b"], "gdp": ["1", "—"], "mixed": ["1", "x"], "empty": ["", ""],
                          "typed": [1.5, np.nan]})
    assert tables.numeric_fields(frame) == ["gdp", "typed"]
    assert tables.numeric_fields(frame, exclude=("gdp",)) == ["typed"]


# --------------------------------------------------------------------------- text files

@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16", "utf-16"),
])
def test_read_table_encodings(tmp_path, encoding, expected):
    path = write_text(tmp_path / "t.csv", encoding=encoding)
    frame = tables.read_table(path)
    assert list(frame.columns) == HEADER  # no BOM left in the first header
    assert frame.values.tolist() == ROWS
    assert frame.attrs["encoding"] == expected


def test_read_table_gb18030_only_characters(tmp_path):
    rows = [["䶮城", "110100", "1"]]  # U+4DAE is in GB18030 but not in GBK
    frame = tables.read_table(write_text(tmp_path / "t.csv", encoding="gb18030", rows=rows))
    assert frame["city"].tolist() == ["䶮城"]


@pytest.mark.parametrize("delimiter, suffix", [("\t", ".tsv"), ("\t", ".txt"), (";", ".csv"), ("|", ".txt"), (",", ".txt")])
def test_read_table_sniffs_delimiter(tmp_path, delimiter, suffix):
    frame = tables.read_table(write_text(tmp_path / f"t{suffix}", delimiter=delimiter))
    assert frame.attrs["delimiter"] == delimiter
    assert frame.values.tolist() == ROWS


def test_read_table_keeps_text_and_codes(tmp_path):
    rows = [["NA", "0110", "1,234.5"], ["null", "110100.0", ""]]
    frame = tables.read_table(write_text(tmp_path / "t.csv", rows=rows))
    # nothing is turned into NaN or numbers while reading: codes keep their digits
    assert frame.values.tolist() == rows
    assert all(isinstance(v, str) for v in frame.values.ravel())


def test_read_table_quoted_fields_and_blank_lines(tmp_path):
    (tmp_path / "t.csv").write_text('city,GDP\n"Xi\'an, Shaanxi","1,234"\n\nBeijing,5\n', encoding="utf-8")
    frame = tables.read_table(tmp_path / "t.csv")
    assert frame.values.tolist() == [["Xi'an, Shaanxi", "1,234"], ["Beijing", "5"]]


def test_read_table_bundled_files():
    census = tables.read_table(CENSUS)
    assert census.shape == (369, 22) and census["city_code"].iloc[0] == "110100"
    yearbook = tables.read_table(YEARBOOK)
    assert list(yearbook.columns) == ["city", "GDP10000", "Fiscal10000", "Employment", "light_sum"]
    assert yearbook.shape == (279, 5)


def test_read_table_errors(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        tables.read_table(tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_text(" \n", encoding="utf-8")
    with pytest.raises(ValueError, match="is empty"):
        tables.read_table(tmp_path / "empty.csv")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_refused_naming_the_file(tmp_path, encoding):
    path = write_text(tmp_path / "no_bom.csv", encoding=encoding)
    with pytest.raises(ValueError, match=r"'.*no_bom.csv' cannot be read: it is UTF-16 text without a byte-order mark"):
        tables.read_table(path)
    # with its byte-order mark it reads
    write_text(path, encoding="utf-16")
    assert tables.read_table(path)["city_code"].tolist() == ["110100", "130100", "422800"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_table_mostly_in_chinese_is_refused_not_decoded_as_gbk(tmp_path, encoding):
    """Chinese characters in UTF-16 hold no NUL byte: only the delimiters and line ends do, a
    quarter of the characters here, all on one side. Decoded as GB18030 the file would read as
    a table of garbage with one column."""
    text = "城市,地区,人口\n" + "".join(f"{c},{p},{v}\n" for c, p, v in [
        ("北京市", "北京", "二一八九"), ("天津市", "天津", "一三八七"), ("石家庄市", "河北", "一一二三")])
    path = tmp_path / "names.csv"
    path.write_bytes(text.encode(encoding))
    data = path.read_bytes()
    assert max(data[0::2].count(0), data[1::2].count(0)) < 0.3 * len(data) / 2  # below the former threshold
    with pytest.raises(ValueError, match=r"UTF-16 text without a byte-order mark.*save it as UTF-8 or GBK"):
        tables.read_table(path)
    path.write_text(text, encoding="gb18030")  # the same table in GBK reads
    assert tables.read_table(path)["城市"].tolist() == ["北京市", "天津市", "石家庄市"]


def test_row_with_more_cells_than_the_header_names_its_line(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("city,city_code,GDP\n\n北京市,110100,1\n\"石家庄市\n(省会)\",130100,2\n恩施州,422800,3,4\n",
                    encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        tables.read_table(path)
    message = str(caught.value)
    # line 6 of the file: a blank line and a quoted value over two lines come before it
    assert "'" + str(path) + "' cannot be read: line 6 has 4 cells, the header has 3" in message
    assert "Error tokenizing" not in message
    # a row with fewer cells is padded, as before
    path.write_text("city,city_code,GDP\n北京市,110100\n", encoding="utf-8")
    assert tables.read_table(path).iloc[0].tolist() == ["北京市", "110100", ""]


def test_damaged_workbook_is_refused_naming_the_file(tmp_path):
    pytest.importorskip("openpyxl")
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    with pytest.raises(ValueError, match=r"'.*damaged.xlsx' cannot be read: .*save it again as .xlsx"):
        tables.read_table(path)


def test_decode_text_prefers_utf8():
    assert tables.decode_text("北京".encode("utf-8")) == ("北京", "utf-8")
    assert tables.decode_text("北京".encode("gbk")) == ("北京", "gb18030")
    assert tables.decode_text("北京".encode("gbk"), "gbk") == ("北京", "gbk")


# --------------------------------------------------------------------------- workbooks

def test_read_table_xlsx_with_sheet(tmp_path):
    path = tmp_path / "t.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"note": ["first sheet"]}).to_excel(writer, sheet_name="readme", index=False)
        pd.DataFrame({"city": ["北京市", "石家庄市"], "city_code": [110100, 130100],
                      "GDP": [23014.59, None]}).to_excel(writer, sheet_name="data", index=False)
    first = tables.read_table(path)
    assert first.values.tolist() == [["first sheet"]]
    frame = tables.read_table(path, sheet="data")
    assert list(frame.columns) == ["city", "city_code", "GDP"]
    assert frame["city_code"].tolist() == [110100, 130100]
    assert frame["GDP"].iloc[0] == 23014.59 and math.isnan(tables.parse_number(frame["GDP"].iloc[1]))
    assert tables.read_table(path, sheet=1)["city"].tolist() == ["北京市", "石家庄市"]
    with pytest.raises(ValueError, match="Sheet 'nope' is not in 't.xlsx'"):
        tables.read_table(path, sheet="nope")


def test_module_doctests():
    import doctest

    outcome = doctest.testmod(tables)
    assert outcome.attempted == 2 and outcome.failed == 0


# --------------------------------------------------------------------------- workbooks without openpyxl

def _workbook(path):
    """Two sheets; codes stored as text with leading zeros, as numbers, an empty cell, Chinese names."""
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"note": ["first sheet"]}).to_excel(writer, sheet_name="readme", index=False)
        pd.DataFrame({"city": ["北京市", "石家庄市", "恩施州"], "city_code": [110100, 130100, 422800],
                      "text_code": ["0101", "0202", "0303"], "GDP": [23014.59, None, 67.8]}
                     ).to_excel(writer, sheet_name="data", index=False)
    return path


def test_gdal_xlsx_reader_agrees_with_openpyxl(tmp_path):
    pytest.importorskip("openpyxl")
    pytest.importorskip("osgeo.gdal")
    path = _workbook(tmp_path / "t.xlsx")
    by_gdal = tables.read_excel_gdal(path, "data")
    by_openpyxl = tables.read_table(path, sheet="data")
    assert list(by_gdal.columns) == ["city", "city_code", "text_code", "GDP"]
    assert by_gdal["text_code"].tolist() == ["0101", "0202", "0303"]          # leading zeros survive
    assert by_gdal["city_code"].tolist() == [110100, 130100, 422800]
    assert by_gdal["GDP"].iloc[0] == 23014.59 and math.isnan(tables.parse_number(by_gdal["GDP"].iloc[1]))
    for column in by_gdal.columns:
        assert [str(v) for v in by_gdal[column]] == [str(v) for v in by_openpyxl[column]], column
    assert tables.read_excel_gdal(path).values.tolist() == [["first sheet"]]   # first row is the header
    assert tables.read_excel_gdal(path, 1)["city"].tolist() == ["北京市", "石家庄市", "恩施州"]
    with pytest.raises(ValueError, match="Sheet 'nope' is not in 't.xlsx'"):
        tables.read_excel_gdal(path, "nope")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(ValueError, match="cannot be read as an Excel workbook"):
        tables.read_excel_gdal(bad)


def test_gdal_xlsx_reader_restores_configuration(tmp_path):
    gdal = pytest.importorskip("osgeo.gdal")
    pytest.importorskip("openpyxl")
    path = _workbook(tmp_path / "t.xlsx")
    gdal.SetThreadLocalConfigOption("OGR_XLSX_HEADERS", "DISABLE")
    try:
        tables.read_excel_gdal(path, "data")
        assert gdal.GetThreadLocalConfigOption("OGR_XLSX_HEADERS", None) == "DISABLE"
        assert gdal.GetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", None) is None
    finally:
        gdal.SetThreadLocalConfigOption("OGR_XLSX_HEADERS", None)


def test_workbooks_read_without_openpyxl(tmp_path):
    """QGIS's macOS package has no openpyxl: tables and membership workbooks go through GDAL."""
    import subprocess
    import sys
    import textwrap

    pytest.importorskip("openpyxl")
    pytest.importorskip("osgeo.gdal")
    path = _workbook(tmp_path / "t.xlsx")
    script = textwrap.dedent(f"""
        import sys
        sys.modules["openpyxl"] = None          # import openpyxl raises ImportError
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
        import _pkg; _pkg.ensure_importable()
        from megaregion.core import membership
        from megaregion.core.admin import tables
        frame = tables.read_table({str(path)!r}, sheet="data")
        print(frame["text_code"].tolist(), frame["city_code"].tolist())
        raw = membership._read_table({str(path)!r})
        print(raw.columns.tolist())
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0] == "['0101', '0202', '0303'] [110100, 130100, 422800]"
    assert lines[1] == "['note']"
