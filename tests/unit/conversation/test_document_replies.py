"""Replies with documents, end to end in the core: files attached and kept, grounded in the
prompt, citations stored, later prompts rebuilt exactly; real model, SQLite and files."""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from chatapp.conversation.attachments import (
    keep_attachment,
    keep_attachment_bytes,
    remove_unreferenced_copies,
)
from chatapp.conversation.grounding import SOURCES_PREAMBLE, DocumentSources
from chatapp.conversation.questions import save_edited_question, save_question
from chatapp.conversation.reply_runner import ReplyRequest, ReplyRunner
from chatapp.documents.blob_store import BlobMissingError, BlobStore
from chatapp.documents.reading import BinaryDocument, DocumentError, DocumentTooLarge
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine
from chatapp.engine.prompt_window import PromptPlan
from chatapp.errors import UserFacingError
from chatapp.history.store import HistoryStore, Message
from chatapp.knowledge.retrieval import WORDS, RetrievedPassage
from chatapp.settings import Settings

SETTINGS = Settings(temperature=0.0, max_reply_tokens=24, system_prompt="Be brief.")
FACT = "The lighthouse on Skerry Island was painted green in 1911."


class Recorder:
    def __init__(self) -> None:
        self.plans: list[PromptPlan] = []
        self.final: Message | None = None
        self.error: UserFacingError | None = None

    def reply_started(self, message: Message, plan: PromptPlan) -> None:
        self.plans.append(plan)

    def reply_text(self, text: str) -> None:
        pass

    def reply_reasoning(self, text: str) -> None:
        pass

    def reasoning_finished(self, seconds: float) -> None:
        pass

    def reply_finished(self, message: Message, stats: GenerationStats) -> None:
        self.final = message

    def reply_failed(self, error: UserFacingError, message: Message | None) -> None:
        self.error, self.final = error, message


def minutes() -> str:
    lines = [f"Minute {n}. The council discussed harbour dues and ferry timetables, and "
             "agreed to return to them at the next meeting after the clerk reads the "
             "accounts aloud." for n in range(1, 120)]
    lines.insert(80, f"Minute 80b. {FACT}")
    return "\n\n".join(lines) + "\n"


def reply(runner: ReplyRunner, engine: LlamaEngine, chat: int, sources: DocumentSources,
          *, settings: Settings = SETTINGS, regenerate: bool = False) -> Recorder:
    recorder = Recorder()
    runner.run(engine, ReplyRequest(chat, regenerate, settings, 1, documents=sources),
               recorder, lambda: False)
    return recorder


def test_an_attached_file_grounds_the_reply_and_is_cited(
        engine: LlamaEngine, tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    notes = tmp_path / "island notes.md"
    notes.write_text(f"# Skerry Island\n\n{FACT}\n", encoding="utf-8")
    kept = keep_attachment(notes, blobs)
    notes.unlink()  # the chat keeps its own copy
    store = HistoryStore(tmp_path / "history.sqlite3")
    runner = ReplyRunner(store)
    saved = save_question(store, None, "What colour was the lighthouse painted?",
                          attachments=[kept.attachment])
    recorder = reply(runner, engine, saved.conversation.id, DocumentSources(blobs))
    assert recorder.error is None and recorder.final is not None
    prompt = engine.detokenize(recorder.plans[0].tokens)
    assert SOURCES_PREAMBLE in prompt and FACT in prompt
    assert prompt.index(FACT) < prompt.index("What colour was the lighthouse painted?")
    (citation,) = store.list_citations(recorder.final.id)
    assert (citation.number, citation.source, citation.name, citation.sha256) == (
        1, "attachment", "island notes.md", kept.attachment.sha256)
    assert FACT in citation.text
    (attachment,) = store.list_attachments(saved.message.id)
    assert attachment.usage == "whole"
    # The prompt counted the sources: it is longer than the question's would be.
    assert recorder.final.prompt_tokens == len(recorder.plans[0].tokens)


def test_a_later_prompt_carries_the_documents_again_exactly(
        engine: LlamaEngine, tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    kept = keep_attachment_bytes(minutes().encode(), "minutes.txt", blobs)
    store = HistoryStore(tmp_path / "history.sqlite3")
    runner = ReplyRunner(store)
    chat = save_question(store, None, "What colour was the lighthouse on Skerry Island?",
                         attachments=[kept.attachment]).conversation.id
    first = reply(runner, engine, chat, DocumentSources(blobs))
    assert first.final is not None and first.final.state == "complete"
    use = store.list_attachments(store.list_messages(chat)[0].id)[0]
    assert use.usage == "retrieved" and use.passages_used and use.passages_total
    assert use.passages_used < use.passages_total  # 1,024 tokens hold only part of it
    cited = store.list_citations(first.final.id)
    assert any(FACT in c.text for c in cited)

    save_question(store, chat, "And when?")
    # A fresh runner (the app restarted): the first turn comes from the history alone.
    second = reply(ReplyRunner(store), engine, chat, DocumentSources(blobs))
    before, after = first.plans[0].tokens, second.plans[0].tokens
    assert second.plans[0].first_message == 0  # nothing was left out
    assert after[:len(before)] == before  # the first prompt, token for token
    assert second.final is not None and store.list_citations(second.final.id) == []
    # The context meter counts the documents too.
    usage = ReplyRunner(store).context_usage(engine, chat, SETTINGS)
    assert usage.prompt_tokens > len(after)


def test_collection_passages_are_cited_by_their_file(engine: LlamaEngine,
                                                     tmp_path: Path) -> None:
    handbook = tmp_path / "docs" / "handbook.md"
    asked: list[str] = []

    def search(question: str) -> Sequence[RetrievedPassage]:
        asked.append(question)
        return [RetrievedPassage(7, 1, handbook, None, "Leave", 120, 170,
                                 "Staff get 25 days of leave a year.", 0.03,
                                 frozenset({WORDS}))]

    store = HistoryStore(tmp_path / "history.sqlite3")
    chat = save_question(store, None, "How many days of leave?").conversation.id
    recorder = reply(ReplyRunner(store), engine, chat,
                     DocumentSources(BlobStore(tmp_path / "attachments"), search=search))
    assert asked == ["How many days of leave?"]
    assert recorder.final is not None
    (citation,) = store.list_citations(recorder.final.id)
    assert (citation.source, citation.name, citation.path, citation.heading,
            citation.start, citation.end, citation.score) == (
        "collection", "handbook.md", str(handbook), "Leave", 120, 170, 0.03)
    assert "25 days" in engine.detokenize(recorder.plans[0].tokens)


def test_regenerating_grounds_the_question_again(engine: LlamaEngine, tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    kept = keep_attachment_bytes(f"{FACT}\n".encode(), "fact.txt", blobs)
    store = HistoryStore(tmp_path / "history.sqlite3")
    runner = ReplyRunner(store)
    chat = save_question(store, None, "When was it painted?",
                         attachments=[kept.attachment]).conversation.id
    first = reply(runner, engine, chat, DocumentSources(blobs))
    again = reply(runner, engine, chat, DocumentSources(blobs), regenerate=True)
    assert first.final is not None and again.final is not None
    assert again.final.id != first.final.id
    assert store.list_citations(again.final.id) == store.list_citations(first.final.id)
    assert again.plans[0].tokens == first.plans[0].tokens


def test_an_edited_question_keeps_its_attachments(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    kept = keep_attachment_bytes(b"Some notes.\n", "notes.txt", blobs)
    store = HistoryStore(tmp_path / "history.sqlite3")
    saved = save_question(store, None, "Sum up", attachments=[kept.attachment])
    edited = save_edited_question(store, saved.message.id, "Sum up, briefly")
    assert store.list_attachments(edited.message.id) == [kept.attachment]
    bare = save_edited_question(store, saved.message.id, "No files", attachments=[])
    assert store.list_attachments(bare.message.id) == []


def test_a_missing_copy_fails_the_reply_with_a_clear_message(
        engine: LlamaEngine, tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    kept = keep_attachment_bytes(b"Gone soon.\n", "gone.txt", blobs)
    blobs.path_of(kept.attachment.sha256).unlink()
    store = HistoryStore(tmp_path / "history.sqlite3")
    chat = save_question(store, None, "What does it say?",
                         attachments=[kept.attachment]).conversation.id
    recorder = reply(ReplyRunner(store), engine, chat, DocumentSources(blobs))
    assert isinstance(recorder.error, BlobMissingError)
    assert "attach the file again" in recorder.error.user_message
    assert recorder.final is not None and recorder.final.state == "error"


def test_files_chatapp_cannot_use_are_refused_before_anything_is_kept(
        tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    binary = tmp_path / "notes.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(BinaryDocument):
        keep_attachment(binary, blobs)
    big = tmp_path / "big.txt"
    big.write_bytes(b"words " * 2000)
    with pytest.raises(DocumentTooLarge):
        keep_attachment(big, blobs, max_bytes=1000)
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    folder = tmp_path / "folder.md"
    folder.mkdir()
    for path in (loop, folder, tmp_path / "gone.txt", tmp_path / "film.mkv"):
        with pytest.raises(DocumentError) as refused:
            keep_attachment(path, blobs)
        assert path.name in refused.value.user_message
    assert list(blobs.blobs()) == []


def test_copies_of_deleted_chats_are_removed(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    store = HistoryStore(tmp_path / "history.sqlite3")
    kept = keep_attachment_bytes(b"Kept with a chat.\n", "kept.txt", blobs)
    dropped = keep_attachment_bytes(b"Its chat goes.\n", "dropped.txt", blobs)
    save_question(store, None, "Keep", attachments=[kept.attachment])
    gone = save_question(store, None, "Drop", attachments=[dropped.attachment])
    store.delete_conversation(gone.conversation.id)
    old = time.time() - 7200
    for blob in blobs.blobs():
        os.utime(blobs.path_of(blob), (old, old))
    assert remove_unreferenced_copies(store, blobs) == 1
    assert list(blobs.blobs()) == [kept.attachment.sha256]
    assert store.list_attachments(store.list_messages(
        store.list_conversations()[0].id)[0].id)[0].sha256 == kept.attachment.sha256



def test_files_sent_without_a_word_are_answered(engine: LlamaEngine, tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path / "attachments")
    kept = keep_attachment_bytes(f"{FACT}\n".encode(), "fact.txt", blobs)
    store = HistoryStore(tmp_path / "history.sqlite3")
    chat = save_question(store, None, "", attachments=[kept.attachment]).conversation.id
    recorder = reply(ReplyRunner(store), engine, chat, DocumentSources(blobs))
    assert recorder.error is None and recorder.final is not None
    assert FACT in engine.detokenize(recorder.plans[0].tokens)
    assert [c.text for c in store.list_citations(recorder.final.id)] == [f"{FACT}\n"]


def test_an_imported_chat_answers_again_from_its_stored_sources(
        engine: LlamaEngine, tmp_path: Path) -> None:
    from chatapp.exchange.importer import import_batch, read_import
    from chatapp.exchange.json_format import dump_document
    from chatapp.exchange.tree import read_chats

    blobs = BlobStore(tmp_path / "attachments")
    kept = keep_attachment_bytes(f"{FACT}\n".encode(), "fact.txt", blobs)
    store = HistoryStore(tmp_path / "history.sqlite3")
    chat = save_question(store, None, "When was it painted?",
                         attachments=[kept.attachment]).conversation.id
    first = reply(ReplyRunner(store), engine, chat, DocumentSources(blobs))
    assert first.final is not None
    # Another computer: the archive has the sources, not the file.
    elsewhere = HistoryStore(tmp_path / "elsewhere.sqlite3")
    (imported,) = import_batch(elsewhere, read_import(dump_document(read_chats(store))))
    empty = BlobStore(tmp_path / "elsewhere-attachments")
    again = reply(ReplyRunner(elsewhere), engine, imported.id, DocumentSources(empty),
                  regenerate=True)
    assert again.error is None and again.final is not None
    assert elsewhere.list_citations(again.final.id) == store.list_citations(first.final.id)
    assert again.plans[0].tokens == first.plans[0].tokens
