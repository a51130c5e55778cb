from __future__ import annotations

from pytestqt.qtbot import QtBot

from chatapp.settings import Settings
from chatapp.ui.settings_dialog import SettingsDialog


def test_edits_come_back_validated(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(last_model_path="/m.gguf"), physical_cores=2)
    qtbot.addWidget(dialog)
    dialog.system_prompt.setPlainText("  Answer in French.  ")
    dialog.temperature.setValue(0.3)
    dialog.top_k.setValue(0)
    dialog.max_reply_tokens.setValue(256)
    dialog.thinking_budget_tokens.setValue(2048)
    dialog.context_length.setCurrentIndex(dialog.context_length.findData(2048))
    dialog.threads.setValue(1)
    dialog.hub_endpoint.setText("https://mirror.example.org/")
    dialog.accept()
    result = dialog.result_settings
    assert result == Settings(system_prompt="Answer in French.", temperature=0.3, top_k=0,
                              max_reply_tokens=256, thinking_budget_tokens=2048,
                              context_length=2048, threads=1,
                              last_model_path="/m.gguf",
                              hub_endpoint="https://mirror.example.org")


def test_an_insecure_hub_address_is_refused(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), physical_cores=2)
    qtbot.addWidget(dialog)
    dialog.hub_endpoint.setText("http://mirror.example.org")
    dialog.accept()
    assert dialog.result_settings is None
    assert "https" in dialog.error.text()


def test_spin_boxes_cannot_leave_the_valid_range(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), physical_cores=2)
    qtbot.addWidget(dialog)
    dialog.temperature.setValue(99)
    dialog.top_p.setValue(-1)
    assert dialog.temperature.value() == 2.0
    assert dialog.top_p.value() == 0.0
    dialog.accept()
    assert dialog.result_settings is not None


def test_restore_defaults(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(temperature=1.5, system_prompt="x"), physical_cores=2)
    qtbot.addWidget(dialog)
    assert dialog.temperature.value() == 1.5
    assert dialog.system_prompt.toPlainText() == "x"
    dialog._restore_defaults()
    dialog.accept()
    assert dialog.result_settings == Settings()
