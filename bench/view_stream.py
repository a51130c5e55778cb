"""The conversation view alone: what does streaming cost the UI thread as a reply grows?

No model: a fixed, English-like Markdown reply (paragraphs, lists, code blocks) is fed to
the real window's ConversationView as the engine worker's relay would feed it: pieces
produced at a steady rate (``RATE`` tokens per second), delivered together at most every
TEXT_INTERVAL_S (pieces that fall due while the UI thread is busy arrive together too,
as queued signals do). The view renders when text arrives.
Measured per stretch of the reply: the UI thread's CPU time per second (100 % = the UI
thread never rests), and a 5 ms timer's lateness (stalls). At the end, finishing the
reply (its final rendering) is timed. Deterministic and quick to re-run: the number
to watch when changing the view.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer

from bench.app_session import AppSession, wait_until
from bench.common import Config
from bench.history_scale import TextMaker
from bench.long_reply import StallMonitor
from chatapp.engine.llama_engine import GenerationStats
from chatapp.history.store import HistoryStore, ReplyStats
from chatapp.settings import Settings
from chatapp.ui.workers.engine_worker import TEXT_INTERVAL_S

RATE = 100  # tokens per second, about what the starter model makes on two cores
SEGMENTS = 10


def reply_pieces(chars: int) -> list[str]:
    """Word-sized pieces (a token each) of a Markdown reply about ``chars`` long."""
    maker = TextMaker(5)
    parts: list[str] = []
    total = 0
    while total < chars:
        part = maker.assistant()
        parts.append(part)
        total += len(part) + 2
    text = "\n\n".join(parts)
    return [piece + " " for piece in text.split(" ")]


def run_view_stream(work: Path, cfg: Config, log: Callable[[str], None]) -> dict[str, object]:
    chars = 3000 if cfg.quick else 40_000
    pieces = reply_pieces(chars)
    session = AppSession(work / "view-home", Settings(), cfg.timeout_s, expect_model=False)
    try:
        with HistoryStore(session.paths.history_db) as store:
            conversation = store.create_conversation("Streaming")
            store.add_message(conversation.id, "user", "Tell me everything.")
            reply = store.add_message(conversation.id, "assistant", "", state="streaming")
            messages = store.list_messages(conversation.id)
            final = store.finalize_message(reply.id, "".join(pieces), "complete",
                                           stats=ReplyStats(20, len(pieces), 0.2, RATE))
        view = session.window.view
        view.show_conversation(conversation.id, messages[:-1])
        view.start_reply()
        session.settle()

        fed = 0
        sent_chars = 0
        started = time.perf_counter()
        marks: list[tuple[int, float, float]] = []  # (chars so far, wall, UI CPU)

        def feed() -> None:
            nonlocal fed, sent_chars
            due = min(len(pieces), int((time.perf_counter() - started) * RATE) + 1)
            if due > fed:
                batch = "".join(pieces[fed:due])
                view.append_reply_text(batch)
                sent_chars += len(batch)
                fed = due
            marks.append((sent_chars, time.perf_counter(), time.thread_time()))

        feeder = QTimer()
        feeder.setInterval(round(TEXT_INTERVAL_S * 1000))
        feeder.timeout.connect(feed)
        monitor = StallMonitor(cfg.stall_timer_ms)
        monitor.start()
        feeder.start()
        wait_until(lambda: fed >= len(pieces), cfg.timeout_s, "the reply to be fed")
        feeder.stop()
        finish_started = time.perf_counter()
        stats = GenerationStats(20, 20, len(pieces), 0.2, 0.2, len(pieces) / RATE, "length")
        view.finish_reply(final, stats)
        finish_ms = (time.perf_counter() - finish_started) * 1000
        wait_until(lambda: time.perf_counter() - finish_started > 0.3, 10, "the last paint")
        monitor.stop()
    finally:
        session.close()
    segments = []
    step = max(1, len(marks) // SEGMENTS)
    for index in range(0, len(marks) - step, step):
        a, b = marks[index], marks[index + step]
        segments.append({"chars": a[0], "ui_cpu_pct": (b[2] - a[2]) / (b[1] - a[1]) * 100})
    lateness = monitor.lateness_ms()
    worst = max(range(len(lateness)), key=lateness.__getitem__)
    worst_at = monitor.ticks[worst + 1]
    worst_chars = next((m[0] for m in marks if m[1] >= worst_at), sent_chars)
    stall_when = ("finishing the reply" if worst_at >= finish_started
                  else f"streaming, at {worst_chars:,} characters")
    first, last = segments[0]["ui_cpu_pct"], segments[-1]["ui_cpu_pct"]
    log(f"  UI thread busy {first:.0f} % at the start of the reply, {last:.0f} % at "
        f"{segments[-1]['chars']:,} characters; finishing took {finish_ms:.0f} ms")
    return {
        "chars": sent_chars,
        "pieces": len(pieces),
        "rate": RATE,
        "segments": segments,
        "ui_cpu_pct_first": first,
        "ui_cpu_pct_last": last,
        "max_stall_ms": max(lateness),
        "max_stall_when": stall_when,
        "stalls_over_50ms": sum(1 for x in lateness if x > 50),
        "finish_ms": finish_ms,
        "seconds": marks[-1][1] - marks[0][1],
    }
