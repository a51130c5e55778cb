"""Settings: system prompt, sampling, context length and threads."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatapp.settings import AUTO, CONTEXT_LENGTH_CHOICES, LIMITS, Settings, SettingsError


def _double(name: str, value: float, step: float, decimals: int = 2) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(LIMITS[name].low, LIMITS[name].high)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    box.setValue(value)
    return box


def _int(name: str, value: int, special: str | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(int(LIMITS[name].low), int(LIMITS[name].high))
    if special:
        box.setSpecialValueText(special)
    box.setValue(value)
    return box


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, physical_cores: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self._original = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()

        self.system_prompt = QPlainTextEdit(settings.system_prompt, self)
        self.system_prompt.setObjectName("system_prompt")
        self.system_prompt.setFixedHeight(90)
        form.addRow("System prompt", self.system_prompt)
        self.temperature = _double("temperature", settings.temperature, 0.05)
        self.temperature.setToolTip("Higher is more varied, 0 always picks the likeliest word")
        form.addRow("Temperature", self.temperature)
        self.top_p = _double("top_p", settings.top_p, 0.01)
        form.addRow("Top-p", self.top_p)
        self.top_k = _int("top_k", settings.top_k, special="Off")
        form.addRow("Top-k", self.top_k)
        self.min_p = _double("min_p", settings.min_p, 0.01)
        form.addRow("Min-p", self.min_p)
        self.repeat_penalty = _double("repeat_penalty", settings.repeat_penalty, 0.05)
        form.addRow("Repeat penalty", self.repeat_penalty)
        self.max_reply_tokens = _int("max_reply_tokens", settings.max_reply_tokens)
        self.max_reply_tokens.setSingleStep(128)
        form.addRow("Max reply tokens", self.max_reply_tokens)

        self.context_length = QComboBox(self)
        self.context_length.setObjectName("context_length")
        choices = list(CONTEXT_LENGTH_CHOICES)
        if settings.context_length not in choices:
            choices.append(settings.context_length)
        for value in sorted(choices):
            label = "Auto (fits this computer)" if value == AUTO else f"{value:,} tokens"
            self.context_length.addItem(label, value)
        self.context_length.setCurrentIndex(self.context_length.findData(settings.context_length))
        form.addRow("Context length", self.context_length)
        self.threads = _int("threads", settings.threads,
                            special=f"Auto ({physical_cores} physical cores)")
        form.addRow("Threads", self.threads)
        layout.addLayout(form)

        note = QLabel("Sampling and the system prompt apply to the next reply. A new context "
                      "length reloads the model.", self)
        note.setWordWrap(True)
        note.setObjectName("settingsNote")
        layout.addWidget(note)
        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self._restore_defaults)
        layout.addWidget(buttons)
        self.result_settings: Settings | None = None

    def values(self) -> Settings:
        return replace(
            self._original,
            system_prompt=self.system_prompt.toPlainText().strip(),
            temperature=self.temperature.value(),
            top_p=self.top_p.value(),
            top_k=self.top_k.value(),
            min_p=self.min_p.value(),
            repeat_penalty=self.repeat_penalty.value(),
            max_reply_tokens=self.max_reply_tokens.value(),
            context_length=int(self.context_length.currentData()),
            threads=self.threads.value(),
        )

    def accept(self) -> None:
        try:
            self.result_settings = self.values().validated()
        except SettingsError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()

    def _restore_defaults(self) -> None:
        defaults = Settings()
        self.system_prompt.setPlainText(defaults.system_prompt)
        self.temperature.setValue(defaults.temperature)
        self.top_p.setValue(defaults.top_p)
        self.top_k.setValue(defaults.top_k)
        self.min_p.setValue(defaults.min_p)
        self.repeat_penalty.setValue(defaults.repeat_penalty)
        self.max_reply_tokens.setValue(defaults.max_reply_tokens)
        self.context_length.setCurrentIndex(self.context_length.findData(defaults.context_length))
        self.threads.setValue(defaults.threads)
