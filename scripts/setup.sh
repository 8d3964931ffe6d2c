#!/usr/bin/env bash
# Sets up a Debian 12 or 13 machine (run as root) for the megaregion plugin:
#  - Debian's QGIS (3.22 LTR on Debian 12, 3.40 LTR on Debian 13) and the Python packages that
#    share its GDAL,
#  - a virtual environment .venv with current releases of the scientific stack (and GDAL's
#    bindings built against Debian's libgdal) and the
#    independent implementations the tests compare against (PySAL inequality,
#    exactextract, pymcdm, rasterstats, scikit-learn).
# Idempotent: a second run only checks what is there.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

APT_PACKAGES=(
  qgis python3-qgis qgis-providers
  python3-rasterio python3-geopandas python3-shapely python3-pyproj python3-sklearn
  python3-scipy python3-pandas python3-numpy python3-openpyxl
  python3-pytest python3-venv python3-pip
  libgdal-dev g++ python3-dev qttools5-dev-tools
  fonts-noto-cjk poppler-utils
  make git
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing Debian packages: ${missing[*]}; run as root (or: sudo make setup)" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The current-release environment. Debian's python, so no other interpreter is needed.
venv=.venv
req=requirements-test.txt
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: creating $venv with current releases ($req)"
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q -r "$req"
  echo "$want" > "$stamp"
fi
# GDAL's Python bindings in .venv, as QGIS has them: the plugin reads rasters through osgeo.
# No wheel matches Debian's libgdal, so they are built against it and the venv's numpy (whose
# headers must come before the Debian numpy headers under /usr/include/python3.X).
if ! "$venv/bin/python" -c "from osgeo import gdal_array" >/dev/null 2>&1; then
  echo "setup: building GDAL $(gdal-config --version) bindings in $venv"
  "$venv/bin/python" -m pip install -q wheel setuptools
  CFLAGS="-I$("$venv/bin/python" -c 'import numpy; print(numpy.get_include())')" \
    "$venv/bin/python" -m pip install -q --no-cache-dir --no-build-isolation "GDAL==$(gdal-config --version)"
  "$venv/bin/python" -c "from osgeo import gdal_array"
fi
# The synthetic sample night-light rasters of the demo (see resources/data/ntl_sample/SOURCE.md).
ntl=resources/data/ntl_sample
if [ ! -f "$ntl/ntl_synthetic_2020.tif" ] || [ scripts/make_sample_ntl.py -nt "$ntl/ntl_synthetic_2020.tif" ]; then
  echo "setup: generating the synthetic sample night-light rasters"
  /usr/bin/python3 scripts/make_sample_ntl.py "$ntl" >/dev/null
fi

# The reference the Help buttons open, rendered from the Markdown in docs/ (make package does
# the same for the zip).
/usr/bin/python3 scripts/make_docs.py --html >/dev/null
# The compiled Chinese translation, so a development checkout loaded into QGIS speaks Chinese
# under a Chinese interface as the packaged plugin does.
(cd scripts && /usr/bin/python3 -c "import make_translations; make_translations.compile_qm()")

echo "setup: ready (QGIS $(dpkg-query -W -f='${Version}' qgis), venv $("$venv/bin/python" -c 'import numpy, shapely, geopandas; print("numpy", numpy.__version__, "shapely", shapely.__version__, "geopandas", geopandas.__version__)'))"
