"""Changes in watched folders reach the index: real folders, watchdog, the real index."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chatapp.knowledge.errors import KnowledgeError
from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import IndexReport
from chatapp.knowledge.watcher import CollectionSync, FolderWatcher

WAIT_S = 60.0


def _eventually(condition: Callable[[], bool], what: str) -> None:
    """Poll until ``condition()`` holds; fail after WAIT_S (a bound, not a measurement)."""
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.05)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "tides.txt").write_text("High tide at Vellmar is at noon.", encoding="utf-8")
    (folder / "old.txt").write_text("The old ferry timetable.", encoding="utf-8")
    return folder


@pytest.fixture
def sync(tmp_path: Path, docs: Path) -> Iterator[tuple[CollectionSync, int, list[IndexReport]]]:
    path = tmp_path / "knowledge.sqlite3"
    with KnowledgeIndex(path) as index:
        cid = index.add_collection("Docs", [docs]).id
    reports: list[IndexReport] = []
    errors: list[KnowledgeError] = []
    running = CollectionSync(path, on_report=reports.append, on_error=errors.append,
                             debounce_s=0.2)
    thread = threading.Thread(target=running.run)
    thread.start()
    try:
        yield running, cid, reports
    finally:
        running.stop()
        thread.join(WAIT_S)
    assert not thread.is_alive()
    assert errors == []


def _paths(index_path: Path, cid: int, query: str) -> set[str]:
    with KnowledgeIndex(index_path) as index:
        return {p.path.name for p in index.search(query, [cid], limit=10)}


def test_changes_reach_the_index(tmp_path: Path, docs: Path,
                                 sync: tuple[CollectionSync, int, list[IndexReport]]) -> None:
    _, cid, reports = sync
    index_path = tmp_path / "knowledge.sqlite3"
    # The rescan at start indexes what is there.
    _eventually(lambda: _paths(index_path, cid, "tide Vellmar") == {"tides.txt"},
                "the first scan")
    assert reports[0].indexed == 2
    # Modified
    (docs / "tides.txt").write_text("High tide at Vellmar is at midnight now.",
                                    encoding="utf-8")
    _eventually(lambda: _paths(index_path, cid, "midnight") == {"tides.txt"}, "a change")
    assert _paths(index_path, cid, "noon") == set()
    # Added, in a new folder
    (docs / "new" / "deeper").mkdir(parents=True)
    (docs / "new" / "deeper" / "pier.md").write_text("# Pier\n\nThe pier is 300 m long.\n",
                                                     encoding="utf-8")
    _eventually(lambda: _paths(index_path, cid, "pier") == {"pier.md"}, "a new file")
    # Deleted
    (docs / "old.txt").unlink()
    _eventually(lambda: _paths(index_path, cid, "ferry timetable") == set(), "a deletion")
    # Moved away: a whole folder leaves the collection
    (docs / "new").rename(tmp_path / "elsewhere")
    _eventually(lambda: _paths(index_path, cid, "pier") == set(), "a folder moved out")
    # Hidden folders are not followed
    (docs / ".git").mkdir()
    (docs / ".git" / "x.txt").write_text("Vellmar secret", encoding="utf-8")
    (docs / "seen.txt").write_text("Vellmar visible", encoding="utf-8")
    _eventually(lambda: "seen.txt" in _paths(index_path, cid, "visible"), "a visible file")
    assert "x.txt" not in _paths(index_path, cid, "secret")


def test_a_restart_rescans_what_changed_while_closed(tmp_path: Path, docs: Path) -> None:
    path = tmp_path / "knowledge.sqlite3"
    with KnowledgeIndex(path) as index:
        cid = index.add_collection("Docs", [docs]).id
    for change in ("first", "second"):
        reports: list[IndexReport] = []
        running = CollectionSync(path, on_report=reports.append)
        thread = threading.Thread(target=running.run)
        thread.start()
        try:
            _eventually(lambda: bool(reports), "the rescan at start")  # noqa: B023
        finally:
            running.stop()
            thread.join(WAIT_S)
        assert not thread.is_alive()
        if change == "first":
            assert reports[0].indexed == 2
            (docs / "old.txt").unlink()  # while nothing watches
            (docs / "added.txt").write_text("Added while closed.", encoding="utf-8")
        else:
            assert (reports[0].indexed, reports[0].removed) == (1, 1)
    assert _paths(path, cid, "added closed") == {"added.txt"}


def test_the_watcher_debounces_a_burst_of_writes(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    folder.mkdir()
    batches: list[tuple[int, set[Path]]] = []
    watcher = FolderWatcher(lambda cid, paths: batches.append((cid, paths)), debounce_s=0.3)
    watcher.start()
    try:
        assert watcher.watch(7, [folder]) == []
        assert watcher.watch(8, [tmp_path / "missing"]) != []  # said, not raised
        target = folder / "log.txt"
        for i in range(50):
            target.write_text(f"line {i}\n", encoding="utf-8")
        (folder / ".hidden.txt").write_text("x", encoding="utf-8")
        _eventually(lambda: bool(batches), "a batch")
    finally:
        watcher.stop()
    assert batches[0] == (7, {target})


def test_a_collection_removed_while_synced_is_let_go(
        tmp_path: Path, docs: Path,
        sync: tuple[CollectionSync, int, list[IndexReport]]) -> None:
    running, cid, reports = sync
    _eventually(lambda: bool(reports), "the first scan")
    with KnowledgeIndex(tmp_path / "knowledge.sqlite3") as index:
        index.remove_collection(cid)
        (docs / "later.txt").write_text("Written after the removal.", encoding="utf-8")
        running.rescan(cid)
        running.rescan()
        _eventually(lambda: len(reports) == 1 and index.collections() == [],
                    "the removal to stick")
    # (the fixture checks that no error reached on_error)
