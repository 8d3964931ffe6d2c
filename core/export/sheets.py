"""Which of the plugin's output tables a table is, the order and names of the workbook's sheets,
and the columns of each sheet.

A table is recognised by the name the pipeline gives its layer (:data:`PIPELINE_LAYERS`) or, for
a table saved anywhere else, by its columns (:func:`table_kind`). Sheets follow the analysis:
unevenness, typology, trend, then the prefectures and any other table in the order given, so a
table added later gets a sheet of its own without a change here.
"""
import re
from collections import OrderedDict
from typing import Dict, List, NamedTuple, Optional, Sequence

import pandas as pd

from ..fields import DIST_CORE_KM, MEGAREGION_ID, profile_of_fields
from ..unevenness_layer import field_metadata_from_names
from .headers import header, number_format

__all__ = ["KINDS", "PIPELINE_LAYERS", "Sheet", "table_kind", "plan_sheets", "sheet_columns", "display_width"]


class Kind(NamedTuple):
    sheet_en: str
    sheet_zh: str
    about_en: str
    about_zh: str


#: The kinds of output table, in the order of their sheets.
KINDS = OrderedDict([
    ("unevenness_table", Kind(
        "Unevenness", "不均衡测度",
        "Every measure per mega-region, indicator and year, and its change between the years, with intervals",
        "各城市群、指标和年份的全部测度及其在两年间的变化，含置信区间")),
    ("unevenness_regions", Kind(
        "Unevenness by region", "各城市群不均衡",
        "The headline measure per mega-region: one row per mega-region (the table of the map)",
        "各城市群的主要测度：每个城市群一行（地图的属性表）")),
    ("typology_cities", Kind(
        "Typology cities", "类型-次级城市",
        "Secondary cities by type of their gap to the cores, with performance and gaps",
        "按与核心城市差距划分类型的次级城市，含绩效值与差距")),
    ("typology_cores", Kind(
        "Typology cores", "类型-核心城市", "Core cities with their performance", "核心城市及其绩效值")),
    ("typology_profiles", Kind(
        "Typology profiles", "类型特征", "One row per type: size, centre of its gap profile, stability",
        "每个类型一行：城市数、差距特征中心、稳定性")),
    ("trend_cities", Kind(
        "Trend cities", "趋势-次级城市", "Secondary cities by trend of their performance between two years",
        "按两年间绩效变化划分趋势类型的次级城市")),
    ("trend_cores", Kind(
        "Trend cores", "趋势-核心城市", "Core cities with their performance and its change",
        "核心城市及其绩效值与变化")),
    ("trend_profiles", Kind(
        "Trend profiles", "趋势特征", "One row per trend: size, centre of its change profile, stability",
        "每个趋势类型一行：城市数、变化特征中心、稳定性")),
    ("spatial_cities", Kind(
        "Spatial secondary cities", "空间关系-次级城市",
        "Secondary cities with their distance to the cores, gap gradient residuals and LISA clusters",
        "次级城市及其到核心城市的距离、差距梯度残差与局部空间自相关（LISA）聚类")),
    ("spatial_table", Kind(
        "Spatial relations", "空间关系",
        "Per mega-region and indicator: gap gradient with distance, Spearman's rho, Moran's I, with intervals",
        "各城市群与指标：差距随距离的梯度、Spearman 秩相关系数、莫兰指数及其区间")),
    ("prefectures", Kind(
        "Prefectures", "地级单元", "Every prefecture with its mega-region, role and indicators",
        "各地级单元及其所属城市群、角色和指标")),
    ("unmatched", Kind(
        "Unmatched rows", "未匹配行", "Rows of the indicator table that matched no prefecture, with the reason",
        "未匹配到地级单元的指标表行及原因")),
    ("other", Kind("Table", "表", "A table of the plugin", "插件输出的表")),
])

#: The layers of the pipeline's GeoPackage by name (``processing/models.py``'s FOLDER_OUTPUTS).
PIPELINE_LAYERS = {
    "unevenness_table": "unevenness_table",
    "unevenness_megaregions": "unevenness_regions",
    "typology_secondary_cities": "typology_cities",
    "typology_core_cities": "typology_cores",
    "typology_profiles": "typology_profiles",
    "trend_secondary_cities": "trend_cities",
    "trend_core_cities": "trend_cores",
    "trend_profiles": "trend_profiles",
    "spatial_secondary_cities": "spatial_cities",
    "spatial_relations_table": "spatial_table",
    "prefectures": "prefectures",
    "unmatched_table_rows": "unmatched",
}


class Sheet(NamedTuple):
    name: str               # the sheet's name (at most 31 characters, unique)
    kind: str               # a key of KINDS
    source: str             # where the table came from (layer name, file)
    frame: pd.DataFrame     # the values, columns in sheet order
    headers: List[str]      # each column in words
    formats: List[Optional[str]]  # each column's number format (None: General)


def table_kind(name: str, columns: Sequence[str]) -> str:
    """The kind (a key of :data:`KINDS`) of table ``name`` with ``columns``.

    >>> table_kind("unevenness_table", []), table_kind("trend_profiles (2)", [])
    ('unevenness_table', 'trend_profiles')
    >>> table_kind("x", ["megaregion", "row_type", "indicator", "theil"])
    'unevenness_table'
    >>> table_kind("x", ["type", "label", "size", "trend_popu"]), table_kind("x", ["name", "type", "type_label", "gap_a"])
    ('trend_profiles', 'typology_cities')
    >>> table_kind("x", ["megaregion_id", "name", "perf_a_2020"]), table_kind("x", ["megaregion_id", "theil_a_2020"])
    ('typology_cores', 'unevenness_regions')
    >>> table_kind("x", ["megaregion_id", "indicator", "gradient", "pattern", "moran_i"])
    'spatial_table'
    >>> table_kind("x", ["a", "b"])
    'other'
    """
    base = re.split(r"[ .]", str(name).strip(), maxsplit=1)[0]  # "typology_profiles (2)", "table.csv"
    if base in PIPELINE_LAYERS:
        return PIPELINE_LAYERS[base]
    columns = [str(c) for c in columns]
    have = set(columns)
    profile_kind = profile_of_fields(columns)[0]
    if {"row_type", "indicator", "megaregion"} <= have:
        return "unevenness_table"
    if {"type", "label", "size"} <= have:
        return profile_kind + "_profiles" if profile_kind == "trend" else "typology_profiles"
    if {"type", "type_label"} <= have:
        return "trend_cities" if profile_kind == "trend" else "typology_cities"
    if any(c.startswith("perf_") for c in columns) and "type" not in have:
        return "trend_cores" if profile_kind == "trend" and any(c.startswith("trend_") for c in columns) \
            else "typology_cores"
    if {"moran_i", "pattern", "gradient"} <= have:
        return "spatial_table"
    if DIST_CORE_KM in have:
        return "spatial_cities"
    if MEGAREGION_ID in have and "name" not in have and field_metadata_from_names(columns):
        return "unevenness_regions"
    if "match_status" in have:
        return "prefectures"
    return "other"


def sheet_columns(columns: Sequence[str]) -> List[str]:
    """``columns`` in sheet order: an interval's two ends (``<m>_ci_low``, ``<m>_ci_high``)
    right after their measure ``<m>``, every other column where it was.

    >>> sheet_columns(["theil", "gini", "note", "theil_ci_low", "theil_ci_high", "gini_ci_low", "gini_ci_high"])
    ['theil', 'theil_ci_low', 'theil_ci_high', 'gini', 'gini_ci_low', 'gini_ci_high', 'note']
    """
    columns = [str(c) for c in columns]
    have = set(columns)
    ends = {}
    for c in columns:
        for end in ("_ci_low", "_ci_high"):
            if c.endswith(end) and c[: -len(end)] in have:
                ends.setdefault(c[: -len(end)], []).append(c)
    moved = {c for pair in ends.values() for c in pair}
    out = []
    for c in columns:
        if c in moved:
            continue
        out.append(c)
        out.extend(sorted(ends.get(c, ()), key=lambda e: e.endswith("_ci_high")))
    return out


_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(text: str, taken: set) -> str:
    """A sheet name Excel accepts (31 characters, none of ``[]:*?/\\``), unique among ``taken``."""
    base = _NOT_IN_SHEET_NAMES.sub("_", text).strip("'") or "Sheet"
    name, n = base[:31], 1
    while name.casefold() in taken:
        n += 1
        tail = " (%d)" % n
        name = base[: 31 - len(tail)] + tail
    taken.add(name.casefold())
    return name


def plan_sheets(tables: "Dict[str, pd.DataFrame]", lang: str = "en", reserved: Sequence[str] = ()) -> List[Sheet]:
    """The sheets of ``tables`` ({source name: table}), in the order of :data:`KINDS` (tables of
    one kind in the order given), with names in ``lang`` unique among themselves and
    ``reserved`` (the contents sheet's name). A table's geometry column (``geometry``, ``geom``)
    is left out: the workbook holds the tables, the GeoPackage the maps."""
    zh = str(lang).lower().startswith("zh")
    entries = []
    for i, (source, frame) in enumerate(tables.items()):
        kind = table_kind(source, list(frame.columns))
        entries.append((list(KINDS).index(kind), i, kind, source, frame))
    entries.sort(key=lambda e: (e[0], e[1]))
    taken = {str(r).casefold() for r in reserved}
    sheets = []
    for _order, _i, kind, source, frame in entries:
        title = KINDS[kind].sheet_zh if zh else KINDS[kind].sheet_en
        if kind == "other":
            title = re.sub(r"\.[A-Za-z0-9]+$", "", str(source))
        columns = [c for c in sheet_columns(frame.columns) if c not in ("geometry", "geom", "fid")]
        frame = frame[columns]
        sheets.append(Sheet(_sheet_name(title, taken), kind, str(source), frame,
                            [header(c, lang) for c in columns], [number_format(c) for c in columns]))
    return sheets


def display_width(text) -> int:
    """The width of ``text`` in Excel's character units: a CJK or full-width character counts two.

    >>> display_width("abc"), display_width("泰尔指数")
    (3, 8)
    """
    return sum(2 if ord(ch) >= 0x1100 and not 0xFF61 <= ord(ch) <= 0xFFDC else 1 for ch in str(text))
