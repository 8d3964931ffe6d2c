"""Paths of the bundled data used by tests."""
from _pkg import ROOT

DATA = ROOT / "resources" / "data"
BOUNDARIES = DATA / "boundaries" / "china_prefectures_gcj02.geojson"
CENSUS = DATA / "census" / "census_city_2010-2020.csv"
YEARBOOK = DATA / "yearbook2015" / "yearbook_light.csv"
MEMBERSHIP = DATA / "megaregions" / "membership.csv"
NDVI = DATA / "ndvi" / "MOD_NDVI_M_2023-11-01_rgb_720x360.FLOAT.TIFF"
LANDCOVER = DATA / "landcover" / "MCD12C1.A2019001.006.2020220162300.tif"
