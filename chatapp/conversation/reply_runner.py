"""One reply: stream the model's answer into the history, whatever happens on the way.

The user's message is already saved (conversation.questions) when a reply starts. The
reply row exists (state "streaming") before its first token, and what has streamed is
written to it on a timer of its own (conversation.throttle), so text that was shown for
more than a second is on disk even while the model stalls; a crash or kill loses at most
the last moment of a reply. At the end the reply is finalized with how it was made.

Whatever goes wrong ends the reply cleanly: an error the user must read (the disk is
full, the prompt does not fit) and a bug alike finalize the row as "error" with what was
written so far, and reach the listener as the exception object.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from chatapp.conversation.throttle import TextThrottle
from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.errors import EngineError
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine, Sampling
from chatapp.engine.prompt_window import PromptPlan, plan_prompt
from chatapp.errors import UserFacingError, internal_error
from chatapp.history.store import HistoryError, HistoryStore, Message, ReplyStats
from chatapp.settings import Settings
from chatapp.vocabulary import PROMPT_STATES, MessageState, Role

log = logging.getLogger(__name__)

SAVE_INTERVAL_S = 0.5  # under the promised one second, with margin for a slow disk


class ReplyListener(Protocol):
    def reply_started(self, message: Message, plan: PromptPlan) -> None: ...
    def reply_text(self, text: str) -> None: ...
    def reply_finished(self, message: Message, stats: GenerationStats) -> None: ...
    def reply_failed(self, error: UserFacingError, message: Message | None) -> None: ...


@dataclass(frozen=True)
class ReplyRequest:
    conversation_id: int
    regenerate: bool  # replace the last reply instead of answering a new question
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


class _StreamSaver:
    """Writes a streaming reply's text to its row, on the throttle's own thread.

    SQLite connections belong to one thread, so the saver opens its own store there.
    """

    def __init__(self, db_path: Path, message_id: int, interval_s: float) -> None:
        self._db_path = db_path
        self._message_id = message_id
        self._store: HistoryStore | None = None
        self._content = ""
        self._throttle = TextThrottle(self._save, interval_s, name="reply-saver",
                                      on_exit=self._close)

    def push(self, text: str) -> None:
        if self._throttle.failure is not None:  # the disk filled up: stop the reply
            raise self._throttle.failure
        self._throttle.push(text)

    def close(self) -> None:
        self._throttle.close()

    def _save(self, text: str) -> None:
        if self._store is None:
            self._store = HistoryStore(self._db_path)
        self._content += text
        self._store.update_streaming_content(self._message_id, self._content)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()


class ReplyRunner:
    """Runs replies against one store, on the caller's (the engine's) thread."""

    def __init__(self, store: HistoryStore, *, save_interval_s: float = SAVE_INTERVAL_S) -> None:
        self.store = store
        self._save_interval = save_interval_s
        # Where each conversation's prompt window starts; see prompt_window.
        self._window_start: dict[int, int] = {}

    def _prompt_messages(self, conversation_id: int) -> list[ChatMessage]:
        return [
            ChatMessage(m.role, m.content)  # type: ignore[arg-type]
            for m in self.store.list_messages(conversation_id)
            if m.role in (Role.USER, Role.ASSISTANT) and m.state in PROMPT_STATES and m.content
        ]

    def plan(self, engine: LlamaEngine, conversation_id: int, settings: Settings,
             *, to_answer: bool = False) -> PromptPlan:
        """The prompt of the conversation as it is; with ``to_answer`` it must end with
        the user's message."""
        messages = self._prompt_messages(conversation_id)
        if not messages or (to_answer and messages[-1].role != "user"):
            raise EngineError("There is no message to answer yet.")
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
        if not self._prompt_messages(conversation_id):
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
        """Answer the conversation's last message, the user's; never raises."""
        reply: Message | None = None
        parts: list[str] = []
        try:
            if request.regenerate:
                self._drop_last_reply(request.conversation_id)
            plan = self.plan(engine, request.conversation_id, request.settings,
                             to_answer=True)
            reply = self._start_reply(engine, request)
            listener.reply_started(reply, plan)
            stats = self._generate(engine, request, plan, reply=reply, parts=parts,
                                   listener=listener, should_stop=should_stop)
            final = self.store.finalize_message(
                reply.id, "".join(parts),
                MessageState.STOPPED if stats.stop_reason == "stopped" else MessageState.COMPLETE,
                stats=ReplyStats(prompt_tokens=stats.prompt_tokens,
                                 generated_tokens=stats.generated_tokens,
                                 ttft_s=stats.ttft_s, tokens_per_s=stats.tokens_per_s),
            )
        except UserFacingError as error:
            log.info("The reply failed: %s (%s)", error.user_message, error.detail)
            listener.reply_failed(error, self._record_failure(request, reply, parts, error))
            return
        except Exception as error:  # a bug: the turn still ends, and the log has it
            log.exception("The reply failed unexpectedly")
            wrapped = internal_error(error, "writing the reply")
            listener.reply_failed(wrapped, self._record_failure(request, reply, parts, wrapped))
            return
        listener.reply_finished(final, stats)

    def _start_reply(self, engine: LlamaEngine, request: ReplyRequest) -> Message:
        settings = request.settings
        recorded = {**settings.sampling_dict(), "seed": request.seed,
                    "context_length": engine.context_length,
                    "system_prompt": settings.system_prompt}
        return self.store.add_message(
            request.conversation_id, Role.ASSISTANT, "", state=MessageState.STREAMING,
            model_file=engine.model_path.name, model_sha256=request.model_sha256,
            generation_settings=recorded,
        )

    def _generate(self, engine: LlamaEngine, request: ReplyRequest, plan: PromptPlan, *,
                  reply: Message, parts: list[str], listener: ReplyListener,
                  should_stop: Callable[[], bool]) -> GenerationStats:
        saver = _StreamSaver(self.store.path, reply.id, self._save_interval)

        def on_text(text: str) -> None:
            parts.append(text)
            saver.push(text)  # queued for the disk before the UI shows it
            listener.reply_text(text)

        try:
            return engine.generate(plan.tokens, sampling_from(request.settings, request.seed),
                                   on_text, should_stop)
        finally:
            saver.close()  # its last write lands before the row is finalized

    def _record_failure(self, request: ReplyRequest, reply: Message | None, parts: list[str],
                        error: UserFacingError) -> Message | None:
        """The failed reply as the history keeps it: its text so far and why it failed."""
        try:
            if reply is None:
                reply = self.store.add_message(request.conversation_id, Role.ASSISTANT, "",
                                               state=MessageState.STREAMING)
            return self.store.finalize_message(reply.id, "".join(parts), MessageState.ERROR,
                                               error=error.user_message)
        except HistoryError as failure:  # e.g. the full disk that failed the reply
            log.error("Could not record the failed reply: %s", failure)
            return None

    def _drop_last_reply(self, conversation_id: int) -> None:
        messages = self.store.list_messages(conversation_id)
        if not any(m.role == Role.USER for m in messages):
            raise EngineError("There is no message to answer yet.")
        if messages and messages[-1].role == Role.ASSISTANT:
            self.store.delete_message(messages[-1].id)
