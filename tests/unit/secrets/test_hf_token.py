"""The Hugging Face token in the keyring: a real Secret Service, and every way it can fail.

The first part uses small in-process keyring backends (no keyring at all, insecure ones, a
locked one, one that never answers). The second part starts a real D-Bus session bus and a
real gnome-keyring-daemon in a private temporary home, and stores, reads, replaces and deletes
the token through them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
import secretstorage
from keyring.backends import SecretService, chainer, fail, null

from chatapp.secrets import hf_token
from chatapp.secrets.hf_token import (
    SERVICE,
    USERNAME,
    Problem,
    TokenStoreError,
    check_keyring,
    delete_token,
    get_token,
    set_token,
    validate_token,
)
from tests.secret_service import (
    private_environment,
    require_binaries,
    running_secret_service,
    start_session_bus,
    stop,
)

TOKEN = "hf_" + "AbCdEfGhIjKlMnOpQrStUvWxYz01234567"
OTHER_TOKEN = "hf_" + "ZyXwVuTsRqPoNmLkJiHgFeDcBa76543210"
WORKS_WITHOUT = "The app works without a token; only gated models need one."


# Test backends. They leave `priority` undefined, so keyring never finds them viable and never
# picks one by itself, even though defining a subclass registers it with keyring.


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A secure stand-in: a dict, and a record of every call."""

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}
        self.calls: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.calls.append("get")
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls.append("set")
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calls.append("delete")
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's plain-text file backend to the code under test."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class HangingKeyring(MemoryKeyring):
    """An unlock prompt that never shows: every call blocks until the test releases it."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(20)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(20)


class RaisingKeyring(MemoryKeyring):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


@pytest.fixture(autouse=True)
def restore_keyring() -> Iterator[None]:
    """Every test leaves keyring's process-wide backend as it found it."""
    original = keyring.get_keyring()
    yield
    keyring.set_keyring(original)


@pytest.fixture
def memory() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


# --- Validation ---


def test_a_token_is_validated_and_trimmed() -> None:
    assert validate_token(f"  {TOKEN}\n") == TOKEN


@pytest.mark.parametrize(
    "bad",
    ["", "hf_", "hf_short", TOKEN.replace("hf_", "xx_"), TOKEN[:10] + " " + TOKEN[10:],
     TOKEN + '"', "Bearer " + TOKEN, TOKEN + "\x00", "api_org_" + TOKEN[3:]],
)
def test_a_malformed_token_is_refused_without_being_repeated(
    bad: str, memory: MemoryKeyring
) -> None:
    with pytest.raises(TokenStoreError) as raised:
        set_token(bad)
    error = raised.value
    assert error.problem is Problem.INVALID_TOKEN
    assert 'starts with "hf_"' in error.user_message
    if len(bad) > 3:
        assert bad.strip() not in str(error) and bad.strip() not in error.detail
    assert memory.calls == []  # the keyring is not even asked


# --- A working keyring (in memory) ---


def test_store_read_replace_delete(memory: MemoryKeyring) -> None:
    assert get_token() is None
    set_token(TOKEN)
    assert memory.store == {(SERVICE, USERNAME): TOKEN}
    assert get_token() == TOKEN
    set_token(OTHER_TOKEN)
    assert get_token() == OTHER_TOKEN and len(memory.store) == 1
    assert delete_token() is True
    assert get_token() is None
    assert delete_token() is False


@pytest.mark.expect_log("chatapp.secrets.hf_token", "is not a valid token")
def test_a_foreign_value_in_the_keyring_is_ignored(memory: MemoryKeyring) -> None:
    memory.store[(SERVICE, USERNAME)] = "not a token"
    assert get_token() is None


def test_the_token_never_reaches_the_log(
    memory: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    set_token(TOKEN)
    assert get_token() == TOKEN
    delete_token()
    # Even a backend whose error quotes what it was given does not leak it.
    keyring.set_keyring(RaisingKeyring(keyring.errors.PasswordSetError(f"cannot store {TOKEN}")))
    with pytest.raises(TokenStoreError) as raised:
        set_token(TOKEN)
    assert TOKEN not in raised.value.detail and TOKEN not in str(raised.value)
    assert "cannot store [token]" in raised.value.detail
    assert "Stored the Hugging Face token" in caplog.text
    assert TOKEN not in caplog.text


def test_check_keyring_names_the_store(memory: MemoryKeyring) -> None:
    assert check_keyring() == memory.name


# --- No keyring, insecure keyrings ---


def test_no_keyring_without_a_session_bus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    keyring.set_keyring(fail.Keyring())
    for call in (get_token, lambda: set_token(TOKEN), delete_token, check_keyring):
        with pytest.raises(TokenStoreError) as raised:
            call()
        assert raised.value.problem is Problem.NO_DBUS
        assert "D-Bus" in raised.value.user_message
        assert WORKS_WITHOUT in raised.value.user_message


def test_no_keyring_when_the_bus_cannot_be_reached(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(TokenStoreError) as raised:
        get_token()
    assert raised.value.problem is Problem.NO_DBUS
    assert "cannot connect" in raised.value.detail


@pytest.mark.parametrize(
    ("backend", "words"),
    [(null.Keyring(), "store nothing"), (PlaintextKeyring(), "without proper protection")],
)
def test_an_insecure_keyring_is_refused(backend: keyring.backend.KeyringBackend,
                                        words: str) -> None:
    keyring.set_keyring(backend)
    with pytest.raises(TokenStoreError) as raised:
        set_token(TOKEN)
    error = raised.value
    assert error.problem is Problem.INSECURE_KEYRING
    assert words in error.user_message and "PYTHON_KEYRING_BACKEND" in error.user_message
    assert WORKS_WITHOUT in error.user_message
    if isinstance(backend, MemoryKeyring):
        assert backend.calls == []  # nothing was written in plain text
    with pytest.raises(TokenStoreError):
        get_token()


def test_a_chain_of_keyrings_uses_only_its_secure_member(monkeypatch: pytest.MonkeyPatch) -> None:
    plain, secure = PlaintextKeyring(), MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plain, secure])
    keyring.set_keyring(chainer.ChainerBackend())
    set_token(TOKEN)
    assert get_token() == TOKEN
    assert secure.store == {(SERVICE, USERNAME): TOKEN}
    assert plain.calls == []
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [plain])
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    with pytest.raises(TokenStoreError):
        get_token()
    assert plain.calls == []


# --- A keyring that is locked, broken or never answers ---


@pytest.mark.parametrize(
    "error",
    [keyring.errors.KeyringLocked("Failed to unlock the collection!"),
     secretstorage.exceptions.LockedException("locked"),
     secretstorage.exceptions.PromptDismissedException("dismissed")],
)
def test_a_locked_keyring_says_to_unlock_it(error: Exception) -> None:
    keyring.set_keyring(RaisingKeyring(error))
    with pytest.raises(TokenStoreError) as raised:
        get_token()
    assert raised.value.problem is Problem.LOCKED
    assert "locked" in raised.value.user_message and "unlock" in raised.value.user_message
    assert type(error).__name__ in raised.value.detail


def test_another_keyring_failure_is_reported() -> None:
    keyring.set_keyring(RaisingKeyring(keyring.errors.PasswordSetError("refused")))
    with pytest.raises(TokenStoreError) as raised:
        set_token(TOKEN)
    assert raised.value.problem is Problem.FAILED
    assert "could not store" in raised.value.user_message
    assert "refused" in raised.value.detail


@pytest.mark.expect_log("chatapp.secrets.hf_token", "did not answer within")
def test_a_keyring_that_never_answers_times_out() -> None:
    hanging = HangingKeyring()
    keyring.set_keyring(hanging)
    try:
        started = time.monotonic()
        with pytest.raises(TokenStoreError) as raised:
            get_token(timeout=0.3)
        assert time.monotonic() - started < 2
        assert raised.value.problem is Problem.TIMEOUT
        assert "did not answer within" in raised.value.user_message
        assert WORKS_WITHOUT in raised.value.user_message
        # The stuck call is a daemon thread: it cannot keep the app from exiting.
        stuck = [t for t in threading.enumerate() if t.name == "keyring-read"]
        assert stuck and all(t.daemon for t in stuck)
        with pytest.raises(TokenStoreError) as raised:
            set_token(TOKEN, timeout=0.2)
        assert raised.value.problem is Problem.TIMEOUT
    finally:
        hanging.release.set()


# --- A real Secret Service: dbus-daemon + gnome-keyring-daemon ---


@pytest.fixture(scope="module")
def secret_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A running, unlocked gnome-keyring on a private session bus; yields the private root."""
    root = tmp_path_factory.mktemp("secret-service")
    with running_secret_service(root):
        yield root


@pytest.fixture
def real_keyring(secret_service: Path) -> Path:
    # keyring picks its backend once per process; this test process may have picked "none"
    # before the service existed, so choose the Secret Service explicitly.
    keyring.set_keyring(SecretService.Keyring())
    return secret_service


def stored_items() -> list[tuple[dict[str, str], bytes]]:
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        return [(item.get_attributes(), item.get_secret())
                for item in collection.search_items({"service": SERVICE})]
    finally:
        connection.close()


def files_containing(root: Path, needle: bytes) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink() and needle in path.read_bytes():
            found.append(path)
    return found


def test_the_token_round_trips_through_the_secret_service(real_keyring: Path) -> None:
    assert check_keyring(timeout=10) == "the Secret Service (GNOME Keyring or KWallet)"
    assert get_token(timeout=10) is None
    set_token(TOKEN, timeout=10)
    assert get_token(timeout=10) == TOKEN
    set_token(OTHER_TOKEN, timeout=10)  # replaces, never adds a second entry
    assert get_token(timeout=10) == OTHER_TOKEN

    items = stored_items()
    assert len(items) == 1
    attributes, secret = items[0]
    assert attributes["service"] == SERVICE and attributes["username"] == USERNAME
    assert secret == OTHER_TOKEN.encode()

    # gnome-keyring wrote its encrypted keyring file, and no file holds the token as text.
    assert list((real_keyring / "data" / "keyrings").glob("*.keyring"))
    for token in (TOKEN, OTHER_TOKEN):
        assert files_containing(real_keyring, token.encode()) == []
        assert files_containing(real_keyring, token.encode("utf-16-le")) == []

    assert delete_token(timeout=10) is True
    assert get_token(timeout=10) is None
    assert stored_items() == []
    assert delete_token(timeout=10) is False


def test_a_session_bus_without_a_secret_service(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    require_binaries("dbus-daemon")
    env = private_environment(tmp_path)
    bus, address = start_session_bus(tmp_path, env)
    try:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        keyring.set_keyring(fail.Keyring())  # what keyring picks when it finds no service
        with pytest.raises(TokenStoreError) as raised:
            set_token(TOKEN, timeout=10)
        error = raised.value
        assert error.problem is Problem.NO_SECRET_SERVICE
        assert "Install and unlock GNOME Keyring or KWallet" in error.user_message
        assert WORKS_WITHOUT in error.user_message
    finally:
        stop(bus)


def test_a_locked_secret_service_says_to_unlock_it(real_keyring: Path) -> None:
    """Last of the real-service tests: it locks the login keyring for good (unlocking needs
    the prompt this private bus cannot show)."""
    set_token(TOKEN, timeout=10)
    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        collection.lock()
        assert collection.is_locked()
    finally:
        connection.close()
    started = time.monotonic()
    with pytest.raises(TokenStoreError) as raised:
        get_token(timeout=10)
    assert raised.value.problem in {Problem.LOCKED, Problem.TIMEOUT}
    assert raised.value.problem is Problem.LOCKED, raised.value.detail
    assert time.monotonic() - started < 10
    assert "unlock" in raised.value.user_message


def test_the_module_never_opens_files() -> None:
    """No file API in the module: the token can only go to the keyring."""
    source = Path(hf_token.__file__).read_text(encoding="utf-8")
    for call in ("open(", "write_text", "write_bytes", "os.write", "tempfile"):
        assert call not in source
