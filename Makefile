# Abaque — the two commands of the README, and a few more.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast test-browser bench demo clean lock audit lint format messages bench-online

# Dependencies come from requirements.lock, pinned with their hashes; Abaque
# itself is installed on top without resolving anything again.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installation d'Abaque dans $(VENV) (quelques minutes la première fois)…"
	$(BIN)/pip install --quiet --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock 2>&1 | grep -v '^WARNING: Location'; test $${PIPESTATUS[0]} -eq 0
	$(BIN)/pip install --quiet --no-deps -e . 2>&1 | grep -v '^WARNING: Location'; test $${PIPESTATUS[0]} -eq 0
	touch $(STAMP)

## make lock: pin the dependencies of pyproject.toml again (newest versions), with their hashes.
lock: $(STAMP)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile --quiet --generate-hashes --extra dev --python-version 3.11 --universal pyproject.toml -o requirements.lock

## make audit: the pinned dependencies checked against known vulnerabilities (needs PyPI).
audit: $(STAMP)
	$(BIN)/pip install --quiet pip-audit
	$(BIN)/pip-audit --require-hashes --disable-pip -r requirements.lock

## make run: install, migrate, and serve on the local network (SQLite).
run: $(STAMP)
	$(BIN)/abaque migrate --noinput
	$(BIN)/abaque serve

## make lint: style (ruff check and ruff format --check) and types (mypy, strict on the analysis).
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

## make messages: the translation catalogues made again from the source (needs gettext); APPS=meetings for one app.
messages: $(STAMP)
	$(BIN)/python -m abaque.messages $(APPS)

## make format: let ruff sort the imports and format the code.
format: $(STAMP)
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

## make test: the whole suite on SQLite, then on PostgreSQL when TEST_DATABASE_URL is set.
test: $(STAMP)
	$(BIN)/python -m pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
	  echo "== again on PostgreSQL"; \
	  DATABASE_URL="$$TEST_DATABASE_URL" $(BIN)/python -m pytest -m "not browser"; \
	fi

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser and not scaleout"

test-browser: $(STAMP)
	$(BIN)/python -m pytest tests/browser

## make bench: the benchmarks of bench/, printing ratios measured in one run.
bench: $(STAMP)
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/run.py
	$(BIN)/python bench/report.py

## make bench-online: 5,000 online participants on PostgreSQL, Redis and two workers, against the embedded mode.
bench-online: $(STAMP)
	$(BIN)/python bench/online.py

demo: $(STAMP)
	$(BIN)/abaque migrate --noinput
	$(BIN)/abaque demo

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
