"""A model's first load, in a separate process.

The GGUF check catches malformed files, but llama.cpp can still abort (GGML_ASSERT) or
crash on a file it accepts structurally. The first time a file is used it is loaded,
and one token evaluated, in a child process: if that dies, the app does not, and the
user is told the file cannot be used. The child also hashes the file, so every reply
can record exactly which model wrote it. A file that passed is remembered by path,
size and modification time, so later loads skip the probe.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

from chatapp.engine.errors import ModelLoadError
from chatapp.files.atomic import write_json_atomic
from chatapp.files.checksum import sha256_of

log = logging.getLogger(__name__)

PROBE_FLAG = "--probe-model"
PROBE_TIMEOUT_S = 600.0  # a large model on a slow disk reads every weight once
PROBE_CONTEXT = 256


def probe_command(model_path: Path) -> list[str]:
    """How to start this same app as a probe, from source or from a frozen bundle."""
    if getattr(sys, "frozen", False):
        return [sys.executable, PROBE_FLAG, str(model_path)]
    return [sys.executable, "-m", "chatapp", PROBE_FLAG, str(model_path)]


def run_probe_child(model_path: Path) -> int:
    """The child's side: load, evaluate one token, hash; report as one JSON line."""
    from chatapp.engine.errors import EngineError
    from chatapp.engine.llama_engine import LlamaEngine, LoadSettings, Sampling

    try:
        engine = LlamaEngine(model_path, LoadSettings(context_length=PROBE_CONTEXT, threads=1,
                                                      threads_batch=1,
                                                      batch_size=PROBE_CONTEXT))
        engine.generate(engine.tokenize("Hello"), Sampling(max_tokens=1, temperature=0),
                        lambda _text: None, lambda: False)
        engine.close()
    except EngineError as error:
        print(json.dumps({"error": error.user_message}), flush=True)
        return 1
    print(json.dumps({"ok": True, "sha256": sha256_of(model_path)}), flush=True)
    return 0


def _fingerprint(model_path: Path) -> str:
    stat = model_path.stat()
    return f"{model_path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


class ProbeCache:
    """The files that loaded cleanly in a probe before, with their SHA-256."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, str) and len(v) == 64}

    def known_sha256(self, model_path: Path) -> str | None:
        """The file's hash if this exact file passed a probe before."""
        return self._read().get(_fingerprint(model_path))

    def remember(self, model_path: Path, sha256: str) -> None:
        data = self._read()
        data[_fingerprint(model_path)] = sha256
        write_json_atomic(self.path, data)


def probe_model(model_path: Path, cache: ProbeCache, timeout_s: float = PROBE_TIMEOUT_S) -> str:
    """The file's SHA-256; ModelLoadError if loading it kills or fails a child process."""
    known = cache.known_sha256(model_path)
    if known is not None:
        return known
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run(probe_command(model_path), capture_output=True, text=True,
                              timeout=timeout_s, env=env, stdin=subprocess.DEVNULL,
                              check=False)
    except subprocess.TimeoutExpired as error:
        raise ModelLoadError(
            f"Loading {model_path.name} took longer than {timeout_s:.0f} seconds in a test "
            "run, so it was not loaded. The disk may be very slow, or the file broken.",
            detail="probe timeout") from error
    report = _last_report(done.stdout)
    detail = " | ".join((done.stderr or "").strip().splitlines()[-12:])
    if done.returncode == 0 and report.get("ok") is True \
            and isinstance(report.get("sha256"), str):
        sha256 = str(report["sha256"])
        cache.remember(model_path, sha256)
        return sha256
    log.warning("Model probe of %s failed with code %s: %s", model_path, done.returncode,
                detail)
    if done.returncode < 0:
        try:
            name = signal.Signals(-done.returncode).name
        except ValueError:
            name = f"signal {-done.returncode}"
        raise ModelLoadError(
            f"{model_path.name} crashed the engine in a test load ({name}), so it was not "
            "loaded into chatapp. The file is damaged or made in a way this engine cannot "
            "handle; download it again or choose another model.", detail=detail)
    if isinstance(report.get("error"), str):
        raise ModelLoadError(str(report["error"]), detail=detail)
    raise ModelLoadError(
        f"{model_path.name} could not be loaded in a test run (exit code "
        f"{done.returncode}). The file may be damaged; download it again or choose "
        "another model.", detail=detail)


def _last_report(stdout: str) -> dict[str, object]:
    for line in reversed(stdout.splitlines()):
        if line.startswith("{"):
            try:
                report = json.loads(line)
            except ValueError:
                continue
            if isinstance(report, dict):
                return report
    return {}
