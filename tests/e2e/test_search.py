"""Search across chats and find in a chat, in the real window with the real history.

The history is written with HistoryStore before the window opens: a chat whose first
question has two answers, each starting a branch; the one on screen is the newer, and
the words searched for are deep in the other, among messages a long chat does not show
until asked.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from chatapp.history.store import HistoryStore, Message
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.conversation_view import INITIAL_MESSAGES
from chatapp.ui.main_window import MainWindow
from chatapp.ui.message_widget import MessageWidget
from tests.e2e.conftest import OpenWindow

TITLE = "Rivers <b>of</b> Europe"  # a title is the user's text, never markup
OLD_BRANCH_LENGTH = 40  # after the first question and its first answer


def build_history(store: HistoryStore) -> dict[str, Message]:
    chat = store.create_conversation(TITLE)
    question = store.add_message(chat.id, "user", "Name a long river in Europe.")
    old = store.add_message(chat.id, "assistant", "The Danube flows through ten countries.")
    target = old
    for index in range(OLD_BRANCH_LENGTH):
        role = "user" if index % 2 == 0 else "assistant"
        text = f"Message {index} of the old branch, about barges and locks."
        if index == 10:
            text = "The **zeppelin** hangar stood by the river, long before the bridge."
        message = store.add_message(chat.id, role, text)
        if index == 10:
            target = message
    old_end = message
    new = store.add_message(chat.id, "assistant", "The Volga is the longest.",
                            parent_id=question.id)
    # Written last, so the window opens it first: the search opens the other chat.
    groceries = store.create_conversation("Groceries")
    store.add_message(groceries.id, "user", "Milk, eggs and bread.")
    return {"question": question, "old": old, "target": target, "old_end": old_end,
            "new": new, "groceries": store.list_messages(groceries.id)[0]}


def shown_ids(window: MainWindow) -> list[int]:
    return [w.message.id for w in window.view.messages if w.message is not None]


def in_view(window: MainWindow, widget: MessageWidget) -> bool:
    viewport = window.view.viewport()
    top = widget.mapTo(viewport, QPoint(0, 0)).y()
    return widget.isVisible() and top < viewport.height() and top + widget.height() > 0


def test_a_hit_on_a_hidden_branch_opens_that_branch_at_the_message(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    with HistoryStore(app_paths.history_db) as store:
        made = build_history(store)
        chat_id = made["question"].conversation_id
        assert [m.id for m in store.list_messages(chat_id)] == [made["question"].id,
                                                                 made["new"].id]
    window = open_window(Settings())
    qtbot.waitUntil(lambda: window.view.conversation_id == made["groceries"].conversation_id)
    assert window.menu_actions.search_chats.shortcut() == QKeySequence("Ctrl+K")
    assert window.menu_actions.find_in_chat.shortcut() == QKeySequence(
        QKeySequence.StandardKey.Find)

    window.menu_actions.search_chats.trigger()
    panel = window.search_panel
    assert panel.isVisible()
    qtbot.keyClicks(panel.field, "zeppel")  # one query per key; the last one is shown
    qtbot.waitUntil(lambda: panel.shown_query == "zeppel")
    assert [hit.message_id for hit in panel.hits] == [made["target"].id]
    assert panel.results.item(0).text().startswith(f"{TITLE}, ")  # the title as text

    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert not panel.isVisible()
    qtbot.waitUntil(lambda: window.view.revealed is not None)
    revealed = window.view.revealed
    assert revealed is not None and revealed.message is not None
    assert revealed.message.id == made["target"].id
    assert window.view.conversation_id == chat_id
    # The old branch, whole: its first answer and its end, and not the newer answer.
    ids = shown_ids(window)
    assert made["old"].id in ids and made["old_end"].id in ids
    assert made["new"].id not in ids
    assert len(ids) > INITIAL_MESSAGES  # the target was among the earlier messages
    qtbot.waitUntil(lambda: in_view(window, revealed))
    assert window.sidebar.list.currentItem().text() == TITLE
    with HistoryStore(app_paths.history_db) as store:
        assert store.get_conversation(chat_id).active_leaf_id == made["old_end"].id

    # Find in the chat now open: the count, the match selected, Esc closes.
    window.menu_actions.find_in_chat.trigger()
    bar = window.find_bar
    qtbot.keyClicks(bar.field, "river")
    assert bar.count.text() == "2 of 2"  # from the top of the view: the match in sight
    qtbot.keyClicks(bar.field, " in")
    assert bar.count.text() == "1 of 1"
    found = window.view.found
    assert found is not None and found.selectedText() == "river in"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and not found.hasSelectedText()


def test_a_chat_writing_a_reply_keeps_its_branch(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    """The reply being written follows the branch it started on: a hit on another branch
    of its chat is not shown there; the user is told why."""
    from chatapp.ui.chat_session import Turn, TurnPhase

    with HistoryStore(app_paths.history_db) as store:
        made = build_history(store)
    chat_id = made["question"].conversation_id
    window = open_window(Settings())
    session = window.session
    qtbot.waitUntil(lambda: window.view.conversation_id is not None)
    errors: list[str] = []
    session.error.connect(lambda error: errors.append(error.user_message))
    session.turn = Turn(chat_id, TurnPhase.ANSWERING, session._view)  # as if replying
    try:
        session.reveal_message(chat_id, made["target"].id)
        qtbot.waitUntil(lambda: bool(errors))
        assert "another version of this chat" in errors[0]
        qtbot.waitUntil(lambda: window.view.conversation_id == chat_id)
        assert shown_ids(window) == [made["question"].id, made["new"].id]
        # A message on the branch being written is shown as ever.
        session.reveal_message(chat_id, made["question"].id)
        qtbot.waitUntil(lambda: window.view.revealed is not None)
    finally:
        session.turn = None
    with HistoryStore(app_paths.history_db) as store:
        assert store.get_conversation(chat_id).active_leaf_id == made["new"].id
