"""The Models pane's tables share their width so a model's name stays readable: the other
columns fit their contents while there is room; then the shrinkable ones wrap; only then is
the name narrowed to its minimum and the table scrolls sideways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.qtbot import QtBot

from chatapp.ui.model_manager import recommended_tab
from chatapp.ui.model_manager.pane import ModelsPane
from chatapp.ui.model_manager.tables import NAME_MIN_CHARS, FittedTable, make_table
from chatapp.ui.theme import ThemeController
from chatapp.vocabulary import ThemeChoice
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.unit.ui.models_pane_fixtures import *  # noqa: F403
from tests.unit.ui.test_speed_column import TIMEOUT_MS, ready

NAME = "SmolLM2 135M Instruct, a model's name"
NOTES = "a note of several words that wraps onto a second line in a narrow column"
FOLDER = "/home/someone/Downloads/models/from-a-friend/quantized-last-week/gguf"


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[ThemeController]:
    """The app's real look: its header padding and buttons are what the widths must hold."""
    controller = ThemeController(qapp, ThemeChoice.LIGHT)
    yield controller
    controller.release()


def widths(table: FittedTable) -> list[int]:
    return [table.horizontalHeader().sectionSize(c) for c in range(table.columnCount())]


def name_minimum(table: FittedTable) -> int:
    return NAME_MIN_CHARS * table.fontMetrics().averageCharWidth()


def scrolls_sideways(table: FittedTable) -> bool:
    return table.horizontalScrollBar().maximum() > 0


def settles_scrolling(qtbot: QtBot, table: FittedTable, scrolling: bool) -> None:
    """The view updates its scroll bar's range after the columns' widths, in a later event
    (a loaded machine showed it still scrolling right after a refit): wait for it."""
    qtbot.waitUntil(lambda: scrolls_sideways(table) is scrolling, timeout=5_000)


def a_table(qtbot: QtBot, width: int, notes: str = NOTES) -> FittedTable:
    """Model, Notes (shrinkable), Size: one row."""
    table = make_table(("Model", "Notes", "Size"), "fitted", "Fitted", "A test table",
                       parent=None, shrinkable=(1,))
    qtbot.addWidget(table)
    table.setRowCount(1)
    for column, text in enumerate((NAME, notes, "1.2 GB")):
        table.setItem(0, column, QTableWidgetItem(text))
    table.resize(width, 200)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()  # the refit scheduled by the filling
    return table


def test_with_room_every_column_fits_its_contents_and_the_name_takes_the_rest(
        qtbot: QtBot) -> None:
    table = a_table(qtbot, 1600)
    model, notes, size = widths(table)
    assert notes >= table.sizeHintForColumn(1)  # the note on one line
    assert size >= table.sizeHintForColumn(2)
    assert model > table.sizeHintForColumn(0)
    assert model + notes + size == table.viewport().width()
    settles_scrolling(qtbot, table, scrolling=False)


@pytest.mark.parametrize("text", [NOTES, FOLDER], ids=["words", "one-word path"])
def test_short_of_room_the_shrinkable_column_wraps_before_the_name_is_narrowed(
        qtbot: QtBot, text: str) -> None:
    probe = a_table(qtbot, 1600, text)
    frame = probe.width() - probe.viewport().width()
    # Room for the name's minimum, the size and three quarters of the note on one line.
    room = name_minimum(probe) + 20 + probe.sizeHintForColumn(1) * 3 // 4 + widths(probe)[2]
    table = a_table(qtbot, room + frame, text)
    model, notes, _size = widths(table)
    assert notes < table.sizeHintForColumn(1)  # narrowed: the text wraps
    half_note = table.fontMetrics().horizontalAdvance(text) // 2
    assert notes >= half_note  # but still whole in two lines
    assert model >= name_minimum(table)
    assert sum(widths(table)) == table.viewport().width()
    settles_scrolling(qtbot, table, scrolling=False)


def test_without_room_the_name_keeps_its_minimum_and_the_table_scrolls(
        qtbot: QtBot) -> None:
    table = a_table(qtbot, 260)
    model, notes, _size = widths(table)
    assert model >= name_minimum(table)
    assert notes >= table.fontMetrics().horizontalAdvance(NOTES) // 2
    settles_scrolling(qtbot, table, scrolling=True)


def test_a_column_grown_by_new_content_takes_its_width_from_the_name(
        qtbot: QtBot) -> None:
    table = a_table(qtbot, 1000)
    before = widths(table)
    table.setItem(0, 2, QTableWidgetItem("a much longer size text than before"))
    qtbot.waitUntil(lambda: widths(table)[2] > before[2])
    qtbot.waitUntil(lambda: widths(table)[0] < before[0])
    assert sum(widths(table)) == table.viewport().width()
    settles_scrolling(qtbot, table, scrolling=False)


def test_the_recommended_tab_at_the_panes_size_shows_names_whole_without_scrolling(
        qtbot: QtBot, pane: ModelsPane, themed: ThemeController) -> None:
    """The new theme's wider cells once squeezed the Model column to "…" and opened the
    table scrolled sideways (docs/models-recommended.png)."""
    pane.show()
    qtbot.waitExposed(pane)
    table = pane.recommended.table
    qtbot.waitUntil(lambda: ready(table, recommended_tab.SPEED_COLUMN), timeout=TIMEOUT_MS)
    assert isinstance(table, FittedTable)
    QApplication.processEvents()
    model = widths(table)[0]
    assert model >= name_minimum(table)
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        assert item is not None
        # Whole in two lines at most: the row's height holds two.
        assert table.fontMetrics().horizontalAdvance(item.text()) <= 2 * model, item.text()
    settles_scrolling(qtbot, table, scrolling=False)
    assert sum(widths(table)) <= table.viewport().width()
    # A licence's name elided in its narrowed column is whole in the cell's tooltip.
    for row in range(table.rowCount()):
        licence = table.item(row, recommended_tab.LICENSE_COLUMN)
        assert licence is not None and licence.text()
        assert licence.toolTip().startswith(licence.text() + "\n")
