"""LlamaEmbedder with the real all-MiniLM-L6-v2, converted by tests/embedding_model.py.

The vectors are checked against a forward pass of the same safetensors written here in
numpy (BERT, mean pooling, L2 norm: what sentence-transformers computes), with the
tokenizer's own token ids (the tokenizers library reads tokenizer.json). That checks the
converter and the embedder at once.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from safetensors.numpy import load_file
from tokenizers import Tokenizer

from chatapp.engine.embedding import (
    EmbeddingError,
    EmbeddingModelError,
    LlamaEmbedder,
    load_embedder,
)
from chatapp.engine.errors import ModelLoadError
from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.passing_thread import run_in_passing_thread
from chatapp.errors import UserFacingError
from tests.embedding_model import minilm_model_dir

Vector = npt.NDArray[np.float64]

SENTENCES = [
    "A man is eating food.",
    "A man is eating a piece of bread.",
    "The girl is carrying a baby.",
    "A man is riding a horse.",
    "Ünïcödé naïve café, résumé: 東京 and emoji 🚀 too.",
]


@pytest.fixture(scope="module")
def embedder(embedding_model_path: Path) -> Iterator[LlamaEmbedder]:
    with LlamaEmbedder(embedding_model_path, n_threads=1) as loaded:
        yield loaded


class ReferenceBert:
    """sentence-transformers' all-MiniLM-L6-v2 (BertModel, mean pooling, normalize) in
    numpy, in float64."""

    def __init__(self, model_dir: Path) -> None:
        self.w = {k: v.astype(np.float64) for k, v in
                  load_file(str(model_dir / "model.safetensors")).items()}
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()  # the file pads to 128 for batches; one text needs none
        self.tokenizer.no_truncation()
        self.layers = 6
        self.heads = 12

    def ids(self, text: str) -> list[int]:
        return list(self.tokenizer.encode(text).ids)

    def embed(self, text: str) -> Vector:
        w = self.w
        ids = np.array(self.ids(text))
        n = len(ids)
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        erf = np.vectorize(math.erf)
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            def linear(t: Vector, name: str, p: str = p) -> Vector:
                out: Vector = t @ w[p + name + ".weight"].T + w[p + name + ".bias"]
                return out

            size = x.shape[1] // self.heads
            q, k, v = (linear(x, f"attention.self.{m}").reshape(n, self.heads, size)
                       .transpose(1, 0, 2) for m in ("query", "key", "value"))
            scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            attended = (scores @ v).transpose(1, 0, 2).reshape(n, -1)
            x = _layer_norm(x + linear(attended, "attention.output.dense"),
                            w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"])
            hidden = linear(x, "intermediate.dense")
            hidden = 0.5 * hidden * (1 + erf(hidden / math.sqrt(2)))  # exact GELU, as BERT
            x = _layer_norm(x + linear(hidden, "output.dense"),
                            w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        pooled: Vector = x.mean(axis=0)
        result: Vector = pooled / np.linalg.norm(pooled)
        return result


def _layer_norm(x: Vector, weight: Vector, bias: Vector, eps: float = 1e-12) -> Vector:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    out: Vector = (x - mean) / np.sqrt(var + eps) * weight + bias
    return out


@pytest.fixture(scope="module")
def reference() -> ReferenceBert:
    return ReferenceBert(minilm_model_dir())


def test_vectors_match_a_reference_forward_pass(embedder: LlamaEmbedder,
                                                reference: ReferenceBert) -> None:
    vectors = np.array(embedder.embed(SENTENCES))
    assert vectors.shape == (len(SENTENCES), 384)
    for text, vector in zip(SENTENCES, vectors, strict=True):
        # Same tokens as the model's own tokenizer (the GGUF's WordPiece vocabulary).
        assert embedder.count_tokens(text) == len(reference.ids(text))
        expected = reference.embed(text)
        # F16 weights: within a few 1e-4 of the float64 reference.
        assert np.abs(vector - expected).max() < 2e-3, text
        assert float(vector @ expected) > 0.9999, text


def test_vectors_are_unit_length_and_paraphrases_are_close(embedder: LlamaEmbedder) -> None:
    vectors = np.array(embedder.embed(SENTENCES[:4]))
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    # all-MiniLM-L6-v2's known behaviour on these: the paraphrase pair ~0.75, others < 0.3.
    assert similarity[0, 1] > 0.7
    for i, j in ((0, 2), (1, 2), (2, 3), (1, 3)):
        assert similarity[i, j] < 0.3


def test_batched_vectors_equal_one_at_a_time(embedder: LlamaEmbedder) -> None:
    """Many texts share a batch (and fill several): each is masked from the others."""
    texts = [f"Passage {i}: " + " ".join(["the river bank", "a savings bank", "loans"][i % 3]
                                         for _ in range(5 + i)) for i in range(40)]
    assert sum(embedder.count_tokens(t) for t in texts) > 3 * embedder.max_tokens
    together = np.array(embedder.embed(texts))
    alone = np.array([embedder.embed([text])[0] for text in texts])
    # Flash attention rounds through f16, so batch shapes differ in the 4th decimal; a
    # text seeing its batch-mates would differ by tenths.
    assert np.abs(together - alone).max() < 1e-3


def test_a_long_text_is_cut_to_the_context(embedder: LlamaEmbedder) -> None:
    assert embedder.max_tokens == 512  # the model's trained context
    start = "alpha beta gamma delta " * 200  # 800 words: past 512 tokens
    a, b = start + "the ending about cats", start + "a quite different ending about ships"
    assert embedder.count_tokens(a) > 512
    vectors = np.array(embedder.embed(["short", a, b]))
    assert embedder.last_truncated == (1, 2)
    # Cut at the same place, before the endings: the same vector.
    assert np.abs(vectors[1] - vectors[2]).max() < 1e-5
    assert abs(float(np.linalg.norm(vectors[1])) - 1) < 1e-5
    embedder.embed(["short"])
    assert len(embedder.last_truncated) == 0


def test_special_token_text_stays_text(embedder: LlamaEmbedder) -> None:
    # "[SEP]" in a document is five characters, not the separator: [CLS] [ sep ] [SEP].
    assert embedder.count_tokens("[SEP]") == 5
    assert embedder.count_tokens("") == 2


def test_empty_inputs(embedder: LlamaEmbedder) -> None:
    assert embedder.embed([]) == []
    (vector,) = embedder.embed([""])
    assert len(vector) == 384
    assert abs(float(np.linalg.norm(vector)) - 1) < 1e-5


def test_identity(embedder: LlamaEmbedder, embedding_model_path: Path) -> None:
    assert embedder.dimensions == 384
    assert embedder.model_id == (f"{embedding_model_path.name}#"
                                 f"{embedding_model_path.stat().st_size}")


def test_a_chat_model_is_refused(model_path: Path) -> None:
    with pytest.raises(EmbeddingModelError) as caught:
        LlamaEmbedder(model_path)
    assert isinstance(caught.value, UserFacingError)
    assert "chat model" in caught.value.user_message
    assert "Models pane" in caught.value.user_message


def test_a_file_that_is_no_model_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.gguf"
    bogus.write_bytes(b"this is not a model" * 100)
    with pytest.raises(EmbeddingModelError) as caught:
        LlamaEmbedder(bogus)
    assert "notes.gguf" in caught.value.user_message
    with pytest.raises(EmbeddingModelError):
        LlamaEmbedder(tmp_path / "missing.gguf")


def test_embed_after_close_says_so(embedding_model_path: Path) -> None:
    closed = LlamaEmbedder(embedding_model_path, n_threads=1)
    closed.close()
    with pytest.raises(EmbeddingError, match="closed"):
        closed.embed(["text"])


def test_load_embedder_probes_once(embedding_model_path: Path, tmp_path: Path) -> None:
    cache = ProbeCache(tmp_path / "probe.json")
    with load_embedder(embedding_model_path, probe_cache=cache, n_threads=1) as loaded:
        assert loaded.dimensions == 384
    # The child process ran the model in embedding mode and hashed the file.
    assert cache.known_sha256(embedding_model_path) is not None


def test_load_embedder_refuses_a_chat_model_before_probing(model_path: Path,
                                                           tmp_path: Path) -> None:
    cache = ProbeCache(tmp_path / "probe.json")
    with pytest.raises(EmbeddingModelError, match="not an embedding model"):
        load_embedder(model_path, probe_cache=cache)
    assert cache.known_sha256(model_path) is None


def test_an_embedding_model_is_not_loaded_for_chat(embedding_model_path: Path,
                                                   tmp_path: Path) -> None:
    from chatapp.engine.model_loader import load_model
    from chatapp.hardware import detect_hardware

    cache = ProbeCache(tmp_path / "probe.json")
    with pytest.raises(ModelLoadError, match=r"embedding model.*cannot chat"):
        load_model(embedding_model_path, requested_context=256, requested_threads=1,
                   hardware=detect_hardware(), probe_cache=cache)
    assert cache.known_sha256(embedding_model_path) is None  # refused before the probe


def test_vectors_are_computed_in_a_thread_that_ends(embedder: LlamaEmbedder,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # A long-lived thread that computed keeps an OpenMP team, which slowed the engine
    # thread's replies 2.6x on two cores for as long as the indexing thread lived.
    computing: list[threading.Thread] = []
    decode_group = embedder._decode_group

    def recorded(*args: Any) -> None:
        computing.append(threading.current_thread())
        decode_group(*args)

    monkeypatch.setattr(embedder, "_decode_group", recorded)
    assert len(embedder.embed(["the first", "the second"])) == 2
    assert computing
    assert all(thread is not threading.current_thread() for thread in computing)
    assert not any(thread.is_alive() for thread in computing)


def test_a_failure_in_the_passing_thread_is_raised_to_the_caller() -> None:
    def fails() -> None:
        raise EmbeddingError("the message", detail="the detail")

    with pytest.raises(EmbeddingError, match="the message"):
        run_in_passing_thread(fails)
    assert run_in_passing_thread(lambda: threading.current_thread().name, "x") == "x"
