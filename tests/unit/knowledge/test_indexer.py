"""Indexing real folders written by the tests into a real index, words only."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import apsw
import pytest

from chatapp.knowledge.errors import IndexDiskFullError
from chatapp.knowledge.index_store import FileStatus, KnowledgeIndex
from chatapp.knowledge.indexer import CollectionIndexer, IndexProgress, Phase
from tests.unit.documents.pdf_files import encrypt_pdf, make_pdf

ROOT = Path(__file__).resolve().parents[3]

# The peak memory of walking a folder without keeping what it finds, then keeping it all.
PEAK_MEMORY = """
import sys, tracemalloc
from pathlib import Path
from chatapp.knowledge.scanning import scan_folder

def peak(keep):
    tracemalloc.start()
    try:
        walk = scan_folder(Path(sys.argv[1]), wanted=lambda _: True)
        found = list(walk) if keep else None
        count = len(found) if found is not None else sum(1 for _ in walk)
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

# Once first: pathlib interns names, and the interned table grows (and stays grown) on
# the first walk whatever the walk holds.
peak(False)
print(*peak(False), *peak(True))
"""


@pytest.fixture
def index(tmp_path: Path) -> Iterator[KnowledgeIndex]:
    with KnowledgeIndex(tmp_path / "index" / "knowledge.sqlite3") as opened:
        yield opened


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def _status(index: KnowledgeIndex, cid: int, path: Path) -> tuple[FileStatus, str | None]:
    record = index.file(cid, path)
    assert record is not None, path
    return record.status, record.reason


def test_a_folder_is_indexed_and_a_question_finds_its_fact(tmp_path: Path,
                                                           index: KnowledgeIndex) -> None:
    docs = tmp_path / "docs"
    _write(docs / "harbour.txt", "The harbour of Vellmar freezes in January.")
    _write(docs / "guide" / "lighthouse.md",
           "# Boats\n\nFishing boats leave at dawn.\n\n# Lighthouse\n\n"
           "The lighthouse keeper of Vellmar is called Ingrid Solberg.\n")
    _write(docs / "report.pdf", make_pdf(["Page one is about trains.",
                                          "The ferry to Nordholm costs 40 crowns."]))
    _write(docs / "photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)  # not a kind we read
    _write(docs / ".git" / "notes.txt", "Vellmar secret in version control")
    _write(docs / "node_modules" / "pkg" / "README.md", "Vellmar dependency")
    _write(docs / ".hidden.txt", "Vellmar hidden")
    cid = index.add_collection("Docs", [docs]).id
    progress: list[IndexProgress] = []
    report = CollectionIndexer(index, on_progress=progress.append).index_collection(cid)
    assert (report.found, report.indexed, report.failed, report.cancelled) == (3, 3, 0, False)
    assert {r.path.name for r in index.files(cid)} == {"harbour.txt", "lighthouse.md",
                                                      "report.pdf"}
    found = index.search("Who keeps the lighthouse in Vellmar?", [cid], limit=3)
    assert found[0].path == docs / "guide" / "lighthouse.md"
    assert found[0].heading == "Lighthouse"
    assert "Ingrid Solberg" in found[0].text
    ferry = index.search("ferry Nordholm price", [cid], limit=1)[0]
    assert (ferry.path.name, ferry.page) == ("report.pdf", 2)
    last = progress[-1]
    assert last.phase is Phase.DONE
    assert (last.files_done, last.files_total, last.files_found) == (3, 3, 3)
    assert last.chunks == report.chunks >= 3
    assert {p.phase for p in progress} >= {Phase.READING, Phase.DONE}


def test_a_second_run_reads_only_what_changed(tmp_path: Path, index: KnowledgeIndex) -> None:
    docs = tmp_path / "docs"
    same = _write(docs / "same.txt", "Nothing changes here.")
    touched = _write(docs / "touched.txt", "Only the time changes here.")
    edited = _write(docs / "edited.txt", "The password is apple.")
    deleted = _write(docs / "deleted.txt", "This file will be deleted.")
    cid = index.add_collection("Docs", [docs]).id
    indexer = CollectionIndexer(index)
    assert indexer.index_collection(cid).indexed == 4
    again = indexer.index_collection(cid)
    assert (again.found, again.indexed, again.unchanged, again.removed) == (4, 0, 0, 0)

    os.utime(touched, ns=(1_000_000_000, 1_000_000_000))
    edited.write_text("The password is banana.", encoding="utf-8")
    os.utime(edited, ns=(2_000_000_000, 2_000_000_000))
    deleted.unlink()
    _write(docs / "new.txt", "A new file about pears.")
    report = indexer.index_collection(cid)
    assert (report.found, report.indexed, report.unchanged, report.removed) == (4, 2, 1, 1)
    assert [p.text for p in index.search("password", [cid], limit=5)] == [
        "The password is banana."]
    assert index.search("deleted", [cid], limit=5) == []
    assert index.search("pears", [cid], limit=5)[0].path.name == "new.txt"
    assert _status(index, cid, same) == (FileStatus.INDEXED, None)


def test_bad_files_get_a_clear_status_and_the_rest_is_indexed(tmp_path: Path,
                                                              index: KnowledgeIndex) -> None:
    docs = tmp_path / "docs"
    _write(docs / "good.txt", "A good file about herring.")
    binary = _write(docs / "binary.txt", bytes(range(256)) * 40)
    locked = _write(docs / "locked.pdf", encrypt_pdf(make_pdf(["secret herring"]), "pw"))
    broken = _write(docs / "broken.pdf", b"%PDF-1.7\n this is not really a PDF")
    huge = docs / "huge.txt"
    with huge.open("wb") as handle:  # 1 GB, sparse: no disk is used
        handle.truncate(1024**3)
    pipe = docs / "pipe.txt"
    os.mkfifo(pipe)
    cid = index.add_collection("Docs", [docs]).id
    report = CollectionIndexer(index).index_collection(cid)
    # The scan takes only regular files: the pipe is not one.
    assert (report.indexed, report.failed) == (1, 4)
    for path, words in ((binary, "not"), (locked, "password"), (broken, "damaged"),
                        (huge, "up to")):
        status, reason = _status(index, cid, path)
        assert status is FileStatus.FAILED
        assert reason is not None and words in reason.lower() and path.name in reason
    assert index.stats(cid).failed == 4
    assert index.search("herring", [cid], limit=5)[0].path.name == "good.txt"


def test_symlink_loops_and_links_to_folders_are_not_followed(tmp_path: Path,
                                                             index: KnowledgeIndex) -> None:
    docs = tmp_path / "docs"
    _write(docs / "a" / "note.txt", "A note about the loop.")
    (docs / "a" / "loop").symlink_to(docs, target_is_directory=True)
    (docs / "self").symlink_to(docs / "self")  # a link to itself
    (docs / "link.txt").symlink_to(docs / "a" / "note.txt")  # a link to a file is read
    cid = index.add_collection("Docs", [docs, docs / "a"]).id  # a folder inside another
    report = CollectionIndexer(index).index_collection(cid)
    assert report.found == 2 and report.indexed == 2 and report.failed == 0
    assert {r.path for r in index.files(cid)} == {docs / "a" / "note.txt", docs / "link.txt"}


def test_twenty_thousand_files_stream_in_bounded_memory(tmp_path: Path,
                                                        index: KnowledgeIndex) -> None:
    docs = tmp_path / "docs"
    for i in range(20_000):
        _write(docs / f"d{i % 50}" / f"f{i}.txt", f"File {i} holds the code {i * 7}.")
    # Measured in a process of its own: tracemalloc counts every thread's allocations, and
    # in the suite other tests' threads (servers, watchers) allocate meanwhile.
    measured = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY, str(docs)], capture_output=True, text=True,
        cwd=ROOT, timeout=300, check=True)
    streamed, streaming_peak, listed, listing_peak = map(int, measured.stdout.split())
    assert streamed == listed == 20_000
    # Walking holds one folder's listing at a time, far less than all the files.
    assert streaming_peak * 3 < listing_peak
    cid = index.add_collection("Many", [docs]).id
    report = CollectionIndexer(index).index_collection(cid)
    assert (report.found, report.indexed) == (20_000, 20_000)
    assert index.search("code 99995", [cid], limit=1)[0].path.name == "f14285.txt"
    assert CollectionIndexer(index).index_collection(cid).indexed == 0


def test_a_file_changing_while_read_waits_for_the_next_run(tmp_path: Path,
                                                           index: KnowledgeIndex) -> None:
    docs = tmp_path / "docs"
    busy = _write(docs / "busy.txt", "word " * 2_000_000)
    _write(docs / "calm.txt", "A calm file.")
    # Another process keeps rewriting the file (its size changes with every write).
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys\n"
        "f = open(sys.argv[1], 'r+b')\n"
        "while True:\n"
        "    f.seek(0, 2); f.write(b'x'); f.flush(); f.truncate(10_000_000); f.flush()\n"
    ), str(busy)])
    try:
        cid = index.add_collection("Docs", [docs]).id
        report = CollectionIndexer(index).index_collection(cid)
    finally:
        writer.kill()
        writer.wait()
    assert (report.indexed, report.waiting, report.failed) == (1, 1, 0)
    status, reason = _status(index, cid, busy)
    assert status is FileStatus.PENDING and reason is not None and "changed" in reason
    again = CollectionIndexer(index).index_collection(cid)
    assert (again.indexed, again.waiting) == (1, 0)
    assert _status(index, cid, busy) == (FileStatus.INDEXED, None)


def test_pause_resume_and_cancel_from_another_thread(tmp_path: Path,
                                                     index: KnowledgeIndex) -> None:
    docs = tmp_path / "docs"
    for i in range(2000):
        _write(docs / f"d{i % 10}" / f"f{i}.txt", f"File number {i}.")
    cid = index.add_collection("Docs", [docs]).id
    paused = [threading.Event(), threading.Event()]
    progress: list[IndexProgress] = []
    indexer: CollectionIndexer

    def on_progress(p: IndexProgress) -> None:
        progress.append(p)
        # Pause as reading starts, and again at the first report after some files.
        first, second = paused
        if p.phase is Phase.READING and (
                not first.is_set() or (p.files_done > 0 and not second.is_set())):
            indexer.pause()
        if p.paused:
            paused[0 if not paused[0].is_set() else 1].set()

    indexer = CollectionIndexer(index, on_progress=on_progress)
    results = []
    worker = threading.Thread(target=lambda: results.append(indexer.index_collection(cid)))
    worker.start()
    try:
        assert paused[0].wait(60)
        with KnowledgeIndex(index.path) as reader:
            assert reader.stats(cid).indexed == 0  # nothing is read while paused
        assert worker.is_alive()
        indexer.resume()
        assert paused[1].wait(60)
        indexer.cancel()  # a paused run wakes up to stop
        worker.join(60)
    finally:
        indexer.cancel()
        worker.join(60)
    assert not worker.is_alive()
    (report,) = results
    assert report.cancelled and 0 < report.indexed < 2000
    assert progress[-1].phase is Phase.DONE
    # What was stored is whole; a new run reads only the rest.
    rest = CollectionIndexer(index).index_collection(cid)
    assert report.indexed + rest.indexed == 2000 and not rest.cancelled


def test_a_full_disk_stops_indexing_with_a_clear_message(tmp_path: Path,
                                                         index: KnowledgeIndex) -> None:
    docs = tmp_path / "docs"
    _write(docs / "a.txt", "A small file.")
    cid = index.add_collection("Docs", [docs]).id
    assert CollectionIndexer(index).index_collection(cid).indexed == 1
    _write(docs / "b.txt", "Large file. " * 100_000)
    # SQLite's cap on the file's pages answers SQLITE_FULL, as a full disk does.
    (pages,) = index._db().execute("PRAGMA page_count").fetchall()[0]
    assert isinstance(pages, int)
    index._db().execute(f"PRAGMA max_page_count = {pages + 8}")
    with pytest.raises(IndexDiskFullError) as caught:
        CollectionIndexer(index).index_collection(cid)
    assert "disk is full" in caught.value.user_message
    assert _status(index, cid, docs / "b.txt")[0] is FileStatus.PENDING
    assert index.stats(cid).chunks == 1  # a.txt alone: b.txt not half-written
    index._db().execute("PRAGMA max_page_count = 1073741823")
    assert CollectionIndexer(index).index_collection(cid).indexed == 1


_KILLED_RUN = """
import sys
from pathlib import Path
from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import CollectionIndexer

index = KnowledgeIndex(Path(sys.argv[1]))
def report(progress):
    print(progress.files_done, flush=True)
CollectionIndexer(index, on_progress=report).index_collection(int(sys.argv[2]))
print("finished", flush=True)
"""


def test_a_run_killed_midway_continues_where_it_stopped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    for i in range(3000):
        _write(docs / f"d{i % 10}" / f"f{i}.txt", f"Record {i}: the tide table for day {i}.")
    path = tmp_path / "knowledge.sqlite3"
    with KnowledgeIndex(path) as index:
        cid = index.add_collection("Docs", [docs]).id
    child = subprocess.Popen([sys.executable, "-c", _KILLED_RUN, str(path), str(cid)],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    try:
        for line in child.stdout:
            assert line.strip() != "finished", "the run ended before it was killed"
            if int(line) >= 200:
                break
    finally:
        child.kill()  # SIGKILL: no cleanup of any kind
        child.wait()
    conn = apsw.Connection(str(path))
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with KnowledgeIndex(path) as index:
        before = index.stats(cid)
        assert 200 <= before.indexed < 3000
        assert before.indexed + before.pending == 3000
        report = CollectionIndexer(index).index_collection(cid)
        assert report.indexed == before.pending  # the indexed ones were not read again
        assert index.stats(cid).indexed == 3000
        assert index.search("tide day 2999", [cid], limit=1)[0].path.name == "f2999.txt"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="permissions do not stop root (and differ on Windows)")
def test_a_file_we_may_not_read_gets_a_status(tmp_path: Path, index: KnowledgeIndex) -> None:
    docs = tmp_path / "docs"
    secret = _write(docs / "secret.txt", "Private.")
    secret.chmod(0)
    cid = index.add_collection("Docs", [docs]).id
    try:
        report = CollectionIndexer(index).index_collection(cid)
    finally:
        secret.chmod(0o600)
    assert report.failed == 1
    status, reason = _status(index, cid, secret)
    assert status is FileStatus.FAILED and reason is not None and "secret.txt" in reason
