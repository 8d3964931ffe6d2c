"""Errors of the raster reader and presets in English and Chinese (core.raster_io,
core.raster_presets): the Chinese names the value, the file and the fix as the English does."""
import pytest

from megaregion.core import raster_io
from megaregion.core.messages import in_language
from megaregion.core.raster_presets import preset


def test_unknown_preset_in_chinese_lists_the_presets():
    with pytest.raises(ValueError) as err:
        preset("viirs")
    assert str(err.value).startswith("Raster preset 'viirs' is unknown: choose one of viirs_annual, ")
    zh = in_language(err.value, "zh")
    assert zh.startswith("栅格预设 'viirs' 无法识别：请从 viirs_annual, ") and zh.endswith("中选择")


def test_degenerate_geotransform_in_chinese():
    with pytest.raises(ValueError) as err:
        ~raster_io.GeoTransform.from_gdal((100.0, 0.0, 0.0, 40.0, 0.0, 0.0))
    assert str(err.value) == ("geotransform (100.0, 0.0, 0.0, 40.0, 0.0, 0.0) is degenerate (cells of zero area): "
                              "it cannot be inverted")
    assert in_language(err.value, "zh") == "地理变换参数 (100.0, 0.0, 0.0, 40.0, 0.0, 0.0) 退化（像元面积为零）：无法求逆"


def test_a_file_gdal_cannot_open_names_it(tmp_path):
    path = tmp_path / "not_a_raster.tif"
    path.write_text("plain text", encoding="utf-8")
    with pytest.raises(raster_io.RasterIOError) as err:
        raster_io.open_raster(path)
    assert "not_a_raster.tif" in str(err.value)
