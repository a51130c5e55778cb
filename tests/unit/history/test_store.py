"""HistoryStore against real SQLite files: CRUD, ordering, streaming, search, files, threads."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatapp.history import store as store_module
from chatapp.history.migrations import LATEST_VERSION
from chatapp.history.store import (
    MATCH_END,
    MATCH_START,
    HistoryError,
    HistoryNotFoundError,
    HistoryStore,
    HistoryValueError,
    ReplyStats,
    SearchHit,
    build_match_query,
    snippet_to_html,
    title_from_first_message,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


class FakeClock:
    """Each reading is one second after the previous one, so updated_at orders are exact."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(db_path, clock=FakeClock()) as opened:
        yield opened


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def pragma(store: HistoryStore, name: str) -> object:
    conn = store._conn
    assert conn is not None
    return conn.execute(f"PRAGMA {name}").fetchone()[0]


def fts_integrity_ok(path: Path) -> None:
    """FTS5 checks its index against its content (the view of non-streaming messages)."""
    conn = raw(path)
    try:
        conn.execute(
            "INSERT INTO message_search (message_search, rank) VALUES ('integrity-check', 1)"
        )
    finally:
        conn.close()


# -- conversations ----------------------------------------------------------------------


def test_create_get_and_list_conversations(store: HistoryStore) -> None:
    first = store.create_conversation()
    second = store.create_conversation("  Plans   for\tSunday ", system_prompt="Be brief.")

    assert first.title == "New chat"
    assert first.message_count == 0 and first.system_prompt is None
    assert second.title == "Plans for Sunday"
    assert store.get_conversation(second.id) == second
    assert [c.id for c in store.list_conversations()] == [second.id, first.id]


def test_list_is_most_recently_updated_first(store: HistoryStore) -> None:
    old = store.create_conversation("old")
    new = store.create_conversation("new")
    store.add_message(old.id, "user", "bump the old one")

    listed = store.list_conversations()
    assert [c.id for c in listed] == [old.id, new.id]
    assert listed[0].message_count == 1 and listed[1].message_count == 0


def test_get_missing_conversation_is_a_key_error(store: HistoryStore) -> None:
    with pytest.raises(HistoryNotFoundError) as raised:
        store.get_conversation(12345)
    assert isinstance(raised.value, KeyError)
    assert str(raised.value) == raised.value.user_message == "That chat no longer exists."


def test_rename_strips_and_rejects_empty(store: HistoryStore) -> None:
    chat = store.create_conversation("before")
    store.rename_conversation(chat.id, "  after \n rename ")
    assert store.get_conversation(chat.id).title == "after rename"

    for empty in ("", "   ", "\n\t"):
        with pytest.raises(HistoryError, match="cannot be empty"):
            store.rename_conversation(chat.id, empty)
    with pytest.raises(HistoryValueError):
        store.create_conversation(" ")
    assert store.get_conversation(chat.id).title == "after rename"
    with pytest.raises(HistoryNotFoundError):
        store.rename_conversation(999, "nobody")


def test_rename_keeps_the_list_order(store: HistoryStore) -> None:
    chat = store.create_conversation("a")
    before = store.get_conversation(chat.id).updated_at
    store.rename_conversation(chat.id, "b")
    assert store.get_conversation(chat.id).updated_at == before


def test_delete_conversation_cascades_to_messages(store: HistoryStore, db_path: Path) -> None:
    keep = store.create_conversation("keep")
    gone = store.create_conversation("gone")
    store.add_message(keep.id, "user", "kept words")
    for text in ("doomed words one", "doomed words two"):
        store.add_message(gone.id, "user", text)

    store.delete_conversation(gone.id)

    assert [c.id for c in store.list_conversations()] == [keep.id]
    conn = raw(db_path)
    assert conn.execute("SELECT count(*) FROM messages WHERE conversation_id = ?",
                        (gone.id,)).fetchone() == (0,)
    conn.close()
    assert store.search("doomed") == []
    assert [h.conversation_id for h in store.search("words")] == [keep.id]
    with pytest.raises(HistoryNotFoundError):
        store.list_messages(gone.id)
    with pytest.raises(HistoryNotFoundError):
        store.delete_conversation(gone.id)
    fts_integrity_ok(db_path)


# -- messages ---------------------------------------------------------------------------


def test_messages_come_back_in_order(store: HistoryStore) -> None:
    chat = store.create_conversation()
    added = [store.add_message(chat.id, role, f"message {i}")
             for i, role in enumerate(["system", "user", "assistant", "user", "assistant"])]
    listed = store.list_messages(chat.id)
    assert listed == added
    assert [m.content for m in listed] == [f"message {i}" for i in range(5)]
    assert store.list_messages(store.create_conversation().id) == []


def test_add_message_bumps_updated_at_and_is_committed(store: HistoryStore,
                                                       db_path: Path) -> None:
    chat = store.create_conversation()
    message = store.add_message(chat.id, "user", "hello")

    after = store.get_conversation(chat.id)
    assert after.updated_at == message.created_at > chat.updated_at
    # Another connection sees it at once: the write was committed before returning.
    conn = raw(db_path)
    assert conn.execute("SELECT content FROM messages WHERE id = ?",
                        (message.id,)).fetchone() == ("hello",)
    conn.close()


def test_add_message_validates(store: HistoryStore) -> None:
    chat = store.create_conversation()
    with pytest.raises(HistoryValueError):
        store.add_message(chat.id, "tool", "x")
    with pytest.raises(HistoryValueError):
        store.add_message(chat.id, "user", "x", state="done")
    with pytest.raises(HistoryNotFoundError):
        store.add_message(chat.id + 1, "user", "x")
    with pytest.raises(TypeError):
        store.add_message(chat.id, "assistant", "x", generation_settings={"f": object()})
    with pytest.raises(ValueError):
        store.add_message(chat.id, "assistant", "x", generation_settings={"t": float("nan")})
    assert store.list_messages(chat.id) == []


def test_generation_settings_round_trip_as_json(store: HistoryStore, db_path: Path) -> None:
    chat = store.create_conversation()
    settings_in: dict[str, object] = {
        "temperature": 0.7, "top_p": 0.95, "max_tokens": 512, "stop": ["</s>", "User:"],
        "seed": None, "mirostat": {"tau": 5.0, "eta": 0.1}, "note": "café ✓",
    }
    reply = store.add_message(chat.id, "assistant", "hi", model_file="tiny.gguf",
                              model_sha256="ab" * 32, generation_settings=settings_in)
    plain = store.add_message(chat.id, "user", "no settings")

    listed = {m.id: m for m in store.list_messages(chat.id)}
    assert listed[reply.id].generation_settings == settings_in == reply.generation_settings
    assert listed[reply.id].model_file == "tiny.gguf"
    assert listed[reply.id].model_sha256 == "ab" * 32
    assert listed[plain.id].generation_settings is None
    conn = raw(db_path)
    (stored,) = conn.execute("SELECT generation_settings FROM messages WHERE id = ?",
                             (reply.id,)).fetchone()
    conn.close()
    assert json.loads(stored) == settings_in


def test_streaming_then_finalize_with_stats(store: HistoryStore) -> None:
    chat = store.create_conversation()
    store.add_message(chat.id, "user", "question")
    reply = store.add_message(chat.id, "assistant", "", state="streaming")
    bumped_by_add = store.get_conversation(chat.id).updated_at

    store.update_streaming_content(reply.id, "Partial")
    store.update_streaming_content(reply.id, "Partial answer")
    current = store.list_messages(chat.id)[-1]
    assert (current.content, current.state) == ("Partial answer", "streaming")
    assert store.get_conversation(chat.id).updated_at == bumped_by_add  # a single UPDATE

    stats = ReplyStats(prompt_tokens=31, generated_tokens=12, ttft_s=0.25, tokens_per_s=17.5)
    final = store.finalize_message(reply.id, "Partial answer, finished.", "complete", stats)

    assert final == store.list_messages(chat.id)[-1]
    assert (final.state, final.content) == ("complete", "Partial answer, finished.")
    assert (final.prompt_tokens, final.generated_tokens) == (31, 12)
    assert (final.ttft_s, final.tokens_per_s, final.error) == (0.25, 17.5, None)
    assert final.updated_at > current.updated_at
    assert store.get_conversation(chat.id).updated_at == final.updated_at

    with pytest.raises(HistoryValueError, match="no longer being written"):
        store.update_streaming_content(reply.id, "late token")
    assert store.list_messages(chat.id)[-1].content == "Partial answer, finished."
    with pytest.raises(HistoryNotFoundError):
        store.update_streaming_content(reply.id + 100, "x")


def test_reasoning_is_kept_apart_from_the_answer(store: HistoryStore, db_path: Path) -> None:
    chat = store.create_conversation()
    store.add_message(chat.id, "user", "how do owls hunt")
    reply = store.add_message(chat.id, "assistant", "", state="streaming")
    store.update_streaming_content(reply.id, "", reasoning="Think of voles first.")
    streaming = store.get_message(reply.id)
    assert (streaming.content, streaming.reasoning) == ("", "Think of voles first.")

    stats = ReplyStats(prompt_tokens=9, generated_tokens=30, ttft_s=0.2, tokens_per_s=20.0,
                       ttfa_s=1.7, reasoning_s=1.5)
    final = store.finalize_message(reply.id, "Owls hunt by sound.", "complete", stats,
                                   reasoning="Think of voles first. Then ears.")
    assert final.content == "Owls hunt by sound."
    assert final.reasoning == "Think of voles first. Then ears."
    assert (final.ttft_s, final.ttfa_s, final.reasoning_s) == (0.2, 1.7, 1.5)
    # Search finds answers, never thoughts.
    assert [h.message_id for h in store.search("sound")] == [final.id]
    assert store.search("voles") == []
    fts_integrity_ok(db_path)
    # A reply without a thought stores NULL, not an empty string.
    other = store.add_message(chat.id, "assistant", "", state="streaming")
    assert store.finalize_message(other.id, "plain", "complete", reasoning="").reasoning is None


def test_thinking_choice_belongs_to_the_chat(store: HistoryStore) -> None:
    first, second = store.create_conversation("a"), store.create_conversation("b")
    order = [c.id for c in store.list_conversations()]
    store.set_thinking(first.id, "off")
    assert store.get_conversation(first.id).thinking == "off"
    assert store.get_conversation(second.id).thinking is None
    assert [c.id for c in store.list_conversations()] == order  # not moved to the top
    store.set_thinking(first.id, None)
    assert store.get_conversation(first.id).thinking is None
    with pytest.raises(HistoryNotFoundError):
        store.set_thinking(first.id + second.id + 10, "on")


def test_finalize_error_and_partial_stats(store: HistoryStore) -> None:
    chat = store.create_conversation()
    reply = store.add_message(chat.id, "assistant", "", state="streaming")
    final = store.finalize_message(reply.id, "half", "error",
                                   ReplyStats(5, 2, None, None), error="out of memory")
    assert (final.state, final.error, final.ttft_s, final.tokens_per_s) == (
        "error", "out of memory", None, None)
    no_stats = store.finalize_message(reply.id, "half", "stopped")
    assert no_stats.prompt_tokens is None and no_stats.error is None
    with pytest.raises(HistoryValueError):
        store.finalize_message(reply.id, "x", "streaming")
    with pytest.raises(HistoryNotFoundError):
        store.finalize_message(reply.id + 1, "x", "complete")


def test_delete_message_for_regenerate(store: HistoryStore) -> None:
    chat = store.create_conversation()
    question = store.add_message(chat.id, "user", "question")
    first = store.add_message(chat.id, "assistant", "first answer")
    before = store.get_conversation(chat.id).updated_at

    store.delete_message(first.id)
    assert store.get_conversation(chat.id).updated_at > before
    second = store.add_message(chat.id, "assistant", "second answer")

    assert second.id != first.id  # ids are never reused
    assert [m.id for m in store.list_messages(chat.id)] == [question.id, second.id]
    assert store.search("first") == []
    with pytest.raises(HistoryNotFoundError):
        store.delete_message(first.id)


def test_recover_interrupted(store: HistoryStore, db_path: Path) -> None:
    chat = store.create_conversation()
    a = store.add_message(chat.id, "assistant", "", state="streaming")
    b = store.add_message(chat.id, "assistant", "", state="streaming")
    done = store.add_message(chat.id, "assistant", "finished reply")
    store.update_streaming_content(a.id, "half written zebra")

    assert store.search("zebra") == []
    assert store.recover_interrupted() == 2
    states = {m.id: (m.state, m.content) for m in store.list_messages(chat.id)}
    assert states == {a.id: ("interrupted", "half written zebra"),
                      b.id: ("interrupted", ""),
                      done.id: ("complete", "finished reply")}
    assert [h.message_id for h in store.search("zebra")] == [a.id]
    assert store.recover_interrupted() == 0
    fts_integrity_ok(db_path)


def test_lone_surrogates_are_replaced_not_fatal(store: HistoryStore) -> None:
    chat = store.create_conversation("bad \ud800 paste")
    message = store.add_message(chat.id, "user", "text \udcff end")
    assert store.list_messages(chat.id)[0].content == "text \ufffd end" == message.content
    assert store.get_conversation(chat.id).title == "bad \ufffd paste"


def test_closed_store_raises_history_error(db_path: Path) -> None:
    with HistoryStore(db_path) as opened:
        opened.create_conversation()
    with pytest.raises(HistoryError, match="closed"):
        opened.list_conversations()
    opened.close()  # closing twice is fine


# -- search -----------------------------------------------------------------------------


@pytest.fixture
def corpus(store: HistoryStore) -> dict[str, int]:
    chat = store.create_conversation("Animals")
    code = store.create_conversation("Code")
    ids = {
        "fox": store.add_message(chat.id, "user", "The quick brown fox jumps").id,
        "sort": store.add_message(code.id, "assistant", "Quicksort in Python, step by step").id,
        "cafe": store.add_message(chat.id, "user", "Un café naïve à Paris").id,
        "cpp": store.add_message(code.id, "user", "I like C++ and C# (and rock and roll)").id,
        "near": store.add_message(code.id, "assistant", "The shop is near the station").id,
        "html": store.add_message(code.id, "assistant", "Use <script>alert(1)</script> never").id,
    }
    return ids


def test_search_words_and_prefix(store: HistoryStore, corpus: dict[str, int]) -> None:
    def found(query: str) -> set[int]:
        return {hit.message_id for hit in store.search(query)}

    assert found("quick") == {corpus["fox"], corpus["sort"]}  # last word is a prefix
    assert found("qui") == {corpus["fox"], corpus["sort"]}
    assert found("fox quick") == {corpus["fox"]}  # words are ANDed, in any order
    assert found("quick bro") == {corpus["fox"]}
    assert found("qui brown") == set()  # only the last word is a prefix
    assert found("cafe naive") == {corpus["cafe"]}  # diacritics do not matter
    assert found("PYTHON") == {corpus["sort"]}
    assert found("giraffe") == set()


def test_search_hit_fields(store: HistoryStore, corpus: dict[str, int]) -> None:
    (hit,) = store.search("brown")
    assert hit.message_id == corpus["fox"]
    assert hit.conversation_title == "Animals" and hit.role == "user"
    assert f"{MATCH_START}brown{MATCH_END}" in hit.snippet
    assert hit.rank < 0  # bm25: lower is better

    (html_hit,) = store.search("alert")
    rendered = snippet_to_html(html_hit.snippet)
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "<b>alert</b>" in rendered


@pytest.mark.parametrize("query", [
    '"', '""', '"quick', "quick\"", "'", "(", ")", "()", "(quick", "AND", "OR", "NOT",
    "quick AND", "AND quick", "quick OR OR fox", "NOT NOT", "NEAR", 'NEAR("quick" "fox")',
    "NEAR(quick fox, 2)", "*", "quick*", "*quick", "^", "^quick", "quick:", "content:quick",
    "-quick", "+quick", "{content}: quick", "c++", "C#", "x\x00y", "\\", "😀", "   ", "",
    "quick\tfox\n", "a" * 5000, " ".join(["quick"] * 500),
])
def test_search_never_raises_on_syntax(store: HistoryStore, corpus: dict[str, int],
                                       query: str) -> None:
    hits = store.search(query)
    assert isinstance(hits, list)
    assert all(isinstance(hit, SearchHit) for hit in hits)


def test_search_treats_operators_as_words(store: HistoryStore, corpus: dict[str, int]) -> None:
    assert [h.message_id for h in store.search("rock AND roll")] == [corpus["cpp"]]
    assert [h.message_id for h in store.search("shop NEAR")] == [corpus["near"]]
    assert [h.message_id for h in store.search('"quick" (fox)')] == [corpus["fox"]]
    # "c++" is the word "c", prefix-matched: C++ and C# and also café.
    assert {h.message_id for h in store.search("c++")} == {corpus["cpp"], corpus["cafe"]}
    assert store.search("quick NOT fox") == []  # NOT is a word, and nothing contains it


def test_build_match_query_quotes_everything() -> None:
    assert build_match_query('say "hi" NEAR(x)') == '"say" """hi""" "NEAR(x)" *'
    assert build_match_query("a\x00b") == '"a" "b" *'
    assert build_match_query(" \t\n") is None


def test_search_ranks_best_first_and_limits(store: HistoryStore) -> None:
    chat = store.create_conversation()
    filler = " ".join(f"filler{i}" for i in range(60))
    weak = store.add_message(chat.id, "user", f"llama {filler}")
    strong = store.add_message(chat.id, "user", "llama llama llama")
    for i in range(10):
        store.add_message(chat.id, "user", f"llama {filler} extra{i}")

    hits = store.search("llama")
    assert hits[0].message_id == strong.id
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    assert weak.id in {h.message_id for h in hits}
    assert len(store.search("llama", limit=3)) == 3
    assert store.search("llama", limit=0) == []


def test_search_window_prefers_recent_matches(store: HistoryStore,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    chat = store.create_conversation()
    best_but_old = store.add_message(chat.id, "user", "kiwi kiwi kiwi kiwi")
    newer = [store.add_message(chat.id, "user", f"kiwi and words {i} " * 5).id
             for i in range(12)]

    assert store.search("kiwi")[0].message_id == best_but_old.id
    monkeypatch.setattr(store_module, "SEARCH_WINDOW", 5)
    hits = store.search("kiwi", limit=3)
    assert len(hits) == 3
    assert {h.message_id for h in hits} <= set(newer[-5:])


def test_streaming_text_is_searchable_only_when_finalized(store: HistoryStore,
                                                          db_path: Path) -> None:
    chat = store.create_conversation()
    reply = store.add_message(chat.id, "assistant", "", state="streaming")
    store.update_streaming_content(reply.id, "draft mentions walrus")
    assert store.search("walrus") == []

    store.finalize_message(reply.id, "final mentions narwhal", "complete")
    assert store.search("walrus") == []
    assert [h.message_id for h in store.search("narwhal")] == [reply.id]

    # Finalizing again (e.g. an edit) re-indexes: old words go, new words come.
    store.finalize_message(reply.id, "now about beluga", "stopped")
    assert store.search("narwhal") == []
    assert [h.message_id for h in store.search("beluga")] == [reply.id]
    store.delete_message(reply.id)
    assert store.search("beluga") == []
    fts_integrity_ok(db_path)


_FTS_SOUP = st.lists(
    st.sampled_from(['AND', 'OR', 'NOT', 'NEAR', 'NEAR(', '(', ')', '"', '""', '*', '^', ':',
                     '-', '+', '{', '}', ',', 'content', 'quick', 'fo', '\x00', '\\', "'",
                     '\ud800', 'é', '😀', ' ', '\t']),
    max_size=12,
).map("".join)
_ANY_TEXT = st.text(st.characters() | st.sampled_from(["\ud800", "\udfff", "\x00"]),
                    max_size=60)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_FTS_SOUP | _ANY_TEXT)
def test_search_never_raises_property(store: HistoryStore, corpus: dict[str, int],
                                      query: str) -> None:
    hits = store.search(query, limit=10)
    assert len(hits) <= 10
    assert all(hit.message_id in corpus.values() for hit in hits)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(
    st.text(st.characters(min_codepoint=0x41, max_codepoint=0xFF, categories=["Lu", "Ll"]),
            min_size=1, max_size=8),
    min_size=1, max_size=4))
def test_every_word_of_a_message_finds_it(store: HistoryStore, words: list[str]) -> None:
    chat = store.create_conversation()
    message = store.add_message(chat.id, "user", " ".join(words) + ", end.")
    assert message.id in {h.message_id for h in store.search(" ".join(words), limit=500)}


# -- titles -----------------------------------------------------------------------------


def test_title_from_first_message() -> None:
    assert title_from_first_message("  How do   I\tsort a list?\nMore detail") == \
        "How do I sort a list?"
    assert title_from_first_message("\n\n   \nSecond line wins\n") == "Second line wins"
    assert title_from_first_message("") == "New chat"
    assert title_from_first_message(" \n\t ") == "New chat"
    exact = "x" * 60
    assert title_from_first_message(exact) == exact

    long = "Explain the difference between processes and threads in operating systems please"
    title = title_from_first_message(long)
    assert len(title) <= 60 and title.endswith("…")
    assert long.startswith(title[:-1])
    assert not title[:-1].endswith(" ")
    unbroken = title_from_first_message("y" * 200)
    assert unbroken == "y" * 59 + "…"


# -- files and pragmas ------------------------------------------------------------------


def test_pragmas_are_in_effect(store: HistoryStore, db_path: Path) -> None:
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "synchronous") == 1  # NORMAL
    assert pragma(store, "foreign_keys") == 1
    busy = pragma(store, "busy_timeout")
    assert isinstance(busy, int) and busy >= 1000
    assert pragma(store, "user_version") == LATEST_VERSION
    conn = raw(db_path)  # WAL is a property of the file, not just of our connection
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()


def _mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@posix_only
@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_database_and_side_files_are_private(db_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        with HistoryStore(db_path) as opened:
            opened.add_message(opened.create_conversation().id, "user", "secret")
            for suffix in ("", "-wal", "-shm"):
                assert _mode(f"{db_path}{suffix}") == 0o600, suffix
    finally:
        os.umask(old)


@posix_only
def test_sqlite_gives_side_files_the_main_file_mode(tmp_path: Path) -> None:
    """The assumption the 0600 design rests on, checked against this SQLite build."""
    path = tmp_path / "plain.sqlite3"
    old = os.umask(0)
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o640))
        conn = raw(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE t (x)")
        assert _mode(f"{path}-wal") == 0o640
        assert _mode(f"{path}-shm") == 0o640
        conn.close()
    finally:
        os.umask(old)


@posix_only
def test_opening_tightens_loose_permissions(db_path: Path) -> None:
    with HistoryStore(db_path) as first:
        first.create_conversation()
        os.chmod(db_path, 0o644)
        os.chmod(f"{db_path}-wal", 0o644)
        with HistoryStore(db_path) as second:
            second.list_conversations()
        assert _mode(db_path) == 0o600
        assert _mode(f"{db_path}-wal") == 0o600


def test_backup_is_one_complete_private_file(store: HistoryStore, tmp_path: Path) -> None:
    chat = store.create_conversation("backed up")
    for i in range(20):
        store.add_message(chat.id, "user", f"message {i} about otters")
    target = tmp_path / "backups" / "copy.sqlite3"

    store.backup_to(target)
    store.backup_to(target)  # replacing an older backup

    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]
    if os.name == "posix":
        assert _mode(target) == 0o600
    conn = raw(target)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert conn.execute("SELECT count(*) FROM messages").fetchone() == (20,)
    conn.close()
    with HistoryStore(target) as copy:
        assert len(copy.search("otters", limit=100)) == 20
    with pytest.raises(HistoryValueError):
        store.backup_to(store.path)


# -- threads ----------------------------------------------------------------------------


def test_store_belongs_to_its_thread(store: HistoryStore) -> None:
    with ThreadPoolExecutor(1) as pool, pytest.raises(sqlite3.ProgrammingError):
        pool.submit(store.list_conversations).result()


def test_many_stores_open_a_new_file_at_once(db_path: Path) -> None:
    barrier = threading.Barrier(6)

    def open_and_write(n: int) -> int:
        barrier.wait()
        with HistoryStore(db_path) as opened:
            return opened.create_conversation(f"chat {n}").id

    with ThreadPoolExecutor(6) as pool:
        ids = list(pool.map(open_and_write, range(6)))
    assert len(set(ids)) == 6
    with HistoryStore(db_path) as opened:
        assert pragma(opened, "user_version") == LATEST_VERSION
        assert len(opened.list_conversations()) == 6


def test_streaming_writer_and_reader_threads_do_not_lock(db_path: Path) -> None:
    with HistoryStore(db_path) as setup:
        chat = setup.create_conversation("busy")
        for i in range(300):
            setup.add_message(chat.id, "user" if i % 2 else "assistant", f"message {i} lorem")

    finished = threading.Event()
    seen_streaming: list[str] = []

    def writer() -> list[str]:
        written = []
        try:
            with HistoryStore(db_path) as store:
                for turn in range(4):
                    reply = store.add_message(chat.id, "assistant", "", state="streaming")
                    text = ""
                    for step in range(50):
                        text += f"tok{turn}x{step} "
                        store.update_streaming_content(reply.id, text)
                        time.sleep(0.002)
                    store.finalize_message(reply.id, text, "complete",
                                           ReplyStats(10, 50, 0.1, 25.0))
                    written.append(text)
        finally:
            finished.set()
        return written

    def reader() -> int:
        rounds = 0
        with HistoryStore(db_path) as store:
            while not finished.is_set():
                assert store.list_conversations()[0].id in (chat.id, chat.id + 1)
                last = store.list_messages(chat.id)[-1]
                if last.state == "streaming" and last.content:
                    seen_streaming.append(last.content)
                store.search("lorem")
                # A second writer too: the two queue on the busy timeout.
                other = store.create_conversation("other")
                store.add_message(other.id, "user", "hi")
                store.delete_conversation(other.id)
                rounds += 1
        return rounds

    with ThreadPoolExecutor(2) as pool:
        writing = pool.submit(writer)
        reading = pool.submit(reader)
        written = writing.result(timeout=30)  # re-raises whatever failed in the thread
        rounds = reading.result(timeout=30)
    assert rounds > 10 and seen_streaming  # they really did overlap
    with HistoryStore(db_path) as check:
        tail = check.list_messages(chat.id)[-4:]
        assert [m.content for m in tail] == written
        assert all(m.state == "complete" for m in tail)
        assert [c.title for c in check.list_conversations()] == ["busy"]


def test_two_writers_with_read_then_write_transactions(db_path: Path) -> None:
    """finalize and delete read before they write; started as deferred transactions, two
    writers would fail at once with SQLITE_BUSY (a stale snapshot) instead of waiting."""
    with HistoryStore(db_path) as setup:
        chats = [setup.create_conversation(f"writer {n}").id for n in range(2)]
    start = threading.Barrier(2)

    def write(chat_id: int) -> int:
        with HistoryStore(db_path) as store:
            start.wait()
            for i in range(300):
                reply = store.add_message(chat_id, "assistant", "", state="streaming")
                store.update_streaming_content(reply.id, f"partial {i}")
                store.finalize_message(reply.id, f"final {i}", "complete")
                if i % 2:
                    store.delete_message(reply.id)
            return len(store.list_messages(chat_id))

    with ThreadPoolExecutor(2) as pool:
        counts = list(pool.map(write, chats))
    assert counts == [150, 150]
