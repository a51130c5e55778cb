"""Safe, bounded inspection of GGUF model files before llama.cpp sees them.

Model files are untrusted input. llama.cpp's GGUF parser has had several heap overflows, and any
GGML_ASSERT it hits aborts the whole process, so this module re-checks every header rule that
vendor/llama.cpp/ggml/src/gguf.cpp (llama-cpp-python 0.3.36) enforces, plus the metadata checks
in llama-model-loader.cpp / llama-model.cpp / llama-vocab.cpp that would end in an abort or an
exception, and rejects the file first with a message a person can act on.

Only the header is read, in bounded chunks; tensor data is never read. Every length is checked
against the bytes left in the file before anything is allocated or looped over, and loop counts
are capped, so a crafted file fails fast instead of hanging or exhausting memory. Python's own
``gguf`` package is deliberately not used: its reader trusts counts in the file.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import BinaryIO, Final

from chatapp.errors import UserFacingError
from chatapp.formatting import format_bytes
from chatapp.gguf.architectures import (
    GGML_TYPE_COUNT,
    GGML_TYPES,
    LLAMA_CPP_PYTHON_VERSION,
    LLAMA_FTYPE_GUESSED,
    LLAMA_FTYPE_LABELS,
    LLAMA_MAX_EXPERTS,
    LLAMA_MAX_LAYERS,
    LLAMA_POOLING_TYPES,
    LLAMA_POOLING_UNSPECIFIED_U32,
    NOT_MAIN_MODEL_ARCHITECTURES,
    ROPE_SCALING_TYPES,
    SUPPORTED_ARCHITECTURES,
)
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate

__all__ = [
    "CorruptGgufError",
    "GgufError",
    "GgufInfo",
    "NeedMoreData",
    "NotFirstSplitError",
    "NotGgufError",
    "TensorInfo",
    "TruncatedGgufError",
    "UnsupportedGgufError",
    "inspect_gguf",
    "inspect_gguf_prefix",
]

# --- Limits from llama.cpp (gguf.cpp / ggml.h) -------------------------------------------------
GGUF_MAGIC: Final = b"GGUF"
GGUF_VERSION: Final = 3  # newest version gguf.cpp reads; v1 is refused, v2 and v3 accepted
GGUF_DEFAULT_ALIGNMENT: Final = 32
GGUF_MAX_STRING_LENGTH: Final = 1024 * 1024 * 1024
GGUF_MAX_ARRAY_ELEMENTS: Final = 1024 * 1024 * 1024
GGML_MAX_DIMS: Final = 4
GGML_MAX_NAME: Final = 64  # tensor names must be shorter than this
INT64_MAX: Final = 2**63 - 1
SIZE_MAX: Final = 2**64 - 1  # 64-bit size_t

# --- Our own, stricter limits ------------------------------------------------------------------
# llama.cpp accepts more than this, but no real model comes close, and these caps are what keep
# inspection fast and small in memory on a crafted file (Python loops cost ~1 us per item).
MAX_KV_COUNT: Final = 1 << 16  # real models: < 100 metadata entries
MAX_TENSOR_COUNT: Final = 1 << 18  # real models: < 5000 tensors
MAX_KEY_BYTES: Final = 1 << 12  # real keys: < 100 bytes
MAX_STRING_ARRAY_ELEMENTS: Final = 1 << 22  # real vocabularies / merge lists: < 1M entries
MAX_TOTAL_STRING_ELEMENTS: Final = 1 << 23
MAX_VOCAB_SIZE: Final = 1 << 20  # largest real vocabularies: ~262k tokens
MAX_TOKEN_BYTES: Final = 1 << 16  # real tokens: < 1 KiB
MAX_CHAT_TEMPLATE_BYTES: Final = 1 << 20  # a longer chat template is ignored
METADATA_STRING_CHARS: Final = 2048  # strings in GgufInfo.metadata are cut to this length
_KEPT_STRING_BYTES: Final = 4 * METADATA_STRING_CHARS  # enough UTF-8 for that many characters
MAX_METADATA_BYTES: Final = 1 << 26  # keys and kept strings together; real models: < 1 MiB
_IMPOSSIBLE_SIZE: Final = 1 << 50  # "needs more bytes than any disk has": corrupt, not truncated

_READ_CHUNK: Final = 1 << 20

# GGUF value types (enum gguf_type in gguf.h).
_T_UINT8, _T_INT8, _T_UINT16, _T_INT16, _T_UINT32, _T_INT32 = 0, 1, 2, 3, 4, 5
_T_FLOAT32, _T_BOOL, _T_STRING, _T_ARRAY, _T_UINT64, _T_INT64, _T_FLOAT64 = 6, 7, 8, 9, 10, 11, 12
_GGUF_TYPE_COUNT: Final = 13
GGUF_TYPE_NAMES: Final = MappingProxyType({
    0: "u8", 1: "i8", 2: "u16", 3: "i16", 4: "u32", 5: "i32", 6: "f32", 7: "bool", 8: "str",
    9: "arr", 10: "u64", 11: "i64", 12: "f64",
})  # fmt: skip
# struct format and size of each fixed-size value type (bool is read as int8, like gguf.cpp)
_SCALAR_FORMATS: Final = MappingProxyType({
    0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "b", 10: "Q", 11: "q", 12: "d",
})  # fmt: skip
_SCALAR_STRUCTS: Final = MappingProxyType(
    {t: struct.Struct("<" + f) for t, f in _SCALAR_FORMATS.items()}
)

_U32 = struct.Struct("<I")
_I32 = struct.Struct("<i")
_U64 = struct.Struct("<Q")
_I64 = struct.Struct("<q")

# Minimum encoded sizes, used to reject impossible counts before looping over them:
# a KV is key length (8) + a 1-byte key + type (4) + a 1-byte value;
# a tensor info is name length (8) + n_dims (4) + type (4) + offset (8).
_MIN_KV_BYTES: Final = 14
_MIN_TENSOR_INFO_BYTES: Final = 24
_HEADER_BYTES: Final = 24  # magic, version, tensor count, kv count

# Keys whose small numeric arrays are read (per-layer values); all other arrays are skipped.
_PER_LAYER_SUFFIXES: Final = frozenset({
    "attention.head_count", "attention.head_count_kv", "expert_used_count",
})  # fmt: skip

# Special-token ids llama-vocab.cpp reads with get_key<uint32_t> (a wrong type throws).
_TOKEN_ID_KEYS: Final = tuple(
    f"tokenizer.ggml.{n}_token_id"
    for n in (
        "bos", "eos", "eot", "eom", "unknown", "seperator", "padding", "mask", "fim_pre",
        "fim_suf", "fim_mid", "fim_pad", "fim_rep", "fim_sep", "prefix", "suffix", "middle",
    )
)  # fmt: skip
_TOKENIZER_BOOL_KEYS: Final = tuple(
    f"tokenizer.ggml.{n}"
    for n in (
        "add_bos_token", "add_eos_token", "add_sep_token", "add_space_prefix",
        "remove_extra_whitespaces",
    )
)  # fmt: skip
_TOKENS_KEY: Final = "tokenizer.ggml.tokens"
_CHAT_TEMPLATE_KEY: Final = "tokenizer.chat_template"
_BLOCK_TENSOR = re.compile(r"blk\.(\d+)\.", re.ASCII)
def _engine() -> str:
    return translate("GgufValidator", "llama.cpp bundled with llama-cpp-python {version}").format(
        version=LLAMA_CPP_PYTHON_VERSION)


# --- Errors ------------------------------------------------------------------------------------


class GgufError(UserFacingError):
    """Raised for a file that must not be handed to llama.cpp.

    ``str(e)`` / ``e.user_message`` is a short message for a non-technical user that says what is
    wrong and what to do; ``e.detail`` is technical detail for logs.
    """


class NotGgufError(GgufError):
    """The file is not a GGUF file at all (wrong magic)."""


class TruncatedGgufError(GgufError):
    """The file is shorter than its header says: usually an interrupted download."""

    def __init__(
        self, user_message: str, detail: str | None = None, *, file_size: int, needed: int
    ) -> None:
        super().__init__(user_message, detail)
        self.file_size = file_size
        self.needed = needed


class CorruptGgufError(GgufError):
    """The header breaks a rule of the format or of llama.cpp's loader."""


class UnsupportedGgufError(GgufError):
    """A well-formed file the bundled engine cannot run (version, tensor type, architecture)."""


class NotFirstSplitError(UnsupportedGgufError):
    """A structurally valid part 2..n of a split model; llama.cpp must be given part 1.

    Raised only after the part itself passed every structural check.
    """

    def __init__(
        self, user_message: str, detail: str | None = None, *, split_index: int, split_count: int
    ) -> None:
        super().__init__(user_message, detail)
        self.split_index = split_index
        self.split_count = split_count


class NeedMoreData(Exception):  # noqa: N818 - the name is part of the agreed API
    """Raised by :func:`inspect_gguf_prefix` when the header extends beyond the given bytes.

    ``needed`` is how many bytes from the start of the file are needed, in total, to go on: a
    lower bound, so it may be raised again with a larger value. Fetching at least twice what
    one has each round keeps the number of rounds small. A hostile server can make ``needed``
    arbitrarily large, so callers should cap how much they are willing to fetch.
    """

    def __init__(self, needed: int) -> None:
        super().__init__(f"need the first {needed} bytes of the file to go on")
        self.needed = needed


# --- Results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TensorInfo:
    name: str
    shape: tuple[int, ...]  # as stored: ne[0] (the row length) first
    ggml_type: int
    offset: int  # from the start of the tensor data section
    n_bytes: int


@dataclass(frozen=True)
class GgufInfo:
    version: int
    file_size: int | None  # None when inspected from a prefix with unknown total size
    architecture: str
    name: str | None  # general.name
    context_length: int | None  # <arch>.context_length (the training maximum)
    block_count: int  # <arch>.block_count (layers)
    embedding_length: int | None
    head_count: int | None  # max over layers when stored per layer
    head_count_kv: int | None  # defaults to head_count; max over layers when stored per layer
    key_length: int | None  # <arch>.attention.key_length, else embedding_length // head_count
    value_length: int | None
    file_type: int | None  # general.file_type
    quantization: str | None  # e.g. "Q4_K_M"; from file_type, else the dominant tensor type
    parameter_count: int  # sum of tensor element counts (of this part, for split models)
    tensor_data_bytes: int  # sum of tensor sizes (of this part, for split models)
    chat_template: str | None  # tokenizer.chat_template; None if absent or over 1 MiB
    bos_token: str | None
    eos_token: str | None
    tensor_count: int
    # Scalar values (strings cut to METADATA_STRING_CHARS); arrays as ("array", type, length).
    metadata: Mapping[str, object] = field(hash=False, repr=False)
    split_count: int | None  # split.count for multi-part models
    # Additions beyond the agreed fields; defaulted so other code can build fakes without them.
    split_index: int | None = None  # split.no
    alignment: int = GGUF_DEFAULT_ALIGNMENT
    data_offset: int = 0  # file offset where tensor data starts
    tensors: tuple[TensorInfo, ...] = field(default=(), hash=False, repr=False)

    def kv_cache_bytes_per_token(self, bytes_per_element: int = 2) -> int | None:
        """KV cache size per context token: K and V for every layer and KV head.

        An upper bound for models whose layers differ (per-layer head counts, sliding-window
        layers); None when the metadata does not say enough.
        """
        if self.head_count_kv is None or self.key_length is None or self.value_length is None:
            return None
        return (
            self.block_count
            * self.head_count_kv
            * (self.key_length + self.value_length)
            * bytes_per_element
        )


# --- Public entry points -----------------------------------------------------------------------


def inspect_gguf(path: str | os.PathLike[str]) -> GgufInfo:
    """Fully validate a local GGUF file's header and return what it says.

    Checks everything :func:`inspect_gguf_prefix` checks, plus that all tensor data lies inside
    the file. Raises :class:`GgufError` for a file that must not be loaded; ``OSError`` if the
    file cannot be read.
    """
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        return _inspect(_Reader(file=f, data=None, end=size))


def inspect_gguf_prefix(data: bytes, total_size: int | None = None) -> GgufInfo:
    """Validate a GGUF header from the first bytes of a file (e.g. fetched with a Range request).

    Raises :class:`NeedMoreData` when the header extends beyond ``data``. When ``total_size``
    (the full file's size) is given, also checks that all tensor data would fit in it.
    """
    if total_size is not None and total_size < 0:
        raise ValueError("total_size must not be negative")
    buf = bytes(data)
    if total_size is not None and len(buf) > total_size:
        buf = buf[:total_size]
    return _inspect(_Reader(file=None, data=buf, end=total_size))


# --- Messages ----------------------------------------------------------------------------------


def _corrupt(reason: str, detail: str) -> CorruptGgufError:
    return CorruptGgufError(
        translate("GgufValidator", "This model file is damaged or was not made correctly "
                  "({reason}). Download it again, or choose a different model file.").format(
                      reason=reason),
        detail,
    )


def _unsupported(message: str, detail: str) -> UnsupportedGgufError:
    return UnsupportedGgufError(message, detail)


def _truncated(file_size: int, needed: int, at_least: bool, detail: str) -> GgufError:
    if needed > _IMPOSSIBLE_SIZE:
        return _corrupt(translate("GgufValidator",
                                  "its header asks for an impossibly large amount of data"),
                        detail)
    have, want = format_bytes(file_size), format_bytes(needed)
    if have == want:  # rounding would hide the difference
        exact = translate("GgufValidator", "{count} bytes")
        have = exact.format(count=format_number(file_size))
        want = exact.format(count=format_number(needed))
    if file_size == 0:
        message = translate(
            "GgufValidator", "The file is empty (0 bytes). It was probably not downloaded "
            "completely; download it again.")
    elif at_least:
        message = translate(
            "GgufValidator", "The file ends early: it is {have} but its header says it needs at "
            "least {want}. It was probably not downloaded completely; download it again.")
    else:
        message = translate(
            "GgufValidator", "The file ends early: it is {have} but its header says it needs "
            "{want}. It was probably not downloaded completely; download it again.")
    message = message.format(have=have, want=want)
    return TruncatedGgufError(message, detail, file_size=file_size, needed=needed)


def _show(raw: bytes | str, limit: int = 60) -> str:
    """A short, printable rendering of untrusted text for messages."""
    text = raw.decode("utf-8", "backslashreplace") if isinstance(raw, bytes) else raw
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tensor_place(name: str) -> str:
    return translate("GgufValidator", 'the tensor "{name}"').format(name=_show(name))


def _impossibly_large(place: str) -> str:
    return translate("GgufValidator", "{place} is impossibly large").format(place=place)


def _unknown_value_type(place: str) -> str:
    return translate("GgufValidator", "{place} has an unknown value type").format(place=place)


def _magic_hint(head: bytes) -> str | None:
    """Guess what a non-GGUF file is from its first bytes (for the error message)."""
    stripped = head.lstrip()
    lowered = stripped[:64].lower()
    if head.startswith(b"PK\x03\x04"):
        return translate("GgufValidator", "a .zip archive, or a PyTorch checkpoint")
    if head.startswith(b"version https://git-lfs"):
        return translate("GgufValidator", "a Git LFS pointer, not the file itself")
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")):
        return translate("GgufValidator", "a web page")
    if stripped.startswith((b"{", b"[")):
        return translate("GgufValidator", "a JSON text file")
    if len(head) >= 10 and head[8:10] == b'{"':
        return translate("GgufValidator",
                         "a .safetensors file, which must be converted to GGUF first")
    if head[:1] == b"\x80" and head[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        return translate("GgufValidator",
                         "a PyTorch checkpoint, which must be converted to GGUF first")
    if head.startswith((b"lmgg", b"fmgg", b"tjgg", b"algg")):
        return translate("GgufValidator",
                         "a model in the old GGML format, which llama.cpp no longer reads")
    if head.startswith(b"\x1f\x8b"):
        return translate("GgufValidator", "a .gz archive")
    if head.startswith((b"7z\xbc\xaf\x27\x1c", b"\xfd7zXZ", b"Rar!", b"\x28\xb5\x2f\xfd")):
        return translate("GgufValidator", "a compressed archive")
    if head and all(32 <= b < 127 or b in (9, 10, 13) for b in head):
        return translate("GgufValidator", "a text file")
    return None


def _not_gguf(head: bytes) -> NotGgufError:
    shown = "".join(chr(b) if 32 <= b < 127 else f"\\x{b:02x}" for b in head[:4])
    hint = _magic_hint(head)
    if hint:
        what = translate("GgufValidator", 'it starts with "{start}"; {hint}?').format(
            start=shown, hint=hint)
    else:
        what = translate("GgufValidator", 'it starts with "{start}"').format(start=shown)
    return NotGgufError(
        translate("GgufValidator", "This file is not a GGUF model file ({what}). Download the "
                  "model's .gguf file instead.").format(what=what),
        f"bad magic {head[:16]!r}",
    )


# --- Bounded reader ----------------------------------------------------------------------------


class _Reader:
    """Forward cursor over a file object or an in-memory prefix, reading in bounded chunks.

    ``end`` is the total file size when known. Every read is checked against it first, so a
    length field can never make us allocate or seek past the file; reading past the available
    bytes of a prefix raises NeedMoreData.
    """

    def __init__(self, *, file: BinaryIO | None, data: bytes | None, end: int | None) -> None:
        self._file = file
        self.end = end
        self.pos = 0
        self.buf = data if data is not None else b""
        self.buf_pos = 0  # file offset of buf[0]
        # A known lower bound on where the header ends (from the counts of entries still to
        # come), so NeedMoreData can ask for big steps instead of one entry at a time.
        self.floor = 0

    @property
    def is_prefix(self) -> bool:
        return self._file is None

    def check_fits(self, n: int, what: str, at_least: bool = True) -> None:
        """Fail unless n more bytes from pos are within the file (when its size is known)."""
        if self.end is not None and n > self.end - self.pos:
            raise _truncated(
                self.end,
                self.pos + n,
                at_least,
                f"{what}: needs {n} bytes at offset {self.pos}, file size {self.end}",
            )

    def ensure(self, n: int, what: str) -> int:
        """Make bytes [pos, pos+n) available in buf; return the index of pos in buf."""
        start = self.pos - self.buf_pos
        if start >= 0 and start + n <= len(self.buf):
            return start
        self.check_fits(n, what)
        if self._file is None:
            floor = self.floor if self.end is None else min(self.floor, self.end)
            raise NeedMoreData(max(self.pos + n, floor))
        want = max(n, _READ_CHUNK)
        if self.end is not None:
            want = min(want, self.end - self.pos)
        self._file.seek(self.pos)
        chunk = self._file.read(want)
        if len(chunk) < n:  # the file shrank while we were reading it
            raise _truncated(
                self.pos + len(chunk),
                self.pos + n,
                True,
                f"{what}: short read at offset {self.pos}",
            )
        self.buf, self.buf_pos = chunk, self.pos
        return 0

    def u32(self, what: str) -> int:
        i = self.ensure(4, what)
        self.pos += 4
        return int(_U32.unpack_from(self.buf, i)[0])

    def i32(self, what: str) -> int:
        i = self.ensure(4, what)
        self.pos += 4
        return int(_I32.unpack_from(self.buf, i)[0])

    def u64(self, what: str) -> int:
        i = self.ensure(8, what)
        self.pos += 8
        return int(_U64.unpack_from(self.buf, i)[0])

    def i64(self, what: str) -> int:
        i = self.ensure(8, what)
        self.pos += 8
        return int(_I64.unpack_from(self.buf, i)[0])

    def read(self, n: int, what: str) -> bytes:
        i = self.ensure(n, what)
        self.pos += n
        return self.buf[i : i + n]

    def expect(self, n: int, what: str) -> None:
        """Fail early when the next n bytes are not all there, before stepping through them.

        For a prefix this turns many small NeedMoreData rounds into one.
        """
        self.check_fits(n, what)
        if self._file is None and self.pos + n > len(self.buf):
            raise NeedMoreData(self.pos + n)

    def skip(self, n: int, what: str) -> None:
        self.check_fits(n, what)
        self.pos += n

    def string_length(self, what: str) -> int:
        """Read a string's length and check it as gguf.cpp does (limit, then bytes left)."""
        n = self.u64(what)
        if n > GGUF_MAX_STRING_LENGTH:
            raise _corrupt(
                translate("GgufValidator", "a text in its header claims to be {size} long")
                .format(size=format_bytes(n)),
                f"{what}: string length {n} at offset {self.pos - 8} exceeds the maximum",
            )
        self.check_fits(n, what)
        return n

    def walk_strings(
        self, count: int, what: str, visit: Callable[[int, bytes], None] | None
    ) -> None:
        """Step over ``count`` length-prefixed strings, passing each to ``visit`` if given.

        Bounded by the bytes left: each string's length is checked before it is touched, and
        skipped strings are never read. Hot loop (250k-token vocabularies), hence the inlining.
        """
        unpack = _U64.unpack_from
        end = self.end
        buf, base, pos = self.buf, self.buf_pos, self.pos
        for index in range(count):
            i = pos - base
            if i < 0 or i + 8 > len(buf):
                i = self._refill(pos, 8, 8 * (count - index - 1), what)
                buf, base = self.buf, self.buf_pos
            length = int(unpack(buf, i)[0])
            pos += 8
            if length > GGUF_MAX_STRING_LENGTH or (end is not None and length > end - pos):
                self.pos = pos - 8
                self.string_length(f"{what} entry {index}")  # raises the right error
            if visit is None:
                pos += length
                continue
            if length > MAX_TOKEN_BYTES:
                raise _corrupt(
                    translate("GgufValidator", "a list entry in its header is {size} long")
                    .format(size=format_bytes(length)),
                    f"{what}[{index}]: length {length} exceeds our limit {MAX_TOKEN_BYTES}",
                )
            i = pos - base
            if i < 0 or i + length > len(buf):
                i = self._refill(pos, length, 8 * (count - index - 1), what)
                buf, base = self.buf, self.buf_pos
            visit(index, buf[i : i + length])
            pos += length
        self.pos = pos

    def _refill(self, pos: int, n: int, rest: int, what: str) -> int:
        """ensure() for walk_strings; a prefix that runs out asks for at least the ``rest``
        bytes the remaining entries need too, so callers fetch big steps, not one per entry."""
        self.pos = pos
        try:
            return self.ensure(n, what)
        except NeedMoreData as more:
            raise NeedMoreData(max(more.needed, pos + n + rest)) from None


# --- Parsing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    type: int  # GGUF value type; _T_ARRAY for arrays
    value: object  # scalar value; str (maybe cut) for strings; tuple or None for arrays
    elem_type: int | None = None  # arrays only
    count: int = 1  # arrays only
    complete: bool = True  # False for strings too long to keep


@dataclass
class _Vocab:
    offset: int  # file offset of the first token's length
    count: int


class _TokenSet:
    """Detects duplicate vocabulary entries with bounded memory (long tokens as digests)."""

    def __init__(self) -> None:
        self._short: set[bytes] = set()
        self._long: set[bytes] = set()

    def add(self, index: int, token: bytes) -> None:
        if not token:
            # llama-vocab.cpp renames empty tokens before indexing them, which can itself collide
            token = b"[EMPTY_%d]" % index
        if len(token) <= 32:
            target, entry = self._short, token
        else:
            target, entry = self._long, hashlib.blake2b(token, digest_size=16).digest()
        before = len(target)
        target.add(entry)
        if len(target) == before:
            # token_to_id would end up smaller than id_to_token: GGML_ASSERT, process abort
            raise _corrupt(
                translate("GgufValidator", 'its vocabulary lists the token "{token}" more than '
                          'once').format(token=_show(token)),
                f"duplicate token {token[:64]!r} at index {index} of {_TOKENS_KEY}",
            )


def _check_magic(r: _Reader) -> None:
    available = len(r.buf) if r.is_prefix else None
    if r.end is not None and r.end < 4:
        head = r.read(r.end, "magic") if r.end else b""
        if GGUF_MAGIC.startswith(head):
            raise _truncated(r.end, _HEADER_BYTES, True, f"file of {r.end} bytes")
        raise _not_gguf(head)
    if available is not None and available < 4:
        if not GGUF_MAGIC.startswith(r.buf):
            raise _not_gguf(r.buf)
        raise NeedMoreData(4)
    magic = r.read(4, "magic")
    if magic != GGUF_MAGIC:
        # a few more bytes make the guess in the message better; never required
        limit = 64 if r.end is None else min(64, r.end)
        if r.is_prefix:
            head = r.buf[:limit]
        else:
            r.pos = 0
            head = r.read(limit, "magic")
        raise _not_gguf(head)


def _check_version(version: int) -> None:
    if version == 0:
        raise _corrupt(translate("GgufValidator", "its format version is 0"), "GGUF version 0")
    if (version & 0xFFFF) == 0:
        raise _unsupported(
            translate("GgufValidator", "This model file was made for big-endian computers and "
                      "cannot be used on this computer. Download the ordinary (little-endian) "
                      ".gguf file of the model instead."),
            f"GGUF version field {version:#010x}: byte-swapped, big-endian file",
        )
    if version == 1:
        raise _unsupported(
            translate("GgufValidator", "This model file uses version 1 of the GGUF format, which "
                      "is too old for this version of chatapp's engine. Download a newer "
                      "conversion of the model."),
            "GGUF version 1",
        )
    if version > GGUF_VERSION:
        raise _unsupported(
            translate("GgufValidator", "This model file uses version {version} of the GGUF "
                      "format, which is newer than this version of chatapp's engine ({engine}) "
                      "can read. Update chatapp or choose another model file.").format(
                          version=version, engine=_engine()),
            f"GGUF version {version} > {GGUF_VERSION}",
        )


def _check_count(value: int, limit: int, min_bytes: int, what: str, r: _Reader, *,
                 claim: str) -> None:
    """``claim``: QT_TRANSLATE_NOOP("GgufValidator", "its header claims {count} ...")."""
    if value < 0 or value > limit:
        raise _corrupt(
            translate("GgufValidator", claim).format(count=format_number(value)),
            f"{what} count {value} outside [0, {limit}]",
        )
    r.check_fits(value * min_bytes, f"{value} {what}")


def _read_scalar(r: _Reader, vtype: int, what: str) -> int | float | bool:
    s = _SCALAR_STRUCTS[vtype]
    i = r.ensure(s.size, what)
    r.pos += s.size
    value = s.unpack_from(r.buf, i)[0]
    if vtype == _T_BOOL:
        return bool(value != 0)
    return value  # type: ignore[no-any-return]


def _spend(budget: int, n: int, where: str) -> int:
    """Charge n bytes of kept metadata against the budget that bounds our memory use."""
    if n > budget:
        raise _corrupt(
            translate("GgufValidator", "its settings take up more than {size}").format(
                size=format_bytes(MAX_METADATA_BYTES)),
            f"{where}: metadata kept in memory would exceed {MAX_METADATA_BYTES} bytes",
        )
    return budget - n


def _parse_kvs(
    r: _Reader, n_kv: int, n_tensors: int
) -> tuple[dict[str, _Value], _Vocab | None]:
    values: dict[str, _Value] = {}
    seen: set[bytes] = set()
    vocab: _Vocab | None = None
    string_budget = MAX_TOTAL_STRING_ELEMENTS
    budget = MAX_METADATA_BYTES
    for index in range(n_kv):
        r.floor = r.pos + _MIN_KV_BYTES * (n_kv - index) + _MIN_TENSOR_INFO_BYTES * n_tensors
        where = f"metadata entry {index}"
        place = translate("GgufValidator", "metadata entry {index}").format(index=index)
        key_length = r.string_length(f"the name of {where}")
        if key_length == 0:
            raise _corrupt(translate("GgufValidator", "{place} has an empty name").format(
                place=place), f"{where}: empty key")
        if key_length > MAX_KEY_BYTES:
            raise _corrupt(
                translate("GgufValidator", "the name of {place} is {size} long").format(
                    place=place, size=format_bytes(key_length)),
                f"{where}: key length {key_length} exceeds our limit {MAX_KEY_BYTES}",
            )
        budget = _spend(budget, 2 * key_length, where)  # kept twice: raw and decoded
        raw_key = r.read(key_length, f"the name of {where}")
        key = raw_key.decode("utf-8", "backslashreplace")
        if raw_key in seen:
            raise _corrupt(
                translate("GgufValidator", 'the setting "{key}" appears twice').format(
                    key=_show(key)),
                f"duplicate key {raw_key!r} at {where}",
            )
        seen.add(raw_key)
        where = f'metadata "{_show(key)}"'
        place = translate("GgufValidator", 'the setting "{key}"').format(key=_show(key))
        vtype = r.i32(f"the type of {where}")
        if vtype == _T_ARRAY:
            elem_type = r.i32(f"the element type of {where}")
            count = r.u64(f"the length of {where}")
            if elem_type == _T_ARRAY:
                raise _corrupt(
                    translate("GgufValidator", "{place} is a list of lists, which GGUF does not "
                              "allow").format(place=place),
                    f"{where}: nested array",
                )
            if not 0 <= elem_type < _GGUF_TYPE_COUNT:
                raise _corrupt(
                    _unknown_value_type(place),
                    f"{where}: invalid array element type {elem_type}",
                )
            if count > GGUF_MAX_ARRAY_ELEMENTS:
                raise _corrupt(
                    translate("GgufValidator", "{place} claims {count} entries").format(
                        place=place, count=format_number(count)),
                    f"{where}: array length {count} exceeds {GGUF_MAX_ARRAY_ELEMENTS}",
                )
            if elem_type == _T_STRING:
                r.check_fits(count * 8, where)
                limit = MAX_VOCAB_SIZE if key == _TOKENS_KEY else MAX_STRING_ARRAY_ELEMENTS
                if count > limit or count > string_budget:
                    raise _corrupt(
                        translate("GgufValidator", "{place} has {count} entries, far more than "
                                  "any real model").format(place=place,
                                                           count=format_number(count)),
                        f"{where}: {count} strings exceeds our limits",
                    )
                string_budget -= count
                r.expect(count * 8, where)
                if key == _TOKENS_KEY:
                    vocab = _Vocab(r.pos, count)
                    r.walk_strings(count, where, _TokenSet().add)
                else:
                    r.walk_strings(count, where, None)
                values[key] = _Value(_T_ARRAY, None, elem_type, count)
                continue
            fmt = _SCALAR_FORMATS[elem_type]
            nbytes = count * struct.calcsize(fmt)
            array: tuple[int | float | bool, ...] | None = None
            if key.partition(".")[2] in _PER_LAYER_SUFFIXES and count <= LLAMA_MAX_LAYERS:
                raw = r.read(nbytes, where)
                array = struct.unpack(f"<{count}{fmt}", raw)
                if elem_type == _T_BOOL:
                    array = tuple(v != 0 for v in array)
            else:
                r.skip(nbytes, where)
            values[key] = _Value(_T_ARRAY, array, elem_type, count)
        elif vtype == _T_STRING:
            length = r.string_length(where)
            # only the chat template is needed whole; of anything else a prefix will do
            keep = MAX_CHAT_TEMPLATE_BYTES if key == _CHAT_TEMPLATE_KEY else _KEPT_STRING_BYTES
            kept = min(length, keep)
            budget = _spend(budget, kept, where)
            text = r.read(kept, where).decode("utf-8", "replace")
            r.skip(length - kept, where)
            values[key] = _Value(_T_STRING, text, complete=kept == length)
        elif vtype in _SCALAR_STRUCTS:
            values[key] = _Value(vtype, _read_scalar(r, vtype, where))
        else:
            raise _corrupt(
                _unknown_value_type(place),
                f"{where}: invalid GGUF type {vtype}",
            )
    return values, vocab


def _alignment(values: Mapping[str, _Value]) -> int:
    v = values.get("general.alignment")
    if v is None:
        return GGUF_DEFAULT_ALIGNMENT
    if v.type != _T_UINT32:
        raise _corrupt(
            translate("GgufValidator", "its general.alignment setting has the wrong type"),
            f"general.alignment has type {GGUF_TYPE_NAMES.get(v.type)}, must be u32",
        )
    alignment = v.value
    assert isinstance(alignment, int)
    if alignment == 0 or alignment & (alignment - 1):
        raise _corrupt(
            translate("GgufValidator", "its data alignment {alignment} is not a power of two")
            .format(alignment=alignment),
            f"general.alignment = {alignment}",
        )
    return alignment


def _parse_tensor_infos(r: _Reader, n_tensors: int) -> list[TensorInfo]:
    tensors: list[TensorInfo] = []
    seen: set[bytes] = set()
    for index in range(n_tensors):
        r.floor = r.pos + _MIN_TENSOR_INFO_BYTES * (n_tensors - index)
        where = f"tensor {index}"
        place = translate("GgufValidator", "tensor {index}").format(index=index)
        name_length = r.string_length(f"the name of {where}")
        if name_length >= GGML_MAX_NAME:
            raise _corrupt(
                translate("GgufValidator", "the name of {place} is {length} bytes long; at most "
                          "{limit} are allowed").format(place=place,
                                                        length=format_number(name_length),
                                                        limit=GGML_MAX_NAME - 1),
                f"{where}: name length {name_length} >= GGML_MAX_NAME",
            )
        raw = r.read(name_length, f"the name of {where}")
        name = raw.decode("utf-8", "backslashreplace")
        if b"\0" in raw:
            # ggml keeps names as C strings: the loader would see a different (maybe clashing) name
            raise _corrupt(
                translate("GgufValidator", 'the tensor name "{name}" contains a NUL character')
                .format(name=_show(name)),
                f"{where}: NUL in name {raw!r}",
            )
        if raw in seen:
            raise _corrupt(
                translate("GgufValidator", 'the tensor "{name}" appears twice').format(
                    name=_show(name)),
                f"duplicate tensor name {raw!r} at {where}",
            )
        seen.add(raw)
        where = f'tensor "{_show(name)}"'
        place = _tensor_place(name)
        n_dims = r.u32(f"the dimension count of {where}")
        if n_dims > GGML_MAX_DIMS:
            raise _corrupt(
                translate("GgufValidator", "{place} has {count} dimensions; at most {limit} are "
                          "allowed").format(place=place, count=format_number(n_dims),
                                            limit=GGML_MAX_DIMS),
                f"{where}: n_dims {n_dims} > {GGML_MAX_DIMS}",
            )
        shape = tuple(r.i64(f"the shape of {where}") for _ in range(n_dims))
        if any(d < 0 for d in shape):
            raise _corrupt(
                translate("GgufValidator", "{place} has a negative size").format(place=place),
                f"{where}: shape {shape}",
            )
        ne = shape + (1,) * (GGML_MAX_DIMS - n_dims)
        # same overflow rule as gguf.cpp: the element count must fit in int64
        elements = ne[0]
        for d in ne[1:]:
            if d > 1 and INT64_MAX // d < elements:
                raise _corrupt(
                    _impossibly_large(place),
                    f"{where}: shape {shape} overflows int64",
                )
            elements *= d
        type_id = r.i32(f"the data type of {where}")
        ggml_type = GGML_TYPES.get(type_id)
        if ggml_type is None:
            if type_id >= GGML_TYPE_COUNT:
                raise _unsupported(
                    translate("GgufValidator", "This model file stores {place} in an unknown "
                              "format (type {type}), probably one newer than this version of "
                              "chatapp's engine ({engine}). Update chatapp or choose another "
                              "model file.").format(place=place, type=type_id, engine=_engine()),
                    f"{where}: ggml type {type_id} >= GGML_TYPE_COUNT {GGML_TYPE_COUNT}",
                )
            raise _corrupt(
                translate("GgufValidator", "{place} has an invalid data type").format(
                    place=place),
                f"{where}: ggml type {type_id}",
            )
        if ggml_type.removed:
            raise _unsupported(
                translate("GgufValidator", "This model file stores its weights in the {format} "
                          "format, which llama.cpp no longer supports. Download a newer "
                          "conversion of the model.").format(format=ggml_type.name),
                f"{where}: removed ggml type {type_id} ({ggml_type.name})",
            )
        if ne[0] % ggml_type.block_size:
            raise _corrupt(
                translate("GgufValidator", "{place} does not fit its {format} format").format(
                    place=place, format=ggml_type.name),
                f"{where}: row length {ne[0]} not a multiple of block size "
                f"{ggml_type.block_size}",
            )
        blocks = elements // ggml_type.block_size
        if blocks > SIZE_MAX // ggml_type.type_size:
            raise _corrupt(
                _impossibly_large(place),
                f"{where}: {blocks} blocks of {ggml_type.type_size} bytes overflow size_t",
            )
        # ggml_nbytes: 0 for an empty tensor, else blocks * block bytes (rows are contiguous)
        n_bytes = 0 if elements == 0 else blocks * ggml_type.type_size
        offset = r.u64(f"the data offset of {where}")
        tensors.append(TensorInfo(name, shape, type_id, offset, n_bytes))
    return tensors


def _pad(n: int, alignment: int) -> int:
    return (n + alignment - 1) // alignment * alignment


def _check_tensor_data(
    r: _Reader, tensors: list[TensorInfo], alignment: int, data_offset: int
) -> None:
    """gguf.cpp's layout rule: tensor i starts exactly where tensor i-1 ends, padded."""
    expected = 0
    file_end_needed = data_offset
    for t in tensors:
        where = f'tensor "{_show(t.name)}"'
        place = _tensor_place(t.name)
        if t.offset != expected:
            if t.offset % alignment:
                reason = translate("GgufValidator", "the data of {place} is not aligned")
            elif t.offset < expected:
                reason = translate("GgufValidator",
                                   "the data of {place} overlaps the tensor before it")
            else:
                reason = translate("GgufValidator", "there is a gap before the data of {place}")
            raise _corrupt(reason.format(place=place),
                           f"{where}: offset {t.offset}, expected {expected}")
        if t.n_bytes > SIZE_MAX - (alignment - 1):
            raise _corrupt(_impossibly_large(place), f"{where}: {t.n_bytes} bytes")
        expected += _pad(t.n_bytes, alignment)
        if expected > SIZE_MAX:
            raise _corrupt(translate("GgufValidator", "its tensors are impossibly large"),
                           f"data section size {expected} > SIZE_MAX")
        file_end_needed = max(file_end_needed, data_offset + t.offset + t.n_bytes)
    if r.end is not None and file_end_needed > r.end:
        raise _truncated(
            r.end,
            file_end_needed,
            False,
            f"tensor data ends at {file_end_needed}, file size {r.end}",
        )


# --- Metadata checks (llama.cpp's loader) ------------------------------------------------------


class _Meta:
    """Typed access to parsed metadata, failing the way llama.cpp's get_key would."""

    def __init__(self, values: Mapping[str, _Value]) -> None:
        self.values = values

    def _wrong_type(self, key: str, v: _Value, expected: str) -> CorruptGgufError:
        actual = GGUF_TYPE_NAMES.get(v.type, "?")
        if v.type == _T_ARRAY:
            actual = f"array of {GGUF_TYPE_NAMES.get(v.elem_type or 0, '?')}"
        return _corrupt(
            translate("GgufValidator", 'its setting "{key}" has the wrong type').format(
                key=_show(key)),
            f"{key}: type {actual}, llama.cpp expects {expected}",
        )

    def _missing(self, key: str) -> CorruptGgufError:
        return _corrupt(
            translate("GgufValidator", 'the required setting "{key}" is missing').format(
                key=_show(key)), f"missing key {key}")

    def uint(self, key: str, vtype: int = _T_UINT32, required: bool = False) -> int | None:
        v = self.values.get(key)
        if v is None:
            if required:
                raise self._missing(key)
            return None
        if v.type != vtype:
            raise self._wrong_type(key, v, GGUF_TYPE_NAMES[vtype])
        assert isinstance(v.value, int)
        return v.value

    def string(self, key: str, required: bool = False) -> str | None:
        v = self.values.get(key)
        if v is None:
            if required:
                raise self._missing(key)
            return None
        if v.type != _T_STRING:
            raise self._wrong_type(key, v, "str")
        assert isinstance(v.value, str)
        return v.value

    def boolean(self, key: str) -> bool | None:
        v = self.values.get(key)
        if v is None:
            return None
        if v.type != _T_BOOL:
            raise self._wrong_type(key, v, "bool")
        assert isinstance(v.value, bool)
        return v.value

    def uint_or_per_layer(self, key: str, n_layers: int) -> tuple[int, ...] | None:
        """llama.cpp's get_key_or_arr into std::array<uint32_t, LLAMA_MAX_LAYERS>."""
        v = self.values.get(key)
        if v is None:
            return None
        if v.type != _T_ARRAY:
            value = self.uint(key)
            assert value is not None
            return (value,) * n_layers
        if v.count != n_layers:
            raise _corrupt(
                translate("GgufValidator", 'its setting "{key}" has {count} entries for {layers} '
                          'layers').format(key=_show(key), count=format_number(v.count),
                                           layers=format_number(n_layers)),
                f"{key}: array length {v.count}, block_count {n_layers}",
            )
        if v.elem_type not in (_T_UINT32, _T_INT32, _T_BOOL):
            raise self._wrong_type(key, v, "u32 or an array of u32/i32")
        assert isinstance(v.value, tuple)
        values = tuple(int(x) for x in v.value)
        if any(x < 0 for x in values):
            raise _corrupt(
                translate("GgufValidator", 'its setting "{key}" has a negative entry').format(
                    key=_show(key)), f"{key}: {values}")
        return values


def _check_split(meta: _Meta, n_tensors: int) -> tuple[int | None, int | None]:
    count = meta.uint("split.count", _T_UINT16)
    index = meta.uint("split.no", _T_UINT16)
    total = meta.values.get("split.tensors.count")
    if total is not None:
        if total.type != _T_INT32:
            raise meta._wrong_type("split.tensors.count", total, "i32")
        assert isinstance(total.value, int)
        if total.value < n_tensors:
            raise _corrupt(
                translate("GgufValidator",
                          "it says the model has fewer tensors than this part contains"),
                f"split.tensors.count {total.value} < {n_tensors} tensors in this part",
            )
    if count is not None and count > 1:
        if index is None:
            raise meta._missing("split.no")
        if index >= count:
            raise _corrupt(
                translate("GgufValidator", "it calls itself part {part} of {count}").format(
                    part=format_number(index + 1), count=format_number(count)),
                f"split.no {index} >= split.count {count}",
            )
    return count, index


def _check_hparams(meta: _Meta, arch: str, tensors: list[TensorInfo]) -> dict[str, int | None]:
    """The architecture-independent part of llama_model_base::load_hparams."""
    p = f"{arch}."
    context_length = meta.uint(p + "context_length", required=True)
    embedding_length = meta.uint(p + "embedding_length", required=True)
    block_count = meta.uint(p + "block_count", required=True)
    assert block_count is not None
    if not 0 < block_count <= LLAMA_MAX_LAYERS:
        raise _corrupt(
            translate("GgufValidator", "it says the model has {count} layers").format(
                count=format_number(block_count)),
            f"{p}block_count {block_count} outside [1, {LLAMA_MAX_LAYERS}]",
        )
    nextn = meta.uint(p + "nextn_predict_layers") or 0
    if nextn > block_count:
        raise _corrupt(
            translate("GgufValidator", "its layer counts contradict each other"),
            f"{p}nextn_predict_layers {nextn} > block_count {block_count}",
        )
    for t in tensors:
        m = _BLOCK_TENSOR.match(t.name)
        if m and int(m.group(1)) >= block_count:
            raise _corrupt(
                translate("GgufValidator", 'it has a tensor "{name}" for a layer beyond its '
                          '{count} layers').format(name=_show(t.name),
                                                   count=format_number(block_count)),
                f"tensor {t.name} but {p}block_count {block_count}",
            )

    n_expert = meta.uint(p + "expert_count") or 0
    used = meta.uint_or_per_layer(p + "expert_used_count", block_count) or (0,)
    n_groups = meta.uint(p + "expert_group_count") or 0
    n_group_used = meta.uint(p + "expert_group_used_count") or 0
    used_max = max(used)
    experts_ok = n_expert <= LLAMA_MAX_EXPERTS and used_max <= n_expert
    if n_expert > 0:
        experts_ok = experts_ok and used_max > 0 and n_groups < n_expert
        if n_groups > 1:
            experts_ok = (
                experts_ok
                and n_expert % n_groups == 0
                and 0 < n_group_used < n_groups
            )
    else:
        experts_ok = experts_ok and used_max == 0 and n_groups == 0
    if not experts_ok:
        # each of these is a GGML_ASSERT in load_hparams
        raise _corrupt(
            translate("GgufValidator", "its mixture-of-experts settings contradict each other"),
            f"{p}expert_count {n_expert}, expert_used_count {used}, "
            f"expert_group_count {n_groups}, expert_group_used_count {n_group_used}",
        )

    rope_scaling = meta.string(p + "rope.scaling.type")
    if rope_scaling is not None and rope_scaling not in ROPE_SCALING_TYPES:
        raise _corrupt(
            translate("GgufValidator", 'its RoPE scaling type "{type}" is unknown').format(
                type=_show(rope_scaling)),
            f"{p}rope.scaling.type = {rope_scaling!r}",
        )

    pooling = meta.uint(p + "pooling_type")
    if pooling is not None and pooling not in LLAMA_POOLING_TYPES \
            and pooling != LLAMA_POOLING_UNSPECIFIED_U32:
        raise _corrupt(
            translate("GgufValidator", "its pooling type {type} is unknown").format(
                type=pooling),
            f"{p}pooling_type = {pooling}",
        )

    heads = meta.uint_or_per_layer(p + "attention.head_count", block_count)
    heads_kv = meta.uint_or_per_layer(p + "attention.head_count_kv", block_count)
    if heads_kv is None:
        heads_kv = heads
    key_length = meta.uint(p + "attention.key_length")
    value_length = meta.uint(p + "attention.value_length")
    # llama.cpp derives the head size from the first layer's head count
    if heads and heads[0] > 0 and embedding_length is not None:
        if key_length is None:
            key_length = embedding_length // heads[0]
        if value_length is None:
            value_length = embedding_length // heads[0]
    return {
        "context_length": context_length,
        "embedding_length": embedding_length,
        "block_count": block_count,
        "head_count": max(heads) if heads else None,
        "head_count_kv": max(heads_kv) if heads_kv else None,
        "key_length": key_length,
        "value_length": value_length,
    }


def _check_tokenizer(meta: _Meta, vocab: _Vocab | None) -> None:
    """llama_vocab::impl::load's type and length checks."""
    model = meta.string("tokenizer.ggml.model", required=True)
    meta.string("tokenizer.ggml.pre")
    for key in _TOKEN_ID_KEYS:
        meta.uint(key)
    for key in _TOKENIZER_BOOL_KEYS:
        meta.boolean(key)
    tokens = meta.values.get(_TOKENS_KEY)
    if tokens is None:
        if model in ("no_vocab", "none"):
            return
        raise meta._missing(_TOKENS_KEY)
    if tokens.type != _T_ARRAY or tokens.elem_type != _T_STRING:
        raise meta._wrong_type(_TOKENS_KEY, tokens, "array of str")
    n_tokens = tokens.count
    for key, types in (
        ("tokenizer.ggml.scores", (_T_FLOAT32, _T_INT32)),
        ("tokenizer.ggml.token_type", (_T_INT32,)),
    ):
        v = meta.values.get(key)
        if v is None:
            continue
        if v.type != _T_ARRAY or v.elem_type not in types:
            expected = "array of " + "/".join(GGUF_TYPE_NAMES[t] for t in types)
            raise meta._wrong_type(key, v, expected)
        if v.count < n_tokens:
            raise _corrupt(
                translate("GgufValidator", 'its setting "{key}" has fewer entries than the '
                          'vocabulary').format(key=key),
                f"{key}: {v.count} entries < {n_tokens} tokens",
            )
    assert vocab is not None and vocab.count == n_tokens


def _token_texts(r: _Reader, vocab: _Vocab, ids: set[int]) -> dict[int, str]:
    """Walk the (already validated) vocabulary again to pick out a few tokens."""
    wanted = {i for i in ids if 0 <= i < vocab.count}
    if not wanted:
        return {}
    found: dict[int, str] = {}

    def visit(index: int, token: bytes) -> None:
        if index in wanted:
            found[index] = token.decode("utf-8", "replace")

    r.pos = vocab.offset
    r.walk_strings(max(wanted) + 1, _TOKENS_KEY, visit)
    return found


def _quantization(file_type: int | None, tensors: list[TensorInfo]) -> str | None:
    if file_type is not None:
        label = LLAMA_FTYPE_LABELS.get(file_type & ~LLAMA_FTYPE_GUESSED)
        if label is not None:
            return label
    by_type: dict[int, int] = {}
    for t in tensors:
        by_type[t.ggml_type] = by_type.get(t.ggml_type, 0) + t.n_bytes
    if not by_type:
        return None
    dominant = max(sorted(by_type), key=lambda k: by_type[k])
    return GGML_TYPES[dominant].name


def _metadata_view(values: Mapping[str, _Value]) -> Mapping[str, object]:
    out: dict[str, object] = {}
    for key, v in values.items():
        if v.type == _T_ARRAY:
            out[key] = ("array", GGUF_TYPE_NAMES.get(v.elem_type or 0, "?"), v.count)
        elif isinstance(v.value, str):
            out[key] = v.value[:METADATA_STRING_CHARS]
        else:
            out[key] = v.value
    return MappingProxyType(out)


def _inspect(r: _Reader) -> GgufInfo:
    _check_magic(r)
    version = r.u32("the format version")
    _check_version(version)
    n_tensors = r.i64("the tensor count")
    n_kv = r.i64("the metadata count")
    _check_count(n_kv, MAX_KV_COUNT, _MIN_KV_BYTES, "metadata entries", r,
                 claim=QT_TRANSLATE_NOOP("GgufValidator",
                                         "its header claims {count} metadata entries"))
    _check_count(n_tensors, MAX_TENSOR_COUNT, _MIN_TENSOR_INFO_BYTES, "tensors", r,
                 claim=QT_TRANSLATE_NOOP("GgufValidator", "its header claims {count} tensors"))

    values, vocab = _parse_kvs(r, n_kv, n_tensors)
    alignment = _alignment(values)
    tensors = _parse_tensor_infos(r, n_tensors)
    r.floor = 0
    data_offset = r.pos
    if n_tensors > 0:
        data_offset = _pad(r.pos, alignment)
        if r.end is not None and data_offset > r.end:
            raise _truncated(
                r.end, data_offset, True, f"data section at {data_offset}, file size {r.end}"
            )
    _check_tensor_data(r, tensors, alignment, data_offset)

    # From here on the file is structurally sound; what follows are llama.cpp's loader rules.
    meta = _Meta(values)
    split_count, split_index = _check_split(meta, n_tensors)
    if split_count is not None and split_count > 1 and split_index:
        raise NotFirstSplitError(
            translate("GgufValidator", 'This file is part {part} of {count} of a model that is '
                      'split into several files. Open the first part (its name ends in '
                      '"{ending}") instead, with all parts in the same folder.').format(
                          part=format_number(split_index + 1), count=format_number(split_count),
                          ending=f"-00001-of-{split_count:05d}.gguf"),
            f"split.no {split_index} of split.count {split_count}",
            split_index=split_index,
            split_count=split_count,
        )

    arch = meta.string("general.architecture")
    if arch is None:
        raise _unsupported(
            translate("GgufValidator", "This GGUF file does not say what kind of model it is, so "
                      "it cannot be run. Choose another model file."),
            "missing general.architecture",
        )
    if arch in NOT_MAIN_MODEL_ARCHITECTURES:
        raise _unsupported(
            translate("GgufValidator", "This file is a vision add-on (a multimodal projector, "
                      "often named mmproj-…), not a chat model on its own. Download the model's "
                      "main .gguf file instead."),
            f"architecture {arch!r} cannot be the main model",
        )
    if arch not in SUPPORTED_ARCHITECTURES:
        raise _unsupported(
            translate("GgufValidator", 'This model uses the "{architecture}" architecture, which '
                      "this version of chatapp's engine ({engine}) cannot run. Update chatapp "
                      "or choose another model.").format(architecture=_show(arch, 40),
                                                         engine=_engine()),
            f"unsupported architecture {arch!r}",
        )
    name = meta.string("general.name")
    file_type = meta.uint("general.file_type")
    if n_tensors == 0 and not (split_count is not None and split_count > 1):
        raise _corrupt(translate("GgufValidator", "it contains no model weights"), "no tensors")
    hparams = _check_hparams(meta, arch, tensors)
    _check_tokenizer(meta, vocab)

    bos_id = meta.uint("tokenizer.ggml.bos_token_id")
    eos_id = meta.uint("tokenizer.ggml.eos_token_id")
    texts: dict[int, str] = {}
    if vocab is not None:
        texts = _token_texts(r, vocab, {i for i in (bos_id, eos_id) if i is not None})
    template_value = values.get(_CHAT_TEMPLATE_KEY)
    chat_template = None
    if template_value is not None and isinstance(template_value.value, str):
        # a template too long to keep is dropped rather than used cut short
        chat_template = template_value.value if template_value.complete else None

    block_count = hparams["block_count"]
    assert block_count is not None
    return GgufInfo(
        version=version,
        file_size=r.end,
        architecture=arch,
        name=name,
        context_length=hparams["context_length"],
        block_count=block_count,
        embedding_length=hparams["embedding_length"],
        head_count=hparams["head_count"],
        head_count_kv=hparams["head_count_kv"],
        key_length=hparams["key_length"],
        value_length=hparams["value_length"],
        file_type=file_type,
        quantization=_quantization(file_type, tensors),
        parameter_count=sum(_elements(t.shape) for t in tensors),
        tensor_data_bytes=sum(t.n_bytes for t in tensors),
        chat_template=chat_template,
        bos_token=texts.get(bos_id) if bos_id is not None else None,
        eos_token=texts.get(eos_id) if eos_id is not None else None,
        tensor_count=n_tensors,
        metadata=_metadata_view(values),
        split_count=split_count,
        split_index=split_index,
        alignment=alignment,
        data_offset=data_offset,
        tensors=tuple(tensors),
    )


def _elements(shape: tuple[int, ...]) -> int:
    n = 1
    for d in shape:
        n *= d
    return n
