"""Small fixtures of the night-light, NDVI and land-cover products in their real containers,
written from the facts of the format notes (file names, grids, layouts, scales, fills):

- VNL V2.x annual: a gzip'd float32 GeoTIFF on the global grid's odd geotransform (origin half a
  cell outside the integer degree, cell size rounded to 0.0041666667), a window of 40 x 30 cells
  at the grid's upper-left corner, with its ``cf_cvg`` twin;
- VIIRS monthly: ``SVDNB_..._75N060E_...avg_rade9h.tif`` and ``.cf_cvg.tif`` on the 75N060E
  tile's geotransform;
- Black Marble VNP46A3/A4: HDF5-EOS (``HDFEOS/GRIDS/VIIRS_Grid_DNB_2d/Data Fields/...``,
  ``HDFEOS INFORMATION/StructMetadata.0`` with packed-DMS corners, tile-number attributes),
  C1 (uint16 x 0.1, fill 65535) or C2 (float32, fill -999.9), quality flags;
- MODIS MOD13A3 / MCD12Q1: HDF4-EOS grids (SDS in a ``GRID`` Vgroup, StructMetadata.0 with the
  sinusoidal corners), NDVI int16 fill -3000, pixel reliability int8;
- CLCD: uint8 GeoTIFF in the Albers projection of the product.

Tiles are 40 x 40 cells over the real tile extents (cells are larger than the product's).
``h5py`` and ``pyhdf`` write the HDF files (test-only dependencies)."""
import gzip
import shutil

import numpy as np
from osgeo import gdal, osr

from megaregion.core.raster_io import GeoTransform
from megaregion.core.zonal import products as P

VNL_GT = (-180.00208333335, 0.0041666667, 0.0, 75.00208333335, 0.0, -0.0041666667)
MONTHLY_GT = (59.99791666665, 0.0041666667, 0.0, 75.00208333335, 0.0, -0.0041666667)
CLCD_CRS = "+proj=aea +lat_1=25 +lat_2=47 +lat_0=0 +lon_0=105 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
_GDT = {"uint8": gdal.GDT_Byte, "uint16": gdal.GDT_UInt16, "int16": gdal.GDT_Int16, "float32": gdal.GDT_Float32}
TILE = 40


def geotiff(path, data, gt, crs="EPSG:4326", nodata=None):
    data = np.asarray(data)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[1], data.shape[0], 1, _GDT[data.dtype.name])
    ds.SetGeoTransform(gt)
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteRaster(0, 0, data.shape[1], data.shape[0], np.ascontiguousarray(data).tobytes())
    ds = None
    return str(path)


def gzip_file(path):
    """``path`` gzip'd to ``path.gz`` (the original removed), as EOG distributes it."""
    with open(path, "rb") as src, gzip.open(str(path) + ".gz", "wb") as dst:
        shutil.copyfileobj(src, dst)
    import os

    os.remove(path)
    return str(path) + ".gz"


def vnl_name(year, layer, version="v21"):
    return f"VNL_{version}_npp_{year}_global_vcmslcfg_c202205302300.{layer}.dat.tif"


def write_vnl(folder, year, radiance, cf_cvg=None, gz=True):
    """A VNL V2.1 annual ``average_masked`` (and ``cf_cvg``) on the global grid's corner."""
    out = [geotiff(folder / vnl_name(year, "average_masked"), radiance.astype("float32"), VNL_GT)]
    if cf_cvg is not None:
        out.append(geotiff(folder / vnl_name(year, "cf_cvg"), cf_cvg.astype("uint16"), VNL_GT))
    return [gzip_file(p) for p in out] if gz else out


def monthly_name(year, month, layer):
    import calendar

    last = calendar.monthrange(year, month)[1]
    return (f"SVDNB_npp_{year}{month:02d}01-{year}{month:02d}{last:02d}_75N060E_vcmslcfg_v10_c{year}{month:02d}"
            f"151200.{layer}.tif")


def write_monthly(folder, year, month, radiance, cf_cvg):
    return (geotiff(folder / monthly_name(year, month, "avg_rade9h"), radiance.astype("float32"), MONTHLY_GT),
            geotiff(folder / monthly_name(year, month, "cf_cvg"), cf_cvg.astype("uint16"), MONTHLY_GT))


def _packed_dms(deg):
    """Degrees as HDF-EOS packed DMS (DDDMMMSSS.SS), e.g. 100 -> 100000000.0."""
    sign = -1 if deg < 0 else 1
    deg = abs(deg)
    d = int(deg)
    m = int((deg - d) * 60)
    s = (deg - d - m / 60) * 3600
    return sign * (d * 1e6 + m * 1e3 + s)


def black_marble_name(product, year, doy, h, v, collection="001"):
    return f"{product}.A{year}{doy:03d}.h{h:02d}v{v:02d}.{collection}.2021001000000.h5"


def write_black_marble(folder, product, year, doy, h, v, radiance, quality, collection="001",
                       layers=("NearNadir_Composite_Snow_Free", "AllAngle_Composite_Snow_Free")):
    """A VNP46A3/A4 tile: ``radiance`` in nW (stored as C1 uint16 x 0.1 or C2 float32, NaN -> fill)."""
    import h5py

    path = folder / black_marble_name(product, year, doy, h, v, collection)
    west, south, east, north = P.tile_bounds(P.PRODUCTS["black_marble_monthly"], f"h{h:02d}v{v:02d}")
    with h5py.File(path, "w") as f:
        fields = f.create_group("HDFEOS/GRIDS/VIIRS_Grid_DNB_2d/Data Fields")
        for k, name in enumerate(layers):
            rad = radiance if k == 0 else radiance * 1.5
            if collection == "001":
                stored = np.where(np.isnan(rad), 65535, np.round(rad * 10)).astype("uint16")
                d = fields.create_dataset(name, data=stored)
                d.attrs["scale_factor"] = np.float64(0.1)
                d.attrs["_FillValue"] = np.uint16(65535)
            else:
                stored = np.where(np.isnan(rad), -999.9, rad).astype("float32")
                d = fields.create_dataset(name, data=stored)
                d.attrs["_FillValue"] = np.float32(-999.9)
            q = fields.create_dataset(name + "_Quality", data=quality.astype("uint8"))
            q.attrs["_FillValue"] = np.uint8(255)
            fields.create_dataset(name + "_Num", data=np.full(radiance.shape, 5, dtype="uint16"))
        step = (east - west) / radiance.shape[1]
        fields.create_dataset("lon", data=west + step * (np.arange(radiance.shape[1]) + 0.5))
        fields.create_dataset("lat", data=north - step * (np.arange(radiance.shape[0]) + 0.5))
        meta = (
            "GROUP=SwathStructure\nEND_GROUP=SwathStructure\nGROUP=GridStructure\n\tGROUP=GRID_1\n"
            '\t\tGridName="VIIRS_Grid_DNB_2d"\n'
            f"\t\tXDim={radiance.shape[1]}\n\t\tYDim={radiance.shape[0]}\n"
            f"\t\tUpperLeftPointMtrs=({_packed_dms(west):.6f},{_packed_dms(north):.6f})\n"
            f"\t\tLowerRightMtrs=({_packed_dms(east):.6f},{_packed_dms(south):.6f})\n"
            "\t\tProjection=HE5_GCTP_GEO\n\t\tGridOrigin=HE5_HDFE_GD_UL\n\tEND_GROUP=GRID_1\n"
            "END_GROUP=GridStructure\nEND\n")
        f.create_group("HDFEOS INFORMATION").create_dataset("StructMetadata.0", data=np.bytes_(meta))
        f.attrs["HorizontalTileNumber"] = np.int32(h)
        f.attrs["VerticalTileNumber"] = np.int32(v)
    return str(path)


def modis_name(product, year, doy, h, v):
    return f"{product}.A{year}{doy:03d}.h{h:02d}v{v:02d}.061.2020335213015.hdf"


def write_modis(folder, product, year, doy, h, v, fields, grid):
    """An HDF4-EOS MODIS tile: ``fields`` {SDS name: array} in grid ``grid`` on the sinusoidal
    tile h/v (GDAL lists them as HDF4_EOS:EOS_GRID subdatasets)."""
    import pyhdf.V  # noqa: F401  (HDF.vgstart needs it imported)
    from pyhdf.HDF import HC, HDF
    from pyhdf.SD import SD, SDC

    path = str(folder / modis_name(product, year, doy, h, v))
    west, south, east, north = P.tile_bounds(P.PRODUCTS["mod13a3"], f"h{h:02d}v{v:02d}")
    types = {"int16": (SDC.INT16, "DFNT_INT16"), "int8": (SDC.INT8, "DFNT_INT8"),
             "uint8": (SDC.UINT8, "DFNT_UINT8"), "uint16": (SDC.UINT16, "DFNT_UINT16")}
    sd = SD(path, SDC.WRITE | SDC.CREATE)
    refs, objects = [], []
    ny, nx = next(iter(fields.values())).shape
    for k, (name, data) in enumerate(fields.items(), 1):
        code, dfnt = types[data.dtype.name]
        sds = sd.create(name, code, data.shape)
        sds.dim(0).setname(f"YDim:{grid}")
        sds.dim(1).setname(f"XDim:{grid}")
        sds[:] = data
        if "NDVI" in name:
            sds.attr("_FillValue").set(SDC.INT16, -3000)
            sds.attr("scale_factor").set(SDC.FLOAT64, 10000.0)
            sds.attr("valid_range").set(SDC.INT16, [-2000, 10000])
        refs.append(sds.ref())
        sds.endaccess()
        objects.append(f'\t\t\tOBJECT=DataField_{k}\n\t\t\t\tDataFieldName="{name}"\n\t\t\t\tDataType={dfnt}\n'
                       f'\t\t\t\tDimList=("YDim","XDim")\n\t\t\tEND_OBJECT=DataField_{k}\n')
    meta = (
        "GROUP=SwathStructure\nEND_GROUP=SwathStructure\nGROUP=GridStructure\n\tGROUP=GRID_1\n"
        f'\t\tGridName="{grid}"\n\t\tXDim={nx}\n\t\tYDim={ny}\n'
        f"\t\tUpperLeftPointMtrs=({west:.6f},{north:.6f})\n\t\tLowerRightMtrs=({east:.6f},{south:.6f})\n"
        "\t\tProjection=GCTP_SNSOID\n\t\tProjParams=(6371007.181000,0,0,0,0,0,0,0,0,0,0,0,0)\n"
        "\t\tSphereCode=-1\n\t\tGridOrigin=HDFE_GD_UL\n\t\tGROUP=Dimension\n\t\tEND_GROUP=Dimension\n"
        "\t\tGROUP=DataField\n" + "".join(objects) + "\t\tEND_GROUP=DataField\n\tEND_GROUP=GRID_1\n"
        "END_GROUP=GridStructure\nGROUP=PointStructure\nEND_GROUP=PointStructure\nEND\n")
    sd.attr("StructMetadata.0").set(SDC.CHAR8, meta)
    sd.end()
    hdf = HDF(path, HC.WRITE)
    vg = hdf.vgstart()
    g = vg.create(grid)
    g._class = "GRID"
    data_fields = vg.create("Data Fields")
    data_fields._class = "GRID Data"
    for r in refs:
        data_fields.add(HC.DFTAG_NDG, r)
    attrs = vg.create("Grid Attributes")
    attrs._class = "GRID Attributes"
    g.insert(data_fields)
    g.insert(attrs)
    for obj in (data_fields, attrs, g):
        obj.detach()
    vg.end()
    hdf.close()
    return path


def modis_transform(h, v, n=TILE):
    west, south, east, north = P.tile_bounds(P.PRODUCTS["mod13a3"], f"h{h:02d}v{v:02d}")
    return GeoTransform.from_origin(west, north, (east - west) / n, (north - south) / n)


def clcd_name(year):
    return f"CLCD_v01_{year}_albert.tif"
