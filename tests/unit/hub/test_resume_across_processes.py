"""A download paused, or killed mid-way, continues in a new process from the bytes on disk."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from chatapp.hub.client import HubClient
from chatapp.hub.downloads import (
    DOWNLOADS_DIR,
    DownloadEvent,
    DownloadManager,
    DownloadRequest,
    DownloadState,
)
from tests.hub_stand_in.content import MEDIUM_FILE, MEDIUM_REPO, Blobs
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import StandInHub

ROOT = Path(__file__).resolve().parents[3]
MiB = 1 << 20

# A fresh process: it knows only the models folder and the hub's address.
RESUMER = """
import json, sys
from pathlib import Path
from chatapp.hub.client import HubClient
from chatapp.hub.downloads import DownloadManager
mgr = DownloadManager(Path(sys.argv[2]), HubClient(sys.argv[1]), retry_delay=0.05)
before = [[s.job_id, s.state.value, s.bytes_done] for s in mgr.statuses()]
for s in mgr.statuses():
    mgr.resume(s.job_id)
after = [[s.job_id, s.state.value, s.error and s.error.user_message, [str(p) for p in s.installed]]
         for s in mgr.run_until_idle()]
print(json.dumps({"before": before, "after": after}))
"""

DOWNLOADER = """
import sys
from pathlib import Path
from chatapp.hub.client import HubClient
from chatapp.hub.downloads import DownloadManager, DownloadRequest
mgr = DownloadManager(Path(sys.argv[2]), HubClient(sys.argv[1]))
mgr.enqueue(DownloadRequest(sys.argv[3], (sys.argv[4],)))
mgr.run_next()
"""


def resume_in_new_process(hub: StandInHub, models_dir: Path) -> dict[str, list[list[object]]]:
    done = subprocess.run([sys.executable, "-c", RESUMER, hub.endpoint, str(models_dir)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, list[list[object]]] = json.loads(done.stdout)
    return result


def partial_size(models_dir: Path) -> int:
    found = list((models_dir / DOWNLOADS_DIR).rglob("*.partial"))
    return found[0].stat().st_size if found else 0


def test_paused_here_resumed_in_a_new_process(
    models_dir: Path, client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    def pause_after_3_mib(event: DownloadEvent) -> None:
        if event.status.bytes_done >= 3 * MiB:
            mgr.pause(event.status.job_id)
    mgr = DownloadManager(models_dir, client, progress_interval=0.0, on_event=pause_after_3_mib)
    job_id = mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
    paused = mgr.run_next()
    assert paused is not None and paused.state == DownloadState.PAUSED
    kept = partial_size(models_dir)
    assert kept >= 3 * MiB
    # the sidecar says what the new process needs to know
    sidecar = json.loads((models_dir / DOWNLOADS_DIR / job_id / "job.json").read_text())
    assert sidecar["repo_id"] == MEDIUM_REPO and sidecar["revision"] == "main"
    assert sidecar["commit"] == hub.repos[MEDIUM_REPO].commit and sidecar["state"] == "paused"
    (part,) = sidecar["parts"]
    expected = hashlib.sha256(blobs.medium.read_bytes()).hexdigest()
    assert part["path"] == MEDIUM_FILE and part["size"] == blobs.medium.stat().st_size
    assert part["etag"] == expected and part["checksum"] == expected
    hub.clear_requests()

    result = resume_in_new_process(hub, models_dir)

    assert result["before"] == [[job_id, "paused", kept]]
    assert result["after"] == [[job_id, "done", None, [str(models_dir / MEDIUM_FILE)]]]
    gets = hub.requests_matching(server="storage", method="GET")
    assert [r.header("Range") for r in gets] == [f"bytes={kept}-"]
    assert (models_dir / MEDIUM_FILE).read_bytes() == blobs.medium.read_bytes()


def test_killed_mid_download_resumed_in_a_new_process(
    models_dir: Path, hub: StandInHub, blobs: Blobs,
) -> None:
    # The server stops sending after 4 MiB, so the kill lands mid-download however slow the
    # machine; the bytes on disk then lag behind by at most the 1 MiB write buffer.
    hub.set_faults(stall_at_byte=4 * MiB)
    killed = subprocess.Popen([sys.executable, "-c", DOWNLOADER, hub.endpoint,
                               str(models_dir), MEDIUM_REPO, MEDIUM_FILE], cwd=ROOT)
    try:
        assert hub.wait_for_stalls(1, timeout=60), "the download did not start"
        deadline = time.monotonic() + 60  # a guard against hanging, not a speed requirement
        while partial_size(models_dir) < 3 * MiB:
            assert time.monotonic() < deadline, "the bytes never reached the disk"
            assert killed.poll() is None, "the downloader ended on its own"
            time.sleep(0.05)
        os.kill(killed.pid, signal.SIGKILL)  # no chance to pause or save anything
    finally:
        killed.wait(10)
    assert killed.returncode == -signal.SIGKILL
    kept = partial_size(models_dir)
    assert 3 * MiB <= kept <= 4 * MiB < blobs.medium.stat().st_size
    (sidecar,) = (models_dir / DOWNLOADS_DIR).glob("*/job.json")
    assert json.loads(sidecar.read_text())["state"] == "running"  # as the crash left it
    hub.set_faults()
    hub.clear_requests()  # the killed GET was logged when its answer began

    result = resume_in_new_process(hub, models_dir)

    ((job_id, state, done_bytes),) = result["before"]
    assert (state, done_bytes) == ("paused", kept)  # back paused, with the bytes on disk
    assert result["after"] == [[job_id, "done", None, [str(models_dir / MEDIUM_FILE)]]]
    gets = hub.requests_matching(server="storage", method="GET")
    assert [r.header("Range") for r in gets] == [f"bytes={kept}-"]
    assert (models_dir / MEDIUM_FILE).read_bytes() == blobs.medium.read_bytes()
    assert not list((models_dir / DOWNLOADS_DIR).rglob("*.partial"))
