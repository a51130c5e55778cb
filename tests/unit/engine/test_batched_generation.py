"""Batched generation with the real SmolLM2 model: several rows in one llama.cpp context."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from chatapp.engine.batched_generation import BatchedGenerator, BatchReply, BatchRequest
from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings, Sampling
from chatapp.vocabulary import KvCacheType

GREEDY = Sampling(temperature=0.0, max_tokens=20)
QUESTIONS = ["What is the capital of France?", "Name three colors.", "What is 2+2?",
             "Who wrote Hamlet?", "Say hello in Spanish.", "Name a large animal."]


@pytest.fixture(scope="module")
def engine(model_path: Path) -> Iterator[LlamaEngine]:
    # One thread: the test machine's cores are shared, and spinning threads that wait
    # for a core make every step slow.
    loaded = LlamaEngine(model_path, LoadSettings(context_length=512, threads=1,
                                                  threads_batch=1, batch_size=256))
    yield loaded
    loaded.close()


def requests(engine: LlamaEngine, questions: Sequence[str]) -> list[BatchRequest]:
    return [BatchRequest(key, engine.tokenize_chat([ChatMessage("user", question)]))
            for key, question in enumerate(questions)]


def answer(engine: LlamaEngine, rows: Sequence[BatchRequest], sampling: Sampling, *,
           parallel: int, context_per_row: int = 256) -> dict[int, BatchReply]:
    replies: dict[int, BatchReply] = {}

    def keep(reply: BatchReply) -> None:
        assert reply.key not in replies  # each row answered once
        replies[reply.key] = reply

    with BatchedGenerator(engine, parallel=parallel,
                          context_per_row=context_per_row) as generator:
        assert generator.run(rows, sampling, keep, lambda: False) is True
    return replies


def test_batched_replies_equal_one_at_a_time(engine: LlamaEngine) -> None:
    rows = requests(engine, QUESTIONS)
    alone = answer(engine, rows, GREEDY, parallel=1)
    # More rows than slots: finished rows hand their sequence id on.
    together = answer(engine, rows, GREEDY, parallel=4)
    assert sorted(together) == list(range(len(QUESTIONS)))
    for key, reply in together.items():
        assert reply.error is None and reply.stats is not None
        assert reply.text.strip()
        assert reply.text == alone[key].text
        assert reply.stats.prompt_tokens == len(rows[key].prompt)
        assert 0 < reply.stats.generated_tokens <= GREEDY.max_tokens
        assert reply.stats.stop_reason in ("eos", "length")
    assert "Paris" in together[0].text


def test_a_row_samples_the_same_reply_beside_any_others(engine: LlamaEngine) -> None:
    warm = Sampling(temperature=0.9, max_tokens=16, seed=7)
    rows = requests(engine, QUESTIONS[:3])
    alone = {key: answer(engine, [row], warm, parallel=1)[key]
             for key, row in enumerate(rows)}
    together = answer(engine, rows, warm, parallel=3)
    assert {key: reply.text for key, reply in together.items()} \
        == {key: reply.text for key, reply in alone.items()}


def test_a_row_too_long_fails_alone(engine: LlamaEngine) -> None:
    rows = requests(engine, QUESTIONS[:2])
    too_long = BatchRequest(2, engine.tokenize_chat(
        [ChatMessage("user", "Summarize: " + "many words here " * 120)]))
    empty = BatchRequest(3, [])
    replies = answer(engine, [rows[0], too_long, empty, rows[1]], GREEDY, parallel=2)
    assert sorted(replies) == [0, 1, 2, 3]
    assert replies[2].error is not None and replies[2].stats is None
    assert "does not fit the context of one row (256 tokens)" in replies[2].error.user_message
    assert replies[3].error is not None and "empty" in replies[3].error.user_message
    for key in (0, 1):
        assert replies[key].error is None and replies[key].text.strip()


def test_a_reply_ends_when_its_rows_context_is_full(engine: LlamaEngine) -> None:
    # Prompt about 230 tokens: a few tokens of room in a 256-token row.
    long_row = BatchRequest(0, engine.tokenize_chat(
        [ChatMessage("user", "Repeat: " + "blue sky " * 100)]))
    room = 256 - len(long_row.prompt)
    assert 0 < room < 40
    reply = answer(engine, [long_row], Sampling(temperature=0.0, max_tokens=100,
                                                ignore_eos=True), parallel=2)[0]
    assert reply.stats is not None
    assert reply.stats.stop_reason == "context_full"
    assert reply.stats.generated_tokens == room


def test_stop_ends_the_run_between_steps(engine: LlamaEngine) -> None:
    rows = requests(engine, QUESTIONS)
    replies: list[BatchReply] = []
    steps = 0

    def should_stop() -> bool:
        nonlocal steps
        steps += 1
        return steps > 30

    with BatchedGenerator(engine, parallel=2, context_per_row=256) as generator:
        done = generator.run(rows, Sampling(temperature=0.0, max_tokens=20, ignore_eos=True),
                             replies.append, should_stop)
        assert done is False
        assert steps == 31  # asked before every step, and the run ended at the first yes
        # Rows in flight got no reply; the ones that did were whole.
        assert 0 < len(replies) < len(rows)
        assert all(reply.stats is not None and reply.stats.generated_tokens == 20
                   for reply in replies)
        # The context is clean again: the next run answers as a fresh one would.
        again: list[BatchReply] = []
        assert generator.run(rows[:1], GREEDY, again.append, lambda: False) is True
    assert again[0].text == answer(engine, rows[:1], GREEDY, parallel=1)[0].text


def test_a_rows_context_is_whole_cells(engine: LlamaEngine) -> None:
    # 3 x 300 would not split evenly after llama.cpp's padding (it would warn, and
    # logfail fails the test): each row gets 512.
    with BatchedGenerator(engine, parallel=3, context_per_row=300) as generator:
        assert generator.context_per_row == 512
        replies: list[BatchReply] = []
        assert generator.run(requests(engine, QUESTIONS[:1]), GREEDY, replies.append,
                             lambda: False)
    assert replies[0].error is None and replies[0].text.strip()


def test_a_row_never_gets_more_than_the_model_was_trained_for(engine: LlamaEngine) -> None:
    # SmolLM2 was trained for 8,192 tokens (llama.cpp would warn of an overflow).
    with BatchedGenerator(engine, parallel=1, context_per_row=16_000) as generator:
        assert generator.context_per_row == 8192


def test_rows_use_the_models_quantized_kv_cache(model_path: Path) -> None:
    # The rows' cache takes the type the model was loaded with (q8_0: with flash
    # attention, which llama.cpp needs for it); a batch job's memory check counts it so.
    quantized = LlamaEngine(model_path, LoadSettings(
        context_length=512, threads=1, threads_batch=1, batch_size=256,
        kv_cache_type=KvCacheType.Q8_0))
    try:
        replies = answer(quantized, requests(quantized, QUESTIONS[:3]), GREEDY, parallel=3)
    finally:
        quantized.close()
    assert sorted(replies) == [0, 1, 2]
    assert all(reply.error is None and reply.text.strip() for reply in replies.values())
