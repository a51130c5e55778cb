"""The first load of a model runs in a child process, so a crash there is contained."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chatapp.engine import load_probe
from chatapp.engine.errors import ModelLoadError
from chatapp.engine.load_probe import ProbeCache, probe_model
from chatapp.models.starter import STARTER


def test_a_good_model_passes_once_and_is_remembered(model_path: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ProbeCache(tmp_path / "probe.json")
    assert probe_model(model_path, cache) == STARTER.sha256
    assert cache.known_sha256(model_path) == STARTER.sha256

    # The second time no child is started at all.
    def no_child(_path: Path) -> list[str]:
        raise AssertionError("probed twice")

    monkeypatch.setattr(load_probe, "probe_command", no_child)
    assert probe_model(model_path, cache) == STARTER.sha256


def test_a_changed_file_is_probed_again(model_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "model.gguf"
    copy.write_bytes(model_path.read_bytes())
    cache = ProbeCache(tmp_path / "probe.json")
    probe_model(copy, cache)
    with copy.open("ab") as handle:
        handle.write(b"\0")
    assert cache.known_sha256(copy) is None


@pytest.mark.expect_log("chatapp.engine.load_probe", "Model probe of .* failed with code -")
def test_a_crashing_child_becomes_a_message(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # A real process that aborts, as llama.cpp does on a GGML_ASSERT.
    monkeypatch.setattr(load_probe, "probe_command",
                        lambda _path: [sys.executable, "-c", "import os; os.abort()"])
    model = tmp_path / "evil.gguf"
    model.write_bytes(b"GGUF")
    cache = ProbeCache(tmp_path / "probe.json")
    with pytest.raises(ModelLoadError) as raised:
        probe_model(model, cache)
    assert "crashed" in raised.value.user_message
    assert "SIGABRT" in raised.value.user_message
    assert "evil.gguf" in raised.value.user_message
    assert cache.known_sha256(model) is None


@pytest.mark.expect_log("chatapp.engine.load_probe", "Model probe of .* failed with code 1")
def test_a_file_the_engine_rejects_reports_why(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-model.gguf"
    bogus.write_bytes(b"GGUF" + b"\0" * 64)
    with pytest.raises(ModelLoadError) as raised:
        probe_model(bogus, ProbeCache(tmp_path / "probe.json"))
    assert "not-a-model.gguf" in raised.value.user_message


def test_a_hung_child_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_probe, "probe_command",
                        lambda _path: [sys.executable, "-c", "import time; time.sleep(60)"])
    model = tmp_path / "slow.gguf"
    model.write_bytes(b"GGUF")
    with pytest.raises(ModelLoadError, match="longer than"):
        probe_model(model, ProbeCache(tmp_path / "probe.json"), timeout_s=1.0)


def test_the_probe_command_runs_this_app() -> None:
    command = load_probe.probe_command(Path("/m/x.gguf"))
    assert command[:3] == [sys.executable, "-m", "chatapp"]
    assert command[-2:] == ["--probe-model", "/m/x.gguf"]
