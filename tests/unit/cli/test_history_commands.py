"""The ``chatapp`` command: the history commands, and the app's own flags still routed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chatapp import cli
from chatapp.cli import common
from chatapp.engine import load_probe
from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.ui import application, self_test
from tests.unit.exchange.conftest import fill


@pytest.fixture
def history(app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    # The app's log handlers are process-wide; tests in this process keep pytest's.
    monkeypatch.setattr(common, "setup_logging", lambda _folder: None)
    with HistoryStore(app_paths.history_db) as store:
        return fill(store)


def test_export_all_then_import_doubles_the_history(
        history: dict[str, int], app_paths: AppPaths, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "all.json"
    assert cli.main(["export", "--all", "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"Exported 3 chats to {target}.\n"
    assert json.loads(target.read_text())["format"] == "chatapp-chats"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    assert cli.main(["import", str(target)]) == 0
    assert capsys.readouterr().err == \
        "Imported 3 chats (10 messages) from a chatapp chat archive.\n"
    with HistoryStore(app_paths.history_db) as store:
        titles = sorted(c.title for c in store.list_conversations())
    assert titles == sorted(["Birds & <b>bees</b>", "Fish", "Empty"] * 2)


@pytest.mark.parametrize(("name", "fmt", "starts"), [
    ("chat.md", None, "# Birds"), ("chat.html", None, "<!DOCTYPE html>"),
    ("chat.txt", "md", "# Birds"), ("chat.out", None, "{"),
])
def test_export_chooses_the_format_from_the_flag_or_the_suffix(
        history: dict[str, int], tmp_path: Path, name: str, fmt: str | None,
        starts: str) -> None:
    target = tmp_path / name
    flags = ["--format", fmt] if fmt else []
    assert cli.main(["export", str(history["birds"]), *flags, "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_export_to_stdout(history: dict[str, int], capfd: pytest.CaptureFixture[str]
                          ) -> None:
    assert cli.main(["export", str(history["fish"]), "--format", "md", "-o", "-"]) == 0
    out, err = capfd.readouterr()
    assert out.startswith("# Fish\n") and err == ""


@pytest.mark.parametrize(("argv", "code", "says"), [
    (["export", "-o", "x.json"], 2, "either --all or the ids"),
    (["export", "--all", "1", "-o", "x.json"], 2, "either --all or the ids"),
    (["export", "--all"], 2, "required: -o"),
    (["export", "--all", "--format", "pdf", "-o", "x"], 2, "invalid choice"),
    (["export", "99", "-o", "x.json"], 1, "There is no chat with the id 99"),
    (["import"], 2, "required: PATH"),
    (["import", "missing.json"], 1, "could not be read"),
    (["search"], 2, "required: QUERY"),
])
def test_wrong_use_and_failures_say_why_on_stderr(
        history: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], argv: list[str], code: int, says: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == code
    out, err = capsys.readouterr()
    assert says in err and out == ""
    assert not (tmp_path / "x.json").exists()


def test_a_refused_import_adds_nothing(history: dict[str, int], app_paths: AppPaths,
                                       tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "chatapp-chats", "version": 2, "chats": []}')
    assert cli.main(["import", str(bad)]) == 1
    assert "newer chatapp" in capsys.readouterr().err
    with HistoryStore(app_paths.history_db) as store:
        assert len(store.list_conversations()) == 3


def test_search_prints_title_date_and_the_marked_snippet(
        history: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", "grey", "her"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    title, when, chat = out[0].split(" · ")
    assert (title, chat) == ("Birds & <b>bees</b>", f"chat {history['birds']}")
    assert len(when) == len("2023-11-14 22:13")
    assert out[1] == "    Assistant: A **grey** **heron**."


def test_search_keeps_control_characters_out_of_the_terminal(
        app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(common, "setup_logging", lambda _folder: None)
    with HistoryStore(app_paths.history_db) as store:
        chat = store.create_conversation("Title \x1b[2J")
        store.add_message(chat.id, "user", "paste \x1b]0;owned\x07 here")
    assert cli.main(["search", "paste"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "**paste**" in out


def test_search_without_hits_and_list(history: dict[str, int],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", "zeppelin"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "No message matches 'zeppelin'" in err
    assert cli.main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == \
        [str(history["fish"]), str(history["empty"]), str(history["birds"])]
    assert "pinned · Fish (6 messages)" in lines[0]


def test_the_app_flags_still_reach_the_app(monkeypatch: pytest.MonkeyPatch,
                                           app_paths: AppPaths,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(common, "setup_logging", lambda _folder: None)
    seen: list[object] = []

    def noting(what: str) -> object:
        def called(*args: object) -> int:
            seen.append((what, *args))
            return 0
        return called

    monkeypatch.setattr(application, "run_gui", noting("gui"))
    monkeypatch.setattr(self_test, "run_self_test", noting("self-test"))
    monkeypatch.setattr(load_probe, "run_probe_child", noting("probe"))
    assert cli.main(["-platform", "offscreen", "-style", "fusion"]) == 0
    assert cli.main(["--self-test", "--timeout", "5"]) == 0
    assert cli.main(["--probe-model", "m.gguf"]) == 0
    assert seen == [("gui", app_paths, [sys.argv[0], "-platform", "offscreen", "-style",
                                        "fusion"]),
                    ("self-test", None, 5.0), ("probe", Path("m.gguf"))]
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("chatapp ")


def test_as_a_program(tmp_path: Path) -> None:
    """Exit codes and streams of the real command (python -m chatapp)."""
    env = dict(os.environ, CHATAPP_HOME=str(tmp_path / "home"))

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "chatapp", *argv], env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    empty = run("export", "--all", "-o", str(tmp_path / "none.json"))
    assert (empty.returncode, empty.stdout) == (1, "")
    assert empty.stderr == "chatapp: There are no chats to export.\n"
    usage = run("export")
    assert usage.returncode == 2 and "usage: chatapp" in usage.stderr
    listed = run("list")
    assert (listed.returncode, listed.stdout) == (0, "")
    assert "Qt" not in listed.stderr
