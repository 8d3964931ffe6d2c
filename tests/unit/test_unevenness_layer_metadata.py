"""The description of the mega-region layer's fields that core writes and the maps read:
one entry per field of the layer, the same as the names say, surviving JSON, and the fallback
that reads a layer without it from its field names."""
import json

import pandas as pd
import pytest

from megaregion.core.unevenness import unevenness_table
from megaregion.core.unevenness_layer import (
    field_metadata,
    field_metadata_from_names,
    layer_columns,
    layer_field_metadata,
    metadata_from_json,
    metadata_json,
    region_layer_table,
)


def _frame():
    """Two mega-regions, an indicator in three years (x) and one without a year (area)."""
    return pd.DataFrame({
        "megaregion_id": ["R1"] * 4 + ["R2"] * 4,
        "role": ["core", "core", "secondary", "secondary"] * 2,
        "x_2010": [1.0, 3.0, 2.0, 6.0, 10.0, 1.0, 2.0, 3.0],
        "x_2015": [2.0, 3.0, 2.0, 6.0, 10.0, 2.0, 2.0, 3.0],
        "x_2020": [1.0, 3.0, 4.0, 12.0, 12.0, 1.0, 2.0, 3.0],
        "area": [1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 2.0],
    })


INDICATORS = ["x_2010", "x_2015", "x_2020", "area"]


@pytest.fixture(scope="module")
def table():
    """Changes of consecutive years, as the algorithm writes them."""
    return unevenness_table(_frame(), INDICATORS, bootstrap=50, permutations=19)


def test_one_description_per_layer_field(table):
    frame, _ = region_layer_table(table, ["R1", "R2"], "theil_between", intervals=True, p_values=True)
    columns = layer_columns(table, "theil_between", intervals=True, p_values=True)
    meta = field_metadata(columns)
    assert list(meta) == list(frame.columns) == [c.field for c in columns]
    assert meta["theil_between_x_2015"] == {
        "measure": "theil_between", "indicator": "x", "year": 2015, "unit": "index",
        "name_en": "Theil T between cores and secondary cities", "indicator_en": "x",
        "name_zh": "泰尔指数组间差异", "indicator_zh": "x"}
    assert meta["theil_between_area"]["year"] is None
    # two change rows write one field: the last (2015-2020) wins it, and its years are the field's
    assert meta["theil_between_x_change"]["years"] == [2015, 2020]
    r1 = table[(table["megaregion"] == "R1") & (table["row_type"] == "change")]
    assert list(zip(r1["year1"], r1["year2"])) == [(2010, 2015), (2015, 2020)]
    assert frame.loc[0, "theil_between_x_change"] == r1.iloc[1]["theil_between"] != r1.iloc[0]["theil_between"]
    assert meta["theil_between_ci_high_x_change"]["interval"] == "high"
    assert meta["theil_between_ci_high_x_change"]["name_zh"] == "泰尔指数组间差异置信区间上限"
    assert meta["p_between_x_2020"]["unit"] == "p" and meta["p_between_x_2020"]["measure"] == "p_between"
    assert meta["change_is_clear_x_change"]["unit"] == "flag"
    # stored as JSON text and read back unchanged
    assert metadata_from_json(metadata_json(meta)) == meta
    assert json.loads(metadata_json(meta))["megaregion_fields"] == 1


def test_years_of_a_change_are_those_of_its_row():
    # pairs the names cannot tell: the description says which years the change compares
    table = unevenness_table(_frame(), INDICATORS, change_pairs=[(2015, 2020), (2010, 2020)])
    meta = field_metadata(layer_columns(table, "theil"))
    assert meta["theil_x_change"]["years"] == [2010, 2020]
    assert field_metadata_from_names(meta)["theil_x_change"]["years"] == [2015, 2020]


def test_units_of_the_headline_measures(table):
    units = {}
    for headline in ("theil", "theil_between_share", "ratio", "gnb_signed"):
        meta = field_metadata(layer_columns(table, headline))
        units[headline] = meta[f"{headline}_x_2020"]["unit"]
    assert units == {"theil": "index", "theil_between_share": "share", "ratio": "ratio", "gnb_signed": "signed"}


def test_names_read_back_give_the_same_description(table):
    # the fallback for a layer without the description agrees with the writer on every dated field
    meta = field_metadata(layer_columns(table, "theil", intervals=True, p_values=True))
    parsed = field_metadata_from_names(list(meta) + ["megaregion_id", "megaregion_zh"])
    dated = {k: v for k, v in meta.items() if v["year"] is not None}
    assert parsed == dated
    assert "theil_area" in meta and "theil_area" not in parsed  # no year: the name alone says too little
    # the longest measure wins; unknown indicators keep their key as their name
    gdp = field_metadata_from_names(["theil_between_share_gdp_pc_2010"])["theil_between_share_gdp_pc_2010"]
    assert (gdp["measure"], gdp["indicator"], gdp["indicator_en"]) == ("theil_between_share", "gdp_pc", "gdp_pc")
    # one year only: a change field has no years to name
    assert "years" not in field_metadata_from_names(["theil_popu_2020", "theil_popu_change"])["theil_popu_change"]


def test_stored_description_wins_over_the_names():
    stored = metadata_json({"my field": {"measure": "theil_between", "indicator": "popu", "year": 2020}})
    meta = layer_field_metadata(stored, ["my field", "theil_popu_2020"])
    assert list(meta) == ["my field"]
    assert meta["my field"]["indicator_en"] == "population" and meta["my field"]["unit"] == "index"
    assert list(layer_field_metadata(None, ["my field", "theil_popu_2020"])) == ["theil_popu_2020"]
    assert list(layer_field_metadata("{}", ["theil_popu_2020"])) == ["theil_popu_2020"]


@pytest.mark.parametrize("entry", [
    "text", {"indicator": "popu", "year": 2020}, {"measure": "theil", "year": 2020},
    {"measure": "theil", "indicator": "popu", "year": "2020"}, {"measure": "theil", "indicator": "popu", "year": 20.5},
    {"measure": "theil", "indicator": "popu", "year": True},
])
def test_entries_that_cannot_describe_a_field_are_left_out(entry):
    text = metadata_json({"bad": entry, "good": {"measure": "gini", "indicator": "popu", "year": "change",
                                                 "years": [2010, 2020], "unit": "nonsense", "name_en": " "}})
    meta = metadata_from_json(text)
    assert list(meta) == ["good"]
    assert meta["good"]["unit"] == "index" and meta["good"]["name_en"] == "Gini coefficient"
    assert meta["good"]["years"] == [2010, 2020]


@pytest.mark.parametrize("text", [None, "", "[]", "null", '{"megaregion_fields": 2, "fields": {}}',
                                  '{"megaregion_fields": 1, "fields": []}', "{"])
def test_text_that_is_not_a_description_is_none(text):
    assert metadata_from_json(text) is None
