"""Per-chat settings in the session: what a turn uses, and the model and context loaded
following the open chat. Real workers, real store, the real model."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chatapp.conversation.chat_settings import MODEL, ChatSummary
from chatapp.conversation.presets import Preset, PresetLibrary
from chatapp.engine.load_probe import ProbeCache
from chatapp.errors import UserFacingError
from chatapp.history.store import HistoryStore, Message
from chatapp.models.starter import STARTER
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.chat_session import ChatSession
from chatapp.ui.composer import ComposerState
from chatapp.vocabulary import KvCacheType

TIMEOUT_MS = 300_000


@pytest.fixture
def make_session(qtbot: QtBot, app_paths: AppPaths,
                 model_path: Path) -> Iterator[Callable[..., ChatSession]]:
    ProbeCache(app_paths.cache_dir / "probe-results.json").remember(model_path, STARTER.sha256)
    sessions: list[ChatSession] = []

    def make(**changes: object) -> ChatSession:
        values: dict[str, object] = {"last_model_path": str(model_path), "temperature": 0.0,
                                     "max_reply_tokens": 16, **changes}
        session = ChatSession(app_paths, Settings(**values))  # type: ignore[arg-type]
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.request_stop()
        assert session.wait_stopped(time.monotonic() + 30)


@pytest.fixture
def other_model(app_paths: AppPaths, model_path: Path) -> Path:
    """A second model file (the same weights under another name), known to load."""
    copy = app_paths.models_dir / "Other-Model.gguf"
    shutil.copyfile(model_path, copy)
    ProbeCache(app_paths.cache_dir / "probe-results.json").remember(copy, STARTER.sha256)
    return copy


def ready(qtbot: QtBot, session: ChatSession) -> None:
    session.start()
    settled(qtbot, session)


def settled(qtbot: QtBot, session: ChatSession) -> None:
    qtbot.waitUntil(lambda: session.composer is ComposerState.READY and not session.busy,
                    timeout=TIMEOUT_MS)


def opened(qtbot: QtBot, session: ChatSession, conversation_id: int | None) -> None:
    if conversation_id is None:
        session.new_conversation()
    else:
        session.open_conversation(conversation_id)
    settled(qtbot, session)


def chat(app_paths: AppPaths, title: str, settings: dict[str, object] | None = None,
         legacy_prompt: str | None = None) -> int:
    with HistoryStore(app_paths.history_db) as store:
        made = store.create_conversation(title, system_prompt=legacy_prompt)
        if settings is not None:
            store.set_conversation_settings(made.id, settings)
        return made.id


def last_reply(app_paths: AppPaths, conversation_id: int) -> Message:
    with HistoryStore(app_paths.history_db) as store:
        reply = store.list_messages(conversation_id)[-1]
    assert reply.role == "assistant" and reply.state == "complete"
    return reply


def open_chat(session: ChatSession) -> int:
    assert session.current is not None
    return session.current


def ask(qtbot: QtBot, session: ChatSession, text: str) -> None:
    assert session.send(text)
    qtbot.waitUntil(lambda: session.turn is None, timeout=TIMEOUT_MS)


def test_each_chat_replies_with_its_own_settings(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    own = chat(app_paths, "Own", {"system_prompt": "Answer in one word.", "temperature": 0.4,
                                  "top_k": 7, "max_reply_tokens": 20})
    legacy = chat(app_paths, "Legacy", legacy_prompt="Be terse.")
    plain = chat(app_paths, "Plain")
    session = make_session(system_prompt="You are a helpful assistant.")
    ready(qtbot, session)
    for conversation_id in (own, legacy, plain):
        opened(qtbot, session, conversation_id)
        ask(qtbot, session, "Name a fruit.")
    recorded = {c: last_reply(app_paths, c).generation_settings or {}
                for c in (own, legacy, plain)}
    assert (recorded[own]["system_prompt"], recorded[own]["temperature"], recorded[own]["top_k"],
            recorded[own]["max_reply_tokens"]) == ("Answer in one word.", 0.4, 7, 20)
    # The old system_prompt column still counts as the chat's prompt.
    assert recorded[legacy]["system_prompt"] == "Be terse."
    assert recorded[legacy]["temperature"] == 0.0
    assert (recorded[plain]["system_prompt"], recorded[plain]["temperature"],
            recorded[plain]["top_k"]) == ("You are a helpful assistant.", 0.0, 40)


def test_changing_a_chats_settings_is_saved_and_used_at_once(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    first = chat(app_paths, "First", legacy_prompt="Be terse.")
    session = make_session()
    shown: list[tuple[int | None, ChatSummary]] = []
    session.chat_settings_shown.connect(lambda c, s: shown.append((c, s)))
    ready(qtbot, session)
    opened(qtbot, session, first)
    assert shown[-1][0] == first and shown[-1][1].label == "Custom settings"
    session.set_chat_settings({"temperature": 0.9})  # the prompt back to the default
    assert shown[-1][1].detail == "temperature"
    ask(qtbot, session, "Hello")
    recorded = last_reply(app_paths, first).generation_settings
    assert recorded is not None
    assert (recorded["temperature"], recorded["system_prompt"]) == (0.9, Settings().system_prompt)
    with HistoryStore(app_paths.history_db) as store:
        assert store.get_conversation(first).settings == {"system_prompt": None,
                                                          "temperature": 0.9}


def test_a_new_chat_from_a_preset_is_created_with_it(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    session = make_session()
    ready(qtbot, session)
    session.new_chat_from_preset(Preset("Terse", {"system_prompt": "Be terse.",
                                                  "temperature": 0.5}))
    assert session.current is None and session.chat_settings(None).temperature == 0.5
    ask(qtbot, session, "Hi")
    created = open_chat(session)
    recorded = last_reply(app_paths, created).generation_settings
    assert recorded is not None and recorded["temperature"] == 0.5
    with HistoryStore(app_paths.history_db) as store:
        assert store.get_conversation(created).settings == {
            "system_prompt": "Be terse.", "temperature": 0.5, "preset": "Terse"}
    # The next new chat starts from the defaults again.
    opened(qtbot, session, None)
    assert session.chat_overrides(None) == {}


def test_the_context_length_follows_the_open_chat(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    small = chat(app_paths, "Small", {"context_length": 2048})
    plain = chat(app_paths, "Plain")
    session = make_session()
    activity: list[str] = []
    session.activity.connect(lambda text, _busy: activity.append(text))
    ready(qtbot, session)
    opened(qtbot, session, plain)
    assert session.model is not None and session.model.context_length == 8192  # Auto
    opened(qtbot, session, small)
    assert session.model is not None and session.model.context_length == 2048
    assert "This chat uses a context of 2,048 tokens: reloading the model…" in activity
    opened(qtbot, session, plain)
    assert session.model is not None and session.model.context_length == 8192
    assert session.settings.context_length == 0  # the default was never changed


def test_a_chat_with_its_own_model_loads_it_and_the_default_stays(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths,
        model_path: Path, other_model: Path) -> None:
    own = chat(app_paths, "Own", {MODEL: str(other_model), "temperature": 0.3})
    plain = chat(app_paths, "Plain")
    session = make_session()
    activity: list[str] = []
    session.activity.connect(lambda text, _busy: activity.append(text))
    ready(qtbot, session)
    opened(qtbot, session, own)
    assert session.model is not None and session.model.path == other_model
    assert "This chat uses Other-Model.gguf: loading it…" in activity
    ask(qtbot, session, "Hello")
    assert last_reply(app_paths, own).model_file == "Other-Model.gguf"
    assert session.settings.last_model_path == str(model_path)  # not the default now
    opened(qtbot, session, plain)
    assert session.model is not None and session.model.path == model_path
    ask(qtbot, session, "Hello")
    assert last_reply(app_paths, plain).model_file == model_path.name
    # Choosing a model while a chat with its own is open changes that chat's model...
    opened(qtbot, session, own)
    session.load_model(model_path)
    settled(qtbot, session)
    assert session.chat_model(own) == model_path
    assert session.settings.last_model_path == str(model_path)
    with HistoryStore(app_paths.history_db) as store:
        assert store.get_conversation(own).settings == {MODEL: str(model_path),
                                                        "temperature": 0.3}
    # ... and in a chat without one, the default.
    opened(qtbot, session, plain)
    session.load_model(other_model)
    settled(qtbot, session)
    assert session.settings.last_model_path == str(other_model)
    assert session.chat_model(plain) is None


def test_a_chat_opened_during_a_reply_gets_its_context_after_it(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    small = chat(app_paths, "Small", {"context_length": 2048})
    session = make_session(max_reply_tokens=400, temperature=0.8)
    ready(qtbot, session)
    opened(qtbot, session, None)
    texts: list[str] = []
    session.reply_text.connect(texts.append)
    assert session.send("Write a long story about a lighthouse.")
    qtbot.waitUntil(lambda: len(texts) >= 2, timeout=TIMEOUT_MS)
    session.open_conversation(small)
    # The model stays as it is while the reply is written...
    assert session.loading_path is None and session.turn is not None
    session.stop()
    qtbot.waitUntil(lambda: session.turn is None, timeout=TIMEOUT_MS)
    # ... and takes the chat's context when it is done.
    settled(qtbot, session)
    assert session.model is not None and session.model.context_length == 2048


def test_presets_are_kept_and_their_failures_reported(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths,
        tmp_path: Path) -> None:
    PresetLibrary(app_paths.presets_file).create(Preset("Kept", {"top_p": 0.5}))
    session = make_session()
    notes: list[str] = []
    failures: list[UserFacingError] = []
    session.presets_changed.connect(lambda _presets, note: notes.append(note))
    session.presets_failed.connect(failures.append)
    ready(qtbot, session)
    assert session.presets == (Preset("Kept", {"top_p": 0.5}),)
    session.save_preset(Preset("Poet", {"temperature": 1.3}))
    qtbot.waitUntil(lambda: len(session.presets) == 2)
    session.save_preset(Preset("Poet", {}))  # the name is taken
    qtbot.waitUntil(lambda: bool(failures))
    assert "already a preset named" in failures[-1].user_message
    session.save_preset(Preset("Verse", {"temperature": 1.1}), old_name="Poet")
    qtbot.waitUntil(lambda: notes[-1] == "Saved the preset “Verse”.")
    exported = tmp_path / "out.json"
    session.export_presets(exported)
    qtbot.waitUntil(lambda: notes[-1] == "Exported 2 presets to out.json.")
    session.delete_preset("Kept")
    qtbot.waitUntil(lambda: session.presets == (Preset("Verse", {"temperature": 1.1}),))
    session.import_presets(exported)
    qtbot.waitUntil(lambda: notes[-1].startswith("Imported 2 presets"))
    assert [p.name for p in session.presets] == ["Verse", "Kept", "Verse (2)"]
    assert json.loads(app_paths.presets_file.read_text())["format"] == "chatapp-presets"


def test_a_damaged_presets_file_is_kept_aside_at_start(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    app_paths.presets_file.write_text("{not json")
    session = make_session()
    failures: list[UserFacingError] = []
    session.presets_failed.connect(failures.append)
    ready(qtbot, session)
    qtbot.waitUntil(lambda: bool(failures))
    assert "kept as presets.json.damaged-" in failures[0].user_message
    assert session.presets == ()
    assert len(list(app_paths.config_dir.glob("presets.json.damaged-*"))) == 1


def test_a_new_kv_cache_type_reloads_the_model_with_it(
        qtbot: QtBot, make_session: Callable[..., ChatSession], app_paths: AppPaths) -> None:
    session = make_session()
    activity: list[str] = []
    session.activity.connect(lambda text, _busy: activity.append(text))
    ready(qtbot, session)
    opened(qtbot, session, None)
    before = session.model
    assert before is not None and before.kv_cache_type is KvCacheType.F16
    assert before.kv_bytes_per_token is not None
    session.apply_settings(replace(session.settings, kv_cache_type=KvCacheType.Q8_0))
    qtbot.waitUntil(lambda: session.model is not None and session.model is not before
                    and not session.busy, timeout=TIMEOUT_MS)
    settled(qtbot, session)
    after = session.model
    assert after is not None and after.kv_cache_type is KvCacheType.Q8_0
    assert after.context_length == before.context_length
    assert after.kv_bytes_per_token == round(before.kv_bytes_per_token * 34 / 64)
    assert "Reloading the model with the new context memory (q8_0)…" in activity
    ask(qtbot, session, "Say hello.")
    assert last_reply(app_paths, open_chat(session)).content.strip()
    qtbot.waitUntil(lambda: app_paths.settings_file.exists() and json.loads(
        app_paths.settings_file.read_text(encoding="utf-8"))["kv_cache_type"] == "q8_0",
        timeout=TIMEOUT_MS)
