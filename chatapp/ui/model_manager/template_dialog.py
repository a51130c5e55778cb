"""View, edit, check and save a model's chat template, or go back to the model's own.

The template shown is the user's own for this model if one is saved, else the one in
the model file's header. *Check* renders a sample chat with it exactly as a chat would
be rendered; *Save* is possible only once the text as it stands has passed that check.

The header is read and the template saved or removed on the files thread (a header
can hold megabytes: a long template, a vocabulary of 150,000 tokens). A check renders on
a thread of the dialog's own: a template is code, and a slow one must not freeze the
window, nor hold up the files thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from chatapp.engine.chat_template import ChatMessage, ChatTemplate
from chatapp.errors import UserFacingError
from chatapp.i18n import QT_TRANSLATE_NOOP, translate
from chatapp.models import template_overrides
from chatapp.models.template_overrides import TemplateState
from chatapp.ui.icons import Icon, icon
from chatapp.ui.model_manager.bidi import isolated
from chatapp.ui.plain_text import plain_label, plain_tooltip
from chatapp.ui.workers.task_thread import TaskThread

T = TypeVar("T")

# In English here; the check renders it in the user's language (sample_chat).
SAMPLE_CHAT: tuple[ChatMessage, ...] = (
    ChatMessage("system", QT_TRANSLATE_NOOP("ChatTemplateDialog",
                                            "You are a helpful assistant.")),
    ChatMessage("user", QT_TRANSLATE_NOOP("ChatTemplateDialog",
                                          "What is the capital of France?")),
    ChatMessage("assistant", QT_TRANSLATE_NOOP("ChatTemplateDialog",
                                               "The capital of France is Paris.")),
    ChatMessage("user", QT_TRANSLATE_NOOP("ChatTemplateDialog", "And of Italy?")),
)
MAX_PREVIEW_CHARS = 200_000  # a longer rendered prompt is shown cut (it is a sample)
_STOP_WAIT_S = 2.0  # for the idle check thread to end when the dialog closes
_ABANDON_BUSY_S = 0.2  # a check still rendering then gets this long, then is abandoned
_PARAGRAPH = "\u2029"  # how a QTextDocument's raw text ends a line


def as_edited(text: str) -> str:
    """``text`` as the editor gives it back: "\\r\\n" and "\\r" become "\\n" (as Jinja
    reads them anyway), and so does U+2029, which the editor cannot tell from a line end."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace(_PARAGRAPH, "\n")


def sample_chat() -> tuple[ChatMessage, ...]:
    """The sample chat in the user's language (the chat a user of the model would have)."""
    return tuple(ChatMessage(m.role, translate("ChatTemplateDialog", m.content))
                 for m in SAMPLE_CHAT)


def render_sample(text: str, bos_token: str, eos_token: str,
                  messages: Sequence[ChatMessage] = SAMPLE_CHAT) -> str:
    """The sample chat rendered with ``text``; raises TemplateRenderError (no Qt: runs
    on the check thread)."""
    return ChatTemplate(text, bos_token, eos_token).render(messages)


class ChatTemplateDialog(QDialog):
    """Emits ``template_changed`` with the model file's path once an override is saved
    or removed (also when that finishes after the dialog was closed)."""

    template_changed = Signal(Path)

    def __init__(self, model_path: Path, disk: TaskThread, *,
                 overrides_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_path = model_path
        self.disk = disk
        self.overrides_folder = overrides_folder
        self.state: TemplateState | None = None
        self.override: str | None = None  # the saved override, as last read or written
        self.override_unreadable = False
        self._checked_text: str | None = None  # the text that last passed the check
        self._checking = False
        self._busy = False  # a save or reset is on its way to the disk
        self._closed = False
        self._pending_disk = 0
        self._disposed = False
        self._check_thread: TaskThread | None = None

        self.setWindowTitle(translate("ChatTemplateDialog", "Chat template — {model}").format(
            model=model_path.name))
        self.setObjectName("chatTemplateDialog")
        self.resize(820, 680)
        layout = QVBoxLayout(self)

        title = plain_label(QLabel(translate("ChatTemplateDialog", "Chat template of {model}")
                                   .format(model=isolated(model_path.name)), self))
        title.setObjectName("templateModel")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        where = plain_label(QLabel(str(model_path), self))
        where.setObjectName("templateModelPath")
        where.setAccessibleName(translate("ChatTemplateDialog", "Model file"))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(where)
        self.source_note = plain_label(QLabel(translate(
            "ChatTemplateDialog", "Reading the model file's header…"), self))
        self.source_note.setObjectName("templateSource")
        self.source_note.setAccessibleName(translate("ChatTemplateDialog", "Template source"))
        self.source_note.setWordWrap(True)
        layout.addWidget(self.source_note)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        editor_box = QWidget(splitter)
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_label = plain_label(QLabel(translate("ChatTemplateDialog", "&Template (Jinja):"),
                                          editor_box))
        editor_layout.addWidget(editor_label)
        self.editor = QPlainTextEdit(editor_box)
        editor_label.setBuddy(self.editor)
        self.editor.setObjectName("templateEditor")
        self.editor.setAccessibleName(translate("ChatTemplateDialog", "Chat template"))
        self.editor.setAccessibleDescription(translate(
            "ChatTemplateDialog", "The Jinja template this model's chats are written in; Tab "
            "types a tab, Ctrl+Tab moves on"))
        self.editor.setFont(mono)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # Tab types a tab (templates hold them); Ctrl+Tab and Ctrl+Shift+Tab leave the
        # editor, which QPlainTextEdit would otherwise never let the keyboard do.
        self.editor.setTabChangesFocus(False)
        self.editor.installEventFilter(self)
        self.editor.setEnabled(False)
        self.editor.textChanged.connect(self._edited)
        editor_layout.addWidget(self.editor, 1)
        preview_box = QWidget(splitter)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_label = plain_label(QLabel(translate(
            "ChatTemplateDialog",
            "The &prompt it makes of a sample chat (system, user, assistant, user):"),
            preview_box))
        preview_layout.addWidget(preview_label)
        self.preview = QPlainTextEdit(preview_box)
        preview_label.setBuddy(self.preview)
        self.preview.setObjectName("templatePreview")
        self.preview.setAccessibleName(translate("ChatTemplateDialog", "Rendered sample chat"))
        self.preview.setAccessibleDescription(translate(
            "ChatTemplateDialog", "The prompt the template makes of a sample chat, once "
            "checked"))
        self.preview.setFont(mono)
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview.setPlaceholderText(translate("ChatTemplateDialog",
                                                  "Check the template to see it here."))
        preview_layout.addWidget(self.preview, 1)
        splitter.addWidget(editor_box)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.status = plain_label(QLabel(self))
        self.status.setObjectName("templateStatus")
        self.status.setAccessibleName(translate("ChatTemplateDialog", "Check result"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.check_button = QPushButton(translate("ChatTemplateDialog", "Check"), self)
        self.check_button.setObjectName("checkTemplate")
        self.check_button.setToolTip(translate("ChatTemplateDialog",
                                               "Render a sample chat with this template"))
        self.check_button.clicked.connect(self.check)
        self.reset_button = QPushButton(icon(Icon.REGENERATE), translate(
            "ChatTemplateDialog", "Reset to the model's own"), self)
        self.reset_button.setObjectName("resetTemplate")
        self.reset_button.setToolTip(translate(
            "ChatTemplateDialog", "Go back to the template in the model file; a template of "
            "your own is removed"))
        self.reset_button.clicked.connect(self.reset)
        self.save_button = QPushButton(translate("ChatTemplateDialog", "Save"), self)
        self.save_button.setObjectName("saveTemplate")
        self.save_button.setToolTip(translate(
            "ChatTemplateDialog", "Possible once the template as it stands passes Check"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(translate("ChatTemplateDialog", "Cancel"), self)
        self.cancel_button.setObjectName("cancelTemplate")
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.check_button, self.reset_button, self.save_button,
                       self.cancel_button):
            button.setAutoDefault(False)
            if button.toolTip():
                button.setAccessibleDescription(button.toolTip())
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._stop_check_thread)
        self._update_buttons()
        self._submit_disk(lambda _ctx: template_overrides.read_state(model_path,
                                                                     overrides_folder),
                          self._loaded, self._load_failed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = event.key() == Qt.Key.Key_Backtab \
                or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.focusNextPrevChild(not backwards)
            return True
        return super().eventFilter(watched, event)

    # -- state ---------------------------------------------------------------------------

    def text(self) -> str:
        """The editor's text exactly (toPlainText would turn no-break spaces into spaces)."""
        return self.editor.document().toRawText().replace(_PARAGRAPH, "\n")

    @property
    def model_template(self) -> str:
        """The model's own template as the editor holds it (see :func:`as_edited`)."""
        return as_edited(self.state.model.template or "") if self.state is not None else ""

    def _loaded(self, state: TemplateState) -> None:
        self.state = state
        self.override = as_edited(state.override) if state.override is not None else None
        self.override_unreadable = state.override_problem is not None
        if self._closed:
            return
        text = self.override if self.override is not None else self.model_template
        self.editor.setEnabled(True)
        self._set_text(text)
        self._describe_source()
        if state.override_problem is not None:
            self._show_error(state.override_problem.user_message)
        self._update_buttons()

    def _load_failed(self, error: UserFacingError) -> None:
        if self._closed:
            return
        self.source_note.setText(translate("ChatTemplateDialog",
                                           "The model file's template cannot be shown."))
        self._show_error(error.user_message)
        self._update_buttons()

    def _describe_source(self) -> None:
        """Say whose template the editor holds."""
        if self.state is None:
            return
        text = self.text()
        own = self.state.model.template
        if self.override is not None and text == self.override:
            note = translate("ChatTemplateDialog", "This is your own template for this model, "
                             "used instead of the one in the model file. “{reset}” goes back "
                             "to that one.").format(reset=self.reset_button.text())
        elif own is not None and text == self.model_template:
            note = translate("ChatTemplateDialog",
                             "This is the model's own template, from its file.")
            if self.override_unreadable:
                note += " " + translate("ChatTemplateDialog", "Your saved template for it "
                                        "cannot be read (see below).")
        elif own is None and not text:
            # missing_reason comes translated from chatapp.models.template_overrides.
            note = translate("ChatTemplateDialog", "{reason} Write one here to tell chatapp "
                             "how to talk to it.").format(
                reason=self.state.model.missing_reason)
        else:
            note = translate("ChatTemplateDialog", "Edited, not saved: check it, then save it "
                             "to use it for this model.")
        self.source_note.setText(note)

    def _set_text(self, text: str) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._checked_text = None
        self.preview.clear()

    def _edited(self) -> None:
        if self._checked_text is not None:
            self._checked_text = None
            self._show_info(translate("ChatTemplateDialog", "Changed since the check: check "
                                      "it again before saving."))
        self._describe_source()
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.state is not None and not self._busy and not self._closed
        text = self.text()
        self.editor.setReadOnly(self._busy)
        self.check_button.setEnabled(ready and not self._checking)
        self.check_button.setText(translate("ChatTemplateDialog", "Checking…")
                                  if self._checking else translate("ChatTemplateDialog",
                                                                   "Check"))
        self.save_button.setEnabled(ready and not self._checking
                                    and self._checked_text is not None
                                    and self._checked_text == text)
        self.reset_button.setEnabled(ready and (self.override is not None
                                                or self.override_unreadable
                                                or text != self.model_template))

    def _show_error(self, message: str, detail: str = "") -> None:
        """``message`` in red; the technical ``detail`` (when it differs) as its tooltip."""
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        self.status.setStyleSheet(f"color: {'#ff8a80' if dark else '#b42318'};")
        self.status.setProperty("isError", True)
        self.status.setText(message)
        self.status.setToolTip(plain_tooltip(detail) if detail != message else "")

    def _show_info(self, message: str) -> None:
        self.status.setStyleSheet("")
        self.status.setProperty("isError", False)
        self.status.setText(message)
        self.status.setToolTip("")

    @property
    def showing_error(self) -> bool:
        return bool(self.status.property("isError"))

    # -- check -----------------------------------------------------------------------------

    def check(self) -> None:
        """Render the sample chat with the editor's text (on the check thread)."""
        if self.state is None or self._checking or self._busy:
            return
        text = self.text()
        if not text.strip():
            self.preview.clear()
            self._show_error(translate("ChatTemplateDialog", "The template is empty: write "
                                       "one, or reset to the model's own."))
            return
        if self._check_thread is None:
            thread = self._check_thread = TaskThread("template check")
            # Also if the dialog is destroyed without closing (with its window): a QThread
            # must not be destroyed while it runs.
            self.destroyed.connect(lambda: _stop(thread, busy=True))
        model = self.state.model
        messages = sample_chat()
        self._checking = True
        self._show_info(translate("ChatTemplateDialog", "Checking…"))
        self._update_buttons()
        self._check_thread.submit(
            lambda _ctx: render_sample(text, model.bos_token, model.eos_token, messages),
            lambda prompt: self._checked(text, prompt),
            lambda error: self._check_failed(text, error))

    def _checked(self, text: str, prompt: str) -> None:
        self._checking = False
        if self._closed:
            return
        if text != self.text():
            self._show_info(_changed_while_checked())
        else:
            self._checked_text = text
            more = len(prompt) - MAX_PREVIEW_CHARS  # a plain name, for lupdate
            shown = prompt if more <= 0 else (
                prompt[:MAX_PREVIEW_CHARS] + "\n"
                + translate("ChatTemplateDialog", "… (%n more characters)", "", more))
            self.preview.setPlainText(shown)
            self._show_info(translate("ChatTemplateDialog", "The template renders the sample "
                                      "chat. Read the prompt above; if it is what the model "
                                      "expects, save it."))
        self._update_buttons()

    def _check_failed(self, text: str, error: UserFacingError) -> None:
        self._checking = False
        if self._closed:
            return
        if text == self.text():
            self.preview.clear()
            self._show_error(error.user_message, error.detail)
        else:
            self._show_info(_changed_while_checked())
        self._update_buttons()

    # -- save and reset ----------------------------------------------------------------------

    def save(self) -> None:
        text = self.text()
        if not self.save_button.isEnabled() or text != self._checked_text:
            return
        path, folder = self.model_path, self.overrides_folder
        self._busy = True
        self._show_info(translate("ChatTemplateDialog", "Saving…"))
        self._update_buttons()
        self._submit_disk(lambda _ctx: template_overrides.save(path, text, folder),
                          lambda _written: self._saved(text), self._disk_failed)

    def _saved(self, text: str) -> None:
        self._busy = False
        self.override = text
        self.override_unreadable = False
        self.template_changed.emit(self.model_path)
        if not self._closed:
            self.accept()

    def reset(self) -> None:
        """Back to the model's own template; a saved override is removed."""
        if self.state is None or self._busy:
            return
        if self.override is None and not self.override_unreadable:
            self._set_text(self.model_template)
            self._show_info(translate("ChatTemplateDialog", "Back to the model's own "
                                      "template."))
            self._update_buttons()
            return
        path, folder = self.model_path, self.overrides_folder
        self._busy = True
        self._show_info(translate("ChatTemplateDialog", "Removing your template…"))
        self._update_buttons()
        self._submit_disk(lambda _ctx: template_overrides.reset(path, folder),
                          lambda _removed: self._reset_done(), self._disk_failed)

    def _reset_done(self) -> None:
        self._busy = False
        self.override = None
        self.override_unreadable = False
        self.template_changed.emit(self.model_path)
        if self._closed:
            return
        self._set_text(self.model_template)
        self._describe_source()
        self._show_info(translate("ChatTemplateDialog", "Your template was removed: the "
                                  "model's own applies again."))
        self._update_buttons()

    def _disk_failed(self, error: UserFacingError) -> None:
        self._busy = False
        if self._closed:
            return
        self._show_error(error.user_message)
        self._update_buttons()

    # -- threads and closing -----------------------------------------------------------------

    def _submit_disk(self, job: Callable[[Any], T], on_done: Callable[[T], None],
                     on_error: Callable[[UserFacingError], None]) -> None:
        """A files-thread job; the dialog is deleted only after its last one answered."""
        self._pending_disk += 1

        def done(result: T) -> None:
            self._pending_disk -= 1
            on_done(result)
            self._dispose_if_idle()

        def failed(error: UserFacingError) -> None:
            self._pending_disk -= 1
            on_error(error)
            self._dispose_if_idle()

        self.disk.submit(job, done, failed)

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)
        self._stop_check_thread()
        self._dispose_if_idle()

    def _dispose_if_idle(self) -> None:
        if self._closed and self._pending_disk == 0 and not self._disposed:
            self._disposed = True
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.disconnect(self._stop_check_thread)
            self.deleteLater()

    def _stop_check_thread(self) -> None:
        thread, self._check_thread = self._check_thread, None
        if thread is not None:
            _stop(thread, busy=self._checking)


def _changed_while_checked() -> str:
    return translate("ChatTemplateDialog",
                     "Changed while it was checked: check it again before saving.")


def _stop(thread: TaskThread, *, busy: bool) -> None:
    """End the check thread; one still rendering is abandoned (a template cannot be
    interrupted: it ends when its render does)."""
    if thread.running:
        thread.shutdown(time.monotonic() + (_ABANDON_BUSY_S if busy else _STOP_WAIT_S),
                        drain=False)
