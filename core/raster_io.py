"""Raster access for zonal statistics through GDAL's own Python bindings (``osgeo.gdal``), which
QGIS ships on every platform.

:class:`Raster` presents what :mod:`.zonal` needs of a dataset: size, band count, data types,
block shape, scale/offset/nodata tags, the geotransform (:class:`GeoTransform`), the CRS as WKT
and windowed reads of several bands straight into a caller's numpy array (``ReadRaster`` with
``buf_obj``: no copy, and no use of ``gdal_array``, so the numpy that GDAL was built against
does not matter). GDAL releases the GIL while it reads and decodes, so a background thread
can read while the main thread computes.

GDAL's process-wide state is left as it was found, which matters inside QGIS:

- exceptions: ``gdal.UseExceptions()`` is neither called nor assumed; each call checks both a
  raised ``RuntimeError`` and the returned value / error state, so either setting works.
  GDAL's error messages go into :class:`RasterIOError` instead of the error handler (a quiet
  handler is pushed on the calling thread around each call);
- ``GDAL_NUM_THREADS`` (decoding of compressed blocks on GDAL's threads) is set as a
  thread-local option while the dataset is opened, which is when the GeoTIFF driver reads it;
  an uncompressed GeoTIFF is opened without it, as threads only add work to copying it;
- the block cache size is set by :func:`block_cache` for the duration of a run and restored
  after it (nested and concurrent runs restore the value found by the first one).
"""
from __future__ import annotations

import contextlib
import os
import threading
from typing import NamedTuple, Optional, Sequence

import numpy as np
from osgeo import gdal, osr  # noqa: F401  (osr: GetSpatialRef returns osr.SpatialReference)

from .messages import msg


class RasterIOError(RuntimeError):
    """GDAL could not open or read a raster; the message is GDAL's."""


class GeoTransform(NamedTuple):
    """Affine map from (column, row) to map coordinates, in the order of ``affine.Affine``:
    x = a col + b row + c, y = d col + e row + f."""

    a: float
    b: float
    c: float
    d: float
    e: float
    f: float

    @classmethod
    def from_gdal(cls, gt: Sequence[float]) -> "GeoTransform":
        """From GDAL's (c, a, b, f, d, e) order."""
        c, a, b, f, d, e = (float(v) for v in gt)
        return cls(a, b, c, d, e, f)

    @classmethod
    def from_origin(cls, west: float, north: float, xsize: float, ysize: float) -> "GeoTransform":
        """North-up grid whose upper-left corner is (west, north), cells xsize by ysize."""
        return cls(float(xsize), 0.0, float(west), 0.0, -float(ysize), float(north))

    def to_gdal(self) -> tuple:
        return (self.c, self.a, self.b, self.f, self.d, self.e)

    @property
    def determinant(self) -> float:
        return self.a * self.e - self.b * self.d

    def __invert__(self) -> "GeoTransform":
        """The inverse map (same arithmetic as ``affine.Affine``, so the same numbers)."""
        det = self.determinant
        if det == 0.0:
            raise ValueError(msg("geotransform {transform} is degenerate (cells of zero area): it cannot be inverted",
                                 "地理变换参数 {transform} 退化（像元面积为零）：无法求逆", transform=str(self.to_gdal())))
        idet = 1.0 / det
        ra = self.e * idet
        rb = -self.b * idet
        rd = -self.d * idet
        re = self.a * idet
        return GeoTransform(ra, rb, -self.c * ra - self.f * rb, rd, re, -self.c * rd - self.f * re)


def _gdt(name: str) -> Optional[int]:
    return getattr(gdal, "GDT_" + name, None)


#: GDAL data type -> numpy dtype name (types the running GDAL knows).
_NUMPY_OF_GDT = {code: np_name for code, np_name in (
    (_gdt("Byte"), "uint8"), (_gdt("Int8"), "int8"), (_gdt("UInt16"), "uint16"), (_gdt("Int16"), "int16"),
    (_gdt("UInt32"), "uint32"), (_gdt("Int32"), "int32"), (_gdt("UInt64"), "uint64"), (_gdt("Int64"), "int64"),
    (_gdt("Float16"), "float16"), (_gdt("Float32"), "float32"), (_gdt("Float64"), "float64"),
    (_gdt("CInt16"), "complex64"), (_gdt("CInt32"), "complex128"), (_gdt("CFloat32"), "complex64"),
    (_gdt("CFloat64"), "complex128"),
) if code is not None}
#: numpy dtype name -> GDAL data type of a read buffer.
_GDT_OF_NUMPY = {np_name: code for code, np_name in _NUMPY_OF_GDT.items()
                 if code not in (_gdt("CInt16"), _gdt("CInt32"))}
if "int8" not in _GDT_OF_NUMPY:  # GDAL < 3.7: signed bytes are Byte bands tagged PIXELTYPE=SIGNEDBYTE
    _GDT_OF_NUMPY["int8"] = _gdt("Byte")


@contextlib.contextmanager
def _gdal_call(what):
    """Run GDAL calls on this thread with a quiet error handler (GDAL's handler stack is
    per thread); a failure becomes :class:`RasterIOError` with GDAL's message, whether the
    bindings raise (``gdal.UseExceptions()`` in force) or return None and set the error state,
    which the caller checks. The exception setting itself is left alone."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        gdal.ErrorReset()
        yield
    except RuntimeError as exc:
        if isinstance(exc, RasterIOError):
            raise
        raise RasterIOError(str(exc) or msg("{what} failed", "{what}失败", what=what)) from None
    finally:
        gdal.PopErrorHandler()


def _failed(what) -> RasterIOError:
    """GDAL's message of the last error (GDAL writes it in English), else ``what`` failed."""
    return RasterIOError(gdal.GetLastErrorMsg() or msg("{what} failed", "{what}失败", what=what))


@contextlib.contextmanager
def _thread_config(key: str, value: Optional[str]):
    """A GDAL configuration option for the calling thread only, restored afterwards."""
    if value is None:
        yield
        return
    old = gdal.GetThreadLocalConfigOption(key, None)
    gdal.SetThreadLocalConfigOption(key, value)
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption(key, old)


_cache_lock = threading.Lock()
_cache_users = 0
_cache_saved = None


@contextlib.contextmanager
def block_cache(megabytes: int):
    """GDAL's block cache limited to ``megabytes`` while the block runs, the previous limit
    restored after it. The cache is process-wide: concurrent runs share the limit and the last
    one to finish restores what the first one found."""
    global _cache_users, _cache_saved
    with _cache_lock:
        if _cache_users == 0:
            _cache_saved = gdal.GetCacheMax()
            gdal.SetCacheMax(int(megabytes) * 2**20)
        _cache_users += 1
    try:
        yield
    finally:
        with _cache_lock:
            _cache_users -= 1
            if _cache_users == 0:
                gdal.SetCacheMax(_cache_saved)
                _cache_saved = None


class Raster:
    """A raster opened read-only with GDAL, its properties read once.

    ``height``, ``width``, ``count``, ``transform`` (:class:`GeoTransform`), ``crs_wkt`` (None
    without a CRS), and per band (index b - 1): ``dtypes`` (numpy names), ``scales``,
    ``offsets`` (1 and 0 when untagged), ``nodatavals`` (None when untagged), ``block_shapes``
    ((rows, cols)). Reads may run on another thread than the one that opened the raster, one
    thread at a time."""

    def __init__(self, path, num_threads: Optional[str] = None):
        self.path = os.fspath(path)
        ds = self._open(None)
        if num_threads is not None and not _uncompressed_geotiff(ds):
            ds = None
            ds = self._open(num_threads)
        self._ds = ds
        try:
            self._describe()
        except BaseException:
            self.close()
            raise

    def _open(self, num_threads):
        what = msg("opening {path!r}", "打开 {path!r}", path=self.path)
        with _gdal_call(what), _thread_config("GDAL_NUM_THREADS", num_threads):
            ds = gdal.OpenEx(self.path, gdal.OF_RASTER | gdal.OF_READONLY | gdal.OF_VERBOSE_ERROR)
            if ds is None:
                raise _failed(what)
        return ds

    def _describe(self):
        ds = self._ds
        with _gdal_call(msg("reading the header of {path!r}", "读取 {path!r} 的文件头", path=self.path)):
            self.height, self.width, self.count = ds.RasterYSize, ds.RasterXSize, ds.RasterCount
            self.transform = GeoTransform.from_gdal(ds.GetGeoTransform())
            srs = ds.GetSpatialRef() if ds.GetProjectionRef() else None
            self.crs_wkt = _wkt(srs) if srs is not None else None
            self.dtypes, self.scales, self.offsets, self.nodatavals, self.block_shapes = [], [], [], [], []
            self._signed_bytes = set()
            for b in range(1, self.count + 1):
                band = ds.GetRasterBand(b)
                name = _NUMPY_OF_GDT.get(band.DataType)
                if name is None:
                    raise RasterIOError(msg("band {band} has the data type {dtype}, which has no numpy equivalent",
                                            "波段 {band} 的数据类型为 {dtype}，numpy 中没有对应的类型",
                                            band=b, dtype=gdal.GetDataTypeName(band.DataType)))
                if name == "uint8" and band.GetMetadataItem("PIXELTYPE", "IMAGE_STRUCTURE") == "SIGNEDBYTE":
                    name = "int8"
                    self._signed_bytes.add(b)
                self.dtypes.append(name)
                scale, offset = band.GetScale(), band.GetOffset()
                self.scales.append(1.0 if scale is None else float(scale))
                self.offsets.append(0.0 if offset is None else float(offset))
                self.nodatavals.append(band.GetNoDataValue())
                bx, by = band.GetBlockSize()
                self.block_shapes.append((int(by), int(bx)))

    def read(self, indexes: Sequence[int], col0: int, row0: int, out: np.ndarray) -> np.ndarray:
        """Cells [row0, row0 + rows) x [col0, col0 + cols) of the 1-based bands ``indexes`` into
        ``out``, a C-contiguous (len(indexes), rows, cols) array; GDAL converts to its dtype."""
        if out.ndim != 3 or out.shape[0] != len(indexes) or not out.flags.c_contiguous:
            raise ValueError(msg("out must be a C-contiguous (bands, rows, cols) array",
                                 "out 必须是 C 连续的（波段, 行, 列）数组"))
        if all(self.dtypes[b - 1] == out.dtype.name for b in indexes):
            self._read(list(indexes), col0, row0, out)
            return out
        for i, b in enumerate(indexes):  # bands of different types: GDAL converts band by band
            if b in self._signed_bytes and out.dtype.name != "int8":
                tmp = np.empty((1,) + out.shape[1:], dtype=np.int8)
                self._read([b], col0, row0, tmp)
                out[i] = tmp[0]
            else:
                self._read([b], col0, row0, out[i:i + 1])
        return out

    def _read(self, bands, col0, row0, out):
        rows, cols = out.shape[1], out.shape[2]
        buf_type = _GDT_OF_NUMPY.get(out.dtype.name)
        if buf_type is None:
            raise ValueError(msg("cannot read into a {dtype} array", "无法读入 {dtype} 类型的数组", dtype=str(out.dtype)))
        what = msg("reading {path!r} (bands {bands}, rows {row0}-{row1}, columns {col0}-{col1})",
                   "读取 {path!r}（波段 {bands}，第 {row0}-{row1} 行，第 {col0}-{col1} 列）",
                   path=self.path, bands=bands, row0=row0, row1=row0 + rows, col0=col0, col1=col0 + cols)
        with _gdal_call(what):
            res = self._ds.ReadRaster(int(col0), int(row0), int(cols), int(rows), buf_type=buf_type,
                                      band_list=[int(b) for b in bands], buf_obj=out)
            if res is None or gdal.GetLastErrorType() >= gdal.CE_Failure:
                raise _failed(what)

    def close(self):
        self._ds = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _uncompressed_geotiff(ds) -> bool:
    """GeoTIFF without compression: GDAL's decoding threads would only add work (copies and
    thread hand-offs) to reading it."""
    driver = ds.GetDriver()
    return (driver is not None and driver.ShortName == "GTiff"
            and ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") in (None, "NONE"))


def _wkt(srs) -> str:
    """WKT of a spatial reference: GDAL's default (WKT1) as rasterio gave it, WKT2 when WKT1
    cannot express the CRS."""
    try:
        text = srs.ExportToWkt()
    except RuntimeError:
        text = ""
    if not text:
        text = srs.ExportToWkt(["FORMAT=WKT2_2019"])
    return text


def open_raster(path, num_threads: Optional[str] = None) -> Raster:
    """Open ``path`` read-only (``num_threads``: GDAL_NUM_THREADS for decoding compressed
    blocks, e.g. 'ALL_CPUS'; not used for uncompressed GeoTIFF)."""
    return Raster(path, num_threads)
