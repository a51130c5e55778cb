"""A model's first load, in a separate process.

The GGUF check catches malformed files, but llama.cpp can still abort (GGML_ASSERT) or
crash on a file it accepts structurally. The first time a file is used it is loaded,
and one token evaluated, in a child process: if that dies, the app does not, and the
user is told the file cannot be used. The child also hashes the file, so every reply
can record exactly which model wrote it. A file that passed is remembered by path,
size and modification time, so later loads skip the probe.

The probe can be cancelled (the app is quitting, or another load replaced this one):
the child is killed and reaped at once, and nothing is remembered.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from chatapp.engine.errors import LoadCancelledError, ModelLoadError
from chatapp.files.atomic import write_json_atomic
from chatapp.files.checksum import sha256_of
from chatapp.i18n import format_number, translate

log = logging.getLogger(__name__)

PROBE_FLAG = "--probe-model"
PROBE_TIMEOUT_S = 600.0  # a large model on a slow disk reads every weight once
PROBE_CONTEXT = 256
# How often a running probe looks at its cancel flag and deadline: a cancel kills the
# child within about this long.
PROBE_POLL_S = 0.05


def probe_command(model_path: Path) -> list[str]:
    """How to start this same app as a probe, from source or from a frozen bundle."""
    if getattr(sys, "frozen", False):
        return [sys.executable, PROBE_FLAG, str(model_path)]
    return [sys.executable, "-m", "chatapp", PROBE_FLAG, str(model_path)]


def run_probe_child(model_path: Path) -> int:
    """The child's side: load, evaluate one token (an embedding model: embed one word),
    hash; report as one JSON line."""
    from chatapp.engine.errors import EngineError

    try:
        if _is_embedding_file(model_path):
            from chatapp.engine.embedding import LlamaEmbedder

            with LlamaEmbedder(model_path, n_threads=1, batch_tokens=PROBE_CONTEXT) as embedder:
                embedder.embed(["Hello"])
        else:
            from chatapp.engine.llama_engine import LlamaEngine, LoadSettings, Sampling

            engine = LlamaEngine(model_path, LoadSettings(context_length=PROBE_CONTEXT,
                                                          threads=1, threads_batch=1,
                                                          batch_size=PROBE_CONTEXT))
            engine.generate(engine.tokenize("Hello"), Sampling(max_tokens=1, temperature=0),
                            lambda _text: None, lambda: False)
            engine.close()
    except EngineError as error:
        print(json.dumps({"error": error.user_message}), flush=True)
        return 1
    print(json.dumps({"ok": True, "sha256": sha256_of(model_path)}), flush=True)
    return 0


def _is_embedding_file(model_path: Path) -> bool:
    """Whether the file is an embedding model, which is probed in embedding mode (the way
    it will run: pooling, no sampling)."""
    from chatapp.gguf.inspect import GgufError, inspect_gguf
    from chatapp.gguf.model_role import is_embedding_model

    try:
        return is_embedding_model(inspect_gguf(model_path))
    except (GgufError, OSError):
        return False  # the load below says what is wrong


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


def probe_model(model_path: Path, cache: ProbeCache, timeout_s: float = PROBE_TIMEOUT_S, *,
                cancel: threading.Event | None = None) -> str:
    """The file's SHA-256; ModelLoadError if loading it kills or fails a child process.

    LoadCancelledError once ``cancel`` is set: the child is killed and nothing is cached.
    """
    if cancel is not None and cancel.is_set():
        raise _cancelled(model_path)
    known = cache.known_sha256(model_path)
    if known is not None:
        return known
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(probe_command(model_path), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                             env=env)
    try:
        stdout, stderr = _wait_for(child, model_path, timeout_s, cancel)
    finally:
        if child.returncode is None:  # cancelled, timed out, or interrupted
            child.kill()
            child.communicate()  # reap it, and close the pipes
    code = child.returncode
    report = _last_report(stdout)
    detail = " | ".join((stderr or "").strip().splitlines()[-12:])
    if code == 0 and report.get("ok") is True \
            and isinstance(report.get("sha256"), str):
        sha256 = str(report["sha256"])
        cache.remember(model_path, sha256)
        return sha256
    log.warning("Model probe of %s failed with code %s: %s", model_path, code, detail)
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        raise ModelLoadError(
            translate("Engine", "{name} crashed the engine in a test load ({signal}), so it was "
                      "not loaded into chatapp. The file is damaged or made in a way this engine "
                      "cannot handle; download it again or choose another model.").format(
                          name=model_path.name, signal=name), detail=detail)
    if isinstance(report.get("error"), str):
        raise ModelLoadError(str(report["error"]), detail=detail)
    raise ModelLoadError(
        translate("Engine", "{name} could not be loaded in a test run (exit code {code}). The "
                  "file may be damaged; download it again or choose another model.").format(
                      name=model_path.name, code=code), detail=detail)


def _wait_for(child: subprocess.Popen[str], model_path: Path, timeout_s: float,
              cancel: threading.Event | None) -> tuple[str, str]:
    """The child's output once it ends; raises if cancelled or out of time first."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            # Reads both pipes while waiting: a chatty child never blocks on a full pipe.
            # A retry after the timeout loses no output.
            return child.communicate(timeout=PROBE_POLL_S)
        except subprocess.TimeoutExpired:
            pass
        if cancel is not None and cancel.is_set():
            raise _cancelled(model_path)
        if time.monotonic() >= deadline:
            raise ModelLoadError(
                translate("Engine", "Loading {name} took longer than {seconds} seconds in a test "
                          "run, so it was not loaded. The disk may be very slow, or the file "
                          "broken.").format(name=model_path.name,
                                            seconds=format_number(timeout_s)),
                detail="probe timeout")


def _cancelled(model_path: Path) -> LoadCancelledError:
    return LoadCancelledError(f"Loading {model_path.name} was cancelled.",
                              detail="probe cancelled")


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
