#!/usr/bin/env bash
# The main job on the bundled data, through qgis_process as a batch user runs it:
# boundaries (GCJ-02 -> WGS84) -> mega-regions and roles -> census 2010/2020 joined by code
# -> 2015 yearbook joined by name -> core-secondary unevenness (table, map, report). Writes everything under the output folder (default: output/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-output}")
mkdir -p "$out"
data="$root/resources/data"
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export QGIS_PLUGINPATH=$(/usr/bin/python3 "$root/tests/_pkg.py")
qp() { /usr/bin/qgis_process.bin "$@" 2> >(grep -v -e XDG_RUNTIME_DIR -e 'setapi()' >&2); }

qp plugins enable megaregion >/dev/null 2>&1 || qp plugins | grep -q "megaregion" || { echo "demo: the plugin megaregion could not be enabled" >&2; exit 1; }
step() { echo; echo "== $1"; }

step "Convert the bundled boundaries from GCJ-02 to WGS84"
qp run megaregion:gcj02towgs84 -- INPUT="$data/boundaries/china_prefectures_gcj02.geojson" \
  OUTPUT="$out/prefectures_wgs84.gpkg"

step "Assign the 19 mega-regions and the core/secondary role"
qp run megaregion:assignmegaregions -- INPUT="$out/prefectures_wgs84.gpkg" KEY=adcode \
  OUTPUT="$out/prefectures_megaregions.gpkg"

step "Join census population 2010/2020 by administrative code"
qp run megaregion:joinindicators -- INPUT="$out/prefectures_megaregions.gpkg" INPUT_KEY=adcode \
  TABLE="$data/census/census_city_2010-2020.csv" TABLE_KEY=city_code MATCH_BY=0 \
  OUTPUT="$out/prefectures_census.gpkg" UNMATCHED="$out/census_unmatched.csv"

step "Join the 2015 yearbook table by city name"
qp run megaregion:joinindicators -- INPUT="$out/prefectures_census.gpkg" INPUT_KEY=name \
  TABLE="$data/yearbook2015/yearbook_light.csv" TABLE_KEY=city MATCH_BY=1 \
  OUTPUT="$out/prefectures_indicators.gpkg" UNMATCHED="$out/yearbook_unmatched.csv"

step "Core-secondary unevenness: population 2010/2020 (census) and GDP 2015 (yearbook)"
qp run megaregion:unevenness -- INPUT="$out/prefectures_indicators.gpkg" \
  INDICATORS=popu_2010 INDICATORS=popu_2020 INDICATORS=GDP10000 NAME_FIELD=name \
  OUTPUT_TABLE="$out/unevenness_table.gpkg" OUTPUT_REGIONS="$out/unevenness_megaregions.gpkg" \
  OUTPUT_HTML="$out/unevenness_report.html"

echo
echo "Done. Outputs in $out:"
ls -1 "$out"
