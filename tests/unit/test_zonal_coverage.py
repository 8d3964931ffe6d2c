"""Cell coverage of polygons (core/zonal/coverage.py): exact fractions against shapely's cell-by-cell
intersection areas, centre and all-touched selections against GDAL's rasterizer."""
import numpy as np
import pytest
from shapely.geometry import MultiPolygon, Polygon, box

from gdal_fixtures import rasterize
from megaregion.core.zonal import coverage as cv
from megaregion.core.zonal.coverage import Rings, compute_coverage, snap_to_grid

H, W = 24, 32


def rings_of(polygons):
    """Flatten shapely polygons (pixel coordinates) into Rings, polygon by polygon."""
    u, v, start, ring_poly, hole = [], [], [0], [], []
    for i, g in enumerate(polygons):
        for p in getattr(g, "geoms", [g]):
            for k, ring in enumerate([p.exterior, *p.interiors]):
                c = np.asarray(ring.coords)
                u.append(c[:, 0])
                v.append(c[:, 1])
                start.append(start[-1] + len(c))
                ring_poly.append(i)
                hole.append(k > 0)
    return Rings(np.concatenate(u), np.concatenate(v), np.array(start), np.array(ring_poly), np.array(hole), len(polygons))


def reference_fractions(p, height=H, width=W):
    out = np.zeros((height, width))
    minx, miny, maxx, maxy = p.bounds
    for r in range(max(0, int(np.floor(miny))), min(height, int(np.ceil(maxy)))):
        for c in range(max(0, int(np.floor(minx))), min(width, int(np.ceil(maxx)))):
            out[r, c] = p.intersection(box(c, r, c + 1, r + 1)).area
    return out


def random_polygons(seed, n=16):
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        cx, cy = rng.uniform(-4, W + 4), rng.uniform(-4, H + 4)
        k = int(rng.integers(3, 14))
        ang = np.sort(rng.uniform(0, 2 * np.pi, k))
        rad = rng.uniform(0.3, 9, k)
        p = Polygon(np.c_[cx + rad * np.cos(ang), cy + rad * np.sin(ang)]).buffer(0)
        if p.is_empty:
            continue
        if i % 3 == 0:
            p = p.difference(p.centroid.buffer(max(0.2, rad.min() * 0.4)))
        if i % 2 == 0 and p.geom_type == "Polygon":  # clockwise exterior, counter-clockwise holes
            p = Polygon(list(p.exterior.coords)[::-1], [list(h.coords)[::-1] for h in p.interiors])
        out.append(p)
    return out


SPECIAL = [
    box(3.3, 4.1, 3.4, 4.15),  # far smaller than a cell
    box(2, 2, 5, 7),  # along grid lines
    box(6, 1, 6.5, 2),  # left half of one cell
    MultiPolygon([box(10, 10, 12.5, 11.5), box(20.2, 1, 21, 3)]),
    Polygon([(8, 14), (16, 14), (16, 22), (8, 22)], [[(10, 16), (10, 20), (14, 20), (14, 16)]]),  # hole on the grid
    Polygon([(-3, -2), (40, 5), (12, 30)]),  # larger than the grid on three sides
    Polygon([(1.5, 12.25), (7.75, 12.25), (4.6, 19.9)]),  # horizontal edge inside a row
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_exact_fractions_equal_cell_intersection_areas(seed):
    polygons = random_polygons(seed) + SPECIAL
    cov = compute_coverage(rings_of(polygons), H, W, "exact")
    for i, p in enumerate(polygons):
        np.testing.assert_allclose(cov.dense(i), reference_fractions(p), atol=1e-12, err_msg=f"polygon {i}")
        assert cov.polygon_area[i] == pytest.approx(p.area, rel=1e-12)


def test_exact_simple_cases():
    polygons = [box(6, 1, 6.5, 2), box(3.3, 4.1, 3.4, 4.15), box(2, 2, 5, 7)]
    cov = compute_coverage(rings_of(polygons), H, W, "exact")
    half = cov.dense(0)
    assert half[1, 6] == 0.5 and half.sum() == 0.5
    tiny = cov.dense(1)
    assert tiny[4, 3] == pytest.approx(0.005, rel=1e-9) and np.count_nonzero(tiny) == 1
    aligned = cov.dense(2)
    assert aligned.sum() == 15 and set(np.unique(aligned)) == {0.0, 1.0}


def test_coverage_is_clipped_to_the_grid_but_area_is_not():
    p = Polygon([(-3, -2), (40, 5), (12, 30)])
    cov = compute_coverage(rings_of([p]), H, W, "exact")
    inside = p.intersection(box(0, 0, W, H)).area
    assert cov.covered_weight()[0] == pytest.approx(inside, rel=1e-12)
    assert cov.polygon_area[0] == pytest.approx(p.area, rel=1e-12)
    assert tuple(cov.window[0]) == (0, H, 0, W)


def test_polygon_outside_grid_has_empty_window():
    cov = compute_coverage(rings_of([box(50, 50, 60, 60), box(1, 1, 2, 2)]), H, W, "exact")
    assert cov.window[0, 0] == cov.window[0, 1]
    assert cov.covered_weight().tolist() == [0.0, 1.0]


@pytest.mark.parametrize("mode", ["center", "all_touched"])
@pytest.mark.parametrize("seed", [1, 4])
def test_center_and_all_touched_match_gdal_rasterize(mode, seed):
    # no edges on grid lines here: GDAL versions differ there (next test)
    polygons = random_polygons(seed) + [SPECIAL[5], SPECIAL[6]]
    cov = compute_coverage(rings_of(polygons), H, W, mode)
    for i, p in enumerate(polygons):
        gdal = rasterize(p, (H, W), all_touched=mode == "all_touched")
        np.testing.assert_array_equal(cov.dense(i), gdal, err_msg=f"polygon {i}")


def test_all_touched_ignores_boundaries_lying_on_grid_lines():
    polygons = [box(2, 2, 5, 7), box(20.2, 1, 21, 3), box(6, 1, 6.5, 2)]
    cov = compute_coverage(rings_of(polygons), H, W, "all_touched")
    assert cov.dense(0).sum() == 15 and cov.dense(0)[2:7, 2:5].all()
    assert np.argwhere(cov.dense(1)).tolist() == [[1, 20], [2, 20]]
    assert np.argwhere(cov.dense(2)).tolist() == [[1, 6]]


def test_batches_split_by_polygon_give_the_same_coverage(monkeypatch):
    polygons = random_polygons(7, n=30)
    whole = compute_coverage(rings_of(polygons), H, W, "exact")
    monkeypatch.setattr(cv, "_BATCH_PIECES", 10)
    batched = compute_coverage(rings_of(polygons), H, W, "exact")
    for i in range(len(polygons)):
        np.testing.assert_allclose(batched.dense(i), whole.dense(i), atol=1e-12)


def test_runs_and_cells_are_sorted_by_row():
    cov = compute_coverage(rings_of(random_polygons(5)), H, W, "exact")
    assert np.all(np.diff(cov.run_row) >= 0) and np.all(np.diff(cov.cell_row) >= 0)
    assert np.all(cov.cell_weight > 0) and np.all(cov.cell_weight <= 1)


def test_snap_to_grid_moves_only_near_integers():
    a = np.array([2.9999999999999716, 3.25, -1e-12, 7.0000001])
    np.testing.assert_array_equal(snap_to_grid(a), [3.0, 3.25, 0.0, 7.0000001])


def test_unknown_mode_is_rejected():
    with pytest.raises(ValueError, match="coverage mode 'centre' is unknown"):
        compute_coverage(rings_of([box(1, 1, 2, 2)]), H, W, "centre")
