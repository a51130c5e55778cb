"""The API server's key in the keyring: a real Secret Service, and no keyring at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import SecretService, fail

from chatapp.errors import UserFacingError
from chatapp.secrets.api_server_key import (
    delete_key,
    generate_key,
    get_key,
    set_key,
    validate_key,
)
from chatapp.secrets.keyring_store import KeyringError
from tests.secret_service import running_secret_service


@pytest.fixture(autouse=True)
def restore_keyring() -> Iterator[None]:
    original = keyring.get_keyring()
    yield
    keyring.set_keyring(original)


def test_keys_are_made_and_checked() -> None:
    made = {generate_key() for _ in range(3)}
    assert len(made) == 3
    assert all(validate_key(key) == key for key in made)
    assert validate_key("  my-key-123 \n") == "my-key-123"
    for bad in ("short", "has a space", "x" * 300, "tab\tin-it-here"):
        with pytest.raises(UserFacingError) as raised:
            validate_key(bad)
        assert bad not in raised.value.user_message


def test_without_a_keyring_the_message_says_so(caplog: pytest.LogCaptureFixture) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyringError) as raised:
        set_key("sk-chatapp-secret-value", timeout=10)
    message = raised.value.user_message
    assert "API server's key" in message
    assert "without a key" in message
    assert "sk-chatapp-secret-value" not in message + raised.value.detail + caplog.text
    with pytest.raises(KeyringError):
        get_key(timeout=10)


def test_the_key_round_trips_through_the_secret_service(tmp_path: Path) -> None:
    with running_secret_service(tmp_path):
        keyring.set_keyring(SecretService.Keyring())
        assert get_key(timeout=10) is None
        set_key("sk-chatapp-first-key", timeout=10)
        assert get_key(timeout=10) == "sk-chatapp-first-key"
        set_key("sk-chatapp-other-key", timeout=10)
        assert get_key(timeout=10) == "sk-chatapp-other-key"
        assert delete_key(timeout=10) is True
        assert get_key(timeout=10) is None
        assert delete_key(timeout=10) is False
