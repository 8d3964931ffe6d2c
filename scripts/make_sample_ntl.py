"""Generate the SYNTHETIC sample night-time-light rasters of the demo (2010 and 2020).

No real night-light raster small enough to ship exists, so the demo uses a stand-in made
from two real sources: MODIS land cover 2019 (MCD12C1, 0.05°) and the census population
density of each prefecture (2010 or 2020). The result looks like a VIIRS annual composite,
layer ``average_masked`` (radiance-like values, background set to 0), but is **not an
observation**: it is labelled synthetic in its GeoTIFF metadata. Replace it with a real VIIRS
or DMSP file for any analysis.

    radiance = (60 u^0.8 + 0.004 d s (0.3 + 0.7 u)) x lognormal noise (sigma 0.15, fixed seed)

with u the built-up share (class 13; a prefecture without a built-up cell at 0.05° gets one at
its most settled spot, see :func:`seat_cells`) smoothed by a Gaussian (sigma 1.5 px), times 0.8
for 2010;
s the settlement weight of the cell's land cover (:data:`SETTLED`: 1 on cropland and built-up
land, 0.25 on grass-, shrub- and savanna land, 0.1 under forest, 0 on water, wetland, snow and
barren land); and d the prefecture's census population (2010 or 2020) divided by its settled
area, the sum of s x cell area over its cells (persons per settled km²). Then, as VNL V2 does for its ``average_masked`` layer (Elvidge et al. 2021,
Remote Sensing 13, 922), cells below the background floor of 0.6 nW/cm²/sr are set to 0; so
are cells outside the prefectures. Output: float32, EPSG:4326, 0.05°, 73-136 E, 17-54 N,
tiled and deflate-compressed.

    /usr/bin/python3 scripts/make_sample_ntl.py [output folder]
"""
import csv
import json
import sys
from pathlib import Path

import numpy as np
import rasterio
from rasterio.features import rasterize
from rasterio.transform import from_origin
from rasterio.windows import from_bounds
from scipy.ndimage import gaussian_filter
from shapely.geometry import shape

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "resources" / "data"
BOUNDS = (73.0, 17.0, 136.0, 54.0)  # west, south, east, north
RES = 0.05
URBAN_CLASS = 13
#: Settlement weight of each IGBP class of MCD12C1 (how densely people live there, relative to cropland):
#: 0 water, 1-5 forests, 6-7 shrublands, 8-9 savannas, 10 grassland, 11 wetland, 12 cropland,
#: 13 built-up, 14 cropland/natural mosaic, 15 snow and ice, 16 barren.
SETTLED = {0: 0.0, 1: 0.1, 2: 0.1, 3: 0.1, 4: 0.1, 5: 0.1, 6: 0.25, 7: 0.25, 8: 0.25, 9: 0.25, 10: 0.25,
           11: 0.0, 12: 1.0, 13: 1.0, 14: 1.0, 15: 0.0, 16: 0.0}
#: Average radiance (nW/cm²/sr) below which VNL V2 sets a cell to background 0 (Elvidge et al. 2021);
#: the lit threshold of the VIIRS presets in core/raster_presets.py.
BACKGROUND_FLOOR = 0.6


def population(year):
    """The prefectures with a census population in ``year``: ``[(geometry, k)]`` with k = 1, 2, ...
    and the populations (persons) indexed by k (index 0: none)."""
    with open(DATA / "census" / "census_city_2010-2020.csv", encoding="utf-8") as f:
        pop = {r["city_code"]: r[f"popu_{year}"] for r in csv.DictReader(f)}
    pop["500000"] = pop.get("500100")  # Chongqing's code in the boundaries
    with open(DATA / "boundaries" / "china_prefectures_gcj02.geojson", encoding="utf-8") as f:
        features = json.load(f)["features"]
    shapes, persons = [], [0.0]
    for feat in features:
        value = pop.get(feat["properties"]["adcode"])
        if not value:
            continue
        persons.append(float(value))
        shapes.append((shape(feat["geometry"]), len(persons) - 1))
    return shapes, np.array(persons)


def cell_area_km2(height, width):
    """Area of the 0.05° cells of each row on a sphere of the authalic radius (6371.007 km)."""
    north = BOUNDS[3] - RES * np.arange(height)
    r = 6371.007
    band = (np.sin(np.radians(north)) - np.sin(np.radians(north - RES))) * np.radians(RES) * r * r
    return np.repeat(band[:, None], width, axis=1)


def seat_cells(zone, settled, built, n):
    """One built-up cell for each prefecture whose 0.05° land cover has none (its towns are
    smaller than a cell), at its most settled spot: the maximum of the settlement weight smoothed
    like the built-up share (first such cell in row order on ties)."""
    has_built = np.bincount(zone.ravel(), weights=built.ravel().astype("float64"), minlength=n) > 0
    spot = gaussian_filter(settled, sigma=1.5).ravel()
    flat_zone = zone.ravel()
    order = np.lexsort((-spot, flat_zone))  # by prefecture, most settled first; stable on ties
    z = flat_zone[order]
    first = order[np.r_[True, z[1:] != z[:-1]]]
    seats = np.zeros(zone.size, dtype=bool)
    chosen = first[(flat_zone[first] > 0) & ~has_built[flat_zone[first]]]
    seats[chosen] = True
    return seats.reshape(zone.shape)


def make(year, out_dir, urban_growth):
    width = round((BOUNDS[2] - BOUNDS[0]) / RES)
    height = round((BOUNDS[3] - BOUNDS[1]) / RES)
    transform = from_origin(BOUNDS[0], BOUNDS[3], RES, RES)
    with rasterio.open(DATA / "landcover" / "MCD12C1.A2019001.006.2020220162300.tif") as src:
        window = from_bounds(*BOUNDS, transform=src.transform)
        classes = src.read(1, window=window, out_shape=(height, width))
    s = np.zeros(256)
    for k, share in SETTLED.items():
        s[k] = share
    settled = s[classes]
    shapes, persons = population(year)
    zone = rasterize(shapes, out_shape=(height, width), transform=transform, fill=0, dtype="int32")
    built = classes == URBAN_CLASS
    built |= seat_cells(zone, settled, built, len(persons))
    urban = built.astype("float64") * urban_growth
    u = np.clip(gaussian_filter(urban, sigma=1.5), 0, 1)
    # the population lives on the settled land: density per km² of it, by prefecture
    settled_km2 = np.bincount(zone.ravel(), weights=(settled * cell_area_km2(height, width)).ravel(),
                              minlength=len(persons))
    density = np.where(settled_km2 > 0, persons / np.where(settled_km2 > 0, settled_km2, 1.0), 0.0)
    density[0] = 0.0
    d = density[zone]
    rng = np.random.default_rng(20201231 + year)
    radiance = (60 * u**0.8 + 0.004 * d * settled * (0.3 + 0.7 * u)) * rng.lognormal(0.0, 0.15, size=u.shape)
    radiance[(zone == 0) | (radiance < BACKGROUND_FLOOR)] = 0.0
    out = Path(out_dir) / f"ntl_synthetic_{year}.tif"
    stale = Path(str(out) + ".aux.xml")  # statistics of an earlier file
    if stale.exists():
        stale.unlink()
    profile = dict(driver="GTiff", width=width, height=height, count=1, dtype="float32", crs="EPSG:4326",
                   transform=transform, nodata=None, tiled=True, blockxsize=256, blockysize=256,
                   compress="deflate", predictor=3)
    with rasterio.open(out, "w", **profile) as dst:
        dst.write(radiance.astype("float32"), 1)
        dst.update_tags(
            SYNTHETIC="yes",
            TIFFTAG_IMAGEDESCRIPTION=f"SYNTHETIC night-time light sample for {year}, not an observation: "
            "made by megaregion scripts/make_sample_ntl.py from MODIS land cover 2019 and census population, "
            f"background below {BACKGROUND_FLOOR} set to 0 as in VNL V2 average_masked. "
            "Replace with a real VIIRS or DMSP raster for analysis.",
            YEAR=str(year), UNITS="radiance-like (nW/cm2/sr scale), synthetic",
        )
        dst.set_band_description(1, f"synthetic night-time light {year}")
    return out


def main(out_dir=None):
    out_dir = Path(out_dir) if out_dir else DATA / "ntl_sample"
    out_dir.mkdir(parents=True, exist_ok=True)
    for year, growth in ((2010, 0.8), (2020, 1.0)):
        print(make(year, out_dir, growth))


if __name__ == "__main__":
    main(*sys.argv[1:])
