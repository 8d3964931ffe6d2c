"""Product presets for zonal statistics: how to read the stored numbers of common night-light and
NDVI rasters (method.md section 5).

A preset fills the parameters of :func:`megaregion.core.zonal.zonal_statistics` that the user
did not set. Conventions (those of GDAL and CF):

- ``nodata`` and ``valid_range`` are in *stored* units (the numbers in the file); cells equal
  to ``nodata`` or outside ``valid_range`` (inclusive bounds) are missing;
- ``scale`` and ``offset`` turn stored numbers into physical values:
  ``value = stored x scale + offset``;
- ``clip`` (low, high) is in physical units; values beyond a bound are *set to* the bound
  (not dropped). ``None`` leaves that side open;
- ``ntl_threshold`` is in physical units: a cell is lit when ``value > ntl_threshold``;
- ``dn_max`` is the largest possible value, used by the compounded night light index.

A ``None`` in a preset means "take it from the file" (nodata tag, scale/offset tags) or "not
applicable".
"""
from __future__ import annotations

from types import MappingProxyType

from .messages import msg

#: Lit thresholds (physical units; a cell is lit when its value exceeds the threshold).
#: VIIRS annual V2: 0.6 nW/cm²/sr, the average radiance below which VNL V2 zeroes a cell as
#: background noise (Elvidge, Zhizhin, Ghosh, Hsu & Taneja 2021, Remote Sensing 13, 922).
VIIRS_ANNUAL_LIT = 0.6
#: VIIRS monthly composites keep their background, whose radiances lie under about 1 nW/cm²/sr
#: (Elvidge et al. 2021).
VIIRS_MONTHLY_LIT = 1.0
#: DMSP-OLS stable lights: DN > 7, the usual threshold against the sensor's background noise.
DMSP_LIT = 7.0
#: Black Marble VNP46A3/A4: radiances below 0.5 nW/cm²/sr are set to 0 by the product (Román et
#: al. 2018, Black Marble User Guide), so lit is above that floor.
BLACK_MARBLE_LIT = 0.5

_PRESETS = {
    "viirs_annual": {
        "label": "VIIRS annual night lights (VNL V2, nW/cm2/sr)",
        "description": (
            "Annual VIIRS Nighttime Lights V2 (Elvidge et al. 2021), layer average_masked, float32 radiance "
            "in nW/cm2/sr. Background noise can leave small negative radiances: they are set to 0. "
            "Lit: radiance > 0.6 nW/cm2/sr, the average below which VNL V2 sets a cell to background "
            "(its noise floor; in average_masked such cells are already 0, in the unmasked average layer "
            "this threshold removes them). Outliers (gas flares, fires) are not capped by default; pass "
            "clip=(0, cap) to cap them."
        ),
        "units": "nW/cm2/sr",
        "scale": None,
        "offset": None,
        "nodata": None,
        "valid_range": None,
        "clip": (0.0, None),
        "ntl_threshold": VIIRS_ANNUAL_LIT,
        "dn_max": None,
    },
    "viirs_monthly": {
        "label": "VIIRS monthly night lights (VCM, nW/cm2/sr)",
        "description": (
            "Monthly VIIRS DNB composites (vcmcfg / vcmslcfg, avg_rade9h), float32 radiance in nW/cm2/sr, "
            "not filtered for fires or background: small negative radiances are set to 0. Cells whose "
            "cloud-free coverage (the cf_cvg raster) is 0 have no observation: set them to nodata in the "
            "radiance raster before summarising (their stored 0 is not darkness). Lit: radiance > 1 "
            "nW/cm2/sr: unlike the annual product, background is not removed, and its radiances lie "
            "under about 1 nW/cm2/sr (Elvidge et al. 2021)."
        ),
        "units": "nW/cm2/sr",
        "scale": None,
        "offset": None,
        "nodata": None,
        "valid_range": None,
        "clip": (0.0, None),
        "ntl_threshold": VIIRS_MONTHLY_LIT,
        "dn_max": None,
    },
    "dmsp_ols": {
        "label": "DMSP-OLS stable lights (DN 0-63)",
        "description": (
            "DMSP-OLS Version 4 stable lights, uint8 digital numbers 0-63 (saturated in city cores); 255 is no "
            "data. Lit: DN > 7, the usual threshold against background noise; DN_max = 63 for the compounded "
            "night light index. DN is not radiance: never compare it with VIIRS values."
        ),
        "units": "DN",
        "scale": 1.0,
        "offset": 0.0,
        "nodata": 255,
        "valid_range": (0, 63),
        "clip": None,
        "ntl_threshold": DMSP_LIT,
        "dn_max": 63.0,
    },
    "dmsp_like_harmonised": {
        "label": "DMSP-like harmonised night lights (DN 0-63)",
        "description": (
            "Harmonised DMSP-like series extending DMSP with VIIRS-converted years (e.g. Li et al. 2020, "
            "1992-2018+), digital numbers 0-63; 255 is no data. Lit: DN > 7; DN_max = 63. Values are "
            "comparable across the series' years, not with raw VIIRS radiance."
        ),
        "units": "DN",
        "scale": 1.0,
        "offset": 0.0,
        "nodata": 255,
        "valid_range": (0, 63),
        "clip": None,
        "ntl_threshold": DMSP_LIT,
        "dn_max": 63.0,
    },
    "modis_ndvi_int16": {
        "label": "MODIS NDVI, int16 (MOD13/MYD13)",
        "description": (
            "MODIS vegetation indices (MOD13A1/A2/A3/Q1, MYD13), NDVI stored as int16 x 10000: "
            "NDVI = DN x 0.0001; fill value -3000; valid DN -2000..10000."
        ),
        "units": "NDVI",
        "scale": 0.0001,
        "offset": 0.0,
        "nodata": -3000,
        "valid_range": (-2000, 10000),
        "clip": None,
        "ntl_threshold": None,
        "dn_max": None,
    },
    "ndvi_float": {
        "label": "NDVI, floating point (-1..1)",
        "description": (
            "NDVI already in physical units (float32/float64); values outside -1..1 (fill values such as "
            "99999 in NASA NEO exports, -9999 elsewhere) are missing."
        ),
        "units": "NDVI",
        "scale": 1.0,
        "offset": 0.0,
        "nodata": None,
        "valid_range": (-1.0, 1.0),
        "clip": None,
        "ntl_threshold": None,
        "dn_max": None,
    },
    "spot_vgt_ndvi": {
        "label": "SPOT-VGT NDVI (uint8, DN = (NDVI + 0.1)/0.004)",
        "description": (
            "SPOT-VEGETATION S10 NDVI, uint8: NDVI = DN x 0.004 - 0.1 (DN = (NDVI + 0.1)/0.004), range "
            "-0.1..0.92. Products that reserve DN 251-255 for flags (later VITO/Copernicus files) need "
            "valid_range=(0, 250)."
        ),
        "units": "NDVI",
        "scale": 0.004,
        "offset": -0.1,
        "nodata": None,
        "valid_range": None,
        "clip": None,
        "ntl_threshold": None,
        "dn_max": None,
    },
    "black_marble": {
        "label": "NASA Black Marble VNP46A3/A4 (nW/cm2/sr)",
        "description": (
            "NASA Black Marble monthly (VNP46A3) and annual (VNP46A4) composites, HDF5 tiles of 10 x 10 degrees; "
            "layer NearNadir_Composite_Snow_Free by default. Collection 1 stores uint16 x 0.1 with fill 65535, "
            "collection 2 float32 radiance with fill -999.9: both are read from the data type. Quality flag: "
            "0 good, 1 poor, 2 gap-filled, 255 fill (QUALITY, default good only). Lit: radiance > 0.5 "
            "nW/cm2/sr, the floor below which the product sets radiance to 0."
        ),
        "units": "nW/cm2/sr",
        "scale": None,
        "offset": None,
        "nodata": None,
        "valid_range": None,
        "clip": (0.0, None),
        "ntl_threshold": BLACK_MARBLE_LIT,
        "dn_max": None,
    },
    "npp_viirs_like": {
        "label": "NPP-VIIRS-like night lights (LongNTL, Chen et al. 2021)",
        "description": (
            "Extended NPP-VIIRS-like night lights (Chen et al. 2021, ESSD 13:889), LongNTL_YYYY.tif, VIIRS-like "
            "radiance in nW/cm2/sr from calibrated DMSP (2000-2012) and VIIRS (2013 on). Nodata from the file "
            "(not documented); negative values are missing. Lit: radiance > 0.6 nW/cm2/sr, as VNL V2."
        ),
        "units": "nW/cm2/sr",
        "scale": None,
        "offset": None,
        "nodata": None,
        "valid_range": (0.0, None),
        "clip": None,
        "ntl_threshold": VIIRS_ANNUAL_LIT,
        "dn_max": None,
    },
    "clcd": {
        "label": "CLCD land cover (30 m, classes 1-9; impervious = 8)",
        "description": (
            "China Land Cover Dataset (Yang & Huang 2021, ESSD 13:3907), CLCD_v01_YYYY_albert.tif, uint8 classes "
            "1 cropland, 2 forest, 3 shrub, 4 grassland, 5 water, 6 snow/ice, 7 barren, 8 impervious, 9 wetland, "
            "Albers equal-area. Codes outside 1-9 (0 or 255 outside China) are missing. Built-up share: frac_8."
        ),
        "units": "class",
        "scale": 1.0,
        "offset": 0.0,
        "nodata": None,
        "valid_range": (1, 9),
        "clip": None,
        "ntl_threshold": None,
        "dn_max": None,
    },
    "mcd12q1": {
        "label": "MODIS MCD12Q1 land cover (500 m, IGBP; urban = 13)",
        "description": (
            "MODIS MCD12Q1 land cover, HDF4 sinusoidal tiles, layer LC_Type1 (IGBP 1-17; 13 urban and built-up "
            "lands, 17 water); 255 unclassified is missing. Built-up share: frac_13."
        ),
        "units": "class",
        "scale": 1.0,
        "offset": 0.0,
        "nodata": 255,
        "valid_range": (1, 17),
        "clip": None,
        "ntl_threshold": None,
        "dn_max": None,
    },
}

#: The parameters a preset may fill.
PRESET_PARAMETERS = ("scale", "offset", "nodata", "valid_range", "clip", "ntl_threshold", "dn_max")

#: Read-only view: preset name -> settings.
PRESETS = MappingProxyType({k: MappingProxyType(v) for k, v in _PRESETS.items()})


#: The NDVI preset of each GDAL data type, for "auto": int16 is MODIS (x 10000), Byte SPOT-VGT;
#: anything else is taken as NDVI in physical units.
NDVI_PRESET_OF_DATA_TYPE = MappingProxyType({"Int16": "modis_ndvi_int16", "Byte": "spot_vgt_ndvi"})


def ndvi_preset(data_type: str) -> str:
    """The NDVI preset for a raster of GDAL data type ``data_type`` (``"Int16"``, ``"Float32"``, ...).

    >>> ndvi_preset("Int16"), ndvi_preset("Byte"), ndvi_preset("Float32")
    ('modis_ndvi_int16', 'spot_vgt_ndvi', 'ndvi_float')
    """
    return NDVI_PRESET_OF_DATA_TYPE.get(str(data_type), "ndvi_float")


#: Classes of built land of the land-cover presets (the built-up share is frac_<class>).
BUILT_UP_CLASSES = MappingProxyType({"clcd": (8,), "mcd12q1": (13,)})


def lit_threshold(name: str):
    """The lit threshold of preset ``name`` (physical units), None when it has none.

    >>> lit_threshold("viirs_annual"), lit_threshold("dmsp_ols"), lit_threshold("ndvi_float")
    (0.6, 7.0, None)
    """
    return preset(name)["ntl_threshold"]


def preset(name: str) -> dict:
    """Settings of preset ``name`` as a new dict (``label``, ``description``, ``units`` and the
    :data:`PRESET_PARAMETERS`)."""
    key = str(name).strip().lower().replace("-", "_").replace(" ", "_")
    if key not in _PRESETS:
        raise ValueError(msg("Raster preset {name!r} is unknown: choose one of {presets}",
                             "栅格预设 {name!r} 无法识别：请从 {presets} 中选择", name=name, presets=", ".join(_PRESETS)))
    return dict(_PRESETS[key])
