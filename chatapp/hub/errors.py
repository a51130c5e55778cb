"""What can go wrong when talking to the model hub, as messages a person can act on.

Every error here carries ``user_message`` (short, says what to do) and ``detail`` (technical, for
the log). :func:`translate` turns what huggingface_hub, httpx2 and the OS raise into one of them,
so the UI never shows a traceback or an HTTP status code on its own. No message ever contains
the access token: it is only ever an argument, never part of a URL or an exception text here.
"""

from __future__ import annotations

import datetime
import email.utils
import errno
import ssl
import time
from collections.abc import Mapping
from typing import ClassVar, Final
from urllib.parse import urlsplit

import httpx2
from huggingface_hub import errors as hf_errors

from chatapp import i18n
from chatapp.errors import UserFacingError
from chatapp.formatting import format_bytes, format_duration

__all__ = [
    "HUB_EXCEPTIONS",
    "RETRY_AFTER_CAP",
    "ChecksumMismatchError",
    "ConnectionLostError",
    "DiskFullError",
    "DownloadConflictError",
    "DownloadError",
    "DownloadStalledError",
    "GatedRepoError",
    "HubError",
    "HubResponseError",
    "HubTlsError",
    "HubUnavailableError",
    "NotEnoughSpaceError",
    "OfflineModeError",
    "RateLimitedError",
    "RemoteFileNotFoundError",
    "RemoteHeaderError",
    "RepoNotFoundError",
    "TokenRejectedError",
    "parse_retry_after",
    "translate",
]

HUB_WEBSITE: Final = "https://huggingface.co"
# A Retry-After beyond this is taken as this: a server asking for days is not worth a number.
RETRY_AFTER_CAP: Final = 3600.0


# What talking to the hub can raise, for ``except`` clauses that hand it to :func:`translate`:
# the library's HTTP errors, httpx2's transport errors, files that cannot be written, and
# answers that do not parse into what huggingface_hub expects.
HUB_EXCEPTIONS: Final = (
    hf_errors.HfHubHTTPError, hf_errors.OfflineModeIsEnabled, hf_errors.HFValidationError,
    httpx2.HTTPError, httpx2.InvalidURL, OSError, ValueError, KeyError, TypeError,
)


class HubError(UserFacingError):
    """Base of every hub and download error.

    ``resumable`` says whether the bytes already downloaded are kept, so that resuming later
    continues from them (a dropped connection, a full disk) rather than starting over.
    ``retry_may_help`` says whether trying again in a moment may succeed (a dropped
    connection, a busy server), as opposed to a missing file, a gate or a bad certificate.
    """

    retry_may_help: ClassVar[bool] = False

    def __init__(self, user_message: str, detail: str | None = None, *,
                 resumable: bool = False) -> None:
        super().__init__(user_message, detail)
        self.resumable = resumable


class HubUnavailableError(HubError):
    """The hub cannot be reached or is failing (no network, DNS, timeout, 5xx).

    ``retry_after`` is the wait in seconds the server asked for (its ``Retry-After``), if any.
    """

    retry_may_help = True

    def __init__(self, user_message: str, detail: str | None = None, *,
                 resumable: bool = False, retry_after: float | None = None) -> None:
        super().__init__(user_message, detail, resumable=resumable)
        self.retry_after = retry_after


class RateLimitedError(HubUnavailableError):
    """The server answered 429: too many requests from this computer for now."""


class HubTlsError(HubUnavailableError):
    """The server's certificate is not trusted; chatapp never continues without verification."""

    retry_may_help = False


class OfflineModeError(HubUnavailableError):
    """HF_HUB_OFFLINE is set: huggingface_hub refuses every request."""

    retry_may_help = False


class HubResponseError(HubError):
    """The server answered something that is not what the hub sends."""


class RepoNotFoundError(HubError):
    """No such repository (or a private one)."""


class RemoteFileNotFoundError(HubError):
    """The repository exists but the file or the revision does not (any more)."""


class GatedRepoError(HubError):
    """The repository requires accepting its terms, and a token of an account that did."""

    def __init__(self, user_message: str, detail: str | None = None, *,
                 token_given: bool, resumable: bool = True) -> None:
        super().__init__(user_message, detail, resumable=resumable)
        self.token_given = token_given


class TokenRejectedError(HubError):
    """The hub does not accept the access token at all (mistyped, revoked, expired)."""


class RemoteHeaderError(HubError):
    """The file's GGUF header could not be read from the hub."""


class DownloadError(HubError):
    """A download could not finish; see ``resumable``."""


class NotEnoughSpaceError(DownloadError):
    """``needed`` is what is left to download; ``margin`` the room kept free besides."""

    def __init__(self, *, needed: int, free: int, where: str, margin: int = 0) -> None:
        # A failed download offers "Try again" (a paused one "Resume"): the words match it.
        if margin and free >= needed:
            message = i18n.translate(
                "HubErrors", "This download needs {needed} of free space (and a little more to "
                "spare), but only {free} is free on {where}. Free some space, then try again.")
        else:
            message = i18n.translate(
                "HubErrors", "This download needs {needed} of free space, but only {free} is "
                "free on {where}. Free some space, then try again.")
        super().__init__(
            message.format(needed=format_bytes(needed), free=format_bytes(free), where=where),
            f"needed {needed} + margin {margin} bytes, free {free} bytes on {where}",
            resumable=True,
        )
        self.needed = needed
        self.margin = margin
        self.free = free
        self.where = where


class DiskFullError(DownloadError):
    def __init__(self, where: str, detail: str) -> None:
        super().__init__(
            i18n.translate("HubErrors", "The disk {where} is full, so the download stopped. Free "
                           "some space, then try again (what was already downloaded is kept), "
                           "or dismiss it to delete the partial file.").format(where=where),
            detail,
            resumable=True,
        )
        self.where = where


class ChecksumMismatchError(DownloadError):
    def __init__(self, filename: str, *, expected: str, actual: str, source: str) -> None:
        super().__init__(
            i18n.translate("HubErrors", "{filename} was downloaded completely, but its checksum "
                           "does not match the one published by {source}, so it was deleted and "
                           "not installed. The file on the server may be damaged or was "
                           "replaced; try again later or choose another file.").format(
                               filename=filename, source=source),
            f"{filename}: expected {expected}, got {actual} (expected value from {source})",
        )
        self.expected = expected
        self.actual = actual


class ConnectionLostError(DownloadError):
    """The connection broke mid-answer. ``downloading``: during a file's bytes (kept)."""

    retry_may_help = True

    def __init__(self, host: str, detail: str, *, downloading: bool = False) -> None:
        if downloading:
            # only given up on after retries, and the download then FAILED (not paused)
            message = i18n.translate(
                "HubErrors", "The connection to {host} kept dropping, so the download stopped. "
                "What was already downloaded is kept: try again when your connection is back.")
        else:
            message = i18n.translate(
                "HubErrors", "The connection to {host} broke before its answer arrived. Check "
                "your internet connection and try again.")
        super().__init__(message.format(host=host), detail, resumable=True)
        self.host = host
        self.downloading = downloading


class DownloadStalledError(DownloadError):
    """No byte of the file arrived for ``seconds`` (across retries): the download failed."""

    def __init__(self, host: str, seconds: float, detail: str) -> None:
        super().__init__(
            i18n.translate("HubErrors", "{host} stopped sending the file: nothing arrived for "
                           "{duration}, so the download stopped. What was already downloaded is "
                           "kept: Try again continues from there.").format(
                               host=host, duration=format_duration(seconds)),
            detail,
            resumable=True,
        )
        self.host = host
        self.seconds = seconds


class DownloadConflictError(DownloadError):
    """The download cannot be queued (already installed, already queued, unsafe file name)."""


_TLS_HINT: Final = i18n.QT_TRANSLATE_NOOP(
    "HubErrors", "If your network uses its own certificate authority, set the SSL_CERT_FILE "
    "environment variable to a file with its certificate and restart chatapp.")


def _tls_problem(error: BaseException) -> str | None:
    """The certificate problem behind a connection error, if that is what it was."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for link in chain:  # OpenSSL's own words are the most precise
        if isinstance(link, ssl.SSLCertVerificationError) and link.verify_message:
            return link.verify_message
    for link in chain:
        if isinstance(link, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(link):
            return "certificate verify failed" if "VERIFY" in str(link) else (
                str(link) or "TLS handshake failed")
    return None


def _status(error: hf_errors.HfHubHTTPError) -> int | None:
    response = error.response
    return response.status_code if response is not None else None


def _server_says(error: hf_errors.HfHubHTTPError) -> str:
    return (error.server_message or "").strip()


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (a number or an HTTP date), capped.

    None when there is none or it cannot be read; a date in the past is 0. ``now`` is the
    wall-clock time (``time.time()``) the date is measured from.
    """
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        seconds = float(value)
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:  # "-0000": UTC, as every HTTP date is
            when = when.replace(tzinfo=datetime.UTC)
        seconds = when.timestamp() - (time.time() if now is None else now)
    return min(max(0.0, seconds), RETRY_AFTER_CAP)


def translate(error: BaseException, *, endpoint: str = HUB_WEBSITE, repo_id: str | None = None,
              filename: str | None = None, token_given: bool = False) -> HubError:
    """The :class:`HubError` for anything raised while talking to the hub or saving a file.

    ``endpoint`` is the hub's address (named in messages, and the base of a repository's page);
    ``token_given`` tells "add a token" apart from "your token was refused". Exceptions not
    foreseen here still become a :class:`HubError`, so the UI always has a ``user_message``.
    """
    if isinstance(error, HubError):
        return error
    detail = f"{type(error).__name__}: {error}"
    host = urlsplit(endpoint).hostname or endpoint
    repo = repo_id or i18n.translate("HubErrors", "this repository")
    page = f"{endpoint.rstrip('/')}/{repo_id}" if repo_id else endpoint

    if isinstance(error, hf_errors.OfflineModeIsEnabled):
        return OfflineModeError(
            i18n.translate("HubErrors", "Downloads are switched off on this computer (the "
                           "HF_HUB_OFFLINE environment variable is set). Unset it and restart "
                           "chatapp to use the model hub."), detail,
            resumable=True)
    if isinstance(error, hf_errors.FileMetadataError):
        return HubResponseError(
            i18n.translate("HubErrors", "{host} does not answer like the Hugging Face hub (a "
                           "file's version information is missing). Check the hub address and "
                           "any proxy in between.").format(host=host), detail)
    if isinstance(error, hf_errors.HFValidationError):
        return RepoNotFoundError(
            i18n.translate("HubErrors", '"{repo}" is not a valid repository name (it looks like '
                           '"owner/model-name").').format(repo=repo_id), detail)
    # GatedRepoError subclasses RepositoryNotFoundError, so it is checked first.
    if isinstance(error, hf_errors.GatedRepoError):
        if token_given:
            return GatedRepoError(
                i18n.translate("HubErrors", "{repo} is gated and your access token's account has "
                               "no access to it yet. Open {page} while signed in with that "
                               "account, accept its terms (or wait until your access request is "
                               "approved), then try again.").format(repo=repo, page=page),
                detail, token_given=True)
        return GatedRepoError(
            i18n.translate("HubErrors", "{repo} is gated: accept its terms on {page} and add a "
                           "Hugging Face access token of that account in Settings, then try "
                           "again.").format(repo=repo, page=page),
            detail, token_given=False)
    if isinstance(error, hf_errors.RevisionNotFoundError):
        return RemoteFileNotFoundError(
            i18n.translate("HubErrors", "This version of {repo} no longer exists on the hub. "
                           "Open the repository again to see its current files.").format(
                               repo=repo), detail)
    if isinstance(error, hf_errors.RemoteEntryNotFoundError):
        if filename:
            message = i18n.translate(
                "HubErrors", "{filename} is no longer in {repo} (it was renamed or removed). "
                "Open the repository again to see its current files.")
        else:
            message = i18n.translate(
                "HubErrors", "The file is no longer in {repo} (it was renamed or removed). Open "
                "the repository again to see its current files.")
        return RemoteFileNotFoundError(message.format(filename=filename, repo=repo), detail)
    if isinstance(error, hf_errors.RepositoryNotFoundError):
        return RepoNotFoundError(
            i18n.translate("HubErrors", "There is no model repository named {repo} on the hub, "
                           "or it is private.").format(repo=repo), detail)
    if isinstance(error, hf_errors.HfHubHTTPError):
        status = _status(error)
        said = _server_says(error)
        if status == 401 and (token_given or "credentials" in said.lower()):
            return TokenRejectedError(
                i18n.translate("HubErrors", "The hub rejected your access token (it may be "
                               "mistyped, expired or revoked). Check it in Settings, or remove "
                               "it to download public models."), detail,
                resumable=True)
        if status in (401, 403):
            return HubError(
                i18n.translate("HubErrors", "The hub refused access to {repo} ({status}). If it "
                               "is private or gated, add an access token of an account that may "
                               "read it.").format(repo=repo, status=status), detail,
                resumable=True)
        retry_after = None
        if error.response is not None and status in (429, 503):  # where servers send it
            retry_after = parse_retry_after(error.response.headers)
        if status == 429:
            if retry_after is None:
                message = i18n.translate(
                    "HubErrors", "{host} is limiting requests from this computer right now. "
                    "Wait a few minutes, then try again.")
            else:
                message = i18n.translate(
                    "HubErrors", "{host} is limiting requests from this computer right now. "
                    "Wait about {duration}, then try again.")
            return RateLimitedError(
                message.format(host=host, duration=format_duration(retry_after or 0)), detail,
                resumable=True, retry_after=retry_after)
        if status is not None and status >= 500:
            return HubUnavailableError(
                i18n.translate("HubErrors", "{host} is having problems (error {status}). Try "
                               "again later.").format(host=host, status=status), detail,
                resumable=True, retry_after=retry_after)
        return HubResponseError(
            i18n.translate("HubErrors", "{host} answered with an error ({status}). Try again "
                           "later.").format(host=host, status=status), detail,
            resumable=True)
    if isinstance(error, httpx2.TransportError | OSError):
        tls = _tls_problem(error)
        if tls is not None:
            return HubTlsError(
                i18n.translate("HubErrors", "The connection to {host} is not secure: its "
                               "certificate could not be verified ({problem}). chatapp does not "
                               "download over a connection it cannot verify. {hint}").format(
                                   host=host, problem=tls,
                                   hint=i18n.translate("HubErrors", _TLS_HINT)),
                detail, resumable=True)
    if isinstance(error, httpx2.TimeoutException):
        return HubUnavailableError(
            i18n.translate("HubErrors", "{host} did not answer in time. Check your internet "
                           "connection and try again.").format(host=host),
            detail, resumable=True)
    if isinstance(error, httpx2.ConnectError | httpx2.ProxyError):
        return HubUnavailableError(
            i18n.translate("HubErrors", "Cannot reach {host}. Check your internet connection and "
                           "try again.").format(host=host), detail,
            resumable=True)
    if isinstance(error, httpx2.TransportError):
        return ConnectionLostError(host, detail)
    if isinstance(error, httpx2.TooManyRedirects | httpx2.DecodingError | httpx2.InvalidURL):
        return HubResponseError(_not_understood(host), detail)
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(
            error.filename or i18n.translate("HubErrors", "where the models are kept"), detail)
    if isinstance(error, OSError):
        if error.filename:
            message = i18n.translate(
                "HubErrors", "A file could not be read or written ({filename}): {reason}.")
        else:
            message = i18n.translate("HubErrors", "A file could not be read or written: {reason}.")
        return DownloadError(
            message.format(filename=error.filename, reason=error.strerror or error), detail,
            resumable=True)
    if isinstance(error, ValueError | KeyError | TypeError):
        # JSON that does not parse or lacks the fields huggingface_hub expects
        return HubResponseError(_not_understood(host), detail)
    return HubError(i18n.translate("HubErrors", "Something went wrong while talking to {host}: "
                                   "{error}").format(host=host, error=error), detail)


def _not_understood(host: str) -> str:
    return i18n.translate("HubErrors", "{host} sent an answer chatapp does not understand. Try "
                          "again later.").format(host=host)
