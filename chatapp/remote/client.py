"""Talking to one OpenAI-compatible server: its models, and a streamed chat reply.

Over httpx2 with TLS verified against the system's certificates (as httpx2 does by
default; SSL_CERT_FILE and SSL_CERT_DIR are honoured). The user's proxy settings
(HTTPS_PROXY, NO_PROXY ...) are honoured for servers elsewhere; a server on this computer is
always reached directly. The reply streams as server-sent events (httpx2's spec-compliant
decoder: multi-line data, comments, CR/LF line ends); each delta's answer goes to
``on_text`` and its thought (``reasoning_content`` of llama-server and vLLM, or
``reasoning``) to ``on_reasoning``. Usage is asked for (``stream_options.include_usage``),
and llama-server's own ``timings`` are kept when sent.

Stop ends the reply at once: a watcher shuts the connection's socket down the moment
``should_stop`` says so, which wakes a read that waits for the server. Every failure is a
:class:`~chatapp.remote.errors.RemoteError` naming the host, raised after the text that
streamed was delivered, so the caller keeps the partial reply.
"""

from __future__ import annotations

import json
import logging
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, Final, Literal

import httpx2

from chatapp.i18n import QT_TRANSLATE_NOOP, translate
from chatapp.remote.errors import (
    RemoteAuthError,
    RemoteDroppedError,
    RemoteError,
    RemoteProtocolError,
    RemoteServerError,
    RemoteTimeoutError,
    RemoteTlsError,
    RemoteUnreachableError,
)
from chatapp.remote.servers import RemoteServer, is_loopback

__all__ = [
    "CONNECT_TIMEOUT_S",
    "READ_TIMEOUT_S",
    "RemoteClient",
    "RemoteMessage",
    "RemoteResult",
    "RemoteSampling",
    "StopReason",
]

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S: Final = 10.0
# How long the server may stay silent: before the first token it may be reading a long
# prompt, so this is generous.
READ_TIMEOUT_S: Final = 120.0
MAX_MODELS: Final = 1000
_STOP_POLL_S: Final = 0.05
_ERROR_TEXT_CHARS: Final = 500

StopReason = Literal["eos", "length", "stopped"]
Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class RemoteMessage:
    """One message of the prompt, as the chat completions API takes it."""

    role: Role
    content: str


@dataclass(frozen=True)
class RemoteSampling:
    """What the request asks of the sampler; None leaves it to the server."""

    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    seed: int | None = None
    stop: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemoteResult:
    """How a streamed reply ended and what it took. Token counts are the server's (None
    when it sent no usage); times are measured here, from the request."""

    stop_reason: StopReason
    prompt_tokens: int | None
    completion_tokens: int | None
    ttft_s: float | None  # to the first token of thought or answer
    generation_s: float  # from the first token to the end
    model: str  # the model that answered, as the server names it
    server_timings: Mapping[str, float] = field(default_factory=dict)  # llama-server's

    @property
    def tokens_per_s(self) -> float | None:
        if not self.completion_tokens or self.generation_s <= 0:
            return None
        return self.completion_tokens / self.generation_s


class RemoteClient:
    """One server's client; its methods block, so call them on a worker thread. Close it
    (or use it as a context manager) to release its connections."""

    def __init__(self, server: RemoteServer, api_key: str | None, *,
                 timeout_s: float = READ_TIMEOUT_S,
                 connect_timeout_s: float = CONNECT_TIMEOUT_S) -> None:
        self.server = server
        self.host = server.host
        headers = {"Accept": "application/json"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        self._client = httpx2.Client(
            base_url=server.base_url.rstrip("/") + "/", headers=headers,
            timeout=httpx2.Timeout(timeout_s, connect=connect_timeout_s),
            trust_env=not is_loopback(server.base_url), follow_redirects=False,
            # A fresh connection for each request: servers close idle ones after a few
            # seconds (llama-server after 5), and a reply sent on such a stale connection
            # would fail with nothing to show for it. One handshake per reply is nothing.
            limits=httpx2.Limits(max_keepalive_connections=0))

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RemoteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- Models ---

    def list_models(self) -> list[str]:
        """The ids of the server's models, as it lists them (GET /models)."""
        with self._translated():
            response = self._client.get("models")
            self._raise_for_status(response)
            try:
                document: Any = response.json()
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise self._not_openai(QT_TRANSLATE_NOOP(
                    "RemoteServer", "its list of models is not JSON")) from None
        entries = document.get("data") if isinstance(document, dict) else None
        if not isinstance(entries, list):
            raise self._not_openai(QT_TRANSLATE_NOOP(
                "RemoteServer", "its list of models has no \"data\""))
        models = [e["id"] for e in entries[:MAX_MODELS]
                  if isinstance(e, dict) and isinstance(e.get("id"), str) and e["id"]]
        return list(dict.fromkeys(models))

    # --- Chat ---

    def stream_chat(self, model: str, messages: Sequence[RemoteMessage],
                    sampling: RemoteSampling, *,
                    on_text: Callable[[str], None],
                    on_reasoning: Callable[[str], None],
                    should_stop: Callable[[], bool],
                    continue_final: bool = False) -> RemoteResult:
        """Stream a reply (POST /chat/completions); see the module docs. Raises a
        RemoteError after delivering what streamed. ``should_stop`` is also called from a
        watcher thread, so it must be thread-safe (a flag or an Event).

        ``continue_final``: the last message is a reply the model writes on, asked as
        llama-server and vLLM take it (``continue_final_message``, no generation prompt).
        """
        body: dict[str, Any] = {
            "model": model, "stream": True, "stream_options": {"include_usage": True},
            "messages": [{"role": m.role, "content": m.content} for m in messages],
        }
        for name in ("temperature", "top_p", "max_tokens", "seed"):
            value = getattr(sampling, name)
            if value is not None:
                body[name] = value
        if sampling.stop:
            body["stop"] = list(sampling.stop)
        if continue_final:
            body["continue_final_message"] = True
            body["add_generation_prompt"] = False
        started = time.perf_counter()
        stream = _ReplyStream(model)
        with self._translated(stream), _StopWatch(should_stop) as watch:
            try:
                with self._client.stream("POST", "chat/completions", json=body,
                                         headers={"Accept": "text/event-stream"}) as response:
                    self._raise_for_status(response)
                    watch.watch(response)
                    for event in httpx2.EventSource(response):
                        if watch.stopped or stream.finished_with_done:
                            break
                        self._take(event, stream, on_text, on_reasoning)
            except httpx2.SSEError as error:
                raise self._not_openai("{error}", error=error) from None
            except (httpx2.TransportError, OSError):
                if not watch.stopped:  # a stop shuts the socket: its error is the stop
                    raise
        ended = time.perf_counter()
        if watch.stopped or should_stop():
            stop_reason: StopReason = "stopped"
        elif stream.finish_reason is None:
            raise self._dropped("the stream ended without a finish reason")
        else:
            stop_reason = "length" if stream.finish_reason == "length" else "eos"
        first = stream.first_token_at
        return RemoteResult(
            stop_reason=stop_reason, prompt_tokens=stream.prompt_tokens,
            completion_tokens=stream.completion_tokens,
            ttft_s=None if first is None else first - started,
            generation_s=0.0 if first is None else ended - first,
            model=stream.model, server_timings=stream.timings)

    def _take(self, event: httpx2.ServerSentEvent, stream: _ReplyStream,
              on_text: Callable[[str], None], on_reasoning: Callable[[str], None]) -> None:
        data = event.data.strip()
        if not data:
            return
        if data == "[DONE]":
            stream.finished_with_done = True
            return
        try:
            chunk: Any = json.loads(data)
        except (json.JSONDecodeError, RecursionError):
            raise self._not_openai(QT_TRANSLATE_NOOP(
                "RemoteServer", "a streamed event is not JSON")) from None
        if not isinstance(chunk, dict):
            raise self._not_openai(QT_TRANSLATE_NOOP(
                "RemoteServer", "a streamed event is not an object"))
        if "error" in chunk or event.event == "error":
            message = _error_message(chunk) or translate("RemoteServer",
                                                         "an error with no message")
            raise RemoteServerError(self.host, 0, translate(
                "RemoteServer", "{host} stopped the reply with an error: {message}").format(
                    host=self.host, message=message), f"stream error: {message}")
        if isinstance(chunk.get("model"), str):
            stream.model = chunk["model"]
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            stream.prompt_tokens = _count(usage.get("prompt_tokens"))
            stream.completion_tokens = _count(usage.get("completion_tokens"))
        timings = chunk.get("timings")
        if isinstance(timings, dict):
            stream.timings = {k: float(v) for k, v in timings.items()
                              if isinstance(k, str) and isinstance(v, int | float)
                              and not isinstance(v, bool)}
        choices = chunk.get("choices")
        if not isinstance(choices, list):
            return
        for choice in choices:
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            delta = choice.get("delta")
            if isinstance(delta, dict):
                thought = delta.get("reasoning_content")
                if not isinstance(thought, str):
                    thought = delta.get("reasoning")
                text = delta.get("content")
                for piece, deliver in ((thought, on_reasoning), (text, on_text)):
                    if isinstance(piece, str) and piece:
                        if stream.first_token_at is None:
                            stream.first_token_at = time.perf_counter()
                        deliver(piece)
            reason = choice.get("finish_reason")
            if isinstance(reason, str) and reason:
                stream.finish_reason = reason

    # --- Errors ---

    def _raise_for_status(self, response: httpx2.Response) -> None:
        status = response.status_code
        if status < 400:
            if status >= 300:
                raise self._not_openai(QT_TRANSLATE_NOOP(
                    "RemoteServer", "it answered with a redirect ({status})"), status=status)
            return
        response.read()
        message = _error_message(_json_or_none(response)) \
            or response.text.strip()[:_ERROR_TEXT_CHARS] or response.reason_phrase
        if status in (401, 403):
            raise RemoteAuthError(self.host, translate(
                "RemoteServer", "{host} refused the API key ({status}: {message}). Set the "
                "server's API key again in Remote servers.").format(
                    host=self.host, status=status, message=message),
                f"HTTP {status}: {message}")
        if status == 404:
            raise RemoteServerError(self.host, status, translate(
                "RemoteServer", "{host} has no such model or endpoint ({message}). Check the "
                "server's address (it should end in /v1) and pick a model it lists.").format(
                    host=self.host, message=message), f"HTTP 404: {message}")
        raise RemoteServerError(self.host, status, translate(
            "RemoteServer", "{host} answered with an error ({status}): {message}").format(
                host=self.host, status=status, message=message), f"HTTP {status}: {message}")

    def _dropped(self, detail: str) -> RemoteDroppedError:
        return RemoteDroppedError(self.host, translate(
            "RemoteServer", "The connection to {host} ended before the reply did. The part "
            "already written is kept; try again or continue the reply.").format(
                host=self.host), detail)

    def _not_openai(self, why: str, **values: object) -> RemoteProtocolError:
        """``why``: English, marked for translation (or a library's message, kept as it is),
        with {placeholders} filled from ``values``."""
        return RemoteProtocolError(self.host, translate(
            "RemoteServer", "{host} did not answer as an OpenAI-compatible server does "
            "({reason}). Check the server's address.").format(
                host=self.host, reason=translate("RemoteServer", why).format(**values)),
            why.format(**values))

    @contextmanager
    def _translated(self, stream: _ReplyStream | None = None) -> Iterator[None]:
        """httpx2's and the socket's errors as RemoteErrors naming the host."""
        try:
            yield
        except RemoteError:
            raise
        except httpx2.ConnectTimeout as error:
            raise RemoteTimeoutError(self.host, translate(
                "RemoteServer", "{host} did not accept a connection in time. Check that the "
                "server is running and reachable, then try again.").format(host=self.host),
                repr(error)) from None
        except httpx2.TimeoutException as error:
            if stream is None or stream.first_token_at is None:
                message = translate(
                    "RemoteServer", "{host} stopped answering: no word of the reply came in "
                    "time. The part already written is kept; try again later.")
            else:
                message = translate(
                    "RemoteServer", "{host} stopped answering: no word of the rest of the "
                    "reply came in time. The part already written is kept; try again later.")
            raise RemoteTimeoutError(self.host, message.format(host=self.host),
                                     repr(error)) from None
        except httpx2.ConnectError as error:
            if _is_tls_failure(error):
                raise RemoteTlsError(self.host, translate(
                    "RemoteServer", "The certificate of {host} could not be verified, so "
                    "chatapp did not send it anything. If the server uses a certificate of "
                    "your own, add its authority to the system's certificates; if it speaks "
                    "plain http, write its address with http://.").format(host=self.host),
                    repr(error)) from None
            raise RemoteUnreachableError(self.host, translate(
                "RemoteServer", "{host} cannot be reached ({reason}). Check the address and "
                "that the server is running, then try again.").format(
                    host=self.host, reason=_reason(error)), repr(error)) from None
        except (httpx2.RemoteProtocolError, httpx2.ReadError, httpx2.WriteError,
                httpx2.CloseError, OSError) as error:
            if stream is None:
                raise RemoteUnreachableError(self.host, translate(
                    "RemoteServer", "The connection to {host} failed ({reason}). Try again."
                ).format(host=self.host, reason=_reason(error)), repr(error)) from None
            raise self._dropped(repr(error)) from None
        except httpx2.HTTPError as error:
            raise RemoteUnreachableError(self.host, translate(
                "RemoteServer", "The request to {host} failed ({reason}).").format(
                    host=self.host, reason=_reason(error)), repr(error)) from None


@dataclass
class _ReplyStream:
    """What a streamed reply has said so far about itself."""

    model: str
    finish_reason: str | None = None
    finished_with_done: bool = False
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    first_token_at: float | None = None
    timings: dict[str, float] = field(default_factory=dict)


class _StopWatch:
    """Shuts the response's socket down once ``should_stop`` says so: a read blocked on a
    silent server wakes at once (closing alone does not wake it on Linux)."""

    def __init__(self, should_stop: Callable[[], bool]) -> None:
        self._should_stop = should_stop
        self._done = threading.Event()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def watch(self, response: httpx2.Response) -> None:
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return  # polled between events only

        def run() -> None:
            while not self._done.wait(_STOP_POLL_S):
                if self._should_stop():
                    self._stopped.set()
                    with suppress(OSError):  # already closed: the read ended anyway
                        sock.shutdown(socket.SHUT_RDWR)
                    return

        self._thread = threading.Thread(target=run, name="remote-stop-watch", daemon=True)
        self._thread.start()

    def __enter__(self) -> _StopWatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()


def _json_or_none(response: httpx2.Response) -> object:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return None


def _error_message(document: object) -> str:
    """The message of an OpenAI-style error ({"error": {"message": ...}} or
    {"error": "..."}, {"message": ...} or {"detail": ...}), bounded."""
    if not isinstance(document, dict):
        return ""
    error = document.get("error", document)
    if isinstance(error, str):
        return error[:_ERROR_TEXT_CHARS]
    if isinstance(error, dict):
        for key in ("message", "detail"):
            if isinstance(error.get(key), str):
                return str(error[key])[:_ERROR_TEXT_CHARS]
    return ""


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
        else None


def _is_tls_failure(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    text = str(error)
    return "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text


def _reason(error: BaseException) -> str:
    text = str(error).strip()
    lowered = text.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered \
            or "getaddrinfo" in lowered or "temporary failure in name resolution" in lowered:
        return translate("RemoteServer", "its name was not found")
    if "connection refused" in lowered:
        return translate("RemoteServer",
                         "the connection was refused: nothing listens at that address")
    if "network is unreachable" in lowered or "no route to host" in lowered:
        return translate("RemoteServer", "the network cannot reach it")
    return text[:200] or type(error).__name__
