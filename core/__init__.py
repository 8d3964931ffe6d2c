"""The science of megaregion: pure functions over numpy arrays, pandas frames and shapely
geometries. Nothing here imports ``qgis``; ``processing/`` adapts QGIS to these functions."""
