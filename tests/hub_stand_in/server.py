"""A stand-in for the Hugging Face hub, on 127.0.0.1, for tests that use the real huggingface_hub.

It speaks the endpoints huggingface_hub 2.4 calls, with the shapes huggingface.co uses:

* ``GET /api/models?search=&filter=&sort=&limit=&expand=&cursor=`` - a page of models, newest
  cursor in a ``Link: <...>; rel="next"`` header, as the hub paginates (pages of at most
  ``max_page_size``; ``limit`` caps the page, as on the hub).
* ``GET /api/models/{repo}`` and ``/api/models/{repo}/revision/{rev}`` - model info, with
  ``siblings`` (``size``, ``blobId`` and ``lfs: {sha256, size, pointerSize}`` when ``blobs=true``,
  i.e. ``files_metadata=True``), ``sha``, ``gated``, and a ``gguf`` summary.
* ``HEAD``/``GET /{repo}/resolve/{rev}/{path}`` - for LFS files a 302 to a separate "storage"
  server (another port, so another origin, like the hub's CDN), carrying ``X-Repo-Commit``,
  ``X-Linked-Etag`` (the SHA-256), ``X-Linked-Size`` and ``ETag``; the storage server serves
  the bytes with ``Accept-Ranges`` and answers ``Range`` with 206 and ``Content-Range``.
  With ``lfs_redirect=False`` the resolve URL serves the bytes itself.
* Errors as the hub sends them: 401/404 with ``X-Error-Code: RepoNotFound``,
  ``RevisionNotFound``, ``EntryNotFound``; 401 (no token) / 403 (token without access) with
  ``X-Error-Code: GatedRepo``; 401 ``Invalid credentials in Authorization header`` for an
  unknown token. A gated repository's info is public, its files are not (as on the hub).

Fault knobs (:class:`Faults`) act on the next byte downloads: drop the connection after N
bytes, stop sending after N bytes (holding the connection open), ignore Range, throttle, answer
with an error status (with ``Retry-After`` if asked). Every request is recorded with its
headers (:attr:`StandInHub.requests`) so tests can check what was sent, e.g. the token. A
request is recorded before the first byte of its answer is sent, so whatever a client has
received is already in the log.
"""

from __future__ import annotations

import base64
import contextlib
import email.utils
import hashlib
import io
import json
import re
import select
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO

_CHUNK = 64 * 1024
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<path>.+)$")
_STORAGE = re.compile(r"^/lfs-storage/(?P<oid>[0-9a-f]{64})$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_FIXED_DATE = "2026-01-15T10:00:00.000Z"


def git_blob_id(data_size: int, pointer: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % data_size + pointer, usedforsecurity=False).hexdigest()


_SHA256_CACHE: dict[tuple[str, int, int], str] = {}


def _sha256(file: HubFile) -> str:
    digest = hashlib.sha256()
    with file.open() as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class HubFile:
    """A file in a repository: bytes in memory or a file on disk."""

    path: str
    data: bytes | None = None
    source: Path | None = None
    lfs: bool = True
    advertised_sha256: str | None = None  # a wrong checksum to publish (a fault)

    def __post_init__(self) -> None:
        if (self.data is None) == (self.source is None):
            raise ValueError("give data or source")
        if self.source is not None:
            stat = self.source.stat()
            self.size = stat.st_size
            key = (str(self.source), stat.st_size, stat.st_mtime_ns)
            if key not in _SHA256_CACHE:  # the 98 MB model is hashed once per session
                _SHA256_CACHE[key] = _sha256(self)
            self.sha256 = _SHA256_CACHE[key]
        else:
            self.size = len(self.data or b"")
            self.sha256 = _sha256(self)
        self.pointer = (f"version https://git-lfs.github.com/spec/v1\noid sha256:{self.sha256}\n"
                        f"size {self.size}\n").encode()
        if self.lfs:
            self.blob_id = git_blob_id(len(self.pointer), self.pointer)
        else:
            self.blob_id = self._git_sha1()

    def _git_sha1(self) -> str:
        digest = hashlib.sha1(b"blob %d\0" % self.size, usedforsecurity=False)
        with self.open() as handle:
            while block := handle.read(1 << 22):
                digest.update(block)
        return digest.hexdigest()

    def open(self) -> BinaryIO:
        if self.source is not None:
            return self.source.open("rb")
        return io.BytesIO(self.data or b"")

    @property
    def published_sha256(self) -> str:
        return self.advertised_sha256 or self.sha256


@dataclass
class HubRepo:
    repo_id: str
    files: dict[str, HubFile] = field(default_factory=dict)
    gated: bool | str = False  # False, "auto" or "manual"
    authorized_tokens: set[str] = field(default_factory=set)  # tokens whose account has access
    downloads: int = 0
    likes: int = 0
    tags: list[str] = field(default_factory=lambda: ["gguf"])
    gguf: dict[str, Any] | None = None
    generation: int = 0  # bumped by every change: a new commit
    # earlier commits stay readable, as on the hub: commit -> files at that commit
    history: dict[str, dict[str, HubFile]] = field(default_factory=dict)

    @property
    def commit(self) -> str:
        return hashlib.sha1(f"{self.repo_id}@{self.generation}".encode(),
                            usedforsecurity=False).hexdigest()

    def files_at(self, revision: str | None) -> dict[str, HubFile]:
        if revision is None or revision in ("main", self.commit):
            return self.files
        if revision in self.history:
            return self.history[revision]
        raise _HubAnswer(404, f"Invalid rev id: {revision}", "RevisionNotFound")


@dataclass
class Faults:
    """Misbehaviour of byte downloads (GET on the storage server, or on resolve without it)."""

    drop_after_bytes: int | None = None  # close the connection after sending this many bytes
    drop_times: int = 1  # for this many downloads (then behave)
    ignore_range: bool = False  # answer 200 with the whole file to a Range request
    throttle_bytes_per_s: int | None = None
    error_status: int | None = None  # answer byte downloads with this status
    error_times: int = 1
    # With error_status: a Retry-After of this many seconds, sent as a number or, with
    # retry_after_as_date, as the HTTP date that many seconds from the time of the answer.
    retry_after: int | None = None
    retry_after_as_date: bool = False
    # Stop sending at this byte of the file (at once for a Range starting beyond it), holding
    # the connection open until the client goes away, or until StandInHub.release_stalls()
    # (then the rest follows).
    stall_at_byte: int | None = None
    stall_times: int = 1


@dataclass(frozen=True)
class RecordedRequest:
    server: str  # "hub" or "storage"
    method: str
    path: str  # without the query
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    status: int = 0  # 0: the connection ended before an answer
    at: float = 0.0  # time.monotonic() when the answer began

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass(frozen=True)
class TlsFiles:
    ca_cert: Path  # trust this to accept the server
    cert: Path
    key: Path


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, hub: StandInHub, name: str, tls: ssl.SSLContext | None) -> None:
        self.hub = hub
        self.name = name
        self.tls = tls
        super().__init__(("127.0.0.1", 0), _Handler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        if self.tls is not None:
            try:
                # the handshake runs in the request's thread, not in the accept loop
                request = self.tls.wrap_socket(request, server_side=True)
            except (ssl.SSLError, OSError):
                self.hub.tls_failures += 1
                return
        super().finish_request(request, client_address)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # dropped connections are what the fault tests are about


class StandInHub:
    """Two threaded HTTP(S) servers (hub and storage) sharing one set of repositories."""

    def __init__(self, *, tls: TlsFiles | None = None, lfs_redirect: bool = True,
                 max_page_size: int = 1000, valid_tokens: set[str] | None = None) -> None:
        self.repos: dict[str, HubRepo] = {}
        self.faults = Faults()
        self.lfs_redirect = lfs_redirect
        self.max_page_size = max_page_size
        self.valid_tokens = set(valid_tokens or ())
        self.requests: list[RecordedRequest] = []
        self.tls_failures = 0
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self.stalls = 0  # answers that have stopped sending (see Faults.stall_at_byte)
        self.abandoned = 0  # stalled answers whose client went away
        self._releases = 0  # bumped by release_stalls()
        self._stopping = threading.Event()  # ends every stall: stop() must not hang on them
        context = None
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(tls.cert, tls.key)
        self.scheme = "https" if tls else "http"
        self._hub = _Server(self, "hub", context)
        self._storage = _Server(self, "storage", context)
        self._threads: list[threading.Thread] = []

    # -- life cycle ----------------------------------------------------------------------------

    @property
    def endpoint(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self._hub.server_address[1]}"

    @property
    def storage_endpoint(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self._storage.server_address[1]}"

    def start(self) -> StandInHub:
        for server in (self._hub, self._storage):
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                      daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        self._stopping.set()
        for server in (self._hub, self._storage):
            server.shutdown()
            server.server_close()

    def __enter__(self) -> StandInHub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- content -------------------------------------------------------------------------------

    def add_repo(self, repo: HubRepo) -> HubRepo:
        with self._lock:
            self.repos[repo.repo_id] = repo
        return repo

    def put_file(self, repo_id: str, file: HubFile) -> None:
        """Add or replace a file: a new commit, so its ETag and the repo's sha change."""
        with self._lock:
            repo = self.repos[repo_id]
            repo.history[repo.commit] = dict(repo.files)
            repo.files = {**repo.files, file.path: file}
            repo.generation += 1

    def set_faults(self, **changes: Any) -> None:
        with self._lock:
            self.faults = Faults(**changes)

    # -- the request log -----------------------------------------------------------------------

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def clear_requests(self) -> None:
        with self._lock:
            self.requests.clear()

    def requests_matching(self, *, server: str | None = None, method: str | None = None,
                          path_contains: str = "") -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests
                    if (server is None or r.server == server)
                    and (method is None or r.method == method) and path_contains in r.path]

    def take_fault(self, kind: str) -> bool:
        """Whether the next byte download should suffer this fault (and count it)."""
        with self._lock:
            f = self.faults
            if kind == "drop" and f.drop_after_bytes is not None and f.drop_times > 0:
                f.drop_times -= 1
                return True
            if kind == "error" and f.error_status is not None and f.error_times > 0:
                f.error_times -= 1
                return True
            if kind == "stall" and f.stall_at_byte is not None and f.stall_times > 0:
                f.stall_times -= 1
                return True
            return False

    # -- stalls --------------------------------------------------------------------------------

    def wait_for_stalls(self, count: int = 1, timeout: float = 30.0) -> bool:
        """Wait until ``count`` answers have stopped sending; False after ``timeout``."""
        with self._changed:
            return self._changed.wait_for(lambda: self.stalls >= count, timeout)

    def release_stalls(self) -> None:
        """Let every stalled answer send the rest of its body."""
        with self._changed:
            self._releases += 1
            self._changed.notify_all()

    def hold(self, connection: socket.socket) -> bool:
        """Send nothing until released (True), or until the client or the hub goes (False)."""
        with self._changed:
            self.stalls += 1
            releases = self._releases
            self._changed.notify_all()
        while not self._stopping.is_set():
            with self._lock:
                if self._releases != releases:
                    return True
            try:
                # The client sends nothing while it waits for the body: anything readable
                # is its FIN (gave up, paused, killed) or a TLS alert saying the same.
                readable, _, _ = select.select([connection], [], [], 0.05)
            except (OSError, ValueError):  # closed under us
                readable = [connection]
            if readable:
                with self._lock:
                    self.abandoned += 1
                return False
        return False


class _HubAnswer(Exception):  # noqa: N818 - an answer, raised to leave the handler early
    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers or {}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    _pending: RecordedRequest | None = None  # the request being answered, until recorded

    def log_message(self, format: str, *args: Any) -> None:
        pass

    @property
    def hub(self) -> StandInHub:
        return self.server.hub

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    # -- routing -------------------------------------------------------------------------------

    def _dispatch(self, method: str) -> None:
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        headers = {k.lower(): v for k, v in self.headers.items()}
        self._status = 0
        self._pending = RecordedRequest(
            server=self.server.name, method=method, path=url.path, query=query,
            headers=headers)
        try:
            if self.server.name == "storage":
                match = _STORAGE.match(url.path)
                if match is None:
                    raise _HubAnswer(404, "Not found")
                self._serve_blob(method, match.group("oid"))
            else:
                self._route_hub(method, url.path, query)
        except _HubAnswer as answer:
            self._send_error(method, answer)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self._record(self._status)  # only if no answer began (e.g. a dropped connection)

    def send_response(self, code: int, message: str | None = None) -> None:
        # Recorded before any byte of the answer goes out (they are buffered until
        # end_headers): a client that has seen the answer can rely on the log having it.
        self._record(code)
        super().send_response(code, message)

    def _record(self, status: int) -> None:
        pending = self._pending
        if pending is None:  # already recorded, or an answer outside _dispatch
            return
        self._pending = None
        self.hub.record(RecordedRequest(
            server=pending.server, method=pending.method, path=pending.path,
            query=pending.query, headers=pending.headers, status=status,
            at=time.monotonic()))

    def _route_hub(self, method: str, path: str, query: dict[str, list[str]]) -> None:
        token = self._token()
        if path == "/api/models":
            self._list_models(method, query)
            return
        if path.startswith("/api/models/"):
            rest = path[len("/api/models/"):]
            revision = None
            if "/revision/" in rest:
                rest, _, revision = rest.partition("/revision/")
                revision = urllib.parse.unquote(revision)
            repo = self._repo(urllib.parse.unquote(rest), token)
            files = repo.files_at(revision)
            self._model_info(method, repo, files, revision,
                             blobs=query.get("blobs", [""])[0] in ("1", "true", "True"))
            return
        match = _RESOLVE.match(path)
        if match is not None:
            repo = self._repo(urllib.parse.unquote(match.group("repo")), token)
            revision = urllib.parse.unquote(match.group("rev"))
            files = repo.files_at(revision)
            self._resolve(method, repo, files, revision=revision,
                          path=urllib.parse.unquote(match.group("path")), token=token)
            return
        raise _HubAnswer(404, "Sorry, we can't find the page you are looking for.")

    def _token(self) -> str | None:
        auth = self.headers.get("Authorization")
        if auth is None:
            return None
        token = auth.removeprefix("Bearer ").strip()
        if token not in self.hub.valid_tokens:
            raise _HubAnswer(401, "Invalid credentials in Authorization header")
        return token

    def _repo(self, repo_id: str, token: str | None) -> HubRepo:
        repo = self.hub.repos.get(repo_id)
        if repo is None:
            # the hub answers 401 to anonymous requests, so private repos are not revealed
            raise _HubAnswer(404 if token else 401, "Repository not found", "RepoNotFound")
        return repo

    # -- /api/models ---------------------------------------------------------------------------

    def _list_models(self, method: str, query: dict[str, list[str]]) -> None:
        search = query.get("search", [""])[0].lower()
        filters = query.get("filter", [])
        sort = query.get("sort", ["downloads"])[0]
        expand = query.get("expand", [])
        limit = int(query.get("limit", [str(self.hub.max_page_size)])[0])
        offset = int(base64.urlsafe_b64decode(query["cursor"][0]).decode()) if (
            "cursor" in query) else 0
        page_size = min(limit, self.hub.max_page_size)
        repos = [r for r in self.hub.repos.values()
                 if search in r.repo_id.lower() and all(f in r.tags for f in filters)]
        key = {"downloads": lambda r: r.downloads, "likes": lambda r: r.likes}.get(
            sort, lambda r: r.downloads)
        repos.sort(key=lambda r: (-key(r), r.repo_id))  # the hub sorts descending
        page = repos[offset: offset + page_size]
        items = [self._list_item(r, expand) for r in page]
        headers = {}
        if offset + page_size < len(repos):
            params = [(k, v) for k, vs in query.items() if k != "cursor" for v in vs]
            cursor = base64.urlsafe_b64encode(str(offset + page_size).encode()).decode()
            params.append(("cursor", cursor))
            headers["Link"] = (f"<{self.hub.endpoint}/api/models?"
                               f"{urllib.parse.urlencode(params)}>; rel=\"next\"")
        self._send_json(method, items, headers)

    @staticmethod
    def _list_item(repo: HubRepo, expand: list[str]) -> dict[str, Any]:
        full: dict[str, Any] = {
            "_id": hashlib.md5(repo.repo_id.encode(), usedforsecurity=False).hexdigest()[:24],
            "id": repo.repo_id, "author": repo.repo_id.split("/")[0],
            "downloads": repo.downloads, "likes": repo.likes, "private": False,
            "gated": repo.gated, "lastModified": _FIXED_DATE, "createdAt": _FIXED_DATE,
            "tags": repo.tags, "library_name": "gguf", "trendingScore": 0,
            "pipeline_tag": "text-generation", "sha": repo.commit,
        }
        if not expand:  # the fields the hub sends by default in a listing
            keep = {"_id", "id", "likes", "trendingScore", "private", "downloads", "tags",
                    "pipeline_tag", "library_name", "createdAt"}
            return {k: v for k, v in full.items() if k in keep} | {"modelId": repo.repo_id}
        return {k: v for k, v in full.items() if k in {"_id", "id", *expand}}

    def _model_info(self, method: str, repo: HubRepo, files: dict[str, HubFile],
                    revision: str | None, blobs: bool) -> None:
        commit = repo.commit if revision in (None, "main") else revision
        siblings = []
        for f in files.values():
            entry: dict[str, Any] = {"rfilename": f.path}
            if blobs:
                entry["blobId"] = f.blob_id
                entry["size"] = len(f.pointer) if f.lfs else f.size
                if f.lfs:
                    entry["lfs"] = {"sha256": f.published_sha256, "size": f.size,
                                    "pointerSize": len(f.pointer)}
            siblings.append(entry)
        info: dict[str, Any] = {
            "_id": hashlib.md5(repo.repo_id.encode(), usedforsecurity=False).hexdigest()[:24],
            "id": repo.repo_id, "modelId": repo.repo_id, "author": repo.repo_id.split("/")[0],
            "sha": commit, "lastModified": _FIXED_DATE, "createdAt": _FIXED_DATE,
            "private": False, "disabled": False, "gated": repo.gated,
            "downloads": repo.downloads, "likes": repo.likes, "tags": repo.tags,
            "library_name": "gguf", "pipeline_tag": "text-generation", "siblings": siblings,
            "spaces": [], "usedStorage": sum(f.size for f in files.values()),
        }
        if repo.gguf is not None:
            info["gguf"] = repo.gguf
        self._send_json(method, info)

    # -- files ---------------------------------------------------------------------------------

    def _resolve(self, method: str, repo: HubRepo, files: dict[str, HubFile], *,
                 revision: str, path: str, token: str | None) -> None:
        commit = repo.commit if revision == "main" else revision
        if repo.gated:
            if token is None:
                raise _HubAnswer(
                    401, f"Access to model {repo.repo_id} is restricted. You must have access "
                    "to it and be authenticated to access it. Please log in.", "GatedRepo")
            if token not in repo.authorized_tokens:
                raise _HubAnswer(
                    403, f"Access to model {repo.repo_id} is restricted and you are not in the "
                    f"authorized list. Visit https://huggingface.co/{repo.repo_id} to ask for "
                    "access.", "GatedRepo")
        f = files.get(path)
        if f is None:
            raise _HubAnswer(404, "Entry not found", "EntryNotFound", {"X-Repo-Commit": commit})
        headers = {"X-Repo-Commit": commit, "Accept-Ranges": "bytes"}
        if f.lfs:
            headers["X-Linked-Etag"] = f'"{f.published_sha256}"'
            headers["X-Linked-Size"] = str(f.size)
            if self.hub.lfs_redirect:
                location = (f"{self.hub.storage_endpoint}/lfs-storage/{f.sha256}"
                            f"?X-Amz-Expires=3600&X-Amz-Signature={f.sha256[:16]}")
                body = f"Found. Redirecting to {location}".encode()
                headers |= {"ETag": f'"{f.blob_id}"', "Location": location,
                            "Content-Type": "text/plain; charset=utf-8"}
                self._send(302, method, body, headers)
                return
            headers["ETag"] = f'"{f.published_sha256}"'
        else:
            headers["ETag"] = f'"{f.blob_id}"'
        self._send_file(method, f, headers)

    def _serve_blob(self, method: str, oid: str) -> None:
        for repo in list(self.hub.repos.values()):
            for f in [f for files in (repo.files, *repo.history.values())
                      for f in files.values()]:
                if f.sha256 == oid:
                    self._send_file(method, f, {"ETag": f'"{oid}"', "Accept-Ranges": "bytes",
                                                "Content-Disposition":
                                                f'attachment; filename="{f.path.rsplit("/")[-1]}"'})
                    return
        raise _HubAnswer(404, "NoSuchKey")

    def _send_file(self, method: str, f: HubFile, headers: dict[str, str]) -> None:
        hub = self.hub
        if method == "GET" and hub.take_fault("error"):
            faults = hub.faults
            extra: dict[str, str] = {}
            if faults.retry_after is not None:
                extra["Retry-After"] = (
                    email.utils.formatdate(time.time() + faults.retry_after, usegmt=True)
                    if faults.retry_after_as_date else str(faults.retry_after))
            raise _HubAnswer(faults.error_status or 500, "Service unavailable (fault)", None,
                             extra)
        start, end = 0, f.size - 1
        status = 200
        wanted = self.headers.get("Range")
        if wanted and not hub.faults.ignore_range:
            match = _RANGE.match(wanted.strip())
            if match is None or not (match.group(1) or match.group(2)):
                raise _HubAnswer(416, "Invalid range", None,
                                 {"Content-Range": f"bytes */{f.size}"})
            if match.group(1):
                start = int(match.group(1))
                end = min(int(match.group(2)), f.size - 1) if match.group(2) else f.size - 1
            else:  # a suffix: the last N bytes
                start = max(0, f.size - int(match.group(2)))
            if start >= f.size or start > end:
                raise _HubAnswer(416, "Range not satisfiable", None,
                                 {"Content-Range": f"bytes */{f.size}"})
            status = 206
            headers = headers | {"Content-Range": f"bytes {start}-{end}/{f.size}"}
        headers = headers | {"Content-Type": "application/octet-stream"}
        length = end - start + 1
        self._status = status
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        if method == "HEAD":
            return
        drop_at = hub.faults.drop_after_bytes if hub.take_fault("drop") else None
        stall_at = None  # in bytes of this body
        if hub.take_fault("stall"):
            stall_at = max(0, (hub.faults.stall_at_byte or 0) - start)
        sent = 0
        began = time.monotonic()
        with f.open() as handle:
            handle.seek(start)
            while sent < length:
                block = handle.read(min(_CHUNK, length - sent))
                if drop_at is not None and sent + len(block) >= drop_at:
                    self.wfile.write(block[: max(0, drop_at - sent)])
                    self.wfile.flush()
                    self._drop()
                    return
                if stall_at is not None and sent + len(block) >= stall_at:
                    cut = max(0, stall_at - sent)
                    self.wfile.write(block[:cut])
                    self.wfile.flush()
                    sent += cut
                    block = block[cut:]
                    stall_at = None
                    if not hub.hold(self.connection):
                        self._drop()
                        return
                self.wfile.write(block)
                sent += len(block)
                throttle = hub.faults.throttle_bytes_per_s  # read each time: tests lift it
                if throttle:
                    ahead = sent / throttle - (time.monotonic() - began)
                    if ahead > 0:
                        time.sleep(ahead)

    def _drop(self) -> None:
        """End the connection mid-body, like a network failure."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    # -- answers -------------------------------------------------------------------------------

    def _send(self, status: int, method: str, body: bytes, headers: dict[str, str]) -> None:
        self._status = status
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Request-Id", "Root=stand-in")
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)

    def _send_json(self, method: str, data: object, headers: dict[str, str] | None = None,
                   ) -> None:
        body = json.dumps(data).encode()
        self._send(200, method, body, {"Content-Type": "application/json; charset=utf-8",
                                       **(headers or {})})

    def _send_error(self, method: str, answer: _HubAnswer) -> None:
        headers = {"Content-Type": "application/json; charset=utf-8",
                   "X-Error-Message": answer.message, **answer.headers}
        if answer.code:
            headers["X-Error-Code"] = answer.code
        self._send(answer.status, method, json.dumps({"error": answer.message}).encode(),
                   headers)


def iter_requests_with_token(hub: StandInHub, token: str) -> Iterator[RecordedRequest]:
    """Requests that carried this token in any header (it must only ever be Authorization)."""
    for request in list(hub.requests):
        if any(token in value for value in request.headers.values()):
            yield request
