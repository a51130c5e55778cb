"""Many independent prompts answered together in one llama.cpp context.

A CPU decodes one token of eight sequences in little more time than one token of one:
the weights are read from memory once per step either way. So a batch job keeps up to
``parallel`` rows in flight, each its own sequence id in a second llama.cpp context on
the loaded model's weights (no second load), and every step is one ``llama_decode`` of
one batch holding the next token of every row being answered, topped up with prompt
chunks of rows just admitted. A finished row's KV cells are removed and its sequence id
goes to the next row at once (continuous batching).

Every row has its own sampler chain (LlamaEngine.make_sampler), seeded from the row's
key, so a row's reply does not depend on which rows it ran beside. The KV cache is not
unified: each sequence owns ``context_per_row`` cells, which is also the row's limit, and
attention never looks at another row's cells.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from types import TracebackType

import llama_cpp

from chatapp.engine import native_log
from chatapp.engine.errors import EngineError
from chatapp.engine.llama_engine import (
    GenerationStats,
    LlamaEngine,
    Sampling,
    ggml_cache_type,
    needs_flash_attention,
)
from chatapp.i18n import format_number, translate

CONTEXT_PADDING = 256  # llama.cpp's GGML_PAD of n_ctx


def row_context(requested: int, trained_context: int | None) -> int:
    """The tokens each row gets for ``requested``: rounded up to a multiple of 256 and at
    most the model's trained context (also what a batch job's memory check counts)."""
    # llama.cpp pads a context to a multiple of 256 and splits it evenly between the
    # sequences: rows of whole multiples keep every row's share exact.
    per_row = -(-max(requested, 1) // CONTEXT_PADDING) * CONTEXT_PADDING
    # No row needs more than the model was trained for (and llama.cpp does not refuse
    # an absurd context quickly: it tries to set it up).
    if trained_context is not None and trained_context >= CONTEXT_PADDING:
        per_row = min(per_row, trained_context // CONTEXT_PADDING * CONTEXT_PADDING)
    return per_row


@dataclass(frozen=True)
class BatchRequest:
    key: int  # the caller's name for the row (its index); also seeds its sampler
    prompt: Sequence[int]


@dataclass(frozen=True)
class BatchReply:
    key: int
    text: str
    stats: GenerationStats | None  # None when the row failed
    error: EngineError | None = None  # this row alone could not be answered


@dataclass
class _Slot:
    """One sequence id's row while it is being answered."""

    seq_id: int
    request: BatchRequest
    sampler: object
    admitted_at: float
    fed: int = 0  # prompt tokens in the KV cache (or in this step's batch)
    next_token: int | None = None  # sampled, to be decoded in the next step
    logits_index: int = -1  # where this step's batch asks for the row's logits
    generated: int = 0
    stop_reason: str = ""
    first_token_at: float | None = None
    prompt_done_at: float | None = None
    pieces: list[str] = field(default_factory=list)
    decoder: codecs.IncrementalDecoder = field(
        default_factory=lambda: codecs.getincrementaldecoder("utf-8")(errors="replace"))

    @property
    def position(self) -> int:
        """Tokens of this row in the KV cache: the next token's position."""
        return self.fed + max(self.generated - 1, 0)  # the newest token is not in yet


class BatchedGenerator:
    """A context for ``parallel`` rows at once on ``engine``'s model. Use from the
    engine's thread (the two share the tokenizer's buffers); close() frees the context.

    Each row gets ``context_per_row`` tokens rounded up to a multiple of 256, at most the
    model's trained context (the ``context_per_row`` attribute): its prompt and its
    reply must fit in them. The caller checks that ``parallel`` such rows fit in memory.
    EngineError when there is not enough memory for the context.
    """

    def __init__(self, engine: LlamaEngine, *, parallel: int, context_per_row: int,
                 batch_size: int = 512) -> None:
        if parallel < 1:
            raise ValueError("parallel must be at least 1")
        self.engine = engine
        self.parallel = parallel
        self._capacity = max(batch_size, parallel)
        params = llama_cpp.llama_context_default_params()
        per_row = row_context(context_per_row,
                              int(llama_cpp.llama_model_n_ctx_train(engine.llama_model)))
        params.n_ctx = parallel * per_row
        params.n_batch = self._capacity
        params.n_ubatch = self._capacity
        params.n_seq_max = parallel
        params.n_threads = engine.settings.threads
        params.n_threads_batch = engine.settings.threads_batch
        # Rows share no prompt: per-sequence caches let attention skip the others' cells.
        params.kv_unified = False
        # The KV cache type the user chose for the model holds the rows too.
        kv_type = engine.settings.kv_cache_type
        params.type_k = params.type_v = ggml_cache_type(kv_type)
        if needs_flash_attention(kv_type):
            params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_ENABLED
        params.no_perf = True
        native_log.take_recent_problems()
        context = llama_cpp.llama_init_from_model(engine.llama_model, params)
        if not context:
            raise EngineError(
                translate("BatchedGeneration", "There is not enough memory to answer {rows} rows "
                          "at once with {tokens} tokens each. Answer fewer rows at once, or give "
                          "each row a shorter context.").format(
                              rows=format_number(parallel), tokens=format_number(per_row)),
                detail="; ".join(native_log.take_recent_problems()))
        self._ctx = context
        self._memory = llama_cpp.llama_get_memory(context)
        self.context_per_row = int(llama_cpp.llama_n_ctx_seq(context))
        self._batch = llama_cpp.llama_batch_init(self._capacity, 0, 1)
        self._closed = False

    def __enter__(self) -> BatchedGenerator:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        llama_cpp.llama_batch_free(self._batch)
        llama_cpp.llama_free(self._ctx)

    def run(self, requests: Iterable[BatchRequest], sampling: Sampling,
            on_reply: Callable[[BatchReply], None],
            should_stop: Callable[[], bool]) -> bool:
        """Answer ``requests`` (read lazily, as slots free up); each reply goes to
        ``on_reply`` as soon as it is finished, in the order rows finish.

        Returns True when every request was answered, False when ``should_stop`` (asked
        before each step) ended the run: rows in flight then get no reply.
        """
        if self._closed:
            raise ValueError("the batched generator is closed")
        llama_cpp.llama_memory_clear(self._memory, True)
        pending = iter(requests)
        slots: list[_Slot | None] = [None] * self.parallel
        exhausted = False
        try:
            while True:
                if not exhausted:
                    exhausted = self._admit(pending, slots, sampling, on_reply)
                live = [slot for slot in slots if slot is not None]
                if not live:
                    return True
                if should_stop():
                    return False
                self._step(live)
                for slot in live:
                    if slot.logits_index >= 0 and self._sample(slot, sampling):
                        slots[slot.seq_id] = None
                        self._finish(slot, on_reply)
        finally:
            for left in slots:
                if left is not None:
                    llama_cpp.llama_sampler_free(left.sampler)
            llama_cpp.llama_memory_clear(self._memory, True)

    def _admit(self, pending: Iterator[BatchRequest], slots: list[_Slot | None],
               sampling: Sampling, on_reply: Callable[[BatchReply], None]) -> bool:
        """Fill free sequence ids with the next requests; True once none are left."""
        for seq_id, slot in enumerate(slots):
            if slot is not None:
                continue
            while True:
                request = next(pending, None)
                if request is None:
                    return True
                problem = self._refusal(request)
                if problem is None:
                    break
                on_reply(BatchReply(request.key, "", None, problem))
            # Seeded per row: the same row samples the same reply beside any others.
            row_sampling = replace(sampling, seed=(sampling.seed + request.key) & 0xFFFFFFFF)
            sampler, _grammar = self.engine.make_sampler(row_sampling, request.prompt)
            slots[seq_id] = _Slot(seq_id, request, sampler, time.perf_counter())
        return False

    def _refusal(self, request: BatchRequest) -> EngineError | None:
        if not request.prompt:
            return EngineError(translate("BatchedGeneration",
                                         "The prompt is empty: there is nothing to answer."))
        if len(request.prompt) >= self.context_per_row:
            return EngineError(translate(
                "BatchedGeneration", "The prompt ({tokens} tokens) does not fit the context of "
                "one row ({context} tokens). Shorten this row's text, or give each row a longer "
                "context.").format(tokens=format_number(len(request.prompt)),
                                   context=format_number(self.context_per_row)))
        return None

    def _step(self, live: Sequence[_Slot]) -> None:
        """One decode: the next token of each answering row, then prompt chunks."""
        batch = self._batch
        n = 0

        def add(token: int, position: int, seq_id: int, logits: bool) -> None:
            nonlocal n
            batch.token[n] = token
            batch.pos[n] = position
            batch.n_seq_id[n] = 1
            batch.seq_id[n][0] = seq_id
            batch.logits[n] = logits
            n += 1

        for slot in live:
            slot.logits_index = -1
            if slot.next_token is not None:
                slot.logits_index = n
                add(slot.next_token, slot.position, slot.seq_id, True)
        for slot in live:
            prompt = slot.request.prompt
            take = min(len(prompt) - slot.fed, self._capacity - n)
            if take <= 0:
                continue
            for offset in range(take):
                position = slot.fed + offset
                last = position == len(prompt) - 1
                if last:
                    slot.logits_index = n
                add(prompt[position], position, slot.seq_id, last)
            slot.fed += take
        batch.n_tokens = n
        result = llama_cpp.llama_decode(self._ctx, batch)
        if result != 0:
            raise EngineError(
                translate("BatchedGeneration", "The model could not process the batch (llama.cpp "
                          "error {code}). Answer fewer rows at once.").format(code=result),
                detail="; ".join(native_log.take_recent_problems()))

    def _sample(self, slot: _Slot, sampling: Sampling) -> bool:
        """Sample the row's next token; True when the row is finished."""
        now = time.perf_counter()
        if slot.prompt_done_at is None:
            slot.prompt_done_at = now
        token = int(llama_cpp.llama_sampler_sample(slot.sampler, self._ctx,
                                                   slot.logits_index))
        if slot.first_token_at is None:
            slot.first_token_at = now
        slot.next_token = None
        if not sampling.ignore_eos and llama_cpp.llama_vocab_is_eog(self.engine.vocab, token):
            slot.stop_reason = "eos"
            return True
        slot.generated += 1
        piece = slot.decoder.decode(self.engine.token_bytes(token))
        if piece:
            slot.pieces.append(piece)
        if slot.generated >= sampling.max_tokens:
            slot.stop_reason = "length"
        elif slot.fed + slot.generated >= self.context_per_row:
            slot.stop_reason = "context_full"  # no cell left for this token
        else:
            slot.next_token = token
        return slot.next_token is None

    def _finish(self, slot: _Slot, on_reply: Callable[[BatchReply], None]) -> None:
        llama_cpp.llama_sampler_free(slot.sampler)
        llama_cpp.llama_memory_seq_rm(self._memory, slot.seq_id, -1, -1)
        tail = slot.decoder.decode(b"", final=True)
        if tail:
            slot.pieces.append(tail)
        ended = time.perf_counter()
        first = slot.first_token_at if slot.first_token_at is not None else ended
        prompt_done = slot.prompt_done_at if slot.prompt_done_at is not None else ended
        stats = GenerationStats(
            prompt_tokens=len(slot.request.prompt),
            evaluated_prompt_tokens=len(slot.request.prompt),
            generated_tokens=slot.generated,
            ttft_s=first - slot.admitted_at,
            prompt_eval_s=prompt_done - slot.admitted_at,
            generation_s=ended - first,
            stop_reason=slot.stop_reason,
        )
        on_reply(BatchReply(slot.request.key, "".join(slot.pieces), stats))

