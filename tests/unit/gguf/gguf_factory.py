"""Synthetic GGUF files for the inspector's tests.

Two independent writers: ``write_with_gguf_writer`` uses the reference ``gguf`` package (so the
inspector is tested against files a real converter produces), and ``RawGguf`` encodes bytes by
hand so tests can build every kind of broken file the reference writer refuses to produce.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

# GGUF value types (gguf.h)
U8, I8, U16, I16, U32, I32, F32, BOOL, STR, ARR, U64, I64, F64 = range(13)
_FORMATS = {U8: "B", I8: "b", U16: "H", I16: "h", U32: "I", I32: "i", F32: "f", BOOL: "b",
            U64: "Q", I64: "q", F64: "d"}

# ggml types used here: id -> (block size, bytes per block)
GGML_F32, GGML_F16, GGML_Q4_0, GGML_Q8_0, GGML_Q4_K = 0, 1, 2, 8, 12
_BLOCKS = {GGML_F32: (1, 4), GGML_F16: (1, 2), GGML_Q4_0: (32, 18), GGML_Q8_0: (32, 34),
           GGML_Q4_K: (256, 144)}

SMALL_VOCAB = ("<unk>", "<|im_start|>", "<|im_end|>", "a", "b", "c", "ab", "bc")
CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
)


def string(s: str | bytes) -> bytes:
    raw = s.encode() if isinstance(s, str) else s
    return struct.pack("<Q", len(raw)) + raw


def value(vtype: int, v: Any) -> bytes:
    """Encode a scalar value (without its type tag)."""
    if vtype == STR:
        return string(v)
    return struct.pack("<" + _FORMATS[vtype], v)


def kv(key: str | bytes, vtype: int, v: Any) -> bytes:
    """One encoded key/value pair with a scalar value."""
    return string(key) + struct.pack("<i", vtype) + value(vtype, v)


def kv_array(key: str | bytes, elem_type: int, items: Sequence[Any],
             count: int | None = None) -> bytes:
    """An array KV; ``count`` overrides the stored length (to lie about it)."""
    n = len(items) if count is None else count
    body = b"".join(value(elem_type, i) for i in items)
    return string(key) + struct.pack("<iiQ", ARR, elem_type, n) + body


def tensor_bytes(shape: Sequence[int], ggml_type: int) -> int:
    block, size = _BLOCKS[ggml_type]
    n = 1
    for d in shape:
        n *= d
    return n // block * size


def pad(n: int, alignment: int) -> int:
    return (n + alignment - 1) // alignment * alignment


@dataclass
class RawTensor:
    name: str | bytes
    shape: tuple[int, ...]
    ggml_type: int = GGML_F32
    offset: int | None = None  # None: laid out after the previous tensor, like llama.cpp wants
    n_dims: int | None = None  # None: len(shape)


def base_metadata(arch: str = "llama", vocab: Sequence[str] = SMALL_VOCAB,
                  block_count: int = 2) -> list[bytes]:
    """The KV pairs a minimal but complete model needs."""
    return [
        kv("general.architecture", STR, arch),
        kv("general.name", STR, "Tiny Test Model"),
        kv(f"{arch}.context_length", U32, 256),
        kv(f"{arch}.embedding_length", U32, 16),
        kv(f"{arch}.block_count", U32, block_count),
        kv(f"{arch}.attention.head_count", U32, 4),
        kv(f"{arch}.attention.head_count_kv", U32, 2),
        kv("tokenizer.ggml.model", STR, "gpt2"),
        kv_array("tokenizer.ggml.tokens", STR, list(vocab)),
        kv("tokenizer.ggml.bos_token_id", U32, 1),
        kv("tokenizer.ggml.eos_token_id", U32, 2),
        kv("tokenizer.chat_template", STR, CHAT_TEMPLATE),
    ]


def base_tensors() -> list[RawTensor]:
    return [
        RawTensor("token_embd.weight", (16, len(SMALL_VOCAB)), GGML_F32),
        RawTensor("blk.0.attn_norm.weight", (16,), GGML_F32),
        RawTensor("blk.0.ffn_up.weight", (32, 2), GGML_Q8_0),
        RawTensor("blk.1.attn_norm.weight", (16,), GGML_F32),
        RawTensor("output.weight", (16, len(SMALL_VOCAB)), GGML_F16),
    ]


@dataclass
class RawGguf:
    """A GGUF file built byte by byte; every field can be made wrong on purpose."""

    kvs: list[bytes] = field(default_factory=base_metadata)
    tensors: list[RawTensor] = field(default_factory=base_tensors)
    magic: bytes = b"GGUF"
    version: int = 3
    n_kv: int | None = None  # None: the real count
    n_tensors: int | None = None
    alignment: int = 32  # used for layout; add a general.alignment KV to change the file's
    data_size: int | None = None  # None: exactly what the tensors need

    def with_(self, **changes: Any) -> RawGguf:
        return replace(self, **changes)

    def header(self) -> bytes:
        n_kv = len(self.kvs) if self.n_kv is None else self.n_kv
        n_tensors = len(self.tensors) if self.n_tensors is None else self.n_tensors
        out = [self.magic, struct.pack("<Iqq", self.version, n_tensors, n_kv), *self.kvs]
        offset = 0
        for t in self.tensors:
            dims = len(t.shape) if t.n_dims is None else t.n_dims
            this_offset = offset if t.offset is None else t.offset
            out.append(string(t.name) + struct.pack("<I", dims)
                       + b"".join(struct.pack("<q", d) for d in t.shape)
                       + struct.pack("<iQ", t.ggml_type, this_offset))
            if t.ggml_type in _BLOCKS:
                offset = pad(this_offset + tensor_bytes(t.shape, t.ggml_type), self.alignment)
        return b"".join(out)

    def data_bytes(self) -> int:
        """Size of the data section the tensors need (llama.cpp layout)."""
        end = 0
        offset = 0
        for t in self.tensors:
            start = offset if t.offset is None else t.offset
            size = tensor_bytes(t.shape, t.ggml_type) if t.ggml_type in _BLOCKS else 0
            end = max(end, start + size)
            offset = pad(start + size, self.alignment)
        return end

    def build(self) -> bytes:
        head = self.header()
        if not self.tensors:
            return head
        start = pad(len(head), self.alignment)
        # capped: the tests with absurd tensor shapes only care about the header
        size = min(max(self.data_bytes(), 0), 1 << 20) if self.data_size is None else self.data_size
        return head + b"\0" * (start - len(head)) + bytes(range(256)) * (size // 256) + (
            b"\x5a" * (size % 256))

    def write(self, path: Path) -> Path:
        path.write_bytes(self.build())
        return path


def valid_bytes() -> bytes:
    return RawGguf().build()


def write_with_gguf_writer(
    path: Path,
    arch: str = "llama",
    *,
    extra: Callable[[Any], None] | None = None,
    tensors: bool = True,
    alignment: int | None = None,
    file_type: int | None = None,
) -> Path:
    """A small, valid model written by the reference gguf package's GGUFWriter."""
    from gguf import GGMLQuantizationType, GGUFWriter  # only the tests depend on gguf

    writer = GGUFWriter(str(path), arch)
    writer.add_name("Tiny Writer Model")
    writer.add_context_length(512)
    writer.add_embedding_length(32)
    writer.add_block_count(2)
    writer.add_head_count(8)
    writer.add_head_count_kv(4)
    writer.add_rope_dimension_count(4)
    if file_type is not None:
        writer.add_file_type(file_type)
    if alignment is not None:
        writer.add_custom_alignment(alignment)
    writer.add_tokenizer_model("gpt2")
    writer.add_token_list(list(SMALL_VOCAB))
    writer.add_token_types([1] * len(SMALL_VOCAB))
    writer.add_bos_token_id(1)
    writer.add_eos_token_id(2)
    writer.add_chat_template(CHAT_TEMPLATE)
    if extra is not None:
        extra(writer)
    if tensors:
        # numpy shapes are reversed relative to GGUF's ne[]: (rows, row length)
        writer.add_tensor("token_embd.weight",
                          np.ones((len(SMALL_VOCAB), 32), dtype=np.float32))
        writer.add_tensor("blk.0.attn_norm.weight", np.ones((32,), dtype=np.float32))
        writer.add_tensor("blk.1.attn_norm.weight", np.ones((32,), dtype=np.float16))
        # a quantized tensor given as raw bytes: 4 rows of 64 Q8_0 values (2 blocks of 34 bytes)
        writer.add_tensor("blk.1.ffn_up.weight", np.zeros((4, 68), dtype=np.uint8),
                          raw_dtype=GGMLQuantizationType.Q8_0)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


T = TypeVar("T")


class HungError(AssertionError):
    """The call under test did not finish in time."""


def run_with_timeout(fn: Callable[[], T], seconds: float) -> T:
    """Run fn in a thread and fail if it takes longer than ``seconds`` (no pytest-timeout here).

    A hung call leaves a daemon thread behind, but the test fails instead of blocking the run.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise HungError(f"call did not finish within {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]
