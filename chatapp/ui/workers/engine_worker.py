"""The model on its own thread.

Loading, generating and measuring the context all run here, never on the UI thread.
The UI asks through the EngineController; answers come back as signals. Stopping is
the one exception: the worker is busy inside the token loop, so Stop sets a
thread-safe flag the loop reads before every token.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from chatapp.conversation.reply_runner import ReplyRequest, ReplyRunner
from chatapp.engine.context_policy import choose_threads
from chatapp.engine.errors import EngineError
from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.model_loader import LoadedModel, load_model
from chatapp.engine.prompt_window import PromptPlan
from chatapp.hardware import detect_hardware
from chatapp.history.store import HistoryError, HistoryStore, Message
from chatapp.settings import Settings

log = logging.getLogger(__name__)

TEXT_INTERVAL_S = 0.033  # streamed text reaches the UI about 30 times a second


class _EngineWorker(QObject):
    loading = Signal(str, str)  # model path, stage
    model_loaded = Signal(object)  # ModelSummary
    model_failed = Signal(str, str)  # model path, message for the user
    model_unloaded = Signal()
    context_usage = Signal(int, int, int, int)  # conversation, used, context, dropped
    user_message_saved = Signal(object)  # Message
    reply_started = Signal(object, int, int)  # Message, prompt tokens, dropped messages
    reply_text = Signal(str)
    reply_finished = Signal(object, object)  # Message, GenerationStats
    reply_failed = Signal(str, object)  # message for the user, Message | None

    def __init__(self, db_path: Path, probe_cache: Path) -> None:
        super().__init__()
        self._db_path = db_path
        self._probe_cache = ProbeCache(probe_cache)
        self._model: LoadedModel | None = None
        self._store: HistoryStore | None = None
        self._runner: ReplyRunner | None = None
        self._requested_context = 0
        self.stop_requested = threading.Event()

    def _reply_runner(self) -> ReplyRunner:
        if self._runner is None:
            # Opened here, on the worker thread: SQLite connections are per thread.
            self._store = HistoryStore(self._db_path)
            self._runner = ReplyRunner(self._store)
        return self._runner

    @Slot(str, object)
    def load(self, path_text: str, settings: Settings) -> None:
        path = Path(path_text)
        previous = self._model
        try:
            loaded = load_model(
                path, requested_context=settings.context_length,
                requested_threads=settings.threads, hardware=detect_hardware(),
                probe_cache=self._probe_cache,
                on_stage=lambda stage: self.loading.emit(path_text, stage),
            )
        except EngineError as error:
            log.warning("Loading %s failed: %s (%s)", path, error.user_message, error.detail)
            # The model that was loaded before stays loaded and usable.
            self.model_failed.emit(path_text, error.user_message)
            return
        except Exception as error:
            log.exception("Unexpected failure loading %s", path)
            self.model_failed.emit(path_text, f"{path.name} could not be loaded: {error}")
            return
        if previous is not None:
            previous.engine.close()
        self._model = loaded
        self._requested_context = settings.context_length
        self.model_loaded.emit(loaded.summary())

    @Slot(object)
    def apply_settings(self, settings: Settings) -> None:
        """Threads change in place; a new context length needs a reload."""
        model = self._model
        if model is None:
            return
        if settings.context_length != self._requested_context:
            self.load(str(model.engine.model_path), settings)
            return
        threads, threads_batch = choose_threads(settings.threads, detect_hardware())
        model.engine.set_threads(threads, threads_batch)
        if (threads, threads_batch) != (model.threads, model.threads_batch):
            self._model = replace(model, threads=threads, threads_batch=threads_batch)
            self.model_loaded.emit(self._model.summary())

    @Slot()
    def unload(self) -> None:
        if self._model is not None:
            self._model.engine.close()
            self._model = None
            self.model_unloaded.emit()

    @Slot(int, object, object)
    def send(self, conversation_id: int, user_text: str | None, settings: Settings) -> None:
        if self._model is None:
            self.reply_failed.emit("No model is loaded. Load a model first.", None)
            return
        try:
            runner = self._reply_runner()
        except HistoryError as error:
            self.reply_failed.emit(error.user_message, None)
            return
        request = ReplyRequest(conversation_id, user_text, settings, secrets.randbits(31),
                               model_sha256=self._model.sha256)
        runner.run(self._model.engine, request, _Relay(self), self.stop_requested.is_set)

    @Slot(int, object)
    def measure_context(self, conversation_id: int, settings: Settings) -> None:
        if self._model is None:
            return
        try:
            usage = self._reply_runner().context_usage(self._model.engine, conversation_id,
                                                       settings)
        except (HistoryError, EngineError) as error:
            log.warning("Could not measure the context: %s", error)
            return
        self.context_usage.emit(conversation_id, usage.prompt_tokens, usage.context_length,
                                usage.dropped_messages)

    @Slot()
    def shutdown(self) -> None:
        """Free the model and the database connection, then end the thread."""
        if self._model is not None:
            self._model.engine.close()
            self._model = None
        if self._store is not None:
            self._store.close()
            self._store = None
        thread = self.thread()
        if thread is not None:
            thread.quit()


class _Relay:
    """The runner's listener: every callback becomes a signal to the UI thread.

    Text is sent in batches, at most every TEXT_INTERVAL_S (the first piece at once):
    each signal wakes the UI thread to render it, and on a machine whose cores all run
    the model, every wake-up takes time from the model's threads.
    """

    def __init__(self, worker: _EngineWorker) -> None:
        self._worker = worker
        self._pending: list[str] = []
        self._sent_at = 0.0

    def _send_text(self) -> None:
        if self._pending:
            self._worker.reply_text.emit("".join(self._pending))
            self._pending.clear()
        self._sent_at = time.monotonic()

    def user_message_saved(self, message: Message) -> None:
        self._worker.user_message_saved.emit(message)

    def reply_started(self, message: Message, plan: PromptPlan) -> None:
        self._worker.reply_started.emit(message, plan.prompt_tokens, plan.dropped_messages)

    def reply_text(self, text: str) -> None:
        self._pending.append(text)
        if time.monotonic() - self._sent_at >= TEXT_INTERVAL_S:
            self._send_text()

    def reply_finished(self, message: Message, stats: GenerationStats) -> None:
        self._send_text()
        self._worker.reply_finished.emit(message, stats)

    def reply_failed(self, user_message: str, message: Message | None) -> None:
        self._send_text()
        self._worker.reply_failed.emit(user_message, message)


class EngineController(QObject):
    """The UI's handle on the engine thread. Signals of the worker are re-exposed here."""

    _load = Signal(str, object)
    _apply_settings = Signal(object)
    _unload = Signal()
    _send = Signal(int, object, object)
    _measure = Signal(int, object)
    _shutdown = Signal()

    def __init__(self, db_path: Path, probe_cache: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("engine")
        self.worker = _EngineWorker(db_path, probe_cache)
        self.worker.moveToThread(self._thread)
        self._load.connect(self.worker.load)
        self._apply_settings.connect(self.worker.apply_settings)
        self._unload.connect(self.worker.unload)
        self._send.connect(self.worker.send)
        self._measure.connect(self.worker.measure_context)
        self._shutdown.connect(self.worker.shutdown)
        self._thread.start()

    def load(self, path: Path, settings: Settings) -> None:
        self._load.emit(str(path), settings)

    def apply_settings(self, settings: Settings) -> None:
        self._apply_settings.emit(settings)

    def unload(self) -> None:
        self._unload.emit()

    def send(self, conversation_id: int, user_text: str | None, settings: Settings) -> None:
        # Cleared here, not in the worker, so a Stop pressed before the worker starts counts.
        self.worker.stop_requested.clear()
        self._send.emit(conversation_id, user_text, settings)

    def measure_context(self, conversation_id: int, settings: Settings) -> None:
        self._measure.emit(conversation_id, settings)

    def stop(self) -> None:
        self.worker.stop_requested.set()

    def shutdown(self) -> None:
        if self._thread.isRunning():
            self.stop()
            self._shutdown.emit()
            self._thread.wait()
