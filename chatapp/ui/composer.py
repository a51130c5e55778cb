"""Where the user writes: Enter sends, Shift+Enter starts a new line.

Files go with a message as chips above the box: chosen with the paperclip, dropped on the
box (or anywhere on the window, which hands them here), or pasted. The composer only
shows them; reading and keeping them is the session's work on a worker thread, which
answers each chip with the file as kept or the reason it was refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatapp.history.store import Attachment
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.reasoning.formats import THINKING_LABELS, ThinkingChoice, ThinkingControl
from chatapp.ui import theme
from chatapp.ui.attachment_chips import AttachmentChip, ChipRow
from chatapp.ui.icons import Icon, icon
from chatapp.ui.theme import SPACE_2, SPACE_3, SPACE_5, readable_width

# A message carries at most this many files (each is read whole for its chip, and a
# prompt has room for the passages of only so many).
MAX_ATTACHMENTS = 20
# The file dialog's patterns (not translated: file names; the filters' names are).
DOCUMENT_PATTERNS = ("*.txt *.md *.markdown *.pdf *.docx *.html *.htm *.csv *.json *.py *.js "
                     "*.ts *.c *.h *.cpp *.java *.go *.rs *.rb *.sh *.toml *.yaml *.yml *.xml "
                     "*.rst *.log")


# documents/reading.py's KINDS_READ (Qt-free, English), to be said in the user's language:
# the same words, marked here (tests/unit/ui/test_composer.py keeps the two the same).
KINDS_SHOWN = QT_TRANSLATE_NOOP("Composer", ".txt, .md, .pdf, .docx, .html and source code "
                                "files")


def kinds_read() -> str:
    """The kinds of file chatapp reads, in the user's language."""
    return translate("Composer", KINDS_SHOWN)


def image_refused() -> str:
    """Why a pasted image is not attached."""
    return translate("Composer", "A pasted image is not a document: chatapp reads {kinds}. "
                     "Paste or attach a file instead.").format(kinds=kinds_read())


def file_filter() -> str:
    return "{documents} ({patterns});;{all} (*)".format(
        documents=translate("Composer", "Documents"), patterns=DOCUMENT_PATTERNS,
        all=translate("Composer", "All files"))


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drop or paste carries (none for text or web links)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class ComposerState(Enum):
    NO_MODEL = "no_model"
    LOADING = "loading"
    READY = "ready"
    SENDING = "sending"  # the message is being saved; it stays in the box until it is
    GENERATING = "generating"


# reasoning/formats.py's THINKING_LABELS (Qt-free, English), marked for lupdate here
# where they are shown.
_THINKING_LABELS_SHOWN = (
    QT_TRANSLATE_NOOP("Composer", "Thinking on"), QT_TRANSLATE_NOOP("Composer", "Thinking off"),
    QT_TRANSLATE_NOOP("Composer", "Reasoning: low"),
    QT_TRANSLATE_NOOP("Composer", "Reasoning: medium"),
    QT_TRANSLATE_NOOP("Composer", "Reasoning: high"),
)

# Translated where shown: a translation looked up at import would stay English.
HINTS = {
    ComposerState.NO_MODEL: QT_TRANSLATE_NOOP(
        "Composer", "No model is loaded: load one (Model menu) to start chatting."),
    ComposerState.LOADING: QT_TRANSLATE_NOOP("Composer", "The model is loading…"),
    ComposerState.READY: QT_TRANSLATE_NOOP(
        "Composer", "Message the model (Enter sends, Shift+Enter for a new line)"),
    ComposerState.SENDING: QT_TRANSLATE_NOOP("Composer", "Sending…"),
    ComposerState.GENERATING: QT_TRANSLATE_NOOP(
        "Composer", "Writing a reply… (Esc or Stop to stop it)"),
}


class MessageEdit(QPlainTextEdit):
    submitted = Signal()
    stop_pressed = Signal()
    files_given = Signal(object)  # list[Path] dropped or pasted on the box
    image_pasted = Signal()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(local_files(source)) or source.hasImage() \
            or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Files become attachments, not their paths in the text; an image is refused."""
        files = local_files(source)
        if files:
            self.files_given.emit(files)
        elif source.hasImage() and not source.hasText():
            self.image_pasted.emit()
        else:
            super().insertFromMimeData(source)

    def fit_height(self) -> None:
        """About three lines tall at the text size chosen (and its padding)."""
        height = 3 * QFontMetrics(self.font()).lineSpacing() + 2 * SPACE_3 + 2 * round(
            self.document().documentMargin()) + 4
        if height != self.height():
            self.setFixedHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a new text size (ui/theme.py)
            self.fit_height()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.stop_pressed.emit()
            return
        super().keyPressEvent(event)


class Composer(QWidget):
    send_requested = Signal(str)  # with the files: attachments()
    stop_requested = Signal()
    thinking_selected = Signal(str)  # a ThinkingChoice value, for the open chat
    # Files to read and keep (list[Path]), each already shown as a chip being read.
    files_attached = Signal(object)  # list[tuple[Path, AttachmentChip]]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # the theme's
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_5, SPACE_3, SPACE_5, SPACE_3)
        layout.setSpacing(SPACE_2)
        self.chips = ChipRow(self)
        layout.addWidget(self.chips)
        row = QHBoxLayout()
        row.setSpacing(SPACE_3)
        self.attach_button = QToolButton(self)
        self.attach_button.setObjectName("attachButton")
        self.attach_button.setIcon(icon(Icon.ATTACH))
        self.attach_button.setAccessibleName(translate("Composer", "Attach files"))
        self.attach_button.setToolTip(translate(
            "Composer", "Attach files to the message ({kinds}); you can also drop or paste "
            "them here").format(kinds=kinds_read()))
        self.attach_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.attach_button.clicked.connect(self.choose_files)
        row.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.edit = MessageEdit(self)
        self.edit.setObjectName("messageEdit")
        self.edit.setAccessibleName(translate("Composer", "Message"))
        self.edit.setAccessibleDescription(translate(
            "Composer", "Your message to the model: Enter sends, Shift+Enter starts a new "
            "line, Esc stops a reply"))
        self.edit.setTabChangesFocus(True)
        self.edit.fit_height()
        self.edit.submitted.connect(self._submit)
        self.edit.stop_pressed.connect(self._stop)
        self.edit.files_given.connect(self.attach_paths)
        self.edit.image_pasted.connect(self.refuse_image)
        row.addWidget(self.edit, 1)
        self.send_button = QPushButton(icon(Icon.SEND), translate("Composer", "Send"), self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setToolTip(translate("Composer", "Send the message (Enter)"))
        self.send_button.setDefault(True)
        self.send_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.send_button.clicked.connect(self._submit)
        self.stop_button = QPushButton(icon(Icon.STOP), translate("Composer", "Stop"), self)
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip(translate("Composer", "Stop the reply (Esc)"))
        self.stop_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.stop_button.clicked.connect(self._stop)
        self.stop_button.hide()
        row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(row)
        below = QHBoxLayout()
        self.hint = QLabel(self)
        self.hint.setObjectName("composerHint")
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(translate("Composer", "Message box note"))
        below.addWidget(self.hint, 1)
        # Shown only for models whose template has a thinking switch.
        self.thinking = QComboBox(self)
        self.thinking.setObjectName("thinkingChoice")
        self.thinking.setAccessibleName(translate("Composer", "Thinking"))
        self.thinking.setAccessibleDescription(
            translate("Composer", "Whether the model thinks before it answers, in this chat"))
        self.thinking.setToolTip(
            translate("Composer", "Whether the model thinks before it answers, in this chat"))
        self.thinking.activated.connect(
            lambda index: self.thinking_selected.emit(self.thinking.itemData(index)))
        self.thinking.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.thinking.hide()
        below.addStretch(0)
        below.addWidget(self.thinking, 0)
        layout.addLayout(below)
        self.state = ComposerState.NO_MODEL
        self.set_state(ComposerState.NO_MODEL)

    def set_thinking(self, control: ThinkingControl, choice: ThinkingChoice | None) -> None:
        """The loaded model's thinking switch, set to the open chat's choice."""
        self.thinking.clear()
        for option in control.choices:
            self.thinking.addItem(translate("Composer", THINKING_LABELS[option]), str(option))
        if choice is not None:
            self.thinking.setCurrentIndex(self.thinking.findData(str(choice)))
        self.thinking.setVisible(bool(control.choices))

    def set_state(self, state: ComposerState) -> None:
        self.state = state
        ready = state is ComposerState.READY
        # While a reply streams the next message can already be written, not sent; while
        # the message is being saved it stays as it is, so nothing typed is lost.
        in_turn = state in (ComposerState.SENDING, ComposerState.GENERATING)
        self.edit.setEnabled(ready or in_turn)
        self.edit.setReadOnly(state is ComposerState.SENDING)
        self.send_button.setEnabled(ready)
        self.attach_button.setEnabled(state is not ComposerState.SENDING)
        for chip in self.chips.chips:
            if chip.remove_button is not None:
                chip.remove_button.setEnabled(state is not ComposerState.SENDING)
        self.send_button.setVisible(not in_turn)
        self.stop_button.setVisible(in_turn)
        # Hints that explain why nothing can be sent stay visible below a disabled box.
        explained = state in (ComposerState.NO_MODEL, ComposerState.LOADING)
        hint = translate("Composer", HINTS[state])
        self.edit.setPlaceholderText("" if explained else hint)
        self.hint.setText(hint if explained else "")
        self.hint.setVisible(explained)
        if ready and not self._typing_elsewhere():
            self.edit.setFocus()

    def _typing_elsewhere(self) -> bool:
        """The user is typing in another field (a chat's new name, a setting) or another
        window: taking the focus would cut into it. Anywhere else (a button, the chat
        list) the message box takes it, so what the user types next is the message; a
        space on a focused button would press it."""
        focused = QApplication.focusWidget()
        if focused is None or focused is self or self.isAncestorOf(focused):
            return False
        if focused.window() is not self.window():
            return True
        if isinstance(focused, QAbstractItemView):
            return focused.state() == QAbstractItemView.State.EditingState
        return isinstance(focused, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit))

    def _submit(self) -> None:
        if self.state is not ComposerState.READY:
            return
        text = self.edit.toPlainText().strip()
        if self.reading:
            self._say(translate("Composer",
                                "Wait a moment: the attached files are still being read."))
            return
        if not text and not self.attachments():
            return
        # The draft stays until the message is saved (clear_draft).
        self.send_requested.emit(text)

    def clear_draft(self) -> None:
        self.edit.clear()
        self.chips.clear()
        self._say("")

    # -- attachments -------------------------------------------------------------------

    def attachments(self) -> list[Attachment]:
        """The files that go with the message: those read and kept (a refused one stays
        on screen, saying why, but is not sent)."""
        return [chip.attachment for chip in self.chips.chips if chip.attachment is not None]

    @property
    def reading(self) -> bool:
        return any(c.attachment is None and c.error is None for c in self.chips.chips)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, translate("Composer", "Attach files"),
                                                str(Path.home()), file_filter())
        if names:
            self.attach_paths([Path(name) for name in names])

    def attach_paths(self, paths: Sequence[Path]) -> None:
        """Show each file as a chip being read and ask for it to be read."""
        if self.state is ComposerState.SENDING:
            return
        room = MAX_ATTACHMENTS - len(self.chips.chips)
        if len(paths) > room:
            left_out = len(paths) - max(room, 0)
            text = translate("Composer", "A message takes at most {limit} files; 1 was left "
                             "out.") if left_out == 1 else translate(
                "Composer", "A message takes at most {limit} files; %n were left out.", "",
                left_out)
            self._say(text.format(limit=format_number(MAX_ATTACHMENTS)))
        given = [(path, self._add_chip(path.name)) for path in paths[:max(room, 0)]]
        if given:
            self.files_attached.emit(given)

    def attachment_ready(self, chip: AttachmentChip, attachment: Attachment) -> None:
        if chip in self.chips.chips:  # not removed meanwhile
            chip.set_attachment(attachment)

    def attachment_refused(self, chip: AttachmentChip, message: str) -> None:
        if chip in self.chips.chips:
            chip.set_refused(message)  # the chip's tooltip keeps it
            self._say(message)  # said at once, in full, under the box

    def refuse_image(self) -> None:
        refused = image_refused()
        self._add_chip(translate("Composer", "pasted image")).set_refused(refused)
        self._say(refused)

    def _add_chip(self, name: str) -> AttachmentChip:
        chip = self.chips.add(AttachmentChip(name, removable=True))
        chip.remove_requested.connect(lambda: self._remove_chip(chip))
        return chip

    def _remove_chip(self, chip: AttachmentChip) -> None:
        if chip.error is not None and self.hint.text() == chip.error:
            self._say("")  # its reason goes with it
        self.chips.remove(chip)

    def _say(self, text: str) -> None:
        """A note under the box (why Send did nothing); the state's hint otherwise."""
        if text:
            self.hint.setText(text)
            self.hint.show()
        else:
            self.set_state(self.state)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_width()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.StyleChange:
            self._fit_width()  # a new text size: a new readable width
        super().changeEvent(event)

    def _fit_width(self) -> None:
        """As wide as the conversation's column above it, centred (ConversationView)."""
        controller = theme.current()
        widest = readable_width(controller.text_size_percent if controller else 100)
        side = max(SPACE_5, (self.width() - widest) // 2)
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        if margins.left() != side or margins.right() != side:
            layout.setContentsMargins(side, margins.top(), side, margins.bottom())

    def _stop(self) -> None:
        if self.state in (ComposerState.SENDING, ComposerState.GENERATING):
            self.stop_requested.emit()
