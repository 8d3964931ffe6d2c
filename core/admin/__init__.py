"""Administrative units and the tables about them.

- :mod:`.keys`: GB/T 2260 codes and names of prefecture-level units, and the indexes that
  resolve a table's key to boundary features;
- :mod:`.tables`: reading indicator tables (CSV in any of the usual encodings, XLSX) and
  numbers written as text;
- :mod:`.join`: joining an indicator table (wide or long) to the boundaries;
- :mod:`.counties`: prefecture-level units from county-level data;
- :mod:`.city_ids`: one feature per city (counties counted as cities are refused).
"""
