# CoTech Directory: `make run` and `make test` take a fresh machine to a running site or a passing suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The suite runs on both cores; `make test PYTEST_ARGS=` runs it in one process.
PYTEST_ARGS ?= -n 2

# The first interpreter that really runs and is 3.12 or newer: on PATH, then pyenv's.
PYTHON := $(shell for p in python3.14 python3.13 python3.12 python3 \
	$$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { command -v "$$p"; break; }; \
	done)

.PHONY: help venv run serve test test-fast lint fmt seed migrate check-deploy clean bench bench-cluster

help:
	@echo "make run    - set up and start the site at http://127.0.0.1:$(PORT) with demo data"
	@echo "make test   - set up and run the whole test suite"
	@echo "make serve  - production: migrate, collectstatic, gunicorn"
	@echo "make lint / make fmt - ruff; lint also type-checks (mypy) and checks the rooms' imports (import-linter)"
	@echo "make bench  - benchmark the production server on PostgreSQL at scale (SMOKE=1: tiny, as CI)"
	@echo "make bench-cluster - two app servers, one database: concurrent workflows keep their invariants"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@if [ -z "$(PYTHON)" ]; then echo "No Python 3.12 or newer found: install python3.12 (or newer) and run make again." >&2; exit 1; fi
	@test -x $(PY) || "$(PYTHON)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.installed

run: venv
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py seed_demo --if-empty
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput
	$(VENV)/bin/gunicorn -c gunicorn.conf.py

# tests/bench needs the bench app, installed only under its own settings: a second run.
test: venv
	$(VENV)/bin/pytest $(PYTEST_ARGS)
	$(VENV)/bin/pytest $(PYTEST_ARGS) --ds=bench.settings tests/bench

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=true $(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

fmt: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrate: venv
	DEBUG=true $(PY) manage.py migrate

seed: venv
	DEBUG=true $(PY) manage.py seed_demo

clean:
	rm -rf $(VENV) staticfiles

# The benchmark and the two-server run use PostgreSQL databases of their own (created
# when missing); the full-size network is seeded once and reused.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cotech_bench$(if $(SMOKE),_smoke)
CLUSTER_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cotech_bench_cluster
CLUSTER_CACHE_URL ?= redis://127.0.0.1:6379/5
# The shared cache, as in production: cached pages are warmed once for every worker.
BENCH_CACHE_URL ?= redis://127.0.0.1:6379/6

bench: venv
	DATABASE_URL=$(BENCH_DATABASE_URL) CACHE_URL=$(BENCH_CACHE_URL) $(PY) bench/run.py $(if $(SMOKE),--smoke) $(BENCH_ARGS)

bench-cluster: venv
	DATABASE_URL=$(CLUSTER_DATABASE_URL) CACHE_URL=$(CLUSTER_CACHE_URL) \
		$(PY) bench/cluster.py $(if $(SMOKE),--smoke) $(CLUSTER_ARGS)
