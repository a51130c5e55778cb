"""Settings: system prompt, sampling, context length and memory, threads, and the API
server."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatapp.engine.context_policy import kv_bytes_per_token
from chatapp.engine.model_loader import ModelSummary
from chatapp.formatting import format_bytes
from chatapp.settings import AUTO, CONTEXT_LENGTH_CHOICES, LIMITS, Settings, SettingsError
from chatapp.ui.api_server_section import ApiServerSection
from chatapp.vocabulary import KvCacheType

KV_CACHE_TYPE_LABELS = {
    KvCacheType.F16: "Full precision (f16)",
    KvCacheType.Q8_0: "Half (q8_0)",
    KvCacheType.Q4_0: "Quarter (q4_0)",
}
KV_CACHE_EXPLANATION = ("How the model keeps the chat in memory. Half or a quarter of the "
                        "memory lets longer chats fit; q4_0 may lower the answers' quality.")


def _double(name: str, step: float, decimals: int = 2) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(LIMITS[name].low, LIMITS[name].high)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    return box


def _int(name: str, special: str | None = None) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(int(LIMITS[name].low), int(LIMITS[name].high))
    if special:
        box.setSpecialValueText(special)
    return box


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, physical_cores: int,
                 parent: QWidget | None = None, *,
                 loaded_model: ModelSummary | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self._original = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()

        self.system_prompt = QPlainTextEdit(self)
        self.system_prompt.setObjectName("system_prompt")
        self.system_prompt.setFixedHeight(90)
        form.addRow("System prompt", self.system_prompt)
        self.temperature = _double("temperature", 0.05)
        self.temperature.setToolTip("Higher is more varied, 0 always picks the likeliest word")
        form.addRow("Temperature", self.temperature)
        self.top_p = _double("top_p", 0.01)
        form.addRow("Top-p", self.top_p)
        self.top_k = _int("top_k", special="Off")
        form.addRow("Top-k", self.top_k)
        self.min_p = _double("min_p", 0.01)
        form.addRow("Min-p", self.min_p)
        self.repeat_penalty = _double("repeat_penalty", 0.05)
        form.addRow("Repeat penalty", self.repeat_penalty)
        self.max_reply_tokens = _int("max_reply_tokens")
        self.max_reply_tokens.setSingleStep(128)
        self.max_reply_tokens.setToolTip("The answer's length; a reasoning model's thought "
                                         "counts against the thinking budget instead")
        form.addRow("Max reply tokens", self.max_reply_tokens)
        self.thinking_budget_tokens = _int("thinking_budget_tokens")
        self.thinking_budget_tokens.setSingleStep(1024)
        self.thinking_budget_tokens.setToolTip(
            "How long a reasoning model may think before it must answer")
        form.addRow("Thinking budget (tokens)", self.thinking_budget_tokens)

        self.context_length = QComboBox(self)
        self.context_length.setObjectName("context_length")
        choices = list(CONTEXT_LENGTH_CHOICES)
        if settings.context_length not in choices:
            choices.append(settings.context_length)
        for value in sorted(choices):
            label = "Auto (fits this computer)" if value == AUTO else f"{value:,} tokens"
            self.context_length.addItem(label, value)
        form.addRow("Context length", self.context_length)
        self.kv_cache_type = QComboBox(self)
        self.kv_cache_type.setObjectName("kv_cache_type")
        for kv_type, label in KV_CACHE_TYPE_LABELS.items():
            self.kv_cache_type.addItem(label, kv_type)
        self.kv_cache_type.setToolTip(KV_CACHE_EXPLANATION)
        form.addRow("Context memory (KV cache)", self.kv_cache_type)
        self.kv_cache_note = QLabel(_kv_cache_note(loaded_model), self)
        self.kv_cache_note.setObjectName("kvCacheNote")
        self.kv_cache_note.setWordWrap(True)
        form.addRow("", self.kv_cache_note)
        self.threads = _int("threads", special=f"Auto ({physical_cores} physical cores)")
        form.addRow("Threads", self.threads)
        self.kv_memory_budget_mb = _int("kv_memory_budget_mb",
                                        special="Auto (a quarter of free memory, ≤ 2 GiB)")
        self.kv_memory_budget_mb.setSuffix(" MiB")
        self.kv_memory_budget_mb.setSingleStep(256)
        self.kv_memory_budget_mb.setToolTip(
            "Memory that keeps the chats you left ready, so going back to one answers at "
            "once; more of them wait in the cache folder on disk")
        form.addRow("Memory for chats left", self.kv_memory_budget_mb)
        self.min_tokens_per_s = _double("min_tokens_per_s", 1.0, decimals=1)
        self.min_tokens_per_s.setSuffix(" tokens/s")
        self.min_tokens_per_s.setToolTip(
            "Among a model's quantizations, Models suggests the best one that answers at "
            "least this fast on this computer")
        form.addRow("Slowest speed worth waiting for", self.min_tokens_per_s)
        self.hub_endpoint = QLineEdit(self)
        self.hub_endpoint.setObjectName("hub_endpoint")
        self.hub_endpoint.setToolTip("Where model search and downloads go: Hugging Face, or a "
                                     "mirror")
        form.addRow("Model hub address", self.hub_endpoint)
        layout.addLayout(form)
        self.api_section = ApiServerSection(settings, self)
        layout.addWidget(self.api_section)

        note = QLabel("Sampling and the system prompt apply to the next reply. A new context "
                      "length or context memory reloads the model.", self)
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
        self._show(settings)

    def values(self) -> Settings:
        return self.api_section.values(replace(
            self._original,
            system_prompt=self.system_prompt.toPlainText().strip(),
            temperature=self.temperature.value(),
            top_p=self.top_p.value(),
            top_k=self.top_k.value(),
            min_p=self.min_p.value(),
            repeat_penalty=self.repeat_penalty.value(),
            max_reply_tokens=self.max_reply_tokens.value(),
            thinking_budget_tokens=self.thinking_budget_tokens.value(),
            context_length=int(self.context_length.currentData()),
            kv_cache_type=KvCacheType(self.kv_cache_type.currentData()),
            threads=self.threads.value(),
            kv_memory_budget_mb=self.kv_memory_budget_mb.value(),
            min_tokens_per_s=self.min_tokens_per_s.value(),
            hub_endpoint=self.hub_endpoint.text().strip().rstrip("/"),
        ))

    def accept(self) -> None:
        try:
            self.result_settings = self.values().validated()
        except SettingsError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()

    def _restore_defaults(self) -> None:
        self._show(Settings())

    def _show(self, settings: Settings) -> None:
        self.system_prompt.setPlainText(settings.system_prompt)
        self.temperature.setValue(settings.temperature)
        self.top_p.setValue(settings.top_p)
        self.top_k.setValue(settings.top_k)
        self.min_p.setValue(settings.min_p)
        self.repeat_penalty.setValue(settings.repeat_penalty)
        self.max_reply_tokens.setValue(settings.max_reply_tokens)
        self.thinking_budget_tokens.setValue(settings.thinking_budget_tokens)
        self.context_length.setCurrentIndex(self.context_length.findData(settings.context_length))
        self.kv_cache_type.setCurrentIndex(self.kv_cache_type.findData(settings.kv_cache_type))
        self.threads.setValue(settings.threads)
        self.kv_memory_budget_mb.setValue(settings.kv_memory_budget_mb)
        self.min_tokens_per_s.setValue(settings.min_tokens_per_s)
        self.hub_endpoint.setText(settings.hub_endpoint)
        self.api_section.show_settings(settings)


def _kv_cache_note(model: ModelSummary | None) -> str:
    """The trade-off, and what each choice takes per token for the loaded model."""
    if model is None or not model.kv_bytes_per_token:
        return KV_CACHE_EXPLANATION
    f16 = round(model.kv_bytes_per_token * KvCacheType.F16.bytes_per_value
                / model.kv_cache_type.bytes_per_value)
    each = ", ".join(f"{format_bytes(kv_bytes_per_token(f16, kv_type), binary=True)} "
                     f"with {kv_type}" for kv_type in KvCacheType)
    return f"{KV_CACHE_EXPLANATION} {model.name} takes {each} per token."
