"""What a message offers besides its text: its branches, and editing or deleting it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class BranchSwitcher(QWidget):
    """"< 2/3 >": the versions of a message (other answers, edited questions)."""

    branch_requested = Signal(int)  # the id of the sibling to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("branchSwitcher")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.previous = QToolButton(self)
        self.previous.setText("\u2039")  # single angle quotation marks, as in "< 2/3 >"
        self.previous.setAccessibleName("Previous version")
        self.previous.setToolTip("Show the previous version of this message")
        self.label = QLabel(self)
        self.label.setObjectName("branchPosition")
        self.next = QToolButton(self)
        self.next.setText("\u203a")
        self.next.setAccessibleName("Next version")
        self.next.setToolTip("Show the next version of this message")
        for widget in (self.previous, self.label, self.next):
            row.addWidget(widget)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self._siblings: tuple[int, ...] = ()
        self._index = 0
        self.hide()

    def set_siblings(self, siblings: tuple[int, ...], current: int) -> None:
        """``siblings`` in the order written; ``current`` is the one shown."""
        self._siblings = siblings
        self._index = siblings.index(current) if current in siblings else 0
        self.label.setText(f"{self._index + 1}/{len(siblings)}")
        self.label.setAccessibleName(f"Version {self._index + 1} of {len(siblings)}")
        self.previous.setEnabled(self._index > 0)
        self.next.setEnabled(self._index < len(siblings) - 1)
        self.setVisible(len(siblings) > 1)

    def _step(self, offset: int) -> None:
        index = self._index + offset
        if 0 <= index < len(self._siblings):
            self.branch_requested.emit(self._siblings[index])


class _EditBox(QPlainTextEdit):
    submitted = Signal()
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class InlineEditor(QWidget):
    """The message's text in an editor, in place; Enter saves, Esc cancels."""

    saved = Signal(str)
    cancelled = Signal()

    def __init__(self, save_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineEditor")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = _EditBox(self)
        self.edit.setObjectName("inlineEdit")
        self.edit.setAccessibleName("Edit message")
        self.edit.setTabChangesFocus(True)
        layout.addWidget(self.edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton("Cancel", self)
        self.save_button = QPushButton(save_label, self)
        self.save_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self._save)
        self.edit.submitted.connect(self._save)
        self.cancel_button.clicked.connect(self.cancelled)
        self.edit.cancelled.connect(self.cancelled)
        self.edit.textChanged.connect(
            lambda: self.save_button.setEnabled(bool(self.edit.toPlainText().strip())))

    def start(self, text: str) -> None:
        self.edit.setPlainText(text)
        self.edit.setFixedHeight(max(60, min(240, self.edit.fontMetrics().lineSpacing()
                                             * (text.count("\n") + 3))))
        self.show()
        self.edit.setFocus()

    def _save(self) -> None:
        text = self.edit.toPlainText()
        if text.strip():
            self.saved.emit(text)


def actions_button(parent: QWidget, *, can_edit: bool) -> tuple[QToolButton, QMenu]:
    """The "⋯" button of a message, with its Edit and Delete actions."""
    button = QToolButton(parent)
    button.setObjectName("messageActions")
    button.setText("⋯")
    button.setAccessibleName("More actions")
    button.setToolTip("Edit or delete this message")
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    if can_edit:
        menu.addAction("Edit").setObjectName("editMessage")
    menu.addAction("Delete from here…").setObjectName("deleteMessage")
    button.setMenu(menu)
    return button, menu
