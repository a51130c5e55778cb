"""Loading gives up at once when cancelled, so quitting never waits for a load.

With the real model: the probe's real child process, and llama.cpp's real load.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from llama_cpp import Llama

from chatapp.engine.errors import LoadCancelledError
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings
from chatapp.engine.load_probe import PROBE_FLAG, ProbeCache, probe_model
from chatapp.engine.model_loader import load_model
from chatapp.hardware import detect_hardware
from chatapp.models.starter import STARTER

SETTINGS = LoadSettings(context_length=256, threads=2, threads_batch=2)


def probe_children() -> list[psutil.Process]:
    """This process's probe children, zombies included (a zombie is not reaped yet)."""
    found: list[psutil.Process] = []
    for child in psutil.Process().children(recursive=True):
        try:
            if PROBE_FLAG in child.cmdline():
                found.append(child)
        except psutil.ZombieProcess:
            found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


def live_llamas() -> int:
    gc.collect()
    return sum(isinstance(o, Llama) for o in gc.get_objects())


# -- the probe's child process ---------------------------------------------------------


def test_a_cancelled_probe_starts_no_child(model_path: Path, tmp_path: Path) -> None:
    cache = ProbeCache(tmp_path / "probe.json")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(LoadCancelledError):
        probe_model(model_path, cache, cancel=cancel)
    assert probe_children() == []
    assert not cache.path.exists()


@pytest.fixture
def cancel_when_the_probe_runs() -> Iterator[tuple[threading.Event, list[int]]]:
    """An event a watcher sets as soon as a probe child exists; the child's pid."""
    cancel, stop_watching = threading.Event(), threading.Event()
    seen: list[int] = []

    def watch() -> None:
        while not stop_watching.is_set():
            children = probe_children()
            if children:
                seen.append(children[0].pid)
                cancel.set()
                return
            stop_watching.wait(0.002)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    yield cancel, seen
    stop_watching.set()
    watcher.join()


def test_cancelling_a_running_probe_kills_its_child(
        model_path: Path, tmp_path: Path,
        cancel_when_the_probe_runs: tuple[threading.Event, list[int]]) -> None:
    cancel, seen = cancel_when_the_probe_runs
    cache = ProbeCache(tmp_path / "probe.json")
    with pytest.raises(LoadCancelledError, match=model_path.name):
        probe_model(model_path, cache, cancel=cancel)
    assert len(seen) == 1  # the child was running when the cancel came
    # Killed and reaped: not even a zombie is left, and nothing was remembered.
    assert not psutil.pid_exists(seen[0])
    assert probe_children() == []
    assert not cache.path.exists()
    assert cache.known_sha256(model_path) is None


# -- llama.cpp's load in this process --------------------------------------------------


def test_a_load_reports_its_progress(model_path: Path) -> None:
    # The progress hook is in place with this llama-cpp-python (see _ProgressLlama).
    progress: list[float] = []
    engine = LlamaEngine(model_path, SETTINGS, cancel=threading.Event(),
                         on_progress=progress.append)
    try:
        assert len(progress) > 2
        assert progress == sorted(progress)
        assert progress[-1] == 1.0
    finally:
        engine.close()


def test_a_load_cancelled_before_it_starts(model_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    progress: list[float] = []
    with pytest.raises(LoadCancelledError):
        LlamaEngine(model_path, SETTINGS, cancel=cancel, on_progress=progress.append)
    assert progress == []  # llama.cpp never started


def test_cancelling_stops_llama_cpp_midway_and_leaves_nothing_loaded(
        model_path: Path) -> None:
    before = live_llamas()
    cancel = threading.Event()
    progress: list[float] = []

    def cancel_at_once(fraction: float) -> None:
        progress.append(fraction)
        cancel.set()  # as if the app began quitting while the weights are read

    with pytest.raises(LoadCancelledError, match=model_path.name):
        LlamaEngine(model_path, SETTINGS, cancel=cancel, on_progress=cancel_at_once)
    # llama.cpp stopped at the first report: it read no further tensor.
    assert progress == [0.0]
    assert live_llamas() == before


def test_a_cancel_from_another_thread_stops_the_load(model_path: Path) -> None:
    cancel, loading = threading.Event(), threading.Event()
    progress: list[float] = []

    def report(fraction: float) -> None:
        progress.append(fraction)
        loading.set()
        cancel.wait(60)  # hold the load here until the other thread has cancelled

    def quit_app() -> None:
        loading.wait(60)
        cancel.set()

    quitter = threading.Thread(target=quit_app)
    quitter.start()
    try:
        with pytest.raises(LoadCancelledError):
            LlamaEngine(model_path, SETTINGS, cancel=cancel, on_progress=report)
    finally:
        quitter.join()
    assert progress == [0.0]


# -- the whole load ---------------------------------------------------------------------


@pytest.mark.parametrize("stage", ["Checking", "Test-loading", "Loading"])
def test_load_model_stops_at_the_stage_it_was_cancelled_in(model_path: Path, tmp_path: Path,
                                                           stage: str) -> None:
    cache = ProbeCache(tmp_path / "probe.json")
    if stage == "Loading":
        cache.remember(model_path, STARTER.sha256)  # probed before: straight to loading
    cancel = threading.Event()
    stages: list[str] = []

    def on_stage(text: str) -> None:
        stages.append(text)
        if text.startswith(stage):
            cancel.set()

    with pytest.raises(LoadCancelledError):
        load_model(model_path, requested_context=256, requested_threads=1,
                   hardware=detect_hardware(), probe_cache=cache, on_stage=on_stage,
                   cancel=cancel)
    assert stages[-1].startswith(stage)  # no later stage began
    assert probe_children() == []
    if stage != "Loading":
        assert not cache.path.exists()
