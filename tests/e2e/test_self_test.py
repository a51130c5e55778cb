"""`chatapp --self-test`: the real app answers one message and says so in JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CHATAPP_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "chatapp", "--self-test", *args], env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_self_test_passes_with_the_starter_model(tmp_path: Path, model_path: Path) -> None:
    done = run(home=tmp_path / "untouched")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["model"] == model_path.name
    assert report["prompt_tokens"] > 0
    assert report["generated_tokens"] > 0
    assert report["ttft_s"] > 0
    assert report["tokens_per_s"] > 0
    documents = report["documents"]  # a DOCX indexed, a PDF without text refused
    assert (documents["indexed"], documents["failed"]) == (2, 1)
    assert "no text" in documents["failure"][0]
    # It ran in a temporary home of its own, not the one in the environment.
    assert not (tmp_path / "untouched").exists()


def test_self_test_fails_clearly_on_a_bad_model(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_text("not a model", encoding="utf-8")
    done = run("--model", str(bad), home=tmp_path / "home")
    assert done.returncode != 0
    assert "self-test FAILED" in done.stderr
    assert "GGUF" in done.stderr
    assert done.stdout.strip() == ""
