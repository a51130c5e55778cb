"""An exclusive lock held by one process, released by the OS when that process ends.

Used so two chatapp processes never write the same thing at once (a download's partial
file; the whole app's data folder). The lock is an OS file lock (``flock`` on POSIX,
``msvcrt.locking`` on Windows) on a small file: when the process dies, however it dies,
the OS drops the lock, so a crash never leaves a stale lock behind. The file itself may
stay; its existence means nothing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["ProcessLock"]


class ProcessLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False if another process (or handle) holds it."""
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        os.close(self._fd)  # closing releases the lock
        self._fd = None
        # The file stays: unlinking it here would let two processes lock two different
        # files of the same name.
