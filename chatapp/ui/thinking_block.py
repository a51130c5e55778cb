"""A reasoning model's thought, shown above its answer: live while it thinks, then folded.

While the model thinks, the block is open and the thought streams into a window a few
lines tall that follows its end; the header counts the seconds. When the answer begins
the block folds to "Thought for 12 s"; a click opens it again.

The thought is plain text in a read-only QPlainTextEdit, never a label: its document is
laid out block by block (a paragraph at a time) and only as far as it is shown, and
appending at the end lays out again only the last paragraph, so a 20,000-word thought
costs each update what a short one does (a paragraph that never ends is broken while
live: LIVE_PARAGRAPH_LIMIT). The window's height is fixed once the thought
fills it, so a streaming thought never makes the conversation lay itself out again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QGuiApplication,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chatapp.formatting import format_elapsed
from chatapp.i18n import translate
from chatapp.ui.icons import Icon, icon
from chatapp.ui.theme import SCROLL_BAR_STYLE, SPACE_1, SPACE_2, SPACE_4

# The live window shows about this many lines of the thought, following its end; an
# opened finished thought shows up to EXPANDED_LINES and scrolls beyond.
LIVE_LINES = 8
EXPANDED_LINES = 20
# While live, a paragraph longer than this is continued on a new line at the next space:
# appending lays out the whole last paragraph again, and a thought that never breaks a
# line would cost more with every piece. The real text is shown when the thought ends.
LIVE_PARAGRAPH_LIMIT = 2000


class _ThoughtText(QPlainTextEdit):
    """The thought's text; tells its block when its width (and so its height) changes."""

    def __init__(self, on_width_changed: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._on_width_changed = on_width_changed

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # wraps the text to the new width first
        if event.size().width() != event.oldSize().width():
            self._on_width_changed()


class ThinkingBlock(QFrame):
    """The header toggle, "Copy thought", and the thought's text (hidden when folded).

    ``clock`` gives seconds (``time.monotonic`` by default; tests pass their own).
    """

    def __init__(self, parent: QWidget | None = None, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("thinkingBlock")
        self._clock = clock
        self._text = ""
        self._started_at: float | None = None
        self._live = False
        self._filled = False  # the live window is full: its height no longer changes
        self._broken = False  # the live text has line breaks that the thought has not
        self._stale = False  # the body does not show the text yet (it is folded)
        self._seconds: float | None = None  # how long it thought, once it is over
        self._stopped = False  # the reply ended while it was thinking
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_header)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, SPACE_2)
        layout.setSpacing(SPACE_1)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("thinkingToggle")
        self.toggle.setCheckable(True)  # checked = open; screen readers say which
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.setAccessibleDescription(
            translate("ThinkingBlock", "Shows or hides the model's thought"))
        self.toggle.toggled.connect(self.set_expanded)
        header.addWidget(self.toggle)
        header.addStretch(1)
        self.copy_button = QPushButton(icon(Icon.COPY),
                                       translate("ThinkingBlock", "Copy thought"), self)
        self.copy_button.setObjectName("copyThought")
        self.copy_button.setToolTip(
            translate("ThinkingBlock", "Copy the model's thought, without the answer"))
        self.copy_button.setAccessibleName(translate("ThinkingBlock", "Copy thought"))
        self.copy_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        header.addWidget(self.copy_button)
        layout.addLayout(header)

        # The body: a rule on its left and the text, indented under the header's arrow.
        self.content = QFrame(self)
        self.content.setObjectName("thinkingContent")
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(SPACE_4, 0, 0, 0)
        self.body = _ThoughtText(self._fit_height, self.content)
        self.body.setObjectName("thinkingBody")
        self.body.setAccessibleName(translate("ThinkingBlock", "The model's thought"))
        self.body.setReadOnly(True)
        self.body.setUndoRedoEnabled(False)  # an undo step per streamed piece, never used
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.body.document().setDocumentMargin(2)
        self.body.verticalScrollBar().setStyleSheet(SCROLL_BAR_STYLE)  # as the view's
        content_layout.addWidget(self.body)
        layout.addWidget(self.content)

        self.set_expanded(False)
        self._update_header()
        self.hide()  # until there is a thought to show

    # -- what it shows -----------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def is_live(self) -> bool:
        return self._live

    @property
    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def start(self, started_at: float | None = None) -> None:
        """The model began thinking (now, or at ``started_at`` on the block's clock)."""
        self._started_at = self._clock() if started_at is None else started_at
        self._live = True
        self._filled = False
        self._tick.start()
        self.body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.set_expanded(True)
        self._update_header()

    def append(self, text: str) -> None:
        """Add streamed thought at the end; the window follows it unless scrolled up."""
        if not text:
            return
        if self._stale:
            self._show_text()
        bar = self.body.verticalScrollBar()
        following = bar.value() >= bar.maximum()
        self._text += text
        # A cursor of its own: a selection the user is making stays where it is.
        document = self.body.document()
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if self._live and document.lastBlock().length() > LIVE_PARAGRAPH_LIMIT:
            space, newline = text.find(" "), text.find("\n")
            if space >= 0 and (newline < 0 or space < newline):
                cursor.insertText(text[:space])
                cursor.insertBlock()  # in place of the space
                text = text[space + 1:]
                self._broken = True
        cursor.insertText(text)  # plain text: '<' and '&' stay what they are
        if following:
            bar.setValue(bar.maximum())
        self.setVisible(True)
        if not self._filled:
            self._fit_height()

    def set_text(self, text: str) -> None:
        """Show ``text`` as the whole thought (a stored one, or the stored version)."""
        self._text = text
        self._broken = False
        # A chat opens with its thoughts folded: their text is laid out when opened.
        self._stale = True
        if not self.content.isHidden():
            self._show_text()
        self.setVisible(bool(text))

    def _show_text(self) -> None:
        self._stale = False
        self.body.setPlainText(self._text)
        self._fit_height()

    def finish(self, seconds: float | None = None, *, stopped: bool = False) -> None:
        """The thought is over: stop counting and say how long it took.

        When the answer begins (not ``stopped``) the block folds. A reply stopped or
        failed while thinking keeps the block as it was, with "(stopped)" in the header.
        Without ``seconds`` a live block counts to now. Called again on a finished block
        (the stored times arrive after the live ones), only the header changes.
        """
        was_live = self._live
        if was_live and seconds is None and self._started_at is not None:
            seconds = self._clock() - self._started_at
        self._live = False
        self._tick.stop()
        self._seconds = seconds
        self._stopped = stopped
        self.body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if self._broken:
            self._broken = False
            self._stale = True  # shown again once, its paragraphs as they are
        if was_live and not stopped:
            self.set_expanded(False)
            self.body.verticalScrollBar().setValue(0)  # opened again, it reads from the start
        if self._stale and not self.content.isHidden():
            self._show_text()
        else:
            self._fit_height()
        self._update_header()

    def set_expanded(self, expanded: bool) -> None:
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # comes back here through toggled
            return
        self._point_arrow()
        self.content.setVisible(expanded)
        self.copy_button.setVisible(expanded)
        if expanded:
            if self._stale:
                self._show_text()
            else:
                self._fit_height()

    def _point_arrow(self) -> None:
        """A chevron down when open; folded, towards the text (left when it runs right to
        left). An icon, not the button's arrow type: Qt's style sheet draws that over the
        text right to left."""
        if self.is_expanded:
            self.toggle.setIcon(icon(Icon.NEXT, turned=90))
        else:
            self.toggle.setIcon(icon(Icon.PREVIOUS if self.isRightToLeft() else Icon.NEXT))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._point_arrow()
        super().changeEvent(event)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self._text)
        self.copy_button.setText(translate("ThinkingBlock", "Copied"))
        QTimer.singleShot(1500, self.copy_button, lambda: self.copy_button.setText(
            translate("ThinkingBlock", "Copy thought")))

    def header_text(self) -> str:
        if self._live:
            elapsed = 0.0 if self._started_at is None else self._clock() - self._started_at
            # Rounded, not floored: a tick a millisecond early still reads the new second.
            whole = round(elapsed)
            if whole < 1:
                return translate("ThinkingBlock", "Thinking…")
            return translate("ThinkingBlock", "Thinking… {elapsed}").format(
                elapsed=format_elapsed(whole))
        if self._seconds is None:
            return translate("ThinkingBlock", "Thought (stopped)") if self._stopped \
                else translate("ThinkingBlock", "Thought")
        took = format_elapsed(self._seconds)
        if self._stopped:
            return translate("ThinkingBlock", "Thought for {elapsed} (stopped)").format(
                elapsed=took)
        return translate("ThinkingBlock", "Thought for {elapsed}").format(elapsed=took)

    def _update_header(self) -> None:
        text = self.header_text()
        self.toggle.setText(text)
        self.toggle.setAccessibleName(text)

    # -- size --------------------------------------------------------------------------

    def _fit_height(self) -> None:
        """As tall as the thought, up to a few lines (live) or a screenful (opened).

        Lays out at most the lines that fit, from the start: a long thought costs no
        more than a short one.
        """
        if self.content.isHidden():
            return  # folded: fitted when opened
        line = self.body.fontMetrics().lineSpacing()
        limit = line * (LIVE_LINES if self._live else EXPANDED_LINES)
        document = self.body.document()
        layout = document.documentLayout()
        height = 2 * document.documentMargin()
        block = document.firstBlock()
        while block.isValid() and height < limit:
            height += layout.blockBoundingRect(block).height()
            block = block.next()
        self._filled = self._live and height >= limit
        fitted = math.ceil(min(height, limit)) + 2 * self.body.frameWidth()
        if fitted != self.body.height():
            self.body.setFixedHeight(fitted)
