"""The hub and the download queue, off the UI thread.

Searches, repository listings and header reads run as jobs on the "hub" thread. The
download queue runs on a thread of its own (DownloadManager.serve); its events come back
to the UI as a signal. Queue changes (enqueue, pause, resume, cancel) write small files,
so they run as jobs on the "hub" thread too; they never wait for the transfer itself.

Nothing here opens a connection until the user searches or starts a download: a queue
found at start-up is shown paused.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from chatapp.errors import UserFacingError
from chatapp.hub.client import HubClient
from chatapp.hub.downloads import (
    DownloadEvent,
    DownloadManager,
    DownloadRequest,
    DownloadState,
    DownloadStatus,
)
from chatapp.ui.workers.task_thread import TaskThread

log = logging.getLogger(__name__)

T = TypeVar("T")


class HubController(QObject):
    """Jobs receive the current HubClient; downloads are managed here too."""

    download_event = Signal(object)  # DownloadEvent, from whichever thread changed it
    queue_loaded = Signal(object)  # list[DownloadStatus], once at start

    def __init__(self, models_dir: Path, endpoint: str,
                 free_space: Callable[[Path], int] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client = HubClient(endpoint)
        self._manager: DownloadManager | None = None
        self._serving: threading.Thread | None = None
        self._free_space = free_space
        self._models_dir = models_dir
        self._jobs = TaskThread("hub", lambda: self._client, self)
        self.failed = self._jobs.failed
        # The latest status of every download, kept on the UI thread, so a Models pane
        # opened later shows downloads restored from an earlier run (paused) at once.
        self.statuses: dict[str, DownloadStatus] = {}
        self.download_event.connect(self._remember)
        # Reading the saved queue is disk work: the first job on the hub thread.
        self._jobs.submit(lambda _client: self._open_manager(), self._queue_opened)

    def _queue_opened(self, statuses: list[DownloadStatus]) -> None:
        for status in statuses:
            self.statuses.setdefault(status.job_id, status)
        self.queue_loaded.emit(statuses)

    def _remember(self, event: DownloadEvent) -> None:
        status = event.status
        if event.kind == "removed" and status.state != DownloadState.DONE:
            self.statuses.pop(status.job_id, None)
        else:
            self.statuses[status.job_id] = status

    @property
    def client(self) -> HubClient:
        return self._client

    def _open_manager(self) -> list[Any]:
        kwargs: dict[str, Any] = {}
        if self._free_space is not None:
            kwargs["free_space"] = self._free_space
        # Downloads left unfinished come back paused: no socket until the user resumes.
        manager = DownloadManager(self._models_dir, self._client,
                                  on_event=self.download_event.emit, **kwargs)
        self._manager = manager
        serving = threading.Thread(target=manager.serve, name="downloads", daemon=True)
        serving.start()
        # Shown to wait_stopped (on the UI thread) only once started: a thread not yet
        # started cannot be joined (seen under load: a quit right after the window opened).
        self._serving = serving
        return manager.statuses()

    def _with_manager(self, action: Callable[[DownloadManager], T]) -> Callable[[Any], T]:
        def job(_client: HubClient) -> T:
            if self._manager is None:
                raise RuntimeError("the download queue is not open")
            return action(self._manager)
        return job

    # -- hub requests ------------------------------------------------------------------

    def submit(self, job: Callable[[HubClient], T], on_done: Callable[[T], None],
               on_error: Callable[[UserFacingError], None] | None = None) -> None:
        self._jobs.submit(job, on_done, on_error)

    def set_connection(self, endpoint: str, token: str | None) -> None:
        """Use another hub address or token from the next request on."""
        def swap(_client: HubClient) -> None:
            self._client = HubClient(endpoint, token)
            if self._manager is not None:
                self._manager.use_client(self._client)

        self._jobs.submit(swap, lambda _none: None)

    # -- downloads ---------------------------------------------------------------------

    def enqueue(self, request: DownloadRequest,
                on_error: Callable[[UserFacingError], None]) -> None:
        self._jobs.submit(self._with_manager(lambda m: m.enqueue(request)),
                          lambda _job_id: None, on_error)

    def pause(self, job_id: str) -> None:
        self._jobs.submit(self._with_manager(lambda m: m.pause(job_id)), lambda _n: None)

    def resume(self, job_id: str) -> None:
        self._jobs.submit(self._with_manager(lambda m: m.resume(job_id)), lambda _n: None)

    def cancel(self, job_id: str) -> None:
        self._jobs.submit(self._with_manager(lambda m: m.cancel(job_id)), lambda _n: None)

    def request_stop(self) -> None:
        """Pause the running download (its bytes are kept); drop queued hub requests."""
        def stop_downloads() -> None:
            if self._manager is not None:
                self._manager.stop()

        stop_downloads()  # now, and again after the hub thread's current job, in case
        # that job is the one opening the download queue
        self._jobs.request_stop(drain=False, cleanup=stop_downloads)

    def wait_stopped(self, deadline: float) -> bool:
        """Until ``deadline``; the downloads thread is a daemon, abandoned if still busy
        (its partial file keeps what it wrote, and comes back paused next time)."""
        # The hub thread first: its current job may be the one opening the download queue.
        jobs_stopped = self._jobs.wait_stopped(deadline)
        serving = self._serving
        if serving is not None:
            serving.join(timeout=max(0.0, deadline - time.monotonic()))
            if serving.is_alive():
                log.warning("The download did not stop in time at quit; it is abandoned")
        return jobs_stopped
