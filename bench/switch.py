"""Instant chat switching: going back to a chat, and the last chat after a restart.

Two chats of about ``history_tokens`` tokens each (one long first message) on one engine
with a KvStateStore, as the window's engine thread has (which keeps the state in the store
after each reply, while the user reads). Each round asks a question in the other chat (a
switch: the engine restores the saved state of the chat it goes to), then a second
question in that same chat (continuing); every question has the same number of tokens and
every reply the same cap, so both turns evaluate about as much.
``switch_ttft_ratio`` is the median time to first token after a switch over the median
when continuing (the engine's own TTFT: from the request to the first sampled token). For
scale, the same switch without a store (the whole history evaluated again) is timed too.

Restart: an engine answers chat A's first turn and is closed keeping its state (as at
quit); a new engine on the same store folder answers A's next question. The same question
on a new engine with an empty store folder is the comparison: ``restart_ttft_ratio`` is
with the saved state over without, per round, then the median.

Run alone: ``python -m bench.switch [--quick] [--threads N]``; prints JSON.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import BenchError, median, starter_model, summary
from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.kv_state_store import KvStateStore, memory_budget
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine, LoadSettings, Sampling

SHA = "bench-" + "0" * 58  # a fixed model key: the store's folder is private to the run
TOPICS = ("the garden behind the old house", "a train journey through the mountains")


@dataclass(frozen=True)
class SwitchBenchConfig:
    history_tokens: int = 2000
    context_length: int = 4096
    rounds: int = 6  # switches measured (each followed by a continuation)
    restart_rounds: int = 3
    reply_tokens: int = 8
    threads: int = 2

    @staticmethod
    def quick(threads: int) -> SwitchBenchConfig:
        return SwitchBenchConfig(history_tokens=200, context_length=1024, rounds=2,
                                 restart_rounds=1, reply_tokens=4, threads=threads)


def message(role: str, text: str) -> ChatMessage:
    return ChatMessage(role, text)  # type: ignore[arg-type]


class Chat:
    """A chat's messages, growing turn by turn."""

    def __init__(self, engine: LlamaEngine, topic: str, tokens: int) -> None:
        sentence = f"Here is one more note about {topic}, with its details and its history. "
        text = f"My notes on {topic}. "
        while len(engine.tokenize_text(text)) < tokens:
            text += sentence
        self.topic = topic
        self.messages = [message("user", text + "What do you make of it?")]

    def ask(self, index: int) -> None:
        self.messages.append(message("user", f"Question {index:03d}: say more about "
                                              f"{self.topic}, please."))

    def answer(self, engine: LlamaEngine, cfg: SwitchBenchConfig) -> GenerationStats:
        text, stats = reply(engine, self.messages, cfg)
        self.messages.append(message("assistant", text or "…"))
        engine.remember_state()  # as the engine thread does after each reply
        return stats


def reply(engine: LlamaEngine, messages: list[ChatMessage],
          cfg: SwitchBenchConfig) -> tuple[str, GenerationStats]:
    pieces: list[str] = []
    stats = engine.generate(engine.tokenize_chat(messages),
                            Sampling(temperature=0.0, max_tokens=cfg.reply_tokens),
                            pieces.append, lambda: False)
    return "".join(pieces), stats


def load(model: Path, cfg: SwitchBenchConfig, folder: Path | None) -> LlamaEngine:
    engine = LlamaEngine(model, LoadSettings(context_length=cfg.context_length,
                                             threads=cfg.threads, threads_batch=cfg.threads))
    if folder is not None:
        engine.use_state_store(KvStateStore(folder, engine.state_key(SHA),
                                            memory_budget=memory_budget(0)))
    return engine


def run_switch(model: Path, cfg: SwitchBenchConfig, log: Callable[[str], None],
               work: Path) -> dict[str, object]:
    results = measure_switching(model, cfg, log, work / "switching")
    results.update(measure_restart(model, cfg, log, work / "restart"))
    results.update(history_tokens=cfg.history_tokens, context_length=cfg.context_length,
                   reply_tokens=cfg.reply_tokens, threads=cfg.threads)
    return results


def measure_switching(model: Path, cfg: SwitchBenchConfig, log: Callable[[str], None],
                      folder: Path) -> dict[str, object]:
    engine = load(model, cfg, folder)
    try:
        chats = [Chat(engine, topic, cfg.history_tokens) for topic in TOPICS]
        for chat in chats:  # untimed: each history is read once, as when first written
            chat.answer(engine, cfg)
        switch: list[GenerationStats] = []
        stay: list[GenerationStats] = []
        for index in range(cfg.rounds):
            chat = chats[index % 2]  # the other chat than the last turn's
            chat.ask(2 * index)
            switch.append(chat.answer(engine, cfg))
            chat.ask(2 * index + 1)
            stay.append(chat.answer(engine, cfg))
            log(f"switch: round {index + 1}: after a switch {switch[-1].ttft_s * 1000:.0f} ms "
                f"({switch[-1].evaluated_prompt_tokens} tokens read), continuing "
                f"{stay[-1].ttft_s * 1000:.0f} ms ({stay[-1].evaluated_prompt_tokens})")
    finally:
        engine.close()
    bare = load(model, cfg, None)  # today's cost: a switch reads the whole history again
    try:
        chats = [Chat(bare, topic, cfg.history_tokens) for topic in TOPICS]
        chats[0].answer(bare, cfg)
        chats[1].answer(bare, cfg)
        chats[0].ask(0)
        without = chats[0].answer(bare, cfg)
    finally:
        bare.close()
    log(f"switch: without a store {without.ttft_s * 1000:.0f} ms "
        f"({without.evaluated_prompt_tokens} tokens read)")
    if max(stats.evaluated_prompt_tokens for stats in switch) > cfg.history_tokens // 4:
        raise BenchError("a switch evaluated the chat's history again: the saved state "
                         "was not used")
    return {
        "switch_ttft_ratio": median([s.ttft_s for s in switch]) / median([s.ttft_s
                                                                          for s in stay]),
        "switch_ttft_s": summary([s.ttft_s for s in switch]),
        "continue_ttft_s": summary([s.ttft_s for s in stay]),
        "switch_evaluated_tokens": summary([s.evaluated_prompt_tokens for s in switch]),
        "continue_evaluated_tokens": summary([s.evaluated_prompt_tokens for s in stay]),
        "prompt_tokens": summary([s.prompt_tokens for s in switch]),
        "switch_without_store_ttft_s": without.ttft_s,
        "switch_without_store_evaluated_tokens": without.evaluated_prompt_tokens,
    }


def measure_restart(model: Path, cfg: SwitchBenchConfig, log: Callable[[str], None],
                    work: Path) -> dict[str, object]:
    with_state: list[GenerationStats] = []
    without_state: list[GenerationStats] = []
    for index in range(cfg.restart_rounds):
        folder = work / f"round-{index}"
        first = load(model, cfg, folder)
        try:
            chat = Chat(first, TOPICS[0], cfg.history_tokens)
            chat.answer(first, cfg)
        finally:
            first.close(keep_state=True)  # quit
        chat.ask(index)
        # Alternate which goes first, so neither always finds the file in the OS cache
        # for the other's sake (the state file is read by the first only).
        for saved in ((True, False) if index % 2 == 0 else (False, True)):
            engine = load(model, cfg, folder if saved else work / f"empty-{index}")
            try:
                _text, stats = reply(engine, chat.messages, cfg)
            finally:
                engine.close()
            (with_state if saved else without_state).append(stats)
        log(f"switch: restart {index + 1}: with the saved state "
            f"{with_state[-1].ttft_s * 1000:.0f} ms ({with_state[-1].evaluated_prompt_tokens} "
            f"tokens read), without {without_state[-1].ttft_s * 1000:.0f} ms "
            f"({without_state[-1].evaluated_prompt_tokens})")
    return {
        "restart_ttft_ratio": median([w.ttft_s / wo.ttft_s for w, wo
                                      in zip(with_state, without_state, strict=True)]),
        "restart_ttft_with_state_s": summary([s.ttft_s for s in with_state]),
        "restart_ttft_without_state_s": summary([s.ttft_s for s in without_state]),
        "restart_evaluated_with_state": summary([s.evaluated_prompt_tokens
                                                 for s in with_state]),
        "restart_evaluated_without_state": summary([s.evaluated_prompt_tokens
                                                    for s in without_state]),
    }


def report_lines(results: Mapping[str, Any]) -> list[str]:
    """The report's section (bench/report.py)."""
    r = results.get("switch")
    if not isinstance(r, dict):
        return []

    def ms(part: object) -> str:
        value = part["median"] if isinstance(part, dict) else part
        return f"{value * 1000:,.0f} ms" if isinstance(value, (int, float)) else "-"

    def tokens(part: object) -> str:
        value = part["median"] if isinstance(part, dict) else part
        return f"{value:,.0f}" if isinstance(value, (int, float)) else "-"

    rows = [
        ("after a switch (the saved state restored)", r["switch_ttft_s"],
         r["switch_evaluated_tokens"]),
        ("continuing the same chat", r["continue_ttft_s"], r["continue_evaluated_tokens"]),
        ("after a switch without a store (today's cost)", r["switch_without_store_ttft_s"],
         r["switch_without_store_evaluated_tokens"]),
        ("first reply after a restart, state read from disk",
         r["restart_ttft_with_state_s"], r["restart_evaluated_with_state"]),
        ("first reply after a restart, without it", r["restart_ttft_without_state_s"],
         r["restart_evaluated_without_state"]),
    ]
    return [
        f"Two chats of about {r['history_tokens']:,} tokens each, context "
        f"{r['context_length']:,}, {r['threads']} threads, greedy replies of at most "
        f"{r['reply_tokens']} tokens, alternating: a question in the other chat (a switch), "
        "then one more in the same chat. Time to first token inside the engine, medians. "
        f"`switch_ttft_ratio` (after a switch ÷ continuing): "
        f"**{r['switch_ttft_ratio']:.3f}**; `restart_ttft_ratio` (the first reply after a "
        "new engine load with the state saved at quit ÷ without it): "
        f"**{r['restart_ttft_ratio']:.3f}**. See bench/switch.py.",
        "",
        "| turn | time to first token | prompt tokens evaluated |",
        "| --- | --- | --- |",
        *(f"| {what} | {ms(ttft)} | {tokens(evaluated)} |" for what, ttft, evaluated in rows),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="toy sizes")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    cfg = SwitchBenchConfig.quick(args.threads) if args.quick \
        else SwitchBenchConfig(threads=args.threads)
    with tempfile.TemporaryDirectory(prefix="chatapp-bench-switch-") as work:
        results = run_switch(starter_model(), cfg, lambda line: print(line, flush=True),
                             Path(work))
    print(json.dumps({"switch": results}, indent=2))


if __name__ == "__main__":
    main()
