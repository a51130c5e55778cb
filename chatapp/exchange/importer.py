"""Importing chats: the format told by the content (not the file's name), the whole file
checked before anything is written, then every chat added in one transaction.

Read: chatapp's own JSON (json_format), and the llama.cpp web UI's JSONL, ZIP of JSONL
and older JSON (llama_webui). Chats are added as new chats, however often a file is
imported; each keeps its dates, so it takes its place in the list by them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from chatapp.exchange.errors import ExchangeError, ImportRefusedError
from chatapp.exchange.json_format import is_chatapp_document, parse_document
from chatapp.exchange.limits import MAX_FILE_BYTES
from chatapp.exchange.llama_webui import (
    ZIP_MAGIC,
    first_json_line,
    is_legacy_json,
    is_session_record,
    parse_legacy_json,
    parse_sessions_jsonl,
    parse_zip,
)
from chatapp.exchange.tree import ChatTree
from chatapp.exchange.validation import decode_utf8, load_json, refuse
from chatapp.history.store import Conversation, HistoryStore
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate

__all__ = ["ImportBatch", "ImportResult", "import_batch", "import_file", "read_import",
           "read_import_file"]

# Which kind of file it was, in English (translated where the summary shows it).
CHATAPP_JSON = QT_TRANSLATE_NOOP("ChatImport", "chatapp chat archive")
WEBUI_JSONL = QT_TRANSLATE_NOOP("ChatImport", "llama.cpp web UI export (JSONL)")
WEBUI_ZIP = QT_TRANSLATE_NOOP("ChatImport", "llama.cpp web UI export (ZIP)")
WEBUI_LEGACY = QT_TRANSLATE_NOOP("ChatImport", "llama.cpp web UI export (older JSON)")


def _neither() -> str:
    return translate("ChatImport",
                     "it is neither a chatapp chat archive nor a llama.cpp web UI export")


def _chats(count: int) -> str:
    if count == 1:  # its own string: English's source has no singular
        return translate("ChatImport", "1 chat")
    return translate("ChatImport", "%n chats", "", count)


def _messages(count: int) -> str:
    if count == 1:
        return translate("ChatImport", "1 message")
    return translate("ChatImport", "%n messages", "", count)


def _left_out(what: str, count: int) -> str:
    """``count`` of a kind llama_webui leaves out (its English name, in the singular)."""
    if what == "tool result":
        if count == 1:
            return translate("ChatImport", "1 tool result")
        return translate("ChatImport", "%n tool results", "", count)
    if what == "image, audio or video attachment":
        if count == 1:
            return translate("ChatImport", "1 image, audio or video attachment")
        return translate("ChatImport", "%n image, audio or video attachments", "", count)
    if what == "empty chat":
        if count == 1:
            return translate("ChatImport", "1 empty chat")
        return translate("ChatImport", "%n empty chats", "", count)
    return f"{format_number(count)} {what}"  # a kind added without a translation


@dataclass(frozen=True)
class ImportBatch:
    """A file's chats, read and checked, not yet in the history."""

    chats: list[ChatTree]
    source: str  # which kind of file it was, in words
    # What was not imported, in the singular ("tool result"): the summary counts them.
    left_out: Counter[str] = field(default_factory=Counter)

    @property
    def message_count(self) -> int:
        return sum(len(chat.messages) for chat in self.chats)


@dataclass(frozen=True)
class ImportResult:
    batch: ImportBatch
    conversations: list[Conversation]  # as stored, in the file's order

    def summary(self) -> str:
        chats, messages = len(self.conversations), self.batch.message_count
        text = translate("ChatImport", "Imported {chats} ({messages}) from a {source}.").format(
            chats=_chats(chats), messages=_messages(messages),
            source=translate("ChatImport", self.batch.source))
        if self.batch.left_out:
            parts = translate("ChatImport", ", ", "between the kinds of things left out").join(
                _left_out(what, count) for what, count in sorted(self.batch.left_out.items()))
            text += translate("ChatImport", " Left out, as chatapp has no use for them: "
                              "{parts}.").format(parts=parts)
        return text


def read_import(data: bytes) -> ImportBatch:
    """The chats in a file's bytes; ImportRefusedError if it is not one chatapp reads or
    anything in it is wrong or too large."""
    if len(data) > MAX_FILE_BYTES:
        refuse(translate("ChatImport", "it is larger than {size} MiB").format(
            size=format_number(MAX_FILE_BYTES // (1024 * 1024))))
    if data.startswith(ZIP_MAGIC):
        webui = parse_zip(data)
        return ImportBatch(webui.chats, WEBUI_ZIP, webui.left_out)
    text = decode_utf8(data)
    if not text.strip():
        refuse(translate("ChatImport", "it is empty"))
    head = first_json_line(text)
    if is_session_record(head):
        webui = parse_sessions_jsonl(text)
        return ImportBatch(webui.chats, WEBUI_JSONL, webui.left_out)
    one_line = "\n" not in text.strip()
    if head is not None and one_line:
        value = head  # parsed whole just now
    elif head is not None:  # lines of JSON, but not the web UI's
        try:
            value = load_json(text)
        except ImportRefusedError:
            refuse(_neither())
    elif text.lstrip().startswith(("{", "[")):  # JSON that is broken: say where
        value = load_json(text)
    else:
        refuse(_neither())
    if is_chatapp_document(value):
        return ImportBatch(parse_document(value), CHATAPP_JSON)
    if is_legacy_json(value):
        webui = parse_legacy_json(value)
        return ImportBatch(webui.chats, WEBUI_LEGACY, webui.left_out)
    refuse(_neither())


def read_import_file(path: Path) -> ImportBatch:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # one byte more tells it is too large
    except OSError as error:
        raise ExchangeError(translate("ChatImport", "{path} could not be read ({error}).")
                            .format(path=path, error=error.strerror or error),
                            f"{type(error).__name__}: {error}") from error
    return read_import(data)


def import_batch(store: HistoryStore, batch: ImportBatch) -> list[Conversation]:
    """Add the chats as new ones, all in one transaction (all or none). They are added
    last first, so chats with the same dates keep the file's order in the list (which
    breaks ties newest id first)."""
    if not batch.chats:
        raise ExchangeError(translate("ChatImport", "There are no chats in this file."))
    chats = list(reversed(batch.chats))
    stored = store.import_conversations(
        [(chat.conversation, list(chat.messages)) for chat in chats],
        [chat.documents() for chat in chats])
    stored.reverse()
    return stored


def import_file(store: HistoryStore, path: Path) -> ImportResult:
    batch = read_import_file(path)
    return ImportResult(batch, import_batch(store, batch))
