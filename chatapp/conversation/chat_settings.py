"""What one chat changes of the app's settings: its own system prompt, sampling, context
length and model, each field on its own; what it leaves alone follows the defaults.

A chat's overrides are a small JSON object kept with the chat
(``Conversation.settings``): the fields it sets, by their Settings names, plus
``model_path`` (a GGUF file), ``remote_model`` (a model of a remote server, used instead
of a local one: ``{"server_id": ..., "model": ...}``, see :class:`RemoteModelRef`),
``collections`` (the ids of the Local documents
collections its replies may draw on; none unless chosen) and ``preset`` (the name of the
preset the chat was started from, a label only). A field that is missing or null follows
the defaults. Values are checked one by one against the same limits as the settings
(chatapp.settings.LIMITS): a value that is out of range, of the wrong type or unknown (a
damaged row, a newer version) is ignored with a log line, never fatal.

The legacy ``conversations.system_prompt`` column (from history format 1, never written
by the app, but filled by chat imports) is read as the chat's system prompt override
when the settings hold no ``system_prompt`` of their own. Only ``settings`` is written;
resetting such a chat's prompt to the default writes an explicit null, which hides the
old column from then on.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Final, cast

from chatapp.errors import UserFacingError
from chatapp.history.store import Conversation
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.settings import AUTO, Settings, SettingsError

__all__ = [
    "CHAT_FIELDS",
    "COLLECTIONS",
    "MODEL",
    "OVERRIDABLE",
    "PRESET",
    "REMOTE_MODEL",
    "ChatSummary",
    "OverrideError",
    "RemoteModelRef",
    "chat_collections",
    "chat_model_path",
    "chat_remote_model",
    "check_override",
    "clean_overrides",
    "conversation_overrides",
    "conversation_remote_model",
    "describe",
    "effective_settings",
    "stored_settings",
    "with_remote_model",
]

log = logging.getLogger(__name__)

# The Settings fields a chat may set for itself; threads and the hub stay app-wide.
CHAT_FIELDS: Final = ("system_prompt", "temperature", "top_p", "top_k", "min_p",
                      "repeat_penalty", "max_reply_tokens", "thinking_budget_tokens",
                      "context_length")
MODEL: Final = "model_path"
PRESET: Final = "preset"
# Ids of the chat's Local documents collections (chatapp.knowledge); ids are of this
# computer's index, so presets do not carry them (not in OVERRIDABLE).
COLLECTIONS: Final = "collections"
MAX_COLLECTIONS: Final = 1000
# The chat's remote model (chatapp.remote): a server of this computer's list, so presets
# do not carry it either.
REMOTE_MODEL: Final = "remote_model"
MAX_REMOTE_MODEL_CHARS: Final = 256
OVERRIDABLE: Final = (*CHAT_FIELDS, MODEL)

MAX_PATH_CHARS: Final = 4096
MAX_LABEL_CHARS: Final = 80
_DEFAULTS: Final = Settings()
_TYPES: Final = {f.name: type(getattr(_DEFAULTS, f.name)) for f in fields(Settings)}

# What the header calls each field, in the order it lists them (English: label() gives
# one in the user's language).
LABELS: Final = {
    "system_prompt": QT_TRANSLATE_NOOP("ChatSettings", "system prompt"),
    "temperature": QT_TRANSLATE_NOOP("ChatSettings", "temperature"),
    "top_p": QT_TRANSLATE_NOOP("ChatSettings", "top-p"),
    "top_k": QT_TRANSLATE_NOOP("ChatSettings", "top-k"),
    "min_p": QT_TRANSLATE_NOOP("ChatSettings", "min-p"),
    "repeat_penalty": QT_TRANSLATE_NOOP("ChatSettings", "repeat penalty"),
    "max_reply_tokens": QT_TRANSLATE_NOOP("ChatSettings", "max reply tokens"),
    "thinking_budget_tokens": QT_TRANSLATE_NOOP("ChatSettings", "thinking budget"),
    "context_length": QT_TRANSLATE_NOOP("ChatSettings", "context length"),
    MODEL: QT_TRANSLATE_NOOP("ChatSettings", "model"),
}


def label(name: str) -> str:
    """What the header calls the field ``name``, in the user's language."""
    return translate("ChatSettings", LABELS[name])


class OverrideError(UserFacingError, ValueError):
    """A chat or preset value that cannot be used; the message names the field."""


@dataclass(frozen=True)
class RemoteModelRef:
    """A chat's remote model: the server (its id in chatapp.remote.servers) and the model's
    name as that server lists it."""

    server_id: str
    model: str

    def as_override(self) -> dict[str, str]:
        return {"server_id": self.server_id, "model": self.model}


def check_override(name: str, value: object) -> object:
    """``value`` as the field ``name`` holds it (an int is a valid float), or
    OverrideError saying what is wrong."""
    if name == MODEL:
        if not isinstance(value, str) or not value.strip() or "\x00" in value \
                or len(value) > MAX_PATH_CHARS:
            raise OverrideError(translate(
                "ChatSettings", "The model must be the path of a model file."))
        return value
    if name == COLLECTIONS:
        if not isinstance(value, list | tuple) or len(value) > MAX_COLLECTIONS or not all(
                isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in value):
            raise OverrideError(translate(
                "ChatSettings", "The chat's collections must be a list of collection ids."))
        return sorted(set(value))
    if name == REMOTE_MODEL:
        if not isinstance(value, Mapping) or set(value) != {"server_id", "model"}:
            raise OverrideError(_no_remote_model())
        server_id, model = value["server_id"], value["model"]
        if not isinstance(server_id, str) or not re.fullmatch(r"[0-9a-f]{32}", server_id) \
                or not isinstance(model, str) or not model.strip() \
                or len(model) > MAX_REMOTE_MODEL_CHARS or "\x00" in model:
            raise OverrideError(_no_remote_model())
        return {"server_id": server_id, "model": model}
    if name == PRESET:
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_LABEL_CHARS:
            raise OverrideError(translate("ChatSettings", "The preset name must be a short text."))
        return value
    if name not in CHAT_FIELDS:
        raise OverrideError(translate(
            "ChatSettings", "“{name}” is not a setting a chat can have.").format(
                name=name[:40]))
    wanted = _TYPES[name]
    if isinstance(value, bool):  # a JSON true is no number
        raise OverrideError(_wrong_type(name))
    if wanted is float and isinstance(value, int | float):
        coerced: object = float(value)
    elif wanted is int and isinstance(value, int):
        coerced = value
    elif wanted is str and isinstance(value, str):
        coerced = value.strip()
    else:
        raise OverrideError(_wrong_type(name))
    try:
        replace(_DEFAULTS, **cast(dict[str, Any], {name: coerced})).validated()
    except SettingsError as error:
        raise OverrideError(error.user_message) from error
    return coerced


def _no_remote_model() -> str:
    return translate("ChatSettings", "The remote model must name a server and a model.")


def _wrong_type(name: str) -> str:
    return translate("ChatSettings", "The {setting} has the wrong type.").format(
        setting=label(name))


def clean_overrides(raw: Mapping[str, object] | None, *,
                    where: str = "a chat") -> dict[str, object]:
    """The usable overrides of ``raw``: null ones dropped (they follow the defaults),
    unknown and invalid ones dropped with a warning."""
    clean: dict[str, object] = {}
    for name, value in (raw or {}).items():
        if value is None:
            continue
        try:
            clean[name] = check_override(name, value)
        except OverrideError as error:
            log.warning("Ignoring the setting %r of %s: %s", name[:80], where,
                        error.user_message)
    return clean


def effective_settings(defaults: Settings, overrides: Mapping[str, object] | None) -> Settings:
    """The settings a chat's reply uses: ``defaults`` with what the chat sets."""
    values = {name: value for name, value in clean_overrides(overrides).items()
              if name in CHAT_FIELDS}
    return replace(defaults, **cast(dict[str, Any], values)) if values else defaults


def chat_model_path(overrides: Mapping[str, object] | None) -> Path | None:
    """The chat's own model file, or None: it uses the default model."""
    model = clean_overrides({MODEL: (overrides or {}).get(MODEL)})
    return Path(str(model[MODEL])) if MODEL in model else None


def chat_remote_model(overrides: Mapping[str, object] | None) -> RemoteModelRef | None:
    """The chat's remote model, or None: its replies come from the local engine."""
    chosen = clean_overrides({REMOTE_MODEL: (overrides or {}).get(REMOTE_MODEL)})
    value = chosen.get(REMOTE_MODEL)
    if not isinstance(value, dict):
        return None
    return RemoteModelRef(str(value["server_id"]), str(value["model"]))


def conversation_remote_model(conversation: Conversation) -> RemoteModelRef | None:
    """Where a stored chat's replies come from: its remote model, or None for the local
    engine (the engine worker's choice for each reply)."""
    return chat_remote_model(conversation.settings)


def with_remote_model(overrides: Mapping[str, object] | None,
                      ref: RemoteModelRef | None) -> dict[str, object]:
    """``overrides`` with the chat's remote model set (its own local model dropped: a chat
    uses one or the other), or removed with None (back to a local model)."""
    changed = dict(overrides or {})
    changed.pop(REMOTE_MODEL, None)
    if ref is not None:
        changed.pop(MODEL, None)
        changed[REMOTE_MODEL] = check_override(REMOTE_MODEL, ref.as_override())
    return changed


def chat_collections(overrides: Mapping[str, object] | None) -> tuple[int, ...]:
    """The ids of the collections the chat may use (empty: none)."""
    chosen = clean_overrides({COLLECTIONS: (overrides or {}).get(COLLECTIONS)})
    value = chosen.get(COLLECTIONS)
    return tuple(value) if isinstance(value, list) else ()


def conversation_overrides(conversation: Conversation) -> dict[str, object]:
    """A stored chat's overrides, the legacy system prompt column included."""
    raw: dict[str, object] = dict(conversation.settings or {})
    if "system_prompt" not in raw and conversation.system_prompt is not None:
        raw["system_prompt"] = conversation.system_prompt
    return clean_overrides(raw, where=f"chat {conversation.id}")


def stored_settings(overrides: Mapping[str, object],
                    conversation: Conversation | None) -> dict[str, object] | None:
    """What to write as the chat's ``settings`` for ``overrides`` (None: it follows the
    defaults): an explicit null keeps a legacy system prompt from coming back."""
    stored: dict[str, object] = dict(clean_overrides(overrides))
    if conversation is not None and conversation.system_prompt is not None \
            and "system_prompt" not in stored:
        stored["system_prompt"] = None
    return stored or None


@dataclass(frozen=True)
class ChatSummary:
    """What the chat header says about the chat's settings."""

    model: str  # the chat's own model's file name, else the loaded one's ("": none)
    own_model: bool
    model_loaded: bool  # the model named is the one loaded
    label: str  # "Default settings", "Preset: Translator" or "Custom settings", translated
    detail: str  # the system prompt's first words, or the fields it sets
    tooltip: str  # every field it sets, with its value, one a line
    custom: bool  # the chat sets anything at all


def describe(overrides: Mapping[str, object] | None, defaults: Settings,
             loaded_model: Path | None = None, *, words: int = 8) -> ChatSummary:
    """The header's words for a chat with ``overrides``."""
    clean = clean_overrides(overrides)
    own_model = chat_model_path(clean)
    model_path = own_model or loaded_model
    model = model_path.name if model_path is not None else ""
    fields_set = [name for name in OVERRIDABLE if name in clean]
    preset = clean.get(PRESET)
    if isinstance(preset, str):
        title = translate("ChatSettings", "Preset: {name}").format(name=preset)
    elif fields_set:
        title = translate("ChatSettings", "Custom settings")
    else:
        title = translate("ChatSettings", "Default settings")
    prompt = effective_settings(defaults, clean).system_prompt
    if "system_prompt" in clean:
        detail = _first_words(prompt, words) if prompt else translate(
            "ChatSettings", "no system prompt")
    else:
        detail = translate("ChatSettings", ", ", "between the settings a chat sets").join(
            label(name) for name in fields_set if name != MODEL)
    lines = [translate("ChatSettings", "{setting}: {value}").format(
        setting=_capitalized(label(name)), value=_shown(name, clean[name]))
        for name in fields_set]
    if not fields_set:
        lines = [translate("ChatSettings",
                           "This chat follows the default settings (Model ▸ Settings).")]
    return ChatSummary(model, own_model is not None,
                       model_path is not None and model_path == loaded_model, title, detail,
                       "\n".join(lines), bool(fields_set) or preset is not None)


def _capitalized(text: str) -> str:
    """The first letter upper case, the rest as it is (str.capitalize would lower a
    translation's "Top-K")."""
    return text[:1].upper() + text[1:]


def _first_words(text: str, count: int) -> str:
    words = text.split()
    shown = " ".join(words[:count])
    return f"“{shown}…”" if len(words) > count else f"“{shown}”"


def _shown(name: str, value: Any) -> str:
    if name == MODEL:
        return Path(str(value)).name
    if name == "context_length":
        tokens = int(value)  # a plain name: lupdate's Python parser skips the call otherwise
        return translate("ChatSettings", "Auto") if value == AUTO else translate(
            "ChatSettings", "%n tokens", "", tokens)
    if name == "system_prompt":
        return _first_words(str(value), 24) if value else translate("ChatSettings", "(none)")
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, int):
        return format_number(value)
    return str(value)


def _number(value: float) -> str:
    """A sampling value as short as it is exact ("0.7", "1", "0.05"), in the locale's
    digits (format_number takes a count of decimals; %g's is the one that needs none)."""
    if not math.isfinite(value):
        return str(value)
    shown = f"{value:g}"
    if "e" in shown:
        return shown
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    return format_number(value, decimals)
