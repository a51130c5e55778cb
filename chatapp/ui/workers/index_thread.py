"""Local documents off the UI thread: the index of the collections, and keeping it current.

Two worker threads, each with its own connection to the index file (SQLite in WAL mode,
one connection per thread):

* ``knowledge`` runs the quick jobs in order: list the collections with their counts,
  a collection's files with their status, add or remove a collection or a folder;
* ``indexing`` runs knowledge.watcher.CollectionSync, with the embedding model when one
  is chosen (loaded there): it indexes every collection again at start (what changed
  while the app was closed; a run stopped midway continues where it stopped), then
  follows the folders' changes, and indexes a collection again when asked.

Progress comes as signals; pause and resume act on the run at once and on the runs after
it; at quit the run is cancelled between two files and the threads are waited for until
the app's deadline, then abandoned (every write to the index is a transaction). Another
embedding model means another sync (the first one stops; the next embeds what lacks a
vector of the new model).

The index file is created only when the first collection is added: a user who never
uses Local documents has none.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

from PySide6.QtCore import QObject, Signal

from chatapp.engine.embedding import LlamaEmbedder, load_embedder
from chatapp.engine.load_probe import ProbeCache
from chatapp.errors import UserFacingError
from chatapp.gguf.inspect import GgufError, inspect_gguf
from chatapp.gguf.model_role import ModelRole, model_role
from chatapp.i18n import translate
from chatapp.knowledge.errors import CollectionNotFoundError
from chatapp.knowledge.index_store import (
    Collection,
    CollectionStats,
    FileRecord,
    FileStatus,
    KnowledgeIndex,
)
from chatapp.knowledge.indexer import IndexProgress, IndexReport
from chatapp.models.library import ModelLibrary
from chatapp.ui.workers.task_thread import TaskThread

if TYPE_CHECKING:  # imported where a sync starts (see _sync_run)
    from chatapp.knowledge.watcher import CollectionSync

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
    _progressed = Signal(object)  # IndexProgress, from the indexing thread
    _reported = Signal(object)  # IndexReport, from the indexing thread

    def __init__(self, db_path: Path, probe_cache: Path, *,
                 embedding_model: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self._probe_cache = ProbeCache(probe_cache)
        self._index: KnowledgeIndex | None = None  # the knowledge thread's
        self._lock = threading.Lock()
        # Shared with the indexing thread (under the lock):
        self._sync: CollectionSync | None = None
        self._paused = False
        self._stopping = False
        self._embedding_path = embedding_model
        self._failed_model: Path | None = None  # would not load: not tried again
        self._cancel_load = threading.Event()
        # UI thread only:
        self._syncs = 0  # sync jobs submitted and not ended
        self.running: int | None = None  # the collection being indexed
        self.knowledge = TaskThread("knowledge", self._opened, self)
        self.indexing = TaskThread("indexing", parent=self)
        for thread in (self.knowledge, self.indexing):
            thread.failed.connect(self.failed)
        self._progressed.connect(self._on_progress)
        self._reported.connect(self._on_report)

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
        """List the collections (if there is an index yet), index each again and follow
        their folders."""
        def job(_none: None) -> tuple[CollectionState, ...]:
            if not self.db_path.exists():
                return ()
            return self._states(self._opened())

        def listed(states: tuple[CollectionState, ...]) -> None:
            self.collections_listed.emit(states)
            if states:
                self._start_sync()

        self.knowledge.submit(job, listed, self.failed.emit, with_context=False)

    def refresh(self) -> None:
        """List the collections again, with their counts."""
        def job(_none: None) -> tuple[CollectionState, ...]:
            if self._index is None and not self.db_path.exists():
                return ()
            return self._states(self._opened())

        self.knowledge.submit(job, self._listed, self.failed.emit, with_context=False)

    def _listed(self, states: tuple[CollectionState, ...]) -> None:
        if self.running is not None and all(s.collection.id != self.running for s in states):
            self._not_running()  # removed while it was indexed: that run ended quietly
        self.collections_listed.emit(states)

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
        """Remove it with its whole index (a run of it lets go at its next file)."""
        self._ask(lambda index: index.remove_collection(collection_id),
                  lambda _none: self.refresh())

    def add_folder(self, collection_id: int, folder: Path) -> None:
        def added(_none: None) -> None:
            self.refresh()
            self.reindex([collection_id])

        self._ask(lambda index: index.add_folder(collection_id, folder), added)

    def remove_folder(self, collection_id: int, folder: Path) -> None:
        def removed(_count: int) -> None:
            self.refresh()
            self.reindex([collection_id])  # its folders are watched again

        self._ask(lambda index: index.remove_folder(collection_id, folder), removed)

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
        """A collection is being indexed, or a change to the collections is queued."""
        return self.running is not None or self.knowledge.busy

    def reindex(self, collection_ids: Sequence[int]) -> None:
        """Bring these collections' indexes up to date (the folders' changes are followed
        anyway; this is for new folders, and for the user's Index again)."""
        with self._lock:
            sync = self._sync
        if sync is None:
            if not self._syncs:
                self._start_sync()
            return  # a sync about to start indexes every collection first
        for collection_id in collection_ids:
            sync.rescan(collection_id)

    def pause(self) -> None:
        self._set_paused(True)

    def resume(self) -> None:
        self._set_paused(False)

    def _set_paused(self, paused: bool) -> None:
        with self._lock:
            self._paused = paused
            sync = self._sync
        if sync is not None:
            if paused:
                sync.pause()
            else:
                sync.resume()
        self.paused_changed.emit(paused)

    def set_embedding_model(self, path: Path | None) -> None:
        """Index with this model from now on (None: words alone): the sync starts again
        with it and embeds every passage that has no vector of this model."""
        with self._lock:
            if path == self._embedding_path:
                return
            self._embedding_path = path
            self._failed_model = None
            sync = self._sync
        if path is None:
            self.embedding_problem.emit("")
        if sync is not None or self._syncs:
            if sync is not None:
                sync.stop()
            self._start_sync()

    def _start_sync(self) -> None:
        if self._stopping:
            return
        self._syncs += 1
        self.indexing.submit(lambda _none: self._sync_run(), self._sync_ended,
                             self._sync_failed)

    def _sync_run(self) -> None:
        """On the indexing thread, until stopped: load the embedding model, then keep
        every collection current."""
        with self._lock:
            if self._stopping:
                return
            wanted = self._embedding_path
        # Imported here, on first use: watchdog took a tenth of a second of the window's start.
        from chatapp.knowledge.watcher import CollectionSync

        embedder = self._load_embedder(wanted)
        try:
            sync = CollectionSync(self.db_path, embedder=embedder,
                                  on_progress=self._progressed.emit,
                                  on_report=self._reported.emit, on_error=self.failed.emit)
            with self._lock:
                stale = self._stopping or wanted != self._embedding_path
                self._sync = sync
                if self._paused:
                    sync.pause()
            if stale:  # quit, or another model chosen, while this one loaded
                return
            sync.run()
        finally:
            with self._lock:
                self._sync = None
            if embedder is not None:
                embedder.close()

    def _load_embedder(self, wanted: Path | None) -> LlamaEmbedder | None:
        if wanted is None or wanted == self._failed_model:
            return None
        try:
            embedder = load_embedder(wanted, probe_cache=self._probe_cache,
                                     cancel=self._cancel_load)
        except UserFacingError as error:
            self._failed_model = wanted
            log.info("embedding model not loaded: %s (%s)", error.user_message, error.detail)
            self.embedding_problem.emit(translate(
                "IndexThread", "{reason} Local documents are searched by their words alone "
                "until another embedding model is chosen.").format(reason=error.user_message))
            return None
        self.embedding_problem.emit("")
        return embedder

    def _on_progress(self, progress: IndexProgress) -> None:
        if self.running != progress.collection_id:
            self.running = progress.collection_id
            self.running_changed.emit(progress.collection_id)
        self.progress.emit(progress)

    def _on_report(self, report: IndexReport) -> None:
        # Counts only: what the files say never goes to the log.
        log.info("collection %d indexed: %d found, %d read, %d failed, %d removed%s",
                 report.collection_id, report.found, report.indexed, report.failed,
                 report.removed, " (stopped)" if report.cancelled else "")
        if report.embedding_problem:
            self.embedding_problem.emit(report.embedding_problem)
        self._not_running()
        self.run_finished.emit(report)
        self.refresh()

    def _not_running(self) -> None:
        if self.running is not None:
            self.running = None
            self.running_changed.emit(None)

    def _sync_ended(self, _none: None) -> None:
        self._syncs -= 1
        if not self._syncs:
            self._not_running()

    def _sync_failed(self, error: UserFacingError) -> None:
        self._sync_ended(None)
        self.failed.emit(error)

    # -- quit --------------------------------------------------------------------------

    def request_stop(self) -> None:
        """Stop the sync between two files; changes to the collections still queued
        land."""
        with self._lock:
            self._stopping = True
            sync = self._sync
        self._cancel_load.set()
        if sync is not None:
            sync.stop()
        self.indexing.request_stop(drain=False)
        self.knowledge.request_stop(drain=True, cleanup=self._close)

    def wait_stopped(self, deadline: float) -> bool:
        indexing = self.indexing.wait_stopped(deadline)
        knowledge = self.knowledge.wait_stopped(deadline)
        return indexing and knowledge
