"""How much context and how many threads a model gets on this computer.

A model's metadata states the longest context it was trained for; that is a ceiling,
not a setting. The KV cache grows linearly with the context, so a 128k-token model
asked for its full context could need more memory than the computer has. The app
picks the largest context that fits, unless the user asked for less.
"""

from __future__ import annotations

from dataclasses import dataclass

from chatapp.hardware import Hardware

DEFAULT_CONTEXT = 4096
MIN_CONTEXT = 512
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


def ram_needed(shape: ModelShape, context_length: int) -> int:
    kv = (shape.kv_bytes_per_token or 0) * context_length
    return shape.weights_bytes + kv + RUNTIME_OVERHEAD_BYTES


def choose_context_length(shape: ModelShape, requested: int, hardware: Hardware) -> ContextChoice:
    """The context to load with: requested (0 = auto), capped by training and by memory."""
    wanted = requested if requested > 0 else DEFAULT_CONTEXT
    reason = "as set" if requested > 0 else "default"
    if shape.trained_context and wanted > shape.trained_context:
        wanted = shape.trained_context
        reason = "the model's maximum"
    budget = int(hardware.available_ram_bytes * USABLE_RAM_FRACTION)
    context = wanted
    while context > MIN_CONTEXT and ram_needed(shape, context) > budget:
        context //= 2
    if context < wanted:
        reason = "limited by this computer's free memory"
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
