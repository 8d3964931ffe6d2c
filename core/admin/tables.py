"""Reading indicator tables and the numbers written in them.

:func:`read_table` reads CSV/TSV/TXT files (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GBK and
GB18030; delimiter sniffed) and Excel workbooks into a DataFrame of raw values: strings for
text files, the cells' own values for workbooks.

:func:`parse_number` reads one value as a float by the rules below; a value that is missing
becomes NaN, never 0, and text that is not a number raises :class:`NumberFormatError`.

Number rules (text, after Unicode NFKC, so full-width "１２３．５" reads as 123.5):

- missing: empty, "-", "--", "—", "——", "–", "..", "...", "…", "……", "NA", "N/A", "n.a.",
  "NaN", "null", "None", "#N/A", "#DIV/0!", "#VALUE!" (any case);
- thousands separators: commas or spaces in groups of three ("1,234.5", "1 234 567");
- a trailing "%" is dropped and the number kept as written ("12.5%" -> 12.5), since a column
  of percentages is in percent units;
- decimal commas are not read ("1 234,5" and "1234,5" raise): in Chinese and English tables a
  comma separates thousands, so guessing would silently scale values by 1000;
- units or footnote marks ("12.5万", "123*") raise.
"""
import csv
import decimal
import io
import math
import numbers
import re
import unicodedata
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from ..fields import reason_of
from ..messages import msg

# NFKC has already turned "…" into "..." and "……" into "......".
MISSING_TOKENS = {
    "", "-", "--", "---", "—", "——", "–", "––", "..", "...", "......", "na", "n/a", "n.a.", "nan",
    "null", "none", "#n/a", "#div/0!", "#value!",
}
NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?")
COMMA_GROUPS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
SPACE_GROUPS = re.compile(r"[+-]?\d{1,3}(?: \d{3})+(?:\.\d*)?")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
DELIMITERS = ",\t;|"


class NumberFormatError(ValueError):
    """A value that is neither a number nor a missing-value mark."""

    def __init__(self, value, reason=None):
        reason = msg("not a number", "不是数值") if reason is None else reason
        super().__init__(msg("{value!r} is {reason}", "取值 {value!r} {reason}", value=value, reason=reason))
        self.value = value
        self.reason = reason


def parse_number(value):
    """The float written in ``value`` (see the module rules); NaN when missing.

    >>> parse_number("1,234.5"), parse_number("１２３"), parse_number("12.5%")
    (1234.5, 123.0, 12.5)
    >>> import math; math.isnan(parse_number("—"))
    True
    """
    if value is None:
        return math.nan
    if isinstance(value, bool):
        raise NumberFormatError(value, msg("a true/false value, not a number", "是真/假值，不是数值"))
    if isinstance(value, (numbers.Real, decimal.Decimal)):
        number = float(value)
        if math.isinf(number):
            raise NumberFormatError(value, msg("infinite", "为无穷大"))
        return number
    if not isinstance(value, str):
        try:
            if pd.isna(value):
                return math.nan
        except (TypeError, ValueError):
            pass
        raise NumberFormatError(value, msg("a {kind}, not a number", "是 {kind} 类型，不是数值",
                                           kind=type(value).__name__))
    text = unicodedata.normalize("NFKC", value).replace("\u2212", "-").strip()
    text = " ".join(text.split())  # every kind of space (NBSP, thin space) becomes one blank
    text = re.sub(r"^([+-]) ", r"\1", text)
    if text.lower() in MISSING_TOKENS:
        return math.nan
    if text.endswith("%"):
        text = text[:-1].rstrip()
    if " " in text:
        if not SPACE_GROUPS.fullmatch(text):
            raise NumberFormatError(value, msg("not a number (spaces only separate groups of three digits)",
                                               "不是数值（空格只能用于分隔每三位数字）"))
        text = text.replace(" ", "")
    if "," in text:
        if not COMMA_GROUPS.fullmatch(text):
            raise NumberFormatError(value, msg("not a number (commas only separate thousands; decimal commas are "
                                               "not read)", "不是数值（逗号只能作千位分隔符；不识别小数逗号）"))
        text = text.replace(",", "")
    if not NUMBER.fullmatch(text.lower()):
        raise NumberFormatError(value)
    return float(text)


def parse_numbers(values):
    """Floats for a sequence of raw values and the (position, value) pairs that are not numbers
    (those positions are NaN in the result)."""
    out = np.full(len(values), np.nan)
    bad = []
    for i, value in enumerate(values):
        try:
            out[i] = parse_number(value)
        except NumberFormatError:
            bad.append((i, value))
    return out, bad


def numeric_fields(frame, exclude=()):
    """Columns of ``frame`` (except ``exclude``) whose values are all numbers or missing, with
    at least one number: the fields joined by default."""
    fields = []
    for name in frame.columns:
        if name in exclude:
            continue
        values, bad = parse_numbers(list(frame[name]))
        if not bad and np.isfinite(values).any():
            fields.append(name)
    return fields


# --------------------------------------------------------------------------- reading files

def decode_text(data, encoding=None):
    """Text of a file's bytes and the encoding used: ``encoding`` if given, UTF-16 when the
    file starts with its BOM, else UTF-8 (with or without BOM), else GB18030 (a superset of
    GBK and GB2312)."""
    if encoding:
        return data.decode(encoding), encoding
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def sniff_delimiter(text, default=","):
    """The delimiter of a delimited text: csv.Sniffer over the first lines, restricted to
    comma, tab, semicolon and bar; else the candidate that splits the header most often."""
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if not lines:
        return default
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: lines[0].count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else default


def read_table(path, sheet=None, delimiter=None, encoding=None):
    """A table file as a DataFrame of raw values, one row per data row, header from the first row.

    Text files (.csv .txt .tsv .tab, or any other suffix) are decoded by :func:`decode_text`
    and split by ``delimiter`` or :func:`sniff_delimiter`; every cell is a string (empty cells
    are ''), so codes keep their digits and numbers are parsed later by one set of rules.
    Workbooks (.xlsx .xlsm, .xls if xlrd is installed) are read with pandas/openpyxl from
    ``sheet`` (name or 0-based index, default the first). ``frame.attrs`` records the encoding
    and delimiter (or sheet) used.
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(msg("Table file '{path}' does not exist", "表格文件“{path}”不存在", path=path))
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path, sheet)
    data = path.read_bytes()
    if encoding is None and _utf16_without_bom(data):
        raise ValueError(msg(
            "Table file '{path}' cannot be read: it is UTF-16 text without a byte-order mark, which cannot be "
            "told apart from other encodings; save it as UTF-8 or GBK (Excel: 'CSV UTF-8'; a text editor: "
            "encoding UTF-8 or GBK)",
            "无法读取表格文件“{path}”：它是不带字节顺序标记（BOM）的 UTF-16 文本，无法与其他编码区分；"
            "请另存为 UTF-8 或 GBK（Excel：“CSV UTF-8”；文本编辑器：编码选 UTF-8 或 GBK）", path=path))
    text, used = decode_text(data, encoding)
    if not text.strip():
        raise ValueError(msg("Table file '{path}' is empty", "表格文件“{path}”为空", path=path))
    if delimiter is None:
        delimiter = sniff_delimiter(text, "\t" if suffix in (".tsv", ".tab") else ",")
    _check_row_lengths(path, text, delimiter)
    frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                        na_filter=False, skip_blank_lines=True)
    frame.columns = [clean_header(c) for c in frame.columns]
    frame.attrs.update(encoding=used, delimiter=delimiter)
    return frame


def _utf16_without_bom(data):
    """True when ``data`` looks like UTF-16 without a BOM. Text in UTF-8 or GB18030 has no NUL
    byte, UTF-16 has one in every character below U+0100 (delimiters, digits, line ends) and in
    some Chinese ones (一 is U+4E00): a start with a NUL byte that decodes as UTF-16 of either
    byte order into text with a line end or a delimiter and no other control character is
    UTF-16. (Read in the wrong byte order, a line end or comma would be U+0A00 or U+2C00.)"""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    head = data[:4000]
    head = head[: len(head) // 2 * 2]
    if len(head) < 4 or b"\x00" not in head:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        for end in (len(head), len(head) - 2):  # the start may end inside a surrogate pair
            try:
                text = head[:end].decode(codec)
            except UnicodeDecodeError:
                continue
            controls = any(ord(c) < 32 and c not in "\t\r\n" for c in text)
            if not controls and any(mark in text for mark in "\n,;\t|"):
                return True
            break
    return False


def _check_row_lengths(path, text, delimiter):
    """A row with more cells than the header is an error naming its line (pandas' own
    message names a line of its parser, and repeats); rows with fewer cells are padded."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    width = None
    for row in reader:
        if not row or not any(cell.strip() for cell in row):
            continue
        if width is None:
            width = len(row)
            continue
        if len(row) > width:
            line = reader.line_num
            raise ValueError(msg(
                "Table file '{path}' cannot be read: line {line} has {cells} cells, the header has {width} "
                "(a '{delimiter}' inside a value without quotes, or a shifted row?); quote that value or fix the "
                "line, then run again",
                "无法读取表格文件“{path}”：第 {line} 行有 {cells} 个单元格，而表头有 {width} 个"
                "（某个值中含有未加引号的“{delimiter}”，或该行错位？）；请给该值加上引号或修正该行，然后重新运行",
                path=path, line=line, cells=len(row), width=width, delimiter=delimiter))


def _read_excel(path, sheet):
    """A worksheet as a DataFrame of raw cell values: openpyxl through pandas where it is
    installed, else GDAL's XLSX driver (QGIS's macOS package ships no openpyxl)."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            frame = read_excel_gdal(path, sheet)
        else:
            raise ValueError(msg("Reading '{file}' needs the Python package xlrd: save the sheet as .xlsx or CSV",
                                 "读取“{file}”需要 Python 包 xlrd：请将工作表另存为 .xlsx 或 CSV",
                                 file=path.name)) from None
    else:
        try:
            frame = pd.read_excel(path, sheet_name=0 if sheet is None else sheet, dtype=object)
        except ImportError as err:
            raise ValueError(msg("Reading '{file}' needs {package}: save the sheet as .xlsx or CSV",
                                 "读取“{file}”需要 {package}：请将工作表另存为 .xlsx 或 CSV", file=path.name,
                                 package=err.name or msg("an Excel reader", "Excel 读取组件"))) from err
        except (zipfile.BadZipFile, KeyError, OSError, EOFError) as err:
            if sheet is not None and isinstance(err, KeyError):
                raise ValueError(_no_sheet(sheet, path)) from err
            raise ValueError(msg("Table file '{path}' cannot be read: it is not a readable Excel workbook "
                                 "({error}); open it in Excel and save it again as .xlsx, or save the sheet as CSV",
                                 "无法读取表格文件“{path}”：它不是可读的 Excel 工作簿（{error}）；请在 Excel 中打开并"
                                 "另存为 .xlsx，或将工作表另存为 CSV", path=path, error=str(err))) from err
        except (ValueError, KeyError) as err:
            if sheet is not None and ("not found" in str(err) or "Worksheet" in str(err) or isinstance(err, KeyError)):
                raise ValueError(_no_sheet(sheet, path)) from err
            raise ValueError(msg("Table file '{path}' cannot be read: {error}; open it in Excel and save it again as "
                                 ".xlsx, or save the sheet as CSV",
                                 "无法读取表格文件“{path}”：{error}；请在 Excel 中打开并另存为 .xlsx，或将工作表另存为 CSV",
                                 path=path, error=reason_of(err))) from err
    frame.columns = [clean_header(c) for c in frame.columns]
    frame = frame.dropna(how="all")  # empty rows below the data
    frame.attrs.update(sheet=sheet if sheet is not None else 0)
    return frame


def _no_sheet(sheet, path):
    return msg("Sheet {sheet!r} is not in '{file}'", "工作表 {sheet!r} 不在“{file}”中", sheet=sheet, file=path.name)


def read_excel_gdal(path, sheet=None):
    """A worksheet of an .xlsx file read with GDAL's XLSX driver: the first row is the header,
    cells keep their stored type (text stays text, so codes written as text keep their leading
    zeros; numbers become int or float; empty cells NaN). ``sheet`` is a name or 0-based index."""
    from osgeo import gdal

    path = Path(path)
    # GDAL before 3.7 takes these as configuration options only, and reads a sheet when its
    # layer is first used: keep them set on this thread until the sheet is read, then put the
    # caller's values back.
    options = {"OGR_XLSX_HEADERS": "FORCE", "OGR_XLSX_FIELD_TYPES": "AUTO"}
    saved = {key: gdal.GetThreadLocalConfigOption(key, None) for key in options}
    try:
        for key, value in options.items():
            gdal.SetThreadLocalConfigOption(key, value)
        return _read_xlsx_sheet(gdal, path, sheet)
    finally:
        for key, value in saved.items():
            gdal.SetThreadLocalConfigOption(key, value)


def _read_xlsx_sheet(gdal, path, sheet):
    # Whatever exception mode the host (QGIS) has chosen: failure is None or RuntimeError.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # GDAL >= 3.9 asks for an explicit mode
        try:
            ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["XLSX"])
        except RuntimeError:
            ds = None
    if ds is None:
        raise ValueError(msg("'{file}' cannot be read as an Excel workbook: save it again as .xlsx or as CSV",
                             "“{file}”无法作为 Excel 工作簿读取：请重新另存为 .xlsx 或 CSV", file=path.name))
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    if not names:
        raise ValueError(msg("'{file}' has no worksheet with data", "“{file}”中没有含数据的工作表", file=path.name))
    if sheet is None:
        index = 0
    elif isinstance(sheet, int) and 0 <= sheet < len(names):
        index = sheet
    elif isinstance(sheet, str) and sheet in names:
        index = names.index(sheet)
    else:
        raise ValueError(_no_sheet(sheet, path))
    layer = ds.GetLayer(index)
    defn = layer.GetLayerDefn()
    columns = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = [[feature.GetField(i) if feature.IsFieldSetAndNotNull(i) else np.nan for i in range(len(columns))]
            for feature in layer]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def clean_header(name):
    """A column name without the BOM and surrounding whitespace."""
    return str(name).replace("\ufeff", "").strip()
