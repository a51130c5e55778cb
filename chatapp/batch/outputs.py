"""The output of a batch job: one record per row, written the moment the row is done.

Each record is appended and synced to the disk before the next row's result is taken,
so a crash or a quit loses at most the rows in flight. Opening an output that already
holds records resumes it: those rows are skipped. A crash in the middle of a write can
leave a torn last record; it is dropped (the file is rewritten without it, atomically)
and its row is answered again. Files are private to the user (0600).

A record holds the row's number (from 1) and id, the input's values, the reply or the
row's error, and its stats (prompt and generated tokens, stop reason, seconds).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from chatapp.batch.errors import BatchOutputError
from chatapp.batch.inputs import InputRow, allow_long_csv_fields
from chatapp.engine.llama_engine import GenerationStats
from chatapp.files.atomic import sync_folder, write_atomic
from chatapp.i18n import format_number, translate

STAT_FIELDS = ("prompt_tokens", "generated_tokens", "stop_reason", "seconds")
LINE_END = "\r\n"  # the csv module's own


@dataclass(frozen=True)
class RowResult:
    row: InputRow
    reply: str = ""
    error: str | None = None
    stats: GenerationStats | None = None


@dataclass(frozen=True)
class ResumedRows:
    """What an output already held when it was opened."""

    done: frozenset[int]  # row indexes (from 0) with a record
    failed: int  # of those, rows recorded with an error


class BatchOutput:
    """An output file for rows with ``input_columns``; ``.csv`` or ``.jsonl``."""

    def __init__(self, path: Path, input_columns: Sequence[str]) -> None:
        kind = {".csv": "csv", ".jsonl": "jsonl"}.get(path.suffix.lower())
        if kind is None:
            raise BatchOutputError(translate(
                "BatchJob", "{name} is not a .csv or .jsonl file name. Name the output "
                "file.csv or file.jsonl.").format(name=path.name))
        self.path = path
        self.kind = kind
        self.input_columns = tuple(input_columns)
        # In a CSV file the input's columns sit beside the job's own: a clash is renamed.
        ours = {"row", "id", "reply", "error", *STAT_FIELDS}
        self._csv_inputs = tuple(f"input:{name}" if name in ours else name
                                 for name in self.input_columns)
        self.header = ("row", "id", *self._csv_inputs, "reply", "error", *STAT_FIELDS)
        self._fd: int | None = None

    def open(self) -> ResumedRows:
        """Open for appending; the rows it already holds (an empty set for a new file)."""
        try:
            data = self.path.read_bytes() if self.path.exists() else b""
            resumed, intact = self._resume(data)
            if intact != len(data):
                # A torn last record (a crash mid-write): keep what is whole.
                write_atomic(self.path, data[:intact])
            new = intact == 0
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            if new:
                if self.kind == "csv":
                    self._append(self._csv_line(self.header))
                sync_folder(self.path.parent)
        except OSError as error:
            self.close()
            raise BatchOutputError(translate(
                "BatchJob", "The output {path} cannot be written: {error}.").format(
                    path=self.path, error=error.strerror or error),
                detail=str(error)) from error
        return resumed

    def held(self) -> ResumedRows:
        """The rows the file holds now, read without opening it for writing: what a run
        would resume (BatchOutputError when the file is not this input's output)."""
        try:
            data = self.path.read_bytes() if self.path.exists() else b""
        except OSError as error:
            raise BatchOutputError(translate(
                "BatchJob", "The output {path} cannot be read: {error}.").format(
                    path=self.path, error=error.strerror or error),
                detail=str(error)) from error
        return self._resume(data)[0]

    def write(self, result: RowResult) -> None:
        """Append ``result``'s record and sync it to the disk."""
        if self._fd is None:
            raise ValueError("the output is not open")
        try:
            self._append(self._record(result))
        except OSError as error:
            raise BatchOutputError(translate(
                "BatchJob", "The output {path} cannot be written: {error}. The rows done so "
                "far are saved; free some space and run the job again to go on.").format(
                    path=self.path, error=error.strerror or error),
                detail=str(error)) from error

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _append(self, text: str) -> None:
        assert self._fd is not None
        data = text.encode("utf-8")
        while data:
            written = os.write(self._fd, data)
            data = data[written:]
        os.fsync(self._fd)

    def _record(self, result: RowResult) -> str:
        row = result.row
        stats = _stat_values(result.stats)
        if self.kind == "jsonl":
            record = {"row": row.index + 1, "id": row.id, "input": dict(row.values),
                      "reply": result.reply, "error": result.error,
                      "stats": dict(zip(STAT_FIELDS, stats, strict=True))
                      if result.stats is not None else None}
            return json.dumps(record, ensure_ascii=False) + "\n"
        values = [row.values.get(name, "") for name in self.input_columns]
        return self._csv_line((str(row.index + 1), row.id, *values, result.reply,
                               result.error or "",
                               *("" if value is None else str(value) for value in stats)))

    @staticmethod
    def _csv_line(values: Sequence[str]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=LINE_END).writerow(values)
        return buffer.getvalue()

    # -- resuming ----------------------------------------------------------------------

    def _resume(self, data: bytes) -> tuple[ResumedRows, int]:
        """The rows ``data`` records, and how many of its bytes are whole records."""
        if not data:
            return ResumedRows(frozenset(), 0), 0
        text = data.decode("utf-8", errors="surrogateescape")
        if self.kind == "jsonl":
            return self._resume_jsonl(text)
        return self._resume_csv(text)

    def _resume_jsonl(self, text: str) -> tuple[ResumedRows, int]:
        *lines, tail = text.split("\n")  # after the last newline: a torn record, or ""
        done: set[int] = set()
        failed = 0
        for number, line in enumerate(lines, start=1):
            record = _json_record(line)
            if record is None:
                # A record's newline is written last: a line that has one is whole.
                raise self._not_ours(translate(
                    "BatchJob", "line {line} is not one of its records").format(
                        line=format_number(number)))
            done.add(int(str(record["row"])) - 1)
            failed += record.get("error") is not None
        intact = len(text.encode("utf-8", errors="surrogateescape")) \
            - len(tail.encode("utf-8", errors="surrogateescape"))
        return ResumedRows(frozenset(done), failed), intact

    def _resume_csv(self, text: str) -> tuple[ResumedRows, int]:
        if self._csv_line(self.header).startswith(text):
            return ResumedRows(frozenset(), 0), 0  # a header torn as the file was made
        allow_long_csv_fields()
        try:
            records = list(csv.reader(io.StringIO(text, newline="")))
        except csv.Error as error:
            raise self._not_ours(translate("BatchJob", "it is not readable CSV: {error}").format(
                error=error)) from error
        if not records or tuple(records[0]) != self.header:
            raise self._not_ours(translate("BatchJob", "its columns are not those of this input"))
        whole = records[1:]
        if not text.endswith(LINE_END) or (whole and len(whole[-1]) != len(self.header)):
            whole = whole[:-1]  # the torn last record
        done: set[int] = set()
        failed = 0
        for record in whole:
            if len(record) != len(self.header) or not record[0].isdigit():
                raise self._not_ours(translate(
                    "BatchJob", "row {row} is not one of its records").format(row=record[:1]))
            done.add(int(record[0]) - 1)
            failed += record[self.header.index("error")] != ""
        kept = "".join(self._csv_line(record) for record in [list(self.header), *whole])
        intact = len(kept.encode("utf-8", errors="surrogateescape"))
        if not text.startswith(kept):
            raise self._not_ours(translate(
                "BatchJob", "its records were not written by a batch job"))
        return ResumedRows(frozenset(done), failed), intact

    def _not_ours(self, why: str) -> BatchOutputError:
        return BatchOutputError(translate(
            "BatchJob", "The output {name} already exists and does not hold this job's results "
            "({reason}). Choose another output file, or move this one away.").format(
                name=self.path.name, reason=why), detail=why)


def _json_record(line: str) -> Mapping[str, object] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("row"), int) \
            or record["row"] < 1:
        return None
    return record


def _stat_values(stats: GenerationStats | None) -> tuple[int | str | float | None, ...]:
    if stats is None:
        return (None,) * len(STAT_FIELDS)
    return (stats.prompt_tokens, stats.generated_tokens, stats.stop_reason,
            round(stats.ttft_s + stats.generation_s, 3))
