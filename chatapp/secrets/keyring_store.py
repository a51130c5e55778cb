"""Running the keyring safely, for every secret the app keeps (the Hugging Face token,
remote servers' API keys): only a secure backend, each call in a daemon thread with a
timeout, and every failure turned into a :class:`KeyringError` whose message names the
secret and says how to fix the keyring.

Rules kept for every secret:

* A secret is never written to a file and never logged, and no message or exception text
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
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, TypeVar

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

from chatapp.errors import UserFacingError
from chatapp.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "SERVICE",
    "KeyringError",
    "Problem",
    "SecretKind",
    "backend_label",
    "delete_secret",
    "read_secret",
    "run",
    "store_secret",
]

SERVICE: Final = "chatapp"
# Long enough to type a keyring password into an unlock prompt that does show; a prompt that
# cannot show never answers, and the user should not wait longer than this to be told.
DEFAULT_TIMEOUT_S: Final = 30.0


class Problem(enum.Enum):
    INVALID_TOKEN = "invalid token"
    NO_DBUS = "no D-Bus session bus"
    NO_SECRET_SERVICE = "no Secret Service"
    NO_KEYRING = "no keyring"
    INSECURE_KEYRING = "insecure keyring"
    LOCKED = "keyring locked"
    TIMEOUT = "keyring timed out"
    FAILED = "keyring error"


class KeyringError(UserFacingError):
    """Anything that keeps a secret from being validated, stored, read or deleted.

    ``user_message`` says what is missing and how to fix it; ``problem`` tells the kinds apart;
    ``detail`` is technical detail for the log. None of them ever contains the secret.
    """

    def __init__(self, problem: Problem, user_message: str, detail: str | None = None) -> None:
        super().__init__(user_message, detail)
        self.problem = problem


@dataclass(frozen=True)
class SecretKind:
    """Which secret a keyring call is for, as its messages and log name it."""

    # In English, marked with QT_TRANSLATE_NOOP("Keyring", ...) (or already in the user's
    # language when made at run time): messages translate them where they are shown.
    what: str  # "the Hugging Face token"
    works_without: str  # what still works without it, the end of every message
    log: logging.Logger  # the log of the module that keeps this secret

    def shown_what(self) -> str:
        return translate("Keyring", self.what)

    def shown_works_without(self) -> str:
        return translate("Keyring", self.works_without)


def _with_works_without(message: str, kind: SecretKind) -> str:
    """A message, then what still works without the secret (two sentences)."""
    return f"{message} {kind.shown_works_without()}"

# --- Running keyring calls safely ---

_T = TypeVar("_T")


def run(
    kind: SecretKind,
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
    failure: list[KeyringError] = []

    def work() -> None:
        try:
            outcome.append(operation(_secure_backend(kind)))
        except KeyringError as error:
            failure.append(error)
        except Exception as error:  # noqa: BLE001 - every keyring failure becomes one type
            try:
                failure.append(_translate(kind, error, action))
            except Exception as inner:  # noqa: BLE001 - diagnosing must not lose the error
                failure.append(_failed(kind, action,
                                       f"{error!r}; while diagnosing: {inner!r}"))

    worker = threading.Thread(target=work, name=f"keyring-{action}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        kind.log.warning("The keyring did not answer within %.0f s (%s)", timeout, action)
        raise KeyringError(
            Problem.TIMEOUT,
            _with_works_without(translate(
                "Keyring", "The keyring did not answer within {seconds} seconds. It may be "
                "waiting for an unlock prompt that cannot be shown. Unlock your keyring (for "
                "example in \"Passwords and Keys\"), or log out and in again, then try again."
            ).format(seconds=f"{timeout:g}"), kind),
            f"{action}: no answer after {timeout} s",
        )
    if failure:
        error = failure[0]
        if secret and (secret in error.detail or secret in error.user_message):
            # A backend's own error text could quote what it was given.
            error = KeyringError(error.problem, error.user_message.replace(secret, "[token]"),
                                 error.detail.replace(secret, "[token]"))
        kind.log.info("Keyring %s failed: %s", action, error.detail)  # the user is told
        raise error
    return outcome[0]


def _secure_backend(kind: SecretKind) -> keyring.backend.KeyringBackend:
    """keyring's backend for this process, refused if it would not keep the token safe."""
    backend = keyring.get_keyring()
    if isinstance(backend, chainer.ChainerBackend):
        # The chainer writes to the first backend that accepts, which could be a plain-text
        # file further down its list: use the best secure one directly instead.
        chained: list[keyring.backend.KeyringBackend] = list(backend.backends)
        secure = [b for b in chained if _insecure_reason(b) is None]
        if not secure:
            raise _missing_keyring_error(kind)
        return secure[0]
    if isinstance(backend, fail.Keyring):
        raise _missing_keyring_error(kind)
    reason = _insecure_reason(backend)
    if reason is not None:
        raise KeyringError(
            Problem.INSECURE_KEYRING,
            _with_works_without(translate(
                "Keyring", "The keyring chatapp is set to use ({keyring}) would {reason}, so "
                "{what} is not stored there. Remove the PYTHON_KEYRING_BACKEND setting or "
                "keyringrc.cfg file that selects it, and use GNOME Keyring, KWallet, the macOS "
                "Keychain or Windows Credential Manager.").format(
                    keyring=backend_label(backend), reason=translate("Keyring", reason),
                    what=kind.shown_what()), kind),
            f"refused backend {type(backend).__module__}.{type(backend).__name__}",
        )
    return backend


def _insecure_reason(backend: keyring.backend.KeyringBackend) -> str | None:
    if isinstance(backend, null.Keyring):
        return QT_TRANSLATE_NOOP("Keyring", "silently store nothing")
    if isinstance(backend, fail.Keyring):
        return QT_TRANSLATE_NOOP("Keyring", "store nothing")
    if type(backend).__module__.startswith("keyrings.alt"):
        # keyrings.alt: plain-text and "encrypted" files in the home folder, the Windows
        # registry, and other backends its own documentation calls insecure.
        return QT_TRANSLATE_NOOP("Keyring",
                                 "keep it in a file or registry entry without proper protection")
    return None


def backend_label(backend: keyring.backend.KeyringBackend) -> str:
    module = type(backend).__module__
    if module.endswith("SecretService"):
        return translate("Keyring", "the Secret Service (GNOME Keyring or KWallet)")
    if module.endswith("kwallet"):
        return "KWallet"
    if module.endswith("macOS"):
        return translate("Keyring", "the macOS Keychain")
    if module.endswith("Windows"):
        return translate("Keyring", "Windows Credential Manager")
    name: str = getattr(backend, "name", type(backend).__name__)
    return name


# --- Turning failures into messages ---


def _translate(kind: SecretKind, error: Exception, action: str) -> KeyringError:
    detail = f"{action}: {type(error).__module__}.{type(error).__name__}: {error}"
    if isinstance(error, keyring.errors.KeyringLocked) or _is_secretstorage(
        error, "LockedException", "PromptDismissedException"
    ):
        return KeyringError(
            Problem.LOCKED,
            _with_works_without(translate(
                "Keyring", "Your keyring is locked, so chatapp cannot use {what}. Unlock it "
                "(for example: open \"Passwords and Keys\" and unlock the Login keyring, or "
                "log out and in again), then try again.").format(what=kind.shown_what()), kind),
            detail,
        )
    if isinstance(error, keyring.errors.NoKeyringError):
        found = _missing_keyring_error(kind)
        return KeyringError(found.problem, found.user_message, f"{detail}; {found.detail}")
    if (
        isinstance(error, (OSError, EOFError))
        or _is_dbus_error(error)
        or _is_secretstorage(error, "SecretServiceNotAvailableException")
    ):
        # The connection to the keyring broke: say why if it can be told.
        cause = _diagnose_secret_service(kind)
        if cause is not None:
            return KeyringError(cause.problem, cause.user_message, f"{detail}; {cause.detail}")
    return _failed(kind, action, detail)


def _failed(kind: SecretKind, action: str, detail: str) -> KeyringError:
    if action == "read":
        could_not = translate("Keyring", "The keyring could not read {what}.")
    elif action == "store":
        could_not = translate("Keyring", "The keyring could not store {what}.")
    elif action == "delete":
        could_not = translate("Keyring", "The keyring could not delete {what}.")
    else:
        could_not = translate("Keyring", "The keyring could not reach {what}.")
    check = translate("Keyring", "Check that your keyring (GNOME Keyring, KWallet, the macOS "
                      "Keychain or Windows Credential Manager) is running and unlocked, then "
                      "try again.")
    return KeyringError(
        Problem.FAILED,
        _with_works_without(f"{could_not.format(what=kind.shown_what())} {check}", kind),
        detail,
    )


def _is_secretstorage(error: Exception, *names: str) -> bool:
    return type(error).__module__.startswith("secretstorage") and any(
        cls.__name__ in names for cls in type(error).__mro__
    )


def _is_dbus_error(error: Exception) -> bool:
    return type(error).__module__.startswith("jeepney")


def _missing_keyring_error(kind: SecretKind) -> KeyringError:
    """Why keyring has no backend to offer, as precisely as can be told."""
    if sys.platform == "darwin":
        return KeyringError(
            Problem.NO_KEYRING,
            _with_works_without(translate(
                "Keyring", "The macOS Keychain cannot be used, so chatapp cannot store {what}. "
                "Make sure you are logged in to a normal desktop session, then restart "
                "chatapp.").format(what=kind.shown_what()), kind),
            "no keyring backend on macOS",
        )
    if sys.platform == "win32":
        return KeyringError(
            Problem.NO_KEYRING,
            _with_works_without(translate(
                "Keyring", "Windows Credential Manager cannot be used, so chatapp cannot store "
                "{what}. Make sure you are logged in to a normal desktop session, then restart "
                "chatapp.").format(what=kind.shown_what()), kind),
            "no keyring backend on Windows",
        )
    cause = _diagnose_secret_service(kind)
    if cause is not None:
        return cause
    # The service is there now, but keyring found none when it chose its backend for this
    # process (the service started later, or keyring is configured to use no backend).
    return KeyringError(
        Problem.NO_SECRET_SERVICE,
        _with_works_without(translate(
            "Keyring", "The keyring service started after chatapp, or chatapp is set to use no "
            "keyring. Restart chatapp; if this message stays, remove any "
            "PYTHON_KEYRING_BACKEND setting."), kind),
        "Secret Service available, but keyring chose no backend",
    )


def _no_secret_service_message(kind: SecretKind) -> str:
    return _with_works_without(translate(
        "Keyring", "No keyring service is running, so chatapp cannot store {what} safely. "
        "Install and unlock GNOME Keyring or KWallet (on Debian or Ubuntu: sudo apt install "
        "gnome-keyring), then restart chatapp.").format(what=kind.shown_what()), kind)


def _diagnose_secret_service(kind: SecretKind) -> KeyringError | None:
    """Linux and other Unix desktops: the D-Bus session bus or the Secret Service missing?

    None when both are there.
    """
    if sys.platform in ("darwin", "win32"):
        return None
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return _no_dbus(kind, "DBUS_SESSION_BUS_ADDRESS is not set")
    try:
        import secretstorage
    except ImportError:
        return KeyringError(Problem.NO_SECRET_SERVICE, _no_secret_service_message(kind),
                               "the secretstorage package is not installed")
    try:
        connection = secretstorage.dbus_init()
    except (secretstorage.exceptions.SecretServiceNotAvailableException, OSError) as error:
        # OSError too: secretstorage lets a missing bus socket (FileNotFoundError) through.
        return _no_dbus(kind, "cannot connect to the session bus: "
                        f"{type(error).__name__}: {error}")
    try:
        available = secretstorage.check_service_availability(connection)
    except Exception as error:  # noqa: BLE001 - a broken bus is the answer, not a crash
        return _no_dbus(kind, "the session bus does not answer: "
                        f"{type(error).__name__}: {error}")
    finally:
        connection.close()
    if not available:
        return KeyringError(Problem.NO_SECRET_SERVICE, _no_secret_service_message(kind),
                               "org.freedesktop.secrets is neither running nor activatable")
    return None


def _no_dbus(kind: SecretKind, detail: str) -> KeyringError:
    return KeyringError(
        Problem.NO_DBUS,
        _with_works_without(translate(
            "Keyring", "The desktop's message bus (D-Bus) is not running for chatapp, so no "
            "keyring can be reached to store {what}. Start chatapp from your desktop session "
            "(or under dbus-run-session) with GNOME Keyring or KWallet running and unlocked."
        ).format(what=kind.shown_what()), kind),
        detail,
    )


# --- One secret under one name: read, store, delete ---


def read_secret(kind: SecretKind, username: str, *,
                timeout: float = DEFAULT_TIMEOUT_S) -> str | None:
    """The secret stored as ``username``, or None (KeyringError if the keyring cannot be
    used)."""
    return run(kind, "read", lambda backend: backend.get_password(SERVICE, username), timeout)


def store_secret(kind: SecretKind, username: str, value: str, *,
                 timeout: float = DEFAULT_TIMEOUT_S) -> None:
    """Store ``value`` as ``username``, replacing any; kept nowhere else if this fails."""
    run(kind, "store", lambda backend: backend.set_password(SERVICE, username, value),
        timeout, secret=value)


def delete_secret(kind: SecretKind, username: str, *,
                  timeout: float = DEFAULT_TIMEOUT_S) -> bool:
    """Remove the secret stored as ``username``; False if there was none."""
    def remove(backend: keyring.backend.KeyringBackend) -> bool:
        # Look first: backends signal "nothing stored" and real failures alike.
        if backend.get_password(SERVICE, username) is None:
            return False
        backend.delete_password(SERVICE, username)
        return True

    return run(kind, "delete", remove, timeout)
