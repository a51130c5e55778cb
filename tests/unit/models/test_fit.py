"""The fit badge: verdicts at each boundary, the tooltip's numbers, and every kind of input."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from chatapp.engine.context_policy import (
    DEFAULT_CONTEXT,
    RUNTIME_OVERHEAD_BYTES,
    USABLE_RAM_FRACTION,
    ModelShape,
    choose_context_length,
    ram_needed,
)
from chatapp.formatting import format_bytes
from chatapp.gguf.inspect import inspect_gguf
from chatapp.hardware import Hardware
from chatapp.models.catalog import ModelKind, load_catalog
from chatapp.models.fit import (
    Fit,
    assess,
    estimated_kv_bytes_per_token,
    fit_for_entry,
    fit_for_file_size,
    fit_for_gguf,
)

GIB = 1024**3
MIB = 1024**2
KV_PER_TOKEN = 100_000
CONTEXT_BYTES = KV_PER_TOKEN * DEFAULT_CONTEXT


def machine(total_gib: float, free_gib: float) -> Hardware:
    return Hardware(4, 8, int(total_gib * GIB), int(free_gib * GIB))


def shape_needing(needed: int, trained_context: int | None = 32768) -> ModelShape:
    """A model that needs exactly this much at the default context."""
    shape = ModelShape(needed - CONTEXT_BYTES - RUNTIME_OVERHEAD_BYTES, trained_context,
                       KV_PER_TOKEN)
    assert ram_needed(shape, DEFAULT_CONTEXT) == needed
    return shape


def free_budget(hardware: Hardware) -> int:
    return int(hardware.available_ram_bytes * USABLE_RAM_FRACTION)


def total_budget(hardware: Hardware) -> int:
    return int(hardware.total_ram_bytes * USABLE_RAM_FRACTION)


# --- Boundaries ---


@pytest.mark.parametrize(("total", "free"), [(16, 9.8), (8, 3), (4, 3.9), (64, 2)])
def test_fits_up_to_the_engines_own_budget_of_free_memory(total: float, free: float) -> None:
    hardware = machine(total, free)
    budget = free_budget(hardware)
    assert assess(shape_needing(budget), hardware).fit is Fit.FITS
    assert assess(shape_needing(budget + 1), hardware).fit is Fit.TIGHT


@pytest.mark.parametrize(("total", "free"), [(16, 9.8), (8, 3), (32, 1), (8, 0.1)])
def test_tight_up_to_what_the_whole_computer_can_spare(total: float, free: float) -> None:
    hardware = machine(total, free)
    budget = total_budget(hardware)
    assert assess(shape_needing(budget), hardware).fit is Fit.TIGHT
    assert assess(shape_needing(budget + 1), hardware).fit is Fit.TOO_LARGE


def test_all_free_memory_still_leaves_room_for_the_system() -> None:
    hardware = machine(8, 8)
    assert assess(shape_needing(total_budget(hardware)), hardware).fit is Fit.FITS
    assert assess(shape_needing(total_budget(hardware) + 1), hardware).fit is Fit.TOO_LARGE


@pytest.mark.parametrize("needed_gib", [0.6, 2.0, 3.5, 5.0, 7.0, 9.0])
def test_fits_means_the_engine_loads_it_with_at_least_the_default_context(
        needed_gib: float) -> None:
    # Auto gives a model that fits more context when memory allows; "fits" promises the
    # default at least.
    hardware = machine(16, 6)
    shape = shape_needing(int(needed_gib * GIB))
    verdict = assess(shape, hardware)
    loaded = choose_context_length(shape, 0, hardware).context_length
    assert (verdict.fit is Fit.FITS) == (loaded >= DEFAULT_CONTEXT)


# --- Context length ---


def test_the_context_is_capped_at_the_models_maximum() -> None:
    shape = ModelShape(500 * MIB, 2048, KV_PER_TOKEN)
    verdict = assess(shape, machine(16, 8))
    assert verdict.context_length == 2048
    assert verdict.kv_cache_bytes == KV_PER_TOKEN * 2048
    assert verdict.needed_bytes == 500 * MIB + KV_PER_TOKEN * 2048 + RUNTIME_OVERHEAD_BYTES


def test_a_longer_context_can_change_the_verdict() -> None:
    shape = ModelShape(2 * GIB, 131072, 131072)
    hardware = machine(8, 5)
    assert assess(shape, hardware).fit is Fit.FITS
    longer = assess(shape, hardware, context_length=16384)
    assert longer.context_length == 16384
    assert longer.kv_cache_bytes == 2 * GIB
    assert longer.fit is Fit.TIGHT
    longest = assess(shape, hardware, context_length=65536)
    assert longest.kv_cache_bytes == 8 * GIB
    assert longest.fit is Fit.TOO_LARGE


# --- The tooltip ---


def test_the_explanation_gives_the_numbers() -> None:
    shape = ModelShape(int(4.6 * GIB), 131072, 131072)  # 512 MiB for 4,096 tokens
    verdict = assess(shape, machine(16, 9.8))
    assert verdict.fit is Fit.FITS and verdict.label == "Fits"
    assert verdict.explanation == (
        "Needs about 5.5 GB (4.6 GB weights + 512 MB context memory for 4,096 tokens "
        "(128 KB per token with f16) + 400 MB working memory); this computer has 16 GB, "
        "9.8 GB free now."
    )
    assert not verdict.estimated
    assert verdict.needed_bytes == (
        verdict.weights_bytes + verdict.kv_cache_bytes + verdict.overhead_bytes
    )


def test_the_explanation_says_what_to_do_when_tight_or_too_large() -> None:
    hardware = machine(8, 4)
    in_free_memory = assess(shape_needing(int(3.5 * GIB)), hardware)
    assert in_free_memory.fit is Fit.TIGHT and in_free_memory.label == "Tight"
    assert "leave little memory for other programs" in in_free_memory.explanation
    beyond_free = assess(shape_needing(5 * GIB), hardware)
    assert beyond_free.fit is Fit.TIGHT
    assert "Close other programs first" in beyond_free.explanation
    too_large = assess(shape_needing(7 * GIB), hardware)
    assert too_large.fit is Fit.TOO_LARGE and too_large.label == "Too large"
    assert "choose a smaller model" in too_large.explanation
    assert "this computer has 8 GB, 4 GB free now" in too_large.explanation


@pytest.mark.parametrize(
    ("n_bytes", "text"),
    [(1, "1 byte"), (512 * MIB, "512 MB"), (1023 * MIB, "1,023 MB"), (GIB, "1 GB"),
     (int(5.44 * GIB), "5.4 GB"), (16 * GIB, "16 GB"), (int(15.6 * GIB), "15.6 GB"),
     (128 * GIB, "128 GB"), (1536 * GIB, "1.5 TB")],
)
def test_memory_is_shown_the_way_computers_report_it(n_bytes: int, text: str) -> None:
    assert format_bytes(n_bytes, binary=True) == text


# --- Inputs: catalog entry, GGUF header, bare file size ---


def test_a_catalog_entry_uses_its_exact_shape() -> None:
    entry = load_catalog().get("qwen3-8b-q4_k_m")
    assert entry is not None
    verdict = fit_for_entry(entry, machine(16, 9.8))
    assert verdict.fit is Fit.FITS and not verdict.estimated
    # 36 layers x 8 KV heads x (128 + 128) x 2 bytes x 4,096 tokens
    assert verdict.kv_cache_bytes == 36 * 8 * 256 * 2 * 4096
    assert verdict.needed_bytes == entry.size_bytes + verdict.kv_cache_bytes + (
        RUNTIME_OVERHEAD_BYTES)
    assert fit_for_entry(entry, machine(8, 3)).fit is Fit.TIGHT
    assert fit_for_entry(entry, machine(4, 3)).fit is Fit.TOO_LARGE


def test_every_catalog_model_fits_a_big_machine_and_the_smallest_fits_a_small_one() -> None:
    catalog = load_catalog()
    assert all(fit_for_entry(e, machine(32, 24)).fit is Fit.FITS for e in catalog)
    assert fit_for_entry(catalog.entries[0], machine(2, 1)).fit is Fit.FITS


def test_a_gguf_header_gives_an_exact_answer(model_path: Path) -> None:
    info = inspect_gguf(model_path)
    verdict = fit_for_gguf(info, machine(8, 4))
    assert not verdict.estimated
    assert verdict.weights_bytes == info.tensor_data_bytes
    assert verdict.kv_cache_bytes == 23040 * DEFAULT_CONTEXT
    assert verdict.fit is Fit.FITS
    assert verdict.explanation.startswith("Needs about ")
    entry = next(e for e in load_catalog() if e.sha256 == "b179c9523d0e6a0f98a330c7562b682750a6f8c"
                 "8c15e5bc70ea373728110db53")
    # The catalog counts the whole file as weights: a little more, never less.
    assert 0 <= fit_for_entry(entry, machine(8, 4)).needed_bytes - verdict.needed_bytes < MIB * 2


def test_a_header_without_head_sizes_is_estimated(model_path: Path) -> None:
    info = dataclasses.replace(inspect_gguf(model_path), head_count_kv=None)
    verdict = fit_for_gguf(info, machine(8, 4))
    assert verdict.estimated
    assert verdict.kv_cache_bytes == estimated_kv_bytes_per_token(info.tensor_data_bytes) * 4096
    assert verdict.explanation.startswith("Estimated from the file size: needs about ")


def test_the_first_part_of_a_split_model_is_scaled_to_the_whole(model_path: Path) -> None:
    info = dataclasses.replace(inspect_gguf(model_path), split_count=3, split_index=0)
    verdict = fit_for_gguf(info, machine(8, 4))
    assert verdict.estimated
    assert verdict.weights_bytes == 3 * info.tensor_data_bytes


def test_a_bare_file_size_is_an_estimate() -> None:
    verdict = fit_for_file_size(4_900_000_000, machine(16, 9.8))
    assert verdict.estimated and verdict.fit is Fit.FITS
    assert verdict.weights_bytes == 4_900_000_000
    assert verdict.context_length == DEFAULT_CONTEXT
    assert verdict.explanation.startswith("Estimated from the file size: needs about ")
    assert fit_for_file_size(4_900_000_000, machine(4, 2)).fit is Fit.TOO_LARGE
    with pytest.raises(ValueError, match="positive"):
        fit_for_file_size(0, machine(16, 8))


def test_the_size_estimate_does_not_undercount_real_models() -> None:
    """For every catalog model of 1 GB or more, the guess is at or above the real KV cache."""
    checked = 0
    for entry in load_catalog():
        if entry.size_bytes >= 1_000_000_000:
            assert estimated_kv_bytes_per_token(entry.size_bytes) >= (
                entry.kv_cache_bytes_per_token()), entry.id
            checked += 1
    assert checked >= 8


def test_an_embedding_model_needs_no_context_memory(embedding_model_path: Path) -> None:
    """llama.cpp keeps no KV cache for an encoder: weights and working memory only."""
    info = inspect_gguf(embedding_model_path)
    fit = fit_for_gguf(info, machine(16, 8))
    assert fit.kv_cache_bytes == 0
    assert not fit.estimated
    assert fit.needed_bytes == info.tensor_data_bytes + fit.overhead_bytes
    for entry in load_catalog():
        entry_fit = fit_for_entry(entry, machine(16, 8))
        assert (entry_fit.kv_cache_bytes == 0) is (entry.kind is ModelKind.EMBEDDING), entry.id
