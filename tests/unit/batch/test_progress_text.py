"""A batch job's progress and summary in words (the window's and the command line's)."""

from __future__ import annotations

from chatapp.batch.job import BatchProgress, BatchSummary
from chatapp.batch.progress_text import progress_text, rates_text, summary_text


def test_progress_before_and_during_a_run() -> None:
    first = BatchProgress(done=0, failed=0, total=6, rows_per_s=None, seconds_left=None)
    assert progress_text(first) == "0/6 rows" and rates_text(first) == ""
    running = BatchProgress(done=3, failed=1, total=1_200, rows_per_s=0.5,
                            seconds_left=2394.0, tokens_per_s=41.26)
    assert progress_text(running) == ("3/1,200 rows (1 failed), 0.50 rows/s, 41.3 tokens/s, "
                                      "40 min left")
    done = BatchProgress(done=6, failed=0, total=6, rows_per_s=2.0, seconds_left=0.0)
    assert rates_text(done) == "2.00 rows/s"  # no time left to tell


def test_summary() -> None:
    summary = BatchSummary(total=6, done=6, failed=1, resumed=2, cancelled=False,
                           seconds=12.2, generated_tokens=488)
    assert summary_text(summary, "out.csv") == (
        "6 of 6 rows in out.csv (1 with an error); 2 were there from an earlier run; "
        "12 s, 40.0 tokens/s.")
    empty = BatchSummary(total=3, done=3, failed=0, resumed=3, cancelled=False,
                         seconds=0.0, generated_tokens=0)
    assert summary_text(empty, "o.jsonl") == ("3 of 3 rows in o.jsonl; 3 were there from "
                                              "an earlier run; 1 s.")
