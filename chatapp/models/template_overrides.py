"""The user's own chat template for a model, kept instead of the one in its GGUF header.

One override per model file, in ``<data>/chat_templates/<model file name>.jinja``
(:attr:`chatapp.paths.AppPaths.chat_templates_dir`), written atomically and readable by
the user alone (0600, in a 0700 folder). :func:`reset` deletes it and the model's own
template applies again.

The key is the model's file name, not its full path: the file name is what the library
and the user know a model by (the Installed list, the models folder, which holds one
file per name). An override so survives what changes a model's folder but not the model:
a file imported in place and later copied into the models folder, or a model deleted
and downloaded again. The price: two files of the same name in different folders share
one override. A name too long to be a file name with the suffix added is shortened, with
a hash of the whole name to keep it unique.

An override that cannot be read (permissions, not UTF-8, larger than the 1 MiB the
header reader keeps of a model's own template) raises :class:`TemplateOverrideError`,
a :class:`~chatapp.errors.UserFacingError` that names the file and says how to reset
it: silently using the model's own template instead would hide that the user's choice
is not in effect.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from chatapp.files.atomic import write_atomic
from chatapp.formatting import format_bytes
from chatapp.gguf.inspect import MAX_CHAT_TEMPLATE_BYTES, inspect_gguf
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.models.errors import ModelsError
from chatapp.paths import AppPaths

__all__ = [
    "MAX_TEMPLATE_BYTES",
    "ModelTemplate",
    "TemplateOverrideError",
    "TemplateState",
    "has_override",
    "load",
    "override_path",
    "read_model_template",
    "read_state",
    "reset",
    "save",
]

# The same bound as a model's own template (the header reader drops longer ones).
MAX_TEMPLATE_BYTES = MAX_CHAT_TEMPLATE_BYTES
SUFFIX = ".jinja"
# NAME_MAX on the usual file systems, less the suffix and what the atomic write adds for
# its temporary file (".<name>.<8 random>.tmp")
_MAX_NAME_BYTES = 255 - len(SUFFIX) - 14
_TEMPLATE_KEY = "tokenizer.chat_template"
_RESET_HINT = QT_TRANSLATE_NOOP("TemplateOverrides", "Open Models ▸ Installed ▸ Chat template… "
                                "to save it again or reset it to the model's own.")


class TemplateOverrideError(ModelsError):
    """A custom chat template could not be read, saved or removed."""


def _hint() -> str:
    return translate("TemplateOverrides", _RESET_HINT)


def _folder(folder: Path | None) -> Path:
    return folder if folder is not None else AppPaths.from_environment().chat_templates_dir


def override_path(model_path: Path, folder: Path | None = None) -> Path:
    """Where the override of the model file ``model_path`` is kept (see the module docs)."""
    name = model_path.name
    if not name or name in (".", ".."):
        raise ValueError(f"not a model file name: {model_path!r}")
    if len(name.encode("utf-8", "surrogateescape")) > _MAX_NAME_BYTES:
        digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        head = name.encode("utf-8", "surrogateescape")[:_MAX_NAME_BYTES - 17]
        name = head.decode("utf-8", "ignore") + "-" + digest
    return _folder(folder) / (name + SUFFIX)


def has_override(model_path: Path, folder: Path | None = None) -> bool:
    return override_path(model_path, folder).is_file()


def load(model_path: Path, folder: Path | None = None) -> str | None:
    """The user's template for this model, or None when there is none."""
    path = override_path(model_path, folder)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise TemplateOverrideError(
            translate("TemplateOverrides", "Your chat template for {name} cannot be read "
                      "({reason}). {hint}").format(name=model_path.name,
                                                   reason=error.strerror or error, hint=_hint()),
            f"reading {path}: {error!r}") from error
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateOverrideError(
            translate("TemplateOverrides", "Your chat template for {name} is larger than "
                      "{limit}, more than any chat template needs, so it is not used. "
                      "{hint}").format(name=model_path.name,
                                       limit=format_bytes(MAX_TEMPLATE_BYTES, binary=True),
                                       hint=_hint()),
            f"{path} is over {MAX_TEMPLATE_BYTES} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise TemplateOverrideError(
            translate("TemplateOverrides", "Your chat template for {name} is not text (it is "
                      "not valid UTF-8), so it is not used. {hint}").format(
                          name=model_path.name, hint=_hint()),
            f"decoding {path}: {error}") from error


def save(model_path: Path, text: str, folder: Path | None = None) -> Path:
    """Keep ``text`` as this model's chat template; returns the file written."""
    if not text.strip():
        raise TemplateOverrideError(
            translate("TemplateOverrides", "An empty chat template cannot be saved. To use the "
                      "model's own template, reset to it instead."),
            f"empty template for {model_path.name}")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise TemplateOverrideError(
            translate("TemplateOverrides", "The chat template holds characters that cannot be "
                      "saved as text (at position {position}).").format(
                          position=format_number(error.start)),
            f"encoding template: {error}") from error
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateOverrideError(
            translate("TemplateOverrides", "The chat template is {size}; chatapp keeps templates "
                      "of up to {limit}.").format(
                          size=format_bytes(len(data), binary=True),
                          limit=format_bytes(MAX_TEMPLATE_BYTES, binary=True)),
            f"template of {len(data)} bytes")
    path = override_path(model_path, folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, data)
    except OSError as error:
        raise TemplateOverrideError(
            translate("TemplateOverrides", "Your chat template for {name} could not be saved "
                      "({reason}).").format(name=model_path.name, reason=error.strerror or error),
            f"writing {path}: {error!r}") from error
    return path


def reset(model_path: Path, folder: Path | None = None) -> bool:
    """Remove this model's override (the model's own template applies again).

    Returns whether there was one.
    """
    path = override_path(model_path, folder)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise TemplateOverrideError(
            translate("TemplateOverrides", "Your chat template for {name} could not be removed "
                      "({reason}); it is in {folder}.").format(
                          name=model_path.name, reason=error.strerror or error,
                          folder=path.parent),
            f"deleting {path}: {error!r}") from error
    return True


# -- the model's own template -------------------------------------------------------------


@dataclass(frozen=True)
class ModelTemplate:
    """What a model file's header says about its chat format."""

    template: str | None  # tokenizer.chat_template
    bos_token: str  # the text of the beginning-of-sequence token ("" when unknown)
    eos_token: str
    missing_reason: str | None = None  # why ``template`` is None, for the user


def read_model_template(model_path: Path) -> ModelTemplate:
    """Read the model's own template from its GGUF header (the weights are not read).

    The header is validated as for loading; a file that fails raises its
    :class:`~chatapp.gguf.GgufError`, a file that cannot be read a TemplateOverrideError.
    """
    try:
        info = inspect_gguf(model_path)
    except OSError as error:
        raise TemplateOverrideError(
            translate("TemplateOverrides", "{name} cannot be read ({reason}).").format(
                name=model_path.name, reason=error.strerror or error),
            f"reading the header of {model_path}: {error!r}") from error
    reason = None
    if info.chat_template is None:
        if _TEMPLATE_KEY in info.metadata:
            reason = translate(
                "TemplateOverrides", "The model's own chat template is larger than {limit}, so "
                "chatapp does not use it.").format(
                    limit=format_bytes(MAX_TEMPLATE_BYTES, binary=True))
        else:
            reason = translate("TemplateOverrides",
                               "This model file has no chat template of its own.")
    return ModelTemplate(template=info.chat_template, bos_token=info.bos_token or "",
                         eos_token=info.eos_token or "", missing_reason=reason)


@dataclass(frozen=True)
class TemplateState:
    """Everything the template editor shows for one model."""

    model_path: Path
    model: ModelTemplate
    override: str | None  # the user's template, when one is saved and readable
    override_problem: TemplateOverrideError | None  # one is saved but cannot be read


def read_state(model_path: Path, folder: Path | None = None) -> TemplateState:
    model = read_model_template(model_path)
    try:
        override, problem = load(model_path, folder), None
    except TemplateOverrideError as error:
        override, problem = None, error
    return TemplateState(model_path=model_path, model=model, override=override,
                         override_problem=problem)
