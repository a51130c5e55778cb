"""Downloading models into the models folder: queued, resumable, verified, never half-installed.

Layout (all inside the models folder, in a hidden folder the model list never shows)::

    <models>/.downloads/queue.json                 {"version": 1, "jobs": [job ids, in order]}
    <models>/.downloads/<job id>/job.json          the sidecar: repo, revision, commit, parts
    <models>/.downloads/<job id>/part-00001.partial  bytes downloaded so far, one file per part
    <models>/.downloads/<job id>.lock              locked while a process runs that download

A part's bytes on disk are the resume point: the next request asks for ``Range: bytes=N-``
where N is the partial file's length, so a download continues after a pause, a closed app or a
crash. The sidecar records each part's ETag and the commit it came from; when the file on the
hub has changed since, the download starts over. Once every part's SHA-256 (the catalog's if
given, else the one the hub publishes) matches, the parts are moved with ``os.replace`` into the
models folder (same file system, so the move is atomic); a file that does not match is deleted.

Jobs run one at a time, in queue order, on whichever thread calls :meth:`DownloadManager.run_next`
or :meth:`DownloadManager.serve` (a worker thread; nothing here touches Qt). ``pause``,
``resume``, ``cancel`` and ``stop`` may be called from any thread: they set flags that the
running download checks before every chunk it writes, and during retry waits and verification,
and they end the request in flight (see :class:`~chatapp.hub.client.Interrupt`; the hub's
metadata requests run on a helper thread that is left to finish alone), so a server that sends
nothing never holds up a pause or the app's exit.

Failures that a retry may fix (a dropped connection, a busy server, a read timeout) are retried
with back-off, honouring a ``Retry-After``, while bytes keep arriving. A download that gets no
byte for ``stall_timeout`` seconds (:data:`STALL_TIMEOUT`, across all retries and their waits)
fails, keeping its bytes for Try again.

After a restart every unfinished download comes back *paused*, including the one that was
running: chatapp opens no connection the user did not start in this session (the README's
promise), and the UI offers to resume them.
"""

from __future__ import annotations

import enum
import errno
import functools
import hashlib
import json
import logging
import math
import os
import re
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Final, Literal, TypeVar

from chatapp.files.atomic import write_json_atomic
from chatapp.files.process_lock import ProcessLock
from chatapp.hub.client import GgufModel, HubClient, Interrupt, RemoteFile, content_range
from chatapp.hub.errors import (
    HUB_EXCEPTIONS,
    ChecksumMismatchError,
    ConnectionLostError,
    DiskFullError,
    DownloadConflictError,
    DownloadError,
    DownloadStalledError,
    HubError,
    HubResponseError,
    HubUnavailableError,
    NotEnoughSpaceError,
    RemoteFileNotFoundError,
    RepoNotFoundError,
)
from chatapp.i18n import translate

__all__ = [
    "DOWNLOADS_DIR",
    "STALL_TIMEOUT",
    "DownloadEvent",
    "DownloadManager",
    "DownloadRequest",
    "DownloadState",
    "DownloadStatus",
    "free_bytes",
]

log = logging.getLogger(__name__)
_T = TypeVar("_T")

DOWNLOADS_DIR: Final = ".downloads"
_QUEUE_FILE: Final = "queue.json"
_JOB_FILE: Final = "job.json"
_FORMAT_VERSION: Final = 1
_HASH_BLOCK: Final = 4 << 20
_WRITE_BUFFER: Final = 1 << 20
_SHA256: Final = re.compile(r"[0-9a-f]{64}")
_SAFE_NAME: Final = re.compile(r"[^/\\\x00-\x1f\x7f]{1,200}\.gguf", re.IGNORECASE)
# Errors after which the bytes on disk are useless: the file is gone or was wrong.
_DISCARDING_ERRORS: Final = (ChecksumMismatchError, RemoteFileNotFoundError, RepoNotFoundError)
# The longest a download waits for its next byte, across retries, before it fails (seconds).
STALL_TIMEOUT: Final = 60.0
# How often a download waiting for the hub's metadata answer looks at pause, cancel and quit.
_POLL: Final = 0.05


def free_bytes(path: Path) -> int:
    """Free space for this user on the file system holding ``path``."""
    return shutil.disk_usage(path).free


def _mount_point(path: Path) -> str:
    current = path.resolve()
    while not os.path.ismount(current) and current != current.parent:
        current = current.parent
    return str(current)


_CATALOG_SOURCE: Final = "chatapp's model catalog"
_HUB_SOURCE = re.compile(r"the hub \((?P<host>[^)]*)\)")


def _shown_source(source: str | None) -> str:
    """Who published a checksum, in the user's words (the queue file keeps it in English)."""
    if source == _CATALOG_SOURCE:
        return translate("Downloads", "chatapp's model catalog")
    hub = _HUB_SOURCE.fullmatch(source or "")
    if hub is not None:
        return translate("Downloads", "the hub ({host})").format(host=hub["host"])
    return source or translate("Downloads", "the hub")


class DownloadState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    VERIFYING = "verifying"
    INSTALLING = "installing"  # verified; being moved into the models folder
    PAUSED = "paused"
    FAILED = "failed"  # see DownloadStatus.error; resume() tries again from the bytes kept
    DONE = "done"
    CANCELLED = "cancelled"


_FINISHED: Final = frozenset({DownloadState.DONE, DownloadState.CANCELLED})
_ACTIVE: Final = frozenset({DownloadState.RUNNING, DownloadState.VERIFYING,
                            DownloadState.INSTALLING})


@dataclass(frozen=True)
class DownloadRequest:
    """What to download: one file, or every part of a split model (part 1 first)."""

    repo_id: str
    paths: tuple[str, ...]  # repository paths
    revision: str = "main"
    # Checksums from chatapp's own catalog, per part: trusted over the hub's when given.
    sha256: tuple[str | None, ...] | None = None
    name: str | None = None  # shown to the user; defaults to the first file's name

    @classmethod
    def for_model(cls, repo_id: str, model: GgufModel, *, revision: str = "main",
                  sha256: tuple[str | None, ...] | None = None) -> DownloadRequest:
        if model.missing_parts:
            missing = ", ".join(str(i) for i in model.missing_parts)
            raise DownloadConflictError(translate(
                "Downloads", "{name} is split into {count} files but the repository lacks "
                "part(s) {missing}, so it cannot be downloaded.").format(
                    name=model.name, count=model.split_count, missing=missing))
        return cls(repo_id=repo_id, paths=tuple(p.path for p in model.parts),
                   revision=revision, sha256=sha256, name=model.name)


@dataclass(frozen=True)
class DownloadStatus:
    """A snapshot of one download, for the UI."""

    job_id: str
    name: str
    repo_id: str
    revision: str
    commit: str | None
    files: tuple[str, ...]  # names in the models folder, part 1 first
    state: DownloadState
    bytes_done: int  # may go down when a download has to start over (see note)
    total_bytes: int | None  # None until the hub has said how big the files are
    speed: float | None  # bytes per second, smoothed; None while unknown
    eta: float | None  # seconds
    error: HubError | None  # why it failed (state FAILED) or could not start
    note: str | None = None  # e.g. why the download started over
    installed: tuple[Path, ...] = ()  # the files in the models folder, once DONE

    @property
    def fraction(self) -> float | None:
        if not self.total_bytes:
            return None
        return min(1.0, self.bytes_done / self.total_bytes)


@dataclass(frozen=True)
class DownloadEvent:
    """Sent to ``on_event``: ``status`` after every state change, and as bytes arrive."""

    kind: Literal["added", "state", "progress", "removed"]
    status: DownloadStatus


@dataclass
class _Part:
    path: str  # in the repository
    filename: str  # in the models folder
    catalog_sha256: str | None = None
    size: int | None = None
    etag: str | None = None
    checksum: str | None = None  # expected value, hex
    checksum_kind: Literal["sha256", "git-sha1"] | None = None
    checksum_source: str | None = None  # "chatapp's catalog" or the hub's host
    verified: bool = False

    def forget_remote(self) -> None:
        self.size = self.etag = self.checksum = self.checksum_kind = None
        self.checksum_source = None
        self.verified = False


@dataclass
class _Job:
    job_id: str
    repo_id: str
    revision: str
    name: str
    created: float
    parts: list[_Part]
    state: DownloadState = DownloadState.QUEUED
    commit: str | None = None
    error: HubError | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": _FORMAT_VERSION, "job_id": self.job_id, "repo_id": self.repo_id,
            "revision": self.revision, "commit": self.commit, "name": self.name,
            "created": self.created, "state": self.state.value,
            "error": None if self.error is None else {
                "message": self.error.user_message, "detail": self.error.detail,
                "resumable": self.error.resumable},
            "parts": [{
                "path": p.path, "filename": p.filename, "catalog_sha256": p.catalog_sha256,
                "size": p.size, "etag": p.etag, "checksum": p.checksum,
                "checksum_kind": p.checksum_kind, "checksum_source": p.checksum_source,
                "verified": p.verified,
            } for p in self.parts],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> _Job:
        if data.get("version") != _FORMAT_VERSION:
            raise ValueError(f"unknown sidecar version {data.get('version')!r}")
        error = data.get("error")
        parts = []
        for p in data["parts"]:
            kind = p.get("checksum_kind")
            parts.append(_Part(
                path=str(p["path"]), filename=_checked_name(str(p["filename"])),
                catalog_sha256=p.get("catalog_sha256"), size=p.get("size"), etag=p.get("etag"),
                checksum=p.get("checksum"),
                checksum_kind=kind if kind in ("sha256", "git-sha1") else None,
                checksum_source=p.get("checksum_source"), verified=bool(p.get("verified"))))
        if not parts:
            raise ValueError("a download without files")
        return cls(
            job_id=str(data["job_id"]), repo_id=str(data["repo_id"]),
            revision=str(data["revision"]), name=str(data["name"]),
            created=float(data["created"]), parts=parts,
            state=DownloadState(data["state"]), commit=data.get("commit"),
            error=None if not isinstance(error, dict) else HubError(
                str(error.get("message")), str(error.get("detail")),
                resumable=bool(error.get("resumable"))),
        )


def _checked_name(filename: str) -> str:
    if (not _SAFE_NAME.fullmatch(filename) or filename.startswith(".")
            or filename.strip() != filename):
        raise DownloadConflictError(
            translate("Downloads", '"{name}" is not a file name chatapp can save safely.')
            .format(name=filename[:80]),
            f"unsafe file name {filename!r}")
    return filename


class _Stopped(Exception):  # noqa: N818 - control flow, not an error
    def __init__(self, cancelled: bool) -> None:
        super().__init__("cancelled" if cancelled else "paused")
        self.cancelled = cancelled


class _Control:
    """The flags one running download checks, set from any thread."""

    def __init__(self) -> None:
        self.pause = threading.Event()
        self.cancel = threading.Event()
        self._any = threading.Event()
        self.interrupt = Interrupt()  # ends the transfer in flight

    def request(self, cancel: bool) -> None:
        (self.cancel if cancel else self.pause).set()
        self._any.set()
        self.interrupt.fire()

    def unpause(self) -> None:
        """Take back a pause the download has not acted on yet."""
        self.pause.clear()
        if not self.cancel.is_set():
            self._any.clear()
            # A transfer already ended by the pause fails like a dropped connection, and is
            # retried from the bytes on disk; the next ones must not be ended too.
            self.interrupt.reset()

    def check(self) -> None:
        if self.cancel.is_set():
            raise _Stopped(cancelled=True)
        if self.pause.is_set():
            raise _Stopped(cancelled=False)

    def wait(self, seconds: float) -> None:
        """Sleep, but wake up at once for pause or cancel."""
        self._any.wait(seconds)
        self.check()


class _Meter:
    """Bytes done, smoothed speed and ETA of the running download."""

    _WINDOW: Final = 0.5  # seconds between speed samples
    _TAU: Final = 3.0  # smoothing time constant, seconds

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self.received = 0  # network bytes in this run (only grows)
        self.speed: float | None = None
        self._t0 = clock()
        self._b0 = 0

    def add(self, n: int) -> None:
        self.received += n
        now = self._clock()
        dt = now - self._t0
        if dt >= self._WINDOW:
            sample = (self.received - self._b0) / dt
            weight = 1.0 - math.exp(-dt / self._TAU)
            self.speed = sample if self.speed is None else self.speed + weight * (
                sample - self.speed)
            self._t0, self._b0 = now, self.received

    def restart(self) -> None:
        """Measure from now: asking the hub and waiting to retry are not transfer time."""
        self._t0, self._b0 = self._clock(), self.received

    def eta(self, remaining: int) -> float | None:
        if not self.speed or self.speed <= 0:
            return None
        return remaining / self.speed


@dataclass
class _Run:
    job: _Job
    control: _Control = field(default_factory=_Control)
    meter: _Meter | None = None
    offsets: dict[int, int] = field(default_factory=dict)  # part index -> bytes on disk
    note: str | None = None
    last_emit: float = -math.inf
    progress_at: float = 0.0  # when the last byte arrived (or the wait for one began)


class DownloadManager:
    """The download queue of one models folder.

    ``on_event`` is called with a :class:`DownloadEvent` from the thread where the change
    happens (the worker for progress; the caller of pause/cancel for a job that is not
    running); it must be quick and must not call back into the manager's blocking methods.
    ``free_space`` reports free bytes for a folder (tests inject a small disk).
    """

    def __init__(
        self,
        models_dir: Path,
        client: HubClient,
        *,
        on_event: Callable[[DownloadEvent], None] | None = None,
        free_space: Callable[[Path], int] = free_bytes,
        space_margin: int = 64 << 20,
        max_retries: int = 4,
        retry_delay: float = 1.0,
        stall_timeout: float = STALL_TIMEOUT,
        progress_interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.models_dir = models_dir
        self.root = models_dir / DOWNLOADS_DIR
        self._client = client
        self._on_event = on_event
        self._free_space = free_space
        self._space_margin = space_margin
        self._max_retries = max_retries
        self._retry_delay = retry_delay
        self._stall_timeout = stall_timeout
        self._progress_interval = progress_interval
        self._clock = clock
        self._lock = threading.RLock()
        self._wake = threading.Condition(self._lock)
        self._stopping = False
        self._jobs: dict[str, _Job] = {}
        self._run: _Run | None = None
        self._load()

    # -- public API ----------------------------------------------------------------------------

    def use_client(self, client: HubClient) -> None:
        """Use another hub client (e.g. with a new token) from the next request on."""
        with self._lock:
            self._client = client

    def statuses(self) -> list[DownloadStatus]:
        with self._lock:
            return [self._status(job) for job in self._jobs.values()]

    def status(self, job_id: str) -> DownloadStatus:
        with self._lock:
            return self._status(self._job(job_id))

    def enqueue(self, request: DownloadRequest) -> str:
        """Queue a download; returns its id. Raises DownloadConflictError if it cannot be."""
        if not request.paths:
            raise DownloadConflictError(translate("Downloads", "Nothing to download."))
        sums = request.sha256 or (None,) * len(request.paths)
        if len(sums) != len(request.paths):
            raise ValueError("one sha256 (or None) per path")
        parts: list[_Part] = []
        for path, digest in zip(request.paths, sums, strict=True):
            filename = _checked_name(path.rsplit("/", 1)[-1])
            if digest is not None and not _SHA256.fullmatch(digest.lower()):
                raise ValueError(f"not a SHA-256: {digest!r}")
            parts.append(_Part(path=path, filename=filename,
                               catalog_sha256=digest.lower() if digest else None))
        names = [p.filename for p in parts]
        if len(set(names)) != len(names):
            raise DownloadConflictError(
                translate("Downloads", "Two of these files have the same name."))
        with self._lock:
            if all((self.models_dir / n).exists() for n in names):
                raise DownloadConflictError(translate(
                    "Downloads", "{name} is already in your models folder.").format(
                        name=names[0]))
            for other in self._jobs.values():
                if {p.filename for p in other.parts} & set(names):
                    raise DownloadConflictError(translate(
                        "Downloads", "{name} is already being downloaded.").format(
                            name=names[0]))
            job = _Job(job_id=uuid.uuid4().hex[:16], repo_id=request.repo_id,
                       revision=request.revision, name=request.name or names[0],
                       created=time.time(), parts=parts)
            try:
                self._save_job(job)
            except OSError as error:
                shutil.rmtree(self._job_dir(job), ignore_errors=True)
                raise self._translate(error, job) from error
            self._jobs[job.job_id] = job
            self._save_queue()
            self._wake.notify_all()
            self._emit("added", job)
        log.info("queued download %s: %s %s", job.job_id, job.repo_id, names)
        return job.job_id

    def pause(self, job_id: str) -> None:
        with self._lock:
            job = self._job(job_id)
            if self._run is not None and self._run.job is job:
                self._run.control.request(cancel=False)
            elif job.state == DownloadState.QUEUED:
                self._set_state(job, DownloadState.PAUSED)

    def resume(self, job_id: str) -> None:
        """Queue a paused or failed download again; it continues from the bytes on disk."""
        with self._lock:
            job = self._job(job_id)
            if self._run is not None and self._run.job is job:
                self._run.control.unpause()  # paused and resumed before it stopped
            elif job.state in (DownloadState.PAUSED, DownloadState.FAILED):
                job.error = None
                self._set_state(job, DownloadState.QUEUED)
                self._wake.notify_all()

    def cancel(self, job_id: str) -> None:
        """Stop a download and delete everything it wrote (also dismisses a failed one)."""
        with self._lock:
            job = self._job(job_id)
            if self._run is not None and self._run.job is job:
                self._run.control.request(cancel=True)
                return
            self._discard(job)

    def run_next(self) -> DownloadStatus | None:
        """Run the first queued download to its end, pause or failure, in this thread.

        Returns its final status, or None if nothing is queued.
        """
        with self._lock:
            if self._run is not None:
                raise RuntimeError("a download is already running")
            job = next((j for j in self._jobs.values() if j.state == DownloadState.QUEUED), None)
            if job is None:
                return None
            run = self._run = _Run(job=job, meter=_Meter(self._clock),
                                   progress_at=self._clock())
        lock = ProcessLock(self.root / f"{job.job_id}.lock")
        try:
            if lock.acquire():
                try:
                    self._execute(run)
                finally:
                    lock.release()
                    if job.state in _FINISHED:
                        with suppress(OSError):
                            lock.path.unlink()
            else:
                # Only in memory: the sidecar belongs to the process that holds the lock.
                with self._lock:
                    job.error = DownloadError(
                        translate("Downloads", "This download is running in another chatapp "
                                  "window. Let it finish there, or close that window and try "
                                  "again here."),
                        f"{lock.path} is locked", resumable=True)
                    job.state = DownloadState.FAILED
                    self._emit("state", job)
        finally:
            with self._lock:
                self._run = None
        return self._status(job)

    def run_until_idle(self) -> list[DownloadStatus]:
        done = []
        while (status := self.run_next()) is not None:
            done.append(status)
        return done

    def serve(self) -> None:
        """Run queued downloads one after another until :meth:`stop`; for a worker thread."""
        while True:
            with self._lock:
                self._wake.wait_for(lambda: self._stopping or any(
                    j.state == DownloadState.QUEUED for j in self._jobs.values()))
                if self._stopping:
                    return
            self.run_next()

    def stop(self) -> None:
        """Pause the running download and make :meth:`serve` return (at app exit).

        Returns at once; the serving thread follows within moments, whatever the network
        does (the request in flight is ended, not waited for).
        """
        with self._lock:
            self._stopping = True
            if self._run is not None:
                self._run.control.request(cancel=False)
            self._wake.notify_all()

    # -- running one job -----------------------------------------------------------------------

    def _execute(self, run: _Run) -> None:
        job = run.job
        try:
            self._set_state(job, DownloadState.RUNNING)
            self._prepare(run)
            self._check_space(run)
            for index in range(len(job.parts)):
                if not job.parts[index].verified:
                    self._download_part(run, index)
                    self._verify_part(run, index)
            self._install(job)
        except _Stopped as stop:
            if stop.cancelled:
                self._discard(job)
                log.info("download %s cancelled", job.job_id)
            else:
                self._set_state(job, DownloadState.PAUSED)
                log.info("download %s paused", job.job_id)
        except (HubError, *HUB_EXCEPTIONS) as error:
            if run.control.cancel.is_set():  # cancelled while failing: the user's word wins
                self._discard(job)
            else:
                self._fail(job, self._translate(error, job))

    def _translate(self, error: BaseException, job: _Job, path: str | None = None) -> HubError:
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return DiskFullError(_mount_point(self.models_dir), f"{type(error).__name__}: {error}")
        translated = self._client.translate(error, repo_id=job.repo_id, filename=path)
        if isinstance(translated, ConnectionLostError) and not translated.downloading:
            # said of a download, whose bytes are kept, not of a search
            return ConnectionLostError(translated.host, translated.detail, downloading=True)
        return translated

    def _fail(self, job: _Job, error: HubError) -> None:
        log.warning("download %s failed: %s", job.job_id, error.detail)
        if isinstance(error, _DISCARDING_ERRORS):
            for index, part in enumerate(job.parts):
                if isinstance(error, ChecksumMismatchError) and part.verified:
                    continue  # only the bad part goes; verified ones are kept for the retry
                self._partial(job, index).unlink(missing_ok=True)
                part.forget_remote()
            error.resumable = False
        with self._lock:
            job.error = error
            self._set_state(job, DownloadState.FAILED)

    def _prepare(self, run: _Run) -> None:
        """Learn each part's current version; start over if any changed since last time."""
        job = run.job
        client = self._client
        remotes = [self._retrying(run, functools.partial(
            client.file_metadata, job.repo_id, part.path, job.revision)) for part in job.parts]
        changed = [p.path for p, r in zip(job.parts, remotes, strict=True)
                   if p.etag is not None and (p.etag != r.etag or p.size != r.size)]
        if changed:
            # One split part changed means the set changed: all parts start over together.
            log.info("download %s: %s changed on the hub, starting over", job.job_id, changed)
            for index, part in enumerate(job.parts):
                self._partial(job, index).unlink(missing_ok=True)
                part.forget_remote()
            run.note = translate("Downloads", "The file changed on the hub since the download "
                                 "began, so it started over.")
        for part, remote in zip(job.parts, remotes, strict=True):
            part.etag, part.size = remote.etag, remote.size
            if part.catalog_sha256 is not None:
                part.checksum, part.checksum_kind = part.catalog_sha256, "sha256"
                part.checksum_source = _CATALOG_SOURCE
        job.commit = remotes[0].commit
        if any(p.checksum is None for p in job.parts):
            commit = job.commit
            listing = self._retrying(run, functools.partial(self._hub_checksums, job, commit))
            for part in job.parts:
                if part.checksum is None:
                    found = listing.get(part.path)
                    if found is None:
                        raise HubResponseError(
                            translate("Downloads", "The hub publishes no checksum for "
                                      "{filename}, so chatapp cannot check the download and "
                                      "does not install it.").format(filename=part.filename),
                            f"no lfs.sha256 or blobId for {part.path} at {job.commit}")
                    part.checksum_kind, part.checksum = found
                    part.checksum_source = f"the hub ({client.host})"
        self._save_job(job)
        self._emit("state", job)

    def _retrying(self, run: _Run, ask: Callable[..., _T]) -> _T:
        """Ask the hub something, retrying what a retry may fix (a busy or unreachable hub)."""
        failures = 0
        while True:
            run.control.check()
            try:
                return self._ask(run, ask)
            except HubError as error:
                run.control.check()  # stopped meanwhile: that is the outcome, not the error
                failures = self._retry_or_raise(run, error, failures, made_progress=False)

    def _ask(self, run: _Run, ask: Callable[..., _T]) -> _T:
        """``ask(timeout=...)`` on a helper thread; pause, cancel and quit do not wait for it.

        huggingface_hub's metadata requests give no way to reach their socket, so a stopped
        download leaves such a request behind, to end by its own timeout (within the stall
        budget); its answer is dropped.
        """
        timeout = max(0.0, self._time_left(run))
        outcome: list[_T] = []
        failure: list[Exception] = []
        done = threading.Event()

        def work() -> None:
            try:
                outcome.append(ask(timeout=timeout))
            except Exception as error:  # noqa: BLE001 - raised again in the download's thread
                failure.append(error)
            finally:
                done.set()

        threading.Thread(target=work, name=f"download-{run.job.job_id}-ask",
                         daemon=True).start()
        while not done.wait(_POLL):
            run.control.check()
        if failure:
            raise failure[0]
        return outcome[0]

    def _hub_checksums(self, job: _Job, commit: str, *, timeout: float | None = None,
                       ) -> dict[str, tuple[Literal["sha256", "git-sha1"], str]]:
        listing = self._client.list_repo(job.repo_id, revision=commit, timeout=timeout)
        found: dict[str, tuple[Literal["sha256", "git-sha1"], str]] = {}
        for model in (*listing.models, *listing.addons):
            for f in model.parts:
                if f.sha256 is not None:
                    found[f.path] = ("sha256", f.sha256)
                elif f.blob_id is not None:  # kept in git, not LFS: its id is a SHA-1
                    found[f.path] = ("git-sha1", f.blob_id.lower())
        return found

    def _check_space(self, run: _Run) -> None:
        job = run.job
        needed = 0
        for index, part in enumerate(job.parts):
            if not part.verified and part.size is not None:
                needed += max(0, part.size - self._on_disk(job, index))
        if needed == 0:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        free = self._free_space(self.root)
        if free < needed + self._space_margin:
            raise NotEnoughSpaceError(needed=needed, free=free, margin=self._space_margin,
                                      where=_mount_point(self.models_dir))

    def _download_part(self, run: _Run, index: int) -> None:
        job = run.job
        part = job.parts[index]
        assert part.size is not None and job.commit is not None
        partial = self._partial(job, index)
        partial.parent.mkdir(parents=True, exist_ok=True)
        failures = 0
        run.progress_at = self._clock()  # verifying the part before took no network time
        while True:
            run.control.check()
            offset = self._on_disk(job, index)
            if offset > part.size:
                partial.unlink()  # longer than the file: not a prefix of it
                offset = 0
            run.offsets[index] = offset
            if offset == part.size:
                return
            before = run.meter.received if run.meter else 0
            try:
                # HEAD at the commit, not the branch: the same bytes on every retry, and a
                # fresh address for them (storage-server links expire).
                remote = self._ask(run, functools.partial(
                    self._client.file_metadata, job.repo_id, part.path, job.commit))
                if remote.etag != part.etag or remote.size != part.size:
                    raise HubResponseError(
                        translate("Downloads", "The hub changed its answer about this file "
                                  "while downloading it."),
                        f"{part.path}@{job.commit}: etag {part.etag}->{remote.etag}, "
                        f"size {part.size}->{remote.size}", resumable=True)
                self._fetch(run, index, remote, offset)
                if self._on_disk(job, index) < part.size:
                    raise ConnectionLostError(self._client.host, "the body ended early",
                                              downloading=True)
            except (HubError, *HUB_EXCEPTIONS) as error:
                run.control.check()  # the transfer was ended by pause, cancel or quit
                made_progress = (run.meter.received if run.meter else 0) > before
                failures = self._retry_or_raise(
                    run, self._translate(error, job, part.path), failures, made_progress)

    def _retry_or_raise(self, run: _Run, error: HubError, failures: int,
                        made_progress: bool) -> int:
        """Wait before the next attempt, or give up; returns the new failure count."""
        if not error.retry_may_help:
            raise error
        failures = 1 if made_progress else failures + 1  # bytes arrived: the link works
        if failures > self._max_retries:
            error.resumable = True
            raise error
        delay = self._retry_delay * 2 ** (failures - 1)
        asked = error.retry_after if isinstance(error, HubUnavailableError) else None
        if asked is not None:
            delay = max(delay, asked)  # never sooner than the server asked
        left = self._time_left(run)
        if delay >= left:
            # no attempt would fit in the stall budget: fail now rather than wait for nothing
            error.resumable = True
            if asked is not None and asked >= left:
                raise error  # its message says how long the server wants to be left alone
            raise DownloadStalledError(
                self._client.host, self._stall_timeout,
                f"no byte for {self._clock() - run.progress_at:.1f} s; last: {error.detail}",
            ) from error
        log.info("download %s: %s; retrying in %.1f s", run.job.job_id, error.detail, delay)
        run.control.wait(delay)
        return failures

    def _time_left(self, run: _Run) -> float:
        """Seconds until the download has gone ``stall_timeout`` without a byte."""
        return run.progress_at + self._stall_timeout - self._clock()

    def _fetch(self, run: _Run, index: int, remote: RemoteFile, offset: int) -> None:
        """One GET from ``offset`` to the end (or until stopped), appended to the partial."""
        job = run.job
        part = job.parts[index]
        partial = self._partial(job, index)
        # each read waits at most what is left of the stall budget; pause and quit end it
        with self._client.open_range(remote.location, offset, timeout=self._time_left(run),
                                     interrupt=run.control.interrupt) as response:
            if response.status_code == 206:
                got = content_range(response)
                if got is None or got[0] != offset or got[2] not in (None, part.size):
                    # not the bytes asked for: keep nothing, and ask for the whole file next
                    partial.unlink(missing_ok=True)
                    run.offsets[index] = 0
                    raise ConnectionLostError(
                        self._client.host, f"unexpected Content-Range {got} for {offset}-",
                        downloading=True)
            elif response.status_code == 200:
                if offset:
                    # Appending a full body to a partial would corrupt it: start over cleanly.
                    log.info("download %s: the server ignored Range, %s starts over",
                             job.job_id, part.path)
                    run.note = translate("Downloads", "The server could not continue where the "
                                         "download stopped, so this file started over.")
                offset = 0
            else:
                raise HubResponseError(
                    translate("Downloads", "{host} answered the download with an unexpected "
                              "status ({status}).").format(host=self._client.host,
                                                           status=response.status_code),
                    f"GET {part.path}: {response.status_code}",
                    resumable=True)
            with partial.open("r+b" if partial.exists() else "wb",
                              buffering=_WRITE_BUFFER) as out:
                out.seek(offset)
                out.truncate()  # after a restart from 0, nothing of the old bytes stays
                run.offsets[index] = offset
                if run.meter is not None:
                    run.meter.restart()
                self._emit_progress(run, force=True)
                try:
                    self._copy(run, index, response.iter_bytes(), out, offset)
                finally:
                    # on disk before the next resume reads the length (pause, crash, error)
                    out.flush()
                    os.fsync(out.fileno())

    def _copy(self, run: _Run, index: int, chunks: Iterator[bytes], out: BinaryIO,
              offset: int) -> None:
        part = run.job.parts[index]
        assert part.size is not None
        for chunk in chunks:
            run.control.check()
            room = part.size - offset
            if len(chunk) > room:
                chunk = chunk[:room]  # noqa: PLW2901 - a server sending more than the file
            out.write(chunk)
            offset += len(chunk)
            run.offsets[index] = offset
            if chunk:
                run.progress_at = self._clock()
            if run.meter is not None:
                run.meter.add(len(chunk))
            self._emit_progress(run)
            if offset >= part.size:
                break
        self._emit_progress(run, force=True)

    def _verify_part(self, run: _Run, index: int) -> None:
        job = run.job
        part = job.parts[index]
        self._set_state(job, DownloadState.VERIFYING)
        partial = self._partial(job, index)
        if part.checksum_kind == "git-sha1":
            digest = hashlib.sha1(f"blob {part.size}\0".encode(), usedforsecurity=False)
        else:
            digest = hashlib.sha256()
        try:
            with partial.open("rb") as handle:
                while block := handle.read(_HASH_BLOCK):
                    run.control.check()
                    digest.update(block)
        except OSError as error:
            raise self._translate(error, job, part.path) from error
        actual = digest.hexdigest()
        if actual != part.checksum:
            raise ChecksumMismatchError(part.filename, expected=str(part.checksum),
                                        actual=actual, source=_shown_source(part.checksum_source))
        part.verified = True
        self._save_job(job)
        self._set_state(job, DownloadState.RUNNING)

    def _install(self, job: _Job) -> None:
        """Move every verified part into the models folder, then forget the job."""
        self._set_state(job, DownloadState.INSTALLING)
        self.models_dir.mkdir(parents=True, exist_ok=True)
        for index, part in enumerate(job.parts):
            source = self._partial(job, index)
            if source.exists():
                os.replace(source, self.models_dir / part.filename)
        log.info("download %s installed: %s", job.job_id, [p.filename for p in job.parts])
        with self._lock:
            job.state = DownloadState.DONE
            self._jobs.pop(job.job_id, None)
            self._save_queue()
            shutil.rmtree(self._job_dir(job), ignore_errors=True)
            self._emit("removed", job)

    # -- bookkeeping ---------------------------------------------------------------------------

    def _job(self, job_id: str) -> _Job:
        try:
            return self._jobs[job_id]
        except KeyError:
            raise KeyError(f"no download {job_id!r}") from None

    def _job_dir(self, job: _Job) -> Path:
        return self.root / job.job_id

    def _partial(self, job: _Job, index: int) -> Path:
        return self._job_dir(job) / f"part-{index + 1:05d}.partial"

    def _on_disk(self, job: _Job, index: int) -> int:
        try:
            return self._partial(job, index).stat().st_size
        except FileNotFoundError:
            return 0

    def _set_state(self, job: _Job, state: DownloadState) -> None:
        with self._lock:
            job.state = state
            if state not in _FINISHED and job.job_id in self._jobs:
                try:
                    self._save_job(job)
                except OSError as error:
                    # e.g. the disk that just filled up: the state still holds in memory, and
                    # after a restart the older sidecar brings the download back paused
                    log.warning("could not save download %s: %s", job.job_id, error)
            self._emit("state", job)

    def _discard(self, job: _Job) -> None:
        with self._lock:
            job.state = DownloadState.CANCELLED
            self._jobs.pop(job.job_id, None)
            shutil.rmtree(self._job_dir(job), ignore_errors=True)
            if self._run is None or self._run.job is not job:  # else run_next removes it
                with suppress(OSError):
                    (self.root / f"{job.job_id}.lock").unlink()
            self._save_queue()
            self._emit("removed", job)

    def _status(self, job: _Job) -> DownloadStatus:
        run = self._run if self._run is not None and self._run.job is job else None
        sizes = [p.size for p in job.parts]
        total = None if any(s is None for s in sizes) else sum(s or 0 for s in sizes)
        done = 0
        for index, part in enumerate(job.parts):
            if part.verified and part.size is not None:
                done += part.size
            elif run is not None and index in run.offsets:
                done += run.offsets[index]
            elif job.state not in _FINISHED:
                done += self._on_disk(job, index)
        speed = eta = None
        if run is not None and run.meter is not None and job.state == DownloadState.RUNNING:
            speed = run.meter.speed
            eta = run.meter.eta(total - done) if total is not None else None
        installed: tuple[Path, ...] = ()
        if job.state == DownloadState.DONE:
            done = total or done
            installed = tuple(self.models_dir / p.filename for p in job.parts)
        return DownloadStatus(
            job_id=job.job_id, name=job.name, repo_id=job.repo_id, revision=job.revision,
            commit=job.commit, files=tuple(p.filename for p in job.parts), state=job.state,
            bytes_done=done, total_bytes=total, speed=speed, eta=eta, error=job.error,
            note=run.note if run is not None else None, installed=installed)

    def _emit(self, kind: Literal["added", "state", "progress", "removed"], job: _Job) -> None:
        if self._on_event is None:
            return
        status = self._status(job)
        try:
            self._on_event(DownloadEvent(kind=kind, status=status))
        except Exception:  # a broken listener must not break the download
            log.exception("download event handler failed")

    def _emit_progress(self, run: _Run, force: bool = False) -> None:
        now = self._clock()
        if force or now - run.last_emit >= self._progress_interval:
            run.last_emit = now
            self._emit("progress", run.job)

    # -- persistence ---------------------------------------------------------------------------

    def _save_job(self, job: _Job) -> None:
        write_json_atomic(self._job_dir(job) / _JOB_FILE, job.to_json())

    def _save_queue(self) -> None:
        try:
            write_json_atomic(self.root / _QUEUE_FILE,
                             {"version": _FORMAT_VERSION, "jobs": list(self._jobs)})
        except OSError as error:
            # only the order is lost: _load finds every job by its sidecar
            log.warning("could not save the download queue: %s", error)

    def _load(self) -> None:
        """Read the queue left by an earlier run; unfinished downloads come back paused."""
        if not self.root.is_dir():
            return
        order: list[str] = []
        with suppress(OSError, ValueError, TypeError, AttributeError):
            data = json.loads((self.root / _QUEUE_FILE).read_text(encoding="utf-8"))
            order = [str(i) for i in data.get("jobs", [])]
        found: dict[str, _Job] = {}
        for folder in sorted(self.root.iterdir()):
            sidecar = folder / _JOB_FILE
            if not folder.is_dir() or folder.name.startswith("."):
                continue
            if not sidecar.is_file():
                # a crash between creating a job's folder and writing its sidecar
                shutil.rmtree(folder, ignore_errors=True)
                continue
            try:
                job = _Job.from_json(json.loads(sidecar.read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError, TypeError, HubError) as error:
                log.warning("ignoring unreadable download sidecar %s: %s", sidecar, error)
                continue
            if job.job_id != folder.name:
                log.warning("ignoring download sidecar %s: wrong id", sidecar)
                continue
            found[job.job_id] = job
        # the queue's order first; sidecars it does not list (written just before a crash) last
        ids = [i for i in order if i in found]
        ids += sorted((i for i in found if i not in ids), key=lambda i: found[i].created)
        for job_id in ids:
            job = found[job_id]
            self._jobs[job_id] = job
            if job.state == DownloadState.INSTALLING:
                self._finish_install(job)
            elif job.state in (*_ACTIVE, DownloadState.QUEUED):
                job.state = DownloadState.PAUSED
                self._save_job(job)
        self._save_queue()

    def _finish_install(self, job: _Job) -> None:
        """Complete moves interrupted by a crash: every part was verified before any moved."""
        if not all(p.verified for p in job.parts):  # pragma: no cover - never written so
            job.state = DownloadState.PAUSED
            return
        with suppress(OSError):
            self._install(job)

