"""Highlighting code blocks on a thread of their own, so the UI thread never waits for it.

A code block shows its code as plain text at once and asks for the highlighted version;
the answer replaces it when it comes. A long block (thousands of lines) costs Pygments
seconds; here that only delays the colours. Pygments is pure Python, so the UI thread
still shares the interpreter with it, but in slices of a few milliseconds.
"""

from __future__ import annotations

import functools
import itertools
import logging
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from chatapp.rendering.code_highlight import highlight_html

log = logging.getLogger(__name__)


class Highlighter(QObject):
    _done = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self._ids = itertools.count(1)
        self._callbacks: dict[int, Callable[[str], None]] = {}
        self._queue: queue.SimpleQueue[tuple[int, str, str, bool]] = queue.SimpleQueue()
        self._done.connect(self._deliver)
        threading.Thread(target=self._serve, name="highlighter", daemon=True).start()

    def request(self, code: str, language: str, dark: bool,
                done: Callable[[str], None]) -> Callable[[], None]:
        """Ask for ``code``'s HTML; ``done`` runs on the UI thread. Returns a cancel."""
        request_id = next(self._ids)
        self._callbacks[request_id] = done
        self._queue.put((request_id, code, language, dark))
        return lambda: self._callbacks.pop(request_id, None) and None

    def _serve(self) -> None:
        while True:
            request_id, code, language, dark = self._queue.get()
            try:
                html = highlight_html(code, language, dark)
            except Exception:  # a lexer's bug must not end highlighting for good
                log.exception("Highlighting a %s block failed", language or "code")
                continue
            self._done.emit(request_id, html)

    @Slot(int, str)
    def _deliver(self, request_id: int, html: str) -> None:
        done = self._callbacks.pop(request_id, None)
        if done is not None:
            done(html)


@functools.cache
def highlighter() -> Highlighter:
    """The app's one highlighter (made on first use, on the UI thread)."""
    return Highlighter()
