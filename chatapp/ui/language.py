"""The window's language: Qt's translators, the locale's numbers and the layout direction.

chatapp's own translations are ``chatapp_<code>.qm`` in the package's ``translations`` folder
(compiled by the Makefile from their ``.ts`` sources beside them; English's holds the
singular forms of its plural messages); Qt's own (the standard dialogs'
buttons) come with PySide6. The language follows the system unless Settings name one;
a change takes effect at the next start (the widgets are built in one language).
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from chatapp import i18n

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"

# Kept alive while installed: Qt holds only a pointer.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return Path(str(resources.files("chatapp.resources") / "translations"))


def system_language() -> str:
    """The first of the system's preferred languages chatapp speaks; else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in i18n.LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def system_locale() -> QLocale:
    """The system's locale for numbers and dates; US English where none is set (the
    "C" locale of a bare session writes 8192 where everyone expects 8,192)."""
    system = QLocale.system()
    if system.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return system


def reset(app: QApplication) -> None:
    """Back to English, the system's locale and left to right, with no translator (as a
    process that built no window: the tests use it after each window)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.install(i18n.LocaleBackend())
    QLocale.setDefault(QLocale.system())
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def chosen_language(choice: str) -> str:
    """The language for the setting ``choice`` ("" is the system's)."""
    return choice if choice in i18n.LANGUAGES else system_language()


def install_language(app: QApplication, choice: str) -> str:
    """Translate the app into ``choice`` (or the system's language); returns the code used.

    Numbers, sizes and dates follow the system's locale when the language is the system's,
    and the chosen language's otherwise; the layout runs right to left for such a language.
    """
    code = chosen_language(choice)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # English too: the source texts of its plural messages are their general form alone.
    _load(app, "chatapp", code, translations_dir())
    if code != SOURCE_LANGUAGE:
        qt_translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        _load(app, "qtbase", code, qt_translations)
    locale = system_locale() if not choice else QLocale(code)
    if locale.language() != QLocale(code).language():
        # The system's locale is in a language chatapp does not speak: its numbers still
        # are what the user reads every day, so they stay.
        log.info("Window in %s, numbers as %s", code, locale.name())
    QLocale.setDefault(locale)
    app.setLayoutDirection(QLocale(code).textDirection())
    i18n.install(i18n.LocaleBackend(translate=_qt_translate,
                                    format_number=lambda value, decimals: locale.toString(
                                        float(value), "f", decimals)))
    return code


def _qt_translate(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def _load(app: QApplication, name: str, code: str, folder: Path) -> None:
    translator = QTranslator(app)
    if translator.load(f"{name}_{code}", str(folder)):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("No %s translation for %s in %s", name, code, folder)


def is_right_to_left() -> bool:
    return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
