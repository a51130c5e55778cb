"""Copying large files (models of many GB) so that the copy can be stopped at any moment."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from chatapp.errors import UserFacingError
from chatapp.i18n import translate

__all__ = ["CopyCancelledError", "copy_file"]

_CHUNK = 8 * 1024 * 1024


class CopyCancelledError(UserFacingError):
    def __init__(self, name: str) -> None:
        super().__init__(translate("FileCopy", "Copying {name} was stopped.").format(
            name=name))


def copy_file(source: Path, target: Path, cancel: threading.Event | None = None) -> str:
    """Copy ``source`` to ``target`` (created or truncated), synced; returns the SHA-256
    of what was copied, computed on the way. Raises CopyCancelledError when ``cancel``
    is set; the caller removes the partial target."""
    digest = hashlib.sha256()
    with source.open("rb") as reader, target.open("wb") as writer:
        while block := reader.read(_CHUNK):
            if cancel is not None and cancel.is_set():
                raise CopyCancelledError(source.name)
            digest.update(block)
            writer.write(block)
        writer.flush()
        os.fsync(writer.fileno())
    return digest.hexdigest()
