"""Will a batch job's context fit in memory? Checked before the job starts.

A batch job answers its rows in a second llama.cpp context on the loaded model's weights
(engine.batched_generation): the weights are not loaded again, but every row in flight
owns its own KV cells, so the context needs ``parallel x tokens per row x KV bytes per
token`` (the model's shape, at the KV cache type the model was loaded with), plus compute
buffers. llama.cpp does not refuse a context much larger than the memory quickly, and
the system swaps or kills the app when it tries; so the job is refused first, saying what
it needs, what is free and what would fit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from chatapp.batch.errors import BatchMemoryError
from chatapp.batch.job import BatchJob
from chatapp.engine.batched_generation import CONTEXT_PADDING, row_context
from chatapp.engine.context_policy import USABLE_RAM_FRACTION, ModelShape, kv_bytes_per_token
from chatapp.engine.model_loader import LoadedModel, ModelSummary, model_shape
from chatapp.formatting import format_bytes
from chatapp.hardware import Hardware, detect_hardware
from chatapp.i18n import format_number, translate
from chatapp.models.fit import estimated_kv_bytes_per_token
from chatapp.vocabulary import KvCacheType

# The second context's compute buffers (one 512-token step) and the rows' logits. Measured
# for SmolLM2 at tens of MiB; models with wide layers and 150k-token vocabularies need a
# few hundred, so this errs on their side.
BATCH_COMPUTE_BYTES: Final = 256 * 1024 * 1024


@dataclass(frozen=True)
class BatchMemory:
    """What a batch job's context needs, against what this computer can spare."""

    parallel: int
    tokens_per_row: int  # as the generator makes it: rounded up to 256, capped by the model
    kv_bytes_per_token: int
    kv_cache_type: KvCacheType
    estimated: bool  # the model's header did not say its shape: guessed from its size
    available_bytes: int

    @property
    def kv_cache_bytes(self) -> int:
        return self.parallel * self.tokens_per_row * self.kv_bytes_per_token

    @property
    def needed_bytes(self) -> int:
        return self.kv_cache_bytes + BATCH_COMPUTE_BYTES

    @property
    def budget_bytes(self) -> int:
        """What may be used: the share of free memory a model's load may take too."""
        return int(self.available_bytes * USABLE_RAM_FRACTION)

    @property
    def fits(self) -> bool:
        return self.needed_bytes <= self.budget_bytes

    def most_parallel(self) -> int:
        """Rows at once that would fit at this context (0: not even one)."""
        room = self.budget_bytes - BATCH_COMPUTE_BYTES
        per_row = self.tokens_per_row * self.kv_bytes_per_token
        return max(0, room // per_row) if per_row else self.parallel

    def most_tokens_per_row(self) -> int:
        """Tokens per row that would fit at this many rows at once (a multiple of 256;
        0: not even 256)."""
        room = self.budget_bytes - BATCH_COMPUTE_BYTES
        per_token = self.parallel * self.kv_bytes_per_token
        if not per_token:
            return self.tokens_per_row
        return max(0, room // per_token) // CONTEXT_PADDING * CONTEXT_PADDING


def batch_memory(shape: ModelShape, kv_cache_type: KvCacheType, *, parallel: int,
                 context_per_row: int, hardware: Hardware) -> BatchMemory:
    """The memory ``parallel`` rows of ``context_per_row`` tokens take on a model of this
    shape (its KV bytes per token at ``kv_cache_type``, as model_loader.model_shape says)."""
    per_token = shape.kv_bytes_per_token
    estimated = per_token is None
    if per_token is None:  # the header does not say: guessed from the weights, as in f16
        per_token = kv_bytes_per_token(estimated_kv_bytes_per_token(shape.weights_bytes),
                                       kv_cache_type)
    return BatchMemory(
        parallel=max(1, parallel),
        tokens_per_row=row_context(context_per_row, shape.trained_context),
        kv_bytes_per_token=per_token,
        kv_cache_type=kv_cache_type,
        estimated=estimated,
        available_bytes=hardware.available_ram_bytes,
    )


def model_batch_memory(model: ModelSummary, *, rows: int, parallel: int,
                       context_per_row: int, hardware: Hardware) -> BatchMemory:
    """What a job of ``rows`` rows would take on the loaded model, as check_job_memory
    counts it (for the Batch window to show before Start)."""
    shape = ModelShape(weights_bytes=model.file_size, trained_context=model.trained_context,
                       kv_bytes_per_token=model.kv_bytes_per_token)
    return batch_memory(shape, model.kv_cache_type, parallel=min(parallel, max(1, rows)),
                        context_per_row=min(context_per_row, model.context_length),
                        hardware=hardware)


def check_job_memory(job: BatchJob, model: LoadedModel,
                     hardware: Hardware | None = None) -> BatchMemory:
    """What ``job`` needs on ``model``; BatchMemoryError when it does not fit now.

    Counts every row of the input as if none were done yet (an output being resumed
    needs no more than that), and at most as many rows at once as the input has.
    """
    kv_cache_type = model.engine.settings.kv_cache_type
    memory = batch_memory(model_shape(model.info, kv_cache_type), kv_cache_type,
                          parallel=min(job.parallel, max(1, len(job.source.rows))),
                          context_per_row=job.row_context(model.engine),
                          hardware=hardware or detect_hardware())
    if not memory.fits:
        raise memory_error(memory)
    return memory


def memory_error(memory: BatchMemory) -> BatchMemoryError:
    """What the user reads when ``memory`` does not fit: needed, free, and what to do."""
    def size(n_bytes: int) -> str:
        return format_bytes(n_bytes, binary=True)

    # (A plural's count is a plain name: lupdate's Python parser skips the call otherwise.)
    parallel = memory.parallel
    rows = translate("BatchJob", "1 row") if parallel == 1 else translate(
        "BatchJob", "%n rows at once", "", parallel)
    needs = translate(
        "BatchJob", "Answering {rows} with {tokens} tokens each needs about {needed} of memory "
        "({context} for the rows' context, {cache} cache, and {working} working memory), but "
        "this computer has {free} free now, of which a batch job may use {budget}."
    ) if not memory.estimated else translate(
        "BatchJob", "Answering {rows} with {tokens} tokens each needs an estimated {needed} of "
        "memory ({context} for the rows' context, {cache} cache, and {working} working "
        "memory), but this computer has {free} free now, of which a batch job may use "
        "{budget}.")
    text = needs.format(
        rows=rows, tokens=format_number(memory.tokens_per_row),
        needed=size(memory.needed_bytes), context=size(memory.kv_cache_bytes),
        cache=memory.kv_cache_type, working=size(BATCH_COMPUTE_BYTES),
        free=size(memory.available_bytes), budget=size(memory.budget_bytes))
    most_parallel = memory.most_parallel()
    most_tokens = memory.most_tokens_per_row()
    fewer_rows = 1 <= most_parallel < memory.parallel
    shorter = most_tokens >= CONTEXT_PADDING
    if fewer_rows and shorter:
        advice = translate(
            "BatchJob", "Answer at most {rows} rows at once or give each row at most {tokens} "
            "tokens of context, or close other programs.")
    elif fewer_rows:
        advice = translate("BatchJob",
                           "Answer at most {rows} rows at once, or close other programs.")
    elif shorter:
        advice = translate("BatchJob", "Give each row at most {tokens} tokens of context, or "
                           "close other programs.")
    else:
        advice = translate("BatchJob", "Answer fewer rows at once with a shorter context per "
                           "row, or close other programs to free memory.")
    text += " " + advice.format(rows=format_number(most_parallel),
                                tokens=format_number(most_tokens))
    return BatchMemoryError(
        text, detail=f"parallel={memory.parallel} tokens_per_row={memory.tokens_per_row} "
                     f"kv_bytes_per_token={memory.kv_bytes_per_token} "
                     f"needed={memory.needed_bytes} available={memory.available_bytes}")
