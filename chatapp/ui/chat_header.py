"""The line above the conversation that says what the open chat uses: its model,
whether it follows the default settings, a preset or settings of its own, and the Local
documents collections it searches."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from chatapp.conversation.chat_settings import ChatSummary
from chatapp.i18n import translate
from chatapp.ui.icons import Icon, icon
from chatapp.ui.plain_text import plain_label, plain_tooltip


class ChatHeader(QWidget):
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatHeader")
        self.setAccessibleName(translate("ChatHeader", "This chat"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 6, 18, 6)
        # Model files and presets are named by the user: plain text, never HTML.
        self.model = plain_label(QLabel(self))
        self.model.setObjectName("chatModel")
        self.model.setAccessibleName(translate("ChatHeader", "Chat model"))
        self.model.setAccessibleDescription(translate("ChatHeader",
                                                      "The model that writes this chat's replies"))
        self.settings = plain_label(QLabel(self))
        self.settings.setObjectName("chatSettingsSummary")
        self.settings.setAccessibleName(translate("ChatHeader", "Chat settings in use"))
        self.settings.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # A long preset name must not widen the window: the label gives way.
        self.settings.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.documents = plain_label(QLabel(self))
        self.documents.setObjectName("chatDocuments")
        self.documents.setAccessibleName(translate("ChatHeader", "Searched documents"))
        self.documents.setToolTip(translate(
            "ChatHeader", "This chat's questions are also searched in these Local documents "
            "collections (Chat settings… to change)"))
        self.documents.setAccessibleDescription(self.documents.toolTip())
        self.documents.hide()
        self.button = QPushButton(translate("ChatHeader", "Chat settings…"), self)
        self.button.setObjectName("chatSettingsButton")
        self.button.setIcon(icon(Icon.SETTINGS))
        self.button.setToolTip(translate(
            "ChatHeader", "This chat's own system prompt, sampling, context length and model"))
        self.button.setAccessibleDescription(self.button.toolTip())
        self.button.clicked.connect(self.settings_requested)
        # A remote chat says where its replies come from, always (its words leave here).
        self.remote = plain_label(QLabel(self))
        self.remote.setObjectName("chatRemote")
        self.remote.setAccessibleName(translate("ChatHeader", "Remote server"))
        self.remote.hide()
        layout.addWidget(self.model)
        layout.addWidget(self.remote)
        layout.addWidget(self.settings, 1)
        layout.addWidget(self.documents)
        layout.addWidget(self.button)
        self.summary: ChatSummary | None = None
        self._remote: tuple[str, str] | None = None  # the remote model and its host
        self.show_summary(None)

    def show_remote(self, model: str | None, host: str = "") -> None:
        """The open chat's remote model and its server's host (None: a local chat)."""
        self._remote = (model, host) if model is not None else None
        self.show_summary(self.summary)

    def show_collections(self, names: Sequence[str]) -> None:
        """The collections the open chat searches (none: the label hides)."""
        self.documents.setText(translate("ChatHeader", "Documents: {names}").format(
            names=", ".join(names)) if names else "")
        self.documents.setVisible(bool(names))

    def show_summary(self, summary: ChatSummary | None) -> None:
        self.summary = summary
        if summary is None:
            self.model.setText(self._remote_model_text() if self._remote
                               else translate("ChatHeader", "No model"))
            self.settings.setText(translate("ChatHeader", "Default settings"))
            self.settings.setToolTip("")
            self._show_remote_host()
            return
        name = summary.model.removesuffix(".gguf")
        if not name:
            model = translate("ChatHeader", "No model")
        elif summary.own_model:
            model = (translate("ChatHeader", "{model} (this chat's model)") if summary.model_loaded
                     else translate("ChatHeader", "{model} (this chat's model, not loaded)")
                     ).format(model=name)
        else:
            model = name
        remote = self._remote
        if remote is not None:
            model = self._remote_model_text()
        self.model.setText(model)
        self.model.setProperty("own", summary.own_model or remote is not None)
        text = summary.label + (f" · {summary.detail}" if summary.detail else "")
        self.settings.setText(text)
        self.settings.setProperty("custom", summary.custom)
        # The properties feed the style sheet: re-polish so it sees them.
        for label in (self.model, self.settings):
            label.style().unpolish(label)
            label.style().polish(label)
        self.settings.setToolTip(plain_tooltip(summary.tooltip))
        self.model.setToolTip(plain_tooltip(
            translate("ChatHeader", "This chat's own model: it is loaded when the chat is "
                      "opened.") if summary.own_model
            else translate("ChatHeader", "The default model (choose it above); this chat has "
                           "no model of its own.")))
        self._show_remote_host()

    def _show_remote_host(self) -> None:
        remote = self._remote
        self.remote.setVisible(remote is not None)
        if remote is None:
            self.remote.setText("")
            return
        host = remote[1] or translate("ChatHeader", "a server no longer in Remote servers")
        self.remote.setText(translate("ChatHeader", "Replies come from {host}").format(
            host=host))
        self.model.setToolTip(plain_tooltip(translate(
            "ChatHeader", "This chat's replies are written by {model} on {host}: what you "
            "write in it is sent there. Choose a local model above to keep it on this "
            "computer.").format(model=remote[0], host=host)))

    def _remote_model_text(self) -> str:
        assert self._remote is not None
        return translate("ChatHeader", "{model} (remote)").format(model=self._remote[0])
