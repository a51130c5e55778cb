"""The list of conversations: new, open, rename (F2 or double-click), pin, delete.

Chats are listed under headings: Pinned, Today, Yesterday, Previous 7 days, Older (see
chatapp.conversation.chat_list). A heading is painted above the first chat of its group
instead of being a row of its own, so it can never be selected, focused or deleted, and
every row is a chat.

Several chats can be selected (Ctrl/Shift+click, Shift+arrows) and deleted at once. A
chat opens when it alone is selected, so building a selection does not flip the view
from chat to chat. A delete is confirmed with its count, then the list offers Undo for a
few seconds (the session keeps the chats until the offer ends).

The list is refreshed whenever a chat changes (after every reply). A rename the user is
typing must survive that: while an editor is open the new list is held back and shown
when the editor closes. A selection of several chats survives it too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from chatapp.conversation.chat_list import group_conversations
from chatapp.history.store import Conversation
from chatapp.i18n import translate
from chatapp.ui.icons import Icon, icon
from chatapp.ui.plain_text import plain_label, plain_question, plain_tooltip
from chatapp.vocabulary import DEFAULT_TITLE

ID_ROLE = Qt.ItemDataRole.UserRole
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the title as saved, to tell a rename
PINNED_ROLE = Qt.ItemDataRole.UserRole + 2
HEADING_ROLE = Qt.ItemDataRole.UserRole + 3  # the group's heading, on its first chat only

_Index = QModelIndex | QPersistentModelIndex
# Marking the open chat selects it alone, whatever modifier keys Qt last saw.
_ONLY = QItemSelectionModel.SelectionFlag.ClearAndSelect


class ConversationList(QWidget):
    new_requested = Signal()
    selected = Signal(int)  # open this chat
    rename_requested = Signal(int, str)
    delete_requested = Signal(object)  # list[int]: the chats, confirmed
    pin_requested = Signal(object, bool)  # list[int], pinned
    undo_requested = Signal()  # take back the last delete

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.now: Callable[[], datetime] = datetime.now  # local time; tests set a day
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 8)
        # Ctrl+N is the window's File ▸ New chat: a second owner would make it ambiguous.
        self.new_button = QPushButton(translate("ConversationList", "New chat"), self)
        self.new_button.setObjectName("newChat")
        self.new_button.setIcon(icon(Icon.NEW_CHAT))
        self.new_button.setToolTip(translate("ConversationList", "Start a new conversation"))
        self.new_button.clicked.connect(self.new_requested)
        layout.addWidget(self.new_button)

        self.list = QListWidget(self)
        self.list.setObjectName("conversationList")
        self.list.setAccessibleName(translate("ConversationList", "Chats"))
        self.list.setAccessibleDescription(translate(
            "ConversationList", "Your chats, newest first. Enter or a click opens one; F2 "
            "renames it, Delete deletes the selected chats."))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setUniformItemSizes(False)  # a group's first row carries its heading
        self.delegate = _ChatDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        # Selection and focus move in either order (a click sets the focus first, a key
        # selects first): whichever comes second sees the chat chosen.
        self.list.currentItemChanged.connect(self._maybe_open)
        self.list.itemSelectionChanged.connect(self._maybe_open)
        self.list.itemChanged.connect(self._item_edited)
        # After the edit is committed (itemChanged) or abandoned: show what was held back.
        self.delegate.closeEditor.connect(self._editor_closed)
        self.list.viewport().installEventFilter(self)
        layout.addWidget(self.list, 1)

        self.undo_bar = QFrame(self)
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setStyleSheet("#undoBar { border: 1px solid palette(mid); "
                                    "border-radius: 6px; background: palette(base); }")
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(10, 4, 4, 4)
        self.undo_label = plain_label(QLabel(self.undo_bar))
        self.undo_label.setAccessibleName(translate("ConversationList", "Deleted chats"))
        self.undo_button = QPushButton(translate("ConversationList", "Undo"), self.undo_bar)
        self.undo_button.setToolTip(translate(
            "ConversationList", "Bring the deleted chats back ({keys} in the list)").format(
                keys=QKeySequence(QKeySequence.StandardKey.Undo).toString(
                    QKeySequence.SequenceFormat.NativeText)))
        self.undo_button.clicked.connect(self.undo_requested)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()
        layout.addWidget(self.undo_bar)

        delete = QAction(translate("ConversationList", "Delete the selected chats"), self.list)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_selection)
        self.list.addAction(delete)
        undo = QAction(translate("ConversationList", "Undo delete"), self.list)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        undo.triggered.connect(self._undo)
        self.list.addAction(undo)

        self._filling = False
        self._held: tuple[list[Conversation], int | None] | None = None
        self._shown: list[Conversation] = []
        self._open_id: int | None = None  # the chat on screen, as last told or chosen
        self._swallowing = False  # a press on a heading: its move and release go too
        # At midnight today's chats become yesterday's.
        self._regroup = QTimer(self)
        self._regroup.setSingleShot(True)
        self._regroup.timeout.connect(lambda: self.set_conversations(self._shown,
                                                                     self._open_id))

    @property
    def editing(self) -> bool:
        return self.list.state() == QAbstractItemView.State.EditingState

    # -- what the session says ---------------------------------------------------------

    def set_conversations(self, conversations: list[Conversation], current: int | None) -> None:
        if self.editing:
            self._held = (conversations, current)
            return
        self._held = None
        keep = self.selected_ids() if len(self.list.selectedItems()) > 1 else []
        focus = self.current_id()
        moved = current != self._open_id
        scroll = self.list.verticalScrollBar().value()
        self._shown = conversations
        self._open_id = current
        self._filling = True
        try:
            self.list.clear()
            rows: dict[int, QListWidgetItem] = {}
            for group in group_conversations(conversations, self.now()):
                for index, conversation in enumerate(group.conversations):
                    item = _chat_item(conversation, group.title, first=index == 0)
                    self.list.addItem(item)
                    rows[conversation.id] = item
            kept = [rows[i] for i in keep if i in rows]
            if len(kept) > 1:
                self.list.setCurrentItem(rows[focus] if focus in rows else kept[0],
                                         QItemSelectionModel.SelectionFlag.NoUpdate)
                for item in kept:
                    item.setSelected(True)
            elif current in rows:
                self.list.setCurrentItem(rows[current], _ONLY)
            else:
                self.list.clearSelection()
                self.list.setCurrentItem(None)  # type: ignore[call-overload]
            # Stay where the user scrolled to, unless another chat is now the open one.
            self.list.verticalScrollBar().setValue(scroll)
            if moved and current in rows:
                self.list.scrollToItem(rows[current])
        finally:
            self._filling = False
        self._regroup.start(_until_tomorrow(self.now()))

    def show_current(self, conversation_id: int | None) -> None:
        """Mark the open chat's row (none for a new chat); not announced as a choice."""
        self._open_id = conversation_id
        if self.editing or (conversation_id == self.current_id()
                            and len(self.list.selectedItems()) <= 1):
            return  # an open editor keeps its row; the next refresh marks the chat
        self._filling = True
        try:
            found = self._row_of(conversation_id)
            if found is None:
                self.list.clearSelection()
            self.list.setCurrentItem(found, _ONLY)  # type: ignore[arg-type]
        finally:
            self._filling = False

    def show_undo(self, count: int) -> None:
        """Offer Undo for ``count`` deleted chats; 0 withdraws the offer."""
        if count:
            self.undo_label.setText(translate("ConversationList", "Chat deleted") if count == 1
                                    else translate("ConversationList", "%n chats deleted", "",
                                                   count))
        self.undo_bar.setVisible(bool(count))

    # -- the keyboard ------------------------------------------------------------------

    def focus_list(self) -> None:
        """Put the focus on the list, on the open chat's row."""
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_adjacent(self, *, forward: bool) -> None:
        """Open the chat below (or above) the open one, going round at the ends; with no
        chat open, the first (or last)."""
        count = self.list.count()
        if not count or self.editing:
            return
        row = self._row_of(self._open_id)
        if row is None:
            target = 0 if forward else count - 1
        else:
            target = (self.list.row(row) + (1 if forward else -1)) % count
        item = self.list.item(target)
        self.list.setCurrentItem(item, _ONLY)
        self.list.scrollToItem(item)
        self._maybe_open()

    # -- reading it --------------------------------------------------------------------

    def current_id(self) -> int | None:
        """The chat of the row with the focus (the open chat, unless a selection is
        being built)."""
        item = self.list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def selected_ids(self) -> list[int]:
        """The selected chats, top to bottom."""
        return [int(item.data(ID_ROLE)) for item in self._selected_items()]

    def heading_of(self, row: int) -> str | None:
        """The heading painted above ``row`` (None: it continues the group above)."""
        heading = self.list.item(row).data(HEADING_ROLE)
        return str(heading) if heading else None

    def _selected_items(self) -> list[QListWidgetItem]:
        return sorted(self.list.selectedItems(), key=self.list.row)

    def _row_of(self, conversation_id: int | None) -> QListWidgetItem | None:
        return next((self.list.item(row) for row in range(self.list.count())
                     if self.list.item(row).data(ID_ROLE) == conversation_id), None)

    # -- what the user does ------------------------------------------------------------

    def _maybe_open(self) -> None:
        if self._filling:
            return
        item = self.list.currentItem()
        if item is not None and self.list.selectedItems() == [item]:
            conversation_id = int(item.data(ID_ROLE))
            if conversation_id != self._open_id:
                self._open_id = conversation_id
                self.selected.emit(conversation_id)

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

    def _item_edited(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        title = item.text().strip()
        before = str(item.data(TITLE_ROLE))
        # An untouched "New chat" shows translated: left as it was, it is not a rename.
        if title and title not in (before, display_title(before)):
            self._filling = True
            item.setData(TITLE_ROLE, title)
            item.setToolTip(plain_tooltip(title))
            self._filling = False
            self.rename_requested.emit(int(item.data(ID_ROLE)), title)
        elif not title:
            self._filling = True
            item.setText(before)
            self._filling = False

    def _chosen(self, item: QListWidgetItem) -> list[QListWidgetItem]:
        """What an action on ``item`` applies to: the selection it is part of, or itself."""
        return self._selected_items() if item.isSelected() else [item]

    def menu_for(self, item: QListWidgetItem) -> QMenu:
        """The context menu of ``item``. Its actions name chats by id: a refresh while it
        is open replaces the rows."""
        chosen = self._chosen(item)
        ids = [int(i.data(ID_ROLE)) for i in chosen]
        count = len(ids)
        pinned = all(i.data(PINNED_ROLE) for i in chosen)
        menu = QMenu(self)
        if count == 1:
            menu.addAction(icon(Icon.EDIT), translate("ConversationList", "Rename"),
                           lambda: self._edit(ids[0]))
            pin = (translate("ConversationList", "Unpin") if pinned
                   else translate("ConversationList", "Pin to top"))
        else:
            pin = (translate("ConversationList", "Unpin %n chats", "", count) if pinned
                   else translate("ConversationList", "Pin %n chats to top", "", count))
        menu.addAction(pin, lambda: self.pin_requested.emit(ids, not pinned))
        menu.addSeparator()
        chats = [(int(i.data(ID_ROLE)), str(i.data(TITLE_ROLE))) for i in chosen]
        menu.addAction(icon(Icon.DELETE),
                       translate("ConversationList", "Delete…") if count == 1
                       else translate("ConversationList", "Delete %n chats…", "", count),
                       lambda: self._ask_delete(chats))
        return menu

    def _context_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is not None and not self._on_heading(position):
            menu = self.menu_for(item)
            menu.exec(self.list.viewport().mapToGlobal(position))
            menu.deleteLater()  # one menu per right-click: not kept as a child

    def _edit(self, conversation_id: int) -> None:
        item = self._row_of(conversation_id)
        if item is not None:
            self.list.editItem(item)

    def _delete_selection(self) -> None:
        items = self._selected_items()
        current = self.list.currentItem()
        if not items and current is not None:
            items = [current]
        self._confirm_delete(*items)

    def _confirm_delete(self, *items: QListWidgetItem) -> None:
        self._ask_delete([(int(item.data(ID_ROLE)), str(item.data(TITLE_ROLE)))
                          for item in items])

    def _ask_delete(self, chats: list[tuple[int, str]]) -> None:
        """Confirm, naming the chat or the count. Chats come as ids and titles: a refresh
        while the question is open replaces the rows."""
        if not chats:
            return
        count = len(chats)
        if count == 1:
            title = translate("ConversationList", "Delete chat")
            text = translate("ConversationList", "Delete “{title}” and all its "
                             "messages?").format(title=display_title(chats[0][1]))
        else:
            title = translate("ConversationList", "Delete %n chats", "", count)
            text = translate("ConversationList", "Delete %n chats and all their messages?",
                             "", count)
        undo = translate("ConversationList", "You can undo this for a few seconds.")
        if plain_question(self, title, f"{text}\n\n{undo}"):
            self.delete_requested.emit([conversation_id for conversation_id, _ in chats])

    def _undo(self) -> None:
        if self.undo_bar.isVisible():
            self.undo_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A press on a heading is nobody's: it would select the chat below it."""
        if watched is self.list.viewport() and isinstance(event, QMouseEvent):
            kind = event.type()
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._swallowing = self._on_heading(event.position().toPoint())
                return self._swallowing
            if self._swallowing and kind in (QEvent.Type.MouseMove,
                                             QEvent.Type.MouseButtonRelease):
                self._swallowing = kind is QEvent.Type.MouseMove
                return True
        return super().eventFilter(watched, event)

    def _on_heading(self, position: QPoint) -> bool:
        index = self.list.indexAt(position)
        if not index.isValid() or not index.data(HEADING_ROLE):
            return False
        top = self.list.visualRect(index).top()
        return position.y() < top + self.delegate.heading_height(self.list.font())


def display_title(title: str) -> str:
    """A chat's title as shown: the default one in the user's language (it is stored in
    English, as every title is stored as it was given)."""
    return translate("Vocabulary", DEFAULT_TITLE) if title == DEFAULT_TITLE else title


def group_heading(group: str) -> str:
    """A group's heading (chat_list.ChatGroup: Today, Yesterday…) in the user's language."""
    return translate("ChatList", group)


def _chat_item(conversation: Conversation, group: str, *, first: bool) -> QListWidgetItem:
    shown = display_title(conversation.title)
    heading = group_heading(group)
    item = QListWidgetItem(shown)
    item.setData(ID_ROLE, conversation.id)
    item.setData(TITLE_ROLE, conversation.title)
    item.setData(PINNED_ROLE, conversation.pinned)
    item.setData(HEADING_ROLE, heading if first else None)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
    item.setToolTip(plain_tooltip(shown))
    # The headings are paint only: a screen reader hears the group with each chat.
    item.setData(Qt.ItemDataRole.AccessibleTextRole, shown)
    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, heading)
    return item


def _until_tomorrow(now: datetime) -> int:
    """Milliseconds to just after the next local midnight."""
    midnight = datetime.combine(now.date() + timedelta(days=1), time(), now.tzinfo)
    return max(1000, round((midnight - now).total_seconds() * 1000) + 1000)


class _ChatDelegate(QStyledItemDelegate):
    """Paints a group's heading above its first chat, and a pin beside pinned chats."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pins: dict[int, QIcon] = {}  # by colour: the palette follows the theme
        self._sizes: dict[tuple[QFont, bool], QSize] = {}  # by font, and heading or not

    @staticmethod
    def heading_font(font: QFont) -> QFont:
        heading = QFont(font)
        heading.setPointSizeF(font.pointSizeF() * 0.82)
        heading.setWeight(QFont.Weight.DemiBold)
        return heading

    def heading_height(self, font: QFont) -> int:
        # Room above the text sets the groups apart; little below keeps it with its own.
        return QFontMetrics(self.heading_font(font)).height() + 14

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # Rows differ only in having a heading: measured once each, as uniformItemSizes
        # would (the list refills after every reply; thousands of chats stay quick).
        # The width is the view's anyway: a list row spans it.
        heading = bool(index.data(HEADING_ROLE))
        key = (option.font, heading)
        size = self._sizes.get(key)
        if size is None:
            # Measured without the pin, which the style pads: pinned rows as tall as others.
            plain = QStyleOptionViewItem(option)
            super().initStyleOption(plain, index)
            widget = plain.widget
            style = widget.style() if widget is not None else QApplication.style()
            size = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, plain,
                                          QSize(), widget)
            if heading:
                size.setHeight(size.height() + self.heading_height(option.font))
            self._sizes[(QFont(option.font), heading)] = size
        return QSize(size)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        heading = index.data(HEADING_ROLE)
        if not heading:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        band = self.heading_height(option.font)
        painter.save()
        painter.setFont(self.heading_font(option.font))
        palette: QPalette = option.palette
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        # Aligned with the titles (as the style sheet pads them) and just above them.
        painter.drawText(QRect(rect.left() + 9, rect.top(), rect.width() - 18, band - 3),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         str(heading))
        painter.restore()
        below = QStyleOptionViewItem(option)
        below.rect = rect.adjusted(0, band, 0, 0)
        super().paint(painter, below, index)

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if index.data(PINNED_ROLE):
            palette: QPalette = option.palette
            option.icon = self._pin(palette.color(QPalette.ColorRole.PlaceholderText))
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            option.decorationPosition = QStyleOptionViewItem.Position.Right
            option.decorationSize = QSize(12, 12)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: _Index) -> None:
        if index.data(HEADING_ROLE):
            below = QStyleOptionViewItem(option)
            below.rect = option.rect.adjusted(
                0, self.heading_height(option.font), 0, 0)
            option = below
        super().updateEditorGeometry(editor, option, index)

    def _pin(self, color: QColor) -> QIcon:
        icon = self._pins.get(color.rgba())
        if icon is None:
            icon = self._pins[color.rgba()] = _pin_icon(color)
        return icon


def _pin_icon(color: QColor) -> QIcon:
    """A push pin, drawn: no icon theme or emoji font is needed."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(14 * scale, 14 * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(7, 7)
        painter.rotate(40)
        head = QPainterPath()
        head.addRoundedRect(-3.0, -6.5, 6.0, 2.2, 0.8, 0.8)  # the grip
        head.addRect(-1.8, -4.5, 3.6, 3.5)  # the body
        head.addRoundedRect(-4.2, -1.2, 8.4, 1.8, 0.8, 0.8)  # the plate
        painter.fillPath(head, color)
        painter.setPen(color)
        painter.drawLine(QPointF(0, 0.5), QPointF(0, 6.5))  # the needle
        painter.end()
        icon.addPixmap(pixmap)
    return icon

