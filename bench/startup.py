"""Start-up time and memory: the app as a new process, in a fresh CHATAPP_HOME.

startup_s: from just before the process is started until the main window's first paint
has completed (see bench/startup_child.py), offscreen Qt. Python's compiled bytecode is
kept in build/bench-cache/pycache (as an installed app has its .pyc files); the first
launch writes it and is reported separately, the rest give the median.

idle_rss_mb: resident memory of that process 3 s after its first paint, with no model
installed (the app shows "No model is loaded"). loaded_rss_mb: the same after the
starter model, installed in the home, has loaded at start (the default context).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil

from bench.common import CACHE_DIR, REPO_ROOT, BenchError, Config, median, summary
from chatapp.paths import HOME_ENV

SETTLE_S = 3.0
MB = 1024 * 1024


def _environment(home: Path, paint_file: Path, loaded_file: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env[HOME_ENV] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["BENCH_FIRST_PAINT_FILE"] = str(paint_file)
    if loaded_file is not None:
        env["BENCH_MODEL_LOADED_FILE"] = str(loaded_file)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(CACHE_DIR / "pycache")
    return env


def _wait_file(path: Path, process: subprocess.Popen[bytes], timeout_s: float,
               what: str) -> float:
    deadline = time.monotonic() + timeout_s
    while not path.is_file():
        if process.poll() is not None:
            raise BenchError(f"the app exited ({process.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise BenchError(f"timed out waiting for {what}")
        time.sleep(0.002)
    return float(path.read_text())


def launch(home: Path, timeout_s: float, with_model: bool, settle_s: float) -> dict[str, float]:
    """Start the app once; return start-up time, RSS (and model load time)."""
    with tempfile.TemporaryDirectory(prefix="chatapp-bench-start-") as scratch:
        paint_file = Path(scratch) / "painted"
        loaded_file = Path(scratch) / "loaded" if with_model else None
        env = _environment(home, paint_file, loaded_file)
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, "-m", "bench.startup_child"],
                                   cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            painted = _wait_file(paint_file, process, timeout_s, "the first paint")
            result = {"startup_s": painted - started}
            if loaded_file is not None:
                loaded = _wait_file(loaded_file, process, timeout_s, "the model to load")
                result["model_loaded_s"] = loaded - started
            time.sleep(settle_s)
            if process.poll() is not None:
                raise BenchError(f"the app exited ({process.returncode}) while idle")
            info = psutil.Process(process.pid).memory_info()
            result["rss_mb"] = info.rss / MB
        finally:
            process.terminate()
            try:
                process.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
        return result


def _install_starter(home: Path) -> None:
    env = dict(os.environ)
    env[HOME_ENV] = str(home)
    done = subprocess.run([sys.executable, "-m", "chatapp", "--install-starter-model"],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"could not install the starter model: {done.stderr[-500:]}")


def run_startup(cfg: Config, log: Callable[[str], None]) -> dict[str, object]:
    settle = 1.0 if cfg.quick else SETTLE_S
    launches = []
    rss = []
    first: dict[str, float] | None = None
    for index in range(cfg.startup_launches + (0 if cfg.quick else 1)):
        with tempfile.TemporaryDirectory(prefix="chatapp-bench-home-") as home:
            result = launch(Path(home), cfg.timeout_s, with_model=False, settle_s=settle)
        if first is None and not cfg.quick:
            first = result  # writes the bytecode cache: reported, not counted
            continue
        launches.append(result["startup_s"])
        rss.append(result["rss_mb"])
        log(f"  launch {index}: painted after {result['startup_s']:.2f} s, "
            f"{result['rss_mb']:.0f} MB")
    with tempfile.TemporaryDirectory(prefix="chatapp-bench-home-") as home:
        _install_starter(Path(home))
        launch(Path(home), cfg.timeout_s, with_model=True, settle_s=0)  # probes the model once
        loaded = launch(Path(home), cfg.timeout_s, with_model=True, settle_s=settle)
    log(f"  with the model: loaded after {loaded['model_loaded_s']:.2f} s, "
        f"{loaded['rss_mb']:.0f} MB")
    return {
        "startup_s": median(launches),
        "idle_rss_mb": median(rss),
        "loaded_rss_mb": loaded["rss_mb"],
        "model_loaded_s": loaded["model_loaded_s"],
        "loaded_startup_s": loaded["startup_s"],
        "launches": summary(launches),
        "idle_rss": summary(rss),
        "first_launch_s": first["startup_s"] if first else None,
        "settle_s": settle,
    }
