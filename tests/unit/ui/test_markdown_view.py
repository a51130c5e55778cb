"""Rendered reply text: a wrapped label's remembered heights follow its text and font."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from chatapp.rendering.code_highlight import plain_html
from chatapp.ui.markdown_view import CodeBlock, PlainLabel, ProseLabel

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


def test_code_shows_at_once_and_its_colours_follow_from_another_thread(qtbot: QtBot) -> None:
    code = "def f(x):\n    return x < 1\n" * 2000  # long: seconds of Pygments
    block = CodeBlock(code, "python")
    qtbot.addWidget(block)
    body = block.findChild(QLabel, "codeBody")
    assert body is not None
    assert body.text() == plain_html(code) and not block.highlighted
    qtbot.waitUntil(lambda: block.highlighted, timeout=60_000)
    assert "color" in body.text() and "&lt;" in body.text()


def test_untagged_code_is_not_guessed(qtbot: QtBot) -> None:
    block = CodeBlock("SELECT * FROM t WHERE a < 2;", "")
    qtbot.addWidget(block)
    qtbot.wait(100)
    body = block.findChild(QLabel, "codeBody")
    assert body is not None and body.text() == "<pre>SELECT * FROM t WHERE a &lt; 2;</pre>"
    assert not block.highlighted


def test_a_block_deleted_before_its_colours_arrive_is_left_alone(qtbot: QtBot) -> None:
    block = CodeBlock("x = 1\n" * 5000, "python")
    block.deleteLater()
    qtbot.wait(50)
    later = CodeBlock("y = 2", "python")  # the highlighter still works afterwards
    qtbot.addWidget(later)
    qtbot.waitUntil(lambda: later.highlighted, timeout=60_000)
