"""The window's language (chatapp/ui/language.py): translations, locale and direction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication

from chatapp import i18n
from chatapp.ui import language

# The File menu's title (chatapp/ui/menus.py).
FILE_MENU = ("Menus", "&File")
# 1,234 and 0.5 as Arabic writes them: Arabic-Indic digits, its own separators.
ARABIC_1234 = "\u0661\u066c\u0662\u0663\u0664"
ARABIC_0_5 = "\u0660\u066b\u0665"
ARABIC_3 = "\u0663"


@pytest.fixture
def app(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """The application, English and left to right again after the test."""
    locale, direction = QLocale(), qapp.layoutDirection()
    # Qt reads the system's preferred languages from these at each call (Unix).
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    yield qapp
    for translator in language._installed:
        qapp.removeTranslator(translator)
    language._installed.clear()
    i18n.install(i18n.LocaleBackend())
    QLocale.setDefault(locale)
    qapp.setLayoutDirection(direction)


def test_german_translates_and_runs_left_to_right(app: QApplication) -> None:
    assert language.install_language(app, "de") == "de"
    assert "Datei" in QCoreApplication.translate(*FILE_MENU)
    assert "Datei" in i18n.translate(*FILE_MENU)  # the core's strings too
    assert QLocale().language() == QLocale.Language.German
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert not language.is_right_to_left()
    assert i18n.format_number(1234.5, 1) == "1.234,5"
    # Qt's own strings (standard dialogs' buttons) come in German too.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_arabic_runs_right_to_left_with_arabic_digits(app: QApplication) -> None:
    assert language.install_language(app, "ar") == "ar"
    assert "ملف" in i18n.translate(*FILE_MENU)
    assert QLocale().language() == QLocale.Language.Arabic
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert language.is_right_to_left()
    assert i18n.format_number(1234) == ARABIC_1234
    assert i18n.format_number(0.5, 1) == ARABIC_0_5
    # A plural message (chatapp/formatting.py) takes the form for 3 to 10, and its
    # number in Arabic digits.
    three = i18n.translate("Formatting", "%n bytes", "", 3)
    assert ARABIC_3 in three and three != i18n.translate("Formatting", "%n bytes", "", 1)
    assert ARABIC_1234 in i18n.translate("Formatting", "%n bytes", "", 1234)


def test_the_systems_language_when_settings_name_none(app: QApplication,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert language.install_language(app, "") == "en"
    assert i18n.translate(*FILE_MENU) == "&File"
    assert QCoreApplication.translate(*FILE_MENU) == "&File"
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight

    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert language.install_language(app, "") == "de"
    assert "Datei" in i18n.translate(*FILE_MENU)

    # A language chatapp does not speak: English, whatever else the system prefers.
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert language.install_language(app, "") == "en"
    assert i18n.translate(*FILE_MENU) == "&File"


def test_english_chosen_over_a_german_system(app: QApplication,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert language.install_language(app, "de") == "de"
    assert language.install_language(app, "en") == "en"
    # The German translators are gone: nothing stays from the earlier language.
    assert QCoreApplication.translate(*FILE_MENU) == "&File"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert i18n.format_number(1234.5, 1) == "1,234.5"


def test_english_says_one_chat_not_one_chats(app: QApplication) -> None:
    # The source text is the general form alone; chatapp_en.qm has the singular.
    assert language.install_language(app, "en") == "en"
    assert i18n.translate("ChatExport", "%n chats", "", 1) == "1 chat"
    assert i18n.translate("ChatExport", "%n chats", "", 1234) == "1,234 chats"
