"""An exception that reaches the event loop (or a thread's top) is logged and shown."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from chatapp.ui.exception_hook import exception_relay, install_exception_hook
from tests.conftest import LogFail


@pytest.fixture
def hook() -> Iterator[list[str]]:
    before, before_thread = sys.excepthook, threading.excepthook
    install_exception_hook()
    shown: list[str] = []
    exception_relay().raised.connect(shown.append)
    yield shown
    exception_relay().raised.disconnect(shown.append)
    sys.excepthook, threading.excepthook = before, before_thread


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(qtbot: QtBot, hook: list[str],
                                                    logfail: LogFail) -> None:
    logfail.expect("chatapp.ui.exception_hook", "Unexpected error in the app")

    def broken() -> None:
        raise ZeroDivisionError("the slot divided by zero")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: bool(hook))
    assert "ZeroDivisionError" in hook[0] and "log" in hook[0]
    record = next(r for r in logfail.records if r.name == "chatapp.ui.exception_hook")
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_logged_and_shown(qtbot: QtBot, hook: list[str],
                                                     logfail: LogFail) -> None:
    logfail.expect("chatapp.ui.exception_hook", "thread doomed")

    def doomed() -> None:
        raise KeyError("lost")

    thread = threading.Thread(target=doomed, name="doomed")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(hook))
    assert "KeyError" in hook[0]
