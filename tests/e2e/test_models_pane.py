"""The Models pane in the real window, against the stand-in hub on 127.0.0.1.

huggingface_hub runs unmodified; only the hub's address differs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from chatapp.hub.downloads import DownloadEvent, DownloadState
from chatapp.i18n import format_number
from chatapp.models.catalog import load_catalog
from chatapp.models.starter import STARTER
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.main_window import MainWindow
from chatapp.ui.model_manager.bidi import isolated
from chatapp.ui.model_manager.fit_badge import FitBadge
from chatapp.ui.model_manager.pane import ModelsPane
from tests.e2e.conftest import OpenWindow, send, wait_loaded, wait_reply_done
from tests.hub_stand_in.content import (
    MEDIUM_FILE,
    MEDIUM_REPO,
    SMOLLM_FILE,
    SMOLLM_REPO,
    UNSUPPORTED_REPO,
)
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import HubFile, HubRepo, StandInHub

TIMEOUT_MS = 120_000


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item.text()


def open_pane(qtbot: QtBot, window: MainWindow) -> ModelsPane:
    window.open_models_pane()
    qtbot.waitUntil(lambda: window.models_pane is not None and window.models_pane.isVisible(),
                    timeout=10_000)
    assert window.models_pane is not None
    return window.models_pane


def search_and_pick(qtbot: QtBot, pane: ModelsPane, query: str, repo_id: str,
                    file: str | None = None) -> None:
    """Search, open the repository, select the file (the first one if not named)."""
    tab = pane.search
    pane.tabs.setCurrentWidget(tab)
    tab.search_edit.setText(query)
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.repo_id == repo_id for r in tab.repos), timeout=TIMEOUT_MS)
    tab.repo_table.selectRow(next(i for i, r in enumerate(tab.repos) if r.repo_id == repo_id))
    qtbot.waitUntil(lambda: tab.listing is not None and tab.listing.repo_id == repo_id,
                    timeout=TIMEOUT_MS)
    listing = tab.listing
    assert listing is not None
    tab.file_table.selectRow(0 if file is None else next(
        i for i, m in enumerate(listing.models) if m.first_file.path == file))
    qtbot.waitUntil(lambda: tab.header is not None or "⚠" in tab.details.text()
                    or "could not" in tab.details.text(), timeout=TIMEOUT_MS)


def test_search_download_load_and_chat(qtbot: QtBot, open_window: OpenWindow, hub: StandInHub,
                                       app_paths: AppPaths) -> None:
    window = open_window(Settings(hub_endpoint=hub.endpoint, max_reply_tokens=48))
    qtbot.waitUntil(lambda: not window.session.busy)
    assert hub.requests == []  # nothing touched the network before the user searched
    pane = open_pane(qtbot, window)
    events: list[DownloadEvent] = []
    window.hub.download_event.connect(events.append)
    shown_in_status: list[str] = []
    window.hub.download_event.connect(
        lambda _e: shown_in_status.append(window.status.download.text()))

    search_and_pick(qtbot, pane, "SmolLM2", SMOLLM_REPO)
    tab = pane.search
    assert cell(tab.file_table, 0, 1) == "Q4_1"
    assert f"Architecture: {isolated('llama')}" in tab.details.text()
    assert format_number(8192) in tab.details.text()  # as the window's locale writes it
    assert "Runs with this app's engine" in tab.details.text()
    qtbot.mouseClick(tab.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(e.status.state == DownloadState.DONE for e in events),
                    timeout=TIMEOUT_MS)

    qtbot.waitUntil(lambda: "Downloaded" in window.status.activity.text())
    progress = [e.status.bytes_done for e in events if e.kind == "progress"]
    assert progress == sorted(progress) and progress
    assert any("%" in text and "of" in text for text in shown_in_status)
    installed = app_paths.models_dir / SMOLLM_FILE
    assert installed.is_file() and installed.stat().st_size == STARTER.size_bytes
    assert not any(p.name.endswith(".partial") for p in app_paths.models_dir.iterdir())
    row = pane.downloads.rows[events[-1].status.job_id]
    assert row.load_button.isVisibleTo(row)

    # Installed lists it; Load switches to it without leaving the chat.
    pane.tabs.setCurrentWidget(pane.installed)
    qtbot.waitUntil(lambda: pane.installed.table.rowCount() == 1, timeout=10_000)
    pane.installed.table.selectRow(0)
    qtbot.mouseClick(pane.installed.load_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, window)
    assert window.session.model is not None and window.session.model.path == installed
    send(qtbot, window, "Say hello.")
    wait_reply_done(qtbot, window)
    assert window.view.messages[-1].text.strip()


def test_recommended_model_downloads_verified_against_the_catalog(
        qtbot: QtBot, open_window: OpenWindow, hub: StandInHub, model_path: Path,
        app_paths: AppPaths) -> None:
    entry = next(e for e in load_catalog() if e.file == STARTER.file_name)
    files = {entry.file: HubFile(entry.file, source=model_path)}
    repo = HubRepo(entry.repo, files=files)
    if entry.revision:
        repo.history[entry.revision] = files
    hub.add_repo(repo)
    window = open_window(Settings(hub_endpoint=hub.endpoint))
    pane = open_pane(qtbot, window)
    tab = pane.recommended
    assert tab.table.rowCount() >= 12
    badges = [tab.table.cellWidget(r, 5) for r in range(tab.table.rowCount())]
    assert all(isinstance(b, FitBadge) and b.text() for b in badges)
    qtbot.waitUntil(lambda: (tab.button_for(entry.id) or QPushButton()).text() == "Download")
    button = tab.button_for(entry.id)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tab.button_for(entry.id) or QPushButton()).text() == "Load",
                    timeout=TIMEOUT_MS)
    assert (app_paths.models_dir / entry.file).is_file()
    downloads = [r for r in hub.requests if r.server == "storage" and r.method == "GET"]
    assert downloads and all(entry.repo in r.path or "/" in r.path for r in downloads)
    # The picker offers the new model.
    qtbot.waitUntil(lambda: window.model_picker.findText(entry.file) >= 0, timeout=10_000)


def test_an_architecture_the_engine_cannot_run_is_flagged_before_download(
        qtbot: QtBot, open_window: OpenWindow, hub: StandInHub,
        monkeypatch: pytest.MonkeyPatch, app_paths: AppPaths) -> None:
    asked: list[str] = []

    def refuse(box: QMessageBox) -> object:  # the one dialog a user clicks through
        asked.append(box.text())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    window = open_window(Settings(hub_endpoint=hub.endpoint))
    pane = open_pane(qtbot, window)
    search_and_pick(qtbot, pane, "futurenet", UNSUPPORTED_REPO)
    assert "⚠" in pane.search.details.text()
    assert "futurenet" in pane.search.details.text()
    qtbot.mouseClick(pane.search.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked))
    assert "cannot run" in asked[0] or "futurenet" in asked[0]
    assert "not downloaded" in pane.message.text()
    assert pane.downloads.rows == {}
    assert not any(r.server == "storage" and r.method == "GET" and r.header("range") is None
                   for r in hub.requests)  # only the header's Range reads, never the file


def test_pause_and_resume_from_the_pane(qtbot: QtBot, open_window: OpenWindow, hub: StandInHub,
                                        app_paths: AppPaths) -> None:
    hub.set_faults(throttle_bytes_per_s=1_000_000)
    window = open_window(Settings(hub_endpoint=hub.endpoint))
    pane = open_pane(qtbot, window)
    states: list[DownloadState] = []
    window.hub.download_event.connect(lambda e: states.append(e.status.state))
    search_and_pick(qtbot, pane, "medium", MEDIUM_REPO, MEDIUM_FILE)
    qtbot.mouseClick(pane.search.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.status.bytes_done > 0 for r in pane.downloads.rows.values()),
                    timeout=TIMEOUT_MS)
    (row,) = pane.downloads.rows.values()
    qtbot.mouseClick(row.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.status.state == DownloadState.PAUSED, timeout=TIMEOUT_MS)
    kept = row.status.bytes_done
    assert 0 < kept < (row.status.total_bytes or 0)
    assert "Paused" in row.detail.text()
    hub.set_faults(throttle_bytes_per_s=None)
    qtbot.mouseClick(row.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.status.state == DownloadState.DONE, timeout=TIMEOUT_MS)
    assert (app_paths.models_dir / MEDIUM_FILE).is_file()
    resumed = [r for r in hub.requests if r.server == "storage" and r.method == "GET"
               and (r.header("range") or "").startswith(f"bytes={kept}-")]
    assert resumed, "the resumed download asked for the missing bytes only"


def test_a_download_left_by_a_quit_comes_back_paused_and_resumes(
        qtbot: QtBot, open_window: OpenWindow, hub: StandInHub, app_paths: AppPaths) -> None:
    hub.set_faults(throttle_bytes_per_s=500_000)
    window = open_window(Settings(hub_endpoint=hub.endpoint))
    pane = open_pane(qtbot, window)
    search_and_pick(qtbot, pane, "medium", MEDIUM_REPO, MEDIUM_FILE)
    qtbot.mouseClick(pane.search.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.status.bytes_done > 100_000
                                for r in pane.downloads.rows.values()), timeout=TIMEOUT_MS)
    window.close()  # quit in the middle of the file
    hub.set_faults(throttle_bytes_per_s=None)
    hub.clear_requests()

    again = open_window(Settings(hub_endpoint=hub.endpoint))
    qtbot.waitUntil(lambda: bool(again.hub.statuses), timeout=TIMEOUT_MS)
    assert hub.requests == []  # a restored download opens no connection by itself
    pane = open_pane(qtbot, again)
    (row,) = pane.downloads.rows.values()
    assert row.status.state == DownloadState.PAUSED and row.isVisibleTo(pane)
    kept = row.status.bytes_done
    assert 0 < kept < (row.status.total_bytes or 0)
    assert "Paused" in row.detail.text() and row.resume_button.isVisibleTo(row)
    qtbot.mouseClick(row.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.status.state == DownloadState.DONE, timeout=TIMEOUT_MS)
    installed = app_paths.models_dir / MEDIUM_FILE
    assert installed.is_file()
    expected = hub.repos[MEDIUM_REPO].files[MEDIUM_FILE].sha256
    assert hashlib.sha256(installed.read_bytes()).hexdigest() == expected
    resumed = [r for r in hub.requests if r.server == "storage" and r.method == "GET"]
    assert resumed and (resumed[0].header("range") or "").startswith("bytes=")
    assert not (resumed[0].header("range") or "").startswith("bytes=0-")


def test_without_a_keyring_the_token_box_says_what_is_missing(
        qtbot: QtBot, open_window: OpenWindow, hub: StandInHub) -> None:
    original = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        window = open_window(Settings(hub_endpoint=hub.endpoint))
        pane = open_pane(qtbot, window)
        box = pane.token_box
        qtbot.waitUntil(lambda: "keyring" in box.state.text().lower()
                        and "…" not in box.state.text(), timeout=30_000)
        assert "works without a token" in box.state.text()
        box.edit.setText("hf_abcdefghijklmnopqrstuvwxyz0123")
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(box.save_button.isEnabled, timeout=30_000)
        assert "works without a token" in box.state.text()
        assert not box.has_token
        # Public models still search and download without one.
        search_and_pick(qtbot, pane, "SmolLM2", SMOLLM_REPO)
        assert pane.search.header is not None
    finally:
        keyring.set_keyring(original)


def test_import_in_place_copy_and_delete(qtbot: QtBot, open_window: OpenWindow,
                                         app_paths: AppPaths, model_path: Path,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "Downloads"
    elsewhere.mkdir()
    mine = elsewhere / "my-model.gguf"
    mine.write_bytes(model_path.read_bytes())
    window = open_window()
    pane = open_pane(qtbot, window)
    installed = pane.installed
    pane.tabs.setCurrentWidget(installed)
    installed.import_model(mine, copy=False)
    qtbot.waitUntil(lambda: installed.table.rowCount() == 1, timeout=10_000)
    assert cell(installed.table, 0, 7) == str(elsewhere)  # "Where"
    where = installed.table.item(0, 7)
    assert where is not None and where.toolTip() == str(elsewhere)  # whole if elided
    assert cell(installed.table, 0, 2) == "llama"
    assert not any(app_paths.models_dir.iterdir())
    qtbot.waitUntil(lambda: window.model_picker.findText(mine.name) >= 0, timeout=10_000)

    copy = elsewhere / "copied.gguf"
    copy.write_bytes(model_path.read_bytes())
    installed.import_model(copy, copy=True)
    qtbot.waitUntil(lambda: installed.table.rowCount() == 2, timeout=30_000)
    assert (app_paths.models_dir / "copied.gguf").is_file()

    # Delete, confirmed: the copy in the models folder goes; the in-place one is forgotten.
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    for name in ("copied.gguf", "my-model.gguf"):
        row = next(r for r in range(installed.table.rowCount())
                   if cell(installed.table, r, 0).startswith(name))
        installed.table.selectRow(row)
        expected = installed.table.rowCount() - 1
        qtbot.mouseClick(installed.delete_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: installed.table.rowCount() == expected,  # noqa: B023
                        timeout=10_000)
    assert not (app_paths.models_dir / "copied.gguf").exists()
    assert mine.is_file()  # the user's own file is never deleted
    assert installed.table.rowCount() == 0
