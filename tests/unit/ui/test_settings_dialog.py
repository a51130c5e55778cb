from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.model_loader import load_model
from chatapp.formatting import format_bytes
from chatapp.gguf.inspect import inspect_gguf
from chatapp.hardware import detect_hardware
from chatapp.models.starter import STARTER
from chatapp.settings import Settings
from chatapp.ui.settings_dialog import SettingsDialog
from chatapp.vocabulary import KvCacheType


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
