"""Night-light rasters as downloaded, through processing.run: a folder of monthly files with
their cf_cvg twins gives one set of columns per year, with the unobserved cells left out; a
gzip'd VNL file is read as given; bad folders are refused and nothing is written."""
import gzip
import shutil

import numpy as np
import pytest
from qgis.core import NULL, QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

MONTHLY_GT = (59.99791666665, 0.0041666667, 0.0, 75.00208333335, 0.0, -0.0041666667)
VNL_GT = (-180.00208333335, 0.0041666667, 0.0, 75.00208333335, 0.0, -0.0041666667)


def _tif(path, data, gt):
    from osgeo import gdal, gdal_array, osr

    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[1], data.shape[0], 1,
                                              gdal_array.NumericTypeCodeToGDALTypeCode(data.dtype))
    ds.SetGeoTransform(gt)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(data)
    ds = None
    return path


def _squares(gt, boxes):
    """A polygon layer of (col0, row0, col1, row1) boxes of the grid, adcode '0', '1' ..."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=adcode:string", "sq", "memory")
    feats = []
    for i, (c0, r0, c1, r1) in enumerate(boxes):
        x0, x1 = gt[0] + c0 * gt[1], gt[0] + c1 * gt[1]
        y0, y1 = gt[3] + r1 * gt[5], gt[3] + r0 * gt[5]
        f = QgsFeature(layer.fields())
        f.setAttributes([str(i)])
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _rows(layer):
    names = layer.fields().names()
    return {f["adcode"]: dict(zip(names, [None if v == NULL else v for v in f.attributes()]))
            for f in layer.getFeatures()}


def _monthly_folder(folder, year=2020):
    """Month m: radiance m everywhere; cf_cvg 0 (no observation, radiance stored 0) in the west
    half for odd months."""
    import calendar

    for m in range(1, 13):
        last = calendar.monthrange(year, m)[1]
        stem = f"SVDNB_npp_{year}{m:02d}01-{year}{m:02d}{last:02d}_75N060E_vcmslcfg_v10_c{year}{m:02d}151200"
        rad = np.full((30, 40), float(m), dtype="float32")
        cov = np.full((30, 40), 3, dtype="uint16")
        if m % 2:
            cov[:, :20] = 0
            rad[:, :20] = 0.0
        _tif(folder / f"{stem}.avg_rade9h.tif", rad, MONTHLY_GT)
        _tif(folder / f"{stem}.cf_cvg.tif", cov, MONTHLY_GT)


def test_monthly_folder_gives_one_column_set_per_year(run_alg, tmp_path):
    folder = tmp_path / "monthly"
    folder.mkdir()
    _monthly_folder(folder)
    squares = _squares(MONTHLY_GT, [(2, 2, 18, 20), (22, 5, 38, 28)])
    out = run_alg("megaregion:nighttimelight",
                  {"INPUT": squares, "RASTER_FOLDER": str(folder), "PREFIX": "ntl", "STATISTICS": [1, 5, 11],
                   "OUTPUT": "memory:"})["OUTPUT"]
    new = [n for n in out.fields().names() if n != "adcode"]
    assert new == ["ntl_mean_2020", "ntl_count_2020", "ntl_valid_fraction_2020", "ntl_status"]
    rows = _rows(out)
    # west: only the even months were observed (2, 4 ... 12: mean 7), east: all twelve (6.5)
    assert rows["0"]["ntl_mean_2020"] == pytest.approx(7.0)
    assert rows["1"]["ntl_mean_2020"] == pytest.approx(6.5)
    assert rows["0"]["ntl_count_2020"] == pytest.approx(16 * 18, rel=1e-6)


def test_monthly_files_given_one_by_one_and_min_coverage(run_alg, tmp_path):
    _monthly_folder(tmp_path)
    files = sorted(str(p) for p in tmp_path.glob("SVDNB*.tif"))
    assert len(files) == 24
    squares = _squares(MONTHLY_GT, [(2, 2, 18, 20)])
    rows = _rows(run_alg("megaregion:nighttimelight",
                         {"INPUT": squares, "RASTER": files, "PREFIX": "ntl", "STATISTICS": [1],
                          "MIN_COVERAGE": 4, "OUTPUT": "memory:"})["OUTPUT"])
    # no cell has 4 cloud-free observations: nothing valid, a note instead of a number
    assert rows["0"]["ntl_mean_2020"] is None and rows["0"]["ntl_status"] != "ok"


def test_gzipped_vnl_is_read_as_given(run_alg, tmp_path):
    rad = np.arange(30 * 40, dtype="float32").reshape(30, 40) / 100
    name = "VNL_v21_npp_2021_global_vcmslcfg_c202205302300.average_masked.dat.tif"
    _tif(tmp_path / name, rad, VNL_GT)
    with open(tmp_path / name, "rb") as src, gzip.open(tmp_path / (name + ".gz"), "wb") as dst:
        shutil.copyfileobj(src, dst)
    (tmp_path / name).unlink()
    squares = _squares(VNL_GT, [(3, 4, 13, 10)])
    rows = _rows(run_alg("megaregion:nighttimelight",
                         {"INPUT": squares, "RASTER": [str(tmp_path / (name + ".gz"))], "STATISTICS": [1],
                          "OUTPUT": "memory:"})["OUTPUT"])
    assert rows["0"]["ntl_mean_2021"] == pytest.approx(rad[4:10, 3:13].mean(), rel=1e-6)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name + ".gz"]


def test_bad_folders_are_refused_and_nothing_written(run_alg, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    _monthly_folder(folder)
    _tif(folder / "LongNTL_2020.tif", np.ones((30, 40), dtype="float32"), MONTHLY_GT)
    out = tmp_path / "out.gpkg"
    squares = _squares(MONTHLY_GT, [(2, 2, 18, 20)])
    with pytest.raises(QgsProcessingException, match="mix products"):
        run_alg("megaregion:nighttimelight", {"INPUT": squares, "RASTER_FOLDER": str(folder), "OUTPUT": str(out)})
    assert not out.exists()
    (folder / "LongNTL_2020.tif").unlink()
    with pytest.raises(QgsProcessingException, match="no file of .* for 2019"):
        run_alg("megaregion:nighttimelight", {"INPUT": squares, "RASTER_FOLDER": str(folder), "YEARS": "2019",
                                               "OUTPUT": str(out)})
    assert not out.exists()
    with pytest.raises(QgsProcessingException, match="megaregion:nighttimelight"):
        run_alg("megaregion:ndvi", {"INPUT": squares, "RASTER_FOLDER": str(folder), "OUTPUT": str(out)})
    assert not out.exists()
