"""GBNF grammars that make the non-thinking test model write as reasoning models do.

llama.cpp's grammar sampler constrains SmolLM2's output to a thought and an answer in
each convention, so the real engine, parser, view and store see what Qwen3, Magistral
or gpt-oss write. The thought may end anywhere (the thinking budget may close it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from chatapp.api import jobs
from chatapp.conversation import reply_runner

_TAIL = r'''
thought ::= [a-z ]{20,80}
answer ::= [A-Z] [a-z ]{5,30} "."
'''
THINK_TAGS = r'root ::= "<think>\n" thought "</think>\n\n" answer' + _TAIL
THINK_BRACKETS = r'root ::= "[THINK]" thought "[/THINK]" answer' + _TAIL
HARMONY = (r'root ::= "<|channel|>analysis<|message|>" thought '
           r'"<|end|><|start|>assistant<|channel|>final<|message|>" answer "<|return|>"'
           + _TAIL)


def with_thought(grammar: str, low: int, high: int) -> str:
    """The grammar with a thought of ``low`` to ``high`` characters. Keep them small: a
    bounded repetition of hundreds makes llama.cpp's grammar sampler slow."""
    return grammar.replace("{20,80}", f"{{{low},{high}}}")


@contextmanager
def replies_follow(grammar: str) -> Iterator[None]:
    """Every reply the app writes meanwhile follows ``grammar`` (in this process)."""
    original = reply_runner.sampling_from

    def constrained(*args: Any, **kwargs: Any) -> Any:
        kwargs["grammar"] = grammar
        return original(*args, **kwargs)

    reply_runner.sampling_from = constrained
    try:
        yield
    finally:
        reply_runner.sampling_from = original


@contextmanager
def api_replies_follow(grammar: str) -> Iterator[None]:
    """Every answer chatapp's API server (chatapp.api) writes meanwhile follows
    ``grammar`` (in this process)."""
    original = jobs.sampling_for

    def constrained(*args: Any, **kwargs: Any) -> Any:
        sampling = original(*args, **kwargs)
        return type(sampling)(**{**sampling.__dict__, "grammar": grammar})

    jobs.sampling_for = constrained
    try:
        yield
    finally:
        jobs.sampling_for = original
