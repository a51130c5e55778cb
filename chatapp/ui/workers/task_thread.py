"""A thread that runs submitted jobs in order and hands each result back to the UI thread.

The UI calls ``submit(job, on_done, on_error)``; the job runs on the worker thread; the
callback runs on the UI thread. Jobs raise exceptions with a ``user_message`` attribute
for errors the user should read; anything else is a bug, logged and reported plainly.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Runner(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, context: Callable[[], Any]) -> None:
        super().__init__()
        self._context = context

    @Slot(int, object)
    def run(self, job_id: int, job: Callable[[Any], Any]) -> None:
        try:
            result = job(self._context())
        except Exception as error:  # every failure must reach the UI
            message = getattr(error, "user_message", None)
            if not isinstance(message, str):
                log.exception("Background job failed")
                message = f"Something went wrong: {error}"
            self.failed.emit(job_id, message)
        else:
            self.done.emit(job_id, result)

    @Slot(object)
    def finish(self, cleanup: Callable[[], None]) -> None:
        """Runs after every job queued before it; then ends the thread's event loop."""
        cleanup()
        thread = self.thread()
        if thread is not None:
            thread.quit()


class TaskThread(QObject):
    """Jobs receive ``context()`` (built on the worker thread) as their one argument."""

    _submit = Signal(int, object)
    _finish = Signal(object)
    error = Signal(str)  # a job without its own error handler failed

    def __init__(self, name: str, context: Callable[[], Any] = lambda: None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._runner = _Runner(context)
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._finish.connect(self._runner.finish)
        self._runner.done.connect(self._on_done)
        self._runner.failed.connect(self._on_failed)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None],
                                         Callable[[str], None] | None]] = {}
        self._thread.start()

    def submit(self, job: Callable[[Any], T], on_done: Callable[[T], None],
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

    def shutdown(self, cleanup: Callable[[], None] = lambda: None) -> None:
        """Finish queued jobs, run ``cleanup`` on the worker thread, stop the thread."""
        if self._thread.isRunning():
            self._finish.emit(cleanup)
            self._thread.wait()
