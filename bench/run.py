"""``python -m bench.run``: the whole suite; writes the results JSON and the report.

Full run (``make bench``): bench/results/latest.json, docs/benchmarks.md and
docs/benchmarks/*.png. It first waits (up to --wait-s) for the machine to be quiet
(1-minute load average below --max-load) and records the load throughout.

``--quick``: every phase at toy sizes, into --out-dir; proves the suite works.
``--only PHASE,...``: run some phases while iterating on the app; writes
bench/results/partial.json and no report.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path

# Before anything imports Qt: the suite runs offscreen, like the tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import (
    REPO_ROOT,
    BenchError,
    Config,
    llama_bench_path,
    load_average,
    starter_model,
    wait_for_quiet,
)
from chatapp.engine.passing_thread import run_in_passing_thread

PHASES = ("throughput", "followup", "ladder", "long_reply", "kv", "spare_core", "view_stream",
          "open", "context_cost", "search", "export", "documents", "api", "batch", "switch",
          "prediction", "startup")
HEADLINE_KEYS = ("prompt_ratio", "generation_ratio", "followup_ttft_ratio",
                 "late_early_token_ratio", "kv_q8_memory_ratio", "late_early_token_ratio_q8",
                 "max_stall_ms", "open_2000_ms",
                 "open_branched_2000_ms", "search_100k_ms",
                 "search_keystroke_ms", "export_1000_s",
                 "index_files_per_s", "index_embedded_files_per_s", "embed_native_ratio",
                 "query_words_ms", "query_hybrid_ms",
                 "api_native_ratio", "api_followup_ttft_ratio",
                 "batch_native_ratio", "batch_speedup_8", "prediction_error",
                 "switch_ttft_ratio", "restart_ttft_ratio",
                 "startup_s", "idle_rss_mb", "loaded_rss_mb")
# (key, comparison, limit, what the issue asks)
TARGETS = (
    ("generation_ratio", ">=", 0.97, "generation ≥ 0.97 x native"),
    ("prompt_ratio", ">=", 0.97, "prompt ≥ 0.97 x native"),
    ("followup_ttft_ratio", "<=", 1.2, "turn 10 TTFT ≤ 1.2 x turn 1"),
    ("late_early_token_ratio", "<=", 1.1, "last-256 time/token ≤ 1.1 x first-256"),
    ("kv_q8_memory_ratio", "<=", 0.6, "q8_0 KV cache ≤ 0.6 x f16's memory (llama.cpp's)"),
    ("late_early_token_ratio_q8", "<=", 1.1,
     "q8_0 KV cache: last-256 time/token ≤ 1.1 x first-256"),
    ("max_stall_ms", "<=", 50.0, "event loop never stalls > 50 ms"),
    ("open_2000_ms", "<", 100.0, "open 2,000 messages < 100 ms"),
    ("open_branched_2000_ms", "<", 100.0, "open 2,000 messages with many branches < 100 ms"),
    ("search_100k_ms", "<", 50.0, "search 100,000 messages < 50 ms"),
    ("search_keystroke_ms", "<", 50.0, "search as you type: < 50 ms per key, 100,000 messages"),
    ("export_1000_s", "<", 10.0, "export 1,000 chats to JSON < 10 s"),
    ("embed_native_ratio", ">=", 0.9, "embedding ≥ 0.9 x llama-embedding"),
    ("query_words_ms", "<", 50.0, "a question to its passages by words, 50,000 chunks < 50 ms"),
    ("query_hybrid_ms", "<", 150.0,
     "a question to its passages by words and meaning, 50,000 chunks < 150 ms"),
    ("api_native_ratio", ">=", 0.95, "streaming through the API ≥ 0.95 x llama-server"),
    ("api_followup_ttft_ratio", "<=", 1.2, "API follow-up turn TTFT ≤ 1.2 x the first"),
    ("batch_native_ratio", ">=", 0.9, "a batch job at 8 at once ≥ 0.9 x llama-batched-bench"),
    ("switch_ttft_ratio", "<=", 1.2, "TTFT after a chat switch ≤ 1.2 x continuing the chat"),
    ("prediction_error", "<=", 0.2, "predicted generation tokens/s within 20 % of measured"),
    ("startup_s", "<", 1.5, "window painted < 1.5 s"),
    ("idle_rss_mb", "<", 200.0, "idle RSS < 200 MB"),
)


def _log(message: str) -> None:
    print(message, flush=True)


def _section(results: dict[str, object], name: str) -> dict[str, object] | None:
    part = results.get(name)
    return part if isinstance(part, dict) else None


def evaluate_targets(results: dict[str, object]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for key, comparison, limit, text in TARGETS:
        value = results.get(key)
        if not isinstance(value, (int, float)) or not math.isfinite(value):
            rows.append({"key": key, "target": text, "value": None, "met": False})
            continue
        met = {">=": value >= limit, "<=": value <= limit, "<": value < limit}[comparison]
        rows.append({"key": key, "target": text, "comparison": comparison, "limit": limit,
                     "value": value, "met": met})
    return rows


def run(args: argparse.Namespace) -> dict[str, object]:
    from bench.api import run_api
    from bench.app_session import AppSession
    from bench.batch import BatchBenchConfig, run_batch
    from bench.context_cost import run_context_cost
    from bench.documents import run_documents
    from bench.environment import LoadSampler, describe
    from bench.export_chats import run_export
    from bench.followup import run_followup
    from bench.history_scale import run_open, run_search
    from bench.kv import run_kv
    from bench.ladder import run_ladder
    from bench.long_reply import run_long_reply
    from bench.native import native_system_info
    from bench.prediction import PredictionBenchConfig, run_prediction
    from bench.startup import run_startup
    from bench.switch import SwitchBenchConfig, run_switch
    from bench.throughput import run_throughput
    from bench.view_stream import run_view_stream
    from chatapp.hardware import detect_hardware
    from chatapp.settings import Settings

    threads = args.threads or detect_hardware().physical_cores
    cfg = Config.quick_run(threads) if args.quick else Config.full(threads)
    phases = tuple(args.only.split(",")) if args.only else PHASES
    unknown = set(phases) - set(PHASES)
    if unknown:
        raise BenchError(f"unknown phases: {', '.join(sorted(unknown))}")
    model = starter_model()
    binary = llama_bench_path(args.llama_bench)
    quiet: dict[str, float] = {}
    if not args.quick:
        _log(f"Waiting for a quiet machine (load < {args.max_load})…")
        before, start = wait_for_quiet(args.max_load, args.wait_s)
        quiet = {"load_when_asked": before, "load_at_start": start}
        if start >= args.max_load:
            _log(f"WARNING: load average still {start:.2f}; the numbers are not reliable.")
    results: dict[str, object] = {
        "quick": cfg.quick,
        "environment": describe(),
        "config": asdict(cfg),
        "model": {"file": model.name, "size_bytes": model.stat().st_size},
        "llama_bench_binary": str(binary),
        "llama_bench_system_info": native_system_info(binary),
    }
    sampler = LoadSampler()
    sampler.start()
    load: dict[str, object] = {"start": quiet, "phases": {}}
    results["load"] = load
    work = Path(tempfile.mkdtemp(prefix="chatapp-bench-"))
    phase_load = load["phases"]
    assert isinstance(phase_load, dict)

    def phase(name: str, body: Callable[[], dict[str, object]], *,
              computes: bool = False) -> None:
        """``computes``: the phase runs llama.cpp itself (no window), in a thread that
        ends with it; run on this thread, its OpenMP team would outlive it and slow every
        later phase's engine thread (chatapp.engine.passing_thread)."""
        if name not in phases:
            return
        _log(f"[{name}]")
        started = time.monotonic()
        load_before = load_average()
        results[name] = run_in_passing_thread(body, name) if computes else body()
        ended = time.monotonic()
        phase_load[name] = {"seconds": ended - started, "load_before": load_before,
                            "load_after": load_average(), **sampler.between(started, ended)}

    try:
        session_phases = {"throughput", "followup", "ladder", "long_reply", "kv"}
        if session_phases & set(phases):
            settings = Settings(last_model_path=str(model), threads=threads,
                                context_length=cfg.context_length)
            session = AppSession(work / "home", settings, cfg.timeout_s)
            try:
                phase("throughput", lambda: run_throughput(session, cfg, binary, model, _log))
                phase("followup", lambda: run_followup(session, cfg, binary, model, _log))
                phase("ladder", lambda: run_ladder(cfg, _log))
                phase("long_reply", lambda: run_long_reply(session, cfg, binary, model, _log))
                # Last of the session's phases: it leaves the model with a q8_0 cache.
                phase("kv", lambda: run_kv(session, cfg, binary, model, _log,
                                           f16_long_reply=_section(results, "long_reply")))
            finally:
                session.close()
        if "spare_core" in phases and threads > 1:
            # The same comparison with one core left to the UI thread (app and native
            # alike): how much of the gap is the UI competing with the model for cores.
            spare = replace(cfg, threads=threads - 1, rounds=max(1, cfg.rounds // 2))
            settings = Settings(last_model_path=str(model), threads=threads - 1,
                                context_length=cfg.context_length)
            session = AppSession(work / "spare-home", settings, cfg.timeout_s)
            try:
                phase("spare_core", lambda: run_throughput(session, spare, binary, model, _log))
            finally:
                session.close()
        phase("view_stream", lambda: run_view_stream(work, cfg, _log))
        phase("open", lambda: run_open(work, cfg))
        phase("context_cost", lambda: run_context_cost(cfg, work), computes=True)
        phase("search", lambda: run_search(cfg, work, _log))
        phase("export", lambda: run_export(cfg, work, _log))
        phase("documents", lambda: run_documents(cfg, work, binary, _log), computes=True)
        phase("api", lambda: run_api(cfg, work, binary, model, _log))
        batch_cfg = BatchBenchConfig.quick(threads) if cfg.quick \
            else BatchBenchConfig(threads=threads)
        phase("batch", lambda: run_batch(model, batch_cfg, _log,
                                         binary.parent / "llama-batched-bench"),
              computes=True)
        prediction_cfg = PredictionBenchConfig.quick(threads) if cfg.quick \
            else PredictionBenchConfig(threads=threads)
        phase("prediction", lambda: run_prediction(
            model, prediction_cfg, _log, quantize_binary=binary.parent / "llama-quantize",
            work=work, extra_models=args.predict_model), computes=True)
        switch_cfg = SwitchBenchConfig.quick(threads) if cfg.quick \
            else SwitchBenchConfig(threads=threads)
        phase("switch", lambda: run_switch(model, switch_cfg, _log, work), computes=True)
        phase("startup", lambda: run_startup(cfg, _log))
    finally:
        sampler.stop()
        shutil.rmtree(work, ignore_errors=True)
    load["end"] = load_average()
    for section, key in (("throughput", "prompt_ratio"), ("throughput", "generation_ratio"),
                         ("followup", "followup_ttft_ratio"),
                         ("long_reply", "late_early_token_ratio"),
                         ("long_reply", "max_stall_ms"), ("kv", "kv_q8_memory_ratio"),
                         ("kv", "late_early_token_ratio_q8"), ("open", "open_2000_ms"),
                         ("open", "open_branched_2000_ms"),
                         ("search", "search_100k_ms"),
                         ("search", "search_keystroke_ms"), ("export", "export_1000_s"),
                         ("documents", "index_files_per_s"),
                         ("documents", "index_embedded_files_per_s"),
                         ("documents", "embed_native_ratio"),
                         ("documents", "query_words_ms"), ("documents", "query_hybrid_ms"),
                         ("api", "api_native_ratio"), ("api", "api_followup_ttft_ratio"),
                         ("batch", "batch_native_ratio"), ("batch", "batch_speedup_8"),
                         ("prediction", "prediction_error"),
                         ("switch", "switch_ttft_ratio"), ("switch", "restart_ttft_ratio"),
                         ("startup", "startup_s"),
                         ("startup", "idle_rss_mb"), ("startup", "loaded_rss_mb")):
        part = results.get(section)
        if isinstance(part, dict):
            results[key] = part[key]
    results["targets"] = evaluate_targets(results)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="every phase at toy sizes (proves the suite works)")
    parser.add_argument("--llama-bench", type=Path, metavar="PATH",
                        help="the llama-bench binary (default build/llama-bench/bin/)")
    parser.add_argument("--out-dir", type=Path, metavar="DIR",
                        help="write results.json, benchmarks.md and plots here instead of "
                             "bench/results/latest.json and docs/")
    parser.add_argument("--threads", type=int, default=0,
                        help="threads for generation and prompt, app and native alike "
                             "(default: the physical cores, as the app chooses)")
    parser.add_argument("--only", metavar="PHASES",
                        help=f"comma-separated subset of: {','.join(PHASES)}")
    parser.add_argument("--predict-model", type=Path, action="append", default=[],
                        metavar="GGUF", help="another model for the prediction phase to "
                                             "predict and measure (repeatable)")
    parser.add_argument("--max-load", type=float, default=0.5,
                        help="wait for a 1-minute load average below this (full run)")
    parser.add_argument("--wait-s", type=float, default=1800.0,
                        help="wait at most this long for that (then measure, with a warning)")
    args = parser.parse_args(argv)
    try:
        results = run(args)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    from bench.report import write_report

    if args.out_dir is not None:
        args.out_dir.mkdir(parents=True, exist_ok=True)
        json_path = args.out_dir / "results.json"
        report_path: Path | None = args.out_dir / "benchmarks.md"
        plots = args.out_dir / "benchmarks"
    elif args.only:
        json_path = REPO_ROOT / "bench" / "results" / "partial.json"
        report_path, plots = None, REPO_ROOT / "docs" / "benchmarks"
    else:
        json_path = REPO_ROOT / "bench" / "results" / "latest.json"
        report_path = REPO_ROOT / "docs" / "benchmarks.md"
        plots = REPO_ROOT / "docs" / "benchmarks"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(results, indent=1, default=str) + "\n")
    _log(f"Results: {json_path}")
    if report_path is not None:
        write_report(results, report_path, plots)
        _log(f"Report: {report_path}")
    for row in results.get("targets", []):  # type: ignore[attr-defined]
        value = row["value"]
        shown = f"{value:.3g}" if isinstance(value, float) else str(value)
        _log(f"  {'met   ' if row['met'] else 'MISSED'} {row['target']}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
