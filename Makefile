# The two commands of the README:
#   make serve   ingest the bundled corpus into the embedded store (./data) and serve it
#   make test    lint, type-check and run the test suite
# Both create the virtual environment .venv on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve test lint typecheck pytest clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix >/dev/null
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/policykg serve

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo

typecheck: $(STAMP)
	mkdir -p build/typecheck && ln -sfn ../.. build/typecheck/policykg
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
