"""The Excel workbook of the plugin's results: one sheet per output table, and a first sheet that
says what each sheet holds and the run's settings.

Each table sheet has two header rows, the column in words in the reader's language (English or
Chinese, :func:`.headers.header`) with its field code beneath, frozen with the first column;
numbers are stored as numbers, with a number format by what they are (:func:`.headers.number_format`)
and columns as wide as their texts. The workbook is written with openpyxl where it is installed,
else with GDAL's XLSX driver (QGIS's macOS package ships no openpyxl): then each sheet has one
header row ("words", a line break, "code"), no number formats, no widths or frozen rows.

Both writers store a number with 16 significant digits, which is not always the float64 the table
holds (0.1 + 0.2 is 0.30000000000000004, written 0.3); :func:`_exact_numbers` then writes every
number as the shortest text that reads back as the same float64 (Python's ``repr``), so each cell
equals the GeoPackage's value to the last bit.

:func:`workbook_from_geopackage` writes the workbook of every table of a GeoPackage (the
pipeline's ``megaregion.gpkg``).
"""
import datetime
import math
import numbers
import os
import re
from collections import OrderedDict
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ..messages import msg
from .sheets import KINDS, Sheet, display_width, plan_sheets

__all__ = ["CONTENTS", "ENGINES", "openpyxl_available", "write_workbook", "read_geopackage_tables",
           "workbook_from_geopackage", "cell_value"]

ENGINES = ("openpyxl", "gdal")
#: The first sheet's name and texts, {key: (English, Chinese)}.
CONTENTS = {
    "sheet": ("Contents", "目录"),
    "title": ("Mega-region unevenness: result tables", "城市群发展不均衡：结果表"),
    "how": ("Each sheet: row 1 the column in words, row 2 its field code in the GeoPackage; numbers as computed.",
            "各工作表：第 1 行为列的中文名称，第 2 行为其在 GeoPackage 中的字段代码；数值为计算结果原值。"),
    "how gdal": ("Each sheet: the column in words and, beneath it, its field code in the GeoPackage.",
                 "各工作表：列的中文名称，其下为在 GeoPackage 中的字段代码。"),
    "col sheet": ("sheet", "工作表"),
    "col about": ("what it holds", "内容"),
    "col rows": ("rows", "行数"),
    "col columns": ("columns", "列数"),
    "col source": ("source", "来源"),
    "settings": ("Settings of the run", "运行设置"),
    "written": ("written", "生成时间"),
    "language": ("language", "语言"),
}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_WIDTH, _MIN_WIDTH = 60, 6


def _words(key, lang):
    return CONTENTS[key][str(lang).lower().startswith("zh")]


def openpyxl_available() -> bool:
    """True when openpyxl can be imported."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return False
    return True


def cell_value(value):
    """A table value as a cell holds it: None for NULL, NaN and pandas' NA; a bool, int or
    float as a Python number; a date as text in ISO form; any other value as text, without the
    control characters a workbook cannot hold (an empty text as an empty cell).

    >>> import numpy as np
    >>> [cell_value(v) for v in (np.float64(0.1), np.int64(3), np.bool_(True), float("nan"), None, "a\\x01b")]
    [0.1, 3, True, None, None, 'ab']
    """
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        value = float(value)
        return value if math.isfinite(value) else None
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    text = _ILLEGAL.sub("", str(value))
    return text if text else None  # an empty text is an empty cell


def _shown(value, fmt) -> str:
    """The text Excel shows for ``value`` in format ``fmt`` (for the column width)."""
    if isinstance(value, bool):
        return "FALSE"
    if isinstance(value, (int, float)):
        if fmt == "0":
            return "%d" % value
        match = re.match(r"^(#,##)?0(?:\.(0+))?(%)?$", fmt or "")
        if match:
            decimals = len(match.group(2) or "")
            number = value * 100 if match.group(3) else value
            text = ("{:,.%df}" if match.group(1) else "{:.%df}") % decimals
            return text.format(number) + (match.group(3) or "")
        return "%.10g" % value
    return "" if value is None else str(value)


def _width(sheet: Sheet, j: int, values: Sequence) -> float:
    code = str(sheet.frame.columns[j])
    texts = [sheet.headers[j], code] + [_shown(v, sheet.formats[j]) for v in values[:2000]]
    widest = max(display_width(t) for t in texts)
    return float(min(max(widest + 2, _MIN_WIDTH), _MAX_WIDTH))


def _columns_values(frame: pd.DataFrame) -> List[List]:
    return [[cell_value(v) for v in frame.iloc[:, j].tolist()] for j in range(frame.shape[1])]


def _contents_rows(sheets: Sequence[Sheet], lang: str) -> List[List]:
    zh = str(lang).lower().startswith("zh")
    rows = []
    for sheet in sheets:
        kind = KINDS[sheet.kind]
        rows.append([sheet.name, kind.about_zh if zh else kind.about_en, int(sheet.frame.shape[0]),
                     int(sheet.frame.shape[1]), sheet.source])
    return rows


def _settings_rows(settings, lang) -> List[Tuple[str, object]]:
    rows = [(_words("written", lang), datetime.datetime.now().replace(microsecond=0).isoformat(sep=" ")),
            (_words("language", lang), "中文" if str(lang).lower().startswith("zh") else "English")]
    for key, value in (settings or {}).items():
        if isinstance(value, (list, tuple)):
            value = "; ".join(str(v) for v in value)
        rows.append((str(key), cell_value(value)))
    return rows


# ------------------------------------------------------------------------------ openpyxl

def _write_openpyxl(path, sheets, lang, settings):
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    contents = book.active
    contents.title = _words("sheet", lang)
    bold, grey = Font(bold=True), Font(italic=True, color="666666")
    fill = PatternFill("solid", fgColor="EEF2F7")
    contents.append([_words("title", lang)])
    contents["A1"].font = Font(bold=True, size=14)
    contents.append([_words("how", lang)])
    contents.append([])
    contents.append([_words(k, lang) for k in ("col sheet", "col about", "col rows", "col columns", "col source")])
    for cell in contents[4]:
        cell.font, cell.fill = bold, fill
    for row in _contents_rows(sheets, lang):
        contents.append(row)
        link = contents.cell(row=contents.max_row, column=1)
        link.hyperlink = "#'%s'!A1" % row[0].replace("'", "''")
        link.font = Font(color="0563C1", underline="single")
    contents.append([])
    contents.append([_words("settings", lang)])
    contents.cell(row=contents.max_row, column=1).font = bold
    for key, value in _settings_rows(settings, lang):
        contents.append([key, value])
        _keep_text(contents.cell(row=contents.max_row, column=2))
    for letter, width in zip("ABCDE", (24, 70, 8, 8, 40)):
        contents.column_dimensions[letter].width = width

    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        columns = _columns_values(sheet.frame)
        ws.append(sheet.headers)
        ws.append([str(c) for c in sheet.frame.columns])
        for cell in ws[1]:
            cell.font, cell.fill = bold, fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for cell in ws[2]:
            cell.font, cell.fill = grey, fill
        for i in range(sheet.frame.shape[0]):
            ws.append([col[i] for col in columns])
        for j, values in enumerate(columns):
            letter = get_column_letter(j + 1)
            fmt = sheet.formats[j]
            for cell in ws[letter][2:]:
                if isinstance(cell.value, str):
                    _keep_text(cell)
                elif fmt and isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.number_format = fmt
            ws.column_dimensions[letter].width = _width(sheet, j, values)
        ws.freeze_panes = "B3" if sheet.frame.shape[1] > 1 else "A3"
    book.save(path)


def _keep_text(cell):
    """A text that starts with '=' stays a text (openpyxl would store it as a formula)."""
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"


# ------------------------------------------------------------------------------ GDAL

def _ogr_type(values):
    from osgeo import ogr

    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return ogr.OFTInteger, ogr.OFSTBoolean
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return ogr.OFTInteger64, ogr.OFSTNone
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return ogr.OFTReal, ogr.OFSTNone
    return ogr.OFTString, ogr.OFSTNone


def _gdal_layer(ds, name, headers, columns):
    from osgeo import ogr

    layer = ds.CreateLayer(name, geom_type=ogr.wkbNone)
    if layer is None:
        raise ValueError(msg("GDAL's XLSX driver could not add the sheet '{name}'",
                             "GDAL 的 XLSX 驱动无法添加工作表“{name}”", name=name))
    kinds = []
    for head, values in zip(headers, columns):
        ftype, subtype = _ogr_type(values)
        definition = ogr.FieldDefn(head, ftype)
        definition.SetSubType(subtype)
        layer.CreateField(definition)
        kinds.append(ftype)
    rows = len(columns[0]) if columns else 0
    for i in range(rows):
        feature = ogr.Feature(layer.GetLayerDefn())
        for j, values in enumerate(columns):
            value = values[i]
            if value is None:
                continue
            if kinds[j] == ogr.OFTString:
                feature.SetField(j, str(value).upper() if isinstance(value, bool) else str(value))
            elif kinds[j] == ogr.OFTInteger64:
                feature.SetField(j, int(value))
            elif kinds[j] == ogr.OFTInteger:
                feature.SetField(j, int(bool(value)))
            else:
                feature.SetField(j, float(value))
        layer.CreateFeature(feature)


def _write_gdal(path, sheets, lang, settings):
    from osgeo import gdal, ogr

    driver = ogr.GetDriverByName("XLSX")
    if driver is None:
        raise ValueError(msg("Writing the workbook needs openpyxl or GDAL's XLSX driver, and neither is available: "
                             "install the Python package openpyxl",
                             "写入工作簿需要 openpyxl 或 GDAL 的 XLSX 驱动，二者均不可用：请安装 Python 包 openpyxl"))
    if os.path.exists(path):
        os.remove(path)  # the driver does not write over a file
    ds = driver.CreateDataSource(str(path))
    if ds is None:
        raise ValueError(msg("GDAL's XLSX driver cannot create '{path}': {reason}",
                             "GDAL 的 XLSX 驱动无法创建“{path}”：{reason}", path=path,
                             reason=gdal.GetLastErrorMsg() or "?"))
    rows = _contents_rows(sheets, lang)
    heads = [_words(k, lang) for k in ("col sheet", "col about", "col rows", "col columns", "col source")]
    extra = [[key, str(value), None, None, None] for key, value in _settings_rows(settings, lang)]
    extra.insert(0, [_words("settings", lang), _words("how gdal", lang), None, None, None])
    table = rows + extra
    contents_columns = [[r[j] for r in table] for j in range(5)]
    contents_columns[2] = [None if v is None else int(v) for v in contents_columns[2]]
    contents_columns[3] = [None if v is None else int(v) for v in contents_columns[3]]
    _gdal_layer(ds, _words("sheet", lang), heads, contents_columns)
    for sheet in sheets:
        headers = ["%s\n%s" % (h, c) for h, c in zip(sheet.headers, sheet.frame.columns)]
        _gdal_layer(ds, sheet.name, headers, _columns_values(sheet.frame))
    ds = None


# ------------------------------------------------------------------------------ exact numbers

_CELL = re.compile(r'<c r="([A-Z]+)([0-9]+)"([^>]*)>\s*<v>([^<]*)</v>\s*</c>')
_SHEET = re.compile(r'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL = re.compile(r'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"|'
                  r'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _unescape(text: str) -> str:
    return text.replace("&quot;", '"').replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">") \
        .replace("&amp;", "&")


def _exact_numbers(path, floats: "Dict[str, Dict[Tuple[int, int], float]]"):
    """Rewrite the numbers of the workbook ``path`` given in ``floats`` ({sheet name: {(row,
    column) 1-based: value}}) as ``repr(value)``: the writers keep 16 significant digits, a
    float64 may need 17."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    texts = {info.filename: data for info, data in items}
    book = texts.get("xl/workbook.xml", b"").decode("utf-8")
    rels = texts.get("xl/_rels/workbook.xml.rels", b"").decode("utf-8")
    targets = {}
    for match in _REL.finditer(rels):
        rid, target = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        target = target.lstrip("/")
        targets[rid] = target if target.startswith("xl/") else "xl/" + target
    files = {targets.get(rid): _unescape(name) for name, rid in _SHEET.findall(book)}

    def exact(sheet_values):
        def replace(match):
            if 't="' in match.group(3) and 't="n"' not in match.group(3):
                return match.group(0)
            value = sheet_values.get((int(match.group(2)), _column_number(match.group(1))))
            if value is None or float(match.group(4) or "nan") == value:
                return match.group(0)
            return '<c r="%s%s"%s><v>%r</v></c>' % (match.group(1), match.group(2), match.group(3), value)
        return replace

    changed = False
    for filename, name in files.items():
        if filename in texts and floats.get(name):
            before = texts[filename].decode("utf-8")
            after = _CELL.sub(exact(floats[name]), before)
            if after != before:
                texts[filename], changed = after.encode("utf-8"), True
    if not changed:
        return
    temporary = str(path) + ".exact"
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, _data in items:
            archive.writestr(info, texts[info.filename])
    os.replace(temporary, path)


def _float_cells(sheets: Sequence[Sheet], first_row: int) -> "Dict[str, Dict[Tuple[int, int], float]]":
    out = {}
    for sheet in sheets:
        cells = {}
        for j, values in enumerate(_columns_values(sheet.frame)):
            for i, value in enumerate(values):
                if isinstance(value, float) and value != float("%.16g" % value):
                    cells[(first_row + i, j + 1)] = value
        out[sheet.name] = cells
    return out


# ------------------------------------------------------------------------------ entry points

def write_workbook(path, tables: "Dict[str, pd.DataFrame]", lang: str = "en", settings: Optional[dict] = None,
                   engine: Optional[str] = None) -> Tuple[str, List[Sheet]]:
    """Write the workbook of ``tables`` ({source name: table}, e.g. a GeoPackage's layer names)
    to ``path`` (.xlsx), in ``lang``, with ``settings`` ({name: value}) on the first sheet.
    ``engine`` "openpyxl" or "gdal" (default: openpyxl when installed). Returns the engine
    used and the sheets written."""
    if not tables:
        raise ValueError(msg("No table to write to '{path}': give at least one of the plugin's output tables",
                             "没有可写入“{path}”的表：请至少提供一个插件输出的表", path=path))
    if engine is None:
        engine = "openpyxl" if openpyxl_available() else "gdal"
    if engine not in ENGINES:
        raise ValueError(msg("engine = {engine!r}: use 'openpyxl' or 'gdal'", "engine = {engine!r}：请使用 'openpyxl' 或 'gdal'",
                             engine=engine))
    sheets = plan_sheets(tables, lang, reserved=[_words("sheet", lang)])
    (_write_openpyxl if engine == "openpyxl" else _write_gdal)(path, sheets, lang, settings)
    _exact_numbers(path, _float_cells(sheets, 3 if engine == "openpyxl" else 2))
    return engine, sheets


#: Tables of a GeoPackage that are QGIS's, not results.
_NOT_RESULTS = re.compile(r"^(layer_styles|qgis_projects|gpkg_.*|rtree_.*|sqlite_.*)$")


def read_geopackage_tables(path) -> "OrderedDict[str, pd.DataFrame]":
    """Every result table of the GeoPackage ``path`` ({layer name: attributes}, geometries
    left out), in the file's order; booleans as bools, numbers as the file holds them."""
    from osgeo import gdal, ogr

    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_READONLY)
    if ds is None:
        raise ValueError(msg("'{path}' cannot be opened as a GeoPackage: choose the megaregion.gpkg a run wrote",
                             "无法将“{path}”作为 GeoPackage 打开：请选择运行生成的 megaregion.gpkg", path=path))
    out: "OrderedDict[str, pd.DataFrame]" = OrderedDict()
    for index in range(ds.GetLayerCount()):
        layer = ds.GetLayer(index)
        name = layer.GetName()
        if _NOT_RESULTS.match(name):
            continue
        definition = layer.GetLayerDefn()
        names, booleans = [], []
        for j in range(definition.GetFieldCount()):
            field = definition.GetFieldDefn(j)
            names.append(field.GetName())
            booleans.append(field.GetSubType() == ogr.OFSTBoolean)
        rows = []
        layer.ResetReading()
        for feature in layer:
            row = []
            for j in range(len(names)):
                value = feature.GetField(j) if feature.IsFieldSetAndNotNull(j) else None
                row.append(bool(value) if booleans[j] and value is not None else value)
            rows.append(row)
        out[name] = pd.DataFrame(rows, columns=names, dtype=object) if rows else pd.DataFrame(columns=names)
    ds = None
    return out


def workbook_from_geopackage(gpkg, path, lang: str = "en", settings: Optional[dict] = None,
                             engine: Optional[str] = None) -> Tuple[str, List[Sheet]]:
    """The workbook of every result table of GeoPackage ``gpkg`` (the pipeline's
    ``megaregion.gpkg``) written to ``path``; see :func:`write_workbook`."""
    return write_workbook(path, read_geopackage_tables(gpkg), lang, settings, engine)
