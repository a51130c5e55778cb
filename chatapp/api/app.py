"""The HTTP side of the API server: OpenAI's routes, errors and streaming, as Starlette.

Nothing here touches the model. Each request is checked (key, size, JSON, parameters),
becomes a job for the engine's thread (jobs.py), and is answered from the job's events:
as one JSON body, or as server-sent events framed exactly as OpenAI frames them. The
status is decided by the job's first event, so a mistake only the engine can find (no
model loaded, another model asked for, a prompt too long) still gets its 4xx before any
stream begins. A client that goes away cancels its job, which stops within a token.
"""

from __future__ import annotations

import asyncio
import collections
import hmac
import json
import logging
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any, Final

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from chatapp.api.errors import AUTHENTICATION, SERVER_ERROR, ApiError
from chatapp.api.jobs import (
    ApiJob,
    ChatCompletionJob,
    CompletionJob,
    Delta,
    Embedded,
    EmbeddingJob,
    EventChannel,
    Failed,
    Finished,
    JobEvent,
    JobQueue,
    Started,
    Usage,
)
from chatapp.api.requests import (
    parse_chat_completion,
    parse_completion,
    parse_embedding,
    parse_json,
)
from chatapp.errors import internal_error

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY_BYTES: Final = 16 * 1024 * 1024  # a long chat is a few megabytes at most
OWNER: Final = "chatapp"


class ActiveRequests:
    """The requests being answered: counted for the status line, cancelled at shutdown.

    Touched from the server's loop and from the thread that stops it, hence the lock.
    """

    def __init__(self, on_change: Callable[[int], None]) -> None:
        self._lock = threading.Lock()
        self._jobs: set[ApiJob] = set()
        self._on_change = on_change

    def add(self, job: ApiJob) -> None:
        with self._lock:
            self._jobs.add(job)
            count = len(self._jobs)
        self._on_change(count)

    def remove(self, job: ApiJob) -> None:
        with self._lock:
            self._jobs.discard(job)
            count = len(self._jobs)
        self._on_change(count)

    def cancel_all(self) -> None:
        with self._lock:
            jobs = list(self._jobs)
        for job in jobs:
            job.cancel()

    @property
    def count(self) -> int:
        with self._lock:
            return len(self._jobs)


def create_app(queue: JobQueue, *, api_key: str | None, active: ActiveRequests,
               max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Starlette:
    """The app; ``api_key`` None: no key is asked for (the user chose none)."""
    expected = api_key.encode("utf-8") if api_key else None

    def endpoint(handler: Callable[[Request], Awaitable[Response]]
                 ) -> Callable[[Request], Awaitable[Response]]:
        async def guarded(request: Request) -> Response:
            try:
                _authorize(request, expected)
                return await handler(request)
            except ApiError as error:
                return _error_response(error)
            except Exception as error:  # a bug: this request fails, the server stays up
                log.exception("The API server failed on a request")
                wrapped = internal_error(error, "answering an API request")
                return _error_response(ApiError(500, wrapped.user_message, type=SERVER_ERROR))
        return guarded

    async def list_models(_request: Request) -> Response:
        return JSONResponse({"object": "list", "data": _models(queue)})

    async def get_model(request: Request) -> Response:
        wanted = request.path_params["model"]
        for entry in _models(queue):
            if entry["id"] == wanted:
                return JSONResponse(entry)
        raise ApiError(404, f"The model '{wanted}' does not exist here.", param="model",
                       code="model_not_found")

    async def chat_completions(request: Request) -> Response:
        parsed = parse_chat_completion(await _json_body(request, max_body_bytes))
        job = ChatCompletionJob(EventChannel(asyncio.get_running_loop()), parsed)
        return _JobResponse(job, queue, active, _ChatShape(parsed.include_usage),
                            stream=parsed.stream)

    async def completions(request: Request) -> Response:
        parsed = parse_completion(await _json_body(request, max_body_bytes))
        job = CompletionJob(EventChannel(asyncio.get_running_loop()), parsed)
        return _JobResponse(job, queue, active, _TextShape(parsed.include_usage),
                            stream=parsed.stream)

    async def embeddings(request: Request) -> Response:
        parsed = parse_embedding(await _json_body(request, max_body_bytes))
        job = EmbeddingJob(EventChannel(asyncio.get_running_loop()), parsed)
        return _JobResponse(job, queue, active, _EmbeddingShape(), stream=False)

    async def http_error(_request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if error.status_code == 404:
            return _error_response(ApiError(404, "There is no such route here. chatapp "
                                            "serves /v1/models, /v1/chat/completions, "
                                            "/v1/completions and /v1/embeddings.",
                                            code="not_found"))
        return _error_response(ApiError(error.status_code, str(error.detail)))

    routes = [
        Route("/v1/models", endpoint(list_models), methods=["GET"]),
        Route("/v1/models/{model:path}", endpoint(get_model), methods=["GET"]),
        Route("/v1/chat/completions", endpoint(chat_completions), methods=["POST"]),
        Route("/v1/completions", endpoint(completions), methods=["POST"]),
        Route("/v1/embeddings", endpoint(embeddings), methods=["POST"]),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: http_error})


def _models(queue: JobQueue) -> list[dict[str, Any]]:
    served = queue.served_models()
    return [{"id": name, "object": "model", "created": 0, "owned_by": OWNER}
            for name in (served.chat, served.embedding) if name is not None]


def _authorize(request: Request, expected: bytes | None) -> None:
    if expected is None:
        return
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    # Compared in constant time: the answer's timing must not tell how much was right.
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"),
                                                             expected):
        raise ApiError(401, "Incorrect or missing API key. Send the key set in chatapp's "
                       "Settings (API server) as 'Authorization: Bearer <key>'.",
                       type=AUTHENTICATION, code="invalid_api_key")


async def _json_body(request: Request, limit: int) -> dict[str, Any]:
    too_large = ApiError(413, f"The request body is larger than {limit} bytes.",
                         code="request_too_large")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return parse_json(bytes(body))


def _error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error.body(), status_code=error.status)


# -- answering from a job's events ---------------------------------------------------------


class _Shape:
    """How one endpoint's answer looks, whole and as stream chunks."""

    object_name = ""
    id_prefix = ""

    def __init__(self, include_usage: bool = False) -> None:
        self.include_usage = include_usage
        self.id = self.id_prefix + secrets.token_hex(12)
        self.created = int(time.time())
        self.model = ""

    def first_chunks(self) -> list[dict[str, Any]]:
        return []

    def delta_chunk(self, delta: Delta) -> dict[str, Any] | None:
        raise NotImplementedError

    def final_chunk(self, finished: Finished) -> dict[str, Any]:
        raise NotImplementedError

    def usage_chunk(self, usage: Usage) -> dict[str, Any]:
        return {**self._head(), "choices": [], "usage": usage.as_dict()}

    def whole(self, deltas: list[Delta], finished: Finished) -> dict[str, Any]:
        raise NotImplementedError

    def _head(self) -> dict[str, Any]:
        return {"id": self.id, "object": self.object_name, "created": self.created,
                "model": self.model, "system_fingerprint": None}

    def _chunk(self, choice: dict[str, Any]) -> dict[str, Any]:
        chunk = {**self._head(), "choices": [choice]}
        if self.include_usage:
            chunk["usage"] = None  # as OpenAI: every chunk but the last has a null usage
        return chunk


class _ChatShape(_Shape):
    object_name = "chat.completion.chunk"
    id_prefix = "chatcmpl-"

    def first_chunks(self) -> list[dict[str, Any]]:
        return [self._chunk({"index": 0, "delta": {"role": "assistant", "content": ""},
                             "logprobs": None, "finish_reason": None})]

    def delta_chunk(self, delta: Delta) -> dict[str, Any] | None:
        fields = {"reasoning_content": delta.reasoning} if delta.reasoning \
            else {"content": delta.content}
        return self._chunk({"index": 0, "delta": fields, "logprobs": None,
                            "finish_reason": None})

    def final_chunk(self, finished: Finished) -> dict[str, Any]:
        return self._chunk({"index": 0, "delta": {}, "logprobs": None,
                            "finish_reason": finished.finish_reason})

    def whole(self, deltas: list[Delta], finished: Finished) -> dict[str, Any]:
        message: dict[str, Any] = {"role": "assistant",
                                   "content": "".join(d.content for d in deltas)}
        reasoning = "".join(d.reasoning for d in deltas)
        if reasoning:
            message["reasoning_content"] = reasoning
        return {**self._head(), "object": "chat.completion",
                "choices": [{"index": 0, "message": message, "logprobs": None,
                             "finish_reason": finished.finish_reason}],
                "usage": finished.usage.as_dict()}


class _TextShape(_Shape):
    object_name = "text_completion"
    id_prefix = "cmpl-"

    def delta_chunk(self, delta: Delta) -> dict[str, Any] | None:
        if not delta.content:
            return None
        return self._chunk({"index": 0, "text": delta.content, "logprobs": None,
                            "finish_reason": None})

    def final_chunk(self, finished: Finished) -> dict[str, Any]:
        return self._chunk({"index": 0, "text": "", "logprobs": None,
                            "finish_reason": finished.finish_reason})

    def whole(self, deltas: list[Delta], finished: Finished) -> dict[str, Any]:
        return {**self._head(),
                "choices": [{"index": 0, "text": "".join(d.content for d in deltas),
                             "logprobs": None, "finish_reason": finished.finish_reason}],
                "usage": finished.usage.as_dict()}


class _EmbeddingShape(_Shape):
    def embedded(self, result: Embedded) -> dict[str, Any]:
        return {"object": "list", "model": result.model,
                "data": [{"object": "embedding", "index": index, "embedding": vector}
                         for index, vector in enumerate(result.data)],
                "usage": {"prompt_tokens": result.prompt_tokens,
                          "total_tokens": result.prompt_tokens}}


class _ClientGoneError(Exception):
    pass


class _JobResponse(Response):
    """Runs a job and answers from its events; cancels it if the client goes away."""

    def __init__(self, job: ApiJob, queue: JobQueue, active: ActiveRequests, shape: _Shape,
                 *, stream: bool) -> None:
        super().__init__()
        self._job = job
        self._pending: collections.deque[JobEvent] = collections.deque()  # received, not yet sent
        self._queue = queue
        self._active = active
        self._shape = shape
        self._stream = stream

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        job = self._job
        gone = asyncio.ensure_future(_disconnected(receive))
        self._active.add(job)
        try:
            self._queue.submit(job)
            await self._answer(send, gone)
        except (_ClientGoneError, OSError):
            pass  # nobody to answer; the job was cancelled
        finally:
            # Whatever ended this request, its generation ends too (within a token).
            job.cancel()
            gone.cancel()
            self._active.remove(job)

    async def _answer(self, send: Send, gone: asyncio.Future[None]) -> None:
        shape = self._shape
        first = await self._next(gone)
        if isinstance(first, Failed):
            await _send_json(send, first.error.status, first.error.body())
            return
        if isinstance(first, Embedded) and isinstance(shape, _EmbeddingShape):
            await _send_json(send, 200, shape.embedded(first))
            return
        assert isinstance(first, Started)
        shape.model = first.model
        if self._stream:
            await self._answer_stream(send, gone)
            return
        deltas: list[Delta] = []
        while True:
            event = await self._next(gone)
            if isinstance(event, Delta):
                deltas.append(event)
            elif isinstance(event, Finished):
                await _send_json(send, 200, shape.whole(deltas, event))
                return
            elif isinstance(event, Failed):
                await _send_json(send, event.error.status, event.error.body())
                return

    async def _answer_stream(self, send: Send, gone: asyncio.Future[None]) -> None:
        shape = self._shape
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"text/event-stream; charset=utf-8"),
            (b"cache-control", b"no-cache"),
            (b"x-accel-buffering", b"no"),
        ]})
        for chunk in shape.first_chunks():
            await _send_event(send, chunk)
        while True:
            event = await self._next(gone)
            if isinstance(event, Delta):
                piece = shape.delta_chunk(self._more_of(event))
                if piece is not None:
                    await _send_event(send, piece)
                continue
            if isinstance(event, Finished):
                await _send_event(send, shape.final_chunk(event))
                if shape.include_usage:
                    await _send_event(send, shape.usage_chunk(event.usage))
            elif isinstance(event, Failed):
                # The status is already sent: OpenAI reports a failure mid-stream as an
                # event with the error body.
                await _send_event(send, event.error.body())
            else:
                continue
            await send({"type": "http.response.body", "body": b"data: [DONE]\n\n",
                        "more_body": False})
            return

    async def _next(self, gone: asyncio.Future[None]) -> JobEvent:
        if self._pending:
            return self._pending.popleft()
        getting = asyncio.ensure_future(self._job.channel.get_all())
        waited: list[asyncio.Future[Any]] = [getting, gone]
        await asyncio.wait(waited, return_when=asyncio.FIRST_COMPLETED)
        if getting.done():
            self._pending.extend(getting.result())
            return self._pending.popleft()
        getting.cancel()
        self._job.cancel()
        raise _ClientGoneError

    def _more_of(self, delta: Delta) -> Delta:
        """``delta`` with the deltas of its kind that came with it: one chunk for the
        tokens that gathered while the loop was busy, not one each."""
        content, reasoning = [delta.content], [delta.reasoning]
        while self._pending:
            after = self._pending[0]
            if not isinstance(after, Delta) or bool(after.reasoning) != bool(delta.reasoning):
                break
            self._pending.popleft()
            content.append(after.content)
            reasoning.append(after.reasoning)
        return Delta(content="".join(content), reasoning="".join(reasoning))


async def _disconnected(receive: Receive) -> None:
    """Returns when the client has gone (the body was read already)."""
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(data)).encode("ascii")),
    ]})
    await send({"type": "http.response.body", "body": data, "more_body": False})


async def _send_event(send: Send, body: dict[str, Any]) -> None:
    data = b"data: " + json.dumps(body, ensure_ascii=False).encode("utf-8") + b"\n\n"
    await send({"type": "http.response.body", "body": data, "more_body": True})
