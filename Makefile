# The few commands a person types. Each creates the virtual environment (.venv) on first use,
# and makes it again when its Python or pyproject.toml's dependencies change.

# Python 3.11 or newer: PYTHON=/path/to/python3 if given, else the first new enough of these.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	2>/dev/null && { command -v $$p; break; }; done)
# Looked for once per make, not at each use (a Python started through pyenv's shims takes a
# quarter of a second or more).
PYTHON := $(PYTHON)
VENV ?= .venv
BIN := $(VENV)/bin
# Its version, if it runs and is 3.11 or newer (else empty); what the environment was made
# from is that version and the dependencies' checksum.
PY_VERSION := $(shell $(PYTHON) -c 'import sys; sys.version_info >= (3, 11) and \
	print(sys.version.split()[0])' 2>/dev/null)
WANT := $(PY_VERSION) $(shell cksum < pyproject.toml 2>/dev/null | cut -d' ' -f1)
SOURCES ?= ../shared/seeds
PORT ?= 8000
# The edition `make serve` previews: en, ko or ja (make build builds all three).
EDITION ?= en
# Builds of the same commit are byte-identical: dates in the output come from the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1
# Python may cache compiled modules (pytest's rewritten tests too, some seconds a run), even
# where the environment says not to; the caches are ignored by git.
export PYTHONDONTWRITEBYTECODE :=
export SOURCES

.PHONY: venv serve build publish standalone test review unit js lint statements engines translations check-quotes lighthouse bench bench-editions clean

venv:
	@if [ -z "$(PYTHON)" ]; then \
		echo "make: no Python 3.11 or newer found (tried python3, python3.13, python3.12," \
			"python3.11); install one, or name it: make PYTHON=/path/to/python3 ..."; exit 1; fi
	@if [ -z "$(PY_VERSION)" ]; then \
		echo "make: $(PYTHON) does not run, or is older than Python 3.11; name another:" \
			"make PYTHON=/path/to/python3 ..."; exit 1; fi
	@if [ "$$(cat $(VENV)/.installed 2>/dev/null)" != "$(WANT)" ]; then \
		echo "make: setting up $(VENV) with Python $(word 1,$(WANT)) ($(PYTHON)):" \
			"MkDocs, Material, PyYAML, Pagefind, pytest, Playwright; about a minute the first time"; \
		rm -rf $(VENV) && $(PYTHON) -m venv $(VENV) \
		&& $(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip \
		&& echo "make: installing the dependencies from pyproject.toml" \
		&& $(BIN)/python -m pip install --quiet --disable-pip-version-check ".[test]" \
		&& echo "$(WANT)" > $(VENV)/.installed \
		&& echo "make: $(VENV) is ready"; \
	fi

# --dirty: after an edit, only pages whose content changed are rebuilt (measured by make bench).
serve: venv
	@case "$(EDITION)" in en|ko|ja) ;; *) echo "make: EDITION=$(EDITION)? The editions are en, ko and ja."; exit 1;; esac
	@$(BIN)/python -c 'import socket, sys; s = socket.socket(); s.bind(("127.0.0.1", $(PORT)))' \
		2>/dev/null || { echo "make: port $(PORT) is in use; try: make serve PORT=$$(($(PORT) + 1))"; exit 1; }
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:$(PORT) \
		--config-file $(if $(filter-out en,$(EDITION)),mkdocs.$(EDITION).yml,mkdocs.yml)

# Strict, into a fresh folder swapped in only on success; builds take turns (hooks/build_site.py).
build: venv
	@$(BIN)/python hooks/build_site.py --site-dir site

# Build the checked-out commit (not the work tree) in a temporary folder, commit the site onto
# gh-pages and push it to origin, for those without GitHub Actions (see README). Refuses
# uncommitted changes, and a branch other than the default unless PUBLISH_FROM_BRANCH=1.
publish: venv
	@$(BIN)/python hooks/publish.py

# Every edition as a plain MkDocs project that needs no hook (build/standalone/: mkdocs.yml,
# mkdocs.ko.yml, mkdocs.ja.yml), writing only the files that changed; build it as the command
# prints (see README, "Outliving the theme").
standalone: venv
	$(BIN)/python -m chronology.standalone build/standalone

# On every core, at most four (pytest-xdist), each test where a core is free; the builds many
# tests read are made once for the run (support.once_per_run). PARALLEL= runs one test at a time.
PARALLEL ?= -n auto --maxprocesses=4 --dist worksteal

# Every property: unit tests, full builds, browser tests, lint and types (minutes; see README).
test: venv
	$(BIN)/python -m pytest -m "not review" $(PARALLEL)

# What make test samples, in full, and what is there to be looked at: the screenshots of every
# page kind (tests/artifacts/), the search benchmark, the dark palette on every page, every
# hostile case built end to end. Slow; CI runs it after make test. (pytest alone runs both.)
review: venv
	$(BIN)/python -m pytest -m review $(PARALLEL) $(REVIEW_SKIP)

# The fast loop: the core's tests, no MkDocs build and no browser (seconds).
unit: venv
	QUICK_PROPERTIES=1 $(BIN)/python -m pytest -m "not build and not browser" --ignore=tests/browser \
		-n auto --maxprocesses=4 -q

# The search's query logic (docs/assets/query.js, find.js) under Node's own test runner, in about
# a second; Node 20.10 or newer, no npm package (make unit and make test run it too, through pytest).
js:
	node --experimental-detect-module --test tests/js/*.test.js

lint: venv
	$(BIN)/ruff check hooks tests
	$(BIN)/mypy

# Per edition (ko, ja): how much is translated, what is stale or untranslated (a report).
translations: venv
	@$(BIN)/python -m chronology.translations data

# ProperDocs (MkDocs 1.6's drop-in fork) builds every edition into MkDocs' site but for the
# generator tag (tests/engines/; its own venv, .venv-properdocs, made on first use).
engines: venv
	$(BIN)/python tests/engines/properdocs_build.py --venv .venv-properdocs

# Statements quoted, by the language they were said in: how many carry their original words.
statements: venv
	@$(BIN)/python -m chronology.statements data --list

check-quotes: venv
	$(BIN)/python -m chronology.quotes $(SOURCES)

# Lighthouse (mobile) scores of the built site, median of three runs; needs node and chromium.
lighthouse: build
	$(BIN)/python tests/perf/lighthouse.py site

# How the build and search scale with 100, 1,000 and 10,000 synthetic events (several minutes).
bench: venv
	$(BIN)/python tests/perf/bench.py

bench-editions: venv
	$(BIN)/python tests/perf/editions.py

clean:
	rm -rf site .site-new .site-old .site-lock $(VENV) .venv-properdocs
