"""The API server's HTTP listener: uvicorn on a thread of its own.

The socket is bound here, before uvicorn starts, so a port in use is told at once as a
UserFacingError (and port 0 gives a free port, for tests); connections that arrive
before uvicorn's loop runs wait in the socket's backlog. uvicorn installs no logging
handlers (log_config=None: the app's logging applies), no signal handlers (not the main
thread) and no lifespan.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from chatapp.api.app import DEFAULT_MAX_BODY_BYTES, ActiveRequests, create_app
from chatapp.api.jobs import JobQueue
from chatapp.errors import UserFacingError

if TYPE_CHECKING:  # imported when the server starts: not at every start of the window
    import uvicorn

log = logging.getLogger(__name__)

LOCAL_HOST: Final = "127.0.0.1"
NETWORK_HOST: Final = "0.0.0.0"  # only when the user allowed the local network
STOP_TIMEOUT_S: Final = 10.0
# Requests still running at stop are cancelled first; this bounds the wait for them.
GRACEFUL_S: Final = 3
# uvicorn's parts, chosen by name: the plain asyncio loop and the pure-Python h11 parser
# (no optional native packages), no lifespan, no websockets. uvicorn imports them by
# name, so the installer's bundle must be told (packaging/chatapp.spec, hiddenimports).
LOOP: Final = "asyncio"
HTTP: Final = "h11"
LIFESPAN: Final = "off"
DYNAMIC_IMPORTS: Final = ("uvicorn.loops.asyncio", "uvicorn.protocols.http.h11_impl",
                          "uvicorn.lifespan.off")


class ApiServerError(UserFacingError):
    """The server could not start (its port is taken, or not allowed)."""


@dataclass(frozen=True)
class BoundAddress:
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


class ApiServer:
    """Start, serve on a thread, stop. Not restartable: make a new one.

    ``on_activity`` gets the number of requests being answered whenever it changes, on
    the server's thread.
    """

    def __init__(self, queue: JobQueue, *, api_key: str | None,
                 on_activity: Callable[[int], None] | None = None,
                 max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.active = ActiveRequests(on_activity or (lambda _count: None))
        self._app = create_app(queue, api_key=api_key, active=self.active,
                               max_body_bytes=max_body_bytes)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self.address: BoundAddress | None = None

    def start(self, host: str, port: int) -> BoundAddress:
        """Listen on ``host``:``port`` (0: any free port); ApiServerError if it cannot."""
        if self._thread is not None:
            raise RuntimeError("the API server was started already")
        import uvicorn

        listener = _bind(host, port)
        config = uvicorn.Config(self._app, log_config=None, lifespan=LIFESPAN, loop=LOOP,
                                http=HTTP, ws="none", access_log=False,
                                timeout_graceful_shutdown=GRACEFUL_S)
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]},
                                  name="api-server", daemon=True)
        self._server, self._thread, self._socket = server, thread, listener
        thread.start()
        bound = listener.getsockname()
        self.address = BoundAddress(host, int(bound[1]))
        log.info("The API server listens on %s", self.address.url)
        return self.address

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        """Cancel what is being answered, stop listening, and wait for the thread."""
        self.active.cancel_all()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("The API server did not stop within %.0f s", timeout)
        if self._socket is not None:
            self._socket.close()
        if self.address is not None:
            log.info("The API server on %s stopped", self.address.url)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()


def _bind(host: str, port: int) -> socket.socket:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        if os.name != "nt":
            # A restart may find the last run's connections in TIME_WAIT; on Windows the
            # same option would let another program take a port in use, so not there.
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(128)
    except OSError as error:
        listener.close()
        if error.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
            raise ApiServerError(
                f"Port {port} is already in use by another program, so the API server "
                "cannot start. Choose another port in Settings (API server), or close the "
                "program that uses it.", detail=f"bind {host}:{port}: {error}") from error
        if error.errno == errno.EACCES:
            raise ApiServerError(
                f"chatapp is not allowed to listen on port {port}. Choose a port between "
                "1024 and 65535 in Settings (API server).",
                detail=f"bind {host}:{port}: {error}") from error
        raise ApiServerError(
            f"The API server cannot listen on {host}:{port} ({error.strerror or error}). "
            "Choose another port in Settings (API server).",
            detail=f"bind {host}:{port}: {error}") from error
    listener.setblocking(False)
    return listener
