"""Going back to a chat in the session, and after a restart: only the new message is read
(real engine thread, real store, the real model, the real cache folder)."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from chatapp.engine.kv_state_store import SUFFIX
from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.load_probe import ProbeCache
from chatapp.models.starter import STARTER
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.chat_session import ChatSession
from chatapp.ui.composer import ComposerState

TIMEOUT_MS = 300_000

GARDEN = ("Here are my notes on the garden. " + "The tomatoes grow by the south wall, the "
          "beans climb the fence, and the herbs sit in pots near the door. " * 8
          + "Where do the beans grow?")
TRIP = ("Here is my plan for the trip. " + "We leave on Monday by train, stop two nights in "
        "the mountains, then take the ferry across the lake. " * 8 + "How do we cross?")


def started(qtbot: QtBot, app_paths: AppPaths, model_path: Path,
            finished: list[GenerationStats]) -> ChatSession:
    session = ChatSession(app_paths, Settings(last_model_path=str(model_path),
                                              temperature=0.0, max_reply_tokens=16,
                                              context_length=2048))
    session.reply_finished.connect(lambda _message, stats: finished.append(stats))
    session.start()
    qtbot.waitUntil(lambda: session.composer is ComposerState.READY and not session.busy,
                    timeout=TIMEOUT_MS)
    return session


def answered(qtbot: QtBot, session: ChatSession, text: str) -> None:
    assert session.send(text)
    qtbot.waitUntil(lambda: session.turn is None and session.current is not None,
                    timeout=TIMEOUT_MS)


def quit_session(session: ChatSession) -> None:
    session.request_stop()
    assert session.wait_stopped(time.monotonic() + 60)


def test_a_chat_left_and_the_last_chat_after_a_restart_read_only_what_is_new(
        qtbot: QtBot, app_paths: AppPaths, model_path: Path) -> None:
    # The starter model passed its first-load probe long ago: skip the child process.
    ProbeCache(app_paths.probe_cache).remember(model_path, STARTER.sha256)
    finished: list[GenerationStats] = []
    session = started(qtbot, app_paths, model_path, finished)
    try:
        session.new_conversation()
        answered(qtbot, session, GARDEN)
        garden = session.current
        assert garden is not None
        session.new_conversation()
        answered(qtbot, session, TRIP)
        assert finished[-1].evaluated_prompt_tokens > 150  # the trip was never read before
        session.open_conversation(garden)
        answered(qtbot, session, "And the herbs?")
        back = finished[-1]
        assert back.prompt_tokens > 200
        # The new question and its markup (and the last reply, tokenized as text now).
        assert back.evaluated_prompt_tokens < 40
    finally:
        quit_session(session)
    # The chat open at quit was saved to the cache folder.
    assert len(list(app_paths.kv_state_dir.glob(f"*/*{SUFFIX}"))) == 1

    finished.clear()
    restarted = started(qtbot, app_paths, model_path, finished)
    try:
        restarted.open_conversation(garden)
        qtbot.waitUntil(lambda: restarted.current == garden, timeout=TIMEOUT_MS)
        answered(qtbot, restarted, "And the tomatoes?")
        [resumed] = finished
        assert resumed.prompt_tokens > back.prompt_tokens
        assert resumed.evaluated_prompt_tokens < 40
    finally:
        quit_session(restarted)
