"""Worker threads given up at quit because they did not finish in time.

Quitting never waits more than a moment: a keyring call that never answers or a hub
request that retries must not hold the window open. Such a thread is abandoned, but Qt
aborts the process if a running QThread object is destroyed, so its objects are kept
here until it ends (each one ends by itself once its current job returns), and the app
ends the process without waiting for them (see ui.application.run_gui). Nothing they
still do can damage the history: every write to it is a transaction.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread

_kept: list[tuple[QThread, tuple[QObject, ...]]] = []
_lock = threading.Lock()


def keep(thread: QThread, *objects: QObject) -> None:
    with _lock:
        _kept.append((thread, objects))


def still_running() -> list[str]:
    """The names of abandoned threads that have not ended yet; forgets the ended ones."""
    with _lock:
        _kept[:] = [(t, o) for t, o in _kept if t.isRunning()]
        return [t.objectName() for t, _ in _kept]


def wait_all(timeout_s: float) -> bool:
    """Wait for every abandoned thread to end (tests, before the interpreter exits)."""
    with _lock:
        threads = [t for t, _ in _kept]
    for thread in threads:
        if not thread.wait(int(timeout_s * 1000)):
            return False
    still_running()
    return True
