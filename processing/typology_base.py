"""The machinery shared by ``megaregion:typology`` and ``megaregion:trend``: parameters,
reading the member features, writing and styling the outputs. The science is in
:mod:`megaregion.core.typology`; the output tables in :mod:`megaregion.core.typology_tables`."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import report_typology
from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .deps import lazy_import
from .i18n import shown, tr, translated_language
from .input_checks import CheckedInputs, checked_city_field, checked_source, crs_missing, named, no_crs, no_crs_advice
from .styling import graduated_renderer
from .styling_types import type_renderer

kmeans_typology = lazy_import("..core.kmeans_typology", __package__)
report_texts = lazy_import("..core.report_texts", __package__)
stability = lazy_import("..core.stability", __package__)
tables = lazy_import("..core.typology_tables", __package__)
typology = lazy_import("..core.typology", __package__)
typology_indicators = lazy_import("..core.typology_indicators", __package__)

# POOL options: (label, core pool, keep features without a mega-region in the pool)
POOLS = [
    ("Members of all mega-regions together (dissertation)", "all", False),
    ("Each mega-region's members separately", "megaregion", False),
    ("Every feature of the input, member or not", "all", True),
]
WEIGHTINGS = [("Equal weights", "equal"), ("Entropy weights", "entropy"), ("No composite", None)]


#: How K was chosen (the core's word), as the log says it.
K_CHOSEN_BY = {"fixed": "fixed", "silhouette": "silhouette"}
#: The heading of the cities left out, by typology kind (the core's summary is English).
LEFT_OUT = {"gap": "{count} secondary cities left out of the gap typology (see excluded_reason):",
            "trend": "{count} secondary cities left out of the trend typology (see excluded_reason):"}


def _core_default(module, name):
    """A parameter default defined in ``core/``; ``None`` when the packages ``core/`` needs are
    missing, so the parameters can still be listed (the algorithm then refuses to run)."""
    try:
        return getattr(module, name)
    except ImportError:
        return None


def _advanced(param):
    param.setFlags(param.flags() | compat.PARAMETER_ADVANCED)
    return param


def representative_lonlat(geometries, crs, transform_context):
    """Longitude and latitude (EPSG:4326) of a point on the surface of every geometry (None
    for a null geometry or a point that cannot be transformed), as two lists."""
    if crs_missing(crs):  # missing, or a GeoPackage's undefined SRS: no distance can be measured
        raise ValueError(tr("INPUT has {crs}, so the nearest core cannot be found by geodesic distance: {advice}; or "
                            "choose another CORE_REFERENCE").format(crs=no_crs(crs), advice=no_crs_advice()))
    transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), transform_context)
    lon = [None] * len(geometries)
    lat = [None] * len(geometries)
    for i, g in enumerate(geometries):
        if g is None or g.isNull() or g.isEmpty():
            continue
        point = g.pointOnSurface()
        if point.isNull():
            continue
        try:
            point.transform(transform)
        except QgsCsException:
            continue
        p = point.asPoint()
        lon[i], lat[i] = p.x(), p.y()
    return lon, lat


class TypologyBase(CheckedInputs, MegaregionAlgorithm):
    """Parameters, reading, outputs and styling shared by the gap and the trend typology.
    Subclasses set ``KIND`` and implement ``_add_method_parameters`` and ``_run_core``."""
    REQUIRES = ("numpy", "pandas", "pyproj")

    INPUT = "INPUT"
    INDICATORS = "INDICATORS"
    COST_INDICATORS = "COST_INDICATORS"
    NEUTRAL_INDICATORS = "NEUTRAL_INDICATORS"
    DIMENSIONS = "DIMENSIONS"
    POOL = "POOL"
    K = "K"
    K_MAX = "K_MAX"
    WEIGHTING = "WEIGHTING"
    MEGAREGION_FIELD = "MEGAREGION_FIELD"
    ROLE_FIELD = "ROLE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    CITY_FIELD = "CITY_FIELD"
    SEED = "SEED"
    N_INIT = "N_INIT"
    STABILITY_RESAMPLES = "STABILITY_RESAMPLES"
    OUTPUT = "OUTPUT"
    OUTPUT_CORES = "OUTPUT_CORES"
    OUTPUT_PROFILES = "OUTPUT_PROFILES"
    OUTPUT_HTML = "OUTPUT_HTML"

    GROUP_ID = "analyse"
    GROUP = "2 Analyse"
    KIND = "gap"
    INDICATORS_LABEL = "Indicators"
    OUTPUT_LABELS = ("Secondary cities by type", "Core cities with their performance", "Type profiles",
                     "Typology report")
    REPORT_TITLE = "Typology of secondary cities"

    # ------------------------------------------------------------------ parameters
    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Prefectures with mega-regions, roles and indicators"), [compat.SOURCE_VECTOR]))
        self.addParameter(QgsProcessingParameterField(
            self.INDICATORS, self.tr(self.INDICATORS_LABEL), parentLayerParameterName=self.INPUT,
            type=compat.FIELD_PARAMETER_NUMERIC, allowMultiple=True))
        self.addParameter(QgsProcessingParameterField(
            self.COST_INDICATORS, self.tr("Cost indicators: less is better"),
            parentLayerParameterName=self.INPUT, type=compat.FIELD_PARAMETER_NUMERIC, allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NEUTRAL_INDICATORS, self.tr("Neutral indicators: neither more nor less is better, left out"),
            parentLayerParameterName=self.INPUT, type=compat.FIELD_PARAMETER_NUMERIC, allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DIMENSIONS, self.tr("Dimensions, e.g. POP=urban size;GDP=urban size"),
            defaultValue="", multiLine=True, optional=True))
        self._add_method_parameters()
        self.addParameter(QgsProcessingParameterEnum(
            self.POOL, self.tr("Pool of the min-max performance"), options=[self.tr(p[0]) for p in POOLS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.K, self.tr("Number of types K (0 = choose by silhouette)"), compat.NUMBER_INTEGER,
            defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.K_MAX, self.tr("Largest K tried by the silhouette"), compat.NUMBER_INTEGER,
            defaultValue=_core_default(kmeans_typology, "DEFAULT_K_MAX"), minValue=2))
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTING, self.tr("Weights of the composite TOPSIS score"), options=[self.tr(w[0]) for w in WEIGHTINGS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.MEGAREGION_FIELD, self.tr("Mega-region field"), defaultValue=_core_default(typology, "MEGAREGION_FIELD"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ROLE_FIELD, self.tr("Role field (core/secondary)"), defaultValue=_core_default(typology, "ROLE_FIELD"),
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("City name field"), defaultValue="name",
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(_advanced(QgsProcessingParameterField(
            self.CITY_FIELD, self.tr("City id field, copied to the outputs (one row per mega-region and city)"),
            defaultValue="adcode", parentLayerParameterName=self.INPUT, optional=True)))
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.SEED, self.tr("K-means random seed"), compat.NUMBER_INTEGER,
            defaultValue=_core_default(kmeans_typology, "DEFAULT_SEED"), minValue=0)))
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.N_INIT, self.tr("K-means initialisations"), compat.NUMBER_INTEGER,
            defaultValue=_core_default(kmeans_typology, "DEFAULT_N_INIT"), minValue=1, maxValue=10000)))
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.STABILITY_RESAMPLES, self.tr("Resamples of the type stability (0 = off)"), compat.NUMBER_INTEGER,
            defaultValue=_core_default(stability, "DEFAULT_RESAMPLES"), minValue=0,
            maxValue=_core_default(stability, "MAX_RESAMPLES") or 10000)))
        cities, cores, profiles, report = self.OUTPUT_LABELS
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr(cities), compat.SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_CORES, self.tr(cores), compat.SOURCE_VECTOR, optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PROFILES, self.tr(profiles), compat.SOURCE_VECTOR, optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.tr(report), self.tr("HTML files (*.html)"), optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("K_CHOSEN", self.tr("Number of types")))
        self.addOutput(QgsProcessingOutputNumber("MEAN_SILHOUETTE", self.tr("Mean silhouette")))
        self.addOutput(QgsProcessingOutputNumber("TYPED_COUNT", self.tr("Secondary cities typed")))
        self.addOutput(QgsProcessingOutputNumber("EXCLUDED_COUNT", self.tr("Secondary cities left out")))

    def _add_method_parameters(self):
        raise NotImplementedError

    def value_problem(self, parameters):
        value = parameters.get(self.K)
        try:
            k = int(float(value))
        except (TypeError, ValueError):
            return None
        if k < 0 or k == 1:
            return self.tr("K = {k}: choose a number of types from 2 to the number of secondary cities (less one), "
                           "or 0 to let the silhouette choose K.").format(k=k)
        return None

    # ------------------------------------------------------------------ reading
    def _read(self, parameters, context, feedback):
        """Settings and the member features as ``(settings, frame, geometries)``."""
        source = checked_source(self, parameters, self.INPUT, context,
                                what=self.tr("the prefectures with mega-regions, roles and indicators"))
        names = source.fields().names()
        indicators = compat.parameter_as_strings(self, parameters, self.INDICATORS, context)
        if not indicators:
            raise QgsProcessingException(self.tr("INDICATORS is empty: choose at least one numeric field."))
        cost = compat.parameter_as_strings(self, parameters, self.COST_INDICATORS, context) or []
        neutral = compat.parameter_as_strings(self, parameters, self.NEUTRAL_INDICATORS, context) or []
        for label, fields in ((self.INDICATORS, indicators), (self.COST_INDICATORS, cost),
                              (self.NEUTRAL_INDICATORS, neutral)):
            missing = [f for f in fields if f not in names]
            if missing:
                raise QgsProcessingException(self.tr(
                    "{parameter} {missing} not in INPUT (fields: {fields}): choose fields of the input layer.").format(
                        parameter=label, missing=", ".join(repr(f) for f in missing), fields=", ".join(names)))
        region_field = self.parameterAsString(parameters, self.MEGAREGION_FIELD, context) or typology.MEGAREGION_FIELD
        role_field = self.parameterAsString(parameters, self.ROLE_FIELD, context) or typology.ROLE_FIELD
        for label, field in ((self.MEGAREGION_FIELD, region_field), (self.ROLE_FIELD, role_field)):
            if field not in names:
                raise QgsProcessingException(self.tr(
                    "{parameter} '{field}' is not a field of {input} (fields: {fields}): run 'Assign mega-regions "
                    "and core cities' first or choose the field.").format(
                        parameter=label, field=field, input=named(parameters, self.INPUT), fields=", ".join(names)))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or None
        if name_field and name_field not in names:
            feedback.pushInfo(self.tr(
                "NAME_FIELD '{field}' is not in INPUT: cities are named by their feature order.").format(
                    field=name_field))
            name_field = None
        city_field = checked_city_field(self, parameters, context, names)
        pool_label, pool, keep_others = POOLS[self.parameterAsEnum(parameters, self.POOL, context)]
        settings = dict(
            source=source, indicators=indicators, cost=cost, neutral=neutral, region_field=region_field,
            role_field=role_field,
            name_field=name_field, city_field=city_field, pool=pool,
            dimensions_text=self.parameterAsString(parameters, self.DIMENSIONS, context),
            k=self.parameterAsInt(parameters, self.K, context) or None,
            k_max=self.parameterAsInt(parameters, self.K_MAX, context),
            weighting=WEIGHTINGS[self.parameterAsEnum(parameters, self.WEIGHTING, context)][1],
            seed=self.parameterAsInt(parameters, self.SEED, context),
            n_init=self.parameterAsInt(parameters, self.N_INIT, context),
            stability_resamples=self.parameterAsInt(parameters, self.STABILITY_RESAMPLES, context),
        )
        settings.update(self._read_method(parameters, context, names))

        frame, geometries = qgis_io.source_to_frame(source, feedback, progress_share=0.2)
        member = tables.member_mask(frame[region_field])
        if not member.any():
            raise QgsProcessingException(self.tr(
                "No feature of INPUT has a mega-region in '{field}': run 'Assign mega-regions and core cities' "
                "first.").format(field=region_field))
        others = int((~member).sum())
        if others and keep_others:
            feedback.pushInfo(self.tr(
                "{count} features with no mega-region are not members: not typed, but in the pool ({pool}).").format(
                    count=others, pool=self.tr(pool_label)))
        elif others:
            feedback.pushInfo(self.tr(
                "{count} features with no mega-region are not members and are left out.").format(count=others))
            frame = frame[member].reset_index(drop=True)
            geometries = [g for g, keep in zip(geometries, member) if keep]
        return settings, frame, geometries

    def _read_method(self, parameters, context, names):
        return {}

    @staticmethod
    def _direction_hints(indicators, cost, neutral, feedback):
        for hint in typology_indicators.direction_hints(indicators, cost, neutral):
            feedback.pushInfo(shown(hint))

    # ------------------------------------------------------------------ computing
    def _run_core(self, settings, frame, geometries, context, feedback):
        """``(TypologyResult, composite DataFrame or None)``."""
        raise NotImplementedError

    def compute(self, parameters, context, feedback):
        settings, frame, geometries = self._read(parameters, context, feedback)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled"))
        result, composite = self._run_core(settings, frame, geometries, context, feedback)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled"))
        feedback.setProgress(60)
        self._push_messages(result, feedback)
        for row in result.silhouette_by_k.itertuples():
            feedback.pushInfo(self.tr("K = {k}: mean silhouette {silhouette:.4f}, within SS {within:.4f}").format(
                k=int(row.k), silhouette=row.mean_silhouette, within=row.within_ss))
        feedback.pushInfo(self.tr(
            "K = {k} ({chosen_by}); {typed} secondary cities typed, {excluded} left out; mean silhouette "
            "{silhouette:.4f}.").format(k=result.k, chosen_by=self._chosen_by(result.k_chosen_by),
                                        typed=len(result.cities), excluded=len(result.excluded),
                                        silhouette=result.mean_silhouette))
        labels = tables.type_labels(result, translated_language())
        for (letter, label), description in zip(labels, result.types["description"]):
            feedback.pushInfo(label + ". " + description)  # the type's letter and the core's description
        resamples = result.settings.get("stability_resamples")
        if resamples:
            values = ", ".join(f"{t} {v:.2f}" for t, v in result.types["stability"].items() if v == v)
            feedback.pushInfo(self.tr(
                "Stability (mean Jaccard similarity over {resamples} resamples of the secondary cities; under "
                "{unstable:g} = unstable): {values}.").format(
                    resamples=resamples, unstable=stability.UNSTABLE_BELOW, values=values))

        # Every table is built before any output is opened, so a failure leaves no file.
        cities = tables.city_table(result, frame, composite, settings["city_field"], labels)
        cores = tables.core_table(result, frame, composite, settings["city_field"])
        profiles = tables.profile_table(result, labels)
        html = report_typology.typology_report_html(result, title=self.REPORT_TITLE, lang=translated_language())
        source = settings["source"]

        results = {"K_CHOSEN": result.k, "MEAN_SILHOUETTE": float(result.mean_silhouette),
                   "TYPED_COUNT": len(result.cities), "EXCLUDED_COUNT": len(result.excluded)}
        dest = self._write(parameters, self.OUTPUT, context, feedback, cities, geometries, source, 65, 80)
        results[self.OUTPUT] = dest
        self.style_output(dest, lambda layer: type_renderer(layer.geometryType(), "type", labels))
        if parameters.get(self.OUTPUT_CORES) is not None:
            dest = self._write(parameters, self.OUTPUT_CORES, context, feedback, cores, geometries, source, 80, 90)
            if dest is not None:
                results[self.OUTPUT_CORES] = dest
                graduated = tables.core_style_field(cores, self.KIND)
                if graduated:
                    self.style_output(dest, lambda layer: graduated_renderer(layer, graduated, ramp_name="Blues"))
        if parameters.get(self.OUTPUT_PROFILES) is not None:
            dest = self._write(parameters, self.OUTPUT_PROFILES, context, feedback, profiles, None, source, 90, 95)
            if dest is not None:
                results[self.OUTPUT_PROFILES] = dest
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with self.output_file(html_path) as handle:
                handle.write(html)
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    def _chosen_by(self, word):
        return self.tr(K_CHOSEN_BY[word]) if word in K_CHOSEN_BY else word

    @staticmethod
    def _push_messages(result, feedback):
        """Core messages as warnings; the cities left out grouped by reason, every one named
        (the core's own summary names only the first few)."""
        summary = f"{len(result.excluded)} secondary cities left out of the {result.kind} typology"
        for message in result.messages:
            if not message.startswith(summary):
                feedback.pushWarning(shown(message))
        if len(result.excluded):
            # the core's summary (English) is matched above; the one shown follows the interface
            feedback.pushWarning(tr(LEFT_OUT[result.kind]).format(count=len(result.excluded)))
            for reason, group in result.excluded.groupby("reason", sort=False):
                cities = ", ".join(f"{n} ({m})" for m, n in zip(group["megaregion_id"], group["name"]))
                reason = report_texts.translate_note(reason, translated_language())
                feedback.pushWarning("  " + reason + ": " + cities)  # the core's reason, the cities by name

    # ------------------------------------------------------------------ output
    def _write(self, parameters, name, context, feedback, table, geometries, source, start, end):
        fields = qgis_io.frame_fields(table)
        if geometries is None:
            sink, dest = self.parameterAsSink(parameters, name, context, fields, compat.WKB_NO_GEOMETRY)
        else:
            sink, dest = self.parameterAsSink(parameters, name, context, fields, source.wkbType(), source.sourceCrs())
        if sink is None:
            if name == self.OUTPUT:
                raise QgsProcessingException(self.invalidSinkError(parameters, name))
            return None
        rows = None if geometries is None else [geometries[i] for i in table.index]
        qgis_io.write_frame(sink, table, rows, feedback, start, end)
        return dest
