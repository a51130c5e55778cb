"""The window's menu bar: File, Edit, Model and Help, with their shortcuts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from chatapp.models.starter import STARTER


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
    preset_menu: QMenu  # filled with the presets when it opens (ui/chat_settings_controls)


def build_menus(window: QMainWindow) -> MenuActions:
    bar = window.menuBar()

    def action(text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None = None
               ) -> QAction:
        made = QAction(text, window)
        if shortcut is not None:
            made.setShortcut(shortcut)
        return made

    actions = MenuActions(
        new_chat=action("&New chat"),
        export_chat=action("&Export chat…"),
        export_all=action("Export &all chats…"),
        import_chats=action("&Import chats…"),
        quit=action("&Quit", QKeySequence.StandardKey.Quit),
        models=action("&Models…", QKeySequence("Ctrl+M")),
        open_model=action("&Open model file…", QKeySequence.StandardKey.Open),
        remote_servers=action("&Remote servers…"),
        install_starter=action(f"Install the starter model ({STARTER.display_name})"),
        settings=action("&Settings…", QKeySequence.StandardKey.Preferences),
        about=action("&About chatapp"),
        search_chats=action("&Search chats…", QKeySequence("Ctrl+K")),
        find_in_chat=action("&Find in chat…", QKeySequence.StandardKey.Find),
        presets=action("&Presets…"),
        local_documents=action("&Local documents…", QKeySequence("Ctrl+Shift+L")),
        batch=action("&Batch…"),
        preset_menu=QMenu("New chat from &preset", window),
    )
    file_menu = bar.addMenu("&File")
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
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(actions.search_chats)
    edit_menu.addAction(actions.find_in_chat)
    model_menu = bar.addMenu("&Model")
    for item in (actions.models, actions.open_model, actions.remote_servers,
                 actions.install_starter, actions.settings):
        model_menu.addAction(item)
    bar.addMenu("&Help").addAction(actions.about)
    return actions
