"""``chatapp models``: list, rm, and pull from the stand-in hub (the real HF protocol)."""

from __future__ import annotations

import hashlib
import json
import signal
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService

from chatapp.hub.downloads import DOWNLOADS_DIR
from chatapp.paths import AppPaths
from chatapp.secrets.hf_token import set_token
from chatapp.settings import Settings
from tests.hub_stand_in.content import (
    GATED_FILE,
    GATED_REPO,
    MEDIUM_FILE,
    MEDIUM_REPO,
    SMOLLM_FILE,
    SMOLLM_REPO,
    Blobs,
)
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import HubFile, HubRepo, StandInHub
from tests.secret_service import running_secret_service
from tests.unit.cli.conftest import (
    Run,
    signalled,
    start,
    with_terminal_stderr,
    write_settings,
)

MiB = 1 << 20


@pytest.fixture
def from_hub(app_paths: AppPaths, hub: StandInHub) -> StandInHub:
    """The settings point at the stand-in hub, as the Settings dialog's hub address would."""
    write_settings(app_paths, Settings(hub_endpoint=hub.endpoint))
    return hub


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_list_shows_size_quantization_and_the_embedding_model(
        chatapp: Run, installed: Path, app_paths: AppPaths, embedding_model_path: Path,
        tmp_path: Path) -> None:
    (app_paths.models_dir / embedding_model_path.name).symlink_to(embedding_model_path)
    elsewhere = tmp_path / "elsewhere" / "kept-here.gguf"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"GGUF not really")
    # As the window's Import ▸ in place records it (then the file was damaged).
    app_paths.models_registry.write_text(json.dumps({"imported": [str(elsewhere)]}))
    write_settings(app_paths, Settings(last_model_path=str(installed)))
    done = chatapp("models", "list")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [
        embedding_model_path.name, installed.name, "kept-here.gguf"]
    embedding, chat, kept = lines
    assert "F16" in embedding and "embedding model, for Local documents" in embedding
    assert chat.split()[1:] == ["98.4", "MB", "Q4_1", "used", "last"]
    assert f"kept in {elsewhere.parent}; cannot be used:" in kept


def test_list_with_nothing_installed_says_how_to_get_a_model(chatapp: Run) -> None:
    done = chatapp("models", "list")
    assert (done.returncode, done.stdout) == (0, "")
    assert "No model is installed yet" in done.stderr and "models pull" in done.stderr


def test_rm_asks_refuses_unknown_names_and_deletes(chatapp: Run, app_paths: AppPaths,
                                                   model_path: Path) -> None:
    copy = app_paths.models_dir / "SmolLM2-copy.Q4_1.gguf"
    copy.write_bytes(model_path.read_bytes())
    (app_paths.models_dir / "SmolLM2-other.Q4_1.gguf").write_bytes(model_path.read_bytes())
    unknown = chatapp("models", "rm", "SmolLM2", "--yes")
    assert unknown.returncode == 1
    assert "No installed model is named 'SmolLM2'. Did you mean: SmolLM2-copy.Q4_1.gguf, " \
           "SmolLM2-other.Q4_1.gguf?" in unknown.stderr
    declined = chatapp("models", "rm", "smollm2-copy.q4_1", stdin="n\n")
    assert declined.returncode == 1 and "Nothing was deleted." in declined.stderr
    assert "Delete SmolLM2-copy.Q4_1.gguf (98.4 MB) from this computer? [y/N]" \
        in declined.stderr
    no_answer = chatapp("models", "rm", "SmolLM2-copy.Q4_1.gguf")  # stdin at its end
    assert no_answer.returncode == 1 and copy.exists()
    agreed = chatapp("models", "rm", "SmolLM2-copy.Q4_1", stdin="y\n")
    assert agreed.returncode == 0, agreed.stderr
    assert "Deleted SmolLM2-copy.Q4_1.gguf." in agreed.stderr and not copy.exists()
    forced = chatapp("models", "rm", "SmolLM2-other.Q4_1.gguf", "-y")
    assert forced.returncode == 0 and list(app_paths.models_dir.glob("*.gguf")) == []


def test_pull_downloads_checks_and_installs(chatapp: Run, from_hub: StandInHub,
                                           app_paths: AppPaths, model_path: Path) -> None:
    done = chatapp("models", "pull", SMOLLM_REPO, SMOLLM_FILE)
    assert done.returncode == 0, done.stderr
    target = app_paths.models_dir / SMOLLM_FILE
    assert done.stdout == f"{target}\n"
    assert sha256(target) == sha256(model_path)
    lines = done.stderr.splitlines()
    assert lines[0] == f"{SMOLLM_FILE}: llama, context up to 8,192 tokens, 98.4 MB."
    assert f"{SMOLLM_FILE}: 100% (98.4 MB of 98.4 MB)" in lines  # plain lines: not a tty
    assert f"Checking {SMOLLM_FILE}'s checksum…" in lines
    assert not list((app_paths.models_dir / DOWNLOADS_DIR).rglob("*.partial"))
    again = chatapp("models", "pull", SMOLLM_REPO, SMOLLM_FILE)
    assert again.returncode == 0 and "already installed" in again.stderr
    listed = chatapp("models", "list")
    assert listed.stdout.split()[0] == SMOLLM_FILE


def test_pull_refuses_a_file_whose_checksum_does_not_match(
        chatapp: Run, from_hub: StandInHub, app_paths: AppPaths, blobs: Blobs) -> None:
    from_hub.add_repo(HubRepo("chatapp-test/tampered-GGUF", files={
        "tampered-Q8_0.gguf": HubFile("tampered-Q8_0.gguf", source=blobs.tiny_q8,
                                      advertised_sha256="0" * 64)}))
    done = chatapp("models", "pull", "chatapp-test/tampered-GGUF", "tampered-Q8_0.gguf")
    assert (done.returncode, done.stdout) == (1, "")
    assert "its checksum does not match" in done.stderr and "Traceback" not in done.stderr
    assert list(app_paths.models_dir.iterdir()) in ([], [app_paths.models_dir / DOWNLOADS_DIR])
    assert not list(app_paths.models_dir.rglob("*.partial"))


def test_pull_names_what_the_repository_has(chatapp: Run, from_hub: StandInHub) -> None:
    missing = chatapp("models", "pull", MEDIUM_REPO, "nope.gguf")
    assert missing.returncode == 1
    assert f"{MEDIUM_REPO} has no GGUF model 'nope.gguf'. Its models: " in missing.stderr
    assert MEDIUM_FILE in missing.stderr
    no_repo = chatapp("models", "pull", "nobody/nothing-GGUF", "x.gguf")
    assert no_repo.returncode == 1 and "Traceback" not in no_repo.stderr
    assert no_repo.stderr.startswith("chatapp: ")


def test_ctrl_c_pauses_and_the_same_command_goes_on(
        chatapp: Run, from_hub: StandInHub, app_paths: AppPaths, blobs: Blobs) -> None:
    # The hub stops sending at 4 MiB, so the signal lands mid-download however slow we are
    # (twice: the header read before the download takes the first, and ends before 4 MiB).
    from_hub.set_faults(stall_at_byte=4 * MiB, stall_times=2)
    process = start("models", "pull", MEDIUM_REPO, MEDIUM_FILE)
    assert from_hub.wait_for_stalls(1, timeout=60), "the download did not start"
    paused = signalled(process, signal.SIGINT, timeout=60)
    assert paused.returncode == 130, paused.stderr
    assert "Paused: " in paused.stderr and "The same command goes on from there." \
        in paused.stderr
    [partial] = (app_paths.models_dir / DOWNLOADS_DIR).rglob("*.partial")
    kept = partial.stat().st_size
    assert 0 < kept <= 4 * MiB
    from_hub.set_faults()
    from_hub.clear_requests()
    resumed = chatapp("models", "pull", MEDIUM_REPO, MEDIUM_FILE)
    assert resumed.returncode == 0, resumed.stderr
    assert "Going on from the" in resumed.stderr
    gets = from_hub.requests_matching(server="storage", method="GET")
    # The header is read again (1 MiB) before the download goes on from the bytes kept.
    assert [r.header("Range") for r in gets] == ["bytes=0-1048575", f"bytes={kept}-"]
    assert (app_paths.models_dir / MEDIUM_FILE).read_bytes() == blobs.medium.read_bytes()


def test_an_unrunnable_file_needs_yes(chatapp: Run, from_hub: StandInHub,
                                      app_paths: AppPaths) -> None:
    from tests.hub_stand_in.content import UNSUPPORTED_FILE, UNSUPPORTED_REPO

    refused = chatapp("models", "pull", UNSUPPORTED_REPO, UNSUPPORTED_FILE)
    assert refused.returncode == 1 and "Add --yes to download it anyway." in refused.stderr
    assert not (app_paths.models_dir / UNSUPPORTED_FILE).exists()
    taken = chatapp("models", "pull", UNSUPPORTED_REPO, UNSUPPORTED_FILE, "--yes")
    assert taken.returncode == 0, taken.stderr
    assert (app_paths.models_dir / UNSUPPORTED_FILE).exists()




def test_on_a_terminal_a_bar_shows_bytes_speed_and_time_left(
        from_hub: StandInHub, app_paths: AppPaths) -> None:
    # Sent at 4 MiB/s, the 8 MiB file takes two seconds: time for a speed to be measured.
    from_hub.set_faults(throttle_bytes_per_s=4 * MiB)
    done = with_terminal_stderr("models", "pull", MEDIUM_REPO, MEDIUM_FILE)
    assert done.returncode == 0, done.stderr
    drawn = [frame for line in done.stderr.split("\n") for frame in line.split("\r")
             if frame.startswith("[")]
    assert drawn[-1].startswith("[" + "#" * 28 + "] 100%  8.4 MB of 8.4 MB")
    assert any("MB/s" in frame and " left" in frame for frame in drawn)
    assert all(frame.endswith("\x1b[K") for frame in drawn)  # each clears the old one
    assert (app_paths.models_dir / MEDIUM_FILE).is_file()


def test_a_gated_model_is_pulled_with_the_token_the_window_kept(
        chatapp: Run, from_hub: StandInHub, app_paths: AppPaths, blobs: Blobs,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    token = "hf_" + "CliStandIn0123456789abcdefGHIJ"  # the shape huggingface.co gives
    from_hub.add_repo(HubRepo(GATED_REPO, gated="manual", authorized_tokens={token},
                              files={GATED_FILE: HubFile(GATED_FILE, source=blobs.gated)}))
    from_hub.valid_tokens.add(token)
    before = keyring.get_keyring()
    # A real Secret Service on a private bus; the command finds it through the environment.
    with running_secret_service(tmp_path_factory.mktemp("keyring")):
        try:
            keyring.set_keyring(SecretService.Keyring())
            refused = chatapp("models", "pull", GATED_REPO, GATED_FILE)
            assert refused.returncode == 1 and "is gated" in refused.stderr
            assert not (app_paths.models_dir / GATED_FILE).exists()
            set_token(token)
            done = chatapp("models", "pull", GATED_REPO, GATED_FILE)
        finally:
            keyring.set_keyring(before)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{app_paths.models_dir / GATED_FILE}\n"
    sent = {r.header("Authorization") for r in from_hub.requests_matching(server="hub")}
    assert f"Bearer {token}" in sent  # and never the ambient HF_TOKEN (the fixture)
