"""Private, content-addressed copies of the files a user attaches to a message.

A chat keeps its attachments even when the original file is moved, changed or deleted:
each is copied into the data folder under the SHA-256 of its bytes,
``<attachments>/ab/abcdef…`` (the first two hex digits make a folder, so no folder grows
to hundreds of thousands of entries). The same file attached twice, in one chat or in
many, is kept once. Files are 0600 and folders 0700: they are the user's documents.

A blob is written to a temporary file in its folder, synced and renamed into place, so a
crash or a full disk leaves the blob whole or absent, never half written; the name is the
hash of what was written, so a blob that exists is always the right content (it is
checked again when read). Blobs no message refers to any more are removed by
:meth:`BlobStore.remove_unreferenced`, which the history side runs after chats or
messages are deleted; a blob written in the last hour is kept, as it may belong to a
message that is being saved at that moment.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import time
from collections.abc import Collection, Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from chatapp.errors import UserFacingError
from chatapp.files.atomic import sync_folder
from chatapp.i18n import format_number, translate

__all__ = ["GRACE_PERIOD_S", "BlobError", "BlobMissingError", "BlobStore", "StoredBlob",
           "is_sha256"]

_CHUNK: Final = 1024 * 1024
_HEX: Final = re.compile(r"[0-9a-f]{64}")
# A blob this young is never collected: its message may not be in the history yet.
GRACE_PERIOD_S: Final = 3600.0


class BlobError(UserFacingError):
    """An attachment's private copy could not be written or read."""


class BlobMissingError(BlobError):
    """The private copy is gone or damaged (removed by hand, a restored backup...)."""


@dataclass(frozen=True, slots=True)
class StoredBlob:
    sha256: str
    size: int


def is_sha256(text: str) -> bool:
    """Whether ``text`` is a blob's name: 64 lowercase hex digits."""
    return _HEX.fullmatch(text) is not None


def _unreadable(name: str, error: OSError) -> str:
    return translate("AttachmentStore", "{name} could not be read ({error}).").format(
        name=name, error=error.strerror or error)


class BlobStore:
    """The attachment copies under ``root`` (see the module docs). Safe to use from
    several threads and processes at once: every write is a rename of a whole file."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_of(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256 in hex: {sha256[:80]!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return is_sha256(sha256) and self.path_of(sha256).is_file()

    # -- writing -----------------------------------------------------------------------

    def put(self, data: bytes) -> StoredBlob:
        """Keep ``data``; its hash and size. Written once, however often it is put."""
        return self._put_stream(io.BytesIO(data), translate("AttachmentStore",
                                                            "The attached file"), None)

    def put_file(self, source: Path, *, max_bytes: int | None = None) -> StoredBlob:
        """Copy the file at ``source`` in, hashing it on the way (it is read once)."""
        try:
            reader = open(source, "rb")  # noqa: SIM115 (closed below, errors told apart)
        except OSError as error:
            raise BlobError(_unreadable(source.name, error),
                            f"{type(error).__name__}: {error}") from error
        with reader:
            return self._put_stream(reader, source.name, max_bytes)

    def _put_stream(self, reader: BinaryIO, name: str, max_bytes: int | None) -> StoredBlob:
        digest = hashlib.sha256()
        size = 0
        try:
            tmp = self._temporary(self._folder(self.root))
        except OSError as error:
            raise self._write_failed(error) from error
        try:
            with open(tmp, "wb") as writer:
                while True:
                    try:
                        block = reader.read(_CHUNK)
                    except OSError as error:
                        raise BlobError(_unreadable(name, error), str(error)) from error
                    if not block:
                        break
                    size += len(block)
                    if max_bytes is not None and size > max_bytes:
                        raise BlobError(translate(
                            "AttachmentStore", "{name} is larger than {size} bytes, the most "
                            "chatapp keeps of an attachment.").format(
                                name=name, size=format_number(max_bytes)))
                    digest.update(block)
                    writer.write(block)
                writer.flush()
                os.fsync(writer.fileno())
            sha256 = digest.hexdigest()
            self._move_into_place(tmp, self.path_of(sha256))
        except OSError as error:
            raise self._write_failed(error) from error
        finally:
            with suppress(OSError):
                tmp.unlink()
        return StoredBlob(sha256, size)

    def _move_into_place(self, tmp: Path, target: Path) -> None:
        if target.is_file():
            # Kept already: only renewed, so a collection running now leaves it alone
            # until the message that refers to it again is saved.
            os.utime(target)
            return
        for attempt in (1, 2):
            self._folder(target.parent)
            try:
                os.replace(tmp, target)
                break
            except FileNotFoundError:
                if attempt == 2:  # a collection removed the empty folder just now
                    raise
        sync_folder(target.parent)

    def _folder(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix" and folder.stat().st_mode & 0o077:
            folder.chmod(0o700)  # made by something with a looser umask
        return folder

    @staticmethod
    def _temporary(folder: Path) -> Path:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".incoming-", suffix=".tmp")  # 0600
        os.close(fd)
        return Path(name)

    def _write_failed(self, error: OSError) -> BlobError:
        if error.errno == 28:  # ENOSPC
            message = translate("AttachmentStore", "The disk is full, so the attached file "
                                "could not be kept with the chat.")
        else:
            message = translate("AttachmentStore",
                                "The attached file could not be kept in {folder} ({error})."
                                ).format(folder=self.root, error=error.strerror or error)
        return BlobError(message, f"{type(error).__name__}: {error}")

    # -- reading -----------------------------------------------------------------------

    def read(self, sha256: str) -> bytes:
        """The blob's bytes, checked against its name."""
        path = self.path_of(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError as error:
            raise BlobMissingError(translate(
                "AttachmentStore", "The private copy of this attachment is missing from the "
                "data folder ({path}); attach the file again.").format(path=path),
                str(error)) from error
        except OSError as error:
            raise BlobError(translate(
                "AttachmentStore", "The private copy of this attachment could not be read "
                "({error}).").format(error=error.strerror or error), str(error)) from error
        if hashlib.sha256(data).hexdigest() != sha256:
            raise BlobMissingError(translate(
                "AttachmentStore", "The private copy of this attachment is damaged ({path}); "
                "attach the file again.").format(path=path),
                f"content does not match {sha256}")
        return data

    def blobs(self) -> Iterator[str]:
        """The hashes of every blob kept."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if len(folder.name) != 2 or not folder.is_dir():
                continue
            for entry in sorted(folder.iterdir()):
                if is_sha256(entry.name) and entry.name.startswith(folder.name):
                    yield entry.name

    # -- collecting --------------------------------------------------------------------

    def remove_unreferenced(self, referenced: Collection[str], *,
                            grace_period_s: float = GRACE_PERIOD_S,
                            now: float | None = None) -> int:
        """Remove blobs whose hash is not in ``referenced`` (and leftover temporary
        files), except those younger than the grace period; how many blobs went."""
        if not self.root.is_dir():
            return 0
        keep = set(referenced)
        moment = time.time() if now is None else now
        removed = 0
        for folder in list(self.root.iterdir()):
            if len(folder.name) != 2 or not folder.is_dir():
                if folder.name.startswith(".incoming-"):
                    _remove_if_old(folder, moment, grace_period_s)
                continue
            for entry in list(folder.iterdir()):
                if is_sha256(entry.name) and entry.name not in keep \
                        and _remove_if_old(entry, moment, grace_period_s):
                    removed += 1
            with suppress(OSError):  # not empty, or just written into: it stays
                folder.rmdir()
        return removed


def _remove_if_old(path: Path, now: float, grace_period_s: float) -> bool:
    try:
        if now - path.stat().st_mtime < grace_period_s:
            return False
        path.unlink()
    except FileNotFoundError:
        return False
    return True
