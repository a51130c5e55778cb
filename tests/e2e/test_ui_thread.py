"""The UI thread does no file I/O: a whole session, watched by an audit hook.

Python raises an audit event for every file it opens, every folder it lists and every
file it moves or deletes (PEP 578). The hook records the ones that happen on the UI
thread while chatapp's own code is on the stack (imports aside: loading a module is
the interpreter's business); a person's first session is then played through.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import FrameType

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from tests.e2e.conftest import OpenWindow, send, wait_loaded, wait_reply_done
from tests.remote_server import free_port

WATCHED = frozenset({"open", "os.listdir", "os.scandir", "os.remove", "os.rename",
                     "os.replace", "os.mkdir", "os.rmdir", "shutil.copyfile", "shutil.rmtree",
                     "sqlite3.connect", "os.truncate", "os.chmod"})
CHATAPP = str(Path(__file__).resolve().parents[2] / "chatapp")


class Watch:
    def __init__(self) -> None:
        self.on = False
        self.seen: list[str] = []
        self.recording = False  # formatting a stack reads source files: not the app's I/O


_watch = Watch()


def _from_chatapp(frame: FrameType | None) -> bool:
    app = False
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith("<frozen importlib"):
            return False  # an import: the interpreter reading a module
        if name.startswith(CHATAPP):
            app = True
        frame = frame.f_back
    return app


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not _watch.on or _watch.recording or event not in WATCHED:
        return
    if threading.current_thread() is not threading.main_thread():
        return
    frame = sys._getframe(1)
    if _from_chatapp(frame):
        _watch.recording = True
        try:
            where = "".join(traceback.format_stack(frame, limit=6))
        finally:
            _watch.recording = False
        _watch.seen.append(f"{event} {args[:1]!r}\n{where}")


sys.addaudithook(_hook)


@pytest.fixture
def watched() -> Iterator[Watch]:
    """Switch ``on`` once the test's own set-up is done."""
    _watch.seen.clear()
    try:
        yield _watch
    finally:
        _watch.on = False


def test_a_whole_session_does_no_file_io_on_the_ui_thread(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths, model_path: Path,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watched: Watch) -> None:
    with HistoryStore(app_paths.history_db) as store:
        older = store.create_conversation("An older chat")
        store.add_message(older.id, "user", "Hi")
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Yes)
    elsewhere = tmp_path / "elsewhere.gguf"
    elsewhere.write_bytes(model_path.read_bytes())
    window = open_window(Settings(max_reply_tokens=24, temperature=0.0))
    # Watched from the first event on: building the window (like reading the settings
    # before it) is start-up, done before anything is on screen to freeze.
    watched.on = True
    qtbot.waitUntil(lambda: window.session.last_scan is not None and not window.session.busy,
                    timeout=60_000)
    # First run: the starter model from the placeholder's link (copied on the files thread).
    window.view.placeholder.linkActivated.emit("install-starter")
    wait_loaded(qtbot, window)
    session = window.session
    session.new_conversation()
    send(qtbot, window, "What is two plus two?")
    wait_reply_done(qtbot, window)
    # A file attached (read and kept on the files thread), its reply's source opened.
    notes = tmp_path / "notes.txt"
    notes.write_text("The lighthouse keeper's cat is named Quintus.\n", encoding="utf-8")
    window.composer.attach_paths([notes])
    qtbot.waitUntil(lambda: not window.composer.reading, timeout=60_000)
    send(qtbot, window, "What is the cat called?")
    wait_reply_done(qtbot, window)
    qtbot.waitUntil(lambda: window.view.messages[-1].citations is not None)
    sources = window.view.messages[-1].citations
    assert sources is not None
    sources.buttons[0].click()  # the passage, in a dialog
    session.open_conversation(older.id)
    qtbot.waitUntil(lambda: window.view.conversation_id == older.id)
    session.rename_conversation(older.id, "Renamed")
    qtbot.waitUntil(lambda: any(c.title == "Renamed" for c in session.conversations))
    session.apply_settings(replace(session.settings, temperature=0.5))
    # The Models pane: the catalog, the installed models' headers, an import.
    window.open_models_pane()
    qtbot.waitUntil(lambda: window.models_pane is not None, timeout=30_000)
    pane = window.models_pane
    assert pane is not None
    qtbot.waitUntil(lambda: pane.installed.table.rowCount() == 1, timeout=30_000)
    pane.installed.import_model(elsewhere, copy=True)
    qtbot.waitUntil(lambda: pane.installed.table.rowCount() == 2, timeout=60_000)
    # Remote servers: one added (the servers file written on the remote thread), its
    # models asked for when the picker opens (nothing listens there: listed as such).
    dialog = window.open_remote_servers()
    dialog.address.setText(f"127.0.0.1:{free_port()}")
    dialog.add_server()
    qtbot.waitUntil(lambda: dialog.servers.count() == 1, timeout=30_000)
    window.model_picker.showPopup()
    qtbot.waitUntil(lambda: any("cannot be reached" in window.model_picker.itemText(i)
                                for i in range(window.model_picker.count())), timeout=30_000)
    window.model_picker.hidePopup()
    session.delete_conversation(older.id)
    qtbot.waitUntil(lambda: len(session.conversations) == 1)
    qtbot.waitUntil(lambda: not session.busy)
    assert watched.seen == [], "\n".join(watched.seen)
    window.close()


def test_the_watch_sees_file_io_on_the_ui_thread(watched: Watch, tmp_path: Path) -> None:
    # The check itself: chatapp code reading a file on this thread is caught.
    from chatapp.settings import load_settings

    (tmp_path / "settings.json").write_text("{}")
    watched.on = True
    load_settings(tmp_path / "settings.json")
    assert any(seen.startswith("open") for seen in watched.seen)
