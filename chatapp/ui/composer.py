"""Where the user writes: Enter sends, Shift+Enter starts a new line."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from chatapp.reasoning.formats import THINKING_LABELS, ThinkingChoice, ThinkingControl


class ComposerState(Enum):
    NO_MODEL = "no_model"
    LOADING = "loading"
    READY = "ready"
    SENDING = "sending"  # the message is being saved; it stays in the box until it is
    GENERATING = "generating"


HINTS = {
    ComposerState.NO_MODEL: "No model is loaded: load one (Model menu) to start chatting.",
    ComposerState.LOADING: "The model is loading…",
    ComposerState.READY: "Message the model (Enter sends, Shift+Enter for a new line)",
    ComposerState.SENDING: "Sending…",
    ComposerState.GENERATING: "Writing a reply… (Esc or Stop to stop it)",
}


class MessageEdit(QPlainTextEdit):
    submitted = Signal()
    stop_pressed = Signal()

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
    send_requested = Signal(str)
    stop_requested = Signal()
    thinking_selected = Signal(str)  # a ThinkingChoice value, for the open chat

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 6, 18, 10)
        layout.setSpacing(4)
        row = QHBoxLayout()
        self.edit = MessageEdit(self)
        self.edit.setObjectName("messageEdit")
        self.edit.setAccessibleName("Message")
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(76)
        self.edit.submitted.connect(self._submit)
        self.edit.stop_pressed.connect(self._stop)
        row.addWidget(self.edit, 1)
        self.send_button = QPushButton("Send", self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self._submit)
        self.stop_button = QPushButton("Stop", self)
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip("Stop the reply (Esc)")
        self.stop_button.clicked.connect(self._stop)
        self.stop_button.hide()
        row.addWidget(self.send_button)
        row.addWidget(self.stop_button)
        layout.addLayout(row)
        below = QHBoxLayout()
        self.hint = QLabel(self)
        self.hint.setObjectName("composerHint")
        below.addWidget(self.hint, 1)
        # Shown only for models whose template has a thinking switch.
        self.thinking = QComboBox(self)
        self.thinking.setObjectName("thinkingChoice")
        self.thinking.setAccessibleName("Thinking")
        self.thinking.setToolTip("Whether the model thinks before it answers, in this chat")
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
            self.thinking.addItem(THINKING_LABELS[option], str(option))
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
        self.send_button.setVisible(not in_turn)
        self.stop_button.setVisible(in_turn)
        # Hints that explain why nothing can be sent stay visible below a disabled box.
        explained = state in (ComposerState.NO_MODEL, ComposerState.LOADING)
        self.edit.setPlaceholderText("" if explained else HINTS[state])
        self.hint.setText(HINTS[state] if explained else "")
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
        if not text:
            return
        # The draft stays until the message is saved (clear_draft).
        self.send_requested.emit(text)

    def clear_draft(self) -> None:
        self.edit.clear()

    def _stop(self) -> None:
        if self.state in (ComposerState.SENDING, ComposerState.GENERATING):
            self.stop_requested.emit()
