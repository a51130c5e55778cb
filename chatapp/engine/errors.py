"""Errors the engine reports to the user."""

from __future__ import annotations


class EngineError(Exception):
    """Something the user must be told about: the message says what happened and what to do."""

    def __init__(self, user_message: str, detail: str = "") -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.detail = detail


class ModelLoadError(EngineError):
    """The model file could not be loaded."""


class PromptTooLongError(EngineError):
    """Even the newest message alone does not fit the model's context."""
