"""The API server in the window: turned on in Settings, answering an openai client from
the window's own engine while the status line says so."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import keyring
import openai
import pytest
from keyring.backends import SecretService
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chatapp.secrets import api_server_key
from chatapp.settings import Settings
from chatapp.ui.settings_dialog import SettingsDialog
from tests.e2e.conftest import (
    REPLY_TIMEOUT_MS,
    OpenWindow,
    model_settings,
    send,
    wait_loaded,
    wait_reply_done,
)
from tests.secret_service import running_secret_service


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def settings_dialog() -> SettingsDialog:
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, SettingsDialog) and w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_the_server_is_turned_on_in_settings_and_answers(
        qtbot: QtBot, open_window: OpenWindow, model_path: Path) -> None:
    window = open_window(model_settings(model_path))
    status = window.status.api
    assert window.api.address is None and status.isHidden()  # off by default
    wait_loaded(qtbot, window)

    port = free_port()
    window.open_settings()
    dialog = settings_dialog()
    section = dialog.api_section
    section.enabled.setChecked(True)
    section.port.setValue(port)
    assert section.address.text() == f"http://127.0.0.1:{port}/v1"
    assert section.network_warning.isHidden()
    section.allow_network.setChecked(True)
    assert section.network_warning.isVisible()
    assert "without a key" in section.network_warning.text()
    section.allow_network.setChecked(False)
    section.save_chats.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: window.api.address is not None)
    assert window.session.settings.api_server_enabled
    assert status.text() == f"API on http://127.0.0.1:{port}"

    client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="x",
                           max_retries=0, timeout=300)
    assert [m.id for m in client.models.list()] == [model_path.stem]
    # A long reply (the grammar asks for at least 40 numbers), so the status line has
    # time to show it being answered.
    schema = {"type": "array", "items": {"type": "integer"}, "minItems": 40}
    answer: list[str] = []
    failures: list[openai.OpenAIError] = []

    def ask() -> None:
        try:
            stream = client.chat.completions.create(
                model=model_path.stem, max_tokens=200, stream=True,
                messages=[{"role": "user", "content": "Some numbers, please."}],
                response_format={"type": "json_schema",
                                 "json_schema": {"name": "numbers", "schema": schema}})
            answer.extend(c.choices[0].delta.content or "" for c in stream)
        except openai.OpenAIError as error:
            failures.append(error)

    asking = threading.Thread(target=ask)
    asking.start()
    qtbot.waitUntil(lambda: status.text() == "API: answering 1 request",
                    timeout=REPLY_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not asking.is_alive(), timeout=REPLY_TIMEOUT_MS)
    asking.join()
    assert not failures
    assert "".join(answer).startswith("[")
    # Saved as an ordinary chat, and listed without reopening the window.
    qtbot.waitUntil(lambda: [c.title for c in window.session.conversations]
                    == ["Some numbers, please."])
    qtbot.waitUntil(lambda: status.text() == f"API on http://127.0.0.1:{port}")

    # Off again: nothing listens on the port.
    window.open_settings()
    dialog = settings_dialog()
    dialog.api_section.enabled.setChecked(False)
    dialog.accept()
    qtbot.waitUntil(lambda: window.api.address is None)
    assert status.isHidden()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=30).close()


def test_without_a_model_a_request_is_told_so(qtbot: QtBot, open_window: OpenWindow) -> None:
    port = free_port()
    window = open_window(Settings(api_server_enabled=True, api_port=port))
    qtbot.waitUntil(lambda: window.api.address is not None)
    client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="x",
                           max_retries=0, timeout=120)
    assert list(client.models.list()) == []
    with pytest.raises(openai.InternalServerError) as raised:
        client.chat.completions.create(model="anything", max_tokens=4,
                                       messages=[{"role": "user", "content": "Hi"}])
    assert raised.value.status_code == 503
    assert raised.value.code == "model_not_loaded"


def test_a_key_made_in_settings_is_kept_in_the_keyring_and_required(
        qtbot: QtBot, open_window: OpenWindow, tmp_path: Path) -> None:
    original = keyring.get_keyring()
    with running_secret_service(tmp_path / "keyring"):
        keyring.set_keyring(SecretService.Keyring())
        try:
            port = free_port()
            window = open_window(Settings())
            window.open_settings()
            dialog = settings_dialog()
            dialog.api_section.enabled.setChecked(True)
            dialog.api_section.port.setValue(port)
            dialog.api_section.require_key.setChecked(True)
            key = dialog.api_section.key.text()
            assert key.startswith("sk-chatapp-")
            dialog.accept()
            qtbot.waitUntil(lambda: window.api.address is not None, timeout=60_000)
            assert window.session.settings.api_require_key
            assert api_server_key.get_key(timeout=10) == key
            base = f"http://127.0.0.1:{port}/v1"
            assert list(openai.OpenAI(base_url=base, api_key=key, max_retries=0)
                        .models.list()) == []  # no model loaded, but let in
            with pytest.raises(openai.AuthenticationError):
                openai.OpenAI(base_url=base, api_key="guess", max_retries=0).models.list()

            # The key no longer required: deleted, and the server lets anyone in.
            window.open_settings()
            dialog = settings_dialog()
            dialog.api_section.require_key.setChecked(False)
            dialog.accept()
            qtbot.waitUntil(lambda: not window.session.settings.api_require_key
                            and window.api.address is not None, timeout=60_000)
            assert api_server_key.get_key(timeout=10) is None
            assert list(openai.OpenAI(base_url=base, api_key="guess", max_retries=0)
                        .models.list()) == []
        finally:
            keyring.set_keyring(original)


def test_the_users_turn_waits_for_the_api_request_before_it(
        qtbot: QtBot, open_window: OpenWindow, model_path: Path) -> None:
    port = free_port()
    window = open_window(model_settings(model_path, api_server_enabled=True, api_port=port,
                                        api_save_chats=True))
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.api.address is not None)
    # Recorded on the engine thread itself, in the order the work was done there.
    order: list[str] = []
    window.session.engine.worker.reply_started.connect(
        lambda *_args: order.append("user's reply"), Qt.ConnectionType.DirectConnection)
    window.api.chat_saved.connect(lambda _chat: order.append("API answer"),
                                  Qt.ConnectionType.DirectConnection)
    # Long enough (at least 60 numbers) to be still being written when the user sends.
    schema = {"type": "array", "items": {"type": "integer"}, "minItems": 60}
    generating = threading.Event()
    answer: list[str] = []

    def ask() -> None:
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="x",
                               max_retries=0, timeout=300)
        for chunk in client.chat.completions.create(
                model=model_path.stem, max_tokens=300, stream=True,
                messages=[{"role": "user", "content": "Numbers."}],
                response_format={"type": "json_schema",
                                 "json_schema": {"name": "n", "schema": schema}}):
            if chunk.choices and chunk.choices[0].delta.content:
                generating.set()
                answer.append(chunk.choices[0].delta.content)

    asking = threading.Thread(target=ask)
    asking.start()
    qtbot.waitUntil(generating.is_set, timeout=REPLY_TIMEOUT_MS)
    order.append("user sent")
    send(qtbot, window, "Hello")  # while the API's answer is being written
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(lambda: not asking.is_alive(), timeout=REPLY_TIMEOUT_MS)
    assert order == ["user sent", "API answer", "user's reply"]
    assert "".join(answer).startswith("[")
    # The user's question got its answer, in its own chat.
    assert any(c.title == "Hello" for c in window.session.conversations)
