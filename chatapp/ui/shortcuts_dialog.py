"""Help ▸ Keyboard shortcuts (Ctrl+/): every shortcut of the window, in one list.

Read from the window's own actions when the dialog opens (the menus' and those its widgets
carry, as the chat list's Delete), so it cannot tell of a shortcut the window does not
have. Only the keys widgets handle themselves (Enter in the message box) are listed from
KEYS below. Shortcuts are shown as the system writes them (⌘ on a Mac).
"""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatapp.i18n import QT_TRANSLATE_NOOP, translate

Section = tuple[str, list[tuple[str, str]]]  # heading, (command, keys)

# Keys a widget handles in its keyPressEvent, which no action carries.
KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Message box"), (
        (QT_TRANSLATE_NOOP("ShortcutsDialog", "Send the message"), "Return"),
        (QT_TRANSLATE_NOOP("ShortcutsDialog", "New line"), "Shift+Return"),
        (QT_TRANSLATE_NOOP("ShortcutsDialog", "Next control"), "Tab"),
    )),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Chat list"), (
        (QT_TRANSLATE_NOOP("ShortcutsDialog", "Rename the chat"), "F2"),
        (QT_TRANSLATE_NOOP("ShortcutsDialog", "Select several chats"), "Shift+Down"),
    )),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Find in chat"), (
        (QT_TRANSLATE_NOOP("ShortcutsDialog", "Next match"), "Return"),
        (QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous match"), "Shift+Return"),
        (QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the bar"), "Esc"),
    )),
)


def command_text(action: QAction) -> str:
    """An action's menu text as a sentence: no accelerator mark, no trailing dots."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def keys_text(keys: list[QKeySequence]) -> str:
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys
                     if not key.isEmpty() and not _vendor_key(key))


def _vendor_key(key: QKeySequence) -> bool:
    """A key of a multimedia keyboard (Qt's Key_Back and above: "New", "Open", "Exit"),
    which a standard shortcut carries on X11 beside Ctrl+N: listed, it reads as a word."""
    first: QKeyCombination = key[0]  # type: ignore[index]  # PySide6's stub lacks []
    return first.key().value >= Qt.Key.Key_Back.value


def shortcut_sections(window: QMainWindow) -> list[Section]:
    """The window's shortcuts by menu, then those of its widgets, then KEYS."""
    sections: list[Section] = []
    seen: set[tuple[str, str]] = set()  # one row for the same action on many widgets

    def rows(actions: list[QAction]) -> list[tuple[str, str]]:
        found = []
        for action in actions:
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                found.extend(rows(submenu.actions()))
            elif action.shortcuts():
                row = (command_text(action), keys_text(action.shortcuts()))
                if row not in seen:
                    seen.add(row)
                    found.append(row)
        return found

    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if isinstance(menu, QMenu):
            listed = rows(menu.actions())
            if listed:
                sections.append((command_text(menu_action), listed))
    # Shortcuts that live on a widget (the chat list's Delete), not in a menu.
    widget_rows: list[tuple[str, str]] = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QMenu):
            widget_rows.extend(rows(widget.actions()))
    widget_rows.extend(rows(window.actions()))
    for heading, keys in KEYS:
        extra = [(translate("ShortcutsDialog", text),
                  QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))
                 for text, key in keys]
        if heading == QT_TRANSLATE_NOOP("ShortcutsDialog", "Chat list"):
            extra = widget_rows + extra
            widget_rows = []
        sections.append((translate("ShortcutsDialog", heading), extra))
    if widget_rows:
        sections.append((translate("ShortcutsDialog", "Other"), widget_rows))
    return sections


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.resize(520, 560)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.tree.setAccessibleDescription(translate(
            "ShortcutsDialog", "Every command with a shortcut, and its keys, by menu"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([translate("ShortcutsDialog", "Command"),
                                   translate("ShortcutsDialog", "Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.sections = shortcut_sections(window)
        for heading, entries in self.sections:
            top = QTreeWidgetItem(self.tree, [heading])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFirstColumnSpanned(True)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for command, keys in entries:
                QTreeWidgetItem(top, [command, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
