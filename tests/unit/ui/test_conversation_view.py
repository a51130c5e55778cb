from __future__ import annotations

import dataclasses
import time

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from chatapp.engine.llama_engine import GenerationStats
from chatapp.history.store import Message
from chatapp.ui.conversation_view import EARLIER_BATCH, INITIAL_MESSAGES, ConversationView
from chatapp.ui.markdown_view import CodeBlock, PlainLabel, ProseLabel
from chatapp.ui.message_widget import LIVE_TAIL_LIMIT, MessageWidget
from chatapp.ui.theme import BUBBLE_SHARE, readable_width


def message(id_: int, role: str, content: str, state: str = "complete") -> Message:
    now = time.time()
    return Message(id=id_, conversation_id=1, role=role, content=content, state=state,
                   created_at=now, updated_at=now, model_file="m.gguf" if role == "assistant"
                   else None, model_sha256=None, generation_settings=None, prompt_tokens=10,
                   generated_tokens=5 if role == "assistant" else None, ttft_s=0.1,
                   tokens_per_s=50.0 if role == "assistant" else None, error=None)


STATS = GenerationStats(10, 10, 5, 0.1, 0.1, 0.1, "eos")


def make(qtbot: QtBot) -> ConversationView:
    view = ConversationView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    return view


def test_streamed_reply_renders_blocks_as_they_complete(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.show_conversation(1, [])
    view.add_user_message(message(1, "user", "Show code"))
    widget = view.start_reply()
    view.append_reply_text("Sure:\n\n```python\nprint(1)\n")
    qtbot.waitUntil(lambda: widget.findChildren(ProseLabel) != [])
    assert widget.findChildren(CodeBlock) == []  # the fence has not closed yet
    assert "print(1)" in widget.tail.text()
    view.append_reply_text("```\nDone.")
    qtbot.waitUntil(lambda: len(widget.findChildren(CodeBlock)) == 1)
    assert widget.tail.text() == "Done."
    final = message(2, "assistant", "Sure:\n\n```python\nprint(1)\n```\nDone.")
    view.finish_reply(final, STATS)
    assert not widget.streaming
    codes = [w for w in widget.findChildren(CodeBlock) if not w.property("deleted")]
    assert any(c.code == "print(1)" for c in codes)
    assert "5 tokens" in widget.stats_label.text()
    assert "50.0 tokens/s" in widget.stats_label.text()
    assert widget.regenerate_button.isVisibleTo(widget)


def test_copy_buttons_copy_code_and_message(qtbot: QtBot) -> None:
    view = make(qtbot)
    text = "Run:\n\n```sh\nls -la\n```"
    view.show_conversation(1, [message(1, "user", "how?"), message(2, "assistant", text)])
    reply = view.messages[-1]
    code = reply.findChildren(CodeBlock)[0]
    code.copy_button.click()
    assert QGuiApplication.clipboard().text() == "ls -la"
    assert code.copy_button.text() == "Copied"
    reply.copy_button.click()
    assert QGuiApplication.clipboard().text() == text


def test_long_conversations_open_with_the_latest_messages(qtbot: QtBot) -> None:
    view = make(qtbot)
    history = [message(i, "user" if i % 2 == 0 else "assistant", f"m{i}") for i in range(200)]
    view.show_conversation(1, history)
    assert len(view.messages) == INITIAL_MESSAGES
    assert view.messages[-1].text == "m199"
    assert view.earlier_button.isVisible()
    clicks = 0
    while view.earlier_button.isVisible():
        view.earlier_button.click()
        clicks += 1
        # Earlier messages arrive in order, above the ones already shown.
        assert view.messages[-1].text == "m199"
        assert [w.text for w in view.messages] == [
            f"m{i}" for i in range(200 - len(view.messages), 200)]
    assert clicks == -(-(200 - INITIAL_MESSAGES) // EARLIER_BATCH)
    assert len(view.messages) == 200
    assert view.messages[0].text == "m0"


def test_dropped_messages_are_announced_and_dimmed(qtbot: QtBot) -> None:
    view = make(qtbot)
    history = [message(i, "user" if i % 2 == 0 else "assistant", f"m{i}") for i in range(6)]
    view.show_conversation(1, history)
    view.set_dropped(2, 4096)
    assert view.notice.isVisible()
    assert "oldest 2 messages" in view.notice.text()
    assert [w.property("outOfContext") for w in view.messages] == [True, True] + [False] * 4
    view.set_dropped(0, 4096)
    assert not view.notice.isVisible()


def test_only_the_last_reply_offers_regenerate(qtbot: QtBot) -> None:
    view = make(qtbot)
    history = [message(1, "user", "a"), message(2, "assistant", "b"),
               message(3, "user", "c"), message(4, "assistant", "d")]
    view.show_conversation(1, history)
    visible = [w.regenerate_button.isVisibleTo(w) for w in view.messages]
    assert visible == [False, False, False, True]
    requests: list[bool] = []
    view.regenerate_requested.connect(lambda: requests.append(True))
    view.messages[-1].regenerate_button.click()
    assert requests == [True]


def test_a_failed_reply_shows_why(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.show_conversation(1, [])
    view.add_user_message(message(1, "user", "x" * 10))
    widget = view.start_reply()
    view.fail_reply("This message is too long for the model's context.", None)
    assert widget.error_label.isVisibleTo(widget)
    assert "too long" in widget.error_label.text()


def test_a_long_unfinished_block_keeps_the_live_label_short(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.show_conversation(1, [])
    widget = view.start_reply()
    lines = [f"line {i} of a paragraph that never ends" for i in range(400)]
    for line in lines:
        view.append_reply_text(line + "\n")
        widget.flush()
        assert len(widget.tail.text()) <= LIVE_TAIL_LIMIT + 60
    text = "\n".join(lines) + "\n"
    assert widget.text == text
    frozen = [w for w in widget.body.findChildren(PlainLabel) if w is not widget.tail]
    assert len(frozen) > 5  # the block was frozen in pieces...
    # ...which, with the live label, show all of it, in order.
    assert "\n".join(w.text() for w in frozen) + "\n" + widget.tail.text() == text
    final = message(2, "assistant", text)
    view.finish_reply(final, STATS)
    qtbot.waitUntil(lambda: not widget.findChildren(PlainLabel)
                    or all(not w.isVisibleTo(widget) for w in widget.findChildren(PlainLabel)))
    prose = [w for w in widget.findChildren(ProseLabel) if w.isVisibleTo(widget)]
    assert len(prose) == 1 and "line 399" in prose[0].text()


def test_a_paragraph_without_line_breaks_keeps_the_live_label_short(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.show_conversation(1, [])
    widget = view.start_reply()
    words = [f"word{i} " for i in range(1500)]
    for word in words:
        view.append_reply_text(word)
        widget.flush()
        assert len(widget.tail.text()) <= LIVE_TAIL_LIMIT + 20
    frozen = [w for w in widget.body.findChildren(PlainLabel) if w is not widget.tail]
    assert "".join(w.text() for w in frozen) + widget.tail.text() == "".join(words)


def test_text_that_arrives_together_is_rendered_once(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.show_conversation(1, [])
    widget = view.start_reply()
    renders = 0
    original = widget.flush

    def counting_flush() -> None:
        nonlocal renders
        renders += 1
        original()

    widget.flush = counting_flush  # type: ignore[method-assign]
    for i in range(50):  # as queued signals delivered in one pass of the event loop
        view.append_reply_text(f"word{i} ")
    assert renders == 0  # nothing is laid out per piece
    expected = "".join(f"word{i} " for i in range(50))
    qtbot.waitUntil(lambda: widget.tail.text() == expected)
    assert renders == 1
    qtbot.wait(100)
    assert renders == 1  # and nothing runs while no text arrives
    view.append_reply_text("more")
    qtbot.waitUntil(lambda: widget.tail.text().endswith("more"))
    assert renders == 2


def shown_blocks(widget: MessageWidget) -> list[tuple[str, str]]:
    """What a message shows, block by block, in order: (kind, text)."""
    shown = []
    layout = widget.body.layout()
    assert layout is not None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        block = item.widget() if item is not None else None
        if block is None or block is widget.tail or not block.isVisibleTo(widget):
            continue
        if isinstance(block, CodeBlock):
            shown.append(("code", block.code))
        elif isinstance(block, ProseLabel | PlainLabel):
            shown.append((type(block).__name__, block.text()))
    return shown


@pytest.mark.parametrize("text", [
    # Paragraphs and a loose list that streamed as separate blocks: one document at the end.
    "Intro paragraph.\n\n1. one\n\n2. two\n\n```python\nx = 1\n```\n\nMiddle text.\n\n"
    "```\nplain code\n```\nLast words, unfinished",
    # Code blocks between single paragraphs: what streamed is kept as it is.
    "```python\nx = 1\n```\nText after.\n\n```\ny = 2\n```\nThe end.",
])
def test_a_finished_reply_shows_what_opening_it_later_shows(qtbot: QtBot, text: str) -> None:
    view = make(qtbot)
    view.show_conversation(1, [])
    widget = view.start_reply()
    for start in range(0, len(text), 7):
        view.append_reply_text(text[start:start + 7])
        qtbot.wait(1)
    view.finish_reply(message(2, "assistant", text), STATS)
    fresh = MessageWidget("assistant", text)
    qtbot.addWidget(fresh)
    fresh.show()
    qtbot.wait(20)  # widgets added to a shown layout become visible on the next pass
    assert shown_blocks(widget) == shown_blocks(fresh)
    assert shown_blocks(widget)[-1][1].endswith(("unfinished", "The end."))


def test_a_long_conversation_opens_showing_its_last_message(qtbot: QtBot) -> None:
    view = make(qtbot)
    words = "some words of a message that wraps over a few lines " * 6
    view.show_conversation(1, [message(i, "user" if i % 2 == 0 else "assistant",
                                       f"m{i} {words}") for i in range(12)])
    column = view.widget()
    assert column is not None
    last = view.messages[-1]
    bar = view.verticalScrollBar()

    def last_message_in_view() -> bool:
        top = last.mapTo(column, last.rect().topLeft()).y() - bar.value()
        return top >= 0 and top + last.height() <= view.viewport().height()

    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    qtbot.waitUntil(last_message_in_view)
    # No empty space under the last message: the column ends where the messages do.
    bottom = last.geometry().bottom()
    assert column.height() - bottom < 60


def test_a_short_conversation_still_fills_the_view(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.show_conversation(None, [])
    view.set_placeholder("<p>Say hello</p>")
    column = view.widget()
    assert column is not None
    qtbot.waitUntil(view.placeholder.isVisible)
    # The column is never shorter than the view (its background and the placeholder).
    qtbot.waitUntil(lambda: column.height() >= view.viewport().height())
    assert view.verticalScrollBar().maximum() == 0


def test_a_long_list_item_frozen_while_streaming_then_finished(qtbot: QtBot) -> None:
    # Frozen parts of a long unfinished block, then a list continued after a blank
    # line: the finished reply still shows exactly what a fresh rendering shows.
    lines = "\n".join(f"line {i} of a long first paragraph" for i in range(120))
    text = f"{lines}\n\n- one\n- two\n\n- three\n\nThe end."
    view = make(qtbot)
    view.show_conversation(1, [])
    widget = view.start_reply()
    for start in range(0, len(text), 40):
        view.append_reply_text(text[start:start + 40])
        widget.flush()
    first_paragraph = widget.body.findChildren(ProseLabel)[0]
    view.finish_reply(message(2, "assistant", text), STATS)
    fresh = MessageWidget("assistant", text)
    qtbot.addWidget(fresh)
    fresh.show()
    qtbot.wait(20)
    assert shown_blocks(widget) == shown_blocks(fresh)
    assert [kind for kind, _ in shown_blocks(widget)] == ["ProseLabel"] * 3
    # Only the list was rendered again: the long paragraph's widget is the streamed one.
    assert first_paragraph.isVisibleTo(widget)
    assert first_paragraph.text() == lines


def test_a_thought_streams_then_folds_before_the_answer(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.show_conversation(1, [])
    view.add_user_message(message(1, "user", "2+2?"))
    widget = view.start_reply()
    thought = "The user asks <b>2+2</b>.\nThat is 4."
    for start in range(0, len(thought), 5):
        view.append_reasoning_text(thought[start:start + 5])
    qtbot.waitUntil(lambda: widget.thinking is not None and widget.thinking.text != "")
    block = widget.thinking
    assert block is not None and block.is_live and block.is_expanded
    # The end of the thought, its end and the answer all arrive before the next paint:
    # the thought is whole before it folds, and the answer shows under it.
    view.append_reasoning_text(" Done")
    view.reasoning_finished(3.2)
    view.append_reply_text("It is **4**.")
    assert block.text == thought + " Done"
    # A pair: mypy keeps what the assert above narrowed.
    assert (block.is_live, block.is_expanded) == (False, False)
    assert block.toggle.text() == "Thought for 3.2 s"
    qtbot.waitUntil(lambda: widget.tail.text() == "It is **4**.")
    assert widget.tail.isVisibleTo(widget)
    final = dataclasses.replace(message(2, "assistant", "It is **4**."),
                                reasoning=thought + " Done", reasoning_s=3.2, ttfa_s=3.5)
    view.finish_reply(final, STATS)
    assert block.toggle.text() == "Thought for 3.2 s"
    assert "first answer token 3.50 s" in widget.stats_label.text()
    widget.copy_button.click()
    assert QGuiApplication.clipboard().text() == "It is **4**."


def test_an_opened_chat_shows_stored_thoughts_folded(qtbot: QtBot) -> None:
    view = make(qtbot)
    thought = "Careful: a < b && b > c"
    view.show_conversation(1, [
        message(1, "user", "q"),
        dataclasses.replace(message(2, "assistant", "The answer."), reasoning=thought,
                            reasoning_s=12.4),
        message(3, "user", "q2"),
        message(4, "assistant", "No thought here."),
    ])
    reply, plain = view.messages[1], view.messages[3]
    assert reply.thinking is not None and plain.thinking is None
    qtbot.waitUntil(reply.thinking.isVisible)
    assert not reply.thinking.is_expanded
    assert reply.thinking.toggle.text() == "Thought for 12 s"
    reply.thinking.toggle.click()
    assert reply.thinking.body.toPlainText() == thought
    assert reply.text == "The answer."


def shown_rect(view: ConversationView, widget: QWidget) -> QRect:
    """Where ``widget`` is in the conversation's column."""
    column = view.widget()
    assert column is not None
    return QRect(widget.mapTo(column, QPoint(0, 0)), widget.size())


def laid_out(view: ConversationView, qtbot: QtBot) -> tuple[MessageWidget, MessageWidget]:
    view.show_conversation(1, [message(1, "user", "Short question?"),
                               message(2, "assistant", "A long answer that fills lines. " * 40)])
    user, reply = view.messages
    qtbot.waitUntil(lambda: settled(user) and settled(reply))
    return user, reply


def settled(widget: MessageWidget) -> bool:
    """The message is laid out: its row across the column, its frame placed in the row."""
    layout = widget.layout()
    return widget.width() > 300 and layout is not None and not layout.geometry().isEmpty() \
        and widget.frame.geometry().right() in (widget.width() - 1,
                                                widget.frame.width() - 1)


def test_the_users_message_is_a_bubble_on_the_trailing_side(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.resize(900, 600)
    user, reply = laid_out(view, qtbot)
    bubble, answer = shown_rect(view, user.frame), shown_rect(view, reply.frame)
    # The answer spans the column; the bubble ends where it ends, as wide as its words.
    assert bubble.right() == answer.right()
    assert bubble.left() > answer.left() + answer.width() // 2
    assert answer.width() > 2 * bubble.width()
    # Right to left, the bubble is on the left.
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    qtbot.waitUntil(lambda: shown_rect(view, user.frame).left()
                    == shown_rect(view, reply.frame).left())
    bubble, answer = shown_rect(view, user.frame), shown_rect(view, reply.frame)
    assert bubble.right() < answer.left() + answer.width() // 2


def test_a_long_question_wraps_in_a_bubble_three_quarters_wide(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.resize(900, 600)
    view.show_conversation(1, [message(1, "user", "A question that goes on. " * 30)])
    user = view.messages[0]
    qtbot.waitUntil(lambda: settled(user))
    row = shown_rect(view, user)
    bubble = shown_rect(view, user.frame)
    assert bubble.right() == row.right()
    assert row.width() * 0.7 < bubble.width() <= row.width() * BUBBLE_SHARE + 1
    # Tall enough for all of its wrapped lines.
    assert user.tail.height() >= user.tail.heightForWidth(user.tail.width())


def test_the_conversation_keeps_a_readable_width_centred(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.resize(1800, 600)
    _user, reply = laid_out(view, qtbot)
    answer = shown_rect(view, reply.frame)
    assert answer.width() <= readable_width(100)
    assert abs(answer.left() - (view.viewport().width() - 1 - answer.right())) <= 2
    view.resize(600, 600)  # a narrow window: the column takes (nearly) all of it
    qtbot.waitUntil(lambda: shown_rect(view, reply.frame).width() > 520)


def test_messages_are_named_for_screen_readers(qtbot: QtBot) -> None:
    view = make(qtbot)
    user, reply = laid_out(view, qtbot)
    assert user.accessibleName() == "You: Short question?"
    assert reply.accessibleName().startswith("Assistant: A long answer that fills lines.")
    assert len(reply.accessibleName()) <= len("Assistant: ") + 80
    assert "50.0 tokens/s" in reply.accessibleDescription()
    assert view.accessibleName() == "Conversation"
    column = view.widget()
    assert column is not None and column.accessibleName() == "Conversation"


def test_icon_only_message_actions_are_named(qtbot: QtBot) -> None:
    view = make(qtbot)
    _user, reply = laid_out(view, qtbot)
    buttons = [reply.copy_button, reply.regenerate_button, reply.switcher.previous,
               reply.switcher.next]
    for button in buttons:
        assert not button.icon().isNull() and button.accessibleName() and button.toolTip()
    assert [b.accessibleName() for b in buttons] == [
        "Copy message", "Regenerate", "Previous version", "Next version"]
    reply.copy_button.click()
    assert reply.copy_button.text() == "Copied"
    assert QGuiApplication.clipboard().text() == reply.text


def test_a_question_being_edited_takes_the_whole_bubble_width(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.resize(900, 600)
    user, _reply = laid_out(view, qtbot)
    small = shown_rect(view, user.frame).width()
    row = shown_rect(view, user).width()
    user.start_editing()
    qtbot.waitUntil(lambda: shown_rect(view, user.frame).width() > small)
    assert shown_rect(view, user.frame).width() == pytest.approx(row * BUBBLE_SHARE, abs=2)
    assert shown_rect(view, user.frame).right() == shown_rect(view, user).right()
    user.stop_editing()
    qtbot.waitUntil(lambda: shown_rect(view, user.frame).width() == small)
