"""The key API clients must send to chatapp's own API server, kept in the keyring.

Optional: without a key the server answers anyone who can reach it (by default only
programs on this computer). A keyring that cannot be used raises KeyringError saying why;
the key is then kept nowhere, and the server stays off until the user chooses "no key"
or fixes the keyring (chatapp.ui.workers.api_thread).
"""

from __future__ import annotations

import logging
import secrets
from typing import Final

from chatapp.errors import UserFacingError
from chatapp.i18n import QT_TRANSLATE_NOOP, translate
from chatapp.secrets.keyring_store import (
    DEFAULT_TIMEOUT_S,
    SecretKind,
    delete_secret,
    read_secret,
    store_secret,
)

log = logging.getLogger(__name__)

USERNAME: Final = "api-server-key"
MIN_KEY_CHARS: Final = 8
MAX_KEY_CHARS: Final = 256
_KIND: Final = SecretKind(QT_TRANSLATE_NOOP("Keyring", "the API server's key"),
                          QT_TRANSLATE_NOOP("Keyring", "The API server can still run without "
                                            "a key, for programs on this computer only."), log)


def generate_key() -> str:
    """A new random key (what the Settings dialog offers)."""
    return "sk-chatapp-" + secrets.token_urlsafe(24)


def validate_key(key: str) -> str:
    """The key as it will be stored (whitespace from a paste removed); a bad key raises a
    UserFacingError that never repeats what was typed."""
    candidate = key.strip()
    if not MIN_KEY_CHARS <= len(candidate) <= MAX_KEY_CHARS or any(
            c.isspace() or not c.isprintable() for c in candidate):
        raise UserFacingError(translate(
            "Keyring", "An API key must be {least} to {most} letters, digits and signs, with "
            "no spaces.").format(least=MIN_KEY_CHARS, most=MAX_KEY_CHARS),
            f"rejected a key of {len(candidate)} characters")
    return candidate


def get_key(*, timeout: float = DEFAULT_TIMEOUT_S) -> str | None:
    """The stored key, or None when none is set."""
    return read_secret(_KIND, USERNAME, timeout=timeout)


def set_key(key: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> None:
    store_secret(_KIND, USERNAME, validate_key(key), timeout=timeout)
    log.info("Stored the API server's key in the keyring")


def delete_key(*, timeout: float = DEFAULT_TIMEOUT_S) -> bool:
    deleted = delete_secret(_KIND, USERNAME, timeout=timeout)
    if deleted:
        log.info("Deleted the API server's key from the keyring")
    return deleted
