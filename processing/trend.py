"""``megaregion:trend``: development trends of secondary cities between two years."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterNumber

from . import compat
from .deps import lazy_import
from .i18n import translated_language
from .typology_base import TypologyBase
from .typology_help import trend_help

trend = lazy_import("..core.trend", __package__)
typology = lazy_import("..core.typology", __package__)
typology_indicators = lazy_import("..core.typology_indicators", __package__)

YEAR_POOLS = [("Each year over its own min/max", "per_year"), ("Both years pooled", "pooled")]


class TrendAlgorithm(TypologyBase):
    YEAR1 = "YEAR1"
    YEAR2 = "YEAR2"
    YEAR_POOL = "YEAR_POOL"

    ALG_ID = "trend"
    DISPLAY_NAME = "Development trends of secondary cities (two years)"
    KIND = "trend"
    INDICATORS_LABEL = "Indicators: <name>_<year> fields of two years"
    OUTPUT_LABELS = ("Secondary cities by trend", "Core cities with their performance and trend", "Trend profiles",
                     "Trend report")
    REPORT_TITLE = "Development trends of secondary cities"
    HELP = trend_help()

    def _add_method_parameters(self):
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR1, self.tr("First year (0 = from the indicator fields)"), compat.NUMBER_INTEGER,
            defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR2, self.tr("Second year (0 = from the indicator fields)"), compat.NUMBER_INTEGER,
            defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.YEAR_POOL, self.tr("Min-max of the two years"), options=[self.tr(p[0]) for p in YEAR_POOLS], defaultValue=0))

    def _read_method(self, parameters, context, names):
        return {
            "year1": self.parameterAsInt(parameters, self.YEAR1, context),
            "year2": self.parameterAsInt(parameters, self.YEAR2, context),
            "year_pool": YEAR_POOLS[self.parameterAsEnum(parameters, self.YEAR_POOL, context)][1],
            "layer_fields": names,
        }

    def _run_core(self, settings, frame, geometries, context, feedback):
        names, cost, year1, year2, neutral = trend.trend_indicators(
            settings["indicators"], settings["cost"], settings["year1"], settings["year2"], settings["layer_fields"],
            settings["neutral"])
        feedback.pushInfo(self.tr("Trend {year1} -> {year2} of {count} indicators: {names}.").format(
            year1=year1, year2=year2, count=len(names), names=", ".join(names)))
        self._direction_hints(names, cost, neutral, feedback)
        dims = typology_indicators.parse_dimensions(settings["dimensions_text"], names)
        result = typology.trend_typology(
            frame, names, year1, year2, cost_indicators=cost, dimensions=dims,
            megaregion_field=settings["region_field"], role_field=settings["role_field"],
            name_field=settings["name_field"], city_field=settings["city_field"], pool=settings["pool"],
            year_pool=settings["year_pool"], k=settings["k"], k_max=settings["k_max"], seed=settings["seed"],
            n_init=settings["n_init"], neutral_indicators=neutral,
            stability_resamples=settings["stability_resamples"], lang=translated_language())
        composite = trend.trend_composite(
            frame, list(result.indicators), year1, year2, cost, dims, settings["weighting"],
            typology.row_names(frame, settings["name_field"]))
        return result, composite
