"""Telling embedding and reranking models from chat models by their GGUF header."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from chatapp.gguf.architectures import LLAMA_CPP_ARCHITECTURE_NAMES
from chatapp.gguf.inspect import GgufInfo, inspect_gguf
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
