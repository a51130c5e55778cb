"""Managing presets: create, edit, delete, export and import them, start a chat from one.

The dialog only asks: every change is made by the session on the files thread, which
answers with the new list (set_presets) or what went wrong (show_error).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatapp.conversation.chat_settings import describe
from chatapp.conversation.presets import Preset
from chatapp.errors import UserFacingError
from chatapp.i18n import translate
from chatapp.settings import Settings
from chatapp.ui.chat_settings_dialog import PresetEditor
from chatapp.ui.icons import Icon, icon
from chatapp.ui.plain_text import plain_label, plain_question, plain_tooltip


def _file_filter() -> str:
    return translate("PresetsDialog", "Presets (*.json);;All files (*)")


class PresetsDialog(QDialog):
    save_requested = Signal(object, object)  # Preset, the name it had (None: a new one)
    delete_requested = Signal(str)
    export_requested = Signal(object, object)  # target Path, names (None: all)
    import_requested = Signal(object)  # source Path
    chat_requested = Signal(object)  # Preset: start a new chat from it

    def __init__(self, defaults: Settings, presets: Sequence[Preset], models: Sequence[Path],
                 default_model: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PresetsDialog", "Presets"))
        self.setObjectName("presetsDialog")
        self.resize(560, 400)
        self.defaults = defaults
        self.models = list(models)
        self.default_model = default_model
        self.presets: list[Preset] = []
        layout = QVBoxLayout(self)
        intro = QLabel(translate("PresetsDialog", "Named assistants to start a chat from: a "
                                 "system prompt, sampling, and perhaps a model of their "
                                 "own."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("presetList")
        self.list.setAccessibleName(translate("PresetsDialog", "Presets"))
        self.list.setAccessibleDescription(translate(
            "PresetsDialog", "Double-click or Edit… changes the chosen preset"))
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        left.addWidget(self.list, 1)
        # What the chosen preset sets, one field a line.
        self.details = plain_label(QLabel(self))
        self.details.setObjectName("presetDetails")
        self.details.setWordWrap(True)
        self.details.setAccessibleName(translate("PresetsDialog", "What the preset sets"))
        left.addWidget(self.details)
        body.addLayout(left, 1)
        column = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, glyph, description, slot in (
                ("chat", translate("PresetsDialog", "Start a chat"), Icon.NEW_CHAT,
                 translate("PresetsDialog", "Starts a new chat from the chosen preset"),
                 self._start_chat),
                ("new", translate("PresetsDialog", "New…"), Icon.ADD,
                 translate("PresetsDialog", "Makes a new preset"), self.create_preset),
                ("edit", translate("PresetsDialog", "Edit…"), Icon.EDIT,
                 translate("PresetsDialog", "Changes the chosen preset"), self.edit_selected),
                ("delete", translate("PresetsDialog", "Delete…"), Icon.DELETE,
                 translate("PresetsDialog", "Deletes the chosen preset, after asking"),
                 self._delete_selected),
                ("export", translate("PresetsDialog", "Export…"), Icon.EXPORT,
                 translate("PresetsDialog", "Writes the chosen preset to a file"),
                 lambda: self._export(selected=True)),
                ("export_all", translate("PresetsDialog", "Export all…"), Icon.EXPORT,
                 translate("PresetsDialog", "Writes every preset to one file"),
                 lambda: self._export(selected=False)),
                ("import", translate("PresetsDialog", "Import…"), Icon.IMPORT,
                 translate("PresetsDialog", "Adds the presets of a presets file"),
                 self._import)):
            button = QPushButton(icon(glyph), text, self)
            button.setObjectName(f"preset_{key}")
            button.setAccessibleDescription(description)
            button.clicked.connect(slot)
            column.addWidget(button)
            self.buttons[key] = button
        column.addStretch(1)
        body.addLayout(column)
        layout.addLayout(body, 1)

        # Notes name files and presets: plain text.
        self.note = plain_label(QLabel(self))
        self.note.setObjectName("presetsNote")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(translate("PresetsDialog", "Message"))
        layout.addWidget(self.note)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.set_presets(presets)

    # -- what the session says ---------------------------------------------------------

    def set_presets(self, presets: Sequence[Preset], note: str = "") -> None:
        chosen = self.selected()
        self.presets = list(presets)
        self.list.clear()
        for preset in self.presets:
            item = QListWidgetItem(preset.name)
            item.setToolTip(plain_tooltip(_details(preset, self.defaults)))
            item.setData(Qt.ItemDataRole.UserRole, preset.name)
            self.list.addItem(item)
            if chosen is not None and preset.name.casefold() == chosen.name.casefold():
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        if not self.presets:
            note = note or translate("PresetsDialog", "No presets yet: New… makes one, "
                                     "Import… reads a presets file.")
        self._set_note(note, error=False)
        self._update_buttons()

    def show_error(self, error: UserFacingError) -> None:
        self._set_note(error.user_message, error=True)

    def _set_note(self, text: str, *, error: bool) -> None:
        self.note.setText(text)
        self.note.setObjectName("settingsError" if error else "presetsNote")
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)

    # -- what the user does ------------------------------------------------------------

    def selected(self) -> Preset | None:
        item: QListWidgetItem | None = self.list.currentItem()
        if item is None:
            return None
        name = str(item.data(Qt.ItemDataRole.UserRole))
        return next((p for p in self.presets if p.name == name), None)

    def _update_buttons(self) -> None:
        preset = self.selected()
        chosen = preset is not None
        self.details.setText(_details(preset, self.defaults) if preset is not None else "")
        for key in ("chat", "edit", "delete", "export"):
            self.buttons[key].setEnabled(chosen)
        self.buttons["export_all"].setEnabled(bool(self.presets))

    def editor(self, preset: Preset | None) -> PresetEditor:
        """The editor for ``preset`` (None: a new one); accepting it asks for the save."""
        editor = PresetEditor(self.defaults, preset, taken=[p.name for p in self.presets],
                              models=self.models, default_model=self.default_model,
                              parent=self)
        old_name = preset.name if preset is not None else None
        editor.accepted.connect(lambda: self.save_requested.emit(editor.result_preset,
                                                                 old_name))
        return editor

    def create_preset(self) -> None:
        self.editor(None).open()

    def edit_selected(self) -> None:
        preset = self.selected()
        if preset is not None:
            self.editor(preset).open()

    def _delete_selected(self) -> None:
        preset = self.selected()
        if preset is not None and plain_question(
                self, translate("PresetsDialog", "Delete preset"),
                translate("PresetsDialog", "Delete the preset “{name}”? Chats started from "
                          "it keep their settings.").format(name=preset.name)):
            self.delete_requested.emit(preset.name)

    def _start_chat(self) -> None:
        preset = self.selected()
        if preset is not None:
            self.chat_requested.emit(preset)
            self.accept()

    def _export(self, *, selected: bool) -> None:
        preset = self.selected()
        if selected and preset is None:
            return
        suggested = f"{preset.name}.json" if selected and preset else "chatapp-presets.json"
        name, _ = QFileDialog.getSaveFileName(self, translate("PresetsDialog",
                                                              "Export presets"),
                                              str(Path.home() / _safe_file_name(suggested)),
                                              _file_filter())
        if name:
            self.export_requested.emit(Path(name), [preset.name] if selected and preset
                                       else None)

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, translate("PresetsDialog",
                                                              "Import presets"),
                                              str(Path.home()), _file_filter())
        if name:
            self.import_requested.emit(Path(name))


def _details(preset: Preset, defaults: Settings) -> str:
    if not preset.settings:
        return translate("PresetsDialog", "Every field at Default: a chat from it follows "
                         "the app's settings.")
    return describe(preset.settings, defaults).tooltip


def _safe_file_name(name: str) -> str:
    """A preset's name as a file name: no folder separators or other troublemakers."""
    cleaned = "".join(ch if ch.isalnum() or ch in " ._-()" else "_" for ch in name).strip()
    return cleaned.lstrip(".") or "preset.json"
