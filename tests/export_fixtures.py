"""Result tables for the tests of the workbook export: the regression records' expected tables
of the algorithms written as the layers of a GeoPackage named as the pipeline names them."""
from pathlib import Path

import pandas as pd

EXPECTED = Path(__file__).resolve().parent / "regression" / "expected"
#: Layers of the pipeline's GeoPackage, from the regression records of the algorithms.
LAYERS = {
    "unevenness_table": "unevenness_table.csv",
    "unevenness_megaregions": "unevenness_regions.csv",
    "typology_secondary_cities": "typology_cities.csv",
    "typology_core_cities": "typology_cores.csv",
    "typology_profiles": "typology_profiles.csv",
    "trend_secondary_cities": "trend_cities.csv",
    "trend_core_cities": "trend_cores.csv",
    "trend_profiles": "trend_profiles.csv",
}
#: Numbers that a shortest repr needs 17 digits for, and a value a 15-digit writer would round.
AWKWARD = [0.1 + 0.2, 1 / 3, 2.0 ** -1074, 1e300 / 3, -0.000180020313333]


def _csv(name):
    frame = pd.read_csv(EXPECTED / name, na_values=["\\N"], keep_default_na=False, dtype=object)
    out = {}
    for column in frame.columns:
        values = frame[column]
        present = [v for v in values if isinstance(v, str)]
        if present and all(v in ("true", "false") for v in present):
            out[column] = [None if not isinstance(v, str) else v == "true" for v in values]
            continue
        try:
            numbers = [None if not isinstance(v, str) else float(v) for v in values]
        except ValueError:
            out[column] = [v if isinstance(v, str) else None for v in values]
            continue
        if all(n is None or (n.is_integer() and "." not in v and "e" not in v.lower())
               for n, v in zip(numbers, values)):
            out[column] = [None if n is None else int(n) for n in numbers]
        else:
            out[column] = numbers
    return pd.DataFrame(out, dtype=object)


def _write_gpkg(path, tables):
    from osgeo import ogr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, frame in tables.items():
        layer = ds.CreateLayer(name, geom_type=ogr.wkbNone)
        for column in frame.columns:
            present = [v for v in frame[column] if v is not None]
            if present and all(isinstance(v, bool) for v in present):
                definition = ogr.FieldDefn(column, ogr.OFTInteger)
                definition.SetSubType(ogr.OFSTBoolean)
            elif present and all(isinstance(v, int) for v in present):
                definition = ogr.FieldDefn(column, ogr.OFTInteger64)
            elif present and all(isinstance(v, (int, float)) for v in present):
                definition = ogr.FieldDefn(column, ogr.OFTReal)
            else:
                definition = ogr.FieldDefn(column, ogr.OFTString)
            layer.CreateField(definition)
        for row in frame.itertuples(index=False):
            feature = ogr.Feature(layer.GetLayerDefn())
            for j, value in enumerate(row):
                if value is not None:
                    feature.SetField(j, int(value) if isinstance(value, bool) else value)
            layer.CreateFeature(feature)
    ds = None


def results_geopackage(path):
    """A GeoPackage like the pipeline's, its tables those of the regression records, the first
    ``theil`` values of the unevenness table replaced by :data:`AWKWARD`."""
    tables = {name: _csv(csv) for name, csv in LAYERS.items()}
    awkward = tables["unevenness_table"].copy()
    awkward.loc[: len(AWKWARD) - 1, "theil"] = AWKWARD  # values every digit of which must survive
    tables["unevenness_table"] = awkward
    _write_gpkg(path, tables)
    return path
