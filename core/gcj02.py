"""Coordinates of Chinese web maps: WGS84 <-> GCJ-02 <-> BD-09.

Boundaries scraped from Amap (高德) or Tencent maps are in **GCJ-02** ("Mars coordinates"),
those from Baidu in **BD-09**. Both are plain longitude/latitude degrees, often labelled
EPSG:4326, but shifted from true WGS84 positions by a published obfuscation formula, by
about 0.1-0.7 km over China. Rasters (night lights, NDVI, land cover) are in WGS84, so
zonal statistics need the boundaries converted first.

**GCJ-02 forward** (WGS84 -> GCJ-02), Krasovsky 1940 ellipsoid ``a = 6378245.0`` m,
``e^2 = 0.00669342162296594323``. With ``x = lon - 105`` and ``y = lat - 35`` (degrees)::

    T_lat(x, y) = -100 + 2x + 3y + 0.2y^2 + 0.1xy + 0.2 sqrt|x|
                  + 2/3 (20 sin 6πx + 20 sin 2πx)
                  + 2/3 (20 sin πy + 40 sin(πy/3))
                  + 2/3 (160 sin(πy/12) + 320 sin(πy/30))
    T_lon(x, y) = 300 + x + 2y + 0.1x^2 + 0.1xy + 0.1 sqrt|x|
                  + 2/3 (20 sin 6πx + 20 sin 2πx)
                  + 2/3 (20 sin πx + 40 sin(πx/3))
                  + 2/3 (150 sin(πx/12) + 300 sin(πx/30))

``T`` are metres on the ellipsoid; with ``φ = lat`` in radians,
``W = 1 - e^2 sin^2 φ``, ``M = a (1 - e^2) / W^(3/2)`` (meridian radius) and
``N = a / sqrt(W)`` (prime-vertical radius)::

    lat_gcj = lat + T_lat * 180 / (π M)
    lon_gcj = lon + T_lon * 180 / (π N cos φ)

**GCJ-02 inverse** has no closed form. It is solved by the fixed-point iteration
``w_{k+1} = w_k - (F(w_k) - g)``, which converges because the offset ``F(w) - w`` changes
by less than 1 % of a step (the Jacobian of the offset is ~1e-3), until
``max(|F(w) - g|) <= tol`` degrees (default 1e-9°, about 0.1 mm). The round-trip
error is far below 1 cm across China (tested on a grid and on every vertex of the
bundled prefecture boundaries).

**BD-09** is GCJ-02 with a further shift, ``x_pi = π 3000 / 180``::

    z = sqrt(x^2 + y^2) + 0.00002 sin(y x_pi),   θ = atan2(y, x) + 0.000003 cos(x x_pi)
    lon_bd = z cos θ + 0.0065,                   lat_bd = z sin θ + 0.006

with ``(x, y)`` the GCJ-02 longitude/latitude. Its inverse starts from the usual
closed-form approximation (the same terms subtracted after removing the offsets) and
is refined by the same fixed-point iteration.

**Outside China.** GCJ-02 is defined only within China's rough bounding box
72.004-137.8347 E, 0.8293-55.8271 N (``CHINA_BOUNDS``): the web maps leave other points
as WGS84. With ``outside_china='keep'`` (the default) every conversion here leaves points
outside that box unchanged, so the three systems coincide there (BD-09 included, as in
the eviltransform reference implementation). ``outside_china='transform'`` applies the
formulas everywhere. Within ~0.01° inside the box edges (sea, or foreign land) the
inverse with ``'keep'`` may have no exact solution; it returns the point whose forward
image is closest.

References: the formula as published in the open-source implementations
eviltransform (github.com/googollee/eviltransform) and coordtransform
(github.com/wandergis/coordtransform); GCJ-02 in Wikipedia, "Restrictions on geographic
data in China".
"""
import math

import numpy as np

from .messages import msg

__all__ = [
    "CHINA_BOUNDS",
    "SYSTEMS",
    "in_china",
    "gcj02_offset",
    "wgs84_to_gcj02",
    "gcj02_to_wgs84",
    "gcj02_to_bd09",
    "bd09_to_gcj02",
    "wgs84_to_bd09",
    "bd09_to_wgs84",
    "convert",
    "transform_geometry",
    "transform_geoseries",
]

KRASOVSKY_A = 6378245.0
KRASOVSKY_EE = 0.00669342162296594323
X_PI = math.pi * 3000.0 / 180.0
BD09_OFFSET_LON = 0.0065
BD09_OFFSET_LAT = 0.006
# (min lon, min lat, max lon, max lat) of the box inside which GCJ-02 shifts points.
CHINA_BOUNDS = (72.004, 0.8293, 137.8347, 55.8271)

SYSTEMS = ("wgs84", "gcj02", "bd09")
OUTSIDE_CHINA = ("keep", "transform")
DEFAULT_TOL = 1e-9
DEFAULT_MAX_ITER = 30

_ALIASES = {
    "wgs84": "wgs84", "wgs": "wgs84", "epsg:4326": "wgs84", "4326": "wgs84",
    "gcj02": "gcj02", "gcj": "gcj02", "mars": "gcj02", "amap": "gcj02", "tencent": "gcj02",
    "bd09": "bd09", "bd09ll": "bd09", "baidu": "bd09",
}


# --- helpers -----------------------------------------------------------------------------

def _as_lonlat(lon, lat):
    """Broadcast float arrays (copies) and whether both inputs were scalars."""
    scalar = np.ndim(lon) == 0 and np.ndim(lat) == 0
    x, y = np.broadcast_arrays(np.array(lon, dtype=float), np.array(lat, dtype=float))
    # at least 1-d so that element assignment works; _out turns scalars back into floats
    x, y = np.atleast_1d(x).copy(), np.atleast_1d(y).copy()
    bad = (np.abs(x) > 180.0) | (np.abs(y) > 90.0)
    if bad.any():
        i = int(np.flatnonzero(bad.ravel())[0])
        raise ValueError(msg(
            "{count} coordinates are not longitude/latitude degrees (first: {x!r}, {y!r}): GCJ-02 and BD-09 "
            "shifts apply to degrees; reproject the data to EPSG:4326 (longitude/latitude) first.",
            "{count} 个坐标不是经纬度（度）（第一个：{x!r}, {y!r}）：GCJ-02 和 BD-09 偏移只适用于经纬度；"
            "请先将数据重投影到 EPSG:4326（经纬度）坐标参考系。",
            count=int(bad.sum()), x=x.ravel()[i], y=y.ravel()[i]))
    return x, y, scalar


def _out(x, y, scalar):
    if scalar:
        return float(x[0]), float(y[0])
    return x, y


def _check_outside(outside_china):
    if outside_china not in OUTSIDE_CHINA:
        raise ValueError(msg(
            "outside_china={value!r} is not one of {options}: use 'keep' to leave points "
            "outside China's bounding box unchanged, or 'transform' to apply the formula everywhere.",
            "outside_china={value!r} 不是 {options} 之一：使用 'keep' 使中国外包矩形以外的点保持不变，"
            "或使用 'transform' 对所有点应用转换公式。", value=outside_china, options=OUTSIDE_CHINA))


def _system(name, role):
    key = str(name).strip().lower().replace("-", "").replace("_", "").replace(" ", "")
    if key not in _ALIASES:
        role = {"Source": msg("Source", "源"), "Target": msg("Target", "目标")}[role]
        raise ValueError(msg(
            "{role} system {name!r} is unknown: use one of 'wgs84', 'gcj02' (Amap, Tencent) or 'bd09' (Baidu).",
            "{role}坐标系 {name!r} 无法识别：请使用 'wgs84'、'gcj02'（高德、腾讯）或 'bd09'（百度）之一。",
            role=role, name=name))
    return _ALIASES[key]


def in_china(lon, lat):
    """True where (lon, lat) lies in ``CHINA_BOUNDS``, the box inside which GCJ-02 shifts points."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    lon_min, lat_min, lon_max, lat_max = CHINA_BOUNDS
    return (lon >= lon_min) & (lon <= lon_max) & (lat >= lat_min) & (lat <= lat_max)


def gcj02_offset(lon, lat):
    """GCJ-02 minus WGS84, in degrees (dlon, dlat), at WGS84 (lon, lat); formula in the module doc.
    Applies everywhere (no bounding-box test)."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    x = lon - 105.0
    y = lat - 35.0
    sqrt_abs_x = np.sqrt(np.abs(x))
    common = (20.0 * np.sin(6.0 * x * math.pi) + 20.0 * np.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    t_lat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt_abs_x + common
             + (20.0 * np.sin(y * math.pi) + 40.0 * np.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
             + (160.0 * np.sin(y / 12.0 * math.pi) + 320.0 * np.sin(y * math.pi / 30.0)) * 2.0 / 3.0)
    t_lon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt_abs_x + common
             + (20.0 * np.sin(x * math.pi) + 40.0 * np.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
             + (150.0 * np.sin(x / 12.0 * math.pi) + 300.0 * np.sin(x / 30.0 * math.pi)) * 2.0 / 3.0)
    phi = np.radians(lat)
    w = 1.0 - KRASOVSKY_EE * np.sin(phi) ** 2
    sqrt_w = np.sqrt(w)
    dlat = t_lat * 180.0 / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (w * sqrt_w) * math.pi)
    dlon = t_lon * 180.0 / (KRASOVSKY_A / sqrt_w * np.cos(phi) * math.pi)
    return dlon, dlat


def _invert(forward, g_lon, g_lat, start_lon, start_lat, tol, max_iter):
    """Solve forward(w) = g by w <- w - (forward(w) - g); returns the iterate with the
    smallest residual per point. A point stops moving once its residual is <= tol."""
    if not tol > 0:
        raise ValueError(msg("tol={tol!r} must be a positive number of degrees (e.g. 1e-9).",
                             "tol={tol!r} 必须是以度为单位的正数（如 1e-9）。", tol=tol))
    if int(max_iter) < 1:
        raise ValueError(msg("max_iter={max_iter!r} must be at least 1.", "max_iter={max_iter!r} 必须至少为 1。",
                             max_iter=max_iter))
    w_lon, w_lat = start_lon, start_lat
    best_lon, best_lat = w_lon.copy(), w_lat.copy()
    best_err = np.full(g_lon.shape, np.inf)
    finite = np.isfinite(g_lon) & np.isfinite(g_lat)
    for _ in range(int(max_iter)):
        f_lon, f_lat = forward(w_lon, w_lat)
        r_lon = f_lon - g_lon
        r_lat = f_lat - g_lat
        err = np.maximum(np.abs(r_lon), np.abs(r_lat))
        better = err < best_err
        best_lon[better] = w_lon[better]
        best_lat[better] = w_lat[better]
        best_err[better] = err[better]
        # converged points stay put, so a point's result does not depend on its batch
        active = finite & (best_err > tol)
        if not active.any():
            break
        w_lon = np.where(active, w_lon - r_lon, w_lon)
        w_lat = np.where(active, w_lat - r_lat, w_lat)
    best_lon[~finite] = np.nan
    best_lat[~finite] = np.nan
    return best_lon, best_lat


# --- point conversions ---------------------------------------------------------------------

def _wgs84_to_gcj02(x, y, outside_china):
    dlon, dlat = gcj02_offset(x, y)
    if outside_china == "keep":
        inside = in_china(x, y)
        dlon = np.where(inside, dlon, 0.0)
        dlat = np.where(inside, dlat, 0.0)
    return x + dlon, y + dlat


def _gcj02_to_bd09(x, y, outside_china):
    z = np.hypot(x, y) + 0.00002 * np.sin(y * X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * X_PI)
    bx = z * np.cos(theta) + BD09_OFFSET_LON
    by = z * np.sin(theta) + BD09_OFFSET_LAT
    if outside_china == "keep":
        inside = in_china(x, y)
        bx = np.where(inside, bx, x)
        by = np.where(inside, by, y)
    return bx, by


def wgs84_to_gcj02(lon, lat, outside_china="keep"):
    """WGS84 -> GCJ-02 (Amap, Tencent) by the published forward formula (module doc).

    Accepts scalars or array-likes (broadcast); returns floats for scalars, else arrays.
    ``outside_china='keep'`` leaves points outside ``CHINA_BOUNDS`` unchanged."""
    _check_outside(outside_china)
    x, y, scalar = _as_lonlat(lon, lat)
    return _out(*_wgs84_to_gcj02(x, y, outside_china), scalar)


def gcj02_to_wgs84(lon, lat, tol=DEFAULT_TOL, max_iter=DEFAULT_MAX_ITER, outside_china="keep"):
    """GCJ-02 -> WGS84: the inverse of :func:`wgs84_to_gcj02`, by fixed-point iteration until
    the forward image is within ``tol`` degrees of (lon, lat) (at most ``max_iter`` steps;
    about 4 suffice for tol = 1e-9 over China)."""
    _check_outside(outside_china)
    g_lon, g_lat, scalar = _as_lonlat(lon, lat)
    dlon, dlat = gcj02_offset(g_lon, g_lat)
    if outside_china == "keep":
        inside = in_china(g_lon, g_lat)
        dlon = np.where(inside, dlon, 0.0)
        dlat = np.where(inside, dlat, 0.0)
    w_lon, w_lat = _invert(
        lambda a, b: _wgs84_to_gcj02(a, b, outside_china),
        g_lon, g_lat, g_lon - dlon, g_lat - dlat, tol, max_iter,
    )
    return _out(w_lon, w_lat, scalar)


def gcj02_to_bd09(lon, lat, outside_china="keep"):
    """GCJ-02 -> BD-09 (Baidu) by the published formula (module doc)."""
    _check_outside(outside_china)
    x, y, scalar = _as_lonlat(lon, lat)
    return _out(*_gcj02_to_bd09(x, y, outside_china), scalar)


def bd09_to_gcj02(lon, lat, tol=DEFAULT_TOL, max_iter=DEFAULT_MAX_ITER, outside_china="keep"):
    """BD-09 -> GCJ-02: the closed-form approximation refined by fixed-point iteration to
    ``tol`` degrees, so that :func:`gcj02_to_bd09` of the result returns (lon, lat)."""
    _check_outside(outside_china)
    b_lon, b_lat, scalar = _as_lonlat(lon, lat)
    x = b_lon - BD09_OFFSET_LON
    y = b_lat - BD09_OFFSET_LAT
    z = np.hypot(x, y) - 0.00002 * np.sin(y * X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * X_PI)
    start_lon, start_lat = z * np.cos(theta), z * np.sin(theta)
    if outside_china == "keep":
        inside = in_china(start_lon, start_lat)
        start_lon = np.where(inside, start_lon, b_lon)
        start_lat = np.where(inside, start_lat, b_lat)
    g_lon, g_lat = _invert(
        lambda a, b: _gcj02_to_bd09(a, b, outside_china),
        b_lon, b_lat, start_lon, start_lat, tol, max_iter,
    )
    return _out(g_lon, g_lat, scalar)


def wgs84_to_bd09(lon, lat, outside_china="keep"):
    """WGS84 -> BD-09: GCJ-02 forward, then the BD-09 shift."""
    _check_outside(outside_china)
    x, y, scalar = _as_lonlat(lon, lat)
    return _out(*_gcj02_to_bd09(*_wgs84_to_gcj02(x, y, outside_china), outside_china), scalar)


def bd09_to_wgs84(lon, lat, tol=DEFAULT_TOL, max_iter=DEFAULT_MAX_ITER, outside_china="keep"):
    """BD-09 -> WGS84: :func:`bd09_to_gcj02` then :func:`gcj02_to_wgs84`."""
    g_lon, g_lat = bd09_to_gcj02(lon, lat, tol=tol, max_iter=max_iter, outside_china=outside_china)
    return gcj02_to_wgs84(g_lon, g_lat, tol=tol, max_iter=max_iter, outside_china=outside_china)


_FORWARD = {
    ("wgs84", "gcj02"): wgs84_to_gcj02,
    ("gcj02", "bd09"): gcj02_to_bd09,
    ("wgs84", "bd09"): wgs84_to_bd09,
}
_INVERSE = {
    ("gcj02", "wgs84"): gcj02_to_wgs84,
    ("bd09", "gcj02"): bd09_to_gcj02,
    ("bd09", "wgs84"): bd09_to_wgs84,
}


def convert(lon, lat, source="gcj02", target="wgs84", outside_china="keep", tol=DEFAULT_TOL,
            max_iter=DEFAULT_MAX_ITER):
    """Convert longitude/latitude from ``source`` to ``target``, each one of 'wgs84',
    'gcj02' (Amap, Tencent) or 'bd09' (Baidu); case, '-' and '_' are ignored
    ('GCJ-02' works). Same system: the coordinates are returned unchanged (as copies)."""
    src = _system(source, "Source")
    dst = _system(target, "Target")
    _check_outside(outside_china)
    if src == dst:
        x, y, scalar = _as_lonlat(lon, lat)
        return _out(x, y, scalar)
    if (src, dst) in _FORWARD:
        return _FORWARD[(src, dst)](lon, lat, outside_china=outside_china)
    return _INVERSE[(src, dst)](lon, lat, tol=tol, max_iter=max_iter, outside_china=outside_china)


# --- geometries ----------------------------------------------------------------------------

def _collect(geom, parts):
    """Append the coordinate array (n, 2 or 3) of every ring/line/point of ``geom``."""
    if geom is None or geom.is_empty:
        return
    kind = geom.geom_type
    if kind in ("Point", "LineString", "LinearRing"):
        parts.append(np.asarray(geom.coords, dtype=float))
    elif kind == "Polygon":
        parts.append(np.asarray(geom.exterior.coords, dtype=float))
        for ring in geom.interiors:
            parts.append(np.asarray(ring.coords, dtype=float))
    elif hasattr(geom, "geoms"):
        for part in geom.geoms:
            _collect(part, parts)
    else:
        raise ValueError(msg("Geometry type {kind!r} is not supported: convert it to (Multi)Point, "
                             "(Multi)LineString or (Multi)Polygon first.",
                             "不支持几何类型 {kind!r}：请先将其转换为（多）点、（多）线或（多）面。", kind=kind))


def _rebuild(geom, arrays):
    """``geom`` with its coordinate arrays taken in order from the iterator ``arrays``."""
    from shapely.geometry import GeometryCollection, LinearRing, LineString, Point, Polygon

    if geom is None or geom.is_empty:
        return geom
    kind = geom.geom_type
    if kind == "Point":
        return Point(next(arrays)[0])
    if kind == "LineString":
        return LineString(next(arrays))
    if kind == "LinearRing":
        return LinearRing(next(arrays))
    if kind == "Polygon":
        shell = next(arrays)
        holes = [next(arrays) for _ in geom.interiors]
        return Polygon(shell, holes)
    parts = [_rebuild(part, arrays) for part in geom.geoms]
    if kind == "GeometryCollection":
        return GeometryCollection(parts)
    return type(geom)(parts)


def _converted_parts(parts, source, target, outside_china, tol, max_iter):
    """Convert a list of coordinate arrays in one vectorised call; z columns are kept."""
    if not parts:
        return []
    sizes = np.cumsum([len(p) for p in parts])[:-1]
    widths = {p.shape[1] for p in parts}
    width = max(widths)
    if len(widths) > 1:  # mixed 2D/3D parts: pad, convert, then cut back to each width
        stacked = np.vstack([np.pad(p, ((0, 0), (0, width - p.shape[1])), constant_values=np.nan)
                             for p in parts])
    else:
        stacked = np.vstack(parts)
    x, y = convert(stacked[:, 0], stacked[:, 1], source, target, outside_china=outside_china,
                   tol=tol, max_iter=max_iter)
    stacked = stacked.copy()
    stacked[:, 0] = x
    stacked[:, 1] = y
    pieces = np.split(stacked, sizes)
    return [piece[:, :part.shape[1]] for piece, part in zip(pieces, parts)]


def transform_geometry(geom, source="gcj02", target="wgs84", outside_china="keep", tol=DEFAULT_TOL,
                       max_iter=DEFAULT_MAX_ITER):
    """A shapely geometry converted from ``source`` to ``target`` (see :func:`convert`).

    Points, lines, polygons with holes, Multi* and GeometryCollections (nested) keep their
    structure; z coordinates are kept unchanged. All coordinates of the geometry are converted
    in one vectorised call. ``None`` and empty geometries are returned as they are.
    Works with shapely 1.8 and 2.x."""
    _system(source, "Source")
    _system(target, "Target")
    _check_outside(outside_china)
    if geom is None or geom.is_empty:
        return geom
    parts = []
    _collect(geom, parts)
    converted = _converted_parts(parts, source, target, outside_china, tol, max_iter)
    return _rebuild(geom, iter(converted))


def transform_valid(geom, source="gcj02", target="wgs84", outside_china="keep", tol=DEFAULT_TOL,
                    max_iter=DEFAULT_MAX_ITER):
    """``(geometry, repaired)``: :func:`transform_geometry`, and a valid polygonal geometry that
    came out invalid repaired with ``make_valid``, keeping its polygonal parts.

    The shift varies smoothly (its Jacobian is ~1e-3), but a dissolved boundary can hold
    vertices closer than that variation over their distance, or nearly collinear edges that
    touch; converted, such vertices can cross and the ring intersect itself (a few of the 41
    Yangtze River Delta prefectures dissolved from Amap's counties). A geometry that was
    invalid before is returned as converted: its repair is the caller's choice."""
    from .zonal.geometry import polygonal_parts, repair

    out = transform_geometry(geom, source, target, outside_china, tol, max_iter)
    if out is None or out.is_empty or out.geom_type not in ("Polygon", "MultiPolygon") or out.is_valid:
        return out, False
    if not geom.is_valid:
        return out, False
    from shapely.geometry import MultiPolygon

    fixed, _ = repair(out)
    parts = polygonal_parts(fixed)
    if out.geom_type == "Polygon" and len(parts) == 1:
        return parts[0], True
    return MultiPolygon(parts), True


def transform_geoseries(geoms, source="gcj02", target="wgs84", outside_china="keep", tol=DEFAULT_TOL,
                        max_iter=DEFAULT_MAX_ITER):
    """Convert every geometry of a GeoSeries, a GeoDataFrame (its active geometry column) or a
    list of shapely geometries, in one vectorised call for all coordinates.

    Returns the same kind of object: a GeoSeries with the same index, name and CRS; a copy of
    the GeoDataFrame with converted geometries; or a list. ``None`` entries stay ``None``.
    The input is not modified."""
    _system(source, "Source")
    _system(target, "Target")
    _check_outside(outside_china)
    frame = None
    if hasattr(geoms, "geometry") and hasattr(geoms, "columns"):  # GeoDataFrame
        frame = geoms
        geoms = frame.geometry
    items = list(geoms)
    parts = []
    for g in items:
        _collect(g, parts)
    converted = iter(_converted_parts(parts, source, target, outside_china, tol, max_iter))
    out = [_rebuild(g, converted) for g in items]
    if frame is not None:
        result = frame.copy()
        result[frame.geometry.name] = type(frame.geometry)(out, index=frame.index, crs=frame.crs)
        return result
    if hasattr(geoms, "crs") and hasattr(geoms, "index"):  # GeoSeries
        return type(geoms)(out, index=geoms.index, crs=geoms.crs, name=geoms.name)
    return out
