# The kit's commands. The README shows `make start` and `make test` first; .ci/run calls `make test`.
# Every target is safe to run again: set-up is skipped when the environment is up to date.

SHELL := /bin/bash
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
VOILA_PORT ?= 8866
# apt-get needs root; use sudo where we are not root and sudo exists
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

.PHONY: start test setup system-deps present rerun bench data data-check lint strip clean help

help:
	@echo "make start    set up and open JupyterLab on notebooks/00_start_here.ipynb"
	@echo "make test     set up (including Debian's chromium) and run every test"
	@echo "make present  serve the lessons as Voila dashboards on 127.0.0.1:$(VOILA_PORT)"
	@echo "make rerun ARGS='...'  rerun lessons with papermill (python -m helpers.rerun --help)"
	@echo "make bench    print speed and memory figures (Voila round trips, execution times)"
	@echo "make data     rebuild data/ from ../shared/sources (maintainers only)"

## set-up: a local virtual environment with the pinned lock and the kit's package
setup: $(VENV)/.kit-installed

$(VENV)/.kit-installed: requirements-lock.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-lock.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@# JupyterLab's news pop-up covers the lesson (and screenshots)
	$(BIN)/jupyter labextension disable --level=sys_prefix "@jupyterlab/apputils-extension:announcements" >/dev/null 2>&1 || true
	@touch $@

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

test: setup system-deps
	$(BIN)/python -m pytest -p no:cacheprovider tests notebooks --nbval-lax --nbval-kernel-name python3

present: setup
	$(BIN)/python -m helpers.present --port $(VOILA_PORT)

rerun: setup
	$(BIN)/python -m helpers.rerun $(ARGS)

bench: setup system-deps
	$(BIN)/python bench/run.py

data:
	$(BIN)/python -m scripts.build_data

data-check:
	$(BIN)/python -m scripts.build_data --check

lint: setup
	$(BIN)/ruff check src tests notebooks bench scripts

strip: setup
	@# cells whose output a test checks carry "keep_output": true in their metadata
	@# --keep-count: nbval refuses a kept output whose cell has no execution count
	$(BIN)/nbstripout --keep-count notebooks/*.ipynb
