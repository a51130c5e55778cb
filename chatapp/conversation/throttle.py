"""Passing streamed text on at a bounded rate, and never holding it back for long.

A model writes a token every few milliseconds; each one does not need its own database
write or its own repaint. :class:`Throttle` collects what is pushed and hands it on
at most once per interval, on a thread of its own: the first piece at once, later ones
as soon as the interval since the last delivery has passed. The delivery does not wait
for the next token, so text that arrived goes on within one interval even when the
model stalls (a long prompt batch, a slow disk) and the pushing thread is busy in
native code.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Throttle"]

log = logging.getLogger(__name__)

T = TypeVar("T")


class Throttle(Generic[T]):
    """``deliver(items)`` runs on the throttle's thread with everything pushed since the
    last delivery, in order. ``close()`` delivers what is left and ends the thread; an
    exception raised by ``deliver`` stops deliveries and is raised again by ``close()``
    (and is visible as :attr:`failure` meanwhile)."""

    def __init__(self, deliver: Callable[[list[T]], None], interval_s: float, *,
                 name: str = "throttle", on_exit: Callable[[], None] | None = None) -> None:
        self._deliver = deliver
        self._interval = interval_s
        self._on_exit = on_exit
        self._pending: list[T] = []
        self._closing = False
        self._keep_rest = False
        self._last = -math.inf
        self._cond = threading.Condition()
        self.failure: BaseException | None = None
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()

    def push(self, item: T) -> None:
        """From any thread; cheap (no delivery happens on the caller's thread)."""
        with self._cond:
            if self._closing:
                raise RuntimeError("the throttle is closed")
            self._pending.append(item)
            if len(self._pending) == 1:
                self._cond.notify()

    def close(self, rest_here: Callable[[list[T]], None] | None = None) -> None:
        """Stop the thread and wait for it; what is still pending is delivered, by the
        thread, or with ``rest_here`` on the caller's thread (so it comes before whatever
        the caller does next, e.g. announcing the end of the reply)."""
        with self._cond:
            self._closing = True
            self._keep_rest = rest_here is not None
            self._cond.notify()
        self._thread.join()
        if self.failure is not None:
            raise self.failure
        rest = list(self._pending)
        self._pending.clear()
        if rest and rest_here is not None:
            rest_here(rest)

    def _serve(self) -> None:
        try:
            while True:
                with self._cond:
                    while not self._pending and not self._closing:
                        self._cond.wait()
                    while not self._closing:
                        delay = self._last + self._interval - time.monotonic()
                        if delay <= 0:
                            break
                        self._cond.wait(delay)
                    closing = self._closing
                    if closing and self._keep_rest:
                        return  # close() hands the rest to its caller
                    items = list(self._pending)
                    self._pending.clear()
                if items and self.failure is None:
                    try:
                        self._deliver(items)
                    except BaseException as error:  # noqa: BLE001 - handed to close()
                        self.failure = error
                self._last = time.monotonic()
                if closing:
                    return
        finally:
            if self._on_exit is not None:
                try:
                    self._on_exit()
                except Exception:
                    log.exception("A throttle's exit handler failed")
