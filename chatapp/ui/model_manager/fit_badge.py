"""The "will it fit" badge: green, amber or red, with the numbers on hover."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from chatapp.models.fit import Fit, MemoryFit

_COLOURS = {
    Fit.FITS: ("#1a7f37", "#e6f4ea"),
    Fit.TIGHT: ("#9a6700", "#fff4d6"),
    Fit.TOO_LARGE: ("#b42318", "#fdecea"),
}


class FitBadge(QLabel):
    def __init__(self, fit: MemoryFit | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fitBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_fit(fit)

    def set_fit(self, fit: MemoryFit | None) -> None:
        if fit is None:
            self.setText("")
            self.setToolTip("")
            self.setStyleSheet("")
            return
        text = f"{fit.label}{' (est.)' if fit.estimated else ''}"
        self.setText(text)
        self.setAccessibleName(f"Memory fit: {text}")
        self.setToolTip(fit.explanation)
        colour, background = _COLOURS[fit.fit]
        self.setStyleSheet(f"color: {colour}; background: {background}; border-radius: 8px;"
                           " padding: 1px 8px; font-weight: 600;")
