"""The memory check before a batch job: the real SmolLM2 header and model, a computer's
memory given as numbers (so that a refusal can be shown on any machine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatapp.batch.errors import BatchMemoryError
from chatapp.batch.inputs import read_input
from chatapp.batch.job import BatchJob
from chatapp.batch.memory import (
    BATCH_COMPUTE_BYTES,
    BatchMemory,
    batch_memory,
    check_job_memory,
    memory_error,
    model_batch_memory,
)
from chatapp.batch.template import PromptTemplate
from chatapp.engine.context_policy import ContextChoice
from chatapp.engine.llama_engine import LlamaEngine
from chatapp.engine.model_loader import LoadedModel, model_shape
from chatapp.gguf.inspect import GgufInfo, inspect_gguf
from chatapp.hardware import Hardware
from chatapp.vocabulary import KvCacheType

GIB = 1024**3


def computer(free_bytes: int) -> Hardware:
    return Hardware(physical_cores=2, logical_cores=2, total_ram_bytes=max(free_bytes, 8 * GIB),
                    available_ram_bytes=free_bytes)


def f16(info: GgufInfo, *, parallel: int, context_per_row: int,
        hardware: Hardware) -> BatchMemory:
    """The rows' memory with an f16 KV cache."""
    return batch_memory(model_shape(info), KvCacheType.F16, parallel=parallel,
                        context_per_row=context_per_row, hardware=hardware)


@pytest.fixture(scope="module")
def info(model_path: Path) -> GgufInfo:
    return inspect_gguf(model_path)


def test_the_rows_kv_cache_is_counted_as_the_generator_makes_it(info: GgufInfo) -> None:
    per_token = info.kv_cache_bytes_per_token()
    assert per_token is not None and per_token > 0
    memory = f16(info, parallel=4, context_per_row=1000, hardware=computer(16 * GIB))
    assert memory.tokens_per_row == 1024  # rounded up to llama.cpp's 256
    assert memory.kv_cache_bytes == 4 * 1024 * per_token
    assert memory.needed_bytes == memory.kv_cache_bytes + BATCH_COMPUTE_BYTES
    assert memory.fits and not memory.estimated
    # No row gets more than the model was trained for.
    assert info.context_length is not None
    longest = f16(info, parallel=1, context_per_row=10**9, hardware=computer(16 * GIB))
    assert longest.tokens_per_row == info.context_length


def test_a_quantized_cache_needs_less(info: GgufInfo) -> None:
    sizes = {kind: batch_memory(model_shape(info, kind), kind, parallel=8, context_per_row=4096,
                                hardware=computer(16 * GIB)).kv_cache_bytes
             for kind in KvCacheType}
    assert sizes[KvCacheType.Q8_0] == pytest.approx(sizes[KvCacheType.F16] * 34 / 64, rel=1e-3)
    assert sizes[KvCacheType.Q4_0] == pytest.approx(sizes[KvCacheType.F16] * 18 / 64, rel=1e-3)


def test_too_much_is_refused_saying_needed_free_and_what_fits(info: GgufInfo) -> None:
    memory = f16(info, parallel=16, context_per_row=8192, hardware=computer(2 * GIB))
    assert not memory.fits
    most = memory.most_parallel()
    assert 1 <= most < 16
    # The advice is true: that many rows fit, one more does not.
    def at(parallel: int) -> bool:
        return f16(info, parallel=parallel, context_per_row=8192, hardware=computer(2 * GIB)).fits
    assert at(most) and not at(most + 1)
    shorter = memory.most_tokens_per_row()
    assert shorter % 256 == 0 and 256 <= shorter < 8192
    assert f16(info, parallel=16, context_per_row=shorter, hardware=computer(2 * GIB)).fits
    text = memory_error(memory).user_message
    assert "16 rows at once with 8,192 tokens each" in text
    assert "has 2 GB free now" in text
    assert f"at most {most} rows at once" in text
    assert f"at most {shorter:,} tokens of context" in text


def test_when_nothing_fits_it_says_to_free_memory(info: GgufInfo) -> None:
    memory = f16(info, parallel=2, context_per_row=512, hardware=computer(100 * 1024 * 1024))
    assert not memory.fits and memory.most_parallel() == 0
    text = memory_error(memory).user_message
    assert "at most" not in text and "close other programs" in text


def test_a_job_is_checked_on_the_loaded_model(model_path: Path, info: GgufInfo,
                                              engine: LlamaEngine, tmp_path: Path) -> None:
    table = tmp_path / "in.csv"
    table.write_text("q\na\nb\nc\n", encoding="utf-8")
    model = LoadedModel(engine, info, "0" * 64, ContextChoice(512, "as set", 0), 1, 1)
    job = BatchJob(PromptTemplate("Say {q}"), read_input(table), tmp_path / "out.csv",
                   parallel=16, context_per_row=256)
    fits = check_job_memory(job, model, computer(16 * GIB))
    assert fits.parallel == 3  # no more rows at once than the input has
    assert fits.tokens_per_row == 256
    huge = BatchJob(PromptTemplate("Say {q}"), read_input(table), tmp_path / "out.csv",
                    parallel=3, context_per_row=100_000)
    # The job's context is at most the loaded model's (512 here).
    assert check_job_memory(huge, model, computer(16 * GIB)).tokens_per_row == 512
    with pytest.raises(BatchMemoryError) as refused:
        check_job_memory(job, model, computer(200 * 1024 * 1024))
    assert "free now" in refused.value.user_message
    assert not (tmp_path / "out.csv").exists()  # nothing was started
    # What the window shows before Start, from the model's summary, is what Start checks.
    shown = model_batch_memory(model.summary(), rows=3, parallel=16, context_per_row=256,
                               hardware=computer(16 * GIB))
    assert shown == fits
