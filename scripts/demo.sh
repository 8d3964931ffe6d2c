#!/usr/bin/env bash
# The main job on the bundled data, through qgis_process as a batch user runs it: the pipeline
# model (boundaries GCJ-02 -> WGS84, census joined by code, mega-regions and roles, built-up
# share, night-light and NDVI statistics, unevenness, typology, trend and the maps) with nothing
# but its OUTPUT_FOLDER: one GeoPackage with every styled layer (megaregion.gpkg), the HTML
# reports and the PNG maps (maps/) under the output folder (default: output/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-output}")
mkdir -p "$out"
rm -rf "$out/megaregion.gpkg" "$out/maps" "$out"/*_report.html
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export QGIS_PLUGINPATH=$(/usr/bin/python3 "$root/tests/_pkg.py")
qp() { /usr/bin/qgis_process.bin "$@" 2> >(grep -v -e XDG_RUNTIME_DIR -e 'setapi()' >&2); }

qp plugins enable megaregion >/dev/null 2>&1 || qp plugins | grep -q "megaregion" || { echo "demo: the plugin megaregion could not be enabled" >&2; exit 1; }

echo "== The whole analysis (megaregion:pipeline) on the bundled data"
echo "   Indicators: population, urban population, working-age share (benefit), night light and lit area"
echo "   (benefit), built-up share and NDVI (benefit), share aged 65+ (cost); not household size."
echo "   Night lights: the bundled rasters are SYNTHETIC samples (resources/data/ntl_sample/SOURCE.md)."
qp run megaregion:pipeline -- "OUTPUT_FOLDER=$out" | grep -v -e "^0\.\.\." -e "^\s*$" | tail -n 25

echo
echo "Done. Outputs in $out:"
ls -1 "$out" "$out/maps"
