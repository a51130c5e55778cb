"""The rows of a batch job: from a CSV file, a JSONL file, or a folder of text files.

A CSV file's first row names its columns; a JSONL file holds one JSON object per line
(its keys are the columns); a folder gives one row per file, with the columns ``name``
and ``text``. A row that cannot be read (invalid UTF-8, a line that is not a JSON
object, too many values, a value too long) is kept with its error, to be reported in
the output while the job goes on; only a problem with the input as a whole (missing,
empty, too large, an unreadable header) stops the job before it starts.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from chatapp.batch.errors import BatchInputError

# Bounds, so that a wrong file chosen by mistake is refused rather than read for minutes.
MAX_INPUT_BYTES = 256 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_VALUE_CHARS = 1_000_000  # one cell, one JSON value, one text file
ID_COLUMN = "id"
FOLDER_COLUMNS = ("name", "text")


@dataclass(frozen=True)
class InputRow:
    index: int  # position among the input's rows, from 0
    id: str  # what the user knows the row by: its "id" value, file name or row number
    values: Mapping[str, str] = field(default_factory=dict)
    error: str | None = None  # why the row could not be read


@dataclass(frozen=True)
class BatchInput:
    path: Path
    kind: str  # "csv", "jsonl" or "folder"
    columns: tuple[str, ...]
    rows: tuple[InputRow, ...]


def read_input(path: Path) -> BatchInput:
    """Every row of ``path``; BatchInputError when the input as a whole cannot be used."""
    if path.is_dir():
        return _read_folder(path)
    kind = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}.get(path.suffix.lower())
    if kind is None:
        raise BatchInputError(
            f"{path.name} is not a CSV or JSONL file. Choose a .csv file (its first row "
            "names the columns), a .jsonl file (one JSON object per line), or a folder of "
            "text files.")
    data = _read_bounded(path)
    if not data.strip():
        raise BatchInputError(f"{path.name} is empty: there are no rows to answer.")
    columns, rows = _read_csv(path, data) if kind == "csv" else _read_jsonl(data)
    if len(rows) > MAX_ROWS:
        raise BatchInputError(f"{path.name} has {len(rows):,} rows; a batch job takes at "
                              f"most {MAX_ROWS:,}. Split the file.")
    if not rows:
        raise BatchInputError(f"{path.name} has no rows to answer, only a header.")
    return BatchInput(path, kind, columns, tuple(rows))


def allow_long_csv_fields() -> None:
    """Let the csv module read values up to MAX_VALUE_CHARS (and replies as long).

    Python's default limit (131,072 characters) is process-wide; raising it changes no
    result of any other reader, only lets long values through.
    """
    limit = max(MAX_VALUE_CHARS * 4, 64 * 1024 * 1024)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(min(limit, sys.maxsize))


def _read_bounded(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise BatchInputError(
                f"{path.name} is {size / 1e6:,.0f} MB; a batch job reads at most "
                f"{MAX_INPUT_BYTES / 1e6:,.0f} MB. Split the file.")
        return path.read_bytes()
    except FileNotFoundError as error:
        raise BatchInputError(f"The input {path} does not exist. Choose another file.",
                              detail=str(error)) from error
    except OSError as error:
        raise BatchInputError(f"{path.name} cannot be read: {error.strerror or error}.",
                              detail=str(error)) from error


def _read_csv(path: Path, data: bytes) -> tuple[tuple[str, ...], list[InputRow]]:
    # Undecodable bytes become lone surrogates, so a bad row is found and reported alone.
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    allow_long_csv_fields()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
        if not any(name.strip() for name in header):
            raise BatchInputError(f"The first line of {path.name} is empty: it should name "
                                  "the columns.")
        if any(_not_utf8(name) for name in header):
            raise BatchInputError(f"The first line of {path.name} (the column names) is not "
                                  "UTF-8 text. Save the file as UTF-8 and try again.")
        columns = tuple(name.strip() for name in header)
        repeated = sorted({name for name in columns if columns.count(name) > 1})
        if repeated:
            raise BatchInputError(f"{path.name} names the column {repeated[0]!r} twice. "
                                  "Give every column its own name.")
        rows = list(_csv_rows(reader, columns))
    except csv.Error as error:
        raise BatchInputError(f"{path.name} is not a readable CSV file (line "
                              f"{reader.line_num}: {error}).", detail=str(error)) from error
    return columns, rows


def _csv_rows(reader: Iterator[list[str]], columns: tuple[str, ...]) -> Iterator[InputRow]:
    index = 0
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue  # blank lines are no rows
        values = dict(zip(columns, record, strict=False))  # a short row lacks the rest
        named = values.get(ID_COLUMN, "")
        # A bad row keeps its id when that much is readable, to be found in the output.
        row_id = named if named and not _not_utf8(named) and len(named) <= 200 \
            else str(index + 1)
        error = None
        if len(record) > len(columns):
            error = (f"This row has {len(record)} values, but the header names "
                     f"{len(columns)} columns.")
        elif any(_not_utf8(cell) for cell in record):
            error = "This row is not valid UTF-8 text."
        elif any(len(cell) > MAX_VALUE_CHARS for cell in record):
            error = f"A value in this row is longer than {MAX_VALUE_CHARS:,} characters."
        yield InputRow(index, row_id, error=error) if error is not None \
            else InputRow(index, row_id, values)
        index += 1


def _read_jsonl(data: bytes) -> tuple[tuple[str, ...], list[InputRow]]:
    columns: dict[str, None] = {}
    rows: list[InputRow] = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        row = _jsonl_row(len(rows), number, line)
        columns.update(dict.fromkeys(row.values))
        rows.append(row)
    return tuple(columns), rows


def _jsonl_row(index: int, number: int, line: bytes) -> InputRow:
    name = f"line {number}"
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return InputRow(index, name, error=f"Line {number} is not valid UTF-8 text.")
    try:
        value = json.loads(text)
    except ValueError as error:
        return InputRow(index, name, error=f"Line {number} is not valid JSON ({error}).")
    if not isinstance(value, dict):
        return InputRow(index, name, error=f"Line {number} is not a JSON object.")
    values: dict[str, str] = {}
    for key, item in value.items():
        if item is None:
            continue  # a null is a missing value
        cell = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
        if len(cell) > MAX_VALUE_CHARS:
            return InputRow(index, name, error=f"The value of {key!r} on line {number} is "
                            f"longer than {MAX_VALUE_CHARS:,} characters.")
        if _not_utf8(cell):
            return InputRow(index, name, error=f"The value of {key!r} on line {number} "
                            "holds a lone surrogate escape, which is not text.")
        values[key] = cell
    return InputRow(index, values.get(ID_COLUMN) or name, values)


def _read_folder(folder: Path) -> BatchInput:
    try:
        files = sorted((entry for entry in folder.iterdir()
                        if entry.is_file() and not entry.name.startswith(".")),
                       key=lambda entry: entry.name)
    except OSError as error:
        raise BatchInputError(f"The folder {folder} cannot be read: "
                              f"{error.strerror or error}.", detail=str(error)) from error
    if not files:
        raise BatchInputError(f"The folder {folder.name} holds no files: there are no rows "
                              "to answer.")
    if len(files) > MAX_ROWS:
        raise BatchInputError(f"The folder {folder.name} holds {len(files):,} files; a "
                              f"batch job takes at most {MAX_ROWS:,}.")
    total = sum(entry.stat().st_size for entry in files)
    if total > MAX_INPUT_BYTES:
        raise BatchInputError(
            f"The files in {folder.name} hold {total / 1e6:,.0f} MB; a batch job reads at "
            f"most {MAX_INPUT_BYTES / 1e6:,.0f} MB. Split the folder.")
    rows = [_file_row(index, entry) for index, entry in enumerate(files)]
    return BatchInput(folder, "folder", FOLDER_COLUMNS, tuple(rows))


def _file_row(index: int, path: Path) -> InputRow:
    try:
        if path.stat().st_size > MAX_VALUE_CHARS * 4:
            return InputRow(index, path.name, error=f"{path.name} is too long for one row.")
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return InputRow(index, path.name, error=f"{path.name} is not valid UTF-8 text.")
    except OSError as error:
        return InputRow(index, path.name,
                        error=f"{path.name} cannot be read: {error.strerror or error}.")
    if len(text) > MAX_VALUE_CHARS:
        return InputRow(index, path.name, error=f"{path.name} is longer than "
                        f"{MAX_VALUE_CHARS:,} characters.")
    return InputRow(index, path.name, {"name": path.name, "text": text})


def _not_utf8(text: str) -> bool:
    """Whether ``text`` holds bytes that were not UTF-8 (surrogateescape's lone
    surrogates) or surrogates JSON spelled out, which no UTF-8 file can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
