"""The Recommended tab, offscreen: every catalog model, the reasoning ones marked as such."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from chatapp.hardware import Hardware
from chatapp.models.catalog import Catalog, CatalogEntry, ModelKind, load_catalog
from chatapp.models.fit import fit_for_entry
from chatapp.ui.model_manager.fit_badge import FitBadge
from chatapp.ui.model_manager.recommended_tab import (
    ACTION_COLUMN,
    ANSWERS_COLUMN,
    COLUMNS,
    DIRECT_TAG,
    FIT_COLUMN,
    THINKS_TAG,
    RecommendedTab,
)
from chatapp.vocabulary import KvCacheType

GIB = 1024**3
HARDWARE = Hardware(physical_cores=4, logical_cores=8, total_ram_bytes=16 * GIB,
                    available_ram_bytes=10 * GIB)


def make(qtbot: QtBot, catalog: Catalog | None = None) -> RecommendedTab:
    tab = RecommendedTab(catalog or load_catalog(), HARDWARE)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    return tab


def row_of(tab: RecommendedTab, entry_id: str) -> int:
    for row in range(tab.table.rowCount()):
        item = tab.table.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == entry_id:
            return row
    raise AssertionError(f"{entry_id} is not in the table")


def test_every_reasoning_model_is_marked_and_no_other(qtbot: QtBot) -> None:
    catalog = load_catalog()
    tab = make(qtbot, catalog)
    header = tab.table.horizontalHeaderItem(ANSWERS_COLUMN)
    assert header is not None and header.text() == "Answers"
    assert tab.table.rowCount() == len(catalog)
    thinking = [e for e in catalog if e.reasoning]
    assert thinking and len(thinking) < len(catalog)  # both kinds are shown
    for entry in catalog:
        if entry.kind is ModelKind.EMBEDDING:
            continue  # "For Local documents": tests/unit/ui/test_embedding_models_ui.py
        item = tab.table.item(row_of(tab, entry.id), ANSWERS_COLUMN)
        assert item is not None
        assert item.text() == (THINKS_TAG if entry.reasoning else DIRECT_TAG), entry.id
        assert item.font().bold() is entry.reasoning, entry.id
        assert ("reasons step by step" in item.toolTip()) is entry.reasoning, entry.id
        name = tab.table.item(row_of(tab, entry.id), 0)
        assert name is not None and name.text() == entry.name
    gpt_oss = tab.table.item(row_of(tab, "gpt-oss-20b-q4_k_m"), ANSWERS_COLUMN)
    qwen25 = tab.table.item(row_of(tab, "qwen2.5-0.5b-instruct-q4_k_m"), ANSWERS_COLUMN)
    assert gpt_oss is not None and gpt_oss.text() == THINKS_TAG
    assert qwen25 is not None and qwen25.text() == DIRECT_TAG


def test_the_existing_columns_and_buttons_still_work(qtbot: QtBot) -> None:
    catalog = load_catalog()
    tab = make(qtbot, catalog)
    # Smallest first; the fit badge and the action button keep their places.
    rows = sorted(catalog, key=lambda e: row_of(tab, e.id))
    assert [e.size_bytes for e in rows] == sorted(e.size_bytes for e in catalog)
    assert COLUMNS[FIT_COLUMN] == "Fits?" and FIT_COLUMN == 5
    assert COLUMNS.index("") == ACTION_COLUMN and COLUMNS[-1] == ""
    for row in range(tab.table.rowCount()):
        assert isinstance(tab.table.cellWidget(row, FIT_COLUMN), FitBadge)
        assert isinstance(tab.table.cellWidget(row, ACTION_COLUMN), QPushButton)

    entry: CatalogEntry = next(e for e in catalog if e.reasoning)
    requested: list[CatalogEntry] = []
    tab.download_requested.connect(requested.append)
    button = tab.button_for(entry.id)
    assert button is not None and button.text() == "Download"
    button.click()
    assert requested == [entry]

    tab.set_state(installed=set(), downloading={entry.file})
    button = tab.button_for(entry.id)
    assert button is not None and button.text() == "Downloading…" and not button.isEnabled()
    assert THINKS_TAG in button.accessibleDescription()

    loads: list[CatalogEntry] = []
    tab.load_requested.connect(loads.append)
    tab.set_state(installed={entry.file}, downloading=set())
    button = tab.button_for(entry.id)
    assert button is not None and button.text() == "Load"
    button.click()
    assert loads == [entry]
    assert tab.button_for("no-such-model") is None


def test_the_tab_renders_offscreen(qtbot: QtBot, tmp_path: Path) -> None:
    tab = make(qtbot)
    qtbot.waitExposed(tab)
    image = tab.grab().toImage()
    assert not image.isNull() and image.width() >= 1000
    # Not blank: the table paints more than one colour.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
               for y in range(0, image.height(), 23)}
    assert len(colours) > 2
    assert image.save(str(tmp_path / "recommended.png"))


def test_the_fit_counts_the_context_memory_in_the_users_kv_cache_type(qtbot: QtBot) -> None:
    tab = make(qtbot)
    entry = next(e for e in load_catalog() if e.kind is ModelKind.CHAT)
    row = row_of(tab, entry.id)

    def badge() -> FitBadge:
        widget = tab.table.cellWidget(row, FIT_COLUMN)
        assert isinstance(widget, FitBadge)
        return widget

    assert "per token with f16)" in badge().toolTip()
    tab.kv_cache_type = KvCacheType.Q8_0
    tab.fill()
    assert "per token with q8_0)" in badge().toolTip()
    f16 = fit_for_entry(entry, HARDWARE)
    q8 = fit_for_entry(entry, HARDWARE, kv_cache_type=KvCacheType.Q8_0)
    assert q8.needed_bytes < f16.needed_bytes
    assert badge().toolTip() == q8.explanation
