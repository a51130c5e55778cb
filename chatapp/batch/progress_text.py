"""A batch job's progress in words, alike on the command line and in the Batch window."""

from __future__ import annotations

from chatapp.batch.job import BatchProgress, BatchSummary
from chatapp.formatting import format_duration


def rates_text(progress: BatchProgress) -> str:
    """Rows and tokens per second and the time left ("" before the first row is done)."""
    parts: list[str] = []
    if progress.rows_per_s:
        parts.append(f"{progress.rows_per_s:.2f} rows/s")
    if progress.tokens_per_s:
        parts.append(f"{progress.tokens_per_s:.1f} tokens/s")
    if progress.seconds_left is not None and progress.done < progress.total:
        parts.append(f"{format_duration(progress.seconds_left)} left")
    return ", ".join(parts)


def progress_text(progress: BatchProgress) -> str:
    """E.g. "3/6 rows (1 failed), 0.52 rows/s, 41.3 tokens/s, 6 s left"."""
    text = f"{progress.done:,}/{progress.total:,} rows"
    if progress.failed:
        text += f" ({progress.failed:,} failed)"
    rates = rates_text(progress)
    return f"{text}, {rates}" if rates else text


def summary_text(summary: BatchSummary, output: str) -> str:
    """E.g. "6 of 6 rows in out.csv (1 with an error); 3 were there from an earlier run;
    12 s, 41.3 tokens/s." """
    rate = f", {summary.tokens_per_s:.1f} tokens/s" if summary.tokens_per_s else ""
    return (f"{summary.done:,} of {summary.total:,} rows in {output}"
            + (f" ({summary.failed:,} with an error)" if summary.failed else "")
            + (f"; {summary.resumed:,} were there from an earlier run" if summary.resumed
               else "")
            + f"; {format_duration(summary.seconds)}{rate}.")
