"""The read-only, row-selecting tables the Models pane uses throughout."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from chatapp.i18n import translate

# Column headers are marked QT_TRANSLATE_NOOP("ModelTables", ...) where each table's
# columns are defined (lupdate reads only a literal context there): one context, so a
# header shared by several tables ("Model", "Speed here") is translated once, the same
# everywhere.
HEADER_CONTEXT = "ModelTables"

# Numbers stay aligned to the trailing edge (their digits line up); Qt mirrors it in a
# right-to-left layout.
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter


def make_table(columns: tuple[str, ...], name: str, accessible: str, description: str,
               parent: QWidget) -> QTableWidget:
    """First column stretches; the others fit their contents. ``columns``: the English
    headers (translated here); ``accessible``/``description``: already translated."""
    table = QTableWidget(0, len(columns), parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setAccessibleDescription(description)
    table.setHorizontalHeaderLabels([translate(HEADER_CONTEXT, column) if column else ""
                                     for column in columns])
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the table (arrow keys move within it), so the buttons after it are reached.
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(columns)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def number_item(text: str) -> QTableWidgetItem:
    """A cell that shows a number (a size, a count), aligned as numbers are."""
    item = QTableWidgetItem(text)
    item.setTextAlignment(NUMBER_ALIGNMENT)
    return item


def select_row(table: QTableWidget, row: int) -> None:
    """Select ``row`` (and make it current). QTableView.selectRow selects nothing in a
    right-to-left table (Qt 6, measured here), so the selection would be lost in Arabic."""
    flags = QItemSelectionModel.SelectionFlag
    table.selectionModel().setCurrentIndex(table.model().index(row, 0),
                                           flags.ClearAndSelect | flags.Rows)
