"""A batch job's progress in words, alike on the command line and in the Batch window."""

from __future__ import annotations

from chatapp.batch.job import BatchProgress, BatchSummary
from chatapp.formatting import format_duration
from chatapp.i18n import format_number, translate


def rates_text(progress: BatchProgress) -> str:
    """Rows and tokens per second and the time left ("" before the first row is done)."""
    parts: list[str] = []
    if progress.rows_per_s:
        parts.append(translate("BatchJob", "{speed} rows/s").format(
            speed=format_number(progress.rows_per_s, 2)))
    if progress.tokens_per_s:
        parts.append(translate("BatchJob", "{speed} tokens/s").format(
            speed=format_number(progress.tokens_per_s, 1)))
    if progress.seconds_left is not None and progress.done < progress.total:
        parts.append(translate("BatchJob", "{time} left").format(
            time=format_duration(progress.seconds_left)))
    return translate("BatchJob", ", ", "between a job's rates").join(parts)


def progress_text(progress: BatchProgress) -> str:
    """E.g. "3/6 rows (1 failed), 0.52 rows/s, 41.3 tokens/s, 6 s left"."""
    total = progress.total  # a plain name: lupdate's Python parser skips the call otherwise
    text = translate("BatchJob", "{done}/%n rows", "", total).format(
        done=format_number(progress.done))
    if progress.failed:
        text += translate("BatchJob", " ({count} failed)").format(
            count=format_number(progress.failed))
    rates = rates_text(progress)
    return translate("BatchJob", "{progress}, {rates}").format(progress=text, rates=rates) \
        if rates else text


def summary_text(summary: BatchSummary, output: str) -> str:
    """E.g. "6 of 6 rows in out.csv (1 with an error); 3 were there from an earlier run;
    12 s, 41.3 tokens/s." """
    total = summary.total  # a plain name: lupdate's Python parser skips the call otherwise
    text = translate("BatchJob", "{done} of %n rows in {output}", "", total).format(
        done=format_number(summary.done), output=output)
    if summary.failed:
        text += translate("BatchJob", " ({count} with an error)").format(
            count=format_number(summary.failed))
    if summary.resumed:
        text += translate("BatchJob", "; {count} were there from an earlier run").format(
            count=format_number(summary.resumed))
    time = format_duration(summary.seconds)
    if summary.tokens_per_s:
        return text + translate("BatchJob", "; {time}, {speed} tokens/s.").format(
            time=time, speed=format_number(summary.tokens_per_s, 1))
    return text + translate("BatchJob", "; {time}.").format(time=time)
