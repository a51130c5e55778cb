"""llama.cpp's own log, routed into Python logging.

llama.cpp explains load failures only in its log ("unknown model architecture: ...").
Keeping its recent error lines lets the app show the user why a load failed, without
printing llama.cpp's chatter to the terminal.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from collections import deque

import llama_cpp

log = logging.getLogger("chatapp.llama_cpp")

# ggml.h enum ggml_log_level (llama-cpp-python's own table is off by one).
_GGML_LOG_LEVEL_WARN = 3
_GGML_LOG_LEVEL_ERROR = 4
_GGML_LOG_LEVEL_CONT = 5


class _NativeLog:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.recent_problems: deque[str] = deque(maxlen=20)
        self.last_level = 0
        self.installed = False


_state = _NativeLog()


@llama_cpp.llama_log_callback  # type: ignore[untyped-decorator]
def _on_native_log(level: int, text: bytes, _user_data: ctypes.c_void_p) -> None:
    if level == _GGML_LOG_LEVEL_CONT:
        level = _state.last_level
    _state.last_level = level
    if level not in (_GGML_LOG_LEVEL_ERROR, _GGML_LOG_LEVEL_WARN):
        return
    line = text.decode("utf-8", errors="replace").strip()
    if not line:
        return
    with _state.lock:
        _state.recent_problems.append(line)
    log.log(logging.ERROR if level == _GGML_LOG_LEVEL_ERROR else logging.WARNING, "%s", line)


def install() -> None:
    """Route llama.cpp's log through ours (idempotent)."""
    if not _state.installed:
        llama_cpp.llama_log_set(_on_native_log, ctypes.c_void_p(0))
        _state.installed = True


def take_recent_problems() -> list[str]:
    """The warnings and errors llama.cpp logged since the last call."""
    with _state.lock:
        lines = list(_state.recent_problems)
        _state.recent_problems.clear()
    return lines
