"""Weighted percentiles of zonal statistics with bounded memory.

Definition (exactextract's, the "weighted percentile method"; numpy's ``linear`` percentile,
Hyndman & Fan type 7, when all weights are equal): for the n values of a polygon sorted
ascending, ties kept in the order the cells were read, with weights w_k and cumulative sums
C_k, the positions are s_1 = 0, s_k = (k-1) w_k + (n-1) C_{k-1}, and S = (n-1) C_n. The
q-quantile is x_n when q S >= s_n, else x_j + (q S - s_j)(x_{j+1} - x_j) / (s_{j+1} - s_j)
with j the last index where s_j <= q S.

:func:`weighted_percentiles` evaluates it for many small groups at once (one sort).
:func:`select_percentiles` evaluates it for one large group without sorting it and without
holding it in memory: s is non-decreasing (s_{k+1} - s_k = k w_{k+1} + (n-k) w_k >= 0), so
two streaming passes suffice:

1. a histogram of the 65,536 leading bits of an order-preserving integer key of each float32
   value (cell count and weight per bin) locates the few bins that can hold x_j and x_{j+1}:
   the first cell of a bin with K cells and weight C before it has s in
   [(n-1) C, K w_max + (n-1) C];
2. the cells of those bins are grouped by exact value; a run of equal values needs only its
   count, weight and the weights of its first and last cell to place s at its two ends, and
   x_j, x_{j+1} lie at the ends of adjacent runs or inside one run.

:class:`QuantileStore` collects the cells of each polygon while the raster is read, keeps them
in memory up to a budget and appends them to temporary files beyond it, and gives each
polygon's percentiles once all its rows are read. Values are stored as float32 (about 7
significant digits), weights as float32.
"""
from __future__ import annotations

import os
import shutil
import tempfile

import numpy as np

#: Groups up to this many cells are evaluated together by sorting; larger ones by selection.
SORT_CELLS = 1 << 16
#: Cells read per pass step from a polygon's stored cells.
CHUNK_CELLS = 1 << 20
_BITS = 16  # leading key bits of the histogram pass
_CELL = np.dtype([("v", "<f4"), ("w", "<f4")])


def weighted_percentiles(group, value, weight, qs, n_groups) -> list:
    """Weighted percentiles per group (module definition) by sorting all cells.

    Ties are kept in input order. Returns one array of length ``n_groups`` per q in ``qs``
    (fractions in [0, 1]); NaN for groups without cells of positive weight."""
    group = np.asarray(group, dtype=np.int64)
    value = np.asarray(value, dtype=np.float64)
    weight = np.asarray(weight, dtype=np.float64)
    keep = weight > 0
    group, value, weight = group[keep], value[keep], weight[keep]
    out = [np.full(n_groups, np.nan) for _ in qs]
    if len(group) == 0:
        return out
    order = np.lexsort((value, group))
    group, value, weight = group[order], value[order], weight[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, len(group)])
    gid = np.repeat(np.arange(len(starts)), sizes)
    k = np.arange(len(group)) - starts[gid]  # 0-based rank within group
    csum = np.cumsum(weight)
    before = csum - weight - (csum - weight)[starts][gid]  # C_{k-1} within group
    nm1 = (sizes - 1)[gid].astype(np.float64)
    s = k * weight + nm1 * before
    total = np.add.reduceat(weight, starts)
    big_s = (sizes - 1) * total
    for qi, q in enumerate(qs):
        h = q * big_s
        # j = last index with s_j <= h, within each group
        le = s <= h[gid]
        j_local = np.add.reduceat(le.astype(np.int64), starts) - 1
        j = starts + np.maximum(j_local, 0)
        last = starts + sizes - 1
        at_end = j >= last
        jn = np.minimum(j + 1, last)
        denom = s[jn] - s[j]
        frac = np.where(at_end | (denom <= 0), 0.0, (h - s[j]) / np.where(denom > 0, denom, 1.0))
        res = value[j] + frac * (value[jn] - value[j])
        out[qi][group[starts]] = res
    return out


def float_key(v: np.ndarray) -> np.ndarray:
    """Order-preserving uint32 key of float32 values (not NaN; -0.0 must be given as 0.0)."""
    b = np.ascontiguousarray(v, dtype=np.float32).view(np.uint32)
    neg = (b >> 31).astype(bool)
    return np.where(neg, ~b, b | np.uint32(0x80000000))


def key_float(k: np.ndarray) -> np.ndarray:
    """Inverse of :func:`float_key`."""
    k = np.asarray(k, dtype=np.uint32)
    pos = (k >> 31).astype(bool)
    return np.where(pos, k & np.uint32(0x7FFFFFFF), ~k).astype(np.uint32).view(np.float32)


def select_percentiles(chunks, qs) -> list:
    """Weighted percentiles (module definition) of one group given as chunks, without sorting.

    ``chunks`` is a callable returning a fresh iterator of (float32 values, float32 weights)
    pairs in reading order (it is iterated twice); weights must be in (0, 1]. Returns one
    float per q (NaN when there are no cells)."""
    nbins = 1 << _BITS
    cnt = np.zeros(nbins, dtype=np.int64)
    wsum = np.zeros(nbins, dtype=np.float64)
    n, wmax = 0, 0.0
    for v, w in chunks():
        if not len(v):
            continue
        hi = (float_key(v) >> np.uint32(32 - _BITS)).astype(np.intp)
        cnt += np.bincount(hi, minlength=nbins)
        wsum += np.bincount(hi, weights=w, minlength=nbins)
        n += len(v)
        wmax = max(wmax, float(w.max()))
    if n == 0:
        return [float("nan")] * len(qs)
    nonempty = np.flatnonzero(cnt)
    k_before = np.cumsum(cnt) - cnt  # cells before each bin
    c_before = np.cumsum(wsum) - wsum  # weight before each bin
    total = float(wsum.sum())
    lo = (n - 1) * c_before[nonempty]  # bounds of s at the first cell of each bin
    hi_ = k_before[nonempty] * wmax + lo

    hs = [q * (n - 1) * total for q in qs]
    bins = set()
    for h in hs:
        a = max(int(np.searchsorted(hi_, h, side="right")) - 1, 0)  # last bin surely starting <= h
        b = max(int(np.searchsorted(lo, h, side="right")) - 1, 0)  # last bin possibly starting <= h
        b = min(b + 1, len(nonempty) - 1)  # and the next one, for x_{j+1}
        bins.update(nonempty[a:b + 1].tolist())
    wanted = np.zeros(nbins, dtype=bool)
    wanted[list(bins)] = True

    # pass 2: runs of equal values in the wanted bins
    parts = []
    for ci, (v, w) in enumerate(chunks()):
        if not len(v):
            continue
        key = float_key(v)
        sel = wanted[(key >> np.uint32(32 - _BITS)).astype(np.intp)]
        if not sel.any():
            continue
        key, w = key[sel], w[sel].astype(np.float64)
        u, inv, counts = np.unique(key, return_inverse=True, return_counts=True)
        by_run = np.argsort(inv.reshape(-1), kind="stable")  # cells of each run, in reading order
        end = np.cumsum(counts)
        parts.append((u, counts, np.bincount(inv.reshape(-1), weights=w, minlength=len(u)),
                      w[by_run[end - counts]], w[by_run[end - 1]], np.full(len(u), ci)))
    u, counts, ws, wf, wl, ci = (np.concatenate(x) for x in zip(*parts))
    order = np.lexsort((ci, u))  # runs met in several chunks: first chunk first
    u, counts, ws, wf, wl = u[order], counts[order], ws[order], wf[order], wl[order]
    starts = np.flatnonzero(np.r_[True, u[1:] != u[:-1]])
    ends = np.r_[starts[1:], len(u)] - 1
    u = u[starts]
    counts = np.add.reduceat(counts, starts)
    ws = np.add.reduceat(ws, starts)
    wf, wl = wf[starts], wl[ends]
    values = key_float(u).astype(np.float64)

    # rank and weight before each run: from its bin's totals plus the runs before it in the bin
    run_bin = (u >> np.uint32(32 - _BITS)).astype(np.intp)
    bin_start = np.flatnonzero(np.r_[True, run_bin[1:] != run_bin[:-1]])
    first_in_bin = np.repeat(bin_start, np.diff(np.r_[bin_start, len(u)]))
    kc = np.cumsum(counts) - counts
    cc = np.cumsum(ws) - ws
    k0 = k_before[run_bin] + kc - kc[first_in_bin]
    c0 = c_before[run_bin] + cc - cc[first_in_bin]
    s_first = k0 * wf + (n - 1) * c0
    s_last = (k0 + counts - 1) * wl + (n - 1) * (c0 + ws - wl)
    out = []
    for h in hs:
        # the run holding x_j: s is non-decreasing and every run that can hold x_j or x_{j+1}
        # was collected, next to each other
        g = max(int(np.searchsorted(s_first, h, side="right")) - 1, 0)
        if h < s_last[g]:
            out.append(float(values[g]))  # x_j and x_{j+1} in the same run
        elif g + 1 < len(u) and k0[g + 1] == k0[g] + counts[g]:
            denom = s_first[g + 1] - s_last[g]
            frac = (h - s_last[g]) / denom if denom > 0 else 0.0
            out.append(float(values[g] + frac * (values[g + 1] - values[g])))
        else:  # x_j is the last cell
            out.append(float(values[g]))
    return out


class QuantileStore:
    """Cells of each polygon for its percentiles: in memory up to ``memory_bytes``, beyond that
    appended to temporary files (removed by :meth:`close`)."""

    def __init__(self, n_polygons: int, qs, memory_bytes: int):
        self.n, self.qs = n_polygons, list(qs)
        self.memory_bytes = max(int(memory_bytes), 1)
        self.result = [np.full(n_polygons, np.nan) for _ in self.qs]
        self._mem = {}  # polygon -> list of structured chunks
        self._on_disk = {}  # polygon -> cells in its file
        self._held = 0  # bytes in memory
        self._dir = None

    @property
    def cells_held(self) -> int:
        return self._held // _CELL.itemsize

    def add(self, poly, value, weight):
        """Append cells (poly ids, values, weights in (0, 1]) in reading order."""
        if not len(poly):
            return
        poly = np.asarray(poly)
        small = poly.astype(np.uint16) if self.n <= 1 << 16 else poly
        order = np.argsort(small, kind="stable")  # radix sort for 16-bit keys
        p = poly[order]
        cells = np.empty(len(p), dtype=_CELL)
        cells["v"] = value[order]
        cells["v"] += np.float32(0.0)  # -0.0 -> 0.0: one key per value
        cells["w"] = weight[order]
        cut = np.flatnonzero(p[1:] != p[:-1]) + 1
        for i, piece in zip(p[np.r_[0, cut]].tolist(), np.split(cells, cut)):
            # a copy, so that finishing one polygon frees its memory
            self._mem.setdefault(i, []).append(piece.copy() if len(cut) else piece)
        self._held += cells.nbytes
        if self._held > self.memory_bytes:
            self._spill()

    def _spill(self):
        if self._dir is None:
            self._dir = tempfile.mkdtemp(prefix="megaregion-quantiles-")
        for i, pieces in self._mem.items():
            with open(self._path(i), "ab") as f:
                for piece in pieces:
                    piece.tofile(f)
            self._on_disk[i] = self._on_disk.get(i, 0) + sum(len(x) for x in pieces)
        self._mem = {}
        self._held = 0

    def _path(self, i):
        return os.path.join(self._dir, f"{i}.bin")

    def _chunks(self, i):
        on_disk = self._on_disk.get(i, 0)
        for start in range(0, on_disk, CHUNK_CELLS):
            c = np.fromfile(self._path(i), dtype=_CELL, count=min(CHUNK_CELLS, on_disk - start),
                            offset=start * _CELL.itemsize)
            yield c["v"], c["w"]
        for piece in self._mem.get(i, ()):
            yield piece["v"], piece["w"]

    def finish(self, polygons):
        """Compute the percentiles of ``polygons`` (all their cells added) and free their cells."""
        small_ids, small = [], []
        for i in polygons:
            i = int(i)
            if i not in self._mem and i not in self._on_disk:
                continue
            size = self._on_disk.get(i, 0) + sum(len(x) for x in self._mem.get(i, ()))
            if size <= SORT_CELLS and i not in self._on_disk:
                small_ids.append(i)
                small.append(np.concatenate(self._mem[i]))
            else:
                res = select_percentiles(lambda i=i: self._chunks(i), self.qs)
                for col, r in zip(self.result, res):
                    col[i] = r
            self._forget(i)
        if small:
            group = np.repeat(np.asarray(small_ids), [len(c) for c in small])
            cells = np.concatenate(small)
            res = weighted_percentiles(group, cells["v"], cells["w"], self.qs, self.n)
            for col, r in zip(self.result, res):
                col[small_ids] = r[small_ids]

    def _forget(self, i):
        pieces = self._mem.pop(i, ())
        self._held -= sum(x.nbytes for x in pieces)
        if self._on_disk.pop(i, None) is not None:
            os.remove(self._path(i))

    def pending(self):
        """Polygons with cells not yet finished."""
        return sorted(set(self._mem) | set(self._on_disk))

    def close(self):
        self._mem, self._on_disk, self._held = {}, {}, 0
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
