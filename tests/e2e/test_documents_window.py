"""Local documents in the real window: a collection added from the menu is indexed off
the UI thread, every file's status shows, and a chat chooses it in its settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableWidget
from pytestqt.qtbot import QtBot

from chatapp.conversation.chat_settings import COLLECTIONS
from chatapp.history.store import HistoryStore
from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import CollectionIndexer
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.vocabulary import Role
from tests.e2e.conftest import OpenWindow, model_settings, send, wait_loaded, wait_reply_done
from tests.e2e.test_ui_thread import Watch, watched  # noqa: F401 - the audit fixture
from tests.unit.documents.pdf_files import encrypt_pdf, make_pdf

TIMEOUT_MS = 120_000


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def test_a_collection_added_in_the_window_is_indexed_and_chosen_by_a_chat(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, tmp_path: Path,
        watched: Watch) -> None:  # noqa: F811
    folder = tmp_path / "Field notes"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "tides.md").write_text(
        "# Tides\n\nThe harbour's spring tide peaked at 5.2 metres on the 3rd of March.\n")
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (folder / "locked.pdf").write_bytes(encrypt_pdf(make_pdf(["Secret."]), "pw"))
    with (folder / "huge.txt").open("wb") as huge:
        huge.truncate(1 << 30)  # 1 GiB, sparse: never read whole
    (folder / "loop").symlink_to(folder)  # a folder link: not followed, so no loop
    with HistoryStore(app_paths.history_db) as store:
        chat = store.create_conversation("Tide questions")
        store.add_message(chat.id, "user", "When was the spring tide highest?")
    window = open_window(Settings())
    watched.on = True
    qtbot.waitUntil(lambda: window.session.current == chat.id, timeout=60_000)

    window.menu_actions.local_documents.trigger()
    pane = window.documents_pane
    assert pane is not None and pane.isVisible()
    assert "words of the question alone" in pane.model_note.text()
    dialog = pane.ask_new_collection()
    dialog.add_folder(folder)  # what the folder dialog answers
    assert dialog.name_edit.text() == "Field notes"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(pane.states) == 1 and pane.states[0].stats.files == 4
                    and pane.states[0].stats.pending == 0 and pane.worker.running is None
                    and not pane.worker.busy, timeout=TIMEOUT_MS)
    assert cell(pane.table, 0, 4) == "Indexed · 3 failed"
    qtbot.waitUntil(lambda: pane.files.rowCount() == 4)
    statuses = {cell(pane.files, row, 0): (cell(pane.files, row, 1), cell(pane.files, row, 3))
                for row in range(4)}
    assert statuses["tides.md"] == ("Indexed", "")
    assert {statuses[name][0] for name in ("scan.txt", "locked.pdf", "huge.txt")} == {"Failed"}
    assert "password" in statuses["locked.pdf"][1]
    assert "does not hold text" in statuses["scan.txt"][1]
    assert "up to" in statuses["huge.txt"][1]  # the size limit, said
    collection_id = pane.states[0].collection.id
    assert [s.collection.id for s in window.collections] == [collection_id]

    # The open chat chooses the collection in its settings.
    window.chat_header.button.click()
    chat_dialog = window.chat_controls.chat_dialog
    assert chat_dialog is not None
    chat_dialog.collections.boxes[collection_id].setChecked(True)
    chat_dialog.accept()
    assert window.session.chat_overrides(chat.id)[COLLECTIONS] == [collection_id]
    assert window.chat_header.documents.isVisible()
    assert window.chat_header.documents.text() == "Documents: Field notes"
    qtbot.waitUntil(lambda: not window.session.busy)
    assert watched.seen == [], "\n".join(watched.seen)
    watched.on = False
    window.close()
    with HistoryStore(app_paths.history_db) as store:
        assert store.get_conversation(chat.id).settings == {COLLECTIONS: [collection_id]}
    with KnowledgeIndex(app_paths.knowledge_index) as index:
        found = index.search("spring tide height", [collection_id])
    assert found and found[0].path == folder / "2024" / "tides.md"
    assert found[0].heading == "Tides"


def test_a_chat_using_a_collection_cites_the_file_that_holds_the_answer(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path,
        tmp_path: Path) -> None:
    folder = tmp_path / "Island"
    folder.mkdir()
    keeper = folder / "keeper.md"
    keeper.write_text("# The keeper\n\nThe lighthouse keeper's cat is named Quintus.\n")
    (folder / "weather.txt").write_text("Storms come from the west in March.\n")
    with KnowledgeIndex(app_paths.knowledge_index) as index:
        collection_id = index.add_collection("Island", [folder]).id
        CollectionIndexer(index).index_collection(collection_id)
    with HistoryStore(app_paths.history_db) as store:
        chat = store.create_conversation("Island questions")
        store.add_message(chat.id, "user", "Hello")
        store.add_message(chat.id, "assistant", "Hello! How can I help?")
        store.set_conversation_settings(chat.id, {COLLECTIONS: [collection_id]})
    window = open_window(model_settings(model_path, max_reply_tokens=24))
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: window.session.current == chat.id, timeout=60_000)
    qtbot.waitUntil(lambda: window.chat_header.documents.text() == "Documents: Island")
    send(qtbot, window, "What is the name of the lighthouse keeper's cat?")
    wait_reply_done(qtbot, window)
    window.close()
    with HistoryStore(app_paths.history_db) as store:
        reply = store.list_messages(chat.id)[-1]
        assert reply.role == Role.ASSISTANT
        citations = store.list_citations(reply.id)
    assert citations, "the reply was given no source"
    first = citations[0]
    assert (first.source, first.path, first.heading) == ("collection", str(keeper), "The keeper")
    assert "Quintus" in first.text
