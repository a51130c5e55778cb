"""The shortcuts overview is read from the window's actions, so it lists what is there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QMainWindow
from pytestqt.qtbot import QtBot

from chatapp.ui.shortcuts_dialog import (
    ShortcutsDialog,
    command_text,
    keys_text,
    shortcut_sections,
)


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


@pytest.mark.usefixtures("qapp")
def test_command_text_drops_the_accelerator_and_the_dots() -> None:
    assert command_text(QAction("&Open model file…")) == "Open model file"
    assert command_text(QAction("Save && &quit")) == "Save & quit"


@pytest.mark.usefixtures("qapp")
def test_a_multimedia_keyboards_key_is_not_listed_as_a_word() -> None:
    # X11 gives the standard New shortcut Ctrl+N and the "New" key of such keyboards.
    keys = [QKeySequence("Ctrl+N"), QKeySequence(Qt.Key.Key_New), QKeySequence("Del"),
            QKeySequence(Qt.Key.Key_Exit), QKeySequence("F2")]
    assert keys_text(keys) == ", ".join(native(key) for key in ("Ctrl+N", "Del", "F2"))


def test_the_sections_follow_the_window(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&Tools")
    both = QAction("&Zoom in", window)
    both.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
    menu.addAction(both)
    menu.addAction(QAction("&No keys", window))  # nothing to list
    sub = menu.addMenu("&More")
    deep = QAction("&Deep", window)
    deep.setShortcut(QKeySequence("Ctrl+D"))
    sub.addAction(deep)
    listed = QListWidget(window)
    delete = QAction("Delete the rows", listed)
    delete.setShortcut(QKeySequence("Del"))
    delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    listed.addAction(delete)
    listed.addAction(delete)  # the same action twice: listed once
    sections = dict(shortcut_sections(window))
    assert sections["Tools"] == [("Zoom in", f"{native('Ctrl+=')}, {native('Ctrl++')}"),
                                 ("Deep", native("Ctrl+D"))]
    assert sections["Chat list"][0] == ("Delete the rows", native("Del"))
    assert ("Send the message", native("Return")) in sections["Message box"]
    # Added later, it is in the next overview: nothing is kept from before.
    late = QAction("&Late", window)
    late.setShortcut(QKeySequence("Ctrl+J"))
    menu.addAction(late)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    tools = dialog.tree.topLevelItem(0)
    assert tools is not None and tools.text(0) == "Tools"
    rows = [tools.child(i) for i in range(tools.childCount())]
    assert [row.text(0) for row in rows if row is not None] == ["Zoom in", "Deep", "Late"]
    assert dialog.tree.accessibleName() == "Keyboard shortcuts"
