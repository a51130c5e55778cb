"""What every reply does with the history, wherever its words come from (the local engine in
conversation.reply_runner, a remote server in conversation.remote_reply): the prompt's
messages from the branch on screen, the reply row started before the first token, the
words saved while they stream, and a failure recorded with what was written so far.

The reply row exists (state "streaming") before its first token, and what has streamed
is written to it on a timer of its own (conversation.throttle), so text that was shown
for more than a second is on disk even while the model stalls; a crash or kill loses at
most the last moment of a reply.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Protocol

from chatapp.conversation.grounding import grounded_question
from chatapp.conversation.throttle import Throttle
from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.errors import EngineError
from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.prompt_window import PromptPlan
from chatapp.errors import UserFacingError
from chatapp.history.store import HistoryError, HistoryStore, Message, ReplyStats
from chatapp.i18n import translate
from chatapp.reasoning.formats import ReplyFormat
from chatapp.reasoning.stream_parser import Piece, PieceKind
from chatapp.vocabulary import PROMPT_STATES, MessageState, Role

__all__ = [
    "SAVE_INTERVAL_S",
    "ReplyListener",
    "StreamSaver",
    "StreamingReply",
    "answer_again",
    "prompt_messages",
    "record_failure",
    "reopen_last_reply",
]

log = logging.getLogger(__name__)

SAVE_INTERVAL_S = 0.5  # under the promised one second, with margin for a slow disk


class ReplyListener(Protocol):
    def reply_started(self, message: Message, plan: PromptPlan) -> None: ...
    def reply_text(self, text: str) -> None: ...
    def reply_reasoning(self, text: str) -> None: ...
    def reasoning_finished(self, seconds: float) -> None: ...
    def reply_finished(self, message: Message, stats: GenerationStats) -> None: ...
    def reply_failed(self, error: UserFacingError, message: Message | None) -> None: ...


class StreamSaver:
    """Writes a streaming reply's answer and thought to its row, on the throttle's own
    thread. SQLite connections belong to one thread, so the saver opens its own store there.
    """

    def __init__(self, db_path: Path, message: Message, interval_s: float) -> None:
        self._db_path = db_path
        self._message_id = message.id
        self._store: HistoryStore | None = None
        self._content = message.content  # a continued reply goes on from its text
        self._reasoning = message.reasoning or ""
        self._throttle = Throttle[Piece](self._save, interval_s, name="reply-saver",
                                         on_exit=self._close)

    def push(self, piece: Piece) -> None:
        if self._throttle.failure is not None:  # the disk filled up: stop the reply
            raise self._throttle.failure
        self._throttle.push(piece)

    def close(self) -> None:
        self._throttle.close()

    def _save(self, pieces: list[Piece]) -> None:
        if self._store is None:
            self._store = HistoryStore(self._db_path)
        for piece in pieces:
            if piece.kind is PieceKind.REASONING:
                self._reasoning += piece.text
            else:
                self._content += piece.text
        self._store.update_streaming_content(self._message_id, self._content,
                                             self._reasoning or None)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()


@dataclass
class StreamingReply:
    """A reply as it streams: its answer and thought so far, and their timing."""

    reply_format: ReplyFormat
    started: float  # when the request began (perf_counter)
    answer: list[str] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)
    answer_tokens: int = 0
    reasoning_tokens: int = 0
    first_token_at: float | None = None
    thought_ended_at: float | None = None
    first_answer_at: float | None = None
    continued: Message | None = None  # the reply this one writes on, as it was

    def deliver(self, pieces: list[Piece], saver: StreamSaver,
                listener: ReplyListener) -> None:
        """Pieces of thought and answer: queued for the disk, then shown."""
        for piece in pieces:
            saver.push(piece)  # queued for the disk before the UI shows it
            if piece.kind is PieceKind.REASONING:
                self.reasoning.append(piece.text)
                listener.reply_reasoning(piece.text)
                continue
            if self.first_answer_at is None:
                self.first_answer_at = time.perf_counter()
            self.answer.append(piece.text)
            listener.reply_text(piece.text)

    def thought_over(self, listener: ReplyListener) -> None:
        """The thought (if any) ended: the listener folds it, once."""
        if self.thought_ended_at is None and self.reasoning:
            self.thought_ended_at = time.perf_counter()
            seconds = self.reasoning_s
            listener.reasoning_finished(seconds if seconds is not None else 0.0)

    def stats(self, generation: GenerationStats) -> ReplyStats:
        """What the history records of how the reply was made; a continued reply keeps
        its first part's thought and counts the tokens of both parts."""
        before = self.continued
        return ReplyStats(
            prompt_tokens=generation.prompt_tokens,
            generated_tokens=generation.generated_tokens
            + (before.generated_tokens or 0 if before else 0),
            ttft_s=generation.ttft_s, tokens_per_s=generation.tokens_per_s,
            ttfa_s=before.ttfa_s if before else _since(self.started, self.first_answer_at),
            reasoning_s=before.reasoning_s if before else self.reasoning_s,
            stop_reason=generation.stop_reason)

    @property
    def reasoning_s(self) -> float | None:
        if not self.reasoning or self.first_token_at is None:
            return None
        end = self.thought_ended_at if self.thought_ended_at is not None else time.perf_counter()
        return end - self.first_token_at


def prompt_messages(store: HistoryStore, conversation_id: int) -> list[ChatMessage]:
    """The turns of the branch on screen that go into a prompt."""
    # An answer the model never got to (stopped while thinking) is no turn of the chat.
    # A question that was given documents carries them again as its reply stored
    # them, so the prompt is the one that was sent; files sent without a word are a
    # question too.
    branch = store.list_messages(conversation_id)
    cited = store.citations_of(conversation_id)
    attached = store.attachments_of(conversation_id)
    given = {question.id: cited[reply.id] for question, reply in pairwise(branch)
             if reply.id in cited and question.role == Role.USER}
    return [
        ChatMessage(m.role,  # type: ignore[arg-type]
                    grounded_question(m.content, given.get(m.id, ())), m.reasoning)
        for m in branch
        if m.role in (Role.USER, Role.ASSISTANT) and m.state in PROMPT_STATES
        and (m.content or m.id in attached)
    ]


def reopen_last_reply(store: HistoryStore, conversation_id: int) -> Message:
    """The branch's last reply, streaming again, to be continued."""
    messages = store.list_messages(conversation_id)
    if not messages or messages[-1].role != Role.ASSISTANT or not messages[-1].content:
        raise EngineError(translate("ChatReply", "There is no reply to continue."))
    return store.reopen_reply(messages[-1].id)


def answer_again(store: HistoryStore, conversation_id: int) -> None:
    """The next reply answers the last question again, beside the replies it has:
    the branch on screen ends at the question, the old replies stay as siblings."""
    messages = store.list_messages(conversation_id)
    questions = [m for m in messages if m.role == Role.USER]
    if not questions:
        raise EngineError(translate("ChatReply", "There is no message to answer yet."))
    store.set_active_leaf(conversation_id, questions[-1].id)


def record_failure(store: HistoryStore, conversation_id: int, message: Message | None,
                   reply: StreamingReply | None, error: UserFacingError) -> Message | None:
    """The failed reply as the history keeps it: its text so far and why it failed."""
    answer = "".join(reply.answer) if reply else ""
    reasoning = "".join(reply.reasoning) if reply else ""
    try:
        if message is None:
            message = store.add_message(conversation_id, Role.ASSISTANT, "",
                                        state=MessageState.STREAMING)
        return store.finalize_message(message.id, answer, MessageState.ERROR,
                                      error=error.user_message, reasoning=reasoning)
    except HistoryError as failure:  # e.g. the full disk that failed the reply
        log.error("Could not record the failed reply: %s", failure)
        return None


def _since(started: float, moment: float | None) -> float | None:
    return None if moment is None else moment - started
