"""Conversions between QGIS feature sources/sinks and the pandas objects ``core/`` uses.

Reading keeps attribute values as Python values (QGIS NULL -> None) and the geometries
aside as ``QgsGeometry``, so any provider works (files, memory layers, database tables,
selections, model outputs). Writing happens only after the core computation succeeded,
so a failed run leaves no half-written output."""
import json
import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from . import compat
from .i18n import tr
from .deps import lazy_import

pd = lazy_import("pandas")


def python_value(value):
    """A QGIS attribute value as a plain Python value (NULL and invalid -> None)."""
    if value is None:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return value


def source_to_frame(source, feedback=None, with_geometry=True, progress_share=1.0):
    """Attributes of every feature of ``source`` as a DataFrame (columns = field names, in
    field order) and, with ``with_geometry``, the list of ``QgsGeometry`` in the same order."""
    names = [f.name() for f in source.fields()]
    request = QgsFeatureRequest()
    if not with_geometry:
        request.setFlags(compat.REQUEST_NO_GEOMETRY)
    total = max(source.featureCount(), 1)
    rows, geometries = [], []
    for i, feature in enumerate(source.getFeatures(request)):
        if feedback is not None:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled"))
            if i % 500 == 0:
                feedback.setProgress(100.0 * progress_share * i / total)
        rows.append([python_value(v) for v in feature.attributes()])
        if with_geometry:
            geometries.append(QgsGeometry(feature.geometry()))
    frame = pd.DataFrame(rows, columns=names) if rows else pd.DataFrame(columns=names)
    return frame, geometries


def shapely_geometries(geometries):
    """``QgsGeometry`` list -> shapely geometries (None for empty/null), through WKB."""
    from shapely import wkb

    out = []
    for g in geometries:
        if g is None or g.isNull() or g.isEmpty():
            out.append(None)
        else:
            out.append(wkb.loads(bytes(g.asWkb())))
    return out


def qgs_geometries(shapes):
    """shapely geometries -> ``QgsGeometry`` list (None -> null geometry)."""
    out = []
    for s in shapes:
        if s is None or s.is_empty:
            out.append(QgsGeometry())
        else:
            g = QgsGeometry()
            g.fromWkb(s.wkb)
            out.append(g)
    return out


def _qvariant_type(series):
    kind = series.dtype.kind
    if kind == "b":
        return compat.FIELD_BOOL, 0, 0
    if kind in "iu":
        return compat.FIELD_LONGLONG, 0, 0
    if kind == "f":
        return compat.FIELD_DOUBLE, 0, 0
    values = [v for v in series if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if values and all(isinstance(v, (bool, np.bool_)) for v in values):
        return compat.FIELD_BOOL, 0, 0
    if values and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in values):
        return compat.FIELD_LONGLONG, 0, 0
    if values and all(isinstance(v, (int, float, np.integer, np.floating)) for v in values):
        return compat.FIELD_DOUBLE, 0, 0
    return compat.FIELD_STRING, 0, 0


def frame_fields(frame, templates=None):
    """``QgsFields`` for the columns of ``frame``; columns present in ``templates`` (the
    input layer's ``QgsFields``) keep their original definition."""
    fields = QgsFields()
    for name in frame.columns:
        idx = templates.lookupField(name) if templates is not None else -1
        if idx >= 0 and not _structured(templates.at(idx), frame[name]):
            fields.append(QgsField(templates.at(idx)))
            continue
        if idx >= 0:  # a JSON, map or list field (DataV's parent) is written as its JSON text
            fields.append(QgsField(str(name), compat.FIELD_STRING))
            continue
        qtype, length, precision = _qvariant_type(frame[name])
        fields.append(QgsField(str(name), qtype, len=length, prec=precision))
    return fields


def _structured(field, series):
    """A field whose values are maps or lists (GeoJSON's JSON fields): not every format stores
    them, every format stores their JSON text."""
    if field.typeName().upper() in ("JSON", "JSONB", "MAP", "STRINGLIST", "INTEGERLIST", "REALLIST"):
        return True
    return any(isinstance(v, (dict, list, tuple)) for v in series)


def _cell(value):
    if value is None:
        return None
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if value is pd.NaT:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _unique_fids(values):
    """A ``fid`` column copied from a GeoPackage must stay unique: when rows are repeated
    (a city in two mega-regions) every fid is left NULL and the writer numbers the rows,
    since a NULL fid among kept ones could collide with a later kept fid."""
    cells = [_cell(v) for v in values]
    present = [v for v in cells if v is not None]
    if len(set(present)) == len(present):
        return cells
    return [None] * len(cells)


def write_frame(sink, frame, geometries=None, feedback=None, progress_from=0.0, progress_to=100.0):
    """Add one feature per row of ``frame`` to ``sink`` (NaN/None -> NULL), reporting progress
    every percent, so that a cancel takes effect while the output is written."""
    n = len(frame)
    step = max(1, min(500, n // 100))
    columns = [
        _unique_fids(frame[c].tolist()) if str(c).lower() == "fid" else frame[c].tolist() for c in frame.columns
    ]
    for i in range(n):
        if feedback is not None:
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Cancelled"))
            if i % step == 0:
                feedback.setProgress(progress_from + (progress_to - progress_from) * i / max(n, 1))
        feature = QgsFeature()
        feature.setAttributes([_cell(col[i]) for col in columns])
        if geometries is not None:
            feature.setGeometry(geometries[i])
        if not sink.addFeature(feature, compat.SINK_FAST_INSERT):
            raise QgsProcessingException(tr("Could not write feature {number} of {count}").format(
                number=i + 1, count=n))


def no_geometry():
    return compat.WKB_NO_GEOMETRY
