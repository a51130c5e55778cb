"""Kill the app with SIGKILL while it writes a reply: nothing committed may be lost.

The child runs the real app offscreen and prints every streamed piece with the time it
arrived. The parent kills it mid-reply, then checks the database: the user's message is
there, and the reply holds at least everything that had streamed up to one second
before the kill (the promise: a crash loses at most the last second of a reply).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chatapp.history.store import HistoryStore
from chatapp.paths import HOME_ENV, AppPaths
from tests.e2e.conftest import OpenWindow

CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.application import create_application, create_main_window

app = create_application([sys.argv[0]])
paths = AppPaths.from_environment()
paths.ensure()
window = create_main_window(paths,
                            Settings(last_model_path=sys.argv[1], max_reply_tokens=3000,
                                     temperature=1.0))
window.show()
replies = 0

def emit(kind, text=""):
    print(json.dumps({"t": time.monotonic(), "kind": kind, "reply": replies, "text": text}),
          flush=True)

def ask():
    global replies
    replies += 1
    window.composer.edit.setPlainText("Write a very long story about a lighthouse keeper.")
    window.composer.edit.submitted.emit()
    emit("sent")

session = window.session  # its signals arrive on this (the UI) thread
session.model_changed.connect(lambda _summary: QTimer.singleShot(0, ask))
session.reply_text.connect(lambda text: emit("piece", text))
# If the model ends a story before the kill, ask again: the kill must land mid-reply.
session.reply_finished.connect(lambda *_a: (emit("done"), QTimer.singleShot(0, ask)))
app.exec()
"""


def test_a_killed_app_keeps_the_question_and_all_but_the_last_second(
        tmp_path: Path, model_path: Path, qtbot: QtBot, open_window: OpenWindow,
        app_paths: AppPaths) -> None:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               **{HOME_ENV: os.environ[HOME_ENV]})
    child = subprocess.Popen([sys.executable, str(script), str(model_path)], env=env,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    events: list[dict[str, object]] = []
    # When each reply's first piece arrived: the kill lands once the reply being written
    # has streamed for a while (a reply the model ended early is followed by a new one).
    first_piece_at: dict[object, float] = {}
    deadline = time.monotonic() + 180
    try:
        for line in child.stdout:
            event = json.loads(line)
            events.append(event)
            if time.monotonic() > deadline:
                pytest.fail("the child never streamed for long enough")
            if event["kind"] != "piece":
                continue
            began = first_piece_at.setdefault(event["reply"], float(event["t"]))
            if float(event["t"]) - began > 2.0:
                break
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == -signal.SIGKILL

    last_reply = max(int(e["reply"]) for e in events)  # type: ignore[call-overload]
    streamed = "".join(str(e["text"]) for e in events
                       if e["kind"] == "piece" and e["reply"] == last_reply)
    before_last_second = "".join(
        str(e["text"]) for e in events
        if e["kind"] == "piece" and e["reply"] == last_reply
        and float(e["t"]) < killed_at - 1.0)  # type: ignore[arg-type]
    assert before_last_second, "the reply had not streamed for a second before the kill"

    with HistoryStore(app_paths.history_db) as store:
        assert store.recover_interrupted() == 1
        conversation = store.list_conversations()[0]
        messages = store.list_messages(conversation.id)
    assert [m.role for m in messages] == ["user", "assistant"] * last_reply
    assert all(m.content.startswith("Write a very long story") for m in messages[::2])
    reply = messages[-1]
    assert reply.state == "interrupted"
    assert streamed.startswith(reply.content)
    assert reply.content.startswith(before_last_second)

    # The app opens on it and shows what was kept.
    window = open_window()
    qtbot.waitUntil(lambda: len(window.view.messages) == len(messages), timeout=20_000)
    assert window.view.messages[-1].text == reply.content
    assert "Interrupted" in window.view.messages[-1].stats_label.text()
