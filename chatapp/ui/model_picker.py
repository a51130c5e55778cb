"""The model picker above the chat: the installed models, the remote servers' models
(each marked "remote · HOST"), "Open a model file…" and "Remote servers…".

A remote server's models are fetched off the UI thread when the picker opens (the
``opening`` signal); a server that cannot be reached is listed as such, with why, not
as a server without models.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from chatapp.conversation.chat_settings import RemoteModelRef
from chatapp.i18n import translate
from chatapp.remote.listing import ServerModels, display_name, problem_label
from chatapp.ui.plain_text import plain_tooltip

OPEN_FILE_ITEM = "__open__"
REMOTE_SERVERS_ITEM = "__remote_servers__"
_REMOTE = "remote:"  # item data of a remote model: "remote:<server id>:<model>"


def remote_label(model: str, host: str) -> str:
    return translate("ModelPicker", "{model} · remote · {host}").format(
        model=display_name(model), host=host)


class ModelPicker(QComboBox):
    model_chosen = Signal(object)  # Path
    remote_chosen = Signal(object)  # RemoteModelRef
    open_file_requested = Signal()
    servers_requested = Signal()  # "Remote servers…"
    opening = Signal()  # the list is about to show: time to list the servers' models

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPicker")
        self.setAccessibleName(translate("ModelPicker", "Model"))
        self.setAccessibleDescription(translate(
            "ModelPicker", "The model that answers: one on this computer or on a remote "
            "server; also opens a model file or the remote servers"))
        self.setMinimumWidth(320)
        # Wide enough for "MODEL · remote · HOST", never wider than the bar allows.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumWidth(560)
        self.setPlaceholderText(translate("ModelPicker", "No model loaded"))
        self._models: list[Path] = []
        self._shown: Path | None = None  # the model loading, else the one loaded
        self._remote: tuple[ServerModels, ...] = ()
        self._remote_listing = False  # the first listing is under way
        # The open chat's remote model and its server's host (None: a local chat).
        self._chosen_remote: tuple[RemoteModelRef, str] | None = None
        self.activated.connect(self._activated)

    def set_models(self, models: list[Path]) -> None:
        self._models = list(models)
        self._fill()

    def show_model(self, path: Path | None) -> None:
        """Select the model that is loading, or else loaded (None: none)."""
        self._shown = path
        self._fill()

    def set_remote_models(self, listings: Sequence[ServerModels]) -> None:
        self._remote = tuple(listings)
        self._remote_listing = False
        self._fill()

    def set_remote_listing(self, listing: bool) -> None:
        """A listing runs: said in the list until the first one has answered."""
        self._remote_listing = listing and not self._remote
        self._fill()

    def show_remote(self, chosen: RemoteModelRef | None, host: str = "") -> None:
        """The open chat's remote model (None: it uses a local model)."""
        self._chosen_remote = (chosen, host) if chosen is not None else None
        self._fill()

    def showPopup(self) -> None:
        self.opening.emit()
        super().showPopup()

    def _fill(self) -> None:
        self.blockSignals(True)
        self.clear()
        paths = list(self._models)
        if self._shown is not None and self._shown not in paths:
            paths.append(self._shown)
        for path in paths:
            self.addItem(path.name, str(path))
            self.setItemData(self.count() - 1, plain_tooltip(str(path)),
                             Qt.ItemDataRole.ToolTipRole)
        chosen = self._chosen_remote
        chosen_listed = False
        for listing in self._remote:
            host = listing.server.host
            if listing.error is not None:
                self._add_note(translate("ModelPicker", "{server} · remote · {host}: "
                                         "{problem}").format(
                                   server=listing.server.name, host=host,
                                   problem=problem_label(listing.error)),
                               listing.error.user_message)
                continue
            for model in listing.models:
                ref = RemoteModelRef(listing.server.id, model)
                self._add_remote(ref, host, model + "\n" + translate(
                    "ModelPicker", "Replies come from {address}").format(
                        address=listing.server.base_url))
                chosen_listed = chosen_listed or (chosen is not None and chosen[0] == ref)
        if chosen is not None and not chosen_listed:
            self._add_remote(chosen[0], chosen[1] or translate("ModelPicker",
                                                                "a removed server"),
                             translate("ModelPicker", "This chat's remote model"))
        if self._remote_listing:
            self._add_note(translate("ModelPicker", "Listing the remote servers' models…"), "")
        self.addItem(translate("ModelPicker", "Open a model file…"), OPEN_FILE_ITEM)
        self.addItem(translate("ModelPicker", "Remote servers…"), REMOTE_SERVERS_ITEM)
        if chosen is not None:
            self.setCurrentIndex(self.findData(_remote_data(chosen[0])))
        else:
            self.setCurrentIndex(self.findData(str(self._shown)) if self._shown else -1)
        self.blockSignals(False)

    def _add_remote(self, ref: RemoteModelRef, host: str, tooltip: str) -> None:
        self.addItem(remote_label(ref.model, host), _remote_data(ref))
        self.setItemData(self.count() - 1, plain_tooltip(tooltip), Qt.ItemDataRole.ToolTipRole)

    def _add_note(self, text: str, tooltip: str) -> None:
        """A line that says something and cannot be chosen."""
        self.addItem(text, None)
        index = self.count() - 1
        if tooltip:
            self.setItemData(index, plain_tooltip(tooltip), Qt.ItemDataRole.ToolTipRole)
        model = self.model()
        if isinstance(model, QStandardItemModel):
            item = model.item(index)
            if item is not None:
                item.setEnabled(False)

    def remote_refs(self) -> list[RemoteModelRef]:
        """The remote models listed, in order."""
        refs: list[RemoteModelRef] = []
        for index in range(self.count()):
            ref = _remote_ref(self.itemData(index))
            if ref is not None:
                refs.append(ref)
        return refs

    def choose_remote(self, ref: RemoteModelRef) -> bool:
        """Choose a remote model as the user does (False: it is not listed)."""
        index = self.findData(_remote_data(ref))
        if index < 0:
            return False
        self.activated.emit(index)
        return True

    def _activated(self, index: int) -> None:
        data = self.itemData(index)
        self._fill()  # shows what is true until the session says otherwise
        remote = _remote_ref(data)
        if data == OPEN_FILE_ITEM:
            self.open_file_requested.emit()
        elif data == REMOTE_SERVERS_ITEM:
            self.servers_requested.emit()
        elif remote is not None:
            if self._chosen_remote is None or self._chosen_remote[0] != remote:
                self.remote_chosen.emit(remote)
        elif data and (Path(data) != self._shown or self._chosen_remote is not None):
            self.model_chosen.emit(Path(data))


def _remote_data(ref: RemoteModelRef) -> str:
    return f"{_REMOTE}{ref.server_id}:{ref.model}"


def _remote_ref(data: object) -> RemoteModelRef | None:
    if not isinstance(data, str) or not data.startswith(_REMOTE):
        return None
    server_id, _, model = data.removeprefix(_REMOTE).partition(":")
    return RemoteModelRef(server_id, model)
