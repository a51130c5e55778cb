"""TLS is always verified; the only token ever sent is the one given; a real full disk."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from huggingface_hub import close_session

from chatapp.hub.client import HubClient
from chatapp.hub.downloads import DOWNLOADS_DIR, DownloadManager, DownloadRequest, DownloadState
from chatapp.hub.errors import DiskFullError, HubTlsError
from chatapp.hub.remote_header import read_remote_header
from tests.hub_stand_in.content import (
    MEDIUM_FILE,
    MEDIUM_REPO,
    SMOLLM_FILE,
    SMOLLM_REPO,
    TINY_REPO,
    Blobs,
    populate,
)
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import StandInHub

# The logger a download that fails on purpose warns on (see the expect_log marker).
DOWNLOADS_LOG = "chatapp.hub.downloads"

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def fresh_session(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """huggingface_hub's shared session reads the trust settings when it is created."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    close_session()
    yield
    close_session()  # later tests get a session with the default trust again


@pytest.mark.usefixtures("fresh_session")
@pytest.mark.expect_log(DOWNLOADS_LOG,
                        r"failed: ConnectError: \[SSL: CERTIFICATE_VERIFY_FAILED\]")
def test_an_untrusted_certificate_is_refused_and_a_trusted_ca_accepted(
    tmp_path: Path, blobs: Blobs, model_path: Path, models_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("cryptography")
    from tests.hub_stand_in.tls import make_tls_files

    tls = make_tls_files(tmp_path / "tls")
    with StandInHub(tls=tls) as hub:
        populate(hub, blobs, model_path)
        client = HubClient(hub.endpoint)
        assert client.endpoint.startswith("https://")
        with pytest.raises(HubTlsError) as refused:
            client.list_repo(TINY_REPO)
        message = refused.value.user_message
        assert "127.0.0.1 is not secure" in message and "could not be verified" in message
        assert "SSL_CERT_FILE" in message
        mgr = DownloadManager(models_dir, client)
        mgr.enqueue(DownloadRequest(TINY_REPO, ("tiny-llama-Q4_K_M.gguf",)))
        failed = mgr.run_next()
        assert failed is not None and isinstance(failed.error, HubTlsError)
        # The server counts a failed handshake after the client has given up on it.
        deadline = time.monotonic() + 30
        while hub.tls_failures < 2:
            assert time.monotonic() < deadline, f"{hub.tls_failures} handshakes failed"
            time.sleep(0.01)
        assert hub.requests == []  # not one request got through

        # Trusting the test CA the standard way: SSL_CERT_FILE, which httpx2 reads when
        # huggingface_hub's session is created.
        monkeypatch.setenv("SSL_CERT_FILE", str(tls.ca_cert))
        close_session()
        assert len(client.list_repo(TINY_REPO).models) == 2
        assert read_remote_header(client, SMOLLM_REPO, SMOLLM_FILE).architecture == "llama"
        mgr.resume(failed.job_id)
        done = mgr.run_next()
        assert done is not None and done.state == DownloadState.DONE
        assert hub.requests_matching(server="storage")  # the redirect was followed over TLS


TOKEN_FILE_SCRIPT = """
import sys
from pathlib import Path
import huggingface_hub
from chatapp.hub.client import HubClient
from chatapp.hub.downloads import DownloadManager, DownloadRequest
from chatapp.hub.remote_header import read_remote_header
endpoint, models = sys.argv[1], Path(sys.argv[2])
assert huggingface_hub.get_token(), "the trap is not armed"
client = HubClient(endpoint)
client.search("tiny")
client.list_repo("chatapp-test/tiny-llama-GGUF")
read_remote_header(client, "chatapp-test/tiny-llama-GGUF", "tiny-llama-Q4_K_M.gguf")
mgr = DownloadManager(models, client)
mgr.enqueue(DownloadRequest("chatapp-test/tiny-llama-GGUF", ("tiny-llama-Q4_K_M.gguf",)))
assert mgr.run_next().state.value == "done"
# The control: left to itself, the library does send the stored token.
huggingface_hub.HfApi(endpoint=endpoint).model_info("chatapp-test/medium-GGUF")
"""


def test_a_token_stored_in_hf_home_is_never_sent(hub: StandInHub, tmp_path: Path,
                                                 models_dir: Path) -> None:
    stored = "hf_stored_in_HF_HOME_token_file_42"
    hub.valid_tokens.add(stored)
    hf_home = tmp_path / "hf-home"
    hf_home.mkdir()
    (hf_home / "token").write_text(stored)
    # HF_HOME is read when huggingface_hub is imported: a new process sees this one
    env = {k: v for k, v in os.environ.items() if k != "HF_TOKEN"}
    env["HF_HOME"] = str(hf_home)
    done = subprocess.run([sys.executable, "-c", TOKEN_FILE_SCRIPT, hub.endpoint,
                           str(models_dir)], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    carried = [r for r in hub.requests if any(stored in v for v in r.headers.values())]
    assert [r.path for r in carried] == ["/api/models/chatapp-test/medium-GGUF"]
    ours = [r for r in hub.requests if r not in carried]
    assert len(ours) >= 6 and all(r.header("authorization") is None for r in ours)


@pytest.mark.expect_log(DOWNLOADS_LOG, r"failed: OSError: \[Errno 28\]")
@pytest.mark.expect_log(DOWNLOADS_LOG, r"could not save download [0-9a-f]+: \[Errno 28\]")
def test_a_really_full_disk_gives_a_clear_message(
    tmp_path: Path, client: HubClient, blobs: Blobs,
) -> None:
    models_dir = tmp_path / "small-disk"
    models_dir.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(models_dir)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        # the free-space check is told there is room, so the disk itself must say it is full
        mgr = DownloadManager(models_dir, client, free_space=lambda _: 1 << 40)
        mgr.enqueue(DownloadRequest(MEDIUM_REPO, (MEDIUM_FILE,)))
        failed = mgr.run_next()
        assert failed is not None and failed.state == DownloadState.FAILED
        assert isinstance(failed.error, DiskFullError) and failed.error.resumable
        assert f"The disk {models_dir} is full" in failed.error.user_message
        assert "try again" in failed.error.user_message  # FAILED offers "Try again"
        assert "resume" not in failed.error.user_message
        assert list(models_dir.glob("*.gguf")) == []
        assert failed.bytes_done > 0  # what fitted is kept for the resume...
        mgr.cancel(failed.job_id)  # ...and cancelling frees it
        assert not list((models_dir / DOWNLOADS_DIR).rglob("*.partial"))
    finally:
        subprocess.run(["umount", "-l", str(models_dir)], check=False)
