"""``chatapp serve``: the API server without the window, until told to stop."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from chatapp.api.local_host import LocalHost
from chatapp.api.server import ApiServer, BoundAddress
from chatapp.paths import AppPaths
from chatapp.settings import Settings


@contextmanager
def serving(paths: AppPaths, settings: Settings, *, model: Path, host: str, port: int,
            api_key: str | None) -> Iterator[BoundAddress]:
    """``model`` loaded on a LocalHost and served on ``host``:``port`` (0: any free port)
    while the block runs; both stopped after it. Raises UserFacingError when the model
    cannot be loaded or the port cannot be used. API chats are saved to the history when
    ``settings.api_save_chats`` is on."""
    host_thread = LocalHost(paths, settings, model, save_chats=settings.api_save_chats)
    host_thread.start()
    try:
        server = ApiServer(host_thread, api_key=api_key)
        address = server.start(host, port)
        try:
            yield address
        finally:
            server.stop()
    finally:
        host_thread.close()


def run_server(paths: AppPaths, settings: Settings, *, model: Path, host: str, port: int,
               api_key: str | None, stop: threading.Event,
               on_ready: Callable[[str], None]) -> None:
    """Load ``model``, serve it on ``host``:``port`` until ``stop`` is set, then shut down.

    ``on_ready`` gets the server's address (``http://host:port``) once it listens.
    Raises UserFacingError when the model cannot be loaded or the port cannot be used.
    """
    with serving(paths, settings, model=model, host=host, port=port,
                 api_key=api_key) as address:
        on_ready(address.url)
        stop.wait()
