"""A person's first minutes with the app, in the real window with the real model."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from chatapp.engine.model_loader import ModelSummary
from chatapp.history.store import HistoryStore
from chatapp.i18n import format_number
from chatapp.models.starter import STARTER
from chatapp.paths import AppPaths
from chatapp.settings import Settings, load_settings, save_settings
from chatapp.ui.composer import ComposerState
from chatapp.ui.main_window import MainWindow
from chatapp.ui.settings_dialog import SettingsDialog
from tests.e2e.conftest import (
    REPLY_TIMEOUT_MS,
    OpenWindow,
    model_settings,
    send,
    wait_loaded,
    wait_reply_done,
)


def state(window: MainWindow) -> ComposerState:
    """The composer's state, read fresh each time (the window changes it behind our back)."""
    return window.composer.state


def loaded(window: MainWindow) -> ModelSummary | None:
    return window.session.model


def test_first_run_points_to_the_starter_model(qtbot: QtBot, open_window: OpenWindow,
                                               app_paths: AppPaths, model_path: Path) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: not window.session.busy)
    assert loaded(window) is None
    assert state(window) is ComposerState.NO_MODEL
    assert not window.composer.edit.isEnabled()
    assert "No model is loaded" in window.view.placeholder.text()
    assert "Install the starter model" in window.view.placeholder.text()
    # The link in the placeholder installs the bundled model and loads it.
    window.view.placeholder.linkActivated.emit("install-starter")
    wait_loaded(qtbot, window)
    installed = app_paths.models_dir / model_path.name
    assert installed.is_file()
    assert window.session.model is not None and window.session.model.path == installed
    assert window.composer.edit.isEnabled()
    # What the person types next is their first message, wherever the focus rested.
    qtbot.waitUntil(window.isActiveWindow)
    assert window.composer.edit.hasFocus()


def test_chat_streams_and_is_there_after_a_restart(qtbot: QtBot, open_window: OpenWindow,
                                                   app_paths: AppPaths,
                                                   model_path: Path) -> None:
    # Short replies keep the test quick; the settings file is what a restart reads.
    save_settings(app_paths.settings_file, Settings(max_reply_tokens=48, temperature=0.0))
    window = open_window()
    window.session.load_model(model_path)  # as Model ▸ Open does
    wait_loaded(qtbot, window)
    pieces: list[str] = []
    window.session.reply_text.connect(pieces.append)
    send(qtbot, window, "What is the capital of France?")
    # The message stays in the box until it is saved, then the reply is written.
    assert state(window) is ComposerState.SENDING
    assert window.composer.edit.toPlainText() == "What is the capital of France?"
    qtbot.waitUntil(lambda: state(window) is not ComposerState.SENDING)
    assert window.composer.edit.toPlainText() == ""
    assert window.view.messages[0].message is not None  # shown once saved
    wait_reply_done(qtbot, window)
    assert len(pieces) > 3  # it streamed
    reply = window.view.messages[-1]
    assert reply.role == "assistant" and reply.text == "".join(pieces) and reply.text.strip()
    assert "tokens/s" in reply.stats_label.text()
    # Auto context: all the model's 8,192 tokens fit this computer.
    # In the locale's digits (the window installs the system's locale).
    assert f"/ {format_number(8192)} tokens" in window.status.context.text()
    assert window.status.model.text() == model_path.stem
    # The chat is named after its first message.
    title = "What is the capital of France?"
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 1
                    and window.sidebar.list.item(0).text() == title)
    window.close()

    # Reopen on the same CHATAPP_HOME: the conversation is there, and chat goes on.
    again = open_window()
    qtbot.waitUntil(lambda: len(again.view.messages) == 2, timeout=10_000)
    assert again.sidebar.list.item(0).text() == title
    assert again.view.messages[0].text == "What is the capital of France?"
    assert again.view.messages[1].text == reply.text
    wait_loaded(qtbot, again)  # the last used model loads at start
    send(qtbot, again, "And of Italy?")
    wait_reply_done(qtbot, again)
    with HistoryStore(app_paths.history_db) as store:
        messages = store.list_messages(store.list_conversations()[0].id)
    assert [m.role for m in messages] == ["user", "assistant", "user", "assistant"]
    assert all(m.state == "complete" for m in messages)
    # Each reply names the exact model that wrote it.
    assert {m.model_sha256 for m in messages[1::2]} == {STARTER.sha256}


def test_stop_keeps_the_partial_reply(qtbot: QtBot, open_window: OpenWindow,
                                      app_paths: AppPaths, model_path: Path) -> None:
    window = open_window(model_settings(model_path, max_reply_tokens=4000,
                                        temperature=0.8))
    wait_loaded(qtbot, window)
    pieces: list[str] = []
    window.session.reply_text.connect(pieces.append)
    send(qtbot, window, "Write a very long story about a dragon and a knight.")
    qtbot.waitUntil(lambda: len(pieces) >= 20, timeout=REPLY_TIMEOUT_MS)
    qtbot.mouseClick(window.composer.stop_button, Qt.MouseButton.LeftButton)
    wait_reply_done(qtbot, window)
    reply = window.view.messages[-1]
    assert reply.message is not None and reply.message.state == "stopped"
    assert reply.text == "".join(pieces)
    assert "Stopped" in reply.stats_label.text()
    assert reply.message.generated_tokens is not None
    assert reply.message.generated_tokens < 4000
    with HistoryStore(app_paths.history_db) as store:
        saved = store.get_message(reply.message.id)
    assert saved.state == "stopped" and saved.content == reply.text


def test_bad_files_are_explained_and_the_app_keeps_working(
        qtbot: QtBot, open_window: OpenWindow, tmp_path: Path, model_path: Path) -> None:
    window = open_window(Settings(max_reply_tokens=48))
    qtbot.waitUntil(lambda: not window.session.busy)
    not_gguf = tmp_path / "holiday-photo.gguf"
    not_gguf.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    window.session.load_model(not_gguf)
    qtbot.waitUntil(lambda: window.session.loading_path is None and window.banner.isVisible(),
                    timeout=30_000)
    assert "not a GGUF" in window.banner.label.text()
    assert state(window) is ComposerState.NO_MODEL

    window.session.load_model(model_path)
    wait_loaded(qtbot, window)

    truncated = tmp_path / "half-downloaded.gguf"
    with model_path.open("rb") as source:
        truncated.write_bytes(source.read(model_path.stat().st_size // 2))
    window.session.load_model(truncated)
    qtbot.waitUntil(lambda: window.session.loading_path is None and window.banner.isVisible(),
                    timeout=30_000)
    message = window.banner.label.text()
    assert "download" in message.lower()
    assert "ends early" in message or "incomplete" in message.lower() or \
        "completely" in message
    # The model loaded before stays loaded, and the chat works.
    assert window.session.model is not None and window.session.model.path == model_path
    assert state(window) is ComposerState.READY
    send(qtbot, window, "Say hi.")
    wait_reply_done(qtbot, window)
    assert window.view.messages[-1].text.strip()


def test_regenerate_replaces_the_last_reply(qtbot: QtBot, open_window: OpenWindow,
                                            app_paths: AppPaths, model_path: Path) -> None:
    window = open_window(model_settings(model_path, temperature=0.9))
    wait_loaded(qtbot, window)
    send(qtbot, window, "Name an animal.")
    wait_reply_done(qtbot, window)
    first = window.view.messages[-1].message
    assert first is not None
    qtbot.mouseClick(window.view.messages[-1].regenerate_button, Qt.MouseButton.LeftButton)
    wait_reply_done(qtbot, window)
    assert len(window.view.messages) == 2
    with HistoryStore(app_paths.history_db) as store:
        messages = store.list_messages(store.list_conversations()[0].id)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[1].generation_settings != first.generation_settings  # a new seed


def test_settings_are_saved_and_apply_to_the_next_reply(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path) -> None:
    window = open_window(model_settings(model_path))
    wait_loaded(qtbot, window)
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.system_prompt.setPlainText("Answer in one word.")
    dialog.max_reply_tokens.setValue(16)
    dialog.accept()
    qtbot.waitUntil(lambda: load_settings(app_paths.settings_file).max_reply_tokens == 16)
    saved = load_settings(app_paths.settings_file)
    assert saved.system_prompt == "Answer in one word."
    assert saved.last_model_path == str(model_path)
    send(qtbot, window, "Tell me a long story.")
    wait_reply_done(qtbot, window)
    reply = window.view.messages[-1].message
    assert reply is not None and reply.generated_tokens is not None
    assert reply.generated_tokens <= 16
    assert reply.generation_settings is not None
    assert reply.generation_settings["system_prompt"] == "Answer in one word."


def test_a_new_chat_is_saved_with_its_first_message(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path) -> None:
    with HistoryStore(app_paths.history_db) as store:
        store.create_conversation("Older chat")
    window = open_window(model_settings(model_path))
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 1)
    qtbot.mouseClick(window.sidebar.new_button, Qt.MouseButton.LeftButton)
    # An empty chat is not kept: nothing new in the list or the history yet.
    assert window.view.conversation_id is None and window.sidebar.current_id() is None
    qtbot.wait(200)
    assert window.sidebar.list.count() == 1
    send(qtbot, window, "Name three rivers.")
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 2)
    assert window.sidebar.list.item(0).text() == "Name three rivers."
    assert window.sidebar.current_id() == window.session.current is not None


def test_the_list_marks_the_chat_on_screen_however_it_was_opened(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    with HistoryStore(app_paths.history_db) as store:
        first = store.create_conversation("First")
        second = store.create_conversation("Second")
    window = open_window()
    qtbot.waitUntil(lambda: window.view.conversation_id == second.id)
    assert window.sidebar.current_id() == second.id
    window.session.open_conversation(first.id)  # not by a click on the list
    qtbot.waitUntil(lambda: window.view.conversation_id == first.id)
    assert window.sidebar.current_id() == first.id
    window.session.new_conversation()
    assert window.sidebar.current_id() is None


def test_rename_and_delete_chats(qtbot: QtBot, open_window: OpenWindow,
                                 app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    with HistoryStore(app_paths.history_db) as store:
        store.create_conversation("First")
        store.create_conversation("Second")
    window = open_window()
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 2)
    window.sidebar.list.item(0).setText("Recipes")  # what committing an edit does
    qtbot.waitUntil(lambda: any(c.title == "Recipes" for c in window.session.conversations))
    # The confirmation is the one dialog a user clicks through.
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    recipes = next(c.id for c in window.session.conversations if c.title == "Recipes")
    row = next(i for i in range(2) if window.sidebar.list.item(i).text() == "Recipes")
    window.sidebar._confirm_delete(window.sidebar.list.item(row))
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 1)

    def stored() -> list[int]:
        with sqlite3.connect(app_paths.history_db) as db:
            return [r[0] for r in db.execute("SELECT id FROM conversations")]
    assert recipes in stored()  # hidden, and Undo is offered: not deleted yet
    window.session.finish_deletes()  # the offer ends: the delete lands now
    qtbot.waitUntil(lambda: stored() == [next(c.id for c in window.session.conversations)])
    assert recipes not in stored()


def test_a_rename_being_typed_survives_the_refresh_after_a_reply(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path) -> None:
    with HistoryStore(app_paths.history_db) as store:
        other = store.create_conversation("Rename me")
        store.add_message(other.id, "user", "Hi")
        store.add_message(other.id, "assistant", "Hello")
    window = open_window(model_settings(model_path, max_reply_tokens=60))
    wait_loaded(qtbot, window)
    qtbot.mouseClick(window.sidebar.new_button, Qt.MouseButton.LeftButton)
    send(qtbot, window, "Count to twenty.")
    qtbot.waitUntil(lambda: state(window) is ComposerState.GENERATING)
    refreshes: list[object] = []
    window.session.conversations_changed.connect(lambda *_a: refreshes.append(True))
    item = next(window.sidebar.list.item(i) for i in range(window.sidebar.list.count())
                if window.sidebar.list.item(i).text() == "Rename me")
    window.sidebar.list.editItem(item)  # F2
    editor = window.sidebar.list.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Holiday plans")
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(lambda: bool(refreshes))  # the list was refreshed after the reply
    assert window.sidebar.editing and editor.text() == "Holiday plans"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(c.title == "Holiday plans"
                                for c in window.session.conversations))
    qtbot.waitUntil(lambda: {window.sidebar.list.item(i).text()
                             for i in range(window.sidebar.list.count())}
                    == {"Holiday plans", "Count to twenty."})


def test_overflowing_conversations_say_what_is_left_out(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path) -> None:
    with HistoryStore(app_paths.history_db) as store:
        conversation = store.create_conversation("Long chat")
        for i in range(40):
            store.add_message(conversation.id, "user", f"Question {i}: " + "more words " * 20)
            store.add_message(conversation.id, "assistant", f"Answer {i}: " + "and more " * 20)
    window = open_window(model_settings(model_path, context_length=1024))
    wait_loaded(qtbot, window)
    qtbot.waitUntil(window.view.notice.isVisible, timeout=30_000)
    assert (f"no longer fit the model's context ({format_number(1024)} tokens)"
            in window.view.notice.text())
    assert window.view.messages[-1].property("outOfContext") is False
    send(qtbot, window, "Summarize.")
    wait_reply_done(qtbot, window)
    assert window.view.messages[-1].message is not None
    assert window.view.messages[-1].message.state == "complete"
