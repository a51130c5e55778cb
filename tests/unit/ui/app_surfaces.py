"""The app as a person first sees it: the main window with a chat, the Models pane, Settings.

Built for the tests that read everything on screen (test_pseudo_translation.py,
test_accessibility.py): the real window on a private CHATAPP_HOME with the real starter
model loaded, one question asked and answered, the Models pane opened as the window
opens it and the Settings dialog as the Settings button opens it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from chatapp.engine.load_probe import ProbeCache
from chatapp.models.starter import STARTER
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.application import create_main_window
from chatapp.ui.composer import ComposerState
from chatapp.ui.main_window import MainWindow
from chatapp.ui.model_manager.pane import ModelsPane
from chatapp.ui.settings_dialog import SettingsDialog

# Upper bounds for a busy two-core machine, not expectations.
TIMEOUT_MS = 300_000
QUESTION = "Name a colour of the sky."


@dataclass
class Surfaces:
    window: MainWindow
    pane: ModelsPane
    settings: SettingsDialog
    question: str
    reply: str

    def roots(self) -> list[QWidget]:
        return [self.window, self.pane, self.settings]


def idle(window: MainWindow) -> bool:
    """No work queued or running on the session's threads or the keyring's."""
    return not window.session.busy and not window.secrets.busy


def open_surfaces(qtbot: QtBot, paths: AppPaths, model: Path) -> Iterator[Surfaces]:
    """The three surfaces, open and idle; all closed afterwards (a generator fixture body)."""
    # The starter model passed its first-load probe long ago: no child process.
    ProbeCache(paths.cache_dir / "probe-results.json").remember(model, STARTER.sha256)
    window = create_main_window(paths, Settings(last_model_path=str(model), temperature=0.0,
                                                max_reply_tokens=8))
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.session.model is not None
                        and window.session.loading_path is None, timeout=TIMEOUT_MS)
        assert window.composer.state is ComposerState.READY
        replies: list[str] = []
        window.session.reply_finished.connect(
            lambda message, _stats: replies.append(message.content))
        window.composer.edit.setFocus()
        qtbot.keyClicks(window.composer.edit, QUESTION)
        qtbot.keyClick(window.composer.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(replies) and window.session.turn is None
                        and window.composer.state is ComposerState.READY, timeout=TIMEOUT_MS)
        reply = replies[0]

        window.open_models_pane()
        qtbot.waitUntil(lambda: window.models_pane is not None
                        and window.models_pane.isVisible(), timeout=TIMEOUT_MS)
        assert window.models_pane is not None
        window.settings_button.click()
        dialog = window.findChild(SettingsDialog)
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.isVisible() and idle(window), timeout=TIMEOUT_MS)
        yield Surfaces(window, window.models_pane, dialog, QUESTION, reply)
    finally:
        # Quit gives the worker threads a few seconds: a two-core machine under load
        # may need more for a scan the pane started, and an abandoned thread is a warning.
        qtbot.waitUntil(lambda: idle(window), timeout=TIMEOUT_MS)
        for child in window.findChildren(SettingsDialog):
            child.reject()
        if window.models_pane is not None:
            window.models_pane.close()
        window.close()


def every_tab(root: QWidget) -> Iterator[None]:
    """Each page of each tab widget of ``root`` in turn on screen (then the first again)."""
    yield
    for tabs in root.findChildren(QTabWidget):
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != current:
                tabs.setCurrentIndex(index)
                QApplication.processEvents()
                yield
        tabs.setCurrentIndex(current)
