"""What an API request asks of the engine, run on the engine's own thread.

The HTTP side (asyncio, app.py) never touches the model: it makes a job and hands it to a
JobQueue, whose thread is the one that owns the loaded LlamaEngine (the window's engine
thread, or local_host's). The job sends its events back through an EventChannel, and
stops between two tokens once ``cancel()`` is called (the client went away) or the host
is shutting down.

Every job ends with exactly one terminal event (Finished, Embedded or Failed), a
cancelled one too, so whoever waits for it is never left waiting.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import contextlib
import logging
import secrets
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from chatapp.api.errors import (
    SERVER_ERROR,
    ApiError,
    model_not_found,
    no_model_loaded,
)
from chatapp.api.requests import (
    ChatCompletionRequest,
    CompletionRequest,
    EmbeddingRequest,
    SamplingRequest,
)
from chatapp.engine.chat_template import TemplateRenderError
from chatapp.engine.embedding import LlamaEmbedder
from chatapp.engine.llama_engine import LlamaEngine, Sampling, Steer
from chatapp.errors import UserFacingError, internal_error
from chatapp.history.store import HistoryError, HistoryStore, title_from_first_message
from chatapp.reasoning.formats import ReplyFormat
from chatapp.reasoning.stream_parser import PieceKind, ReplyParser
from chatapp.settings import Settings
from chatapp.vocabulary import MessageState, Role

log = logging.getLogger(__name__)


# -- what a job says back --------------------------------------------------------------------


@dataclass(frozen=True)
class Usage:
    prompt_tokens: int
    completion_tokens: int

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def as_dict(self) -> dict[str, int]:
        return {"prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "total_tokens": self.total_tokens}


@dataclass(frozen=True)
class Started:
    """The prompt is accepted (it fits, the model is the one asked for): text follows."""

    model: str
    prompt_tokens: int


@dataclass(frozen=True)
class Delta:
    content: str = ""
    reasoning: str = ""


@dataclass(frozen=True)
class Finished:
    finish_reason: str  # "stop" or "length", as OpenAI
    usage: Usage


@dataclass(frozen=True)
class Embedded:
    model: str
    data: list[list[float]] | list[str]  # vectors, or base64 of little-endian float32
    prompt_tokens: int


@dataclass(frozen=True)
class Failed:
    error: ApiError


JobEvent = Started | Delta | Finished | Embedded | Failed


class EventChannel:
    """Events from the engine's thread to one request's asyncio task.

    The engine thread only appends; the loop is woken once for whatever has gathered
    since it last looked, not once per token: each wake-up is a system call and a turn of
    the loop, and on a machine whose cores all run the model that time is the model's.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._events: collections.deque[JobEvent] = collections.deque()
        self._lock = threading.Lock()
        self._wake_pending = False
        self._ready = asyncio.Event()  # touched on the loop only

    def put(self, event: JobEvent) -> None:
        """Thread-safe; dropped when the server's loop has already ended."""
        with self._lock:
            self._events.append(event)
            if self._wake_pending:
                return
            self._wake_pending = True
        # RuntimeError: the loop is closed; nobody is waiting for this request any more.
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(self._ready.set)

    async def get_all(self) -> list[JobEvent]:
        """Every event put since the last call, in order (at least one)."""
        while True:
            await self._ready.wait()
            with self._lock:
                self._ready.clear()
                self._wake_pending = False
                events = list(self._events)
                self._events.clear()
            if events:
                return events


# -- what a job needs of its host ------------------------------------------------------------


class EngineAccess(Protocol):
    """The engine thread's state, as a job sees it (called on that thread only)."""

    def chat_engine(self) -> LlamaEngine | None: ...
    def settings(self) -> Settings: ...
    def embedder(self) -> LlamaEmbedder | None: ...
    def chat_store(self) -> HistoryStore | None: ...  # None: API chats are not saved
    def shutting_down(self) -> bool: ...


@dataclass(frozen=True)
class ServedModels:
    """Model ids (file names without .gguf) for /v1/models; None: none."""

    chat: str | None
    embedding: str | None


class JobQueue(Protocol):
    """Runs jobs one at a time on the engine's thread, in the order submitted."""

    def submit(self, job: ApiJob) -> None: ...
    def served_models(self) -> ServedModels: ...


def served_id(path_stem: str) -> str:
    return path_stem


def _matches(requested: str, model_id: str) -> bool:
    return requested in (model_id, f"{model_id}.gguf")


# -- jobs -------------------------------------------------------------------------------------


class ApiJob:
    """One request's work; ``run`` on the engine's thread, ``cancel`` from any thread."""

    def __init__(self, channel: EventChannel) -> None:
        self.channel = channel
        self._cancelled = threading.Event()
        self.done = threading.Event()
        # Tokens generated after cancel() (at most one: the one being decoded then).
        self.tokens_after_cancel = 0
        self.generated_tokens = 0
        # The history's id of the chat this job saved (API chats saved on request).
        self.saved_chat: int | None = None
        # Called on the engine's thread when the job has run (the host's business).
        self.on_done: Callable[[ApiJob], None] | None = None

    def cancel(self) -> None:
        """Stop generating within a token; whoever waits for the job hears at once (a
        job still queued behind others may run much later, and then only ends)."""
        if not self._cancelled.is_set():
            self._cancelled.set()
            self.channel.put(Failed(_CANCELLED))

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self, access: EngineAccess) -> None:
        """Never raises: every failure becomes a Failed event."""
        try:
            if self.cancelled or access.shutting_down():
                raise _cancelled(access)
            self._run(access)
        except ApiError as error:
            self.channel.put(Failed(error))
        except TemplateRenderError as error:
            self.channel.put(Failed(ApiError(400, error.user_message, param="messages",
                                             code="template_error")))
        except UserFacingError as error:
            log.info("An API request failed: %s (%s)", error.user_message, error.detail)
            self.channel.put(Failed(ApiError(500, error.user_message, type=SERVER_ERROR)))
        except Exception as error:
            log.exception("An API request failed unexpectedly")
            wrapped = internal_error(error, "answering an API request")
            self.channel.put(Failed(ApiError(500, wrapped.user_message, type=SERVER_ERROR)))
        finally:
            self.done.set()
            if self.on_done is not None:
                try:
                    self.on_done(self)
                except Exception:  # the host's listener; the engine thread goes on
                    log.exception("An API job's listener failed")

    def _run(self, access: EngineAccess) -> None:
        raise NotImplementedError


class _GenerationJob(ApiJob):
    """Shared by chat and text completions: sample, split off reasoning, hold back stops."""

    def _generate(self, access: EngineAccess, engine: LlamaEngine, model_id: str,
                  prompt: list[int], request: SamplingRequest, *,
                  reply_format: ReplyFormat | None) -> tuple[str, str, Finished]:
        """Stream the reply's text; (reasoning, content) as sent, and the Finished event,
        which is the caller's to send (after what must be done before the client hears
        the end, such as saving the chat)."""
        context = engine.context_length
        if len(prompt) + 1 >= context:
            raise ApiError(400, f"This model's maximum context length is {context} tokens. "
                           f"However, your prompt is {len(prompt)} tokens. Shorten it, or "
                           "raise the context length in chatapp's Settings.",
                           param="messages", code="context_length_exceeded")
        self.channel.put(Started(model_id, len(prompt)))
        settings = access.settings()
        parser = ReplyParser(reply_format) if reply_format is not None else None
        stops = StopMatcher(request.stop)
        sent_reasoning: list[str] = []
        sent_content: list[str] = []
        stopped_by_string = False

        def send_content(text: str) -> bool:
            """Send answer text; True once a stop string ended it."""
            nonlocal stopped_by_string
            if stopped_by_string:
                return True
            out, stopped_by_string = stops.feed(text)
            if out:
                sent_content.append(out)
                self.channel.put(Delta(content=out))
            return stopped_by_string

        def send(pieces_text: list[tuple[PieceKind, str]]) -> bool:
            for kind, text in pieces_text:
                if kind is PieceKind.REASONING:
                    sent_reasoning.append(text)
                    self.channel.put(Delta(reasoning=text))
                elif send_content(text):
                    return True
            return False

        def on_text(text: str) -> Steer | None:
            self.generated_tokens += 1
            if self.cancelled:
                self.tokens_after_cancel += 1
            if parser is None:
                return Steer(stop="stop_string") if send_content(text) else None
            if send([(p.kind, p.text) for p in parser.feed(text)]):
                return Steer(stop="stop_string")
            return Steer(stop="eos") if parser.ended else None

        stats = engine.generate(
            prompt, sampling_for(request, settings, reply_format), on_text,
            lambda: self.cancelled or access.shutting_down(),
            shown_specials=engine.special_token_ids(reply_format.markers)
            if reply_format is not None else ())
        if stats.stop_reason == "stopped":
            raise _cancelled(access)
        if parser is not None and not stopped_by_string:
            send([(p.kind, p.text)
                  for p in parser.close(cut=stats.stop_reason not in ("eos", "stop_string"))])
        if not stopped_by_string:
            rest = stops.flush()
            if rest:
                sent_content.append(rest)
                self.channel.put(Delta(content=rest))
        finish = "stop" if stats.stop_reason in ("eos", "stop_string") else "length"
        return ("".join(sent_reasoning), "".join(sent_content),
                Finished(finish, Usage(len(prompt), stats.generated_tokens)))


def sampling_for(request: SamplingRequest, settings: Settings,
                 reply_format: ReplyFormat | None) -> Sampling:
    """The engine's sampling for a request: what it asked, the app's settings otherwise."""
    max_tokens = request.max_tokens
    if max_tokens is None:
        # The app's reply limit, and a thinking model's thought budget on top.
        max_tokens = settings.max_reply_tokens
        if reply_format is not None and reply_format.thinks:
            max_tokens += settings.thinking_budget_tokens
    return Sampling(
        temperature=_or(request.temperature, settings.temperature),
        top_p=_or(request.top_p, settings.top_p),
        top_k=_or(request.top_k, settings.top_k),
        min_p=_or(request.min_p, settings.min_p),
        repeat_penalty=_or(request.repeat_penalty, settings.repeat_penalty),
        max_tokens=max_tokens,
        seed=request.seed if request.seed is not None else secrets.randbits(31),
        grammar=request.grammar,
    )


_T = TypeVar("_T")


def _or(value: _T | None, default: _T) -> _T:
    return default if value is None else value


_CANCELLED = ApiError(503, "The request was cancelled: the client went away, or chatapp's "
                      "API server was stopped.", type=SERVER_ERROR, code="cancelled")


def _cancelled(access: EngineAccess) -> ApiError:
    if access.shutting_down():
        return ApiError(503, "chatapp is closing its API server.", type=SERVER_ERROR,
                        code="server_shutting_down")
    return _CANCELLED


def _loaded(access: EngineAccess, requested: str) -> tuple[LlamaEngine, str]:
    engine = access.chat_engine()
    if engine is None:
        raise no_model_loaded()
    model_id = served_id(engine.model_path.stem)
    if not _matches(requested, model_id):
        raise model_not_found(requested, [model_id])
    return engine, model_id


class ChatCompletionJob(_GenerationJob):
    def __init__(self, channel: EventChannel, request: ChatCompletionRequest) -> None:
        super().__init__(channel)
        self.request = request

    def _run(self, access: EngineAccess) -> None:
        engine, model_id = _loaded(access, self.request.model)
        # The template's default thinking (a reasoning model thinks, as it would in a chat).
        options = engine.thinking_control.options(None)
        prompt = engine.tokenize_chat(list(self.request.messages), options=options)
        reasoning, content, finished = self._generate(
            access, engine, model_id, prompt, self.request.sampling,
            reply_format=engine.reply_format(options))
        store = access.chat_store()
        if store is not None:
            self.saved_chat = _save_chat(store, engine, self.request, reasoning, content)
        self.channel.put(finished)


class CompletionJob(_GenerationJob):
    def __init__(self, channel: EventChannel, request: CompletionRequest) -> None:
        super().__init__(channel)
        self.request = request

    def _run(self, access: EngineAccess) -> None:
        engine, model_id = _loaded(access, self.request.model)
        # The raw prompt interface: the client writes the template's markup itself, so
        # special tokens' texts are read as those tokens (as llama-server does).
        prompt = engine.tokenize(self.request.prompt)
        *_text, finished = self._generate(access, engine, model_id, prompt,
                                          self.request.sampling, reply_format=None)
        self.channel.put(finished)


class EmbeddingJob(ApiJob):
    def __init__(self, channel: EventChannel, request: EmbeddingRequest) -> None:
        super().__init__(channel)
        self.request = request

    def _run(self, access: EngineAccess) -> None:
        embedder = access.embedder()
        if embedder is None:
            raise ApiError(404, "chatapp has no embedding model in use (none is chosen, or it "
                           "could not be loaded), so there are no embeddings. Choose one for "
                           "Local documents.",
                           param="model", code="model_not_found")
        model_id = served_id(embedder.model_path.stem)
        if not _matches(self.request.model, model_id):
            raise model_not_found(self.request.model, [model_id])
        texts = list(self.request.inputs)
        prompt_tokens = sum(embedder.count_tokens(text) for text in texts)
        vectors = embedder.embed(texts)
        data: list[list[float]] | list[str] = vectors
        if self.request.base64:
            data = [base64.b64encode(struct.pack(f"<{len(v)}f", *v)).decode("ascii")
                    for v in vectors]
        self.channel.put(Embedded(model_id, data, prompt_tokens))


# -- stop strings -------------------------------------------------------------------------------


class StopMatcher:
    """Cuts streamed text at the first stop string; text that could still begin one is
    held back until it cannot (so a client never sees part of a stop string)."""

    def __init__(self, stops: tuple[str, ...]) -> None:
        self._stops = stops
        self._held = ""

    def feed(self, text: str) -> tuple[str, bool]:
        """(text that can be sent, whether a stop string was met)."""
        if not self._stops:
            return text, False
        pending = self._held + text
        # The stop string completed first ends the reply, as if the text came a character
        # at a time: so where it is cut does not depend on how it was split into tokens.
        # Of those completed at the same character, the one that began first is cut away.
        matches = [(at + len(stop), at) for stop in self._stops
                   if (at := pending.find(stop)) >= 0]
        if matches:
            _end, cut = min(matches)
            self._held = ""
            return pending[:cut], True
        keep = max((size for s in self._stops for size in range(1, len(s))
                    if pending.endswith(s[:size])), default=0)
        self._held = pending[len(pending) - keep:] if keep else ""
        return pending[:len(pending) - keep], False

    def flush(self) -> str:
        """The end of the reply: what was held back was no stop string after all."""
        held, self._held = self._held, ""
        return held


# -- saving API chats -------------------------------------------------------------------------


def _save_chat(store: HistoryStore, engine: LlamaEngine, request: ChatCompletionRequest,
               reasoning: str, content: str) -> int | None:
    """The exchange as an ordinary chat in the history (when the user turned that on);
    its id, None if it could not be saved."""
    messages = request.messages
    system = next((m.content for m in messages if m.role == "system"), None)
    first_user = next((m.content for m in messages if m.role == "user"), "")
    try:
        conversation = store.create_conversation(title_from_first_message(first_user),
                                                 system_prompt=system)
        for message in messages:
            if message.role != "system":
                store.add_message(conversation.id, message.role, message.content)
        reply = store.add_message(conversation.id, Role.ASSISTANT, "",
                                  state=MessageState.STREAMING,
                                  model_file=engine.model_path.name)
        store.finalize_message(reply.id, content, MessageState.COMPLETE,
                               reasoning=reasoning or None)
    except HistoryError as error:  # the client has its answer; the history says why not
        log.error("An API chat could not be saved: %s", error.detail)
        return None
    return conversation.id

