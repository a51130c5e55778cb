"""Prompt and generation speed: native llama-bench and the app, interleaved.

Each round runs llama-bench (prompt N tokens at depth 0; 128 generated tokens after N
tokens of context) and the app (a fresh chat whose prompt makes the engine evaluate
exactly N tokens, then exactly 128 generated tokens ignoring end-of-sequence), in
alternating order. Ratios are taken round by round (app / native of the same round),
then the median; the spread is the min and max over rounds.

The app's numbers are what the UI sees: prompt speed is the evaluated tokens over the
time from Enter to the first reply text in the view; generation speed is the tokens
over the time from the first to the last text reaching the view. The engine's own
GenerationStats (measured inside LlamaEngine.generate) are kept alongside.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from bench.app_session import AppSession, Turn, ignore_eos, prompt_for_evaluated
from bench.common import BenchError, Config, median, summary
from bench.native import NativeResult, build_info, run_llama_bench


def native_round(binary: Path, model: Path, cfg: Config) -> list[NativeResult]:
    sizes = list(cfg.prompt_sizes)
    prompt = run_llama_bench(binary, model, threads=cfg.threads, prompts=sizes, gens=[0],
                             depths=[0], reps=1, timeout_s=cfg.timeout_s)
    generation = run_llama_bench(binary, model, threads=cfg.threads, prompts=[0],
                                 gens=[cfg.gen_tokens], depths=sizes, reps=1,
                                 timeout_s=cfg.timeout_s)
    return prompt + generation


def app_turn(session: AppSession, cfg: Config, evaluated: int, rng: random.Random) -> Turn:
    """A fresh chat whose prompt costs exactly ``evaluated`` tokens; a fixed-length reply."""
    session.new_conversation()
    system = f"Run {rng.randrange(10_000)}. You are a helpful assistant."
    session.set_settings(system_prompt=system, max_reply_tokens=cfg.gen_tokens)
    text, prompt = prompt_for_evaluated(session.engine(), system, evaluated,
                                        session.last_prompt, rng)
    with ignore_eos():
        turn = session.send(text)
    session.last_prompt = prompt
    if turn.stats.evaluated_prompt_tokens != evaluated:
        raise BenchError(f"the engine evaluated {turn.stats.evaluated_prompt_tokens} prompt "
                         f"tokens, not {evaluated}")
    if turn.stats.generated_tokens != cfg.gen_tokens:
        raise BenchError(f"the engine generated {turn.stats.generated_tokens} tokens, "
                         f"not {cfg.gen_tokens} (stop: {turn.stats.stop_reason})")
    return turn


def warm_up(session: AppSession, cfg: Config, rng: random.Random) -> None:
    """One untimed turn: first-use costs (allocations, caches) are not measured."""
    turn = app_turn(session, cfg, cfg.prompt_sizes[0], rng)
    del turn


def run_throughput(session: AppSession, cfg: Config, binary: Path, model: Path,
                   log: Callable[[str], None]) -> dict[str, object]:
    rng = random.Random(20260101)
    warm_up(session, cfg, rng)
    native: dict[str, list[float]] = {}
    app: dict[str, dict[str, list[float]]] = {}
    ratios: dict[str, list[float]] = {}
    info: dict[str, object] = {}
    for round_index in range(cfg.rounds):
        order = ("native", "app") if round_index % 2 == 0 else ("app", "native")
        round_native: dict[str, float] = {}
        round_app: dict[int, Turn] = {}
        for side in order:
            if side == "native":
                for result in native_round(binary, model, cfg):
                    key = (f"pp{result.n_prompt}" if result.kind == "pp"
                           else f"tg{result.n_gen}@d{result.n_depth}")
                    round_native[key] = result.samples_ts[0]
                    native.setdefault(key, []).append(result.samples_ts[0])
                    info = build_info(result)
            else:
                for size in cfg.prompt_sizes:
                    round_app[size] = app_turn(session, cfg, size, rng)
        for size, turn in round_app.items():
            values = app.setdefault(str(size), {})
            for name, value in (
                ("prompt_ui_tps", turn.prompt_ui_tps),
                ("prompt_engine_tps", turn.stats.prompt_tokens_per_s or 0.0),
                ("ttft_ui_s", turn.ttft_ui_s),
                ("ttft_engine_s", turn.stats.ttft_s),
                ("generation_ui_tps", turn.generation_ui_tps),
                ("generation_engine_tps", turn.stats.tokens_per_s or 0.0),
                ("finish_after_last_text_s", turn.finished_at - turn.last_text_at),
                ("ui_cpu_s", turn.ui_cpu_s),
                ("engine_cpu_s", turn.engine_cpu_s),
                ("wall_s", turn.finished_at - turn.sent_at),
            ):
                values.setdefault(name, []).append(value)
            pp = round_native[f"pp{size}"]
            tg = round_native[f"tg{cfg.gen_tokens}@d{size}"]
            ratios.setdefault(f"prompt_{size}", []).append(turn.prompt_ui_tps / pp)
            ratios.setdefault(f"prompt_engine_{size}", []).append(
                (turn.stats.prompt_tokens_per_s or 0.0) / pp)
            ratios.setdefault(f"generation_{size}", []).append(turn.generation_ui_tps / tg)
            ratios.setdefault(f"generation_engine_{size}", []).append(
                (turn.stats.tokens_per_s or 0.0) / tg)
        log(f"  round {round_index + 1}/{cfg.rounds}: " + ", ".join(
            f"pp{s} {round_app[s].prompt_ui_tps:.0f}/{round_native[f'pp{s}']:.0f} t/s, "
            f"tg {round_app[s].generation_ui_tps:.1f}/"
            f"{round_native[f'tg{cfg.gen_tokens}@d{s}']:.1f} t/s"
            for s in cfg.prompt_sizes) + " (app/native)")
    prompt_ratio = min(median(ratios[f"prompt_{s}"]) for s in cfg.prompt_sizes)
    generation_ratio = min(median(ratios[f"generation_{s}"]) for s in cfg.prompt_sizes)
    return {
        "prompt_ratio": prompt_ratio,
        "generation_ratio": generation_ratio,
        "native": {key: summary(values) for key, values in native.items()},
        "app": {size: {name: summary(v) for name, v in values.items()}
                for size, values in app.items()},
        "ratios": {key: summary(values) for key, values in ratios.items()},
        "llama_bench": info,
        "gen_tokens": cfg.gen_tokens,
        "prompt_sizes": list(cfg.prompt_sizes),
        "rounds": cfg.rounds,
    }
