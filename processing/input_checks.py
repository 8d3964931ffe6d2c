"""Parameter checks that name what is wrong: the value and the allowed range or choices, the
file that does not exist, the file that exists but cannot be read (and why), the raster or
layer without a coordinate reference system.

QGIS's own checks end in "Incorrect parameter value for X" without the value, and a file that
OGR or GDAL cannot open is reported by the algorithms as "not found". :class:`CheckedInputs`
runs QGIS's checks first and, where they or the files fail, replaces the message by one that
says which input, which value and what to do."""
import os
import re
import zipfile

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
)

from .deps import lazy_import
from .i18n import shown, tr

core_tables = lazy_import("..core.admin.tables", __package__)

TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
# "provider:source" values (memory:, postgres:...); a Windows drive letter has one character
PROVIDER_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_]{2,}:(?!//)")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
RASTER_FIX = "choose a GeoTIFF that opens in QGIS, or export the raster again (Raster > Conversion > Translate)"
VECTOR_FIX = "open it in QGIS to check it, or export the layer again (Export > Save Features As)"


def _number(value):
    return f"{value:g}" if isinstance(value, float) else str(value)


def _plain(value):
    """A parameter value as plain Python (a QVariant list or string as list or str)."""
    if hasattr(value, "value") and not isinstance(value, (str, bytes)) and type(value).__name__ == "QVariant":
        return value.value()
    return value


def file_path(value):
    """The file named by a layer parameter value ('path|layername=x' -> 'path'), or None when
    the value is not text (a layer object, a feature source definition)."""
    value = _plain(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.lower().startswith("file:"):  # a delimited-text URI: file:///path.csv?delimiter=,
        from qgis.PyQt.QtCore import QUrl

        return QUrl(text).toLocalFile() or None
    if PROVIDER_PREFIX.match(text):  # memory:, postgres:, ogr:... : not a plain file name
        return None
    return text.split("|", 1)[0].strip()


def _gdal_open(path, flags):
    """``(dataset or None, GDAL's last error message)``, quietly."""
    from osgeo import gdal

    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        gdal.ErrorReset()
        try:
            ds = gdal.OpenEx(path, flags)
        except RuntimeError as exc:  # with gdal.UseExceptions() set elsewhere
            return None, str(exc)
        return ds, gdal.GetLastErrorMsg()
    finally:
        gdal.PopErrorHandler()


def _reason(message, fallback):
    message = " ".join((message or "").split())
    return message.rstrip(".") if message else fallback


def table_problem(path):
    """Why the table file ``path`` cannot be read (None when it can)."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in TEXT_SUFFIXES:
        try:
            core_tables.read_table(path)
        except ImportError:  # pandas missing: the algorithm says so when it runs
            return None
        except (ValueError, UnicodeError, OSError) as exc:
            return shown(exc)
        return _text_layer_problem(path, suffix)
    if suffix in EXCEL_SUFFIXES:
        if not zipfile.is_zipfile(path):
            return tr("'{path}' cannot be read: it is not an Excel workbook (an .xlsx file is a zip archive; this one "
                      "is damaged or not a workbook); open it in Excel and save it again as .xlsx, or save the sheet "
                      "as CSV").format(path=path)
        try:
            core_tables.read_table(path)
        except ImportError:
            return None
        except Exception as exc:  # noqa: BLE001 (openpyxl raises many kinds on damaged workbooks)
            return tr("'{path}' cannot be read: {reason}; open it in Excel and save it again as .xlsx, or save the "
                      "sheet as CSV").format(path=path, reason=_reason(str(exc), type(exc).__name__))
        return None
    return vector_problem(path)


def _text_layer_problem(path, suffix):
    """Why QGIS's loader cannot open the delimited text file ``path`` as a layer although it reads
    as a table, or None: QGIS (OGR) reads text in UTF-8 or the system's encoding, not UTF-16, and
    only from a file named .csv (or .tsv); QGIS's own message would say the file is 'not found'."""
    with open(path, "rb") as handle:
        start = handle.read(2)
    if start in (b"\xff\xfe", b"\xfe\xff"):
        return tr("'{path}' cannot be read as a table: it is UTF-16 text (with a byte-order mark), which QGIS's "
                  "reader of delimited text does not decode; save it as UTF-8 or GBK (Excel: 'CSV UTF-8'; a text "
                  "editor: encoding UTF-8 or GBK)").format(path=path)
    if suffix == ".csv":
        return None
    from qgis.core import QgsVectorLayer

    if QgsVectorLayer(path, "table", "ogr").isValid():
        return None
    return tr("'{path}' cannot be opened as a table: QGIS reads delimited text from files named .csv; rename it to "
              "'{name}' (or save it as CSV), in UTF-8 or GBK").format(
                  path=path, name=os.path.splitext(os.path.basename(path))[0] + ".csv")


def _gdal():
    """GDAL's bindings, or None where they are missing (the checks are then QGIS's own)."""
    try:
        from osgeo import gdal
    except ImportError:
        return None
    return gdal


def vector_problem(path):
    """Why OGR cannot open the vector file ``path`` (None when it can)."""
    gdal = _gdal()
    if gdal is None:
        return None

    ds, error = _gdal_open(path, gdal.OF_VECTOR)
    if ds is None:
        return tr("'{path}' cannot be read: {reason}; {fix}").format(
            path=path, reason=_reason(error, tr("not a vector format GDAL/OGR knows")), fix=tr(VECTOR_FIX))
    try:
        for i in range(ds.GetLayerCount()):
            layer = ds.GetLayer(i)
            layer.ResetReading()
            gdal.ErrorReset()
            gdal.PushErrorHandler("CPLQuietErrorHandler")
            try:
                layer.GetNextFeature()
                error = gdal.GetLastErrorMsg()
            finally:
                gdal.PopErrorHandler()
            if error:
                return tr("'{path}' cannot be read: {reason}; {fix}").format(
                    path=path, reason=_reason(error, tr("damaged")), fix=tr(VECTOR_FIX))
    finally:
        ds = None
    return None


def raster_problem(path):
    """Why the raster file ``path`` cannot be used by zonal statistics (None when it can): it
    does not open, a band cannot be read to its last row (a truncated file), or it has no CRS."""
    if not os.path.exists(path):
        return tr("'{path}' does not exist: check the path, or remove it from the list").format(path=path)
    if os.path.isdir(path):
        return tr("'{path}' is a folder, not a raster file: choose the raster files in it").format(path=path)
    if os.path.getsize(path) == 0:
        return tr("'{path}' is empty (0 bytes): {fix}").format(path=path, fix=tr(RASTER_FIX))
    gdal = _gdal()
    if gdal is None:
        return None
    ds, error = _gdal_open(path, gdal.OF_RASTER)
    if ds is None or ds.RasterCount < 1:
        return tr("'{path}' cannot be read as a raster: {reason}; {fix}").format(
            path=path, reason=_reason(error, tr("not a raster format GDAL knows")), fix=tr(RASTER_FIX))
    try:
        band = ds.GetRasterBand(ds.RasterCount)
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            gdal.ErrorReset()
            try:
                data = band.ReadRaster(0, ds.RasterYSize - 1, ds.RasterXSize, 1)
            except RuntimeError as exc:
                data, error = None, str(exc)
            else:
                error = gdal.GetLastErrorMsg()
        finally:
            gdal.PopErrorHandler()
        if data is None or error:
            return tr("'{path}' cannot be read: {reason}; {fix}").format(
                path=path, reason=_reason(error, tr("its last row cannot be read (a truncated file?)")),
                fix=tr(RASTER_FIX))
        if not ds.GetProjection() and not ds.GetGCPProjection():
            return tr("'{path}' has no coordinate reference system: assign one first (Raster > Projections > Assign "
                      "Projection, e.g. EPSG:4326 for longitude/latitude; or gdal_edit.py -a_srs EPSG:4326)"
                      ).format(path=path)
    finally:
        ds = None
    return None


def _in_context(value, context):
    """The layer ``value`` names among the project's and the run's layers (no file loaded)."""
    try:
        return QgsProcessingUtils.mapLayerFromString(value, context, False)
    except TypeError:
        return None


def enum_problem(definition, value):
    options = definition.options()
    choices = "; ".join(f"{i} = {o}" for i, o in enumerate(options))
    shown = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    return tr("{name} = {value} is not one of the choices ({choices}): give the number of a choice.").format(
        name=definition.name(), value=shown, choices=choices)


def number_problem(definition, value):
    low, high = definition.minimum(), definition.maximum()
    limit = 1e300
    if low > -limit and high < limit:
        allowed = tr("from {low} to {high}").format(low=_number(low), high=_number(high))
    elif low > -limit:
        allowed = tr("{low} or more").format(low=_number(low))
    else:
        allowed = tr("{high} or less").format(high=_number(high))
    return tr("{name} = {value} is out of range: choose a value {allowed}.").format(
        name=definition.name(), value=_number(value), allowed=allowed)


def generic_problem(alg, parameters, context):
    """The first parameter whose value QGIS refuses or whose file cannot be used, with a
    message naming the parameter, the value and the fix; None when all are fine."""
    for definition in alg.parameterDefinitions():
        name = definition.name()
        value = _plain(parameters.get(name))
        if value is None or (isinstance(value, str) and value == ""):
            continue
        if isinstance(definition, QgsProcessingParameterEnum):
            if not definition.checkValueIsAcceptable(value, context):
                return enum_problem(definition, value)
        elif isinstance(definition, QgsProcessingParameterNumber):
            if isinstance(value, str):  # qgis_process and models pass text
                try:
                    number = float(value)
                except ValueError:
                    if not definition.checkValueIsAcceptable(value, context):
                        return tr("{name} = '{value}' is not a number: give a number.").format(name=name, value=value)
                    continue
                value = int(number) if number.is_integer() else number
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if not definition.checkValueIsAcceptable(value, context):
                    return number_problem(definition, value)
        elif isinstance(definition, QgsProcessingParameterMultipleLayers):
            values = value if isinstance(value, (list, tuple)) else [value]
            raster = definition.layerType() == _raster_type()
            for item in values:
                path = file_path(item)
                if path is None or (not os.path.exists(path) and _in_context(item, context) is not None):
                    continue
                problem = raster_problem(path) if raster else _vector_file_problem(path)
                if problem:
                    return tr("{name}: {problem}.").format(name=name, problem=problem)
        elif isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                                     QgsProcessingParameterRasterLayer)):
            path = file_path(value)
            if path is None or (not os.path.exists(path) and _in_context(value, context) is not None):
                continue
            if isinstance(definition, QgsProcessingParameterRasterLayer):
                problem = raster_problem(path)
            else:
                problem = _vector_file_problem(path) or _geometry_problem(alg, definition, parameters, context, path)
            if problem:
                return tr("{name}: {problem}.").format(name=name, problem=problem)
    return None


def _geometry_problem(alg, definition, parameters, context, path):
    """A layer that must hold polygons but holds points, lines or no geometry."""
    from qgis.core import QgsWkbTypes

    from . import compat

    if list(definition.dataTypes()) != [compat.SOURCE_VECTOR_POLYGON]:
        return None
    try:
        layer = alg.parameterAsVectorLayer(parameters, definition.name(), context)
    except Exception:  # noqa: BLE001 (reported when the algorithm reads it)
        return None
    if layer is None or layer.geometryType() == compat.GEOMETRY_POLYGON:
        return None
    return tr("'{path}' has {geometry} geometries, not polygons: choose a polygon layer (e.g. the prefecture "
              "boundaries)").format(path=path, geometry=QgsWkbTypes.displayString(layer.wkbType()))


def _raster_type():
    from . import compat

    return compat.SOURCE_RASTER


def _vector_file_problem(path):
    if not os.path.exists(path):
        return tr("'{path}' does not exist: check the path and the file name").format(path=path)
    if os.path.isdir(path) and not path.lower().endswith(".gdb"):
        return tr("'{path}' is a folder: choose a file in it").format(path=path)
    if os.path.isfile(path) and os.path.getsize(path) == 0:
        return tr("'{path}' is empty (0 bytes): choose the file that holds the data").format(path=path)
    return table_problem(path)


def layer_file(parameters, name):
    """The file name (no folder) behind parameter ``name``, or None."""
    path = file_path(parameters.get(name))
    return os.path.basename(path) if path else None


def named(parameters, name):
    """'INPUT' or, when it names a file, "INPUT 'prefectures.gpkg'" (for messages)."""
    filename = layer_file(parameters, name)
    return tr("{parameter} '{file}'").format(parameter=name, file=filename) if filename else name


def checked_source(alg, parameters, name, context, polygons_for=None, what=None):
    """The feature source of parameter ``name``; an error naming the parameter and its file
    when it cannot be opened, has no features, or (with ``polygons_for``) is not polygons."""
    from qgis.core import QgsProcessingException, QgsWkbTypes

    from . import compat

    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(tr("{input} cannot be opened as a layer: check the path, or open it in QGIS to "
                                        "see why.").format(input=named(parameters, name)))
    if polygons_for and QgsWkbTypes.geometryType(source.wkbType()) != compat.GEOMETRY_POLYGON:
        raise QgsProcessingException(tr("{input} has {geometry} geometries, not polygons: {purpose}.").format(
            input=named(parameters, name), geometry=QgsWkbTypes.displayString(source.wkbType()),
            purpose=polygons_for))
    if source.featureCount() == 0:
        raise QgsProcessingException(tr("{input} has no features: choose {what} (or check its filter or "
                                        "selection).").format(input=named(parameters, name),
                                                              what=what or tr("the layer that holds the prefectures")))
    return source


def check_fields(fields, parameters, selections):
    """``selections``: (parameter name, chosen field names); an error naming the parameter and
    the field when a field is not in the layer. (Text fields are read by core, which names the
    values that are not numbers.)"""
    from qgis.core import QgsProcessingException

    names = fields.names()
    for parameter, chosen in selections:
        chosen = [c for c in chosen or [] if c]
        missing = [c for c in chosen if c not in names]
        if missing:
            raise QgsProcessingException(
                tr("{parameter} {missing} not in {input} (fields: {fields}): choose fields of the input layer.").format(
                    parameter=parameter, missing=", ".join(repr(m) for m in missing),
                    input=named(parameters, "INPUT"), fields=", ".join(names)))


def checked_city_field(alg, parameters, context, names):
    """The CITY_FIELD of unevenness, typology, trend and spatial relations: the field if the
    layer has it; None when it is left at its default (adcode) and the layer has no such
    field; an error naming the field when the user named one the layer does not have."""
    from qgis.core import QgsProcessingException

    field = alg.parameterAsString(parameters, "CITY_FIELD", context) or None
    if field and field not in names:
        if parameters.get("CITY_FIELD") not in (None, ""):  # named by the user, not the default
            raise QgsProcessingException(tr(
                "CITY_FIELD '{field}' is not a field of {input} (fields: {fields}): choose the field with the "
                "city codes (adcode), or leave CITY_FIELD empty.").format(
                    field=field, input=named(parameters, "INPUT"), fields=", ".join(names)))
        return None
    return field


#: GDAL's names of the coordinate systems of a GeoPackage written without one (srs_id 0 and -1)
UNDEFINED_CRS_NAMES = ("undefined geographic srs", "undefined cartesian srs")


def crs_missing(crs):
    """True when ``crs`` (a QgsCoordinateReferenceSystem) says nothing about the coordinates:
    missing (invalid), or GDAL's 'Undefined geographic SRS' / 'Undefined Cartesian SRS' of a
    GeoPackage written without a CRS, which QGIS reports as a valid CRS with no authority (and,
    for the geographic one, as not geographic). Every look at a layer's CRS asks this first."""
    if crs is None or not crs.isValid():
        return True
    if crs.authid():
        return False
    text = " ".join((crs.description() or "", crs.toWkt() or "")).lower()
    return any(name in text for name in UNDEFINED_CRS_NAMES)


def no_crs(crs):
    """How a message says that ``crs`` (missing or undefined, see :func:`crs_missing`) is not there:
    'no coordinate reference system', or an undefined one named."""
    name = crs.description() if crs is not None and crs.isValid() else ""
    if name:
        return tr("an undefined coordinate reference system ('{name}', what GDAL writes into a GeoPackage saved "
                  "without one)").format(name=name)
    return tr("no coordinate reference system")


def no_crs_advice():
    return tr("assign it in the layer's properties (Source > Assigned Coordinate Reference System) or with "
              "Vector general > Assign projection (native:assignprojection), then run again")


class CheckedInputs:
    """Mixin for an algorithm: QGIS's checks first, then the algorithm's ``value_problem``,
    :func:`generic_problem` and the algorithm's ``check_inputs`` (each returning a message or
    None); a refused value gets the message naming it."""

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        ok, message = super().checkParameterValues(parameters, context)
        if getattr(self, "missing_packages", ()):
            return ok, message
        problem = self.value_problem(parameters) or generic_problem(self, parameters, context)
        if problem is None and ok:
            problem = self.check_inputs(parameters, context)
        if problem:
            return False, problem
        return ok, message

    def value_problem(self, parameters):
        """A message for a value this algorithm refuses with more to say than its range."""
        return None

    def check_inputs(self, parameters, context):
        return None
