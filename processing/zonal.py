"""``megaregion:zonalstatistics``, ``megaregion:nighttimelight`` and ``megaregion:ndvi``:
raster statistics per polygon, over one engine (:func:`megaregion.core.zonal.zonal_statistics`)."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import raster_presets
from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .input_checks import CheckedInputs, checked_source, crs_missing, named, no_crs, no_crs_advice
from .i18n import tr
from .deps import lazy_import
from .styling import graduated_renderer

core_zonal = lazy_import("..core.zonal", __package__)

COVERAGES = ["exact", "center", "all_touched"]
COVERAGE_LABELS = [
    "Exact: each pixel weighted by the share of its area inside the polygon",
    "Pixel centre inside the polygon",
    "All touched pixels",
]
COMPOSITES = ["each", "mean", "max"]
COMPOSITE_LABELS = ["Each band", "Mean of the bands", "Maximum of the bands (maximum-value composite)"]

GENERIC_STATS = ["count", "sum", "mean", "min", "max", "std", "median", "valid_fraction"]
NTL_STATS = ["total_light", "mean", "lit_area_km2", "lit_ratio", "cnli", "count", "sum", "min", "max", "std",
             "median", "valid_fraction"]
NDVI_STATS = ["mean", "count", "min", "max", "std", "median", "valid_fraction", "sum"]

NTL_PRESETS = ["viirs_annual", "viirs_monthly", "dmsp_ols", "dmsp_like_harmonised"]
NDVI_PRESETS = ["auto", "modis_ndvi_int16", "ndvi_float", "spot_vgt_ndvi"]

FORMULAS = (
    "Over the valid pixels i of a polygon, with weight w<sub>i</sub> (exact: the share of the pixel's "
    "area inside the polygon; centre / all touched: 1): count = &Sigma; w<sub>i</sub>; sum = &Sigma; "
    "w<sub>i</sub> x<sub>i</sub>; mean = sum / count; std = sqrt(&Sigma; w<sub>i</sub> (x<sub>i</sub> "
    "&minus; mean)&sup2; / count); min, max over pixels with w<sub>i</sub> &gt; 0; median and percentiles "
    "are weighted percentiles (numpy's linear rule with equal weights); valid_fraction = count / "
    "&Sigma; w over all covered pixels; frac_K = &Sigma; w<sub>i</sub>[x<sub>i</sub> = K] / count.\n"
    "Stored values become values as stored &times; scale + offset; nodata and the valid range are tested "
    "on stored values. Polygons are reprojected to the raster's CRS (never the raster); pixel areas "
    "are ellipsoidal. A polygon outside the raster, or covering only nodata, gets NULL statistics and "
    "the reason in the status field (&lt;prefix&gt;_status, or zonal_status without a prefix). Invalid polygons are repaired (make_valid) and the repair noted.\n"
    "Rasters are read once, in blocks, so memory stays bounded for rasters larger than RAM. For the "
    "median and percentiles the pixel values of a polygon are kept until its last row is read: in "
    "memory up to 128 MB, in temporary files beyond (the system's temporary folder)."
)


def _numbers(text, what):
    """'10, 50,90' -> [10.0, 50.0, 90.0]; a clear error for anything else."""
    out = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            out.append(float(part))
        except ValueError:
            raise QgsProcessingException(tr("{parameter}: '{value}' is not a number; give numbers separated by "
                                            "commas").format(parameter=what, value=part)) from None
    return out


class _ZonalBase(CheckedInputs, MegaregionAlgorithm):
    REQUIRES = ("numpy", "pandas", "shapely", "pyproj", "osgeo")
    INPUT = "INPUT"
    RASTER = "RASTER"
    STATISTICS = "STATISTICS"
    COVERAGE = "COVERAGE"
    PERCENTILES = "PERCENTILES"
    BANDS = "BANDS"
    BAND_COMPOSITE = "BAND_COMPOSITE"
    PRESET = "PRESET"
    SCALE = "SCALE"
    OFFSET = "OFFSET"
    NODATA = "NODATA"
    VALID_MIN = "VALID_MIN"
    VALID_MAX = "VALID_MAX"
    PREFIX = "PREFIX"
    YEARS = "YEARS"
    OUTPUT = "OUTPUT"

    DEFAULT_PREFIX = ""
    RAMP = "Blues"
    GROUP_ID = "rasters"
    GROUP = "1 Prepare data"
    STATS = GENERIC_STATS
    DEFAULT_STATS = [0, 1, 2]
    PRESETS = []  # preset ids offered; "" = none
    DEFAULT_PRESET = 0

    def _preset_labels(self):
        labels = []
        for key in self.PRESETS:
            if key == "":
                labels.append(self.tr("None (use the file's nodata, scale and offset)"))
            elif key == "auto":
                labels.append(self.tr("Auto (from the data type: int16 MODIS, uint8 SPOT-VGT, float NDVI)"))
            else:
                labels.append(self.tr(raster_presets.PRESETS[key]["label"]))
        return labels

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Polygons"), [compat.SOURCE_VECTOR_POLYGON])
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.RASTER, self.tr("Rasters (one or several, e.g. one per year)"), compat.SOURCE_RASTER
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.STATISTICS, self.tr("Statistics"), options=self.STATS, allowMultiple=True,
                defaultValue=self.DEFAULT_STATS,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.COVERAGE, self.tr("Pixels counted"), options=[self.tr(c) for c in COVERAGE_LABELS], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.PERCENTILES, self.tr("Percentiles, 0-100 (e.g. 10,90)"), optional=True, defaultValue=""
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PRESET, self.tr("Product"), options=self._preset_labels(), defaultValue=self.DEFAULT_PRESET
            )
        )
        self.add_specific_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                self.PREFIX, self.tr("Column prefix (empty: the raster file name)"), optional=True,
                defaultValue=self.DEFAULT_PREFIX,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.YEARS, self.tr("Year of each raster, e.g. 2010,2020 (empty: from the file names)"),
                optional=True, defaultValue="",
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.BANDS, self.tr("Bands (e.g. 1,2,3; empty: all)"), optional=True, defaultValue=""
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.BAND_COMPOSITE, self.tr("Several bands"), options=[self.tr(c) for c in COMPOSITE_LABELS],
                defaultValue=0,
            )
        )
        for name, label in (
            (self.SCALE, "Scale (value = stored x scale + offset; empty: product or file)"),
            (self.OFFSET, "Offset (empty: product or file)"),
            (self.NODATA, "Nodata value (stored; empty: product or file)"),
            (self.VALID_MIN, "Smallest valid stored value (empty: product or none)"),
            (self.VALID_MAX, "Largest valid stored value (empty: product or none)"),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, self.tr(label), compat.NUMBER_DOUBLE, optional=True, defaultValue=None
                )
            )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr(self.OUTPUT_LABEL)))

    OUTPUT_LABEL = "Polygons with statistics"

    def add_specific_parameters(self):
        """Hook for the parameters of one algorithm (categories, lit threshold ...)."""

    def specific_arguments(self, parameters, context):
        return {}, []

    def _optional_number(self, parameters, name, context):
        value = parameters.get(name)
        if value is None or value == "":
            return None
        return self.parameterAsDouble(parameters, name, context)

    def _raster_paths(self, parameters, context):
        layers = self.parameterAsLayerList(parameters, self.RASTER, context)
        if not layers:
            raise QgsProcessingException(self.tr("RASTER is empty: choose at least one raster."))
        paths = []
        for layer in layers:
            if layer.type() != compat.LAYER_RASTER:
                raise QgsProcessingException(self.tr(
                    "RASTER '{layer}' is not a raster layer: choose raster files (GeoTIFF).").format(
                        layer=layer.source()))
            if layer.providerType() != "gdal":
                raise QgsProcessingException(self.tr(
                    "RASTER '{layer}' comes from the '{provider}' provider: zonal statistics read files; save the "
                    "raster as a GeoTIFF first (Raster > Conversion > Translate).").format(
                        layer=layer.name(), provider=layer.providerType()))
            paths.append(layer.source())
        return paths

    @staticmethod
    def _check_bands(paths, band_list):
        """Every band of BANDS exists in every raster."""
        from osgeo import gdal

        for path in paths:
            ds = gdal.OpenEx(str(path), gdal.OF_RASTER)
            count = 0 if ds is None else ds.RasterCount
            ds = None
            beyond = [b for b in band_list if b > count]
            if beyond:
                raise QgsProcessingException(tr(
                    "BANDS {bands}: raster '{path}' has {count} band(s); give band numbers from 1 to {count}, or "
                    "leave BANDS empty for all bands.").format(bands=", ".join(map(str, beyond)), path=path,
                                                               count=count))

    def _preset(self, parameters, context, paths):
        key = self.PRESETS[self.parameterAsEnum(parameters, self.PRESET, context)]
        return key or None

    def _years(self, parameters, context, paths):
        """One year per raster: given in YEARS, or found in the file names (None: columns then
        carry the raster's name)."""
        text = self.parameterAsString(parameters, self.YEARS, context)
        if text and text.strip():
            years = [int(y) for y in _numbers(text, "YEARS")]
            if len(years) != len(paths):
                raise QgsProcessingException(self.tr(
                    "YEARS '{text}' has {count} value(s) for {rasters} rasters: give one year per raster, in "
                    "order.").format(text=text, count=len(years), rasters=len(paths)))
            return years
        return core_zonal.raster_years(paths)

    def compute(self, parameters, context, feedback):
        source = checked_source(self, parameters, self.INPUT, context,
                                polygons_for=self.tr("zonal statistics need polygons"))
        crs = source.sourceCrs()
        if crs_missing(crs):  # missing, or a GeoPackage's undefined SRS: nothing to place the polygons by
            raise QgsProcessingException(self.tr(
                "{input} has {crs}, so its polygons cannot be placed on the rasters: {advice}.").format(
                    input=named(parameters, self.INPUT), crs=no_crs(crs), advice=no_crs_advice()))
        paths = self._raster_paths(parameters, context)
        stats = [self.STATS[i] for i in self.parameterAsEnums(parameters, self.STATISTICS, context)]
        percentiles = _numbers(self.parameterAsString(parameters, self.PERCENTILES, context), "PERCENTILES")
        for q in percentiles:
            if not 0 <= q <= 100:
                raise QgsProcessingException(self.tr(
                    "PERCENTILES: {value:g} is outside 0-100; give percentiles such as 10,50,90.").format(value=q))
        extra_kwargs, extra_stats = self.specific_arguments(parameters, context)
        stats = list(dict.fromkeys(stats + [f"p{q:g}" for q in percentiles] + extra_stats))
        if not stats:
            raise QgsProcessingException(self.tr("STATISTICS is empty: choose at least one statistic."))
        coverage = COVERAGES[self.parameterAsEnum(parameters, self.COVERAGE, context)]
        bands_text = self.parameterAsString(parameters, self.BANDS, context)
        band_list = [int(b) for b in _numbers(bands_text, "BANDS")]
        if any(b < 1 for b in band_list):
            raise QgsProcessingException(self.tr("BANDS: band numbers start at 1 (got {bands}).").format(
                bands=bands_text))
        if band_list:
            self._check_bands(paths, band_list)
        composite = COMPOSITES[self.parameterAsEnum(parameters, self.BAND_COMPOSITE, context)]
        if band_list and composite != "each":
            raise QgsProcessingException(self.tr(
                "BANDS = {bands} and BAND_COMPOSITE = {composite} together are ambiguous: leave BANDS empty to "
                "combine all bands, or choose '{each}'.").format(bands=bands_text, composite=composite,
                                                                 each=self.tr(COMPOSITE_LABELS[0])))
        bands = band_list or composite
        vmin = self._optional_number(parameters, self.VALID_MIN, context)
        vmax = self._optional_number(parameters, self.VALID_MAX, context)
        valid_range = None
        if vmin is not None or vmax is not None:
            valid_range = (-float("inf") if vmin is None else vmin, float("inf") if vmax is None else vmax)
            if valid_range[0] > valid_range[1]:
                raise QgsProcessingException(self.tr(
                    "VALID_MIN {low:g} is above VALID_MAX {high:g}: swap them.").format(low=vmin, high=vmax))

        frame, geometries = qgis_io.source_to_frame(source, feedback, progress_share=0.1)
        shapes = qgis_io.shapely_geometries(geometries)
        preset = self._preset(parameters, context, paths)
        kwargs = dict(
            crs=crs.authid() if crs.authid().startswith("EPSG:") else crs.toWkt(crs.WKT_PREFERRED), coverage=coverage, bands=bands, preset=preset,
            scale=self._optional_number(parameters, self.SCALE, context),
            offset=self._optional_number(parameters, self.OFFSET, context),
            nodata=self._optional_number(parameters, self.NODATA, context),
            valid_range=valid_range,
        )
        kwargs.update(extra_kwargs)
        if preset:
            feedback.pushInfo(self.tr(
                "{rasters} raster(s), {polygons} polygons, coverage {coverage}, product {product}: {statistics}"
            ).format(rasters=len(paths), polygons=len(shapes), coverage=coverage, product=preset,
                     statistics=", ".join(stats)))
        else:
            feedback.pushInfo(self.tr(
                "{rasters} raster(s), {polygons} polygons, coverage {coverage}: {statistics}").format(
                    rasters=len(paths), polygons=len(shapes), coverage=coverage, statistics=", ".join(stats)))
        prefix = (self.parameterAsString(parameters, self.PREFIX, context) or "").strip()
        years = self._years(parameters, context, paths)
        tokens = core_zonal.raster_tokens(len(paths))
        kwargs["labels"] = tokens
        try:
            result = core_zonal.zonal_statistics(
                shapes, paths, stats,
                progress=lambda f: feedback.setProgress(10 + 80 * f),
                is_cancelled=feedback.isCanceled,
                **kwargs,
            )
        except core_zonal.ZonalCancelled:
            raise QgsProcessingException(self.tr("Cancelled")) from None
        renamed = core_zonal.column_names(result.columns, tokens, paths, prefix, years)
        status = renamed[core_zonal.STATUS_COLUMN]
        result = result.rename(columns=renamed)
        missing = result[status] != "ok"
        if missing.any():
            feedback.pushWarning(self.tr("{count} polygons have notes or missing values: see '{field}'.").format(
                count=int(missing.sum()), field=status))
            for i in list(missing[missing].index)[:10]:
                feedback.pushInfo(self.tr("Feature {number}: {note}").format(number=i + 1, note=result.at[i, status]))

        out = frame.copy()
        clashes = [c for c in result.columns if c in out.columns]
        for c in clashes:
            feedback.pushWarning(self.tr("INPUT already has a field '{field}': it is replaced by the new "
                                         "statistic.").format(field=c))
            out = out.drop(columns=c)
        result.index = out.index
        out = out.join(result)
        fields = qgis_io.frame_fields(out, templates=source.fields())
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        qgis_io.write_frame(sink, out, geometries, feedback, 90, 100)
        styled = [c for c in result.columns if c != status and not c.endswith(("_count", "_valid_fraction"))]
        if styled:
            field, ramp = styled[0], self.RAMP
            self.style_output(dest_id, lambda layer: graduated_renderer(layer, field, ramp_name=ramp))
        return {self.OUTPUT: dest_id}


class ZonalStatisticsAlgorithm(_ZonalBase):
    CATEGORIES = "CATEGORIES"
    ALG_ID = "zonalstatistics"
    DISPLAY_NAME = "Raster zonal statistics"
    PRESETS = [""] + list(raster_presets.PRESETS)
    HELP = (
        "Statistics of one or several rasters (and of each band, or of the band mean or maximum) for every "
        "polygon, with exact area weighting by default: a polygon smaller than a pixel still gets a value.\n\n"
        "<b>Polygons</b>, <b>Rasters</b> (one per year or month: each adds its columns, named "
        "&lt;raster&gt;_&lt;statistic&gt;, with _b&lt;k&gt; for band k of a multi-band raster), "
        "<b>Statistics</b>, <b>Pixels counted</b> (exact, centre, all touched), <b>Percentiles</b>, "
        "<b>Category fractions</b> (e.g. 13 for the built-up class of MODIS land cover: the share of the "
        "polygon in that class), <b>Product</b> presets that fill scale, offset, nodata and the valid "
        "range (explicit values win).\n\n" + FORMULAS + "\n\n<b>Output</b>: a copy of the polygons with the "
        "statistics and the status field."
    )

    def add_specific_parameters(self):
        self.addParameter(
            QgsProcessingParameterString(
                self.CATEGORIES, self.tr("Category fractions: classes (e.g. 13 for built-up land cover)"),
                optional=True, defaultValue="",
            )
        )

    def specific_arguments(self, parameters, context):
        classes = _numbers(self.parameterAsString(parameters, self.CATEGORIES, context), "CATEGORIES")
        return {}, [f"frac_{c:g}" for c in classes]


class NighttimeLightAlgorithm(_ZonalBase):
    LIT_THRESHOLD = "LIT_THRESHOLD"
    CAP = "CAP"
    ALG_ID = "nighttimelight"
    DISPLAY_NAME = "Nighttime-light statistics"
    GROUP_ID = "rasters"
    STATS = NTL_STATS
    DEFAULT_STATS = [0, 1, 2, 3]
    PRESETS = NTL_PRESETS
    DEFAULT_PREFIX = "ntl"
    RAMP = "Inferno"
    OUTPUT_LABEL = "Polygons with night-light statistics"
    HELP = (
        "Night-time light (NTL) indicators per polygon: the social-vitality indicator of the method.\n\n"
        "<b>Product</b>: VIIRS annual V2 (nW/cm&sup2;/sr, average_masked; negatives set to 0), VIIRS monthly "
        "(negatives set to 0; mask cf_cvg = 0 first), DMSP-OLS stable lights or DMSP-like harmonised series "
        "(DN 0-63, 255 missing, lit above DN 7). Never compare DN and radiance.\n"
        "<b>Lit threshold</b>: a pixel is lit when its value is above it (default: the product's: "
        f"{raster_presets.lit_threshold('viirs_annual'):g} nW/cm&sup2;/sr for VIIRS annual, the radiance below "
        "which VNL V2 sets a pixel to background; "
        f"{raster_presets.lit_threshold('viirs_monthly'):g} for VIIRS monthly, whose background is not removed; "
        f"DN {raster_presets.lit_threshold('dmsp_ols'):g} for DMSP). <b>Cap</b> (optional): values above it are "
        "set to it (gas flares, fires).\n\n"
        "Measures: total_light = &Sigma; w<sub>i</sub> x<sub>i</sub>; mean; lit_area_km2 = &Sigma;<sub>lit</sub> "
        "w<sub>i</sub> a<sub>i</sub> (a<sub>i</sub> the pixel's ellipsoidal area); lit_ratio S = lit area / "
        "valid area; CNLI = I &times; S with I = &Sigma;<sub>lit</sub> w<sub>i</sub> x<sub>i</sub> / "
        "(&Sigma;<sub>lit</sub> w<sub>i</sub> &times; DN<sub>max</sub>) (compounded night light index, "
        "Zhuo et al. 2003; DN<sub>max</sub> = 63 for DMSP; radiance has no maximum, so for VIIRS set a Cap, "
        "which is then DN<sub>max</sub>).\n\n"
        + FORMULAS
    )

    def add_specific_parameters(self):
        self.addParameter(
            QgsProcessingParameterNumber(
                self.LIT_THRESHOLD, self.tr("Lit threshold (empty: the product's)"),
                compat.NUMBER_DOUBLE, optional=True, defaultValue=None,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CAP, self.tr("Cap: largest value kept (empty: no cap)"),
                compat.NUMBER_DOUBLE, optional=True, defaultValue=None,
            )
        )

    def specific_arguments(self, parameters, context):
        kwargs = {}
        preset = self.PRESETS[self.parameterAsEnum(parameters, self.PRESET, context)]
        radiance = preset.startswith("viirs")
        threshold = self._optional_number(parameters, self.LIT_THRESHOLD, context)
        if threshold is not None:
            kwargs["ntl_threshold"] = threshold  # else the product's (core/raster_presets.py)
        cap = self._optional_number(parameters, self.CAP, context)
        stats = [self.STATS[i] for i in self.parameterAsEnums(parameters, self.STATISTICS, context)]
        if cap is not None:
            if cap <= 0:
                raise QgsProcessingException(self.tr("CAP {value:g} must be above 0.").format(value=cap))
            kwargs["clip"] = (0.0, cap)
            if radiance:
                kwargs["dn_max"] = cap
        elif radiance and "cnli" in stats:
            raise QgsProcessingException(self.tr(
                "STATISTICS has cnli, which needs the largest possible value DN_max: radiance has none, so set "
                "CAP (e.g. the 99.9th percentile of the city cores) or leave cnli out."))
        return kwargs, []


class NdviAlgorithm(_ZonalBase):
    ALG_ID = "ndvi"
    DISPLAY_NAME = "NDVI statistics"
    STATS = NDVI_STATS
    DEFAULT_STATS = [0, 1, 2, 3, 4]
    PRESETS = NDVI_PRESETS
    DEFAULT_PREFIX = "ndvi"
    RAMP = "Greens"
    OUTPUT_LABEL = "Polygons with NDVI statistics"
    HELP = (
        "NDVI per polygon: the green-transformation indicator of the method.\n\n"
        "<b>Product</b>: Auto (from the data type), MODIS int16 (NDVI = DN &times; 0.0001, fill &minus;3000, valid "
        "&minus;2000..10000), floating-point NDVI (&minus;1..1; fill values such as 99999 are missing), SPOT-VGT "
        "(NDVI = DN &times; 0.004 &minus; 0.1).\n<b>Several bands</b> (a stack of composites): each band, their "
        "mean (annual mean of valid composites) or their maximum (maximum-value composite).\n\n" + FORMULAS
    )

    def _preset(self, parameters, context, paths):
        key = super()._preset(parameters, context, paths)
        if key != "auto":
            return key
        from osgeo import gdal

        ds = gdal.OpenEx(str(paths[0]), gdal.OF_RASTER)
        if ds is None or ds.RasterCount < 1:
            raise QgsProcessingException(self.tr(
                "raster {path!r} cannot be opened: choose a GDAL raster (GeoTIFF)").format(path=paths[0]))
        dtype = gdal.GetDataTypeName(ds.GetRasterBand(1).DataType)
        ds = None
        return raster_presets.ndvi_preset(dtype)
