"""The chat session and its turn state machine: real workers, real store, the real model."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.model_loader import ModelSummary
from chatapp.errors import InternalError, UserFacingError
from chatapp.history.store import HistoryDamagedError, HistoryStore, Message
from chatapp.models.starter import STARTER
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.chat_session import (
    ChatSession,
    ModelScan,
    StreamedReply,
    Turn,
    TurnPhase,
    composer_state,
)
from chatapp.ui.composer import ComposerState

TIMEOUT_MS = 300_000


@dataclass
class Seen:
    """Everything the session told the window, in order."""

    shown: list[tuple[int | None, list[Message], StreamedReply | None]] = field(
        default_factory=list)
    questions: list[Message] = field(default_factory=list)
    begun: list[bool] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    finished: list[Message] = field(default_factory=list)
    failed: list[tuple[UserFacingError, Message | None]] = field(default_factory=list)
    composer: list[ComposerState] = field(default_factory=list)
    errors: list[UserFacingError] = field(default_factory=list)
    damaged: list[HistoryDamagedError] = field(default_factory=list)
    models: list[ModelSummary | None] = field(default_factory=list)


def watch(session: ChatSession) -> Seen:
    seen = Seen()
    session.conversation_shown.connect(lambda c, m, s: seen.shown.append((c, m, s)))
    session.question_saved.connect(seen.questions.append)
    session.reply_begun.connect(seen.begun.append)
    session.reply_text.connect(seen.text.append)
    session.reply_finished.connect(lambda message, _stats: seen.finished.append(message))
    session.reply_failed.connect(lambda error, message: seen.failed.append((error, message)))
    session.composer_changed.connect(seen.composer.append)
    session.error.connect(seen.errors.append)
    session.history_damaged.connect(seen.damaged.append)
    session.model_changed.connect(seen.models.append)
    return seen


@pytest.fixture
def make_session(qtbot: QtBot, app_paths: AppPaths,
                 model_path: Path) -> Iterator[Callable[..., ChatSession]]:
    # The starter model passed its first-load probe long ago: skip the child process.
    ProbeCache(app_paths.cache_dir / "probe-results.json").remember(model_path, STARTER.sha256)
    sessions: list[ChatSession] = []

    def make(**changes: object) -> ChatSession:
        values: dict[str, object] = {"last_model_path": str(model_path), "temperature": 0.0,
                                     "max_reply_tokens": 24, **changes}
        session = ChatSession(app_paths, Settings(**values))  # type: ignore[arg-type]
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.request_stop()
        assert session.wait_stopped(time.monotonic() + 30)


def ready(qtbot: QtBot, session: ChatSession) -> None:
    session.start()
    qtbot.waitUntil(lambda: session.composer is ComposerState.READY and not session.busy,
                    timeout=TIMEOUT_MS)


def turn_done(qtbot: QtBot, session: ChatSession) -> None:
    qtbot.waitUntil(lambda: session.turn is None, timeout=TIMEOUT_MS)


def stored(app_paths: AppPaths, conversation_id: int) -> list[tuple[str, str]]:
    with HistoryStore(app_paths.history_db) as store:
        return [(m.role, m.state) for m in store.list_messages(conversation_id)]


# -- the composer's state, decided in one place -------------------------------------------


def test_the_composer_state_follows_the_model_and_the_turn() -> None:
    model: Any = object()  # only "a model is loaded" matters here
    saving = Turn(None, TurnPhase.SAVING, 0)
    answering = Turn(1, TurnPhase.ANSWERING, 0)
    assert composer_state(None, False, None) is ComposerState.NO_MODEL
    assert composer_state(None, True, None) is ComposerState.LOADING
    assert composer_state(model, True, None) is ComposerState.LOADING
    assert composer_state(model, False, None) is ComposerState.READY
    assert composer_state(model, True, saving) is ComposerState.SENDING
    assert composer_state(model, True, answering) is ComposerState.GENERATING


# -- a turn --------------------------------------------------------------------------------


def test_a_message_is_in_the_history_before_it_is_shown(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    session = make_session()
    seen = watch(session)
    ready(qtbot, session)
    in_history_when_shown: list[bool] = []

    def check(message: Message) -> None:
        with HistoryStore(app_paths.history_db) as store:
            in_history_when_shown.append(
                store.get_message(message.id).content == "Hello there")

    session.question_saved.connect(check)
    assert session.send("Hello there")
    assert seen.composer[-1] is ComposerState.SENDING  # the draft stays until it is saved
    turn_done(qtbot, session)
    assert in_history_when_shown == [True]
    assert len(seen.finished) == 1 and seen.finished[0].state == "complete"
    conversation = seen.questions[0].conversation_id
    assert session.current == conversation
    assert stored(app_paths, conversation) == [("user", "complete"), ("assistant", "complete")]
    assert seen.composer[-2:] == [ComposerState.GENERATING, ComposerState.READY]


def test_a_message_that_cannot_be_saved_is_not_shown_and_stays_in_the_draft(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    with HistoryStore(app_paths.history_db) as store:
        doomed = store.create_conversation("Doomed")
        store.add_message(doomed.id, "user", "Earlier question")
    session = make_session()
    seen = watch(session)
    ready(qtbot, session)
    qtbot.waitUntil(lambda: session.current == doomed.id)
    with HistoryStore(app_paths.history_db) as store:  # another window deletes it
        store.delete_conversation(doomed.id)
    assert session.send("Into the void")
    qtbot.waitUntil(lambda: session.turn is None and bool(seen.errors))
    assert seen.questions == [] and seen.begun == []
    assert "no longer exists" in seen.errors[-1].user_message
    assert session.composer is ComposerState.READY


def test_the_first_message_of_a_new_chat_then_a_click_elsewhere(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    with HistoryStore(app_paths.history_db) as store:
        other = store.create_conversation("Other chat")
        store.add_message(other.id, "user", "An old question")
        store.add_message(other.id, "assistant", "An old answer")
    session = make_session()
    seen = watch(session)
    ready(qtbot, session)
    session.new_conversation()
    assert session.send("Name a colour.")
    # Before the new chat exists, the user clicks the other chat.
    session.open_conversation(other.id)
    turn_done(qtbot, session)
    qtbot.waitUntil(lambda: len(session.conversations) == 2)
    new = next(c.id for c in session.conversations if c.id != other.id)
    # The reply landed in the new chat, and nothing of it was shown in the other one.
    assert stored(app_paths, new) == [("user", "complete"), ("assistant", "complete")]
    assert stored(app_paths, other.id) == [("user", "complete"), ("assistant", "complete")]
    assert session.current == other.id
    assert seen.questions == [] and seen.text == [] and seen.finished == []
    # Opening the new chat shows the question and its reply.
    session.open_conversation(new)
    qtbot.waitUntil(lambda: seen.shown[-1][0] == new)
    assert [(m.role, m.state) for m in seen.shown[-1][1]] == [("user", "complete"),
                                                              ("assistant", "complete")]
    # The next message goes where the user is looking.
    session.open_conversation(other.id)
    qtbot.waitUntil(lambda: seen.shown[-1][0] == other.id)
    assert session.send("And another one?")
    turn_done(qtbot, session)
    assert len(stored(app_paths, other.id)) == 4
    assert len(stored(app_paths, new)) == 2


def test_the_reply_being_written_is_shown_when_its_chat_is_opened_again(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    with HistoryStore(app_paths.history_db) as store:
        other = store.create_conversation("Other chat")
    session = make_session(max_reply_tokens=400, temperature=0.8)
    seen = watch(session)
    ready(qtbot, session)
    session.new_conversation()
    assert session.send("Write a long story about a lighthouse.")
    qtbot.waitUntil(lambda: len(seen.text) >= 3, timeout=TIMEOUT_MS)
    writing = seen.questions[0].conversation_id
    session.open_conversation(other.id)
    qtbot.waitUntil(lambda: seen.shown[-1][0] == other.id)
    seen.text.clear()
    session.open_conversation(writing)
    qtbot.waitUntil(lambda: seen.shown[-1][0] == writing)
    _, messages, streaming = seen.shown[-1]
    assert [m.role for m in messages] == ["user"]  # the streaming row is the live reply
    assert streaming is not None and streaming.answer  # what had streamed so far
    assert streaming.reasoning == "" and streaming.thought_seconds is None  # no thinking
    session.stop()
    turn_done(qtbot, session)
    final = seen.finished[-1]
    assert final.state == "stopped" and final.content.startswith(streaming.answer)


def test_stop_while_the_message_is_saved_means_no_reply(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    session = make_session()
    seen = watch(session)
    ready(qtbot, session)
    assert session.send("Tell me a story.")
    assert session.turn is not None and session.turn.phase is TurnPhase.SAVING
    session.stop()
    turn_done(qtbot, session)
    assert seen.begun == [] and seen.finished == []
    conversation = seen.questions[0].conversation_id
    assert stored(app_paths, conversation) == [("user", "complete")]
    assert session.composer is ComposerState.READY


def test_stop_while_the_prompt_is_read_ends_the_reply_before_its_first_token(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    session = make_session(max_reply_tokens=400)
    seen = watch(session)
    ready(qtbot, session)
    session.reply_begun.connect(lambda _replaces: session.stop())  # the engine was just asked
    assert session.send("Write a very long story about a dragon.")
    turn_done(qtbot, session)
    assert len(seen.finished) == 1
    reply = seen.finished[0]
    assert reply.state == "stopped" and reply.generated_tokens == 0 and reply.content == ""
    assert seen.text == []


@pytest.mark.expect_log("chatapp.conversation.reply_runner", "The reply failed unexpectedly")
def test_an_unexpected_error_in_a_turn_ends_it(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths,
        caplog: pytest.LogCaptureFixture) -> None:
    # A system prompt the tokenizer cannot encode (a lone surrogate from a broken paste).
    session = make_session(system_prompt="Be \ud800 brief.")
    seen = watch(session)
    ready(qtbot, session)
    with caplog.at_level(logging.ERROR):
        assert session.send("Hello?")
        turn_done(qtbot, session)
    assert len(seen.failed) == 1
    error, message = seen.failed[0]
    assert isinstance(error, InternalError) and "bug in chatapp" in error.user_message
    assert message is not None and message.state == "error"
    assert any(r.exc_info for r in caplog.records)  # the traceback is in the log
    assert session.composer is ComposerState.READY
    assert stored(app_paths, message.conversation_id) == [("user", "complete"),
                                                          ("assistant", "error")]


def test_a_new_context_length_while_a_reply_streams(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    session = make_session(max_reply_tokens=300, temperature=0.8)
    seen = watch(session)
    ready(qtbot, session)
    # Auto: the model's whole 8,192 tokens fit this computer.
    assert session.model is not None and session.model.context_length == 8192
    asked: list[bool] = []

    def change_context(_text: str) -> None:
        if not asked:
            asked.append(True)
            session.apply_settings(replace(session.settings, context_length=2048))

    session.reply_text.connect(change_context)
    assert session.send("Write a story about a fox.")
    turn_done(qtbot, session)
    qtbot.waitUntil(lambda: session.loading_path is None, timeout=TIMEOUT_MS)
    assert session.model is not None and session.model.context_length == 2048
    after_send = seen.composer[seen.composer.index(ComposerState.GENERATING):]
    # While the reload waits behind the reply and runs, nothing can be sent.
    assert after_send == [ComposerState.GENERATING, ComposerState.LOADING,
                          ComposerState.READY]


# -- start-up ------------------------------------------------------------------------------


def test_a_damaged_history_is_offered_a_fresh_start(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    app_paths.history_db.write_bytes(b"garbage, not SQLite " * 500)
    session = make_session()
    seen = watch(session)
    session.start()
    qtbot.waitUntil(lambda: bool(seen.damaged), timeout=TIMEOUT_MS)
    assert seen.damaged[0].path == app_paths.history_db
    session.start_fresh()
    qtbot.waitUntil(lambda: session.composer is ComposerState.READY and not session.busy,
                    timeout=TIMEOUT_MS)
    kept = [p for p in app_paths.data_dir.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"garbage")
    assert session.send("Are you there?")
    turn_done(qtbot, session)
    assert len(seen.finished) == 1


def test_models_are_scanned_off_the_ui_thread_and_the_last_one_loads(
        qtbot: QtBot, make_session: Callable[..., ChatSession], model_path: Path) -> None:
    session = make_session()
    scans: list[ModelScan] = []
    session.models_scanned.connect(scans.append)
    ready(qtbot, session)
    assert scans and scans[0].last_model_exists and scans[0].starter_available
    assert session.model is not None and session.model.path == model_path
