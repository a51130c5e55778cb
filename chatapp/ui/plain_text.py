"""Showing names from files (GGUF metadata, file names, chat titles) as the text they are.

Qt reads a label's or tooltip's text as HTML when it merely looks like HTML, so a model
named ``<img src=…>`` or a chat titled ``<b>`` would be rendered. Labels that show such
names are set to plain text; where rich text is needed (links in a placeholder) or
cannot be switched off (tooltips), names are escaped with these.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def escaped(text: str) -> str:
    """``text`` for use inside HTML."""
    return html.escape(text, quote=True)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly (line breaks kept)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + escaped(text) + "</p>"


def plain_label(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_question(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask Yes / Cancel (Cancel the default) with ``text`` shown exactly; True for Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes
