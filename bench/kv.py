"""KV cache types: the memory a quantized cache saves, and what it does to a long reply.

Memory: the app's engine (LlamaEngine) is loaded with each KV cache type at the same
context and evaluates the same prompt; llama.cpp's serialized state of the chat's sequence
(llama_state_seq_get_size: the K and V entries of those tokens, in the cache's type) is
compared with f16's: ``kv_q8_memory_ratio`` for q8_0, and q4_0's beside it. These are
llama.cpp's numbers, not the fit estimate's formula (shown next to them).

Long reply: the long_reply phase (bench/long_reply.py) again, in the real window with a
q8_0 cache, and llama-bench with the same cache (and flash attention, as the engine uses
it) at the same depths: ``late_early_token_ratio_q8``, beside the f16 ratio of the
long_reply phase of the same run (measured here when that phase is not run).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from bench.app_session import AppSession
from bench.common import BenchError, Config
from bench.long_reply import run_long_reply
from chatapp.engine.context_policy import kv_bytes_per_token
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings, Sampling
from chatapp.engine.passing_thread import run_in_passing_thread
from chatapp.gguf.inspect import inspect_gguf
from chatapp.vocabulary import KvCacheType

TEXT = ("The keeper climbed the stairs at dusk, trimmed the wick and wrote the weather in "
        "his log: wind from the west, a grey swell, two ships passing north. ")


def kv_state_bytes(engine: LlamaEngine, prompt_tokens: int) -> int:
    """Bytes llama.cpp keeps for ``prompt_tokens`` tokens of the same text in this engine's
    KV cache (its serialized state of sequence 0)."""
    repeats = prompt_tokens // max(1, len(engine.tokenize(TEXT)) - 1) + 2
    tokens = engine.tokenize(TEXT * repeats)[:prompt_tokens]
    engine.generate(tokens, Sampling(max_tokens=1, temperature=0), lambda _text: None,
                    lambda: False)
    # The engine's context: llama.cpp's state API has no wrapper in LlamaEngine.
    return engine.kv_state_bytes()


def measure_memory(model: Path, cfg: Config, log: Callable[[str], None]) -> dict[str, object]:
    context = cfg.long_context
    tokens = context // 4
    per_token_f16 = inspect_gguf(model).kv_cache_bytes_per_token()
    if per_token_f16 is None:
        raise BenchError(f"{model.name}'s header does not give its KV cache size")
    measured: dict[str, int] = {}
    for kv_type in KvCacheType:
        engine = LlamaEngine(model, LoadSettings(context_length=context, threads=cfg.threads,
                                                 threads_batch=cfg.threads,
                                                 kv_cache_type=kv_type))
        try:
            measured[kv_type.value] = kv_state_bytes(engine, tokens)
        finally:
            engine.close()
        log(f"  {kv_type}: {measured[kv_type.value]:,} bytes for {tokens:,} tokens")
    f16 = measured[KvCacheType.F16.value]
    return {
        "context_length": context,
        "tokens": tokens,
        "state_bytes": measured,
        "estimated_bytes": {kv_type.value: kv_bytes_per_token(per_token_f16, kv_type) * tokens
                            for kv_type in KvCacheType},
        "kv_q8_memory_ratio": measured[KvCacheType.Q8_0.value] / f16,
        "kv_q4_memory_ratio": measured[KvCacheType.Q4_0.value] / f16,
    }


def run_kv(session: AppSession, cfg: Config, binary: Path, model: Path,
           log: Callable[[str], None], *,
           f16_long_reply: Mapping[str, object] | None = None) -> dict[str, object]:
    """Memory and the long reply's slow-down with a q8_0 cache against f16. Leaves the
    session's model loaded with q8_0."""
    # Engines of its own, in a thread that ends: this thread's OpenMP team would slow the
    # session's engine thread (chatapp.engine.passing_thread).
    memory = run_in_passing_thread(lambda: measure_memory(model, cfg, log), "kv-memory")
    log(f"  q8_0 ÷ f16: {memory['kv_q8_memory_ratio']:.3f}, "
        f"q4_0 ÷ f16: {memory['kv_q4_memory_ratio']:.3f}")
    if f16_long_reply is None:
        log("  long reply, f16 KV cache")
        f16_long_reply = run_long_reply(session, cfg, binary, model, log)
    log("  long reply, q8_0 KV cache")
    q8 = run_long_reply(session, cfg, binary, model, log, kv_cache_type=KvCacheType.Q8_0)
    return {
        "memory": memory,
        "kv_q8_memory_ratio": memory["kv_q8_memory_ratio"],
        "late_early_token_ratio_q8": q8["late_early_token_ratio"],
        "late_early_token_ratio_f16": f16_long_reply["late_early_token_ratio"],
        "long_reply": {kv_type: {key: reply[key] for key in (
            "late_early_token_ratio", "early_ms_per_token", "late_ms_per_token",
            "native_early_ms_per_token", "native_late_ms_per_token",
            "native_late_early_ratio", "reply_tokens", "prompt_tokens", "context_length",
            "window", "engine_tokens_per_s")}
            for kv_type, reply in (("f16", f16_long_reply), ("q8_0", q8))},
    }
