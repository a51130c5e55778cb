"""The conversation: a scrolling column of messages, the reply streaming at its end.

Streamed text is buffered and painted on a timer (about 30 times a second), not once
per token, so the window keeps its frame rate however fast the model writes. Long
conversations open with their latest messages; earlier ones are added on request.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from chatapp.engine.llama_engine import GenerationStats
from chatapp.history.store import Message
from chatapp.ui.message_widget import MessageWidget
from chatapp.ui.theme import SCROLL_BAR_STYLE
from chatapp.vocabulary import PROMPT_STATES

# Shown when a conversation opens (a screenful and more); earlier ones on request, so
# opening a chat of thousands of messages costs what opening a short one does.
INITIAL_MESSAGES = 16
EARLIER_BATCH = 50


class ConversationView(QScrollArea):
    regenerate_requested = Signal()
    continue_requested = Signal()
    branch_requested = Signal(int)  # show the branch through this message
    edit_requested = Signal(int, str)  # message id, its new text
    delete_requested = Signal(int)  # delete this message and what follows it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Conversation")
        self.verticalScrollBar().setStyleSheet(SCROLL_BAR_STYLE)

        self._column = QWidget(self)
        self._column.setObjectName("conversationColumn")
        self._layout = QVBoxLayout(self._column)
        # The column's height is its height for the view's width. Its minimum height (the
        # sum of the messages' minimums, and a wrapped label's minimum is its height at
        # its narrowest) is ignored: it made a long chat's column far taller than its
        # messages, and opening the chat, scrolled to the bottom, showed empty space.
        self._column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._layout.setContentsMargins(18, 12, 18, 12)
        self._layout.setSpacing(10)

        self.notice = QLabel(self._column)
        self.notice.setObjectName("contextNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._layout.addWidget(self.notice)

        self.earlier_button = QPushButton(self._column)
        self.earlier_button.setObjectName("showEarlier")
        self.earlier_button.clicked.connect(self._show_earlier)
        self.earlier_button.hide()
        self._layout.addWidget(self.earlier_button, 0, Qt.AlignmentFlag.AlignHCenter)

        self.placeholder = QLabel(self._column)
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setTextFormat(Qt.TextFormat.RichText)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Preferred,
                                       QSizePolicy.Policy.Expanding)
        self._layout.addWidget(self.placeholder)
        self._layout.addStretch(1)
        self.setWidget(self._column)

        self.conversation_id: int | None = None
        self.messages: list[MessageWidget] = []
        self._siblings: dict[int, tuple[int, ...]] = {}  # messages with other versions
        self._hidden_earlier: list[Message] = []
        self.streaming: MessageWidget | None = None
        self._stick_to_bottom = True
        self._dropped = 0

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
            self.notice.setText(
                f"The oldest {dropped:,} message{'s' if dropped != 1 else ''} no longer "
                f"fit the model's context ({context_length:,} tokens), so "
                f"{'they are' if dropped != 1 else 'it is'} left out of what the model "
                "reads. The system prompt is always kept."
            )
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
        self.earlier_button.setText(f"Show {count:,} earlier message{'s' if count != 1 else ''}")
        self.earlier_button.setVisible(count > 0)

    def _widget_for(self, message: Message) -> MessageWidget:
        widget = MessageWidget(message.role, message.content, self._column)
        widget.set_message(message)
        self._connect(widget)
        widget.set_siblings(self._siblings.get(message.id, ()))
        return widget

    def _connect(self, widget: MessageWidget) -> None:
        widget.regenerate_requested.connect(self.regenerate_requested)
        widget.continue_requested.connect(self.continue_requested)
        widget.branch_requested.connect(self.branch_requested)

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
        self._refresh_last_reply()
        return widget

    def start_reply(self) -> MessageWidget:
        widget = MessageWidget("assistant", "", self._column)
        self._connect(widget)
        widget.start_streaming()
        self._append_widget(widget)
        self.streaming = widget
        self._stick_to_bottom = True
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

    # -- scrolling ---------------------------------------------------------------------

    def _remember_position(self, value: int) -> None:
        bar = self.verticalScrollBar()
        self._stick_to_bottom = value >= bar.maximum() - 24

    def _follow_bottom(self, _minimum: int, maximum: int) -> None:
        if self._stick_to_bottom:
            self.verticalScrollBar().setValue(maximum)
