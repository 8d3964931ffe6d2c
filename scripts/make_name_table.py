"""Generate ``resources/data/names/prefecture_names.csv``: one row per unit of the bundled
boundary file, with its Chinese short name, Hanyu pinyin and usual English name(s).

Columns: ``adcode, name_zh, short_zh, pinyin, english``.

- ``short_zh``: the name without its administrative suffix (市, 地区, 盟, 林区, 县,
  特别行政区, 省) and, for autonomous prefectures and counties, without the suffix and the
  ethnic names before it (恩施土家族苗族自治州 -> 恩施), by ``core.admin.keys.chinese_stem``.
- ``pinyin``: pinyin of ``short_zh`` written as one word, first letter capitalised, with an
  apostrophe before a syllable that starts with a, o or e (Xi'an, Lu'an) and ü kept (Lüliang).
  Readings come from pypinyin's phrase dictionary; polyphonic characters whose reading in a
  place name differs are fixed by ``PINYIN_OVERRIDES`` (checked by hand).
- ``english``: the usual English name(s), several separated by ``|``; the pinyin itself when
  English uses the pinyin (most cities). Conventional forms follow common English usage
  (Hohhot, Urumqi, Lhasa, Kashgar, Hong Kong, Macao ...).

pypinyin is needed only to run this script (``.venv/bin/pip install pypinyin``); the plugin
reads the committed CSV. Run: ``.venv/bin/python scripts/make_name_table.py``.
"""
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOUNDARIES = ROOT / "resources" / "data" / "boundaries" / "china_prefectures_gcj02.geojson"
MEMBERSHIP = ROOT / "resources" / "data" / "megaregions" / "membership.csv"
OUT = ROOT / "resources" / "data" / "names" / "prefecture_names.csv"

# Readings fixed by hand: polyphonic characters read differently in these place names, and
# names where the generated reading was checked and must not drift with pypinyin versions.
PINYIN_OVERRIDES = {
    "重庆": "Chongqing",
    "长沙": "Changsha",
    "长春": "Changchun",
    "长治": "Changzhi",
    "厦门": "Xiamen",
    "蚌埠": "Bengbu",
    "六安": "Lu'an",
    "六盘水": "Liupanshui",
    "丽水": "Lishui",
    "丽江": "Lijiang",
    "乐山": "Leshan",
    "乐东": "Ledong",
    "亳州": "Bozhou",
    "东莞": "Dongguan",
    "朝阳": "Chaoyang",
    "宿州": "Suzhou",
    "宿迁": "Suqian",
    "台州": "Taizhou",
    "大理": "Dali",
    "吐鲁番": "Tulufan",
    "漯河": "Luohe",
    "澄迈": "Chengmai",
    "阿坝": "Aba",
    "阿里": "Ali",
    "阿拉善": "Alashan",
    "阿勒泰": "Aletai",
    "阿克苏": "Akesu",
    "阿拉尔": "Ala'er",
    "喀什": "Kashi",
    "济南": "Jinan",
    "济宁": "Jining",
    "济源": "Jiyuan",
    "曲靖": "Qujing",
    "屯昌": "Tunchang",
    "石嘴山": "Shizuishan",
    "铜仁": "Tongren",
    "巴音郭楞": "Bayinguoleng",
    "克孜勒苏": "Kezilesu",
    "哈尔滨": "Ha'erbin",
    "齐齐哈尔": "Qiqiha'er",
    "呼和浩特": "Huhehaote",
    "乌鲁木齐": "Wulumuqi",
    "克拉玛依": "Kelamayi",
    "巴彦淖尔": "Bayannao'er",
    "呼伦贝尔": "Hulunbei'er",
    "博尔塔拉": "Bo'ertala",
    "鄂尔多斯": "E'erduosi",
    "香港": "Xianggang",
    "澳门": "Aomen",
    "台湾": "Taiwan",
    "那曲": "Naqu",
    "昌都": "Changdu",
    "锡林郭勒": "Xilinguole",
    "日喀则": "Rikaze",
    "大兴安岭": "Daxing'anling",
}

# Usual English names where they differ from the pinyin (several separated by '|').
ENGLISH = {
    "110100": "Beijing|Peking",
    "呼和浩特": "Hohhot",
    "乌鲁木齐": "Urumqi",
    "鄂尔多斯": "Ordos",
    "克拉玛依": "Karamay",
    "齐齐哈尔": "Qiqihar",
    "哈尔滨": "Harbin",
    "拉萨": "Lhasa",
    "喀什": "Kashgar|Kashi",
    "和田": "Hotan|Hetian",
    "阿克苏": "Aksu",
    "阿勒泰": "Altay",
    "伊犁": "Ili|Yili",
    "博尔塔拉": "Bortala",
    "巴音郭楞": "Bayingolin",
    "克孜勒苏": "Kizilsu",
    "吐鲁番": "Turpan",
    "哈密": "Hami|Kumul",
    "阿拉尔": "Aral",
    "图木舒克": "Tumxuk",
    "可克达拉": "Kokdala",
    "日喀则": "Shigatse",
    "林芝": "Nyingchi",
    "昌都": "Qamdo|Chamdo",
    "那曲": "Nagqu",
    "阿里": "Ngari",
    "山南": "Shannan|Lhoka",
    "甘孜": "Garze",
    "阿坝": "Ngawa|Aba",
    "迪庆": "Deqen",
    "果洛": "Golog",
    "锡林郭勒": "Xilingol",
    "呼伦贝尔": "Hulunbuir",
    "兴安": "Hinggan",
    "阿拉善": "Alxa",
    "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab",
    "大兴安岭": "Da Hinggan Ling|Greater Khingan",
    "香港": "Hong Kong",
    "澳门": "Macao|Macau",
    "台湾": "Taiwan",
}

# English names by code where the short name alone is not a safe key: 海南 is also the
# province, so the Qinghai prefecture is "Hainan (Qinghai)" (as in membership.csv).
ENGLISH_BY_CODE = {"632500": "Hainan (Qinghai)"}


def import_keys():
    """core.admin.keys of this checkout, imported as the package ``megaregion``."""
    sys.path.insert(0, str(ROOT / "tests"))
    import _pkg

    _pkg.ensure_importable()
    from megaregion.core.admin import keys

    return keys


def pinyin_of(short):
    """Pinyin of a short Chinese name as one capitalised word with syllable apostrophes."""
    if short in PINYIN_OVERRIDES:
        return PINYIN_OVERRIDES[short]
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(short, style=Style.NORMAL, v_to_u=True, errors="ignore")
    word = ""
    for i, s in enumerate(syllables):
        if i and s[:1] in ("a", "o", "e"):
            word += "'"
        word += s
    return word[:1].upper() + word[1:]


def main():
    chinese_stem = import_keys().chinese_stem
    features = json.loads(BOUNDARIES.read_text(encoding="utf-8"))["features"]
    rows = []
    for f in sorted(features, key=lambda f: f["properties"]["adcode"]):
        code = f["properties"]["adcode"]
        name = f["properties"]["name"]
        short = chinese_stem(name)
        if short.endswith("省"):  # 台湾省: the province-level unit itself
            short = short[:-1]
        pinyin = pinyin_of(short)
        english = ENGLISH_BY_CODE.get(code) or ENGLISH.get(code) or ENGLISH.get(short) or pinyin
        rows.append({"adcode": code, "name_zh": name, "short_zh": short, "pinyin": pinyin, "english": english})

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["adcode", "name_zh", "short_zh", "pinyin", "english"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT.relative_to(ROOT)}")

    # Cross-check with the name_en column of the membership table (pinyin of short names,
    # conventional English forms for a few cities).
    by_code = {r["adcode"]: r for r in rows}
    with MEMBERSHIP.open(encoding="utf-8") as fh:
        seen = set()
        for m in csv.DictReader(fh):
            r = by_code[m["adcode"]]
            if m["adcode"] in seen:
                continue
            seen.add(m["adcode"])
            known = {r["pinyin"].lower(), *(e.lower() for e in r["english"].split("|"))}
            if m["name_en"].lower() not in known:
                print(f"differs from membership.csv: {r['adcode']} {r['name_zh']} pinyin={r['pinyin']} "
                      f"english={r['english']} membership={m['name_en']}")


if __name__ == "__main__":
    main()
