import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _pkg  # noqa: E402

# `python -m pytest` puts the working directory on sys.path; when that is the repository
# root, our processing/ package would shadow QGIS's own `processing` module.
sys.path[:] = [p for p in sys.path if Path(os.path.abspath(p or os.curdir)) != _pkg.ROOT]
_pkg.ensure_importable()

# Adcode prefixes of the regional boundaries: Beijing, Tianjin, Hebei, Guangdong, Hong Kong, Macao.
REGIONAL_PROVINCES = ("11", "12", "13", "44", "81", "82")


@pytest.fixture(scope="session")
def regional_boundaries(tmp_path_factory):
    """The bundled boundaries of Beijing-Tianjin-Hebei and Guangdong with Hong Kong and Macao
    (36 prefectures, a tenth of the file), for tests of messages, contracts and layouts, which
    hold for any polygons: QGIS opens the national file in about half a second, this one at
    once. Numbers on the whole country are pinned by tests/qgis/test_regression.py."""
    from osgeo import gdal

    from data_paths import BOUNDARIES

    path = tmp_path_factory.mktemp("regional") / "regional_prefectures_gcj02.geojson"
    codes = ", ".join(f"'{p}'" for p in REGIONAL_PROVINCES)
    gdal.VectorTranslate(str(path), str(BOUNDARIES), format="GeoJSON", where=f"substr(adcode, 1, 2) IN ({codes})")
    return path
