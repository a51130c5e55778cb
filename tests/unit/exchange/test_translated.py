"""Import and export in another language: what the user reads is translated, what is
stored or compared stays as it was (the kinds of file, the chats' text)."""

from __future__ import annotations

import pytest

from chatapp.exchange.errors import ImportRefusedError
from chatapp.exchange.importer import WEBUI_JSONL, ImportResult, import_batch, read_import
from chatapp.exchange.markdown_export import to_markdown
from chatapp.exchange.tree import read_chats
from chatapp.history.store import HistoryStore
from tests.unit.exchange.test_llama_webui import birds, check_birds, jsonl


@pytest.mark.usefixtures("translated")
def test_an_import_is_told_translated_and_stored_as_written(store: HistoryStore) -> None:
    batch = read_import(jsonl(birds()).encode())
    assert batch.source == WEBUI_JSONL  # the kind stays English: the summary translates it
    (stored,) = import_batch(store, batch)
    check_birds(store, stored.id)  # the chat's text and the attachment's header unchanged
    summary = ImportResult(batch, [stored]).summary()
    assert summary.startswith("«Imported {chats} ({messages}) from a {source}.»".format(
        chats="«1 chat»", messages="«5 messages»", source=f"«{WEBUI_JSONL}»"))
    assert "«1 tool result»" in summary and "«1 image, audio or video attachment»" in summary


@pytest.mark.usefixtures("translated")
def test_a_refusal_is_translated_with_where_it_points() -> None:
    with pytest.raises(ImportRefusedError) as refused:
        read_import(b'{"format": "chatapp-chats", "version": 1, "chats": [{"title": 5}]}')
    message = refused.value.user_message
    assert message.startswith("«This file cannot be imported: ")
    assert "«chat 1»" in message and "'title'" in message
    assert "«is missing or is not text»" in message


@pytest.mark.usefixtures("translated")
def test_an_export_is_written_in_the_users_language(store: HistoryStore) -> None:
    (stored,) = import_batch(store, read_import(jsonl(birds()).encode()))
    text = to_markdown(read_chats(store, [stored.id]))
    assert "### «You» · " in text and "### «Assistant» · " in text
    assert "It says hello world." in text or "The file greets the world." in text
