"""Importing the llama.cpp web UI's exports.

The fixtures are written by hand to its types and serializer, vendored at
build/sdist/llama_cpp_python-0.3.36/vendor/llama.cpp/tools/ui/:
src/lib/types/database.d.ts (DatabaseConversation, DatabaseMessage, ExportedConversation),
src/lib/services/conversation-transfer.service.ts (serializeSessionToJsonl: a session
line ``{harness, type: "session", ...conv}`` then ``{message, type: "message"}`` lines,
toolCalls parsed to an array and dropped when empty; zipSync of .jsonl files; the older
JSON: an array of {conv, messages} or one), src/lib/services/database.service.ts (the
empty 'root' message, a 'system' message under it), src/lib/types/chat.d.ts
(ChatMessageTimings) and src/lib/enums/attachment.enums.ts (AttachmentType).
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import zipfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatapp.errors import UserFacingError
from chatapp.exchange import llama_webui
from chatapp.exchange.errors import ImportRefusedError
from chatapp.exchange.importer import (
    WEBUI_JSONL,
    WEBUI_LEGACY,
    WEBUI_ZIP,
    ImportResult,
    import_batch,
    read_import,
)
from chatapp.history.store import HistoryStore
from tests.unit.exchange.test_json_format import exported

T0 = 1_714_550_400_000  # ms, as the web UI's Date.now()


def msg(id_: str, parent: str | None, role: str, content: str, at: int,
        children: list[str], type_: str = "text", **more: Any) -> dict[str, Any]:
    """A DatabaseMessage with its required fields, in the order the UI creates them."""
    return {"children": children, "content": content, "convId": "conv-birds", "id": id_,
            "parent": parent, "role": role, "timestamp": T0 + at, "type": type_, **more}


def birds() -> dict[str, Any]:
    """root -> system -> question (with a text and an image attachment) -> reply that
    calls a tool -> tool result -> two answers (the older one on screen)."""
    conv = {"currNode": "a2a", "id": "conv-birds", "lastModified": T0 + 90_000,
            "name": "Birds", "pinned": True, "thinkingEnabled": True,
            "reasoningEffort": "medium"}
    messages = [
        msg("root", None, "system", "", 0, ["s1"], "root"),
        msg("s1", "root", "system", "Be brief.", 1, ["u1"], "system"),
        msg("u1", "s1", "user", "Summarize this file.", 10_000, ["a1"], extra=[
            {"type": "TEXT", "name": "notes.txt", "size": 11, "content": "hello world"},
            {"type": "IMAGE", "name": "cat.png", "size": 8,
             "base64Url": "data:image/png;base64,iVBORw0KGgo="}]),
        msg("a1", "u1", "assistant", "", 20_000, ["t1"],
            reasoningContent="I should read the file.", model="Qwen3-8B-Q4_K_M.gguf",
            toolCalls=[{"id": "call_1", "type": "function", "function": {
                "name": "read_file", "arguments": "{\"path\":\"notes.txt\"}"}}],
            timings={"cache_n": 5, "predicted_ms": 500, "predicted_n": 10,
                     "prompt_ms": 150, "prompt_n": 20}),
        msg("t1", "a1", "tool", "hello world", 21_000, ["a2a", "a2b"],
            toolCallId="call_1"),
        msg("a2a", "t1", "assistant", "It says hello world.", 30_000, [],
            model="Qwen3-8B-Q4_K_M.gguf"),
        msg("a2b", "t1", "assistant", "The file greets the world.", 60_000, [],
            model="Qwen3-8B-Q4_K_M.gguf"),
    ]
    return {"conv": conv, "messages": messages}


def untitled() -> dict[str, Any]:
    """An older chat: no name, no currNode, the deprecated 'thinking' field."""
    conv = {"currNode": "", "id": "conv-old", "lastModified": T0 + 5_000, "name": ""}
    messages = [
        {**msg("r", None, "system", "", 0, ["q"], "root"), "convId": "conv-old"},
        {**msg("q", "r", "user", "What is a heron?\nBe short.", 1_000, ["x"]),
         "convId": "conv-old"},
        {**msg("x", "q", "assistant", "A wading bird.", 2_000, [],
               thinking="Herons are birds."), "convId": "conv-old"},
    ]
    return {"conv": conv, "messages": messages}


def stringify(value: object) -> str:
    """JSON.stringify: no spaces, text as is but half a surrogate pair escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)


def jsonl(session: dict[str, Any]) -> str:
    """serializeSessionToJsonl."""
    lines = [stringify({"harness": "llama.app", "type": "session", **session["conv"]})]
    lines += [stringify({"message": m, "type": "message"}) for m in session["messages"]]
    return "\n".join(lines)


def legacy(session: dict[str, Any]) -> dict[str, Any]:
    """As the database holds it (and the older export wrote it): toolCalls a string."""
    messages = [{**m, "toolCalls": stringify(m["toolCalls"]) if "toolCalls" in m else ""}
                for m in session["messages"]]
    return {"conv": session["conv"], "messages": messages}


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def counts(store: HistoryStore) -> tuple[int, int]:
    conn = sqlite3.connect(store.path)
    try:
        return (conn.execute("SELECT count(*) FROM conversations").fetchone()[0],
                conn.execute("SELECT count(*) FROM messages").fetchone()[0])
    finally:
        conn.close()


def check_birds(store: HistoryStore, chat_id: int) -> None:
    chat = store.get_conversation(chat_id)
    assert (chat.title, chat.pinned, chat.thinking) == ("Birds", True, "medium")
    assert chat.updated_at == (T0 + 90_000) / 1000
    tree = store.list_tree(chat_id)
    assert [(m.role, m.content) for m in tree] == [
        ("system", "Be brief."),
        ("user", "--- File: notes.txt ---\nhello world\n\nSummarize this file."),
        ("assistant", ""),
        ("assistant", "It says hello world."),
        ("assistant", "The file greets the world."),
    ]
    system, question, call, older, newer = tree
    # The root and the tool result are left out; what followed them moves up.
    assert [m.parent_id for m in tree] == [None, system.id, question.id, call.id, call.id]
    assert store.siblings(chat_id)[older.id] == (older.id, newer.id)
    # currNode is the branch on screen, though it is not the newest.
    assert [m.id for m in store.list_messages(chat_id)] == \
        [system.id, question.id, call.id, older.id]
    assert call.reasoning == "I should read the file."
    assert call.model_file == "Qwen3-8B-Q4_K_M.gguf"
    assert (call.prompt_tokens, call.generated_tokens, call.tokens_per_s, call.ttft_s) == \
        (25, 10, 20.0, 0.15)
    assert question.created_at == (T0 + 10_000) / 1000


def test_a_jsonl_session_becomes_a_chat_with_its_branches(store: HistoryStore) -> None:
    batch = read_import(jsonl(birds()).encode())
    assert batch.source == WEBUI_JSONL
    (stored,) = import_batch(store, batch)
    check_birds(store, stored.id)
    assert ImportResult(batch, [stored]).summary() == (
        "Imported 1 chat (5 messages) from a llama.cpp web UI export (JSONL). Left out, "
        "as chatapp has no use for them: 1 image, audio or video attachment, 1 tool "
        "result.")


def test_what_was_left_out_is_counted(store: HistoryStore) -> None:
    batch = read_import((jsonl(birds()) + "\n" + jsonl(birds())).encode())
    summary = ImportResult(batch, import_batch(store, batch)).summary()
    assert summary.endswith(": 2 image, audio or video attachments, 2 tool results.")


def test_several_sessions_in_one_file_and_an_untitled_older_chat(
        store: HistoryStore) -> None:
    text = jsonl(birds()) + "\n" + jsonl(untitled()) + "\n"
    text += stringify({"type": "something-newer", "x": 1}) + "\n"  # skipped, as the UI does
    stored = import_batch(store, read_import(text.encode()))
    assert [c.title for c in stored] == ["Birds", "What is a heron?"]
    old = store.list_messages(stored[1].id)
    # No currNode: the newest message's branch, as the web UI shows it.
    assert [m.content for m in old] == ["What is a heron?\nBe short.", "A wading bird."]
    assert old[1].reasoning == "Herons are birds."
    assert store.get_conversation(stored[1].id).thinking is None


def test_a_zip_of_sessions(store: HistoryStore) -> None:
    data = zipped({
        "2024-05-01_08-01-30_conv_conv-bir_birds.jsonl": jsonl(birds()).encode(),
        "2024-05-01_08-00-05_conv_conv-old_.jsonl": jsonl(untitled()).encode(),
        "notes.txt": b"not a session: skipped",
    })
    batch = read_import(data)
    assert batch.source == WEBUI_ZIP
    stored = import_batch(store, batch)
    assert sorted(c.title for c in stored) == ["Birds", "What is a heron?"]
    check_birds(store, next(c.id for c in stored if c.title == "Birds"))


@pytest.mark.parametrize("shape", ["array", "object"])
def test_the_older_json_export(store: HistoryStore, shape: str) -> None:
    value: object = [legacy(birds()), legacy(untitled())] if shape == "array" \
        else legacy(birds())
    batch = read_import(json.dumps(value, indent=2).encode())
    assert batch.source == WEBUI_LEGACY
    stored = import_batch(store, batch)
    check_birds(store, stored[0].id)
    assert len(stored) == (2 if shape == "array" else 1)


def hostile_zip(kind: str) -> bytes:
    good = jsonl(birds()).encode()
    if kind == "climbs out":
        return zipped({"a.jsonl": good, "../evil.jsonl": good})
    if kind == "absolute":
        return zipped({"/etc/evil.jsonl": good})
    if kind == "backslash":
        return zipped({"..\\evil.jsonl": good})
    if kind == "truncated":
        return zipped({"a.jsonl": good})[:60]
    if kind == "not utf-8":
        return zipped({"a.jsonl": b'{"type":"session","name":"\xff"}'})
    raise AssertionError(kind)


@pytest.mark.parametrize(("kind", "says"), [
    ("climbs out", "points outside"), ("absolute", "points outside"),
    ("backslash", "points outside"), ("truncated", "not a ZIP archive"),
    ("not utf-8", "not UTF-8"),
])
def test_a_hostile_or_broken_zip_is_refused(store: HistoryStore, kind: str, says: str
                                            ) -> None:
    with pytest.raises(ImportRefusedError, match=says):
        read_import(hostile_zip(kind))
    assert counts(store) == (0, 0)


def test_a_zip_bomb_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llama_webui, "MAX_FILE_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("bomb.jsonl", "w") as entry:
        for _ in range(8):
            entry.write(b" " * (1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 64 * 1024  # 8 MiB from a few kB
    with pytest.raises(ImportRefusedError, match="unpacks to more than 1,048,576 bytes"):
        read_import(data)


def test_a_bomb_spread_over_many_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llama_webui, "MAX_FILE_BYTES", 1024 * 1024)
    data = zipped({f"{n}.jsonl": b"\n" * (300 * 1024) for n in range(5)})
    with pytest.raises(ImportRefusedError, match="unpacks to more than"):
        read_import(data)


def test_too_many_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(llama_webui, "MAX_ZIP_ENTRIES", 3)
    with pytest.raises(ImportRefusedError, match="more than 3 files"):
        read_import(zipped({f"{n}.txt": b"" for n in range(4)}))


def broken_session(kind: str) -> bytes:
    session = birds()
    messages = session["messages"]
    if kind == "cycle":
        messages[0]["parent"] = "a2b"
    elif kind == "missing parent":
        messages[3]["parent"] = "nowhere"
    elif kind == "duplicate":
        messages[4]["id"] = "u1"
    elif kind == "unknown role":
        messages[2]["role"] = "narrator"
    elif kind == "no timestamp":
        del messages[2]["timestamp"]
    elif kind == "far future":
        messages[2]["timestamp"] = 10**15
    elif kind == "huge content":
        messages[2]["content"] = "x" * 4_000_001
    elif kind == "message first":
        return (jsonl(session).split("\n", 1)[1]).encode()
    elif kind == "not json":
        return (jsonl(session) + "\n{oops").encode()
    else:
        raise AssertionError(kind)
    return jsonl(session).encode()


@pytest.mark.parametrize(("kind", "says"), [
    ("cycle", "cycle"), ("missing parent", "does not exist"),
    ("duplicate", "two messages have the id"), ("unknown role", "role"),
    ("no timestamp", "timestamp"), ("far future", "between the years 1 and 9999"),
    ("huge content", "longer than"),
    ("message first", "neither"), ("not json", "not valid JSON"),
])
def test_a_broken_session_file_imports_nothing(store: HistoryStore, kind: str, says: str
                                               ) -> None:
    good = jsonl(untitled()) + "\n"
    data = broken_session(kind)
    with pytest.raises(ImportRefusedError, match=says):
        read_import(good.encode() + data if kind != "message first" else data)
    assert counts(store) == (0, 0)


def test_a_message_record_before_any_session_is_refused() -> None:
    orphan = jsonl(untitled()).split("\n", 1)[1]
    with pytest.raises(ImportRefusedError, match="line 1: a message comes before any chat"):
        llama_webui.parse_sessions_jsonl(orphan)


# -- fuzzing -----------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False)
    | st.text(st.characters(exclude_categories=()), max_size=12),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=12)
MESSAGE_KEYS = sorted({key for m in birds()["messages"] for key in m})
CONV_KEYS = sorted(birds()["conv"])


@settings(max_examples=300)
@given(changes=st.lists(st.tuples(st.integers(-1, 6),
                                  st.sampled_from(MESSAGE_KEYS),
                                  json_values | st.just(...)), min_size=1, max_size=4),
       conv_change=st.tuples(st.sampled_from(CONV_KEYS), json_values | st.just(...)),
       form=st.sampled_from(["jsonl", "legacy", "zip"]))
def test_fuzzed_web_ui_exports_never_crash_nor_import_in_part(
        tmp_path_factory: pytest.TempPathFactory,
        changes: list[tuple[int, str, object]], conv_change: tuple[str, object],
        form: str) -> None:
    session = birds()
    for index, key, value in changes:
        target = session["conv"] if index < 0 else session["messages"][index]
        if value is ...:
            target.pop(key, None)
        else:
            target[key] = value
    key, value = conv_change
    if value is ...:
        session["conv"].pop(key, None)
    else:
        session["conv"][key] = value
    data = {"jsonl": lambda: jsonl(session).encode(),
            "legacy": lambda: json.dumps([session]).encode(),
            "zip": lambda: zipped({"a.jsonl": jsonl(session).encode()})}[form]()
    with HistoryStore(tmp_path_factory.mktemp("fuzz") / "h.sqlite3") as store:
        try:
            batch = read_import(data)
            stored = import_batch(store, batch)
        except UserFacingError:
            assert counts(store) == (0, 0)
        else:
            assert counts(store) == (len(stored), batch.message_count)
            exported(store)
