"""One chatapp per data folder, with real processes: ``python -m chatapp`` offscreen.

No model is installed in these homes: the window still opens (with its "no model"
placeholder), which is all the single-instance logic needs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication

from chatapp.history.store import HistoryStore
from chatapp.logging_setup import LOG_FILE
from chatapp.paths import HOME_ENV, AppPaths
from chatapp.ui.single_instance import ALREADY_RUNNING, LOCK_FILE, InstanceGuard

# Upper bounds for a busy two-core machine, not expectations.
START_TIMEOUT_S = 120.0
EXIT_TIMEOUT_S = 120.0
POLL_S = 0.1

CLAIMED = "claimed the data folder"
BROUGHT_TO_FRONT = "another launch asked this instance to come to the front"

Spawn = Callable[..., subprocess.Popen[str]]


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Spawn]:
    """Start Python processes on a home; whatever happens, none outlives the test."""
    started: list[subprocess.Popen[str]] = []
    homes: set[Path] = set()

    def spawn_(home: Path, *args: str) -> subprocess.Popen[str]:
        homes.add(home)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{HOME_ENV: str(home)})
        # Output goes to files: a pipe nobody reads could fill and stall the process.
        index = len(started)
        process = subprocess.Popen(
            [sys.executable, *args], env=env, text=True,
            stdout=(tmp_path / f"process-{index}.out").open("w", encoding="utf-8"),
            stderr=(tmp_path / f"process-{index}.err").open("w", encoding="utf-8"))
        started.append(process)
        return process

    yield spawn_
    for process in started:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    # Ended without clean-up, an instance leaves its socket file in the shared temporary
    # folder; each test's home has a new name, so these would pile up.
    for home in homes:
        server_name = InstanceGuard(AppPaths.portable(home).data_dir).server_name
        (Path(QDir.tempPath()) / server_name).unlink(missing_ok=True)


def output(tmp_path: Path, process_index: int, stream: str) -> str:
    return (tmp_path / f"process-{process_index}.{stream}").read_text(encoding="utf-8")


def log_text(paths: AppPaths) -> str:
    log = paths.log_dir / LOG_FILE
    return log.read_text(encoding="utf-8") if log.exists() else ""


def wait_until(ready: Callable[[], bool], what: str, alive: subprocess.Popen[str],
               timeout_s: float = START_TIMEOUT_S) -> None:
    """Poll until ready; fail at once if the process it depends on has died."""
    deadline = time.monotonic() + timeout_s
    while not ready():
        if alive.poll() is not None:
            pytest.fail(f"the app exited with {alive.returncode} while waiting for {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(POLL_S)


def state_of(paths: AppPaths, message_id: int) -> str:
    with HistoryStore(paths.history_db) as store:
        return store.get_message(message_id).state


def add_streaming_reply(paths: AppPaths, title: str) -> int:
    with HistoryStore(paths.history_db) as store:
        conversation = store.create_conversation(title)
        store.add_message(conversation.id, "user", "Tell me a story.")
        return store.add_message(conversation.id, "assistant", "Once upon",
                                 state="streaming").id


def start_first(spawn: Spawn, paths: AppPaths, home: Path,
                claims_before: int = 0) -> subprocess.Popen[str]:
    """Start an instance and wait until it has claimed the folder and run its start-up
    recovery: a reply left 'streaming' before it started is then 'interrupted'."""
    left_by_a_crash = add_streaming_reply(paths, "left by a crash")
    first = spawn(home, "-m", "chatapp")
    wait_until(lambda: log_text(paths).count(CLAIMED) == claims_before + 1,
               "the first instance to claim the data folder", first)
    wait_until(lambda: state_of(paths, left_by_a_crash) == "interrupted",
               "the first instance to open the history", first)
    return first


def launch_second(spawn: Spawn, home: Path) -> subprocess.Popen[str]:
    second = spawn(home, "-m", "chatapp")
    second.wait(timeout=EXIT_TIMEOUT_S)  # on timeout the fixture kills it
    return second


@pytest.fixture
def home(tmp_path: Path) -> tuple[Path, AppPaths]:
    home = tmp_path / "home"
    paths = AppPaths.portable(home)
    paths.ensure()
    return home, paths


def test_a_second_launch_brings_the_first_to_the_front_and_leaves_its_reply_alone(
        tmp_path: Path, spawn: Spawn, home: tuple[Path, AppPaths]) -> None:
    home_dir, paths = home
    first = start_first(spawn, paths, home_dir)
    # The first instance is writing this reply now (as far as the history shows).
    streaming = add_streaming_reply(paths, "being written")

    second = launch_second(spawn, home_dir)

    assert second.returncode == 0, output(tmp_path, 1, "err")
    assert output(tmp_path, 1, "out").strip() == ALREADY_RUNNING
    log = log_text(paths)
    assert log.count(BROUGHT_TO_FRONT) == 1
    assert log.count(CLAIMED) == 1  # the second never claimed the folder
    # The second never opened the history: its start-up recovery would have cut this off.
    assert state_of(paths, streaming) == "streaming"
    assert first.poll() is None

    first.terminate()
    first.wait(timeout=EXIT_TIMEOUT_S)


def test_a_killed_instance_does_not_block_the_next_start(
        tmp_path: Path, spawn: Spawn, home: tuple[Path, AppPaths]) -> None:
    home_dir, paths = home
    crashed = start_first(spawn, paths, home_dir)
    server_name = InstanceGuard(paths.data_dir).server_name
    crashed.kill()  # SIGKILL: no clean-up at all
    crashed.wait(timeout=EXIT_TIMEOUT_S)
    assert (paths.data_dir / LOCK_FILE).exists()
    if sys.platform != "win32":
        # Its server's socket file is left behind too; the next start must replace it.
        assert (Path(QDir.tempPath()) / server_name).exists()

    start_first(spawn, paths, home_dir, claims_before=1)
    second = launch_second(spawn, home_dir)

    assert second.returncode == 0, output(tmp_path, 2, "err")
    assert log_text(paths).count(BROUGHT_TO_FRONT) == 1


HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from chatapp.files.process_lock import ProcessLock
assert ProcessLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
time.sleep(600)
"""


def test_a_lock_left_by_a_killed_process_is_not_stale(
        tmp_path: Path, spawn: Spawn, home: tuple[Path, AppPaths],
        qapp: QApplication) -> None:
    home_dir, paths = home
    lock_file = paths.data_dir / LOCK_FILE
    holder = spawn(home_dir, "-c", HOLD_THE_LOCK, str(lock_file))
    wait_until(lambda: output(tmp_path, 0, "out") == "locked\n", "the lock to be taken",
               holder)
    guard = InstanceGuard(paths.data_dir)
    try:
        assert not guard.claim()  # held: the holder is alive
        holder.kill()  # SIGKILL: the lock is never released by the process itself
        holder.wait(timeout=EXIT_TIMEOUT_S)
        assert lock_file.exists()
        assert guard.claim()
        assert guard.listening
    finally:
        guard.release()
