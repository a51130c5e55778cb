"""The window's part in per-chat settings and presets: the header's Chat settings
button, File ▸ New chat from preset, and the presets manager, wired to the session.

The dialogs only ask; the session changes the chat or the presets file (on its worker
threads) and answers with signals, shown here in the header, the open dialog, the status
line or the banner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from chatapp.conversation.presets import Preset
from chatapp.errors import UserFacingError
from chatapp.i18n import translate
from chatapp.ui.chat_header import ChatHeader
from chatapp.ui.chat_session import ChatSession
from chatapp.ui.chat_settings_dialog import ChatSettingsDialog
from chatapp.ui.presets_dialog import PresetsDialog


class ChatSettingsControls(QObject):
    def __init__(self, window: QWidget, session: ChatSession, header: ChatHeader, *,
                 preset_menu: QMenu, manage_presets: QAction,
                 show_error: Callable[[UserFacingError], None],
                 show_note: Callable[[str], None],
                 collections: Callable[[], Sequence[tuple[int, str]]] = tuple) -> None:
        super().__init__(window)
        self._collections = collections  # (id, name) of the Local documents collections
        self.window = window
        self.session = session
        self.header = header
        self.preset_menu = preset_menu
        self.manage_presets = manage_presets
        self._show_error = show_error
        self._show_note = show_note
        self.chat_dialog: ChatSettingsDialog | None = None
        self.presets_dialog: PresetsDialog | None = None

        header.settings_requested.connect(self.open_chat_settings)
        session.chat_settings_shown.connect(lambda _chat, summary: header.show_summary(summary))
        preset_menu.aboutToShow.connect(self.fill_preset_menu)
        manage_presets.triggered.connect(self.open_presets)
        session.presets_changed.connect(self._presets_changed)
        session.presets_failed.connect(self._presets_failed)

    def _models(self) -> tuple[list[Path], Path | None]:
        scan = self.session.last_scan
        default = self.session.settings.last_model_path
        return (list(scan.models) if scan is not None else [],
                Path(default) if default else None)

    # -- the open chat -----------------------------------------------------------------

    def open_chat_settings(self) -> ChatSettingsDialog:
        session = self.session
        models, default_model = self._models()
        dialog = ChatSettingsDialog(session.settings, session.chat_overrides(session.current),
                                    models, default_model, self.window,
                                    collections=self._collections())
        chat = session.current
        dialog.accepted.connect(lambda: self._chat_settings_chosen(dialog, chat))
        dialog.preset_requested.connect(session.save_preset)
        dialog.finished.connect(lambda _result: self._chat_dialog_closed(dialog))
        self.chat_dialog = dialog
        dialog.open()
        return dialog

    def _chat_dialog_closed(self, dialog: ChatSettingsDialog) -> None:
        if self.chat_dialog is dialog:
            self.chat_dialog = None
        dialog.deleteLater()

    def _chat_settings_chosen(self, dialog: ChatSettingsDialog, chat: int | None) -> None:
        if dialog.result_overrides is None:
            return
        if chat != self.session.current:  # a new chat was created meanwhile, or another
            self._show_note(translate("ChatSettingsControls", "The chat settings were not "
                                      "changed: another chat is open now."))
            return
        self.session.set_chat_settings(dialog.result_overrides)

    # -- presets -----------------------------------------------------------------------

    def fill_preset_menu(self) -> None:
        menu = self.preset_menu
        menu.clear()
        for preset in self.session.presets:
            # "&" marks a menu shortcut: a name's own ampersands are doubled.
            action = menu.addAction(preset.name.replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, p=preset:
                                     self.session.new_chat_from_preset(p))
        if not self.session.presets:
            menu.addAction(translate("ChatSettingsControls", "No presets yet")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.manage_presets)

    def open_presets(self) -> PresetsDialog:
        if self.presets_dialog is not None:
            self.presets_dialog.show()
            self.presets_dialog.raise_()
            return self.presets_dialog
        session = self.session
        models, default_model = self._models()
        dialog = PresetsDialog(session.settings, session.presets, models, default_model,
                               self.window)
        dialog.save_requested.connect(session.save_preset)
        dialog.delete_requested.connect(session.delete_preset)
        dialog.export_requested.connect(session.export_presets)
        dialog.import_requested.connect(session.import_presets)
        dialog.chat_requested.connect(session.new_chat_from_preset)
        dialog.finished.connect(self._presets_closed)
        self.presets_dialog = dialog
        dialog.open()
        return dialog

    def _presets_closed(self) -> None:
        if self.presets_dialog is not None:
            self.presets_dialog.deleteLater()
            self.presets_dialog = None

    def _presets_changed(self, presets: tuple[Preset, ...], note: str) -> None:
        if self.presets_dialog is not None:
            self.presets_dialog.set_presets(presets, note)
        elif note:
            self._show_note(note)

    def _presets_failed(self, error: UserFacingError) -> None:
        if self.chat_dialog is not None and self.chat_dialog.isVisible():
            self.chat_dialog.show_error(error.user_message)  # its Save as preset…
        elif self.presets_dialog is not None:
            self.presets_dialog.show_error(error)
        else:
            self._show_error(error)
