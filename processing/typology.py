"""``megaregion:typology``: types of secondary cities by their gap to the cores. The shared
machinery of this algorithm and ``megaregion:trend`` is in :mod:`.typology_base`."""
from qgis.core import QgsProcessingException, QgsProcessingParameterEnum

from .deps import lazy_import
from .i18n import translated_language
from .typology_base import POOLS, WEIGHTINGS, TypologyBase, representative_lonlat  # noqa: F401 (public here)
from .typology_help import typology_help

typology = lazy_import("..core.typology", __package__)
typology_indicators = lazy_import("..core.typology_indicators", __package__)

CORE_REFERENCES = [
    ("Mean of the mega-region's cores", "mean"),
    ("Nearest core (geodesic distance between representative points)", "nearest"),
    ("Best core per indicator", "best"),
]


class TypologyAlgorithm(TypologyBase):
    CORE_REFERENCE = "CORE_REFERENCE"

    ALG_ID = "typology"
    DISPLAY_NAME = "Secondary-city typology (gap to the cores)"
    KIND = "gap"
    INDICATORS_LABEL = "Indicators (one year)"
    HELP = typology_help()

    def _add_method_parameters(self):
        self.addParameter(QgsProcessingParameterEnum(
            self.CORE_REFERENCE, self.tr("Core reference when a mega-region has several cores"),
            options=[self.tr(c[0]) for c in CORE_REFERENCES], defaultValue=0))

    def _read_method(self, parameters, context, names):
        return {"core_reference": CORE_REFERENCES[self.parameterAsEnum(parameters, self.CORE_REFERENCE, context)][1]}

    def _run_core(self, settings, frame, geometries, context, feedback):
        indicators, cost, neutral = settings["indicators"], settings["cost"], settings["neutral"]
        for label, given in ((self.COST_INDICATORS, cost), (self.NEUTRAL_INDICATORS, neutral)):
            stray = [c for c in given if c not in indicators]
            if stray:
                raise QgsProcessingException(self.tr(
                    "{parameter} {stray} not among INDICATORS ({indicators}): add them to INDICATORS or remove them "
                    "from {parameter}.").format(parameter=label, stray=", ".join(repr(c) for c in stray),
                                                indicators=", ".join(indicators)))
        both = [c for c in cost if c in neutral]
        if both:
            raise QgsProcessingException(self.tr(
                "{fields} are both cost and neutral indicators: remove them from {cost} or from {neutral}.").format(
                    fields=", ".join(repr(c) for c in both), cost=self.COST_INDICATORS,
                    neutral=self.NEUTRAL_INDICATORS))
        self._direction_hints(indicators, cost, neutral, feedback)
        dims = typology_indicators.parse_dimensions(settings["dimensions_text"], indicators)
        lon = lat = None
        if settings["core_reference"] == "nearest":
            lon, lat = representative_lonlat(geometries, settings["source"].sourceCrs(), context.transformContext())
        result = typology.gap_typology(
            frame, indicators, cost_indicators=cost, dimensions=dims,
            megaregion_field=settings["region_field"], role_field=settings["role_field"],
            name_field=settings["name_field"], city_field=settings["city_field"], pool=settings["pool"],
            core_reference_method=settings["core_reference"], lon=lon, lat=lat, k=settings["k"],
            k_max=settings["k_max"], seed=settings["seed"], n_init=settings["n_init"],
            composite_weighting=settings["weighting"], neutral_indicators=neutral,
            stability_resamples=settings["stability_resamples"], lang=translated_language())
        return result, result.composite
