"""A reply end to end in the core: real engine, real SQLite, no Qt."""

from __future__ import annotations

import itertools
import logging
import threading
from pathlib import Path

import pytest

from chatapp.conversation.questions import save_question
from chatapp.conversation.reply_runner import ReplyRequest, ReplyRunner
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine
from chatapp.engine.prompt_window import PromptPlan
from chatapp.errors import InternalError, UserFacingError
from chatapp.history.store import HistoryStore, Message
from chatapp.settings import Settings

SETTINGS = Settings(temperature=0.0, max_reply_tokens=40, system_prompt="Be brief.")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


class Recorder:
    """Listener that also reads the database from a second connection, as a crash would."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.events: list[str] = []
        self.saved_before_reply: list[Message] = []
        self.text = ""
        self.reasoning = ""
        self.thought_seconds: float | None = None
        self.pieces: list[str] = []
        self.final: Message | None = None
        self.stats: GenerationStats | None = None
        self.error: UserFacingError | None = None
        self.reply_id: int | None = None

    def reply_started(self, message: Message, plan: PromptPlan) -> None:
        self.events.append("started")
        self.reply_id = message.id
        with HistoryStore(self.db) as observer:
            self.saved_before_reply = observer.list_messages(message.conversation_id)

    def reply_text(self, text: str) -> None:
        self.text += text
        self.pieces.append(text)

    def reply_reasoning(self, text: str) -> None:
        self.reasoning += text

    def reasoning_finished(self, seconds: float) -> None:
        self.events.append("thought")
        self.thought_seconds = seconds

    def reply_finished(self, message: Message, stats: GenerationStats) -> None:
        self.events.append("finished")
        self.final, self.stats = message, stats

    def reply_failed(self, error: UserFacingError, message: Message | None) -> None:
        self.events.append("failed")
        self.error = error
        self.final = message


def ask(store: HistoryStore, runner: ReplyRunner, engine: LlamaEngine, recorder: Recorder,
        conversation_id: int | None, text: str, settings: Settings = SETTINGS,
        seed: int = 1) -> int:
    saved = save_question(store, conversation_id, text)
    runner.run(engine, ReplyRequest(saved.conversation.id, False, settings, seed), recorder,
               lambda: False)
    return saved.conversation.id


def test_a_reply_is_saved_as_it_streams_and_finalized(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    recorder = Recorder(db)
    conversation = ask(store, ReplyRunner(store), engine, recorder, None,
                       "What is the capital of France?")
    assert recorder.events == ["started", "finished"]
    # The question was committed before the model started, and named the new chat.
    first = recorder.saved_before_reply[0]
    assert (first.role, first.content) == ("user", "What is the capital of France?")
    assert store.get_conversation(conversation).title == "What is the capital of France?"
    final = recorder.final
    assert final is not None and final.state == "complete"
    assert final.content == recorder.text and final.content.strip()
    assert final.model_file == engine.model_path.name
    assert final.generation_settings is not None
    assert final.generation_settings["temperature"] == 0.0
    assert final.generation_settings["seed"] == 1
    assert final.generated_tokens == recorder.stats.generated_tokens  # type: ignore[union-attr]


class StallingRecorder(Recorder):
    """Blocks the engine's thread at the fourth piece, as a model stuck in a long batch
    would, until the test has looked at the database."""

    def __init__(self, db: Path) -> None:
        super().__init__(db)
        self.stalled = threading.Event()
        self.release = threading.Event()

    def reply_text(self, text: str) -> None:
        super().reply_text(text)
        if len(self.pieces) == 4:
            self.stalled.set()
            assert self.release.wait(60)


def test_what_was_shown_is_on_disk_while_the_model_stalls(engine: LlamaEngine,
                                                          db: Path) -> None:
    with HistoryStore(db) as store:
        saved = save_question(store, None, "Tell me about cats.")
    recorder = StallingRecorder(db)
    request = ReplyRequest(saved.conversation.id, False,
                           Settings(temperature=0.0, max_reply_tokens=30), 1)

    def run_reply() -> None:  # the engine's thread, with a store of its own
        with HistoryStore(db) as store:
            ReplyRunner(store, save_interval_s=0.3).run(engine, request, recorder,
                                                        lambda: False)

    thread = threading.Thread(target=run_reply)
    thread.start()
    try:
        assert recorder.stalled.wait(120)
        shown = recorder.text
        assert recorder.reply_id is not None
        with HistoryStore(db) as observer:
            seen = ""
            for _ in range(200):  # up to 20 s; normally within one interval
                seen = observer.get_message(recorder.reply_id).content
                if seen == shown:
                    break
                threading.Event().wait(0.1)
        # No token arrived after these were shown: only the saver's timer wrote them.
        assert seen == shown
    finally:
        recorder.release.set()
        thread.join(120)
    assert recorder.events == ["started", "finished"]


def test_stop_keeps_the_partial_reply(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    runner = ReplyRunner(store)
    saved = save_question(store, None, "Write a very long story.")
    recorder = Recorder(db)
    checks = itertools.count()
    settings = Settings(temperature=0.7, max_reply_tokens=500)
    # Checks before the prompt and before the first token, then one per token: stop at
    # the tenth token.
    runner.run(engine, ReplyRequest(saved.conversation.id, False, settings, 3),
               recorder, lambda: next(checks) >= 11)
    final = recorder.final
    assert final is not None and final.state == "stopped"
    assert final.content == recorder.text and final.content
    assert final.generated_tokens == 10
    assert [m.state for m in store.list_messages(saved.conversation.id)] == [
        "complete", "stopped"]


def test_regenerate_adds_a_reply_beside_the_old_one(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    runner = ReplyRunner(store)
    conversation = ask(store, runner, engine, Recorder(db), None, "Name a fruit.")
    first = store.list_messages(conversation)
    runner.run(engine, ReplyRequest(conversation, True, Settings(max_reply_tokens=30), 2),
               Recorder(db), lambda: False)
    second = store.list_messages(conversation)
    assert len(second) == 2
    assert second[0].id == first[0].id
    assert first[1].generation_settings is not None
    assert first[1].generation_settings["seed"] == 1
    assert second[1].generation_settings is not None
    assert second[1].generation_settings["seed"] == 2
    # The first reply is kept, as a sibling of the new one on the branch on screen.
    assert second[1].id != first[1].id and second[1].parent_id == first[0].id
    assert store.siblings(conversation)[second[1].id] == (first[1].id, second[1].id)
    store.switch_branch(conversation, first[1].id)
    assert store.list_messages(conversation) == first
    # Regenerating from the old branch answers the same question once more.
    runner.run(engine, ReplyRequest(conversation, True, Settings(max_reply_tokens=30), 3),
               Recorder(db), lambda: False)
    assert len(store.siblings(conversation)[first[1].id]) == 3


def test_follow_ups_reuse_the_cache(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    runner = ReplyRunner(store)
    conversation: int | None = None
    recorder = Recorder(db)
    for question in ("What is 2+2?", "And 3+3?", "And 4+4?"):
        recorder = Recorder(db)
        conversation = ask(store, runner, engine, recorder, conversation, question)
    stats = recorder.stats
    assert stats is not None
    assert stats.evaluated_prompt_tokens < stats.prompt_tokens / 2


def test_an_overlong_message_is_kept_and_explained(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    recorder = Recorder(db)
    text = "lorem ipsum " * 1500
    conversation = ask(store, ReplyRunner(store), engine, recorder, None, text)
    assert recorder.events == ["failed"]
    assert recorder.error is not None and "too long" in recorder.error.user_message
    messages = store.list_messages(conversation)
    assert [(m.role, m.state) for m in messages] == [("user", "complete"),
                                                     ("assistant", "error")]
    assert messages[0].content == text
    assert messages[1].error == recorder.error.user_message
    assert recorder.final is not None and recorder.final.id == messages[1].id


@pytest.mark.expect_log("chatapp.conversation.reply_runner", "The reply failed unexpectedly")
def test_an_unexpected_error_ends_the_reply_and_is_logged(
        engine: LlamaEngine, db: Path, caplog: pytest.LogCaptureFixture) -> None:
    store = HistoryStore(db)
    recorder = Recorder(db)
    # A lone surrogate (a hand-edited settings file) cannot be encoded for the tokenizer.
    broken = Settings(temperature=0.0, max_reply_tokens=20, system_prompt="Be \ud800 brief.")
    with caplog.at_level(logging.ERROR):
        conversation = ask(store, ReplyRunner(store), engine, recorder, None, "Hello?",
                           broken)
    assert recorder.events == ["failed"]
    assert isinstance(recorder.error, InternalError)
    assert "bug in chatapp" in recorder.error.user_message
    assert any(r.exc_info for r in caplog.records if r.levelno >= logging.ERROR)
    assert [m.state for m in store.list_messages(conversation)] == ["complete", "error"]


def test_long_conversations_drop_their_oldest_turns(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    runner = ReplyRunner(store)
    conversation = store.create_conversation()
    for i in range(30):
        store.add_message(conversation.id, "user", f"Question {i}: " + "tell me more " * 10)
        store.add_message(conversation.id, "assistant", f"Answer {i}: " + "here is more " * 10)
    usage = runner.context_usage(engine, conversation.id, SETTINGS)
    assert usage.dropped_messages > 0
    assert usage.prompt_tokens <= engine.context_length
    recorder = Recorder(db)
    ask(store, runner, engine, recorder, conversation.id, "Last one?")
    assert recorder.events[-1] == "finished"


def test_a_reply_cut_at_the_limit_is_continued(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    runner = ReplyRunner(store)
    short = Settings(temperature=0.0, max_reply_tokens=8, system_prompt="Be brief.")
    conversation = ask(store, runner, engine, Recorder(db), None,
                       "Write a long story about a lighthouse keeper.", settings=short)
    cut = store.list_messages(conversation)[-1]
    assert cut.stop_reason == "length" and cut.generated_tokens == 8
    recorder = Recorder(db)
    runner.run(engine, ReplyRequest(conversation, False, short, 5, continue_reply=True),
               recorder, lambda: False)
    assert recorder.events == ["started", "finished"], recorder.error
    messages = store.list_messages(conversation)
    assert len(messages) == 2 and messages[-1].id == cut.id  # the same reply, written on
    final = messages[-1]
    assert final.content.startswith(cut.content) and len(final.content) > len(cut.content)
    assert final.content == cut.content + recorder.text
    assert final.generated_tokens == 16 and final.stop_reason == "length"
    assert recorder.stats is not None
    # The prompt was the earlier one plus the reply so far: mostly read from the cache
    # (not all: the reply's text is tokenized again, and may split differently).
    assert recorder.stats.evaluated_prompt_tokens <= 9
