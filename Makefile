# newsnumbers: seeds/ (raw, never edited by code) -> data/ (tidy tables) -> figures/
# `make figures` and `make test` set up everything they need on a fresh machine.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SEEDS  ?= seeds
LOCALE ?= de
FORMATS ?= svg,png,pdf
PUBLISH ?= all
BUILD  := build/notebooks
# What each step reads, so that make redoes only what a change touches (bench/, tests/, docs/ and
# newsnumbers/evaluate/ are read by no step: touching them re-runs nothing).
CORE := $(addprefix newsnumbers/,__init__.py schema.py atomic.py handcsv.py sources.py run.py paths.py report.py startup.py)
EXTRACT_SOURCES := $(CORE) $(addprefix newsnumbers/,corrections.py vocabulary.py) \
    $(shell find newsnumbers/engine newsnumbers/lexicon -name '*.py' -o -name '*.csv' 2>/dev/null | sort)
# The charts read the engine too (clauses for training words, the lexicon's periods): a change there
# re-extracts the table anyway, so it costs no extra run.
CHART_SOURCES := $(CORE) $(shell find newsnumbers/charts newsnumbers/engine newsnumbers/lexicon -name '*.py' -o -name '*.csv' 2>/dev/null | sort)
# 08_review is the editor's review form (widgets), not a chart: make does not execute it.
CHART_NOTEBOOKS := $(sort $(wildcard notebooks/0[2-7]_*.ipynb))
CHART_BUILDS := $(patsubst notebooks/%,$(BUILD)/%,$(CHART_NOTEBOOKS))
# SEEDS may hold spaces ("my articles"): recipes read it from the environment as "$$SEEDS",
# and no rule names a seed file; they depend on $(SEEDS_LIST), which lists them (see below).
export SEEDS LOCALE FORMATS PUBLISH
# The chart notebooks are independent: run them side by side, one per core (JOBS=1 for one at a time);
# each notebook's lines are printed together when it ends.
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
MAKEFLAGS += -j$(JOBS) --output-sync=target

# A recipe that fails deletes the target it had begun to write: no half-made result poses as done.
.DELETE_ON_ERROR:
.PHONY: all setup gitfilter figures data test bench lab clean distclean browser

all: figures

# --- environment ------------------------------------------------------------
$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	@$(GIT_FILTER)
	@touch $@

setup: $(STAMP) gitfilter

# Notebooks are stored without outputs: nbstripout, set up as a git filter (.gitattributes names it),
# strips them when a notebook is staged, so a notebook saved in JupyterLab never commits its outputs.
# Outside a git checkout (an unpacked archive) there is nothing to set up, and that is not an error.
GIT_FILTER = if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  $(VENV)/bin/nbstripout --install && echo "nbstripout: notebooks are stripped of outputs when staged"; \
	else echo "nbstripout: not a git checkout, no filter to set up"; fi
gitfilter: | $(STAMP)
	@$(GIT_FILTER)

# --- inputs: rebuild when SEEDS, LOCALE, FORMATS, PUBLISH or a seed file change
# buildinfo.py (standard library only, run by the system's python while make reads this file, so
# that `make -n` and `make -q` see the true state) rewrites each file only when its content changes:
# $(PARAMS) holds SEEDS, LOCALE, FORMATS and PUBLISH; $(SEEDS_LIST) every file under SEEDS with size and mtime
# (articles, corrections.csv, sources.csv). The extraction depends on the listing only, the charts on
# both: `LOCALE=en` re-runs the charts, not the extraction.
PARAMS := build/params.txt
SEEDS_LIST := build/seeds.txt
SUMMARY := build/summary.txt
quote = '$(subst ','\'',$(1))'
# Goals that build nothing from the seeds do not list them.
NO_INPUTS_GOALS := setup browser test bench lab clean distclean
ifneq ($(filter-out $(NO_INPUTS_GOALS),$(or $(MAKECMDGOALS),all)),)
INPUTS := $(shell $(PYTHON) newsnumbers/buildinfo.py inputs $(PARAMS) $(SEEDS_LIST) --seeds $(call quote,$(SEEDS)) \
    --locale $(call quote,$(LOCALE)) --formats $(call quote,$(FORMATS)) || echo failed)
ifneq ($(INPUTS),)
$(error newsnumbers/buildinfo.py could not list the inputs: $(INPUTS))
endif
endif

# --- data: one extraction notebook writes both tables -----------------------
data: data/figures.csv

data/figures.csv: notebooks/01_extract_figures.ipynb $(SEEDS_LIST) $(EXTRACT_SOURCES) | $(STAMP)
	@mkdir -p $(BUILD) data
	$(PY) -m newsnumbers.run notebooks/01_extract_figures.ipynb $(BUILD)/01_extract_figures.ipynb \
	    -p seeds_dir "$$SEEDS" -p output_dir data

# --- figures: one executed notebook per chart --------------------------------
# The Vega bundle the interactive charts inline, made once (beside the extraction, with -j) instead of
# in every chart's kernel: the kernels read it from here (newsnumbers/charts/offline.py).
VEGA_BUNDLE := build/vega-embed.js
$(VEGA_BUNDLE): $(STAMP)
	@mkdir -p build
	@$(PY) -m newsnumbers.charts.offline && touch $@

# A chart with nothing to draw removes its files from figures/ and says so; a failed one too, and
# leaves no executed copy, so the next make runs it again.
$(BUILD)/%.ipynb: notebooks/%.ipynb data/figures.csv $(CHART_SOURCES) $(PARAMS) | $(STAMP) $(VEGA_BUNDLE)
	@mkdir -p $(BUILD) figures
	$(PY) -m newsnumbers.run $< $@ -p figures_csv data/figures.csv -p figures_dir figures \
	    -p locale "$$LOCALE" -p formats "$$FORMATS" -p seeds_dir "$$SEEDS" -p publish "$$PUBLISH"

# The build's last line: what was built, what was empty, what was rejected.
$(SUMMARY): data/figures.csv $(CHART_BUILDS) newsnumbers/buildinfo.py | $(STAMP)
	@$(PY) newsnumbers/buildinfo.py summary --figures figures --rejected data/rejected.csv --out $@ $(CHART_NOTEBOOKS)

figures: $(SUMMARY)

# --- checks -----------------------------------------------------------------
# The explorer's browser test drives Debian's chromium; install it when missing (needs root and the
# package registry, as in CI). Without it the tests still run, and both this target and pytest's
# last lines say loudly that the browser tests were SKIPPED.
CHROMIUM ?= chromium
APT_GET  ?= apt-get
browser:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then echo "installing Debian's chromium for the browser test"; \
	    { $(APT_GET) update -qq && DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium >/dev/null; } || \
	    echo "WARNING: could not install chromium (no network?); the browser tests will be SKIPPED" >&2; \
	  else echo "WARNING: chromium missing and not root; the browser tests will be SKIPPED" >&2; fi; }

test: $(STAMP) browser
	$(PY) -m pytest -q

bench: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r bench/requirements-bench.txt
	$(PY) bench/bench.py --out bench

# JupyterLab on the project's kernel (JUPYTER_PATH puts the venv's kernel first), rooted at the project
# so analysts see notebooks/, data/ and figures/; --allow-root only for root. Extra flags:
# make lab LAB_ARGS="--port 8899 --no-browser"
LAB_ARGS ?=
LAB_ROOT = $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(STAMP)
	JUPYTER_PATH="$(CURDIR)/$(VENV)/share/jupyter" $(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" \
	    --LabApp.default_url=/lab/tree/notebooks $(LAB_ROOT) $(LAB_ARGS)

clean:
	rm -rf build data/*.csv figures/*

distclean: clean
	rm -rf $(VENV)
