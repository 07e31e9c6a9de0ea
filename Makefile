# newsnumbers: seeds/ (raw, never edited by code) -> data/ (tidy tables) -> figures/
# `make figures` and `make test` set up everything they need on a fresh machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SEEDS  ?= seeds
LOCALE ?= de
FORMATS ?= svg,png,pdf
BUILD  := build/notebooks
PKG_SOURCES := $(shell find newsnumbers -name '*.py' -o -name '*.csv' | sort)
SEED_FILES  := $(shell find $(SEEDS) -type f 2>/dev/null | sort)
CHART_NOTEBOOKS := $(sort $(wildcard notebooks/0[2-9]_*.ipynb))
CHART_BUILDS := $(patsubst notebooks/%,$(BUILD)/%,$(CHART_NOTEBOOKS))

.PHONY: all setup figures data test bench lab clean distclean browser FORCE

all: figures

# --- environment ------------------------------------------------------------
$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $@

setup: $(STAMP)

# --- parameters: rebuild when SEEDS, LOCALE or FORMATS change -----------------
PARAMS := build/params.txt
$(PARAMS): FORCE
	@mkdir -p build
	@echo "SEEDS=$(SEEDS) LOCALE=$(LOCALE) FORMATS=$(FORMATS)" | cmp -s - $@ || \
	    echo "SEEDS=$(SEEDS) LOCALE=$(LOCALE) FORMATS=$(FORMATS)" > $@

# --- data: one extraction notebook writes both tables -----------------------
data: data/figures.csv

data/figures.csv: notebooks/01_extract_figures.ipynb $(SEED_FILES) $(PKG_SOURCES) $(PARAMS) | $(STAMP)
	@mkdir -p $(BUILD) data
	$(PY) -m newsnumbers.run notebooks/01_extract_figures.ipynb $(BUILD)/01_extract_figures.ipynb \
	    -p seeds_dir $(SEEDS) -p output_dir data

# --- figures: one executed notebook per chart --------------------------------
$(BUILD)/%.ipynb: notebooks/%.ipynb data/figures.csv $(PKG_SOURCES) $(PARAMS) | $(STAMP)
	@mkdir -p $(BUILD) figures
	$(PY) -m newsnumbers.run $< $@ -p figures_csv data/figures.csv -p figures_dir figures \
	    -p locale $(LOCALE) -p formats $(FORMATS) -p seeds_dir $(SEEDS)

figures: data/figures.csv $(CHART_BUILDS)

# --- checks -----------------------------------------------------------------
# The explorer's browser test drives Debian's chromium; install it when missing (needs root, as in CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then echo "installing Debian's chromium for the browser test"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "warning: chromium missing and not root; the browser test will be skipped" >&2; fi; }

test: $(STAMP) browser
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r bench/requirements-bench.txt
	$(PY) bench/bench.py --out bench

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks

clean:
	rm -rf build data/*.csv figures/*

distclean: clean
	rm -rf $(VENV)
