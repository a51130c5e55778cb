"""The conversation: a scrolling column of messages, the reply streaming at its end.

Streamed text is buffered and painted on a timer (about 30 times a second), not once
per token, so the window keeps its frame rate however fast the model writes. Long
conversations open with their latest messages; earlier ones are added on request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from chatapp.conversation.search import find_spans
from chatapp.engine.llama_engine import GenerationStats
from chatapp.history.store import Attachment, Citation, Message
from chatapp.i18n import format_number, translate
from chatapp.ui import theme
from chatapp.ui.markdown_view import CodeBlock
from chatapp.ui.message_widget import MessageWidget
from chatapp.ui.theme import SCROLL_BAR_STYLE, SPACE_4, SPACE_5, readable_width
from chatapp.vocabulary import PROMPT_STATES

# Shown when a conversation opens (a screenful and more); earlier ones on request, so
# opening a chat of thousands of messages costs what opening a short one does.
INITIAL_MESSAGES = 16
EARLIER_BATCH = 50
# How long a message opened from a search stays marked.
REVEAL_MARK_MS = 2000


class ConversationView(QScrollArea):
    regenerate_requested = Signal()
    continue_requested = Signal()
    branch_requested = Signal(int)  # show the branch through this message
    edit_requested = Signal(int, str)  # message id, its new text
    delete_requested = Signal(int)  # delete this message and what follows it
    citation_activated = Signal(object)  # a reply's source (Citation) clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(translate("ConversationView", "Conversation"))
        self.setAccessibleDescription(
            translate("ConversationView", "The messages of the open chat, oldest first"))
        self.verticalScrollBar().setStyleSheet(SCROLL_BAR_STYLE)

        self._column = QWidget(self)
        self._column.setObjectName("conversationColumn")
        self._column.setAccessibleName(translate("ConversationView", "Conversation"))
        self._layout = QVBoxLayout(self._column)
        # The column's height is its height for the view's width. Its minimum height (the
        # sum of the messages' minimums, and a wrapped label's minimum is its height at
        # its narrowest) is ignored: it made a long chat's column far taller than its
        # messages, and opening the chat, scrolled to the bottom, showed empty space.
        self._column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        # The sides grow in a wide window, so the text keeps a readable width, centred
        # (_fit_column).
        self._layout.setContentsMargins(SPACE_5, SPACE_4, SPACE_5, SPACE_4)
        self._layout.setSpacing(SPACE_5)

        self.notice = QLabel(self._column)
        self.notice.setObjectName("contextNotice")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(translate("ConversationView", "Context notice"))
        self.notice.hide()
        self._layout.addWidget(self.notice)

        self.earlier_button = QPushButton(self._column)
        self.earlier_button.setObjectName("showEarlier")
        self.earlier_button.setToolTip(
            translate("ConversationView", "Show the messages before these"))
        self.earlier_button.clicked.connect(self._show_earlier)
        self.earlier_button.hide()
        self._layout.addWidget(self.earlier_button, 0, Qt.AlignmentFlag.AlignHCenter)

        self.placeholder = QLabel(self._column)
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setTextFormat(Qt.TextFormat.RichText)
        self.placeholder.setAccessibleName(translate("ConversationView", "Getting started"))
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Preferred,
                                       QSizePolicy.Policy.Expanding)
        self._layout.addWidget(self.placeholder)
        self._layout.addStretch(1)
        self.setWidget(self._column)

        self.conversation_id: int | None = None
        self.messages: list[MessageWidget] = []
        self._siblings: dict[int, tuple[int, ...]] = {}  # messages with other versions
        # Files of questions and sources of replies of one chat, by message id.
        self._documents_chat: int | None = None
        self._attachments: dict[int, Sequence[Attachment]] = {}
        self._citations: dict[int, Sequence[Citation]] = {}
        self._hidden_earlier: list[Message] = []
        self.streaming: MessageWidget | None = None
        self._stick_to_bottom = True
        self._dropped = 0
        # What a search or find scrolled to (a widget, and a text position in it if it is
        # a label), kept in view while the column is laid out, until the user scrolls.
        self._scroll_target: tuple[QWidget, int | None] | None = None
        self._target_value = 0
        self.found: QLabel | None = None  # the label showing the current find match
        self.revealed: MessageWidget | None = None  # marked for a moment by reveal_message
        self._mark: _RevealMark | None = None

        self._flush_scheduled = False
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._remember_position)
        bar.rangeChanged.connect(self._follow_bottom)

    # -- what is shown -----------------------------------------------------------------

    def show_conversation(self, conversation_id: int | None, messages: list[Message]) -> None:
        self.clear()
        self.conversation_id = conversation_id
        self._hidden_earlier = messages[:-INITIAL_MESSAGES] if len(
            messages) > INITIAL_MESSAGES else []
        # One layout pass for all the new widgets, not one per widget.
        self._column.setUpdatesEnabled(False)
        for message in messages[len(self._hidden_earlier):]:
            self._append_widget(self._widget_for(message))
        self._column.setUpdatesEnabled(True)
        self._update_earlier_button()
        self._refresh_last_reply()
        self._stick_to_bottom = True
        self._update_placeholder()

    def clear(self) -> None:
        for widget in self.messages:
            widget.deleteLater()
        self.messages.clear()
        self._hidden_earlier = []
        self.streaming = None
        self._scroll_target = None
        self.found = None
        self.set_dropped(0, 0)
        self._update_earlier_button()

    def set_placeholder(self, html: str) -> None:
        self.placeholder.setText(html)
        self._update_placeholder()

    def _update_placeholder(self) -> None:
        self.placeholder.setVisible(not self.messages and bool(self.placeholder.text()))

    def set_dropped(self, dropped: int, context_length: int) -> None:
        """Say how many of the oldest messages are left out of the prompt, and dim them."""
        self._dropped = dropped
        if dropped:
            # Each its own string: English's source has no singular.
            text = translate(
                "ConversationView",
                "The oldest message no longer fits the model's context ({tokens} tokens), "
                "so it is left out of what the model reads. The system prompt is always "
                "kept.") if dropped == 1 else translate(
                "ConversationView",
                "The oldest %n messages no longer fit the model's context ({tokens} "
                "tokens), so they are left out of what the model reads. The system prompt "
                "is always kept.", "", dropped)
            self.notice.setText(text.format(tokens=format_number(context_length)))
        self.notice.setVisible(dropped > 0)
        self._mark_context()

    def _mark_context(self) -> None:
        remaining = self._dropped - sum(
            1 for m in self._hidden_earlier if m.state in PROMPT_STATES and m.content)
        for widget in self.messages:
            counts = widget.message is None or (
                widget.message.state in PROMPT_STATES and bool(widget.message.content))
            if counts and remaining > 0 and not widget.streaming:
                widget.set_in_context(False)
                remaining -= 1
            else:
                widget.set_in_context(True)

    def _show_earlier(self) -> None:
        cut = max(0, len(self._hidden_earlier) - EARLIER_BATCH)
        earlier, self._hidden_earlier = self._hidden_earlier[cut:], self._hidden_earlier[:cut]
        for index, message in enumerate(earlier):
            widget = self._widget_for(message)
            self._layout.insertWidget(self._first_message_index() + index, widget)
            self.messages.insert(index, widget)
        self._update_earlier_button()
        self._mark_context()

    def _first_message_index(self) -> int:
        return self._layout.indexOf(self.earlier_button) + 1

    def _update_earlier_button(self) -> None:
        count = len(self._hidden_earlier)
        self.earlier_button.setText(
            translate("ConversationView", "Show 1 earlier message") if count == 1
            else translate("ConversationView", "Show %n earlier messages", "", count))
        self.earlier_button.setVisible(count > 0)

    def _widget_for(self, message: Message) -> MessageWidget:
        widget = MessageWidget(message.role, message.content, self._column)
        widget.set_message(message)
        self._connect(widget)
        widget.set_siblings(self._siblings.get(message.id, ()))
        widget.set_attachments(self._attachments.get(message.id, ()))
        widget.set_citations(self._citations.get(message.id, ()))
        return widget

    def _connect(self, widget: MessageWidget) -> None:
        widget.regenerate_requested.connect(self.regenerate_requested)
        widget.continue_requested.connect(self.continue_requested)
        widget.branch_requested.connect(self.branch_requested)
        widget.citation_activated.connect(self.citation_activated)

        def edit(text: str) -> None:
            if widget.message is not None:
                self.edit_requested.emit(widget.message.id, text)

        def delete() -> None:
            if widget.message is not None:
                self.delete_requested.emit(widget.message.id)

        widget.edit_saved.connect(edit)
        widget.delete_requested.connect(delete)

    def set_branches(self, siblings: dict[int, tuple[int, ...]]) -> None:
        """Which messages have other versions (their ids, in the order written). Kept
        across chats: ids are unique in the whole history."""
        self._siblings = siblings
        for widget in self.messages:
            if widget.message is not None:
                widget.set_siblings(siblings.get(widget.message.id, ()))

    def set_documents(self, conversation_id: int,
                      attachments: Mapping[int, Sequence[Attachment]],
                      citations: Mapping[int, Sequence[Citation]]) -> None:
        """A chat's questions' files and replies' sources, by message id: shown on the
        messages on screen, and on those shown later (set before they are)."""
        if conversation_id != self._documents_chat:
            self._documents_chat = conversation_id
            self._attachments, self._citations = {}, {}
        self._attachments.update(attachments)
        self._citations.update(citations)
        for widget in self.messages:
            message = widget.message
            if message is not None:
                if message.id in attachments:
                    widget.set_attachments(attachments[message.id])
                if message.id in citations:
                    widget.set_citations(citations[message.id])

    def _append_widget(self, widget: MessageWidget) -> None:
        # Before the placeholder and the trailing stretch.
        self._layout.insertWidget(self._layout.indexOf(self.placeholder), widget)
        self.messages.append(widget)
        self._update_placeholder()

    def _refresh_last_reply(self) -> None:
        last_reply = next((w for w in reversed(self.messages) if w.role == "assistant"), None)
        for widget in self.messages:
            widget.set_regenerate_visible(widget is last_reply and widget is self.messages[-1])

    # -- a turn ------------------------------------------------------------------------

    def add_user_message(self, message: Message) -> MessageWidget:
        """Show the user's message, which is already in the history."""
        widget = self._widget_for(message)
        self._append_widget(widget)
        self._stick_to_bottom = True
        self._scroll_target = None  # what the user writes wins over what was found
        self._refresh_last_reply()
        return widget

    def start_reply(self) -> MessageWidget:
        widget = MessageWidget("assistant", "", self._column)
        self._connect(widget)
        widget.start_streaming()
        self._append_widget(widget)
        self.streaming = widget
        self._stick_to_bottom = True
        self._scroll_target = None
        self._refresh_last_reply()
        return widget

    def continue_last_reply(self) -> MessageWidget | None:
        """The last reply streams on: shown as it was (thought folded), text to follow."""
        last = self.messages[-1] if self.messages else None
        if last is None or last.role != "assistant" or last.message is None:
            return None
        before = last.message
        self.remove_last_reply()
        widget = self.start_reply()
        if before.reasoning:
            widget.append_reasoning(before.reasoning)
            widget.finish_reasoning(before.reasoning_s)
        widget.append(before.content)
        widget.flush()
        return widget

    def remove_last_reply(self) -> None:
        if self.messages and self.messages[-1].role == "assistant":
            self.messages.pop().deleteLater()
        self._refresh_last_reply()

    def append_reply_text(self, text: str) -> None:
        """Show streamed text, rendered once for all the text that has arrived meanwhile.

        The engine thread already sends text at most about 30 times a second (see
        workers/engine_worker.py), so the view updates when text arrives and not on a
        timer of its own: the UI thread wakes only when there is something to show, and
        every wake-up on a machine whose cores all compute takes time from the model.
        """
        if self.streaming is None:
            return
        self.streaming.append(text)
        self._schedule_flush()

    def append_reasoning_text(self, text: str) -> None:
        """Show streamed thought, buffered and painted with the answer's text."""
        if self.streaming is None:
            return
        self.streaming.append_reasoning(text)
        self._schedule_flush()

    def reasoning_finished(self, seconds: float) -> None:
        """The model stopped thinking after ``seconds``: its thought folds, the answer follows.

        The thought still buffered is shown now; answer text already buffered waits for
        the flush, so the thought always ends before the answer starts.
        """
        if self.streaming is not None:
            self.streaming.finish_reasoning(seconds)

    def _schedule_flush(self) -> None:
        if not self._flush_scheduled:
            # After any other text already queued for this thread: one render for all.
            self._flush_scheduled = True
            QTimer.singleShot(0, self._flush_stream)

    def _flush_stream(self) -> None:
        self._flush_scheduled = False
        if self.streaming is not None:
            self.streaming.flush()

    def reply_started(self, message: Message) -> None:
        if self.streaming is not None:
            self.streaming.message = message

    def finish_reply(self, message: Message, stats: GenerationStats) -> None:
        if self.streaming is not None:
            self.streaming.finish(message, stats)
            self.streaming = None
        self._refresh_last_reply()

    def fail_reply(self, user_message: str, message: Message | None) -> None:
        widget = self.streaming
        self.streaming = None
        if widget is None:
            widget = MessageWidget("assistant", "", self._column)
            self._append_widget(widget)
        widget.fail(user_message, message)
        self._refresh_last_reply()

    # -- search and find ---------------------------------------------------------------

    def find_texts(self) -> list[str]:
        """The text of each message of the branch on screen, first to last, earlier
        ones not shown yet included: find looks through the whole branch."""
        return [m.content for m in self._hidden_earlier] + [w.text for w in self.messages]

    def first_visible_item(self) -> int:
        """The index (into find_texts) of the first message at least partly in view."""
        top = self.verticalScrollBar().value()
        index = next((i for i, w in enumerate(self.messages) if w.geometry().bottom() >= top),
                     len(self.messages) - 1)
        return len(self._hidden_earlier) + max(0, index)

    def show_find_match(self, item: int, start: int, length: int) -> None:
        """Scroll to a match in find_texts()[item] and select it where it is shown.

        The texts are the messages as written (Markdown); the match is selected in the
        rendered text, as the same occurrence of the same words when the rendering
        shows them all (markup aside, it does), else the nearest one."""
        self.clear_find()
        widget = self._rendered(item)
        if widget is None:
            return
        needle = widget.text[start:start + length]
        nth = sum(1 for s, _ in find_spans(widget.text, needle) if s < start)
        shown = [(label, s, n) for label, text in _text_labels(widget)
                 for s, n in find_spans(text, needle)]
        if not shown:  # e.g. the words are a link's address: show the message
            self._scroll_to(widget, None)
            return
        label, shown_start, shown_length = shown[min(nth, len(shown) - 1)]
        label.setSelection(shown_start, shown_length)
        self.found = label
        label.destroyed.connect(lambda: self._forget_found(label))
        self._scroll_to(label, shown_start)

    def clear_find(self) -> None:
        """Unselect the find match."""
        if self.found is not None:
            self.found.setSelection(0, 0)
            self.found = None

    def _forget_found(self, label: QLabel) -> None:
        if self.found is label:
            self.found = None

    def reveal_message(self, message_id: int) -> bool:
        """Scroll to a message of the branch on screen and mark it for a moment (a
        search result opened). False if it is not on screen."""
        ids = [m.id for m in self._hidden_earlier] + [
            w.message.id if w.message is not None else None for w in self.messages]
        if message_id not in ids:
            return False
        widget = self._rendered(ids.index(message_id))
        if widget is None:
            return False
        self._scroll_to(widget, None)
        if self._mark is not None:
            self._mark.deleteLater()
        mark = self._mark = _RevealMark(widget.frame)  # the bubble, or the answer
        self.revealed = widget
        mark.destroyed.connect(lambda: self._mark_gone(mark))
        QTimer.singleShot(REVEAL_MARK_MS, mark, mark.deleteLater)
        return True

    def _mark_gone(self, mark: _RevealMark) -> None:
        if self._mark is mark:
            self._mark = None
            self.revealed = None

    def _rendered(self, item: int) -> MessageWidget | None:
        """The widget of find_texts()[item], adding earlier messages until it is shown."""
        while item < len(self._hidden_earlier):
            self._show_earlier()
        index = item - len(self._hidden_earlier)
        return self.messages[index] if 0 <= index < len(self.messages) else None

    # -- width -------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit_column()
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.StyleChange:
            self._fit_column()  # a new text size: a new readable width
        super().changeEvent(event)

    def _fit_column(self) -> None:
        """Margins that keep the messages within a readable width, centred."""
        controller = theme.current()
        widest = readable_width(controller.text_size_percent if controller else 100)
        side = max(SPACE_5, (self.viewport().width() - widest) // 2)
        margins = self._layout.contentsMargins()
        if margins.left() != side or margins.right() != side:
            self._layout.setContentsMargins(side, margins.top(), side, margins.bottom())

    # -- scrolling ---------------------------------------------------------------------

    def _scroll_to(self, widget: QWidget, position: int | None) -> None:
        self._scroll_target = (widget, position)
        self._stick_to_bottom = False
        widget.destroyed.connect(lambda: self._forget_target(widget))
        self._apply_scroll_target()
        # Widgets just added are laid out on the next pass: place the target again then.
        QTimer.singleShot(0, self, self._apply_scroll_target)

    def _forget_target(self, widget: QWidget) -> None:
        if self._scroll_target is not None and self._scroll_target[0] is widget:
            self._scroll_target = None

    def _apply_scroll_target(self) -> None:
        if self._scroll_target is None:
            return
        widget, position = self._scroll_target
        top = widget.mapTo(self._column, QPoint(0, 0)).y()
        height = widget.height()
        viewport = self.viewport().height()
        if position is not None and isinstance(widget, QLabel):
            top += _line_top(widget, position)  # the match's line, a third of the way down
            value = top - viewport // 3
        elif height < viewport:
            value = top - (viewport - height) // 2  # the whole message, in the middle
        else:
            value = top - 12  # a long message: its beginning
        bar = self.verticalScrollBar()
        self._target_value = min(max(value, 0), bar.maximum())
        bar.setValue(self._target_value)

    def _remember_position(self, value: int) -> None:
        bar = self.verticalScrollBar()
        if self._scroll_target is not None and value != self._target_value:
            self._scroll_target = None  # the user scrolled away
        self._stick_to_bottom = value >= bar.maximum() - 24

    def _follow_bottom(self, _minimum: int, maximum: int) -> None:
        if self._scroll_target is not None:
            self._apply_scroll_target()
        elif self._stick_to_bottom:
            self.verticalScrollBar().setValue(maximum)


def _text_labels(widget: MessageWidget) -> list[tuple[QLabel, str]]:
    """The labels that show a message's text, in order, each with the text it shows
    (what QLabel.setSelection counts in)."""
    found: list[tuple[QLabel, str]] = []
    layout = widget.body.layout()
    if layout is None:
        return found
    for index in range(layout.count()):
        item = layout.itemAt(index)
        shown = item.widget() if item is not None else None
        label = shown.findChild(QLabel, "codeBody") if isinstance(shown, CodeBlock) else shown
        if isinstance(label, QLabel) and not label.isHidden() and label.text():
            found.append((label, _document(label).toPlainText()))
    return found


def _document(label: QLabel) -> QTextDocument:
    """A document laid out as the label lays out its text."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    text_format = label.textFormat()
    if text_format == Qt.TextFormat.PlainText:
        document.setPlainText(label.text())
    elif text_format == Qt.TextFormat.MarkdownText:
        document.setMarkdown(label.text())
    else:
        document.setHtml(label.text())
    if label.wordWrap() and label.contentsRect().width() > 0:
        document.setTextWidth(label.contentsRect().width())
    return document


def _line_top(label: QLabel, position: int) -> int:
    """About where the line holding ``position`` starts, from the label's top."""
    document = _document(label)
    block = document.findBlock(position)
    if not block.isValid():
        return 0
    top = document.documentLayout().blockBoundingRect(block).top()
    line = block.layout().lineForTextPosition(position - block.position())
    return round(top + (line.y() if line.isValid() else 0))


class _RevealMark(QWidget):
    """A frame over a message for a moment: the one a search result opened."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("revealMark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        colour = self.palette().color(QPalette.ColorRole.Highlight)
        fill = QColor(colour)
        fill.setAlpha(36)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 2))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 10, 10)
        painter.end()
