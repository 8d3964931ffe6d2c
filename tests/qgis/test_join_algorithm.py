"""megaregion:joinindicators through processing.run: what the regression records do not pin
(summed and averaged duplicates, a joined layer after assign, GBK and long tables) and the bad
tables the bad-input table (tests/bad_input_cases.py) does not hold, each leaving no output file
behind. The census joined by code and the yearbook joined by name are pinned field by field,
counts and leftovers included, by the records join_census and join_yearbook_by_name."""
import pytest
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

from data_paths import BOUNDARIES, CENSUS, YEARBOOK


def layer(path, name="layer"):
    lyr = QgsVectorLayer(str(path), name, "ogr")
    assert lyr.isValid(), path
    return lyr


def join(run_alg, **params):
    base = {"INPUT": str(BOUNDARIES), "OUTPUT": "memory:", "UNMATCHED": "memory:"}
    base.update(params)
    return run_alg("megaregion:joinindicators", base)


def test_sum_duplicates_adds_merged_laiwu_to_jinan(run_alg):
    plain = join(run_alg, INPUT_KEY="name", TABLE=str(YEARBOOK), TABLE_KEY="city", MATCH_BY=1)["OUTPUT"]
    summed = join(run_alg, INPUT_KEY="name", TABLE=str(YEARBOOK), TABLE_KEY="city", MATCH_BY=1, DUPLICATES=2)
    assert summed["UNMATCHED_COUNT"] == 0
    jinan = lambda lyr: next(lyr.getFeatures("\"adcode\" = '370100'"))["GDP10000"]  # noqa: E731
    assert jinan(summed["OUTPUT"]) > jinan(plain)


def test_join_after_assign_keeps_cities_in_two_megaregions(run_alg, regional_boundaries):
    assigned = run_alg("megaregion:assignmegaregions",
                       {"INPUT": str(regional_boundaries), "KEY": "adcode", "OUTPUT": "memory:"})["OUTPUT"]
    r = join(run_alg, INPUT=assigned, INPUT_KEY="adcode", TABLE=str(CENSUS), TABLE_KEY="city_code")
    out = r["OUTPUT"]
    assert out.featureCount() == assigned.featureCount() == 36 + 2  # Handan and Xingtai in BTH and CPL
    handan = [f for f in out.getFeatures("\"adcode\" = '130400'")]
    assert sorted(f["megaregion_id"] for f in handan) == ["BTH", "CPL"]
    assert len({f["popu_2020"] for f in handan}) == 1 and handan[0]["popu_2020"] > 0


def _assert_fails_without_output(run_alg, tmp_path, match, **params):
    out = tmp_path / "joined.gpkg"
    unmatched = tmp_path / "unmatched.csv"
    with pytest.raises(QgsProcessingException, match=match):
        join(run_alg, OUTPUT=str(out), UNMATCHED=str(unmatched), **params)
    assert not out.exists() and not unmatched.exists()


def test_table_without_rows(run_alg, tmp_path, regional_boundaries):
    empty = tmp_path / "empty.csv"
    empty.write_text("city_code,gdp\n", encoding="utf-8")
    _assert_fails_without_output(run_alg, tmp_path, "no rows", INPUT=str(regional_boundaries), INPUT_KEY="adcode",
                                 TABLE=str(empty), TABLE_KEY="city_code")


def test_table_without_numeric_fields(run_alg, tmp_path, regional_boundaries):
    text = tmp_path / "text.csv"
    text.write_text("city_code,remark\n110100,capital\n120100,port\n", encoding="utf-8")
    _assert_fails_without_output(
        run_alg, tmp_path, "(?i)numeric", INPUT=str(regional_boundaries), INPUT_KEY="adcode", TABLE=str(text),
        TABLE_KEY="city_code"
    )


def test_duplicate_keys(run_alg, tmp_path, regional_boundaries):
    dup = tmp_path / "dup.csv"
    dup.write_text("city,gdp\n北京,1\n北京市,2\n天津,3\n", encoding="utf-8")
    regional = str(regional_boundaries)
    _assert_fails_without_output(
        run_alg, tmp_path, "北京", INPUT=regional, INPUT_KEY="name", TABLE=str(dup), TABLE_KEY="city", MATCH_BY=1
    )
    r = join(run_alg, INPUT=regional, INPUT_KEY="name", TABLE=str(dup), TABLE_KEY="city", MATCH_BY=1, DUPLICATES=3)
    assert next(r["OUTPUT"].getFeatures("\"adcode\" = '110100'"))["gdp"] == 1.5


def test_gbk_csv_and_long_table(run_alg, tmp_path):
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("城市,年份,地区生产总值\n石家庄市,2015,\"5,440.6\"\n石家庄市,2016,—\n恩施州,2015,670.8\n".encode("gb18030"))
    r = join(run_alg, INPUT_KEY="name", TABLE=str(gbk), TABLE_KEY="城市", MATCH_BY=1, YEAR_FIELD="年份")
    out = r["OUTPUT"]
    sjz = next(out.getFeatures("\"adcode\" = '130100'"))
    assert sjz["地区生产总值_2015"] == pytest.approx(5440.6)
    assert sjz["地区生产总值_2016"] == NULL  # "—" is missing, never 0
    es = next(out.getFeatures("\"adcode\" = '422800'"))
    assert es["地区生产总值_2015"] == pytest.approx(670.8)


def test_long_panel_without_year_field_and_one_year_table_with_year(run_alg, tmp_path, regional_boundaries):
    """A panel with Chinese headers and its year in 年份 joins by year with one log line; a
    one-year table with YEAR gets <field>_<year> fields, as a number or as text from qgis_process."""
    from qgis.core import QgsProcessingContext
    from qgis import processing

    panel = tmp_path / "panel.csv"
    panel.write_text("市代码,年份,均值\n110000,2019,5.0\n110000,2020,5.5\n130100,2019,2.0\n130100,2020,2.5\n"
                     "156400,2020,0.1\n", encoding="utf-8")

    from recording_feedback import RecordingFeedback

    feedback = RecordingFeedback()
    r = processing.run("megaregion:joinindicators", {
        "INPUT": str(regional_boundaries), "INPUT_KEY": "adcode", "TABLE": str(panel), "TABLE_KEY": "市代码",
        "OUTPUT": "memory:", "UNMATCHED": "memory:"}, context=QgsProcessingContext(), feedback=feedback)
    assert [line for line in feedback.lines if "holds years" in line] == [
        "TABLE_KEY '市代码' repeats and '年份' holds years (each key once per year): the table is read as a long "
        "table with YEAR_FIELD '年份'."]
    out = r["OUTPUT"]
    beijing = next(out.getFeatures("\"adcode\" = '110100'"))
    assert (beijing["均值_2019"], beijing["均值_2020"]) == (5.0, 5.5)
    assert r["UNMATCHED_COUNT"] == 1 and next(r["UNMATCHED"].getFeatures())["key"] == "156400"

    one_year = tmp_path / "one_year.csv"
    one_year.write_text("城市,均值,人口\n北京市,5.5,2189\n石家庄市,2.5,1123\n", encoding="utf-8")
    for year in (2020, "2020"):
        out = join(run_alg, INPUT=str(regional_boundaries), INPUT_KEY="name", TABLE=str(one_year), TABLE_KEY="城市",
                   MATCH_BY=1, YEAR=year)["OUTPUT"]
        names = out.fields().names()
        assert "均值_2020" in names and "人口_2020" in names and "均值" not in names
        assert next(out.getFeatures("\"adcode\" = '130100'"))["人口_2020"] == 1123
