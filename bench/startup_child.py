"""``python -m bench.startup_child``: ``python -m chatapp`` that reports its first paint.

The app has no first-paint hook (yet: CHATAPP_REPORT_FIRST_PAINT is proposed). This runs
the app exactly as ``python -m chatapp`` does (runpy, same argv), after wrapping
QApplication.exec so that, once the event loop starts, an event filter notes the first
paint of the main window. The time is written (time.monotonic, a system-wide clock) when
that paint pass has completed. Optionally it also notes when a model finished loading.

Environment: BENCH_FIRST_PAINT_FILE (required), BENCH_MODEL_LOADED_FILE (optional).
"""

from __future__ import annotations

import os
import runpy
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

_paint_file = Path(os.environ["BENCH_FIRST_PAINT_FILE"])
_loaded_file = os.environ.get("BENCH_MODEL_LOADED_FILE")
_original_exec = QApplication.exec


def _write(path: Path, value: float) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text(repr(value))
    partial.replace(path)


class _FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self._seen and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and isinstance(watched.window(), QMainWindow)):
            self._seen = True
            QTimer.singleShot(0, self._painted)  # after this paint pass has completed
            if _loaded_file:
                self._watch_model(watched.window())
        return False

    def _painted(self) -> None:
        _write(_paint_file, time.monotonic())
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for window in QApplication.topLevelWidgets():
            window.removeEventFilter(self)

    def _watch_model(self, window: QWidget) -> None:
        assert _loaded_file is not None
        loaded = Path(_loaded_file)
        session = getattr(window, "session", None)
        signal = getattr(session, "model_changed", None)
        if signal is None:
            raise SystemExit("bench.startup_child: the main window has no session")

        def changed(summary: object) -> None:
            if summary is not None:  # a model is loaded
                _write(loaded, time.monotonic())

        signal.connect(changed)


_filter = _FirstPaint()


def _exec_with_probe() -> int:
    # The window exists once the event loop starts; nothing has been painted yet. Only
    # its own events are filtered (the first paint pass paints it, then its children).
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)]
    for window in windows:
        window.installEventFilter(_filter)
    app = QApplication.instance()
    if not windows and app is not None:
        app.installEventFilter(_filter)
    return int(_original_exec())


QApplication.exec = staticmethod(_exec_with_probe)  # type: ignore[method-assign]
sys.argv = [sys.argv[0]]
runpy.run_module("chatapp", run_name="__main__", alter_sys=True)
