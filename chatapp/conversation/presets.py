"""Presets: named assistant profiles (a system prompt, sampling, perhaps a model) that a
new chat can start from.

They live in one JSON file in the config folder (AppPaths.presets_file), written
atomically and private (chatapp.files.atomic), and travel as files of the same format:

    {"format": "chatapp-presets", "version": 1,
     "presets": [{"name": "Translator", "settings": {"system_prompt": "…", …}}]}

A preset's ``settings`` are a chat's overrides (chatapp.conversation.chat_settings): a
chat started from it gets them, with the preset's name as a label.

Files are read as untrusted: size, nesting, names and every value are checked. A file
someone gives you (import) is refused whole, with a message saying what is wrong. The
app's own file is kept if it can be: a value out of range is dropped with a warning; a
file that cannot be read as presets at all is moved aside (never deleted) and the
presets start empty, which the error says.
"""

from __future__ import annotations

import json
import logging
import os
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from chatapp.conversation.chat_settings import (
    MODEL,
    OVERRIDABLE,
    OverrideError,
    check_override,
    clean_overrides,
)
from chatapp.errors import UserFacingError
from chatapp.files.atomic import keep_aside, write_json_atomic
from chatapp.i18n import format_number, translate

__all__ = [
    "FORMAT",
    "Preset",
    "PresetError",
    "PresetFileError",
    "PresetLibrary",
    "add_preset",
    "check_name",
    "export_presets",
    "parse_presets",
    "presets_document",
    "read_preset_file",
    "remove_preset",
    "replace_preset",
    "unique_name",
]

log = logging.getLogger(__name__)

FORMAT: Final = "chatapp-presets"
VERSION: Final = 1
MAX_FILE_BYTES: Final = 2 * 1024 * 1024  # a few hundred long prompts; more is no preset file
MAX_PRESETS: Final = 500
MAX_NAME_CHARS: Final = 80


class PresetError(UserFacingError, ValueError):
    """A preset operation that cannot be done (a name taken, a preset gone)."""


class PresetFileError(PresetError):
    """A presets file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Preset:
    name: str
    settings: dict[str, object] = field(default_factory=dict)  # a chat's overrides

    @property
    def model_path(self) -> Path | None:
        model = self.settings.get(MODEL)
        return Path(model) if isinstance(model, str) else None

    def chat_overrides(self) -> dict[str, object]:
        """What a chat started from this preset sets: its settings, and where they came
        from."""
        return {**self.settings, "preset": self.name}


def _bad_value(name: str, error: OverrideError) -> str:
    return translate("Presets", "The preset “{name}”: {problem}").format(
        name=name, problem=error.user_message)


def _taken(name: str) -> str:
    return translate("Presets", "There is already a preset named “{name}”.").format(name=name)


def _gone(name: str) -> str:
    return translate("Presets", "There is no preset named “{name}” any more.").format(
        name=name)


def check_name(name: object) -> str:
    """A preset name as kept: trimmed, one line of printable text, not too long."""
    if not isinstance(name, str):
        raise PresetError(translate("Presets", "A preset's name must be text."))
    cleaned = " ".join(name.split())
    if not cleaned:
        raise PresetError(translate("Presets", "A preset needs a name."))
    if len(cleaned) > MAX_NAME_CHARS:
        raise PresetError(translate(
            "Presets", "A preset's name can have at most {count} characters.").format(
                count=format_number(MAX_NAME_CHARS)))
    # Bidi overrides and the like could make a name read as another; the joiners that
    # emoji sequences need are fine.
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn")
           and ch not in "\u200c\u200d" for ch in cleaned):
        raise PresetError(translate(
            "Presets", "A preset's name cannot hold control or invisible characters."))
    return cleaned


def _preset(raw: object, index: int, *, strict: bool, source: str) -> Preset:
    if not isinstance(raw, dict):
        raise PresetError(translate("Presets", "Entry {number} is not a preset.").format(
            number=format_number(index + 1)))
    name = check_name(raw.get("name"))
    settings = raw.get("settings", {})
    if not isinstance(settings, dict):
        raise PresetError(translate(
            "Presets", "The preset “{name}” has no settings object.").format(name=name))
    if strict:
        checked: dict[str, object] = {}
        for key, value in settings.items():
            if value is None:
                continue
            if key not in OVERRIDABLE:
                raise PresetError(translate(
                    "Presets", "The preset “{name}” has an unknown setting “{setting}”."
                ).format(name=name, setting=str(key)[:40]))
            try:
                checked[key] = check_override(key, value)
            except OverrideError as error:
                raise PresetError(_bad_value(name, error)) from error
        return Preset(name, checked)
    kept = clean_overrides({k: v for k, v in settings.items() if k in OVERRIDABLE},
                           where=f"the preset {name!r} in {source}")
    for key in settings:
        if key not in OVERRIDABLE:
            log.warning("Ignoring the unknown setting %r of the preset %r in %s",
                        str(key)[:40], name, source)
    return Preset(name, kept)


def parse_presets(data: bytes, source: str, *, strict: bool = True) -> list[Preset]:
    """The presets in a file's bytes; PresetFileError naming ``source`` if they cannot
    be used. ``strict``: any bad value refuses the file (an import); else bad values are
    dropped with a warning (the app's own file)."""
    def refused(why: str) -> PresetFileError:
        return PresetFileError(translate(
            "Presets", "{source} cannot be read as presets: {reason}").format(
                source=source, reason=why))

    if len(data) > MAX_FILE_BYTES:
        raise refused(translate("Presets", "it is larger than {size} MB.").format(
            size=format_number(MAX_FILE_BYTES // (1024 * 1024))))
    try:
        document: Any = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise refused(translate("Presets", "it is not UTF-8 text.")) from None
    except RecursionError:  # "[[[[…" a hundred thousand deep
        raise refused(translate("Presets", "it is nested too deeply.")) from None
    except ValueError as error:  # JSON, and integers of thousands of digits
        raise refused(translate("Presets", "it is not valid JSON ({error}).").format(
            error=error)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise refused(translate("Presets", "it is not a chatapp presets file."))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refused(translate("Presets", "its version is missing."))
    if version > VERSION:
        raise refused(translate(
            "Presets", "it was written by a newer chatapp; update chatapp to read it."))
    entries = document.get("presets")
    if not isinstance(entries, list):
        raise refused(translate("Presets", "it holds no list of presets."))
    if len(entries) > MAX_PRESETS:
        raise refused(translate("Presets", "it holds more than {count} presets.").format(
            count=format_number(MAX_PRESETS)))
    presets: list[Preset] = []
    names: set[str] = set()
    for index, entry in enumerate(entries):
        try:
            preset = _preset(entry, index, strict=strict, source=source)
        except PresetError as error:
            if strict:
                raise refused(error.user_message) from None
            log.warning("Ignoring a preset of %s: %s", source, error.user_message)
            continue
        if preset.name.casefold() in names:
            if strict:
                raise refused(translate("Presets", "the name “{name}” is there twice.").format(
                    name=preset.name))
            log.warning("Ignoring a second preset named %r in %s", preset.name, source)
            continue
        names.add(preset.name.casefold())
        presets.append(preset)
    return presets


def presets_document(presets: Iterable[Preset]) -> dict[str, object]:
    return {"format": FORMAT, "version": VERSION,
            "presets": [{"name": p.name, "settings": dict(p.settings)} for p in presets]}


def read_preset_file(path: Path, *, strict: bool = True) -> list[Preset]:
    """Read at most MAX_FILE_BYTES + 1 bytes: a huge file is refused without being
    loaded whole."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise PresetFileError(translate("Presets", "{path} does not exist (any more).")
                              .format(path=path)) from None
    except OSError as error:
        raise PresetFileError(translate("Presets", "{path} could not be read ({error}).")
                              .format(path=path, error=error.strerror or error)) from None
    return parse_presets(data, str(path), strict=strict)


def export_presets(path: Path, presets: Sequence[Preset]) -> None:
    try:
        write_json_atomic(path, presets_document(presets))
    except OSError as error:
        raise PresetFileError(translate(
            "Presets", "The presets could not be written to {path} ({error}).").format(
                path=path, error=error.strerror or error)) from None


# -- the list, changed ------------------------------------------------------------------


def _index(presets: Sequence[Preset], name: str) -> int | None:
    key = name.casefold()
    return next((i for i, p in enumerate(presets) if p.name.casefold() == key), None)


def add_preset(presets: Sequence[Preset], preset: Preset) -> list[Preset]:
    name = check_name(preset.name)
    if _index(presets, name) is not None:
        raise PresetError(_taken(name))
    if len(presets) >= MAX_PRESETS:
        raise PresetError(translate("Presets", "There can be at most {count} presets.").format(
            count=format_number(MAX_PRESETS)))
    return [*presets, Preset(name, _checked(name, preset.settings))]


def replace_preset(presets: Sequence[Preset], old_name: str, preset: Preset) -> list[Preset]:
    """``old_name`` changed to ``preset`` (perhaps renamed), in its place in the list."""
    index = _index(presets, old_name)
    if index is None:
        raise PresetError(_gone(old_name))
    name = check_name(preset.name)
    other = _index(presets, name)
    if other is not None and other != index:
        raise PresetError(_taken(name))
    changed = list(presets)
    changed[index] = Preset(name, _checked(name, preset.settings))
    return changed


def remove_preset(presets: Sequence[Preset], name: str) -> list[Preset]:
    index = _index(presets, name)
    if index is None:
        raise PresetError(_gone(name))
    return [p for i, p in enumerate(presets) if i != index]


def unique_name(presets: Sequence[Preset], name: str) -> str:
    """``name``, or ``name (2)``, ``name (3)``… if it is taken."""
    if _index(presets, name) is None:
        return name
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = name[:MAX_NAME_CHARS - len(suffix)] + suffix
        if _index(presets, candidate) is None:
            return candidate
        number += 1


def _checked(name: str, settings: dict[str, object]) -> dict[str, object]:
    checked: dict[str, object] = {}
    for key, value in settings.items():
        if value is None:
            continue
        if key not in OVERRIDABLE:
            raise PresetError(translate(
                "Presets", "“{setting}” is not a setting a preset can have.").format(
                    setting=key))
        try:
            checked[key] = check_override(key, value)
        except OverrideError as error:
            raise PresetError(_bad_value(name, error)) from error
    return checked


class PresetLibrary:
    """The user's presets in their file. Every change reads the file, changes the list
    and writes it back; call it from one thread (the app's files thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[Preset]:
        """The presets; none if there is no file yet. A file that cannot be read as
        presets is moved aside and PresetFileError says where (the list is empty now)."""
        if not self.path.exists():
            return []
        try:
            return read_preset_file(self.path, strict=False)
        except PresetFileError as error:
            if not self.path.exists():  # gone meanwhile: as if never there
                return []
            try:
                kept = keep_aside(self.path)
            except OSError as move_error:
                raise PresetFileError(translate(
                    "Presets", "{problem} It could not be moved aside either ({error}); "
                    "presets cannot be saved until it is moved or deleted.").format(
                        problem=error.user_message,
                        error=move_error.strerror or move_error)) from None
            raise PresetFileError(translate(
                "Presets", "{problem} It was kept as {name}; your presets start empty."
            ).format(problem=error.user_message, name=kept.name)) from None

    def _write(self, presets: Sequence[Preset]) -> list[Preset]:
        try:
            write_json_atomic(self.path, presets_document(presets))
        except OSError as error:
            raise PresetFileError(translate(
                "Presets", "The presets could not be saved to {path} ({error}).").format(
                    path=self.path, error=error.strerror or error)) from None
        return list(presets)

    def create(self, preset: Preset) -> list[Preset]:
        return self._write(add_preset(self.load(), preset))

    def edit(self, old_name: str, preset: Preset) -> list[Preset]:
        return self._write(replace_preset(self.load(), old_name, preset))

    def delete(self, name: str) -> list[Preset]:
        return self._write(remove_preset(self.load(), name))

    def export(self, target: Path, names: Sequence[str] | None = None) -> int:
        """Write the presets named (all if None) to ``target``; how many were written."""
        presets = self.load()
        if names is not None:
            wanted = {n.casefold() for n in names}
            presets = [p for p in presets if p.name.casefold() in wanted]
            if not presets:
                raise PresetError(translate("Presets", "The preset to export is no longer there."))
        if target.exists() and os.path.samefile(target, self.path):
            raise PresetError(translate(
                "Presets", "Export to another file: this one holds your presets."))
        export_presets(target, presets)
        return len(presets)

    def import_file(self, source: Path) -> tuple[list[Preset], list[str]]:
        """Add the presets of ``source`` (refused whole if any is bad); a name that is
        taken gets a number. The new list and the names the presets were added under."""
        incoming = read_preset_file(source, strict=True)
        if not incoming:
            raise PresetFileError(translate("Presets", "{source} holds no presets.").format(
                source=source))
        presets = self.load()
        if len(presets) + len(incoming) > MAX_PRESETS:
            raise PresetError(translate(
                "Presets", "There can be at most {count} presets; delete some before "
                "importing these.").format(count=format_number(MAX_PRESETS)))
        added: list[str] = []
        for preset in incoming:
            name = unique_name(presets, preset.name)
            presets = add_preset(presets, Preset(name, preset.settings))
            added.append(name)
        return self._write(presets), added
