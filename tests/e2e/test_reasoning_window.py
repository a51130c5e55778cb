"""A reasoning reply in the real window: a timed Thinking block above the answer.

The test model does not think; it gets Qwen3's chat template as the user's custom
template (as Models ▸ Chat template… saves it) and llama.cpp's grammar sampler makes
it write a thought and an answer, as Qwen3 does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chatapp.history.store import HistoryStore
from chatapp.models import template_overrides
from chatapp.paths import AppPaths
from chatapp.ui.main_window import MainWindow
from chatapp.ui.message_widget import MessageWidget
from chatapp.ui.thinking_block import ThinkingBlock
from tests.e2e.conftest import OpenWindow, model_settings, send, wait_loaded, wait_reply_done
from tests.reasoning_grammars import THINK_TAGS, replies_follow
from tests.unit.engine.test_template_corpus import templates_dir


def last_reply(window: MainWindow) -> MessageWidget | None:
    replies = [m for m in window.view.messages if m.role == "assistant"]
    return replies[-1] if replies else None


def thinking(window: MainWindow) -> ThinkingBlock | None:
    reply = last_reply(window)
    return reply.thinking if reply is not None else None


def test_a_thought_is_shown_apart_timed_and_folded(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path) -> None:
    qwen3 = (templates_dir() / "Qwen-Qwen3-0.6B.jinja").read_text(encoding="utf-8")
    template_overrides.save(model_path, qwen3)
    window = open_window(model_settings(model_path, max_reply_tokens=60))
    wait_loaded(qtbot, window)
    summary = window.session.model
    assert summary is not None and "custom" in summary.chat_template
    # Qwen3's template takes enable_thinking: the chat offers the switch.
    choice = window.composer.thinking
    assert choice.isVisible()
    assert [choice.itemText(i) for i in range(choice.count())] == ["Thinking on",
                                                                    "Thinking off"]
    with replies_follow(THINK_TAGS):
        send(qtbot, window, "Why is the sky blue?")
        # While it thinks, the block is live and counts.
        qtbot.waitUntil(lambda: bool((block := thinking(window)) and block.text),
                        timeout=120_000)
        live = thinking(window)
        assert live is not None and live.header_text().startswith("Thinking")
        wait_reply_done(qtbot, window)
    reply = last_reply(window)
    assert reply is not None
    block = reply.thinking
    assert block is not None
    assert (block.is_live, block.is_expanded) == (False, False)  # folded when it ended
    assert block.header_text().startswith("Thought for ")
    with HistoryStore(app_paths.history_db) as store:
        conversation = store.list_conversations()[0]
        stored = store.list_messages(conversation.id)[-1]
    assert stored.reasoning and stored.content
    assert block.text == stored.reasoning
    assert reply.text == stored.content  # the answer alone, no markup, no thought
    assert "think>" not in reply.text
    assert "first answer token" in reply.stats_label.text()
    qtbot.mouseClick(block.toggle, Qt.MouseButton.LeftButton)
    assert block.is_expanded

    # Thinking off for this chat: stored with the chat, and the template is told.
    choice.setCurrentIndex(choice.findData("off"))
    choice.activated.emit(choice.currentIndex())
    qtbot.waitUntil(lambda: any(c.thinking == "off" for c in window.session.conversations),
                    timeout=10_000)
    with HistoryStore(app_paths.history_db) as store:
        assert store.get_conversation(conversation.id).thinking == "off"
