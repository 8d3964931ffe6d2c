"""Mega-region membership: the bundled table, the join onto the bundled boundaries, key
normalisation and user-table errors."""
import numpy as np
import pandas as pd
import pytest
from data_paths import BOUNDARIES, MEMBERSHIP

from megaregion.core import membership as mm
from megaregion.core.messages import in_language

# Counts per mega-region stated in resources/data/megaregions/SOURCE.md.
UNITS = {"BTH": 13, "YRD": 26, "PRD": 11, "CY": 16, "MYR": 31, "SDP": 16, "WTS": 20, "CPL": 30, "GZP": 11,
         "BBG": 15, "HC": 11, "SCL": 9, "CSX": 5, "HBOY": 4, "LX": 9, "NXYR": 4, "TSNS": 8, "CYN": 5, "CGZ": 6}
CORES = {
    "BTH": {"北京市", "天津市", "石家庄市"},
    "YRD": {"上海市", "南京市", "杭州市", "宁波市", "合肥市"},
    "PRD": {"广州市", "深圳市"},
    "CY": {"重庆市", "成都市"},
    "MYR": {"武汉市", "长沙市", "南昌市"},
    "SDP": {"济南市", "青岛市"},
    "WTS": {"福州市", "厦门市"},
    "CPL": {"郑州市"},
    "GZP": {"西安市"},
    "BBG": {"南宁市", "海口市"},
    "HC": {"哈尔滨市", "长春市"},
    "SCL": {"沈阳市", "大连市"},
    "CSX": {"太原市"},
    "HBOY": {"呼和浩特市"},
    "LX": {"兰州市", "西宁市"},
    "NXYR": {"银川市"},
    "TSNS": {"乌鲁木齐市"},
    "CYN": {"昆明市"},
    "CGZ": {"贵阳市"},
}
# The core rule of method.md, written out independently of the table.
MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
PROVINCIAL_CAPITALS = {
    "石家庄市", "太原市", "呼和浩特市", "沈阳市", "长春市", "哈尔滨市", "南京市", "杭州市", "合肥市", "福州市",
    "南昌市", "济南市", "郑州市", "武汉市", "长沙市", "广州市", "南宁市", "海口市", "成都市", "贵阳市", "昆明市",
    "拉萨市", "西安市", "兰州市", "西宁市", "银川市", "乌鲁木齐市",
}
SUB_PROVINCIAL = {"大连市", "青岛市", "宁波市", "厦门市", "深圳市"}
TWICE = {"邯郸市", "邢台市", "聊城市", "菏泽市", "运城市", "上饶市", "鹰潭市", "抚州市"}
FIRST = {"邯郸市": "BTH", "邢台市": "BTH", "聊城市": "SDP", "菏泽市": "SDP", "运城市": "CPL",
         "上饶市": "MYR", "鹰潭市": "MYR", "抚州市": "MYR"}
ADDED = ["megaregion_id", "megaregion", "megaregion_zh", "role", "phase", "membership", "uncertain",
         "membership_note", "source_row"]


@pytest.fixture(scope="module")
def table():
    return mm.load_membership()


@pytest.fixture(scope="module")
def boundaries():
    gpd = pytest.importorskip("geopandas")
    return gpd.read_file(BOUNDARIES)


@pytest.fixture(scope="module")
def attributes(boundaries):
    return pd.DataFrame(boundaries.drop(columns="geometry"))


def minimal_table(**changes):
    rows = {
        "megaregion_id": ["BTH", "BTH", "BTH"],
        "megaregion_en": ["Beijing-Tianjin-Hebei"] * 3,
        "megaregion_zh": ["京津冀城市群"] * 3,
        "phase": ["optimizing"] * 3,
        "adcode": [110100, 120100, 130100],
        "name_zh": ["北京市", "天津市", "石家庄市"],
        "role": ["core", "core", "core"],
    }
    rows.update(changes)
    return pd.DataFrame(rows)


# --- the bundled table -------------------------------------------------------------------------

def test_bundled_table_has_19_megaregions_with_their_cores(table):
    assert len(table) == 250
    assert table.groupby("megaregion_id", sort=False).size().to_dict() == UNITS
    assert list(table["megaregion_id"].unique()) == list(UNITS)  # table order
    cores = table[table["role"] == "core"].groupby("megaregion_id")["name_zh"].agg(set).to_dict()
    assert cores == CORES
    assert (table["role"] == "core").sum() == 35
    assert (table["role"] == "secondary").sum() == 215
    assert (table["membership"] == "partial").sum() == 28
    assert table["adcode"].str.fullmatch(r"\d{6}").all()
    assert table.loc[table["name_zh"] == "重庆市", "adcode"].tolist() == ["500000"]


def test_bundled_roles_follow_the_core_rule(table):
    rule = MUNICIPALITIES | PROVINCIAL_CAPITALS | SUB_PROVINCIAL
    assert set(table.loc[table["role"] == "core", "name_zh"]) == rule - {"拉萨市"}  # Lhasa is in no mega-region
    assert not set(table.loc[table["role"] == "secondary", "name_zh"]) & rule


def test_bundled_flags(table):
    flagged = table[table["uncertain"]]
    assert len(flagged) == 13
    assert flagged["note"].str.startswith("FLAG:").all()
    assert set(flagged["adcode"]) == {"810000", "820000", "361100", "360600", "361000", "360700", "211200",
                                      "640300", "640500", "652300", "654200", "654000", "659010"}


def test_summary(table):
    summary = mm.summarise_membership(table)
    assert summary["megaregion_id"].tolist() == list(UNITS)
    assert summary["units"].tolist() == list(UNITS.values())
    assert summary["core"].sum() == 35 and summary["secondary"].sum() == 215
    bth = summary.iloc[0]
    assert bth["megaregion"] == "Beijing-Tianjin-Hebei" and bth["core_cities"] == "北京市、天津市、石家庄市"
    assert summary.set_index("megaregion_id").loc["TSNS", "uncertain"] == 4


# --- joining onto the bundled boundaries ---------------------------------------------------------

def test_default_join_keeps_all_units_and_repeats_eight(boundaries):
    out = mm.assign_megaregions(boundaries, "adcode")
    assert type(out) is type(boundaries) and out.crs == boundaries.crs
    assert list(out.columns) == list(boundaries.columns) + ADDED
    assert out.attrs["warnings"] == []
    assert len(out) == 370 + 8
    assert out["source_row"].nunique() == 370
    counts = out.groupby("name")["source_row"].size()
    assert set(counts[counts == 2].index) == TWICE
    # source_row points at the input row: same code, same geometry
    assert (out["adcode"].to_numpy() == boundaries["adcode"].to_numpy()[out["source_row"]]).all()
    assert out.geometry.iloc[5].equals(boundaries.geometry.iloc[out["source_row"].iloc[5]])
    assert out["source_row"].is_monotonic_increasing
    handan = out[out["name"] == "邯郸市"]
    assert handan["megaregion_id"].tolist() == ["BTH", "CPL"]  # table order
    assert handan["role"].tolist() == ["secondary", "secondary"]
    assigned = out[out["megaregion_id"].notna()]
    assert len(assigned) == 248  # 250 rows minus Hong Kong and Macao
    assert (assigned["role"] == "core").sum() == 35
    assert assigned.groupby("megaregion_id").size().to_dict() == {**UNITS, "PRD": 9}


def test_first_membership_gives_one_row_per_unit(attributes):
    out = mm.assign_megaregions(attributes, "adcode", multiple="first")
    assert len(out) == 370 and out["source_row"].tolist() == list(range(370))
    got = out.set_index("name").loc[sorted(FIRST), "megaregion_id"].to_dict()
    assert got == FIRST
    assert (out["megaregion_id"].notna()).sum() == 240  # 242 distinct units minus HK and Macao


def test_hong_kong_macao_left_out_unless_included(attributes):
    out = mm.assign_megaregions(attributes, "adcode")
    sar = out[out["adcode"].isin(["810000", "820000"])]
    assert len(sar) == 2 and sar["megaregion_id"].isna().all()
    prd = out[out["megaregion_id"] == "PRD"]
    assert len(prd) == 9 and set(prd.loc[prd["role"] == "core", "name"]) == {"广州市", "深圳市"}

    out = mm.assign_megaregions(attributes, "adcode", include_sar=True)
    prd = out[out["megaregion_id"] == "PRD"]
    assert len(prd) == 11
    hk = prd[prd["adcode"] == "810000"].iloc[0]
    assert hk["role"] == "secondary" and hk["uncertain"] == 1 and hk["membership_note"].startswith("FLAG:")


def test_unassigned_kept_with_missing_values_or_dropped(attributes):
    out = mm.assign_megaregions(attributes, "adcode")
    taiwan = out[out["adcode"] == "710000"]
    assert len(taiwan) == 1
    for column in ADDED[:-1]:
        assert pd.isna(taiwan[column].iloc[0]), column
    assert (out["megaregion_id"].isna()).sum() == 370 - 240
    dropped = mm.assign_megaregions(attributes, "adcode", unassigned="drop")
    assert len(dropped) == 248 and dropped["megaregion_id"].notna().all()
    assert dropped["uncertain"].dtype == "Int64"
    first = mm.assign_megaregions(attributes, "adcode", unassigned="drop", multiple="first")
    assert len(first) == 240 and first["adcode"].is_unique


def test_flagged_rows_keep_their_flag(attributes):
    out = mm.assign_megaregions(attributes, "adcode")
    flagged = out[out["uncertain"] == 1]
    # the 13 flagged rows minus the two SARs, left out by default
    assert len(flagged) == 11
    assert flagged["membership_note"].str.startswith("FLAG:").all()
    assert set(flagged["megaregion_id"]) == {"WTS", "SCL", "NXYR", "TSNS"}
    shangrao = out[out["name"] == "上饶市"].set_index("megaregion_id")["uncertain"]
    assert shangrao.to_dict() == {"MYR": 0, "WTS": 1}  # the flag is per membership
    assert out.loc[out["megaregion_id"].notna(), "uncertain"].isin([0, 1]).all()
    partial = out[out["membership"] == "partial"]
    assert len(partial) == 28 and "吉安市" in set(partial["name"])


def test_input_not_modified(attributes):
    before = attributes.copy()
    mm.assign_megaregions(attributes, "adcode", unassigned="drop")
    pd.testing.assert_frame_equal(attributes, before)


# --- keys ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    (130100, "130100"),
    (np.int64(130100), "130100"),
    (130100.0, "130100"),
    ("130100", "130100"),
    (" 130100 ", "130100"),
    ("130 100", "130100"),
    ("130100.0", "130100"),
    ("130100000000", "130100"),
    (500100, "500000"),
    ("110000", "110100"),
    ("石家庄市", None),
    (None, None),
    (float("nan"), None),
    (130100.5, None),
    ("990100", None),  # no province 99
    ("1301", None),  # a prefix, resolved only against a membership table
    (True, None),
])
def test_normalise_adcode(value, expected):
    assert mm.normalise_adcode(value) == expected


def test_key_in_any_code_form_matches():
    prefectures = pd.DataFrame({
        "code": [110100, 120100.0, " 130100 ", "500100", "1302", "460100", "450000"],
        "label": list("abcdefg"),
    })
    out = mm.assign_megaregions(prefectures, "code")
    assert out["megaregion_id"].tolist() == ["BTH", "BTH", "BTH", "CY", "BTH", "BBG", None]
    assert out.loc[3, "role"] == "core"  # Chongqing 500100 = 500000
    assert out["code"].tolist() == prefectures["code"].tolist()  # the key itself is left as given
    assert out.attrs["warnings"] == []


def test_ambiguous_prefix_and_non_codes_are_warned():
    prefectures = pd.DataFrame({"code": ["6590", "130100", "n/a", None]})
    out = mm.assign_megaregions(prefectures, "code")
    assert out["megaregion_id"].tolist() == [None, "BTH", None, None]
    warnings = " ".join(out.attrs["warnings"])
    assert "'6590'" in warnings and "several member codes" in warnings
    assert "1 value(s) of 'code' are not administrative codes" in warnings and "'n/a'" in warnings


def test_key_without_codes_is_an_error(attributes):
    with pytest.raises(ValueError, match=r"Key field 'name' holds no 6-digit administrative codes.*'北京市'.*adcode"):
        mm.assign_megaregions(attributes, "name")
    with pytest.raises(ValueError, match=r"Key field 'code' is not a column.*columns: adcode, name"):
        mm.assign_megaregions(attributes, "code")


def test_options_are_checked(attributes):
    with pytest.raises(ValueError, match="multiple='both'"):
        mm.assign_megaregions(attributes, "adcode", multiple="both")
    with pytest.raises(ValueError, match="unassigned='null'"):
        mm.assign_megaregions(attributes, "adcode", unassigned="null")


def test_existing_output_columns_are_replaced_with_a_warning(attributes):
    once = mm.assign_megaregions(attributes, "adcode", multiple="first")
    twice = mm.assign_megaregions(once, "adcode", multiple="first")
    assert list(twice.columns) == list(once.columns)
    pd.testing.assert_frame_equal(twice, once)
    assert len(twice.attrs["warnings"]) == 1
    assert "megaregion_id, megaregion, megaregion_zh, role" in twice.attrs["warnings"][0]


# --- user tables ---------------------------------------------------------------------------------

def test_user_table_with_required_columns_only():
    table = minimal_table(role=["core", "Core ", "secondary"])
    out = mm.assign_megaregions(pd.DataFrame({"adcode": ["130100", "110100", "310100"]}), "adcode", membership=table)
    assert out["role"].tolist() == ["secondary", "core", None]
    assert out["membership"].tolist() == ["full", "full", None]
    assert out["uncertain"].tolist()[:2] == [0, 0] and pd.isna(out["uncertain"].iloc[2])
    assert table["role"].tolist() == ["core", "Core ", "secondary"]  # the caller's table is untouched


def test_user_table_missing_columns():
    with pytest.raises(ValueError, match=r"lacks the column\(s\) phase, role .*add them"):
        mm.load_membership(minimal_table().drop(columns=["phase", "role"]))


@pytest.mark.parametrize("changes, message", [
    ({"role": ["core", "capital", "secondary"]}, r"neither 'core' nor 'secondary'.*'capital'"),
    ({"adcode": [110100, "Tianjin", 130100]}, r"without a valid 6-digit adcode.*'Tianjin'"),
    ({"adcode": [110100, 110100, 130100]}, r"twice in the same mega-region.*BTH"),
    ({"phase": ["optimizing", "expanding", "optimizing"]}, r"more than one phase"),
    ({"membership": ["full", "some", ""]}, r"neither 'full' nor 'partial'.*'some'"),
    ({"megaregion_id": ["BTH", "", "BTH"]}, r"empty megaregion_id"),
])
def test_user_table_errors(changes, message):
    with pytest.raises(ValueError, match=message):
        mm.load_membership(minimal_table(**changes))


def test_user_table_errors_and_warnings_in_chinese(tmp_path):
    with pytest.raises(ValueError) as excinfo:
        mm.load_membership(minimal_table(role=["core", "capital", "secondary"]))
    zh = in_language(excinfo.value, "zh")
    assert zh.startswith("城市群成员表有 1 行的 role 既不是 'core' 也不是 'secondary'（BTH ") and "'capital'" in zh
    assert "核心城市" in zh and "次级城市" in zh
    with pytest.raises(ValueError) as excinfo:
        mm.load_membership(tmp_path / "members.csv")
    assert in_language(excinfo.value, "zh") == "城市群成员表 %r 不存在：请给出 CSV 或 Excel 文件的路径。" % str(
        tmp_path / "members.csv")
    out = mm.assign_megaregions(pd.DataFrame({"code": ["130100", "n/a"]}), "code")
    assert [w.in_language("zh") for w in out.attrs["warnings"]] == [
        "'code' 中有 1 个取值不是行政区划代码，未匹配任何城市群（'n/a'）。"]


def test_user_table_from_gbk_csv_with_flags(tmp_path):
    table = minimal_table(note=["", "FLAG: unsure", "flag: also unsure"], membership=["full", "partial", ""])
    path = tmp_path / "members.csv"
    table.to_csv(path, index=False, encoding="gbk")
    loaded = mm.load_membership(path)
    assert loaded["adcode"].tolist() == ["110100", "120100", "130100"]
    assert loaded["uncertain"].tolist() == [False, True, True]
    assert loaded["membership"].tolist() == ["full", "partial", "full"]
    out = mm.assign_megaregions(pd.DataFrame({"adcode": [120100]}), "adcode", membership=str(path))
    assert out.loc[0, "uncertain"] == 1 and out.loc[0, "membership_note"] == "FLAG: unsure"


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="does not exist"):
        mm.load_membership(tmp_path / "nope.csv")


def test_bundled_path_is_the_data_file():
    assert mm.MEMBERSHIP_PATH.resolve() == MEMBERSHIP.resolve()


# --- the member set as in Du (2026) ------------------------------------------------------------
# (cores, cities) of the ordinary prefecture-level cities, as the dissertation's chapter 1 counts
# them: BTH 3/13, GBA (PRD) 2/9, Chengdu-Chongqing 2/16, Shandong Peninsula 2/16,
# central-southern Liaoning 2/9, central Shanxi 1/5.
DU_2026_SIZES = {"BTH": (3, 13), "PRD": (2, 9), "CY": (2, 16), "SDP": (2, 16), "SCL": (2, 9), "CSX": (1, 5)}
# what the plan documents name and the dissertation's sample leaves out, written out by hand
NOT_ORDINARY = {
    "MYR": {"仙桃市", "潜江市", "天门市"}, "CPL": {"济源市"}, "BBG": {"东方市", "澄迈县", "临高县", "昌江黎族自治县"},
    "TSNS": {"石河子市", "五家渠市", "胡杨河市", "昌吉回族自治州", "塔城地区", "伊犁哈萨克自治州"},
    "HC": {"延边朝鲜族自治州"}, "LX": {"临夏回族自治州", "海北藏族自治州", "海南藏族自治州", "黄南藏族自治州"},
    "CYN": {"楚雄彝族自治州", "红河哈尼族彝族自治州"}, "CGZ": {"黔东南苗族侗族自治州", "黔南布依族苗族自治州"},
    "PRD": {"香港特别行政区", "澳门特别行政区"},
}


def test_du_2026_group_sizes(table):
    members = mm.member_set(table, "du2026")
    for region, (cores, cities) in DU_2026_SIZES.items():
        group = members[members["megaregion_id"] == region]
        assert ((group["role"] == "core").sum(), len(group)) == (cores, cities), region


def test_du_2026_leaves_out_exactly_the_units_that_are_not_ordinary_cities(table):
    members = mm.member_set(table, "du2026")
    left_out = table.loc[~table.index.isin(members.index)]
    got = {r: set(g["name_zh"]) for r, g in left_out.groupby("megaregion_id")}
    assert got == NOT_ORDINARY
    assert len(members) == len(table) - sum(map(len, NOT_ORDINARY.values())) == 225
    assert (members["role"] == "core").sum() == (table["role"] == "core").sum()  # every core is a city


def test_du_2026_rule_works_without_unit_type():
    """A user table without unit_type: county-level units by their code (digits 3-4 = 90),
    autonomous prefectures by their name."""
    t = minimal_table(adcode=[110100, 429004, 222400], name_zh=["北京市", "仙桃市", "延边朝鲜族自治州"],
                      role=["core", "secondary", "secondary"])
    assert mm.member_set(t, "du2026")["name_zh"].tolist() == ["北京市"]


def test_du_2026_assignment_on_the_boundaries(attributes):
    plan = mm.assign_megaregions(attributes, "adcode")
    du = mm.assign_megaregions(attributes, "adcode", members="du2026")
    # the 23 units that are not ordinary cities keep their row without a mega-region (Hong Kong
    # and Macao are out of both sets)
    assert len(du) == len(plan)
    assert du["megaregion_id"].notna().sum() == plan["megaregion_id"].notna().sum() - 23
    per_region = du.groupby("megaregion_id")["role"].agg(lambda r: ((r == "core").sum(), len(r))).to_dict()
    assert {k: per_region[k] for k in DU_2026_SIZES} == DU_2026_SIZES
    assert du.loc[du["name"] == "仙桃市", "megaregion_id"].isna().all()


def test_member_set_options_are_checked(table):
    with pytest.raises(ValueError, match=r"members='dissertation'.*'plan'.*'du2026'"):
        mm.member_set(table, "dissertation")
    with pytest.raises(ValueError, match=r"Hong Kong and Macao cannot be included.*Du 2026.*plan documents"):
        mm.member_set(table, "du2026", include_sar=True)
