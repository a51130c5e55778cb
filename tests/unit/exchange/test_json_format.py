"""chatapp's JSON chat archive: export, import, export gives the same document; a wrong
or hostile file is refused whole and imports nothing."""

from __future__ import annotations

import copy
import json
import sqlite3
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatapp.errors import UserFacingError
from chatapp.exchange import json_format
from chatapp.exchange.errors import ImportRefusedError
from chatapp.exchange.html_export import to_html
from chatapp.exchange.importer import CHATAPP_JSON, import_batch, read_import
from chatapp.exchange.json_format import FORMAT_NAME, FORMAT_VERSION, dump_document
from chatapp.exchange.markdown_export import to_markdown
from chatapp.exchange.tree import read_chats
from chatapp.history.store import HistoryStore
from tests.unit.exchange.conftest import fill


def without_ids(document: bytes) -> dict[str, Any]:
    """The document with each chat's message ids replaced by their place in the chat,
    and the chat ids dropped: what must survive an import (the history gives new ids)."""
    value = json.loads(document)
    for chat in value["chats"]:
        place = {m["id"]: index for index, m in enumerate(chat["messages"])}
        chat["id"] = None
        for m in chat["messages"]:
            m["id"], m["parent"] = place[m["id"]], place.get(m["parent"])
        chat["active_leaf"] = place.get(chat["active_leaf"])
        chat["active_branch"] = [place[i] for i in chat["active_branch"]]
    return value  # type: ignore[no-any-return]


def counts(store: HistoryStore) -> tuple[int, int]:
    conn = sqlite3.connect(store.path)
    try:
        return (conn.execute("SELECT count(*) FROM conversations").fetchone()[0],
                conn.execute("SELECT count(*) FROM messages").fetchone()[0])
    finally:
        conn.close()


def test_export_import_export_gives_the_same_document(
        store: HistoryStore, other_store: HistoryStore, filled: dict[str, int]) -> None:
    first = dump_document(read_chats(store))
    batch = read_import(first)
    assert batch.source == CHATAPP_JSON
    import_batch(other_store, batch)
    second = dump_document(read_chats(other_store))
    assert without_ids(second) == without_ids(first)
    # And it carries what it must: spot checks on the document itself.
    chats = {c["title"]: c for c in json.loads(first)["chats"]}
    birds = chats["Birds & <b>bees</b>"]
    assert len(birds["messages"]) == 4 and len(birds["active_branch"]) == 2
    robin = birds["messages"][1]
    assert robin["reasoning"].startswith("The user wants")
    assert robin["model"] == {"file": "SmolLM2.gguf", "sha256": "ab" * 32}
    assert robin["generation_settings"] == {"seed": 7, "temperature": 0.7}
    assert robin["stop_reason"] == "eos"
    assert robin["stats"] == {"prompt_tokens": 31, "generated_tokens": 12, "ttft_s": 0.25,
                              "ttfa_s": 1.5, "reasoning_s": 1.2, "tokens_per_s": 18.5}
    assert birds["messages"][2]["edited"] is True
    assert (birds["thinking"], birds["system_prompt"]) == ("on", "Be brief.")
    fish = chats["Fish"]
    assert fish["pinned"] is True and fish["settings"]["temperature"] == 0.2
    assert [(m["state"], m["stop_reason"]) for m in fish["messages"]] == [
        ("complete", None), ("stopped", "stopped"), ("complete", None), ("complete", "length"),
        ("complete", None), ("error", None)]
    assert fish["messages"][5]["error"] == "The model could not be loaded."
    assert chats["Empty"]["messages"] == [] and chats["Empty"]["active_leaf"] is None


def test_the_imported_chats_are_the_stored_ones(
        store: HistoryStore, other_store: HistoryStore, filled: dict[str, int]) -> None:
    import_batch(other_store, read_import(dump_document(read_chats(store))))
    for before, after in zip(store.list_conversations(), other_store.list_conversations(),
                             strict=True):
        assert (before.title, before.created_at, before.updated_at, before.pinned) == \
            (after.title, after.created_at, after.updated_at, after.pinned)
        assert [(m.role, m.content, m.state, m.created_at, m.reasoning)
                for m in store.list_messages(before.id)] == \
            [(m.role, m.content, m.state, m.created_at, m.reasoning)
             for m in other_store.list_messages(after.id)]


def test_a_reply_being_written_is_exported_as_interrupted(store: HistoryStore) -> None:
    chat = store.create_conversation("Live")
    store.add_message(chat.id, "user", "Go on")
    store.add_message(chat.id, "assistant", "So far", state="streaming")
    (exported,) = json.loads(dump_document(read_chats(store)))["chats"]
    assert exported["messages"][1]["state"] == "interrupted"
    assert read_import(dump_document(read_chats(store))).chats[0].messages[1].state == \
        "interrupted"


def test_messages_may_come_in_any_order_and_ids_may_be_text(store: HistoryStore) -> None:
    document = {"format": FORMAT_NAME, "version": 1, "chats": [{
        "title": "Out of order", "created_at": "2024-05-01T10:00:00+02:00",
        "updated_at": "2024-05-01T10:05:00Z", "active_leaf": "b",
        "messages": [
            {"id": "b", "parent": "a", "role": "assistant", "state": "complete",
             "created_at": "2024-05-01T08:01:00Z", "updated_at": "2024-05-01T08:01:00Z",
             "content": "Answer"},
            {"id": "a", "parent": None, "role": "user", "state": "complete",
             "created_at": "2024-05-01T08:00:00Z", "updated_at": "2024-05-01T08:00:00Z",
             "content": "Question"}]}]}
    (stored,) = import_batch(store, read_import(json.dumps(document).encode()))
    assert [m.content for m in store.list_messages(stored.id)] == ["Question", "Answer"]
    assert stored.created_at == 1714550400.0  # 10:00 at +02:00 is 08:00 UTC


def valid_document() -> dict[str, Any]:
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "chats": [{
        "id": 1, "title": "A chat", "created_at": "2024-05-01T08:00:00Z",
        "updated_at": "2024-05-01T08:01:00Z", "pinned": False, "thinking": None,
        "settings": None, "active_leaf": 2, "active_branch": [1, 2],
        "messages": [
            {"id": 1, "parent": None, "role": "user", "state": "complete",
             "created_at": "2024-05-01T08:00:00Z", "updated_at": "2024-05-01T08:00:00Z",
             "edited": False, "content": "Question", "reasoning": None, "model": None,
             "generation_settings": None, "stats": None, "error": None},
            {"id": 2, "parent": 1, "role": "assistant", "state": "complete",
             "created_at": "2024-05-01T08:01:00Z", "updated_at": "2024-05-01T08:01:00Z",
             "edited": False, "content": "Answer", "reasoning": "Thought",
             "model": {"file": "m.gguf", "sha256": "00"}, "generation_settings": {"t": 1},
             "stats": {"prompt_tokens": 3, "generated_tokens": 1, "ttft_s": 0.5},
             "error": None}]}]}


def mutated(change: str) -> bytes:
    doc = valid_document()
    chat = doc["chats"][0]
    messages = chat["messages"]
    if change == "newer version":
        doc["version"] = FORMAT_VERSION + 1
    elif change == "no version":
        del doc["version"]
    elif change == "cycle":
        messages[0]["parent"] = 2
    elif change == "self parent":
        messages[1]["parent"] = 2
    elif change == "missing parent":
        messages[1]["parent"] = 99
    elif change == "duplicate id":
        messages[1]["id"] = 1
    elif change == "leaf missing":
        chat["active_leaf"] = 42
    elif change == "branch disagrees":
        chat["active_branch"] = [2]
    elif change == "huge content":
        messages[0]["content"] = "x" * 4_000_001
    elif change == "huge title":
        chat["title"] = "t" * 2_001
    elif change == "bad role":
        messages[0]["role"] = "tool"
    elif change == "streaming":
        messages[1]["state"] = "streaming"
    elif change == "naive time":
        messages[0]["created_at"] = "2024-05-01T08:00:00"
    elif change == "before year 1":
        messages[0]["created_at"] = "0001-01-01T00:00:00+01:00"
    elif change == "not a time":
        messages[0]["created_at"] = 1714550400
    elif change == "negative tokens":
        messages[1]["stats"]["prompt_tokens"] = -1
    elif change == "boolean tokens":
        messages[1]["stats"]["generated_tokens"] = True
    elif change == "deep settings":
        deep: dict[str, Any] = {}
        for _ in range(20):
            deep = {"d": deep}
        messages[1]["generation_settings"] = deep
    elif change == "settings not an object":
        chat["settings"] = [1, 2]
    elif change == "unknown thinking":
        chat["thinking"] = "maybe"
    elif change == "empty title":
        chat["title"] = "   "
    elif change == "messages not a list":
        chat["messages"] = {"1": messages[0]}
    else:
        raise AssertionError(change)
    return json.dumps(doc).encode()


REFUSALS = {
    "newer version": "newer chatapp", "no version": "version", "cycle": "cycle",
    "self parent": "cycle", "missing parent": "does not exist",
    "duplicate id": "two messages have the id", "leaf missing": "active_leaf",
    "branch disagrees": "active_branch", "huge content": "longer than 4,000,000",
    "huge title": "longer than 2,000", "bad role": "role", "streaming": "state",
    "naive time": "offset from UTC", "before year 1": "out of range",
    "not a time": "not text", "negative tokens": "prompt_tokens",
    "boolean tokens": "generated_tokens", "deep settings": "nests deeper",
    "settings not an object": "settings", "unknown thinking": "thinking",
    "empty title": "empty", "messages not a list": "messages",
}


@pytest.mark.parametrize("change", sorted(REFUSALS))
def test_a_wrong_document_is_refused_whole(store: HistoryStore, change: str) -> None:
    assert import_batch(store, read_import(json.dumps(valid_document()).encode()))
    before = counts(store)
    with pytest.raises(ImportRefusedError, match=REFUSALS[change]) as refused:
        read_import(mutated(change))
    assert "Nothing was imported" in refused.value.user_message
    assert counts(store) == before


@pytest.mark.parametrize(("data", "says"), [
    (b"\xff\xfe not utf-8 {}", "not UTF-8"),
    (b'{"format": "chatapp-chats", "version": 1, "chats": [' + b"[" * 100_000, "deeply"),
    (b'{"format": "chatapp-chats", "version": NaN, "chats": []}', "not valid JSON"),
    (b'{"format": "chatapp-chats", "version": 1, "chats": []', "not valid JSON"),
    (b'{"format": "chatapp-chats", "version": 1, "chats": [], "x": 1e400}', "too large"),
    (b'{"format": "somebody-else", "version": 1}', "neither"),
    (b"   \n  ", "empty"),
])
def test_a_file_that_is_not_an_archive_is_refused(data: bytes, says: str) -> None:
    with pytest.raises(ImportRefusedError, match=says):
        read_import(data)


def test_too_many_messages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_format, "MAX_MESSAGES", 3)
    doc = valid_document()
    doc["chats"].append(copy.deepcopy(doc["chats"][0]))
    with pytest.raises(ImportRefusedError, match="more than 3 messages"):
        read_import(json.dumps(doc).encode())
    monkeypatch.setattr(json_format, "MAX_MESSAGES_PER_CHAT", 1)
    with pytest.raises(ImportRefusedError, match="more than 1 entries"):
        read_import(json.dumps(valid_document()).encode())


def test_the_real_file_size_limit_is_checked_first() -> None:
    from chatapp.exchange.limits import MAX_FILE_BYTES

    with pytest.raises(ImportRefusedError, match="larger than 256 MiB"):
        read_import(b" " * (MAX_FILE_BYTES + 1))


# -- fuzzing -----------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False)
    | st.text(st.characters(exclude_categories=()), max_size=20),  # lone surrogates too
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20)

# Where a mutation may land: every key of the document at every level.
PATHS = [("version",), ("format",), ("chats",), ("chats", 0),
         *[("chats", 0, key) for key in valid_document()["chats"][0]],
         *[("chats", 0, "messages", i, key) for i in (0, 1)
           for key in valid_document()["chats"][0]["messages"][0]],
         ("chats", 0, "messages", 1, "stats", "ttft_s"),
         ("chats", 0, "messages", 1, "model", "file")]


@settings(max_examples=300)
@given(mutations=st.lists(st.tuples(st.sampled_from(PATHS), json_values | st.just(...)),
                          min_size=1, max_size=4))
def test_fuzzed_documents_never_crash_nor_import_in_part(
        tmp_path_factory: pytest.TempPathFactory,
        mutations: list[tuple[tuple[str | int, ...], object]]) -> None:
    doc: Any = valid_document()
    for path, value in mutations:
        target = doc
        for step in path[:-1]:
            try:
                target = target[step]
            except (KeyError, IndexError, TypeError):
                break
        else:
            if isinstance(target, dict):
                if value is ...:
                    target.pop(path[-1], None)
                else:
                    target[path[-1]] = value
            elif isinstance(target, list) and isinstance(path[-1], int) \
                    and path[-1] < len(target):
                target[path[-1]] = None if value is ... else value
    data = json.dumps(doc).encode()
    with HistoryStore(tmp_path_factory.mktemp("fuzz") / "h.sqlite3") as store:
        fill(store)
        before = counts(store)
        try:
            batch = read_import(data)
            stored = import_batch(store, batch)
        except UserFacingError:
            assert counts(store) == before
        else:
            assert counts(store) == (before[0] + len(stored),
                                     before[1] + batch.message_count)
            exported(store)


def exported(store: HistoryStore) -> None:
    """Whatever an import let in, every export of it works."""
    chats = read_chats(store)
    assert len(read_import(dump_document(chats)).chats) == len(chats)
    to_markdown(chats)
    to_html(chats)


@settings(max_examples=300)
@given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_are_read_or_refused(data: bytes) -> None:
    try:
        batch = read_import(data)
    except UserFacingError as error:  # refused, saying why
        assert error.user_message.startswith("This file cannot be imported: ")
    else:
        assert all(chat.conversation.title.strip() for chat in batch.chats)


def test_a_chats_local_documents_collections_stay_on_this_computer(
        store: HistoryStore, other_store: HistoryStore, filled: dict[str, int]) -> None:
    # Collection ids name this computer's Local documents; elsewhere they would name
    # other collections, or none.
    fish = next(c for c in store.list_conversations() if c.title == "Fish")
    store.set_conversation_settings(fish.id, {"temperature": 0.2, "collections": [3]})
    document = dump_document(read_chats(store))
    exported = next(c for c in json.loads(document)["chats"] if c["title"] == "Fish")
    assert exported["settings"] == {"temperature": 0.2}
    value = json.loads(document)
    for chat in value["chats"]:
        if chat["title"] == "Fish":
            chat["settings"] = {"collections": [1, 2]}  # a file from elsewhere
    import_batch(other_store, read_import(json.dumps(value).encode()))
    imported = next(c for c in other_store.list_conversations() if c.title == "Fish")
    assert imported.settings is None
