"""Ordered schema migrations for the chat history database.

The schema version lives in ``PRAGMA user_version``. Migration *n* takes a database at
version *n - 1* to version *n*, inside one ``BEGIN IMMEDIATE`` transaction that also sets
``user_version``, so a crash or an error mid-way leaves the database at *n - 1*.

A migration that has shipped is never edited: users have databases it already ran on.
Change the schema by appending a new migration.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "LATEST_VERSION",
    "MIGRATIONS",
    "ForeignDatabaseError",
    "Migration",
    "MigrationError",
    "migrate",
    "read_version",
    "split_statements",
]


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


class MigrationError(Exception):
    """A migration could not be applied; the database stays at the version it had."""


class ForeignDatabaseError(MigrationError):
    """The file is a SQLite database, but it was not written by chatapp."""


# AUTOINCREMENT: ids are never reused. The UI and a streaming worker hold ids; without it
# deleting the newest chat or reply and creating another would hand the same id to the new
# row, and a late write meant for the deleted one would land in it.
_V1_BASE_SCHEMA = """
CREATE TABLE conversations (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    title         TEXT    NOT NULL,
    created_at    REAL    NOT NULL,
    updated_at    REAL    NOT NULL,
    system_prompt TEXT
);

-- The sidebar lists chats most recently updated first.
CREATE INDEX conversations_by_updated_at ON conversations (updated_at, id);

CREATE TABLE messages (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id     INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    role                TEXT    NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    content             TEXT    NOT NULL DEFAULT '',
    state               TEXT    NOT NULL DEFAULT 'complete'
                        CHECK (state IN ('complete', 'streaming', 'stopped', 'interrupted',
                                         'error')),
    created_at          REAL    NOT NULL,
    updated_at          REAL    NOT NULL,
    model_file          TEXT,
    model_sha256        TEXT,
    generation_settings TEXT,
    prompt_tokens       INTEGER,
    generated_tokens    INTEGER,
    ttft_s              REAL,
    tokens_per_s        REAL,
    error               TEXT
);

-- Lists a conversation's messages in order, and is the child-key index that keeps the
-- ON DELETE CASCADE from scanning every message in every chat.
CREATE UNIQUE INDEX messages_by_conversation ON messages (conversation_id, position);

-- Startup recovery looks for replies left 'streaming' by a killed app; a partial index
-- keeps that a lookup instead of a scan of the whole history.
CREATE INDEX messages_streaming ON messages (id) WHERE state = 'streaming';
"""

# Full-text search. The FTS5 table is an external-content table whose content is a view
# of the messages that are NOT 'streaming': a reply is indexed once, when it is finalized
# (or recovered as 'interrupted'), not on each of the once-a-second streaming updates.
# Re-indexing a growing reply every second writes every token again each time (quadratic
# in the reply length) and churns FTS5 segments and the WAL for text nobody can search for
# yet. Because the view, not the table, is the declared content, the index matches its
# content exactly, so FTS5's 'rebuild' and 'integrity-check' (rank = 1) stay correct.
# The triggers keep it in sync; an FTS5 'delete' must be given the values that were
# indexed, which is why every delete uses old.content and only for rows that were indexed.
# prefix = '1 2 3': the search box prefix-matches the word being typed, and without these
# prefix indexes FTS5 merges the doclists of every term starting with "t" or "th" (a few
# hundred ms over 100,000 messages). They make the index about three times larger.
_V2_FULL_TEXT_SEARCH = """
CREATE VIEW message_search_source AS
    SELECT id, content FROM messages WHERE state != 'streaming';

CREATE VIRTUAL TABLE message_search USING fts5 (
    content,
    content = 'message_search_source',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

INSERT INTO message_search (message_search) VALUES ('rebuild');

CREATE TRIGGER message_search_after_insert AFTER INSERT ON messages
WHEN new.state != 'streaming'
BEGIN
    INSERT INTO message_search (rowid, content) VALUES (new.id, new.content);
END;

-- One trigger, two statements, so the old row always leaves the index before the new one
-- enters it (separate triggers fire in an unspecified order).
CREATE TRIGGER message_search_after_update AFTER UPDATE OF content, state ON messages
BEGIN
    INSERT INTO message_search (message_search, rowid, content)
        SELECT 'delete', old.id, old.content WHERE old.state != 'streaming';
    INSERT INTO message_search (rowid, content)
        SELECT new.id, new.content WHERE new.state != 'streaming';
END;

CREATE TRIGGER message_search_after_delete AFTER DELETE ON messages
WHEN old.state != 'streaming'
BEGIN
    INSERT INTO message_search (message_search, rowid, content)
        VALUES ('delete', old.id, old.content);
END;
"""

# A reasoning model's thought is kept apart from its answer: never shown as the answer,
# never searched as it (the search index covers `content` only), never sent back to the
# model as if it had been said. `ttfa_s` is the wait for the answer's first token
# (`ttft_s` counts the thought's). A chat's thinking choice ('on', 'off', 'low',
# 'medium', 'high'; NULL: the model's own default) belongs to the chat.
_V3_REASONING = """
ALTER TABLE messages ADD COLUMN reasoning TEXT;
ALTER TABLE messages ADD COLUMN reasoning_s REAL;
ALTER TABLE messages ADD COLUMN ttfa_s REAL;
ALTER TABLE conversations ADD COLUMN thinking TEXT;
"""

# Conversations become trees: each message has a parent (None for the first), so an
# edited question or a regenerated reply is a sibling that keeps the old branch; each
# chat remembers the leaf of the branch on screen. A linear chat is the tree where each
# message's parent is the one before it. Deleting a message deletes what follows it
# (ON DELETE CASCADE; the search index's delete trigger fires for each row). Also: a
# reply edited by the user is marked; a chat can be pinned and can carry its own
# settings (JSON of the fields it overrides; NULL: the defaults).
_V4_TREES = """
ALTER TABLE messages ADD COLUMN parent_id INTEGER REFERENCES messages (id) ON DELETE CASCADE;
ALTER TABLE messages ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN active_leaf_id INTEGER
    REFERENCES messages (id) ON DELETE SET NULL;
ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN settings TEXT;

UPDATE messages SET parent_id = (
    SELECT before.id FROM messages AS before
    WHERE before.conversation_id = messages.conversation_id
      AND before.position < messages.position
    ORDER BY before.position DESC LIMIT 1);

UPDATE conversations SET active_leaf_id = (
    SELECT id FROM messages WHERE conversation_id = conversations.id
    ORDER BY position DESC LIMIT 1);

-- Children of a message (siblings, branch switching, the cascade of a delete).
CREATE INDEX messages_by_parent ON messages (parent_id, position);
"""

# Why a reply ended ('eos', 'length', 'stopped', 'context_full'): a reply cut at the
# length limit can be continued, also after the app was closed.
_V5_STOP_REASON = """
ALTER TABLE messages ADD COLUMN stop_reason TEXT;
"""

# Documents (issue 12). A message's attachments: the file name the user saw, the SHA-256
# of its private copy (documents/blob_store), its size and kind, and how the last prompt
# used it ('whole', or 'retrieved': passages_used of passages_total). A reply's
# citations: the numbered sources its prompt gave the model, each with the passage text
# exactly as given, so a later prompt that carries this turn again is rebuilt as it was,
# and the reply can show where each came from (an attachment's copy, by its hash, or a
# collection's file, by its path; page, heading, offsets in the document's text). Both
# go with their message (ON DELETE CASCADE; the primary key is the child-key index).
_V6_DOCUMENTS = """
CREATE TABLE attachments (
    message_id     INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    ordinal        INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    sha256         TEXT    NOT NULL,
    size           INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    usage          TEXT    CHECK (usage IN ('whole', 'retrieved')),
    passages_used  INTEGER,
    passages_total INTEGER,
    PRIMARY KEY (message_id, ordinal)
) WITHOUT ROWID;

-- Which blobs are still referred to (collecting the others).
CREATE INDEX attachments_by_sha256 ON attachments (sha256);

CREATE TABLE citations (
    message_id   INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    number       INTEGER NOT NULL,
    source       TEXT    NOT NULL CHECK (source IN ('attachment', 'collection')),
    name         TEXT    NOT NULL,
    path         TEXT,
    sha256       TEXT,
    page         INTEGER,
    heading      TEXT,
    start_offset INTEGER,
    end_offset   INTEGER,
    text         TEXT    NOT NULL,
    score        REAL,
    PRIMARY KEY (message_id, number)
) WITHOUT ROWID;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "conversations and messages", _V1_BASE_SCHEMA),
    Migration(2, "full-text search over finished messages", _V2_FULL_TEXT_SEARCH),
    Migration(3, "reasoning kept apart from the answer; a thinking choice per chat",
              _V3_REASONING),
    Migration(4, "conversations as trees of branches; pinned chats; per-chat settings",
              _V4_TREES),
    Migration(5, "why each reply ended", _V5_STOP_REASON),
    Migration(6, "attachments of a message; citations of a reply", _V6_DOCUMENTS),
)

LATEST_VERSION: int = MIGRATIONS[-1].version


def split_statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (trigger bodies stay whole).

    ``executescript`` cannot be used for migrations: it commits any open transaction
    first, so the version check and the schema change could not share one transaction.
    """
    statements: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if _strip_comments(pending).strip(" \t\r\n;"):
                statements.append(pending.strip())
            pending = ""
    if _strip_comments(pending).strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending!r}")
    return statements


def _strip_comments(sql: str) -> str:
    return "\n".join(line.split("--", 1)[0] for line in sql.splitlines())


def read_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(
    conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS
) -> int:
    """Apply the pending migrations, each in its own transaction; return the final version.

    ``conn`` must be in autocommit mode (``isolation_level=None``). Several processes or
    threads may call this on the same file at once: the version is re-read after the write
    lock is taken, so each migration runs exactly once.
    """
    _check_sequence(migrations)
    for migration in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = read_version(conn)
            if version >= migration.version:
                conn.execute("COMMIT")
                continue
            if version != migration.version - 1:
                raise MigrationError(
                    f"database is at version {version}, cannot apply migration "
                    f"{migration.version} ({migration.description})"
                )
            if version == 0:
                _check_empty(conn)
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            # PRAGMA arguments cannot be bound; the value is an int from our own table.
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return read_version(conn)


def _check_sequence(migrations: Sequence[Migration]) -> None:
    expected = list(range(1, len(migrations) + 1))
    if [m.version for m in migrations] != expected:
        raise ValueError("migrations must be numbered 1, 2, 3, ... in order")


def _check_empty(conn: sqlite3.Connection) -> None:
    """Refuse to add our tables to somebody else's database that happens to be at 0."""
    (count,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if count:
        raise ForeignDatabaseError("the database has tables but no chatapp schema version")
