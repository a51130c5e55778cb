"""Conversations as trees: branches kept, the branch on screen followed, old chats upgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chatapp.history.migrations import MIGRATIONS, migrate
from chatapp.history.store import HistoryNotFoundError, HistoryStore, HistoryValueError, ReplyStats


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "history.sqlite3")


def contents(store: HistoryStore, chat: int) -> list[str]:
    return [m.content for m in store.list_messages(chat)]


def fts_ok(store: HistoryStore) -> None:
    conn = sqlite3.connect(store.path)
    try:
        conn.execute("INSERT INTO message_search (message_search, rank) "
                     "VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def test_a_new_branch_keeps_the_old_one(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    question = store.add_message(chat, "user", "Name a bird.")
    first = store.add_message(chat, "assistant", "A robin.")
    # Regenerate: another answer to the same question.
    second = store.add_message(chat, "assistant", "A heron.", parent_id=question.id)
    assert contents(store, chat) == ["Name a bird.", "A heron."]
    assert store.siblings(chat) == {first.id: (first.id, second.id),
                                    second.id: (first.id, second.id)}
    store.switch_branch(chat, first.id)
    assert contents(store, chat) == ["Name a bird.", "A robin."]
    # The conversation goes on from the branch on screen.
    follow = store.add_message(chat, "user", "Where does it live?")
    assert follow.parent_id == first.id
    assert contents(store, chat) == ["Name a bird.", "A robin.", "Where does it live?"]
    # Switching to a message shows its newest branch to its end.
    store.switch_branch(chat, second.id)
    assert contents(store, chat) == ["Name a bird.", "A heron."]
    store.switch_branch(chat, question.id)
    assert contents(store, chat) == ["Name a bird.", "A heron."]  # the newest child
    assert len(store.list_tree(chat)) == 4


def test_an_edited_question_is_a_sibling(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    store.add_message(chat, "user", "Hi")
    store.add_message(chat, "assistant", "Hello!")
    original = store.add_message(chat, "user", "Name a fish.")
    store.add_message(chat, "assistant", "A carp.")
    edited = store.add_message(chat, "user", "Name a sea fish.", parent_id=original.parent_id)
    assert contents(store, chat) == ["Hi", "Hello!", "Name a sea fish."]
    assert store.siblings(chat)[edited.id] == (original.id, edited.id)
    store.switch_branch(chat, original.id)
    assert contents(store, chat) == ["Hi", "Hello!", "Name a fish.", "A carp."]


def test_deleting_a_message_deletes_what_follows_it(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    question = store.add_message(chat, "user", "Tell me about otters")
    kept = store.add_message(chat, "assistant", "Otters are mammals")
    store.add_message(chat, "user", "and beavers")
    gone = store.add_message(chat, "assistant", "beavers build dams", parent_id=question.id)
    store.add_message(chat, "user", "more about dams")
    assert len(store.search("dams")) == 2
    store.delete_message(gone.id)
    # The branch on screen went: the newest one left after its parent is shown.
    assert contents(store, chat) == ["Tell me about otters", "Otters are mammals",
                                     "and beavers"]
    assert store.search("dams") == []  # the index followed the cascade
    fts_ok(store)
    store.delete_message(question.id)
    assert store.list_messages(chat) == [] and store.list_tree(chat) == []
    assert store.get_conversation(chat).active_leaf_id is None
    with pytest.raises(HistoryNotFoundError):
        store.delete_message(kept.id)


def test_a_reply_edited_in_place_is_marked_and_searchable(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    store.add_message(chat, "user", "Capital of Australia?")
    reply = store.add_message(chat, "assistant", "Sydney.")
    edited = store.edit_message(reply.id, "Canberra.")
    assert (edited.content, edited.edited, reply.edited) == ("Canberra.", True, False)
    assert [h.message_id for h in store.search("Canberra")] == [reply.id]
    assert store.search("Sydney") == []
    fts_ok(store)
    streaming = store.add_message(chat, "assistant", "", state="streaming")
    with pytest.raises(HistoryValueError):
        store.edit_message(streaming.id, "x")


def test_a_parent_from_another_chat_is_refused(store: HistoryStore) -> None:
    one, two = store.create_conversation().id, store.create_conversation().id
    message = store.add_message(one, "user", "mine")
    with pytest.raises(HistoryNotFoundError):
        store.add_message(two, "user", "not yours", parent_id=message.id)
    with pytest.raises(HistoryNotFoundError):
        store.switch_branch(two, message.id)


def test_pinned_chats_come_first_and_settings_belong_to_the_chat(store: HistoryStore) -> None:
    old = store.create_conversation("old").id
    new = store.create_conversation("new").id
    assert [c.id for c in store.list_conversations()] == [new, old]
    store.set_pinned(old, True)
    assert [c.id for c in store.list_conversations()] == [old, new]
    assert store.get_conversation(old).pinned
    store.set_conversation_settings(new, {"temperature": 0.2, "system_prompt": "Be terse."})
    assert store.get_conversation(new).settings == {"temperature": 0.2,
                                                    "system_prompt": "Be terse."}
    store.set_conversation_settings(new, None)
    assert store.get_conversation(new).settings is None


def test_todays_linear_chats_become_trees_with_every_record(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, MIGRATIONS[:3])  # the schema before trees, with real content
    conn.executescript("""
        INSERT INTO conversations (id, title, created_at, updated_at, system_prompt, thinking)
        VALUES (1, 'Birds', 10, 40, 'Be brief.', 'off'), (2, 'Empty', 11, 11, NULL, NULL);
        INSERT INTO messages (conversation_id, position, role, content, state, created_at,
                              updated_at, model_file, model_sha256, generation_settings,
                              prompt_tokens, generated_tokens, ttft_s, tokens_per_s,
                              reasoning, reasoning_s, ttfa_s, error)
        VALUES (1, 0, 'user', 'name a bird', 'complete', 11, 11, NULL, NULL, NULL,
                NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
               (1, 1, 'assistant', 'a robin', 'complete', 12, 13, 'm.gguf', 'ab12',
                '{"temperature": 0.5}', 30, 4, 0.25, 20.0, 'think of birds', 1.5, 1.7, NULL),
               (1, 2, 'user', 'another', 'complete', 14, 14, NULL, NULL, NULL,
                NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
               (1, 3, 'assistant', 'a heron, then', 'error', 15, 16, 'm.gguf', 'ab12',
                NULL, 40, 3, 0.3, NULL, NULL, NULL, NULL, 'out of memory');
    """)
    before = conn.execute("SELECT * FROM messages ORDER BY id").fetchall()
    conn.close()

    with HistoryStore(path) as store:
        path_messages = store.list_messages(1)
        assert [m.content for m in path_messages] == ["name a bird", "a robin", "another",
                                                      "a heron, then"]
        assert [m.parent_id for m in path_messages] == [None] + [m.id for m in
                                                                path_messages[:-1]]
        assert store.get_conversation(1).active_leaf_id == path_messages[-1].id
        assert store.get_conversation(1).thinking == "off"
        reply = path_messages[1]
        assert (reply.model_sha256, reply.generation_settings, reply.prompt_tokens,
                reply.ttft_s, reply.reasoning, reply.ttfa_s) == (
            "ab12", {"temperature": 0.5}, 30, 0.25, "think of birds", 1.7)
        assert path_messages[3].error == "out of memory"
        assert store.list_messages(2) == []
        assert store.siblings(1) == {}
        fts_ok(store)
        # And the upgraded chat goes on as a tree.
        store.add_message(1, "assistant", "an egret", parent_id=path_messages[2].id)
        assert len(store.siblings(1)) == 2
    conn = sqlite3.connect(path)
    after = conn.execute("SELECT * FROM messages WHERE id <= 4 ORDER BY id").fetchall()
    conn.close()
    # Every column the old rows had is as it was; two were added.
    assert [row[:len(before[0])] for row in after] == before


def test_the_kill_test_shape_still_holds(store: HistoryStore) -> None:
    # A streaming reply on a branch is recovered as interrupted, on its branch.
    chat = store.create_conversation().id
    question = store.add_message(chat, "user", "q")
    store.add_message(chat, "assistant", "old answer")
    streaming = store.add_message(chat, "assistant", "", state="streaming",
                                  parent_id=question.id)
    store.update_streaming_content(streaming.id, "half")
    assert store.recover_interrupted() == 1
    shown = store.list_messages(chat)
    assert [(m.content, m.state) for m in shown] == [("q", "complete"),
                                                     ("half", "interrupted")]
    store.finalize_message(streaming.id, "half", "stopped", ReplyStats(1, 1, None, None))


def test_the_active_leaf_can_be_set_exactly(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    question = store.add_message(chat, "user", "q")
    store.add_message(chat, "assistant", "a")
    store.set_active_leaf(chat, question.id)
    assert contents(store, chat) == ["q"]  # ready for another answer beside "a"
    other = store.create_conversation().id
    with pytest.raises(HistoryNotFoundError):
        store.set_active_leaf(other, question.id)


def test_a_finished_reply_can_be_written_on(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    store.add_message(chat, "user", "Tell a story about wolves")
    reply = store.add_message(chat, "assistant", "", state="streaming")
    store.finalize_message(reply.id, "Once upon a time", "complete",
                           ReplyStats(5, 4, 0.1, 9.0, stop_reason="length"))
    assert store.get_message(reply.id).stop_reason == "length"
    assert [h.message_id for h in store.search("upon")] == [reply.id]
    reopened = store.reopen_reply(reply.id)
    assert (reopened.state, reopened.content) == ("streaming", "Once upon a time")
    assert store.search("upon") == []  # out of the index while it is written on
    store.update_streaming_content(reply.id, "Once upon a time, wolves")
    final = store.finalize_message(reply.id, "Once upon a time, wolves sang.", "complete",
                                   ReplyStats(5, 9, 0.1, 9.0, stop_reason="eos"))
    assert (final.content, final.stop_reason) == ("Once upon a time, wolves sang.", "eos")
    assert [h.message_id for h in store.search("wolves sang")] == [reply.id]
    fts_ok(store)
    question = store.list_messages(chat)[0]
    with pytest.raises(HistoryValueError):
        store.reopen_reply(question.id)  # not a reply
    store.add_message(chat, "user", "more")
    with pytest.raises(HistoryValueError):
        store.reopen_reply(reply.id)  # no longer the end of the branch
