"""Will a model fit in this computer's memory? The badge next to each model, and its tooltip.

Memory needed is what the engine will really use: the weights (llama.cpp maps the whole file),
the KV cache for the context the app will load with (layers x KV heads x (key + value head size)
x tokens x the bytes a value takes in the user's KV cache type: 2 for f16, 34/32 for q8_0, 18/32
for q4_0), and a fixed allowance for compute buffers and the app itself. The
numbers and the context rule are the engine's own (chatapp.engine.context_policy), so the badge
and the load agree.

The verdict, against this computer's memory:

* fits: needed <= 80 % of the memory free now. That is the budget choose_context_length
  uses, so the model loads at this context without shrinking it, and the rest stays free for
  the system and other programs.
* tight: more than that, but within 80 % of the total memory: it can run, but only by leaving
  other programs little room (or after closing some of them).
* too large: more than 80 % of the total memory. Even with every other program closed, the
  system and desktop need the rest; the computer would swap or the load would fail.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import Final

from chatapp.engine.context_policy import (
    DEFAULT_CONTEXT,
    RUNTIME_OVERHEAD_BYTES,
    USABLE_RAM_FRACTION,
    ModelShape,
    kv_bytes_per_token,
    ram_needed,
)
from chatapp.formatting import format_bytes
from chatapp.gguf.inspect import GgufInfo
from chatapp.gguf.model_role import is_embedding_model
from chatapp.hardware import Hardware
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.models.catalog import CatalogEntry, ModelKind
from chatapp.vocabulary import KvCacheType

__all__ = [
    "Fit",
    "MemoryFit",
    "assess",
    "estimated_kv_bytes_per_token",
    "fit_for_entry",
    "fit_for_file_size",
    "fit_for_gguf",
]

# When only a file's size is known, its KV cache per token is guessed as size / 8192, kept
# between 32 KiB and 160 KiB. For every model of 1 GB or more in the catalog this is at or above
# the real value (grouped-query-attention models of 1-8B need 28-144 KiB per token); a model
# without grouped-query attention can need more, which is why the result says "estimate".
_ESTIMATE_SIZE_PER_KV_BYTE: Final = 8192
_ESTIMATE_MIN_KV_PER_TOKEN: Final = 32 * 1024
_ESTIMATE_MAX_KV_PER_TOKEN: Final = 160 * 1024



class Fit(enum.Enum):
    FITS = "fits"
    TIGHT = "tight"
    TOO_LARGE = "too large"

    @property
    def label(self) -> str:
        """The badge's text."""
        return translate("ModelFit", _LABELS[self.value])


_LABELS: Final = {
    "fits": QT_TRANSLATE_NOOP("ModelFit", "Fits"),
    "tight": QT_TRANSLATE_NOOP("ModelFit", "Tight"),
    "too large": QT_TRANSLATE_NOOP("ModelFit", "Too large"),
}


@dataclass(frozen=True)
class MemoryFit:
    fit: Fit
    needed_bytes: int
    weights_bytes: int
    kv_cache_bytes: int
    overhead_bytes: int
    context_length: int
    estimated: bool  # the model's shape was guessed from its file size
    total_ram_bytes: int
    available_ram_bytes: int
    explanation: str  # for the badge's tooltip
    kv_cache_type: KvCacheType = KvCacheType.F16
    kv_bytes_per_token: int = 0  # context memory per token with that type

    @property
    def label(self) -> str:
        return self.fit.label


def assess(
    shape: ModelShape,
    hardware: Hardware,
    *,
    context_length: int = 0,
    estimated: bool = False,
    kv_cache_type: KvCacheType = KvCacheType.F16,
) -> MemoryFit:
    """The verdict for a model of this shape (its KV cache per token in f16) at a context
    length (0: Auto, judged at the default context, which Auto gives any model that fits,
    and more where memory allows), with the KV cache in ``kv_cache_type``.

    The context is capped at the model's trained maximum, as the engine does.
    """
    context = context_length if context_length > 0 else DEFAULT_CONTEXT
    if shape.trained_context:
        context = min(context, shape.trained_context)
    per_token = kv_bytes_per_token(shape.kv_bytes_per_token or 0, kv_cache_type)
    needed = ram_needed(replace(shape, kv_bytes_per_token=per_token), context)
    kv_cache = per_token * context
    # Same integer budget as choose_context_length, so "fits" means it loads as is.
    free_budget = int(hardware.available_ram_bytes * USABLE_RAM_FRACTION)
    total_budget = int(hardware.total_ram_bytes * USABLE_RAM_FRACTION)
    if needed <= free_budget:
        fit = Fit.FITS
    elif needed <= total_budget:
        fit = Fit.TIGHT
    else:
        fit = Fit.TOO_LARGE
    explanation = _explain(
        fit,
        hardware,
        needed=needed,
        weights=shape.weights_bytes,
        kv_cache=kv_cache,
        context=context,
        estimated=estimated,
        per_token=per_token,
        kv_cache_type=kv_cache_type,
    )
    return MemoryFit(
        fit=fit,
        needed_bytes=needed,
        weights_bytes=shape.weights_bytes,
        kv_cache_bytes=kv_cache,
        overhead_bytes=RUNTIME_OVERHEAD_BYTES,
        context_length=context,
        estimated=estimated,
        total_ram_bytes=hardware.total_ram_bytes,
        available_ram_bytes=hardware.available_ram_bytes,
        explanation=explanation,
        kv_cache_type=kv_cache_type,
        kv_bytes_per_token=per_token,
    )


def fit_for_entry(
    entry: CatalogEntry, hardware: Hardware, *, context_length: int = 0,
    kv_cache_type: KvCacheType = KvCacheType.F16,
) -> MemoryFit:
    """A catalog model: its file size and its shape are known exactly. An embedding model
    keeps no KV cache (llama.cpp makes no memory for encoders)."""
    shape = ModelShape(
        weights_bytes=entry.size_bytes,
        trained_context=entry.context_length,
        kv_bytes_per_token=0 if entry.kind is ModelKind.EMBEDDING
        else entry.kv_cache_bytes_per_token(),
    )
    return assess(shape, hardware, context_length=context_length, kv_cache_type=kv_cache_type)


def fit_for_gguf(info: GgufInfo, hardware: Hardware, *, context_length: int = 0,
                 kv_cache_type: KvCacheType = KvCacheType.F16) -> MemoryFit:
    """A model whose GGUF header was read: a local file, or a remote file's first bytes.

    The weights are the tensor data the header lists (what model_loader uses too). For part 1
    of a split model only that part's tensors are listed: the whole is estimated as that many
    times the number of parts.
    """
    estimated = False
    weights = info.tensor_data_bytes
    if info.split_count is not None and info.split_count > 1:
        weights *= info.split_count
        estimated = True
    kv_per_token = info.kv_cache_bytes_per_token()
    if is_embedding_model(info):
        kv_per_token = 0  # an encoder keeps no KV cache
    elif kv_per_token is None:  # the header lacks head counts or sizes
        kv_per_token = estimated_kv_bytes_per_token(weights)
        estimated = True
    shape = ModelShape(
        weights_bytes=weights,
        trained_context=info.context_length,
        kv_bytes_per_token=kv_per_token,
    )
    return assess(shape, hardware, context_length=context_length, estimated=estimated,
                  kv_cache_type=kv_cache_type)


def fit_for_file_size(
    size_bytes: int, hardware: Hardware, *, context_length: int = 0,
    kv_cache_type: KvCacheType = KvCacheType.F16,
) -> MemoryFit:
    """Only the file's size is known (a search result before its header is fetched)."""
    if size_bytes <= 0:
        raise ValueError("a model file's size must be positive")
    shape = ModelShape(
        weights_bytes=size_bytes,
        trained_context=None,
        kv_bytes_per_token=estimated_kv_bytes_per_token(size_bytes),
    )
    return assess(shape, hardware, context_length=context_length, estimated=True,
                  kv_cache_type=kv_cache_type)


def estimated_kv_bytes_per_token(weights_bytes: int) -> int:
    """A guess of the KV cache per token from the weights' size alone (see the constants)."""
    guess = weights_bytes // _ESTIMATE_SIZE_PER_KV_BYTE
    return max(_ESTIMATE_MIN_KV_PER_TOKEN, min(guess, _ESTIMATE_MAX_KV_PER_TOKEN))


def _memory(n_bytes: int) -> str:
    return format_bytes(n_bytes, binary=True)


def _explain(
    fit: Fit,
    hardware: Hardware,
    *,
    needed: int,
    weights: int,
    kv_cache: int,
    context: int,
    estimated: bool,
    per_token: int,
    kv_cache_type: KvCacheType,
) -> str:
    # The type is named: the user chose it in Settings, and it halves or quarters this.
    tokens = format_number(context)
    if per_token:
        breakdown = translate(
            "ModelFit", "{weights} weights + {context_memory} context memory for {tokens} tokens "
            "({per_token} per token with {kv_cache_type}) + {working} working memory").format(
                weights=_memory(weights), context_memory=_memory(kv_cache), tokens=tokens,
                per_token=_memory(per_token), kv_cache_type=kv_cache_type,
                working=_memory(RUNTIME_OVERHEAD_BYTES))
    else:
        breakdown = translate(
            "ModelFit", "{weights} weights + {context_memory} context memory for {tokens} tokens "
            "+ {working} working memory").format(
                weights=_memory(weights), context_memory=_memory(kv_cache), tokens=tokens,
                working=_memory(RUNTIME_OVERHEAD_BYTES))
    if estimated:
        text = translate(
            "ModelFit", "Estimated from the file size: needs about {needed} ({breakdown}); this "
            "computer has {total}, {free} free now.")
    else:
        text = translate(
            "ModelFit", "Needs about {needed} ({breakdown}); this computer has {total}, {free} "
            "free now.")
    text = text.format(needed=_memory(needed), breakdown=breakdown,
                       total=_memory(hardware.total_ram_bytes),
                       free=_memory(hardware.available_ram_bytes))
    if fit is Fit.TIGHT:
        if needed <= hardware.available_ram_bytes:
            text += " " + translate("ModelFit", "It would leave little memory for other programs.")
        else:
            text += " " + translate(
                "ModelFit", "Close other programs first: it needs more than is free now.")
    elif fit is Fit.TOO_LARGE:
        text += " " + translate(
            "ModelFit", "That is more than this computer can spare even with other programs "
            "closed; choose a smaller model or a smaller quantization.")
    return text
