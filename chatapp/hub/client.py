"""Searching the model hub and listing a repository's GGUF files, through huggingface_hub.

huggingface_hub is the transport: ``HfApi.list_models`` / ``model_info``, ``hf_hub_url``,
``get_hf_file_metadata``, ``build_hf_headers`` and its shared HTTP session, so chatapp talks to
the hub exactly as the library does (and to a test stand-in given as ``endpoint``).

Two rules hold for every request:

* The access token is only the one given to :class:`HubClient`. The library would otherwise fall
  back to ``HF_TOKEN`` or the token file in ``HF_HOME``; passing ``token=False`` when there is
  none stops that. The token goes only to the hub's own origin, never to the storage servers
  that file downloads are redirected to, and it is never logged.
* TLS is always verified, by the library's session (httpx2). Its trust store is the operating
  system's (OpenSSL's default paths on Linux, the system store through truststore on Windows and
  macOS), or the bundle named by ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` when set: that is how a
  network with its own certificate authority is trusted. Those variables are read when the
  shared session is created (``huggingface_hub.close_session()`` makes it re-read them).
"""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal

import httpx2
from huggingface_hub import HfApi, get_hf_file_metadata, hf_hub_url, hf_raise_for_status
from huggingface_hub.hf_api import ModelInfo

# Documented as huggingface_hub.utils.*; imported from where they are defined because the
# utils package re-exports them implicitly, which mypy --strict does not accept.
from huggingface_hub.utils._headers import build_hf_headers
from huggingface_hub.utils._http import http_stream_backoff

import chatapp
from chatapp import i18n
from chatapp.hub.errors import HUB_EXCEPTIONS, HubError, HubResponseError, translate
from chatapp.hub.filenames import GgufGroup, group_gguf_files

__all__ = [
    "DEFAULT_ENDPOINT",
    "GgufModel",
    "HubClient",
    "Interrupt",
    "RemoteFile",
    "RepoFile",
    "RepoListing",
    "RepoSummary",
    "SearchPage",
    "SearchSort",
    "content_range",
]

log = logging.getLogger(__name__)

DEFAULT_ENDPOINT: Final = "https://huggingface.co"
SearchSort = Literal["downloads", "likes", "last_modified", "trending_score", "created_at"]
# Only what a search result shows: the hub then leaves out everything else (tags, card data).
_SEARCH_FIELDS: Final = ["author", "downloads", "likes", "lastModified", "gated"]
_MAX_PAGE_SIZE: Final = 100
_LOOPBACK: Final = frozenset({"127.0.0.1", "::1", "localhost"})


class Interrupt:
    """Ends a transfer from another thread at once, even while a socket read is blocked.

    Pass one to :meth:`HubClient.open_range`; :meth:`fire` (from any thread) shuts down the
    socket of that request, so a read blocked on a server that sends nothing returns now
    instead of after the read timeout, and the request raises (an httpx2 transport error).
    Requests started while fired fail as soon as they connect; :meth:`reset` takes it back.

    ``shutdown``, not ``close``: it wakes a blocked ``recv`` (tested on Linux; BSD sockets
    and Winsock do the same), and does not free the descriptor under the reading thread.
    The request is sent with
    ``Connection: close``, so its connection never goes back to the shared pool: no other
    request can ever be using a socket this shuts down.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._fired = False
        self._sockets: list[socket.socket] = []

    @property
    def fired(self) -> bool:
        return self._fired

    def fire(self) -> None:
        with self._lock:
            self._fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut_down(sock)

    def reset(self) -> None:
        with self._lock:
            self._fired = False

    def _attach(self, sock: object) -> None:
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._sockets.append(sock)
            fired = self._fired
        if fired:
            _shut_down(sock)

    def _detach_all(self) -> None:
        with self._lock:
            self._sockets.clear()

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's ``trace`` extension: learn the socket as soon as it is connected."""
        if event.endswith((".connect_tcp.complete", ".start_tls.complete")):
            stream = info.get("return_value")
            if stream is not None:
                self._attach(stream.get_extra_info("socket"))


def _shut_down(sock: socket.socket) -> None:
    # socket.socket's own method, not SSLSocket.shutdown, which also drops the TLS state
    # that the reading thread is using at this moment
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


@dataclass(frozen=True)
class RepoSummary:
    """One search result."""

    repo_id: str
    author: str | None
    downloads: int | None
    likes: int | None
    last_modified: datetime | None
    gated: bool  # downloading needs accepted terms and a token


@dataclass(frozen=True)
class SearchPage:
    query: str
    page: int  # 0-based
    page_size: int
    results: tuple[RepoSummary, ...]
    has_more: bool


@dataclass(frozen=True)
class RepoFile:
    """A file in a repository as model_info(files_metadata=True) describes it."""

    path: str  # inside the repository, may contain folders
    size: int | None
    sha256: str | None  # from the LFS pointer; None for files kept in git itself
    blob_id: str | None  # git object id; the ETag of a file kept in git

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class GgufModel:
    """One model to download: a single .gguf file, or every part of a split set, in order."""

    name: str
    quantization: str | None
    parts: tuple[RepoFile, ...]
    split_count: int
    missing_parts: tuple[int, ...]  # 1-based part numbers absent from the repository
    is_vision_addon: bool

    @property
    def size(self) -> int | None:
        """Sum of the parts' sizes; None if the hub did not say for one of them."""
        sizes = [p.size for p in self.parts]
        return None if any(s is None for s in sizes) else sum(s for s in sizes if s is not None)

    @property
    def complete(self) -> bool:
        return not self.missing_parts

    @property
    def first_file(self) -> RepoFile:
        return self.parts[0]


@dataclass(frozen=True)
class RepoListing:
    repo_id: str
    commit: str | None  # the commit these files were listed at
    gated: bool
    models: tuple[GgufModel, ...]  # chat models (single files and complete or partial splits)
    addons: tuple[GgufModel, ...]  # vision projectors (mmproj): listed apart, not models
    # What the hub says about the repository's GGUF, if anything; the header read before a
    # download is the authority.
    architecture_hint: str | None
    context_length_hint: int | None


@dataclass(frozen=True)
class RemoteFile:
    """A file's current version, from a HEAD request on its resolve URL."""

    repo_id: str
    path: str
    revision: str
    commit: str
    etag: str
    size: int
    location: str  # where its bytes are served (a storage server after a redirect)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


_CONTENT_RANGE: Final = re.compile(r"\s*bytes\s+(\d+)-(\d+)/(\d+|\*)\s*", re.IGNORECASE)


def content_range(response: httpx2.Response) -> tuple[int, int, int | None] | None:
    """(first byte, last byte, total size or None) from a 206 answer's Content-Range."""
    match = _CONTENT_RANGE.fullmatch(response.headers.get("Content-Range", ""))
    if match is None:
        return None
    total = None if match.group(3) == "*" else int(match.group(3))
    return int(match.group(1)), int(match.group(2)), total


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class HubClient:
    """Read-only access to a Hugging Face hub. Safe to share between threads.

    ``endpoint`` is the hub's address (https://huggingface.co unless testing or mirroring);
    ``token`` an access token from the keyring, or None for anonymous access.
    """

    def __init__(self, endpoint: str = DEFAULT_ENDPOINT, token: str | None = None, *,
                 timeout: float = 30.0) -> None:
        endpoint = endpoint.strip().rstrip("/")
        scheme, host, _ = _origin(endpoint)
        if scheme not in ("http", "https") or not host:
            raise ValueError(f"not a hub address: {endpoint!r}")
        token = token.strip() if token else None
        if token and scheme != "https" and host not in _LOOPBACK:
            # a token sent in clear text over the network is a token given away
            raise ValueError("an access token is only sent over https")
        self._endpoint = endpoint
        self._token = token or None
        self._timeout = timeout
        self._api = HfApi(endpoint=endpoint, token=self._auth, library_name="chatapp",
                          library_version=chatapp.__version__)

    def __repr__(self) -> str:  # never shows the token
        return f"HubClient({self._endpoint!r}, token={'set' if self._token else 'none'})"

    @property
    def endpoint(self) -> str:
        return self._endpoint

    @property
    def host(self) -> str:
        return _origin(self._endpoint)[1]

    @property
    def has_token(self) -> bool:
        return self._token is not None

    @property
    def _auth(self) -> str | Literal[False]:
        # False, not None: None makes huggingface_hub read HF_TOKEN or HF_HOME/token.
        return self._token if self._token else False

    def translate(self, error: BaseException, *, repo_id: str | None = None,
                  filename: str | None = None) -> HubError:
        return translate(error, endpoint=self._endpoint, repo_id=repo_id, filename=filename,
                         token_given=self.has_token)

    def page_url(self, repo_id: str) -> str:
        """The repository's web page (where gated terms are accepted)."""
        return f"{self._endpoint}/{repo_id}"

    # -- search --------------------------------------------------------------------------------

    def search(self, query: str, *, page: int = 0, page_size: int = 20,
               sort: SearchSort = "downloads") -> SearchPage:
        """GGUF repositories whose name contains ``query``, most downloaded first.

        Stateless paging: page ``n`` asks list_models for the first ``(n + 1) * page_size + 1``
        results (the library follows the hub's ``Link`` pages as needed) and keeps the last
        ``page_size``; the one extra result tells whether there is a further page. Later pages
        cost more, which is fine for the few pages a person looks through, and no cursor has to
        be kept between calls.

        huggingface_hub retries a listing that cannot connect five times with back-off, so an
        unreachable hub takes about 25 s to report (``list_repo`` and file requests do not
        retry); run it off the UI thread.
        """
        if page < 0 or not 1 <= page_size <= _MAX_PAGE_SIZE:
            raise ValueError("page must be >= 0 and page_size between 1 and 100")
        wanted = (page + 1) * page_size
        text = query.strip()
        log.debug("search %r, page %d of %d", text, page, page_size)
        try:
            found = list(self._api.list_models(
                search=text or None, filter="gguf", sort=sort, limit=wanted + 1,
                expand=list(_SEARCH_FIELDS),  # type: ignore[arg-type]
                token=self._auth,
            ))
        except HUB_EXCEPTIONS as error:
            raise self.translate(error) from error
        results = tuple(self._summary(m) for m in found[page * page_size: wanted])
        return SearchPage(query=text, page=page, page_size=page_size, results=results,
                          has_more=len(found) > wanted)

    @staticmethod
    def _summary(info: ModelInfo) -> RepoSummary:
        return RepoSummary(
            repo_id=info.id,
            author=info.author if isinstance(info.author, str) else None,
            downloads=_int(info.downloads),
            likes=_int(info.likes),
            last_modified=info.last_modified,
            gated=info.gated not in (None, False),
        )

    # -- one repository ------------------------------------------------------------------------

    def _timeout_for(self, timeout: float | None) -> float:
        """A call's timeout: the client's, or a shorter one the caller asks for."""
        return self._timeout if timeout is None else max(0.05, min(timeout, self._timeout))

    def list_repo(self, repo_id: str, revision: str | None = None, *,
                  timeout: float | None = None) -> RepoListing:
        """The repository's GGUF models, with sizes and SHA-256s, split sets grouped.

        ``timeout`` (seconds) may shorten the client's own, as every method's here does.
        """
        log.debug("listing %s at %s", repo_id, revision or "main")
        try:
            info = self._api.model_info(repo_id, revision=revision, files_metadata=True,
                                        timeout=self._timeout_for(timeout), token=self._auth)
        except HUB_EXCEPTIONS as error:
            raise self.translate(error, repo_id=repo_id) from error
        files: dict[str, RepoFile] = {}
        for sibling in info.siblings or []:
            lfs = sibling.lfs
            files[sibling.rfilename] = RepoFile(
                path=sibling.rfilename,
                size=_int(lfs.size) if lfs is not None else _int(sibling.size),
                sha256=lfs.sha256.lower() if lfs is not None and lfs.sha256 else None,
                blob_id=sibling.blob_id,
            )
        models, addons = group_gguf_files(files)

        def build(group: GgufGroup, addon: bool) -> GgufModel:
            return GgufModel(name=group.name, quantization=group.quantization,
                             parts=tuple(files[p] for p in group.paths),
                             split_count=group.split_count,
                             missing_parts=group.missing_parts, is_vision_addon=addon)

        gguf = info.gguf if isinstance(info.gguf, dict) else {}
        architecture = gguf.get("architecture")
        return RepoListing(
            repo_id=info.id or repo_id,
            commit=info.sha,
            gated=info.gated not in (None, False),
            models=tuple(build(g, False) for g in models),
            addons=tuple(build(g, True) for g in addons),
            architecture_hint=architecture if isinstance(architecture, str) else None,
            context_length_hint=_int(gguf.get("context_length")),
        )

    # -- files ---------------------------------------------------------------------------------

    def file_url(self, repo_id: str, path: str, revision: str) -> str:
        return hf_hub_url(repo_id, path, revision=revision, endpoint=self._endpoint)

    def file_metadata(self, repo_id: str, path: str, revision: str, *,
                      timeout: float | None = None) -> RemoteFile:
        """HEAD the file's resolve URL: its commit, ETag, size and where its bytes are."""
        try:
            meta = get_hf_file_metadata(
                self.file_url(repo_id, path, revision), token=self._auth,
                timeout=self._timeout_for(timeout),
                library_name="chatapp", library_version=chatapp.__version__,
                endpoint=self._endpoint)
        except HUB_EXCEPTIONS as error:
            raise self.translate(error, repo_id=repo_id, filename=path) from error
        if not meta.commit_hash or not meta.etag or meta.size is None:
            raise HubResponseError(
                i18n.translate("HubClient", "{host} does not answer like the Hugging Face hub "
                               "(the version, checksum or size of a file is missing). Check the "
                               "hub address and any proxy in between.").format(host=self.host),
                f"HEAD {path}: commit={meta.commit_hash!r} etag={meta.etag!r} size={meta.size!r}")
        return RemoteFile(repo_id=repo_id, path=path, revision=revision,
                          commit=meta.commit_hash, etag=meta.etag, size=meta.size,
                          location=meta.location)

    def headers_for(self, url: str) -> dict[str, str]:
        """Request headers for ``url``: the token only if it is on the hub's own origin."""
        own = _origin(url) == _origin(self._endpoint)
        return build_hf_headers(
            token=self._auth if own else False, library_name="chatapp",
            library_version=chatapp.__version__,
            # byte ranges must be ranges of the file, not of a compressed body
            headers={"Accept-Encoding": "identity"})

    @contextlib.contextmanager
    def open_range(self, url: str, start: int = 0, end: int | None = None, *,
                   timeout: float | None = None, interrupt: Interrupt | None = None,
                   ) -> Iterator[httpx2.Response]:
        """Stream ``url`` from byte ``start`` (to ``end`` inclusive), through the library's session.

        Raises the library's own errors (callers translate them): retrying is the caller's
        business, since only it knows how many bytes it already has. ``timeout`` applies to
        each read (see :meth:`list_repo`); ``interrupt`` lets another thread end the request.
        """
        headers = self.headers_for(url)
        if start > 0 or end is not None:
            headers["Range"] = f"bytes={start}-{'' if end is None else end}"
        options: dict[str, Any] = {}
        if interrupt is not None:
            headers["Connection"] = "close"  # see Interrupt: this socket is never pooled
            options["extensions"] = {"trace": interrupt._trace}
        try:
            with http_stream_backoff("GET", url, headers=headers,
                                     timeout=self._timeout_for(timeout), follow_redirects=True,
                                     retry_on_exceptions=(), retry_on_status_codes=(),
                                     **options) as response:
                if interrupt is not None:
                    # a pooled connection (reused, so not seen connecting) shows its socket here
                    stream = response.extensions.get("network_stream")
                    if stream is not None:
                        interrupt._attach(stream.get_extra_info("socket"))
                hf_raise_for_status(response)
                yield response
        finally:
            if interrupt is not None:
                interrupt._detach_all()

