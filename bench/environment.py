"""What the numbers were measured on: machine, versions, load."""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import platform
import subprocess
import threading
import time
from pathlib import Path

import psutil

from bench.common import REPO_ROOT

PACKAGES = ("chatapp", "llama_cpp_python", "PySide6_Essentials", "psutil", "matplotlib")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _git(*args: str, cwd: Path = REPO_ROOT) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def describe() -> dict[str, object]:
    import llama_cpp
    from PySide6.QtCore import qVersion

    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    memory = psutil.virtual_memory()
    dirty = _git("status", "--porcelain", "--untracked-files=no")
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpu": _cpu_model(),
        "physical_cores": psutil.cpu_count(logical=False),
        "logical_cores": psutil.cpu_count(logical=True),
        "ram_gb": round(memory.total / 1024**3, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "qt": qVersion(),
        "packages": versions,
        "llama_cpp_system_info": llama_cpp.llama_print_system_info().decode().strip(),
        "repo_commit": _git("rev-parse", "--short", "HEAD"),
        "repo_dirty": bool(dirty),
    }


class LoadSampler:
    """Samples, once a second, how much CPU other processes take while we measure."""

    def __init__(self) -> None:
        self._process = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="load-sampler", daemon=True)
        # time, other processes' CPU %, load average, CPU stolen by the hypervisor %
        self.samples: list[tuple[float, float, float, float]] = []

    def _ours(self) -> float:
        times = self._process.cpu_times()
        total = times.user + times.system + times.children_user + times.children_system
        for child in self._process.children(recursive=True):
            try:
                child_times = child.cpu_times()
            except psutil.Error:
                continue
            total += child_times.user + child_times.system
        return total

    @staticmethod
    def _busy() -> tuple[float, float]:
        times = psutil.cpu_times()
        busy = times.user + times.nice + times.system
        return busy, float(getattr(times, "steal", 0.0))

    def _run(self) -> None:
        cores = psutil.cpu_count(logical=True) or 1
        last_all, last_steal = self._busy()
        last_ours = self._ours()
        last = time.monotonic()
        while not self._stop.wait(1.0):
            now = time.monotonic()
            busy, steal = self._busy()
            ours = self._ours()
            elapsed = (now - last) * cores
            other = max(0.0, (busy - last_all) - (ours - last_ours)) / elapsed * 100
            self.samples.append((now, other, os.getloadavg()[0],
                                 (steal - last_steal) / elapsed * 100))
            last_all, last_steal, last_ours, last = busy, steal, ours, now

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def between(self, start: float, end: float) -> dict[str, float]:
        """Other processes' CPU use (percent of all cores) between two monotonic times."""
        window = [s for s in self.samples if start <= s[0] <= end + 1.0]
        if not window:
            return {"other_cpu_mean_pct": 0.0, "other_cpu_max_pct": 0.0,
                    "load_max": os.getloadavg()[0], "steal_mean_pct": 0.0}
        return {
            "other_cpu_mean_pct": sum(s[1] for s in window) / len(window),
            "other_cpu_max_pct": max(s[1] for s in window),
            "load_max": max(s[2] for s in window),
            "steal_mean_pct": sum(s[3] for s in window) / len(window),
        }
