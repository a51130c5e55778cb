"""Take the README's screenshots of the real app with the real model.

Run under a real X server (``xvfb-run -a python docs/screenshots.py``) or offscreen.
It starts the app in a temporary CHATAPP_HOME, loads the starter model, asks a
question whose answer has code, waits for the streamed reply and saves the window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from chatapp.models.starter import find_starter_source
from chatapp.paths import HOME_ENV, AppPaths
from chatapp.settings import Settings
from chatapp.ui.application import create_application, create_main_window

QUESTIONS = (
    "Write a Python function that reverses a string, with a short explanation.",
)


def wait_until(ready: Callable[[], bool], timeout_s: float = 180.0) -> None:
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if ready() or time.monotonic() > deadline
                          else None)
    timer.start(30)
    loop.exec()
    timer.stop()
    if not ready():
        raise SystemExit("timed out")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "screenshot.png")
    parser.add_argument("--no-model", type=Path, default=None,
                        help="also save the first-run window (no model) here")
    args = parser.parse_args()
    model = find_starter_source()
    if model is None:
        raise SystemExit("the starter model is not installed")
    app = create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as home:
        os.environ[HOME_ENV] = home
        paths = AppPaths.portable(Path(home))
        if args.no_model:
            empty = create_main_window(paths, Settings())
            empty.show()
            wait_until(lambda: not empty.storage.busy)
            QTimer.singleShot(300, lambda: None)
            wait_until(lambda: True)
            app.processEvents()
            grab(empty, args.no_model)
            empty.close()
        window = create_main_window(paths, Settings(last_model_path=str(model),
                                                    temperature=0.2, max_reply_tokens=300))
        window.show()
        wait_until(lambda: window.model is not None)
        for question in QUESTIONS:
            window.composer.edit.setPlainText(question)
            window.composer.edit.submitted.emit()
            wait_until(lambda: window.generating_conversation is not None)
            wait_until(lambda: window.generating_conversation is None)
        window.composer.edit.setPlainText("Thanks! And in JavaScript?")
        settle = QEventLoop()
        QTimer.singleShot(500, settle.quit)
        settle.exec()
        grab(window, args.out)
        window.close()
    return 0


def grab(window: QWidget, out: Path) -> None:
    screen = QGuiApplication.primaryScreen()
    picture = window.grab() if os.environ.get("QT_QPA_PLATFORM") == "offscreen" \
        else screen.grabWindow(0)
    picture.save(str(out))
    print(f"saved {out}")


if __name__ == "__main__":
    raise SystemExit(main())
