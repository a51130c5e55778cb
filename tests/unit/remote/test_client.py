"""RemoteClient against the real llama-server (SmolLM2 on 127.0.0.1), and against raw
socket stand-ins for the servers that misbehave: silent, dropping, lying, untrusted TLS."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import openai
import pytest

from chatapp.remote.client import RemoteClient, RemoteMessage, RemoteResult, RemoteSampling
from chatapp.remote.errors import (
    RemoteAuthError,
    RemoteDroppedError,
    RemoteProtocolError,
    RemoteServerError,
    RemoteTimeoutError,
    RemoteTlsError,
    RemoteUnreachableError,
)
from chatapp.remote.servers import RemoteServer, normalize_base_url
from tests.remote_server import (
    SSE_HEAD,
    TEST_API_KEY,
    RunningServer,
    SocketServer,
    free_port,
    llama_server,
    llama_server_with_key,
    sse_chunk,
    start_llama_server,
    stop_llama_server,
)

__all__ = ["llama_server", "llama_server_with_key"]  # fixtures, used by name

QUESTION = [RemoteMessage("user", "Name three colours.")]
GREEDY = RemoteSampling(temperature=0.0, max_tokens=24, seed=7)


def server_at(url: str) -> RemoteServer:
    return RemoteServer("0" * 32, "test", normalize_base_url(url))


class Collected:
    def __init__(self) -> None:
        self.text: list[str] = []
        self.reasoning: list[str] = []

    def stream(self, client: RemoteClient, *, model: str = "any",
               messages: list[RemoteMessage] = QUESTION,
               sampling: RemoteSampling = GREEDY,
               should_stop: threading.Event | None = None) -> RemoteResult:
        stop = should_stop or threading.Event()
        return client.stream_chat(model, messages, sampling, on_text=self.text.append,
                                  on_reasoning=self.reasoning.append,
                                  should_stop=stop.is_set)


def test_lists_the_servers_models(llama_server: RunningServer) -> None:
    with RemoteClient(server_at(llama_server.url), None) as client:
        models = client.list_models()
    assert len(models) == 1 and models[0]


def test_streamed_reply_equals_the_servers_whole_reply(llama_server: RunningServer) -> None:
    with RemoteClient(server_at(llama_server.url), None) as client:
        model = client.list_models()[0]
        got = Collected()
        result = got.stream(client, model=model)
    whole = openai.OpenAI(base_url=f"{llama_server.url}/v1", api_key="none",
                          http_client=None).chat.completions.create(
        model=model, messages=[{"role": "user", "content": "Name three colours."}],
        temperature=0.0, max_tokens=24, seed=7)
    assert "".join(got.text) == whole.choices[0].message.content
    assert got.text and not got.reasoning
    assert whole.usage is not None
    assert result.prompt_tokens == whole.usage.prompt_tokens
    assert result.completion_tokens == whole.usage.completion_tokens
    expected = "length" if whole.choices[0].finish_reason == "length" else "eos"
    assert result.stop_reason == expected
    assert result.ttft_s is not None and result.ttft_s > 0
    assert result.server_timings.get("predicted_n") == result.completion_tokens


def test_stop_ends_the_stream_and_keeps_what_came(llama_server: RunningServer) -> None:
    stop = threading.Event()
    got = Collected()
    original = got.text.append

    def on_text(text: str) -> None:
        original(text)
        stop.set()  # stop after the first piece

    with RemoteClient(server_at(llama_server.url), None) as client:
        result = client.stream_chat("any", QUESTION, RemoteSampling(max_tokens=200, seed=1),
                                    on_text=on_text, on_reasoning=got.reasoning.append,
                                    should_stop=stop.is_set)
    assert result.stop_reason == "stopped"
    assert 1 <= len(got.text) < 200


def test_a_stop_wakes_a_read_that_waits_for_a_silent_server() -> None:
    """The server sent its headers and then nothing: Stop still ends the reply at once
    (well before the 60 s read timeout, which would fail the test by the suite's limit)."""
    stop = threading.Event()
    answered = threading.Event()

    def respond(connection: socket.socket, request: bytes) -> None:
        connection.sendall(SSE_HEAD + sse_chunk("Hello"))
        answered.set()
        connection.recv(1)  # waits until the client goes

    got = Collected()
    with SocketServer(respond) as stand_in, \
            RemoteClient(server_at(stand_in.url), None, timeout_s=600) as client:
        def on_text(text: str) -> None:
            got.text.append(text)
            stop.set()
        result = client.stream_chat("any", QUESTION, GREEDY, on_text=on_text,
                                    on_reasoning=got.reasoning.append,
                                    should_stop=stop.is_set)
    assert answered.is_set()
    assert result.stop_reason == "stopped" and got.text == ["Hello"]


def test_a_wrong_api_key_is_refused_by_name(llama_server_with_key: RunningServer) -> None:
    server = server_at(llama_server_with_key.url)
    with RemoteClient(server, "sk-wrong") as client, pytest.raises(RemoteAuthError) as raised:
        client.list_models()
    assert "refused the API key" in raised.value.user_message
    assert server.host in raised.value.user_message
    with RemoteClient(server, None) as client, pytest.raises(RemoteAuthError):
        Collected().stream(client)
    with RemoteClient(server, TEST_API_KEY) as client:
        assert client.list_models()


def test_a_closed_port_is_unreachable() -> None:
    port = free_port()  # nothing listens there now
    with RemoteClient(server_at(f"127.0.0.1:{port}"), None) as client, \
            pytest.raises(RemoteUnreachableError) as raised:
        client.list_models()
    assert f"127.0.0.1:{port}" in raised.value.user_message
    assert "refused" in raised.value.user_message


def test_a_server_that_never_answers_times_out() -> None:
    def respond(connection: socket.socket, request: bytes) -> None:
        connection.recv(1)  # accepts, reads the request, says nothing

    got = Collected()
    with SocketServer(respond) as stand_in, \
            RemoteClient(server_at(stand_in.url), None, timeout_s=0.5) as client, \
            pytest.raises(RemoteTimeoutError) as raised:
        got.stream(client)
    assert f"127.0.0.1:{stand_in.port}" in raised.value.user_message
    assert got.text == []


def test_a_server_that_goes_quiet_mid_reply_times_out_keeping_the_text() -> None:
    def respond(connection: socket.socket, request: bytes) -> None:
        connection.sendall(SSE_HEAD + sse_chunk("Half a "))
        connection.recv(1)

    got = Collected()
    with SocketServer(respond) as stand_in, \
            RemoteClient(server_at(stand_in.url), None, timeout_s=0.5) as client, \
            pytest.raises(RemoteTimeoutError) as raised:
        got.stream(client)
    assert "the rest of the reply" in raised.value.user_message
    assert got.text == ["Half a "]


@pytest.mark.parametrize("ending", [b"", b"0\r\n"], ids=["closed", "cut-chunk"])
def test_a_server_that_drops_mid_reply(ending: bytes) -> None:
    def respond(connection: socket.socket, request: bytes) -> None:
        if ending:  # chunked, cut in the middle of the body
            head = SSE_HEAD.replace(b"Connection: close\r\n",
                                    b"Transfer-Encoding: chunked\r\n")
            piece = sse_chunk("Half a ")
            connection.sendall(head + f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
                               + b"40\r\ndata: {")
        else:  # the connection closes after a piece, no finish_reason, no [DONE]
            connection.sendall(SSE_HEAD + sse_chunk("Half a "))
        connection.shutdown(socket.SHUT_RDWR)
        connection.close()

    got = Collected()
    with SocketServer(respond) as stand_in, \
            RemoteClient(server_at(stand_in.url), None) as client, \
            pytest.raises(RemoteDroppedError) as raised:
        got.stream(client)
    assert "ended before the reply did" in raised.value.user_message
    assert f"127.0.0.1:{stand_in.port}" in raised.value.user_message
    assert got.text == ["Half a "]


def test_events_are_read_as_the_sse_spec_says() -> None:
    """Comments, CRLF line ends, an event's data over several lines, reasoning under both
    names, usage in the last chunk, and nothing read after [DONE]."""
    stream = (
        SSE_HEAD + b": keep-alive comment\r\n\r\n"
        + b'data: {"choices":[{"index":0,"delta":\r\n'
        + b'data: {"reasoning_content":"Think"},"finish_reason":null}]}\r\n\r\n'
        + b'data: {"choices":[{"index":0,"delta":{"reasoning":"ing."}}]}\n\n'
        + b'event: message\ndata: {"choices":[{"index":0,"delta":{"content":"Blue"}}]}\n\n'
        + b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"length"}]}\n\n'
        + b'data: {"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3}}\n\n'
        + b"data: [DONE]\n\n"
        + b'data: {"choices":[{"index":0,"delta":{"content":"after done"}}]}\n\n'
    )

    requests: list[bytes] = []

    def respond(connection: socket.socket, request: bytes) -> None:
        requests.append(request)
        connection.sendall(stream)
        connection.close()

    got = Collected()
    with SocketServer(respond) as stand_in, RemoteClient(server_at(stand_in.url), None) as c:
        result = got.stream(c)
    assert b'"stream_options":{"include_usage":true}' in requests[0].replace(b" ", b"")
    assert got.reasoning == ["Think", "ing."] and got.text == ["Blue"]
    assert result.stop_reason == "length"
    assert (result.prompt_tokens, result.completion_tokens) == (9, 3)


def test_an_error_inside_the_stream_is_the_servers_message() -> None:
    def respond(connection: socket.socket, request: bytes) -> None:
        connection.sendall(SSE_HEAD + sse_chunk("Par")
                           + b'data: {"error":{"message":"out of memory","code":500}}\n\n')
        connection.close()

    got = Collected()
    with SocketServer(respond) as stand_in, \
            RemoteClient(server_at(stand_in.url), None) as client, \
            pytest.raises(RemoteServerError) as raised:
        got.stream(client)
    assert "out of memory" in raised.value.user_message and got.text == ["Par"]


def test_a_prompt_too_long_gives_the_servers_own_message(llama_server: RunningServer) -> None:
    long_question = [RemoteMessage("user", "colour " * 5000)]  # over the 2048 context
    with RemoteClient(server_at(llama_server.url), None) as client, \
            pytest.raises(RemoteServerError) as raised:
        Collected().stream(client, messages=long_question)
    assert raised.value.status == 400
    assert "context" in raised.value.user_message
    assert f"127.0.0.1:{llama_server.port}" in raised.value.user_message


def test_an_answer_that_is_not_openai_is_said_so() -> None:
    def respond(connection: socket.socket, request: bytes) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                           b"Content-Length: 15\r\nConnection: close\r\n\r\n<html>hi</html>")
        connection.close()

    with SocketServer(respond) as stand_in, \
            RemoteClient(server_at(stand_in.url), None) as client:
        with pytest.raises(RemoteProtocolError) as raised:
            client.list_models()
        assert "OpenAI-compatible" in raised.value.user_message
        with pytest.raises(RemoteProtocolError):
            Collected().stream(client)


def test_an_untrusted_certificate_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    from tests.hub_stand_in.tls import make_tls_files

    tls = make_tls_files(tmp_path / "tls")
    sent: list[bytes] = []

    def respond(connection: socket.socket, request: bytes) -> None:
        sent.append(request)

    with SocketServer(respond, tls=(tls.cert, tls.key)) as stand_in, \
            RemoteClient(server_at(stand_in.url), "sk-secret") as client, \
            pytest.raises(RemoteTlsError) as raised:
        client.list_models()
    assert f"The certificate of 127.0.0.1:{stand_in.port} could not be verified" \
        in raised.value.user_message
    assert sent == []  # the key never left


def test_a_llama_server_killed_mid_reply_is_a_dropped_reply(model_path: Path,
                                                            tmp_path: Path) -> None:
    """The real server dies while it writes: the words that came are kept, and the
    message says the connection ended, naming the host."""
    doomed = start_llama_server(model_path, tmp_path / "server.log")
    got = Collected()
    try:
        def on_text(text: str) -> None:
            got.text.append(text)
            if len(got.text) == 2:
                doomed.process.kill()

        with RemoteClient(server_at(doomed.url), None) as client, \
                pytest.raises(RemoteDroppedError) as raised:
            client.stream_chat("any", QUESTION, RemoteSampling(max_tokens=400, seed=1),
                               on_text=on_text, on_reasoning=got.reasoning.append,
                               should_stop=lambda: False)
    finally:
        stop_llama_server(doomed.process)
    assert f"127.0.0.1:{doomed.port}" in raised.value.user_message
    assert len(got.text) >= 2
