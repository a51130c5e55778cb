"""The Hugging Face access token, kept in the operating system's keyring and nowhere else.

Only gated models need a token; everything else works without one. So a missing or unusable
keyring is never fatal: it becomes a TokenStoreError whose ``user_message`` says exactly what is
missing and how to fix it, and the app carries on without a token.

The keyring is used as chatapp.secrets.keyring_store runs it for every secret: never a file
or the log, only a secure backend, every call with a timeout. Call these functions off the UI
thread: even a healthy keyring may show an unlock prompt and wait for the user.
"""

from __future__ import annotations

import logging
import re
from typing import Final

import keyring.backend

from chatapp.i18n import QT_TRANSLATE_NOOP, translate
from chatapp.secrets.keyring_store import (
    DEFAULT_TIMEOUT_S,
    SERVICE,
    KeyringError,
    Problem,
    SecretKind,
    backend_label,
    run,
)

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "SERVICE",
    "USERNAME",
    "Problem",
    "TokenStoreError",
    "check_keyring",
    "delete_token",
    "get_token",
    "set_token",
    "validate_token",
]

log = logging.getLogger(__name__)

USERNAME: Final = "huggingface-token"

# Hugging Face user access tokens are "hf_" and 34 letters and digits; accept any reasonable
# length so a future format still passes, but nothing with spaces, quotes or other punctuation.
_TOKEN = re.compile(r"hf_[A-Za-z0-9]{8,250}")

_WORKS_WITHOUT = QT_TRANSLATE_NOOP(
    "Keyring", "The app works without a token; only gated models need one.")


# Every keyring failure of the token is a KeyringError; the name is the token's own.
TokenStoreError = KeyringError

_KIND: Final = SecretKind(QT_TRANSLATE_NOOP("Keyring", "the Hugging Face token"),
                          _WORKS_WITHOUT, log)


# --- Public API ---


def validate_token(token: str) -> str:
    """The token as it will be stored (surrounding whitespace from a paste removed).

    Raises TokenStoreError(INVALID_TOKEN); the message never repeats what was typed.
    """
    candidate = token.strip()
    if not _TOKEN.fullmatch(candidate):
        raise TokenStoreError(
            Problem.INVALID_TOKEN,
            translate("Keyring", "That is not a Hugging Face access token: a token starts "
                      "with \"hf_\" followed by letters and digits, with no spaces. Copy it "
                      "again from huggingface.co, Settings, Access Tokens."),
            f"rejected a token of {len(candidate)} characters",
        )
    return candidate


def get_token(*, timeout: float = DEFAULT_TIMEOUT_S) -> str | None:
    """The stored token, or None if none is stored."""
    def read(backend: keyring.backend.KeyringBackend) -> str | None:
        return backend.get_password(SERVICE, USERNAME)

    value = run(_KIND, "read", read, timeout)
    if value is None:
        return None
    if not _TOKEN.fullmatch(value):
        # Something else wrote this entry; using it would only fail later at the hub.
        log.warning("The keyring entry for the Hugging Face token is not a valid token; ignored")
        return None
    return value


def set_token(token: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> None:
    """Validate and store the token, replacing any stored one."""
    value = validate_token(token)

    def write(backend: keyring.backend.KeyringBackend) -> None:
        backend.set_password(SERVICE, USERNAME, value)

    run(_KIND, "store", write, timeout, secret=value)
    log.info("Stored the Hugging Face token in the keyring")


def delete_token(*, timeout: float = DEFAULT_TIMEOUT_S) -> bool:
    """Remove the stored token; False if there was none."""
    def remove(backend: keyring.backend.KeyringBackend) -> bool:
        # Backends signal "nothing stored" with PasswordDeleteError, but so do some real
        # failures: look first, so only an existing entry's failure is an error.
        if backend.get_password(SERVICE, USERNAME) is None:
            return False
        backend.delete_password(SERVICE, USERNAME)
        return True

    deleted = run(_KIND, "delete", remove, timeout)
    if deleted:
        log.info("Deleted the Hugging Face token from the keyring")
    return deleted


def check_keyring(*, timeout: float = DEFAULT_TIMEOUT_S) -> str:
    """Where a token would be kept (e.g. "the Secret Service (GNOME Keyring or KWallet)").

    Raises TokenStoreError when no secure keyring can be used; for a settings page that
    wants to say so before the user types a token.
    """
    return run(_KIND, "check", backend_label, timeout)
