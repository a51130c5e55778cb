"""What this computer can run: CPU cores and memory."""

from __future__ import annotations

import os
from dataclasses import dataclass

import psutil


@dataclass(frozen=True)
class Hardware:
    physical_cores: int
    logical_cores: int
    total_ram_bytes: int
    available_ram_bytes: int


def detect_hardware() -> Hardware:
    logical = os.cpu_count() or 1
    # psutil returns None where the OS does not say (some VMs, containers); generation is
    # memory-bound, so guessing half the logical cores (SMT pairs) is the safe side.
    physical = psutil.cpu_count(logical=False) or max(1, logical // 2)
    memory = psutil.virtual_memory()
    return Hardware(
        physical_cores=max(1, min(physical, logical)),
        logical_cores=logical,
        total_ram_bytes=int(memory.total),
        available_ram_bytes=int(memory.available),
    )
