"""Disk work off the UI thread: the history database, settings, the models folder.

One thread owns one HistoryStore connection (SQLite wants one per thread) and runs jobs
in the order they were submitted, so "rename, then list" sees the rename.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from chatapp.history.store import HistoryStore
from chatapp.ui.workers.task_thread import TaskThread


class StorageController(TaskThread):
    """Jobs receive the thread's HistoryStore."""

    opened = Signal(int)  # how many interrupted replies were recovered
    open_failed = Signal(str)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        self._stores: list[HistoryStore] = []

        def store() -> HistoryStore:
            # Opened on the worker thread, on first use.
            if not self._stores:
                self._stores.append(HistoryStore(db_path))
            return self._stores[0]

        super().__init__("storage", store, parent)
        self.submit(lambda s: s.recover_interrupted(), self.opened.emit, self.open_failed.emit)

    def shutdown(self, cleanup: Callable[[], None] = lambda: None) -> None:
        def close() -> None:
            for opened in self._stores:
                opened.close()
            self._stores.clear()
            cleanup()

        super().shutdown(close)
