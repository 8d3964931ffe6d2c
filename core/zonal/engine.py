"""The zonal-statistics run: check the request, then summarise each raster over the polygons.

:func:`zonal_statistics` checks every argument and opens every raster before any long work;
then, raster by raster, it places the polygons on the grid (:mod:`.geometry`), computes their
coverage (:mod:`.coverage`) while the strips are read (:mod:`.reader`), summarises each strip
(:mod:`.accumulate`) and gives one row per polygon. Rasters on the same grid share one coverage.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np
import pandas as pd

from .. import raster_io, raster_presets
from ..messages import msg
from .accumulate import Accumulator, finalise, summarise_block
from .cell_area import CellArea
from .coverage import COVERAGE_MODES, compute_coverage, polygon_windows
from .errors import ZonalCancelled, ZonalStatisticsError
from .geometry import beyond_grid, pixel_rings, prepare_polygons
from .layers import plan_layers, prepare_band, prepare_composite, raster_labels
from .reader import ReadPlan, open_raster, raster_crs, start_reading
from .statistics import LIT_STATS, STATUS_COLUMN, parse_stats

CANCELLED = msg("zonal statistics cancelled", "分区统计已取消")

#: Cells summarised per vectorised block inside a strip (sized for the CPU cache).
BLOCK_CELLS = 1 << 17

#: GDAL's block cache while reading (MB). Strips are whole block rows and each block is read
#: once, so a cache only holds memory (and costs a copy per block): the default, 5 % of RAM,
#: would keep a national raster resident, and 64 MB adds 64 MB to the peak with no gain in
#: speed. The cache is process-wide: the previous limit is restored when the run ends.
GDAL_CACHE_MB = 8


def zonal_statistics(
    polygons,
    rasters,
    stats: Sequence[str] = ("count", "sum", "mean"),
    *,
    crs=None,
    coverage: str = "exact",
    bands="each",
    preset: Optional[str] = None,
    scale: Optional[float] = None,
    offset: Optional[float] = None,
    nodata: Optional[float] = None,
    valid_range: Optional[tuple] = None,
    clip: Optional[tuple] = None,
    percentiles: Sequence[float] = (),
    categories: Sequence = (),
    ntl_threshold: Optional[float] = None,
    dn_max: Optional[float] = None,
    labels: Optional[Sequence[str]] = None,
    progress: Optional[Callable[[float], None]] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
) -> pd.DataFrame:
    """Statistics of each raster (and band) over each polygon.

    Parameters
    ----------
    polygons
        A GeoDataFrame / GeoSeries (its CRS is used) or a sequence of shapely polygons with
        ``crs``. Invalid geometries are repaired with ``make_valid`` (``buffer(0)`` on shapely
        without it), keeping their polygonal parts, and the repair is noted in ``zonal_status``;
        empty or missing geometries give NULLs.
    rasters
        A path or a list of paths (GDAL-readable, with a CRS). All share the settings below.
    stats
        Names from :data:`STATISTICS`, ``p<q>`` percentiles, ``frac_<class>`` fractions;
        ``'percentiles'`` / ``'frac'`` expand ``percentiles`` / ``categories``.
    coverage
        ``'exact'`` (area-weighted, default), ``'center'`` or ``'all_touched'``.
    bands
        ``'each'``, ``'mean'``, ``'max'`` or a list of 1-based band numbers.
    preset
        A name from :data:`megaregion.core.raster_presets.PRESETS`; explicit arguments win.
    scale, offset, nodata, valid_range, clip, ntl_threshold, dn_max
        Product conventions (see :mod:`megaregion.core.zonal`); ``None`` = preset or file tags.
    labels
        Column-name labels, one per raster (default: the file stems).
    progress, is_cancelled
        ``progress(fraction)`` is called as work advances; when ``is_cancelled()`` returns
        True the run stops at the next strip and raises :class:`ZonalCancelled`.

    Returns
    -------
    pandas.DataFrame
        One row per polygon (same index), columns ``<label>_<stat>`` then ``zonal_status``.
        ``df.attrs['zonal']`` records the layers, units and settings used.
    """
    if coverage not in COVERAGE_MODES:
        raise ZonalStatisticsError(msg("coverage={coverage!r} is unknown: use one of {modes}",
                                       "未知的 coverage={coverage!r}：请使用 {modes} 之一",
                                       coverage=coverage, modes=", ".join(COVERAGE_MODES)))
    settings, units = product_settings(preset, scale=scale, offset=offset, nodata=nodata, valid_range=valid_range,
                                       clip=clip, ntl_threshold=ntl_threshold, dn_max=dn_max)
    req = parse_stats(stats, percentiles, categories)
    _check_settings(req, settings)
    if isinstance(rasters, (str, Path)):
        rasters = [rasters]
    rasters = list(rasters)
    if not rasters:
        raise ZonalStatisticsError(msg("rasters is empty: give at least one raster path",
                                       "rasters 为空：请至少给出一个栅格路径"))

    polys = prepare_polygons(polygons, crs)
    column_labels = raster_labels(rasters, labels)
    cancelled = is_cancelled or (lambda: False)
    report = progress or (lambda f: None)
    with raster_io.block_cache(GDAL_CACHE_MB):
        columns, status, meta_layers = _summarise_rasters(polys, rasters, column_labels, req, settings, coverage,
                                                          bands, cancelled, report)
    out = pd.DataFrame(columns, index=polys.index)
    out[STATUS_COLUMN] = ["ok" if not s else "; ".join(dict.fromkeys(s)) for s in status]
    out.attrs["zonal"] = {"coverage": coverage, "preset": preset, "units": units, "stats": req.stats,
                          "ntl_threshold": settings["ntl_threshold"], "dn_max": settings["dn_max"],
                          "layers": meta_layers}
    return out


def product_settings(preset: Optional[str] = None, **given) -> tuple:
    """The product conventions of a run, ``(settings, units)``: the values given (not None),
    the rest from ``preset`` (:mod:`megaregion.core.raster_presets`).

    >>> settings, units = product_settings("viirs_annual", clip=(0, 100))
    >>> settings["clip"], settings["ntl_threshold"] == raster_presets.PRESETS["viirs_annual"]["ntl_threshold"], units
    ((0, 100), True, 'nW/cm2/sr')
    """
    settings = {k: given.get(k) for k in raster_presets.PRESET_PARAMETERS}
    units = None
    if preset is not None:
        pre = raster_presets.preset(preset)
        units = pre.get("units")
        for k in raster_presets.PRESET_PARAMETERS:
            if settings[k] is None:
                settings[k] = pre[k]
    return settings, units


def _check_settings(req, settings) -> None:
    """The settings the statistics need are there and well formed (ranges become pairs)."""
    if req.need_lit and settings["ntl_threshold"] is None:
        raise ZonalStatisticsError(msg(
            "{stats} need ntl_threshold (a cell is lit when its value "
            "exceeds it): e.g. 7 for DMSP DN, or choose a product preset such as 'dmsp_ols' or 'viirs_annual'",
            "{stats} 需要 ntl_threshold（像元值超过该阈值即为有灯光）：例如 DMSP 的 DN 值取 7，"
            "或选择产品预设，如 'dmsp_ols' 或 'viirs_annual'",
            stats=", ".join(s for s in req.stats if s in LIT_STATS)))
    if "cnli" in req.stats and settings["dn_max"] is None:
        raise ZonalStatisticsError(msg(
            "cnli needs dn_max, the largest possible value (63 for DMSP DN; for VIIRS radiance choose a cap and "
            "pass the same value as clip=(0, cap) and dn_max=cap)",
            "cnli 需要 dn_max，即可能的最大值（DMSP 的 DN 值为 63；VIIRS 辐亮度请选定一个上限，"
            "并以同一数值传入 clip=(0, cap) 和 dn_max=cap）"))
    for name in ("valid_range", "clip"):
        val = settings[name]
        if val is not None:
            if len(val) != 2:
                raise ZonalStatisticsError(msg("{name}={val!r}: give a (low, high) pair; None leaves a side open",
                                               "{name}={val!r}：请给出（下限，上限）一对数值；None 表示该侧不设限",
                                               name=name, val=val))
            lo, hi = val
            if lo is not None and hi is not None and lo > hi:
                raise ZonalStatisticsError(msg("{name}={val!r}: low bound exceeds high bound",
                                               "{name}={val!r}：下限大于上限", name=name, val=val))
            settings[name] = (lo, hi)


def _summarise_rasters(polys, rasters, column_labels, req, settings, coverage, bands, cancelled, report) -> tuple:
    """Columns, status notes per polygon and layer metadata of every raster."""
    # open and check every raster first so that bad input fails before any long work
    sources, plans = [], []
    try:
        for path, label in zip(rasters, column_labels):
            src = open_raster(path)
            sources.append(src)
            rcrs = raster_crs(src, path)
            if hasattr(path, "plan_layers"):  # a stack of a product's files (.catalogue.Stack)
                layers = path.plan_layers(src, label, settings)
            else:
                layers = plan_layers(src, path, label, bands, settings["scale"], settings["offset"],
                                      settings["nodata"], settings["valid_range"], settings["clip"])
            plans.append((src, rcrs, layers, path))
        total_rows = max(1, sum(src.height for src in sources))
        columns = {}
        status = [list(nt) for nt in polys.notes]
        coverage_cache = {}
        meta_layers = []
        done_rows = 0
        for src, rcrs, layers, path in plans:
            if cancelled():
                raise ZonalCancelled(CANCELLED)
            key = _grid_key(src, rcrs)
            if key in coverage_cache:
                cov, unprojectable, beyond = coverage_cache[key]
                plan = start_reading(src, cov.window, layers)
            else:
                rings, unprojectable = pixel_rings(polys, rcrs, src.transform)
                beyond = beyond_grid(rings, src.height, src.width)
                # the windows suffice to plan the reading: the coverage is computed while it runs
                plan = start_reading(src, polygon_windows(rings, src.height, src.width), layers)
                try:
                    cov = compute_coverage(rings, src.height, src.width, coverage)
                except BaseException:
                    if plan.reader is not None:
                        plan.reader.close()
                    raise
                coverage_cache = {key: (cov, unprojectable, beyond)}  # one grid at a time: bounded memory

            def raster_progress(f, base=done_rows, h=src.height):
                report((base + f * h) / total_rows)

            with _overflow_is_an_error(path):
                accs = _run_raster(src, rcrs, cov, plan, layers, req, settings, cancelled, raster_progress)
            done_rows += src.height
            covered = cov.covered_weight()
            outside = cov.window[:, 1] <= cov.window[:, 0]
            if coverage == "exact":
                partly_out = (cov.polygon_area > covered * (1 + 1e-6)) & ~outside
            else:
                partly_out = beyond & ~outside
            for layer, acc in zip(layers, accs):
                with _overflow_is_an_error(path):
                    cols, reasons = finalise(acc, req, settings, covered, outside, unprojectable, coverage,
                                              polys, partly_out)
                for stat, values in cols.items():
                    columns[f"{layer.label}_{stat}"] = values
                for i, r in reasons.items():
                    status[i].append(f"{layer.label}: {r}")
                meta_layers.append({"label": layer.label, "raster": str(path), "bands": layer.bands,
                                    "kind": layer.kind, "scale": layer.scale, "offset": layer.offset,
                                    "nodata": layer.nodata, "valid_range": layer.valid_range, "clip": layer.clip})
        report(1.0)
    finally:
        for src in sources:
            src.close()
    return columns, status, meta_layers


def _grid_key(src, crs):
    return (crs.to_wkt(), tuple(src.transform)[:6], src.height, src.width)


@contextlib.contextmanager
def _overflow_is_an_error(path):
    """Sums, squares and means in float64 overflow for values near the float limit (a sum of
    cells of 1e308 is inf): refuse with a message instead of writing inf as a statistic."""
    try:
        with np.errstate(over="raise"):
            yield
    except FloatingPointError:
        raise ZonalStatisticsError(msg(
            "raster {path!r} holds values too large to sum in float64 (sums or squares beyond "
            "{limit:.3g}): rescale it first (e.g. divide by 1e6 with the Raster "
            "Calculator or gdal_calc.py) or pass scale= (e.g. 1e-6), then convert the results back",
            "栅格 {path!r} 的数值过大，无法以 float64 求和（和或平方和超过 {limit:.3g}）：请先缩放"
            "（例如用栅格计算器或 gdal_calc.py 除以 1e6）或传入 scale=（例如 1e-6），再将结果换算回来",
            path=str(path), limit=np.finfo(np.float64).max)) from None


def _run_raster(src, rcrs, cov, plan: ReadPlan, layers, req, settings, cancelled, report) -> list:
    accs = [Accumulator(cov.n_polygons, req, len(layers)) for _ in layers]
    for acc in accs:
        acc.lit_threshold = settings["ntl_threshold"]
    if plan.reader is None:
        return accs
    win = cov.window
    col0, col1, band_pos, reader = plan.col0, plan.col1, plan.band_pos, plan.reader
    area = CellArea(rcrs, src.transform, src.height, src.width) if req.need_lit else None
    width = col1 - col0
    complete_row = win[:, 1]
    finished = np.zeros(cov.n_polygons, dtype=bool)

    try:
        for s0, s1, data in reader:
            if cancelled():
                raise ZonalCancelled(CANCELLED)
            rows_per_block = max(1, min(s1 - s0, BLOCK_CELLS // max(width, 1)))
            ra = np.searchsorted(cov.run_row, s0)
            rb = np.searchsorted(cov.run_row, s1)
            ca = np.searchsorted(cov.cell_row, s0)
            cb = np.searchsorted(cov.cell_row, s1)
            for b0 in range(s0, s1, rows_per_block):
                b1 = min(b0 + rows_per_block, s1)
                i0 = ra + np.searchsorted(cov.run_row[ra:rb], b0)
                i1 = ra + np.searchsorted(cov.run_row[ra:rb], b1)
                j0 = ca + np.searchsorted(cov.cell_row[ca:cb], b0)
                j1 = ca + np.searchsorted(cov.cell_row[ca:cb], b1)
                if i0 == i1 and j0 == j1:
                    continue
                rr = cov.run_row[i0:i1] - b0
                starts = rr * width + (cov.run_col0[i0:i1] - col0)
                ends = rr * width + (cov.run_col1[i0:i1] - col0)
                order = np.argsort(starts, kind="stable")
                runs = (starts[order], ends[order], cov.run_polygon[i0:i1][order], rr[order])
                crow = cov.cell_row[j0:j1] - b0
                cells = (crow * width + (cov.cell_col[j0:j1] - col0), cov.cell_polygon[j0:j1],
                         cov.cell_weight[j0:j1], crow)
                blk_area = area.block(b0, b1, col0, col1) if area is not None else None
                for layer, acc in zip(layers, accs):
                    raws = [data[band_pos[b], b0 - s0:b1 - s0, :] for b in layer.bands]
                    mraws = ([None if m is None else data[band_pos[m], b0 - s0:b1 - s0, :] for m in layer.masks]
                             if layer.masks else None)
                    if layer.kind == "band":
                        blk = prepare_band(raws[0], layer, 0, mraws[0] if mraws else None)
                    else:
                        blk = prepare_composite(raws, layer, mraws)
                    raw_flat = raws[0].reshape(-1) if layer.kind == "band" else blk.x[:-1]
                    summarise_block(blk, raw_flat, req, runs, cells, width, blk_area, acc)
            newly = np.flatnonzero((complete_row <= s1) & ~finished)  # all rows of these are read
            finished[newly] = True
            for acc in accs:
                acc.merge()
                if req.need_quantiles:
                    acc.quantiles.finish(newly)
            report(s1 / src.height)
        for acc in accs:
            acc.merge()
            if req.need_quantiles:
                acc.quantiles.finish(acc.quantiles.pending())
    finally:
        reader.close()
        for acc in accs:
            if acc.quantiles is not None:
                acc.quantiles.close()
    return accs


