"""Geodesic distances between representative points (WGS84 ellipsoid, Karney 2013 through
``pyproj.Geod``): from every secondary city to each core of its mega-region.

``d(i, c)`` is the length of the shortest path on the ellipsoid between the two points; the
nearest core is the core with the smallest ``d`` (ties: the first by name)."""
import numpy as np

from ..messages import msg
from ..typology import geodesic_distance_m

__all__ = ["geodesic_km", "pairwise_km", "check_lonlat"]


def check_lonlat(lon, lat, names):
    """Longitude and latitude as float arrays; a non-finite value or ``|lat| > 90`` is an
    error naming the cities (a projected CRS read as degrees shows up here)."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    bad = np.flatnonzero(~np.isfinite(lon) | ~np.isfinite(lat) | (np.abs(lat) > 90) | (np.abs(lon) > 540))
    if len(bad):
        shown = ", ".join("%s (%r, %r)" % (names[i], float(lon[i]), float(lat[i])) for i in bad[:5])
        raise ValueError(msg(
            "{count} cities have no representative point in longitude and latitude ({cities}): give every city "
            "a geometry and the layer its CRS",
            "{count} 个城市没有经纬度代表点（{cities}）：请为每个城市提供几何，并为图层设置坐标参考系",
            count=len(bad), cities=shown))
    return lon, lat


def geodesic_km(lon1, lat1, lon2, lat2):
    """Geodesic distance in kilometres on the WGS84 ellipsoid, element-wise."""
    return geodesic_distance_m(lon1, lat1, lon2, lat2) / 1000.0


def pairwise_km(lon, lat):
    """The symmetric matrix of geodesic distances (km) between all points, zero diagonal."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    n = len(lon)
    out = np.zeros((n, n))
    if n < 2:
        return out
    i, j = np.triu_indices(n, 1)
    d = geodesic_km(lon[i], lat[i], lon[j], lat[j])
    out[i, j] = d
    out[j, i] = d
    return out
