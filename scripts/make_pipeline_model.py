"""Write resources/models/pipeline.model3, the whole analysis as one Processing model:

boundaries (converted to WGS84 from GCJ-02 or BD-09) -> join an indicator table -> assign
mega-regions and roles -> built-up share (land cover), night-light and NDVI zonal statistics
-> unevenness -> typology of the secondary cities (year 2) and their trend (year 1 -> 2)
-> PNG maps of the three styled results.

The model is built with the PyQGIS model API so that it stays in step with the algorithms'
parameter names; defaults that point at the bundled data are stored as
``megaregion-data:<path>`` and resolved to the installed plugin's data folder when the
provider loads the model.

Order: the model's inputs and outputs are drawn top to bottom in the order of the analysis;
the provider (processing/models.py) shows them in that order (the position's y), since
QGIS 3.22 keeps a model's inputs sorted by name. Every setting of a step that the model does
not take from an input is set to the step's own default, so the model validates; a setting
added to an algorithm later is picked up the next time this script runs.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_pipeline_model.py
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "models" / "pipeline.model3"
DATA = "megaregion-data:"

sys.path.insert(0, str(ROOT / "tests"))

#: The default indicators: each is a benefit indicator (more is better) or a declared cost
#: indicator; see the section "Benefit and cost indicators" of docs/algorithms.md.
INDICATORS = "popu,popu_urban,age_15_59,ntl_total_light,ntl_lit_area_km2,age_65"
COST_INDICATORS = "age_65"
EXTRA_INDICATORS = "built_frac_13,ndvi_mean_2023"

HELP = (
    "The whole analysis in one run, on the bundled data by default: the prefecture boundaries converted to "
    "WGS84, an indicator table joined, mega-regions and core/secondary roles assigned, the built-up share "
    "(land cover), night-light and NDVI statistics per prefecture, the core-secondary unevenness of every "
    "indicator in every year and its change (with three or more years also its sigma and beta convergence), the "
    "typology of the secondary cities by their gap to the cores in the last year, their development trends over "
    "the years (with three or more years each city's trajectory), their distance to the cores and spatial "
    "clusters, a workbook of the tables and maps of the results.\n\n"
    "<b>Years</b>: YEARS lists them (e.g. 2000, 2010, 2020); left empty, every year in which the table (or the "
    "boundaries) and the rasters have every indicator (the rasters' years come from their file names). YEAR1 "
    "and YEAR2 (advanced) still choose two years, as saved models and scripts give them.\n\n"
    "<b>Where the results go</b>: choose an <b>Output folder</b> and the run writes there one GeoPackage, "
    "megaregion.gpkg, with every layer styled (prefectures, unevenness_megaregions, unevenness_table, "
    "typology_secondary_cities, typology_core_cities, typology_profiles, trend_secondary_cities, "
    "trend_core_cities, trend_profiles, spatial_secondary_cities, spatial_relations_table, unmatched_table_rows), "
    "the four reports (unevenness_report.html, typology_report.html, trend_report.html, spatial_report.html), "
    "megaregion_tables.xlsx with every table of the GeoPackage (one sheet each, headers in the interface's "
    "language, the run's settings on the first sheet) and a map of the unevenness per mega-region, the secondary "
    "cities by type, by trend and by spatial cluster, as PNG and PDF (maps/, by 'Render maps'; Map formats "
    "under Advanced). From the command line: "
    "qgis_process run megaregion:pipeline -- OUTPUT_FOLDER=/path/to/results. Every other output is optional "
    "and, when given, is written where it names instead (its name, e.g. typology:CITIES, works as before).\n\n"
    "<b>Indicators</b>: names without the year (popu for popu_2010 and popu_2020). The defaults are benefit "
    "indicators (more is better: population, urban population, working-age share age_15_59, total night "
    "light, lit area, and the built-up share and NDVI as single-year extras) and one declared cost indicator "
    "(age_65, the share aged 65 and over: an older population is a heavier dependency burden). The census "
    "field household is the average household size, neither better nor worse when larger, and is not among "
    "them. List every indicator where less is better under <b>Cost indicators</b>, and one that is neither "
    "under <b>Neutral indicators</b> (its unevenness is measured; the typology and trend leave it out); see "
    "the plugin's reference (Help button), section 'Benefit and cost indicators'.\n\n"
    "<b>Mega-region members</b>: every member the plan documents name, or as in Du 2026, ordinary prefecture-level "
    "cities only (see 'Assign mega-regions and core cities').\n"
    "<b>Built-up class</b>: 13 is 'urban and built-up lands' in the MODIS IGBP classification of the "
    "bundled MCD12C1 land cover; give the class of your own land-cover product.\n"
    "The bundled night-light rasters are SYNTHETIC samples: give real VIIRS or DMSP rasters for analysis. "
    "The advanced settings hold the analyst's choices of the unevenness, typology, trend, spatial and map steps "
    "(the resamples, permutations, confidence and seed are shared by the unevenness and the spatial relations), each "
    "at the step's default (see the step's help); open the model in the Model Builder to change any other step."
)

#: model outputs: (child id, model output name (public: '<child>:<name>'), child output,
#: description), in the order of the analysis.
OUTPUTS = [
    ("ndvi", "PREFECTURES", "OUTPUT", "Prefectures with mega-regions and indicators"),
    ("join", "UNMATCHED", "UNMATCHED", "Indicator table rows matched to no boundary"),
    ("unevenness", "REGIONS", "OUTPUT_REGIONS", "Unevenness per mega-region"),
    ("unevenness", "TABLE", "OUTPUT_TABLE", "Unevenness per mega-region, indicator and year (table)"),
    ("unevenness", "REPORT", "OUTPUT_HTML", "Unevenness report"),
    ("typology", "CITIES", "OUTPUT", "Secondary cities by type"),
    ("typology", "CORES", "OUTPUT_CORES", "Core cities with their performance (typology)"),
    ("typology", "PROFILES", "OUTPUT_PROFILES", "Profiles of the types"),
    ("typology", "REPORT", "OUTPUT_HTML", "Typology report"),
    ("trend", "CITIES", "OUTPUT", "Secondary cities by trend"),
    ("trend", "CORES", "OUTPUT_CORES", "Core cities with their performance and trend"),
    ("trend", "PROFILES", "OUTPUT_PROFILES", "Profiles of the trend types"),
    ("trend", "REPORT", "OUTPUT_HTML", "Trend report"),
    ("spatial", "CITIES", "OUTPUT", "Secondary cities by distance to the core and spatial cluster"),
    ("spatial", "TABLE", "OUTPUT_TABLE", "Distance gradients and Moran's I per mega-region (table)"),
    ("spatial", "REPORT", "OUTPUT_HTML", "Spatial relations report"),
]


def build():
    from qgis.core import (
        QgsApplication,
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource as Src,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterDefinition,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterFile,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF

    registry = QgsApplication.processingRegistry()
    advanced = QgsProcessingParameterDefinition.FlagAdvanced
    optional = QgsProcessingParameterDefinition.FlagOptional

    # no group: the provider lists the whole analysis above its groups
    model = QgsProcessingModelAlgorithm("pipeline", "", "")
    model.setHelpContent({"ALG_DESC": HELP, "ALG_CREATOR": "megaregion"})

    y = [60]

    def param(definition, is_advanced=False, is_optional=False):
        """A model input, drawn below the previous one (the order the dialog shows)."""
        flags = definition.flags()
        # qgis_process refuses a left-out layer input that is not optional, default or not:
        # an input that defaults to bundled data is optional (the provider fills the default in)
        layers = definition.type() in ("source", "multilayer") and definition.defaultValue() is not None
        flags = (flags | optional) if (is_optional or layers) else (flags & ~optional)
        if is_advanced:
            flags |= advanced
        definition.setFlags(flags)
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120, y[0]))
        component.setDescription(definition.description())
        model.addModelParameter(definition, component)
        y[0] += 60

    def has(alg_id, name):
        return registry.algorithmById(alg_id).parameterDefinition(name) is not None

    def like(alg_id, name, new_name, label, **kwargs):
        """A model input that is a copy of a step's parameter (its options and default)."""
        definition = registry.algorithmById(alg_id).parameterDefinition(name).clone()
        definition.setName(new_name)
        definition.setDescription(label)
        definition.setFlags(definition.flags() & ~advanced)
        param(definition, **kwargs)

    # --- where the data come from (planner decisions first, in the order of the analysis)
    param(QgsProcessingParameterFeatureSource(
        "BOUNDARIES", "Prefecture boundaries", [QgsProcessing.TypeVectorPolygon],
        defaultValue=DATA + "boundaries/china_prefectures_gcj02.geojson"))
    param(QgsProcessingParameterEnum(
        "BOUNDARY_SYSTEM", "Coordinate system of the boundaries",
        options=["GCJ-02 (Amap, Tencent)", "BD-09 (Baidu)", "WGS84"], defaultValue=0))
    param(QgsProcessingParameterFeatureSource(
        "TABLE", "Indicator table (one row per prefecture, <indicator>_<year> columns)", [QgsProcessing.TypeVector],
        defaultValue=DATA + "census/census_city_2010-2020.csv"))
    param(QgsProcessingParameterEnum(
        "MATCH_BY", "Match the table to the boundaries by", options=["Administrative code", "Name"], defaultValue=0))
    param(QgsProcessingParameterString(
        "TABLE_KEY", "Key field of the indicator table (code or name)", defaultValue="city_code"))
    param(QgsProcessingParameterString(
        "BOUNDARY_KEY", "Key field of the boundaries, matched with the table's key (code or name)",
        defaultValue="adcode"))
    like("megaregion:assignmegaregions", "MEMBERSHIP_SET", "MEMBERSHIP_SET", "Mega-region members")
    param(QgsProcessingParameterString(
        "INDICATORS", "Indicators measured in every year (names without the year, comma separated)",
        defaultValue=INDICATORS))
    param(QgsProcessingParameterString(
        "COST_INDICATORS", "Cost indicators among them: less is better (names without the year)",
        defaultValue=COST_INDICATORS), is_optional=True)
    if has("megaregion:typology", "NEUTRAL_INDICATORS") and has("megaregion:trend", "NEUTRAL_INDICATORS"):
        param(QgsProcessingParameterString(
            "NEUTRAL_INDICATORS", "Neutral indicators among them: measured for unevenness, left out of the types "
            "(names without the year)", defaultValue=""), is_optional=True)
    param(QgsProcessingParameterString(
        "YEARS", "Years, e.g. 2000, 2010, 2020 (empty: every year the table and the rasters have for all "
        "indicators)", defaultValue=""), is_optional=True)
    param(QgsProcessingParameterString(
        "EXTRA_INDICATORS", "Single-year indicators for unevenness and typology, full field names (comma separated)",
        defaultValue=EXTRA_INDICATORS), is_optional=True)
    param(QgsProcessingParameterMultipleLayers(
        "LANDCOVER", "Land-cover raster (for the built-up share)", QgsProcessing.TypeRaster,
        defaultValue=[DATA + "landcover/MCD12C1.A2019001.006.2020220162300.tif"]))
    param(QgsProcessingParameterMultipleLayers(
        "NTL_RASTERS", "Night-light rasters, one per year (default: SYNTHETIC samples 2010, 2020)",
        QgsProcessing.TypeRaster,
        defaultValue=[DATA + "ntl_sample/ntl_synthetic_2010.tif", DATA + "ntl_sample/ntl_synthetic_2020.tif"]))
    folder_inputs = has("megaregion:nighttimelight", "RASTER_FOLDER") and has("megaregion:ndvi", "RASTER_FOLDER")
    if folder_inputs:
        param(QgsProcessingParameterFile(
            "NTL_FOLDER", "Folder of downloaded night-light files (instead of the rasters above; one product, "
            "grouped by year)", behavior=QgsProcessingParameterFile.Folder), is_optional=True)
    param(QgsProcessingParameterEnum(
        "NTL_PRODUCT", "Night-light product",
        options=["VIIRS annual", "VIIRS monthly", "DMSP-OLS", "DMSP-like harmonised"], defaultValue=0))
    param(QgsProcessingParameterMultipleLayers(
        "NDVI_RASTERS", "NDVI rasters, one per year", QgsProcessing.TypeRaster,
        defaultValue=[DATA + "ndvi/MOD_NDVI_M_2023-11-01_rgb_720x360.FLOAT.TIFF"]))
    if folder_inputs:
        param(QgsProcessingParameterFile(
            "NDVI_FOLDER", "Folder of downloaded NDVI files (instead of the rasters above; one product, grouped "
            "by year)", behavior=QgsProcessingParameterFile.Folder), is_optional=True)
    param(QgsProcessingParameterNumber(
        "K", "Number of types (0 = chosen by the silhouette)", QgsProcessingParameterNumber.Integer, defaultValue=0,
        minValue=0))
    # --- advanced: what an analyst may change, each at its step's default
    param(QgsProcessingParameterString(
        "CODE_FIELD", "Administrative code field of the boundaries (finds each prefecture's mega-region)",
        defaultValue="adcode"), is_advanced=True)
    param(QgsProcessingParameterString(
        "BUILT_CLASS", "Built-up class of the land cover (13 = urban and built-up lands, MODIS IGBP)",
        defaultValue="13"), is_advanced=True)
    like("megaregion:unevenness", "HEADLINE", "HEADLINE", "Headline measure of the unevenness map", is_advanced=True)
    like("megaregion:typology", "CORE_REFERENCE", "CORE_REFERENCE",
         "Core reference when a mega-region has several cores", is_advanced=True)
    like("megaregion:typology", "POOL", "POOL", "Cities pooled for the min-max performance", is_advanced=True)
    like("megaregion:typology", "WEIGHTING", "WEIGHTING", "Weights of the composite TOPSIS score", is_advanced=True)
    like("megaregion:trend", "YEAR_POOL", "YEAR_POOL", "Min-max of the two years (trend)", is_advanced=True)
    # a two-year run as saved models and scripts name it; YEARS is the planner's input
    param(QgsProcessingParameterNumber(
        "YEAR1", "Year 1 of a two-year run (not set: YEARS)", QgsProcessingParameterNumber.Integer,
        optional=True), is_advanced=True, is_optional=True)
    param(QgsProcessingParameterNumber(
        "YEAR2", "Year 2 of a two-year run (not set: YEARS)", QgsProcessingParameterNumber.Integer,
        optional=True), is_advanced=True, is_optional=True)
    like("megaregion:typology", "K_MAX", "K_MAX", "Largest number of types tried by the silhouette", is_advanced=True)
    like("megaregion:typology", "N_INIT", "N_INIT", "K-means initialisations", is_advanced=True)
    # settings the steps gained later: model inputs once the step has them
    if has("megaregion:typology", "STABILITY_RESAMPLES"):
        like("megaregion:typology", "STABILITY_RESAMPLES", "STABILITY_RESAMPLES",
             "Resamples for the stability of the types (0 = none)", is_advanced=True)
    for name, label in (("BOOTSTRAP", "Bootstrap resamples of the unevenness and the distance gradients (0 = none)"),
                        ("CONFIDENCE", "Confidence level of the unevenness and gradient intervals (%)"),
                        ("PERMUTATIONS", "Permutations for the p-values of the core-secondary split and of "
                                         "Moran's I (0 = none)")):
        if has("megaregion:unevenness", name):
            like("megaregion:unevenness", name, name, label, is_advanced=True)
    like("megaregion:typology", "SEED", "SEED", "Random seed (k-means, resamples and permutations)", is_advanced=True)
    if has("megaregion:rendermaps", "LANGUAGE"):
        like("megaregion:rendermaps", "LANGUAGE", "MAP_LANGUAGE", "Language of the maps", is_advanced=True)
    if has("megaregion:rendermaps", "FORMAT"):
        # PNG to look at, PDF (vector, text as text) for reports and print
        formats = registry.algorithmById("megaregion:rendermaps").parameterDefinition("FORMAT").clone()
        formats.setName("MAP_FORMAT")
        formats.setDescription("Formats of the maps")
        formats.setDefaultValue([0, 1])
        param(formats, is_advanced=True, is_optional=True)  # saved models that embed the pipeline stay valid

    # names -> field lists, evaluated when the model runs. The years: YEARS (any separators,
    # sorted, each once), else YEAR1 and YEAR2 in that order (saved models); the provider fills
    # YEARS in with every year the data have when neither is given.
    years_given = "length(trim(coalesce(@YEARS, ''))) > 0"
    years = (f"if({years_given}, array_sort(array_distinct(array_foreach(array_filter(string_to_array("
             f"regexp_replace(@YEARS, '[^0-9]+', ','), ','), length(@element) > 0), to_int(@element)))), "
             f"array(coalesce(@YEAR1, 0), coalesce(@YEAR2, 0)))")
    last_year = f"array_last({years})"

    def names_of(names):
        return f"array_filter(string_to_array(coalesce({names}, ''), ','), length(trim(@element)) > 0)"

    def fields(year_list, names="@INDICATORS"):
        """Every <name>_<year>, year by year (the order of the fields: all names of the first year, ...)."""
        return (f"array_filter(string_to_array(array_to_string(array_foreach({year_list}, with_variable('year', "
                f"@element, array_to_string(array_foreach({names_of(names)}, trim(@element) || '_' || "
                f"to_string(@year)), ','))), ','), ','), length(@element) > 0)")
    extras = names_of("@EXTRA_INDICATORS")
    every_year = fields(years)
    last = f"array({last_year})"
    cost_every_year = fields(years, "@COST_INDICATORS")
    cost_last = fields(last, "@COST_INDICATORS")
    neutral_every_year = fields(years, "@NEUTRAL_INDICATORS")
    neutral_last = fields(last, "@NEUTRAL_INDICATORS")

    P = Src.fromModelParameter
    S = Src.fromStaticValue
    O = Src.fromChildOutput
    E = Src.fromExpression
    model_outputs = {}
    for i, (child_id, name, child_output, description) in enumerate(OUTPUTS):
        model_outputs.setdefault(child_id, []).append((name, child_output, description, 60 + 50 * i))
    steps = [0]

    def wired(alg_id, names):
        """Sources from the model inputs of the same name, for the parameters the step has."""
        return {n: P(model_name) for n, model_name in names.items()
                if has(alg_id, n) and model.parameterDefinition(model_name) is not None}

    def child(child_id, alg_id, description, sources, active=True):
        algorithm = registry.algorithmById(alg_id)
        if algorithm is None:
            raise SystemExit(f"{alg_id} is not loaded")
        c = QgsProcessingModelChildAlgorithm(alg_id)
        c.setChildId(child_id)
        c.setDescription(description)
        c.setPosition(QPointF(420 + 340 * (steps[0] // 6), 80 + 110 * (steps[0] % 6)))
        steps[0] += 1
        for name, src in sources.items():
            c.addParameterSources(name, src if isinstance(src, list) else [src])
        # every required setting the model does not feed: the step's own default
        for definition in algorithm.parameterDefinitions():
            if definition.isDestination() or definition.name() in sources:
                continue
            if definition.flags() & optional:
                continue
            if definition.defaultValue() is None:
                raise SystemExit(f"{alg_id}: required parameter {definition.name()} has no default; "
                                 "feed it from a model input")
            c.addParameterSources(definition.name(), [S(definition.defaultValue())])
        outs = {}
        for name, child_output, text, output_y in model_outputs.get(child_id, []):
            o = QgsProcessingModelOutput(name, text)
            o.setChildId(child_id)
            o.setChildOutputName(child_output)
            o.setMandatory(False)
            if not algorithm.parameterDefinition(child_output).flags() & optional:
                # a step that must write this output writes a temporary one when it is not named
                o.setDefaultValue("TEMPORARY_OUTPUT")
            o.setPosition(QPointF(1200, output_y))  # drawn (and listed) in the order of OUTPUTS
            outs[name] = o
        c.setModelOutputs(outs)
        c.setActive(active)
        model.addChildAlgorithm(c)

    child("convert", "megaregion:gcj02towgs84", "Convert boundaries to WGS84",
          {"INPUT": P("BOUNDARIES"), "FROM_SYSTEM": P("BOUNDARY_SYSTEM"), "TO_SYSTEM": S(2), "OUTPUT": S("memory:")})
    child("join", "megaregion:joinindicators", "Join the indicator table",
          {"INPUT": O("convert", "OUTPUT"), "INPUT_KEY": P("BOUNDARY_KEY"), "TABLE": P("TABLE"),
           "TABLE_KEY": P("TABLE_KEY"), "MATCH_BY": P("MATCH_BY"), "DUPLICATES": S(0), "OUTPUT": S("memory:")})
    child("assign", "megaregion:assignmegaregions", "Assign mega-regions and roles",
          {"INPUT": O("join", "OUTPUT"), "KEY": P("CODE_FIELD"), "MULTIPLE": S(0), "UNASSIGNED": S(0),
           "INCLUDE_SAR": S(False), "MEMBERSHIP_SET": P("MEMBERSHIP_SET"),
           "OUTPUT": S("memory:")})
    child("builtup", "megaregion:zonalstatistics", "Built-up share from land cover",
          {"INPUT": O("assign", "OUTPUT"), "RASTER": P("LANDCOVER"), "STATISTICS": S([7]), "PRESET": S(0),
           "CATEGORIES": P("BUILT_CLASS"), "PREFIX": S("built"), "COVERAGE": S(0),
           "OUTPUT": S("memory:")})
    child("ntl", "megaregion:nighttimelight", "Night-light statistics",
          {"INPUT": O("builtup", "OUTPUT"), "RASTER": P("NTL_RASTERS"), "PRESET": P("NTL_PRODUCT"),
           "STATISTICS": S([0, 1, 2, 3]), "PREFIX": S("ntl"), "COVERAGE": S(0), "OUTPUT": S("memory:"),
           **wired("megaregion:nighttimelight", {"RASTER_FOLDER": "NTL_FOLDER"})})
    child("ndvi", "megaregion:ndvi", "NDVI statistics",
          {"INPUT": O("ntl", "OUTPUT"), "RASTER": P("NDVI_RASTERS"), "PRESET": S(0), "STATISTICS": S([0, 1]),
           "PREFIX": S("ndvi"), "COVERAGE": S(0), **wired("megaregion:ndvi", {"RASTER_FOLDER": "NDVI_FOLDER"})})
    child("unevenness", "megaregion:unevenness", "Core-secondary unevenness",
          dict(wired("megaregion:unevenness", {"BOOTSTRAP": "BOOTSTRAP", "CONFIDENCE": "CONFIDENCE",
                                               "PERMUTATIONS": "PERMUTATIONS", "SEED": "SEED"}),
               INPUT=O("ndvi", "OUTPUT"), INDICATORS=E(f"array_cat({every_year}, {extras})"), NAME_FIELD=S("name"),
               HEADLINE=P("HEADLINE")))
    analysis = {"K": P("K"), "K_MAX": P("K_MAX"), "WEIGHTING": P("WEIGHTING"), "POOL": P("POOL"),
                "SEED": P("SEED"), "N_INIT": P("N_INIT"), "NAME_FIELD": S("name")}
    neutral = model.parameterDefinition("NEUTRAL_INDICATORS") is not None
    child("typology", "megaregion:typology", "Typology of secondary cities (last year)",
          dict(analysis, **wired("megaregion:typology", {"STABILITY_RESAMPLES": "STABILITY_RESAMPLES"}),
               **({"NEUTRAL_INDICATORS": E(neutral_last)} if neutral else {}), INPUT=O("ndvi", "OUTPUT"),
               INDICATORS=E(f"array_cat({fields(last)}, {extras})"), COST_INDICATORS=E(cost_last),
               CORE_REFERENCE=P("CORE_REFERENCE")))
    child("trend", "megaregion:trend", "Development trends over the years",
          dict(analysis, **wired("megaregion:trend", {"STABILITY_RESAMPLES": "STABILITY_RESAMPLES"}),
               **({"NEUTRAL_INDICATORS": E(neutral_every_year)} if neutral else {}), INPUT=O("ndvi", "OUTPUT"),
               INDICATORS=E(every_year), COST_INDICATORS=E(cost_every_year), YEAR_POOL=P("YEAR_POOL"),
               # the years as given: YEARS, or YEAR1 -> YEAR2 of a saved model
               YEARS=E(f"if({years_given}, array_to_string({years}, ','), '')"),
               YEAR1=E(f"if({years_given}, 0, coalesce(@YEAR1, 0))"),
               YEAR2=E(f"if({years_given}, 0, coalesce(@YEAR2, 0))")))
    child("spatial", "megaregion:spatialrelations", "Distance to the core and spatial clusters (last year)",
          dict(wired("megaregion:spatialrelations", {"BOOTSTRAP": "BOOTSTRAP", "CONFIDENCE": "CONFIDENCE",
                                                     "PERMUTATIONS": "PERMUTATIONS", "SEED": "SEED"}),
               INPUT=O("typology", "OUTPUT"), CORES=O("typology", "OUTPUT_CORES")))
    # The maps step is switched on by the provider when the run has an OUTPUT_FOLDER (the maps go
    # to its maps/ folder): a run of this file that names its outputs the old way stays as it was.
    child("maps", "megaregion:rendermaps", "Maps of the results (PNG and PDF), in OUTPUT_FOLDER/maps",
          {"LAYERS": [O("unevenness", "OUTPUT_REGIONS"), O("typology", "OUTPUT"), O("trend", "OUTPUT"),
                      O("spatial", "OUTPUT")],
           "BACKGROUND": O("ndvi", "OUTPUT"), "CORES": O("typology", "OUTPUT_CORES"),
           "OUTPUT_FOLDER": S("TEMPORARY_OUTPUT"),
           **wired("megaregion:rendermaps", {"LANGUAGE": "MAP_LANGUAGE", "FORMAT": "MAP_FORMAT"})},
          active=False)
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
