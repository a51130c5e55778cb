"""The Settings dialog's API server section, and the status line's text for the server."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from chatapp.api.server import BoundAddress
from chatapp.settings import Settings
from chatapp.ui.settings_dialog import SettingsDialog
from chatapp.ui.workers.api_thread import api_status


def test_the_section_edits_the_api_settings(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), 4)
    qtbot.addWidget(dialog)
    section = dialog.api_section
    assert not section.enabled.isChecked()  # off by default
    section.enabled.setChecked(True)
    section.port.setValue(9123)
    section.save_chats.setChecked(True)
    assert section.address.text() == "http://127.0.0.1:9123/v1"
    assert section.key.text() == "" and not section.key.isEnabled()
    section.require_key.setChecked(True)  # a key is made at once, shown to be copied
    key = section.new_key
    assert key is not None and key.startswith("sk-chatapp-") and section.key.text() == key
    section.new_key_button.click()
    assert section.new_key not in (None, key)
    dialog.accept()
    result = dialog.result_settings
    assert result is not None
    assert (result.api_server_enabled, result.api_port, result.api_save_chats,
            result.api_require_key, result.api_allow_network) == (True, 9123, True, True, False)


def test_network_access_shows_its_warning(qtbot: QtBot) -> None:
    dialog = SettingsDialog(replace(Settings(), api_require_key=True), 4)
    qtbot.addWidget(dialog)
    dialog.show()
    section = dialog.api_section
    assert section.network_warning.isHidden()
    assert section.key.placeholderText() == "Kept in the keyring"
    section.allow_network.setChecked(True)
    assert section.network_warning.isVisible()
    assert "without a key" not in section.network_warning.text()
    section.require_key.setChecked(False)
    assert "without a key" in section.network_warning.text()
    assert section.key_removed and section.new_key is None


def test_status_text() -> None:
    local = BoundAddress("127.0.0.1", 8765)
    assert api_status(None, 0) == ""
    assert api_status(local, 0) == "API on http://127.0.0.1:8765"
    assert api_status(local, 1) == "API: answering 1 request"
    assert api_status(local, 3) == "API: answering 3 requests"
    assert api_status(BoundAddress("0.0.0.0", 8765), 0) == "API on the local network, port 8765"


def test_the_address_reads_left_to_right_around_the_hosts_words(qtbot: QtBot) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("ar"))  # whose digits are not an address's
    try:
        dialog = SettingsDialog(replace(Settings(), api_port=8765), 4)
    finally:
        QLocale.setDefault(before)
    qtbot.addWidget(dialog)
    section = dialog.api_section
    assert section.port.text() == "8765"  # as typed into an address
    assert section.port.locale() == QLocale.c()
    section.allow_network.setChecked(True)
    # Bidi controls: a left-to-right embedding, and a mark before the port, so a
    # right-to-left translation of the host's words does not pull the digits into them.
    assert section.address.text() \
        == "\u202ahttp://this computer's address\u200e:8765/v1\u202c"
