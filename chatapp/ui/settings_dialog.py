"""Settings: the replies (system prompt, sampling), the model and its memory, the look
(theme, language, text size), and the API server.

Four groups in two columns, all in view at once: tabs would hide half of the settings
behind a click, and the dialog still fits a 1366 x 768 screen. The widgets are made in
reading order (down the left column, then the right), which is the order Tab follows.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
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
from chatapp.i18n import LANGUAGES, QT_TRANSLATE_NOOP, format_number, translate
from chatapp.settings import AUTO, CONTEXT_LENGTH_CHOICES, LIMITS, Settings, SettingsError
from chatapp.ui.api_server_section import ApiServerSection
from chatapp.ui.language import system_language
from chatapp.vocabulary import KvCacheType, ThemeChoice

KV_CACHE_TYPE_LABELS = {
    KvCacheType.F16: QT_TRANSLATE_NOOP("SettingsDialog", "Full precision (f16)"),
    KvCacheType.Q8_0: QT_TRANSLATE_NOOP("SettingsDialog", "Half (q8_0)"),
    KvCacheType.Q4_0: QT_TRANSLATE_NOOP("SettingsDialog", "Quarter (q4_0)"),
}
KV_CACHE_EXPLANATION = QT_TRANSLATE_NOOP(
    "SettingsDialog", "How the model keeps the chat in memory. Half or a quarter of the "
    "memory lets longer chats fit; q4_0 may lower the answers' quality.")
THEME_LABELS = {
    ThemeChoice.SYSTEM: QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"),
    ThemeChoice.LIGHT: QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    ThemeChoice.DARK: QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
}


def context_length_label(value: int) -> str:
    """A context length as the choosers show it (also the chat settings')."""
    if value == AUTO:
        return translate("SettingsDialog", "Auto (fits this computer)")
    return translate("SettingsDialog", "{count} tokens").format(count=format_number(value))


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


def _row(form: QFormLayout, label: str, field: QWidget, description: str = "") -> None:
    """A form row whose field a screen reader names by ``label`` (a buddy label names only
    some kinds of widgets), with ``description`` as its tooltip and description."""
    form.addRow(label, field)
    field.setAccessibleName(label.replace("&", ""))
    if description:
        field.setToolTip(description)
        field.setAccessibleDescription(description)


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, physical_cores: int,
                 parent: QWidget | None = None, *,
                 loaded_model: ModelSummary | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.setObjectName("settingsDialog")
        self._original = settings
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        layout.addLayout(columns)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        replies = QGroupBox(translate("SettingsDialog", "Replies"), self)
        replies.setObjectName("settingsReplies")
        form = QFormLayout(replies)
        left.addWidget(replies)
        self.system_prompt = QPlainTextEdit(replies)
        self.system_prompt.setObjectName("system_prompt")
        self.system_prompt.setFixedHeight(90)
        self.system_prompt.setMinimumWidth(280)  # a prompt is read here, not a number
        self.system_prompt.setTabChangesFocus(True)  # Tab leaves it, as in every other field
        _row(form, translate("SettingsDialog", "System prompt"), self.system_prompt,
             translate("SettingsDialog", "What the model is told before every chat"))
        self.temperature = _double("temperature", 0.05)
        _row(form, translate("SettingsDialog", "Temperature"), self.temperature,
             translate("SettingsDialog",
                       "Higher is more varied, 0 always picks the likeliest word"))
        self.top_p = _double("top_p", 0.01)
        _row(form, translate("SettingsDialog", "Top-p"), self.top_p,
             translate("SettingsDialog", "Only the likeliest words that together make up "
                       "this share of the probability are considered"))
        self.top_k = _int("top_k", special=translate("SettingsDialog", "Off"))
        _row(form, translate("SettingsDialog", "Top-k"), self.top_k,
             translate("SettingsDialog", "Only this many of the likeliest words are "
                       "considered"))
        self.min_p = _double("min_p", 0.01)
        _row(form, translate("SettingsDialog", "Min-p"), self.min_p,
             translate("SettingsDialog", "Words less likely than this share of the likeliest "
                       "word's probability are left out"))
        self.repeat_penalty = _double("repeat_penalty", 0.05)
        _row(form, translate("SettingsDialog", "Repeat penalty"), self.repeat_penalty,
             translate("SettingsDialog", "Above 1, words already written are less likely "
                       "again"))
        self.max_reply_tokens = _int("max_reply_tokens")
        self.max_reply_tokens.setSingleStep(128)
        _row(form, translate("SettingsDialog", "Max reply tokens"), self.max_reply_tokens,
             translate("SettingsDialog", "The answer's length; a reasoning model's thought "
                       "counts against the thinking budget instead"))
        self.thinking_budget_tokens = _int("thinking_budget_tokens")
        self.thinking_budget_tokens.setSingleStep(1024)
        _row(form, translate("SettingsDialog", "Thinking budget (tokens)"),
             self.thinking_budget_tokens,
             translate("SettingsDialog",
                       "How long a reasoning model may think before it must answer"))

        appearance = QGroupBox(translate("SettingsDialog", "Appearance"), self)
        appearance.setObjectName("settingsAppearance")
        look = QFormLayout(appearance)
        left.addWidget(appearance)
        self.theme = QComboBox(appearance)
        self.theme.setObjectName("theme")
        for choice, label in THEME_LABELS.items():
            self.theme.addItem(translate("SettingsDialog", label), choice.value)
        _row(look, translate("SettingsDialog", "Theme"), self.theme,
             translate("SettingsDialog", "Light or dark colours, or those the system uses"))
        self.language = QComboBox(appearance)
        self.language.setObjectName("language")
        self.language.addItem(translate("SettingsDialog", "System language ({language})").format(
            language=LANGUAGES[system_language()]), "")
        for code, own_name in LANGUAGES.items():
            self.language.addItem(own_name, code)  # in its own words: readable by its users
        _row(look, translate("SettingsDialog", "Language"), self.language,
             translate("SettingsDialog", "The language of the window; a new language "
                       "applies when chatapp starts again"))
        self.language_note = QLabel(translate(
            "SettingsDialog", "A new language applies when chatapp starts again."),
            appearance)
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        look.addRow("", self.language_note)
        self.text_size = QSpinBox(appearance)
        self.text_size.setObjectName("text_size_percent")
        self.text_size.setRange(int(LIMITS["text_size_percent"].low),
                                int(LIMITS["text_size_percent"].high))
        self.text_size.setSingleStep(10)
        self.text_size.setSuffix(translate("SettingsDialog", " %"))
        _row(look, translate("SettingsDialog", "Text size"), self.text_size,
             translate("SettingsDialog", "The size of the text in the window, in percent "
                       "of the system's (also Ctrl+= and Ctrl+-)"))
        left.addStretch(1)

        model_box = QGroupBox(translate("SettingsDialog", "Model and memory"), self)
        model_box.setObjectName("settingsModel")
        model_layout = QVBoxLayout(model_box)
        form = QFormLayout()
        model_layout.addLayout(form)
        right.addWidget(model_box)
        self.context_length = QComboBox(model_box)
        self.context_length.setObjectName("context_length")
        choices = list(CONTEXT_LENGTH_CHOICES)
        if settings.context_length not in choices:
            choices.append(settings.context_length)
        for value in sorted(choices):
            self.context_length.addItem(context_length_label(value), value)
        _row(form, translate("SettingsDialog", "Context length"), self.context_length,
             translate("SettingsDialog", "How much of the chat the model reads at once, "
                       "in tokens"))
        self.kv_cache_type = QComboBox(model_box)
        self.kv_cache_type.setObjectName("kv_cache_type")
        for kv_type, label in KV_CACHE_TYPE_LABELS.items():
            self.kv_cache_type.addItem(translate("SettingsDialog", label), kv_type)
        _row(form, translate("SettingsDialog", "Context memory (KV cache)"),
             self.kv_cache_type, translate("SettingsDialog", KV_CACHE_EXPLANATION))
        self.kv_cache_note = QLabel(_kv_cache_note(loaded_model), model_box)
        self.kv_cache_note.setObjectName("kvCacheNote")
        self.kv_cache_note.setWordWrap(True)
        self.kv_cache_note.setAccessibleName(translate("SettingsDialog",
                                                       "About the context memory"))
        self.threads = _int("threads", special=translate(
            "SettingsDialog", "Auto ({cores} physical cores)").format(
                cores=format_number(physical_cores)))
        _row(form, translate("SettingsDialog", "Threads"), self.threads,
             translate("SettingsDialog", "How many of the processor's cores compute the "
                       "replies"))
        self.kv_memory_budget_mb = _int("kv_memory_budget_mb", special=translate(
            "SettingsDialog", "Auto (a quarter of free memory, ≤ 2 GiB)"))
        self.kv_memory_budget_mb.setSuffix(translate("SettingsDialog", " MiB"))
        self.kv_memory_budget_mb.setSingleStep(256)
        _row(form, translate("SettingsDialog", "Memory for chats left"),
             self.kv_memory_budget_mb,
             translate("SettingsDialog", "Memory that keeps the chats you left ready, so "
                       "going back to one answers at once; more of them wait in the cache "
                       "folder on disk"))
        self.min_tokens_per_s = _double("min_tokens_per_s", 1.0, decimals=1)
        self.min_tokens_per_s.setSuffix(translate("SettingsDialog", " tokens/s"))
        _row(form, translate("SettingsDialog", "Slowest speed worth waiting for"),
             self.min_tokens_per_s,
             translate("SettingsDialog", "Among a model's quantizations, Models suggests "
                       "the best one that answers at least this fast on this computer"))
        self.hub_endpoint = QLineEdit(model_box)
        self.hub_endpoint.setObjectName("hub_endpoint")
        _row(form, translate("SettingsDialog", "Model hub address"), self.hub_endpoint,
             translate("SettingsDialog",
                       "Where model search and downloads go: Hugging Face, or a mirror"))
        # Below the form: a wrapped note in a form row gets the height of a narrower width
        # than it has, and is cut.
        model_layout.addWidget(self.kv_cache_note)
        self.api_section = ApiServerSection(settings, self)
        right.addWidget(self.api_section)
        right.addStretch(1)

        note = QLabel(translate("SettingsDialog", "Sampling and the system prompt apply to "
                                "the next reply. A new context length or context memory "
                                "reloads the model."), self)
        note.setWordWrap(True)
        note.setObjectName("settingsNote")
        layout.addWidget(note)
        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("SettingsDialog", "Problem"))
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setAccessibleDescription(translate(
            "SettingsDialog", "Shows every setting's default; OK saves them"))
        restore.clicked.connect(self._restore_defaults)
        layout.addWidget(buttons)
        self.result_settings: Settings | None = None
        self._show(settings)
        # Shown whole where the screen allows: a window's first size is otherwise at most
        # two thirds of the screen, which squeezes the notes.
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(self.sizeHint().boundedTo(screen.size()))

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
            theme=ThemeChoice(self.theme.currentData()),
            language=str(self.language.currentData()),
            text_size_percent=self.text_size.value(),
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
        self.theme.setCurrentIndex(self.theme.findData(settings.theme.value))
        # A language no longer offered shows as the system's (and is saved so).
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.text_size.setValue(settings.text_size_percent)
        self.api_section.show_settings(settings)


def _kv_cache_note(model: ModelSummary | None) -> str:
    """The trade-off, and what each choice takes per token for the loaded model."""
    explanation = translate("SettingsDialog", KV_CACHE_EXPLANATION)
    if model is None or not model.kv_bytes_per_token:
        return explanation
    f16 = round(model.kv_bytes_per_token * KvCacheType.F16.bytes_per_value
                / model.kv_cache_type.bytes_per_value)
    sizes = {kv_type: format_bytes(kv_bytes_per_token(f16, kv_type), binary=True)
             for kv_type in KvCacheType}
    each = translate("SettingsDialog", "{model} takes {f16} with f16, {q8_0} with q8_0, "
                     "{q4_0} with q4_0 per token.").format(
        model=model.name, f16=sizes[KvCacheType.F16], q8_0=sizes[KvCacheType.Q8_0],
        q4_0=sizes[KvCacheType.Q4_0])
    return f"{explanation} {each}"
