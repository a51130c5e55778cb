"""The user's settings: system prompt, sampling, context and threads.

Stored as JSON in the config folder. Values are validated on load and on save, so a
hand-edited or damaged file falls back to defaults field by field instead of breaking
the app.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from chatapp.errors import UserFacingError
from chatapp.files.atomic import write_json_atomic
from chatapp.i18n import LANGUAGES, QT_TRANSLATE_NOOP, format_number, translate
from chatapp.vocabulary import KvCacheType, ThemeChoice

log = logging.getLogger(__name__)

DEFAULT_SYSTEM_PROMPT = "You are a helpful assistant."
DEFAULT_HUB_ENDPOINT = "https://huggingface.co"
AUTO = 0  # for context_length and threads: let the app choose for this computer

# Offered in the settings dialog; any value in range is accepted from the file.
CONTEXT_LENGTH_CHOICES = (AUTO, 1024, 2048, 4096, 8192, 16384, 32768)


class SettingsError(UserFacingError, ValueError):
    """A setting out of its range; the message names the field and the range."""


@dataclass(frozen=True)
class Range:
    low: float
    high: float


# One table of limits serves validation, the dialog's spin boxes and the tests.
LIMITS: dict[str, Range] = {
    "temperature": Range(0.0, 2.0),
    "top_p": Range(0.0, 1.0),
    "top_k": Range(0, 1000),
    "min_p": Range(0.0, 1.0),
    "repeat_penalty": Range(1.0, 2.0),
    "max_reply_tokens": Range(16, 32768),
    "thinking_budget_tokens": Range(64, 131072),
    "context_length": Range(AUTO, 1_048_576),
    "threads": Range(AUTO, 512),
    "api_port": Range(1024, 65535),
    "min_tokens_per_s": Range(0.5, 1000.0),
    "kv_memory_budget_mb": Range(AUTO, 1_048_576),
    "text_size_percent": Range(50, 300),
}

# The fields' names in messages about them.
_LIMIT_NAMES: dict[str, str] = {
    "temperature": QT_TRANSLATE_NOOP("Settings", "Temperature"),
    "top_p": QT_TRANSLATE_NOOP("Settings", "Top p"),
    "top_k": QT_TRANSLATE_NOOP("Settings", "Top k"),
    "min_p": QT_TRANSLATE_NOOP("Settings", "Min p"),
    "repeat_penalty": QT_TRANSLATE_NOOP("Settings", "Repeat penalty"),
    "max_reply_tokens": QT_TRANSLATE_NOOP("Settings", "Max reply tokens"),
    "thinking_budget_tokens": QT_TRANSLATE_NOOP("Settings", "Thinking budget tokens"),
    "context_length": QT_TRANSLATE_NOOP("Settings", "Context length"),
    "threads": QT_TRANSLATE_NOOP("Settings", "Threads"),
    "api_port": QT_TRANSLATE_NOOP("Settings", "API port"),
    "min_tokens_per_s": QT_TRANSLATE_NOOP("Settings", "Min tokens per s"),
    "kv_memory_budget_mb": QT_TRANSLATE_NOOP("Settings", "KV memory budget (MB)"),
    "text_size_percent": QT_TRANSLATE_NOOP("Settings", "Text size (%)"),
}

# The API server's port: not LM Studio's (1234), Ollama's (11434) or Jan's (1337).
DEFAULT_API_PORT = 8765


@dataclass(frozen=True)
class Settings:
    system_prompt: str = DEFAULT_SYSTEM_PROMPT
    temperature: float = 0.7
    top_p: float = 0.95
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    max_reply_tokens: int = 1024  # the answer's length; a reasoning model's thought has:
    # a budget of its own, generous: a model cut off mid-thought answers nothing.
    thinking_budget_tokens: int = 8192
    context_length: int = AUTO
    threads: int = AUTO
    # How the KV cache stores the context (llama.cpp's cache type): q8_0 and q4_0 take
    # about a half and a quarter of f16's memory, so longer chats fit.
    kv_cache_type: KvCacheType = KvCacheType.F16
    last_model_path: str | None = None
    # The GGUF embedding model Local documents index with (None: words alone).
    embedding_model_path: str | None = None
    hub_endpoint: str = DEFAULT_HUB_ENDPOINT
    # The local OpenAI-compatible API server (chatapp.api); its key is in the keyring.
    api_server_enabled: bool = False
    api_port: int = DEFAULT_API_PORT
    api_allow_network: bool = False  # listen on every interface, not 127.0.0.1 only
    api_save_chats: bool = False  # API chats go to the history
    # Clients must send the key kept in the keyring; without it the keyring is not needed.
    api_require_key: bool = False
    # Quantization guidance: the slowest reply speed worth waiting for (tokens per second).
    min_tokens_per_s: float = 8.0
    # Memory for the KV states of chats left for another, so going back is instant
    # (MiB; AUTO: a quarter of the free memory, at most 2 GiB). More go to the cache folder.
    kv_memory_budget_mb: int = AUTO
    # The look: the system's light or dark scheme (followed live), or one chosen.
    theme: ThemeChoice = ThemeChoice.SYSTEM
    # The language of the window: "" follows the system; else a key of i18n.LANGUAGES.
    language: str = ""
    # The chat's text size, in percent of the system font (Ctrl+= and Ctrl+-).
    text_size_percent: int = 100

    def validated(self) -> Settings:
        """Return self if every field is in range, else raise SettingsError."""
        for name, limit in LIMITS.items():
            value = getattr(self, name)
            label = translate("Settings", _LIMIT_NAMES.get(name, name))
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise SettingsError(translate("Settings", "{name} must be a number").format(
                    name=label))
            if not limit.low <= value <= limit.high:
                raise SettingsError(
                    translate("Settings", "{name} must be between {low} and {high} (got "
                              "{value}).").format(name=label, low=_fmt(limit.low),
                                                  high=_fmt(limit.high), value=_fmt(value)))
        if self.context_length not in (AUTO,) and self.context_length < 256:
            raise SettingsError(translate(
                "Settings", "Context length must be Auto or at least 256 tokens."))
        if not isinstance(self.kv_cache_type, KvCacheType):
            raise SettingsError(translate(
                "Settings", "The KV cache type must be one of {choices} (got {value}).").format(
                    choices=", ".join(KvCacheType), value=repr(self.kv_cache_type)))
        if not isinstance(self.theme, ThemeChoice):
            raise SettingsError(translate(
                "Settings", "The theme must be one of {choices} (got {value}).").format(
                    choices=", ".join(ThemeChoice), value=repr(self.theme)))
        if self.language and self.language not in LANGUAGES:
            raise SettingsError(translate(
                "Settings", "The language must be one of {choices} or empty for the system's "
                "(got {value}).").format(choices=", ".join(LANGUAGES), value=repr(self.language)))
        if len(self.system_prompt) > 100_000:
            raise SettingsError(translate(
                "Settings", "The system prompt is too long (at most {count} characters).").format(
                    count=format_number(100_000)))
        if not _valid_endpoint(self.hub_endpoint):
            raise SettingsError(translate(
                "Settings", "The hub address must be an https:// address (http:// only for "
                "this computer, e.g. a local mirror)."))
        return self

    def sampling_dict(self) -> dict[str, Any]:
        """What a reply records about how it was made."""
        return {
            "temperature": self.temperature,
            "top_p": self.top_p,
            "top_k": self.top_k,
            "min_p": self.min_p,
            "repeat_penalty": self.repeat_penalty,
            "max_reply_tokens": self.max_reply_tokens,
            "thinking_budget_tokens": self.thinking_budget_tokens,
        }


def _valid_endpoint(address: str) -> bool:
    parsed = urlsplit(address)
    if not parsed.hostname or parsed.query or parsed.fragment:
        return False
    if parsed.scheme == "https":
        return True
    # Plain http leaks what you download (and a token) to the network: local mirrors only.
    return parsed.scheme == "http" and parsed.hostname in ("127.0.0.1", "localhost", "::1")


def _fmt(value: float) -> str:
    # as "%g" writes it (no trailing zeros), in the user's digits
    text = f"{value:g}"
    if "e" in text or "n" in text:  # an absurd value from a hand-edited file: as it is
        return text
    return format_number(value, len(text.partition(".")[2]))


def _coerce(name: str, raw: Any, default: Any) -> Any:
    """Accept a JSON value only if it has the field's type (an int is a valid float)."""
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
    elif not isinstance(raw, bool):
        if isinstance(default, float) and isinstance(raw, int | float):
            return float(raw)
        if isinstance(default, int) and isinstance(raw, int):
            return raw
        if isinstance(default, str) and isinstance(raw, str):
            return raw
    raise SettingsError(f"{name} has the wrong type")


def _kv_cache_type(raw: Any) -> KvCacheType:
    if isinstance(raw, str) and raw in set(KvCacheType):
        return KvCacheType(raw)
    raise SettingsError(f"kv_cache_type must be one of {', '.join(KvCacheType)}")


def settings_from_dict(data: dict[str, Any]) -> Settings:
    """Build settings from parsed JSON, keeping defaults for missing or invalid fields."""
    result = Settings()
    for field in fields(Settings):
        if field.name not in data:
            continue
        default = getattr(result, field.name)
        value: Any
        try:
            if field.name in ("last_model_path", "embedding_model_path"):
                raw = data[field.name]
                value = raw if isinstance(raw, str) or raw is None else default
            elif field.name == "kv_cache_type":
                value = _kv_cache_type(data[field.name])
            elif field.name == "theme":
                raw = data[field.name]
                if not isinstance(raw, str) or raw not in set(ThemeChoice):
                    raise SettingsError(f"theme must be one of {', '.join(ThemeChoice)}")
                value = ThemeChoice(raw)
            else:
                value = _coerce(field.name, data[field.name], default)
            candidate = replace(result, **{field.name: value})
            candidate.validated()
        except SettingsError as error:
            log.warning("Ignoring setting %s from the settings file: %s", field.name, error)
            continue
        result = candidate
    return result


def load_settings(path: Path) -> Settings:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        log.warning("Cannot read settings %s (%s); using defaults", path, error)
        return Settings()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        log.warning("Settings file %s is not valid JSON (%s); using defaults", path, error)
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    return settings_from_dict(data)


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically and privately (chatapp.files.atomic): never half a file."""
    write_json_atomic(path, asdict(settings.validated()))
