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
from chatapp.i18n import QT_TRANSLATE_NOOP, translate
from chatapp.models.catalog import Catalog, CatalogEntry, ModelKind
from chatapp.models.fit import fit_for_entry
from chatapp.models.speed_estimate import WeightsProfile
from chatapp.ui.icons import Icon, icon
from chatapp.ui.model_manager.fit_badge import FitBadge
from chatapp.ui.model_manager.speed_column import SPEED_HEADER, SpeedLabel, SpeedSource
from chatapp.ui.model_manager.tables import HEADER_CONTEXT, make_table, number_item
from chatapp.ui.plain_text import plain_label
from chatapp.vocabulary import KvCacheType

COLUMNS = (QT_TRANSLATE_NOOP("ModelTables", "Model"),
           QT_TRANSLATE_NOOP("ModelTables", "Parameters"),
           QT_TRANSLATE_NOOP("ModelTables", "Quantization"),
           QT_TRANSLATE_NOOP("ModelTables", "Download"),
           QT_TRANSLATE_NOOP("ModelTables", "Memory"),
           QT_TRANSLATE_NOOP("ModelTables", "Fits?"),
           SPEED_HEADER,
           QT_TRANSLATE_NOOP("ModelTables", "Answers"),
           QT_TRANSLATE_NOOP("ModelTables", "License"),
           "")
FIT_COLUMN = COLUMNS.index("Fits?")
SPEED_COLUMN = COLUMNS.index(SPEED_HEADER)
ANSWERS_COLUMN = COLUMNS.index("Answers")
LICENSE_COLUMN = COLUMNS.index("License")
ACTION_COLUMN = len(COLUMNS) - 1
_NUMBER_COLUMNS = (1, 3, 4)  # parameters, download size, memory

# English, as the tests compare them; shown through translate("RecommendedTab", ...).
THINKS_TAG = QT_TRANSLATE_NOOP("RecommendedTab", "Thinks before answering")
DIRECT_TAG = QT_TRANSLATE_NOOP("RecommendedTab", "Directly")
THINKS_EXPLANATION = QT_TRANSLATE_NOOP(
    "RecommendedTab",
    "This model reasons step by step before it replies: better at hard questions, "
    "but the answer starts later.")
DIRECT_EXPLANATION = QT_TRANSLATE_NOOP("RecommendedTab",
                                       "This model starts its answer straight away.")
EMBEDDING_TAG = QT_TRANSLATE_NOOP("RecommendedTab", "For Local documents")
EMBEDDING_EXPLANATION = QT_TRANSLATE_NOOP(
    "RecommendedTab",
    "An embedding model: Local documents uses it to find passages by meaning. It does not "
    "chat.")
INSTALLED_EMBEDDING = QT_TRANSLATE_NOOP("RecommendedTab", "Installed")


def answers_tag(entry: CatalogEntry) -> str:
    """How the model answers, as the Answers column shows it."""
    if entry.kind is ModelKind.EMBEDDING:
        return translate("RecommendedTab", EMBEDDING_TAG)
    return translate("RecommendedTab", THINKS_TAG if entry.reasoning else DIRECT_TAG)


def explanation(entry: CatalogEntry) -> str:
    if entry.kind is ModelKind.EMBEDDING:
        return translate("RecommendedTab", EMBEDDING_EXPLANATION)
    return translate("RecommendedTab",
                     THINKS_EXPLANATION if entry.reasoning else DIRECT_EXPLANATION)


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
        intro = plain_label(QLabel(translate(
            "RecommendedTab",
            "Chat models chosen for computers without a graphics card, smallest first. The "
            "badge says whether each fits this computer's memory; hover it for the numbers. "
            "\u201c{speed}\u201d says how fast each would answer on this computer: "
            "predicted, or measured once it has answered here. "
            "Models marked \u201c{thinks}\u201d reason first: better at hard questions, "
            "slower to start replying. Models marked \u201c{embedding}\u201d do not chat: "
            "they let Local documents find passages by meaning, not only by their words.")
            .format(speed=translate(HEADER_CONTEXT, SPEED_HEADER),
                    thinks=translate("RecommendedTab", THINKS_TAG),
                    embedding=translate("RecommendedTab", EMBEDDING_TAG)), self))
        intro.setObjectName("recommendedIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = make_table(
            COLUMNS, "catalogTable", translate("RecommendedTab", "Recommended models"),
            translate("RecommendedTab", "One row per recommended model, smallest first: its "
                      "size, the memory it needs, whether it fits, its speed here and a "
                      "button to download or load it."), self,
            # Words that wrap (a long licence's name) give way before the model's name.
            shrinkable=(ANSWERS_COLUMN, LICENSE_COLUMN))
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
                item = number_item(value) if column in _NUMBER_COLUMNS \
                    else QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                about = f"{entry.shown_description}\n{said}\n{entry.repo}/{entry.file}"
                # A licence's name may be elided in its narrowed column: whole here.
                item.setToolTip(f"{entry.license}\n{about}" if column == LICENSE_COLUMN
                                else about)
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
        file_name = entry.file.rsplit("/", 1)[-1]
        if file_name in self.installed and entry.kind is ModelKind.EMBEDDING:
            # Local documents loads it; it is never a chat model.
            button.setText(translate("RecommendedTab", INSTALLED_EMBEDDING))
            button.setEnabled(False)
            button.setToolTip(translate("RecommendedTab",
                                        "Installed: Local documents can use it"))
        elif file_name in self.installed:
            button.setText(translate("RecommendedTab", "Load"))
            button.clicked.connect(lambda: self.load_requested.emit(entry))
        elif file_name in self.downloading:
            button.setText(translate("RecommendedTab", "Downloading…"))
            button.setEnabled(False)
        else:
            button.setText(translate("RecommendedTab", "Download"))
            button.setIcon(icon(Icon.DOWNLOAD))
            button.clicked.connect(lambda: self.download_requested.emit(entry))
        # The row's button alone would read "Download": the name says which model.
        button.setAccessibleName(translate("RecommendedTab", "{action}: {model}").format(
            action=button.text(), model=entry.name))
        button.setAccessibleDescription(
            translate("RecommendedTab", "{model}: {answers}").format(
                model=entry.name, answers=answers_tag(entry)))
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
