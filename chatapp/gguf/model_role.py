"""What a model file is for: chatting, embedding text, or ranking passages.

Read from the GGUF header alone, so the Models pane and the chat pickers can tell an
embedding model from a chat model before anything is loaded. The rules follow llama.cpp
(llama-cpp-python 0.3.36, vendor/llama.cpp): encoder-only architectures cannot generate
text; ``<arch>.pooling_type`` (src/llama-model.cpp reads it into hparams.pooling_type) says
how a model's token states become one vector, and converters write it only for sentence
embedding and reranking models (conversion/base.py, _try_set_pooling_type), which includes
decoder architectures such as Qwen3-Embedding ("qwen3" with last-token pooling).
"""

from __future__ import annotations

from enum import Enum
from typing import Final

from chatapp.gguf.architectures import LLAMA_POOLING_TYPES
from chatapp.gguf.inspect import GgufInfo

__all__ = [
    "EMBEDDING_ARCHITECTURES",
    "POOLING_TYPES",
    "ModelRole",
    "is_chat_model",
    "is_embedding_model",
    "model_role",
    "pooling_type",
]


class ModelRole(Enum):
    CHAT = "chat"
    EMBEDDING = "embedding"  # text to vectors: Local documents' meaning search
    RERANKING = "reranking"  # scores a (question, passage) pair; chatapp does not use these


# Values of enum llama_pooling_type (chatapp.gguf.architectures.LLAMA_POOLING_TYPES).
POOLING_NONE: Final = 0
POOLING_RANK: Final = 4
POOLING_TYPES: Final = LLAMA_POOLING_TYPES

# Architectures in LLM_ARCH_NAMES (src/llama-arch.cpp) that are encoders made for
# embeddings: they have no causal language-model head to chat with (src/models/*.cpp:
# bert, modern-bert, nomic-bert(-moe), neo-bert, jina-bert-v2/v3, eurobert, t5encoder,
# gemma-embedding; llama-embed is Llama with bidirectional attention for embeddings).
EMBEDDING_ARCHITECTURES: Final = frozenset({
    "bert", "modern-bert", "nomic-bert", "nomic-bert-moe", "neo-bert", "jina-bert-v2",
    "jina-bert-v3", "eurobert", "t5encoder", "gemma-embedding", "llama-embed",
})  # fmt: skip


def pooling_type(info: GgufInfo) -> int | None:
    """The file's ``<arch>.pooling_type`` (see POOLING_TYPES), None when it has none."""
    value = info.metadata.get(f"{info.architecture}.pooling_type")
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def model_role(info: GgufInfo) -> ModelRole:
    """What the model in ``info`` is for."""
    pooling = pooling_type(info)
    if pooling == POOLING_RANK:
        return ModelRole.RERANKING
    if pooling is not None and pooling in POOLING_TYPES and pooling != POOLING_NONE:
        return ModelRole.EMBEDDING
    if info.architecture in EMBEDDING_ARCHITECTURES:
        return ModelRole.EMBEDDING
    return ModelRole.CHAT


def is_embedding_model(info: GgufInfo) -> bool:
    return model_role(info) is ModelRole.EMBEDDING


def is_chat_model(info: GgufInfo) -> bool:
    """Whether a chat picker may offer this model (embedding and reranking models: no)."""
    return model_role(info) is ModelRole.CHAT
