"""The chat header, the chat settings dialog, the preset editor and the presets manager."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QSpinBox
from pytestqt.qtbot import QtBot

from chatapp.conversation.chat_settings import MODEL, describe
from chatapp.conversation.presets import Preset
from chatapp.errors import UserFacingError
from chatapp.settings import LIMITS, Settings
from chatapp.ui import presets_dialog
from chatapp.ui.chat_header import ChatHeader
from chatapp.ui.chat_settings_dialog import ChatSettingsDialog, PresetEditor
from chatapp.ui.presets_dialog import PresetsDialog
from tests.unit.ui.dialog_accessibility import accessible_name, unnamed_controls

DEFAULTS = Settings(system_prompt="Be helpful.", temperature=0.7)
SMALL, BIG = Path("/models/Small-Q4.gguf"), Path("/models/Big-Q8.gguf")


def dialog_for(qtbot: QtBot, overrides: dict[str, object]) -> ChatSettingsDialog:
    dialog = ChatSettingsDialog(DEFAULTS, overrides, [SMALL, BIG], SMALL)
    qtbot.addWidget(dialog)
    return dialog


# -- the header ----------------------------------------------------------------------------


def test_the_header_says_what_the_chat_uses(qtbot: QtBot) -> None:
    header = ChatHeader()
    qtbot.addWidget(header)
    header.show_summary(describe({}, DEFAULTS, SMALL))
    assert (header.model.text(), header.settings.text()) == ("Small-Q4", "Default settings")
    header.show_summary(describe({"system_prompt": "You are a pirate who loves the sea and "
                                  "rum", "preset": "Pirate", MODEL: str(BIG)}, DEFAULTS, SMALL))
    assert header.model.text() == "Big-Q8 (this chat's model, not loaded)"
    assert header.settings.text() == "Preset: Pirate · “You are a pirate who loves the sea…”"
    header.show_summary(describe({"top_k": 3}, DEFAULTS, SMALL))
    assert header.settings.text() == "Custom settings · top-k"
    assert "Top-k: 3" in header.settings.toolTip()


def test_names_in_the_header_are_text_not_html(qtbot: QtBot) -> None:
    header = ChatHeader()
    qtbot.addWidget(header)
    header.show_summary(describe({"preset": "<b>bold</b>", MODEL: "/m/<i>x.gguf"},
                                 DEFAULTS, None))
    assert header.settings.text() == "Preset: <b>bold</b>"
    assert header.model.text().startswith("<i>x (this chat's model")
    assert "Model: &lt;i&gt;x.gguf" in header.settings.toolTip()


def test_the_header_button_asks_for_the_chat_settings(qtbot: QtBot) -> None:
    header = ChatHeader()
    qtbot.addWidget(header)
    with qtbot.waitSignal(header.settings_requested, timeout=1000):
        header.button.click()


# -- the chat settings dialog ----------------------------------------------------------------


def test_fields_left_at_default_are_not_set(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {})
    form = dialog.form
    assert all(box.isChecked() for box in form.default_boxes.values())
    assert not form.editors["temperature"].isEnabled()
    assert form.shown("temperature") == 0.7
    dialog.accept()
    assert dialog.result_overrides == {}


def test_the_fields_set_come_back_checked(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {})
    form = dialog.form
    form.set_own("system_prompt", "  Answer in French.  ")
    form.default_boxes["top_k"].setChecked(False)
    top_k = form.editors["top_k"]
    assert isinstance(top_k, QSpinBox) and top_k.isEnabled()
    top_k.setValue(5000)  # held in range by the box
    form.set_own("context_length", 4096)
    form.set_own(MODEL, str(BIG))
    dialog.accept()
    assert dialog.result_overrides == {"system_prompt": "Answer in French.",
                                       "top_k": int(LIMITS["top_k"].high),
                                       "context_length": 4096, MODEL: str(BIG)}


def test_a_chat_from_a_preset_keeps_its_name_until_changed(qtbot: QtBot) -> None:
    preset = {"temperature": 0.2, "preset": "Precise"}
    dialog = dialog_for(qtbot, preset)
    assert not dialog.form.default_boxes["temperature"].isChecked()
    assert dialog.form.shown("temperature") == 0.2
    dialog.accept()
    assert dialog.result_overrides == preset
    changed = dialog_for(qtbot, preset)
    changed.form.set_own("temperature", 0.3)
    changed.accept()
    assert changed.result_overrides == {"temperature": 0.3}


def test_all_default_resets_every_field(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {"temperature": 0.2, "system_prompt": "", MODEL: str(BIG)})
    assert dialog.form.shown("system_prompt") == ""
    dialog.all_default.click()
    assert dialog.form.shown("system_prompt") == "Be helpful."
    dialog.accept()
    assert dialog.result_overrides == {}


def test_a_model_not_among_the_installed_ones_is_still_shown(qtbot: QtBot) -> None:
    gone = "/elsewhere/Gone.gguf"
    dialog = dialog_for(qtbot, {MODEL: gone})
    assert dialog.form.shown(MODEL) == gone
    dialog.accept()
    assert dialog.result_overrides == {MODEL: gone}


def test_a_model_must_be_chosen_when_not_default(qtbot: QtBot) -> None:
    dialog = ChatSettingsDialog(DEFAULTS, {}, [], None)  # no models yet
    qtbot.addWidget(dialog)
    dialog.form.default_boxes[MODEL].setChecked(False)
    dialog.accept()
    assert dialog.result_overrides is None
    assert "Choose the model" in dialog.error.text() and not dialog.error.isHidden()


def test_save_as_preset(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {"temperature": 0.2, "preset": "Precise"})
    assert dialog.preset_named("  Exact ") == Preset("Exact", {"temperature": 0.2})
    assert dialog.preset_named("") is None and "needs a name" in dialog.error.text()


# -- the preset editor -----------------------------------------------------------------------


def test_the_preset_editor_checks_the_name(qtbot: QtBot) -> None:
    editor = PresetEditor(DEFAULTS, None, taken=["Poet"], models=[SMALL], default_model=SMALL)
    qtbot.addWidget(editor)
    editor.name.setText("poet")
    editor.accept()
    assert editor.result_preset is None and "already a preset" in editor.error.text()
    editor.name.setText("Translator")
    editor.form.set_own("temperature", 0.1)
    editor.accept()
    assert editor.result_preset == Preset("Translator", {"temperature": 0.1})


def test_a_preset_keeps_its_own_name_when_edited(qtbot: QtBot) -> None:
    poet = Preset("Poet", {"temperature": 1.2, MODEL: str(BIG)})
    editor = PresetEditor(DEFAULTS, poet, taken=["Poet", "Other"], models=[SMALL, BIG],
                          default_model=SMALL)
    qtbot.addWidget(editor)
    assert editor.form.shown(MODEL) == str(BIG)
    editor.accept()
    assert editor.result_preset == poet


# -- the presets manager ---------------------------------------------------------------------

PRESETS = [Preset("Translator", {"temperature": 0.2}), Preset("Poet", {"top_k": 80})]


@pytest.fixture
def manager(qtbot: QtBot) -> PresetsDialog:
    dialog = PresetsDialog(DEFAULTS, PRESETS, [SMALL], SMALL)
    qtbot.addWidget(dialog)
    return dialog


def test_the_manager_lists_the_presets_and_what_they_set(manager: PresetsDialog) -> None:
    assert [manager.list.item(i).text() for i in range(manager.list.count())] == [
        "Translator", "Poet"]
    assert manager.selected() == PRESETS[0]
    assert manager.details.text() == "Temperature: 0.2"
    manager.list.setCurrentRow(1)
    assert manager.details.text() == "Top-k: 80"
    manager.set_presets([], "")
    assert not manager.buttons["edit"].isEnabled()
    assert not manager.buttons["export_all"].isEnabled()
    assert "No presets yet" in manager.note.text()


def test_the_manager_keeps_the_choice_across_a_new_list(manager: PresetsDialog) -> None:
    manager.list.setCurrentRow(1)
    manager.set_presets([*PRESETS, Preset("Third")], "Saved the preset “Third”.")
    assert manager.selected() == PRESETS[1]
    assert manager.note.text() == "Saved the preset “Third”."
    manager.show_error(UserFacingError("There is already a preset named “Poet”."))
    assert manager.note.objectName() == "settingsError"


def test_the_manager_asks_the_session(qtbot: QtBot, manager: PresetsDialog,
                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    asked: list[tuple[str, object]] = []
    manager.delete_requested.connect(lambda name: asked.append(("delete", name)))
    manager.export_requested.connect(lambda path, names: asked.append(("export",
                                                                       (path, names))))
    manager.import_requested.connect(lambda path: asked.append(("import", path)))
    manager.chat_requested.connect(lambda preset: asked.append(("chat", preset)))
    manager.save_requested.connect(lambda preset, old: asked.append(("save", (preset, old))))
    monkeypatch.setattr(presets_dialog, "plain_question", lambda *_args: True)
    target = tmp_path / "out.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args: (str(target), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_args: (str(target), "")))
    manager.buttons["delete"].click()
    manager.buttons["export"].click()
    manager.buttons["export_all"].click()
    manager.buttons["import"].click()
    editor = manager.editor(PRESETS[0])
    qtbot.addWidget(editor)
    editor.name.setText("French")
    editor.accept()
    manager.buttons["chat"].click()
    assert asked == [
        ("delete", "Translator"),
        ("export", (target, ["Translator"])),
        ("export", (target, None)),
        ("import", target),
        ("save", (Preset("French", {"temperature": 0.2}), "Translator")),
        ("chat", PRESETS[0]),
    ]


# -- names a screen reader reads -------------------------------------------------------------


def test_every_control_of_the_dialogs_has_an_accessible_name(
        qtbot: QtBot, manager: PresetsDialog) -> None:
    dialog = ChatSettingsDialog(DEFAULTS, {}, [SMALL, BIG], SMALL,
                                collections=[(1, "Notes"), (2, "Manuals")])
    editor = PresetEditor(DEFAULTS, None, taken=[], models=[SMALL], default_model=SMALL)
    for widget in (dialog, editor, manager):
        qtbot.addWidget(widget)
        widget.show()
        assert unnamed_controls(widget) == []


def test_each_default_box_names_its_field_and_what_it_follows(qtbot: QtBot) -> None:
    dialog = dialog_for(qtbot, {})
    box = dialog.form.default_boxes["temperature"]
    assert accessible_name(box) == "Temperature: default"
    assert box.accessibleDescription() == "Follow the default: 0.7"
    assert accessible_name(dialog.form.editors["temperature"]) == "Temperature"
    top_k_off = ChatSettingsDialog(Settings(top_k=0), {}, [SMALL], SMALL)
    qtbot.addWidget(top_k_off)
    assert top_k_off.form.default_boxes["top_k"].accessibleDescription() \
        == "Follow the default: Off"
