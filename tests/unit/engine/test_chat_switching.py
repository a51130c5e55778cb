"""Going back to a chat restores its saved KV state (real llama.cpp, real SmolLM2).

The proof that a restored state is right: the reply after a switch equals, token for
token, the reply of an engine that never left the chat (the same evaluations in the same
order, so the same numbers), and only the new tokens are evaluated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.kv_state_store import SUFFIX, KvStateStore
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine, LoadSettings, Sampling
from chatapp.vocabulary import KvCacheType

GREEDY = Sampling(temperature=0.0, max_tokens=24)
SETTINGS = LoadSettings(context_length=2048, threads=2, threads_batch=2, batch_size=256)
SHA = "0" * 64  # the store's key needs the model's sha256; any fixed value serves here

STORY_A = ("Here are my notes on the garden. " + "The tomatoes grow by the south wall, "
           "the beans climb the fence, and the herbs sit in pots near the door. " * 12)
STORY_B = ("Here is my plan for the trip. " + "We leave on Monday by train, stop two "
           "nights in the mountains, then take the ferry across the lake. " * 12)


def message(role: str, text: str) -> ChatMessage:
    return ChatMessage(role, text)  # type: ignore[arg-type]


def reply(engine: LlamaEngine, messages: list[ChatMessage]) -> tuple[str, GenerationStats]:
    pieces: list[str] = []
    stats = engine.generate(engine.tokenize_chat(messages), GREEDY, pieces.append,
                            lambda: False)
    return "".join(pieces), stats


@dataclass(frozen=True)
class Expected:
    first: str
    second: str
    second_stats: GenerationStats


@pytest.fixture(scope="module")
def expected(model_path: Path) -> Expected:
    """Chat A's two turns on an engine without a store, which never leaves the chat."""
    engine = LlamaEngine(model_path, SETTINGS)
    try:
        first, _ = reply(engine, chat_a())
        second, stats = reply(engine, chat_a(first))
    finally:
        engine.close()
    assert stats.evaluated_prompt_tokens < stats.prompt_tokens // 4  # a follow-up
    return Expected(first, second, stats)


def new_engine(model_path: Path, folder: Path) -> LlamaEngine:
    engine = LlamaEngine(model_path, SETTINGS)
    engine.use_state_store(KvStateStore(folder, engine.state_key(SHA),
                                        memory_budget=256 * 1024 * 1024))
    return engine


def chat_a(first_reply: str | None = None) -> list[ChatMessage]:
    messages = [message("user", STORY_A + "Where do the beans grow?")]
    if first_reply is not None:
        messages += [message("assistant", first_reply), message("user", "And the herbs?")]
    return messages


def chat_b() -> list[ChatMessage]:
    return [message("user", STORY_B + "How do we cross the lake?")]


@pytest.mark.parametrize("remember", [True, False], ids=["kept-after-reply", "kept-at-switch"])
def test_coming_back_to_a_chat_evaluates_only_the_new_tokens(
        model_path: Path, expected: Expected, tmp_path: Path, remember: bool) -> None:
    engine = new_engine(model_path, tmp_path)

    def answer(messages: list[ChatMessage]) -> tuple[str, GenerationStats]:
        text, stats = reply(engine, messages)
        if remember:  # as the engine thread does after each reply
            engine.remember_state()
        return text, stats

    try:
        first, _ = answer(chat_a())
        assert first == expected.first
        _, other = answer(chat_b())  # another chat: A's state goes to the store
        # B shares the system prompt's markup with A, no more.
        assert other.evaluated_prompt_tokens > other.prompt_tokens - 40
        second, stats = answer(chat_a(first))
        assert stats.prompt_tokens == expected.second_stats.prompt_tokens
        assert stats.evaluated_prompt_tokens == expected.second_stats.evaluated_prompt_tokens
        assert second == expected.second
        # And back to B: its state was kept when A came back.
        _, again = answer(chat_b())
        assert again.evaluated_prompt_tokens == 1  # only the last token, for its logits
    finally:
        engine.close()


def test_after_a_restart_the_last_chat_resumes_from_disk(
        model_path: Path, expected: Expected, tmp_path: Path) -> None:

    engine = new_engine(model_path, tmp_path)
    first, _ = reply(engine, chat_a())
    engine.close(keep_state=True)  # quit
    assert len(list(tmp_path.glob(f"*/*{SUFFIX}"))) == 1

    restarted = new_engine(model_path, tmp_path)
    try:
        second, stats = reply(restarted, chat_a(first))
        assert stats.evaluated_prompt_tokens == expected.second_stats.evaluated_prompt_tokens
        assert second == expected.second
    finally:
        restarted.close()


def test_a_state_saved_for_another_context_is_not_used(
        model_path: Path, tmp_path: Path) -> None:
    engine = new_engine(model_path, tmp_path)
    first, _ = reply(engine, chat_a())
    engine.close(keep_state=True)
    other = LlamaEngine(model_path, LoadSettings(context_length=1024, threads=2,
                                                  threads_batch=2, batch_size=256))
    try:
        other.use_state_store(KvStateStore(tmp_path, other.state_key(SHA),
                                           memory_budget=256 * 1024 * 1024))
        _, stats = reply(other, chat_a(first))
        assert stats.evaluated_prompt_tokens == stats.prompt_tokens
    finally:
        other.close()


def test_the_state_is_kept_once_after_a_reply(model_path: Path, tmp_path: Path) -> None:
    engine = new_engine(model_path, tmp_path)
    try:
        reply(engine, chat_a())
        engine.remember_state()
        engine.remember_state()  # nothing changed: nothing to do
        store = engine.state_store
        assert store is not None
        [kept] = store.memory_entries()
        assert len(kept) == engine.cached_tokens
    finally:
        engine.close()


def test_a_short_chat_is_not_saved(model_path: Path, tmp_path: Path) -> None:
    engine = new_engine(model_path, tmp_path)
    try:
        reply(engine, [message("user", "Hi")])
        assert not engine.save_state_to_disk()
        assert list(tmp_path.glob(f"*/*{SUFFIX}")) == []
    finally:
        engine.close()


def test_a_quantized_cache_is_restored_as_well(model_path: Path, tmp_path: Path) -> None:
    settings = replace(SETTINGS, kv_cache_type=KvCacheType.Q8_0)
    reference = LlamaEngine(model_path, settings)
    try:
        first, _ = reply(reference, chat_a())
        expected_second, expected_stats = reply(reference, chat_a(first))
    finally:
        reference.close()
    engine = LlamaEngine(model_path, settings)
    try:
        engine.use_state_store(KvStateStore(tmp_path, engine.state_key(SHA),
                                            memory_budget=256 * 1024 * 1024))
        reply(engine, chat_a())
        engine.remember_state()
        reply(engine, chat_b())
        second, stats = reply(engine, chat_a(first))
        assert stats.evaluated_prompt_tokens == expected_stats.evaluated_prompt_tokens
        assert second == expected_second
    finally:
        engine.close()


def test_a_state_over_the_memory_budget_goes_to_disk_only_when_left(
        model_path: Path, tmp_path: Path) -> None:
    engine = LlamaEngine(model_path, SETTINGS)
    try:
        store = KvStateStore(tmp_path, engine.state_key(SHA), memory_budget=1024)
        engine.use_state_store(store)
        first, _ = reply(engine, chat_a())
        engine.remember_state()  # too big for memory: not written to disk after each reply
        assert store.memory_entries() == [] and store.disk_entries() == []
        reply(engine, chat_b())  # A is left: now it is kept, on disk
        assert len(store.disk_entries()) == 1
        _, back = reply(engine, chat_a(first))
        assert back.evaluated_prompt_tokens < back.prompt_tokens // 4
    finally:
        engine.close()
