"""Running the real ``chatapp`` command in a subprocess, on a private CHATAPP_HOME.

Every run goes through ``python -m chatapp``'s own module (runpy) inside a small wrapper
that reports, after the command, which Qt modules the process imported: a command
without a window must import none, and each run checks it.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Protocol

import pytest

from chatapp.engine.load_probe import ProbeCache
from chatapp.paths import AppPaths
from chatapp.settings import Settings

ROOT = Path(__file__).resolve().parents[3]

# `python -m chatapp ARGS`, then the PySide6 modules it imported as stderr's last line.
WRAPPER = """
import runpy, sys
sys.argv = ["chatapp", *sys.argv[1:]]
code = 0
try:
    runpy.run_module("chatapp", run_name="__main__", alter_sys=True)
except SystemExit as done:
    code = done.code if isinstance(done.code, int) else 1
sys.stdout.flush()
print("qt:" + ",".join(sorted(m for m in sys.modules if m.startswith("PySide6"))),
      file=sys.stderr)
sys.exit(code)
"""

# Short replies and a small context: quick, and enough to see an answer streamed and saved.
QUICK = Settings(max_reply_tokens=24, context_length=2048, temperature=0.0)


class Run(Protocol):
    def __call__(self, *argv: str, stdin: str | None = None,
                 timeout: float = 180) -> subprocess.CompletedProcess[str]: ...


def command(*argv: str) -> list[str]:
    return [sys.executable, "-c", WRAPPER, *argv]


def without_qt_line(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    """The run's stderr without the wrapper's last line, which must name no Qt module."""
    *rest, last = done.stderr.rstrip("\n").split("\n")
    assert last == "qt:", f"Qt was imported: {last}"
    done.stderr = "".join(f"{line}\n" for line in rest)
    return done


def start(*argv: str, stdin: int = subprocess.DEVNULL,
          env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """The command running, its output piped, for a test that signals it midway."""
    return subprocess.Popen(command(*argv), stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT,
                            env=dict(os.environ) | (env or {}))


def signalled(process: subprocess.Popen[bytes], how: signal.Signals, *, seen: bytes = b"",
              then: bytes | None = None, timeout: float = 180
              ) -> subprocess.CompletedProcess[str]:
    """Send ``how``, then ``then`` on stdin, and wait for the end; ``seen`` is what the
    test read of stdout already."""
    try:
        process.send_signal(how)
        out, err = process.communicate(then, timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return without_qt_line(subprocess.CompletedProcess(
        process.args, process.returncode, (seen + out).decode(), err.decode()))


def first_output(process: subprocess.Popen[bytes]) -> bytes:
    """The first byte on stdout, once it comes (unbuffered: communicate() reads the pipe
    itself afterwards, and would not see what a buffered read kept)."""
    assert process.stdout is not None
    return os.read(process.stdout.fileno(), 1)


def with_terminal_stderr(*argv: str, timeout: float = 180
                         ) -> subprocess.CompletedProcess[str]:
    """The command with stderr on a pseudo-terminal (a real one, as a person's), read
    on a thread as it comes so the child never blocks on a full terminal buffer."""
    import pty

    controller, terminal = pty.openpty()
    seen: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(controller, 1 << 16)
            except OSError:  # EIO: the child closed its end
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=read, name="pty-reader")
    reader.start()
    try:
        done = subprocess.run(command(*argv), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=terminal, cwd=ROOT,
                              timeout=timeout, check=False)
    finally:
        os.close(terminal)
        reader.join(timeout=30)
        os.close(controller)
    # The terminal turns line ends into \r\n; the wrapper's Qt line ends it.
    text = b"".join(seen).decode().replace("\r\n", "\n")
    return without_qt_line(subprocess.CompletedProcess(done.args, done.returncode,
                                                       done.stdout.decode(), text))


@pytest.fixture
def chatapp(app_paths: AppPaths) -> Run:
    """Runs the command with the test's CHATAPP_HOME (set in the environment)."""
    def run(*argv: str, stdin: str | None = None,
            timeout: float = 180) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(command(*argv), input=stdin if stdin is not None else "",
                              capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                              check=False)
        return without_qt_line(done)
    return run


@pytest.fixture(scope="session")
def model_sha256(model_path: Path) -> str:
    digest = hashlib.sha256()
    with model_path.open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    return digest.hexdigest()


def write_settings(paths: AppPaths, settings: Settings) -> None:
    paths.settings_file.write_text(json.dumps(asdict(settings)), encoding="utf-8")


@pytest.fixture
def installed(app_paths: AppPaths, model_path: Path, model_sha256: str) -> Path:
    """The real SmolLM2 in the models folder (a link), with quick settings. The probe
    cache knows the file (its real SHA-256), so each run is spared a test-load; the
    test-load itself is the engine tests' business."""
    link = app_paths.models_dir / model_path.name
    link.symlink_to(model_path)
    ProbeCache(app_paths.cache_dir / "probe-results.json").remember(link, model_sha256)
    write_settings(app_paths, QUICK)
    return link
