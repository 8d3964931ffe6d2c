"""``megaregion:unevenness``: Theil and Dagum Gini between core and secondary cities."""
import re

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .input_checks import CheckedInputs, check_fields, checked_source, named
from .deps import lazy_import
from .styling import graduated_renderer

pd = lazy_import("pandas")
report_unevenness = lazy_import("..core.report_unevenness", __package__)
unevenness = lazy_import("..core.unevenness", __package__)

HEADLINES = [
    ("theil", "Theil T"),
    ("theil_between_share", "Theil T: share between core and secondary"),
    ("gini", "Gini"),
    ("dagum_gnb", "Dagum net between-group Gini (Gnb)"),
    ("share_gnb", "Dagum Gnb share of G"),
    ("gnb_signed", "Dagum Gnb, signed (+ cores lead)"),
    ("ratio", "Core mean / secondary mean"),
]

_YEAR_FIELD = re.compile(r"^(?P<base>.+)_(?P<year>\d{4})$")


class UnevennessAlgorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ("numpy", "pandas", "shapely")
    INPUT = "INPUT"
    INDICATORS = "INDICATORS"
    WEIGHT = "WEIGHT"
    MEGAREGION_FIELD = "MEGAREGION_FIELD"
    ROLE_FIELD = "ROLE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    HEADLINE = "HEADLINE"
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
        "feature per membership). <b>Indicators</b>: numeric fields; fields named "
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
        "<b>Outputs</b>: the tidy table (one row per mega-region &times; indicator &times; year, and a "
        "change row per pair of years); the mega-regions as polygons dissolved from their members, "
        "carrying the headline measure for every indicator and year (&lt;measure&gt;_&lt;indicator&gt;_&lt;year&gt;, "
        "and _change), styled as a graduated map; an HTML report with mega-region &times; indicator "
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
                self.WEIGHT, self.tr("Weight, e.g. population (optional: population-weighted measures)"),
                parentLayerParameterName=self.INPUT, type=compat.FIELD_PARAMETER_NUMERIC, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.MEGAREGION_FIELD, self.tr("Mega-region field"), defaultValue="megaregion_id",
                parentLayerParameterName=self.INPUT, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ROLE_FIELD, self.tr("Role field (core/secondary)"), defaultValue="role",
                parentLayerParameterName=self.INPUT, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD, self.tr("City name field (for messages)"), defaultValue="name",
                parentLayerParameterName=self.INPUT, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.HEADLINE, self.tr("Headline measure for the mega-region map"),
                options=[label for _, label in HEADLINES], defaultValue=0,
            )
        )
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
    def _weight(self, weight, frame, spec, feedback):
        """A weight field named <base>_<year> is matched to each indicator year when the
        input has <base>_<year> for every year; otherwise it is used for every year."""
        if not weight:
            return None
        m = _YEAR_FIELD.match(weight)
        years = {y for yrs in spec.values() for y in yrs if y is not None}
        if m and years and all(f"{m.group('base')}_{y}" in frame.columns for y in years):
            mapping = {y: f"{m.group('base')}_{y}" for y in years}
            if None in {y for yrs in spec.values() for y in yrs}:
                mapping[None] = weight
            feedback.pushInfo(
                "Weights by year: " + ", ".join(f"{y}: {f}" for y, f in sorted(mapping.items(), key=lambda kv: str(kv[0])))
            )
            return mapping
        return weight

    def compute(self, parameters, context, feedback):
        source = checked_source(self, parameters, self.INPUT, context,
                                what="the prefectures with mega-regions and indicators")
        indicators = compat.parameter_as_strings(self, parameters, self.INDICATORS, context)
        if not indicators:
            raise QgsProcessingException("INDICATORS is empty: choose at least one numeric field to measure.")
        check_fields(source.fields(), parameters, (
            (self.INDICATORS, indicators),
            (self.WEIGHT, [self.parameterAsString(parameters, self.WEIGHT, context)]),
        ))
        region_field = self.parameterAsString(parameters, self.MEGAREGION_FIELD, context) or "megaregion_id"
        role_field = self.parameterAsString(parameters, self.ROLE_FIELD, context) or "role"
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or None
        weight = self.parameterAsString(parameters, self.WEIGHT, context) or None
        headline = HEADLINES[self.parameterAsEnum(parameters, self.HEADLINE, context)][0]
        names = source.fields().names()
        for label, field in ((self.MEGAREGION_FIELD, region_field), (self.ROLE_FIELD, role_field)):
            if field not in names:
                raise QgsProcessingException(
                    f"{label} '{field}' is not a field of {named(parameters, self.INPUT)} (fields: {', '.join(names)}): run "
                    "'Assign mega-regions and core cities' first or choose the field."
                )
        if name_field and name_field not in names:
            name_field = None

        frame, geometries = qgis_io.source_to_frame(source, feedback, progress_share=0.2)
        # Prefectures outside every mega-region (kept with NULLs by the assign step) are not members.
        members = frame[region_field].notna().to_numpy()
        skipped = int((~members).sum())
        if skipped:
            feedback.pushInfo(f"{skipped} features with no mega-region are not members and are left out.")
        frame = frame[members].reset_index(drop=True)
        geometries = [g for g, keep in zip(geometries, members) if keep]
        if frame.empty:
            raise QgsProcessingException(
                f"No feature of INPUT has a mega-region in '{region_field}': run 'Assign mega-regions and core cities' first."
            )
        spec = unevenness.parse_indicator_fields(indicators)
        table = unevenness.unevenness_table(
            frame, spec, region_field=region_field, role_field=role_field,
            weight_field=self._weight(weight, frame, spec, feedback), labels_field=name_field,
        )
        feedback.setProgress(50)
        bad = table[(table["row_type"] == "year") & (table["status"] != "ok")]
        for row in bad.itertuples(index=False):
            year = "" if qgis_io.python_value(row.year) is None or pd.isna(row.year) else f" {row.year}"
            feedback.pushWarning(f"{row.megaregion} / {row.indicator}{year}: {row.status}")
        if feedback.isCanceled():
            raise QgsProcessingException("Cancelled")

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
                                             region_field, headline)
            if regions_id is not None:
                results[self.OUTPUT_REGIONS] = regions_id
        feedback.setProgress(90)

        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with self.output_file(html_path) as f:
                f.write(report_unevenness.unevenness_report_html(table, names=self._region_names(frame, region_field)))
            results[self.OUTPUT_HTML] = html_path
        feedback.setProgress(100)
        return results

    @staticmethod
    def _region_names(frame, region_field):
        """Display names 'Beijing-Tianjin-Hebei (BTH)' where the input has them."""
        if "megaregion" not in frame.columns:
            return None
        first = frame.drop_duplicates(region_field)
        return {
            rid: f"{name} ({rid})" if name else str(rid)
            for rid, name in zip(first[region_field], first["megaregion"])
        }

    def _write_regions(self, parameters, context, feedback, source, frame, geometries, table, region_field, headline):
        import pandas as pd
        from shapely.ops import unary_union

        shapes = qgis_io.shapely_geometries(geometries)
        region_ids = list(pd.unique(frame[region_field]))
        dissolved = []
        for rid in region_ids:
            if feedback.isCanceled():
                raise QgsProcessingException("Cancelled")
            parts = [s for s, r in zip(shapes, frame[region_field]) if r == rid and s is not None]
            merged = unary_union([p if p.is_valid else p.buffer(0) for p in parts]) if parts else None
            dissolved.append(merged)
        attrs = pd.DataFrame({"megaregion_id": region_ids})
        for extra in ("megaregion", "megaregion_zh", "phase"):
            if extra in frame.columns:
                first = frame.drop_duplicates(region_field).set_index(region_field)[extra]
                attrs[extra] = [first.get(r) for r in region_ids]
        cols = []
        for key, col_year in (("year", "year"), ("change", None)):
            rows = table[table["row_type"] == key]
            for (indicator, year), grp in rows.groupby(
                ["indicator", "year"] if col_year else ["indicator", "year2"], sort=False, dropna=False
            ):
                suffix = "change" if key == "change" else ("" if pd.isna(year) else str(int(year)))
                name = "_".join(p for p in (headline, str(indicator), suffix) if p)
                values = grp.set_index("megaregion")[headline]
                attrs[name] = [float(values.get(r)) if r in values.index else None for r in region_ids]
                cols.append((str(indicator), key, name))
        geoms = qgis_io.qgs_geometries([d for d in dissolved])
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
        # the map shows the first indicator in its latest year
        year_cols = [(ind, name) for ind, key, name in cols if key == "year"]
        if year_cols:
            first = year_cols[0][0]
            field = [name for ind, name in year_cols if ind == first][-1]
            self.style_output(dest_id, lambda layer: graduated_renderer(layer, field))
        return dest_id
