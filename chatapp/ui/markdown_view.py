"""Widgets for rendered reply text: Markdown prose, and code blocks with a copy button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from chatapp.rendering.code_highlight import plain_html
from chatapp.rendering.markdown_blocks import Block
from chatapp.ui.highlighter import highlighter


def is_dark_theme() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


class WrappedLabel(QLabel):
    """A word-wrapped label that remembers its height for each width.

    Qt's layouts ask every label for its height at a width on each change anywhere in
    the conversation, and QLabel answers by laying its whole text out again: while a
    reply streamed, that cost grew with every finished paragraph above it, until the
    UI thread did nothing else. The text changes only through setText (or a new font
    or style), which forgets what was remembered.
    """

    _REMEMBERED_WIDTHS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        self._heights.clear()
        super().setText(text)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= self._REMEMBERED_WIDTHS:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


class ProseLabel(WrappedLabel):
    """A paragraph (or several) of Markdown, selectable like text in a document."""

    def __init__(self, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prose")
        self.setTextFormat(Qt.TextFormat.MarkdownText)
        self.setOpenExternalLinks(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setText(markdown)


class PlainLabel(WrappedLabel):
    """Text as it streams in: plain, so each update costs only a re-layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prose")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)


class CodeBlock(QFrame):
    """Highlighted code that scrolls sideways, with its language and a Copy button."""

    def __init__(self, code: str, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeBlock")
        self.code = code
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        header = QWidget(self)
        header.setObjectName("codeHeader")
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(10, 2, 4, 2)
        language_label = QLabel(language or "code", header)
        language_label.setTextFormat(Qt.TextFormat.PlainText)  # from the reply, not ours
        language_label.setObjectName("codeLanguage")
        self.copy_button = QPushButton("Copy", header)
        self.copy_button.setObjectName("copyCode")
        self.copy_button.setToolTip("Copy this code to the clipboard")
        self.copy_button.setAccessibleName(f"Copy {language or 'code'} block")
        self.copy_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        header_layout.addWidget(language_label)
        header_layout.addStretch(1)
        header_layout.addWidget(self.copy_button)
        layout.addWidget(header)

        body = QLabel(self)
        body.setObjectName("codeBody")
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        body.setText(plain_html(code))  # at once; the colours follow (ui/highlighter.py)
        body.setContentsMargins(10, 6, 10, 6)
        scroller = QScrollArea(self)
        scroller.setObjectName("codeScroll")
        scroller.setWidget(body)
        scroller.setWidgetResizable(False)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.adjustSize()
        self._body = body
        self._scroller = scroller
        self._fit_height()
        layout.addWidget(scroller)
        self.highlighted = False
        if language:
            self._cancel = highlighter().request(code, language, is_dark_theme(),
                                                 self._show_highlighted)
            self.destroyed.connect(self._cancel)

    def _show_highlighted(self, html: str) -> None:
        self._body.setText(html)
        self._body.adjustSize()
        self._fit_height()
        self.highlighted = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the code, plus the sideways scroll bar only when it shows."""
        needs_bar = self._body.width() > self._scroller.viewport().width()
        bar = self._scroller.horizontalScrollBar().sizeHint().height() if needs_bar else 0
        height = self._body.height() + bar + 2
        if height != self._scroller.height():  # a resize would come back here
            self._scroller.setFixedHeight(height)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.code)
        self.copy_button.setText("Copied")
        QTimer.singleShot(1500, self.copy_button, lambda: self.copy_button.setText("Copy"))


def block_widget(block: Block, parent: QWidget | None = None) -> QWidget:
    if block.kind == "code":
        return CodeBlock(block.text, block.language, parent)
    return ProseLabel(block.text, parent)
