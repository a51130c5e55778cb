"""The one root of every error a user must read.

Each package's own error root derives from :class:`UserFacingError`, so code that shows
errors (the UI, the CLI) needs to know only this class: ``user_message`` says what
happened and what to do, in words for a person; ``detail`` is technical, for the log.
Errors cross threads as these objects, so the receiver can act on the kind (a damaged
history offers to move the file aside, a failed download offers to try again).

Anything else that escapes is a bug: :func:`internal_error` wraps it for the user while
the log keeps its traceback.
"""

from __future__ import annotations

from chatapp.i18n import translate

__all__ = ["InternalError", "UserFacingError", "internal_error"]


class UserFacingError(Exception):
    """An error whose ``user_message`` can be shown as it is."""

    def __init__(self, user_message: str, detail: str | None = None) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.detail = detail if detail is not None else user_message

    def __str__(self) -> str:
        return self.user_message


class InternalError(UserFacingError):
    """A bug: something chatapp did not expect. The original is ``__cause__``."""


def internal_error(error: BaseException, doing: str = "") -> InternalError:
    """What the user reads about an unexpected exception (the log has the traceback).

    ``doing`` is a phrase in the user's language ("writing the reply"): the caller
    translates it.
    """
    technical = f"{type(error).__name__}: {error}"
    if doing:
        message = translate(
            "Errors", "Something unexpected went wrong while {doing} ({error}). This is a bug "
            "in chatapp; the details are in its log. Your chats are safe.").format(
                doing=doing, error=technical)
    else:
        message = translate(
            "Errors", "Something unexpected went wrong ({error}). This is a bug in chatapp; "
            "the details are in its log. Your chats are safe.").format(error=technical)
    wrapped = InternalError(message, technical)
    wrapped.__cause__ = error
    return wrapped
