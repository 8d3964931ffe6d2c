"""Spatial weights among cities, row-standardised.

- **Queen contiguity**: cities *i* and *j* are neighbours when their polygons share at least
  one point (a boundary segment or a single vertex), i.e. ``distance(P_i, P_j) <= tolerance``
  with ``tolerance = 0`` by default (a small tolerance joins polygons simplified apart).
  Candidates come from an STRtree of the polygons (shapely 1.8 and 2).
- **k nearest neighbours**: the ``k`` cities with the smallest distance between representative
  points (geodesic on the WGS84 ellipsoid, or Euclidean in projected coordinates); ties go
  to the lower position.
- **Distance band**: every city within ``threshold`` (``d_ij <= threshold``).

Row standardisation: ``w_ij = 1 / |N(i)|`` for ``j`` in the neighbour set ``N(i)``, so each
row sums to 1 (``S0 = n - islands``). A city with no neighbour (an *island*) keeps a zero row
and is listed in :attr:`SpatialWeights.islands`; callers name it, never drop it silently.

References: Anselin, L. (1988) *Spatial Econometrics: Methods and Models*, ch. 3;
Rey, S. & Anselin, L. (2007) PySAL: a Python library of spatial analytical methods.
"""
import warnings
from dataclasses import dataclass

import numpy as np

from ..messages import msg
from .distance import pairwise_km

__all__ = ["SpatialWeights", "queen_weights", "knn_weights", "distance_band_weights", "distance_matrix",
           "touching_pairs", "KINDS"]

KINDS = ("queen", "knn", "distance")


@dataclass
class SpatialWeights:
    """Neighbour positions and row-standardised weights per city."""
    neighbours: list
    weights: list
    kind: str = "queen"

    @property
    def n(self):
        return len(self.neighbours)

    @property
    def cardinalities(self):
        return np.array([len(nb) for nb in self.neighbours], dtype=int)

    @property
    def islands(self):
        """Positions of the cities without a neighbour."""
        return np.flatnonzero(self.cardinalities == 0)

    def matrix(self):
        """The dense ``n x n`` weights matrix."""
        w = np.zeros((self.n, self.n))
        for i, (nb, wt) in enumerate(zip(self.neighbours, self.weights)):
            w[i, nb] = wt
        return w

    def sums(self):
        """``(S0, S1, S2)`` of Cliff & Ord (1981): ``S0 = sum w_ij``,
        ``S1 = 1/2 sum (w_ij + w_ji)^2``, ``S2 = sum_i (w_i. + w_.i)^2``."""
        w = self.matrix()
        s0 = w.sum()
        s1 = 0.5 * ((w + w.T) ** 2).sum()
        s2 = ((w.sum(axis=1) + w.sum(axis=0)) ** 2).sum()
        return s0, s1, s2

    def subset(self, positions):
        """The weights among ``positions`` only (neighbours outside are cut; rows
        re-standardised)."""
        positions = np.asarray(positions, dtype=int)
        new = {int(p): k for k, p in enumerate(positions)}
        return from_neighbours([[new[j] for j in self.neighbours[p] if int(j) in new] for p in positions], self.kind)


def from_neighbours(neighbours, kind):
    """Row-standardised weights from neighbour lists (positions)."""
    nbs = [np.array(sorted(set(int(j) for j in nb)), dtype=int) for nb in neighbours]
    wts = [np.full(len(nb), 1.0 / len(nb)) if len(nb) else np.zeros(0) for nb in nbs]
    return SpatialWeights(nbs, wts, kind)


def _tree_query(tree, geom, index_of):
    """STRtree candidates as positions: shapely 2 answers positions, shapely 1.8 geometries."""
    found = tree.query(geom)
    out = []
    for item in found:
        if isinstance(item, (int, np.integer)):
            out.append(int(item))
        else:
            out.append(index_of[id(item)])
    return out


def valid_polygons(geoms):
    """``(geometries, repaired)``: every invalid polygon repaired (``make_valid``, polygonal
    parts kept, as the zonal statistics repair them) and the positions repaired, so contiguity
    never fails on a self-intersection of a web-simplified boundary."""
    from ..zonal.geometry import polygonal_parts, repair

    out, repaired = [], []
    for k, g in enumerate(geoms):
        if g is not None and not g.is_empty and not g.is_valid:
            from shapely.geometry import MultiPolygon

            out.append(MultiPolygon(polygonal_parts(repair(g)[0])))
            repaired.append(k)
        else:
            out.append(g)
    return out, repaired


def touching_pairs(geoms_a, geoms_b=None, tolerance=0.0):
    """The pairs ``(i, j)`` of polygons that share at least one point (or lie within
    ``tolerance`` of each other): among ``geoms_a`` (``i < j``), or between ``geoms_a`` and
    ``geoms_b``. ``None`` or empty geometries touch nothing."""
    from shapely.geometry import box
    from shapely.strtree import STRtree

    tolerance = float(tolerance)
    if not np.isfinite(tolerance) or tolerance < 0:
        raise ValueError(msg("Contiguity tolerance {value!r}: give 0 or a positive distance in the layer's units",
                             "邻接容差 {value!r}：请给出 0 或以图层单位计的正距离", value=tolerance))
    same = geoms_b is None
    targets = geoms_a if same else geoms_b
    valid = [k for k, g in enumerate(targets) if g is not None and not g.is_empty]
    if not valid:
        return []
    items = [targets[k] for k in valid]
    with warnings.catch_warnings():
        # shapely 1.8 announces the query API of 2.0; both are handled in _tree_query
        warnings.simplefilter("ignore")
        tree = STRtree(items)
    index_of = {id(g): pos for pos, g in enumerate(items)}
    pairs = set()
    for i, g in enumerate(geoms_a):
        if g is None or g.is_empty:
            continue
        x0, y0, x1, y1 = g.bounds
        window = box(x0 - tolerance, y0 - tolerance, x1 + tolerance, y1 + tolerance)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = _tree_query(tree, window, index_of)
        for pos in found:
            j = valid[pos]
            if same and j <= i:
                continue
            other = targets[j]
            hit = g.intersects(other) if tolerance == 0 else g.distance(other) <= tolerance
            if hit:
                pairs.add((i, j))
    return sorted(pairs)


def queen_weights(geoms, tolerance=0.0):
    """Queen contiguity among polygons (see the module docstring), row-standardised."""
    neighbours = [[] for _ in geoms]
    for i, j in touching_pairs(list(geoms), None, tolerance):
        neighbours[i].append(j)
        neighbours[j].append(i)
    return from_neighbours(neighbours, "queen")


def distance_matrix(x, y, metric="geodesic"):
    """Distances between points: ``"geodesic"`` (x = longitude, y = latitude, km on the WGS84
    ellipsoid) or ``"euclidean"`` (projected coordinates, in their units)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if metric == "geodesic":
        return pairwise_km(x, y)
    if metric == "euclidean":
        return np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    raise ValueError(msg("metric {metric!r}: choose 'geodesic' or 'euclidean'",
                         "距离度量 {metric!r}：请选择 'geodesic' 或 'euclidean'", metric=metric))


def knn_weights(x, y, k, metric="geodesic", distances=None):
    """The ``k`` nearest neighbours of every point, row-standardised (``w_ij = 1/k``)."""
    d = distance_matrix(x, y, metric) if distances is None else np.asarray(distances, dtype=float)
    n = len(d)
    k = int(k)
    if k < 1 or k > n - 1:
        raise ValueError(msg("K = {k} nearest neighbours among {n} cities: choose K from 1 to {most}",
                             "{n} 个城市中取 K = {k} 个最近邻：请在 1 到 {most} 之间选择 K",
                             k=k, n=n, most=max(n - 1, 0)))
    neighbours = []
    for i in range(n):
        order = np.lexsort((np.arange(n), d[i]))
        neighbours.append([j for j in order if j != i][:k])
    return from_neighbours(neighbours, "knn")


def distance_band_weights(x, y, threshold, metric="geodesic", distances=None):
    """Every point within ``threshold`` (inclusive) is a neighbour, row-standardised."""
    threshold = float(threshold)
    if not np.isfinite(threshold) or threshold <= 0:
        raise ValueError(msg("Distance band {value!r}: give a positive distance",
                             "距离带 {value!r}：请给出正的距离", value=threshold))
    d = distance_matrix(x, y, metric) if distances is None else np.asarray(distances, dtype=float)
    n = len(d)
    neighbours = [[j for j in np.flatnonzero(d[i] <= threshold) if j != i] for i in range(n)]
    return from_neighbours(neighbours, "distance")
