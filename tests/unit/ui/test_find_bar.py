"""Find in the open chat (Ctrl+F): the count, next and previous, the match selected where
it is shown, Esc."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from chatapp.history.store import Message
from chatapp.ui.conversation_view import INITIAL_MESSAGES, ConversationView
from chatapp.ui.find_bar import FindBar

COUNT = 40  # more than a chat opens with: the first ones are not shown at first
# Where the word is, by message id (the ids count from 1).
TEXTS = {
    2: "The old **Lighthouse** of the bay.",  # among the messages not shown at first
    30: "İstanbul has a lighthouse too.",  # a letter that lower-cases to two
    35: "A *lighthouse* keeper:\n\n```python\nlamp = 'LIGHTHOUSE'\n```",
}


def message(id_: int, text: str) -> Message:
    now = time.time()
    return Message(id_, 1, "user" if id_ % 2 else "assistant", text, "complete", now, now,
                   None, None, None, None, None, None, None, None)


class Window(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.view = ConversationView(self)
        self.bar = FindBar(self.view, self)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        self.resize(800, 560)


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[Window]:
    shown = Window()
    qtbot.addWidget(shown)
    shown.show()
    shown.view.show_conversation(1, [message(i, TEXTS.get(i, f"Message {i}."))
                                     for i in range(1, COUNT + 1)])
    bar = shown.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    yield shown


def selected(window: Window) -> tuple[int | None, str]:
    """Which message holds the selected match, and the text selected."""
    label = window.view.found
    if label is None:
        return None, ""
    owner = next(w for w in window.view.messages if w.isAncestorOf(label))
    assert owner.message is not None
    return owner.message.id, label.selectedText()


def in_view(view: ConversationView, label: QLabel) -> bool:
    top = label.mapTo(view.viewport(), QPoint(0, 0)).y()
    return top < view.viewport().height() and top + label.height() > 0


def test_the_count_next_and_previous_go_round_the_whole_chat(
        qtbot: QtBot, window: Window) -> None:
    bar = window.bar
    bar.open_bar()
    first_seen = window.view.first_visible_item() + 1  # the view opened at the chat's end
    assert 30 < first_seen <= 35
    qtbot.keyClicks(bar.field, "lighthouse")
    # From the top of the view: the first match below it, not one further up.
    assert bar.count.text() == "3 of 4"
    assert selected(window) == (35, "lighthouse")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "4 of 4" and selected(window) == (35, "LIGHTHOUSE")
    qtbot.keyClick(bar.field, Qt.Key.Key_Down)  # round to the first
    assert bar.count.text() == "1 of 4" and selected(window) == (2, "Lighthouse")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 4" and selected(window) == (30, "lighthouse")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "1 of 4"
    bar.previous_button.click()  # round to the last
    bar.previous_button.click()
    assert bar.count.text() == "3 of 4"


def test_a_match_in_a_message_not_shown_yet_is_shown_selected_and_scrolled_to(
        qtbot: QtBot, window: Window) -> None:
    bar = window.bar
    view = window.view
    assert len(view.messages) == INITIAL_MESSAGES
    bar.open_bar()
    qtbot.keyClicks(bar.field, "lighthouse")
    qtbot.keyClick(bar.field, Qt.Key.Key_Up)
    qtbot.keyClick(bar.field, Qt.Key.Key_Up)
    assert bar.count.text() == "1 of 4"
    # Selected in the rendered text: the word, not the Markdown around it.
    assert selected(window) == (2, "Lighthouse")
    assert len(view.messages) > INITIAL_MESSAGES
    label = view.found
    assert label is not None
    qtbot.waitUntil(lambda: in_view(view, label))


def test_no_match_is_said_and_esc_closes_and_unselects(qtbot: QtBot, window: Window) -> None:
    bar = window.bar
    bar.open_bar()
    qtbot.keyClicks(bar.field, "lighthouse")
    label = window.view.found
    assert label is not None and label.hasSelectedText()
    qtbot.keyClicks(bar.field, "s")
    assert bar.count.text() == "No matches"
    assert bar.field.property("noMatch") is True
    assert not bar.next_button.isEnabled() and not bar.previous_button.isEnabled()
    assert not label.hasSelectedText()
    qtbot.keyClick(bar.field, Qt.Key.Key_Backspace)
    assert bar.count.text() == "3 of 4" and bar.next_button.isEnabled()
    with qtbot.waitSignal(bar.closed):
        qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not label.hasSelectedText()
    assert window.view.found is None
    bar.open_bar()  # the text is kept, selected, and found again
    assert bar.field.selectedText() == "lighthouse" and bar.count.text() == "3 of 4"


def test_the_current_match_is_kept_when_the_chat_grows(qtbot: QtBot, window: Window) -> None:
    bar = window.bar
    bar.open_bar()
    qtbot.keyClicks(bar.field, "lighthouse")
    assert bar.count.text() == "3 of 4"
    window.view.add_user_message(message(41, "One more lighthouse."))
    bar.refresh()
    assert bar.count.text() == "3 of 5" and selected(window) == (35, "lighthouse")
    qtbot.keyClick(bar.field, Qt.Key.Key_Up)
    assert bar.count.text() == "2 of 5"


def test_another_chat_counts_anew(qtbot: QtBot, window: Window) -> None:
    bar = window.bar
    bar.open_bar()
    qtbot.keyClicks(bar.field, "lighthouse")
    window.view.show_conversation(2, [message(1, "No towers here."),
                                      message(2, "A lighthouse, at last.")])
    bar.refresh()
    assert bar.count.text() == "1 match"  # none chosen until the user moves
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "1 of 1" and selected(window) == (2, "lighthouse")
