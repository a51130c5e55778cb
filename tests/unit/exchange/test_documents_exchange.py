"""Attachments and citations in exports: the JSON archive carries them (export, import,
export gives the same document), a wrong one refuses the file whole, and the Markdown and
HTML exports show the files by name and the citations as numbered sources."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatapp.errors import UserFacingError
from chatapp.exchange.errors import ImportRefusedError
from chatapp.exchange.html_export import to_html
from chatapp.exchange.importer import import_batch, read_import
from chatapp.exchange.json_format import dump_document
from chatapp.exchange.markdown_export import to_markdown
from chatapp.exchange.tree import read_chats
from chatapp.history.store import (
    Attachment,
    AttachmentUse,
    Citation,
    HistoryStore,
)
from tests.unit.exchange.test_json_format import counts, without_ids


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


REPORT = Attachment("report <2023>.pdf", sha("report"), 48_213, "pdf")
NOTES = Attachment("notes.md", sha("notes"), 912, "markdown")
CITED = (
    Citation(1, "attachment", "notes.md", "All of the notes.", sha256=NOTES.sha256,
             start=0, end=17),
    Citation(2, "attachment", "report <2023>.pdf", "Revenue rose <b>12%</b> in 2023.",
             sha256=REPORT.sha256, page=3, heading="Results", start=4_410, end=4_440,
             score=0.031),
    Citation(3, "collection", "handbook.docx", "Leave is 25 days a year.",
             path="/home/ann/docs/handbook.docx", heading="Leave", start=90, end=114,
             score=0.016),
)


def fill_documents(store: HistoryStore) -> int:
    chat = store.create_conversation("Report").id
    question = store.add_message(chat, "user", "Sum it up.", attachments=[NOTES, REPORT])
    reply = store.add_message(chat, "assistant", "It grew by 12% [2].")
    store.record_grounding(reply.id, CITED, question_id=question.id, uses={
        0: AttachmentUse("whole"), 1: AttachmentUse("retrieved", 3, 40)})
    store.add_message(chat, "user", "Thanks.")
    return chat


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "history.sqlite3")


@pytest.fixture
def other_store(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "other.sqlite3")


def test_the_archive_carries_attachments_and_citations(
        store: HistoryStore, other_store: HistoryStore) -> None:
    fill_documents(store)
    first = dump_document(read_chats(store))
    question, reply, thanks = json.loads(first)["chats"][0]["messages"]
    assert question["attachments"] == [
        {"name": "notes.md", "sha256": NOTES.sha256, "size": 912, "kind": "markdown",
         "usage": "whole", "passages_used": None, "passages_total": None},
        {"name": "report <2023>.pdf", "sha256": REPORT.sha256, "size": 48_213, "kind": "pdf",
         "usage": "retrieved", "passages_used": 3, "passages_total": 40}]
    assert reply["citations"][1] == {
        "number": 2, "source": "attachment", "name": "report <2023>.pdf", "path": None,
        "sha256": REPORT.sha256, "page": 3, "heading": "Results", "start": 4_410,
        "end": 4_440, "score": 0.031, "text": "Revenue rose <b>12%</b> in 2023."}
    assert question["citations"] == reply["attachments"] == thanks["attachments"] == []

    (imported,) = import_batch(other_store, read_import(first))
    new_question, new_reply, _ = other_store.list_messages(imported.id)
    assert [a.usage for a in other_store.list_attachments(new_question.id)] == [
        "whole", "retrieved"]
    assert other_store.list_citations(new_reply.id) == list(CITED)
    second = dump_document(read_chats(other_store))
    assert without_ids(second) == without_ids(first)


def test_an_archive_without_the_new_keys_still_imports(store: HistoryStore) -> None:
    fill_documents(store)
    document = json.loads(dump_document(read_chats(store)))
    for message in document["chats"][0]["messages"]:
        del message["attachments"], message["citations"]
    (imported,) = import_batch(store, read_import(json.dumps(document).encode()))
    assert store.attachments_of(imported.id) == {} and store.citations_of(imported.id) == {}


def mutate(document: dict[str, Any], change: str) -> bytes:
    doc = copy.deepcopy(document)
    question, reply, _ = doc["chats"][0]["messages"]
    attachment, citation = question["attachments"][1], reply["citations"][1]
    if change == "hash not hex":
        attachment["sha256"] = "../../etc/passwd"
    elif change == "no hash":
        del attachment["sha256"]
    elif change == "unknown use":
        attachment["usage"] = "most"
    elif change == "negative size":
        attachment["size"] = -1
    elif change == "unknown source":
        citation["source"] = "the web"
    elif change == "number zero":
        citation["number"] = 0
    elif change == "same number twice":
        citation["number"] = 1
    elif change == "score not a number":
        citation["score"] = "high"
    elif change == "no text":
        del citation["text"]
    elif change == "citations not a list":
        reply["citations"] = {"1": citation}
    else:
        raise AssertionError(change)
    return json.dumps(doc).encode()


REFUSALS = {
    "hash not hex": "attachment 2: 'sha256' is not a SHA-256",
    "no hash": "attachment 2: 'sha256'", "unknown use": "'usage' is not one of",
    "negative size": "'size'", "unknown source": "citation 2: 'source'",
    "number zero": "'number'", "same number twice": "numbers two citations the same",
    "score not a number": "'score'", "no text": "'text'",
    "citations not a list": "'citations' is missing or is not a list",
}


@pytest.mark.parametrize("change", sorted(REFUSALS))
def test_a_wrong_attachment_or_citation_refuses_the_file(store: HistoryStore,
                                                         change: str) -> None:
    fill_documents(store)
    document = json.loads(dump_document(read_chats(store)))
    before = counts(store)
    with pytest.raises(ImportRefusedError, match=REFUSALS[change]) as refused:
        read_import(mutate(document, change))
    assert "Nothing was imported" in refused.value.user_message
    assert counts(store) == before


values = st.none() | st.booleans() | st.integers(-2**70, 2**70) \
    | st.floats(allow_nan=False) | st.text(max_size=70) \
    | st.lists(st.integers(), max_size=2) | st.just("a" * 64)
KEYS = ["name", "sha256", "size", "kind", "usage", "passages_used", "passages_total",
        "number", "source", "path", "page", "heading", "start", "end", "score", "text"]


@settings(max_examples=150)
@given(changes=st.lists(st.tuples(st.sampled_from(["attachments", "citations"]),
                                  st.integers(0, 2), st.sampled_from(KEYS), values),
                        min_size=1, max_size=4))
def test_fuzzed_documents_are_imported_whole_or_refused(
        tmp_path_factory: pytest.TempPathFactory,
        changes: list[tuple[str, int, str, object]]) -> None:
    with HistoryStore(tmp_path_factory.mktemp("fuzz") / "h.sqlite3") as store:
        fill_documents(store)
        doc = json.loads(dump_document(read_chats(store)))
        question, reply, _ = doc["chats"][0]["messages"]
        for where, index, key, value in changes:
            entries = (question if where == "attachments" else reply)[where]
            if index < len(entries):
                entries[index][key] = value
        before = counts(store)
        try:
            stored = import_batch(store, read_import(json.dumps(doc).encode()))
        except UserFacingError:
            assert counts(store) == before
        else:
            assert counts(store)[0] == before[0] + len(stored)
            chats = read_chats(store)
            assert len(read_import(dump_document(chats)).chats) == len(chats)
            to_markdown(chats)
            to_html(chats)


def test_markdown_names_the_files_and_numbers_the_sources(store: HistoryStore) -> None:
    fill_documents(store)
    text = to_markdown(read_chats(store))
    assert "Attached: `notes.md`, `report <2023>.pdf (3 of 40 passages)`" in text
    assert "**Sources**" in text
    assert "1. [1] notes.md: “All of the notes.”" in text
    assert "2. [2] report <2023>.pdf, page 3, Results: “Revenue rose <b>12%</b> in 2023.”" \
        in text
    assert "3. [3] /home/ann/docs/handbook.docx, Leave: “Leave is 25 days a year.”" in text
    # In the order of the chat: the files with the question, the sources with the reply.
    assert text.index("Attached:") < text.index("Sum it up.") < text.index("It grew") \
        < text.index("**Sources**") < text.index("Thanks.")


def test_html_shows_them_escaped(store: HistoryStore) -> None:
    fill_documents(store)
    page = to_html(read_chats(store))
    assert '<span class="attachment">report &lt;2023&gt;.pdf (3 of 40 passages)</span>' in page
    assert ('<li value="2"><b>[2] report &lt;2023&gt;.pdf, page 3, Results</b> '
            "<q>Revenue rose &lt;b&gt;12%&lt;/b&gt; in 2023.</q></li>") in page
    assert "<b>12%</b>" not in page
