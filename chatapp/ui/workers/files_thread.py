"""The files thread: bulk file work off the UI thread and apart from the history.

Copies and imports of model files, the starter model's install, deletes, header scans
of the models folder, the catalog, and the settings file. Jobs receive a cancel event
that long jobs (copies) check as they go; at quit it is set, so a multi-GB copy stops
at once (its temporary file removed), and the jobs still queued are dropped, except
the writes that must land (:meth:`FilesThread.submit_must_land`: the settings).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject

from chatapp.errors import UserFacingError
from chatapp.ui.workers.task_thread import TaskThread


class FilesThread(TaskThread):
    def __init__(self, parent: QObject | None = None) -> None:
        self.cancel = threading.Event()
        self._must_land: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        super().__init__("files", lambda: self.cancel, parent)

    def submit_must_land(self, job: Callable[[], None],
                         on_error: Callable[[UserFacingError], None] | None = None) -> None:
        """A small write that must happen even if the app quits before its turn comes
        (queued jobs are dropped at quit; these run in the thread's final cleanup)."""
        with self._lock:
            self._must_land.append(job)

        def run(_cancel: threading.Event) -> None:
            with self._lock:
                if job not in self._must_land:
                    return
                self._must_land.remove(job)
            job()

        self.submit(run, lambda _none: None, on_error)

    def request_stop(self, *, drain: bool = False,
                     cleanup: Callable[[], None] = lambda: None) -> None:
        self.cancel.set()  # a copy in progress stops now

        def finish() -> None:
            with self._lock:
                pending, self._must_land = self._must_land, []
            for job in pending:
                job()
            cleanup()

        super().request_stop(drain=drain, cleanup=finish)
