"""Reading untrusted JSON: every value checked for its type and bounded in size, every
refusal naming where in the file it is ("chat 2, message 14: ...")."""

from __future__ import annotations

import heapq
import json
import math
import re
from collections.abc import Hashable
from datetime import UTC, datetime
from typing import Final, NoReturn

from chatapp.exchange.errors import ImportRefusedError
from chatapp.exchange.limits import (
    MAX_COUNT,
    MAX_SETTINGS_CHARS,
    MAX_SETTINGS_DEPTH,
    MAX_SHORT_CHARS,
)

__all__ = ["Fields", "decode_utf8", "load_json", "parents_first", "refuse"]


# The moments a date-time can name in UTC (years 1 to 9999), as seconds since 1970: an
# export writes every date back as one.
EARLIEST: Final = datetime(1, 1, 1, tzinfo=UTC).timestamp()
LATEST: Final = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()


def refuse(reason: str, detail: str | None = None) -> NoReturn:
    raise ImportRefusedError(f"This file cannot be imported: {reason}. Nothing was imported.",
                             detail)


def decode_utf8(data: bytes, what: str = "it") -> str:
    """Text, strictly (a byte-order mark is allowed and dropped)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        refuse(f"{what} is not UTF-8 text (at byte {error.start:,})")


_SURROGATES: Final = re.compile("[\ud800-\udfff]")


def _unicode(text: str) -> str:
    """JSON can escape half of a surrogate pair ("\\ud800"), which no UTF-8 file or
    SQLite text can hold: it becomes U+FFFD, as a broken paste does in the history."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", text)
    return text


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 reads as infinity
        raise ValueError(f"{text[:40]} is too large a number")
    return value


def load_json(text: str, where: str = "it") -> object:
    """JSON, strictly: NaN, Infinity and numbers too large for a float are refused, and
    so is nesting so deep that the parser runs out of stack (Python's json raises
    RecursionError for it)."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except RecursionError:
        refuse(f"{where} nests its JSON too deeply")
    except ValueError as error:  # JSONDecodeError, NaN, an integer of 5,000 digits
        refuse(f"{where} is not valid JSON ({error})")


def _depth(value: object, limit: int) -> bool:
    """Whether ``value`` nests no deeper than ``limit`` (iterative: no recursion)."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: list[object] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if level >= limit:
            return False
        stack.extend((child, level + 1) for child in children)
    return True


class Fields:
    """A JSON object read field by field; a wrong field refuses the whole file."""

    def __init__(self, value: object, where: str) -> None:
        if not isinstance(value, dict):
            refuse(f"{where} is not a JSON object")
        self.value: dict[str, object] = value
        self.where = where

    def wrong(self, key: str, what: str) -> NoReturn:
        refuse(f"{self.where}: '{key}' {what}")

    def has(self, key: str) -> bool:
        return self.value.get(key) is not None

    def text(self, key: str, limit: int = MAX_SHORT_CHARS) -> str:
        value = self.value.get(key)
        if not isinstance(value, str):
            self.wrong(key, "is missing or is not text")
        if len(value) > limit:
            self.wrong(key, f"is longer than {limit:,} characters")
        return _unicode(value)

    def optional_text(self, key: str, limit: int = MAX_SHORT_CHARS) -> str | None:
        return self.text(key, limit) if self.value.get(key) is not None else None

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.value.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.wrong(key, "is not true or false")
        return value

    def count(self, key: str) -> int | None:
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) \
                or not 0 <= value <= MAX_COUNT:
            self.wrong(key, "is not a whole number of a sensible size")
        return value

    def seconds(self, key: str) -> float | None:
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value) or not 0 <= value <= 1e9:
            self.wrong(key, "is not a number of seconds")
        return float(value)

    def number(self, key: str) -> float | None:
        """Any finite number of a sensible size (e.g. milliseconds since 1970)."""
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value) or abs(value) > 1e15:
            self.wrong(key, "is not a number of a sensible size")
        return float(value)

    def timestamp(self, key: str) -> float:
        """An ISO 8601 date and time with its offset from UTC, as seconds since 1970."""
        text = self.text(key, 64)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            self.wrong(key, f"is not an ISO 8601 date and time ({text!r})")
        if moment.tzinfo is None:
            self.wrong(key, f"does not say its offset from UTC ({text!r})")
        seconds = moment.timestamp()
        if not EARLIEST <= seconds <= LATEST:
            self.wrong(key, f"is out of range ({text!r})")
        return seconds

    def milliseconds(self, key: str) -> float | None:
        """A moment as milliseconds since 1970 (JavaScript's Date.now()), in seconds."""
        value = self.number(key)
        if value is None:
            return None
        if not EARLIEST <= value / 1000 <= LATEST:
            self.wrong(key, "is not a date between the years 1 and 9999")
        return value / 1000

    def settings(self, key: str) -> dict[str, object] | None:
        value = self.value.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.wrong(key, "is not a JSON object")
        if not _depth(value, MAX_SETTINGS_DEPTH):
            self.wrong(key, f"nests deeper than {MAX_SETTINGS_DEPTH} levels")
        encoded = json.dumps(value, ensure_ascii=False)
        if len(encoded) > MAX_SETTINGS_CHARS:
            self.wrong(key, f"is larger than {MAX_SETTINGS_CHARS:,} characters")
        if _unicode(encoded) != encoded:
            self.wrong(key, "holds text that is not valid Unicode")
        return value

    def key(self, key: str) -> Hashable | None:
        """A message id: a whole number or a short text."""
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            self.wrong(key, "is not a whole number or a text")
        if isinstance(value, str) and len(value) > MAX_SHORT_CHARS:
            self.wrong(key, "is too long for an id")
        return value

    def array(self, key: str, limit: int) -> list[object]:
        value = self.value.get(key)
        if not isinstance(value, list):
            self.wrong(key, "is missing or is not a list")
        if len(value) > limit:
            self.wrong(key, f"has more than {limit:,} entries")
        return value


def parents_first(keys: list[Hashable], parents: list[Hashable | None], where: str
                  ) -> list[int]:
    """The messages' indexes in an order where each parent comes before its children,
    as close to the given order as that allows (the given order when it already does).

    Refused: an id used twice, a parent that does not exist, and a cycle (messages that
    are each other's ancestors, so none of them reaches a first message).
    """
    index: dict[Hashable, int] = {}
    for position, key in enumerate(keys):
        if key in index:
            refuse(f"{where}: two messages have the id {key!r}")
        index[key] = position
    children: list[list[int]] = [[] for _ in keys]
    ready: list[int] = []
    for position, parent in enumerate(parents):
        if parent is None:
            ready.append(position)
        elif parent not in index:
            refuse(f"{where}: message {position + 1} follows a message that does not exist "
                   f"({parent!r})")
        else:
            children[index[parent]].append(position)
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        position = heapq.heappop(ready)
        order.append(position)
        for child in children[position]:
            heapq.heappush(ready, child)
    if len(order) != len(keys):
        placed = set(order)
        stuck = next(p for p in range(len(keys)) if p not in placed)
        refuse(f"{where}: the messages form a cycle (message {stuck + 1}, id "
               f"{keys[stuck]!r}, is its own ancestor or follows one that is)")
    return order
