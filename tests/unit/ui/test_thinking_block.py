from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from chatapp.formatting import format_elapsed
from chatapp.history.store import Message
from chatapp.ui.message_widget import MessageWidget, format_stats
from chatapp.ui.thinking_block import LIVE_PARAGRAPH_LIMIT, ThinkingBlock


class Clock:
    """Seconds that pass only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def reply(content: str, *, reasoning: str | None = None, reasoning_s: float | None = None,
          state: str = "complete", ttft_s: float | None = 0.3,
          ttfa_s: float | None = None) -> Message:
    now = time.time()
    return Message(id=2, conversation_id=1, role="assistant", content=content, state=state,
                   created_at=now, updated_at=now, model_file="m.gguf", model_sha256=None,
                   generation_settings=None, prompt_tokens=10, generated_tokens=5,
                   ttft_s=ttft_s, tokens_per_s=50.0, error=None, reasoning=reasoning,
                   reasoning_s=reasoning_s, ttfa_s=ttfa_s)


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[QWidget]:
    """A shown window for a block (the fixture keeps it alive, qtbot closes it)."""
    widget = QWidget()
    QVBoxLayout(widget)
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    yield widget


def make_block(host: QWidget, clock: Clock) -> ThinkingBlock:
    block = ThinkingBlock(host, clock=clock)
    layout = host.layout()
    assert layout is not None
    layout.addWidget(block)
    return block


def ticking(block: ThinkingBlock) -> bool:
    """Whether a timer of the block still wakes the UI thread."""
    return any(timer.isActive() for timer in block.findChildren(QTimer))


@pytest.mark.parametrize(("seconds", "shown"), [
    (0.04, "0 s"), (0.4, "0.4 s"), (7.0, "7 s"), (9.96, "10 s"), (12.4, "12 s"),
    (59.6, "1 min"), (65, "1 min 5 s"), (120, "2 min"), (3725, "1 h 2 min"), (7200, "2 h"),
])
def test_elapsed_times_read_as_people_say_them(seconds: float, shown: str) -> None:
    assert format_elapsed(seconds) == shown


def test_an_empty_block_is_hidden(host: QWidget) -> None:
    block = make_block(host, Clock())
    assert block.isHidden()
    block.set_text("")
    assert block.isHidden()
    block.set_text("a thought")
    assert not block.isHidden()


def test_the_live_header_counts_the_seconds(qtbot: QtBot, host: QWidget) -> None:
    clock = Clock()
    block = make_block(host, clock)
    block.start()
    block.append("Let me see.")
    assert block.toggle.text() == "Thinking…"
    assert block.is_live and block.is_expanded and ticking(block)
    clock.now += 7.2
    # The block's own one-second timer shows it: no call from the test.
    qtbot.waitUntil(lambda: block.toggle.text() == "Thinking… 7 s", timeout=5000)
    clock.now += 58
    qtbot.waitUntil(lambda: block.toggle.text() == "Thinking… 1 min 5 s", timeout=5000)
    assert block.toggle.accessibleName() == "Thinking… 1 min 5 s"


def test_finishing_folds_the_block_and_says_how_long(host: QWidget) -> None:
    clock = Clock()
    block = make_block(host, clock)
    block.start(started_at=clock.now - 3)
    block.append("Step one.\nStep two.")
    block.finish(12.4)
    assert not block.is_live
    assert not block.is_expanded
    assert not block.content.isVisibleTo(block)
    assert block.toggle.text() == "Thought for 12 s"
    assert not ticking(block)


def test_the_toggle_opens_and_folds_the_thought(host: QWidget) -> None:
    block = make_block(host, Clock())
    block.set_text("first line\nsecond line")
    block.finish(0.4)
    assert block.toggle.text() == "Thought for 0.4 s"
    assert not block.content.isVisibleTo(block)
    block.toggle.click()
    assert block.is_expanded and block.content.isVisibleTo(block)
    assert block.copy_button.isVisibleTo(block)
    assert block.body.toPlainText() == "first line\nsecond line"
    assert block.body.height() > 2 * block.body.fontMetrics().lineSpacing()
    block.toggle.click()
    # A pair: mypy keeps what the assert above narrowed.
    assert (block.is_expanded, block.content.isVisibleTo(block)) == (False, False)


def test_the_thought_is_plain_text(host: QWidget) -> None:
    thought = "Is <b>x</b> & y the same as &amp;? <img src=x>"
    block = make_block(host, Clock())
    block.start()
    block.append(thought[:10])
    block.append(thought[10:])
    assert block.body.toPlainText() == thought
    block.finish(1.0)
    block.set_expanded(True)
    assert block.body.toPlainText() == thought
    assert block.body.accessibleName() == "The model's thought"
    assert block.body.isReadOnly()


def test_the_live_window_stops_growing_and_follows_the_end(host: QWidget) -> None:
    block = make_block(host, Clock())
    block.start()
    heights = []
    for i in range(60):
        block.append(f"line {i} of the thought\n")
        heights.append(block.body.height())
    # Full after a few lines: from then on the conversation never lays out again for it.
    assert heights[-1] == heights[20] < 20 * block.body.fontMetrics().lineSpacing()
    bar = block.body.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()


def test_a_paragraph_that_never_ends_is_shown_whole_when_the_thought_ends(
        host: QWidget) -> None:
    block = make_block(host, Clock())
    block.start()
    words = [f"word{i} " for i in range(LIVE_PARAGRAPH_LIMIT // 2)]
    for word in words:
        block.append(word)
    document = block.body.document()
    # Broken into paragraphs while live, so each piece lays out a short one...
    assert document.blockCount() > 1
    assert max(len(line) for line in block.body.toPlainText().split("\n")) \
        <= LIVE_PARAGRAPH_LIMIT + 20
    assert block.text == "".join(words)
    block.finish(2.0)
    block.set_expanded(True)
    # ...and as it was written once it is over.
    assert document.blockCount() == 1
    assert block.body.toPlainText() == "".join(words)


def test_copy_thought_copies_the_thought_and_copy_the_answer(qtbot: QtBot) -> None:
    widget = MessageWidget("assistant", "")
    qtbot.addWidget(widget)
    widget.show()
    widget.start_streaming()
    widget.append_reasoning("The user wants <b>bold</b>.")
    widget.finish_reasoning(2.0)
    widget.append("Here: **bold**")
    widget.finish(reply("Here: **bold**", reasoning="The user wants <b>bold</b>.",
                        reasoning_s=2.0))
    assert widget.thinking is not None
    widget.thinking.toggle.click()
    widget.thinking.copy_button.click()
    assert QGuiApplication.clipboard().text() == "The user wants <b>bold</b>."
    assert widget.thinking.copy_button.text() == "Copied"
    widget.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Here: **bold**"


def test_a_stored_reply_shows_its_thought_folded(qtbot: QtBot) -> None:
    widget = MessageWidget("assistant", "The answer.")
    qtbot.addWidget(widget)
    widget.set_message(reply("The answer.", reasoning="Hmm <i>really</i>?",
                             reasoning_s=75))
    widget.show()
    block = widget.thinking
    assert block is not None and block.isVisibleTo(widget)
    assert not block.is_expanded and not block.is_live
    assert block.toggle.text() == "Thought for 1 min 15 s"
    block.toggle.click()
    assert block.body.toPlainText() == "Hmm <i>really</i>?"

    untimed = MessageWidget("assistant", "The answer.")
    qtbot.addWidget(untimed)
    untimed.set_message(reply("The answer.", reasoning="Hmm."))
    assert untimed.thinking is not None
    assert untimed.thinking.toggle.text() == "Thought"

    plain = MessageWidget("assistant", "The answer.")
    qtbot.addWidget(plain)
    plain.set_message(reply("The answer."))
    assert plain.thinking is None  # no thought, no block


def test_a_reply_stopped_while_thinking_keeps_its_thought(qtbot: QtBot) -> None:
    clock = Clock()
    widget = MessageWidget("assistant", "", clock=clock)
    qtbot.addWidget(widget)
    widget.show()
    widget.start_streaming()
    widget.append_reasoning("First I need to")
    widget.flush()
    assert widget.thinking is not None
    assert not widget.tail.isVisibleTo(widget)  # the live block, not "…", shows the work
    clock.now += 8.2
    widget.finish(reply("", reasoning="First I need to", state="stopped"))
    block = widget.thinking
    assert not block.is_live
    assert block.toggle.text() == "Thought for 8.2 s (stopped)"
    assert block.text == "First I need to"
    assert block.is_expanded  # what the user was watching stays in view
    assert not ticking(block)

    failed = MessageWidget("assistant", "")
    qtbot.addWidget(failed)
    failed.start_streaming()
    failed.append_reasoning("Thinking about it")
    failed.fail("The model stopped working.", None)
    assert failed.thinking is not None
    assert failed.thinking.toggle.text().endswith("(stopped)")
    assert failed.thinking.text == "Thinking about it"
    assert not ticking(failed.thinking)


def test_a_stored_reply_stopped_while_thinking_says_so(qtbot: QtBot) -> None:
    widget = MessageWidget("assistant", "")
    qtbot.addWidget(widget)
    widget.set_message(reply("", reasoning="Well,", reasoning_s=3.0, state="stopped"))
    assert widget.thinking is not None
    assert widget.thinking.toggle.text() == "Thought for 3 s (stopped)"
    answered = MessageWidget("assistant", "Partial answer")
    qtbot.addWidget(answered)
    answered.set_message(reply("Partial answer", reasoning="Well,", reasoning_s=3.0,
                               state="stopped"))
    assert answered.thinking is not None
    assert answered.thinking.toggle.text() == "Thought for 3 s"


def test_stats_show_the_first_answer_token_when_it_came_later() -> None:
    thought_first = reply("a", ttft_s=0.31, ttfa_s=12.714, reasoning="Hm.", reasoning_s=12.3)
    assert format_stats(thought_first) == (
        "5 tokens · 50.0 tokens/s · first token 0.31 s · first answer token 12.71 s · m.gguf")
    # The same moment as shown: said once.
    same = dataclasses.replace(thought_first, ttfa_s=0.312)
    assert "first answer token" not in format_stats(same)
    assert "first answer token" not in format_stats(dataclasses.replace(same, ttfa_s=None))
    # Without a thought the answer's first token is the first token, a few ms later.
    plain = dataclasses.replace(thought_first, reasoning=None, reasoning_s=None, ttfa_s=0.33)
    assert format_stats(plain) == "5 tokens · 50.0 tokens/s · first token 0.31 s · m.gguf"
