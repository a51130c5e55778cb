"""How much context and how many threads a model gets on this computer.

A model's metadata states the longest context it was trained for; that is a ceiling,
not a setting. The KV cache grows linearly with the context, so a 128k-token model
asked for its full context could need more memory than the computer has. The app
picks the largest context that fits, unless the user asked for less.
"""

from __future__ import annotations

from dataclasses import dataclass

from chatapp.hardware import Hardware
from chatapp.i18n import translate
from chatapp.vocabulary import KvCacheType

# "Auto" takes the largest context that fits, up to the model's maximum and this cap: a
# reasoning model thinks for thousands of tokens, and a long chat should not lose its
# start; beyond 32k, prompt processing on a CPU gets too slow for chat.
AUTO_CONTEXT_CAP = 32768
# When a model does not state its maximum.
DEFAULT_CONTEXT = 4096
MIN_CONTEXT = 512
# Contexts are chosen in these steps (llama.cpp pads the context to 256 anyway).
CONTEXT_STEP = 1024
# Room for llama.cpp's compute buffers, the app itself and the desktop around it.
RUNTIME_OVERHEAD_BYTES = 400 * 1024 * 1024
# Leave part of available memory to the rest of the system.
USABLE_RAM_FRACTION = 0.8


@dataclass(frozen=True)
class ModelShape:
    """What the context choice needs to know of a model (read from its GGUF header)."""

    weights_bytes: int
    trained_context: int | None
    kv_bytes_per_token: int | None


@dataclass(frozen=True)
class ContextChoice:
    context_length: int
    reason: str
    ram_needed_bytes: int


def kv_bytes_per_token(f16_bytes_per_token: int, kv_cache_type: KvCacheType) -> int:
    """The KV cache per token with ``kv_cache_type``, from its size in f16 (what the GGUF
    header's shape gives): q8_0 takes 34/64 of it, q4_0 18/64."""
    return round(f16_bytes_per_token * kv_cache_type.bytes_per_value
                 / KvCacheType.F16.bytes_per_value)


def ram_needed(shape: ModelShape, context_length: int) -> int:
    kv = (shape.kv_bytes_per_token or 0) * context_length
    return shape.weights_bytes + kv + RUNTIME_OVERHEAD_BYTES


def choose_context_length(shape: ModelShape, requested: int, hardware: Hardware) -> ContextChoice:
    """The context to load with: requested (0 = auto), capped by training and by memory.

    Auto is the largest that fits this computer's free memory, up to the model's maximum
    and AUTO_CONTEXT_CAP.
    """
    if requested > 0:
        wanted, reason = requested, translate("ContextPolicy", "as set")
    elif shape.trained_context:
        wanted = min(shape.trained_context, AUTO_CONTEXT_CAP)
        reason = translate("ContextPolicy", "automatic")
    else:
        wanted = DEFAULT_CONTEXT
        reason = translate("ContextPolicy", "automatic (the model does not state its maximum)")
    if shape.trained_context and wanted > shape.trained_context:
        wanted = shape.trained_context
        reason = translate("ContextPolicy", "the model's maximum")
    budget = int(hardware.available_ram_bytes * USABLE_RAM_FRACTION)
    context = wanted
    if ram_needed(shape, context) > budget:
        kv = shape.kv_bytes_per_token or 0
        room = budget - ram_needed(shape, 0)
        fitting = room // kv if kv and room > 0 else 0
        context = max(MIN_CONTEXT, fitting // CONTEXT_STEP * CONTEXT_STEP) \
            if fitting >= CONTEXT_STEP else MIN_CONTEXT
        context = min(context, wanted)
        reason = translate("ContextPolicy", "limited by this computer's free memory")
    context = max(context, min(MIN_CONTEXT, wanted))
    return ContextChoice(context, reason, ram_needed(shape, context))


def choose_threads(requested: int, hardware: Hardware) -> tuple[int, int]:
    """Threads for generation and for prompt processing.

    Generation is memory-bound: more threads than physical cores only fight over the
    memory bus and the caches, so it gets the physical cores. Prompt processing is
    compute-bound and may use every logical core.
    """
    if requested > 0:
        return requested, requested
    return hardware.physical_cores, hardware.logical_cores
