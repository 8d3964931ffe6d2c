# make demo  : set up a fresh Debian 12 machine (as root) and run the main job on the bundled data
# make test  : set up and run every test (unit tests on Debian's QGIS stack and on current
#              releases, PyQGIS in-process tests, qgis_process end-to-end tests), then the
#              whole suite again on QGIS 3.44 LTR in a Debian 13 chroot (scripts/qgis344.sh)
# make test-qgis344 : only the QGIS 3.44 run (builds the chroot first if it is not cached)
# make setup-qgis344: build the QGIS 3.44 chroot unless the cached one is current
# make package: build the installable plugin zip in dist/
SHELL := /bin/bash
PY_DEBIAN := /usr/bin/python3
PY_CURRENT := .venv/bin/python
OUT ?= output

.PHONY: setup demo test test-unit test-qgis setup-qgis344 test-qgis344 package clean

setup:
	@bash scripts/setup.sh

demo: setup
	@bash scripts/demo.sh "$(OUT)"

test: setup
	@bash scripts/test.sh

setup-qgis344:
	@bash scripts/qgis344.sh setup

test-qgis344:
	@bash scripts/qgis344.sh test

test-unit:
	$(PY_CURRENT) -m pytest tests/unit -q -p no:cacheprovider

test-qgis:
	QT_QPA_PLATFORM=offscreen $(PY_DEBIAN) -m pytest tests/qgis tests/e2e -q -p no:cacheprovider

package:
	@$(PY_DEBIAN) scripts/package.py

clean:
	rm -rf dist output .pytest_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
