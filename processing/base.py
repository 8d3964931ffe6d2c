"""The shared base of every megaregion algorithm: instance creation, translation, group,
icon, help text, field-name limits of the output format, file outputs written all or nothing,
and the output contract of :mod:`.outputs` (destinations checked before anything is read,
what a failed run created removed, every error a message) around every run."""
import contextlib
import os
import uuid

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QIcon

from . import compat
from .deps import missing_message
from .outputs import checked_destinations, run_guarded

PLUGIN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ICON_PATH = os.path.join(PLUGIN_DIR, "resources", "icons", "megaregion.svg")
#: The plugin's reference, rendered to HTML by scripts/make_docs.py and shipped in the plugin.
REFERENCE_HTML = os.path.join(PLUGIN_DIR, "docs", "html", "algorithms.html")
#: One group id per group name (the toolbox shows one group per id).
GROUP_IDS = {"1 Prepare data": "prepare", "2 Analyse": "analyse", "3 Report": "report"}


def help_anchor(name):
    """The anchor of algorithm ``name`` (e.g. 'typology') in the reference."""
    return f"megaregion-{name}"


def help_url(name):
    """The Help button's address: the algorithm's section of the reference shipped in the plugin."""
    return QUrl.fromLocalFile(REFERENCE_HTML).toString() + "#" + help_anchor(name)


#: A dBASE field name holds at most 10 bytes.
SHAPEFILE_NAME_BYTES = 10


class _TableSink:
    """A sink of a table without geometry written into a GeoPackage by an ``ogr:`` destination
    (a named layer of an existing file, as the pipeline's OUTPUT_FOLDER writes). When QGIS closes
    such a sink it asks GDAL for a spatial index, and GDAL answers "ERROR 1: No geometry column"
    on the console although the table is complete; the answer is silenced for that moment only."""

    def __init__(self, sink):
        self._sink = sink

    def __getattr__(self, name):
        return getattr(self._sink, name)

    def __del__(self):
        try:
            from osgeo import gdal
        except ImportError:  # noqa: the sink closes as it would without the wrapper
            self.__dict__.pop("_sink", None)
            return
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            self.__dict__.pop("_sink", None)
        finally:
            gdal.PopErrorHandler()


class MegaregionAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``ALG_ID``, ``DISPLAY_NAME``, ``GROUP_ID``, ``GROUP`` and ``HELP``
    (the short help: inputs, outputs, formulas) and implement ``initAlgorithm`` and
    ``compute`` (same signature as ``processAlgorithm``). Files they write themselves go
    through :meth:`output_file`."""

    ALG_ID = ""
    DISPLAY_NAME = ""
    GROUP_ID = "prepare"
    GROUP = "1 Prepare data"
    HELP = ""
    # Python packages beyond QGIS the algorithm imports (import names); the provider checks
    # them when it loads and sets ``missing_packages`` to those it cannot find.
    REQUIRES = ()
    missing_packages = ()

    def tr(self, text):
        return QCoreApplication.translate("megaregion", text)

    def createInstance(self):  # noqa: N802 (QGIS API)
        clone = type(self)()
        clone.missing_packages = self.missing_packages
        return clone

    def missing_message(self):
        return missing_message(f"megaregion:{self.ALG_ID}", self.missing_packages)

    def canExecute(self):  # noqa: N802
        """``(False, how to add the missing packages)`` when a package is missing: the
        toolbox, the menu and the model designer then refuse to open the algorithm."""
        if self.missing_packages:
            return False, self.missing_message()
        return True, ""

    def checkParameterValues(self, parameters, context):  # noqa: N802
        # processing.run, qgis_process and the dialog check the parameters before running
        if self.missing_packages:
            return False, self.missing_message()
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = checked_destinations(self, parameters, context)
        if problem:
            return False, problem
        return True, ""

    def name(self):
        return self.ALG_ID

    def displayName(self):  # noqa: N802
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return self.tr(self.GROUP)

    def groupId(self):  # noqa: N802
        return GROUP_IDS.get(self.GROUP, self.GROUP_ID)

    def helpUrl(self):  # noqa: N802
        return help_url(self.ALG_ID)

    def shortHelpString(self):  # noqa: N802
        if self.missing_packages:
            return self.missing_message().replace("\n", "<br>") + "<br><br>" + self.tr(self.HELP)
        return self.tr(self.HELP)

    def icon(self):
        return QIcon(ICON_PATH)

    def source(self, parameters, name, context, polygons_for=None):
        """The feature source of parameter ``name``; with ``polygons_for`` (what the polygons
        are needed for) anything but polygons is an error saying so."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        if polygons_for and QgsWkbTypes.geometryType(source.wkbType()) != compat.GEOMETRY_POLYGON:
            raise QgsProcessingException(self.tr("{input} has {geometry} geometries: {purpose}.").format(
                input=name, geometry=QgsWkbTypes.displayString(source.wkbType()), purpose=polygons_for))
        return source

    def parameterAsSink(self, parameters, name, context, fields, *args, **kwargs):  # noqa: N802
        """QGIS's sink, refused before the file is made when its format cannot hold the field
        names: a Shapefile keeps 10 characters of a name, so ``ntl_total_light_2020`` and
        ``ntl_total_light_2010`` would both arrive truncated (and the model and batch users
        that read them by name would break)."""
        destination = self.parameterAsOutputLayer(parameters, name, context) or ""
        path = destination.split("|", 1)[0]
        if path.lower().endswith((".shp", ".dbf")):
            long_names = [f.name() for f in fields if len(f.name().encode("utf-8")) > SHAPEFILE_NAME_BYTES]
            if long_names:
                shown = ", ".join(long_names[:5])
                if len(long_names) > 5:
                    shown = self.tr("{names} and {count} more").format(names=shown, count=len(long_names) - 5)
                raise QgsProcessingException(self.tr(
                    "{output} is a Shapefile ({path}), which keeps only {bytes} bytes of a field name: {names} would "
                    "be cut short. Choose a GeoPackage (.gpkg) instead.").format(
                        output=name, path=path, bytes=SHAPEFILE_NAME_BYTES, names=shown))
        sink, dest_id = super().parameterAsSink(parameters, name, context, fields, *args, **kwargs)
        geometry = args[0] if args else kwargs.get("geometryType")
        if sink is not None and destination.startswith("ogr:") and geometry == compat.WKB_NO_GEOMETRY:
            sink = _TableSink(sink)
        return sink, dest_id

    def style_output(self, dest_id, make_renderer):
        """Style output ``dest_id`` with ``make_renderer(layer)`` once the run is over
        (see :mod:`.styling`)."""
        self._pending_styles.append((dest_id, make_renderer))

    @contextlib.contextmanager
    def output_file(self, path, mode="w", encoding="utf-8"):
        """``with self.output_file(path) as handle:`` writes a file output (a report, a
        table) to a temporary file next to ``path``; it replaces ``path`` only when the whole
        run succeeded, and is deleted if the run fails or is cancelled."""
        with self.output_path(path) as temporary:
            kwargs = {} if "b" in mode else {"encoding": encoding}
            with open(temporary, mode, **kwargs) as handle:
                yield handle

    @contextlib.contextmanager
    def output_path(self, path):
        """Like :meth:`output_file` for writers that take a file name: yields the temporary
        path to write to (created empty, with the permissions a new file gets)."""
        folder = os.path.dirname(os.path.abspath(path))
        temporary = os.path.join(folder, f".megaregion-{uuid.uuid4().hex}{os.path.splitext(path)[1]}")
        try:
            os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except OSError as exc:
            raise QgsProcessingException(self.tr(
                "{path} cannot be written ({reason}): choose a folder you may write to.").format(
                    path=path, reason=exc.strerror or exc)) from exc
        pending = self.__dict__.setdefault("_pending_files", [])
        try:
            yield temporary
        except BaseException:
            _remove_quietly(temporary)
            raise
        pending.append((temporary, path))

    def _commit_files(self):
        pending, self._pending_files = getattr(self, "_pending_files", []), []
        try:
            for temporary, final in pending:
                os.replace(temporary, final)
        except OSError:
            for temporary, _ in pending:
                _remove_quietly(temporary)
            raise

    def _discard_files(self):
        pending, self._pending_files = getattr(self, "_pending_files", []), []
        for temporary, _ in pending:
            _remove_quietly(temporary)

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        from .styling import apply_style

        for dest_id, make_renderer in getattr(self, "_pending_styles", []):
            apply_style(dest_id, make_renderer, context, feedback)
        self._pending_styles = []
        return {}

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._pending_styles = []
        self._pending_files = []
        if self.missing_packages:
            raise QgsProcessingException(self.missing_message())
        return run_guarded(
            self, parameters, context, feedback, lambda: self.compute(parameters, context, feedback),
            commit=self._commit_files, discard=self._discard_files)

    def compute(self, parameters, context, feedback):
        raise NotImplementedError


def _remove_quietly(path):
    try:
        os.remove(path)
    except OSError:
        pass
