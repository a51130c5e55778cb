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

__all__ = ["ImportBatch", "ImportResult", "import_batch", "import_file", "read_import",
           "read_import_file"]

CHATAPP_JSON = "chatapp chat archive"
WEBUI_JSONL = "llama.cpp web UI export (JSONL)"
WEBUI_ZIP = "llama.cpp web UI export (ZIP)"
WEBUI_LEGACY = "llama.cpp web UI export (older JSON)"
_NEITHER = "it is neither a chatapp chat archive nor a llama.cpp web UI export"


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
        text = (f"Imported {chats:,} chat{'s' if chats != 1 else ''} "
                f"({messages:,} message{'s' if messages != 1 else ''}) from a "
                f"{self.batch.source}.")
        if self.batch.left_out:
            parts = ", ".join(f"{count:,} {what}{'s' if count != 1 else ''}"
                              for what, count in sorted(self.batch.left_out.items()))
            text += f" Left out, as chatapp has no use for them: {parts}."
        return text


def read_import(data: bytes) -> ImportBatch:
    """The chats in a file's bytes; ImportRefusedError if it is not one chatapp reads or
    anything in it is wrong or too large."""
    if len(data) > MAX_FILE_BYTES:
        refuse(f"it is larger than {MAX_FILE_BYTES // (1024 * 1024):,} MiB")
    if data.startswith(ZIP_MAGIC):
        webui = parse_zip(data)
        return ImportBatch(webui.chats, WEBUI_ZIP, webui.left_out)
    text = decode_utf8(data)
    if not text.strip():
        refuse("it is empty")
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
            refuse(_NEITHER)
    elif text.lstrip().startswith(("{", "[")):  # JSON that is broken: say where
        value = load_json(text)
    else:
        refuse(_NEITHER)
    if is_chatapp_document(value):
        return ImportBatch(parse_document(value), CHATAPP_JSON)
    if is_legacy_json(value):
        webui = parse_legacy_json(value)
        return ImportBatch(webui.chats, WEBUI_LEGACY, webui.left_out)
    refuse(_NEITHER)


def read_import_file(path: Path) -> ImportBatch:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # one byte more tells it is too large
    except OSError as error:
        raise ExchangeError(f"{path} could not be read ({error.strerror or error}).",
                            f"{type(error).__name__}: {error}") from error
    return read_import(data)


def import_batch(store: HistoryStore, batch: ImportBatch) -> list[Conversation]:
    """Add the chats as new ones, all in one transaction (all or none). They are added
    last first, so chats with the same dates keep the file's order in the list (which
    breaks ties newest id first)."""
    if not batch.chats:
        raise ExchangeError("There are no chats in this file.")
    chats = list(reversed(batch.chats))
    stored = store.import_conversations(
        [(chat.conversation, list(chat.messages)) for chat in chats],
        [chat.documents() for chat in chats])
    stored.reverse()
    return stored


def import_file(store: HistoryStore, path: Path) -> ImportResult:
    batch = read_import_file(path)
    return ImportResult(batch, import_batch(store, batch))
