#!/usr/bin/env bash
# The main job on the bundled data, through qgis_process as a batch user runs it: the pipeline
# model (boundaries GCJ-02 -> WGS84, census joined by code, mega-regions and roles, built-up
# share, night-light and NDVI statistics, unevenness, typology and trend), then the maps.
# Writes one GeoPackage with every styled layer, the HTML reports and the PNG maps under the
# output folder (default: output/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-output}")
mkdir -p "$out"
gpkg="$out/megaregion.gpkg"
rm -f "$gpkg"
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export QGIS_PLUGINPATH=$(/usr/bin/python3 "$root/tests/_pkg.py")
qp() { /usr/bin/qgis_process.bin "$@" 2> >(grep -v -e XDG_RUNTIME_DIR -e 'setapi()' >&2); }

qp plugins enable megaregion >/dev/null 2>&1 || qp plugins | grep -q "megaregion" || { echo "demo: the plugin megaregion could not be enabled" >&2; exit 1; }

echo "== The whole analysis (megaregion:pipeline) on the bundled data"
echo "   Night lights: the bundled rasters are SYNTHETIC samples (resources/data/ntl_sample/SOURCE.md)."
layer() { echo "ogr:dbname='$gpkg' table=\"$1\" (geom)"; }
qp run megaregion:pipeline -- \
  "ndvi:PREFECTURES=$(layer prefectures)" \
  "join:UNMATCHED=$out/unmatched_table_rows.csv" \
  "unevenness:TABLE=$(layer unevenness_table)" \
  "unevenness:REGIONS=$(layer unevenness_megaregions)" \
  "unevenness:REPORT=$out/unevenness_report.html" \
  "typology:CITIES=$(layer typology_secondary_cities)" \
  "typology:CORES=$(layer typology_core_cities)" \
  "typology:PROFILES=$(layer typology_profiles)" \
  "typology:REPORT=$out/typology_report.html" \
  "trend:CITIES=$(layer trend_secondary_cities)" \
  "trend:CORES=$(layer trend_core_cities)" \
  "trend:PROFILES=$(layer trend_profiles)" \
  "trend:REPORT=$out/trend_report.html" | grep -v -e "^0\.\.\." -e "^\s*$" | tail -n 25

echo
echo "== Maps for reports (megaregion:rendermaps)"
gp() { echo "$gpkg|layername=$1"; }
qp run megaregion:rendermaps -- \
  "LAYERS=$(gp unevenness_megaregions)" "LAYERS=$(gp typology_secondary_cities)" "LAYERS=$(gp trend_secondary_cities)" \
  "BACKGROUND=$(gp prefectures)" "CORES=$(gp typology_core_cities)" \
  "OUTPUT_FOLDER=$out/maps" | grep -e "OUTPUT_FILES" -e "MAP_COUNT" || true

echo
echo "Done. Outputs in $out:"
ls -1 "$out" "$out/maps"
