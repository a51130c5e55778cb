"""Saved KV states of chats the user left, so coming back evaluates only what is new.

An entry is a list of tokens and the bytes of llama.cpp's sequence state for them (its
KV cache entries, from llama_state_seq_get_data). Entries live in memory, least recently
used first out, within a byte budget; an entry pushed out, and the engine's current
state at quit, go to a folder in the cache directory (one sub-folder per StateKey: the
model file and the context settings that shape the state), so a restart resumes the last
chat from disk.

The file format is our own, never pickle: a fixed magic and format version, a JSON header
(the key, the token count, the blob's length and a blake2b digest of tokens and blob),
the tokens as little-endian int32, then the blob. Everything is checked before use: a
truncated, foreign, damaged or other-model file is deleted with a log line and the prompt
is evaluated instead. Files are written atomically and private (0600); the folder's total
size is bounded, oldest files deleted first.
"""

from __future__ import annotations

import hashlib
import json
import logging
import mmap
import os
import struct
from collections import OrderedDict
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO, Final

from chatapp.files.atomic import write_atomic
from chatapp.hardware import detect_hardware

log = logging.getLogger(__name__)

MAGIC: Final = b"CHATAPP-KVSTATE\n"
FORMAT_VERSION: Final = 1
SUFFIX: Final = ".kvstate"
_PREAMBLE = struct.Struct("<16sII")  # magic, format version, header length
_MAX_HEADER: Final = 64 * 1024
_MAX_TOKENS: Final = 1 << 24  # far beyond any context: a count above it is damage

# A state is replaced by a newer one holding all of its tokens but at most this many at
# its end (the last reply's tokens, tokenized again as text in the next prompt).
SUPERSEDED_SLACK: Final = 16

GIB: Final = 1024 ** 3
AUTO_MEMORY_CAP: Final = 2 * GIB
DEFAULT_DISK_BUDGET: Final = 4 * GIB


@dataclass(frozen=True)
class StateKey:
    """What a saved state is valid for: the model file and what shapes its KV state."""

    model_sha256: str
    context_length: int
    kv_cache_type: str
    runtime: str  # llama-cpp-python's version (it pins llama.cpp's state layout)

    def digest(self) -> str:
        text = json.dumps(asdict(self), sort_keys=True).encode("utf-8")
        return hashlib.blake2b(text, digest_size=16).hexdigest()


# A state's bytes. The engine's are anonymous memory maps (state_buffer); the store takes
# any writable buffer.
StateBlob = bytearray | mmap.mmap


@dataclass(frozen=True)
class SavedState:
    tokens: tuple[int, ...]
    blob: StateBlob  # llama.cpp's sequence state for ``tokens``


def state_buffer(size: int, reuse: StateBlob | None = None) -> mmap.mmap:
    """A writable buffer of ``size`` bytes, ``reuse``'s memory if it is a map that can be
    resized in place (Linux can), else a new one.

    Memory is mapped, not zero-filled: a bytearray of a 90 MB state was zeroed while the
    thread held the GIL, which stopped the window for about 90 ms after each long reply.
    A mapping's pages are touched when llama.cpp writes them, with the GIL released.
    """
    if isinstance(reuse, mmap.mmap):
        try:
            reuse.resize(size)
        except (OSError, SystemError, ValueError, BufferError):
            pass  # not resizable here (no mremap, or still shared): a new map
        else:
            return reuse
    if _PRIVATE_MAP is None:  # Windows: no flags; its anonymous maps are private
        return mmap.mmap(-1, size)
    # Private: a shared anonymous map is a memory file of a fixed size, and the pages a
    # resize adds beyond it raise SIGBUS when touched.
    return mmap.mmap(-1, size, flags=_PRIVATE_MAP)


_PRIVATE_MAP: int | None = getattr(mmap, "MAP_PRIVATE", None)


def shared_prefix(first: Sequence[int], second: Sequence[int]) -> int:
    """How many tokens the two start with alike."""
    common = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        common += 1
    return common


def memory_budget(setting_mb: int, available_ram: int | None = None) -> int:
    """Bytes of saved states kept in memory: ``setting_mb`` MiB, or for 0 (automatic) a
    quarter of the memory free now, at most 2 GiB."""
    if setting_mb > 0:
        return setting_mb * 1024 * 1024
    free = available_ram if available_ram is not None else detect_hardware().available_ram_bytes
    return min(free // 4, AUTO_MEMORY_CAP)


class KvStateStore:
    """Saved states for one StateKey: in memory (LRU within ``memory_budget`` bytes) and
    in ``root``/<key digest>/ on disk (``root`` holds at most ``disk_budget`` bytes of
    states, all keys together). Use from one thread."""

    def __init__(self, root: Path, key: StateKey, *, memory_budget: int,
                 disk_budget: int = DEFAULT_DISK_BUDGET) -> None:
        self.root = root
        self.key = key
        self.folder = root / key.digest()
        self.memory_budget = memory_budget
        self.disk_budget = disk_budget
        self._memory: OrderedDict[tuple[int, ...], StateBlob] = OrderedDict()  # oldest first
        self._disk: dict[Path, tuple[int, ...]] | None = None  # read at first use

    # -- facts ------------------------------------------------------------------------

    @property
    def memory_bytes(self) -> int:
        return sum(len(blob) for blob in self._memory.values())

    def memory_entries(self) -> list[tuple[int, ...]]:
        """The token lists held in memory, least recently used first."""
        return list(self._memory)

    def disk_entries(self) -> list[tuple[int, ...]]:
        return list(self._disk_index().values())

    # -- keeping ----------------------------------------------------------------------

    def put(self, tokens: Sequence[int], blob: StateBlob) -> list[StateBlob]:
        """Keep a state in memory; the least recently used ones beyond the budget go to
        disk. States the new one supersedes (it holds all their tokens but a few at the
        end: an earlier turn of the same chat) are dropped, and their buffers returned
        for the caller to reuse."""
        key = tuple(tokens)
        dropped = [self._memory.pop(other) for other in list(self._memory)
                   if _supersedes(key, other)]
        if len(blob) > self.memory_budget:
            self.spill(key, blob)
            return dropped
        self._memory[key] = blob
        while self.memory_bytes > self.memory_budget:
            old_tokens, old_blob = self._memory.popitem(last=False)
            self.spill(old_tokens, old_blob)
        return dropped

    def spill(self, tokens: Sequence[int], blob: StateBlob) -> bool:
        """Write a state to disk now (evicted, or the current one at quit); False if it
        was not written (larger than the disk budget, or the disk refused)."""
        key = tuple(tokens)
        token_bytes = struct.pack(f"<{len(key)}i", *key)
        header = json.dumps({
            "key": asdict(self.key),
            "key_digest": self.key.digest(),
            "token_count": len(key),
            "blob_length": len(blob),
            "blake2b": _digest(token_bytes, blob),
        }, sort_keys=True).encode("utf-8")
        file_size = _PREAMBLE.size + len(header) + len(token_bytes) + len(blob)
        if file_size > self.disk_budget:
            log.info("A saved chat state of %d bytes exceeds the disk budget; not kept",
                     file_size)
            return False
        path = self.folder / (hashlib.blake2b(token_bytes, digest_size=16).hexdigest() + SUFFIX)
        self._make_room(file_size)
        try:
            self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.folder.mkdir(exist_ok=True, mode=0o700)
            write_atomic(path, (_PREAMBLE.pack(MAGIC, FORMAT_VERSION, len(header)) + header
                                + token_bytes, blob))
        except OSError as error:
            log.warning("Could not save a chat's state to %s: %s", path, error)
            return False
        index = self._disk_index()
        for other, other_tokens in list(index.items()):
            if other != path and _supersedes(key, other_tokens):
                _remove(other)  # the new state holds all this one did
                del index[other]
        index[path] = key
        return True

    # -- finding ----------------------------------------------------------------------

    def take_best(self, prompt: Sequence[int], *, more_than: int) -> SavedState | None:
        """The state sharing the longest prefix with ``prompt``, if it shares more than
        ``more_than`` tokens; taken out of memory (the caller's context holds it now).
        Disk states are checked as they are read; a bad one is deleted and the next best
        tried."""
        while True:
            best_common, best_tokens, best_path = more_than, None, None
            for tokens in self._memory:
                common = shared_prefix(tokens, prompt)
                if common > best_common:
                    best_common, best_tokens = common, tokens
            for path, tokens in self._disk_index().items():
                common = shared_prefix(tokens, prompt)
                if common > best_common:
                    best_common, best_tokens, best_path = common, tokens, path
            if best_tokens is None:
                return None
            if best_path is None:
                return SavedState(best_tokens, self._memory.pop(best_tokens))
            state = self._read(best_path)
            if state is not None:
                with suppress(OSError):
                    os.utime(best_path)  # recently used: the last file the budget deletes
                return state
            self._disk_index().pop(best_path, None)

    # -- disk -------------------------------------------------------------------------

    def _disk_index(self) -> dict[Path, tuple[int, ...]]:
        if self._disk is None:
            self._disk = {}
            for path in _state_files(self.folder):
                tokens = self._read_tokens(path)
                if tokens is not None:
                    self._disk[path] = tokens
        return self._disk

    def _read_tokens(self, path: Path) -> tuple[int, ...] | None:
        """A file's tokens if its header is ours, for this key, and its size adds up."""
        try:
            with path.open("rb") as handle:
                head = self._read_head(path, handle)
        except OSError as error:
            log.warning("Cannot read the saved chat state %s: %s", path, error)
            return None
        return head.tokens if head is not None else None

    def _read_head(self, path: Path, handle: BinaryIO) -> _Head | None:
        """Everything before the blob, checked; None (file deleted) if anything is off."""
        def reject(why: str) -> _Head | None:
            log.warning("Deleting the saved chat state %s: %s", path.name, why)
            _remove(path)
            return None

        preamble = handle.read(_PREAMBLE.size)
        if len(preamble) < _PREAMBLE.size:
            return reject("truncated")
        magic, version, header_length = _PREAMBLE.unpack(preamble)
        if magic != MAGIC:
            return reject("not a chatapp state file")
        if version != FORMAT_VERSION:
            return reject(f"format version {version}, not {FORMAT_VERSION}")
        if header_length > _MAX_HEADER:
            return reject("damaged header")
        try:
            header = json.loads(handle.read(header_length).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return reject("damaged header")
        if not isinstance(header, dict):
            return reject("damaged header")
        if header.get("key") != asdict(self.key) or header.get("key_digest") != self.key.digest():
            return reject("made for another model or other context settings")
        count, blob_length, digest = (header.get("token_count"), header.get("blob_length"),
                                      header.get("blake2b"))
        if (not isinstance(count, int) or not isinstance(blob_length, int)
                or not isinstance(digest, str) or not 0 < count <= _MAX_TOKENS
                or blob_length <= 0):
            return reject("damaged header")
        expected_size = _PREAMBLE.size + header_length + 4 * count + blob_length
        size = os.fstat(handle.fileno()).st_size
        if size != expected_size:
            return reject(f"{size} bytes where the header says {expected_size}")
        token_bytes = handle.read(4 * count)
        if len(token_bytes) != 4 * count:
            return reject("truncated")
        return _Head(tuple(struct.unpack(f"<{count}i", token_bytes)), token_bytes,
                     blob_length, digest)

    def _read(self, path: Path) -> SavedState | None:
        """The state in ``path``, whole and checked; None (file deleted) otherwise."""
        try:
            with path.open("rb") as handle:
                head = self._read_head(path, handle)
                if head is None:
                    return None
                blob = state_buffer(head.blob_length)
                read = handle.readinto(blob)
        except OSError as error:
            log.warning("Cannot read the saved chat state %s: %s", path, error)
            return None
        if read != head.blob_length or _digest(head.token_bytes, blob) != head.digest:
            log.warning("Deleting the saved chat state %s: its contents do not match "
                        "their digest", path.name)
            _remove(path)
            return None
        return SavedState(head.tokens, blob)

    def _make_room(self, incoming: int) -> None:
        """Delete the oldest state files under ``root`` (every key's) until ``incoming``
        more bytes fit the disk budget."""
        files: list[tuple[float, int, Path]] = []
        if self.root.is_dir():
            for folder in self.root.iterdir():
                for path in _state_files(folder):
                    with suppress(OSError):
                        stat = path.stat()
                        files.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _mtime, size, _path in files) + incoming
        for _mtime, size, path in sorted(files):
            if total <= self.disk_budget:
                break
            _remove(path)
            if self._disk is not None:
                self._disk.pop(path, None)
            total -= size


@dataclass(frozen=True)
class _Head:
    """A state file's checked header and tokens."""

    tokens: tuple[int, ...]
    token_bytes: bytes
    blob_length: int
    digest: str


def _supersedes(new: tuple[int, ...], old: tuple[int, ...]) -> bool:
    return shared_prefix(new, old) >= len(old) - SUPERSEDED_SLACK


def _state_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if path.name.endswith(SUFFIX) and path.is_file():
            found.append(path)
        elif path.name.startswith(".") and path.name.endswith(".tmp"):
            _remove(path)  # a write a crash cut short (write_atomic's temporary file)
    return found


def _digest(token_bytes: bytes, blob: StateBlob) -> str:
    hasher = hashlib.blake2b(digest_size=32)
    hasher.update(token_bytes)
    hasher.update(blob)
    return hasher.hexdigest()


def _remove(path: Path) -> None:
    with suppress(OSError):
        path.unlink()
