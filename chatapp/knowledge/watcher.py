"""Keeping collections current as their files change, without Qt.

:class:`FolderWatcher` watches the collections' folders (watchdog: inotify, FSEvents,
ReadDirectoryChangesW) and hands the changed paths of each collection to a callback once
they have been quiet for a moment (a file being saved fires many events).

:class:`CollectionSync` puts it together for the app: on its own thread (``run``; the
UI wraps it in a worker) it opens the index, rescans every collection (what changed
while the app was closed), then feeds the watcher's changes to the indexer, until
``stop``. Errors of the index reach ``on_error`` and the sync goes on; a damaged index
is rebuilt and rescanned.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from watchdog.events import (
    EVENT_TYPE_CLOSED_NO_WRITE,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_OPENED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch

from chatapp.i18n import translate
from chatapp.knowledge.embedder import Embedder
from chatapp.knowledge.errors import CollectionNotFoundError, IndexDamagedError, KnowledgeError
from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import CollectionIndexer, IndexProgress, IndexReport
from chatapp.knowledge.scanning import is_hidden_name, is_skipped_folder

__all__ = ["CollectionSync", "FolderWatcher"]

log = logging.getLogger(__name__)

DEBOUNCE_S: Final = 1.0
# A file rewritten without pause (a log) is still reported this often.
MAX_DELAY_S: Final = 10.0
STOP_TIMEOUT_S: Final = 2.0
_POLL_S: Final = 0.2
_IGNORED: Final = frozenset({EVENT_TYPE_OPENED, EVENT_TYPE_CLOSED_NO_WRITE})


class _StoppedEmitterNoise(logging.Filter):
    """watchdog's inotify emitter logs an ERROR when a watch is removed while the
    emitter's thread is between two reads (inotify.py: "queue_events() called when the
    thread is inactive"); it then returns without harm. Removing a collection's watch
    does exactly that, so the message says nothing wrong happened."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "called when the thread is inactive" not in record.getMessage()


_emitter_noise = _StoppedEmitterNoise()


@dataclass
class _Pending:
    paths: set[Path]
    first: float
    last: float


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: FolderWatcher, collection_id: int, folder: Path) -> None:
        self._watcher = watcher
        self._collection_id = collection_id
        self._folder = folder

    def on_any_event(self, event: FileSystemEvent) -> None:
        # A folder "modified" is an entry added or removed, which has its own event.
        if event.event_type in _IGNORED or (event.is_directory
                                            and event.event_type == EVENT_TYPE_MODIFIED):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                path = Path(raw if isinstance(raw, str) else raw.decode(errors="replace"))
                if _interesting(self._folder, path):
                    self._watcher._add(self._collection_id, path)


def _interesting(folder: Path, path: Path) -> bool:
    try:
        parts = path.relative_to(folder).parts
    except ValueError:
        return False
    return bool(parts) and not (any(is_skipped_folder(part) for part in parts[:-1])
                or (parts and is_hidden_name(parts[-1])))


class FolderWatcher:
    """Reports ``on_changes(collection_id, paths)`` on its own thread, debounced."""

    def __init__(self, on_changes: Callable[[int, set[Path]], None], *,
                 debounce_s: float = DEBOUNCE_S, max_delay_s: float = MAX_DELAY_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        logging.getLogger("watchdog.observers.inotify").addFilter(_emitter_noise)  # once
        self._on_changes = on_changes
        self._debounce_s = debounce_s
        self._max_delay_s = max_delay_s
        self._clock = clock
        self._observer: BaseObserver = Observer()
        self._watches: dict[int, list[ObservedWatch]] = {}
        self._pending: dict[int, _Pending] = {}
        self._changed = threading.Condition()
        self._stopped = False
        self._flusher = threading.Thread(target=self._flush_loop, name="knowledge-watcher",
                                         daemon=True)

    def start(self) -> None:
        self._observer.start()
        self._flusher.start()

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify_all()
        self._observer.stop()
        if self._observer.is_alive():
            self._observer.join(timeout)
        if self._flusher.is_alive():
            self._flusher.join(timeout)

    def watch(self, collection_id: int, folders: Sequence[Path]) -> list[str]:
        """Watch these folders for the collection (replacing what it watched); the
        problems, in words for the user (a folder gone, the system's limit on watches).
        Call after :meth:`start`, so a folder that cannot be watched is reported here."""
        self.unwatch(collection_id)
        watches: list[ObservedWatch] = []
        problems: list[str] = []
        for folder in folders:
            if not folder.is_dir():
                problems.append(translate(
                    "DocumentIndex", "{folder} is not there, so changes in it are not followed."
                ).format(folder=folder))
                continue
            try:
                watches.append(self._observer.schedule(
                    _Handler(self, collection_id, folder), str(folder), recursive=True))
            except OSError as exc:
                problems.append(translate(
                    "DocumentIndex", "Changes in {folder} are not followed ({error}); they are "
                    "picked up at the next start.").format(folder=folder,
                                                          error=exc.strerror or exc))
        self._watches[collection_id] = watches
        return problems

    def watched(self) -> set[int]:
        return set(self._watches)

    def unwatch(self, collection_id: int) -> None:
        for watch in self._watches.pop(collection_id, []):
            try:
                self._observer.unschedule(watch)
            except (KeyError, OSError):
                continue  # its folder went away with its watch
        with self._changed:
            self._pending.pop(collection_id, None)

    def _add(self, collection_id: int, path: Path) -> None:
        now = self._clock()
        with self._changed:
            pending = self._pending.get(collection_id)
            if pending is None:
                self._pending[collection_id] = _Pending({path}, now, now)
            else:
                pending.paths.add(path)
                pending.last = now
            self._changed.notify_all()

    def _due(self, now: float) -> dict[int, set[Path]]:
        due = {cid: p.paths for cid, p in self._pending.items()
               if now - p.last >= self._debounce_s or now - p.first >= self._max_delay_s}
        for cid in due:
            del self._pending[cid]
        return due

    def _flush_loop(self) -> None:
        while True:
            with self._changed:
                if self._stopped:
                    return
                due = self._due(self._clock())
                if not due:
                    self._changed.wait(_POLL_S if self._pending else None)
                    continue
            for collection_id, paths in due.items():
                try:
                    self._on_changes(collection_id, paths)
                except Exception:  # a bad callback must not end the watching
                    log.exception("handling changed files of collection %d", collection_id)


class CollectionSync:
    """Keeps every collection of the index at ``index_path`` current (module docs)."""

    def __init__(self, index_path: Path, *, embedder: Embedder | None = None,
                 on_progress: Callable[[IndexProgress], None] | None = None,
                 on_report: Callable[[IndexReport], None] | None = None,
                 on_error: Callable[[KnowledgeError], None] | None = None,
                 debounce_s: float = DEBOUNCE_S) -> None:
        self._index_path = index_path
        self._embedder = embedder
        self._on_progress = on_progress
        self._on_report = on_report or (lambda _report: None)
        self._on_error = on_error or (lambda _error: None)
        self._debounce_s = debounce_s
        self._work: queue.Queue[tuple[int | None, set[Path] | None]] = queue.Queue()
        self._stop = threading.Event()
        self._indexer: CollectionIndexer | None = None
        self._paused = False
        self._lock = threading.Lock()

    # -- any thread --------------------------------------------------------------------

    def stop(self) -> None:
        self._stop.set()
        with self._lock:
            if self._indexer is not None:
                self._indexer.cancel()

    def pause(self) -> None:
        with self._lock:
            self._paused = True
            if self._indexer is not None:
                self._indexer.pause()

    def resume(self) -> None:
        with self._lock:
            self._paused = False
            if self._indexer is not None:
                self._indexer.resume()

    def rescan(self, collection_id: int | None = None) -> None:
        """Scan a collection again (after its folders changed), or all of them (None);
        a collection that no longer exists stops being watched."""
        self._work.put((collection_id, None))

    # -- the sync's own thread ---------------------------------------------------------

    def run(self) -> None:
        """Until :meth:`stop`: rescan everything, then follow the changes."""
        index = KnowledgeIndex(self._index_path)
        if index.notice:
            self._on_error(KnowledgeError(index.notice))
        indexer = CollectionIndexer(index, embedder=self._embedder,
                                    on_progress=self._on_progress)
        with self._lock:
            self._indexer = indexer
            if self._paused:
                indexer.pause()
            if self._stop.is_set():
                indexer.cancel()
        watcher = FolderWatcher(lambda cid, paths: self._work.put((cid, paths)),
                                debounce_s=self._debounce_s)
        watcher.start()
        self._work.put((None, None))
        try:
            while not self._stop.is_set():
                try:
                    collection_id, paths = self._work.get(timeout=_POLL_S)
                except queue.Empty:
                    continue
                try:
                    self._handle(index, indexer, watcher, collection_id, paths)
                except CollectionNotFoundError:
                    if collection_id is not None:  # removed while it was being indexed
                        watcher.unwatch(collection_id)
                except IndexDamagedError as exc:
                    self._on_error(exc)
                    try:
                        index.rebuild()
                    except KnowledgeError as failed:  # e.g. the disk is full as well
                        self._on_error(failed)
                        return
                    self._work.put((None, None))
                except KnowledgeError as exc:
                    self._on_error(exc)
        finally:
            watcher.stop()
            index.close()

    def _handle(self, index: KnowledgeIndex, indexer: CollectionIndexer,
                watcher: FolderWatcher, collection_id: int | None,
                paths: set[Path] | None) -> None:
        collections = {c.id: c for c in index.collections()}
        if collection_id is not None and collection_id not in collections:
            watcher.unwatch(collection_id)
            return
        if paths is not None and collection_id is not None:
            self._on_report(indexer.update_paths(collection_id, paths))
            return
        if collection_id is None:
            for gone in watcher.watched() - collections.keys():
                watcher.unwatch(gone)
        chosen = [collections[collection_id]] if collection_id is not None else list(
            collections.values())
        for collection in chosen:
            for problem in watcher.watch(collection.id, collection.folders):
                self._on_error(KnowledgeError(problem))
            if self._stop.is_set():
                return
            try:
                self._on_report(indexer.index_collection(collection.id))
            except CollectionNotFoundError:  # removed while it was being indexed
                watcher.unwatch(collection.id)
