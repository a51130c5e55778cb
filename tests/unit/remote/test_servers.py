"""The servers list (a real file in a private config folder) and the API keys (keyring)."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail

from chatapp.errors import UserFacingError
from chatapp.paths import AppPaths
from chatapp.remote.errors import InvalidServerAddressError
from chatapp.remote.servers import (
    RemoteServer,
    ServerListError,
    ServerStore,
    delete_api_key,
    get_api_key,
    is_loopback,
    normalize_base_url,
    servers_file,
    set_api_key,
    validate_api_key,
)
from chatapp.secrets.keyring_store import KeyringError, Problem

KEY = "sk-remote-0123456789abcdef"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A secure in-process keyring (no priority: keyring never picks it by itself)."""

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    original = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(original)


@pytest.mark.parametrize(("typed", "expected"), [
    ("127.0.0.1:8080", "http://127.0.0.1:8080/v1"),
    ("localhost:8080/v1/", "http://localhost:8080/v1"),
    ("[::1]:9000", "http://[::1]:9000/v1"),
    ("llm.example.com", "https://llm.example.com/v1"),
    ("192.168.1.20:8000", "https://192.168.1.20:8000/v1"),
    ("http://GPU-box:8000", "http://gpu-box:8000/v1"),
    ("  https://llm.example.com/v1/chat/completions ", "https://llm.example.com/v1"),
    ("https://example.com/team/llama/", "https://example.com/team/llama/v1"),
])
def test_addresses_are_normalized_to_the_api_base(typed: str, expected: str) -> None:
    assert normalize_base_url(typed) == expected


@pytest.mark.parametrize(("typed", "says"), [
    ("", "Type the server's address"),
    ("ftp://example.com", "http:// or https://"),
    ("http://user:pw@example.com", "API key"),
    ("http://example.com:99999", "not valid"),
    ("http://example.com/v1?key=1", "after ?"),
    ("http:///v1", "no host"),
    ("exa mple.com", "spaces"),
])
def test_bad_addresses_say_why(typed: str, says: str) -> None:
    with pytest.raises(InvalidServerAddressError) as raised:
        normalize_base_url(typed)
    assert says in raised.value.user_message


def test_loopback_hosts_are_told_apart() -> None:
    assert is_loopback("http://127.0.0.1:8080/v1") and is_loopback("http://localhost/v1")
    assert is_loopback("http://[::1]:1/v1") and is_loopback("127.0.0.2:80")
    assert not is_loopback("http://192.168.1.2/v1") and not is_loopback("https://example.com")


def test_the_list_is_kept_private_and_holds_no_key(app_paths: AppPaths,
                                                   memory: MemoryKeyring) -> None:
    store = ServerStore(servers_file(app_paths))
    assert store.load() == []
    server = store.add("127.0.0.1:8080", "  My   llama  ")
    set_api_key(server, f" {KEY}\n")
    assert store.add("http://127.0.0.1:8080/v1") == server  # the same server
    other = store.add("https://llm.example.com")
    path = servers_file(app_paths)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert KEY not in path.read_text(encoding="utf-8")
    assert memory.store == {("chatapp", f"remote-server:{server.id}"): KEY}
    reread = ServerStore(path).load()
    assert reread == [server, other]
    assert server.name == "My llama" and other.name == "llm.example.com"
    assert server.host == "127.0.0.1:8080"
    assert get_api_key(server) == KEY and get_api_key(other) is None
    store.rename(other.id, "Work")
    store.remove(server.id)
    assert [s.name for s in store.load()] == ["Work"]
    assert delete_api_key(server) is True and delete_api_key(server) is False
    assert memory.store == {}


@pytest.mark.expect_log("chatapp.remote.servers", "damaged")
def test_a_damaged_list_is_moved_aside(app_paths: AppPaths) -> None:
    path = servers_file(app_paths)
    path.write_text('{"format": "chatapp-remote-servers", "version": 1, "servers": [{}]}',
                    encoding="utf-8")
    store = ServerStore(path)
    with pytest.raises(ServerListError) as raised:
        store.load()
    assert "was kept as" in raised.value.user_message
    assert not path.exists() and len(list(path.parent.glob(f"{path.name}.damaged-*"))) == 1
    assert store.load() == []
    store.add("localhost:8080")
    assert json.loads(path.read_text(encoding="utf-8"))["servers"][0]["base_url"] \
        == "http://localhost:8080/v1"


def test_without_a_keyring_the_key_is_refused_and_kept_nowhere(app_paths: AppPaths,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    original = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = ServerStore(servers_file(app_paths))
        server = store.add("127.0.0.1:8080")
        with pytest.raises(KeyringError) as raised:
            set_api_key(server, KEY)
    finally:
        keyring.set_keyring(original)
    assert raised.value.problem is Problem.NO_DBUS
    assert "the API key of 127.0.0.1:8080" in raised.value.user_message
    assert KEY not in raised.value.user_message and KEY not in raised.value.detail
    for file in app_paths.config_dir.rglob("*"):
        assert not file.is_file() or KEY not in file.read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["", "   ", "sk two words", "sk\x00x", "k" * 5000])
def test_a_bad_key_is_refused_without_repeating_it(bad: str, memory: MemoryKeyring) -> None:
    with pytest.raises(UserFacingError) as raised:
        validate_api_key(bad)
    if bad.strip():
        assert bad.strip() not in raised.value.user_message
    with pytest.raises(UserFacingError):
        set_api_key(RemoteServer("1" * 32, "x", "http://127.0.0.1:1/v1"), bad)
    assert memory.store == {}
