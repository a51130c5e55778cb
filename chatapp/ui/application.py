"""Starting the Qt application and its main window."""

from __future__ import annotations

import logging
import os
import sys
from importlib import resources

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from chatapp import APP_NAME, __version__
from chatapp.paths import AppPaths
from chatapp.settings import Settings, load_settings
from chatapp.ui.exception_hook import install_exception_hook
from chatapp.ui.icons import Icon, icon
from chatapp.ui.language import install_language
from chatapp.ui.main_window import MainWindow
from chatapp.ui.single_instance import InstanceGuard, activate_running_instance, bring_to_front
from chatapp.ui.theme import ThemeController
from chatapp.ui.theme import current as current_theme
from chatapp.ui.workers import abandoned

log = logging.getLogger(__name__)


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
    return app


def create_main_window(paths: AppPaths, settings: Settings | None = None) -> MainWindow:
    """The window on ``paths`` (their folders made by the caller, before the event loop:
    from then on the UI thread does no file I/O), in the settings' language and look."""
    settings = settings if settings is not None else load_settings(paths.settings_file)
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create_application comes first"
    # Before any widget: each is built with its words in the language installed now.
    install_language(app, settings.language)
    # QtAwesome imports itself and reads its icon fonts at the first icon drawn: drawn
    # here, before the event loop, that file I/O is not the UI thread's during the session.
    icon(Icon.SEND).pixmap(16, 16)
    return MainWindow(paths, settings, theme=theme_controller(app, settings))


def theme_controller(app: QApplication, settings: Settings) -> ThemeController:
    """The app's theme controller (one per application), set to the settings' look."""
    controller = current_theme()
    if controller is None:
        return ThemeController(app, settings.theme, settings.text_size_percent)
    controller.set_choice(settings.theme)
    controller.set_text_size(settings.text_size_percent)
    return controller


def run_gui(paths: AppPaths, argv: list[str] | None = None) -> int:
    app = create_application(argv if argv is not None else sys.argv)
    install_exception_hook()
    # Claimed before the window exists: a second launch must never open the history (its
    # start-up recovery would cut off the reply the running instance is writing).
    guard = InstanceGuard(paths.data_dir, parent=app)
    if not guard.claim():
        return activate_running_instance(guard)
    window = create_main_window(paths)
    guard.activation_requested.connect(lambda: bring_to_front(window))
    window.show()
    try:
        code = int(app.exec())
    finally:
        guard.release()
    busy = abandoned.still_running()
    if busy:
        # Threads given up at quit (see MainWindow.closeEvent) would make Qt abort when the
        # interpreter destroys them: end the process without waiting for them.
        log.info("Exiting without waiting for %s", ", ".join(busy))
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
