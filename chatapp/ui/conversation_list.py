"""The list of conversations: new, select, rename (F2 or double-click), delete (confirmed).

The list is refreshed whenever a chat changes (after every reply). A rename the user is
typing must survive that: while an editor is open the new list is held back and shown
when the editor closes.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatapp.history.store import Conversation
from chatapp.ui.plain_text import plain_question, plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the title as saved, to tell a rename


class ConversationList(QWidget):
    new_requested = Signal()
    selected = Signal(int)
    rename_requested = Signal(int, str)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        self.new_button = QPushButton("New chat", self)
        self.new_button.setObjectName("newChat")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip("Start a new conversation (Ctrl+N)")
        self.new_button.clicked.connect(self.new_requested)
        layout.addWidget(self.new_button)

        self.list = QListWidget(self)
        self.list.setObjectName("conversationList")
        self.list.setAccessibleName("Conversations")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemChanged.connect(self._item_edited)
        # After the edit is committed (itemChanged) or abandoned: show what was held back.
        self.list.itemDelegate().closeEditor.connect(self._editor_closed)
        layout.addWidget(self.list, 1)

        delete = QAction("Delete chat", self.list)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_current)
        self.list.addAction(delete)
        self._filling = False
        self._held: tuple[list[Conversation], int | None] | None = None

    @property
    def editing(self) -> bool:
        return self.list.state() == QAbstractItemView.State.EditingState

    def set_conversations(self, conversations: list[Conversation], current: int | None) -> None:
        if self.editing:
            self._held = (conversations, current)
            return
        self._held = None
        self._filling = True
        self.list.clear()
        for conversation in conversations:
            item = QListWidgetItem(conversation.title)
            item.setData(ID_ROLE, conversation.id)
            item.setData(TITLE_ROLE, conversation.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(plain_tooltip(conversation.title))
            self.list.addItem(item)
            if conversation.id == current:
                self.list.setCurrentItem(item)
        if current is None:
            self.list.clearSelection()
            self.list.setCurrentItem(None)  # type: ignore[call-overload]
        self._filling = False

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def show_current(self, conversation_id: int | None) -> None:
        """Mark the open chat's row (none for a new chat); not announced as a choice."""
        if conversation_id == self.current_id() or self.editing:
            return  # an open editor keeps its row; the next refresh marks the chat
        self._filling = True
        try:
            found = next((self.list.item(row) for row in range(self.list.count())
                          if self.list.item(row).data(ID_ROLE) == conversation_id), None)
            if found is None:
                self.list.clearSelection()
            self.list.setCurrentItem(found)  # type: ignore[arg-type]
        finally:
            self._filling = False

    def _editor_closed(self) -> None:
        held = self._held
        if held is not None:
            # After the delegate has finished with its editor.
            QTimer.singleShot(0, lambda: self._apply_held(held))

    def _apply_held(self, held: tuple[list[Conversation], int | None]) -> None:
        if self._held is held and not self.editing:
            conversations, current = held
            # A title just renamed is shown as typed until the refresh after the rename.
            self.set_conversations(conversations, self.current_id()
                                   if self.current_id() is not None else current)

    def _current_changed(self, current: QListWidgetItem | None,
                         _previous: QListWidgetItem | None) -> None:
        if current is not None and not self._filling:
            self.selected.emit(int(current.data(ID_ROLE)))

    def _item_edited(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        title = item.text().strip()
        before = str(item.data(TITLE_ROLE))
        if title and title != before:
            self._filling = True
            item.setData(TITLE_ROLE, title)
            item.setToolTip(plain_tooltip(title))
            self._filling = False
            self.rename_requested.emit(int(item.data(ID_ROLE)), title)
        elif not title:
            self._filling = True
            item.setText(before)
            self._filling = False

    def _context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        menu = QMenu(self)
        menu.addAction("Rename", lambda: self.list.editItem(item))
        menu.addAction("Delete…", lambda: self._confirm_delete(item))
        menu.exec(self.list.viewport().mapToGlobal(position))

    def _delete_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._confirm_delete(item)

    def _confirm_delete(self, item: QListWidgetItem) -> None:
        if plain_question(self, "Delete chat", f"Delete “{item.text()}” and all its "
                          "messages? This cannot be undone."):
            self.delete_requested.emit(int(item.data(ID_ROLE)))
