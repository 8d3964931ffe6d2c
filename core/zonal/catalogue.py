"""Many downloaded files (or a folder) as one raster input: files grouped by the date their
names encode, one :class:`Stack` per year.

A year's stack is a virtual raster (GDAL VRT in ``/vsimem/``, nothing copied): one band per
period (month, 16-day composite or the year itself), each the mosaic of that period's tiles,
followed by the bands of their masks (VIIRS ``cf_cvg`` twins, Black Marble ``*_Quality``,
MODIS pixel reliability). The engine reads the data and mask bands of a strip together, masks
each period (:mod:`.masks`) and, with several periods, takes the per-cell composite of the
valid observations before the polygon statistics:

    mean:    x_c = (1 / n_c) Σ_t x_{c,t} over the n_c valid periods t of cell c (night light);
    maximum: x_c = max_t x_{c,t} (the maximum-value composite of NDVI, Holben 1986);

a cell with no valid period is missing. One set of columns per year, never one per file.
"""
from __future__ import annotations

import contextlib
import os
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional, Sequence
from xml.sax.saxutils import escape

import numpy as np

from ..messages import msg
from . import products as P  # noqa: N812
from .errors import ZonalStatisticsError
from .layers import Layer
from .masks import MaskRule, coverage_rule, quality_rule

COMPOSITES = ("mean", "max")
#: Datasets GDAL keeps open for the virtual rasters of a run (file handles: below the usual
#: per-process limits of 1024 on Linux and Windows' C runtime 512).
POOL_SIZE = 450


@dataclass
class Stack:
    """One year of a product as one raster for the engine: ``path`` (what GDAL opens), the
    bands holding the periods' data and, per data band, its mask band (or None)."""

    path: str
    year: int
    product: str
    periods: list
    data_bands: list
    mask_bands: list
    rule: Optional[MaskRule] = None
    composite: str = "mean"
    scale: Optional[float] = None
    nodata: Optional[float] = None
    files: int = 0

    def __fspath__(self):
        return self.path

    def __str__(self):
        return f"{self.product} {self.year} ({self.files} files)"

    def plan_layers(self, src, label, settings) -> list:
        """The single layer of this stack for the engine (a band, or the per-cell composite of
        the periods); explicit settings win over the product's conventions."""
        b0 = self.data_bands[0]
        scale = settings["scale"] if settings["scale"] is not None else (
            self.scale if self.scale is not None else src.scales[b0 - 1])
        offset = settings["offset"] if settings["offset"] is not None else src.offsets[b0 - 1]
        nodata = [settings["nodata"] if settings["nodata"] is not None else (
            self.nodata if self.nodata is not None else src.nodatavals[b - 1]) for b in self.data_bands]
        kind = "band" if len(self.data_bands) == 1 else self.composite
        masks = list(self.mask_bands) if any(m is not None for m in self.mask_bands) else None
        return [Layer(label, kind, list(self.data_bands), float(scale), float(offset), nodata,
                      settings["valid_range"], settings["clip"], masks, self.rule)]


def expand(inputs: Sequence) -> list:
    """Files of ``inputs``: files as given, folders by their raster files (not recursive)."""
    out = []
    for item in inputs:
        item = os.fspath(item)
        if item.startswith("/vsigzip/"):
            item = item[len("/vsigzip/"):]
        if os.path.isdir(item):
            names = sorted(n for n in os.listdir(item) if n.lower().endswith(P.RASTER_ENDINGS))
            if not names:
                raise ZonalStatisticsError(msg(
                    "folder '{path}' holds no raster files (.tif, .tif.gz, .h5, .hdf): choose the folder of the "
                    "downloaded files", "文件夹“{path}”中没有栅格文件（.tif、.tif.gz、.h5、.hdf）：请选择下载文件所在的文件夹",
                    path=item))
            out.extend(os.path.join(item, n) for n in names)
        elif os.path.isfile(item):
            out.append(item)
        else:
            raise ZonalStatisticsError(msg("'{path}' does not exist: check the path, or remove it from the list",
                                           "“{path}”不存在：请检查路径，或将其从列表中删除", path=item))
    return list(dict.fromkeys(out))


def is_product_input(inputs: Sequence) -> bool:
    """True when the inputs need the catalogue: a folder, a gzip'd file, an HDF file or a file
    of a known product; plain rasters of no known product keep one column set per file."""
    for item in inputs:
        item = os.fspath(item)
        if os.path.isdir(item) or item.lower().endswith((".gz", ".h5", ".he5", ".hdf")):
            return True
        if P.identify(item).product is not P.GENERIC:
            return True
    return False


@dataclass
class Catalogue:
    """The files of one product grouped by year, period and tile; ``notes`` and ``warnings``
    for the log; :meth:`stacks` builds the years' virtual rasters, :meth:`close` removes them."""

    product: P.Product
    layer: Optional[str]
    groups: dict  # year -> period -> tile -> {"data": ProductFile, "coverage": ProductFile}
    notes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    temp: list = field(default_factory=list)

    @property
    def years(self) -> list:
        return sorted(self.groups)

    def close(self):
        from osgeo import gdal

        for name in self.temp:
            gdal.Unlink(name)
        self.temp = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def stacks(self, *, min_coverage=None, quality=None, composite=None, polygons=None, crs=None) -> list:
        """One :class:`Stack` per year (see the module's docstring)."""
        composite = composite or self.product.composite
        if composite not in COMPOSITES:
            raise ZonalStatisticsError(msg("TIME_COMPOSITE = {value!r} is unknown: use one of {choices}",
                                           "未知的 TIME_COMPOSITE = {value!r}：请使用 {choices} 之一",
                                           value=composite, choices=", ".join(COMPOSITES)))
        cov_rule = coverage_rule(min_coverage)
        q_rule = quality_rule(self.product.quality, quality) if self.product.quality else None
        self._check_tiles(polygons, crs)
        out = []
        for year in self.years:
            out.append(self._stack(year, cov_rule, q_rule, composite))
        return out

    def _check_tiles(self, polygons, crs):
        if self.product.tiling is None or polygons is None:
            return
        lonlat, projected = _polygon_bounds(polygons, crs, self.product)
        needed = P.tiles_needed(self.product, lonlat, projected)
        missing = defaultdict(list)
        for year in self.years:
            for period, tiles in sorted(self.groups[year].items()):
                for tile in sorted(needed - set(tiles)):
                    missing[tile].append(period)
        for tile, periods in sorted(missing.items()):
            self.warnings.append(msg(
                "tile {tile} covers part of the polygons but has no file for {periods}: cells there are missing "
                "(download the tile to complete the statistics)",
                "图块 {tile} 覆盖部分多边形，但 {periods} 没有该图块的文件：那里的像元按缺失处理（请下载该图块以补全统计）",
                tile=tile, periods=", ".join(periods)))

    def _stack(self, year, cov_rule, q_rule, composite) -> Stack:
        periods = sorted(self.groups[year])
        data_layers, mask_layers, conventions, n_files = [], [], None, 0
        rule = None
        for period in periods:
            tiles = self.groups[year][period]
            data, masks = [], []
            for tile in sorted(tiles):
                entry = tiles[tile]
                pf = entry["data"]
                opened = P.open_layer(pf, self.layer if pf.product.container != "gtiff" else None)
                self.temp += opened.temp
                data.append(opened)
                n_files += 1
                mask = None
                if entry.get("coverage") is not None:
                    mask = P.open_layer(entry["coverage"], None)
                    n_files += 1
                    rule = cov_rule
                elif q_rule is not None:
                    mask = P.open_layer(pf, P.mask_layer(pf, self.layer), what="QUALITY layer")
                    rule = q_rule
                if mask is not None:
                    self.temp += mask.temp
                masks.append(mask)
            conv = P.band_conventions(self.product, data[0].dtype)
            conventions = conventions or conv
            data_layers.append((data, conv["fill"]))
            if all(m is not None for m in masks):
                if rule is cov_rule:
                    mfill = 0.0  # no tile: no observation
                else:
                    mfill = -1.0 if masks[0].dtype == "Int8" else 255.0  # the flags' fill
                mask_layers.append((masks, mfill))
            else:
                if self.product.key == "viirs_monthly":
                    self.warnings.append(msg(
                        "{period}: no cf_cvg coverage file for every tile, so its zero radiances cannot be told from "
                        "cells without observation; add the cf_cvg twins to mask them",
                        "{period}：并非每个图块都有 cf_cvg 覆盖文件，无法区分零辐亮度与无观测像元；请加入 cf_cvg 文件以进行掩膜",
                        period=period))
                mask_layers.append(None)
        self._note_year(year, periods, n_files)
        single = (len(periods) == 1 and len(data_layers[0][0]) == 1 and mask_layers[0] is None)
        if single:
            path = data_layers[0][0][0].name
            return Stack(path, year, self.product.key, periods, [1], [None], None, composite,
                         conventions["scale"], conventions["nodata"], n_files)
        opened = [o for data, _ in data_layers for o in data]
        opened += [o for m in mask_layers if m is not None for o in m[0]]
        bounds, res, grids = _union_bounds([o.name for o in opened], {o.name: o.grid for o in opened if o.grid})
        bands = [([o.name for o in data], fill, data[0].dtype) for data, fill in data_layers]
        bands += [([o.name for o in m[0]], m[1], m[0][0].dtype) for m in mask_layers if m is not None]
        path = self._stack_vrt(bands, bounds, res, grids)
        n = len(data_layers)
        mask_bands, k = [], n
        for m in mask_layers:
            if m is None:
                mask_bands.append(None)
            else:
                k += 1
                mask_bands.append(k)
        if all(m is None for m in mask_bands):
            rule = None
        return Stack(path, year, self.product.key, periods, list(range(1, n + 1)), mask_bands, rule, composite,
                     conventions["scale"], conventions["nodata"], n_files)

    def _note_year(self, year, periods, n_files):
        self.notes.append(msg("{year}: {files} file(s), {periods} period(s) ({first} to {last})",
                              "{year}：{files} 个文件，{periods} 个时段（{first} 至 {last}）",
                              year=year, files=n_files, periods=len(periods), first=periods[0], last=periods[-1]))
        per_year = self.product.periods_per_year
        if per_year > 1 and len(periods) < per_year:
            expected = _expected_periods(self.product, year)
            lost = [p for p in expected if p not in periods]
            self.warnings.append(msg(
                "{year}: {found} of {expected} periods; missing {missing}: the annual composite uses the periods found",
                "{year}：{expected} 个时段中只有 {found} 个；缺少 {missing}：年度合成仅使用已有的时段",
                year=year, found=len(periods), expected=per_year, missing=", ".join(lost) or "?"))

    def _stack_vrt(self, bands, bounds, res, grids) -> str:
        """One VRT on the union grid of all tiles: band k holds the tiles of ``bands[k]`` (names,
        fill, data type) placed at their offsets, ``fill`` where no tile is. One level of VRT over
        the files, so a strip is read from each file once."""
        from osgeo import gdal

        west, south, east, north = bounds
        w = int(round((east - west) / res[0]))
        h = int(round((north - south) / res[1]))
        gt = ",".join(repr(float(v)) for v in (west, res[0], 0.0, north, 0.0, -res[1]))
        parts = [f'<VRTDataset rasterXSize="{w}" rasterYSize="{h}">',
                 f"<SRS>{escape(grids[bands[0][0][0]][3])}</SRS>", f"<GeoTransform>{gt}</GeoTransform>"]
        for k, (names, fill, dtype) in enumerate(bands, 1):
            parts.append(f'<VRTRasterBand dataType="{dtype}" band="{k}">')
            if fill is not None:
                parts.append(f"<NoDataValue>{'nan' if np.isnan(fill) else repr(float(fill))}</NoDataValue>")
            for name in names:
                sgt, sw, sh, _ = grids[name]
                xoff = int(round((sgt[0] - west) / res[0]))
                yoff = int(round((north - sgt[3]) / res[1]))
                parts.append(
                    f'<SimpleSource><SourceFilename relativeToVRT="0">{escape(name)}</SourceFilename>'
                    f'<SourceBand>1</SourceBand><SrcRect xOff="0" yOff="0" xSize="{sw}" ySize="{sh}"/>'
                    f'<DstRect xOff="{xoff}" yOff="{yoff}" xSize="{sw}" ySize="{sh}"/></SimpleSource>')
            parts.append("</VRTRasterBand>")
        parts.append("</VRTDataset>")
        out = f"/vsimem/megaregion/{uuid.uuid4().hex}.vrt"
        gdal.FileFromMemBuffer(out, "".join(parts).encode("utf-8"))
        self.temp.append(out)
        return out


def _expected_periods(product, year) -> list:
    if product.periods_per_year == 12:
        return [f"{year}-{m:02d}" for m in range(1, 13)]
    return [f"{year}-{d:03d}" for d in range(1, 366, 16)]


def _union_bounds(names, known=None) -> tuple:
    """(west, south, east, north) of all rasters, the (x, y) cell size of the first and each
    raster's (geotransform, width, height, CRS WKT); tiles of one product share the cell size."""
    from osgeo import gdal

    bounds, res, grids = None, None, {}
    for name in names:
        if known and name in known:
            grids[name] = known[name]
        else:
            ds = gdal.Open(name)
            grids[name] = (ds.GetGeoTransform(), ds.RasterXSize, ds.RasterYSize, ds.GetProjectionRef())
            ds = None
        gt, xsize, ysize, _ = grids[name]
        w, n = gt[0], gt[3]
        e, s = w + gt[1] * xsize, n + gt[5] * ysize
        if res is None:
            res = (gt[1], abs(gt[5]))
        elif not (np.isclose(gt[1], res[0], rtol=1e-9) and np.isclose(abs(gt[5]), res[1], rtol=1e-9)):
            raise ZonalStatisticsError(msg(
                "'{path}' has cells of {x:g} x {y:g}, the other tiles {x0:g} x {y0:g}: tiles of one product share one "
                "grid; remove the file of another product or resolution",
                "“{path}”的像元为 {x:g} x {y:g}，其他图块为 {x0:g} x {y0:g}：同一产品的图块应在同一格网上；"
                "请移除其他产品或分辨率的文件", path=name, x=gt[1], y=abs(gt[5]), x0=res[0], y0=res[1]))
        bounds = (w, s, e, n) if bounds is None else (min(bounds[0], w), min(bounds[1], s), max(bounds[2], e),
                                                      max(bounds[3], n))
    return bounds, res, grids


def _polygon_bounds(polygons, crs, product):
    """Per polygon: (west, south, east, north) in lon/lat and, for MODIS, in the sinusoidal grid
    (the lon/lat box densified before projection, so its curved edges are followed)."""
    from pyproj import CRS, Transformer

    src = CRS.from_user_input(crs) if crs is not None else CRS.from_epsg(4326)
    to_ll = Transformer.from_crs(src, CRS.from_epsg(4326), always_xy=True)
    lonlat, projected = [], []
    to_sin = Transformer.from_crs(CRS.from_epsg(4326), CRS.from_proj4(P.MODIS_PROJ4), always_xy=True) \
        if product.tiling == "modis" else None
    for geom in polygons:
        if geom is None or geom.is_empty:
            continue
        x0, y0, x1, y1 = geom.bounds
        t = np.linspace(0.0, 1.0, 21)
        xs = np.concatenate([x0 + (x1 - x0) * t, np.full(21, x1), x1 - (x1 - x0) * t, np.full(21, x0)])
        ys = np.concatenate([np.full(21, y0), y0 + (y1 - y0) * t, np.full(21, y1), y1 - (y1 - y0) * t])
        lon, lat = to_ll.transform(xs, ys)
        lonlat.append((float(np.min(lon)), float(np.min(lat)), float(np.max(lon)), float(np.max(lat))))
        if to_sin is not None:
            w, s, e, n = lonlat[-1]
            lo = np.concatenate([w + (e - w) * t, np.full(21, e), e - (e - w) * t, np.full(21, w)])
            la = np.concatenate([np.full(21, s), s + (n - s) * t, np.full(21, n), n - (n - s) * t])
            px, py = to_sin.transform(lo, la)
            projected.append((float(np.min(px)), float(np.min(py)), float(np.max(px)), float(np.max(py))))
    return lonlat, projected


def catalogue(inputs: Sequence, *, layer: Optional[str] = None, years: Optional[Sequence[int]] = None,
              kinds: Optional[Sequence[str]] = None) -> Catalogue:
    """Group the files of ``inputs`` (files and folders) by year, period and tile.

    Refused with a message naming the files: files of two products, two files for one tile
    and date, a year of ``years`` without a file, a product the algorithm does not summarise
    (``kinds``), an unknown ``layer``. Files of other layers (``cvg``, ``lit_mask``), and
    rasters of no known product beside a product's files, are left out and said so."""
    files = [P.identify(p) for p in expand(inputs)]
    notes, warnings = [], []
    known = [f for f in files if f.product is not P.GENERIC]
    by_product = defaultdict(list)
    for f in known:
        by_product[f.product.key].append(f)
    if len(by_product) > 1:
        raise ZonalStatisticsError(msg(
            "the rasters mix products: {examples}. Give the files of one product per run (one folder per product)",
            "栅格混合了多种产品：{examples}。每次运行请只给出一种产品的文件（每种产品一个文件夹）",
            examples="; ".join(f"{P.PRODUCTS[k].label}: {v[0].name}" + (f" (+{len(v) - 1})" if len(v) > 1 else "")
                               for k, v in by_product.items())))
    if known:
        product = known[0].product
        strays = [f.name for f in files if f.product is P.GENERIC]
        if strays:
            warnings.append(msg("left out, not files of {product}: {files}", "已忽略，不是 {product} 的文件：{files}",
                                product=product.label, files=", ".join(strays)))
        files = known
    else:
        product = P.GENERIC
        nameless = [f.name for f in files if f.year is None]
        if nameless:
            raise ZonalStatisticsError(msg(
                "no year in the file names {files}: name the rasters with their year (e.g. ntl_2020.tif) or give "
                "them one by one with YEARS", "文件名 {files} 中没有年份：请在栅格文件名中写明年份（如 ntl_2020.tif），"
                "或逐个给出并填写 YEARS", files=", ".join(nameless)))
    if kinds is not None and product.kind not in kinds and product is not P.GENERIC:
        raise ZonalStatisticsError(msg(
            "the rasters are {product} ({example}), which this algorithm does not summarise: use {algorithm}",
            "栅格为 {product}（{example}），本算法不统计这种产品：请使用 {algorithm}",
            product=product.label, example=files[0].name,
            algorithm={"ntl": "megaregion:nighttimelight", "ndvi": "megaregion:ndvi"}.get(
                product.kind, "megaregion:zonalstatistics")))
    # the data layer (VNL: one of average_masked, median_masked ...; HDF: a field)
    chosen = layer.strip() if layer and layer.strip() else None
    if product.container == "gtiff" and product.layers:
        present = list(dict.fromkeys(f.layer for f in files if not f.is_coverage))
        if chosen is not None:
            if chosen.lower() not in present:
                raise ZonalStatisticsError(msg(
                    "LAYER '{layer}': no {product} file of that layer; the files hold {layers}",
                    "LAYER“{layer}”：没有该图层的 {product} 文件；已有图层为 {layers}",
                    layer=chosen, product=product.label, layers=", ".join(present) or "-"))
            chosen = chosen.lower()
        else:
            chosen = next((name for name in product.layers if name in present), present[0] if present else None)
        others = sorted({f.name for f in files if not f.is_coverage and f.layer != chosen})
        if others:
            notes.append(msg("layer {layer} used; left out: {files}", "使用图层 {layer}；已忽略：{files}",
                             layer=chosen, files=", ".join(others)))
        files = [f for f in files if f.is_coverage or f.layer == chosen]
    elif product.container in ("hdf5", "hdf4"):
        chosen = chosen or product.layers[0]
    groups = {}
    for f in files:
        slot = groups.setdefault(f.year, {}).setdefault(f.period, {}).setdefault(f.tile or "-", {})
        role = "coverage" if f.is_coverage else "data"
        if role in slot:
            raise ZonalStatisticsError(msg(
                "two files for one tile and date ({period}{tile}): '{first}' and '{second}'; keep one of them",
                "同一图块和日期（{period}{tile}）有两个文件：“{first}”和“{second}”；请只保留其中一个",
                period=f.period, tile="" if f.tile is None else f", {f.tile}", first=slot[role].name, second=f.name))
        slot[role] = f
    for year, periods in groups.items():
        for period, tiles in periods.items():
            for tile, slot in tiles.items():
                if "data" not in slot:
                    raise ZonalStatisticsError(msg(
                        "'{file}' is a coverage file without its data file ({period}): add the radiance file "
                        "(avg_rade9h / average_masked) of the same date and tile",
                        "“{file}”是覆盖文件，但缺少对应的数据文件（{period}）：请加入同一日期和图块的辐亮度文件"
                        "（avg_rade9h / average_masked）", file=slot["coverage"].name, period=period))
    if years:
        wanted = [int(y) for y in years]
        lost = [y for y in wanted if y not in groups]
        if lost:
            raise ZonalStatisticsError(msg(
                "YEARS {years}: no file of {product} for {lost}; the files cover {found}",
                "YEARS {years}：{product} 没有 {lost} 年的文件；已有文件的年份为 {found}",
                years=", ".join(map(str, wanted)), product=product.label, lost=", ".join(map(str, lost)),
                found=", ".join(map(str, sorted(groups)))))
        groups = {y: groups[y] for y in wanted}
    return Catalogue(product, chosen, groups, notes, warnings)


def product_statistics(polygons, inputs, stats, *, layer=None, years=None, kinds=None, min_coverage=None,
                       quality=None, time_composite=None, prefix="", crs=None, log=None, **kwargs):
    """Zonal statistics of a product's files (or folders) over ``polygons``, one set of columns
    ``<prefix>_<stat>_<year>`` per year (``prefix`` empty: the product's key); ``kwargs`` go to
    :func:`~.engine.zonal_statistics` (coverage, preset, scale ... progress). ``log(text,
    warning)`` receives the years found, the files per year, layers, masks and missing tiles.

    Returns ``(frame, catalogue)``; the catalogue's virtual rasters are already removed."""
    from .engine import zonal_statistics
    from .naming import column_names, raster_tokens

    say = log or (lambda text, warning=False: None)
    with catalogue(inputs, layer=layer, years=years, kinds=kinds) as cat, _gzip_in_place():
        say(msg("{product}: years {years}", "{product}：年份 {years}", product=cat.product.label,
                years=", ".join(map(str, cat.years))))
        shapes = polygons
        if hasattr(polygons, "geometry"):
            shapes = list(polygons.geometry)
            crs = crs or polygons.crs
        stacks = cat.stacks(min_coverage=min_coverage, quality=quality, composite=time_composite,
                            polygons=[g for g in shapes], crs=crs)
        for note in cat.notes:
            say(note)
        for warning in cat.warnings:
            say(warning, True)
        if cat.product.container != "gtiff" and cat.layer:
            first = next(iter(next(iter(next(iter(cat.groups.values())).values())).values()))["data"]
            others = [f for f in P.layer_names(first.path) if P._norm(f) != P._norm(cat.layer)]
            say(msg("layer '{layer}'; LAYER can choose: {others}", "图层“{layer}”；LAYER 可选：{others}",
                    layer=cat.layer, others="; ".join(others)))
        masked = [s for s in stacks if s.rule is not None]
        if masked:
            say(msg("masked: kept only {rule}", "掩膜：只保留{rule}", rule=masked[0].rule.describe()))
        composites = [s for s in stacks if len(s.data_bands) > 1]
        if composites:
            word = (msg("mean", "平均值") if composites[0].composite == "mean" else msg("maximum", "最大值"))
            say(msg("{composite} of the valid periods of each cell, then the polygon statistics",
                    "先按像元取各有效时段的{composite}，再计算多边形统计", composite=word))
        tokens = raster_tokens(len(stacks))
        out = zonal_statistics(polygons, stacks, stats, crs=crs, labels=tokens, **kwargs)
        label = prefix or cat.product.key
        names = column_names(out.columns, tokens, [label] * len(stacks), label, [s.year for s in stacks])
        out = out.rename(columns=names)
    return out, cat



@contextlib.contextmanager
def _gzip_in_place():
    """GDAL's settings of a run over downloaded files, restored after it: gzip'd files read in
    place without GDAL's ``.gz.properties`` index beside them (the user's folder is never
    written to), and a dataset pool large enough for a year of tiles."""
    from osgeo import gdal

    options = {"CPL_VSIL_GZIP_WRITE_PROPERTIES": "NO",
               # the VRT stacks keep their tiles open: with GDAL's default pool of 100 datasets, a
               # year of 18 tiles x 12 months (and their quality layers) would reopen files per strip
               "GDAL_MAX_DATASET_POOL_SIZE": str(POOL_SIZE)}
    old = {k: gdal.GetConfigOption(k) for k in options}
    for k, v in options.items():
        gdal.SetConfigOption(k, v)
    try:
        yield
    finally:
        for k, v in old.items():
            gdal.SetConfigOption(k, v)


def first_product(files) -> "P.Product":
    """The product of the first file of a known product among ``files`` (:data:`~.products.GENERIC`
    when none)."""
    for f in files:
        product = P.identify(f).product
        if product is not P.GENERIC:
            return product
    return P.GENERIC
