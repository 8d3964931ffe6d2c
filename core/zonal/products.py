"""Night-light, vegetation and land-cover products as they are downloaded: what a file name says
(product, date, tile, layer), which layer of a container to open, how a tile is placed on the
map when GDAL cannot say, and how the stored numbers are read.

Products (real file names in ``docs/algorithms.md``; facts and sources in the project's format
notes):

=====================  ====================================================================  ==============
product                file name                                                             date
=====================  ====================================================================  ==============
``vnl_annual``         ``VNL_v21_npp_2020_global_vcmslcfg_c202205302300.average_masked.dat    the 4-digit year
                       .tif.gz`` (and ``cf_cvg``, the cloud-free coverage)                   after ``npp``
``viirs_monthly``      ``SVDNB_npp_20200601-20200630_75N060E_vcmslcfg_v10_c202007...          first day
                       .avg_rade9h.tif`` with its ``.cf_cvg.tif`` twin
``black_marble_*``     ``VNP46A3.A2020153.h28v05.001.2021....h5`` (A4: annual)                ``AYYYYDDD``
``mod13a3``/``q1``     ``MOD13A3.A2020122.h27v05.061.2020335213015.hdf``                      ``AYYYYDDD``
``mcd12q1``            ``MCD12Q1.A2020001.h27v05.061.2022172020229.hdf``                      ``AYYYY001``
``npp_viirs_like``     ``LongNTL_2020.tif`` (Chen et al. 2021)                                year
``harmonised_ntl``     ``Harmonized_DN_NTL_2020_simVIIRS.tif`` (Li et al. 2020)              year
``clcd``               ``CLCD_v01_2020_albert.tif`` (Yang & Huang 2021)                       year
=====================  ====================================================================  ==============

Creation and production stamps (``c2022...``, the trailing MODIS/VIIRS stamp) are never taken
as dates. Tiles: EOG monthly tiles by their upper-left corner (``75N060E``), Black Marble's
10-degree lon/lat tiles ``h{XX}v{YY}`` (west = -180 + 10 h, north = 90 - 10 v), MODIS
sinusoidal tiles of 1 111 950.5197 m on a sphere of radius 6 371 007.181 m
(x_min = -20 015 109.354 + h x tile, y_max = 10 007 554.677 - v x tile).
"""
from __future__ import annotations

import gzip
import math
import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Optional, Tuple

from ..messages import msg
from .errors import ZonalStatisticsError

MODIS_TILE = 1111950.5197
MODIS_X0, MODIS_Y0 = -20015109.354, 10007554.677
MODIS_PROJ4 = "+proj=sinu +lon_0=0 +x_0=0 +y_0=0 +R=6371007.181 +units=m +no_defs"
BLACK_MARBLE_TILE_DEG = 10.0
#: EOG monthly tiles: upper-left corner -> (west, south, east, north) in degrees.
EOG_TILES = {"75N180W": (-180, 0, -60, 75), "75N060W": (-60, 0, 60, 75), "75N060E": (60, 0, 180, 75),
             "00N180W": (-180, -65, -60, 0), "00N060W": (-60, -65, 60, 0), "00N060E": (60, -65, 180, 0)}

#: File endings considered when a folder is given (others, such as .xml or .md5, are skipped).
RASTER_ENDINGS = (".tif", ".tiff", ".tif.gz", ".tiff.gz", ".h5", ".he5", ".hdf", ".vrt", ".img")


@dataclass(frozen=True)
class Product:
    """What the plugin knows of one product."""

    key: str
    label: str
    pattern: "re.Pattern"
    preset: str
    kind: str  # 'ntl', 'ndvi', 'landcover', 'generic'
    container: str = "gtiff"  # 'gtiff', 'hdf5', 'hdf4'
    layers: Tuple[str, ...] = ()  # data layers, the default first
    coverage_layers: Tuple[str, ...] = ()  # layers that are masks, never data
    tiling: Optional[str] = None  # 'eog', 'black_marble', 'modis'
    periods_per_year: int = 1
    composite: str = "mean"
    quality: Optional[str] = None  # 'black_marble', 'modis_reliability' (flag kinds of .masks)
    categories: Tuple[int, ...] = ()


def _re(text):
    return re.compile(text, re.IGNORECASE)


_VNL_DATA = ("average_masked", "average", "median_masked", "median", "maximum", "minimum")

PRODUCTS = {p.key: p for p in (
    Product("vnl_annual", "EOG VIIRS Nighttime Lights V2 (annual)",
            _re(r"^VNL_(?:v\d+_)?n(?:pp|oaa\d+)(?:-j\d+)?_(?P<year>\d{4})(?:\d{2}-\d{6})?_global_[a-z]+_(?:v\d+_)?"
                r"c\d+\.(?P<layer>[a-z_]+)(?:\.dat)?\.tiff?(?:\.gz)?$"),
            "viirs_annual", "ntl", layers=_VNL_DATA, coverage_layers=("cf_cvg",)),
    Product("viirs_monthly", "EOG VIIRS DNB monthly composites (VCM)",
            _re(r"^SVDNB_(?:npp|j\d+)_(?P<start>\d{8})-(?P<end>\d{8})_(?P<tile>\d{2}[NS]\d{3}[EW])_vcm[a-z]*_v\d+_"
                r"c\d+\.(?P<layer>avg_rade9h|cf_cvg)(?:\.[a-z_]+)?\.tiff?(?:\.gz)?$"),
            "viirs_monthly", "ntl", layers=("avg_rade9h",), coverage_layers=("cf_cvg",), tiling="eog",
            periods_per_year=12),
    Product("black_marble_monthly", "NASA Black Marble VNP46A3 (monthly)",
            _re(r"^(?:VNP|VJ1|VJ2)46A3\.A(?P<year>\d{4})(?P<doy>\d{3})\.h(?P<h>\d{2})v(?P<v>\d{2})\.(?P<coll>\d{3})"
                r"\.\d+\.h5$"),
            "black_marble", "ntl", "hdf5", layers=("NearNadir_Composite_Snow_Free",), tiling="black_marble",
            periods_per_year=12, quality="black_marble"),
    Product("black_marble_annual", "NASA Black Marble VNP46A4 (annual)",
            _re(r"^(?:VNP|VJ1|VJ2)46A4\.A(?P<year>\d{4})(?P<doy>\d{3})\.h(?P<h>\d{2})v(?P<v>\d{2})\.(?P<coll>\d{3})"
                r"\.\d+\.h5$"),
            "black_marble", "ntl", "hdf5", layers=("NearNadir_Composite_Snow_Free",), tiling="black_marble",
            quality="black_marble"),
    Product("mod13a3", "MODIS MOD13A3 / MYD13A3 monthly NDVI (1 km)",
            _re(r"^M[OY]D13A3\.A(?P<year>\d{4})(?P<doy>\d{3})\.h(?P<h>\d{2})v(?P<v>\d{2})\.(?P<coll>\d{3})\.\d+\.hdf$"),
            "modis_ndvi_int16", "ndvi", "hdf4", layers=("1 km monthly NDVI",), tiling="modis", periods_per_year=12,
            composite="max", quality="modis_reliability"),
    Product("mod13q1", "MODIS MOD13Q1 / MYD13Q1 16-day NDVI (250 m)",
            _re(r"^M[OY]D13Q1\.A(?P<year>\d{4})(?P<doy>\d{3})\.h(?P<h>\d{2})v(?P<v>\d{2})\.(?P<coll>\d{3})\.\d+\.hdf$"),
            "modis_ndvi_int16", "ndvi", "hdf4", layers=("250m 16 days NDVI",), tiling="modis", periods_per_year=23,
            composite="max", quality="modis_reliability"),
    Product("mcd12q1", "MODIS MCD12Q1 land cover (500 m, IGBP)",
            _re(r"^MCD12Q1\.A(?P<year>\d{4})(?P<doy>\d{3})\.h(?P<h>\d{2})v(?P<v>\d{2})\.(?P<coll>\d{3})\.\d+\.hdf$"),
            "mcd12q1", "landcover", "hdf4", layers=("LC_Type1",), tiling="modis", categories=(13,)),
    Product("npp_viirs_like", "NPP-VIIRS-like night lights (Chen et al. 2021)",
            _re(r"^LongNTL_(?P<year>\d{4})\.tiff?$"), "npp_viirs_like", "ntl"),
    Product("harmonised_ntl", "Harmonised DMSP-VIIRS night lights (Li et al. 2020)",
            _re(r"^Harmonized_DN_NTL_(?P<year>\d{4})_(?P<layer>calDMSP|simVIIRS)\.tiff?$"), "dmsp_like_harmonised",
            "ntl"),
    Product("clcd", "China Land Cover Dataset CLCD (30 m)",
            _re(r"^CLCD_v01_(?P<year>\d{4})(?:_albert)?\.tiff?$"), "clcd", "landcover", categories=(8,)),
)}

#: Names of the pixel-reliability layers of MODIS vegetation indices.
_RELIABILITY = {"mod13a3": "1 km monthly pixel reliability", "mod13q1": "250m 16 days pixel reliability"}

GENERIC = Product("generic", "raster", _re(r".*"), "", "generic")


@dataclass(frozen=True)
class ProductFile:
    """One downloaded file: its product, year, period (sortable, e.g. '2020-06'), tile, layer."""

    path: str
    product: Product
    year: Optional[int]
    period: str
    tile: Optional[str] = None
    layer: Optional[str] = None
    collection: Optional[str] = None

    @property
    def name(self):
        return os.path.basename(self.path)

    @property
    def is_coverage(self) -> bool:
        return self.layer is not None and self.layer.lower() in self.product.coverage_layers


def _period_of_doy(year: int, doy: int, per_year: int) -> str:
    if per_year == 12:
        d = date(year, 1, 1) + timedelta(days=doy - 1)
        return f"{year}-{d.month:02d}"
    if per_year == 1:
        return str(year)
    return f"{year}-{doy:03d}"


def identify(path) -> ProductFile:
    """The product, date, tile and layer a file's name encodes (:data:`GENERIC` when none).

    >>> f = identify("/d/SVDNB_npp_20200601-20200630_75N060E_vcmslcfg_v10_c202007101200.cf_cvg.tif")
    >>> f.product.key, f.year, f.period, f.tile, f.is_coverage
    ('viirs_monthly', 2020, '2020-06', '75N060E', True)
    >>> f = identify("VNP46A3.A2020153.h28v05.001.2021001000000.h5")
    >>> f.product.key, f.period, f.tile
    ('black_marble_monthly', '2020-06', 'h28v05')
    >>> identify("VNL_v21_npp_201204-201212_global_vcmcfg_c202205302300.average_masked.dat.tif.gz").year
    2012
    >>> identify("VNL_npp_2023_global_vcmslcfg_v2_c202402081600.average_masked.dat.tif.gz").layer
    'average_masked'
    >>> identify("MOD13Q1.A2023241.h28v05.061.2023258002222.hdf").period
    '2023-241'
    >>> identify("ntl_synthetic_2010.tif").product.key, identify("ntl_synthetic_2010.tif").year
    ('generic', 2010)
    """
    from .naming import year_in_file_name

    path = str(path)
    name = os.path.basename(path)
    for product in PRODUCTS.values():
        m = product.pattern.match(name)
        if not m:
            continue
        g = m.groupdict()
        layer = g.get("layer")
        tile = g.get("tile")
        if "start" in g and g["start"]:
            year = int(g["start"][:4])
            period = f"{year}-{g['start'][4:6]}"
        else:
            year = int(g["year"])
            period = (_period_of_doy(year, int(g["doy"]), product.periods_per_year) if g.get("doy")
                      else str(year))
        if g.get("h") is not None:
            tile = f"h{g['h']}v{g['v']}"
        return ProductFile(path, product, year, period, tile, layer.lower() if layer else None, g.get("coll"))
    year = year_in_file_name(name)
    return ProductFile(path, GENERIC, year, str(year) if year else name)


# --- opening -------------------------------------------------------------------------------------------


def check_gzip_tiff(path: str) -> None:
    """A ``.gz`` file must hold a TIFF: a clear error otherwise (before GDAL's vague one)."""
    try:
        with gzip.open(path, "rb") as fh:
            head = fh.read(4)
    except (OSError, EOFError) as exc:
        raise ZonalStatisticsError(msg(
            "'{path}' is not a gzip file ({reason}): download it again, or give the unpacked .tif",
            "“{path}”不是 gzip 文件（{reason}）：请重新下载，或给出解压后的 .tif", path=path, reason=str(exc))) from None
    if head[:4] not in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        raise ZonalStatisticsError(msg(
            "'{path}' is a gzip file that does not hold a GeoTIFF: download it again or give the raster itself",
            "“{path}”是 gzip 文件，但其中不是 GeoTIFF：请重新下载或直接给出栅格文件", path=path))


def gdal_path(path: str) -> str:
    """The name GDAL opens: ``/vsigzip/`` before a gzip'd file (read in place, never unpacked
    to disk).

    >>> gdal_path("/d/a.tif.gz"), gdal_path("/d/a.tif")
    ('/vsigzip//d/a.tif.gz', '/d/a.tif')
    """
    if path.lower().endswith(".gz") and not path.startswith("/vsi"):
        return "/vsigzip/" + os.path.abspath(path)
    return path


def _norm(text: str) -> str:
    return re.sub(r"[\s_]+", "_", text.strip().lower())


def subdatasets(path: str) -> list:
    """(name, description) of the subdatasets GDAL lists for an HDF file (listed once per file
    version: a year of tiles opens each file's data and quality layer)."""
    try:
        st = os.stat(path)
        key = (os.path.abspath(path), st.st_mtime_ns, st.st_size)
    except OSError:
        key = None
    if key is not None and key in _SUBDATASETS:
        return _SUBDATASETS[key]
    out = _list_subdatasets(path)
    if key is not None:
        if len(_SUBDATASETS) > 4096:
            _SUBDATASETS.clear()
        _SUBDATASETS[key] = out
    return out


_SUBDATASETS = {}


def _list_subdatasets(path: str) -> list:
    from osgeo import gdal

    ds = _quiet_open(path)
    if ds is None:
        raise ZonalStatisticsError(msg("'{path}' cannot be opened by GDAL: {reason}; download it again",
                                       "GDAL 无法打开“{path}”：{reason}；请重新下载", path=path,
                                       reason=gdal.GetLastErrorMsg() or "?"))
    md = ds.GetMetadata("SUBDATASETS") or {}
    out = []
    k = 1
    while f"SUBDATASET_{k}_NAME" in md:
        out.append((md[f"SUBDATASET_{k}_NAME"], md.get(f"SUBDATASET_{k}_DESC", "")))
        k += 1
    return out


def _field_of(name: str, desc: str) -> str:
    """The field name of a subdataset: the last path element (HDF5), the quoted or last ':'
    element (HDF4_EOS), or the name in the description (HDF4_SDS)."""
    if name.upper().startswith("HDF5:"):
        return name.rsplit("/", 1)[-1]
    if name.upper().startswith("HDF4_EOS:"):
        return name.rsplit(":", 1)[-1].strip('"')
    m = re.match(r"\[[^\]]*\]\s+(.*?)\s+\([^)]*\)\s*$", desc or "")
    return m.group(1) if m else name.rsplit(":", 1)[-1]


def find_layer(path: str, layer: str, what: str = "LAYER") -> str:
    """The subdataset of ``path`` whose field is ``layer`` (spaces and underscores alike, case
    ignored; a unique field ending in ``_<layer>`` also matches, e.g. 'EVI'); a clear error
    listing the fields otherwise."""
    subs = subdatasets(path)
    if not subs:
        return path  # a single-layer file: GDAL opens it directly
    fields = [(_field_of(n, d), n) for n, d in subs]
    want = _norm(layer)
    exact = [n for f, n in fields if _norm(f) == want]
    if len(exact) == 1:
        return exact[0]
    ends = [n for f, n in fields if _norm(f).endswith("_" + want)]
    if len(ends) == 1 and not exact:
        return ends[0]
    raise ZonalStatisticsError(msg(
        "{what} '{layer}' is not a layer of '{path}' (or names several); its layers are: {fields}. "
        "Choose one of them in LAYER, or check that the file is the product you meant",
        "{what}“{layer}”不是“{path}”中的图层（或对应多个图层）；其图层为：{fields}。请在 LAYER 中选择其一，"
        "或检查该文件是否为所需产品",
        what=what, layer=layer, path=os.path.basename(path), fields="; ".join(f for f, _ in fields)))


def layer_names(path: str) -> list:
    """The fields of an HDF file (for the log: the other layers LAYER can choose)."""
    return [_field_of(n, d) for n, d in subdatasets(path)]


def _quiet_open(name):
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        try:
            return gdal.OpenEx(name, gdal.OF_RASTER | gdal.OF_READONLY)
        except RuntimeError:
            return None
    finally:
        gdal.PopErrorHandler()


def tile_bounds(product: Product, tile: str) -> Optional[tuple]:
    """(west, south, east, north) of a tile in the product's CRS, None for untiled products.

    >>> tile_bounds(PRODUCTS["black_marble_monthly"], "h28v05")
    (100.0, 30.0, 110.0, 40.0)
    >>> [round(v, 3) for v in tile_bounds(PRODUCTS["mod13a3"], "h08v05")]
    [-11119505.196, 3335851.559, -10007554.677, 4447802.078]
    """
    if product.tiling in ("black_marble", "modis"):
        h, v = int(tile[1:3]), int(tile[4:6])
        if product.tiling == "black_marble":
            west, north = -180.0 + BLACK_MARBLE_TILE_DEG * h, 90.0 - BLACK_MARBLE_TILE_DEG * v
            return (west, north - BLACK_MARBLE_TILE_DEG, west + BLACK_MARBLE_TILE_DEG, north)
        west, north = MODIS_X0 + h * MODIS_TILE, MODIS_Y0 - v * MODIS_TILE
        return (west, north - MODIS_TILE, west + MODIS_TILE, north)
    if product.tiling == "eog":
        return EOG_TILES.get(tile.upper())
    return None


def product_crs(product: Product) -> str:
    return MODIS_PROJ4 if product.tiling == "modis" else "EPSG:4326"


def _has_georeferencing(ds) -> bool:
    gt = ds.GetGeoTransform(can_return_null=True)
    return gt is not None and tuple(gt) != (0.0, 1.0, 0.0, 0.0, 0.0, 1.0) and bool(ds.GetProjectionRef())


@dataclass
class Opened:
    """A layer ready for a mosaic: the name GDAL opens, its data type, and the /vsimem/ files
    made for it (removed by :meth:`megaregion.core.zonal.catalogue.Catalogue.close`)."""

    name: str
    dtype: str
    temp: list = field(default_factory=list)
    placed: bool = False  # georeferenced from the tile id by the plugin
    grid: Optional[tuple] = None  # (geotransform, width, height, CRS WKT) once known


def open_layer(pf: ProductFile, field_name: Optional[str], what: str = "LAYER") -> Opened:
    """Open ``field_name`` of the file (the file itself for GeoTIFFs), georeferenced: by GDAL
    when it can (GDAL >= 3.7 reads HDF-EOS5 grids), else from the tile id."""
    from osgeo import gdal

    path = pf.path
    if path.lower().endswith(".gz"):
        check_gzip_tiff(path)
    name = find_layer(path, field_name, what) if pf.product.container in ("hdf5", "hdf4") and field_name else gdal_path(path)
    ds = _quiet_open(name)
    if ds is None or ds.RasterCount < 1:
        reason = gdal.GetLastErrorMsg() or msg("not a raster GDAL can read", "不是 GDAL 能读取的栅格")
        raise ZonalStatisticsError(msg("'{path}' cannot be read as a raster: {reason}; download it again",
                                       "“{path}”无法作为栅格读取：{reason}；请重新下载", path=path, reason=reason))
    dtype = gdal.GetDataTypeName(ds.GetRasterBand(1).DataType)
    if _has_georeferencing(ds):
        return Opened(name, dtype, grid=(ds.GetGeoTransform(), ds.RasterXSize, ds.RasterYSize,
                                         ds.GetProjectionRef()))
    bounds = tile_bounds(pf.product, pf.tile) if pf.tile else None
    if bounds is None:
        if ds.GetProjectionRef() or pf.product.container == "gtiff":
            return Opened(name, dtype)  # the engine reports a missing CRS
        raise ZonalStatisticsError(msg(
            "'{path}' has no georeferencing and its name gives no tile: keep the product's original file name",
            "“{path}”没有地理参考，文件名中也没有图块号：请保留产品的原始文件名", path=path))
    west, south, east, north = bounds
    out = f"/vsimem/megaregion/{uuid.uuid4().hex}.vrt"
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        gdal.Translate(out, ds, format="VRT", outputBounds=[west, north, east, south],
                       outputSRS=product_crs(pf.product))
    finally:
        gdal.PopErrorHandler()
    return Opened(out, dtype, [out], True)


def band_conventions(product: Product, dtype: str) -> dict:
    """Scale, fill and the fill a mosaic writes where no tile is, from the product and the data type
    (Black Marble C1 stores uint16 x 0.1 with fill 65535, C2 float32 with fill -999.9; MODIS
    NDVI int16 fill -3000; MCD12Q1 uint8 fill 255; radiance without fill: NaN).

    >>> band_conventions(PRODUCTS["black_marble_monthly"], "UInt16")
    {'scale': 0.1, 'nodata': 65535.0, 'fill': 65535.0}
    >>> band_conventions(PRODUCTS["black_marble_monthly"], "Float32")["nodata"]
    -999.9
    """
    if product.key.startswith("black_marble"):
        if dtype == "UInt16":
            return {"scale": 0.1, "nodata": 65535.0, "fill": 65535.0}
        return {"scale": None, "nodata": -999.9, "fill": -999.9}
    if product.kind == "ndvi" and dtype == "Int16":
        return {"scale": None, "nodata": -3000.0, "fill": -3000.0}
    if product.key == "mcd12q1" or (product.key == "clcd" and dtype == "Byte"):
        return {"scale": None, "nodata": None, "fill": 255.0 if product.key == "mcd12q1" else 0.0}
    if dtype.startswith("Float"):
        return {"scale": None, "nodata": None, "fill": float("nan")}
    return {"scale": None, "nodata": None, "fill": None}


def mask_layer(pf: ProductFile, data_layer: str) -> Optional[str]:
    """The quality layer of a data layer inside the same file (Black Marble ``<layer>_Quality``,
    MODIS pixel reliability), None for products whose mask is a twin file."""
    if pf.product.quality == "black_marble":
        return f"{data_layer}_Quality"
    if pf.product.quality == "modis_reliability":
        return _RELIABILITY[pf.product.key]
    return None


def tiles_needed(product: Product, lonlat_bounds, projected_bounds=None) -> set:
    """The tiles a set of polygons needs: ``lonlat_bounds`` (west, south, east, north) per
    polygon, ``projected_bounds`` the same in the sinusoidal grid for MODIS.

    >>> sorted(tiles_needed(PRODUCTS["black_marble_monthly"], [(105.2, 29.5, 106.0, 30.5)]))
    ['h28v05', 'h28v06']
    """
    out = set()
    if product.tiling == "black_marble":
        for w, s, e, n in lonlat_bounds:
            for h in range(int(math.floor((w + 180) / 10)), int(math.floor((e + 180) / 10)) + 1):
                for v in range(int(math.floor((90 - n) / 10)), int(math.floor((90 - s) / 10)) + 1):
                    out.add(f"h{h:02d}v{v:02d}")
    elif product.tiling == "modis" and projected_bounds is not None:
        for w, s, e, n in projected_bounds:
            for h in range(int(math.floor((w - MODIS_X0) / MODIS_TILE)), int(math.floor((e - MODIS_X0) / MODIS_TILE)) + 1):
                for v in range(int(math.floor((MODIS_Y0 - n) / MODIS_TILE)),
                               int(math.floor((MODIS_Y0 - s) / MODIS_TILE)) + 1):
                    out.add(f"h{h:02d}v{v:02d}")
    elif product.tiling == "eog":
        for w, s, e, n in lonlat_bounds:
            for tile, (tw, ts, te, tn) in EOG_TILES.items():
                if w < te and e > tw and s < tn and n > ts:
                    out.add(tile)
    return out


def band_data_type(path: str) -> str:
    """GDAL's name of the data type of band 1 of a raster file ('' when it cannot be opened)."""
    from osgeo import gdal

    ds = _quiet_open(gdal_path(path))
    if ds is None or ds.RasterCount < 1:
        return ""
    return gdal.GetDataTypeName(ds.GetRasterBand(1).DataType)
