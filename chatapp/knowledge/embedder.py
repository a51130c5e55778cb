"""What the index needs of an embedding model, as a structural type.

The knowledge package sits beside the engine, not above it, so it cannot import the
engine's llama.cpp embedder; anything with these three members fits (the engine's
``LlamaEmbedder`` does, and so can a test's or a tool's).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

__all__ = ["Embedder"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors that can be compared by their dot product."""

    @property
    def model_id(self) -> str:
        """Identifies the vectors (the model file's name with its hash or size): vectors
        of another ``model_id`` are not comparable, so the index re-embeds."""
        ...

    @property
    def dimensions(self) -> int:
        """The length of every vector."""
        ...

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One L2-normalized vector per text, in order."""
        ...
