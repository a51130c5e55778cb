"""The whole app in one process: the real window, workers, llama.cpp, SQLite and model."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui import language
from chatapp.ui.application import create_main_window
from chatapp.ui.composer import ComposerState
from chatapp.ui.main_window import MainWindow

# Upper bounds for a busy two-core machine, not expectations.
LOAD_TIMEOUT_MS = 300_000
REPLY_TIMEOUT_MS = 600_000

OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, app_paths: AppPaths) -> Iterator[OpenWindow]:
    """Open main windows on the test's CHATAPP_HOME; all are closed at the end."""
    windows: list[MainWindow] = []

    def open_(settings: Settings | None = None) -> MainWindow:
        window = create_main_window(app_paths, settings)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.close()
    if windows:
        english_again()


def english_again() -> None:
    """The window installed the system's language and number format; the tests that
    follow, which build no window, expect English with Python's numbers."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    language.reset(app)


def wait_loaded(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.session.model is not None
                    and window.session.loading_path is None,
                    timeout=LOAD_TIMEOUT_MS)
    assert window.composer.state is ComposerState.READY


def send(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type a message and press Enter, as a user does."""
    window.composer.edit.setFocus()
    qtbot.keyClicks(window.composer.edit, text)
    qtbot.keyClick(window.composer.edit, "\r")


def wait_reply_done(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.session.turn is None
                    and window.composer.state is not ComposerState.GENERATING,
                    timeout=REPLY_TIMEOUT_MS)


def model_settings(model: Path, **changes: object) -> Settings:
    base = Settings(last_model_path=str(model), temperature=0.0, max_reply_tokens=48)
    return replace(base, **changes)  # type: ignore[arg-type]
