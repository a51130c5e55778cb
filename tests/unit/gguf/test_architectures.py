"""The literal tables in chatapp.gguf.architectures against the llama.cpp sources they were
copied from (the llama-cpp-python sdist), so an engine upgrade cannot silently leave them stale.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from chatapp.gguf import inspect as gguf_inspect
from chatapp.gguf.architectures import (
    GGML_TYPE_COUNT,
    GGML_TYPES,
    LLAMA_CPP_ARCHITECTURE_NAMES,
    LLAMA_CPP_PYTHON_VERSION,
    LLAMA_FTYPE_LABELS,
    LLAMA_MAX_EXPERTS,
    LLAMA_MAX_LAYERS,
    LLAMA_POOLING_TYPES,
    NOT_MAIN_MODEL_ARCHITECTURES,
    ROPE_SCALING_TYPES,
    SUPPORTED_ARCHITECTURES,
)

REPO_ROOT = Path(__file__).resolve().parents[3]


def sdist_dir() -> Path:
    configured = os.environ.get("CHATAPP_LLAMA_SDIST_DIR")
    path = (Path(configured) if configured
            else REPO_ROOT / "build" / "sdist" / f"llama_cpp_python-{LLAMA_CPP_PYTHON_VERSION}")
    if not (path / "vendor" / "llama.cpp").is_dir():
        pytest.skip(
            f"llama-cpp-python {LLAMA_CPP_PYTHON_VERSION} sdist not found at {path} "
            "(set CHATAPP_LLAMA_SDIST_DIR, or let the Makefile fetch it into build/sdist)"
        )
    return path / "vendor" / "llama.cpp"


def source(relative: str) -> str:
    return (sdist_dir() / relative).read_text(encoding="utf-8")


def block(text: str, start: str, end: str = "};") -> str:
    """The text from ``start`` up to the next ``end``."""
    at = text.index(start)
    return text[at : text.index(end, at)]


# --- without the sdist -------------------------------------------------------------------------


def test_tables_are_self_consistent() -> None:
    assert {"llama", "qwen2", "qwen3", "gemma3", "phi3", "mistral3"} <= SUPPORTED_ARCHITECTURES
    assert SUPPORTED_ARCHITECTURES == LLAMA_CPP_ARCHITECTURE_NAMES - NOT_MAIN_MODEL_ARCHITECTURES
    assert "clip" not in SUPPORTED_ARCHITECTURES
    assert "(unknown)" not in LLAMA_CPP_ARCHITECTURE_NAMES
    assert sorted(GGML_TYPES) == list(range(GGML_TYPE_COUNT))
    for type_id, t in GGML_TYPES.items():
        assert t.type_id == type_id
        assert (t.block_size == 0) == (t.type_size == 0) == t.removed
    assert GGML_TYPES[12].name == "Q4_K" and not GGML_TYPES[12].removed
    assert GGML_TYPES[31].removed
    assert LLAMA_FTYPE_LABELS[15] == "Q4_K_M"
    assert len(set(LLAMA_FTYPE_LABELS.values())) == len(LLAMA_FTYPE_LABELS)


# --- against the sdist -------------------------------------------------------------------------


def test_architectures_match_llm_arch_names() -> None:
    names = re.findall(r'\{\s*LLM_ARCH_\w+\s*,\s*"([^"]*)"\s*\}',
                       block(source("src/llama-arch.cpp"), "LLM_ARCH_NAMES = {"))
    assert "llama" in names  # the parse found the table
    sentinels = {n for n in names if n.startswith("(")}
    assert sentinels == {"(unknown)"}
    assert set(names) - sentinels == LLAMA_CPP_ARCHITECTURE_NAMES
    assert len(names) - len(sentinels) == len(LLAMA_CPP_ARCHITECTURE_NAMES)  # no duplicates


def test_clip_is_still_refused_as_a_main_model() -> None:
    text = source("src/llama.cpp")
    assert "CLIP cannot be used as main model" in text
    assert frozenset({"clip"}) == NOT_MAIN_MODEL_ARCHITECTURES


def ggml_type_enum() -> tuple[dict[str, int], dict[str, int]]:
    """(live, removed) members of enum ggml_type; removed ones are commented out."""
    enum = block(source("ggml/include/ggml.h"), "enum ggml_type {")
    live = {m[0]: int(m[1]) for m in re.findall(r"^\s*GGML_TYPE_(\w+)\s*=\s*(\d+)", enum, re.M)}
    removed = {m[0]: int(m[1])
               for m in re.findall(r"^\s*//\s*GGML_TYPE_(\w+)\s*=\s*(\d+)", enum, re.M)}
    return live, removed


def test_ggml_type_ids_and_names_match_ggml_h() -> None:
    live, removed = ggml_type_enum()
    assert live.pop("COUNT") == GGML_TYPE_COUNT
    ours_live = {t.name: t.type_id for t in GGML_TYPES.values() if not t.removed}
    ours_removed = {t.name: t.type_id for t in GGML_TYPES.values() if t.removed}
    assert ours_live == live
    assert ours_removed == removed


def type_traits() -> dict[int, tuple[str, str]]:
    """type id -> (blck_size expression, type_size expression) from ggml.c's type_traits."""
    live, removed = ggml_type_enum()
    ids = {f"GGML_TYPE_{name}": i for name, i in {**live, **removed}.items()}
    table = block(source("ggml/src/ggml.c"), "type_traits[GGML_TYPE_COUNT] = {", "\n};")
    table = table[table.index("{") + 1 :]
    out = {}
    for key, body in re.findall(r"\[(\w+)\]\s*=\s*\{(.*?)\n    \}", table, re.S):
        type_id = int(key) if key.isdigit() else ids[key]
        blck = re.search(r"\.blck_size\s*=\s*([^,]+),", body)
        size = re.search(r"\.type_size\s*=\s*([^,]+),", body)
        assert blck and size, key
        out[type_id] = (blck.group(1).strip(), size.group(1).strip())
    return out


def test_removed_types_have_no_block_size_in_ggml_c() -> None:
    traits = type_traits()
    assert sorted(traits) == list(range(GGML_TYPE_COUNT))
    for type_id, (blck, size) in traits.items():
        assert (blck == "0") == GGML_TYPES[type_id].removed, type_id
        if blck == "0":
            assert size == "0"


def test_block_and_type_sizes_match_ggml_c(tmp_path: Path) -> None:
    """Evaluate ggml.c's blck_size / sizeof(block_*) expressions with the C compiler."""
    compiler = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to evaluate sizeof(block_*) from ggml-common.h")
    root = sdist_dir()
    traits = type_traits()
    lines = [
        "#define GGML_COMMON_DECL_C",
        '#include "ggml.h"',
        '#include "ggml-common.h"',
        "#include <stdio.h>",
        "int main(void) {",
        *(f'    printf("%d %lld %zu\\n", {type_id}, (long long)({blck}), (size_t)({size}));'
          for type_id, (blck, size) in sorted(traits.items())),
        "    return 0;",
        "}",
    ]
    program = tmp_path / "sizes.c"
    program.write_text("\n".join(lines) + "\n")
    binary = tmp_path / "sizes"
    subprocess.run([compiler, f"-I{root / 'ggml/include'}", f"-I{root / 'ggml/src'}",
                    str(program), "-o", str(binary)], check=True, capture_output=True)
    output = subprocess.run([str(binary)], check=True, capture_output=True, text=True).stdout
    actual = {int(i): (int(b), int(s)) for i, b, s in (line.split() for line in output.split("\n")
                                                       if line)}
    ours = {t.type_id: (t.block_size, t.type_size) for t in GGML_TYPES.values()}
    assert ours == actual


def test_ftype_labels_match_llama_h() -> None:
    enum = block(source("include/llama.h"), "enum llama_ftype {")
    live = {int(v): name
            for name, v in re.findall(r"^\s*LLAMA_FTYPE_(\w+)\s*=\s*(\d+)", enum, re.M)}
    assert live.pop(1024) == "GUESSED"
    expected = {v: re.sub(r"^(MOSTLY|ALL)_", "", name) for v, name in live.items()}
    assert dict(LLAMA_FTYPE_LABELS) == expected


def test_pooling_types_match_llama_h() -> None:
    enum = block(source("include/llama.h"), "enum llama_pooling_type {")
    live = {int(v): name.lower()
            for name, v in re.findall(r"LLAMA_POOLING_TYPE_(\w+)\s*=\s*(-?\d+)", enum)}
    assert live.pop(-1) == "unspecified"
    assert dict(LLAMA_POOLING_TYPES) == live


def test_loader_limits_match_llama_cpp() -> None:
    hparams = source("src/llama-hparams.h")
    assert re.search(rf"#define LLAMA_MAX_LAYERS\s+{LLAMA_MAX_LAYERS}\b", hparams)
    assert re.search(rf"#define LLAMA_MAX_EXPERTS\s+{LLAMA_MAX_EXPERTS}\b", hparams)
    model = source("src/llama-model.cpp")
    rope = block(model, "LLAMA_ROPE_SCALING_TYPES = {")
    assert set(re.findall(r'"(\w+)"', rope)) == ROPE_SCALING_TYPES
    assert ("GGML_ASSERT(hparams.n_layer_all > 0 && hparams.n_layer_all <= LLAMA_MAX_LAYERS)"
            in model)


def test_gguf_parser_limits_match_gguf_cpp() -> None:
    gguf_cpp = source("ggml/src/gguf.cpp")
    assert "#define GGUF_MAX_STRING_LENGTH  (1024*1024*1024)" in gguf_cpp
    assert "#define GGUF_MAX_ARRAY_ELEMENTS (1024*1024*1024)" in gguf_cpp
    assert gguf_inspect.GGUF_MAX_STRING_LENGTH == gguf_inspect.GGUF_MAX_ARRAY_ELEMENTS == 1024**3
    gguf_h = source("ggml/include/gguf.h")
    assert f"#define GGUF_VERSION {gguf_inspect.GGUF_VERSION}\n" in gguf_h
    assert f"#define GGUF_DEFAULT_ALIGNMENT {gguf_inspect.GGUF_DEFAULT_ALIGNMENT}\n" in gguf_h
    assert "GGUF_TYPE_COUNT," in gguf_h and "GGUF_TYPE_FLOAT64 = 12," in gguf_h
    ggml_h = source("ggml/include/ggml.h")
    assert re.search(rf"#define GGML_MAX_DIMS\s+{gguf_inspect.GGML_MAX_DIMS}\b", ggml_h)
    assert re.search(rf"#\s*define GGML_MAX_NAME\s+{gguf_inspect.GGML_MAX_NAME}\b", ggml_h)
