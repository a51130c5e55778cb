from __future__ import annotations

import time

import pytest
from pytestqt.qtbot import QtBot

from chatapp.history.store import Conversation
from chatapp.ui import conversation_list
from chatapp.ui.conversation_list import ConversationList


def conversations() -> list[Conversation]:
    now = time.time()
    return [Conversation(i, f"Chat {i}", now, now, None, 0) for i in (3, 2, 1)]


def test_select_rename_and_confirmed_delete(qtbot: QtBot,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    widget = ConversationList()
    qtbot.addWidget(widget)
    widget.set_conversations(conversations(), current=2)
    assert widget.current_id() == 2
    with qtbot.waitSignal(widget.selected) as selected:
        widget.list.setCurrentRow(2)
    assert selected.args == [1]

    renamed: list[tuple[int, str]] = []
    widget.rename_requested.connect(lambda i, t: renamed.append((i, t)))
    widget.list.item(0).setText("  Holiday plans ")
    assert renamed == [(3, "Holiday plans")]
    widget.list.item(1).setText("   ")  # an empty name is refused and reverted
    assert widget.list.item(1).text() == "Chat 2"

    deleted: list[int] = []
    widget.delete_requested.connect(deleted.append)
    monkeypatch.setattr(conversation_list, "plain_question", lambda *_a: False)
    widget._confirm_delete(widget.list.item(0))
    assert deleted == []
    monkeypatch.setattr(conversation_list, "plain_question", lambda *_a: True)
    widget._confirm_delete(widget.list.item(0))
    assert deleted == [3]


def test_the_open_chat_is_marked_without_being_announced_as_a_choice(qtbot: QtBot) -> None:
    widget = ConversationList()
    qtbot.addWidget(widget)
    widget.set_conversations(conversations(), current=3)
    chosen: list[int] = []
    widget.selected.connect(chosen.append)
    widget.show_current(1)  # opened from elsewhere (a search result, start-up)
    assert widget.current_id() == 1
    widget.show_current(None)  # a new chat, not in the list yet
    assert widget.current_id() is None and widget.list.selectedItems() == []
    assert chosen == []
