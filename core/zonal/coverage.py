"""Which raster cells a polygon covers, and by how much: the geometric half of zonal statistics.

Everything here works in *pixel space*: column ``u`` and row ``v`` of the raster grid, cell
``(r, c)`` being the unit square ``[c, c+1] x [r, r+1]``. An affine map preserves area ratios, so
the fraction of a cell covered by a polygon is the same in pixel space as on the map.

Three coverage rules are offered:

``exact``
    Each cell is weighted by the fraction of its area inside the polygon (the rule of
    exactextract, Baston 2022). The area of ``P ∩ cell(r, c)`` follows from Green's theorem
    applied to ``M(u, v) = G_c(u) · 1[r <= v < r+1]`` with ``G_c(u) = clamp(u - c, 0, 1)``::

        area(P ∩ cell) = ∮_∂P G_c(u) 1[r <= v < r+1] dv

    for boundaries oriented counter-clockwise in ``(u, v)`` (holes clockwise). After splitting
    every edge at the grid lines it crosses, each *piece* lies in one cell ``(r, c_p)`` and adds
    ``dv`` to every cell of its row left of it (``c < c_p``, where ``G = 1``) and
    ``dv · (mean u of the piece - c_p)`` to its own cell (where ``G`` is linear). Cells that no
    piece touches are entirely inside or outside, so the interior comes out as runs of full
    cells along each row: work is O(boundary cells), not O(window cells).
``center``
    A cell counts (weight 1) when its centre is inside the polygon: the scanline rule of
    GDAL's rasterizer (crossings of the row's centre line ``v = r + 0.5`` on edges with
    ``min(v) <= r + 0.5 < max(v)``, rounded with ``floor(u + 0.5)``, filled pairwise, even-odd).
``all_touched``
    A cell counts (weight 1) when the polygon or its boundary meets the cell's interior: the
    exact-mode interior runs plus every cell a boundary piece passes through. A boundary lying
    exactly on a grid line selects no cell beyond it (GDAL 3.10 agrees; GDAL 3.6 adds the cells
    on one side of such lines).

The result, :class:`Coverage`, is sparse: *partial cells* (row, column, weight) and *runs*
(row, first column, end column) of cells with weight 1, both sorted by row so that a raster
read in strips of rows can pick the part it needs.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..messages import msg

COVERAGE_MODES = ("exact", "center", "all_touched")

#: Cells covered by less than this fraction (in cell units) are treated as untouched: floating
#: point noise of a boundary lying on a grid line, never a real overlap.
MIN_FRACTION = 1e-9

#: Pixel coordinates this close to a grid line are snapped onto it (see :func:`snap_to_grid`).
SNAP_TOLERANCE = 1e-9

#: Boundary pieces (edge parts within one cell) handled per vectorised batch: bounds the
#: temporary memory (about 200 bytes a piece) and keeps the batch in the CPU cache.
_BATCH_PIECES = 100_000


@dataclass
class Rings:
    """Polygon boundaries in pixel space, flattened for vectorised work.

    ``u``, ``v``: coordinates of all ring vertices, each ring closed (last vertex = first);
    ``ring_start``: offsets of the rings in ``u``/``v`` (length ``n_rings + 1``);
    ``ring_polygon``: index of the polygon (zone) each ring belongs to;
    ``ring_is_hole``: True for interior rings.
    """

    u: np.ndarray
    v: np.ndarray
    ring_start: np.ndarray
    ring_polygon: np.ndarray
    ring_is_hole: np.ndarray
    n_polygons: int


@dataclass
class Coverage:
    """Sparse coverage of ``n_polygons`` zones on a grid of ``height`` x ``width`` cells.

    Partial cells: ``cell_row``, ``cell_col``, ``cell_polygon``, ``cell_weight`` (weight in
    (0, 1]). Runs of full cells: ``run_row``, ``run_col0``, ``run_col1`` (end exclusive),
    ``run_polygon``. Both sorted by row. ``polygon_area`` is each polygon's area in cell units
    (including any part outside the grid); ``window`` holds each polygon's bounding window
    ``(row0, row1, col0, col1)`` clipped to the grid (empty when the polygon is outside).
    """

    height: int
    width: int
    n_polygons: int
    cell_row: np.ndarray
    cell_col: np.ndarray
    cell_polygon: np.ndarray
    cell_weight: np.ndarray
    run_row: np.ndarray
    run_col0: np.ndarray
    run_col1: np.ndarray
    run_polygon: np.ndarray
    polygon_area: np.ndarray
    window: np.ndarray

    def covered_weight(self) -> np.ndarray:
        """Total weight per polygon inside the grid (cell units): Σ weights of cells and runs."""
        w = np.zeros(self.n_polygons)
        w += np.bincount(self.cell_polygon, weights=self.cell_weight, minlength=self.n_polygons)
        w += np.bincount(
            self.run_polygon, weights=(self.run_col1 - self.run_col0).astype(np.float64), minlength=self.n_polygons
        )
        return w

    def dense(self, polygon: int) -> np.ndarray:
        """The coverage of one polygon as a dense (height x width) array; for tests and small grids."""
        out = np.zeros((self.height, self.width))
        m = self.run_polygon == polygon
        for r, a, b in zip(self.run_row[m], self.run_col0[m], self.run_col1[m]):
            out[r, a:b] += 1.0
        m = self.cell_polygon == polygon
        np.add.at(out, (self.cell_row[m], self.cell_col[m]), self.cell_weight[m])
        return out


def snap_to_grid(a: np.ndarray, tolerance: float = SNAP_TOLERANCE) -> np.ndarray:
    """Move coordinates within ``tolerance`` cells of a grid line onto it.

    A polygon drawn along the grid (x = 100.3 on a 0.1° grid starting at 100) lands at
    u = 2.9999999999999716 after the affine inverse; snapping keeps the cell on the other side
    of the line from being counted as touched. The area changed is below tolerance x perimeter.
    """
    r = np.rint(a)
    return np.where(np.abs(a - r) < tolerance, r, a)


def _edges(rings: Rings):
    """Edges (ua, va, ub, vb, ring index) of all rings, without zero-length ones."""
    n = len(rings.u)
    if n < 2:
        z = np.zeros(0)
        return z, z, z, z, np.zeros(0, dtype=np.int64)
    ring_of_vertex = np.repeat(np.arange(len(rings.ring_polygon)), np.diff(rings.ring_start))
    keep = np.ones(n - 1, dtype=bool)
    ends = rings.ring_start[1:-1] - 1  # last vertex of each ring but the final one
    keep[ends[ends < n - 1]] = False
    idx = np.flatnonzero(keep)
    ua, va = rings.u[idx], rings.v[idx]
    ub, vb = rings.u[idx + 1], rings.v[idx + 1]
    ring = ring_of_vertex[idx]
    nonzero = (ua != ub) | (va != vb)
    return ua[nonzero], va[nonzero], ub[nonzero], vb[nonzero], ring[nonzero]


def ring_signed_areas(rings: Rings) -> np.ndarray:
    """Shoelace area of each ring in pixel space, ½ Σ (u_i v_{i+1} - u_{i+1} v_i), relative to
    the ring's first vertex for precision; positive = counter-clockwise in (u, v)."""
    n_rings = len(rings.ring_polygon)
    if n_rings == 0:
        return np.zeros(0)
    ring_of_vertex = np.repeat(np.arange(n_rings), np.diff(rings.ring_start))
    u0 = rings.u[rings.ring_start[:-1]][ring_of_vertex]
    v0 = rings.v[rings.ring_start[:-1]][ring_of_vertex]
    du, dv = rings.u - u0, rings.v - v0
    cross = du[:-1] * dv[1:] - du[1:] * dv[:-1]
    same = ring_of_vertex[:-1] == ring_of_vertex[1:]
    return 0.5 * np.bincount(ring_of_vertex[:-1][same], weights=cross[same], minlength=n_rings)


def polygon_bounds(rings: Rings) -> tuple:
    """Pixel-space bounds ``(umin, umax, vmin, vmax)`` of each polygon, not clipped to the grid
    (infinite for polygons without rings)."""
    umin = np.full(rings.n_polygons, np.inf)
    umax = np.full(rings.n_polygons, -np.inf)
    vmin, vmax = umin.copy(), umax.copy()
    if len(rings.ring_polygon) == 0:
        return umin, umax, vmin, vmax
    vertex_polygon = np.repeat(rings.ring_polygon, np.diff(rings.ring_start))
    # reduce each run of vertices of one polygon first: ufunc.at is slow before numpy 1.25
    first = np.flatnonzero(np.r_[True, vertex_polygon[1:] != vertex_polygon[:-1]])
    who = vertex_polygon[first]
    np.minimum.at(umin, who, np.minimum.reduceat(rings.u, first))
    np.maximum.at(umax, who, np.maximum.reduceat(rings.u, first))
    np.minimum.at(vmin, who, np.minimum.reduceat(rings.v, first))
    np.maximum.at(vmax, who, np.maximum.reduceat(rings.v, first))
    return umin, umax, vmin, vmax


def polygon_windows(rings: Rings, height: int, width: int) -> np.ndarray:
    """Bounding window ``(row0, row1, col0, col1)`` of each polygon, clipped to the grid.

    Polygons without rings or outside the grid get an empty window (row0 == row1)."""
    win = np.zeros((rings.n_polygons, 4), dtype=np.int64)
    umin, umax, vmin, vmax = polygon_bounds(rings)
    has = np.isfinite(umin)
    r0 = np.clip(np.floor(np.where(has, vmin, 0)), 0, height)
    r1 = np.clip(np.ceil(np.where(has, vmax, 0)), 0, height)
    c0 = np.clip(np.floor(np.where(has, umin, 0)), 0, width)
    c1 = np.clip(np.ceil(np.where(has, umax, 0)), 0, width)
    empty = (r0 >= r1) | (c0 >= c1) | ~has
    win[:, 0], win[:, 1], win[:, 2], win[:, 3] = r0, r1, c0, c1
    win[empty] = 0
    return win


def _split_edges(ua, va, ub, vb, r0, r1, c0, c1):
    """Split edges at the integer grid lines they cross inside their window.

    Returns the piece end points (u_a, v_a, u_b, v_b) and the edge each piece belongs to.
    Crossing points get the exact integer coordinate of the line they cross."""
    n_edges = len(ua)
    du, dv = ub - ua, vb - va
    # integer columns strictly between the end points, limited to [c0, c1]
    ulo = np.maximum(np.floor(np.minimum(ua, ub)) + 1, c0)
    uhi = np.minimum(np.ceil(np.maximum(ua, ub)) - 1, c1)
    nu = np.maximum(uhi - ulo + 1, 0).astype(np.int64)
    vlo = np.maximum(np.floor(np.minimum(va, vb)) + 1, r0)
    vhi = np.minimum(np.ceil(np.maximum(va, vb)) - 1, r1)
    nv = np.maximum(vhi - vlo + 1, 0).astype(np.int64)

    def crossings(counts, lo):
        total = int(counts.sum())
        edge = np.repeat(np.arange(n_edges), counts)
        first = np.cumsum(counts) - counts
        k = lo[edge] + (np.arange(total) - first[edge])
        return edge, k

    eu, ku = crossings(nu, ulo)
    tu = (ku - ua[eu]) / du[eu]
    ev, kv = crossings(nv, vlo)
    tv = (kv - va[ev]) / dv[ev]

    idx = np.arange(n_edges)
    edge = np.concatenate([idx, idx, eu, ev])
    t = np.concatenate([np.zeros(n_edges), np.ones(n_edges), tu, tv])
    pu = np.concatenate([ua, ub, ku, ua[ev] + tv * du[ev]])
    pv = np.concatenate([va, vb, va[eu] + tu * dv[eu], kv])
    order = np.argsort(edge * 2.0 + t, kind="stable")
    edge, pu, pv = edge[order], pu[order], pv[order]
    same = edge[:-1] == edge[1:]
    return pu[:-1][same], pv[:-1][same], pu[1:][same], pv[1:][same], edge[:-1][same]


def _exact_batch(ua, va, ub, vb, sign, poly, win, width):
    """Cells and runs for a batch of edges (all edges of the polygons concerned)."""
    r0, r1, c0, c1 = (win[poly, i].astype(np.float64) for i in range(4))
    pa_u, pa_v, pb_u, pb_v, e = _split_edges(ua, va, ub, vb, r0, r1, c0, c1)
    um = 0.5 * (pa_u + pb_u)
    vm = 0.5 * (pa_v + pb_v)
    r0, r1, c0, c1 = r0[e], r1[e], c0[e], c1[e]
    # pieces above/below the window touch no cell of it; pieces left of it add nothing to any
    # cell at or right of c0 (G_c = 0 there)
    keep = (vm >= r0) & (vm < r1) & (um >= c0)
    e, um, vm = e[keep], um[keep], vm[keep]
    dv = (pb_v - pa_v)[keep] * sign[e]
    right_of_window = um >= c1[keep]
    col = np.where(right_of_window, c1[keep], np.floor(um))
    row = np.floor(vm)
    partial = np.where(right_of_window, 0.0, dv * (um - col))
    # a piece lying on a cell's left or top border touches no cell interior (all_touched)
    pu_a, pu_b, pv_a, pv_b = pa_u[keep], pb_u[keep], pa_v[keep], pb_v[keep]
    crosses = ~(((pu_a == pu_b) & (um == col)) | ((pv_a == pv_b) & (vm == row)))
    p = poly[e]

    # group pieces by cell (polygon, row, column); column c1 is a virtual cell right of the window
    key = (p * (np.int64(1) << 21) + row.astype(np.int64)) * (width + 1) + col.astype(np.int64)
    order = np.argsort(key, kind="stable")
    key, dv, partial, right_of_window = key[order], dv[order], partial[order], right_of_window[order]
    crosses = crosses[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    if len(starts) == 0:
        return _empty_parts()
    ckey = key[starts]
    cdv = np.add.reduceat(dv, starts)
    cpart = np.add.reduceat(partial, starts)
    cvirtual = right_of_window[starts]
    ccross = np.add.reduceat(crosses.astype(np.int64), starts) > 0
    ccol = ckey % (width + 1)
    crow_key = ckey // (width + 1)  # polygon * 2^21 + row
    cpoly = crow_key >> 21
    crow = crow_key & ((1 << 21) - 1)

    # Σ dv of the pieces right of each cell, within its row
    row_start = np.r_[True, crow_key[1:] != crow_key[:-1]]
    row_id = np.cumsum(row_start) - 1
    row_first = np.flatnonzero(row_start)
    cum = np.cumsum(cdv)
    before_row = (cum - cdv)[row_first]
    row_total = np.add.reduceat(cdv, row_first)
    inclusive = cum - before_row[row_id]
    right = row_total[row_id] - inclusive
    weight = right + cpart

    real = ~cvirtual
    cells = (crow[real], ccol[real], cpoly[real], weight[real], ccross[real])

    # runs of untouched cells between consecutive touched cells of a row
    # (a leading run from the window's left edge, value = row total)
    nxt_same_row = np.r_[~row_start[1:], False]
    gap_a = ccol[:-1] + 1
    gap_b = ccol[1:]
    gap_val = right[:-1]
    gap_ok = nxt_same_row[:-1] & (gap_b > gap_a)
    lead_col0 = win[cpoly[row_first], 2]
    lead_col1 = ccol[row_first]
    lead_val = row_total
    lead_ok = lead_col1 > lead_col0
    run_row = np.concatenate([crow[:-1][gap_ok], crow[row_first][lead_ok]])
    run_a = np.concatenate([gap_a[gap_ok], lead_col0[lead_ok]])
    run_b = np.concatenate([gap_b[gap_ok], lead_col1[lead_ok]])
    run_val = np.concatenate([gap_val[gap_ok], lead_val[lead_ok]])
    run_poly = np.concatenate([cpoly[:-1][gap_ok], cpoly[row_first][lead_ok]])
    inside = np.rint(run_val) >= 1  # exactly 0 or 1 up to rounding for valid polygons
    runs = (run_row[inside], run_a[inside], run_b[inside], run_poly[inside])
    return cells, runs


def _empty_parts():
    z = np.zeros(0, dtype=np.int64)
    return (z, z, z, np.zeros(0), np.zeros(0, dtype=bool)), (z, z, z, z)


def _center_batch(ua, va, ub, vb, poly, win, width):
    """Runs of cells whose centre is inside (GDAL's scanline rule), for a batch of edges."""
    r0 = win[poly, 0].astype(np.float64)
    r1 = win[poly, 1].astype(np.float64)
    vmin, vmax = np.minimum(va, vb), np.maximum(va, vb)
    # rows r with vmin <= r + 0.5 < vmax
    lo = np.maximum(np.ceil(vmin - 0.5), r0)
    hi = np.minimum(np.ceil(vmax - 0.5), r1)  # exclusive
    n = np.maximum(hi - lo, 0).astype(np.int64)
    edge = np.repeat(np.arange(len(ua)), n)
    first = np.cumsum(n) - n
    row = lo[edge] + (np.arange(int(n.sum())) - first[edge])
    u = ua[edge] + (row + 0.5 - va[edge]) * (ub[edge] - ua[edge]) / (vb[edge] - va[edge])
    p = poly[edge]
    group = p * (np.int64(1) << 21) + row.astype(np.int64)
    order = np.lexsort((u, group))
    group, u = group[order], u[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    position = np.arange(len(group)) - np.repeat(starts, np.diff(np.r_[starts, len(group)]))
    a = np.flatnonzero(position % 2 == 0)
    a = a[a + 1 < len(group)]
    a = a[group[a + 1] == group[a]]
    col0 = np.clip(np.floor(u[a] + 0.5), 0, width).astype(np.int64)
    col1 = np.clip(np.floor(u[a + 1] + 0.5), 0, width).astype(np.int64)
    ok = col1 > col0
    g = group[a][ok]
    z = np.zeros(0, dtype=np.int64)
    return (z, z, z, np.zeros(0)), (g & ((1 << 21) - 1), col0[ok], col1[ok], g >> 21)


def compute_coverage(rings: Rings, height: int, width: int, mode: str = "exact") -> Coverage:
    """Coverage of every polygon of ``rings`` on a ``height`` x ``width`` grid (pixel space).

    ``mode`` is ``'exact'`` (area fractions), ``'center'`` or ``'all_touched'``; see the module
    docstring for the rules. Rings must be valid polygon rings (no self-intersection); their
    orientation does not matter, holes are subtracted."""
    if mode not in COVERAGE_MODES:
        raise ValueError(msg("coverage mode {mode!r} is unknown: use one of {modes}",
                             "未知的覆盖方式 {mode!r}：请使用 {modes} 之一", mode=mode, modes=", ".join(COVERAGE_MODES)))
    if height >= (1 << 21) or width >= (1 << 31):
        raise ValueError(msg("raster of {height} rows x {width} columns is too large (rows must be < 2097152)",
                             "栅格为 {height} 行 x {width} 列，过大（行数必须 < 2097152）", height=height, width=width))
    win = polygon_windows(rings, height, width)
    area = ring_signed_areas(rings)
    # counter-clockwise exteriors add, clockwise holes subtract, whatever the input orientation
    ring_sign = np.where(rings.ring_is_hole, -1.0, 1.0) * np.sign(area)
    polygon_area = np.bincount(
        rings.ring_polygon, weights=np.abs(area) * np.where(rings.ring_is_hole, -1.0, 1.0), minlength=rings.n_polygons
    ) if len(area) else np.zeros(rings.n_polygons)

    ua, va, ub, vb, ring = _edges(rings)
    poly = rings.ring_polygon[ring].astype(np.int64)
    sign = ring_sign[ring]
    # drop edges of polygons outside the grid
    active = win[poly, 1] > win[poly, 0]
    ua, va, ub, vb, poly, sign = ua[active], va[active], ub[active], vb[active], poly[active], sign[active]

    cells_parts, runs_parts = [], []
    # batches hold whole polygons: the row sums above need all pieces of a row together
    # pieces per edge: one plus the grid lines it crosses (an upper bound: windows clip them)
    pieces = 1.0 + np.ceil(np.abs(ub - ua)) + np.ceil(np.abs(vb - va))
    bounds = _batch_bounds(poly, pieces, _BATCH_PIECES)
    for a, b in bounds:
        sl = slice(a, b)
        if mode == "center":
            horizontal = va[sl] == vb[sl]
            keep = ~horizontal
            cells, runs = _center_batch(
                ua[sl][keep], va[sl][keep], ub[sl][keep], vb[sl][keep], poly[sl][keep], win, width
            )
        else:
            cells, runs = _exact_batch(ua[sl], va[sl], ub[sl], vb[sl], sign[sl], poly[sl], win, width)
            w = np.minimum(cells[3], 1.0)
            if mode == "all_touched":
                ok = (w > MIN_FRACTION) | cells[4]
                w = np.ones(len(w))
            else:
                ok = w > MIN_FRACTION
            cells = (cells[0][ok], cells[1][ok], cells[2][ok], w[ok])
        # int32 halves the memory of the sparse coverage (rows < 2**21, columns < 2**31: checked above)
        cells_parts.append(tuple(a.astype(t) for a, t in zip(cells[:4], (np.int32, np.int32, np.int32, np.float64))))
        runs_parts.append(tuple(a.astype(np.int32) for a in runs))
    return _assemble(cells_parts, runs_parts, height, width, rings.n_polygons, polygon_area, win)


def _batch_bounds(poly: np.ndarray, cost: np.ndarray, budget: float):
    """Slices of the (polygon-sorted) edge arrays holding whole polygons, each about ``budget``
    in total ``cost`` (a polygon costing more than the budget is a batch of its own)."""
    n = len(poly)
    if n == 0:
        return []
    change = np.flatnonzero(np.r_[True, poly[1:] != poly[:-1]])
    cum = np.r_[0.0, np.cumsum(cost)]
    bounds, a = [], 0
    while a < n:
        # first polygon start whose cumulative cost exceeds the budget, at least one polygon on
        i = np.searchsorted(change, a, side="right")
        j = np.searchsorted(cum[change], cum[a] + budget, side="right")
        j = max(i, j)
        b = int(change[j]) if j < len(change) else n
        bounds.append((a, b))
        a = b
    return bounds


def _assemble(cells_parts, runs_parts, height, width, n_polygons, polygon_area, win) -> Coverage:
    """Concatenate the batches and sort them by row, one field at a time (the batches are
    released as they are used, so the peak is about twice the result, not three times)."""

    def sorted_fields(parts, dtypes):
        n_fields = len(dtypes)
        rows = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, dtype=dtypes[0])
        order = np.argsort(rows, kind="stable")
        out = [rows[order]]
        del rows
        for i in range(1, n_fields):
            field = np.concatenate([p[i] for p in parts]) if parts else np.zeros(0, dtype=dtypes[i])
            out.append(field[order])
            del field
        parts.clear()
        return out

    cr, cc, cp, cw = sorted_fields(cells_parts, (np.int32, np.int32, np.int32, np.float64))
    rr, ra, rb, rp = sorted_fields(runs_parts, (np.int32,) * 4)
    return Coverage(
        height=height,
        width=width,
        n_polygons=n_polygons,
        cell_row=cr,
        cell_col=cc,
        cell_polygon=cp,
        cell_weight=cw,
        run_row=rr,
        run_col0=ra,
        run_col1=rb,
        run_polygon=rp,
        polygon_area=polygon_area,
        window=win,
    )
