"""A server that stops sending, or asks to be left alone: bounded waits that pause and quit end.

The stand-in holds a connection open without sending (``stall_at_byte``) until the client goes
away, so these tests also prove the client really let go. Timing bounds here are the
requirements themselves, with wide margins: the behaviour fixed took 30 s (a read timeout) or
more per case, the bounds allow 5-20 s, the code needs well under 1-2 s.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from huggingface_hub import close_session

from chatapp.hub.client import HubClient
from chatapp.hub.downloads import (
    DOWNLOADS_DIR,
    STALL_TIMEOUT,
    DownloadEvent,
    DownloadManager,
    DownloadRequest,
    DownloadState,
    DownloadStatus,
)
from chatapp.hub.errors import DownloadStalledError, RateLimitedError
from tests.hub_stand_in.content import MEDIUM_FILE, MEDIUM_REPO, Blobs, populate
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import RecordedRequest, StandInHub

# The logger a download that fails on purpose warns on (see the expect_log marker).
DOWNLOADS_LOG = "chatapp.hub.downloads"

MiB = 1 << 20
REQUEST = DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,))


def manager(models_dir: Path, client: HubClient, **options: Any) -> DownloadManager:
    settings: dict[str, Any] = {"retry_delay": 0.01, "progress_interval": 0.0} | options
    return DownloadManager(models_dir, client, **settings)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def partial_size(models_dir: Path) -> int:
    (partial,) = (models_dir / DOWNLOADS_DIR).rglob("*.partial")
    return partial.stat().st_size


def byte_gets(hub: StandInHub) -> list[RecordedRequest]:
    """The GETs of the file's bytes (from the storage server when the hub redirects)."""
    server = "storage" if hub.lfs_redirect else "hub"
    return hub.requests_matching(server=server, method="GET")


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    """A guard against hanging, not a speed requirement."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.01)


def in_thread(target: Callable[[], DownloadStatus | None],
              ) -> tuple[threading.Thread, list[DownloadStatus | None]]:
    outcome: list[DownloadStatus | None] = []
    thread = threading.Thread(target=lambda: outcome.append(target()), daemon=True)
    thread.start()
    return thread, outcome


def resume_to_a_verified_file(mgr: DownloadManager, job_id: str, hub: StandInHub,
                              models_dir: Path, blobs: Blobs, kept: int) -> None:
    hub.set_faults()
    hub.clear_requests()
    mgr.resume(job_id)
    done = mgr.run_next()
    assert done is not None and done.state == DownloadState.DONE, done and done.error
    assert [r.header("Range") for r in byte_gets(hub)] == [f"bytes={kept}-"]
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)


def test_the_stall_budget_is_about_a_minute() -> None:
    assert 45 <= STALL_TIMEOUT <= 75


@pytest.mark.expect_log(DOWNLOADS_LOG, r"failed: no byte for [\d.]+ s; last: ")
def test_a_server_that_stops_sending_fails_once_the_stall_budget_is_spent(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    # Every answer, retries included, stops at 2 MiB: no byte arrives after that.
    hub.set_faults(stall_at_byte=2 * MiB, stall_times=1000)
    budget = 2.0
    mgr = manager(models_dir, client, stall_timeout=budget)
    job_id = mgr.enqueue(REQUEST)
    began = time.monotonic()
    failed = mgr.run_next()
    took = time.monotonic() - began
    assert failed is not None and failed.state == DownloadState.FAILED
    assert isinstance(failed.error, DownloadStalledError) and failed.error.resumable
    assert failed.error.seconds == budget
    message = failed.error.user_message
    assert "127.0.0.1 stopped sending" in message and "Try again continues" in message
    assert "paus" not in message and "resume" not in message.lower()
    # It waited out the budget, and not much more: the client's own read timeout is 30 s.
    assert budget <= took < budget + 15
    assert failed.bytes_done == partial_size(models_dir) == 2 * MiB
    resume_to_a_verified_file(mgr, job_id, hub, models_dir, blobs, 2 * MiB)


@pytest.fixture(params=["redirect", "no-redirect", "tls"])
def any_hub(request: pytest.FixtureRequest, hub: StandInHub, tmp_path: Path, blobs: Blobs,
            model_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[StandInHub]:
    """The bytes from a storage server; from the hub itself (its pooled connection, reused
    for the GET); over TLS (an SSL socket to interrupt)."""
    if request.param == "redirect":
        yield hub
    elif request.param == "no-redirect":
        hub.lfs_redirect = False
        yield hub
    else:
        pytest.importorskip("cryptography")
        from tests.hub_stand_in.tls import make_tls_files

        tls = make_tls_files(tmp_path / "tls")
        monkeypatch.setenv("SSL_CERT_FILE", str(tls.ca_cert))
        close_session()  # huggingface_hub's session reads SSL_CERT_FILE when it is created
        try:
            with StandInHub(tls=tls) as secure:
                populate(secure, blobs, model_path)
                yield secure
        finally:
            monkeypatch.delenv("SSL_CERT_FILE")
            close_session()


def test_quit_does_not_wait_for_a_server_that_sends_nothing(
    models_dir: Path, any_hub: StandInHub, blobs: Blobs,
) -> None:
    hub = any_hub
    client = HubClient(hub.endpoint)
    hub.set_faults(stall_at_byte=3 * MiB)
    # the app's settings: a 30 s read timeout, a minute's stall budget
    mgr = DownloadManager(models_dir, client)
    worker = threading.Thread(target=mgr.serve, daemon=True)
    worker.start()
    job_id = mgr.enqueue(REQUEST)
    assert hub.wait_for_stalls(1, timeout=60)
    wait_until(lambda: mgr.status(job_id).bytes_done == 3 * MiB, "the bytes before the stall")

    began = time.monotonic()
    mgr.stop()
    returned = time.monotonic() - began
    worker.join(10)
    ended = time.monotonic() - began
    assert not worker.is_alive(), "the serving thread still waits for the network"
    assert returned <= ended < 5  # needs well under a second
    # The connection really went (the server notices it), and the bytes stayed.
    wait_until(lambda: hub.abandoned == 1, "the server to see the client go")
    assert partial_size(models_dir) == 3 * MiB
    assert mgr.status(job_id).state == DownloadState.PAUSED

    again = DownloadManager(models_dir, client, retry_delay=0.01)  # the app started anew
    ((status),) = again.statuses()
    assert (status.job_id, status.state, status.bytes_done, status.error) == (
        job_id, DownloadState.PAUSED, 3 * MiB, None)
    resume_to_a_verified_file(again, job_id, hub, models_dir, blobs, 3 * MiB)


@pytest.mark.parametrize("action", ["pause", "cancel"])
def test_pause_and_cancel_do_not_wait_for_a_server_that_sends_nothing(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs, action: str,
) -> None:
    hub.set_faults(stall_at_byte=2 * MiB)
    mgr = DownloadManager(models_dir, client)  # a 30 s read timeout
    job_id = mgr.enqueue(REQUEST)
    worker, outcome = in_thread(mgr.run_next)
    assert hub.wait_for_stalls(1, timeout=60)
    wait_until(lambda: mgr.status(job_id).bytes_done == 2 * MiB, "the bytes before the stall")
    began = time.monotonic()
    getattr(mgr, action)(job_id)
    worker.join(10)
    assert not worker.is_alive() and time.monotonic() - began < 5
    (final,) = outcome
    assert final is not None
    if action == "cancel":
        assert final.state == DownloadState.CANCELLED and mgr.statuses() == []
        assert not list((models_dir / DOWNLOADS_DIR).rglob("*.partial"))
        return
    assert final.state == DownloadState.PAUSED and final.error is None
    assert partial_size(models_dir) == 2 * MiB
    resume_to_a_verified_file(mgr, job_id, hub, models_dir, blobs, 2 * MiB)


def test_a_pause_taken_back_after_it_ended_the_transfer_just_retries(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    hub.set_faults(stall_at_byte=3 * MiB)  # so the ended transfer cannot complete anyway
    taken_back: list[int] = []

    def double_click(event: DownloadEvent) -> None:
        # On the download's own thread, so both land before it reads on: the pause has
        # ended the transfer, the resume takes the pause back.
        if event.kind == "progress" and event.status.bytes_done >= 2 * MiB and not taken_back:
            taken_back.append(event.status.bytes_done)
            mgr.pause(event.status.job_id)
            mgr.resume(event.status.job_id)
    mgr = DownloadManager(models_dir, client, retry_delay=0.01, progress_interval=0.0,
                          on_event=double_click)
    mgr.enqueue(REQUEST)
    final = mgr.run_next()
    assert taken_back
    assert final is not None and final.state == DownloadState.DONE, final and final.error
    # the ended transfer was retried from the bytes kept, and the retry was not ended too
    first, retry = (r.header("Range") for r in byte_gets(hub))
    assert first is None and retry is not None
    assert 2 * MiB <= int(retry.removeprefix("bytes=").rstrip("-")) <= 3 * MiB
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)


@pytest.mark.parametrize("as_date", [False, True])
def test_retry_after_is_honoured(models_dir: Path, client: HubClient, hub: StandInHub,
                                 blobs: Blobs, as_date: bool) -> None:
    # As an HTTP date it has whole seconds: 3 s from now is a wait of 2 to 3 s.
    seconds, at_least = (3, 1.5) if as_date else (1, 0.9)
    hub.set_faults(error_status=429, retry_after=seconds, retry_after_as_date=as_date)
    mgr = manager(models_dir, client, stall_timeout=30)  # back-off alone would wait 0.01 s
    mgr.enqueue(REQUEST)
    done = mgr.run_next()
    assert done is not None and done.state == DownloadState.DONE, done and done.error
    first, second = byte_gets(hub)
    assert (first.status, second.status) == (429, 200)
    assert second.at - first.at >= at_least
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)


@pytest.mark.expect_log(DOWNLOADS_LOG, r"failed: HfHubHTTPError: ")
def test_a_retry_after_beyond_the_stall_budget_fails_at_once(
    models_dir: Path, client: HubClient, hub: StandInHub,
) -> None:
    hub.set_faults(error_status=429, retry_after=120)
    mgr = manager(models_dir, client, stall_timeout=30)
    job_id = mgr.enqueue(REQUEST)
    began = time.monotonic()
    failed = mgr.run_next()
    assert time.monotonic() - began < 20  # did not sit out the budget for nothing
    assert failed is not None and failed.state == DownloadState.FAILED
    assert isinstance(failed.error, RateLimitedError) and failed.error.resumable
    assert failed.error.retry_after == 120
    assert "Wait about 2 min, then try again" in failed.error.user_message
    assert len(byte_gets(hub)) == 1  # asked once, as the server wished
    hub.set_faults()
    mgr.resume(job_id)
    assert (done := mgr.run_next()) is not None and done.state == DownloadState.DONE


def test_a_retry_after_wait_ends_at_once_on_pause(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    hub.set_faults(error_status=429, retry_after=30)
    mgr = manager(models_dir, client)
    job_id = mgr.enqueue(REQUEST)
    worker, outcome = in_thread(mgr.run_next)
    wait_until(lambda: [r.status for r in byte_gets(hub)] == [429], "the 429")
    began = time.monotonic()
    mgr.pause(job_id)
    worker.join(10)
    assert not worker.is_alive() and time.monotonic() - began < 5  # not after 30 s
    (final,) = outcome
    assert final is not None and final.state == DownloadState.PAUSED and final.error is None
    hub.set_faults()
    mgr.resume(job_id)
    assert (done := mgr.run_next()) is not None and done.state == DownloadState.DONE
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)
