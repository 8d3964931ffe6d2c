"""Accumulating zonal statistics: the per-block kernel, running sums per polygon, final values.

Over the *valid* cells ``i`` of a polygon, with weight ``w_i`` (exact mode: the fraction of the
cell inside the polygon; centre / all touched: 1) and physical values ``x_i``:

- ``count`` = Σ w_i; ``sum`` = ``total_light`` = Σ w_i x_i; ``mean`` = sum / count;
- ``min`` / ``max`` over the cells with w_i > 0;
- ``std`` = sqrt(Σ w_i (x_i - mean)² / Σ w_i) (weighted population standard deviation; the
  (n, mean, M2) of runs, strips and blocks are combined as in Chan, Golub & LeVeque 1979);
- ``pNN`` / ``median``: weighted percentiles (:mod:`.quantiles`);
- ``valid_fraction`` = count / Σ_all covered cells w_i;
- ``frac_K`` = Σ w_i [x_i = K] / count (compared with the stored values);
- with a_i the cell's true area (km²) and a cell *lit* when x_i > ``ntl_threshold``:
  ``lit_area_km2`` = Σ_lit w_i a_i; ``lit_ratio`` S = lit area / Σ_valid w_i a_i;
  ``cnli`` = I x S with I = Σ_lit w_i x_i / (Σ_lit w_i x DN_max), the compounded night light
  index (Zhuo et al. 2003).

A polygon's interior arrives as runs of full cells (summed with ``ufunc.reduceat``), its
boundary as single weighted cells; both become *segments* folded into the per-polygon totals
once per strip.
"""
from __future__ import annotations

import numpy as np

from .layers import Block
from .quantiles import QuantileStore
from .statistics import Request

#: Memory for the cells of polygons whose percentiles are pending (all layers of a raster);
#: beyond it they go to temporary files (see :mod:`.quantiles`).
QUANTILE_MEMORY_BYTES = 128 * 2**20
#: Cells of the strip being summarised handed to the percentile store at a time.
_QUANTILE_BATCH_CELLS = 1 << 20


class Accumulator:
    """Running statistics of one layer for all polygons."""

    def __init__(self, n: int, req: Request, n_layers: int = 1):
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


def _interleave(starts, ends):
    idx = np.empty(2 * len(starts), dtype=np.intp)
    idx[0::2] = starts
    idx[1::2] = ends
    return idx



def summarise_block(blk: Block, raw_flat, req: Request, runs, cells, width, area, acc: Accumulator):
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



def finalise(acc: Accumulator, req, settings, covered, outside, unprojectable, coverage, polys, partly_out):
    """The statistics of one layer as columns (NaN where unknown) and, per polygon, why
    values are missing."""
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
