"""Recommended models: the curated catalog, each with its size, memory needs and fit.

Models that reason before they answer are marked: their reply starts after a thinking phase
the user waits through (better at hard questions, slower to begin), so it is said up front.
Embedding models are listed too, marked as for Local documents: they are downloaded here but
never loaded for chat.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatapp.formatting import format_bytes, format_parameters
from chatapp.hardware import Hardware
from chatapp.models.catalog import Catalog, CatalogEntry, ModelKind
from chatapp.models.fit import fit_for_entry
from chatapp.models.speed_estimate import WeightsProfile
from chatapp.ui.model_manager.fit_badge import FitBadge
from chatapp.ui.model_manager.speed_column import SPEED_HEADER, SpeedLabel, SpeedSource
from chatapp.ui.model_manager.tables import make_table
from chatapp.vocabulary import KvCacheType

COLUMNS = ("Model", "Parameters", "Quantization", "Download", "Memory", "Fits?",
           SPEED_HEADER, "Answers", "License", "")
FIT_COLUMN = COLUMNS.index("Fits?")
SPEED_COLUMN = COLUMNS.index(SPEED_HEADER)
ANSWERS_COLUMN = COLUMNS.index("Answers")
ACTION_COLUMN = len(COLUMNS) - 1

THINKS_TAG = "Thinks before answering"
DIRECT_TAG = "Directly"
THINKS_EXPLANATION = (
    "This model reasons step by step before it replies: better at hard questions, "
    "but the answer starts later.")
DIRECT_EXPLANATION = "This model starts its answer straight away."
EMBEDDING_TAG = "For Local documents"
EMBEDDING_EXPLANATION = (
    "An embedding model: Local documents uses it to find passages by meaning. It does not "
    "chat.")
INSTALLED_EMBEDDING = "Installed"


def answers_tag(entry: CatalogEntry) -> str:
    """How the model answers, as the Answers column shows it."""
    if entry.kind is ModelKind.EMBEDDING:
        return EMBEDDING_TAG
    return THINKS_TAG if entry.reasoning else DIRECT_TAG


def explanation(entry: CatalogEntry) -> str:
    if entry.kind is ModelKind.EMBEDDING:
        return EMBEDDING_EXPLANATION
    return THINKS_EXPLANATION if entry.reasoning else DIRECT_EXPLANATION


class RecommendedTab(QWidget):
    download_requested = Signal(object)  # CatalogEntry
    load_requested = Signal(object)  # CatalogEntry

    def __init__(self, catalog: Catalog, hardware: Hardware,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.hardware = hardware
        self.kv_cache_type = KvCacheType.F16  # the user's, for the fit (ModelsPane)
        self.speeds: SpeedSource | None = None  # predicted speeds (ModelsPane)
        self.installed: set[str] = set()  # file names in the models folder
        self.downloading: set[str] = set()
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Chat models chosen for computers without a graphics card, smallest first. The "
            "badge says whether each fits this computer's memory; hover it for the numbers. "
            f"\u201c{SPEED_HEADER}\u201d says how fast each would answer on this computer: "
            "predicted, or measured once it has answered here. "
            f"Models marked \u201c{THINKS_TAG}\u201d reason first: better at hard questions, "
            f"slower to start replying. Models marked \u201c{EMBEDDING_TAG}\u201d do not chat: "
            "they let Local documents find passages by meaning, not only by their words.",
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = make_table(COLUMNS, "catalogTable", "Recommended models", self)
        layout.addWidget(self.table, 1)
        self.fill()

    def fill(self) -> None:
        """Show the catalog's rows (again when the user's KV cache type changed)."""
        entries = sorted(self.catalog, key=lambda e: e.size_bytes)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            fit = fit_for_entry(entry, self.hardware, kv_cache_type=self.kv_cache_type)
            values = (entry.name, format_parameters(entry.parameters), entry.quantization,
                      format_bytes(entry.size_bytes),
                      format_bytes(fit.needed_bytes, binary=True), "",
                      "—" if entry.kind is ModelKind.EMBEDDING else "", answers_tag(entry),
                      entry.license, "")
            said = explanation(entry)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                item.setToolTip(f"{entry.description}\n{said}\n{entry.repo}/{entry.file}")
                self.table.setItem(row, column, item)
            answers = self.table.item(row, ANSWERS_COLUMN)
            if answers is not None and entry.reasoning:
                font = answers.font()
                font.setBold(True)
                answers.setFont(font)
            self.table.setCellWidget(row, FIT_COLUMN, FitBadge(fit))
            if self.speeds is not None and entry.kind is not ModelKind.EMBEDDING:
                self.table.setCellWidget(row, SPEED_COLUMN, SpeedLabel(self.speeds.speed(
                    WeightsProfile.from_catalog(entry), sha256=entry.sha256,
                    file_name=entry.file.rsplit("/", 1)[-1], size_bytes=entry.size_bytes)))
            self.table.setCellWidget(row, ACTION_COLUMN, self._action_button(entry))

    def _action_button(self, entry: CatalogEntry) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(f"catalog-{entry.id}")
        if entry.file.rsplit("/", 1)[-1] in self.installed \
                and entry.kind is ModelKind.EMBEDDING:
            # Local documents loads it; it is never a chat model.
            button.setText(INSTALLED_EMBEDDING)
            button.setEnabled(False)
            button.setToolTip("Installed: Local documents can use it")
        elif entry.file.rsplit("/", 1)[-1] in self.installed:
            button.setText("Load")
            button.clicked.connect(lambda: self.load_requested.emit(entry))
        elif entry.file.rsplit("/", 1)[-1] in self.downloading:
            button.setText("Downloading…")
            button.setEnabled(False)
        else:
            button.setText("Download")
            button.clicked.connect(lambda: self.download_requested.emit(entry))
        button.setAccessibleName(f"{button.text()} {entry.name}")
        if entry.reasoning:
            button.setAccessibleDescription(f"{entry.name}: {THINKS_TAG.lower()}")
        return button

    def set_state(self, installed: set[str], downloading: set[str]) -> None:
        """Which catalog files are installed or on their way; updates the buttons."""
        if (installed, downloading) == (self.installed, self.downloading):
            return
        self.installed, self.downloading = set(installed), set(downloading)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            entry = self.catalog.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
            if entry is not None:
                self.table.setCellWidget(row, ACTION_COLUMN, self._action_button(entry))

    def button_for(self, entry_id: str) -> QPushButton | None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == entry_id:
                widget = self.table.cellWidget(row, ACTION_COLUMN)
                return widget if isinstance(widget, QPushButton) else None
        return None
