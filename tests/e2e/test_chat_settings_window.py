"""Per-chat settings and presets in the real window, with the real model: a chat with its
own system prompt and temperature replies with them, another follows the defaults."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from chatapp.history.store import HistoryStore, Message
from chatapp.paths import AppPaths
from chatapp.ui.main_window import MainWindow
from tests.e2e.conftest import OpenWindow, model_settings, send, wait_loaded, wait_reply_done

DEFAULT_PROMPT = "You are a helpful assistant."
OWN_PROMPT = "You answer in exactly one word."


def replies(app_paths: AppPaths, conversation_id: int) -> list[Message]:
    with HistoryStore(app_paths.history_db) as store:
        return [m for m in store.list_messages(conversation_id) if m.role == "assistant"]


def ask(qtbot: QtBot, window: MainWindow, text: str) -> int:
    send(qtbot, window, text)
    wait_reply_done(qtbot, window)
    assert window.session.current is not None
    return window.session.current


def test_a_chat_with_its_own_settings_and_one_with_the_defaults(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path) -> None:
    window = open_window(model_settings(model_path, system_prompt=DEFAULT_PROMPT,
                                        max_reply_tokens=24))
    wait_loaded(qtbot, window)
    header = window.chat_header
    assert header.settings.text() == "Default settings"
    assert header.model.text() == model_path.stem

    # The first chat gets its own system prompt and temperature in the dialog.
    own = ask(qtbot, window, "Hello!")
    header.button.click()
    dialog = window.chat_controls.chat_dialog
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    form.set_own("system_prompt", OWN_PROMPT)
    form.set_own("temperature", 0.35)
    dialog.accept()
    assert header.settings.text() == f"Custom settings · “{OWN_PROMPT}”"
    assert ask(qtbot, window, "What colour is the sky?") == own

    # A new chat follows the defaults.
    window.sidebar.new_button.click()
    assert header.settings.text() == "Default settings"
    plain = ask(qtbot, window, "What colour is grass?")
    assert plain != own

    before, after = replies(app_paths, own)
    assert before.generation_settings is not None and after.generation_settings is not None
    assert before.generation_settings["system_prompt"] == DEFAULT_PROMPT
    assert (after.generation_settings["system_prompt"],
            after.generation_settings["temperature"]) == (OWN_PROMPT, 0.35)
    (other,) = replies(app_paths, plain)
    assert other.generation_settings is not None
    assert (other.generation_settings["system_prompt"],
            other.generation_settings["temperature"]) == (DEFAULT_PROMPT, 0.0)

    # Back in the first chat, the header says what it uses again.
    window.sidebar.selected.emit(own)
    qtbot.waitUntil(lambda: header.settings.text().startswith("Custom settings"))


def test_a_preset_made_in_the_manager_starts_a_chat(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path) -> None:
    window = open_window(model_settings(model_path, max_reply_tokens=16))
    wait_loaded(qtbot, window)
    manager = window.chat_controls.open_presets()
    editor = manager.editor(None)
    qtbot.addWidget(editor)
    editor.name.setText("Pirate")
    editor.form.set_own("system_prompt", "Talk like a pirate.")
    editor.accept()
    qtbot.waitUntil(lambda: [p.name for p in window.session.presets] == ["Pirate"])
    assert manager.list.count() == 1
    manager.close()

    menu = window.menu_actions.preset_menu
    window.chat_controls.fill_preset_menu()  # as opening the menu does
    (pirate,) = [a for a in menu.actions() if a.text() == "Pirate"]
    pirate.trigger()
    assert window.chat_header.settings.text() == "Preset: Pirate · “Talk like a pirate.”"
    chat = ask(qtbot, window, "Where is the treasure?")
    (reply,) = replies(app_paths, chat)
    assert reply.generation_settings is not None
    assert reply.generation_settings["system_prompt"] == "Talk like a pirate."
    assert app_paths.presets_file.stat().st_mode & 0o077 == 0
