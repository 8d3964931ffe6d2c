"""``megaregion:unevenness``: Theil and Dagum Gini between core and secondary cities, with
bootstrap intervals and a permutation test. The science is in core (unevenness,
uncertainty, unevenness_layer); this module reads the parameters and writes the outputs."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ..core import fields as F
from ..core.measures import HEADLINE_MEASURES, measure_name
from . import compat, layer_metadata, qgis_io
from .base import MegaregionAlgorithm
from .deps import lazy_import
from .i18n import shown, translated_language
from .input_checks import CheckedInputs, check_fields, checked_city_field, checked_source, named
from .styling import graduated_renderer, verdict_renderer

pd = lazy_import("pandas")
report_texts = lazy_import("..core.report_texts", __package__)
report_unevenness = lazy_import("..core.report_unevenness", __package__)
unevenness = lazy_import("..core.unevenness", __package__)
unevenness_inputs = lazy_import("..core.unevenness_inputs", __package__)
unevenness_layer = lazy_import("..core.unevenness_layer", __package__)
convergence = lazy_import("..core.panels.table", __package__)

# Labels of the first release's choices (the enum order is public API: HEADLINE_MEASURES).
_LABELS = {
    "theil": "Theil T",
    "theil_between_share": "Theil T: share between core and secondary",
    "gini": "Gini",
    "dagum_gnb": "Dagum net between-group Gini (Gnb)",
    "share_gnb": "Dagum Gnb share of G",
    "gnb_signed": "Dagum Gnb, signed (+ cores lead)",
    "ratio": "Core mean / secondary mean",
    "theil_between": "Theil T between cores and secondary cities",
}
HEADLINES = [(key, _LABELS.get(key) or measure_name(key)) for key in HEADLINE_MEASURES]


def _advanced(param):
    param.setFlags(param.flags() | compat.PARAMETER_ADVANCED)
    return param


class UnevennessAlgorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ("numpy", "pandas", "shapely")
    INPUT = "INPUT"
    INDICATORS = "INDICATORS"
    WEIGHT = "WEIGHT"
    MEGAREGION_FIELD = "MEGAREGION_FIELD"
    ROLE_FIELD = "ROLE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    CITY_FIELD = "CITY_FIELD"
    HEADLINE = "HEADLINE"
    BOOTSTRAP = "BOOTSTRAP"
    CONFIDENCE = "CONFIDENCE"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_REGIONS = "OUTPUT_REGIONS"
    OUTPUT_HTML = "OUTPUT_HTML"

    ALG_ID = "unevenness"
    DISPLAY_NAME = "Core-secondary unevenness"
    GROUP_ID = "analyse"
    GROUP = "2 Analyse"
    HELP = (
        "How large is the gap between the core and the secondary cities of each mega-region, for "
        "each indicator, and did it widen between two years?\n\n"
        "<b>Input</b>: prefectures with a mega-region field and a role field (core/secondary), as "
        "written by 'Assign mega-regions and core cities' (a city in two mega-regions has one "
        "feature per membership). A city id (<b>City id field</b>, default adcode, the code field the "
        "assign step copied) that appears more than once within a mega-region, or that is a county-level "
        "code, is refused: such features "
        "are counties or districts, or parts, of one city, and would be measured as cities; aggregate "
        "counties with 'Prefectures from counties' first. <b>Indicators</b>: numeric fields; fields named "
        "&lt;name&gt;_&lt;year&gt; (pop_2010, pop_2020) are one indicator in two years, and every "
        "measure is also given as the change value(year 2) &minus; value(year 1). <b>Weight</b> "
        "(optional, e.g. population) makes the measures population-weighted, for per-capita "
        "indicators; a weight field named &lt;name&gt;_&lt;year&gt; is matched to each year's "
        "indicators when the input has that field for every year.\n\n"
        "Per mega-region, indicator and year, over the member cities with a valid value (NULLs are "
        "excluded and counted):\n"
        "- Gini G = &Sigma;<sub>i</sub>&Sigma;<sub>r</sub>|y<sub>i</sub> &minus; y<sub>r</sub>| / (2 n&sup2; &mu;) "
        "(population form, as PySAL and Dagum).\n"
        "- Theil T = (1/n) &Sigma; (y<sub>i</sub>/&mu;) ln(y<sub>i</sub>/&mu;), split by role into "
        "T<sub>between</sub> = &Sigma;<sub>g</sub> s<sub>g</sub> ln(s<sub>g</sub>/p<sub>g</sub>) and "
        "T<sub>within</sub> = &Sigma;<sub>g</sub> s<sub>g</sub> T<sub>g</sub> (s<sub>g</sub> share of the "
        "indicator total, p<sub>g</sub> share of the cities or, weighted, of the population).\n"
        "- Dagum (1997): G = Gw + Gnb + Gt, with Gw = &Sigma; G<sub>jj</sub> p<sub>j</sub> s<sub>j</sub>, "
        "Gnb = G<sub>jh</sub> (p<sub>j</sub>s<sub>h</sub> + p<sub>h</sub>s<sub>j</sub>) D<sub>jh</sub>, "
        "Gt = G<sub>jh</sub> (p<sub>j</sub>s<sub>h</sub> + p<sub>h</sub>s<sub>j</sub>)(1 &minus; D<sub>jh</sub>), "
        "groups ordered by mean so every term is &ge; 0; 'leader' names the group with the higher "
        "mean and gnb_signed is +Gnb when the cores lead, &minus;Gnb otherwise.\n"
        "Values must be &ge; 0 (an error names the cities otherwise). A mega-region where a group has "
        "no valid value keeps its row, with NULL measures and the reason in 'status'.\n\n"
        "<b>How sure?</b> With 5 to 30 cities a small change may be chance. <b>Bootstrap resamples</b> "
        "(default 999; 0 off) redraw each mega-region's cores from its cores and its secondary cities "
        "from its secondary cities, with replacement (a city keeps its weight); every year row gets "
        "percentile intervals &lt;measure&gt;_ci_low and &lt;measure&gt;_ci_high at the chosen "
        "<b>confidence</b> (default 95 %) for theil, theil_between, theil_between_share, gini, dagum_gnb, "
        "share_gnb, gnb_signed and ratio. A change row gets the interval of the change, from the same "
        "cities drawn in both years (a city with a value in only one year counts in the change but not "
        "in its interval; the note says so), and change_is_clear is true when the interval of the "
        "headline measure's change excludes 0. A group of one city gives intervals that reflect only "
        "the other group. <b>Permutations</b> (default 999; 0 off): p_between is the share of random "
        "relabellings of the cities (same number of cores), the observed one counted, whose "
        "between-group Theil T is at least the observed one; when there are at most that many "
        "labellings they are all enumerated, and p_between_min says how low p can go (1 core among 5 "
        "cities: 0.2). The <b>seed</b> (default 0) makes the same input give the same intervals.\n\n"
        "<b>Convergence</b> (an indicator with three or more years t<sub>1</sub> &lt; &hellip; &lt; "
        "t<sub>T</sub>): rows with row_type = sigma, one per measure above (column measure): "
        "&sigma;-convergence (Friedman 1992; Quah 1993), the least-squares slope per year of the measure "
        "over the cities with a value in every year, slope = &Sigma;(t &minus; t&#772;)(m<sub>t</sub> &minus; "
        "m&#772;) / &Sigma;(t &minus; t&#772;)&sup2;, with its bootstrap interval slope_ci_low, slope_ci_high "
        "(the same drawn cities in every year) and verdict converging or diverging when the interval and the "
        "Mann&ndash;Kendall test (Mann 1945; Kendall 1975) of the yearly values agree on moving toward or "
        "away from no gap, else unclear; first_year, last_year. Every other measure of the table (the parts "
        "of the decompositions, the groups' own inequality) gets a sigma row too, with its slope and, having no "
        "interval, a verdict from the Mann&ndash;Kendall test alone. A row with row_type = beta: "
        "&beta;-convergence (Barro and Sala-i-Martin 1992), the least-squares fit g<sub>i</sub> = a + &beta; "
        "ln(y<sub>i,1</sub> / c<sub>1</sub>) of the secondary cities' average annual log growth g<sub>i</sub> = "
        "[ln y<sub>i,T</sub> &minus; ln y<sub>i,1</sub>] / (t<sub>T</sub> &minus; t<sub>1</sub>) on their initial "
        "log gap to the mean of the cores c<sub>1</sub>: beta with beta_ci_low, beta_ci_high (t distribution, "
        "n &minus; 2 degrees of freedom), for &beta; &lt; 0 the speed &lambda; = &minus;ln(1 + &beta;T)/T and "
        "half_life_years = ln 2 / &lambda;, and n_cities. The mega-region layer then has "
        "sigma_verdict_&lt;indicator&gt; for the headline measure, and the report a convergence table.\n\n"
        "<b>Outputs</b>: the tidy table (one row per mega-region &times; indicator &times; year, and a "
        "change row per pair of years); the mega-regions as polygons dissolved from their members, "
        "carrying the headline measure for every indicator and year (&lt;measure&gt;_&lt;indicator&gt;_&lt;year&gt;, "
        "and _change), its interval (&lt;measure&gt;_ci_low_&lt;indicator&gt;_&lt;year&gt;, _ci_high_, and for "
        "the change), p_between_&lt;indicator&gt;_&lt;year&gt; and change_is_clear_&lt;indicator&gt;_change, "
        "styled as a graduated map (over three or more years, categorized by the first indicator's sigma_verdict: "
        "converging blue, diverging red, unclear grey); an HTML report with mega-region &times; indicator "
        "heatmaps for each year and the change, and an explanation of each measure."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Prefectures with mega-regions and indicators"), [compat.SOURCE_VECTOR]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.INDICATORS, self.tr("Indicators (<name>_<year> fields give two years)"),
                parentLayerParameterName=self.INPUT, type=compat.FIELD_PARAMETER_NUMERIC, allowMultiple=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WEIGHT, self.tr("Weight, e.g. population, for population-weighted measures"),
                parentLayerParameterName=self.INPUT, type=compat.FIELD_PARAMETER_NUMERIC, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.MEGAREGION_FIELD, self.tr("Mega-region field"), defaultValue=F.MEGAREGION_ID,
                parentLayerParameterName=self.INPUT, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ROLE_FIELD, self.tr("Role field (core/secondary)"), defaultValue=F.ROLE,
                parentLayerParameterName=self.INPUT, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, self.tr("City name field (for messages)"), defaultValue="name",
                parentLayerParameterName=self.INPUT, optional=True,
            )
        )
        self.addParameter(_advanced(
            QgsProcessingParameterField(
                self.CITY_FIELD, self.tr("City id field (one feature per mega-region and city)"),
                defaultValue="adcode", parentLayerParameterName=self.INPUT, optional=True,
            )
        ))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.HEADLINE, self.tr("Headline measure for the mega-region map"),
                options=[self.tr(_LABELS[key]) for key, _ in HEADLINES], defaultValue=0,
            )
        )
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.BOOTSTRAP, self.tr("Bootstrap resamples for the intervals (0: no intervals)"),
            type=compat.NUMBER_INTEGER, defaultValue=999, minValue=0, maxValue=100000,
        )))
        confidence = _advanced(QgsProcessingParameterNumber(
            self.CONFIDENCE, self.tr("Confidence of the intervals (%)"),
            type=compat.NUMBER_DOUBLE, defaultValue=95.0, minValue=50.0, maxValue=99.9,
        ))
        confidence.setMetadata({"widget_wrapper": {"decimals": 1}})  # 95.0 in the dialog
        self.addParameter(confidence)
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.PERMUTATIONS, self.tr("Permutations for the p-value of the core-secondary split (0: no test)"),
            type=compat.NUMBER_INTEGER, defaultValue=999, minValue=0, maxValue=100000,
        )))
        self.addParameter(_advanced(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed (the same seed gives the same intervals)"),
            type=compat.NUMBER_INTEGER, defaultValue=0, minValue=0,
        )))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE, self.tr("Unevenness table"), compat.SOURCE_VECTOR
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_REGIONS, self.tr("Mega-regions with the headline measure"),
                compat.SOURCE_VECTOR_POLYGON, optional=True, createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Unevenness report"), self.tr("HTML files (*.html)"),
                optional=True, createByDefault=True,
            )
        )

    # --------------------------------------------------------------------------------------
    def value_problem(self, parameters):
        """Too few resamples for the confidence asked for, before anything is read."""
        values = {}
        for name, default in ((self.BOOTSTRAP, 999), (self.CONFIDENCE, 95.0), (self.PERMUTATIONS, 999),
                              (self.SEED, 0)):
            value = parameters.get(name)
            try:
                values[name] = default if value is None or value == "" else float(value)
            except (TypeError, ValueError):
                return None  # not a number: QGIS's own check names it
        try:
            unevenness_inputs.check_uncertainty(values[self.BOOTSTRAP], values[self.CONFIDENCE], values[self.SEED],
                                                values[self.PERMUTATIONS])
        except ValueError as exc:
            return shown(exc)
        return None

    def compute(self, parameters, context, feedback):
        self._pending_metadata = []
        source = checked_source(self, parameters, self.INPUT, context,
                                what=self.tr("the prefectures with mega-regions and indicators"))
        indicators = compat.parameter_as_strings(self, parameters, self.INDICATORS, context)
        if not indicators:
            raise QgsProcessingException(self.tr("INDICATORS is empty: choose at least one numeric field to measure."))
        check_fields(source.fields(), parameters, (
            (self.INDICATORS, indicators),
            (self.WEIGHT, [self.parameterAsString(parameters, self.WEIGHT, context)]),
        ))
        region_field = self.parameterAsString(parameters, self.MEGAREGION_FIELD, context) or F.MEGAREGION_ID
        role_field = self.parameterAsString(parameters, self.ROLE_FIELD, context) or F.ROLE
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or None
        weight = self.parameterAsString(parameters, self.WEIGHT, context) or None
        headline = HEADLINES[self.parameterAsEnum(parameters, self.HEADLINE, context)][0]
        bootstrap = self.parameterAsInt(parameters, self.BOOTSTRAP, context)
        confidence = self.parameterAsDouble(parameters, self.CONFIDENCE, context)
        permutations = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        names = source.fields().names()
        for label, field in ((self.MEGAREGION_FIELD, region_field), (self.ROLE_FIELD, role_field)):
            if field not in names:
                raise QgsProcessingException(self.tr(
                    "{label} '{field}' is not a field of {input} (fields: {fields}): run "
                    "'Assign mega-regions and core cities' first or choose the field."
                ).format(label=label, field=field, input=named(parameters, self.INPUT), fields=", ".join(names)))
        if name_field and name_field not in names:
            name_field = None
        city_field = checked_city_field(self, parameters, context, names)

        frame, geometries = qgis_io.source_to_frame(source, feedback, progress_share=0.2)
        # Prefectures outside every mega-region (kept with NULLs by the assign step) are not members.
        members = frame[region_field].notna().to_numpy()
        skipped = int((~members).sum())
        if skipped:
            feedback.pushInfo(self.tr("{count} features with no mega-region are not members and are left out.").format(
                count=skipped))
        frame = frame[members].reset_index(drop=True)
        geometries = [g for g, keep in zip(geometries, members) if keep]
        if frame.empty:
            raise QgsProcessingException(self.tr(
                "No feature of INPUT has a mega-region in '{field}': run 'Assign mega-regions and core cities' first."
            ).format(field=region_field))
        spec = unevenness.parse_indicator_fields(indicators)
        weights = unevenness.weights_by_year(weight, frame.columns, [y for yrs in spec.values() for y in yrs])
        if isinstance(weights, dict):
            feedback.pushInfo(self.tr("Weights by year: {weights}").format(weights=", ".join(
                f"{y}: {f}" for y, f in sorted(weights.items(), key=lambda kv: str(kv[0])))))
        if bootstrap or permutations:
            feedback.pushInfo(self.tr("Intervals from {bootstrap} bootstrap resamples at {confidence} %, p_between from "
                                      "{permutations} permutations, seed {seed}.").format(
                bootstrap=bootstrap, confidence=f"{confidence:g}", permutations=permutations, seed=seed))
        table = unevenness.unevenness_table(
            frame, spec, region_field=region_field, role_field=role_field,
            weight_field=weights, labels_field=name_field, bootstrap=bootstrap, confidence=confidence,
            seed=seed, permutations=permutations, headline=headline, city_field=city_field,
        )
        feedback.setProgress(50)
        bad = table[(table["row_type"] == "year") & (table["status"] != "ok")]
        for row in bad.itertuples(index=False):
            year = "" if qgis_io.python_value(row.year) is None or pd.isna(row.year) else f" {row.year}"
            feedback.pushWarning("{region} / {indicator}{year}: {status}".format(
                region=row.megaregion, indicator=row.indicator, year=year,
                status=report_texts.translate_note(row.status, translated_language())))
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled"))

        results = {}
        fields = qgis_io.frame_fields(table)
        sink, table_id = self.parameterAsSink(parameters, self.OUTPUT_TABLE, context, fields, compat.WKB_NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_TABLE))
        qgis_io.write_frame(sink, table, None, feedback, 50, 70)
        results[self.OUTPUT_TABLE] = table_id

        if parameters.get(self.OUTPUT_REGIONS) is not None and geometries and any(
            g is not None and not g.isNull() for g in geometries
        ):
            regions_id = self._write_regions(parameters, context, feedback, source, frame, geometries, table,
                                             region_field, headline, bootstrap > 0, permutations > 0)
            if regions_id is not None:
                results[self.OUTPUT_REGIONS] = regions_id
        feedback.setProgress(90)

        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with self.output_file(html_path) as f:
                f.write(report_unevenness.unevenness_report_html(
                    table, names=self._region_names(frame, region_field), headline=headline,
                    confidence=confidence if bootstrap else None, lang=translated_language()))
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Store the description of the mega-region layer's fields with it (before the style,
        which the base class saves)."""
        for dest_id, text in getattr(self, "_pending_metadata", []):
            layer = QgsProcessingUtils.mapLayerFromString(dest_id, context)
            if layer is None or not layer.isValid():
                continue
            layer_metadata.attach(layer, text)
            error = layer_metadata.save(layer)
            if error:
                feedback.pushWarning(self.tr(
                    "The description of the fields of {layer} could not be saved with it ({error}): maps of it name "
                    "the measures from the field names.").format(layer=layer.source(), error=error))
        self._pending_metadata = []
        return super().postProcessAlgorithm(context, feedback)

    @staticmethod
    def _region_names(frame, region_field):
        """Display names 'Beijing-Tianjin-Hebei (BTH)' where the input has them."""
        if F.MEGAREGION not in frame.columns:
            return None
        first = frame.drop_duplicates(region_field)
        return {
            rid: f"{name} ({rid})" if name else str(rid)
            for rid, name in zip(first[region_field], first[F.MEGAREGION])
        }

    def _write_regions(self, parameters, context, feedback, source, frame, geometries, table, region_field,
                       headline, intervals, p_values):
        region_ids, dissolved = unevenness_layer.dissolve_regions(
            qgis_io.shapely_geometries(geometries), list(frame[region_field]))
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled"))
        attrs = unevenness_layer.region_attributes(frame, region_field, region_ids)
        measures, cols = unevenness_layer.region_layer_table(table, region_ids, headline, intervals, p_values)
        attrs = pd.concat([attrs, measures, convergence.sigma_verdict_columns(table, region_ids, headline)], axis=1)
        geoms = qgis_io.qgs_geometries(dissolved)
        for g in geoms:
            if not g.isNull():
                g.convertToMultiType()
        fields = qgis_io.frame_fields(attrs)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT_REGIONS, context, fields, compat.WKB_MULTIPOLYGON, source.sourceCrs()
        )
        if sink is None:
            return None
        qgis_io.write_frame(sink, attrs, geoms, feedback, 70, 90)
        # what each field is, in words, for the maps: stored with the layer once it is written
        described = unevenness_layer.field_metadata(
            unevenness_layer.layer_columns(table, headline, intervals, p_values))
        self._pending_metadata.append((dest_id, unevenness_layer.metadata_json(described)))
        # the map shows the first indicator in its latest year; over three or more years, whether
        # its unevenness is converging (the finding of the whole panel, unclear in grey)
        year_cols = [(ind, name) for ind, key, name in cols if key == "year"]
        if year_cols:
            first = year_cols[0][0]
            field = [name for ind, name in year_cols if ind == first][-1]
            verdict = F.sigma_verdict_field(first)
            if verdict in attrs.columns and attrs[verdict].notna().any():
                feedback.pushInfo(self.tr(
                    "OUTPUT_REGIONS is styled by the sigma-convergence verdict of {indicator} ({field}); the map of "
                    "{measure} in its latest year is drawn by 'Render maps to PNG' with MAP_FIELD={measure}.").format(
                        indicator=first, field=verdict, measure=field))
                self.style_output(dest_id, lambda layer: verdict_renderer(layer, verdict, translated_language()))
            else:
                self.style_output(dest_id, lambda layer: graduated_renderer(layer, field))
        return dest_id
