"""Kill a writer process with SIGKILL mid-write, repeatedly, and check that nothing it was
told had been saved is lost and that the file is never damaged (SQLite's own crash tests
work this way).

The writer prints one line per write *after* the HistoryStore call returned, so each line
is a write that was acknowledged. Its stdout goes to a file, not a pipe, so it never blocks
on a full pipe and the kills land in the middle of database work.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from chatapp.history.store import HistoryStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

ROUNDS = 15
REPO_ROOT = Path(__file__).resolve().parents[3]

WRITER = r'''
import random
import sys
from pathlib import Path

from chatapp.history.store import HistoryStore, ReplyStats


def streamed(k):
    return "".join(f"w{i} " for i in range(k))


def ack(*fields):
    print(*fields, flush=True)


seed = int(sys.argv[2])
rng = random.Random(seed)
store = HistoryStore(Path(sys.argv[1]))
ack("OPEN")
while True:
    chat = store.create_conversation(f"crash test {seed}")
    ack("C", chat.id)
    for turn in range(rng.randint(1, 3)):
        text = f"question-{seed}-{chat.id}-{turn}"
        question = store.add_message(chat.id, "user", text)
        ack("U", question.id, text)
        reply = store.add_message(chat.id, "assistant", "", state="streaming",
                                  generation_settings={"seed": seed, "turn": turn})
        ack("S", reply.id, 0)
        k = 0
        for _ in range(rng.randint(5, 40)):
            k += rng.randint(1, 6)
            store.update_streaming_content(reply.id, streamed(k))
            ack("S", reply.id, k)
        store.finalize_message(reply.id, streamed(k), "complete", ReplyStats(9, k, 0.1, 50.0))
        ack("F", reply.id, k)
        if rng.random() < 0.3:  # "regenerate": the reply is deleted
            store.delete_message(reply.id)
            ack("D", reply.id)
'''


def streamed(k: int) -> str:
    return "".join(f"w{i} " for i in range(k))


@dataclass
class Expected:
    kind: str  # "user", "streaming", "final" or "deleted"
    content: str = ""
    # A finalized reply may be deleted ("regenerate") by the next, unacknowledged write.
    may_be_deleted: bool = False


def read_acks(log: Path, expected: dict[int, Expected], chats: set[int]) -> int:
    """Fold the acknowledged writes into ``expected``; return how many there were."""
    count = 0
    fields: list[str] = []
    for line in log.read_text().splitlines(keepends=True):
        if not line.endswith("\n"):
            continue  # cut off by the kill: never acknowledged
        fields = line.split()
        count += 1
        if fields[0] == "C":
            chats.add(int(fields[1]))
        elif fields[0] == "U":
            expected[int(fields[1])] = Expected("user", fields[2])
        elif fields[0] == "S":
            expected[int(fields[1])] = Expected("streaming", streamed(int(fields[2])))
        elif fields[0] == "F":
            expected[int(fields[1])] = Expected("final", streamed(int(fields[2])))
        elif fields[0] == "D":
            expected[int(fields[1])] = Expected("deleted")
    if fields and fields[0] == "F":
        # The writer's next step may have been the delete, killed before its ack.
        expected[int(fields[1])].may_be_deleted = True
    return count


def check_file(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # A kill while the first run migrates leaves the schema at an earlier version (each
        # migration is one transaction); the search index exists from version 2 on.
        has_search = conn.execute("SELECT 1 FROM sqlite_master WHERE name = "
                                  "'message_search'").fetchone() is not None
        if has_search:
            # FTS5 compares its index with its content (the view of non-streaming messages).
            conn.execute("INSERT INTO message_search (message_search, rank) "
                         "VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def check_acknowledged(path: Path, expected: dict[int, Expected], chats: set[int]) -> None:
    with HistoryStore(path) as store:
        assert chats <= {c.id for c in store.list_conversations()}
        rows = {}
        for chat in chats:
            rows.update({m.id: m for m in store.list_messages(chat)})
        for message_id, want in expected.items():
            got = rows.get(message_id)
            if want.kind == "deleted":
                assert got is None, message_id
                continue
            if got is None and want.may_be_deleted:
                continue
            assert got is not None, f"acknowledged message {message_id} is missing"
            if want.kind == "user":
                assert (got.content, got.state) == (want.content, "complete")
            elif want.kind == "final":
                assert (got.content, got.state) == (want.content, "complete")
                assert got.generated_tokens == len(want.content.split())
            else:  # later updates may have landed after the last acknowledged one
                assert got.content.startswith(want.content), message_id
                assert got.state in ("streaming", "interrupted", "complete")

        store.recover_interrupted()
        for chat in chats:
            for message in store.list_messages(chat):
                assert message.state != "streaming"
                acked = expected.get(message.id)
                if acked is not None and acked.kind == "streaming":
                    assert message.state in ("interrupted", "complete")
                    assert message.content.startswith(acked.content)


def wait_for_lines(log: Path, proc: subprocess.Popen[bytes], count: int,
                   timeout: float) -> None:
    """Wait until the writer has acknowledged ``count`` writes (or stopped)."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        if log.exists() and log.read_bytes().count(b"\n") >= count:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"the writer acknowledged fewer than {count} writes in {timeout} s")
        time.sleep(0.002)


def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(REPO_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    rng = random.Random(20240607)
    expected: dict[int, Expected] = {}
    chats: set[int] = set()
    total_acks = 0

    for round_number in range(ROUNDS):
        log = tmp_path / f"acks-{round_number}.txt"
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                [sys.executable, str(script), str(path), str(round_number)],
                stdout=out, stderr=subprocess.PIPE, env=env,
            )
            try:
                if round_number % 5 != 0:
                    # Most rounds: kill while it is writing, after a number of acks rather
                    # than a time, so a slow machine still kills among many writes.
                    wait_for_lines(log, proc, rng.randint(5, 60), timeout=120)
                    time.sleep(rng.uniform(0.0, 0.02))
                else:  # round 0 and every fifth: at any moment, opening and migrating too
                    time.sleep(rng.uniform(0.0, 0.25))
                if proc.poll() is not None:
                    _, err = proc.communicate()
                    pytest.fail(f"writer stopped by itself: {err.decode(errors='replace')}")
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
            finally:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                assert proc.stderr is not None
                proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL

        total_acks += read_acks(log, expected, chats)
        if path.exists():
            check_file(path)
            check_acknowledged(path, expected, chats)

    assert total_acks > 100, "the kills should land among many acknowledged writes"
    assert sum(e.kind == "final" for e in expected.values()) > 0
