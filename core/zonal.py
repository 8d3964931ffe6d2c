"""Zonal statistics of rasters over polygons: night-light and NDVI indicators per prefecture
(method.md section 5).

:func:`zonal_statistics` summarises one or several rasters (one per year or month, single- or
multi-band) over a set of polygons and returns one row per polygon. Geometry is handled by
:mod:`.coverage`; this module reads the rasters, applies the product conventions of
:mod:`.raster_presets` and accumulates the statistics.

Coverage weighting
------------------
With ``coverage='exact'`` (the default) every cell carries the weight ``w`` = fraction of its
area inside the polygon, so a polygon smaller than a cell still gets a value; ``'center'``
(cell centre inside, GDAL's rule) and ``'all_touched'`` give weight 1 to the cells they select.
Over the *valid* cells ``i`` (not nodata, inside the valid range) with values ``x_i``:

- ``count`` = Σ w_i (coverage-weighted count); ``sum`` = Σ w_i x_i; ``mean`` = sum / count;
- ``min`` / ``max`` over the cells with w_i > 0;
- ``std`` = sqrt(Σ w_i (x_i - mean)² / Σ w_i) (population standard deviation, weighted);
- percentiles ``pNN`` (and ``median`` = p50): the weighted percentile of exactextract / the
  "weighted percentile method": sort the n values, cumulative weights C_k, positions
  s_1 = 0, s_k = (k-1) w_k + (n-1) C_{k-1}; the q-quantile interpolates linearly between the
  values whose positions bracket q (n-1) Σ w. With equal weights this is numpy's default
  (linear, Hyndman & Fan type 7) percentile;
- ``valid_fraction`` = count / Σ_all cells w_i (share of the covered cells holding valid data);
- ``frac_K`` = Σ w_i [x_i = K] / count for each category K (compared with the stored values),
  e.g. the built-up share of a land-cover raster (MCD12 IGBP class 13);
- night lights, with the true (ellipsoidal) area a_i of each cell in km² and a cell *lit* when
  x_i > ``ntl_threshold``: ``total_light`` = Σ w_i x_i; ``lit_area_km2`` = Σ_lit w_i a_i;
  ``lit_ratio`` S = lit area / Σ_valid w_i a_i; ``cnli`` = I x S with
  I = Σ_lit w_i x_i / (Σ_lit w_i x DN_max), the compounded night light index (Zhuo et al. 2003).

Stored values become physical values as ``stored x scale + offset``; ``nodata`` and
``valid_range`` (inclusive) are tested on stored values, ``clip`` on physical values (values
beyond a bound are set to it), ``ntl_threshold`` and ``dn_max`` are physical. Multi-band rasters
give one set of columns per band (``bands='each'`` or a list of 1-based band numbers) or one
for the per-cell mean or maximum of the valid bands (``'mean'``, ``'max'``: annual mean of
monthly composites, maximum-value composite).

Polygons are reprojected to each raster's CRS (the raster never is). Cell areas are computed
on the raster's ellipsoid: exactly per row for longitude/latitude grids (zone area between two
parallels), through the projection's areal scale factor for projected grids.

Columns are named ``<label>_<stat>``; the label is the raster file's stem (characters other
than letters, digits and ``_`` become ``_``), with ``_b<k>`` for band k of a multi-band
raster and ``_bmean`` / ``_bmax`` for the band composites. ``zonal_status`` says why values
are missing: ``ok``, or ``<label>: <reason>`` items joined by ``; ``.

Memory stays bounded: each raster is read once, in strips of whole block rows, by a
background thread (compressed blocks decoded on GDAL's threads) that starts while the coverage
is computed and stays at most :data:`PREFETCH_BYTES` ahead of the strip being summarised; a
polygon's interior is handled as runs of full cells, so the work is one pass over the strip
plus the boundary cells, and memory does not grow with the raster. Percentiles need every cell
of a polygon: they are kept as float32 (value, weight) pairs until the polygon's last row is
read, in memory up to :data:`QUANTILE_MEMORY_BYTES` and in temporary files beyond, and are then
found by a histogram selection that streams them twice instead of sorting them
(:mod:`.zonal_quantiles`).
"""
from __future__ import annotations

import contextlib
import math
import queue
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np
import pandas as pd

from . import raster_io, raster_presets
from .coverage import COVERAGE_MODES, Rings, compute_coverage, polygon_bounds, polygon_windows, snap_to_grid
from .zonal_quantiles import QuantileStore

STATUS_COLUMN = "zonal_status"

#: Statistics with a fixed name. Percentiles are ``p<q>`` (``p10``, ``p2.5``), category
#: fractions ``frac_<class>``; ``percentiles`` / ``categories`` arguments add them too.
STATISTICS = (
    "count",
    "sum",
    "mean",
    "min",
    "max",
    "std",
    "median",
    "valid_fraction",
    "total_light",
    "lit_area_km2",
    "lit_ratio",
    "cnli",
)
_LIT_STATS = ("lit_area_km2", "lit_ratio", "cnli")

#: Bytes of raster data read per strip (all bands needed), rounded to whole block rows.
STRIP_BYTES = 16 * 2**20
#: Bytes of strips read ahead of the one being summarised (reading starts while the coverage
#: is computed, so this hides the geometry work behind I/O).
PREFETCH_BYTES = 128 * 2**20
#: GDAL threads decoding compressed blocks (GDAL_NUM_THREADS; GeoTIFF, GDAL >= 3.6); uncompressed
#: GeoTIFF is read without them.
READ_THREADS = "ALL_CPUS"
#: Cells summarised per vectorised block inside a strip (sized for the CPU cache).
BLOCK_CELLS = 1 << 17
#: Memory for the cells of polygons whose percentiles are pending (all layers of a raster);
#: beyond it they go to temporary files (see :mod:`.zonal_quantiles`).
QUANTILE_MEMORY_BYTES = 128 * 2**20
#: Cells of the strip being summarised handed to the percentile store at a time.
_QUANTILE_BATCH_CELLS = 1 << 20


class ZonalStatisticsError(ValueError):
    """Bad input to zonal statistics: the message names the input, the value and the fix."""


class ZonalCancelled(Exception):
    """Raised when ``is_cancelled()`` returned True; no result is produced."""


# --------------------------------------------------------------------------------------------
# requests


@dataclass
class _Request:
    stats: list  # output stat names in order
    percentiles: dict  # stat name -> q in [0, 1]
    categories: dict  # stat name -> category value
    need_moments: bool = False
    need_minmax: bool = False
    need_lit: bool = False
    need_quantiles: bool = False


def _percentile_name(q: float) -> str:
    text = f"{q:g}"
    return "p" + text.replace(".", "_").replace("-", "m")


def _category_name(k) -> str:
    text = f"{k:g}" if isinstance(k, (float, np.floating)) else str(int(k))
    return "frac_" + text.replace(".", "_").replace("-", "m")


def _parse_stats(stats, percentiles, categories) -> _Request:
    if isinstance(stats, str):
        stats = [stats]
    stats = list(stats)
    out, pct, cat = [], {}, {}

    def add_percentile(q_raw, origin):
        try:
            q = float(q_raw)
        except (TypeError, ValueError):
            raise ZonalStatisticsError(f"{origin}: percentile {q_raw!r} is not a number; give values in 0-100") from None
        if not (0.0 <= q <= 100.0) or math.isnan(q):
            raise ZonalStatisticsError(
                f"{origin}: percentile {q_raw!r} is outside 0-100; give percentiles in percent, e.g. 25 or 97.5"
            )
        name = _percentile_name(q)
        if name not in pct:
            pct[name] = q / 100.0
            out.append(name)

    def add_category(k):
        try:
            value = float(k)
        except (TypeError, ValueError):
            raise ZonalStatisticsError(f"categories: class {k!r} is not a number; give raster class values, e.g. [13]") from None
        value = int(value) if float(value).is_integer() else value
        name = _category_name(value)
        if name not in cat:
            cat[name] = value
            out.append(name)

    for s in stats:
        key = str(s).strip().lower()
        m = re.fullmatch(r"p(\d+(?:[._]\d+)?)", key)
        if key == "median":
            if "median" not in pct:
                pct["median"] = 0.5
                out.append("median")
        elif m:
            add_percentile(m.group(1).replace("_", "."), "stats")
        elif key.startswith("frac_"):
            raw = key[5:].replace("m", "-").replace("_", ".")
            add_category(raw)
        elif key == "percentiles":
            for q in percentiles or ():
                add_percentile(q, "percentiles")
        elif key in ("frac", "categories"):
            for k in categories or ():
                add_category(k)
        elif key in STATISTICS:
            if key not in out:
                out.append(key)
        else:
            raise ZonalStatisticsError(
                f"stats: {s!r} is not a known statistic; use {', '.join(STATISTICS)}, p<q> (e.g. p90), "
                "frac_<class>, 'percentiles' or 'frac'"
            )
    for q in percentiles or ():
        add_percentile(q, "percentiles")
    for k in categories or ():
        add_category(k)
    if not out:
        raise ZonalStatisticsError("stats is empty: ask for at least one statistic, e.g. ['count', 'sum', 'mean']")
    req = _Request(stats=out, percentiles=pct, categories=cat)
    req.need_moments = "std" in out
    req.need_minmax = "min" in out or "max" in out
    req.need_lit = any(s in out for s in _LIT_STATS)
    req.need_quantiles = bool(pct)
    return req


# --------------------------------------------------------------------------------------------
# polygons


@dataclass
class _Polygons:
    geoms: list  # shapely polygonal geometry or None
    index: pd.Index
    crs: object  # pyproj.CRS
    notes: list  # per polygon: list of notes (repairs)


def _polygonal_parts(geom):
    """Polygons of a (multi)polygon or of the polygonal members of a collection."""
    t = geom.geom_type
    if t == "Polygon":
        return [geom] if not geom.is_empty else []
    if t in ("MultiPolygon", "GeometryCollection"):
        parts = []
        for g in geom.geoms:
            parts.extend(_polygonal_parts(g))
        return parts
    return []


def _repair(geom):
    """make_valid (GEOS >= 3.8) keeping the polygonal parts; buffer(0) where it is missing."""
    try:
        from shapely.validation import make_valid
    except ImportError:  # pragma: no cover - shapely < 1.8
        return geom.buffer(0), "buffer(0)"
    return make_valid(geom), "make_valid"


def _prepare_polygons(polygons, crs) -> _Polygons:
    from pyproj import CRS

    if hasattr(polygons, "geometry") and hasattr(polygons, "crs"):  # GeoDataFrame / GeoSeries
        series = polygons.geometry
        index = polygons.index
        geoms = list(series)
        source_crs = polygons.crs if crs is None else crs
    else:
        geoms = list(polygons)
        index = pd.RangeIndex(len(geoms))
        source_crs = crs
    if source_crs is None:
        raise ZonalStatisticsError(
            "polygons have no CRS: set it on the layer or pass crs=..., e.g. crs='EPSG:4326' for longitude/latitude"
        )
    source_crs = CRS.from_user_input(source_crs)
    out, notes, bad = [], [], []
    for pos, g in enumerate(geoms):
        note = []
        if g is None or g.is_empty:
            out.append(None)
            notes.append(["empty geometry"])
            continue
        if g.geom_type not in ("Polygon", "MultiPolygon", "GeometryCollection"):
            bad.append((index[pos], g.geom_type))
            out.append(None)
            notes.append([])
            continue
        if not g.is_valid:
            g, how = _repair(g)
            note.append(f"invalid geometry repaired with {how}")
        parts = _polygonal_parts(g)
        if not parts:
            if g.geom_type == "GeometryCollection" and not note:
                bad.append((index[pos], "GeometryCollection without polygons"))
            out.append(None)
            notes.append(note + ["empty geometry"])
            continue
        out.append(parts)
        notes.append(note)
    if bad:
        shown = ", ".join(f"{i} ({t})" for i, t in bad[:5])
        raise ZonalStatisticsError(
            f"polygons: {len(bad)} geometries are not polygons: {shown}{' ...' if len(bad) > 5 else ''}; "
            "zonal statistics need polygon or multipolygon geometries (buffer points or lines first)"
        )
    return _Polygons(out, index, source_crs, notes)


def _pixel_rings(polys: _Polygons, raster_crs, transform) -> tuple:
    """Rings of all polygons in the raster's pixel space, and a flag per polygon whose
    coordinates could not be transformed to the raster CRS."""
    from pyproj import Transformer

    xs, ys, starts, ring_poly, ring_hole = [], [], [0], [], []
    for i, parts in enumerate(polys.geoms):
        if not parts:
            continue
        for p in parts:
            for k, ring in enumerate([p.exterior, *p.interiors]):
                c = np.asarray(ring.coords, dtype=np.float64)
                if len(c) < 4:
                    continue
                xs.append(c[:, 0])
                ys.append(c[:, 1])
                starts.append(starts[-1] + len(c))
                ring_poly.append(i)
                ring_hole.append(k > 0)
    n = len(polys.geoms)
    x = np.concatenate(xs) if xs else np.zeros(0)
    y = np.concatenate(ys) if ys else np.zeros(0)
    if not polys.crs.equals(raster_crs) and len(x):
        tr = Transformer.from_crs(polys.crs, raster_crs, always_xy=True)
        x, y = tr.transform(x, y)
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    starts = np.asarray(starts, dtype=np.int64)
    ring_poly = np.asarray(ring_poly, dtype=np.int64)
    ring_hole = np.asarray(ring_hole, dtype=bool)
    bad_vertex = ~(np.isfinite(x) & np.isfinite(y))
    unprojectable = np.zeros(n, dtype=bool)
    if bad_vertex.any():
        vertex_poly = np.repeat(ring_poly, np.diff(starts))
        unprojectable[np.unique(vertex_poly[bad_vertex])] = True
        keep_ring = ~unprojectable[ring_poly]
        keep_vertex = np.repeat(keep_ring, np.diff(starts))
        x, y = x[keep_vertex], y[keep_vertex]
        lengths = np.diff(starts)[keep_ring]
        starts = np.r_[0, np.cumsum(lengths)]
        ring_poly, ring_hole = ring_poly[keep_ring], ring_hole[keep_ring]
    inv = ~transform
    u = inv.a * x + inv.b * y + inv.c
    v = inv.d * x + inv.e * y + inv.f
    rings = Rings(snap_to_grid(u), snap_to_grid(v), starts, ring_poly, ring_hole, n)
    return rings, unprojectable


# --------------------------------------------------------------------------------------------
# rasters, layers and cell areas


@dataclass
class _Layer:
    label: str
    kind: str  # 'band', 'mean', 'max'
    bands: list  # 1-based
    scale: float = 1.0
    offset: float = 0.0
    nodata: list = field(default_factory=list)  # per band (None or number)
    valid_range: Optional[tuple] = None
    clip: Optional[tuple] = None


def _sanitize(stem: str) -> str:
    label = re.sub(r"[^0-9A-Za-z_]+", "_", stem).strip("_")
    return label or "raster"


def _raster_labels(paths, labels) -> list:
    if labels is not None:
        labels = [str(x) for x in labels]
        if len(labels) != len(paths):
            raise ZonalStatisticsError(
                f"labels: {len(labels)} labels for {len(paths)} rasters; give one label per raster or none"
            )
        if len(set(labels)) != len(labels):
            raise ZonalStatisticsError(f"labels: {labels} has duplicates; column names must be unique")
        return labels
    out, seen = [], {}
    for p in paths:
        stem = Path(p).name
        for ext in (".tif", ".tiff", ".TIF", ".TIFF", ".vrt", ".img", ".nc", ".hdf", ".jp2"):
            if stem.endswith(ext):
                stem = stem[: -len(ext)]
                break
        base = _sanitize(stem)
        k = seen.get(base, 0) + 1
        seen[base] = k
        out.append(base if k == 1 else f"{base}_{k}")
    return out


def _cell_area_rows_km2(crs, transform, rows: np.ndarray) -> np.ndarray:
    """True area (km²) of one cell in each of ``rows`` of a north-up longitude/latitude grid.

    Area of the ellipsoid zone between parallels φ1 < φ2 over Δλ radians (Snyder 1987, eq. 3-12):
    A = Δλ · b²/2 · [F(φ2) - F(φ1)], F(φ) = sinφ/(1 - e² sin²φ) + ln((1 + e sinφ)/(1 - e sinφ))/(2e)."""
    ell = crs.ellipsoid
    a_m = ell.semi_major_metre
    b_m = ell.semi_minor_metre
    unit = _angular_unit_radians(crs)
    e2 = 1.0 - (b_m / a_m) ** 2
    e = math.sqrt(e2)
    lat1 = (transform.f + transform.e * rows) * unit
    lat2 = (transform.f + transform.e * (rows + 1)) * unit
    lat1, lat2 = np.clip(lat1, -math.pi / 2, math.pi / 2), np.clip(lat2, -math.pi / 2, math.pi / 2)

    def big_f(phi):
        s = np.sin(phi)
        if e == 0.0:
            return 2.0 * s
        return s / (1.0 - e2 * s * s) + np.log((1.0 + e * s) / (1.0 - e * s)) / (2.0 * e)

    dlon = abs(transform.a) * unit
    return np.abs(big_f(lat2) - big_f(lat1)) * (b_m**2 / 2.0) * dlon / 1e6


def _angular_unit_radians(crs) -> float:
    try:
        factor = crs.coordinate_system.axis_list[0].unit_conversion_factor
        return float(factor) if factor else math.pi / 180.0
    except (AttributeError, IndexError):  # pragma: no cover - unusual CRS objects
        return math.pi / 180.0


class _CellArea:
    """True cell areas (km²) of a raster grid, for lit area and the lit-area ratio."""

    STEP = 32  # sampling step (cells) of the areal scale factor of projected grids

    def __init__(self, crs, transform, height, width):
        self.crs, self.transform = crs, transform
        self.geographic = crs.is_geographic
        if self.geographic:
            if transform.b != 0 or transform.d != 0:
                raise ZonalStatisticsError(
                    "raster: rotated longitude/latitude grids are not supported for lit area; warp it north-up first"
                )
            self.row_area = _cell_area_rows_km2(crs, transform, np.arange(height, dtype=np.float64))
        else:
            from pyproj import Proj, Transformer

            self.nominal_km2 = abs(transform.a * transform.e - transform.b * transform.d) * _linear_unit_m(crs) ** 2 / 1e6
            self._proj = Proj(crs)
            self._to_geo = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
            self._cache = {}

    def block(self, r0, r1, c0, c1) -> np.ndarray:
        """Areas of cells [r0, r1) x [c0, c1), shaped (rows, 1) for lon/lat grids, (rows, cols) otherwise."""
        if self.geographic:
            return self.row_area[r0:r1, None]
        s = self.STEP
        rs = np.arange(r0 - r0 % s, r1 + s, s, dtype=np.float64)
        cs = np.arange(c0 - c0 % s, c1 + s, s, dtype=np.float64)
        key = (rs[0], rs[-1], cs[0], cs[-1])
        grid = self._cache.get(key)
        if grid is None:
            cc, rr = np.meshgrid(cs + 0.5, rs + 0.5)
            t = self.transform
            x = t.a * cc + t.b * rr + t.c
            y = t.d * cc + t.e * rr + t.f
            lon, lat = self._to_geo.transform(x, y)
            scale = np.asarray(self._proj.get_factors(lon, lat, errcheck=False).areal_scale, dtype=np.float64)
            grid = self.nominal_km2 / scale.reshape(cc.shape)
            self._cache = {key: grid}
        rows = np.arange(r0, r1) + 0.5
        cols = np.arange(c0, c1) + 0.5
        fr = (rows - (rs[0] + 0.5)) / s
        fc = (cols - (cs[0] + 0.5)) / s
        ir = np.clip(np.floor(fr).astype(np.int64), 0, len(rs) - 2)
        ic = np.clip(np.floor(fc).astype(np.int64), 0, len(cs) - 2)
        tr = (fr - ir)[:, None]
        tc = (fc - ic)[None, :]
        g00 = grid[ir][:, ic]
        g01 = grid[ir][:, ic + 1]
        g10 = grid[ir + 1][:, ic]
        g11 = grid[ir + 1][:, ic + 1]
        return (g00 * (1 - tr) * (1 - tc) + g01 * (1 - tr) * tc + g10 * tr * (1 - tc) + g11 * tr * tc)


def _linear_unit_m(crs) -> float:
    try:
        return float(crs.axis_info[0].unit_conversion_factor) or 1.0
    except (AttributeError, IndexError):  # pragma: no cover
        return 1.0


# --------------------------------------------------------------------------------------------
# accumulation


class _Accumulator:
    """Running statistics of one layer for all polygons."""

    def __init__(self, n: int, req: _Request, n_layers: int = 1):
        self.n, self.req = n, req
        self.count = np.zeros(n)
        self.total = np.zeros(n)
        if req.need_moments:
            self.m_n = np.zeros(n)
            self.m_mean = np.zeros(n)
            self.m_m2 = np.zeros(n)
        if req.need_minmax:
            self.vmin = np.full(n, np.nan)
            self.vmax = np.full(n, np.nan)
        self.cat = {k: np.zeros(n) for k in req.categories}
        if req.need_lit:
            self.lit_n = np.zeros(n)
            self.lit_sum = np.zeros(n)
            self.lit_area = np.zeros(n)
            self.valid_area = np.zeros(n)
        self.q_parts = []  # cells of the current strip: (poly int32, value float32, weight float32)
        self.q_cells = 0
        self.quantiles = None
        if req.need_quantiles:
            self.quantiles = QuantileStore(n, list(req.percentiles.values()), QUANTILE_MEMORY_BYTES // n_layers)
        self.segments = []

    # segments: dict of arrays, one entry per run or partial cell
    def add_segments(self, seg: dict):
        if len(seg["poly"]):
            self.segments.append(seg)

    def merge(self):
        """Fold the segments collected since the last merge into the per-polygon totals."""
        self._hand_over_quantile_cells()
        if not self.segments:
            return
        seg = {k: np.concatenate([s[k] for s in self.segments]) for k in self.segments[0]}
        self.segments = []
        p, n = seg["poly"], self.n
        self.count += np.bincount(p, weights=seg["n"], minlength=n)
        self.total += np.bincount(p, weights=seg["s"], minlength=n)
        if self.req.need_moments:
            # Chan et al. (1979): combine (n, mean, M2) of segments, then of strips
            sn, ss = seg["n"], seg["s"]
            has = sn > 0
            seg_mean = np.where(has, ss / np.where(has, sn, 1.0), 0.0)
            seg_m2 = np.where(has, seg["q"] - ss * seg_mean, 0.0)
            bn = np.bincount(p, weights=sn, minlength=n)
            bmean = np.bincount(p, weights=ss, minlength=n) / np.where(bn > 0, bn, 1.0)
            bm2 = np.bincount(p, weights=seg_m2 + sn * (seg_mean - bmean[p]) ** 2, minlength=n)
            an, amean, am2 = self.m_n, self.m_mean, self.m_m2
            tot = an + bn
            delta = bmean - amean
            ok = tot > 0
            safe = np.where(ok, tot, 1.0)
            self.m_mean = np.where(ok, amean + delta * bn / safe, 0.0)
            self.m_m2 = am2 + bm2 + np.where(ok, delta**2 * an * bn / safe, 0.0)
            self.m_n = tot
        if self.req.need_minmax:
            order = np.argsort(p, kind="stable")
            ps = p[order]
            first = np.flatnonzero(np.r_[True, ps[1:] != ps[:-1]])
            who = ps[first]
            self.vmin[who] = np.fmin(self.vmin[who], np.fmin.reduceat(seg["min"][order], first))
            self.vmax[who] = np.fmax(self.vmax[who], np.fmax.reduceat(seg["max"][order], first))
        for k in self.cat:
            self.cat[k] += np.bincount(p, weights=seg[k], minlength=n)
        if self.req.need_lit:
            self.lit_n += np.bincount(p, weights=seg["lit_n"], minlength=n)
            self.lit_sum += np.bincount(p, weights=seg["lit_s"], minlength=n)
            self.lit_area += np.bincount(p, weights=seg["lit_a"], minlength=n)
            self.valid_area += np.bincount(p, weights=seg["valid_a"], minlength=n)

    def add_quantile_cells(self, poly, value, weight):
        if len(poly):
            self.q_parts.append((poly.astype(np.int32), value.astype(np.float32), weight.astype(np.float32)))
            self.q_cells += len(poly)
            if self.q_cells >= _QUANTILE_BATCH_CELLS:  # small batches: small temporaries
                self._hand_over_quantile_cells()

    def _hand_over_quantile_cells(self):
        if self.q_parts:
            parts, self.q_parts, self.q_cells = self.q_parts, [], 0
            self.quantiles.add(*(np.concatenate(x) for x in zip(*parts)))

    def q_result(self, name) -> np.ndarray:
        return self.quantiles.result[list(self.req.percentiles).index(name)]


# --------------------------------------------------------------------------------------------
# the per-block kernel


def _interleave(starts, ends):
    idx = np.empty(2 * len(starts), dtype=np.intp)
    idx[0::2] = starts
    idx[1::2] = ends
    return idx


class _Block:
    """Cells of one block of rows of one layer, flattened, each array with one spare element at
    the end so that ``ufunc.reduceat`` can close a segment at the last cell."""

    def __init__(self, x, valid):
        self.x = x  # float64 physical values, 0 where invalid
        self.valid = valid  # bool or None (all valid)


def _prepare_band(raw: np.ndarray, layer: _Layer, band_pos: int) -> _Block:
    """Physical values and validity of a block of one band (raw is 2-D, C-contiguous)."""
    flat = raw.reshape(-1)
    n = flat.size
    valid = None
    if raw.dtype.kind == "f":
        valid = np.empty(n + 1, dtype=bool)
        np.isfinite(flat, out=valid[:n])
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
    return _Block(x, valid)


def _prepare_composite(raws: list, layer: _Layer) -> _Block:
    """Per-cell mean or maximum of the valid bands (physical values)."""
    acc = None
    cnt = None
    for pos, raw in enumerate(raws):
        b = _prepare_band(raw, layer, pos)
        v = b.valid if b.valid is not None else np.ones(b.x.size, dtype=bool)
        if layer.kind == "mean":
            if acc is None:
                acc = b.x.copy()
                cnt = v.astype(np.float64)
            else:
                acc += b.x
                cnt += v
        else:
            xm = np.where(v, b.x, -np.inf)
            acc = xm if acc is None else np.maximum(acc, xm)
            cnt = v.astype(np.float64) if cnt is None else cnt + v
    valid = cnt > 0
    valid[-1] = False
    if layer.kind == "mean":
        x = np.where(valid, acc / np.where(valid, cnt, 1.0), 0.0)
    else:
        x = np.where(valid, acc, 0.0)
    return _Block(x, valid)


def _summarise_block(blk: _Block, raw_flat, req: _Request, runs, cells, width, area, acc: _Accumulator):
    """Segment statistics of the runs and partial cells of one block (all in block-flat indices).

    runs: (start, end, poly, row_in_block); cells: (pos, poly, weight, row_in_block)."""
    x, valid = blk.x, blk.valid
    seg = {}
    r_start, r_end, r_poly, r_row = runs
    c_pos, c_poly, c_w, c_row = cells
    n_runs = len(r_start)
    if n_runs:
        idx = _interleave(r_start, r_end)
        if valid is not None:
            rn = np.add.reduceat(valid, idx, dtype=np.int64)[0::2].astype(np.float64)
        else:
            rn = (r_end - r_start).astype(np.float64)
        rs = np.add.reduceat(x, idx)[0::2]
    else:
        idx = None
        rn = rs = np.zeros(0)
    if len(c_pos):
        cv = x[c_pos]
        cval = valid[c_pos] if valid is not None else np.ones(len(c_pos), dtype=bool)
        cwv = c_w * cval
    else:
        cv = np.zeros(0)
        cval = np.zeros(0, dtype=bool)
        cwv = np.zeros(0)
    seg["poly"] = np.concatenate([r_poly, c_poly])
    seg["n"] = np.concatenate([rn, cwv])
    seg["s"] = np.concatenate([rs, cwv * cv])
    if req.need_moments:
        rq = np.add.reduceat(x * x, idx)[0::2] if n_runs else np.zeros(0)
        seg["q"] = np.concatenate([rq, cwv * cv * cv])
    if req.need_minmax:
        if n_runs:
            if valid is not None:
                xn = np.where(valid, x, np.nan)
                rmin = np.fmin.reduceat(xn, idx)[0::2]
                rmax = np.fmax.reduceat(xn, idx)[0::2]
            else:
                rmin = np.minimum.reduceat(x, idx)[0::2]
                rmax = np.maximum.reduceat(x, idx)[0::2]
        else:
            rmin = rmax = np.zeros(0)
        cm = np.where(cval & (c_w > 0), cv, np.nan)
        seg["min"] = np.concatenate([rmin, cm])
        seg["max"] = np.concatenate([rmax, cm])
    for name, k in req.categories.items():
        hit = np.empty(raw_flat.size + 1, dtype=bool)
        np.equal(raw_flat, k, out=hit[:-1])
        hit[-1] = False
        if valid is not None:
            hit &= valid
        rk = np.add.reduceat(hit, idx, dtype=np.int64)[0::2].astype(np.float64) if n_runs else np.zeros(0)
        seg[name] = np.concatenate([rk, c_w * hit[c_pos]])
    if req.need_lit:
        thr = acc.lit_threshold
        lit = x > thr
        if valid is not None:
            lit &= valid
        xl = x * lit
        c_lit = lit[c_pos]
        if area.ndim == 2 and area.shape[1] == 1:  # lon/lat: one area per row
            row_area = area[:, 0]
            rl = np.add.reduceat(lit, idx, dtype=np.int64)[0::2].astype(np.float64) if n_runs else np.zeros(0)
            seg["lit_a"] = np.concatenate([rl * row_area[r_row], c_w * c_lit * row_area[c_row]])
            seg["valid_a"] = np.concatenate([rn * row_area[r_row], cwv * row_area[c_row]])
        else:
            af = np.empty(x.size)
            af[:-1] = area.reshape(-1)
            af[-1] = 0.0
            rl = np.add.reduceat(lit, idx, dtype=np.int64)[0::2].astype(np.float64) if n_runs else np.zeros(0)
            ra = np.add.reduceat(af * lit, idx)[0::2] if n_runs else np.zeros(0)
            rva = np.add.reduceat(af * valid, idx)[0::2] if (n_runs and valid is not None) else (
                np.add.reduceat(af, idx)[0::2] if n_runs else np.zeros(0))
            seg["lit_a"] = np.concatenate([ra, c_w * c_lit * af[c_pos]])
            seg["valid_a"] = np.concatenate([rva, cwv * af[c_pos]])
        seg["lit_n"] = np.concatenate([rl, c_w * c_lit])
        rls = np.add.reduceat(xl, idx)[0::2] if n_runs else np.zeros(0)
        seg["lit_s"] = np.concatenate([rls, c_w * c_lit * cv])
    acc.add_segments(seg)
    if req.need_quantiles:
        if n_runs:
            lengths = r_end - r_start
            total = int(lengths.sum())
            first = np.cumsum(lengths) - lengths
            pos = np.repeat(r_start - first, lengths) + np.arange(total)
            ppoly = np.repeat(r_poly, lengths)
            ok = valid[pos] if valid is not None else np.ones(total, dtype=bool)
            acc.add_quantile_cells(ppoly[ok], x[pos][ok], np.ones(int(ok.sum()), dtype=np.float32))
        keep = cval & (c_w > 0)
        acc.add_quantile_cells(c_poly[keep], cv[keep], c_w[keep])


# --------------------------------------------------------------------------------------------
# the run


def _strip_plan(win: np.ndarray, block_h: int, rows_per_strip: int, height: int):
    """Strips [s0, s1) of whole block rows covering the rows of every polygon window."""
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


class _StripReader:
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
                    raise ZonalStatisticsError(f"raster {self.src.path!r} cannot be read: {exc}") from None
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


def _open_raster(path) -> raster_io.Raster:
    try:
        # GDAL reads GDAL_NUM_THREADS when the dataset is opened (set for this thread only)
        return raster_io.open_raster(path, num_threads=READ_THREADS)
    except raster_io.RasterIOError as exc:
        raise ZonalStatisticsError(f"raster {str(path)!r} cannot be opened: {exc}") from exc


def _raster_crs(src: raster_io.Raster, path):
    from pyproj import CRS

    if src.crs_wkt is None:
        raise ZonalStatisticsError(
            f"raster {str(path)!r} has no CRS: assign one first (QGIS: Raster > Projections > Assign Projection; "
            "GDAL: gdal_edit.py -a_srs EPSG:4326)"
        )
    return CRS.from_user_input(src.crs_wkt)


def _plan_layers(src, path, label, bands, scale, offset, nodata, valid_range, clip) -> list:
    count = src.count
    if isinstance(bands, str):
        mode = bands.strip().lower()
        if mode not in ("each", "mean", "max"):
            raise ZonalStatisticsError(f"bands={bands!r} is unknown: use 'each', 'mean', 'max' or a list of band numbers")
        selected = list(range(1, count + 1))
    else:
        mode = "each"
        try:
            selected = [int(b) for b in bands]
        except (TypeError, ValueError):
            raise ZonalStatisticsError(f"bands={bands!r}: give band numbers (1-based) as integers") from None
        bad = [b for b in selected if b < 1 or b > count]
        if bad or not selected:
            raise ZonalStatisticsError(
                f"raster {str(path)!r} has {count} band{'s' if count != 1 else ''}: band{'s' if len(bad) != 1 else ''} "
                f"{bad or selected} out of range; band numbers run from 1 to {count}"
            )

    def settings(band_list):
        sc = [scale if scale is not None else (src.scales[b - 1] if src.scales else 1.0) for b in band_list]
        of = [offset if offset is not None else (src.offsets[b - 1] if src.offsets else 0.0) for b in band_list]
        if len(set(sc)) > 1 or len(set(of)) > 1:
            raise ZonalStatisticsError(
                f"raster {str(path)!r}: bands {band_list} have different scale/offset tags {sc}/{of}; "
                "summarise them separately (bands=[k]) or pass scale= and offset="
            )
        if sc[0] == 0:
            raise ZonalStatisticsError(f"scale=0 for raster {str(path)!r}: a scale factor must be non-zero")
        nd = [nodata if nodata is not None else src.nodatavals[b - 1] for b in band_list]
        return float(sc[0]), float(of[0]), nd

    layers = []
    if mode in ("mean", "max") and count > 1:
        sc, of, nd = settings(selected)
        layers.append(_Layer(f"{label}_b{mode}", mode, selected, sc, of, nd, valid_range, clip))
    else:
        for b in selected:
            sc, of, nd = settings([b])
            lab = label if count == 1 else f"{label}_b{b}"
            layers.append(_Layer(lab, "band", [b], sc, of, nd, valid_range, clip))
    return layers


def _grid_key(src, crs):
    return (crs.to_wkt(), tuple(src.transform)[:6], src.height, src.width)


#: GDAL's block cache while reading (MB). Strips are whole block rows and each block is read
#: once, so a cache only holds memory (and costs a copy per block): the default, 5 % of RAM,
#: would keep a national raster resident, and 64 MB adds 64 MB to the peak with no gain in
#: speed. The cache is process-wide: the previous limit is restored when the run ends.
GDAL_CACHE_MB = 8


def zonal_statistics(*args, **kwargs) -> pd.DataFrame:
    with raster_io.block_cache(GDAL_CACHE_MB):
        return _zonal_statistics(*args, **kwargs)


def _zonal_statistics(
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
        Product conventions (see the module docstring); ``None`` = preset or file tags.
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
        raise ZonalStatisticsError(f"coverage={coverage!r} is unknown: use one of {', '.join(COVERAGE_MODES)}")
    settings = {"scale": scale, "offset": offset, "nodata": nodata, "valid_range": valid_range, "clip": clip,
                "ntl_threshold": ntl_threshold, "dn_max": dn_max}
    units = None
    if preset is not None:
        pre = raster_presets.preset(preset)
        units = pre.get("units")
        for k in raster_presets.PRESET_PARAMETERS:
            if settings[k] is None:
                settings[k] = pre[k]
    req = _parse_stats(stats, percentiles, categories)
    if req.need_lit and settings["ntl_threshold"] is None:
        raise ZonalStatisticsError(
            f"{', '.join(s for s in req.stats if s in _LIT_STATS)} need ntl_threshold (a cell is lit when its value "
            "exceeds it): e.g. 7 for DMSP DN, or choose preset='dmsp_ols'"
        )
    if "cnli" in req.stats and settings["dn_max"] is None:
        raise ZonalStatisticsError(
            "cnli needs dn_max, the largest possible value (63 for DMSP DN; for VIIRS radiance choose a cap and "
            "pass the same value as clip=(0, cap) and dn_max=cap)"
        )
    for name in ("valid_range", "clip"):
        val = settings[name]
        if val is not None:
            if len(val) != 2:
                raise ZonalStatisticsError(f"{name}={val!r}: give a (low, high) pair; None leaves a side open")
            lo, hi = val
            if lo is not None and hi is not None and lo > hi:
                raise ZonalStatisticsError(f"{name}={val!r}: low bound exceeds high bound")
            settings[name] = (lo, hi)
    if isinstance(rasters, (str, Path)):
        rasters = [rasters]
    rasters = list(rasters)
    if not rasters:
        raise ZonalStatisticsError("rasters is empty: give at least one raster path")

    polys = _prepare_polygons(polygons, crs)
    raster_labels = _raster_labels(rasters, labels)
    cancelled = is_cancelled or (lambda: False)
    report = progress or (lambda f: None)

    # open and check every raster first so that bad input fails before any long work
    sources, plans = [], []
    try:
        for path, label in zip(rasters, raster_labels):
            src = _open_raster(path)
            sources.append(src)
            rcrs = _raster_crs(src, path)
            layers = _plan_layers(src, path, label, bands, settings["scale"], settings["offset"],
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
                raise ZonalCancelled("zonal statistics cancelled")
            key = _grid_key(src, rcrs)
            if key in coverage_cache:
                cov, unprojectable, beyond = coverage_cache[key]
                plan = _start_reading(src, cov.window, layers)
            else:
                rings, unprojectable = _pixel_rings(polys, rcrs, src.transform)
                beyond = _beyond_grid(rings, src.height, src.width)
                # the windows suffice to plan the reading: the coverage is computed while it runs
                plan = _start_reading(src, polygon_windows(rings, src.height, src.width), layers)
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
                    cols, reasons = _finalise(acc, req, settings, covered, outside, unprojectable, coverage,
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
    out = pd.DataFrame(columns, index=polys.index)
    out[STATUS_COLUMN] = ["ok" if not s else "; ".join(dict.fromkeys(s)) for s in status]
    out.attrs["zonal"] = {"coverage": coverage, "preset": preset, "units": units, "stats": req.stats,
                          "ntl_threshold": settings["ntl_threshold"], "dn_max": settings["dn_max"],
                          "layers": meta_layers}
    return out


zonal_statistics.__doc__ = _zonal_statistics.__doc__


def _beyond_grid(rings, height, width, tolerance=1e-6) -> np.ndarray:
    """Polygons with a vertex outside the grid (by more than ``tolerance`` cells): part of their
    area is outside the raster."""
    umin, umax, vmin, vmax = polygon_bounds(rings)
    has = np.isfinite(umin)
    return has & ((umin < -tolerance) | (vmin < -tolerance) | (umax > width + tolerance)
                  | (vmax > height + tolerance))


@dataclass
class _ReadPlan:
    """What is read of one raster: columns [col0, col1), the bands, the strips."""

    reader: Optional[_StripReader]
    col0: int = 0
    col1: int = 0
    band_pos: dict = field(default_factory=dict)


def _start_reading(src, win, layers) -> _ReadPlan:
    """Plan the strips covering the polygon windows and start reading them in the background."""
    live = win[:, 1] > win[:, 0]
    if not live.any():
        return _ReadPlan(None)
    col0 = int(win[live, 2].min())
    col1 = int(win[live, 3].max())
    indexes = sorted({b for layer in layers for b in layer.bands})
    dtype = np.result_type(*[np.dtype(src.dtypes[b - 1]) for b in indexes])
    block_h = max(1, int(src.block_shapes[0][0]))
    row_bytes = max(1, len(indexes) * (col1 - col0) * dtype.itemsize)
    rows_per_strip = max(block_h, (STRIP_BYTES // row_bytes) // block_h * block_h)
    strips = _strip_plan(win, block_h, rows_per_strip, src.height)
    depth = PREFETCH_BYTES // max(1, rows_per_strip * row_bytes)
    reader = _StripReader(src, indexes, strips, col0, col1, dtype, depth)
    return _ReadPlan(reader, col0, col1, {b: i for i, b in enumerate(indexes)})


@contextlib.contextmanager
def _overflow_is_an_error(path):
    """Sums, squares and means in float64 overflow for values near the float limit (a sum of
    cells of 1e308 is inf): refuse with a message instead of writing inf as a statistic."""
    try:
        with np.errstate(over="raise"):
            yield
    except FloatingPointError:
        raise ZonalStatisticsError(
            f"raster {str(path)!r} holds values too large to sum in float64 (sums or squares beyond "
            f"{np.finfo(np.float64).max:.3g}): rescale it first (e.g. divide by 1e6 with the Raster "
            "Calculator or gdal_calc.py) or pass scale= (e.g. 1e-6), then convert the results back"
        ) from None


def _run_raster(src, rcrs, cov, plan: _ReadPlan, layers, req, settings, cancelled, report) -> list:
    accs = [_Accumulator(cov.n_polygons, req, len(layers)) for _ in layers]
    for acc in accs:
        acc.lit_threshold = settings["ntl_threshold"]
    if plan.reader is None:
        return accs
    win = cov.window
    col0, col1, band_pos, reader = plan.col0, plan.col1, plan.band_pos, plan.reader
    area = _CellArea(rcrs, src.transform, src.height, src.width) if req.need_lit else None
    width = col1 - col0
    complete_row = win[:, 1]
    finished = np.zeros(cov.n_polygons, dtype=bool)

    try:
        for s0, s1, data in reader:
            if cancelled():
                raise ZonalCancelled("zonal statistics cancelled")
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
                    if layer.kind == "band":
                        blk = _prepare_band(raws[0], layer, 0)
                    else:
                        blk = _prepare_composite(raws, layer)
                    raw_flat = raws[0].reshape(-1) if layer.kind == "band" else blk.x[:-1]
                    _summarise_block(blk, raw_flat, req, runs, cells, width, blk_area, acc)
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


def _finalise(acc: _Accumulator, req, settings, covered, outside, unprojectable, coverage, polys, partly_out):
    n = acc.n
    count = acc.count
    has_cells = covered > 0
    has_valid = count > 0
    reasons = {}
    for i in range(n):
        if polys.geoms[i] is None:
            continue  # "empty geometry" already noted
        if unprojectable[i]:
            reasons[i] = "polygon cannot be transformed to the raster CRS"
        elif outside[i]:
            reasons[i] = "outside raster"
        elif not has_cells[i]:
            reasons[i] = ("no cell centre inside the polygon (smaller than a cell: use coverage 'exact' or "
                          "'all_touched')" if coverage == "center" else "no cell covered")
        elif not has_valid[i]:
            reasons[i] = "no valid cells (only nodata)"
        elif partly_out[i]:
            reasons[i] = "partly outside raster (statistics of the inside part)"
    safe = np.where(has_valid, count, 1.0)
    cols = {}
    nan = np.full(n, np.nan)
    for stat in req.stats:
        if stat == "count":
            # inside the raster but covering no cell (a sub-cell polygon in centre mode): 0 cells;
            # outside the raster, empty or unprojectable: unknown
            known = np.array([polys.geoms[i] is not None and not unprojectable[i] and not outside[i]
                              for i in range(n)], dtype=bool)
            col = np.where(has_cells, count, np.where(known, 0.0, np.nan))
        elif stat in ("sum", "total_light"):
            col = np.where(has_valid, acc.total, np.nan)
        elif stat == "mean":
            col = np.where(has_valid, acc.total / safe, np.nan)
        elif stat == "min":
            col = np.where(has_valid, acc.vmin, np.nan)
        elif stat == "max":
            col = np.where(has_valid, acc.vmax, np.nan)
        elif stat == "std":
            col = np.where(has_valid, np.sqrt(np.maximum(acc.m_m2, 0) / np.where(acc.m_n > 0, acc.m_n, 1.0)), np.nan)
        elif stat == "valid_fraction":
            col = np.where(has_cells, count / np.where(has_cells, covered, 1.0), np.nan)
        elif stat in req.percentiles:
            col = np.where(has_valid, acc.q_result(stat), np.nan)
        elif stat in req.categories:
            col = np.where(has_valid, acc.cat[stat] / safe, np.nan)
        elif stat == "lit_area_km2":
            col = np.where(has_valid, acc.lit_area, np.nan)
        elif stat == "lit_ratio":
            va = acc.valid_area
            col = np.where(has_valid & (va > 0), acc.lit_area / np.where(va > 0, va, 1.0), np.nan)
        elif stat == "cnli":
            va = acc.valid_area
            s_ratio = acc.lit_area / np.where(va > 0, va, 1.0)
            ln = acc.lit_n
            intensity = np.where(ln > 0, acc.lit_sum / (np.where(ln > 0, ln, 1.0) * settings["dn_max"]), 0.0)
            col = np.where(has_valid & (va > 0), intensity * s_ratio, np.nan)
        else:  # pragma: no cover - parse_stats rejects unknown names
            col = nan
        cols[stat] = col
    return cols, reasons
