"""``megaregion:typology``: types of secondary cities by their gap to the cores, and the
machinery shared with ``megaregion:trend`` (:mod:`.trend`)."""
import functools
import math
import re

import numpy as np
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
from .input_checks import CheckedInputs, checked_source, named
from .deps import lazy_import
from .styling import graduated_renderer
from .styling_types import type_renderer

kmeans_typology = lazy_import("..core.kmeans_typology", __package__)
typology = lazy_import("..core.typology", __package__)

_YEAR_SUFFIX = re.compile(r"^(?P<name>.+?)_(?P<year>\d{4})$")

# POOL options: (label, core pool, keep features without a mega-region in the pool)
POOLS = [
    ("Members of all mega-regions together (dissertation)", "all", False),
    ("Each mega-region's members separately", "megaregion", False),
    ("Every feature of the input, member or not", "all", True),
]
WEIGHTINGS = [("Equal weights", "equal"), ("Entropy weights", "entropy"), ("No composite", None)]
CORE_REFERENCES = [
    ("Mean of the mega-region's cores", "mean"),
    ("Nearest core (geodesic distance between representative points)", "nearest"),
    ("Best core per indicator", "best"),
]

COMMON_HELP = (
    "<b>Input</b>: prefectures with a mega-region field and a role field (core/secondary), as written by "
    "'Assign mega-regions and core cities' and 'Join indicator tables' (a city in two mega-regions has one "
    "feature per membership and is typed once per membership). Features without a mega-region are not "
    "members: they are not typed and, unless POOL says otherwise, not in the pool.\n"
    "<b>Cost indicators</b> (less is better, e.g. PM2.5) must also be among the indicators.\n"
    "<b>Dimensions</b> (optional): 'indicator=dimension' pairs separated by ';' or new lines, e.g. "
    "'POP=urban size;GDP=urban size;PAT=innovation'. A name matches an indicator field or its name without "
    "the _&lt;year&gt; suffix. Indicators not named get the dissertation's dimension when their name is one "
    "of its 18 indicators (POP, GDP, BUILT: urban size; NTL, LIB, INSUR: social vitality; PAT, WOS, EXP: "
    "innovation; PRI, SEC, TER: industrial structure; INFRA, INFOR, FINA: regional embeddedness; PM2.5, NDVI, "
    "CARB: green transformation), otherwise they are their own dimension. A dimension's value is the mean "
    "over its indicators.\n\n"
    "<b>Performance</b> (per-indicator TOPSIS): with one criterion TOPSIS is exactly min-max scaling over "
    "the pool, (x &minus; min)/(max &minus; min), or (max &minus; x)/(max &minus; min) for a cost indicator. "
    "POOL: all members together (default, as in the dissertation), each mega-region separately, or every "
    "feature of the input. An indicator constant over a pool is dropped with a warning.\n"
)

CLUSTER_HELP = (
    "<b>Types</b>: K-means (k-means++, fixed SEED, N_INIT initialisations; the same input gives the same "
    "types whatever the feature order) on the matrix of the secondary cities. K = 0 chooses K by the mean "
    "silhouette over K = 2..K_MAX (K_MAX lowered to n &minus; 1 when needed; ties to the smaller K); "
    "silhouette s<sub>i</sub> = (b<sub>i</sub> &minus; a<sub>i</sub>)/max(a<sub>i</sub>, b<sub>i</sub>), "
    "a<sub>i</sub> the mean distance to the own type, b<sub>i</sub> to the nearest other type. A fixed "
    "K needs at least K + 1 cities. Types are lettered A, B, C ... by descending mean of the type centre "
    "over the indicators, and described from their profile per dimension. Cities with a NULL value are "
    "left out with the reason (warnings and the excluded_reason field).\n"
    "<b>Composite</b> (WEIGHTING): the classical multi-criteria TOPSIS score per dimension and overall "
    "(vector normalisation, equal or entropy weights, C = D&minus; / (D+ + D&minus;)), fields topsis_*.\n\n"
)

OUTPUT_HELP = (
    "<b>Outputs</b>: the secondary cities with their geometry, perf_* (performance), the profile per "
    "indicator and dim_* per dimension, type, type_label, type_description, silhouette, pca_x/pca_y (the "
    "first two principal components of the profile matrix, each signed so its largest loading is positive) "
    "and excluded_reason for cities left out; styled by type with one fixed colour per letter (a "
    "GeoPackage output stores the style as its default). The core cities with their performance. The type "
    "profile table: size, centre per indicator and per dimension, mean silhouette, within and between sums "
    "of squares. An HTML report with the silhouette by K, the PCA scatter, profile heatmaps and the cities "
    "per type and mega-region."
)


# ------------------------------------------------------------------------------- helpers

def base_name(name):
    """``"popu_2020"`` -> ``"popu"``; a name without a 4-digit year suffix is returned unchanged."""
    m = _YEAR_SUFFIX.match(str(name))
    return m.group("name") if m else str(name)


def _dissertation_key(name):
    return re.sub(r"[^0-9A-Za-z]", "", base_name(name)).upper()


@functools.lru_cache(maxsize=None)
def _dissertation():
    """``({key: dimension}, {key: cost indicator})`` of the dissertation's indicators."""
    return ({_dissertation_key(k): v for k, v in typology.DISSERTATION_DIMENSIONS.items()},
            {_dissertation_key(k): k for k in typology.DISSERTATION_COST_INDICATORS})


def _core_default(module, name):
    """A parameter default defined in ``core/``; ``None`` when the packages ``core/`` needs are
    missing, so the parameters can still be listed (the algorithm then refuses to run)."""
    try:
        return getattr(module, name)
    except ImportError:
        return None


def default_dimensions(indicators):
    """The dissertation's dimension for indicators named like its 18 indicators (POP, PM2.5,
    pm25_2020 ...), otherwise each indicator its own dimension."""
    return {i: _dissertation()[0].get(_dissertation_key(i), i) for i in indicators}


def parse_dimensions(text, indicators):
    """``{indicator: dimension}`` for every indicator, from DIMENSIONS text
    ``"POP=urban size;GDP=urban size"`` (';' or new lines between pairs) over the defaults
    of :func:`default_dimensions`. A name matches an indicator when equal to it or to its
    name without the year suffix (case-insensitive), so ``popu`` names ``popu_2020``."""
    dims = default_dimensions(indicators)
    if not text or not str(text).strip():
        return dims
    given = {}
    for entry in re.split(r"[;\n]+", str(text)):
        if not entry.strip():
            continue
        if "=" not in entry:
            raise ValueError(
                f"DIMENSIONS entry {entry.strip()!r} has no '=': write indicator=dimension pairs separated by ';', "
                "e.g. 'POP=urban size;PAT=innovation'"
            )
        key, dimension = (part.strip() for part in entry.split("=", 1))
        if not key or not dimension:
            raise ValueError(f"DIMENSIONS entry {entry.strip()!r} needs both an indicator and a dimension")
        wanted = {key.casefold(), base_name(key).casefold()}
        matched = [i for i in indicators if {i.casefold(), base_name(i).casefold()} & wanted]
        if not matched:
            raise ValueError(
                f"DIMENSIONS names {key!r}, which is not one of the indicators ({', '.join(indicators)}): "
                "correct the name or add the field to INDICATORS"
            )
        for i in matched:
            if i in given and given[i] != dimension:
                raise ValueError(f"DIMENSIONS gives indicator {i!r} two dimensions: {given[i]!r} and {dimension!r}")
            given[i] = dimension
    dims.update(given)
    return dims


def short_label(kind, letter, size, rank, k):
    """The legend text of a type: ``"A — closest to the cores (12 cities)"``; the full
    description with the numbers is in ``type_description``."""
    noun = "city" if size == 1 else "cities"
    if kind == "gap":
        position = ("closest to the cores" if rank == 0 else "furthest behind the cores" if rank == k - 1
                    else f"rank {rank + 1} of {k} by gap")
    else:
        position = ("most improved" if rank == 0 else "least improved" if rank == k - 1
                    else f"rank {rank + 1} of {k} by change")
    return f"{letter} — {position} ({size} {noun})"


def type_labels(result):
    """``[(letter, short label), ...]`` in type order."""
    return [(t, short_label(result.kind, t, int(row["size"]), rank, result.k))
            for rank, (t, row) in enumerate(result.types.iterrows())]


def representative_lonlat(geometries, crs, transform_context):
    """Longitude and latitude (EPSG:4326) of a point on the surface of every geometry (NaN
    for a null geometry or a point that cannot be transformed)."""
    if not crs.isValid():
        raise ValueError("INPUT has no valid CRS: set the layer's CRS so the nearest core can be found "
                         "by geodesic distance, or choose another CORE_REFERENCE")
    transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), transform_context)
    lon = np.full(len(geometries), np.nan)
    lat = np.full(len(geometries), np.nan)
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


def _blank(value):
    """NULL, NaN or an empty text: no mega-region."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return isinstance(value, str) and not value.strip()


def _advanced(param):
    param.setFlags(param.flags() | compat.PARAMETER_ADVANCED)
    return param


# ------------------------------------------------------------------------------- base

class TypologyBase(CheckedInputs, MegaregionAlgorithm):
    """Parameters, reading, outputs and styling shared by the gap and the trend typology.
    Subclasses set ``KIND`` and implement ``_add_method_parameters`` and ``_run_core``."""
    REQUIRES = ("numpy", "pandas", "pyproj")

    INPUT = "INPUT"
    INDICATORS = "INDICATORS"
    COST_INDICATORS = "COST_INDICATORS"
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
            self.COST_INDICATORS, self.tr("Cost indicators: less is better (optional)"),
            parentLayerParameterName=self.INPUT, type=compat.FIELD_PARAMETER_NUMERIC, allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DIMENSIONS, self.tr("Dimensions, e.g. POP=urban size;GDP=urban size (optional)"),
            defaultValue="", multiLine=True, optional=True))
        self._add_method_parameters()
        self.addParameter(QgsProcessingParameterEnum(
            self.POOL, self.tr("Pool of the min-max performance"), options=[p[0] for p in POOLS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.K, self.tr("Number of types K (0 = choose by silhouette)"), compat.NUMBER_INTEGER,
            defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.K_MAX, self.tr("Largest K tried by the silhouette"), compat.NUMBER_INTEGER,
            defaultValue=_core_default(kmeans_typology, "DEFAULT_K_MAX"), minValue=2))
        self.addParameter(QgsProcessingParameterEnum(
            self.WEIGHTING, self.tr("Weights of the composite TOPSIS score"), options=[w[0] for w in WEIGHTINGS],
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
            return (f"K = {k}: choose a number of types from 2 to the number of secondary cities (less one), or 0 "
                    "to let the silhouette choose K.")
        return None

    # ------------------------------------------------------------------ reading
    def _read(self, parameters, context, feedback):
        """Settings and the member features as ``(settings, frame, geometries)``."""
        source = checked_source(self, parameters, self.INPUT, context,
                                what="the prefectures with mega-regions, roles and indicators")
        names = source.fields().names()
        indicators = compat.parameter_as_strings(self, parameters, self.INDICATORS, context)
        if not indicators:
            raise QgsProcessingException("INDICATORS is empty: choose at least one numeric field.")
        cost = compat.parameter_as_strings(self, parameters, self.COST_INDICATORS, context) or []
        for label, fields in ((self.INDICATORS, indicators), (self.COST_INDICATORS, cost)):
            missing = [f for f in fields if f not in names]
            if missing:
                raise QgsProcessingException(
                    f"{label} {', '.join(repr(f) for f in missing)} not in INPUT (fields: {', '.join(names)}): "
                    "choose fields of the input layer.")
        region_field = self.parameterAsString(parameters, self.MEGAREGION_FIELD, context) or typology.MEGAREGION_FIELD
        role_field = self.parameterAsString(parameters, self.ROLE_FIELD, context) or typology.ROLE_FIELD
        for label, field in ((self.MEGAREGION_FIELD, region_field), (self.ROLE_FIELD, role_field)):
            if field not in names:
                raise QgsProcessingException(
                    f"{label} '{field}' is not a field of {named(parameters, self.INPUT)} (fields: {', '.join(names)}): "
                    "run 'Assign mega-regions and core cities' first or choose the field.")
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or None
        if name_field and name_field not in names:
            feedback.pushInfo(f"NAME_FIELD '{name_field}' is not in INPUT: cities are named by their feature order.")
            name_field = None
        city_field = self.parameterAsString(parameters, self.CITY_FIELD, context) or None
        if city_field and city_field not in names:
            city_field = None
        pool_label, pool, keep_others = POOLS[self.parameterAsEnum(parameters, self.POOL, context)]
        settings = dict(
            source=source, indicators=indicators, cost=cost, region_field=region_field, role_field=role_field,
            name_field=name_field, city_field=city_field, pool=pool,
            dimensions_text=self.parameterAsString(parameters, self.DIMENSIONS, context),
            k=self.parameterAsInt(parameters, self.K, context) or None,
            k_max=self.parameterAsInt(parameters, self.K_MAX, context),
            weighting=WEIGHTINGS[self.parameterAsEnum(parameters, self.WEIGHTING, context)][1],
            seed=self.parameterAsInt(parameters, self.SEED, context),
            n_init=self.parameterAsInt(parameters, self.N_INIT, context),
        )
        settings.update(self._read_method(parameters, context, names))

        frame, geometries = qgis_io.source_to_frame(source, feedback, progress_share=0.2)
        member = np.array([not _blank(v) for v in frame[region_field]], dtype=bool)
        if not member.any():
            raise QgsProcessingException(
                f"No feature of INPUT has a mega-region in '{region_field}': run 'Assign mega-regions and core "
                "cities' first.")
        others = int((~member).sum())
        if others and keep_others:
            feedback.pushInfo(f"{others} features with no mega-region are not members: not typed, but in the pool "
                              f"({pool_label}).")
        elif others:
            feedback.pushInfo(f"{others} features with no mega-region are not members and are left out.")
            frame = frame[member].reset_index(drop=True)
            geometries = [g for g, keep in zip(geometries, member) if keep]
        return settings, frame, geometries

    def _read_method(self, parameters, context, names):
        return {}

    def _cost_hint(self, indicators, cost, feedback):
        marked = {_dissertation_key(c) for c in cost}
        for i in indicators:
            key = _dissertation_key(i)
            if key in _dissertation()[1] and key not in marked:
                feedback.pushInfo(f"'{i}' is a cost indicator (less is better) in the dissertation; "
                                  "add it to COST_INDICATORS if that holds for your data.")

    def _names(self, frame, name_field):
        if name_field is None:
            return [str(i) for i in frame.index]
        return [str(v) for v in frame[name_field]]

    # ------------------------------------------------------------------ computing
    def _run_core(self, settings, frame, geometries, context, feedback):
        """``(TypologyResult, composite DataFrame or None)``."""
        raise NotImplementedError

    def compute(self, parameters, context, feedback):
        settings, frame, geometries = self._read(parameters, context, feedback)
        if feedback.isCanceled():
            raise QgsProcessingException("Cancelled")
        result, composite = self._run_core(settings, frame, geometries, context, feedback)
        if feedback.isCanceled():
            raise QgsProcessingException("Cancelled")
        feedback.setProgress(60)
        self._push_messages(result, feedback)
        for row in result.silhouette_by_k.itertuples():
            feedback.pushInfo(f"K = {int(row.k)}: mean silhouette {row.mean_silhouette:.4f}, "
                              f"within SS {row.within_ss:.4f}")
        feedback.pushInfo(f"K = {result.k} ({result.k_chosen_by}); {len(result.cities)} secondary cities typed, "
                          f"{len(result.excluded)} left out; mean silhouette {result.mean_silhouette:.4f}.")
        labels = type_labels(result)
        for (letter, label), description in zip(labels, result.types["description"]):
            feedback.pushInfo(f"{label}. {description}")

        # Every table is built before any output is opened, so a failure leaves no file.
        cities = self._city_table(result, frame, composite, settings["city_field"], labels)
        cores = self._core_table(result, frame, composite, settings["city_field"])
        profiles = self._profile_table(result, labels)
        html = report_typology.typology_report_html(result, title=self.REPORT_TITLE)
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
                graduated = self._core_style_field(cores)
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

    @staticmethod
    def _push_messages(result, feedback):
        """Core messages as warnings; the cities left out grouped by reason, every one named
        (the core's own summary names only the first few)."""
        summary = f"{len(result.excluded)} secondary cities left out of the {result.kind} typology"
        for message in result.messages:
            if not message.startswith(summary):
                feedback.pushWarning(message)
        if len(result.excluded):
            feedback.pushWarning(summary + " (see excluded_reason):")
            for reason, group in result.excluded.groupby("reason", sort=False):
                cities = ", ".join(f"{n} ({m})" for m, n in zip(group["megaregion_id"], group["name"]))
                feedback.pushWarning(f"  {reason}: {cities}")

    # ------------------------------------------------------------------ output tables
    @staticmethod
    def _composite_columns(composite):
        return {} if composite is None else {f"topsis_{typology.slug(c)}": composite[c] for c in composite.columns}

    def _city_table(self, result, frame, composite, city_field, labels):
        """Every secondary member row, typed or left out, in input order."""
        index = sorted(set(result.cities.index) | set(result.excluded.index))
        table = result.secondary_table().reindex(index)
        left_out = result.excluded.index
        for col in ("megaregion_id", "name"):
            table.loc[left_out, col] = result.excluded[col]
        for col in result.performance.columns:
            table[f"perf_{col}"] = result.performance.loc[index, col]
        label_of = dict(labels)
        table.insert(table.columns.get_loc("type") + 1, "type_label",
                     [label_of.get(t) if isinstance(t, str) else None for t in table["type"]])
        for name, values in self._composite_columns(composite).items():
            table[name] = values.loc[index]
        # object dtype keeps the field a text field even when no city is left out
        table["excluded_reason"] = result.excluded["reason"].reindex(index).astype(object)
        return self._with_city_id(table, frame, city_field)

    def _core_table(self, result, frame, composite, city_field):
        table = result.core_table()
        for name, values in self._composite_columns(composite).items():
            table[name] = values.loc[table.index]
        return self._with_city_id(table, frame, city_field)

    @staticmethod
    def _with_city_id(table, frame, city_field):
        if city_field and city_field not in table.columns:
            table.insert(0, city_field, frame.loc[table.index, city_field].to_numpy())
        return table

    @staticmethod
    def _profile_table(result, labels):
        table = result.type_table().reset_index()
        table.insert(1, "label", [label for _, label in labels])
        silhouette = result.cities.groupby("type")["silhouette"].mean()
        table.insert(table.columns.get_loc("mean") + 1, "mean_silhouette",
                     [float(silhouette.get(t, math.nan)) for t in table["type"]])
        return table

    @staticmethod
    def _core_style_field(cores):
        """The field of the graduated core map: the overall composite, else the last performance."""
        if "topsis_overall" in cores.columns:
            return "topsis_overall"
        perf = [c for c in cores.columns if c.startswith("perf_")]
        return perf[-1] if perf else None

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


# ------------------------------------------------------------------------------- gap typology

class TypologyAlgorithm(TypologyBase):
    CORE_REFERENCE = "CORE_REFERENCE"

    ALG_ID = "typology"
    DISPLAY_NAME = "Secondary-city typology (gap to the cores)"
    KIND = "gap"
    INDICATORS_LABEL = "Indicators (one year)"
    HELP = (
        "Types of secondary cities by how far each lags behind (or leads) the cores of its mega-region, "
        "indicator by indicator (Du 2026, chapter 2; method.md sections 3 and 4).\n\n"
        + COMMON_HELP
        + "<b>Gap</b> of secondary city i in indicator j: Gap<sub>ij</sub> = Performance<sub>ij</sub>(i) "
        "&minus; R<sub>j</sub>, with the core reference R of its mega-region (CORE_REFERENCE): the mean of its "
        "cores (default), the nearest core (geodesic distance on the WGS84 ellipsoid between points on the "
        "surface of the city polygons, reference_core names it), or the best core per indicator. Negative = "
        "behind the cores. A mega-region without a core leaves its secondary cities out, with the reason.\n"
        + CLUSTER_HELP.replace("the matrix of", "the gap matrix of")
        + OUTPUT_HELP.replace("the profile per indicator", "gap_* per indicator")
    )

    def _add_method_parameters(self):
        self.addParameter(QgsProcessingParameterEnum(
            self.CORE_REFERENCE, self.tr("Core reference when a mega-region has several cores"),
            options=[c[0] for c in CORE_REFERENCES], defaultValue=0))

    def _read_method(self, parameters, context, names):
        return {"core_reference": CORE_REFERENCES[self.parameterAsEnum(parameters, self.CORE_REFERENCE, context)][1]}

    def _run_core(self, settings, frame, geometries, context, feedback):
        indicators, cost = settings["indicators"], settings["cost"]
        stray = [c for c in cost if c not in indicators]
        if stray:
            raise QgsProcessingException(
                f"COST_INDICATORS {', '.join(repr(c) for c in stray)} not among INDICATORS "
                f"({', '.join(indicators)}): add them to INDICATORS or remove them from COST_INDICATORS.")
        self._cost_hint(indicators, cost, feedback)
        dims = parse_dimensions(settings["dimensions_text"], indicators)
        lon = lat = None
        if settings["core_reference"] == "nearest":
            lon, lat = representative_lonlat(geometries, settings["source"].sourceCrs(), context.transformContext())
        result = typology.gap_typology(
            frame, indicators, cost_indicators=cost, dimensions=dims,
            megaregion_field=settings["region_field"], role_field=settings["role_field"],
            name_field=settings["name_field"], city_field=settings["city_field"], pool=settings["pool"],
            core_reference_method=settings["core_reference"], lon=lon, lat=lat, k=settings["k"],
            k_max=settings["k_max"], seed=settings["seed"], n_init=settings["n_init"],
            composite_weighting=settings["weighting"])
        return result, result.composite
