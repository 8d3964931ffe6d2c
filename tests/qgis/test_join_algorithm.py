"""megaregion:joinindicators through processing.run: the acceptance cases on the bundled
data and every bad input of the issue, each leaving no output file behind."""
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


def test_census_joins_by_code_to_every_prefecture_and_municipality(run_alg):
    r = join(run_alg, INPUT_KEY="adcode", TABLE=str(CENSUS), TABLE_KEY="city_code", MATCH_BY=0)
    out = r["OUTPUT"]
    assert out.featureCount() == 370
    by_type = {}
    for f in out.getFeatures():
        by_type.setdefault(f["unit_type"], []).append(f["match_status"])
    main = by_type["prefecture"] + by_type["municipality"]
    assert len(main) == 337 and set(main) == {"matched"}
    cq = next(out.getFeatures("\"adcode\" = '500000'"))
    assert cq["popu_2020"] == 32054159  # Chongqing, 500100 in the census
    assert r["UNMATCHED_COUNT"] == 0 and r["MATCHED_COUNT"] == 369
    # numbers are numbers, missing values NULL (10 rows lack popu_2020), never 0
    values = [f["popu_2020"] for f in out.getFeatures() if f["match_status"] == "matched"]
    assert sum(v == NULL for v in values) == 10
    assert all(v > 0 for v in values if v != NULL)


def test_yearbook_joins_by_name_and_explains_the_leftover(run_alg):
    r = join(run_alg, INPUT_KEY="name", TABLE=str(YEARBOOK), TABLE_KEY="city", MATCH_BY=1)
    assert r["MATCHED_COUNT"] >= 278
    assert r["MATCHED_COUNT"] + r["UNMATCHED_COUNT"] == 279
    leftovers = list(r["UNMATCHED"].getFeatures())
    assert [f["key"] for f in leftovers] == ["莱芜市"]
    assert "济南" in leftovers[0]["reason"]
    bj = next(r["OUTPUT"].getFeatures("\"adcode\" = '110100'"))
    assert bj["GDP10000"] == 230145900


def test_sum_duplicates_adds_merged_laiwu_to_jinan(run_alg):
    plain = join(run_alg, INPUT_KEY="name", TABLE=str(YEARBOOK), TABLE_KEY="city", MATCH_BY=1)["OUTPUT"]
    summed = join(run_alg, INPUT_KEY="name", TABLE=str(YEARBOOK), TABLE_KEY="city", MATCH_BY=1, DUPLICATES=2)
    assert summed["UNMATCHED_COUNT"] == 0
    jinan = lambda lyr: next(lyr.getFeatures("\"adcode\" = '370100'"))["GDP10000"]  # noqa: E731
    assert jinan(summed["OUTPUT"]) > jinan(plain)


def test_join_after_assign_keeps_cities_in_two_megaregions(run_alg):
    assigned = run_alg("megaregion:assignmegaregions", {"INPUT": str(BOUNDARIES), "KEY": "adcode", "OUTPUT": "memory:"})
    r = join(run_alg, INPUT=assigned["OUTPUT"], INPUT_KEY="adcode", TABLE=str(CENSUS), TABLE_KEY="city_code")
    out = r["OUTPUT"]
    assert out.featureCount() == 378
    handan = [f for f in out.getFeatures("\"adcode\" = '130400'")]
    assert sorted(f["megaregion_id"] for f in handan) == ["BTH", "CPL"]
    assert len({f["popu_2020"] for f in handan}) == 1 and handan[0]["popu_2020"] > 0


def _assert_fails_without_output(run_alg, tmp_path, match, **params):
    out = tmp_path / "joined.gpkg"
    unmatched = tmp_path / "unmatched.csv"
    with pytest.raises(QgsProcessingException, match=match):
        join(run_alg, OUTPUT=str(out), UNMATCHED=str(unmatched), **params)
    assert not out.exists() and not unmatched.exists()


def test_missing_key_field(run_alg, tmp_path):
    _assert_fails_without_output(
        run_alg, tmp_path, "TABLE_KEY 'citycode'", INPUT_KEY="adcode", TABLE=str(CENSUS), TABLE_KEY="citycode"
    )


def test_table_without_rows(run_alg, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("city_code,gdp\n", encoding="utf-8")
    _assert_fails_without_output(run_alg, tmp_path, "no rows", INPUT_KEY="adcode", TABLE=str(empty), TABLE_KEY="city_code")


def test_table_without_numeric_fields(run_alg, tmp_path):
    text = tmp_path / "text.csv"
    text.write_text("city_code,remark\n110100,capital\n120100,port\n", encoding="utf-8")
    _assert_fails_without_output(
        run_alg, tmp_path, "(?i)numeric", INPUT_KEY="adcode", TABLE=str(text), TABLE_KEY="city_code"
    )


def test_non_polygon_layer(run_alg, tmp_path):
    points = run_alg("native:centroids", {"INPUT": str(BOUNDARIES), "ALL_PARTS": False, "OUTPUT": "memory:"})["OUTPUT"]
    _assert_fails_without_output(
        run_alg, tmp_path, "(?i)polygon", INPUT=points, INPUT_KEY="adcode", TABLE=str(CENSUS), TABLE_KEY="city_code"
    )


def test_duplicate_keys(run_alg, tmp_path):
    dup = tmp_path / "dup.csv"
    dup.write_text("city,gdp\n北京,1\n北京市,2\n天津,3\n", encoding="utf-8")
    _assert_fails_without_output(
        run_alg, tmp_path, "北京", INPUT_KEY="name", TABLE=str(dup), TABLE_KEY="city", MATCH_BY=1
    )
    r = join(run_alg, INPUT_KEY="name", TABLE=str(dup), TABLE_KEY="city", MATCH_BY=1, DUPLICATES=3)
    assert next(r["OUTPUT"].getFeatures("\"adcode\" = '110100'"))["gdp"] == 1.5


def test_unknown_code_format(run_alg, tmp_path):
    _assert_fails_without_output(
        run_alg, tmp_path, "(?i)code", INPUT_KEY="adcode", TABLE=str(YEARBOOK), TABLE_KEY="city", MATCH_BY=0
    )


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
