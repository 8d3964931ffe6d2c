"""``megaregion:spatialrelations``: where the gaps fall — distance of every secondary city to
its cores, the gradient of the gap with that distance (borrowed size or agglomeration shadow)
and the spatial clusters of the gaps (global and local Moran). The science is in
:mod:`megaregion.core.spatial`; this module reads the parameters and writes the outputs."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .deps import lazy_import
from .i18n import shown, translated_language
from .input_checks import CheckedInputs, check_fields, checked_city_field, checked_source, named, no_crs_advice
from .styling import lisa_renderer
from .typology_base import representative_lonlat

pd = lazy_import("pandas")
fields = lazy_import("..core.fields", __package__)
moran = lazy_import("..core.spatial.moran", __package__)
relations = lazy_import("..core.spatial.relations", __package__)
report_spatial = lazy_import("..core.spatial.report", __package__)

WEIGHTS = [
    ("Queen contiguity (shared boundary or vertex)", "queen"),
    ("K nearest neighbours (geodesic distance)", "knn"),
    ("Distance band (geodesic distance)", "distance"),
]
CORRECTIONS = [
    ("Benjamini-Hochberg false discovery rate", "fdr"),
    ("Bonferroni", "bonferroni"),
    ("None", "none"),
]

HELP = (
    "Where the gaps of the secondary cities fall relative to their cores and to each other.<br>"
    "<b>Input</b>: the typology's secondary cities (with their <code>gap_&lt;indicator&gt;</code> fields) and its "
    "core cities (CORES), or any layer with mega-regions, roles (core/secondary) and indicators, whose gaps are then "
    "computed as the typology computes them (min-max performance over all members, cost indicators reversed, less "
    "the mean of the mega-region's cores).<br>"
    "<b>Distance to the core</b>: geodesic distance on the WGS84 ellipsoid between representative points to the "
    "nearest core (<code>dist_core_km</code>, <code>nearest_core</code>) and to each core; "
    "<code>borders_core</code> = 1 when the city shares a boundary point with a core.<br>"
    "<b>Gradient</b>: per mega-region and indicator, the least-squares slope of the gap on ln(distance) and "
    "Spearman's rho, each with a bootstrap interval over the secondary cities; both below 0: the gap narrows toward "
    "the core (borrowed size); both above 0: it widens toward the core (agglomeration shadow); else no clear "
    "gradient. Row ALL: the country pooled with mega-region fixed effects.<br>"
    "<b>Spatial autocorrelation</b>: global Moran's I = (n/S0) sum w_ij z_i z_j / sum z_i^2 with its permutation p, "
    "and local Moran I_i = (n-1) z_i sum_j w_ij z_j / sum z_k^2 with conditional-permutation p, corrected for "
    "multiple tests; clusters HH, LL, HL, LH or ns among the secondary cities of each mega-region. Weights: queen "
    "contiguity, K nearest neighbours or a distance band, row-standardised; cities without a neighbour are named.<br>"
    "References: Moran (1950); Anselin (1995); Meijers &amp; Burger (2017); Cardoso &amp; Meijers (2021)."
)


def _advanced(param):
    param.setFlags(param.flags() | compat.PARAMETER_ADVANCED)
    return param


class SpatialRelationsAlgorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ("numpy", "pandas", "scipy", "shapely", "pyproj")
    INPUT = "INPUT"
    CORES = "CORES"
    INDICATORS = "INDICATORS"
    COST_INDICATORS = "COST_INDICATORS"
    WEIGHTS = "WEIGHTS"
    K = "K"
    DISTANCE_BAND = "DISTANCE_BAND"
    TOLERANCE = "TOLERANCE"
    PERMUTATIONS = "PERMUTATIONS"
    BOOTSTRAP = "BOOTSTRAP"
    CONFIDENCE = "CONFIDENCE"
    ALPHA = "ALPHA"
    CORRECTION = "CORRECTION"
    SEED = "SEED"
    TRAVEL_TIME = "TRAVEL_TIME"
    MEGAREGION_FIELD = "MEGAREGION_FIELD"
    ROLE_FIELD = "ROLE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    CITY_FIELD = "CITY_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_HTML = "OUTPUT_HTML"

    ALG_ID = "spatialrelations"
    DISPLAY_NAME = "Distance to the core and spatial clusters"
    GROUP_ID = "analyse"
    GROUP = "2 Analyse"
    HELP = HELP

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Secondary cities (typology output) or prefectures with mega-regions, roles and "
                                "indicators"), [compat.SOURCE_VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CORES, self.tr("Core cities (the typology's core output), when INPUT has no cores"),
            [compat.SOURCE_VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.INDICATORS, self.tr("Indicators or their gap_ fields (empty: every gap_ field)"),
            parentLayerParameterName=self.INPUT, type=compat.FIELD_PARAMETER_NUMERIC, allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.COST_INDICATORS, self.tr("Cost indicators: less is better (when the gaps are computed)"),
            parentLayerParameterName=self.INPUT, type=compat.FIELD_PARAMETER_NUMERIC, allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTS, self.tr("Spatial weights"), options=[self.tr(w[0]) for w in WEIGHTS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.K, self.tr("K nearest neighbours"), compat.NUMBER_INTEGER, defaultValue=4, minValue=1,
            maxValue=100))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE_BAND, self.tr("Distance band (km)"), compat.NUMBER_DOUBLE, defaultValue=150.0,
            minValue=0.001))
        self.addParameter(QgsProcessingParameterField(
            self.TRAVEL_TIME, self.tr("Travel time to the core, if you have one (copied to the output)"),
            parentLayerParameterName=self.INPUT, type=compat.FIELD_PARAMETER_NUMERIC, optional=True))
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr("Contiguity tolerance (layer units; 0 = shared points only)"),
            compat.NUMBER_DOUBLE, defaultValue=0.0, minValue=0.0)))
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.PERMUTATIONS, self.tr("Permutations for Moran's I and the local Moran p-values"),
            compat.NUMBER_INTEGER, defaultValue=999, minValue=0, maxValue=99999)))
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.BOOTSTRAP, self.tr("Bootstrap resamples for the gradient intervals (0: no verdict)"),
            compat.NUMBER_INTEGER, defaultValue=999, minValue=0, maxValue=100000)))
        confidence = _advanced(QgsProcessingParameterNumber(
            self.CONFIDENCE, self.tr("Confidence of the intervals (%)"), compat.NUMBER_DOUBLE, defaultValue=95.0,
            minValue=50.0, maxValue=99.9))
        confidence.setMetadata({"widget_wrapper": {"decimals": 1}})
        self.addParameter(confidence)
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.ALPHA, self.tr("Significance level of the local clusters"), compat.NUMBER_DOUBLE, defaultValue=0.05,
            minValue=0.0001, maxValue=0.5)))
        self.addParameter(_advanced(QgsProcessingParameterEnum(
            self.CORRECTION, self.tr("Correction of the local p-values for multiple tests"),
            options=[self.tr(c[0]) for c in CORRECTIONS], defaultValue=0)))
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed (the same seed gives the same p-values and intervals)"),
            compat.NUMBER_INTEGER, defaultValue=0, minValue=0)))
        self.addParameter(_advanced(QgsProcessingParameterField(
            self.MEGAREGION_FIELD, self.tr("Mega-region field"), defaultValue="megaregion_id",
            parentLayerParameterName=self.INPUT, optional=True)))
        self.addParameter(_advanced(QgsProcessingParameterField(
            self.ROLE_FIELD, self.tr("Role field (core/secondary)"), defaultValue="role",
            parentLayerParameterName=self.INPUT, optional=True)))
        self.addParameter(_advanced(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("City name field"), defaultValue="name", parentLayerParameterName=self.INPUT,
            optional=True)))
        self.addParameter(_advanced(QgsProcessingParameterField(
            self.CITY_FIELD, self.tr("City id field, copied to the outputs"), defaultValue="adcode",
            parentLayerParameterName=self.INPUT, optional=True)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Secondary cities with distance and LISA clusters"), compat.SOURCE_VECTOR_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.tr("Gradients and Moran's I per mega-region and indicator"),
            compat.SOURCE_VECTOR, optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr("Spatial relations report"), self.tr("HTML files (*.html)"), optional=True,
            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("CITY_COUNT", self.tr("Secondary cities")))
        self.addOutput(QgsProcessingOutputNumber("ISLAND_COUNT", self.tr("Secondary cities without a neighbour")))

    # ------------------------------------------------------------------ reading
    def _frame(self, parameters, name, context, feedback, share):
        source = checked_source(self, parameters, name, context,
                                polygons_for=self.tr("contiguity and distances need the cities' polygons"))
        crs = source.sourceCrs()
        if not crs.isValid():
            raise QgsProcessingException(self.tr(
                "{input} has no CRS: geodesic distances need to know where the cities are; {advice}.").format(
                    input=named(parameters, name), advice=no_crs_advice()))
        frame, geometries = qgis_io.source_to_frame(source, feedback, progress_share=share)
        lon, lat = representative_lonlat(geometries, crs, context.transformContext())
        return source, frame, geometries, lon, lat

    def compute(self, parameters, context, feedback):
        source, frame, geometries, lon, lat = self._frame(parameters, self.INPUT, context, feedback, 0.1)
        names = source.fields().names()
        chosen = compat.parameter_as_strings(self, parameters, self.INDICATORS, context) or []
        cost = compat.parameter_as_strings(self, parameters, self.COST_INDICATORS, context) or []
        travel = self.parameterAsString(parameters, self.TRAVEL_TIME, context) or None
        check_fields(source.fields(), parameters, ((self.INDICATORS, chosen), (self.COST_INDICATORS, cost),
                                                   (self.TRAVEL_TIME, [travel])))
        gap_prefix = fields.profile_field("gap", "")
        if not chosen:
            chosen = [n for n in names if n.startswith(gap_prefix) and len(n) > len(gap_prefix)]
            if not chosen:
                raise QgsProcessingException(self.tr(
                    "INDICATORS is empty and {input} has no gap_ fields: choose the indicator fields, or give the "
                    "typology's secondary-city output.").format(input=named(parameters, self.INPUT)))
        indicators = list(dict.fromkeys(c[len(gap_prefix):] if c.startswith(gap_prefix) else c for c in chosen))
        cost = [c[len(gap_prefix):] if c.startswith(gap_prefix) else c for c in cost]
        region_field = self.parameterAsString(parameters, self.MEGAREGION_FIELD, context) or fields.MEGAREGION_ID
        role_field = self.parameterAsString(parameters, self.ROLE_FIELD, context) or fields.ROLE
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or None
        city_field = checked_city_field(self, parameters, context, names)
        if region_field not in names:
            raise QgsProcessingException(self.tr(
                "{parameter} '{field}' is not a field of {input} (fields: {fields}): run 'Assign mega-regions and "
                "core cities' first or choose the field.").format(
                    parameter=self.MEGAREGION_FIELD, field=region_field, input=named(parameters, self.INPUT),
                    fields=", ".join(names)))
        if name_field and name_field not in names:
            name_field = None
        if role_field not in names:
            # the typology's secondary-city output: every row secondary, the cores from CORES
            feedback.pushInfo(self.tr(
                "INPUT has no role field '{field}': every feature is taken as a secondary city (as in the "
                "typology's output), the cores come from CORES.").format(field=role_field))
            frame[role_field] = fields.SECONDARY
        frame = frame.copy()
        if parameters.get(self.CORES) is not None:
            _, cores, core_geoms, core_lon, core_lat = self._frame(parameters, self.CORES, context, feedback, 0.15)
            for needed in (region_field,) + ((name_field,) if name_field else ()):
                if needed not in cores.columns:
                    raise QgsProcessingException(self.tr(
                        "CORES has no field '{field}': give the typology's core output or a layer with the "
                        "mega-region and name fields of INPUT.").format(field=needed))
            cores = cores.assign(**{role_field: fields.CORE})
            frame = pd.concat([frame, cores.reindex(columns=frame.columns)], ignore_index=True)
            geometries = geometries + core_geoms
            lon, lat = list(lon) + list(core_lon), list(lat) + list(core_lat)
        members = frame[region_field].notna().to_numpy()
        skipped = int((~members).sum())
        if skipped:
            feedback.pushInfo(self.tr("{count} features with no mega-region are not members and are left out.").format(
                count=skipped))
        keep = [i for i, m in enumerate(members) if m]
        frame = frame.iloc[keep].reset_index(drop=True)
        geometries = [geometries[i] for i in keep]
        lon = [lon[i] for i in keep]
        lat = [lat[i] for i in keep]
        if frame.empty:
            raise QgsProcessingException(self.tr(
                "No feature of INPUT has a mega-region in '{field}': run 'Assign mega-regions and core cities' "
                "first.").format(field=region_field))
        lon = [float("nan") if v is None else v for v in lon]
        lat = [float("nan") if v is None else v for v in lat]
        crs = source.sourceCrs()
        if not crs.isGeographic():
            feedback.pushInfo(self.tr(
                "INPUT is in a projected CRS ({crs}): distances are measured on the WGS84 ellipsoid between the "
                "representative points transformed to longitude and latitude; the contiguity tolerance is in the "
                "layer's units.").format(crs=crs.authid() or crs.description()))
        weights = WEIGHTS[self.parameterAsEnum(parameters, self.WEIGHTS, context)][1]
        settings = dict(
            weights=weights, k=self.parameterAsInt(parameters, self.K, context),
            band_km=self.parameterAsDouble(parameters, self.DISTANCE_BAND, context),
            tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context),
            permutations=self.parameterAsInt(parameters, self.PERMUTATIONS, context),
            resamples=self.parameterAsInt(parameters, self.BOOTSTRAP, context),
            confidence=self.parameterAsDouble(parameters, self.CONFIDENCE, context) / 100.0,
            alpha=self.parameterAsDouble(parameters, self.ALPHA, context),
            correction=CORRECTIONS[self.parameterAsEnum(parameters, self.CORRECTION, context)][1],
            seed=self.parameterAsInt(parameters, self.SEED, context))
        feedback.pushInfo(self.tr(
            "{weights} weights, {permutations} permutations, {resamples} bootstrap resamples, seed {seed}.").format(
                weights=self.tr(WEIGHTS[self.parameterAsEnum(parameters, self.WEIGHTS, context)][0]),
                permutations=settings["permutations"], resamples=settings["resamples"], seed=settings["seed"]))
        feedback.setProgress(20)

        def monitor(fraction):
            feedback.setProgress(20 + 60 * fraction)
            return not feedback.isCanceled()

        shapes = qgis_io.shapely_geometries(geometries)   # contiguity and borders_core
        try:
            result = relations.spatial_relations(
                frame, indicators, lon=lon, lat=lat, geometries=shapes, megaregion_field=region_field,
                role_field=role_field, name_field=name_field, cost_indicators=cost,
                travel_time=frame[travel].to_numpy() if travel else None, city_field=city_field, monitor=monitor,
                lang=translated_language(), **settings)
        except moran.Cancelled:
            raise QgsProcessingException(self.tr("Cancelled"))
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled"))
        for note in result.notes:
            feedback.pushWarning(shown(note))
        for row in result.table.itertuples(index=False):
            if isinstance(row.pattern, str):
                feedback.pushInfo(self.tr(
                    "{region} / {indicator}: gradient {gradient:.4f}, rho {rho:.3f}, {pattern}; Moran's I {moran}.").format(
                        region=row.megaregion_id, indicator=row.indicator, gradient=row.gradient, rho=row.rho,
                        pattern=report_spatial.PATTERN_WORDS[translated_language()][row.pattern],
                        moran="%.4f (p %.4f)" % (row.moran_i, row.moran_p) if row.moran_i == row.moran_i else "-"))

        cities = result.cities
        if city_field:
            cities.insert(0, city_field, frame.loc[cities.index, city_field].to_numpy())
        html = report_spatial.spatial_report_html(result, lang=translated_language())
        results = {"CITY_COUNT": len(cities),
                   "ISLAND_COUNT": int((cities["n_neighbours"] == 0).sum())}
        sink_fields = qgis_io.frame_fields(cities)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, sink_fields, source.wkbType(),
                                          source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        qgis_io.write_frame(sink, cities, [geometries[i] for i in cities.index], feedback, 80, 90)
        results[self.OUTPUT] = dest
        lisa_field = fields.spatial_field("lisa", result.indicators[0])
        self.style_output(dest, lambda layer: lisa_renderer(layer, lisa_field, translated_language()))
        if parameters.get(self.OUTPUT_TABLE) is not None:
            table = result.table
            sink, table_id = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context,
                                                  qgis_io.frame_fields(table), compat.WKB_NO_GEOMETRY)
            if sink is not None:
                qgis_io.write_frame(sink, table, None, feedback, 90, 95)
                results[self.OUTPUT_TABLE] = table_id
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with self.output_file(html_path) as handle:
                handle.write(html)
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

