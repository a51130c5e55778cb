"""Property-based tests: damaged files only ever raise GgufError (quickly), and metadata written
by the reference GGUFWriter reads back unchanged."""

from __future__ import annotations

import struct
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatapp.gguf.inspect import (
    METADATA_STRING_CHARS,
    GgufError,
    GgufInfo,
    NeedMoreData,
    inspect_gguf,
    inspect_gguf_prefix,
)

from .gguf_factory import RawGguf, valid_bytes, write_with_gguf_writer

SEED_FILES: dict[str, bytes] = {}


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="gguf-hypothesis-") as name:
        path = Path(name)
        SEED_FILES["raw"] = valid_bytes()
        SEED_FILES["writer"] = write_with_gguf_writer(path / "seed.gguf").read_bytes()
        SEED_FILES["v2"] = RawGguf(version=2).build()
        yield path


INTERESTING = [0, 1, 2, 3, 4, 7, 8, 9, 12, 13, 31, 32, 33, 63, 64, 255, 256, 2**16 - 1,
               2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**62, 2**63 - 1, 2**63, 2**64 - 1, 1 << 30]

# One edit to a file: (kind, position as a fraction of the length, value)
edits = st.tuples(
    st.sampled_from(["truncate", "byte", "u32", "u64", "insert", "delete"]),
    st.floats(min_value=0.0, max_value=1.0, allow_nan=False),
    st.one_of(st.sampled_from(INTERESTING), st.integers(min_value=0, max_value=2**64 - 1)),
)


def apply(data: bytes, changes: list[tuple[str, float, int]]) -> bytes:
    out = bytearray(data)
    for kind, where, value in changes:
        at = min(int(where * len(out)), max(len(out) - 1, 0))
        if kind == "truncate":
            del out[at:]
        elif kind == "byte" and out:
            out[at] = value & 0xFF
        elif kind == "u32" and len(out) >= 4:
            at = min(at, len(out) - 4)
            out[at : at + 4] = struct.pack("<I", value & 0xFFFFFFFF)
        elif kind == "u64" and len(out) >= 8:
            at = min(at, len(out) - 8)
            out[at : at + 8] = struct.pack("<Q", value)
        elif kind == "insert":
            out[at:at] = struct.pack("<Q", value)[: 1 + value % 8]
        elif kind == "delete":
            del out[at : at + 1 + value % 16]
    return bytes(out)


def inspect_bounded(call: Any) -> GgufInfo | None:
    """Run an inspection: it may succeed or raise GgufError, nothing else, and fast."""
    started = time.perf_counter()
    result: GgufInfo | None = None
    try:
        result = call()
    except GgufError as error:
        assert error.user_message and error.detail
        assert str(error) == error.user_message
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"took {elapsed:.2f} s"
    return result


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(["raw", "writer", "v2"]), changes=st.lists(edits, min_size=1,
                                                                      max_size=4))
def test_damaged_files_only_raise_gguf_error(
    workdir: Path, seed: str, changes: list[tuple[str, float, int]]
) -> None:
    data = apply(SEED_FILES[seed], changes)
    info = inspect_bounded(lambda: inspect_gguf_prefix(data, total_size=len(data)))
    if info is not None:
        # whatever we accept is laid out inside the file
        assert info.file_size == len(data)
        for t in info.tensors:
            assert info.data_offset + t.offset + t.n_bytes <= len(data)
            assert t.offset % info.alignment == 0
        ends = [t.offset + t.n_bytes for t in info.tensors]
        starts = [t.offset for t in info.tensors]
        assert all(end <= start for end, start in zip(ends, starts[1:], strict=False))
    # a prefix of unknown total size: GgufError or NeedMoreData, never anything else
    try:
        inspect_bounded(lambda: inspect_gguf_prefix(data[: len(data) // 2]))
    except NeedMoreData as more:
        assert more.needed > len(data) // 2


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(edits, min_size=1, max_size=3))
def test_damaged_files_on_disk(workdir: Path, changes: list[tuple[str, float, int]]) -> None:
    path = workdir / "damaged.gguf"
    data = apply(SEED_FILES["writer"], changes)
    path.write_bytes(data)
    from_file = inspect_bounded(lambda: inspect_gguf(path))
    from_memory = inspect_bounded(lambda: inspect_gguf_prefix(data, total_size=len(data)))
    assert from_file == from_memory


# --- metadata round trip -----------------------------------------------------------------------

keys = st.from_regex(r"\Atest\.[a-z][a-z0-9_]{0,15}\Z")
text = st.text(st.characters(codec="utf-8"), max_size=METADATA_STRING_CHARS + 50)


def typed_values() -> st.SearchStrategy[tuple[str, Any]]:
    def ints(kind: str, lo: int, hi: int) -> st.SearchStrategy[tuple[str, Any]]:
        return st.tuples(st.just(kind), st.integers(min_value=lo, max_value=hi))

    return st.one_of(
        ints("UINT8", 0, 2**8 - 1), ints("INT8", -(2**7), 2**7 - 1),
        ints("UINT16", 0, 2**16 - 1), ints("INT16", -(2**15), 2**15 - 1),
        ints("UINT32", 0, 2**32 - 1), ints("INT32", -(2**31), 2**31 - 1),
        ints("UINT64", 0, 2**64 - 1), ints("INT64", -(2**63), 2**63 - 1),
        st.tuples(st.just("FLOAT32"), st.floats(width=32, allow_nan=False)),
        st.tuples(st.just("FLOAT64"), st.floats(allow_nan=False)),
        st.tuples(st.just("BOOL"), st.booleans()),
        st.tuples(st.just("STRING"), text),
        # GGUFWriter refuses to write empty arrays
        st.tuples(st.just("ARRAY:UINT32"), st.lists(st.integers(min_value=0, max_value=2**32 - 1),
                                                    min_size=1, max_size=20)),
        st.tuples(st.just("ARRAY:STRING"),
                  st.lists(st.text(max_size=10), min_size=1, max_size=20)),
    )


ARRAY_NAMES = {"UINT32": "u32", "STRING": "str"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.dictionaries(keys, typed_values(), max_size=8))
def test_metadata_round_trips(workdir: Path, entries: dict[str, tuple[str, Any]]) -> None:
    from gguf import GGUFValueType

    def add(writer: Any) -> None:
        for key, (kind, value) in entries.items():
            if kind.startswith("ARRAY:"):
                sub = GGUFValueType[kind.partition(":")[2]]
                writer.add_key_value(key, value, GGUFValueType.ARRAY, sub_type=sub)
            else:
                writer.add_key_value(key, value, GGUFValueType[kind])

    path = write_with_gguf_writer(workdir / "roundtrip.gguf", extra=add)
    info = inspect_gguf(path)
    for key, (kind, value) in entries.items():
        got = info.metadata[key]
        if kind.startswith("ARRAY:"):
            assert got == ("array", ARRAY_NAMES[kind.partition(":")[2]], len(value))
        elif kind == "STRING":
            assert got == value[:METADATA_STRING_CHARS]
        elif kind == "FLOAT32":
            assert got == float(np.float32(value))
        else:
            assert got == value
            assert type(got) is type(value)
    assert info.metadata["general.architecture"] == "llama"  # the model itself still reads
