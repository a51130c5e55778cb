"""The Local documents pane with its real workers: real folders, files and index."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTableWidget
from pytestqt.qtbot import QtBot

from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import IndexReport
from chatapp.models.library import ModelLibrary
from chatapp.paths import AppPaths
from chatapp.ui.documents.pane import LocalDocumentsPane
from chatapp.ui.workers.index_thread import CollectionState, IndexThread
from tests.unit.documents.pdf_files import encrypt_pdf, make_pdf
from tests.unit.ui.dialog_accessibility import accessible_name, unnamed_controls

FACT = "The lighthouse keeper's cat is named Biscuit and sleeps on the lamp room stairs."
TIMEOUT_MS = 120_000


def make_folder(root: Path) -> Path:
    folder = root / "notes"
    folder.mkdir()
    (folder / "fact.txt").write_text(FACT + "\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)  # not text at all
    (folder / "locked.pdf").write_bytes(encrypt_pdf(make_pdf(["Secret page."]), "pw"))
    return folder


@pytest.fixture
def worker(qtbot: QtBot, app_paths: AppPaths) -> Iterator[IndexThread]:
    made = IndexThread(app_paths.knowledge_index, app_paths.cache_dir / "probe-results.json")
    yield made
    made.request_stop()
    assert made.wait_stopped(time.monotonic() + 30)


@pytest.fixture
def pane(qtbot: QtBot, worker: IndexThread, app_paths: AppPaths) -> LocalDocumentsPane:
    library = ModelLibrary(app_paths.models_dir, app_paths.models_registry)
    made = LocalDocumentsPane(worker, library, None)
    made.embedding_model_chosen.connect(worker.set_embedding_model)  # as the window does
    qtbot.addWidget(made)
    made.show()
    return made


def wait_indexed(qtbot: QtBot, pane: LocalDocumentsPane, files: int) -> None:
    qtbot.waitUntil(lambda: pane.worker.running is None and not pane.worker.busy
                    and len(pane.states) == 1 and pane.states[0].stats.files == files
                    and pane.states[0].stats.pending == 0, timeout=TIMEOUT_MS)


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def file_rows(pane: LocalDocumentsPane) -> list[tuple[str, str, str]]:
    table = pane.files
    return [(cell(table, row, 0), cell(table, row, 1), cell(table, row, 3))
            for row in range(table.rowCount())]


def test_a_collection_is_indexed_and_every_file_shows_its_status(
        qtbot: QtBot, pane: LocalDocumentsPane, app_paths: AppPaths, tmp_path: Path) -> None:
    assert not app_paths.knowledge_index.exists()  # none until a collection is added
    assert "words of the question alone" in pane.model_note.text()
    folder = make_folder(tmp_path)
    pane.add_collection("Notes", [folder])
    wait_indexed(qtbot, pane, files=3)
    assert pane.table.rowCount() == 1
    assert cell(pane.table, 0, 0) == "Notes"
    assert cell(pane.table, 0, 1) == str(folder)
    assert cell(pane.table, 0, 2) == "3"
    assert cell(pane.table, 0, 4) == "Indexed · 2 failed"
    assert pane.progress_bar.value() == pane.progress_bar.maximum() > 0
    assert "Notes: up to date" in pane.progress_label.text()
    qtbot.waitUntil(lambda: pane.files.rowCount() == 3)
    rows = file_rows(pane)
    # Problems first, each with the reader's reason.
    assert {name for name, status, _why in rows[:2]} == {"binary.txt", "locked.pdf"}
    why = {name: reason for name, _status, reason in rows}
    assert all(status == "Failed" for _name, status, _why in rows[:2])
    assert "does not hold text" in why["binary.txt"]
    assert "protected by a password" in why["locked.pdf"]
    assert rows[2][:2] == ("fact.txt", "Indexed") and why["fact.txt"] == ""
    assert "2 could not be read" in pane.files_label.text()
    with KnowledgeIndex(app_paths.knowledge_index) as index:
        found = index.search("what is the cat called", [pane.states[0].collection.id])
    assert found and found[0].path == folder / "fact.txt" and "Biscuit" in found[0].text
    assert app_paths.knowledge_index.stat().st_mode & 0o077 == 0


def test_pause_holds_the_run_and_resume_finishes_it(
        qtbot: QtBot, pane: LocalDocumentsPane, tmp_path: Path) -> None:
    pane.worker.pause()
    assert pane.pause_button.text() == "Resume"
    pane.add_collection("Notes", [make_folder(tmp_path)])
    # The run finds the files, then waits between two files while paused.
    qtbot.waitUntil(lambda: pane.last_progress is not None and pane.last_progress.paused
                    and pane.last_progress.files_found == 3, timeout=TIMEOUT_MS)
    assert pane.progress_label.text().startswith("Paused")
    pane.worker.refresh()
    qtbot.waitUntil(lambda: len(pane.states) == 1 and pane.states[0].stats.files == 3)
    assert pane.states[0].stats.pending == 3  # none read while paused
    assert cell(pane.table, 0, 4) == "Paused"
    qtbot.mouseClick(pane.pause_button, Qt.MouseButton.LeftButton)
    assert not pane.worker.paused and pane.pause_button.text() == "Pause"
    wait_indexed(qtbot, pane, files=3)
    assert pane.states[0].stats.indexed == 1 and pane.states[0].stats.failed == 2


def test_removing_a_collection_removes_its_index(
        qtbot: QtBot, pane: LocalDocumentsPane, app_paths: AppPaths, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_folder(tmp_path)
    pane.add_collection("Notes", [folder])
    wait_indexed(qtbot, pane, files=3)
    collection_id = pane.states[0].collection.id
    asked: list[str] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    pane.table.selectRow(0)
    pane.ask_remove_collection()
    assert asked and "“Notes”" in asked[0] and "3 files" in asked[0]
    qtbot.waitUntil(lambda: pane.states == () and not pane.worker.busy, timeout=TIMEOUT_MS)
    assert pane.table.rowCount() == 0 and pane.files.rowCount() == 0
    with KnowledgeIndex(app_paths.knowledge_index) as index:
        assert index.collections() == []
        assert index.search("Biscuit", [collection_id]) == []
    assert (folder / "fact.txt").exists()  # the user's files are never touched


def test_a_second_folder_is_indexed_and_a_removed_one_leaves(
        qtbot: QtBot, pane: LocalDocumentsPane, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    pane.add_collection("Notes", [make_folder(tmp_path)])
    wait_indexed(qtbot, pane, files=3)
    more = tmp_path / "more"
    more.mkdir()
    (more / "recipe.md").write_text("# Bread\n\nFlour, water, salt and time.\n")
    collection_id = pane.states[0].collection.id
    pane.worker.add_folder(collection_id, more)
    wait_indexed(qtbot, pane, files=4)
    assert str(more) in cell(pane.table, 0, 1)
    pane.worker.remove_folder(collection_id, more)
    wait_indexed(qtbot, pane, files=3)
    assert str(more) not in cell(pane.table, 0, 1)
    # Renamed: the name the user types (its spaces tidied).
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *_args: ("  Island   notes ", True))
    pane.table.selectRow(0)
    pane.ask_rename()
    qtbot.waitUntil(lambda: cell(pane.table, 0, 0) == "Island notes")


def test_a_paused_run_stops_at_quit(qtbot: QtBot, app_paths: AppPaths, tmp_path: Path) -> None:
    worker = IndexThread(app_paths.knowledge_index, app_paths.cache_dir / "probe-results.json")
    seen: list[object] = []
    worker.progress.connect(seen.append)
    worker.pause()
    worker.add_collection("Notes", [make_folder(tmp_path)])
    qtbot.waitUntil(lambda: worker.running is not None, timeout=TIMEOUT_MS)
    worker.request_stop()
    assert worker.wait_stopped(time.monotonic() + 10)
    assert not worker.indexing.running and not worker.knowledge.running


def test_files_changed_in_the_folder_reach_the_index(
        qtbot: QtBot, pane: LocalDocumentsPane, app_paths: AppPaths, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    pane.add_collection("Notes", [folder])
    wait_indexed(qtbot, pane, files=3)
    # The watcher follows the folder: a new file, a deleted one.
    (folder / "new.md").write_text("# Boats\n\nThe ferry leaves at seven.\n")
    (folder / "binary.txt").unlink()
    qtbot.waitUntil(lambda: len(pane.states) == 1 and pane.states[0].stats.files == 3
                    and pane.states[0].stats.indexed == 2 and pane.worker.running is None
                    and not pane.worker.busy, timeout=TIMEOUT_MS)
    with KnowledgeIndex(app_paths.knowledge_index) as index:
        found = index.search("ferry", [pane.states[0].collection.id])
    assert found and found[0].path == folder / "new.md"


def test_an_embedding_model_gives_every_passage_a_vector(
        qtbot: QtBot, pane: LocalDocumentsPane, embedding_model_path: Path,
        tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    pane.add_collection("Notes", [folder])
    wait_indexed(qtbot, pane, files=3)
    assert pane.states[0].stats.embedded == 0
    chosen: list[object] = []
    pane.embedding_model_chosen.connect(chosen.append)
    pane.choose_embedding_model(embedding_model_path)
    assert chosen == [embedding_model_path]
    assert embedding_model_path.name in pane.model_note.text()
    qtbot.waitUntil(lambda: len(pane.states) == 1 and pane.states[0].stats.chunks > 0
                    and pane.states[0].stats.embedded == pane.states[0].stats.chunks
                    and not pane.worker.busy, timeout=TIMEOUT_MS)
    assert not pane.model_problem.isVisible()


def test_a_restart_indexes_what_changed_while_the_app_was_closed(
        qtbot: QtBot, app_paths: AppPaths, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    first = IndexThread(app_paths.knowledge_index, app_paths.cache_dir / "probe-results.json")
    reports: list[IndexReport] = []
    first.run_finished.connect(reports.append)
    first.add_collection("Notes", [folder])
    qtbot.waitUntil(lambda: bool(reports) and not first.busy, timeout=TIMEOUT_MS)
    first.request_stop()
    assert first.wait_stopped(time.monotonic() + 30)
    (folder / "later.txt").write_text("Written while chatapp was closed: the tide was low.\n")
    (folder / "fact.txt").unlink()

    again = IndexThread(app_paths.knowledge_index, app_paths.cache_dir / "probe-results.json")
    listed: list[tuple[CollectionState, ...]] = []
    again.collections_listed.connect(listed.append)
    reports.clear()
    again.run_finished.connect(reports.append)
    again.start()
    try:
        qtbot.waitUntil(lambda: bool(reports) and not again.busy and bool(listed)
                        and listed[-1][0].stats.indexed == 1, timeout=TIMEOUT_MS)
        assert (reports[0].indexed, reports[0].removed) == (1, 1)
        with KnowledgeIndex(app_paths.knowledge_index) as index:
            found = index.search("tide", [listed[-1][0].collection.id])
            assert [p.path.name for p in found] == ["later.txt"]
            assert index.search("Biscuit", [listed[-1][0].collection.id]) == []
    finally:
        again.request_stop()
        assert again.wait_stopped(time.monotonic() + 30)


def test_a_model_that_makes_no_embeddings_is_refused_and_words_still_work(
        qtbot: QtBot, pane: LocalDocumentsPane, model_path: Path, tmp_path: Path) -> None:
    # A settings file may name any file: here a chat model.
    pane.choose_embedding_model(model_path)
    pane.add_collection("Notes", [make_folder(tmp_path)])
    wait_indexed(qtbot, pane, files=3)
    qtbot.waitUntil(pane.model_problem.isVisible)
    assert "not an embedding model" in pane.model_problem.text()
    assert "words alone" in pane.model_problem.text()
    assert pane.states[0].stats.indexed == 1 and pane.states[0].stats.embedded == 0


def test_every_control_of_the_pane_and_its_dialog_has_an_accessible_name(
        qtbot: QtBot, pane: LocalDocumentsPane) -> None:
    assert unnamed_controls(pane) == []
    assert accessible_name(pane.files) == "Files of the chosen collection"
    dialog = pane.ask_new_collection()
    assert unnamed_controls(dialog) == []
    dialog.reject()
