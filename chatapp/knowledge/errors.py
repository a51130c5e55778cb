"""Errors of the local documents index; each ``user_message`` can be shown as it is."""

from __future__ import annotations

from pathlib import Path

from chatapp.errors import UserFacingError

__all__ = [
    "CollectionNotFoundError",
    "IndexBusyError",
    "IndexDamagedError",
    "IndexDiskFullError",
    "IndexTooNewError",
    "KnowledgeError",
    "KnowledgeValueError",
]


class KnowledgeError(UserFacingError):
    """Something went wrong with the index of local documents."""


class CollectionNotFoundError(KnowledgeError, KeyError):
    """The collection does not exist (any more)."""


class KnowledgeValueError(KnowledgeError, ValueError):
    """An argument was rejected (an empty name, a vector of the wrong length ...)."""


class IndexDamagedError(KnowledgeError):
    """The index file is damaged. It holds only what can be read again from the folders,
    so :meth:`KnowledgeIndex.rebuild` moves it aside and starts a new one."""

    def __init__(self, user_message: str, *, path: Path, detail: str | None = None) -> None:
        super().__init__(user_message, detail)
        self.path = path


class IndexDiskFullError(KnowledgeError):
    """The disk is full; the write that failed left nothing half-written."""


class IndexBusyError(KnowledgeError):
    """Another connection held the index longer than the busy timeout."""


class IndexTooNewError(KnowledgeError):
    """The index was written by a newer chatapp; it was left untouched."""
