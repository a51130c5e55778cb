"""The instance guard in one process: real file locks, a real QLocalServer and socket.

Two guards in one process behave as two processes would: the lock is per open file
(flock), so the second guard on a folder is refused. The asking side runs a local event
loop, which also serves the guard it asks, so both sides live in this one thread.
"""

from __future__ import annotations

import socket
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chatapp.files.process_lock import ProcessLock
from chatapp.ui.single_instance import (
    ALREADY_RUNNING,
    LOCK_FILE,
    InstanceGuard,
    activate_running_instance,
    bring_to_front,
    request_activation,
    server_name_for,
)

MakeGuard = Callable[[Path], InstanceGuard]
# Upper bound for a busy machine, not an expectation.
WAIT_S = 20.0
WAIT_MS = int(WAIT_S * 1000)


@pytest.fixture
def make_guard(qapp: QApplication) -> Iterator[MakeGuard]:
    """Guards that are all released at the end, whatever the test did."""
    guards: list[InstanceGuard] = []

    def make(data_dir: Path) -> InstanceGuard:
        guard = InstanceGuard(data_dir)
        guards.append(guard)
        return guard

    yield make
    for guard in guards:
        guard.release()


def test_a_second_guard_on_the_same_folder_is_refused(tmp_path: Path,
                                                      make_guard: MakeGuard) -> None:
    first, second = make_guard(tmp_path / "data"), make_guard(tmp_path / "data")
    assert first.claim()
    assert (first.claimed, first.listening) == (True, True)
    assert first.lock_path == tmp_path / "data" / "chatapp.lock"
    assert not second.claim()
    assert (second.claimed, second.listening) == (False, False)
    assert second.server_name == first.server_name
    # Once the first lets go, the folder can be claimed again.
    first.release()
    assert (first.claimed, first.listening) == (False, False)
    assert second.claim()


def test_the_activation_message_reaches_the_first_guard_and_is_answered(
        tmp_path: Path, make_guard: MakeGuard, qtbot: QtBot) -> None:
    first, second = make_guard(tmp_path / "data"), make_guard(tmp_path / "data")
    assert first.claim()
    assert not second.claim()
    with qtbot.waitSignal(first.activation_requested, timeout=WAIT_MS):
        assert request_activation(second.server_name, reply_timeout_s=WAIT_S)
    # The server goes on serving: a third launch is answered too.
    with qtbot.waitSignal(first.activation_requested, timeout=WAIT_MS):
        assert request_activation(second.server_name, reply_timeout_s=WAIT_S)


def test_a_guard_for_another_folder_is_independent(
        tmp_path: Path, make_guard: MakeGuard, qtbot: QtBot) -> None:
    one, other = make_guard(tmp_path / "one"), make_guard(tmp_path / "other")
    assert one.server_name != other.server_name
    assert one.claim()
    assert other.claim()
    activated: list[str] = []
    one.activation_requested.connect(lambda: activated.append("one"))
    other.activation_requested.connect(lambda: activated.append("other"))
    assert request_activation(other.server_name, reply_timeout_s=WAIT_S)
    assert activated == ["other"]


@pytest.mark.expect_log("chatapp.ui.single_instance", "cannot lock the data folder")
def test_a_folder_that_cannot_be_locked_does_not_stop_the_app(
        tmp_path: Path, make_guard: MakeGuard) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("", encoding="utf-8")
    guard = make_guard(not_a_folder)
    assert guard.claim()  # the app starts (and its history then reports the problem)
    assert (guard.claimed, guard.listening) == (False, False)


def test_the_server_name_is_short_stable_and_per_folder(tmp_path: Path) -> None:
    name = server_name_for(tmp_path / "data")
    assert name == server_name_for(tmp_path / "other" / ".." / "data")
    assert name != server_name_for(tmp_path / "data2")
    assert name.startswith("chatapp-") and len(name) <= 24


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe is not a file")
def test_the_server_is_a_socket_file_only_this_user_can_use(
        tmp_path: Path, make_guard: MakeGuard) -> None:
    guard = make_guard(tmp_path / "data")
    assert guard.claim()
    socket_file = Path(QDir.tempPath()) / guard.server_name
    mode = socket_file.stat().st_mode
    assert stat.S_ISSOCK(mode)
    assert stat.S_IMODE(mode) & 0o077 == 0
    guard.release()  # a clean exit leaves nothing behind
    assert not socket_file.exists()


def test_nobody_listening_means_no_answer(tmp_path: Path, qapp: QApplication) -> None:
    assert request_activation(server_name_for(tmp_path / "nobody"),
                              connect_timeout_s=0.3) is False


def test_an_instance_that_accepts_but_never_answers_counts_as_no_answer(
        tmp_path: Path, qapp: QApplication) -> None:
    # A hung instance: the kernel accepts the connection, nothing ever replies.
    hung = QLocalServer()
    name = server_name_for(tmp_path / "hung")
    assert hung.listen(name)
    try:
        assert request_activation(name, reply_timeout_s=0.5) is False
    finally:
        hung.close()


@pytest.mark.expect_log("chatapp.ui.single_instance", "did not answer")
def test_a_launch_that_gets_no_answer_says_so_and_fails(
        tmp_path: Path, make_guard: MakeGuard, capsys: pytest.CaptureFixture[str]) -> None:
    # The lock is held but nothing listens: what a second launch sees when the first
    # instance cannot serve (or is hung).
    holder = ProcessLock(tmp_path / "data" / LOCK_FILE)
    assert holder.acquire()
    try:
        refused = make_guard(tmp_path / "data")
        assert not refused.claim()
        assert activate_running_instance(refused) == 1
    finally:
        holder.release()
    out, err = capsys.readouterr()
    assert out == ""
    assert "did not answer" in err and "task manager" in err


def test_a_launch_that_is_answered_says_so_and_succeeds(
        tmp_path: Path, make_guard: MakeGuard, qtbot: QtBot,
        capsys: pytest.CaptureFixture[str]) -> None:
    first, second = make_guard(tmp_path / "data"), make_guard(tmp_path / "data")
    assert first.claim()
    assert not second.claim()
    with qtbot.waitSignal(first.activation_requested, timeout=WAIT_MS):
        assert activate_running_instance(second) == 0
    assert capsys.readouterr().out == ALREADY_RUNNING + "\n"


def test_a_client_that_sends_something_else_gets_no_answer(
        tmp_path: Path, make_guard: MakeGuard, qtbot: QtBot) -> None:
    guard = make_guard(tmp_path / "data")
    assert guard.claim()
    activated: list[bool] = []
    guard.activation_requested.connect(lambda: activated.append(True))
    client = QLocalSocket()
    client.connectToServer(guard.server_name)
    assert client.waitForConnected(WAIT_MS)
    client.write(b"hello\n")
    # The guard hangs up on it without answering or activating.
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState,
                    timeout=WAIT_MS)
    assert client.bytesAvailable() == 0
    assert activated == []


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_socket_file_left_by_a_crashed_instance_does_not_stop_listening(
        tmp_path: Path, make_guard: MakeGuard, qtbot: QtBot) -> None:
    guard = make_guard(tmp_path / "data")
    stale = Path(QDir.tempPath()) / guard.server_name
    # What a killed instance leaves: a bound Unix socket file that nobody serves.
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(stale))
    left.close()
    try:
        assert stale.exists()
        assert guard.claim()
        assert guard.listening
        with qtbot.waitSignal(guard.activation_requested, timeout=WAIT_MS):
            assert request_activation(guard.server_name, reply_timeout_s=WAIT_S)
    finally:
        guard.release()
        stale.unlink(missing_ok=True)


def test_bring_to_front_restores_a_minimized_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMaximized()
    window.showMinimized()
    assert window.isMinimized()
    bring_to_front(window)
    assert not window.isMinimized()
    assert window.windowState() & Qt.WindowState.WindowMaximized  # as it was before
    assert window.isVisible()


def test_bring_to_front_shows_a_hidden_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    assert not window.isVisible()
    bring_to_front(window)
    assert window.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
