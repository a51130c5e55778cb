"""One reply from a remote OpenAI-compatible server, with the local engine's lifecycle.

The same listener and the same history rows as conversation.reply_runner (both through
conversation.reply_record): the reply row is "streaming" before the first word, saved
while it streams, finalized with its stats, or kept with its partial text as "error"
when the server fails; regenerate writes a sibling; continue writes on a reply cut at the
length limit. The server's thought (``reasoning_content``) is stored apart from the
answer, as a local model's.

The server renders the chat template and fits the context, so the prompt is the branch's
turns as text (earlier thoughts left out, as OpenAI-compatible servers expect); a prompt
that is too long fails with the server's own message. The prompt's token count is known
only when the reply ends (the usage the server sends).

The message records the remote model and its host in ``model_file`` ("MODEL @ HOST"), and
in its generation settings the server's address and id, so a reply says where it came from.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from chatapp.conversation.chat_settings import RemoteModelRef
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
from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.prompt_window import PromptPlan
from chatapp.errors import UserFacingError, internal_error
from chatapp.history.store import HistoryStore, Message
from chatapp.i18n import translate
from chatapp.reasoning.formats import ReasoningSyntax, ReplyFormat
from chatapp.reasoning.stream_parser import Piece, PieceKind
from chatapp.remote.client import RemoteClient, RemoteMessage, RemoteResult, RemoteSampling
from chatapp.remote.listing import display_name
from chatapp.settings import Settings
from chatapp.vocabulary import MessageState, Role

__all__ = [
    "RemoteReplyRequest",
    "RemoteReplyRunner",
    "remote_messages",
    "remote_model_label",
]

log = logging.getLogger(__name__)

# The server reads the reply's format; what arrives is already told apart.
_AS_SENT = ReplyFormat(ReasoningSyntax.NONE)


@dataclass(frozen=True)
class RemoteReplyRequest:
    conversation_id: int
    model: RemoteModelRef  # the chat's remote model (its server is the client's)
    settings: Settings
    seed: int
    regenerate: bool = False  # answer the last question again (a sibling of the last reply)
    continue_reply: bool = False  # write on at the end of the last reply


def remote_model_label(model: str, host: str) -> str:
    """What a reply records as its model: its name as the window shows it (llama-server's
    file path as the file's name; the full id is in the generation settings) and where it
    ran."""
    return f"{display_name(model)} @ {host}"


def remote_messages(system_prompt: str | None,
                    messages: Sequence[ChatMessage]) -> list[RemoteMessage]:
    """The prompt as the chat completions API takes it: earlier thoughts left out."""
    prompt = [RemoteMessage("system", system_prompt)] if system_prompt else []
    prompt += [RemoteMessage(m.role, m.content) for m in messages if m.role != "system"]
    return prompt


class RemoteReplyRunner:
    """Runs replies from remote servers against one store, on the caller's thread."""

    def __init__(self, store: HistoryStore, *, save_interval_s: float = SAVE_INTERVAL_S) -> None:
        self.store = store
        self._save_interval = save_interval_s

    def run(self, client: RemoteClient, request: RemoteReplyRequest, listener: ReplyListener,
            should_stop: Callable[[], bool]) -> None:
        """Answer the conversation's last message (or continue the last reply) with the
        server's model; never raises. ``should_stop`` must be thread-safe (see
        RemoteClient.stream_chat)."""
        started = time.perf_counter()
        message: Message | None = None
        reply: StreamingReply | None = None
        conversation_id = request.conversation_id
        try:
            if request.regenerate:
                answer_again(self.store, conversation_id)
            messages = prompt_messages(self.store, conversation_id)
            if request.continue_reply:
                if not messages or messages[-1].role != "assistant":
                    raise EngineError(translate("ChatReply", "There is no reply to continue."))
                message = reopen_last_reply(self.store, conversation_id)
                reply = StreamingReply(_AS_SENT, started, answer=[message.content],
                                       reasoning=[message.reasoning] if message.reasoning
                                       else [], thought_ended_at=started, continued=message)
            else:
                if not messages or messages[-1].role != "user":
                    raise EngineError(translate("ChatReply", "There is no message to answer yet."))
                reply = StreamingReply(_AS_SENT, started)
                message = self._start_reply(client, request)
            listener.reply_started(message, PromptPlan([], 0, 0))
            prompt = remote_messages(request.settings.system_prompt or None, messages)
            result = self._stream(client, request, prompt, message=message, reply=reply,
                                  listener=listener, should_stop=should_stop)
            stats = _generation_stats(result, reply)
            final = self.store.finalize_message(
                message.id, "".join(reply.answer),
                MessageState.STOPPED if stats.stop_reason == "stopped" else MessageState.COMPLETE,
                stats=reply.stats(stats), reasoning="".join(reply.reasoning))
        except UserFacingError as error:
            log.info("The remote reply failed: %s (%s)", error.user_message, error.detail)
            listener.reply_failed(error, record_failure(self.store, conversation_id, message,
                                                        reply, error))
            return
        except Exception as error:  # a bug: the turn still ends, and the log has it
            log.exception("The remote reply failed unexpectedly")
            wrapped = internal_error(error, translate("ChatReply", "writing the reply"))
            listener.reply_failed(wrapped, record_failure(self.store, conversation_id,
                                                          message, reply, wrapped))
            return
        listener.reply_finished(final, stats)

    def _start_reply(self, client: RemoteClient, request: RemoteReplyRequest) -> Message:
        settings = request.settings
        recorded = {"temperature": settings.temperature, "top_p": settings.top_p,
                    "max_tokens": settings.max_reply_tokens, "seed": request.seed,
                    "system_prompt": settings.system_prompt,
                    "remote_server": client.server.base_url,
                    "remote_server_id": client.server.id,
                    "remote_model": request.model.model}
        return self.store.add_message(
            request.conversation_id, Role.ASSISTANT, "", state=MessageState.STREAMING,
            model_file=remote_model_label(request.model.model, client.host),
            generation_settings=recorded)

    def _stream(self, client: RemoteClient, request: RemoteReplyRequest,
                prompt: list[RemoteMessage], *, message: Message, reply: StreamingReply,
                listener: ReplyListener, should_stop: Callable[[], bool]) -> RemoteResult:
        saver = StreamSaver(self.store.path, message, self._save_interval)
        settings = request.settings

        def arrived(kind: PieceKind, text: str) -> None:
            if reply.first_token_at is None:
                reply.first_token_at = time.perf_counter()
            if kind is PieceKind.ANSWER:
                reply.answer_tokens += 1
                reply.thought_over(listener)  # the answer's first words end the thought
            else:
                reply.reasoning_tokens += 1
            reply.deliver([Piece(kind, text)], saver, listener)

        try:
            result = client.stream_chat(
                request.model.model, prompt,
                RemoteSampling(temperature=settings.temperature, top_p=settings.top_p,
                               max_tokens=settings.max_reply_tokens, seed=request.seed),
                on_text=lambda text: arrived(PieceKind.ANSWER, text),
                on_reasoning=lambda text: arrived(PieceKind.REASONING, text),
                should_stop=should_stop, continue_final=request.continue_reply)
            reply.thought_over(listener)
            return result
        finally:
            saver.close()  # its last write lands before the row is finalized


def _generation_stats(result: RemoteResult, reply: StreamingReply) -> GenerationStats:
    """The server's figures as the engine's: its token counts, or the pieces counted here
    (one token each, as llama-server and vLLM stream them) when it sent none."""
    prompt = result.prompt_tokens or 0
    generated = result.completion_tokens
    if generated is None:
        generated = reply.answer_tokens + reply.reasoning_tokens
    ttft = result.ttft_s if result.ttft_s is not None else 0.0
    return GenerationStats(prompt_tokens=prompt, evaluated_prompt_tokens=prompt,
                           generated_tokens=generated, ttft_s=ttft, prompt_eval_s=ttft,
                           generation_s=result.generation_s, stop_reason=result.stop_reason)
