"""Files attached to a question: read, kept as private copies, and let go of.

A file is read once (bounded, and refused if it changes while read), its text checked to
be readable now rather than when the model needs it, and its bytes kept in the blob store
(documents.blob_store) before the question that carries it is saved, so the history
never refers to a copy that does not exist. When chats or messages are deleted, copies
no message refers to any more are removed (:func:`remove_unreferenced_copies`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chatapp.documents.blob_store import BlobStore
from chatapp.documents.reading import (
    MAX_DOCUMENT_BYTES,
    Document,
    read_document_and_bytes,
    read_document_bytes,
)
from chatapp.history.store import Attachment, HistoryStore

__all__ = ["KeptAttachment", "keep_attachment", "keep_attachment_bytes",
           "remove_unreferenced_copies"]


@dataclass(frozen=True)
class KeptAttachment:
    """A file ready to go with a question: what the history stores of it (pass
    ``attachment`` to save_question) and its text (for the chip: kind, size, notes)."""

    attachment: Attachment
    document: Document


def keep_attachment(path: Path, blobs: BlobStore, *,
                    max_bytes: int = MAX_DOCUMENT_BYTES) -> KeptAttachment:
    """Read the file at ``path`` and keep a private copy. Raises DocumentError (not a
    kind chatapp reads, binary, encrypted, too large, changed while read, unreadable)
    or BlobError (the copy could not be written: a full disk)."""
    # The bytes the text was read from are the ones kept: the file may change meanwhile.
    document, data = read_document_and_bytes(path, max_bytes=max_bytes)
    return _kept(data, document, blobs)


def keep_attachment_bytes(data: bytes, name: str, blobs: BlobStore, *,
                          max_bytes: int = MAX_DOCUMENT_BYTES) -> KeptAttachment:
    """The same for bytes that are not a file on disk (pasted, dropped from another app)."""
    return _kept(data, read_document_bytes(data, name, max_bytes=max_bytes), blobs)


def _kept(data: bytes, document: Document, blobs: BlobStore) -> KeptAttachment:
    stored = blobs.put(data)
    return KeptAttachment(Attachment(document.name, stored.sha256, stored.size,
                                     document.kind), document)


def remove_unreferenced_copies(store: HistoryStore, blobs: BlobStore) -> int:
    """Remove the copies no message refers to (after chats or messages were deleted);
    how many went. Run it on the history's thread; a copy kept in the last hour stays,
    as the question it goes with may be being saved."""
    return blobs.remove_unreferenced(store.attachment_hashes())
