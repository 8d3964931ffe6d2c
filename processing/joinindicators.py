"""``megaregion:joinindicators``: join a yearbook indicator table to prefecture boundaries."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .input_checks import CheckedInputs, checked_source, named
from .deps import lazy_import
from .tables import table_frame

core_join = lazy_import("..core.admin.join", __package__)

DUPLICATE_OPTIONS = ["Error (list the duplicated keys)", "Keep the first row", "Sum the rows", "Average the rows"]


class JoinIndicatorsAlgorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ("numpy", "pandas")
    INPUT = "INPUT"
    INPUT_KEY = "INPUT_KEY"
    TABLE = "TABLE"
    TABLE_KEY = "TABLE_KEY"
    MATCH_BY = "MATCH_BY"
    FIELDS = "FIELDS"
    YEAR_FIELD = "YEAR_FIELD"
    DUPLICATES = "DUPLICATES"
    YEAR = "YEAR"
    OUTPUT = "OUTPUT"
    UNMATCHED = "UNMATCHED"
    MATCHED_COUNT = "MATCHED_COUNT"
    UNMATCHED_COUNT = "UNMATCHED_COUNT"
    MATCHED_BOUNDARIES = "MATCHED_BOUNDARIES"

    ALG_ID = "joinindicators"
    DISPLAY_NAME = "Join indicator table to boundaries"
    HELP = (
        "Puts a yearbook indicator table onto the prefecture map.\n\n"
        "<b>Boundaries</b>: a polygon layer and its key field (administrative code or name). "
        "<b>Table</b>: any table QGIS opens (CSV in UTF-8, UTF-8 with BOM or GBK/GB18030, XLSX, a "
        "GeoPackage table, a layer) and its key field.\n"
        "<b>Match by</b>:\n"
        "- <i>administrative code</i>: 6-digit GB/T 2260 codes, also written as numbers (110100.0), as "
        "4-digit prefecture prefixes (1101), with Chongqing as 500000 or 500100;\n"
        "- <i>name</i>: Chinese names with or without suffixes (市, 地区, 盟, 自治州 ...), the short forms "
        "yearbooks use (恩施州), full-width characters and stray spaces, pinyin and the usual English "
        "names in any case (Xi'an, Harbin, Hohhot, Urumqi), and renamed or merged cities through the "
        "crosswalk (襄樊 → 襄阳, 思茅 → 普洱; 莱芜, merged into 济南 in 2019, joins 济南 only when "
        "duplicates are summed). A name that could mean two prefectures (Suzhou: 苏州 or 宿州) is "
        "reported, never guessed.\n"
        "<b>Fields to join</b>: default all numeric fields. Numbers written as text (\"1,234.5\", "
        "\"—\", \"..\", \"\") become numbers or NULL, never 0.\n"
        "<b>Year field</b> (long tables, one row per city and year): each field becomes one column "
        "per year, &lt;field&gt;_&lt;year&gt; (GDP_2015). Left empty, a table whose key repeats and in which "
        "exactly one column holds years (whole numbers from 1949 to 2100, each key once per year, such as "
        "年份) is read as a long table by that column, and the log says so; when two columns qualify, the "
        "run stops naming them: choose one as the year field.\n"
        "<b>Year of a one-year table</b> (optional): the year the table's values are for; the joined fields "
        "are written &lt;field&gt;_&lt;year&gt; (均值_2020, 人口_2020), so the unevenness, typology and trend steps "
        "read their year without renaming. Not together with the year field.\n"
        "<b>Duplicate keys</b>: two rows for the same prefecture (and year), including two spellings "
        "of one name (北京, 北京市), are an error naming them unless you keep the first, sum or "
        "average them. Rows that differ only by a column of years are never summed or averaged: the "
        "error names the column to choose as the year field.\n\n"
        "<b>Outputs</b>: the joined layer (every boundary feature kept, with 'match_status': matched, "
        "no table row, no key, invalid key); a table of the table rows that matched no boundary, with "
        "the reason and the closest boundary names; the counts of matched and unmatched table rows "
        "and of boundaries that received values."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Boundaries (polygons)"), [compat.SOURCE_VECTOR_POLYGON]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.INPUT_KEY, self.tr("Boundary key field (code or name)"), parentLayerParameterName=self.INPUT
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TABLE, self.tr("Indicator table (CSV, XLSX, GeoPackage table, layer)"), [compat.SOURCE_VECTOR]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TABLE_KEY, self.tr("Table key field (code or name)"), parentLayerParameterName=self.TABLE
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MATCH_BY, self.tr("Match by"),
                options=[self.tr("Administrative code"), self.tr("Name (Chinese, pinyin or English)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.FIELDS, self.tr("Fields to join (default: all numeric fields)"),
                parentLayerParameterName=self.TABLE, allowMultiple=True, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.YEAR_FIELD, self.tr("Year field (long tables only)"),
                parentLayerParameterName=self.TABLE, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DUPLICATES, self.tr("Duplicate keys in the table"),
                options=[self.tr(o) for o in DUPLICATE_OPTIONS], defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR, self.tr("Year of a one-year table (fields written <field>_<year>)"),
                type=compat.NUMBER_INTEGER, optional=True, minValue=1949, maxValue=2100,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Joined layer")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.UNMATCHED, self.tr("Unmatched table rows"), compat.SOURCE_VECTOR,
                optional=True, createByDefault=True,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.MATCHED_COUNT, self.tr("Table rows joined")))
        self.addOutput(QgsProcessingOutputNumber(self.UNMATCHED_COUNT, self.tr("Table rows not joined")))
        self.addOutput(QgsProcessingOutputNumber(self.MATCHED_BOUNDARIES, self.tr("Boundaries with values")))

    def compute(self, parameters, context, feedback):
        source = checked_source(
            self, parameters, self.INPUT, context,
            polygons_for=self.tr("choose the polygon layer of prefecture boundaries (join tables to tables with "
                                 "QGIS's 'Join attributes by field value')"),
            what=self.tr("the polygon layer of prefecture boundaries"),
        )
        input_key = self.parameterAsString(parameters, self.INPUT_KEY, context)
        table_key = self.parameterAsString(parameters, self.TABLE_KEY, context)
        match_by = self.parameterAsEnum(parameters, self.MATCH_BY, context)
        fields = compat.parameter_as_strings(self, parameters, self.FIELDS, context) or None
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context) or None
        duplicates = self.parameterAsEnum(parameters, self.DUPLICATES, context)
        year = parameters.get(self.YEAR)
        if year in (None, ""):
            year = None
        elif not isinstance(year, (str, int, float)):  # an expression or a model input
            year = self.parameterAsDouble(parameters, self.YEAR, context)
        # a value as typed ("2020", "2020s") goes to core, whose message names it

        boundary_names = source.fields().names()
        if input_key not in boundary_names:
            raise QgsProcessingException(self.tr(
                "INPUT_KEY '{field}' is not a field of {input} (fields: {fields}): choose the field with the "
                "administrative code or the name.").format(
                    field=input_key, input=named(parameters, self.INPUT), fields=", ".join(boundary_names)))
        table = table_frame(self, parameters, self.TABLE, context, feedback)
        if table.empty:
            raise QgsProcessingException(self.tr(
                "{input} has no rows: choose the table that holds the indicators.").format(
                    input=named(parameters, self.TABLE)))
        if table_key not in table.columns:
            raise QgsProcessingException(self.tr(
                "TABLE_KEY '{field}' is not a field of {input} (fields: {fields}): choose the field with the "
                "administrative code or the name.").format(
                    field=table_key, input=named(parameters, self.TABLE), fields=", ".join(map(str, table.columns))))
        frame, geometries = qgis_io.source_to_frame(source, feedback, progress_share=0.3)
        result = core_join.join_indicators(
            frame, input_key, table, table_key, match_by=match_by, fields=fields,
            year_field=year_field, duplicates=duplicates, year=year,
        )
        if result.detected_year_field is not None:
            feedback.pushInfo(self.tr(
                "TABLE_KEY '{key}' repeats and '{field}' holds years (each key once per year): the table is read as "
                "a long table with YEAR_FIELD '{field}'.").format(key=table_key, field=result.detected_year_field))
        for wanted, used in result.renamed_fields.items():
            feedback.pushWarning(self.tr("Field '{field}' exists in INPUT: written as '{written}'.").format(
                field=wanted, written=used))
        for field, why in result.skipped_fields.items():
            feedback.pushInfo(self.tr("Table field '{field}' not joined: {reason}").format(field=field, reason=why))
        feedback.setProgress(40)

        out_fields = qgis_io.frame_fields(result.joined, templates=source.fields())
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, out_fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        qgis_io.write_frame(sink, result.joined, geometries, feedback, 40, 90)
        results = {self.OUTPUT: dest_id}

        unmatched = result.unmatched.copy()
        unmatched["key"] = unmatched["key"].map(lambda v: None if v is None else str(v))
        sink2, unmatched_id = self.parameterAsSink(
            parameters, self.UNMATCHED, context, qgis_io.frame_fields(unmatched), compat.WKB_NO_GEOMETRY
        )
        if sink2 is not None:
            qgis_io.write_frame(sink2, unmatched, None, feedback, 90, 100)
            results[self.UNMATCHED] = unmatched_id

        # One line per key and reason: a long panel repeats an unmatched key once per year.
        groups = {}
        for row in result.unmatched.itertuples(index=False):
            groups.setdefault((row.key, row.reason), []).append(row.row)
        shown_rows = 0
        for (key, reason), rows in list(groups.items())[:20]:
            shown_rows += len(rows)
            if len(rows) == 1:
                feedback.pushWarning(self.tr("Table row {row} '{key}' not joined: {reason}").format(
                    row=rows[0], key=key, reason=reason))
            else:
                feedback.pushWarning(self.tr("Table rows {rows} ({count} rows) '{key}' not joined: {reason}").format(
                    rows=", ".join(map(str, rows[:3])) + (" ..." if len(rows) > 3 else ""), count=len(rows), key=key,
                    reason=reason))
        if result.unmatched_rows > shown_rows:
            feedback.pushWarning(self.tr("... and {count} more: see the unmatched table.").format(
                count=result.unmatched_rows - shown_rows))
        feedback.pushInfo(self.tr(
            "Joined {joined} of {rows} table rows; {boundaries} of {features} boundary features received values "
            "({count} fields: {fields}).").format(
                joined=result.matched_rows, rows=result.matched_rows + result.unmatched_rows,
                boundaries=result.matched_boundaries, features=len(frame), count=len(result.indicator_fields),
                fields=", ".join(result.indicator_fields[:12]) + (" ..." if len(result.indicator_fields) > 12 else "")))
        results[self.MATCHED_COUNT] = result.matched_rows
        results[self.UNMATCHED_COUNT] = result.unmatched_rows
        results[self.MATCHED_BOUNDARIES] = result.matched_boundaries
        return results
