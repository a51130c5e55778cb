"""The hub thread's controller: stopping it whatever it is doing."""

from __future__ import annotations

import threading
import time

import pytest
from pytestqt.qtbot import QtBot

from chatapp.paths import AppPaths
from chatapp.ui.workers.hub_worker import HubController


def test_a_quit_while_the_download_queue_opens_waits_for_it(
        qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    # The download queue's thread is started by the hub thread's first job; a quit at that
    # moment joined a thread not yet started (RuntimeError, seen under load).
    starting = threading.Event()
    start = threading.Thread.start

    def slow_start(thread: threading.Thread) -> None:
        if thread.name == "downloads":
            starting.set()
            time.sleep(0.3)
        start(thread)

    monkeypatch.setattr(threading.Thread, "start", slow_start)
    hub = HubController(app_paths.models_dir, "http://127.0.0.1:9")  # never contacted
    assert starting.wait(10)
    hub.request_stop()
    assert hub.wait_stopped(time.monotonic() + 10)
