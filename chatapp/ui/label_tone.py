"""Notes that warn or report an error, in the current theme's colours.

A colour written into a label's style sheet stays when the theme changes: a dark red that
reads well on white is hard to read on the dark theme. A toned label is styled from the
theme's colours and again after every change of theme (ui/theme.py's ``changed``).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel

from chatapp.ui import theme

# Amber, as the light and the dark theme's notices are tinted; the themes have no text
# colour of their own for a warning.
WARNING_LIGHT = "#a15c00"
WARNING_DARK = "#f0b45a"
ERROR_WITHOUT_THEME = "#b3261e"


class Tone(enum.Enum):
    NORMAL = "normal"
    QUIET = "quiet"  # secondary: what the input holds, the memory a job needs
    WARNING = "warning"
    ERROR = "error"


def set_tone(label: QLabel, tone: Tone) -> None:
    """Show ``label`` in ``tone``, now and after every change of theme."""
    keeper = label.findChild(_ToneKeeper, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        keeper = _ToneKeeper(label)
    keeper.tone = tone
    keeper.restyle()


def tone_of(label: QLabel) -> Tone:
    keeper = label.findChild(_ToneKeeper, "", Qt.FindChildOption.FindDirectChildrenOnly)
    return keeper.tone if keeper is not None else Tone.NORMAL


def style_for(tone: Tone) -> str:
    """The style sheet that shows a label in ``tone`` under the current theme."""
    controller = theme.current()
    colours = controller.colours if controller is not None else None
    if tone is Tone.QUIET:
        return "color: palette(placeholder-text);"
    if tone is Tone.WARNING:
        dark = colours is not None and colours.dark
        return f"color: {WARNING_DARK if dark else WARNING_LIGHT};"
    if tone is Tone.ERROR:
        return f"color: {colours.error if colours is not None else ERROR_WITHOUT_THEME};"
    return ""


class _ToneKeeper(QObject):
    """The label's child: its connection to the theme ends when the label is deleted."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self._label = label
        self.tone = Tone.NORMAL
        controller = theme.current()
        if controller is not None:
            controller.changed.connect(self.restyle)

    def restyle(self) -> None:
        self._label.setStyleSheet(style_for(self.tone))
