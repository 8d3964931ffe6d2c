"""WGS84 <-> GCJ-02 <-> BD-09: published reference pairs, an independent scalar
implementation of the forward formula, round trips in metres (pyproj.Geod) and geometry
structure."""
import math

import numpy as np
import pytest
from data_paths import BOUNDARIES
from shapely.geometry import (
    GeometryCollection,
    LineString,
    MultiLineString,
    MultiPoint,
    MultiPolygon,
    Point,
    Polygon,
)

from megaregion.core import gcj02
from megaregion.core.messages import in_language

pyproj = pytest.importorskip("pyproj")
GEOD = pyproj.Geod(ellps="WGS84")

SYSTEMS = ("wgs84", "gcj02", "bd09")


def metres(lon1, lat1, lon2, lat2):
    _, _, d = GEOD.inv(np.ravel(lon1), np.ravel(lat1), np.ravel(lon2), np.ravel(lat2))
    return np.asarray(d)


def reference_wgs84_to_gcj02(lon, lat):
    """The published formula transcribed per point with plain math (transformLat/transformLon
    as in the Amap/eviltransform/coordtransform sources), independent of the numpy code."""
    a = 6378245.0
    ee = 0.00669342162296594323
    pi = math.pi
    x, y = lon - 105.0, lat - 35.0
    ret_lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret_lat += (20.0 * math.sin(6.0 * x * pi) + 20.0 * math.sin(2.0 * x * pi)) * 2.0 / 3.0
    ret_lat += (20.0 * math.sin(y * pi) + 40.0 * math.sin(y / 3.0 * pi)) * 2.0 / 3.0
    ret_lat += (160.0 * math.sin(y / 12.0 * pi) + 320 * math.sin(y * pi / 30.0)) * 2.0 / 3.0
    ret_lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret_lon += (20.0 * math.sin(6.0 * x * pi) + 20.0 * math.sin(2.0 * x * pi)) * 2.0 / 3.0
    ret_lon += (20.0 * math.sin(x * pi) + 40.0 * math.sin(x / 3.0 * pi)) * 2.0 / 3.0
    ret_lon += (150.0 * math.sin(x / 12.0 * pi) + 300.0 * math.sin(x / 30.0 * pi)) * 2.0 / 3.0
    radlat = lat / 180.0 * pi
    magic = 1 - ee * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (ret_lat * 180.0) / ((a * (1 - ee)) / (magic * sqrtmagic) * pi)
    dlon = (ret_lon * 180.0) / (a / sqrtmagic * math.cos(radlat) * pi)
    return lon + dlon, lat + dlat


def reference_gcj02_to_bd09(lon, lat):
    x_pi = math.pi * 3000.0 / 180.0
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * x_pi)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * x_pi)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


@pytest.fixture(scope="module")
def china_grid():
    lon, lat = np.meshgrid(np.arange(70.0, 140.0001, 0.2), np.arange(15.0, 55.0001, 0.2))
    return lon.ravel(), lat.ravel()


@pytest.fixture(scope="module")
def boundaries():
    gpd = pytest.importorskip("geopandas")
    return gpd.read_file(BOUNDARIES)


def vertices(geoms):
    return np.vstack([
        np.asarray(ring.coords)
        for multi in geoms
        for poly in multi.geoms
        for ring in [poly.exterior, *poly.interiors]
    ])


# --- published pairs and an independent implementation ----------------------------------------

# (wgs lon, wgs lat, gcj lon, gcj lat): eviltransform python/test.py (Shanghai, Shenzhen, Beijing)
# and coordtransform test/app.js (wgs84togcj02(116.404, 39.915)).
PUBLISHED_WGS_GCJ = [
    (121.5272106, 31.1774276, 121.531541859215, 31.17530398364597),
    (113.912316, 22.543847, 113.9171764808363, 22.540796131694766),
    (116.377817, 39.911954, 116.38404722455657, 39.91334545536069),
    (116.404, 39.915, 116.41024449916938, 39.91640428150164),
]


@pytest.mark.parametrize("wlon, wlat, glon, glat", PUBLISHED_WGS_GCJ)
def test_forward_matches_published_pairs(wlon, wlat, glon, glat):
    lon, lat = gcj02.wgs84_to_gcj02(wlon, wlat)
    assert lon == pytest.approx(glon, abs=1e-10)
    assert lat == pytest.approx(glat, abs=1e-10)
    back = gcj02.gcj02_to_wgs84(glon, glat)
    assert metres(*back, wlon, wlat)[0] < 0.01


def test_bd09_matches_published_pair():
    # coordtransform test/app.js: gcj02tobd09(116.404, 39.915), bd09togcj02(116.404, 39.915)
    lon, lat = gcj02.gcj02_to_bd09(116.404, 39.915)
    assert (lon, lat) == pytest.approx((116.41036949371029, 39.92133699351021), abs=1e-10)
    # The published inverse is the one-step closed form, ~5 cm off; ours is exact: it agrees
    # to 1e-6 degree and maps back onto the BD-09 input.
    lon, lat = gcj02.bd09_to_gcj02(116.404, 39.915)
    assert (lon, lat) == pytest.approx((116.39762729119315, 39.90865673957631), abs=1e-6)
    assert metres(*gcj02.gcj02_to_bd09(lon, lat), 116.404, 39.915)[0] < 0.001


def test_forward_agrees_with_scalar_reference_everywhere_in_china():
    rng = np.random.default_rng(20240601)
    lon = rng.uniform(73.0, 135.0, 400)
    lat = rng.uniform(18.0, 53.5, 400)
    got_lon, got_lat = gcj02.wgs84_to_gcj02(lon, lat)
    expected = np.array([reference_wgs84_to_gcj02(x, y) for x, y in zip(lon, lat)])
    np.testing.assert_allclose(got_lon, expected[:, 0], rtol=0, atol=1e-11)
    np.testing.assert_allclose(got_lat, expected[:, 1], rtol=0, atol=1e-11)
    bd_lon, bd_lat = gcj02.gcj02_to_bd09(lon, lat)
    expected_bd = np.array([reference_gcj02_to_bd09(x, y) for x, y in zip(lon, lat)])
    np.testing.assert_allclose(bd_lon, expected_bd[:, 0], rtol=0, atol=1e-11)
    np.testing.assert_allclose(bd_lat, expected_bd[:, 1], rtol=0, atol=1e-11)


# --- round trips in metres ---------------------------------------------------------------------

def test_round_trip_below_1cm_on_grid_across_china(china_grid):
    lon, lat = china_grid
    inside = gcj02.in_china(lon, lat)
    g_lon, g_lat = gcj02.wgs84_to_gcj02(lon, lat)
    assert metres(lon, lat, g_lon, g_lat)[inside].min() > 10  # the points really moved
    assert metres(lon, lat, *gcj02.gcj02_to_wgs84(g_lon, g_lat)).max() < 0.01
    # and the other way round: GCJ-02 grid -> WGS84 -> GCJ-02
    assert metres(lon, lat, *gcj02.wgs84_to_gcj02(*gcj02.gcj02_to_wgs84(lon, lat))).max() < 0.01


def test_bd09_round_trips_below_1cm(china_grid):
    lon, lat = china_grid
    assert metres(lon, lat, *gcj02.bd09_to_wgs84(*gcj02.wgs84_to_bd09(lon, lat))).max() < 0.01
    assert metres(lon, lat, *gcj02.wgs84_to_bd09(*gcj02.bd09_to_wgs84(lon, lat))).max() < 0.01
    assert metres(lon, lat, *gcj02.gcj02_to_bd09(*gcj02.bd09_to_gcj02(lon, lat))).max() < 0.01
    assert metres(lon, lat, *gcj02.bd09_to_gcj02(*gcj02.gcj02_to_bd09(lon, lat))).max() < 0.01


def test_round_trip_below_1cm_on_every_boundary_vertex(boundaries):
    wgs = gcj02.transform_geoseries(boundaries.geometry, "gcj02", "wgs84")
    back = gcj02.transform_geoseries(wgs, "wgs84", "gcj02")
    original, converted, restored = vertices(boundaries.geometry), vertices(wgs), vertices(back)
    assert len(original) == len(restored) > 100_000
    assert metres(original[:, 0], original[:, 1], restored[:, 0], restored[:, 1]).max() < 0.01
    # the forward image of the converted vertices is the input, vertex by vertex
    f_lon, f_lat = gcj02.wgs84_to_gcj02(converted[:, 0], converted[:, 1])
    assert metres(original[:, 0], original[:, 1], f_lon, f_lat).max() < 0.01


def test_offset_magnitude_over_china(boundaries):
    """GCJ-02 moves the bundled boundaries by at most ~0.7 km, typically 0.4-0.6 km; only in
    western Qinghai does the shift fall below 100 m."""
    xy = vertices(boundaries.geometry)
    d = metres(xy[:, 0], xy[:, 1], *gcj02.gcj02_to_wgs84(xy[:, 0], xy[:, 1]))
    assert 10 < d.min() and d.max() < 710
    assert 400 < np.median(d) < 600
    east = xy[:, 0] > 105
    assert d[east].min() > 100


# --- outside China ----------------------------------------------------------------------------

OUTSIDE = np.array([[-0.1276, 51.5072], [139.6917, 35.6895], [151.2093, -33.8688], [69.2, 41.3], [100.0, 60.0]])


@pytest.mark.parametrize("source", SYSTEMS)
@pytest.mark.parametrize("target", SYSTEMS)
def test_outside_china_kept_unchanged(source, target):
    lon, lat = gcj02.convert(OUTSIDE[:, 0], OUTSIDE[:, 1], source, target)
    np.testing.assert_array_equal(lon, OUTSIDE[:, 0])
    np.testing.assert_array_equal(lat, OUTSIDE[:, 1])


def test_outside_china_transform_applies_formula():
    lon, lat = gcj02.wgs84_to_gcj02(OUTSIDE[:, 0], OUTSIDE[:, 1], outside_china="transform")
    expected = np.array([reference_wgs84_to_gcj02(x, y) for x, y in OUTSIDE])
    np.testing.assert_allclose(lon, expected[:, 0], atol=1e-11)
    np.testing.assert_allclose(lat, expected[:, 1], atol=1e-11)
    assert np.all(lon != OUTSIDE[:, 0])
    back = gcj02.gcj02_to_wgs84(lon, lat, outside_china="transform")
    assert metres(*back, OUTSIDE[:, 0], OUTSIDE[:, 1]).max() < 0.01


def test_mixed_inside_and_outside_points():
    lon = np.array([116.404, 139.6917])
    lat = np.array([39.915, 35.6895])
    g_lon, g_lat = gcj02.wgs84_to_gcj02(lon, lat)
    assert g_lon[0] == pytest.approx(116.41024449916938, abs=1e-10)
    assert (g_lon[1], g_lat[1]) == (139.6917, 35.6895)


# --- dispatcher and array handling --------------------------------------------------------------

@pytest.mark.parametrize("source", SYSTEMS)
@pytest.mark.parametrize("target", SYSTEMS)
def test_convert_pairs_compose_consistently(source, target):
    lon, lat = np.array([116.404, 121.47, 113.26]), np.array([39.915, 31.23, 23.13])
    out = gcj02.convert(lon, lat, source, target)
    via_wgs = gcj02.convert(*gcj02.convert(lon, lat, source, "wgs84"), "wgs84", target)
    assert metres(*out, *via_wgs).max() < 0.001
    back = gcj02.convert(*out, target, source)
    assert metres(*back, lon, lat).max() < 0.01
    if source == target:
        np.testing.assert_array_equal(out[0], lon)


def test_convert_accepts_spelling_variants():
    a = gcj02.convert(116.404, 39.915, "GCJ-02", "WGS_84")
    b = gcj02.gcj02_to_wgs84(116.404, 39.915)
    assert a == b


def test_scalars_give_floats_and_arrays_keep_shape():
    lon, lat = gcj02.gcj02_to_wgs84(116.404, 39.915)
    assert isinstance(lon, float) and isinstance(lat, float)
    grid_lon, grid_lat = np.meshgrid([116.0, 117.0, 118.0], [39.0, 40.0])
    out_lon, out_lat = gcj02.gcj02_to_wgs84(grid_lon, grid_lat)
    assert out_lon.shape == (2, 3) and out_lat.shape == (2, 3)
    assert out_lon[1, 2] == gcj02.gcj02_to_wgs84(118.0, 40.0)[0]
    lon_list, _ = gcj02.wgs84_to_gcj02([116.404, 121.47], 39.915)  # broadcast scalar latitude
    assert lon_list.shape == (2,)


def test_nan_coordinates_stay_nan_and_do_not_block_others():
    lon, lat = gcj02.gcj02_to_wgs84([np.nan, 116.41024449916938], [39.9, 39.91640428150164])
    assert np.isnan(lon[0]) and np.isnan(lat[0])
    assert lon[1] == pytest.approx(116.404, abs=1e-9)


def test_inputs_not_modified():
    lon = np.array([116.404, 121.47])
    lat = np.array([39.915, 31.23])
    gcj02.gcj02_to_wgs84(lon, lat)
    gcj02.transform_geometry(Point(116.404, 39.915), "gcj02", "wgs84")
    np.testing.assert_array_equal(lon, [116.404, 121.47])
    np.testing.assert_array_equal(lat, [39.915, 31.23])


def test_errors_name_the_problem():
    with pytest.raises(ValueError, match="'utm'.*wgs84"):
        gcj02.convert(116.0, 39.0, "utm", "wgs84")
    with pytest.raises(ValueError, match="not longitude/latitude degrees.*EPSG:4326"):
        gcj02.gcj02_to_wgs84([450000.0], [4400000.0])
    with pytest.raises(ValueError, match="outside_china='drop'"):
        gcj02.wgs84_to_gcj02(116.0, 39.0, outside_china="drop")
    with pytest.raises(ValueError, match="tol"):
        gcj02.gcj02_to_wgs84(116.0, 39.0, tol=0)


def test_errors_in_chinese_name_the_value_and_the_fix():
    with pytest.raises(ValueError) as err:
        gcj02.convert(116.0, 39.0, "utm", "wgs84")
    assert in_language(err.value, "zh") == ("源坐标系 'utm' 无法识别：请使用 'wgs84'、'gcj02'（高德、腾讯）"
                                            "或 'bd09'（百度）之一。")
    with pytest.raises(ValueError) as err:
        gcj02.gcj02_to_wgs84([450000.0, 116.0], [4400000.0, 39.0])
    zh = in_language(err.value, "zh")
    assert zh.startswith("1 个坐标不是经纬度（度）") and "450000.0" in zh and "EPSG:4326" in zh


# --- geometries ---------------------------------------------------------------------------------

def test_polygon_with_hole_converts_every_ring_vertex():
    shell = [(116.0, 39.0), (117.0, 39.0), (117.0, 40.0), (116.0, 40.0), (116.0, 39.0)]
    hole = [(116.2, 39.2), (116.6, 39.2), (116.6, 39.6), (116.2, 39.2)]
    poly = Polygon(shell, [hole])
    out = gcj02.transform_geometry(poly, "gcj02", "wgs84")
    assert out.geom_type == "Polygon" and len(out.interiors) == 1
    for ring_in, ring_out in [(shell, out.exterior), (hole, out.interiors[0])]:
        xy = np.array(ring_in)
        expected = np.column_stack(gcj02.gcj02_to_wgs84(xy[:, 0], xy[:, 1]))
        np.testing.assert_array_equal(np.asarray(ring_out.coords), expected)
    assert out.is_valid
    # the shift is not a pure translation: it stretches areas by ~0.05 %, never more than 0.1 %
    assert out.area == pytest.approx(poly.area, rel=1e-3)
    assert out.area < Polygon(out.exterior).area - 0.07  # the hole (0.08 square degrees) is still cut out


def test_multipart_and_collections_keep_structure_and_z():
    p1 = Polygon([(116, 39, 10), (117, 39, 11), (117, 40, 12)],
                 [[(116.8, 39.2, 1), (116.9, 39.2, 2), (116.9, 39.3, 3)]])
    p2 = Polygon([(120, 30, 5), (121, 30, 6), (121, 31, 7)])
    multi = MultiPolygon([p1, p2])
    out = gcj02.transform_geometry(multi, "bd09", "wgs84")
    assert out.geom_type == "MultiPolygon" and len(out.geoms) == 2
    assert out.has_z and len(out.geoms[0].interiors) == 1
    z = [c[2] for c in out.geoms[0].exterior.coords]
    assert z == [10.0, 11.0, 12.0, 10.0]
    assert [c[2] for c in out.geoms[0].interiors[0].coords] == [1.0, 2.0, 3.0, 1.0]
    x, y = gcj02.bd09_to_wgs84(120.0, 30.0)
    assert out.geoms[1].exterior.coords[0] == (x, y, 5.0)

    collection = GeometryCollection([
        Point(116.404, 39.915),
        LineString([(116, 39), (117, 40)]),
        MultiPoint([(116, 39), (139.69, 35.69)]),
        MultiLineString([[(116, 39), (117, 40)], [(120, 30), (121, 31)]]),
        multi,
    ])
    out = gcj02.transform_geometry(collection, "gcj02", "wgs84")
    assert [g.geom_type for g in out.geoms] == [g.geom_type for g in collection.geoms]
    assert out.geoms[0].coords[0] == gcj02.gcj02_to_wgs84(116.404, 39.915)
    assert out.geoms[2].geoms[1].coords[0] == (139.69, 35.69)  # Tokyo: outside China, kept
    assert len(out.geoms[3].geoms) == 2


def test_none_and_empty_geometries_pass_through():
    assert gcj02.transform_geometry(None, "gcj02", "wgs84") is None
    assert gcj02.transform_geometry(Polygon(), "gcj02", "wgs84").is_empty
    out = gcj02.transform_geoseries([None, Point(116.404, 39.915), Polygon()], "gcj02", "wgs84")
    assert out[0] is None and out[2].is_empty
    assert out[1].coords[0] == gcj02.gcj02_to_wgs84(116.404, 39.915)


def test_geoseries_keeps_index_crs_and_matches_per_geometry(boundaries):
    sample = boundaries.iloc[[0, 50, 200]].set_index("adcode")
    gs = sample.geometry.rename("shape")
    before = [g.wkb for g in gs]
    out = gcj02.transform_geoseries(gs, "gcj02", "wgs84")
    assert list(out.index) == list(gs.index) and out.name == "shape"
    assert out.crs == gs.crs
    assert [g.wkb for g in gs] == before  # input untouched
    for a, b in zip(out, gs):  # one batched call gives exactly the per-geometry result
        assert a.equals_exact(gcj02.transform_geometry(b, "gcj02", "wgs84"), 0)
    frame = gcj02.transform_geoseries(sample, "gcj02", "wgs84")
    assert list(frame.columns) == list(sample.columns)
    assert frame["name"].tolist() == sample["name"].tolist()
    assert frame.geometry.iloc[1].equals_exact(out.iloc[1], 0)
    assert sample.geometry.iloc[1].wkb == before[1]
