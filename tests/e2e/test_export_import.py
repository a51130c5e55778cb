"""Export and import from the window's File menu: the dialogs answered, the work done off
the UI thread (watched by the audit hook of test_ui_thread), the chat list refreshed,
and a hostile file reported in the banner with nothing imported."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.main_window import EXPORT_FILTERS, MainWindow, export_file_stem
from tests.e2e import test_ui_thread
from tests.e2e.conftest import OpenWindow
from tests.unit.exchange.conftest import fill


@pytest.fixture
def ui_thread_io() -> Iterator[test_ui_thread.Watch]:
    watch = test_ui_thread._watch
    watch.seen.clear()
    try:
        yield watch
    finally:
        watch.on = False


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, save: tuple[str, str] = ("", ""),
                   open_: str = "") -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (open_, ""))


def activity(window: MainWindow) -> str:
    return window.status.activity.text()


def test_export_and_import_from_the_file_menu(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, ui_thread_io: test_ui_thread.Watch) -> None:
    with HistoryStore(app_paths.history_db) as store:
        ids = fill(store)
    window = open_window(Settings())
    session = window.session
    actions = window.menu_actions
    qtbot.waitUntil(lambda: len(session.conversations) == 3 and session.current is not None)
    qtbot.waitUntil(actions.export_chat.isEnabled)
    ui_thread_io.on = True

    # Every chat, to JSON.
    archive = tmp_path / "all.json"
    answer_dialogs(monkeypatch, save=(str(archive), "Markdown (*.md)"))  # the suffix wins
    actions.export_all.trigger()
    qtbot.waitUntil(lambda: activity(window) == f"Exported 3 chats to {archive}.")
    assert len(json.loads(archive.read_text(encoding="utf-8"))["chats"]) == 3

    # The open chat, to a page; no suffix typed: the chosen filter's.
    session.open_conversation(ids["birds"])
    qtbot.waitUntil(lambda: window.view.conversation_id == ids["birds"])
    page = tmp_path / "birds"
    html_filter = next(f for f, fmt in EXPORT_FILTERS.items() if fmt.value == "html")
    answer_dialogs(monkeypatch, save=(str(page), html_filter))
    actions.export_chat.trigger()
    written = page.with_suffix(".html")
    qtbot.waitUntil(lambda: activity(window) == f"Exported 1 chat to {written}.")
    assert "<title>Birds &amp; &lt;b&gt;bees&lt;/b&gt;</title>" in written.read_text("utf-8")

    # Cancelled dialogs do nothing.
    answer_dialogs(monkeypatch)
    actions.export_all.trigger()
    actions.import_chats.trigger()
    assert not session.busy

    # The archive back in: three more chats in the list.
    answer_dialogs(monkeypatch, open_=str(archive))
    actions.import_chats.trigger()
    qtbot.waitUntil(lambda: len(session.conversations) == 6)
    assert activity(window) == "Imported 3 chats (10 messages) from a chatapp chat archive."
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 6)

    # A hostile archive: refused in the banner, nothing imported.
    bomb = tmp_path / "hostile.zip"
    with zipfile.ZipFile(bomb, "w") as hostile:
        hostile.writestr("../../escape.jsonl", '{"type":"session","id":"x"}')
    answer_dialogs(monkeypatch, open_=str(bomb))
    actions.import_chats.trigger()
    qtbot.waitUntil(window.banner.isVisible)
    assert "points outside the archive" in window.banner.label.text()
    assert "Nothing was imported" in window.banner.label.text()
    qtbot.waitUntil(lambda: not session.busy)
    assert activity(window) == ""
    session.refresh_conversations()
    qtbot.waitUntil(lambda: not session.busy)
    assert len(session.conversations) == 6
    assert ui_thread_io.seen == [], "\n".join(ui_thread_io.seen)


def test_a_new_chat_cannot_be_exported_yet(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window(Settings())
    qtbot.waitUntil(lambda: window.session.last_scan is not None)
    assert window.session.current is None
    assert not window.menu_actions.export_chat.isEnabled()
    assert window.menu_actions.export_all.isEnabled()


@pytest.mark.parametrize(("title", "stem"), [
    ("Birds & <b>bees</b>", "Birds-b-bees-b"), ("../../etc/passwd", "etc-passwd"),
    ("   ", "chat"), ("Ünïcode wörds", "Ünïcode-wörds"), ("x" * 80, "x" * 60),
])
def test_the_suggested_file_name(title: str, stem: str) -> None:
    assert export_file_stem(title) == stem
