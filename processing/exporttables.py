"""``megaregion:exporttables``: the plugin's result tables as one Excel workbook
(:mod:`..core.export.workbook`)."""
import os
import re
from collections import OrderedDict

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .deps import lazy_import
from .i18n import translated_language
from .input_checks import CheckedInputs

workbook = lazy_import("..core.export.workbook", __package__)

LANGUAGE_CODES = (None, "en", "zh")  # LANGUAGE: the interface's, English, Chinese


def table_name(layer):
    """The name of the table behind ``layer``: the GeoPackage layer's name (``layername=`` of
    its source) when it has one, else the layer's name."""
    match = re.search(r"\|layername=([^|]+)", layer.source())
    return match.group(1) if match else layer.name()


def _geopackage_path(value):
    """The path of ``value`` when it names a whole GeoPackage file (no layer), else None."""
    if not isinstance(value, str):
        return None
    path = value.strip()
    if path.lower().endswith(".gpkg") and "|" not in path and os.path.isfile(path):
        return path
    return None


class ExportTablesAlgorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ("numpy", "pandas")
    INPUT = "INPUT"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"
    SHEET_COUNT = "SHEET_COUNT"

    ALG_ID = "exporttables"
    DISPLAY_NAME = "Export result tables to Excel"
    GROUP_ID = "report"
    GROUP = "3 Report"
    HELP = (
        "One Excel workbook (.xlsx) of the plugin's result tables, to hand on: one sheet per table of INPUT, "
        "in the order of the analysis (unevenness table, mega-regions, each typology's secondary cities, cores "
        "and type profiles, trends, prefectures, then any other table).\n\n"
        "INPUT takes any of the plugin's outputs (layers or tables), or a whole GeoPackage such as the "
        "pipeline's megaregion.gpkg (every table in it).\n"
        "<b>Sheets</b>: row 1 names each column in words (LANGUAGE: by default the language of QGIS's "
        "interface), row 2 gives its field code; numbers are numbers, exactly as computed, shown with a "
        "format by what they are (indices 0.0000, shares as percentages, counts and years as whole numbers); "
        "the two ends of an interval are two columns beside their measure; header rows and the first column "
        "stay in view; columns are as wide as their texts. The first sheet says what each sheet holds and "
        "the settings of the run.\n"
        "The workbook is written with openpyxl where QGIS's Python has it, else with GDAL's XLSX driver: "
        "then the header is one row (the words and the code beneath them) without number formats, widths "
        "or frozen rows, and the log says so."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUT, self.tr("Result tables or layers, or a GeoPackage of them"), compat.SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Language of the headers"),
            options=[self.tr("The language of QGIS's interface"), "English", "中文 (Chinese)"], defaultValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Excel workbook"), self.tr("Excel workbooks (*.xlsx)")))
        self.addOutput(QgsProcessingOutputNumber(self.SHEET_COUNT, self.tr("Number of table sheets")))

    def _tables(self, parameters, context, feedback):
        """{table name: DataFrame} of INPUT, and the sources named on the first sheet."""
        values = parameters.get(self.INPUT)
        values = values if isinstance(values, (list, tuple)) else [values] if values else []
        files = [p for p in (_geopackage_path(v) for v in values) if p]
        rest = [v for v in values if _geopackage_path(v) is None]
        layers = self.parameterAsLayerList({self.INPUT: rest}, self.INPUT, context) if rest else []
        tables, sources = OrderedDict(), []

        def add(name, frame):
            key, n = name, 1
            while key in tables:
                n += 1
                key = "%s (%d)" % (name, n)
            tables[key] = frame

        for path in files:
            for name, frame in workbook.read_geopackage_tables(path).items():
                add(name, frame)
            sources.append(path)
        for layer in layers:
            if layer.type() != compat.LAYER_VECTOR:
                raise QgsProcessingException(self.tr(
                    "INPUT layer '{layer}' is not a vector layer or table: choose the plugin's output tables or "
                    "layers.").format(layer=layer.name()))
            frame, _ = qgis_io.source_to_frame(layer, feedback, with_geometry=False, progress_share=0.5)
            add(table_name(layer), frame)
            sources.append(layer.source().split("|", 1)[0] if layer.providerType() == "ogr" else layer.name())
        if not tables:
            raise QgsProcessingException(self.tr(
                "INPUT holds no table: choose the plugin's output tables or layers, or the pipeline's "
                "megaregion.gpkg."))
        return tables, sources

    def compute(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path.lower().endswith(".xlsx"):
            raise QgsProcessingException(self.tr(
                "OUTPUT '{path}' is not an .xlsx file: the tables are written as an Excel workbook; choose a file "
                "name ending in .xlsx.").format(path=path))
        lang = LANGUAGE_CODES[self.parameterAsEnum(parameters, self.LANGUAGE, context)] or translated_language()
        tables, sources = self._tables(parameters, context, feedback)
        settings = OrderedDict([("INPUT", sources)])
        with self.output_path(path) as temporary:
            engine, sheets = workbook.write_workbook(temporary, tables, lang, settings)
        if engine == "gdal":
            feedback.pushWarning(self.tr(
                "openpyxl is not installed in QGIS's Python: the workbook was written with GDAL's XLSX driver, "
                "without number formats, column widths or frozen header rows (the header is one row, the words "
                "above the field code). Install openpyxl for them."))
        for sheet in sheets:
            feedback.pushInfo(self.tr("Sheet '{sheet}': {rows} rows, {columns} columns from {source}").format(
                sheet=sheet.name, rows=sheet.frame.shape[0], columns=sheet.frame.shape[1], source=sheet.source))
        feedback.setProgress(100)
        return {self.OUTPUT: path, self.SHEET_COUNT: len(sheets)}
