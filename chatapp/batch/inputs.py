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
from chatapp.i18n import format_number, translate

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
        raise BatchInputError(translate(
            "BatchJob", "{name} is not a CSV or JSONL file. Choose a .csv file (its first row "
            "names the columns), a .jsonl file (one JSON object per line), or a folder of "
            "text files.").format(name=path.name))
    data = _read_bounded(path)
    if not data.strip():
        raise BatchInputError(translate(
            "BatchJob", "{name} is empty: there are no rows to answer.").format(name=path.name))
    columns, rows = _read_csv(path, data) if kind == "csv" else _read_jsonl(data)
    if len(rows) > MAX_ROWS:
        raise BatchInputError(translate(
            "BatchJob", "{name} has {count} rows; a batch job takes at most {most}. Split the "
            "file.").format(name=path.name, count=format_number(len(rows)),
                            most=format_number(MAX_ROWS)))
    if not rows:
        raise BatchInputError(translate(
            "BatchJob", "{name} has no rows to answer, only a header.").format(name=path.name))
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
            raise BatchInputError(translate(
                "BatchJob", "{name} is {size} MB; a batch job reads at most {most} MB. Split "
                "the file.").format(name=path.name, size=format_number(size / 1e6),
                                    most=format_number(MAX_INPUT_BYTES / 1e6)))
        return path.read_bytes()
    except FileNotFoundError as error:
        raise BatchInputError(translate(
            "BatchJob", "The input {path} does not exist. Choose another file.").format(
                path=path),
                              detail=str(error)) from error
    except OSError as error:
        raise BatchInputError(_unreadable(path.name, error),
                              detail=str(error)) from error


def _read_csv(path: Path, data: bytes) -> tuple[tuple[str, ...], list[InputRow]]:
    # Undecodable bytes become lone surrogates, so a bad row is found and reported alone.
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    allow_long_csv_fields()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
        if not any(name.strip() for name in header):
            raise BatchInputError(translate(
                "BatchJob", "The first line of {name} is empty: it should name the columns."
            ).format(name=path.name))
        if any(_not_utf8(name) for name in header):
            raise BatchInputError(translate(
                "BatchJob", "The first line of {name} (the column names) is not UTF-8 text. "
                "Save the file as UTF-8 and try again.").format(name=path.name))
        columns = tuple(name.strip() for name in header)
        repeated = sorted({name for name in columns if columns.count(name) > 1})
        if repeated:
            raise BatchInputError(translate(
                "BatchJob", "{name} names the column {column} twice. Give every column its own "
                "name.").format(name=path.name, column=repr(repeated[0])))
        rows = list(_csv_rows(reader, columns))
    except csv.Error as error:
        raise BatchInputError(translate(
            "BatchJob", "{name} is not a readable CSV file (line {line}: {error})."
        ).format(name=path.name, line=format_number(reader.line_num), error=error),
            detail=str(error)) from error
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
            error = translate(
                "BatchJob", "This row has {values} values, but the header names {columns} "
                "columns.").format(values=format_number(len(record)),
                                   columns=format_number(len(columns)))
        elif any(_not_utf8(cell) for cell in record):
            error = translate("BatchJob", "This row is not valid UTF-8 text.")
        elif any(len(cell) > MAX_VALUE_CHARS for cell in record):
            error = translate(
                "BatchJob", "A value in this row is longer than {count} characters.").format(
                    count=format_number(MAX_VALUE_CHARS))
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
        return InputRow(index, name, error=translate(
            "BatchJob", "Line {line} is not valid UTF-8 text.").format(
                line=format_number(number)))
    try:
        value = json.loads(text)
    except ValueError as error:
        return InputRow(index, name, error=translate(
            "BatchJob", "Line {line} is not valid JSON ({error}).").format(
                line=format_number(number), error=error))
    if not isinstance(value, dict):
        return InputRow(index, name, error=translate(
            "BatchJob", "Line {line} is not a JSON object.").format(line=format_number(number)))
    values: dict[str, str] = {}
    for key, item in value.items():
        if item is None:
            continue  # a null is a missing value
        cell = item if isinstance(item, str) else json.dumps(item, ensure_ascii=False)
        if len(cell) > MAX_VALUE_CHARS:
            return InputRow(index, name, error=translate(
                "BatchJob", "The value of {key} on line {line} is longer than {count} "
                "characters.").format(key=repr(key), line=format_number(number),
                                      count=format_number(MAX_VALUE_CHARS)))
        if _not_utf8(cell):
            return InputRow(index, name, error=translate(
                "BatchJob", "The value of {key} on line {line} holds a lone surrogate escape, "
                "which is not text.").format(key=repr(key), line=format_number(number)))
        values[key] = cell
    return InputRow(index, values.get(ID_COLUMN) or name, values)


def _read_folder(folder: Path) -> BatchInput:
    try:
        files = sorted((entry for entry in folder.iterdir()
                        if entry.is_file() and not entry.name.startswith(".")),
                       key=lambda entry: entry.name)
    except OSError as error:
        raise BatchInputError(translate(
            "BatchJob", "The folder {folder} cannot be read: {error}.").format(
                folder=folder, error=error.strerror or error), detail=str(error)) from error
    if not files:
        raise BatchInputError(translate(
            "BatchJob", "The folder {name} holds no files: there are no rows to answer."
        ).format(name=folder.name))
    if len(files) > MAX_ROWS:
        raise BatchInputError(translate(
            "BatchJob", "The folder {name} holds {count} files; a batch job takes at most "
            "{most}.").format(name=folder.name, count=format_number(len(files)),
                              most=format_number(MAX_ROWS)))
    total = sum(entry.stat().st_size for entry in files)
    if total > MAX_INPUT_BYTES:
        raise BatchInputError(translate(
            "BatchJob", "The files in {name} hold {size} MB; a batch job reads at most {most} "
            "MB. Split the folder.").format(name=folder.name, size=format_number(total / 1e6),
                                            most=format_number(MAX_INPUT_BYTES / 1e6)))
    rows = [_file_row(index, entry) for index, entry in enumerate(files)]
    return BatchInput(folder, "folder", FOLDER_COLUMNS, tuple(rows))


def _file_row(index: int, path: Path) -> InputRow:
    try:
        if path.stat().st_size > MAX_VALUE_CHARS * 4:
            return InputRow(index, path.name, error=translate(
                "BatchJob", "{name} is too long for one row.").format(name=path.name))
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return InputRow(index, path.name, error=translate(
            "BatchJob", "{name} is not valid UTF-8 text.").format(name=path.name))
    except OSError as error:
        return InputRow(index, path.name, error=_unreadable(path.name, error))
    if len(text) > MAX_VALUE_CHARS:
        return InputRow(index, path.name, error=translate(
            "BatchJob", "{name} is longer than {count} characters.").format(
                name=path.name, count=format_number(MAX_VALUE_CHARS)))
    return InputRow(index, path.name, {"name": path.name, "text": text})


def _unreadable(name: str, error: OSError) -> str:
    return translate("BatchJob", "{name} cannot be read: {error}.").format(
        name=name, error=error.strerror or error)


def _not_utf8(text: str) -> bool:
    """Whether ``text`` holds bytes that were not UTF-8 (surrogateescape's lone
    surrogates) or surrogates JSON spelled out, which no UTF-8 file can hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
