"""Raster layers of zonal statistics: which bands make a column set, and how stored numbers
become physical values.

A *layer* is one band, or the per-cell mean or maximum of several bands (``bands='mean'`` /
``'max'``: the annual mean of monthly composites, the maximum-value composite). Its cells are
valid when finite, not ``nodata`` and inside ``valid_range`` (inclusive; both on stored values);
their physical value is ``stored x scale + offset``, then limited to ``clip`` (values beyond a
bound are set to it). The composites average or take the maximum over the valid bands of a cell.

Labels name the column sets: the raster file's stem (characters other than letters, digits and
``_`` become ``_``), ``_b<k>`` for band k of a multi-band raster, ``_bmean`` / ``_bmax`` for the
composites.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import numpy as np

from .errors import ZonalStatisticsError
from ..messages import msg


@dataclass
class Layer:
    """One set of output columns: its label, bands and product conventions."""

    label: str
    kind: str  # 'band', 'mean', 'max'
    bands: list  # 1-based
    scale: float = 1.0
    offset: float = 0.0
    nodata: list = field(default_factory=list)  # per band (None or number)
    valid_range: Optional[tuple] = None
    clip: Optional[tuple] = None
    #: per band of ``bands``: the 1-based band of its mask companion (coverage count, quality
    #: flag) or None; cells the :class:`~.masks.MaskRule` ``mask_rule`` rejects are not valid
    masks: Optional[list] = None
    mask_rule: object = None

    def mask_bands(self) -> list:
        return [m for m in (self.masks or []) if m is not None]


def sanitize(stem: str) -> str:
    """A column label from a file stem.

    >>> sanitize("VNL v2 (2020)"), sanitize("---")
    ('VNL_v2_2020', 'raster')
    """
    label = re.sub(r"[^0-9A-Za-z_]+", "_", stem).strip("_")
    return label or "raster"


def raster_labels(paths, labels) -> list:
    """One unique label per raster: ``labels`` checked, or the sanitised file stems (a repeated
    stem gets ``_2``, ``_3`` ...).

    >>> raster_labels(["a/ntl_2010.tif", "b/ntl_2010.tif", "c/ndvi.TIFF"], None)
    ['ntl_2010', 'ntl_2010_2', 'ndvi']
    """
    if labels is not None:
        labels = [str(x) for x in labels]
        if len(labels) != len(paths):
            raise ZonalStatisticsError(msg(
                "labels: {labels} labels for {rasters} rasters; give one label per raster or none",
                "labels：{labels} 个标签对应 {rasters} 个栅格；请为每个栅格给一个标签，或都不给",
                labels=len(labels), rasters=len(paths)))
        if len(set(labels)) != len(labels):
            raise ZonalStatisticsError(msg("labels: {labels} has duplicates; column names must be unique",
                                           "labels：{labels} 有重复；列名必须唯一", labels=labels))
        return labels
    out, seen = [], {}
    for p in paths:
        stem = Path(p).name
        for ext in (".tif", ".tiff", ".TIF", ".TIFF", ".vrt", ".img", ".nc", ".hdf", ".jp2"):
            if stem.endswith(ext):
                stem = stem[: -len(ext)]
                break
        base = sanitize(stem)
        k = seen.get(base, 0) + 1
        seen[base] = k
        out.append(base if k == 1 else f"{base}_{k}")
    return out


class Block:
    """Cells of one block of rows of one layer, flattened, each array with one spare element at
    the end so that ``ufunc.reduceat`` can close a segment at the last cell."""

    def __init__(self, x, valid):
        self.x = x  # float64 physical values, 0 where invalid
        self.valid = valid  # bool or None (all valid)


def prepare_band(raw: np.ndarray, layer: Layer, band_pos: int, mask_raw: Optional[np.ndarray] = None) -> Block:
    """Physical values and validity of a block of one band (raw is 2-D, C-contiguous); with
    ``mask_raw`` (the block of the band's mask companion) the cells ``layer.mask_rule`` rejects
    are not valid."""
    flat = raw.reshape(-1)
    n = flat.size
    valid = None
    if raw.dtype.kind == "f":
        valid = np.empty(n + 1, dtype=bool)
        np.isfinite(flat, out=valid[:n])
    if mask_raw is not None:
        keep = layer.mask_rule.keep(mask_raw.reshape(-1))
        if valid is None:
            valid = np.empty(n + 1, dtype=bool)
            valid[:n] = keep
        else:
            np.logical_and(valid[:n], keep, out=valid[:n])
    nodata = layer.nodata[band_pos] if layer.nodata else None
    checks = []
    if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
        checks.append((np.not_equal, nodata))
    if layer.valid_range is not None:
        lo, hi = layer.valid_range
        if lo is not None:
            checks.append((np.greater_equal, lo))
        if hi is not None:
            checks.append((np.less_equal, hi))
    if checks:
        tmp = np.empty(n, dtype=bool)
        for op, ref in checks:
            op(flat, ref, out=tmp)
            if valid is None:
                valid = np.empty(n + 1, dtype=bool)
                valid[:n] = tmp
            else:
                np.logical_and(valid[:n], tmp, out=valid[:n])
    if valid is not None:
        valid[n] = False
    x = np.empty(n + 1, dtype=np.float64)
    if valid is None:
        x[:n] = flat
    else:
        x[:n] = 0.0
        np.copyto(x[:n], flat, where=valid[:n], casting="unsafe")
    x[n] = 0.0
    if layer.scale != 1.0 or layer.offset != 0.0:
        xs = x[:n]
        xs *= layer.scale
        xs += layer.offset
    if layer.clip is not None:
        lo, hi = layer.clip
        np.clip(x[:n], -np.inf if lo is None else lo, np.inf if hi is None else hi, out=x[:n])
    if valid is not None and (layer.offset != 0.0 or layer.clip is not None):
        np.copyto(x, 0.0, where=~valid)  # invalid cells must add nothing to the sums
    return Block(x, valid)


def prepare_composite(raws: list, layer: Layer, mask_raws: Optional[list] = None) -> Block:
    """Per-cell mean or maximum of the valid bands (physical values); ``mask_raws`` (one block or
    None per band) masks each band before the composite. The bands are stacked and reduced
    at once (the same additions in the same order as band by band)."""
    n = raws[0].size
    nb = len(raws)
    values = np.zeros((nb, n), dtype=np.float64)
    valid = np.empty((nb, n), dtype=bool)
    tmp = np.empty(n, dtype=bool)
    for pos, raw in enumerate(raws):
        flat = raw.reshape(-1)
        v = valid[pos]
        if flat.dtype.kind == "f":
            np.isfinite(flat, out=v)
        else:
            v[:] = True
        nodata = layer.nodata[pos] if layer.nodata else None
        if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
            np.not_equal(flat, nodata, out=tmp)
            v &= tmp
        if layer.valid_range is not None:
            lo, hi = layer.valid_range
            if lo is not None:
                np.greater_equal(flat, lo, out=tmp)
                v &= tmp
            if hi is not None:
                np.less_equal(flat, hi, out=tmp)
                v &= tmp
        if mask_raws is not None and mask_raws[pos] is not None:
            v &= layer.mask_rule.keep(mask_raws[pos].reshape(-1))
        if flat.dtype.kind == "f":
            np.copyto(values[pos], flat, where=v, casting="unsafe")  # invalid cells stay 0 (never inf or nan)
        else:
            np.multiply(flat, v, out=values[pos], casting="unsafe")  # integers: 0 where invalid, and faster
    if layer.scale != 1.0 or layer.offset != 0.0:
        values *= layer.scale
        values += layer.offset
    zero_moved = layer.offset != 0.0
    if layer.clip is not None:
        lo, hi = layer.clip
        if lo is not None:
            np.maximum(values, lo, out=values)
        if hi is not None:
            np.minimum(values, hi, out=values)
        zero_moved = zero_moved or (lo is not None and lo > 0) or (hi is not None and hi < 0)
    count = valid.sum(axis=0)
    x = np.zeros(n + 1, dtype=np.float64)
    ok = np.zeros(n + 1, dtype=bool)
    np.greater(count, 0, out=ok[:n])
    if layer.kind == "mean":
        if zero_moved:
            np.copyto(values, 0.0, where=~valid)
        total = values.sum(axis=0)
        np.divide(total, np.maximum(count, 1), out=x[:n])
    else:
        np.copyto(values, -np.inf, where=~valid)
        np.copyto(x[:n], values.max(axis=0), where=ok[:n])
    x[:n][~ok[:n]] = 0.0
    return Block(x, ok)


def plan_layers(src, path, label, bands, scale, offset, nodata, valid_range, clip) -> list:
    """The layers of one raster: a band each (``bands='each'`` or band numbers) or one composite;
    ``None`` for scale, offset or nodata takes the file's tags."""
    count = src.count
    if isinstance(bands, str):
        mode = bands.strip().lower()
        if mode not in ("each", "mean", "max"):
            raise ZonalStatisticsError(msg("bands={bands!r} is unknown: use 'each', 'mean', 'max' or a list of band "
                                           "numbers",
                                           "未知的 bands={bands!r}：请使用 'each'、'mean'、'max' 或波段编号列表",
                                           bands=bands))
        selected = list(range(1, count + 1))
    else:
        mode = "each"
        try:
            selected = [int(b) for b in bands]
        except (TypeError, ValueError):
            raise ZonalStatisticsError(msg("bands={bands!r}: give band numbers (1-based) as integers",
                                           "bands={bands!r}：请以整数给出波段编号（从 1 开始）", bands=bands)) from None
        bad = [b for b in selected if b < 1 or b > count]
        if bad or not selected:
            has = (msg("{count} bands", "{count} 个波段", count=count) if count != 1
                   else msg("{count} band", "{count} 个波段", count=count))
            word = msg("bands", "波段") if len(bad) != 1 else msg("band", "波段")
            raise ZonalStatisticsError(msg(
                "raster {path!r} has {has}: {word} {bands} out of range; band numbers run from 1 to {count}",
                "栅格 {path!r} 有 {has}：{word} {bands} 超出范围；波段编号为 1 到 {count}",
                path=str(path), has=has, word=word, bands=bad or selected, count=count))

    def settings(band_list):
        sc = [scale if scale is not None else (src.scales[b - 1] if src.scales else 1.0) for b in band_list]
        of = [offset if offset is not None else (src.offsets[b - 1] if src.offsets else 0.0) for b in band_list]
        if len(set(sc)) > 1 or len(set(of)) > 1:
            raise ZonalStatisticsError(msg(
                "raster {path!r}: bands {bands} have different scale/offset tags {scales}/{offsets}; "
                "summarise them separately (bands=[k]) or pass scale= and offset=",
                "栅格 {path!r}：波段 {bands} 的缩放/偏移标签 {scales}/{offsets} 不同；"
                "请分别统计（bands=[k]）或传入 scale= 和 offset=",
                path=str(path), bands=band_list, scales=sc, offsets=of))
        if sc[0] == 0:
            raise ZonalStatisticsError(msg("scale=0 for raster {path!r}: a scale factor must be non-zero",
                                           "栅格 {path!r} 的 scale=0：缩放系数不能为 0", path=str(path)))
        nd = [nodata if nodata is not None else src.nodatavals[b - 1] for b in band_list]
        return float(sc[0]), float(of[0]), nd

    layers = []
    if mode in ("mean", "max") and count > 1:
        sc, of, nd = settings(selected)
        layers.append(Layer(f"{label}_b{mode}", mode, selected, sc, of, nd, valid_range, clip))
    else:
        for b in selected:
            sc, of, nd = settings([b])
            lab = label if count == 1 else f"{label}_b{b}"
            layers.append(Layer(lab, "band", [b], sc, of, nd, valid_range, clip))
    return layers

