"""The real llama-server, built from the vendored llama.cpp (make test builds it with
llama-bench), serving the SmolLM2 model on 127.0.0.1, for the remote engine's tests.

Imported by the test modules that use it (``from tests.remote_server import ...``), like
tests/hub_stand_in/fixtures.py. CHATAPP_LLAMA_SERVER points at another binary.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest

LLAMA_SERVER_ENV = "CHATAPP_LLAMA_SERVER"
DEFAULT_LLAMA_SERVER = Path(__file__).resolve().parent.parent / "build" / "llama-bench" \
    / "bin" / "llama-server"
TEST_API_KEY = "sk-chatapp-test-4f1c2a"
# Loading a 98 MB model on a busy two-core machine; a server that takes longer is broken.
START_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class RunningServer:
    process: subprocess.Popen[bytes]
    port: int
    api_key: str | None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def llama_server_binary() -> Path:
    binary = Path(os.environ.get(LLAMA_SERVER_ENV, DEFAULT_LLAMA_SERVER))
    if not binary.is_file():
        pytest.fail(f"llama-server is not built at {binary}: run `make llama-server` "
                    f"(make test builds it), or point {LLAMA_SERVER_ENV} at one")
    return binary


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_llama_server(model_path: Path, log_path: Path, *, api_key: str | None = None,
                       attempts: int = 3) -> RunningServer:
    """A llama-server answering /health; a port taken meanwhile is tried again."""
    binary = llama_server_binary()
    for _ in range(attempts):
        port = free_port()
        command = [str(binary), "--model", str(model_path), "--host", "127.0.0.1",
                   "--port", str(port), "--ctx-size", "2048", "-t", "2", "--parallel", "1",
                   "--no-webui"]
        if api_key is not None:
            command += ["--api-key", api_key]
        with log_path.open("ab") as log:
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                       stdin=subprocess.DEVNULL)
        if _wait_healthy(process, port):
            return RunningServer(process, port, api_key)
        stop_llama_server(process)
    pytest.fail(f"llama-server did not start; its log: {log_path}\n"
                + log_path.read_text(encoding="utf-8", errors="replace")[-3000:])


def _wait_healthy(process: subprocess.Popen[bytes], port: int) -> bool:
    deadline = time.monotonic() + START_TIMEOUT_S
    with httpx2.Client(trust_env=False, timeout=5.0) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return False
            try:
                if client.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                    return True
            except httpx2.TransportError:
                pass  # not listening yet
            time.sleep(0.1)  # polling a condition, not waiting for one to happen
    return False


def stop_llama_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def llama_server(model_path: Path,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """llama-server with SmolLM2, no API key."""
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    server = start_llama_server(model_path, log)
    yield server
    stop_llama_server(server.process)


@pytest.fixture(scope="session")
def llama_server_with_key(model_path: Path,
                          tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """llama-server with SmolLM2 that wants the API key TEST_API_KEY."""
    log = tmp_path_factory.mktemp("llama-server-key") / "server.log"
    server = start_llama_server(model_path, log, api_key=TEST_API_KEY)
    yield server
    stop_llama_server(server.process)


# -- Stand-ins for servers that misbehave: a raw socket server on 127.0.0.1 ----------------


class SocketServer:
    """Accepts connections on 127.0.0.1 (a free port) and hands each, with its request's
    bytes read, to ``respond``; with ``tls`` (cert, key) it speaks TLS. Close it to stop."""

    def __init__(self, respond: Callable[[socket.socket, bytes], None], *,
                 tls: tuple[Path, Path] | None = None) -> None:
        self._respond = respond
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._context: ssl.SSLContext | None = None
        if tls is not None:
            self._context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._context.load_cert_chain(str(tls[0]), str(tls[1]))
        self._connections: list[socket.socket] = []
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="socket-stand-in",
                                        daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        scheme = "https" if self._context is not None else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._closed.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # closed
            self._connections.append(connection)
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        try:
            if self._context is not None:
                connection = self._context.wrap_socket(connection, server_side=True)
                self._connections.append(connection)
            self._respond(connection, read_request(connection))
        except OSError:
            pass  # the client gave up (a TLS refusal, a timeout): what the test provokes

    def close(self) -> None:
        self._closed.set()
        self._listener.close()
        for connection in self._connections:
            with contextlib.suppress(OSError):
                connection.close()
        self._thread.join(timeout=5)

    def __enter__(self) -> SocketServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_request(connection: socket.socket) -> bytes:
    """One HTTP request's head and body (by its Content-Length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


SSE_HEAD = (b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            b"Cache-Control: no-cache\r\nConnection: close\r\n\r\n")


def sse_chunk(content: str = "", *, reasoning: str = "", finish: str | None = None) -> bytes:
    """One chat completion chunk as a server-sent event."""
    delta: dict[str, str] = {}
    if content:
        delta["content"] = content
    if reasoning:
        delta["reasoning_content"] = reasoning
    chunk = {"object": "chat.completion.chunk", "model": "stand-in",
             "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return b"data: " + json.dumps(chunk).encode() + b"\n\n"
