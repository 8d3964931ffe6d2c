"""Rasters and polygons for the zonal tests, written and read with GDAL's Python bindings
(``osgeo``), which every test environment has (QGIS ships them; rasterio and geopandas are not
everywhere). Only ``osgeo.gdal`` / ``ogr`` / ``osr`` proper are used, not ``gdal_array``, so the
bindings work whichever numpy they were built against."""
import numpy as np
from osgeo import gdal, ogr, osr
from shapely import wkb

from megaregion.core.raster_io import GeoTransform

_GDT = {"uint8": gdal.GDT_Byte, "uint16": gdal.GDT_UInt16, "int16": gdal.GDT_Int16, "uint32": gdal.GDT_UInt32,
        "int32": gdal.GDT_Int32, "float32": gdal.GDT_Float32, "float64": gdal.GDT_Float64}


#: North-up grid ``from_origin(west, north, xsize, ysize)``, as the engine's own geotransform.
from_origin = GeoTransform.from_origin


def _check(result, what):
    if result is None or (isinstance(result, int) and result != gdal.CE_None):
        raise RuntimeError(f"{what}: {gdal.GetLastErrorMsg()}")
    return result


def write_raster(path, data, crs=None, transform=None, nodata=None, blocksize=None, compress=None,
                 scale=None, offset=None):
    """A GeoTIFF of ``data`` ((rows, cols) or (bands, rows, cols)); returns the path as text."""
    data = np.asarray(data)
    if data.ndim == 2:
        data = data[None]
    count, height, width = data.shape
    options = []
    if blocksize:
        options += ["TILED=YES", f"BLOCKXSIZE={blocksize}", f"BLOCKYSIZE={blocksize}"]
    if compress:
        options += [f"COMPRESS={compress}"]
    driver = gdal.GetDriverByName("GTiff")
    ds = _check(driver.Create(str(path), width, height, count, _GDT[data.dtype.name], options), f"creating {path}")
    if transform is not None:
        t = transform
        _check(ds.SetGeoTransform(t.to_gdal()), "geotransform")
    if crs is not None:
        srs = osr.SpatialReference()
        _check(srs.SetFromUserInput(str(crs)), f"CRS {crs}")
        _check(ds.SetProjection(srs.ExportToWkt()), "projection")
    for b in range(count):
        band = ds.GetRasterBand(b + 1)
        if nodata is not None:
            _check(band.SetNoDataValue(float(nodata)), "nodata")
        if scale is not None:
            band.SetScale(float(scale))
        if offset is not None:
            band.SetOffset(float(offset))
        _check(band.WriteRaster(0, 0, width, height, np.ascontiguousarray(data[b]).tobytes()), "writing")
    ds.FlushCache()
    ds = None
    return str(path)


def raster_info(path):
    """(crs WKT, transform, (rows, cols)) of a raster."""
    ds = _check(gdal.Open(str(path)), f"opening {path}")
    return ds.GetProjection(), GeoTransform.from_gdal(ds.GetGeoTransform()), (ds.RasterYSize, ds.RasterXSize)


def read_band(path, band=1) -> np.ndarray:
    ds = _check(gdal.Open(str(path)), f"opening {path}")
    b = ds.GetRasterBand(band)
    dtype = {v: k for k, v in _GDT.items()}[b.DataType]
    buf = b.ReadRaster(0, 0, ds.RasterXSize, ds.RasterYSize)
    return np.frombuffer(buf, dtype=dtype).reshape(ds.RasterYSize, ds.RasterXSize)


def rasterize(polygon, shape, all_touched=False) -> np.ndarray:
    """GDAL's rasterizer (``gdal.RasterizeLayer``) of one shapely polygon given in pixel
    coordinates onto a grid of ``shape`` (rows, cols): 1 inside, 0 outside."""
    height, width = shape
    ds = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((0.0, 1.0, 0.0, 0.0, 0.0, 1.0))
    vec = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = vec.CreateLayer("p", geom_type=ogr.wkbUnknown)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes(polygon.wkb)))
    layer.CreateFeature(feature)
    options = ["ALL_TOUCHED=TRUE"] if all_touched else []
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # "no spatial reference": pixel space on both sides
    try:
        _check(gdal.RasterizeLayer(ds, [1], layer, burn_values=[1], options=options), "rasterize")
    finally:
        gdal.PopErrorHandler()
    buf = ds.GetRasterBand(1).ReadRaster(0, 0, width, height)
    return np.frombuffer(buf, dtype=np.uint8).reshape(height, width)


def read_polygons(path, *fields):
    """Shapely geometries of a vector file, its CRS (WKT) and the requested attribute columns."""
    ds = _check(ogr.Open(str(path)), f"opening {path}")
    layer = ds.GetLayer(0)
    geoms, columns = [], {f: [] for f in fields}
    for feature in layer:
        g = feature.GetGeometryRef()
        geoms.append(wkb.loads(bytes(g.ExportToWkb())) if g is not None else None)
        for f in fields:
            columns[f].append(feature.GetField(f))
    srs = layer.GetSpatialRef()
    return geoms, (srs.ExportToWkt() if srs is not None else None), columns
