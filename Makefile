# The few commands a person types. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SOURCES ?= ../shared/seeds
# Builds of the same commit are byte-identical: dates in the output come from the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check-quotes lighthouse bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $(STAMP)

# --dirty: after an edit, only pages whose content changed are rebuilt (measured by make bench).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000

# Strict, into a fresh folder swapped in only on success; builds take turns (hooks/build_site.py).
build: $(STAMP)
	@$(BIN)/python hooks/build_site.py --site-dir site

test: $(STAMP)
	$(BIN)/python -m pytest

check-quotes: $(STAMP)
	$(BIN)/python -m chronology.quotes $(SOURCES)

# Lighthouse (mobile) scores of the built site, median of three runs; needs node and chromium.
lighthouse: build
	$(BIN)/python tests/perf/lighthouse.py site

# How the build and search scale with 100, 1,000 and 10,000 synthetic events (several minutes).
bench: $(STAMP)
	$(BIN)/python tests/perf/bench.py

clean:
	rm -rf site .site-new .site-old $(VENV)
