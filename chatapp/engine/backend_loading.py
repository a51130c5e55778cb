"""llama.cpp's compute backends, loaded before the first model.

A build of llama.cpp for one machine (``GGML_NATIVE``, what ``make run`` compiles) links
its CPU backend in: nothing to load. A build for other people's machines (the
installers) uses ``GGML_BACKEND_DL`` with ``GGML_CPU_ALL_VARIANTS``: the CPU backend is
one shared library per instruction-set level (``libggml-cpu-haswell.so``,
``libggml-cpu-skylakex.so``, ...) and the process must load the best one its CPU can run
before llama.cpp can load a model. llama-cpp-python 0.3.36 does not do that, so this
module does, once per process, with ggml's own chooser (``ggml_backend_load_all_from_path``:
each variant reports a score for this CPU, the highest wins).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
from pathlib import Path

from chatapp.engine import native_log
from chatapp.engine.errors import EngineError
from chatapp.i18n import translate

log = logging.getLogger(__name__)

BUILT_IN = "built-in"  # the CPU backend is linked into ggml: a native (developer) build


class _Feature(ctypes.Structure):
    # ggml-backend.h: struct ggml_backend_feature { const char * name; const char * value; }
    _fields_ = (("name", ctypes.c_char_p), ("value", ctypes.c_char_p))


_GetFeatures = ctypes.CFUNCTYPE(ctypes.POINTER(_Feature), ctypes.c_void_p)



class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.chosen: str | None = None


_state = _State()


def ensure_backends_loaded() -> str:
    """Load llama.cpp's CPU backend if the build needs it; return its variant's name.

    Idempotent and thread-safe. The name is the variant's tag (``haswell``, ``x64``, ...),
    or ``built-in`` for a build that links its CPU backend. Raises EngineError if a
    build with loadable backends finds none this CPU can run.
    """
    with _state.lock:
        if _state.chosen is not None:
            return _state.chosen
        # Route ggml's log first, so loading prints nothing on the terminal.
        native_log.install()
        ggml = _ggml()
        if ggml.ggml_backend_reg_count() > 0:
            chosen = BUILT_IN
        else:
            lib_dir = library_dir()
            ggml.ggml_backend_load_all_from_path(str(lib_dir).encode())
            variant = _loaded_cpu_variant(lib_dir)
            if variant is None:
                raise EngineError(
                    translate("Engine", "The engine found no CPU backend that runs on this "
                              "computer's processor in {folder}. Reinstall chatapp.").format(
                                  folder=lib_dir),
                    detail="; ".join(native_log.take_recent_problems()))
            chosen = variant
        log.info("llama.cpp CPU backend: %s (%s)", chosen, " ".join(_cpu_features(ggml)))
        _state.chosen = chosen
        return chosen


def loaded_cpu_backend() -> str | None:
    """The variant ensure_backends_loaded chose in this process, if it ran."""
    return _state.chosen


def library_dir() -> Path:
    """Where llama-cpp-python loads libllama from (its own rule, including the override)."""
    override = os.environ.get("LLAMA_CPP_LIB_PATH")
    if override:
        return Path(override)
    import llama_cpp

    return Path(llama_cpp.__file__).resolve().parent / "lib"


def _ggml() -> ctypes.CDLL:
    """ggml exactly as libllama uses it: a second copy would have an empty registry.

    A wheel stores libggml.so, libggml.so.0 and libggml.so.0.x as three separate files,
    so opening "libggml.so" by path could map a second ggml. On POSIX, looking symbols up
    through libllama's own handle searches the libraries it was linked with; on Windows
    a DLL of the same name in the same folder is the module already loaded.
    """
    from llama_cpp import llama_cpp as bindings

    library: ctypes.CDLL
    if sys.platform == "win32":
        library = ctypes.CDLL(str(library_dir() / "ggml.dll"))
    else:
        library = bindings._lib  # the CDLL of libllama that llama-cpp-python opened
    library.ggml_backend_reg_count.restype = ctypes.c_size_t
    library.ggml_backend_reg_count.argtypes = []
    library.ggml_backend_load_all_from_path.restype = None
    library.ggml_backend_load_all_from_path.argtypes = [ctypes.c_char_p]
    library.ggml_backend_reg_get.restype = ctypes.c_void_p
    library.ggml_backend_reg_get.argtypes = [ctypes.c_size_t]
    library.ggml_backend_reg_name.restype = ctypes.c_char_p
    library.ggml_backend_reg_name.argtypes = [ctypes.c_void_p]
    library.ggml_backend_reg_get_proc_address.restype = ctypes.c_void_p
    library.ggml_backend_reg_get_proc_address.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    return library


def _variant_files(lib_dir: Path) -> list[Path]:
    prefix, suffix = ("ggml-cpu-", ".dll") if sys.platform == "win32" else \
        ("libggml-cpu-", ".so")
    return sorted(p for p in lib_dir.glob(f"{prefix}*{suffix}") if p.is_file())


def _loaded_cpu_variant(lib_dir: Path) -> str | None:
    """Which variant file ggml kept: the only one still mapped into the process.

    ggml opens every variant to ask its score, closes them, then loads the best.
    """
    prefix = "ggml-cpu-" if sys.platform == "win32" else "libggml-cpu-"
    for path in _variant_files(lib_dir):
        if _is_loaded(path):
            return path.stem.removeprefix(prefix)
    return None


def _is_loaded(path: Path) -> bool:
    if sys.platform == "win32":
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.GetModuleHandleW.restype = ctypes.c_void_p
        kernel32.GetModuleHandleW.argtypes = [ctypes.c_wchar_p]
        return bool(kernel32.GetModuleHandleW(str(path)))
    try:
        # RTLD_NOLOAD: a handle only if the library is already in the process.
        ctypes.CDLL(str(path), mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
    except OSError:
        return False
    return True


def _cpu_features(ggml: ctypes.CDLL) -> list[str]:
    """The instruction sets the CPU backend in use was compiled for (ggml's own list)."""
    for index in range(ggml.ggml_backend_reg_count()):
        reg = ggml.ggml_backend_reg_get(index)
        if ggml.ggml_backend_reg_name(reg) != b"CPU":
            continue
        address = ggml.ggml_backend_reg_get_proc_address(reg, b"ggml_backend_get_features")
        if not address:
            return []
        features = _GetFeatures(address)(reg)
        names: list[str] = []
        i = 0
        while features[i].name is not None:
            names.append(features[i].name.decode())
            i += 1
        return names
    return []
