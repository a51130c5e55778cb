"""How fast this computer is, measured once: memory bandwidth and compute, cached.

Generating a token reads every weight of the model once, so on a CPU its speed follows the
memory bandwidth; reading a prompt multiplies matrices, so its speed follows compute. Both
are measured here in about a second with numpy (which releases the GIL in copies and uses
its BLAS threads for matrix products): copying a buffer far larger than any CPU cache on
several threads at once, and multiplying float32 matrices.

The result is kept as JSON in the cache folder, keyed by a fingerprint of the hardware (CPU
model, logical and physical cores, total memory): a new computer, or the same disk in
another one, measures again. A cache file that cannot be read is measured over.
"""

from __future__ import annotations

import json
import logging
import platform
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

import numpy as np

from chatapp.files.atomic import write_json_atomic
from chatapp.hardware import Hardware

__all__ = [
    "MachineSpeed",
    "hardware_fingerprint",
    "machine_speed",
    "measure_machine_speed",
]

log = logging.getLogger(__name__)

_SCHEMA: Final = 1
# 128 MiB to copy: well above the last-level cache of desktop and server CPUs alike, so the
# copy runs at the speed of memory.
_COPY_BYTES: Final = 128 * 1024 * 1024
_MATRIX_SIZE: Final = 768
# Each measurement is repeated for this long and its best run kept (the least disturbed).
_BANDWIDTH_SECONDS: Final = 0.6
_COMPUTE_SECONDS: Final = 0.4


@dataclass(frozen=True)
class MachineSpeed:
    fingerprint: str
    memory_bytes_per_s: float  # bytes read and written per second, all threads together
    flops_per_s: float  # float32 matrix product
    threads: int
    measured_at: float  # time.time()


def hardware_fingerprint(hardware: Hardware) -> str:
    """What identifies the computer's speed: the CPU model, its cores and its memory."""
    return (f"{_cpu_model()}|{hardware.logical_cores} logical|"
            f"{hardware.physical_cores} physical|{hardware.total_ram_bytes} bytes")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def measure_machine_speed(hardware: Hardware) -> MachineSpeed:
    """Measure now (about a second; run it off the UI thread)."""
    threads = max(1, hardware.physical_cores)
    return MachineSpeed(
        fingerprint=hardware_fingerprint(hardware),
        memory_bytes_per_s=_memory_bandwidth(threads),
        flops_per_s=_compute(),
        threads=threads,
        measured_at=time.time(),
    )


def _memory_bandwidth(threads: int) -> float:
    source = np.ones(_COPY_BYTES // 8, dtype=np.float64)
    target = np.empty_like(source)
    chunks = np.array_split(np.arange(source.size), threads)
    bounds = [(int(c[0]), int(c[-1]) + 1) for c in chunks if c.size]

    def copy(start: int, end: int) -> None:
        np.copyto(target[start:end], source[start:end])

    best = float("inf")
    deadline = time.perf_counter() + _BANDWIDTH_SECONDS
    runs = 0
    while runs < 2 or time.perf_counter() < deadline:
        workers = [threading.Thread(target=copy, args=bound) for bound in bounds]
        started = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        best = min(best, time.perf_counter() - started)
        runs += 1
    return 2 * source.nbytes / best  # each byte read once and written once


def _compute() -> float:
    rng = np.random.default_rng(0)
    a = rng.standard_normal((_MATRIX_SIZE, _MATRIX_SIZE), dtype=np.float32)
    b = rng.standard_normal((_MATRIX_SIZE, _MATRIX_SIZE), dtype=np.float32)
    best = float("inf")
    deadline = time.perf_counter() + _COMPUTE_SECONDS
    runs = 0
    while runs < 2 or time.perf_counter() < deadline:
        started = time.perf_counter()
        np.matmul(a, b)
        best = min(best, time.perf_counter() - started)
        runs += 1
    return 2 * _MATRIX_SIZE**3 / best


def machine_speed(cache_file: Path, hardware: Hardware) -> MachineSpeed:
    """This computer's speed: from the cache when it was measured on this hardware, else
    measured now and cached (0600)."""
    fingerprint = hardware_fingerprint(hardware)
    cached = _read(cache_file)
    if cached is not None and cached.fingerprint == fingerprint:
        return cached
    speed = measure_machine_speed(hardware)
    try:
        write_json_atomic(cache_file, {"schema": _SCHEMA, **asdict(speed)})
    except OSError as error:  # a cache: measured again next time
        log.warning("Could not keep the machine speed in %s: %s", cache_file, error)
    return speed


def _read(cache_file: Path) -> MachineSpeed | None:
    try:
        raw = json.loads(cache_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        log.info("Measuring again: the machine speed cache %s is unreadable (%s)",
                 cache_file, error)
        return None
    try:
        if raw["schema"] != _SCHEMA:
            return None
        speed = MachineSpeed(
            fingerprint=str(raw["fingerprint"]),
            memory_bytes_per_s=float(raw["memory_bytes_per_s"]),
            flops_per_s=float(raw["flops_per_s"]),
            threads=int(raw["threads"]),
            measured_at=float(raw["measured_at"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        log.info("Measuring again: the machine speed cache %s is malformed (%s)",
                 cache_file, error)
        return None
    if speed.memory_bytes_per_s <= 0 or speed.flops_per_s <= 0 or speed.threads < 1:
        return None
    return speed
