"""Generate the SYNTHETIC sample night-time-light rasters of the demo (2010 and 2020).

No real night-light raster small enough to ship exists, so the demo uses a stand-in made
from two real sources: the built-up class of MODIS land cover 2019 (MCD12C1, 0.05°) and the
census population density of each prefecture (2010 or 2020). The result looks like a VIIRS
annual composite (radiance-like values, 0 where dark) but is **not an observation**: it is
labelled synthetic in its GeoTIFF metadata. Replace it with a real VIIRS or DMSP file for
any analysis.

    radiance = 60 u^0.8 + 0.004 d (0.3 + 0.7 u)  (x lognormal noise, sigma 0.15, fixed seed)

with u the built-up share smoothed by a Gaussian (sigma 1.5 px) and d the prefecture's
population density (persons/km²); 0 outside the prefectures. Output: float32, EPSG:4326,
0.05°, 73-136 E, 17-54 N, tiled and deflate-compressed.

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


def population_density(year):
    """{adcode: persons per km²} from the census and the bundled boundaries."""
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    with open(DATA / "census" / "census_city_2010-2020.csv", encoding="utf-8") as f:
        pop = {r["city_code"]: r[f"popu_{year}"] for r in csv.DictReader(f)}
    pop["500000"] = pop.get("500100")  # Chongqing's code in the boundaries
    with open(DATA / "boundaries" / "china_prefectures_gcj02.geojson", encoding="utf-8") as f:
        features = json.load(f)["features"]
    shapes, density = [], {}
    for feat in features:
        code = feat["properties"]["adcode"]
        geom = shape(feat["geometry"])
        value = pop.get(code)
        if not value:
            continue
        area_km2 = abs(geod.geometry_area_perimeter(geom)[0]) / 1e6
        density[code] = float(value) / area_km2
        shapes.append((geom, density[code]))
    return shapes


def make(year, out_dir, urban_growth):
    width = round((BOUNDS[2] - BOUNDS[0]) / RES)
    height = round((BOUNDS[3] - BOUNDS[1]) / RES)
    transform = from_origin(BOUNDS[0], BOUNDS[3], RES, RES)
    with rasterio.open(DATA / "landcover" / "MCD12C1.A2019001.006.2020220162300.tif") as src:
        window = from_bounds(*BOUNDS, transform=src.transform)
        classes = src.read(1, window=window, out_shape=(height, width))
    urban = (classes == URBAN_CLASS).astype("float64") * urban_growth
    u = np.clip(gaussian_filter(urban, sigma=1.5), 0, 1)
    d = rasterize(population_density(year), out_shape=(height, width), transform=transform, fill=0.0, dtype="float64")
    rng = np.random.default_rng(20201231 + year)
    radiance = (60 * u**0.8 + 0.004 * d * (0.3 + 0.7 * u)) * rng.lognormal(0.0, 0.15, size=u.shape)
    radiance[d == 0] = 0.0
    out = Path(out_dir) / f"ntl_synthetic_{year}.tif"
    profile = dict(driver="GTiff", width=width, height=height, count=1, dtype="float32", crs="EPSG:4326",
                   transform=transform, nodata=None, tiled=True, blockxsize=256, blockysize=256,
                   compress="deflate", predictor=3)
    with rasterio.open(out, "w", **profile) as dst:
        dst.write(radiance.astype("float32"), 1)
        dst.update_tags(
            SYNTHETIC="yes",
            TIFFTAG_IMAGEDESCRIPTION=f"SYNTHETIC night-time light sample for {year}, not an observation: "
            "made by megaregion scripts/make_sample_ntl.py from MODIS land cover 2019 and census population. "
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
