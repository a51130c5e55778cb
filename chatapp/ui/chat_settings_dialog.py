"""A chat's own settings, and a preset's: each field set here or left at "Default".

One form (:class:`OverridesForm`) serves the chat settings dialog and the preset editor:
a field left at Default shows the default's value, greyed, and follows the defaults
(Model ▸ Settings) also when they change later.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatapp.conversation.chat_settings import (
    CHAT_FIELDS,
    COLLECTIONS,
    MODEL,
    PRESET,
    OverrideError,
    chat_collections,
    chat_remote_model,
    check_override,
    clean_overrides,
    with_remote_model,
)
from chatapp.conversation.presets import Preset, PresetError, check_name
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.settings import CONTEXT_LENGTH_CHOICES, LIMITS, Settings
from chatapp.ui.documents.chat_collections import CollectionsChooser
from chatapp.ui.plain_text import plain_tooltip
from chatapp.ui.settings_dialog import context_length_label

Editor = QPlainTextEdit | QDoubleSpinBox | QSpinBox | QComboBox

# Label, and the step and decimals of a number field.
_FIELDS: dict[str, tuple[str, float, int]] = {
    "temperature": (QT_TRANSLATE_NOOP("OverridesForm", "Temperature"), 0.05, 2),
    "top_p": (QT_TRANSLATE_NOOP("OverridesForm", "Top-p"), 0.01, 2),
    "top_k": (QT_TRANSLATE_NOOP("OverridesForm", "Top-k"), 1, 0),
    "min_p": (QT_TRANSLATE_NOOP("OverridesForm", "Min-p"), 0.01, 2),
    "repeat_penalty": (QT_TRANSLATE_NOOP("OverridesForm", "Repeat penalty"), 0.05, 2),
    "max_reply_tokens": (QT_TRANSLATE_NOOP("OverridesForm", "Max reply tokens"), 128, 0),
    "thinking_budget_tokens": (QT_TRANSLATE_NOOP("OverridesForm", "Thinking budget (tokens)"),
                               1024, 0),
}


def _number(value: float | int) -> str:
    """A default's value in the locale's digits, with the decimals it has ("0.7")."""
    if isinstance(value, float):
        return format_number(value, len(f"{value:g}".partition(".")[2]))
    return format_number(value)


class OverridesForm(QWidget):
    """The fields a chat or preset may set, each with its own Default switch."""

    def __init__(self, defaults: Settings, overrides: Mapping[str, object],
                 models: Sequence[Path], default_model: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._defaults = defaults
        self._default_model = default_model
        self.editors: dict[str, Editor] = {}
        self.default_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)

        prompt = QPlainTextEdit(self)
        prompt.setObjectName("system_prompt")
        prompt.setFixedHeight(96)
        prompt.setPlaceholderText(translate("OverridesForm", "No system prompt"))
        prompt.setTabChangesFocus(True)  # Tab goes on to its Default box
        self._add(grid, "system_prompt", translate("OverridesForm", "System prompt"), prompt)
        for name, (label, step, decimals) in _FIELDS.items():
            box: QDoubleSpinBox | QSpinBox
            if decimals:
                box = QDoubleSpinBox(self)
                box.setDecimals(decimals)
                box.setRange(LIMITS[name].low, LIMITS[name].high)
                box.setSingleStep(step)
            else:
                box = QSpinBox(self)
                box.setRange(int(LIMITS[name].low), int(LIMITS[name].high))
                box.setSingleStep(int(step))
            box.setObjectName(name)
            if name == "top_k":
                box.setSpecialValueText(translate("OverridesForm", "Off"))
            self._add(grid, name, translate("OverridesForm", label), box)

        context = QComboBox(self)
        context.setObjectName("context_length")
        choices = set(CONTEXT_LENGTH_CHOICES) | {defaults.context_length}
        wanted = overrides.get("context_length")
        if isinstance(wanted, int):
            choices.add(wanted)
        for value in sorted(choices):
            context.addItem(context_length_label(value), value)
        self._add(grid, "context_length", translate("OverridesForm", "Context length"),
                  context)

        model = QComboBox(self)
        model.setObjectName(MODEL)
        model.setPlaceholderText(translate("OverridesForm", "No model"))
        known = list(models)
        for path in (default_model, _path(overrides.get(MODEL))):
            if path is not None and path not in known:
                known.append(path)
        for path in known:
            model.addItem(path.name, str(path))
            model.setItemData(model.count() - 1, plain_tooltip(str(path)),
                              Qt.ItemDataRole.ToolTipRole)
        self._add(grid, MODEL, translate("OverridesForm", "Model"), model)
        self.show_values(overrides)

    def _add(self, grid: QGridLayout, name: str, label: str, editor: Editor) -> None:
        row = grid.rowCount()
        caption = QLabel(label, self)
        caption.setBuddy(editor)
        grid.addWidget(caption, row, 0)
        grid.addWidget(editor, row, 1)
        editor.setAccessibleName(label)
        default = QCheckBox(translate("OverridesForm", "Default"), self)
        default.setObjectName(f"{name}_default")
        follows = translate("OverridesForm", "Follow the default: {value}").format(
            value=self._default_text(name))
        default.setToolTip(plain_tooltip(follows))
        # Each row's box is "Default": the name says which field it is for.
        default.setAccessibleName(translate("OverridesForm", "{field}: default").format(
            field=label))
        default.setAccessibleDescription(follows)
        default.toggled.connect(lambda on, n=name: self._default_toggled(n, on))
        grid.addWidget(default, row, 2)
        self.editors[name] = editor
        self.default_boxes[name] = default

    def _default_text(self, name: str) -> str:
        if name == MODEL:
            return (self._default_model.name if self._default_model
                    else translate("OverridesForm", "the model chosen above"))
        value = getattr(self._defaults, name)
        if name == "context_length":
            return context_length_label(value)
        if name == "system_prompt":
            return (translate("OverridesForm", "“{prompt}”").format(prompt=value) if value
                    else translate("OverridesForm", "no system prompt"))
        if name == "top_k" and value == 0:
            return translate("OverridesForm", "Off")
        return _number(value)

    def _default_toggled(self, name: str, on: bool) -> None:
        self.editors[name].setEnabled(not on)
        if on:  # show what the field follows
            self._set(name, self._default_value(name))

    def _default_value(self, name: str) -> object:
        if name == MODEL:
            return str(self._default_model) if self._default_model is not None else None
        return getattr(self._defaults, name)

    def _set(self, name: str, value: object) -> None:
        editor = self.editors[name]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value))  # type: ignore[arg-type]
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))  # type: ignore[call-overload]
        else:
            editor.setCurrentIndex(editor.findData(value) if value is not None else -1)

    def _get(self, name: str) -> object:
        editor = self.editors[name]
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip()
        if isinstance(editor, QDoubleSpinBox | QSpinBox):
            return editor.value()
        return editor.currentData()

    def set_own(self, name: str, value: object) -> None:
        """Set the field ``name`` off Default, to ``value`` (as the user does)."""
        self.default_boxes[name].setChecked(False)
        self._set(name, value)

    def shown(self, name: str) -> object:
        """The value the field ``name`` shows (the default's while at Default)."""
        return self._get(name)

    def show_values(self, overrides: Mapping[str, object]) -> None:
        """Show ``overrides``: the fields they set, the rest at Default."""
        clean = clean_overrides(overrides)
        for name in (*CHAT_FIELDS, MODEL):
            own = name in clean
            box = self.default_boxes[name]
            box.setChecked(not own)
            self._default_toggled(name, not own)  # also when the box did not change
            if own:
                self._set(name, clean[name])

    def values(self) -> dict[str, object]:
        """What the form sets: the fields not at Default. OverrideError if one is not
        usable (the editors keep numbers in range; a model must be chosen)."""
        values: dict[str, object] = {}
        for name in (*CHAT_FIELDS, MODEL):
            if self.default_boxes[name].isChecked():
                continue
            value = self._get(name)
            if name == MODEL and value is None:
                raise OverrideError(translate("OverridesForm",
                                              "Choose the model, or leave it at Default."))
            values[name] = check_override(name, value)
        return values


def _path(value: object) -> Path | None:
    return Path(value) if isinstance(value, str) and value else None


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("settingsError")
    label.setWordWrap(True)
    label.setAccessibleName(translate("ChatSettingsDialog", "Problem"))
    label.hide()
    return label


class ChatSettingsDialog(QDialog):
    """The open chat's own settings. ``result_overrides`` holds them once accepted."""

    preset_requested = Signal(object)  # Preset: save these settings as a preset

    def __init__(self, defaults: Settings, overrides: Mapping[str, object],
                 models: Sequence[Path], default_model: Path | None,
                 parent: QWidget | None = None, *,
                 collections: Sequence[tuple[int, str]] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ChatSettingsDialog", "Chat settings"))
        self.setObjectName("chatSettingsDialog")
        self._original = clean_overrides(overrides)
        layout = QVBoxLayout(self)
        intro = QLabel(translate("ChatSettingsDialog", "Settings for this chat only. A field "
                                 "left at Default follows the app's settings (Model ▸ "
                                 "Settings). A model or context length of the chat's own is "
                                 "loaded when the chat is opened."), self)
        intro.setWordWrap(True)
        intro.setObjectName("settingsNote")
        layout.addWidget(intro)
        self.form = OverridesForm(defaults, self._original, models, default_model, self)
        layout.addWidget(self.form)
        self.collections = CollectionsChooser(collections, chat_collections(self._original),
                                              self)
        layout.addWidget(self.collections)
        self.error = _error_label(self)
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.all_default = QPushButton(translate("ChatSettingsDialog", "All default"), self)
        self.all_default.setObjectName("allDefault")
        self.all_default.setToolTip(translate("ChatSettingsDialog",
                                              "Every field follows the app's settings"))
        self.all_default.setAccessibleDescription(self.all_default.toolTip())
        self.all_default.clicked.connect(lambda: self.form.show_values({}))
        buttons.addButton(self.all_default, QDialogButtonBox.ButtonRole.ResetRole)
        self.save_preset = QPushButton(translate("ChatSettingsDialog", "Save as preset…"),
                                       self)
        self.save_preset.setAccessibleDescription(translate(
            "ChatSettingsDialog", "Saves these settings as a preset to start new chats from"))
        self.save_preset.setObjectName("saveAsPreset")
        self.save_preset.clicked.connect(self._ask_preset_name)
        buttons.addButton(self.save_preset, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_overrides: dict[str, object] | None = None

    def overrides(self) -> dict[str, object]:
        """The form's settings; the preset the chat came from is still named while they
        are the preset's."""
        values = self.form.values()
        chosen = self.collections.chosen()
        if chosen:
            values[COLLECTIONS] = chosen
        remote = chat_remote_model(self._original)
        if remote is not None and MODEL not in values:  # a model file chosen here replaces it
            values = with_remote_model(values, remote)
        original = {k: v for k, v in self._original.items() if k != PRESET}
        if PRESET in self._original and values == original:
            values[PRESET] = self._original[PRESET]
        return values

    def accept(self) -> None:
        try:
            self.result_overrides = self.overrides()
        except OverrideError as error:
            self.show_error(error.user_message)
            return
        super().accept()

    def preset_named(self, name: str) -> Preset | None:
        """A preset of the form's settings; None (with the reason shown) if it cannot be."""
        try:
            values = self.form.values()
            return Preset(check_name(name), values)
        except (OverrideError, PresetError) as error:
            self.show_error(error.user_message)
            return None

    def _ask_preset_name(self) -> None:
        label = self._original.get(PRESET)
        name, ok = QInputDialog.getText(self, translate("ChatSettingsDialog", "Save as preset"),
                                        translate("ChatSettingsDialog",
                                                  "Name of the new preset:"),
                                        QLineEdit.EchoMode.Normal,
                                        label if isinstance(label, str) else "")
        if ok:
            preset = self.preset_named(name)
            if preset is not None:
                self.preset_requested.emit(preset)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class PresetEditor(QDialog):
    """Create or change a preset: a name and the settings a chat started from it has."""

    def __init__(self, defaults: Settings, preset: Preset | None, *, taken: Sequence[str],
                 models: Sequence[Path], default_model: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PresetEditor", "Edit preset") if preset is not None
                            else translate("PresetEditor", "New preset"))
        self.setObjectName("presetEditor")
        self._taken = {name.casefold() for name in taken}
        if preset is not None:
            self._taken.discard(preset.name.casefold())
        layout = QVBoxLayout(self)
        name_row = QGridLayout()
        caption = QLabel(translate("PresetEditor", "Name"), self)
        name_row.addWidget(caption, 0, 0)
        self.name = QLineEdit(preset.name if preset is not None else "", self)
        caption.setBuddy(self.name)
        self.name.setObjectName("presetName")
        self.name.setAccessibleName(translate("PresetEditor", "Preset name"))
        self.name.setPlaceholderText(translate("PresetEditor",
                                               "e.g. Translator, Code reviewer"))
        self.name.setMaxLength(200)  # check_name says what the limit is
        name_row.addWidget(self.name, 0, 1)
        layout.addLayout(name_row)
        note = QLabel(translate("PresetEditor", "A chat started from this preset sets the "
                                "fields below; those left at Default follow the app's "
                                "settings."), self)
        note.setWordWrap(True)
        note.setObjectName("settingsNote")
        layout.addWidget(note)
        self.form = OverridesForm(defaults, preset.settings if preset is not None else {},
                                  models, default_model, self)
        layout.addWidget(self.form)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_preset: Preset | None = None

    def accept(self) -> None:
        try:
            name = check_name(self.name.text())
            if name.casefold() in self._taken:
                raise PresetError(translate(
                    "PresetEditor", "There is already a preset named “{name}”.").format(
                        name=name))
            self.result_preset = Preset(name, self.form.values())
        except (OverrideError, PresetError) as error:
            self.error.setText(error.user_message)
            self.error.show()
            return
        super().accept()
