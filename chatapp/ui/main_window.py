"""The main window: conversations on the left, the chat on the right.

It lays out the widgets, builds the menus and wires signals; what the chat is doing
lives in the ChatSession (ui/chat_session.py), and every piece of work runs on a
worker thread. Here are only the things a window does: dialogs, and quitting in time.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QApplication,
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
from chatapp.conversation.chat_settings import RemoteModelRef, chat_collections
from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.model_loader import ModelSummary
from chatapp.errors import UserFacingError
from chatapp.exchange.exporter import ExportFormat, format_for_path, write_export
from chatapp.exchange.importer import (
    ImportBatch,
    ImportResult,
    import_batch,
    read_import_file,
)
from chatapp.exchange.tree import ChatTree, read_chats
from chatapp.hardware import Hardware, detect_hardware
from chatapp.history.store import Attachment, Conversation, HistoryDamagedError, Message
from chatapp.hub.downloads import DownloadEvent, DownloadState
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.models.catalog import Catalog, load_catalog
from chatapp.paths import AppPaths
from chatapp.remote.listing import display_name
from chatapp.settings import LIMITS, Settings
from chatapp.ui.attachment_chips import AttachmentChip
from chatapp.ui.banner import Banner
from chatapp.ui.batch.batch_window import BatchWindow
from chatapp.ui.chat_header import ChatHeader
from chatapp.ui.chat_session import ChatDocuments, ChatSession, ModelScan, StreamedReply
from chatapp.ui.chat_settings_controls import ChatSettingsControls
from chatapp.ui.citations_view import CitationOpener
from chatapp.ui.composer import Composer, ComposerState, local_files
from chatapp.ui.conversation_list import ConversationList
from chatapp.ui.conversation_view import ConversationView
from chatapp.ui.documents.pane import LocalDocumentsPane
from chatapp.ui.exception_hook import exception_relay
from chatapp.ui.find_bar import FindBar
from chatapp.ui.icons import Icon, icon
from chatapp.ui.menus import build_menus
from chatapp.ui.model_manager.installed_tab import ask_import_mode
from chatapp.ui.model_manager.pane import ModelsPane
from chatapp.ui.model_picker import ModelPicker
from chatapp.ui.placeholders import (
    chat_placeholder,
    no_model_placeholder,
    remote_chat_placeholder,
)
from chatapp.ui.plain_text import escaped, plain_tooltip
from chatapp.ui.remote.servers_dialog import RemoteServersDialog
from chatapp.ui.search_panel import SearchPanel
from chatapp.ui.settings_dialog import SettingsDialog
from chatapp.ui.shortcuts_dialog import ShortcutsDialog, keys_text
from chatapp.ui.status_line import StatusLine
from chatapp.ui.theme import ThemeController
from chatapp.ui.window_state import WindowState, read_window_state, write_window_state
from chatapp.ui.workers.api_thread import ApiServerThread, settings_without_key
from chatapp.ui.workers.hub_worker import HubController
from chatapp.ui.workers.index_thread import CollectionState, IndexThread
from chatapp.ui.workers.task_thread import TaskThread

log = logging.getLogger(__name__)

# Quitting never takes longer than this, whatever is running (see closeEvent).
QUIT_BUDGET_S = 2.0


# A first start's size, and its split between the chat list and the chat.
DEFAULT_SIZE = (1100, 760)
DEFAULT_SPLITTER = (250, 850)
# Ctrl+= and Ctrl+- change the text size by this many percent of the system's.
TEXT_SIZE_STEP = 10
DEFAULT_TEXT_SIZE = 100
# An announced reply is read out to its first words only: the whole is in the list.
ANNOUNCED_CHARS = 80

# The save dialog's filters (translated where shown) and the format each stands for.
EXPORT_FILTERS = {
    QT_TRANSLATE_NOOP("MainWindow", "Markdown (*.md)"): ExportFormat.MARKDOWN,
    QT_TRANSLATE_NOOP("MainWindow", "Web page, one file (*.html)"): ExportFormat.HTML,
    QT_TRANSLATE_NOOP("MainWindow", "chatapp archive, every branch (*.json)"):
        ExportFormat.JSON,
}


def export_file_stem(title: str) -> str:
    """A file name from a chat's title: letters, digits and dashes, not too long."""
    words = "".join(ch if ch.isalnum() else " " for ch in title).split()
    return "-".join(words)[:60].rstrip("-") or "chat"


def all_files_filter() -> str:
    return translate("MainWindow", "All files (*)")


def announcement(target: QObject, text: str) -> QAccessibleAnnouncementEvent:
    """What a screen reader is told to say: ``text``, politely (after what it is saying)."""
    event = QAccessibleAnnouncementEvent(target, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    return event


def reply_announcement(text: str) -> str:
    """The words a finished reply is announced with: that it is done, and how it starts."""
    words = " ".join(text.split())
    if not words:
        return translate("MainWindow", "Reply finished")
    if len(words) > ANNOUNCED_CHARS:
        words = words[:ANNOUNCED_CHARS].rsplit(" ", 1)[0] + "…"
    return translate("MainWindow", "Reply finished: {start}").format(start=words)


class Announcer:
    """Posts announcements to assistive technology from one widget; the last one posted
    is kept (what was said, for the curious and the tests)."""

    def __init__(self, target: QObject) -> None:
        self._target = target
        self.last: QAccessibleAnnouncementEvent | None = None

    def announce(self, text: str) -> None:
        event = announcement(self._target, text)
        QAccessible.updateAccessibility(event)
        self.last = event


class MainWindow(QMainWindow):
    def __init__(self, paths: AppPaths, settings: Settings,
                 hardware: Hardware | None = None,
                 theme: ThemeController | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.hardware = hardware or detect_hardware()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # The app's look: one controller per application (see ui/application.py).
        self.theme = theme if theme is not None else ThemeController(
            app, settings.theme, settings.text_size_percent)
        self.setWindowTitle("chatapp")
        # Read here, before the event loop runs (see window_state.py); written at quit.
        state = read_window_state(paths.window_state_file)
        self.session = ChatSession(paths, settings, self)
        self.session.reopen = state.conversation_id
        self.announcer = Announcer(self)
        self.hub = HubController(paths.models_dir, settings.hub_endpoint, parent=self)
        self.secrets = TaskThread("secrets", parent=self)
        self.models_pane: ModelsPane | None = None
        embedding = settings.embedding_model_path
        self.documents = IndexThread(
            paths.knowledge_index, paths.probe_cache,
            embedding_model=Path(embedding) if embedding else None, parent=self)
        self.documents_pane: LocalDocumentsPane | None = None
        self.remote_dialog: RemoteServersDialog | None = None
        self.batch_window: BatchWindow | None = None
        self.collections: tuple[CollectionState, ...] = ()
        self._hub_token: str | None = None
        self._closing = False
        self.api = ApiServerThread(self.session.engine, self.secrets, settings, parent=self)
        self._build()
        self._restore(state)
        self._connect()
        self._connect_keys()
        self.session.start()
        self.api.apply(settings)
        self.documents.start()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.sidebar = ConversationList(self)
        self.view = ConversationView(self)
        self.find_bar = FindBar(self.view, self)
        self.search_panel = SearchPanel(  # floats over the window
            self.session.history, self, hidden=lambda: self.session.hidden_conversations)
        self.composer = Composer(self)
        self.banner = Banner(self)
        self.chat_header = ChatHeader(self)  # what the open chat uses
        self.status = StatusLine(self)
        self.setStatusBar(self.status)

        top = QWidget(self)
        top.setObjectName("topBar")
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(18, 8, 18, 4)
        self.model_picker = ModelPicker(top)
        self.models_button = QPushButton(translate("MainWindow", "Models…"), top)
        self.models_button.setObjectName("modelsButton")
        self.models_button.setIcon(icon(Icon.MODELS))
        self.models_button.setToolTip(translate("MainWindow",
                                                "Find, download and manage models"))
        self.search_button = QToolButton(top)
        self.search_button.setObjectName("searchButton")
        self.search_button.setIcon(icon(Icon.SEARCH))
        self.search_button.setAccessibleName(translate("MainWindow", "Search chats"))
        self.settings_button = QPushButton(translate("MainWindow", "Settings"), top)
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.setIcon(icon(Icon.SETTINGS))
        # Alt+D reaches the picker (Alt+M is the Model menu's).
        model_label = QLabel(translate("MainWindow", "Mo&del"), top)
        model_label.setBuddy(self.model_picker)
        top_layout.addWidget(model_label)
        top_layout.addWidget(self.model_picker)
        top_layout.addWidget(self.models_button)
        top_layout.addStretch(1)
        top_layout.addWidget(self.search_button)
        top_layout.addWidget(self.settings_button)

        chat = QWidget(self)
        chat_layout = QVBoxLayout(chat)
        chat_layout.setContentsMargins(0, 0, 0, 0)
        chat_layout.setSpacing(0)
        for widget, stretch in ((top, 0), (self.chat_header, 0), (self.banner, 0),
                                (self.find_bar, 0), (self.view, 1), (self.composer, 0)):
            chat_layout.addWidget(widget, stretch)

        splitter = QSplitter(self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.sidebar)
        splitter.addWidget(chat)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes(list(DEFAULT_SPLITTER))
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.menu_actions = build_menus(self)
        self.menu_actions.install_starter.setEnabled(False)  # until the scan says it is there
        self.menu_actions.export_chat.setEnabled(False)  # until a chat is open
        self._tooltips_with_keys()
        self._tab_order()

    def _tooltips_with_keys(self) -> None:
        """Buttons that do what a menu action does say its shortcut in their tooltip."""
        actions = self.menu_actions
        for button, action, tip in (
                (self.sidebar.new_button, actions.new_chat,
                 translate("MainWindow", "Start a new conversation")),
                (self.search_button, actions.search_chats,
                 translate("MainWindow", "Search all chats")),
                (self.models_button, actions.models,
                 translate("MainWindow", "Find, download and manage models")),
                (self.settings_button, actions.settings,
                 translate("MainWindow", "Settings"))):
            keys = keys_text(action.shortcuts()[:1])
            button.setToolTip(f"{tip} ({keys})" if keys else tip)

    def _tab_order(self) -> None:
        """Tab goes as the eye reads: the chat list, the controls above the chat, the
        conversation, then the message box and Send."""
        chain: list[QWidget] = [
            self.sidebar.new_button, self.sidebar.list, self.model_picker,
            self.models_button, self.search_button, self.settings_button,
            self.chat_header.button, self.view, self.composer.attach_button,
            self.composer.edit, self.composer.send_button, self.composer.stop_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _restore(self, state: WindowState) -> None:
        """The size, place and splitter the window had at the last quit; a first start,
        or a state Qt cannot use, gets the default size."""
        if state.geometry is None or not self.restoreGeometry(QByteArray(state.geometry)):
            self.resize(*DEFAULT_SIZE)
        if len(state.splitter) == self.splitter.count():
            self.splitter.setSizes(list(state.splitter))

    def current_state(self) -> WindowState:
        return WindowState(geometry=bytes(self.saveGeometry().data()),
                           splitter=tuple(self.splitter.sizes()),
                           conversation_id=self.session.current)

    def _save_state(self) -> None:
        try:
            write_window_state(self.paths.window_state_file, self.current_state())
        except OSError as error:  # a full disk must not stop the quit
            log.warning("Window state not saved: %s", error)

    def _connect(self) -> None:
        session = self.session
        actions = self.menu_actions
        actions.new_chat.triggered.connect(session.new_conversation)
        actions.quit.triggered.connect(self.close)
        actions.models.triggered.connect(self.open_models_pane)
        actions.open_model.triggered.connect(self.choose_model_file)
        actions.install_starter.triggered.connect(session.install_starter)
        actions.export_chat.triggered.connect(self.export_current_chat)
        actions.export_all.triggered.connect(self.export_all_chats)
        actions.import_chats.triggered.connect(self.import_chats)
        session.current_changed.connect(
            lambda current: actions.export_chat.setEnabled(current is not None))
        actions.settings.triggered.connect(self.open_settings)
        actions.about.triggered.connect(self._about)
        self.chat_controls = ChatSettingsControls(
            self, session, self.chat_header, preset_menu=actions.preset_menu,
            manage_presets=actions.presets, show_error=self.show_error,
            show_note=self.status.set_activity,
            collections=lambda: [(s.collection.id, s.collection.name)
                                 for s in self.collections])
        actions.local_documents.triggered.connect(self.open_documents_pane)
        actions.batch.triggered.connect(self.open_batch_window)
        self.documents.collections_listed.connect(self._collections_listed)
        session.chat_settings_shown.connect(lambda *_args: self._show_chat_collections())
        self.documents.failed.connect(self._documents_failed)
        self.documents.notice.connect(lambda text: self.status.set_activity(text, False))
        self.models_button.clicked.connect(self.open_models_pane)
        self.settings_button.clicked.connect(self.open_settings)
        self.model_picker.model_chosen.connect(session.choose_local_model)
        self.model_picker.open_file_requested.connect(self.choose_model_file)
        self._connect_remote()
        self.view.placeholder.linkActivated.connect(self._placeholder_link)

        self.sidebar.new_requested.connect(session.new_conversation)
        self.sidebar.selected.connect(session.open_conversation)
        self.sidebar.rename_requested.connect(session.rename_conversation)
        self.sidebar.delete_requested.connect(session.delete_conversations)
        self.sidebar.pin_requested.connect(session.set_pinned)
        self.sidebar.undo_requested.connect(session.undo_delete)
        session.delete_undoable.connect(self.sidebar.show_undo)
        self.composer.send_requested.connect(
            lambda text: session.send(text, self.composer.attachments()))
        self.composer.files_attached.connect(self._read_attachments)
        self.setAcceptDrops(True)  # files dropped anywhere on the window are attached
        session.documents_changed.connect(self._documents_changed)
        self.citation_opener = CitationOpener(session.attachments, self)
        self.view.citation_activated.connect(self.citation_opener.open)
        self.composer.stop_requested.connect(session.stop)
        self.view.regenerate_requested.connect(session.regenerate)
        self.view.continue_requested.connect(session.continue_reply)
        session.reply_continues.connect(self.view.continue_last_reply)
        self.view.branch_requested.connect(session.switch_branch)
        self.view.edit_requested.connect(self._edit_requested)
        self.view.delete_requested.connect(self._delete_requested)
        session.branches_changed.connect(lambda _chat, branches: self.view.set_branches(branches))

        session.conversations_changed.connect(self._conversations_changed)
        session.current_changed.connect(self.sidebar.show_current)
        session.conversation_shown.connect(self._conversation_shown)
        session.question_saved.connect(self._question_saved)
        session.reply_begun.connect(self._reply_begun)
        session.reply_started.connect(lambda message, _tokens, _dropped:
                                      self.view.reply_started(message))
        session.reply_text.connect(self.view.append_reply_text)
        session.reply_reasoning.connect(self.view.append_reasoning_text)
        session.reasoning_finished.connect(self.view.reasoning_finished)
        session.reply_finished.connect(self._reply_finished)
        session.reply_failed.connect(self._reply_failed)
        session.composer_changed.connect(self.composer.set_state)
        session.thinking_changed.connect(self.composer.set_thinking)
        self.composer.thinking_selected.connect(session.set_thinking)
        session.model_changed.connect(self._model_changed)
        session.loading_changed.connect(self._loading_changed)
        session.models_scanned.connect(self._models_scanned)
        session.context_changed.connect(self._context_changed)
        session.activity.connect(self.status.set_activity)
        session.error.connect(self.show_error)
        session.history_damaged.connect(self._history_damaged)
        session.settings_changed.connect(self._settings_changed)
        self.hub.failed.connect(self.show_error)
        self.hub.download_event.connect(self._download_event)
        self.secrets.failed.connect(self.show_error)
        self.api.status_changed.connect(self.status.set_api)
        self.api.failed.connect(self.show_error)
        self.api.chat_saved.connect(lambda _chat: self.session.refresh_conversations())
        session.model_changed.connect(self.api.set_model)
        exception_relay().raised.connect(self.banner.show_message)

        actions.search_chats.triggered.connect(self.search_panel.open_panel)
        actions.find_in_chat.triggered.connect(self.find_bar.open_bar)
        self.search_panel.chosen.connect(session.reveal_message)
        session.message_revealed.connect(self.view.reveal_message)
        self.search_panel.closed.connect(self.composer.edit.setFocus)
        self.find_bar.closed.connect(self.composer.edit.setFocus)
        # Connected last, so the count is made again after the view has changed.
        for changed in (session.conversation_shown, session.question_saved,
                        session.reply_finished, session.reply_failed):
            changed.connect(lambda *_args: self.find_bar.refresh())

    def _connect_keys(self) -> None:
        actions = self.menu_actions
        actions.larger_text.triggered.connect(
            lambda: self.set_text_size(self.theme.text_size_percent + TEXT_SIZE_STEP))
        actions.smaller_text.triggered.connect(
            lambda: self.set_text_size(self.theme.text_size_percent - TEXT_SIZE_STEP))
        actions.default_text.triggered.connect(lambda: self.set_text_size(DEFAULT_TEXT_SIZE))
        actions.focus_message.triggered.connect(
            lambda: self.composer.edit.setFocus(Qt.FocusReason.ShortcutFocusReason))
        actions.focus_chats.triggered.connect(self.sidebar.focus_list)
        actions.next_chat.triggered.connect(lambda: self.sidebar.open_adjacent(forward=True))
        actions.previous_chat.triggered.connect(
            lambda: self.sidebar.open_adjacent(forward=False))
        actions.shortcuts.triggered.connect(self.show_shortcuts)
        actions.stop_reply.setEnabled(False)
        actions.stop_reply.triggered.connect(self._escape)
        self.session.composer_changed.connect(lambda state: actions.stop_reply.setEnabled(
            state in (ComposerState.SENDING, ComposerState.GENERATING)))
        self.search_button.clicked.connect(self.search_panel.open_panel)
        self.session.reply_finished.connect(
            lambda message, _stats: self.announcer.announce(reply_announcement(message.content)))

    def _escape(self) -> None:
        """Esc while a reply is written: what floats over the chat closes first, then the
        reply stops (wherever the focus is)."""
        if self.search_panel.isVisible():
            self.search_panel.close_panel()
        elif self.find_bar.isVisible():
            self.find_bar.close_bar()
        else:
            self.session.stop()

    def set_text_size(self, percent: int) -> None:
        """Show the text at ``percent`` of the system's size, and keep it in the settings."""
        limits = LIMITS["text_size_percent"]
        percent = int(min(max(percent, limits.low), limits.high))
        self.theme.set_text_size(percent)
        settings = self.session.settings
        if settings.text_size_percent != percent:
            self.session.apply_settings(replace(settings, text_size_percent=percent))
        self.status.set_activity(translate("MainWindow", "Text size {percent} %").format(
            percent=format_number(percent)))

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_error(self, error: UserFacingError) -> None:
        self.banner.show_message(error.user_message)

    def _connect_remote(self) -> None:
        """Remote servers: the picker lists their models (asked when it opens), a chat on
        one says so in its header, and Model ▸ Remote servers… manages them."""
        catalog = self.session.remote
        picker = self.model_picker
        self.menu_actions.remote_servers.triggered.connect(self.open_remote_servers)
        picker.servers_requested.connect(self.open_remote_servers)
        picker.remote_chosen.connect(self.session.choose_remote_model)
        picker.opening.connect(lambda: catalog.refresh_models() if catalog.servers else None)
        catalog.listing.connect(picker.set_remote_listing)
        catalog.models_listed.connect(picker.set_remote_models)
        catalog.servers_changed.connect(
            lambda _servers: self._remote_shown(self.session.chat_remote(self.session.current)))
        catalog.failed.connect(self.show_error)
        self.session.remote_shown.connect(self._remote_shown)

    def _remote_shown(self, ref: RemoteModelRef | None) -> None:
        """The open chat's remote model (None: it uses the local engine), everywhere the
        window names where replies come from."""
        server = self.session.remote.server(ref.server_id) if ref is not None else None
        host = server.host if server is not None else ""
        self.model_picker.show_remote(ref, host)
        self.chat_header.show_remote(display_name(ref.model) if ref is not None else None, host)
        if ref is not None:
            # The server's context is its own: no number here would be true.
            self.status.context.setText(translate("MainWindow", "Context: on the server"))
            self.status.context.setToolTip(plain_tooltip(translate(
                "MainWindow", "This chat's replies come from {host}, which keeps its own "
                "context; chatapp does not measure it.").format(
                    host=host or translate("MainWindow", "a remote server"))))
        elif self.status.context.text() == translate("MainWindow", "Context: on the server"):
            self.status.context.setText("")
            self.status.context.setToolTip(self.status.context_tooltip())
        self._update_placeholder()

    def open_remote_servers(self) -> RemoteServersDialog:
        if self.remote_dialog is None:
            self.remote_dialog = RemoteServersDialog(self.session.remote, self)
        self.remote_dialog.show()
        self.remote_dialog.raise_()
        return self.remote_dialog

    # -- what the session says ---------------------------------------------------------

    def _conversations_changed(self, conversations: list[Conversation],
                               current: int | None) -> None:
        self.sidebar.set_conversations(self.session.listed_conversations(conversations),
                                       current)

    def _conversation_shown(self, conversation_id: int | None, messages: list[Message],
                            streaming: StreamedReply | None) -> None:
        self.view.show_conversation(conversation_id, messages)
        if streaming is not None:
            self.view.start_reply()
            if streaming.reasoning:
                self.view.append_reasoning_text(streaming.reasoning)
                if streaming.thought_seconds is not None:
                    self.view.reasoning_finished(streaming.thought_seconds)
            self.view.append_reply_text(streaming.answer)
        if conversation_id is None:
            self.composer.edit.setFocus()

    def _documents_changed(self, conversation_id: int, documents: ChatDocuments) -> None:
        self.view.set_documents(conversation_id, documents.attachments, documents.citations)

    def _read_attachments(self, given: list[tuple[Path, AttachmentChip]]) -> None:
        """Read and keep each file the composer shows as a chip (on the attachments thread);
        its chip then shows it as kept, or why it was refused."""
        composer = self.composer
        for path, chip in given:
            def kept(attachment: Attachment, chip: AttachmentChip = chip) -> None:
                composer.attachment_ready(chip, attachment)

            def refused(error: UserFacingError, chip: AttachmentChip = chip) -> None:
                composer.attachment_refused(chip, error.user_message)

            self.session.keep_attachment(path, kept, refused)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.composer.attach_paths(files)

    def _question_saved(self, message: Message) -> None:
        self.composer.clear_draft()
        if self.view.conversation_id is None:
            self.view.conversation_id = message.conversation_id
        self.view.add_user_message(message)

    def _reply_begun(self, replaces_last: bool) -> None:
        if replaces_last:
            self.view.remove_last_reply()
        self.view.start_reply()

    def _reply_finished(self, message: Message, stats: GenerationStats) -> None:
        self.view.finish_reply(message, stats)

    def _reply_failed(self, error: UserFacingError, message: Message | None) -> None:
        self.view.fail_reply(error.user_message, message)

    def _edit_requested(self, message_id: int, text: str) -> None:
        widget = next((w for w in self.view.messages
                       if w.message is not None and w.message.id == message_id), None)
        if widget is None:
            return
        if widget.role != "user":
            self.session.edit_reply(message_id, text)
        elif not self.session.edit_question(message_id, text):
            self.status.set_activity(translate(
                "MainWindow", "A message can be asked again once the reply being written "
                "is done (or stopped)."))

    def _delete_requested(self, message_id: int) -> None:
        index = next((i for i, w in enumerate(self.view.messages)
                      if w.message is not None and w.message.id == message_id), None)
        if index is None:
            return
        after = len(self.view.messages) - index - 1
        if after > 1:
            text = translate("MainWindow", "Delete this message and the %n after it? Other "
                             "versions stay.", "", after)
        elif after:
            text = translate("MainWindow", "Delete this message and the one after it? Other "
                             "versions stay.")
        else:
            text = translate("MainWindow", "Delete this message? Other versions stay.")
        box = QMessageBox(QMessageBox.Icon.Question, translate("MainWindow", "Delete messages"),
                          text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.button(QMessageBox.StandardButton.Yes).setText(translate("MainWindow", "Delete"))
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.session.delete_message(message_id)

    def _model_changed(self, summary: ModelSummary | None) -> None:
        self.banner.hide()
        self.status.set_model(summary)
        self.model_picker.show_model(summary.path if summary else None)
        if self.models_pane is not None:
            self.models_pane.set_loaded(summary.path if summary else None)
        self._update_placeholder()

    def _loading_changed(self, path: Path | None) -> None:
        model = self.session.model
        self.model_picker.show_model(path or (model.path if model else None))
        self._update_placeholder()

    def _models_scanned(self, scan: ModelScan) -> None:
        self.model_picker.set_models(scan.models)
        self.menu_actions.install_starter.setEnabled(scan.starter_available)
        self._update_placeholder()

    def _context_changed(self, used: int, total: int, dropped: int) -> None:
        if total and self.session.chat_remote(self.session.current) is None:
            self.status.set_context(used, total)
        self.view.set_dropped(dropped, total)

    def _history_damaged(self, error: HistoryDamagedError) -> None:
        self.banner.show_message(error.user_message)
        box = QMessageBox(QMessageBox.Icon.Warning,
                          translate("MainWindow", "The chat history is damaged"),
                          error.user_message,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # it names the file
        box.setInformativeText(translate(
            "MainWindow", "Move it aside and start a new, empty history? The damaged file is "
            "kept next to it, not deleted."))
        start = box.button(QMessageBox.StandardButton.Yes)
        start.setText(translate("MainWindow", "Start a new history"))
        box.button(QMessageBox.StandardButton.Cancel).setText(translate("MainWindow", "Not now"))
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.banner.hide()
            self.session.start_fresh()

    def _settings_changed(self, settings: Settings) -> None:
        # The look changes at once; the language at the next start (Settings says so).
        self.theme.set_choice(settings.theme)
        if settings.text_size_percent != self.theme.text_size_percent:
            self.theme.set_text_size(settings.text_size_percent)
        self.api.apply(settings)
        if settings.hub_endpoint != self.hub.client.endpoint:
            self.hub.set_connection(settings.hub_endpoint, self._hub_token)
        if self.models_pane is not None:
            self.models_pane.set_kv_cache_type(settings.kv_cache_type)

    # -- placeholders ------------------------------------------------------------------

    def _update_placeholder(self) -> None:
        session = self.session
        remote = session.chat_remote(session.current)
        if remote is not None:
            server = session.remote.server(remote.server_id)
            host = server.host if server is not None else translate("MainWindow",
                                                                    "a removed server")
            self.view.set_placeholder(remote_chat_placeholder(display_name(remote.model), host))
        elif session.model is not None:
            self.view.set_placeholder(chat_placeholder(session.model.name))
        elif session.loading_path is None and session.last_scan is not None:
            self.view.set_placeholder(no_model_placeholder(session.last_scan.starter_available))

    def _placeholder_link(self, link: str) -> None:
        if link == "install-starter":
            self.session.install_starter()
        elif link == "open-model":
            self.choose_model_file()

    # -- dialogs -----------------------------------------------------------------------

    def choose_model_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Open a GGUF model file"), str(Path.home()),
            translate("MainWindow", "GGUF models (*.gguf)") + ";;" + all_files_filter())
        if name:
            copy = ask_import_mode(self, Path(name))
            if copy is not None:
                self.session.import_model(Path(name), copy=copy)

    def open_models_pane(self) -> None:
        if self.models_pane is not None:
            self.models_pane.show()
            self.models_pane.raise_()
            return
        # The catalog is a file: read it on the files thread, then build the pane.
        self.session.files.submit(lambda _cancel: load_catalog(), self._create_models_pane,
                                  self.show_error)

    def _create_models_pane(self, catalog: Catalog) -> None:
        if self.models_pane is not None or self._closing:
            return
        model = self.session.model
        pane = ModelsPane(library=self.session.library, catalog=catalog,
                          hardware=self.hardware, disk=self.session.files, hub=self.hub,
                          secrets=self.secrets,
                          kv_cache_type=self.session.settings.kv_cache_type, parent=self)
        pane.load_requested.connect(self.session.load_model)
        pane.models_changed.connect(self.session.scan_models)
        pane.chat_template_changed.connect(self.session.chat_template_changed)
        pane.token_box.token_changed.connect(self._token_changed)
        pane.remote_servers_requested.connect(self.open_remote_servers)
        pane.set_loaded(model.path if model else None)
        self.models_pane = pane
        pane.token_box.load()
        pane.show()

    def open_documents_pane(self) -> LocalDocumentsPane:
        if self.documents_pane is None:
            embedding = self.session.settings.embedding_model_path
            pane = LocalDocumentsPane(self.documents, self.session.library,
                                      Path(embedding) if embedding else None, self)
            pane.models_requested.connect(self.open_models_pane)
            pane.embedding_model_chosen.connect(self._embedding_model_chosen)
            self.session.models_scanned.connect(lambda _scan: pane.refresh_models())
            self.documents_pane = pane
        self.documents_pane.show()
        self.documents_pane.raise_()
        return self.documents_pane

    def open_batch_window(self) -> BatchWindow:
        if self.batch_window is None:
            window = BatchWindow(self.session.engine, self.session.files,
                                 lambda: self.session.settings, self)
            window.set_model(self.session.model)
            self.session.model_changed.connect(window.set_model)
            # The engine thread is the job's while it runs: chat replies wait.
            window.running_changed.connect(lambda running: self.status.set_activity(
                translate("MainWindow", "A batch job is running: chat replies wait until "
                          "it ends.") if running
                else "", running))
            self.batch_window = window
        self.batch_window.show()
        self.batch_window.raise_()
        return self.batch_window

    def _embedding_model_chosen(self, model: Path | None) -> None:
        settings = self.session.settings
        self.session.apply_settings(
            replace(settings, embedding_model_path=str(model) if model else None))
        self.documents.set_embedding_model(model)

    def _collections_listed(self, states: tuple[CollectionState, ...]) -> None:
        self.collections = states
        self._show_chat_collections()

    def _show_chat_collections(self) -> None:
        chosen = chat_collections(self.session.chat_overrides(self.session.current))
        self.chat_header.show_collections(
            [s.collection.name for s in self.collections if s.collection.id in chosen])

    def _documents_failed(self, error: UserFacingError) -> None:
        if self.documents_pane is None or not self.documents_pane.isVisible():
            self.show_error(error)  # the open pane shows it itself

    def _token_changed(self, token: str | None) -> None:
        if token != self._hub_token:
            self._hub_token = token
            self.hub.set_connection(self.session.settings.hub_endpoint, token)

    def _download_event(self, event: DownloadEvent) -> None:
        self.status.show_download(event.status, state_changed=event.kind == "state")
        if event.status.state == DownloadState.DONE:
            self.session.scan_models()  # the picker offers the new model
        elif event.kind == "state" and event.status.state == DownloadState.FAILED \
                and event.status.error is not None:
            self.show_error(event.status.error)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.session.settings, self.hardware.physical_cores, self,
                                loaded_model=self.session.model)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog))
        dialog.open()

    def _settings_accepted(self, dialog: SettingsDialog) -> None:
        new = dialog.result_settings
        key = dialog.api_section.new_key
        if new is not None and (key is not None or dialog.api_section.key_removed):
            # The API key goes to the keyring first; a key that could not be stored
            # leaves the server off rather than open.
            self.api.store_key(key, lambda stored: self.session.apply_settings(
                new if stored else settings_without_key(new)))
        elif new is not None and new != self.session.settings:
            self.session.apply_settings(new)

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, translate("MainWindow", "About chatapp"),
                          f"<p><b>chatapp {__version__}</b></p><p>"
                          + translate("MainWindow", "Chat with language models that run "
                                      "offline on your own computer. No telemetry; no network "
                                      "unless you start a download.") + "</p><p>"
                          + translate("MainWindow", "Data: {folder}").format(
                              folder=escaped(str(self.paths.data_dir))) + "<br>"
                          + translate("MainWindow", "Models: {folder}").format(
                              folder=escaped(str(self.paths.models_dir))) + "</p>",
                          parent=self)
        box.exec()

    # -- export and import -------------------------------------------------------------

    def export_current_chat(self) -> None:
        current = self.session.current
        if current is None:
            return
        title = next((c.title for c in self.session.conversations if c.id == current), "chat")
        self._export([current], translate("MainWindow", "Export chat"),
                     f"{export_file_stem(title)}.md")

    def export_all_chats(self) -> None:
        self._export(None, translate("MainWindow", "Export all chats"),
                     f"chatapp-chats-{time.strftime('%Y-%m-%d')}.json")

    def _export(self, conversation_ids: list[int] | None, caption: str, name: str) -> None:
        """Ask where, read the chats on the history thread, then render and write the
        file on the files thread."""
        filters = {translate("MainWindow", text): fmt for text, fmt in EXPORT_FILTERS.items()}
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, caption, str(Path.home() / name), ";;".join(filters),
            next(f for f in filters if f.endswith(f"*{Path(name).suffix})")))
        if not chosen:
            return
        target = Path(chosen)
        fmt = format_for_path(target) or filters.get(chosen_filter, ExportFormat.JSON)
        if not target.suffix:
            target = target.with_suffix(fmt.suffix)
        self.status.set_activity(translate("MainWindow", "Exporting to {file}…").format(
            file=target.name), True)

        def written(count: int) -> None:
            # One chat apart: English has no plural forms without a translation file.
            text = (translate("MainWindow", "Exported 1 chat to {file}.") if count == 1
                    else translate("MainWindow", "Exported %n chats to {file}.", "", count))
            self.status.set_activity(text.format(file=target), False)

        def write(chats: list[ChatTree]) -> None:
            def job(_cancel: threading.Event) -> int:
                write_export(chats, fmt, target)
                return len(chats)

            self.session.files.submit(job, written, self._exchange_failed)

        self.session.history.submit(lambda store: read_chats(store, conversation_ids), write,
                                    self._exchange_failed)

    def import_chats(self) -> None:
        """Ask for a file, read and check it on the files thread, add its chats on the
        history thread (one transaction), then list the chats again."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, translate("MainWindow", "Import chats"), str(Path.home()),
            translate("MainWindow", "Chat exports (*.json *.jsonl *.zip)") + ";;"
            + all_files_filter())
        if not chosen:
            return
        source = Path(chosen)
        self.status.set_activity(translate("MainWindow", "Reading {file}…").format(
            file=source.name), True)

        def imported(result: ImportResult) -> None:
            self.status.set_activity(result.summary(), False)
            self.session.refresh_conversations()

        def add(batch: ImportBatch) -> None:
            count = len(batch.chats)
            self.status.set_activity(
                translate("MainWindow", "Importing 1 chat…") if count == 1
                else translate("MainWindow", "Importing %n chats…", "", count), True)
            self.session.history.submit(
                lambda store: ImportResult(batch, import_batch(store, batch)), imported,
                self._exchange_failed)

        self.session.files.submit(lambda _cancel: read_import_file(source), add,
                                  self._exchange_failed)

    def _exchange_failed(self, error: UserFacingError) -> None:
        self.status.set_activity("", False)
        self.session._report(error)  # the banner (or the offer to start a new history)

    # -- quitting ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quit within QUIT_BUDGET_S, whatever runs: every worker is told to stop at
        once (a reply is stopped and saved, a load or copy cancelled, the download
        paused with its bytes kept), then each is waited for until one shared deadline;
        one still busy (a keyring that never answers, a hub retrying offline) is
        abandoned. Writes to the history are transactions, so none is ever half done."""
        if not self._closing:
            self._closing = True
            started = time.monotonic()
            self._save_state()
            deadline = started + QUIT_BUDGET_S
            self.session.finish_deletes()  # an undoable delete lands before the history stops
            self.api.stop()  # its requests are cancelled before the engine stops
            if self.batch_window is not None:
                self.batch_window.stop_for_quit()  # the rows done stay; Start resumes
            self.session.request_stop()
            self.hub.request_stop()
            self.secrets.request_stop(drain=False)
            self.documents.request_stop()
            self.session.wait_stopped(deadline)
            self.hub.wait_stopped(deadline)
            self.secrets.wait_stopped(deadline)
            self.documents.wait_stopped(deadline)
            log.info("Closed in %.2f s", time.monotonic() - started)
        event.accept()
