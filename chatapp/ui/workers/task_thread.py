"""A thread that runs submitted jobs in order and hands each result back to the UI thread.

The UI calls ``submit(job, on_done, on_error)``; the job runs on the worker thread; the
callback runs on the UI thread. A failure crosses back as the exception object, always a
:class:`~chatapp.errors.UserFacingError`, so the UI can act on its kind:

* an error the user must read (a ``UserFacingError`` the job raised) is logged at INFO
  with its detail and handed on as it is;
* anything else is a bug: logged with its traceback at ERROR and handed on wrapped in an
  :class:`~chatapp.errors.InternalError` (its ``__cause__`` is the original).

A job without an ``on_error`` reports through the ``failed`` signal.

Shutdown (at quit) has a deadline. ``request_stop`` lets the job that is running finish
and then either runs the jobs already queued (``drain``: writes must land) or drops them
(searches nobody will see); ``wait_stopped`` waits until the deadline and, if the thread
is still busy (a keyring that never answers, a hub retrying), abandons it: it is kept
alive (see workers.abandoned) and the process ends without waiting for it.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QDeadlineTimer, QObject, QThread, Signal, Slot

from chatapp.errors import UserFacingError, internal_error
from chatapp.ui.workers import abandoned

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Runner(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)  # job id, UserFacingError

    def __init__(self, name: str, context: Callable[[], Any]) -> None:
        super().__init__()
        self._name = name
        self._context = context
        self.dropping = False  # set from the UI thread at shutdown; read here

    @Slot(int, object, bool)
    def run(self, job_id: int, job: Callable[[Any], Any], with_context: bool) -> None:
        if self.dropping:
            return
        try:
            result = job(self._context() if with_context else None)
        except UserFacingError as error:
            log.info("%s job failed: %s (%s)", self._name, error.user_message, error.detail)
            self.failed.emit(job_id, error)
        except Exception as error:  # a bug; the UI must still hear of it
            log.exception("Unexpected failure in a %s job", self._name)
            self.failed.emit(job_id, internal_error(error))
        else:
            self.done.emit(job_id, result)

    @Slot(object)
    def finish(self, cleanup: Callable[[], None]) -> None:
        """Runs after every job queued before it; then ends the thread's event loop."""
        try:
            cleanup()
        except Exception:
            log.exception("Cleaning up the %s thread failed", self._name)
        thread = self.thread()
        if thread is not None:
            thread.quit()


class TaskThread(QObject):
    """Jobs receive ``context()`` (built on the worker thread) as their one argument."""

    _submit = Signal(int, object, bool)
    _finish = Signal(object)
    failed = Signal(object)  # UserFacingError of a job that has no on_error

    def __init__(self, name: str, context: Callable[[], Any] = lambda: None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._runner = _Runner(name, context)
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._finish.connect(self._runner.finish)
        self._runner.done.connect(self._on_done)
        self._runner.failed.connect(self._on_failed)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None],
                                         Callable[[UserFacingError], None] | None]] = {}
        self._stopping = False
        self._thread.start()

    def submit(self, job: Callable[[Any], T], on_done: Callable[[T], None],
               on_error: Callable[[UserFacingError], None] | None = None, *,
               with_context: bool = True) -> None:
        """Queue ``job``; it receives ``context()``, or None without ``with_context`` (a
        job that must run even when the context cannot be made, e.g. to repair it)."""
        if self._stopping:
            log.debug("%s is shutting down; a job was not run", self.name)
            return
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._submit.emit(job_id, job, with_context)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(job_id, (None, None))
        if on_done is not None:
            on_done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: UserFacingError) -> None:
        _, on_error = self._callbacks.pop(job_id, (None, None))
        if on_error is not None:
            on_error(error)
        else:
            self.failed.emit(error)

    # -- shutdown --------------------------------------------------------------------------

    def request_stop(self, *, drain: bool, cleanup: Callable[[], None] = lambda: None) -> None:
        """Stop taking jobs; after the running one, run (drain) or drop the queued ones,
        then ``cleanup`` on the worker thread, then end the thread."""
        if self._stopping:
            return
        self._stopping = True
        self._runner.dropping = not drain
        self._callbacks.clear()  # nothing may call back into a window that is closing
        if self._thread.isRunning():
            self._finish.emit(cleanup)

    def wait_stopped(self, deadline: float) -> bool:
        """Wait until ``deadline`` (time.monotonic()); abandon the thread if it is busy."""
        remaining_ms = max(0, int((deadline - time.monotonic()) * 1000))
        if self._thread.wait(QDeadlineTimer(remaining_ms)):
            return True
        log.warning("The %s thread is still busy at quit; it is abandoned", self.name)
        abandoned.keep(self._thread, self._runner)
        return False

    def shutdown(self, deadline: float, *, drain: bool = True,
                 cleanup: Callable[[], None] = lambda: None) -> bool:
        self.request_stop(drain=drain, cleanup=cleanup)
        return self.wait_stopped(deadline)
