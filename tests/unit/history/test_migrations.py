"""Schema versions, upgrades, refusing files we must not touch, and quarantine."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from pathlib import Path

import pytest

from chatapp.history.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    ForeignDatabaseError,
    Migration,
    migrate,
    read_version,
    split_statements,
)
from chatapp.history.store import (
    HistoryDamagedError,
    HistoryError,
    HistoryStore,
    HistoryTooNewError,
    quarantine_damaged,
)

# Version 1 exactly as it shipped, written out here rather than taken from MIGRATIONS, so
# that an accidental edit of a shipped migration makes this test fail.
V1_SCHEMA = """
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, created_at REAL NOT NULL,
    updated_at REAL NOT NULL, system_prompt TEXT);
CREATE INDEX conversations_by_updated_at ON conversations (updated_at, id);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    content TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'complete'
        CHECK (state IN ('complete', 'streaming', 'stopped', 'interrupted', 'error')),
    created_at REAL NOT NULL, updated_at REAL NOT NULL, model_file TEXT, model_sha256 TEXT,
    generation_settings TEXT, prompt_tokens INTEGER, generated_tokens INTEGER, ttft_s REAL,
    tokens_per_s REAL, error TEXT);
CREATE UNIQUE INDEX messages_by_conversation ON messages (conversation_id, position);
CREATE INDEX messages_streaming ON messages (id) WHERE state = 'streaming';
PRAGMA user_version = 1;
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    finally:
        conn.close()


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert LATEST_VERSION == MIGRATIONS[-1].version == 6


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    statements = split_statements(MIGRATIONS[1].sql)

    def head(statement: str) -> list[str]:
        code = [line for line in statement.splitlines() if not line.startswith("--")]
        return "\n".join(code).split("(")[0].split()[:3]

    assert [head(s) for s in statements] == [
        ["CREATE", "VIEW", "message_search_source"],
        ["CREATE", "VIRTUAL", "TABLE"],
        ["INSERT", "INTO", "message_search"],
        ["CREATE", "TRIGGER", "message_search_after_insert"],
        ["CREATE", "TRIGGER", "message_search_after_update"],
        ["CREATE", "TRIGGER", "message_search_after_delete"],
    ]
    assert statements[4].rstrip().endswith("END;")
    assert all(sqlite3.complete_statement(s) for s in statements)
    with pytest.raises(ValueError, match="incomplete"):
        split_statements("CREATE TABLE a (x); CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;")


def test_fresh_database_is_at_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with HistoryStore(path):
        pass
    conn = sqlite3.connect(path)
    assert read_version(conn) == LATEST_VERSION
    conn.close()
    names = {name for _, name, _ in schema(path)}
    assert {"conversations", "messages", "messages_by_conversation", "messages_streaming",
            "conversations_by_updated_at", "message_search", "message_search_source",
            "message_search_after_insert", "message_search_after_update",
            "message_search_after_delete"} <= names


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with HistoryStore(path) as store:
        chat = store.create_conversation("kept")
        store.add_message(chat.id, "user", "still here after reopening")
    before = schema(path)
    for _ in range(3):
        with HistoryStore(path) as store:
            assert [c.title for c in store.list_conversations()] == ["kept"]
            assert len(store.search("reopening")) == 1
    assert schema(path) == before


def test_version_1_database_is_upgraded_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.executescript("""
        INSERT INTO conversations VALUES (1, 'Old chat', 10.0, 20.0, 'Be terse.');
        INSERT INTO messages (conversation_id, position, role, content, state, created_at,
                              updated_at, generation_settings, prompt_tokens)
        VALUES (1, 0, 'user', 'how do pelicans sleep', 'complete', 11, 11, NULL, NULL),
               (1, 1, 'assistant', 'pelicans sleep standing', 'complete', 12, 12,
                '{"temperature": 0.5}', 7),
               (1, 2, 'assistant', 'killed while writing about herons', 'streaming', 13,
                13, NULL, NULL);
    """)
    conn.close()

    with HistoryStore(path) as store:
        assert store.get_conversation(1).system_prompt == "Be terse."
        messages = store.list_messages(1)
        assert [m.content for m in messages][:2] == ["how do pelicans sleep",
                                                     "pelicans sleep standing"]
        assert messages[1].generation_settings == {"temperature": 0.5}
        assert messages[1].prompt_tokens == 7
        # Version 3: old replies have no thought, old chats the model's thinking default.
        assert (messages[1].reasoning, messages[1].reasoning_s, messages[1].ttfa_s) == (
            None, None, None)
        assert store.get_conversation(1).thinking is None
        # The new index was filled with the old, finished messages...
        assert len(store.search("pelicans")) == 2
        assert store.search("herons") == []
        # ...and the streaming one joins it once recovered.
        assert store.recover_interrupted() == 1
        assert [h.message_id for h in store.search("herons")] == [messages[2].id]

    conn = sqlite3.connect(path)
    assert read_version(conn) == LATEST_VERSION
    conn.execute("INSERT INTO message_search (message_search, rank) "
                 "VALUES ('integrity-check', 1)")
    conn.close()


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with HistoryStore(path) as store:
        store.create_conversation("survivor")
    broken = Migration(LATEST_VERSION + 1, "broken",
                       "CREATE TABLE half_done (x); SELECT * FROM no_such_table;")

    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        migrate(conn, (*MIGRATIONS, broken))
    assert read_version(conn) == LATEST_VERSION
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"
                        ).fetchone() == (0,)
    assert not conn.in_transaction
    conn.close()
    with HistoryStore(path) as store:
        assert [c.title for c in store.list_conversations()] == ["survivor"]


def test_migrate_applies_each_pending_migration_once(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite3", isolation_level=None)
    extra = Migration(LATEST_VERSION + 1, "add a column",
                      "ALTER TABLE conversations ADD COLUMN extra_for_test INT;")
    assert migrate(conn, MIGRATIONS[:1]) == 1
    assert migrate(conn, (*MIGRATIONS, extra)) == LATEST_VERSION + 1
    assert migrate(conn, (*MIGRATIONS, extra)) == LATEST_VERSION + 1  # a second run: nothing
    columns = [row[1] for row in conn.execute("PRAGMA table_info(conversations)")]
    assert columns.count("extra_for_test") == 1
    with pytest.raises(ValueError, match="numbered"):
        migrate(conn, (MIGRATIONS[1],))
    conn.close()


def test_too_new_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with HistoryStore(path) as store:
        store.create_conversation("from the future")
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.execute("PRAGMA journal_mode = DELETE")  # a single file, so bytes can be compared
    conn.close()
    before = digest(path)

    with pytest.raises(HistoryTooNewError) as raised:
        HistoryStore(path)
    error = raised.value
    assert isinstance(error, HistoryError)
    assert error.user_message.startswith(
        "This history was written by a newer version of chatapp")
    assert (error.file_version, error.supported_version) == (LATEST_VERSION + 1,
                                                             LATEST_VERSION)
    assert digest(path) == before
    assert side_files(path) == []


@pytest.mark.parametrize("content", [
    b"this is a text file, not a database\n" * 200,
    b"SQLite format 3\x00" + b"\xff" * 4000,
    os.urandom(8192),
])
def test_not_a_database_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(content)
    with pytest.raises(HistoryDamagedError) as raised:
        HistoryStore(path)
    assert "damaged" in raised.value.user_message
    assert raised.value.path == path
    assert path.read_bytes() == content
    assert side_files(path) == []


def test_corrupt_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with HistoryStore(path) as store:
        chat = store.create_conversation()
        for i in range(30):
            store.add_message(chat.id, "user", f"message {i} " * 40)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * 3996  # page 1 after the header: the schema table's root
    path.write_bytes(bytes(data))

    with pytest.raises(HistoryDamagedError):
        HistoryStore(path)
    assert path.read_bytes() == bytes(data)


def test_someone_elses_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()
    before = digest(path)

    with pytest.raises(HistoryDamagedError, match="not a chatapp history"):
        HistoryStore(path)
    assert digest(path) == before
    assert side_files(path) == []


def test_empty_file_is_a_new_history(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.touch()
    with HistoryStore(path) as store:
        assert store.list_conversations() == []


def test_quarantine_renames_database_and_side_files(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    contents = {"": b"main", "-wal": b"wal", "-shm": b"shm"}
    for suffix, data in contents.items():
        Path(f"{path}{suffix}").write_bytes(data)
    (tmp_path / "unrelated.txt").write_text("stays")

    moved = quarantine_damaged(path)

    assert re.fullmatch(r"history\.sqlite3\.damaged-\d{8}-\d{6}", moved.name)
    assert moved.parent == tmp_path
    for suffix, data in contents.items():
        assert not Path(f"{path}{suffix}").exists()
        assert Path(f"{moved}{suffix}").read_bytes() == data
    assert (tmp_path / "unrelated.txt").read_text() == "stays"

    # Another quarantine in the same second gets its own name, overwriting nothing.
    path.write_bytes(b"second")
    again = quarantine_damaged(path)
    assert again != moved
    assert again.read_bytes() == b"second" and moved.read_bytes() == b"main"
    with pytest.raises(FileNotFoundError):
        quarantine_damaged(path)


def test_damaged_history_can_be_quarantined_and_restarted(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"garbage" * 100)
    with pytest.raises(HistoryDamagedError) as raised:
        HistoryStore(path)
    moved = quarantine_damaged(raised.value.path)
    with HistoryStore(path) as store:
        assert store.list_conversations() == []
    assert moved.read_bytes() == b"garbage" * 100


def test_foreign_database_error_is_a_migration_error() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    with pytest.raises(ForeignDatabaseError):
        migrate(conn)
    assert read_version(conn) == 0
    conn.close()
