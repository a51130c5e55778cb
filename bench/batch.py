"""Batch jobs' throughput: 32 inputs, 128 generated tokens each, at 1, 4 and 8 at once.

Each input is a prompt of exactly ``prompt_tokens`` tokens (so that llama-batched-bench
can be run at the same settings: ``-npp PROMPT -ntg 128 -npl 1,4,8``), answered through
the app's own BatchedGenerator with end-of-sequence ignored, so every row generates
exactly ``gen_tokens``. Total tokens per second is all generated tokens over the wall
time of the whole job (prompts included, as a user waits for them); the speed-up is the
rate at N at once over the rate one at a time. Rounds alternate the order of the
parallel settings; the median is kept.

The native baseline, when a ``llama-batched-bench`` binary is given (built from the
vendored llama.cpp), runs in the same rounds at the same settings: ``B`` sequences of
``prompt_tokens`` each generating ``gen_tokens``, and its rate is ``B x gen_tokens``
over its whole time (prompts included), as the app's is. ``batch_native_ratio_N`` is the
app's rate over native's at N at once, round by round, then the median.

Run alone: ``python -m bench.batch [--quick] [--threads N] [--rounds N]
[--batched-bench PATH]``; prints JSON.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.common import BenchError, median, starter_model, summary
from chatapp.engine.batched_generation import BatchedGenerator, BatchReply, BatchRequest
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings, Sampling

PARALLEL = (1, 4, 8)


@dataclass(frozen=True)
class BatchBenchConfig:
    inputs: int = 32
    prompt_tokens: int = 64
    gen_tokens: int = 128
    rounds: int = 3
    threads: int = 2

    @staticmethod
    def quick(threads: int) -> BatchBenchConfig:
        return BatchBenchConfig(inputs=8, prompt_tokens=32, gen_tokens=16, rounds=1,
                                threads=threads)


def prompts(engine: LlamaEngine, cfg: BatchBenchConfig) -> list[BatchRequest]:
    """``cfg.inputs`` different prompts of exactly ``cfg.prompt_tokens`` tokens."""
    requests = []
    for key in range(cfg.inputs):
        text = f"Story {key}. " + "Tell me a long story about the sea and its ships. " * 40
        tokens = engine.tokenize(text)[:cfg.prompt_tokens]
        if len(tokens) != cfg.prompt_tokens:
            raise BenchError(f"a prompt of {cfg.prompt_tokens} tokens could not be made")
        requests.append(BatchRequest(key, tokens))
    return requests


def one_job(engine: LlamaEngine, requests: list[BatchRequest], parallel: int,
            cfg: BatchBenchConfig) -> float:
    """Generated tokens per second of one whole job at ``parallel``."""
    sampling = Sampling(temperature=0.0, max_tokens=cfg.gen_tokens, ignore_eos=True)
    replies: list[BatchReply] = []
    with BatchedGenerator(engine, parallel=parallel,
                          context_per_row=cfg.prompt_tokens + cfg.gen_tokens + 64) as generator:
        started = time.perf_counter()
        generator.run(requests, sampling, replies.append, lambda: False)
        elapsed = time.perf_counter() - started
    generated = sum(reply.stats.generated_tokens for reply in replies
                    if reply.stats is not None)
    if len(replies) != len(requests) or generated != len(requests) * cfg.gen_tokens:
        raise BenchError(f"the job at {parallel} at once generated {generated} tokens in "
                         f"{len(replies)} replies, not {cfg.gen_tokens} in each of "
                         f"{len(requests)}")
    return generated / elapsed


def native_rates(binary: Path, model: Path, cfg: BatchBenchConfig) -> dict[int, float]:
    """llama-batched-bench's generated tokens per second (whole time) at each PARALLEL."""
    context = max(PARALLEL) * (cfg.prompt_tokens + cfg.gen_tokens + 64)
    command = [str(binary), "-m", str(model), "-c", str(context), "-b", "512", "-ub", "512",
               "-npp", str(cfg.prompt_tokens), "-ntg", str(cfg.gen_tokens),
               "-npl", ",".join(map(str, PARALLEL)), "-t", str(cfg.threads),
               "--output-format", "jsonl"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800,
                          check=False)
    rates: dict[int, float] = {}
    for line in (done.stdout + "\n" + done.stderr).splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            rates[int(row["pl"])] = int(row["pl"]) * int(row["tg"]) / float(row["t"])
    if set(rates) != set(PARALLEL):
        raise BenchError(f"llama-batched-bench failed (exit {done.returncode}): "
                         f"{done.stderr[-500:]}")
    return rates


def run_batch(model: Path, cfg: BatchBenchConfig, log: Callable[[str], None],
              batched_bench: Path | None = None) -> dict[str, object]:
    engine = LlamaEngine(model, LoadSettings(context_length=1024, threads=cfg.threads,
                                             threads_batch=cfg.threads))
    try:
        requests = prompts(engine, cfg)
        one_job(engine, requests[:2], 2, cfg)  # warm-up: first-use costs are not measured
        rates: dict[int, list[float]] = {parallel: [] for parallel in PARALLEL}
        native: dict[int, list[float]] = {parallel: [] for parallel in PARALLEL}
        for round_index in range(cfg.rounds):
            if batched_bench is not None and round_index % 2 == 0:
                measure_native(batched_bench, model, cfg, native, log)
            order = PARALLEL if round_index % 2 == 0 else tuple(reversed(PARALLEL))
            for parallel in order:
                rate = one_job(engine, requests, parallel, cfg)
                rates[parallel].append(rate)
                log(f"batch: round {round_index + 1}, {parallel} at once: {rate:.1f} tok/s")
            if batched_bench is not None and round_index % 2 == 1:
                measure_native(batched_bench, model, cfg, native, log)
    finally:
        engine.close()
    results: dict[str, object] = {
        "inputs": cfg.inputs, "prompt_tokens": cfg.prompt_tokens,
        "gen_tokens": cfg.gen_tokens, "threads": cfg.threads,
        "tokens_per_s": {str(parallel): summary(values) for parallel, values in rates.items()},
    }
    for parallel in PARALLEL[1:]:
        results[f"batch_speedup_{parallel}"] = median(
            [at_n / alone for at_n, alone in zip(rates[parallel], rates[1], strict=True)])
    if batched_bench is not None:
        results["native_tokens_per_s"] = {str(parallel): summary(values)
                                          for parallel, values in native.items()}
        for parallel in PARALLEL:
            results[f"batch_native_ratio_{parallel}"] = median(
                [app / base for app, base in zip(rates[parallel], native[parallel],
                                                 strict=True)])
        results["batch_native_ratio"] = results[f"batch_native_ratio_{max(PARALLEL)}"]
    return results


def measure_native(binary: Path, model: Path, cfg: BatchBenchConfig,
                   native: dict[int, list[float]], log: Callable[[str], None]) -> None:
    for parallel, rate in native_rates(binary, model, cfg).items():
        native[parallel].append(rate)
        log(f"batch: llama-batched-bench, {parallel} at once: {rate:.1f} tok/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="toy sizes, one round")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--batched-bench", type=Path, default=None,
                        help="a llama-batched-bench binary: measure the native baseline too")
    args = parser.parse_args()
    cfg = BatchBenchConfig.quick(args.threads) if args.quick \
        else BatchBenchConfig(threads=args.threads)
    if args.rounds is not None:
        cfg = BatchBenchConfig(cfg.inputs, cfg.prompt_tokens, cfg.gen_tokens, args.rounds,
                               cfg.threads)
    results = run_batch(starter_model(), cfg, lambda message: print(message, flush=True),
                        args.batched_bench)
    print(json.dumps({"batch": results}, indent=2))


if __name__ == "__main__":
    main()
