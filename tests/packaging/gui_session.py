"""A person's first session with the installed app, in a real X server.

Run under xvfb-run (tests/packaging/test_deb.py does). It starts the installed
``chatapp`` command the way the desktop menu does, in a fresh home folder; installs
the bundled starter model from the Model menu with the keyboard; types a question into
the composer and presses Enter, as a person would (xdotool sends real X key events);
waits until the reply is complete in the history database; takes a screenshot of the
screen; and quits with Ctrl+Q. It prints one JSON line: what it saw.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

QUESTION = "Write a haiku about the sea."
# Model ▸ "Install the starter model" is the menu's fourth item (chatapp/ui/menus.py: Models…,
# Open model file…, Remote servers…, then it): the keyboard reaches it as a person would,
# with no mouse coordinates to guess.
STARTER_MENU_POSITION = 4


def xdotool(*args: str) -> str:
    return subprocess.run(["xdotool", *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def wait_for(what: str, ready: Callable[[], bool], timeout_s: float,
              app: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout_s
    while not ready():
        if app.poll() is not None:
            raise SystemExit(f"chatapp exited ({app.returncode}) while waiting for {what}")
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out after {timeout_s:.0f} s waiting for {what}")
        time.sleep(0.25)


def main_window(app: subprocess.Popen[bytes]) -> str:
    found: list[str] = []

    def visible() -> bool:
        done = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^chatapp$"],
                              capture_output=True, text=True, check=False)
        found[:] = done.stdout.split()
        return bool(found)

    wait_for("the main window", visible, 60, app)
    return found[0]


def wm_class(window: str) -> str:
    # WM_CLASS(STRING) = "chatapp", "chatapp": instance, then class.
    text = subprocess.run(["xprop", "-id", window, "WM_CLASS"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("=", 1)[1].split(",")[-1].strip().strip('"')


def reply_complete(db: Path) -> bool:
    if not db.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
            rows = connection.execute(
                "SELECT role, state, content FROM messages ORDER BY position").fetchall()
    except sqlite3.Error:
        return False
    return [(r, s) for r, s, _c in rows] == [("user", "complete"), ("assistant", "complete")]


def saved_question(db: Path) -> str:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
        (content,) = connection.execute(
            "SELECT content FROM messages WHERE role = 'user' ORDER BY position").fetchone()
    return str(content)


def grab_screen(out: Path) -> None:
    """The X screen as the user sees it, grabbed by a separate Qt client."""
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(sys.argv[:1])\n"
        "ok = app.primaryScreen().grabWindow(0).save(sys.argv[1])\n"
        "sys.exit(0 if ok else 1)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    subprocess.run([sys.executable, "-c", code, str(out)], check=True, env=env, timeout=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", type=Path, required=True, help="the user's home folder")
    parser.add_argument("--screenshot", type=Path, required=True)
    parser.add_argument("--command", default="chatapp")
    args = parser.parse_args(argv)
    home: Path = args.home
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "DISPLAY": os.environ["DISPLAY"],
        "XAUTHORITY": os.environ.get("XAUTHORITY", ""),
        "LANG": "C.UTF-8",
    }
    data = home / ".local" / "share" / "chatapp"
    settings = home / ".config" / "chatapp" / "settings.json"
    started = time.monotonic()
    # A file, not a pipe: a full pipe would block the app.
    log = home / "chatapp-stderr.txt"
    with log.open("wb") as stderr_file:
        app = subprocess.Popen([args.command], env=env, cwd=home,
                               stdout=subprocess.DEVNULL, stderr=stderr_file)
    try:
        window = main_window(app)
        window_class = wm_class(window)
        time.sleep(1.0)  # let the first paint and the storage thread settle
        xdotool("windowfocus", "--sync", window)
        xdotool("key", "--clearmodifiers", "alt+m")  # the Model menu, first item active
        time.sleep(0.5)
        xdotool("key", *["Down"] * (STARTER_MENU_POSITION - 1), "Return")
        copied = data / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
        try:
            wait_for("the starter model's copy", copied.is_file, 30, app)
        except SystemExit as error:
            raise SystemExit(f"{error}: is Model's item {STARTER_MENU_POSITION} still "
                             "'Install the starter model'? (STARTER_MENU_POSITION)") from None

        def model_loaded() -> bool:
            # The app records the model in its settings once it has loaded it.
            return settings.is_file() and "SmolLM2" in settings.read_text(encoding="utf-8")

        wait_for("the starter model to install and load", model_loaded, 240, app)
        time.sleep(0.5)
        xdotool("windowfocus", "--sync", window)
        xdotool("type", "--delay", "20", QUESTION)
        xdotool("key", "Return")
        wait_for("the reply", lambda: reply_complete(data / "history.sqlite3"), 300, app)
        time.sleep(1.5)  # the finished reply is rendered as Markdown
        grab_screen(args.screenshot)
        xdotool("windowfocus", "--sync", window)
        xdotool("key", "ctrl+q")
        code = app.wait(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    stderr = log.read_text(encoding="utf-8", errors="replace")
    log.unlink()
    print(json.dumps({"exit_code": code, "wm_class": window_class,
                      "seconds": round(time.monotonic() - started, 1),
                      "question": saved_question(data / "history.sqlite3"),
                      "stderr": stderr[-2000:]}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
