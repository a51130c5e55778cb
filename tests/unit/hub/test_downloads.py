"""Downloads against the stand-in hub: progress, pause, resume, cancel, faults, verification."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chatapp.hub.client import HubClient
from chatapp.hub.downloads import (
    DOWNLOADS_DIR,
    DownloadEvent,
    DownloadManager,
    DownloadRequest,
    DownloadState,
    DownloadStatus,
    _Meter,
)
from chatapp.hub.errors import (
    ChecksumMismatchError,
    ConnectionLostError,
    DownloadConflictError,
    GatedRepoError,
    NotEnoughSpaceError,
    RemoteFileNotFoundError,
    TokenRejectedError,
)
from chatapp.models.library import installed_models
from tests.hub_stand_in.content import (
    GATED_FILE,
    GATED_REPO,
    GRANTED_TOKEN,
    IN_GIT_FILE,
    MEDIUM_FILE,
    MEDIUM_REPO,
    NOT_GRANTED_TOKEN,
    SPLIT_PARTS,
    SPLIT_REPO,
    TINY_REPO,
    Blobs,
)
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import HubFile, StandInHub

# The logger a download that fails on purpose warns on (see the expect_log marker).
DOWNLOADS_LOG = "chatapp.hub.downloads"

MiB = 1 << 20


class Recorder:
    """Collects events; optionally acts on one (pause, cancel) from the download's thread."""

    def __init__(self) -> None:
        self.events: list[DownloadEvent] = []
        self.action: Callable[[DownloadStatus], None] | None = None

    def __call__(self, event: DownloadEvent) -> None:
        self.events.append(event)
        if self.action is not None and event.kind == "progress":
            self.action(event.status)

    def progress(self) -> list[int]:
        return [e.status.bytes_done for e in self.events if e.kind == "progress"]


def manager(models_dir: Path, client: HubClient, recorder: Recorder | None = None,
            **options: Any) -> DownloadManager:
    settings: dict[str, Any] = {"retry_delay": 0.01, "progress_interval": 0.0} | options
    return DownloadManager(models_dir, client, on_event=recorder, **settings)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(models_dir: Path) -> list[Path]:
    """Files the download machinery left behind, apart from its queue and its locks."""
    root = models_dir / DOWNLOADS_DIR
    if not root.exists():
        return []
    return [p for p in root.rglob("*")
            if p.is_file() and p.name != "queue.json" and p.suffix != ".lock"]


def storage_gets(hub: StandInHub) -> list[str | None]:
    return [r.header("Range") for r in hub.requests_matching(server="storage", method="GET")]


def pause_after(mgr: DownloadManager, recorder: Recorder, job_id: str, n: int) -> None:
    def act(status: DownloadStatus) -> None:
        if status.bytes_done >= n:
            mgr.pause(job_id)
    recorder.action = act


def test_a_download_reports_progress_and_installs_the_verified_file(
    models_dir: Path, client: HubClient, blobs: Blobs, hub: StandInHub,
) -> None:
    recorder = Recorder()
    mgr = manager(models_dir, client, recorder)
    job_id = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    assert mgr.status(job_id).state == DownloadState.QUEUED
    final = mgr.run_next()
    assert final is not None and final.state == DownloadState.DONE and final.error is None
    target = models_dir / MEDIUM_FILE
    assert final.installed == (target,)
    assert sha256(target) == sha256(blobs.medium)
    size = blobs.medium.stat().st_size
    progress = recorder.progress()
    assert len(progress) > 10  # several chunks, several events
    assert progress == sorted(progress) and progress[-1] == size
    assert all(e.status.total_bytes == size for e in recorder.events if e.kind == "progress")
    states = [e.status.state for e in recorder.events if e.kind != "progress"]
    assert states[0] == DownloadState.QUEUED and states[-1] == DownloadState.DONE
    assert DownloadState.VERIFYING in states
    assert installed_models(models_dir) == [target]
    assert leftovers(models_dir) == [] and mgr.statuses() == []
    assert mgr.run_next() is None
    # the bytes came from the storage server, without the hub's token and in one request
    assert storage_gets(hub) == [None]


def test_speed_and_eta_are_reported_while_bytes_arrive(models_dir: Path, client: HubClient,
                                                       hub: StandInHub) -> None:
    hub.set_faults(throttle_bytes_per_s=8 * MiB)
    recorder = Recorder()
    mgr = manager(models_dir, client, recorder)
    mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    assert (done := mgr.run_next()) is not None and done.state == DownloadState.DONE
    rated = [e.status for e in recorder.events if e.status.speed is not None]
    assert rated, "no speed was ever reported"
    assert all(e.status.speed is None for e in recorder.events
               if e.status.state != DownloadState.RUNNING)
    # Plausible, not precise: a busy machine reads late and then in bursts. The throttle
    # caps the average, socket buffers the bursts; 0.5 MiB/s would be a 16 s download.
    assert all(MiB / 2 < (s.speed or 0) < 64 * MiB for s in rated)
    for status in rated:
        assert status.eta is not None and status.total_bytes is not None
        remaining = status.total_bytes - status.bytes_done
        assert status.eta == pytest.approx(remaining / (status.speed or 1))


def test_speed_is_smoothed_over_samples() -> None:
    now = [0.0]
    meter = _Meter(lambda: now[0])
    now[0] = 5.0  # asking the hub took long: not transfer time
    meter.restart()
    for _ in range(10):  # 1 MB per second, sampled every half second
        now[0] += 0.5
        meter.add(500_000)
    assert meter.speed == pytest.approx(1e6)
    now[0] += 0.5
    meter.add(5_000_000)  # a burst: 10 MB/s for one sample
    assert meter.speed is not None and 1e6 < meter.speed < 3e6  # moved, did not jump
    assert meter.eta(2_000_000) == pytest.approx(2_000_000 / meter.speed)


def test_cancel_leaves_no_file_anywhere(models_dir: Path, client: HubClient) -> None:
    recorder = Recorder()
    mgr = manager(models_dir, client, recorder)
    job_id = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    recorder.action = lambda s: mgr.cancel(job_id) if s.bytes_done > 2 * MiB else None
    final = mgr.run_next()
    assert final is not None and final.state == DownloadState.CANCELLED
    assert recorder.events[-1].kind == "removed"
    assert list(models_dir.glob("*.gguf")) == [] and leftovers(models_dir) == []
    assert [p.name for p in (models_dir / DOWNLOADS_DIR).iterdir()] == ["queue.json"]
    assert mgr.statuses() == []
    queue = json.loads((models_dir / DOWNLOADS_DIR / "queue.json").read_text())
    assert queue["jobs"] == []


def test_pause_then_resume_continues_from_the_bytes_on_disk(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    recorder = Recorder()
    mgr = manager(models_dir, client, recorder)
    job_id = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    pause_after(mgr, recorder, job_id, 3 * MiB)
    paused = mgr.run_next()
    assert paused is not None and paused.state == DownloadState.PAUSED
    assert paused.error is None  # PAUSED shows "Resume", and no failure
    partial = next((models_dir / DOWNLOADS_DIR).rglob("*.partial"))
    kept = partial.stat().st_size
    assert 3 * MiB <= kept < blobs.medium.stat().st_size
    assert mgr.status(job_id).bytes_done == kept
    assert installed_models(models_dir) == []  # the partial is not a model
    assert mgr.run_next() is None  # a paused download does not run
    recorder.action = None
    hub.clear_requests()
    mgr.resume(job_id)
    done = mgr.run_next()
    assert done is not None and done.state == DownloadState.DONE
    assert storage_gets(hub) == [f"bytes={kept}-"]
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)


def test_a_dropped_connection_resumes_by_itself(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    hub.set_faults(drop_after_bytes=3 * MiB, drop_times=2)
    recorder = Recorder()
    final = manager(models_dir, client, recorder)
    final.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    status = final.run_next()
    assert status is not None and status.state == DownloadState.DONE, status
    # each retry asked for the rest, from exactly the bytes kept
    assert storage_gets(hub) == [None, f"bytes={3 * MiB}-", f"bytes={6 * MiB}-"]
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)


@pytest.mark.expect_log(DOWNLOADS_LOG, r"failed: RemoteProtocolError: peer closed")
def test_a_connection_that_keeps_failing_fails_resumable(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    hub.set_faults(drop_after_bytes=2 * MiB, drop_times=1)
    recorder = Recorder()
    mgr = manager(models_dir, client, recorder, max_retries=3)
    job_id = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))

    def break_link(status: DownloadStatus) -> None:
        if status.bytes_done >= 2 * MiB:  # from now on, no byte gets through
            hub.set_faults(drop_after_bytes=0, drop_times=100)
    recorder.action = break_link
    failed = mgr.run_next()
    assert failed is not None and failed.state == DownloadState.FAILED
    assert isinstance(failed.error, ConnectionLostError) and failed.error.resumable
    message = failed.error.user_message
    assert "the download stopped" in message and "try again" in message
    assert "paus" not in message and "resume" not in message  # FAILED offers "Try again"
    assert len(storage_gets(hub)) == 1 + 3  # the first request, then max_retries retries
    assert failed.bytes_done == 2 * MiB and list(models_dir.glob("*.gguf")) == []
    hub.set_faults()
    recorder.action = None
    mgr.resume(job_id)
    done = mgr.run_next()
    assert done is not None and done.state == DownloadState.DONE
    assert storage_gets(hub)[-1] == f"bytes={2 * MiB}-"
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)


def test_a_server_ignoring_range_makes_the_file_start_over_cleanly(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    recorder = Recorder()
    mgr = manager(models_dir, client, recorder)
    job_id = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    pause_after(mgr, recorder, job_id, 2 * MiB)
    mgr.run_next()
    recorder.action = None
    hub.set_faults(ignore_range=True)
    hub.clear_requests()
    recorder.events.clear()
    mgr.resume(job_id)
    done = mgr.run_next()
    assert done is not None and done.state == DownloadState.DONE
    (request,) = hub.requests_matching(server="storage", method="GET")
    assert request.header("Range") is not None and request.status == 200
    seen = [e.status.bytes_done for e in recorder.events]
    assert seen[0] >= 2 * MiB and min(seen) < MiB  # it went back to the start
    assert any(e.status.note and "started over" in e.status.note for e in recorder.events)
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)


@pytest.mark.expect_log(DOWNLOADS_LOG, r"failed: medium-Q8_0\.gguf: expected [0-9a-f]+, got")
def test_a_wrong_checksum_installs_nothing(models_dir: Path, client: HubClient,
                                           hub: StandInHub, blobs: Blobs) -> None:
    hub.put_file(MEDIUM_REPO, HubFile(MEDIUM_FILE, source=blobs.medium,
                                      advertised_sha256="ab" * 32))
    mgr = manager(models_dir, client)
    mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    failed = mgr.run_next()
    assert failed is not None and failed.state == DownloadState.FAILED
    assert isinstance(failed.error, ChecksumMismatchError)
    assert not failed.error.resumable
    assert "checksum does not match" in failed.error.user_message
    assert "the hub (127.0.0.1)" in failed.error.user_message
    assert list(models_dir.glob("*.gguf")) == []
    assert not list((models_dir / DOWNLOADS_DIR).rglob("*.partial"))


@pytest.mark.expect_log(DOWNLOADS_LOG, r"failed: tiny-llama-Q8_0\.gguf: expected [0-9a-f]+, got")
def test_the_catalog_checksum_is_trusted_over_the_hubs(models_dir: Path, client: HubClient,
                                                       hub: StandInHub, blobs: Blobs) -> None:
    hub.put_file(MEDIUM_REPO, HubFile(MEDIUM_FILE, source=blobs.medium,
                                      advertised_sha256="ab" * 32))
    mgr = manager(models_dir, client)
    mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,), sha256=(sha256(blobs.medium),)))
    assert (done := mgr.run_next()) is not None and done.state == DownloadState.DONE
    mgr.enqueue(DownloadRequest(TINY_REPO, ("tiny-llama-Q8_0.gguf",), sha256=("cd" * 32,)))
    failed = mgr.run_next()
    assert failed is not None and isinstance(failed.error, ChecksumMismatchError)
    assert "chatapp's model catalog" in failed.error.user_message


def test_a_file_kept_in_git_is_verified_by_its_git_object_id(
    models_dir: Path, client: HubClient, blobs: Blobs,
) -> None:
    mgr = manager(models_dir, client)
    mgr.enqueue(DownloadRequest(MEDIUM_REPO, (IN_GIT_FILE,)))
    done = mgr.run_next()
    assert done is not None and done.state == DownloadState.DONE, done and done.error
    assert (models_dir / IN_GIT_FILE).read_bytes() == blobs.in_git.read_bytes()


@pytest.mark.expect_log(DOWNLOADS_LOG, r"failed: RemoteEntryNotFoundError: 404")
def test_a_missing_file_fails_clearly(models_dir: Path, client: HubClient) -> None:
    mgr = manager(models_dir, client)
    mgr.enqueue(DownloadRequest(TINY_REPO, ("gone-Q4_0.gguf",)))
    failed = mgr.run_next()
    assert failed is not None and isinstance(failed.error, RemoteFileNotFoundError)
    assert "gone-Q4_0.gguf is no longer in chatapp-test/tiny-llama-GGUF" in (
        failed.error.user_message)
    # only the sidecar stays, so the failure is still listed after a restart
    assert leftovers(models_dir) == [models_dir / DOWNLOADS_DIR / failed.job_id / "job.json"]


@pytest.mark.expect_log(DOWNLOADS_LOG,
                        r"failed: (GatedRepoError: 40[13]|HfHubHTTPError: Client error '401)")
def test_gated_repositories_without_and_with_a_token(
    models_dir: Path, hub: StandInHub, blobs: Blobs,
) -> None:
    request = DownloadRequest(GATED_REPO, (GATED_FILE,))
    anonymous = manager(models_dir, HubClient(hub.endpoint))
    anonymous.enqueue(request)
    failed = anonymous.run_next()
    assert failed is not None and isinstance(failed.error, GatedRepoError)
    assert not failed.error.token_given
    assert "gated: accept its terms on" in failed.error.user_message
    assert "add a Hugging Face access token" in failed.error.user_message
    assert f"{hub.endpoint}/{GATED_REPO}" in failed.error.user_message

    anonymous.use_client(HubClient(hub.endpoint, token=NOT_GRANTED_TOKEN))
    anonymous.resume(failed.job_id)
    refused = anonymous.run_next()
    assert refused is not None and isinstance(refused.error, GatedRepoError)
    assert refused.error.token_given and "has no access to it yet" in refused.error.user_message

    anonymous.use_client(HubClient(hub.endpoint, token="hf_made_up_token"))
    anonymous.resume(failed.job_id)
    rejected = anonymous.run_next()
    assert rejected is not None and isinstance(rejected.error, TokenRejectedError)
    assert "rejected your access token" in rejected.error.user_message

    hub.clear_requests()
    anonymous.use_client(HubClient(hub.endpoint, token=GRANTED_TOKEN))
    anonymous.resume(failed.job_id)
    done = anonymous.run_next()
    assert done is not None and done.state == DownloadState.DONE
    assert (models_dir / GATED_FILE).read_bytes() == blobs.gated.read_bytes()
    # the token went to the hub, and never to the storage server the file was redirected to
    hub_auth = {r.header("authorization") for r in hub.requests_matching(server="hub")}
    assert hub_auth == {f"Bearer {GRANTED_TOKEN}"}
    assert all(r.header("authorization") is None
               for r in hub.requests_matching(server="storage"))


@pytest.mark.expect_log(DOWNLOADS_LOG, r"failed: needed \d+ \+ margin \d+ bytes")
def test_not_enough_disk_space_is_said_before_downloading(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    free = 5 * MiB
    mgr = manager(models_dir, client, free_space=lambda _: free, space_margin=32 * MiB)
    job_id = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    failed = mgr.run_next()
    assert failed is not None and isinstance(failed.error, NotEnoughSpaceError)
    size = blobs.medium.stat().st_size
    assert failed.error.user_message.startswith(
        f"This download needs {size / 1e6:.1f} MB of free space, but only 5.2 MB is free on /")
    assert (failed.error.needed, failed.error.free) == (size, free)
    assert storage_gets(hub) == []  # not one byte was fetched
    free = size + MiB  # the file fits, the margin does not
    mgr.resume(job_id)
    failed = mgr.run_next()
    assert failed is not None and isinstance(failed.error, NotEnoughSpaceError)
    assert "(and a little more to spare)" in failed.error.user_message
    free = 100 * MiB
    mgr.resume(job_id)
    assert (done := mgr.run_next()) is not None and done.state == DownloadState.DONE


def test_a_split_model_is_verified_part_by_part_then_installed_together(
    models_dir: Path, client: HubClient, blobs: Blobs, hub: StandInHub,
) -> None:
    recorder = Recorder()
    mgr = manager(models_dir, client, recorder)
    model = next(m for m in client.list_repo(SPLIT_REPO).models if m.complete)
    job_id = mgr.enqueue(DownloadRequest.for_model(SPLIT_REPO, model))

    def check_nothing_installed_early(status: DownloadStatus) -> None:
        assert list(models_dir.glob("*.gguf")) == []
    recorder.action = check_nothing_installed_early
    done = mgr.run_next()
    assert done is not None and done.state == DownloadState.DONE and done.job_id == job_id
    names = [p.rsplit("/", 1)[-1] for p in SPLIT_PARTS]
    assert done.installed == tuple(models_dir / n for n in names)
    for name, blob in zip(names, blobs.split, strict=True):
        assert sha256(models_dir / name) == sha256(blob)
    total = sum(b.stat().st_size for b in blobs.split)
    progress = recorder.progress()
    assert progress == sorted(progress) and progress[-1] == total
    got = [r.path for r in hub.requests_matching(server="hub", method="HEAD")]
    assert [p.rsplit("/", 1)[-1] for p in got[:3]] == names  # HEAD of every part first


def test_downloads_run_one_after_another_in_queue_order(
    models_dir: Path, client: HubClient, hub: StandInHub,
) -> None:
    mgr = manager(models_dir, client)
    first = mgr.enqueue(DownloadRequest(TINY_REPO, ("tiny-llama-Q8_0.gguf",)))
    second = mgr.enqueue(DownloadRequest(TINY_REPO, ("tiny-llama-Q4_K_M.gguf",)))
    third = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    assert [s.job_id for s in mgr.statuses()] == [first, second, third]
    done = mgr.run_until_idle()
    assert [s.job_id for s in done] == [first, second, third]
    assert all(s.state == DownloadState.DONE for s in done)
    assert len(installed_models(models_dir)) == 3


def test_the_queue_survives_a_restart_and_comes_back_paused(
    models_dir: Path, client: HubClient,
) -> None:
    mgr = manager(models_dir, client)
    first = mgr.enqueue(DownloadRequest(TINY_REPO, ("tiny-llama-Q8_0.gguf",)))
    second = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    again = manager(models_dir, client)
    statuses = again.statuses()
    assert [s.job_id for s in statuses] == [first, second]
    assert all(s.state == DownloadState.PAUSED for s in statuses)
    assert again.run_next() is None  # nothing runs until the user says so
    for status in reversed(statuses):  # resuming does not reorder the queue
        again.resume(status.job_id)
    done = again.run_until_idle()
    assert [(s.job_id, s.state) for s in done] == [(first, DownloadState.DONE),
                                                    (second, DownloadState.DONE)]


def test_a_file_changed_on_the_hub_starts_over(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs, tmp_path: Path,
) -> None:
    recorder = Recorder()
    mgr = manager(models_dir, client, recorder)
    job_id = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    pause_after(mgr, recorder, job_id, 2 * MiB)
    mgr.run_next()
    old_commit = mgr.status(job_id).commit
    replacement = tmp_path / "new.gguf"
    replacement.write_bytes(blobs.tiny_q8.read_bytes())
    hub.put_file(MEDIUM_REPO, HubFile(MEDIUM_FILE, source=replacement))
    hub.clear_requests()
    recorder.action = None
    mgr.resume(job_id)
    done = mgr.run_next()
    assert done is not None and done.state == DownloadState.DONE
    assert done.commit == hub.repos[MEDIUM_REPO].commit != old_commit
    assert storage_gets(hub) == [None]  # from the start, not from the old bytes
    assert (models_dir / MEDIUM_FILE).read_bytes() == replacement.read_bytes()
    assert any(e.status.note and "changed on the hub" in e.status.note
               for e in recorder.events)


def test_what_cannot_be_queued(models_dir: Path, client: HubClient) -> None:
    mgr = manager(models_dir, client)
    (models_dir / "tiny-llama-Q8_0.gguf").write_bytes(b"already here")
    with pytest.raises(DownloadConflictError, match="already in your models folder"):
        mgr.enqueue(DownloadRequest(TINY_REPO, ("tiny-llama-Q8_0.gguf",)))
    mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    with pytest.raises(DownloadConflictError, match="already being downloaded"):
        mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    for unsafe in ("sub/.hidden.gguf", "evil\\name.gguf", "notes.txt", "a\nb.gguf"):
        with pytest.raises(DownloadConflictError, match="can save safely"):
            mgr.enqueue(DownloadRequest(TINY_REPO, (unsafe,)))
    with pytest.raises(ValueError, match="SHA-256"):
        mgr.enqueue(DownloadRequest(TINY_REPO, ("x.gguf",), sha256=("nope",)))


def test_serve_runs_what_is_queued_until_stopped(models_dir: Path, client: HubClient) -> None:
    finished = threading.Event()
    recorder = Recorder()

    def on_event(event: DownloadEvent) -> None:
        recorder(event)
        if event.kind == "removed":
            finished.set()
    mgr = DownloadManager(models_dir, client, on_event=on_event)
    worker = threading.Thread(target=mgr.serve)
    worker.start()
    try:
        mgr.enqueue(DownloadRequest(TINY_REPO, ("tiny-llama-Q4_K_M.gguf",)))
        assert finished.wait(60)  # a guard against hanging, not a speed requirement
    finally:
        mgr.stop()
        worker.join(60)
    assert not worker.is_alive()
    assert (models_dir / "tiny-llama-Q4_K_M.gguf").is_file()


@pytest.mark.expect_log(DOWNLOADS_LOG, r"failed: HfHubHTTPError: Client error '401")
def test_the_token_is_never_logged(models_dir: Path, hub: StandInHub,
                                   caplog: pytest.LogCaptureFixture) -> None:
    for name in (None, "huggingface_hub", "httpx2", "httpcore2"):
        caplog.set_level("DEBUG", logger=name)  # the libraries' own request logs too
    client = HubClient(hub.endpoint, token=GRANTED_TOKEN)
    mgr = manager(models_dir, client)
    mgr.enqueue(DownloadRequest(GATED_REPO, (GATED_FILE,)))
    hub.set_faults(drop_after_bytes=10, drop_times=1)  # a retry, with its log lines
    assert (done := mgr.run_next()) is not None and done.state == DownloadState.DONE
    bad = manager(models_dir / "other", HubClient(hub.endpoint, token="hf_wrong_secret_1"))
    bad.enqueue(DownloadRequest(GATED_REPO, (GATED_FILE,)))
    failed = bad.run_next()
    assert failed is not None and failed.error is not None
    assert any("authenticated: True" in r.getMessage() for r in caplog.records)
    texts = [r.getMessage() for r in caplog.records] + [failed.error.user_message,
                                                        failed.error.detail, repr(client)]
    assert not [t for t in texts if GRANTED_TOKEN in t or "hf_wrong_secret_1" in t]
    sidecars = list((models_dir / "other" / DOWNLOADS_DIR).rglob("*.json"))
    assert sidecars and not any("hf_wrong_secret_1" in p.read_text() for p in sidecars)


def test_a_busy_server_is_retried_with_backoff(models_dir: Path, client: HubClient,
                                               hub: StandInHub, blobs: Blobs) -> None:
    hub.set_faults(error_status=503, error_times=2)
    mgr = manager(models_dir, client)
    mgr.enqueue(DownloadRequest(TINY_REPO, ("tiny-llama-Q8_0.gguf",)))
    done = mgr.run_next()
    assert done is not None and done.state == DownloadState.DONE, done and done.error
    statuses = [r.status for r in hub.requests_matching(server="storage", method="GET")]
    assert statuses == [503, 503, 200]
    assert (models_dir / "tiny-llama-Q8_0.gguf").read_bytes() == blobs.tiny_q8.read_bytes()


def test_two_processes_never_write_the_same_download(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    # The first download is held mid-way by the server until the second has been refused,
    # however slow the machine.
    hub.set_faults(stall_at_byte=2 * MiB)
    first = manager(models_dir, client)
    job_id = first.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    outcome: list[DownloadStatus | None] = []
    worker = threading.Thread(target=lambda: outcome.append(first.run_next()))
    worker.start()
    try:
        assert hub.wait_for_stalls(1)
        # another manager on the same folder, as another chatapp window would have
        second = manager(models_dir, client)
        second.resume(job_id)
        refused = second.run_next()
        assert refused is not None and refused.state == DownloadState.FAILED
        assert refused.error is not None and "another chatapp window" in (
            refused.error.user_message)
        assert "resume" not in refused.error.user_message  # FAILED offers "Try again"
    finally:
        hub.release_stalls()
        worker.join(60)
    assert not worker.is_alive()
    assert [s.state for s in outcome if s is not None] == [DownloadState.DONE]
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)
    assert leftovers(models_dir) == []


def test_a_hub_serving_files_itself_without_a_redirect(
    models_dir: Path, hub: StandInHub, blobs: Blobs,
) -> None:
    hub.lfs_redirect = False  # as a mirror or a self-hosted hub may do
    client = HubClient(hub.endpoint, token=GRANTED_TOKEN)
    recorder = Recorder()
    mgr = manager(models_dir, client, recorder)
    job_id = mgr.enqueue(DownloadRequest(GATED_REPO, (GATED_FILE,)))
    mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    first = mgr.run_next()
    assert first is not None and first.job_id == job_id and first.state == DownloadState.DONE
    second_id = mgr.statuses()[0].job_id
    pause_after(mgr, recorder, second_id, 3 * MiB)
    mgr.run_next()
    kept = mgr.status(second_id).bytes_done
    recorder.action = None
    hub.clear_requests()
    mgr.resume(second_id)
    assert (done := mgr.run_next()) is not None and done.state == DownloadState.DONE
    gets = hub.requests_matching(method="GET")
    assert [(r.server, r.header("Range")) for r in gets] == [("hub", f"bytes={kept}-")]
    # on the hub's own origin the token goes along, as huggingface_hub would send it
    assert gets[0].header("authorization") == f"Bearer {GRANTED_TOKEN}"
    assert sha256(models_dir / MEDIUM_FILE) == sha256(blobs.medium)
    assert (models_dir / GATED_FILE).read_bytes() == blobs.gated.read_bytes()
