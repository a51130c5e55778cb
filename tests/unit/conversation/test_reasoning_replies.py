"""Reasoning replies end to end in the core: the real engine made to think by a grammar.

SmolLM2 does not think, so each test gives it a reasoning model's real chat template
(from the vendored llama.cpp) and constrains what it writes with llama.cpp's grammar
sampler to that model's form: <think> tags, [THINK] brackets, harmony's channels. The
parser, the store and the next turn's prompt then see what a reasoning model writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from chatapp.conversation.questions import save_question
from chatapp.conversation.reply_runner import ReplyRequest, ReplyRunner
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings
from chatapp.history.store import HistoryStore
from chatapp.reasoning.formats import ReasoningSyntax, ThinkingChoice
from chatapp.settings import Settings
from tests.reasoning_grammars import HARMONY, THINK_BRACKETS, THINK_TAGS, with_thought
from tests.unit.conversation.test_reply_runner import Recorder
from tests.unit.engine.test_template_corpus import templates_dir

SETTINGS = Settings(temperature=0.0, max_reply_tokens=60, system_prompt="Be brief.")


def _engine(model_path: Path, template: str) -> LlamaEngine:
    source = (templates_dir() / f"{template}.jinja").read_text(encoding="utf-8")
    return LlamaEngine(model_path, LoadSettings(context_length=2048, threads=2,
                                                threads_batch=2, chat_template=source))


@pytest.fixture(scope="module")
def qwen3(model_path: Path) -> Iterator[LlamaEngine]:
    engine = _engine(model_path, "Qwen-Qwen3-0.6B")
    yield engine
    engine.close()


def ask(engine: LlamaEngine, db: Path, text: str, grammar: str | None,
        conversation_id: int | None = None, settings: Settings = SETTINGS
        ) -> tuple[Recorder, int]:
    store = HistoryStore(db)
    try:
        saved = save_question(store, conversation_id, text)
        recorder = Recorder(db)
        ReplyRunner(store).run(engine, ReplyRequest(saved.conversation.id, False, settings, 7,
                                                    grammar=grammar), recorder, lambda: False)
    finally:
        store.close()
    return recorder, saved.conversation.id


def test_the_thought_streams_apart_and_is_stored_apart(qwen3: LlamaEngine, tmp_path: Path
                                                       ) -> None:
    assert qwen3.reasoning_syntax is ReasoningSyntax.THINK_TAGS
    recorder, _ = ask(qwen3, tmp_path / "h.sqlite3", "Why is the sky blue?", THINK_TAGS)
    final = recorder.final
    assert final is not None and final.state == "complete", recorder.error
    assert recorder.events == ["started", "thought", "finished"]
    # The answer holds no markup and none of the thought; the thought is its own field.
    assert final.content and final.reasoning
    assert "<think>" not in final.content + final.reasoning
    assert "</think>" not in final.content + final.reasoning
    assert final.reasoning not in final.content
    assert (recorder.text, recorder.reasoning) == (final.content, final.reasoning)
    # Timed: the answer's first token came after the first token of the thought.
    assert final.ttft_s is not None and final.ttfa_s is not None
    assert final.ttfa_s > final.ttft_s
    assert final.reasoning_s is not None and final.reasoning_s > 0
    assert recorder.thought_seconds == pytest.approx(final.reasoning_s, abs=0.5)


def test_earlier_thoughts_stay_out_of_the_next_prompt(qwen3: LlamaEngine, tmp_path: Path
                                                      ) -> None:
    db = tmp_path / "h.sqlite3"
    recorder, conversation = ask(qwen3, db, "Name a colour.", THINK_TAGS)
    assert recorder.final is not None and recorder.final.reasoning
    thought = recorder.final.reasoning
    store = HistoryStore(db)
    try:
        save_question(store, conversation, "And another one?")
        plan = ReplyRunner(store).plan(qwen3, conversation, SETTINGS, to_answer=True)
    finally:
        store.close()
    thought_tokens = qwen3.tokenize_text(thought)
    tokens = plan.tokens
    assert len(thought_tokens) > 3
    windows = {tuple(tokens[i:i + len(thought_tokens)]) for i in range(len(tokens))}
    assert tuple(thought_tokens) not in windows
    # Not even a piece of it: no run of 4 of its tokens is in the prompt.
    runs = {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}
    assert not any(tuple(thought_tokens[i:i + 4]) in runs
                   for i in range(len(thought_tokens) - 3))
    assert thought not in qwen3.detokenize(tokens)
    assert recorder.final.content in qwen3.detokenize(tokens)  # the answer is there


def test_a_spent_budget_closes_the_thought_and_the_model_answers(
        qwen3: LlamaEngine, tmp_path: Path) -> None:
    # The grammar lets the thought close anywhere, as the budget may close it anywhere.
    free_thought = with_thought(THINK_TAGS, 1, 160)
    question = "Think hard: what is two and two?"
    unbounded, _ = ask(qwen3, tmp_path / "a.sqlite3", question, free_thought)
    assert unbounded.final is not None and unbounded.final.reasoning
    # Left alone, the model thinks longer than the budget below.
    assert len(qwen3.tokenize_text(unbounded.final.reasoning)) > 24

    settings = replace(SETTINGS, thinking_budget_tokens=16)
    recorder, _ = ask(qwen3, tmp_path / "b.sqlite3", question, free_thought,
                      settings=settings)
    final = recorder.final
    assert final is not None and final.state == "complete", recorder.error
    assert final.reasoning and final.content
    assert final.content[0].isupper() and final.content.endswith(".")
    # Cut at the budget (the same start: greedy), then the answer. The budget counts
    # the tokens of the opening tag too.
    assert unbounded.final.reasoning.startswith(final.reasoning)
    assert 8 <= len(qwen3.tokenize_text(final.reasoning)) <= 16
    assert recorder.events == ["started", "thought", "finished"]


def test_the_answer_limit_counts_the_answer_only(qwen3: LlamaEngine, tmp_path: Path) -> None:
    settings = replace(SETTINGS, max_reply_tokens=16)
    recorder, _ = ask(qwen3, tmp_path / "h.sqlite3", "Why is grass green?",
                      with_thought(THINK_TAGS, 70, 90), settings=settings)
    final = recorder.final
    assert final is not None and final.reasoning and final.generated_tokens is not None
    # More tokens than the answer's limit were written (the thought did not count).
    assert final.generated_tokens > 16
    assert len(qwen3.tokenize_text(final.reasoning)) > 16


def test_thinking_off_is_passed_to_the_template(qwen3: LlamaEngine, tmp_path: Path) -> None:
    control = qwen3.thinking_control
    assert control.choices == (ThinkingChoice.ON, ThinkingChoice.OFF)
    db = tmp_path / "h.sqlite3"
    store = HistoryStore(db)
    try:
        saved = save_question(store, None, "Hi", thinking="off")
        runner = ReplyRunner(store)
        off = qwen3.detokenize(runner.plan(qwen3, saved.conversation.id, SETTINGS).tokens)
        store.set_thinking(saved.conversation.id, "on")
        on = qwen3.detokenize(runner.plan(qwen3, saved.conversation.id, SETTINGS).tokens)
    finally:
        store.close()
    # Qwen3's template answers "off" with an empty thought the model continues after.
    assert off.endswith("<think>\n\n</think>\n\n")
    assert on.endswith("<|im_start|>assistant\n")


@pytest.mark.parametrize(("template", "grammar", "syntax"), [
    ("mistralai-Ministral-3-14B-Reasoning-2512", THINK_BRACKETS,
     ReasoningSyntax.THINK_BRACKETS),
    ("openai-gpt-oss-120b", HARMONY, ReasoningSyntax.HARMONY),
    ("deepseek-ai-DeepSeek-R1-Distill-Qwen-32B",
     THINK_TAGS.replace('"<think>\\n" thought', 'thought'), ReasoningSyntax.THINK_TAGS),
])
def test_each_convention_end_to_end(model_path: Path, tmp_path: Path, template: str,
                                    grammar: str, syntax: ReasoningSyntax) -> None:
    engine = _engine(model_path, template)
    try:
        assert engine.reasoning_syntax is syntax
        recorder, conversation = ask(engine, tmp_path / "h.sqlite3", "Why is the sea salty?",
                                     grammar)
        final = recorder.final
        assert final is not None and final.state == "complete", recorder.error
        assert final.reasoning and final.content
        for marker in ("[THINK]", "[/THINK]", "<|channel|>", "<|message|>", "<|end|>",
                       "<|return|>", "<think>", "</think>", "analysis"):
            assert marker not in final.content
            assert marker not in final.reasoning
        assert final.content[0].isupper() and final.content.endswith(".")
        store = HistoryStore(tmp_path / "h.sqlite3")
        try:
            save_question(store, conversation, "Tell me more.")
            plan = ReplyRunner(store).plan(engine, conversation, SETTINGS, to_answer=True)
        finally:
            store.close()
        assert final.reasoning not in engine.detokenize(plan.tokens)
    finally:
        engine.close()


def test_the_templates_end_marker_ends_the_reply_and_never_shows(model_path: Path,
                                                                 tmp_path: Path) -> None:
    # In Gemma's format a turn ends with <end_of_turn>; in SmolLM2's vocabulary that is
    # plain text, not an end-of-generation token, so only the template says it ends.
    engine = _engine(model_path, "google-gemma-2-2b-it")
    try:
        assert engine.reply_format().end_markers == ("<end_of_turn>",)
        recorder, _ = ask(engine, tmp_path / "h.sqlite3", "Say hello.",
                          r'root ::= "Hello there." "<end_of_turn>" "\n" [a-z ]{10,30}')
        final = recorder.final
        assert final is not None and final.state == "complete", recorder.error
        assert final.content == recorder.text == "Hello there."
        assert recorder.stats is not None and recorder.stats.stop_reason == "eos"
    finally:
        engine.close()
