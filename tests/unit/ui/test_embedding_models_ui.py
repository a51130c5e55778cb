"""Embedding models in the Models pane: listed like chat models, labelled as for Local
documents, never loaded for chat (offscreen, with the real MiniLM and SmolLM2 files)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chatapp.hardware import Hardware
from chatapp.models.catalog import ModelKind, load_catalog
from chatapp.models.library import ModelLibrary
from chatapp.ui.model_manager.installed_tab import (
    EMBEDDING_NOTE,
    NOT_FOR_CHAT,
    InstalledTab,
    note,
)
from chatapp.ui.model_manager.recommended_tab import (
    ACTION_COLUMN,
    ANSWERS_COLUMN,
    DIRECT_TAG,
    EMBEDDING_TAG,
    INSTALLED_EMBEDDING,
    THINKS_TAG,
    RecommendedTab,
)
from chatapp.ui.workers.task_thread import TaskThread

GIB = 1024**3
HARDWARE = Hardware(physical_cores=4, logical_cores=8, total_ram_bytes=16 * GIB,
                    available_ram_bytes=10 * GIB)


@pytest.fixture
def models_dir(tmp_path: Path, model_path: Path, embedding_model_path: Path) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    # Links, not copies: the library lists them like downloaded files.
    (folder / model_path.name).symlink_to(model_path)
    (folder / embedding_model_path.name).symlink_to(embedding_model_path)
    return folder


@pytest.fixture
def disk(qtbot: QtBot) -> Iterator[TaskThread]:
    thread = TaskThread("files")
    yield thread
    thread.shutdown(time.monotonic() + 5)


def test_the_library_tells_chat_models_from_embedding_models(
        models_dir: Path, model_path: Path, embedding_model_path: Path) -> None:
    library = ModelLibrary(models_dir, models_dir.parent / "imported.json")
    chat, embedding = library.chat_and_embedding_paths()
    assert chat == [models_dir / model_path.name]
    assert embedding == [models_dir / embedding_model_path.name]


def test_a_file_that_is_no_model_stays_with_the_chat_models(tmp_path: Path) -> None:
    """Its load says what is wrong with it, as before."""
    (tmp_path / "broken.gguf").write_bytes(b"not a model")
    library = ModelLibrary(tmp_path, tmp_path / "imported.json")
    assert library.chat_and_embedding_paths() == ([tmp_path / "broken.gguf"], [])


def test_the_installed_tab_labels_an_embedding_model_and_does_not_load_it(
        qtbot: QtBot, models_dir: Path, disk: TaskThread, embedding_model_path: Path) -> None:
    library = ModelLibrary(models_dir, models_dir.parent / "imported.json")
    tab = InstalledTab(library, disk, HARDWARE, templates_folder=models_dir.parent / "t")
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2)
    rows = {}
    for row in range(2):
        item = tab.table.item(row, 0)
        assert item is not None
        rows[item.text()] = row
    embedding_name = embedding_model_path.name + note(EMBEDDING_NOTE)
    assert embedding_name in rows
    chat_rows = [name for name in rows if name != embedding_name]
    assert len(chat_rows) == 1 and "embedding" not in chat_rows[0]

    loads: list[Path] = []
    tab.load_requested.connect(loads.append)
    tab.table.selectRow(rows[embedding_name])
    assert not tab.load_button.isEnabled()
    assert tab.load_button.toolTip() == NOT_FOR_CHAT
    assert not tab.template_button.isEnabled()
    assert tab.delete_button.isEnabled()  # it can still be removed
    tab.table.cellDoubleClicked.emit(rows[embedding_name], 0)
    assert loads == []

    tab.table.selectRow(rows[chat_rows[0]])
    assert tab.load_button.isEnabled()
    qtbot.mouseClick(tab.load_button, Qt.MouseButton.LeftButton)
    assert len(loads) == 1 and "embedding" not in loads[0].name.lower()


def test_the_recommended_tab_marks_embedding_models_for_local_documents(qtbot: QtBot) -> None:
    catalog = load_catalog()
    tab = RecommendedTab(catalog, HARDWARE)
    qtbot.addWidget(tab)
    tab.show()
    embedding = [e for e in catalog if e.kind is ModelKind.EMBEDDING]
    assert len(embedding) >= 2
    for row in range(tab.table.rowCount()):
        name = tab.table.item(row, 0)
        answers = tab.table.item(row, ANSWERS_COLUMN)
        assert name is not None and answers is not None
        entry = catalog.get(name.data(Qt.ItemDataRole.UserRole))
        assert entry is not None
        if entry.kind is ModelKind.EMBEDDING:
            assert answers.text() == EMBEDDING_TAG
            assert "does not chat" in answers.toolTip()
        else:
            assert answers.text() in {THINKS_TAG, DIRECT_TAG}
    # Downloaded like any model; once installed it offers no Load (it is not for chat).
    small = embedding[0]
    button = tab.button_for(small.id)
    assert button is not None and button.text() == "Download" and button.isEnabled()
    tab.set_state({small.file, next(e for e in catalog if e.kind is ModelKind.CHAT).file},
                  set())
    button = tab.button_for(small.id)
    assert button is not None
    assert button.text() == INSTALLED_EMBEDDING and not button.isEnabled()
    assert tab.table.columnCount() - 1 == ACTION_COLUMN
