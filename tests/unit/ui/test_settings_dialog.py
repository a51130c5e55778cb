from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.model_loader import load_model
from chatapp.formatting import format_bytes
from chatapp.gguf.inspect import inspect_gguf
from chatapp.hardware import detect_hardware
from chatapp.i18n import LANGUAGES
from chatapp.models.starter import STARTER
from chatapp.settings import Settings
from chatapp.ui.language import system_language
from chatapp.ui.settings_dialog import SettingsDialog
from chatapp.vocabulary import KvCacheType, ThemeChoice
from tests.unit.ui.dialog_accessibility import unnamed_controls


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


@pytest.mark.parametrize("kv_type", list(KvCacheType))
def test_the_kv_cache_type_is_chosen_and_shown(qtbot: QtBot, kv_type: KvCacheType) -> None:
    dialog = SettingsDialog(Settings(), physical_cores=2)
    qtbot.addWidget(dialog)
    assert dialog.kv_cache_type.currentText() == "Full precision (f16)"
    assert [dialog.kv_cache_type.itemText(i) for i in range(dialog.kv_cache_type.count())] \
        == ["Full precision (f16)", "Half (q8_0)", "Quarter (q4_0)"]
    assert "longer chats fit" in dialog.kv_cache_note.text()
    dialog.kv_cache_type.setCurrentIndex(dialog.kv_cache_type.findData(kv_type))
    dialog.accept()
    assert dialog.result_settings == Settings(kv_cache_type=kv_type)
    assert dialog.result_settings.kv_cache_type is kv_type
    # Shown again as saved, and back to f16 with the defaults.
    again = SettingsDialog(Settings(kv_cache_type=kv_type), physical_cores=2)
    qtbot.addWidget(again)
    assert again.kv_cache_type.currentData() == kv_type
    again._restore_defaults()
    assert again.kv_cache_type.currentData() == KvCacheType.F16


def test_the_memory_per_token_of_the_loaded_model_is_shown(qtbot: QtBot, model_path: Path,
                                                           tmp_path: Path) -> None:
    probed = ProbeCache(tmp_path / "probe.json")
    probed.remember(model_path, STARTER.sha256)  # known to load: no test load
    loaded = load_model(model_path, requested_context=512, requested_threads=1,
                        hardware=detect_hardware(), probe_cache=probed,
                        kv_cache_type=KvCacheType.Q8_0)
    try:
        summary = loaded.summary()
    finally:
        loaded.engine.close()
    f16 = inspect_gguf(model_path).kv_cache_bytes_per_token()
    assert f16 is not None
    dialog = SettingsDialog(Settings(kv_cache_type=KvCacheType.Q8_0), physical_cores=2,
                            loaded_model=summary)
    qtbot.addWidget(dialog)
    note = dialog.kv_cache_note.text()
    for kv_type, share in ((KvCacheType.F16, 1), (KvCacheType.Q8_0, 34 / 64),
                           (KvCacheType.Q4_0, 18 / 64)):
        assert f"{format_bytes(round(f16 * share), binary=True)} with {kv_type}" in note
    assert summary.name in note


def test_the_memory_for_chats_left_is_auto_or_mib(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(kv_memory_budget_mb=512), physical_cores=2)
    qtbot.addWidget(dialog)
    assert dialog.kv_memory_budget_mb.value() == 512
    dialog.kv_memory_budget_mb.setValue(0)
    assert dialog.kv_memory_budget_mb.text().startswith("Auto")
    dialog.accept()
    assert dialog.result_settings is not None
    assert dialog.result_settings.kv_memory_budget_mb == 0


def test_the_slowest_speed_worth_waiting_for_is_kept_and_restored(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(min_tokens_per_s=12.5), physical_cores=2)
    qtbot.addWidget(dialog)
    assert dialog.min_tokens_per_s.value() == 12.5
    dialog.min_tokens_per_s.setValue(4)
    dialog.accept()
    assert dialog.result_settings is not None
    assert dialog.result_settings.min_tokens_per_s == 4
    dialog._restore_defaults()
    assert dialog.min_tokens_per_s.value() == Settings().min_tokens_per_s


def test_the_appearance_is_chosen_and_saved(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), physical_cores=2)
    qtbot.addWidget(dialog)
    assert dialog.theme.currentData() == ThemeChoice.SYSTEM
    assert dialog.language.currentData() == ""  # the system's, named
    assert dialog.language.currentText() \
        == f"System language ({LANGUAGES[system_language()]})"
    assert dialog.text_size.value() == 100
    # Each language is offered in its own words, after the system's.
    assert [dialog.language.itemText(i) for i in range(1, dialog.language.count())] \
        == list(LANGUAGES.values())
    assert "next" in dialog.language_note.text() or "again" in dialog.language_note.text()
    dialog.theme.setCurrentIndex(dialog.theme.findData(ThemeChoice.DARK))
    dialog.language.setCurrentIndex(dialog.language.findText("Deutsch"))
    dialog.text_size.setValue(150)
    dialog.accept()
    assert dialog.result_settings == Settings(theme=ThemeChoice.DARK, language="de",
                                              text_size_percent=150)
    # Shown again as saved; the text size stays in its range.
    again = SettingsDialog(dialog.result_settings, physical_cores=2)
    qtbot.addWidget(again)
    assert (again.theme.currentData(), again.language.currentText(),
            again.text_size.value()) == (ThemeChoice.DARK, "Deutsch", 150)
    again.text_size.setValue(1000)
    assert again.text_size.value() == 300
    again._restore_defaults()
    again.accept()
    assert again.result_settings == Settings()


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), physical_cores=2)
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed_controls(dialog) == []


def test_tab_walks_down_each_column(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), physical_cores=2)
    qtbot.addWidget(dialog)
    chain: list[QWidget] = []
    widget: QWidget | None = dialog.system_prompt
    while widget is not None and widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain.index(dialog.thinking_budget_tokens) < chain.index(dialog.theme) \
        < chain.index(dialog.text_size) < chain.index(dialog.context_length) \
        < chain.index(dialog.hub_endpoint) < chain.index(dialog.api_section.enabled)
