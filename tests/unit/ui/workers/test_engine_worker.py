"""The engine worker's relay: streamed text reaches the UI whole, in order, in batches, and
never waits for the next token."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.prompt_window import PromptPlan
from chatapp.errors import UserFacingError
from chatapp.ui.workers.engine_worker import TEXT_INTERVAL_S, _EngineWorker, _Relay

STATS = GenerationStats(10, 10, 5, 0.1, 0.1, 0.1, "eos")
PLAN = PromptPlan([1, 2, 3], 0, 0)


def started_relay(tmp_path: Path) -> tuple[_Relay, list[tuple[str, object]], _EngineWorker]:
    worker = _EngineWorker(tmp_path / "history.db", tmp_path / "probes.json")
    events: list[tuple[str, object]] = []
    worker.reply_text.connect(lambda text: events.append(("text", text)))
    worker.reply_finished.connect(lambda message, _stats: events.append(("finished", message)))
    worker.reply_failed.connect(lambda error, _message: events.append(("failed", error)))
    relay = _Relay(worker)
    relay.reply_started(None, PLAN)  # type: ignore[arg-type]
    return relay, events, worker


def texts(events: list[tuple[str, object]]) -> list[str]:
    return [str(value) for kind, value in events if kind == "text"]


def test_the_first_piece_goes_at_once_and_a_burst_is_batched(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    relay, events, _worker = started_relay(tmp_path)
    relay.reply_text("Hello")
    qtbot.waitUntil(lambda: texts(events) == ["Hello"])  # not held back for more
    pieces = [f" w{i}" for i in range(500)]
    started = time.monotonic()
    for piece in pieces:
        relay.reply_text(piece)
    relay.reply_finished(None, STATS)  # type: ignore[arg-type]
    elapsed = time.monotonic() - started
    qtbot.waitUntil(lambda: bool(events) and events[-1] == ("finished", None))
    sent = texts(events)
    assert "".join(sent) == "Hello" + "".join(pieces)  # nothing lost, nothing reordered
    # At most one signal per interval (plus the first and the final flush).
    assert len(sent) <= 3 + elapsed / TEXT_INTERVAL_S
    assert len(sent) < len(pieces) / 10


def test_held_text_goes_on_without_waiting_for_the_next_piece(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    relay, events, _worker = started_relay(tmp_path)
    relay.reply_text("one")
    qtbot.waitUntil(lambda: texts(events) == ["one"])
    relay.reply_text(" two")  # within the interval: held, then sent by the timer
    qtbot.waitUntil(lambda: texts(events) == ["one", " two"], timeout=5_000)
    relay.reply_finished(None, STATS)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: events[-1] == ("finished", None))


def test_held_text_is_sent_before_a_failure(qtbot: QtBot, tmp_path: Path) -> None:
    relay, events, _worker = started_relay(tmp_path)
    relay.reply_text("a")
    relay.reply_text("b")
    failure = UserFacingError("The disk is full.")
    relay.reply_failed(failure, None)
    qtbot.waitUntil(lambda: bool(events) and events[-1] == ("failed", failure))
    assert "".join(texts(events)) == "ab"
