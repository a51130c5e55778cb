"""The icons: every one draws, in the palette's colour, and SEND turns right to left."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from chatapp.ui.icons import Icon, icon

SIZE = 32


def _drawn(name: Icon) -> QImage:
    return icon(name).pixmap(SIZE, SIZE).toImage()


def _ink(image: QImage) -> list[tuple[int, int]]:
    return [(x, y) for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 128]


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    palette, direction = qapp.palette(), qapp.layoutDirection()
    yield qapp
    qapp.setPalette(palette)
    qapp.setLayoutDirection(direction)


@pytest.mark.parametrize("name", list(Icon))
def test_every_icon_draws_something(app: QApplication, name: Icon) -> None:
    assert _ink(_drawn(name)), name


def test_icons_take_the_palettes_colour_when_drawn(app: QApplication) -> None:
    made = icon(Icon.COPY)  # made before the palette changes, as a widget's icon is
    palette = app.palette()
    palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText,
                     QColor("#ff0000"))
    app.setPalette(palette)
    image = made.pixmap(SIZE, SIZE).toImage()
    x, y = _ink(image)[0]
    colour = image.pixelColor(x, y)
    assert (colour.red(), colour.green(), colour.blue()) == (255, 0, 0)


def test_send_points_the_other_way_right_to_left(app: QApplication) -> None:
    left_to_right = _ink(_drawn(Icon.SEND))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    right_to_left = _ink(_drawn(Icon.SEND))
    assert right_to_left != left_to_right
    assert sorted(right_to_left) == sorted((SIZE - 1 - x, y) for x, y in left_to_right)


def test_a_turned_icon_is_the_same_glyph_turned(app: QApplication) -> None:
    big = 96  # large enough that the antialiased edge is a small part of the ink

    def ink(made: QIcon) -> set[tuple[int, int]]:
        return set(_ink(made.pixmap(big, big).toImage()))

    upright, turned = ink(icon(Icon.NEXT)), ink(icon(Icon.NEXT, turned=90))
    assert turned != upright
    # A quarter turn clockwise about the centre: (x, y) goes to (big-1-y, x).
    expected = {(big - 1 - y, x) for x, y in upright}
    assert len(turned & expected) >= 0.9 * len(expected)
    assert len(turned & upright) < 0.5 * len(upright)  # a chevron turned is another shape
