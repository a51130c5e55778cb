"""Find in the open chat (Ctrl+F): a bar above the conversation.

It looks through every message of the branch on screen, ignoring case, and counts the
matches ("2 of 5"); Enter or the down arrow goes to the next, Shift+Enter or the up
arrow to the previous, going round at the ends; Esc closes the bar. Typing starts from
the first match at or below the top of the view (then from the match found as the words
grow), so the view moves as little as it can. When the chat changes under it (a reply
arrives) the count is brought up to date and the current match kept if it is still
there; in another chat the matches are counted anew, none current until the user moves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from chatapp.conversation.search import FindMatch, find_matches, step
from chatapp.i18n import format_number, translate
from chatapp.ui.conversation_view import ConversationView
from chatapp.ui.icons import Icon, icon
from chatapp.ui.language import is_right_to_left

_STYLE = """
#findBar { border-bottom: 1px solid palette(mid); }
#findField { padding: 3px 6px; border: 1px solid palette(mid); border-radius: 6px; }
#findField[noMatch="true"] { border-color: #d14343; }
#findCount { color: palette(dark); min-width: 6em; }
#findBar QToolButton { border: none; padding: 2px 6px; font-size: 11pt; }
#findBar QToolButton:hover { background: palette(midlight); border-radius: 4px; }
"""


class FindBar(QFrame):
    closed = Signal()

    def __init__(self, view: ConversationView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName(translate("FindBar", "Find in chat"))
        self.setStyleSheet(_STYLE)
        self._view = view
        self.matches: list[FindMatch] = []
        self.current: int | None = None  # index into matches
        self._chat: int | None = None  # the chat the matches were found in

        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 6, 12, 6)
        layout.setSpacing(6)
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(translate("FindBar", "Find in chat"))
        self.field.setAccessibleName(translate("FindBar", "Find in chat"))
        self.field.setAccessibleDescription(translate(
            "FindBar", "Words to find in the open chat. Enter goes to the next match, "
            "Shift+Enter to the previous one, Esc closes the bar."))
        self.field.setFixedWidth(320)
        self.field.textChanged.connect(self._typed)
        self.field.installEventFilter(self)
        layout.addWidget(self.field)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAccessibleName(translate("FindBar", "Matches"))
        layout.addWidget(self.count)
        # Chevrons point the way the text runs: right to left, "previous" points right.
        back, ahead = (Icon.NEXT, Icon.PREVIOUS) if is_right_to_left() else (Icon.PREVIOUS,
                                                                             Icon.NEXT)
        self.previous_button = self._button(
            layout, back, translate("FindBar", "Previous match"), "Shift+Enter", "findPrevious")
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = self._button(layout, ahead, translate("FindBar", "Next match"),
                                        "Enter", "findNext")
        self.next_button.clicked.connect(self.find_next)
        layout.addStretch(1)
        self.close_button = self._button(layout, Icon.CLOSE, translate("FindBar", "Close"),
                                         "Esc", "findClose")
        self.close_button.clicked.connect(self.close_bar)
        self._update_count()
        self.hide()

    def _button(self, layout: QHBoxLayout, glyph: Icon, name_text: str, keys: str,
                name: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(glyph))
        shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{name_text} ({shown})")
        button.setAccessibleName(name_text)
        button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        layout.addWidget(button)
        return button

    # -- opening and closing -----------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with its text selected (typing replaces it), and find it again."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self._typed(self.field.text())

    def close_bar(self) -> None:
        if self.isVisible():
            self._view.clear_find()
            self.hide()
            self.closed.emit()

    # -- finding -----------------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        # From the current match as the words grow (find as you type), else from the top
        # of the view; with nothing after that, the nearest match above.
        was = self.matches[self.current] if self.current is not None else None
        anchor = (was.item, was.start) if was else (self._view.first_visible_item(), 0)
        self.matches = find_matches(self._view.find_texts(), self.field.text())
        self.current = next((i for i, m in enumerate(self.matches)
                             if (m.item, m.start) >= anchor),
                            len(self.matches) - 1 if self.matches else None)
        self._go()

    def find_next(self) -> None:
        self._move(forward=True)

    def find_previous(self) -> None:
        self._move(forward=False)

    def _move(self, *, forward: bool) -> None:
        if not self.isVisible():
            return
        self.refresh()  # the chat may have changed since the count was made
        self.current = step(self.matches, self.current, forward)
        self._go()

    def refresh(self) -> None:
        """Count again in the chat as it is now, keeping the current match if it is still
        there (else the next one); the view is not moved."""
        if not self.isVisible():
            return
        was = self.matches[self.current] if self.current is not None else None
        self.matches = find_matches(self._view.find_texts(), self.field.text())
        if was is None or not self.matches or self._view.conversation_id != self._chat:
            self.current = None  # in another chat, none is current until the user moves
        else:
            self.current = next((i for i, m in enumerate(self.matches) if m >= was), 0)
        self._update_count()

    def _go(self) -> None:
        self._chat = self._view.conversation_id
        self._update_count()
        if self.current is None:
            self._view.clear_find()
            return
        match = self.matches[self.current]
        self._view.show_find_match(match.item, match.start, match.length)

    def _update_count(self) -> None:
        if not self.field.text():
            text = ""
        elif not self.matches:
            text = translate("FindBar", "No matches")
        elif self.current is None:
            count = len(self.matches)  # a plain name: lupdate skips a call as the count
            text = (translate("FindBar", "1 match") if count == 1
                    else translate("FindBar", "%n matches", "", count))
        else:
            text = translate("FindBar", "{current} of {total}").format(
                current=format_number(self.current + 1),
                total=format_number(len(self.matches)))
        self.count.setText(text)
        no_match = bool(self.field.text()) and not self.matches
        if self.field.property("noMatch") != no_match:
            self.field.setProperty("noMatch", no_match)
            self.field.style().unpolish(self.field)
            self.field.style().polish(self.field)
        self.previous_button.setEnabled(bool(self.matches))
        self.next_button.setEnabled(bool(self.matches))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._move(forward=not back)
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(forward=key == Qt.Key.Key_Down)
                return True
        return super().eventFilter(watched, event)
