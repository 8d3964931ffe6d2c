"""Reading a table parameter (CSV, XLSX, GeoPackage table, any vector layer) as a pandas
DataFrame of raw values.

Delimited text files are read by ``core.admin.tables.read_table`` rather than through OGR, so that
UTF-8, UTF-8 with BOM and GBK/GB18030 files all decode correctly and numbers written as text
("1,234.5", "--") are parsed by one set of rules. Everything else goes through QGIS."""
import os

from qgis.core import QgsProcessingException, QgsProcessingFeatureSourceDefinition
from qgis.PyQt.QtCore import QUrl

from . import qgis_io
from .input_checks import file_path
from .deps import lazy_import

core_tables = lazy_import("..core.admin.tables", __package__)

TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")


def delimited_text_path(layer):
    """The file behind a layer if it is a delimited text file, else None."""
    if layer is None:
        return None
    provider = layer.providerType()
    source = layer.source()
    if provider == "ogr":
        path = source.split("|", 1)[0]
    elif provider == "delimitedtext":
        path = QUrl(source).toLocalFile() or source.split("?", 1)[0]
    else:
        return None
    if path.lower().endswith(TEXT_SUFFIXES) and os.path.isfile(path):
        return path
    return None


def table_frame(alg, parameters, name, context, feedback=None):
    """The table given to parameter ``name`` as a DataFrame (one row per feature)."""
    value = parameters.get(name)
    selected_only = isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    path = None if selected_only else delimited_text_path(layer)
    if path is None and layer is None and not selected_only:
        # a text file QGIS's loader could not open (UTF-16, a .txt name): read here, so the
        # message says why it cannot be read rather than QGIS's "not found"
        given = file_path(value)
        if given and given.lower().endswith(TEXT_SUFFIXES) and os.path.isfile(given):
            path = given
    if path is not None:
        return core_tables.read_table(path)
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    frame, _ = qgis_io.source_to_frame(source, feedback, with_geometry=False, progress_share=0.1)
    return frame
