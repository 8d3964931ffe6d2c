"""Zonal statistics engine (core/zonal/): analytic cases, agreement with exactextract (exact
mode) and rasterstats (centre / all-touched modes), product presets, bad input.

Rasters are written with GDAL's bindings (gdal_fixtures), so these tests run where QGIS's
Python has neither rasterio nor geopandas."""

import numpy as np
import pandas as pd
import pytest
from pyproj import CRS, Geod, Transformer
from shapely import affinity
from shapely.ops import unary_union
from shapely.geometry import MultiPolygon, Polygon, box

from data_paths import BOUNDARIES, DATA, LANDCOVER, NDVI
from gdal_fixtures import from_origin, raster_info, read_polygons, write_raster
from megaregion.core import zonal
from megaregion.core.messages import in_language
from megaregion.core.raster_presets import PRESETS, preset
from megaregion.core.zonal import (
    STATUS_COLUMN,
    ZonalCancelled,
    ZonalStatisticsError,
    zonal_statistics,
)
from megaregion.core.zonal import accumulate, cell_area, engine, quantiles, reader
from megaregion.core.zonal.quantiles import weighted_percentiles
from peers import require

LONLAT = dict(crs="EPSG:4326", transform=from_origin(110.0, 35.0, 0.05, 0.05))
UTM = dict(crs="EPSG:32650", transform=from_origin(400_000.0, 3_500_000.0, 250.0, 250.0))
H, W = 60, 80
NTL_SAMPLE = DATA / "ntl_sample"


def to_world(geom, transform):
    """Pixel-space geometry -> map coordinates of the grid."""
    t = transform
    return affinity.affine_transform(geom, [t.a, t.b, t.d, t.e, t.c, t.f])


def map_coordinates(geom, fn):
    """(Multi)polygon with fn(x, y) -> (x', y') applied to every vertex."""
    if geom.geom_type == "MultiPolygon":
        return MultiPolygon([map_coordinates(g, fn) for g in geom.geoms])

    def ring(r):
        x, y = fn(*np.asarray(r.coords).T)
        return np.column_stack([x, y])

    return Polygon(ring(geom.exterior), [ring(h) for h in geom.interiors])


def pixel_polygons(seed, n=14, height=H, width=W):
    """Random star-shaped polygons (some with holes, some multi-part, some tiny) in pixel space."""
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < n:
        cx, cy = rng.uniform(-3, width + 3), rng.uniform(-3, height + 3)
        k = int(rng.integers(3, 12))
        ang = np.sort(rng.uniform(0, 2 * np.pi, k))
        rad = rng.uniform(0.2, 14, k)
        p = Polygon(np.c_[cx + rad * np.cos(ang), cy + rad * np.sin(ang)]).buffer(0)
        if p.is_empty or p.geom_type != "Polygon":
            continue
        if len(out) % 3 == 0 and p.area > 4:
            p = p.difference(p.centroid.buffer(max(0.3, rad.min() * 0.4)))
        if len(out) % 4 == 1:
            p = unary_union([p, box(cx + 20.3, cy + 2.1, cx + 21.9, cy + 3.7)])
        out.append(p)
    out += [box(10.2, 20.3, 10.5, 20.45), box(30.5, 5.0, 31.0, 6.0)]  # sub-cell, half a cell
    return out


def ramp(height=H, width=W, a=2.0, bx=0.25, by=-0.5):
    rows, cols = np.mgrid[0:height, 0:width]
    return (a + bx * (cols + 0.5) + by * (rows + 0.5)).astype(np.float32)


# ----------------------------------------------------------------------------------------------
# analytic cases


@pytest.mark.parametrize("grid", [LONLAT, UTM], ids=["lonlat", "utm"])
@pytest.mark.parametrize("mode", ["exact", "center", "all_touched"])
def test_constant_raster_gives_the_constant(tmp_path, grid, mode):
    path = write_raster(tmp_path / "c.tif", np.full((H, W), 7.25, np.float32), **grid)
    polys = [to_world(p, grid["transform"]) for p in pixel_polygons(1)]
    df = zonal_statistics(polys, path, ["mean", "min", "max", "std", "median"], crs=grid["crs"], coverage=mode)
    ok = df[STATUS_COLUMN].str.startswith("ok") | df[STATUS_COLUMN].str.contains("partly outside")
    assert ok.sum() >= 10
    for s in ("mean", "min", "max", "median"):
        np.testing.assert_allclose(df.loc[ok, f"c_{s}"], 7.25, rtol=1e-12)
    # std comes from running moments in float64: exact to about sqrt(machine eps) x |value|
    np.testing.assert_allclose(df.loc[ok, "c_std"], 0.0, atol=1e-7)


@pytest.mark.parametrize("grid", [LONLAT, UTM], ids=["lonlat", "utm"])
def test_exact_count_is_the_polygon_area_in_cells(tmp_path, grid):
    path = write_raster(tmp_path / "c.tif", np.ones((H, W), np.float32), **grid)
    pix = [p for p in pixel_polygons(2) if box(0, 0, W, H).contains(p)]
    df = zonal_statistics([to_world(p, grid["transform"]) for p in pix], path, ["count", "sum"], crs=grid["crs"])
    np.testing.assert_allclose(df["c_count"], [p.area for p in pix], rtol=1e-9)
    np.testing.assert_allclose(df["c_sum"], [p.area for p in pix], rtol=1e-9)
    assert (df[STATUS_COLUMN] == "ok").all()


def test_linear_ramp_gives_the_centroid_value(tmp_path):
    path = write_raster(tmp_path / "r.tif", ramp(), **UTM)
    # unions of whole cells: the coverage-weighted mean of a linear field is its value at the centroid
    blocks = [box(3, 4, 9, 12), box(20, 30, 45, 33).union(box(40, 10, 45, 33)), box(60, 40, 79, 59).difference(box(65, 45, 70, 50))]
    df = zonal_statistics([to_world(p, UTM["transform"]) for p in blocks], path, ["mean"], crs=UTM["crs"])
    expected = [2.0 + 0.25 * p.centroid.x - 0.5 * p.centroid.y for p in blocks]
    np.testing.assert_allclose(df["r_mean"], expected, rtol=1e-12)
    # any polygon on a fine grid: within half a cell's value step (0.01 + 0.02) / 2, the most a
    # partly covered cell's centre value can differ from the field over its covered part
    fine = ramp(600, 800, a=0.0, bx=0.01, by=0.02)
    fine_path = write_raster(tmp_path / "fine.tif", fine, crs="EPSG:32650", transform=from_origin(400_000.0, 3_500_000.0, 25.0, 25.0))
    polys = [affinity.scale(p, 10, 10, origin=(0, 0)) for p in pixel_polygons(3) if box(0, 0, W, H).contains(p)]
    t = from_origin(400_000.0, 3_500_000.0, 25.0, 25.0)
    df = zonal_statistics([to_world(p, t) for p in polys], fine_path, ["mean"], crs="EPSG:32650", labels=["f"])
    expected = [0.01 * p.centroid.x + 0.02 * p.centroid.y for p in polys]
    np.testing.assert_allclose(df["f_mean"], expected, atol=0.015)


def test_half_covered_cell_counts_one_half(tmp_path):
    data = np.zeros((H, W), np.float32)
    data[5, 30] = 8.0
    path = write_raster(tmp_path / "h.tif", data, **UTM)
    half = to_world(box(30.0, 5.0, 30.5, 6.0), UTM["transform"])
    df = zonal_statistics([half], path, ["count", "sum", "mean", "min", "max"], crs=UTM["crs"])
    assert df.loc[0, "h_count"] == pytest.approx(0.5, rel=1e-12)
    assert df.loc[0, "h_sum"] == pytest.approx(4.0, rel=1e-12)
    assert df.loc[0, ["h_mean", "h_min", "h_max"]].tolist() == pytest.approx([8.0, 8.0, 8.0])


def test_polygon_smaller_than_a_cell_gets_a_value_in_exact_mode_only(tmp_path):
    path = write_raster(tmp_path / "r.tif", ramp(), **LONLAT)
    tiny = to_world(box(10.2, 20.3, 10.5, 20.45), LONLAT["transform"])
    exact = zonal_statistics([tiny], path, ["count", "mean"], crs="EPSG:4326")
    assert exact.loc[0, "r_count"] == pytest.approx(0.045, rel=1e-9)
    assert exact.loc[0, "r_mean"] == pytest.approx(ramp()[20, 10])
    center = zonal_statistics([tiny], path, ["count", "mean"], crs="EPSG:4326", coverage="center")
    assert center.loc[0, "r_count"] == 0 and np.isnan(center.loc[0, "r_mean"])
    assert "no cell centre inside" in center.loc[0, STATUS_COLUMN]


def test_weighted_percentiles_definition():
    # equal weights: numpy's linear percentile
    rng = np.random.default_rng(0)
    x = rng.normal(size=57)
    got = weighted_percentiles(np.zeros(57), x, np.ones(57), [0.0, 0.1, 0.5, 0.975, 1.0], 1)
    np.testing.assert_allclose([g[0] for g in got], np.percentile(x, [0, 10, 50, 97.5, 100]), rtol=1e-12)
    # worked example: values 1, 2, 3 with weights 1, 2, 1; n = 3, cumulative weights C = 1, 3, 4;
    # s_k = (k-1) w_k + (n-1) C_(k-1) = 0, 4, 8 and S = (n-1) sum(w) = 8
    got = weighted_percentiles(np.zeros(3), [3.0, 1.0, 2.0], [1.0, 1.0, 2.0], [0.25, 0.5, 0.75], 1)
    # q=0.25: h=2 -> 1 + 2/4 = 1.5; q=0.5: h=4 -> 2; q=0.75: h=6 -> 2 + (6-4)/(8-4) = 2.5
    np.testing.assert_allclose([g[0] for g in got], [1.5, 2.0, 2.5])
    # groups are independent; a group without weight is NaN
    got = weighted_percentiles([0, 0, 2, 2, 2], [1.0, 5.0, 1.0, 2.0, 3.0], [1, 1, 1, 1, 0], [0.5], 4)[0]
    assert got[0] == 3.0 and got[2] == 1.5 and np.isnan(got[1]) and np.isnan(got[3])


# ----------------------------------------------------------------------------------------------
# agreement with exactextract and rasterstats


def _random_raster(seed, height=H, width=W, nodata_share=0.08):
    rng = np.random.default_rng(seed)
    data = (rng.gamma(2.0, 10.0, size=(height, width)) + 0.5).astype(np.float32)
    data[rng.random((height, width)) < nodata_share] = -9999.0
    return data


@pytest.mark.parametrize("grid", [LONLAT, UTM], ids=["lonlat", "utm"])
@pytest.mark.parametrize("percentiles_by", ["sorting", "selection from disk"])
def test_exact_mode_agrees_with_exactextract(tmp_path, grid, percentiles_by, monkeypatch):
    ee = require("exactextract")
    if percentiles_by == "selection from disk":
        monkeypatch.setattr(accumulate, "QUANTILE_MEMORY_BYTES", 1)
        monkeypatch.setattr(quantiles, "SORT_CELLS", 0)
    path = write_raster(tmp_path / "v.tif", _random_raster(5), nodata=-9999.0, blocksize=16, **grid)
    gpd = require("geopandas")  # exactextract's input
    polys = [to_world(p, grid["transform"]) for p in pixel_polygons(11, n=24)]
    gdf = gpd.GeoDataFrame({"id": range(len(polys))}, geometry=polys, crs=grid["crs"])
    stats = ["count", "sum", "mean", "min", "max", "std", "p25", "median", "p90"]
    ours = zonal_statistics(gdf, path, stats)
    # the vocabulary names exactextract's operation for each statistic
    operations = [zonal.exactextract_operation(s) for s in stats]
    assert operations[5:7] == ["stdev", "quantile(q=0.25)"]
    theirs = ee.exact_extract(path, gdf, operations, output="pandas")
    has = theirs["count"].to_numpy() > 0
    assert has.sum() >= 20

    def their_column(op):  # quantile(q=0.25) -> quantile_25
        return f"quantile_{float(op[len('quantile(q='):-1]) * 100:g}" if op.startswith("quantile(") else op

    pairs = [(s, their_column(op)) for s, op in zip(stats, operations)]
    for a, b in pairs:
        np.testing.assert_allclose(ours[f"v_{a}"].to_numpy()[has], theirs[b].to_numpy(float)[has], rtol=1e-6,
                                   err_msg=a)
    assert ours.loc[~has, "v_mean"].isna().all()


def test_exact_mode_agrees_with_exactextract_on_bundled_land_cover():
    ee = require("exactextract")
    gpd = require("geopandas")
    gdf = gpd.read_file(BOUNDARIES)
    raster_wkt, t, _ = raster_info(LANDCOVER)
    gdf_r = gdf.set_crs(raster_wkt, allow_override=True)  # the raster's lon/lat WKT, same numbers
    cell_area = abs(t.a * t.e)
    ours = zonal_statistics(gdf_r, LANDCOVER, ["count", "sum", "mean", "frac_13"], labels=["lc"])
    theirs = ee.exact_extract(LANDCOVER, gdf_r, ["count", "sum", "mean", "frac", "unique"], output="pandas")
    # the raster has no nodata inside China: the weighted count is the polygon's area in cells
    np.testing.assert_allclose(ours["lc_count"], gdf.geometry.area / cell_area, rtol=1e-9)
    built = np.array([dict(zip(u, f)).get(13, 0.0) for u, f in zip(theirs["unique"], theirs["frac"])])
    same = np.isclose(ours["lc_count"], theirs["count"], rtol=1e-6)
    # exactextract 0.3.0 drops one interior cell of Hefei (shapely: fraction 1.0); the area check
    # above arbitrates, every other prefecture must agree
    assert (~same).sum() <= 1, gdf.loc[~same, "name"].tolist()
    for a, b in [("count", theirs["count"]), ("sum", theirs["sum"]), ("mean", theirs["mean"]), ("frac_13", built)]:
        np.testing.assert_allclose(ours.loc[same, f"lc_{a}"], np.asarray(b, float)[same], rtol=1e-6, err_msg=a)


@pytest.mark.parametrize("all_touched", [False, True])
def test_center_and_all_touched_agree_with_rasterstats(tmp_path, all_touched):
    rs = require("rasterstats")
    path = write_raster(tmp_path / "v.tif", _random_raster(8), nodata=-9999.0, **UTM)
    # keep edges off grid lines, where GDAL versions disagree for all_touched
    polys = [to_world(p, UTM["transform"]) for p in pixel_polygons(12, n=20)[:-1]]
    mode = "all_touched" if all_touched else "center"
    ours = zonal_statistics(polys, path, ["count", "sum", "mean", "min", "max", "std", "median", "p10", "p90"],
                            crs=UTM["crs"], coverage=mode)
    theirs = pd.DataFrame(rs.zonal_stats(polys, path, stats="count sum mean min max std median percentile_10 percentile_90",
                                         all_touched=all_touched))
    has = theirs["count"].to_numpy() > 0
    assert has.sum() >= 15
    np.testing.assert_array_equal(ours["v_count"].to_numpy()[has], theirs["count"].to_numpy()[has])
    for a, b in [("sum", "sum"), ("mean", "mean"), ("min", "min"), ("max", "max"), ("std", "std"),
                 ("median", "median"), ("p10", "percentile_10"), ("p90", "percentile_90")]:
        np.testing.assert_allclose(ours[f"v_{a}"].to_numpy()[has], theirs[b].to_numpy(float)[has], rtol=1e-6, err_msg=a)


def test_bundled_land_cover_built_up_share_ranking():
    geoms, crs, cols = read_polygons(BOUNDARIES, "name")
    names = pd.Series(cols["name"])
    df = zonal_statistics(geoms, LANDCOVER, ["frac_13"], crs=crs, coverage="center", labels=["lc"])
    top = df.assign(name=names).sort_values("lc_frac_13", ascending=False).head(5)
    assert top["name"].tolist() == ["东莞市", "深圳市", "佛山市", "中山市", "上海市"]
    np.testing.assert_allclose(top["lc_frac_13"], [0.77, 0.59, 0.49, 0.45, 0.44], atol=0.005)
    exact = zonal_statistics(geoms, LANDCOVER, ["frac_13", "count"], crs=crs, labels=["lc"])
    assert exact.assign(name=names).sort_values("lc_frac_13").iloc[-1]["name"] == "东莞市"
    # no nodata inside China: the exact weighted count is each polygon's area in 0.05° cells
    areas = np.array([g.area for g in geoms]) / 0.05**2
    np.testing.assert_allclose(exact["lc_count"], areas, rtol=1e-9)


def test_bundled_ndvi_without_nodata_tag_needs_the_valid_range():
    geoms, crs, cols = read_polygons(BOUNDARIES, "name")
    raw = zonal_statistics(geoms, NDVI, ["max"], crs=crs, labels=["ndvi"])
    assert raw["ndvi_max"].max() == pytest.approx(99999.0)  # ocean fill leaks in without a valid range
    df = zonal_statistics(geoms, NDVI, ["mean", "min", "max", "valid_fraction"], crs=crs, preset="ndvi_float",
                          labels=["ndvi"])
    assert df["ndvi_max"].max() <= 0.9 + 1e-6 and df["ndvi_min"].min() >= -0.1 - 1e-6
    # coastal city: part of its cells are ocean fill, so valid_fraction < 1 and mean stays an NDVI
    coastal = df.loc[np.asarray(cols["name"]) == "舟山市"].iloc[0]
    assert 0 < coastal["ndvi_valid_fraction"] < 1 and -0.1 <= coastal["ndvi_mean"] <= 0.9
    assert (df[STATUS_COLUMN] == "ok").sum() >= 360


# ----------------------------------------------------------------------------------------------
# status, several rasters, bands


def test_status_explains_missing_values(tmp_path):
    data = np.full((H, W), 3.0, np.float32)
    data[:10, :10] = -9999.0
    path = write_raster(tmp_path / "s.tif", data, nodata=-9999.0, **UTM)
    t = UTM["transform"]
    polys = [to_world(box(2, 2, 6, 6), t), to_world(box(200, 200, 210, 210), t),
             to_world(box(-5, 20, 5, 30), t), None, to_world(box(20, 20, 30, 30), t)]
    df = zonal_statistics(polys, path, ["count", "mean", "valid_fraction"], crs=UTM["crs"])
    assert df[STATUS_COLUMN].tolist() == [
        "s: no valid cells (only nodata)",
        "s: outside raster",
        "s: partly outside raster (statistics of the inside part)",
        "empty geometry",
        "ok",
    ]
    assert df["s_count"].tolist()[:1] == [0.0] and np.isnan(df["s_count"].iloc[1])
    assert df["s_mean"].isna().tolist() == [True, True, False, True, False]
    assert df.loc[2, "s_count"] == pytest.approx(50.0) and df.loc[0, "s_valid_fraction"] == 0.0
    for mode in ("center", "all_touched"):  # the same reasons whatever the coverage rule
        other = zonal_statistics(polys, path, ["count", "mean"], crs=UTM["crs"], coverage=mode)
        assert other[STATUS_COLUMN].tolist() == df[STATUS_COLUMN].tolist(), mode
    # a polygon touching the raster's edge from inside is not partly outside
    edge = zonal_statistics([to_world(box(0, 0, W, 5), t)], path, ["count"], crs=UTM["crs"], coverage="center")
    assert edge[STATUS_COLUMN].tolist() == ["ok"]


def test_several_rasters_equal_single_runs(tmp_path):
    polys = [to_world(p, LONLAT["transform"]) for p in pixel_polygons(21)]
    paths = [write_raster(tmp_path / f"ntl_{y}.tif", _random_raster(y), nodata=-9999.0, **LONLAT) for y in (2019, 2020, 2021)]
    together = zonal_statistics(polys, paths, ["sum", "mean", "p50"], crs="EPSG:4326")
    assert [c for c in together.columns][:3] == ["ntl_2019_sum", "ntl_2019_mean", "ntl_2019_p50"]
    for p in paths:
        alone = zonal_statistics(polys, p, ["sum", "mean", "p50"], crs="EPSG:4326")
        for c in alone.columns.drop(STATUS_COLUMN):
            np.testing.assert_array_equal(together[c], alone[c])


def test_multiband_each_mean_and_max(tmp_path):
    rng = np.random.default_rng(3)
    stack = rng.integers(-2000, 10000, size=(4, H, W)).astype(np.int16)
    stack[1, :20, :] = -3000  # a cloudy month
    path = write_raster(tmp_path / "ndvi.tif", stack, nodata=-3000, **UTM)
    polys = [to_world(p, UTM["transform"]) for p in pixel_polygons(4)]
    each = zonal_statistics(polys, path, ["mean"], crs=UTM["crs"], preset="modis_ndvi_int16")
    assert [c for c in each.columns] == ["ndvi_b1_mean", "ndvi_b2_mean", "ndvi_b3_mean", "ndvi_b4_mean", STATUS_COLUMN]
    chosen = zonal_statistics(polys, path, ["mean"], crs=UTM["crs"], preset="modis_ndvi_int16", bands=[3])
    np.testing.assert_array_equal(chosen["ndvi_b3_mean"], each["ndvi_b3_mean"])
    # reference composites written as float rasters
    phys = np.where(stack == -3000, np.nan, stack * 0.0001)
    with np.errstate(all="ignore"):
        mean_ref = np.nanmean(phys, axis=0)
    max_ref = np.nanmax(phys, axis=0)
    mean_path = write_raster(tmp_path / "m.tif", mean_ref, **UTM)
    max_path = write_raster(tmp_path / "x.tif", max_ref, **UTM)
    comp_mean = zonal_statistics(polys, path, ["mean", "max"], crs=UTM["crs"], preset="modis_ndvi_int16", bands="mean")
    comp_max = zonal_statistics(polys, path, ["mean", "min"], crs=UTM["crs"], preset="modis_ndvi_int16", bands="max")
    ref_mean = zonal_statistics(polys, mean_path, ["mean", "max"], crs=UTM["crs"])
    ref_max = zonal_statistics(polys, max_path, ["mean", "min"], crs=UTM["crs"])
    np.testing.assert_allclose(comp_mean[["ndvi_bmean_mean", "ndvi_bmean_max"]], ref_mean[["m_mean", "m_max"]], rtol=1e-12)
    np.testing.assert_allclose(comp_max[["ndvi_bmax_mean", "ndvi_bmax_min"]], ref_max[["x_mean", "x_min"]], rtol=1e-12)


def test_streaming_in_small_strips_gives_the_same_result(tmp_path, monkeypatch):
    path = write_raster(tmp_path / "v.tif", _random_raster(9, 200, 150), nodata=-9999.0, blocksize=16,
                        crs="EPSG:32650", transform=UTM["transform"])
    polys = [to_world(affinity.scale(p, 2.5, 3.3, origin=(0, 0)), UTM["transform"]) for p in pixel_polygons(9)]
    stats = ["count", "sum", "mean", "min", "max", "std", "p5", "median", "valid_fraction"]
    whole = zonal_statistics(polys, path, stats, crs=UTM["crs"])
    monkeypatch.setattr(reader, "STRIP_BYTES", 1)
    monkeypatch.setattr(engine, "BLOCK_CELLS", 37)
    strips = zonal_statistics(polys, path, stats, crs=UTM["crs"])
    pd.testing.assert_frame_equal(strips, whole, rtol=1e-10, check_exact=False)


def test_percentiles_spilled_to_disk_give_the_same_result(tmp_path, monkeypatch):
    path = write_raster(tmp_path / "v.tif", _random_raster(4, 200, 150), nodata=-9999.0, blocksize=16,
                        crs="EPSG:32650", transform=UTM["transform"])
    polys = [to_world(affinity.scale(p, 2.5, 3.3, origin=(0, 0)), UTM["transform"]) for p in pixel_polygons(4)]
    stats = ["p1", "p10", "median", "p97.5", "p100"]
    in_memory = zonal_statistics(polys, path, stats, crs=UTM["crs"])
    spill_root = tmp_path / "spill"
    spill_root.mkdir()
    monkeypatch.setattr(quantiles.tempfile, "tempdir", str(spill_root))
    monkeypatch.setattr(reader, "STRIP_BYTES", 1)
    monkeypatch.setattr(accumulate, "QUANTILE_MEMORY_BYTES", 1)  # every strip's cells go to disk
    monkeypatch.setattr(quantiles, "SORT_CELLS", 0)  # every polygon by selection
    monkeypatch.setattr(quantiles, "CHUNK_CELLS", 100)
    made = []
    mkdtemp = quantiles.tempfile.mkdtemp
    monkeypatch.setattr(quantiles.tempfile, "mkdtemp", lambda **kw: made.append(mkdtemp(**kw)) or made[-1])
    spilled = zonal_statistics(polys, path, stats, crs=UTM["crs"])
    pd.testing.assert_frame_equal(spilled, in_memory, rtol=1e-10, check_exact=False)
    assert made and list(spill_root.iterdir()) == []  # temporary files removed
    calls, before = [], len(made)
    with pytest.raises(ZonalCancelled):
        zonal_statistics(polys, path, stats, crs=UTM["crs"], is_cancelled=lambda: calls.append(1) or len(calls) > 6)
    assert len(made) > before and list(spill_root.iterdir()) == []  # also when cancelled


# ----------------------------------------------------------------------------------------------
# night lights, presets, cell areas


def test_lonlat_cell_area_matches_geodesic_cell_polygons():
    crs = CRS.from_epsg(4326)
    t = from_origin(73.0, 54.0, 1 / 240, 1 / 240)  # 15 arc-seconds
    rows = np.array([0.0, 2000.0, 9000.0])
    areas = cell_area.cell_area_rows_km2(crs, t, rows)
    geod = Geod(ellps="WGS84")
    for r, a in zip(rows, areas):
        lat0, lat1 = t.f + t.e * r, t.f + t.e * (r + 1)
        # cell as a geodesic polygon with dense parallels (geodesic edges along parallels would bulge)
        lons = np.linspace(73.0, 73.0 + 1 / 240, 50)
        ring_lon = np.r_[lons, lons[::-1]]
        ring_lat = np.r_[np.full(50, lat0), np.full(50, lat1)]
        ref = abs(geod.polygon_area_perimeter(ring_lon, ring_lat)[0]) / 1e6
        assert a == pytest.approx(ref, rel=1e-6)
    # whole globe in 1-degree rows: 4 pi R_authalic^2 = 510,065,622 km2 (WGS84)
    world = cell_area.cell_area_rows_km2(crs, from_origin(-180, 90, 1.0, 1.0), np.arange(180.0)).sum() * 360
    assert world == pytest.approx(510_065_621.7, rel=1e-9)


def test_projected_cell_area_uses_the_areal_scale():
    crs = CRS.from_epsg(32650)
    t = from_origin(200_000.0, 4_400_000.0, 1000.0, 1000.0)
    area = cell_area.CellArea(crs, t, 300, 400).block(100, 103, 5, 395)
    to_geo = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    geod = Geod(ellps="WGS84")
    for r, c in [(101, 5), (102, 200), (100, 394)]:
        xs = [t.c + c * 1000.0, t.c + (c + 1) * 1000.0, t.c + (c + 1) * 1000.0, t.c + c * 1000.0]
        ys = [t.f - r * 1000.0, t.f - r * 1000.0, t.f - (r + 1) * 1000.0, t.f - (r + 1) * 1000.0]
        lon, lat = to_geo.transform(xs, ys)
        ref = abs(geod.polygon_area_perimeter(lon, lat)[0]) / 1e6
        assert area[r - 100, c - 5] == pytest.approx(ref, rel=2e-5)
    assert area[0, 0] != pytest.approx(1.0, rel=1e-4)  # far from the central meridian: not nominal


def test_dmsp_lit_area_ratio_and_cnli(tmp_path):
    dn = np.zeros((H, W), np.uint8)
    dn[10:20, 10:30] = 40  # lit
    dn[10:20, 30:40] = 5  # dim, below the threshold
    dn[30:40, 10:20] = 63
    dn[0:5, :] = 255  # no data
    path = write_raster(tmp_path / "F182013.tif", dn, nodata=None, **LONLAT)
    t = LONLAT["transform"]
    polys = [to_world(box(5, 5, 45, 45), t), to_world(box(10, 10, 20, 20), t), to_world(box(30, 30, 40, 40), t)]
    df = zonal_statistics(polys, path, ["total_light", "lit_area_km2", "lit_ratio", "cnli", "count"],
                          crs="EPSG:4326", preset="dmsp_ols", labels=["dmsp"])
    areas = cell_area.cell_area_rows_km2(CRS.from_epsg(4326), t, np.arange(H, dtype=float))
    lit_area = areas[10:20].sum() * 20 + areas[30:40].sum() * 10
    valid_area = areas[5:45].sum() * 40
    assert df.loc[0, "dmsp_total_light"] == 40 * 200 + 5 * 100 + 63 * 100
    assert df.loc[0, "dmsp_lit_area_km2"] == pytest.approx(lit_area, rel=1e-12)
    assert df.loc[0, "dmsp_lit_ratio"] == pytest.approx(lit_area / valid_area, rel=1e-12)
    intensity = (40 * 200 + 63 * 100) / (300 * 63)
    assert df.loc[0, "dmsp_cnli"] == pytest.approx(intensity * lit_area / valid_area, rel=1e-12)
    assert df.loc[1, "dmsp_cnli"] == pytest.approx(40 / 63, rel=1e-12)  # fully lit: S = 1
    assert df.loc[2, "dmsp_lit_ratio"] == 0.0 and df.loc[2, "dmsp_cnli"] == 0.0


def test_viirs_negative_radiance_is_set_to_zero_and_can_be_capped(tmp_path):
    rad = np.full((H, W), -0.3, np.float32)
    rad[20:30, 20:30] = 500.0
    rad[20:30, 30:40] = 12.0
    path = write_raster(tmp_path / "viirs.tif", rad, **UTM)
    poly = [to_world(box(15, 15, 45, 35), UTM["transform"])]
    df = zonal_statistics(poly, path, ["sum", "min"], crs=UTM["crs"], preset="viirs_annual")
    assert df.loc[0, "viirs_sum"] == pytest.approx(500 * 100 + 12 * 100) and df.loc[0, "viirs_min"] == 0.0
    capped = zonal_statistics(poly, path, ["sum"], crs=UTM["crs"], preset="viirs_annual", clip=(0, 100))
    assert capped.loc[0, "viirs_sum"] == pytest.approx(100 * 100 + 12 * 100)


def test_viirs_lit_area_is_above_the_background_floor(tmp_path):
    """Lit: radiance above 0.6 nW/cm2/sr (annual) or 1 (monthly), not any radiance above 0."""
    rad = np.zeros((H, W), np.float32)
    rad[10:20, 10:20] = 0.3  # background noise of the unmasked layer
    rad[10:20, 20:30] = 0.55  # below the floor: not lit
    rad[10:20, 30:40] = 0.8
    rad[10:20, 40:50] = 25.0
    path = write_raster(tmp_path / "viirs.tif", rad, **LONLAT)
    t = LONLAT["transform"]
    areas = cell_area.cell_area_rows_km2(CRS.from_epsg(4326), t, np.arange(H, dtype=float))
    poly = [to_world(box(0, 0, W, H), t)]
    annual = zonal_statistics(poly, path, ["lit_area_km2", "lit_ratio"], crs="EPSG:4326", preset="viirs_annual")
    assert annual.attrs["zonal"]["ntl_threshold"] == 0.6
    assert annual.loc[0, "viirs_lit_area_km2"] == pytest.approx(areas[10:20].sum() * 20, rel=1e-12)
    assert annual.loc[0, "viirs_lit_ratio"] == pytest.approx(areas[10:20].sum() * 20 / (areas.sum() * W), rel=1e-12)
    monthly = zonal_statistics(poly, path, ["lit_area_km2"], crs="EPSG:4326", preset="viirs_monthly")
    assert monthly.loc[0, "viirs_lit_area_km2"] == pytest.approx(areas[10:20].sum() * 10, rel=1e-12)
    anything = zonal_statistics(poly, path, ["lit_area_km2"], crs="EPSG:4326", preset="viirs_annual",
                                ntl_threshold=0.0)
    assert anything.loc[0, "viirs_lit_area_km2"] == pytest.approx(areas[10:20].sum() * 40, rel=1e-12)


def test_bundled_night_light_sample_has_dark_land_and_lit_area_that_changes():
    """The sample is background-masked like VNL V2 average_masked: with the VIIRS annual preset
    the lit area is neither the land area nor the same in 2010 and 2020 for most prefectures."""
    rasters = [NTL_SAMPLE / f"ntl_synthetic_{y}.tif" for y in (2010, 2020)]
    assert all(p.exists() for p in rasters), "make setup writes the sample (scripts/make_sample_ntl.py)"
    geoms, wkt, columns = read_polygons(BOUNDARIES, "adcode")
    df = zonal_statistics(geoms, rasters, ["total_light", "lit_area_km2", "lit_ratio"], crs=wkt,
                          preset="viirs_annual", labels=["y2010", "y2020"])
    ratio = df["y2020_lit_ratio"].dropna()
    assert len(ratio) >= 360
    assert (ratio < 0.999).mean() > 0.9  # dark land (mountains, desert, water) in nine prefectures of ten
    assert (ratio > 0).mean() > 0.95  # and light in almost all
    change = (df["y2020_lit_area_km2"] - df["y2010_lit_area_km2"]).dropna()
    assert (change != 0).mean() > 0.85
    assert (change > 0).sum() > (change < 0).sum() > 20  # growth mostly, decline where people left
    assert df["y2020_total_light"].sum() > df["y2010_total_light"].sum()


def test_modis_and_spot_vgt_encodings(tmp_path):
    ndvi = np.linspace(-0.1, 0.9, H * W).reshape(H, W)
    modis = np.round(ndvi * 10000).astype(np.int16)
    modis[:, :5] = -3000
    modis[0, 10:20] = 20000  # out of the valid range
    spot = np.round((ndvi + 0.1) / 0.004).astype(np.uint8)
    p_modis = write_raster(tmp_path / "modis.tif", modis, **UTM)
    p_spot = write_raster(tmp_path / "spot.tif", spot, **UTM)
    polys = [to_world(box(0, 0, W, H), UTM["transform"])]
    m = zonal_statistics(polys, p_modis, ["mean", "max", "count"], crs=UTM["crs"], preset="modis_ndvi_int16")
    ok = (modis != -3000) & (modis <= 10000)
    assert m.loc[0, "modis_mean"] == pytest.approx((modis[ok] * 0.0001).mean(), rel=1e-12)
    assert m.loc[0, "modis_count"] == ok.sum() and m.loc[0, "modis_max"] == pytest.approx(0.9)
    s = zonal_statistics(polys, p_spot, ["mean"], crs=UTM["crs"], preset="spot_vgt_ndvi")
    assert s.loc[0, "spot_mean"] == pytest.approx((spot * 0.004 - 0.1).mean(), rel=1e-12)
    assert abs(s.loc[0, "spot_mean"] - ndvi.mean()) < 0.002


def test_presets_are_data():
    assert {"viirs_annual", "viirs_monthly", "dmsp_ols", "dmsp_like_harmonised", "modis_ndvi_int16",
            "ndvi_float", "spot_vgt_ndvi"} <= set(PRESETS)
    assert preset("DMSP-OLS")["ntl_threshold"] == 7.0
    assert preset("viirs_annual")["ntl_threshold"] == 0.6 and preset("viirs_monthly")["ntl_threshold"] == 1.0
    assert all(PRESETS[k]["ntl_threshold"] is not None for k in ("viirs_annual", "viirs_monthly", "dmsp_ols",
                                                                    "dmsp_like_harmonised"))
    with pytest.raises(TypeError):
        PRESETS["dmsp_ols"]["nodata"] = 0
    with pytest.raises(ValueError, match="Raster preset 'viirs' is unknown"):
        preset("viirs")


# ----------------------------------------------------------------------------------------------
# polygons in another CRS, naming, progress, cancel, input untouched


def test_polygons_are_reprojected_to_the_raster(tmp_path):
    path = write_raster(tmp_path / "r.tif", ramp(), **UTM)
    polys_utm = [to_world(p, UTM["transform"]) for p in pixel_polygons(6) if box(0, 0, W, H).contains(p)]
    direct = zonal_statistics(polys_utm, path, ["count", "mean"], crs=UTM["crs"])
    to_lonlat = Transformer.from_crs(UTM["crs"], "EPSG:4326", always_xy=True).transform
    via = zonal_statistics([map_coordinates(p, to_lonlat) for p in polys_utm], path, ["count", "mean"],
                           crs="EPSG:4326")
    np.testing.assert_allclose(via["r_mean"], direct["r_mean"], rtol=1e-6)
    np.testing.assert_allclose(via["r_count"], direct["r_count"], rtol=1e-6)


def test_geodataframe_in_another_crs_is_reprojected_and_left_untouched(tmp_path):
    gpd = pytest.importorskip("geopandas")  # input type of scripts; QGIS layers come as lists
    path = write_raster(tmp_path / "r.tif", ramp(), **UTM)
    polys_utm = [to_world(p, UTM["transform"]) for p in pixel_polygons(6) if box(0, 0, W, H).contains(p)]
    gdf = gpd.GeoDataFrame(geometry=polys_utm, crs=UTM["crs"])
    direct = zonal_statistics(gdf, path, ["count", "mean"])
    lonlat = gdf.to_crs("EPSG:4326")
    before = lonlat.copy()
    via = zonal_statistics(lonlat, path, ["count", "mean"])
    np.testing.assert_allclose(via["r_mean"], direct["r_mean"], rtol=1e-6)
    np.testing.assert_allclose(via["r_count"], direct["r_count"], rtol=1e-6)
    pd.testing.assert_frame_equal(lonlat, before)
    assert via.index.equals(lonlat.index)


def test_column_labels(tmp_path):
    a = write_raster(tmp_path / "NTL 2020-01.tif", np.ones((H, W), np.float32), **UTM)
    (tmp_path / "x").mkdir()
    b = write_raster(tmp_path / "x" / "NTL 2020-01.tif", np.ones((H, W), np.float32), **UTM)
    poly = [to_world(box(1, 1, 3, 3), UTM["transform"])]
    df = zonal_statistics(poly, [a, b], ["mean", "p2.5", "frac_1"], crs=UTM["crs"])
    assert list(df.columns) == ["NTL_2020_01_mean", "NTL_2020_01_p2_5", "NTL_2020_01_frac_1",
                                "NTL_2020_01_2_mean", "NTL_2020_01_2_p2_5", "NTL_2020_01_2_frac_1", STATUS_COLUMN]
    named = zonal_statistics(poly, [a, b], ["mean"], crs=UTM["crs"], labels=["jan", "feb"])
    assert list(named.columns) == ["jan_mean", "feb_mean", STATUS_COLUMN]


def test_progress_and_cancel(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "STRIP_BYTES", 1)
    paths = [write_raster(tmp_path / f"r{i}.tif", ramp(), blocksize=16, **UTM) for i in range(2)]
    polys = [to_world(box(0, 0, W, H), UTM["transform"])]
    seen = []
    zonal_statistics(polys, paths, ["mean"], crs=UTM["crs"], progress=seen.append)
    assert seen[-1] == 1.0 and len(seen) >= 8 and all(b >= a for a, b in zip(seen, seen[1:]))
    calls = []

    def cancel_after_three():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ZonalCancelled):
        zonal_statistics(polys, paths, ["mean"], crs=UTM["crs"], is_cancelled=cancel_after_three)
    assert len(calls) == 4


# ----------------------------------------------------------------------------------------------
# bad input


def test_raster_without_crs(tmp_path):
    path = write_raster(tmp_path / "nocrs.tif", np.ones((4, 4), np.float32), transform=from_origin(0, 4, 1, 1))
    with pytest.raises(ZonalStatisticsError, match="has no CRS: assign one first"):
        zonal_statistics([box(0, 0, 1, 1)], str(path), crs="EPSG:4326")


def test_raster_that_cannot_be_opened(tmp_path):
    missing = tmp_path / "missing.tif"
    with pytest.raises(ZonalStatisticsError, match=r"raster '.*missing\.tif' cannot be opened: .*No such file"):
        zonal_statistics([box(0, 0, 1, 1)], str(missing), crs="EPSG:4326")
    text = tmp_path / "notes.tif"
    text.write_text("not a raster")
    with pytest.raises(ZonalStatisticsError, match=r"raster '.*notes\.tif' cannot be opened: .*not recognized"):
        zonal_statistics([box(0, 0, 1, 1)], str(text), crs="EPSG:4326")


def test_band_out_of_range(tmp_path):
    path = write_raster(tmp_path / "two.tif", np.ones((2, H, W), np.float32), **UTM)
    with pytest.raises(ZonalStatisticsError, match=r"has 2 bands: band \[3\] out of range"):
        zonal_statistics([box(0, 0, 1, 1)], path, crs=UTM["crs"], bands=[1, 3])
    with pytest.raises(ZonalStatisticsError) as excinfo:
        zonal_statistics([box(0, 0, 1, 1)], path, crs=UTM["crs"], bands=[1, 3])
    assert in_language(excinfo.value, "zh") == (
        f"栅格 {str(path)!r} 有 2 个波段：波段 [3] 超出范围；波段编号为 1 到 2")


def test_bad_input_in_chinese(tmp_path):
    path = write_raster(tmp_path / "r.tif", ramp(), **UTM)
    polygon = to_world(box(1, 1, 3, 3), UTM["transform"])
    with pytest.raises(ZonalStatisticsError) as excinfo:
        zonal_statistics([polygon], path, crs=UTM["crs"], stats=["p101"])
    assert in_language(excinfo.value, "zh") == "stats：百分位数 '101' 超出 0-100；请以百分数给出，例如 25 或 97.5"
    with pytest.raises(ZonalStatisticsError) as excinfo:
        zonal_statistics([polygon], path, crs=UTM["crs"], stats=["mean"], valid_range=(5, 1))
    assert in_language(excinfo.value, "zh") == "valid_range=(5, 1)：下限大于上限"
    with pytest.raises(ZonalStatisticsError) as excinfo:
        zonal_statistics([polygon], str(tmp_path / "missing.tif"), crs=UTM["crs"])
    assert in_language(excinfo.value, "zh").startswith(f"无法打开栅格 {str(tmp_path / 'missing.tif')!r}：")


@pytest.mark.parametrize("kwargs, message", [
    (dict(stats=["p101"]), "percentile '101' is outside 0-100"),
    (dict(stats=["mean"], percentiles=[-5]), "percentile -5 is outside 0-100"),
    (dict(stats=["average"]), "'average' is not a known statistic"),
    (dict(stats=["lit_area_km2"]), "need ntl_threshold"),
    (dict(stats=["cnli"], ntl_threshold=7), "cnli needs dn_max"),
    (dict(coverage="centre"), "coverage='centre' is unknown"),
    (dict(valid_range=(5, 1)), "low bound exceeds high bound"),
    (dict(bands="median"), "bands='median' is unknown"),
])
def test_bad_arguments(tmp_path, kwargs, message):
    path = write_raster(tmp_path / "r.tif", ramp(), **UTM)
    kwargs.setdefault("stats", ["mean"])
    with pytest.raises(ZonalStatisticsError, match=message):
        zonal_statistics([to_world(box(1, 1, 3, 3), UTM["transform"])], path, crs=UTM["crs"], **kwargs)


def test_polygons_need_a_crs_and_polygon_geometries(tmp_path):
    path = write_raster(tmp_path / "r.tif", ramp(), **UTM)
    with pytest.raises(ZonalStatisticsError, match="polygons have no CRS"):
        zonal_statistics([box(0, 0, 1, 1)], path)
    from shapely.geometry import LineString, Point

    with pytest.raises(ZonalStatisticsError, match=r"2 geometries are not polygons: 1 \(Point\), 2 \(LineString\)"):
        zonal_statistics([box(0, 0, 1, 1), Point(0, 0), LineString([(0, 0), (1, 1)])], path, crs=UTM["crs"])


def test_invalid_polygon_is_repaired_and_noted(tmp_path):
    data = np.zeros((H, W), np.float32)
    path = write_raster(tmp_path / "r.tif", data + 1, **UTM)
    t = UTM["transform"]
    bowtie = to_world(Polygon([(10, 10), (20, 20), (20, 10), (10, 20)]), t)  # self-intersecting: two triangles
    assert not bowtie.is_valid
    df = zonal_statistics([bowtie], path, ["count"], crs=UTM["crs"])
    assert df.loc[0, "r_count"] == pytest.approx(50.0, rel=1e-9)  # both triangles, 25 cells each
    assert df.loc[0, STATUS_COLUMN] == "invalid geometry repaired with make_valid"


# ----------------------------------------------------------------------------------------------
# reading with GDAL's bindings


def test_engine_runs_without_rasterio(tmp_path):
    """core/ must not need rasterio (nor affine, geopandas): QGIS on Windows and macOS ships
    neither. A fresh interpreter with those imports blocked runs a whole summary."""
    import json
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    path = write_raster(tmp_path / "r.tif", ramp(), blocksize=16, compress="DEFLATE", **UTM)
    cells = box(3, 4, 9, 12)
    poly = to_world(cells, UTM["transform"])
    blocked = ["rasterio", "affine", "geopandas", "fiona", "pyogrio", "sklearn", "threadpoolctl"]
    code = textwrap.dedent(f"""
        import json, sys
        for name in {blocked!r}:
            sys.modules[name] = None  # any import of these fails
        sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})
        import _pkg
        _pkg.ensure_importable()
        from shapely import wkt
        from megaregion.core.zonal import zonal_statistics
        df = zonal_statistics([wkt.loads({poly.wkt!r})], {path!r}, ["count", "mean", "median"], crs={UTM["crs"]!r})
        loaded = sorted(m for m in {blocked!r} if sys.modules.get(m) is not None)
        print(json.dumps({{"row": df.iloc[0].tolist(), "loaded": loaded}}))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    count, mean, median, status = out["row"]
    assert out["loaded"] == []
    assert count == cells.area and status == "ok"
    assert mean == pytest.approx(2.0 + 0.25 * cells.centroid.x - 0.5 * cells.centroid.y, rel=1e-12)
    inside = ramp()[4:12, 3:9]
    assert median == pytest.approx(float(np.median(inside)), rel=1e-6)


@pytest.mark.parametrize("exceptions", [False, True], ids=["return-codes", "gdal-exceptions"])
def test_gdal_state_is_scoped_to_the_run(tmp_path, monkeypatch, exceptions):
    """QGIS shares GDAL's process-wide state: the block cache limit, the exception setting and
    the configuration are what they were after a run, and errors read the same either way."""
    from osgeo import gdal

    path = write_raster(tmp_path / "r.tif", ramp(), blocksize=16, compress="DEFLATE", **UTM)
    poly = [to_world(box(3, 4, 9, 12), UTM["transform"])]
    seen = {}
    run_raster = engine._run_raster

    def spy(*args, **kwargs):
        seen["cache"] = gdal.GetCacheMax()
        return run_raster(*args, **kwargs)

    monkeypatch.setattr(engine, "_run_raster", spy)
    old_cache, old_exceptions = gdal.GetCacheMax(), gdal.GetUseExceptions()
    mine = 300 * 2**20
    try:
        gdal.SetCacheMax(mine)
        gdal.UseExceptions() if exceptions else gdal.DontUseExceptions()
        df = zonal_statistics(poly, path, ["count"], crs=UTM["crs"])
        assert df.loc[0, "r_count"] == 48.0
        assert seen["cache"] == engine.GDAL_CACHE_MB * 2**20
        with pytest.raises(ZonalStatisticsError, match="cannot be opened: .*No such file or directory"):
            zonal_statistics(poly, str(tmp_path / "missing.tif"), ["count"], crs=UTM["crs"])
        assert gdal.GetCacheMax() == mine
        assert gdal.GetUseExceptions() == int(exceptions)
        assert gdal.GetConfigOption("GDAL_NUM_THREADS") is None
        assert gdal.GetThreadLocalConfigOption("GDAL_NUM_THREADS", None) is None
    finally:
        gdal.SetCacheMax(old_cache)
        gdal.UseExceptions() if old_exceptions else gdal.DontUseExceptions()


def test_damaged_block_is_reported_as_a_read_error(tmp_path):
    from osgeo import gdal

    data = _random_raster(3, 64, 64)
    path = write_raster(tmp_path / "broken.tif", data, blocksize=16, compress="DEFLATE", **UTM)
    ds = gdal.Open(path)
    offset = int(ds.GetRasterBand(1).GetMetadataItem("BLOCK_OFFSET_1_2", "TIFF"))
    ds = None
    with open(path, "r+b") as fh:  # the zlib header of block (row 2, column 1)
        fh.seek(offset)
        fh.write(b"\0\0\0\0")
    poly = [to_world(box(0, 0, 64, 64), UTM["transform"])]
    with pytest.raises(ZonalStatisticsError, match=r"raster '.*broken\.tif' cannot be read: "):
        zonal_statistics(poly, path, ["mean"], crs=UTM["crs"])


def test_bands_of_different_types_and_signed_bytes(tmp_path):
    """A VRT stacking a byte and a float band (read band by band, converted by GDAL), and a
    signed-byte raster (Int8 from GDAL 3.7, PIXELTYPE=SIGNEDBYTE before)."""
    from osgeo import gdal

    rng = np.random.default_rng(12)
    a = rng.integers(0, 255, size=(H, W)).astype(np.uint8)
    b = rng.normal(50, 20, size=(H, W)).astype(np.float32)
    pa = write_raster(tmp_path / "a.tif", a, **UTM)
    pb = write_raster(tmp_path / "b.tif", b, **UTM)
    vrt = str(tmp_path / "ab.vrt")
    gdal.BuildVRT(vrt, [pa, pb], separate=True).FlushCache()
    from megaregion.core import raster_io

    with raster_io.open_raster(vrt) as r:
        assert r.dtypes == ["uint8", "float32"] and r.count == 2
    cells = box(5, 7, 45, 33)  # whole cells
    poly = [to_world(cells, UTM["transform"])]
    each = zonal_statistics(poly, vrt, ["mean", "max"], crs=UTM["crs"])
    composite = zonal_statistics(poly, vrt, ["mean", "max"], crs=UTM["crs"], bands="mean")
    win = (slice(7, 33), slice(5, 45))
    assert each.loc[0, "ab_b1_mean"] == pytest.approx(a[win].mean(), rel=1e-12)
    assert each.loc[0, "ab_b2_max"] == float(b[win].max())
    per_cell = (a[win].astype(np.float64) + b[win].astype(np.float64)) / 2
    assert composite.loc[0, "ab_bmean_mean"] == pytest.approx(per_cell.mean(), rel=1e-12)
    assert composite.loc[0, "ab_bmean_max"] == pytest.approx(per_cell.max(), rel=1e-12)

    s = rng.integers(-128, 127, size=(H, W)).astype(np.int8)
    ps = str(tmp_path / "s.tif")
    if hasattr(gdal, "GDT_Int8"):
        ds = gdal.GetDriverByName("GTiff").Create(ps, W, H, 1, gdal.GDT_Int8)
    else:
        ds = gdal.GetDriverByName("GTiff").Create(ps, W, H, 1, gdal.GDT_Byte, ["PIXELTYPE=SIGNEDBYTE"])
    t = UTM["transform"]
    ds.SetGeoTransform(t.to_gdal())
    ds.SetProjection(CRS.from_user_input(UTM["crs"]).to_wkt("WKT1_GDAL"))
    ds.GetRasterBand(1).WriteRaster(0, 0, W, H, s.tobytes())
    ds = None
    df = zonal_statistics(poly, ps, ["mean", "min", "max"], crs=UTM["crs"])
    assert df.loc[0, "s_min"] == s[win].min() < 0
    assert df.loc[0, "s_max"] == s[win].max()
    assert df.loc[0, "s_mean"] == pytest.approx(s[win].mean(), rel=1e-12)


def test_decoding_threads_only_for_compressed_geotiff(tmp_path):
    from osgeo import gdal
    from megaregion.core import raster_io

    plain = write_raster(tmp_path / "plain.tif", ramp(), blocksize=16, **UTM)
    packed = write_raster(tmp_path / "packed.tif", ramp(), blocksize=16, compress="DEFLATE", **UTM)
    assert raster_io._uncompressed_geotiff(gdal.Open(plain))
    assert not raster_io._uncompressed_geotiff(gdal.Open(packed))
    poly = [to_world(box(3, 4, 9, 12), UTM["transform"])]
    a = zonal_statistics(poly, plain, ["sum", "max"], crs=UTM["crs"])
    b = zonal_statistics(poly, packed, ["sum", "max"], crs=UTM["crs"])
    np.testing.assert_array_equal(a.to_numpy()[:, :2], b.to_numpy()[:, :2])
    assert a.loc[0, "plain_max"] == ramp()[4:12, 3:9].max()


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_values_near_the_float_limit_are_refused_not_summed_to_inf(tmp_path):
    """A sum of cells of 1e308 is beyond float64: a clear error naming the raster and the fix,
    never inf as a mean with status ok; large values whose sums fit give the exact statistics."""
    big = np.full((10, 10), 1e308)
    big[0, 0] = 1.0
    path = write_raster(tmp_path / "big.tif", big, crs="EPSG:4326", transform=from_origin(0, 10, 1, 1))
    with pytest.raises(ZonalStatisticsError, match=r"big\.tif.*too large to sum in float64.*rescale"):
        zonal.zonal_statistics([box(0, 0, 10, 10)], [path], ("count", "sum", "mean"), crs="EPSG:4326")
    fits = np.full((10, 10), 1e300)
    path = write_raster(tmp_path / "fits.tif", fits, crs="EPSG:4326", transform=from_origin(0, 10, 1, 1))
    out = zonal.zonal_statistics([box(0, 0, 10, 10)], [path], ("count", "sum", "mean", "max"), crs="EPSG:4326")
    assert out["fits_count"].iloc[0] == 100
    assert out["fits_sum"].iloc[0] == pytest.approx(1e302, rel=1e-12)
    assert out["fits_mean"].iloc[0] == pytest.approx(1e300, rel=1e-12)
    assert out["fits_max"].iloc[0] == 1e300
    assert out["zonal_status"].iloc[0] == "ok"
