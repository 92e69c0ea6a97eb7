# One command builds the site, one runs every test; both set themselves up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve lint clean setup setup-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

setup: $(VENV)/.installed

setup-test: $(VENV)/.installed-test
	@if [ -f tests/js/package.json ]; then \
		if command -v npm >/dev/null 2>&1; then \
			cd tests/js && npm ci --no-audit --no-fund --silent; \
		else \
			echo "npm not found: the axe-core and TimelineJS browser tests will skip (install npm)"; \
		fi; \
	fi

site: setup
	$(BIN)/mkdocs build --strict

serve: setup
	$(BIN)/mkdocs serve

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup-test lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) site tests/js/node_modules
