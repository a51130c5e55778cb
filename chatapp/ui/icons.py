"""The app's icons: one name per action, drawn from QtAwesome's Material Design set.

Material Design Icons are under the Apache 2.0 license (QtAwesome bundles them as a font).
Each icon is painted in the palette's colour at the moment it is drawn, so the icons follow
a theme that changes while the app runs (ui/theme.py) without any widget setting them again.
"""

from __future__ import annotations

import enum
import os
from functools import cache

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication


class Icon(enum.StrEnum):
    """What an icon stands for, and the Material Design glyph that shows it."""

    SEND = "mdi6.send"
    STOP = "mdi6.stop-circle-outline"
    REGENERATE = "mdi6.refresh"
    COPY = "mdi6.content-copy"
    EDIT = "mdi6.pencil-outline"
    BRANCH = "mdi6.source-branch"
    ATTACH = "mdi6.paperclip"
    SETTINGS = "mdi6.cog-outline"
    MODELS = "mdi6.cube-outline"
    NEW_CHAT = "mdi6.square-edit-outline"
    SEARCH = "mdi6.magnify"
    DELETE = "mdi6.trash-can-outline"
    CLOSE = "mdi6.close"
    DOWNLOAD = "mdi6.download-outline"
    FOLDER = "mdi6.folder-outline"
    DOCUMENTS = "mdi6.file-document-multiple-outline"
    EXPORT = "mdi6.export"
    IMPORT = "mdi6.import"
    PAUSE = "mdi6.pause"
    RESUME = "mdi6.play"
    CANCEL = "mdi6.cancel"
    KEYBOARD = "mdi6.keyboard-outline"
    THINKING = "mdi6.lightbulb-on-outline"
    REMOTE = "mdi6.server-network"
    BATCH = "mdi6.table-arrow-right"
    INFO = "mdi6.information-outline"
    WARNING = "mdi6.alert-outline"
    PREVIOUS = "mdi6.chevron-left"
    NEXT = "mdi6.chevron-right"
    ZOOM_IN = "mdi6.format-font-size-increase"
    ZOOM_OUT = "mdi6.format-font-size-decrease"
    ADD = "mdi6.plus"
    REMOVE = "mdi6.minus"


# Glyphs that point the way text runs: drawn mirrored when the layout runs right to left.
# (PREVIOUS and NEXT mean earlier and later, whose side their users choose.)
_MIRRORED_RIGHT_TO_LEFT = frozenset({Icon.SEND})


def icon(name: Icon, *, turned: float = 0.0) -> QIcon:
    """The icon for ``name``, in the current palette's text colour (muted when disabled),
    ``turned`` clockwise by so many degrees (a chevron pointing down)."""
    return QIcon(_PaletteIconEngine(name, turned))


class _PaletteIconEngine(QIconEngine):
    def __init__(self, name: Icon, turned: float) -> None:
        super().__init__()
        self._name = name
        self._turned = turned

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        palette = QApplication.palette()
        group = (QPalette.ColorGroup.Disabled if mode == QIcon.Mode.Disabled
                 else QPalette.ColorGroup.Active)
        colour = palette.color(group, QPalette.ColorRole.ButtonText)
        glyph = _glyph(self._name, colour.name(QColor.NameFormat.HexArgb))
        painter.save()
        centre = QRectF(rect).center()
        painter.translate(centre)
        if (self._name in _MIRRORED_RIGHT_TO_LEFT
                and QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft):
            painter.scale(-1, 1)
        painter.rotate(self._turned)
        painter.translate(-centre)
        glyph.paint(painter, rect)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        try:
            self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        finally:
            painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return _PaletteIconEngine(self._name, self._turned)


@cache
def _glyph(name: Icon, colour: str) -> QIcon:
    # QtAwesome speaks to Qt through QtPy, which must be told which binding this is.
    os.environ.setdefault("QT_API", "pyside6")
    import qtawesome

    made: QIcon = qtawesome.icon(str(name), color=colour, color_disabled=colour)
    return made
