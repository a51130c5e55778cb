"""The store of measured speeds: kept across runs, bounded, private, survives damage."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from chatapp.models.speed_records import RUNS_PER_MODEL, SpeedRecords, SpeedRun

FILE = "speed-records.json"  # AppPaths keeps it in the cache folder


def run(sha: str, generation: float, prompt: float | None = 100.0) -> SpeedRun:
    return SpeedRun(sha256=sha, file_name=f"{sha}.gguf", size_bytes=1000, quantization="Q4_0",
                    fingerprint="machine", generation_tokens_per_s=generation,
                    prompt_tokens_per_s=prompt, parameters=2000,
                    bytes_by_type={"Q4_0": 900, "F32": 100}, kv_bytes_per_token=64)


def test_runs_round_trip_in_a_private_file(tmp_path: Path) -> None:
    records = SpeedRecords(tmp_path / FILE)
    assert records.runs() == []
    records.record(run("a", 10.0))
    records.record(run("b", 20.0, None))
    again = SpeedRecords(tmp_path / FILE).runs()
    assert again == [run("a", 10.0), run("b", 20.0, None)]
    assert again[0].bytes_by_type == {"Q4_0": 900, "F32": 100}
    assert stat.S_IMODE((tmp_path / FILE).stat().st_mode) == 0o600


def test_only_the_newest_runs_of_a_model_are_kept(tmp_path: Path) -> None:
    records = SpeedRecords(tmp_path / FILE)
    for n in range(RUNS_PER_MODEL + 3):
        records.record(run("a", float(n + 1)))
    records.record(run("b", 5.0))
    kept = records.runs()
    assert [r.generation_tokens_per_s for r in kept if r.sha256 == "a"] == \
        [float(n + 1) for n in range(3, RUNS_PER_MODEL + 3)]
    assert [r.sha256 for r in kept].count("b") == 1


@pytest.mark.expect_log("chatapp.models.speed_records", "unreadable")
def test_a_damaged_file_is_set_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / FILE
    path.write_text('{"schema": 1, "runs": [{"sha256": "x"}]}', encoding="utf-8")
    records = SpeedRecords(path)
    assert records.runs() == []
    assert len(list(tmp_path.glob(f"{FILE}.damaged-*"))) == 1
    records.record(run("a", 10.0))
    assert records.runs() == [run("a", 10.0)]
