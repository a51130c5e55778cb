"""The read-only, row-selecting tables the Models pane uses throughout."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
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

# The name column keeps room for this many average characters ("Qwen2.5 1.5B Instruct")
# before it gives up width to the other columns.
NAME_MIN_CHARS = 24
# Room the item view takes around a cell's text (its margins and the focus frame).
_CELL_PADDING = 12


class FittedTable(QTableWidget):
    """A table whose first column, the name, stays readable at any width.

    While there is room, every column fits its contents and the name takes the rest. When
    there is not (a narrow window, a long licence, a deep folder, a language with longer
    words), the columns marked shrinkable give up width first: their text wraps onto a
    second line, then elides (the cell's tooltip has it whole). Only then is the name
    column narrowed to its minimum and the table scrolls sideways. Qt's own Stretch mode
    instead squeezes the stretching column to nothing once the others fill the table.
    """

    def __init__(self, rows: int, columns: int, shrinkable: tuple[int, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.shrinkable = tuple(c for c in shrinkable if 0 < c < columns)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(columns):
            fixed = column == 0 or column in self.shrinkable
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed if fixed
                                        else QHeaderView.ResizeMode.ResizeToContents)
        # Many cells change at once when a table is filled: fit once, after them all. The
        # timer is the table's child, so it dies with it (a bare singleShot outlives it).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit_columns)
        header.sectionResized.connect(self._other_column_resized)
        model = self.model()
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved,
                       model.modelReset, model.layoutChanged, model.headerDataChanged):
            signal.connect(self._schedule_refit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def _other_column_resized(self, column: int, _old: int, _new: int) -> None:
        # A content-sized column changed (a cell's text or widget did): the room left for
        # the name and the shrinkable columns changed with it. Our own columns' changes
        # come from fit_columns itself.
        if column != 0 and column not in self.shrinkable:
            self._schedule_refit()

    def _schedule_refit(self, *_args: object) -> None:
        self._refit.start()

    def fit_columns(self) -> None:
        """Share the viewport's width out between the columns (see the class)."""
        header = self.horizontalHeader()
        shown = [c for c in range(self.columnCount()) if not header.isSectionHidden(c)]
        if 0 not in shown:
            return
        others = sum(header.sectionSize(c) for c in shown
                     if c != 0 and c not in self.shrinkable)
        room = self.viewport().width() - others
        natural = {c: max(header.sectionSizeHint(c), self.sizeHintForColumn(c))
                   for c in self.shrinkable if c in shown}
        floor = {c: min(natural[c], max(header.sectionSizeHint(c), self._wrapped_width(c)))
                 for c in natural}
        name_natural = max(header.sectionSizeHint(0), self.sizeHintForColumn(0))
        name_min = min(name_natural, max(
            header.sectionSizeHint(0),
            NAME_MIN_CHARS * self.fontMetrics().averageCharWidth() + _CELL_PADDING))
        widths = dict(natural)
        wanted, least = sum(natural.values()), sum(floor.values())
        if room - name_min < wanted:
            share = max(room - name_min, least)
            ratio = (share - least) / (wanted - least) if wanted > least else 0.0
            widths = {c: floor[c] + int((natural[c] - floor[c]) * ratio) for c in natural}
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.resizeSection(0, max(name_min, room - sum(widths.values())))

    def _wrapped_width(self, column: int) -> int:
        """The least width at which every cell of ``column`` shows whole in two lines (a
        row holds two: the speed column's label has two)."""
        needed = 0
        for row in range(self.rowCount()):
            item = self.item(row, column)
            if item is None or not item.text():
                continue
            metrics = QFontMetrics(item.font())
            words = item.text().split()
            if len(words) < 2:
                # One word (a folder's path): the view breaks it anywhere, near its middle.
                needed = max(needed, (metrics.horizontalAdvance(item.text()) + 1) // 2
                             + metrics.averageCharWidth())
                continue
            # The best place to break the line between two words.
            needed = max(needed, min(
                max(metrics.horizontalAdvance(" ".join(words[:split])),
                    metrics.horizontalAdvance(" ".join(words[split:])))
                for split in range(1, len(words))))
        return needed + _CELL_PADDING if needed else 0


def make_table(columns: tuple[str, ...], name: str, accessible: str, description: str,
               parent: QWidget | None, *, shrinkable: tuple[int, ...] = ()) -> FittedTable:
    """A FittedTable: the first column is the name; ``shrinkable`` columns wrap and elide
    before it is narrowed. ``columns``: the English headers (translated here);
    ``accessible``/``description``: already translated."""
    table = FittedTable(0, len(columns), shrinkable, parent)
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
