"""The machine speed probe: measured once, kept, measured again when the hardware changes."""

from __future__ import annotations

import dataclasses
import json
import stat
from pathlib import Path

from chatapp.hardware import detect_hardware
from chatapp.models.speed_probe import (
    hardware_fingerprint,
    machine_speed,
)

FILE = "machine-speed.json"  # AppPaths keeps it in the cache folder


def test_first_call_measures_and_caches_privately(tmp_path: Path) -> None:
    hardware = detect_hardware()
    cache = tmp_path / FILE
    speed = machine_speed(cache, hardware)
    assert speed.fingerprint == hardware_fingerprint(hardware)
    assert speed.memory_bytes_per_s > 1e8  # any computer copies faster than 100 MB/s
    assert speed.flops_per_s > 1e7
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    again = machine_speed(cache, hardware)
    assert again == speed  # read back, not measured again (the time would differ)


def test_a_hardware_change_measures_again(tmp_path: Path) -> None:
    hardware = detect_hardware()
    cache = tmp_path / FILE
    first = machine_speed(cache, hardware)
    more_memory = dataclasses.replace(hardware,
                                      total_ram_bytes=hardware.total_ram_bytes * 2)
    assert hardware_fingerprint(more_memory) != first.fingerprint
    second = machine_speed(cache, more_memory)
    assert second.fingerprint == hardware_fingerprint(more_memory)
    assert second.measured_at > first.measured_at
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert kept["fingerprint"] == second.fingerprint


def test_a_damaged_cache_is_measured_over(tmp_path: Path) -> None:
    hardware = detect_hardware()
    cache = tmp_path / FILE
    for damage in (b"\x00not json", b'{"schema": 1, "fingerprint": 3}',
                   json.dumps({"schema": 1, "fingerprint": hardware_fingerprint(hardware),
                               "memory_bytes_per_s": -1.0, "flops_per_s": 1.0,
                               "threads": 1, "measured_at": 0.0}).encode()):
        cache.write_bytes(damage)
        speed = machine_speed(cache, hardware)
        assert speed.memory_bytes_per_s > 1e8
        assert json.loads(cache.read_text(encoding="utf-8"))["measured_at"] == \
            speed.measured_at
