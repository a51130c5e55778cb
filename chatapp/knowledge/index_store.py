"""The index of the local documents: one private SQLite file in the data folder.

Collections (a name and the folders it holds), their files (with what was last read of
each: size, modification time, content hash, and whether it is indexed, waiting or
failed, and why), the files' chunks (passages with page, heading and offsets), FTS5 over
the chunk text for words, and a sqlite-vec table of the chunks' vectors for meaning.

It is reached through apsw, not the standard ``sqlite3``: sqlite-vec is a loadable
extension, and Python's own sqlite3 is often built without extension loading.

Everything in it can be read again from the folders except the collections' names and
folders, so a damaged file is moved aside (never deleted) and a new index is started
with whatever of those could still be read; the user is told (``notice``).

Threading: an index belongs to one thread at a time; open one per thread. The file is in
WAL mode, so a search never waits for the indexer's writes; writes start with
``BEGIN IMMEDIATE`` and queue on the busy timeout instead of failing at once.
"""

from __future__ import annotations

import array
import logging
import os
import time
from collections.abc import Collection as CollectionOf
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Final, Self

import apsw
import sqlite_vec  # type: ignore[import-untyped]

from chatapp.documents.chunking import Passage
from chatapp.i18n import format_number, translate
from chatapp.knowledge.errors import (
    CollectionNotFoundError,
    IndexBusyError,
    IndexDamagedError,
    IndexDiskFullError,
    IndexTooNewError,
    KnowledgeError,
    KnowledgeValueError,
)
from chatapp.knowledge.retrieval import (
    MEANING,
    WORDS,
    RetrievedPassage,
    distinctive_words,
    match_expression,
    query_words,
    reciprocal_rank_fusion,
)
from chatapp.knowledge.schema import (
    LATEST_VERSION,
    MIGRATIONS,
    MIGRATIONS_TABLE,
    vector_table_sql,
)

__all__ = [
    "Collection",
    "CollectionStats",
    "FileRecord",
    "FileStatus",
    "KnowledgeIndex",
    "quarantine_index",
]

log = logging.getLogger(__name__)

# A write waits this long for another connection's write (the indexer's transactions
# are one file each: milliseconds, a large PDF's a second or two).
BUSY_TIMEOUT_MS: Final = 15_000
JOURNAL_SIZE_LIMIT: Final = 8 * 1024 * 1024
MMAP_BYTES: Final = 256 * 1024 * 1024
MAX_NAME_CHARS: Final = 200
# Each way of searching proposes this many times the passages asked for, at least
# MIN_CANDIDATES, before the fusion picks the best.
CANDIDATES_PER_RESULT: Final = 3
MIN_CANDIDATES: Final = 30
MAX_SEARCH_LIMIT: Final = 200

_SIDE_FILES: Final = ("-wal", "-shm", "-journal")
_EMBEDDING_MODEL: Final = "embedding_model"
_EMBEDDING_DIMENSIONS: Final = "embedding_dimensions"


class FileStatus(StrEnum):
    INDEXED = "indexed"
    PENDING = "pending"  # found, not read yet (or changed while it was read)
    FAILED = "failed"  # could not be read; ``reason`` says why, for the user


@dataclass(frozen=True, slots=True)
class Collection:
    id: int
    name: str
    created: float
    folders: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class FileRecord:
    id: int
    collection_id: int
    path: Path
    size: int
    mtime_ns: int
    content_hash: str | None
    status: FileStatus
    reason: str | None  # why it failed or waits, in words for the user
    passages: int
    indexed_at: float | None


@dataclass(frozen=True, slots=True)
class CollectionStats:
    files: int
    indexed: int
    pending: int
    failed: int
    chunks: int
    embedded: int  # chunks that have a vector of the current model


# --------------------------------------------------------------------------------------
# Errors


def _translate(exc: apsw.Error, path: Path) -> KnowledgeError:
    if isinstance(exc, apsw.CorruptError | apsw.NotADBError):
        return IndexDamagedError(
            translate("DocumentIndex",
                      "The index of your local documents is damaged. chatapp will move it "
                      "aside and index your folders again; your files are not affected."),
            path=path, detail=f"{path}: {exc}")
    if isinstance(exc, apsw.FullError):
        return IndexDiskFullError(
            translate("DocumentIndex",
                      "The disk is full, so the index of your local documents could not be "
                      "saved. Free some space; indexing continues where it stopped."),
            f"{path}: {exc}")
    if isinstance(exc, apsw.BusyError | apsw.LockedError):
        return IndexBusyError(
            translate("DocumentIndex",
                      "The index of your local documents stayed busy too long (another "
                      "chatapp window may be indexing). Try again in a moment."),
            f"{path}: {exc}")
    return KnowledgeError(
        translate("DocumentIndex", "The index of your local documents ({path}) could not be "
                  "read or written ({error}).").format(path=path, error=exc),
        f"{type(exc).__name__}: {exc}")


# --------------------------------------------------------------------------------------
# Opening


def quarantine_index(path: Path) -> Path:
    """Move an index file aside (with its -wal, -shm and -journal) and return where."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *_SIDE_FILES)):
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    # Side files first: a -wal left beside a new database would be replayed into it.
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.rename(f"{target}{suffix}")
    if path.exists():
        path.rename(target)
    return target


def _create_private(path: Path) -> None:
    """Create the file 0600 before SQLite opens it; SQLite gives its -wal and -shm the
    main file's permission bits, so they are private too."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    os.close(os.open(path, flags, 0o600))
    if os.name == "posix":
        for candidate in (path, *(Path(f"{path}{suffix}") for suffix in _SIDE_FILES)):
            with suppress(FileNotFoundError):
                if candidate.stat().st_mode & 0o077:
                    candidate.chmod(0o600)


def _open_connection(path: Path) -> apsw.Connection:
    conn = apsw.Connection(str(path))
    try:
        conn.set_busy_timeout(BUSY_TIMEOUT_MS)
        conn.enable_load_extension(True)
        try:
            conn.load_extension(sqlite_vec.loadable_path())
        except apsw.Error as exc:
            raise KnowledgeError(translate(
                "DocumentIndex", "The vector search extension (sqlite-vec) could not be "
                "loaded; reinstall chatapp. ({error})").format(error=exc)) from exc
        finally:
            conn.enable_load_extension(False)
    except BaseException:
        conn.close()
        raise
    return conn


def _enable_wal(conn: apsw.Connection) -> str:
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            row = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return str(row[0]) if row else ""
        except apsw.BusyError:
            # Switching a new file to WAL needs it alone, and SQLite answers BUSY at once
            # instead of waiting on the busy timeout while another connection reads.
            if time.monotonic() > deadline:
                raise
            time.sleep(0.005)


def _applied_version(conn: apsw.Connection) -> tuple[int, int]:
    """(the newest migration applied, the number of tables)."""
    tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    names = {str(row[0]) for row in tables}
    if "schema_migrations" not in names:
        return 0, len(names)
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return (_int(row[0]) if row and row[0] is not None else 0), len(names)


def _migrate(conn: apsw.Connection, path: Path) -> None:
    version, tables = _applied_version(conn)
    if version > LATEST_VERSION:
        raise IndexTooNewError(
            translate("DocumentIndex",
                      "The index of your local documents was written by a newer version of "
                      "chatapp (format {version}; this version reads up to {latest}). Update "
                      "chatapp to use it. The file was not changed: {path}").format(
                          version=version, latest=LATEST_VERSION, path=path))
    if version == 0 and tables:
        # Some other SQLite database where ours should be: as good as damaged.
        raise apsw.NotADBError("not a chatapp index (no schema_migrations)")
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(MIGRATIONS_TABLE)
            current, _ = _applied_version(conn)  # another process may have been first
            if current < migration.version:
                conn.execute(migration.sql)
                conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                             (migration.version, migration.description, time.time()))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                with suppress(apsw.Error):
                    conn.execute("ROLLBACK")
            raise


def _connect(path: Path) -> apsw.Connection:
    try:
        _create_private(path)
    except OSError as exc:
        raise KnowledgeError(translate(
            "DocumentIndex", "The index of your local documents ({path}) could not be "
            "created ({error}).").format(path=path, error=exc)) from exc
    try:
        conn = _open_connection(path)
    except apsw.Error as exc:
        raise _translate(exc, path) from exc
    try:
        if _applied_version(conn) == (0, 0):
            # Only possible in a new, empty file (before WAL writes its header): lets a
            # removed collection's pages go back to the disk without rewriting the file.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        mode = _enable_wal(conn)
        if mode.lower() != "wal":
            log.warning("knowledge index: WAL unavailable, using journal_mode=%s", mode)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
        # A search over the vectors reads all of them; through mmap instead of read()
        # it took 40% less time here (50,000 chunks). Address space, not memory.
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        _migrate(conn, path)
        # Per connection: how many chunks hold each word (retrieval.distinctive_words).
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_vocab "
                     "USING fts5vocab (main, chunks_fts, row)")
    except apsw.Error as exc:
        conn.close()
        raise _translate(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _salvage(path: Path) -> list[tuple[int, str, float, list[str]]]:
    """The collections (id, name, created, folders) that can still be read from a damaged
    index; whatever cannot is lost, and the user adds those folders again."""
    found: list[tuple[int, str, float, list[str]]] = []
    try:
        conn = apsw.Connection(str(path), flags=apsw.SQLITE_OPEN_READONLY)
    except apsw.Error:
        return found
    try:
        for cid, name, created in conn.execute(
                "SELECT id, name, created FROM collections ORDER BY id").fetchall():
            folders = [str(row[0]) for row in conn.execute(
                "SELECT path FROM folders WHERE collection_id = ? ORDER BY id", (cid,))]
            found.append((_int(cid), str(name), _float(created), folders))
    except apsw.Error:
        pass
    finally:
        conn.close()
    return found


def _int(value: object) -> int:
    if isinstance(value, int):
        return value
    raise TypeError(f"expected an integer in the index, found {type(value).__name__}")


def _float(value: object) -> float:
    if isinstance(value, int | float):
        return float(value)
    raise TypeError(f"expected a number in the index, found {type(value).__name__}")


def _vector_blob(vector: Sequence[float]) -> bytes:
    return array.array("f", vector).tobytes()


def _record(row: Sequence[object]) -> FileRecord:
    (fid, cid, path, size, mtime_ns, content_hash, status, reason, passages,
     indexed_at) = row
    return FileRecord(_int(fid), _int(cid), Path(str(path)), _int(size), _int(mtime_ns),
                      None if content_hash is None else str(content_hash),
                      FileStatus(str(status)), None if reason is None else str(reason),
                      _int(passages), None if indexed_at is None else _float(indexed_at))


_FILE_COLUMNS: Final = ("id, collection_id, path, size, mtime_ns, content_hash, status, "
                        "reason, passages, indexed_at")


def _under(folder: Path) -> tuple[str, str]:
    """The range of stored path strings inside ``folder``: [folder/, folder0) in binary
    order ("0" follows "/"), so the (collection_id, path) index answers it."""
    prefix = str(folder).rstrip(os.sep) + os.sep
    return prefix, prefix[:-1] + chr(ord(os.sep) + 1)


# --------------------------------------------------------------------------------------
# The index


class KnowledgeIndex:
    """The local documents' index in the SQLite file at ``path``; see the module docs."""

    def __init__(self, path: Path) -> None:
        self._path = Path(path)
        self.notice: str | None = None  # what the user should read about opening it
        try:
            self._conn: apsw.Connection | None = _connect(self._path)
        except IndexDamagedError:
            self._conn = None
            self._recover()

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def rebuild(self) -> Path:
        """Move a damaged index aside and start a new one, keeping the collections whose
        names and folders can still be read; the files are indexed again by the indexer.
        Other connections to the file must be closed first. Returns where it went."""
        self.close()
        return self._recover()

    def _recover(self) -> Path:
        kept = _salvage(self._path)
        moved = quarantine_index(self._path)
        self._conn = _connect(self._path)
        with self._transaction() as conn:
            for cid, name, created, folders in kept:
                conn.execute("INSERT INTO collections (id, name, created) VALUES (?, ?, ?)",
                             (cid, name, created))
                for folder in folders:
                    conn.execute("INSERT INTO folders (collection_id, path) VALUES (?, ?)",
                                 (cid, folder))
        self.notice = (translate(
            "DocumentIndex", "The index of your local documents was damaged, so chatapp "
            "moved it aside ({name}) and is indexing your folders again. Your collections "
            "were kept.") if kept else translate(
            "DocumentIndex", "The index of your local documents was damaged, so chatapp "
            "moved it aside ({name}) and is indexing your folders again. Add your folders to "
            "Local documents again.")).format(name=moved.name)
        log.warning("knowledge index was damaged; moved aside to %s, %d collection(s) kept",
                    moved, len(kept))
        return moved

    # -- plumbing ----------------------------------------------------------------------

    def _db(self) -> apsw.Connection:
        if self._conn is None:
            raise KnowledgeError(translate(
                "DocumentIndex", "The index of your local documents is closed."))
        return self._conn

    @contextmanager
    def _errors(self) -> Iterator[apsw.Connection]:
        conn = self._db()
        try:
            yield conn
        except (apsw.ConnectionClosedError, apsw.ThreadingViolationError, apsw.MisuseError,
                apsw.BindingsError):
            raise  # our bugs, not the file's
        except apsw.Error as exc:
            raise _translate(exc, self._path) from exc

    @contextmanager
    def _transaction(self, begin: str = "BEGIN IMMEDIATE") -> Iterator[apsw.Connection]:
        """A write transaction, or with ``begin="BEGIN"`` one consistent read snapshot."""
        with self._errors() as conn:
            conn.execute(begin)
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with suppress(apsw.Error):
                        conn.execute("ROLLBACK")
                raise

    def _check_collection(self, conn: apsw.Connection, collection_id: int) -> None:
        if conn.execute("SELECT 1 FROM collections WHERE id = ?",
                        (collection_id,)).fetchone() is None:
            raise CollectionNotFoundError(translate(
                "DocumentIndex", "That collection no longer exists."))

    # -- collections -------------------------------------------------------------------

    def add_collection(self, name: str, folders: Sequence[Path] = ()) -> Collection:
        name = _collection_name(name)
        with self._transaction() as conn:
            conn.execute("INSERT INTO collections (name, created) VALUES (?, ?)",
                         (name, time.time()))
            cid = conn.last_insert_rowid()
            for folder in folders:
                conn.execute("INSERT OR IGNORE INTO folders (collection_id, path) VALUES (?, ?)",
                             (cid, str(_folder(folder))))
        return self.collection(cid)

    def rename_collection(self, collection_id: int, name: str) -> None:
        name = _collection_name(name)
        with self._transaction() as conn:
            self._check_collection(conn, collection_id)
            conn.execute("UPDATE collections SET name = ? WHERE id = ?", (name, collection_id))

    def remove_collection(self, collection_id: int) -> None:
        """The collection, its folders, files, chunks, words and vectors; the freed pages
        go back to the disk."""
        with self._transaction() as conn:
            self._check_collection(conn, collection_id)
            conn.execute("DELETE FROM collections WHERE id = ?", (collection_id,))
        with self._errors() as conn:
            conn.execute("PRAGMA incremental_vacuum").fetchall()  # one page per step

    def collections(self) -> list[Collection]:
        with self._transaction("BEGIN") as conn:
            rows = conn.execute("SELECT id, name, created FROM collections ORDER BY id"
                                ).fetchall()
            return [self._collection(conn, _int(r[0]), str(r[1]), _float(r[2]))
                    for r in rows]

    def collection(self, collection_id: int) -> Collection:
        with self._transaction("BEGIN") as conn:
            row = conn.execute("SELECT name, created FROM collections WHERE id = ?",
                               (collection_id,)).fetchone()
            if row is None:
                raise CollectionNotFoundError(translate(
                "DocumentIndex", "That collection no longer exists."))
            return self._collection(conn, collection_id, str(row[0]), _float(row[1]))

    @staticmethod
    def _collection(conn: apsw.Connection, cid: int, name: str, created: float) -> Collection:
        folders = tuple(Path(str(r[0])) for r in conn.execute(
            "SELECT path FROM folders WHERE collection_id = ? ORDER BY id", (cid,)))
        return Collection(cid, name, created, folders)

    def add_folder(self, collection_id: int, folder: Path) -> None:
        with self._transaction() as conn:
            self._check_collection(conn, collection_id)
            conn.execute("INSERT OR IGNORE INTO folders (collection_id, path) VALUES (?, ?)",
                         (collection_id, str(_folder(folder))))

    def remove_folder(self, collection_id: int, folder: Path) -> int:
        """Forget a folder and the files under it (unless another of the collection's
        folders holds them too). Returns how many files were removed."""
        folder = _folder(folder)
        with self._transaction() as conn:
            self._check_collection(conn, collection_id)
            conn.execute("DELETE FROM folders WHERE collection_id = ? AND path = ?",
                         (collection_id, str(folder)))
            others = [Path(str(r[0])) for r in conn.execute(
                "SELECT path FROM folders WHERE collection_id = ?", (collection_id,))]
            if any(folder.is_relative_to(other) for other in others):
                return 0
            low, high = _under(folder)
            doomed = [_int(r[0]) for r in conn.execute(
                "SELECT id, path FROM files WHERE collection_id = ? AND path > ? AND path < ?",
                (collection_id, low, high))
                if not any(Path(str(r[1])).is_relative_to(o) for o in others)]
            conn.executemany("DELETE FROM files WHERE id = ?", ((fid,) for fid in doomed))
            return len(doomed)

    # -- files -------------------------------------------------------------------------

    def file(self, collection_id: int, path: Path) -> FileRecord | None:
        with self._errors() as conn:
            row = conn.execute(f"SELECT {_FILE_COLUMNS} FROM files "
                               "WHERE collection_id = ? AND path = ?",
                               (collection_id, str(path))).fetchone()
        return None if row is None else _record(row)

    def files(self, collection_id: int, *, status: FileStatus | None = None,
              after_id: int = 0, limit: int = 500) -> list[FileRecord]:
        """A page of the collection's files in id order, from after ``after_id``."""
        sql = f"SELECT {_FILE_COLUMNS} FROM files WHERE collection_id = ? AND id > ?"
        args: list[object] = [collection_id, after_id]
        if status is not None:
            sql += " AND status = ?"
            args.append(str(status))
        sql += " ORDER BY id LIMIT ?"
        args.append(max(0, limit))
        with self._errors() as conn:
            return [_record(row) for row in conn.execute(sql, args)]

    def newest_file_id(self, collection_id: int) -> int:
        """The highest file id of the collection (0 if it has none): files found after
        this moment have higher ids."""
        with self._errors() as conn:
            row = conn.execute("SELECT coalesce(max(id), 0) FROM files WHERE collection_id = ?",
                               (collection_id,)).fetchone()
        return 0 if row is None else _int(row[0])

    def files_under(self, collection_id: int, folder: Path, *, after_path: str = "",
                    limit: int = 500) -> list[FileRecord]:
        """A page of the files inside ``folder``, in path order, after ``after_path``."""
        low, high = _under(folder)
        with self._errors() as conn:
            return [_record(row) for row in conn.execute(
                f"SELECT {_FILE_COLUMNS} FROM files WHERE collection_id = ? "
                "AND path > ? AND path < ? ORDER BY path LIMIT ?",
                (collection_id, max(low, after_path), high, max(0, limit)))]

    def stats(self, collection_id: int) -> CollectionStats:
        with self._transaction("BEGIN") as conn:
            self._check_collection(conn, collection_id)
            counts = dict.fromkeys(FileStatus, 0)
            for status, count in conn.execute(
                    "SELECT status, count(*) FROM files WHERE collection_id = ? "
                    "GROUP BY status", (collection_id,)):
                counts[FileStatus(str(status))] = _int(count)
            row = conn.execute("SELECT count(*), coalesce(sum(embedded), 0) FROM chunks "
                               "WHERE collection_id = ?", (collection_id,)).fetchone()
        chunks, embedded = (_int(row[0]), _int(row[1])) if row else (0, 0)
        return CollectionStats(sum(counts.values()), counts[FileStatus.INDEXED],
                               counts[FileStatus.PENDING], counts[FileStatus.FAILED],
                               chunks, embedded)

    def mark_pending(self, collection_id: int, path: Path, *, size: int, mtime_ns: int,
                     reason: str | None = None) -> int:
        """Record a file as found and waiting to be read; its id. A known file keeps its
        chunks (still searchable) until it is read again."""
        with self._transaction() as conn:
            self._check_collection(conn, collection_id)
            return self._mark_pending(conn, collection_id, path, size, mtime_ns, reason=reason)

    def mark_pending_many(self, collection_id: int,
                          found: Sequence[tuple[Path, int, int]]) -> list[int]:
        """Several (path, size, mtime_ns) at once, in one transaction (a scan's batch);
        their ids."""
        with self._transaction() as conn:
            self._check_collection(conn, collection_id)
            return [self._mark_pending(conn, collection_id, path, size, mtime_ns, reason=None)
                    for path, size, mtime_ns in found]

    @staticmethod
    def _mark_pending(conn: apsw.Connection, collection_id: int, path: Path, size: int,
                      mtime_ns: int, *, reason: str | None) -> int:
        row = conn.execute(
            "INSERT INTO files (collection_id, path, size, mtime_ns, status, reason) "
            "VALUES (?, ?, ?, ?, 'pending', ?) ON CONFLICT (collection_id, path) DO UPDATE "
            "SET size = excluded.size, mtime_ns = excluded.mtime_ns, status = 'pending', "
            "reason = excluded.reason RETURNING id",
            (collection_id, str(path), size, mtime_ns, reason)).fetchone()
        assert row is not None
        return _int(row[0])

    def mark_failed(self, file_id: int, reason: str, *, size: int, mtime_ns: int) -> None:
        """The file could not be read: ``reason`` for the user; its old chunks go (they
        would be cited from a file that no longer says that)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM chunks WHERE file_id = ?", (file_id,))
            conn.execute("UPDATE files SET status = 'failed', reason = ?, size = ?, "
                         "mtime_ns = ?, passages = 0, content_hash = NULL, indexed_at = ? "
                         "WHERE id = ?", (reason, size, mtime_ns, time.time(), file_id))

    def touch_file(self, file_id: int, *, size: int, mtime_ns: int) -> None:
        """The file's times changed but not its content: indexed as it was."""
        with self._transaction() as conn:
            conn.execute("UPDATE files SET status = 'indexed', reason = NULL, size = ?, "
                         "mtime_ns = ? WHERE id = ?", (size, mtime_ns, file_id))

    def store_file(self, file_id: int, *, size: int, mtime_ns: int, content_hash: str,
                   passages: Sequence[Passage],
                   vectors: Sequence[Sequence[float]] | None = None) -> None:
        """Replace the file's chunks (and their vectors, if given: one per passage, of
        the current embedding model) in one transaction: all of it or nothing. A file
        removed meanwhile (by another connection) stays removed."""
        if vectors is not None and len(vectors) != len(passages):
            raise KnowledgeValueError(translate(
                "DocumentIndex", "One vector per passage is needed."))
        with self._transaction() as conn:
            row = conn.execute("SELECT collection_id FROM files WHERE id = ?",
                               (file_id,)).fetchone()
            if row is None:
                return  # removed meanwhile (its collection or folder): nothing to keep
            cid = _int(row[0])
            dims = self._dimensions(conn) if vectors is not None else None
            conn.execute("DELETE FROM chunks WHERE file_id = ?", (file_id,))
            for i, passage in enumerate(passages):
                chunk_row = conn.execute(
                    "INSERT INTO chunks (file_id, collection_id, ordinal, text, page, heading, "
                    "start_offset, end_offset, embedded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    (file_id, cid, i, passage.text, passage.page, passage.heading,
                     passage.start, passage.end, int(vectors is not None))).fetchone()
                if vectors is not None:
                    assert chunk_row is not None
                    self._insert_vector(conn, int(chunk_row[0]), cid, vectors[i], dims)
            conn.execute("UPDATE files SET status = 'indexed', reason = NULL, size = ?, "
                         "mtime_ns = ?, content_hash = ?, passages = ?, indexed_at = ? "
                         "WHERE id = ?",
                         (size, mtime_ns, content_hash, len(passages), time.time(), file_id))

    def remove_file(self, file_id: int) -> None:
        self.remove_files([file_id])

    def remove_files(self, file_ids: Sequence[int]) -> None:
        """Files gone from the folders, with their chunks, words and vectors."""
        with self._transaction() as conn:
            conn.executemany("DELETE FROM files WHERE id = ?", ((fid,) for fid in file_ids))

    # -- vectors -----------------------------------------------------------------------

    def embedding_model(self) -> tuple[str, int] | None:
        """(model_id, dimensions) of the stored vectors, or None before any model."""
        with self._errors() as conn:
            return self._embedding_model(conn)

    @staticmethod
    def _embedding_model(conn: apsw.Connection) -> tuple[str, int] | None:
        info = {str(key): str(value) for key, value in conn.execute(
            "SELECT key, value FROM index_info WHERE key IN (?, ?)",
            (_EMBEDDING_MODEL, _EMBEDDING_DIMENSIONS))}
        if _EMBEDDING_MODEL not in info:
            return None
        return str(info[_EMBEDDING_MODEL]), int(info[_EMBEDDING_DIMENSIONS])

    def _dimensions(self, conn: apsw.Connection) -> int:
        model = self._embedding_model(conn)
        if model is None:
            raise KnowledgeValueError(translate(
                "DocumentIndex", "No embedding model is set for the index."))
        return model[1]

    def use_embedding_model(self, model_id: str, dimensions: int) -> bool:
        """Make the index hold vectors of this model. True if that changed anything: the
        vectors of another model were dropped and every chunk waits to be embedded again."""
        if not model_id or not 1 <= dimensions <= 8192:
            raise KnowledgeValueError(translate(
                "DocumentIndex", "Unusable embedding model ({model}, {dimensions}).").format(
                    model=repr(model_id), dimensions=dimensions))
        with self._transaction() as conn:
            if self._embedding_model(conn) == (model_id, dimensions):
                return False
            conn.execute("DROP TRIGGER IF EXISTS chunk_vectors_delete")
            conn.execute("DROP TABLE IF EXISTS chunk_vectors")
            conn.execute(vector_table_sql(dimensions))
            conn.execute("UPDATE chunks SET embedded = 0 WHERE embedded")
            conn.executemany("INSERT OR REPLACE INTO index_info (key, value) VALUES (?, ?)",
                             ((_EMBEDDING_MODEL, model_id),
                              (_EMBEDDING_DIMENSIONS, str(dimensions))))
        with self._errors() as conn:
            conn.execute("PRAGMA incremental_vacuum").fetchall()  # one page per step
        return True

    def chunks_to_embed(self, limit: int) -> list[tuple[int, str]]:
        """(chunk id, text) of chunks without a vector, oldest first."""
        with self._errors() as conn:
            return [(_int(r[0]), str(r[1])) for r in conn.execute(
                "SELECT id, text FROM chunks WHERE embedded = 0 ORDER BY id LIMIT ?",
                (max(0, limit),))]

    def store_vectors(self, vectors: Sequence[tuple[int, Sequence[float]]]) -> None:
        """Vectors of the current model for chunks (by id); chunks gone meanwhile are
        skipped. One transaction."""
        with self._transaction() as conn:
            dims = self._dimensions(conn)
            for chunk_id, vector in vectors:
                row = conn.execute("SELECT collection_id, embedded FROM chunks WHERE id = ?",
                                   (chunk_id,)).fetchone()
                if row is None or row[1]:
                    continue
                self._insert_vector(conn, chunk_id, _int(row[0]), vector, dims)
                conn.execute("UPDATE chunks SET embedded = 1 WHERE id = ?", (chunk_id,))

    @staticmethod
    def _insert_vector(conn: apsw.Connection, chunk_id: int, collection_id: int,
                       vector: Sequence[float], dims: int | None) -> None:
        if len(vector) != dims:
            raise KnowledgeValueError(translate(
                "DocumentIndex", "A vector of {count} numbers does not fit the index "
                "({dimensions}).").format(count=len(vector), dimensions=dims))
        conn.execute("INSERT INTO chunk_vectors (chunk_id, collection_id, embedding) "
                     "VALUES (?, ?, ?)", (chunk_id, collection_id, _vector_blob(vector)))

    # -- search ------------------------------------------------------------------------

    def search(self, query: str, collection_ids: CollectionOf[int], *,
               query_vector: Sequence[float] | None = None,
               query_model_id: str | None = None,
               limit: int = 8) -> list[RetrievedPassage]:
        """The passages of these collections that best answer ``query``, best first.

        Words (FTS5 BM25 over the query's distinctive words) and, given the query's vector
        from the index's embedding model, meaning (sqlite-vec nearest neighbours), fused
        by reciprocal rank fusion. Without a vector, before any chunk has one, or when
        ``query_model_id`` names another model than the index's, words alone.
        """
        ids = sorted({int(c) for c in collection_ids})
        limit = min(limit, MAX_SEARCH_LIMIT)
        if not ids or limit <= 0:
            return []
        candidates = max(limit * CANDIDATES_PER_RESULT, MIN_CANDIDATES)
        marks = ",".join("?" * len(ids))
        rankings: dict[str, list[int]] = {}
        with self._transaction("BEGIN") as conn:
            words = query_words(query)
            if words:
                (total,) = conn.execute("SELECT count(*) FROM chunks").fetchall()[0]
                words = distinctive_words(conn, "temp.chunks_vocab", words, _int(total))
            match = match_expression(words)
            if match is not None:
                rankings[WORDS] = [_int(r[0]) for r in conn.execute(
                    "SELECT chunks_fts.rowid FROM chunks_fts JOIN chunks "
                    "ON chunks.id = chunks_fts.rowid WHERE chunks_fts MATCH ? "
                    f"AND chunks.collection_id IN ({marks}) ORDER BY chunks_fts.rank LIMIT ?",
                    (match, *ids, candidates))]
            model = self._embedding_model(conn)
            if query_model_id is not None and model is not None and model[0] != query_model_id:
                model = None  # vectors of different models are not comparable
            if query_vector is not None and model is not None:
                if len(query_vector) != model[1]:
                    raise KnowledgeValueError(translate(
                        "DocumentIndex", "The question's vector ({count} numbers) is not of "
                        "the index's embedding model ({dimensions}).").format(
                            count=len(query_vector), dimensions=model[1]))
                rankings[MEANING] = [_int(r[0]) for r in conn.execute(
                    "SELECT chunk_id FROM chunk_vectors WHERE embedding MATCH ? AND k = ? "
                    f"AND collection_id IN ({marks}) ORDER BY distance",
                    (_vector_blob(query_vector), candidates, *ids))]
            fused = reciprocal_rank_fusion(rankings)[:limit]
            if not fused:
                return []
            rows = {_int(r[0]): r for r in conn.execute(
                "SELECT chunks.id, chunks.collection_id, files.path, chunks.page, "
                "chunks.heading, chunks.start_offset, chunks.end_offset, chunks.text "
                "FROM chunks JOIN files ON files.id = chunks.file_id "
                f"WHERE chunks.id IN ({','.join('?' * len(fused))})",
                [item.key for item in fused])}
        found = []
        for item in fused:
            row = rows.get(item.key)
            if row is None:
                continue
            _, cid, path, page, heading, start, end, text = row
            found.append(RetrievedPassage(
                item.key, _int(cid), Path(str(path)),
                None if page is None else _int(page),
                None if heading is None else str(heading),
                _int(start), _int(end), str(text), item.score, item.found_by))
        return found


def _collection_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise KnowledgeValueError(translate("DocumentIndex", "A collection needs a name."))
    if len(name) > MAX_NAME_CHARS:
        raise KnowledgeValueError(translate(
            "DocumentIndex", "A collection's name can be at most {count} characters long."
        ).format(count=format_number(MAX_NAME_CHARS)))
    return name


def _folder(folder: Path) -> Path:
    # Absolute and without "..", but symlinks kept: the user's own name for the folder.
    return Path(os.path.abspath(os.path.expanduser(folder)))
