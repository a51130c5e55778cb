"""The Models pane's "Speed here" column: predictions in every tab, a model's measured speed
once it has run, and the suggested quantization of a hub repository (offline: the hub is
the local stand-in that speaks the real protocol)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from chatapp.hardware import detect_hardware
from chatapp.models.catalog import ModelKind
from chatapp.models.speed_probe import hardware_fingerprint
from chatapp.models.speed_records import SpeedRecords, SpeedRun
from chatapp.paths import AppPaths
from chatapp.ui.model_manager import installed_tab, recommended_tab, search_tab
from chatapp.ui.model_manager.pane import ModelsPane
from chatapp.ui.model_manager.speed_column import MEASURING, SpeedLabel, speed_text
from tests.hub_stand_in.content import TINY_REPO
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.unit.ui.models_pane_fixtures import *  # noqa: F403

TIMEOUT_MS = 20_000


def cell_speed(table: QTableWidget, row: int, column: int) -> str:
    widget = table.cellWidget(row, column)
    return speed_text(widget) if isinstance(widget, SpeedLabel) else ""


def name(table: QTableWidget, row: int) -> str:
    item = table.item(row, 0)
    assert item is not None
    return item.text()


def ready(table: QTableWidget, column: int) -> bool:
    texts = [cell_speed(table, r, column) for r in range(table.rowCount())]
    return any(texts) and MEASURING not in texts


def a_run(sha256: str, file_name: str, size: int) -> SpeedRun:
    return SpeedRun(sha256=sha256, file_name=file_name, size_bytes=size, quantization="Q4_1",
                    fingerprint=hardware_fingerprint(detect_hardware()),
                    generation_tokens_per_s=104.0, prompt_tokens_per_s=900.0,
                    parameters=134_515_008, bytes_by_type={"Q4_1": size})


def test_catalog_and_installed_models_show_predicted_then_measured_speeds(
        qtbot: QtBot, pane: ModelsPane, app_paths: AppPaths, model_path: Path) -> None:
    shutil.copyfile(model_path, app_paths.models_dir / model_path.name)
    size = model_path.stat().st_size
    chat_entries = sorted((e for e in pane.catalog if e.kind is ModelKind.CHAT),
                          key=lambda e: e.size_bytes)
    ran = chat_entries[0]
    assert ran.sha256 is not None
    records = SpeedRecords(app_paths.speed_records_file)
    records.record(a_run(ran.sha256, ran.file.rsplit("/", 1)[-1], ran.size_bytes))
    records.record(a_run("f" * 64, model_path.name, size))

    pane.show()
    recommended = pane.recommended.table
    column = recommended_tab.SPEED_COLUMN
    qtbot.waitUntil(lambda: ready(recommended, column), timeout=TIMEOUT_MS)
    shown = {name(recommended, r): cell_speed(recommended, r, column)
             for r in range(recommended.rowCount())}
    assert shown[ran.name] == "measured: 104 tokens/s · prompt 900/s"
    predicted = [shown[e.name] for e in chat_entries[1:]]
    assert predicted and all(t.startswith("≈ ") and " tokens/s · prompt ≈ " in t
                             for t in predicted)
    embedding = [e for e in pane.catalog if e.kind is ModelKind.EMBEDDING]
    for entry in embedding:
        assert shown[entry.name] == ""  # no widget: it does not generate

    installed = pane.installed.table
    qtbot.waitUntil(lambda: installed.rowCount() == 1
                    and cell_speed(installed, 0, installed_tab.SPEED_COLUMN)
                    not in ("", MEASURING),
                    timeout=TIMEOUT_MS)
    assert cell_speed(installed, 0, installed_tab.SPEED_COLUMN) == \
        "measured: 104 tokens/s · prompt 900/s"


def test_hub_files_show_speeds_and_the_suggested_quantization(qtbot: QtBot,
                                                             pane: ModelsPane) -> None:
    pane.show()
    qtbot.waitUntil(lambda: pane.speeds.estimator is not None, timeout=TIMEOUT_MS)
    tab = pane.search
    pane.tabs.setCurrentWidget(tab)
    tab.search_edit.setText("tiny")
    tab.search()
    qtbot.waitUntil(lambda: any(r.repo_id == TINY_REPO for r in tab.repos), timeout=TIMEOUT_MS)
    tab.repo_table.selectRow(next(i for i, r in enumerate(tab.repos) if r.repo_id == TINY_REPO))
    qtbot.waitUntil(lambda: tab.listing is not None and tab.listing.repo_id == TINY_REPO,
                    timeout=TIMEOUT_MS)
    listing = tab.listing
    assert listing is not None
    files = tab.file_table
    texts = {name(files, r): cell_speed(files, r, search_tab.SPEED_COLUMN)
             for r in range(files.rowCount())}
    q4 = next(t for n, t in texts.items() if "Q4_K_M" in n)
    q8 = next(t for n, t in texts.items() if "Q8_0" in n)
    assert q4.startswith("≈ ") and q8.startswith("≈ ")
    # The tiny files are fast on any computer: the larger, better one is suggested.
    suggested = [n for n in texts if n.endswith(search_tab.SUGGESTED_NOTE)]
    assert len(suggested) == 1 and "Q8_0" in suggested[0]
    assert "Suggested here: Q8_0: " in tab.message.text()
    assert "tokens/s here; the best quality offered." in tab.message.text()
    # Once a file's header is read, its column and the suggestion use it alike (the
    # suggestion said what the file's size alone predicted, the column the header's).
    row = next(r for r in range(files.rowCount())
               if name(files, r).endswith(search_tab.SUGGESTED_NOTE))
    before = cell_speed(files, row, search_tab.SPEED_COLUMN)
    files.selectRow(row)
    qtbot.waitUntil(lambda: cell_speed(files, row, search_tab.SPEED_COLUMN) != before,
                    timeout=TIMEOUT_MS)
    rate = cell_speed(files, row, search_tab.SPEED_COLUMN).split(" tokens/s")[0]
    assert f"about {rate.removeprefix('≈ ')} tokens/s here" in tab.message.text()
    assert name(files, row).endswith(search_tab.SUGGESTED_NOTE)
