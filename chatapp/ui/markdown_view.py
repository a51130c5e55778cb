"""Widgets for rendered reply text: Markdown prose, and code blocks with a copy button."""

from __future__ import annotations

from collections.abc import Callable

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

from chatapp.i18n import translate
from chatapp.rendering.code_highlight import plain_html
from chatapp.rendering.markdown_blocks import Block
from chatapp.ui import theme
from chatapp.ui.highlighter import highlighter
from chatapp.ui.icons import Icon, icon


def is_dark_theme() -> bool:
    """Whether the theme shown is dark: the one chosen in Settings, else the system's."""
    controller = theme.current()
    if controller is not None:
        return controller.is_dark()
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


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
        # The language's name is from the reply, not ours: only "code" is translated.
        shown_language = language or translate("CodeBlock", "code")
        language_label = QLabel(shown_language, header)
        language_label.setTextFormat(Qt.TextFormat.PlainText)
        language_label.setObjectName("codeLanguage")
        self.copy_button = QPushButton(icon(Icon.COPY), translate("CodeBlock", "Copy"), header)
        self.copy_button.setObjectName("copyCode")
        self.copy_button.setToolTip(translate("CodeBlock", "Copy this code to the clipboard"))
        self.copy_button.setAccessibleName(
            translate("CodeBlock", "Copy {language} block").format(language=shown_language))
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
        # Monospace at the chat's size: the style sheet sets both (ui/theme.py); this is
        # the font for an app without it.
        body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        body.setAccessibleName(translate("CodeBlock", "Code"))
        # Code reads left to right in every language (its lines do not mirror).
        body.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        body.setText(plain_html(code))  # at once; the colours follow (ui/highlighter.py)
        body.setContentsMargins(10, 6, 10, 6)
        scroller = QScrollArea(self)
        scroller.setObjectName("codeScroll")
        scroller.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        scroller.setWidget(body)
        scroller.setWidgetResizable(False)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.adjustSize()
        self._body = body
        self._scroller = scroller
        self._fit_height()
        layout.addWidget(scroller)
        self.language = language
        self.highlighted = False
        self.dark: bool | None = None  # the theme the colours shown are for
        # The cancel of the request in flight; a list the lambda holds, not the block
        # (its wrapper is gone when destroyed is emitted).
        self._pending: list[Callable[[], None]] = []
        pending = self._pending
        self.destroyed.connect(lambda: _cancel_all(pending))
        self._highlight()
        controller = theme.current()
        if controller is not None:
            # Dark code on a light page (or the reverse) after a theme change: again.
            controller.changed.connect(self._highlight)

    def _highlight(self) -> None:
        dark = is_dark_theme()
        if not self.language or dark == self.dark:
            return
        self.dark = dark
        _cancel_all(self._pending)
        self._pending.append(highlighter().request(self.code, self.language, dark,
                                                   self._show_highlighted))

    def _show_highlighted(self, html: str) -> None:
        self._pending.clear()
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
        self.copy_button.setText(translate("CodeBlock", "Copied"))
        QTimer.singleShot(1500, self.copy_button,
                          lambda: self.copy_button.setText(translate("CodeBlock", "Copy")))


def _cancel_all(pending: list[Callable[[], None]]) -> None:
    for cancel in pending:
        cancel()
    pending.clear()


def block_widget(block: Block, parent: QWidget | None = None) -> QWidget:
    if block.kind == "code":
        return CodeBlock(block.text, block.language, parent)
    return ProseLabel(block.text, parent)
