"""Every string on screen goes through the translation: the app under a pseudo-translation.

A translator that turns every text it is asked for into "⟦Àççéñţéð⟧" is installed before
the window is built; then the main window (with a chat), the Models pane and the Settings
dialog are read as a person sees them. Whatever shows without the brackets, or with plain
English next to them, was written into the code past translate(): it would stay English
in German and Arabic too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chatapp import i18n
from chatapp.models.catalog import load_catalog
from chatapp.models.starter import STARTER
from chatapp.paths import AppPaths
from chatapp.ui import language
from tests.conftest import LogFail
from tests.unit.ui.app_surfaces import Surfaces, every_tab, open_surfaces

OPEN, CLOSE = "⟦", "⟧"
# What the pseudo-translation leaves as it is, as a translator must: format placeholders,
# Qt's %1 and %n, HTML tags and entities, and file patterns.
KEPT = re.compile(r"\{[^{}]*\}|%L?[0-9n]|<[^<>]*>|&[A-Za-z]+;|&#\d+;|\*\.\w+")
ACCENTED = str.maketrans("aeiouyAEIOUYcnsCNS", "áéíóúýÁÉÍÓÚÝçñšÇÑŠ")
# Key sequences as Qt writes them ("Ctrl+Shift+N", "F1", "Esc"): keys, not words.
KEYS = re.compile(r"\b(?:(?:Ctrl|Shift|Alt|Meta)\+)+\S+|\bF\d{1,2}\b|\bEsc\b")
URL = re.compile(r"\b[a-z]+://\S+")
PATH = re.compile(r"(?<![\w.])(?:~|[A-Za-z]:)?[/\\][^\s⟦⟧]+")
EXTENSION = re.compile(r"(?<![\w.])\.[A-Za-z0-9]+\b")
# The pseudo-translation accents every one of these.
ENGLISH_VOWEL = re.compile(r"[aeiouyAEIOUY]")
# A table's first rows show every kind of cell it has.
MAX_ROWS = 50


class PseudoTranslator(QTranslator):
    """Every text "translated": visible brackets, accented letters, placeholders intact."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        del context, disambiguation, n
        kept = KEPT.findall(source)
        parts = [part.translate(ACCENTED) for part in KEPT.split(source)]
        text = parts[0] + "".join(k + p for k, p in zip(kept, parts[1:], strict=True))
        return f"{OPEN}{text}{CLOSE}"

    def isEmpty(self) -> bool:
        return False


def test_the_pseudo_translation_keeps_placeholders() -> None:
    translator = PseudoTranslator()
    assert translator.translate("X", "Loaded <b>{name}</b> in %n s &amp; more") == \
        "⟦Lóádéd <b>{name}</b> íñ %n š &amp; móré⟧"


@pytest.fixture
def pseudo(qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           logfail: LogFail) -> Iterator[PseudoTranslator]:
    translator = PseudoTranslator()
    locale, direction = QLocale(), qapp.layoutDirection()
    # Installed past language.install_language, which create_main_window calls and which
    # removes only the translators it installed: the window is built under this one. The
    # window's own (English's plural forms, installed after this one and so asked first)
    # are kept out: the pseudo-translation is to answer every string.
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)
    logfail.expect("chatapp.ui.language", "No chatapp translation")
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)
    for installed in language._installed:
        qapp.removeTranslator(installed)
    language._installed.clear()
    i18n.install(i18n.LocaleBackend())
    QLocale.setDefault(locale)
    qapp.setLayoutDirection(direction)


@pytest.fixture
def surfaces(pseudo: PseudoTranslator, qtbot: QtBot, app_paths: AppPaths,
             model_path: Path) -> Iterator[Surfaces]:
    yield from open_surfaces(qtbot, app_paths, model_path)


def plain(text: str) -> str:
    if re.search(r"<[A-Za-z/!]", text):  # rich text: what it shows
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return " ".join(text.split())


def visible_strings(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every string ``root`` shows or a screen reader reads of it."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        where = f"{type(widget).__name__} {widget.objectName()}".strip()
        if widget.isWindow():
            yield where + " title", widget.windowTitle()
        yield where + " tooltip", widget.toolTip()
        yield where + " accessible name", widget.accessibleName()
        yield where + " accessible description", widget.accessibleDescription()
        if isinstance(widget, QLabel | QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            yield where + " placeholder", widget.placeholderText()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield where + " tab", widget.tabText(index)
                yield where + " tab tooltip", widget.tabToolTip(index)
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield where + " item", widget.itemText(index)
        elif isinstance(widget, QAbstractSpinBox):
            yield where + " special value", widget.specialValueText()
            for affix in ("prefix", "suffix"):
                if hasattr(widget, affix):
                    yield where + " " + affix, str(getattr(widget, affix)())
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            for section in range(widget.count()):
                if not widget.isSectionHidden(section):
                    yield where + " header", str(widget.model().headerData(
                        section, widget.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        elif isinstance(widget, QAbstractItemView):
            yield from cell_strings(where, widget)
        for action in widget.actions():
            yield from action_strings(where, action.menu(), action.text(), action.toolTip())


def cell_strings(where: str, view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    """The texts and tooltips of the view's rows (a chat list's titles, a table's cells)."""
    model, root = view.model(), view.rootIndex()
    # A list's model has one column (and does not let it be asked).
    columns = model.columnCount(root) if isinstance(view, QTableView | QTreeView) else 1
    for row in range(min(model.rowCount(root), MAX_ROWS)):
        for column in range(columns):
            if isinstance(view, QTableView) and view.isColumnHidden(column):
                continue
            index = model.index(row, column, root)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield f"{where} cell {row},{column}", value


def action_strings(where: str, menu: object, text: str, tooltip: str) -> Iterator[tuple[str, str]]:
    yield where + " action", text
    yield where + " action tooltip", tooltip
    if isinstance(menu, QMenu):
        yield where + " menu", menu.title()
        for action in menu.actions():
            if not action.isSeparator():
                yield from action_strings(f"{where} > {plain(menu.title())}", action.menu(),
                                          action.text(), action.toolTip())


def untranslated_words(shown: str, data: set[str]) -> list[str]:
    """The English words in ``shown``: a translated text has no unaccented vowel left.

    Addresses, paths, file extensions and key sequences are not words; nor is the data in
    ``data``.
    """
    text = shown
    for pattern in (URL, PATH, EXTENSION, KEYS):
        text = pattern.sub(" ", text)
    return [word for word in re.findall(r"[^\W\d_]+", text)
            if ENGLISH_VOWEL.search(word) and word not in data]


def test_english_left_in_a_translated_text_is_found() -> None:
    assert untranslated_words("⟦Çhát fórmát: the model's chat template⟧", set()) == \
        ["the", "model", "chat", "template"]
    assert untranslated_words("⟦Lóádéd⟧ SmolLM2 (⟦Çtrl⟧+N) /tmp/models/a.gguf (.docx) "
                              "http://127.0.0.1:8765/v1, 98.4 MB", {"SmolLM"}) == []


def test_every_visible_string_is_translated(surfaces: Surfaces) -> None:
    # Data, not words of the app: it is the same in every language. The app's name; each
    # language's name in itself (the language menu); the models' names, files, families,
    # architectures and quantizations (the catalog's and the loaded one's).
    model = surfaces.window.session.model
    assert model is not None
    data = {"chatapp", *i18n.LANGUAGES.values(), STARTER.display_name, model.name,
            model.architecture}
    for entry in load_catalog():
        data |= {entry.name, entry.family, entry.repo, entry.file, entry.quantization,
                 entry.license, entry.architecture}
    data_words = {word for name in data for word in re.findall(r"[^\W\d_]+", name)}
    # The question the test asked and the model's reply, shown as they are.
    content = {surfaces.question, plain(surfaces.reply), " ".join(surfaces.reply.split())}
    found: dict[str, str] = {}  # each text once, with the first place it shows
    seen: set[str] = set()
    for root in surfaces.roots():
        for where, text in (found_string for _ in every_tab(root)
                            for found_string in visible_strings(root)):
            shown = plain(text)
            seen.add(shown)
            words = shown
            for written in content:  # a message's text, alone or in its accessible name
                words = words.replace(written, " ")
            if untranslated_words(words, data_words):
                found.setdefault(shown, where)
    # The walk reads the menus, the pane's tables and the dialog (it is not cut short).
    assert {"⟦&Fílé⟧", "⟦Çáñçél⟧"} <= seen
    assert len(seen) > 300
    assert not found, f"{len(found)} texts not translated:\n" + "\n".join(
        sorted(f"{where}: {shown!r}" for shown, where in found.items()))
