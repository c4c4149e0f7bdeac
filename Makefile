# The kit's commands. The README shows `make start` and `make test` first; .ci/run calls `make test`.
# Every target is safe to run again: set-up is skipped when the environment is up to date.
# Python 3.11, 3.12 or 3.13: `make start PYTHON=python3.12` (or `make setup PYTHON=...` alone).
# Two environments from one set of pins (requirements/*.txt, universal locks from *.in):
# the students' runtime (start, present, rerun) and the runtime plus test tools (test, data, bench).

SHELL := /bin/bash
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
VOILA_PORT ?= 8866
# apt-get needs root; use sudo where we are not root and sudo exists
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: start test setup setup-test check-python lock zh system-deps present rerun site bench data data-check lint strip clean help

help:
	@echo "make start    set up and open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make test     set up (including Debian's chromium) and run every test"
	@echo "make present  serve the lessons as Voila dashboards on 127.0.0.1:$(VOILA_PORT)"
	@echo "make rerun ARGS='...'  rerun lessons with papermill (python -m helpers.rerun --help)"
	@echo "make site     build the course as an offline website (both languages, data) into site/"
	@echo "make bench    print speed and memory figures (Voila round trips, execution times)"
	@echo "make data     rebuild data/ from ../shared/sources (maintainers only)"
	@echo "make setup    set up the students' environment only (PYTHON=python3.12 to choose Python)"
	@echo "make lock     regenerate requirements/runtime.txt and test.txt from their .in files"
	@echo "make zh       regenerate the Chinese lessons (notebooks/zh/) from the English ones"

## set-up: a local virtual environment with the pinned runtime and the kit's package
setup: $(VENV)/.kit-runtime
setup-test: $(VENV)/.kit-test

# Fail before any download when the Python is missing or outside 3.11-3.13 (pip checks the
# package's requires-python only after installing every dependency).
check-python:
	@command -v $(PYTHON) >/dev/null || { echo "error: '$(PYTHON)' not found; install Python 3.11, 3.12 or 3.13, or pass PYTHON=python3.12" >&2; exit 2; }
	@$(PYTHON) -c 'import sys; ok = (3, 11) <= sys.version_info[:2] <= (3, 13); sys.exit(0 if ok else "error: the kit needs Python 3.11, 3.12 or 3.13; " + sys.executable + " is " + sys.version.split()[0] + ". Pass PYTHON=python3.12 (or another), e.g. make start PYTHON=python3.12")'
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "error: $(PYTHON) has no venv/ensurepip module; on Debian/Ubuntu: apt-get install python3-venv" >&2; exit 2; }
	@if [ -x $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print(sys.version_info[:2])')" != "$$($(PYTHON) -c 'import sys; print(sys.version_info[:2])')" ]; then \
	  echo "error: $(VENV) was made with another Python ($$($(BIN)/python --version)); remove it (rm -rf $(VENV)) or choose another folder: make setup PYTHON=$(PYTHON) VENV=.venv-other" >&2; exit 2; fi

$(VENV)/.kit-runtime: requirements/runtime.txt pyproject.toml
	@$(MAKE) --no-print-directory check-python PYTHON=$(PYTHON) VENV=$(VENV)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/runtime.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@# JupyterLab's news pop-up covers the lesson (and screenshots)
	$(BIN)/jupyter labextension disable --level=sys_prefix "@jupyterlab/apputils-extension:announcements" >/dev/null 2>&1 || true
	@touch $@

$(VENV)/.kit-test: $(VENV)/.kit-runtime requirements/test.txt
	$(BIN)/python -m pip install --quiet -r requirements/test.txt
	@touch $@

## the pins: regenerate both universal locks (every platform, Python 3.11-3.13) from their inputs
lock: setup-test
	cd requirements && ../$(BIN)/uv pip compile --quiet --universal --python-version 3.11.5 \
	  runtime.in -o runtime.txt
	cd requirements && ../$(BIN)/uv pip compile --quiet --universal --python-version 3.11.5 \
	  --constraint runtime.txt test.in -o test.txt

## Debian packages: chromium for the browser tests, a CJK font for Chinese labels
system-deps:
	@if ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi
	@command -v chromium >/dev/null && echo "chromium: $$(chromium --version 2>/dev/null)"

start: setup
	@echo "Opening the kit: JupyterLab on notebooks/00_start_here.ipynb (Ctrl-C to stop)"
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) --no-browser $(ROOT_FLAG) \
	  --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

test: setup-test system-deps
	$(BIN)/python -m pytest -p no:cacheprovider tests notebooks --nbval-lax --nbval-kernel-name python3

present: setup
	$(BIN)/python -m helpers.present --port $(VOILA_PORT)

rerun: setup
	$(BIN)/python -m helpers.rerun $(ARGS)

## the Chinese edition: regenerate notebooks/zh/ from the English lessons and their translations
zh: setup
	$(BIN)/python -m helpers.edition

## the offline website: every lesson executed (2 at a time) and exported, with the data, into
## site/ (git-ignored); it loads nothing from outside, so it works from any static server or zip
site: setup
	$(BIN)/python -m helpers.site --out site

bench: setup-test system-deps
	$(BIN)/python bench/run.py

data: setup-test
	$(BIN)/python -m scripts.build_data

data-check: setup-test
	$(BIN)/python -m scripts.build_data --check

lint: setup-test
	$(BIN)/ruff check src tests notebooks bench scripts

strip: setup-test
	@# cells whose output a test checks carry "keep_output": true in their metadata
	@# --keep-count: nbval refuses a kept output whose cell has no execution count
	$(BIN)/nbstripout --keep-count notebooks/*.ipynb
