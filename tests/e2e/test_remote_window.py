"""Remote engines in the real window: a real llama-server (SmolLM2 on 127.0.0.1) added in
Model ▸ Remote servers…, its model chosen in the picker, replies streamed from it into the
history, with Stop, regenerate and a server that dies mid-reply. No local model is loaded:
a remote chat does not need one."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import httpx2
import keyring
import pytest
from keyring.backends import SecretService
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chatapp.api.headless import serving
from chatapp.api.server import LOCAL_HOST
from chatapp.conversation.chat_settings import REMOTE_MODEL, RemoteModelRef
from chatapp.history.store import HistoryStore, Message
from chatapp.models import template_overrides
from chatapp.paths import AppPaths
from chatapp.remote.listing import display_name
from chatapp.remote.servers import ServerStore, servers_file
from chatapp.settings import Settings
from chatapp.ui.composer import ComposerState
from chatapp.ui.main_window import QUIT_BUDGET_S, MainWindow
from chatapp.ui.remote.servers_dialog import RemoteServersDialog
from chatapp.vocabulary import MessageState
from tests.e2e.conftest import (
    OpenWindow,
    model_settings,
    send,
    wait_loaded,
    wait_reply_done,
)
from tests.e2e.test_quit import SLACK_S, close_timed
from tests.reasoning_grammars import THINK_TAGS, api_replies_follow
from tests.remote_server import (
    TEST_API_KEY,
    RunningServer,
    SocketServer,
    llama_server,
    llama_server_with_key,
    start_llama_server,
    stop_llama_server,
)
from tests.secret_service import running_secret_service
from tests.unit.engine.test_template_corpus import templates_dir

__all__ = ["llama_server", "llama_server_with_key"]  # fixtures, used by name

STEP_MS = 60_000  # upper bound for one step against a server on a busy two-core machine
LONG_STORY = "Write a long story about a lighthouse keeper and a storm."


class Served(Protocol):
    @property
    def url(self) -> str: ...
    @property
    def port(self) -> int: ...


def served_models(server: Served) -> list[str]:
    """What the server lists, asked without chatapp's code."""
    key = getattr(server, "api_key", None)
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    with httpx2.Client(trust_env=False, timeout=10.0, headers=headers) as client:
        document = client.get(f"{server.url}/v1/models").json()
    return [entry["id"] for entry in document["data"]]


def add_server(qtbot: QtBot, window: MainWindow, server: Served,
               name: str = "test") -> RemoteServersDialog:
    """Model ▸ Remote servers…: type the address, test it, add it."""
    window.menu_actions.remote_servers.trigger()
    dialog = window.remote_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.address.setText(server.url)
    dialog.name.setText(name)
    assert not dialog.warning.isVisible()  # plain http, but to this computer
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    model = served_models(server)[0]
    qtbot.waitUntil(lambda: model in dialog.outcome.text(), timeout=STEP_MS)
    assert dialog.outcome.text().startswith("The server answers and lists 1 model")
    before = len(window.session.remote.servers)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.servers.count() == before + 1, timeout=STEP_MS)
    assert dialog.outcome.text().startswith(f"Added {name}.")
    assert "not kept" not in dialog.outcome.text()
    dialog.close()
    return dialog


def choose_remote(qtbot: QtBot, window: MainWindow, server: Served) -> RemoteModelRef:
    """Open the picker (which lists the servers' models) and choose the server's model."""
    picker = window.model_picker
    host = f"127.0.0.1:{server.port}"
    picker.showPopup()

    def listed() -> RemoteModelRef | None:
        return next((ref for ref in picker.remote_refs()
                     if window.session.remote.server(ref.server_id) is not None
                     and window.session.remote.server(ref.server_id).host == host  # type: ignore[union-attr]
                     ), None)

    qtbot.waitUntil(lambda: listed() is not None, timeout=STEP_MS)
    picker.hidePopup()
    ref = listed()
    assert ref is not None
    assert picker.itemText(picker.findData(f"remote:{ref.server_id}:{ref.model}")) \
        == f"{display_name(ref.model)} · remote · {host}"  # llama-server names it by its path
    assert picker.choose_remote(ref)
    qtbot.waitUntil(window.chat_header.remote.isVisible, timeout=STEP_MS)
    assert window.chat_header.remote.text() == f"Replies come from {host}"
    assert window.chat_header.model.text() == f"{display_name(ref.model)} (remote)"
    assert window.composer.state is ComposerState.READY  # with no local model at all
    return ref


def stored_branch(paths: AppPaths) -> list[Message]:
    with HistoryStore(paths.history_db) as store:
        chat = store.list_conversations()[0].id
        return store.list_messages(chat)


def test_a_chat_on_a_remote_server(qtbot: QtBot, open_window: OpenWindow,
                                   app_paths: AppPaths, llama_server: RunningServer) -> None:
    window = open_window(Settings(temperature=0.0, max_reply_tokens=24))
    qtbot.waitUntil(lambda: window.session.last_scan is not None, timeout=STEP_MS)
    assert window.session.model is None
    assert window.composer.state is ComposerState.NO_MODEL
    add_server(qtbot, window, llama_server)
    # The Models pane opens the same dialog, with the server in it.
    window.open_models_pane()
    qtbot.waitUntil(lambda: window.models_pane is not None, timeout=STEP_MS)
    assert window.models_pane is not None and window.remote_dialog is not None
    qtbot.mouseClick(window.models_pane.remote_servers, Qt.MouseButton.LeftButton)
    assert window.remote_dialog.isVisible() and window.remote_dialog.servers.count() == 1
    window.remote_dialog.close()
    window.models_pane.close()
    ref = choose_remote(qtbot, window, llama_server)
    host = f"127.0.0.1:{llama_server.port}"

    send(qtbot, window, "What is the capital of France?")
    qtbot.waitUntil(lambda: window.session.turn is not None, timeout=STEP_MS)
    wait_reply_done(qtbot, window)
    messages = stored_branch(app_paths)
    reply = messages[-1]
    assert [m.role for m in messages] == ["user", "assistant"]
    assert reply.state == MessageState.COMPLETE and reply.content.strip()
    assert reply.model_file == f"{display_name(ref.model)} @ {host}"
    shown = window.view.messages[-1]
    assert shown.text == reply.content
    stats = shown.stats_label.text()
    assert "tokens/s" in stats and "first token" in stats and host in stats
    assert window.status.context.text() == "Context: on the server"
    assert window.chat_header.remote.text() == f"Replies come from {host}"
    with HistoryStore(app_paths.history_db) as store:
        chat = store.list_conversations()[0]
    assert chat.settings is not None
    assert chat.settings[REMOTE_MODEL] == {"server_id": ref.server_id, "model": ref.model}

    # Regenerate: a second reply from the server beside the first.
    window.view.regenerate_requested.emit()
    qtbot.waitUntil(lambda: window.session.turn is not None, timeout=STEP_MS)
    wait_reply_done(qtbot, window)
    # Read afresh each time: showing the branch again replaces the message widgets.
    qtbot.waitUntil(lambda: bool(window.view.messages[-1].switcher.isVisible()),
                    timeout=STEP_MS)
    assert window.view.messages[-1].switcher.label.text() == "2/2"
    assert stored_branch(app_paths)[-1].id != reply.id

    # A reply cut at the length limit is continued in place, by the server.
    send(qtbot, window, LONG_STORY)
    qtbot.waitUntil(lambda: window.session.turn is not None, timeout=STEP_MS)
    wait_reply_done(qtbot, window)
    cut = stored_branch(app_paths)[-1]
    assert cut.stop_reason == "length"
    continue_button = window.view.messages[-1].continue_button
    assert continue_button.isVisible()
    qtbot.mouseClick(continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.turn is not None, timeout=STEP_MS)
    wait_reply_done(qtbot, window)
    continued = stored_branch(app_paths)[-1]
    assert continued.id == cut.id and continued.content.startswith(cut.content)
    assert len(continued.content) > len(cut.content)
    assert window.view.messages[-1].text == continued.content

    # Stop mid-reply keeps what was written.
    window.session.apply_settings(Settings(temperature=0.0, max_reply_tokens=400))
    send(qtbot, window, LONG_STORY)
    qtbot.waitUntil(lambda: window.session.turn is not None
                    and len("".join(window.session.turn.streamed)) > 20, timeout=STEP_MS)
    qtbot.mouseClick(window.composer.stop_button, Qt.MouseButton.LeftButton)
    wait_reply_done(qtbot, window)
    stopped = stored_branch(app_paths)[-1]
    assert stopped.state == MessageState.STOPPED
    assert len(stopped.content) > 20 and window.view.messages[-1].text == stopped.content
    assert "Stopped" in window.view.messages[-1].stats_label.text()

    # Choosing a local model's entry again would clear it; a new chat stays local.
    window.session.new_conversation()
    assert not window.chat_header.remote.isVisible()
    assert window.composer.state is ComposerState.NO_MODEL


def test_a_server_that_dies_mid_reply_keeps_the_partial_reply(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path,
        tmp_path: Path) -> None:
    server = start_llama_server(model_path, tmp_path / "dying-server.log")
    try:
        window = open_window(Settings(temperature=0.0, max_reply_tokens=400))
        qtbot.waitUntil(lambda: window.session.last_scan is not None, timeout=STEP_MS)
        add_server(qtbot, window, server)
        choose_remote(qtbot, window, server)
        send(qtbot, window, LONG_STORY)
        qtbot.waitUntil(lambda: window.session.turn is not None
                        and len("".join(window.session.turn.streamed)) > 20,
                        timeout=STEP_MS)
        server.process.kill()
        wait_reply_done(qtbot, window)
    finally:
        stop_llama_server(server.process)
    failed = stored_branch(app_paths)[-1]
    host = f"127.0.0.1:{server.port}"
    assert failed.state == MessageState.ERROR and failed.error is not None
    assert host in failed.error and "kept" in failed.error
    assert len(failed.content) > 20
    shown = window.view.messages[-1]
    assert shown.text == failed.content
    assert shown.error_label.isVisible() and host in shown.error_label.text()

    # The picker lists the dead server as one that cannot be reached, not as empty.
    picker = window.model_picker
    picker.showPopup()
    note = f"test · remote · {host}: cannot be reached"
    qtbot.waitUntil(lambda: picker.findText(note) >= 0, timeout=STEP_MS)
    picker.hidePopup()


@pytest.fixture
def chatapp_api_server(model_path: Path, tmp_path: Path) -> Iterator[Served]:
    """chatapp's own API server (chatapp.api) with SmolLM2, in this process on 127.0.0.1."""
    paths = AppPaths.portable(tmp_path / "api-home")
    paths.ensure()
    with serving(paths, Settings(context_length=2048), model=model_path, host=LOCAL_HOST,
                 port=0, api_key=None) as address:
        yield address


def test_chatapps_own_api_server_as_a_second_remote(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths,
        llama_server: RunningServer, chatapp_api_server: Served) -> None:
    window = open_window(Settings(temperature=0.0, max_reply_tokens=24))
    qtbot.waitUntil(lambda: window.session.last_scan is not None, timeout=STEP_MS)
    add_server(qtbot, window, llama_server, "llama-server")
    add_server(qtbot, window, chatapp_api_server, "chatapp")
    ref = choose_remote(qtbot, window, chatapp_api_server)
    host = f"127.0.0.1:{chatapp_api_server.port}"
    # Both servers' models are in the picker, each marked with its own host.
    texts = [window.model_picker.itemText(i) for i in range(window.model_picker.count())]
    assert any(t.endswith(f"· remote · 127.0.0.1:{llama_server.port}") for t in texts)
    assert f"{display_name(ref.model)} · remote · {host}" in texts

    send(qtbot, window, "Name a colour.")
    qtbot.waitUntil(lambda: window.session.turn is not None, timeout=STEP_MS)
    wait_reply_done(qtbot, window)
    reply = stored_branch(app_paths)[-1]
    assert reply.state == MessageState.COMPLETE and reply.content.strip()
    assert reply.model_file == f"{display_name(ref.model)} @ {host}"
    assert reply.generated_tokens is not None and reply.generated_tokens > 0
    assert window.view.messages[-1].text == reply.content
    assert window.chat_header.remote.text() == f"Replies come from {host}"


def test_a_local_chat_stays_offline_with_a_server_configured(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path) -> None:
    """The servers are asked only when the user opens the picker: starting the app and a
    chat on the local engine send them nothing."""
    asked: list[bytes] = []
    heard = threading.Event()

    def respond(connection: socket.socket, request: bytes) -> None:
        asked.append(request)
        body = b'{"object": "list", "data": [{"id": "stand-in", "object": "model"}]}'
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                           b"Content-Length: " + str(len(body)).encode() + b"\r\n"
                           b"Connection: close\r\n\r\n" + body)
        connection.close()
        heard.set()

    with SocketServer(respond) as stand_in:
        ServerStore(servers_file(app_paths)).add(stand_in.url, "stand-in")
        window = open_window(model_settings(model_path, max_reply_tokens=8))
        wait_loaded(qtbot, window)
        qtbot.waitUntil(lambda: window.session.remote.loaded, timeout=STEP_MS)
        send(qtbot, window, "Hello!")
        qtbot.waitUntil(lambda: window.session.turn is not None, timeout=STEP_MS)
        wait_reply_done(qtbot, window)
        assert stored_branch(app_paths)[-1].state == MessageState.COMPLETE
        assert asked == []

        # Opening the picker is asking: the server is listed, with its model.
        window.model_picker.showPopup()
        qtbot.waitUntil(lambda: window.model_picker.findText(
            f"stand-in · remote · 127.0.0.1:{stand_in.port}") >= 0, timeout=STEP_MS)
        window.model_picker.hidePopup()
        assert heard.is_set() and asked[0].startswith(b"GET /v1/models ")

        # Choosing the remote model moves the chat there; the loaded model file, chosen
        # again, brings it back to this computer (the model stays loaded as it was).
        picker = window.model_picker
        chat = window.session.current
        assert chat is not None
        assert picker.choose_remote(picker.remote_refs()[0])
        qtbot.waitUntil(window.chat_header.remote.isVisible, timeout=STEP_MS)
        assert window.session.chat_remote(chat) is not None
        loaded = window.session.model
        picker.activated.emit(picker.findText(model_path.name))
        qtbot.waitUntil(lambda: not window.chat_header.remote.isVisible(), timeout=STEP_MS)
        assert window.session.chat_remote(chat) is None
        assert window.session.model is loaded and window.session.loading_path is None
        assert picker.currentText() == model_path.name
        qtbot.waitUntil(lambda: not window.session.busy, timeout=STEP_MS)
        with HistoryStore(app_paths.history_db) as store:
            assert REMOTE_MODEL not in (store.get_conversation(chat).settings or {})


def test_a_server_with_an_api_key_kept_in_the_keyring(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, tmp_path: Path,
        llama_server_with_key: RunningServer) -> None:
    server = llama_server_with_key
    host = f"127.0.0.1:{server.port}"
    original = keyring.get_keyring()
    try:
        with running_secret_service(tmp_path / "keyring"):
            # keyring picks its backend once per process, maybe before this bus existed.
            keyring.set_keyring(SecretService.Keyring())
            window = open_window(Settings(temperature=0.0, max_reply_tokens=16))
            qtbot.waitUntil(lambda: window.session.last_scan is not None, timeout=STEP_MS)
            window.menu_actions.remote_servers.trigger()
            dialog = window.remote_dialog
            assert dialog is not None
            dialog.address.setText(server.url)
            # Without the key the server refuses, and the dialog says so.
            qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: "refused the API key" in dialog.outcome.text(),
                            timeout=STEP_MS)
            assert host in dialog.outcome.text()
            dialog.api_key.setText(TEST_API_KEY)
            add_server(qtbot, window, server, "keyed")
            saved = servers_file(app_paths).read_text(encoding="utf-8")
            assert TEST_API_KEY not in saved
            ref = choose_remote(qtbot, window, server)  # listed with the key from the keyring
            send(qtbot, window, "Name a colour.")
            qtbot.waitUntil(lambda: window.session.turn is not None, timeout=STEP_MS)
            wait_reply_done(qtbot, window)
            window.close()  # before the keyring goes
    finally:
        keyring.set_keyring(original)
    reply = stored_branch(app_paths)[-1]
    assert reply.state == MessageState.COMPLETE and reply.content.strip()
    assert reply.model_file == f"{display_name(ref.model)} @ {host}"


def test_quit_during_a_remote_reply_keeps_it_as_stopped(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths,
        llama_server: RunningServer) -> None:
    window = open_window(Settings(temperature=0.0, max_reply_tokens=1000))
    qtbot.waitUntil(lambda: window.session.last_scan is not None, timeout=STEP_MS)
    add_server(qtbot, window, llama_server)
    choose_remote(qtbot, window, llama_server)
    send(qtbot, window, LONG_STORY)
    qtbot.waitUntil(lambda: window.session.turn is not None
                    and len("".join(window.session.turn.streamed)) > 20, timeout=STEP_MS)
    streamed = "".join(window.session.turn.streamed) if window.session.turn else ""
    assert close_timed(window) < QUIT_BUDGET_S + SLACK_S
    reply = stored_branch(app_paths)[-1]
    assert reply.state == MessageState.STOPPED and reply.content.startswith(streamed)


@pytest.fixture
def thinking_api_server(model_path: Path, tmp_path: Path) -> Iterator[Served]:
    """chatapp's API server whose model thinks as Qwen3 does: SmolLM2 with Qwen3's
    template and a grammar that makes it write a thought, then an answer (as the API
    tests make it); the thought is sent apart as reasoning_content."""
    paths = AppPaths.portable(tmp_path / "thinking-home")
    paths.ensure()
    qwen3 = (templates_dir() / "Qwen-Qwen3-0.6B.jinja").read_text(encoding="utf-8")
    template_overrides.save(model_path, qwen3, paths.chat_templates_dir)
    with serving(paths, Settings(context_length=2048), model=model_path, host=LOCAL_HOST,
                 port=0, api_key=None) as address, api_replies_follow(THINK_TAGS):
        yield address


def test_a_remote_servers_thought_is_shown_apart(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths,
        thinking_api_server: Served) -> None:
    window = open_window(Settings(temperature=0.0, max_reply_tokens=200))
    qtbot.waitUntil(lambda: window.session.last_scan is not None, timeout=STEP_MS)
    add_server(qtbot, window, thinking_api_server)
    choose_remote(qtbot, window, thinking_api_server)
    send(qtbot, window, "Why is the sky blue? Answer briefly.")
    qtbot.waitUntil(lambda: window.session.turn is not None, timeout=STEP_MS)
    wait_reply_done(qtbot, window)
    stored = stored_branch(app_paths)[-1]
    assert stored.state == MessageState.COMPLETE
    assert stored.reasoning and len(stored.reasoning) >= 20 and stored.content
    reply = window.view.messages[-1]
    block = reply.thinking
    assert block is not None and not block.is_live
    assert block.header_text().startswith("Thought for ")
    assert block.text == stored.reasoning
    assert reply.text == stored.content and "think>" not in reply.text
