"""Names inside translated sentences, kept apart from the sentence's writing direction.

A sentence's direction is that of its first strong letter: an Arabic message that starts
with a repository id ("someone/model: 2 GGUF models") would run left to right as a whole,
and a path's leading slash would jump to its other end. A Unicode first-strong isolate
around each name (what a browser's <bdi> does) keeps the name and the sentence each in
their own direction; it is invisible.
"""

from __future__ import annotations

from pathlib import PurePath

_FIRST_STRONG_ISOLATE = "\u2068"
_POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolated(name: str | PurePath) -> str:
    """``name`` (a file, model, repository, path or query) to put inside a sentence."""
    return f"{_FIRST_STRONG_ISOLATE}{name}{_POP_DIRECTIONAL_ISOLATE}"
