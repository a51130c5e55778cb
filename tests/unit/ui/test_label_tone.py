"""Warning and error notes follow the theme: restyled when it changes, gone with the label."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from chatapp.ui import theme
from chatapp.ui.label_tone import WARNING_DARK, WARNING_LIGHT, Tone, set_tone, tone_of
from chatapp.vocabulary import ThemeChoice


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[theme.ThemeController]:
    made = theme.ThemeController(qapp, ThemeChoice.LIGHT)
    yield made
    made.release()


def test_a_toned_label_follows_the_theme(qtbot: QtBot,
                                         controller: theme.ThemeController) -> None:
    error, warning = QLabel("Cannot read the file."), QLabel("Unencrypted.")
    for label in (error, warning):
        qtbot.addWidget(label)
    set_tone(error, Tone.ERROR)
    set_tone(warning, Tone.WARNING)
    assert theme.LIGHT.error in error.styleSheet()
    assert WARNING_LIGHT in warning.styleSheet()
    controller.set_choice(ThemeChoice.DARK)
    assert theme.DARK.error in error.styleSheet()
    assert WARNING_DARK in warning.styleSheet()
    set_tone(error, Tone.NORMAL)  # the same keeper, another tone
    assert tone_of(error) is Tone.NORMAL and error.styleSheet() == ""


def test_a_deleted_label_is_no_longer_restyled(qtbot: QtBot,
                                               controller: theme.ThemeController) -> None:
    label = QLabel("Gone soon.")
    set_tone(label, Tone.ERROR)
    label.deleteLater()
    qtbot.waitUntil(lambda: _deleted(label))
    # A keeper outliving its label would raise here (pytest-qt fails on a slot's error).
    controller.set_choice(ThemeChoice.DARK)


def _deleted(label: QLabel) -> bool:
    try:
        label.objectName()
    except RuntimeError:
        return True
    return False
