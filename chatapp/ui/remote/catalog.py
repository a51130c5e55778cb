"""The remote servers the user added and their models, kept up to date off the UI thread.

One worker thread ("remote") does it all in order: the servers file, the keyring (API
keys) and the network (listing models, testing an address). Nothing here opens a socket
until the user asks: the list of models is fetched when the model picker opens or the
servers change, never at start-up, so a chat on the local engine stays offline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from chatapp.errors import UserFacingError
from chatapp.paths import AppPaths
from chatapp.remote.listing import ServerModels, list_all, list_models, unsaved_server
from chatapp.remote.servers import (
    RemoteServer,
    ServerStore,
    delete_api_key,
    servers_file,
    set_api_key,
    validate_api_key,
)
from chatapp.ui.workers.task_thread import TaskThread


@dataclass(frozen=True)
class AddedServer:
    """A server just added, and the keyring's complaint if its key could not be kept."""

    server: RemoteServer
    servers: tuple[RemoteServer, ...]
    key_error: UserFacingError | None = None


class RemoteCatalog(QObject):
    servers_changed = Signal(object)  # tuple[RemoteServer, ...]
    models_listed = Signal(object)  # tuple[ServerModels, ...], one per server
    listing = Signal(bool)  # a listing of the servers' models runs (True) or ended
    failed = Signal(object)  # UserFacingError of the servers file or the keyring

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = ServerStore(servers_file(paths))
        self.tasks = TaskThread("remote", parent=self)
        self.servers: tuple[RemoteServer, ...] = ()
        self.listings: tuple[ServerModels, ...] = ()
        self.loaded = False  # the servers file was read
        self._listing = False
        self._list_again = False

    def server(self, server_id: str) -> RemoteServer | None:
        return next((s for s in self.servers if s.id == server_id), None)

    def models_of(self, server_id: str) -> ServerModels | None:
        return next((m for m in self.listings if m.server.id == server_id), None)

    # -- the list of servers -------------------------------------------------------------

    def load(self) -> None:
        """Read the servers file (no network)."""
        store = self._store

        def failed(error: UserFacingError) -> None:
            self._servers_are(())
            self.failed.emit(error)

        self.tasks.submit(lambda _none: tuple(store.load()), self._servers_are, failed)

    def add(self, address: str, name: str, api_key: str,
            on_done: Callable[[AddedServer], None],
            on_error: Callable[[UserFacingError], None]) -> None:
        """Add a server (and keep its API key in the keyring, if one was typed); then its
        models are listed with the others'."""
        store = self._store
        key = api_key.strip()
        if key:
            validate_api_key(key)  # a typo is told before anything is saved

        def add(_none: None) -> AddedServer:
            server = store.add(address, name)
            key_error: UserFacingError | None = None
            if key:
                try:
                    set_api_key(server, key)
                except UserFacingError as error:  # the server stays; it says why no key
                    key_error = error
            return AddedServer(server, tuple(store.load()), key_error)

        def done(added: AddedServer) -> None:
            self._servers_are(added.servers)
            self.refresh_models()
            on_done(added)

        self.tasks.submit(add, done, on_error)

    def remove(self, server_id: str, on_error: Callable[[UserFacingError], None]) -> None:
        """Forget a server and its API key."""
        store = self._store
        server = self.server(server_id)

        def remove(_none: None) -> tuple[RemoteServer, ...]:
            store.remove(server_id)
            if server is not None:
                delete_api_key(server)
            return tuple(store.load())

        def done(servers: tuple[RemoteServer, ...]) -> None:
            self._servers_are(servers)
            self.listings = tuple(m for m in self.listings if m.server.id != server_id)
            self.models_listed.emit(self.listings)

        def failed(error: UserFacingError) -> None:
            self.load()  # the list shows what the file has
            on_error(error)

        self.tasks.submit(remove, done, failed)

    def _servers_are(self, servers: tuple[RemoteServer, ...]) -> None:
        self.servers = servers
        self.loaded = True
        self.servers_changed.emit(servers)

    # -- the network ---------------------------------------------------------------------

    def refresh_models(self) -> None:
        """List every server's models again (one listing at a time: a request while one
        runs makes one more after it)."""
        if self._listing:
            self._list_again = True
            return
        self._listing = True
        self.listing.emit(True)
        store = self._store

        def done(listings: tuple[ServerModels, ...]) -> None:
            self._listing = False
            self.listings = listings
            self.servers = tuple(m.server for m in listings)
            self.listing.emit(False)
            self.models_listed.emit(listings)
            if self._list_again:
                self._list_again = False
                self.refresh_models()

        def failed(error: UserFacingError) -> None:
            self._listing = False
            self.listing.emit(False)
            self.failed.emit(error)

        self.tasks.submit(lambda _none: list_all(store.load()), done, failed)

    def test(self, address: str, api_key: str, on_done: Callable[[list[str]], None],
             on_error: Callable[[UserFacingError], None]) -> None:
        """List the models of an address (not added yet) with the key typed."""
        server = unsaved_server(address)  # a bad address is told at once
        key = api_key.strip() or None
        if key is not None:
            validate_api_key(key)
        self.tasks.submit(lambda _none: list_models(server, key), on_done, on_error)

    # -- quit ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.tasks.busy

    def request_stop(self) -> None:
        self.tasks.request_stop(drain=False)  # a listing nobody will see is dropped

    def wait_stopped(self, deadline: float) -> bool:
        return self.tasks.wait_stopped(deadline)
