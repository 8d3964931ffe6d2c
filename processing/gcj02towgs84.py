"""``megaregion:gcj02towgs84``: convert boundaries scraped from Chinese web maps to WGS84."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from ..core import gcj02
from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .i18n import shown
from .input_checks import CheckedInputs, checked_source, crs_missing, named, no_crs, no_crs_advice

SYSTEMS = ["gcj02", "bd09", "wgs84"]
SYSTEM_LABELS = ["GCJ-02 (Amap, Tencent, Google China)", "BD-09 (Baidu)", "WGS84 (GPS, EPSG:4326)"]


class Gcj02ToWgs84Algorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ("numpy", "pandas", "shapely")
    INPUT = "INPUT"
    FROM_SYSTEM = "FROM_SYSTEM"
    TO_SYSTEM = "TO_SYSTEM"
    OUTPUT = "OUTPUT"

    ALG_ID = "gcj02towgs84"
    DISPLAY_NAME = "Convert web-map boundaries to WGS84"
    HELP = (
        "Converts geometries from the coordinate systems of Chinese web maps to WGS84, and back.\n\n"
        "Boundaries scraped from Amap or Tencent are in GCJ-02 and those from Baidu in BD-09: "
        "plain longitude/latitude, often labelled EPSG:4326, but shifted by about 0.1-0.7 km from "
        "true WGS84 positions by an obfuscation formula. Zonal statistics on rasters (night lights, "
        "NDVI) need true positions.\n\n"
        "<b>Input layer</b>: any vector layer in longitude/latitude degrees.\n"
        "<b>Convert from</b>: the system the coordinates are in (default GCJ-02).\n"
        "<b>Convert to</b>: the target system (default WGS84). The same system in and out copies the layer "
        "unchanged (useful in models whose boundaries may already be WGS84).\n"
        "<b>Output</b>: a copy of the input with converted geometries, in EPSG:4326, attributes unchanged.\n\n"
        "WGS84 to GCJ-02 is the published forward formula (Krasovsky ellipsoid, a = 6378245 m, "
        "e^2 = 0.00669342162296594323); GCJ-02 to WGS84 inverts it iteratively to a round-trip error "
        "below 1 cm across China. BD-09 is GCJ-02 with a further rotation-like shift "
        "(x_pi = 3000 pi / 180, offsets 0.0065, 0.006). Points outside China's bounding box "
        "(72.004-137.8347 E, 0.8293-55.8271 N) are not shifted by GCJ-02 and are left unchanged."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Input layer (longitude/latitude)"), [compat.SOURCE_VECTOR_ANY_GEOMETRY]
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.FROM_SYSTEM, self.tr("Convert from"), options=[self.tr(o) for o in SYSTEM_LABELS], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.TO_SYSTEM, self.tr("Convert to"), options=[self.tr(o) for o in SYSTEM_LABELS], defaultValue=2)
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Converted layer")))

    def compute(self, parameters, context, feedback):
        source = checked_source(self, parameters, self.INPUT, context, what=self.tr("the layer to convert"))
        src = SYSTEMS[self.parameterAsEnum(parameters, self.FROM_SYSTEM, context)]
        dst = SYSTEMS[self.parameterAsEnum(parameters, self.TO_SYSTEM, context)]
        crs = source.sourceCrs()
        missing = crs_missing(crs)  # missing, or a GeoPackage's undefined SRS: nothing said of the coordinates
        if not missing and not crs.isGeographic():
            raise QgsProcessingException(self.tr(
                "{input} is in {crs}, a projected CRS: GCJ-02 and BD-09 shifts apply to longitude/latitude degrees. "
                "Reproject the layer to EPSG:4326 first (Vector general > Reproject layer).").format(
                    input=named(parameters, self.INPUT), crs=crs.authid() or crs.description()))
        if missing:
            feedback.pushWarning(self.tr(
                "{input} has {crs}: its coordinates are taken as longitude/latitude degrees (EPSG:4326). If they are "
                "not, {advice}.").format(input=named(parameters, self.INPUT), crs=no_crs(crs), advice=no_crs_advice()))
        frame, geometries = qgis_io.source_to_frame(source, feedback, progress_share=0.3)
        shapes = qgis_io.shapely_geometries(geometries)
        converted, repaired = [], []
        n = len(shapes)
        for i, shape in enumerate(shapes):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled"))
            # the same system in and out copies the layer, so a model can take boundaries in any system
            try:
                if shape is None or src == dst:
                    converted.append(shape)
                else:
                    shape, fixed = gcj02.transform_valid(shape, src, dst)
                    converted.append(shape)
                    if fixed:
                        repaired.append(i + 1)
            except ValueError as exc:
                where = self.tr("{input}, feature {number}").format(input=named(parameters, self.INPUT), number=i + 1)
                if missing:
                    raise QgsProcessingException(self.tr(
                        "{where}: {reason} {input} has {crs}, so its coordinates were taken as degrees; {advice}."
                    ).format(where=where, reason=shown(exc), input=named(parameters, self.INPUT), crs=no_crs(crs),
                             advice=no_crs_advice())) from exc
                raise QgsProcessingException(self.tr("{input}: {reason}").format(input=where, reason=exc)) from exc
            feedback.setProgress(30 + 50 * (i + 1) / max(n, 1))
        out_geoms = qgis_io.qgs_geometries(converted)
        wkb_type = source.wkbType()
        if any(s is not None and s.geom_type == "MultiPolygon" for s in converted):
            wkb_type = QgsWkbTypes.multiType(wkb_type)  # a repaired polygon may come out in parts
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, source.fields(), wkb_type,
            QgsCoordinateReferenceSystem("EPSG:4326"),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        qgis_io.write_frame(sink, frame, out_geoms, feedback, 80, 100)
        if repaired:
            feedback.pushWarning(self.tr(
                "{count} geometries were valid before the conversion and not after it (vertices closer than the "
                "shift's variation crossed): repaired with make_valid, their polygonal parts kept (features "
                "{features}).").format(count=len(repaired), features=", ".join(map(str, repaired[:10]))
                                       + (" ..." if len(repaired) > 10 else "")))
        if src == dst:
            feedback.pushInfo(self.tr(
                "FROM_SYSTEM and TO_SYSTEM are both {system}: the {count} features are copied unchanged.").format(
                    system=src.upper(), count=n))
        else:
            feedback.pushInfo(self.tr("Converted {count} features from {source} to {target}.").format(
                count=n, source=src.upper(), target=dst.upper()))
        return {self.OUTPUT: dest_id}
