"""The window's menu bar: File, Edit, View, Model and Help, with their shortcuts.

Every command of the window is an action here, so each has a keyboard shortcut or at least
a menu entry the keyboard reaches (Alt and the underlined letter), and the shortcuts
overview (Help ▸ Keyboard shortcuts, ui/shortcuts_dialog.py) lists them from these very
actions.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from chatapp.i18n import translate
from chatapp.models.starter import STARTER
from chatapp.ui.icons import Icon, icon
from chatapp.ui.language import is_right_to_left

Shortcut = QKeySequence | QKeySequence.StandardKey | str


@dataclass(frozen=True)
class MenuActions:
    new_chat: QAction
    export_chat: QAction
    export_all: QAction
    import_chats: QAction
    quit: QAction
    models: QAction
    open_model: QAction
    remote_servers: QAction
    install_starter: QAction
    settings: QAction
    about: QAction
    search_chats: QAction
    find_in_chat: QAction
    presets: QAction
    local_documents: QAction
    batch: QAction
    larger_text: QAction
    smaller_text: QAction
    default_text: QAction
    focus_message: QAction
    focus_chats: QAction
    next_chat: QAction
    previous_chat: QAction
    shortcuts: QAction
    stop_reply: QAction
    preset_menu: QMenu  # filled with the presets when it opens (ui/chat_settings_controls)


def build_menus(window: QMainWindow) -> MenuActions:
    bar = window.menuBar()

    def action(text: str, *shortcuts: Shortcut, glyph: Icon | None = None) -> QAction:
        made = QAction(text, window)
        keys: list[QKeySequence] = []
        for shortcut in shortcuts:
            if isinstance(shortcut, QKeySequence.StandardKey):
                keys.extend(QKeySequence.keyBindings(shortcut))
            else:
                keys.append(QKeySequence(shortcut))
        if keys:
            made.setShortcuts(keys)
        if glyph is not None:
            made.setIcon(icon(glyph))
        return made

    # Chevrons point the way the text runs: right to left, "previous" points right.
    back, ahead = (Icon.NEXT, Icon.PREVIOUS) if is_right_to_left() else (Icon.PREVIOUS,
                                                                         Icon.NEXT)
    actions = MenuActions(
        new_chat=action(translate("Menus", "&New chat"), QKeySequence.StandardKey.New,
                        glyph=Icon.NEW_CHAT),
        export_chat=action(translate("Menus", "&Export chat…"), glyph=Icon.EXPORT),
        export_all=action(translate("Menus", "Export &all chats…")),
        import_chats=action(translate("Menus", "&Import chats…"), glyph=Icon.IMPORT),
        quit=action(translate("Menus", "&Quit"), QKeySequence.StandardKey.Quit),
        models=action(translate("Menus", "&Models…"), "Ctrl+M", glyph=Icon.MODELS),
        open_model=action(translate("Menus", "&Open model file…"),
                          QKeySequence.StandardKey.Open, glyph=Icon.FOLDER),
        remote_servers=action(translate("Menus", "&Remote servers…"), glyph=Icon.REMOTE),
        install_starter=action(translate("Menus", "Install the starter model ({name})").format(
            name=STARTER.display_name), glyph=Icon.DOWNLOAD),
        settings=action(translate("Menus", "&Settings…"), QKeySequence.StandardKey.Preferences,
                        glyph=Icon.SETTINGS),
        about=action(translate("Menus", "&About chatapp"), glyph=Icon.INFO),
        search_chats=action(translate("Menus", "&Search chats…"), "Ctrl+K",
                            glyph=Icon.SEARCH),
        find_in_chat=action(translate("Menus", "&Find in chat…"), QKeySequence.StandardKey.Find,
                            glyph=Icon.SEARCH),
        presets=action(translate("Menus", "&Presets…")),
        local_documents=action(translate("Menus", "&Local documents…"), "Ctrl+Shift+L",
                               glyph=Icon.DOCUMENTS),
        batch=action(translate("Menus", "&Batch…"), glyph=Icon.BATCH),
        # Ctrl++ needs Shift on most layouts: Ctrl+= is the same key without it.
        larger_text=action(translate("Menus", "&Larger text"), "Ctrl+=", "Ctrl++",
                           glyph=Icon.ZOOM_IN),
        smaller_text=action(translate("Menus", "S&maller text"), "Ctrl+-",
                            glyph=Icon.ZOOM_OUT),
        default_text=action(translate("Menus", "&Default text size"), "Ctrl+0"),
        focus_message=action(translate("Menus", "Go to the &message box"), "Ctrl+L"),
        focus_chats=action(translate("Menus", "Go to the &chat list"), "Ctrl+1"),
        next_chat=action(translate("Menus", "Ne&xt chat"), "Ctrl+Tab", "Ctrl+PgDown",
                         glyph=ahead),
        previous_chat=action(translate("Menus", "Pre&vious chat"), "Ctrl+Shift+Tab",
                             "Ctrl+PgUp", glyph=back),
        shortcuts=action(translate("Menus", "&Keyboard shortcuts"), "Ctrl+/",
                         glyph=Icon.KEYBOARD),
        # Enabled while a reply is written: otherwise Esc stays with the widget that has it.
        stop_reply=action(translate("Menus", "S&top the reply"), "Esc", glyph=Icon.STOP),
        preset_menu=QMenu(translate("Menus", "New chat from &preset"), window),
    )
    file_menu = bar.addMenu(translate("Menus", "&File"))
    file_menu.addAction(actions.new_chat)
    file_menu.addMenu(actions.preset_menu)
    file_menu.addAction(actions.presets)
    file_menu.addAction(actions.local_documents)
    file_menu.addAction(actions.batch)
    file_menu.addSeparator()
    for item in (actions.export_chat, actions.export_all, actions.import_chats):
        file_menu.addAction(item)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = bar.addMenu(translate("Menus", "&Edit"))
    edit_menu.addAction(actions.search_chats)
    edit_menu.addAction(actions.find_in_chat)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.stop_reply)
    view_menu = bar.addMenu(translate("Menus", "&View"))
    for item in (actions.larger_text, actions.smaller_text, actions.default_text):
        view_menu.addAction(item)
    view_menu.addSeparator()
    for item in (actions.focus_message, actions.focus_chats, actions.next_chat,
                 actions.previous_chat):
        view_menu.addAction(item)
    model_menu = bar.addMenu(translate("Menus", "&Model"))
    for item in (actions.models, actions.open_model, actions.remote_servers,
                 actions.install_starter, actions.settings):
        model_menu.addAction(item)
    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.addAction(actions.shortcuts)
    help_menu.addAction(actions.about)
    return actions
