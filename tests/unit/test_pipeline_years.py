"""The pipeline's default years (core.trend.common_years): every year each indicator has, at
least two; the years of YEARS as written (core.trend.parse_years)."""
import doctest

import pytest

from megaregion.core import trend
from megaregion.core.messages import in_language


def test_doctests():
    result = doctest.testmod(trend)
    assert result.failed == 0 and result.attempted >= 5


def test_common_years_are_the_intersection():
    available = {"popu": {2000, 2010, 2015, 2020}, "ntl_total_light": {2010, 2015, 2020, 2021},
                 "age_65": {2010, 2020, 2015}}
    assert trend.common_years(["popu", " ntl_total_light", "age_65", "popu"], available) == [2010, 2015, 2020]
    assert trend.common_years(["popu"], available) == [2000, 2010, 2015, 2020]


def test_fewer_than_two_common_years_name_each_indicators_years():
    with pytest.raises(ValueError) as caught:
        trend.common_years(["popu", "ntl_total_light"], {"popu": {2010, 2020}, "ntl_total_light": {2015, 2020}},
                           {"popu": "TABLE", "ntl_total_light": "NTL_RASTERS"})
    text = str(caught.value)
    assert "have 1 year(s) in common (2020)" in text
    assert "popu: 2010, 2020 (TABLE); ntl_total_light: 2015, 2020 (NTL_RASTERS)" in text
    assert "年份" in in_language(caught.value, "zh")


def test_an_indicator_without_any_year_is_named():
    with pytest.raises(ValueError, match="INDICATORS 'gdp': no field <name>_<year>"):
        trend.common_years(["popu", "gdp"], {"popu": {2010, 2020}})
    with pytest.raises(ValueError, match="INDICATORS is empty"):
        trend.common_years([" ", ""], {"popu": {2010, 2020}})


def test_years_as_written():
    assert trend.parse_years("2020; 2000 2010,2010") == [2000, 2010, 2020]
    with pytest.raises(ValueError, match="'20x0' is not a year"):
        trend.parse_years("2010, 20x0")
