"""The fit badge with the user's KV cache type: the context memory and the verdict follow it."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatapp.engine.context_policy import (
    DEFAULT_CONTEXT,
    RUNTIME_OVERHEAD_BYTES,
    ModelShape,
    choose_context_length,
    kv_bytes_per_token,
)
from chatapp.engine.model_loader import model_shape
from chatapp.gguf.inspect import inspect_gguf
from chatapp.hardware import Hardware
from chatapp.models.catalog import ModelKind, load_catalog
from chatapp.models.fit import Fit, assess, fit_for_entry, fit_for_file_size, fit_for_gguf
from chatapp.vocabulary import KvCacheType

GIB = 1024**3
# KV memory against f16 (ggml's blocks of 32 values: 34 bytes in q8_0, 18 in q4_0).
RATIOS = {KvCacheType.F16: 1.0, KvCacheType.Q8_0: 0.53125, KvCacheType.Q4_0: 0.28125}


def machine(total_gib: float, free_gib: float) -> Hardware:
    return Hardware(4, 8, int(total_gib * GIB), int(free_gib * GIB))


@pytest.mark.parametrize("kv_type", list(KvCacheType))
def test_the_context_memory_shrinks_with_the_type(kv_type: KvCacheType,
                                                 model_path: Path) -> None:
    hardware = machine(16, 8)
    info = inspect_gguf(model_path)
    f16 = fit_for_gguf(info, hardware)
    typed = fit_for_gguf(info, hardware, kv_cache_type=kv_type)
    assert typed.kv_cache_type is kv_type
    assert typed.kv_cache_bytes / f16.kv_cache_bytes == pytest.approx(RATIOS[kv_type],
                                                                      abs=1e-4)
    assert typed.kv_bytes_per_token == kv_bytes_per_token(f16.kv_bytes_per_token, kv_type)
    assert typed.needed_bytes == typed.weights_bytes + typed.kv_cache_bytes \
        + RUNTIME_OVERHEAD_BYTES
    assert f"per token with {kv_type.value})" in typed.explanation


def test_q8_0_is_about_half_and_q4_0_about_a_quarter_for_every_kind_of_input() -> None:
    hardware = machine(16, 8)
    entry = next(e for e in load_catalog() if e.kind is not ModelKind.EMBEDDING)
    for fit_of in (lambda t: fit_for_entry(entry, hardware, kv_cache_type=t),
                   lambda t: fit_for_file_size(3 * GIB, hardware, kv_cache_type=t)):
        f16, q8, q4 = (fit_of(t).kv_cache_bytes for t in KvCacheType)
        assert q8 / f16 == pytest.approx(0.53, abs=0.005)
        assert q4 / f16 == pytest.approx(0.28, abs=0.005)


def test_the_tooltip_names_the_memory_per_token_and_the_type() -> None:
    # 24 layers x 5 KV heads x (64 + 64) x 2 bytes = 30,720 bytes per token in f16.
    shape = ModelShape(500 * 1024**2, 8192, 30_720)
    verdict = assess(shape, machine(16, 8), kv_cache_type=KvCacheType.Q8_0)
    assert verdict.kv_bytes_per_token == 16_320
    assert f"context memory for {DEFAULT_CONTEXT:,} tokens (15.9 KB per token with q8_0)" \
        in verdict.explanation


def test_a_smaller_cache_can_turn_tight_into_fits() -> None:
    # A long context where the f16 cache alone is 4 GiB.
    shape = ModelShape(2 * GIB, 131072, 131072)
    hardware = machine(16, 6)
    assert assess(shape, hardware, context_length=32768).fit is Fit.TIGHT
    smaller = assess(shape, hardware, context_length=32768, kv_cache_type=KvCacheType.Q4_0)
    assert smaller.fit is Fit.FITS
    assert smaller.kv_cache_bytes == 32768 * 131072 * 18 // 64


def test_an_embedding_model_still_needs_no_context_memory(embedding_model_path: Path) -> None:
    verdict = fit_for_gguf(inspect_gguf(embedding_model_path), machine(16, 8),
                           kv_cache_type=KvCacheType.Q8_0)
    assert verdict.kv_cache_bytes == 0
    assert "per token" not in verdict.explanation


def test_auto_fits_more_context_in_the_same_memory_with_q8_0(model_path: Path) -> None:
    # The loader chooses the context for the cache it will make: what the f16 cache of
    # this model leaves room for grows with q8_0.
    info = inspect_gguf(model_path)
    f16 = model_shape(info)
    q8 = model_shape(info, KvCacheType.Q8_0)
    assert f16.kv_bytes_per_token is not None and q8.kv_bytes_per_token is not None
    assert q8.kv_bytes_per_token == round(f16.kv_bytes_per_token * 34 / 64)
    room = f16.weights_bytes + RUNTIME_OVERHEAD_BYTES + f16.kv_bytes_per_token * 3072
    hardware = Hardware(2, 2, 8 * GIB, int(room / 0.8) + 1)
    assert choose_context_length(f16, 0, hardware).context_length == 3072
    assert choose_context_length(q8, 0, hardware).context_length == 5120
