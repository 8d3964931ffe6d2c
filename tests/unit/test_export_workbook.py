"""The workbook of the result tables (core/export): every sheet's numbers are the GeoPackage's,
headers in the reader's language above the field codes, formats and frozen rows, the GDAL
fallback without openpyxl, and a workbook LibreOffice converts."""
import doctest
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from export_fixtures import AWKWARD, LAYERS, results_geopackage
from megaregion.core.export import headers, sheets as sheet_plan, workbook

pytest.importorskip("osgeo.ogr")


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory):
    return results_geopackage(tmp_path_factory.mktemp("gpkg") / "megaregion.gpkg")


def _sheet_values(ws, first_row):
    return [[c.value for c in row] for row in ws.iter_rows(min_row=first_row)]


def _same(a, b):
    if b == "":
        b = None  # a cell cannot tell an empty text from no value
    if a is None or b is None:
        return a is None and b is None
    if isinstance(b, bool) or isinstance(a, bool):
        return bool(a) == bool(b) and type(a) is type(b)
    if isinstance(b, (int, float)):
        return isinstance(a, (int, float)) and float(a) == float(b)
    return str(a) == str(b)


def test_doctests():
    for module in (headers, sheet_plan, workbook):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


def test_every_number_equals_the_geopackage(gpkg, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "tables.xlsx"
    engine, written = workbook.workbook_from_geopackage(gpkg, path, "en", {"OUTPUT_FOLDER": "/data/run"})
    assert engine == "openpyxl"
    source = workbook.read_geopackage_tables(gpkg)
    assert list(source) == list(LAYERS)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Contents", "Unevenness", "Unevenness by region", "Typology cities", "Typology cores",
                               "Typology profiles", "Trend cities", "Trend cores", "Trend profiles"]
    for sheet in written:
        ws = book[sheet.name]
        codes = [c.value for c in ws[2]]
        table = source[sheet.source]
        assert sorted(codes) == sorted(table.columns), sheet.name
        rows = _sheet_values(ws, 3)
        assert len(rows) == len(table) > 0
        for j, code in enumerate(codes):
            for i, value in enumerate(table[code]):
                assert _same(rows[i][j], value), (sheet.name, code, i, rows[i][j], value)
        assert ws.freeze_panes == "B3"
    # the awkward floats arrive to the last bit, as floats
    theil = [c.value for c in book["Unevenness"]["A"]]
    column = [c.value for c in book["Unevenness"][2]].index("theil")
    got = [row[column] for row in _sheet_values(book["Unevenness"], 3)][: len(AWKWARD)]
    assert got == AWKWARD and all(type(v) is float for v in got), theil[:3]


def test_headers_formats_and_contents(gpkg, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "tables.xlsx"
    workbook.workbook_from_geopackage(gpkg, path, "zh", {"INDICATORS": ["popu_2010", "popu_2020"]})
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "目录"
    ws = book["不均衡测度"]
    heads = dict(zip([c.value for c in ws[2]], [c.value for c in ws[1]]))
    assert heads["megaregion"] == "城市群"
    assert heads["theil_between"] == "泰尔指数组间差异"
    assert heads["theil_between_ci_low"] == "泰尔指数组间差异置信区间下限"
    assert heads["p_between"] == "核心—次级城市分组的置换检验p值"
    codes = [c.value for c in ws[2]]
    # an interval is two columns beside its measure
    at = codes.index("theil_between")
    assert codes[at + 1: at + 3] == ["theil_between_ci_low", "theil_between_ci_high"]
    # number formats by what the numbers are
    formats = {code: ws.cell(row=3, column=j + 1).number_format for j, code in enumerate(codes)}
    assert formats["share_gnb"] == "0.0%" and formats["theil"] == "0.0000" and formats["year1"] == "0"
    assert formats["mean_core"] == "#,##0.00" and formats["ratio"] == "0.000"
    # widths fit the Chinese header (two units per character) and stay bounded
    letter = openpyxl.utils.get_column_letter(codes.index("theil_between") + 1)
    assert sheet_plan.display_width("泰尔指数组间差异") + 2 <= ws.column_dimensions[letter].width <= 60
    regions = book["各城市群不均衡"]
    region_heads = dict(zip([c.value for c in regions[2]], [c.value for c in regions[1]]))
    assert region_heads["theil_popu_2010"] == "泰尔指数 — 常住人口 2010年"
    profiles = book["类型特征"]
    assert "与核心城市的差距：2020年常住人口" in [c.value for c in profiles[1]]
    contents = [[c.value for c in row] for row in book["目录"].iter_rows()]
    listed = {row[0]: row for row in contents if row and row[0] in book.sheetnames}
    assert listed["不均衡测度"][2] == book["不均衡测度"].max_row - 2
    assert ["INDICATORS", "popu_2010; popu_2020"] == [v for v in contents[-1] if v is not None]


def test_gdal_fallback_without_openpyxl(gpkg, tmp_path):
    """QGIS's macOS package has no openpyxl: GDAL's XLSX driver writes the same sheets."""
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "gdal.xlsx"
    script = textwrap.dedent(f"""
        import sys
        sys.modules["openpyxl"] = None          # import openpyxl raises ImportError
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
        import _pkg; _pkg.ensure_importable()
        from megaregion.core.export import workbook
        assert not workbook.openpyxl_available()
        engine, sheets = workbook.workbook_from_geopackage({str(gpkg)!r}, {str(path)!r}, "zh")
        print(engine, len(sheets))
    """)
    # the exact floats: GDAL alone would write 16 significant digits
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["gdal", str(len(LAYERS))]
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:2] == ["目录", "不均衡测度"]
    source = workbook.read_geopackage_tables(gpkg)
    ws = book["不均衡测度"]
    heads = [c.value for c in ws[1]]
    assert heads[0] == "城市群\nmegaregion"
    codes = [h.split("\n")[1] for h in heads]
    rows = _sheet_values(ws, 2)
    table = source["unevenness_table"]
    assert len(rows) == len(table)
    for j, code in enumerate(codes):
        for i, value in enumerate(table[code]):
            got = rows[i][j]
            if isinstance(value, bool):
                assert got in (value, int(value)), (code, i)
            else:
                assert _same(got, value), (code, i, got, value)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_workbook(gpkg, tmp_path):
    pytest.importorskip("openpyxl")
    path = tmp_path / "tables.xlsx"
    workbook.workbook_from_geopackage(gpkg, path, "zh")
    out = subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://%s" % (tmp_path / "profile"),
                          "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76', "--outdir", str(tmp_path / "csv"), str(path)],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    csv = (tmp_path / "csv" / "tables.csv").read_text(encoding="utf-8", errors="replace")
    assert "城市群发展不均衡" in csv  # the first sheet, read by LibreOffice


def test_no_table_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="No table"):
        workbook.write_workbook(tmp_path / "x.xlsx", {})
