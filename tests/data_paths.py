"""Paths of the bundled data used by tests."""
from _pkg import ROOT

DATA = ROOT / "resources" / "data"
BOUNDARIES = DATA / "boundaries" / "china_prefectures_gcj02.geojson"
CENSUS = DATA / "census" / "census_city_2010-2020.csv"
YEARBOOK = DATA / "yearbook2015" / "yearbook_light.csv"
MEMBERSHIP = DATA / "megaregions" / "membership.csv"
NDVI = DATA / "ndvi" / "MOD_NDVI_M_2023-11-01_rgb_720x360.FLOAT.TIFF"
LANDCOVER = DATA / "landcover" / "MCD12C1.A2019001.006.2020220162300.tif"

#: File names of every output of the pipeline model, one per output parameter.
PIPELINE_OUTPUTS = {
    "ndvi:PREFECTURES": "prefectures.gpkg", "join:UNMATCHED": "unmatched.gpkg",
    "unevenness:TABLE": "unevenness_table.gpkg", "unevenness:REGIONS": "unevenness_megaregions.gpkg",
    "unevenness:REPORT": "unevenness.html",
    "typology:CITIES": "typology.gpkg", "typology:CORES": "typology_cores.gpkg",
    "typology:PROFILES": "typology_profiles.gpkg", "typology:REPORT": "typology.html",
    "trend:CITIES": "trend.gpkg", "trend:CORES": "trend_cores.gpkg", "trend:PROFILES": "trend_profiles.gpkg",
    "trend:REPORT": "trend.html",
    "spatial:CITIES": "spatial.gpkg", "spatial:TABLE": "spatial_table.gpkg", "spatial:REPORT": "spatial.html",
}


def _realdata():
    """The real third-party samples (test inputs only, never bundled): ``$MEGAREGION_REALDATA``,
    else ``shared/data/realdata`` beside the checkout (``../shared``, or ``../../shared`` for a
    worktree one folder deeper); None when absent."""
    import os
    from pathlib import Path

    candidates = [os.environ.get("MEGAREGION_REALDATA")] + [
        str(base / "shared" / "data" / "realdata") for base in (ROOT.parent, ROOT.parent.parent)]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


#: Real third-party samples (see each folder's SOURCE.md), or None.
REALDATA = _realdata()
