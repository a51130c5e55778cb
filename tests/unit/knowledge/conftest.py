"""Helpers shared by the knowledge tests: passages and hand-made unit vectors."""

from __future__ import annotations

import math
from collections.abc import Sequence

from chatapp.documents.chunking import Passage


def passages_of(texts: Sequence[str]) -> list[Passage]:
    """Passages as split_passages gives them, for texts joined by one space."""
    found, start = [], 0
    for index, text in enumerate(texts):
        found.append(Passage(index, text, start, start + len(text), heading=f"Part {index}"))
        start += len(text) + 1
    return found


def unit(*values: float, dimensions: int = 4) -> list[float]:
    """An L2-normalized vector, padded with zeros to ``dimensions``."""
    padded = [*values, *([0.0] * (dimensions - len(values)))]
    norm = math.sqrt(sum(v * v for v in padded))
    return [v / norm for v in padded]
