"""Reading a GGUF file's header from the hub with Range requests, before downloading it.

Only the header is fetched: 1 MiB first, and when :func:`inspect_gguf_prefix` says it needs
more (big vocabularies make headers of several MiB), at least twice as much each round, up to
a cap, so a hostile file cannot make chatapp fetch gigabytes to "read a header". The result
tells the UI the architecture and context length, and warns when the bundled engine cannot
run the model. For a split model, part 1 holds the metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from chatapp.formatting import format_bytes
from chatapp.gguf.inspect import (
    GgufError,
    GgufInfo,
    NeedMoreData,
    UnsupportedGgufError,
    inspect_gguf_prefix,
)
from chatapp.hub.client import GgufModel, HubClient, RemoteFile, content_range
from chatapp.hub.errors import HUB_EXCEPTIONS, HubResponseError, RemoteHeaderError
from chatapp.i18n import translate

__all__ = ["FIRST_READ_BYTES", "MAX_HEADER_BYTES", "RemoteHeader", "read_model_header",
           "read_remote_header"]

FIRST_READ_BYTES: Final = 1 << 20
MAX_HEADER_BYTES: Final = 64 << 20  # real headers: < 20 MiB (262k-token vocabularies)
_UNSUPPORTED_ARCH = re.compile(r"unsupported architecture '([^']{1,80})'")


@dataclass(frozen=True)
class RemoteHeader:
    repo_id: str
    path: str
    commit: str
    size: int  # of this file (part 1 of a split set)
    bytes_read: int
    info: GgufInfo | None  # None when the header was rejected
    problem: GgufError | None  # why the engine cannot run it (UnsupportedGgufError) or why broken

    @property
    def runnable(self) -> bool:
        return self.problem is None

    @property
    def unsupported(self) -> bool:
        return isinstance(self.problem, UnsupportedGgufError)

    @property
    def architecture(self) -> str | None:
        if self.info is not None:
            return self.info.architecture
        if self.problem is not None:
            # inspect_gguf states an unknown architecture only in its detail text
            match = _UNSUPPORTED_ARCH.search(self.problem.detail)
            return match.group(1) if match else None
        return None

    @property
    def context_length(self) -> int | None:
        return self.info.context_length if self.info is not None else None

    @property
    def warning(self) -> str | None:
        """What to tell the user before they download, if anything."""
        return self.problem.user_message if self.problem is not None else None


def read_model_header(client: HubClient, repo_id: str, model: GgufModel,
                      revision: str = "main") -> RemoteHeader:
    """The header of a listed model (part 1 for a split set)."""
    return read_remote_header(client, repo_id, model.first_file.path, revision=revision)


def read_remote_header(client: HubClient, repo_id: str, path: str, *, revision: str = "main",
                       first_read: int = FIRST_READ_BYTES,
                       max_bytes: int = MAX_HEADER_BYTES) -> RemoteHeader:
    """Fetch and check a remote file's GGUF header.

    Raises a :class:`~chatapp.hub.errors.HubError` when the hub cannot be asked (not found,
    gated, offline) or the header exceeds ``max_bytes``; a file the engine must not or cannot
    load is *not* an exception but a :class:`RemoteHeader` with ``problem`` set.
    """
    remote = client.file_metadata(repo_id, path, revision)
    data = b""
    want = min(first_read, remote.size)
    while True:
        if want > len(data):
            data += _fetch(client, remote, len(data), want)
        try:
            info = inspect_gguf_prefix(data, remote.size)
        except NeedMoreData as more:
            if len(data) >= remote.size:  # cannot happen with total_size given; never loop
                raise RemoteHeaderError(
                    translate("RemoteHeader", "The file's header could not be read."),
                    f"NeedMoreData at end of {path}"
                ) from more
            if more.needed > max_bytes:
                raise RemoteHeaderError(
                    translate("RemoteHeader", "The header of {path} is larger than {limit}, far "
                              "more than any real model needs, so chatapp does not read it. "
                              "Choose another file.").format(path=path,
                                                             limit=format_bytes(max_bytes)),
                    f"header needs {more.needed} bytes") from more
            want = min(remote.size, max_bytes, max(more.needed, 2 * len(data)))
            continue
        except GgufError as problem:
            return RemoteHeader(repo_id=repo_id, path=path, commit=remote.commit,
                                size=remote.size, bytes_read=len(data), info=None,
                                problem=problem)
        return RemoteHeader(repo_id=repo_id, path=path, commit=remote.commit, size=remote.size,
                            bytes_read=len(data), info=info, problem=None)


def _fetch(client: HubClient, remote: RemoteFile, start: int, end: int) -> bytes:
    """Bytes ``start`` to ``end`` (exclusive) of the file; tolerates servers ignoring Range."""
    chunks: list[bytes] = []
    got = 0
    need = end - start
    try:
        with client.open_range(remote.location, start, end - 1) as response:
            skip = 0
            if response.status_code == 200:
                skip = start  # the whole file came back: drop what we already have
            elif response.status_code != 206 or (content_range(response) or (-1,))[0] != start:
                raise HubResponseError(
                    translate("RemoteHeader", "{host} did not send the part of the file chatapp "
                              "asked for.").format(host=client.host),
                    f"GET {remote.path} bytes={start}-{end - 1}: {response.status_code} "
                    f"{response.headers.get('Content-Range')!r}")
            for chunk in response.iter_bytes():
                if skip:
                    dropped = min(skip, len(chunk))
                    chunk = chunk[dropped:]  # noqa: PLW2901 - consuming the prefix to skip
                    skip -= dropped
                chunks.append(chunk[: need - got])
                got += len(chunks[-1])
                if got >= need:
                    break  # leaving the block closes the stream: the rest is never read
    except HUB_EXCEPTIONS as error:
        raise client.translate(error, repo_id=remote.repo_id, filename=remote.path) from error
    if got < need:
        raise RemoteHeaderError(
            translate("RemoteHeader", "The connection to {host} closed before the file's header "
                      "arrived. Try again.").format(host=client.host),
            f"got {got} of {need} bytes of {remote.path}")
    return b"".join(chunks)

