"""A chat's own settings over the defaults: merging, bad values, the legacy column."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatapp.conversation.chat_settings import (
    CHAT_FIELDS,
    COLLECTIONS,
    MODEL,
    REMOTE_MODEL,
    OverrideError,
    RemoteModelRef,
    chat_collections,
    chat_model_path,
    chat_remote_model,
    check_override,
    clean_overrides,
    conversation_overrides,
    describe,
    effective_settings,
    stored_settings,
    with_remote_model,
)
from chatapp.history.store import Conversation, HistoryStore
from chatapp.settings import Settings
from tests.conftest import LogFail

DEFAULTS = Settings(system_prompt="Be helpful.", temperature=0.7, top_k=40, threads=3,
                    last_model_path="/models/default.gguf")


def chat(settings: dict[str, object] | None = None, legacy: str | None = None) -> Conversation:
    return Conversation(7, "A chat", 0.0, 0.0, legacy, 0, settings=settings)


def test_no_overrides_is_the_defaults() -> None:
    assert effective_settings(DEFAULTS, None) == DEFAULTS
    assert effective_settings(DEFAULTS, {}) == DEFAULTS
    assert chat_model_path(None) is None


def test_what_a_chat_sets_replaces_the_default_and_nothing_else() -> None:
    merged = effective_settings(DEFAULTS, {"system_prompt": "Talk like a pirate.",
                                           "temperature": 1, "context_length": 2048,
                                           MODEL: "/models/pirate.gguf", "preset": "Pirate"})
    assert merged.system_prompt == "Talk like a pirate."
    assert merged.temperature == 1.0 and isinstance(merged.temperature, float)
    assert merged.context_length == 2048
    # Untouched fields, and the app-wide ones, stay the defaults'.
    assert (merged.top_k, merged.threads, merged.last_model_path) == (40, 3,
                                                                        "/models/default.gguf")
    assert chat_model_path({MODEL: "/models/pirate.gguf"}) == Path("/models/pirate.gguf")


def test_an_empty_system_prompt_is_a_choice_not_the_default() -> None:
    assert effective_settings(DEFAULTS, {"system_prompt": ""}).system_prompt == ""
    assert effective_settings(DEFAULTS, {"system_prompt": None}).system_prompt == "Be helpful."


@pytest.mark.parametrize(("name", "value"), [
    ("temperature", 9.5),  # out of range
    ("temperature", "hot"),  # wrong type
    ("temperature", True),  # a JSON true is no number
    ("temperature", float("nan")),
    ("top_k", 2.5),  # a float for an int
    ("context_length", 100),  # neither Auto nor at least 256
    ("max_reply_tokens", 10**12),
    ("system_prompt", 42),
    ("system_prompt", "x" * 100_001),
    (MODEL, ""),
    (MODEL, 3),
    (MODEL, "/a\x00b.gguf"),
    ("threads", 2),  # app-wide: not a chat's to set
    ("hub_endpoint", "https://evil.example"),
    ("from_the_future", 1),
    (COLLECTIONS, 3),  # not a list
    (COLLECTIONS, [1, "2"]),
    (COLLECTIONS, [0]),  # ids start at 1
    (COLLECTIONS, [True]),
    (COLLECTIONS, list(range(1, 1002))),
])
def test_an_unusable_override_is_ignored_with_a_warning(name: str, value: object,
                                                        logfail: LogFail,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    logfail.expect("chatapp.conversation.chat_settings", "Ignoring the setting")
    merged = effective_settings(DEFAULTS, {name: value, "top_p": 0.5})
    assert merged == Settings(**{**DEFAULTS.__dict__, "top_p": 0.5})
    assert any("Ignoring the setting" in r.getMessage() and repr(name) in r.getMessage()
               for r in caplog.records)
    with pytest.raises(OverrideError):
        check_override(name, value)


@pytest.mark.expect_log("chatapp.conversation.chat_settings", "Ignoring the setting")
@given(st.dictionaries(st.text(max_size=20),
                       st.none() | st.booleans() | st.integers() | st.floats() | st.text()
                       | st.lists(st.integers(), max_size=3), max_size=6))
def test_any_json_object_gives_valid_settings(raw: dict[str, object]) -> None:
    # Whatever a damaged row holds, the merge never raises and stays in range.
    merged = effective_settings(DEFAULTS, raw)
    assert merged.validated() is merged
    assert set(clean_overrides(raw)) <= {*CHAT_FIELDS, MODEL, "preset", COLLECTIONS}


def test_a_chat_chooses_its_collections() -> None:
    assert chat_collections({}) == ()
    assert chat_collections({COLLECTIONS: [3, 1, 3]}) == (1, 3)
    merged = effective_settings(DEFAULTS, {COLLECTIONS: [2]})
    assert merged == DEFAULTS  # no setting of the model's: only what the chat may search
    # Kept with the chat's other overrides, and not a reason to say "Custom settings".
    assert clean_overrides({COLLECTIONS: [2], "top_p": 0.5}) == {COLLECTIONS: [2], "top_p": 0.5}
    assert describe({COLLECTIONS: [2]}, DEFAULTS).label == "Default settings"


def test_the_legacy_system_prompt_column_counts_unless_the_settings_say_otherwise() -> None:
    assert conversation_overrides(chat(legacy="Be terse.")) == {"system_prompt": "Be terse."}
    assert conversation_overrides(chat({"system_prompt": "Be kind."}, legacy="Be terse.")) \
        == {"system_prompt": "Be kind."}
    # Reset to the default: the explicit null hides the old column.
    stored = stored_settings({}, chat(legacy="Be terse."))
    assert stored == {"system_prompt": None}
    assert conversation_overrides(chat(stored, legacy="Be terse.")) == {}
    assert stored_settings({}, chat()) is None
    assert stored_settings({"temperature": 0.2, "top_k": None}, None) == {"temperature": 0.2}


def test_overrides_round_trip_through_the_history(tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "history.sqlite3") as store:
        created = store.create_conversation("Legacy", system_prompt="Old prompt")
        plain = store.create_conversation("Plain")
        wanted = {"temperature": 0.1, "context_length": 4096, MODEL: "/m/x.gguf",
                  "preset": "Precise"}
        store.set_conversation_settings(plain.id, stored_settings(wanted, plain))
        assert conversation_overrides(store.get_conversation(plain.id)) == wanted
        legacy = store.get_conversation(created.id)
        assert effective_settings(DEFAULTS, conversation_overrides(legacy)).system_prompt \
            == "Old prompt"
        store.set_conversation_settings(created.id, stored_settings({}, legacy))
        assert effective_settings(
            DEFAULTS, conversation_overrides(store.get_conversation(created.id))) == DEFAULTS


def test_the_header_summary() -> None:
    loaded = Path("/models/default.gguf")
    plain = describe({}, DEFAULTS, loaded)
    assert (plain.model, plain.own_model, plain.model_loaded, plain.label, plain.custom) == (
        "default.gguf", False, True, "Default settings", False)
    assert describe({}, DEFAULTS).model == ""
    custom = describe({"temperature": 0.2, "top_k": 5}, DEFAULTS, loaded)
    assert custom.label == "Custom settings" and custom.detail == "temperature, top-k"
    assert "Temperature: 0.2" in custom.tooltip and "Top-k: 5" in custom.tooltip
    prompt = describe({"system_prompt": "You answer every question as a limerick about "
                                        "cats and nothing else", MODEL: "/m/poet.gguf",
                       "preset": "Poet"}, DEFAULTS, loaded)
    assert prompt.label == "Preset: Poet" and prompt.model == "poet.gguf" and prompt.own_model
    assert not prompt.model_loaded  # default.gguf is
    assert prompt.detail == "“You answer every question as a limerick about…”"
    assert describe({"system_prompt": ""}, DEFAULTS).detail == "no system prompt"


# -- A chat's remote model --------------------------------------------------------------


def test_a_remote_model_replaces_the_chats_local_one_and_back() -> None:
    ref = RemoteModelRef("a" * 32, "qwen3-8b")
    overrides = with_remote_model({MODEL: "/m/local.gguf", "temperature": 0.2}, ref)
    assert overrides == {"temperature": 0.2,
                         REMOTE_MODEL: {"server_id": "a" * 32, "model": "qwen3-8b"}}
    assert chat_remote_model(overrides) == ref and chat_model_path(overrides) is None
    assert stored_settings(overrides, None) == overrides  # kept as the chat's settings
    assert with_remote_model(overrides, None) == {"temperature": 0.2}
    assert chat_remote_model(None) is None


@pytest.mark.parametrize("bad", [
    "qwen", {"server_id": "a" * 32}, {"server_id": "not-an-id", "model": "m"},
    {"server_id": "a" * 32, "model": ""}, {"server_id": "a" * 32, "model": 3},
    {"server_id": "a" * 32, "model": "m", "extra": 1},
])
def test_a_damaged_remote_model_is_ignored(bad: object, logfail: LogFail) -> None:
    logfail.expect("chatapp.conversation.chat_settings", "remote_model")
    with pytest.raises(OverrideError):
        check_override(REMOTE_MODEL, bad)
    assert chat_remote_model({REMOTE_MODEL: bad}) is None
