"""Follow-up turns: does a turn cost only its own tokens?

A conversation of N turns goes through the app's whole reply path (composer, engine
thread, ReplyRunner, history, prompt window, the engine's prefix reuse). Every user
message is exactly the same number of tokens; replies end naturally, capped at a fixed
length (they become part of the next prompt, so they must be real replies). Before the
measured conversations one untimed chat puts the system prompt in the KV cache, as any
chat after the first in a session finds it.

For each turn: the prompt's size, how many of its tokens the engine evaluated (the rest
came from the KV cache), the time to first token in the view and inside the engine.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from bench.app_session import AppSession, fit_text, single_token_words
from bench.common import Config, median, summary
from bench.native import run_llama_bench
from chatapp.settings import DEFAULT_SYSTEM_PROMPT


def run_followup(session: AppSession, cfg: Config, binary: Path, model: Path,
                 log: Callable[[str], None]) -> dict[str, object]:
    rng = random.Random(424242)
    session.set_settings(system_prompt=DEFAULT_SYSTEM_PROMPT,
                         max_reply_tokens=cfg.followup_reply_tokens)
    engine = session.engine()
    words = single_token_words(engine)
    empty = len(engine.tokenize(""))

    def message(turn: int) -> str:
        # Computed before the turn is sent, while the engine thread is idle.
        return fit_text(lambda text: len(engine.tokenize(text)) - empty,
                        cfg.followup_message_tokens, words, rng, prefix=f"Question {turn}:")

    session.new_conversation()
    session.send(message(0))  # untimed: the system prompt enters the KV cache
    columns = ("prompt_tokens", "evaluated_tokens", "generated_tokens", "ttft_ui_s",
               "ttft_engine_s")
    per_turn: list[dict[str, list[float]]] = [
        {name: [] for name in columns} for _ in range(cfg.followup_turns)]
    for rep in range(cfg.followup_reps):
        session.new_conversation()
        for index in range(cfg.followup_turns):
            turn = session.send(message(index + 1))
            row = per_turn[index]
            row["prompt_tokens"].append(turn.stats.prompt_tokens)
            row["evaluated_tokens"].append(turn.stats.evaluated_prompt_tokens)
            row["generated_tokens"].append(turn.stats.generated_tokens)
            row["ttft_ui_s"].append(turn.ttft_ui_s)
            row["ttft_engine_s"].append(turn.stats.ttft_s)
        log(f"  conversation {rep + 1}/{cfg.followup_reps}: evaluated " + ", ".join(
            str(int(per_turn[i]["evaluated_tokens"][-1])) for i in range(cfg.followup_turns))
            + " tokens per turn")
    first, last = per_turn[0], per_turn[-1]
    native = native_reference(binary, model, cfg, first, last)
    log(f"  native: {native['first_ms']:.1f} ms for turn 1's tokens, {native['last_ms']:.1f} ms "
        f"for turn {cfg.followup_turns}'s")
    return {
        "followup_ttft_ratio": median(last["ttft_ui_s"]) / median(first["ttft_ui_s"]),
        "native": native,
        "followup_ttft_engine_ratio": (median(last["ttft_engine_s"])
                                       / median(first["ttft_engine_s"])),
        "turns": [{name: summary(values) for name, values in row.items()}
                  for row in per_turn],
        "message_tokens": cfg.followup_message_tokens,
        "reply_tokens_max": cfg.followup_reply_tokens,
        "conversations": cfg.followup_reps,
    }


def native_reference(binary: Path, model: Path, cfg: Config, first: dict[str, list[float]],
                     last: dict[str, list[float]]) -> dict[str, float]:
    """llama-bench evaluating the same numbers of tokens at the same depths as the first
    and the last turn: how much of the growth is the model's own (attention over a
    longer context), not the app's."""
    shapes = []
    for row in (first, last):
        evaluated = round(median(row["evaluated_tokens"]))
        depth = round(median(row["prompt_tokens"])) - evaluated
        shapes.append((evaluated, depth))
    rows = run_llama_bench(binary, model, threads=cfg.threads,
                           prompts=sorted({e for e, _ in shapes}), gens=[0],
                           depths=sorted({d for _, d in shapes}), reps=1 if cfg.quick else 3,
                           timeout_s=cfg.timeout_s)
    ms = {(r.n_prompt, r.n_depth): r.n_prompt / median(r.samples_ts) * 1000 for r in rows}
    first_ms, last_ms = ms[shapes[0]], ms[shapes[1]]
    return {"first_ms": first_ms, "last_ms": last_ms, "ratio": last_ms / first_ms,
            "first_tokens": shapes[0][0], "first_depth": shapes[0][1],
            "last_tokens": shapes[1][0], "last_depth": shapes[1][1]}
