"""No exception is silently lost: one that reaches the event loop is logged and shown.

PySide6 hands an exception raised in a slot or an event handler to ``sys.excepthook``
and carries on; a worker thread's uncaught exception goes to ``threading.excepthook``.
Both are replaced so the traceback lands in the log and the window's banner says that
something went wrong (and that the details are in the log).
"""

from __future__ import annotations

import functools
import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from chatapp.errors import internal_error

log = logging.getLogger(__name__)


class ExceptionRelay(QObject):
    raised = Signal(str)  # what the user reads


@functools.cache
def exception_relay() -> ExceptionRelay:
    """The relay the window listens to (made on first use, which is on the UI thread)."""
    return ExceptionRelay()


def report_exception(kind: type[BaseException], error: BaseException,
                     traceback: TracebackType | None, where: str = "the app") -> None:
    log.error("Unexpected error in %s", where, exc_info=(kind, error, traceback))
    exception_relay().raised.emit(internal_error(error).user_message)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else "a thread"
    report_exception(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")


def install_exception_hook() -> None:
    exception_relay()
    sys.excepthook = report_exception
    threading.excepthook = _thread_hook
