"""Search all chats (Ctrl+K): a field, and the messages that match as you type.

The panel floats over the top of the window. Each keystroke asks the history thread for
the best matches (HistoryStore.search: words as typed, the last one as a prefix); the
UI thread never waits for an answer, and an answer to text the field no longer says is
dropped (see LatestQuery). A result shows its chat's title, the message's date, and
the words around the match with the matched words marked; titles and text are the
user's, so they are shown as text, never as markup. Enter or a click opens the chat at
that message (``chosen``); Esc, or a click outside, closes the panel.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import Protocol, TypeVar

from PySide6.QtCore import (
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from chatapp.conversation.search import LatestQuery, snippet_runs
from chatapp.errors import UserFacingError
from chatapp.history.store import HistoryStore, SearchHit
from chatapp.i18n import QT_TRANSLATE_NOOP, translate
from chatapp.ui.markdown_view import is_dark_theme
from chatapp.ui.plain_text import plain_label

RESULT_LIMIT = 50
PANEL_WIDTH = 680
# The list shows this many results before it scrolls.
VISIBLE_RESULTS = 7
HIT_ROLE = Qt.ItemDataRole.UserRole  # the SearchHit
ROLE_NAMES = {"user": QT_TRANSLATE_NOOP("SearchPanel", "You"),
              "assistant": QT_TRANSLATE_NOOP("SearchPanel", "Assistant"),
              "system": QT_TRANSLATE_NOOP("SearchPanel", "System")}

T = TypeVar("T")


def role_name(role: str) -> str:
    name = ROLE_NAMES.get(role)
    return translate("SearchPanel", name) if name is not None else role


def hit_date(timestamp: float, now: float) -> str:
    """A result's date in the locale's short format: the time today, else the day."""
    when = QDateTime.fromSecsSinceEpoch(int(timestamp))
    today = QDateTime.fromSecsSinceEpoch(int(now)).date()
    locale = QLocale()
    if when.date() == today:
        return locale.toString(when.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(when.date(), QLocale.FormatType.ShortFormat)


class HistoryJobs(Protocol):
    """Where the queries run: the history thread (HistoryThread.submit)."""

    def submit(self, job: Callable[[HistoryStore], T], on_done: Callable[[T], None],
               on_error: Callable[[UserFacingError], None] | None = None) -> None: ...


def _colours() -> dict[str, str]:
    """The theme's colours, light or dark, for what the palette has no role for."""
    if is_dark_theme():
        return {"mark": "#6b5200", "muted": "#9aa3af", "selected": "#2f3d57"}
    return {"mark": "#fde68a", "muted": "#6b7280", "selected": "#dbe6f7"}


class ResultDelegate(QStyledItemDelegate):
    """Draws a result: the chat's title and the message's date, then who said what, the
    matched words marked. Drawn, not built of labels: a list of labels cost ~60 ms per
    keystroke to make, and drawn text is never read as markup (titles and messages are
    the user's)."""

    PADDING = 6
    INDENT = 10

    def __init__(self, now: Callable[[], float], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._colours = {name: QColor(value) for name, value in _colours().items()}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        line = option.fontMetrics.height()
        return QSize(0, 2 * self.PADDING + 2 * line + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return
        rect: QRect = option.rect
        state = option.state
        palette: QPalette = option.palette
        font = QFont(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colours["selected"])
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 6, 6)
        text = palette.color(QPalette.ColorRole.Text)
        muted = self._colours["muted"]
        left = rect.left() + self.INDENT
        right = rect.right() - self.INDENT
        metrics = QFontMetrics(font)
        top_line = rect.top() + self.PADDING + metrics.ascent()
        second_line = top_line + metrics.height() + 2

        date = hit_date(hit.created_at, self._now())
        painter.setFont(font)
        painter.setPen(muted)
        date_width = metrics.horizontalAdvance(date)
        painter.drawText(QPoint(right - date_width, top_line), date)
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text)
        title = QFontMetrics(bold).elidedText(hit.conversation_title, Qt.TextElideMode.ElideRight,
                                              max(0, right - date_width - 12 - left))
        painter.drawText(QPoint(left, top_line), title)

        role = role_name(hit.role) + ": "
        painter.setFont(font)
        painter.setPen(muted)
        painter.drawText(QPoint(left, second_line), role)
        x = left + metrics.horizontalAdvance(role)
        for whole, marked in snippet_runs(hit.snippet):
            run_metrics = QFontMetrics(bold if marked else font)
            run = whole
            width = run_metrics.horizontalAdvance(run)
            if x + width > right:  # the rest does not fit: cut it with an ellipsis
                run = run_metrics.elidedText(whole, Qt.TextElideMode.ElideRight, right - x)
                width = run_metrics.horizontalAdvance(run)
            if marked:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._colours["mark"])
                painter.drawRoundedRect(QRectF(x - 1, second_line - metrics.ascent() - 1,
                                               width + 2, metrics.height() + 2), 3, 3)
            painter.setFont(bold if marked else font)
            painter.setPen(text)
            painter.drawText(QPoint(x, second_line), run)
            x += width
            if x >= right:
                break
        painter.restore()


def result_text(hit: SearchHit, now: float) -> str:
    """A result as one line of plain text (what a screen reader says)."""
    snippet = "".join(run for run, _marked in snippet_runs(hit.snippet))
    return translate("SearchPanel", "{title}, {date}. {role}: {text}").format(
        title=hit.conversation_title, date=hit_date(hit.created_at, now),
        role=role_name(hit.role), text=snippet)


_STYLE = """
#searchPanel { background: palette(base); border: 1px solid palette(mid);
               border-radius: 10px; }
#searchField { padding: 6px 8px; font-size: 11pt; border: 1px solid palette(mid);
               border-radius: 6px; }
#searchResults { border: none; background: transparent; }
#searchStatus { color: %(muted)s; }
"""


class SearchPanel(QFrame):
    chosen = Signal(int, int)  # conversation id, message id
    closed = Signal()
    results_shown = Signal(str)  # the query whose results are now on screen

    def __init__(self, history: HistoryJobs, parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.time,
                 hidden: Callable[[], Collection[int]] = frozenset) -> None:
        super().__init__(parent)
        self._hidden = hidden  # chats deleted but still in the history (Undo on offer)
        self.setObjectName("searchPanel")
        self.setAccessibleName(translate("SearchPanel", "Search all chats"))
        self._history = history
        self._clock = clock
        self._latest = LatestQuery()
        self.shown_query: str | None = None  # the query the list answers
        self.hits: list[SearchHit] = []
        # No drop shadow: a graphics effect renders the whole panel again for every
        # repaint, the field's blinking cursor included.
        self.setStyleSheet(_STYLE % _colours())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(6)
        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(translate("SearchPanel", "Search all chats"))
        self.field.setAccessibleName(translate("SearchPanel", "Search all chats"))
        self.field.setAccessibleDescription(translate(
            "SearchPanel", "Words to find in every chat. The arrow keys choose a result, "
            "Enter opens it, Esc closes the search."))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._typed)
        self.field.installEventFilter(self)
        layout.addWidget(self.field)
        self.status = plain_label(QLabel(self))  # echoes the query
        self.status.setObjectName("searchStatus")
        self.status.setAccessibleName(translate("SearchPanel", "Search status"))
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(translate("SearchPanel", "Search results"))
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys go to the field
        self.results.setUniformItemSizes(True)
        self.results.setItemDelegate(ResultDelegate(self._clock, self.results))
        self.results.itemClicked.connect(self._choose)
        self.results.hide()
        layout.addWidget(self.results)
        self.hide()
        if parent is not None:
            parent.installEventFilter(self)  # follow the window's size
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- opening and closing -----------------------------------------------------------

    def open_panel(self) -> None:
        """Show the panel with the field focused; text left from last time is selected
        (typing replaces it) and searched again, as the chats may have changed."""
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip():
            self._typed(self.field.text())

    def close_panel(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # A click elsewhere in the window closes the panel, as it would a popup.
        if new is not None and self.isVisible() and not self.isAncestorOf(new):
            self.hide()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = max(320, min(PANEL_WIDTH, parent.width() - 40))
        self.setFixedWidth(width)
        self.move((parent.width() - width) // 2, 48)
        self._fit_height()

    def _fit_height(self) -> None:
        rows = min(self.results.count(), VISIBLE_RESULTS)
        list_height = sum(self.results.sizeHintForRow(row) for row in range(rows))
        self.results.setFixedHeight(list_height + 4 if rows else 0)
        self.results.setVisible(rows > 0)
        self.adjustSize()

    # -- searching ---------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        if not text.strip():
            self._latest.typed(text)
            self._show([], text)
            return
        query = self._latest.typed(text)
        if query is not None:
            self._run(query)

    def _run(self, query: str) -> None:
        self._history.submit(lambda store: store.search(query, RESULT_LIMIT),
                             lambda hits: self._answered(query, hits),
                             lambda error: self._failed(query, error))

    def _answered(self, query: str, hits: list[SearchHit]) -> None:
        show, next_query = self._latest.answered(query)
        if show:
            hidden = self._hidden()
            self._show([hit for hit in hits if hit.conversation_id not in hidden], query)
        if next_query is not None:
            self._run(next_query)

    def _failed(self, query: str, error: UserFacingError) -> None:
        show, next_query = self._latest.answered(query)
        if show:
            self._show([], query)
            self.status.setText(error.user_message)
            self.status.show()
            self._fit_height()
        if next_query is not None:
            self._run(next_query)

    def _show(self, hits: list[SearchHit], query: str) -> None:
        self.hits = hits
        self.shown_query = query
        self.results.setUpdatesEnabled(False)
        self.results.clear()
        now = self._clock()
        for hit in hits:
            item = QListWidgetItem(result_text(hit, now), self.results)
            item.setData(HIT_ROLE, hit)
        if hits:
            self.results.setCurrentRow(0)
        self.results.setUpdatesEnabled(True)
        blank = not query.strip()
        self.status.setText("" if blank or hits else translate(
            "SearchPanel", "No messages match “{query}”.").format(query=query.strip()))
        self.status.setVisible(not blank and not hits)
        self._fit_height()
        self.results_shown.emit(query)

    # -- choosing ----------------------------------------------------------------------

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        hit = item.data(HIT_ROLE)
        self.close_panel()
        self.chosen.emit(hit.conversation_id, hit.message_id)

    def _move(self, rows: int) -> None:
        count = self.results.count()
        if count:
            row = min(max(self.results.currentRow() + rows, 0), count - 1)
            self.results.setCurrentRow(row)
            self.results.scrollToItem(self.results.item(row))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            if self.isVisible():
                self._place()
        elif watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close_panel()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose(self.results.currentItem())
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._move(VISIBLE_RESULTS if key == Qt.Key.Key_PageDown else -VISIBLE_RESULTS)
        else:
            return False
        return True
