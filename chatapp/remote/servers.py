"""The remote servers the user added: their addresses in a small JSON file in the config
folder, their API keys in the keyring (never in the file, never in the log).

A server's address is normalized once, when it is added: the base URL of its
OpenAI-compatible API (``https://host:port/v1``), to which the client appends
``/models`` and ``/chat/completions``. An address typed without a scheme is https,
except on this computer (localhost, 127.0.0.1, ::1), where servers such as llama-server
listen on plain http. Plain http is accepted anywhere, but :func:`is_loopback` lets the
UI warn that the chat would cross the network unencrypted.

Call the functions that touch the file or the keyring off the UI thread.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import SplitResult, urlsplit, urlunsplit

from chatapp.errors import UserFacingError
from chatapp.files.atomic import keep_aside, write_json_atomic
from chatapp.i18n import format_number, translate
from chatapp.paths import AppPaths
from chatapp.remote.errors import InvalidServerAddressError
from chatapp.secrets.keyring_store import (
    DEFAULT_TIMEOUT_S,
    SecretKind,
    delete_secret,
    read_secret,
    store_secret,
)

__all__ = [
    "FILE_NAME",
    "RemoteServer",
    "ServerListError",
    "ServerStore",
    "delete_api_key",
    "get_api_key",
    "is_loopback",
    "normalize_base_url",
    "server_host",
    "servers_file",
    "set_api_key",
    "validate_api_key",
]

log = logging.getLogger(__name__)

FILE_NAME: Final = "remote-servers.json"
FORMAT: Final = "chatapp-remote-servers"
VERSION: Final = 1
MAX_SERVERS: Final = 100
MAX_NAME_CHARS: Final = 80
MAX_URL_CHARS: Final = 2048
MAX_KEY_CHARS: Final = 4096
_KEY_USER_PREFIX: Final = "remote-server:"
_ID = re.compile(r"[0-9a-f]{32}")
# Paths the user may paste whole: the API's base is what comes before them.
_ENDPOINTS: Final = ("/chat/completions", "/completions", "/models")


@dataclass(frozen=True)
class RemoteServer:
    """A server the user added. ``base_url`` is normalized (see the module docs)."""

    id: str
    name: str
    base_url: str

    @property
    def host(self) -> str:
        """"host:port" as the chat shows it ("replies come from HOST")."""
        return server_host(self.base_url)


class ServerListError(UserFacingError):
    """The list of servers could not be read or written; the message says what to do."""


# --- Addresses ---


def normalize_base_url(text: str) -> str:
    """The API base URL of what the user typed: "host:port", "http://host:8080",
    "https://host/v1", or an endpoint's whole URL. InvalidServerAddressError says what is wrong.
    """
    typed = text.strip()
    if not typed:
        raise InvalidServerAddressError(translate(
            "RemoteServers", "Type the server's address, for example http://127.0.0.1:8080 or "
            "https://llm.example.com."))
    if len(typed) > MAX_URL_CHARS or any(c.isspace() or ord(c) < 32 for c in typed):
        raise InvalidServerAddressError(translate(
            "RemoteServers", "That is not a server address: it is too long or has spaces in "
            "it."))
    if "://" not in typed:
        host_part = typed.split("/", 1)[0]
        bare = urlsplit(f"//{host_part}")
        scheme = "http" if bare.hostname and _is_loopback_host(bare.hostname) else "https"
        typed = f"{scheme}://{typed}"
    try:
        parts = urlsplit(typed)
        port = parts.port  # raises ValueError for a port that is no number or out of range
    except ValueError:
        raise InvalidServerAddressError(translate(
            "RemoteServers", "That is not a server address: the host or port is not valid."
        )) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidServerAddressError(translate(
            "RemoteServers", "A server's address starts with http:// or https://."))
    if not parts.hostname:
        raise InvalidServerAddressError(translate(
            "RemoteServers", "The address has no host name."))
    if parts.username is not None or parts.password is not None:
        raise InvalidServerAddressError(translate(
            "RemoteServers", "Leave the user name and password out of the address; put the "
            "server's API key in the API key box instead."))
    if parts.query or parts.fragment:
        raise InvalidServerAddressError(translate(
            "RemoteServers", "Leave the part after ? or # out of the server's address."))
    path = parts.path.rstrip("/")
    for endpoint in _ENDPOINTS:
        if path.endswith(endpoint):
            path = path[: -len(endpoint)]
            break
    if not path.endswith("/v1"):
        path += "/v1"
    host = parts.hostname.lower()
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return urlunsplit(SplitResult(parts.scheme.lower(), netloc, path, "", ""))


def server_host(base_url: str) -> str:
    """The "host:port" (or "host") of a base URL, as messages name the server."""
    parts = urlsplit(base_url)
    return parts.netloc or base_url


def is_loopback(url: str) -> bool:
    """Whether the URL's host is this computer (nothing crosses the network to it)."""
    host = urlsplit(url if "://" in url else f"//{url}").hostname
    return host is not None and _is_loopback_host(host)


def _is_loopback_host(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- The list of servers ---


def servers_file(paths: AppPaths) -> Path:
    return paths.config_dir / FILE_NAME


class ServerStore:
    """The servers file: read whole, changed, written back atomically (0600). Call it from
    one thread (the app's files thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[RemoteServer]:
        """The servers; none if there is no file yet. A file that cannot be read is moved
        aside and ServerListError says where (the list is empty now)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as error:
            raise ServerListError(translate(
                "RemoteServers", "The list of remote servers could not be read from {path} "
                "({error}).").format(path=self.path, error=error.strerror or error)) from None
        try:
            return _parse(data)
        except ValueError as error:
            try:
                kept = keep_aside(self.path)
            except OSError as move_error:
                raise ServerListError(translate(
                    "RemoteServers", "The list of remote servers in {path} is damaged "
                    "({problem}) and could not be moved aside ({error}); move or delete it to "
                    "add servers again.").format(
                        path=self.path, problem=error,
                        error=move_error.strerror or move_error)) from None
            log.warning("The remote servers file was damaged (%s); kept as %s", error,
                        kept.name)
            raise ServerListError(translate(
                "RemoteServers", "The list of remote servers was damaged ({problem}). It was "
                "kept as {name}; add your servers again (their API keys are still in the "
                "keyring).").format(problem=error, name=kept.name)) from None

    def add(self, address: str, name: str = "") -> RemoteServer:
        """Add a server (InvalidServerAddressError for a bad address); the same address twice
        is the one server."""
        base_url = normalize_base_url(address)
        servers = self.load()
        for server in servers:
            if server.base_url == base_url:
                return server
        if len(servers) >= MAX_SERVERS:
            raise ServerListError(translate(
                "RemoteServers", "chatapp keeps at most {count} remote servers; remove one "
                "first.").format(count=format_number(MAX_SERVERS)))
        label = " ".join(name.split())[:MAX_NAME_CHARS] or server_host(base_url)
        server = RemoteServer(uuid.uuid4().hex, label, base_url)
        self._write([*servers, server])
        return server

    def rename(self, server_id: str, name: str) -> RemoteServer:
        servers = self.load()
        found = _find(servers, server_id)
        label = " ".join(name.split())[:MAX_NAME_CHARS] or found.host
        renamed = RemoteServer(found.id, label, found.base_url)
        self._write([renamed if s.id == server_id else s for s in servers])
        return renamed

    def remove(self, server_id: str) -> None:
        """Forget a server (its key stays in the keyring: delete_api_key removes it)."""
        servers = self.load()
        self._write([s for s in servers if s.id != server_id])

    def get(self, server_id: str) -> RemoteServer | None:
        return next((s for s in self.load() if s.id == server_id), None)

    def _write(self, servers: Sequence[RemoteServer]) -> None:
        document = {"format": FORMAT, "version": VERSION, "servers": [
            {"id": s.id, "name": s.name, "base_url": s.base_url} for s in servers]}
        try:
            write_json_atomic(self.path, document)
        except OSError as error:
            raise ServerListError(translate(
                "RemoteServers", "The list of remote servers could not be saved to {path} "
                "({error}).").format(path=self.path, error=error.strerror or error)) from None


def _find(servers: Sequence[RemoteServer], server_id: str) -> RemoteServer:
    for server in servers:
        if server.id == server_id:
            return server
    raise ServerListError(translate(
        "RemoteServers", "That remote server is no longer in the list."))


def _parse(data: bytes) -> list[RemoteServer]:
    """The servers of a file's bytes; ValueError says what is wrong."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, RecursionError, json.JSONDecodeError):
        raise ValueError(translate("RemoteServers", "it is not JSON")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(translate("RemoteServers", "it is not a list of remote servers"))
    if document.get("version") != VERSION:
        raise ValueError(translate(
            "RemoteServers", "it is of version {version}, this chatapp reads version {latest}"
        ).format(version=repr(document.get("version")), latest=VERSION))
    entries = document.get("servers")
    if not isinstance(entries, list) or len(entries) > MAX_SERVERS:
        raise ValueError(translate("RemoteServers", "its list of servers is missing or too long"))
    servers: list[RemoteServer] = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise ValueError(translate("RemoteServers", "a server is not an object"))
        server_id, name, base_url = entry.get("id"), entry.get("name"), entry.get("base_url")
        if not isinstance(server_id, str) or not _ID.fullmatch(server_id):
            raise ValueError(translate("RemoteServers", "a server has no valid id"))
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_CHARS:
            raise ValueError(translate("RemoteServers", "a server has no valid name"))
        if not isinstance(base_url, str):
            raise ValueError(translate("RemoteServers", "a server has no address"))
        try:
            normalized = normalize_base_url(base_url)
        except InvalidServerAddressError as error:
            raise ValueError(translate(
                "RemoteServers", "a server's address is not valid ({problem})").format(
                    problem=error.user_message)) from None
        servers.append(RemoteServer(server_id, name, normalized))
    return servers


# --- API keys, in the keyring ---


def _kind(server: RemoteServer) -> SecretKind:
    # Made when used, so translated here (keyring_store's lookup leaves it as it is).
    return SecretKind(translate("Keyring", "the API key of {host}").format(host=server.host),
                      translate("Keyring", "Servers that need no API key work without one."),
                      log)


def validate_api_key(key: str) -> str:
    """The key as it will be stored (whitespace from a paste removed); a bad key raises a
    UserFacingError that never repeats what was typed."""
    candidate = key.strip()
    if not candidate or len(candidate) > MAX_KEY_CHARS or any(
            c.isspace() or ord(c) < 32 or ord(c) == 127 for c in candidate):
        raise UserFacingError(translate(
            "RemoteServers", "That is not an API key: a key is one word of letters, digits and "
            "signs, with no spaces. Copy it again from the server's settings."),
            f"rejected a key of {len(candidate)} characters")
    return candidate


def get_api_key(server: RemoteServer, *, timeout: float = DEFAULT_TIMEOUT_S) -> str | None:
    """The server's API key, or None if none is stored (KeyringError if the keyring
    cannot be used)."""
    return read_secret(_kind(server), _KEY_USER_PREFIX + server.id, timeout=timeout)


def set_api_key(server: RemoteServer, key: str, *, timeout: float = DEFAULT_TIMEOUT_S) -> None:
    """Store the server's API key in the keyring, replacing any; a keyring that cannot be
    used raises KeyringError and the key is kept nowhere else."""
    store_secret(_kind(server), _KEY_USER_PREFIX + server.id, validate_api_key(key),
                 timeout=timeout)
    log.info("Stored the API key of %s in the keyring", server.host)


def delete_api_key(server: RemoteServer, *, timeout: float = DEFAULT_TIMEOUT_S) -> bool:
    """Remove the server's API key; False if there was none."""
    return delete_secret(_kind(server), _KEY_USER_PREFIX + server.id, timeout=timeout)
