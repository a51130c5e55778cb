"""The chat session: which chat is open, which model is loaded, and the turn in progress.

The window only shows what this object says and forwards what the user does; the state
lives here, on the UI thread, and changes only here. Work runs on the workers: the
history thread reads and writes chats, the files thread scans and copies model files,
the attachments thread reads and keeps the files given to a message, the engine thread
loads models and writes replies.

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QObject, QTimer, Signal

from chatapp.conversation.attachments import keep_attachment, remove_unreferenced_copies
from chatapp.conversation.chat_list import (
    PendingDelete,
    delete_conversations,
    pin_conversations,
)
from chatapp.conversation.chat_settings import (
    MODEL,
    ChatSummary,
    RemoteModelRef,
    chat_model_path,
    chat_remote_model,
    clean_overrides,
    conversation_overrides,
    describe,
    effective_settings,
    stored_settings,
    with_remote_model,
)
from chatapp.conversation.presets import Preset, PresetLibrary
from chatapp.conversation.questions import SavedQuestion, save_edited_question, save_question
from chatapp.documents.blob_store import BlobStore
from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.model_loader import ModelSummary
from chatapp.errors import UserFacingError
from chatapp.history.store import (
    Attachment,
    Citation,
    Conversation,
    HistoryDamagedError,
    HistoryStore,
    Message,
)
from chatapp.i18n import format_number, translate
from chatapp.models.errors import RegistryDamagedError
from chatapp.models.library import ModelLibrary
from chatapp.models.starter import find_starter_source, install_starter
from chatapp.paths import AppPaths
from chatapp.reasoning.formats import NO_CONTROL
from chatapp.remote.listing import display_name
from chatapp.remote.servers import servers_file
from chatapp.settings import Settings, save_settings
from chatapp.ui.composer import ComposerState
from chatapp.ui.remote.catalog import RemoteCatalog
from chatapp.ui.workers.engine_worker import EngineController, RemoteTarget
from chatapp.ui.workers.files_thread import FilesThread
from chatapp.ui.workers.history_thread import HistoryThread
from chatapp.ui.workers.task_thread import TaskThread
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
    remote: bool = False  # the reply comes from a remote server: no local context to show


@dataclass(frozen=True)
class StreamedReply:
    """The reply being written, as far as it has come: shown when its chat is opened."""

    answer: str
    reasoning: str
    thought_seconds: float | None  # None: still thinking (or never did)


@dataclass(frozen=True)
class ChatDocuments:
    """A chat's files and sources, by message id: what each question attached (with how
    the last prompt used it) and what each reply cited."""

    attachments: Mapping[int, Sequence[Attachment]] = field(default_factory=dict)
    citations: Mapping[int, Sequence[Citation]] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelScan:
    """What the files thread found: the models, and what the placeholder needs."""

    models: list[Path]  # chat models (embedding models are never offered for chat)
    last_model_exists: bool
    starter_available: bool
    problem: UserFacingError | None = None  # e.g. a damaged registry, kept aside
    embedding_models: tuple[Path, ...] = ()  # for Local documents


def composer_state(model: ModelSummary | None, loading: bool, turn: Turn | None, *,
                   remote: bool = False) -> ComposerState:
    """What the composer allows, from the session's state: the one place it is decided.
    ``remote``: the open chat's replies come from a remote server (no local model needed;
    a load still holds the engine thread, which runs those replies too)."""
    if turn is not None:
        return ComposerState.SENDING if turn.phase is TurnPhase.SAVING \
            else ComposerState.GENERATING
    if loading:
        return ComposerState.LOADING
    if model is None and not remote:
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
    # The open chat's attachments and citations (ChatDocuments): emitted before the
    # messages are shown, and again when a reply's sources are stored.
    documents_changed = Signal(int, object)
    # The loaded model's thinking switch (ThinkingControl) and the open chat's choice.
    thinking_changed = Signal(object, object)
    # Chats deleted that Undo still brings back; 0: the offer is over.
    delete_undoable = Signal(int)
    message_revealed = Signal(int)  # a message of the open chat to scroll to and mark
    chat_settings_shown = Signal(object, object)  # the open chat's id | None, ChatSummary
    presets_changed = Signal(object, str)  # tuple[Preset, ...], what was done ("": loaded)
    presets_failed = Signal(object)  # UserFacingError of a preset action
    # The open chat's remote model (RemoteModelRef), None when it uses the local engine.
    remote_shown = Signal(object)

    def __init__(self, paths: AppPaths, settings: Settings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.library = ModelLibrary(paths.models_dir, paths.models_registry)
        self.history = HistoryThread(paths.history_db, self)
        self.files = FilesThread(self)
        # Attached files are read on a thread of their own: a model being copied on the
        # files thread (minutes for a large one) must not keep a chip "reading…".
        self.attachments = TaskThread("attachments", parent=self)
        self.blobs = BlobStore(paths.attachments_dir)
        self.engine = EngineController(paths.history_db, paths.probe_cache,
                                       self, attachments_dir=paths.attachments_dir,
                                       knowledge_index=paths.knowledge_index,
                                       kv_state_dir=paths.kv_state_dir,
                                       speed_records=paths.speed_records_file)
        # Remote servers and their models (the servers file, the keyring, the network).
        self.remote = RemoteCatalog(paths, self)
        self.conversations: list[Conversation] = []
        self.current: int | None = None  # the open chat; None: a new chat not yet saved
        # The chat to open at start, if it still exists: the one open at the last quit.
        self.reopen: int | None = None
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
        """Work is queued or running on the history, files or attachments thread."""
        return self.history.busy or self.files.busy or self.attachments.busy

    def _update_composer(self) -> None:
        state = composer_state(self.model, self.loading_path is not None, self.turn,
                               remote=self.chat_remote(self.current) is not None)
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
                    translate("ChatSession", "1 reply was cut off when the app last closed; "
                              "what was written is kept.") if count == 1
                    else translate("ChatSession", "%n replies were cut off when the app last "
                                   "closed; what was written is kept.", "", count), False)
            self.refresh_conversations(open_first=True)

        blobs = self.blobs

        def recover(store: HistoryStore) -> int:
            count = store.recover_interrupted()
            _let_go_of_copies(store, blobs)  # of chats deleted within the grace hour
            return count

        self.history.submit(recover, recovered, self._report)
        self.scan_models(load_initial=True, tidy=True)
        self.reload_presets()
        self.remote.load()  # the servers file only: no network until the user asks

    def start_fresh(self) -> None:
        """Move the damaged history aside and start again with an empty one."""
        def moved(path: Path) -> None:
            self.activity.emit(translate("ChatSession", "The damaged history was kept as "
                                         "{file}; a new one was started.").format(
                                             file=path.name), False)
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
                models, embedding = library.chat_and_embedding_paths()
            except RegistryDamagedError as error:  # kept aside: list again without it
                problem = error
                models, embedding = library.chat_and_embedding_paths()
            return ModelScan(models, bool(last and Path(last).is_file()),
                             find_starter_source() is not None, problem, tuple(embedding))

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
            self.error.emit(UserFacingError(translate(
                "ChatSession", "Wait for the reply to finish (or stop it) before switching "
                "models.")))
            self.loading_changed.emit(self.loading_path)  # the picker shows what is true
            return
        self.loading_path = path
        self.loading_changed.emit(path)
        self.activity.emit(translate("ChatSession", "Loading {file}…").format(file=path.name),
                           True)
        self._update_composer()
        self.engine.load(path, self._load_request(path))

    def install_starter(self) -> None:
        models_dir = self.paths.models_dir
        self.activity.emit(translate("ChatSession", "Installing the starter model…"), True)

        def done(path: Path) -> None:
            self.activity.emit("", False)
            self.scan_models()
            self.load_model(path)

        self.files.submit(lambda cancel: install_starter(models_dir, cancel), done,
                          self._failed_activity)

    def import_model(self, path: Path, *, copy: bool) -> None:
        library = self.library
        self.activity.emit((translate("ChatSession", "Copying {file}…") if copy
                            else translate("ChatSession", "Checking {file}…")).format(
                                file=path.name), True)

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
        for_chat = self._loaded_as(summary)
        self.loading_path = None
        self.loading_changed.emit(None)
        self.model_changed.emit(summary)
        self.activity.emit(translate(
            "ChatSession", "Loaded {model}: context {tokens} tokens ({reason}), {threads} "
            "threads.").format(model=summary.name, tokens=format_number(summary.context_length),
                               reason=summary.context_reason,
                               threads=format_number(summary.threads)), False)
        self._update_composer()
        self._show_thinking()
        if self.settings.last_model_path != str(summary.path) and not for_chat:
            self.apply_settings(replace(self.settings, last_model_path=str(summary.path)))
        self._measure_context()
        self._show_chat_settings()
        self._resume_follow()

    def _model_failed(self, path: str, error: UserFacingError) -> None:
        if self._asked is not None and str(self._asked.path) == path:
            self._asked = None  # the model loaded before stays, as it was
        self.loading_path = None
        self.loading_changed.emit(None)
        self.activity.emit("", False)
        self._update_composer()
        self._report(error)
        self._resume_follow()

    # -- settings ----------------------------------------------------------------------

    def apply_settings(self, new: Settings) -> None:
        """Use ``new`` from the next reply on; save it; reload the model if its context
        length or KV cache type changed (after the reply being written, if there is one)."""
        old, self.settings = self.settings, new
        path = self.paths.settings_file
        self.files.submit_must_land(lambda: save_settings(path, new), self._report)
        self.settings_changed.emit(new)
        if self.model is None:
            return
        chat = self.chat_settings(self.current)  # the open chat may set its own context
        if self._loaded is not None and chat.context_length != self._loaded.context_length:
            self._reload_context(chat, translate("ChatSession",
                                                 "Reloading the model with the new context…"))
        elif new.kv_cache_type != old.kv_cache_type:
            self._reload_context(chat, translate(
                "ChatSession", "Reloading the model with the new context memory "
                "({type})…").format(type=new.kv_cache_type))
        elif new.threads != old.threads:
            self.engine.apply_settings(chat)
        if new.system_prompt != old.system_prompt or new.max_reply_tokens != \
                old.max_reply_tokens:
            self._measure_context()

    # -- chats -------------------------------------------------------------------------

    def refresh_conversations(self, *, open_first: bool = False) -> None:
        def done(conversations: list[Conversation]) -> None:
            self.conversations = conversations
            if open_first and self.current is None and conversations and self.turn is None:
                # Where the user left off: the chat open at the last quit if it is still
                # there, else the chat written in last, even when others are pinned above.
                reopen, self.reopen = self.reopen, None
                latest = max(conversations, key=lambda c: (c.updated_at, c.id))
                found = next((c.id for c in conversations if c.id == reopen), None)
                self.open_conversation(found if found is not None else latest.id)
            self.conversations_changed.emit(conversations, self.current)

        self.history.submit(lambda store: store.list_conversations(), done, self._report)

    def new_conversation(self) -> None:
        """An empty chat; it is created in the history with its first message."""
        self._view += 1
        self.current = None
        self.current_changed.emit(None)
        self.thinking = None
        self._show_thinking()
        self._chat_opened(new=True)
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
        self._chat_opened()

        def done(read: _BranchOnScreen) -> None:
            if view != self._view:
                return  # the user moved on meanwhile
            messages, branches, documents = read
            # First, so the view marks the versions and files as it builds the messages.
            self.branches_changed.emit(conversation_id, branches)
            self.documents_changed.emit(conversation_id, documents)
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
            self.error.emit(UserFacingError(translate(
                "ChatSession", "This chat is writing a reply: stop it before deleting the "
                "chat.")))
            return

        def done(_none: None) -> None:
            if self.current == conversation_id:
                self.new_conversation()
            self.refresh_conversations(open_first=True)

        blobs = self.blobs

        def delete(store: HistoryStore) -> None:
            store.delete_conversation(conversation_id)
            _let_go_of_copies(store, blobs)

        self.history.submit(delete, done, self._report)

    def _measure_context(self) -> None:
        if self.chat_remote(self.current) is not None:
            return  # the server's context is its own: nothing here measures it
        if self.model is not None and self.current is not None:
            self.engine.measure_context(self.current, self.chat_settings(self.current))

    def _context_usage(self, conversation_id: int, used: int, total: int,
                       dropped: int) -> None:
        if conversation_id == self.current and not self._turn_visible():
            self.context_changed.emit(used, total, dropped)

    # -- a turn ------------------------------------------------------------------------

    def keep_attachment(self, path: Path, on_done: Callable[[Attachment], None],
                        on_error: Callable[[UserFacingError], None]) -> None:
        """Read a file the user attached and keep its private copy (on its own thread);
        ``on_error`` gets the reader's reason if it cannot go with a message (not a kind
        chatapp reads, binary, encrypted, too large, unreadable) or cannot be kept."""
        blobs = self.blobs
        self.attachments.submit(lambda _none: keep_attachment(path, blobs).attachment,
                                on_done, on_error)

    def send(self, text: str, attachments: Sequence[Attachment] = ()) -> bool:
        """Send a question, with its files (kept already: keep_attachment), to the open
        chat (a new chat if none is open). False if no turn can start now (no model, a
        reply being written, nothing to send)."""
        text = text.strip()
        files = tuple(attachments)
        if not (text or files) or self._composer is not ComposerState.READY:
            return False
        turn = self.turn = Turn(self.current, TurnPhase.SAVING, self._view)
        self._update_composer()
        self.activity.emit(translate("ChatSession", "Saving your message…"), True)

        def saved(result: SavedQuestion) -> None:
            if self.turn is not turn:
                return
            turn.conversation_id = result.conversation.id
            if result.created:
                self._chat_created(result.conversation)
            if turn.view == self._view and self.current is None:
                self.current = result.conversation.id  # the new chat the user is in
            visible = self._turn_visible()
            if visible:
                if files:
                    self.documents_changed.emit(result.conversation.id, ChatDocuments(
                        {result.message.id: files}))
                self.question_saved.emit(result.message)
            self.refresh_conversations()
            if turn.stop_requested:
                self._end_turn(translate("ChatSession", "Stopped before the reply began; your "
                                         "message is saved."))
                return
            self._answer(turn, regenerate=False, visible=visible)

        def failed(error: UserFacingError) -> None:
            if self.turn is turn:
                self._end_turn("")
                self._report(error)  # the draft stays in the composer

        conversation_id = turn.conversation_id
        thinking = self.thinking
        # A new chat is created with what it set before it existed (e.g. its preset's).
        overrides = dict(self._new_chat_overrides) if conversation_id is None else None
        self.history.submit(lambda store: save_question(store, conversation_id, text,
                                                        thinking=thinking, settings=overrides,
                                                        attachments=files),
                            saved, failed)
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
        control = self.model.thinking if self.model is not None \
            and self.chat_remote(self.current) is None else NO_CONTROL
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
        target = self._remote_target(turn)
        settings = self.settings if target is None \
            else self.chat_settings(turn.conversation_id)  # the server needs its system prompt
        self.engine.continue_reply(turn.conversation_id, settings, remote=target)
        self._update_composer()
        self.activity.emit(translate("ChatSession", "Reading the conversation…"), True)
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
        self.activity.emit(translate("ChatSession", "Saving your message…"), True)

        def save(store: HistoryStore) -> _BranchOnScreen:
            save_edited_question(store, message_id, text)
            return _branch_on_screen(store, conversation_id)

        def saved(read: _BranchOnScreen) -> None:
            if self.turn is not turn:
                return
            visible = self._turn_visible()
            if visible:
                self.branches_changed.emit(conversation_id, read[1])
                self.documents_changed.emit(conversation_id, read[2])
                self.conversation_shown.emit(conversation_id, read[0], None)
            self.refresh_conversations()
            if turn.stop_requested:
                self._end_turn(translate("ChatSession", "Stopped before the reply began; your "
                                         "message is saved."))
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
        blobs = self.blobs

        def delete(store: HistoryStore) -> None:
            store.delete_message(message_id)
            _let_go_of_copies(store, blobs)

        self._change_branch(delete)

    def _change_branch(self, change: Callable[[HistoryStore], object]) -> None:
        """Change the open chat's messages, then show its branch anew. Not while a reply
        is being written in it: the reply follows the branch it started on."""
        conversation_id = self.current
        if conversation_id is None or (self.turn is not None
                                       and self.turn.conversation_id == conversation_id):
            return
        view = self._view

        def apply(store: HistoryStore) -> _BranchOnScreen:
            change(store)
            return _branch_on_screen(store, conversation_id)

        def done(read: _BranchOnScreen) -> None:
            if view != self._view:
                return
            self.branches_changed.emit(conversation_id, read[1])
            self.documents_changed.emit(conversation_id, read[2])
            self.conversation_shown.emit(conversation_id, read[0], None)
            self._measure_context()
            self.refresh_conversations()

        self.history.submit(apply, done, self._report)

    def _refresh_documents(self, conversation_id: int) -> None:
        view = self._view

        def done(documents: ChatDocuments) -> None:
            if view == self._view and self.current == conversation_id:
                self.documents_changed.emit(conversation_id, documents)

        self.history.submit(lambda store: _documents_of(store, conversation_id), done,
                            self._report)

    def _refresh_branches(self, conversation_id: int) -> None:
        view = self._view

        def done(branches: dict[int, tuple[int, ...]]) -> None:
            if view == self._view and self.current == conversation_id:
                self.branches_changed.emit(conversation_id, branches)

        self.history.submit(lambda store: store.siblings(conversation_id), done, self._report)

    def _answer(self, turn: Turn, *, regenerate: bool, visible: bool) -> None:
        turn.phase = TurnPhase.ANSWERING
        assert turn.conversation_id is not None
        self.engine.send(turn.conversation_id, regenerate,
                         self.chat_settings(turn.conversation_id),
                         remote=self._remote_target(turn))
        if turn.stop_requested:  # the send cleared the engine's flag: set it again
            self.engine.stop()
        self._update_composer()
        self.activity.emit(translate("ChatSession", "Reading the conversation…"), True)
        if visible:
            self.reply_begun.emit(regenerate)

    def stop(self) -> None:
        turn = self.turn
        if turn is None:
            return
        turn.stop_requested = True
        self.activity.emit(translate("ChatSession", "Stopping…"), True)
        if turn.phase is TurnPhase.ANSWERING:
            self.engine.stop()

    def _reply_started(self, message: Message, prompt_tokens: int, dropped: int) -> None:
        if self.turn is None:
            return
        self.turn.reply = message
        self.activity.emit(translate("ChatSession", "Writing…"), True)
        if self._turn_visible():
            self.reply_started.emit(message, prompt_tokens, dropped)
            if self.model is not None and not self.turn.remote:
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
        remote = self.turn is not None and self.turn.remote
        if visible:
            self._refresh_branches(message.conversation_id)  # a regenerated reply has siblings
            self._refresh_documents(message.conversation_id)  # its sources, the files' use
        tokens = format_number(stats.generated_tokens)
        first = format_number(stats.ttft_s, 2)
        self._end_turn(translate(
            "ChatSession", "Reply: {tokens} tokens at {speed} tokens/s, first token after "
            "{seconds} s.").format(tokens=tokens, speed=format_number(stats.tokens_per_s, 1),
                                   seconds=first) if stats.tokens_per_s
            else translate("ChatSession", "Reply: {tokens} tokens, first token after {seconds} "
                           "s.").format(tokens=tokens, seconds=first))
        if visible:
            self.reply_finished.emit(message, stats)
            if self.model is not None and not remote:
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
        self._resume_follow()  # a chat opened meanwhile may want another model

    # -- quit --------------------------------------------------------------------------

    def request_stop(self) -> None:
        """At quit: stop the reply, cancel loads and copies, let queued writes land."""
        self.engine.request_shutdown()
        self.files.request_stop(drain=False)
        self.attachments.request_stop(drain=False)  # a copy not yet in a message is dropped
        self.remote.request_stop()  # a listing or a test nobody will see
        self.history.request_stop(drain=True)

    def wait_stopped(self, deadline: float) -> bool:
        engine = self.engine.wait_stopped(deadline)
        files = self.files.wait_stopped(deadline)
        files = self.attachments.wait_stopped(deadline) and files
        files = self.remote.wait_stopped(deadline) and files
        history = self.history.wait_stopped(deadline)
        return engine and files and history

    # -- the chat list -----------------------------------------------------------------
    # A delete hides the chats at once and deletes them from the history when the Undo
    # offer ends, so Undo has nothing to restore. One offer at a time: a second delete
    # ends the first. (Class defaults, immutable: each session assigns its own.)

    undo_seconds: float = 6.0
    _undoable: PendingDelete | None = None  # the delete Undo can take back
    _hidden: frozenset[int] = frozenset()  # chats deleted, undoable or being deleted

    @property
    def hidden_conversations(self) -> frozenset[int]:
        """Chats deleted, still on offer to Undo or being deleted: shown nowhere."""
        return self._hidden

    def listed_conversations(self, conversations: list[Conversation]) -> list[Conversation]:
        """The chats the list shows: all but those deleted."""
        hidden = self._hidden
        return [c for c in conversations if c.id not in hidden] if hidden else conversations

    def delete_conversations(self, conversation_ids: list[int]) -> None:
        """Delete chats, undoable for ``undo_seconds``; if the open chat is among them,
        the view moves to a new chat."""
        ids = frozenset(conversation_ids) - self._hidden
        if not ids:
            return
        if self.turn is not None and self.turn.conversation_id in ids:
            self.error.emit(UserFacingError(
                translate("ChatSession", "This chat is writing a reply: stop it before "
                          "deleting the chat.")
                if len(ids) == 1 else translate("ChatSession", "One of these chats is "
                                                "writing a reply: stop it before deleting it.")))
            return
        self.finish_deletes()
        reopen = self.current if self.current in ids else None
        if reopen is not None:
            self.new_conversation()
        batch = self._undoable = PendingDelete(ids, reopen, self._view)
        self._hidden |= ids
        self.conversations_changed.emit(self.conversations, self.current)
        self.delete_undoable.emit(len(ids))
        QTimer.singleShot(round(self.undo_seconds * 1000), self,
                          lambda: self._undo_time_over(batch))

    def _undo_time_over(self, batch: PendingDelete) -> None:
        if self._undoable is batch:  # not undone, nor ended by a later delete
            self.finish_deletes()

    def undo_delete(self) -> None:
        """Show the chats of the last delete again (while its offer lasts)."""
        batch = self._undoable
        if batch is None:
            return
        self._undoable = None
        self._hidden -= batch.ids
        self.delete_undoable.emit(0)
        turn = self.turn
        starting_here = turn is not None and turn.conversation_id is None \
            and turn.view == self._view
        if batch.reopen is not None and self.current is None and self._view == batch.view \
                and not starting_here:  # still in the empty chat the delete moved to
            self.open_conversation(batch.reopen)
        self.conversations_changed.emit(self.conversations, self.current)

    def finish_deletes(self) -> None:
        """End the Undo offer and delete from the history now. Called when the offer
        times out, and at quit before the workers stop (the history thread drains its
        queue, so the delete lands before the app ends)."""
        batch = self._undoable
        if batch is None:
            return
        self._undoable = None
        self.delete_undoable.emit(0)
        ids = batch.ids
        # A deleted chat can be opened again meanwhile (a search result): the delete
        # still takes it, unless it is writing a reply.
        turn = self.turn
        if turn is not None and turn.conversation_id in ids:
            ids = ids - {turn.conversation_id}
            self._hidden -= {turn.conversation_id}
            self.conversations_changed.emit(self.conversations, self.current)
        if self.current in ids:
            self.new_conversation()

        def deleted(_none: None) -> None:
            # Shown no more only now: a listing read before the delete still has them.
            self._hidden -= ids
            self.refresh_conversations()

        def failed(error: UserFacingError) -> None:
            deleted(None)  # the list shows what the history has
            self._report(error)

        blobs = self.blobs

        def delete(store: HistoryStore) -> None:
            delete_conversations(store, ids)
            _let_go_of_copies(store, blobs)

        self.history.submit(delete, deleted, failed)

    def set_pinned(self, conversation_ids: list[int], pinned: bool) -> None:
        """Pin chats to the top of the list, or unpin them."""
        ids = list(conversation_ids)
        self.history.submit(lambda store: pin_conversations(store, ids, pinned),
                            lambda _none: self.refresh_conversations(), self._report)


    # -- per-chat settings -------------------------------------------------------------
    # A chat may set its own system prompt, sampling, context length and model
    # (conversation/chat_settings); what it leaves alone follows self.settings. The model
    # loaded follows the open chat: its own model, or the default one (the last chosen)
    # again after another chat's own, at the context length it asks for. Choosing a model
    # while a chat with its own model is open changes that chat's model, not the default.
    # (Class defaults, immutable: each session assigns its own.)

    presets: tuple[Preset, ...] = ()
    # What the new chat on screen sets (its preset's), saved with its first message.
    _new_chat_overrides: Mapping[str, object] = MappingProxyType({})
    _next_new_chat: Mapping[str, object] = MappingProxyType({})  # new_chat_from_preset's
    # Chats' overrides as this session wrote them: newer than self.conversations until
    # the next listing (the history has them already; the session is their one writer).
    _written: Mapping[int, Mapping[str, object]] = MappingProxyType({})
    _asked: _LoadRequest | None = None  # the load under way
    _loaded: _LoadRequest | None = None  # what the loaded model was loaded for
    _follow_deferred = False  # the open chat wants another model once the engine is free

    def chat_overrides(self, conversation_id: int | None) -> dict[str, object]:
        """What the chat sets of the defaults (None: the new chat on screen)."""
        if conversation_id is None:
            return dict(self._new_chat_overrides)
        if conversation_id in self._written:
            return dict(self._written[conversation_id])
        conversation = self._conversation(conversation_id)
        return conversation_overrides(conversation) if conversation is not None else {}

    def chat_settings(self, conversation_id: int | None) -> Settings:
        """The settings the chat's replies use: the defaults with what the chat sets."""
        return effective_settings(self.settings, self.chat_overrides(conversation_id))

    def chat_model(self, conversation_id: int | None) -> Path | None:
        """The chat's own model, or None: it uses the default model."""
        return chat_model_path(self.chat_overrides(conversation_id))

    def chat_remote(self, conversation_id: int | None) -> RemoteModelRef | None:
        """The chat's remote model, or None: its replies come from the local engine."""
        return chat_remote_model(self.chat_overrides(conversation_id))

    def choose_remote_model(self, ref: RemoteModelRef) -> None:
        """The open chat's replies come from ``ref`` from now on (the model picker)."""
        if self.turn is not None:
            self.error.emit(UserFacingError(translate(
                "ChatSession", "Wait for the reply to finish (or stop it) before switching "
                "models.")))
            self.remote_shown.emit(self.chat_remote(self.current))  # the picker shows what is
            return
        self.set_chat_settings(with_remote_model(self.chat_overrides(self.current), ref))
        server = self.remote.server(ref.server_id)
        where = server.host if server is not None else translate("ChatSession",
                                                                 "a remote server")
        self.activity.emit(translate("ChatSession", "This chat's replies come from {model} on "
                                     "{host}.").format(model=display_name(ref.model),
                                                       host=where), False)

    def choose_local_model(self, path: Path) -> None:
        """A model file chosen in the picker: the open chat leaves its remote model, if it
        had one, and the file is loaded unless it is already."""
        if self.turn is not None:
            self.load_model(path)  # says to wait
            return
        if self.chat_remote(self.current) is not None:
            self.set_chat_settings(with_remote_model(self.chat_overrides(self.current), None))
        loaded = self.model.path if self.model is not None else None
        if path != (self.loading_path or loaded):
            self.load_model(path)

    def _remote_target(self, turn: Turn) -> RemoteTarget | None:
        """Where the turn's reply comes from, if from a remote server."""
        ref = self.chat_remote(turn.conversation_id)
        turn.remote = ref is not None
        if ref is None:
            return None
        return RemoteTarget(ref, servers_file(self.paths))

    def set_chat_settings(self, overrides: Mapping[str, object]) -> None:
        """What the open chat sets from now on (an empty mapping: the defaults); a new
        chat keeps it until its first message creates it. Its model and context length
        are loaded if they differ from what is."""
        clean = clean_overrides(overrides)
        conversation_id = self.current
        if clean == self.chat_overrides(conversation_id):
            return
        if conversation_id is None:
            self._new_chat_overrides = MappingProxyType(clean)
        else:
            self._written = MappingProxyType({**self._written, conversation_id: clean})
            stored = stored_settings(clean, self._conversation(conversation_id))
            self.history.submit(
                lambda store: store.set_conversation_settings(conversation_id, stored),
                lambda _none: self.refresh_conversations(), self._report)
        self._show_chat_settings()
        self._follow_chat()
        self._measure_context()

    def new_chat_from_preset(self, preset: Preset) -> None:
        """A new chat that starts with the preset's settings (and its model)."""
        self._next_new_chat = MappingProxyType(preset.chat_overrides())
        self.new_conversation()

    def _conversation(self, conversation_id: int) -> Conversation | None:
        return next((c for c in self.conversations if c.id == conversation_id), None)

    def _chat_opened(self, *, new: bool = False) -> None:
        if new:
            self._new_chat_overrides, self._next_new_chat = self._next_new_chat, \
                MappingProxyType({})
        self._show_chat_settings()
        self._follow_chat()

    def _chat_created(self, conversation: Conversation) -> None:
        """A new chat was saved with its first message: it keeps what it set."""
        overrides = conversation_overrides(conversation)
        if overrides:
            self._written = MappingProxyType({**self._written, conversation.id: overrides})

    def _show_chat_settings(self) -> None:
        loaded = self.model.path if self.model is not None else None
        summary: ChatSummary = describe(self.chat_overrides(self.current), self.settings,
                                        loaded)
        self.chat_settings_shown.emit(self.current, summary)
        self.remote_shown.emit(self.chat_remote(self.current))
        self._update_composer()
        self._show_thinking()

    def _load_request(self, path: Path) -> Settings:
        """The settings to load ``path`` with, for the open chat; a chat with its own
        model takes ``path`` as its model (the user chose it while in that chat)."""
        own = self.chat_model(self.current)
        if own is not None and own != path:
            self.set_chat_settings({**self.chat_overrides(self.current), MODEL: str(path)})
        settings = self.chat_settings(self.current)
        self._asked = _LoadRequest(path, settings.context_length, own is not None)
        return settings

    def _loaded_as(self, summary: ModelSummary) -> bool:
        """Note what the model just loaded was asked for; True: a chat's own model."""
        asked = self._asked
        if asked is not None and asked.path == summary.path:
            self._loaded, self._asked = asked, None
        return self._loaded is not None and self._loaded.for_chat

    def _reload_context(self, chat: Settings, why: str) -> None:
        """Reload the loaded model with the context length ``chat`` asks for."""
        assert self.model is not None
        self.loading_path = self.model.path
        self.loading_changed.emit(self.loading_path)
        self.activity.emit(why, True)
        self._update_composer()
        for_chat = self._loaded is not None and self._loaded.for_chat
        self._asked = _LoadRequest(self.model.path, chat.context_length, for_chat)
        self.engine.apply_settings(chat)

    def _follow_chat(self) -> None:
        """Load what the open chat asks for, if something else is loaded: its own model,
        the default model back, or its context length."""
        if self.turn is not None or self.loading_path is not None:
            self._follow_deferred = True  # after the reply or the load (_resume_follow)
            return
        self._follow_deferred = False
        if self.chat_remote(self.current) is not None:
            return  # its replies come from a server: whatever is loaded stays
        own = self.chat_model(self.current)
        loaded = self._loaded
        want = own
        if want is None and loaded is not None and loaded.for_chat \
                and self.settings.last_model_path:
            want = Path(self.settings.last_model_path)  # another chat's own model is loaded
        if want is not None and (self.model is None or self.model.path != want):
            self.load_model(want)
            self.activity.emit((translate("ChatSession", "This chat uses {model}: loading it…")
                                if own is not None
                                else translate("ChatSession", "Loading the default model, "
                                               "{model}, again…")).format(model=want.name),
                               True)
            return
        chat = self.chat_settings(self.current)
        if self.model is not None and loaded is not None \
                and chat.context_length != loaded.context_length:
            wanted = (translate("ChatSession", "Auto") if chat.context_length == 0
                      else translate("ChatSession", "{tokens} tokens").format(
                          tokens=format_number(chat.context_length)))
            self._reload_context(chat, translate("ChatSession", "This chat uses a context of "
                                                 "{size}: reloading the model…").format(
                                                     size=wanted))
        elif loaded is not None and own is None and loaded.for_chat:
            # The default model file was also this chat's own: it is the default again.
            self._loaded = replace(loaded, for_chat=False)

    def _resume_follow(self) -> None:
        if self._follow_deferred:
            self._follow_chat()

    # -- presets: named settings a new chat can start from (conversation/presets) --------

    def reload_presets(self) -> None:
        library = PresetLibrary(self.paths.presets_file)

        def failed(error: UserFacingError) -> None:
            self.presets = ()  # a damaged file was moved aside: there are none now
            self.presets_changed.emit(self.presets, "")
            self.presets_failed.emit(error)

        self.files.submit(lambda _cancel: library.load(),
                          lambda presets: self._presets_are(presets, ""), failed)

    def save_preset(self, preset: Preset, old_name: str | None = None) -> None:
        """Create ``preset``, or change the one named ``old_name`` to it."""
        library = PresetLibrary(self.paths.presets_file)
        if old_name is None:
            self._preset_job(lambda: library.create(preset), translate(
                "ChatSession", "Saved the preset “{name}”.").format(name=preset.name))
        else:
            self._preset_job(lambda: library.edit(old_name, preset), translate(
                "ChatSession", "Saved the preset “{name}”.").format(name=preset.name))

    def delete_preset(self, name: str) -> None:
        library = PresetLibrary(self.paths.presets_file)
        self._preset_job(lambda: library.delete(name), translate(
            "ChatSession", "Deleted the preset “{name}”.").format(name=name))

    def export_presets(self, target: Path, names: list[str] | None = None) -> None:
        """Write the presets named (all if None) to ``target`` as a presets file."""
        library = PresetLibrary(self.paths.presets_file)

        def done(count: int) -> None:
            text = (translate("ChatSession", "Exported 1 preset to {file}.") if count == 1
                    else translate("ChatSession", "Exported %n presets to {file}.", "", count))
            self.presets_changed.emit(self.presets, text.format(file=target.name))

        self.files.submit(lambda _cancel: library.export(target, names), done,
                          self.presets_failed.emit)

    def import_presets(self, source: Path) -> None:
        library = PresetLibrary(self.paths.presets_file)

        def done(result: tuple[list[Preset], list[str]]) -> None:
            presets, added = result
            count = len(added)  # a plain name: lupdate skips a call as the count
            text = (translate("ChatSession", "Imported 1 preset: {names}.") if count == 1
                    else translate("ChatSession", "Imported %n presets: {names}.", "", count))
            self._presets_are(presets, text.format(names=", ".join(added)))

        self.files.submit(lambda _cancel: library.import_file(source), done,
                          self.presets_failed.emit)

    def _preset_job(self, job: Callable[[], list[Preset]], note: str) -> None:
        self.files.submit(lambda _cancel: job(), lambda presets: self._presets_are(presets, note),
                          self.presets_failed.emit)

    def _presets_are(self, presets: list[Preset], note: str) -> None:
        self.presets = tuple(presets)
        self.presets_changed.emit(self.presets, note)

    # -- search --

    def reveal_message(self, conversation_id: int, message_id: int) -> None:
        """Show a message a search found: its chat opens on the newest branch through it
        (switched on the history thread), then ``message_revealed`` asks the view to
        scroll to it. A chat writing a reply keeps its branch, as the reply follows the
        branch it started on: a message on another one is not shown, and the user told."""
        writing = self.turn is not None and self.turn.conversation_id == conversation_id
        view = self._view

        def switch(store: HistoryStore) -> tuple[bool, bool]:
            """Whether the message is on the branch on screen now, and if it was switched."""
            if any(m.id == message_id for m in store.list_messages(conversation_id)):
                return True, False
            if writing:
                return False, False
            store.switch_branch(conversation_id, message_id)
            return True, True

        def switched(result: tuple[bool, bool]) -> None:
            if view != self._view:
                return  # the user moved on meanwhile
            on_screen, changed = result
            if not on_screen:
                self.error.emit(UserFacingError(translate(
                    "ChatSession", "That message is in another version of this chat. It can "
                    "be shown once the reply being written is done (or stopped).")))
            if self.current == conversation_id and not changed:
                if on_screen:
                    self.message_revealed.emit(message_id)
                return
            if self.current == conversation_id:
                self.current = None  # open_conversation reads it again, on its new branch
            self.open_conversation(conversation_id)
            opened = self._view

            def shown(_none: None) -> None:
                if opened == self._view and on_screen:
                    self.message_revealed.emit(message_id)

            # Queued behind the chat's read, so this runs once the view shows the branch.
            self.history.submit(lambda _store: None, shown, self._report)

        self.history.submit(switch, switched, self._report)


@dataclass(frozen=True)
class _LoadRequest:
    """A model load the session asked for: the file, the context length, and whether
    it is a chat's own model (a load that does not change the default model)."""

    path: Path
    context_length: int
    for_chat: bool


def _let_go_of_copies(store: HistoryStore, blobs: BlobStore) -> None:
    """Remove the private copies of files no message refers to any more (after a delete;
    the history thread's job). A copy that cannot be removed now is removed at a later
    delete or start."""
    try:
        remove_unreferenced_copies(store, blobs)
    except OSError as error:
        log.warning("Could not remove attachment copies no chat uses: %s", error)


_BranchOnScreen = tuple[list[Message], dict[int, tuple[int, ...]], ChatDocuments]


def _documents_of(store: HistoryStore, conversation_id: int) -> ChatDocuments:
    return ChatDocuments(store.attachments_of(conversation_id),
                         store.citations_of(conversation_id))


def _branch_on_screen(store: HistoryStore, conversation_id: int) -> _BranchOnScreen:
    """A chat's branch on screen, which of its messages have other versions, and its
    files and sources."""
    return (store.list_messages(conversation_id), store.siblings(conversation_id),
            _documents_of(store, conversation_id))


def quit_deadline(seconds: float = 2.0) -> float:
    return time.monotonic() + seconds

