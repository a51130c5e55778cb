"""Searching the chats and finding text in one: the parts that need no Qt.

Search as you type runs one query at a time on the history thread and shows only the
answer to what the field says now (:class:`LatestQuery`). Find in a chat looks through
the texts of its branch on screen (:func:`find_matches`) and steps through the matches
(:func:`step`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from chatapp.history.store import MATCH_END, MATCH_START

__all__ = ["FindMatch", "LatestQuery", "find_matches", "find_spans", "hit_date",
           "snippet_runs", "step"]


class LatestQuery:
    """Which query to run, and whether an answer may be shown.

    One query runs at a time: text typed meanwhile waits, and when the running one
    answers, only the newest text waiting is run (the ones typed between are never
    asked). An answer is shown only if it answers what the field says now, so a slow
    answer to "pyt" never replaces the one to "python". Blank text asks nothing.
    """

    def __init__(self) -> None:
        self.wanted = ""  # what the field says now
        self.running: str | None = None

    def typed(self, text: str) -> str | None:
        """The field now says ``text``: the query to start now, if any."""
        self.wanted = text
        if self.running is not None or not text.strip():
            return None
        self.running = text
        return text

    def answered(self, query: str) -> tuple[bool, str | None]:
        """The running ``query`` answered (or failed): whether to show its answer, and
        the query to start next, if any."""
        if query != self.running:
            raise ValueError(f"{query!r} was not the query running")
        self.running = None
        if query == self.wanted:
            return True, None
        return False, self.typed(self.wanted)


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text``, ignoring case: (start, length), in order and
    not overlapping. Offsets are into ``text`` itself (lower-casing first would shift
    them: "İ".lower() is two characters)."""
    if not needle:
        return []
    return [(m.start(), m.end() - m.start())
            for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


@dataclass(frozen=True, order=True, slots=True)
class FindMatch:
    item: int  # which text (a message of the branch, first to last)
    start: int
    length: int


def find_matches(texts: Sequence[str], needle: str) -> list[FindMatch]:
    """Every match of ``needle`` in ``texts``, in reading order."""
    return [FindMatch(item, start, length) for item, text in enumerate(texts)
            for start, length in find_spans(text, needle)]


def step(matches: Sequence[FindMatch], current: int | None, forward: bool) -> int | None:
    """The match after (or before) ``current``, going round at either end; the first
    (or last) when there is none yet. None when there are no matches."""
    if not matches:
        return None
    if current is None:
        return 0 if forward else len(matches) - 1
    return (current + (1 if forward else -1)) % len(matches)


def snippet_runs(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet as runs of text, each a match or not, on one line (its line
    breaks and runs of spaces become single spaces). The text is never markup: the
    panel draws it as it is."""
    runs: list[tuple[str, bool]] = []
    marked = False
    for part in re.split(f"({MATCH_START}|{MATCH_END})", " ".join(snippet.split())):
        if part in (MATCH_START, MATCH_END):
            marked = part == MATCH_START
        elif part:
            runs.append((part, marked))
    return runs


# In English like the rest of the app: strftime's %b follows the C locale, which Qt sets
# from the environment.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def hit_date(timestamp: float, now: float | None = None) -> str:
    """A search result's date, as short as is clear: "14:32" today, "3 Mar" this year,
    "3 Mar 2023" before (local time)."""
    when = datetime.fromtimestamp(timestamp)
    today = datetime.fromtimestamp(time.time() if now is None else now)
    if when.date() == today.date():
        return f"{when:%H:%M}"
    day = f"{when.day} {_MONTHS[when.month - 1]}"
    return day if when.year == today.year else f"{day} {when.year}"
