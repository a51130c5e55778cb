"""The knowledge index on a real SQLite file with the real sqlite-vec and FTS5."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import apsw
import pytest

from chatapp.knowledge.errors import (
    CollectionNotFoundError,
    IndexDamagedError,
    IndexDiskFullError,
    KnowledgeValueError,
)
from chatapp.knowledge.index_store import FileStatus, KnowledgeIndex
from chatapp.knowledge.retrieval import MEANING, WORDS
from chatapp.paths import AppPaths
from tests.unit.knowledge.conftest import passages_of, unit

FACTS = [
    "The harbour of Vellmar freezes in January, and the ferries stop until March.",
    "Trains to the coast leave every hour from the central station.",
    "The lighthouse keeper of Vellmar is called Ingrid Solberg.",
    "Fishing boats return at dawn with herring and cod.",
]


def _count(path: Path, sql: str) -> int:
    conn = apsw.Connection(str(path))
    conn.enable_load_extension(True)
    import sqlite_vec  # type: ignore[import-untyped]

    conn.load_extension(sqlite_vec.loadable_path())
    try:
        row = conn.execute(sql).fetchone()
        assert row is not None
        value = row[0]
        assert isinstance(value, int)
        return value
    finally:
        conn.close()


def _indexed(index: KnowledgeIndex, folder: Path, name: str, texts: list[str],
             vectors: list[list[float]] | None = None) -> int:
    collection = index.add_collection(name, [folder])
    path = folder / f"{name}.txt"
    file_id = index.mark_pending(collection.id, path, size=10, mtime_ns=1)
    index.store_file(file_id, size=10, mtime_ns=1, content_hash="h", passages=passages_of(texts),
                     vectors=vectors)
    return collection.id


def test_new_index_is_private_in_wal_with_its_migrations(tmp_path: Path,
                                                         app_paths: AppPaths) -> None:
    path = app_paths.knowledge_index
    assert path.parent == app_paths.data_dir
    with KnowledgeIndex(path) as index:
        index.add_collection("Notes", [tmp_path])
        assert index.notice is None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _count(path, "SELECT max(version) FROM schema_migrations") == 1
    conn = apsw.Connection(str(path))
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    with KnowledgeIndex(path) as again:  # opening again migrates nothing
        assert [c.name for c in again.collections()] == ["Notes"]


def test_collections_and_folders(tmp_path: Path) -> None:
    with KnowledgeIndex(tmp_path / "k.sqlite3") as index:
        a = index.add_collection("  Work   papers ", [tmp_path / "a", tmp_path / "a"])
        assert a.name == "Work papers" and a.folders == (tmp_path / "a",)
        index.add_folder(a.id, tmp_path / "b")
        index.rename_collection(a.id, "Work")
        assert index.collection(a.id).folders == (tmp_path / "a", tmp_path / "b")
        assert index.collection(a.id).name == "Work"
        with pytest.raises(KnowledgeValueError):
            index.add_collection("   ")
        with pytest.raises(CollectionNotFoundError):
            index.collection(a.id + 100)
        kept = index.mark_pending(a.id, tmp_path / "b" / "x.txt", size=1, mtime_ns=1)
        index.mark_pending(a.id, tmp_path / "a" / "sub" / "y.txt", size=1, mtime_ns=1)
        index.mark_pending(a.id, tmp_path / "ab.txt", size=1, mtime_ns=1)  # not under a/
        assert index.remove_folder(a.id, tmp_path / "a") == 1
        assert index.files(a.id)[0].id == kept
        assert len(index.files(a.id)) == 2


def test_a_question_finds_the_passage_that_holds_the_fact(tmp_path: Path) -> None:
    with KnowledgeIndex(tmp_path / "k.sqlite3") as index:
        cid = _indexed(index, tmp_path, "harbour", FACTS)
        other = _indexed(index, tmp_path, "other", ["Ingrid Solberg keeps bees in Oslo."])
        found = index.search("Who is the lighthouse keeper of Vellmar?", [cid], limit=3)
        assert found[0].text == FACTS[2]
        assert found[0].found_by == {WORDS}
        assert found[0].path == tmp_path / "harbour.txt"
        assert (found[0].start, found[0].end, found[0].heading) == (
            sum(len(t) + 1 for t in FACTS[:2]), sum(len(t) + 1 for t in FACTS[:3]) - 1, "Part 2")
        assert all(p.collection_id == cid for p in found)
        both = index.search("Ingrid Solberg", [cid, other], limit=5)
        assert {p.collection_id for p in both} == {cid, other}
        assert index.search("Ingrid", [], limit=5) == []


@pytest.mark.parametrize("query", ['"', 'AND OR NOT', "NEAR(a b", "*", "col:x", "\x00", "^a",
                                   "' OR 1=1 --", ""])
def test_what_users_type_is_never_fts_syntax(tmp_path: Path, query: str) -> None:
    with KnowledgeIndex(tmp_path / "k.sqlite3") as index:
        cid = _indexed(index, tmp_path, "n", ["AND OR NOT near col x a", *FACTS])
        found = index.search(query, [cid], limit=3)
        assert all(p.collection_id == cid for p in found)


def test_accents_do_not_matter(tmp_path: Path) -> None:
    with KnowledgeIndex(tmp_path / "k.sqlite3") as index:
        cid = _indexed(index, tmp_path, "fr", ["Le café de la gare.", "Rien."])
        assert [p.text for p in index.search("cafe", [cid], limit=3)] == ["Le café de la gare."]
        assert [p.text for p in index.search("CAFÉ", [cid], limit=3)] == ["Le café de la gare."]


def test_meaning_finds_what_words_miss_and_both_rank_first(tmp_path: Path) -> None:
    with KnowledgeIndex(tmp_path / "k.sqlite3") as index:
        assert index.use_embedding_model("test-model", 4) is True
        assert index.use_embedding_model("test-model", 4) is False
        vectors = [unit(1, 0), unit(0, 1), unit(0, 0, 1), unit(0, 0, 0, 1)]
        cid = _indexed(index, tmp_path, "harbour", FACTS, vectors)
        found = index.search("lighthouse", [cid], query_vector=unit(0, 0, 1), limit=4)
        assert found[0].text == FACTS[2] and found[0].found_by == {WORDS, MEANING}
        # no word of the question is in the text: meaning alone finds it
        found = index.search("frozen sea", [cid], query_vector=unit(1, 0.1), limit=1)
        assert found[0].text == FACTS[0] and found[0].found_by == {MEANING}
        with pytest.raises(KnowledgeValueError):
            index.search("x", [cid], query_vector=[1.0, 0.0], limit=1)
        # A vector from another model is not compared: words alone
        assert index.search("frozen sea", [cid], query_vector=unit(1, 0.1),
                            query_model_id="another-model", limit=1) == []
        assert index.search("frozen sea", [cid], query_vector=unit(1, 0.1),
                            query_model_id="test-model", limit=1)[0].text == FACTS[0]


def test_another_model_clears_the_vectors(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    with KnowledgeIndex(path) as index:
        index.use_embedding_model("model-a", 4)
        cid = _indexed(index, tmp_path, "h", FACTS, [unit(1), unit(0, 1), unit(0, 0, 1),
                                                     unit(0, 0, 0, 1)])
        assert index.chunks_to_embed(10) == []
        assert index.use_embedding_model("model-b", 3) is True
        assert index.embedding_model() == ("model-b", 3)
        waiting = index.chunks_to_embed(10)
        assert [text for _, text in waiting] == FACTS
        assert index.stats(cid).embedded == 0
        assert _count(path, "SELECT count(*) FROM chunk_vectors") == 0
        index.store_vectors([(chunk_id, unit(i + 1.0, 1, dimensions=3))
                             for i, (chunk_id, _) in enumerate(waiting)])
        assert index.chunks_to_embed(10) == []
        assert index.stats(cid).embedded == 4
        found = index.search("zzz", [cid], query_vector=unit(1, 1, dimensions=3), limit=1)
        assert found[0].text == FACTS[0] and found[0].found_by == {MEANING}


def test_removing_a_collection_removes_its_index_rows(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    with KnowledgeIndex(path) as index:
        index.use_embedding_model("m", 4)
        vectors = [unit(1), unit(0, 1), unit(0, 0, 1), unit(0, 0, 0, 1)]
        gone = _indexed(index, tmp_path, "gone", FACTS * 50, vectors * 50)
        kept = _indexed(index, tmp_path, "kept", FACTS, vectors)
        index.remove_collection(gone)
        assert [c.id for c in index.collections()] == [kept]
        assert index.search("Vellmar", [gone], limit=5) == []
        assert len(index.search("Vellmar", [kept], limit=5)) == 2
    assert _count(path, "SELECT count(*) FROM chunks") == 4
    assert _count(path, "SELECT count(*) FROM files") == 1
    assert _count(path, "SELECT count(*) FROM chunk_vectors") == 4
    assert _count(path, "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH 'herring'") == 1
    assert _count(path, "PRAGMA freelist_count") == 0  # the pages went back


def test_failed_and_touched_files(tmp_path: Path) -> None:
    with KnowledgeIndex(tmp_path / "k.sqlite3") as index:
        cid = _indexed(index, tmp_path, "h", FACTS)
        record = index.file(cid, tmp_path / "h.txt")
        assert record is not None and record.status is FileStatus.INDEXED
        assert record.passages == 4
        index.mark_failed(record.id, "h.txt is password-protected.", size=11, mtime_ns=2)
        failed = index.file(cid, tmp_path / "h.txt")
        assert failed is not None and failed.status is FileStatus.FAILED
        assert failed.reason == "h.txt is password-protected."
        assert index.search("Vellmar", [cid], limit=5) == []  # no stale passages
        assert index.stats(cid).failed == 1
        index.touch_file(record.id, size=12, mtime_ns=3)
        touched = index.file(cid, tmp_path / "h.txt")
        assert touched is not None and touched.status is FileStatus.INDEXED
        assert (touched.size, touched.mtime_ns) == (12, 3)


@pytest.mark.expect_log("chatapp.knowledge", "damaged")
def test_garbage_where_the_index_should_be_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with KnowledgeIndex(path) as index:
        assert index.notice is not None and "damaged" in index.notice
        assert index.collections() == []
        index.add_collection("New", [tmp_path])
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")


@pytest.mark.expect_log("chatapp.knowledge", "damaged")
def test_a_damaged_index_is_rebuilt_keeping_the_collections(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    with KnowledgeIndex(path) as index:
        cid = _indexed(index, tmp_path, "big", [f"Passage {i} about herring." for i in range(2000)])
        index.add_folder(cid, tmp_path / "more")
    conn = apsw.Connection(str(path))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    # Scribble over pages in the middle of the file (the chunks), not page 1's schema.
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 40960] = os.urandom(40960)
    path.write_bytes(bytes(data))
    index = KnowledgeIndex(path)
    with pytest.raises(IndexDamagedError) as caught:
        for _ in range(3):
            index.search("herring passage", [cid], limit=50)
            index.stats(cid)
    assert "damaged" in caught.value.user_message
    moved = index.rebuild()
    assert moved.exists() and ".damaged-" in moved.name
    assert index.notice is not None and "collections were kept" in index.notice
    assert [(c.id, c.folders) for c in index.collections()] == [
        (cid, (tmp_path, tmp_path / "more"))]
    assert index.stats(cid).files == 0
    index.close()


def test_a_full_disk_stops_the_write_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    with KnowledgeIndex(path) as index:
        cid = _indexed(index, tmp_path, "small", FACTS)
        file_id = index.mark_pending(cid, tmp_path / "big.txt", size=1, mtime_ns=1)
        # SQLite's own cap on the file's pages answers SQLITE_FULL as a full disk does.
        index._db().execute("PRAGMA max_page_count = 60")
        huge = passages_of([f"{i} " + "word " * 400 for i in range(200)])
        with pytest.raises(IndexDiskFullError) as caught:
            index.store_file(file_id, size=1, mtime_ns=1, content_hash="x", passages=huge)
        assert "disk is full" in caught.value.user_message
        record = index.file(cid, tmp_path / "big.txt")
        assert record is not None and record.status is FileStatus.PENDING
        assert index.stats(cid).chunks == 4
        assert [p.text for p in index.search("herring", [cid], limit=2)] == [FACTS[3]]
    conn = apsw.Connection(str(path))
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


def test_a_write_waits_for_another_writer(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    with KnowledgeIndex(path) as index:
        cid = index.add_collection("C", [tmp_path]).id
        other = apsw.Connection(str(path))
        other.execute("BEGIN IMMEDIATE")
        released = threading.Event()

        def release() -> None:
            released.wait(5)
            other.execute("COMMIT")

        thread = threading.Thread(target=release)
        thread.start()
        try:
            timer = threading.Timer(0.2, released.set)
            timer.start()
            index.mark_pending(cid, tmp_path / "a.txt", size=1, mtime_ns=1)  # waits, then writes
        finally:
            released.set()
            thread.join()
            other.close()
        assert index.file(cid, tmp_path / "a.txt") is not None
