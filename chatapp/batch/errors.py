"""Errors that stop a batch job before it starts (a single bad row never does)."""

from __future__ import annotations

from chatapp.errors import UserFacingError


class BatchInputError(UserFacingError):
    """The input as a whole cannot be read: missing, empty, too large, unreadable header."""


class TemplateError(UserFacingError):
    """The prompt template is malformed, or names columns the input does not have."""


class BatchOutputError(UserFacingError):
    """The output file cannot be written, or holds something this job did not write."""


class BatchMemoryError(UserFacingError):
    """The rows at once and their context need more memory than this computer has free."""
