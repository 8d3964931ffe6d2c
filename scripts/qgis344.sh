#!/usr/bin/env bash
# QGIS 3.44 LTR test environment: a Debian 13 (trixie + trixie-backports) chroot built with
# debootstrap from the Debian archive this machine's apt uses, holding exactly the Python
# packages the QGIS Windows installer ships (no rasterio, no scikit-learn, no geopandas).
#
#   scripts/qgis344.sh setup            build the chroot unless the cached one is current
#   scripts/qgis344.sh test [ARGS...]   build if needed, then run pytest inside it
#                                       (ARGS default: tests -q -p no:cacheprovider)
#   scripts/qgis344.sh info             print what the cached chroot holds
#
# The chroot lives outside the repository (CI clones it afresh), in $MEGAREGION_QGIS344_ROOT
# (default /var/cache/megaregion/trixie-qgis), with a stamp holding a hash of the recipe below:
# a run whose recipe matches the stamp does not rebuild. A build happens in a temporary folder
# that is renamed into place only when complete, so an interrupted build is never taken as
# cached. Tests run in a private mount namespace: the repository, /proc, /dev, /sys and a
# fresh /tmp are bound inside it and unmounted on exit (and vanish with the namespace even if
# the run is killed). Run as root.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

ROOT=${MEGAREGION_QGIS344_ROOT:-/var/cache/megaregion/trixie-qgis}
SUITE=trixie
BACKPORTS=trixie-backports
QGIS_SERIES=3.44
# What the Windows installer (OSGeo4W qgis-full / the standalone MSI) ships for Python, plus
# qgis (it holds qgis_process), pytest to run the tests, the CJK fonts the maps use and
# poppler-utils, with which the tests read the text and fonts of the PDF maps.
PACKAGES=(
  qgis python3-qgis qgis-providers
  python3-numpy python3-gdal python3-pyproj python3-shapely python3-scipy python3-pandas
  python3-openpyxl python3-matplotlib
  python3-pytest
  fonts-noto-cjk poppler-utils
)
# Must not be there, not even as a dependency: the plugin has to work without them.
FORBIDDEN=(python3-rasterio python3-sklearn python3-sklearn-lib python3-geopandas python3-threadpoolctl)
# Bump when the way the chroot is built changes.
RECIPE_VERSION=1

recipe_hash() {
  printf '%s\n' "recipe=$RECIPE_VERSION" "suite=$SUITE" "backports=$BACKPORTS" \
    "series=$QGIS_SERIES" "packages=${PACKAGES[*]}" "forbidden=${FORBIDDEN[*]}" |
    sha256sum | cut -d' ' -f1
}

# A signal ends the script through its EXIT trap (which removes an unfinished build).
trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM

log() { echo "qgis344: $*" >&2; }
die() { log "$*"; exit 1; }

# The machine's apt sources, mounts, debootstrap and running commands inside a chroot.
# shellcheck source=scripts/chroot_lib.sh
. "$here/scripts/chroot_lib.sh"

need_root() {
  [ "$(id -u)" = 0 ] || die "building and entering the chroot needs root (or: sudo make $1)"
}

# --- build -----------------------------------------------------------------------------------
is_current() {
  [ -f "$ROOT/.megaregion-stamp" ] && [ "$(cat "$ROOT/.megaregion-stamp")" = "$(recipe_hash)" ]
}

build() {
  need_root setup-qgis344
  ensure_debootstrap
  local mirror security parent tmp old
  mirror=$(mirror_uri) || die "no Debian archive found in /etc/apt/sources.list{,.d} (Deb822 URIs: or deb lines)"
  security=$(security_uri || true)
  parent=$(dirname "$ROOT")
  mkdir -p "$parent"
  # Leftovers of interrupted builds.
  for old in "$ROOT".new.* "$ROOT".old.*; do
    [ -e "$old" ] && { log "removing the leftover $old"; remove_tree "$old"; }
  done
  tmp=$(mktemp -d "$ROOT.new.XXXXXX")
  chmod 755 "$tmp"  # the root of a system: apt's _apt user must get in
  trap 'remove_tree "'"$tmp"'" || true; rm -f "'"$tmp"'".*.log' EXIT
  local t0=$SECONDS
  log "debootstrap $SUITE from the machine's Debian archive into $tmp"
  debootstrap --variant=minbase --components=main \
    --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
    "$SUITE" "$tmp" "$mirror" >"$tmp.debootstrap.log" 2>&1 ||
    { tail -20 "$tmp.debootstrap.log" >&2; rm -f "$tmp.debootstrap.log"; die "debootstrap failed"; }
  rm -f "$tmp.debootstrap.log"
  log "debootstrap took $((SECONDS - t0)) s"

  # apt inside: the same archive, trixie + updates + backports (+ security where the machine
  # has a security archive), the machine's date checks, no services started, no recommends.
  rm -f "$tmp/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$mirror" "$SUITE" "$SUITE" "$BACKPORTS"
    if [ -n "$security" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$security" "$SUITE"
    fi
  } >"$tmp/etc/apt/sources.list.d/debian.sources"
  {
    echo 'APT::Install-Recommends "false";'
    echo 'APT::Install-Suggests "false";'
    local key val
    for key in Acquire::Check-Valid-Until Acquire::Check-Date; do
      val=$(apt-config dump "$key" | awk -v k="$key" '$1 == k { gsub(/[";]/, "", $2); print $2 }')
      [ -n "$val" ] && echo "$key \"$val\";"
    done
  } >"$tmp/etc/apt/apt.conf.d/90megaregion"
  printf '#!/bin/sh\nexit 101\n' >"$tmp/usr/sbin/policy-rc.d"
  chmod 755 "$tmp/usr/sbin/policy-rc.d"
  # The build is thrown away whole if interrupted, so dpkg need not sync every file.
  echo force-unsafe-io >"$tmp/etc/dpkg/dpkg.cfg.d/megaregion-unsafe-io"
  cp -L /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
  cp -L /etc/hosts "$tmp/etc/hosts" 2>/dev/null || true

  t0=$SECONDS
  in_chroot "$tmp" apt-get update -q >/dev/null
  # Dry run first: refuse if anything forbidden would come in as a dependency.
  local plan bad=()
  plan=$(in_chroot "$tmp" apt-get install -s -q -t "$BACKPORTS" --no-install-recommends "${PACKAGES[@]}")
  for p in "${FORBIDDEN[@]}"; do
    grep -q "^Inst $p " <<<"$plan" && bad+=("$p")
  done
  ((${#bad[@]} == 0)) || die "these would be installed as dependencies: ${bad[*]}"
  log "installing $(grep -c '^Inst ' <<<"$plan") packages (${PACKAGES[*]}), QGIS from $BACKPORTS"
  in_chroot "$tmp" apt-get install -y -q -t "$BACKPORTS" --no-install-recommends "${PACKAGES[@]}" \
    >"$tmp.apt.log" 2>&1 || { tail -30 "$tmp.apt.log" >&2; rm -f "$tmp.apt.log"; die "apt-get install failed"; }
  rm -f "$tmp.apt.log"
  in_chroot "$tmp" apt-get clean
  log "apt took $((SECONDS - t0)) s"

  # Check what was built: QGIS series, nothing forbidden, every module importable.
  local qv
  qv=$(in_chroot "$tmp" dpkg-query -W -f='${Version}' python3-qgis)
  [[ $qv == "$QGIS_SERIES".* ]] || die "$SUITE/$BACKPORTS installed QGIS $qv, not $QGIS_SERIES.x"
  for p in "${FORBIDDEN[@]}"; do
    if in_chroot "$tmp" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      die "$p is installed"
    fi
  done
  [ -x "$tmp/usr/bin/qgis_process.bin" ] || die "no /usr/bin/qgis_process.bin in the chroot"
  in_chroot "$tmp" python3 -c '
import importlib, sys
for m in ("qgis.core", "qgis.PyQt.QtCore", "numpy", "osgeo.gdal", "pyproj", "shapely", "scipy",
          "pandas", "openpyxl", "matplotlib", "pytest"):
    importlib.import_module(m)
for m in ("rasterio", "sklearn", "geopandas", "threadpoolctl"):
    try:
        importlib.import_module(m)
    except ImportError:
        continue
    sys.exit(m + " is importable")
'
  describe "$tmp" >"$tmp/.megaregion-versions"
  recipe_hash >"$tmp/.megaregion-stamp"

  # Into place atomically; the previous chroot (if any) is moved aside and then removed.
  if [ -e "$ROOT" ]; then
    old="$ROOT.old.$$"
    mv "$ROOT" "$old"
    mv "$tmp" "$ROOT"
    remove_tree "$old"
  else
    mv "$tmp" "$ROOT"
  fi
  trap - EXIT
  log "built $ROOT: $(cat "$ROOT/.megaregion-versions")"
}

describe() {
  in_chroot "$1" python3 -c '
import sys, numpy, scipy, pandas, shapely, pyproj, openpyxl, matplotlib
from osgeo import gdal
from qgis.core import Qgis
from qgis.PyQt.QtCore import QT_VERSION_STR
print(f"QGIS {Qgis.version()}, Qt {QT_VERSION_STR}, Python {sys.version.split()[0]}, GDAL {gdal.__version__}, "
      f"numpy {numpy.__version__}, scipy {scipy.__version__}, pandas {pandas.__version__}, "
      f"shapely {shapely.__version__}, pyproj {pyproj.__version__}, openpyxl {openpyxl.__version__}, "
      f"matplotlib {matplotlib.__version__}")
'
}

# Leaves file descriptor 9 holding a shared lock on a current chroot. Runs share the lock; a
# build takes it alone, so it neither races another build nor removes a chroot in use.
ensure_built() {
  mkdir -p "$(dirname "$ROOT")"
  exec 9>"$ROOT.lock"
  flock -s 9
  if is_current; then
    log "cached $ROOT is current ($(cat "$ROOT/.megaregion-versions" 2>/dev/null))"
    return 0
  fi
  flock -x 9
  if ! is_current; then  # another caller may have built it meanwhile
    [ -e "$ROOT" ] && log "$ROOT was built from another recipe: rebuilding"
    local t0=$SECONDS
    build
    log "build took $((SECONDS - t0)) s"
  fi
  flock -s 9
}

setup() {
  need_root setup-qgis344
  ensure_built
  exec 9>&-
}

run_tests() {
  need_root test-qgis344
  ensure_built
  local args=("$@")
  ((${#args[@]})) || args=(tests -q -p no:cacheprovider)
  local tmpdir
  tmpdir=$(mktemp -d /tmp/megaregion-qgis344.XXXXXX)
  chmod 1777 "$tmpdir"
  # Only this namespace sees the mounts; here the folder holds plain files.
  trap 'rm -rf --one-file-system "'"$tmpdir"'"' EXIT
  log "pytest ${args[*]} on $(cat "$ROOT/.megaregion-versions")"
  local rc=0
  unshare --mount --propagation private -- bash -euo pipefail -c '
    root=$1 repo=$2 tmpdir=$3; shift 3
    mounted=()
    cleanup() {
      local i
      for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -R "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}" || true; done
    }
    trap cleanup EXIT
    bindm() { mkdir -p "$2"; mount "${@:3}" "$1" "$2"; mounted+=("$2"); }
    bindm proc "$root/proc" -t proc
    bindm /dev "$root/dev" --rbind
    bindm /sys "$root/sys" --rbind
    bindm "$tmpdir" "$root/tmp" --bind
    bindm "$repo" "$root$repo" --bind
    # The real third-party samples beside the repository (../shared), read-only, where present.
    shared=$(dirname "$repo")/shared
    if [ -d "$shared" ]; then bindm "$shared" "$root$shared" --bind -o ro; fi
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      TMPDIR=/tmp QT_QPA_PLATFORM=offscreen MEGAREGION_REQUIRE_QGIS=1 \
      /bin/sh -c "cd \"\$0\" && exec /usr/bin/python3 -m pytest \"\$@\"" "$repo" "$@"
  ' run_tests "$ROOT" "$here" "$tmpdir" "${args[@]}" || rc=$?
  return $rc
}

main() {
  case "${1:-}" in
    setup) setup ;;
    test) shift; run_tests "$@" ;;
    info)
      if is_current; then echo "$ROOT: $(cat "$ROOT/.megaregion-versions")"; else echo "$ROOT: not built or out of date"; return 1; fi
      ;;
    *) echo "usage: $0 setup | test [pytest args] | info" >&2; return 2 ;;
  esac
}

# On one line, so that editing this file while it runs cannot change what bash reads next.
main "$@"; exit $?
