"""What a message offers besides its text: its branches, and editing or deleting it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
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

from chatapp.i18n import format_number, translate
from chatapp.ui.icons import Icon, icon

# How long a copy button says "Copied".
COPIED_MS = 1500


def icon_button(parent: QWidget, name: str, which: Icon, accessible_name: str,
                tooltip: str) -> QToolButton:
    """A quiet icon-only button; its name and tooltip say what it does."""
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setIcon(icon(which))
    button.setAutoRaise(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    button.setAccessibleName(accessible_name)
    button.setToolTip(tooltip)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


def show_copied(button: QToolButton) -> None:
    """An icon-only copy button says "Copied" beside its icon for a moment."""
    button.setText(translate("MessageActions", "Copied"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    QTimer.singleShot(COPIED_MS, button, lambda: button.setToolButtonStyle(
        Qt.ToolButtonStyle.ToolButtonIconOnly))


class BranchSwitcher(QWidget):
    """"< 2/3 >": the versions of a message (other answers, edited questions)."""

    branch_requested = Signal(int)  # the id of the sibling to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("branchSwitcher")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.previous = icon_button(
            self, "previousVersion", Icon.PREVIOUS,
            translate("BranchSwitcher", "Previous version"),
            translate("BranchSwitcher", "Show the previous version of this message"))
        self.label = QLabel(self)
        self.label.setObjectName("branchPosition")
        self.next = icon_button(
            self, "nextVersion", Icon.NEXT, translate("BranchSwitcher", "Next version"),
            translate("BranchSwitcher", "Show the next version of this message"))
        self._point_arrows()
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
        self.label.setText(translate("BranchSwitcher", "{index}/{count}").format(
            index=format_number(self._index + 1), count=format_number(len(siblings))))
        self.label.setAccessibleName(translate("BranchSwitcher", "Version {index} of {count}")
                                     .format(index=format_number(self._index + 1),
                                             count=format_number(len(siblings))))
        self.previous.setEnabled(self._index > 0)
        self.next.setEnabled(self._index < len(siblings) - 1)
        self.setVisible(len(siblings) > 1)

    def _point_arrows(self) -> None:
        """Previous points back: left, or right when the layout runs right to left."""
        backwards = self.isRightToLeft()
        self.previous.setIcon(icon(Icon.NEXT if backwards else Icon.PREVIOUS))
        self.next.setIcon(icon(Icon.PREVIOUS if backwards else Icon.NEXT))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._point_arrows()
        super().changeEvent(event)

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
        self.edit.setAccessibleName(translate("InlineEditor", "Edit message"))
        self.edit.setAccessibleDescription(
            translate("InlineEditor", "Enter saves, Shift+Enter starts a new line, Esc cancels"))
        self.edit.setTabChangesFocus(True)
        layout.addWidget(self.edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(translate("InlineEditor", "Cancel"), self)
        self.cancel_button.setToolTip(translate("InlineEditor", "Keep the message as it was (Esc)"))
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
    button.setText("⋯")  # a symbol, the same in every language
    button.setAutoRaise(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAccessibleName(translate("MessageActions", "More actions"))
    button.setToolTip(translate("MessageActions", "Edit or delete this message"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    if can_edit:
        menu.addAction(icon(Icon.EDIT), translate("MessageActions", "Edit")).setObjectName(
            "editMessage")
    menu.addAction(icon(Icon.DELETE), translate("MessageActions", "Delete from here…")
                   ).setObjectName("deleteMessage")
    button.setMenu(menu)
    return button, menu
