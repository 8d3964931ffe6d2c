"""The science of megaregion: pure functions over numpy arrays, pandas and geopandas
objects. Nothing here imports ``qgis``; ``processing/`` adapts QGIS to these functions."""
