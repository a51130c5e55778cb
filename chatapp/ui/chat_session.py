"""The chat session: which chat is open, which model is loaded, and the turn in progress.

The window only shows what this object says and forwards what the user does; the state
lives here, on the UI thread, and changes only here. Work runs on the workers: the
history thread reads and writes chats, the files thread scans and copies model files,
the engine thread loads models and writes replies.

A turn (see :class:`Turn`) goes: the question is saved (creating the chat if it is the
first message of a new one), and only then shown and the draft cleared; then the engine
reads the prompt and streams the reply into the history; then the reply is finished,
stopped or failed. Only one turn runs at a time, and it belongs to the chat it was sent
in, whichever chat the user is looking at meanwhile: its reply is shown only while its
chat is open, and a click elsewhere never moves it. Stop counts in every phase.

The composer's state is derived from the model and the turn in one place
(:func:`composer_state`), and sent whenever it may have changed.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from chatapp.conversation.questions import SavedQuestion, save_edited_question, save_question
from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.model_loader import ModelSummary
from chatapp.errors import UserFacingError
from chatapp.history.store import Conversation, HistoryDamagedError, HistoryStore, Message
from chatapp.models.errors import RegistryDamagedError
from chatapp.models.library import ModelLibrary
from chatapp.models.starter import find_starter_source, install_starter
from chatapp.paths import AppPaths
from chatapp.reasoning.formats import NO_CONTROL
from chatapp.settings import Settings, save_settings
from chatapp.ui.composer import ComposerState
from chatapp.ui.workers.engine_worker import EngineController
from chatapp.ui.workers.files_thread import FilesThread
from chatapp.ui.workers.history_thread import HistoryThread
from chatapp.vocabulary import MessageState

log = logging.getLogger(__name__)


class TurnPhase(enum.Enum):
    SAVING = "saving"  # the question (and a new chat) being saved
    ANSWERING = "answering"  # the engine reads the prompt and writes the reply


@dataclass
class Turn:
    conversation_id: int | None  # None until the new chat it starts is created
    phase: TurnPhase
    view: int  # the view the turn was sent from (see ChatSession._view)
    stop_requested: bool = False
    reply: Message | None = None  # the reply row, once the engine made it
    streamed: list[str] = field(default_factory=list)
    thought: list[str] = field(default_factory=list)
    thought_seconds: float | None = None  # set when the thought ended


@dataclass(frozen=True)
class StreamedReply:
    """The reply being written, as far as it has come: shown when its chat is opened."""

    answer: str
    reasoning: str
    thought_seconds: float | None  # None: still thinking (or never did)


@dataclass(frozen=True)
class ModelScan:
    """What the files thread found: the models, and what the placeholder needs."""

    models: list[Path]
    last_model_exists: bool
    starter_available: bool
    problem: UserFacingError | None = None  # e.g. a damaged registry, kept aside


def composer_state(model: ModelSummary | None, loading: bool, turn: Turn | None) -> ComposerState:
    """What the composer allows, from the session's state: the one place it is decided."""
    if turn is not None:
        return ComposerState.SENDING if turn.phase is TurnPhase.SAVING \
            else ComposerState.GENERATING
    if loading:
        return ComposerState.LOADING
    if model is None:
        return ComposerState.NO_MODEL
    return ComposerState.READY


class ChatSession(QObject):
    conversations_changed = Signal(object, object)  # list[Conversation], current id | None
    current_changed = Signal(object)  # the open chat's id, or None for a new chat
    # The open chat: id | None, its messages, the reply being written in it
    # (StreamedReply | None).
    conversation_shown = Signal(object, object, object)
    question_saved = Signal(object)  # Message: show it; the composer clears its draft
    reply_begun = Signal(bool)  # a reply widget starts (True: it replaces the last reply)
    reply_continues = Signal()  # the last reply is written on
    reply_started = Signal(object, int, int)  # Message, prompt tokens, dropped messages
    reply_text = Signal(str)
    reply_reasoning = Signal(str)
    reasoning_finished = Signal(float)  # seconds thought
    reply_finished = Signal(object, object)  # Message, GenerationStats
    reply_failed = Signal(object, object)  # UserFacingError, Message | None (shown chat)
    composer_changed = Signal(object)  # ComposerState
    model_changed = Signal(object)  # ModelSummary | None
    loading_changed = Signal(object)  # the path being loaded, or None
    models_scanned = Signal(object)  # ModelScan
    context_changed = Signal(int, int, int)  # used, context length, dropped messages
    activity = Signal(str, bool)  # what the app is doing, busy
    error = Signal(object)  # UserFacingError for the banner
    history_damaged = Signal(object)  # HistoryDamagedError: offer to start fresh
    settings_changed = Signal(object)  # Settings
    # The open chat's messages with other versions: chat id, {message id: sibling ids}.
    branches_changed = Signal(int, object)
    # The loaded model's thinking switch (ThinkingControl) and the open chat's choice.
    thinking_changed = Signal(object, object)

    def __init__(self, paths: AppPaths, settings: Settings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.library = ModelLibrary(paths.models_dir, paths.models_registry)
        self.history = HistoryThread(paths.history_db, self)
        self.files = FilesThread(self)
        self.engine = EngineController(paths.history_db, paths.cache_dir / "probe-results.json",
                                       self)
        self.conversations: list[Conversation] = []
        self.current: int | None = None  # the open chat; None: a new chat not yet saved
        self.model: ModelSummary | None = None
        self.loading_path: Path | None = None
        self.turn: Turn | None = None
        # The open chat's thinking choice (a ThinkingChoice value; None: the model's own
        # default). A new chat keeps it until its first message creates it.
        self.thinking: str | None = None
        self.last_scan: ModelScan | None = None
        self._view = 0  # counts the user's moves between chats
        self._composer = composer_state(None, False, None)
        self._started = False

        self.history.failed.connect(self._report)
        self.files.failed.connect(self._report)
        worker = self.engine.worker
        worker.loading.connect(self._model_loading)
        worker.model_loaded.connect(self._model_loaded)
        worker.model_failed.connect(self._model_failed)
        worker.context_usage.connect(self._context_usage)
        worker.reply_started.connect(self._reply_started)
        worker.reply_text.connect(self._reply_text)
        worker.reply_reasoning.connect(self._reply_reasoning)
        worker.reasoning_finished.connect(self._reasoning_finished)
        worker.reply_finished.connect(self._reply_finished)
        worker.reply_failed.connect(self._reply_failed)

    # -- state -------------------------------------------------------------------------

    @property
    def composer(self) -> ComposerState:
        return self._composer

    @property
    def busy(self) -> bool:
        """Work is queued or running on the history or files thread."""
        return self.history.busy or self.files.busy

    def _update_composer(self) -> None:
        state = composer_state(self.model, self.loading_path is not None, self.turn)
        if state is not self._composer:
            self._composer = state
            self.composer_changed.emit(state)

    def _turn_visible(self) -> bool:
        turn = self.turn
        if turn is None:
            return False
        if turn.conversation_id is None:  # a new chat being created: seen where it was sent
            return turn.view == self._view
        return turn.conversation_id == self.current

    def _report(self, error: UserFacingError) -> None:
        if isinstance(error, HistoryDamagedError):
            self.history_damaged.emit(error)
        else:
            self.error.emit(error)

    # -- start-up ----------------------------------------------------------------------

    def start(self) -> None:
        """Recover replies a crash cut off, list the chats, scan the models, load one."""
        def recovered(count: int) -> None:
            self._started = True
            if count:
                self.activity.emit(
                    f"{count} repl{'ies were' if count != 1 else 'y was'} cut off when the "
                    "app last closed; what was written is kept.", False)
            self.refresh_conversations(open_first=True)

        self.history.submit(lambda store: store.recover_interrupted(), recovered, self._report)
        self.scan_models(load_initial=True, tidy=True)

    def start_fresh(self) -> None:
        """Move the damaged history aside and start again with an empty one."""
        def moved(path: Path) -> None:
            self.activity.emit(f"The damaged history was kept as {path.name}; a new one "
                               "was started.", False)
            self.start_chats()

        self.history.start_fresh(moved, self._report)

    def start_chats(self) -> None:
        self.history.submit(lambda store: store.recover_interrupted(),
                            lambda _count: self.refresh_conversations(open_first=True),
                            self._report)

    def scan_models(self, *, load_initial: bool = False, tidy: bool = False) -> None:
        library = self.library
        last = self.settings.last_model_path

        def scan(_cancel: threading.Event) -> ModelScan:
            if tidy:
                library.remove_leftovers()
            problem: UserFacingError | None = None
            try:
                models = library.model_paths()
            except RegistryDamagedError as error:  # kept aside: list again without it
                problem = error
                models = library.model_paths()
            return ModelScan(models, bool(last and Path(last).is_file()),
                             find_starter_source() is not None, problem)

        def done(result: ModelScan) -> None:
            self.last_scan = result
            if result.problem is not None:
                self.error.emit(result.problem)
            self.models_scanned.emit(result)
            if not load_initial or self.model is not None or self.loading_path is not None:
                return
            if result.last_model_exists and last:
                self.load_model(Path(last))
            elif result.models:
                self.load_model(result.models[0])

        self.files.submit(scan, done)

    # -- models ------------------------------------------------------------------------

    def load_model(self, path: Path) -> None:
        if self.turn is not None:
            self.error.emit(UserFacingError("Wait for the reply to finish (or stop it) before "
                                            "switching models."))
            self.loading_changed.emit(self.loading_path)  # the picker shows what is true
            return
        self.loading_path = path
        self.loading_changed.emit(path)
        self.activity.emit(f"Loading {path.name}…", True)
        self._update_composer()
        self.engine.load(path, self.settings)

    def install_starter(self) -> None:
        models_dir = self.paths.models_dir
        self.activity.emit("Installing the starter model…", True)

        def done(path: Path) -> None:
            self.activity.emit("", False)
            self.scan_models()
            self.load_model(path)

        self.files.submit(lambda cancel: install_starter(models_dir, cancel), done,
                          self._failed_activity)

    def import_model(self, path: Path, *, copy: bool) -> None:
        library = self.library
        self.activity.emit(f"Copying {path.name}…" if copy else f"Checking {path.name}…", True)

        def job(cancel: threading.Event) -> Path:
            return library.import_copy(path, cancel) if copy else library.import_in_place(path)

        def done(target: Path) -> None:
            self.activity.emit("", False)
            self.scan_models()
            self.load_model(target)

        self.files.submit(job, done, self._failed_activity)

    def _failed_activity(self, error: UserFacingError) -> None:
        self.activity.emit("", False)
        self._report(error)

    def _model_loading(self, _path: str, stage: str) -> None:
        self.activity.emit(stage, True)

    def _model_loaded(self, summary: ModelSummary) -> None:
        self.model = summary
        self.loading_path = None
        self.loading_changed.emit(None)
        self.model_changed.emit(summary)
        self.activity.emit(
            f"Loaded {summary.name}: context {summary.context_length:,} tokens "
            f"({summary.context_reason}), {summary.threads} threads.", False)
        self._update_composer()
        self._show_thinking()
        if self.settings.last_model_path != str(summary.path):
            self.apply_settings(replace(self.settings, last_model_path=str(summary.path)))
        self._measure_context()

    def _model_failed(self, _path: str, error: UserFacingError) -> None:
        self.loading_path = None
        self.loading_changed.emit(None)
        self.activity.emit("", False)
        self._update_composer()
        self._report(error)

    # -- settings ----------------------------------------------------------------------

    def apply_settings(self, new: Settings) -> None:
        """Use ``new`` from the next reply on; save it; reload the model if its context
        length changed (after the reply being written, if there is one)."""
        old, self.settings = self.settings, new
        path = self.paths.settings_file
        self.files.submit_must_land(lambda: save_settings(path, new), self._report)
        self.settings_changed.emit(new)
        if self.model is None:
            return
        if new.context_length != old.context_length:
            self.loading_path = self.model.path
            self.loading_changed.emit(self.loading_path)
            self.activity.emit("Reloading the model with the new context…", True)
            self._update_composer()
            self.engine.apply_settings(new)
        elif new.threads != old.threads:
            self.engine.apply_settings(new)
        if new.system_prompt != old.system_prompt or new.max_reply_tokens != \
                old.max_reply_tokens:
            self._measure_context()

    # -- chats -------------------------------------------------------------------------

    def refresh_conversations(self, *, open_first: bool = False) -> None:
        def done(conversations: list[Conversation]) -> None:
            self.conversations = conversations
            if open_first and self.current is None and conversations and self.turn is None:
                self.open_conversation(conversations[0].id)
            self.conversations_changed.emit(conversations, self.current)

        self.history.submit(lambda store: store.list_conversations(), done, self._report)

    def new_conversation(self) -> None:
        """An empty chat; it is created in the history with its first message."""
        self._view += 1
        self.current = None
        self.current_changed.emit(None)
        self.thinking = None
        self._show_thinking()
        self.conversation_shown.emit(None, [], None)
        self.context_changed.emit(0, self.model.context_length if self.model else 0, 0)

    def open_conversation(self, conversation_id: int) -> None:
        if conversation_id == self.current:
            return
        self._view += 1
        view = self._view
        self.current = conversation_id
        self.current_changed.emit(conversation_id)  # also when not opened by a click
        self.thinking = next((c.thinking for c in self.conversations
                              if c.id == conversation_id), None)
        self._show_thinking()

        def done(read: tuple[list[Message], dict[int, tuple[int, ...]]]) -> None:
            if view != self._view:
                return  # the user moved on meanwhile
            messages, branches = read
            # First, so the view marks the versions as it builds the messages.
            self.branches_changed.emit(conversation_id, branches)
            streaming: StreamedReply | None = None
            turn = self.turn
            if turn is not None and turn.conversation_id == conversation_id:
                # The reply being written is shown from what has streamed so far.
                messages = [m for m in messages if m.state != MessageState.STREAMING]
                streaming = StreamedReply("".join(turn.streamed), "".join(turn.thought),
                                          turn.thought_seconds)
            self.conversation_shown.emit(conversation_id, messages, streaming)
            self._measure_context()

        def failed(error: UserFacingError) -> None:
            if view == self._view:
                self._report(error)
                self.refresh_conversations()

        self.history.submit(lambda store: _branch_on_screen(store, conversation_id), done,
                            failed)

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        self.history.submit(lambda store: store.rename_conversation(conversation_id, title),
                            lambda _none: self.refresh_conversations(), self._report)

    def delete_conversation(self, conversation_id: int) -> None:
        if self.turn is not None and self.turn.conversation_id == conversation_id:
            self.error.emit(UserFacingError("This chat is writing a reply: stop it before "
                                            "deleting the chat."))
            return

        def done(_none: None) -> None:
            if self.current == conversation_id:
                self.new_conversation()
            self.refresh_conversations(open_first=True)

        self.history.submit(lambda store: store.delete_conversation(conversation_id), done,
                            self._report)

    def _measure_context(self) -> None:
        if self.model is not None and self.current is not None:
            self.engine.measure_context(self.current, self.settings)

    def _context_usage(self, conversation_id: int, used: int, total: int,
                       dropped: int) -> None:
        if conversation_id == self.current and not self._turn_visible():
            self.context_changed.emit(used, total, dropped)

    # -- a turn ------------------------------------------------------------------------

    def send(self, text: str) -> bool:
        """Send a question to the open chat (a new chat if none is open). False if no
        turn can start now (no model, a reply being written, nothing to send)."""
        text = text.strip()
        if not text or self._composer is not ComposerState.READY:
            return False
        turn = self.turn = Turn(self.current, TurnPhase.SAVING, self._view)
        self._update_composer()
        self.activity.emit("Saving your message…", True)

        def saved(result: SavedQuestion) -> None:
            if self.turn is not turn:
                return
            turn.conversation_id = result.conversation.id
            if turn.view == self._view and self.current is None:
                self.current = result.conversation.id  # the new chat the user is in
            visible = self._turn_visible()
            if visible:
                self.question_saved.emit(result.message)
            self.refresh_conversations()
            if turn.stop_requested:
                self._end_turn("Stopped before the reply began; your message is saved.")
                return
            self._answer(turn, regenerate=False, visible=visible)

        def failed(error: UserFacingError) -> None:
            if self.turn is turn:
                self._end_turn("")
                self._report(error)  # the draft stays in the composer

        conversation_id = turn.conversation_id
        thinking = self.thinking
        self.history.submit(lambda store: save_question(store, conversation_id, text,
                                                        thinking=thinking), saved, failed)
        return True

    def chat_template_changed(self, model_path: Path) -> None:
        """The user saved or reset a model's template: the loaded model takes it now."""
        if self.model is not None and self.model.path == model_path:
            self.engine.reload_chat_template(model_path)

    def set_thinking(self, choice: str | None) -> None:
        """The open chat's thinking choice; a new chat takes it with its first message."""
        self.thinking = choice
        conversation_id = self.current
        if conversation_id is not None:
            self.history.submit(lambda store: store.set_thinking(conversation_id, choice),
                                lambda _none: self.refresh_conversations(), self._report)
        self._show_thinking()
        self._measure_context()  # the switch changes the prompt (e.g. Qwen3's empty thought)

    def _show_thinking(self) -> None:
        control = self.model.thinking if self.model is not None else NO_CONTROL
        self.thinking_changed.emit(control, control.resolve(self.thinking))

    def regenerate(self) -> None:
        if self._composer is not ComposerState.READY or self.current is None:
            return
        self.turn = Turn(self.current, TurnPhase.ANSWERING, self._view)
        self._answer(self.turn, regenerate=True, visible=True)

    # -- branches ---------------------------------------------------------------------

    def continue_reply(self) -> None:
        """Write on at the end of the open chat's last reply (cut at the length limit)."""
        if self._composer is not ComposerState.READY or self.current is None:
            return
        turn = self.turn = Turn(self.current, TurnPhase.ANSWERING, self._view)
        assert turn.conversation_id is not None
        self.engine.continue_reply(turn.conversation_id, self.settings)
        self._update_composer()
        self.activity.emit("Reading the conversation…", True)
        self.reply_continues.emit()

    def edit_question(self, message_id: int, text: str) -> bool:
        """Ask an earlier question again, changed: a new branch from there, with a new
        reply; the old branch stays. False if no turn can start now."""
        text = text.strip()
        conversation_id = self.current
        if not text or self._composer is not ComposerState.READY or conversation_id is None:
            return False
        turn = self.turn = Turn(conversation_id, TurnPhase.SAVING, self._view)
        self._update_composer()
        self.activity.emit("Saving your message…", True)

        def save(store: HistoryStore) -> tuple[list[Message], dict[int, tuple[int, ...]]]:
            save_edited_question(store, message_id, text)
            return _branch_on_screen(store, conversation_id)

        def saved(read: tuple[list[Message], dict[int, tuple[int, ...]]]) -> None:
            if self.turn is not turn:
                return
            visible = self._turn_visible()
            if visible:
                self.branches_changed.emit(conversation_id, read[1])
                self.conversation_shown.emit(conversation_id, read[0], None)
            self.refresh_conversations()
            if turn.stop_requested:
                self._end_turn("Stopped before the reply began; your message is saved.")
                return
            self._answer(turn, regenerate=False, visible=visible)

        def failed(error: UserFacingError) -> None:
            if self.turn is turn:
                self._end_turn("")
                self._report(error)

        self.history.submit(save, saved, failed)
        return True

    def edit_reply(self, message_id: int, text: str) -> None:
        """Correct a reply in place (it is marked as edited); the chat goes on from it."""
        self._change_branch(lambda store: store.edit_message(message_id, text))

    def switch_branch(self, message_id: int) -> None:
        """Show the branch through another version of a message."""
        conversation_id = self.current
        if conversation_id is not None:
            self._change_branch(lambda store: store.switch_branch(conversation_id, message_id))

    def delete_message(self, message_id: int) -> None:
        """Delete a message and everything after it on its branches."""
        self._change_branch(lambda store: store.delete_message(message_id))

    def _change_branch(self, change: Callable[[HistoryStore], object]) -> None:
        """Change the open chat's messages, then show its branch anew. Not while a reply
        is being written in it: the reply follows the branch it started on."""
        conversation_id = self.current
        if conversation_id is None or (self.turn is not None
                                       and self.turn.conversation_id == conversation_id):
            return
        view = self._view

        def apply(store: HistoryStore) -> tuple[list[Message], dict[int, tuple[int, ...]]]:
            change(store)
            return _branch_on_screen(store, conversation_id)

        def done(read: tuple[list[Message], dict[int, tuple[int, ...]]]) -> None:
            if view != self._view:
                return
            self.branches_changed.emit(conversation_id, read[1])
            self.conversation_shown.emit(conversation_id, read[0], None)
            self._measure_context()
            self.refresh_conversations()

        self.history.submit(apply, done, self._report)

    def _refresh_branches(self, conversation_id: int) -> None:
        view = self._view

        def done(branches: dict[int, tuple[int, ...]]) -> None:
            if view == self._view and self.current == conversation_id:
                self.branches_changed.emit(conversation_id, branches)

        self.history.submit(lambda store: store.siblings(conversation_id), done, self._report)

    def _answer(self, turn: Turn, *, regenerate: bool, visible: bool) -> None:
        turn.phase = TurnPhase.ANSWERING
        assert turn.conversation_id is not None
        self.engine.send(turn.conversation_id, regenerate, self.settings)
        if turn.stop_requested:  # the send cleared the engine's flag: set it again
            self.engine.stop()
        self._update_composer()
        self.activity.emit("Reading the conversation…", True)
        if visible:
            self.reply_begun.emit(regenerate)

    def stop(self) -> None:
        turn = self.turn
        if turn is None:
            return
        turn.stop_requested = True
        self.activity.emit("Stopping…", True)
        if turn.phase is TurnPhase.ANSWERING:
            self.engine.stop()

    def _reply_started(self, message: Message, prompt_tokens: int, dropped: int) -> None:
        if self.turn is None:
            return
        self.turn.reply = message
        self.activity.emit("Writing…", True)
        if self._turn_visible():
            self.reply_started.emit(message, prompt_tokens, dropped)
            if self.model is not None:
                self.context_changed.emit(prompt_tokens, self.model.context_length, dropped)

    def _reply_text(self, text: str) -> None:
        if self.turn is None:
            return
        self.turn.streamed.append(text)
        if self._turn_visible():
            self.reply_text.emit(text)

    def _reply_reasoning(self, text: str) -> None:
        if self.turn is None:
            return
        self.turn.thought.append(text)
        if self._turn_visible():
            self.reply_reasoning.emit(text)

    def _reasoning_finished(self, seconds: float) -> None:
        if self.turn is None:
            return
        self.turn.thought_seconds = seconds
        if self._turn_visible():
            self.reasoning_finished.emit(seconds)

    def _reply_finished(self, message: Message, stats: GenerationStats) -> None:
        visible = self._turn_visible()
        if visible:
            self._refresh_branches(message.conversation_id)  # a regenerated reply has siblings
        speed = f" at {stats.tokens_per_s:.1f} tokens/s" if stats.tokens_per_s else ""
        self._end_turn(f"Reply: {stats.generated_tokens:,} tokens{speed}, first token after "
                       f"{stats.ttft_s:.2f} s.")
        if visible:
            self.reply_finished.emit(message, stats)
            if self.model is not None:
                self.context_changed.emit(stats.prompt_tokens + stats.generated_tokens,
                                          self.model.context_length, 0)
        self.refresh_conversations()

    def _reply_failed(self, error: UserFacingError, message: Message | None) -> None:
        visible = self._turn_visible()
        self._end_turn("")
        if visible:
            self.reply_failed.emit(error, message)
        else:
            self._report(error)
        self.refresh_conversations()

    def _end_turn(self, activity: str) -> None:
        self.turn = None
        self.activity.emit(activity, False)
        self._update_composer()

    # -- quit --------------------------------------------------------------------------

    def request_stop(self) -> None:
        """At quit: stop the reply, cancel loads and copies, let queued writes land."""
        self.engine.request_shutdown()
        self.files.request_stop(drain=False)
        self.history.request_stop(drain=True)

    def wait_stopped(self, deadline: float) -> bool:
        engine = self.engine.wait_stopped(deadline)
        files = self.files.wait_stopped(deadline)
        history = self.history.wait_stopped(deadline)
        return engine and files and history


def _branch_on_screen(store: HistoryStore, conversation_id: int
                      ) -> tuple[list[Message], dict[int, tuple[int, ...]]]:
    """A chat's branch on screen and which of its messages have other versions."""
    return store.list_messages(conversation_id), store.siblings(conversation_id)


def quit_deadline(seconds: float = 2.0) -> float:
    return time.monotonic() + seconds

