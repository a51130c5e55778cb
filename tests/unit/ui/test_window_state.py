"""The window's state file: a round trip, and whatever else is there never breaks a start."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from chatapp.ui.window_state import (
    MAX_FILE_BYTES,
    WindowState,
    read_window_state,
    write_window_state,
)

STATE = WindowState(geometry=bytes(range(256)) * 2, splitter=(310, 790), conversation_id=7)


def test_round_trip_private_file(tmp_path: Path) -> None:
    path = tmp_path / "window-state.json"
    write_window_state(path, STATE)
    assert read_window_state(path) == STATE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # A new chat open at quit (no id) and no geometry yet are kept as such.
    write_window_state(path, WindowState())
    assert read_window_state(path) == WindowState()


def test_missing_file_is_a_first_start(tmp_path: Path) -> None:
    assert read_window_state(tmp_path / "nothing.json") == WindowState()


@pytest.mark.expect_log("chatapp.ui.window_state", "Window state")
@pytest.mark.parametrize("content", [
    b"", b"{", b"\xff\xfe not json", b"[1, 2]", b"null", b'"text"',
    b"[" * 100_000 + b"]" * 100_000,
])
def test_damaged_file_gives_the_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "window-state.json"
    path.write_bytes(content)
    assert read_window_state(path) == WindowState()


@pytest.mark.expect_log("chatapp.ui.window_state", "Window state")
@pytest.mark.parametrize(("field", "value"), [
    ("geometry", "not base64 !"), ("geometry", 12), ("geometry", "QQ==" * 5000),
    ("splitter", [100, -5]), ("splitter", [1.5, 2]), ("splitter", [True, False]),
    ("splitter", "250,850"), ("splitter", [0, 0]), ("splitter", [10] * 50),
    ("splitter", [10, 10**9]),
    ("conversation_id", "7"), ("conversation_id", -1), ("conversation_id", True),
    ("conversation_id", 2.0),
])
def test_a_hostile_field_is_left_at_its_default_the_rest_kept(
        tmp_path: Path, field: str, value: object) -> None:
    path = tmp_path / "window-state.json"
    write_window_state(path, STATE)
    data = json.loads(path.read_text())
    data[field] = value
    path.write_text(json.dumps(data))
    assert read_window_state(path) == WindowState(**{
        **STATE.__dict__, field: WindowState().__dict__[field]})


@pytest.mark.expect_log("chatapp.ui.window_state", "too large")
def test_a_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "window-state.json"
    path.write_text(json.dumps({"splitter": [1, 2], "pad": "x" * MAX_FILE_BYTES}))
    assert read_window_state(path) == WindowState()


@pytest.mark.expect_log("chatapp.ui.window_state", "unreadable")
def test_a_folder_in_its_place_gives_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "window-state.json"
    path.mkdir()
    assert read_window_state(path) == WindowState()
