"""``megaregion:trend``: development trends of secondary cities between two years."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterNumber

from . import compat
from .deps import lazy_import
from .typology import (
    _YEAR_SUFFIX,
    CLUSTER_HELP,
    COMMON_HELP,
    OUTPUT_HELP,
    TypologyBase,
    base_name,
    parse_dimensions,
)

pd = lazy_import("pandas")
topsis = lazy_import("..core.topsis", __package__)
typology = lazy_import("..core.typology", __package__)

YEAR_POOLS = [("Each year over its own min/max", "per_year"), ("Both years pooled", "pooled")]


def trend_indicators(fields, cost_fields, year1, year2, layer_fields):
    """Indicator names and years from ``<name>_<year>`` fields: ``(names, cost names, year1, year2)``.

    With ``year1 = year2 = 0`` the years are those of ``fields``, which must be exactly two;
    otherwise every indicator needs ``<name>_<year1>`` and ``<name>_<year2>`` in the layer,
    selected or not."""
    no_year = [f for f in fields if not _YEAR_SUFFIX.match(f)]
    if no_year:
        raise ValueError(
            f"INDICATORS {', '.join(repr(f) for f in no_year)} have no _<year> suffix: a trend needs "
            "<name>_<year> fields for two years, e.g. popu_2010 and popu_2020")
    names = list(dict.fromkeys(base_name(f) for f in fields))
    years = sorted({int(_YEAR_SUFFIX.match(f).group("year")) for f in fields})
    if bool(year1) != bool(year2):
        raise ValueError(f"YEAR1 = {year1} and YEAR2 = {year2}: set both, or leave both 0 to take the two "
                         "years of the INDICATORS fields")
    if not year1:
        if len(years) != 2:
            raise ValueError(
                f"INDICATORS give the year(s) {', '.join(map(str, years))}: select the fields of exactly two "
                "years (e.g. popu_2010 and popu_2020), or set YEAR1 and YEAR2")
        year1, year2 = years
    if year1 == year2:
        raise ValueError(f"YEAR1 and YEAR2 are both {year1}: a trend needs two different years")
    missing = [f"{n}_{y}" for n in names for y in (year1, year2) if f"{n}_{y}" not in layer_fields]
    if missing:
        raise ValueError(
            f"INPUT has no field {', '.join(repr(m) for m in missing)}: every indicator needs a field for "
            f"{year1} and for {year2}; join that year's table or remove the indicator")
    cost = list(dict.fromkeys(base_name(c) for c in cost_fields))
    stray = [c for c in cost if c not in names]
    if stray:
        raise ValueError(
            f"COST_INDICATORS {', '.join(repr(c) for c in stray)} not among the INDICATORS ({', '.join(names)}): "
            "add them to INDICATORS or remove them from COST_INDICATORS")
    return names, cost, year1, year2


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
    HELP = (
        "Development trends of secondary cities: which cities improved their performance, in which "
        "indicators, between two years (Du 2026, chapter 2; method.md sections 3 and 4).\n\n"
        "<b>Indicators</b> are fields named &lt;name&gt;_&lt;year&gt; for two years (popu_2010, popu_2020); "
        "YEAR1 and YEAR2 = 0 take the two years of the selected fields, or set them to choose two years. "
        "Cost indicators and dimensions are named by field or by the name without the year.\n"
        + COMMON_HELP
        + "YEAR_POOL: each year scaled over its own min/max (default), or both years pooled so the trend also "
        "shows a shift of the whole distribution.\n"
        "<b>Trend</b> of city i in indicator j: Trend<sub>ij</sub> = Performance<sub>ij</sub>(YEAR2) &minus; "
        "Performance<sub>ij</sub>(YEAR1). Positive = improved relative to the pool. A city NULL in either year "
        "is left out, with the reason.\n"
        + CLUSTER_HELP.replace("the matrix of", "the trend matrix of").replace(
            "Types are lettered", "Trends are lettered").replace("the type centre", "the trend centre")
        .replace("fields topsis_*", "fields topsis_*_&lt;year&gt; for each year")
        + OUTPUT_HELP.replace("the profile per indicator", "trend_* per indicator")
    )

    def _add_method_parameters(self):
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR1, self.tr("First year (0 = from the indicator fields)"), compat.NUMBER_INTEGER,
            defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR2, self.tr("Second year (0 = from the indicator fields)"), compat.NUMBER_INTEGER,
            defaultValue=0, minValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.YEAR_POOL, self.tr("Min-max of the two years"), options=[p[0] for p in YEAR_POOLS], defaultValue=0))

    def _read_method(self, parameters, context, names):
        return {
            "year1": self.parameterAsInt(parameters, self.YEAR1, context),
            "year2": self.parameterAsInt(parameters, self.YEAR2, context),
            "year_pool": YEAR_POOLS[self.parameterAsEnum(parameters, self.YEAR_POOL, context)][1],
            "layer_fields": names,
        }

    def _run_core(self, settings, frame, geometries, context, feedback):
        names, cost, year1, year2 = trend_indicators(
            settings["indicators"], settings["cost"], settings["year1"], settings["year2"], settings["layer_fields"])
        feedback.pushInfo(f"Trend {year1} -> {year2} of {len(names)} indicators: {', '.join(names)}.")
        self._cost_hint(names, cost, feedback)
        dims = parse_dimensions(settings["dimensions_text"], names)
        result = typology.trend_typology(
            frame, names, year1, year2, cost_indicators=cost, dimensions=dims,
            megaregion_field=settings["region_field"], role_field=settings["role_field"],
            name_field=settings["name_field"], city_field=settings["city_field"], pool=settings["pool"],
            year_pool=settings["year_pool"], k=settings["k"], k_max=settings["k_max"], seed=settings["seed"],
            n_init=settings["n_init"])
        composite = None
        if settings["weighting"] is not None:
            kept = list(result.indicators)
            row_names = self._names(frame, settings["name_field"])
            columns = {}
            for year in (year1, year2):
                fields = {i: f"{i}_{year}" for i in kept}
                scores, _ = topsis.topsis_composite(
                    frame, list(fields.values()), [fields[c] for c in cost if c in fields],
                    {fields[i]: dims[i] for i in kept}, settings["weighting"], row_names)
                for col in scores.columns:
                    columns[f"{col}_{year}"] = scores[col]
            composite = pd.DataFrame(columns, index=frame.index)
        return result, composite

    @staticmethod
    def _core_style_field(cores):
        """The core map shows the trend of the first indicator."""
        trend = [c for c in cores.columns if c.startswith("trend_")]
        return trend[0] if trend else None
