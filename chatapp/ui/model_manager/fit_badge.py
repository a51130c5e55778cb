"""The "will it fit" badge: green, amber or red, with the numbers on hover."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from chatapp.i18n import translate
from chatapp.models.fit import Fit, MemoryFit
from chatapp.ui import theme
from chatapp.ui.plain_text import plain_tooltip

# (text, chip) per fit and theme: a pale chip on the light theme, a deep one on the dark
# (the light chips glared there). Both pairs keep the text above 4.5:1 on its chip.
LIGHT_COLOURS = {
    Fit.FITS: ("#18772f", "#e6f4ea"),
    Fit.TIGHT: ("#8f5f00", "#fff4d6"),
    Fit.TOO_LARGE: ("#b42318", "#fdecea"),
}
DARK_COLOURS = {
    Fit.FITS: ("#7ee2a0", "#1b3a26"),
    Fit.TIGHT: ("#f0b45a", "#453a1a"),
    Fit.TOO_LARGE: ("#ff8a80", "#4a2220"),
}


class FitBadge(QLabel):
    def __init__(self, fit: MemoryFit | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fitBadge")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._fit: Fit | None = None  # the fit shown, for a change of theme
        controller = theme.current()
        if controller is not None:
            controller.changed.connect(self._restyle)
        self.set_fit(fit)

    def set_fit(self, fit: MemoryFit | None) -> None:
        if fit is None:
            self._fit = None
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
        self._fit = fit
        self._restyle()

    def _restyle(self) -> None:
        if self._fit is None:
            return
        controller = theme.current()
        dark = controller is not None and controller.is_dark()
        colour, background = (DARK_COLOURS if dark else LIGHT_COLOURS)[self._fit]
        self.setStyleSheet(f"color: {colour}; background: {background}; border-radius: 8px;"
                           " padding: 1px 8px; font-weight: 600;")
