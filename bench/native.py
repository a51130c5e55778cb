"""The native baseline: llama-bench, built from the llama.cpp the app's engine vendors.

Settings match the app's engine (chatapp/engine/llama_engine.py): the same thread count
for generation and prompt (-t), batch and micro-batch 512 (-b/-ub), flash attention off
(-fa off; the app leaves llama-cpp-python's flash_attn=False), the model memory-mapped
(-lm mmap), nothing offloaded (-ngl 0), f16 KV cache (both defaults; a quantized KV
cache where a phase measures one, with flash attention on as the app's engine then
turns it on). llama-bench's own
defaults stay: a warm-up run before each test, polling 50, normal priority.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import BATCH, BenchError
from chatapp.vocabulary import KvCacheType


@dataclass(frozen=True)
class NativeResult:
    n_prompt: int
    n_gen: int
    n_depth: int
    samples_ts: tuple[float, ...]  # tokens per second, one per repetition
    raw: dict[str, Any]

    @property
    def kind(self) -> str:
        return "pp" if self.n_prompt else "tg"


def llama_bench_args(threads: int,
                     kv_cache_type: KvCacheType = KvCacheType.F16) -> list[str]:
    """The settings every llama-bench run uses (stated in the report)."""
    flash = "off" if kv_cache_type is KvCacheType.F16 else "on"  # as LlamaEngine does
    return ["-t", str(threads), "-b", str(BATCH), "-ub", str(BATCH), "-fa", flash,
            "-lm", "mmap", "-ngl", "0", "-ctk", kv_cache_type.value,
            "-ctv", kv_cache_type.value]


def run_llama_bench(binary: Path, model: Path, *, threads: int, prompts: list[int],
                    gens: list[int], depths: list[int], reps: int,
                    timeout_s: float = 900.0,
                    kv_cache_type: KvCacheType = KvCacheType.F16) -> list[NativeResult]:
    command = [str(binary), "-m", str(model),
               "-p", ",".join(map(str, prompts)), "-n", ",".join(map(str, gens)),
               "-d", ",".join(map(str, depths)), "-r", str(reps), "-o", "json",
               *llama_bench_args(threads, kv_cache_type)]
    # Its libraries sit beside it; a copy restored from the build cache (Makefile) may
    # carry a run path into another checkout's build folder.
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(
        filter(None, (str(binary.parent), os.environ.get("LD_LIBRARY_PATH")))))
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s,
                              check=False, env=env)
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"llama-bench timed out: {' '.join(command)}") from error
    if done.returncode != 0:
        raise BenchError(f"llama-bench failed ({done.returncode}): {' '.join(command)}\n"
                         f"{done.stderr[-2000:]}")
    try:
        rows = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise BenchError(f"llama-bench printed no JSON: {done.stdout[-500:]}") from error
    results = []
    for row in rows:
        if not isinstance(row, dict):
            raise BenchError(f"unexpected llama-bench row: {row!r}")
        if int(row.get("n_prompt", 0)) and int(row.get("n_gen", 0)):
            continue  # a combined pp+tg test (-pg): not used here
        results.append(NativeResult(
            n_prompt=int(row["n_prompt"]), n_gen=int(row["n_gen"]),
            n_depth=int(row.get("n_depth", 0)),
            samples_ts=tuple(float(x) for x in row["samples_ts"]), raw=row,
        ))
    return results


def build_info(result: NativeResult) -> dict[str, object]:
    """What llama-bench says about its build and this machine (for the report)."""
    raw = result.raw
    keys = ("build_commit", "build_number", "cpu_info", "gpu_info", "backends",
            "model_type", "model_size", "model_n_params", "n_threads", "n_batch",
            "n_ubatch", "type_k", "type_v", "flash_attn", "load_mode", "use_mmap",
            "n_gpu_layers", "poll", "cpu_strict", "cpu_mask", "embeddings", "repack")
    return {key: raw[key] for key in keys if key in raw}


def native_system_info(binary: Path) -> str | None:
    """The CPU features llama-bench's llama.cpp was compiled with (as the app reports its)."""
    library = binary.parent / "libllama.so"
    code = ("import ctypes, sys; lib = ctypes.CDLL(sys.argv[1]); "
            "lib.llama_print_system_info.restype = ctypes.c_char_p; "
            "print(lib.llama_print_system_info().decode())")
    try:
        done = subprocess.run([sys.executable, "-c", code, str(library)], capture_output=True,
                              text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None
