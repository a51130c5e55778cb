from __future__ import annotations

import time

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from chatapp.engine.llama_engine import GenerationStats
from chatapp.history.store import Message
from chatapp.ui.conversation_view import INITIAL_MESSAGES, ConversationView
from chatapp.ui.markdown_view import CodeBlock, ProseLabel


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
    view.add_user_message("Show code")
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
    view.earlier_button.click()
    assert len(view.messages) == 200
    assert view.messages[0].text == "m0"
    assert not view.earlier_button.isVisible()


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
    view.add_user_message("x" * 10)
    widget = view.start_reply()
    view.fail_reply("This message is too long for the model's context.", None)
    assert widget.error_label.isVisibleTo(widget)
    assert "too long" in widget.error_label.text()
