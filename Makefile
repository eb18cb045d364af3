# MigrAktiv Atlas — `make run` sets up everything and serves the atlas on SpatiaLite with the real
# data; `make test` lints, runs the front end's unit tests (Node) and then the whole suite on PostGIS
# and on SpatiaLite, browser tests included.
SHELL := /bin/bash
PYTHON ?= /usr/bin/python3
VENV := .venv
BIN := $(VENV)/bin
ESLINT := node_modules/.bin/eslint
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Each half runs on this many pytest-xdist workers, each with its own test database (tests/conftest.py).
# On 2 cores, 2 (= auto) measured best: 3 was no faster and its load made timing checks flake.
# PYTEST_WORKERS=0 runs in one process; PYTEST_ARGS comes last, so it may override these options too.
PYTEST_WORKERS ?= 2
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS)
SPATIALITE_TEST_URL := spatialite:///$(CURDIR)/var/test.sqlite3
# The PostGIS test databases (test_<name>_gw<n>) are named after the checkout: two checkouts may test at once.
PG_TEST_DB := atlas_$(shell printf '%s' '$(CURDIR)' | md5sum | cut -c1-8)
# $(call timed,label,command): runs the command, prints "label: 4 min 12 s", keeps the exit status.
timed = start=$$(date +%s); $(2); status=$$?; seconds=$$(( $$(date +%s) - start )); \
	echo "$(1): $$((seconds / 60)) min $$((seconds % 60)) s"; exit $$status

DEBS_RUN := libgdal32 libgeos-c1v5 libproj25 libsqlite3-mod-spatialite python3-venv gettext \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
DEBS_TEST := postgresql-15-postgis-3 chromium fonts-noto-core

.PHONY: run test test-js lint bench system system-test venv vendor messages migrate import clean

run: system venv vendor messages migrate import
	$(BIN)/python manage.py runserver --noreload $(HOST):$(PORT)

test: system system-test venv vendor messages lint test-js
	@echo "=== test suite on PostGIS ==="
	@$(call timed,PostGIS half,ATLAS_PGDATABASE=$(PG_TEST_DB) scripts/with-postgis.sh $(PYTEST) $(PYTEST_ARGS))
	@echo "=== test suite on SpatiaLite ==="
	@$(call timed,SpatiaLite half,DATABASE_URL=$(SPATIALITE_TEST_URL) $(PYTEST) $(PYTEST_ARGS))

# Benchmarks print figures (docs/performance.md); run on demand, never part of `make test`.
bench: system system-test venv migrate import
	$(BIN)/python benchmarks/geocode_offline.py
	$(BIN)/python benchmarks/coverage.py
	$(BIN)/python benchmarks/directory_api.py  # needs the PostgreSQL server on 127.0.0.1:5432
	$(BIN)/python benchmarks/search.py  # PostGIS (as above) and SpatiaLite
	$(BIN)/python benchmarks/map_10k.py  # the PostgreSQL server (as above) and Chromium

lint: venv vendor
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(ESLINT) static/atlas/js tests/js eslint.config.js

# Unit tests of the front end's pure modules (tests/js mirrors static/atlas/js): Node's test runner.
test-js: system
	node --test tests/js/

system:
	@scripts/ensure-debs.sh $(DEBS_RUN)
	@scripts/ensure-node.sh

system-test:
	@scripts/ensure-debs.sh $(DEBS_TEST)

venv: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# This machine's pip configuration names local indexes that may be absent: hide that noise only.
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]' 2> >(grep -v '^WARNING: Location' >&2)
	touch $@

vendor: static/vendor/.installed
static/vendor/.installed: package.json package-lock.json scripts/vendorjs.sh
	npm ci --no-audit --no-fund --loglevel=error
	scripts/vendorjs.sh
	touch $@

messages: venv
	@$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: venv
	$(BIN)/python manage.py migrate --noinput -v 0

import: venv
	$(BIN)/python manage.py import_geodata
	$(BIN)/python manage.py import_gazetteer
	$(BIN)/python manage.py seed_meeting_places
	$(BIN)/python manage.py compute_coverage
	@# Invented sample organisations (marked "Beispiel/Sample") only on request: SAMPLE_DATA=1 make run
	if [ "$(SAMPLE_DATA)" = "1" ]; then $(BIN)/python manage.py load_sample_organisations; fi

clean:
	rm -rf $(VENV) node_modules static/vendor var
