"""The output contract every megaregion run goes through (used by :mod:`.base` and
:mod:`.models`):

- destinations are checked before anything is read or written (:func:`destination_problem`):
  no output names one of the inputs (the same file, or the same layer of a GeoPackage) or
  another output, and every output's folder exists and can be written;
- all or nothing (:class:`OutputGuard`): on a failure or a cancel every output file,
  GeoPackage layer or folder the run created is removed again;
- every error reaches the user as a ``QgsProcessingException`` with a message
  (:func:`clear_message`): core's ``ValueError`` as it is, I/O errors with the file and the
  reason, never a traceback."""
import gc
import os
import re
import traceback
import uuid

from qgis.core import (
    Qgis,
    QgsDataSourceUri,
    QgsMapLayer,
    QgsMessageLog,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsProviderRegistry,
)

from . import compat
from .i18n import shown, tr

LOG_TAG = "Mega-region unevenness"

# Parameter types (QgsProcessingParameterDefinition.type()) that read a file or layer, and
# those that write one.
INPUT_TYPES = {"source", "vector", "raster", "layer", "multilayer", "file", "mesh", "pointcloud"}
FILE_DESTINATION, FOLDER_DESTINATION = "fileDestination", "folderDestination"
LAYER_DESTINATIONS = {"sink", "vectorDestination"}
DESTINATION_TYPES = LAYER_DESTINATIONS | {"rasterDestination", FILE_DESTINATION, FOLDER_DESTINATION}
# Providers whose destinations are not local files.
_NOT_FILES = {"memory", "postgres", "postgresql", "mssql", "oracle", "hana", "db2", "wfs", "virtual"}
_PROVIDER_PREFIX = re.compile(r"^(?P<provider>[A-Za-z][A-Za-z0-9_]{2,}):(?P<uri>.*)$", re.S)
# files a writer creates next to its output (GeoPackage/SQLite journals, shapefile parts)
_SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal", ".aux.xml")
_SIDECAR_EXTENSIONS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd")


# --------------------------------------------------------------------------------- locations
def _same_file_key(path):
    """A path compared as the file system does: absolute, links resolved, case folded on Windows."""
    return os.path.normcase(os.path.realpath(os.path.abspath(os.path.expanduser(path))))


# Qgis.PropertyType since 3.36; QGIS 4 drops the old name
_STATIC_PROPERTY = compat.first(lambda: Qgis.PropertyType.Static, lambda: QgsProperty.Type.StaticProperty)


def _property_text(prop, context):
    if prop.propertyType() == _STATIC_PROPERTY:
        value = prop.staticValue()
        return "" if value is None else str(value)
    value = prop.valueAsString(context.expressionContext(), "")
    return value[0] if isinstance(value, tuple) else value


def _value_text(value, context):
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        return _property_text(value.sink, context)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        return _property_text(value.source, context)
    if isinstance(value, QgsProperty):
        return _property_text(value, context)
    if value is None:
        return ""
    return str(value)


class Location:
    """A file on disk, and the GeoPackage (or other database) layer in it when one is named;
    ``layer`` None for a destination means the whole file is written."""

    def __init__(self, path, layer=None, folder=False, layers=False):
        self.path = path
        self.layer = layer or None
        self.folder = folder
        self.layers = layers  # a layer destination: may name a layer of a GeoPackage
        self.key = _same_file_key(path)
        try:  # a hard link is the same file under another name
            status = os.stat(self.key)
            self.inode = (status.st_dev, status.st_ino)
        except OSError:
            self.inode = None

    def same_file(self, other):
        return self.key == other.key or (self.inode is not None and self.inode == other.inode)

    def describe(self):
        return tr("{path}, layer {layer}").format(path=self.path, layer=self.layer) if self.layer else self.path

    def layer_key(self):
        return None if self.layer is None else str(self.layer).lower()  # SQLite names ignore case


def _decode(provider, source):
    try:
        parts = QgsProviderRegistry.instance().decodeUri(provider, source)
    except Exception:  # noqa: BLE001 (an unknown provider: no file)
        return None, None
    path = parts.get("path") or ""
    layer = parts.get("layerName")
    if not isinstance(layer, str):  # NULL
        layer = None
    if not path and provider in ("ogr", "spatialite"):
        uri = QgsDataSourceUri(source)
        path, layer = uri.database(), uri.table() or layer
    return path or None, layer


def _input_locations(value, context):
    """The files behind an input parameter value (a path, layer id or name, layer object,
    source definition, or a list of them)."""
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _input_locations(item, context)
        return
    layer = value if isinstance(value, QgsMapLayer) else None
    if layer is None:
        text = _value_text(value, context).strip()
        if not text:
            return
        try:
            layer = QgsProcessingUtils.mapLayerFromString(text, context, False)
        except Exception:  # noqa: BLE001
            layer = None
        if layer is None:
            match = _PROVIDER_PREFIX.match(text)
            if match and match.group("provider").lower() in _NOT_FILES:
                return
            if match and match.group("provider").lower() in ("ogr", "spatialite"):
                path, name = _decode("ogr", match.group("uri"))
            elif text.startswith("file:"):
                path, name = _decode("delimitedtext", text)
            else:
                path, name = _decode("ogr", text)
            if path:
                yield Location(path, name)
            return
    provider = layer.providerType() if hasattr(layer, "providerType") else ""
    if provider in _NOT_FILES:
        return
    path, name = _decode(provider or "ogr", layer.source())
    if path:
        yield Location(path, name)


def _gpkg_layers(path):
    """Names of the layers in a GeoPackage/SQLite file (lower case), or None if unreadable."""
    try:
        from osgeo import gdal

        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    except Exception:  # noqa: BLE001
        return None
    if dataset is None:
        return None
    names = [dataset.GetLayer(i).GetName().lower() for i in range(dataset.GetLayerCount())]
    dataset = None
    return names


def _input_layer_key(location):
    """The layer an input reads: the named one, else the first of the file (what QGIS opens)."""
    if location.layer:
        return location.layer_key()
    names = _gpkg_layers(location.path)
    return names[0] if names else None


def destination_location(definition, value, context):
    """Where a destination parameter writes, as a :class:`Location`; None for temporary
    (memory) outputs, outputs left out and database outputs."""
    text = _value_text(value, context).strip()
    if not text or text == "TEMPORARY_OUTPUT" or text.startswith("memory:"):
        return None
    kind = definition.type()
    if kind == FOLDER_DESTINATION:
        return Location(text, folder=True)
    if kind in LAYER_DESTINATIONS:
        match = _PROVIDER_PREFIX.match(text)
        if match:
            provider = match.group("provider").lower()
            if provider in ("ogr", "spatialite"):
                uri = QgsDataSourceUri(match.group("uri"))
                return Location(uri.database(), uri.table(), layers=True) if uri.database() else None
            if provider in _NOT_FILES:
                return None
        if "|layername=" in text:
            path, _, rest = text.partition("|layername=")
            return Location(path, rest.split("|", 1)[0], layers=True)
        if not os.path.splitext(text)[1] and not os.path.isdir(text):  # QGIS adds the default extension
            text = f"{text}.{definition.defaultFileExtension()}"
        return Location(text, layers=True)
    return Location(text)


def _destinations(alg, parameters, context):
    out = []
    for definition in alg.parameterDefinitions():
        if definition.type() not in DESTINATION_TYPES:
            continue
        location = destination_location(definition, parameters.get(definition.name()), context)
        if location is not None:
            out.append((definition.name(), location))
    return out


def _inputs(alg, parameters, context):
    out = []
    for definition in alg.parameterDefinitions():
        if definition.isDestination() or definition.type() not in INPUT_TYPES:
            continue
        value = parameters.get(definition.name())
        if value is None:
            value = definition.defaultValue()
        for location in _input_locations(value, context):
            out.append((definition.name(), location))
    return out


# ------------------------------------------------------------------------- destination checks
def _overlap(dest, other, other_is_input):
    """True when writing ``dest`` destroys ``other`` (same file; same layer unless one of them
    is the whole file)."""
    if not dest.same_file(other):
        return False
    if dest.folder or other.folder:
        return True
    if dest.layer is None:
        return True  # the whole file is rewritten
    other_layer = _input_layer_key(other) if other_is_input else other.layer_key()
    return other_layer is None or other_layer == dest.layer_key()


def _folder_problem(name, location):
    """Why ``location`` cannot be written, or None. A folder destination may be created by
    the run (with its missing parents); a file's folder must exist."""
    path = os.path.abspath(os.path.expanduser(location.path))
    if location.folder:
        if os.path.exists(path) and not os.path.isdir(path):
            return tr("{parameter} '{path}' cannot be written: it is a file, not a folder; choose a folder.").format(
                parameter=name, path=location.path)
        probe = path
        while not os.path.exists(probe):
            parent = os.path.dirname(probe)
            if parent == probe:
                break
            probe = parent
        if not os.path.isdir(probe):
            return tr("{parameter} '{path}' cannot be written: '{file}' is a file, not a folder; choose a folder you "
                      "may write to.").format(parameter=name, path=location.path, file=probe)
        return _writable(name, location.path, probe)
    if os.path.isdir(path):
        return tr("{parameter} '{path}' cannot be written: it is a folder; add a file name to it.").format(
            parameter=name, path=location.path)
    folder = os.path.dirname(path) or os.curdir
    if not os.path.isdir(folder):
        if os.path.exists(folder):
            return tr("{parameter} '{path}' cannot be written: '{folder}' is a file, not a folder; choose another "
                      "folder.").format(parameter=name, path=location.path, folder=folder)
        return tr("{parameter} '{path}' cannot be written: the folder '{folder}' does not exist; create it or "
                  "choose an existing folder.").format(parameter=name, path=location.path, folder=folder)
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return tr("{parameter} '{path}' cannot be written: the file is read-only; choose another file.").format(
            parameter=name, path=location.path)
    return _writable(name, location.path, folder)


def _writable(name, shown, folder):
    probe = os.path.join(folder, f".megaregion-{uuid.uuid4().hex}.probe")
    try:
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.remove(probe)
    except OSError as exc:
        return tr("{parameter} '{path}' cannot be written ({reason} in '{folder}'): choose a folder you may write "
                  "to.").format(parameter=name, path=shown, reason=exc.strerror or exc, folder=folder)
    return None


def destination_problem(alg, parameters, context):
    """The first reason the destinations of ``alg`` cannot be written as given, or None:
    an output that would overwrite an input or another output, or a folder that is missing
    or cannot be written."""
    destinations = _destinations(alg, parameters, context)
    if not destinations:
        return None
    inputs = _inputs(alg, parameters, context)
    for name, dest in destinations:
        for input_name, source in inputs:
            if _overlap(dest, source, True):
                what = tr("{path}, layer {layer}").format(
                    path=source.path, layer=source.layer or _input_layer_key(source)) if (
                    source.layer or dest.layer) else source.path
                if dest.folder:
                    fix = tr("choose another folder")
                elif not dest.layers:
                    fix = tr("choose another file")
                elif dest.layer is None and source.layer:
                    fix = tr("choose another file (writing this one replaces the whole GeoPackage), or a new layer of "
                             "it: ogr:dbname='{path}' table=\"new_name\" (geom)").format(path=dest.path)
                else:
                    fix = tr("choose another file or layer name")
                return tr("{parameter} would overwrite {input} ({what}): {fix}.").format(
                    parameter=name, input=input_name, what=what, fix=fix)
    for i, (name, dest) in enumerate(destinations):
        for other_name, other in destinations[:i]:
            if _overlap(dest, other, False) or _overlap(other, dest, False):
                return tr("{parameter} and {other} name the same output ({what}): one would overwrite the other; "
                          "choose another file or layer name for one of them.").format(
                              parameter=name, other=other_name, what=dest.describe())
    for name, dest in destinations:
        problem = _folder_problem(name, dest)
        if problem:
            return problem
    return None


def implied_problem(alg, parameters, context, implied):
    """The first of ``implied`` (``[(what, Location)]``: files and folders a run writes that
    are no destination parameter of their own, such as the GeoPackage, reports and maps folder
    that the pipeline's OUTPUT_FOLDER implies) that is or holds an input, with a message naming
    the input, the path and the fix; None when none is. A file is compared whole: a new layer
    written into the GeoPackage an input reads changes that input's bytes."""
    if not implied:
        return None
    inputs = _inputs(alg, parameters, context)
    for what, dest in implied:
        folder_key = dest.key.rstrip(os.sep) + os.sep
        for input_name, source in inputs:
            inside = dest.folder and source.key.startswith(folder_key)
            if not (dest.same_file(source) or inside):
                continue
            if dest.folder:
                return tr("OUTPUT_FOLDER would write {what} into {path}, which holds {input} ({source}): choose "
                          "another OUTPUT_FOLDER, or move {input} out of that folder.").format(
                              what=what, path=dest.path, input=input_name, source=source.path)
            return tr("OUTPUT_FOLDER would write {what} into {path}, which is {input} ({source}): choose another "
                      "OUTPUT_FOLDER, or move or rename {input}; the run never writes into an input.").format(
                          what=what, path=dest.path, input=input_name, source=source.describe())
    return None


def checked_destinations(alg, parameters, context):
    """:func:`destination_problem` for ``checkParameterValues``: a failure of the check itself
    is logged and does not block the run (``processAlgorithm`` checks again and reports it)."""
    try:
        return destination_problem(alg, parameters, context)
    except Exception:  # noqa: BLE001
        QgsMessageLog.logMessage(tr("{algorithm}: the output check failed:\n{traceback}").format(
            algorithm=alg.id(), traceback=traceback.format_exc()), LOG_TAG, compat.MESSAGE_WARNING)
        return None


# ---------------------------------------------------------------------------- all or nothing
def _siblings(path):
    """Files a writer of ``path`` may create next to it."""
    stem = os.path.splitext(path)[0]
    return [path + s for s in _SIDECAR_SUFFIXES] + [stem + e for e in _SIDECAR_EXTENSIONS]


class OutputGuard:
    """What the destinations of a run looked like before it: :meth:`rollback` removes
    every file, GeoPackage layer and folder the run created."""

    def __init__(self, alg, parameters, context):
        self.targets = []
        for _name, location in _destinations(alg, parameters, context):
            path = os.path.abspath(os.path.expanduser(location.path))
            if location.folder:
                existed = os.path.isdir(path)
                before = set(os.listdir(path)) if existed else set()
                self.targets.append(("folder", path, existed, before))
                continue
            existed = os.path.exists(path)
            siblings = {s for s in _siblings(path) if os.path.exists(s)}
            layers = None
            if existed and location.layer:
                layers = _gpkg_layers(path)
                new_layer = layers is not None and location.layer_key() not in layers
                self.targets.append(("layer", path, new_layer, location.layer))
            self.targets.append(("file", path, existed, siblings))

    def rollback(self, feedback=None):
        removed = []
        for kind, path, flag, extra in self.targets:
            try:
                if kind == "layer":
                    if flag and _drop_layer(path, extra):
                        removed.append(tr("{path} (layer {layer})").format(path=path, layer=extra))
                elif kind == "file" and not flag:
                    # only a file the run created; the journal of a GeoPackage that existed
                    # may belong to another open connection and stays
                    if os.path.exists(path):
                        os.remove(path)
                        removed.append(path)
                    for sibling in _siblings(path):
                        if sibling not in extra and os.path.exists(sibling):
                            os.remove(sibling)
                elif kind == "folder":
                    removed += _clean_folder(path, flag, extra)
            except Exception as exc:  # noqa: BLE001 (the run's own error is the one to report)
                if feedback is not None:
                    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                    feedback.reportError(tr(
                        "Could not remove {path}, written by the failed run: {reason}; delete it by hand.").format(
                            path=getattr(exc, "filename", None) or path, reason=reason), False)
        if removed and feedback is not None:
            feedback.pushInfo(tr("Removed what this run had written: {removed}").format(removed="; ".join(removed)))
        return removed


def _drop_layer(path, layer):
    from osgeo import gdal

    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
    if dataset is None:
        return False
    try:
        for i in range(dataset.GetLayerCount()):
            if dataset.GetLayer(i).GetName().lower() == str(layer).lower():
                dataset.DeleteLayer(i)
                return True
        return False
    finally:
        dataset = None


def _clean_folder(path, existed, before):
    removed = []
    if not os.path.isdir(path):
        return removed
    for entry in sorted(set(os.listdir(path)) - before):
        full = os.path.join(path, entry)
        if os.path.isfile(full) or os.path.islink(full):
            os.remove(full)
            removed.append(full)
    if not existed:
        try:
            os.removedirs(path)  # the folder and the parents the run created, while empty
            removed.append(path)
        except OSError:
            pass
    return removed


def _release(exc):
    """Drop the local variables of the failed run (open sinks hold their files open), so the
    files can be removed on every system."""
    if exc is not None and exc.__traceback__ is not None:
        traceback.clear_frames(exc.__traceback__)
    gc.collect()


def clear_message(exc, title):
    """The user's message for an exception a run raised: QGIS's and core's messages as they
    are, I/O errors with the file and the reason, anything else named with its type."""
    if isinstance(exc, QgsProcessingException):
        return None
    if isinstance(exc, ValueError):
        # core/ reports bad input as ValueError with a message naming input, value and fix,
        # shown in the interface's language
        return shown(exc)
    if isinstance(exc, OSError):
        where = exc.filename or ""
        if exc.filename2:
            where = f"{where} -> {exc.filename2}"
        reason = exc.strerror or str(exc)
        if where:
            return tr("{algorithm}: could not read or write {path}: {reason}.").format(
                algorithm=title, path=where, reason=reason)
        return tr("{algorithm}: input/output error: {reason}.").format(algorithm=title, reason=reason)
    if isinstance(exc, MemoryError):
        return tr("{algorithm}: not enough memory; use fewer or smaller inputs, or close other programs.").format(
            algorithm=title)
    if isinstance(exc, RuntimeError) and str(exc):
        return tr("{input}: {reason}").format(input=title, reason=shown(exc))  # GDAL and QGIS errors say what and where
    return tr("{algorithm} failed ({error}: {reason}); the details are in the log under '{tag}'.").format(
        algorithm=title, error=type(exc).__name__, reason=shown(exc), tag=LOG_TAG)


def run_guarded(alg, parameters, context, feedback, run, commit=None, discard=None):
    """``run()`` with the output contract: destinations checked first, everything the run
    created removed again if it raises or is cancelled, clear messages. ``commit`` moves
    finished files into place once ``run`` succeeded; ``discard`` drops them otherwise."""
    try:
        problem = destination_problem(alg, parameters, context)
        guard = None if problem else OutputGuard(alg, parameters, context)
    except Exception as exc:  # noqa: BLE001
        raise QgsProcessingException(clear_message(exc, alg.displayName()) or str(exc)) from exc
    if problem:
        raise QgsProcessingException(problem)
    failure = None
    try:
        results = run()
        results = dict(results or {})
        if feedback is not None and feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled: nothing was written."))
        if commit is not None:
            commit()
        return results
    except Exception as exc:  # noqa: BLE001 (every failure leaves nothing and reads clearly)
        failure = exc
        message = clear_message(exc, alg.displayName())
        if message is not None and not isinstance(exc, ValueError):
            QgsMessageLog.logMessage(  # the algorithm and the traceback, for a bug report
                alg.id() + ":\n" + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
                LOG_TAG, compat.MESSAGE_CRITICAL)
        if message is None:
            raise
        raise QgsProcessingException(message) from exc
    finally:
        if failure is not None:
            if discard is not None:
                discard()
            _release(failure)
            guard.rollback(feedback)
