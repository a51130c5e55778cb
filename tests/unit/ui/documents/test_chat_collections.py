"""Each chat chooses the collections it may search, in its Chat settings."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from chatapp.conversation.chat_settings import COLLECTIONS, PRESET, chat_collections
from chatapp.settings import Settings
from chatapp.ui.chat_settings_dialog import ChatSettingsDialog

DEFAULTS = Settings()
MODEL = Path("/models/Small-Q4.gguf")
COLLECTION_LIST = [(1, "Notes & drafts"), (2, "Manuals")]


def dialog_for(qtbot: QtBot, overrides: dict[str, object],
               collections: list[tuple[int, str]]) -> ChatSettingsDialog:
    dialog = ChatSettingsDialog(DEFAULTS, overrides, [MODEL], MODEL, collections=collections)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_shows_and_changes_the_chats_collections(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {COLLECTIONS: [2], "top_p": 0.5}, COLLECTION_LIST)
    boxes = dialog.collections.boxes
    assert boxes[1].text() == "Notes && drafts"  # the name's "&" is no shortcut
    assert (boxes[1].isChecked(), boxes[2].isChecked()) == (False, True)
    boxes[1].setChecked(True)
    dialog.accept()
    assert dialog.result_overrides == {"top_p": 0.5, COLLECTIONS: [1, 2]}
    assert chat_collections(dialog.result_overrides) == (1, 2)


def test_no_collection_chosen_stores_none(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {COLLECTIONS: [1]}, COLLECTION_LIST)
    dialog.collections.boxes[1].setChecked(False)
    dialog.accept()
    assert dialog.result_overrides == {}


def test_a_preset_chat_keeps_its_label_and_collections_it_cannot_list(qtbot: QtBot) -> None:
    # The collections were not listed yet: what the chat chose is kept, not dropped.
    dialog = dialog_for(qtbot, {COLLECTIONS: [7], PRESET: "Pirate", "top_p": 0.5}, [])
    assert dialog.collections.boxes == {}
    dialog.accept()
    assert dialog.result_overrides == {COLLECTIONS: [7], "top_p": 0.5, PRESET: "Pirate"}
