"""Rendered reply text: a wrapped label's remembered heights follow its text and font."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from chatapp.ui.markdown_view import PlainLabel, ProseLabel

LONG = " ".join(["a fairly ordinary sentence of words"] * 40)


def reference_height(text: str, width: int, label: QLabel) -> int:
    """What a plain QLabel with the same settings answers (it remembers nothing)."""
    plain = QLabel()
    plain.setWordWrap(True)
    plain.setTextFormat(label.textFormat())
    plain.setFont(label.font())
    plain.setText(text)
    return plain.heightForWidth(width)


def test_heights_follow_the_text(qtbot: QtBot) -> None:
    label = PlainLabel()
    qtbot.addWidget(label)
    label.setText("short")
    short = label.heightForWidth(300)
    assert label.heightForWidth(300) == short  # asked again: the same answer
    label.setText(LONG)
    tall = label.heightForWidth(300)
    assert tall > 3 * short  # the new text's height, not the remembered one
    assert tall == reference_height(LONG, 300, label)
    assert label.heightForWidth(600) < tall  # each width has its own height
    assert label.heightForWidth(300) == tall


def test_heights_follow_the_font(qtbot: QtBot) -> None:
    label = ProseLabel(LONG)
    qtbot.addWidget(label)
    before = label.heightForWidth(400)
    bigger = QFont(label.font())
    bigger.setPointSizeF(label.font().pointSizeF() * 2)
    label.setFont(bigger)
    after = label.heightForWidth(400)
    assert after > before
    assert after == reference_height(LONG, 400, label)
