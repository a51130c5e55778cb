"""Which quantization of a model to download: the best quality that is still fast enough.

A model offered in several quantizations is the same network at different precisions: the
larger file keeps more of the original's quality and, on a CPU, answers more slowly (every
token reads every weight). So the advice is the largest file that fits in memory and still
generates at least the user's minimum speed (Settings.min_tokens_per_s), with the reason in
words, naming what the next better one would cost: "Q4_K_M: 2.5 GB, about 11 tokens/s
here; Q8_0 would run at about 6".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chatapp.formatting import format_bytes
from chatapp.models.speed_estimate import SpeedPrediction, format_rate

__all__ = ["QuantAdvice", "QuantOption", "advise"]


@dataclass(frozen=True)
class QuantOption:
    name: str  # what the user sees: the quantization ("Q4_K_M"), else the file's name
    size_bytes: int
    speed: SpeedPrediction
    fits: bool  # in this computer's memory as it is now (fit.Fit.FITS)


@dataclass(frozen=True)
class QuantAdvice:
    choice: QuantOption | None  # None: nothing fits
    reason: str


def advise(options: Sequence[QuantOption], min_tokens_per_s: float) -> QuantAdvice:
    """The option to recommend among ``options`` (one model's quantizations), and why."""
    if not options:
        return QuantAdvice(None, "")
    fitting = [o for o in options if o.fits]
    if not fitting:
        smallest = min(options, key=lambda o: o.size_bytes)
        return QuantAdvice(None, f"None of these files fits in this computer's memory; even "
                                 f"{smallest.name} ({format_bytes(smallest.size_bytes)}) "
                                 "needs more.")
    fast = [o for o in fitting if o.speed.generation_tokens_per_s >= min_tokens_per_s]
    if not fast:
        choice = max(fitting, key=lambda o: o.speed.generation_tokens_per_s)
        return QuantAdvice(choice, f"{_about(choice)}, the fastest that fits; none reaches "
                                   f"{format_rate(min_tokens_per_s)} tokens/s on this "
                                   "computer.")
    choice = max(fast, key=lambda o: o.size_bytes)
    better = sorted((o for o in options if o.size_bytes > choice.size_bytes),
                    key=lambda o: o.size_bytes)
    if not better:
        return QuantAdvice(choice, f"{_about(choice)}; the best quality offered.")
    following = better[0]
    if not following.fits:
        return QuantAdvice(choice, f"{_about(choice)}; {following.name} would not fit in "
                                   "memory.")
    return QuantAdvice(choice, f"{_about(choice)}; {following.name} would run at about "
                               f"{format_rate(following.speed.generation_tokens_per_s)}.")


def _about(option: QuantOption) -> str:
    return (f"{option.name}: {format_bytes(option.size_bytes)}, about "
            f"{format_rate(option.speed.generation_tokens_per_s)} tokens/s here")
