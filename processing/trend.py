"""``megaregion:trend``: development trends of secondary cities over two or more years."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterNumber, QgsProcessingParameterString

from ..core import fields as F
from . import compat
from .deps import lazy_import
from .i18n import translated_language
from .typology_base import TypologyBase
from .typology_help import trend_help

trend = lazy_import("..core.trend", __package__)
typology = lazy_import("..core.typology", __package__)
typology_indicators = lazy_import("..core.typology_indicators", __package__)
trajectories = lazy_import("..core.panels.trajectories", __package__)

YEAR_POOLS = [("Each year over its own min/max", "per_year"), ("Both years pooled", "pooled")]


class TrendAlgorithm(TypologyBase):
    YEAR1 = "YEAR1"
    YEAR2 = "YEAR2"
    YEAR_POOL = "YEAR_POOL"
    YEARS = "YEARS"
    SIGNIFICANCE = "SIGNIFICANCE"

    ALG_ID = "trend"
    DISPLAY_NAME = "Development trends of secondary cities (two or more years)"
    KIND = "trend"
    INDICATORS_LABEL = "Indicators: <name>_<year> fields of two or more years"
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
        self.addParameter(QgsProcessingParameterString(
            self.YEARS, self.tr("Years, e.g. 2000, 2010, 2020 (empty = YEAR1 and YEAR2, or every year of the "
                                "indicator fields)"), defaultValue="", optional=True))
        significance = QgsProcessingParameterNumber(
            self.SIGNIFICANCE, self.tr("Significance of the trajectory verdicts (three or more years)"),
            compat.NUMBER_DOUBLE, defaultValue=0.05, minValue=0.0001, maxValue=0.5, optional=True)
        # optional, so saved models and the shipped pipeline, which do not set it, run with the default
        significance.setFlags(significance.flags() | compat.PARAMETER_ADVANCED)
        self.addParameter(significance)

    def _read_method(self, parameters, context, names):
        return {
            "year1": self.parameterAsInt(parameters, self.YEAR1, context),
            "year2": self.parameterAsInt(parameters, self.YEAR2, context),
            "year_pool": YEAR_POOLS[self.parameterAsEnum(parameters, self.YEAR_POOL, context)][1],
            "years": self.parameterAsString(parameters, self.YEARS, context) or "",
            "alpha": (0.05 if parameters.get(self.SIGNIFICANCE) in (None, "")
                      else self.parameterAsDouble(parameters, self.SIGNIFICANCE, context)),
            "layer_fields": names,
        }

    def _run_core(self, settings, frame, geometries, context, feedback):
        names, cost, years, neutral = trend.trend_years(
            settings["indicators"], settings["cost"], settings["year1"], settings["year2"], settings["layer_fields"],
            settings["neutral"], settings["years"])
        if len(years) == 2:
            feedback.pushInfo(self.tr("Trend {year1} -> {year2} of {count} indicators: {names}.").format(
                year1=years[0], year2=years[1], count=len(names), names=", ".join(names)))
        else:
            feedback.pushInfo(self.tr(
                "Trend over {count_years} years ({years}) of {count} indicators: {names}; each trend is the "
                "Theil-Sen change from {first} to {last}.").format(
                    count_years=len(years), years=", ".join(map(str, years)), count=len(names),
                    names=", ".join(names), first=years[0], last=years[-1]))
            # the output stays styled by type (the typology); the verdicts have a map of their own
            feedback.pushInfo(self.tr(
                "Each secondary city's trajectory is in trajectory_<indicator>; 'Render maps to PNG' with "
                "MAP_FIELD={field} draws its map (catching up, falling behind, no clear trend).").format(
                    field=F.trajectory_field("trajectory", names[0])))
        self._direction_hints(names, cost, neutral, feedback)
        dims = typology_indicators.parse_dimensions(settings["dimensions_text"], names)
        result = trajectories.panel_trend_typology(
            frame, names, years, cost_indicators=cost, dimensions=dims,
            megaregion_field=settings["region_field"], role_field=settings["role_field"],
            name_field=settings["name_field"], city_field=settings["city_field"], pool=settings["pool"],
            year_pool=settings["year_pool"], k=settings["k"], k_max=settings["k_max"], seed=settings["seed"],
            n_init=settings["n_init"], neutral_indicators=neutral,
            stability_resamples=settings["stability_resamples"], lang=translated_language(),
            alpha=settings["alpha"])
        composite = trend.trend_composite(
            frame, list(result.indicators), years[0], years[-1], cost, dims, settings["weighting"],
            typology.row_names(frame, settings["name_field"]))
        return result, composite
