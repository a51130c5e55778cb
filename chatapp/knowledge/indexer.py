"""Bringing a collection's index up to date with its folders.

A run scans the folders (new files, files whose size or modification time changed, files
gone), then reads each waiting file (``read_document_and_bytes``: the content hash is of
the very bytes read; ``split_passages``), embeds its
passages when an embedder is given, and stores it in one transaction: a file is in the
index whole or not at all. The files' states are in the index, so a run killed midway
continues where it stopped: files already indexed and unchanged are skipped, waiting
ones are read.

A file that cannot be read gets status "failed" with the reader's ``user_message``; a
file that changes while it is read waits for the next run (the watcher will see it
change again). Only the index failing (a full disk, a damaged file) stops a run, with
the index's own clear error. Pause, resume and cancel are checked between files and
between embedding batches, and nothing waits without a timeout.

No Qt: the caller runs it on a worker thread and gets progress through a callback.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from chatapp.documents.chunking import split_passages
from chatapp.documents.reading import (
    MAX_DOCUMENT_BYTES,
    DocumentChanged,
    DocumentError,
    is_supported,
    read_document_and_bytes,
)
from chatapp.files.checksum import sha256_of
from chatapp.i18n import translate
from chatapp.knowledge.embedder import Embedder
from chatapp.knowledge.errors import KnowledgeValueError
from chatapp.knowledge.index_store import Collection, FileRecord, FileStatus, KnowledgeIndex
from chatapp.knowledge.scanning import (
    FoundFile,
    ScanProblem,
    is_hidden_name,
    is_skipped_folder,
    scan_folder,
)

__all__ = ["CollectionIndexer", "IndexProgress", "IndexReport", "Phase"]

log = logging.getLogger(__name__)

# Pending marks written per transaction while scanning.
SCAN_BATCH: Final = 256
# Waiting files fetched from the index at a time.
READ_PAGE: Final = 64
EMBED_BATCH: Final = 32
PROGRESS_INTERVAL_S: Final = 0.25
# How often a paused run looks whether it was cancelled.
PAUSE_POLL_S: Final = 0.1


class Phase(StrEnum):
    SCANNING = "scanning"
    READING = "reading"
    EMBEDDING = "embedding"  # chunks that wait for a vector (a new embedding model)
    DONE = "done"


@dataclass(frozen=True, slots=True)
class IndexProgress:
    collection_id: int
    phase: Phase
    files_found: int  # files the scan has seen so far
    files_done: int  # of the files to read in this run
    files_total: int
    files_failed: int
    chunks: int  # passages stored (or embedded, in the embedding phase) in this run
    files_per_s: float | None  # None until there is something to measure
    seconds_left: float | None
    paused: bool


@dataclass(frozen=True, slots=True)
class IndexReport:
    collection_id: int
    found: int  # files seen by the scan
    indexed: int  # files read and stored
    unchanged: int  # changed times, same content
    failed: int
    waiting: int  # changed while read: read again next time
    removed: int  # gone from the folders
    chunks: int
    cancelled: bool
    folder_problems: tuple[ScanProblem, ...]
    embedding_problem: str | None  # why meaning search is not complete, for the user


class _CancelledError(Exception):
    pass


@dataclass
class _Tally:
    found: int = 0
    done: int = 0
    total: int = 0
    indexed: int = 0
    unchanged: int = 0
    failed: int = 0
    waiting: int = 0
    removed: int = 0
    chunks: int = 0
    embedded: int = 0


class CollectionIndexer:
    """Indexes collections of one :class:`KnowledgeIndex` (used from one thread; pause,
    resume and cancel may be called from any). A cancelled indexer stays cancelled."""

    def __init__(self, index: KnowledgeIndex, *, embedder: Embedder | None = None,
                 on_progress: Callable[[IndexProgress], None] | None = None,
                 max_file_bytes: int = MAX_DOCUMENT_BYTES,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._index = index
        self._embedder = embedder
        self._on_progress = on_progress
        self._max_bytes = max_file_bytes
        self._clock = clock
        self._running = threading.Event()
        self._running.set()
        self._cancelled = threading.Event()
        self._embedding_problem: str | None = None
        self._model_checked = False
        # Per run:
        self._collection_id = 0
        self._phase = Phase.SCANNING
        self._tally = _Tally()
        self._started = 0.0
        self._paused_s = 0.0
        self._last_report = 0.0

    # -- control (any thread) ----------------------------------------------------------

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def cancel(self) -> None:
        self._cancelled.set()
        self._running.set()  # a paused run wakes up to stop

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    # -- runs --------------------------------------------------------------------------

    def index_collection(self, collection_id: int) -> IndexReport:
        """Scan all the collection's folders, then read what waits (see module docs)."""
        collection = self._begin(collection_id)
        problems: list[ScanProblem] = []
        cancelled = False
        try:
            seen: set[int] = set()
            visited: set[tuple[int, int]] = set()
            newest_before = self._index.newest_file_id(collection_id)
            for folder in collection.folders:
                problems.extend(self._scan(collection_id, folder, seen, visited))
            self._checkpoint()
            self._sweep(self._index.files, collection_id, seen, newest_before, problems)
            self._read_waiting(collection_id)
            self._embed_missing()
        except _CancelledError:
            cancelled = True
        return self._finish(cancelled, problems)

    def update_paths(self, collection_id: int, paths: Iterable[Path]) -> IndexReport:
        """Bring these paths up to date (what a watcher saw change): a file added,
        changed or gone, a folder added (walked) or gone (its files removed)."""
        collection = self._begin(collection_id)
        problems: list[ScanProblem] = []
        cancelled = False
        try:
            for path in dict.fromkeys(Path(p) for p in paths):
                self._checkpoint()
                folder = next((f for f in collection.folders if path.is_relative_to(f)), None)
                if folder is None or _skipped_below(folder, path):
                    continue
                problems.extend(self._update_path(collection_id, path))
            self._read_waiting(collection_id)
            self._embed_missing()
        except _CancelledError:
            cancelled = True
        return self._finish(cancelled, problems)

    def _begin(self, collection_id: int) -> Collection:
        collection = self._index.collection(collection_id)
        self._collection_id = collection_id
        self._phase = Phase.SCANNING
        self._tally = _Tally()
        self._started = self._clock()
        self._paused_s = 0.0
        self._last_report = 0.0
        self._embedding_problem = None
        if self._embedder is not None and not self._model_checked:
            self._index.use_embedding_model(self._embedder.model_id, self._embedder.dimensions)
            self._model_checked = True
        return collection

    def _finish(self, cancelled: bool, problems: list[ScanProblem]) -> IndexReport:
        self._phase = Phase.DONE
        self._report(force=True)
        t = self._tally
        return IndexReport(self._collection_id, t.found, t.indexed, t.unchanged, t.failed,
                           t.waiting, t.removed, t.chunks, cancelled, tuple(problems),
                           self._embedding_problem)

    # -- scanning ----------------------------------------------------------------------

    def _scan(self, collection_id: int, folder: Path, seen: set[int],
              visited: set[tuple[int, int]]) -> list[ScanProblem]:
        problems: list[ScanProblem] = []
        batch: list[tuple[Path, int, int]] = []
        for found in scan_folder(folder, wanted=is_supported, cancelled=self._stopping,
                                 visited=visited):
            if isinstance(found, ScanProblem):
                problems.append(found)
                continue
            self._tally.found += 1
            record = self._index.file(collection_id, found.path)
            if record is not None:
                seen.add(record.id)
            if _needs_reading(record, found):
                batch.append((found.path, found.size, found.mtime_ns))
            if len(batch) >= SCAN_BATCH:
                seen.update(self._index.mark_pending_many(collection_id, batch))
                batch.clear()
                self._checkpoint()
            self._report()
        if batch:
            seen.update(self._index.mark_pending_many(collection_id, batch))
        self._checkpoint()  # a cancelled walk ends early: never sweep after it
        return problems

    def _sweep(self, pages: Callable[..., list[FileRecord]], collection_id: int,
               seen: set[int], newest_before: int, problems: Sequence[ScanProblem],
               **where: object) -> None:
        """Remove the files known before the scan that it did not see, except under a
        folder it could not list."""
        cursor: dict[str, object] = {"after_id": 0}
        while True:
            page = pages(collection_id, **where, **cursor, limit=1000)
            if not page:
                return
            gone = [r.id for r in page
                    if r.id not in seen and r.id <= newest_before
                    and not any(r.path.is_relative_to(p.path) for p in problems)]
            if gone:
                self._index.remove_files(gone)
                self._tally.removed += len(gone)
            cursor = ({"after_path": str(page[-1].path)} if "folder" in where
                      else {"after_id": page[-1].id})

    def _update_path(self, collection_id: int, path: Path) -> list[ScanProblem]:
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            self._remove_under(collection_id, path)
            return []
        except OSError as exc:
            return [ScanProblem(path, translate("DocumentIndex", "this could not be read "
                                                "({error})").format(error=exc.strerror or exc))]
        if os.path.isdir(path) and not os.path.islink(path):
            seen: set[int] = set()
            newest = self._index.newest_file_id(collection_id)
            problems = self._scan(collection_id, path, seen, set())
            self._sweep(self._files_under_page, collection_id, seen, newest, problems,
                        folder=path)
            return problems
        if not is_supported(path) or is_hidden_name(path.name):
            return []
        try:
            info = os.stat(path)  # a link to a file is read as the file
        except OSError:
            self._remove_under(collection_id, path)
            return []
        found = FoundFile(path, info.st_size, info.st_mtime_ns)
        self._tally.found += 1
        if _needs_reading(self._index.file(collection_id, path), found):
            self._index.mark_pending(collection_id, path, size=found.size,
                                     mtime_ns=found.mtime_ns)
        return []

    def _files_under_page(self, collection_id: int, *, folder: Path, after_id: int = 0,
                          after_path: str = "", limit: int) -> list[FileRecord]:
        del after_id  # paged by path
        return self._index.files_under(collection_id, folder, after_path=after_path,
                                       limit=limit)

    def _remove_under(self, collection_id: int, path: Path) -> None:
        record = self._index.file(collection_id, path)
        doomed = [] if record is None else [record.id]
        after = ""
        while page := self._index.files_under(collection_id, path, after_path=after,
                                              limit=1000):
            doomed.extend(r.id for r in page)
            after = str(page[-1].path)
        if doomed:
            self._index.remove_files(doomed)
            self._tally.removed += len(doomed)

    # -- reading -----------------------------------------------------------------------

    def _read_waiting(self, collection_id: int) -> None:
        self._phase = Phase.READING
        self._tally.total = self._index.stats(collection_id).pending
        self._report(force=True)
        after = 0
        while page := self._index.files(collection_id, status=FileStatus.PENDING,
                                        after_id=after, limit=READ_PAGE):
            for record in page:
                self._checkpoint()
                self._read_one(record)
                self._tally.done += 1
                self._report()
            after = page[-1].id

    def _read_one(self, record: FileRecord) -> None:
        t, path = self._tally, record.path
        try:
            before = os.stat(path)
        except FileNotFoundError:
            self._index.remove_file(record.id)
            t.removed += 1
            return
        except OSError:
            before = None  # the reader says why, in its words
        digest: str | None = None
        if (before is not None and record.content_hash is not None
                and before.st_size <= self._max_bytes):
            try:
                digest = sha256_of(path)
            except OSError:
                digest = None
            if digest == record.content_hash and _same(before, path):
                self._index.touch_file(record.id, size=before.st_size,
                                       mtime_ns=before.st_mtime_ns)
                t.unchanged += 1
                return
        try:
            document, data = read_document_and_bytes(path, max_bytes=self._max_bytes)
            passages = split_passages(document)
            digest = hashlib.sha256(data).hexdigest()  # of the very bytes read
        except DocumentChanged as exc:
            self._wait_for_next_run(record, before, exc.user_message)
            return
        except DocumentError as exc:
            self._failed(record, before, exc.user_message)
            return
        except OSError:
            self._wait_for_next_run(record, before, translate(
                "DocumentIndex", "It changed while chatapp read it."))
            return
        except Exception:  # a reader's bug on some odd file must not stop the run
            log.exception("reading a file of collection %d failed", record.collection_id)
            self._failed(record, before, translate(
                "DocumentIndex", "chatapp could not read {name} (an internal error; the "
                "details are in its log).").format(name=path.name))
            return
        if before is None or not _same(before, path):
            self._wait_for_next_run(record, before, translate(
                "DocumentIndex", "{name} changed while chatapp was reading it; it will be "
                "read again.").format(name=path.name))
            return
        vectors = self._embed([p.text for p in passages])
        self._index.store_file(record.id, size=before.st_size, mtime_ns=before.st_mtime_ns,
                               content_hash=digest, passages=passages, vectors=vectors)
        t.indexed += 1
        t.chunks += len(passages)

    def _failed(self, record: FileRecord, before: os.stat_result | None, reason: str) -> None:
        if not record.path.exists() and not record.path.is_symlink():
            self._index.remove_file(record.id)  # gone while we looked: not a failure
            self._tally.removed += 1
            return
        size, mtime = (before.st_size, before.st_mtime_ns) if before else (0, 0)
        self._index.mark_failed(record.id, reason, size=size, mtime_ns=mtime)
        self._tally.failed += 1

    def _wait_for_next_run(self, record: FileRecord, before: os.stat_result | None,
                           reason: str) -> None:
        size, mtime = (before.st_size, before.st_mtime_ns) if before else (0, 0)
        self._index.mark_pending(record.collection_id, record.path, size=size,
                                 mtime_ns=mtime, reason=reason)
        self._tally.waiting += 1

    # -- embedding ---------------------------------------------------------------------

    def _embed(self, texts: Sequence[str]) -> list[list[float]] | None:
        """Vectors for texts, or None without an embedder or once it failed (the chunks
        are then stored for words only and wait for a vector)."""
        embedder = self._embedder
        if embedder is None or self._embedding_problem is not None:
            return None
        vectors: list[list[float]] = []
        for first in range(0, len(texts), EMBED_BATCH):
            self._checkpoint()
            batch = texts[first:first + EMBED_BATCH]
            try:
                got = embedder.embed(batch)
                if len(got) != len(batch) or any(len(v) != embedder.dimensions for v in got):
                    raise KnowledgeValueError(translate(
                        "DocumentIndex", "The embedding model gave vectors that do not fit its "
                        "own description."))
            except Exception as exc:  # the engine's errors are the user's to read
                self._embedding_problem = (
                    getattr(exc, "user_message", None)
                    or translate("DocumentIndex", "The embedding model failed ({error})."
                                 ).format(error=type(exc).__name__))
                log.warning("embedding failed, indexing words only", exc_info=True)
                return None
            vectors.extend(got)
        return vectors

    def _embed_missing(self) -> None:
        if self._embedder is None:
            return
        self._phase = Phase.EMBEDDING
        self._report(force=True)
        while self._embedding_problem is None:
            self._checkpoint()
            waiting = self._index.chunks_to_embed(EMBED_BATCH)
            if not waiting:
                return
            vectors = self._embed([text for _, text in waiting])
            if vectors is None:
                return
            self._index.store_vectors(list(zip((cid for cid, _ in waiting), vectors,
                                               strict=True)))
            self._tally.embedded += len(waiting)
            self._report()

    # -- pause, cancel, progress -------------------------------------------------------

    def _stopping(self) -> bool:
        return self._cancelled.is_set()

    def _checkpoint(self) -> None:
        if not self._running.is_set():
            paused_at = self._clock()
            self._report(force=True)
            while not self._running.wait(PAUSE_POLL_S):
                if self._cancelled.is_set():
                    break
            self._paused_s += self._clock() - paused_at
        if self._cancelled.is_set():
            raise _CancelledError

    def _report(self, *, force: bool = False) -> None:
        if self._on_progress is None:
            return
        now = self._clock()
        if not force and now - self._last_report < PROGRESS_INTERVAL_S:
            return
        self._last_report = now
        t = self._tally
        elapsed = now - self._started - self._paused_s
        rate = t.done / elapsed if t.done and elapsed > 0 else None
        left = (t.total - t.done) / rate if rate else None
        chunks = t.embedded if self._phase is Phase.EMBEDDING else t.chunks
        self._on_progress(IndexProgress(self._collection_id, self._phase, t.found, t.done,
                                        t.total, t.failed, chunks, rate, left, self.paused))


def _needs_reading(record: FileRecord | None, found: FoundFile) -> bool:
    if record is None or record.status is not FileStatus.INDEXED:
        return True  # new, waiting, or failed before (tried again: it may be fixed)
    return record.size != found.size or record.mtime_ns != found.mtime_ns


def _same(before: os.stat_result, path: Path) -> bool:
    try:
        after = os.stat(path)
    except OSError:
        return False
    return ((before.st_dev, before.st_ino, before.st_size, before.st_mtime_ns)
            == (after.st_dev, after.st_ino, after.st_size, after.st_mtime_ns))


def _skipped_below(folder: Path, path: Path) -> bool:
    """Whether ``path`` lies in a hidden or skipped folder under the collection's folder."""
    parts = path.relative_to(folder).parts
    return any(is_skipped_folder(part) for part in parts[:-1]) or bool(
        parts and is_hidden_name(parts[-1]))
