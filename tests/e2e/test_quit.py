"""Quitting takes at most a moment, whatever the app is doing, and loses nothing.

Each test puts the app in one busy state for real (a model's first load in its probe
child, a reply streaming, a download going, a hub search retrying against an address
where nothing answers, a keyring that never answers) and closes the window. The bound
is the requirement itself (QUIT_BUDGET_S), with slack for a loaded machine; without
the deadline each of these waits for seconds to minutes.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import time
from pathlib import Path

import keyring
import psutil
import pytest
from keyring.backends import SecretService
from pytestqt.qtbot import QtBot

from chatapp.engine.load_probe import ProbeCache
from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.main_window import QUIT_BUDGET_S, MainWindow
from chatapp.ui.workers import abandoned
from tests.e2e.conftest import OpenWindow, model_settings, send, wait_loaded
from tests.hub_stand_in.content import MEDIUM_FILE, MEDIUM_REPO
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import StandInHub
from tests.secret_service import running_secret_service

SLACK_S = 1.5  # scheduling on a busy two-core machine; the waits themselves are bounded


def close_timed(window: MainWindow) -> float:
    started = time.monotonic()
    window.close()
    return time.monotonic() - started


def probe_children() -> list[psutil.Process]:
    return [p for p in psutil.Process().children(recursive=True)
            if "--probe-model" in " ".join(p.cmdline())]


def test_quit_during_a_first_load_kills_the_probe(qtbot: QtBot, open_window: OpenWindow,
                                                  app_paths: AppPaths, model_path: Path,
                                                  tmp_path: Path) -> None:
    fresh = tmp_path / "never-seen.gguf"  # a file no probe has passed yet
    shutil.copyfile(model_path, fresh)
    window = open_window(model_settings(fresh))
    qtbot.waitUntil(lambda: bool(probe_children()), timeout=60_000)
    elapsed = close_timed(window)
    assert elapsed < QUIT_BUDGET_S + SLACK_S
    qtbot.waitUntil(lambda: not probe_children(), timeout=5_000)
    assert ProbeCache(app_paths.cache_dir / "probe-results.json").known_sha256(fresh) is None


def test_quit_during_a_reply_keeps_it_as_stopped(qtbot: QtBot, open_window: OpenWindow,
                                                 app_paths: AppPaths, model_path: Path) -> None:
    window = open_window(model_settings(model_path, max_reply_tokens=3000, temperature=0.9))
    wait_loaded(qtbot, window)
    pieces: list[str] = []
    window.session.reply_text.connect(pieces.append)
    send(qtbot, window, "Write a very long story about a river.")
    qtbot.waitUntil(lambda: len(pieces) >= 5, timeout=120_000)
    assert close_timed(window) < QUIT_BUDGET_S + SLACK_S
    with HistoryStore(app_paths.history_db) as store:
        (conversation,) = store.list_conversations()
        messages = store.list_messages(conversation.id)
    assert [(m.role, m.state) for m in messages] == [("user", "complete"),
                                                     ("assistant", "stopped")]
    assert messages[1].content.startswith("".join(pieces))


def test_quit_during_a_download_pauses_it(qtbot: QtBot, open_window: OpenWindow,
                                          hub: StandInHub, app_paths: AppPaths) -> None:
    from tests.e2e.test_models_pane import open_pane, search_and_pick

    hub.set_faults(throttle_bytes_per_s=200_000)
    window = open_window(Settings(hub_endpoint=hub.endpoint))
    pane = open_pane(qtbot, window)
    search_and_pick(qtbot, pane, "medium", MEDIUM_REPO, MEDIUM_FILE)
    pane.search.download_button.click()
    qtbot.waitUntil(lambda: any(r.status.bytes_done > 0 for r in pane.downloads.rows.values()),
                    timeout=120_000)
    assert close_timed(window) < QUIT_BUDGET_S + SLACK_S
    partials = list((app_paths.models_dir / ".downloads").rglob("*.partial"))
    assert partials and partials[0].stat().st_size > 0  # the bytes are kept for later


@pytest.mark.expect_log("chatapp.ui.workers", "still busy at quit")
@pytest.mark.expect_log("huggingface_hub", "Connection refused|Retrying in")
def test_quit_during_a_search_that_retries_offline(qtbot: QtBot,
                                                   open_window: OpenWindow) -> None:
    with socket.socket() as probe:  # a port where nothing listens: every connect fails
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    window = open_window(Settings(hub_endpoint=f"http://127.0.0.1:{port}"))
    window.open_models_pane()
    qtbot.waitUntil(lambda: window.models_pane is not None, timeout=10_000)
    pane = window.models_pane
    assert pane is not None
    pane.search.search_edit.setText("qwen")
    pane.search.search()
    qtbot.wait(1500)  # huggingface_hub is now retrying with back-off (about 25 s in all)
    assert not pane.search.search_button.isEnabled()  # still searching
    assert close_timed(window) < QUIT_BUDGET_S + SLACK_S
    assert abandoned.still_running() == ["hub"]
    # The abandoned search ends by itself; its retries are logged within this test.
    assert abandoned.wait_all(60)


@pytest.mark.expect_log("chatapp.ui.workers", "still busy at quit")
def test_quit_while_the_keyring_never_answers(qtbot: QtBot, open_window: OpenWindow,
                                              tmp_path: Path) -> None:
    original = keyring.get_keyring()
    with running_secret_service(tmp_path / "secret-service") as daemon:
        keyring.set_keyring(SecretService.Keyring())
        os.kill(daemon.pid, signal.SIGSTOP)  # still on the bus, never answers
        try:
            window = open_window()
            window.open_models_pane()
            qtbot.waitUntil(lambda: window.models_pane is not None, timeout=10_000)
            pane = window.models_pane
            assert pane is not None
            qtbot.waitUntil(lambda: "Looking in the keyring" in pane.token_box.state.text())
            qtbot.wait(500)
            assert window.secrets.busy
            assert close_timed(window) < QUIT_BUDGET_S + SLACK_S
            assert abandoned.still_running() == ["secrets"]
        finally:
            os.kill(daemon.pid, signal.SIGCONT)
            keyring.set_keyring(original)
        assert abandoned.wait_all(60)
