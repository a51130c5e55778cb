"""Chats exported by the llama.cpp web UI (llama-server's own chat page).

Read from its source, vendored at
build/sdist/llama_cpp_python-0.3.36/vendor/llama.cpp/tools/ui/:

* src/lib/services/conversation-transfer.service.ts writes and reads the files:
  JSONL, one record a line, a ``{"type": "session", "harness": "llama.app", ...conv}``
  record opening each chat and a ``{"type": "message", "message": {...}}`` record for
  each of its messages (several chats may follow one another in one file; unknown
  record types are skipped); a ZIP archive of such .jsonl files (entries with other
  names are skipped; recognized by its first bytes, "PK"); and the older JSON, an array
  of ``{"conv": ..., "messages": [...]}`` or one such object.
* src/lib/types/database.d.ts has the types: DatabaseConversation (id, name,
  lastModified in ms, currNode: the message on screen, pinned, thinkingEnabled,
  reasoningEffort) and DatabaseMessage (id, parent, type 'root' | 'system' | 'text' |
  'think', role 'user' | 'assistant' | 'system' | 'tool', content, timestamp in ms,
  reasoningContent or the older thinking, model, timings, extra: attachments).
* src/lib/services/database.service.ts: every chat's tree starts at an empty 'root'
  message; a system prompt is a 'system' message under it.
* src/lib/services/chat.service.ts and utils/formatters.ts: text attachments reach the
  model as ``\\n\\n--- File: name ---\\ncontent`` before the message text.

The web UI's tree becomes ours (its branches are kept, currNode is the branch on
screen). Left out, and counted for the user: the root, tool results (chatapp has no
tools) and attachments that are not text (images, audio, video).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Final

from chatapp.exchange.errors import ImportRefusedError
from chatapp.exchange.limits import (
    MAX_CHATS,
    MAX_FILE_BYTES,
    MAX_MESSAGES,
    MAX_MESSAGES_PER_CHAT,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
    MAX_ZIP_ENTRIES,
)
from chatapp.exchange.tree import ChatTree
from chatapp.exchange.validation import (
    Fields,
    attachment_at,
    chat_at,
    decode_utf8,
    is_missing,
    load_json,
    message_at,
    parents_first,
    refuse,
    too_many_messages,
)
from chatapp.history.store import Conversation, Message, title_from_first_message
from chatapp.i18n import format_number, translate
from chatapp.vocabulary import DEFAULT_TITLE

__all__ = ["ZIP_MAGIC", "WebuiChats", "first_json_line", "is_legacy_json",
           "is_session_record", "is_sessions_jsonl", "parse_legacy_json",
           "parse_sessions_jsonl", "parse_zip"]

ZIP_MAGIC: Final = b"PK"  # constants/conversation-import.constants.ts
_SESSION, _MESSAGE = "session", "message"  # enums/conversation-import.enums.ts
_JSONL_SUFFIX: Final = ".jsonl"
# AttachmentType (enums/attachment.enums.ts) of the attachments that are text, with the
# label chat.service.ts gives them (AttachmentLabel).
_TEXT_ATTACHMENTS: Final = {"TEXT": "File", "context": "File", "PDF": "PDF File",
                            "MCP_PROMPT": "MCP Prompt", "MCP_RESOURCE": "MCP Resource"}
_MAX_ATTACHMENTS: Final = 1_000
_READ_CHUNK: Final = 1024 * 1024


@dataclass(frozen=True)
class WebuiChats:
    chats: list[ChatTree]
    left_out: Counter[str]  # what was not imported, in the singular: "tool result" ...


@dataclass
class _Session:
    conv: Fields
    messages: list[Fields]


class _Sessions:
    """Sessions as they are read, with the counts bounded as they grow."""

    def __init__(self) -> None:
        self.sessions: list[_Session] = []
        self.total = 0

    def start(self, conv: object, where: str) -> _Session:
        if len(self.sessions) >= MAX_CHATS:
            refuse(translate("ChatImport", "it holds more than {count} chats").format(
                count=format_number(MAX_CHATS)))
        session = _Session(Fields(conv, where), [])
        self.sessions.append(session)
        return session

    def add(self, session: _Session, message: object, where: str) -> None:
        self.total += 1
        if self.total > MAX_MESSAGES:
            refuse(too_many_messages(MAX_MESSAGES))
        if len(session.messages) >= MAX_MESSAGES_PER_CHAT:
            refuse(translate("ChatImport", "{where} has more than {count} messages").format(
                where=session.conv.where, count=format_number(MAX_MESSAGES_PER_CHAT)))
        session.messages.append(Fields(message, where))


# -- the three forms ---------------------------------------------------------------------


def is_sessions_jsonl(text: str) -> bool:
    """isSessionsJsonl: the first non-empty line is a session record."""
    return is_session_record(first_json_line(text))


def first_json_line(text: str) -> object:
    """The first non-empty line as JSON, or None if it is not JSON by itself."""
    stripped = text.lstrip()
    end = stripped.find("\n")
    try:
        return load_json(stripped if end < 0 else stripped[:end])
    except ImportRefusedError:
        return None


def is_session_record(value: object) -> bool:
    return isinstance(value, dict) and value.get("type") == _SESSION


def _parse_jsonl(text: str, sessions: _Sessions, file: str | None) -> None:
    """``file``: the archive's file the lines are in (None: the lines are the file)."""
    current: _Session | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        at = translate("ChatImport", "line {number}").format(number=format_number(number)) \
            if file is None else translate("ChatImport", "{file}, line {number}").format(
                file=file, number=format_number(number))
        record = Fields(load_json(stripped, at), at)
        kind = record.value.get("type")
        if kind == _SESSION:
            conv = {k: v for k, v in record.value.items() if k not in ("type", "harness")}
            current = sessions.start(conv, translate("ChatImport", "{where} ({chat})").format(
                where=at, chat=chat_at(len(sessions.sessions) + 1)))
        elif kind == _MESSAGE:
            if current is None:
                refuse(translate("ChatImport", "{where}: a message comes before any chat (session) "
                                 "record").format(where=at))
            sessions.add(current, record.value.get("message"), translate(
                "ChatImport", "{where}, its message").format(where=at))
        # Other record types are skipped, as the web UI does (forward compatibility).


def parse_sessions_jsonl(text: str) -> WebuiChats:
    sessions = _Sessions()
    _parse_jsonl(text, sessions, None)
    return _convert(sessions)


def is_legacy_json(value: object) -> bool:
    return isinstance(value, list) or (isinstance(value, dict) and "conv" in value
                                       and "messages" in value)


def parse_legacy_json(value: object) -> WebuiChats:
    """An array of {conv, messages}, or one of them."""
    items = value if isinstance(value, list) else [value]
    sessions = _Sessions()
    for number, item in enumerate(items, start=1):
        entry = Fields(item, chat_at(number))
        session = sessions.start(entry.value.get("conv"), chat_at(number))
        for index, message in enumerate(entry.array("messages", MAX_MESSAGES_PER_CHAT)):
            sessions.add(session, message, message_at(chat_at(number), index + 1))
    return _convert(sessions)


def _safe_entry_name(name: str) -> bool:
    """A name that could not point outside a folder it were unpacked into."""
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        return False
    if len(name) > 1 and name[1] == ":":  # C:something
        return False
    return ".." not in PurePosixPath(name).parts


def _unpacks_too_large() -> str:
    return translate("ChatImport", "the archive unpacks to more than {size} bytes").format(
        size=format_number(MAX_FILE_BYTES))


def parse_zip(data: bytes) -> WebuiChats:
    """A ZIP of .jsonl sessions. Nothing is unpacked to disk; still, an archive with a
    name that climbs out of its folder is hostile and refused, and so is one that
    unpacks to more than MAX_FILE_BYTES (the sizes its directory declares can lie, so
    the bytes are counted as they come out)."""
    sessions = _Sessions()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                refuse(translate("ChatImport", "the archive has more than {count} files").format(
                    count=format_number(MAX_ZIP_ENTRIES)))
            for entry in entries:
                if not _safe_entry_name(entry.filename):
                    refuse(translate("ChatImport", "the archive holds a file named {name}, "
                                     "which points outside the archive").format(
                        name=repr(entry.filename[:200])))
            budget = MAX_FILE_BYTES
            for entry in entries:
                if entry.is_dir() or not entry.filename.lower().endswith(_JSONL_SUFFIX):
                    continue
                if entry.file_size > budget:
                    refuse(_unpacks_too_large())
                chunks: list[bytes] = []
                with archive.open(entry) as stream:
                    while chunk := stream.read(min(_READ_CHUNK, budget + 1)):
                        budget -= len(chunk)
                        if budget < 0:
                            refuse(_unpacks_too_large())
                        chunks.append(chunk)
                name = entry.filename[:200]
                text = decode_utf8(b"".join(chunks), translate(
                    "ChatImport", "the archive's file {name}").format(name=repr(name)))
                _parse_jsonl(text, sessions, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError,
            NotImplementedError, RuntimeError, ValueError, OSError) as error:
        # RuntimeError: encrypted; NotImplementedError: a compression zipfile lacks.
        refuse(translate("ChatImport", "it is not a ZIP archive chatapp can read ({error})")
               .format(error=error))
    return _convert(sessions)


# -- into chatapp's chats ----------------------------------------------------------------


def _thinking(conv: Fields) -> str | None:
    effort = conv.optional_text("reasoningEffort", 32)
    if effort in ("low", "medium", "high", "off"):
        return effort
    if effort == "max":
        return "high"
    enabled = conv.value.get("thinkingEnabled")
    if isinstance(enabled, bool):
        return "on" if enabled else "off"
    return None


def _content(message: Fields, left_out: Counter[str]) -> str:
    """The text as the model saw it: text attachments first (chat.service.ts)."""
    parts: list[str] = []
    extras = message.value.get("extra")
    if isinstance(extras, list):
        if len(extras) > _MAX_ATTACHMENTS:
            message.wrong("extra", translate("ChatImport", "has more than {count} attachments")
                          .format(count=format_number(_MAX_ATTACHMENTS)))
        for number, extra in enumerate(extras, start=1):
            attachment = Fields(extra, attachment_at(message.where, number))
            kind = attachment.optional_text("type", 32)
            is_text = kind in _TEXT_ATTACHMENTS and not (
                kind == "PDF" and attachment.value.get("processedAsImages") is True)
            if is_text and kind is not None:
                name = attachment.optional_text("name") or "attachment"
                server = attachment.optional_text("serverName") \
                    if kind.startswith("MCP") else None
                header = f"{name} ({server})" if server else name
                body = attachment.optional_text("content", MAX_TEXT_CHARS) or ""
                parts.append(f"--- {_TEXT_ATTACHMENTS[kind]}: {header} ---\n{body}")
            else:
                left_out["image, audio or video attachment"] += 1
    content = message.text("content", MAX_TEXT_CHARS)
    if content:
        parts.append(content)
    text = "\n\n".join(parts)
    if len(text) > MAX_TEXT_CHARS:
        message.wrong("content", translate(
            "ChatImport", "with its attachments is longer than {count} characters").format(
                count=format_number(MAX_TEXT_CHARS)))
    return text


def _stats(message: Fields) -> dict[str, float | int | None]:
    """ChatMessageTimings (types/chat.d.ts): counts and milliseconds from llama-server."""
    stats: dict[str, float | int | None] = {}
    if message.value.get("timings") is None:
        return stats
    timings = Fields(message.value["timings"], translate(
        "ChatImport", "{where}, its timings").format(where=message.where))
    prompt, cached = timings.count("prompt_n"), timings.count("cache_n")
    predicted, predicted_ms = timings.count("predicted_n"), timings.seconds("predicted_ms")
    prompt_ms = timings.seconds("prompt_ms")
    if prompt is not None:
        stats["prompt_tokens"] = prompt + (cached or 0)
    stats["generated_tokens"] = predicted
    if predicted and predicted_ms:
        stats["tokens_per_s"] = predicted / (predicted_ms / 1000)
    if prompt_ms is not None:  # the server's prompt time: the nearest it has to a TTFT
        stats["ttft_s"] = prompt_ms / 1000
    return stats


def _chat(session: _Session, number: int, left_out: Counter[str]) -> ChatTree | None:
    raw = session.messages
    keys: list[Hashable] = []
    for entry in raw:
        key = entry.key("id")
        if key is None:
            entry.wrong("id", is_missing())
        keys.append(key)
    parents = [entry.key("parent") for entry in raw]
    order = parents_first(keys, parents, session.conv.where)
    index_of = {key: index for index, key in enumerate(keys)}
    # File index -> our id of that message, or of its nearest ancestor we keep (the
    # root and tool results are left out; what follows them moves up to it).
    kept: dict[int, int | None] = {}
    messages: list[Message] = []
    for index in order:
        entry = raw[index]
        parent = parents[index]
        parent_id = None if parent is None else kept[index_of[parent]]
        stamp = entry.milliseconds("timestamp")
        if stamp is None:
            entry.wrong("timestamp", is_missing())
        role = entry.text("role", 32)
        if entry.optional_text("type", 32) == "root":
            kept[index] = parent_id
            continue
        if role == "tool":
            left_out["tool result"] += 1
            kept[index] = parent_id
            continue
        if role not in ("user", "assistant", "system"):
            entry.wrong("role", translate(
                "ChatImport", "is not user, assistant, system or tool ({role})").format(
                    role=repr(role)))
        stats = _stats(entry)
        reasoning = entry.optional_text("reasoningContent", MAX_TEXT_CHARS) \
            or entry.optional_text("thinking", MAX_TEXT_CHARS)
        kept[index] = local = len(messages)
        messages.append(Message(
            id=local, conversation_id=number, role=role, content=_content(entry, left_out),
            state="complete", created_at=stamp, updated_at=stamp,
            model_file=entry.optional_text("model"), model_sha256=None,
            generation_settings=None,
            prompt_tokens=_int(stats.get("prompt_tokens")),
            generated_tokens=_int(stats.get("generated_tokens")),
            ttft_s=_float(stats.get("ttft_s")), tokens_per_s=_float(stats.get("tokens_per_s")),
            error=None, reasoning=reasoning or None, parent_id=parent_id))
    if not messages:
        left_out["empty chat"] += 1
        return None
    conv = session.conv
    # currNode: the end of the branch on screen; without one the web UI shows the
    # newest message's branch (utils/branching.ts, filterByLeafNodeId).
    current = conv.key("currNode")
    leaf = kept.get(index_of[current]) if current in index_of else None
    if leaf is None:
        leaf = max(messages, key=lambda m: (m.created_at, m.id)).id
    name = (conv.optional_text("name", MAX_TITLE_CHARS) or "").strip()
    first_question = next((m.content for m in messages if m.role == "user"), "")
    title = name or (title_from_first_message(first_question) if first_question
                     else DEFAULT_TITLE)
    modified = conv.milliseconds("lastModified")
    updated = modified if modified is not None else max(m.created_at for m in messages)
    created = min(m.created_at for m in messages)
    conversation = Conversation(
        id=number, title=title, created_at=min(created, updated), updated_at=updated,
        system_prompt=None, message_count=len(messages), thinking=_thinking(conv),
        active_leaf_id=leaf, pinned=conv.boolean("pinned"))
    return ChatTree(conversation, tuple(messages))


def _int(value: float | int | None) -> int | None:
    return None if value is None else int(value)


def _float(value: float | int | None) -> float | None:
    return None if value is None else float(value)


def _convert(sessions: _Sessions) -> WebuiChats:
    left_out: Counter[str] = Counter()
    chats = []
    for number, session in enumerate(sessions.sessions, start=1):
        chat = _chat(session, number, left_out)
        if chat is not None:
            chats.append(chat)
    return WebuiChats(chats, left_out)
