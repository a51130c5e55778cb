"""Names from files and chats are shown as the text they are, never read as HTML.

Qt renders a label's or tooltip's text as HTML when it merely looks like HTML, so a file
named ``<img src=…>.gguf`` would show an image (or a broken one) instead of its name.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from chatapp.engine.load_probe import ProbeCache
from chatapp.history.store import HistoryStore
from chatapp.models.starter import STARTER
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.conversation_list import TITLE_ROLE
from tests.e2e.conftest import OpenWindow, wait_loaded

HOSTILE = "<b>bold</b><img src='x'>"
HOSTILE_FILE_NAME = "<b>bold<img src='x'>"  # no slash: a file name cannot hold one


def shows_literally(label: QLabel, raw: str) -> bool:
    """The label shows ``raw`` as text: plain, or escaped inside rich text."""
    text = label.text()
    if label.textFormat() == Qt.TextFormat.PlainText:
        return raw in text
    return html.escape(raw, quote=True) in text and raw not in text


def tooltip_shows_literally(tooltip: str, raw: str) -> bool:
    return html.escape(raw, quote=True) in tooltip and raw not in tooltip


@pytest.mark.expect_log("chatapp", "Loading .* failed")
def test_a_hostile_file_name_is_text_in_the_banner_and_the_status(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path,
        tmp_path: Path) -> None:
    broken = tmp_path / f"{HOSTILE_FILE_NAME}.gguf"
    broken.write_bytes(b"not a model at all" * 100)
    window = open_window()
    qtbot.waitUntil(lambda: window.session.last_scan is not None)
    window.session.load_model(broken)
    qtbot.waitUntil(window.banner.isVisible, timeout=60_000)
    assert shows_literally(window.banner.label, HOSTILE_FILE_NAME)

    named = tmp_path / f"{HOSTILE_FILE_NAME}-chat.gguf"
    shutil.copyfile(model_path, named)
    ProbeCache(app_paths.cache_dir / "probe-results.json").remember(named, STARTER.sha256)
    window.session.load_model(named)
    wait_loaded(qtbot, window)
    assert shows_literally(window.status.model, named.stem)
    assert tooltip_shows_literally(window.status.model.toolTip(), str(named))
    assert shows_literally(window.view.placeholder, named.stem)  # rich text, escaped
    picker = window.model_picker
    index = picker.findData(str(named))
    assert index >= 0 and picker.itemText(index) == named.name
    assert tooltip_shows_literally(
        str(picker.itemData(index, Qt.ItemDataRole.ToolTipRole)), str(named))


def test_a_hostile_chat_title_is_text_in_the_list_and_the_question(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with HistoryStore(app_paths.history_db) as store:
        store.create_conversation(HOSTILE)
    window = open_window(Settings())
    qtbot.waitUntil(lambda: window.sidebar.list.count() == 1)
    item = window.sidebar.list.item(0)
    assert item.text() == HOSTILE and item.data(TITLE_ROLE) == HOSTILE
    assert tooltip_shows_literally(item.toolTip(), HOSTILE)
    asked: list[tuple[Qt.TextFormat, str]] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append((box.textFormat(), box.text()))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.sidebar._confirm_delete(item)
    assert asked and asked[0][0] == Qt.TextFormat.PlainText and HOSTILE in asked[0][1]
