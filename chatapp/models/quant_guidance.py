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
from chatapp.i18n import translate
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
        return QuantAdvice(None, translate(
            "QuantGuidance", "None of these files fits in this computer's memory; even {name} "
            "({size}) needs more.").format(name=smallest.name,
                                           size=format_bytes(smallest.size_bytes)))
    fast = [o for o in fitting if o.speed.generation_tokens_per_s >= min_tokens_per_s]
    if not fast:
        choice = max(fitting, key=lambda o: o.speed.generation_tokens_per_s)
        return QuantAdvice(choice, translate(
            "QuantGuidance", "{choice}, the fastest that fits; none reaches {rate} tokens/s on "
            "this computer.").format(choice=_about(choice), rate=format_rate(min_tokens_per_s)))
    choice = max(fast, key=lambda o: o.size_bytes)
    better = sorted((o for o in options if o.size_bytes > choice.size_bytes),
                    key=lambda o: o.size_bytes)
    if not better:
        return QuantAdvice(choice, translate(
            "QuantGuidance", "{choice}; the best quality offered.").format(choice=_about(choice)))
    following = better[0]
    if not following.fits:
        return QuantAdvice(choice, translate(
            "QuantGuidance", "{choice}; {next} would not fit in memory.").format(
                choice=_about(choice), next=following.name))
    return QuantAdvice(choice, translate(
        "QuantGuidance", "{choice}; {next} would run at about {rate}.").format(
            choice=_about(choice), next=following.name,
            rate=format_rate(following.speed.generation_tokens_per_s)))


def _about(option: QuantOption) -> str:
    return translate("QuantGuidance", "{name}: {size}, about {rate} tokens/s here").format(
        name=option.name, size=format_bytes(option.size_bytes),
        rate=format_rate(option.speed.generation_tokens_per_s))
