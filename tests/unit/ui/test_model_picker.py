"""The model picker's remote entries: each server's models marked with its host, a server
that cannot be reached listed as such (and not choosable), the chat's remote model shown
even when its server did not list it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chatapp.conversation.chat_settings import RemoteModelRef
from chatapp.remote.errors import RemoteUnreachableError
from chatapp.remote.listing import ServerModels
from chatapp.remote.servers import RemoteServer
from chatapp.ui.model_picker import REMOTE_SERVERS_ITEM, ModelPicker

UP = RemoteServer("a" * 32, "Workstation", "http://10.0.0.5:8080/v1")
DOWN = RemoteServer("b" * 32, "Laptop", "https://laptop.example:8443/v1")
LOCAL = Path("/models/local.gguf")


def picker_with_servers(qtbot: QtBot) -> ModelPicker:
    picker = ModelPicker()
    qtbot.addWidget(picker)
    picker.set_models([LOCAL])
    picker.show_model(LOCAL)
    picker.set_remote_models([
        ServerModels(UP, ("/srv/models/Qwen3-8B-Q4_K_M.gguf", "org/model")),
        ServerModels(DOWN, error=RemoteUnreachableError(
            DOWN.host, "laptop.example:8443 cannot be reached (refused).")),
    ])
    return picker


def texts(picker: ModelPicker) -> list[str]:
    return [picker.itemText(i) for i in range(picker.count())]


def test_remote_models_are_marked_with_their_host(qtbot: QtBot) -> None:
    picker = picker_with_servers(qtbot)
    assert texts(picker) == [
        "local.gguf",
        "Qwen3-8B-Q4_K_M · remote · 10.0.0.5:8080",
        "org/model · remote · 10.0.0.5:8080",
        "Laptop · remote · laptop.example:8443: cannot be reached",
        "Open a model file…",
        "Remote servers…",
    ]
    unreachable = picker.findText("Laptop · remote · laptop.example:8443: cannot be reached")
    flags = picker.model().flags(picker.model().index(unreachable, 0))
    assert not flags & Qt.ItemFlag.ItemIsEnabled  # a note, not a choice
    assert "refused" in str(picker.itemData(unreachable, Qt.ItemDataRole.ToolTipRole))
    assert picker.remote_refs() == [RemoteModelRef(UP.id, "/srv/models/Qwen3-8B-Q4_K_M.gguf"),
                                    RemoteModelRef(UP.id, "org/model")]
    assert picker.currentText() == "local.gguf"


def test_choosing_remote_then_local_again(qtbot: QtBot) -> None:
    picker = picker_with_servers(qtbot)
    chosen: list[object] = []
    picker.remote_chosen.connect(chosen.append)
    picker.model_chosen.connect(chosen.append)
    servers: list[bool] = []
    picker.servers_requested.connect(lambda: servers.append(True))

    ref = RemoteModelRef(UP.id, "org/model")
    assert picker.choose_remote(ref)
    assert chosen == [ref]
    picker.show_remote(ref, UP.host)  # what the session answers
    assert picker.currentText() == "org/model · remote · 10.0.0.5:8080"
    # The loaded local model, chosen in a remote chat, takes the chat back to it.
    picker.activated.emit(picker.findText("local.gguf"))
    assert chosen == [ref, LOCAL]
    picker.activated.emit(picker.findData(REMOTE_SERVERS_ITEM))
    assert servers == [True]


def test_a_chats_remote_model_shows_while_its_server_is_not_listed(qtbot: QtBot) -> None:
    picker = ModelPicker()
    qtbot.addWidget(picker)
    ref = RemoteModelRef("c" * 32, "gone-model")
    picker.show_remote(ref, "")
    assert picker.currentText() == "gone-model · remote · a removed server"
    picker.set_remote_listing(True)
    assert "Listing the remote servers' models…" in texts(picker)
