"""File ▸ Batch…: the real window runs batch jobs on the real SmolLM2 model, into real files."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from chatapp.batch.job import BatchProgress
from chatapp.hardware import Hardware
from chatapp.ui.batch.batch_window import WAITING_NOTE, BatchWindow
from chatapp.ui.main_window import MainWindow
from chatapp.ui.workers.batch_run import BatchRun
from tests.e2e.conftest import REPLY_TIMEOUT_MS, OpenWindow, model_settings, wait_loaded

TEMPLATE = "Answer in a few words: {question}"
QUESTIONS = ["What is the capital of France?", "Name a color.", "What is 2+2?",
             "Who wrote Hamlet?", "Say hello in Spanish.", "Name a fruit."]


def questions_csv(path: Path, *, short_row: int | None = None) -> Path:
    """Six questions; ``short_row`` (from 0) lacks its ``topic`` value."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "question", "topic"])
        for n, question in enumerate(QUESTIONS):
            writer.writerow([f"q{n + 1}", question] if n == short_row
                            else [f"q{n + 1}", question, "general"])
    return path


def records(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def open_batch(qtbot: QtBot, open_window: OpenWindow, model_path: Path
               ) -> tuple[MainWindow, BatchWindow]:
    window = open_window(model_settings(model_path, context_length=1024))
    wait_loaded(qtbot, window)
    window.menu_actions.batch.trigger()
    batch = window.batch_window
    assert batch is not None and batch.isVisible()
    return window, batch


def fill(qtbot: QtBot, batch: BatchWindow, source: Path, output: Path, *,
         template: str = TEMPLATE, parallel: int = 3, tokens: int = 8) -> None:
    batch.template.setPlainText(template)
    batch.set_input(source)
    batch.set_output(output)
    batch.parallel.setValue(parallel)
    batch.reply_tokens.setValue(tokens)
    batch.row_context.setValue(256)
    qtbot.waitUntil(batch.start_button.isEnabled)


def start(qtbot: QtBot, batch: BatchWindow) -> None:
    qtbot.mouseClick(batch.start_button, Qt.MouseButton.LeftButton)
    assert batch.run is not None


def start_paused(qtbot: QtBot, batch: BatchWindow) -> BatchRun:
    """Start, press Pause at once, and wait until the job waits between two steps."""
    start(qtbot, batch)
    qtbot.mouseClick(batch.pause_button, Qt.MouseButton.LeftButton)
    run = batch.run
    assert run is not None
    qtbot.waitUntil(run.control.waiting.is_set, timeout=REPLY_TIMEOUT_MS)
    return run


def cancelled(run: BatchRun) -> bool:
    return run.control.cancelled


def wait_ended(qtbot: QtBot, batch: BatchWindow) -> None:
    qtbot.waitUntil(lambda: not batch.running, timeout=REPLY_TIMEOUT_MS)


def test_without_a_model_start_waits_for_one(qtbot: QtBot, open_window: OpenWindow,
                                             tmp_path: Path) -> None:
    window = open_window()
    qtbot.waitUntil(lambda: not window.session.busy)
    assert window.session.model is None
    batch = window.open_batch_window()
    batch.template.setPlainText(TEMPLATE)
    batch.set_input(questions_csv(tmp_path / "questions.csv"))
    # The output is suggested beside the input.
    assert batch.output.text() == str(tmp_path / "questions-replies.csv")
    qtbot.waitUntil(lambda: batch.job_files is not None)
    assert "6 rows (CSV); columns: id, question, topic" in batch.columns.text()
    assert not batch.start_button.isEnabled()
    assert batch.hint.isVisible() and "Load a model first" in batch.hint.text()


def test_every_row_is_answered_with_its_progress_shown(
        qtbot: QtBot, open_window: OpenWindow, model_path: Path, tmp_path: Path) -> None:
    window, batch = open_batch(qtbot, open_window, model_path)
    out = tmp_path / "out.csv"
    fill(qtbot, batch, questions_csv(tmp_path / "questions.csv"), out)
    assert not batch.resume.isVisible()  # a new output: nothing to resume
    # What the rows will take of memory, before Start.
    assert batch.memory.isVisible()
    assert "of memory (3 rows at once, 256 tokens each)" in batch.memory.text()
    start(qtbot, batch)
    assert batch.run is not None
    shown: list[tuple[int, str]] = []
    # Connected after the window's own slot: sees what the window showed for each event.
    batch.run.progress.connect(lambda progress: shown.append(
        (batch.progress.value(), batch.rates.text())))
    # While it runs, the window and the status line say that replies wait.
    assert batch.hint.text() == WAITING_NOTE
    assert "chat replies wait" in window.status.activity.text()
    assert batch.template.isReadOnly() and batch.cancel_button.isEnabled()
    wait_ended(qtbot, batch)

    rows = records(out)
    assert sorted(row["row"] for row in rows) == [str(n) for n in range(1, 7)]
    for row in rows:
        assert row["error"] == "" and row["reply"].strip()
        assert 0 < int(row["generated_tokens"]) <= 8
    assert batch.progress.value() == batch.progress.maximum() == 6
    assert [value for value, _text in shown] == sorted(value for value, _text in shown)
    assert shown[-1][0] == 6
    assert any("rows/s" in text and "tokens/s" in text for _value, text in shown)
    assert batch.summary.text().startswith("Done: 6 of 6 rows in out.csv")
    assert "tokens/s" in batch.summary.text()
    assert not batch.failures.isVisible() and not batch.error.isVisible()
    assert window.status.activity.text() == ""  # replies no longer wait
    # The finished output is told as such.
    qtbot.waitUntil(lambda: "already holds all 6 rows" in batch.resume.text())
    assert not batch.start_button.isEnabled()


def test_pause_then_resume_finishes(qtbot: QtBot, open_window: OpenWindow,
                                    model_path: Path, tmp_path: Path) -> None:
    _window, batch = open_batch(qtbot, open_window, model_path)
    out = tmp_path / "out.jsonl"
    fill(qtbot, batch, questions_csv(tmp_path / "questions.csv"), out)
    start_paused(qtbot, batch)
    assert batch.pause_button.text() == "Resume"
    assert "Paused" in batch.summary.text()
    held = out.read_text(encoding="utf-8").count("\n") if out.exists() else 0
    assert held < 6
    qtbot.mouseClick(batch.pause_button, Qt.MouseButton.LeftButton)
    assert batch.pause_button.text() == "Pause"
    wait_ended(qtbot, batch)
    assert out.read_text(encoding="utf-8").count("\n") == 6
    assert batch.summary.text().startswith("Done: 6 of 6 rows")


def test_cancel_stops_early_and_a_rerun_resumes(qtbot: QtBot, open_window: OpenWindow,
                                                model_path: Path, tmp_path: Path) -> None:
    _window, batch = open_batch(qtbot, open_window, model_path)
    out = tmp_path / "out.csv"
    source = questions_csv(tmp_path / "questions.csv")
    fill(qtbot, batch, source, out, parallel=1)
    start(qtbot, batch)
    run = batch.run
    assert run is not None

    def hold_after_first(progress: BatchProgress) -> None:
        if progress.done >= 1:  # on the engine thread, before its next step
            run.control.pause()

    run.progress.connect(hold_after_first, Qt.ConnectionType.DirectConnection)
    qtbot.waitUntil(run.control.waiting.is_set, timeout=REPLY_TIMEOUT_MS)
    qtbot.mouseClick(batch.cancel_button, Qt.MouseButton.LeftButton)
    wait_ended(qtbot, batch)
    assert len(records(out)) == 1  # one row at a time, held after the first
    assert batch.summary.text().startswith("Cancelled: 1 of 6 rows in out.csv")
    qtbot.waitUntil(lambda: "holds 1 of 6 rows from an earlier run" in batch.resume.text())

    qtbot.waitUntil(batch.start_button.isEnabled)
    start(qtbot, batch)
    wait_ended(qtbot, batch)
    rows = records(out)
    assert sorted(row["row"] for row in rows) == [str(n) for n in range(1, 7)]  # once each
    assert "1 were there from an earlier run" in batch.summary.text()


def test_a_row_missing_a_value_fails_alone(qtbot: QtBot, open_window: OpenWindow,
                                           model_path: Path, tmp_path: Path) -> None:
    _window, batch = open_batch(qtbot, open_window, model_path)
    source = questions_csv(tmp_path / "questions.csv", short_row=2)
    out = tmp_path / "out.csv"
    # A placeholder the input lacks is told before anything starts.
    fill(qtbot, batch, source, out, template="{question} ({topic})")
    batch.template.setPlainText("{question} ({subject})")
    assert batch.template_note.isVisible() and "{subject}" in batch.template_note.text()
    assert "id, question, topic" in batch.template_note.text()
    assert not batch.start_button.isEnabled()
    batch.template.setPlainText("{question} ({topic})")
    assert not batch.template_note.isVisible() and batch.start_button.isEnabled()

    start(qtbot, batch)
    wait_ended(qtbot, batch)
    rows = {row["id"]: row for row in records(out)}
    assert len(rows) == 6
    assert "{topic}" in rows["q3"]["error"] and rows["q3"]["reply"] == ""
    assert all(row["error"] == "" and row["reply"].strip()
               for key, row in rows.items() if key != "q3")
    assert batch.failures.isVisible()
    assert batch.failures.text().startswith("1 row could not be answered")
    assert "Latest: row 3 (q3): This row has no value for {topic}." in batch.failures.text()
    assert "(1 with an error)" in batch.summary.text()


def test_the_memory_check_refuses_too_much(qtbot: QtBot, open_window: OpenWindow,
                                           model_path: Path, tmp_path: Path) -> None:
    window, batch = open_batch(qtbot, open_window, model_path)
    # A computer with 100 MiB free: not even the rows' working memory fits.
    batch.hardware = lambda: Hardware(physical_cores=2, logical_cores=2,
                                      total_ram_bytes=8 * 1024**3,
                                      available_ram_bytes=100 * 1024**2)
    out = tmp_path / "out.csv"
    fill(qtbot, batch, questions_csv(tmp_path / "questions.csv"), out, parallel=16)
    # Said before Start; Start checks again (memory may have been freed meanwhile).
    assert "free now" in batch.memory.text()
    start(qtbot, batch)
    wait_ended(qtbot, batch)
    assert batch.error.isVisible()
    assert "6 rows at once" in batch.error.text() and "free now" in batch.error.text()
    assert not out.exists()  # refused before anything was written
    assert window.status.activity.text() == ""
    assert batch.start_button.isEnabled()  # the person can change it and try again


def test_quitting_stops_a_paused_job(qtbot: QtBot, open_window: OpenWindow,
                                     model_path: Path, tmp_path: Path) -> None:
    window, batch = open_batch(qtbot, open_window, model_path)
    out = tmp_path / "out.csv"
    fill(qtbot, batch, questions_csv(tmp_path / "questions.csv"), out)
    start_paused(qtbot, batch)
    window.close()  # a paused job would hold the engine thread: quitting cancels it
    assert window.session.engine.wait_stopped(time.monotonic())


def test_closing_the_window_while_it_runs_asks(qtbot: QtBot, open_window: OpenWindow,
                                               model_path: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _window, batch = open_batch(qtbot, open_window, model_path)
    fill(qtbot, batch, questions_csv(tmp_path / "questions.csv"), tmp_path / "out.csv")
    run = start_paused(qtbot, batch)
    asked: list[str] = []
    answer = QMessageBox.StandardButton.Cancel

    def exec_(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    batch.close()  # Cancel: the window and the job stay
    assert batch.isVisible() and not cancelled(run)
    assert "Stop it and close the window?" in asked[0]
    answer = QMessageBox.StandardButton.Yes
    batch.close()
    assert not batch.isVisible() and cancelled(run)
    wait_ended(qtbot, batch)
    assert batch.summary.text().startswith("Cancelled:")
