"""Text to vectors with llama.cpp in embedding mode, for Local documents' meaning search.

llama-cpp-python loads the model; the batching is ours, against llama.cpp's C API, as
llama.cpp's own llama-embedding does it: many texts packed into one batch, one sequence
each, every token marked as an output, one decode, then one pooled vector per sequence.
(``Llama.embed`` cuts a long text's tokens at the batch size, losing the closing [SEP] the
model was trained with, and re-tokenizes everything through Python lists.)

A text longer than the model's context is cut to fit, keeping the tokens the tokenizer adds
around it; ``last_truncated`` says which texts were cut in the last call.

Use an embedder from one thread at a time (like LlamaEngine).
"""

from __future__ import annotations

import ctypes
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import llama_cpp
import numpy as np
from llama_cpp import Llama

from chatapp.engine import native_log
from chatapp.engine.backend_loading import ensure_backends_loaded
from chatapp.engine.errors import EngineError, LoadCancelledError, ModelLoadError
from chatapp.engine.load_probe import ProbeCache, probe_model
from chatapp.engine.model_loader import check_model_file
from chatapp.engine.passing_thread import run_in_passing_thread
from chatapp.engine.token_buffer import TokenBuffer
from chatapp.gguf.inspect import GgufInfo
from chatapp.gguf.model_role import POOLING_NONE, ModelRole, model_role
from chatapp.i18n import translate

__all__ = [
    "DEFAULT_BATCH_TOKENS",
    "EmbeddingError",
    "EmbeddingModelError",
    "LlamaEmbedder",
    "load_embedder",
]

log = logging.getLogger(__name__)

# The most tokens decoded together. An encoder attends over its whole batch (masked per
# text), so a batch costs the square of its size: packing many short texts (questions,
# titles) saves calls, packing long passages only adds work. The batch is also never more
# than the model's trained context: llama.cpp warns of a context past it (and
# llama-cpp-python caps the batch at the context).
DEFAULT_BATCH_TOKENS: Final = 1024
# llama.cpp rounds a context up to a multiple of this (src/llama-context.cpp, GGML_PAD).
_CONTEXT_STEP: Final = 256


class EmbeddingError(EngineError):
    """Embedding text failed; the message says what to do."""


class EmbeddingModelError(EmbeddingError, ModelLoadError):
    """The file cannot be used as an embedding model (not one, or it failed to load)."""


class LlamaEmbedder:
    """An embedding model in memory: ``embed`` turns texts into L2-normalized vectors.

    Satisfies chatapp.knowledge's Embedder protocol (model_id, dimensions, embed).
    """

    def __init__(self, model_path: Path, *, n_ctx: int | None = None,
                 n_threads: int | None = None,
                 batch_tokens: int = DEFAULT_BATCH_TOKENS) -> None:
        """Check the file's header and load it (load_embedder also test-loads it apart
        first, for files from elsewhere).

        ``n_ctx``: the most tokens of one text (None: the model's trained context, at most
        the batch); ``n_threads``: CPU threads (None: llama-cpp-python's default);
        ``batch_tokens``: the most tokens decoded together (at most the trained context).
        """
        if batch_tokens < 8:
            raise ValueError(f"batch_tokens {batch_tokens} is too small")
        info = _embedding_model_info(model_path)
        ensure_backends_loaded()
        native_log.install()
        native_log.take_recent_problems()
        self.model_path = model_path
        self._model_id = f"{model_path.name}#{info.file_size}"
        trained = info.context_length or batch_tokens
        fits = max(_CONTEXT_STEP, trained // _CONTEXT_STEP * _CONTEXT_STEP)
        self._batch_tokens = min(batch_tokens, fits)
        try:
            self._llama = Llama(
                model_path=str(model_path),
                embedding=True,
                n_ctx=self._batch_tokens,
                n_batch=self._batch_tokens,
                # An encoder needs each batch in one micro-batch (llama-embedding does so).
                n_ubatch=self._batch_tokens,
                n_threads=n_threads,
                n_threads_batch=n_threads,
                n_gpu_layers=0,
                # llama-embedding's default (auto) picks flash attention on the CPU; without
                # it each batch's attention runs 2.5x slower here (bench: embed_native_ratio).
                flash_attn=True,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as error:
            problems = native_log.take_recent_problems()
            if problems:
                message = translate(
                    "Embedding", "{name} could not be loaded as an embedding model ({problem}). "
                    "The file may be damaged; download it again or choose another model.")
            else:
                message = translate(
                    "Embedding", "{name} could not be loaded as an embedding model. The file may "
                    "be damaged; download it again or choose another model.")
            raise EmbeddingModelError(
                message.format(name=model_path.name, problem=problems[-1] if problems else ""),
                detail="; ".join([str(error), *problems])) from error
        self._batch: llama_cpp.llama_batch | None = None
        try:
            self._set_up(n_ctx)
        except BaseException:
            self.close()
            raise

    def _set_up(self, n_ctx: int | None) -> None:
        self._ctx = self._llama._ctx.ctx
        model = self._llama._model.model
        self._vocab = llama_cpp.llama_model_get_vocab(model)
        self._memory = llama_cpp.llama_get_memory(self._ctx)
        pooling = int(llama_cpp.llama_pooling_type(self._ctx))
        if pooling in (POOLING_NONE, llama_cpp.LLAMA_POOLING_TYPE_RANK):
            raise EmbeddingModelError(
                translate("Embedding", "{name} does not make one vector per text (it is a chat "
                          "or reranking model), so it cannot be used for Local documents. Choose "
                          "an embedding model in the Models pane.").format(
                              name=self.model_path.name),
                detail=f"pooling type {pooling}")
        n_out = getattr(llama_cpp, "llama_model_n_embd_out", llama_cpp.llama_model_n_embd)
        self._dimensions = int(n_out(model))
        trained = int(llama_cpp.llama_model_n_ctx_train(model))
        limit = min(trained if trained > 0 else self._batch_tokens, self._batch_tokens)
        self._max_tokens = max(8, min(n_ctx, limit) if n_ctx else limit)
        self._max_sequences = max(1, min(int(llama_cpp.llama_max_parallel_sequences()),
                                         self._batch_tokens))
        self._uses_encoder = bool(llama_cpp.llama_model_has_encoder(model)) and not bool(
            llama_cpp.llama_model_has_decoder(model))
        self._batch = llama_cpp.llama_batch_init(self._batch_tokens, 0, 1)
        self._tokens = TokenBuffer(self._vocab)
        # What the tokenizer puts around every text ([CLS] ... [SEP] for BERT): kept
        # when a long text is cut.
        bare = self._tokenize(b"a", add_special=False)
        framed = self._tokenize(b"a", add_special=True)
        start = _find(framed, bare)
        self._prefix = framed[:start] if start >= 0 else []
        self._suffix = framed[start + len(bare):] if start >= 0 else []
        self.last_truncated: tuple[int, ...] = ()

    # -- the Embedder protocol ---------------------------------------------------------

    @property
    def model_id(self) -> str:
        """The file name and size: another file means other vectors."""
        return self._model_id

    @property
    def dimensions(self) -> int:
        return self._dimensions

    @property
    def max_tokens(self) -> int:
        """The most tokens of one text that are embedded; the rest is cut."""
        return self._max_tokens

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One L2-normalized vector per text, in order."""
        if self._batch is None:
            raise EmbeddingError(translate("Embedding", "The embedding model was closed."),
                                 detail="embed after close")
        sequences: list[list[int]] = []
        truncated: list[int] = []
        for index, text in enumerate(texts):
            tokens = self._tokens_of(text)
            if len(tokens) > self._max_tokens:
                tokens = self._cut(tokens)
                truncated.append(index)
            sequences.append(tokens)
        if truncated:
            # Counts only: what people wrote never goes to the log.
            log.info("%d of %d texts were longer than %d tokens and were cut to fit",
                     len(truncated), len(texts), self._max_tokens)
        self.last_truncated = tuple(truncated)
        # Computed in a thread of its own: a long-lived thread that computes slows the
        # engine thread's generation for as long as it lives (see passing_thread).
        vectors = run_in_passing_thread(lambda: self._decode_all(sequences), "embedding")
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        normalized = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
        result: list[list[float]] = normalized.tolist()
        return result

    def _decode_all(self, sequences: list[list[int]]) -> np.ndarray:
        vectors = np.empty((len(sequences), self._dimensions), dtype=np.float32)
        group: list[int] = []
        group_tokens = 0
        for index, tokens in enumerate(sequences):
            if group and (group_tokens + len(tokens) > self._batch_tokens
                          or len(group) >= self._max_sequences):
                self._decode_group(group, sequences, vectors)
                group, group_tokens = [], 0
            group.append(index)
            group_tokens += len(tokens)
        if group:
            self._decode_group(group, sequences, vectors)
        return vectors

    def count_tokens(self, text: str) -> int:
        """The tokens ``text`` makes as the model reads it (with [CLS]/[SEP] and the like),
        before any cut."""
        return len(self._tokens_of(text))

    def close(self) -> None:
        if self._batch is not None:
            llama_cpp.llama_batch_free(self._batch)
            self._batch = None
        self._llama.close()

    def __enter__(self) -> LlamaEmbedder:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- internals ---------------------------------------------------------------------

    def _tokens_of(self, text: str) -> list[int]:
        # Text as text: "[SEP]" written in a document is not the separator token.
        return self._tokenize(text.encode("utf-8", errors="replace"), add_special=True)

    def _tokenize(self, data: bytes, *, add_special: bool) -> list[int]:
        return self._tokens.tokenize(data, add_special=add_special, parse_special=False,
                                     error=EmbeddingError)

    def _cut(self, tokens: list[int]) -> list[int]:
        prefix = self._prefix if tokens[:len(self._prefix)] == self._prefix else []
        suffix = self._suffix if self._suffix and tokens[-len(self._suffix):] == self._suffix \
            else []
        body = self._max_tokens - len(prefix) - len(suffix)
        return prefix + tokens[len(prefix):len(prefix) + max(body, 0)] + suffix

    def _decode_group(self, group: list[int], sequences: list[list[int]],
                      vectors: np.ndarray) -> None:
        batch = self._batch
        assert batch is not None
        # The batch's C arrays (llama-cpp-python's ctypes types are loose), bound once.
        tokens: Any = batch.token
        positions: Any = batch.pos
        seq_counts: Any = batch.n_seq_id
        seq_ids: Any = batch.seq_id
        outputs: Any = batch.logits
        i = 0
        for seq, index in enumerate(group):
            for pos, token in enumerate(sequences[index]):
                tokens[i] = token
                positions[i] = pos
                seq_counts[i] = 1
                seq_ids[i][0] = seq
                outputs[i] = True  # every token is an output, as llama.cpp wants here
                i += 1
        batch.n_tokens = i
        llama_cpp.llama_memory_clear(self._memory, True)
        process = llama_cpp.llama_encode if self._uses_encoder else llama_cpp.llama_decode
        result = process(self._ctx, batch)
        if result != 0:
            raise EmbeddingError(
                translate("Embedding", "The embedding model could not process the text "
                          "(llama.cpp error {code}).").format(code=result),
                detail="; ".join(native_log.take_recent_problems()) or f"decode {result}")
        for seq, index in enumerate(group):
            pointer = llama_cpp.llama_get_embeddings_seq(self._ctx, seq)
            if not pointer:
                raise EmbeddingError(translate("Embedding",
                                               "The embedding model returned no vector."),
                                     detail=f"llama_get_embeddings_seq({seq}) is NULL")
            row = np.ctypeslib.as_array(
                ctypes.cast(pointer, ctypes.POINTER(ctypes.c_float)), shape=(self._dimensions,))
            if not np.isfinite(row).all():
                raise EmbeddingError(
                    translate("Embedding", "The embedding model produced invalid numbers; the "
                              "file may be damaged."),
                    detail="non-finite embedding")
            vectors[index] = row


def _embedding_model_info(model_path: Path) -> GgufInfo:
    """The validated header of an embedding model; EmbeddingModelError otherwise."""
    try:
        info = check_model_file(model_path)
    except ModelLoadError as error:
        raise EmbeddingModelError(error.user_message, detail=error.detail) from error
    role = model_role(info)
    if role is not ModelRole.EMBEDDING:
        if role is ModelRole.CHAT:
            message = translate(
                "Embedding", "{name} is a chat model, not an embedding model, so it cannot index "
                "Local documents. Choose an embedding model in the Models pane.")
        else:
            message = translate(
                "Embedding", "{name} is a reranking model, not an embedding model, so it cannot "
                "index Local documents. Choose an embedding model in the Models pane.")
        raise EmbeddingModelError(
            message.format(name=model_path.name),
            detail=f"architecture {info.architecture}, role {role.value}")
    return info


def _find(haystack: list[int], needle: list[int]) -> int:
    for start in range(len(haystack) - len(needle) + 1):
        if haystack[start:start + len(needle)] == needle:
            return start
    return -1


def load_embedder(model_path: Path, *, probe_cache: ProbeCache, n_threads: int | None = None,
                  batch_tokens: int = DEFAULT_BATCH_TOKENS,
                  cancel: threading.Event | None = None) -> LlamaEmbedder:
    """Check the file (structure, that it is an embedding model), test-load it in a child
    process the first time, then load it here. EmbeddingModelError says why not."""
    _embedding_model_info(model_path)
    try:
        probe_model(model_path, probe_cache, cancel=cancel)
    except LoadCancelledError:
        raise
    except ModelLoadError as error:
        raise EmbeddingModelError(error.user_message, detail=error.detail) from error
    if cancel is not None and cancel.is_set():
        raise LoadCancelledError(translate("Engine", "Loading {name} was cancelled.").format(
                                     name=model_path.name),
                                 detail="load cancelled")
    return LlamaEmbedder(model_path, n_threads=n_threads, batch_tokens=batch_tokens)
