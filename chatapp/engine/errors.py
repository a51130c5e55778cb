"""Errors the engine reports to the user."""

from __future__ import annotations

from chatapp.errors import UserFacingError


class EngineError(UserFacingError):
    """Something the user must be told about: the message says what happened and what to do."""


class ModelLoadError(EngineError):
    """The model file could not be loaded."""


class LoadCancelledError(ModelLoadError):
    """Loading was given up because the app is closing (or another load replaced it)."""


class PromptTooLongError(EngineError):
    """Even the newest message alone does not fit the model's context."""
