"""What measuring a long chat's context costs the engine thread.

When a chat is opened with a model loaded, the window asks the engine thread for the
chat's context use (EngineController.measure_context -> ReplyRunner.context_usage ->
plan_prompt), and a reply's prompt is planned the same way. This times that call on
chats of several lengths, each in a child process that is stopped after a time limit
(the cost grows faster than the chat: a limit reached is reported as such).

``python -m bench.context_cost DB CONVERSATION CONTEXT`` is the child: it loads the
starter model with the app's engine and prints the seconds one call took.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from bench.common import REPO_ROOT, BenchError, Config, starter_model
from bench.history_scale import TextMaker, fill_conversation
from chatapp.history.store import HistoryStore


def measure(db: Path, conversation_id: int, context: int, threads: int,
            limit_s: float) -> float | None:
    """Seconds for one context_usage call; None if it took longer than ``limit_s``."""
    command = [sys.executable, "-m", "bench.context_cost", str(db), str(conversation_id),
               str(context), str(threads)]
    try:
        done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True,
                              timeout=limit_s + 30, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise BenchError(f"measuring the context failed: {done.stderr[-1000:]}")
    seconds = float(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])
    return seconds if seconds <= limit_s else None


def run_context_cost(cfg: Config, work: Path) -> dict[str, object]:
    sizes = (60,) if cfg.quick else (100, 200, 400, cfg.open_messages)
    limit = 60.0 if cfg.quick else 120.0
    db = work / "context-cost.sqlite3"
    maker = TextMaker(13)
    rows: dict[str, float | None] = {}
    with HistoryStore(db) as store:
        chats = {size: fill_conversation(store, maker, size, f"{size} messages")
                 for size in sizes}
    for size, chat in chats.items():
        rows[str(size)] = measure(db, chat, cfg.context_length, cfg.threads, limit)
        if rows[str(size)] is None:
            break  # longer chats take longer still
    return {"seconds_by_messages": rows, "limit_s": limit,
            "context_length": cfg.context_length}


def _child(argv: list[str]) -> int:
    from chatapp.conversation.reply_runner import ReplyRunner
    from chatapp.engine.llama_engine import LlamaEngine, LoadSettings
    from chatapp.settings import Settings

    db, conversation, context, threads = Path(argv[0]), int(argv[1]), int(argv[2]), int(argv[3])
    engine = LlamaEngine(starter_model(), LoadSettings(context_length=context, threads=threads,
                                                       threads_batch=threads))
    with HistoryStore(db) as store:
        runner = ReplyRunner(store)
        started = time.perf_counter()
        usage = runner.context_usage(engine, conversation, Settings())
        seconds = time.perf_counter() - started
    engine.close()
    print(json.dumps({"seconds": seconds, "prompt_tokens": usage.prompt_tokens,
                      "dropped_messages": usage.dropped_messages}))
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
