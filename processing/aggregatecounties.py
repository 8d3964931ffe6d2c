"""``megaregion:aggregatecounties``: prefecture-level units from county-level layers or tables.

The rules (parent of each unit, sums, weighted means, NULL notes) are in
``core/admin/counties.py``; here the inputs are read (several files merged, a DBF without
``.cpg`` read in the encoding its text is in), and the units' geometries are made valid and
dissolved per prefecture in the input's coordinate system."""
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsVectorLayer,
    QgsWkbTypes,
)

from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .deps import lazy_import
from .i18n import shown
from .input_checks import CheckedInputs, crs_missing, file_path, no_crs, no_crs_advice
from .tables import delimited_text_path

pd = lazy_import("pandas")
core_counties = lazy_import("..core.admin.counties", __package__)
core_tables = lazy_import("..core.admin.tables", __package__)

COUNTY_LEVEL_OPTIONS = ["Keep as units of their own (as the plan documents list them)", "Drop"]


class AggregateCountiesAlgorithm(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ("numpy", "pandas")
    INPUT = "INPUT"
    CODE_FIELD = "CODE_FIELD"
    PARENT_FIELD = "PARENT_FIELD"
    SUM_FIELDS = "SUM_FIELDS"
    MEAN_FIELDS = "MEAN_FIELDS"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    YEAR_FIELD = "YEAR_FIELD"
    COUNTY_LEVEL_CITIES = "COUNTY_LEVEL_CITIES"
    OUTPUT = "OUTPUT"

    ALG_ID = "aggregatecounties"
    DISPLAY_NAME = "Prefectures from counties"
    HELP = (
        "Makes prefecture-level units (地级单元) from county-level layers or tables: districts, counties and "
        "county-level cities, as DataV, Amap or a county yearbook give them.\n\n"
        "<b>Input layers or tables</b>: one or more polygon layers or tables (several files are merged, so "
        "DataV's 34 province files are one input). A Shapefile without .cpg whose text is UTF-8 is read as UTF-8.\n"
        "<b>Code field</b>: the units' 6-digit administrative codes (adcode), as text or numbers.\n"
        "<b>Parent field</b> (optional): the code of each unit's prefecture (Amap's ctadcode; DataV's JSON "
        "parent). Without it the parent comes from the code: the first four digits and 00 (320703 → 320700). "
        "Every district and county of a municipality (11…, 12…, 31…, 50…, also Chongqing's counties 5002xx) "
        "belongs to the municipality, under the plugin's code (北京 110100, 天津 120100, 上海 310100, 重庆 "
        "500000). Units that already are prefectures pass through; a table that also holds a prefecture's own "
        "row uses that row, so nothing is counted twice. Province codes (xx0000) are left out.\n"
        "<b>Province-direct county-level units</b> (codes xx90xx: 济源, 仙桃, 潜江, 天门, 神农架, Hainan's "
        "4690xx, Xinjiang's 6590xx): kept as units of their own, as the plan documents list them, or dropped.\n"
        "<b>Fields to sum</b>: counts, totals, areas: the sum over the units with a value.\n"
        "<b>Fields to average</b>: rates, shares, per-capita values: the mean sum(w·x)/sum(w) over the units "
        "where both the value and a weight above 0 are present, weighted by the <b>weight field</b> "
        "(population, area) or equal without one.\n"
        "A numeric field in neither list is left out (named in the log); no field is summed that was not asked "
        "for. A prefecture where no unit has a value gets NULL, never 0.\n"
        "<b>Year field</b> (long tables, one row per unit and year): one output row per prefecture and year.\n\n"
        "<b>Output</b>: one feature per prefecture-level unit (and year) with adcode (6 digits), name (Chinese, "
        "from the plugin's names table; a unit not in it keeps its name from the input), n_units (units "
        "merged), null_note (per field, the units without a value: 'popu 1/5 NULL') and the numbers under "
        "their own names. Geometries are made valid and dissolved; the coordinate system is kept (GCJ-02 "
        "stays GCJ-02: convert afterwards with 'Convert web-map boundaries to WGS84')."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUT, self.tr("County-level layers or tables (one or more)"), compat.SOURCE_VECTOR))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr("Code field (6-digit administrative code)"), defaultValue="adcode",
            parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.PARENT_FIELD, self.tr("Parent field (code of the prefecture)"), parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SUM_FIELDS, self.tr("Fields to sum (counts, totals, areas)"), allowMultiple=True, parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.MEAN_FIELDS, self.tr("Fields to average (rates, shares, per-capita values)"),
            allowMultiple=True, parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.WEIGHT_FIELD, self.tr("Weight of the averages (population, area)"), parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.YEAR_FIELD, self.tr("Year field (long tables only)"), parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.COUNTY_LEVEL_CITIES, self.tr("Province-direct county-level units"),
            options=[self.tr(o) for o in COUNTY_LEVEL_OPTIONS], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Prefecture-level units"), compat.SOURCE_VECTOR_ANY_GEOMETRY))

    # ------------------------------------------------------------------ reading

    def _layers(self, parameters, context):
        layers = self.parameterAsLayerList(parameters, self.INPUT, context)
        wanted = parameters.get(self.INPUT)
        wanted = wanted if isinstance(wanted, (list, tuple)) else [wanted] if wanted else []
        if not layers or len(layers) < len(wanted):
            found = {os.path.normcase(file_path(layer.source()) or "") for layer in layers}
            missing = [w for w in wanted if isinstance(w, str) and os.path.normcase(file_path(w) or w) not in found]
            raise QgsProcessingException(self.tr(
                "INPUT: {files} cannot be opened as a layer or table: check the path, or open it in QGIS to see "
                "why.").format(files=", ".join(os.path.basename(file_path(m) or m) for m in missing) or
                               self.tr("no layer given")))
        return layers

    def _read(self, layer, feedback):
        """(frame, geometries or None, crs or None, label) of one input layer."""
        label = os.path.basename(file_path(layer.source()) or "") or layer.name()
        text_path = delimited_text_path(layer)
        if text_path is not None:
            return core_tables.read_table(text_path), None, None, label
        reader = layer
        path = file_path(layer.source()) if layer.providerType() == "ogr" else None
        if path and path.lower().endswith((".shp", ".dbf")):
            stem = os.path.splitext(path)[0]
            has_cpg = any(os.path.exists(stem + suffix) for suffix in (".cpg", ".CPG"))
            dbf = next((stem + s for s in (".dbf", ".DBF") if os.path.exists(stem + s)), None)
            if not has_cpg and dbf and core_counties.dbf_text_is_utf8(dbf):
                # a copy of the layer, so the user's layer in the project keeps its settings
                reader = QgsVectorLayer(layer.source(), layer.name(), "ogr")
                reader.setProviderEncoding("UTF-8")
                reader.setSubsetString(layer.subsetString())
                feedback.pushInfo(self.tr(
                    "{file} has no .cpg file and its text is UTF-8: read as UTF-8.").format(file=label))
        spatial = reader.isSpatial() and QgsWkbTypes.geometryType(reader.wkbType()) != compat.GEOMETRY_NULL
        if spatial and QgsWkbTypes.geometryType(reader.wkbType()) != compat.GEOMETRY_POLYGON:
            raise QgsProcessingException(self.tr(
                "INPUT {file} has {geometry} geometries: choose polygon layers of county-level units, or tables "
                "without geometry.").format(file=label, geometry=QgsWkbTypes.displayString(reader.wkbType())))
        frame, geometries = qgis_io.source_to_frame(reader, feedback, with_geometry=spatial, progress_share=0.0)
        json_fields = [f.name() for f in reader.fields()
                       if f.typeName().upper() == "JSON" and frame[f.name()].isna().any()]
        if json_fields and reader.providerType() == "ogr":
            self._json_as_text(reader, frame, json_fields, label, feedback)
        crs = reader.crs() if spatial else None
        if spatial and crs_missing(crs):
            if crs.isValid():  # an undefined SRS is no system: the output gets none either
                feedback.pushWarning(self.tr(
                    "{file} has {crs}: its coordinates are kept as they are, the output has no coordinate reference "
                    "system either; {advice}.").format(file=label, crs=no_crs(crs), advice=no_crs_advice()))
                crs = QgsCoordinateReferenceSystem()
            else:
                feedback.pushWarning(self.tr(
                    "{file} has no coordinate reference system (no .prj): its coordinates are kept as they are, the "
                    "output has none either.").format(file=label))
        return frame, (geometries if spatial else None), crs, label

    def _json_as_text(self, layer, frame, names, label, feedback):
        """GeoJSON fields GDAL types as JSON (DataV's ``parent`` {"adcode": 320000}; ``adcode`` in
        china.json, whose values mix numbers and the text ``100000_JD``) reach QGIS 3.22 as NULL
        when a value is a plain number or text: their text is read from GDAL instead, in
        feature order, so codes are not lost."""
        from osgeo import ogr

        path = file_path(layer.source())
        parts = dict(p.split("=", 1) for p in layer.source().split("|")[1:] if "=" in p)
        if not path or set(parts) - {"layername", "layerid"}:
            return  # a filtered layer: its rows would not line up
        dataset = ogr.Open(path)
        if dataset is None:
            return
        source = (dataset.GetLayerByName(parts["layername"]) if "layername" in parts
                  else dataset.GetLayer(int(parts.get("layerid", 0))))
        if source is None or source.GetFeatureCount() != len(frame):
            return
        definition = source.GetLayerDefn()
        indexes = {name: definition.GetFieldIndex(name) for name in names}
        values = {name: [] for name in names if indexes[name] >= 0}
        for feature in source:
            for name in values:
                index = indexes[name]
                values[name].append(feature.GetFieldAsString(index) if feature.IsFieldSetAndNotNull(index) else None)
        dataset = None
        restored = []
        for name, column in values.items():
            lost = [old is None and new is not None for old, new in zip(frame[name].tolist(), column)]
            if any(lost):
                frame[name] = [new if gone else old for old, new, gone in zip(frame[name].tolist(), column, lost)]
                restored.append(name)
        if restored:
            feedback.pushInfo(self.tr("{file}: the values of JSON fields {fields} that QGIS reads as NULL are read "
                                      "as text.").format(file=label, fields=", ".join(restored)))

    # ------------------------------------------------------------------ run

    def compute(self, parameters, context, feedback):
        layers = self._layers(parameters, context)
        code_field = self.parameterAsString(parameters, self.CODE_FIELD, context) or None
        parent_field = self.parameterAsString(parameters, self.PARENT_FIELD, context) or None
        sum_fields = compat.parameter_as_strings(self, parameters, self.SUM_FIELDS, context)
        mean_fields = compat.parameter_as_strings(self, parameters, self.MEAN_FIELDS, context)
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None
        year_field = self.parameterAsString(parameters, self.YEAR_FIELD, context) or None
        county_level = self.parameterAsEnum(parameters, self.COUNTY_LEVEL_CITIES, context)

        frames, geometries, crs_list, spatial, tables, empty = [], [], [], [], [], []
        for layer in layers:
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled"))
            frame, geoms, crs, label = self._read(layer, feedback)
            if frame.empty:
                feedback.pushWarning(self.tr("{file} has no rows: skipped.").format(file=label))
                empty.append(label)
                continue
            frames.append(frame)
            (spatial if geoms is not None else tables).append(label)
            geometries.extend(geoms if geoms is not None else [None] * len(frame))
            if crs is not None and crs.isValid():
                crs_list.append((label, crs))
        if not frames:
            raise QgsProcessingException(self.tr(
                "INPUT {files} has no rows: choose the layers or tables of county-level units.").format(
                    files=", ".join(empty)))
        if spatial and tables:
            raise QgsProcessingException(self.tr(
                "INPUT mixes polygon layers ({layers}) and tables without geometry ({tables}): choose either "
                "polygons or tables.").format(layers=", ".join(spatial[:3]), tables=", ".join(tables[:3])))
        authids = {crs.authid() or crs.toWkt() for _, crs in crs_list}
        if len(authids) > 1:
            raise QgsProcessingException(self.tr(
                "INPUT layers are in different coordinate systems ({systems}): reproject them to one first "
                "(Vector general > Reproject layer).").format(
                    systems=", ".join("{0} {1}".format(label, crs.authid()) for label, crs in crs_list[:4])))
        merged = pd.concat(frames, ignore_index=True, sort=False) if len(frames) > 1 else frames[0]
        feedback.setProgress(30)

        result = core_counties.aggregate_counties(
            merged, code_field, parent_field=parent_field, sum_fields=sum_fields, mean_fields=mean_fields,
            weight_field=weight_field, year_field=year_field, county_level=county_level)
        for note in result.notes:
            feedback.pushWarning(shown(note))
        if result.left_out_fields:
            feedback.pushInfo(self.tr(
                "Numeric fields left out (in neither SUM_FIELDS nor MEAN_FIELDS): {fields}.").format(
                    fields=", ".join(map(str, result.left_out_fields))))
        if result.dropped_county_level:
            feedback.pushInfo(self.tr(
                "{count} province-direct county-level units dropped (COUNTY_LEVEL_CITIES): {codes}.").format(
                    count=len(result.dropped_county_level), codes=", ".join(result.dropped_county_level[:12])))
        if result.names_from_input:
            feedback.pushInfo(self.tr(
                "{count} units are not in the plugin's names table: their names come from the input "
                "({codes}).").format(count=len(result.names_from_input),
                                     codes=", ".join(result.names_from_input[:12])))
        feedback.setProgress(40)

        table = result.table
        repaired = 0
        out_geometries = None
        if spatial:
            out_geometries = []
            for i, positions in enumerate(result.groups):
                if feedback.isCanceled():
                    raise QgsProcessingException(self.tr("Cancelled"))
                parts = []
                for p in positions:
                    g = geometries[p]
                    if g is None or g.isNull() or g.isEmpty():
                        continue
                    if not g.isGeosValid():
                        g = g.makeValid()
                        repaired += 1
                    parts.append(g)
                out_geometries.append(_dissolved(parts))
                feedback.setProgress(40 + 50 * (i + 1) / max(len(result.groups), 1))
        fields = qgis_io.frame_fields(table)
        wkb = compat.WKB_MULTIPOLYGON if spatial else compat.WKB_NO_GEOMETRY
        crs = crs_list[0][1] if crs_list else QgsCoordinateReferenceSystem()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        qgis_io.write_frame(sink, table, out_geometries, feedback, 90, 100)
        feedback.pushInfo(self.tr(
            "{units} prefecture-level units from {rows} rows of {inputs} inputs; {repaired} invalid geometries "
            "repaired.").format(units=len(table), rows=len(merged), inputs=len(frames), repaired=repaired))
        return {self.OUTPUT: dest_id}


def _dissolved(parts):
    """The union of ``parts`` as one multipolygon (lines and points a repair left are dropped)."""
    if not parts:
        return QgsGeometry()
    union = QgsGeometry.unaryUnion(parts) if len(parts) > 1 else QgsGeometry(parts[0])
    if union.isNull():
        return union
    if QgsWkbTypes.geometryType(union.wkbType()) != compat.GEOMETRY_POLYGON:
        # a collection (what make_valid gives for a self-intersecting ring): its polygons
        # (convertToType returns nothing for a collection)
        union = QgsGeometry.collectGeometry(_polygons(union))
    union.convertToMultiType()
    return union


def _polygons(geometry):
    """The polygons of ``geometry`` (a repair can leave a collection with lines and points)."""
    return [QgsGeometry(part.clone()) for part in geometry.constParts()
            if QgsWkbTypes.geometryType(part.wkbType()) == compat.GEOMETRY_POLYGON]
