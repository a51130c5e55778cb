"""Branches in the real window: regenerate and edit keep the old versions; the switcher
("< 2/3 >") shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.ui.main_window import MainWindow
from chatapp.ui.message_widget import MessageWidget
from tests.e2e.conftest import OpenWindow, model_settings, send, wait_loaded, wait_reply_done


def shown_ids(window: MainWindow) -> list[int | None]:
    return [w.message.id if w.message else None for w in window.view.messages]


def widget(window: MainWindow, index: int) -> MessageWidget:
    return window.view.messages[index]


def switcher_shown(window: MainWindow, index: int) -> bool:
    # Read afresh each time: showing a branch replaces the message widgets.
    return widget(window, index).switcher.isVisible()


def test_regenerate_and_edit_keep_every_version(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(model_settings(model_path, max_reply_tokens=12))
    wait_loaded(qtbot, window)
    send(qtbot, window, "Name a fruit.")
    wait_reply_done(qtbot, window)
    question_id, first_reply = shown_ids(window)
    assert question_id is not None and first_reply is not None

    # Regenerate: a second reply beside the first.
    window.view.regenerate_requested.emit()
    qtbot.waitUntil(lambda: window.session.turn is not None, timeout=10_000)
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(lambda: switcher_shown(window, 1), timeout=10_000)
    second_reply = shown_ids(window)[1]
    assert second_reply not in (None, first_reply)
    assert widget(window, 1).switcher.label.text() == "2/2"

    # The switcher's previous button shows the first reply again.
    qtbot.mouseClick(widget(window, 1).switcher.previous, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown_ids(window) == [question_id, first_reply], timeout=10_000)
    assert widget(window, 1).switcher.label.text() == "1/2"

    # Editing the question asks it again on a new branch; the old one stays.
    def editing_question() -> bool:
        # The view may still be replacing the branch's widgets after the switch: edit the
        # question widget that is there now.
        shown = widget(window, 0)
        if not shown.editor.isVisible():
            shown.start_editing()
        return shown.editor.isVisible()

    qtbot.waitUntil(editing_question, timeout=10_000)
    question = widget(window, 0)
    question.editor.edit.setPlainText("Name a vegetable.")
    qtbot.mouseClick(question.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.turn is not None, timeout=10_000)
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(lambda: switcher_shown(window, 0), timeout=10_000)
    assert widget(window, 0).text == "Name a vegetable."
    assert widget(window, 0).switcher.label.text() == "2/2"
    with HistoryStore(app_paths.history_db) as store:
        chat = store.list_conversations()[0].id
        assert len(store.list_tree(chat)) == 5  # two questions, three replies
        assert store.list_messages(chat)[0].content == "Name a vegetable."

    # A reply corrected in place is marked as edited.
    reply = widget(window, 1)
    reply.start_editing()
    reply.editor.edit.setPlainText("Carrots.")
    qtbot.mouseClick(reply.editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget(window, 1).text == "Carrots.", timeout=10_000)
    assert "edited" in widget(window, 1).stats_label.text()

    # Deleting the reply (confirmed) leaves the question; the other branch is untouched.
    monkeypatch.setattr(QMessageBox, "exec", lambda _self: QMessageBox.StandardButton.Yes)
    window.view.delete_requested.emit(shown_ids(window)[1])
    qtbot.waitUntil(lambda: len(window.view.messages) == 1, timeout=10_000)
    with HistoryStore(app_paths.history_db) as store:
        assert len(store.list_tree(chat)) == 4
        assert [m.content for m in store.list_messages(chat)] == ["Name a vegetable."]


def test_a_reply_cut_at_the_limit_continues_in_place(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path) -> None:
    window = open_window(model_settings(model_path, max_reply_tokens=10))
    wait_loaded(qtbot, window)
    send(qtbot, window, "Write a long story about a lighthouse keeper.")
    wait_reply_done(qtbot, window)
    reply = widget(window, 1)
    assert reply.message is not None and reply.message.stop_reason == "length"
    assert reply.continue_button.isVisible()
    before = reply.text
    qtbot.mouseClick(reply.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.turn is not None, timeout=10_000)
    wait_reply_done(qtbot, window)
    assert len(window.view.messages) == 2  # the same reply, longer
    continued = widget(window, 1)
    assert continued.text.startswith(before) and len(continued.text) > len(before)
    with HistoryStore(app_paths.history_db) as store:
        chat = store.list_conversations()[0].id
        stored = store.list_messages(chat)
    assert [m.id for m in stored] == shown_ids(window)
    assert stored[-1].content == continued.text and stored[-1].generated_tokens == 20
