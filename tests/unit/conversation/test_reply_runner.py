"""A turn end to end in the core: real engine, real SQLite, no Qt."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.conversation.reply_runner import ReplyRequest, ReplyRunner
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine, LoadSettings
from chatapp.engine.prompt_window import PromptPlan
from chatapp.history.store import HistoryStore, Message
from chatapp.settings import Settings

SETTINGS = Settings(temperature=0.0, max_reply_tokens=40, system_prompt="Be brief.")


@pytest.fixture(scope="module")
def engine(model_path: Path) -> Iterator[LlamaEngine]:
    loaded = LlamaEngine(model_path, LoadSettings(context_length=1024, threads=2,
                                                  threads_batch=2))
    yield loaded
    loaded.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


class Recorder:
    """Listener that also reads the database from a second connection, as a crash would."""

    def __init__(self, db: Path) -> None:
        self.observer = HistoryStore(db)
        self.events: list[str] = []
        self.saved_before_reply: list[Message] = []
        self.contents_while_streaming: list[str] = []
        self.text = ""
        self.final: Message | None = None
        self.stats: GenerationStats | None = None
        self.error: str | None = None
        self.reply_id: int | None = None

    def user_message_saved(self, message: Message) -> None:
        self.events.append("user_saved")

    def reply_started(self, message: Message, plan: PromptPlan) -> None:
        self.events.append("started")
        self.reply_id = message.id
        self.saved_before_reply = self.observer.list_messages(message.conversation_id)

    def reply_text(self, text: str) -> None:
        self.text += text
        if self.reply_id is not None:
            self.contents_while_streaming.append(
                self.observer.get_message(self.reply_id).content)

    def reply_finished(self, message: Message, stats: GenerationStats) -> None:
        self.events.append("finished")
        self.final, self.stats = message, stats

    def reply_failed(self, user_message: str, message: Message | None) -> None:
        self.events.append("failed")
        self.error = user_message
        self.final = message


def test_a_turn_is_saved_before_and_while_it_streams(engine: LlamaEngine, db: Path) -> None:
    ticks = itertools.count()
    store = HistoryStore(db)
    # Every clock read is one second later: the reply must be flushed as it grows.
    runner = ReplyRunner(store, clock=lambda: float(next(ticks)))
    conversation = store.create_conversation()
    recorder = Recorder(db)
    runner.run(engine, ReplyRequest(conversation.id, "What is the capital of France?",
                                    SETTINGS, seed=1), recorder, lambda: False)
    assert recorder.events == ["user_saved", "started", "finished"]
    # The question was committed before the model started.
    first = recorder.saved_before_reply[0]
    assert (first.role, first.content) == ("user", "What is the capital of France?")
    # The partial reply reached the database while streaming, growing each time.
    partials = [c for c in recorder.contents_while_streaming if c]
    assert len(partials) >= 3
    assert all(recorder.text.startswith(p) for p in partials)
    final = recorder.final
    assert final is not None and final.state == "complete"
    assert final.content == recorder.text and final.content.strip()
    assert final.model_file == engine.model_path.name
    assert final.generation_settings is not None
    assert final.generation_settings["temperature"] == 0.0
    assert final.generation_settings["seed"] == 1
    assert final.generated_tokens == recorder.stats.generated_tokens  # type: ignore[union-attr]
    assert store.get_conversation(conversation.id).title == "What is the capital of France?"


def test_stop_keeps_the_partial_reply(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    runner = ReplyRunner(store)
    conversation = store.create_conversation()
    recorder = Recorder(db)
    checks = itertools.count()
    settings = Settings(temperature=0.7, max_reply_tokens=500)
    runner.run(engine, ReplyRequest(conversation.id, "Write a very long story.", settings, 3),
               recorder, lambda: next(checks) >= 9)  # the tenth check says stop
    final = recorder.final
    assert final is not None and final.state == "stopped"
    assert final.content == recorder.text and final.content
    assert final.generated_tokens == 10
    stored = store.list_messages(conversation.id)
    assert [m.state for m in stored] == ["complete", "stopped"]


def test_regenerate_replaces_the_last_reply(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    runner = ReplyRunner(store)
    conversation = store.create_conversation()
    runner.run(engine, ReplyRequest(conversation.id, "Name a fruit.", SETTINGS, 1),
               Recorder(db), lambda: False)
    first = store.list_messages(conversation.id)
    recorder = Recorder(db)
    runner.run(engine, ReplyRequest(conversation.id, None, Settings(max_reply_tokens=30), 2),
               recorder, lambda: False)
    second = store.list_messages(conversation.id)
    assert "user_saved" not in recorder.events
    assert len(second) == 2
    assert second[0].id == first[0].id
    assert first[1].generation_settings is not None
    assert first[1].generation_settings["seed"] == 1
    assert second[1].generation_settings is not None
    assert second[1].generation_settings["seed"] == 2


def test_follow_ups_reuse_the_cache(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    runner = ReplyRunner(store)
    conversation = store.create_conversation()
    for question in ("What is 2+2?", "And 3+3?", "And 4+4?"):
        recorder = Recorder(db)
        runner.run(engine, ReplyRequest(conversation.id, question, SETTINGS, 1), recorder,
                   lambda: False)
    stats = recorder.stats
    assert stats is not None
    assert stats.evaluated_prompt_tokens < stats.prompt_tokens / 2


def test_an_overlong_message_is_kept_and_explained(engine: LlamaEngine, db: Path) -> None:
    store = HistoryStore(db)
    runner = ReplyRunner(store)
    conversation = store.create_conversation()
    recorder = Recorder(db)
    text = "lorem ipsum " * 1500
    runner.run(engine, ReplyRequest(conversation.id, text, SETTINGS, 1), recorder,
               lambda: False)
    assert recorder.events == ["user_saved", "failed"]
    assert recorder.error is not None and "too long" in recorder.error
    assert [m.content for m in store.list_messages(conversation.id)] == [text]


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
    runner.run(engine, ReplyRequest(conversation.id, "Last one?", SETTINGS, 1), recorder,
               lambda: False)
    assert recorder.events[-1] == "finished"
