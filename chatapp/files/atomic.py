"""Writing the app's small files (settings, registries, caches, queues) so none is lost.

A file is replaced, never rewritten in place: the new content goes to a temporary file in
the same folder, is synced to the disk, and is renamed over the old one, and then the
folder itself is synced so the rename survives a power cut too. A crash or a full disk
leaves the old file or the new one, never half of one, and the temporary file never
outlives an error. Files are private to the user (0600).

A file that cannot be parsed any more is not silently replaced: :func:`keep_aside` moves
it to a dated name next to it, so whatever it held can still be recovered.
"""

from __future__ import annotations

import json
import mmap
import os
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime
from pathlib import Path

__all__ = ["keep_aside", "write_atomic", "write_json_atomic"]


# What a file can be written from: bytes, or large buffers written one after the other
# (joining them first would copy a large one while holding the GIL).
Data = bytes | bytearray | memoryview | mmap.mmap


def write_atomic(path: Path, data: Data | Sequence[Data], *, mode: int = 0o600) -> None:
    """Replace ``path`` by a file holding ``data``, or its parts in order (see the module
    docs)."""
    parts = [data] if isinstance(data, Data) else data
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            for part in parts:
                handle.write(part)
            handle.flush()
            os.fsync(handle.fileno())
        if mode != 0o600:  # mkstemp makes the file 0600
            tmp.chmod(mode)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    sync_folder(folder)


def write_json_atomic(path: Path, value: object, *, mode: int = 0o600) -> None:
    """``value`` as JSON; serialized before any file is touched, so a value JSON cannot
    hold (a programming error) raises without leaving anything behind."""
    data = json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False).encode("utf-8")
    write_atomic(path, data + b"\n", mode=mode)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def keep_aside(path: Path, reason: str = "damaged") -> Path:
    """Move an unreadable file to ``<name>.<reason>-YYYYmmdd-HHMMSS`` and return that path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{counter}")
    path.rename(target)
    return target
