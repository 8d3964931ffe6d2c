"""Where the gaps fall: distance of the secondary cities to their cores, the gradient of the
gap with that distance, and the spatial autocorrelation of the gaps (global and local Moran).

- :mod:`.distance`: geodesic distances on the WGS84 ellipsoid (pyproj.Geod).
- :mod:`.weights`: spatial weights (queen contiguity, k nearest neighbours, distance band),
  row-standardised, islands named.
- :mod:`.moran`: global Moran's I (Moran 1950) and local Moran (Anselin 1995) with
  permutation inference.
- :mod:`.gradient`: slope of the gap on log distance and Spearman's rho with bootstrap
  intervals, per mega-region and pooled with mega-region fixed effects; verdicts
  borrowed size / agglomeration shadow (Meijers & Burger 2017; Cardoso & Meijers 2021).
- :mod:`.relations`: the whole analysis over a table of cities.
"""
