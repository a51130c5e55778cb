"""Migration 6: a message's attachments and a reply's citations, kept, listed, deleted
with their message, imported whole, and old histories upgraded."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from chatapp.history.migrations import MIGRATIONS, migrate, read_version
from chatapp.history.store import (
    Attachment,
    AttachmentUse,
    Citation,
    HistoryNotFoundError,
    HistoryStore,
    HistoryValueError,
    MessageDocuments,
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


REPORT = Attachment("report.pdf", sha("report"), 48_213, "pdf")
NOTES = Attachment("notes.md", sha("notes"), 912, "markdown")
CITED = (
    Citation(1, "attachment", "notes.md", "The whole of the notes.", sha256=NOTES.sha256,
             start=0, end=23),
    Citation(2, "attachment", "report.pdf", "Revenue rose 12% in 2023.", sha256=REPORT.sha256,
             page=3, heading="Results", start=4_410, end=4_435, score=0.031),
    Citation(3, "collection", "handbook.docx", "Leave is 25 days a year.",
             path="/home/ann/docs/handbook.docx", heading="Leave", start=90, end=114,
             score=0.016),
)


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return HistoryStore(tmp_path / "history.sqlite3")


def test_attachments_are_added_with_their_message(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    question = store.add_message(chat, "user", "What does the report say?",
                                 attachments=[REPORT, NOTES])
    plain = store.add_message(chat, "user", "And without files?")
    assert store.list_attachments(question.id) == [REPORT, NOTES]
    assert store.list_attachments(plain.id) == []
    assert store.attachments_of(chat) == {question.id: [REPORT, NOTES]}
    assert store.attachment_hashes() == {REPORT.sha256, NOTES.sha256}


def test_a_bad_attachment_adds_nothing(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    with pytest.raises(HistoryValueError, match="hash"):
        store.add_message(chat, "user", "q", attachments=[
            REPORT, Attachment("x.txt", "../../etc/passwd", 1, "text")])
    with pytest.raises(HistoryValueError, match="use"):
        store.add_message(chat, "user", "q", attachments=[
            Attachment("x.txt", sha("x"), 1, "text", usage="most of it")])
    assert store.list_messages(chat) == []


def test_citations_and_uses_are_recorded_with_the_reply(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    question = store.add_message(chat, "user", "Sum it up.", attachments=[NOTES, REPORT])
    reply = store.add_message(chat, "assistant", "", state="streaming")
    store.record_grounding(reply.id, CITED, question_id=question.id, uses={
        0: AttachmentUse("whole"), 1: AttachmentUse("retrieved", 1, 37)})
    assert store.list_citations(reply.id) == list(CITED)
    assert store.citations_of(chat) == {reply.id: list(CITED)}
    assert store.list_attachments(question.id) == [
        Attachment("notes.md", NOTES.sha256, 912, "markdown", "whole"),
        Attachment("report.pdf", REPORT.sha256, 48_213, "pdf", "retrieved", 1, 37)]
    # Recorded again (a continued reply re-grounded): replaced, not added to.
    store.record_grounding(reply.id, CITED[2:])
    assert store.list_citations(reply.id) == [CITED[2]]


def test_citations_must_be_numbered_once_each(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    reply = store.add_message(chat, "assistant", "")
    with pytest.raises(HistoryValueError, match="numbered"):
        store.record_grounding(reply.id, [CITED[0], CITED[0]])
    with pytest.raises(HistoryValueError, match="source"):
        store.record_grounding(reply.id, [Citation(1, "the web", "x", "y")])
    with pytest.raises(HistoryNotFoundError):
        store.record_grounding(reply.id + 100, CITED)
    assert store.list_citations(reply.id) == []


def test_text_that_sqlite_cannot_hold_is_mended(store: HistoryStore) -> None:
    chat = store.create_conversation().id
    reply = store.add_message(chat, "assistant", "")
    store.record_grounding(reply.id, [Citation(1, "collection", "a\ud800.txt", "b\udfff",
                                               path="/x/a\ud800.txt")])
    (citation,) = store.list_citations(reply.id)
    assert (citation.name, citation.text, citation.path) == (
        "a\ufffd.txt", "b\ufffd", "/x/a\ufffd.txt")


def test_deleting_a_message_a_branch_or_a_chat_deletes_its_documents(
        store: HistoryStore) -> None:
    chat = store.create_conversation().id
    first = store.add_message(chat, "user", "First", attachments=[NOTES])
    answer = store.add_message(chat, "assistant", "One")
    store.record_grounding(answer.id, CITED[:1], question_id=first.id,
                           uses={0: AttachmentUse("whole")})
    second = store.add_message(chat, "user", "Second", attachments=[REPORT])
    later = store.add_message(chat, "assistant", "Two")
    store.record_grounding(later.id, CITED[1:])
    # Deleting the second question takes its reply (and both their documents) with it.
    store.delete_message(second.id)
    assert store.attachments_of(chat).keys() == {first.id}
    assert store.citations_of(chat).keys() == {answer.id}
    assert store.attachment_hashes() == {NOTES.sha256}
    other = store.create_conversation().id
    store.add_message(other, "user", "Elsewhere", attachments=[REPORT])
    store.delete_conversation(chat)
    assert store.attachment_hashes() == {REPORT.sha256}
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT count(*) FROM citations").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM attachments").fetchone() == (1,)
    conn.close()


def test_import_keeps_documents_by_message(store: HistoryStore) -> None:
    source = store.create_conversation("Report")
    question = store.add_message(source.id, "user", "Sum it up.", attachments=[REPORT])
    reply = store.add_message(source.id, "assistant", "It grew [2].")
    store.record_grounding(reply.id, CITED)
    conversation = store.get_conversation(source.id)
    messages = store.list_tree(source.id)
    (copy,) = store.import_conversations(
        [(conversation, messages)],
        [{question.id: MessageDocuments(attachments=(REPORT,)),
          reply.id: MessageDocuments(citations=CITED)}])
    new_question, new_reply = store.list_messages(copy.id)
    assert store.list_attachments(new_question.id) == [REPORT]
    assert store.list_citations(new_reply.id) == list(CITED)
    with pytest.raises(HistoryValueError, match="numbered"):
        store.import_conversations([(conversation, messages)],
                                   [{reply.id: MessageDocuments(citations=CITED * 2)}])
    assert len(store.list_conversations()) == 2  # the refused import added nothing


def test_a_version_5_history_gains_the_documents_tables(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:5])
    conn.execute("INSERT INTO conversations (title, created_at, updated_at) "
                 "VALUES ('old', 1, 1)")
    conn.execute("INSERT INTO messages (conversation_id, position, role, content, "
                 "created_at, updated_at) VALUES (1, 0, 'user', 'kept', 1, 1)")
    assert read_version(conn) == 5
    conn.close()
    with HistoryStore(path) as store:
        (message,) = store.list_tree(1)
        assert message.content == "kept"
        assert store.list_attachments(message.id) == []
        assert store.citations_of(1) == {}
    conn = sqlite3.connect(path)
    assert read_version(conn) == 6
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"attachments", "citations", "attachments_by_sha256"} <= tables
    conn.close()
