"""``chatapp batch``: the real model answers every row of a real file, in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

from tests.unit.cli.conftest import Run, signalled, start


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_row_is_answered_and_a_rerun_resumes(chatapp: Run, installed: Path,
                                                    tmp_path: Path) -> None:
    table = tmp_path / "fruits.csv"
    table.write_text("fruit,colour\napple,red\nbanana\nlemon,yellow\n", encoding="utf-8")
    out = tmp_path / "replies.jsonl"
    done = chatapp("batch", "--prompt", "Why is a {fruit} {colour}?", "--input", str(table),
                   "--output", str(out), "--parallel", "2")
    assert done.returncode == 0, done.stderr
    assert "3 of 3 rows in" in done.stderr and "(1 with an error)" in done.stderr
    rows = sorted(records(out), key=lambda record: int(str(record["row"])))
    assert [row["row"] for row in rows] == [1, 2, 3]
    assert [row["input"] for row in rows] == [
        {"fruit": "apple", "colour": "red"}, {"fruit": "banana"},
        {"fruit": "lemon", "colour": "yellow"}]
    assert rows[0]["error"] is None and str(rows[0]["reply"]).strip()
    assert rows[2]["error"] is None and str(rows[2]["reply"]).strip()
    assert "{colour}" in str(rows[1]["error"])  # the short row's missing value, named
    stats = rows[0]["stats"]
    assert isinstance(stats, dict) and int(stats["generated_tokens"]) > 0

    again = chatapp("batch", "--prompt", "Why is a {fruit} {colour}?", "--input", str(table),
                    "--output", str(out))
    assert again.returncode == 0, again.stderr
    assert "3 were there from an earlier run" in again.stderr
    assert len(records(out)) == 3  # nothing answered twice


def test_a_template_naming_a_missing_column_fails_before_loading(
        chatapp: Run, installed: Path, tmp_path: Path) -> None:
    table = tmp_path / "in.jsonl"
    table.write_text('{"text": "hello"}\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    done = chatapp("batch", "--prompt", "Translate {txt}", "--input", str(table),
                   "--output", str(out))
    assert done.returncode == 1
    assert done.stderr.startswith("chatapp: ") and "txt" in done.stderr
    assert not out.exists()
    wrong = chatapp("batch", "--prompt", "x", "--input", str(table), "--output", str(out),
                    "--parallel", "0")
    assert wrong.returncode == 2 and "--parallel" in wrong.stderr


def test_ctrl_c_stops_and_the_same_command_finishes(chatapp: Run, installed: Path,
                                                     tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(8):
        (folder / f"note{n}.txt").write_text(f"Note {n}: buy bread and milk.", encoding="utf-8")
    out = tmp_path / "summaries.csv"
    argv = ("batch", "--prompt", "Summarize: {text}", "--input", str(folder), "--output",
            str(out), "--parallel", "1")
    process = start(*argv)
    deadline = time.monotonic() + 180
    # Polling the output for its first row: the job writes each row as it finishes.
    while not (out.exists() and out.read_text(encoding="utf-8").count("\n") >= 2):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    stopped = signalled(process, signal.SIGINT)
    assert stopped.returncode == 130, stopped.stderr
    assert "run the same command again" in stopped.stderr
    kept = out.read_text(encoding="utf-8").count("\n") - 1  # the header line
    assert 1 <= kept < 8
    done = chatapp(*argv)
    assert done.returncode == 0, done.stderr
    assert f"{kept} were there from an earlier run" in done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9 and os.stat(out).st_mode & 0o777 == 0o600
