"""The history thread: every read and write of the chat history, in order.

One thread owns one HistoryStore connection (SQLite wants one per thread) and runs jobs
in the order they were submitted, so "rename, then list" sees the rename. Only history
work runs here (bulk file work has the files thread), so opening or creating a chat
never waits behind a copy. At quit it drains: queued writes land.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from chatapp.errors import UserFacingError
from chatapp.history.store import HistoryStore, quarantine_damaged
from chatapp.ui.workers.task_thread import TaskThread


class HistoryThread(TaskThread):
    """Jobs receive the thread's HistoryStore, opened on first use (an error opening it,
    such as HistoryDamagedError, fails the job)."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        self.db_path = db_path
        self._store: HistoryStore | None = None
        super().__init__("history", self._opened, parent)

    def _opened(self) -> HistoryStore:  # on the worker thread
        if self._store is None:
            self._store = HistoryStore(self.db_path)
        return self._store

    def _close(self) -> None:  # on the worker thread
        if self._store is not None:
            self._store.close()
            self._store = None

    def start_fresh(self, on_done: Callable[[Path], None],
                    on_error: Callable[[UserFacingError], None]) -> None:
        """Move a damaged history aside (never delete it) and open a new, empty one;
        ``on_done`` receives where the old file went."""
        def job(_none: None) -> Path:
            self._close()
            moved = quarantine_damaged(self.db_path)
            self._opened()
            return moved

        self.submit(job, on_done, on_error, with_context=False)

    def request_stop(self, *, drain: bool = True,
                     cleanup: Callable[[], None] = lambda: None) -> None:
        def close() -> None:
            self._close()
            cleanup()

        super().request_stop(drain=drain, cleanup=close)
