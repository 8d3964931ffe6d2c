"""Black Marble (HDF5-EOS), MODIS MOD13A3 and MCD12Q1 (HDF4-EOS, sinusoidal) and CLCD (Albers)
as downloaded: the product's layer opened without a URI, tiles mosaicked (a polygon across two
tiles equals the same polygon on one merged raster), quality masks, scales and fills, the time
composite; compared with numpy on the unpacked arrays."""
import numpy as np
import pytest
from shapely.geometry import Polygon, box

from gdal_fixtures import write_raster
from megaregion.core.raster_io import GeoTransform
from megaregion.core.zonal import ZonalStatisticsError, zonal_statistics
from megaregion.core.zonal import catalogue as C
from megaregion.core.zonal import products as P
from product_fixtures import (CLCD_CRS, TILE, clcd_name, geotiff, modis_transform, write_black_marble, write_modis)

h5py = pytest.importorskip("h5py")


def _merged(tmp_path, name, left, right, gt, crs):
    """One plain GeoTIFF of two tiles side by side (NaN = missing)."""
    data = np.concatenate([left, right], axis=1).astype("float64")
    return write_raster(tmp_path / f"{name}.tif", data, crs=crs, transform=gt)


def _bm_polygons():
    # h28v05 is 100-110E, 30-40N; h29v05 110-120E: polygons across the seam at 110E
    return [box(107.3, 31.2, 112.6, 35.9), Polygon([(109.1, 36.0), (113.7, 38.4), (108.2, 39.3)]),
            box(101.05, 30.3, 104.4, 33.1), box(110.5, 30.9, 119.1, 34.2)]


@pytest.mark.parametrize("collection", ["001", "002"])
def test_black_marble_monthly_tiles_quality_and_seam(tmp_path, collection):
    rng = np.random.default_rng(11)
    months = (1, 2, 3)
    doys = {1: 1, 2: 32, 3: 61}  # first day of the month (2020 is a leap year)
    truth = {}
    for h in (28, 29):
        for m in months:
            rad = np.round(rng.gamma(1.0, 6.0, (TILE, TILE)), 1)
            q = rng.choice([0, 0, 0, 1, 2], size=(TILE, TILE))
            rad[rng.random((TILE, TILE)) < 0.05] = np.nan
            q[np.isnan(rad)] = 255
            write_black_marble(tmp_path, "VNP46A3", 2020, doys[m], h, 5, rad, q, collection=collection)
            truth[h, m] = (rad, q)
    polys = _bm_polygons()
    logs = []
    out, cat = C.product_statistics(polys, [tmp_path], ["mean", "count", "valid_fraction"], crs="EPSG:4326",
                                    preset="black_marble", prefix="ntl",
                                    log=lambda t, w=False: logs.append(str(t)))
    assert cat.layer == "NearNadir_Composite_Snow_Free"
    uri = P.find_layer(str(next(tmp_path.glob("VNP46A3*.h5"))), cat.layer)
    assert uri.endswith('"://HDFEOS/GRIDS/VIIRS_Grid_DNB_2d/Data_Fields/NearNadir_Composite_Snow_Free')
    assert any("AllAngle_Composite_Snow_Free" in t for t in logs)  # the other layers LAYER can choose
    # independent: numpy mean of the good-quality months per cell, on the merged raster
    comp = []
    for h in (28, 29):
        vals = np.stack([truth[h, m][0] for m in months])
        good = np.stack([truth[h, m][1] for m in months]) == 0
        good &= ~np.isnan(vals)
        n = good.sum(0)
        comp.append(np.where(n > 0, np.where(good, vals, 0).sum(0) / np.maximum(n, 1), np.nan))
    gt = GeoTransform.from_origin(100.0, 40.0, 0.25, 0.25)
    ref = _merged(tmp_path, "ref", comp[0], comp[1], gt, "EPSG:4326")
    theirs = zonal_statistics(polys, ref, ["mean", "count", "valid_fraction"], crs="EPSG:4326", labels=["r"])
    np.testing.assert_allclose(out["ntl_mean_2020"], theirs["r_mean"], rtol=1e-5)
    np.testing.assert_allclose(out["ntl_count_2020"], theirs["r_count"], rtol=1e-9)
    np.testing.assert_allclose(out["ntl_valid_fraction_2020"], theirs["r_valid_fraction"], rtol=1e-9)
    # h27v05 / h28v04 ... are not needed by these polygons; a polygon reaching 99E needs h27v05
    logs.clear()
    C.product_statistics([box(99.5, 31, 101, 32)], [tmp_path], ["mean"], crs="EPSG:4326", preset="black_marble",
                         log=lambda t, w=False: logs.append((str(t), w)))
    assert any(w and "tile h27v05" in t for t, w in logs)


def test_black_marble_layer_choice_and_missing_layer(tmp_path):
    rad = np.full((TILE, TILE), 4.0)
    q = np.zeros((TILE, TILE), dtype=int)
    write_black_marble(tmp_path, "VNP46A4", 2021, 1, 28, 5, rad, q, layers=("NearNadir_Composite_Snow_Free",
                                                                           "AllAngle_Composite_Snow_Free"))
    poly = [box(101, 31, 104, 34)]
    out, _ = C.product_statistics(poly, [tmp_path], ["mean"], crs="EPSG:4326", preset="black_marble",
                                  layer="AllAngle_Composite_Snow_Free", prefix="bm")
    assert out["bm_mean_2021"].iloc[0] == pytest.approx(6.0)  # the all-angle layer is 1.5 x in the fixture
    with pytest.raises(ZonalStatisticsError, match="OffNadir_Composite_Snow_Free.*its layers are"):
        C.product_statistics(poly, [tmp_path], ["mean"], crs="EPSG:4326", layer="OffNadir_Composite_Snow_Free")


def _densified(polygon, n=40):
    """The exterior ring with ``n`` points per edge (straight in the sinusoidal grid)."""
    xy = np.asarray(polygon.exterior.coords)
    t = np.linspace(0, 1, n, endpoint=False)[:, None]
    pts = np.concatenate([a + (b - a) * t for a, b in zip(xy[:-1], xy[1:])])
    return Polygon(pts).exterior.coords


def _ndvi_tiles(tmp_path, rng, months, h_list=(27, 28)):
    truth = {}
    for h in h_list:
        for m, doy in months:
            ndvi = rng.integers(-2000, 9000, (TILE, TILE)).astype("int16")
            rel = rng.choice([0, 0, 1, 2, 3], size=(TILE, TILE)).astype("int8")
            ndvi[rng.random((TILE, TILE)) < 0.05] = -3000
            rel[ndvi == -3000] = -1
            write_modis(tmp_path, "MOD13A3", 2020, doy, h, 5,
                        {"1 km monthly NDVI": ndvi, "1 km monthly EVI": (ndvi // 2).astype("int16"),
                         "1 km monthly pixel reliability": rel}, "MOD_Grid_monthly_1km_VI")
            truth[h, m] = (ndvi, rel)
    return truth


def _sinusoidal_polygons():
    from pyproj import Transformer

    to = Transformer.from_crs("EPSG:4326", P.MODIS_PROJ4, always_xy=True)
    # h27v05/h28v05 meet at x = MODIS_X0 + 28 tile = 11 119 505 m (about 115-125E at 30-40N)
    x = P.MODIS_X0 + 28 * P.MODIS_TILE
    y = P.MODIS_Y0 - 5 * P.MODIS_TILE
    t = P.MODIS_TILE
    return [box(x - 0.31 * t, y - 0.72 * t, x + 0.27 * t, y - 0.21 * t),
            Polygon([(x - 0.9 * t, y - 0.1 * t), (x - 0.5 * t, y - 0.6 * t), (x + 0.4 * t, y - 0.35 * t)]),
            box(x + 0.05 * t, y - 0.95 * t, x + 0.6 * t, y - 0.5 * t)], to


def test_modis_ndvi_sinusoidal_reliability_and_maximum_composite(tmp_path):
    pytest.importorskip("pyhdf")
    rng = np.random.default_rng(21)
    months = [(1, 1), (2, 32), (3, 61)]
    truth = _ndvi_tiles(tmp_path, rng, months)
    polys, _ = _sinusoidal_polygons()
    logs = []
    out, cat = C.product_statistics(polys, [tmp_path], ["mean", "count", "max"], crs=P.MODIS_PROJ4,
                                    preset="modis_ndvi_int16", prefix="ndvi", kinds=("ndvi",),
                                    log=lambda t, w=False: logs.append((str(t), w)))
    assert cat.layer == "1 km monthly NDVI"
    # opened as GDAL opens the real files: the HDF4-EOS grid subdataset
    uri = P.find_layer(str(next(tmp_path.glob("MOD13A3*.hdf"))), cat.layer)
    assert uri.startswith("HDF4_EOS:EOS_GRID:") and uri.endswith(':MOD_Grid_monthly_1km_VI:"1 km monthly NDVI"')
    comp = []
    for h in (27, 28):
        vals = np.stack([truth[h, m][0] for m, _ in months]).astype("float64")
        ok = np.isin(np.stack([truth[h, m][1] for m, _ in months]), (0, 1)) & (vals != -3000)
        comp.append(np.where(ok.any(0), np.where(ok, vals, -np.inf).max(0), np.nan) * 0.0001)
    x0 = P.MODIS_X0 + 27 * P.MODIS_TILE
    gt = GeoTransform.from_origin(x0, P.MODIS_Y0 - 5 * P.MODIS_TILE, P.MODIS_TILE / TILE, P.MODIS_TILE / TILE)
    ref = _merged(tmp_path, "ref", comp[0], comp[1], gt, P.MODIS_PROJ4)
    theirs = zonal_statistics(polys, ref, ["mean", "count", "max"], crs=P.MODIS_PROJ4, labels=["r"])
    for s in ("mean", "count", "max"):
        np.testing.assert_allclose(out[f"ndvi_{s}_2020"], theirs[f"r_{s}"], rtol=1e-6, err_msg=s)
    assert any(w and "3 of 12 periods" in t for t, w in logs)
    # polygons in lon/lat are reprojected onto the sinusoidal grid: the same numbers
    from pyproj import Transformer

    back = Transformer.from_crs(P.MODIS_PROJ4, "EPSG:4326", always_xy=True)
    ll = [Polygon(zip(*back.transform(*_densified(p).xy))) for p in polys]
    out_ll, _ = C.product_statistics(ll, [tmp_path], ["mean"], crs="EPSG:4326", preset="modis_ndvi_int16",
                                     prefix="ndvi")
    np.testing.assert_allclose(out_ll["ndvi_mean_2020"], out["ndvi_mean_2020"], rtol=2e-2)


def test_modis_quality_none_and_good_only(tmp_path):
    pytest.importorskip("pyhdf")
    rng = np.random.default_rng(5)
    truth = _ndvi_tiles(tmp_path, rng, [(6, 153)], h_list=(27,))
    ndvi, rel = truth[27, 6]
    polys, _ = _sinusoidal_polygons()
    polys = [polys[1]]
    x0 = P.MODIS_X0 + 27 * P.MODIS_TILE
    gt = GeoTransform.from_origin(x0, P.MODIS_Y0 - 5 * P.MODIS_TILE, P.MODIS_TILE / TILE, P.MODIS_TILE / TILE)
    for quality, keep in (("good", rel == 0), ("none", ndvi != -3000)):
        out, _ = C.product_statistics(polys, [tmp_path], ["mean"], crs=P.MODIS_PROJ4, preset="modis_ndvi_int16",
                                      prefix="ndvi", quality=quality)
        ref = write_raster(tmp_path / f"{quality}.tif", np.where(keep, ndvi * 0.0001, np.nan), crs=P.MODIS_PROJ4,
                           transform=gt)
        theirs = zonal_statistics(polys, ref, ["mean"], crs=P.MODIS_PROJ4, labels=["r"])
        np.testing.assert_allclose(out["ndvi_mean_2020"], theirs["r_mean"], rtol=1e-6, err_msg=quality)


def test_mcd12q1_built_up_share_and_clcd_albers(tmp_path):
    pytest.importorskip("pyhdf")
    rng = np.random.default_rng(8)
    lc = rng.choice([1, 10, 12, 13, 13, 17, 255], size=(TILE, TILE)).astype("uint8")
    (tmp_path / "modis").mkdir()
    write_modis(tmp_path / "modis", "MCD12Q1", 2019, 1, 27, 5, {"LC_Type1": lc, "LC_Type2": lc.copy()}, "MCD12Q1")
    polys, _ = _sinusoidal_polygons()
    polys = polys[1:2]
    out, cat = C.product_statistics(polys, [tmp_path / "modis"], ["frac_13"], crs=P.MODIS_PROJ4, preset="mcd12q1",
                                    prefix="built")
    gt = modis_transform(27, 5)
    ref = write_raster(tmp_path / "lc.tif", np.where(lc == 255, np.nan, lc.astype(float)), crs=P.MODIS_PROJ4,
                       transform=gt)
    theirs = zonal_statistics(polys, ref, ["frac_13"], crs=P.MODIS_PROJ4, labels=["r"])
    np.testing.assert_allclose(out["built_frac_13_2019"], theirs["r_frac_13"], rtol=1e-9)
    # CLCD: uint8 codes 1-9 in Albers, 0 outside China (unverified fill: 0 and 255 both left out)
    clcd = rng.choice([0, 1, 2, 8, 8, 5, 255], size=(30, 40)).astype("uint8")
    (tmp_path / "clcd").mkdir()
    agt = (-1_000_000.0, 30.0, 0.0, 4_000_000.0, 0.0, -30.0)
    geotiff(tmp_path / "clcd" / clcd_name(2020), clcd, agt, crs=CLCD_CRS)
    poly = [box(-999_700.0, 3_999_300.0, -998_950.0, 3_999_500.0)]
    out, _ = C.product_statistics(poly, [tmp_path / "clcd"], ["frac_8", "count"], crs=CLCD_CRS, preset="clcd",
                                  prefix="imp")
    ref = write_raster(tmp_path / "c.tif", np.where(np.isin(clcd, (0, 255)), np.nan, clcd.astype(float)),
                       crs=CLCD_CRS, transform=GeoTransform.from_gdal(agt))
    theirs = zonal_statistics(poly, ref, ["frac_8", "count"], crs=CLCD_CRS, labels=["r"])
    np.testing.assert_allclose(out["imp_frac_8_2020"], theirs["r_frac_8"], rtol=1e-9)
    np.testing.assert_allclose(out["imp_count_2020"], theirs["r_count"], rtol=1e-9)


def test_bad_folders(tmp_path):
    pytest.importorskip("pyhdf")
    rng = np.random.default_rng(1)
    _ndvi_tiles(tmp_path, rng, [(1, 1)], h_list=(27,))
    polys = [box(0, 0, 1, 1)]
    # a tile of another product in the folder
    write_black_marble(tmp_path, "VNP46A3", 2020, 1, 28, 5, np.ones((TILE, TILE)), np.zeros((TILE, TILE)))
    with pytest.raises(ZonalStatisticsError, match="mix products.*VNP46A3"):
        C.catalogue([tmp_path])
    for f in tmp_path.glob("VNP46A3*"):
        f.unlink()
    # two files for one tile and date
    import shutil

    src = next(tmp_path.glob("MOD13A3*.hdf"))
    shutil.copy(src, tmp_path / src.name.replace("2020335213015", "2021001000000"))
    with pytest.raises(ZonalStatisticsError, match="two files for one tile and date"):
        C.catalogue([tmp_path])
    (tmp_path / src.name.replace("2020335213015", "2021001000000")).unlink()
    # a year with no file
    with pytest.raises(ZonalStatisticsError, match="no file of .* for 2019"):
        C.catalogue([tmp_path], years=[2019, 2020])
    # the wrong algorithm
    with pytest.raises(ZonalStatisticsError, match="megaregion:ndvi"):
        C.catalogue([tmp_path], kinds=("ntl",))
    # an HDF without the expected layer
    with pytest.raises(ZonalStatisticsError, match="its layers are"):
        C.product_statistics(polys, [tmp_path], ["mean"], crs=P.MODIS_PROJ4, layer="1 km monthly LAI")
