"""The KV cache types in the real llama.cpp: each one answers, and the quantized ones keep
the same tokens in about a half (q8_0) and a quarter (q4_0) of f16's memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.engine.context_policy import kv_bytes_per_token
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings, Sampling
from chatapp.gguf.inspect import inspect_gguf
from chatapp.vocabulary import KvCacheType

PROMPT = ("The lighthouse keeper wrote in his log every evening: the wind, the ships, "
          "the colour of the sea. ") * 8


def kv_state_bytes(engine: LlamaEngine) -> int:
    """What llama.cpp serializes of the chat's sequence: its K and V entries (plus a small
    header), in the cache's own type."""
    return engine.kv_state_bytes()


@pytest.fixture(scope="module")
def engines(model_path: Path) -> Iterator[dict[KvCacheType, LlamaEngine]]:
    loaded = {kv_type: LlamaEngine(model_path, LoadSettings(
        context_length=1024, threads=2, threads_batch=2, kv_cache_type=kv_type))
        for kv_type in KvCacheType}
    yield loaded
    for engine in loaded.values():
        engine.close()


@pytest.mark.parametrize("kv_type", list(KvCacheType))
def test_each_type_answers(engines: dict[KvCacheType, LlamaEngine],
                           kv_type: KvCacheType) -> None:
    engine = engines[kv_type]
    assert engine.settings.kv_cache_type is kv_type
    pieces: list[str] = []
    stats = engine.generate(engine.tokenize(PROMPT), Sampling(max_tokens=24, temperature=0),
                            pieces.append, lambda: False)
    assert stats.generated_tokens > 0
    assert "".join(pieces).strip()


def test_the_quantized_caches_hold_the_same_tokens_in_less_memory(
        engines: dict[KvCacheType, LlamaEngine], model_path: Path) -> None:
    sizes: dict[KvCacheType, int] = {}
    for kv_type, engine in engines.items():
        tokens = engine.tokenize(PROMPT)
        engine.generate(tokens, Sampling(max_tokens=32, temperature=0, ignore_eos=True),
                        lambda _text: None, lambda: False)
        sizes[kv_type] = kv_state_bytes(engine)
    f16 = sizes[KvCacheType.F16]
    # llama.cpp's own numbers, against ggml's block sizes (34/64 and 18/64 of f16).
    assert sizes[KvCacheType.Q8_0] / f16 == pytest.approx(34 / 64, abs=0.02)
    assert sizes[KvCacheType.Q4_0] / f16 == pytest.approx(18 / 64, abs=0.02)
    # And the fit estimate's bytes per token are what llama.cpp keeps per token.
    per_token = inspect_gguf(model_path).kv_cache_bytes_per_token()
    assert per_token is not None
    cached = len(engines[KvCacheType.F16].tokenize(PROMPT)) + 31  # the last one sampled only
    for kv_type, size in sizes.items():
        assert size == pytest.approx(kv_bytes_per_token(per_token, kv_type) * cached, rel=0.02)
