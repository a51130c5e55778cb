"""What goes wrong exporting or importing chats, in words for the user."""

from __future__ import annotations

from chatapp.errors import UserFacingError

__all__ = ["ExchangeError", "ImportRefusedError"]


class ExchangeError(UserFacingError):
    """An export or import that could not be done; ``user_message`` says why."""


class ImportRefusedError(ExchangeError):
    """A file that is not a chat export chatapp reads, or one it will not trust.
    Nothing of it was imported."""
