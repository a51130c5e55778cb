"""The chat list as people use it, in the real window: groups by day, pins, deleting
several chats with Undo, and a delete that outlives the window."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.ui.main_window import MainWindow
from tests.e2e.conftest import OpenWindow, model_settings, send, wait_loaded, wait_reply_done

DAY_S = 24 * 3600
LONG_S = 3600.0  # an Undo offer that outlasts any test: only the test ends it


def make_chats(paths: AppPaths, *titles: str, days_ago: int = 0) -> list[int]:
    """Chats in the history, each with a message, the last the newest."""
    started = time.time() - days_ago * DAY_S
    ids = []
    for index, title in enumerate(titles):
        with HistoryStore(paths.history_db, clock=partial(float, started + index)) as store:
            conversation = store.create_conversation(title)
            store.add_message(conversation.id, "user", f"About {title}")
            ids.append(conversation.id)
    return ids


def stored_ids(paths: AppPaths) -> set[int]:
    with HistoryStore(paths.history_db) as store:
        return {c.id for c in store.list_conversations()}


def listed(window: MainWindow) -> list[str]:
    rows = window.sidebar.list
    return [rows.item(r).text() for r in range(rows.count())]


def select(window: MainWindow, *titles: str) -> None:
    rows = window.sidebar.list
    rows.clearSelection()
    for row in range(rows.count()):
        rows.item(row).setSelected(rows.item(row).text() in titles)


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the history thread has done all it was asked so far (jobs run in
    order, so a job of our own answers last)."""
    done: list[object] = []
    window.session.history.submit(lambda _store: None, done.append)
    qtbot.waitUntil(lambda: bool(done))


@pytest.fixture
def say_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirm every question; the texts asked are kept."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_delete_several_then_undo_then_let_it_happen(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths,
        say_yes: list[str]) -> None:
    old = make_chats(app_paths, "Garden plan", days_ago=12)
    ids = old + make_chats(app_paths, "Rivers", "Poems", "Taxes")
    window = open_window()
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[3])  # the newest opens
    assert listed(window) == ["Taxes", "Poems", "Rivers", "Garden plan"]
    assert [window.sidebar.heading_of(r) for r in range(4)] == ["Today", None, None, "Older"]
    window.session.undo_seconds = LONG_S

    select(window, "Taxes", "Rivers")  # the open chat among them
    window.sidebar.list.setFocus()
    qtbot.waitUntil(window.sidebar.list.hasFocus)
    qtbot.keyClick(window.sidebar.list, Qt.Key.Key_Delete)
    assert say_yes == ["Delete 2 chats and all their messages?\n\n"
                       "You can undo this for a few seconds."]
    assert listed(window) == ["Poems", "Garden plan"]  # gone from the list at once
    assert window.sidebar.undo_label.text() == "2 chats deleted"
    assert window.sidebar.undo_bar.isVisible()
    assert window.session.current is None and window.view.conversation_id is None
    settle(qtbot, window)
    assert stored_ids(app_paths) == set(ids)  # nothing deleted while Undo is on offer

    qtbot.mouseClick(window.sidebar.undo_button, Qt.MouseButton.LeftButton)
    assert listed(window) == ["Taxes", "Poems", "Rivers", "Garden plan"]
    assert not window.sidebar.undo_bar.isVisible()
    # Still in the empty chat the delete moved to: Undo goes back to the chat.
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[3])
    assert window.sidebar.current_id() == ids[3]

    window.session.undo_seconds = 0.2
    select(window, "Taxes", "Rivers")
    window.sidebar._delete_selection()
    qtbot.waitUntil(lambda: stored_ids(app_paths) == {ids[0], ids[2]})
    qtbot.waitUntil(lambda: not window.sidebar.undo_bar.isVisible())
    # The list now reads the history itself, which agrees.
    qtbot.waitUntil(lambda: [c.id for c in window.session.conversations] == [ids[2], ids[0]])
    assert window.session.listed_conversations(window.session.conversations) \
        == window.session.conversations
    assert listed(window) == ["Poems", "Garden plan"]


def test_a_second_delete_ends_the_first_offer(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths,
        say_yes: list[str]) -> None:
    ids = make_chats(app_paths, "One", "Two", "Three")
    window = open_window()
    qtbot.waitUntil(lambda: len(listed(window)) == 3)
    window.session.undo_seconds = LONG_S
    window.sidebar._confirm_delete(window.sidebar.list.item(2))  # "One"
    assert say_yes == ["Delete “One” and all its messages?\n\n"
                       "You can undo this for a few seconds."]
    assert window.sidebar.undo_label.text() == "Chat deleted"
    window.sidebar._confirm_delete(window.sidebar.list.item(1))  # "Two"
    qtbot.waitUntil(lambda: stored_ids(app_paths) == {ids[1], ids[2]})  # "One" for good
    window.session.undo_delete()
    assert listed(window) == ["Three", "Two"]
    window.session.undo_delete()  # nothing more to take back
    assert listed(window) == ["Three", "Two"]


def test_undo_leaves_the_view_where_the_user_went(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths,
        say_yes: list[str]) -> None:
    ids = make_chats(app_paths, "First", "Second", "Open")
    window = open_window()
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[2])
    window.session.undo_seconds = LONG_S
    select(window, "Open")
    window.sidebar._delete_selection()
    assert window.view.conversation_id is None
    click_row = listed(window).index("First")
    window.sidebar.list.setCurrentRow(click_row)  # the user opens another chat
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[0])
    window.session.undo_delete()
    assert listed(window) == ["Open", "Second", "First"]
    assert window.session.current == ids[0]
    settle(qtbot, window)
    assert window.view.conversation_id == ids[0] == window.sidebar.current_id()


def test_quitting_during_the_offer_keeps_the_delete(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths,
        say_yes: list[str]) -> None:
    ids = make_chats(app_paths, "Keep", "Drop")
    window = open_window()
    qtbot.waitUntil(lambda: len(listed(window)) == 2)
    window.session.undo_seconds = LONG_S
    select(window, "Drop")
    window.sidebar._delete_selection()
    assert listed(window) == ["Keep"]
    window.close()
    assert stored_ids(app_paths) == {ids[0]}
    again = open_window()
    qtbot.waitUntil(lambda: listed(again) == ["Keep"])


def test_pin_and_unpin_from_the_menu(qtbot: QtBot, open_window: OpenWindow,
                                     app_paths: AppPaths) -> None:
    ids = make_chats(app_paths, "Recipes", days_ago=30) + make_chats(app_paths, "News")
    window = open_window()
    qtbot.waitUntil(lambda: listed(window) == ["News", "Recipes"])
    menu = window.sidebar.menu_for(window.sidebar.list.item(1))
    pin = next(a for a in menu.actions() if a.text() == "Pin to top")
    pin.trigger()
    qtbot.waitUntil(lambda: listed(window) == ["Recipes", "News"])
    assert [window.sidebar.heading_of(r) for r in range(2)] == ["Pinned", "Today"]
    with HistoryStore(app_paths.history_db) as store:
        assert [c.pinned for c in store.list_conversations()] == [True, False]
    menu = window.sidebar.menu_for(window.sidebar.list.item(0))
    next(a for a in menu.actions() if a.text() == "Unpin").trigger()
    qtbot.waitUntil(lambda: [window.sidebar.heading_of(r) for r in range(2)]
                    == ["Today", "Older"])
    assert stored_ids(app_paths) == set(ids)


def test_a_chat_writing_a_reply_is_not_deleted(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path,
        say_yes: list[str]) -> None:
    ids = make_chats(app_paths, "Other", "Busy")
    window = open_window(model_settings(model_path, max_reply_tokens=2000,
                                        temperature=0.8))
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[1])
    send(qtbot, window, "Write a very long story about a lighthouse.")
    # The turn is the chat's from the moment it is sent (its question being saved),
    # however soon the model would end its reply.
    assert window.session.turn is not None and window.session.turn.conversation_id == ids[1]
    select(window, "Other", "Busy")
    window.sidebar._delete_selection()
    assert "writing a reply" in window.banner.label.text()
    assert set(listed(window)) == {"Other", "Busy"}
    assert not window.sidebar.undo_bar.isVisible()
    window.session.stop()
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(lambda: listed(window) == ["Busy", "Other"])  # the reply moved it up
    select(window, "Other", "Busy")
    window.sidebar._delete_selection()  # the same two, now the reply is done
    assert listed(window) == [] and window.session.current is None
    window.close()
    assert stored_ids(app_paths) == set()


def test_deleted_chats_opened_again_before_the_offer_ends(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path,
        say_yes: list[str]) -> None:
    ids = make_chats(app_paths, "Found", "Writing", "Newest")
    window = open_window(model_settings(model_path, max_reply_tokens=2000,
                                        temperature=0.8))
    wait_loaded(qtbot, window)
    window.session.undo_seconds = LONG_S
    select(window, "Found", "Writing")
    window.sidebar._delete_selection()
    assert listed(window) == ["Newest"]
    # Opened again by other means (a search result): one writes a reply, one is on screen.
    window.session.open_conversation(ids[1])
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[1])
    send(qtbot, window, "Write a very long story about a lighthouse.")
    window.session.open_conversation(ids[0])
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[0])
    assert window.session.turn is not None and window.session.turn.conversation_id == ids[1]
    window.session.finish_deletes()  # the offer ends
    assert window.session.current is None and window.view.conversation_id is None
    assert set(listed(window)) == {"Writing", "Newest"}  # kept: it is writing a reply
    qtbot.waitUntil(lambda: stored_ids(app_paths) == {ids[1], ids[2]})
    window.session.stop()
    wait_reply_done(qtbot, window)


def test_the_chat_written_in_last_opens_at_start_even_below_a_pinned_one(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    pinned, newest = make_chats(app_paths, "Recipes", "Taxes")
    with HistoryStore(app_paths.history_db) as store:
        store.set_pinned(pinned, True)
    window = open_window()
    qtbot.waitUntil(lambda: listed(window) == ["Recipes", "Taxes"])  # pinned on top
    qtbot.waitUntil(lambda: window.view.conversation_id == newest)
    assert window.session.current == newest


def test_search_leaves_out_chats_deleted_while_undo_is_on_offer(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths,
        say_yes: list[str]) -> None:
    gone, kept = make_chats(app_paths, "Volcanoes", "Volcanic soil")
    window = open_window()
    qtbot.waitUntil(lambda: window.view.conversation_id == kept)
    window.session.undo_seconds = LONG_S
    select(window, "Volcanoes")
    window.sidebar._delete_selection()
    panel = window.search_panel
    window.menu_actions.search_chats.trigger()
    qtbot.keyClicks(panel.field, "volcan")
    qtbot.waitUntil(lambda: panel.shown_query == "volcan")
    assert [hit.conversation_id for hit in panel.hits] == [kept]  # still stored, not shown
    assert gone in stored_ids(app_paths)
    panel.close()
    window.session.undo_delete()
    window.menu_actions.search_chats.trigger()  # searched again on opening
    qtbot.waitUntil(lambda: {hit.conversation_id for hit in panel.hits} == {gone, kept})
