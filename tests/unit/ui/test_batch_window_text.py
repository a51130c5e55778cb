"""The Batch window's words and names without a model: what it says of the input, and the
names a screen reader reads (the jobs themselves: tests/e2e/test_batch_window.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.batch.batch_window import BatchWindow
from chatapp.ui.workers.engine_worker import EngineController
from chatapp.ui.workers.task_thread import TaskThread
from tests.unit.ui.dialog_accessibility import unnamed_controls


@pytest.fixture
def batch(qtbot: QtBot, app_paths: AppPaths) -> Iterator[BatchWindow]:
    engine = EngineController(app_paths.history_db, app_paths.cache_dir / "probe-results.json")
    files = TaskThread("files")
    window = BatchWindow(engine, files, Settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    files.request_stop(drain=False)
    engine.request_shutdown()
    assert files.wait_stopped(time.monotonic() + 30)
    assert engine.wait_stopped(time.monotonic() + 30)


def test_every_control_has_an_accessible_name(batch: BatchWindow) -> None:
    assert unnamed_controls(batch) == []
    assert batch.parallel.accessibleName() == "Rows at once"


@pytest.mark.parametrize(("lines", "said"), [
    (["q1,What is 2+2?"], "1 row (CSV); columns: id, question"),
    (["q1,What is 2+2?", "q2,Name a colour."], "2 rows (CSV); columns: id, question")])
def test_the_input_is_counted_in_words(qtbot: QtBot, batch: BatchWindow, tmp_path: Path,
                                       lines: list[str], said: str) -> None:
    source = tmp_path / "questions.csv"
    source.write_text("\n".join(["id,question", *lines]) + "\n", encoding="utf-8")
    batch.set_input(source)
    qtbot.waitUntil(lambda: batch.job_files is not None)
    assert batch.columns.text() == said
    assert "Load a model first" in batch.hint.text()
