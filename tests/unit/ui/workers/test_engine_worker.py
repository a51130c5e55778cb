"""The engine worker's relay: streamed text reaches the UI whole, in order, in batches."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from chatapp.engine.llama_engine import GenerationStats
from chatapp.ui.workers.engine_worker import TEXT_INTERVAL_S, _EngineWorker, _Relay

STATS = GenerationStats(10, 10, 5, 0.1, 0.1, 0.1, "eos")


def relay_and_log(tmp_path: Path) -> tuple[_Relay, list[tuple[str, object]]]:
    worker = _EngineWorker(tmp_path / "history.db", tmp_path / "probes.json")
    events: list[tuple[str, object]] = []
    worker.reply_text.connect(lambda text: events.append(("text", text)))
    worker.reply_finished.connect(lambda message, _stats: events.append(("finished", message)))
    worker.reply_failed.connect(lambda text, _message: events.append(("failed", text)))
    return _Relay(worker), events


def texts(events: list[tuple[str, object]]) -> list[str]:
    return [str(value) for kind, value in events if kind == "text"]


def test_the_first_piece_goes_at_once_and_a_burst_is_batched(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    relay, events = relay_and_log(tmp_path)
    relay.reply_text("Hello")
    assert texts(events) == ["Hello"]  # the first token is not held back
    pieces = [f" w{i}" for i in range(500)]
    started = time.monotonic()
    for piece in pieces:
        relay.reply_text(piece)
    elapsed = time.monotonic() - started
    relay.reply_finished(None, STATS)  # type: ignore[arg-type]
    sent = texts(events)
    assert "".join(sent) == "Hello" + "".join(pieces)  # nothing lost, nothing reordered
    # At most one signal per interval (plus the first and the final flush).
    assert len(sent) <= 3 + elapsed / TEXT_INTERVAL_S
    assert len(sent) < len(pieces) / 10
    assert events[-1] == ("finished", None)  # every piece reached the UI before the end


def test_a_slow_stream_is_sent_piece_by_piece(qtbot: QtBot, tmp_path: Path) -> None:
    relay, events = relay_and_log(tmp_path)
    for piece in ("one", " two", " three"):
        relay.reply_text(piece)
        time.sleep(TEXT_INTERVAL_S * 1.5)
    assert texts(events) == ["one", " two", " three"]


def test_held_text_is_sent_before_a_failure(qtbot: QtBot, tmp_path: Path) -> None:
    relay, events = relay_and_log(tmp_path)
    relay.reply_text("a")
    relay.reply_text("b")  # within the interval: held
    relay.reply_failed("The disk is full.", None)
    assert "".join(texts(events)) == "ab"
    assert events[-1] == ("failed", "The disk is full.")
