"""The "will it fit" badge: green, amber or red, with the numbers on hover."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from chatapp.i18n import translate
from chatapp.models.fit import Fit, MemoryFit
from chatapp.ui.plain_text import plain_tooltip

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
            self.setAccessibleName(translate("FitBadge", "Memory fit: unknown"))
            self.setAccessibleDescription("")
            return
        # fit.label and fit.explanation come translated from chatapp.models.fit.
        text = translate("FitBadge", "{fit} (est.)").format(fit=fit.label) if fit.estimated \
            else fit.label
        self._show(text, fit.fit)
        self.setToolTip(fit.explanation)
        self.setAccessibleDescription(fit.explanation)

    def set_problem(self, problem: str) -> None:
        """The file cannot be used at all: says so, with the reason on hover."""
        self._show(translate("FitBadge", "Unusable"), Fit.TOO_LARGE)
        self.setToolTip(plain_tooltip(problem))
        self.setAccessibleDescription(problem)

    def _show(self, text: str, fit: Fit) -> None:
        self.setText(text)
        self.setAccessibleName(translate("FitBadge", "Memory fit: {fit}").format(fit=text))
        colour, background = _COLOURS[fit]
        self.setStyleSheet(f"color: {colour}; background: {background}; border-radius: 8px;"
                           " padding: 1px 8px; font-weight: 600;")
