"""The schema of the local documents index, as ordered migrations.

Applied migrations are rows of ``schema_migrations``; migration *n* runs inside the one
``BEGIN IMMEDIATE`` transaction that records it, so a crash leaves the index at *n - 1*.
A shipped migration is never edited; change the schema by appending one.

The vector table is not here: its width is the embedding model's, known only when a model
is chosen (see ``KnowledgeIndex.use_embedding_model``), and it is dropped and made again
when the model changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["LATEST_VERSION", "MIGRATIONS", "MIGRATIONS_TABLE", "Migration", "vector_table_sql"]


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


# AUTOINCREMENT: ids are never reused, so a chat that names a removed collection cannot
# find a new one in its place, nor a search result a different chunk.
# chunks.collection_id repeats the file's, so searches filter chunks without a join.
_V1 = """
CREATE TABLE collections (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    name    TEXT    NOT NULL,
    created REAL    NOT NULL
);

CREATE TABLE folders (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    path          TEXT    NOT NULL,
    UNIQUE (collection_id, path)
);

CREATE TABLE files (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    path          TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    mtime_ns      INTEGER NOT NULL,
    content_hash  TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('indexed', 'pending', 'failed')),
    reason        TEXT,
    passages      INTEGER NOT NULL DEFAULT 0,
    indexed_at    REAL,
    UNIQUE (collection_id, path)
);

-- The indexer walks a collection's pending files in id order.
CREATE INDEX files_by_status ON files (collection_id, status, id);

CREATE TABLE chunks (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    file_id       INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    collection_id INTEGER NOT NULL,
    ordinal       INTEGER NOT NULL,
    text          TEXT    NOT NULL,
    page          INTEGER,
    heading       TEXT,
    start_offset  INTEGER NOT NULL,
    end_offset    INTEGER NOT NULL,
    embedded      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (file_id, ordinal)
);

-- Chunks still waiting for a vector (a new model re-embeds all of them).
CREATE INDEX chunks_to_embed ON chunks (id) WHERE embedded = 0;

-- Words: BM25 over the chunk text, kept in step with chunks by the triggers below.
-- remove_diacritics 2: "cafe" finds "café" whatever the user's keyboard.
CREATE VIRTUAL TABLE chunks_fts USING fts5 (
    text,
    content = 'chunks',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts (chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- What the vectors are: key 'embedding_model' (the embedder's model_id) and
-- 'embedding_dimensions'.
CREATE TABLE index_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

MIGRATIONS: Final[tuple[Migration, ...]] = (
    Migration(1, "collections, folders, files, chunks, FTS5 words", _V1),
)
LATEST_VERSION: Final = MIGRATIONS[-1].version

MIGRATIONS_TABLE: Final = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    description TEXT    NOT NULL,
    applied_at  REAL    NOT NULL
)
"""


def vector_table_sql(dimensions: int) -> str:
    """The vec0 table of one model's vectors, and the trigger that deletes a chunk's
    vector with it (virtual tables take no part in foreign keys)."""
    if not 1 <= dimensions <= 8192:
        raise ValueError(f"unusable embedding width {dimensions}")
    return f"""
CREATE VIRTUAL TABLE chunk_vectors USING vec0 (
    chunk_id      INTEGER PRIMARY KEY,
    collection_id INTEGER PARTITION KEY,
    embedding     FLOAT[{int(dimensions)}] distance_metric=cosine
);

CREATE TRIGGER chunk_vectors_delete AFTER DELETE ON chunks WHEN old.embedded BEGIN
    DELETE FROM chunk_vectors WHERE chunk_id = old.id;
END;
"""
