# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
HOST ?= 127.0.0.1
PORT ?= 8000
export THONGSUOT_SHARED := $(abspath $(SHARED))

.PHONY: run test install install-dev lint typecheck layers pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: install, upgrade the database, load the samples and the demo, serve on http://$(HOST):$(PORT)
run: install
	./scripts/ensure-system-deps.sh run
	THONGSUOT_PUBLIC_LIBRARY=1 $(BIN)/thongsuot demo --samples samples --serve --host $(HOST) --port $(PORT)

## make test: install what tests need, then lint, type-check, check layers and run every test
test: install-dev
	./scripts/ensure-system-deps.sh test
	$(BIN)/ruff check thongsuot tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest -n 2 --dist loadfile

lint: install-dev
	$(BIN)/ruff check thongsuot tests bench
typecheck: install-dev
	$(BIN)/mypy
layers: install-dev
	$(BIN)/lint-imports
pytest: install-dev
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
