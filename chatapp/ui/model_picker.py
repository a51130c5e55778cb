"""The model picker above the chat: the installed models, and "Open a model file…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from chatapp.ui.plain_text import plain_tooltip

OPEN_FILE_ITEM = "__open__"


class ModelPicker(QComboBox):
    model_chosen = Signal(object)  # Path
    open_file_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPicker")
        self.setAccessibleName("Model")
        self.setMinimumWidth(320)
        self.setPlaceholderText("No model loaded")
        self._models: list[Path] = []
        self._shown: Path | None = None  # the model loading, else the one loaded
        self.activated.connect(self._activated)

    def set_models(self, models: list[Path]) -> None:
        self._models = list(models)
        self._fill()

    def show_model(self, path: Path | None) -> None:
        """Select the model that is loading, or else loaded (None: none)."""
        self._shown = path
        self._fill()

    def _fill(self) -> None:
        self.blockSignals(True)
        self.clear()
        paths = list(self._models)
        if self._shown is not None and self._shown not in paths:
            paths.append(self._shown)
        for path in paths:
            self.addItem(path.name, str(path))
            self.setItemData(self.count() - 1, plain_tooltip(str(path)),
                             Qt.ItemDataRole.ToolTipRole)
        self.addItem("Open a model file…", OPEN_FILE_ITEM)
        self.setCurrentIndex(self.findData(str(self._shown)) if self._shown else -1)
        self.blockSignals(False)

    def _activated(self, index: int) -> None:
        data = self.itemData(index)
        self._fill()  # shows what is true until the session says otherwise
        if data == OPEN_FILE_ITEM:
            self.open_file_requested.emit()
        elif data and Path(data) != self._shown:
            self.model_chosen.emit(Path(data))
