"""The model on its own thread.

Loading, generating and measuring the context all run here, never on the UI thread.
The UI asks through the EngineController; answers come back as signals. Stopping is
the one exception: the worker is busy inside the token loop, so Stop sets a
thread-safe flag the loop reads between batches and tokens; quitting also sets a
cancel flag that ends a model load or its test-load in a child process at once.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QObject, QThread, Signal, Slot

from chatapp.api.jobs import ApiJob
from chatapp.conversation.chat_settings import (
    RemoteModelRef,
    chat_collections,
    conversation_overrides,
)
from chatapp.conversation.collection_search import CollectionSearch
from chatapp.conversation.grounding import DocumentSources
from chatapp.conversation.remote_reply import RemoteReplyRequest, RemoteReplyRunner
from chatapp.conversation.reply_runner import ReplyRequest, ReplyRunner
from chatapp.conversation.throttle import Throttle
from chatapp.documents.blob_store import BlobStore
from chatapp.engine.context_policy import choose_threads
from chatapp.engine.embedding import LlamaEmbedder, load_embedder
from chatapp.engine.errors import EngineError
from chatapp.engine.kv_state_store import memory_budget
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine
from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.model_loader import LoadedModel
from chatapp.engine.prompt_window import PromptPlan
from chatapp.errors import UserFacingError, internal_error
from chatapp.hardware import detect_hardware
from chatapp.history.store import HistoryStore, Message
from chatapp.i18n import translate
from chatapp.models import template_overrides
from chatapp.models.chat_model import load_chat_model
from chatapp.models.speed_estimate import speed_run
from chatapp.models.speed_probe import hardware_fingerprint
from chatapp.models.speed_records import SpeedRecords
from chatapp.reasoning.stream_parser import Piece, PieceKind
from chatapp.remote.client import RemoteClient
from chatapp.remote.errors import RemoteError
from chatapp.remote.servers import ServerStore, get_api_key
from chatapp.settings import Settings
from chatapp.ui.workers import abandoned
from chatapp.ui.workers.batch_run import BatchRun

log = logging.getLogger(__name__)

TEXT_INTERVAL_S = 0.033  # streamed text reaches the UI about 30 times a second


@dataclass(frozen=True)
class RemoteTarget:
    """A reply that comes from a remote server: the chat's remote model, and the servers
    file that says where its server is (read here, so a server just added is found)."""

    model: RemoteModelRef
    servers_file: Path


class _EngineWorker(QObject):
    loading = Signal(str, str)  # model path, stage
    model_loaded = Signal(object)  # ModelSummary
    model_failed = Signal(str, object)  # model path, UserFacingError
    context_usage = Signal(int, int, int, int)  # conversation, used, context, dropped
    reply_started = Signal(object, int, int)  # Message, prompt tokens, dropped messages
    reply_text = Signal(str)
    reply_reasoning = Signal(str)
    reasoning_finished = Signal(float)  # seconds thought
    reply_finished = Signal(object, object)  # Message, GenerationStats
    reply_failed = Signal(object, object)  # UserFacingError, Message | None

    def __init__(self, db_path: Path, probe_cache: Path, *,
                 attachments_dir: Path | None = None,
                 knowledge_index: Path | None = None,
                 kv_state_dir: Path | None = None,
                 speed_records: Path | None = None) -> None:
        super().__init__()
        self._db_path = db_path
        # Where the KV states of chats left go beyond their memory budget and at quit.
        self._kv_state_dir = kv_state_dir
        # Where attached files' copies are: a question's files go into its prompt.
        self._documents = DocumentSources(BlobStore(attachments_dir)) \
            if attachments_dir is not None else None
        # The Local documents a chat chose are searched for its questions, by meaning
        # too with the embedding model of the settings (loaded here when first needed).
        self._collections = CollectionSearch(knowledge_index) \
            if knowledge_index is not None else None
        self._embedder: LlamaEmbedder | None = None
        self._embedder_failed: str | None = None  # a model that would not load
        self._probe_cache = ProbeCache(probe_cache)
        # Every local reply's speed calibrates the Models pane's predictions.
        self._speed_records = SpeedRecords(speed_records) if speed_records is not None \
            else None
        self._hardware_fingerprint = ""  # this computer's, taken at the first reply recorded
        self._model: LoadedModel | None = None
        self._store: HistoryStore | None = None
        self._runner: ReplyRunner | None = None
        self._remote_runner: RemoteReplyRunner | None = None
        self._requested_context = 0
        self.stop_requested = threading.Event()
        self.cancel = threading.Event()  # set at quit: loads end, nothing new starts

    def _reply_runner(self) -> ReplyRunner:
        if self._runner is None:
            # Opened here, on the worker thread: SQLite connections are per thread.
            self._store = HistoryStore(self._db_path)
            self._runner = ReplyRunner(self._store)
        return self._runner

    @Slot(str, object)
    def load(self, path_text: str, settings: Settings) -> None:
        if self.cancel.is_set():
            return
        path = Path(path_text)
        previous = self._model
        try:
            loaded = load_chat_model(
                path, settings, probe_cache=self._probe_cache,
                on_stage=lambda stage: self.loading.emit(path_text, stage), cancel=self.cancel,
                kv_state_dir=self._kv_state_dir)
        except UserFacingError as error:
            log.info("Loading %s failed: %s (%s)", path, error.user_message, error.detail)
            # The model that was loaded before stays loaded and usable.
            self.model_failed.emit(path_text, error)
            return
        except Exception as error:
            log.exception("Unexpected failure loading %s", path)
            self.model_failed.emit(path_text, internal_error(error, translate(
                "EngineWorker", "loading {model}").format(model=path.name)))
            return
        if previous is not None:
            previous.engine.close(keep_state=True)
        self._model = loaded
        self._requested_context = settings.context_length
        self.model_loaded.emit(loaded.summary())

    @Slot(str)
    def reload_chat_template(self, path_text: str) -> None:
        """The loaded model renders with its (new) custom template, or its own again."""
        model = self._model
        if model is None or model.engine.model_path != Path(path_text):
            return
        try:
            model.engine.use_chat_template(template_overrides.load(model.engine.model_path))
        except UserFacingError as error:
            self.model_failed.emit(path_text, error)  # the model stays loaded as it was
            return
        self.model_loaded.emit(model.summary())

    @Slot(object)
    def apply_settings(self, settings: Settings) -> None:
        """Threads change in place; a new context length or KV cache type needs a reload."""
        model = self._model
        if model is None:
            return
        if settings.context_length != self._requested_context \
                or settings.kv_cache_type != model.engine.settings.kv_cache_type:
            self.load(str(model.engine.model_path), settings)
            return
        threads, threads_batch = choose_threads(settings.threads, detect_hardware())
        model.engine.set_threads(threads, threads_batch)
        store = model.engine.state_store
        if store is not None:  # the chats left keep to it from the next one on
            store.memory_budget = memory_budget(settings.kv_memory_budget_mb)
        if (threads, threads_batch) != (model.threads, model.threads_batch):
            self._model = replace(model, threads=threads, threads_batch=threads_batch)
            self.model_loaded.emit(self._model.summary())

    @Slot(int, bool, object, object)
    def send(self, conversation_id: int, regenerate: bool, settings: Settings,
             remote: RemoteTarget | None = None) -> None:
        if remote is not None:
            self._remote_reply(RemoteReplyRequest(conversation_id, remote.model, settings,
                                                  secrets.randbits(31), regenerate=regenerate),
                               remote)
            return
        self._reply(conversation_id, settings, regenerate=regenerate)

    @Slot(int, object, object)
    def continue_reply(self, conversation_id: int, settings: Settings,
                       remote: RemoteTarget | None = None) -> None:
        if remote is not None:
            self._remote_reply(RemoteReplyRequest(conversation_id, remote.model, settings,
                                                  secrets.randbits(31), continue_reply=True),
                               remote)
            return
        self._reply(conversation_id, settings, continue_reply=True)

    def _remote_reply(self, request: RemoteReplyRequest, remote: RemoteTarget) -> None:
        """A reply from the chat's remote server, through the same relay as a local one;
        no local model is needed."""
        relay = _Relay(self)
        try:
            self._reply_runner()  # opens the store on this thread
            assert self._store is not None
            if self._remote_runner is None:
                self._remote_runner = RemoteReplyRunner(self._store)
            server = ServerStore(remote.servers_file).get(request.model.server_id)
            if server is None:
                raise RemoteError("", translate(
                    "EngineWorker", "The server this chat used is no longer in Remote "
                    "servers. Add it again, or choose another model above."))
        except UserFacingError as error:
            relay.reply_failed(error, None)
            return
        except Exception as error:
            log.exception("Could not start a remote reply")
            relay.reply_failed(
                internal_error(error, translate("EngineWorker", "starting the reply")), None)
            return
        try:
            key = get_api_key(server)
        except UserFacingError as error:  # many servers need no key: try without
            log.info("No API key for %s: %s", server.host, error.detail)
            key = None
        with RemoteClient(server, key) as client:
            # The runner never raises: every failure reaches the relay.
            self._remote_runner.run(client, request, relay,
                                    lambda: self.stop_requested.is_set() or self.cancel.is_set())

    def record_speed(self, stats: GenerationStats) -> None:
        """Keep the speed of a reply of the loaded model (calibration: a failure is logged)."""
        model, records = self._model, self._speed_records
        if model is None or records is None:
            return
        path = model.engine.model_path
        if not self._hardware_fingerprint:  # once: the hardware does not change while we run
            self._hardware_fingerprint = hardware_fingerprint(detect_hardware())
        try:
            run = speed_run(model.info, sha256=model.sha256, file_name=path.name,
                            size_bytes=path.stat().st_size,
                            fingerprint=self._hardware_fingerprint, stats=stats)
            if run is not None:
                records.record(run)
        except OSError as error:
            log.warning("Could not record the reply's speed: %s", error)

    def _reply(self, conversation_id: int, settings: Settings, *, regenerate: bool = False,
               continue_reply: bool = False) -> None:
        relay = _Relay(self, local=True)
        try:
            if self._model is None:
                raise EngineError(translate("EngineWorker",
                                            "No model is loaded. Load a model first."))
            runner = self._reply_runner()
        except UserFacingError as error:
            relay.reply_failed(error, None)
            return
        except Exception as error:
            log.exception("Could not start a reply")
            relay.reply_failed(
                internal_error(error, translate("EngineWorker", "starting the reply")), None)
            return
        try:
            documents = self._chat_documents(conversation_id, settings)
        except UserFacingError as error:
            relay.reply_failed(error, None)
            return
        except Exception as error:
            log.exception("Could not find the chat's documents")
            relay.reply_failed(internal_error(error, translate(
                "EngineWorker", "finding the chat's documents")), None)
            return
        request = ReplyRequest(conversation_id, regenerate, settings, secrets.randbits(31),
                               model_sha256=self._model.sha256, continue_reply=continue_reply,
                               documents=documents)
        # The runner never raises: every failure reaches the relay.
        runner.run(self._model.engine, request, relay,
                   lambda: self.stop_requested.is_set() or self.cancel.is_set())
        # While the user reads: a switch to another chat then only restores its state.
        self._model.engine.remember_state()

    def _chat_documents(self, conversation_id: int,
                        settings: Settings) -> DocumentSources | None:
        """The documents a reply in this chat may draw on: its question's attachments,
        and the collections the chat chose."""
        documents, collections, store = self._documents, self._collections, self._store
        if documents is None or collections is None or store is None:
            return documents
        chosen = chat_collections(conversation_overrides(store.get_conversation(conversation_id)))
        if not chosen:
            return documents
        embedder = self._embedding_model(settings.embedding_model_path)
        return replace(documents, search=collections.searcher(chosen, embedder),
                       embedder=embedder)

    def _embedding_model(self, path_text: str | None) -> LlamaEmbedder | None:
        """The settings' embedding model, loaded once; None without one (words alone)."""
        if self._embedder is not None and str(self._embedder.model_path) == path_text:
            return self._embedder
        if self._embedder is not None:
            self._embedder.close()
            self._embedder = None
        if not path_text or path_text == self._embedder_failed:
            return None
        try:
            self._embedder = load_embedder(Path(path_text), probe_cache=self._probe_cache,
                                           cancel=self.cancel)
        except UserFacingError as error:  # the pane says so too; words alone meanwhile
            log.info("The embedding model did not load: %s (%s)", error.user_message,
                     error.detail)
            self._embedder_failed = path_text
            return None
        return self._embedder

    @Slot(object, object)
    def run_api_job(self, job: ApiJob, settings: Settings) -> None:
        """An API request (chatapp.api), in turn with the user's replies: both come
        through this thread's event queue, first come first served."""
        job.run(_ApiAccess(self, settings))
        if self._model is not None:
            self._model.engine.remember_state()

    @Slot(object)
    def run_batch(self, run: BatchRun) -> None:
        """A batch job (the Batch window) on the loaded model; replies and API requests
        queue behind it."""
        run.run(self._model, self.cancel)

    @Slot(int, object)
    def measure_context(self, conversation_id: int, settings: Settings) -> None:
        if self._model is None or self.cancel.is_set():
            return
        try:
            usage = self._reply_runner().context_usage(self._model.engine, conversation_id,
                                                       settings)
        except UserFacingError as error:
            log.info("Could not measure the context: %s", error.detail)
            return
        except Exception:
            log.exception("Measuring the context failed")
            return
        self.context_usage.emit(conversation_id, usage.prompt_tokens, usage.context_length,
                                usage.dropped_messages)

    @Slot()
    def shutdown(self) -> None:
        """Free the model and the database connection, then end the thread."""
        if self._model is not None:
            # The last chat's state goes to disk: after a restart it resumes at once.
            self._model.engine.close(keep_state=True)
            self._model = None
        if self._embedder is not None:
            self._embedder.close()
            self._embedder = None
        if self._collections is not None:
            self._collections.close()
        if self._store is not None:
            self._store.close()
            self._store = None
        thread = self.thread()
        if thread is not None:
            thread.quit()


class _ApiAccess:
    """What an API job sees of this worker (chatapp.api.jobs.EngineAccess)."""

    def __init__(self, worker: _EngineWorker, settings: Settings) -> None:
        self._worker = worker
        self._settings = settings

    def chat_engine(self) -> LlamaEngine | None:
        model = self._worker._model
        return model.engine if model is not None else None

    def settings(self) -> Settings:
        return self._settings

    def embedder(self) -> LlamaEmbedder | None:
        return self._worker._embedding_model(
            self._settings.embedding_model_path)

    def chat_store(self) -> HistoryStore | None:
        if not self._settings.api_save_chats:
            return None
        return self._worker._reply_runner().store

    def shutting_down(self) -> bool:
        return self._worker.cancel.is_set()


@dataclass(frozen=True)
class _ThoughtOver:
    seconds: float


class _Relay:
    """The runner's listener: every callback becomes a signal to the UI thread.

    Text goes through a Throttle: at most one burst of signals every TEXT_INTERVAL_S
    (each wakes the UI thread to render, and on a machine whose cores all run the model
    every wake-up takes time from it), and never held back longer than that, even when
    the next token is slow to come. Thought, its end and answer share one throttle, so
    they reach the UI in the order they were written.
    """

    def __init__(self, worker: _EngineWorker, *, local: bool = False) -> None:
        self._worker = worker
        self._local = local  # the loaded model's reply: its speed is recorded
        self._events: Throttle[Piece | _ThoughtOver] | None = None

    def _emit(self, events: list[Piece | _ThoughtOver]) -> None:
        pending: Piece | None = None  # consecutive pieces of one kind go as one signal
        for event in [*events, None]:
            if isinstance(event, Piece) and pending is not None and pending.kind is event.kind:
                pending = Piece(event.kind, pending.text + event.text)
                continue
            if pending is not None:
                signal = (self._worker.reply_reasoning if pending.kind is PieceKind.REASONING
                          else self._worker.reply_text)
                signal.emit(pending.text)
                pending = None
            if isinstance(event, Piece):
                pending = event
            elif isinstance(event, _ThoughtOver):
                self._worker.reasoning_finished.emit(event.seconds)

    def _flush(self) -> None:
        if self._events is not None:
            # What it still holds is sent from here, so before the end is announced.
            self._events.close(rest_here=self._emit)
            self._events = None

    def reply_started(self, message: Message, plan: PromptPlan) -> None:
        self._events = Throttle(self._emit, TEXT_INTERVAL_S, name="reply-relay")
        self._worker.reply_started.emit(message, plan.prompt_tokens, plan.dropped_messages)

    def reply_text(self, text: str) -> None:
        if self._events is not None:
            self._events.push(Piece(PieceKind.ANSWER, text))

    def reply_reasoning(self, text: str) -> None:
        if self._events is not None:
            self._events.push(Piece(PieceKind.REASONING, text))

    def reasoning_finished(self, seconds: float) -> None:
        if self._events is not None:
            self._events.push(_ThoughtOver(seconds))

    def reply_finished(self, message: Message, stats: GenerationStats) -> None:
        self._flush()
        self._worker.reply_finished.emit(message, stats)
        if self._local:
            self._worker.record_speed(stats)

    def reply_failed(self, error: UserFacingError, message: Message | None) -> None:
        self._flush()
        self._worker.reply_failed.emit(error, message)


class EngineController(QObject):
    """The UI's handle on the engine thread; the worker's signals are used directly."""

    _load = Signal(str, object)
    _reload_template = Signal(str)
    _apply_settings = Signal(object)
    _send = Signal(int, bool, object, object)
    _continue = Signal(int, object, object)
    _measure = Signal(int, object)
    _api_job = Signal(object, object)
    _batch_run = Signal(object)
    _shutdown = Signal()

    def __init__(self, db_path: Path, probe_cache: Path, parent: QObject | None = None, *,
                 attachments_dir: Path | None = None,
                 knowledge_index: Path | None = None,
                 kv_state_dir: Path | None = None,
                 speed_records: Path | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("engine")
        self.worker = _EngineWorker(db_path, probe_cache, attachments_dir=attachments_dir,
                                    knowledge_index=knowledge_index,
                                    kv_state_dir=kv_state_dir, speed_records=speed_records)
        self.worker.moveToThread(self._thread)
        self._load.connect(self.worker.load)
        self._reload_template.connect(self.worker.reload_chat_template)
        self._apply_settings.connect(self.worker.apply_settings)
        self._send.connect(self.worker.send)
        self._continue.connect(self.worker.continue_reply)
        self._measure.connect(self.worker.measure_context)
        self._api_job.connect(self.worker.run_api_job)
        self._batch_run.connect(self.worker.run_batch)
        self._shutdown.connect(self.worker.shutdown)
        self._thread.start()

    def load(self, path: Path, settings: Settings) -> None:
        self._load.emit(str(path), settings)

    def apply_settings(self, settings: Settings) -> None:
        self._apply_settings.emit(settings)

    def reload_chat_template(self, path: Path) -> None:
        self._reload_template.emit(str(path))

    def send(self, conversation_id: int, regenerate: bool, settings: Settings, *,
             remote: RemoteTarget | None = None) -> None:
        """Answer the chat's last question, with the local model or ``remote``'s."""
        # Cleared here, not in the worker, so a Stop pressed before the worker starts counts.
        self.worker.stop_requested.clear()
        self._send.emit(conversation_id, regenerate, settings, remote)

    def continue_reply(self, conversation_id: int, settings: Settings, *,
                       remote: RemoteTarget | None = None) -> None:
        """Write on at the end of the chat's last reply (one cut at the length limit)."""
        self.worker.stop_requested.clear()
        self._continue.emit(conversation_id, settings, remote)

    def measure_context(self, conversation_id: int, settings: Settings) -> None:
        self._measure.emit(conversation_id, settings)

    def submit_api_job(self, job: ApiJob, settings: Settings) -> None:
        """Queue an API request's job behind what the engine thread has to do (any thread)."""
        self._api_job.emit(job, settings)

    def submit_batch_run(self, run: BatchRun) -> None:
        """Queue a batch job behind what the engine thread has to do."""
        self._batch_run.emit(run)

    def stop(self) -> None:
        self.worker.stop_requested.set()

    def request_shutdown(self) -> None:
        """Stop the reply, cancel a load, and end the thread after its current job."""
        if self._thread.isRunning():
            self.worker.cancel.set()
            self.stop()
            self._shutdown.emit()

    def wait_stopped(self, deadline: float) -> bool:
        remaining_ms = max(0, int((deadline - time.monotonic()) * 1000))
        if self._thread.wait(QDeadlineTimer(remaining_ms)):
            return True
        log.warning("The engine is still busy at quit; it is abandoned")
        abandoned.keep(self._thread, self.worker)
        return False
