"""Files attached through the session: read and kept on the files thread, or refused at
once with the reader's reason (real files, the real blob store and files thread)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chatapp.errors import UserFacingError
from chatapp.history.store import Attachment, HistoryStore
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.chat_session import ChatSession
from tests.unit.documents.pdf_files import encrypt_pdf, make_pdf


@pytest.fixture
def session(qtbot: QtBot, app_paths: AppPaths) -> Iterator[ChatSession]:
    made = ChatSession(app_paths, Settings())  # no model: files need none
    yield made
    made.request_stop()
    assert made.wait_stopped(time.monotonic() + 30)


def keep(qtbot: QtBot, session: ChatSession, path: Path) -> Attachment | UserFacingError:
    answers: list[Attachment | UserFacingError] = []
    session.keep_attachment(path, answers.append, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=60_000)
    return answers[0]


def test_a_readable_file_is_kept_privately(qtbot: QtBot, session: ChatSession,
                                           app_paths: AppPaths, tmp_path: Path) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(make_pdf(["Page one.", "The ferry leaves at noon."]))
    kept = keep(qtbot, session, report)
    assert isinstance(kept, Attachment)
    assert (kept.name, kept.kind, kept.size) == ("report.pdf", "pdf", report.stat().st_size)
    copy = session.blobs.path_of(kept.sha256)
    assert copy.read_bytes() == report.read_bytes()
    assert copy.is_relative_to(app_paths.attachments_dir)
    assert copy.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("name", "content", "words"), [
    ("photo.txt", bytes(range(256)) * 8, "does not hold text"),
    ("secret.pdf", encrypt_pdf(make_pdf(["hidden"]), "pw"), "password"),
    ("setup.exe", b"MZ\x90\x00", ".docx"),  # not a kind read: says which kinds are
])
def test_a_file_that_cannot_be_read_is_refused_with_the_reason(
        qtbot: QtBot, session: ChatSession, tmp_path: Path, name: str, content: bytes,
        words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    refused = keep(qtbot, session, path)
    assert isinstance(refused, UserFacingError)
    assert words in refused.user_message and name in refused.user_message
    kept = list(session.blobs.root.rglob("*")) if session.blobs.root.exists() else []
    assert [p for p in kept if p.is_file()] == []  # nothing of it is kept


def test_a_file_too_large_is_refused_without_reading_it(qtbot: QtBot, session: ChatSession,
                                                       tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(1_000_000_000)  # 1 GB, sparse: nothing to read
    refused = keep(qtbot, session, huge)
    assert isinstance(refused, UserFacingError)
    assert "huge.txt" in refused.user_message and "MB" in refused.user_message
    os.remove(huge)


def test_deleting_a_chat_lets_go_of_its_files_copies(qtbot: QtBot, session: ChatSession,
                                                     app_paths: AppPaths) -> None:
    kept = session.blobs.put(b"The lighthouse keeper's cat is named Quintus.\n")
    shared = session.blobs.put(b"Attached to two chats.\n")
    with HistoryStore(app_paths.history_db) as store:
        chats = []
        for blobs in ([kept, shared], [shared]):
            chat = store.create_conversation("With files")
            store.add_message(chat.id, "user", "Look", attachments=[
                Attachment(f"{b.sha256[:6]}.txt", b.sha256, b.size, "text") for b in blobs])
            chats.append(chat.id)
    hours_ago = time.time() - 2 * 3600  # past the grace hour a new copy is kept for
    for blob in (kept, shared):
        os.utime(session.blobs.path_of(blob.sha256), (hours_ago, hours_ago))
    session.delete_conversation(chats[0])
    qtbot.waitUntil(lambda: not session.blobs.has(kept.sha256), timeout=30_000)
    assert session.blobs.has(shared.sha256)  # the other chat still has it
