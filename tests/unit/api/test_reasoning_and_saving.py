"""A reasoning model's thought comes back apart (reasoning_content), and API chats are
saved to the history only when the user turned that on.

The test model does not think: it gets Qwen3's chat template as the user's custom
template, and llama.cpp's grammar sampler makes it write a thought and an answer the
way Qwen3 does (tests/reasoning_grammars.py, as the window's reasoning tests do).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openai
import pytest

from chatapp.api.local_host import LocalHost
from chatapp.api.server import LOCAL_HOST, ApiServer
from chatapp.history.store import HistoryStore
from chatapp.models import template_overrides
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from tests.reasoning_grammars import THINK_TAGS, api_replies_follow
from tests.unit.engine.test_template_corpus import templates_dir

QUESTION = "Why is the sky blue?\nAnswer briefly."


@pytest.fixture
def thinking_client(model_path: Path,
                    tmp_path: Path) -> Iterator[tuple[openai.OpenAI, AppPaths]]:
    paths = AppPaths.portable(tmp_path / "home")
    paths.ensure()
    qwen3 = (templates_dir() / "Qwen-Qwen3-0.6B.jinja").read_text(encoding="utf-8")
    template_overrides.save(model_path, qwen3, paths.chat_templates_dir)
    host = LocalHost(paths, Settings(context_length=2048), model_path, save_chats=True)
    host.start()
    server = ApiServer(host, api_key=None)
    address = server.start(LOCAL_HOST, 0)
    try:
        with api_replies_follow(THINK_TAGS):
            yield openai.OpenAI(base_url=f"{address.url}/v1", api_key="x", max_retries=0,
                                timeout=120), paths
    finally:
        server.stop()
        host.close()


def test_reasoning_comes_apart_and_the_chat_is_saved(
        thinking_client: tuple[openai.OpenAI, AppPaths], model_path: Path) -> None:
    client, paths = thinking_client
    reply = client.chat.completions.create(
        model=model_path.stem, max_tokens=200, seed=4,
        messages=[{"role": "system", "content": "You are terse."},
                  {"role": "user", "content": QUESTION}])
    message = reply.choices[0].message
    reasoning = getattr(message, "reasoning_content", None)
    assert isinstance(reasoning, str) and len(reasoning) >= 20
    assert "<think>" not in reasoning and "</think>" not in reasoning
    assert message.content and message.content[0].isupper() and message.content.endswith(".")
    assert "think>" not in message.content
    # Streamed, the thought comes as reasoning_content deltas before the answer.
    kinds = []
    for chunk in client.chat.completions.create(
            model=model_path.stem, max_tokens=200, seed=4, stream=True,
            messages=[{"role": "user", "content": QUESTION}]):
        delta = chunk.choices[0].delta
        if getattr(delta, "reasoning_content", None):
            kinds.append("reasoning")
        elif delta.content:
            kinds.append("content")
    assert kinds[0] == "reasoning" and kinds[-1] == "content"
    assert kinds == sorted(kinds, key=lambda kind: kind == "content")

    store = HistoryStore(paths.history_db)
    try:
        chats = store.list_conversations()
        assert len(chats) == 2
        first = min(chats, key=lambda chat: chat.id)
        assert first.title == "Why is the sky blue?"
        assert first.system_prompt == "You are terse."
        messages = store.list_messages(first.id)
        assert [(m.role, m.content) for m in messages] == [
            ("user", QUESTION), ("assistant", message.content)]
        assert messages[1].reasoning == reasoning
        assert messages[1].model_file == model_path.name
    finally:
        store.close()
