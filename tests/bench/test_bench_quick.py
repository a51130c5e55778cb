"""The benchmark suite still works: `python -m bench.run --quick`, end to end.

Quick mode runs every phase of `make bench` (llama-bench, the app's pipeline, follow-ups,
the where-does-time-go ladder, a long reply, history open and search, Local documents'
indexing, embedding and questions, start-up and memory) at toy sizes. Its numbers mean
nothing, so nothing here checks a timing: only that every headline number was measured
and the report was written.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.common import DEFAULT_LLAMA_BENCH, LLAMA_BENCH_ENV, REPO_ROOT
from bench.run import HEADLINE_KEYS, TARGETS


# Every phase at toy size still takes minutes on a busy 2-core runner: more than the
# suite's 300 s allowance for one test.
@pytest.mark.timeout(900)
def test_quick_benchmark_measures_everything(tmp_path: Path, model_path: Path) -> None:
    binary = Path(os.environ.get(LLAMA_BENCH_ENV, DEFAULT_LLAMA_BENCH))
    if not binary.is_file():
        pytest.fail(f"llama-bench is not built at {binary}: run `make llama-bench` "
                    "(make test builds it)")
    out = tmp_path / "out"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CHATAPP_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--llama-bench", str(binary),
         "--out-dir", str(out)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=840, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    results = json.loads((out / "results.json").read_text())
    assert results["quick"] is True
    for key in HEADLINE_KEYS:
        value = results.get(key)
        assert isinstance(value, (int, float)) and math.isfinite(value), (key, value)
    assert {row["key"] for row in results["targets"]} == {key for key, *_ in TARGETS}
    assert results["model"]["file"] == model_path.name
    if results["config"]["threads"] > 1:  # the comparison with a core left to the UI
        spare = results["spare_core"]
        assert spare["llama_bench"]["n_threads"] == results["config"]["threads"] - 1
        assert all(math.isfinite(spare[key]) for key in ("prompt_ratio", "generation_ratio"))

    report = (out / "benchmarks.md").read_text()
    assert "Quick mode" in report
    for heading in ("## Summary", "## Remaining gaps", "## Prompt and generation speed",
                    "## Follow-up turns", "## A long reply", "## Streaming into the view",
                    "## History at scale", "## Local documents", "## The API server",
                    "## Batch jobs", "## Instant chat switching", "## Speed known before download",
                    "## Start-up and memory"):
        assert heading in report
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return  # the plots need matplotlib (make bench installs it)
    for plot in ("throughput.png", "ladder.png", "followup.png", "long_reply.png",
                 "view_stream.png"):
        assert (out / "benchmarks" / plot).stat().st_size > 0
        assert f"benchmarks/{plot}" in report
