"""Write resources/models/pipeline.model3, the whole analysis as one Processing model:

boundaries (converted to WGS84 from GCJ-02 or BD-09) -> join an indicator table -> assign
mega-regions and roles -> built-up share (land cover), night-light and NDVI zonal statistics
-> unevenness -> typology of the secondary cities (year 2) and their trend (year 1 -> 2).

The model is built with the PyQGIS model API so that it stays in step with the algorithms'
parameter names; defaults that point at the bundled data are stored as
``megaregion-data:<path>`` and resolved to the installed plugin's data folder when the
provider loads the model.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_pipeline_model.py
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "models" / "pipeline.model3"
DATA = "megaregion-data:"

sys.path.insert(0, str(ROOT / "tests"))


def build():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource as Src,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm("pipeline", "Whole analysis (pipeline)", "0 Pipeline")
    model.setHelpContent({
        "ALG_DESC": (
            "The whole analysis in one run, on the bundled data by default: boundaries converted to WGS84, "
            "an indicator table joined, mega-regions and core/secondary roles assigned, built-up share "
            "(land cover class), night-light and NDVI statistics per prefecture, core-secondary unevenness "
            "(Theil, Dagum Gini) for the indicators in year 1 and year 2 and their change, the typology of "
            "the secondary cities by their gap to the cores in year 2, and their development trends from "
            "year 1 to year 2. The bundled night-light rasters are SYNTHETIC samples: give real VIIRS or "
            "DMSP rasters for analysis. Open the model in the Model Builder to change any step."
        ),
        "ALG_CREATOR": "megaregion",
    })

    y = [60]

    def param(definition):
        # QGIS 3.22 rejects a required parameter left out even when it has a default; an input
        # with a default is optional, and the model passes the default on.
        if definition.defaultValue() is not None:
            definition.setFlags(definition.flags() | definition.FlagOptional)
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120, y[0]))
        model.addModelParameter(definition, component)
        y[0] += 60

    param(QgsProcessingParameterFeatureSource(
        "BOUNDARIES", "Prefecture boundaries", [QgsProcessing.TypeVectorPolygon],
        defaultValue=DATA + "boundaries/china_prefectures_gcj02.geojson"))
    param(QgsProcessingParameterEnum(
        "BOUNDARY_SYSTEM", "Coordinate system of the boundaries",
        options=["GCJ-02 (Amap, Tencent)", "BD-09 (Baidu)", "WGS84"], defaultValue=0))
    param(QgsProcessingParameterString("CODE_FIELD", "Administrative code field of the boundaries", defaultValue="adcode"))
    param(QgsProcessingParameterFeatureSource(
        "TABLE", "Indicator table", [QgsProcessing.TypeVector],
        defaultValue=DATA + "census/census_city_2010-2020.csv"))
    param(QgsProcessingParameterString("TABLE_KEY", "Key field of the indicator table", defaultValue="city_code"))
    param(QgsProcessingParameterEnum(
        "MATCH_BY", "Match the table by", options=["Administrative code", "Name"], defaultValue=0))
    param(QgsProcessingParameterString(
        "BOUNDARY_KEY", "Boundary field matched with the table key (code or name)", defaultValue="adcode"))
    param(QgsProcessingParameterMultipleLayers(
        "LANDCOVER", "Land-cover raster (built-up share)", QgsProcessing.TypeRaster,
        defaultValue=[DATA + "landcover/MCD12C1.A2019001.006.2020220162300.tif"]))
    param(QgsProcessingParameterString("BUILT_CLASS", "Built-up class of the land cover", defaultValue="13"))
    param(QgsProcessingParameterMultipleLayers(
        "NTL_RASTERS", "Night-light rasters, one per year (default: SYNTHETIC samples 2010, 2020)",
        QgsProcessing.TypeRaster,
        defaultValue=[DATA + "ntl_sample/ntl_synthetic_2010.tif", DATA + "ntl_sample/ntl_synthetic_2020.tif"]))
    param(QgsProcessingParameterEnum(
        "NTL_PRODUCT", "Night-light product",
        options=["VIIRS annual", "VIIRS monthly", "DMSP-OLS", "DMSP-like harmonised"], defaultValue=0))
    param(QgsProcessingParameterMultipleLayers(
        "NDVI_RASTERS", "NDVI rasters, one per year", QgsProcessing.TypeRaster,
        defaultValue=[DATA + "ndvi/MOD_NDVI_M_2023-11-01_rgb_720x360.FLOAT.TIFF"]))
    param(QgsProcessingParameterString(
        "INDICATORS", "Indicators measured in both years (names without the year, comma separated)",
        defaultValue="popu,popu_urban,household,ntl_total_light,ntl_lit_area_km2"))
    param(QgsProcessingParameterNumber("YEAR1", "Year 1", QgsProcessingParameterNumber.Integer, defaultValue=2010))
    param(QgsProcessingParameterNumber("YEAR2", "Year 2", QgsProcessingParameterNumber.Integer, defaultValue=2020))
    param(QgsProcessingParameterString(
        "EXTRA_INDICATORS", "Further single-year indicator fields for unevenness and typology (comma separated)",
        defaultValue="built_frac_13,ndvi_mean_2023", optional=True))
    param(QgsProcessingParameterString(
        "COST_INDICATORS", "Cost indicators, less is better (names without the year, comma separated)",
        defaultValue="", optional=True))
    param(QgsProcessingParameterNumber(
        "K", "Number of types (0 = choose by silhouette)", QgsProcessingParameterNumber.Integer, defaultValue=0,
        minValue=0))

    # names -> field lists, evaluated when the model runs
    def fields(year_var):
        return (f"array_foreach(array_filter(string_to_array(@INDICATORS, ','), length(trim(@element)) > 0), "
                f"trim(@element) || '_' || to_string({year_var}))")
    extras = "array_filter(string_to_array(coalesce(@EXTRA_INDICATORS, ''), ','), length(trim(@element)) > 0)"
    both_years = f"array_cat({fields('@YEAR1')}, {fields('@YEAR2')})"
    cost_both = both_years.replace("@INDICATORS", "coalesce(@COST_INDICATORS, '')")
    cost_year2 = fields("@YEAR2").replace("@INDICATORS", "coalesce(@COST_INDICATORS, '')")

    x = [420]

    def child(child_id, alg_id, description, sources, outputs=()):
        c = QgsProcessingModelChildAlgorithm(alg_id)
        c.setChildId(child_id)
        c.setDescription(description)
        c.setPosition(QPointF(x[0], 80 + 90 * (len(model.childAlgorithms()) % 9)))
        for name, src in sources.items():
            c.addParameterSources(name, [src])
        outs = {}
        for out_name, child_output, description_text in outputs:
            o = QgsProcessingModelOutput(out_name, description_text)
            o.setChildId(child_id)
            o.setChildOutputName(child_output)
            outs[out_name] = o
        c.setModelOutputs(outs)
        model.addChildAlgorithm(c)
        return child_id

    P = Src.fromModelParameter
    S = Src.fromStaticValue
    O = Src.fromChildOutput
    E = Src.fromExpression

    child("convert", "megaregion:gcj02towgs84", "Convert boundaries to WGS84",
          {"INPUT": P("BOUNDARIES"), "FROM_SYSTEM": P("BOUNDARY_SYSTEM"), "TO_SYSTEM": S(2), "OUTPUT": S("memory:")})
    child("join", "megaregion:joinindicators", "Join the indicator table",
          {"INPUT": O("convert", "OUTPUT"), "INPUT_KEY": P("BOUNDARY_KEY"), "TABLE": P("TABLE"),
           "TABLE_KEY": P("TABLE_KEY"), "MATCH_BY": P("MATCH_BY"), "DUPLICATES": S(0),
           "OUTPUT": S("memory:"), "UNMATCHED": S("memory:")},
          [("UNMATCHED", "UNMATCHED", "Table rows not joined")])
    child("assign", "megaregion:assignmegaregions", "Assign mega-regions and roles",
          {"INPUT": O("join", "OUTPUT"), "KEY": P("CODE_FIELD"), "MULTIPLE": S(0), "UNASSIGNED": S(0),
           "INCLUDE_SAR": S(False), "OUTPUT": S("memory:")})
    child("builtup", "megaregion:zonalstatistics", "Built-up share from land cover",
          {"INPUT": O("assign", "OUTPUT"), "RASTER": P("LANDCOVER"), "STATISTICS": S([7]),
           "CATEGORIES": P("BUILT_CLASS"), "PREFIX": S("built"), "COVERAGE": S(0), "OUTPUT": S("memory:")})
    child("ntl", "megaregion:nighttimelight", "Night-light statistics",
          {"INPUT": O("builtup", "OUTPUT"), "RASTER": P("NTL_RASTERS"), "PRESET": P("NTL_PRODUCT"),
           "STATISTICS": S([0, 1, 2, 3]), "PREFIX": S("ntl"), "COVERAGE": S(0), "OUTPUT": S("memory:")})
    child("ndvi", "megaregion:ndvi", "NDVI statistics",
          {"INPUT": O("ntl", "OUTPUT"), "RASTER": P("NDVI_RASTERS"), "PRESET": S(0), "STATISTICS": S([0, 1]),
           "PREFIX": S("ndvi"), "COVERAGE": S(0), "OUTPUT": S("memory:")},
          [("PREFECTURES", "OUTPUT", "Prefectures with mega-regions and indicators")])
    x[0] = 760
    child("unevenness", "megaregion:unevenness", "Core-secondary unevenness",
          {"INPUT": O("ndvi", "OUTPUT"), "INDICATORS": E(f"array_cat({both_years}, {extras})"),
           "NAME_FIELD": S("name"), "HEADLINE": S(0)},
          [("TABLE", "OUTPUT_TABLE", "Unevenness table"), ("REGIONS", "OUTPUT_REGIONS", "Mega-regions by unevenness"),
           ("REPORT", "OUTPUT_HTML", "Unevenness report")])
    child("typology", "megaregion:typology", "Typology of secondary cities (year 2)",
          {"INPUT": O("ndvi", "OUTPUT"), "INDICATORS": E(f"array_cat({fields('@YEAR2')}, {extras})"),
           "COST_INDICATORS": E(cost_year2), "K": P("K"), "NAME_FIELD": S("name")},
          [("CITIES", "OUTPUT", "Secondary cities by type"), ("CORES", "OUTPUT_CORES", "Core cities"),
           ("PROFILES", "OUTPUT_PROFILES", "Type profiles"), ("REPORT", "OUTPUT_HTML", "Typology report")])
    child("trend", "megaregion:trend", "Development trends (year 1 to year 2)",
          {"INPUT": O("ndvi", "OUTPUT"), "INDICATORS": E(both_years), "COST_INDICATORS": E(cost_both),
           "K": P("K"), "NAME_FIELD": S("name")},
          [("CITIES", "OUTPUT", "Secondary cities by trend"), ("CORES", "OUTPUT_CORES", "Core cities (trend)"),
           ("PROFILES", "OUTPUT_PROFILES", "Trend profiles"), ("REPORT", "OUTPUT_HTML", "Trend report")])
    return model


def main():
    import _pkg

    _pkg.ensure_importable()
    sys.path[:] = [p for p in sys.path if Path(os.path.abspath(p or os.curdir)) != ROOT]
    from qgis_env import start_qgis

    start_qgis()
    model = build()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(TARGET)):
        raise SystemExit(f"could not write {TARGET}")
    print(TARGET)


if __name__ == "__main__":
    main()
