"""Fitting a conversation into the model's context.

When the conversation has grown past what the context can hold (leaving room for the
reply), the oldest turns are left out of the prompt; the system prompt never is. Where
the window starts only ever moves forward within a conversation, and when it has to move
it moves far enough to leave slack, so the next several turns render the same prefix and
reuse the KV cache instead of re-reading the whole history every turn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.errors import PromptTooLongError

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

    def render_from(start: int) -> list[int]:
        return tokenize_chat([*system, *messages[start:]])

    start = _turn_start(messages, min(max(start_hint, 0), len(messages) - 1))
    tokens = render_from(start)
    if len(tokens) <= room:
        return PromptPlan(tokens, start, start)

    target = int(room * REFILL_FRACTION)
    last_fit: tuple[int, list[int]] | None = None
    candidate = start
    while True:
        candidate = _next_turn_start(messages, candidate)
        if candidate >= len(messages):
            break
        tokens = render_from(candidate)
        if len(tokens) <= room and last_fit is None:
            last_fit = (candidate, tokens)
        if len(tokens) <= target:
            return PromptPlan(tokens, candidate, candidate)
    if last_fit is not None:
        return PromptPlan(last_fit[1], last_fit[0], last_fit[0])
    newest = len(tokens)
    raise PromptTooLongError(
        f"This message is too long for the model's context: the prompt needs {newest:,} "
        f"tokens, and the context holds {context_length:,} (with {reserve:,} kept for the "
        "reply). Shorten the message, or raise the context length in Settings."
    )


def _turn_start(messages: Sequence[ChatMessage], index: int) -> int:
    """Move back to a user message, so a kept assistant reply never loses its question."""
    while index > 0 and messages[index].role != "user":
        index -= 1
    return index


def _next_turn_start(messages: Sequence[ChatMessage], index: int) -> int:
    index += 1
    while index < len(messages) and messages[index].role != "user":
        index += 1
    return index
