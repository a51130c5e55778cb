"""The engine's thread without the window: one model, API jobs run in turn (FIFO).

For ``chatapp serve`` and the tests. The model is loaded on this thread, as the
window's engine thread loads it, and every job runs here: a LlamaEngine is used from
one thread only.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Final

from chatapp.api.jobs import ApiJob, ServedModels, served_id
from chatapp.engine.embedding import LlamaEmbedder, load_embedder
from chatapp.engine.llama_engine import LlamaEngine
from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.model_loader import LoadedModel
from chatapp.errors import UserFacingError, internal_error
from chatapp.history.store import HistoryStore
from chatapp.models.chat_model import load_chat_model
from chatapp.paths import AppPaths
from chatapp.settings import Settings

log = logging.getLogger(__name__)

JOIN_TIMEOUT_S: Final = 30.0


class LocalHost:
    """A JobQueue on a thread of its own, and the EngineAccess its jobs see.

    ``on_job_done`` is called on this thread after each job (for logs and tests).
    """

    def __init__(self, paths: AppPaths, settings: Settings, model: Path, *,
                 save_chats: bool = False,
                 on_job_done: Callable[[ApiJob], None] | None = None) -> None:
        self._paths = paths
        self._settings = settings
        self._model_path = model
        self._save_chats = save_chats
        self._on_job_done = on_job_done
        self._jobs: queue.Queue[ApiJob | None] = queue.Queue()
        self._stopping = threading.Event()
        self._loaded: LoadedModel | None = None
        self._embedder: LlamaEmbedder | None = None
        self._store: HistoryStore | None = None
        self._ready = threading.Event()
        self._load_error: UserFacingError | None = None
        self._thread = threading.Thread(target=self._work, name="api-engine", daemon=True)

    def start(self) -> None:
        """Load the model (on the host's thread); its UserFacingError if it cannot be."""
        self._thread.start()
        self._ready.wait()
        if self._load_error is not None:
            self._thread.join(JOIN_TIMEOUT_S)
            raise self._load_error

    def close(self) -> None:
        """Stop the job running (within a token), skip the rest, free the model."""
        self._stopping.set()
        self._jobs.put(None)
        if self._thread.is_alive():
            self._thread.join(JOIN_TIMEOUT_S)

    # -- JobQueue ---------------------------------------------------------------------------

    def submit(self, job: ApiJob) -> None:
        if self._on_job_done is not None:
            job.on_done = self._on_job_done
        self._jobs.put(job)

    def served_models(self) -> ServedModels:
        embedding = self._settings.embedding_model_path
        return ServedModels(chat=served_id(self._model_path.stem),
                            embedding=served_id(Path(embedding).stem) if embedding else None)

    # -- EngineAccess (on this thread) ------------------------------------------------------

    def chat_engine(self) -> LlamaEngine | None:
        return self._loaded.engine if self._loaded is not None else None

    def settings(self) -> Settings:
        return self._settings

    def embedder(self) -> LlamaEmbedder | None:
        path = self._settings.embedding_model_path
        if path is None:
            return None
        if self._embedder is None:
            self._embedder = load_embedder(Path(path), probe_cache=self._probe_cache(),
                                           cancel=self._stopping)
        return self._embedder

    def chat_store(self) -> HistoryStore | None:
        if not self._save_chats:
            return None
        if self._store is None:
            self._store = HistoryStore(self._paths.history_db)  # opened on this thread
        return self._store

    def shutting_down(self) -> bool:
        return self._stopping.is_set()

    # -- the thread -------------------------------------------------------------------------

    def _probe_cache(self) -> ProbeCache:
        return ProbeCache(self._paths.probe_cache)  # the window's: test-loaded once

    def _work(self) -> None:
        try:
            self._load()
        finally:
            self._ready.set()
        if self._load_error is not None:
            return
        try:
            while (job := self._jobs.get()) is not None:
                job.run(self)  # never raises; a cancelled job ends at once
                if self._loaded is not None:  # kept while the client reads
                    self._loaded.engine.remember_state()
        finally:
            self._free()

    def _load(self) -> None:
        path = self._model_path
        try:
            self._loaded = load_chat_model(
                path, self._settings, probe_cache=self._probe_cache(),
                chat_templates_dir=self._paths.chat_templates_dir, cancel=self._stopping,
                kv_state_dir=self._paths.kv_state_dir)
        except UserFacingError as error:
            self._load_error = error
        except Exception as error:
            log.exception("Loading %s for the API server failed", path.name)
            self._load_error = internal_error(error, f"loading {path.name}")

    def _free(self) -> None:
        # Jobs still queued are answered (cancelled) so no request waits forever.
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job.run(self)
        if self._loaded is not None:
            self._loaded.engine.close(keep_state=True)  # the next start resumes from disk
            self._loaded = None
        if self._embedder is not None:
            self._embedder.close()
            self._embedder = None
        if self._store is not None:
            self._store.close()
            self._store = None
