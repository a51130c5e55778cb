"""The window's API server: started, restarted and stopped as the settings say.

The server (chatapp.api.server) runs on its own thread; its requests become jobs queued
on the engine thread behind whatever the window asked first (EngineController
.submit_api_job), so the user's turns and API requests take turns in order. The key is
read from the keyring on the secrets thread; the server starts only once it is known, and
never without a key the user asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from chatapp.api.jobs import ApiJob, ServedModels, served_id
from chatapp.api.server import LOCAL_HOST, NETWORK_HOST, ApiServer, BoundAddress
from chatapp.engine.model_loader import ModelSummary
from chatapp.errors import UserFacingError
from chatapp.i18n import translate
from chatapp.secrets import api_server_key
from chatapp.settings import Settings
from chatapp.ui.workers.engine_worker import EngineController
from chatapp.ui.workers.task_thread import TaskThread

log = logging.getLogger(__name__)

# A settings change waits this long at most for requests being answered to end.
STOP_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class _Listening:
    """What the running server was started with: another value means a restart."""

    host: str
    port: int
    require_key: bool
    key_version: int


def api_status(address: BoundAddress | None, active: int) -> str:
    """The status line's text for the API server ("" when it is off)."""
    if address is None:
        return ""
    if active == 1:  # its own string: English's plural source has no singular
        return translate("ApiServer", "API: answering 1 request")
    if active:
        return translate("ApiServer", "API: answering %n requests", "", active)
    if address.host == NETWORK_HOST:
        # A port is typed into other programs: its digits stay as they are.
        return translate("ApiServer", "API on the local network, port {port}").format(
            port=address.port)
    return translate("ApiServer", "API on {address}").format(address=address.url)


class _WindowQueue:
    """The JobQueue of the window: jobs go to the engine thread with the current settings.

    Called from the server's thread; the settings and model it reads are replaced whole
    (frozen values) by the UI thread, never changed in place.
    """

    def __init__(self, engine: EngineController, settings: Settings,
                 on_saved: Callable[[int], None]) -> None:
        self._engine = engine
        self.settings = settings
        self.model: ModelSummary | None = None
        self._on_saved = on_saved

    def submit(self, job: ApiJob) -> None:
        job.on_done = self._job_done
        self._engine.submit_api_job(job, self.settings)

    def _job_done(self, job: ApiJob) -> None:  # on the engine thread
        if job.saved_chat is not None:
            self._on_saved(job.saved_chat)

    def served_models(self) -> ServedModels:
        model, embedding = self.model, self.settings.embedding_model_path
        return ServedModels(chat=served_id(model.path.stem) if model is not None else None,
                            embedding=served_id(Path(embedding).stem) if embedding else None)


class ApiServerThread(QObject):
    """The API server's life in the window (UI thread)."""

    status_changed = Signal(str)  # for the status line ("" when off)
    failed = Signal(object)  # UserFacingError: could not start, key not stored ...
    chat_saved = Signal(int)  # an API chat went to the history (from the engine thread)
    _activity = Signal(int)  # from the server's thread: requests being answered

    def __init__(self, engine: EngineController, secrets: TaskThread, settings: Settings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = _WindowQueue(engine, settings, self.chat_saved.emit)
        self._secrets = secrets
        self._server: ApiServer | None = None
        self._listening: _Listening | None = None
        self._key_version = 0  # bumped when the stored key changes
        self._wanted = 0  # the start last asked for; an older key read is dropped
        self._active = 0
        self._activity.connect(self._show_activity)

    @property
    def address(self) -> BoundAddress | None:
        """Where the running server listens; None when it is off."""
        return self._server.address if self._server is not None else None

    def set_model(self, summary: ModelSummary | None) -> None:
        self._queue.model = summary

    def apply(self, settings: Settings) -> None:
        """Start, restart or stop the server for these settings."""
        self._queue.settings = settings
        if not settings.api_server_enabled:
            self._wanted += 1
            self._stop()
            return
        wanted = _Listening(NETWORK_HOST if settings.api_allow_network else LOCAL_HOST,
                            settings.api_port, settings.api_require_key, self._key_version)
        if wanted == self._listening and self._server is not None:
            return
        self._stop()
        self._wanted += 1
        attempt = self._wanted
        if not wanted.require_key:
            self._start(wanted, None)
            return

        def read_key(_context: object) -> str | None:
            return api_server_key.get_key()

        def key_read(key: str | None) -> None:
            if attempt != self._wanted:
                return  # the settings changed meanwhile
            if key is None:
                self.failed.emit(UserFacingError(translate(
                    "ApiServer", "The API server is set to require a key, but no key is "
                    "stored in the keyring. Set a new key in Settings, API server, or turn "
                    "the key off. The API server stays off meanwhile.")))
                return
            self._start(wanted, key)

        def key_failed(error: UserFacingError) -> None:
            if attempt == self._wanted:
                self.failed.emit(UserFacingError(translate(
                    "ApiServer", "{reason} The API server stays off until its key can be "
                    "read.").format(reason=error.user_message), error.detail))

        self._secrets.submit(read_key, key_read, key_failed, with_context=False)

    def store_key(self, key: str | None, then: Callable[[bool], None]) -> None:
        """Store a new key (None: delete it) on the secrets thread; ``then(stored)`` on
        the UI thread, False when the keyring refused (the error is shown)."""
        def change(_context: object) -> None:
            if key is None:
                api_server_key.delete_key()
            else:
                api_server_key.set_key(key)

        def changed(_result: None) -> None:
            self._key_version += 1
            then(True)

        def refused(error: UserFacingError) -> None:
            self.failed.emit(error)
            then(False)

        self._secrets.submit(change, changed, refused, with_context=False)

    def stop(self) -> None:
        """At quit: requests being answered are cancelled, the listener closed."""
        self._wanted += 1
        self._stop()

    def _start(self, listening: _Listening, key: str | None) -> None:
        server = ApiServer(self._queue, api_key=key, on_activity=self._activity.emit)
        try:
            address = server.start(listening.host, listening.port)
        except UserFacingError as error:
            self.failed.emit(error)
            self.status_changed.emit("")
            return
        self._server, self._listening = server, listening
        self._active = 0
        self.status_changed.emit(api_status(address, 0))

    def _stop(self) -> None:
        server, self._server, self._listening = self._server, None, None
        if server is not None:
            server.stop(STOP_TIMEOUT_S)
            self._active = 0
            self.status_changed.emit("")

    @Slot(int)
    def _show_activity(self, active: int) -> None:
        if self._server is None:
            return  # a count from a server already stopped
        self._active = active
        self.status_changed.emit(api_status(self.address, active))


def settings_without_key(settings: Settings) -> Settings:
    """The settings when a key the user asked for could not be stored: the server stays
    off rather than answering without the key."""
    return replace(settings, api_server_enabled=False, api_require_key=False)
