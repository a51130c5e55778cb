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
from chatapp.i18n import format_number, translate

__all__ = ["Fields", "attachment_at", "chat_at", "decode_utf8", "is_missing", "load_json",
           "message_at", "not_one_of", "parents_first", "refuse", "too_many_messages"]


# The moments a date-time can name in UTC (years 1 to 9999), as seconds since 1970: an
# export writes every date back as one.
EARLIEST: Final = datetime(1, 1, 1, tzinfo=UTC).timestamp()
LATEST: Final = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()


def refuse(reason: str, detail: str | None = None) -> NoReturn:
    raise ImportRefusedError(translate(
        "ChatImport", "This file cannot be imported: {reason}. Nothing was imported."
    ).format(reason=reason), detail)


def _it(where: str | None) -> str:
    """What a reason is about: the file itself unless a part of it is named."""
    return translate("ChatImport", "it", "the file, as the subject of a reason it is "
                     "refused") if where is None else where


def decode_utf8(data: bytes, what: str | None = None) -> str:
    """Text, strictly (a byte-order mark is allowed and dropped)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        refuse(translate("ChatImport", "{what} is not UTF-8 text (at byte {byte})").format(
            what=_it(what), byte=format_number(error.start)))


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


def load_json(text: str, where: str | None = None) -> object:
    """JSON, strictly: NaN, Infinity and numbers too large for a float are refused, and
    so is nesting so deep that the parser runs out of stack (Python's json raises
    RecursionError for it)."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite_float)
    except RecursionError:
        refuse(translate("ChatImport", "{where} nests its JSON too deeply").format(
            where=_it(where)))
    except ValueError as error:  # JSONDecodeError, NaN, an integer of 5,000 digits
        refuse(translate("ChatImport", "{where} is not valid JSON ({error})").format(
            where=_it(where), error=error))


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
            refuse(translate("ChatImport", "{where} is not a JSON object").format(
                where=where))
        self.value: dict[str, object] = value
        self.where = where

    def wrong(self, key: str, what: str) -> NoReturn:
        """Refuse the file: ``key`` (a JSON key, as in the file) is ``what`` (translated)."""
        refuse(translate("ChatImport", "{where}: '{key}' {problem}").format(
            where=self.where, key=key, problem=what))

    def has(self, key: str) -> bool:
        return self.value.get(key) is not None

    def text(self, key: str, limit: int = MAX_SHORT_CHARS) -> str:
        value = self.value.get(key)
        if not isinstance(value, str):
            self.wrong(key, translate("ChatImport", "is missing or is not text"))
        if len(value) > limit:
            self.wrong(key, translate("ChatImport", "is longer than {count} characters").format(
                count=format_number(limit)))
        return _unicode(value)

    def optional_text(self, key: str, limit: int = MAX_SHORT_CHARS) -> str | None:
        return self.text(key, limit) if self.value.get(key) is not None else None

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.value.get(key, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.wrong(key, translate("ChatImport", "is not true or false"))
        return value

    def count(self, key: str) -> int | None:
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) \
                or not 0 <= value <= MAX_COUNT:
            self.wrong(key, translate("ChatImport", "is not a whole number of a sensible size"))
        return value

    def seconds(self, key: str) -> float | None:
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value) or not 0 <= value <= 1e9:
            self.wrong(key, translate("ChatImport", "is not a number of seconds"))
        return float(value)

    def number(self, key: str) -> float | None:
        """Any finite number of a sensible size (e.g. milliseconds since 1970)."""
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not math.isfinite(value) or abs(value) > 1e15:
            self.wrong(key, translate("ChatImport", "is not a number of a sensible size"))
        return float(value)

    def timestamp(self, key: str) -> float:
        """An ISO 8601 date and time with its offset from UTC, as seconds since 1970."""
        text = self.text(key, 64)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            self.wrong(key, translate("ChatImport", "is not an ISO 8601 date and time ({text})")
                       .format(text=repr(text)))
        if moment.tzinfo is None:
            self.wrong(key, translate("ChatImport", "does not say its offset from UTC ({text})")
                       .format(text=repr(text)))
        seconds = moment.timestamp()
        if not EARLIEST <= seconds <= LATEST:
            self.wrong(key, translate("ChatImport", "is out of range ({text})").format(
                text=repr(text)))
        return seconds

    def milliseconds(self, key: str) -> float | None:
        """A moment as milliseconds since 1970 (JavaScript's Date.now()), in seconds."""
        value = self.number(key)
        if value is None:
            return None
        if not EARLIEST <= value / 1000 <= LATEST:
            self.wrong(key, translate("ChatImport", "is not a date between the years 1 and 9999"))
        return value / 1000

    def settings(self, key: str) -> dict[str, object] | None:
        value = self.value.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.wrong(key, translate("ChatImport", "is not a JSON object"))
        if not _depth(value, MAX_SETTINGS_DEPTH):
            self.wrong(key, translate("ChatImport", "nests deeper than {count} levels").format(
                count=format_number(MAX_SETTINGS_DEPTH)))
        encoded = json.dumps(value, ensure_ascii=False)
        if len(encoded) > MAX_SETTINGS_CHARS:
            self.wrong(key, translate("ChatImport", "is larger than {count} characters").format(
                count=format_number(MAX_SETTINGS_CHARS)))
        if _unicode(encoded) != encoded:
            self.wrong(key, translate("ChatImport", "holds text that is not valid Unicode"))
        return value

    def key(self, key: str) -> Hashable | None:
        """A message id: a whole number or a short text."""
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            self.wrong(key, translate("ChatImport", "is not a whole number or a text"))
        if isinstance(value, str) and len(value) > MAX_SHORT_CHARS:
            self.wrong(key, translate("ChatImport", "is too long for an id"))
        return value

    def array(self, key: str, limit: int) -> list[object]:
        value = self.value.get(key)
        if not isinstance(value, list):
            self.wrong(key, translate("ChatImport", "is missing or is not a list"))
        if len(value) > limit:
            self.wrong(key, translate("ChatImport", "has more than {count} entries").format(
                count=format_number(limit)))
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
            refuse(translate("ChatImport", "{where}: two messages have the id {id}").format(
                where=where, id=repr(key)))
        index[key] = position
    children: list[list[int]] = [[] for _ in keys]
    ready: list[int] = []
    for position, parent in enumerate(parents):
        if parent is None:
            ready.append(position)
        elif parent not in index:
            refuse(translate("ChatImport", "{where}: message {number} follows a message "
                             "that does not exist ({id})").format(
                where=where, number=format_number(position + 1), id=repr(parent)))
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
        refuse(translate("ChatImport", "{where}: the messages form a cycle (message "
                         "{number}, id {id}, is its own ancestor or follows one that is)"
                         ).format(where=where, number=format_number(stuck + 1),
                                  id=repr(keys[stuck])))
    return order


# Where in a file a refusal points, and the reasons that json_format and llama_webui share.


def chat_at(number: int) -> str:
    return translate("ChatImport", "chat {number}").format(number=format_number(number))


def message_at(where: str, number: int) -> str:
    return translate("ChatImport", "{where}, message {number}").format(
        where=where, number=format_number(number))


def attachment_at(where: str, number: int) -> str:
    return translate("ChatImport", "{where}, attachment {number}").format(
        where=where, number=format_number(number))


def is_missing() -> str:
    return translate("ChatImport", "is missing")


def not_one_of(choices: str, value: str) -> str:
    return translate("ChatImport", "is not one of {choices} ({value})").format(
        choices=choices, value=repr(value))


def too_many_messages(limit: int) -> str:
    return translate("ChatImport", "it holds more than {count} messages").format(
        count=format_number(limit))
