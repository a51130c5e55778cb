"""One message in the conversation view: who said it, what, and how the reply was made."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from chatapp.engine.llama_engine import GenerationStats
from chatapp.history.store import Attachment, Citation, Message
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.rendering.markdown_blocks import Block, split_all, split_complete
from chatapp.ui.attachment_chips import ChipRow
from chatapp.ui.citations_view import CitationsView
from chatapp.ui.icons import Icon
from chatapp.ui.markdown_view import PlainLabel, block_widget
from chatapp.ui.message_actions import (
    BranchSwitcher,
    InlineEditor,
    actions_button,
    icon_button,
    show_copied,
)
from chatapp.ui.plain_text import plain_label
from chatapp.ui.theme import BUBBLE_SHARE, SPACE_1, SPACE_2, SPACE_3, SPACE_4, SPACE_5
from chatapp.ui.thinking_block import ThinkingBlock
from chatapp.vocabulary import MessageState

# The unfinished block's live label holds at most about this much text.
LIVE_TAIL_LIMIT = 1500

# Translated where shown (role_title): a translation looked up at import stays English.
ROLE_TITLES = {"user": QT_TRANSLATE_NOOP("MessageWidget", "You"),
               "assistant": QT_TRANSLATE_NOOP("MessageWidget", "Assistant"),
               "system": QT_TRANSLATE_NOOP("MessageWidget", "System")}
# A question being edited asks for this much width: all the room its row gives a bubble.
ROOM_FOR_EDITING = 100_000
# A message's accessible name quotes at most this much of its text.
ACCESSIBLE_TEXT_CHARS = 80


def role_title(role: str) -> str:
    """Who wrote a message, in the user's language ("You", "Assistant")."""
    title = ROLE_TITLES.get(role)
    return translate("MessageWidget", title) if title is not None else role


def format_stats(message: Message, stats: GenerationStats | None = None) -> str:
    """The line under a reply: tokens, speed, first-token time, and how it ended."""
    parts: list[str] = []
    if message.state == "stopped":
        parts.append(translate("MessageWidget", "Stopped"))
    elif message.state == "interrupted":
        parts.append(translate("MessageWidget",
                               "Interrupted (the app was closed while writing)"))
    elif stats is not None and stats.stop_reason == "length":
        parts.append(translate("MessageWidget", "Reached the reply length limit"))
    elif stats is not None and stats.stop_reason == "context_full":
        parts.append(translate("MessageWidget", "The context is full"))
    tokens = message.generated_tokens
    if tokens is not None:
        # A plain name as the count: pyside6-lupdate skips a call whose count is not one.
        parts.append(translate("MessageWidget", "1 token") if tokens == 1
                     else translate("MessageWidget", "%n tokens", "", tokens))
    if message.tokens_per_s is not None:
        parts.append(translate("MessageWidget", "{speed} tokens/s").format(
            speed=format_number(message.tokens_per_s, 1)))
    if message.ttft_s is not None:
        parts.append(translate("MessageWidget", "first token {seconds} s").format(
            seconds=format_number(message.ttft_s, 2)))
    # A reasoning model's answer starts after its thought: that wait is worth its own
    # figure. Without a thought it is the first token's moment (a few ms apart at
    # most): said once. Compared as shown, so the same number never appears twice.
    thought = bool(message.reasoning) or message.reasoning_s is not None
    if thought and message.ttfa_s is not None and (
            message.ttft_s is None or f"{message.ttfa_s:.2f}" != f"{message.ttft_s:.2f}"):
        parts.append(translate("MessageWidget", "first answer token {seconds} s").format(
            seconds=format_number(message.ttfa_s, 2)))
    if message.edited:
        parts.append(translate("MessageWidget", "edited"))
    if message.model_file:
        parts.append(message.model_file)
    return " · ".join(parts)


class _TrailingLayout(QLayout):
    """One item on the trailing side (right, or left right to left), as wide as it
    wants up to a share of the row, its height for that width."""

    def __init__(self, parent: QWidget, share: float) -> None:
        super().__init__(parent)
        self._item: QLayoutItem | None = None
        self._share = share

    def addItem(self, item: QLayoutItem) -> None:
        self._item = item

    def count(self) -> int:
        return 0 if self._item is None else 1

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._item if index == 0 else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        item = self._item if index == 0 else None
        if item is not None:
            self._item = None
        return item

    def sizeHint(self) -> QSize:
        return self._with_margins(self._item.sizeHint() if self._item else QSize())

    def minimumSize(self) -> QSize:
        return self._with_margins(self._item.minimumSize() if self._item else QSize())

    def hasHeightForWidth(self) -> bool:
        return self._item is not None and self._item.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        if self._item is None:
            return 0
        margins = self.contentsMargins()
        inner = self._width(width - margins.left() - margins.right())
        return self._item.heightForWidth(inner) + margins.top() + margins.bottom()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        if self._item is None:
            return
        area = self.contentsRect()
        width = self._width(area.width())
        parent = self.parentWidget()
        direction = parent.layoutDirection() if parent is not None \
            else Qt.LayoutDirection.LeftToRight
        self._item.setGeometry(QStyle.alignedRect(
            direction, Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignTop,
            QSize(width, area.height()), area))

    def _width(self, room: int) -> int:
        assert self._item is not None
        widest = max(self._item.minimumSize().width(), int(room * self._share))
        return max(0, min(room, widest, self._item.sizeHint().width()))

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return QSize(size.width() + margins.left() + margins.right(),
                     size.height() + margins.top() + margins.bottom())


class _Bubble(QFrame):
    """The user's message: as wide as its text (the layout caps it at a share of the
    row), so a short question makes a small bubble."""

    def __init__(self, owner: MessageWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        self._natural: tuple[str, str, int] | None = None  # text, font, width

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        layout = self.layout()
        editor = getattr(self._owner, "editor", None)  # None while the message is made
        if layout is None or editor is None:
            return hint
        if editor.isVisibleTo(self):
            hint.setWidth(ROOM_FOR_EDITING)  # the layout gives it its share of the row
            return hint
        margins = layout.contentsMargins()
        content = max(self._text_width(), self._owner.header_width(),
                      self._owner.chips.sizeHint().width()
                      if self._owner.chips is not None else 0)
        hint.setWidth(content + margins.left() + margins.right() + 2 * self.frameWidth())
        return hint

    def _text_width(self) -> int:
        """The widest line of the text, unwrapped (remembered: asked on every layout)."""
        label = self._owner.tail
        text, font = label.text(), label.font().key()
        if self._natural is None or self._natural[:2] != (text, font):
            metrics = label.fontMetrics()
            widest = max((metrics.horizontalAdvance(line) for line in text.split("\n")),
                         default=0)
            self._natural = (text, font, widest + 2 * label.margin() + 2)
        return self._natural[2]


class MessageWidget(QFrame):
    """A message's row: the user's in a bubble on the trailing side, at most
    BUBBLE_SHARE of the row; the model's full width, without one.

    ``frame`` is what the theme draws (its name is userMessage or assistantMessage).
    """

    regenerate_requested = Signal()
    continue_requested = Signal()
    branch_requested = Signal(int)  # the id of the sibling version to show
    edit_saved = Signal(str)  # the message's new text
    delete_requested = Signal()
    citation_activated = Signal(object)  # Citation: open it, or show its passage

    def __init__(self, role: str, text: str = "", parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.role = role
        self._clock = clock  # times the thought while it streams (tests pass their own)
        self.message: Message | None = None
        self.text = text
        self.streaming = False
        self._consumed = 0  # characters of text already rendered as complete blocks
        self._streamed_blocks: list[Block] = []  # the blocks rendered while streaming
        self._pending: list[str] = []  # streamed text not yet shown
        self._pending_reasoning: list[str] = []  # streamed thought not yet shown
        self.thinking: ThinkingBlock | None = None  # made when there is a thought
        # Made when there are some: a question's files, a reply's sources.
        self.chips: ChipRow | None = None
        self.citations: CitationsView | None = None
        self._frozen = 0  # characters of the unfinished block shown in frozen labels
        self._frozen_widgets: list[QWidget] = []
        self.setObjectName("messageRow")
        self.is_bubble = role == "user"

        self.frame: QFrame = _Bubble(self) if self.is_bubble else QFrame(self)
        self.frame.setObjectName("userMessage" if self.is_bubble else "assistantMessage")
        row: QLayout = _TrailingLayout(self, BUBBLE_SHARE) if self.is_bubble \
            else QVBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.frame)

        layout = QVBoxLayout(self.frame)
        # The bubble's text keeps off its rounded edge; the answer aligns with the column.
        if self.is_bubble:
            layout.setContentsMargins(SPACE_5, SPACE_3, SPACE_5, SPACE_4)
        else:
            layout.setContentsMargins(0, SPACE_2, 0, SPACE_2)
        layout.setSpacing(SPACE_2)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(SPACE_1)
        self._header = header
        self.title = QLabel(role_title(role), self)
        self.title.setObjectName("messageRole")
        header.addWidget(self.title)
        self.switcher = BranchSwitcher(self)
        self.switcher.branch_requested.connect(self.branch_requested)
        header.addWidget(self.switcher)
        header.addStretch(1)
        layout.addLayout(header)
        self._layout = layout

        self.body = QWidget(self)
        self._body_layout = QVBoxLayout(self.body)
        self._body_layout.setContentsMargins(0, 0, 0, 0)
        self._body_layout.setSpacing(SPACE_3)
        layout.addWidget(self.body)
        self.tail = PlainLabel(self.body)
        self._body_layout.addWidget(self.tail)
        # A question edited is asked again (a new branch); a reply edited changes in place.
        self.editor = InlineEditor(translate("MessageWidget", "Save and ask")
                                   if role == "user" else translate("MessageWidget", "Save"),
                                   self)
        self.editor.saved.connect(self._edit_saved)
        self.editor.cancelled.connect(self.stop_editing)
        self.editor.hide()
        layout.addWidget(self.editor)

        self.error_label = plain_label(QLabel(self))
        self.error_label.setObjectName("messageError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(translate("MessageWidget", "Error"))
        self.error_label.hide()
        layout.addWidget(self.error_label)

        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.setSpacing(SPACE_1)
        self.stats_label = plain_label(QLabel(self))  # names the model file
        self.stats_label.setObjectName("messageStats")
        self.stats_label.setAccessibleName(translate("MessageWidget", "How the reply was made"))
        # Wraps rather than pushing the buttons beside it out of a narrow window.
        self.stats_label.setWordWrap(True)
        footer.addWidget(self.stats_label, 1)
        self.copy_button = icon_button(
            self, "copyMessage", Icon.COPY, translate("MessageWidget", "Copy message"),
            translate("MessageWidget", "Copy the whole message") if role == "user"
            else translate("MessageWidget", "Copy the answer (without the thought)"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.regenerate_button = icon_button(
            self, "regenerate", Icon.REGENERATE, translate("MessageWidget", "Regenerate"),
            translate("MessageWidget", "Write this reply again"))
        self.regenerate_button.clicked.connect(self.regenerate_requested)
        self.regenerate_button.hide()
        self.continue_button = QPushButton(translate("MessageWidget", "Continue"), self)
        self.continue_button.setObjectName("continueReply")
        self.continue_button.setToolTip(
            translate("MessageWidget", "Write on: the reply stopped at the length limit"))
        self.continue_button.clicked.connect(self.continue_requested)
        self.continue_button.hide()
        footer.addWidget(self.continue_button)
        footer.addWidget(self.regenerate_button)
        self.actions_button, actions = actions_button(self, can_edit=True)
        for action in actions.actions():
            if action.objectName() == "editMessage":
                action.triggered.connect(self.start_editing)
            else:
                action.triggered.connect(self.delete_requested)
        self.actions_button.hide()  # until the message is in the history
        if role == "user":
            # A question needs no footer: its buttons sit beside "You".
            header.addWidget(self.actions_button)
            header.addWidget(self.copy_button)
            self.stats_label.hide()
        else:
            footer.addWidget(self.actions_button)
            footer.addWidget(self.copy_button)
            layout.addLayout(footer)

        if role == "user":
            self.tail.setText(text)
            self._update_accessible()
        else:
            self._render_final()

    def header_width(self) -> int:
        """What the header row needs (the bubble is at least this wide)."""
        return self._header.sizeHint().width()

    def _update_accessible(self) -> None:
        """Screen readers name the message by who wrote it and how it begins."""
        if self.streaming:
            text = translate("MessageWidget", "writing…")
        else:
            flat = " ".join(self.text.split())
            text = flat if len(flat) <= ACCESSIBLE_TEXT_CHARS \
                else flat[:ACCESSIBLE_TEXT_CHARS - 1] + "…"
        name = translate("MessageWidget", "{role}: {text}").format(
            role=role_title(self.role), text=text)
        self.setAccessibleName(name)
        if self.role == "user":
            description = translate("MessageWidget", "Your message")
        elif self.stats_label.text():
            description = translate("MessageWidget", "The model's reply: {details}").format(
                details=self.stats_label.text())
        else:
            description = translate("MessageWidget", "The model's reply")
        self.setAccessibleDescription(description)


    # -- streaming ---------------------------------------------------------------------

    def start_streaming(self) -> None:
        self.streaming = True
        self.continue_button.hide()
        self.actions_button.hide()
        self.copy_button.hide()
        self.regenerate_button.hide()
        self.tail.show()
        self.tail.setText("…")
        self._update_accessible()

    def append(self, text: str) -> None:
        self._pending.append(text)

    def append_reasoning(self, text: str) -> None:
        """Streamed thought, shown by the next flush (before any answer text)."""
        if not text:
            return
        block = self._thinking_block()
        if not block.is_live and not block.text:
            block.start()  # counts from the first piece's arrival, not its painting
        self._pending_reasoning.append(text)

    def finish_reasoning(self, seconds: float | None) -> None:
        """The thought is over and the answer begins: the block folds."""
        self._flush_reasoning()
        if self.thinking is not None and self.thinking.is_live:
            self.thinking.finish(seconds)

    def _flush_reasoning(self) -> None:
        if not self._pending_reasoning or self.thinking is None:
            return
        text = "".join(self._pending_reasoning)
        self._pending_reasoning.clear()
        if not self.thinking.text:
            self.tail.hide()  # the live block says the model is at work, not "…"
        self.thinking.append(text)

    def _thinking_block(self) -> ThinkingBlock:
        if self.thinking is None:
            self.thinking = ThinkingBlock(self, clock=self._clock)
            self._layout.insertWidget(1, self.thinking)  # under the role, above the answer
        return self.thinking

    def flush(self) -> None:
        """Render what streamed in since the last flush (called when text arrives).

        The thought first, as it came first. Complete answer blocks become rendered
        widgets. The unfinished block stays plain text, and when it grows long its
        finished lines are frozen into labels of their own, so each update lays out a
        bounded amount of text however long the block gets.
        """
        self._flush_reasoning()
        if not self._pending:
            return
        if self.streaming:
            self.tail.show()
        self.text += "".join(self._pending)
        self._pending.clear()
        split = split_complete(self.text[self._consumed:])
        if split.blocks:
            self._drop_frozen()
            for block in split.blocks:
                self._insert(block_widget(block, self.body))
            self._streamed_blocks += split.blocks
            self._consumed += split.consumed
        live = split.tail[self._frozen:]
        if len(live) > LIVE_TAIL_LIMIT:
            cut = live.rfind("\n", 0, len(live) - 1) + 1
            if cut == 0:  # one long line: freeze up to a space (the final render rejoins it)
                cut = live.rfind(" ", 0, len(live) - 1) + 1
            if cut > 0:
                chunk = PlainLabel(self.body)
                chunk.setText(live[:cut].rstrip("\n"))
                self._insert(chunk)
                self._frozen_widgets.append(chunk)
                self._frozen += cut
                live = live[cut:]
        self.tail.setText(live)

    def _reuse_streamed_blocks(self) -> bool:
        """Turn what streamed into the final rendering, rendering only what differs.

        The final blocks are the streamed ones, except that a list's parts streamed as
        separate blocks are one block at the end (markdown_blocks._merge_prose): those
        are rendered again, the rest kept. False if the two cannot be matched up.
        """
        self._drop_frozen()
        final = split_all(self.text)
        streamed = self._streamed_blocks
        kept = 0  # streamed blocks matched so far; their widgets are layout items 0..
        index = 0  # the layout position of the next final block
        for block in final:
            if kept < len(streamed) and streamed[kept] == block:
                kept += 1
                index += 1
                continue
            parts = 0  # how many streamed blocks joined make this final block
            joined = ""
            while kept + parts < len(streamed) and len(joined) < len(block.text):
                part = streamed[kept + parts].text
                joined = f"{joined}\n\n{part}" if joined else part
                parts += 1
            if parts and joined == block.text and block.kind == "prose":
                for _ in range(parts):
                    item = self._body_layout.takeAt(index)
                    old = item.widget() if item is not None else None
                    if old is not None:
                        old.deleteLater()
                kept += parts
            elif kept < len(streamed):
                return False
            self._body_layout.insertWidget(index, block_widget(block, self.body))
            index += 1
        if kept != len(streamed):
            return False
        self._streamed_blocks = []
        self._consumed = len(self.text)
        self.tail.setText("")
        self.tail.hide()
        return True

    def _insert(self, widget: QWidget) -> None:
        """Add a widget to the body, before the live tail."""
        self._body_layout.insertWidget(self._body_layout.count() - 1, widget)

    def _drop_frozen(self) -> None:
        for widget in self._frozen_widgets:
            # Out of the layout now (deleteLater waits for the event loop): the body's
            # items stay exactly the rendered blocks, then the live tail.
            self._body_layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._frozen_widgets.clear()
        self._frozen = 0

    def finish(self, message: Message, stats: GenerationStats | None = None) -> None:
        self.flush()
        self.streaming = False
        self.set_message(message, stats)
        self._end_thinking(stopped=message.state != MessageState.COMPLETE)
        if message.content != self.text or not self._reuse_streamed_blocks():
            self.text = message.content
            self._render_final()
        self._update_accessible()
        self.copy_button.show()

    def fail(self, user_message: str, message: Message | None) -> None:
        self.flush()
        self.streaming = False
        if message is not None:
            self.set_message(message)
            self.text = message.content
        self._end_thinking(stopped=True)
        self._render_final()
        self.show_error(user_message)
        self._update_accessible()
        self.copy_button.setVisible(bool(self.text))

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    # -- state -------------------------------------------------------------------------

    def set_message(self, message: Message, stats: GenerationStats | None = None) -> None:
        self.message = message
        self.actions_button.setVisible(not self.streaming and message.state != "streaming")
        if message.role == "assistant":
            self.stats_label.setText(format_stats(message, stats))
            self._update_accessible()
        if message.error:
            self.show_error(message.error)
        if message.reasoning:
            self._show_stored_reasoning(message)

    def _show_stored_reasoning(self, message: Message) -> None:
        """The thought as the history has it: folded when opened from the history."""
        assert message.reasoning is not None
        block = self._thinking_block()
        if self._pending_reasoning:
            self._flush_reasoning()
        if block.text != message.reasoning:
            block.set_text(message.reasoning)
        # Ended before any answer (and not complete): it was stopped while thinking.
        stopped = message.state != MessageState.COMPLETE and not message.content
        # A live block folds; a finished one only takes the stored time (a block shown
        # live without a time keeps the one it counted).
        if block.is_live or message.reasoning_s is not None or stopped:
            block.finish(message.reasoning_s, stopped=stopped)

    def _end_thinking(self, *, stopped: bool) -> None:
        """A reply that ended while still thinking: the count stops, the text stays."""
        self._flush_reasoning()
        if self.thinking is not None and self.thinking.is_live:
            self.thinking.finish(None, stopped=stopped)

    def set_attachments(self, attachments: Sequence[Attachment]) -> None:
        """A question's files, as chips above its text (with how the prompt used each)."""
        if self.chips is None:
            if not attachments:
                return
            self.chips = ChipRow(self)
            self._layout.insertWidget(1, self.chips)  # under "You", above the text
        self.chips.show_attachments(attachments)

    def set_citations(self, citations: Sequence[Citation]) -> None:
        """A reply's numbered sources, under its text."""
        if self.citations is None:
            if not citations:
                return
            self.citations = CitationsView(self)
            self.citations.citation_activated.connect(self.citation_activated)
            self._layout.insertWidget(self._layout.indexOf(self.error_label), self.citations)
        self.citations.set_citations(citations, self.text)

    def set_siblings(self, siblings: tuple[int, ...]) -> None:
        """The versions of this message (itself among them), for its switcher."""
        if self.message is not None:
            self.switcher.set_siblings(siblings, self.message.id)

    def start_editing(self) -> None:
        if self.streaming:
            return
        self.body.hide()
        if self.thinking is not None:
            self.thinking.hide()
        self.editor.start(self.text)

    def stop_editing(self) -> None:
        self.editor.hide()
        self.body.show()
        if self.thinking is not None and self.thinking.text:
            self.thinking.show()

    def _edit_saved(self, text: str) -> None:
        self.stop_editing()
        if text != self.text:
            self.edit_saved.emit(text)

    def set_regenerate_visible(self, visible: bool) -> None:
        """The last reply can be written again, and continued where it was cut short."""
        self.regenerate_button.setVisible(visible and not self.streaming)
        cut = self.message is not None and self.message.stop_reason == "length" \
            and self.message.state == "complete"
        self.continue_button.setVisible(visible and cut and not self.streaming)

    def set_in_context(self, in_context: bool) -> None:
        if self.frame.property("outOfContext") == (not in_context):
            return  # a re-polish costs a style pass over the whole message
        self.setProperty("outOfContext", not in_context)
        self.frame.setProperty("outOfContext", not in_context)  # what the theme dims
        self.setToolTip("" if in_context else translate(
            "MessageWidget", "This message no longer fits the model's context and is not "
            "sent to the model."))
        self.frame.style().unpolish(self.frame)
        self.frame.style().polish(self.frame)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.text)  # the answer; the thought has its own
        show_copied(self.copy_button)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            row = self.layout()
            if row is not None:
                row.invalidate()  # the bubble moves to the other side
        super().changeEvent(event)

    def _render_final(self) -> None:
        """Replace the body by the fully rendered Markdown of the whole text."""
        while self._body_layout.count() > 1:
            item = self._body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._frozen_widgets.clear()
        self._frozen = 0
        self._streamed_blocks = []
        self._consumed = len(self.text)
        self.tail.setText("")
        self.tail.hide()
        for block in split_all(self.text):
            self._insert(block_widget(block, self.body))
        self._update_accessible()
