"""Fitting a conversation into the model's context.

When the conversation has grown past what the context can hold (leaving room for the
reply), the oldest turns are left out of the prompt; the system prompt never is. Where
the window starts only ever moves forward within a conversation, and when it has to move
it moves far enough to leave slack, so the next several turns render the same prefix and
reuse the KV cache instead of re-reading the whole history every turn.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.errors import PromptTooLongError
from chatapp.i18n import format_number, translate

# When turns must be dropped, fill at most this share of the room, leaving slack.
REFILL_FRACTION = 0.75
# The reply's reserve is capped so a huge max-tokens setting cannot starve the history.
MAX_REPLY_RESERVE_FRACTION = 0.5


@dataclass(frozen=True)
class PromptPlan:
    tokens: list[int]
    first_message: int  # index into the conversation's messages of the first one included
    dropped_messages: int  # how many earlier messages are left out

    @property
    def prompt_tokens(self) -> int:
        return len(self.tokens)


def plan_prompt(
    system_prompt: str | None,
    messages: Sequence[ChatMessage],
    *,
    tokenize_chat: Callable[[Sequence[ChatMessage]], list[int]],
    context_length: int,
    reply_reserve: int,
    start_hint: int = 0,
) -> PromptPlan:
    """Choose the messages to send, newest kept, and tokenize them.

    ``messages`` holds the conversation without the system prompt and ends with the
    message to answer. ``start_hint`` is where the window started last time.
    """
    if not messages:
        raise ValueError("nothing to answer")
    reserve = min(reply_reserve, int(context_length * MAX_REPLY_RESERVE_FRACTION))
    room = context_length - reserve
    system = [ChatMessage("system", system_prompt)] if system_prompt else []

    start = _turn_start(messages, min(max(start_hint, 0), len(messages) - 1))
    starts = _turn_starts(messages, start)  # the window may begin at any of these
    rendered: dict[int, list[int]] = {}

    def render(i: int) -> list[int]:
        if i not in rendered:
            rendered[i] = tokenize_chat([*system, *messages[starts[i]:]])
        return rendered[i]

    def plan(i: int) -> PromptPlan:
        return PromptPlan(render(i), starts[i], starts[i])

    # Usually all since the window's start still fits: one render of the window.
    if _may_fit(messages[start:], room) and len(render(0)) <= room:
        return plan(0)
    # A long chat: never render all of it (that costs time in proportion to the chat,
    # for every candidate). Gallop back from the newest turn to one that overflows the
    # room, then bisect between: the work stays in proportion to the context.
    i, step = len(starts) - 1, 1
    while len(render(i)) <= room:
        if i == 0:
            return plan(0)
        i, step = max(0, i - step), step * 2
    overflow = i
    target = int(room * REFILL_FRACTION)  # when turns must go, leave slack
    for limit in (target, room):
        first = _first_true(overflow + 1, len(starts), functools.partial(_fits, render, limit))
        if first is not None:
            return plan(first)
    newest = len(render(len(starts) - 1))
    raise PromptTooLongError(translate(
        "Engine", "This message is too long for the model's context: the prompt needs {needed} "
        "tokens, and the context holds {context} (with {reserve} kept for the reply). Shorten "
        "the message, or raise the context length in Settings.").format(
            needed=format_number(newest), context=format_number(context_length),
            reserve=format_number(reserve)))


# Tokens average far fewer characters than this over a chat: text longer than the room
# times this will not fit, and is not worth rendering to find out (the gallop below
# still gets the right answer if it would).
_MAX_CHARS_PER_TOKEN = 8


def _may_fit(messages: Sequence[ChatMessage], room: int) -> bool:
    """Cheaply: is the text short enough that rendering all of it to check is worth it?"""
    return sum(len(m.content) for m in messages) <= room * _MAX_CHARS_PER_TOKEN


def _fits(render: Callable[[int], list[int]], limit: int, index: int) -> bool:
    return len(render(index)) <= limit


def _first_true(low: int, high: int, ok: Callable[[int], bool]) -> int | None:
    """The smallest index in [low, high) where ``ok`` holds; ``ok`` is monotonic."""
    if low >= high or not ok(high - 1):
        return None
    high -= 1
    while low < high:
        middle = (low + high) // 2
        if ok(middle):
            high = middle
        else:
            low = middle + 1
    return low


def _turn_starts(messages: Sequence[ChatMessage], start: int) -> list[int]:
    """``start`` and every later user message: where a window can begin."""
    return [start] + [i for i in range(start + 1, len(messages))
                      if messages[i].role == "user"]


def _turn_start(messages: Sequence[ChatMessage], index: int) -> int:
    """Move back to a user message, so a kept assistant reply never loses its question."""
    while index > 0 and messages[index].role != "user":
        index -= 1
    return index
