"""Telling embedding and reranking models from chat models by their GGUF header."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from chatapp.gguf.architectures import LLAMA_CPP_ARCHITECTURE_NAMES
from chatapp.gguf.inspect import CorruptGgufError, GgufInfo, inspect_gguf, inspect_gguf_prefix
from chatapp.gguf.model_role import (
    EMBEDDING_ARCHITECTURES,
    ModelRole,
    is_chat_model,
    is_embedding_model,
    model_role,
    pooling_type,
)


def test_the_starter_model_is_a_chat_model(model_path: Path) -> None:
    info = inspect_gguf(model_path)
    assert model_role(info) is ModelRole.CHAT
    assert is_chat_model(info)
    assert not is_embedding_model(info)
    assert pooling_type(info) is None


def test_minilm_is_an_embedding_model(embedding_model_path: Path) -> None:
    info = inspect_gguf(embedding_model_path)
    assert info.architecture == "bert"
    assert pooling_type(info) == 1  # mean
    assert model_role(info) is ModelRole.EMBEDDING
    assert is_embedding_model(info)
    assert not is_chat_model(info)


def _as(info: GgufInfo, architecture: str, **metadata: object) -> GgufInfo:
    return replace(info, architecture=architecture,
                   metadata={**info.metadata, "general.architecture": architecture,
                             **metadata})


@pytest.mark.parametrize(("architecture", "pooling", "role"), [
    # Qwen3-Embedding: a decoder architecture with last-token pooling.
    ("qwen3", 3, ModelRole.EMBEDDING),
    # A decoder whose converter wrote "no pooling" is still a chat model.
    ("qwen3", 0, ModelRole.CHAT),
    # Rerankers (bge-reranker: bert, Qwen3-Reranker: qwen3) pool with "rank".
    ("bert", 4, ModelRole.RERANKING),
    ("qwen3", 4, ModelRole.RERANKING),
    # nomic-embed-text with its pooling key, and an encoder without one.
    ("nomic-bert", 1, ModelRole.EMBEDDING),
    ("jina-bert-v2", None, ModelRole.EMBEDDING),
    # A value llama.cpp does not know is no evidence either way.
    ("llama", 9, ModelRole.CHAT),
])
def test_role_from_architecture_and_pooling(model_path: Path, architecture: str,
                                            pooling: int | None, role: ModelRole) -> None:
    extra = {} if pooling is None else {f"{architecture}.pooling_type": pooling}
    info = _as(inspect_gguf(model_path), architecture, **extra)
    assert model_role(info) is role


def test_a_pooling_key_of_another_type_is_ignored(model_path: Path) -> None:
    info = _as(inspect_gguf(model_path), "llama", **{"llama.pooling_type": "mean"})
    assert model_role(info) is ModelRole.CHAT


def test_embedding_architectures_are_llama_cpp_names() -> None:
    # The list is checked against llama.cpp's own names (themselves checked against the
    # vendored sources in test_architectures.py).
    assert EMBEDDING_ARCHITECTURES <= LLAMA_CPP_ARCHITECTURE_NAMES


def test_embedding_architectures_cannot_generate_text_in_llama_cpp() -> None:
    """Each is an encoder in the vendored llama.cpp: no KV cache (create_memory returns
    none), no decoder, or built as an embedding graph."""
    from tests.unit.gguf.test_architectures import block, source

    names = {name: enum for enum, name in
             re.findall(r'\{\s*(LLM_ARCH_\w+),\s*"([^"]+)"\s*\}', source("src/llama-arch.cpp"))}
    model = source("src/llama-model.cpp")
    memoryless = block(model, "llama_model::create_memory", "res = nullptr;")
    no_decoder = block(model, "bool llama_model_has_decoder", "default:")
    for name in EMBEDDING_ARCHITECTURES:
        enum = names[name]
        if name == "llama-embed":  # Llama's graph built in embedding mode
            assert "graph<true>" in source("src/models/llama-embed.cpp")
        elif name == "t5encoder":
            assert f"case {enum}: return false" in no_decoder
        else:
            assert f"case {enum}:" in memoryless, name


def test_an_unknown_pooling_type_is_refused_before_llama_cpp_aborts(
        embedding_model_path: Path, tmp_path: Path) -> None:
    data = bytearray(embedding_model_path.read_bytes()[:4_000_000])
    key = b"bert.pooling_type"
    at = data.index(key) + len(key)
    # The value follows the key and its type (u32): 1 (mean) becomes 9.
    assert int.from_bytes(data[at + 4:at + 8], "little") == 1
    data[at + 4:at + 8] = (9).to_bytes(4, "little")
    with pytest.raises(CorruptGgufError, match="pooling type 9 is unknown"):
        inspect_gguf_prefix(bytes(data))
    data[at + 4:at + 8] = (0xFFFFFFFF).to_bytes(4, "little")  # "unspecified" is allowed
    assert inspect_gguf_prefix(bytes(data)).architecture == "bert"
