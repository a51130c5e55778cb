"""One turn of a conversation: save the question, stream the answer into the history.

The order is what keeps every word: the user's message is committed before the model
starts; the reply row exists (state "streaming") before its first token and is
rewritten at least every second while it grows, so a crash or kill loses at most the
last second of a reply. At the end the reply is finalized with how it was made.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.errors import EngineError
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine, Sampling
from chatapp.engine.prompt_window import PromptPlan, plan_prompt
from chatapp.history.store import (
    HistoryError,
    HistoryStore,
    Message,
    ReplyStats,
    title_from_first_message,
)
from chatapp.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_TITLE = "New chat"
FLUSH_INTERVAL_S = 0.5  # under the promised one second, with margin for a slow disk
# Messages that carry conversation: an error row or an empty reply says nothing to the model.
_PROMPT_STATES = frozenset({"complete", "stopped", "interrupted"})


class ReplyListener(Protocol):
    def user_message_saved(self, message: Message) -> None: ...
    def reply_started(self, message: Message, plan: PromptPlan) -> None: ...
    def reply_text(self, text: str) -> None: ...
    def reply_finished(self, message: Message, stats: GenerationStats) -> None: ...
    def reply_failed(self, user_message: str, message: Message | None) -> None: ...


@dataclass(frozen=True)
class ReplyRequest:
    conversation_id: int
    user_text: str | None  # None: regenerate the last reply
    settings: Settings
    seed: int
    model_sha256: str | None = None


@dataclass(frozen=True)
class ContextUsage:
    prompt_tokens: int
    context_length: int
    dropped_messages: int


def sampling_from(settings: Settings, seed: int) -> Sampling:
    return Sampling(
        temperature=settings.temperature, top_p=settings.top_p, top_k=settings.top_k,
        min_p=settings.min_p, repeat_penalty=settings.repeat_penalty,
        max_tokens=settings.max_reply_tokens, seed=seed,
    )


class ReplyRunner:
    """Runs turns against one store and one engine, on the caller's (worker) thread."""

    def __init__(self, store: HistoryStore, clock: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self._clock = clock
        # Where each conversation's prompt window starts; see prompt_window.
        self._window_start: dict[int, int] = {}

    def _prompt_messages(self, conversation_id: int) -> list[ChatMessage]:
        return [
            ChatMessage(m.role, m.content)  # type: ignore[arg-type]
            for m in self.store.list_messages(conversation_id)
            if m.role in ("user", "assistant") and m.state in _PROMPT_STATES and m.content
        ]

    def plan(self, engine: LlamaEngine, conversation_id: int, settings: Settings) -> PromptPlan:
        messages = self._prompt_messages(conversation_id)
        plan = plan_prompt(
            settings.system_prompt or None, messages,
            tokenize_chat=engine.tokenize_chat,
            context_length=engine.context_length,
            reply_reserve=settings.max_reply_tokens,
            start_hint=self._window_start.get(conversation_id, 0),
        )
        self._window_start[conversation_id] = plan.first_message
        return plan

    def context_usage(self, engine: LlamaEngine, conversation_id: int,
                      settings: Settings) -> ContextUsage:
        """What the next prompt of this conversation would take of the context."""
        messages = self._prompt_messages(conversation_id)
        if not messages:
            system = [ChatMessage("system", settings.system_prompt)] \
                if settings.system_prompt else []
            used = len(engine.tokenize_chat(system)) if system else 0
            return ContextUsage(used, engine.context_length, 0)
        try:
            plan = self.plan(engine, conversation_id, settings)
        except EngineError:
            return ContextUsage(engine.context_length, engine.context_length, 0)
        return ContextUsage(plan.prompt_tokens, engine.context_length, plan.dropped_messages)

    def run(self, engine: LlamaEngine, request: ReplyRequest, listener: ReplyListener,
            should_stop: Callable[[], bool]) -> None:
        """Answer the conversation's last user message (after adding the request's text).

        Without user text this regenerates: the last reply, if any, is replaced.
        """
        try:
            self._run(engine, request, listener, should_stop)
        except HistoryError as error:
            # The disk is full or the database unwritable: what was committed stays.
            log.error("History write failed during a reply: %s", error)
            listener.reply_failed(error.user_message, None)

    def _run(self, engine: LlamaEngine, request: ReplyRequest, listener: ReplyListener,
             should_stop: Callable[[], bool]) -> None:
        conversation_id, settings = request.conversation_id, request.settings
        try:
            if request.user_text is not None:
                saved = self._save_user_message(conversation_id, request.user_text)
                listener.user_message_saved(saved)
            else:
                self._drop_last_reply(conversation_id)
            plan = self.plan(engine, conversation_id, settings)
        except EngineError as error:
            listener.reply_failed(error.user_message, None)
            return
        sampling = sampling_from(settings, request.seed)
        recorded = {**settings.sampling_dict(), "seed": request.seed,
                    "context_length": engine.context_length,
                    "system_prompt": settings.system_prompt}
        reply = self.store.add_message(
            conversation_id, "assistant", "", state="streaming",
            model_file=engine.model_path.name, model_sha256=request.model_sha256,
            generation_settings=recorded,
        )
        listener.reply_started(reply, plan)
        parts: list[str] = []
        last_flush = self._clock()
        flushed_len = 0

        def on_text(text: str) -> None:
            nonlocal last_flush, flushed_len
            parts.append(text)
            listener.reply_text(text)
            now = self._clock()
            if now - last_flush >= FLUSH_INTERVAL_S:
                content = "".join(parts)
                if len(content) != flushed_len:
                    self.store.update_streaming_content(reply.id, content)
                    flushed_len = len(content)
                last_flush = now

        try:
            stats = engine.generate(plan.tokens, sampling, on_text, should_stop)
        except EngineError as error:
            failed = self.store.finalize_message(reply.id, "".join(parts), "error",
                                                 error=error.user_message)
            listener.reply_failed(error.user_message, failed)
            return
        state = "stopped" if stats.stop_reason == "stopped" else "complete"
        final = self.store.finalize_message(
            reply.id, "".join(parts), state,
            stats=ReplyStats(
                prompt_tokens=stats.prompt_tokens, generated_tokens=stats.generated_tokens,
                ttft_s=stats.ttft_s, tokens_per_s=stats.tokens_per_s,
            ),
        )
        listener.reply_finished(final, stats)

    def _save_user_message(self, conversation_id: int, text: str) -> Message:
        conversation = self.store.get_conversation(conversation_id)
        saved = self.store.add_message(conversation_id, "user", text)
        if conversation.message_count == 0 and conversation.title == DEFAULT_TITLE:
            self.store.rename_conversation(conversation_id, title_from_first_message(text))
        return saved

    def _drop_last_reply(self, conversation_id: int) -> None:
        messages = self.store.list_messages(conversation_id)
        if messages and messages[-1].role == "assistant":
            self.store.delete_message(messages[-1].id)
        if not any(m.role == "user" for m in messages):
            raise EngineError("There is no message to answer yet.")
