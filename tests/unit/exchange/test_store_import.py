"""HistoryStore.import_conversations: whole trees, exact timestamps, one transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from chatapp.history.store import (
    Conversation,
    HistoryStore,
    HistoryValueError,
    Message,
)


def message(local_id: int, parent: int | None, role: str = "user", content: str = "hi",
            **changes: object) -> Message:
    base = Message(id=local_id, conversation_id=0, role=role, content=content,
                   state="complete", created_at=100.25 + local_id,
                   updated_at=200.5 + local_id, model_file=None, model_sha256=None,
                   generation_settings=None, prompt_tokens=None, generated_tokens=None,
                   ttft_s=None, tokens_per_s=None, error=None, parent_id=parent)
    return replace(base, **changes)  # type: ignore[arg-type]


def chat(title: str = "Imported", leaf: int | None = None, **changes: object
         ) -> Conversation:
    base = Conversation(id=0, title=title, created_at=10.5, updated_at=20.75,
                        system_prompt=None, message_count=0, active_leaf_id=leaf)
    return replace(base, **changes)  # type: ignore[arg-type]


def counts(store: HistoryStore) -> tuple[int, int]:
    conn = sqlite3.connect(store.path)
    try:
        return (conn.execute("SELECT count(*) FROM conversations").fetchone()[0],
                conn.execute("SELECT count(*) FROM messages").fetchone()[0])
    finally:
        conn.close()


def test_a_tree_is_imported_exactly(store: HistoryStore) -> None:
    messages = [
        message(7, None, content="Name a bird."),
        message(3, 7, "assistant", "A robin.", model_file="m.gguf", model_sha256="ff",
                generation_settings={"temperature": 0.5}, prompt_tokens=9,
                generated_tokens=4, ttft_s=0.5, tokens_per_s=12.5, reasoning="Hmm.",
                reasoning_s=0.25, ttfa_s=0.75, edited=True, stop_reason="length"),
        message(9, 7, "assistant", "A heron.", state="stopped"),
    ]
    (stored,) = store.import_conversations(
        [(chat("Birds", leaf=3, pinned=True, thinking="off", system_prompt="Brief.",
               settings={"temperature": 0.1}), messages)])
    assert (stored.title, stored.created_at, stored.updated_at) == ("Birds", 10.5, 20.75)
    assert (stored.pinned, stored.thinking, stored.system_prompt, stored.settings) == \
        (True, "off", "Brief.", {"temperature": 0.1})
    assert stored.message_count == 3
    tree = store.list_tree(stored.id)
    assert [m.content for m in tree] == ["Name a bird.", "A robin.", "A heron."]
    assert [m.parent_id for m in tree] == [None, tree[0].id, tree[0].id]
    assert [(m.created_at, m.updated_at) for m in tree] == \
        [(107.25, 207.5), (103.25, 203.5), (109.25, 209.5)]
    robin = tree[1]
    assert (robin.model_file, robin.model_sha256, robin.generation_settings) == \
        ("m.gguf", "ff", {"temperature": 0.5})
    assert (robin.prompt_tokens, robin.generated_tokens, robin.ttft_s, robin.tokens_per_s,
            robin.reasoning, robin.reasoning_s, robin.ttfa_s, robin.edited,
            robin.stop_reason) == (9, 4, 0.5, 12.5, "Hmm.", 0.25, 0.75, True, "length")
    assert tree[2].state == "stopped"
    # The branch on screen is the one named, not the newest.
    assert [m.content for m in store.list_messages(stored.id)] == ["Name a bird.", "A robin."]
    assert store.get_conversation(stored.id).active_leaf_id == robin.id
    # Imported answers are found like any other.
    assert [hit.message_id for hit in store.search("heron")] == [tree[2].id]


def test_several_chats_in_one_go_keep_their_order(store: HistoryStore) -> None:
    stored = store.import_conversations(
        [(chat(f"Chat {n}", leaf=0), [message(0, None, content=f"text {n}")])
         for n in range(3)])
    assert [c.title for c in stored] == ["Chat 0", "Chat 1", "Chat 2"]
    assert [store.list_messages(c.id)[0].content for c in stored] == \
        ["text 0", "text 1", "text 2"]


@pytest.mark.parametrize(("messages", "leaf", "says"), [
    ([message(1, 2), message(2, None)], None, "does not come before"),
    ([message(1, None), message(1, None)], None, "appears twice"),
    ([message(1, None), message(2, 5)], None, "does not come before"),
    ([message(1, None)], 4, "does not have"),
    ([message(1, None, role="tool")], None, "role"),
    ([message(1, None, state="streaming")], None, "state"),
])
def test_a_wrong_chat_imports_nothing(store: HistoryStore, messages: list[Message],
                                      leaf: int | None, says: str) -> None:
    good = (chat("Good", leaf=0), [message(0, None)])
    with pytest.raises(HistoryValueError, match=says):
        store.import_conversations([good, (chat(leaf=leaf), messages)])
    assert counts(store) == (0, 0)


def test_a_failure_inside_the_transaction_rolls_all_back(store: HistoryStore) -> None:
    unstorable = message(0, None, generation_settings={"x": object()})
    with pytest.raises(TypeError):
        store.import_conversations([(chat("Good", leaf=0), [message(0, None)]),
                                    (chat("Bad"), [unstorable])])
    assert counts(store) == (0, 0)
    assert store.search("hi") == []


def test_text_is_cleaned_like_every_write(store: HistoryStore) -> None:
    (stored,) = store.import_conversations(
        [(chat("  two   words "), [message(0, None, content="broken \ud800 paste")])])
    assert stored.title == "two words"
    assert store.list_tree(stored.id)[0].content == "broken \ufffd paste"
    with pytest.raises(HistoryValueError):
        store.import_conversations([(chat("   "), [])])
