"""EOG VIIRS products as downloaded: gzip'd VNL annual files on the global grid's odd
geotransform, monthly avg_rade9h files with their cf_cvg twins; grouped by year, masked by
coverage, composited per cell, compared with numpy on the unpacked arrays."""
import os

import numpy as np
import pytest
from shapely.geometry import box

from gdal_fixtures import write_raster
from megaregion.core.raster_io import GeoTransform
from megaregion.core.zonal import ZonalStatisticsError, zonal_statistics
from megaregion.core.zonal import catalogue as C
from megaregion.core.zonal import products as P
from product_fixtures import MONTHLY_GT, VNL_GT, write_monthly, write_vnl, gzip_file, vnl_name, geotiff

H, W = 30, 40


def _polygons(gt, n=6, seed=3):
    """Polygons in map coordinates over a grid of H x W cells (off the cell edges)."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        c0, r0 = rng.uniform(0.3, W - 15), rng.uniform(0.3, H - 12)
        c1, r1 = c0 + rng.uniform(3.2, 14), r0 + rng.uniform(3.2, 11)
        out.append(box(gt[0] + c0 * gt[1], gt[3] + r1 * gt[5], gt[0] + c1 * gt[1], gt[3] + r0 * gt[5]))
    return out


def _reference(tmp_path, name, composite, gt):
    """Statistics of a plain GeoTIFF of the per-cell composite (NaN = missing) on the same grid."""
    path = write_raster(tmp_path / f"{name}.tif", composite.astype("float32"), crs="EPSG:4326",
                        transform=GeoTransform.from_gdal(gt))
    return path


def test_vnl_gz_read_in_place_with_odd_geotransform(tmp_path):
    rng = np.random.default_rng(1)
    rad = rng.gamma(1.0, 4.0, (H, W)).astype("float32")
    rad[rng.random((H, W)) < 0.3] = 0.0
    cov = rng.integers(0, 6, (H, W))
    folder = tmp_path / "vnl"
    folder.mkdir()
    files = write_vnl(folder, 2020, rad, cov)
    assert files[0].endswith(".average_masked.dat.tif.gz")
    before = sorted(os.listdir(folder))
    polys = _polygons(VNL_GT)
    out, cat = C.product_statistics(polys, [folder], ["mean", "count", "valid_fraction"], crs="EPSG:4326",
                                    preset="viirs_annual", prefix="ntl", min_coverage=2)
    assert sorted(os.listdir(folder)) == before  # nothing unpacked, no .properties beside the input
    assert list(out.columns) == ["ntl_mean_2020", "ntl_count_2020", "ntl_valid_fraction_2020", "ntl_status"]
    ref = _reference(tmp_path, "ref", np.where(cov >= 2, rad, np.nan), VNL_GT)
    theirs = zonal_statistics(polys, ref, ["mean", "count", "valid_fraction"], crs="EPSG:4326", labels=["r"])
    np.testing.assert_allclose(out["ntl_mean_2020"], theirs["r_mean"], rtol=1e-9)
    np.testing.assert_allclose(out["ntl_valid_fraction_2020"], theirs["r_valid_fraction"], rtol=1e-9)
    assert (out["ntl_valid_fraction_2020"] < 1).all()  # the mask removed cells
    # the grid is the product's: origin half a cell outside -180/75, cell 0.0041666667 (not 1/240)
    ds = __import__("osgeo.gdal", fromlist=["gdal"]).Open(P.gdal_path(files[0]))
    assert ds.GetGeoTransform() == VNL_GT


def test_vnl_gz_agrees_with_exactextract_on_unpacked_array(tmp_path):
    from peers import require

    ee = require("exactextract")
    gpd = require("geopandas")
    rng = np.random.default_rng(2)
    rad = rng.gamma(1.0, 4.0, (H, W)).astype("float32")
    files = write_vnl(tmp_path, 2019, rad)
    polys = _polygons(VNL_GT, n=8, seed=9)
    gdf = gpd.GeoDataFrame({"id": range(len(polys))}, geometry=polys, crs="EPSG:4326")
    out, _ = C.product_statistics(gdf, files, ["sum", "mean", "count"], preset="viirs_annual", prefix="ntl")
    plain = geotiff(tmp_path / "plain.tif", rad, VNL_GT)
    theirs = ee.exact_extract(plain, gdf, ["sum", "mean", "count"], output="pandas")
    for s in ("sum", "mean", "count"):
        np.testing.assert_allclose(out[f"ntl_{s}_2019"], theirs[s], rtol=1e-6, err_msg=s)


def test_monthly_year_with_coverage_twins_gives_one_column_set(tmp_path):
    rng = np.random.default_rng(4)
    rads, covs = [], []
    for month in range(1, 13):
        rad = rng.gamma(1.0, 3.0, (H, W))
        cov = rng.integers(0, 4, (H, W))
        rad[cov == 0] = 0.0  # no observation: stored 0, not darkness
        write_monthly(tmp_path, 2020, month, rad, cov)
        rads.append(rad.astype("float32"))
        covs.append(cov)
    polys = _polygons(MONTHLY_GT, seed=5)
    logs = []
    out, cat = C.product_statistics(polys, [tmp_path], ["mean", "count", "valid_fraction"], crs="EPSG:4326",
                                    preset="viirs_monthly", prefix="ntl",
                                    log=lambda t, w=False: logs.append(str(t)))
    assert list(out.columns) == ["ntl_mean_2020", "ntl_count_2020", "ntl_valid_fraction_2020", "ntl_status"]
    stack_r = np.stack(rads).astype("float64")
    valid = np.stack(covs) >= 1
    n = valid.sum(0)
    mean = np.where(n > 0, np.where(valid, np.clip(stack_r, 0, None), 0).sum(0) / np.maximum(n, 1), np.nan)
    ref = _reference(tmp_path, "ref", mean, MONTHLY_GT)
    theirs = zonal_statistics(polys, ref, ["mean", "count", "valid_fraction"], crs="EPSG:4326", labels=["r"])
    np.testing.assert_allclose(out["ntl_mean_2020"], theirs["r_mean"], rtol=1e-6)
    np.testing.assert_allclose(out["ntl_count_2020"], theirs["r_count"], rtol=1e-9)
    # averaging the unobserved zeros in as darkness would give a lower mean
    naive = stack_r.mean(0)
    naive_ref = _reference(tmp_path, "naive", naive, MONTHLY_GT)
    dark = zonal_statistics(polys, naive_ref, ["mean"], crs="EPSG:4326", labels=["r"])
    assert (out["ntl_mean_2020"] > dark["r_mean"] + 1e-3).all()
    assert any("2020: 24 file(s), 12 period(s)" in t for t in logs)


def test_monthly_min_coverage_and_missing_months(tmp_path):
    rng = np.random.default_rng(6)
    rads, covs = [], []
    for month in (1, 2, 3):
        rad = rng.gamma(1.0, 3.0, (H, W))
        cov = rng.integers(0, 5, (H, W))
        write_monthly(tmp_path, 2021, month, rad, cov)
        rads.append(rad.astype("float32").astype("float64"))
        covs.append(cov)
    polys = _polygons(MONTHLY_GT, seed=7)
    logs = []
    out, _ = C.product_statistics(polys, [tmp_path], ["mean"], crs="EPSG:4326", preset="viirs_monthly",
                                  prefix="ntl", min_coverage=3, time_composite="max",
                                  log=lambda t, w=False: logs.append((str(t), w)))
    valid = np.stack(covs) >= 3
    mx = np.where(valid.any(0), np.where(valid, np.stack(rads), -np.inf).max(0), np.nan)
    ref = _reference(tmp_path, "ref", mx, MONTHLY_GT)
    theirs = zonal_statistics(polys, ref, ["mean"], crs="EPSG:4326", labels=["r"])
    np.testing.assert_allclose(out["ntl_mean_2021"], theirs["r_mean"], rtol=1e-6)
    assert any(w and "3 of 12 periods" in t and "2021-04" in t for t, w in logs)


def test_file_names_of_every_product():
    cases = {
        "VNL_v2_npp_2020_global_vcmslcfg_c202102150000.median_masked.tif": ("vnl_annual", 2020, None),
        "VNL_v22_npp-j01_2022_global_vcmslcfg_c202303062300.average_masked.dat.tif.gz": ("vnl_annual", 2022, None),
        "VNL_npp_2024_global_vcmslcfg_v2_c202502261200.cf_cvg.dat.tif.gz": ("vnl_annual", 2024, None),
        "SVDNB_npp_20180601-20180630_75N060E_vcmcfg_v10_c201904251200.avg_rade9h.tif": ("viirs_monthly", 2018,
                                                                                      "75N060E"),
        "VNP46A4.A2020001.h18v03.002.2025086171445.h5": ("black_marble_annual", 2020, "h18v03"),
        "MOD13A3.A2020122.h26v04.061.2020335213015.hdf": ("mod13a3", 2020, "h26v04"),
        "MCD12Q1.A2020001.h25v06.006.2021360043257.hdf": ("mcd12q1", 2020, "h25v06"),
        "LongNTL_2019.tif": ("npp_viirs_like", 2019, None),
        "Harmonized_DN_NTL_2013_calDMSP.tif": ("harmonised_ntl", 2013, None),
        "CLCD_v01_2006_albert.tif": ("clcd", 2006, None),
        "CLCD_v01_2019.tif": ("clcd", 2019, None),
    }
    for name, (key, year, tile) in cases.items():
        f = P.identify(name)
        assert (f.product.key, f.year, f.tile) == (key, year, tile), name
    # the creation stamp is never the date: c2021... in a 2020 file
    assert P.identify("VNL_v2_npp_2020_global_vcmslcfg_c20210121150000.lit_mask.tif.gz").year == 2020
    assert P.identify("MOD13A3.A2020122.h26v04.061.2020335213015.hdf").period == "2020-05"


def test_gz_that_is_not_a_tiff_is_refused(tmp_path):
    bad = tmp_path / vnl_name(2020, "average_masked")
    bad.write_text("not a raster")
    gz = gzip_file(bad)
    with pytest.raises(ZonalStatisticsError, match="does not hold a GeoTIFF"):
        C.product_statistics([box(-179.99, 74.9, -179.95, 74.95)], [gz], ["mean"], crs="EPSG:4326")
    notgz = tmp_path / "VNL_v21_npp_2019_global_vcmslcfg_c202205302300.average_masked.dat.tif.gz"
    notgz.write_text("plain text")
    with pytest.raises(ZonalStatisticsError, match="not a gzip file"):
        C.product_statistics([box(-179.99, 74.9, -179.95, 74.95)], [notgz], ["mean"], crs="EPSG:4326")


def test_vnl_folder_of_two_years_and_several_layers(tmp_path):
    rng = np.random.default_rng(12)
    arrays = {}
    for year in (2019, 2021):
        for layer in ("average_masked", "median_masked", "lit_mask", "cvg"):
            data = rng.gamma(1.0, 2.0, (H, W)).astype("float32")
            arrays[year, layer] = data
            gzip_file(geotiff(tmp_path / vnl_name(year, layer), data, VNL_GT))
    polys = _polygons(VNL_GT, n=3, seed=1)
    logs = []
    out, cat = C.product_statistics(polys, [tmp_path], ["mean"], crs="EPSG:4326", preset="viirs_annual",
                                    prefix="ntl", log=lambda t, w=False: logs.append(str(t)))
    assert list(out.columns) == ["ntl_mean_2019", "ntl_mean_2021", "ntl_status"]
    assert any("layer average_masked used; left out:" in t and "lit_mask" in t for t in logs)
    for year in (2019, 2021):
        ref = _reference(tmp_path, f"ref{year}", arrays[year, "average_masked"], VNL_GT)
        theirs = zonal_statistics(polys, ref, ["mean"], crs="EPSG:4326", labels=["r"])
        np.testing.assert_allclose(out[f"ntl_mean_{year}"], theirs["r_mean"], rtol=1e-9)
    out, _ = C.product_statistics(polys, [tmp_path], ["mean"], crs="EPSG:4326", preset="viirs_annual",
                                  prefix="ntl", layer="median_masked", years=[2021])
    ref = _reference(tmp_path, "refm", arrays[2021, "median_masked"], VNL_GT)
    theirs = zonal_statistics(polys, ref, ["mean"], crs="EPSG:4326", labels=["r"])
    assert list(out.columns) == ["ntl_mean_2021", "ntl_status"]
    np.testing.assert_allclose(out["ntl_mean_2021"], theirs["r_mean"], rtol=1e-9)
    with pytest.raises(ZonalStatisticsError, match="LAYER 'maximum'"):
        C.catalogue([tmp_path], layer="maximum")
