"""``megaregion:zonalstatistics``, ``megaregion:nighttimelight`` and ``megaregion:ndvi``:
raster statistics per polygon, over one engine (:func:`megaregion.core.zonal.zonal_statistics`)."""
from qgis.core import (
    QgsMapLayer,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import raster_presets
from . import compat, qgis_io
from .base import MegaregionAlgorithm
from .input_checks import CheckedInputs, _in_context, checked_source, crs_missing, named, no_crs, no_crs_advice
from .i18n import shown, tr
from .deps import lazy_import
from .styling import graduated_renderer

core_zonal = lazy_import("..core.zonal", __package__)


def core_catalogue():
    from ..core.zonal import catalogue

    return catalogue

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

NTL_PRESETS = ["viirs_annual", "viirs_monthly", "dmsp_ols", "dmsp_like_harmonised", "black_marble", "npp_viirs_like"]
NDVI_PRESETS = ["auto", "modis_ndvi_int16", "ndvi_float", "spot_vgt_ndvi"]

FILE_FOLDER = compat.first(lambda: __import__("qgis.core", fromlist=["Qgis"]).Qgis.ProcessingFileParameterBehavior.Folder,
                           lambda: QgsProcessingParameterFile.Behavior.Folder)
QUALITIES = ["default", "good", "good_marginal", "none"]
QUALITY_LABELS = [
    "Product default (Black Marble: good only; MODIS NDVI: good and marginal)",
    "Good only (Black Marble flag 0; MODIS reliability 0)",
    "Good and poor / marginal (Black Marble 0-1; MODIS reliability 0-1)",
    "No quality mask",
]
TIME_COMPOSITES = ["", "mean", "max"]
TIME_COMPOSITE_LABELS = [
    "Product default (night light: mean; NDVI: maximum)",
    "Mean of the valid periods of each cell",
    "Maximum of the valid periods of each cell (maximum-value composite)",
]

PRODUCTS_HELP = (
    "<b>Rasters as downloaded</b>: give the files (or a folder, <b>RASTER_FOLDER</b>) of one product; they are "
    "grouped by the date in their names into one set of columns per year (&lt;prefix&gt;_&lt;statistic&gt;_"
    "&lt;year&gt;), the tiles of one date mosaicked virtually (nothing copied), gzip'd files read in place. "
    "Products: VIIRS VNL V2 annual (VNL_v21_npp_2020_global_vcmslcfg_c202205302300.average_masked.dat.tif.gz, "
    "with its cf_cvg), VIIRS monthly (SVDNB_npp_20200601-20200630_75N060E_vcmslcfg_v10_c202007101200.avg_rade9h.tif "
    "with its cf_cvg twin), Black Marble (VNP46A3.A2020153.h28v05.001.2021001000000.h5, VNP46A4), MODIS "
    "MOD13A3/MOD13Q1 (MOD13A3.A2020122.h27v05.061.2020335213015.hdf), MCD12Q1 (MCD12Q1.A2020001.h27v05.061."
    "2022172020229.hdf), NPP-VIIRS-like (LongNTL_2020.tif), harmonised DMSP-VIIRS "
    "(Harmonized_DN_NTL_2020_simVIIRS.tif), CLCD (CLCD_v01_2020_albert.tif). <b>LAYER</b>: the layer of an HDF "
    "file (default the product's, e.g. NearNadir_Composite_Snow_Free) or of VNL (average_masked); the log lists "
    "the others. <b>MIN_COVERAGE</b>: cells with fewer cloud-free observations (cf_cvg) are missing (default 1: "
    "a radiance without observation is not darkness). <b>QUALITY</b>: the Black Marble quality flag or MODIS "
    "pixel reliability kept. <b>TIME_COMPOSITE</b>: months or 16-day periods of a year become one value per "
    "cell, the mean (night light) or the maximum (NDVI) of the valid periods, before the polygon statistics."
)

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
    RASTER_FOLDER = "RASTER_FOLDER"
    LAYER = "LAYER"
    MIN_COVERAGE = "MIN_COVERAGE"
    QUALITY = "QUALITY"
    TIME_COMPOSITE = "TIME_COMPOSITE"
    OUTPUT = "OUTPUT"
    KINDS = None  # product kinds this algorithm summarises (None: all)

    DEFAULT_PREFIX = ""
    RAMP = "Blues"
    GROUP_ID = "rasters"
    GROUP = "1 Prepare data"
    STATS = GENERIC_STATS
    DEFAULT_STATS = [0, 1, 2]
    PRESETS = []  # preset ids offered; "" = none
    DEFAULT_PRESET = 0

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return super().shortHelpString() + "\n\n" + self.tr(PRODUCTS_HELP)

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
                self.RASTER, self.tr("Rasters (one or several, e.g. one per year; or the downloaded files)"),
                compat.SOURCE_RASTER, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.RASTER_FOLDER, self.tr("Folder of downloaded rasters (instead of or besides Rasters)"),
                behavior=FILE_FOLDER, optional=True,
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
        advanced = [
            QgsProcessingParameterString(
                self.LAYER, self.tr("Layer of the product's files (empty: the product's, e.g. "
                                    "NearNadir_Composite_Snow_Free)"), optional=True, defaultValue=""),
            QgsProcessingParameterNumber(
                self.MIN_COVERAGE, self.tr("Fewest cloud-free observations (cf_cvg) of a valid cell (empty: 1)"),
                compat.NUMBER_DOUBLE, optional=True, defaultValue=None, minValue=0),
            QgsProcessingParameterEnum(
                self.QUALITY, self.tr("Quality mask"), options=[self.tr(q) for q in QUALITY_LABELS], defaultValue=0,
                optional=True),
            QgsProcessingParameterEnum(
                self.TIME_COMPOSITE, self.tr("Periods of one year (months, 16 days)"),
                options=[self.tr(c) for c in TIME_COMPOSITE_LABELS], defaultValue=0, optional=True),
        ]
        for param in advanced:
            param.setFlags(param.flags() | compat.PARAMETER_ADVANCED)
            self.addParameter(param)
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

    def _raster_inputs(self, parameters, context):
        """The raster files as given (paths, layers of the project, the folder), unchecked."""
        value = parameters.get(self.RASTER)
        items = [] if value is None or value == "" else (list(value) if isinstance(value, (list, tuple)) else [value])
        paths = []
        for item in items:
            if isinstance(item, QgsMapLayer):
                paths.append(item.source())
                continue
            text = str(item)
            layer = _in_context(text, context)
            paths.append(layer.source() if isinstance(layer, QgsMapLayer) else text)
        folder = self.parameterAsFile(parameters, self.RASTER_FOLDER, context) if parameters.get(
            self.RASTER_FOLDER) else ""
        if folder:
            paths.append(folder)
        return paths

    def _product_input(self, parameters, context):
        """True when the rasters are a product's downloads (a folder, gzip'd or HDF files, known names)."""
        return core_catalogue().is_product_input(self._raster_inputs(parameters, context))

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API)
        """Rasters as downloaded (folders, .tif.gz, HDF) are checked by the product catalogue, not as
        layers QGIS would load; everything else as before."""
        if getattr(self, "missing_packages", ()):
            return super().checkParameterValues(parameters, context)  # the message naming the packages
        inputs = self._raster_inputs(parameters, context)
        if not inputs:
            return False, self.tr("RASTER is empty: choose at least one raster, or a folder in RASTER_FOLDER.")
        try:
            products = core_catalogue().is_product_input(inputs)
        except Exception:  # noqa: BLE001 (the checks below report it)
            products = False
        if not products:
            return super().checkParameterValues(parameters, context)
        try:
            core_catalogue().expand(inputs)
        except ValueError as exc:
            return False, self.tr("RASTER: {problem}.").format(problem=shown(exc))
        rest = {k: v for k, v in parameters.items() if k not in (self.RASTER, self.RASTER_FOLDER)}
        return super().checkParameterValues(rest, context)

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
        products = self._product_input(parameters, context)
        paths = self._raster_inputs(parameters, context) if products else self._raster_paths(parameters, context)
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
        if band_list and not products:
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
        prefix = (self.parameterAsString(parameters, self.PREFIX, context) or "").strip()
        if products:
            return self._compute_products(parameters, context, feedback, source, frame, geometries, shapes, crs, paths,
                                          stats, coverage, valid_range, extra_kwargs, prefix)
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
        return self._write(parameters, context, feedback, source, frame, geometries, crs, result, status)

    def _write(self, parameters, context, feedback, source, frame, geometries, crs, result, status):
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

    def _product_preset(self, parameters, context, product, first_file, feedback):
        """The preset of a product's files: the product's own unless another one was chosen."""
        chosen = self.PRESETS[self.parameterAsEnum(parameters, self.PRESET, context)]
        if not product.preset:  # rasters of no known product: the preset chosen
            if chosen == "auto":
                return raster_presets.ndvi_preset(core_catalogue().P.band_data_type(first_file))
            return chosen or None
        default = self.PRESETS[self.DEFAULT_PRESET]
        if chosen in ("", "auto", default, product.preset) or chosen not in raster_presets.PRESETS:
            if chosen != product.preset:
                feedback.pushInfo(self.tr("The files are {product}: its preset '{preset}' is used.").format(
                    product=product.label, preset=product.preset))
            return product.preset
        feedback.pushWarning(self.tr(
            "PRESET '{chosen}' is not the preset of the files' product ({product}: '{preset}'); '{chosen}' is used as "
            "chosen.").format(chosen=chosen, product=product.label, preset=product.preset))
        return chosen

    def _compute_products(self, parameters, context, feedback, source, frame, geometries, shapes, crs, inputs,
                          stats, coverage, valid_range, extra_kwargs, prefix):
        """Rasters as downloaded: one set of columns per year (core.zonal.catalogue)."""
        cat = core_catalogue()
        files = cat.expand(inputs)
        product = cat.first_product(files)
        preset = self._product_preset(parameters, context, product, files[0], feedback)
        stats = list(stats)
        if self.ALG_ID == "zonalstatistics" and not any(s.startswith("frac_") for s in stats):
            classes = raster_presets.BUILT_UP_CLASSES.get(preset or "", ())
            if classes:
                stats += [f"frac_{c}" for c in classes]
                feedback.pushInfo(self.tr("Built-up share: class {classes} of {product}.").format(
                    classes=", ".join(map(str, classes)), product=preset))
        years_text = self.parameterAsString(parameters, self.YEARS, context)
        years = [int(y) for y in _numbers(years_text, "YEARS")] if years_text and years_text.strip() else None
        min_coverage = self._optional_number(parameters, self.MIN_COVERAGE, context)
        quality = QUALITIES[self.parameterAsEnum(parameters, self.QUALITY, context)]
        composite = TIME_COMPOSITES[self.parameterAsEnum(parameters, self.TIME_COMPOSITE, context)] or None
        kwargs = dict(coverage=coverage, preset=preset, valid_range=valid_range,
                      scale=self._optional_number(parameters, self.SCALE, context),
                      offset=self._optional_number(parameters, self.OFFSET, context),
                      nodata=self._optional_number(parameters, self.NODATA, context))
        kwargs.update(extra_kwargs)
        feedback.pushInfo(self.tr(
            "{files} file(s), {polygons} polygons, coverage {coverage}, product {product}: {statistics}").format(
                files=len(files), polygons=len(shapes), coverage=coverage, product=preset or "-",
                statistics=", ".join(stats)))

        def log(text, warning=False):
            (feedback.pushWarning if warning else feedback.pushInfo)(shown(text))

        crs_text = crs.authid() if crs.authid().startswith("EPSG:") else crs.toWkt(crs.WKT_PREFERRED)
        try:
            result, catalogue = cat.product_statistics(
                shapes, inputs, stats, layer=self.parameterAsString(parameters, self.LAYER, context) or None,
                years=years, kinds=self.KINDS, min_coverage=min_coverage, quality=quality, time_composite=composite,
                prefix=prefix, crs=crs_text, log=log, progress=lambda f: feedback.setProgress(10 + 80 * f),
                is_cancelled=feedback.isCanceled, **kwargs)
        except core_zonal.ZonalCancelled:
            raise QgsProcessingException(self.tr("Cancelled")) from None
        status = core_zonal.status_column(prefix or catalogue.product.key)
        return self._write(parameters, context, feedback, source, frame, geometries, crs, result, status)


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
    KINDS = ("ntl",)
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
        radiance = preset.startswith("viirs") or preset in ("black_marble", "npp_viirs_like")
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
    KINDS = ("ndvi",)
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
