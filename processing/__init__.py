"""QGIS Processing provider and algorithms of megaregion.

Each algorithm module adapts QGIS parameters, layers, feedback and cancellation to the
functions of ``megaregion.core`` and writes the outputs. QGIS's own processing module is
imported as ``from qgis import processing`` because this package shadows the name."""
