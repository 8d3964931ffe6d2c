"""Labels of the maps of ``megaregion:rendermaps``: mega-regions by their full name, core cities by
their short name, in English or Chinese, placed by QGIS's label engine with priorities.

Mega-region names have the highest priority, core cities the next. A mega-region's name is
placed on its own region (QGIS's horizontal polygon placement: candidates centred inside the
area), so two regions of nearly the same area (珠三角 and 粤港澳大湾区, one feature) or a
coastal region are not named beside it over the sea; a name that does not fit there is set
beside its region, around a point inside it, with a leader line (call-out), and so are the
core cities' names. After each export of the
layout the labels the engine could not place are read from its labeling results
(:func:`placed_labels`) and drawn again in smaller type (:func:`place_all`), so that no
region or core is left unlabelled at the default page size."""
import csv
import functools
import os
import textwrap

from qgis.core import (
    Qgis,
    QgsExpression,
    QgsPalLayerSettings,
    QgsProperty,
    QgsSimpleLineCallout,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from . import compat
from ..core import fields as F
from ..core.regions import find_region, region_name

NAMES_CSV = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                         "resources", "data", "names", "prefecture_names.csv")

REGION_PRIORITY = 10   # QGIS label priority, 0 (lowest) to 10
CORE_PRIORITY = 7
# For labels that did not fit, step by step: type size (a fraction of the first) and distance from
# the feature's centre (mm; a leader line joins a label set apart).
SMALLER = ((0.9, 2.5), (0.8, 5.0), (0.7, 8.0), (0.7, 12.0))

PLACEMENT_AROUND_CENTROID = compat.first(lambda: Qgis.LabelPlacement.AroundPoint,
                                         lambda: QgsPalLayerSettings.Placement.AroundPoint)
PLACEMENT_OVER_POINT = compat.first(lambda: Qgis.LabelPlacement.OverPoint,
                                    lambda: QgsPalLayerSettings.Placement.OverPoint)
PLACEMENT_HORIZONTAL = compat.first(lambda: Qgis.LabelPlacement.Horizontal,
                                    lambda: QgsPalLayerSettings.Placement.Horizontal)
# a polygon's label inside it where it fits, else outside with a leader line
POLYGON_INSIDE_OR_OUTSIDE = compat.LABEL_POLYGON_INSIDE_OR_OUTSIDE
PLACEMENT_AROUND_POINT = compat.first(lambda: Qgis.LabelPlacement.OrderedPositionsAroundPoint,
                                      lambda: QgsPalLayerSettings.Placement.OrderedPositionsAroundPoint)
PROPERTY_SIZE = QgsPalLayerSettings.Property.Size
PROPERTY_DISTANCE = QgsPalLayerSettings.Property.LabelDistance
PROPERTY_OUTSIDE = QgsPalLayerSettings.Property.PolygonLabelOutside


# ------------------------------------------------------------------------------ label texts

@functools.lru_cache(maxsize=None)
def _city_names(path=NAMES_CSV):
    """{adcode: (short Chinese name, English name)} and {Chinese name: same} of the bundled table."""
    by_code, by_name = {}, {}
    if not os.path.isfile(path):
        return by_code, by_name
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            names = ((row.get("short_zh") or row.get("name_zh") or "").strip(),
                     (row.get("english") or row.get("pinyin") or "").split("|")[0].strip())
            by_code[(row.get("adcode") or "").strip()] = names
            for key in (row.get("name_zh"), row.get("short_zh")):
                if key:
                    by_name.setdefault(key.strip(), names)
    return by_code, by_name


def city_label(value, lang, adcode=None):
    """A core city's label: the short Chinese name (北京) or the English name (Beijing) of a
    bundled prefecture found by ``adcode`` or by its Chinese name; other values as they are."""
    by_code, by_name = _city_names()
    names = by_code.get(str(adcode).strip()) if adcode not in (None, "") else None
    if names is None and value not in (None, ""):
        names = by_name.get(str(value).strip())
    if names is None or not all(names):
        return "" if value is None else str(value)
    return names[0] if lang == "zh" else names[1]


def _wrapped(name, width):
    """``name`` on lines of about ``width`` characters, broken at ' / ', ' (', spaces or after hyphens."""
    lines = []
    for part in name.replace(" / ", "\n").replace(" (", "\n(").replace("/", "\n").split("\n"):
        if len(part) <= width:
            lines.append(part)
            continue
        lines.extend(textwrap.wrap(part.replace("-", "- "), width, break_long_words=False))
    return "\n".join(line.replace("- ", "-") for line in lines)


def region_label(value, lang):
    """A mega-region's full name for the map: 京津冀城市群, or Beijing-Tianjin-Hebei (wrapped)."""
    if find_region(value) is None:
        return "" if value is None else str(value)
    if lang == "zh":
        return _wrapped(region_name(value, "zh"), 8)
    return _wrapped(region_name(value, "en_only"), 16)


def feature_labels(layer, make_label):
    """{feature id: label} of ``layer``."""
    return {f.id(): make_label(f) for f in layer.getFeatures()}


def region_labels(layer, lang):
    names = layer.fields().names()
    field = F.MEGAREGION_ID if F.MEGAREGION_ID in names else F.MEGAREGION
    return feature_labels(layer, lambda f: region_label(f[field], lang))


def core_labels(layer, field, lang):
    names = layer.fields().names()
    code = "adcode" if "adcode" in names else None
    return feature_labels(layer, lambda f: city_label(f[field], lang, f[code] if code else None))


def _label_expression(labels):
    """An expression giving each feature its label by feature id (labels hold line breaks)."""
    pairs = ", ".join(f"{QgsExpression.quotedString(str(fid))}, {QgsExpression.quotedString(text)}"
                      for fid, text in sorted(labels.items()))
    return f"map_get(map({pairs}), to_string($id))"


# ------------------------------------------------------------------------------ settings

def text_format(family, points, bold=False, buffer_mm=0.7):
    """Black text with a white halo, so it reads over any fill."""
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    fmt = QgsTextFormat()
    fmt.setFont(font)
    fmt.setSize(points)
    fmt.setSizeUnit(compat.RENDER_POINTS)
    fmt.setColor(QColor("#000000"))
    fmt.setLineHeight(0.95)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(buffer_mm)
    buffer.setSizeUnit(compat.RENDER_MILLIMETERS)
    buffer.setColor(QColor("#ffffff"))
    fmt.setBuffer(buffer)
    return fmt


def _settings(labels, geometry_type, family, points, *, bold, priority, smaller, centred, obstacle_features):
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = _label_expression(labels)
    settings.enabled = True
    settings.setFormat(text_format(family, points, bold))
    settings.priority = priority
    settings.multilineAlign = compat.first(lambda: Qgis.LabelMultiLineAlignment.Center,
                                           lambda: QgsPalLayerSettings.MultiLineAlign.MultiCenter)
    # centred on a point inside the area (a mega-region's name on its region), or around it (a
    # city, and a region whose name did not fit on it: beside it, with a leader line)
    if geometry_type != compat.GEOMETRY_POLYGON:
        settings.placement = PLACEMENT_AROUND_POINT
    else:
        settings.placement = PLACEMENT_HORIZONTAL if centred else PLACEMENT_AROUND_CENTROID
    if centred and geometry_type == compat.GEOMETRY_POLYGON and smaller:
        # inside the region; a name that did not fit there goes outside it, with a leader line
        settings.setPolygonPlacementFlags(POLYGON_INSIDE_OR_OUTSIDE)
        moved = ", ".join(str(int(fid)) for fid in sorted(smaller))
        settings.dataDefinedProperties().setProperty(PROPERTY_OUTSIDE, QgsProperty.fromExpression(
            f"CASE WHEN $id IN ({moved}) THEN 'force' ELSE 'no' END"))
    settings.dist = 0.5
    settings.distUnits = compat.RENDER_MILLIMETERS
    settings.centroidInside = True
    settings.centroidWhole = True
    # labels avoid each other, not the areas: a name may sit over a neighbouring region; the core
    # cities are points the mega-region names keep clear of, so each city keeps room for its name
    obstacle = settings.obstacleSettings()
    obstacle.setIsObstacle(obstacle_features)
    settings.setObstacleSettings(obstacle)
    callout = QgsSimpleLineCallout()
    callout.setEnabled(True)
    callout.setMinimumLength(1.5)
    callout.setMinimumLengthUnit(compat.RENDER_MILLIMETERS)
    callout.lineSymbol().setColor(QColor("#303030"))
    callout.lineSymbol().setWidth(0.25)
    settings.setCallout(callout)
    if smaller:
        for key, index, default in ((PROPERTY_SIZE, 0, points), (PROPERTY_DISTANCE, 1, settings.dist)):
            cases = " ".join(f"WHEN $id = {int(fid)} THEN {values[index]:.2f}"
                             for fid, values in sorted(smaller.items()))
            settings.dataDefinedProperties().setProperty(
                key, QgsProperty.fromExpression(f"CASE {cases} ELSE {default:.2f} END"))
    return settings


def label_settings(labels, geometry_type, family, points, *, bold=False, priority=5, smaller=None, centred=False,
                   obstacle=False):
    """Label settings for ``labels`` ({feature id: text}); features in ``smaller``
    ({feature id: (points, distance in mm)}) get that type size and distance instead.
    ``centred`` (polygons): each label inside its feature where it fits (QGIS's horizontal
    placement, candidates centred inside the area), else outside it with a leader line.
    ``obstacle``: the features keep other layers' labels off them (the core cities)."""
    # one simple labeling: a rule-based one registers its rules in an order that varies from run
    # to run, and so would the placement
    return QgsVectorLayerSimpleLabeling(_settings(labels, geometry_type, family, points, bold=bold, priority=priority,
                                                  smaller=smaller, centred=centred, obstacle_features=obstacle))


class LabelPlan:
    """The labels of one layer of a map: texts, type size, priority, and the smaller sizes
    given to the labels that did not fit."""

    def __init__(self, layer, labels, family, points, *, bold=False, priority=5, centred=False, obstacle=False):
        self.layer, self.labels, self.family, self.points = layer, labels, family, points
        self.centred, self.obstacle = centred, obstacle
        self.bold, self.priority, self.smaller, self.level = bold, priority, {}, {}
        self.shown = None  # feature ids on the map (None: all)

    def apply(self):
        self.layer.setLabeling(label_settings(self.labels, self.layer.geometryType(), self.family, self.points,
                                              bold=self.bold, priority=self.priority, smaller=self.smaller,
                                              centred=self.centred, obstacle=self.obstacle))
        self.layer.setLabelsEnabled(True)

    def expected(self):
        """Feature ids that must carry a label: those on the map with a text."""
        return {fid for fid, text in self.labels.items() if text and (self.shown is None or fid in self.shown)}

    def limit_to(self, extent, crs, transform_context):
        """Only the features within ``extent`` (in ``crs``) must carry a label."""
        from qgis.core import QgsCoordinateTransform, QgsCsException, QgsFeatureRequest

        try:
            box = QgsCoordinateTransform(crs, self.layer.crs(), transform_context).transformBoundingBox(extent)
        except QgsCsException:
            return
        request = QgsFeatureRequest().setFilterRect(box)
        self.shown = {f.id() for f in self.layer.getFeatures(request)
                      if f.hasGeometry() and f.geometry().pointOnSurface().boundingBox().intersects(box)}


def engine_settings(project):
    """More candidate positions than QGIS's defaults: dense eastern China needs them."""
    engine = project.labelingEngineSettings()
    engine.setMaximumPolygonCandidatesPerCmSquared(10)
    project.setLabelingEngineSettings(engine)


# ------------------------------------------------------------------------------ checking

def placed_labels(labeling_results):
    """{layer id: {feature id, ...}} of the labels QGIS's label engine placed, from the
    labeling results of a layout export (``QgsLayoutExporter.labelingResults()``)."""
    placed = {}
    for results in labeling_results.values():
        for position in results.allLabels():
            if position.isUnplaced:
                continue
            placed.setdefault(position.layerID, set()).add(position.featureId)
    return placed


def unplaced(plans, placed):
    """{plan index: [feature id, ...]} of the expected labels not in ``placed``."""
    out = {}
    for i, plan in enumerate(plans):
        missing = sorted(plan.expected() - placed.get(plan.layer.id(), set()))
        if missing:
            out[i] = missing
    return out


def place_all(plans, export, rounds=6):
    """Place every label of ``plans``: ``export()`` renders the layout and returns the labels
    placed (:func:`placed_labels` of its labeling results). Each label that did not fit moves
    one step down ``SMALLER`` (smaller type, further out with a leader line) and the layout is
    rendered again, at most ``rounds`` times. Returns the placed labels ({layer id: {feature
    id}}) and the texts still unplaced ([] when every label is on the map)."""
    placed = export()
    for _ in range(rounds):
        missing = unplaced(plans, placed)
        if not missing:
            return placed, []
        for i, fids in missing.items():
            plan = plans[i]
            for fid in fids:
                level = min(plan.level.get(fid, -1) + 1, len(SMALLER) - 1)
                plan.level[fid] = level
                factor, distance = SMALLER[level]
                plan.smaller[fid] = (round(plan.points * factor, 2), distance)
            plan.apply()
        placed = export()
    missing = unplaced(plans, placed)
    return placed, [plans[i].labels[fid].replace("\n", " ") for i, fids in missing.items() for fid in fids]
