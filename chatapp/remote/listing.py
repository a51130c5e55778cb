"""What each remote server offers: its models, or why they could not be listed.

The model picker lists every server the user added; a server that cannot be reached is
shown as such (with the reason), never as a server without models. Blocking (keyring
and network): call these on a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit

from chatapp.errors import UserFacingError
from chatapp.i18n import format_number, translate
from chatapp.remote.client import RemoteClient
from chatapp.remote.errors import (
    InvalidServerAddressError,
    RemoteAuthError,
    RemoteTimeoutError,
    RemoteTlsError,
    RemoteUnreachableError,
)
from chatapp.remote.servers import RemoteServer, get_api_key, is_loopback, normalize_base_url
from chatapp.secrets.keyring_store import KeyringError

__all__ = ["LIST_TIMEOUT_S", "ServerModels", "describe_models", "display_name", "list_all",
           "list_models",
           "list_server_models", "plain_http_warning", "problem_label",
           "unsaved_server"]

# Listing is a quick question: a server silent for this long is shown as not answering.
LIST_TIMEOUT_S: Final = 15.0


@dataclass(frozen=True)
class ServerModels:
    """One server's models (``error`` None), or why they could not be listed."""

    server: RemoteServer
    models: tuple[str, ...] = ()
    error: UserFacingError | None = None


def list_models(server: RemoteServer, api_key: str | None, *,
                timeout_s: float = LIST_TIMEOUT_S) -> list[str]:
    """The server's models (a RemoteError says why not)."""
    with RemoteClient(server, api_key, timeout_s=timeout_s,
                      connect_timeout_s=min(timeout_s, 10.0)) as client:
        return client.list_models()


def list_server_models(server: RemoteServer, *,
                       timeout_s: float = LIST_TIMEOUT_S) -> ServerModels:
    """A server's models with its stored API key; never raises a UserFacingError.

    A keyring that cannot be read does not stop the listing (many servers need no key);
    if the server then refuses, the keyring's message is the one shown, as it says what to
    fix."""
    keyring_error: UserFacingError | None = None
    try:
        key = get_api_key(server)
    except UserFacingError as error:
        key, keyring_error = None, error
    try:
        return ServerModels(server, tuple(list_models(server, key, timeout_s=timeout_s)))
    except RemoteAuthError as error:
        return ServerModels(server, error=keyring_error or error)
    except UserFacingError as error:
        return ServerModels(server, error=error)


def list_all(servers: Sequence[RemoteServer]) -> tuple[ServerModels, ...]:
    """Every server's listing, in the list's order."""
    return tuple(list_server_models(server) for server in servers)


def unsaved_server(address: str, name: str = "") -> RemoteServer:
    """A server not in the list yet (to test an address before adding it); raises
    InvalidServerAddressError for an address that cannot be used."""
    base_url = normalize_base_url(address)
    return RemoteServer("", name.strip() or base_url, base_url)


MAX_MODELS_SHOWN = 8


def plain_http_warning(address: str) -> str:
    """The warning for an address that would send chats unencrypted over the network
    ("" when there is none to give, or the address is not valid yet)."""
    try:
        base_url = normalize_base_url(address)
    except InvalidServerAddressError:
        return ""
    if urlsplit(base_url).scheme == "http" and not is_loopback(base_url):
        return translate("RemoteServers", "This address uses plain http:// to another "
                         "computer: your messages, the replies and the API key cross the "
                         "network unencrypted. Use https:// if the server offers it.")
    return ""


def describe_models(models: list[str]) -> str:
    if not models:
        return translate("RemoteServers", "The server answers, but lists no models.")
    shown = translate("RemoteServers", ", ", "between model names").join(
        models[:MAX_MODELS_SHOWN])
    count = len(models)  # a plain name: lupdate's Python parser skips the call otherwise
    more = count - MAX_MODELS_SHOWN
    if more > 0:
        return translate("RemoteServers", "The server answers and lists %n models: {models} "
                         "and {more} more.", "", count).format(
                             models=shown, more=format_number(more))
    if count == 1:  # its own string: English's source has no singular
        return translate("RemoteServers", "The server answers and lists 1 model: {models}."
                         ).format(models=shown)
    return translate("RemoteServers", "The server answers and lists %n models: {models}.", "",
                     count).format(models=shown)


def problem_label(error: UserFacingError) -> str:
    """A few words on why a server's models are not listed (its message says the rest)."""
    if isinstance(error, RemoteUnreachableError | RemoteTimeoutError):
        return translate("RemoteServers", "cannot be reached")
    if isinstance(error, RemoteAuthError):
        return translate("RemoteServers", "refused the API key")
    if isinstance(error, KeyringError):  # the server wants its key, which cannot be read
        return translate("RemoteServers", "its API key cannot be read from the keyring")
    if isinstance(error, RemoteTlsError):
        return translate("RemoteServers", "its certificate could not be verified")
    return translate("RemoteServers", "did not list its models")


def display_name(model: str) -> str:
    """A model's name as the window shows it: llama-server names its model by the file's
    path, which is shown as the file's name; other names (``org/model``, ``llama3:8b``)
    are shown as they are."""
    if model.lower().endswith(".gguf"):
        return model.replace("\\", "/").rsplit("/", 1)[-1][: -len(".gguf")] or model
    return model
