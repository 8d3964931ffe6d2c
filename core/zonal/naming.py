"""Output columns of a zonal run: ``<prefix>_<stat>_<year>``, so that two years of one statistic
form one indicator (``ntl_total_light_2010``, ``ntl_total_light_2020``) for the unevenness and
trend steps; the ``<indicator>_<year>`` rule itself is :func:`megaregion.core.fields.year_field`.

The engine names its columns ``<label>_<stat>``; a run labels its rasters with
:func:`raster_tokens` (which cannot clash with a statistic's name) and renames them with
:func:`column_names`.
"""
from __future__ import annotations

import os
from itertools import groupby
from typing import Optional, Sequence

from ..fields import year_field
from .statistics import STATUS_COLUMN

#: Years recognised in raster file names.
FIRST_YEAR, LAST_YEAR = 1970, 2099


def year_in_file_name(path) -> Optional[int]:
    """The year in a raster's file name: the last run of exactly four ASCII digits (not part of
    a longer number) between :data:`FIRST_YEAR` and :data:`LAST_YEAR`; None without one.

    >>> year_in_file_name("/data/ntl_synthetic_2010.tif")
    2010
    >>> year_in_file_name("VNL_v2_npp_2020_global_vcmslcfg_c202102150000.average_masked.tif")
    2020
    >>> year_in_file_name("F182013.v4c_web.stable_lights.avg_vis.tif")
    >>> year_in_file_name("ndvi_1969_2001.tif"), year_in_file_name("12345.tif")
    (2001, None)
    """
    name = os.path.basename(str(path))
    found = None
    for is_digit, run in groupby(name, key=lambda c: "0" <= c <= "9"):
        text = "".join(run)
        if is_digit and len(text) == 4 and FIRST_YEAR <= int(text) <= LAST_YEAR:
            found = int(text)
    return found


def raster_years(paths: Sequence) -> Optional[list]:
    """One year per raster from the file names, when every name has one and they are distinct;
    else None (the columns then carry the rasters' names).

    >>> raster_years(["ntl_2010.tif", "ntl_2020.tif"])
    [2010, 2020]
    >>> raster_years(["ntl_2010.tif", "ntl_2010_v2.tif"]) is None, raster_years(["a.tif"]) is None
    (True, True)
    """
    years = [year_in_file_name(p) for p in paths]
    if all(y is not None for y in years) and len(set(years)) == len(years):
        return years
    return None


def raster_tokens(n: int) -> list:
    """Labels for the engine's columns of ``n`` rasters, renamed afterwards by :func:`column_names`.

    >>> raster_tokens(2)
    ['r0x', 'r1x']
    """
    return [f"r{i}x" for i in range(n)]


def file_label(path) -> str:
    """A raster file's name without its extension, every character other than an ASCII letter,
    digit or ``_`` replaced by ``_``.

    >>> file_label("/data/VNL v2-2020.average.tif")
    'VNL_v2_2020_average'
    """
    stem = os.path.splitext(os.path.basename(str(path)))[0]
    return "".join(c if (c.isascii() and c.isalnum()) or c == "_" else "_" for c in stem)


def status_column(prefix: str = "") -> str:
    """The status column of a run: ``<prefix>_status``, so that chained runs keep each other's,
    or ``zonal_status`` without a prefix.

    >>> status_column("ntl"), status_column("")
    ('ntl_status', 'zonal_status')
    """
    return f"{prefix}_status" if prefix else STATUS_COLUMN


def column_names(columns: Sequence[str], tokens: Sequence[str], paths: Sequence, prefix: str = "",
                 years: Optional[Sequence[int]] = None) -> dict:
    """Engine column -> output column, for the rasters ``paths`` labelled ``tokens``.

    With ``years`` (one per raster), ``<token>_<stat>`` becomes ``<prefix>_<stat>_<year>``
    (``<file label>_<stat>_<year>`` without a prefix); without years, ``<prefix>_<stat>`` for a
    single raster, ``<prefix>_<file label>_<stat>`` for several (``<file label>_<stat>`` without a
    prefix). The status column becomes :func:`status_column`.

    >>> cols = ["r0x_mean", "r1x_mean", "zonal_status"]
    >>> column_names(cols, ["r0x", "r1x"], ["a/ntl_2010.tif", "a/ntl_2020.tif"], "ntl", [2010, 2020])
    {'r0x_mean': 'ntl_mean_2010', 'r1x_mean': 'ntl_mean_2020', 'zonal_status': 'ntl_status'}
    >>> column_names(cols, ["r0x", "r1x"], ["a/day.tif", "a/night.tif"], "lc")
    {'r0x_mean': 'lc_day_mean', 'r1x_mean': 'lc_night_mean', 'zonal_status': 'lc_status'}
    >>> column_names(["r0x_mean", "zonal_status"], ["r0x"], ["a/day.tif"])
    {'r0x_mean': 'day_mean', 'zonal_status': 'zonal_status'}
    """
    names = {}
    for i, token in enumerate(tokens):
        stem = file_label(paths[i])
        for c in columns:
            if not c.startswith(token + "_"):
                continue
            stat = c[len(token) + 1:]
            if years:
                names[c] = year_field(f"{prefix or stem}_{stat}", years[i])
            else:
                label = prefix if prefix and len(paths) == 1 else (f"{prefix}_{stem}" if prefix else stem)
                names[c] = f"{label}_{stat}"
    if STATUS_COLUMN in columns:
        names[STATUS_COLUMN] = status_column(prefix)
    return names
