"""The store of saved chat states: its file format, its checks, its budgets (real files)."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from chatapp.engine.kv_state_store import (
    AUTO_MEMORY_CAP,
    GIB,
    SUFFIX,
    KvStateStore,
    StateKey,
    memory_budget,
    shared_prefix,
    state_buffer,
)
from tests.conftest import LogFail

KEY = StateKey("a" * 64, 4096, "f16", "0.3.36")
OTHER_MODEL = StateKey("b" * 64, 4096, "f16", "0.3.36")
MIB = 1024 * 1024
LOGGER = "chatapp.engine.kv_state_store"


def blob(seed: int, size: int = 1000) -> bytearray:
    return bytearray((seed * 7 + i) % 256 for i in range(size))


def tokens(first: int, count: int = 100) -> tuple[int, ...]:
    return tuple(range(first, first + count))


def store(root: Path, key: StateKey = KEY, *, memory: int = 64 * MIB,
          disk: int = GIB) -> KvStateStore:
    return KvStateStore(root, key, memory_budget=memory, disk_budget=disk)


def only_file(folder: Path) -> Path:
    files = list(folder.glob(f"*{SUFFIX}"))
    assert len(files) == 1, files
    return files[0]


def test_a_state_buffer_is_mapped_memory_reused_in_place() -> None:
    # Mapped, not a bytearray: zero-filling one held the GIL (the window froze ~90 ms
    # after a long reply while the engine thread kept its state).
    first = state_buffer(1000)
    first[:3] = b"abc"
    grown = state_buffer(5000, reuse=first)
    assert grown is first and len(grown) == 5000 and grown[:3] == b"abc"
    grown[4990:] = b"0123456789"  # the pages a resize added can be written
    shrunk = state_buffer(10, reuse=grown)
    assert shrunk is first and len(shrunk) == 10


def test_a_state_buffer_still_in_use_is_not_resized_under_its_user() -> None:
    first = state_buffer(100)
    view = memoryview(first)  # as a ctypes array over it would hold it
    try:
        second = state_buffer(200, reuse=first)
        assert second is not first and len(second) == 200 and len(first) == 100
    finally:
        view.release()


def test_a_spilled_state_reads_back_whole_in_a_new_store(tmp_path: Path) -> None:
    first = store(tmp_path)
    assert first.spill(tokens(1), blob(1))
    path = only_file(first.folder)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = store(tmp_path)  # a restart: nothing in memory
    found = again.take_best([*tokens(1, 80), 999], more_than=0)
    assert found is not None
    assert found.tokens == tokens(1)
    assert bytes(found.blob) == blob(1)
    assert path.exists()  # the file stays: the next restart may need it too


def test_the_state_sharing_the_longest_prefix_is_chosen(tmp_path: Path) -> None:
    states = store(tmp_path)
    states.put((*tokens(1, 10), *tokens(500, 50)), blob(1))
    states.put(tokens(1, 40), blob(2))
    states.spill((*tokens(1, 30), 7, 7), blob(3))
    prompt = [*tokens(1, 60), 3]
    found = states.take_best(prompt, more_than=0)
    assert found is not None and found.tokens == tokens(1, 40) and bytes(found.blob) == blob(2)
    assert tokens(1, 40) not in states.memory_entries()  # taken: the context holds it now
    # Nothing shares more than asked for: nothing is taken.
    assert states.take_best(prompt, more_than=31) is None
    assert len(states.memory_entries()) == 1


def test_a_longer_state_of_the_same_chat_replaces_the_shorter(tmp_path: Path) -> None:
    states = store(tmp_path)
    states.put(tokens(1, 100), blob(1))
    states.put(tokens(1, 150), blob(2))
    assert states.memory_entries() == [tokens(1, 150)]
    states.spill(tokens(1, 100), blob(1))
    states.spill(tokens(1, 150), blob(2))
    assert states.disk_entries() == [tokens(1, 150)]
    assert len(list(states.folder.glob(f"*{SUFFIX}"))) == 1


def test_a_later_turn_supersedes_an_earlier_one_a_branch_does_not(tmp_path: Path) -> None:
    states = store(tmp_path)
    states.put(tokens(1, 100), blob(1))
    # The next turn: the last reply's few tokens came back tokenized otherwise.
    later = (*tokens(1, 92), *tokens(900, 40))
    assert states.put(later, blob(2)) == [blob(1)]  # the dropped buffer, for reuse
    assert states.memory_entries() == [later]
    branch = (*tokens(1, 50), *tokens(700, 60))  # an edit half-way: both are kept
    assert states.put(branch, blob(3)) == []
    assert states.memory_entries() == [later, branch]


def test_memory_keeps_the_most_recent_within_its_budget_and_spills_the_rest(
        tmp_path: Path) -> None:
    states = store(tmp_path, memory=3000)
    for seed in (1, 2, 3):
        states.put(tokens(seed * 1000), blob(seed))
    states.put(tokens(1000), blob(1))  # used again: the most recent now
    states.put(tokens(4000), blob(4))
    assert states.memory_entries() == [tokens(3000), tokens(1000), tokens(4000)]
    assert states.disk_entries() == [tokens(2000)]
    assert states.memory_bytes <= 3000
    found = store(tmp_path, memory=3000).take_best(tokens(2000), more_than=0)
    assert found is not None and bytes(found.blob) == blob(2)


def test_disk_use_stays_within_its_budget_oldest_deleted_first(tmp_path: Path) -> None:
    states = store(tmp_path)
    for seed in (1, 2, 3):
        assert states.spill(tokens(seed * 1000), blob(seed))
        # Distinct ages, whatever the file system's clock resolution.
        os.utime(only_newest(states.folder), (seed * 100, seed * 100))
    size = only_newest(states.folder).stat().st_size  # all four are of one size
    budget = size * 3 + size // 2
    states.disk_budget = budget
    assert states.spill(tokens(4000), blob(4))
    assert sorted(states.disk_entries()) == [tokens(2000), tokens(3000), tokens(4000)]
    assert sum(path.stat().st_size for path in states.folder.glob(f"*{SUFFIX}")) <= budget
    # Another model's states count against the same budget, and the oldest go first.
    other = store(tmp_path, OTHER_MODEL, disk=budget)
    assert other.spill(tokens(5000), blob(5))
    assert len(list(tmp_path.glob(f"*/*{SUFFIX}"))) == 3
    assert sorted(store(tmp_path).disk_entries()) == [tokens(3000), tokens(4000)]
    # A state larger than the whole budget is not written at all.
    assert not states.spill(tokens(6000), blob(6, budget))
    assert len(list(tmp_path.glob(f"*/*{SUFFIX}"))) == 3


def only_newest(folder: Path) -> Path:
    return max(folder.glob(f"*{SUFFIX}"), key=lambda path: path.stat().st_mtime_ns)


@pytest.mark.expect_log(LOGGER, "do not match their digest")
def test_a_damaged_file_is_deleted_and_nothing_restored(tmp_path: Path,
                                                       logfail: LogFail) -> None:
    store(tmp_path).spill(tokens(1), blob(1))
    path = only_file(store(tmp_path).folder)
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF  # one byte of the state
    path.write_bytes(bytes(data))
    assert store(tmp_path).take_best(tokens(1), more_than=0) is None
    assert not path.exists()
    assert any("digest" in record.getMessage() for record in logfail.records)


@pytest.mark.expect_log(LOGGER, "Deleting the saved chat state")
@pytest.mark.parametrize("damage", ["truncated", "grown", "foreign", "empty", "version",
                                    "header"])
def test_a_file_that_is_not_whole_or_not_ours_is_deleted(tmp_path: Path,
                                                         damage: str) -> None:
    store(tmp_path).spill(tokens(1), blob(1))
    path = only_file(store(tmp_path).folder)
    data = path.read_bytes()
    damaged = {
        "truncated": data[:-1],
        "grown": data + b"\0",
        "foreign": os.urandom(len(data)),
        "empty": b"",
        "version": data[:16] + b"\x02" + data[17:],
        "header": data[:30] + b"\xff" + data[31:],
    }[damage]
    path.write_bytes(damaged)
    states = store(tmp_path)
    assert states.take_best(tokens(1), more_than=0) is None
    assert not path.exists()
    assert states.disk_entries() == []


@pytest.mark.expect_log(LOGGER, "another model or other context settings")
def test_another_models_file_is_not_used(tmp_path: Path) -> None:
    mine = store(tmp_path)
    mine.spill(tokens(1), blob(1))
    theirs = store(tmp_path, OTHER_MODEL)
    theirs.folder.mkdir(parents=True)
    moved = theirs.folder / only_file(mine.folder).name
    shutil.copy(only_file(mine.folder), moved)
    assert theirs.take_best(tokens(1), more_than=0) is None
    assert not moved.exists()
    # Another context length is another key, with a folder of its own.
    longer = StateKey(KEY.model_sha256, 8192, KEY.kv_cache_type, KEY.runtime)
    assert store(tmp_path, longer).take_best(tokens(1), more_than=0) is None
    assert store(tmp_path).take_best(tokens(1), more_than=0) is not None


def test_a_write_cut_short_by_a_crash_is_cleaned_up(tmp_path: Path) -> None:
    states = store(tmp_path)
    states.spill(tokens(1), blob(1))
    leftover = states.folder / f".{only_file(states.folder).name}.abc.tmp"
    leftover.write_bytes(b"half a state")
    assert store(tmp_path).disk_entries() == [tokens(1)]
    assert not leftover.exists()


def test_a_state_larger_than_the_memory_budget_goes_to_disk(tmp_path: Path) -> None:
    states = store(tmp_path, memory=500)
    states.put(tokens(1), blob(1))
    assert states.memory_entries() == []
    assert states.disk_entries() == [tokens(1)]


def test_the_automatic_memory_budget_is_a_quarter_of_free_memory_at_most_2_gib() -> None:
    assert memory_budget(0, available_ram=4 * GIB) == GIB
    assert memory_budget(0, available_ram=16 * GIB) == AUTO_MEMORY_CAP
    assert memory_budget(512, available_ram=16 * GIB) == 512 * MIB
    assert 0 <= memory_budget(0) <= AUTO_MEMORY_CAP  # this computer's


def test_shared_prefix() -> None:
    assert shared_prefix([1, 2, 3], [1, 2, 4, 5]) == 2
    assert shared_prefix([], [1]) == 0
    assert shared_prefix([1, 2], [1, 2]) == 2
