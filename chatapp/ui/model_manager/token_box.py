"""The Hugging Face token, for gated models: kept in the OS keyring, nowhere else.

Keyring calls can block (an unlock prompt that cannot show) so they run on a worker
thread with a timeout; when there is no usable keyring the box says what is missing and
the app keeps working without a token.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatapp.errors import UserFacingError
from chatapp.i18n import translate
from chatapp.secrets.hf_token import (
    TokenStoreError,
    delete_token,
    get_token,
    set_token,
    validate_token,
)
from chatapp.ui.icons import Icon, icon
from chatapp.ui.plain_text import plain_label
from chatapp.ui.workers.task_thread import TaskThread


class TokenBox(QGroupBox):
    token_changed = Signal(object)  # str | None: the token to use from now on

    def __init__(self, secrets: TaskThread, parent: QWidget | None = None) -> None:
        super().__init__(translate("TokenBox", "Hugging Face token (only for gated models)"),
                         parent)
        self.setObjectName("tokenBox")
        self.setAccessibleName(self.title())
        self.secrets = secrets
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.edit = QLineEdit(self)
        self.edit.setObjectName("tokenEdit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(translate(
            "TokenBox", "hf_… (create one at huggingface.co/settings/tokens)"))
        self.edit.setAccessibleName(translate("TokenBox", "Hugging Face token"))
        self.edit.setAccessibleDescription(translate(
            "TokenBox", "A token of your Hugging Face account, for downloading gated models; "
            "it is kept in the system keyring, not shown"))
        self.save_button = QPushButton(translate("TokenBox", "Save in keyring"), self)
        self.save_button.setObjectName("saveToken")
        self.save_button.setAccessibleDescription(translate(
            "TokenBox", "Stores the token typed in the system keyring"))
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(icon(Icon.DELETE), translate("TokenBox", "Remove"),
                                         self)
        self.remove_button.setObjectName("removeToken")
        self.remove_button.setAccessibleName(translate("TokenBox", "Remove the token"))
        self.remove_button.setAccessibleDescription(translate(
            "TokenBox", "Deletes the stored token from the system keyring"))
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.edit, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.state = plain_label(QLabel(self))
        self.state.setObjectName("tokenState")
        self.state.setAccessibleName(translate("TokenBox", "Token state"))
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.has_token = False
        self._set_busy(False)

    def load(self) -> None:
        """Ask the keyring whether a token is stored (never shows it)."""
        self._run(get_token, self._loaded, translate("TokenBox", "Looking in the keyring…"))

    def _loaded(self, token: object) -> None:
        self.has_token = isinstance(token, str)
        self.state.setText(
            translate("TokenBox", "A token is stored in the system keyring.") if self.has_token
            else translate("TokenBox", "No token stored. Public models need none."))
        self.remove_button.setEnabled(self.has_token)
        self.token_changed.emit(token if isinstance(token, str) else None)

    def save(self) -> None:
        text = self.edit.text().strip()
        try:
            token = validate_token(text)
        except TokenStoreError as error:
            self.state.setText(error.user_message)
            return

        def stored(_none: object) -> None:
            self.edit.clear()
            self._loaded(token)
            self.state.setText(translate(
                "TokenBox", "Saved in the system keyring. It is sent only to the hub, only "
                "for downloads and searches."))

        self._run(lambda: set_token(token), stored,
                  translate("TokenBox", "Saving in the keyring…"))

    def remove(self) -> None:
        self._run(delete_token, lambda _removed: self._loaded(None),
                  translate("TokenBox", "Removing from the keyring…"))

    def _run(self, call: Callable[[], object], done: Callable[[object], None],
             doing: str) -> None:
        self.state.setText(doing)
        self._set_busy(True)

        def finished(result: object) -> None:
            self._set_busy(False)
            done(result)

        def failed(error: UserFacingError) -> None:
            self._set_busy(False)
            self.state.setText(error.user_message)

        self.secrets.submit(lambda _ctx: call(), finished, failed)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and self.has_token)
        self.edit.setEnabled(not busy)
