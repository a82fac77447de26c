# Abaque — the two commands of the README, and a few more.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast test-browser bench demo clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installation d'Abaque dans $(VENV) (quelques minutes la première fois)…"
	$(BIN)/pip install --quiet --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	$(BIN)/pip install --quiet -e '.[dev]' 2>&1 | grep -v '^WARNING: Location'; test $${PIPESTATUS[0]} -eq 0
	touch $(STAMP)

## make run: install, migrate, and serve on the local network (SQLite).
run: $(STAMP)
	$(BIN)/abaque migrate --noinput
	$(BIN)/abaque serve

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

demo: $(STAMP)
	$(BIN)/abaque migrate --noinput
	$(BIN)/abaque demo

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
