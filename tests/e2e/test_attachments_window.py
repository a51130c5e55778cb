"""Files attached to a message, in the real window with the real model: the file reaches
the prompt, the reply cites it, and the chat keeps both; a source from a local PDF opens
at its page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chatapp.conversation.chat_settings import COLLECTIONS
from chatapp.history.store import HistoryStore
from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import CollectionIndexer
from chatapp.paths import AppPaths
from chatapp.ui.citations_view import PassageDialog
from chatapp.ui.main_window import MainWindow
from tests.e2e.conftest import (
    OpenWindow,
    model_settings,
    send,
    wait_loaded,
    wait_reply_done,
)
from tests.unit.documents.pdf_files import make_pdf

FACT = "The lighthouse keeper's cat is named Quintus."
READ_TIMEOUT_MS = 60_000


def minutes() -> str:
    """A file far larger than the context: only some of its passages can go in."""
    return "\n\n".join(
        f"Minute {n}. The council discussed harbour dues and ferry timetables, and agreed "
        "to return to them at the next meeting after the clerk reads the accounts aloud."
        for n in range(1, 400)) + "\n"


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    """Drag files over the window and drop them, as from a file manager."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(400, 300), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPoint(400, 300).toPointF(), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)


def test_a_fact_only_an_attached_file_holds_is_given_and_cited(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path,
        tmp_path: Path) -> None:
    cat = tmp_path / "keeper.txt"
    cat.write_text(f"Notes from the island.\n\n{FACT}\n", encoding="utf-8")
    big = tmp_path / "harbour-minutes.txt"
    big.write_text(minutes(), encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    settings = model_settings(model_path, context_length=2048, max_reply_tokens=32)
    window = open_window(settings)
    wait_loaded(qtbot, window)
    composer = window.composer

    # The paperclip's files and a drop: each a chip, read off the UI thread.
    composer.attach_paths([cat, big])
    drop_files(window, [binary])
    qtbot.waitUntil(lambda: not composer.reading, timeout=READ_TIMEOUT_MS)
    chips = {chip.name: chip for chip in composer.chips.chips}
    assert set(chips) == {"keeper.txt", "harbour-minutes.txt", "photo.txt"}
    refused = chips["photo.txt"]
    assert refused.error is not None and "photo.txt" in refused.error  # the reader's words
    assert [a.name for a in composer.attachments()] == ["keeper.txt", "harbour-minutes.txt"]

    send(qtbot, window, "What is the lighthouse keeper's cat named?")
    qtbot.waitUntil(lambda: window.composer.chips.chips == [], timeout=READ_TIMEOUT_MS)
    wait_reply_done(qtbot, window)
    chat = window.session.current
    assert chat is not None

    # What the app did: the files went with the question, the small one whole and the
    # large one as some of its passages, and the reply cites the fact's file.
    with HistoryStore(app_paths.history_db) as store:
        question, reply = store.list_messages(chat)
        attached = {a.name: a for a in store.list_attachments(question.id)}
        citations = store.list_citations(reply.id)
    assert set(attached) == {"keeper.txt", "harbour-minutes.txt"}
    assert attached["keeper.txt"].usage == "whole"
    kept = attached["harbour-minutes.txt"]
    assert kept.usage == "retrieved" and kept.passages_used is not None
    assert kept.passages_total is not None and 0 < kept.passages_used < kept.passages_total
    cited = [c for c in citations if c.name == "keeper.txt"]
    assert len(cited) == 1 and FACT in cited[0].text
    assert cited[0].sha256 == attached["keeper.txt"].sha256
    assert reply.prompt_tokens is not None and reply.prompt_tokens > 500  # the files went in

    # On screen: the chips say how each file was used, the sources are listed.
    question_widget, reply_widget = window.view.messages
    qtbot.waitUntil(lambda: reply_widget.citations is not None, timeout=READ_TIMEOUT_MS)
    assert question_widget.chips is not None
    shown = {c.name: c.detail_label.text() for c in question_widget.chips.chips}
    assert shown["keeper.txt"].endswith("· whole")
    assert shown["harbour-minutes.txt"].endswith(
        f"· {kept.passages_used} of {kept.passages_total} passages")
    assert reply_widget.citations is not None
    labels = [b.full_text for b in reply_widget.citations.buttons]
    assert len(labels) == len(citations)
    number = cited[0].number
    assert labels[number - 1].startswith(f"[{number}] keeper.txt")

    # A click on the source shows the passage the model was given.
    dialogs: list[PassageDialog] = []
    window.citation_opener.passage_shown.connect(dialogs.append)
    reply_widget.citations.buttons[number - 1].click()
    qtbot.waitUntil(lambda: bool(dialogs))
    assert FACT in dialogs[0].text.toPlainText()
    dialogs[0].close()
    window.close()

    # Reopened: the chat shows its files and its sources again.
    again = open_window(settings)
    qtbot.waitUntil(lambda: len(again.view.messages) == 2, timeout=READ_TIMEOUT_MS)
    question_widget, reply_widget = again.view.messages
    assert question_widget.chips is not None
    assert {c.name: c.detail_label.text() for c in question_widget.chips.chips} == shown
    assert reply_widget.citations is not None
    assert [b.full_text for b in reply_widget.citations.buttons] == labels


def test_a_source_from_a_local_pdf_opens_at_its_page(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path,
        tmp_path: Path) -> None:
    folder = tmp_path / "Island"
    folder.mkdir()
    log = folder / "keepers-log.pdf"
    log.write_bytes(make_pdf(["Storms come from the west in March.", FACT]))
    with KnowledgeIndex(app_paths.knowledge_index) as index:
        collection_id = index.add_collection("Island", [folder]).id
        CollectionIndexer(index).index_collection(collection_id)
    with HistoryStore(app_paths.history_db) as store:
        chat = store.create_conversation("Island questions")
        store.add_message(chat.id, "user", "Hello")
        store.add_message(chat.id, "assistant", "Hello! How can I help?")
        store.set_conversation_settings(chat.id, {COLLECTIONS: [collection_id]})
    window = open_window(model_settings(model_path, max_reply_tokens=16))
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.session.current == chat.id, timeout=READ_TIMEOUT_MS)
    send(qtbot, window, "What is the lighthouse keeper's cat named?")
    wait_reply_done(qtbot, window)
    reply = window.view.messages[-1]
    qtbot.waitUntil(lambda: reply.citations is not None, timeout=READ_TIMEOUT_MS)
    assert reply.citations is not None
    first = reply.citations.citations[0]
    assert (first.source, first.path, first.page) == ("collection", str(log), 2)
    assert reply.citations.buttons[0].full_text.startswith("[1] keepers-log.pdf · page 2")

    # A click opens the PDF at that page (handed to the desktop: recorded here).
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    window.citation_opener.open_url = open_url
    reply.citations.buttons[0].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=READ_TIMEOUT_MS)
    assert opened[0].toLocalFile() == str(log) and opened[0].fragment() == "page=2"
    # The file gone, the same click shows the passage the model was given.
    log.unlink()
    dialogs: list[PassageDialog] = []
    window.citation_opener.passage_shown.connect(dialogs.append)
    reply.citations.buttons[0].click()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=READ_TIMEOUT_MS)
    assert "cat is named Quintus" in dialogs[0].text.toPlainText() and len(opened) == 1
