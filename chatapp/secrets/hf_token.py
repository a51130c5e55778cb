"""The Hugging Face access token, kept in the operating system's keyring and nowhere else.

Only gated models need a token; everything else works without one. So a missing or unusable
keyring is never fatal: it becomes a TokenStoreError whose ``user_message`` says exactly what is
missing and how to fix it, and the app carries on without a token.

Rules this module keeps:

* The token is never written to a file and never logged, and no message or exception text
  contains it. There is no plain-text fallback: a keyring backend that would store it
  unencrypted (keyrings.alt's files) or not at all (the null and fail backends) is refused.
* Every keyring call runs in a daemon thread and is given up after a timeout. On Linux an
  unlock prompt that cannot be shown (no display, no prompter) can block a D-Bus call forever;
  a daemon thread that never returns does not keep the app from exiting.
* Call these functions off the UI thread: even a healthy keyring may show an unlock prompt
  and wait for the user.

The backend is keyring's choice for the process (keyring.get_keyring()), which honours
PYTHON_KEYRING_BACKEND and keyringrc.cfg. keyring makes that choice once per process, so a
keyring started after the app is only seen after a restart; the messages say so.
"""

from __future__ import annotations

import enum
import logging
import os
import re
import sys
import threading
from collections.abc import Callable
from typing import Final, TypeVar

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

from chatapp.errors import UserFacingError

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

SERVICE: Final = "chatapp"
USERNAME: Final = "huggingface-token"
# Long enough to type a keyring password into an unlock prompt that does show; a prompt that
# cannot show never answers, and the user should not wait longer than this to be told.
DEFAULT_TIMEOUT_S: Final = 30.0

# Hugging Face user access tokens are "hf_" and 34 letters and digits; accept any reasonable
# length so a future format still passes, but nothing with spaces, quotes or other punctuation.
_TOKEN = re.compile(r"hf_[A-Za-z0-9]{8,250}")

_WORKS_WITHOUT = "The app works without a token; only gated models need one."


class Problem(enum.Enum):
    INVALID_TOKEN = "invalid token"
    NO_DBUS = "no D-Bus session bus"
    NO_SECRET_SERVICE = "no Secret Service"
    NO_KEYRING = "no keyring"
    INSECURE_KEYRING = "insecure keyring"
    LOCKED = "keyring locked"
    TIMEOUT = "keyring timed out"
    FAILED = "keyring error"


class TokenStoreError(UserFacingError):
    """Anything that keeps the token from being validated, stored, read or deleted.

    ``user_message`` says what is missing and how to fix it; ``problem`` tells the kinds apart;
    ``detail`` is technical detail for the log. None of them ever contains the token.
    """

    def __init__(self, problem: Problem, user_message: str, detail: str | None = None) -> None:
        super().__init__(user_message, detail)
        self.problem = problem


# --- Public API ---


def validate_token(token: str) -> str:
    """The token as it will be stored (surrounding whitespace from a paste removed).

    Raises TokenStoreError(INVALID_TOKEN); the message never repeats what was typed.
    """
    candidate = token.strip()
    if not _TOKEN.fullmatch(candidate):
        raise TokenStoreError(
            Problem.INVALID_TOKEN,
            'That is not a Hugging Face access token: a token starts with "hf_" followed by '
            "letters and digits, with no spaces. Copy it again from huggingface.co, "
            "Settings, Access Tokens.",
            f"rejected a token of {len(candidate)} characters",
        )
    return candidate


def get_token(*, timeout: float = DEFAULT_TIMEOUT_S) -> str | None:
    """The stored token, or None if none is stored."""
    def read(backend: keyring.backend.KeyringBackend) -> str | None:
        return backend.get_password(SERVICE, USERNAME)

    value = _run("read", read, timeout)
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

    _run("store", write, timeout, secret=value)
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

    deleted = _run("delete", remove, timeout)
    if deleted:
        log.info("Deleted the Hugging Face token from the keyring")
    return deleted


def check_keyring(*, timeout: float = DEFAULT_TIMEOUT_S) -> str:
    """Where a token would be kept (e.g. "the Secret Service (GNOME Keyring or KWallet)").

    Raises TokenStoreError when no secure keyring can be used; for a settings page that
    wants to say so before the user types a token.
    """
    return _run("check", _backend_label, timeout)


# --- Running keyring calls safely ---

_T = TypeVar("_T")


def _run(
    action: str,
    operation: Callable[[keyring.backend.KeyringBackend], _T],
    timeout: float,
    secret: str | None = None,
) -> _T:
    """Pick a secure backend and run one operation on it, in a daemon thread, with a timeout.

    A daemon thread, not an executor: executor threads are joined at interpreter exit, so a
    call stuck on an unlock prompt would keep the app from quitting.
    """
    outcome: list[_T] = []
    failure: list[TokenStoreError] = []

    def work() -> None:
        try:
            outcome.append(operation(_secure_backend()))
        except TokenStoreError as error:
            failure.append(error)
        except Exception as error:  # noqa: BLE001 - every keyring failure becomes one type
            try:
                failure.append(_translate(error, action))
            except Exception as inner:  # noqa: BLE001 - diagnosing must not lose the error
                failure.append(_failed(action, f"{error!r}; while diagnosing: {inner!r}"))

    worker = threading.Thread(target=work, name=f"keyring-{action}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        log.warning("The keyring did not answer within %.0f s (%s)", timeout, action)
        raise TokenStoreError(
            Problem.TIMEOUT,
            f"The keyring did not answer within {timeout:g} seconds. It may be waiting for "
            "an unlock prompt that cannot be shown. Unlock your keyring (for example in "
            '"Passwords and Keys"), or log out and in again, then try again. ' + _WORKS_WITHOUT,
            f"{action}: no answer after {timeout} s",
        )
    if failure:
        error = failure[0]
        if secret and (secret in error.detail or secret in error.user_message):
            # A backend's own error text could quote what it was given.
            error = TokenStoreError(error.problem, error.user_message.replace(secret, "[token]"),
                                    error.detail.replace(secret, "[token]"))
        log.info("Keyring %s failed: %s", action, error.detail)  # the user is told
        raise error
    return outcome[0]


def _secure_backend() -> keyring.backend.KeyringBackend:
    """keyring's backend for this process, refused if it would not keep the token safe."""
    backend = keyring.get_keyring()
    if isinstance(backend, chainer.ChainerBackend):
        # The chainer writes to the first backend that accepts, which could be a plain-text
        # file further down its list: use the best secure one directly instead.
        chained: list[keyring.backend.KeyringBackend] = list(backend.backends)
        secure = [b for b in chained if _insecure_reason(b) is None]
        if not secure:
            raise _missing_keyring_error()
        return secure[0]
    if isinstance(backend, fail.Keyring):
        raise _missing_keyring_error()
    reason = _insecure_reason(backend)
    if reason is not None:
        raise TokenStoreError(
            Problem.INSECURE_KEYRING,
            f"The keyring chatapp is set to use ({_backend_label(backend)}) would {reason}, so "
            "the Hugging Face token is not stored there. Remove the PYTHON_KEYRING_BACKEND "
            "setting or keyringrc.cfg file that selects it, and use GNOME Keyring, KWallet, "
            "the macOS Keychain or Windows Credential Manager. " + _WORKS_WITHOUT,
            f"refused backend {type(backend).__module__}.{type(backend).__name__}",
        )
    return backend


def _insecure_reason(backend: keyring.backend.KeyringBackend) -> str | None:
    if isinstance(backend, null.Keyring):
        return "silently store nothing"
    if isinstance(backend, fail.Keyring):
        return "store nothing"
    if type(backend).__module__.startswith("keyrings.alt"):
        # keyrings.alt: plain-text and "encrypted" files in the home folder, the Windows
        # registry, and other backends its own documentation calls insecure.
        return "keep it in a file or registry entry without proper protection"
    return None


def _backend_label(backend: keyring.backend.KeyringBackend) -> str:
    module = type(backend).__module__
    if module.endswith("SecretService"):
        return "the Secret Service (GNOME Keyring or KWallet)"
    if module.endswith("kwallet"):
        return "KWallet"
    if module.endswith("macOS"):
        return "the macOS Keychain"
    if module.endswith("Windows"):
        return "Windows Credential Manager"
    name: str = getattr(backend, "name", type(backend).__name__)
    return name


# --- Turning failures into messages ---


def _translate(error: Exception, action: str) -> TokenStoreError:
    detail = f"{action}: {type(error).__module__}.{type(error).__name__}: {error}"
    if isinstance(error, keyring.errors.KeyringLocked) or _is_secretstorage(
        error, "LockedException", "PromptDismissedException"
    ):
        return TokenStoreError(
            Problem.LOCKED,
            "Your keyring is locked, so chatapp cannot use the Hugging Face token. Unlock it "
            '(for example: open "Passwords and Keys" and unlock the Login keyring, or log out '
            "and in again), then try again. " + _WORKS_WITHOUT,
            detail,
        )
    if isinstance(error, keyring.errors.NoKeyringError):
        found = _missing_keyring_error()
        return TokenStoreError(found.problem, found.user_message, f"{detail}; {found.detail}")
    if (
        isinstance(error, (OSError, EOFError))
        or _is_dbus_error(error)
        or _is_secretstorage(error, "SecretServiceNotAvailableException")
    ):
        # The connection to the keyring broke: say why if it can be told.
        cause = _diagnose_secret_service()
        if cause is not None:
            return TokenStoreError(cause.problem, cause.user_message, f"{detail}; {cause.detail}")
    return _failed(action, detail)


def _failed(action: str, detail: str) -> TokenStoreError:
    verb = {"read": "read", "store": "store", "delete": "delete"}.get(action, "reach")
    return TokenStoreError(
        Problem.FAILED,
        f"The keyring could not {verb} the Hugging Face token. Check that your keyring "
        "(GNOME Keyring, KWallet, the macOS Keychain or Windows Credential Manager) is running "
        "and unlocked, then try again. " + _WORKS_WITHOUT,
        detail,
    )


def _is_secretstorage(error: Exception, *names: str) -> bool:
    return type(error).__module__.startswith("secretstorage") and any(
        cls.__name__ in names for cls in type(error).__mro__
    )


def _is_dbus_error(error: Exception) -> bool:
    return type(error).__module__.startswith("jeepney")


def _missing_keyring_error() -> TokenStoreError:
    """Why keyring has no backend to offer, as precisely as can be told."""
    if sys.platform == "darwin":
        return TokenStoreError(
            Problem.NO_KEYRING,
            "The macOS Keychain cannot be used, so chatapp cannot store the Hugging Face "
            "token. Make sure you are logged in to a normal desktop session, then restart "
            "chatapp. " + _WORKS_WITHOUT,
            "no keyring backend on macOS",
        )
    if sys.platform == "win32":
        return TokenStoreError(
            Problem.NO_KEYRING,
            "Windows Credential Manager cannot be used, so chatapp cannot store the Hugging "
            "Face token. Make sure you are logged in to a normal desktop session, then "
            "restart chatapp. " + _WORKS_WITHOUT,
            "no keyring backend on Windows",
        )
    cause = _diagnose_secret_service()
    if cause is not None:
        return cause
    # The service is there now, but keyring found none when it chose its backend for this
    # process (the service started later, or keyring is configured to use no backend).
    return TokenStoreError(
        Problem.NO_SECRET_SERVICE,
        "The keyring service started after chatapp, or chatapp is set to use no keyring. "
        "Restart chatapp; if this message stays, remove any PYTHON_KEYRING_BACKEND setting. "
        + _WORKS_WITHOUT,
        "Secret Service available, but keyring chose no backend",
    )


_NO_SECRET_SERVICE_MESSAGE: Final = (
    "No keyring service is running, so chatapp cannot store the Hugging Face token safely. "
    "Install and unlock GNOME Keyring or KWallet (on Debian or Ubuntu: sudo apt install "
    "gnome-keyring), then restart chatapp. " + _WORKS_WITHOUT
)


def _diagnose_secret_service() -> TokenStoreError | None:
    """Linux and other Unix desktops: the D-Bus session bus or the Secret Service missing?

    None when both are there.
    """
    if sys.platform in ("darwin", "win32"):
        return None
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return _no_dbus("DBUS_SESSION_BUS_ADDRESS is not set")
    try:
        import secretstorage
    except ImportError:
        return TokenStoreError(Problem.NO_SECRET_SERVICE, _NO_SECRET_SERVICE_MESSAGE,
                               "the secretstorage package is not installed")
    try:
        connection = secretstorage.dbus_init()
    except (secretstorage.exceptions.SecretServiceNotAvailableException, OSError) as error:
        # OSError too: secretstorage lets a missing bus socket (FileNotFoundError) through.
        return _no_dbus(f"cannot connect to the session bus: {type(error).__name__}: {error}")
    try:
        available = secretstorage.check_service_availability(connection)
    except Exception as error:  # noqa: BLE001 - a broken bus is the answer, not a crash
        return _no_dbus(f"the session bus does not answer: {type(error).__name__}: {error}")
    finally:
        connection.close()
    if not available:
        return TokenStoreError(Problem.NO_SECRET_SERVICE, _NO_SECRET_SERVICE_MESSAGE,
                               "org.freedesktop.secrets is neither running nor activatable")
    return None


def _no_dbus(detail: str) -> TokenStoreError:
    return TokenStoreError(
        Problem.NO_DBUS,
        "The desktop's message bus (D-Bus) is not running for chatapp, so no keyring can be "
        "reached to store the Hugging Face token. Start chatapp from your desktop session "
        "(or under dbus-run-session) with GNOME Keyring or KWallet running and unlocked. "
        + _WORKS_WITHOUT,
        detail,
    )
