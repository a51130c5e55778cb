"""One reply: stream the model's answer into the history, whatever happens on the way.

A reasoning model's thought is told apart from its answer as it streams
(chatapp.reasoning): shown apart, stored apart, and left out of later prompts the way
the model's template wants (it gets each earlier reply's reasoning and decides). The
reply limit counts the answer; the thought has a budget of its own, and when that is
spent the thought is closed for the model, which then answers.

The user's message is already saved (conversation.questions) when a reply starts. The
reply row's life in the history (started before the first token, saved while it streams,
a failure kept with its text) is conversation.reply_record's, shared with replies from a
remote server (conversation.remote_reply). At the end the reply is finalized with how it
was made.

Whatever goes wrong ends the reply cleanly: an error the user must read (the disk is
full, the prompt does not fit) and a bug alike finalize the row as "error" with what was
written so far, and reach the listener as the exception object.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from chatapp.conversation.grounding import (
    DocumentSources,
    Grounding,
    ground_question,
)
from chatapp.conversation.reply_record import (
    SAVE_INTERVAL_S,
    ReplyListener,
    StreamingReply,
    StreamSaver,
    answer_again,
    prompt_messages,
    record_failure,
    reopen_last_reply,
)
from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.errors import EngineError
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine, Sampling, Steer
from chatapp.engine.prompt_window import MAX_REPLY_RESERVE_FRACTION, PromptPlan, plan_prompt
from chatapp.errors import UserFacingError, internal_error
from chatapp.history.store import HistoryStore, Message
from chatapp.i18n import translate
from chatapp.reasoning.formats import (
    HARMONY_CALL,
    HARMONY_END,
    HARMONY_RETURN,
    ReasoningSyntax,
    ReplyFormat,
)
from chatapp.reasoning.stream_parser import Piece, PieceKind, ReplyParser
from chatapp.settings import Settings
from chatapp.vocabulary import MessageState, Role

log = logging.getLogger(__name__)

__all__ = [
    "SAVE_INTERVAL_S",
    "ContextUsage",
    "ReplyListener",
    "ReplyRequest",
    "ReplyRunner",
    "continuation",
    "sampling_from",
]


@dataclass(frozen=True)
class ReplyRequest:
    conversation_id: int
    regenerate: bool  # answer the last question again (a sibling of the last reply)
    settings: Settings
    seed: int
    model_sha256: str | None = None
    # A GBNF grammar the reply must follow (llama.cpp's grammar sampler).
    grammar: str | None = None
    # Write on at the end of the last reply (one cut at the length limit) instead.
    continue_reply: bool = False
    # Where the question's attachments are kept, and the chat's collections: the
    # documents go into the prompt (conversation.grounding). None: no documents.
    documents: DocumentSources | None = None


@dataclass(frozen=True)
class ContextUsage:
    prompt_tokens: int
    context_length: int
    dropped_messages: int


def sampling_from(settings: Settings, seed: int, *, thinks: bool = False,
                  grammar: str | None = None) -> Sampling:
    """The engine's sampling; its token cap leaves a thinking model its thought's budget
    (the answer's own limit is the runner's to keep)."""
    cap = settings.max_reply_tokens
    if thinks:
        cap += settings.thinking_budget_tokens + _TO_ANSWER_ROOM
    return Sampling(
        temperature=settings.temperature, top_p=settings.top_p, top_k=settings.top_k,
        min_p=settings.min_p, repeat_penalty=settings.repeat_penalty,
        max_tokens=cap, seed=seed, grammar=grammar,
    )


# Tokens the markup that closes a thought may take (harmony's is the longest, ~10).
_TO_ANSWER_ROOM = 32


class ReplyRunner:
    """Runs replies against one store, on the caller's (the engine's) thread."""

    def __init__(self, store: HistoryStore, *, save_interval_s: float = SAVE_INTERVAL_S) -> None:
        self.store = store
        self._save_interval = save_interval_s
        # Where each conversation's prompt window starts; see prompt_window.
        self._window_start: dict[int, int] = {}

    def _prompt_messages(self, conversation_id: int) -> list[ChatMessage]:
        return prompt_messages(self.store, conversation_id)

    def _reply_reserve(self, engine: LlamaEngine, settings: Settings) -> int:
        reserve = settings.max_reply_tokens
        if engine.reasoning_syntax is not ReasoningSyntax.NONE:
            reserve += settings.thinking_budget_tokens
        return reserve

    def template_options(self, engine: LlamaEngine, conversation_id: int) -> Mapping[str, object]:
        """The chat's thinking choice, as the options the model's template takes."""
        choice = self.store.get_conversation(conversation_id).thinking
        return engine.thinking_control.options(choice)

    def plan(self, engine: LlamaEngine, conversation_id: int, settings: Settings,
             *, to_answer: bool = False, to_continue: bool = False,
             grounding: Grounding | None = None) -> PromptPlan:
        """The prompt of the conversation as it is; with ``to_answer`` it must end with
        the user's message, with ``to_continue`` with a reply the model writes on.
        ``grounding``: the documents that go in with the user's last message."""
        messages = self._prompt_messages(conversation_id)
        if to_continue:
            if not messages or messages[-1].role != "assistant":
                raise EngineError(translate("ChatReply", "There is no reply to continue."))
        elif not messages or (to_answer and messages[-1].role != "user"):
            raise EngineError(translate("ChatReply", "There is no message to answer yet."))
        if grounding is not None and messages[-1].role == "user":
            last = messages[-1]
            messages[-1] = ChatMessage(last.role, grounding.prompt_text(last.content))
        options = self.template_options(engine, conversation_id)
        reserve = self._reply_reserve(engine, settings)
        plan = plan_prompt(
            settings.system_prompt or None, messages,
            tokenize_chat=lambda chat: engine.tokenize_chat(chat, options=options,
                                                            continue_final=to_continue),
            context_length=engine.context_length,
            reply_reserve=reserve,
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
            try:
                used = len(engine.tokenize_chat(system)) if system else 0
            except UserFacingError:  # a template that wants a user message too
                used = 0
            return ContextUsage(used, engine.context_length, 0)
        try:
            plan = self.plan(engine, conversation_id, settings)
        except UserFacingError:
            return ContextUsage(engine.context_length, engine.context_length, 0)
        return ContextUsage(plan.prompt_tokens, engine.context_length, plan.dropped_messages)

    def run(self, engine: LlamaEngine, request: ReplyRequest, listener: ReplyListener,
            should_stop: Callable[[], bool]) -> None:
        """Answer the conversation's last message, the user's; never raises."""
        started = time.perf_counter()
        message: Message | None = None
        reply: StreamingReply | None = None
        try:
            if request.regenerate:
                answer_again(self.store, request.conversation_id)
            options = self.template_options(engine, request.conversation_id)
            if request.continue_reply:
                plan = self.plan(engine, request.conversation_id, request.settings,
                                 to_continue=True)
                message = reopen_last_reply(self.store, request.conversation_id)
                reply = StreamingReply(continuation(engine.reply_format(options)), started,
                               answer=[message.content],
                               reasoning=[message.reasoning] if message.reasoning else [],
                               thought_ended_at=started, continued=message)
            else:
                grounding = self._ground(engine, request, options)
                plan = self.plan(engine, request.conversation_id, request.settings,
                                 to_answer=True, grounding=grounding)
                reply = StreamingReply(engine.reply_format(options), started)
                message = self._start_reply(engine, request)
                if grounding is not None and (grounding.citations or grounding.uses):
                    self.store.record_grounding(
                        message.id, grounding.citations, question_id=grounding.question_id,
                        uses=grounding.uses)
            listener.reply_started(message, plan)
            stats = self._generate(engine, request, plan, message=message, reply=reply,
                                   listener=listener, should_stop=should_stop)
            final = self.store.finalize_message(
                message.id, "".join(reply.answer),
                MessageState.STOPPED if stats.stop_reason == "stopped" else MessageState.COMPLETE,
                stats=reply.stats(stats), reasoning="".join(reply.reasoning),
            )
        except UserFacingError as error:
            log.info("The reply failed: %s (%s)", error.user_message, error.detail)
            listener.reply_failed(error, record_failure(self.store, request.conversation_id,
                                                        message, reply, error))
            return
        except Exception as error:  # a bug: the turn still ends, and the log has it
            log.exception("The reply failed unexpectedly")
            wrapped = internal_error(error, translate("ChatReply", "writing the reply"))
            listener.reply_failed(wrapped, record_failure(self.store, request.conversation_id,
                                                          message, reply, wrapped))
            return
        listener.reply_finished(final, stats)

    def _ground(self, engine: LlamaEngine, request: ReplyRequest,
                options: Mapping[str, object]) -> Grounding | None:
        """The documents for the question being answered, within the room the chat so
        far leaves in the context (see conversation.grounding)."""
        if request.documents is None:
            return None
        settings = request.settings
        branch = self.store.list_messages(request.conversation_id)
        if not branch or branch[-1].role != Role.USER:
            return None  # nothing to answer: plan() says so
        question = branch[-1]
        context = engine.context_length
        room = context - min(self._reply_reserve(engine, settings),
                             int(context * MAX_REPLY_RESERVE_FRACTION))
        history = self.plan(engine, request.conversation_id, settings, to_answer=True)
        system = [ChatMessage("system", settings.system_prompt)] \
            if settings.system_prompt else []
        alone = engine.tokenize_chat([*system, ChatMessage("user", question.content)],
                                     options=options)
        return ground_question(
            self.store, question, request.documents, room=room,
            history_tokens=history.prompt_tokens, question_tokens=len(alone),
            count_tokens=lambda text: len(engine.tokenize_text(text)))

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
                  message: Message, reply: StreamingReply, listener: ReplyListener,
                  should_stop: Callable[[], bool]) -> GenerationStats:
        saver = StreamSaver(self.store.path, message, self._save_interval)
        settings = request.settings
        reply_format = reply.reply_format
        parser = ReplyParser(reply_format)

        def deliver(pieces: list[Piece]) -> None:
            reply.deliver(pieces, saver, listener)

        def thought_over() -> None:
            reply.thought_over(listener)

        def on_token(text: str) -> Steer | None:
            if reply.first_token_at is None:
                reply.first_token_at = time.perf_counter()
            if parser.in_reasoning:
                reply.reasoning_tokens += 1
            else:
                reply.answer_tokens += 1
            pieces = parser.feed(text)
            if not parser.in_reasoning:
                deliver([p for p in pieces if p.kind is PieceKind.REASONING])
                thought_over()
                deliver([p for p in pieces if p.kind is PieceKind.ANSWER])
            else:
                deliver(pieces)
            if parser.ended:
                return Steer(stop="eos")
            if reply.answer_tokens >= settings.max_reply_tokens:
                return Steer(stop="length")
            if parser.in_reasoning and reply.reasoning_tokens >= settings.thinking_budget_tokens:
                # The budget is spent: close the thought for the model, which answers now.
                deliver(parser.force_answer())
                thought_over()
                return Steer(inject=reply_format.to_answer)
            return None

        try:
            stats = engine.generate(
                plan.tokens,
                sampling_from(settings, request.seed, thinks=reply_format.thinks,
                              grammar=request.grammar),
                on_token, should_stop,
                shown_specials=engine.special_token_ids(reply_format.markers))
            deliver(parser.close(cut=stats.stop_reason != "eos"))
            thought_over()
            return stats
        finally:
            saver.close()  # its last write lands before the row is finalized


def continuation(reply_format: ReplyFormat) -> ReplyFormat:
    """How to read what continues a reply: all answer (its thought, if any, is over),
    ending where a reply ends."""
    ends = reply_format.end_markers
    if reply_format.syntax is ReasoningSyntax.HARMONY:
        ends = (*ends, HARMONY_END, HARMONY_RETURN, HARMONY_CALL)
    return ReplyFormat(ReasoningSyntax.NONE, end_markers=ends)

