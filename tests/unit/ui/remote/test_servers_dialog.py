"""Model ▸ Remote servers… with the real catalog (its own thread, the real servers file,
keyring and sockets on 127.0.0.1): what it warns of, and errors shown as text in it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chatapp.paths import AppPaths
from chatapp.remote.servers import servers_file
from chatapp.ui.remote.catalog import RemoteCatalog
from chatapp.ui.remote.servers_dialog import RemoteServersDialog
from tests.remote_server import free_port
from tests.unit.ui.dialog_accessibility import accessible_name, unnamed_controls

STEP_MS = 30_000


@pytest.fixture
def dialog(qtbot: QtBot, app_paths: AppPaths) -> Iterator[RemoteServersDialog]:
    catalog = RemoteCatalog(app_paths)
    catalog.load()
    qtbot.waitUntil(lambda: catalog.loaded, timeout=STEP_MS)
    shown = RemoteServersDialog(catalog)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    catalog.request_stop()
    assert catalog.wait_stopped(time.monotonic() + 30)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A computer without a keyring (keyring's own "fail" backend)."""
    previous: keyring.backend.KeyringBackend = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_plain_http_to_another_computer_is_warned_of(dialog: RemoteServersDialog) -> None:
    dialog.address.setText("http://192.168.1.20:8080")
    assert dialog.warning.isVisible() and "unencrypted" in dialog.warning.text()
    dialog.address.setText("https://192.168.1.20:8080")
    assert not dialog.warning.isVisible()


def test_a_bad_address_and_a_closed_port_are_told_in_the_dialog(
        qtbot: QtBot, dialog: RemoteServersDialog, app_paths: AppPaths) -> None:
    dialog.address.setText("ftp://example.com")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "http:// or https://" in dialog.outcome.text()
    assert dialog.outcome.property("error") is True
    assert not servers_file(app_paths).exists()

    port = free_port()
    dialog.address.setText(f"127.0.0.1:{port}")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.outcome.text(), timeout=STEP_MS)
    assert f"127.0.0.1:{port}" in dialog.outcome.text()
    assert dialog.test_button.isEnabled()


def test_added_then_removed_and_a_missing_keyring_says_so(
        qtbot: QtBot, dialog: RemoteServersDialog, app_paths: AppPaths,
        no_keyring: None) -> None:
    dialog.address.setText("https://llm.example.com")
    dialog.name.setText("Work server")
    dialog.api_key.setText("sk-test-123456")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.servers.count() == 1, timeout=STEP_MS)
    qtbot.waitUntil(lambda: "Added Work server" in dialog.outcome.text(), timeout=STEP_MS)
    assert "API key was not kept" in dialog.outcome.text()
    assert "keyring" in dialog.outcome.text()
    assert dialog.servers.item(0).text() == "Work server — https://llm.example.com/v1"
    assert dialog.api_key.text() == ""  # the key is not left on screen
    saved = servers_file(app_paths).read_text(encoding="utf-8")
    assert "sk-test-123456" not in saved  # never in the file
    assert json.loads(saved)["servers"][0]["base_url"] == "https://llm.example.com/v1"

    dialog.servers.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.servers.count() == 0, timeout=STEP_MS)
    assert json.loads(servers_file(app_paths).read_text(encoding="utf-8"))["servers"] == []


def test_every_control_has_an_accessible_name(dialog: RemoteServersDialog) -> None:
    assert unnamed_controls(dialog) == []
    assert accessible_name(dialog.api_key) == "API key"
