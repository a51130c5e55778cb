from __future__ import annotations

from chatapp.engine.context_policy import (
    AUTO_CONTEXT_CAP,
    DEFAULT_CONTEXT,
    MIN_CONTEXT,
    ModelShape,
    choose_context_length,
    choose_threads,
    ram_needed,
)
from chatapp.hardware import Hardware

GB = 1024**3
SMALL = ModelShape(weights_bytes=100 * 1024**2, trained_context=8192, kv_bytes_per_token=23040)
BIG = ModelShape(weights_bytes=5 * GB, trained_context=131072, kv_bytes_per_token=131072)


def machine(ram_gb: float, physical: int = 4, logical: int = 8) -> Hardware:
    return Hardware(physical, logical, int(ram_gb * GB), int(ram_gb * GB))


def test_auto_takes_the_models_maximum_when_it_fits() -> None:
    choice = choose_context_length(SMALL, 0, machine(16))
    assert choice.context_length == SMALL.trained_context
    assert choice.reason == "automatic"


def test_auto_stops_at_the_cap() -> None:
    long_model = ModelShape(weights_bytes=GB, trained_context=131072,
                            kv_bytes_per_token=32 * 1024)
    assert choose_context_length(long_model, 0, machine(64)).context_length == AUTO_CONTEXT_CAP
    # Asked for explicitly, more than the cap is given.
    assert choose_context_length(long_model, 65536, machine(64)).context_length == 65536


def test_auto_takes_the_largest_context_memory_allows() -> None:
    long_model = ModelShape(weights_bytes=2 * GB, trained_context=131072,
                            kv_bytes_per_token=256 * 1024)
    choice = choose_context_length(long_model, 0, machine(8))
    budget = 8 * GB * 0.8
    assert ram_needed(long_model, choice.context_length) <= budget
    # The next step up would not fit: the largest that does was taken, not a halving.
    assert ram_needed(long_model, choice.context_length + 1024) > budget
    assert MIN_CONTEXT < choice.context_length < AUTO_CONTEXT_CAP
    assert "memory" in choice.reason


def test_auto_without_a_stated_maximum_uses_the_default() -> None:
    unknown = ModelShape(weights_bytes=GB, trained_context=None, kv_bytes_per_token=1024)
    assert choose_context_length(unknown, 0, machine(16)).context_length == DEFAULT_CONTEXT


def test_never_above_the_models_maximum() -> None:
    choice = choose_context_length(SMALL, 32768, machine(64))
    assert choice.context_length == 8192
    assert "maximum" in choice.reason


def test_shrinks_to_fit_memory() -> None:
    choice = choose_context_length(BIG, 131072, machine(8))
    assert choice.context_length < 131072
    assert ram_needed(BIG, choice.context_length) <= 8 * GB * 0.8
    assert "memory" in choice.reason
    assert choice.context_length >= MIN_CONTEXT


def test_threads() -> None:
    assert choose_threads(0, machine(8, physical=4, logical=8)) == (4, 8)
    assert choose_threads(3, machine(8)) == (3, 3)
