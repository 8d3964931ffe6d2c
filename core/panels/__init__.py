"""Panels of many years: trends of each city's series and the convergence of mega-regions.

- :mod:`.trends`: Theil-Sen slopes and Mann-Kendall tests of many series at once, and the
  trajectory verdict of a secondary city (catching up, falling behind, no clear trend).
- :mod:`.convergence`: sigma-convergence (the slope of an unevenness measure over the years,
  with a bootstrap interval that resamples cities jointly across years) and beta-convergence
  (the regression of the secondary cities' growth on their initial log gap to the core).
"""
