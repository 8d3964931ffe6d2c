#!/usr/bin/env bash
# The whole test suite, as `make test` runs it after `make setup`:
#  1. unit tests on current releases (.venv), where every independent implementation must be
#     present (MEGAREGION_REQUIRE_PEERS=1), so no agreement test passes by skipping;
#  2. every test on the host's Debian QGIS (/usr/bin/python3; 3.22 on Debian 12, 3.40 on Debian 13),
#     PyQGIS required;
#  3. every test again on QGIS 3.44 LTR in the Debian 13 chroot (scripts/qgis344.sh), which
#     holds only what the QGIS Windows installer ships: agreement tests skip there.
# Each run also executes the examples in core/'s docstrings (--doctest-modules core), so a
# documented example that stops being true fails the suite.
# A failing run does not stop the next one; the exit status is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
run() {
  local name=$1; shift
  echo "== $name: $*"
  "$@" || failed+=("$name (exit $?)")
}

run "unit tests, current releases" \
  env MEGAREGION_REQUIRE_PEERS=1 .venv/bin/python -m pytest tests/unit core --doctest-modules -q -p no:cacheprovider
host_qgis=$(dpkg-query -W -f='${Version}' python3-qgis 2>/dev/null | cut -d. -f1,2)
run "all tests, QGIS ${host_qgis:-?} (host)" \
  env MEGAREGION_REQUIRE_QGIS=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 -m pytest tests core --doctest-modules -q -p no:cacheprovider
run "all tests, QGIS 3.44 (chroot)" bash scripts/qgis344.sh test tests core --doctest-modules -q -p no:cacheprovider

if ((${#failed[@]})); then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
