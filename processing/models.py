"""The shipped Processing models (resources/models/*.model3), listed under the provider.

Their inputs default to the bundled data. A model stores such a default as
``megaregion-data:<path>``; loading resolves it to the installed plugin's data folder.
QGIS 3.22 does not hand a model input's default on to the child algorithms when the input
is left out (as ``qgis_process`` and scripts do), so :class:`ShippedModel` fills the
defaults in before running the model.

:class:`ShippedModel` also gives the model what the Model Builder cannot store in 3.22:

- its inputs and outputs in the order they are drawn (top to bottom: the order of the
  analysis), since QGIS 3.22 keeps a model's inputs sorted by name;
- a display name and no group, so the whole analysis is listed above the provider's groups;
- ``OUTPUT_FOLDER``: one folder for everything (:data:`FOLDER_OUTPUTS`, and the maps of the
  model's maps step, which only such a run switches on); every model output is optional, and
  one that is named is written where it names, as before;
- layers loaded into the project named after what they are (the model output's
  description), not after the step's output (CITIES twice), each listed once; with an
  output folder the dialog's temporary layers are written into its GeoPackage;
- a Help button opening the plugin's reference."""
import glob
import os

from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import (
    Qgis,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingUtils,
    QgsMessageLog,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildParameterSource as ChildSource,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFolderDestination,
    QgsProperty,
)

from . import compat
from .i18n import tr
from .base import PLUGIN_DIR, help_url
from .outputs import Location, checked_destinations, destination_problem, implied_problem, run_guarded

MODELS_DIR = os.path.join(PLUGIN_DIR, "resources", "models")
DATA_DIR = os.path.join(PLUGIN_DIR, "resources", "data")
DATA_PLACEHOLDER = "megaregion-data:"
OUTPUT_FOLDER = "OUTPUT_FOLDER"
_STATIC = compat.first(lambda: Qgis.PropertyType.Static, lambda: QgsProperty.Type.StaticProperty)
_OPTIONAL = compat.first(lambda: Qgis.ProcessingParameterFlag.Optional,
                         lambda: QgsProcessingParameterDefinition.Flag.FlagOptional)

#: Display names of the shipped models by model name (the name is the public id).
DISPLAY_NAMES = {"pipeline": "Mega-region analysis (whole pipeline)"}
#: Where OUTPUT_FOLDER puts each output of the pipeline: a layer of GEOPACKAGE, a file or a
#: folder in OUTPUT_FOLDER.
GEOPACKAGE = "megaregion.gpkg"
FOLDER_OUTPUTS = {
    "ndvi:PREFECTURES": ("layer", "prefectures"),
    "join:UNMATCHED": ("layer", "unmatched_table_rows"),
    "unevenness:REGIONS": ("layer", "unevenness_megaregions"),
    "unevenness:TABLE": ("layer", "unevenness_table"),
    "unevenness:REPORT": ("file", "unevenness_report.html"),
    "typology:CITIES": ("layer", "typology_secondary_cities"),
    "typology:CORES": ("layer", "typology_core_cities"),
    "typology:PROFILES": ("layer", "typology_profiles"),
    "typology:REPORT": ("file", "typology_report.html"),
    "trend:CITIES": ("layer", "trend_secondary_cities"),
    "trend:CORES": ("layer", "trend_core_cities"),
    "trend:PROFILES": ("layer", "trend_profiles"),
    "trend:REPORT": ("file", "trend_report.html"),
    "spatial:CITIES": ("layer", "spatial_secondary_cities"),
    "spatial:TABLE": ("layer", "spatial_relations_table"),
    "spatial:REPORT": ("file", "spatial_report.html"),
}
#: The workbook of every table of GEOPACKAGE (core.export.workbook), written into OUTPUT_FOLDER
#: once every step has succeeded, with the run's settings on its first sheet.
WORKBOOK = "megaregion_tables.xlsx"
#: The pipeline's optional first step: county-level polygons made into its boundaries by
#: megaregion:aggregatecounties (left out, the model runs exactly as its file says).
COUNTIES = "COUNTIES"
COUNTY_CODE_FIELD = "COUNTY_CODE_FIELD"
COUNTY_PARENT_FIELD = "COUNTY_PARENT_FIELD"
COUNTY_PARAMETERS = (COUNTIES, COUNTY_CODE_FIELD, COUNTY_PARENT_FIELD)
#: the model inputs the counties' prefectures replace
BOUNDARIES, BOUNDARY_KEY = "BOUNDARIES", "BOUNDARY_KEY"

#: The years of the run: YEARS (the planner's), or YEAR1 and YEAR2 (saved models); with neither,
#: every year the table and the rasters have for all the indicators (:meth:`ShippedModel._fill_years`).
YEARS, YEAR1, YEAR2 = "YEARS", "YEAR1", "YEAR2"
#: the rasters of the model and the prefix of the fields their statistics write (<prefix>_<stat>_<year>)
RASTER_PREFIXES = (("NTL_RASTERS", "ntl_"), ("NDVI_RASTERS", "ndvi_"), ("LANDCOVER", "built_"))
#: A folder of downloaded files replaces the rasters of the same step: given, the rasters left
#: out are none (not the bundled samples, which the step would read besides the folder).
RASTER_FOLDERS = {"NTL_FOLDER": "NTL_RASTERS", "NDVI_FOLDER": "NDVI_RASTERS"}

#: The step that draws the maps, off in the model file; a run with OUTPUT_FOLDER switches it on
#: and writes the maps to MAPS_FOLDER in it.
MAPS_STEP = "maps"
#: the result naming the workbook (a run with OUTPUT_FOLDER)
WORKBOOK_OUTPUT = "WORKBOOK"
MAPS_FOLDER = "maps"


def model_text(text):
    """A text of a shipped model (label, option, help) in the interface's language. The model
    files hold the English texts; scripts/make_translations.py reads them into the translation."""
    return QCoreApplication.translate("megaregion", text)


def resolve_data(value):
    """'megaregion-data:<path>' -> the path inside the plugin's data folder (also in lists)."""
    if isinstance(value, str) and value.startswith(DATA_PLACEHOLDER):
        return os.path.join(DATA_DIR, value[len(DATA_PLACEHOLDER):])
    if isinstance(value, (list, tuple)):
        return [resolve_data(v) for v in value]
    return value


def folder_destination(folder, kind, name):
    """The value of an output written into ``folder`` (see :data:`FOLDER_OUTPUTS`)."""
    if kind == "layer":
        gpkg = os.path.join(folder, GEOPACKAGE).replace("'", "''")
        return f"ogr:dbname='{gpkg}' table=\"{name}\" (geom)"
    return os.path.join(folder, name)


def _given(value):
    return value not in (None, "")


def _names(text):
    """The names of a comma-separated list (INDICATORS, COST_INDICATORS), as the model reads them."""
    return [n.strip() for n in str(text or "").split(",") if n.strip()]


def _left_out(definition, value):
    """True when an input takes its default: not given, or empty where empty means nothing
    (an empty text, e.g. no cost indicators, is a value)."""
    return value is None or (value == "" and definition.type() != "string")


def _temporary(value):
    """True for an output the user did not place: 'TEMPORARY_OUTPUT' or a memory layer."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        sink = value.sink
        value = sink.staticValue() if sink.propertyType() == _STATIC else None
    return isinstance(value, str) and (value == "TEMPORARY_OUTPUT" or value.startswith("memory:"))


def _into(value, destination):
    """``destination`` in place of the output ``value``, keeping what the dialog asked of it
    (the project to open it in, its name)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        moved = QgsProcessingOutputLayerDefinition(value)
        moved.sink = QgsProperty.fromValue(destination)
        return moved
    return destination


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model of the plugin whose left-out inputs take their defaults."""

    def createInstance(self):  # noqa: N802 (QGIS API)
        clone = ShippedModel()
        clone.loadVariant(self.toVariant())
        clone.setSourceFilePath(self.sourceFilePath())
        clone.arrange()
        return clone

    def displayName(self):  # noqa: N802
        if self.name() in DISPLAY_NAMES:
            return QCoreApplication.translate("megaregion", DISPLAY_NAMES[self.name()])
        return super().displayName()

    def group(self):
        return "" if self.name() in DISPLAY_NAMES else super().group()

    def groupId(self):  # noqa: N802
        return "" if self.name() in DISPLAY_NAMES else super().groupId()

    def helpUrl(self):  # noqa: N802
        return help_url(self.name())

    def shortHelpString(self):  # noqa: N802
        """The model's help in the interface's language (its text is in the translation)."""
        text = super().shortHelpString()
        description = self.helpContent().get("ALG_DESC") or ""
        return text.replace(description, model_text(description)) if description else text

    def arrange(self):
        """Defaults resolved to the bundled data, inputs and outputs in the order they are
        drawn, every output optional, and OUTPUT_FOLDER for a model that lists its files."""
        definitions = list(self.parameterDefinitions())
        inputs = [d for d in definitions if not d.isDestination()]
        outputs = [d for d in definitions if d.isDestination()]

        def input_position(d):
            component = self.parameterComponents().get(d.name())
            return (component.position().y(), component.position().x()) if component else (1e9, 0)

        def output_position(d):
            child_id, _, name = d.name().partition(":")
            child = self.childAlgorithms().get(child_id)
            output = child.modelOutputs().get(name) if child else None
            return (output.position().y(), output.position().x()) if output else (1e9, 0)

        ordered = sorted(inputs, key=input_position) + sorted(outputs, key=output_position)
        output_names = {d.name() for d in outputs}
        clones = []
        for d in ordered:
            clone = d.clone()
            clone.setDefaultValue(resolve_data(clone.defaultValue()))
            # labels and options in the interface's language: the model file holds the English
            # ones, which the translation lists (scripts/make_translations.py reads the file)
            clone.setDescription(model_text(clone.description()))
            if clone.type() == "enum":
                clone.setOptions([model_text(option) for option in clone.options()])
            if clone.isDestination():
                clone.setFlags(clone.flags() | _OPTIONAL)
            clones.append(clone)
        del definitions, inputs, outputs, ordered  # removeParameter deletes them
        for clone in clones:
            self.removeParameter(clone.name())
        if self.name() in DISPLAY_NAMES and set(FOLDER_OUTPUTS) & output_names:
            position = next(i for i, c in enumerate(clones) if c.isDestination())
            clones.insert(position, QgsProcessingParameterFolderDestination(
                OUTPUT_FOLDER, tr("Output folder: one GeoPackage with every layer, the reports and the maps"),
                optional=True))
        if self.name() in DISPLAY_NAMES and BOUNDARIES in {c.name() for c in clones}:
            self._add_county_parameters(clones)
        for clone in clones:
            # removing a destination removed its output too: it is made again, in this order
            self.addParameter(clone, clone.isDestination())

    @staticmethod
    def _add_county_parameters(clones):
        """COUNTIES first among the planner's inputs (county data come before everything), its
        two fields first among the advanced ones."""
        counties = QgsProcessingParameterMultipleLayers(
            COUNTIES, tr("County-level boundaries, made into prefecture-level units and used instead of the "
                         "boundaries"), compat.SOURCE_VECTOR, optional=True)
        code = QgsProcessingParameterField(
            COUNTY_CODE_FIELD, tr("Code field of the county-level boundaries"), defaultValue="adcode", optional=True)
        parent = QgsProcessingParameterField(
            COUNTY_PARENT_FIELD, tr("Parent field of the county-level boundaries (code of the prefecture)"),
            optional=True)
        for definition in (code, parent):
            definition.setFlags(definition.flags() | compat.PARAMETER_ADVANCED)
        clones.insert(0, counties)
        advanced = next((i for i, c in enumerate(clones)
                         if c.flags() & compat.PARAMETER_ADVANCED and c is not code and not c.isDestination()),
                        next(i for i, c in enumerate(clones) if c.isDestination()))
        clones[advanced:advanced] = [code, parent]

    def canExecute(self):  # noqa: N802
        """False, with the message of the first step that cannot run (a package is missing)."""
        for child in self.childAlgorithms().values():
            algorithm = child.algorithm()
            if algorithm is not None:
                ok, message = algorithm.canExecute()
                if not ok:
                    return False, message
        return super().canExecute()

    def checkParameterValues(self, parameters, context):  # noqa: N802
        ok, message = self.canExecute()
        if not ok:
            return False, message
        from .input_checks import generic_problem

        # the files OUTPUT_FOLDER will hold are checked once the folder exists (a run creates it)
        folder = self._folder(parameters, context)
        filled = self._filled(parameters, context, folder if folder and os.path.isdir(folder) else None)
        # what OUTPUT_FOLDER implies (the GeoPackage, the reports, the maps) never names an input
        problem = self._implied_problem(parameters, context, folder)
        if problem:
            return False, problem
        ok, message = super().checkParameterValues(filled, context)
        if not ok:
            # QGIS's own text ("Incorrect parameter value for X") names neither value nor fix.
            return False, generic_problem(self, filled, context) or message
        # A model output may name a model input that a later step reads: refuse before any
        # step runs (each step also checks its own inputs and outputs).
        problem = checked_destinations(self, filled, context) or generic_problem(self, filled, context)
        return (False, problem) if problem else (True, "")

    def _implied(self, parameters, folder):
        """``[(what, Location)]``: the files and the folder that OUTPUT_FOLDER ``folder`` implies and
        no output parameter names: the GeoPackage (if a layer goes there), the reports and the
        maps folder (see :data:`FOLDER_OUTPUTS`)."""
        layers, implied = self._layers_in_folder(parameters), []
        for name, (kind, target) in FOLDER_OUTPUTS.items():
            if self.parameterDefinition(name) is None or kind == "layer":
                continue
            value = parameters.get(name)
            if _given(value) and not _temporary(value):
                continue  # written where it names, checked as the model's output
            implied.append((tr("the report {name}").format(name=target), Location(os.path.join(folder, target))))
        if layers:
            implied.insert(0, (tr("the layers {names}").format(names=", ".join(layers)),
                               Location(os.path.join(folder, GEOPACKAGE))))
            implied.append((tr("the workbook {name}").format(name=WORKBOOK), Location(os.path.join(folder, WORKBOOK))))
        if MAPS_STEP in self.childAlgorithms():
            implied.append((tr("the maps (PNG, PDF)"), Location(os.path.join(folder, MAPS_FOLDER), folder=True)))
        return implied

    def _layers_in_folder(self, parameters):
        """The layers OUTPUT_FOLDER's GeoPackage receives: those whose output is left out or
        temporary (the others are written where they name)."""
        layers = []
        for name, (kind, target) in FOLDER_OUTPUTS.items():
            value = parameters.get(name)
            if kind == "layer" and self.parameterDefinition(name) is not None and (
                    not _given(value) or _temporary(value)):
                layers.append(target)
        return layers

    def _implied_problem(self, parameters, context, folder):
        """Why the files OUTPUT_FOLDER implies cannot be written: one of them is (or, for the maps
        folder, holds) an input; None when none is or no folder is given."""
        if not folder:
            return None
        filled = self._filled(parameters, context)
        return implied_problem(self, filled, context, self._implied(parameters, folder))

    def _folder(self, parameters, context):
        """OUTPUT_FOLDER as an absolute path (a new temporary folder for 'TEMPORARY_OUTPUT', the
        dialog's default), or None when it is left out."""
        if self.parameterDefinition(OUTPUT_FOLDER) is None or not _given(parameters.get(OUTPUT_FOLDER)):
            return None
        folder = self.parameterAsFileOutput(parameters, OUTPUT_FOLDER, context)
        return os.path.abspath(os.path.expanduser(folder)) if folder else None

    def _filled(self, parameters, context=None, folder=None):
        """The parameters with every left-out input at its default (:func:`_left_out`), and
        every output left out or temporary (the dialog's 'Create temporary layer') in ``folder`` (see
        :data:`FOLDER_OUTPUTS`; a layer the dialog is to open still opens, from there) or,
        without a folder, temporary."""
        filled = dict(parameters)
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.isDestination():
                if name == OUTPUT_FOLDER:
                    continue
                value = filled.get(name)
                if folder and name in FOLDER_OUTPUTS and (not _given(value) or _temporary(value)):
                    filled[name] = _into(value, folder_destination(folder, *FOLDER_OUTPUTS[name]))
                elif not _given(value):
                    filled[name] = "TEMPORARY_OUTPUT"
            elif _left_out(definition, filled.get(name)) and definition.defaultValue() is not None:
                filled[name] = definition.defaultValue()
        for folder_name, rasters in RASTER_FOLDERS.items():
            definition = self.parameterDefinition(rasters)
            if (self.parameterDefinition(folder_name) is not None and _given(parameters.get(folder_name))
                    and definition is not None and _left_out(definition, parameters.get(rasters))):
                filled[rasters] = []
        if folder:
            filled[OUTPUT_FOLDER] = folder
        return filled

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """The steps with the defaults filled in, all or nothing: the outputs of the steps
        that succeeded are removed again when a later step fails or the run is cancelled."""
        folder = self._folder(parameters, context)
        filled = self._filled(parameters, context, folder)
        maps_folder = os.path.join(folder, MAPS_FOLDER) if folder else None
        maps_before = _listing(maps_folder)
        if maps_folder and MAPS_STEP in self.childAlgorithms():
            step = self.childAlgorithm(MAPS_STEP)
            step.setActive(True)
            step.addParameterSources("OUTPUT_FOLDER", [ChildSource.fromStaticValue(maps_folder)])
        model = super(ShippedModel, self)
        in_folder = bool(folder) and bool(self._layers_in_folder(parameters))

        def run():
            self._check_roles(parameters, filled, feedback)
            self._counties_first(filled, context, feedback)
            self._fill_years(filled, context, feedback)
            results = model.processAlgorithm(filled, context, feedback)
            self._name_layers(results, filled, context)
            if folder:
                results[OUTPUT_FOLDER] = folder
                # only from the layers this run wrote into the folder (not an older run's GeoPackage)
                workbook = self._write_workbook(folder, filled, feedback, pending) if in_folder else None
                if workbook:
                    results[WORKBOOK_OUTPUT] = workbook
            return results

        # before anything is read or made: no file OUTPUT_FOLDER implies may be an input
        problem = self._implied_problem(parameters, context, folder)
        if problem:
            raise QgsProcessingException(problem)
        created = bool(folder) and not os.path.isdir(folder)
        if created:
            # the folder itself is checked first; the files in it once it exists
            problem = destination_problem(self, self._filled(parameters, context), context)
            if problem:
                raise QgsProcessingException(problem)
            try:
                os.makedirs(folder)
            except OSError as exc:
                raise QgsProcessingException(tr(
                    "OUTPUT_FOLDER '{folder}' cannot be created ({reason}): choose a folder you may write to.").format(
                        folder=folder, reason=exc.strerror or exc)) from exc
        pending = []  # (temporary, final): the workbook, moved into place once the run succeeded

        def commit():
            for temporary, final in pending:
                os.replace(temporary, final)

        def discard():
            for temporary, _ in pending:
                if os.path.exists(temporary):
                    os.remove(temporary)

        try:
            return run_guarded(self, filled, context, feedback, run, commit=commit, discard=discard)
        except BaseException:
            discard()
            if maps_folder:
                _remove_new(maps_folder, maps_before)
            if created:
                _remove_empty_folder(folder)
            raise

    def _counties_first(self, filled, context, feedback):
        """With COUNTIES, megaregion:aggregatecounties makes the prefecture-level units the
        model starts from: they replace BOUNDARIES (and BOUNDARY_KEY is their adcode). The
        layer is a temporary file of the run."""
        if self.parameterDefinition(COUNTIES) is None or not filled.get(COUNTIES):
            return
        from qgis import processing

        out = QgsProcessingUtils.generateTempFilename("prefectures_from_counties.gpkg")
        feedback.pushInfo(tr("COUNTIES given: the prefecture-level units made from them are the boundaries of the "
                             "analysis (BOUNDARIES is not read)."))
        result = processing.run("megaregion:aggregatecounties", {
            "INPUT": filled[COUNTIES], "CODE_FIELD": filled.get(COUNTY_CODE_FIELD) or "adcode",
            "PARENT_FIELD": filled.get(COUNTY_PARENT_FIELD) or None, "OUTPUT": out},
            context=context, feedback=feedback, is_child_algorithm=True)
        filled[BOUNDARIES] = result["OUTPUT"]
        filled[BOUNDARY_KEY] = "adcode"

    def _write_workbook(self, folder, filled, feedback, pending):
        """megaregion_tables.xlsx in ``folder``: every table of its GeoPackage, one sheet each, the
        headers in the interface's language, the run's settings on the first sheet. Written to a
        temporary file, added to ``pending`` (moved into place once the whole run succeeded, as
        the reports are); None when the GeoPackage holds nothing."""
        import uuid

        from ..core.export import workbook as core_workbook
        from .i18n import translated_language

        gpkg = os.path.join(folder, GEOPACKAGE)
        if not os.path.isfile(gpkg) or feedback.isCanceled():
            return None
        settings = {}
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.isDestination() or not _given(filled.get(name)):
                continue
            value = filled[name]
            if isinstance(value, (list, tuple)):
                value = [_setting_text(v) for v in value]
            else:
                value = _setting_text(value)
            settings[name] = value
        path = os.path.join(folder, WORKBOOK)
        temporary = os.path.join(folder, f".megaregion-{uuid.uuid4().hex}.xlsx")
        try:
            engine, sheets = core_workbook.workbook_from_geopackage(gpkg, temporary, translated_language(), settings)
        except BaseException:
            if os.path.exists(temporary):
                os.remove(temporary)
            raise
        pending.append((temporary, path))
        if engine == "gdal":
            feedback.pushWarning(tr(
                "openpyxl is not installed in QGIS's Python: {name} was written with GDAL's XLSX driver, without "
                "number formats, column widths or frozen header rows. Install openpyxl for them.").format(
                    name=WORKBOOK))
        feedback.pushInfo(tr("Workbook written: {path} ({count} sheets).").format(path=path, count=len(sheets)))
        return path

    def _check_roles(self, parameters, filled, feedback):
        """COST_INDICATORS and NEUTRAL_INDICATORS name indicators among INDICATORS (names without
        the year), before any step runs. Left at its default, a name INDICATORS does not have
        (age_65 when the planner chose other indicators) is left out with a log line; named by
        the planner, it is an error saying what to do."""
        chosen = _names(filled.get("INDICATORS"))
        for name in ("COST_INDICATORS", "NEUTRAL_INDICATORS"):
            if self.parameterDefinition(name) is None:
                continue
            given = _names(filled.get(name))
            stray = [n for n in given if n not in chosen]
            if not stray:
                continue
            if _given(parameters.get(name)):
                raise QgsProcessingException(tr(
                    "{parameter} names {names}, which INDICATORS ({indicators}) does not have: name indicators among "
                    "INDICATORS (names without the year), or leave {parameter} empty.").format(
                        parameter=name, names=", ".join(stray), indicators=", ".join(chosen)))
            filled[name] = ",".join(n for n in given if n in chosen)
            feedback.pushInfo(tr(
                "{parameter} at its default names {names}, which INDICATORS ({indicators}) does not have: left "
                "out.").format(parameter=name, names=", ".join(stray), indicators=", ".join(chosen)))

    def _fill_years(self, filled, context, feedback):
        """YEARS as the steps read it: the given years sorted, each once; left empty with YEAR1 and
        YEAR2 (a saved model's two years), as it is; left empty without them, every year in which
        each indicator has a field, in the table (wide, or long with a column of years), the
        boundaries or the statistics of the rasters (years from their file names, as the zonal
        steps match them)."""
        if self.parameterDefinition(YEARS) is None:
            return
        from ..core import trend as core_trend

        text = str(filled.get(YEARS) or "").strip()
        pair = [self.parameterAsInt(filled, name, context) if _given(filled.get(name)) else 0 for name in (YEAR1, YEAR2)]
        if text:
            if any(pair):
                raise QgsProcessingException(tr(
                    "YEARS ({years}) and YEAR1/YEAR2 ({year1}, {year2}) are both set: choose the years in YEARS "
                    "and leave YEAR1 and YEAR2 not set.").format(years=text, year1=pair[0], year2=pair[1]))
            filled[YEARS] = ",".join(map(str, core_trend.parse_years(text)))
            return
        if any(pair):
            return  # the model takes YEAR1 and YEAR2; the trend step checks them
        names = [n.strip() for n in str(filled.get("INDICATORS") or "").split(",") if n.strip()]
        available, sources = self._available_years(filled, context)
        years = core_trend.common_years(names, available, sources)
        filled[YEARS] = ",".join(map(str, years))
        feedback.pushInfo(tr("YEARS left empty: the years every indicator has, {years}.").format(
            years=", ".join(map(str, years))))

    def _available_years(self, filled, context):
        """({indicator: {years}}, {indicator: where the years come from}) of the run's data."""
        from ..core.admin import join as core_join
        from ..core.fields import split_year
        from ..core.zonal.naming import raster_years
        from .tables import table_frame

        available, sources = {}, {}

        def add(columns, where, years=None):
            for column in columns:
                name, year = split_year(column)
                found = {year} if year is not None else set(years or ())
                if found:
                    available.setdefault(name, set()).update(found)
                    sources.setdefault(name, where)

        try:
            boundaries = self.parameterAsSource(filled, BOUNDARIES, context)
        except QgsProcessingException:
            boundaries = None  # the first step says why it cannot read them
        if boundaries is not None:
            add(boundaries.fields().names(), BOUNDARIES)
        table = table_frame(self, filled, "TABLE", context)
        columns = [str(c) for c in table.columns]
        key = filled.get("TABLE_KEY")
        long_years = core_join.year_columns(table, key) if key in table.columns else []
        if len(long_years) == 1:  # a long table, read by its column of years as the join reads it
            years = {int(y) for y in (core_join.year_label(v) for v in table[long_years[0]])
                     if y is not None and y.isdigit()}
            add([c for c in columns if c not in (key, long_years[0])], "TABLE", years)
        else:
            add(columns, "TABLE")
        for parameter, prefix in RASTER_PREFIXES:
            if self.parameterDefinition(parameter) is None:
                continue
            # an empty list is none (parameterAsLayerList would give the default's layers)
            layers = self.parameterAsLayerList(filled, parameter, context) if filled.get(parameter) else []
            paths = [layer.source().split("|")[0] for layer in layers]
            folder = next((f for f, r in RASTER_FOLDERS.items() if r == parameter), None)
            folder = filled.get(folder) if folder and self.parameterDefinition(folder) is not None else None
            if _given(folder):
                years = self._product_years(next(f for f, r in RASTER_FOLDERS.items() if r == parameter),
                                            paths + [str(folder)])
            else:
                years = raster_years(paths) or []
            for name in list(available) + [n.strip() for n in str(filled.get("INDICATORS") or "").split(",")]:
                if name.startswith(prefix) and years:
                    available.setdefault(name, set()).update(years)
                    sources.setdefault(name, parameter)
        return available, sources

    @staticmethod
    def _product_years(parameter, inputs):
        """The years of downloaded files as the zonal steps group them (core.zonal.catalogue);
        a folder that does not exist, holds no raster or mixes products is refused, naming
        ``parameter``, before any step runs."""
        from ..core.zonal import catalogue
        from .i18n import shown

        try:
            found = catalogue.catalogue(inputs)
        except ValueError as exc:
            raise QgsProcessingException(tr("{parameter}: {problem}.").format(
                parameter=parameter, problem=shown(exc).rstrip("."))) from exc
        try:
            return list(found.years)
        finally:
            found.close()

    def _name_layers(self, results, filled, context):
        """Layers loaded into the project take the description of their model output. QGIS
        lists each output the dialog opens twice: by the layer's id or source, and by the
        value the step was given ('memory:<the step's output description>', 'ogr:dbname=...'),
        which names no layer and would be reported as 'not correctly generated'; that second
        entry is dropped."""
        from qgis.core import QgsProcessingUtils

        names, doubles = {}, {}
        for definition in self.destinationParameterDefinitions():
            name, description = definition.name(), definition.description()
            value = results.get(name)
            if isinstance(value, str):
                names[value] = description
            given = filled.get(name)
            if isinstance(given, QgsProcessingOutputLayerDefinition):
                given = given.sink.staticValue() if given.sink.propertyType() == _STATIC else None
            if isinstance(given, str):
                doubles[given] = description
            child_id, _, output_name = name.partition(":")
            child = self.childAlgorithms().get(child_id)
            output = child.modelOutputs().get(output_name) if child else None
            step = child.algorithm() if child else None
            step_output = step.parameterDefinition(output.childOutputName()) if output and step else None
            if step_output is not None:
                doubles["memory:" + step_output.description()] = description
        kept = {}
        for key, details in context.layersToLoadOnCompletion().items():
            if key not in names and key in doubles and QgsProcessingUtils.mapLayerFromString(key, context) is None:
                continue
            name = names.get(key) or doubles.get(key)
            if name:
                details.name = name
                if hasattr(details, "forceName"):  # QGIS 3.32+: keep this name whatever the settings
                    details.forceName = True
            kept[key] = details
        context.setLayersToLoadOnCompletion(kept)


def _setting_text(value):
    """A setting of the run as the workbook shows it: numbers and texts as they are, a layer by
    its source."""
    if isinstance(value, (bool, int, float, str)):
        return value
    source = getattr(value, "source", None)
    if callable(source):
        return source()
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        return value.source.staticValue()
    return str(value)


def _listing(folder):
    """The names in ``folder``; None when it does not exist."""
    return set(os.listdir(folder)) if folder and os.path.isdir(folder) else None


def _remove_new(folder, before):
    """Remove what a failed run wrote into ``folder`` (all of it, and the folder, if the run made it)."""
    if not os.path.isdir(folder):
        return
    for name in _listing(folder) - (before or set()):
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            os.remove(path)
    if before is None:
        _remove_empty_folder(folder)


def _remove_empty_folder(folder):
    """Remove ``folder`` (made by the failed run) if the rollback left it empty."""
    try:
        os.removedirs(folder)
    except OSError:
        pass


def shipped_models():
    out = []
    for path in sorted(glob.glob(os.path.join(MODELS_DIR, "*.model3"))):
        model = ShippedModel()
        if not model.fromFile(path):
            QgsMessageLog.logMessage(
                tr("Model {path} could not be read").format(path=path), "Mega-region unevenness",
                compat.MESSAGE_CRITICAL)
            continue
        model.arrange()
        out.append(model)
    return out
