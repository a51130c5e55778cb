"""The theme: palettes and style sheet applied to the real application, switched live,
following the system's colour scheme, and the text size reaching the chat's widgets."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from chatapp.settings import LIMITS
from chatapp.ui import theme
from chatapp.ui.composer import Composer
from chatapp.ui.conversation_view import ConversationView
from chatapp.ui.markdown_view import CodeBlock, ProseLabel, is_dark_theme
from chatapp.ui.message_widget import MessageWidget
from chatapp.ui.theme import DARK, LIGHT, ThemeController, apply_theme, readable_width
from chatapp.vocabulary import ThemeChoice


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The test's application, its look as before once the test's controller is done."""
    yield qapp
    controller = theme.current()
    if controller is not None:
        controller.release()


def lightness(html: str) -> float:
    """The mean lightness of the colours of a highlighted block's text."""
    colours = [QColor(c).lightness() for c in re.findall(r"color: (#[0-9A-Fa-f]{6})", html)]
    assert colours, html
    return sum(colours) / len(colours)


def window_colour(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


def test_switching_light_to_dark_changes_the_palette_and_the_style_sheet(
        app: QApplication, qtbot: QtBot) -> None:
    controller = ThemeController(app, ThemeChoice.LIGHT)
    assert theme.current() is controller and not controller.is_dark()
    assert window_colour(app) == LIGHT.window
    assert f"background: {LIGHT.user_bubble}" in app.styleSheet()
    with qtbot.waitSignal(controller.changed, timeout=1000):
        controller.set_choice(ThemeChoice.DARK)
    assert controller.choice is ThemeChoice.DARK and controller.is_dark()
    assert window_colour(app) == DARK.window
    assert app.palette().color(QPalette.ColorRole.Text).name() == DARK.text
    assert f"background: {DARK.user_bubble}" in app.styleSheet()
    assert LIGHT.user_bubble not in app.styleSheet()
    # The send button is the accent colour of the theme shown.
    assert f"#sendButton {{ background: {DARK.accent}" in app.styleSheet()
    # A check box's tick is an image the controller drew.
    tick = re.search(r'image: url\("([^"]+)"\)', app.styleSheet())
    assert tick is not None and not QImage(tick.group(1)).isNull()


def test_the_system_theme_follows_the_systems_colour_scheme_live(app: QApplication) -> None:
    # The offscreen platform keeps no colour scheme of its own (setColorScheme leaves it
    # Unknown), so the test sends the signal a desktop sends when its scheme changes.
    hints = QGuiApplication.styleHints()
    controller = ThemeController(app, ThemeChoice.SYSTEM)
    changes: list[bool] = []
    controller.changed.connect(lambda: changes.append(controller.is_dark()))
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert controller.is_dark() and window_colour(app) == DARK.window
    assert is_dark_theme()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not controller.is_dark() and window_colour(app) == LIGHT.window
    assert changes == [True, False]


def test_a_chosen_theme_ignores_the_system(app: QApplication) -> None:
    controller = ThemeController(app, ThemeChoice.LIGHT)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not controller.is_dark() and window_colour(app) == LIGHT.window
    assert not is_dark_theme()


def test_is_dark_theme_answers_for_the_chosen_theme(app: QApplication) -> None:
    assert QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Dark
    ThemeController(app, ThemeChoice.DARK)
    assert is_dark_theme()


def test_one_controller_per_application(app: QApplication) -> None:
    first = ThemeController(app, ThemeChoice.DARK)
    assert apply_theme(app) is first
    second = ThemeController(app, ThemeChoice.LIGHT)
    assert theme.current() is second
    # The first no longer answers the system.
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window_colour(app) == LIGHT.window
    second.release()
    assert theme.current() is None and app.styleSheet() == ""


def test_the_text_size_is_clamped_to_the_settings_limits(app: QApplication) -> None:
    limit = LIMITS["text_size_percent"]
    controller = ThemeController(app, ThemeChoice.LIGHT, text_size_percent=1000)
    assert controller.text_size_percent == limit.high
    controller.set_text_size(1)
    assert controller.text_size_percent == limit.low


def test_the_text_size_scales_the_messages_code_and_message_box(
        app: QApplication, qtbot: QtBot) -> None:
    controller = ThemeController(app, ThemeChoice.LIGHT, text_size_percent=100)
    reply = MessageWidget("assistant", "Some **prose**.\n\n```python\nx = 1\n```\n")
    qtbot.addWidget(reply)
    composer = Composer()
    qtbot.addWidget(composer)
    reply.show()
    composer.show()
    prose = reply.findChild(ProseLabel)
    code = reply.findChild(CodeBlock)
    assert prose is not None and code is not None
    body = code.findChild(QLabel, "codeBody")
    assert body is not None
    before = (prose.font().pointSizeF(), body.font().pointSizeF(),
              composer.edit.font().pointSizeF(), composer.edit.height())
    controller.set_text_size(200)
    after = (prose.font().pointSizeF(), body.font().pointSizeF(),
             composer.edit.font().pointSizeF(), composer.edit.height())
    assert after[0] == pytest.approx(2 * before[0], rel=0.05)
    assert after[1] == pytest.approx(2 * before[1], rel=0.05)
    assert after[2] == pytest.approx(2 * before[2], rel=0.05)
    assert after[3] > before[3]  # the box still shows its lines
    # Code in the system's monospace font.
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    assert body.font().family() == fixed


def test_code_blocks_take_the_new_themes_colours(app: QApplication, qtbot: QtBot) -> None:
    controller = ThemeController(app, ThemeChoice.LIGHT)
    block = CodeBlock("from pathlib import Path\n", "python")
    qtbot.addWidget(block)
    qtbot.waitUntil(lambda: block.highlighted, timeout=5000)
    body = block.findChild(QLabel, "codeBody")
    assert body is not None
    light = body.text()
    assert [block.dark] == [False]  # (a list: mypy would hold the narrowed type after)
    controller.set_choice(ThemeChoice.DARK)
    qtbot.waitUntil(lambda: body.text() != light, timeout=5000)
    assert [block.dark] == [True]
    # Light code on the dark page (it was dark code on the light one).
    assert lightness(light) < 128 < lightness(body.text())
    assert QColor(DARK.code_bg).lightness() < 64
    assert f"#codeScroll, #codeBody {{ background: {DARK.code_bg}" in app.styleSheet()


def test_a_larger_text_size_widens_the_readable_column(app: QApplication, qtbot: QtBot) -> None:
    controller = ThemeController(app, ThemeChoice.LIGHT, text_size_percent=100)
    view = ConversationView()
    qtbot.addWidget(view)
    view.resize(1800, 600)
    view.show()
    view.show_conversation(1, [])
    column = view.widget()
    assert column is not None
    qtbot.waitUntil(lambda: column.contentsRect().width() > 0)

    def text_width() -> int:
        layout = column.layout()
        assert layout is not None
        return layout.contentsRect().width()

    qtbot.waitUntil(lambda: text_width() == readable_width(100))
    controller.set_text_size(150)
    qtbot.waitUntil(lambda: text_width() == readable_width(150))
    assert readable_width(150) > readable_width(100)
