from __future__ import annotations

import os

from chatapp.hardware import detect_hardware


def test_detects_this_machine() -> None:
    hardware = detect_hardware()
    assert 1 <= hardware.physical_cores <= hardware.logical_cores == (os.cpu_count() or 1)
    assert 0 < hardware.available_ram_bytes <= hardware.total_ram_bytes
