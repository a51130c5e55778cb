"""``chatapp serve``'s core: run_server loads the model, serves until told to stop."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import openai
import pytest

from chatapp.api.headless import run_server
from chatapp.api.server import LOCAL_HOST, ApiServerError
from chatapp.engine.errors import ModelLoadError
from chatapp.errors import UserFacingError
from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.settings import Settings


def test_serves_until_stopped(app_paths: AppPaths, model_path: Path) -> None:
    stop = threading.Event()
    ready: list[str] = []
    errors: list[UserFacingError] = []
    announced = threading.Event()

    def on_ready(url: str) -> None:
        ready.append(url)
        announced.set()

    def serve() -> None:
        try:
            run_server(app_paths, Settings(context_length=1024, api_save_chats=True),
                       model=model_path, host=LOCAL_HOST, port=0, api_key="sk-serve-test",
                       stop=stop, on_ready=on_ready)
        except UserFacingError as error:  # reported below
            errors.append(error)
            announced.set()

    thread = threading.Thread(target=serve)
    thread.start()
    try:
        assert announced.wait(300)
        assert not errors
        url = ready[0]
        assert url.startswith("http://127.0.0.1:")
        client = openai.OpenAI(base_url=f"{url}/v1", api_key="sk-serve-test", max_retries=0,
                               timeout=120)
        reply = client.chat.completions.create(
            model=model_path.stem, max_tokens=3,
            messages=[{"role": "user", "content": "Hello there"}])
        assert reply.usage is not None and reply.usage.completion_tokens == 3
    finally:
        stop.set()
        thread.join(120)
    assert not thread.is_alive()
    # Nothing listens any more, and the chat was saved (api_save_chats).
    port = int(url.rsplit(":", 1)[1])
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((LOCAL_HOST, port), timeout=30).close()
    store = HistoryStore(app_paths.history_db)
    try:
        assert [c.title for c in store.list_conversations()] == ["Hello there"]
    finally:
        store.close()


def test_a_port_in_use_or_a_bad_model_is_a_user_facing_error(
        app_paths: AppPaths, model_path: Path, tmp_path: Path) -> None:
    never = threading.Event()
    with socket.socket() as taken:
        taken.bind((LOCAL_HOST, 0))
        taken.listen()
        with pytest.raises(ApiServerError, match="already in use"):
            run_server(app_paths, Settings(context_length=512), model=model_path,
                       host=LOCAL_HOST, port=taken.getsockname()[1], api_key=None,
                       stop=never, on_ready=lambda _url: None)
    missing = tmp_path / "missing.gguf"
    with pytest.raises(ModelLoadError, match="does not exist"):
        run_server(app_paths, Settings(), model=missing, host=LOCAL_HOST, port=0,
                   api_key=None, stop=never, on_ready=lambda _url: None)
