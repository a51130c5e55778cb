"""Model ▸ Remote servers…: add an OpenAI-compatible server by its address (with an API
key, kept in the keyring), test it, remove it.

The dialog only asks; the catalog (ui/remote/catalog.py) does the work on its thread and
answers through callbacks and signals. Errors are shown as text in the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatapp.errors import UserFacingError
from chatapp.i18n import translate
from chatapp.remote.listing import describe_models, plain_http_warning
from chatapp.remote.servers import RemoteServer, normalize_base_url
from chatapp.ui.icons import Icon, icon
from chatapp.ui.label_tone import Tone, set_tone
from chatapp.ui.plain_text import plain_label, plain_tooltip
from chatapp.ui.remote.catalog import AddedServer, RemoteCatalog


class RemoteServersDialog(QDialog):
    def __init__(self, catalog: RemoteCatalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remoteServersDialog")
        self.setWindowTitle(translate("RemoteServersDialog", "Remote servers"))
        self.resize(620, 520)
        self.catalog = catalog
        layout = QVBoxLayout(self)
        intro = QLabel(translate("RemoteServersDialog", "A chat can use a model of an "
                                 "OpenAI-compatible server (llama-server, vLLM, Ollama, LM "
                                 "Studio, a hosted service) instead of this computer's. What "
                                 "you write in such a chat is sent to that server; chats on "
                                 "local models never leave this computer."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.servers = QListWidget(self)
        self.servers.setObjectName("remoteServerList")
        self.servers.setAccessibleName(translate("RemoteServersDialog", "Remote servers"))
        self.servers.setAccessibleDescription(translate(
            "RemoteServersDialog", "The servers added, each with its address"))
        layout.addWidget(self.servers, 1)
        row = QHBoxLayout()
        self.empty = QLabel(translate("RemoteServersDialog", "No servers yet: add one below."),
                            self)
        self.remove_button = QPushButton(icon(Icon.REMOVE),
                                         translate("RemoteServersDialog", "Remove"), self)
        self.remove_button.setObjectName("removeServer")
        self.remove_button.setToolTip(translate("RemoteServersDialog",
                                                "Forget the server and its API key"))
        self.remove_button.setAccessibleDescription(self.remove_button.toolTip())
        row.addWidget(self.empty, 1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)

        box = QGroupBox(translate("RemoteServersDialog", "Add a server"), self)
        form = QFormLayout(box)
        self.address = QLineEdit(box)
        self.address.setObjectName("serverAddress")
        self.address.setPlaceholderText(translate(
            "RemoteServersDialog", "http://127.0.0.1:8080 or https://llm.example.com"))
        self.name = QLineEdit(box)
        self.name.setObjectName("serverName")
        self.name.setPlaceholderText(translate("RemoteServersDialog",
                                               "Optional: the host is shown if left empty"))
        self.api_key = QLineEdit(box)
        self.api_key.setObjectName("serverApiKey")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(translate("RemoteServersDialog",
                                                  "Optional: kept in the system keyring"))
        for label, field, description in (
                (translate("RemoteServersDialog", "Address"), self.address,
                 translate("RemoteServersDialog", "The server's address, with http:// or "
                           "https://")),
                (translate("RemoteServersDialog", "Name"), self.name,
                 translate("RemoteServersDialog", "Optional: the host is shown if left "
                           "empty")),
                (translate("RemoteServersDialog", "API key"), self.api_key,
                 translate("RemoteServersDialog", "Optional: kept in the system keyring"))):
            form.addRow(label, field)
            field.setAccessibleName(label)
            field.setAccessibleDescription(description)
        self.warning = plain_label(QLabel(box))
        self.warning.setObjectName("plainHttpWarning")
        self.warning.setWordWrap(True)
        set_tone(self.warning, Tone.WARNING)
        self.warning.setAccessibleName(translate("RemoteServersDialog", "Warning"))
        self.warning.hide()
        form.addRow(self.warning)
        buttons = QHBoxLayout()
        self.test_button = QPushButton(translate("RemoteServersDialog", "Test connection"),
                                       box)
        self.test_button.setObjectName("testServer")
        self.test_button.setAccessibleDescription(translate(
            "RemoteServersDialog", "Asks the server for its models, without adding it"))
        self.add_button = QPushButton(icon(Icon.ADD), translate("RemoteServersDialog", "Add"),
                                      box)
        self.add_button.setObjectName("addServer")
        self.add_button.setAccessibleDescription(translate(
            "RemoteServersDialog", "Adds the server; its models join the model picker"))
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.add_button)
        form.addRow(buttons)
        layout.addWidget(box)

        # Results and errors, as text: server names and messages are not HTML.
        self.outcome = plain_label(QLabel(self))
        self.outcome.setObjectName("serverResult")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.setAccessibleName(translate("RemoteServersDialog", "Result"))
        layout.addWidget(self.outcome)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.address.textChanged.connect(self._address_changed)
        self.test_button.clicked.connect(self.test_connection)
        self.add_button.clicked.connect(self.add_server)
        self.remove_button.clicked.connect(self.remove_server)
        self.servers.currentRowChanged.connect(lambda _row: self._update_buttons())
        catalog.servers_changed.connect(self.show_servers)
        self._busy = False
        self.show_servers(catalog.servers)

    # -- the list ------------------------------------------------------------------------

    def show_servers(self, servers: tuple[RemoteServer, ...]) -> None:
        current = self.selected_server()
        self.servers.clear()
        for server in servers:
            item = QListWidgetItem(translate("RemoteServersDialog", "{name} — {address}").format(
                name=server.name, address=server.base_url), self.servers)
            item.setData(Qt.ItemDataRole.UserRole, server.id)
            item.setToolTip(plain_tooltip(server.base_url))
            if current is not None and server.id == current.id:
                self.servers.setCurrentItem(item)
        self.empty.setVisible(not servers)
        self._update_buttons()

    def selected_server(self) -> RemoteServer | None:
        if self.servers.currentRow() < 0:
            return None
        item = self.servers.currentItem()
        return self.catalog.server(str(item.data(Qt.ItemDataRole.UserRole)))

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.selected_server() is not None and not self._busy)
        self.test_button.setEnabled(not self._busy)
        self.add_button.setEnabled(not self._busy)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self._update_buttons()
        if text:
            self.show_result(text)

    # -- what the user does --------------------------------------------------------------

    def _address_changed(self, text: str) -> None:
        warning = plain_http_warning(text)
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))

    def test_connection(self) -> None:
        address = self.address.text()
        try:
            self.catalog.test(address, self.api_key.text(), self._tested, self._failed)
        except UserFacingError as error:  # a bad address or key, told at once
            self.show_result(error.user_message, error=True)
            return
        self._set_busy(True, translate("RemoteServersDialog",
                                       "Asking {address} for its models…").format(
            address=address.strip()))

    def _tested(self, models: list[str]) -> None:
        self._set_busy(False)
        self.show_result(describe_models(models))

    def add_server(self) -> None:
        try:
            normalize_base_url(self.address.text())
            self.catalog.add(self.address.text(), self.name.text(), self.api_key.text(),
                             self._added, self._failed)
        except UserFacingError as error:
            self.show_result(error.user_message, error=True)
            return
        self._set_busy(True, translate("RemoteServersDialog", "Adding the server…"))

    def _added(self, added: AddedServer) -> None:
        self._set_busy(False)
        for field in (self.address, self.name, self.api_key):
            field.clear()
        text = translate("RemoteServersDialog", "Added {name}. Its models are listed in the "
                         "model picker (marked remote).").format(name=added.server.name)
        if added.key_error is not None:
            text += " " + translate("RemoteServersDialog",
                                    "Its API key was not kept: {reason}").format(
                reason=added.key_error.user_message)
        self.show_result(text, error=added.key_error is not None)
        for row in range(self.servers.count()):
            item = self.servers.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == added.server.id:
                self.servers.setCurrentItem(item)

    def remove_server(self) -> None:
        server = self.selected_server()
        if server is None:
            return
        self.catalog.remove(server.id, self._failed)
        self.show_result(translate("RemoteServersDialog", "Removed {name}. Chats that used it "
                                   "can choose another model.").format(name=server.name))

    def _failed(self, error: UserFacingError) -> None:
        self._set_busy(False)
        self.show_result(error.user_message, error=True)

    def show_result(self, text: str, *, error: bool = False) -> None:
        self.outcome.setText(text)
        self.outcome.setProperty("error", error)
        set_tone(self.outcome, Tone.ERROR if error else Tone.NORMAL)
