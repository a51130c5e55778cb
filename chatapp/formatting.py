"""Numbers as people read them: file sizes, parameter counts, durations, token counts.

Digits, separators and unit words follow the user's language (chatapp.i18n); without a
translator installed (the command line, the tests) they read as in English.
"""

from __future__ import annotations

from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate


def format_bytes(size: float, *, binary: bool = False) -> str:
    """Sizes for people: "512 bytes", "98.4 MB", "4.1 GB", "128 GB".

    Files and downloads count in thousands, as file managers and the hub show them;
    memory (``binary=True``) in 1024s, as operating systems report RAM. Below 100 of a
    unit one decimal is shown (without a trailing ".0"), above it none.
    """
    step = 1024 if binary else 1000
    if size < step:
        count = max(0, round(size))
        if count == 1:  # its own string: "%n bytes" has no singular in English's source
            return translate("Formatting", "1 byte")
        return translate("Formatting", "%n bytes", "", count)
    value = float(size)
    for unit in _UNITS:
        value /= step
        shown = round(value, 1) if value < 100 else round(value)
        if shown < step or unit == _UNITS[-1]:
            decimals = 0 if shown >= 100 or shown == int(shown) else 1
            return translate("Formatting", unit).format(size=format_number(shown, decimals))
    raise AssertionError("unreachable")


_UNITS = (
    QT_TRANSLATE_NOOP("Formatting", "{size} KB"),
    QT_TRANSLATE_NOOP("Formatting", "{size} MB"),
    QT_TRANSLATE_NOOP("Formatting", "{size} GB"),
    QT_TRANSLATE_NOOP("Formatting", "{size} TB"),
    QT_TRANSLATE_NOOP("Formatting", "{size} PB"),
)


def format_parameters(count: int) -> str:
    if count >= 1e9:
        return translate("Formatting", "{count}B").format(count=format_number(count / 1e9, 1))
    if count >= 1e6:
        return translate("Formatting", "{count}M").format(count=format_number(count / 1e6, 0))
    return format_number(count)


def format_duration(seconds: float) -> str:
    if seconds < 60:
        return _seconds(format_number(max(1, round(seconds))))
    if seconds < 3600:
        return translate("Formatting", "{minutes} min").format(
            minutes=format_number(round(seconds / 60)))
    return translate("Formatting", "{hours} h").format(hours=format_number(seconds / 3600, 1))


def format_elapsed(seconds: float) -> str:
    """How long something took: "0.4 s", "7 s", "12 s", "1 min 5 s", "1 h 2 min".

    Finer than ``format_duration`` (an estimate of what is left, rounded to what one
    can plan by): a measured time keeps a decimal below ten seconds, and minutes keep
    their seconds.
    """
    if seconds < 10:
        shown = max(0.0, round(seconds, 1))
        return _seconds(format_number(shown, 0 if shown == int(shown) else 1))
    whole = round(seconds)
    if whole < 60:
        return _seconds(format_number(whole))
    if whole < 3600:
        minutes, rest = divmod(whole, 60)
        if not rest:
            return translate("Formatting", "{minutes} min").format(minutes=format_number(minutes))
        return translate("Formatting", "{minutes} min {seconds} s").format(
            minutes=format_number(minutes), seconds=format_number(rest))
    hours, rest = divmod(round(whole / 60), 60)
    if not rest:
        return translate("Formatting", "{hours} h").format(hours=format_number(hours))
    return translate("Formatting", "{hours} h {minutes} min").format(
        hours=format_number(hours), minutes=format_number(rest))


def _seconds(shown: str) -> str:
    return translate("Formatting", "{seconds} s").format(seconds=shown)


def format_context(used: int, total: int) -> str:
    return translate("Formatting", "{used} / {total} tokens").format(
        used=format_number(used), total=format_number(total))
