"""The engine with the real SmolLM2 model and the real llama.cpp."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.errors import EngineError, ModelLoadError
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings, Sampling, Steer

GREEDY = Sampling(temperature=0.0, max_tokens=40)


def chat(*pairs: tuple[str, str]) -> list[ChatMessage]:
    return [ChatMessage(role, text) for role, text in pairs]  # type: ignore[arg-type]


def test_streams_a_reply_and_reports_its_stats(engine: LlamaEngine) -> None:
    prompt = engine.tokenize_chat(chat(("user", "What is the capital of France?")))
    pieces: list[str] = []
    stats = engine.generate(prompt, GREEDY, pieces.append, lambda: False)
    text = "".join(pieces)
    assert len(pieces) > 3  # streamed in pieces, not in one go
    assert "Paris" in text
    assert stats.prompt_tokens == len(prompt)
    assert 0 < stats.generated_tokens <= GREEDY.max_tokens
    assert stats.stop_reason in ("eos", "length")
    assert 0 < stats.ttft_s < 30
    assert stats.tokens_per_s is not None and stats.tokens_per_s > 0


def test_greedy_generation_is_repeatable(engine: LlamaEngine) -> None:
    prompt = engine.tokenize_chat(chat(("user", "Name three colors.")))
    first: list[str] = []
    second: list[str] = []
    engine.generate(prompt, GREEDY, first.append, lambda: False)
    engine.generate(prompt, GREEDY, second.append, lambda: False)
    assert "".join(first) == "".join(second)


def test_stop_takes_effect_within_one_token(engine: LlamaEngine) -> None:
    prompt = engine.tokenize_chat(chat(("user", "Tell me a long story about a dragon.")))
    pieces: list[str] = []
    calls = 0

    def should_stop() -> bool:
        nonlocal calls
        calls += 1
        return calls >= 7

    stats = engine.generate(prompt, Sampling(max_tokens=400, ignore_eos=True),
                            pieces.append, should_stop)
    assert stats.stop_reason == "stopped"
    # Read before the prompt's one batch, after the prompt, then before every further
    # token: the 7th read comes after the 5th token.
    assert stats.generated_tokens == 5


def test_past_the_end_the_end_marker_stays_unseen(engine: LlamaEngine) -> None:
    # The benchmarks generate a fixed length past the end: a reply parser shown the end
    # marker (as the reply runner shows it) would end the reply there.
    prompt = engine.tokenize_chat(chat(("user", "Say hi.")))
    end_marker = engine.special_token_ids(["<|im_end|>"])
    ended: list[str] = []
    stats = engine.generate(prompt, GREEDY, ended.append, lambda: False,
                            shown_specials=end_marker)
    assert stats.stop_reason == "eos"  # the model does end this reply early
    assert stats.generated_tokens < 60
    pieces: list[str] = []
    stats = engine.generate(prompt, Sampling(temperature=0.0, max_tokens=60, ignore_eos=True),
                            pieces.append, lambda: False, shown_specials=end_marker)
    assert stats.generated_tokens == 60
    assert "<|im_end|>" not in "".join(pieces)


def fresh_prompt(engine: LlamaEngine, words: int) -> list[int]:
    """A prompt sharing no first token with anything cached: nothing of it is reused."""
    prompt = engine.tokenize("Zebra " + "stripes and " * words)
    assert engine.tokenize_chat([])[0] != prompt[0]  # the chats start elsewhere
    return prompt


def test_stop_before_the_prompt_is_read(engine: LlamaEngine) -> None:
    engine.generate(engine.tokenize_chat(chat(("user", "Hi"))), GREEDY, lambda _t: None,
                    lambda: False)
    pieces: list[str] = []
    prompt = fresh_prompt(engine, 100)
    stats = engine.generate(prompt, GREEDY, pieces.append, lambda: True)
    assert stats.stop_reason == "stopped"
    assert stats.generated_tokens == 0
    assert pieces == []
    assert stats.evaluated_prompt_tokens == 0
    assert engine.cached_tokens == 0  # nothing of the prompt was evaluated


def test_stop_between_prompt_batches(engine: LlamaEngine) -> None:
    prompt = fresh_prompt(engine, 300)
    batch = engine.settings.batch_size
    assert len(prompt) > 2 * batch  # three batches
    pieces: list[str] = []
    calls = 0

    def should_stop() -> bool:  # pressed while the first batch is evaluated
        nonlocal calls
        calls += 1
        return calls > 1

    stats = engine.generate(prompt, GREEDY, pieces.append, should_stop)
    assert stats.stop_reason == "stopped"
    assert stats.generated_tokens == 0
    assert pieces == []
    assert stats.evaluated_prompt_tokens == batch
    assert engine.cached_tokens == batch


def test_stop_after_the_prompt_before_the_first_token(engine: LlamaEngine) -> None:
    prompt = fresh_prompt(engine, 10)
    assert len(prompt) < engine.settings.batch_size  # one batch
    pieces: list[str] = []
    calls = 0

    def should_stop() -> bool:  # pressed while the only batch is evaluated
        nonlocal calls
        calls += 1
        return calls > 1

    stats = engine.generate(prompt, GREEDY, pieces.append, should_stop)
    assert (stats.stop_reason, stats.generated_tokens, pieces) == ("stopped", 0, [])
    assert engine.cached_tokens == len(prompt)
    # The evaluated prompt stays usable: asking again reads only its last token.
    again = engine.generate(prompt, Sampling(temperature=0, max_tokens=3), pieces.append,
                            lambda: False)
    assert again.evaluated_prompt_tokens == 1
    assert again.generated_tokens > 0


def test_follow_up_turn_evaluates_only_new_tokens(engine: LlamaEngine) -> None:
    first_turn = chat(("system", "You are terse."), ("user", "What is 2+2?"))
    prompt = engine.tokenize_chat(first_turn)
    pieces: list[str] = []
    engine.generate(prompt, GREEDY, pieces.append, lambda: False)
    follow_up = [*first_turn, ChatMessage("assistant", "".join(pieces)),
                 ChatMessage("user", "And 3+3?")]
    prompt2 = engine.tokenize_chat(follow_up)
    stats = engine.generate(prompt2, GREEDY, lambda _t: None, lambda: False)
    assert stats.prompt_tokens == len(prompt2)
    # Everything up to the new message came from the cache.
    assert stats.evaluated_prompt_tokens < 20
    assert stats.evaluated_prompt_tokens < len(prompt2) - len(prompt)
    # Another conversation reuses only the tokens it shares with what is cached.
    other = engine.tokenize_chat(chat(("user", "Why is the sky blue?")))
    shared = next(i for i, (a, b) in enumerate(zip(prompt2, other, strict=False)) if a != b)
    stats = engine.generate(other, GREEDY, lambda _t: None, lambda: False)
    assert stats.evaluated_prompt_tokens == len(other) - shared


def test_identical_prompt_reevaluates_one_token(engine: LlamaEngine) -> None:
    prompt = engine.tokenize_chat(chat(("user", "Say hello.")))
    engine.generate(prompt, GREEDY, lambda _t: None, lambda: False)
    stats = engine.generate(prompt, GREEDY, lambda _t: None, lambda: False)
    assert stats.evaluated_prompt_tokens == 1


def test_reply_length_limit(engine: LlamaEngine) -> None:
    prompt = engine.tokenize_chat(chat(("user", "Count from 1 to 100.")))
    stats = engine.generate(prompt, Sampling(max_tokens=7, ignore_eos=True),
                            lambda _t: None, lambda: False)
    assert stats.generated_tokens == 7
    assert stats.stop_reason == "length"


def test_generation_stops_when_the_context_is_full(model_path: Path) -> None:
    small = LlamaEngine(model_path, LoadSettings(context_length=256, threads=2,
                                                 threads_batch=2, batch_size=256))
    try:
        prompt = small.tokenize_chat(chat(("user", "Write an endless poem.")))
        stats = small.generate(prompt, Sampling(max_tokens=10_000, ignore_eos=True),
                               lambda _t: None, lambda: False)
        assert stats.stop_reason == "context_full"
        assert stats.prompt_tokens + stats.generated_tokens <= 256
    finally:
        small.close()


def test_prompt_longer_than_context_is_refused(engine: LlamaEngine) -> None:
    too_long = engine.tokenize("word " * 2000)
    with pytest.raises(EngineError, match="does not fit"):
        engine.generate(too_long, GREEDY, lambda _t: None, lambda: False)


def test_multibyte_text_streams_intact(engine: LlamaEngine) -> None:
    # Emoji and accents span several tokens; pieces must never split a character.
    prompt = engine.tokenize_chat(chat(("user", "Repeat exactly: café 🐉 naïve 日本")))
    pieces: list[str] = []
    engine.generate(prompt, Sampling(temperature=0.0, max_tokens=30), pieces.append,
                    lambda: False)
    assert "\ufffd" not in "".join(pieces)


def test_tokenize_adds_bos_only_when_missing(engine: LlamaEngine) -> None:
    tokens = engine.tokenize("<|im_start|>user\nhi<|im_end|>")
    assert tokens.count(tokens[0]) >= 1
    # Special tokens in rendered prompts are parsed as single control tokens.
    assert len(engine.tokenize("<|im_start|>")) <= 2


def test_model_metadata(engine: LlamaEngine, model_path: Path) -> None:
    assert engine.context_length == 1024
    assert engine.template.source == "the model's chat template"
    assert engine.model_path == model_path


@pytest.mark.expect_log("chatapp.llama_cpp", "invalid magic characters|failed to load model")
def test_a_non_gguf_file_fails_with_a_message(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.gguf"
    bogus.write_text("hello", encoding="utf-8")
    with pytest.raises(ModelLoadError) as raised:
        LlamaEngine(bogus, LoadSettings(context_length=256, threads=1, threads_batch=1))
    assert "notes.gguf" in raised.value.user_message


# A thought and an answer, in the shape a reasoning model writes them: SmolLM2 does not
# think, so llama.cpp's grammar sampler makes it.
THINKING_GRAMMAR = r'''
root ::= "<think>" thought "</think>" answer
thought ::= [a-z ]{4,60}
answer ::= [A-Za-z ,]{1,40} "."
'''


def test_a_grammar_constrains_what_the_model_writes(engine: LlamaEngine) -> None:
    prompt = engine.tokenize_chat(chat(("user", "Why is the sky blue?")))
    pieces: list[str] = []
    stats = engine.generate(prompt, Sampling(temperature=0.8, max_tokens=200,
                                             grammar=THINKING_GRAMMAR),
                            pieces.append, lambda: False)
    text = "".join(pieces)
    assert re.fullmatch(r"<think>[a-z ]{4,60}</think>[A-Za-z ,]{1,40}\.", text), text
    assert stats.stop_reason == "eos"  # the grammar ends, so the model must stop


@pytest.mark.expect_log("chatapp.llama_cpp", "failed to parse grammar")
def test_an_invalid_grammar_is_a_clear_error(engine: LlamaEngine) -> None:
    prompt = engine.tokenize_chat(chat(("user", "Hi")))
    with pytest.raises(EngineError, match="grammar"):
        engine.generate(prompt, Sampling(grammar="root ::= (unclosed"), lambda _t: None,
                        lambda: False)


def test_a_listener_can_stop_or_write_into_the_reply(engine: LlamaEngine) -> None:
    prompt = engine.tokenize_chat(chat(("user", "Count from one to twenty.")))
    calls: list[str] = []

    def stop_at_three(text: str) -> Steer | None:
        calls.append(text)
        return Steer(stop="length") if len(calls) == 3 else None

    stats = engine.generate(prompt, Sampling(temperature=0, max_tokens=50), stop_at_three,
                            lambda: False)
    assert (stats.stop_reason, stats.generated_tokens, len(calls)) == ("length", 3, 3)

    # Markup written in after the first token sits in the context (the cache) as if the
    # model had written it, is not shown, and does not count as generated.
    injected = "</think>\n\n"
    injected_tokens = engine._tokenize_bytes(injected.encode(), special=True)
    seen: list[str] = []

    def inject_once(text: str) -> Steer | None:
        seen.append(text)
        return Steer(inject=injected) if len(seen) == 1 else Steer(stop="length")

    stats = engine.generate(prompt, Sampling(temperature=0, max_tokens=50), inject_once,
                            lambda: False)
    assert stats.generated_tokens == 2
    assert engine.cached_tokens == len(prompt) + 1 + len(injected_tokens)
    assert injected not in "".join(seen)


@pytest.mark.expect_log("chatapp.engine.llama_engine", "grammar does not allow")
def test_markup_a_grammar_forbids_ends_the_reply_instead_of_the_process(
        engine: LlamaEngine) -> None:
    # llama.cpp aborts when a grammar accepts a token it forbids: checked first.
    prompt = engine.tokenize_chat(chat(("user", "Hi")))
    calls: list[str] = []

    def inject(text: str) -> Steer | None:
        calls.append(text)
        return Steer(inject="</think>")

    stats = engine.generate(prompt, Sampling(temperature=0, max_tokens=20,
                                             grammar='root ::= [a-z]{5,10} "."'),
                            inject, lambda: False)
    assert (stats.stop_reason, len(calls)) == ("length", 1)
