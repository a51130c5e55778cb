"""Local documents off the UI thread: the index of the collections, and indexing them.

Two worker threads, each with its own connection to the index file (SQLite in WAL mode,
one connection per thread):

* ``knowledge`` runs the quick jobs in order: list the collections with their counts,
  a collection's files with their status, add or remove a collection or a folder;
* ``indexing`` runs the long ones: one job per collection brings its index up to date
  (knowledge.indexer.CollectionIndexer), with the embedding model when one is chosen.

At start every collection is indexed again (what changed while the app was closed is
found by the scan; a run stopped midway continues where it stopped). Progress comes as
signals; pause and resume act on the run at once and on the runs after it; at quit the
run is cancelled between two files and the threads are waited for until the app's
deadline, then abandoned (every write to the index is a transaction).

The index file is created only when the first collection is added: a user who never
uses Local documents has none.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Final, TypeVar

from PySide6.QtCore import QObject, Signal

from chatapp.engine.embedding import LlamaEmbedder, load_embedder
from chatapp.engine.load_probe import ProbeCache
from chatapp.errors import UserFacingError
from chatapp.gguf.inspect import GgufError, inspect_gguf
from chatapp.gguf.model_role import ModelRole, model_role
from chatapp.knowledge.errors import CollectionNotFoundError, KnowledgeError
from chatapp.knowledge.index_store import (
    Collection,
    CollectionStats,
    FileRecord,
    FileStatus,
    KnowledgeIndex,
)
from chatapp.knowledge.indexer import CollectionIndexer, IndexReport
from chatapp.models.library import ModelLibrary
from chatapp.ui.workers.task_thread import TaskThread

__all__ = ["CollectionState", "FileListing", "IndexThread", "embedding_models_in"]

log = logging.getLogger(__name__)

T = TypeVar("T")

# The per-file view shows at most this many files of a collection (problems first).
MAX_LISTED_FILES: Final = 2000


@dataclass(frozen=True)
class CollectionState:
    collection: Collection
    stats: CollectionStats


@dataclass(frozen=True)
class FileListing:
    """A collection's files for the per-file view: failed first, then waiting, then
    indexed; ``total`` counts them all, ``files`` at most MAX_LISTED_FILES."""

    collection_id: int
    files: tuple[FileRecord, ...]
    total: int
    failed: int


def embedding_models_in(library: ModelLibrary) -> list[Path]:
    """The installed models whose header says they make embeddings (reads headers)."""
    found = []
    for path in library.model_paths():
        try:
            if model_role(inspect_gguf(path)) is ModelRole.EMBEDDING:
                found.append(path)
        except (GgufError, OSError):
            continue  # the Models pane says what is wrong with it
    return found


class _Indexing:
    """What the indexing thread holds: its connection and the embedding model."""

    def __init__(self) -> None:
        self.index: KnowledgeIndex | None = None
        self.embedder: LlamaEmbedder | None = None
        self.embedder_path: Path | None = None
        self.failed_path: Path | None = None  # a model that would not load: not tried again

    def close(self) -> None:
        if self.embedder is not None:
            self.embedder.close()
            self.embedder = None
        if self.index is not None:
            self.index.close()
            self.index = None


class IndexThread(QObject):
    """The Local documents' workers; every signal arrives on the UI thread."""

    collections_listed = Signal(object)  # tuple[CollectionState, ...]
    files_listed = Signal(object)  # FileListing
    embedding_models_listed = Signal(object)  # list[Path]
    running_changed = Signal(object)  # the id of the collection being indexed, or None
    progress = Signal(object)  # IndexProgress
    run_finished = Signal(object)  # IndexReport
    paused_changed = Signal(bool)
    # Why meaning search is not available (a model that would not load or failed), or
    # "" once it is.
    embedding_problem = Signal(str)
    notice = Signal(str)  # what the user should read (a damaged index moved aside)
    failed = Signal(object)  # UserFacingError

    def __init__(self, db_path: Path, probe_cache: Path, *,
                 embedding_model: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self._probe_cache = ProbeCache(probe_cache)
        self._index: KnowledgeIndex | None = None  # the knowledge thread's
        self._indexing = _Indexing()  # the indexing thread's
        self._lock = threading.Lock()
        # Shared with the indexing thread (under the lock):
        self._indexer: CollectionIndexer | None = None
        self._paused = False
        self._stopping = False
        self._embedding_path = embedding_model
        self._removed: set[int] = set()
        self._waiting: set[int] = set()  # collections whose run is queued, not started
        self._cancel_load = threading.Event()
        self.running: int | None = None  # UI thread: the collection being indexed
        self.knowledge = TaskThread("knowledge", self._opened, self)
        self.indexing = TaskThread("indexing", lambda: self._indexing, self)
        for thread in (self.knowledge, self.indexing):
            thread.failed.connect(self.failed)
        self.running_changed.connect(self._running)

    def _running(self, collection_id: int | None) -> None:
        self.running = collection_id

    # -- the knowledge thread ----------------------------------------------------------

    def _opened(self) -> KnowledgeIndex:  # on the knowledge thread
        if self._index is None:
            self._index = KnowledgeIndex(self.db_path)
            if self._index.notice:
                self.notice.emit(self._index.notice)
        return self._index

    def _close(self) -> None:  # on the knowledge thread
        if self._index is not None:
            self._index.close()
            self._index = None

    def _ask(self, job: Callable[[KnowledgeIndex], T], on_done: Callable[[T], None]) -> None:
        self.knowledge.submit(job, on_done, self.failed.emit)

    def _states(self, index: KnowledgeIndex) -> tuple[CollectionState, ...]:
        states = []
        for collection in index.collections():
            try:
                states.append(CollectionState(collection, index.stats(collection.id)))
            except CollectionNotFoundError:
                continue  # removed meanwhile
        return tuple(states)

    def start(self) -> None:
        """List the collections (if there is an index yet) and index each again."""
        def job(_none: None) -> tuple[CollectionState, ...]:
            if not self.db_path.exists():
                return ()
            return self._states(self._opened())

        def listed(states: tuple[CollectionState, ...]) -> None:
            self.collections_listed.emit(states)
            self.reindex([s.collection.id for s in states])

        self.knowledge.submit(job, listed, self.failed.emit, with_context=False)

    def refresh(self) -> None:
        """List the collections again, with their counts."""
        def job(_none: None) -> tuple[CollectionState, ...]:
            if self._index is None and not self.db_path.exists():
                return ()
            return self._states(self._opened())

        self.knowledge.submit(job, self.collections_listed.emit, self.failed.emit,
                              with_context=False)

    def add_collection(self, name: str, folders: Sequence[Path],
                       on_done: Callable[[Collection], None] | None = None) -> None:
        """Add it, list the collections again, and index it."""
        chosen = list(folders)

        def added(collection: Collection) -> None:
            self.refresh()
            self.reindex([collection.id])
            if on_done is not None:
                on_done(collection)

        self._ask(lambda index: index.add_collection(name, chosen), added)

    def rename_collection(self, collection_id: int, name: str) -> None:
        self._ask(lambda index: index.rename_collection(collection_id, name),
                  lambda _none: self.refresh())

    def remove_collection(self, collection_id: int) -> None:
        """Stop its run, if any, then remove it with its whole index."""
        with self._lock:
            self._removed.add(collection_id)
            indexer = self._indexer if self.running == collection_id else None
        if indexer is not None:
            indexer.cancel()
        self._ask(lambda index: index.remove_collection(collection_id),
                  lambda _none: self.refresh())

    def add_folder(self, collection_id: int, folder: Path) -> None:
        def added(_none: None) -> None:
            self.refresh()
            self.reindex([collection_id])

        self._ask(lambda index: index.add_folder(collection_id, folder), added)

    def remove_folder(self, collection_id: int, folder: Path) -> None:
        self._ask(lambda index: index.remove_folder(collection_id, folder),
                  lambda _count: self.refresh())

    def list_files(self, collection_id: int) -> None:
        """The collection's files with their status (files_listed)."""
        def job(index: KnowledgeIndex) -> FileListing:
            stats = index.stats(collection_id)
            files: list[FileRecord] = []
            for status in (FileStatus.FAILED, FileStatus.PENDING, FileStatus.INDEXED):
                after = 0
                while len(files) < MAX_LISTED_FILES:
                    page = index.files(collection_id, status=status, after_id=after,
                                       limit=min(500, MAX_LISTED_FILES - len(files)))
                    if not page:
                        break
                    files.extend(page)
                    after = page[-1].id
            return FileListing(collection_id, tuple(files), stats.files, stats.failed)

        self._ask(job, self.files_listed.emit)

    def list_embedding_models(self, library: ModelLibrary) -> None:
        self.knowledge.submit(lambda _none: embedding_models_in(library),
                              self.embedding_models_listed.emit, self.failed.emit,
                              with_context=False)

    # -- indexing ----------------------------------------------------------------------

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def busy(self) -> bool:
        """A run is under way or waits, or a change to the collections is queued."""
        return self.indexing.busy or self.knowledge.busy

    def reindex(self, collection_ids: Sequence[int]) -> None:
        """Bring these collections' indexes up to date, one after the other (a run that
        already waits for one is not queued twice; one under way is followed by another)."""
        for collection_id in collection_ids:
            with self._lock:
                if collection_id in self._waiting:
                    continue
                self._waiting.add(collection_id)
            self.indexing.submit(partial(self._run, collection_id=collection_id),
                                 self._run_done, self._run_failed)

    def pause(self) -> None:
        self._set_paused(True)

    def resume(self) -> None:
        self._set_paused(False)

    def _set_paused(self, paused: bool) -> None:
        with self._lock:
            self._paused = paused
            indexer = self._indexer
        if indexer is not None:
            if paused:
                indexer.pause()
            else:
                indexer.resume()
        self.paused_changed.emit(paused)

    def set_embedding_model(self, path: Path | None) -> None:
        """Index with this model from the next run on (None: words alone); the
        collections are gone over again so every passage gets its vector."""
        with self._lock:
            if path == self._embedding_path:
                return
            self._embedding_path = path
            indexer = self._indexer
        if indexer is not None:
            indexer.cancel()  # this run goes on with the new model
        if path is None:
            self.embedding_problem.emit("")
        if self.running is not None:
            self.reindex([self.running])
        self.refresh_all()

    def refresh_all(self) -> None:
        """Index every collection again (after the embedding model changed)."""
        def listed(states: tuple[CollectionState, ...]) -> None:
            self.collections_listed.emit(states)
            self.reindex([s.collection.id for s in states])

        self.knowledge.submit(
            lambda _none: self._states(self._opened()) if self.db_path.exists() else (),
            listed, self.failed.emit, with_context=False)

    def _run(self, indexing: _Indexing, collection_id: int) -> IndexReport | None:
        """On the indexing thread: one collection's run."""
        with self._lock:
            self._waiting.discard(collection_id)
            if self._stopping or collection_id in self._removed:
                return None
            wanted = self._embedding_path
        self.running_changed.emit(collection_id)
        if indexing.index is None:
            indexing.index = KnowledgeIndex(self.db_path)
        embedder = self._embedder(indexing, wanted)
        indexer = CollectionIndexer(indexing.index, embedder=embedder,
                                    on_progress=self.progress.emit)
        with self._lock:
            self._indexer = indexer
            if self._paused:
                indexer.pause()
            if self._stopping or collection_id in self._removed:
                indexer.cancel()
        started = time.monotonic()
        try:
            report = indexer.index_collection(collection_id)
        except (CollectionNotFoundError, KnowledgeError) as error:
            with self._lock:
                gone = collection_id in self._removed
            if gone or isinstance(error, CollectionNotFoundError):
                return None  # removed while it ran: nothing to say
            raise
        finally:
            with self._lock:
                self._indexer = None
        if report.embedding_problem:
            self.embedding_problem.emit(report.embedding_problem)
        # Counts only: what the files say never goes to the log.
        log.info("collection %d indexed in %.1f s: %d found, %d read, %d failed, %d removed%s",
                 collection_id, time.monotonic() - started, report.found, report.indexed,
                 report.failed, report.removed, " (stopped)" if report.cancelled else "")
        return report

    def _embedder(self, indexing: _Indexing, wanted: Path | None) -> LlamaEmbedder | None:
        """The embedding model the user chose, loaded once (on the indexing thread)."""
        if wanted == indexing.embedder_path and indexing.embedder is not None:
            return indexing.embedder
        if indexing.embedder is not None:
            indexing.embedder.close()
            indexing.embedder, indexing.embedder_path = None, None
        if wanted is None or wanted == indexing.failed_path:
            return None
        try:
            indexing.embedder = load_embedder(wanted, probe_cache=self._probe_cache,
                                              cancel=self._cancel_load)
        except UserFacingError as error:
            indexing.failed_path = wanted
            log.info("embedding model not loaded: %s (%s)", error.user_message, error.detail)
            self.embedding_problem.emit(
                f"{error.user_message} Local documents are searched by their words alone "
                "until another embedding model is chosen.")
            return None
        indexing.embedder_path = wanted
        indexing.failed_path = None
        self.embedding_problem.emit("")
        return indexing.embedder

    def _run_done(self, report: IndexReport | None) -> None:
        self._next_run()
        if report is not None:
            self.run_finished.emit(report)
        self.refresh()

    def _run_failed(self, error: UserFacingError) -> None:
        self._next_run()
        self.failed.emit(error)
        self.refresh()

    def _next_run(self) -> None:
        self.running_changed.emit(None)

    # -- quit --------------------------------------------------------------------------

    def request_stop(self) -> None:
        """Cancel the run between two files; queued runs are dropped, queued changes to
        the collections land."""
        with self._lock:
            self._stopping = True
            indexer = self._indexer
        self._cancel_load.set()
        if indexer is not None:
            indexer.cancel()
        self.indexing.request_stop(drain=False, cleanup=self._indexing.close)
        self.knowledge.request_stop(drain=True, cleanup=self._close)

    def wait_stopped(self, deadline: float) -> bool:
        indexing = self.indexing.wait_stopped(deadline)
        knowledge = self.knowledge.wait_stopped(deadline)
        return indexing and knowledge
