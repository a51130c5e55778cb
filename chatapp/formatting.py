"""Numbers as people read them: file sizes, parameter counts, durations, token counts."""

from __future__ import annotations


def format_bytes(size: float, *, binary: bool = False) -> str:
    """Sizes for people: "512 bytes", "98.4 MB", "4.1 GB", "128 GB".

    Files and downloads count in thousands, as file managers and the hub show them;
    memory (``binary=True``) in 1024s, as operating systems report RAM. Below 100 of a
    unit one decimal is shown (without a trailing ".0"), above it none.
    """
    step = 1024 if binary else 1000
    if size < step:
        count = max(0, round(size))
        return f"{count:,} byte{'s' if count != 1 else ''}"
    value = float(size)
    for unit in _UNITS:
        value /= step
        shown = round(value, 1) if value < 100 else round(value)
        if shown < step or unit == _UNITS[-1]:
            if shown >= 100:
                return f"{shown:,.0f} {unit}"
            return f"{shown:.1f}".removesuffix(".0") + f" {unit}"
    raise AssertionError("unreachable")


_UNITS = ("KB", "MB", "GB", "TB", "PB")


def format_parameters(count: int) -> str:
    if count >= 1e9:
        return f"{count / 1e9:.1f}B"
    if count >= 1e6:
        return f"{count / 1e6:.0f}M"
    return f"{count:,}"


def format_duration(seconds: float) -> str:
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    if seconds < 3600:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


def format_elapsed(seconds: float) -> str:
    """How long something took: "0.4 s", "7 s", "12 s", "1 min 5 s", "1 h 2 min".

    Finer than ``format_duration`` (an estimate of what is left, rounded to what one
    can plan by): a measured time keeps a decimal below ten seconds, and minutes keep
    their seconds.
    """
    if seconds < 10:
        return f"{max(0.0, round(seconds, 1)):.1f}".removesuffix(".0") + " s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        minutes, rest = divmod(whole, 60)
        return f"{minutes} min {rest} s" if rest else f"{minutes} min"
    hours, rest = divmod(round(whole / 60), 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def format_context(used: int, total: int) -> str:
    return f"{used:,} / {total:,} tokens"
