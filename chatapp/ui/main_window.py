"""The main window: conversations on the left, the chat on the right.

Every piece of work runs on a worker: the model on the engine thread, the database
and files on the storage thread. This class only wires requests to workers and
their answers to widgets.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatapp import __version__
from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.model_loader import ModelSummary
from chatapp.formatting import format_bytes
from chatapp.hardware import Hardware, detect_hardware
from chatapp.history.store import Conversation, HistoryStore, Message
from chatapp.hub.downloads import DownloadEvent, DownloadState
from chatapp.models.catalog import Catalog, load_catalog
from chatapp.models.library import ModelLibrary
from chatapp.models.starter import STARTER, find_starter_source, install_starter
from chatapp.paths import AppPaths
from chatapp.settings import Settings, save_settings
from chatapp.ui.composer import Composer, ComposerState
from chatapp.ui.conversation_list import ConversationList
from chatapp.ui.conversation_view import ConversationView
from chatapp.ui.model_manager.downloads_view import describe_progress
from chatapp.ui.model_manager.installed_tab import ask_import_mode
from chatapp.ui.model_manager.pane import ModelsPane
from chatapp.ui.settings_dialog import SettingsDialog
from chatapp.ui.status_line import StatusLine
from chatapp.ui.workers.engine_worker import EngineController
from chatapp.ui.workers.hub_worker import HubController
from chatapp.ui.workers.storage_worker import StorageController
from chatapp.ui.workers.task_thread import TaskThread

log = logging.getLogger(__name__)

OPEN_FILE_ITEM = "__open__"
PENDING_CONVERSATION = 0  # a reply waiting for its new chat to be created (ids start at 1)


class Banner(QWidget):
    """A dismissable message above the conversation, for errors the user must read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        self.label = QLabel(self)
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName("Dismiss")
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()


class MainWindow(QMainWindow):
    conversations_changed = Signal()

    def __init__(self, paths: AppPaths, settings: Settings,
                 hardware: Hardware | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.hardware = hardware or detect_hardware()
        self.model: ModelSummary | None = None
        self.loading_path: str | None = None
        self.current_conversation: int | None = None
        self.generating_conversation: int | None = None
        self.conversations: list[Conversation] = []
        self._streamed: list[str] = []  # the reply being written, for a view that reopens it
        self._closing = False

        self.setWindowTitle("chatapp")
        self.resize(1100, 760)
        self.storage = StorageController(paths.history_db, self)
        self.engine = EngineController(paths.history_db, paths.cache_dir / "probe-results.json",
                                       self)
        self.library = ModelLibrary(paths.models_dir, paths.models_registry)
        self.hub = HubController(paths.models_dir, settings.hub_endpoint, parent=self)
        self.secrets = TaskThread("secrets", parent=self)
        self.models_pane: ModelsPane | None = None
        self._hub_token: str | None = None
        self._build()
        self._connect()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.sidebar = ConversationList(self)
        self.view = ConversationView(self)
        self.composer = Composer(self)
        self.banner = Banner(self)
        self.status = StatusLine(self)
        self.setStatusBar(self.status)

        top = QWidget(self)
        top.setObjectName("topBar")
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(18, 8, 18, 4)
        model_label = QLabel("Model", top)
        self.model_picker = QComboBox(top)
        self.model_picker.setObjectName("modelPicker")
        self.model_picker.setAccessibleName("Model")
        self.model_picker.setMinimumWidth(320)
        self.model_picker.setPlaceholderText("No model loaded")
        self.model_picker.activated.connect(self._model_picked)
        self.models_button = QPushButton("Models…", top)
        self.models_button.setObjectName("modelsButton")
        self.models_button.setToolTip("Find, download and manage models")
        self.models_button.clicked.connect(self.open_models_pane)
        self.settings_button = QPushButton("Settings", top)
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.clicked.connect(self.open_settings)
        top_layout.addWidget(model_label)
        top_layout.addWidget(self.model_picker)
        top_layout.addWidget(self.models_button)
        top_layout.addStretch(1)
        top_layout.addWidget(self.settings_button)

        chat = QWidget(self)
        chat_layout = QVBoxLayout(chat)
        chat_layout.setContentsMargins(0, 0, 0, 0)
        chat_layout.setSpacing(0)
        chat_layout.addWidget(top)
        chat_layout.addWidget(self.banner)
        chat_layout.addWidget(self.view, 1)
        chat_layout.addWidget(self.composer)

        splitter = QSplitter(self)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(chat)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 850])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

        file_menu = self.menuBar().addMenu("&File")
        new_chat = QAction("&New chat", self)
        new_chat.triggered.connect(self.new_conversation)
        file_menu.addAction(new_chat)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        model_menu = self.menuBar().addMenu("&Model")
        manage = QAction("&Models…", self)
        manage.setShortcut(QKeySequence("Ctrl+M"))
        manage.triggered.connect(self.open_models_pane)
        model_menu.addAction(manage)
        open_model = QAction("&Open model file…", self)
        open_model.setShortcut(QKeySequence.StandardKey.Open)
        open_model.triggered.connect(self.choose_model_file)
        model_menu.addAction(open_model)
        self.install_starter_action = QAction(f"Install the starter model "
                                              f"({STARTER.display_name})", self)
        self.install_starter_action.triggered.connect(self.install_starter_model)
        model_menu.addAction(self.install_starter_action)
        settings_action = QAction("&Settings…", self)
        settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        settings_action.triggered.connect(self.open_settings)
        model_menu.addAction(settings_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About chatapp", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

        self.view.placeholder.linkActivated.connect(self._placeholder_link)
        self._show_no_model_placeholder()

    def _connect(self) -> None:
        self.sidebar.new_requested.connect(self.new_conversation)
        self.sidebar.selected.connect(self.open_conversation)
        self.sidebar.rename_requested.connect(self.rename_conversation)
        self.sidebar.delete_requested.connect(self.delete_conversation)
        self.composer.send_requested.connect(self.send_message)
        self.composer.stop_requested.connect(self.stop_reply)
        self.view.regenerate_requested.connect(self.regenerate_reply)

        self.storage.opened.connect(self._storage_opened)
        self.storage.open_failed.connect(self._storage_failed)
        self.storage.error.connect(self.banner.show_message)
        self.hub.error.connect(self.banner.show_message)
        self.hub.download_event.connect(self._download_event)

        worker = self.engine.worker
        worker.loading.connect(self._model_loading)
        worker.model_loaded.connect(self._model_loaded)
        worker.model_failed.connect(self._model_failed)
        worker.context_usage.connect(self._context_usage)
        worker.user_message_saved.connect(self._user_message_saved)
        worker.reply_started.connect(self._reply_started)
        worker.reply_text.connect(self._reply_text)
        worker.reply_finished.connect(self._reply_finished)
        worker.reply_failed.connect(self._reply_failed)

    # -- start-up ----------------------------------------------------------------------

    def _storage_opened(self, recovered: int) -> None:
        if recovered:
            self.status.set_activity(
                f"{recovered} reply{'s were' if recovered != 1 else ' was'} cut off when the "
                "app last closed; what was written is kept.")
        self.refresh_conversations(select_first=True)
        self.refresh_models(load_initial=True)

    def _storage_failed(self, message: str) -> None:
        self.banner.show_message(message)

    def refresh_models(self, load_initial: bool = False) -> None:
        library = self.library
        last = self.settings.last_model_path

        def scan(_store: HistoryStore) -> tuple[list[Path], bool]:
            return library.model_paths(), bool(last and Path(last).is_file())

        def done(result: tuple[list[Path], bool]) -> None:
            models, last_exists = result
            self._fill_model_picker(models)
            if not load_initial or self.model is not None or self.loading_path:
                return
            if last_exists and last:
                self.load_model(Path(last))
            elif models:
                self.load_model(models[0])
            else:
                self._show_no_model_placeholder()

        self.storage.submit(scan, done)

    def _fill_model_picker(self, models: list[Path]) -> None:
        self.model_picker.clear()
        paths = list(models)
        for extra in (self.model.path if self.model else None,
                      Path(self.loading_path) if self.loading_path else None):
            if extra is not None and extra not in paths:
                paths.append(extra)
        for path in paths:
            self.model_picker.addItem(path.name, str(path))
        self.model_picker.addItem("Open a model file…", OPEN_FILE_ITEM)
        self._select_in_picker()

    def _select_in_picker(self) -> None:
        wanted = self.loading_path or (str(self.model.path) if self.model else None)
        index = self.model_picker.findData(wanted) if wanted else -1
        if index < 0 and wanted:
            self.model_picker.insertItem(self.model_picker.count() - 1, Path(wanted).name,
                                         wanted)
            index = self.model_picker.findData(wanted)
        self.model_picker.setCurrentIndex(index)

    # -- models ------------------------------------------------------------------------

    def load_model(self, path: Path) -> None:
        if self.generating_conversation is not None:
            self.banner.show_message("Wait for the reply to finish (or stop it) before "
                                     "switching models.")
            self._select_in_picker()
            return
        self.loading_path = str(path)
        self._select_in_picker()
        self.composer.set_state(ComposerState.LOADING)
        self.status.set_activity(f"Loading {path.name}…", busy=True)
        self.engine.load(path, self.settings)

    def _model_picked(self, index: int) -> None:
        data = self.model_picker.itemData(index)
        if data == OPEN_FILE_ITEM:
            self._select_in_picker()
            self.choose_model_file()
        elif data and (self.model is None or data != str(self.model.path)):
            self.load_model(Path(data))

    def choose_model_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open a GGUF model file", str(Path.home()),
                                              "GGUF models (*.gguf);;All files (*)")
        if not name:
            return
        path = Path(name)
        copy = ask_import_mode(self, path)
        if copy is None:
            return
        library = self.library
        self.status.set_activity(f"Copying {path.name}…" if copy else "", busy=copy)

        def imported(target: Path) -> None:
            self.status.set_activity("")
            self.refresh_models()
            self.load_model(target)

        def failed(message: str) -> None:
            self.status.set_activity("")
            self.banner.show_message(message)

        self.storage.submit(
            lambda _s: library.import_copy(path) if copy else library.import_in_place(path),
            imported, failed)

    # -- the Models pane and downloads -------------------------------------------------

    def open_models_pane(self) -> None:
        if self.models_pane is not None:
            self.models_pane.show()
            self.models_pane.raise_()
            return
        # The catalog is a file: read it on the storage thread, then build the pane.
        self.storage.submit(lambda _s: load_catalog(), self._create_models_pane,
                            self.banner.show_message)

    def _create_models_pane(self, catalog: Catalog) -> None:
        if self.models_pane is not None:
            return
        pane = ModelsPane(library=self.library, catalog=catalog, hardware=self.hardware,
                          disk=self.storage, hub=self.hub, secrets=self.secrets, parent=self)
        pane.load_requested.connect(self.load_model)
        pane.models_changed.connect(self.refresh_models)
        pane.token_box.token_changed.connect(self._token_changed)
        pane.set_loaded(self.model.path if self.model else None)
        self.models_pane = pane
        pane.token_box.load()
        pane.show()

    def _token_changed(self, token: str | None) -> None:
        if token != self._hub_token:
            self._hub_token = token
            self.hub.set_connection(self.settings.hub_endpoint, token)

    def _download_event(self, event: DownloadEvent) -> None:
        status = event.status
        if status.state in (DownloadState.RUNNING, DownloadState.VERIFYING,
                            DownloadState.INSTALLING):
            self.status.set_download(f"{status.name}: {describe_progress(status)}")
        elif status.state == DownloadState.DONE:  # announced once, as it leaves the queue
            self.status.set_download("")
            self.status.set_activity(f"Downloaded {status.name}; it is in the model list.")
            self.refresh_models()
        elif status.state == DownloadState.FAILED and event.kind == "state":
            self.status.set_download("")
            if status.error is not None:
                self.banner.show_message(status.error.user_message)
        elif event.kind == "state":
            self.status.set_download("")

    def install_starter_model(self) -> None:
        if find_starter_source() is None:
            self.banner.show_message(
                "The starter model is not part of this installation. Run `make run` in the "
                "source folder, or open a GGUF file you already have (Model ▸ Open).")
            return
        models_dir = self.paths.models_dir
        self.status.set_activity("Installing the starter model…", busy=True)

        def done(path: Path) -> None:
            self.status.set_activity("")
            self.load_model(path)

        def failed(message: str) -> None:
            self.status.set_activity("")
            self.banner.show_message(message)

        self.storage.submit(lambda _store: install_starter(models_dir), done, failed)

    def _model_loading(self, path: str, stage: str) -> None:
        self.status.set_activity(stage, busy=True)

    def _model_loaded(self, summary: ModelSummary) -> None:
        self.model = summary
        self.loading_path = None
        self.banner.hide()
        if self.models_pane is not None:
            self.models_pane.set_loaded(summary.path)
        self.status.set_model(summary)
        self.status.set_context(0, summary.context_length)
        self.status.set_activity(
            f"Loaded {summary.name}: context {summary.context_length:,} tokens "
            f"({summary.context_reason}), {summary.threads} threads.")
        self._select_in_picker()
        self.composer.set_state(ComposerState.READY if self.generating_conversation is None
                                else ComposerState.GENERATING)
        self._show_chat_placeholder()
        if self.settings.last_model_path != str(summary.path):
            self._save_settings(replace(self.settings, last_model_path=str(summary.path)))
        if self.current_conversation is not None:
            self.engine.measure_context(self.current_conversation, self.settings)

    def _model_failed(self, path: str, message: str) -> None:
        self.loading_path = None
        self.status.set_activity("")
        self.banner.show_message(message)
        self._select_in_picker()
        self.composer.set_state(ComposerState.READY if self.model else ComposerState.NO_MODEL)
        if self.model is None:
            self._show_no_model_placeholder()

    # -- conversations -----------------------------------------------------------------

    def refresh_conversations(self, select_first: bool = False) -> None:
        def done(conversations: list[Conversation]) -> None:
            self.conversations = conversations
            if select_first and self.current_conversation is None and conversations:
                self.current_conversation = conversations[0].id
                self.open_conversation(conversations[0].id)
            self.sidebar.set_conversations(conversations, self.current_conversation)
            self.conversations_changed.emit()

        self.storage.submit(lambda store: store.list_conversations(), done)

    def new_conversation(self) -> None:
        def done(conversation: Conversation) -> None:
            self.current_conversation = conversation.id
            self.view.show_conversation(conversation.id, [])
            self._update_context_status()
            self.refresh_conversations()
            self.composer.edit.setFocus()

        self.storage.submit(lambda store: store.create_conversation(), done)

    def open_conversation(self, conversation_id: int) -> None:
        self.current_conversation = conversation_id

        def done(messages: list[Message]) -> None:
            if self.current_conversation != conversation_id:
                return  # the user moved on meanwhile
            self.view.show_conversation(conversation_id, messages)
            if self.generating_conversation == conversation_id:
                # Show the reply being written from what has streamed so far.
                self.view.remove_last_reply()
                self.view.start_reply()
                self.view.append_reply_text("".join(self._streamed))
            self._update_context_status()

        self.storage.submit(lambda store: store.list_messages(conversation_id), done)

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        self.storage.submit(lambda store: store.rename_conversation(conversation_id, title),
                            lambda _none: self.refresh_conversations())

    def delete_conversation(self, conversation_id: int) -> None:
        if conversation_id == self.generating_conversation:
            self.banner.show_message("This chat is writing a reply: stop it before deleting "
                                     "the chat.")
            return

        def done(_none: None) -> None:
            if self.current_conversation == conversation_id:
                self.current_conversation = None
                self.view.show_conversation(None, [])
            self.refresh_conversations(select_first=True)

        self.storage.submit(lambda store: store.delete_conversation(conversation_id), done)

    def _update_context_status(self) -> None:
        if self.model is not None and self.current_conversation is not None:
            self.engine.measure_context(self.current_conversation, self.settings)

    # -- a turn ------------------------------------------------------------------------

    def send_message(self, text: str) -> None:
        if self.model is None or self.generating_conversation is not None:
            return
        if self.current_conversation is not None:
            self._start_turn(self.current_conversation, text)
            return
        # No chat is open: show the turn at once, create the chat, then send.
        self._show_turn(PENDING_CONVERSATION, text)

        def created(conversation: Conversation) -> None:
            self.current_conversation = conversation.id
            self.view.conversation_id = conversation.id
            self.generating_conversation = conversation.id
            self.engine.send(conversation.id, text, self.settings)
            self.refresh_conversations()

        self.storage.submit(lambda store: store.create_conversation(), created,
                            lambda message: self._reply_failed(message, None))

    def regenerate_reply(self) -> None:
        if self.model is None or self.generating_conversation is not None \
                or self.current_conversation is None:
            return
        self.view.remove_last_reply()
        self._start_turn(self.current_conversation, None)

    def _start_turn(self, conversation_id: int, text: str | None) -> None:
        self._show_turn(conversation_id, text)
        self.engine.send(conversation_id, text, self.settings)

    def _show_turn(self, conversation_id: int, text: str | None) -> None:
        self.generating_conversation = conversation_id
        self._streamed = []
        if text is not None:
            self.view.add_user_message(text)
        self.view.start_reply()
        self.composer.set_state(ComposerState.GENERATING)
        self.status.set_activity("Reading the conversation…", busy=True)

    def stop_reply(self) -> None:
        if self.generating_conversation is not None:
            self.status.set_activity("Stopping…", busy=True)
            self.engine.stop()

    def _user_message_saved(self, message: Message) -> None:
        if message.conversation_id == self.current_conversation:
            self.view.user_message_saved(message)

    def _reply_started(self, message: Message, prompt_tokens: int, dropped: int) -> None:
        self.status.set_activity("Writing…", busy=True)
        if message.conversation_id == self.current_conversation:
            self.view.reply_started(message)
            if self.model is not None:
                self.view.set_dropped(dropped, self.model.context_length)
                self.status.set_context(prompt_tokens, self.model.context_length)

    def _reply_text(self, text: str) -> None:
        self._streamed.append(text)
        if self.generating_conversation == self.current_conversation:
            self.view.append_reply_text(text)

    def _reply_finished(self, message: Message, stats: GenerationStats) -> None:
        self.generating_conversation = None
        if message.conversation_id == self.current_conversation:
            self.view.finish_reply(message, stats)
            if self.model is not None:
                self.status.set_context(stats.prompt_tokens + stats.generated_tokens,
                                        self.model.context_length)
        speed = f" at {stats.tokens_per_s:.1f} tokens/s" if stats.tokens_per_s else ""
        self.status.set_activity(f"Reply: {stats.generated_tokens:,} tokens{speed}, first "
                                 f"token after {stats.ttft_s:.2f} s.")
        self.composer.set_state(ComposerState.READY if self.model else ComposerState.NO_MODEL)
        self.refresh_conversations()

    def _reply_failed(self, user_message: str, message: Message | None) -> None:
        conversation = self.generating_conversation
        self.generating_conversation = None
        if conversation in (self.current_conversation, PENDING_CONVERSATION):
            self.view.fail_reply(user_message, message)
        else:
            self.banner.show_message(user_message)
        self.status.set_activity("")
        self.composer.set_state(ComposerState.READY if self.model else ComposerState.NO_MODEL)
        self.refresh_conversations()

    def _context_usage(self, conversation_id: int, used: int, total: int, dropped: int) -> None:
        if conversation_id == self.current_conversation \
                and self.generating_conversation is None:
            self.status.set_context(used, total)
            self.view.set_dropped(dropped, total)

    # -- settings ----------------------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self.hardware.physical_cores, self)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        dialog.open()

    def _settings_accepted(self, dialog: SettingsDialog) -> None:
        new = dialog.result_settings
        if new is None or new == self.settings:
            return
        old = self.settings
        self._save_settings(new)
        if new.hub_endpoint != old.hub_endpoint:
            self.hub.set_connection(new.hub_endpoint, self._hub_token)
        if self.model is not None and (new.context_length != old.context_length
                                       or new.threads != old.threads):
            if new.context_length != old.context_length:
                self.loading_path = str(self.model.path)
                self.composer.set_state(ComposerState.LOADING)
                self.status.set_activity("Reloading the model with the new context…",
                                         busy=True)
            self.engine.apply_settings(new)
        self._update_context_status()

    def _save_settings(self, settings: Settings) -> None:
        self.settings = settings
        path = self.paths.settings_file
        self.storage.submit(lambda _store: save_settings(path, settings), lambda _none: None)

    # -- placeholders ------------------------------------------------------------------

    def _show_no_model_placeholder(self) -> None:
        available = find_starter_source() is not None
        self.install_starter_action.setEnabled(available)
        starter = (
            f"<p><a href='install-starter'>Install the starter model</a>: "
            f"{STARTER.display_name}, {format_bytes(STARTER.size_bytes)}, included with "
            "chatapp, no download needed. It is small and quick rather than clever.</p>"
            if available else
            "<p>The starter model is not included in this installation: run "
            "<code>make run</code> in chatapp's source folder, which installs it.</p>"
        )
        self.view.set_placeholder(
            "<h2>No model is loaded</h2>"
            "<p>chatapp runs language models on this computer: your chats never leave it."
            "</p>" + starter +
            "<p>Or <a href='open-model'>open a GGUF model file</a> you already have.</p>"
        )

    def _show_chat_placeholder(self) -> None:
        self.view.set_placeholder(
            "<h2>Ask anything</h2><p>Replies are written on this computer by "
            f"{self.model.name if self.model else 'the model'}; nothing leaves it.</p>")

    def _placeholder_link(self, link: str) -> None:
        if link == "install-starter":
            self.install_starter_model()
        elif link == "open-model":
            self.choose_model_file()

    def _about(self) -> None:
        QMessageBox.about(
            self, "About chatapp",
            f"<p><b>chatapp {__version__}</b></p><p>Chat with language models that run "
            "offline on your own computer. No telemetry; no network unless you start a "
            f"download.</p><p>Data: {self.paths.data_dir}<br>Models: {self.paths.models_dir}"
            "</p>")

    # -- shutdown ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            # A streaming reply is stopped and finalized before the engine thread ends.
            self.engine.shutdown()
            self.hub.shutdown()  # a running download pauses; its bytes stay for later
            self.secrets.shutdown()
            self.storage.shutdown()
        event.accept()
