"""Polygons for zonal statistics: checked, repaired and placed on a raster's grid.

Invalid geometries are repaired with ``make_valid`` (GEOS >= 3.8; ``buffer(0)`` on shapely
without it) keeping their polygonal parts, and the repair is noted; empty or missing geometries
give NULL statistics. Vertices are transformed to the raster's CRS (the raster never is) and
then to its pixel space, column ``u`` and row ``v``: ``(u, v) = T^-1 (x, y)`` with ``T`` the
raster's affine geotransform.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .coverage import Rings, polygon_bounds, snap_to_grid
from .errors import ZonalStatisticsError
from ..messages import msg


@dataclass
class Polygons:
    """Polygonal parts of each input geometry (None: nothing to summarise), its index, CRS and notes."""

    geoms: list  # shapely polygonal geometry or None
    index: pd.Index
    crs: object  # pyproj.CRS
    notes: list  # per polygon: list of notes (repairs)


def polygonal_parts(geom):
    """Polygons of a (multi)polygon or of the polygonal members of a collection."""
    t = geom.geom_type
    if t == "Polygon":
        return [geom] if not geom.is_empty else []
    if t in ("MultiPolygon", "GeometryCollection"):
        parts = []
        for g in geom.geoms:
            parts.extend(polygonal_parts(g))
        return parts
    return []


def repair(geom):
    """make_valid (GEOS >= 3.8) keeping the polygonal parts; buffer(0) where it is missing."""
    try:
        from shapely.validation import make_valid
    except ImportError:  # pragma: no cover - shapely < 1.8
        return geom.buffer(0), "buffer(0)"
    return make_valid(geom), "make_valid"


def prepare_polygons(polygons, crs) -> Polygons:
    """Check and repair ``polygons`` (a GeoDataFrame / GeoSeries, or shapely geometries with
    ``crs``); anything but polygons is refused with the rows named."""
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
        raise ZonalStatisticsError(msg(
            "polygons have no CRS: set it on the layer or pass crs=..., e.g. crs='EPSG:4326' for longitude/latitude",
            "多边形没有坐标参考系：请在图层上设置，或传入 crs=...，经纬度例如 crs='EPSG:4326'"))
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
            g, how = repair(g)
            note.append(f"invalid geometry repaired with {how}")
        parts = polygonal_parts(g)
        if not parts:
            if g.geom_type == "GeometryCollection" and not note:
                bad.append((index[pos], "GeometryCollection without polygons"))
            out.append(None)
            notes.append(note + ["empty geometry"])
            continue
        out.append(parts)
        notes.append(note)
    if bad:
        shown = ", ".join(f"{i} ({t})" for i, t in bad[:5]) + (" ..." if len(bad) > 5 else "")
        raise ZonalStatisticsError(msg(
            "polygons: {count} geometries are not polygons: {shown}; "
            "zonal statistics need polygon or multipolygon geometries (buffer points or lines first)",
            "多边形：{count} 个几何不是多边形：{shown}；分区统计需要多边形或多部件多边形几何（请先对点或线做缓冲区）",
            count=len(bad), shown=shown))
    return Polygons(out, index, source_crs, notes)


def pixel_rings(polys: Polygons, raster_crs, transform) -> tuple:
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



def beyond_grid(rings, height, width, tolerance=1e-6) -> np.ndarray:
    """Polygons with a vertex outside the grid (by more than ``tolerance`` cells): part of their
    area is outside the raster."""
    umin, umax, vmin, vmax = polygon_bounds(rings)
    has = np.isfinite(umin)
    return has & ((umin < -tolerance) | (vmin < -tolerance) | (umax > width + tolerance)
                  | (vmax > height + tolerance))

