from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from chatapp import i18n
from chatapp.history.store import Conversation
from chatapp.ui import conversation_list
from chatapp.ui.conversation_list import ConversationList
from chatapp.vocabulary import DEFAULT_TITLE

NOW = datetime(2025, 3, 12, 15, 0)  # local time, as the list reads the clock


def chat(id_: int, age: timedelta = timedelta(0), *, pinned: bool = False) -> Conversation:
    stamp = (NOW - age).timestamp()
    return Conversation(id_, f"Chat {id_}", stamp, stamp, None, 0, pinned=pinned)


def conversations() -> list[Conversation]:
    return [chat(i) for i in (3, 2, 1)]


def grouped() -> list[Conversation]:
    """Two pinned, two today, one yesterday, one older: rows 0..5."""
    return [chat(6, timedelta(days=40), pinned=True), chat(5, pinned=True), chat(4),
            chat(3, timedelta(hours=2)), chat(2, timedelta(days=1)),
            chat(1, timedelta(days=9))]


@pytest.fixture
def widget(qtbot: QtBot) -> ConversationList:
    widget = ConversationList()
    widget.now = lambda: NOW
    qtbot.addWidget(widget)
    widget.resize(260, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


class Asked:
    """Stands in for the confirmation: records what was asked, answers as told."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, _parent: object, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.answer


def click(qtbot: QtBot, widget: ConversationList, row: int,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          at: QPoint | None = None) -> None:
    rect = widget.list.visualItemRect(widget.list.item(row))
    qtbot.mouseClick(widget.list.viewport(), Qt.MouseButton.LeftButton, modifier,
                     at if at is not None else QPoint(rect.center().x(), rect.bottom() - 4))


def actions(menu: QMenu) -> dict[str, QAction]:
    return {a.text(): a for a in menu.actions() if not a.isSeparator()}


def test_select_rename_and_confirmed_delete(widget: ConversationList,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    widget.set_conversations(conversations(), current=2)
    assert widget.current_id() == 2
    chosen: list[int] = []
    widget.selected.connect(chosen.append)
    widget.list.setCurrentRow(2)
    assert chosen == [1]  # once, though selection and focus both moved

    renamed: list[tuple[int, str]] = []
    widget.rename_requested.connect(lambda i, t: renamed.append((i, t)))
    widget.list.item(0).setText("  Holiday plans ")
    assert renamed == [(3, "Holiday plans")]
    widget.list.item(1).setText("   ")  # an empty name is refused and reverted
    assert widget.list.item(1).text() == "Chat 2"

    deleted: list[list[int]] = []
    widget.delete_requested.connect(deleted.append)
    no = Asked(False)
    monkeypatch.setattr(conversation_list, "plain_question", no)
    widget._confirm_delete(widget.list.item(0))
    assert deleted == []
    assert no.asked[0][0] == "Delete chat" and "“Holiday plans”" in no.asked[0][1]
    monkeypatch.setattr(conversation_list, "plain_question", Asked(True))
    widget._confirm_delete(widget.list.item(0))
    assert deleted == [[3]]


def test_the_open_chat_is_marked_without_being_announced_as_a_choice(
        widget: ConversationList) -> None:
    widget.set_conversations(conversations(), current=3)
    chosen: list[int] = []
    widget.selected.connect(chosen.append)
    widget.show_current(1)  # opened from elsewhere (a search result, start-up)
    assert widget.current_id() == 1
    widget.show_current(None)  # a new chat, not in the list yet
    assert widget.current_id() is None and widget.list.selectedItems() == []
    assert chosen == []


def test_chats_are_grouped_under_headings_that_are_not_rows(qtbot: QtBot,
                                                            widget: ConversationList) -> None:
    widget.set_conversations(grouped(), current=None)
    assert widget.list.count() == 6  # every row is a chat
    assert [widget.heading_of(r) for r in range(6)] == [
        "Pinned", None, "Today", None, "Yesterday", "Older"]
    assert [widget.list.item(r).data(Qt.ItemDataRole.AccessibleDescriptionRole)
            for r in range(6)] == ["Pinned", "Pinned", "Today", "Today", "Yesterday", "Older"]
    # The heading is painted above the chat: its row is taller than the next one.
    first, second = (widget.list.visualItemRect(widget.list.item(r)) for r in (2, 3))
    assert first.height() > second.height()
    chosen: list[int] = []
    widget.selected.connect(chosen.append)
    click(qtbot, widget, 2, at=QPoint(first.center().x(), first.top() + 3))  # the heading
    assert chosen == [] and widget.list.selectedItems() == []
    click(qtbot, widget, 2)  # the chat under it
    assert chosen == [4]


def test_headings_follow_the_clock(widget: ConversationList) -> None:
    widget.set_conversations([chat(1, timedelta(hours=1))], current=1)
    assert widget.heading_of(0) == "Today"
    widget.now = lambda: NOW + timedelta(days=1)
    widget._regroup.timeout.emit()  # what the timer does after midnight
    assert widget.heading_of(0) == "Yesterday" and widget.current_id() == 1
    assert widget._regroup.isActive()


def test_several_chats_are_selected_without_opening_them(qtbot: QtBot,
                                                         widget: ConversationList) -> None:
    widget.set_conversations(grouped(), current=4)
    chosen: list[int] = []
    widget.selected.connect(chosen.append)
    click(qtbot, widget, 4, Qt.KeyboardModifier.ControlModifier)
    assert widget.selected_ids() == [4, 2]
    click(qtbot, widget, 0, Qt.KeyboardModifier.ShiftModifier)  # from row 4 up to row 0
    assert widget.selected_ids() == [6, 5, 4, 3, 2]
    assert chosen == []  # the open chat stays open while the selection grows
    click(qtbot, widget, 1)  # a plain click chooses one chat
    assert widget.selected_ids() == [5] and chosen == [5]
    widget.list.setFocus()
    qtbot.keyClick(widget.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(widget.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert widget.selected_ids() == [5, 4, 3] and chosen == [5]
    qtbot.keyClick(widget.list, Qt.Key.Key_Down)  # an arrow alone moves to one chat
    assert widget.selected_ids() == [2] and chosen == [5, 2]


def test_a_selection_survives_a_refresh(qtbot: QtBot, widget: ConversationList) -> None:
    widget.set_conversations(grouped(), current=4)
    click(qtbot, widget, 1, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, widget, 5, Qt.KeyboardModifier.ControlModifier)
    widget.set_conversations(grouped(), current=4)  # a reply finished somewhere
    assert widget.selected_ids() == [5, 4, 1] and widget.current_id() == 1
    widget.set_conversations([c for c in grouped() if c.id != 5], current=4)
    assert widget.selected_ids() == [4, 1]
    widget.show_current(2)  # a chat opened elsewhere: the selection gives way
    assert widget.selected_ids() == [2]


def test_delete_names_the_count_and_sends_the_selection(
        qtbot: QtBot, widget: ConversationList, monkeypatch: pytest.MonkeyPatch) -> None:
    widget.set_conversations(grouped(), current=4)
    deleted: list[list[int]] = []
    widget.delete_requested.connect(deleted.append)
    asked = Asked(True)
    monkeypatch.setattr(conversation_list, "plain_question", asked)
    click(qtbot, widget, 5, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, widget, 0, Qt.KeyboardModifier.ControlModifier)
    widget.list.setFocus()
    qtbot.waitUntil(widget.list.hasFocus)
    qtbot.keyClick(widget.list, Qt.Key.Key_Delete)
    assert asked.asked == [("Delete 3 chats", "Delete 3 chats and all their messages?\n\n"
                            "You can undo this for a few seconds.")]
    assert deleted == [[6, 4, 1]]


def test_the_menu_acts_on_the_selection_or_on_the_chat_clicked(
        qtbot: QtBot, widget: ConversationList, monkeypatch: pytest.MonkeyPatch) -> None:
    widget.set_conversations(grouped(), current=4)
    pins: list[tuple[list[int], bool]] = []
    widget.pin_requested.connect(lambda ids, pinned: pins.append((ids, pinned)))
    deleted: list[list[int]] = []
    widget.delete_requested.connect(deleted.append)
    monkeypatch.setattr(conversation_list, "plain_question", Asked(True))

    single = actions(widget.menu_for(widget.list.item(3)))  # not selected: itself
    assert list(single) == ["Rename", "Pin to top", "Delete…"]
    assert list(actions(widget.menu_for(widget.list.item(0)))) == ["Rename", "Unpin",
                                                                   "Delete…"]
    click(qtbot, widget, 1, Qt.KeyboardModifier.ControlModifier)  # pinned 5 and today's 4
    both = actions(widget.menu_for(widget.list.item(1)))
    assert list(both) == ["Pin 2 chats to top", "Delete 2 chats…"]
    widget.set_conversations(grouped(), current=4)  # the menu outlives the rows it named
    both["Pin 2 chats to top"].trigger()
    both["Delete 2 chats…"].trigger()
    assert pins == [([5, 4], True)] and deleted == [[5, 4]]
    widget.set_conversations([chat(5, pinned=True), chat(4, pinned=True)], current=4)
    assert widget.selected_ids() == [5, 4]  # kept through the refresh
    actions(widget.menu_for(widget.list.item(0)))["Unpin 2 chats"].trigger()
    assert pins[-1] == ([5, 4], False)

    click(qtbot, widget, 1)
    actions(widget.menu_for(widget.list.item(1)))["Rename"].trigger()
    assert widget.editing and widget.list.currentRow() == 1


def test_pinned_chats_carry_a_pin(widget: ConversationList) -> None:
    widget.set_conversations(grouped(), current=None)
    delegate = widget.delegate
    pinned, plain = widget.list.indexFromItem(widget.list.item(0)), \
        widget.list.indexFromItem(widget.list.item(3))
    options = []
    for index in (pinned, plain):
        option = QStyleOptionViewItem()
        option.initFrom(widget.list)
        delegate.initStyleOption(option, index)
        options.append(option)
    assert not options[0].icon.isNull() and options[1].icon.isNull()
    assert options[0].decorationPosition == QStyleOptionViewItem.Position.Right


def test_the_undo_offer(qtbot: QtBot, widget: ConversationList) -> None:
    widget.set_conversations(conversations(), current=None)
    undone: list[bool] = []
    widget.undo_requested.connect(lambda: undone.append(True))
    widget.list.setFocus()
    qtbot.waitUntil(widget.list.hasFocus)
    qtbot.keyClick(widget.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == []  # nothing on offer
    widget.show_undo(3)
    assert widget.undo_bar.isVisible() and widget.undo_label.text() == "3 chats deleted"
    qtbot.mouseClick(widget.undo_button, Qt.MouseButton.LeftButton)
    widget.list.setFocus()  # where the focus is after a Delete key
    qtbot.waitUntil(widget.list.hasFocus)
    qtbot.keyClick(widget.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone == [True, True]
    widget.show_undo(1)
    assert widget.undo_label.text() == "Chat deleted"
    widget.show_undo(0)
    assert not widget.undo_bar.isVisible()


@pytest.fixture
def german() -> Iterator[None]:
    """The list's words in German, as the window's translator would give them."""
    words = {("Vocabulary", "New chat"): "Neuer Chat", ("ChatList", "Today"): "Heute"}

    def translate(context: str, text: str, _disambiguation: str | None, _n: int) -> str:
        return words.get((context, text), text)

    i18n.install(i18n.LocaleBackend(translate=translate))
    try:
        yield
    finally:
        i18n.install(i18n.LocaleBackend())


def test_the_default_title_shows_translated_and_is_stored_as_is(
        qtbot: QtBot, widget: ConversationList, german: None) -> None:
    untitled = Conversation(7, DEFAULT_TITLE, NOW.timestamp(), NOW.timestamp(), None, 0)
    widget.set_conversations([untitled, chat(3)], 7)
    item = widget.list.item(0)
    assert item.text() == "Neuer Chat" and item.data(conversation_list.TITLE_ROLE) == "New chat"
    assert widget.heading_of(0) == "Heute"
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "Neuer Chat"
    renamed: list[tuple[int, str]] = []
    widget.rename_requested.connect(lambda id_, title: renamed.append((id_, title)))
    item.setText("Neuer Chat")  # an editor closed on the title as shown: no rename
    assert renamed == []
    item.setText("Ferien")
    assert renamed == [(7, "Ferien")]


def test_keys_open_the_next_and_previous_chat(widget: ConversationList) -> None:
    widget.set_conversations(conversations(), 3)
    opened: list[int] = []
    widget.selected.connect(opened.append)
    widget.open_adjacent(forward=True)
    widget.open_adjacent(forward=True)
    widget.open_adjacent(forward=True)  # round from the bottom to the top
    widget.open_adjacent(forward=False)
    assert opened == [2, 1, 3, 1]
    assert widget.current_id() == 1 and widget.selected_ids() == [1]
