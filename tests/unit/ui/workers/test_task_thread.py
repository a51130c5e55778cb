"""The worker threads: order, errors as objects (the user's and bugs apart), shutdown."""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chatapp.errors import InternalError, UserFacingError
from chatapp.history.store import HistoryDamagedError, HistoryStore
from chatapp.ui.workers import abandoned
from chatapp.ui.workers.files_thread import FilesThread
from chatapp.ui.workers.history_thread import HistoryThread
from chatapp.ui.workers.task_thread import TaskThread


@pytest.fixture
def worker(qtbot: QtBot) -> Iterator[TaskThread]:
    thread = TaskThread("test")
    yield thread
    thread.shutdown(time.monotonic() + 5)


def test_jobs_run_in_order_and_answer_on_the_ui_thread(qtbot: QtBot, worker: TaskThread) -> None:
    ran: list[int] = []
    answered: list[tuple[int, bool]] = []
    ui = threading.get_ident()
    def job(i: int) -> Callable[[None], int]:
        def run(_ctx: None) -> int:
            ran.append(i)
            return i
        return run

    def answer(result: int) -> None:
        answered.append((result, threading.get_ident() == ui))

    for i in range(50):
        worker.submit(job(i), answer)
    qtbot.waitUntil(lambda: len(answered) == 50)
    assert ran == list(range(50))
    assert answered == [(i, True) for i in range(50)]
    assert not worker.busy


def test_a_user_facing_error_arrives_as_it_is(qtbot: QtBot, worker: TaskThread,
                                             caplog: pytest.LogCaptureFixture) -> None:
    raised = UserFacingError("The disk is full.", "ENOSPC on /data")
    received: list[UserFacingError] = []

    def job(_ctx: None) -> None:
        raise raised

    with caplog.at_level(logging.INFO):
        worker.submit(job, lambda _r: None, received.append)
        qtbot.waitUntil(lambda: bool(received))
    assert received == [raised]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("ENOSPC on /data" in r.getMessage() for r in caplog.records)


@pytest.mark.expect_log("chatapp.ui.workers.task_thread", "Unexpected failure in a test job")
def test_a_bug_is_logged_with_its_traceback_and_wrapped(qtbot: QtBot, worker: TaskThread,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    received: list[UserFacingError] = []

    def job(_ctx: None) -> None:
        empty: dict[str, int] = {}
        empty["missing"] += 1  # the bug

    with caplog.at_level(logging.ERROR):
        worker.submit(job, lambda _r: None, received.append)
        qtbot.waitUntil(lambda: bool(received))
    assert isinstance(received[0], InternalError)
    assert isinstance(received[0].__cause__, KeyError)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None


def test_a_job_without_a_handler_reports_through_the_signal(qtbot: QtBot,
                                                           worker: TaskThread) -> None:
    def job(_ctx: None) -> None:
        raise UserFacingError("No.")

    with qtbot.waitSignal(worker.failed) as signal:
        worker.submit(job, lambda _r: None)
    assert signal.args is not None and str(signal.args[0]) == "No."


@pytest.mark.parametrize("drain", [True, False])
def test_shutdown_drains_or_drops_what_is_queued(qtbot: QtBot, drain: bool) -> None:
    thread = TaskThread("test")
    gate = threading.Event()
    ran: list[int] = []
    called: list[int] = []
    thread.submit(lambda _ctx: gate.wait(10), lambda _r: called.append(0))
    for i in range(1, 4):
        thread.submit(functools.partial(lambda i, _ctx: ran.append(i), i),
                      lambda _r: called.append(1))
    thread.request_stop(drain=drain)
    gate.set()
    assert thread.wait_stopped(time.monotonic() + 10)
    qtbot.wait(50)
    assert ran == ([1, 2, 3] if drain else [])
    assert called == []  # nothing calls back into a window that is closing
    thread.submit(lambda _ctx: ran.append(9), lambda _r: None)  # refused after shutdown
    assert 9 not in ran


@pytest.mark.expect_log("chatapp.ui.workers.task_thread", "still busy at quit")
def test_a_thread_stuck_at_quit_is_abandoned_not_waited_for(qtbot: QtBot) -> None:
    thread = TaskThread("stuck")
    gate = threading.Event()
    started = threading.Event()

    def stuck(_ctx: None) -> None:
        started.set()
        gate.wait(30)  # like a keyring call that never answers

    thread.submit(stuck, lambda _r: None)
    assert started.wait(10)
    deadline = time.monotonic() + 0.3
    assert not thread.shutdown(deadline, drain=False)
    assert time.monotonic() < deadline + 1.0
    assert "stuck" in abandoned.still_running()
    gate.set()  # the job returns; the thread then ends by itself
    assert abandoned.wait_all(10)
    assert "stuck" not in abandoned.still_running()


def test_the_files_thread_stops_a_copy_and_still_saves_what_must_land(
        qtbot: QtBot, tmp_path: Path) -> None:
    files = FilesThread()
    started = threading.Event()
    outcome: list[str] = []

    def copy(cancel: threading.Event) -> None:  # a copy checks the event between chunks
        started.set()
        while not cancel.wait(0.01):
            pass
        outcome.append("copy stopped")

    files.submit(copy, lambda _r: None)
    files.submit(lambda _cancel: outcome.append("queued job ran"), lambda _r: None)
    def save_settings() -> None:
        (tmp_path / "settings.json").write_text("{}")

    files.submit_must_land(save_settings)
    assert started.wait(10)
    assert files.shutdown(time.monotonic() + 5, drain=False)
    assert outcome == ["copy stopped"]
    assert (tmp_path / "settings.json").read_text() == "{}"


def test_the_history_thread_moves_a_damaged_file_aside_and_starts_fresh(
        qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    history = HistoryThread(db)
    errors: list[UserFacingError] = []
    history.submit(lambda store: store.list_conversations(), lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], HistoryDamagedError)
    moved: list[Path] = []
    history.start_fresh(moved.append, errors.append)
    qtbot.waitUntil(lambda: bool(moved))
    assert moved[0].read_bytes().startswith(b"this is not a database")
    listed: list[object] = []
    history.submit(lambda store: store.create_conversation("After"), listed.append)
    qtbot.waitUntil(lambda: bool(listed))
    assert history.shutdown(time.monotonic() + 5)
    with HistoryStore(db) as store:
        assert [c.title for c in store.list_conversations()] == ["After"]
