"""A history with what an export must carry: branches, thoughts, stats, settings."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.history.store import HistoryStore, ReplyStats


class Clock:
    """A distinct, sub-second-precise time for every write."""

    def __init__(self) -> None:
        self._ticks = itertools.count()

    def __call__(self) -> float:
        return 1_700_000_000.123456 + next(self._ticks) * 61.000137


def fill(store: HistoryStore) -> dict[str, int]:
    """Three chats: one with branches and a reasoning reply, one pinned with per-chat
    settings and replies that were stopped, cut at the length limit and failed, one
    empty. Returns their ids by name."""
    birds = store.create_conversation("Birds & <b>bees</b>", system_prompt="Be brief.")
    question = store.add_message(birds.id, "user", "Name a bird.")
    reply = store.add_message(birds.id, "assistant", "", state="streaming",
                              model_file="SmolLM2.gguf", model_sha256="ab" * 32,
                              generation_settings={"temperature": 0.7, "seed": 7})
    store.finalize_message(reply.id, "A robin.\n\n```python\nprint('<b>robin</b>')\n```",
                           "complete", ReplyStats(31, 12, 0.25, 18.5, 1.5, 1.2, "eos"),
                           reasoning="The user wants <one> bird.\nA robin is common.")
    other = store.add_message(birds.id, "assistant", "A heron.", parent_id=question.id)
    store.edit_message(other.id, "A grey heron.")
    store.add_message(birds.id, "user", "Where does it live?")
    store.switch_branch(birds.id, reply.id)  # the older branch is the one on screen
    store.set_thinking(birds.id, "on")

    fish = store.create_conversation("Fish")
    store.add_message(fish.id, "user", "Name a fish.")
    stopped = store.add_message(fish.id, "assistant", "", state="streaming")
    store.finalize_message(stopped.id, "A carp, which", "stopped",
                           ReplyStats(9, 3, 0.5, 6.0, stop_reason="stopped"))
    store.add_message(fish.id, "user", "And another?")
    cut = store.add_message(fish.id, "assistant", "", state="streaming")
    store.finalize_message(cut.id, "A pike, a perch, a", "complete",
                           ReplyStats(9, 48, 0.5, 6.0, stop_reason="length"))
    store.add_message(fish.id, "user", "Go on.")
    failed = store.add_message(fish.id, "assistant", "", state="streaming")
    store.finalize_message(failed.id, "", "error", error="The model could not be loaded.")
    store.set_pinned(fish.id, True)
    store.set_conversation_settings(fish.id, {"temperature": 0.2, "system_prompt": "Fish!"})

    empty = store.create_conversation("Empty")
    return {"birds": birds.id, "fish": fish.id, "empty": empty.id}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "history.sqlite3", clock=Clock()) as opened:
        yield opened


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[HistoryStore]:
    with HistoryStore(tmp_path / "other.sqlite3") as opened:
        yield opened


@pytest.fixture
def filled(store: HistoryStore) -> dict[str, int]:
    return fill(store)
