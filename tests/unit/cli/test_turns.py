"""The terminal listener: what goes to stdout and stderr as a reply streams."""

from __future__ import annotations

import io
import os
import threading

from chatapp.cli.turns import TerminalListener, TurnOutput
from chatapp.errors import UserFacingError


def stream(listener: TerminalListener) -> None:
    listener.reply_reasoning("The user wants ")
    listener.reply_reasoning("a capital.")
    listener.reasoning_finished(1.5)
    listener.reply_text("Paris")
    listener.reply_text(".")
    listener.reply_failed(UserFacingError("The disk is full."), None)  # ends the answer


def test_the_thought_goes_to_stderr_when_asked_and_the_answer_to_stdout() -> None:
    shown, hidden = [(io.StringIO(), io.StringIO()) for _ in range(2)]
    stream(TerminalListener(TurnOutput(*shown, show_thinking=True), threading.Event()))
    stream(TerminalListener(TurnOutput(*hidden), threading.Event()))
    assert [s.getvalue() for s in shown] == ["Paris.\n", "Thinking: The user wants a capital.\n"]
    assert [s.getvalue() for s in hidden] == ["Paris.\n", ""]


def test_a_reader_that_goes_away_stops_the_reply() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    with open(write_end, "w", encoding="utf-8") as answer:
        stop = threading.Event()
        listener = TerminalListener(TurnOutput(answer, io.StringIO()), stop)
        listener.reply_text("Nobody reads this.")
        assert listener.output_closed and stop.is_set()
        listener.reply_text("Nor this.")  # no second failure
