"""The Qt binding itself: the app streams every token across threads with signals."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QThread, Signal, Slot
from pytestqt.qtbot import QtBot

EMISSIONS = 2000


class _Emitter(QObject):
    piece = Signal(str)
    done = Signal()

    @Slot()
    def run(self) -> None:
        for _ in range(EMISSIONS):
            self.piece.emit("token")
        self.done.emit()


class _Start(QObject):
    go = Signal()


def test_cross_thread_signals_keep_reference_counts(qtbot: QtBot) -> None:
    # PySide6 6.12.0 released a reference to True with every queued emission; after
    # a few thousand tokens the interpreter aborted ("bool_dealloc").
    received: list[str] = []
    thread = QThread()
    emitter = _Emitter()
    emitter.moveToThread(thread)
    emitter.piece.connect(received.append)
    start = _Start()
    start.go.connect(emitter.run)
    thread.start()
    before_true, before_false = sys.getrefcount(True), sys.getrefcount(False)
    with qtbot.waitSignal(emitter.done, timeout=30_000):
        start.go.emit()
    qtbot.waitUntil(lambda: len(received) == EMISSIONS)
    thread.quit()
    thread.wait()
    # Other code may hold a few more or fewer references meanwhile, never one per emit.
    assert abs(sys.getrefcount(True) - before_true) < EMISSIONS // 10
    assert abs(sys.getrefcount(False) - before_false) < EMISSIONS // 10
