"""Help texts of ``megaregion:typology`` and ``megaregion:trend``, built from the same
paragraphs with the words of each kind (gap: types, trend: trends)."""

ASSIGN = "'Assign mega-regions and core cities'"
JOIN = "'Join indicator table to boundaries'"
REFERENCE = "see the plugin's reference (Help button)"


def _input():
    return (
        f"<b>Input</b>: prefectures with a mega-region field and a role field (core/secondary), as written by "
        f"{ASSIGN} and {JOIN} (a city in two mega-regions has one feature per membership and is typed once per "
        "membership). Features without a mega-region are not members: they are not typed and, unless POOL says "
        "otherwise, not in the pool. A city id (<b>City id field</b>, default adcode) that appears more than "
        "once within a mega-region, or that is a county-level code, is refused: such features are counties or "
        "districts, or parts, of one city, and would be typed as cities; aggregate counties with 'Prefectures "
        "from counties' first.\n"
    )


def _directions():
    return (
        "<b>Direction of an indicator</b>: every indicator is a <i>benefit</i> (more is better) unless it is "
        "among the <b>cost indicators</b> (COST_INDICATORS: less is better, e.g. PM2.5, whose performance is "
        "reversed) or the <b>neutral indicators</b> (NEUTRAL_INDICATORS: neither, e.g. the average household "
        "size, where a larger household is not a better one); both must also be among the indicators. A neutral "
        "indicator has no performance, so it has no gap or trend: it is left out, with the reason in the report. "
        "The dissertation's cost indicators (PM2.5, CARB) and the census household size are named in the log "
        "when they are not declared so.\n"
    )


def _dimensions():
    return (
        "<b>Dimensions</b> (optional): 'indicator=dimension' pairs separated by ';' or new lines, e.g. "
        "'POP=urban size;GDP=urban size;PAT=innovation'. A name matches an indicator field or its name without "
        "the _&lt;year&gt; suffix. Indicators not named get the dissertation's dimension when their name is one "
        "of its 18 indicators (POP, GDP, BUILT: urban size; NTL, LIB, INSUR: social vitality; PAT, WOS, EXP: "
        "innovation; PRI, SEC, TER: industrial structure; INFRA, INFOR, FINA: regional embeddedness; PM2.5, "
        "NDVI, CARB: green transformation), otherwise they are their own dimension. A dimension's value is the "
        "mean over its indicators.\n\n"
    )


def _performance():
    return (
        "<b>Performance</b> (per-indicator TOPSIS): with one criterion TOPSIS is exactly min-max scaling over "
        "the pool, (x &minus; min)/(max &minus; min), or (max &minus; x)/(max &minus; min) for a cost indicator. "
        "POOL: all members together (default, as in the dissertation), each mega-region separately, or every "
        "feature of the input. An indicator constant over a pool is dropped with a warning.\n"
    )


def _clusters(kind):
    matrix, noun, plural = ("gap", "type", "Types") if kind == "gap" else ("trend", "trend", "Trends")
    composite = ("fields topsis_*" if kind == "gap" else "fields topsis_*_&lt;year&gt; for each year")
    return (
        f"<b>{plural}</b>: K-means (k-means++, fixed SEED, N_INIT initialisations; the same input gives the "
        f"same {noun}s whatever the feature order) on the {matrix} matrix of the secondary cities. K = 0 chooses "
        "K by the mean silhouette over K = 2..K_MAX (K_MAX lowered to n &minus; 1 when needed; ties to the "
        "smaller K); silhouette s<sub>i</sub> = (b<sub>i</sub> &minus; a<sub>i</sub>)/max(a<sub>i</sub>, "
        "b<sub>i</sub>), a<sub>i</sub> the mean distance to the own type, b<sub>i</sub> to the nearest other "
        f"type. A fixed K needs at least K + 1 cities. {plural} are lettered A, B, C ... by descending mean of "
        f"the {noun} centre over the indicators, and described from their profile per dimension. Cities with a "
        "NULL value are left out with the reason (warnings and the excluded_reason field).\n"
        f"<b>Stability</b> (STABILITY_RESAMPLES, default 100; 0 = off): Hennig's cluster-wise Jaccard "
        f"bootstrap. The secondary cities are resampled with replacement, each resample is clustered again "
        f"into K {noun}s with the same K-means settings, and each {noun} is matched with its most similar new "
        "cluster by the Jaccard similarity |C &cap; D| / |C &cup; D| over the cities drawn; the mean over the "
        f"resamples is the {noun}'s stability (field stability of the profiles, 0 to 1; the same SEED gives "
        f"the same value). A {noun} under 0.6 is called unstable in its label and description: another sample "
        "of cities would probably not find it.\n"
        "<b>Composite</b> (WEIGHTING): the classical multi-criteria TOPSIS score per dimension and overall "
        f"(vector normalisation, equal or entropy weights, C = D&minus; / (D+ + D&minus;)), {composite}.\n\n"
    )


def _outputs(kind):
    profile = "gap_* per indicator" if kind == "gap" else "trend_* per indicator"
    return (
        f"<b>Outputs</b>: the secondary cities with their geometry, perf_* (performance), {profile} and dim_* "
        "per dimension, type, type_label, type_description, silhouette, pca_x/pca_y (the first two principal "
        "components of the profile matrix, each signed so its largest loading is positive) and excluded_reason "
        "for cities left out; styled by type with one fixed colour per letter (a GeoPackage output stores the "
        "style as its default). The core cities with their performance. The type profile table: label, size, "
        "centre per indicator and per dimension, mean silhouette, stability, within and between sums of "
        "squares. An HTML report with the silhouette by K, the PCA scatter, profile heatmaps and the cities "
        f"per type and mega-region. For the formulas, {REFERENCE}."
    )


def typology_help():
    """The help of ``megaregion:typology``."""
    return (
        "Types of secondary cities by how far each lags behind (or leads) the cores of its mega-region, "
        "indicator by indicator (Du 2026, chapter 2).\n\n"
        + _input() + _directions() + _dimensions() + _performance()
        + "<b>Gap</b> of secondary city i in indicator j: Gap<sub>ij</sub> = Performance<sub>ij</sub>(i) "
        "&minus; R<sub>j</sub>, with the core reference R of its mega-region (CORE_REFERENCE): the mean of its "
        "cores (default), the nearest core (geodesic distance on the WGS84 ellipsoid between points on the "
        "surface of the city polygons, reference_core names it), or the best core per indicator. Negative = "
        "behind the cores. A mega-region without a core leaves its secondary cities out, with the reason.\n"
        + _clusters("gap") + _outputs("gap")
    )


def trend_help():
    """The help of ``megaregion:trend``."""
    return (
        "Development trends of secondary cities: which cities improved their performance, in which "
        "indicators, between two years or over a series of years (Du 2026, chapter 2).\n\n"
        "<b>Indicators</b> are fields named &lt;name&gt;_&lt;year&gt; for two or more years (popu_2010, "
        "popu_2020); with YEARS empty and YEAR1 and YEAR2 = 0 every year of the selected fields is used; "
        "YEAR1 and YEAR2 choose two years, YEARS (e.g. '2000, 2005, 2010') any two or more. "
        "Cost indicators, neutral indicators and dimensions are named by field or by the name without the "
        "year.\n"
        + _input() + _directions() + _dimensions() + _performance()
        + "YEAR_POOL: each year scaled over its own min/max (default), or both years pooled so the trend also "
        "shows a shift of the whole distribution.\n"
        "<b>Trend</b> of city i in indicator j: Trend<sub>ij</sub> = Performance<sub>ij</sub>(YEAR2) &minus; "
        "Performance<sub>ij</sub>(YEAR1). Positive = improved relative to the pool. A city NULL in either year "
        "is left out, with the reason.\n"
        "<b>Three or more years</b> (t<sub>1</sub> &lt; &hellip; &lt; t<sub>N</sub>): Trend<sub>ij</sub> = "
        "b<sub>ij</sub> (t<sub>N</sub> &minus; t<sub>1</sub>), b the Theil&ndash;Sen slope (Sen 1968: the median "
        "of the slopes between every pair of years) of the city's performance, so no single noisy year decides "
        "it; a city NULL in any year is left out of the trends. Each secondary city also gets its "
        "<b>trajectory</b> per indicator: slope_&lt;ind&gt; and slope_pct_&lt;ind&gt; (Theil&ndash;Sen slope of "
        "its value per year, and as % of its mean value), mk_p_&lt;ind&gt; (Mann&ndash;Kendall p, Mann 1945 / "
        "Kendall 1975, with the tie correction Var(S) = [n(n&minus;1)(2n+5) &minus; &Sigma; t(t&minus;1)(2t+5)]/18 "
        "and the continuity correction), slope_gap_&lt;ind&gt; and mk_p_gap_&lt;ind&gt; (the same for its gap "
        "to the mean of its cores' performances in each year) and trajectory_&lt;ind&gt;: catching_up "
        "(gap slope &gt; 0 with p &lt; SIGNIFICANCE, default 0.05), falling_behind (gap slope &lt; 0 with "
        "p &lt; SIGNIFICANCE) or no_clear_trend. The composite scores are given for the first and the last "
        "year.\n"
        + _clusters("trend") + _outputs("trend")
    )
