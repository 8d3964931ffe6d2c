"""Zonal statistics of rasters over polygons: night-light and NDVI indicators per prefecture
(method.md section 5).

:func:`zonal_statistics` summarises one or several rasters (one per year or month, single- or
multi-band) over a set of polygons and returns one row per polygon. The package, by concern:

- :mod:`.statistics`: the names of the statistics (exactextract's where they exist) and what each needs;
- :mod:`.geometry`: polygons checked, repaired and placed on a raster's grid;
- :mod:`.coverage`: which cells a polygon covers, and by how much;
- :mod:`.cell_area`: true (ellipsoidal) cell areas;
- :mod:`.layers`: bands and composites, stored numbers to physical values;
- :mod:`.reader`: the threaded strip reader;
- :mod:`.accumulate` and :mod:`.quantiles`: the running statistics and weighted percentiles;
- :mod:`.engine`: the run;
- :mod:`.naming`: the columns of a run named ``<prefix>_<stat>_<year>``.
- :mod:`.products`, :mod:`.catalogue`, :mod:`.masks`: rasters as downloaded (VNL ``.tif.gz``,
  monthly tiles with their ``cf_cvg`` twins, Black Marble HDF5, MODIS HDF4, CLCD ...): files
  grouped by the date in their names into one virtual stack per year, masked by coverage or
  quality and composited per cell (:func:`.catalogue.product_statistics`).

Coverage weighting
------------------
With ``coverage='exact'`` (the default) every cell carries the weight ``w`` = fraction of its
area inside the polygon, so a polygon smaller than a cell still gets a value; ``'center'``
(cell centre inside, GDAL's rule) and ``'all_touched'`` give weight 1 to the cells they select.
Over the *valid* cells ``i`` (not nodata, inside the valid range) with values ``x_i``:

- ``count`` = Σ w_i (coverage-weighted count); ``sum`` = Σ w_i x_i; ``mean`` = sum / count;
- ``min`` / ``max`` over the cells with w_i > 0;
- ``std`` = sqrt(Σ w_i (x_i - mean)² / Σ w_i) (population standard deviation, weighted);
- percentiles ``pNN`` (and ``median`` = p50): the weighted percentile of exactextract / the
  "weighted percentile method": sort the n values, cumulative weights C_k, positions
  s_1 = 0, s_k = (k-1) w_k + (n-1) C_{k-1}; the q-quantile interpolates linearly between the
  values whose positions bracket q (n-1) Σ w. With equal weights this is numpy's default
  (linear, Hyndman & Fan type 7) percentile;
- ``valid_fraction`` = count / Σ_all cells w_i (share of the covered cells holding valid data);
- ``frac_K`` = Σ w_i [x_i = K] / count for each category K (compared with the stored values),
  e.g. the built-up share of a land-cover raster (MCD12 IGBP class 13);
- night lights, with the true (ellipsoidal) area a_i of each cell in km² and a cell *lit* when
  x_i > ``ntl_threshold``: ``total_light`` = Σ w_i x_i; ``lit_area_km2`` = Σ_lit w_i a_i;
  ``lit_ratio`` S = lit area / Σ_valid w_i a_i; ``cnli`` = I x S with
  I = Σ_lit w_i x_i / (Σ_lit w_i x DN_max), the compounded night light index (Zhuo et al. 2003).

Stored values become physical values as ``stored x scale + offset``; ``nodata`` and
``valid_range`` (inclusive) are tested on stored values, ``clip`` on physical values (values
beyond a bound are set to it), ``ntl_threshold`` and ``dn_max`` are physical. Multi-band rasters
give one set of columns per band (``bands='each'`` or a list of 1-based band numbers) or one
for the per-cell mean or maximum of the valid bands (``'mean'``, ``'max'``: annual mean of
monthly composites, maximum-value composite).

Polygons are reprojected to each raster's CRS (the raster never is). Cell areas are computed
on the raster's ellipsoid: exactly per row for longitude/latitude grids (zone area between two
parallels), through the projection's areal scale factor for projected grids.

Columns are named ``<label>_<stat>``; the label is the raster file's stem (characters other
than letters, digits and ``_`` become ``_``), with ``_b<k>`` for band k of a multi-band
raster and ``_bmean`` / ``_bmax`` for the band composites. ``zonal_status`` says why values
are missing: ``ok``, or ``<label>: <reason>`` items joined by ``; ``.

Memory stays bounded: each raster is read once, in strips of whole block rows, by a
background thread (compressed blocks decoded on GDAL's threads) that starts while the coverage
is computed and stays at most :data:`~.reader.PREFETCH_BYTES` ahead of the strip being
summarised; a polygon's interior is handled as runs of full cells, so the work is one pass over
the strip plus the boundary cells, and memory does not grow with the raster. Percentiles need
every cell of a polygon: they are kept as float32 (value, weight) pairs until the polygon's last
row is read, in memory up to :data:`~.accumulate.QUANTILE_MEMORY_BYTES` and in temporary files
beyond, and are then found by a histogram selection that streams them twice instead of sorting
them (:mod:`.quantiles`).
"""
from .accumulate import QUANTILE_MEMORY_BYTES
from .coverage import COVERAGE_MODES
from .engine import BLOCK_CELLS, GDAL_CACHE_MB, product_settings, zonal_statistics
from .errors import ZonalCancelled, ZonalStatisticsError
from .naming import column_names, raster_tokens, raster_years, status_column, year_in_file_name
from .reader import PREFETCH_BYTES, READ_THREADS, STRIP_BYTES
from .statistics import EXACTEXTRACT_OPERATIONS, LIT_STATS, STATISTICS, STATUS_COLUMN, exactextract_operation

__all__ = [
    "zonal_statistics", "ZonalStatisticsError", "ZonalCancelled",
    "STATUS_COLUMN", "STATISTICS", "LIT_STATS", "COVERAGE_MODES", "EXACTEXTRACT_OPERATIONS", "exactextract_operation",
    "product_settings", "column_names", "raster_tokens", "raster_years", "status_column", "year_in_file_name",
    "STRIP_BYTES", "PREFETCH_BYTES", "READ_THREADS", "BLOCK_CELLS", "QUANTILE_MEMORY_BYTES", "GDAL_CACHE_MB",
]
