"""megaregion:exporttables through processing.run: a whole GeoPackage or single layers of it
become one workbook whose numbers are the tables' own, with Chinese headers under the Chinese
interface; a destination that is not .xlsx is refused before anything is written."""
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from export_fixtures import AWKWARD, LAYERS, results_geopackage
from megaregion.core.export import workbook
from megaregion.processing import i18n
from recording_feedback import RecordingFeedback

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory):
    return results_geopackage(tmp_path_factory.mktemp("gpkg") / "megaregion.gpkg")


def _codes_and_rows(ws):
    codes = [c.value for c in ws[2]]
    return codes, [[c.value for c in row] for row in ws.iter_rows(min_row=3)]


def test_a_geopackage_becomes_one_workbook(gpkg, tmp_path, run_alg):
    out = tmp_path / "tables.xlsx"
    log = RecordingFeedback()
    result = run_alg("megaregion:exporttables", {"INPUT": [str(gpkg)], "LANGUAGE": 1, "OUTPUT": str(out)}, log)
    assert result["SHEET_COUNT"] == len(LAYERS)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:3] == ["Contents", "Unevenness", "Unevenness by region"]
    source = workbook.read_geopackage_tables(gpkg)
    codes, rows = _codes_and_rows(book["Unevenness"])
    table = source["unevenness_table"]
    for j, code in enumerate(codes):
        expected = [None if v == "" else v for v in table[code]]
        assert [r[j] for r in rows] == expected, code
    assert [r[codes.index("theil")] for r in rows][: len(AWKWARD)] == AWKWARD
    assert any("Sheet 'Unevenness'" in line for line in log.lines)


def test_single_layers_keep_every_digit(gpkg, tmp_path, run_alg):
    layers = [QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr") for name in ("typology_profiles",
                                                                                  "unevenness_table")]
    assert all(layer.isValid() for layer in layers)
    out = tmp_path / "two.xlsx"
    run_alg("megaregion:exporttables", {"INPUT": layers, "LANGUAGE": 1, "OUTPUT": str(out)})
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Contents", "Unevenness", "Typology profiles"]  # the analysis' order
    source = workbook.read_geopackage_tables(gpkg)["typology_profiles"]
    codes, rows = _codes_and_rows(book["Typology profiles"])
    assert "fid" not in codes
    for j, code in enumerate(codes):
        assert [r[j] for r in rows] == list(source[code]), code


def test_headers_are_chinese_under_a_chinese_interface(gpkg, tmp_path, run_alg):
    from test_translation_qgis import mt  # the translation compiled as that test does

    if mt.lrelease_path() is None:
        pytest.skip("lrelease not found")
    qm = mt.compile_qm(mt.TS_PATH, tmp_path / "megaregion_zh_CN.qm")
    i18n.remove_translator()
    assert i18n.install_translator(path=str(qm))
    try:
        out = tmp_path / "zh.xlsx"
        run_alg("megaregion:exporttables", {"INPUT": [str(gpkg)], "OUTPUT": str(out)})
    finally:
        i18n.remove_translator()
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:2] == ["目录", "不均衡测度"]
    heads = dict(zip([c.value for c in book["不均衡测度"][2]], [c.value for c in book["不均衡测度"][1]]))
    assert heads["theil_between"] == "泰尔指数组间差异" and heads["n_core"] == "核心城市数"


def test_an_output_that_is_not_xlsx_is_refused(gpkg, tmp_path, run_alg):
    out = tmp_path / "tables.csv"
    with pytest.raises(QgsProcessingException, match=r"\.xlsx"):
        run_alg("megaregion:exporttables", {"INPUT": [str(gpkg)], "OUTPUT": str(out)})
    assert not out.exists()


def test_without_openpyxl_gdal_writes_it_and_the_log_says_so(gpkg, tmp_path, run_alg, monkeypatch):
    monkeypatch.setattr(workbook, "openpyxl_available", lambda: False)
    out = tmp_path / "gdal.xlsx"
    log = RecordingFeedback()
    run_alg("megaregion:exporttables", {"INPUT": [str(gpkg)], "LANGUAGE": 1, "OUTPUT": str(out)}, log)
    assert any("GDAL's XLSX driver" in line and "Install openpyxl" in line for line in log.lines)
    book = openpyxl.load_workbook(out)
    ws = book["Unevenness"]
    assert ws["A1"].value == "Mega-region\nmegaregion" and ws.freeze_panes is None
    theil = [c.value for c in ws[1]].index("Theil T\ntheil")
    assert [r[theil].value for r in ws.iter_rows(min_row=2, max_row=1 + len(AWKWARD))] == AWKWARD
