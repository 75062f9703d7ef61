# The README's commands. Everything runs from the project's own virtualenv (.venv).
SHELL := /bin/bash

# Django 6 needs Python 3.12 or newer. Pick the first interpreter that really runs and is new
# enough (a pyenv shim for a version that is not active exists but fails, so each is tried).
PYTHON ?= $(shell for p in python3.12 python3.13 python3.14 python3 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	command -v $$p; break; fi; done)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist): one per CPU core; PYTEST_WORKERS=0 runs the suite in one process.
PYTEST_WORKERS ?= auto

.PHONY: run test lint format bench prod-check restore-drill venv dev-deps check-python print-python clean messages lock

check-python:
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Python 3.12 or newer is required (Django 6 does not run on older versions)."; \
	  echo "Install it (e.g. 'apt-get install python3.12' or 'pyenv install 3.12'), or run 'make PYTHON=/path/to/python3.12 run'."; \
	  exit 1; fi

# Installed from the lock files (every package pinned, with hashes): `make lock` writes them from
# requirements.in / requirements-dev.in (README, "Dependencies").
# PIP_FLAGS: more pip options (CI passes --no-compile: modules are compiled when first imported).
# --no-deps: each lock names every package its pins need (pip-compile), so pip has nothing to
# resolve, only to check the hashes and install.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps $(PIP_FLAGS)
PIP_TOOLS := pip-tools==7.6.2
PIP_COMPILE := $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras

$(VENV)/.stamp-runtime: requirements.txt | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.txt
	@touch $@

# The dev lock holds the runtime lock's pins too (requirements-dev.in: -r requirements.in,
# -c requirements.txt): one pip call installs both.
$(VENV)/.stamp-dev: requirements.txt requirements-dev.txt | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements-dev.txt
	@touch $(VENV)/.stamp-runtime $@

# Re-resolve the lock files after editing requirements.in or requirements-dev.in (a pin added or
# raised). The runtime lock first; the dev lock is constrained to it, so both agree.
lock: | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip-compile --version 2>/dev/null | grep -q ' 7.6.2$$' || $(PY) -m pip install --quiet '$(PIP_TOOLS)'
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) -o requirements-dev.txt requirements-dev.in

# The interpreter the virtualenv is made with (.ci/run keys its cached virtualenv by it).
print-python: check-python
	@echo $(PYTHON)

venv: $(VENV)/.stamp-runtime
dev-deps: $(VENV)/.stamp-dev

# The project's own catalogues (locale/*.po -> .mo); never the installed packages' (site-packages).
messages: venv
	$(MANAGE) compilemessages --ignore '$(VENV)' --ignore '.venv' --ignore 'staticfiles' --ignore 'media' --ignore 'node_modules' --verbosity 0

run: venv messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content --host $(HOST) --port $(PORT)
	$(MANAGE) ensure_local_admin --admin-url "http://$(HOST):$(PORT)/admin/"
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "Background worker running beside it (manage.py db_worker: hand-offs, exports, notices); it stops with the server."
	@$(MANAGE) db_worker --no-reload --interval 2 --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(MANAGE) runserver $(HOST):$(PORT)

test: dev-deps messages
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/djhtml --check $$(find templates */templates */*/templates -name '*.html' 2>/dev/null)

format: dev-deps
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(find templates */templates */*/templates -name '*.html' 2>/dev/null)

bench: dev-deps
	$(PY) bench/run.py

# The production setup of deploy/ (nginx + gunicorn + Redis, production settings) on loopback,
# with a slow-client attack and faults (docs/operations.md). Installs Debian's nginx if missing.
prod-check: venv
	$(PY) bench/prod_check.py $(PROD_CHECK_ARGS)

# Dump, restore into a new database, compare every table's rows (PostgreSQL; docs/operations.md).
restore-drill: venv
	$(PY) deploy/restore_drill.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
