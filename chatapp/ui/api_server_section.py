"""The Settings dialog's "API server" section: on/off, port, key, network, saving chats.

The key itself is never read here (the keyring is the secrets thread's business): the
section shows whether one is required, and a new key it made, once, to be copied; the
window stores it when the dialog is accepted (ApiServerThread.store_key).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from chatapp.i18n import translate
from chatapp.secrets.api_server_key import generate_key
from chatapp.settings import LIMITS, Settings
from chatapp.ui.icons import Icon, icon
from chatapp.ui.label_tone import Tone, set_tone


class ApiServerSection(QGroupBox):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(translate("ApiServerSection", "API server"), parent)
        self.setObjectName("apiServerSection")
        self._original = settings
        form = QFormLayout(self)
        self.enabled = QCheckBox(translate("ApiServerSection",
                                           "Serve the loaded model to other programs "
                                           "(OpenAI-compatible API)"), self)
        self.enabled.setObjectName("api_server_enabled")
        form.addRow(self.enabled)
        self.port = QSpinBox(self)
        self.port.setObjectName("api_port")
        self.port.setRange(int(LIMITS["api_port"].low), int(LIMITS["api_port"].high))
        # A port is typed into other programs as it is written in addresses: ASCII digits.
        self.port.setLocale(QLocale.c())
        self.port.setAccessibleName(translate("ApiServerSection", "Port"))
        self.port.setAccessibleDescription(translate(
            "ApiServerSection", "The network port the API server listens on"))
        form.addRow(translate("ApiServerSection", "Port"), self.port)
        self.address = QLabel(self)
        self.address.setObjectName("apiAddress")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAccessibleName(translate("ApiServerSection", "Clients use"))
        self.address.setAccessibleDescription(translate(
            "ApiServerSection", "The address other programs connect to"))
        form.addRow(translate("ApiServerSection", "Clients use"), self.address)

        self.require_key = QCheckBox(translate("ApiServerSection", "Require an API key"),
                                     self)
        self.require_key.setObjectName("api_require_key")
        form.addRow(self.require_key)
        key_row = QHBoxLayout()
        self.key = QLineEdit(self)
        self.key.setObjectName("api_key")
        self.key.setReadOnly(True)
        self.key.setAccessibleName(translate("ApiServerSection", "API key"))
        self.new_key_button = QPushButton(translate("ApiServerSection", "New key"), self)
        self.new_key_button.setObjectName("apiNewKey")
        self.new_key_button.setIcon(icon(Icon.REGENERATE))
        self.new_key_button.setAccessibleDescription(translate(
            "ApiServerSection", "Makes a new key; the old one stops working when you "
            "press OK"))
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.new_key_button)
        form.addRow(translate("ApiServerSection", "Key"), key_row)

        self.allow_network = QCheckBox(translate(
            "ApiServerSection", "Allow other computers on the local network"), self)
        self.allow_network.setObjectName("api_allow_network")
        form.addRow(self.allow_network)
        self.network_warning = QLabel(self)
        self.network_warning.setObjectName("apiNetworkWarning")
        self.network_warning.setWordWrap(True)
        set_tone(self.network_warning, Tone.WARNING)
        self.network_warning.setAccessibleName(translate("ApiServerSection", "Warning"))
        form.addRow(self.network_warning)
        self.save_chats = QCheckBox(translate("ApiServerSection",
                                              "Save API chats to the history"), self)
        self.save_chats.setObjectName("api_save_chats")
        form.addRow(self.save_chats)

        # A key made in this dialog, to be stored when it is accepted (None: unchanged).
        self.new_key: str | None = None
        self.port.valueChanged.connect(self._update)
        self.allow_network.toggled.connect(self._update)
        self.require_key.toggled.connect(self._key_required)
        self.new_key_button.clicked.connect(self._make_key)
        self.enabled.toggled.connect(self._update)
        self.show_settings(settings)

    def show_settings(self, settings: Settings) -> None:
        self.new_key = None
        self.enabled.setChecked(settings.api_server_enabled)
        self.port.setValue(settings.api_port)
        self.allow_network.setChecked(settings.api_allow_network)
        self.save_chats.setChecked(settings.api_save_chats)
        self.require_key.blockSignals(True)
        self.require_key.setChecked(settings.api_require_key)
        self.require_key.blockSignals(False)
        self._update()

    def values(self, settings: Settings) -> Settings:
        return replace(settings, api_server_enabled=self.enabled.isChecked(),
                       api_port=self.port.value(),
                       api_allow_network=self.allow_network.isChecked(),
                       api_save_chats=self.save_chats.isChecked(),
                       api_require_key=self.require_key.isChecked())

    @property
    def key_removed(self) -> bool:
        """The key was required and no longer is: it is deleted from the keyring."""
        return self._original.api_require_key and not self.require_key.isChecked()

    def _key_required(self, required: bool) -> None:
        if required and not self._original.api_require_key and self.new_key is None:
            self._make_key()  # a key is needed: one is made at once
        self._update()

    def _make_key(self) -> None:
        self.new_key = generate_key()
        self.require_key.setChecked(True)
        self._update()

    def _update(self) -> None:
        required = self.require_key.isChecked()
        self.key.setEnabled(required)
        self.new_key_button.setEnabled(required)
        if self.new_key is not None and required:
            self.key.setText(self.new_key)
            tip = translate("ApiServerSection", "Copy this key now: it is kept in the "
                            "keyring and not shown again")
            self.key.setToolTip(tip)
            self.key.setAccessibleDescription(tip)
        else:
            self.key.setText("")
            self.key.setPlaceholderText(
                translate("ApiServerSection", "Kept in the keyring")
                if required and self._original.api_require_key
                else translate("ApiServerSection", "No key"))
            self.key.setToolTip("")
            self.key.setAccessibleDescription(self.key.placeholderText())
        # The address is typed into other programs: its digits stay ASCII, ungrouped.
        port = self.port.value()
        if self.allow_network.isChecked():
            # The host is words in the user's language: the address still reads left to
            # right (an embedding), and a mark keeps the port out of right-to-left words.
            host = translate("ApiServerSection", "this computer's address")
            self.address.setText(f"\u202ahttp://{host}\u200e:{port}/v1\u202c")
        else:
            self.address.setText(f"http://127.0.0.1:{port}/v1")
        self.network_warning.setText(
            translate("ApiServerSection", "Other computers on your network can reach the "
                      "model. Allow this only on a network you trust.") if required
            else translate("ApiServerSection", "Other computers on your network can reach "
                           "the model, without a key. Allow this only on a network you "
                           "trust."))
        self.network_warning.setVisible(self.allow_network.isChecked())
