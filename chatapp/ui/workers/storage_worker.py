"""Disk work off the UI thread: the history database, settings, the models folder.

One worker thread owns one HistoryStore connection (SQLite wants one per thread) and
runs jobs in the order they were submitted, so "rename, then list" sees the rename.
The UI submits a job with a callback; the result comes back on the UI thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

from chatapp.history.store import HistoryError, HistoryStore

log = logging.getLogger(__name__)

T = TypeVar("T")
Job = Callable[[HistoryStore], Any]


class _StorageWorker(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)
    opened = Signal(int)  # how many interrupted replies were recovered
    open_failed = Signal(str)

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self._db_path = db_path
        self._store: HistoryStore | None = None

    @Slot()
    def open(self) -> None:
        try:
            self._store = HistoryStore(self._db_path)
            recovered = self._store.recover_interrupted()
        except HistoryError as error:
            log.error("Cannot open history %s: %s", self._db_path, error)
            self.open_failed.emit(error.user_message)
            return
        self.opened.emit(recovered)

    @Slot(int, object)
    def run(self, job_id: int, job: Job) -> None:
        if self._store is None:
            self.failed.emit(job_id, "The chat history is not available.")
            return
        try:
            result = job(self._store)
        except HistoryError as error:
            self.failed.emit(job_id, error.user_message)
        except OSError as error:
            self.failed.emit(job_id, f"A file could not be read or written: {error}")
        else:
            self.done.emit(job_id, result)

    @Slot()
    def close(self) -> None:
        """Runs after every job queued before it; then ends the thread's event loop."""
        if self._store is not None:
            self._store.close()
            self._store = None
        thread = self.thread()
        if thread is not None:
            thread.quit()


class StorageController(QObject):
    """The UI's handle on the storage thread."""

    _submit = Signal(int, object)
    _open = Signal()
    _close = Signal()
    opened = Signal(int)
    open_failed = Signal(str)
    error = Signal(str)  # a job without its own error handler failed

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("storage")
        self._worker = _StorageWorker(db_path)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._open.connect(self._worker.open)
        self._close.connect(self._worker.close)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.opened.connect(self.opened)
        self._worker.open_failed.connect(self.open_failed)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None],
                                         Callable[[str], None] | None]] = {}
        self._thread.start()
        self._open.emit()

    def submit(self, job: Callable[[HistoryStore], T], on_done: Callable[[T], None],
               on_error: Callable[[str], None] | None = None) -> None:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._submit.emit(job_id, job)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(job_id, (None, None))
        if on_done is not None:
            on_done(result)

    @Slot(int, str)
    def _on_failed(self, job_id: int, message: str) -> None:
        _, on_error = self._callbacks.pop(job_id, (None, None))
        if on_error is not None:
            on_error(message)
        else:
            self.error.emit(message)

    def shutdown(self) -> None:
        """Finish queued jobs, close the database, stop the thread."""
        if self._thread.isRunning():
            self._close.emit()
            self._thread.wait()
