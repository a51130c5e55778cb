"""What can go wrong with a remote server, each kind its own class so the UI can act on it
(offer to set the key again on RemoteAuthError, to retry on the others). Every message
names the server's host: the user may have several."""

from __future__ import annotations

from chatapp.errors import UserFacingError

__all__ = [
    "InvalidServerAddressError",
    "RemoteAuthError",
    "RemoteDroppedError",
    "RemoteError",
    "RemoteProtocolError",
    "RemoteServerError",
    "RemoteTimeoutError",
    "RemoteTlsError",
    "RemoteUnreachableError",
]


class RemoteError(UserFacingError):
    """The root of the remote engine's errors; ``host`` is the server's "host:port"."""

    def __init__(self, host: str, user_message: str, detail: str | None = None) -> None:
        super().__init__(user_message, detail)
        self.host = host


class InvalidServerAddressError(UserFacingError, ValueError):
    """What the user typed as a server's address cannot be used; the message says why."""


class RemoteUnreachableError(RemoteError):
    """No connection: the name does not resolve, nothing listens, the network is down."""


class RemoteAuthError(RemoteError):
    """The server refused the API key (401 or 403), or wants one and none is set."""


class RemoteTimeoutError(RemoteError):
    """The server did not connect, or went quiet between tokens, for too long."""


class RemoteDroppedError(RemoteError):
    """The connection ended before the reply did."""


class RemoteServerError(RemoteError):
    """The server answered with an error of its own (its message is in ``user_message``);
    ``status`` is the HTTP status, 0 for an error sent inside the stream."""

    def __init__(self, host: str, status: int, user_message: str,
                 detail: str | None = None) -> None:
        super().__init__(host, user_message, detail)
        self.status = status


class RemoteTlsError(RemoteError):
    """The server's certificate could not be verified (or TLS failed otherwise)."""


class RemoteProtocolError(RemoteError):
    """The server's answer is not what an OpenAI-compatible server sends."""
