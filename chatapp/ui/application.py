"""Starting the Qt application and its main window."""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from chatapp import APP_NAME, __version__
from chatapp.paths import AppPaths
from chatapp.settings import Settings, load_settings
from chatapp.ui.main_window import MainWindow
from chatapp.ui.theme import apply_theme


def app_icon() -> QIcon:
    return QIcon(str(resources.files("chatapp.resources") / "chatapp.svg"))


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("chatapp")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    return app


def create_main_window(paths: AppPaths, settings: Settings | None = None) -> MainWindow:
    paths.ensure()
    return MainWindow(paths, settings if settings is not None
                      else load_settings(paths.settings_file))


def run_gui(paths: AppPaths, argv: list[str] | None = None) -> int:
    app = create_application(argv if argv is not None else sys.argv)
    window = create_main_window(paths)
    window.show()
    return int(app.exec())
