# Two commands do all the set-up on a fresh machine with only python3:
#   make run    create .venv if missing, install, open the window on the default store
#   make test   same bootstrap, then the whole suite offscreen
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench smoke clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml setup.py
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/desk-app gui

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

smoke: $(STAMP)
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python tests/smoke_window.py

clean:
	rm -rf $(VENV) build dist *.egg-info
