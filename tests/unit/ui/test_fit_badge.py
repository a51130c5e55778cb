"""The fit badge in the light and the dark theme: readable chips, restyled on a change."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chatapp.models.fit import Fit, MemoryFit
from chatapp.ui.model_manager.fit_badge import DARK_COLOURS, LIGHT_COLOURS, FitBadge
from chatapp.ui.theme import ThemeController
from chatapp.vocabulary import ThemeChoice

GIB = 1024**3


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4
    qcolour = QColor(colour)
    return (0.2126 * linear(qcolour.redF()) + 0.7152 * linear(qcolour.greenF())
            + 0.0722 * linear(qcolour.blueF()))


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def a_fit(fit: Fit) -> MemoryFit:
    return MemoryFit(fit=fit, needed_bytes=GIB, weights_bytes=GIB // 2,
                     kv_cache_bytes=GIB // 4, overhead_bytes=GIB // 4, context_length=4096,
                     estimated=False, total_ram_bytes=16 * GIB, available_ram_bytes=8 * GIB,
                     explanation="needs 1 GiB")


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[ThemeController]:
    made = ThemeController(qapp, ThemeChoice.DARK)
    yield made
    made.release()


@pytest.mark.parametrize("colours", [LIGHT_COLOURS, DARK_COLOURS], ids=["light", "dark"])
def test_every_chip_reads_at_the_wcag_aa_contrast(colours: dict[Fit, tuple[str, str]]) -> None:
    assert set(colours) == set(Fit)
    for fit, (text, chip) in colours.items():
        assert contrast(text, chip) >= 4.5, fit


def test_the_badge_follows_a_change_of_theme(qtbot: QtBot,
                                             controller: ThemeController) -> None:
    badge = FitBadge(a_fit(Fit.TIGHT))
    qtbot.addWidget(badge)
    text, chip = DARK_COLOURS[Fit.TIGHT]
    assert f"color: {text}; background: {chip};" in badge.styleSheet()
    controller.set_choice(ThemeChoice.LIGHT)
    text, chip = LIGHT_COLOURS[Fit.TIGHT]
    assert f"color: {text}; background: {chip};" in badge.styleSheet()
    badge.set_fit(None)  # unknown: no chip, in either theme
    controller.set_choice(ThemeChoice.DARK)
    assert badge.styleSheet() == ""


def test_a_deleted_badge_leaves_no_connection_to_the_theme(
        qtbot: QtBot, controller: ThemeController) -> None:
    """A table's badges are replaced on every fill: a later change of theme must not
    reach the deleted ones (pytest-qt fails the test on an exception in a slot)."""
    gone = FitBadge(a_fit(Fit.FITS))
    gone.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    kept = FitBadge(a_fit(Fit.FITS))
    qtbot.addWidget(kept)
    controller.set_choice(ThemeChoice.LIGHT)
    assert LIGHT_COLOURS[Fit.FITS][0] in kept.styleSheet()
