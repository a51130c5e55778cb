"""The chat history: conversations and their messages in one private SQLite file.

Plain Python and ``sqlite3`` only (no Qt), so it can be used from any thread and from
tests and tools without a GUI.

Threading: a ``HistoryStore`` belongs to the thread that created it (sqlite3's
``check_same_thread`` stays on). Several stores, on different threads or in different
processes, may open the same file at once -- one streaming a reply into it while another
lists conversations. The database is in WAL mode, so readers never wait for the writer;
every write either is one statement or starts with ``BEGIN IMMEDIATE``, so writers queue
on the busy timeout instead of failing with "database is locked".

Durability: WAL with ``synchronous=NORMAL``. A write that has returned survives the app
being killed; after a power cut the last few writes may be lost but the file stays intact.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self

from chatapp.errors import UserFacingError
from chatapp.history.migrations import (
    LATEST_VERSION,
    ForeignDatabaseError,
    MigrationError,
    migrate,
    read_version,
)
from chatapp.i18n import translate
from chatapp.vocabulary import DEFAULT_TITLE, FINAL_STATES, MessageState, Role

__all__ = [
    "ATTACHMENT_USES",
    "CITATION_SOURCES",
    "MATCH_END",
    "MATCH_START",
    "ROLES",
    "STATES",
    "Attachment",
    "AttachmentUse",
    "Citation",
    "Conversation",
    "HistoryDamagedError",
    "HistoryError",
    "HistoryNotFoundError",
    "HistoryStore",
    "HistoryTooNewError",
    "HistoryValueError",
    "Message",
    "MessageDocuments",
    "ReplyStats",
    "SearchHit",
    "build_match_query",
    "quarantine_damaged",
    "snippet_to_html",
    "title_from_first_message",
]

log = logging.getLogger(__name__)

ROLES: Final = frozenset(Role)
STATES: Final = frozenset(MessageState)
TITLE_MAX_CHARS: Final = 60

# Search snippets mark each match with these two control characters, which do not occur
# in normal text, so the UI can escape the snippet first and then add its own markup
# (see snippet_to_html).
MATCH_START: Final = "\x02"
MATCH_END: Final = "\x03"

# A write waits this long for another connection's write to finish. Ours take
# milliseconds; the longest is a migration rebuilding the search index at first start.
BUSY_TIMEOUT_S: Final = 10.0
# After a burst of writes the WAL is truncated back to this size on checkpoint, instead of
# staying as large as the burst made it.
JOURNAL_SIZE_LIMIT: Final = 4 * 1024 * 1024
# Words of the query that reach FTS5; more only makes the AND longer and slower.
MAX_QUERY_WORDS: Final = 32
SNIPPET_TOKENS: Final = 12
# Search ranks at most this many of the newest matches (see _SEARCH_BEST_SQL).
SEARCH_WINDOW: Final = 1000
MAX_SEARCH_LIMIT: Final = 500

_SIDE_FILES: Final = ("-wal", "-shm", "-journal")

# SQLite primary result codes (sqlite3 exceptions carry the extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26

_SURROGATES: Final = re.compile("[\ud800-\udfff]")
_SHA256: Final = re.compile("[0-9a-f]{64}")

ATTACHMENT_USES: Final = frozenset({"whole", "retrieved"})
CITATION_SOURCES: Final = frozenset({"attachment", "collection"})


# --------------------------------------------------------------------------------------
# Errors


class HistoryError(UserFacingError):
    """Something went wrong with the history; ``user_message`` can be shown as is."""


class HistoryNotFoundError(HistoryError, KeyError):
    """The conversation or message does not exist (any more)."""


class HistoryValueError(HistoryError, ValueError):
    """An argument was rejected (empty title, unknown role or state, ...)."""


class HistoryTooNewError(HistoryError):
    """The file was written by a newer chatapp; it was left untouched."""

    def __init__(self, user_message: str, *, file_version: int, supported_version: int):
        super().__init__(user_message)
        self.file_version = file_version
        self.supported_version = supported_version


class HistoryDamagedError(HistoryError):
    """The file is not a readable chatapp history. It was left untouched; the app may
    move it aside with :func:`quarantine_damaged` and start a new one."""

    def __init__(self, user_message: str, *, path: Path) -> None:
        super().__init__(user_message)
        self.path = path


def _chat_gone() -> str:
    return translate("HistoryStore", "That chat no longer exists.")


def _message_gone() -> str:
    return translate("HistoryStore", "That message no longer exists.")


def _reply_gone() -> str:
    return translate("HistoryStore", "That reply no longer exists.")


def _damaged(path: Path) -> HistoryDamagedError:
    return HistoryDamagedError(
        translate("HistoryStore",
                  "The history file {path} is damaged or is not a chatapp history. "
                  "chatapp has left it as it is; move it aside to start a new history."
                  ).format(path=path),
        path=path,
    )


def _translate(exc: sqlite3.Error, path: Path) -> HistoryError:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return _damaged(path)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return HistoryError(translate(
            "HistoryStore",
            "The chat history is busy (another chatapp window may be saving). Try again."))
    if primary == _SQLITE_FULL:
        return HistoryError(translate(
            "HistoryStore", "The disk is full, so the chat history could not be saved."))
    if primary in (_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CANTOPEN):
        return HistoryError(translate(
            "HistoryStore", "The history file {path} could not be read or written ({error})."
        ).format(path=path, error=exc))
    return HistoryError(translate(
        "HistoryStore", "The chat history could not be read or saved ({error})."
    ).format(error=exc))


# --------------------------------------------------------------------------------------
# Rows


@dataclass(frozen=True, slots=True)
class Conversation:
    id: int
    title: str
    created_at: float
    updated_at: float
    system_prompt: str | None
    message_count: int
    thinking: str | None = None  # the chat's thinking choice; None: the model's default
    active_leaf_id: int | None = None  # the end of the branch on screen
    pinned: bool = False
    settings: dict[str, object] | None = None  # what this chat overrides of the defaults


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    conversation_id: int
    role: str
    content: str
    state: str
    created_at: float
    updated_at: float
    model_file: str | None
    model_sha256: str | None
    generation_settings: dict[str, object] | None
    prompt_tokens: int | None
    generated_tokens: int | None
    ttft_s: float | None
    tokens_per_s: float | None
    error: str | None
    reasoning: str | None = None  # a reasoning model's thought, kept apart from the answer
    reasoning_s: float | None = None  # how long it thought
    ttfa_s: float | None = None  # from the request to the answer's first token
    parent_id: int | None = None  # the message this one answers or follows (None: first)
    edited: bool = False  # a reply the user changed by hand
    stop_reason: str | None = None  # why a reply ended: "eos", "length", "stopped" ...


@dataclass(frozen=True, slots=True)
class SearchHit:
    message_id: int
    conversation_id: int
    conversation_title: str
    role: str
    snippet: str
    """Text around the match; matched words are between MATCH_START and MATCH_END."""
    rank: float
    """FTS5 bm25 score: lower (more negative) is a better match."""
    created_at: float
    """When the message was written (the date a result shows)."""


@dataclass(frozen=True, slots=True)
class ReplyStats:
    prompt_tokens: int
    generated_tokens: int
    ttft_s: float | None
    tokens_per_s: float | None
    ttfa_s: float | None = None
    reasoning_s: float | None = None
    stop_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to a message; its bytes are in the blob store under ``sha256``."""

    name: str  # the file name the user saw
    sha256: str
    size: int  # bytes
    kind: str  # "text", "markdown", "code", "pdf", "docx", "html"
    usage: str | None = None  # how the last prompt used it: "whole", "retrieved"
    passages_used: int | None = None  # "retrieved": how many of its passages went in ...
    passages_total: int | None = None  # ... of how many


@dataclass(frozen=True, slots=True)
class AttachmentUse:
    """How a prompt used an attachment (the chip says it)."""

    usage: str  # "whole" or "retrieved"
    passages_used: int | None = None
    passages_total: int | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """A numbered source a reply's prompt gave the model ([number] in its text)."""

    number: int  # 1-based, as the model saw it
    source: str  # "attachment" (a copy in the blob store) or "collection" (a file on disk)
    name: str  # what the source is called: the attachment's or the file's name
    text: str  # the passage exactly as given to the model
    path: str | None = None  # a collection file's path
    sha256: str | None = None  # an attachment's copy
    page: int | None = None  # 1-based (PDF)
    heading: str | None = None
    start: int | None = None  # offsets of the passage in the document's text
    end: int | None = None
    score: float | None = None  # how relevant retrieval found it (None: given whole)


@dataclass(frozen=True, slots=True)
class MessageDocuments:
    """What an imported message carries besides its text."""

    attachments: tuple[Attachment, ...] = ()
    citations: tuple[Citation, ...] = ()


_CONVERSATION_SQL: Final = """
    SELECT c.id, c.title, c.created_at, c.updated_at, c.system_prompt,
           (SELECT count(*) FROM messages AS m WHERE m.conversation_id = c.id), c.thinking,
           c.active_leaf_id, c.pinned, c.settings
    FROM conversations AS c
"""

_MESSAGE_SQL: Final = """
    SELECT id, conversation_id, role, content, state, created_at, updated_at, model_file,
           model_sha256, generation_settings, prompt_tokens, generated_tokens, ttft_s,
           tokens_per_s, error, reasoning, reasoning_s, ttfa_s, parent_id, edited,
           stop_reason
    FROM messages
"""

# Search in two steps. Ranking every match by bm25 costs ~200 ms when a common word (or
# the one-letter prefix being typed) matches most of 100,000 messages, so the best hits are
# picked among the SEARCH_WINDOW newest matches: FTS5 walks its doclists newest first and
# stops there. A query with fewer matches than that is ranked over all of them. Then
# snippets are made only for the hits returned: "+rowid IN" keeps SQLite from turning the
# IN list into one FTS5 lookup (and one query parse and prefix merge) per hit, and the
# rowid range lets FTS5 skip the rest of the index.
_SEARCH_BEST_SQL: Final = """
    WITH recent AS (
        SELECT rowid AS id, rank FROM message_search
        WHERE message_search MATCH ?1
        ORDER BY rowid DESC
        LIMIT ?2
    ),
    best AS (SELECT id, rank FROM recent ORDER BY rank, id DESC LIMIT ?3)
    SELECT best.id, m.conversation_id, c.title, m.role, best.rank, m.created_at
    FROM best
    JOIN messages AS m ON m.id = best.id
    JOIN conversations AS c ON c.id = m.conversation_id
    ORDER BY best.rank, best.id DESC
"""

_SEARCH_SNIPPETS_SQL: Final = f"""
    SELECT rowid, snippet(message_search, 0, ?, ?, '…', {SNIPPET_TOKENS})
    FROM message_search
    WHERE message_search MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({{ids}})
"""


class _ActiveLeaf:
    """The default parent of a new message: the end of the branch on screen."""


ACTIVE_LEAF: Final = _ActiveLeaf()

# The branch on screen, walked up from the chat's active leaf (the primary key makes each
# step a lookup), then read in order.
_PATH_SQL: Final = f"""
    WITH RECURSIVE path (id) AS (
        SELECT active_leaf_id FROM conversations WHERE id = ?1 AND active_leaf_id IS NOT NULL
        UNION ALL
        SELECT m.parent_id FROM messages AS m JOIN path ON m.id = path.id
        WHERE m.parent_id IS NOT NULL
    )
    {_MESSAGE_SQL} WHERE id IN (SELECT id FROM path) ORDER BY position
"""


def _newest_leaf(conn: sqlite3.Connection, message_id: int) -> int:
    """The end of the newest branch through ``message_id``: follow the newest child."""
    while True:
        child = conn.execute("SELECT id FROM messages WHERE parent_id = ? "
                             "ORDER BY position DESC LIMIT 1", (message_id,)).fetchone()
        if child is None:
            return message_id
        message_id = child[0]


def _conversation(row: Any) -> Conversation:
    return Conversation(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                        bool(row[8]), _decode_settings(row[9]))


def _message(row: Any) -> Message:
    return Message(
        row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
        _decode_settings(row[9]), row[10], row[11], row[12], row[13], row[14],
        row[15], row[16], row[17], row[18], bool(row[19]), row[20],
    )


def _encode_settings(settings: Mapping[str, object] | None) -> str | None:
    if settings is None:
        return None
    # Raises TypeError/ValueError for values JSON cannot hold (a programming error).
    return json.dumps(dict(settings), ensure_ascii=False, allow_nan=False, sort_keys=True)


def _decode_settings(text: str | None) -> dict[str, object] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        log.warning("ignoring unreadable generation settings %r", text[:200])
        return None
    if not isinstance(value, dict):
        log.warning("ignoring generation settings that are not an object: %r", text[:200])
        return None
    return value


def _text(value: str) -> str:
    """SQLite stores UTF-8; a lone surrogate (a broken paste) would make the whole write
    fail, so it becomes U+FFFD instead of losing the message."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATES.sub("\ufffd", value)
    return value


def _optional_text(value: str | None) -> str | None:
    return _text(value) if value else None


def _title(title: str) -> str:
    cleaned = " ".join(_text(title).split())
    if not cleaned:
        raise HistoryValueError(translate("HistoryStore", "A chat title cannot be empty."))
    return cleaned


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise HistoryValueError(translate("HistoryStore", "Unknown message role {role}.")
                                .format(role=repr(role)))


def _check_state(state: str, allowed: frozenset[str] = STATES) -> None:
    if state not in allowed:
        raise HistoryValueError(translate(
            "HistoryStore", "Message state {state} is not allowed here.").format(
                state=repr(state)))


def _not_a_hash(value: str) -> str:
    return translate("HistoryStore", "{value} is not an attachment's hash.").format(
        value=repr(value[:80]))


def _unknown_use(usage: str | None) -> str:
    return translate("HistoryStore", "Unknown attachment use {usage}.").format(
        usage=repr(usage))


def _citations_numbered() -> str:
    return translate("HistoryStore", "Citations are numbered 1, 2, 3 ... each once.")


def _clean_attachment(attachment: Attachment) -> Attachment:
    if not _SHA256.fullmatch(attachment.sha256):
        raise HistoryValueError(_not_a_hash(attachment.sha256))
    if attachment.usage is not None and attachment.usage not in ATTACHMENT_USES:
        raise HistoryValueError(_unknown_use(attachment.usage))
    if attachment.size < 0:
        raise HistoryValueError(translate(
            "HistoryStore", "An attachment's size cannot be negative."))
    return replace(attachment, name=_text(attachment.name), kind=_text(attachment.kind))


def _clean_citation(citation: Citation) -> Citation:
    if citation.source not in CITATION_SOURCES:
        raise HistoryValueError(translate(
            "HistoryStore", "Unknown citation source {source}.").format(
                source=repr(citation.source)))
    if citation.sha256 is not None and not _SHA256.fullmatch(citation.sha256):
        raise HistoryValueError(_not_a_hash(citation.sha256))
    return replace(citation, name=_text(citation.name), text=_text(citation.text),
                   path=None if citation.path is None else _text(citation.path),
                   heading=_optional_text(citation.heading))


_ATTACHMENT_COLUMNS: Final = ("name, sha256, size, kind, usage, passages_used, "
                              "passages_total")
_CITATION_COLUMNS: Final = ("number, source, name, text, path, sha256, page, heading, "
                            "start_offset, end_offset, score")


def _insert_attachments(conn: sqlite3.Connection, message_id: int,
                        attachments: Sequence[Attachment]) -> None:
    conn.executemany(
        f"INSERT INTO attachments (message_id, ordinal, {_ATTACHMENT_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(message_id, ordinal, a.name, a.sha256, a.size, a.kind, a.usage, a.passages_used,
          a.passages_total) for ordinal, a in enumerate(attachments)])


def _insert_citations(conn: sqlite3.Connection, message_id: int,
                      citations: Sequence[Citation]) -> None:
    conn.executemany(
        f"INSERT INTO citations (message_id, {_CITATION_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(message_id, c.number, c.source, c.name, c.text, c.path, c.sha256, c.page,
          c.heading, c.start, c.end, c.score) for c in citations])


def _clean_documents(documents: Mapping[int, MessageDocuments]
                     ) -> dict[int, MessageDocuments]:
    cleaned = {}
    for message_id, extra in documents.items():
        citations = tuple(_clean_citation(c) for c in extra.citations)
        numbers = [c.number for c in citations]
        if len(set(numbers)) != len(numbers) or any(n < 1 for n in numbers):
            raise HistoryValueError(_citations_numbered())
        cleaned[message_id] = MessageDocuments(
            tuple(_clean_attachment(a) for a in extra.attachments), citations)
    return cleaned


def _attachment(row: Any) -> Attachment:
    return Attachment(*row)


def _citation(row: Any) -> Citation:
    return Citation(*row)


# --------------------------------------------------------------------------------------
# Helpers used by the app


def title_from_first_message(text: str, max_chars: int = TITLE_MAX_CHARS) -> str:
    """A chat title from its first message: the first non-blank line, whitespace
    collapsed, cut at a word boundary with an ellipsis when longer than ``max_chars``."""
    line = next((" ".join(ln.split()) for ln in text.splitlines() if ln.strip()), "")
    line = _text(line)
    if not line:
        return DEFAULT_TITLE
    if len(line) <= max_chars:
        return line
    cut = line[: max_chars - 1]
    space = cut.rfind(" ")
    if space >= max_chars // 2:  # a word boundary that keeps at least half the room
        cut = cut[:space]
    return (cut.rstrip(" ,.;:-") or cut) + "…"


def build_match_query(text: str) -> str | None:
    """Turn what the user typed into an FTS5 query that cannot be a syntax error.

    Every whitespace-separated word becomes a quoted FTS5 string (its quotes doubled), so
    AND/OR/NOT/NEAR, ``*``, ``^``, ``:``, parentheses and quotes are just text; the words
    are ANDed, and the last one is prefix-matched for search-as-you-type. A word made only
    of punctuation becomes an empty string, which FTS5 drops. None if nothing is left.
    """
    # FTS5 reads its query as a C string: a NUL would end it mid-quote.
    words = _text(text).replace("\x00", " ").split()[:MAX_QUERY_WORDS]
    if not words:
        return None
    phrases = ['"' + word.replace('"', '""') + '"' for word in words]
    phrases[-1] += " *"
    return " ".join(phrases)


def snippet_to_html(snippet: str, start: str = "<b>", end: str = "</b>") -> str:
    """HTML for a search snippet: the text escaped, the matches wrapped in start/end."""
    return html.escape(snippet).replace(MATCH_START, start).replace(MATCH_END, end)


def quarantine_damaged(path: Path) -> Path:
    """Move a damaged history aside (never delete it) and return its new path.

    ``history.sqlite3`` becomes ``history.sqlite3.damaged-YYYYmmdd-HHMMSS``; its -wal, -shm
    and -journal files keep their suffix after the new name, so SQLite can still open the
    pair together if someone tries to recover it. No store may have the file open.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *_SIDE_FILES)):
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    # The side files go first: a -wal left behind next to a fresh database would be
    # replayed into it.
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(f"{target}{suffix}")
    path.rename(target)
    return target


# --------------------------------------------------------------------------------------
# Opening


def _create_private(path: Path) -> None:
    """Create the file 0600 before SQLite sees it; SQLite creates the -wal and -shm with
    the main file's permission bits, so they are private too."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    os.close(os.open(path, flags, 0o600))


def _tighten_permissions(path: Path) -> None:
    """Make the database and its side files 0600 (a file restored from elsewhere, or a
    -wal left by a program with a looser umask)."""
    if os.name != "posix":
        return
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in _SIDE_FILES)):
        try:
            mode = candidate.stat().st_mode
            if mode & 0o077:
                candidate.chmod(0o600)
        except FileNotFoundError:
            continue
        except OSError as exc:  # not ours to change (owned by another user): say so, go on
            log.warning("could not make %s private: %s", candidate, exc)


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    # Reads first: a file that is not ours, or too new, must be left exactly as it was,
    # and "PRAGMA journal_mode" would already write to it. One read transaction, so a
    # store migrating the same new file meanwhile cannot make it look like a foreign one.
    conn.execute("BEGIN")
    try:
        version = read_version(conn)
        (tables,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    if version > LATEST_VERSION:
        raise HistoryTooNewError(
            translate("HistoryStore",
                      "This history was written by a newer version of chatapp "
                      "(history format {version}; this version reads up to {latest}). "
                      "Update chatapp to open it. The file was not changed: {path}"
                      ).format(version=version, latest=LATEST_VERSION, path=path),
            file_version=version,
            supported_version=LATEST_VERSION,
        )
    if version == 0 and tables:
        raise ForeignDatabaseError(str(path))
    mode = _enable_wal(conn)
    if mode.lower() != "wal":
        # E.g. a network file system without shared memory. Still correct, only readers
        # and the writer wait for each other.
        log.warning("history %s: WAL mode unavailable, using journal_mode=%s", path, mode)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
    migrate(conn)


def _enable_wal(conn: sqlite3.Connection) -> str:
    """Switch to WAL; the journal mode the file ends up in."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            (mode,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return str(mode)
        except sqlite3.OperationalError as exc:
            # Switching a new file to WAL needs it to itself, and SQLite answers BUSY at
            # once instead of waiting on the busy timeout while another connection reads.
            if exc.sqlite_errorname != "SQLITE_BUSY" or time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        _create_private(path)
    except OSError as exc:
        raise HistoryError(translate(
            "HistoryStore", "The history file {path} could not be created ({error})."
        ).format(path=path, error=exc)) from exc
    try:
        # isolation_level=None: no implicit (deferred) BEGIN. Write transactions are
        # explicit BEGIN IMMEDIATE, because a deferred one that upgrades to a write can
        # fail with SQLITE_BUSY at once instead of waiting on the busy timeout.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    try:
        _configure(conn, path)
    except ForeignDatabaseError as exc:
        conn.close()
        raise HistoryDamagedError(
            translate("HistoryStore",
                      "The file {path} is an SQLite database, but not a chatapp history. "
                      "chatapp has left it as it is; move it aside to start a new history."
                      ).format(path=path),
            path=path,
        ) from exc
    except MigrationError as exc:
        conn.close()
        raise HistoryError(translate(
            "HistoryStore", "The history file {path} could not be upgraded ({error})."
        ).format(path=path, error=exc)) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _translate(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    _tighten_permissions(path)
    return conn


# --------------------------------------------------------------------------------------
# The store


class HistoryStore:
    """Conversations and messages in the SQLite file at ``path``; see the module docs."""

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self._path = Path(path)
        self._clock = clock
        self._conn: sqlite3.Connection | None = _connect(self._path)

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- plumbing ----------------------------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise HistoryError(translate("HistoryStore", "The chat history is closed."))
        return self._conn

    @contextmanager
    def _errors(self) -> Iterator[sqlite3.Connection]:
        """The connection, with SQLite errors turned into HistoryError. Programming
        errors (sqlite3.ProgrammingError, e.g. use from the wrong thread) pass through."""
        conn = self._db()
        try:
            yield conn
        except sqlite3.ProgrammingError:  # a DatabaseError subclass, but our bug
            raise
        except sqlite3.DatabaseError as exc:
            raise _translate(exc, self._path) from exc

    @contextmanager
    def _transaction(self, begin: str = "BEGIN IMMEDIATE") -> Iterator[sqlite3.Connection]:
        """A write transaction by default; ``begin="BEGIN"`` gives a read transaction
        (one consistent snapshot; in WAL mode it never blocks the writer)."""
        with self._errors() as conn:
            conn.execute(begin)
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise

    def _not_streaming(self, conn: sqlite3.Connection, message_id: int) -> HistoryError:
        row = conn.execute("SELECT state FROM messages WHERE id = ?", (message_id,)).fetchone()
        if row is None:
            return HistoryNotFoundError(_message_gone())
        return HistoryValueError(translate(
            "HistoryStore", "That reply is no longer being written (it is {state})."
        ).format(state=row[0]))

    # -- conversations -----------------------------------------------------------------

    def create_conversation(
        self, title: str = DEFAULT_TITLE, system_prompt: str | None = None
    ) -> Conversation:
        title = _title(title)
        if system_prompt is not None:
            system_prompt = _text(system_prompt)
        now = self._clock()
        with self._errors() as conn:
            cursor = conn.execute(
                "INSERT INTO conversations (title, created_at, updated_at, system_prompt) "
                "VALUES (?, ?, ?, ?)",
                (title, now, now, system_prompt),
            )
        assert cursor.lastrowid is not None
        return Conversation(cursor.lastrowid, title, now, now, system_prompt, 0)

    def list_conversations(self) -> list[Conversation]:
        """All conversations: pinned ones first, then most recently updated first."""
        with self._errors() as conn:
            rows = conn.execute(
                _CONVERSATION_SQL + " ORDER BY c.pinned DESC, c.updated_at DESC, c.id DESC"
            ).fetchall()
        return [_conversation(row) for row in rows]

    def get_conversation(self, conversation_id: int) -> Conversation:
        with self._errors() as conn:
            row = conn.execute(_CONVERSATION_SQL + " WHERE c.id = ?", (conversation_id,)).fetchone()
        if row is None:
            raise HistoryNotFoundError(_chat_gone())
        return _conversation(row)

    def rename_conversation(self, conversation_id: int, title: str) -> None:
        """Rename (whitespace collapsed; empty is refused). Does not change updated_at:
        renaming a chat should not move it to the top of the list."""
        title = _title(title)
        with self._errors() as conn:
            cursor = conn.execute(
                "UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id)
            )
        if cursor.rowcount == 0:
            raise HistoryNotFoundError(_chat_gone())

    def set_thinking(self, conversation_id: int, thinking: str | None) -> None:
        """Remember the chat's thinking choice (None: the model's default). Like a
        rename, it does not move the chat to the top of the list."""
        with self._errors() as conn:
            cursor = conn.execute(
                "UPDATE conversations SET thinking = ? WHERE id = ?", (thinking, conversation_id)
            )
        if cursor.rowcount == 0:
            raise HistoryNotFoundError(_chat_gone())

    def delete_conversation(self, conversation_id: int) -> None:
        """Delete a chat; its messages go with it (ON DELETE CASCADE, in one statement)."""
        with self._errors() as conn:
            cursor = conn.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))
        if cursor.rowcount == 0:
            raise HistoryNotFoundError(_chat_gone())

    # -- messages ----------------------------------------------------------------------

    def list_messages(self, conversation_id: int) -> list[Message]:
        """The branch on screen: from the first message to the chat's active leaf."""
        with self._errors() as conn:
            rows = conn.execute(_PATH_SQL, (conversation_id,)).fetchall()
            if not rows:
                self._check_conversation(conn, conversation_id)
        return [_message(row) for row in rows]

    def list_tree(self, conversation_id: int) -> list[Message]:
        """Every message of every branch, in the order they were written."""
        with self._errors() as conn:
            rows = conn.execute(
                _MESSAGE_SQL + " WHERE conversation_id = ? ORDER BY position", (conversation_id,)
            ).fetchall()
            if not rows:
                self._check_conversation(conn, conversation_id)
        return [_message(row) for row in rows]

    def siblings(self, conversation_id: int) -> dict[int, tuple[int, ...]]:
        """For each message with siblings (other answers to the same message, other
        versions of the same question), the ids of its group in the order written."""
        groups: dict[int | None, list[int]] = {}
        with self._errors() as conn:
            for message_id, parent_id in conn.execute(
                    "SELECT id, parent_id FROM messages WHERE conversation_id = ? "
                    "ORDER BY position", (conversation_id,)):
                groups.setdefault(parent_id, []).append(message_id)
        return {member: tuple(group) for group in groups.values() if len(group) > 1
                for member in group}

    def switch_branch(self, conversation_id: int, message_id: int) -> None:
        """Show the branch through ``message_id``, to its newest end."""
        with self._transaction() as conn:
            row = conn.execute("SELECT conversation_id FROM messages WHERE id = ?",
                               (message_id,)).fetchone()
            if row is None or row[0] != conversation_id:
                raise HistoryNotFoundError(_message_gone())
            conn.execute("UPDATE conversations SET active_leaf_id = ? WHERE id = ?",
                         (_newest_leaf(conn, message_id), conversation_id))

    def set_active_leaf(self, conversation_id: int, message_id: int) -> None:
        """Show the branch that ends at ``message_id`` exactly (e.g. the question a new
        answer is about to follow)."""
        with self._transaction() as conn:
            row = conn.execute("SELECT conversation_id FROM messages WHERE id = ?",
                               (message_id,)).fetchone()
            if row is None or row[0] != conversation_id:
                raise HistoryNotFoundError(_message_gone())
            conn.execute("UPDATE conversations SET active_leaf_id = ? WHERE id = ?",
                         (message_id, conversation_id))

    def _check_conversation(self, conn: sqlite3.Connection, conversation_id: int) -> None:
        if conn.execute("SELECT 1 FROM conversations WHERE id = ?",
                        (conversation_id,)).fetchone() is None:
            raise HistoryNotFoundError(_chat_gone())

    def get_message(self, message_id: int) -> Message:
        with self._errors() as conn:
            row = conn.execute(_MESSAGE_SQL + " WHERE id = ?", (message_id,)).fetchone()
        if row is None:
            raise HistoryNotFoundError(_message_gone())
        return _message(row)

    def add_message(
        self,
        conversation_id: int,
        role: str,
        content: str,
        *,
        state: str = "complete",
        model_file: str | None = None,
        model_sha256: str | None = None,
        generation_settings: Mapping[str, object] | None = None,
        parent_id: int | _ActiveLeaf | None = ACTIVE_LEAF,
        attachments: Sequence[Attachment] = (),
    ) -> Message:
        """Add a message after ``parent_id`` (by default the end of the branch on screen;
        None: a first message) and make it the branch's new end; committed before this
        returns, and the chat's updated_at bumped. A reply about to be streamed is added
        with state='streaming'. ``attachments`` (their bytes already in the blob store)
        are added with it, in the same transaction."""
        attachments = [_clean_attachment(a) for a in attachments]
        _check_role(role)
        _check_state(state)
        content = _text(content)
        settings = _encode_settings(generation_settings)
        now = self._clock()
        with self._transaction() as conn:
            chat = conn.execute("SELECT active_leaf_id FROM conversations WHERE id = ?",
                                (conversation_id,)).fetchone()
            if chat is None:
                raise HistoryNotFoundError(_chat_gone())
            parent = chat[0] if isinstance(parent_id, _ActiveLeaf) else parent_id
            if parent is not None:
                owner = conn.execute("SELECT conversation_id FROM messages WHERE id = ?",
                                     (parent,)).fetchone()
                if owner is None or owner[0] != conversation_id:
                    raise HistoryNotFoundError(translate(
                        "HistoryStore", "The message this one follows no longer exists."))
            cursor = conn.execute(
                """
                INSERT INTO messages (conversation_id, position, role, content, state,
                                      created_at, updated_at, model_file, model_sha256,
                                      generation_settings, parent_id)
                VALUES (?1, (SELECT coalesce(max(position), -1) + 1 FROM messages
                             WHERE conversation_id = ?1),
                        ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9)
                """,
                (conversation_id, role, content, state, now, model_file, model_sha256,
                 settings, parent),
            )
            assert cursor.lastrowid is not None
            _insert_attachments(conn, cursor.lastrowid, attachments)
            conn.execute("UPDATE conversations SET updated_at = ?, active_leaf_id = ? "
                         "WHERE id = ?", (now, cursor.lastrowid, conversation_id))
        return Message(
            cursor.lastrowid, conversation_id, role, content, state, now, now, model_file,
            model_sha256, _decode_settings(settings), None, None, None, None, None,
            parent_id=parent,
        )

    def update_streaming_content(self, message_id: int, content: str,
                                 reasoning: str | None = None) -> None:
        """Replace the text of a reply that is being streamed (committed on return).

        One UPDATE and nothing else: it does not touch the search index (streaming rows
        are indexed when finalized) nor the chat's updated_at (add and finalize do).
        Raises HistoryNotFoundError if the message is gone, HistoryValueError if it is no
        longer 'streaming' (finalized, or recovered as 'interrupted').
        """
        with self._errors() as conn:
            cursor = conn.execute(
                "UPDATE messages SET content = ?, reasoning = ?, updated_at = ? "
                "WHERE id = ? AND state = 'streaming'",
                (_text(content), _optional_text(reasoning), self._clock(), message_id),
            )
            if cursor.rowcount == 0:
                raise self._not_streaming(conn, message_id)

    def finalize_message(
        self,
        message_id: int,
        content: str,
        state: str,
        stats: ReplyStats | None = None,
        *,
        error: str | None = None,
        reasoning: str | None = None,
    ) -> Message:
        """Set a reply's final text, reasoning, state (not 'streaming'), stats and error,
        exactly as given; bump the chat's updated_at. The answer becomes searchable."""
        _check_state(state, FINAL_STATES)
        content = _text(content)
        reasoning = _optional_text(reasoning)
        now = self._clock()
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT conversation_id FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if row is None:
                raise HistoryNotFoundError(_message_gone())
            conn.execute(
                """
                UPDATE messages
                SET content = ?, state = ?, updated_at = ?, prompt_tokens = ?,
                    generated_tokens = ?, ttft_s = ?, tokens_per_s = ?, error = ?,
                    reasoning = ?, reasoning_s = ?, ttfa_s = ?, stop_reason = ?
                WHERE id = ?
                """,
                (
                    content, state, now,
                    stats.prompt_tokens if stats else None,
                    stats.generated_tokens if stats else None,
                    stats.ttft_s if stats else None,
                    stats.tokens_per_s if stats else None,
                    error, reasoning,
                    stats.reasoning_s if stats else None,
                    stats.ttfa_s if stats else None,
                    stats.stop_reason if stats else None,
                    message_id,
                ),
            )
            conn.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, row[0]))
            final = conn.execute(_MESSAGE_SQL + " WHERE id = ?", (message_id,)).fetchone()
        return _message(final)

    def delete_message(self, message_id: int) -> None:
        """Delete a message and everything that follows it on its branches; bumps the
        chat's updated_at. If the branch on screen went with it, the newest branch left
        after its parent is shown."""
        now = self._clock()
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT conversation_id, parent_id FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if row is None:
                raise HistoryNotFoundError(_message_gone())
            conversation_id, parent_id = row
            conn.execute("DELETE FROM messages WHERE id = ?", (message_id,))
            (leaf,) = conn.execute("SELECT active_leaf_id FROM conversations WHERE id = ?",
                                   (conversation_id,)).fetchone()
            if leaf is None:  # ON DELETE SET NULL: the branch on screen was deleted
                if parent_id is not None:
                    leaf = _newest_leaf(conn, parent_id)
                else:
                    newest_root = conn.execute(
                        "SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS "
                        "NULL ORDER BY position DESC LIMIT 1", (conversation_id,)).fetchone()
                    leaf = _newest_leaf(conn, newest_root[0]) if newest_root else None
            conn.execute("UPDATE conversations SET updated_at = ?, active_leaf_id = ? "
                         "WHERE id = ?", (now, leaf, conversation_id))

    def reopen_reply(self, message_id: int) -> Message:
        """A finished reply is written on (continued): it is 'streaming' again, its text
        kept, until finalized anew. Only the end of the branch on screen can be."""
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT m.role, m.state, c.active_leaf_id FROM messages AS m "
                "JOIN conversations AS c ON c.id = m.conversation_id WHERE m.id = ?",
                (message_id,)).fetchone()
            if row is None:
                raise HistoryNotFoundError(_reply_gone())
            role, state, leaf = row
            if role != "assistant" or state == "streaming" or leaf != message_id:
                raise HistoryValueError(translate(
                    "HistoryStore", "Only the last reply can be continued."))
            conn.execute("UPDATE messages SET state = 'streaming', updated_at = ? "
                         "WHERE id = ?", (self._clock(), message_id))
            final = conn.execute(_MESSAGE_SQL + " WHERE id = ?", (message_id,)).fetchone()
        return _message(final)

    def edit_message(self, message_id: int, content: str) -> Message:
        """Change a finished message's text in place (a reply the user corrects); it is
        marked as edited. A question is edited by adding a sibling instead."""
        content = _text(content)
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE messages SET content = ?, edited = 1, updated_at = ? "
                "WHERE id = ? AND state != 'streaming'", (content, self._clock(), message_id))
            if cursor.rowcount == 0:
                if conn.execute("SELECT 1 FROM messages WHERE id = ?",
                                (message_id,)).fetchone() is None:
                    raise HistoryNotFoundError(_message_gone())
                raise HistoryValueError(translate(
                    "HistoryStore", "That reply is still being written."))
            row = conn.execute(_MESSAGE_SQL + " WHERE id = ?", (message_id,)).fetchone()
        return _message(row)

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        """Pin a chat to the top of the list (or unpin it); its updated_at stays."""
        with self._errors() as conn:
            cursor = conn.execute("UPDATE conversations SET pinned = ? WHERE id = ?",
                                  (int(pinned), conversation_id))
        if cursor.rowcount == 0:
            raise HistoryNotFoundError(_chat_gone())

    def set_conversation_settings(self, conversation_id: int,
                                  settings: Mapping[str, object] | None) -> None:
        """What this chat overrides of the defaults (None: it follows the defaults)."""
        encoded = _encode_settings(settings) if settings else None
        with self._errors() as conn:
            cursor = conn.execute("UPDATE conversations SET settings = ? WHERE id = ?",
                                  (encoded, conversation_id))
        if cursor.rowcount == 0:
            raise HistoryNotFoundError(_chat_gone())

    def recover_interrupted(self) -> int:
        """At startup, before anything streams: replies left 'streaming' by an app that
        was killed mid-reply become 'interrupted', keeping the text they had (and become
        searchable). Returns how many. Calling it while another store is streaming would
        cut that reply off too; its next update then raises HistoryValueError."""
        with self._errors() as conn:
            cursor = conn.execute(
                "UPDATE messages SET state = 'interrupted', updated_at = ? "
                "WHERE state = 'streaming'",
                (self._clock(),),
            )
        return cursor.rowcount

    # -- documents ---------------------------------------------------------------------

    def list_attachments(self, message_id: int) -> list[Attachment]:
        """A message's attachments, in the order attached."""
        with self._errors() as conn:
            rows = conn.execute(f"SELECT {_ATTACHMENT_COLUMNS} FROM attachments "
                                "WHERE message_id = ? ORDER BY ordinal", (message_id,))
            return [_attachment(row) for row in rows]

    def list_citations(self, message_id: int) -> list[Citation]:
        """A reply's citations, by number."""
        with self._errors() as conn:
            rows = conn.execute(f"SELECT {_CITATION_COLUMNS} FROM citations "
                                "WHERE message_id = ? ORDER BY number", (message_id,))
            return [_citation(row) for row in rows]

    def attachments_of(self, conversation_id: int) -> dict[int, list[Attachment]]:
        """The attachments of every message of a chat that has some, by message id."""
        found: dict[int, list[Attachment]] = {}
        with self._errors() as conn:
            for row in conn.execute(
                    f"SELECT a.message_id, {_ATTACHMENT_COLUMNS} FROM attachments AS a "
                    "JOIN messages AS m ON m.id = a.message_id "
                    "WHERE m.conversation_id = ? ORDER BY a.message_id, a.ordinal",
                    (conversation_id,)):
                found.setdefault(row[0], []).append(_attachment(row[1:]))
        return found

    def citations_of(self, conversation_id: int) -> dict[int, list[Citation]]:
        """The citations of every reply of a chat that has some, by message id."""
        found: dict[int, list[Citation]] = {}
        with self._errors() as conn:
            for row in conn.execute(
                    f"SELECT c.message_id, {_CITATION_COLUMNS} FROM citations AS c "
                    "JOIN messages AS m ON m.id = c.message_id "
                    "WHERE m.conversation_id = ? ORDER BY c.message_id, c.number",
                    (conversation_id,)):
                found.setdefault(row[0], []).append(_citation(row[1:]))
        return found

    def record_grounding(self, reply_id: int, citations: Sequence[Citation], *,
                         question_id: int | None = None,
                         uses: Mapping[int, AttachmentUse] | None = None) -> None:
        """What a reply's prompt was given: its citations (replacing any it had) and how
        the question's attachments were used (``uses``: by their position, 0-based)."""
        cleaned = [_clean_citation(c) for c in citations]
        numbers = [c.number for c in cleaned]
        if len(set(numbers)) != len(numbers) or any(n < 1 for n in numbers):
            raise HistoryValueError(_citations_numbered())
        for use in (uses or {}).values():
            if use.usage not in ATTACHMENT_USES:
                raise HistoryValueError(_unknown_use(use.usage))
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM messages WHERE id = ?",
                            (reply_id,)).fetchone() is None:
                raise HistoryNotFoundError(_reply_gone())
            conn.execute("DELETE FROM citations WHERE message_id = ?", (reply_id,))
            _insert_citations(conn, reply_id, cleaned)
            if question_id is not None and uses:
                conn.executemany(
                    "UPDATE attachments SET usage = ?, passages_used = ?, passages_total = ? "
                    "WHERE message_id = ? AND ordinal = ?",
                    [(use.usage, use.passages_used, use.passages_total, question_id, ordinal)
                     for ordinal, use in uses.items()])

    def attachment_hashes(self) -> set[str]:
        """The hashes of every attached file and cited attachment the history refers to
        (what the blob store must keep)."""
        with self._errors() as conn:
            rows = conn.execute("SELECT sha256 FROM attachments UNION "
                                "SELECT sha256 FROM citations WHERE sha256 IS NOT NULL")
            return {row[0] for row in rows}

    # -- search and backup -------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over all finished messages, best match first.

        ``query`` is what the user typed: its words are matched as words (any FTS syntax
        in it is just text), the last word as a prefix. When more than SEARCH_WINDOW
        messages match, the best are chosen among the newest SEARCH_WINDOW matches.
        Replies still streaming are not found until finalized (or recovered).
        """
        match = build_match_query(query)
        limit = min(limit, MAX_SEARCH_LIMIT)
        if match is None or limit <= 0:
            return []
        window = max(SEARCH_WINDOW, limit)
        with self._transaction("BEGIN") as conn:
            best = conn.execute(_SEARCH_BEST_SQL, (match, window, limit)).fetchall()
            if not best:
                return []
            ids = [row[0] for row in best]
            snippets = dict(
                conn.execute(
                    _SEARCH_SNIPPETS_SQL.format(ids=",".join("?" * len(ids))),
                    (MATCH_START, MATCH_END, match, min(ids), max(ids), *ids),
                ).fetchall()
            )
        return [
            SearchHit(row[0], row[1], row[2], row[3], snippets.get(row[0], ""), row[4], row[5])
            for row in best
        ]

    def backup_to(self, target: Path) -> None:
        """Write a consistent copy of the history to ``target`` (replaced if it exists).

        Uses SQLite's online backup, so the copy includes what is still in the WAL and
        other stores may keep writing meanwhile. The copy is made next to the target
        and renamed over it only when complete.
        """
        target = Path(target)
        if target.exists() and target.resolve() == self._path.resolve():
            raise HistoryValueError(translate(
                "HistoryStore", "A backup cannot replace the history it is made from."))
        for suffix in _SIDE_FILES:
            if Path(f"{target}{suffix}").exists():
                raise HistoryValueError(
                    translate("HistoryStore",
                              "{target} is open in another program (its {suffix} file "
                              "exists); choose another backup file."
                              ).format(target=target, suffix=suffix)
                )
        source = self._db()
        partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
            os.close(os.open(partial, flags, 0o600))
            dest = sqlite3.connect(partial, isolation_level=None)
            try:
                source.backup(dest)
                # The copy says WAL in its header (copied from ours); make it an ordinary
                # single file so the backup is exactly one file.
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
            with open(partial, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, target)
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.DatabaseError as exc:
            raise _translate(exc, target) from exc
        except OSError as exc:
            raise HistoryError(translate(
                "HistoryStore", "The backup {target} could not be written ({error})."
            ).format(target=target, error=exc)) from exc
        finally:
            for leftover in (partial, *(Path(f"{partial}{s}") for s in _SIDE_FILES)):
                with suppress(FileNotFoundError):
                    leftover.unlink()

    # -- importing ---------------------------------------------------------------------

    def import_conversations(
        self, chats: list[tuple[Conversation, list[Message]]],
        documents: Sequence[Mapping[int, MessageDocuments]] | None = None,
    ) -> list[Conversation]:
        """Add whole chats exactly as given (title, settings, every message of every
        branch, timestamps, stats) in ONE transaction: all of them, or on any error none.

        Ids in the arguments are keys within their chat only: a Message's ``parent_id``
        and the Conversation's ``active_leaf_id`` name messages of the same chat by them,
        and the history gives new ids. A parent comes before its children (which also
        rules out cycles); messages keep the given order. ``message_count`` and
        ``conversation_id`` are ignored. ``documents``, if given, holds for each chat the
        attachments and citations of its messages, by the same ids. Returns the chats as
        stored, in the given order.
        """
        prepared = [self._prepare_import(conversation, messages)
                    for conversation, messages in chats]
        extras = [_clean_documents(d) for d in documents] if documents is not None \
            else [{} for _ in chats]
        if len(extras) != len(prepared):
            raise HistoryValueError(translate(
                "HistoryStore", "Every imported chat needs its documents, or none does."))
        stored: list[Conversation] = []
        with self._transaction() as conn:
            for (conversation, messages), extra in zip(prepared, extras, strict=True):
                cursor = conn.execute(
                    "INSERT INTO conversations (title, created_at, updated_at, system_prompt, "
                    "thinking, pinned, settings) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (conversation.title, conversation.created_at, conversation.updated_at,
                     conversation.system_prompt, conversation.thinking,
                     int(conversation.pinned), _encode_settings(conversation.settings)))
                chat_id = cursor.lastrowid
                new_ids: dict[int, int] = {}
                for position, m in enumerate(messages):
                    parent = None if m.parent_id is None else new_ids[m.parent_id]
                    cursor = conn.execute(
                        """
                        INSERT INTO messages (conversation_id, position, role, content, state,
                            created_at, updated_at, model_file, model_sha256,
                            generation_settings, prompt_tokens, generated_tokens, ttft_s,
                            tokens_per_s, error, reasoning, reasoning_s, ttfa_s, parent_id,
                            edited, stop_reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        (chat_id, position, m.role, m.content, m.state, m.created_at,
                         m.updated_at, m.model_file, m.model_sha256,
                         _encode_settings(m.generation_settings), m.prompt_tokens,
                         m.generated_tokens, m.ttft_s, m.tokens_per_s, m.error, m.reasoning,
                         m.reasoning_s, m.ttfa_s, parent, int(m.edited), m.stop_reason))
                    assert cursor.lastrowid is not None
                    new_ids[m.id] = cursor.lastrowid
                    if m.id in extra:
                        _insert_attachments(conn, cursor.lastrowid, extra[m.id].attachments)
                        _insert_citations(conn, cursor.lastrowid, extra[m.id].citations)
                if conversation.active_leaf_id is not None:
                    conn.execute("UPDATE conversations SET active_leaf_id = ? WHERE id = ?",
                                 (new_ids[conversation.active_leaf_id], chat_id))
                row = conn.execute(_CONVERSATION_SQL + " WHERE c.id = ?", (chat_id,)).fetchone()
                stored.append(_conversation(row))
        return stored

    @staticmethod
    def _prepare_import(conversation: Conversation, messages: list[Message]
                        ) -> tuple[Conversation, list[Message]]:
        """Checked and cleaned like every other write, before the transaction starts."""
        seen: set[int] = set()
        cleaned: list[Message] = []
        for m in messages:
            _check_role(m.role)
            _check_state(m.state, FINAL_STATES)  # nothing is being written into an import
            if m.id in seen:
                raise HistoryValueError(translate(
                    "HistoryStore", "Message {id} appears twice in an imported chat."
                ).format(id=m.id))
            if m.parent_id is not None and m.parent_id not in seen:
                raise HistoryValueError(translate(
                    "HistoryStore", "Message {id} of an imported chat follows a message "
                    "that does not come before it.").format(id=m.id))
            seen.add(m.id)
            cleaned.append(replace(
                m, content=_text(m.content), reasoning=_optional_text(m.reasoning),
                error=_optional_text(m.error),
                model_file=None if m.model_file is None else _text(m.model_file),
                model_sha256=None if m.model_sha256 is None else _text(m.model_sha256)))
        if conversation.active_leaf_id is not None and conversation.active_leaf_id not in seen:
            raise HistoryValueError(translate(
                "HistoryStore", "An imported chat shows a message it does not have."))
        system_prompt = conversation.system_prompt
        chat = replace(
            conversation, title=_title(conversation.title),
            system_prompt=None if system_prompt is None else _text(system_prompt))
        return chat, cleaned
