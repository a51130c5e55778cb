"""Replies from a remote server with the local engine's lifecycle: the real llama-server on
127.0.0.1, real SQLite; socket stand-ins for a server that drops or thinks. And the offline
promise: a chat on the local engine opens no socket while a remote server is configured."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.conversation.chat_settings import (
    RemoteModelRef,
    conversation_remote_model,
    with_remote_model,
)
from chatapp.conversation.questions import save_question
from chatapp.conversation.remote_reply import RemoteReplyRequest, RemoteReplyRunner
from chatapp.conversation.reply_runner import ReplyRequest, ReplyRunner
from chatapp.engine.llama_engine import LlamaEngine
from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.remote.client import RemoteClient
from chatapp.remote.errors import RemoteDroppedError
from chatapp.remote.listing import display_name
from chatapp.remote.servers import ServerStore, servers_file
from chatapp.settings import Settings
from tests.remote_server import (
    SSE_HEAD,
    RunningServer,
    SocketServer,
    llama_server,
    sse_chunk,
)
from tests.unit.conversation.test_reply_runner import Recorder

__all__ = ["llama_server"]  # a fixture, used by name

SETTINGS = Settings(temperature=0.0, max_reply_tokens=40, system_prompt="Be brief.")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def remote(llama_server: RunningServer, app_paths: AppPaths) -> Iterator[RemoteClient]:
    server = ServerStore(servers_file(app_paths)).add(llama_server.url, "test llama")
    with RemoteClient(server, None) as client:
        yield client


def model_of(client: RemoteClient) -> RemoteModelRef:
    return RemoteModelRef(client.server.id, client.list_models()[0])


def ask_remote(store: HistoryStore, client: RemoteClient, recorder: Recorder,
               conversation_id: int | None, text: str, *, settings: Settings = SETTINGS,
               stop: threading.Event | None = None) -> int:
    ref = model_of(client)
    saved = save_question(store, conversation_id, text,
                          settings=with_remote_model(None, ref))
    RemoteReplyRunner(store).run(
        client, RemoteReplyRequest(saved.conversation.id, ref, settings, 1), recorder,
        (stop or threading.Event()).is_set)
    return saved.conversation.id


def test_a_remote_reply_is_saved_as_it_streams_and_finalized(remote: RemoteClient,
                                                             db: Path) -> None:
    store = HistoryStore(db)
    recorder = Recorder(db)
    conversation = ask_remote(store, remote, recorder, None, "What is the capital of France?")
    assert recorder.events == ["started", "finished"]
    assert recorder.saved_before_reply[0].content == "What is the capital of France?"
    assert recorder.saved_before_reply[-1].state == "streaming"  # the row, before a word
    final = recorder.final
    assert final is not None and final.state == "complete"
    assert final.content == recorder.text and final.content.strip()
    assert final.model_file == f"{display_name(model_of(remote).model)} @ {remote.host}"
    assert final.generation_settings is not None
    assert final.generation_settings["remote_server"] == remote.server.base_url
    assert final.generation_settings["seed"] == 1
    stats = recorder.stats
    assert stats is not None and stats.prompt_tokens > 0
    assert final.generated_tokens == stats.generated_tokens > 0
    assert final.ttft_s is not None
    assert conversation_remote_model(store.get_conversation(conversation)) == model_of(remote)
    # A follow-up sends the turns so far: the prompt grows by more than the question.
    first_prompt = stats.prompt_tokens
    follow = Recorder(db)
    ask_remote(store, remote, follow, conversation, "And of Italy?")
    assert follow.stats is not None
    assert follow.stats.prompt_tokens > first_prompt + final.generated_tokens
    assert [m.role for m in store.list_messages(conversation)] == \
        ["user", "assistant", "user", "assistant"]


def test_stop_keeps_the_partial_reply_in_the_history(remote: RemoteClient, db: Path) -> None:
    store = HistoryStore(db)
    stop = threading.Event()

    class Stopper(Recorder):
        def reply_text(self, text: str) -> None:
            super().reply_text(text)
            if len(self.pieces) == 3:
                stop.set()

    recorder = Stopper(db)
    conversation = ask_remote(store, remote, recorder, None, "Tell me a long story.",
                              settings=Settings(max_reply_tokens=300), stop=stop)
    final = recorder.final
    assert recorder.events == ["started", "finished"]
    assert final is not None and final.state == "stopped" and final.stop_reason == "stopped"
    assert final.content == recorder.text and len(recorder.pieces) >= 3
    with HistoryStore(db) as reader:
        assert reader.list_messages(conversation)[-1].content == recorder.text


def test_regenerate_writes_a_sibling_and_continue_writes_on(remote: RemoteClient,
                                                            db: Path) -> None:
    store = HistoryStore(db)
    short = Settings(temperature=0.0, max_reply_tokens=6)
    first = Recorder(db)
    conversation = ask_remote(store, remote, first, None, "Count from one to twenty.",
                              settings=short)
    assert first.final is not None and first.final.stop_reason == "length"
    ref = model_of(remote)
    runner = RemoteReplyRunner(store)
    again = Recorder(db)
    runner.run(remote, RemoteReplyRequest(conversation, ref, SETTINGS, 2, regenerate=True),
               again, lambda: False)
    assert again.final is not None and again.final.id != first.final.id
    question = store.list_messages(conversation)[0]
    assert store.siblings(conversation)[again.final.id] == (first.final.id, again.final.id)
    assert again.final.parent_id == first.final.parent_id == question.id
    # Back on the cut reply's branch, continue it: the same row, written on.
    store.set_active_leaf(conversation, first.final.id)
    more = Recorder(db)
    runner.run(remote, RemoteReplyRequest(conversation, ref, short, 1, continue_reply=True),
               more, lambda: False)
    assert more.final is not None and more.final.id == first.final.id
    assert more.final.content == first.final.content + more.text and more.text
    assert more.final.generated_tokens is not None and first.final.generated_tokens is not None
    assert more.final.generated_tokens > first.final.generated_tokens


def test_a_server_that_drops_mid_reply_leaves_the_partial_reply_as_an_error(
        db: Path, app_paths: AppPaths) -> None:
    def respond(connection: socket.socket, request: bytes) -> None:
        if request.startswith(b"GET"):
            body = b'{"object":"list","data":[{"id":"stand-in"}]}'
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                               + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            return
        connection.sendall(SSE_HEAD + sse_chunk(reasoning="Hmm.") + sse_chunk("Half a "))
        connection.close()

    store = HistoryStore(db)
    with SocketServer(respond) as stand_in:
        server = ServerStore(servers_file(app_paths)).add(stand_in.url)
        with RemoteClient(server, None) as client:
            recorder = Recorder(db)
            conversation = ask_remote(store, client, recorder, None, "Hello?")
    assert recorder.events == ["started", "thought", "failed"]
    assert isinstance(recorder.error, RemoteDroppedError)
    final = recorder.final
    assert final is not None and final.state == "error"
    assert final.content == "Half a " and final.reasoning == "Hmm."
    assert final.error is not None and stand_in.url.split("//")[1] in final.error
    assert store.list_messages(conversation)[-1].id == final.id


class SocketWatch:
    """Every socket created or connected while on, seen through the audit hooks."""

    def __init__(self) -> None:
        self.on = False
        self.events: list[str] = []
        sys.addaudithook(self._hook)  # stays for the process: it records only while on

    def _hook(self, event: str, args: tuple[object, ...]) -> None:
        if self.on and event in ("socket.__new__", "socket.connect"):
            self.events.append(f"{event} {args[1:]!r}")


def test_a_local_chat_opens_no_socket_while_a_remote_server_is_configured(
        engine: LlamaEngine, remote: RemoteClient, db: Path) -> None:
    store = HistoryStore(db)
    remote_chat = save_question(store, None, "Remote?",
                                settings=with_remote_model(None, model_of(remote)))
    local = save_question(store, None, "What is the capital of France?")
    assert conversation_remote_model(remote_chat.conversation) is not None
    chosen = conversation_remote_model(store.get_conversation(local.conversation.id))
    assert chosen is None  # the engine worker's choice: the local engine
    watch = SocketWatch()
    watch.on = True
    try:
        recorder = Recorder(db)
        ReplyRunner(store).run(engine, ReplyRequest(local.conversation.id, False, SETTINGS, 1),
                               recorder, lambda: False)
        local_events = list(watch.events)
        # The hook does see a request to the remote server, so the silence above is real.
        remote.list_models()
        remote_events = watch.events[len(local_events):]
    finally:
        watch.on = False
    assert recorder.final is not None and recorder.final.state == "complete"
    assert local_events == []
    assert any(event.startswith("socket.connect") for event in remote_events)
