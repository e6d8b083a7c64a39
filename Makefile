# IA Santé — every command a learner, an instructor or CI needs.
#   make lab      open the course in JupyterLab
#   make book     build the HTML book into _build/html (executes every notebook)
#   make test     check everything (what CI runs)
#   make student  write learner versions into _build/student
#   make clean    remove the environment and everything built
# Each target installs what it needs by itself (a virtual environment in .venv).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NOTEBOOKS := $(sort $(wildcard module*/*.ipynb))
OFFLINE := scripts/offline
ASSETS := book/_offline/.stamp

.PHONY: help install lab book test student lint clean browser-deps offline-assets datapage lock

help:
	@sed -n '2,7p' Makefile

# --------------------------------------------------------------- environment
install: $(STAMP)

$(STAMP): pyproject.toml requirements-lock.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 ou plus récent est nécessaire (PYTHON=python3.11 make ...).")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements-lock.txt -e ".[test]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (IA Santé)" > /dev/null
	@# offline classrooms: no pop-up asking to fetch Jupyter news from the internet
	$(BIN)/jupyter labextension disable --level=sys_prefix "@jupyterlab/apputils-extension:announcements" > /dev/null 2>&1
	touch $(STAMP)

# MathJax, which pages would otherwise fetch from a CDN, vendored from npm so
# that the built book reads offline.
offline-assets: $(ASSETS)

$(ASSETS): book/vendor/package.json book/vendor/package-lock.json
	cd book/vendor && npm ci --no-audit --no-fund --loglevel=error
	rm -rf book/_offline && mkdir -p book/_offline
	cp -r book/vendor/node_modules/mathjax/es5 book/_offline/mathjax
	touch $(ASSETS)

# ----------------------------------------------------------------- learners
lab: install
	$(BIN)/jupyter lab --notebook-dir=.

# Existing learner notebooks (with answers) are never overwritten.
student: install
	$(BIN)/python -m iasante.student _build/student $(NOTEBOOKS)

# --------------------------------------------------------------------- book
datapage: install
	$(BIN)/python -m iasante.datasets > book/donnees.md

book: install offline-assets datapage
	@start=$$(date +%s); \
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(OFFLINE) $(BIN)/jupyter-book build . -W -n --keep-going; status=$$?; \
	echo "Construction du livre : $$(( $$(date +%s) - start )) s"; exit $$status

# --------------------------------------------------------------------- tests
browser-deps:
	@command -v chromium > /dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null; \
	  else echo "Chromium est nécessaire pour les tests du site : installez le paquet « chromium »."; exit 1; fi; }

lint: install
	$(BIN)/ruff check src tests scripts conftest.py $(NOTEBOOKS)

test: install offline-assets browser-deps
	$(BIN)/python scripts/run_tests.py

# Keeps _build/student: the learners' notebooks may hold their answers.
clean:
	rm -rf $(VENV) book/_offline book/vendor/node_modules .pytest_cache
	find _build -mindepth 1 -maxdepth 1 ! -name student -exec rm -rf {} + 2>/dev/null || true

# Regenerate requirements-lock.txt after changing a pin in pyproject.toml
# (installs without the old lock as constraints, then freezes the result).
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	(sed -n '1,2p' requirements-lock.txt; $(BIN)/pip freeze --exclude-editable | grep -v '^iasante') > requirements-lock.tmp
	mv requirements-lock.tmp requirements-lock.txt
	touch $(STAMP)
