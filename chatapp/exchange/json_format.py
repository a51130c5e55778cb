"""chatapp's own chat archive: JSON, versioned, documented in docs/chat-format.md.

It holds everything the history knows of a chat, so an import gives back the chat as it
was: every branch, the branch on screen, each reply's model, hash, settings, stats and
thought, and the timestamps. Export, import and export again gives the same document
but for the ids, which the importing history assigns anew.
"""

from __future__ import annotations

import json
import math
from collections.abc import Hashable, Sequence
from datetime import UTC, datetime
from typing import Final

from chatapp import __version__
from chatapp.exchange.limits import (
    MAX_ATTACHMENTS_PER_MESSAGE,
    MAX_CHATS,
    MAX_CITATIONS_PER_MESSAGE,
    MAX_MESSAGES,
    MAX_MESSAGES_PER_CHAT,
    MAX_TEXT_CHARS,
    MAX_TITLE_CHARS,
)
from chatapp.exchange.tree import ChatTree
from chatapp.exchange.validation import (
    Fields,
    attachment_at,
    chat_at,
    is_missing,
    message_at,
    not_one_of,
    parents_first,
    refuse,
    too_many_messages,
)
from chatapp.history.store import (
    ATTACHMENT_USES,
    CITATION_SOURCES,
    Attachment,
    Citation,
    Conversation,
    Message,
)
from chatapp.i18n import format_number, translate
from chatapp.reasoning.formats import ThinkingChoice
from chatapp.vocabulary import FINAL_STATES, MessageState, Role

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "dump_document", "is_chatapp_document",
           "parse_document", "to_document"]

FORMAT_NAME: Final = "chatapp-chats"
FORMAT_VERSION: Final = 1

_STAT_KEYS: Final = ("prompt_tokens", "generated_tokens", "ttft_s", "ttfa_s", "reasoning_s",
                     "tokens_per_s")
_COUNT_KEYS: Final = frozenset({"prompt_tokens", "generated_tokens"})
# A chat's settings that name things of this computer only: the ids of its Local
# documents collections (chat_settings.COLLECTIONS) and of its remote model's server
# (chat_settings.REMOTE_MODEL) would name other ones, or none, where the chat is
# imported. Neither written nor read.
_LOCAL_SETTINGS: Final = frozenset({"collections", "remote_model"})


# -- writing -----------------------------------------------------------------------------


def iso_time(seconds: float) -> str:
    """UTC, to the microsecond: reading it back and writing it again gives the same text."""
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


def _finite(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


def _attachment(a: Attachment) -> dict[str, object]:
    return {"name": a.name, "sha256": a.sha256, "size": a.size, "kind": a.kind,
            "usage": a.usage, "passages_used": a.passages_used,
            "passages_total": a.passages_total}


def _citation(c: Citation) -> dict[str, object]:
    return {"number": c.number, "source": c.source, "name": c.name, "path": c.path,
            "sha256": c.sha256, "page": c.page, "heading": c.heading, "start": c.start,
            "end": c.end, "score": _finite(c.score), "text": c.text}


def _message(m: Message, attachments: Sequence[Attachment] = (),
             citations: Sequence[Citation] = ()) -> dict[str, object]:
    stats = {key: getattr(m, key) for key in _STAT_KEYS}
    stats = {key: value if key in _COUNT_KEYS else _finite(value)
             for key, value in stats.items()}
    # A reply still being written when exported is written as the import will see it:
    # cut off, with the text it had.
    state = MessageState.INTERRUPTED if m.state == MessageState.STREAMING else m.state
    return {
        "id": m.id,
        "parent": m.parent_id,
        "role": m.role,
        "state": str(state),
        "stop_reason": m.stop_reason,
        "created_at": iso_time(m.created_at),
        "updated_at": iso_time(m.updated_at),
        "edited": m.edited,
        "content": m.content,
        "reasoning": m.reasoning or None,
        "model": None if m.model_file is None and m.model_sha256 is None
        else {"file": m.model_file, "sha256": m.model_sha256},
        "generation_settings": m.generation_settings,
        "stats": None if all(v is None for v in stats.values()) else stats,
        "error": m.error,
        "attachments": [_attachment(a) for a in attachments],
        "citations": [_citation(c) for c in citations],
    }


def _portable(settings: dict[str, object] | None) -> dict[str, object] | None:
    kept = {k: v for k, v in (settings or {}).items() if k not in _LOCAL_SETTINGS}
    return kept or None


def _chat(chat: ChatTree) -> dict[str, object]:
    c = chat.conversation
    return {
        "id": c.id,
        "title": c.title,
        "created_at": iso_time(c.created_at),
        "updated_at": iso_time(c.updated_at),
        "pinned": c.pinned,
        "system_prompt": c.system_prompt,
        "thinking": c.thinking,
        "settings": _portable(c.settings),
        "active_leaf": c.active_leaf_id,
        "active_branch": [m.id for m in chat.branch()],
        "messages": [_message(m, chat.attachments.get(m.id, ()), chat.citations.get(m.id, ()))
                     for m in chat.messages],
    }


def to_document(chats: list[ChatTree]) -> dict[str, object]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION,
            "generator": f"chatapp {__version__}", "chats": [_chat(c) for c in chats]}


def dump_document(chats: list[ChatTree]) -> bytes:
    text = json.dumps(to_document(chats), ensure_ascii=False, indent=2, allow_nan=False)
    return text.encode("utf-8") + b"\n"


# -- reading -----------------------------------------------------------------------------


def is_chatapp_document(value: object) -> bool:
    return isinstance(value, dict) and value.get("format") == FORMAT_NAME


def _read_message(fields: Fields, local_id: int, parent: int | None, chat_id: int
                  ) -> Message:
    role = fields.text("role", 32)
    if role not in frozenset(Role):
        fields.wrong("role", not_one_of(", ".join(Role), role))
    state = fields.text("state", 32)
    if state not in FINAL_STATES:
        fields.wrong("state", not_one_of(", ".join(sorted(FINAL_STATES)), state))
    model_file = model_sha256 = None
    if fields.has("model"):
        model = Fields(fields.value["model"], translate(
            "ChatImport", "{where}, its model").format(where=fields.where))
        model_file = model.optional_text("file")
        model_sha256 = model.optional_text("sha256", 256)
    stats: dict[str, float | int | None] = dict.fromkeys(_STAT_KEYS)
    if fields.has("stats"):
        numbers = Fields(fields.value["stats"], translate(
            "ChatImport", "{where}, its stats").format(where=fields.where))
        for key in _STAT_KEYS:
            stats[key] = numbers.count(key) if key in _COUNT_KEYS else numbers.seconds(key)
    return Message(
        id=local_id, conversation_id=chat_id, role=role,
        content=fields.text("content", MAX_TEXT_CHARS), state=state,
        created_at=fields.timestamp("created_at"), updated_at=fields.timestamp("updated_at"),
        model_file=model_file, model_sha256=model_sha256,
        generation_settings=fields.settings("generation_settings"),
        prompt_tokens=_int(stats["prompt_tokens"]),
        generated_tokens=_int(stats["generated_tokens"]),
        ttft_s=_float(stats["ttft_s"]), tokens_per_s=_float(stats["tokens_per_s"]),
        error=fields.optional_text("error"),
        reasoning=fields.optional_text("reasoning", MAX_TEXT_CHARS),
        reasoning_s=_float(stats["reasoning_s"]), ttfa_s=_float(stats["ttfa_s"]),
        parent_id=parent, edited=fields.boolean("edited"),
        stop_reason=fields.optional_text("stop_reason", 64),
    )


_SHA256_HEX: Final = frozenset("0123456789abcdef")


def _sha256(fields: Fields, key: str) -> str | None:
    value = fields.optional_text(key, 64)
    if value is not None and (len(value) != 64 or not set(value) <= _SHA256_HEX):
        fields.wrong(key, translate("ChatImport", "is not a SHA-256 in lowercase hex"))
    return value


def _read_attachment(fields: Fields) -> Attachment:
    sha256 = _sha256(fields, "sha256")
    if sha256 is None:
        fields.wrong("sha256", is_missing())
    size = fields.count("size")
    if size is None:
        fields.wrong("size", is_missing())
    usage = fields.optional_text("usage", 32)
    if usage is not None and usage not in ATTACHMENT_USES:
        fields.wrong("usage", not_one_of(", ".join(sorted(ATTACHMENT_USES)), usage))
    return Attachment(fields.text("name"), sha256, size, fields.text("kind", 32), usage,
                      fields.count("passages_used"), fields.count("passages_total"))


def _read_citation(fields: Fields) -> Citation:
    number = fields.count("number")
    if not number:
        fields.wrong("number", translate("ChatImport", "is missing or not 1 or more"))
    source = fields.text("source", 32)
    if source not in CITATION_SOURCES:
        fields.wrong("source", not_one_of(", ".join(sorted(CITATION_SOURCES)), source))
    score = fields.value.get("score")
    if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))
                              or not math.isfinite(score)):
        fields.wrong("score", translate("ChatImport", "is not a number"))
    return Citation(
        number, source, fields.text("name"), fields.text("text", MAX_TEXT_CHARS),
        path=fields.optional_text("path"), sha256=_sha256(fields, "sha256"),
        page=fields.count("page"), heading=fields.optional_text("heading"),
        start=fields.count("start"), end=fields.count("end"),
        score=None if score is None else float(score))


def _read_documents(fields: Fields) -> tuple[tuple[Attachment, ...], tuple[Citation, ...]]:
    attachments = tuple(
        _read_attachment(Fields(item, attachment_at(fields.where, i + 1)))
        for i, item in enumerate(fields.array("attachments", MAX_ATTACHMENTS_PER_MESSAGE)
                                 if fields.has("attachments") else []))
    citations = tuple(
        _read_citation(Fields(item, translate("ChatImport", "{where}, citation {number}").format(
            where=fields.where, number=format_number(i + 1))))
        for i, item in enumerate(fields.array("citations", MAX_CITATIONS_PER_MESSAGE)
                                 if fields.has("citations") else []))
    numbers = [c.number for c in citations]
    if len(set(numbers)) != len(numbers):
        fields.wrong("citations", translate("ChatImport", "numbers two citations the same"))
    return attachments, citations


def _int(value: float | int | None) -> int | None:
    return None if value is None else int(value)


def _float(value: float | int | None) -> float | None:
    return None if value is None else float(value)


def _read_chat(value: object, number: int) -> ChatTree:
    where = chat_at(number)
    fields = Fields(value, where)
    title = fields.text("title", MAX_TITLE_CHARS)
    if not title.strip():
        fields.wrong("title", translate("ChatImport", "is empty"))
    thinking = fields.optional_text("thinking", 32)
    if thinking is not None and thinking not in frozenset(ThinkingChoice):
        fields.wrong("thinking", not_one_of(", ".join(ThinkingChoice), thinking))
    raw = fields.array("messages", MAX_MESSAGES_PER_CHAT)
    entries = [Fields(item, message_at(where, i + 1)) for i, item in enumerate(raw)]
    keys: list[Hashable] = []
    for entry in entries:
        key = entry.key("id")
        if key is None:
            entry.wrong("id", is_missing())
        keys.append(key)
    parents = [entry.key("parent") for entry in entries]
    order = parents_first(keys, parents, where)
    local = {key: position for position, key in enumerate(keys)}
    messages = tuple(
        _read_message(entries[i], i, None if parents[i] is None else local[parents[i]],
                      number)
        for i in order)
    attachments: dict[int, tuple[Attachment, ...]] = {}
    citations: dict[int, tuple[Citation, ...]] = {}
    for i in order:
        attached, cited = _read_documents(entries[i])
        if attached:
            attachments[i] = attached
        if cited:
            citations[i] = cited
    leaf_key = fields.key("active_leaf")
    if leaf_key is not None and leaf_key not in local:
        fields.wrong("active_leaf", translate(
            "ChatImport", "names a message the chat does not have ({id})").format(
                id=repr(leaf_key)))
    leaf = None if leaf_key is None else local[leaf_key]
    conversation = Conversation(
        id=number, title=title, created_at=fields.timestamp("created_at"),
        updated_at=fields.timestamp("updated_at"),
        system_prompt=fields.optional_text("system_prompt", MAX_TEXT_CHARS),
        message_count=len(messages), thinking=thinking, active_leaf_id=leaf,
        pinned=fields.boolean("pinned"), settings=_portable(fields.settings("settings")))
    chat = ChatTree(conversation, messages, attachments, citations)
    if fields.value.get("active_branch") is not None:
        # Redundant with active_leaf, for readers; a file that says two things is wrong.
        branch = fields.array("active_branch", MAX_MESSAGES_PER_CHAT)
        if [keys[m.id] for m in chat.branch()] != branch:
            fields.wrong("active_branch", translate(
                "ChatImport", "is not the path to 'active_leaf'"))
    return chat


def parse_document(value: object) -> list[ChatTree]:
    """The chats of a parsed chatapp document, checked whole: refused
    (ImportRefusedError) if anything in it is wrong. Ids are local to each chat."""
    fields = Fields(value, translate("ChatImport", "the document"))
    if fields.value.get("format") != FORMAT_NAME:
        refuse(translate("ChatImport", "it is not a chatapp chat archive (its 'format' is not "
                         "{name})").format(name=repr(FORMAT_NAME)))
    version = fields.value.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        refuse(translate("ChatImport",
                         "its format version is missing or not a positive whole number"))
    if version > FORMAT_VERSION:
        refuse(translate("ChatImport", "it was written by a newer chatapp (chat format "
                         "version {version}; this version reads up to {latest}). Update "
                         "chatapp to import it").format(version=version, latest=FORMAT_VERSION))
    raw = fields.array("chats", MAX_CHATS)
    chats: list[ChatTree] = []
    total = 0
    for number, item in enumerate(raw, start=1):
        chat = _read_chat(item, number)
        total += len(chat.messages)
        if total > MAX_MESSAGES:
            refuse(too_many_messages(MAX_MESSAGES))
        chats.append(chat)
    return chats
