"""Fitting conversations into the context: oldest turns out, system prompt kept."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.errors import PromptTooLongError
from chatapp.engine.llama_engine import LlamaEngine
from chatapp.engine.prompt_window import REFILL_FRACTION, plan_prompt


def word_tokens(messages: Sequence[ChatMessage]) -> list[int]:
    """A tokenizer of one token per word plus two per message (role markers)."""
    tokens: list[int] = []
    for message in messages:
        tokens += [0, 0] + [1] * len(message.content.split())
    return tokens


def turns(n: int, words: int = 10) -> list[ChatMessage]:
    messages: list[ChatMessage] = []
    for i in range(n):
        messages.append(ChatMessage("user", " ".join([f"q{i}"] * words)))
        messages.append(ChatMessage("assistant", " ".join([f"a{i}"] * words)))
    messages.append(ChatMessage("user", "last question"))
    return messages


def test_everything_fits() -> None:
    plan = plan_prompt("sys", turns(3), tokenize_chat=word_tokens, context_length=1000,
                       reply_reserve=100)
    assert plan.dropped_messages == 0
    assert plan.prompt_tokens == len(word_tokens([ChatMessage("system", "sys"), *turns(3)]))


def test_oldest_turns_are_dropped_and_the_system_prompt_kept() -> None:
    messages = turns(20)
    seen: list[Sequence[ChatMessage]] = []

    def tokenize(chosen: Sequence[ChatMessage]) -> list[int]:
        seen.append(chosen)
        return word_tokens(chosen)

    plan = plan_prompt("system prompt", messages, tokenize_chat=tokenize,
                       context_length=200, reply_reserve=50)
    assert plan.dropped_messages > 0
    assert plan.dropped_messages % 2 == 0  # whole turns: a reply never loses its question
    assert plan.prompt_tokens <= 150
    kept = next(chosen for chosen in seen if word_tokens(chosen) == plan.tokens)
    assert kept[0] == ChatMessage("system", "system prompt")
    assert kept[1] == messages[plan.first_message]
    assert kept[-1] == messages[-1]
    # Slack is left so the next turns keep the same prefix.
    assert plan.prompt_tokens <= int(150 * 0.75)


def test_the_window_only_moves_forward() -> None:
    messages = turns(20)
    first = plan_prompt(None, messages, tokenize_chat=word_tokens, context_length=200,
                        reply_reserve=50)
    longer = [*messages, ChatMessage("assistant", "ok"), ChatMessage("user", "more")]
    second = plan_prompt(None, longer, tokenize_chat=word_tokens, context_length=200,
                         reply_reserve=50, start_hint=first.first_message)
    assert second.first_message == first.first_message  # same prefix: the cache is reused


def test_a_message_too_long_for_the_context_is_refused() -> None:
    messages = [ChatMessage("user", "word " * 500)]
    with pytest.raises(PromptTooLongError, match="too long"):
        plan_prompt(None, messages, tokenize_chat=word_tokens, context_length=300,
                    reply_reserve=50)


def test_real_tokenizer_and_template(engine: LlamaEngine) -> None:
    messages = turns(40, words=30)
    plan = plan_prompt("Be brief.", messages, tokenize_chat=engine.tokenize_chat,
                       context_length=engine.context_length, reply_reserve=256)
    assert plan.dropped_messages > 0
    assert plan.prompt_tokens <= engine.context_length - 256
    assert plan.tokens == engine.tokenize_chat(
        [ChatMessage("system", "Be brief."), *messages[plan.first_message:]])


@given(st.integers(0, 30), st.integers(1, 40), st.integers(120, 2000), st.integers(0, 60))
def test_plans_always_fit_and_keep_the_question(n_turns: int, words: int, context: int,
                                                 hint: int) -> None:
    messages = turns(n_turns, words)
    try:
        plan = plan_prompt("sys", messages, tokenize_chat=word_tokens, context_length=context,
                           reply_reserve=64, start_hint=hint)
    except PromptTooLongError:
        return
    assert plan.prompt_tokens <= context - min(64, context // 2)
    assert messages[plan.first_message].role == "user"
    assert plan.first_message == plan.dropped_messages


def linear_plan(system: str, messages: Sequence[ChatMessage], context: int, reserve: int,
                hint: int) -> tuple[int, int] | None:
    """The rule, the slow way: (first message, prompt tokens), or None if nothing fits.

    Keep everything since the window's start if it fits; otherwise the earliest later
    turn start that fits in the slack target; otherwise the earliest that fits at all.
    """
    room = context - min(reserve, context // 2)
    start = min(max(hint, 0), len(messages) - 1)
    while start > 0 and messages[start].role != "user":
        start -= 1
    starts = [start] + [i for i in range(start + 1, len(messages))
                        if messages[i].role == "user"]
    sizes = [len(word_tokens([ChatMessage("system", system), *messages[i:]])) for i in starts]
    if sizes[0] <= room:
        return starts[0], sizes[0]
    for limit in (int(room * REFILL_FRACTION), room):
        for first, size in zip(starts[1:], sizes[1:], strict=True):
            if size <= limit:
                return first, size
    return None


@given(st.lists(st.tuples(st.integers(1, 120), st.integers(1, 120)), max_size=40),
       st.integers(1, 200), st.integers(100, 3000), st.integers(0, 90))
def test_the_window_is_the_one_the_rule_picks(sizes: list[tuple[int, int]], last: int,
                                              context: int, hint: int) -> None:
    # Turns of uneven lengths: the fast search must pick what a turn-by-turn scan picks.
    messages: list[ChatMessage] = []
    for question, answer in sizes:
        messages += [ChatMessage("user", "q " * question), ChatMessage("assistant", "a " * answer)]
    messages.append(ChatMessage("user", "q " * last))
    expected = linear_plan("sys", messages, context, 64, hint)
    try:
        plan = plan_prompt("sys", messages, tokenize_chat=word_tokens, context_length=context,
                           reply_reserve=64, start_hint=hint)
    except PromptTooLongError:
        assert expected is None
        return
    assert (plan.first_message, plan.prompt_tokens) == expected


def test_planning_a_long_chat_renders_about_a_context_not_the_chat() -> None:
    # 2,000 messages, with the window's start unknown (a chat just opened): the work
    # must stay in proportion to the context, not to the chat (or its square).
    messages = turns(1000, words=20)
    rendered: list[int] = []

    def tokenize(chosen: Sequence[ChatMessage]) -> list[int]:
        rendered.append(len(chosen))
        return word_tokens(chosen)

    plan = plan_prompt(None, messages, tokenize_chat=tokenize, context_length=2048,
                       reply_reserve=256)
    kept = len(messages) - plan.first_message
    assert 0 < kept < 200
    assert max(rendered) <= 4 * kept
    assert sum(rendered) <= 40 * kept  # about log2(chat) renders of about the window

    # The next turn, from the remembered start: one render of the window.
    rendered.clear()
    longer = [*messages, ChatMessage("assistant", "ok"), ChatMessage("user", "more")]
    again = plan_prompt(None, longer, tokenize_chat=tokenize, context_length=2048,
                        reply_reserve=256, start_hint=plan.first_message)
    assert again.first_message == plan.first_message
    assert rendered == [len(longer) - plan.first_message]
