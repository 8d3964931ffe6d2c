"""Weighted percentiles with bounded memory: selection without sorting equals the sorted
definition, and the store gives the same answers in memory and spilled to disk."""
import os

import numpy as np
import pytest

from megaregion.core.zonal import quantiles as zq


def _cases(seed, count):
    rng = np.random.default_rng(seed)
    for trial in range(count):
        n = int(rng.integers(1, 300))
        kind = trial % 4
        if kind == 0:
            v = rng.normal(size=n)
        elif kind == 1:  # few distinct values: long runs of ties
            v = rng.integers(0, 5, size=n).astype(float)
        elif kind == 2:  # night lights: mostly dark
            v = np.where(rng.random(n) < 0.7, 0.0, rng.lognormal(size=n))
        else:  # values sharing their leading bits
            v = 1000.0 + rng.integers(0, 50, size=n) * 1e-4
        w = np.where(rng.random(n) < 0.6, 1.0, rng.uniform(0.001, 1.0, size=n))
        if trial % 5 == 0:
            w[:] = 1.0
        yield rng, v.astype(np.float32), w.astype(np.float32)


QS = [0.0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 1.0]


def test_float_key_preserves_order_and_inverts():
    v = np.array([-np.inf, -3e38, -1.0, -1e-40, 0.0, 1e-45, 1e-40, 0.5, 1.0, 2.0, 3e38, np.inf], dtype=np.float32)
    k = zq.float_key(v)
    assert (np.diff(k.astype(np.int64)) > 0).all()
    np.testing.assert_array_equal(zq.key_float(k), v)


@pytest.mark.parametrize("bits", [16, 8, 2])
def test_selection_equals_sorting(monkeypatch, bits):
    # fewer histogram bits put many distinct values in one bin: the run logic is exercised
    monkeypatch.setattr(zq, "_BITS", bits)
    for rng, v, w in _cases(bits, 600):
        qs = QS + [float(rng.random())]
        ref = [r[0] for r in zq.weighted_percentiles(np.zeros(len(v)), v, w, qs, 1)]
        size = int(rng.integers(1, 40))
        got = zq.select_percentiles(lambda: ((v[i:i + size], w[i:i + size]) for i in range(0, len(v), size)), qs)
        np.testing.assert_allclose(got, ref, rtol=1e-9, atol=1e-12)


def test_equal_weights_give_numpys_linear_percentile():
    rng = np.random.default_rng(3)
    v = rng.lognormal(size=10_001).astype(np.float32)
    w = np.ones_like(v)
    got = zq.select_percentiles(lambda: iter([(v[:4000], w[:4000]), (v[4000:], w[4000:])]), QS)
    np.testing.assert_allclose(got, np.percentile(v.astype(np.float64), np.multiply(QS, 100)), rtol=1e-12)


def test_half_weight_cells_worked_example():
    # values 1, 2, 3 with weights 1, 1, 2 (n = 3, C = 1, 2, 4): s = 0, 1*1 + 2*1 = 3, 2*2 + 2*2 = 8,
    # S = 2*4 = 8; the median sits at qS = 4, between s=3 (x=2) and s=8 (x=3): 2 + 1/5
    v = np.array([3.0, 1.0, 2.0], dtype=np.float32)
    w = np.array([2.0, 1.0, 1.0], dtype=np.float32) / 2  # weights in (0, 1], the same ratios
    got = zq.select_percentiles(lambda: iter([(v, w)]), [0.5])
    assert got[0] == pytest.approx(2.2, rel=1e-12)
    assert zq.weighted_percentiles(np.zeros(3), v, w, [0.5], 1)[0][0] == pytest.approx(2.2, rel=1e-12)


def test_no_cells_give_nan():
    assert np.isnan(zq.select_percentiles(lambda: iter([]), [0.5])[0])


def test_store_in_memory_and_spilled_agree_with_sorting(monkeypatch):
    rng = np.random.default_rng(5)
    n_polys = 9
    strips = []
    for strip in range(10):
        m = int(rng.integers(1, 6000))
        poly = rng.integers(2 if strip >= 5 else 0, n_polys - 1, size=m)  # 0, 1 end at strip 5; 8 has none
        value = np.where(rng.random(m) < 0.5, 0.0, rng.lognormal(size=m)).astype(np.float32)
        value[: m // 5] = -0.0
        weight = np.where(rng.random(m) < 0.7, 1.0, rng.uniform(0.01, 1, size=m)).astype(np.float32)
        strips.append((poly, value, weight))
    poly = np.concatenate([s[0] for s in strips])
    ref = zq.weighted_percentiles(poly, np.concatenate([s[1] for s in strips]) + np.float32(0),
                                  np.concatenate([s[2] for s in strips]), QS, n_polys)

    def run(memory_bytes):
        store = zq.QuantileStore(n_polys, QS, memory_bytes)
        spill_dirs = []
        try:
            for k, s in enumerate(strips):
                store.add(*s)
                if store._dir:
                    spill_dirs.append(store._dir)
                if k == 4:
                    store.finish([0, 1])
            store.finish(store.pending())
            assert store.pending() == [] and store.cells_held == 0
            return store.result, spill_dirs
        finally:
            store.close()

    in_memory, dirs = run(1 << 30)
    assert dirs == []
    monkeypatch.setattr(zq, "CHUNK_CELLS", 1000)
    spilled, dirs = run(1)  # every strip goes to disk
    assert dirs and not any(os.path.exists(d) for d in dirs)  # close() removed the files
    monkeypatch.setattr(zq, "SORT_CELLS", 0)
    selected, _ = run(1 << 30)  # every polygon by selection, from memory
    for got in (in_memory, spilled, selected):
        for g, r in zip(got, ref):
            np.testing.assert_allclose(g, r, rtol=1e-9, atol=1e-12)
    assert np.isnan(in_memory[0][8])
