"""Reading a raster for zonal statistics: once, in strips of whole block rows, in a background thread.

Only the block rows that some polygon window needs are read, over the columns any window needs.
A strip holds about :data:`STRIP_BYTES` of every band needed; the reader thread stays at most
:data:`PREFETCH_BYTES` ahead of the strip being summarised (it starts while the coverage is
computed, hiding the geometry work behind I/O). GDAL releases the GIL while it reads and
decodes, so reading and summarising overlap.
"""
from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from .. import raster_io
from .errors import ZonalStatisticsError
from ..fields import reason_of
from ..messages import msg


#: Bytes of raster data read per strip (all bands needed), rounded to whole block rows.
STRIP_BYTES = 16 * 2**20
#: Bytes of strips read ahead of the one being summarised (reading starts while the coverage
#: is computed, so this hides the geometry work behind I/O).
PREFETCH_BYTES = 128 * 2**20
#: GDAL threads decoding compressed blocks (GDAL_NUM_THREADS; GeoTIFF, GDAL >= 3.6); uncompressed
#: GeoTIFF is read without them.
READ_THREADS = "ALL_CPUS"


def strip_plan(win: np.ndarray, block_h: int, rows_per_strip: int, height: int):
    """Strips [s0, s1) of whole block rows covering the rows of every polygon window
    (``win`` rows: first row, end row, first column, end column).

    >>> win = np.array([[0, 10, 0, 5], [300, 310, 0, 5], [900, 990, 0, 5], [7, 7, 0, 0]])
    >>> strip_plan(win, block_h=256, rows_per_strip=512, height=1000)
    [(0, 512), (768, 1000)]
    """
    live = win[:, 1] > win[:, 0]
    if not live.any():
        return []
    first = win[live, 0] // block_h
    last = (win[live, 1] - 1) // block_h
    n_blocks = -(-height // block_h)
    need = np.zeros(n_blocks + 1, dtype=np.int64)
    np.add.at(need, first, 1)
    np.add.at(need, last + 1, -1)
    blocks = np.flatnonzero(np.cumsum(need)[:n_blocks] > 0)
    per_strip = max(1, rows_per_strip // block_h)
    strips = []
    i = 0
    while i < len(blocks):
        j = i
        while j + 1 < len(blocks) and blocks[j + 1] == blocks[j] + 1 and j + 1 - i < per_strip:
            j += 1
        strips.append((int(blocks[i]) * block_h, min(int(blocks[j] + 1) * block_h, height)))
        i = j + 1
    return strips


class StripReader:
    """Reads strips in a background thread (GDAL releases the GIL while reading and decoding),
    ``depth`` ahead, each into a new array that the consumer keeps while it summarises it."""

    def __init__(self, src, indexes, strips, col0, col1, dtype, depth=1):
        self.src, self.indexes, self.strips = src, indexes, strips
        self.col0, self.col1, self.dtype = col0, col1, dtype
        self.q = queue.Queue(maxsize=max(1, depth))
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        try:
            for s0, s1 in self.strips:
                if self.stop.is_set():
                    break
                out = np.empty((len(self.indexes), s1 - s0, self.col1 - self.col0), dtype=self.dtype)
                try:
                    self.src.read(self.indexes, self.col0, s0, out)
                except raster_io.RasterIOError as exc:
                    raise ZonalStatisticsError(msg("raster {path!r} cannot be read: {reason}",
                                                   "无法读取栅格 {path!r}：{reason}",
                                                   path=self.src.path, reason=reason_of(exc))) from None
                while not self.stop.is_set():
                    try:
                        self.q.put((s0, s1, out), timeout=0.1)
                        break
                    except queue.Full:
                        continue
        except Exception as exc:  # handed to the consumer
            self.q.put(exc)
            return
        self.q.put(None)

    def __iter__(self):
        while True:
            item = self.q.get()
            if item is None:
                return
            if isinstance(item, Exception):
                raise item
            yield item

    def close(self):
        self.stop.set()
        while self.thread.is_alive():
            try:
                self.q.get(timeout=0.05)
            except queue.Empty:
                pass
        self.thread.join()


def open_raster(path) -> raster_io.Raster:
    """The raster at ``path`` with GDAL's decoding threads; a clear error when it cannot be opened."""
    try:
        # GDAL reads GDAL_NUM_THREADS when the dataset is opened (set for this thread only)
        return raster_io.open_raster(path, num_threads=READ_THREADS)
    except raster_io.RasterIOError as exc:
        raise ZonalStatisticsError(msg("raster {path!r} cannot be opened: {reason}", "无法打开栅格 {path!r}：{reason}",
                                       path=str(path), reason=reason_of(exc))) from exc


def raster_crs(src: raster_io.Raster, path):
    """The raster's CRS (pyproj); a raster without one is refused with the fix."""
    from pyproj import CRS

    if src.crs_wkt is None:
        raise ZonalStatisticsError(msg(
            "raster {path!r} has no CRS: assign one first (QGIS: Raster > Projections > Assign Projection; "
            "GDAL: gdal_edit.py -a_srs EPSG:4326)",
            "栅格 {path!r} 没有坐标参考系：请先指定（QGIS：栅格 > 投影 > 指定投影；"
            "GDAL：gdal_edit.py -a_srs EPSG:4326）",
            path=str(path)))
    return CRS.from_user_input(src.crs_wkt)


@dataclass
class ReadPlan:
    """What is read of one raster: columns [col0, col1), the bands, the strips."""

    reader: Optional[StripReader]
    col0: int = 0
    col1: int = 0
    band_pos: dict = field(default_factory=dict)


def start_reading(src, win, layers) -> ReadPlan:
    """Plan the strips covering the polygon windows and start reading them in the background."""
    live = win[:, 1] > win[:, 0]
    if not live.any():
        return ReadPlan(None)
    col0 = int(win[live, 2].min())
    col1 = int(win[live, 3].max())
    indexes = sorted({b for layer in layers for b in layer.bands + layer.mask_bands()})
    dtype = np.result_type(*[np.dtype(src.dtypes[b - 1]) for b in indexes])
    block_h = max(1, int(src.block_shapes[0][0]))
    row_bytes = max(1, len(indexes) * (col1 - col0) * dtype.itemsize)
    rows_per_strip = max(block_h, (STRIP_BYTES // row_bytes) // block_h * block_h)
    strips = strip_plan(win, block_h, rows_per_strip, src.height)
    depth = PREFETCH_BYTES // max(1, rows_per_strip * row_bytes)
    reader = StripReader(src, indexes, strips, col0, col1, dtype, depth)
    return ReadPlan(reader, col0, col1, {b: i for i, b in enumerate(indexes)})

