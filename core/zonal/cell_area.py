"""True (ellipsoidal) cell areas of a raster grid, for the lit area and lit-area ratio.

Longitude/latitude grids: exactly, per row, as the area of the ellipsoid zone between the row's
two parallels (Snyder 1987, eq. 3-12). Projected grids: the nominal cell area divided by the
projection's areal scale factor (pyproj ``Proj.get_factors``), sampled every
:attr:`CellArea.STEP` cells and interpolated bilinearly.
"""
from __future__ import annotations

import math

import numpy as np

from .errors import ZonalStatisticsError
from ..messages import msg


def cell_area_rows_km2(crs, transform, rows: np.ndarray) -> np.ndarray:
    """True area (km²) of one cell in each of ``rows`` of a north-up longitude/latitude grid.

    Area of the ellipsoid zone between parallels φ1 < φ2 over Δλ radians (Snyder 1987, eq. 3-12):
    A = Δλ · b²/2 · [F(φ2) - F(φ1)], F(φ) = sinφ/(1 - e² sin²φ) + ln((1 + e sinφ)/(1 - e sinφ))/(2e).

    The 1° cells of WGS 84 add up to the ellipsoid's area, 510,065,622 km²:

    >>> from types import SimpleNamespace
    >>> from pyproj import CRS
    >>> one_degree = SimpleNamespace(a=1.0, e=-1.0, f=90.0)  # the geotransform's x size, y size, north
    >>> rows = cell_area_rows_km2(CRS.from_epsg(4326), one_degree, np.arange(180.0))
    >>> round(float(rows.sum()) * 360)
    510065622
    """
    ell = crs.ellipsoid
    a_m = ell.semi_major_metre
    b_m = ell.semi_minor_metre
    unit = angular_unit_radians(crs)
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


def angular_unit_radians(crs) -> float:
    try:
        factor = crs.coordinate_system.axis_list[0].unit_conversion_factor
        return float(factor) if factor else math.pi / 180.0
    except (AttributeError, IndexError):  # pragma: no cover - unusual CRS objects
        return math.pi / 180.0


class CellArea:
    """True cell areas (km²) of a raster grid, for lit area and the lit-area ratio."""

    STEP = 32  # sampling step (cells) of the areal scale factor of projected grids

    def __init__(self, crs, transform, height, width):
        self.crs, self.transform = crs, transform
        self.geographic = crs.is_geographic
        if self.geographic:
            if transform.b != 0 or transform.d != 0:
                raise ZonalStatisticsError(msg(
                    "raster: rotated longitude/latitude grids are not supported for lit area; warp it north-up first",
                    "栅格：计算灯光面积不支持旋转的经纬度网格；请先将其重投影为正北朝上"))
            self.row_area = cell_area_rows_km2(crs, transform, np.arange(height, dtype=np.float64))
        else:
            from pyproj import Proj, Transformer

            self.nominal_km2 = abs(transform.a * transform.e - transform.b * transform.d) * linear_unit_m(crs) ** 2 / 1e6
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


def linear_unit_m(crs) -> float:
    try:
        return float(crs.axis_info[0].unit_conversion_factor) or 1.0
    except (AttributeError, IndexError):  # pragma: no cover
        return 1.0

